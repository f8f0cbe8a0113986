//! The first sentence splitter, kept as the slow, obviously-right oracle of the fast one.
//!
//! It decodes every paragraph into a `Vec<(usize, char)>` and walks it char by char; the fast
//! splitter in [`super`] scans bytes and decodes only at punctuation and line breaks. Both must
//! give identical spans on every text: unit tests here, the `units` fuzz target and the gold
//! set check it. Not part of the public API.

use super::{
    is_bullet, is_cjk_term, is_closer, is_line_break, is_opener, is_starter, is_term,
    paragraphs_by, point_ends_sentence, trim_span, Layout, Lines, ParagraphMode, Reading,
    MAX_WRAP_WIDTH, MIN_WRAP_WIDTH,
};
use crate::core::chars::{is_space, is_word};

/// Calls `f(start, end)` for every line of `text`, line breaks excluded (so an empty line gives
/// `start == end`). `\r\n` is one break; a text ending in a break has a final empty line.
fn for_each_line(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            f(start, i);
            let mut next = i + c.len_utf8();
            if c == '\r' && bytes.get(next) == Some(&b'\n') {
                it.next();
                next += 1;
            }
            start = next;
        }
    }
    f(start, text.len());
}

struct CharLines;

impl Lines for CharLines {
    fn for_each_line(text: &str, f: impl FnMut(usize, usize)) {
        for_each_line(text, f)
    }
}

/// [`super::paragraphs`], with lines found char by char (the reading of `mode` is made by
/// [`read`]).
pub fn paragraphs(text: &str, mode: ParagraphMode) -> Vec<(usize, usize)> {
    paragraphs_read(text, read(text, mode))
}

/// [`super::paragraphs_read`], with lines found char by char.
pub fn paragraphs_read(text: &str, reading: Reading) -> Vec<(usize, usize)> {
    paragraphs_by::<CharLines>(text, reading)
}

/// [`super::sentences_in`], char by char.
pub fn sentences_in(text: &str, mode: ParagraphMode) -> Vec<(usize, usize)> {
    sentences_read(text, read(text, mode))
}

/// [`super::sentences_read`], char by char: each paragraph of `reading` split on its own.
pub fn sentences_read(text: &str, reading: Reading) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut buf: Vec<(usize, char)> = Vec::new();
    for (ps, pe) in paragraphs_read(text, reading) {
        let Some(par) = text.get(ps..pe) else {
            continue;
        };
        buf.clear();
        buf.extend(par.char_indices().map(|(i, c)| (ps + i, c)));
        split_paragraph(text, &buf, pe, &mut out);
    }
    out
}

/// Whether a sentence may start at `cs[m]`: [`is_starter`], and after opening quotes or
/// brackets the next character is not a lower-case letter (`(D-Fla.) "is obviously ...` goes on).
fn starts_sentence(cs: &[(usize, char)], m: usize) -> bool {
    let Some(&(_, c)) = cs.get(m) else {
        return false;
    };
    if !is_starter(c) {
        return false;
    }
    if !is_opener(c) {
        return true;
    }
    let mut k = m;
    while k < cs.len() && is_opener(cs[k].1) {
        k += 1;
    }
    cs.get(k).map_or(true, |&(_, c)| !c.is_lowercase())
}

/// Splits one paragraph (its characters with their byte offsets in `text`; `end` is the
/// paragraph's end) into sentences, appending trimmed spans to `out`.
fn split_paragraph(text: &str, cs: &[(usize, char)], end: usize, out: &mut Vec<(usize, usize)>) {
    let n = cs.len();
    let at = |i: usize| if i < n { cs[i].0 } else { end };
    let emit = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        if let Some(span) = trim_span(text, s, e) {
            out.push(span);
        }
    };
    let skip_space = |mut i: usize| {
        while i < n && is_space(cs[i].1) {
            i += 1;
        }
        i
    };
    let mut start = 0usize; // index into cs of the current sentence's first character
    let mut i = 0usize;
    while i < n {
        let c = cs[i].1;
        if is_cjk_term(c) {
            let mut j = i + 1;
            while j < n && (is_cjk_term(cs[j].1) || is_term(cs[j].1)) {
                j += 1;
            }
            while j < n && is_closer(cs[j].1) {
                j += 1;
            }
            let m = skip_space(j);
            if m < n {
                emit(at(start), at(j), out);
                start = m;
            }
            i = m;
            continue;
        }
        if is_term(c) {
            let mut j = i + 1;
            while j < n && is_term(cs[j].1) {
                j += 1;
            }
            let mut k = j;
            while k < n && is_closer(cs[k].1) {
                k += 1;
            }
            if k < n && is_space(cs[k].1) {
                let m = skip_space(k);
                if starts_sentence(cs, m) && run_ends_sentence(cs, start, i, j, m) {
                    emit(at(start), at(k), out);
                    start = m;
                    i = m;
                    continue;
                }
            }
            // An ellipsis between a word and a capital, without spaces ("wheat...Egypt was"):
            // wire copy runs items together that way; the sentence ends after the ellipsis.
            let is_ellipsis = cs[i].1 == '…' || (cs[i].1 == '.' && j >= i + 3);
            if is_ellipsis && k == j && j < n && i > start && is_word(cs[i - 1].1) && cs[j].1.is_uppercase() {
                emit(at(start), at(j), out);
                start = j;
                i = j;
                continue;
            }
            i = j;
            continue;
        }
        if is_line_break(c) {
            // Indented new line: count horizontal whitespace after the break.
            let mut j = i + 1;
            if c == '\r' && j < n && cs[j].1 == '\n' {
                j += 1;
            }
            let m = skip_space(j);
            let indent = &cs[j..m];
            let indented = indent.iter().any(|&(_, c)| c == '\t') || indent.len() >= 2;
            if indented && m < n && (starts_sentence(cs, m) || is_bullet(cs[m].1)) && m > start {
                emit(at(start), at(i), out);
                start = m;
                i = m;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < n {
        emit(at(start), end, out);
    }
}

/// Whether the terminator run `cs[i..j]`, followed by whitespace and a sentence starter at
/// `cs[m]`, ends the sentence that began at `start`.
fn run_ends_sentence(cs: &[(usize, char)], start: usize, i: usize, j: usize, m: usize) -> bool {
    let first = cs[i].1;
    let single_point = first == '.' && j == i + 1;
    // The word before the run: back to whitespace, without opening quotes/brackets before it
    // or closing ones after it.
    let mut w0 = i;
    while w0 > start && !is_space(cs[w0 - 1].1) {
        w0 -= 1;
    }
    let mut w1 = i;
    while w0 < w1 && is_opener(cs[w0].1) {
        w0 += 1;
    }
    while w1 > w0 && is_closer(cs[w1 - 1].1) {
        w1 -= 1;
    }
    if !single_point {
        // An ellipsis standing alone ("said ... The", "[...]") is an omission, not an end.
        let is_ellipsis = first == '…' || (first == '.' && j >= i + 3);
        let alone = i == 0 || i == start || !is_word(cs[i - 1].1);
        if !(is_ellipsis && alone) {
            return true;
        }
        // An editorial "[...]" followed by a capital usually stands for the end of one quoted
        // sentence and the omitted start of the next, unless it opens the sentence itself.
        let bracketed = i > start
            && matches!(cs[i - 1].1, '[' | '(')
            && cs.get(j).is_some_and(|&(_, c)| matches!(c, ']' | ')'));
        return bracketed && cs[start..i - 1].iter().any(|&(_, c)| is_word(c));
    }
    let word: String = cs[w0..w1].iter().map(|&(_, c)| c).collect();
    point_ends_sentence(&word, || {
        let mut e = m;
        while e < cs.len() && cs[e].1.is_alphabetic() {
            e += 1;
        }
        let next_word: String = cs[m..e].iter().map(|&(_, c)| c).collect();
        (cs[m].1, next_word, cs.get(e).map(|&(_, c)| c))
    })
}

/// The lines of `text`, line breaks excluded (`\r\n` is one break).
fn lines_of(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = Vec::new();
    let mut rest = text;
    loop {
        match rest.char_indices().find(|&(_, c)| is_line_break(c)) {
            Some((i, c)) => {
                lines.push(&rest[..i]);
                let mut j = i + c.len_utf8();
                if c == '\r' && rest[j..].starts_with('\n') {
                    j += 1;
                }
                rest = &rest[j..];
            }
            None => {
                lines.push(rest);
                break;
            }
        }
    }
    lines
}

/// Whether a line is blank (whitespace only).
fn blank(l: &str) -> bool {
    l.chars().all(is_space)
}

/// Whether a line is indented: a tab or two or more characters of whitespace before its first
/// other character.
fn indented(l: &str) -> bool {
    let lead: String = l.chars().take_while(|c| is_space(*c)).collect();
    lead.contains('\t') || lead.chars().count() >= 2
}

/// [`super::indents_paragraphs`], restated: a line after the first is indented and not blank,
/// and some line is neither.
fn indents(lines: &[&str]) -> bool {
    lines.iter().skip(1).any(|l| !blank(l) && indented(l)) && lines.iter().any(|l| !blank(l) && !indented(l))
}

/// [`ParagraphMode::read`], restated: `Auto` as [`layout`] decides, `Blank` with `indents`.
pub fn read(text: &str, mode: ParagraphMode) -> Reading {
    match mode {
        ParagraphMode::Line => Reading::Line,
        ParagraphMode::Blank => Reading::Blank { indents: indents(&lines_of(text)) },
        ParagraphMode::Auto => layout(text).reading(),
    }
}

/// [`super::layout`], restated plainly: the lines of `text` in a vector, each rule of
/// [`Layout`] checked on them in turn.
pub fn layout(text: &str) -> Layout {
    let lines = lines_of(text);
    let width_of = |l: &str| l.trim_end_matches(is_space).chars().count();
    let width = lines.iter().map(|l| width_of(l)).max().unwrap_or(0);
    if let Some(w) = lines.iter().map(|l| width_of(l)).find(|&w| w > MAX_WRAP_WIDTH) {
        return Layout { width: w, ..Layout::default() };
    }
    let indents = indents(&lines);
    let at_margin = |l: &str| l.chars().next().is_some_and(|c| !is_space(c));
    let margin = lines.iter().any(|l| at_margin(l));
    let (mut soft, mut inside) = (0, 0);
    for w in lines.windows(2) {
        let (a, b) = (w[0], w[1]);
        if blank(a) || blank(b) || (indents && indented(b)) {
            continue;
        }
        soft += 1;
        let t = a.trim_matches(is_space);
        let last = t.trim_end_matches(is_closer).chars().last();
        let ends = last.is_some_and(|c| is_term(c) || is_cjk_term(c) || c == ':');
        let gap = t.char_indices().any(|(i, c)| {
            let run = c == '\t' || (c == ' ' && t[i + 1..].starts_with([' ', '\t']));
            let before = t[..i].trim_end_matches([' ', '\t']).chars().last();
            run && !matches!(before, Some('.' | '!' | '?' | ':'))
        });
        let lower = b.trim_start_matches(is_space).chars().next().is_some_and(char::is_lowercase);
        let full = width >= MIN_WRAP_WIDTH && 4 * width_of(a) >= 3 * width;
        if !ends && !gap && (!margin || at_margin(b)) && (lower || full) {
            inside += 1;
        }
    }
    Layout { width, soft_breaks: soft, wrapped_breaks: inside, indents }
}
