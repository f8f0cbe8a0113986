//! The 64-byte block masks of [`super::layout`] (in one pass over a block, the bytes that may
//! begin a line break, the bytes that are not ASCII, the spaces and the tabs) and of the
//! sentence splitter's event search ([`Events`]).
//!
//! Unsafe code: only the SIMD intrinsics of the `Sse2` and `Avx2` classifiers, each load
//! reading 16 or 32 bytes inside a `&[u8; 64]` (a text's last block is copied into a padded
//! array first, [`window`], so nothing is read past a text's end). AVX2 code runs only
//! through an `Avx2` value, which exists only once the CPU was found to have AVX2. The tests
//! check every classifier, the byte-by-byte one of other targets included, against plain
//! loops.

use crate::core::bytescan::BlockCursor;

/// What [`super::layout`] needs to know of the 64 bytes from `base`: bit `k` of each mask is
/// about byte `base + k` (bits past the end of the text are 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Block {
    /// `\n`, `\r` and the lead bytes of U+0085 (`C2`) and U+2028/U+2029 (`E2`).
    pub brk: u64,
    /// Bytes `≥ 0x80` (the bytes of the characters that are not ASCII).
    pub high: u64,
    /// Possible column gaps: a tab, or a space followed by another space (the next block's
    /// first byte included).
    pub gap: u64,
}

/// How 64 bytes are classified into masks: [`Scalar`] (byte by byte, every target), `Sse2`
/// (x86-64, whose baseline has SSE2) and `Avx2` (x86-64; a value exists only once the CPU was
/// found to have AVX2, see `Avx2::detect`). The scans of [`super`] are generic over it, so that
/// a safe function never assumes a CPU feature: the value it is given proves the feature, and
/// the AVX2 instantiations are called from functions compiled for AVX2, into which these
/// `#[inline(always)]` methods are inlined.
pub(super) trait Classify: Copy {
    /// `(brk, high, spaces, tabs)` of 64 bytes (see [`Block`]; spaces and tabs unpaired).
    fn masks(self, w: &[u8; 64]) -> (u64, u64, u64, u64);
    /// The event mask of 64 bytes (see [`Events`]).
    fn events(self, w: &[u8; 64]) -> u64;
}

/// Byte by byte: the classifier of targets other than x86-64, and the tests' reference (which
/// run it on x86-64 too, so that the fallback is tested where the tests run).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
pub(super) struct Scalar;

impl Classify for Scalar {
    #[inline(always)]
    fn masks(self, w: &[u8; 64]) -> (u64, u64, u64, u64) {
        raw_scalar(w)
    }
    #[inline(always)]
    fn events(self, w: &[u8; 64]) -> u64 {
        events_scalar(w)
    }
}

/// SSE2, sixteen bytes per step: part of x86-64, so needing no run-time test.
#[cfg(target_arch = "x86_64")]
#[derive(Debug, Clone, Copy)]
pub(super) struct Sse2;

#[cfg(target_arch = "x86_64")]
impl Classify for Sse2 {
    #[inline(always)]
    fn masks(self, w: &[u8; 64]) -> (u64, u64, u64, u64) {
        raw_sse2(w)
    }
    #[inline(always)]
    fn events(self, w: &[u8; 64]) -> u64 {
        events_sse2(w)
    }
}

/// AVX2, thirty-two bytes per step. The field is private to this module, so the only way to
/// get a value is [`Avx2::detect`], which makes one only when the CPU has AVX2.
#[cfg(target_arch = "x86_64")]
#[derive(Debug, Clone, Copy)]
pub(super) struct Avx2(());

#[cfg(target_arch = "x86_64")]
impl Avx2 {
    /// An `Avx2` when the CPU has AVX2 (the test is made once by `std` and then cached).
    #[inline]
    pub(super) fn detect() -> Option<Avx2> {
        if std::arch::is_x86_feature_detected!("avx2") {
            Some(Avx2(()))
        } else {
            None
        }
    }
}

#[cfg(target_arch = "x86_64")]
impl Classify for Avx2 {
    #[inline(always)]
    fn masks(self, w: &[u8; 64]) -> (u64, u64, u64, u64) {
        // SAFETY: `self` exists, so `Avx2::detect` found AVX2 on this CPU (no other code can
        // make an `Avx2`: its field is private to this module).
        unsafe { raw_avx2(w) }
    }
    #[inline(always)]
    fn events(self, w: &[u8; 64]) -> u64 {
        // SAFETY: as in `masks`: an `Avx2` exists only when the CPU has AVX2.
        unsafe { events_avx2(w) }
    }
}

/// The classifier that needs no run-time test: SSE2 on x86-64, byte by byte elsewhere.
#[cfg(target_arch = "x86_64")]
pub(super) const BASELINE: Sse2 = Sse2;
/// The classifier that needs no run-time test: SSE2 on x86-64, byte by byte elsewhere.
#[cfg(not(target_arch = "x86_64"))]
pub(super) const BASELINE: Scalar = Scalar;

/// The 64 bytes of `text` from `base` as an array: the text's own bytes when 64 are left,
/// else a copy of the rest padded with zero bytes (in none of the sets), so that nothing is
/// ever read past the end of `text` and no bit is set past it.
#[inline(always)]
fn window<'t>(text: &'t [u8], base: usize, pad: &'t mut [u8; 64]) -> &'t [u8; 64] {
    // (`base + 64` does not overflow: a slice holds at most `isize::MAX` bytes.)
    match text.get(base..base + 64).and_then(|w| <&[u8; 64]>::try_from(w).ok()) {
        Some(w) => w,
        None => {
            let rest = text.get(base..).unwrap_or(&[]);
            let r = rest.len().min(64);
            pad[..r].copy_from_slice(&rest[..r]);
            pad
        }
    }
}

/// The masks of the 64 bytes of `text` from `base` (`base < text.len()`), classified by `c`.
#[inline(always)]
pub(super) fn block<C: Classify>(c: C, text: &[u8], base: usize) -> Block {
    let mut pad = [0u8; 64];
    let (brk, high, sp, tab) = c.masks(window(text, base, &mut pad));
    // A space at bit 63 pairs with the first byte of the next block.
    let next_space = text.get(base + 64) == Some(&b' ');
    let gap = tab | (sp & (sp >> 1)) | (sp & ((next_space as u64) << 63));
    Block { brk, high, gap }
}

/// `(brk, high, spaces, tabs)` of 64 bytes: SSE2 (part of x86-64), sixteen bytes per step.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn raw_sse2(w: &[u8; 64]) -> (u64, u64, u64, u64) {
    use std::arch::x86_64::*;
    let (mut brk, mut high, mut sp, mut tab) = (0u64, 0u64, 0u64, 0u64);
    for k in 0..4 {
        // SAFETY: `w` holds 64 bytes, so the 16 at `16 * k` are readable; SSE2 is always
        // enabled on x86-64.
        let (b, h, s, t) = unsafe {
            let v = _mm_loadu_si128(w.as_ptr().add(16 * k) as *const __m128i);
            let nl = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8));
            let cr = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\r' as i8));
            let c2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(0xC2u8 as i8));
            let e2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(0xE2u8 as i8));
            let br = _mm_or_si128(_mm_or_si128(nl, cr), _mm_or_si128(c2, e2));
            let sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
            let tab = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\t' as i8));
            (
                _mm_movemask_epi8(br) as u32 as u64,
                _mm_movemask_epi8(v) as u32 as u64,
                _mm_movemask_epi8(sp) as u32 as u64,
                _mm_movemask_epi8(tab) as u32 as u64,
            )
        };
        brk |= b << (16 * k);
        high |= h << (16 * k);
        sp |= s << (16 * k);
        tab |= t << (16 * k);
    }
    (brk, high, sp, tab)
}

/// `(brk, high, spaces, tabs)` of 64 bytes with AVX2, thirty-two bytes per step.
///
/// # Safety
/// The CPU must have AVX2 (only [`Avx2`], whose values prove it, calls this).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn raw_avx2(w: &[u8; 64]) -> (u64, u64, u64, u64) {
    use std::arch::x86_64::*;
    let (mut brk, mut high, mut sp, mut tab) = (0u64, 0u64, 0u64, 0u64);
    for k in 0..2 {
        // SAFETY: `w` holds 64 bytes, so the 32 at `32 * k` are readable; the caller
        // guarantees AVX2.
        let (b, h, s, t) = unsafe {
            let v = _mm256_loadu_si256(w.as_ptr().add(32 * k) as *const __m256i);
            let nl = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\n' as i8));
            let cr = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\r' as i8));
            let c2 = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0xC2u8 as i8));
            let e2 = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0xE2u8 as i8));
            let br = _mm256_or_si256(_mm256_or_si256(nl, cr), _mm256_or_si256(c2, e2));
            let sp = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b' ' as i8));
            let tab = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\t' as i8));
            (
                _mm256_movemask_epi8(br) as u32 as u64,
                _mm256_movemask_epi8(v) as u32 as u64,
                _mm256_movemask_epi8(sp) as u32 as u64,
                _mm256_movemask_epi8(tab) as u32 as u64,
            )
        };
        brk |= b << (32 * k);
        high |= h << (32 * k);
        sp |= s << (32 * k);
        tab |= t << (32 * k);
    }
    (brk, high, sp, tab)
}

/// `(brk, high, spaces, tabs)` of 64 bytes, byte by byte ([`Scalar`]).
// (Only the tests use it on x86-64.)
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn raw_scalar(w: &[u8; 64]) -> (u64, u64, u64, u64) {
    let (mut brk, mut high, mut sp, mut tab) = (0u64, 0u64, 0u64, 0u64);
    for (k, &x) in w.iter().enumerate() {
        brk |= (matches!(x, b'\n' | b'\r' | 0xC2 | 0xE2) as u64) << k;
        high |= ((x >= 0x80) as u64) << k;
        sp |= ((x == b' ') as u64) << k;
        tab |= ((x == b'\t') as u64) << k;
    }
    (brk, high, sp, tab)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_rng::Rng;

    /// Every classifier this CPU can run, by name, and [`BASELINE`] (AVX2 missing from the list
    /// on a CPU without it; the scalar one runs everywhere).
    fn each_classifier(mut f: impl FnMut(&str, &dyn Fn(&[u8; 64]) -> (u64, u64, u64, u64, u64))) {
        fn all<C: Classify>(c: C) -> impl Fn(&[u8; 64]) -> (u64, u64, u64, u64, u64) {
            move |w| {
                let (a, b, x, y) = c.masks(w);
                (a, b, x, y, c.events(w))
            }
        }
        f("scalar", &all(Scalar));
        f("baseline", &all(BASELINE));
        #[cfg(target_arch = "x86_64")]
        {
            f("sse2", &all(Sse2));
            match Avx2::detect() {
                Some(c) => f("avx2", &all(c)),
                None => eprintln!("no AVX2 on this CPU: its classifier is not tested here"),
            }
        }
    }

    /// Every classifier gives the byte-by-byte masks, and the block masks say what they claim,
    /// on every offset of generated texts (last blocks and block-crossing pairs included), for
    /// every classifier.
    #[test]
    fn block_masks_are_right() {
        let pieces = ["a", " ", "  ", "\t", "\n", "\r\n", "é", "\u{2028}", "\u{0085}", "北", ".", "xyz"];
        let mut rng = Rng(0x0B10_C45E);
        for _ in 0..3000 {
            let len = (rng.next() % 90) as usize;
            let mut t: Vec<u8> = Vec::new();
            for _ in 0..len {
                t.extend_from_slice(rng.pick(&pieces).as_bytes());
            }
            let mut base = 0;
            while base < t.len() {
                let mut w = [0u8; 64];
                let end = t.len().min(base + 64);
                w[..end - base].copy_from_slice(&t[base..end]);
                let want = (raw_scalar(&w), events_scalar(&w));
                each_classifier(|name, c| {
                    let (a, b, x, y, e) = c(&w);
                    assert_eq!(((a, b, x, y), e), want, "{name}");
                });
                let m = block(Scalar, &t, base);
                assert_eq!(block(BASELINE, &t, base), m);
                #[cfg(target_arch = "x86_64")]
                if let Some(avx2) = Avx2::detect() {
                    assert_eq!(block(avx2, &t, base), m);
                }
                for k in 0..64 {
                    let i = base + k;
                    let x = t.get(i).copied();
                    let bit = |m: u64| m >> k & 1 == 1;
                    assert_eq!(bit(m.brk), matches!(x, Some(b'\n' | b'\r' | 0xC2 | 0xE2)));
                    assert_eq!(bit(m.high), x.is_some_and(|x| x >= 0x80));
                    let gap = x == Some(b'\t') || (x == Some(b' ') && t.get(i + 1) == Some(&b' '));
                    assert_eq!(bit(m.gap), gap, "{t:?} at {i}");
                }
                base += 64;
            }
        }
    }

    /// Every byte value at every lane of a block, among four different fillings, in every
    /// classifier. The SIMD classifiers compare lane by lane (a lane's bits depend on its byte
    /// alone; the pairing of spaces is done after, in `block`, the same for all), so this
    /// covers every input: the classifiers agree on every block.
    #[test]
    fn every_byte_at_every_lane() {
        for x in 0..=255u8 {
            for k in 0..64 {
                for fill in [0u8, b' ', 0x80, 0xFF] {
                    let mut w = [fill; 64];
                    w[k] = x;
                    let want = (raw_scalar(&w), events_scalar(&w));
                    each_classifier(|name, c| {
                        let (a, b, s, t, e) = c(&w);
                        assert_eq!(((a, b, s, t), e), want, "{name}: {x:#x} at {k} among {fill:#x}");
                    });
                }
            }
        }
    }

    /// The window at the end of a text is padded, never read past the end; a base at or past
    /// the end gives an empty block (never a panic).
    #[test]
    fn last_blocks_are_padded() {
        let t: Vec<u8> = (0..200u32).map(|i| if i % 7 == 0 { b'\n' } else { b' ' }).collect();
        for len in 0..t.len() {
            // A text that ends inside a block, as its own allocation (a read past it would be
            // a read past the allocation; AddressSanitizer and Miri catch those).
            let text: Vec<u8> = t[..len].to_vec();
            for base in [len.saturating_sub(1), len.saturating_sub(63), len, len + 5] {
                let mut pad = [0u8; 64];
                let w = window(&text, base, &mut pad);
                let have = text.len().saturating_sub(base).min(64);
                assert_eq!(&w[..have], &text[base.min(text.len())..base.min(text.len()) + have]);
                assert!(w[have..].iter().all(|&x| x == 0));
                let m = block(BASELINE, &text, base);
                let live = if have == 64 { u64::MAX } else { (1u64 << have) - 1 };
                assert_eq!((m.brk | m.high | m.gap) & !live, 0);
            }
        }
    }
}

/// Successive finds of the bytes that may begin a character the sentence splitter acts on
/// (`super::sentence_event_leads`: `.` `!` `?` `\n` `\r` and the lead bytes `C2` `E2` `E3`
/// `EF`) in one text, left to right: each 64-byte block is classified once, inline, by `C`
/// (two AVX2 steps, four SSE2 steps or byte by byte), and a find within the block costs a
/// shift and a trailing-zero count. The same answers as `bytescan::Finder` on that set.
pub(super) struct Events<'a, C: Classify> {
    c: C,
    hay: &'a [u8],
    /// The block classified last (bit `k`: `hay[base + k]` is in the set).
    cursor: BlockCursor,
}

impl<'a, C: Classify> Events<'a, C> {
    /// A finder in `hay`, classifying with `c`.
    #[inline(always)]
    pub(super) fn new(c: C, hay: &'a [u8]) -> Self {
        Events { c, hay, cursor: BlockCursor::NEW }
    }

    /// The first position `≥ from` holding a byte of the set, or `hay.len()`.
    #[inline(always)]
    pub(super) fn find(&mut self, from: usize) -> usize {
        let (c, hay) = (&self.c, self.hay);
        self.cursor.find(hay.len(), from, |i| {
            let mut pad = [0u8; 64];
            c.events(window(hay, i, &mut pad))
        })
    }
}

/// Whether byte `x` is in the event set.
// (Only the tests use it on x86-64.)
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn is_event(x: u8) -> bool {
    matches!(x, b'.' | b'!' | b'?' | b'\n' | b'\r' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// The event mask of 64 bytes, byte by byte ([`Scalar`]).
// (Only the tests use it on x86-64.)
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn events_scalar(w: &[u8; 64]) -> u64 {
    w.iter().enumerate().fold(0u64, |m, (k, &x)| m | (is_event(x) as u64) << k)
}

/// The event mask of 64 bytes with SSE2 (part of x86-64).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn events_sse2(w: &[u8; 64]) -> u64 {
    use std::arch::x86_64::*;
    let mut m = 0u64;
    for k in 0..4 {
        // SAFETY: `w` holds 64 bytes, so the 16 at `16 * k` are readable; SSE2 is always
        // enabled on x86-64.
        let hit = unsafe {
            let v = _mm_loadu_si128(w.as_ptr().add(16 * k) as *const __m128i);
            let a = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'.' as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'!' as i8)),
            );
            let b = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'?' as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)),
            );
            // `C2` and `E2` differ only in bit 5.
            let c = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\r' as i8)),
                _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(0xDFu8 as i8)), _mm_set1_epi8(0xC2u8 as i8)),
            );
            let d = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(0xE3u8 as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(0xEFu8 as i8)),
            );
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) as u32 as u64
        };
        m |= hit << (16 * k);
    }
    m
}

/// The event mask of 64 bytes with AVX2.
///
/// # Safety
/// The CPU must have AVX2 (only [`Avx2`], whose values prove it, calls this).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn events_avx2(w: &[u8; 64]) -> u64 {
    use std::arch::x86_64::*;
    let mut m = 0u64;
    for k in 0..2 {
        // SAFETY: `w` holds 64 bytes, so the 32 at `32 * k` are readable; the caller
        // guarantees AVX2.
        let hit = unsafe {
            let v = _mm256_loadu_si256(w.as_ptr().add(32 * k) as *const __m256i);
            let a = _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'.' as i8)),
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'!' as i8)),
            );
            let b = _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'?' as i8)),
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\n' as i8)),
            );
            let c = _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\r' as i8)),
                _mm256_cmpeq_epi8(_mm256_and_si256(v, _mm256_set1_epi8(0xDFu8 as i8)), _mm256_set1_epi8(0xC2u8 as i8)),
            );
            let d = _mm256_or_si256(
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0xE3u8 as i8)),
                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0xEFu8 as i8)),
            );
            _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(a, b), _mm256_or_si256(c, d))) as u32 as u64
        };
        m |= hit << (32 * k);
    }
    m
}

#[cfg(test)]
mod event_tests {
    use super::*;

    /// Every find of `e` in `t`: backwards from every position, then forwards from every
    /// position, then the successive events; each against a plain loop.
    fn check_finds<C: Classify>(name: &str, c: C, t: &[u8]) {
        let plain = |from: usize| (from..t.len()).find(|&i| is_event(t[i])).unwrap_or(t.len());
        let mut e = Events::new(c, t);
        for from in (0..=t.len()).rev() {
            assert_eq!(e.find(from), plain(from), "{name}, back from {from}");
        }
        let mut e = Events::new(c, t);
        for from in 0..=t.len() {
            assert_eq!(e.find(from), plain(from), "{name}, from {from}");
        }
        // Past the end: the end (never a panic).
        assert_eq!(e.find(t.len() + 100), t.len());
        let mut e = Events::new(c, t);
        let mut got = Vec::new();
        let mut i = 0;
        loop {
            i = e.find(i);
            if i >= t.len() {
                break;
            }
            got.push(i);
            i += 1;
        }
        let want: Vec<usize> = (0..t.len()).filter(|&i| is_event(t[i])).collect();
        assert_eq!(got, want, "{name}");
    }

    /// The event set is the splitter's, and every classifier finds the same positions as a
    /// plain loop, on every byte value and every offset, in texts of one and of many blocks.
    #[test]
    fn events_are_right() {
        for x in 0..=255u8 {
            assert_eq!(is_event(x), crate::core::units::SENTENCE_EVENT_LEAD_TABLE[x as usize], "{x:#x}");
        }
        let mut rng = crate::core::test_rng::Rng(0xE7E7_0001);
        for round in 0..400 {
            // Some texts of many blocks.
            let len = (rng.next() % if round % 4 == 0 { 1600 } else { 300 }) as usize;
            // Every byte value, some rounds biased to the set.
            let t: Vec<u8> = (0..len)
                .map(|_| {
                    let r = rng.next();
                    if round % 2 == 0 && r % 3 == 0 {
                        [b'.', b'!', b'?', b'\n', b'\r', 0xC2, 0xE2, 0xE3, 0xEF][(r >> 8) as usize % 9]
                    } else {
                        (r >> 16) as u8
                    }
                })
                .collect();
            check_finds("scalar", Scalar, &t);
            check_finds("baseline", BASELINE, &t);
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = Avx2::detect() {
                check_finds("avx2", avx2, &t);
            }
        }
        check_finds("scalar", Scalar, b"");
        check_finds("baseline", BASELINE, b"");
    }
}
