//! Fuzz target `units`: the paragraph, sentence and token splitters of docs/units.md and docs/sentences.md on arbitrary
//! UTF-8 text.
//!
//! Checks: spans are non-empty, on char boundaries, inside the text, sorted and
//! non-overlapping; paragraph and sentence spans are trimmed; whatever lies between consecutive
//! paragraphs holds a line break; in line mode no paragraph holds a line break; every sentence lies
//! inside one paragraph of the mode it was split with; tokens are exactly the word characters
//! (runs, with unspaced-script characters alone); `bytes_to_cps` agrees with a naive count; the
//! byte-level paragraph and sentence splitters give exactly the spans of the char-by-char
//! `units::reference` ones (line, blank and auto mode; in auto mode the reading is decided by
//! `units::layout`, which must equal its plain restatement `units::reference::layout`).
#![no_main]

use gazetta::core::chars::{is_space, is_unspaced, is_word};
use gazetta::core::units::{bytes_to_cps, layout, paragraphs, reference, sentences, sentences_in, tokens, ParagraphMode};
use libfuzzer_sys::fuzz_target;

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

fn check_spans(text: &str, spans: &[(usize, usize)], what: &str, trimmed: bool) {
    let mut prev_end = 0usize;
    for &(s, e) in spans {
        assert!(s < e, "{what}: empty span ({s}, {e})");
        assert!(e <= text.len(), "{what}: span past the end");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{what}: not on char boundaries");
        assert!(s >= prev_end, "{what}: unsorted or overlapping at ({s}, {e})");
        prev_end = e;
        if trimmed {
            let sub = &text[s..e];
            assert!(!sub.starts_with(is_space) && !sub.ends_with(is_space), "{what}: not trimmed {sub:?}");
        }
    }
}

fn within(outer: &[(usize, usize)], s: usize, e: usize) -> bool {
    outer.iter().any(|&(ps, pe)| ps <= s && e <= pe)
}

fuzz_target!(|text: &str| {
    assert_eq!(layout(text), reference::layout(text), "layout differs from its restatement");
    for mode in [ParagraphMode::Line, ParagraphMode::Blank, ParagraphMode::Auto] {
        let pars = paragraphs(text, mode);
        check_spans(text, &pars, "paragraphs", true);
        // Every non-space character is in some paragraph.
        for (i, c) in text.char_indices() {
            if !is_space(c) {
                assert!(within(&pars, i, i + c.len_utf8()), "{mode:?}: char {c:?} at {i} in no paragraph");
            }
        }
        // Between two paragraphs there is a line break.
        for w in pars.windows(2) {
            assert!(text[w[0].1..w[1].0].contains(is_break), "{mode:?}: paragraphs not separated by a break");
        }
        if mode == ParagraphMode::Line {
            for &(s, e) in &pars {
                assert!(!text[s..e].contains(is_break), "line paragraph holds a break");
            }
        }
        assert_eq!(pars, reference::paragraphs(text, mode), "{mode:?}: paragraphs differ from the reference");
        let sents = sentences_in(text, mode);
        assert_eq!(sents, reference::sentences_in(text, mode), "{mode:?}: sentences differ from the reference");
        check_spans(text, &sents, "sentences", true);
        for &(s, e) in &sents {
            assert!(within(&pars, s, e), "{mode:?}: sentence ({s}, {e}) outside every paragraph");
        }
        // Sentences cover every non-space character of the paragraphs.
        for (i, c) in text.char_indices() {
            if !is_space(c) {
                assert!(within(&sents, i, i + c.len_utf8()), "{mode:?}: char {c:?} at {i} in no sentence");
            }
        }
        if mode == ParagraphMode::Line {
            assert_eq!(sents, sentences(text));
        }
    }
    let toks = tokens(text);
    check_spans(text, &toks, "tokens", false);
    // Tokens = word characters exactly.
    let mut k = 0;
    for (i, c) in text.char_indices() {
        let inside = toks.get(k).is_some_and(|&(s, e)| s <= i && i < e);
        assert_eq!(inside, is_word(c), "token coverage at {i} ({c:?})");
        if let Some(&(_, e)) = toks.get(k) {
            if i + c.len_utf8() == e {
                k += 1;
            }
        }
    }
    for &(s, e) in &toks {
        let sub = &text[s..e];
        if sub.chars().any(is_unspaced) {
            assert_eq!(sub.chars().count(), 1, "unspaced character not alone in its token {sub:?}");
        }
    }
    for w in toks.windows(2) {
        if w[0].1 == w[1].0 {
            let a = text[w[0].0..w[0].1].chars().next_back().unwrap();
            let b = text[w[1].0..w[1].1].chars().next().unwrap();
            assert!(is_unspaced(a) || is_unspaced(b), "adjacent tokens split a plain word");
        }
    }
    // bytes_to_cps
    let offs: Vec<usize> = toks.iter().flat_map(|&(s, e)| [s, e]).collect();
    let cps = bytes_to_cps(text, &offs);
    for (o, c) in offs.iter().zip(cps) {
        assert_eq!(text[..*o].chars().count(), c);
    }
});
