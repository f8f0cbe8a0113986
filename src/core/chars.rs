//! Character classes and per-character mappings of the matching rules (docs/matching.md, Normalised comparison to Accents).
//!
//! Every rule that decides *which characters are equal* or *where a word ends* lives here, in one
//! place, so that the matcher, the unit splitters and the token windows agree. The pure-Python
//! reference in `tests/reference.py` implements the same functions from the same definitions.
//!
//! Definitions (all judged per code point):
//! - **apostrophe variants** `' ’ ‘ ‛ ʼ ` ´ ′` map to `'`;
//! - **dash variants** U+2010–U+2015, U+2212, U+FE63, U+FF0D and `-` map to `-`;
//! - **whitespace** is Unicode's `White_Space` property (tab, newline, space, NBSP, U+2000–U+200A,
//!   U+2028/9, U+3000, ...); a run of it maps to one space;
//! - a **word character** is one whose general category is a letter (L*), mark (M*) or number
//!   (N*), after the mapping above (so `ʼ` is an apostrophe, not a letter);
//! - **unspaced scripts** (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer, Myanmar) are
//!   recognised by their Unicode blocks, listed in [`is_unspaced`].

use unicode_general_category::{get_general_category, GeneralCategory as GC};
use unicode_normalization::char::{compose, decompose_canonical};

/// Maps apostrophe and dash variants to their ASCII form; every other character is returned as is.
/// Whitespace is *not* handled here: runs are collapsed by the view builder.
///
/// # Examples
/// ```
/// use gazetta::core::chars::map_punct;
/// assert_eq!(map_punct('’'), '\'');
/// assert_eq!(map_punct('\u{2014}'), '-');
/// assert_eq!(map_punct('a'), 'a');
/// ```
#[inline]
pub fn map_punct(c: char) -> char {
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}' => '\'',
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// Unicode `White_Space` (the same set as Rust's `char::is_whitespace`).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// A word character (docs/matching.md, Word boundaries): general category letter, mark or number, judged after
/// [`map_punct`].
///
/// # Examples
/// ```
/// use gazetta::core::chars::is_word;
/// assert!(is_word('a') && is_word('é') && is_word('7') && is_word('\u{0301}') && is_word('北'));
/// assert!(!is_word('\u{02BC}') && !is_word('.') && !is_word(' ') && !is_word('-'));
/// ```
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let c = map_punct(c);
    if c.is_ascii() {
        return false;
    }
    let (letter_or_number, mark) = category_class(c);
    letter_or_number || mark
}

/// A letter or number (L* or N*): an alias must contain at least one (docs/gazetteers.md).
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    category_class(c).0 && map_punct(c) == c
}

/// (letter or number, mark) by Unicode general category: the one table behind [`is_word`],
/// [`is_letter_or_digit`] and [`is_mark`].
#[inline]
fn category_class(c: char) -> (bool, bool) {
    match get_general_category(c) {
        GC::UppercaseLetter
        | GC::LowercaseLetter
        | GC::TitlecaseLetter
        | GC::ModifierLetter
        | GC::OtherLetter
        | GC::DecimalNumber
        | GC::LetterNumber
        | GC::OtherNumber => (true, false),
        GC::NonspacingMark | GC::SpacingMark | GC::EnclosingMark => (false, true),
        _ => (false, false),
    }
}

/// A combining mark (general category M*), dropped by accent folding (docs/matching.md, Accents).
#[inline]
pub fn is_mark(c: char) -> bool {
    !c.is_ascii() && category_class(c).1
}

/// Characters of the scripts written without spaces between words (docs/matching.md, Word boundaries), by block:
/// Thai U+0E00–0E7F, Lao U+0E80–0EFF, Myanmar U+1000–109F, A9E0–A9FF, AA60–AA7F,
/// Hangul Jamo U+1100–11FF, A960–A97F, D7B0–D7FF, Hangul compatibility jamo U+3130–318F,
/// Hangul syllables U+AC00–D7AF, halfwidth Hangul U+FFA0–FFDC, Khmer U+1780–17FF, 19E0–19FF,
/// CJK radicals U+2E80–2FDF, CJK symbols 々〆〇 and Hangzhou numerals U+3005–3007, 3021–3029,
/// 3038–303B, Hiragana U+3040–309F, Katakana U+30A0–30FF, 31F0–31FF, halfwidth Katakana
/// U+FF66–FF9F, CJK ideographs U+3400–4DBF, 4E00–9FFF, F900–FAFF, U+20000–3FFFF.
#[inline]
pub fn is_unspaced(c: char) -> bool {
    let u = c as u32;
    if u < 0x0E00 {
        return false;
    }
    matches!(u,
        0x0E00..=0x0EFF
        | 0x1000..=0x109F
        | 0x1100..=0x11FF
        | 0x1780..=0x17FF
        | 0x19E0..=0x19FF
        | 0x2E80..=0x2FDF
        | 0x3005..=0x3007
        | 0x3021..=0x3029
        | 0x3038..=0x303B
        | 0x3040..=0x30FF
        | 0x3130..=0x318F
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xA9E0..=0xA9FF
        | 0xAA60..=0xAA7F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0xFFA0..=0xFFDC
        | 0x20000..=0x3FFFF
    )
}

/// Simple (length-preserving) lowercase: the full lowercase mapping when it is one character,
/// otherwise the character itself (so `İ` stays `İ`; docs/matching.md, Case).
#[inline]
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Simple (length-preserving) uppercase: the full uppercase mapping when it is one character,
/// otherwise the character itself (so `ß` stays `ß`).
#[inline]
pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Accent folding of one character (docs/matching.md, Accents): canonical decomposition, combining marks
/// dropped, the rest recomposed. Calls `emit` for each resulting character (usually exactly one;
/// none for a mark on its own).
///
/// # Examples
/// ```
/// use gazetta::core::chars::fold_char;
/// let mut out = String::new();
/// for c in "São\u{0301}".chars() { fold_char(c, |f| out.push(f)); }
/// assert_eq!(out, "Sao");
/// ```
#[inline]
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c);
        return;
    }
    let mut buf: [char; 8] = ['\0'; 8];
    let mut n = 0usize;
    let mut overflow = false;
    decompose_canonical(c, |d| {
        if !is_mark(d) {
            if n < buf.len() {
                buf[n] = d;
                n += 1;
            } else {
                overflow = true;
            }
        }
    });
    if overflow {
        emit(c);
        return;
    }
    // Recompose what is left (Hangul syllables decompose into jamo and come back here).
    let mut i = 0;
    while i < n {
        let mut cur = buf[i];
        let mut j = i + 1;
        while j < n {
            match compose(cur, buf[j]) {
                Some(k) => {
                    cur = k;
                    j += 1;
                }
                None => break,
            }
        }
        emit(cur);
        i = j;
    }
}

/// The number of code points that start in `bytes` (a slice of UTF-8): the bytes that are not
/// continuation bytes (`10xxxxxx`). Counted 64 bytes at a
/// time into a byte-wide sum, which the compiler vectorises (a plain `filter().count()` widens
/// every byte to a `usize` lane, four bytes per step).
///
/// # Examples
/// ```
/// use gazetta::core::chars::count_chars;
/// assert_eq!(count_chars("Zürich → 北京 🙂".as_bytes()), 13);
/// ```
pub fn count_chars(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(64);
    let mut n = 0usize;
    for b in &mut blocks {
        // At most 64 per block: fits a u8.
        let k: u8 = b.iter().map(|&x| u8::from((x as i8) >= -0x40)).fold(0u8, |a, x| a.wrapping_add(x));
        n += k as usize;
    }
    n + blocks.remainder().iter().filter(|&&x| (x as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_chars_equals_chars_count() {
        let samples = ["", "a", "é", "plain ASCII text of more than sixty-four bytes, to fill a whole block!!", "Zürich → 北京 🙂"];
        for s in samples {
            for k in 0..=130 {
                let t = s.repeat(k % 7 + 1)[..].to_string() + &"x".repeat(k);
                assert_eq!(count_chars(t.as_bytes()), t.chars().count(), "{t:?}");
                for (i, _) in t.char_indices() {
                    assert_eq!(count_chars(&t.as_bytes()[i..]), t[i..].chars().count());
                }
            }
        }
    }

    #[test]
    fn punct_mapping() {
        for c in ['\'', '’', '‘', '‛', 'ʼ', '`', '´', '′'] {
            assert_eq!(map_punct(c), '\'', "{c:?}");
        }
        for c in ['-', '\u{2010}', '\u{2011}', '\u{2012}', '–', '—', '\u{2015}', '−', '\u{FE63}', '\u{FF0D}'] {
            assert_eq!(map_punct(c), '-', "{c:?}");
        }
    }

    #[test]
    fn word_chars() {
        assert!(is_word('Ä') && is_word('ß') && is_word('٣') && is_word('한') && is_word('ก'));
        assert!(!is_word('ʼ') && !is_word('’') && !is_word('\u{00A0}') && !is_word('_'));
    }

    #[test]
    fn unspaced() {
        assert!(is_unspaced('北') && is_unspaced('は') && is_unspaced('カ') && is_unspaced('한'));
        assert!(is_unspaced('ก') && is_unspaced('ລ') && is_unspaced('ក') && is_unspaced('မ'));
        assert!(!is_unspaced('a') && !is_unspaced('я') && !is_unspaced('ع'));
    }

    #[test]
    fn case_maps_are_length_preserving() {
        assert_eq!(lower('İ'), 'İ');
        assert_eq!(upper('ß'), 'ß');
        assert_eq!(lower('Ä'), 'ä');
        assert_eq!(upper('é'), 'É');
    }

    #[test]
    fn folding() {
        let fold = |s: &str| {
            let mut o = String::new();
            for c in s.chars() {
                fold_char(c, |f| o.push(f));
            }
            o
        };
        assert_eq!(fold("São Paulo"), "Sao Paulo");
        assert_eq!(fold("Sa\u{0303}o"), "Sao");
        assert_eq!(fold("한국"), "한국");
        assert_eq!(fold("Ærø"), "Ærø");
    }
}
