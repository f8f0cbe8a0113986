//! The token gate: a cheap test, at a word start, of whether any pattern can match there,
//! before the automaton walk.
//!
//! A pattern that begins with a word character begins with its first *token* (a maximal run
//! of word characters, a character of an unspaced script being a token of its own, as in
//! docs/sentences.md). For the pattern to match at a word start, the text's token there must equal the
//! pattern's first token exactly (the characters after it are non-word characters or an
//! unspaced-script boundary in both, so both tokens end at the same place), except that a
//! glob pattern ending in a word character only needs a prefix of the text's token. For a
//! pattern of two or more tokens, the text's *second* token (after any non-word characters)
//! must also equal the pattern's second one (or extend it, for a glob ending there).
//!
//! The gate keeps two bits per hashed token (or token pair) in a one-megabyte bit array, in
//! the 64-byte block of that token (one cache line per look-up), so it
//! answers "maybe" for every word where some pattern can match and "no" for most other words;
//! hash collisions only cost a walk that finds nothing. With the 229k GeoNames aliases most
//! Reuters words begin some pattern's first bytes ("the" begins "The Hague", "to" begins
//! "Toledo"), so byte prefix filters let nearly every word through to a walk of three or
//! four automaton states scattered over tens of megabytes; the gate lets about one word in
//! twenty through.
//!
//! Tokens are hashed in the view (normalised characters, lower case in a lowercase view), and
//! the same function tokenises the (already normalised) patterns and the text. The hash works
//! on 8-byte words of view bytes; a short ASCII token (most words) is found, lower-cased and
//! hashed 16 bytes at a time (SSE2), any other token a byte at a time, with the same result.

use super::super::chars::{is_unspaced, is_word};
use super::super::normalize::decode_at;
use super::{view_char, ASCII_WORD};

/// Bits in the gate's bit array (2^23 bits = 1 MiB).
const BITS_LOG2: u32 = 23;

/// What a pattern requires of the text's tokens, one salt per kind of entry.
const SALT_SINGLE: u64 = 0x9E37_79B9_7F4A_7C15;
const SALT_FIRST: u64 = 0xC2B2_AE3D_27D4_EB4F;
const SALT_FIRST_ONLY: u64 = 0x1656_67B1_9E37_79F9;
const SALT_GLOB: u64 = 0x27D4_EB2F_1656_67C5;
const SALT_PAIR: u64 = 0x85EB_CA77_C2B2_AE63;

/// The token gate of one view (see the module documentation).
pub(crate) struct TokenGate {
    bits: Vec<u64>,
    /// Bit `l` set: some glob pattern's only token is `l` view bytes long (1..=63).
    glob_lens: u64,
}

/// The token hash is defined over the token's view bytes `v` (normalised characters, lower
/// case in a lowercase view, UTF-8): `h = SEED`, then `h = absorb(h, w)` for each 8-byte
/// little-endian word `w` of `v` (the last one zero-padded). A token never holds a zero byte,
/// so the padding cannot make two tokens alike. [`token`] computes it 16 bytes at a time for
/// a short ASCII token (the common case) and a byte at a time otherwise; both give the same
/// hash for the same view bytes, patterns and text alike.
///
/// The seed's top byte 0xFF is no UTF-8 byte, so `SEED ^ w` is never zero.
const SEED: u64 = 0xFF2D_358B_4C1E_97A3;

/// The multiplier of [`absorb`] (odd, bits spread over the whole word).
const ABSORB_MUL: u64 = 0x9FB2_1C65_1E98_DF25;

/// One 8-byte word into a token hash: a 64×64→128-bit multiply whose halves are xored (the
/// "folded multiply" of wyhash; every output bit depends on every input bit). [`mix`]
/// finishes every hash before use.
#[inline(always)]
fn absorb(h: u64, w: u64) -> u64 {
    let r = ((h ^ w) as u128).wrapping_mul(ABSORB_MUL as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// The low `k` bytes of a word (`k` ≥ 8: all of it).
#[inline(always)]
fn low_bytes(w: u64, k: usize) -> u64 {
    if k >= 8 {
        w
    } else {
        w & ((1u64 << (8 * k)) - 1)
    }
}

/// The token hash of a token of at most 16 view bytes, given as two zero-padded words.
#[inline(always)]
fn hash_words(w0: u64, w1: u64, len: usize) -> u64 {
    let h0 = absorb(SEED, w0);
    if len > 8 {
        absorb(h0, w1)
    } else {
        h0
    }
}

/// A token hash fed a byte at a time (the general path of [`token`]).
struct Hasher {
    /// The hash of the full words fed so far.
    h: u64,
    /// The bytes fed since, in the low bytes.
    cur: u64,
    /// How many bytes `cur` holds (0..8).
    held: u32,
}

impl Hasher {
    #[inline(always)]
    fn new() -> Hasher {
        Hasher { h: SEED, cur: 0, held: 0 }
    }

    #[inline(always)]
    fn push(&mut self, b: u8) {
        self.cur |= (b as u64) << (8 * self.held);
        self.held += 1;
        if self.held == 8 {
            self.h = absorb(self.h, self.cur);
            self.cur = 0;
            self.held = 0;
        }
    }

    /// The hash of the bytes fed so far.
    #[inline(always)]
    fn finish(&self) -> u64 {
        if self.held == 0 {
            self.h
        } else {
            absorb(self.h, self.cur)
        }
    }
}

#[inline(always)]
fn mix(h: u64, salt: u64) -> u64 {
    let x = (h ^ salt).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^ (x >> 29)
}

/// The token starting at byte `i` of `text` (a word character): its hash in the view, the
/// byte where it ends in `text`, the number of prefix hashes written to `prefixes` (those of
/// its view prefixes whose lengths are in `glob_lens`) and its length in view bytes.
///
/// `norm` is the view's ASCII table (`NORM_LOWER` when `lower_view`, else `NORM_PLAIN`).
#[inline(always)]
fn token(
    text: &str,
    i: usize,
    norm: &[u8; 128],
    lower_view: bool,
    glob_lens: u64,
    prefixes: &mut [u64; 8],
) -> (u64, usize, usize, usize) {
    if let Some((w0, w1, len)) = ascii_token(text.as_bytes(), i, lower_view) {
        debug_assert_eq!(norm[b'Q' as usize] == b'q', lower_view);
        let h = hash_words(w0, w1, len);
        let np = if glob_lens == 0 { 0 } else { ascii_prefixes(w0, w1, len, glob_lens, prefixes) };
        return (h, i + len, np, len);
    }
    token_bytes(text, i, norm, lower_view, glob_lens, prefixes)
}

/// The prefix hashes of an ASCII token (every byte a character boundary) held in `w0`, `w1`
/// (see [`ascii_token`]), as [`token_bytes`] writes them; returns how many.
#[inline(never)]
fn ascii_prefixes(w0: u64, w1: u64, len: usize, glob_lens: u64, prefixes: &mut [u64; 8]) -> usize {
    // Lengths 1..=len (len < 16).
    let mut lens = glob_lens & ((2u64 << len) - 2);
    let mut np = 0usize;
    while lens != 0 && np < prefixes.len() {
        let l = lens.trailing_zeros() as usize;
        lens &= lens - 1;
        prefixes[np] = if l <= 8 { absorb(SEED, low_bytes(w0, l)) } else { absorb(absorb(SEED, w0), low_bytes(w1, l - 8)) };
        np += 1;
    }
    np
}

/// The view bytes of the token at `i`, when it is a run of fewer than 16 ASCII word
/// characters followed by an ASCII byte, all inside `bytes[i..i + 16]`: two little-endian
/// words (zero past the token) and the length. `None` otherwise (then [`token_bytes`]).
///
/// ASCII word characters are letters and digits, which `NORM_PLAIN` keeps and `NORM_LOWER`
/// lower-cases; for them lower-casing is setting bit 0x20 (digits have it already).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn ascii_token(bytes: &[u8], i: usize, lower_view: bool) -> Option<(u64, u64, usize)> {
    use std::arch::x86_64::*;
    if i + 16 > bytes.len() {
        return None;
    }
    // SAFETY: SSE2 is part of the x86-64 baseline (always enabled for this target), so the
    // intrinsics are available; the load reads `bytes[i..i + 16]`, inside `bytes` because
    // `i + 16 <= bytes.len()` (checked above), unaligned.
    let (word, high, v) = unsafe {
        let v = _mm_loadu_si128(bytes.as_ptr().add(i) as *const __m128i);
        // Signed compares: bytes ≥ 0x80 are negative, so neither digits nor letters.
        let digit = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(b'0' as i8 - 1)),
            _mm_cmplt_epi8(v, _mm_set1_epi8(b'9' as i8 + 1)),
        );
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let letter = _mm_and_si128(
            _mm_cmpgt_epi8(folded, _mm_set1_epi8(b'a' as i8 - 1)),
            _mm_cmplt_epi8(folded, _mm_set1_epi8(b'z' as i8 + 1)),
        );
        let word = _mm_movemask_epi8(_mm_or_si128(digit, letter)) as u32;
        let high = _mm_movemask_epi8(v) as u32;
        (word, high, if lower_view { folded } else { v })
    };
    let len = (!word).trailing_zeros() as usize; // ≤ 16: `word` has 16 bits
    if len >= 16 || (high >> len) & 1 == 1 {
        return None; // long, or followed by a non-ASCII byte (perhaps a word character)
    }
    // SAFETY: SSE2 intrinsics on registers only (see above).
    let (lo, hi) = unsafe {
        let iota = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        let keep = _mm_cmplt_epi8(iota, _mm_set1_epi8(len as i8));
        let t = _mm_and_si128(v, keep);
        (_mm_cvtsi128_si64(t) as u64, _mm_cvtsi128_si64(_mm_unpackhi_epi64(t, t)) as u64)
    };
    Some((lo, hi, len))
}

/// Without SSE2, every token takes the byte-at-a-time path.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn ascii_token(_bytes: &[u8], _i: usize, _lower_view: bool) -> Option<(u64, u64, usize)> {
    None
}

/// [`token`], a view byte at a time (any token).
#[inline(never)]
fn token_bytes(
    text: &str,
    i: usize,
    norm: &[u8; 128],
    lower_view: bool,
    glob_lens: u64,
    prefixes: &mut [u64; 8],
) -> (u64, usize, usize, usize) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut h = Hasher::new();
    let mut p = i;
    let mut fed = 0usize;
    let mut np = 0usize;
    let mut ends_here = false; // an unspaced character is a token of its own
    while p < n && !ends_here {
        let b = bytes[p];
        if b < 0x80 {
            if !ASCII_WORD[b as usize] {
                break;
            }
            h.push(norm[b as usize]);
            fed += 1;
            p += 1;
        } else {
            let c = decode_at(text, p);
            if !is_word(c) {
                break;
            }
            let u = is_unspaced(c);
            if u && p > i {
                break; // an unspaced character starts a token of its own
            }
            let mut buf = [0u8; 4];
            for &vb in view_char(c, lower_view).encode_utf8(&mut buf).as_bytes() {
                h.push(vb);
                fed += 1;
            }
            p += c.len_utf8();
            ends_here = u;
        }
        if fed < 64 && glob_lens >> fed & 1 == 1 && np < prefixes.len() {
            prefixes[np] = h.finish();
            np += 1;
        }
    }
    (h.finish(), p, np, fed)
}

/// The first byte at or after `p` that holds a word character (or `text.len()`).
#[inline]
fn skip_non_word(text: &str, mut p: usize) -> usize {
    let bytes = text.as_bytes();
    while p < bytes.len() {
        let b = bytes[p];
        if b < 0x80 {
            if ASCII_WORD[b as usize] {
                break;
            }
            p += 1;
        } else {
            let c = decode_at(text, p);
            if is_word(c) {
                break;
            }
            p += c.len_utf8();
        }
    }
    p
}

impl TokenGate {
    /// The gate for a view's patterns (`glob[pid]`: some alias of the pattern is a glob), or
    /// `None` when a glob token is too long for the prefix table (then every word is walked).
    pub(crate) fn new(patterns: &[String], glob: &[bool], norm: &[u8; 128], lower_view: bool) -> Option<TokenGate> {
        let mut gate = TokenGate { bits: vec![0u64; 1 << (BITS_LOG2 - 6)], glob_lens: 0 };
        let mut scratch = [0u64; 8];
        for (pid, p) in patterns.iter().enumerate() {
            let Some(c0) = p.chars().next() else { continue };
            if !is_word(c0) {
                continue; // begins with a non-word character: walked wherever it may start
            }
            let ends_in_word = p.chars().next_back().is_some_and(is_word);
            let glob_tail = glob[pid] && ends_in_word;
            let (h1, e1, _, fed1) = token(p, 0, norm, lower_view, 0, &mut scratch);
            let s2 = skip_non_word(p, e1);
            if s2 >= p.len() {
                // One token (perhaps followed by non-word characters). A glob alias also
                // matches the token exactly, so the single entry is set either way.
                gate.set(h1, h1, SALT_SINGLE);
                if glob_tail {
                    if fed1 >= 64 {
                        return None;
                    }
                    gate.glob_lens |= 1 << fed1;
                    gate.set(h1, h1, SALT_GLOB);
                }
                continue;
            }
            let (h2, e2, _, _) = token(p, s2, norm, lower_view, 0, &mut scratch);
            if glob_tail && e2 == p.len() {
                // Two tokens, the second one a glob prefix: gate on the first token only.
                gate.set(h1, h1, SALT_FIRST_ONLY);
                continue;
            }
            gate.set(h1, h1, SALT_FIRST);
            gate.set(h1, pair(h1, h2), SALT_PAIR);
        }
        Some(gate)
    }

    /// Entries live in 64-byte blocks: the block is chosen by the hash of the (first) token
    /// alone, so all the entries of one token, its pairs included, share a cache line and a
    /// look-up touches one line; two bits in it are chosen by the salted entry hash.
    #[inline(always)]
    fn block(h1: u64) -> usize {
        ((mix(h1, 0x2545_F491_4F6C_DD1D) >> (64 - (BITS_LOG2 - 9))) as usize) * 8
    }

    #[inline(always)]
    fn positions(h: u64, salt: u64) -> [(usize, u32); 2] {
        let x = mix(h, salt);
        let (b1, b2) = ((x & 511) as usize, ((x >> 9) & 511) as usize);
        [(b1 >> 6, (b1 & 63) as u32), (b2 >> 6, (b2 & 63) as u32)]
    }

    /// Sets the entry `h` (salted) in the block of token hash `h1`.
    fn set(&mut self, h1: u64, h: u64, salt: u64) {
        let base = Self::block(h1);
        for (w, b) in Self::positions(h, salt) {
            self.bits[base + w] |= 1u64 << b;
        }
    }

    #[inline(always)]
    fn has(&self, base: usize, h: u64, salt: u64) -> bool {
        let [(w1, b1), (w2, b2)] = Self::positions(h, salt);
        (self.bits[base + w1] >> b1) & (self.bits[base + w2] >> b2) & 1 == 1
    }

    /// Heap bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bits.len() * 8
    }

    /// Whether some pattern may match at byte `i` of `text`, a word start whose character is
    /// a word character. `false` is certain; `true` may be a hash collision.
    #[inline]
    pub(crate) fn may_match(&self, text: &str, i: usize, norm: &[u8; 128], lower_view: bool) -> bool {
        self.check(text, i, norm, lower_view).0
    }

    /// [`TokenGate::may_match`], and the byte where the token at `i` ends: no word starts
    /// strictly between `i` and it (the token is one run of word characters of spaced scripts,
    /// or a single unspaced character), so a scan may continue there.
    #[inline]
    pub(crate) fn check(&self, text: &str, i: usize, norm: &[u8; 128], lower_view: bool) -> (bool, usize) {
        let mut prefixes = [0u64; 8];
        let (h1, e1, np, _) = token(text, i, norm, lower_view, self.glob_lens, &mut prefixes);
        let base = Self::block(h1);
        if self.has(base, h1, SALT_SINGLE) || self.has(base, h1, SALT_FIRST_ONLY) {
            return (true, e1);
        }
        // A glob prefix's entries sit in the block of the prefix's own hash.
        if prefixes[..np].iter().any(|&h| self.has(Self::block(h), h, SALT_GLOB)) {
            return (true, e1);
        }
        if np == prefixes.len() && self.glob_lens != 0 {
            return (true, e1); // more glob prefixes than the buffer holds: do not guess
        }
        if !self.has(base, h1, SALT_FIRST) {
            return (false, e1);
        }
        let s2 = skip_non_word(text, e1);
        if s2 >= text.len() {
            return (false, e1);
        }
        let mut unused = [0u64; 8];
        let (h2, _, _, _) = token(text, s2, norm, lower_view, 0, &mut unused);
        (self.has(base, pair(h1, h2), SALT_PAIR), e1)
    }

    /// [`TokenGate::check`] for a scan that calls it at successive word starts: it also
    /// hashes the token after this one (which the pair test needs anyway), prefetches that
    /// token's gate block and keeps it in `ahead`, so when the scan gets there the block
    /// is on its way or in cache and the token is not hashed again. The answer is that of
    /// [`TokenGate::check`].
    #[inline]
    pub(crate) fn check_ahead(
        &self,
        text: &str,
        i: usize,
        norm: &[u8; 128],
        lower_view: bool,
        ahead: &mut Ahead,
    ) -> (bool, usize) {
        if self.glob_lens != 0 {
            return self.check(text, i, norm, lower_view); // prefix hashes are not kept ahead
        }
        let mut unused = [0u64; 8];
        let (h1, e1) = if ahead.pos == i {
            (ahead.h, ahead.end)
        } else {
            let (h, e, _, _) = token(text, i, norm, lower_view, 0, &mut unused);
            (h, e)
        };
        let base = Self::block(h1);
        let maybe = self.has(base, h1, SALT_SINGLE) || self.has(base, h1, SALT_FIRST_ONLY);
        let first = self.has(base, h1, SALT_FIRST);
        let s2 = skip_non_word(text, e1);
        if s2 >= text.len() {
            *ahead = Ahead::NONE;
            return (maybe, e1);
        }
        let (h2, e2, _, _) = token(text, s2, norm, lower_view, 0, &mut unused);
        self.prefetch(h2);
        *ahead = Ahead { pos: s2, h: h2, end: e2 };
        (maybe || (first && self.has(base, pair(h1, h2), SALT_PAIR)), e1)
    }

    /// Starts loading the gate block of token hash `h1` into the cache.
    #[inline(always)]
    fn prefetch(&self, h1: u64) {
        let base = Self::block(h1);
        #[cfg(target_arch = "x86_64")]
        if let Some(line) = self.bits.get(base) {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            // SAFETY: SSE (x86-64 baseline) prefetch; a hint that never faults, here of an
            // element of `self.bits`.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(line as *const u64 as *const i8) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = base;
    }
}

/// The token a scan will likely ask the gate about next (see [`TokenGate::check_ahead`]).
#[derive(Clone, Copy)]
pub(crate) struct Ahead {
    pos: usize,
    h: u64,
    end: usize,
}

impl Ahead {
    /// No token hashed ahead.
    pub(crate) const NONE: Ahead = Ahead { pos: usize::MAX, h: 0, end: 0 };
}

#[inline(always)]
fn pair(h1: u64, h2: u64) -> u64 {
    h1.rotate_left(23) ^ h2.wrapping_mul(0x9FB2_1C65_1E98_DF25)
}

#[cfg(test)]
mod tests {
    use super::super::{NORM_LOWER, NORM_PLAIN};
    use super::*;

    /// The hash of view bytes as the module defines it (8-byte words, zero-padded).
    fn reference(view: &[u8]) -> u64 {
        view.chunks(8).fold(SEED, |h, c| {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            absorb(h, u64::from_le_bytes(w))
        })
    }

    /// The view bytes of the token at `i` and their character boundaries.
    fn view_token(text: &str, i: usize, lower_view: bool) -> (Vec<u8>, Vec<usize>, usize) {
        let (mut v, mut bounds) = (Vec::new(), Vec::new());
        let mut p = i;
        for c in text[i..].chars() {
            if !is_word(c) || (is_unspaced(c) && p > i) {
                break;
            }
            let mut buf = [0u8; 4];
            let vc = if c.is_ascii() { (if lower_view { NORM_LOWER } else { NORM_PLAIN })[c as usize] as char } else { view_char(c, lower_view) };
            v.extend_from_slice(vc.encode_utf8(&mut buf).as_bytes());
            bounds.push(v.len());
            p += c.len_utf8();
            if is_unspaced(c) {
                break;
            }
        }
        (v, bounds, p)
    }

    use crate::core::test_rng::Rng;

    /// Both paths of [`token`] agree with each other and with the definition, for ASCII and
    /// non-ASCII tokens of every length 1..40, in both views, followed by every kind of
    /// character or by the end of the text, with glob prefix lengths.
    #[test]
    fn token_hash_paths_agree() {
        let ascii = ["a", "Z", "q", "M", "7", "0", "x", "K"];
        let other = ["é", "İ", "Ω", "ß", "ǅ", "ﬁ", "Ⅻ"];
        let after = ["", " ", ".", "-", "'", "`", "\n", "’", "—", "é", "北", "\u{00A0}", "Ab cd", "  xyz tail text here"];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for len in 1..40 {
            for round in 0..60 {
                let mut tok = String::new();
                while tok.len() < len {
                    // Mostly ASCII, some tokens with non-ASCII characters anywhere.
                    if round % 3 == 2 && rng.next() % 4 == 0 {
                        tok.push_str(rng.pick(&other));
                    } else {
                        tok.push_str(rng.pick(&ascii));
                    }
                }
                let lead = ["", " ", "x, ", "«"][round % 4];
                let text = format!("{lead}{tok}{}", rng.pick(&after));
                let i = lead.len();
                let glob_lens = match round % 4 {
                    0 => 0,
                    1 => rng.next(),
                    2 => u64::MAX,
                    _ => 1 << (rng.next() % 40),
                };
                for lower_view in [false, true] {
                    let norm = if lower_view { &NORM_LOWER } else { &NORM_PLAIN };
                    let (mut pa, mut pb) = ([0u64; 8], [0u64; 8]);
                    let fast = token(&text, i, norm, lower_view, glob_lens, &mut pa);
                    let slow = token_bytes(&text, i, norm, lower_view, glob_lens, &mut pb);
                    assert_eq!(fast, slow, "text {text:?} lower {lower_view}");
                    assert_eq!(pa[..fast.2], pb[..slow.2], "text {text:?} lower {lower_view}");
                    let (view, bounds, end) = view_token(&text, i, lower_view);
                    assert_eq!((fast.0, fast.1, fast.3), (reference(&view), end, view.len()), "text {text:?}");
                    let want: Vec<u64> = bounds
                        .iter()
                        .filter(|&&l| l < 64 && glob_lens >> l & 1 == 1)
                        .take(8)
                        .map(|&l| reference(&view[..l]))
                        .collect();
                    assert_eq!(pa[..fast.2], want[..], "text {text:?} lower {lower_view}");
                }
            }
        }
    }

    /// Every ASCII token at every distance from the end of the text takes the path its
    /// length and neighbours allow, and hashes like the byte-at-a-time path.
    #[test]
    fn ascii_fast_path_at_text_ends() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let alnum: Vec<u8> = (b'0'..=b'9').chain(b'A'..=b'Z').chain(b'a'..=b'z').collect();
        for len in 1..20 {
            for pad in 0..20 {
                let tok: String = (0..len).map(|_| alnum[(rng.next() % alnum.len() as u64) as usize] as char).collect();
                let text = format!("{tok}{}", &";;;;;;;;;;;;;;;;;;;;"[..pad]);
                for lower_view in [false, true] {
                    let norm = if lower_view { &NORM_LOWER } else { &NORM_PLAIN };
                    let (mut pa, mut pb) = ([0u64; 8], [0u64; 8]);
                    let fast = ascii_token(text.as_bytes(), 0, lower_view);
                    assert_eq!(fast.is_some(), cfg!(target_arch = "x86_64") && len < 16 && len + pad >= 16);
                    let got = token(&text, 0, norm, lower_view, u64::MAX, &mut pa);
                    let want = token_bytes(&text, 0, norm, lower_view, u64::MAX, &mut pb);
                    assert_eq!(got, want);
                    assert_eq!(pa[..got.2], pb[..want.2]);
                    let view: Vec<u8> = tok.bytes().map(|b| norm[b as usize]).collect();
                    assert_eq!(got.0, reference(&view));
                }
            }
        }
    }

    /// [`TokenGate::check_ahead`] answers as [`TokenGate::check`] at any sequence of word
    /// starts (every one in order, or some skipped, as a scan does), with and without globs.
    #[test]
    fn check_ahead_equals_check() {
        let words = ["new", "York", "york", "the", "Hague", "hague", "san", "José", "jose", "x1", "9", "北", "京", "é", "İstanbul", "aVeryLongTokenOfManyBytes"];
        let seps = [" ", "  ", ", ", "-", "'", "’", "\n", "", "—"];
        let mut rng = 0x1656_67B1_9E37_79F9u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for round in 0..400 {
            let lower_view = round % 2 == 0;
            let norm = if lower_view { &NORM_LOWER } else { &NORM_PLAIN };
            let norm_str = |s: &str| -> String {
                s.chars().map(|c| if c.is_ascii() { norm[c as usize] as char } else { view_char(c, lower_view) }).collect()
            };
            let mut patterns = Vec::new();
            for _ in 0..(1 + next() % 6) {
                let mut p = String::new();
                for t in 0..(1 + next() % 3) {
                    if t > 0 {
                        p.push(' ');
                    }
                    p.push_str(words[(next() % words.len() as u64) as usize]);
                }
                patterns.push(norm_str(&p));
            }
            let glob: Vec<bool> = patterns.iter().map(|_| round % 4 == 1 && next() % 2 == 0).collect();
            let Some(gate) = TokenGate::new(&patterns, &glob, norm, lower_view) else { continue };
            let mut text = String::new();
            for _ in 0..(next() % 30) {
                text.push_str(words[(next() % words.len() as u64) as usize]);
                text.push_str(seps[(next() % seps.len() as u64) as usize]);
            }
            let bytes = text.as_bytes();
            let mut ahead = Ahead::NONE;
            let mut i = 0;
            while i < bytes.len() {
                let starts = bytes[i].is_ascii_alphanumeric() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
                if starts && (round % 3 != 0 || next() % 3 != 0) {
                    let want = gate.check(&text, i, norm, lower_view);
                    assert_eq!(gate.check_ahead(&text, i, norm, lower_view, &mut ahead), want, "{patterns:?} {text:?} at {i}");
                    i = want.1;
                } else {
                    i += 1;
                }
            }
        }
    }
}
