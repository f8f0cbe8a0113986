//! The token gate: a cheap test, at a word start, of whether any pattern can match there,
//! before the automaton walk.
//!
//! A pattern that begins with a word character begins with its first *token* (a maximal run
//! of word characters, a character of an unspaced script being a token of its own, as in
//! SPEC §4). For the pattern to match at a word start, the text's token there must equal the
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
//! the same function tokenises the (already normalised) patterns and the text.

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

/// One byte into a token hash: a rotate and an xor (one cycle); [`mix`] finishes every hash
/// before use, so the per-byte step only has to keep the bytes apart.
#[inline(always)]
fn step(h: u64, b: u8) -> u64 {
    h.rotate_left(9) ^ b as u64
}

#[inline(always)]
fn mix(h: u64, salt: u64) -> u64 {
    let x = (h ^ salt).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^ (x >> 29)
}

/// The token starting at byte `i` of `text` (a word character): its hash in the view, the
/// byte where it ends in `text`, the number of prefix hashes written to `prefixes` (those of
/// its view prefixes whose lengths are in `glob_lens`) and its length in view bytes.
#[inline]
fn token(
    text: &str,
    i: usize,
    norm: &[u8; 128],
    lower_view: bool,
    glob_lens: u64,
    prefixes: &mut [u64; 8],
) -> (u64, usize, usize, usize) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
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
            h = step(h, norm[b as usize]);
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
                h = step(h, vb);
                fed += 1;
            }
            p += c.len_utf8();
            ends_here = u;
        }
        if fed < 64 && glob_lens >> fed & 1 == 1 && np < prefixes.len() {
            prefixes[np] = h;
            np += 1;
        }
    }
    (h, p, np, fed)
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
}

#[inline(always)]
fn pair(h1: u64, h2: u64) -> u64 {
    h1.rotate_left(23) ^ h2.wrapping_mul(0x9FB2_1C65_1E98_DF25)
}
