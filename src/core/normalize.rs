//! Normalised *views* of a text (docs/matching.md, Normalised comparison, Case and Accents) and the sparse map from view positions
//! back to the original text.
//!
//! A view is the text after, per character: apostrophe/dash mapping, optional accent folding,
//! optional simple lowercase; then every run of whitespace collapsed to one space. Each view
//! character comes from exactly one original character. Positions map back through
//! *checkpoints*: a checkpoint is recorded only where the difference between the view's byte
//! position and the original's code-point (and byte) position changes, so plain ASCII prose
//! with single spaces needs none, and a lookup is a binary search over a short list.
//!
//! The end of a match maps to the original position of the character *after* it, so combining
//! marks dropped by folding stay inside the mention, and collapsed whitespace stays outside.

use super::chars::{fold_char, is_space, lower, map_punct};

/// Which transforms a view applies on top of the normalised comparison (docs/matching.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ViewSpec {
    /// Drop combining marks (docs/matching.md, Accents).
    pub fold: bool,
    /// Simple lowercase (docs/matching.md, Case, `case="insensitive"`).
    pub lower: bool,
}

/// A normalised view of one text, with its map back to the original.
#[derive(Debug, Default, Clone)]
pub struct View {
    /// The view's text (valid UTF-8).
    pub text: String,
    /// `(view_byte, view_byte - orig_cp, view_byte - orig_byte)` where the deltas change.
    // usize, not u32 (issue 8): a view past 4 GiB (one huge document with accent folding) had
    // its checkpoint positions truncated and mapped matches to wrong offsets. Same size: the
    // tuple is 24 bytes either way.
    checkpoints: Vec<(usize, i64, i64)>,
    orig_cp_len: usize,
    orig_byte_len: usize,
}

impl View {
    /// Builds (into reused buffers) the view of `src` under `spec`.
    ///
    /// # Examples
    /// ```
    /// use gazetta::core::normalize::{View, ViewSpec};
    /// let mut v = View::default();
    /// v.build("Russia’s  North\nKorea", ViewSpec { fold: false, lower: false });
    /// assert_eq!(v.text, "Russia's North Korea");
    /// // "Korea" starts at view byte 15 and original code point 16.
    /// assert_eq!(v.to_orig_cp(15), 16);
    /// ```
    pub fn build(&mut self, src: &str, spec: ViewSpec) {
        self.text.clear();
        self.checkpoints.clear();
        self.text.reserve(src.len());
        let mut cp: usize = 0;
        let mut delta_cp: i64 = 0;
        let mut delta_b: i64 = 0;
        let mut last_space = false;
        let bytes = src.as_bytes();
        let mut pos = 0usize;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b < 0x80 {
                let class = ASCII_CLASS[b as usize];
                if class == PLAIN || (b == b' ' && !last_space) {
                    // A run of ASCII bytes copied as is (deltas cannot change inside it): plain
                    // bytes and single spaces.
                    let run_start = pos;
                    let mut prev_sp = false;
                    while pos < bytes.len() {
                        let c = bytes[pos];
                        if c == b' ' {
                            if prev_sp {
                                break;
                            }
                            prev_sp = true;
                        } else if ASCII_CLASS[c as usize] == PLAIN {
                            prev_sp = false;
                        } else {
                            break;
                        }
                        pos += 1;
                    }
                    self.record(cp, run_start, &mut delta_cp, &mut delta_b);
                    let from = self.text.len();
                    self.text.push_str(&src[run_start..pos]);
                    if spec.lower {
                        self.text[from..].make_ascii_lowercase();
                    }
                    cp += pos - run_start;
                    last_space = prev_sp;
                    continue;
                }
                if class == SPACE {
                    if !last_space {
                        self.record(cp, pos, &mut delta_cp, &mut delta_b);
                        self.text.push(' ');
                    }
                    last_space = true;
                } else {
                    // backtick: an apostrophe variant
                    self.record(cp, pos, &mut delta_cp, &mut delta_b);
                    self.text.push('\'');
                    last_space = false;
                }
                pos += 1;
                cp += 1;
                continue;
            }
            // Non-ASCII: decode one char.
            let c = decode_at(src, pos);
            let clen = c.len_utf8();
            if is_space(c) {
                if !last_space {
                    self.record(cp, pos, &mut delta_cp, &mut delta_b);
                    self.text.push(' ');
                }
                last_space = true;
            } else {
                let m = map_punct(c);
                if spec.fold {
                    let mut emitted = [None::<char>; 4];
                    let mut n = 0;
                    let mut extra: Vec<char> = Vec::new();
                    fold_char(m, |f| {
                        if n < 4 {
                            emitted[n] = Some(f);
                            n += 1;
                        } else {
                            extra.push(f);
                        }
                    });
                    for f in emitted.iter().take(n).flatten().copied().chain(extra) {
                        let f = if spec.lower { lower(f) } else { f };
                        if is_space(f) {
                            if last_space {
                                continue;
                            }
                            self.record(cp, pos, &mut delta_cp, &mut delta_b);
                            self.text.push(' ');
                            last_space = true;
                        } else {
                            self.record(cp, pos, &mut delta_cp, &mut delta_b);
                            self.text.push(f);
                            last_space = false;
                        }
                    }
                } else {
                    let f = if spec.lower { lower(m) } else { m };
                    self.record(cp, pos, &mut delta_cp, &mut delta_b);
                    self.text.push(f);
                    last_space = false;
                }
            }
            pos += clen;
            cp += 1;
        }
        self.record(cp, pos, &mut delta_cp, &mut delta_b);
        self.orig_cp_len = cp;
        self.orig_byte_len = pos;
    }

    #[inline(always)]
    fn record(&mut self, cp: usize, byte: usize, delta_cp: &mut i64, delta_b: &mut i64) {
        let vb = self.text.len() as i64;
        let dc = vb - cp as i64;
        let db = vb - byte as i64;
        if dc != *delta_cp || db != *delta_b {
            self.checkpoints.push((vb as usize, dc, db));
            *delta_cp = dc;
            *delta_b = db;
        }
    }

    #[inline]
    fn deltas(&self, vb: usize) -> (i64, i64) {
        // Last checkpoint at or before vb. Before the first checkpoint the deltas are 0.
        let idx = self.checkpoints.partition_point(|&(p, _, _)| p <= vb);
        if idx == 0 {
            (0, 0)
        } else {
            let (_, dc, db) = self.checkpoints[idx - 1];
            (dc, db)
        }
    }

    /// Original code-point index of the view character starting at byte `vb` (or the original
    /// length when `vb` is the view's end).
    #[inline]
    pub fn to_orig_cp(&self, vb: usize) -> usize {
        let (dc, _) = self.deltas(vb);
        (vb as i64 - dc) as usize
    }

    /// Original byte offset of the view character starting at byte `vb`.
    #[inline]
    pub fn to_orig_byte(&self, vb: usize) -> usize {
        let (_, db) = self.deltas(vb);
        (vb as i64 - db) as usize
    }

    /// Both original positions (code point, byte) of view byte `vb`.
    #[inline]
    pub fn to_orig(&self, vb: usize) -> (usize, usize) {
        let (dc, db) = self.deltas(vb);
        ((vb as i64 - dc) as usize, (vb as i64 - db) as usize)
    }

    /// Length of the original text in code points.
    pub fn orig_cp_len(&self) -> usize {
        self.orig_cp_len
    }

    /// Length of the original text in bytes.
    pub fn orig_byte_len(&self) -> usize {
        self.orig_byte_len
    }
}

const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const TICK: u8 = 2;
const NON_ASCII: u8 = 3;

/// Class of each ASCII byte for the view builder's fast path (non-ASCII bytes take the slow
/// path). A single space is copied inside fast runs; runs of whitespace take the SPACE path.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut i = 0x80;
    while i < 256 {
        t[i] = NON_ASCII;
        i += 1;
    }
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0B] = SPACE;
    t[0x0C] = SPACE;
    t[b' ' as usize] = SPACE;
    t[b'`' as usize] = TICK;
    t
};

/// Normalises an alias literal the way [`View::build`] normalises text (so that alias and text
/// compare equal exactly when the rules of docs/matching.md, Normalised comparison to Accents, say they do).
pub fn normalize_str(s: &str, spec: ViewSpec) -> String {
    let mut v = View::default();
    v.build(s, spec);
    v.text
}

/// Decodes the char starting at byte `pos` of `s` (which must be a char boundary).
#[inline]
pub fn decode_at(s: &str, pos: usize) -> char {
    // `pos` is always a char boundary: callers advance by whole chars.
    match s.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => b as char,
        _ => s[pos..].chars().next().unwrap_or('\u{FFFD}'),
    }
}

/// Decodes the char ending at byte `pos` of `s` (which must be a char boundary, > 0).
#[inline]
pub fn decode_before(s: &str, pos: usize) -> char {
    match pos.checked_sub(1).and_then(|i| s.as_bytes().get(i)) {
        Some(&b) if b < 0x80 => b as char,
        _ => s[..pos].chars().next_back().unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: ViewSpec = ViewSpec { fold: false, lower: false };

    #[test]
    fn ascii_identity_has_no_checkpoints() {
        let mut v = View::default();
        v.build("North Korea and Japan", PLAIN);
        assert_eq!(v.text, "North Korea and Japan");
        assert!(v.checkpoints.is_empty());
        assert_eq!(v.to_orig_cp(6), 6);
        assert_eq!(v.to_orig_cp(v.text.len()), 21);
    }

    #[test]
    fn whitespace_runs_and_offsets() {
        let mut v = View::default();
        let src = "a \t\n b\u{00A0}\u{00A0}c";
        v.build(src, PLAIN);
        assert_eq!(v.text, "a b c");
        assert_eq!(v.to_orig_cp(2), 5); // b
        assert_eq!(v.to_orig_cp(3), 6); // first NBSP
        assert_eq!(v.to_orig_cp(4), 8); // c
        assert_eq!(v.to_orig_byte(4), src.find('c').unwrap());
        assert_eq!(v.to_orig_cp(5), 9);
    }

    #[test]
    fn folding_keeps_marks_inside_the_match_end() {
        let mut v = View::default();
        let src = "Sa\u{0303}o Paulo";
        v.build(src, ViewSpec { fold: true, lower: false });
        assert_eq!(v.text, "Sao Paulo");
        // view "Sao" ends at byte 3 (the space) -> original cp 4 (after the mark)
        assert_eq!(v.to_orig_cp(3), 4);
        assert_eq!(v.to_orig_cp(2), 3); // 'o'
    }

    #[test]
    fn multibyte_and_lowercase() {
        let mut v = View::default();
        v.build("ÉTATS-UNIS’", ViewSpec { fold: false, lower: true });
        assert_eq!(v.text, "états-unis'");
        assert_eq!(v.to_orig_cp(2), 1); // 't' after 2-byte 'é'
        assert_eq!(v.to_orig_cp(v.text.len()), 11);
    }
}
