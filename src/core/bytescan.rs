//! Finding the next byte of a set: the skip loop of the matcher and of the splitters.
//!
//! Most bytes of news text are of no interest to a scan (they cannot begin a pattern, a
//! terminator or a line break), so scans spend much of their time skipping. [`ByteSet::find`]
//! tests 16 bytes at a time with SSSE3 where the CPU has it (every x86-64 CPU since about
//! 2008; detected at run time), using the "truffle" technique of Hyperscan: two 16-byte
//! tables indexed by the low nibble, a bit per high nibble. Elsewhere a table loop.
//!
//! [`word_start_masks`] classifies a whole run of 64-byte blocks into bit masks of a matcher's
//! candidate word starts (AVX2 where the CPU has it: 32 bytes a step).
//!
//! One of the two modules of the core with `unsafe` code (SIMD intrinsics; the other is the
//! token gate's hash, `matcher/gate.rs`); results are the same on every path (tested against
//! the plain loop and the definitions).

/// A set of bytes, with its truffle tables.
#[derive(Clone)]
pub struct ByteSet {
    table: [bool; 256],
    /// Bit `h` of `lo_nibble[l]`: byte `h << 4 | l` (h < 8) is in the set.
    lo_half: [u8; 16],
    /// Bit `h - 8` of `hi_nibble[l]`: byte `h << 4 | l` (h ≥ 8) is in the set.
    hi_half: [u8; 16],
}

impl std::fmt::Debug for ByteSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let members: Vec<u8> = (0..=255u8).filter(|&b| self.table[b as usize]).collect();
        f.debug_struct("ByteSet").field("members", &members).finish()
    }
}

impl ByteSet {
    /// The set of bytes `b` with `table[b]`.
    ///
    /// # Examples
    /// ```
    /// use gazetta::core::bytescan::ByteSet;
    /// let mut t = [false; 256];
    /// t[b'.' as usize] = true;
    /// let set = ByteSet::new(&t);
    /// assert_eq!(set.find(b"no stop here, then one. Done", 0), 22);
    /// assert_eq!(set.find(b"none", 0), 4);
    /// ```
    pub const fn new(table: &[bool; 256]) -> ByteSet {
        let mut lo_half = [0u8; 16];
        let mut hi_half = [0u8; 16];
        let mut b = 0usize;
        while b < 256 {
            if table[b] {
                let (h, l) = (b >> 4, b & 0xF);
                if h < 8 {
                    lo_half[l] |= 1 << h;
                } else {
                    hi_half[l] |= 1 << (h - 8);
                }
            }
            b += 1;
        }
        ByteSet { table: *table, lo_half, hi_half }
    }

    /// Whether `b` is in the set.
    #[inline(always)]
    pub fn contains(&self, b: u8) -> bool {
        self.table[b as usize]
    }

    /// The first position `≥ from` of `hay` holding a byte of the set, or `hay.len()`.
    #[inline]
    pub fn find(&self, hay: &[u8], from: usize) -> usize {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("ssse3") {
                // SAFETY: the CPU supports SSSE3 (checked just above).
                return unsafe { self.find_ssse3(hay, from) };
            }
        }
        self.find_scalar(hay, from)
    }

    /// [`ByteSet::find`] one byte at a time.
    #[inline]
    pub fn find_scalar(&self, hay: &[u8], mut i: usize) -> usize {
        while i < hay.len() && !self.table[hay[i] as usize] {
            i += 1;
        }
        i.min(hay.len())
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    unsafe fn find_ssse3(&self, hay: &[u8], mut i: usize) -> usize {
        while i + 16 <= hay.len() {
            // SAFETY: `i + 16 <= hay.len()`; SSSE3 is enabled for this function.
            let hit = unsafe { self.hits16_ssse3(hay.as_ptr().add(i)) };
            if hit != 0 {
                return i + hit.trailing_zeros() as usize;
            }
            i += 16;
        }
        self.find_scalar(hay, i)
    }

    /// Bit `k` set when byte `k` of the 16 at `p` is in the set ("truffle": two 16-byte
    /// tables indexed by the low nibble, a bit per high nibble).
    ///
    /// # Safety
    /// `p` must point to 16 readable bytes, and the CPU must have SSSE3.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    #[inline]
    unsafe fn hits16_ssse3(&self, p: *const u8) -> u32 {
        use std::arch::x86_64::*;
        // SAFETY (whole block): the caller guarantees 16 readable bytes at `p`; the tables
        // are 16-byte arrays read unaligned.
        let lo_t = unsafe { _mm_loadu_si128(self.lo_half.as_ptr() as *const __m128i) };
        let hi_t = unsafe { _mm_loadu_si128(self.hi_half.as_ptr() as *const __m128i) };
        // 1 << (high nibble & 7), indexed by the high nibble.
        let bits = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
        let v = unsafe { _mm_loadu_si128(p as *const __m128i) };
        // pshufb gives 0 where the index byte has its top bit set: the first lookup answers
        // bytes < 0x80, the second (index with the top bit flipped) the others.
        let a = _mm_shuffle_epi8(lo_t, v);
        let b = _mm_shuffle_epi8(hi_t, _mm_xor_si128(v, _mm_set1_epi8(-128)));
        let high = _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
        let sel = _mm_shuffle_epi8(bits, high);
        let hit = _mm_and_si128(_mm_or_si128(a, b), sel);
        let miss = _mm_movemask_epi8(_mm_cmpeq_epi8(hit, _mm_setzero_si128())) as u32;
        !miss & 0xFFFF
    }

    /// [`ByteSet::hits16_ssse3`] on 32 bytes (the tables in both 128-bit lanes): bit `k` set
    /// when byte `k` of the 32 at `p` is in the set.
    ///
    /// # Safety
    /// `p` must point to 32 readable bytes, and the CPU must have AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn hits32_avx2(&self, p: *const u8) -> u32 {
        use std::arch::x86_64::*;
        // SAFETY (whole block): the caller guarantees 32 readable bytes at `p`; the tables
        // are 16-byte arrays read unaligned.
        let lo_t = _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(self.lo_half.as_ptr() as *const __m128i) });
        let hi_t = _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(self.hi_half.as_ptr() as *const __m128i) });
        let bits = _mm256_setr_epi8(
            1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32,
            64, -128,
        );
        let v = unsafe { _mm256_loadu_si256(p as *const __m256i) };
        let a = _mm256_shuffle_epi8(lo_t, v);
        let b = _mm256_shuffle_epi8(hi_t, _mm256_xor_si256(v, _mm256_set1_epi8(-128)));
        let high = _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
        let sel = _mm256_shuffle_epi8(bits, high);
        let hit = _mm256_and_si256(_mm256_or_si256(a, b), sel);
        !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hit, _mm256_setzero_si256())) as u32)
    }
}

/// A block start that no position falls in: `i - NO_BLOCK` wraps to `i + 64`.
const NO_BLOCK: usize = usize::MAX - 63;

/// Where a search over 64-byte block masks stands: the start of the block classified last and
/// its mask (bit `k`: the byte at `base + k` is wanted). Shared by [`Finder`] and the
/// sentence pass's event search, which classify blocks differently.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockCursor {
    /// Start of the classified block (`NO_BLOCK`: none yet).
    base: usize,
    mask: u64,
}

impl BlockCursor {
    /// No block classified yet.
    pub(crate) const NEW: BlockCursor = BlockCursor { base: NO_BLOCK, mask: 0 };

    /// The first position `≥ from` whose bit is set, or `len`; `block(i)` is the mask of the
    /// block at `i < len` (bits past `len` clear), asked for each block the search enters.
    #[inline(always)]
    pub(crate) fn find(&mut self, len: usize, from: usize, mut block: impl FnMut(usize) -> u64) -> usize {
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
            if i >= len {
                return len;
            }
            self.base = i;
            self.mask = block(i);
        }
    }
}

/// The instructions a [`Finder`] classifies blocks with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Simd {
    /// A table loop.
    Scalar,
    /// Four 16-byte steps (SSSE3).
    Ssse3,
    /// Two 32-byte steps (AVX2).
    Avx2,
}

impl Simd {
    /// The best this CPU has (detected at run time).
    pub fn detect() -> Simd {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                return Simd::Avx2;
            }
            if std::arch::is_x86_feature_detected!("ssse3") {
                return Simd::Ssse3;
            }
        }
        Simd::Scalar
    }
}

/// Successive finds of a [`ByteSet`] in one haystack, left to right: each 64-byte block is
/// classified once into a bit mask (two 32-byte AVX2 steps or four 16-byte SSSE3 steps; the
/// last, shorter block of the haystack through a zero-padded copy), and every find within the
/// block costs a shift and a trailing-zero count. A scan that stops every few dozen bytes (a
/// matcher at each capital letter, a splitter at each full stop) pays for each byte once,
/// instead of re-testing from every stop and setting up the tables at each call as
/// [`ByteSet::find`] does. Finds may go backwards (the block is then classified again).
///
/// # Examples
/// ```
/// use gazetta::core::bytescan::{ByteSet, Finder};
/// let mut t = [false; 256];
/// t[b'.' as usize] = true;
/// let set = ByteSet::new(&t);
/// let hay = b"One. Two. Three";
/// let mut f = Finder::new(&set, hay);
/// assert_eq!(f.find(0), 3);
/// assert_eq!(f.find(4), 8);
/// assert_eq!(f.find(9), hay.len());
/// ```
pub struct Finder<'a> {
    set: &'a ByteSet,
    hay: &'a [u8],
    /// The block classified last (bit `k`: `hay[base + k]` is in the set).
    cursor: BlockCursor,
    simd: Simd,
}

impl<'a> Finder<'a> {
    /// A finder of `set` in `hay`.
    pub fn new(set: &'a ByteSet, hay: &'a [u8]) -> Finder<'a> {
        Finder::with_simd(set, hay, Simd::detect())
    }

    /// A finder that classifies blocks with `simd` (tests compare the paths). A level the CPU
    /// does not have falls back to the best it has.
    pub fn with_simd(set: &'a ByteSet, hay: &'a [u8], simd: Simd) -> Finder<'a> {
        let best = Simd::detect();
        let simd = match (simd, best) {
            (Simd::Avx2, Simd::Avx2) => Simd::Avx2,
            (Simd::Avx2 | Simd::Ssse3, Simd::Avx2 | Simd::Ssse3) => Simd::Ssse3,
            _ => Simd::Scalar,
        };
        Finder { set, hay, cursor: BlockCursor::NEW, simd }
    }

    /// The first position `≥ from` holding a byte of the set, or `hay.len()`: the same as
    /// `set.find(hay, from)`.
    #[inline(always)]
    pub fn find(&mut self, from: usize) -> usize {
        let mut cursor = self.cursor;
        let at = cursor.find(self.hay.len(), from, |i| self.block(i));
        self.cursor = cursor;
        at
    }

    /// The mask of the block at `i < hay.len()`.
    #[inline(never)]
    fn block(&self, i: usize) -> u64 {
        let rest = self.hay.len() - i;
        #[cfg(target_arch = "x86_64")]
        if self.simd != Simd::Scalar {
            if rest >= 64 {
                // SAFETY: the CPU has the instructions of `self.simd` (checked in `with_simd`),
                // and the 64 bytes at `i` lie inside `hay` (`rest >= 64`).
                return unsafe { self.block_simd(self.hay.as_ptr().add(i)) };
            }
            // The last block: the rest of the haystack in a zero-padded copy, and the bits of
            // the padding cleared.
            let mut buf = [0u8; 64];
            buf[..rest].copy_from_slice(&self.hay[i..]);
            // SAFETY: as above, on the 64 bytes of `buf`.
            return unsafe { self.block_simd(buf.as_ptr()) } & ((1u64 << rest) - 1);
        }
        let end = self.hay.len().min(i + 64);
        let mut m = 0u64;
        for (k, &b) in self.hay[i..end].iter().enumerate() {
            m |= (self.set.table[b as usize] as u64) << k;
        }
        m
    }

    /// The mask of the 64 bytes at `p` with `self.simd`.
    ///
    /// # Safety
    /// `p` must point to 64 readable bytes, and the CPU must have the instructions of
    /// `self.simd` (not [`Simd::Scalar`]).
    #[cfg(target_arch = "x86_64")]
    #[inline]
    unsafe fn block_simd(&self, p: *const u8) -> u64 {
        // SAFETY: the caller's guarantees are the callees'.
        unsafe {
            match self.simd {
                Simd::Avx2 => self.block_avx2(p),
                _ => self.block_ssse3(p),
            }
        }
    }

    /// # Safety
    /// `p` must point to 64 readable bytes; the CPU must have SSSE3.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    unsafe fn block_ssse3(&self, p: *const u8) -> u64 {
        let mut m = 0u64;
        for k in 0..4 {
            // SAFETY: the caller guarantees 64 readable bytes at `p`; SSSE3 is enabled here.
            let hit = unsafe { self.set.hits16_ssse3(p.add(16 * k)) };
            m |= (hit as u64) << (16 * k);
        }
        m
    }

    /// Two 32-byte steps of [`ByteSet::hits32_avx2`].
    ///
    /// # Safety
    /// `p` must point to 64 readable bytes; the CPU must have AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn block_avx2(&self, p: *const u8) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `p`; AVX2 is enabled here.
        let (lo, hi) = unsafe { (self.set.hits32_avx2(p), self.set.hits32_avx2(p.add(32))) };
        (lo as u64) | ((hi as u64) << 32)
    }
}

/// Blocks of 64 bytes a scan classifies with [`word_start_masks`] per call (4 KiB of text; a
/// small buffer, cheap to set up for every short document).
pub const MASK_BLOCKS: usize = 64;

/// Whether `b` is an ASCII letter or digit.
#[inline(always)]
fn ascii_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The candidate word starts of a matcher, 64 bytes per mask: bit `j` of `out[k]` is set when
/// byte `from + 64 k + j` of `hay` is in `set` and is not an ASCII letter or digit right after
/// another (no word starts there). A position after a non-ASCII character is kept: its test
/// needs the character. `from` is a multiple of 64 (or 0); fills as many masks as `out` holds
/// or the haystack has blocks, and returns how many. Bits past the end of `hay` are 0.
///
/// The whole run of blocks is classified in one loop (two 32-byte AVX2 steps per block, four
/// 16-byte SSSE3 steps, or a table loop), so a scan then only iterates over set bits.
///
/// # Examples
/// ```
/// use gazetta::core::bytescan::{word_start_masks, ByteSet};
/// let mut t = [false; 256];
/// for b in b'A'..=b'Z' { t[b as usize] = true; }
/// let mut out = [0u64; 4];
/// assert_eq!(word_start_masks(&ByteSet::new(&t), b"NEW York, McDonald", 0, &mut out), 1);
/// assert_eq!(out[0], 1 << 0 | 1 << 4 | 1 << 10);
/// ```
pub fn word_start_masks(set: &ByteSet, hay: &[u8], from: usize, out: &mut [u64]) -> usize {
    word_start_masks_with(set, hay, from, out, Simd::detect())
}

/// [`word_start_masks`] with the instructions of `simd` (tests compare the paths); a level the
/// CPU does not have falls back to the best it has.
pub fn word_start_masks_with(set: &ByteSet, hay: &[u8], from: usize, out: &mut [u64], simd: Simd) -> usize {
    debug_assert!(from % 64 == 0);
    let blocks = (hay.len().saturating_sub(from)).div_ceil(64).min(out.len());
    if blocks == 0 {
        return 0;
    }
    let carry = from > 0 && ascii_alnum(hay[from - 1]);
    let out = &mut out[..blocks];
    #[cfg(target_arch = "x86_64")]
    {
        let best = Simd::detect();
        if simd == Simd::Avx2 && best == Simd::Avx2 {
            // SAFETY: the CPU has AVX2 (just detected).
            unsafe { masks_avx2(set, hay, from, out, carry) };
            return blocks;
        }
        if simd != Simd::Scalar && best != Simd::Scalar {
            // SAFETY: the CPU has SSSE3 (just detected; AVX2 implies it).
            unsafe { masks_ssse3(set, hay, from, out, carry) };
            return blocks;
        }
    }
    let _ = simd;
    masks_scalar(set, hay, from, out, carry);
    blocks
}

/// How much of the next document [`prefetch`] asks for: most news stories are shorter, and
/// the CPU's own stream prefetcher takes over in a longer one.
pub const PREFETCH_BYTES: usize = 2048;

/// Asks the CPU to start loading the first `max` bytes of `items` into its caches (a hint; no
/// effect on results). Called on the *next* document while the current one is scanned: the
/// documents of a batch are separate allocations (one Python str each), so the first cache
/// lines of every document otherwise miss in the cache, one after the other, before the
/// hardware prefetcher has seen a stream (measured on Reuters: a fifth of the matching time
/// was spent waiting on the block loads of [`word_start_masks`]).
///
/// # Examples
/// ```
/// gazetta::core::bytescan::prefetch(b"any bytes", 4096); // nothing observable
/// ```
#[inline]
pub fn prefetch<T>(items: &[T], max: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let n = std::mem::size_of_val(items).min(max);
        if n == 0 {
            return;
        }
        // The cache lines holding bytes 0..n: from the line of the first byte, 64 bytes apart.
        let first = items.as_ptr() as *const u8;
        let lead = first as usize % 64;
        let lines = (lead + n).div_ceil(64);
        let line0 = first.wrapping_sub(lead);
        for k in 0..lines {
            // SAFETY: a prefetch is only a hint: it never faults and reads nothing the program
            // sees, so any address is allowed (the address is formed with `wrapping_*`, not
            // with in-bounds pointer arithmetic); it is that of a cache line holding a byte of
            // `items`.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(line0.wrapping_add(64 * k) as *const i8) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (items, max);
}

/// Bit `h` of `ALNUM_LO[l]`: byte `h << 4 | l` (h < 8) is an ASCII letter or digit (the
/// truffle table of that set; see [`ByteSet::hits16_ssse3`]).
const ALNUM_LO: [u8; 16] = {
    let mut t = [0u8; 16];
    let mut b = 0usize;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b & 0xF] |= 1 << (b >> 4);
        }
        b += 1;
    }
    t
};

/// The mask of one block from its set and letter-or-digit bits.
#[inline(always)]
fn start_mask(set: u64, word: u64, carry: bool) -> u64 {
    set & !(word & (word << 1 | carry as u64))
}

fn masks_scalar(set: &ByteSet, hay: &[u8], from: usize, out: &mut [u64], mut carry: bool) {
    for (k, slot) in out.iter_mut().enumerate() {
        let i = from + 64 * k;
        let end = hay.len().min(i + 64);
        let (mut s, mut w) = (0u64, 0u64);
        for (j, &b) in hay[i..end].iter().enumerate() {
            s |= (set.table[b as usize] as u64) << j;
            w |= (ascii_alnum(b) as u64) << j;
        }
        *slot = start_mask(s, w, carry);
        carry = w >> 63 == 1;
    }
}

/// 64 bytes of `hay` from `i` into `buf` when fewer than 64 remain (zero-padded), so that the
/// SIMD loops always read 64 bytes; returns the pointer to read and the mask of real bytes.
#[inline(always)]
fn block_ptr(hay: &[u8], i: usize, buf: &mut [u8; 64]) -> (*const u8, u64) {
    let rest = hay.len() - i;
    if rest >= 64 {
        (hay[i..].as_ptr(), u64::MAX)
    } else {
        buf.fill(0);
        buf[..rest].copy_from_slice(&hay[i..]);
        (buf.as_ptr(), (1u64 << rest) - 1)
    }
}

/// # Safety
/// The CPU must have AVX2; `out` has at most as many blocks as `hay` from `from`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn masks_avx2(set: &ByteSet, hay: &[u8], from: usize, out: &mut [u64], mut carry: bool) {
    use std::arch::x86_64::*;
    // SAFETY (loads in this function): the tables are 16-byte arrays read unaligned;
    // `block_ptr` gives 64 readable bytes (in `hay` or in `buf`), read as two unaligned
    // 32-byte loads.
    let lo_t = _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(set.lo_half.as_ptr() as *const __m128i) });
    let hi_t = _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(set.hi_half.as_ptr() as *const __m128i) });
    let bits = _mm256_setr_epi8(
        1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64,
        -128,
    );
    let flip = _mm256_set1_epi8(-128);
    let nib = _mm256_set1_epi8(0x0F);
    let zero = _mm256_setzero_si256();
    // SAFETY: a 16-byte array read unaligned.
    let alnum_t = _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(ALNUM_LO.as_ptr() as *const __m128i) });
    let mut buf = [0u8; 64];
    for (k, slot) in out.iter_mut().enumerate() {
        let (p, keep) = block_ptr(hay, from + 64 * k, &mut buf);
        let (mut s, mut w) = (0u64, 0u64);
        for h in 0..2 {
            let v = unsafe { _mm256_loadu_si256(p.add(32 * h) as *const __m256i) };
            // Truffle (see `ByteSet::hits16_ssse3`), in both 128-bit lanes.
            let a = _mm256_shuffle_epi8(lo_t, v);
            let b = _mm256_shuffle_epi8(hi_t, _mm256_xor_si256(v, flip));
            let sel = _mm256_shuffle_epi8(bits, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib));
            let hit = _mm256_and_si256(_mm256_or_si256(a, b), sel);
            let sh = !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hit, zero)) as u32);
            // Letters and digits: the same truffle on the ASCII table `ALNUM_LO` (a byte >= 0x80
            // has its index's top bit set, so the look-up gives 0), sharing `sel`.
            let word = _mm256_and_si256(_mm256_shuffle_epi8(alnum_t, v), sel);
            let wh = !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(word, zero)) as u32);
            s |= (sh as u64) << (32 * h);
            w |= (wh as u64) << (32 * h);
        }
        let (s, w) = (s & keep, w & keep);
        *slot = start_mask(s, w, carry);
        carry = w >> 63 == 1;
    }
}

/// # Safety
/// The CPU must have SSSE3; `out` has at most as many blocks as `hay` from `from`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "ssse3")]
unsafe fn masks_ssse3(set: &ByteSet, hay: &[u8], from: usize, out: &mut [u64], mut carry: bool) {
    use std::arch::x86_64::*;
    let d_lo = _mm_set1_epi8(b'0' as i8 - 1);
    let d_hi = _mm_set1_epi8(b'9' as i8 + 1);
    let case = _mm_set1_epi8(0x20);
    let l_lo = _mm_set1_epi8(b'a' as i8 - 1);
    let l_hi = _mm_set1_epi8(b'z' as i8 + 1);
    let mut buf = [0u8; 64];
    for (k, slot) in out.iter_mut().enumerate() {
        let (p, keep) = block_ptr(hay, from + 64 * k, &mut buf);
        let (mut s, mut w) = (0u64, 0u64);
        for h in 0..4 {
            // SAFETY: `block_ptr` gives 64 readable bytes; SSSE3 is enabled here.
            let q = unsafe { p.add(16 * h) };
            let sh = unsafe { set.hits16_ssse3(q) };
            let v = unsafe { _mm_loadu_si128(q as *const __m128i) };
            let digit = _mm_and_si128(_mm_cmpgt_epi8(v, d_lo), _mm_cmpgt_epi8(d_hi, v));
            let l = _mm_or_si128(v, case);
            let letter = _mm_and_si128(_mm_cmpgt_epi8(l, l_lo), _mm_cmpgt_epi8(l_hi, l));
            let wh = _mm_movemask_epi8(_mm_or_si128(digit, letter)) as u32;
            s |= (sh as u64) << (16 * h);
            w |= (wh as u64) << (16 * h);
        }
        let (s, w) = (s & keep, w & keep);
        *slot = start_mask(s, w, carry);
        carry = w >> 63 == 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::test_rng::Rng;

    /// A hint only: any slice, of any element type, aligned or not, empty or longer than
    /// asked, is fine, and nothing changes.
    #[test]
    fn prefetch_is_only_a_hint() {
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        for start in [0, 1, 63, 64, 65, 4000] {
            for max in [0, 1, 64, 100, PREFETCH_BYTES, usize::MAX] {
                prefetch(&bytes[start..], max);
                prefetch(&bytes[start..start], max);
            }
        }
        let wide: Vec<u32> = (0..3000).collect();
        prefetch(&wide[1..], PREFETCH_BYTES);
        prefetch::<u16>(&[], PREFETCH_BYTES);
        assert_eq!(bytes[9_999], (9_999 % 251) as u8);
        assert_eq!(wide[2999], 2999);
    }

    /// A random set (from empty and single-byte sets to dense ones, ASCII and not, cycling
    /// with `round`) and a random haystack shorter than `max_len`.
    fn random_case(rng: &mut Rng, round: usize, max_len: u64) -> ([bool; 256], ByteSet, Vec<u8>) {
        let mut t = [false; 256];
        let members = (rng.next() % [1, 3, 20, 120, 256][round % 5]) as usize;
        for _ in 0..members {
            t[(rng.next() % 256) as usize] = true;
        }
        let len = (rng.next() % max_len) as usize;
        let hay: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
        (t, ByteSet::new(&t), hay)
    }

    #[test]
    fn simd_equals_scalar() {
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        for round in 0..3000 {
            let (t, set, hay) = random_case(&mut rng, round, 80);
            let len = hay.len();
            for from in [0, 1, 5, 15, 16, 17, 40, len] {
                let got = set.find(&hay, from);
                let want = if from >= len { len } else { (from..len).find(|&i| t[hay[i] as usize]).unwrap_or(len) };
                assert_eq!(got, want, "set {set:?} hay {hay:?} from {from}");
                assert_eq!(set.find_scalar(&hay, from), got);
            }
        }
    }

    #[test]
    fn finder_equals_find() {
        let mut rng = Rng(0x0F1E_2D3C_4B5A_6978);
        for round in 0..2000 {
            let (_, set, hay) = random_case(&mut rng, round, 300);
            let len = hay.len();
            let mut f = Finder::new(&set, &hay);
            // Forward scans with jumps, and some finds going back.
            let mut from = 0usize;
            for _ in 0..40 {
                let got = f.find(from);
                assert_eq!(got, set.find_scalar(&hay, from), "set {set:?} hay {hay:?} from {from}");
                from = match rng.next() % 4 {
                    0 => got + 1,
                    1 => got + (rng.next() % 100) as usize,
                    2 => from.saturating_sub((rng.next() % 70) as usize),
                    _ => (rng.next() % (len as u64 + 2)) as usize,
                };
                from = from.min(len + 1);
            }
        }
    }

    /// Every block classifier (scalar, SSSE3, AVX2 where the CPU has them) finds the same
    /// positions, at haystack lengths around the block size (the zero-padded last block).
    #[test]
    fn finder_paths_agree() {
        let mut rng = Rng(0x7A3B_11C4_9E0F_2D58);
        for round in 0..3000 {
            let (_, set, hay) = random_case(&mut rng, round, 200);
            let want: Vec<usize> = (0..=hay.len()).map(|i| set.find_scalar(&hay, i)).collect();
            for simd in [Simd::Scalar, Simd::Ssse3, Simd::Avx2] {
                let mut f = Finder::with_simd(&set, &hay, simd);
                for (i, &w) in want.iter().enumerate() {
                    assert_eq!(f.find(i), w, "{simd:?} set {set:?} hay {hay:?} from {i}");
                }
                // Backwards too.
                let mut f = Finder::with_simd(&set, &hay, simd);
                for (i, &w) in want.iter().enumerate().rev() {
                    assert_eq!(f.find(i), w, "{simd:?} backwards, from {i}");
                }
            }
        }
    }

    /// Every path of [`word_start_masks_with`] gives the definition's bits, over haystacks of
    /// random bytes and of mostly letters and digits, from every block, in runs of 1 to 3 masks.
    #[test]
    fn word_start_masks_paths_agree() {
        let mut rng = Rng(0x7A3B_11C4_9E0F_2D58);
        for round in 0..3000 {
            let (_, set, mut hay) = random_case(&mut rng, round, 300);
            if round % 2 == 1 {
                let alphabet = b"aZ09 .-\xC3\xA9Qx";
                hay.iter_mut().for_each(|b| *b = alphabet[*b as usize % alphabet.len()]);
            }
            let is_start =
                |k: usize| set.contains(hay[k]) && !(k > 0 && hay[k].is_ascii_alphanumeric() && hay[k - 1].is_ascii_alphanumeric());
            let blocks = hay.len().div_ceil(64);
            let want: Vec<u64> = (0..blocks)
                .map(|k| (0..64).filter(|&j| 64 * k + j < hay.len() && is_start(64 * k + j)).fold(0u64, |m, j| m | 1 << j))
                .collect();
            for simd in [Simd::Scalar, Simd::Ssse3, Simd::Avx2] {
                let per_call = 1 + round % 3;
                let mut got = Vec::new();
                let mut from = 0;
                loop {
                    let mut out = vec![u64::MAX; per_call];
                    let k = word_start_masks_with(&set, &hay, from, &mut out, simd);
                    if k == 0 {
                        break;
                    }
                    got.extend_from_slice(&out[..k]);
                    from += 64 * k;
                }
                assert_eq!(got, want, "{simd:?} set {set:?} hay {hay:?}");
            }
        }
    }

    #[test]
    fn every_single_byte_set() {
        for b in 0..=255u8 {
            let mut t = [false; 256];
            t[b as usize] = true;
            let set = ByteSet::new(&t);
            for pos in [0usize, 7, 15, 16, 31, 32, 33] {
                let mut hay = vec![if b == 0 { 1 } else { 0 }; 40];
                hay[pos] = b;
                assert_eq!(set.find(&hay, 0), pos, "byte {b:#x} at {pos}");
            }
        }
    }
}
