//! The 64-byte block masks of [`super::layout`]: in one pass over a block, the bytes that may
//! begin a line break, the bytes that are not ASCII, the spaces and the tabs.

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

/// The masks of the 64 bytes of `text` from `base` (`base < text.len()`). `AVX2`: with AVX2
/// instructions, which the caller must have checked the CPU has (it is then inlined into a
/// function compiled for AVX2).
#[inline(always)]
pub(super) fn block<const AVX2: bool>(text: &[u8], base: usize) -> Block {
    let full = text.get(base..base + 64).and_then(|w| <&[u8; 64]>::try_from(w).ok());
    let mut pad = [0u8; 64];
    let w = match full {
        Some(w) => w,
        None => {
            // The last block: zero padding (in none of the sets), so no bits past the end.
            let rest = &text[base.min(text.len())..];
            let r = rest.len().min(64);
            pad[..r].copy_from_slice(&rest[..r]);
            &pad
        }
    };
    #[cfg(target_arch = "x86_64")]
    // SAFETY: with `AVX2`, the caller checked that the CPU has AVX2.
    let (brk, high, sp, tab) = if AVX2 { unsafe { raw_avx2(w) } } else { raw(w) };
    #[cfg(not(target_arch = "x86_64"))]
    let (brk, high, sp, tab) = raw(w);
    // A space at bit 63 pairs with the first byte of the next block.
    let next_space = text.get(base + 64) == Some(&b' ');
    let gap = tab | (sp & (sp >> 1)) | (sp & ((next_space as u64) << 63));
    Block { brk, high, gap }
}

/// `(brk, high, spaces, tabs)` of 64 bytes: SSE2 (part of x86-64), sixteen bytes per step.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn raw(w: &[u8; 64]) -> (u64, u64, u64, u64) {
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
/// The CPU must have AVX2.
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

/// `(brk, high, spaces, tabs)` of 64 bytes, byte by byte (other targets, and the tests'
/// reference for the SIMD path).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
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

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn raw(w: &[u8; 64]) -> (u64, u64, u64, u64) {
    raw_scalar(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_rng::Rng;

    /// The SIMD masks equal the byte-by-byte ones, and the block masks say what they claim,
    /// on every offset of generated texts (last blocks and block-crossing pairs included).
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
                assert_eq!(raw(&w), raw_scalar(&w));
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU has AVX2 (just detected).
                    assert_eq!(unsafe { raw_avx2(&w) }, raw_scalar(&w));
                    assert_eq!(block::<true>(&t, base), block::<false>(&t, base));
                }
                let m = block::<false>(&t, base);
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
}

/// Successive finds of the bytes that may begin a character the sentence splitter acts on
/// (`super::sentence_event_leads`: `.` `!` `?` `\n` `\r` and the lead bytes `C2` `E2` `E3`
/// `EF`) in one text, left to right: each 64-byte block is classified once, inline (two AVX2
/// steps with `AVX2`, which the caller must have checked the CPU has, else four SSE2 steps),
/// and a find within the block costs a shift and a trailing-zero count. The same answers as
/// `bytescan::Finder` on that set.
pub(super) struct Events<'a, const AVX2: bool> {
    hay: &'a [u8],
    /// Start of the classified block (`NONE`: none yet).
    base: usize,
    /// Bit `k`: `hay[base + k]` is in the set.
    mask: u64,
}

impl<'a, const AVX2: bool> Events<'a, AVX2> {
    /// A finder in `hay`.
    #[inline(always)]
    pub(super) fn new(hay: &'a [u8]) -> Self {
        // No position is within 64 bytes after `NONE` (`from.wrapping_sub(NONE) >= 64` for
        // every `from` of a slice).
        const NONE: usize = 1 << (usize::BITS - 1);
        Events { hay, base: NONE, mask: 0 }
    }

    /// The first position `≥ from` holding a byte of the set, or `hay.len()`.
    #[inline(always)]
    pub(super) fn find(&mut self, from: usize) -> usize {
        let mut i = from;
        loop {
            let off = i.wrapping_sub(self.base);
            if off < 64 {
                let m = self.mask & (u64::MAX << off);
                if m != 0 {
                    return self.base + m.trailing_zeros() as usize;
                }
                i = self.base + 64;
            }
            if i >= self.hay.len() {
                return self.hay.len();
            }
            self.base = i;
            self.mask = event_block::<AVX2>(self.hay, i);
        }
    }
}

/// The event mask of the 64 bytes of `hay` from `base < hay.len()` (bits past the end 0).
#[inline(always)]
fn event_block<const AVX2: bool>(hay: &[u8], base: usize) -> u64 {
    let full = hay.get(base..base + 64).and_then(|w| <&[u8; 64]>::try_from(w).ok());
    let mut pad = [0u8; 64];
    let w = match full {
        Some(w) => w,
        None => {
            let rest = &hay[base.min(hay.len())..];
            let r = rest.len().min(64);
            pad[..r].copy_from_slice(&rest[..r]);
            &pad
        }
    };
    #[cfg(target_arch = "x86_64")]
    {
        if AVX2 {
            // SAFETY: with `AVX2`, the caller checked that the CPU has AVX2.
            return unsafe { events_avx2(w) };
        }
        events_sse2(w)
    }
    #[cfg(not(target_arch = "x86_64"))]
    events_scalar(w)
}

/// Whether byte `x` is in the event set.
#[inline(always)]
fn is_event(x: u8) -> bool {
    matches!(x, b'.' | b'!' | b'?' | b'\n' | b'\r' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// The event mask of 64 bytes, byte by byte (other targets, and the tests' reference).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
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
/// The CPU must have AVX2.
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

    /// The event set is the splitter's, and every path finds the same positions as a plain
    /// loop, on every byte value and every offset.
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
            let want: Vec<usize> = (0..t.len()).filter(|&i| is_event(t[i])).collect();
            let mut e = Events::<false>::new(&t);
            for from in (0..=t.len()).rev() {
                let want = (from..t.len()).find(|&i| is_event(t[i])).unwrap_or(t.len());
                assert_eq!(e.find(from), want);
            }
            let mut e = Events::<false>::new(&t);
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
            assert_eq!(got, want);
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                let mut e = Events::<true>::new(&t);
                // Finds from arbitrary positions agree with the scalar search too.
                for from in 0..=t.len() {
                    let want = (from..t.len()).find(|&i| is_event(t[i])).unwrap_or(t.len());
                    assert_eq!(e.find(from), want);
                }
            }
            let mut base = 0;
            while base < t.len() {
                let mut w = [0u8; 64];
                let end = t.len().min(base + 64);
                w[..end - base].copy_from_slice(&t[base..end]);
                #[cfg(target_arch = "x86_64")]
                assert_eq!(events_sse2(&w), events_scalar(&w));
                base += 64;
            }
        }
    }

}
