//! Text units (docs/units.md, docs/sentences.md): paragraphs, sentences and tokens, as byte spans of the original text.
//!
//! Every function here returns half-open `(start, end)` **byte** offsets into the `&str` it was
//! given, always on char boundaries, sorted and non-overlapping; [`bytes_to_cps`] turns them
//! into the code-point offsets that Python sees (docs/matching.md, Offsets) in one forward pass.
//!
//! Paragraph and sentence spans are **trimmed**: `&text[start..end]` never begins or ends with
//! whitespace (Unicode `White_Space`, [`is_space`]) and is never empty, so a text that is empty
//! or holds only whitespace has no paragraphs and no sentences. Every sentence lies inside one
//! paragraph of the mode it was split with.
//!
//! The sentence splitter is rule-based, single-pass and allocation-light; its rules and its
//! measured accuracy on hand-checked news text are in `docs/sentences.md` (the gold set is
//! `tests/data/sentences_gold.jsonl`, the measurement `tests/sentences_gold.rs`).

use super::bytescan::ByteSet;
use super::chars::{count_chars, is_space, is_unspaced, is_word};
use super::normalize::{decode_at, decode_before};

mod blocks;
#[doc(hidden)]
pub mod reference;

/// How paragraphs are delimited (docs/units.md, `paragraphs=`). Serialised as `"auto"` / `"line"` /
/// `"blank"`.
///
/// - [`ParagraphMode::Auto`] (the default of the Python API): decided per text by [`layout`]:
///   text hard-wrapped at a fixed width (such as Reuters-21578) is read as `Blank`, any other
///   text as `Line`.
/// - [`ParagraphMode::Line`]: every line break ends a paragraph, as in most scraped corpora.
/// - [`ParagraphMode::Blank`]: only a line break followed by an empty or whitespace-only line
///   does, or, in a text that indents its paragraphs ([`indents_paragraphs`]), one followed by
///   an indented line; other line breaks are just whitespace.
///
/// A line break is `\n`, `\r\n` (one break), `\r`, U+0085, U+2028 or U+2029.
/// [`ParagraphMode::read`] turns a mode into the [`Reading`] of one text.
///
/// # Examples
/// ```
/// use gazetta::core::units::{paragraphs, ParagraphMode};
/// let text = "Talks fail\nThe talks failed.\n\nBoth sides met.";
/// assert_eq!(paragraphs(text, ParagraphMode::Line).len(), 3);
/// assert_eq!(paragraphs(text, ParagraphMode::Blank).len(), 2);
/// // Not hard-wrapped: read line by line.
/// assert_eq!(paragraphs(text, ParagraphMode::Auto).len(), 3);
/// // Hard-wrapped: a sentence goes on in lower case after the break.
/// assert_eq!(paragraphs("Talks failed\non Monday.\n\nBoth sides met.", ParagraphMode::Auto).len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphMode {
    /// Every line break ends a paragraph.
    Line,
    /// Only a line break followed by an empty or whitespace-only line ends a paragraph (or one
    /// followed by an indented line, in text that indents its paragraphs).
    Blank,
    /// `Blank` for hard-wrapped text, `Line` for any other, decided per text ([`layout`]).
    Auto,
}

impl ParagraphMode {
    /// How this mode reads the line breaks of `text`: `Line` as [`Reading::Line`], `Blank` as
    /// [`Reading::Blank`] (with a look at the text's indentation, [`indents_paragraphs`]) and
    /// `Auto` as [`layout`] decides. One pass over the lines of `text` at most, for `Blank`
    /// and `Auto`; nothing for `Line`.
    ///
    /// # Examples
    /// ```
    /// use gazetta::core::units::{ParagraphMode, Reading};
    /// let wrapped = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating \
    ///                the drought since early\nJanuary and improving prospects for the coming.\n    \
    ///                The dry period means the temporao will be late.";
    /// assert_eq!(ParagraphMode::Auto.read(wrapped), Reading::Blank { indents: true });
    /// assert_eq!(ParagraphMode::Auto.read("Headline\nThe story."), Reading::Line);
    /// assert_eq!(ParagraphMode::Blank.read("A\nb\n\nc"), Reading::Blank { indents: false });
    /// ```
    pub fn read(self, text: &str) -> Reading {
        match self {
            ParagraphMode::Line => Reading::Line,
            ParagraphMode::Blank => Reading::Blank { indents: indents_paragraphs(text) },
            ParagraphMode::Auto => layout(text).reading(),
        }
    }
}

/// How the line breaks of one text are read: what a [`ParagraphMode`] means for that text
/// ([`ParagraphMode::read`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reading {
    /// Every line break ends a paragraph.
    Line,
    /// A line break followed by an empty or whitespace-only line ends a paragraph; when
    /// `indents` (the text indents its paragraphs), so does one followed by an indented line
    /// (two or more whitespace characters, or a tab, before its first other character).
    Blank {
        /// The text indents its paragraphs ([`indents_paragraphs`]).
        indents: bool,
    },
}

/// The widest line, in characters, that hard-wrapped text may have: a text with a longer line
/// is never read as wrapped. Fixed-width wrapping is at 60–80 columns in practice (Reuters:
/// at most 70, 121 where two lines were glued together), scraped paragraphs run to hundreds.
pub const MAX_WRAP_WIDTH: usize = 160;

/// The narrowest widest line, in characters, for which *full* lines count as a sign of
/// wrapping ([`Layout`]): rows of a table without column gaps are of similar width too, but
/// text is wrapped at 60–80 columns, tables of short rows are narrower. (Measured: on
/// Reuters-21578 with its wrapped paragraphs joined into one line each, mostly tables then,
/// 1,502 texts were read as wrapped without this floor, 146 with it; wrapped BBC, demo and
/// LGL texts were read the same.)
pub const MIN_WRAP_WIDTH: usize = 40;

/// What [`layout`] measured in one text, and so how [`ParagraphMode::Auto`] reads it.
///
/// A *soft break* is a line break between two lines that are not blank and that the `Blank`
/// reading keeps inside one paragraph (so a break before an indented line does not count in a
/// text that indents its paragraphs). A soft break is *inside a sentence of wrapped text*
/// when the line before it
/// - does not end a sentence: its last character, closing quotes and brackets aside, is not
///   `.` `!` `?` `…` `。` `！` `？` `｡` or `:`;
/// - is not a table row: it holds no tab and no run of two spaces inside it (after anything
///   but `.` `!` `?` `:`);
/// - is followed by a line that starts at the left margin, when some line of the text does
///   (wrapping puts the rest of a sentence there; a line indented by one space is a table
///   row or a list item);
/// - and is *full* (at least 3/4 of the widest line, [`Layout::width`], when that is at
///   least [`MIN_WRAP_WIDTH`]) or the next line starts with a lower-case letter (a sentence
///   going on).
///
/// The text is *wrapped* when it has a soft break, no line wider than [`MAX_WRAP_WIDTH`], and
/// at least half of its soft breaks are inside sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// Characters in the widest line, trailing whitespace excluded. The scan stops at the
    /// first line wider than [`MAX_WRAP_WIDTH`], whose width this then is.
    pub width: usize,
    /// Soft breaks.
    pub soft_breaks: usize,
    /// Soft breaks inside a sentence of wrapped text.
    pub wrapped_breaks: usize,
    /// The text indents its paragraphs ([`indents_paragraphs`]).
    pub indents: bool,
}

impl Layout {
    /// Whether the text is hard-wrapped (see [`Layout`]).
    pub fn wrapped(&self) -> bool {
        self.width <= MAX_WRAP_WIDTH && self.soft_breaks > 0 && 2 * self.wrapped_breaks >= self.soft_breaks
    }

    /// The reading of [`ParagraphMode::Auto`]: `Blank` for wrapped text, else `Line`.
    pub fn reading(&self) -> Reading {
        if self.wrapped() {
            Reading::Blank { indents: self.indents }
        } else {
            Reading::Line
        }
    }
}

/// A line break character (docs/units.md; `\r\n` is handled by the callers as one break).
#[inline]
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// `(start, end)` of `text[s..e]` without leading and trailing whitespace, or `None` when
/// nothing else is left.
#[inline(always)]
fn trim_span(text: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    // ASCII fast path on both ends; any other byte falls through to the char-wise trim.
    let b = text.as_bytes();
    e = e.min(b.len());
    while s < e && matches!(b[s], b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
        e -= 1;
    }
    if s < e && b[s] < 0x80 && b[e - 1] < 0x80 {
        return Some((s, e));
    }
    let sub = text.get(s..e)?;
    let t = sub.trim_start_matches(is_space);
    let start = s + (sub.len() - t.len());
    let end = start + t.trim_end_matches(is_space).len();
    (end > start).then_some((start, end))
}

/// Bytes that may begin a line break: `\n`, `\r`, and the lead bytes of U+0085 (`C2 85`) and
/// U+2028/U+2029 (`E2 80 A8/A9`).
const fn line_break_leads() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
}
static LINE_BREAK_LEAD: ByteSet = ByteSet::new(&line_break_leads());

/// Bytes that may begin a character the sentence splitter acts on: terminators (`.` `!` `?`,
/// `…` = `E2 80 A6`), CJK terminators (`E3 80 82`, `EF BC 81`, `EF BC 9F`, `EF BD A1`) and line
/// breaks. Every other byte (continuation bytes included) is skipped without decoding. (The
/// set of [`blocks::Events`], checked against this table by a test.)
#[cfg(test)]
const fn sentence_event_leads() -> [bool; 256] {
    let mut t = line_break_leads();
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
}
/// The set of [`sentence_event_leads`], which [`blocks::Events`] finds.
#[cfg(test)]
pub(crate) static SENTENCE_EVENT_LEAD_TABLE: [bool; 256] = sentence_event_leads();

/// Calls `f(start, end)` for every line of `text`, line breaks excluded (so an empty line gives
/// `start == end`). `\r\n` is one break; a text ending in a break has a final empty line.
/// Scans bytes and decodes only at the possible lead bytes of a break.
fn for_each_line(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut start = 0usize;
    let mut i = 0usize;
    loop {
        i = LINE_BREAK_LEAD.find(bytes, i);
        if i >= n {
            break;
        }
        let c = decode_at(text, i);
        let mut next = i + c.len_utf8();
        if is_line_break(c) {
            f(start, i);
            if c == '\r' && bytes.get(next) == Some(&b'\n') {
                next += 1;
            }
            start = next;
        }
        i = next;
    }
    f(start, text.len());
}

/// The line of `text` that starts at byte `s`: where it ends (at its line break, or at
/// `text.len()`) and where the next line starts (`None` for the last line).
#[inline]
fn line_at(text: &str, s: usize) -> (usize, Option<usize>) {
    let b = text.as_bytes();
    let mut i = s;
    loop {
        i = LINE_BREAK_LEAD.find(b, i);
        if i >= b.len() {
            return (b.len(), None);
        }
        let c = decode_at(text, i);
        let mut next = i + c.len_utf8();
        if is_line_break(c) {
            if c == '\r' && b.get(next) == Some(&b'\n') {
                next += 1;
            }
            return (i, Some(next));
        }
        i = next;
    }
}

/// The first non-space byte of `text[s..e]` and the end of its last non-space character, or
/// `None` for a blank line.
#[inline]
fn line_content(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    trim_span(text, s, e)
}

/// Whether the whitespace `indent` (what precedes a line's first other character) indents
/// the line: a tab, or two or more characters.
#[inline]
fn is_indent(indent: &str) -> bool {
    let b = indent.as_bytes();
    // Two bytes from an ASCII one on are two characters at least.
    (b.len() >= 2 && b[0] < 0x80) || b.contains(&b'\t') || indent.chars().nth(1).is_some()
}

/// Whether a text *indents its paragraphs* (the indentation rule of [`Reading::Blank`]): a
/// line after a line break is indented ([`is_indent`]: a tab, or two or more whitespace
/// characters before its first other character) and some line that is not blank is not.
/// Reuters-21578 starts every paragraph but the first with four spaces; a text indented
/// throughout (a quotation, a code block) does not indent its paragraphs. Stops as soon as
/// both kinds of line were seen.
///
/// # Examples
/// ```
/// use gazetta::core::units::indents_paragraphs;
/// assert!(indents_paragraphs("It rose,\nhe said.\n    The rest fell."));
/// assert!(!indents_paragraphs("    All of it\n    indented."));
/// assert!(!indents_paragraphs("No indentation\nat all."));
/// ```
pub fn indents_paragraphs(text: &str) -> bool {
    let (mut indented, mut flush) = (false, false);
    let mut s = 0usize;
    let mut first = true;
    loop {
        let (e, next) = line_at(text, s);
        if let Some((ts, _)) = line_content(text, s, e) {
            if is_indent(&text[s..ts]) {
                indented |= !first;
            } else {
                flush = true;
            }
            if indented && flush {
                return true;
            }
        }
        first = false;
        match next {
            Some(n) => s = n,
            None => return false,
        }
    }
}

/// Whether the line `text[ts..te]` (trimmed) ends a sentence or introduces something: its
/// last character, closing quotes and brackets aside, is a terminator or a colon.
#[inline(always)]
fn line_ends_sentence(text: &str, ts: usize, mut te: usize) -> bool {
    // The common case: an ASCII last character that is no closer.
    if let Some(&x) = text.as_bytes().get(te.wrapping_sub(1)) {
        if te > ts && x < 0x80 && !matches!(x, b'"' | b'\'' | b')' | b']' | b'}') {
            return matches!(x, b'.' | b'!' | b'?' | b':');
        }
    }
    while te > ts {
        let c = decode_before(text, te);
        if !is_closer(c) {
            return is_term(c) || is_cjk_term(c) || c == ':';
        }
        te -= c.len_utf8();
    }
    false
}

/// Whether the trimmed line `text[ts..te]` looks like a table row: it holds a tab, or a run of
/// two spaces, after anything but `.` `!` `?` `:` (two spaces after a full stop are a
/// typewriter habit, not a column gap).
#[inline]
fn line_has_gap(text: &str, ts: usize, te: usize) -> bool {
    let b = &text.as_bytes()[ts..te];
    let mut i = 1;
    while i < b.len() {
        let x = b[i];
        if x == b'\t' || (x == b' ' && b[i - 1] == b' ') {
            // The first blank of the run, and the byte before it.
            let mut r = i;
            while r > 0 && matches!(b[r - 1], b' ' | b'\t') {
                r -= 1;
            }
            if r > 0 && !matches!(b[r - 1], b'.' | b'!' | b'?' | b':') {
                return true;
            }
            // Skip the rest of this run.
            while i < b.len() && matches!(b[i], b' ' | b'\t') {
                i += 1;
            }
        }
        i += 1;
    }
    false
}

/// Measures how the lines of `text` are laid out (see [`Layout`] for the rule), in one pass
/// over its lines: line widths, how each line ends and how the next one starts. Stops at the
/// first line wider than [`MAX_WRAP_WIDTH`]. [`ParagraphMode::Auto`] reads a text as
/// [`Layout::reading`] says.
///
/// The decision uses nothing but the text itself, so it never depends on the chunking of a
/// corpus or on threads.
///
/// # Examples
/// ```
/// use gazetta::core::units::{layout, Reading};
/// let wrapped = "Brazilian Finance Minister Dilson Funaro\nflatly rejected a U.K. suggestion \
///                that his country seek\nInternational Monetary Fund help in order to \
///                facilitate debt\nnegotiations with commercial creditor banks.";
/// let l = layout(wrapped);
/// assert_eq!((l.soft_breaks, l.wrapped_breaks), (3, 3));
/// assert_eq!(l.reading(), Reading::Blank { indents: false });
/// // Scraped text: a headline, then one paragraph per line.
/// let scraped = "Talks fail\nThe talks failed on Monday.\nBoth sides blamed each other.";
/// assert_eq!(layout(scraped).reading(), Reading::Line);
/// ```
pub fn layout(text: &str) -> Layout {
    #[cfg(target_arch = "x86_64")]
    if let Some(avx2) = blocks::Avx2::detect() {
        // SAFETY: `avx2` exists, so the CPU has AVX2 (`Avx2::detect`).
        return unsafe { layout_avx2(avx2, text) };
    }
    layout_scan(blocks::BASELINE, text)
}

/// [`layout_scan`] with the block masks in AVX2, compiled for AVX2 so that they are inlined.
///
/// # Safety
/// The CPU must have AVX2 (which `avx2` proves: only `Avx2::detect` makes one).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn layout_avx2(avx2: blocks::Avx2, text: &str) -> Layout {
    layout_scan(avx2, text)
}

/// [`layout`]: the lines are found from the text's 64-byte block masks ([`blocks::block`]:
/// the bytes that may begin a line break, those that are not ASCII and the possible column
/// gaps), so that each byte is looked at once, and a line is measured from its two ends (its
/// characters are counted only when it holds a byte that is not ASCII). `c`: how the blocks
/// are classified (the same layout with each; AVX2 only from [`layout_avx2`], where it is
/// inlined).
#[inline(always)]
fn layout_scan<C: blocks::Classify>(c: C, text: &str) -> Layout {
    let b = text.as_bytes();
    let n = b.len();
    let mut st = LayoutState::default();
    // The current line starts at `s`; one past the last byte that is not ASCII, and one past
    // the last possible column gap, in the blocks before `base` (0: none).
    let mut s = 0usize;
    let (mut base, mut high_end, mut gap_end) = (0usize, 0usize, 0usize);
    while base < n {
        let blk = blocks::block(c, b, base);
        let mut m = blk.brk;
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            let i = base + k;
            if i < s {
                // The `\n` of a `\r\n` that ended the line before.
                continue;
            }
            let x = b[i];
            let len = match x {
                b'\n' => 1,
                b'\r' => 1 + (b.get(i + 1) == Some(&b'\n')) as usize,
                _ => {
                    let c = decode_at(text, i);
                    if !is_line_break(c) {
                        continue;
                    }
                    c.len_utf8()
                }
            };
            let below = (1u64 << k) - 1;
            let high = last_end(base, blk.high & below, high_end) > s;
            let gaps = Gaps { base, mask: blk.gap, before: gap_end };
            if let Some(l) = st.line(text, s, i, high, gaps) {
                return l;
            }
            s = i + len;
        }
        high_end = last_end(base, blk.high, high_end);
        gap_end = last_end(base, blk.gap, gap_end);
        base += 64;
    }
    // The last line (never a line before another, so its gaps do not matter).
    if let Some(l) = st.line(text, s, n, high_end > s, Gaps { base: n, mask: 0, before: 0 }) {
        return l;
    }
    st.finish()
}

/// One past the last set bit of `mask` (the block at `base`), or `before` when none is set.
#[inline(always)]
fn last_end(base: usize, mask: u64, before: usize) -> usize {
    if mask != 0 {
        base + 64 - mask.leading_zeros() as usize
    } else {
        before
    }
}

/// Where the possible column gaps ([`blocks::Block::gap`]) of a text lie up to the block that
/// [`layout_scan`] is in: that block's mask, and one past the last one before it (0: none).
#[derive(Clone, Copy)]
struct Gaps {
    /// The block's first byte.
    base: usize,
    /// The block's possible gaps.
    mask: u64,
    /// One past the last possible gap before the block (0: none).
    before: usize,
}

impl Gaps {
    /// Whether there may be a column gap in `ts..q`, when `q` lies in the block (else `None`:
    /// not known).
    #[inline(always)]
    fn any_in(self, ts: usize, q: usize) -> Option<bool> {
        let off = q.checked_sub(self.base)?;
        let below = if off < 64 { (1u64 << off) - 1 } else { u64::MAX };
        Some(last_end(self.base, self.mask & below, self.before) > ts)
    }
}

/// What [`layout_scan`] has measured so far (see [`layout`] for its fields).
struct LayoutState {
    soft: [usize; 3],
    inside: [usize; 3],
    cands: [u16; 128],
    n_cands: usize,
    spill: Vec<[u32; MAX_WRAP_WIDTH + 1]>,
    indented_seen: bool,
    flush_seen: bool,
    margin_seen: bool,
    width: usize,
    /// The previous line, when it was not blank: its trimmed span, width and whether it may
    /// hold a column gap.
    prev: Option<(usize, usize, usize, bool)>,
    first: bool,
}

impl Default for LayoutState {
    fn default() -> LayoutState {
        LayoutState {
            soft: [0; 3],
            inside: [0; 3],
            cands: [0; 128],
            n_cands: 0,
            spill: Vec::new(),
            indented_seen: false,
            flush_seen: false,
            margin_seen: false,
            width: 0,
            prev: None,
            first: true,
        }
    }
}

impl LayoutState {
    /// One line `text[s..e]` (its break excluded); `high` whether it holds a byte that is not
    /// ASCII, `gaps` where the possible column gaps before its break are. Returns the layout
    /// when the line ends the scan (a line wider than [`MAX_WRAP_WIDTH`]).
    #[inline(always)]
    fn line(&mut self, text: &str, s: usize, e: usize, high: bool, gaps: Gaps) -> Option<Layout> {
        let b = text.as_bytes();
        // The trimmed line, whether it is indented, whether it starts in lower case, its width
        // in characters (indentation included): bytes alone in an ASCII line.
        let (ts, te, ind, lower, w) = if !high {
            let mut ts = s;
            while ts < e && is_ascii_space_byte(b[ts]) {
                ts += 1;
            }
            if ts == e {
                self.prev = None;
                self.first = false;
                return None;
            }
            let mut te = e;
            while is_ascii_space_byte(b[te - 1]) {
                te -= 1;
            }
            let ind = ts - s >= 2 || (ts > s && b[s] == b'\t');
            (ts, te, ind, b[ts].is_ascii_lowercase(), te - s)
        } else {
            let Some((ts, te)) = line_content(text, s, e) else {
                self.prev = None;
                self.first = false;
                return None;
            };
            if te - s > 4 * MAX_WRAP_WIDTH {
                return Some(Layout { width: text[s..te].chars().count(), ..Layout::default() });
            }
            let w = text[s..te].chars().count();
            (ts, te, is_indent(&text[s..ts]), decode_at(text, ts).is_lowercase(), w)
        };
        if w > MAX_WRAP_WIDTH {
            return Some(Layout { width: w, ..Layout::default() });
        }
        self.width = self.width.max(w);
        if ind {
            self.indented_seen |= !self.first;
        } else {
            self.flush_seen = true;
        }
        self.margin_seen |= ts == s;
        if let Some((ps, pe, pw, pgap)) = self.prev {
            let k = if ind { 2 } else { (ts != s) as usize };
            self.soft[k] += 1;
            if !(line_ends_sentence(text, ps, pe) || pgap && line_has_gap(text, ps, pe)) {
                if lower {
                    self.inside[k] += 1;
                } else if self.n_cands < self.cands.len() {
                    self.cands[self.n_cands] = (k << 8 | pw) as u16;
                    self.n_cands += 1;
                } else {
                    if self.spill.is_empty() {
                        self.spill.resize(3, [0; MAX_WRAP_WIDTH + 1]);
                    }
                    self.spill[k][pw] += 1;
                }
            }
        }
        // A column gap needs a tab or two spaces in a row inside the trimmed line, so a
        // possible one in `ts..te - 1` (when not known: assume one; `line_has_gap` decides).
        let maybe_gap = gaps.any_in(ts, te - 1).unwrap_or(true);
        self.prev = Some((ts, te, w, maybe_gap));
        self.first = false;
        None
    }

    /// The layout once every line was measured.
    fn finish(mut self) -> Layout {
        let width = self.width;
        // Full lines: at least 3/4 of the widest (none in a narrow text).
        let full_from = if width >= MIN_WRAP_WIDTH { (3 * width).div_ceil(4) } else { usize::MAX };
        for &c in &self.cands[..self.n_cands] {
            if (c & 0xFF) as usize >= full_from {
                self.inside[(c >> 8) as usize] += 1;
            }
        }
        for (k, counts) in self.spill.iter().enumerate() {
            self.inside[k] += counts.iter().skip(full_from).map(|&x| x as usize).sum::<usize>();
        }
        let (soft, inside) = (self.soft, self.inside);
        let indents = self.indented_seen && self.flush_seen;
        let soft_breaks = soft[0] + soft[1] + if indents { 0 } else { soft[2] };
        let wrapped_breaks = inside[0]
            + match (self.margin_seen, indents) {
                (true, _) => 0,
                (false, true) => inside[1],
                (false, false) => inside[1] + inside[2],
            };
        Layout { width, soft_breaks, wrapped_breaks, indents }
    }
}

/// Paragraph spans of `text` under `mode` (docs/units.md), trimmed of surrounding whitespace.
///
/// Paragraphs holding only whitespace are not units, so an empty or blank text has none. In
/// [`ParagraphMode::Blank`] a paragraph may contain single line breaks (it spans from its first
/// to its last non-space character); [`ParagraphMode::Auto`] reads each text as [`layout`]
/// decides.
///
/// # Examples
/// ```
/// use gazetta::core::units::{paragraphs, ParagraphMode};
/// let text = "  Hard-wrapped\nline.\n   \nNext one.\r\n";
/// let spans = paragraphs(text, ParagraphMode::Blank);
/// let got: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(got, ["Hard-wrapped\nline.", "Next one."]);
/// let spans = paragraphs(text, ParagraphMode::Line);
/// let got: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(got, ["Hard-wrapped", "line.", "Next one."]);
/// assert!(paragraphs(" \n\t", ParagraphMode::Line).is_empty());
/// // A text that indents its paragraphs: an indented line starts one.
/// let text = "It rose,\nhe said.\n    The rest\nfell.";
/// let got: Vec<&str> = paragraphs(text, ParagraphMode::Blank).iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(got, ["It rose,\nhe said.", "The rest\nfell."]);
/// ```
pub fn paragraphs(text: &str, mode: ParagraphMode) -> Vec<(usize, usize)> {
    paragraphs_by::<ByteLines>(text, mode.read(text))
}

/// [`paragraphs`] under a reading already made ([`ParagraphMode::read`]).
pub fn paragraphs_read(text: &str, reading: Reading) -> Vec<(usize, usize)> {
    paragraphs_by::<ByteLines>(text, reading)
}

/// A way of finding the lines of a text (the byte scan here, the char-by-char one in
/// [`reference`]); paragraphs are assembled from lines the same way for both.
trait Lines {
    /// Calls `f(start, end)` for every line of `text` (see [`for_each_line`]).
    fn for_each_line(text: &str, f: impl FnMut(usize, usize));
}

struct ByteLines;

impl Lines for ByteLines {
    fn for_each_line(text: &str, f: impl FnMut(usize, usize)) {
        for_each_line(text, f)
    }
}

/// [`paragraphs`] from the lines that `L` finds.
fn paragraphs_by<L: Lines>(text: &str, reading: Reading) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    paragraphs_by_into::<L>(text, reading, &mut out);
    out
}

fn paragraphs_by_into<L: Lines>(text: &str, reading: Reading, out: &mut Vec<(usize, usize)>) {
    out.clear();
    match reading {
        Reading::Line => L::for_each_line(text, |s, e| {
            if let Some(span) = trim_span(text, s, e) {
                out.push(span);
            }
        }),
        Reading::Blank { indents } => {
            let mut open: Option<(usize, usize)> = None;
            L::for_each_line(text, |s, e| match trim_span(text, s, e) {
                Some((ts, te)) => {
                    open = Some(match open {
                        // An indented line starts a paragraph in a text that indents them.
                        Some(p) if indents && is_indent(&text[s..ts]) => {
                            out.push(p);
                            (ts, te)
                        }
                        Some((os, _)) => (os, te),
                        None => (ts, te),
                    })
                }
                None => {
                    if let Some(p) = open.take() {
                        out.push(p);
                    }
                }
            });
            if let Some(p) = open {
                out.push(p);
            }
        }
    }
}

/// Sentence spans of `text`, with every line break ([`ParagraphMode::Line`]) as a hard sentence
/// break. Same as `sentences_in(text, ParagraphMode::Line)`; see [`sentences_in`] for the rules.
///
/// # Examples
/// ```
/// use gazetta::core::units::sentences;
/// let text = "Mr. Smith met U.S. officials on Jan. 5. Talks went well.\nHeadline without stop";
/// let got: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(got, ["Mr. Smith met U.S. officials on Jan. 5.", "Talks went well.",
///                  "Headline without stop"]);
/// ```
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    sentences_in(text, ParagraphMode::Line)
}

/// Sentence spans of `text`, where the paragraph breaks of `mode` are hard sentence breaks
/// (the co-occurrence engine calls this with the user's `paragraphs=` mode).
///
/// Rules (with details and measured accuracy in `docs/sentences.md`):
/// - a sentence ends after a run of `.` `!` `?` `…` and any closing quotes or brackets after
///   it, when whitespace follows and then an upper-case (or caseless) letter, a digit, an
///   opening quote or an opening bracket;
/// - not after titles (`Mr.`, `Dr.`, `Gen.`, `Sen.`, `St.`, ...) nor `e.g.`, `i.e.`, `vs.`;
///   not after `No.`, `Jan.` ... `Dec.` and similar when a digit follows ("Jan. 5"), but as
///   after any word otherwise;
/// - after dotted acronyms (`U.S.`, `a.m.`), initials (a single capital letter + `.`) and
///   `Jr.`, `etc.`, ... only when an opening quote or a word that usually starts sentences
///   ("The", "He", "It", ...) follows, so "U.S. officials" and "John F. Kennedy" stay whole;
/// - after company suffixes (`Inc.`, `Corp.`, `Co.`, `Ltd.`) the sentence ends (in news they
///   mostly close a sentence) unless another suffix follows ("Co. Ltd.");
/// - never inside numbers (`3.5`, `1,000.5`: no whitespace after the point);
/// - an ellipsis standing alone (`" ... "`, `"[...]"`) does not end a sentence; one that joins
///   a word and a capital without spaces (`"wheat...Egypt"`) does;
/// - CJK `。` `！` `？` (and `｡`) end a sentence with nothing required after them;
/// - a paragraph break of `mode` always ends a sentence, so a headline without final
///   punctuation ends at its break;
/// - in hard-wrapped text, a line break followed by an indentation of two or more spaces (or a
///   tab) and then a sentence start (as above) ends a sentence: Reuters-21578 starts each
///   paragraph, and each row of its tables, that way.
///
/// Spans are trimmed, never empty, sorted, and each lies inside one paragraph of `mode`.
///
/// # Examples
/// ```
/// use gazetta::core::units::{sentences_in, ParagraphMode};
/// let text = "Prices rose 3.5 pct,\nanalysts said. \"No.\" Then\nthey fell.\n\nNEW HEADLINE";
/// let got: Vec<&str> = sentences_in(text, ParagraphMode::Blank)
///     .iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(got, ["Prices rose 3.5 pct,\nanalysts said.", "\"No.\"", "Then\nthey fell.",
///                  "NEW HEADLINE"]);
/// ```
pub fn sentences_in(text: &str, mode: ParagraphMode) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    sentences_into(text, mode, &mut out);
    out
}

/// [`sentences_in`] into `out` (cleared first): callers that split many texts reuse it.
pub fn sentences_into(text: &str, mode: ParagraphMode, out: &mut Vec<(usize, usize)>) {
    sentences_mode_into(text, mode, out);
}

/// [`sentences_into`], returning how the text's line breaks were read: `true` for
/// [`Reading::Blank`], `false` for [`Reading::Line`] (what [`ParagraphMode::read`] says; with
/// [`ParagraphMode::Blank`] the indentation test that `read` makes up front is made only if
/// a line break before an indented line needs it).
pub fn sentences_mode_into(text: &str, mode: ParagraphMode, out: &mut Vec<(usize, usize)>) -> bool {
    out.clear();
    match mode {
        ParagraphMode::Line => {
            split_scan(text, 1, Some(false), out);
            false
        }
        ParagraphMode::Blank => {
            split_scan(text, 2, None, out);
            true
        }
        ParagraphMode::Auto => {
            let reading = mode.read(text);
            split_text(text, reading, out);
            matches!(reading, Reading::Blank { .. })
        }
    }
}

/// [`sentences_in`] under a reading already made ([`ParagraphMode::read`]).
pub fn sentences_read(text: &str, reading: Reading) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    sentences_read_into(text, reading, &mut out);
    out
}

/// [`sentences_read`] into `out` (cleared first).
pub fn sentences_read_into(text: &str, reading: Reading, out: &mut Vec<(usize, usize)>) {
    out.clear();
    split_text(text, reading, out);
}

/// [`paragraphs`] into `out` (cleared first).
pub fn paragraphs_into(text: &str, mode: ParagraphMode, out: &mut Vec<(usize, usize)>) {
    paragraphs_by_into::<ByteLines>(text, mode.read(text), out)
}

/// [`paragraphs_read`] into `out` (cleared first).
pub fn paragraphs_read_into(text: &str, reading: Reading, out: &mut Vec<(usize, usize)>) {
    paragraphs_by_into::<ByteLines>(text, reading, out)
}

/// Token spans of `text` (docs/sentences.md): maximal runs of word characters ([`is_word`]), except
/// that each character of an unspaced script ([`is_unspaced`]) is a token of its own.
///
/// # Examples
/// ```
/// use gazetta::core::units::tokens;
/// let text = "U.S.-led talks, 北京市 G7";
/// let got: Vec<&str> = tokens(text).iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(got, ["U", "S", "led", "talks", "北", "京", "市", "G7"]);
/// ```
pub fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word(c) {
            if is_unspaced(c) {
                if let Some(s) = run.take() {
                    out.push((s, i));
                }
                out.push((i, i + c.len_utf8()));
            } else if run.is_none() {
                run = Some(i);
            }
        } else if let Some(s) = run.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = run {
        out.push((s, text.len()));
    }
    out
}

/// Converts byte offsets into `text` to code-point offsets (Python `str` indices) in one forward
/// pass over `text`.
///
/// `byte_offsets` should be sorted ascending (as the spans of this module are, once flattened);
/// then the cost is one pass over `text[..max offset]`. Unsorted input is still answered
/// correctly, by restarting the count from the beginning at each step back (slower). Offsets
/// past the end map to the text's length in code points; an offset inside a multi-byte character
/// maps to the index of the character after it. Never panics.
///
/// # Examples
/// ```
/// use gazetta::core::units::bytes_to_cps;
/// let text = "Zürich → 北京";
/// // 'ü' is 2 bytes, '→' 3, each Han character 3.
/// assert_eq!(bytes_to_cps(text, &[0, 3, 8, 12, 15, 18]), vec![0, 2, 7, 9, 10, 11]);
/// ```
pub fn bytes_to_cps(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(byte_offsets.len());
    let (mut pos, mut cp) = (0usize, 0usize);
    for &o in byte_offsets {
        let o = o.min(bytes.len());
        if o < pos {
            pos = 0;
            cp = 0;
        }
        // A code point starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        cp += count_chars(&bytes[pos..o]);
        pos = o;
        out.push(cp);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The sentence splitter.

/// Sentence-final punctuation of spaced scripts.
#[inline]
fn is_term(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// CJK full stops and marks: they end a sentence without whitespace after them.
#[inline]
fn is_cjk_term(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '》'
            | '〉'
    )
}

/// Opening quotes and brackets that may start a sentence.
#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '【'
            | '〔'
            | '《'
            | '〈'
    )
}

/// Quotation marks only (a strong sign of a new sentence after an ambiguous abbreviation).
#[inline]
fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '„' | '「' | '『')
}

/// A character that may begin a sentence: an upper- or title-case letter, a letter of a script
/// without case, a digit, an opening quote or bracket.
#[inline]
fn is_starter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase() || c.is_ascii_digit() || is_opener(c);
    }
    // Upper case, title case (ǅ) and caseless letters (Han, Arabic, ...), digits of any script.
    is_opener(c) || c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase())
}

/// Whether a sentence may start at byte `m` of `p`: [`is_starter`], and after opening quotes or
/// brackets the next character is not a lower-case letter (`(D-Fla.) "is obviously ...` goes on).
fn starts_sentence(p: &str, m: usize) -> bool {
    if m >= p.len() {
        return false;
    }
    let c = decode_at(p, m);
    if !is_starter(c) {
        return false;
    }
    if !is_opener(c) {
        return true;
    }
    let k = skip_while(p, m, is_opener);
    k >= p.len() || !decode_at(p, k).is_lowercase()
}

/// The first byte at or after `i` whose char fails `pred` (or `p.len()`).
#[inline(always)]
fn skip_while(p: &str, mut i: usize, pred: impl Fn(char) -> bool) -> usize {
    while i < p.len() {
        let c = decode_at(p, i);
        if !pred(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// List bullets that start an item on an indented line of hard-wrapped text.
#[inline]
fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '•' | '‣' | '–' | '—' | '·')
}

/// Never end a sentence after these (titles and Latin abbreviations that precede something).
/// Matched exactly or in all capitals.
const NEVER: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt",
    "Cmdr", "Cdr", "Adm", "Maj", "Brig", "Cpl", "Pvt", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
    "Pres", "Rev", "Hon", "Supt", "Insp", "Det", "Amb", "Atty", "St", "Mt", "Ste", "Fr", "vs", "v",
    "e.g", "i.e", "cf", "viz", "approx",
];

/// No sentence end after these when a digit follows ("Jan. 5", "No. 1", "Art. 5"); otherwise
/// they end a sentence like any word ("He said No. Then ...").
const BEFORE_DIGIT: &[&str] = &[
    "No", "Nos", "Art", "Arts", "Vol", "Fig", "Figs", "Sec", "Ch", "Para", "p", "pp", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ref", "Tel",
];

/// Ambiguous: a sentence ends after these only when a typical sentence opener follows
/// ([`OPENERS`] or an opening quote). Dotted acronyms and initials are treated the same way.
const SOFT: &[&str] = &[
    "Jr", "Sr", "etc", "Bros", "Ave", "Blvd", "Rd", "Ft", "Assn", "Dept", "Univ", "est", "al",
];

/// Company suffixes: they usually end a sentence when one ends there, except before another
/// suffix ("Co. Ltd.", "Co. Inc.").
const COMPANY: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "PLC", "LLC", "Llc", "AG", "SA", "NV", "Bhd", "Pty",
    "GmbH",
];

/// Words that usually start a sentence (their upper-case forms match too): after an ambiguous
/// abbreviation, one of these means the sentence ended there.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "Its",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "His",
    "Her",
    "Our",
    "But",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "However",
    "Meanwhile",
    "Also",
    "Some",
    "Most",
    "Many",
    "Both",
    "What",
    "Why",
    "How",
    "So",
    "Yet",
    "Under",
    "For",
    "With",
    "Earlier",
    "Later",
    "Separately",
    "Shares",
];

/// The entries of [`NEVER`], [`BEFORE_DIGIT`], [`SOFT`] and [`COMPANY`] made of lower-case
/// ASCII letters and digits only (checked by a unit test).
const LOWER_LISTED: &[&str] = &["vs", "v", "cf", "viz", "approx", "p", "pp", "etc", "est", "al"];

/// The longest entry, in bytes, of [`NEVER`], [`BEFORE_DIGIT`], [`SOFT`] and [`COMPANY`]
/// (checked by a unit test).
const MAX_LISTED_LEN: usize = 6;

/// The longest entry, in bytes, of [`OPENERS`] (checked by a unit test).
const MAX_OPENER_LEN: usize = 10;

/// Up to 15 bytes of `b` packed little-endian into an integer (ASCII capitals if `upper`),
/// with the length in the top byte, so that a look-up compares integers.
fn word_key(b: &[u8], upper: bool) -> u128 {
    debug_assert!(b.len() < 16);
    let mut x = (b.len() as u128) << 120;
    for (i, &c) in b.iter().enumerate() {
        let c = if upper { c.to_ascii_uppercase() } else { c };
        x |= (c as u128) << (8 * i);
    }
    x
}

/// Bits of [`lists_of`]: the word is in [`NEVER`], [`BEFORE_DIGIT`], [`SOFT`], [`COMPANY`],
/// [`OPENERS`].
const IN_NEVER: u8 = 1;
const IN_BEFORE_DIGIT: u8 = 2;
const IN_SOFT: u8 = 4;
const IN_COMPANY: u8 = 8;
const IN_OPENERS: u8 = 16;

/// Every listed word, exactly and in ASCII capitals, as a [`word_key`] with the lists it is
/// in; sorted by key. One binary search per look-up (the lists are consulted at every full
/// stop; scanning them one by one was about a quarter of the sentence scan's own time).
fn word_table() -> &'static [(u128, u8)] {
    static TABLE: std::sync::OnceLock<Vec<(u128, u8)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let lists = [
            (NEVER, IN_NEVER),
            (BEFORE_DIGIT, IN_BEFORE_DIGIT),
            (SOFT, IN_SOFT),
            (COMPANY, IN_COMPANY),
            (OPENERS, IN_OPENERS),
        ];
        let mut all: Vec<(u128, u8)> = Vec::new();
        for (list, bit) in lists {
            for w in list {
                all.push((word_key(w.as_bytes(), false), bit));
                all.push((word_key(w.as_bytes(), true), bit));
            }
        }
        all.sort_unstable();
        let mut table: Vec<(u128, u8)> = Vec::with_capacity(all.len());
        for (k, bit) in all {
            match table.last_mut() {
                Some(last) if last.0 == k => last.1 |= bit,
                _ => table.push((k, bit)),
            }
        }
        table
    })
}

/// The lists (`IN_*` bits) that hold `w`, exactly or in ASCII capitals.
#[inline]
fn lists_of(w: &str) -> u8 {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > MAX_OPENER_LEN {
        return 0;
    }
    let t = word_table();
    match t.binary_search_by_key(&word_key(b, false), |e| e.0) {
        Ok(i) => t[i].1,
        Err(_) => 0,
    }
}

/// `U.S`, `a.m`, `Ph.D`, `D.C`: letters in groups of one or two, joined by dots (the final
/// dot is not part of `w`).
fn is_dotted_acronym(w: &str) -> bool {
    w.contains('.')
        && w.split('.').all(|seg| {
            let n = seg.chars().count();
            (1..=2).contains(&n) && seg.chars().all(char::is_alphabetic)
        })
}

/// A single capital letter: an initial ("John F. Kennedy").
fn is_initial(w: &str) -> bool {
    let mut it = w.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_uppercase())
}

/// What a single `.` at the end of `word` means, given what follows. `look_ahead` gives the
/// first non-space character after the point and its closers, the letters from there (the
/// next word) and the character after them; it is called only when the answer depends on it
/// (most full stops follow a word no list holds).
fn point_ends_sentence<S: AsRef<str>>(word: &str, look_ahead: impl FnOnce() -> (char, S, Option<char>)) -> bool {
    // No listed abbreviation is longer than 6 bytes, and acronyms and initials need a point or
    // a single character: longer words end the sentence without any list lookup.
    if word.is_empty() || (word.len() > MAX_LISTED_LEN && !word.contains('.')) {
        return true;
    }
    // The commonest words before a full stop (`said`, `year`, `1987`): lower-case ASCII
    // letters and digits. Such a word can only be listed exactly as it is, and is neither a
    // dotted acronym nor an initial: unless it is one of the few listed words of that shape,
    // it ends the sentence.
    if word.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) && !LOWER_LISTED.contains(&word) {
        return true;
    }
    let lists = lists_of(word);
    if lists & IN_NEVER != 0 {
        return false;
    }
    // A word in none of the lists below, neither a dotted acronym nor an initial, ends the
    // sentence whatever follows: no look-ahead.
    if lists & (IN_BEFORE_DIGIT | IN_SOFT | IN_COMPANY) == 0 && !is_dotted_acronym(word) && !is_initial(word) {
        return true;
    }
    let (next, next_word, next_after_word) = look_ahead();
    let next_word = next_word.as_ref();
    let soft = || {
        if is_open_quote(next) {
            return true;
        }
        // "A." / "I." after an initial are more initials, not the article or pronoun.
        !next_word.is_empty() && next_after_word != Some('.') && lists_of(next_word) & IN_OPENERS != 0
    };
    if lists & IN_BEFORE_DIGIT != 0 {
        return !next.is_numeric();
    }
    if lists & IN_SOFT != 0 || is_dotted_acronym(word) || is_initial(word) {
        return !next.is_numeric() && soft();
    }
    if lists & IN_COMPANY != 0 {
        return next_word.is_empty() || lists_of(next_word) & IN_COMPANY == 0;
    }
    true
}

/// The whitespace run of `text` from byte `i`: where it ends (the first non-space character,
/// or `text.len()`), how many line breaks it holds (`\r\n` counting once) and where the line
/// after its last break starts (`i` when it holds none), so that `text[line..end]` is the
/// indentation of the line the run leads to.
#[inline(always)]
fn space_run(text: &str, mut i: usize) -> (usize, usize, usize) {
    let b = text.as_bytes();
    let mut breaks = 0usize;
    let mut line = i;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            match x {
                b' ' | b'\t' | 0x0B | 0x0C => i += 1,
                b'\n' => {
                    breaks += 1;
                    i += 1;
                    line = i;
                }
                b'\r' => {
                    breaks += 1;
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    line = i;
                }
                // ASCII whitespace beyond these: U+001C..U+001F are not `is_whitespace`.
                _ => break,
            }
        } else {
            let c = decode_at(text, i);
            if !is_space(c) {
                break;
            }
            i += c.len_utf8();
            if is_line_break(c) {
                breaks += 1;
                line = i;
            }
        }
    }
    (i, breaks, line)
}

/// Splits `text` into sentences (see [`sentences_in`]), appending trimmed spans to `out`, in
/// one pass: paragraph breaks are recognised where the scan meets them, as whitespace runs
/// holding a paragraph break of `reading` (one line break in [`Reading::Line`], two in
/// [`Reading::Blank`], i.e. an empty or blank line, or one before an indented line when the
/// text indents its paragraphs) or running to the end of the text.
fn split_text(text: &str, reading: Reading, out: &mut Vec<(usize, usize)>) {
    match reading {
        Reading::Line => split_scan(text, 1, Some(false), out),
        Reading::Blank { indents } => split_scan(text, 2, Some(indents), out),
    }
}

/// ASCII whitespace (`is_space` of an ASCII byte): tab, line feed, vertical tab, form feed,
/// carriage return, space.
#[inline(always)]
fn is_ascii_space_byte(x: u8) -> bool {
    matches!(x, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// ASCII bytes after an ASCII terminator (`.` `!` `?`) that leave nothing to decide there:
/// anything but whitespace, another terminator and a closing quote or bracket (the ASCII
/// members of [`is_space`], [`is_term`] and [`is_closer`]). A terminator followed by one of
/// them ends no sentence, and the scan goes on after it (`3.5`, `U.S.-led`, `U.S`).
const fn quiet_after_term() -> [bool; 256] {
    let mut t = [false; 256];
    let mut x = 0usize;
    while x < 0x80 {
        t[x] = !matches!(x as u8, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}');
        x += 1;
    }
    t
}
static QUIET_AFTER_TERM: [bool; 256] = quiet_after_term();

/// [`split_text`] with `per_break` line breaks to a paragraph break (1: [`Reading::Line`],
/// 2: [`Reading::Blank`]) and whether the text indents its paragraphs (`None`: not known
/// yet; [`indents_paragraphs`] is then asked the first time a break before an indented line
/// needs it, so a text without such a break is never measured).
///
/// Byte-level: the bytes that may begin a terminator or a line break
/// (`sentence_event_leads`) are found with [`blocks::Events`] (each 64-byte block classified
/// once, inline: AVX2 where the CPU has it, else SSE2),
/// every other byte (continuation bytes included) is skipped without decoding, and an event
/// whose next byte settles it as a no-op (an ASCII terminator followed by a letter, digit,
/// hyphen...; in blank-line reading, a line break followed by an ASCII character that is not
/// whitespace) is passed over at once; the others are decided as the char-by-char
/// [`reference`] splitter decides them, which splits paragraph by paragraph (tested,
/// fuzzed): every look-ahead that the paragraph-bounded splitter stops at its paragraph's end
/// stops here at a paragraph break, and the look-behinds never reach before the current
/// sentence's start.
fn split_scan(text: &str, per_break: usize, indents: Option<bool>, out: &mut Vec<(usize, usize)>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(avx2) = blocks::Avx2::detect() {
        // SAFETY: `avx2` exists, so the CPU has AVX2 (`Avx2::detect`).
        return unsafe { split_scan_avx2(avx2, text, per_break, indents, out) };
    }
    split_scan_with(blocks::BASELINE, text, per_break, indents, out)
}

/// [`split_scan_with`] with the event search in AVX2, compiled for AVX2 so that it is inlined.
///
/// # Safety
/// The CPU must have AVX2 (which `avx2` proves: only `Avx2::detect` makes one).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn split_scan_avx2(
    avx2: blocks::Avx2,
    text: &str,
    per_break: usize,
    indents: Option<bool>,
    out: &mut Vec<(usize, usize)>,
) {
    split_scan_with(avx2, text, per_break, indents, out)
}

/// [`split_scan`], its events found by [`blocks::Events`] classifying with `c` (the same
/// spans with each; AVX2 only from [`split_scan_avx2`], where it is inlined).
#[inline(always)]
fn split_scan_with<C: blocks::Classify>(
    c: C,
    text: &str,
    per_break: usize,
    mut indents: Option<bool>,
    out: &mut Vec<(usize, usize)>,
) {
    let b = text.as_bytes();
    let n = b.len();
    // The first character that is not whitespace, and where its line starts.
    let (first, _, first_line) = space_run(text, 0);
    // A whitespace run ending at `end` with `breaks` line breaks, the last of which starts
    // its line at `line`, ends the paragraph. (The text's indentation is looked at last, and
    // only once.)
    let mut ends_paragraph = |end: usize, breaks: usize, line: usize| {
        end >= n
            || breaks >= per_break
            || (breaks == 1
                && is_indent(&text[line..end])
                && *indents.get_or_insert_with(|| {
                    // `text[line..end]` indents a line after a line break, holding `text[end]`
                    // (not whitespace): the text indents its paragraphs if some other line
                    // that is not blank is not indented, which the first one often settles.
                    (first < n && !is_indent(&text[first_line..first])) || indents_paragraphs(text)
                }))
    };
    let emit = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        if let Some(span) = trim_span(text, s, e) {
            out.push(span);
        }
    };
    let mut events = blocks::Events::new(c, b);
    // Byte offset of the current sentence's first character (a non-space character).
    let mut start = first;
    let mut i = start;
    loop {
        i = events.find(i);
        if i >= n {
            break;
        }
        let x = b[i];
        // Events settled by the next byte alone (most full stops and, reading blank lines,
        // most line breaks of hard-wrapped text): the full rules below would resume at i + 1
        // without a cut.
        if i + 1 < n {
            let y = b[i + 1];
            let quiet = match x {
                b'.' | b'!' | b'?' => QUIET_AFTER_TERM[y as usize],
                b'\n' => per_break == 2 && y < 0x80 && !is_ascii_space_byte(y),
                _ => false,
            };
            if quiet {
                i += 1;
                continue;
            }
        }
        // The commonest candidate in running text: an ASCII terminator, one space and an ASCII
        // character that is not whitespace (`said. The`, `said. the`, `U.S. officials`). The
        // whitespace run is that space, the paragraph goes on, and the character after it
        // decides whether a sentence may start there as `starts_sentence` does.
        if matches!(x, b'.' | b'!' | b'?') && i + 2 < n && b[i + 1] == b' ' && b[i + 2] < 0x80 && !is_ascii_space_byte(b[i + 2]) {
            let z = b[i + 2];
            let ends = if z.is_ascii_uppercase() || z.is_ascii_digit() {
                x != b'.' || run_ends_sentence(text, start, i, i + 1, i + 2)
            } else if matches!(z, b'"' | b'\'' | b'(' | b'[' | b'{') {
                starts_sentence(text, i + 2) && run_ends_sentence(text, start, i, i + 1, i + 2)
            } else {
                false
            };
            if ends {
                emit(start, i + 1, out);
                start = i + 2;
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        let c = decode_at(text, i);
        let cl = c.len_utf8();
        // At each event: where the sentence ends if it ends here, and where the scan resumes
        // (also the next sentence's start when it ends).
        let (cut, next) = if is_cjk_term(c) {
            let j = skip_while(text, i + cl, |d| is_cjk_term(d) || is_term(d));
            let j = skip_while(text, j, is_closer);
            // Whatever follows (more text, a paragraph break or the end), the sentence ends.
            (Some(j), space_run(text, j).0)
        } else if is_term(c) {
            let j = skip_while(text, i + cl, is_term);
            let k = skip_while(text, j, is_closer);
            if k < n && is_space(decode_at(text, k)) {
                let (m, breaks, line) = space_run(text, k);
                // The paragraph ends right after the run (so does the sentence), or the run
                // ends the sentence by the rules.
                if ends_paragraph(m, breaks, line) || (starts_sentence(text, m) && run_ends_sentence(text, start, i, j, m)) {
                    (Some(k), m)
                } else {
                    (None, j)
                }
            } else if k == j && ellipsis_joins(text, start, i, j) {
                // "wheat...Egypt was": the sentence ends after the ellipsis, the next starts at
                // the capital.
                (Some(j), j)
            } else {
                (None, j)
            }
        } else if is_line_break(c) {
            let (m, breaks, line) = space_run(text, i);
            if ends_paragraph(m, breaks, line) {
                (Some(i), m)
            } else {
                // A line break inside a paragraph (blank-line mode): an indented new line that
                // starts a sentence (or a list item) ends the sentence before it.
                let mut j = i + cl;
                if c == '\r' && j < n && b[j] == b'\n' {
                    j += 1;
                }
                let indented = m > j && m > start && is_indent(&text[j..m]);
                if indented && (starts_sentence(text, m) || is_bullet(decode_at(text, m))) {
                    (Some(i), m)
                } else {
                    (None, m)
                }
            }
        } else {
            (None, i + cl)
        };
        if let Some(e) = cut {
            emit(start, e, out);
            start = next;
        }
        i = next;
    }
    if start < n {
        emit(start, n, out);
    }
}

/// Whether the terminator run `p[i..j]` is an ellipsis (`…`, or three or more characters from
/// a `.`) that joins a word (before byte `i`, inside the sentence that began at `start`) and a
/// capital at byte `j` without spaces: "tendered for wheat...Egypt was rumored" (Reuters'
/// market-talk items run together that way). Such a run ends a sentence.
fn ellipsis_joins(p: &str, start: usize, i: usize, j: usize) -> bool {
    let first = decode_at(p, i);
    let is_ellipsis = first == '…' || (first == '.' && p[i..j].chars().nth(2).is_some());
    is_ellipsis && i > start && j < p.len() && is_word(decode_before(p, i)) && decode_at(p, j).is_uppercase()
}

/// Whether the terminator run `p[i..j]`, followed by whitespace and a sentence starter at byte
/// `m`, ends the sentence that began at byte `start` (all offsets into the paragraph `p`).
fn run_ends_sentence(p: &str, start: usize, i: usize, j: usize, m: usize) -> bool {
    let first = decode_at(p, i);
    let single_point = first == '.' && j == i + 1;
    // The word before the run: back to whitespace, without opening quotes/brackets before it
    // or closing ones after it.
    let b = p.as_bytes();
    let mut w0 = i;
    while w0 > start {
        let x = b[w0 - 1];
        if x < 0x80 {
            if is_ascii_space_byte(x) {
                break;
            }
            w0 -= 1;
            continue;
        }
        let c = decode_before(p, w0);
        if is_space(c) {
            break;
        }
        w0 -= c.len_utf8();
    }
    let mut w1 = i;
    w0 = skip_while(&p[..w1], w0, is_opener);
    while w1 > w0 {
        let c = decode_before(p, w1);
        if !is_closer(c) {
            break;
        }
        w1 -= c.len_utf8();
    }
    if !single_point {
        // An ellipsis standing alone ("said ... The", "[...]") is an omission, not an end.
        let is_ellipsis = first == '…' || (first == '.' && p[i..j].chars().nth(2).is_some());
        let alone = i == 0 || i == start || !is_word(decode_before(p, i));
        if !(is_ellipsis && alone) {
            return true;
        }
        // An editorial "[...]" followed by a capital usually stands for the end of one quoted
        // sentence and the omitted start of the next, unless it opens the sentence itself.
        let bracketed = i > start
            && matches!(decode_before(p, i), '[' | '(')
            && j < p.len()
            && matches!(decode_at(p, j), ']' | ')');
        return bracketed && p[start..i - 1].chars().any(is_word);
    }
    point_ends_sentence(&p[w0..w1], || {
        let e = skip_while(p, m, char::is_alphabetic);
        (decode_at(p, m), &p[m..e], (e < p.len()).then(|| decode_at(p, e)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
        spans.iter().map(|&(s, e)| text[s..e].to_string()).collect()
    }

    fn sents(text: &str, mode: ParagraphMode) -> Vec<String> {
        texts(text, &sentences_in(text, mode))
    }

    /// Runs a table of (name, text, expected sentences) in `mode`.
    fn check(mode: ParagraphMode, table: &[(&str, &str, &[&str])]) {
        for (name, text, want) in table {
            assert_eq!(sents(text, mode), *want, "{name}: {text:?}");
        }
    }

    /// Paragraphs (docs/units.md), `paragraphs="line"`: every line break kind ends a paragraph.
    #[test]
    fn paragraphs_line_mode() {
        let table: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   \n\t \r\n", &[]),
            ("a\nb", &["a", "b"]),
            ("a\r\nb", &["a", "b"]),
            ("a\rb", &["a", "b"]),
            ("a\u{0085}b\u{2028}c\u{2029}d", &["a", "b", "c", "d"]),
            ("  a b  \n\n\n  c\n", &["a b", "c"]),
            ("\u{00A0}x\u{3000}", &["x"]),
        ];
        for (text, want) in table {
            assert_eq!(
                texts(text, &paragraphs(text, ParagraphMode::Line)),
                *want,
                "{text:?}"
            );
        }
    }

    /// Paragraphs (docs/units.md), `paragraphs="blank"`: only an empty or blank line ends one.
    #[test]
    fn paragraphs_blank_mode() {
        let table: &[(&str, &[&str])] = &[
            ("", &[]),
            (" \n \n", &[]),
            ("a\nb", &["a\nb"]),
            ("a\n\nb", &["a", "b"]),
            ("a\r\n\r\nb", &["a", "b"]),
            ("a\r\n \t\r\nb", &["a", "b"]),
            ("a\r\rb", &["a", "b"]),
            ("a\u{2028}\u{2028}b\u{2029}c", &["a", "b\u{2029}c"]),
            // Indents its paragraphs: an indented line starts one.
            (
                "    Para one\nwrapped.\n    Para two\n\n    Three.\n",
                &["Para one\nwrapped.", "Para two", "Three."],
            ),
            ("a\n    b\n\tc\nd", &["a", "b", "c\nd"]),
            ("a\r\n    lower\u{2028}  x", &["a", "lower", "x"]),
            // One space is not an indentation; indented throughout is no paragraph rule.
            ("a\n b\nc", &["a\n b\nc"]),
            ("  a\n  b\n  c", &["a\n  b\n  c"]),
            ("\u{3000}\u{3000}a\nb\n\u{3000}\u{3000}c", &["a\nb", "c"]),
        ];
        for (text, want) in table {
            assert_eq!(
                texts(text, &paragraphs(text, ParagraphMode::Blank)),
                *want,
                "{text:?}"
            );
        }
    }

    /// Texts of the layout tests: hard-wrapped news in the style of Reuters-21578 (wrapped
    /// near 65 columns, the first line short where a dateline was cut, paragraphs indented by
    /// four spaces).
    const WRAPPED: &str = "Brazilian Finance Minister Dilson Funaro
flatly rejected a U.K. suggestion that his country seek
International Monetary Fund help in order to facilitate debt
negotiations with commercial creditor banks.
    Talking to reporters, Funaro said this attitude would not
help resolve the crisis started when Brazil suspended
indefinitely interest payments on 68 billion dlrs in external
debt on February 20.
    Funaro was in Britain on the first leg of a tour of
European capitals.";

    fn reading(text: &str) -> Reading {
        layout(text).reading()
    }

    /// `paragraphs="auto"`: hard-wrapped text is read as `Blank`, with its indented
    /// paragraphs.
    #[test]
    fn layout_wrapped_text_is_blank() {
        let l = layout(WRAPPED);
        assert_eq!(l.width, 61);
        assert!(l.indents);
        // 9 line breaks, 2 before indented lines (after "banks." and "February 20."): 7 soft
        // breaks, all inside sentences.
        assert_eq!((l.soft_breaks, l.wrapped_breaks), (7, 7));
        assert_eq!(l.reading(), Reading::Blank { indents: true });
        let got = texts(WRAPPED, &sentences_in(WRAPPED, ParagraphMode::Auto));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("Brazilian") && got[0].ends_with("banks."));
        assert_eq!(paragraphs(WRAPPED, ParagraphMode::Auto).len(), 3);
        assert_eq!(paragraphs(WRAPPED, ParagraphMode::Line).len(), 10);
        // The same with other line breaks, and without the indentation.
        for sep in ["\r\n", "\r", "\u{2028}"] {
            assert_eq!(reading(&WRAPPED.replace('\n', sep)), Reading::Blank { indents: true });
        }
        assert_eq!(reading(&WRAPPED.replace("\n    ", "\n")), Reading::Blank { indents: false });
        // Typewriter spacing (two spaces after a full stop) is not a table.
        assert_eq!(reading(&WRAPPED.replace("U.K. suggestion", "U.K.  Suggestion")), Reading::Blank { indents: true });
        // A short item: one soft break, the sentence going on in lower case.
        let short = "MNX Inc said it completed an\noffering of 1,225,000 shares of common at 17.25 dlrs per share.";
        assert_eq!(reading(short), Reading::Blank { indents: false });
    }

    /// `paragraphs="auto"`: anything that is not hard-wrapped is read line by line.
    #[test]
    fn layout_other_text_is_line() {
        let cases: &[(&str, &str)] = &[
            ("empty", ""),
            ("blank", " \n\t\n"),
            ("one line", "Russia and the U.S. met."),
            // Blank-line paragraphs (BBC, Wikinews): no soft break at all.
            ("blank lines", "Talks fail\n\nThe talks failed on Monday after a long night.\n\nBoth sides blamed each other."),
            // A headline and one paragraph per line.
            ("headline", "Talks fail\nThe talks failed on Monday after a long night of talks.\nBoth sides blamed each other."),
            // A list of items without final punctuation, of different lengths.
            (
                "list",
                "The plan would:\n- cut taxes on small firms \n - raise spending on schools and on hospitals in the north\n - end the ban",
            ),
            // Tables: column gaps, rows off the margin.
            ("table", "NY COCOA 12:30\n MAY7  1924 OFF 10\n JUL7  1957 OFF 10\n SEP7  1985 OFF 4"),
            ("rows off the margin", "LONDON GOLD CLOSING - APRIL 7\n 420.00/420.50 DLRS\n (Afternoon fix 418.50)"),
            (
                "lower-case table",
                "LONDON INTERBANK STERLING\n tomorrow/next 10-1/8 10\n week      10-1/8 10\n 1 month   10-1/16 9-15/16\n two       9-15/16 7/8\n three     9-7/8 3/4",
            ),
            // Narrow rows without gaps: not wrapped unless a row goes on in lower case.
            ("narrow rows", "Qtly div 35 cts vs 35 cts prior\nPayable March 31\nRecord March nine"),
            ("tab table", "Wheat\t21,044.6\t20,398.3\nSoybeans\t14,334.2\t14,063.5\nCorn\t1,000.0\t1,200.0"),
        ];
        for (name, text) in cases {
            assert_eq!(reading(text), Reading::Line, "{name}: {:?}", layout(text));
        }
        assert_eq!(layout("").soft_breaks, 0);
        assert_eq!(layout("Talks fail\n\nThe talks failed.").soft_breaks, 0);
    }

    /// A line wider than [`MAX_WRAP_WIDTH`] (in characters, not bytes) means the text is not
    /// hard-wrapped, whatever its line breaks; the scan stops there.
    #[test]
    fn layout_wide_lines_are_not_wrapped() {
        let wide = format!("{} and\nthe rest of the sentence goes on here.", "word ".repeat(40));
        let l = layout(&wide);
        assert!(l.width > MAX_WRAP_WIDTH && l.soft_breaks == 0, "{l:?}");
        assert_eq!(l.reading(), Reading::Line);
        // 150 characters of three bytes each are still within the width.
        let cjk = format!("{}\n{}。", "北".repeat(150), "京".repeat(150));
        assert_eq!(layout(&cjk).width, 151);
        // Wrapped Cyrillic: widths in characters, so the lines are full.
        let ru = "Министр финансов Бразилии Дилсон Фунаро категорически отверг\nпредложение Великобритании о том, чтобы его страна обратилась\nза помощью к Международному валютному фонду.";
        assert_eq!(reading(ru), Reading::Blank { indents: false });
    }

    /// The detector agrees with a plain restatement of its rule ([`reference::layout`]) on
    /// generated texts.
    #[test]
    fn layout_matches_its_rule() {
        let naive = reference::layout;
        let pieces = [
            "It", "rose", "sharply", "and", "the", "U.S.", "Fund", "fell.", "said:", "\"No.\"", " ", " ", " ",
            "  ", "\t", "\n", "\n", "\n    ", "\n  ", "\n\n", "\r\n", "\u{2028}", "é", "北", "Ω", ",", "(x)",
            "longerwordhere", "1,000.5",
        ];
        let mut rng = Rng(0x5DEE_CE66_D1CE_4E5D);
        for _ in 0..20000 {
            let len = (rng.next() % 60) as usize;
            let text: String = (0..len).map(|_| rng.pick(&pieces)).collect();
            assert_eq!(layout(&text), naive(&text), "{text:?}");
            layout_each_classifier(&text, naive(&text));
        }
        let long = format!("{}\nend", "x".repeat(MAX_WRAP_WIDTH + 1));
        assert_eq!(layout(&long), naive(&long));
        // Long texts: more candidate breaks than the detector keeps in its list.
        let words = ["the", "Fund", "rose", "sharply", "U.S.", "fell.", "and", "x  y", "été", "北京"];
        for seed in 0..20u64 {
            let mut rng = Rng(0x9E37_79B9 ^ seed);
            let mut text = String::new();
            for _ in 0..400 {
                let n = 1 + (rng.next() % 12) as usize;
                let line: Vec<&str> = (0..n).map(|_| rng.pick(&words)).collect();
                text.push_str(["", " ", "    "][(rng.next() % 3) as usize]);
                text.push_str(&line.join(" "));
                text.push_str(["\n", "\n", "\n", "\n\n"][(rng.next() % 4) as usize]);
            }
            assert_eq!(layout(&text), naive(&text), "seed {seed}");
            layout_each_classifier(&text, naive(&text));
        }
    }

    /// Sentences (docs/sentences.md): the basic rule (terminator, whitespace, sentence start).
    #[test]
    fn sentence_basic_ends() {
        check(
            ParagraphMode::Line,
            &[
                ("empty", "", &[]),
                ("blank", " \t ", &[]),
                ("no final punctuation", "It rained", &["It rained"]),
                ("two", "It rained. We left.", &["It rained.", "We left."]),
                (
                    "bang and question",
                    "Why? Because! Yes.",
                    &["Why?", "Because!", "Yes."],
                ),
                (
                    "lower-case after",
                    "It was 5 p.m. on Friday. then more",
                    &["It was 5 p.m. on Friday. then more"],
                ),
                (
                    "digit starts",
                    "Sales rose. 1987 was good.",
                    &["Sales rose.", "1987 was good."],
                ),
                (
                    "bracket starts",
                    "It fell. (Prices are in dollars.)",
                    &["It fell.", "(Prices are in dollars.)"],
                ),
                ("no space after", "It fell.The end", &["It fell.The end"]),
                (
                    "ellipsis char",
                    "Well… Then it ended.",
                    &["Well…", "Then it ended."],
                ),
                (
                    "ellipsis dots",
                    "Well... Then it ended.",
                    &["Well...", "Then it ended."],
                ),
                (
                    "lone ellipsis",
                    "He said ... The rest [...] and more.",
                    &["He said ... The rest [...] and more."],
                ),
                (
                    "editorial ellipsis",
                    "We won[...] The rest. [...] It ended.",
                    &["We won[...]", "The rest.", "[...] It ended."],
                ),
                (
                    "ellipsis joins items",
                    "Tunisia tendered for wheat...Egypt was rumored...Morocco too.",
                    &["Tunisia tendered for wheat...", "Egypt was rumored...", "Morocco too."],
                ),
                ("ellipsis char joins", "Well…Then it ended.", &["Well…", "Then it ended."]),
                ("ellipsis before lower case", "Wait...and see.", &["Wait...and see."]),
                ("ellipsis after a space", "He said ...The end.", &["He said ...The end."]),
                ("two points join nothing", "It fell..The end", &["It fell..The end"]),
                ("multiple", "Really?! Yes.", &["Really?!", "Yes."]),
                ("nbsp", "One.\u{00A0}Two.", &["One.", "Two."]),
            ],
        );
    }

    /// docs/sentences.md: closing quotes and brackets after the terminator belong to the sentence.
    #[test]
    fn sentence_quotes_and_brackets() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "straight",
                    "He said \"No.\" Then he left.",
                    &["He said \"No.\"", "Then he left."],
                ),
                (
                    "curly",
                    "He said “No.” Then he left.",
                    &["He said “No.”", "Then he left."],
                ),
                (
                    "single",
                    "He said 'No.' Then he left.",
                    &["He said 'No.'", "Then he left."],
                ),
                (
                    "question in quote",
                    "\"Why?\" he asked. \"Because.\"",
                    &["\"Why?\" he asked.", "\"Because.\""],
                ),
                ("paren", "(It fell.) It rose.", &["(It fell.)", "It rose."]),
                (
                    "opening quote starts",
                    "It fell. \"We are sad,\" he said.",
                    &["It fell.", "\"We are sad,\" he said."],
                ),
                (
                    "lower-case after quote",
                    "Sen. Chiles (D-Fla.) \"is ill,\" he said.",
                    &["Sen. Chiles (D-Fla.) \"is ill,\" he said."],
                ),
            ],
        );
    }

    /// docs/sentences.md: never after titles ("Mr.", "Gen.", "Sen.", "St.", ...).
    #[test]
    fn sentence_titles() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "Mr",
                    "Mr. Smith left. Mrs. Jones stayed.",
                    &["Mr. Smith left.", "Mrs. Jones stayed."],
                ),
                (
                    "Gen",
                    "Gen. Petraeus and Lt. Col. North met Sen. Kerry.",
                    &["Gen. Petraeus and Lt. Col. North met Sen. Kerry."],
                ),
                (
                    "Dr Prof",
                    "Dr. Who met Prof. X today.",
                    &["Dr. Who met Prof. X today."],
                ),
                (
                    "St",
                    "He lives in St. Louis. It is hot.",
                    &["He lives in St. Louis.", "It is hot."],
                ),
                ("caps", "MR. SMITH SAID NO.", &["MR. SMITH SAID NO."]),
                (
                    "vs",
                    "Smith vs. Jones. The case.",
                    &["Smith vs. Jones.", "The case."],
                ),
                (
                    "e.g.",
                    "Some, e.g. Brazil, agree.",
                    &["Some, e.g. Brazil, agree."],
                ),
            ],
        );
    }

    /// docs/sentences.md: months and "No." before a number.
    #[test]
    fn sentence_months_and_numbers_after() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "Jan 5",
                    "It starts Jan. 5 in Paris.",
                    &["It starts Jan. 5 in Paris."],
                ),
                (
                    "Sept 30",
                    "Due Sept. 30, 1987. Payable Oct. 1.",
                    &["Due Sept. 30, 1987.", "Payable Oct. 1."],
                ),
                ("No 1", "It is No. 1 in sales.", &["It is No. 1 in sales."]),
                (
                    "month at end",
                    "It ended in Dec. The next began.",
                    &["It ended in Dec.", "The next began."],
                ),
                (
                    "No at end",
                    "He said No. Then left.",
                    &["He said No.", "Then left."],
                ),
            ],
        );
    }

    /// docs/sentences.md: dotted acronyms (U.S., U.N., a.m.) and initials.
    #[test]
    fn sentence_acronyms_and_initials() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "U.S. inside",
                    "The U.S. Treasury and U.N. officials met.",
                    &["The U.S. Treasury and U.N. officials met."],
                ),
                (
                    "U.S. at end",
                    "Sales rose in the U.S. The rest fell.",
                    &["Sales rose in the U.S.", "The rest fell."],
                ),
                (
                    "U.S. digit",
                    "The U.S. 30-year bond fell.",
                    &["The U.S. 30-year bond fell."],
                ),
                (
                    "E.U. quote",
                    "He blamed the E.U. \"It failed,\" he said.",
                    &["He blamed the E.U.", "\"It failed,\" he said."],
                ),
                (
                    "a.m.",
                    "At 9 a.m. EST it opened.",
                    &["At 9 a.m. EST it opened."],
                ),
                (
                    "initial",
                    "John F. Kennedy spoke. J. R. R. Tolkien wrote.",
                    &["John F. Kennedy spoke.", "J. R. R. Tolkien wrote."],
                ),
                (
                    "initial A",
                    "Joseph A. Smith came.",
                    &["Joseph A. Smith came."],
                ),
                (
                    "Jr",
                    "Joseph R. Biden, Jr. spoke today. Jr. Then",
                    &["Joseph R. Biden, Jr. spoke today.", "Jr. Then"],
                ),
            ],
        );
    }

    /// Company suffixes: measured to end sentences in news; not before another suffix.
    #[test]
    fn sentence_company_suffixes() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "Inc end",
                    "It bought Acme Inc. The price was not given.",
                    &["It bought Acme Inc.", "The price was not given."],
                ),
                (
                    "Corp end",
                    "It sued IBM Corp. Terms were secret.",
                    &["It sued IBM Corp.", "Terms were secret."],
                ),
                (
                    "Co Ltd",
                    "Mitsui and Co. Ltd. said so.",
                    &["Mitsui and Co. Ltd. said so."],
                ),
                (
                    "Co lower",
                    "Acme Co. said it would.",
                    &["Acme Co. said it would."],
                ),
            ],
        );
    }

    /// docs/sentences.md: never inside numbers.
    #[test]
    fn sentence_numbers() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "3.5 pct",
                    "It rose 3.5 pct. Analysts cheered.",
                    &["It rose 3.5 pct.", "Analysts cheered."],
                ),
                (
                    "1,000.5",
                    "It was 1,000.5 tonnes. It was 2.",
                    &["It was 1,000.5 tonnes.", "It was 2."],
                ),
                (
                    "year end",
                    "It was in 1987. The year after.",
                    &["It was in 1987.", "The year after."],
                ),
                (
                    "version",
                    "Version 2.0.1 is out.",
                    &["Version 2.0.1 is out."],
                ),
            ],
        );
    }

    /// docs/sentences.md: a paragraph break always ends a sentence; headlines end at the break.
    #[test]
    fn sentence_paragraph_breaks() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "line break",
                    "Headline here\nBody starts. More",
                    &["Headline here", "Body starts.", "More"],
                ),
                ("crlf", "A b\r\nc d", &["A b", "c d"]),
                ("u2028", "A b\u{2028}c d", &["A b", "c d"]),
                ("mr at break", "Ask Mr.\nSmith", &["Ask Mr.", "Smith"]),
            ],
        );
        check(
            ParagraphMode::Blank,
            &[
                (
                    "wrapped",
                    "It rose\nsharply. Then\nit fell.",
                    &["It rose\nsharply.", "Then\nit fell."],
                ),
                (
                    "blank line",
                    "HEADLINE\n\nBody. More.",
                    &["HEADLINE", "Body.", "More."],
                ),
                ("crlf blank", "A b\r\n\r\nc d", &["A b", "c d"]),
                (
                    "wrapped U.S.",
                    "in the U.S.\nAnd Canada.",
                    &["in the U.S.\nAnd Canada."],
                ),
            ],
        );
    }

    /// Hard-wrapped text: an indented new line starting like a sentence starts one.
    #[test]
    fn sentence_indented_lines() {
        check(
            ParagraphMode::Blank,
            &[
                (
                    "reuters paragraph",
                    "It rose,\nhe said.\n    The rest\nfell.",
                    &["It rose,\nhe said.", "The rest\nfell."],
                ),
                (
                    "table rows",
                    "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Revs 5 mln",
                    &[
                        "Shr 34 cts vs 1.19 dlrs",
                        "Net 807,000 vs 2,858,000",
                        "Revs 5 mln",
                    ],
                ),
                (
                    "one space",
                    "Shr 34 cts\n Net 807",
                    &["Shr 34 cts\n Net 807"],
                ),
                // The text indents its paragraphs: an indented line starts a paragraph, whatever
                // its first letter (Reuters: "    steers - choice 2-3 ...").
                (
                    "indented lower",
                    "It rose\n    sharply.",
                    &["It rose", "sharply."],
                ),
                // Indented throughout: no paragraph rule, and a lower-case line goes on.
                (
                    "all indented lower",
                    "  It rose\n    sharply.",
                    &["It rose\n    sharply."],
                ),
                (
                    "all indented upper",
                    "  It rose\n    Sharply.",
                    &["It rose", "Sharply."],
                ),
                ("tab", "Row one\n\tRow two", &["Row one", "Row two"]),
                (
                    "bullet",
                    "These claims:\n    -- It will pay.\n    -- It won't.",
                    &["These claims:", "-- It will pay.", "-- It won't."],
                ),
            ],
        );
    }

    /// docs/sentences.md: CJK 。！？ end sentences without whitespace after them.
    #[test]
    fn sentence_cjk() {
        check(
            ParagraphMode::Line,
            &[
                (
                    "han",
                    "北京下雨了。上海很热！真的吗？",
                    &["北京下雨了。", "上海很热！", "真的吗？"],
                ),
                (
                    "closing bracket",
                    "他说：「好。」然后走了。",
                    &["他说：「好。」", "然后走了。"],
                ),
                (
                    "mixed",
                    "東京。 Tokyo is big. 大阪",
                    &["東京。", "Tokyo is big.", "大阪"],
                ),
                (
                    "japanese",
                    "北朝鮮は発射した。日本は抗議した",
                    &["北朝鮮は発射した。", "日本は抗議した"],
                ),
            ],
        );
    }

    /// Tokens (docs/sentences.md): runs of word characters; unspaced-script characters alone.
    #[test]
    fn max_listed_len_is_right() {
        let longest = NEVER
            .iter()
            .chain(BEFORE_DIGIT)
            .chain(SOFT)
            .chain(COMPANY)
            .map(|w| w.len())
            .max();
        assert_eq!(longest, Some(MAX_LISTED_LEN));
        assert_eq!(OPENERS.iter().map(|w| w.len()).max(), Some(MAX_OPENER_LEN));
    }

    /// The table look-up says exactly what reading the lists one by one says: members,
    /// their capitals, other casings, prefixes, extensions, empty and long words.
    #[test]
    fn lists_of_equals_the_lists() {
        let lists: [(&[&str], u8); 5] = [
            (NEVER, IN_NEVER),
            (BEFORE_DIGIT, IN_BEFORE_DIGIT),
            (SOFT, IN_SOFT),
            (COMPANY, IN_COMPANY),
            (OPENERS, IN_OPENERS),
        ];
        let naive = |w: &str| -> u8 {
            let mut bits = 0;
            for (list, bit) in lists {
                if list.iter().any(|e| *e == w || e.to_ascii_uppercase() == w) {
                    bits |= bit;
                }
            }
            bits
        };
        let mut words: Vec<String> = vec![
            String::new(), "x".into(), "Separately".into(), "SEPARATELY".into(), "Separatelyy".into(),
            "Jänner".into(), "Ω".into(), "A\0".into(), "a".into(), "no".into(), "nO".into(),
        ];
        for (list, _) in lists {
            for w in list {
                let chars: Vec<char> = w.chars().collect();
                words.push(w.to_string());
                words.push(w.to_ascii_uppercase());
                words.push(w.to_ascii_lowercase());
                words.push(format!("{w}s"));
                words.push(format!("{w}."));
                words.push(chars[..chars.len() - 1].iter().collect());
                let mut swapped: String = chars[..1].iter().map(|c| c.to_ascii_lowercase()).collect();
                swapped.extend(chars[1..].iter().map(|c| c.to_ascii_uppercase()));
                words.push(swapped);
            }
        }
        for w in &words {
            assert_eq!(lists_of(w), naive(w), "{w:?}");
        }
        assert_eq!(lists_of("Co") & IN_COMPANY, IN_COMPANY);
        assert_eq!(lists_of("A"), IN_OPENERS);
    }

    #[test]
    fn lower_listed_is_right() {
        // The listed words of lower-case ASCII letters and digits, and nothing else.
        let mut want: Vec<&str> = [NEVER, BEFORE_DIGIT, SOFT, COMPANY]
            .iter()
            .flat_map(|l| l.iter().copied())
            .filter(|w| w.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
            .collect();
        let mut got = LOWER_LISTED.to_vec();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        // The fast path of point_ends_sentence agrees with the lists on such words.
        for w in ["said", "year", "1987", "pct", "vs", "etc", "al", "p", "pp", "no", "co", "inc", "ltd", "st", "mr", "jan"] {
            let listed = lists_of(w) & (IN_NEVER | IN_BEFORE_DIGIT | IN_SOFT | IN_COMPANY) != 0;
            assert_eq!(listed, LOWER_LISTED.contains(&w), "{w}");
        }
    }

    #[test]
    fn tokens_rule() {
        let table: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  ", &[]),
            ("Russia’s G7-led", &["Russia", "s", "G7", "led"]),
            ("北朝鮮は", &["北", "朝", "鮮", "は"]),
            ("abc北def", &["abc", "北", "def"]),
            ("café\u{0301} 3.5", &["café\u{0301}", "3", "5"]),
            ("북한은", &["북", "한", "은"]),
        ];
        for (text, want) in table {
            assert_eq!(texts(text, &tokens(text)), *want, "{text:?}");
        }
    }

    #[test]
    fn bytes_to_cps_rule() {
        let text = "aé北😀b";
        assert_eq!(
            bytes_to_cps(text, &[0, 1, 3, 6, 10, 11]),
            vec![0, 1, 2, 3, 4, 5]
        );
        assert_eq!(
            bytes_to_cps(text, &[11, 0, 3]),
            vec![5, 0, 2],
            "unsorted input restarts"
        );
        assert_eq!(bytes_to_cps(text, &[99]), vec![5], "clamped");
        assert_eq!(bytes_to_cps("", &[0, 5]), vec![0, 0]);
        assert!(bytes_to_cps(text, &[]).is_empty());
    }

    use crate::core::test_rng::Rng;

    fn check_spans(text: &str, spans: &[(usize, usize)], what: &str) {
        let mut prev = 0usize;
        for &(s, e) in spans {
            assert!(s < e, "{what}: empty span in {text:?}");
            assert!(s >= prev, "{what}: unsorted/overlapping in {text:?}");
            assert!(
                text.is_char_boundary(s) && text.is_char_boundary(e),
                "{what}: boundary in {text:?}"
            );
            prev = e;
        }
    }

    /// [`layout_scan`] with each block classifier gives `want`: byte by byte (the path of
    /// targets other than x86-64, forced here), the baseline (SSE2 on x86-64) and AVX2 when the
    /// CPU has it.
    fn layout_each_classifier(text: &str, want: Layout) {
        assert_eq!(layout_scan(blocks::Scalar, text), want, "scalar, {text:?}");
        assert_eq!(layout_scan(blocks::BASELINE, text), want, "baseline, {text:?}");
        #[cfg(target_arch = "x86_64")]
        if let Some(avx2) = blocks::Avx2::detect() {
            // SAFETY: `avx2` exists, so the CPU has AVX2.
            assert_eq!(unsafe { layout_avx2(avx2, text) }, want, "avx2, {text:?}");
        }
    }

    /// The sentence scan gives the reference's spans with each block classifier (byte by byte
    /// as on targets other than x86-64, the baseline, AVX2 when the CPU has it), in every
    /// reading, on generated texts of one to several 64-byte blocks.
    #[test]
    fn split_scan_each_classifier() {
        let pieces = [
            "The", "U.S.", "Mr.", "said", "3.5", "Inc.", "a", ".", "...", "…", "!", "?", "\"", "”", ")", " ", " ",
            "  ", "\n", "\r\n", "\r", "\n\n", "\n    ", "\t", "\u{2028}", "\u{2029}", "\u{0085}", "\u{00A0}",
            "北京", "。", "！", "？", "」", "é", "Ω", "😀",
        ];
        let mut rng = Rng(0x5C4A_0B10);
        let mut out = Vec::new();
        for round in 0..1500 {
            let len = (rng.next() % if round % 3 == 0 { 400 } else { 60 }) as usize;
            let text: String = (0..len).map(|_| rng.pick(&pieces)).collect();
            for (per_break, indents) in [(1, Some(false)), (2, None), (2, Some(false)), (2, Some(true))] {
                let reading = match (per_break, indents) {
                    (1, _) => Reading::Line,
                    (_, Some(i)) => Reading::Blank { indents: i },
                    _ => reference::read(&text, ParagraphMode::Blank),
                };
                let want = reference::sentences_read(&text, reading);
                split_scan(&text, per_break, indents, &mut out);
                assert_eq!(out, want, "dispatched, {reading:?}, {text:?}");
                out.clear();
                split_scan_with(blocks::Scalar, &text, per_break, indents, &mut out);
                assert_eq!(out, want, "scalar, {reading:?}, {text:?}");
                out.clear();
                split_scan_with(blocks::BASELINE, &text, per_break, indents, &mut out);
                assert_eq!(out, want, "baseline, {reading:?}, {text:?}");
                out.clear();
                #[cfg(target_arch = "x86_64")]
                if let Some(avx2) = blocks::Avx2::detect() {
                    // SAFETY: `avx2` exists, so the CPU has AVX2.
                    unsafe { split_scan_avx2(avx2, &text, per_break, indents, &mut out) };
                    assert_eq!(out, want, "avx2, {reading:?}, {text:?}");
                    out.clear();
                }
            }
            layout_each_classifier(&text, reference::layout(&text));
        }
    }

    /// Properties on generated text: spans sorted, non-overlapping, non-empty, on char
    /// boundaries, trimmed; every sentence inside one paragraph; sentences cover every
    /// non-space character of their paragraphs; tokens are word characters.
    #[test]
    fn properties_on_generated_text() {
        let pieces = [
            "The",
            "U.S.",
            "Mr.",
            "Jan.",
            "5",
            "3.5",
            "1,000.5",
            "Inc.",
            "a",
            "x",
            "F.",
            ".",
            "...",
            "…",
            "!",
            "?",
            "\"",
            "“",
            "”",
            "'",
            "(",
            ")",
            "[",
            "]",
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "\n    ",
            "\t",
            "\u{2028}",
            "\u{2029}",
            "\u{0085}",
            "\u{00A0}",
            "北京",
            "。",
            "！",
            "？",
            "」",
            "é",
            "e\u{0301}",
            "😀",
            "ß",
            "İ",
            "ǅ",
            "١٢",
            "Ω",
            "",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20000 {
            let len = (rng.next() % 40) as usize;
            let text: String = (0..len).map(|_| rng.pick(&pieces)).collect();
            for mode in [ParagraphMode::Line, ParagraphMode::Blank, ParagraphMode::Auto] {
                let reading = mode.read(&text);
                assert_eq!(paragraphs(&text, mode), paragraphs_read(&text, reading));
                assert_eq!(sentences_in(&text, mode), sentences_read(&text, reading));
            }
            let readings = [Reading::Line, Reading::Blank { indents: false }, Reading::Blank { indents: true }];
            for reading in readings {
                let pars = paragraphs_read(&text, reading);
                check_spans(&text, &pars, "paragraphs");
                let sents = sentences_read(&text, reading);
                check_spans(&text, &sents, "sentences");
                assert_eq!(
                    pars,
                    reference::paragraphs_read(&text, reading),
                    "paragraphs differ from the reference on {text:?} ({reading:?})"
                );
                assert_eq!(
                    sents,
                    reference::sentences_read(&text, reading),
                    "sentences differ from the reference on {text:?} ({reading:?})"
                );
                for &(s, e) in pars.iter().chain(sents.iter()) {
                    let t = &text[s..e];
                    assert_eq!(t, t.trim_matches(is_space), "untrimmed {t:?} in {text:?}");
                }
                for &(s, e) in &sents {
                    assert!(
                        pars.iter().any(|&(ps, pe)| ps <= s && e <= pe),
                        "sentence outside paragraphs in {text:?}"
                    );
                }
                let squash = |spans: &[(usize, usize)]| -> String {
                    spans
                        .iter()
                        .flat_map(|&(s, e)| text[s..e].chars())
                        .filter(|c| !is_space(*c))
                        .collect()
                };
                assert_eq!(
                    squash(&pars),
                    squash(&sents),
                    "sentences lose text in {text:?}"
                );
                let all: String = text.chars().filter(|c| !is_space(*c)).collect();
                assert_eq!(squash(&pars), all, "paragraphs lose text in {text:?}");
            }
            assert_eq!(sentences(&text), sentences_in(&text, ParagraphMode::Line));
            let toks = tokens(&text);
            check_spans(&text, &toks, "tokens");
            for &(s, e) in &toks {
                assert!(text[s..e].chars().all(is_word));
            }
            let flat: Vec<usize> = toks.iter().flat_map(|&(s, e)| [s, e]).collect();
            let cps = bytes_to_cps(&text, &flat);
            for (b, c) in flat.iter().zip(cps) {
                assert_eq!(text[..*b].chars().count(), c);
            }
        }
    }
}
