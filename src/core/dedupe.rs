//! Exact and near-duplicate documents (issue 9): whitespace-normalised 128-bit hashes for exact
//! copies, MinHash signatures of word shingles with LSH banding for near copies, assigned to
//! clusters in corpus order by a streaming [`Deduper`] that keeps hashes and signatures, never
//! texts.
//!
//! # Definitions (the Python docs in `python/gazetta/dedupe.py` and `docs/dedupe.md` repeat them)
//!
//! - **Normalised text**: the words of the text (maximal runs of non-whitespace, whitespace
//!   being Unicode `White_Space` as in docs/matching.md, Normalised comparison) joined by one space. Case, punctuation and
//!   everything else are kept.
//! - **Exact duplicate**: a document whose normalised text equals an earlier one's, decided by
//!   the XXH3-128 hash of the normalised text (a collision between two different texts is
//!   astronomically unlikely: ~n²/2¹²⁹).
//! - **Shingles**: the sequences of `shingle` consecutive words of the normalised text (a text
//!   with fewer words has one shingle, all its words). The similarity of two documents is the
//!   Jaccard similarity of their shingle **sets**.
//! - **MinHash**: each shingle is hashed to 64 bits (XXH3 of each word with the seed, combined
//!   in order), and signature slot `i` is `min over shingles of ((a_i·x + b_i) mod 2⁶⁴) >> 32`
//!   for `num_perm` odd multipliers `a_i` and offsets `b_i` drawn from SplitMix64(`seed`). So
//!   signatures depend only on the text, `shingle`, `num_perm` and `seed`: the same on every
//!   run, thread count and machine (no randomised hasher anywhere).
//! - **Estimated similarity** of two documents: the fraction of equal signature slots (an
//!   unbiased estimate of the Jaccard similarity, standard error `sqrt(J(1−J)/num_perm)`: 0.027
//!   at J = 0.9 with 128 slots). Candidate pairs are verified with this estimate, not with the
//!   exact shingle sets, because the streaming deduper does not keep texts.
//! - **Empty documents** (no words) are never duplicates: each is an original of its own.
//!
//! # Cluster assignment (deterministic)
//!
//! Documents are taken in corpus order. The first document of each cluster is its
//! **original**. A document
//! 1. whose normalised text equals an earlier document's gets that document's cluster and
//!    similarity (kind `Exact` when the earlier one is an original, else the earlier one's kind);
//! 2. else (near mode) joins the cluster of the **earliest original** whose estimated
//!    similarity to it is at least `threshold` (kind `Near`), among the originals that share
//!    an LSH band with it;
//! 3. else starts a new cluster (kind `Original`).
//!
//! So clusters are stars around their original: every member is verified similar to the
//! original itself, and similarity is **not** made transitive (if B is near A and C is near B
//! but not near A, C starts its own cluster). Only originals are indexed, which keeps memory
//! proportional to the number of clusters. The parallel part (hashing and signatures, with
//! rayon) is per document; the assignment is one sequential pass in corpus order, so the
//! result never depends on the thread count or on how the corpus is cut into batches.
//!
//! # LSH parameters
//!
//! With `bands` bands of `rows` slots (`bands·rows ≤ num_perm`), two documents are candidates
//! when all slots of at least one band are equal. Verification accepts a pair with at most
//! `m = num_perm − ⌈threshold·num_perm⌉` unequal slots; [`lsh_params`] picks the largest `rows`
//! (fewest candidates) with `bands = ⌊num_perm/rows⌋` such that a pair with exactly `m` unequal
//! slots, placed at random, shares at least one band with probability ≥ 0.99 — so LSH loses
//! fewer than 1% of the borderline pairs that a brute-force comparison of all signatures
//! would accept, and practically none of the clearer ones. For 128 slots: threshold 0.9 → 10
//! bands × 12 rows, 0.8 → 18 × 7, 0.5 → 42 × 3.
//!
//! # Resource usage
//!
//! Per original: `4·num_perm` bytes of signature plus about `20·bands` bytes of band index (near
//! mode) and about 40 bytes of exact-hash table; per distinct text about 40 bytes. Duplicates
//! add no index entries. Time is linear in the text plus the verified candidate pairs.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::Ordering;

use rayon::prelude::*;
use rustc_hash::FxHasher;
use xxhash_rust::xxh3::{xxh3_128, xxh3_64_with_seed};

use super::batch::Control;
use super::error::{Error, Result};
use super::text::DocText;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Largest accepted `num_perm`.
pub const MAX_PERM: usize = 1024;

/// What counts as a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Equal normalised text only.
    Exact,
    /// Equal normalised text, or estimated shingle Jaccard similarity ≥ threshold.
    Near,
}

/// How a document relates to the original of its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// The first document of its cluster.
    Original = 0,
    /// Same normalised text as the original.
    Exact = 1,
    /// Estimated similarity to the original ≥ threshold.
    Near = 2,
}

/// Options of a [`Deduper`]; build with [`DedupeOptions::new`], which validates them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DedupeOptions {
    /// Exact or near.
    pub mode: Mode,
    /// Minimum estimated Jaccard similarity of shingle sets (near mode), in (0, 1].
    pub threshold: f64,
    /// Words per shingle (≥ 1).
    pub shingle: usize,
    /// Signature length (1..=[`MAX_PERM`]).
    pub num_perm: usize,
    /// LSH bands.
    pub bands: usize,
    /// Signature slots per band (`bands·rows ≤ num_perm`).
    pub rows: usize,
    /// Seed of the word hashes and of the permutations.
    pub seed: u64,
}

impl DedupeOptions {
    /// Validated options. `bands = None` chooses bands and rows with [`lsh_params`]; a given
    /// `bands` uses `rows = num_perm / bands`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a threshold outside (0, 1], `shingle = 0`, `num_perm` outside
    /// 1..=1024, or `bands` outside 1..=num_perm.
    pub fn new(mode: Mode, threshold: f64, shingle: usize, num_perm: usize, bands: Option<usize>, seed: u64) -> Result<Self> {
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(Error::InvalidInput(format!("threshold must be in (0, 1], not {threshold}")));
        }
        if shingle == 0 {
            return Err(Error::InvalidInput("shingle must be at least 1".into()));
        }
        if num_perm == 0 || num_perm > MAX_PERM {
            return Err(Error::InvalidInput(format!("num_perm must be in 1..={MAX_PERM}, not {num_perm}")));
        }
        let (bands, rows) = match bands {
            None => lsh_params(threshold, num_perm),
            Some(b) if b >= 1 && b <= num_perm => (b, num_perm / b),
            Some(b) => return Err(Error::InvalidInput(format!("bands must be in 1..={num_perm}, not {b}"))),
        };
        Ok(DedupeOptions { mode, threshold, shingle, num_perm, bands, rows, seed })
    }
}

/// Smallest number of equal slots (out of `num_perm`) that verification accepts.
fn needed_equal(threshold: f64, num_perm: usize) -> usize {
    (0..=num_perm).find(|&e| e as f64 / num_perm as f64 >= threshold).unwrap_or(num_perm)
}

/// Probability that `m` unequal slots, placed uniformly at random among `p` slots, leave at
/// least one of `b` bands of `r` slots free (the pair becomes an LSH candidate).
fn band_hit_probability(p: usize, b: usize, r: usize, m: usize) -> f64 {
    if m == 0 {
        return 1.0;
    }
    // ln C(n, k) from a table of ln n!.
    let lf: Vec<f64> = std::iter::once(0.0)
        .chain((1..=p).scan(0.0, |acc, i| {
            *acc += (i as f64).ln();
            Some(*acc)
        }))
        .collect();
    let lc = |n: usize, k: usize| lf[n] - lf[k] - lf[n - k];
    // all[j] = P(every band so far holds ≥ 1 unequal slot, j unequal slots still to place).
    // Band by band, the number k of unequal slots falling in the band is hypergeometric.
    let mut all = vec![0.0f64; m + 1];
    all[m] = 1.0;
    let mut slots = p;
    for _ in 0..b {
        let mut next = vec![0.0f64; m + 1];
        for (j, &pj) in all.iter().enumerate() {
            if pj == 0.0 || j == 0 {
                continue;
            }
            for k in 1..=j.min(r) {
                if j - k > slots - r {
                    continue;
                }
                let pk = (lc(r, k) + lc(slots - r, j - k) - lc(slots, j)).exp();
                next[j - k] += pj * pk;
            }
        }
        all = next;
        slots -= r;
    }
    1.0 - all.iter().sum::<f64>()
}

/// LSH `(bands, rows)` for a threshold: the largest `rows` (fewest false candidates) whose
/// `bands = ⌊num_perm/rows⌋` bands catch a pair at the acceptance boundary (exactly
/// `num_perm − ⌈threshold·num_perm⌉` unequal slots) with probability ≥ 0.99. See the module
/// docs.
///
/// # Examples
/// ```
/// use gazetta::core::dedupe::lsh_params;
/// assert_eq!(lsh_params(0.9, 128), (10, 12));
/// assert_eq!(lsh_params(1.0, 128), (1, 128));
/// ```
pub fn lsh_params(threshold: f64, num_perm: usize) -> (usize, usize) {
    let m = num_perm - needed_equal(threshold, num_perm);
    for r in (1..=num_perm).rev() {
        let b = num_perm / r;
        if band_hit_probability(num_perm, b, r, m) >= 0.99 {
            return (b, r);
        }
    }
    (num_perm, 1)
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Per-thread buffers.
#[derive(Default)]
struct Scratch {
    norm: String,
    words: Vec<u64>,
}

/// What the parallel pass computes for one document.
#[derive(Debug, Clone, Copy)]
struct Prepared {
    hash: u128,
    empty: bool,
}

/// The hashing part of a [`Deduper`]: normalised-text hashes and MinHash signatures.
#[derive(Debug, Clone)]
pub struct Hasher {
    opts: DedupeOptions,
    perm_a: Vec<u64>,
    perm_b: Vec<u64>,
}

impl Hasher {
    /// The hash functions of `opts`.
    pub fn new(opts: DedupeOptions) -> Hasher {
        let mut st = opts.seed ^ 0x6761_7a65_7474_6121; // "gazetta!"
        let mut perm_a = Vec::with_capacity(opts.num_perm);
        let mut perm_b = Vec::with_capacity(opts.num_perm);
        for _ in 0..opts.num_perm {
            perm_a.push(splitmix64(&mut st) | 1);
            perm_b.push(splitmix64(&mut st));
        }
        Hasher { opts, perm_a, perm_b }
    }

    /// XXH3-128 of the normalised text (see the module docs), and whether it is empty.
    pub fn text_hash(&self, text: &str) -> (u128, bool) {
        let mut s = Scratch::default();
        let p = self.prepare(text, &mut s, &mut []);
        (p.hash, p.empty)
    }

    /// The MinHash signature of a text (all `u32::MAX` for an empty one).
    pub fn signature(&self, text: &str) -> Vec<u32> {
        let mut sig = vec![u32::MAX; self.opts.num_perm];
        let mut s = Scratch::default();
        self.prepare(text, &mut s, &mut sig);
        sig
    }

    /// Normalises and hashes `text`; fills `sig` (if not empty) with its signature.
    fn prepare(&self, text: &str, s: &mut Scratch, sig: &mut [u32]) -> Prepared {
        s.norm.clear();
        s.words.clear();
        let want_sig = !sig.is_empty();
        for w in text.split_whitespace() {
            if !s.norm.is_empty() {
                s.norm.push(' ');
            }
            s.norm.push_str(w);
            if want_sig {
                s.words.push(xxh3_64_with_seed(w.as_bytes(), self.opts.seed));
            }
        }
        let empty = s.norm.is_empty();
        let hash = xxh3_128(s.norm.as_bytes());
        if want_sig {
            sig.fill(u32::MAX);
            if !empty {
                let k = self.opts.shingle.min(s.words.len());
                for win in s.words.windows(k) {
                    let mut h: u64 = 0x5368_696e_676c_6521 ^ (k as u64); // "Shingle!"
                    for &w in win {
                        h = (h.rotate_left(23) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                    }
                    self.update(sig, fmix64(h));
                }
            }
        }
        Prepared { hash, empty }
    }

    #[inline]
    fn update(&self, sig: &mut [u32], x: u64) {
        for ((s, &a), &b) in sig.iter_mut().zip(&self.perm_a).zip(&self.perm_b) {
            let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
            *s = (*s).min(v);
        }
    }
}

/// Estimated Jaccard similarity of two signatures: the fraction of equal slots.
///
/// # Examples
/// ```
/// use gazetta::core::dedupe::estimated_similarity;
/// assert_eq!(estimated_similarity(&[1, 2, 3, 4], &[1, 2, 0, 4]), 0.75);
/// ```
pub fn estimated_similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    equal_slots(a, b) as f64 / a.len() as f64
}

fn equal_slots(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x == y).count()
}

/// Cluster assignments of a batch, as columns (one entry per document, in order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assignments {
    /// Corpus position (0-based, over every batch so far) of the cluster's original.
    pub cluster: Vec<u64>,
    /// Estimated similarity to the original (1.0 for the original and exact copies).
    pub similarity: Vec<f64>,
    /// [`Kind`] as `u8` (0 original, 1 exact, 2 near).
    pub kind: Vec<u8>,
}

/// Running totals of a [`Deduper`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DedupeStats {
    /// Documents seen.
    pub docs: u64,
    /// Clusters (= originals).
    pub clusters: u64,
    /// Exact copies folded.
    pub exact: u64,
    /// Near copies folded.
    pub near: u64,
}

/// A streaming deduplicator: feed batches in corpus order with [`Deduper::add_batch`]; each
/// document gets its cluster at once (see the module docs for the rule). Keeps hashes and
/// signatures of originals only.
///
/// # Examples
/// ```
/// use gazetta::core::batch::{pool, Control};
/// use gazetta::core::dedupe::{DedupeOptions, Deduper, Mode};
/// let opts = DedupeOptions::new(Mode::Exact, 0.9, 5, 128, None, 1).unwrap();
/// let mut d = Deduper::new(opts);
/// let a = d.add_batch(&["a  b c", "x", "a b\nc"], &pool(Some(1)).unwrap(), &Control::default()).unwrap();
/// assert_eq!(a.cluster, vec![0, 1, 0]);
/// assert_eq!(a.kind, vec![0, 0, 1]);
/// ```
#[derive(Debug, Clone)]
pub struct Deduper {
    hasher: Hasher,
    need: usize,
    /// Normalised-text hash → (cluster, similarity, kind) of the first document with that text.
    exact: FxMap<u128, (u64, f64, Kind)>,
    /// Signatures of originals, `num_perm` slots each (near mode).
    sigs: Vec<u32>,
    /// Corpus position of each indexed original.
    orig_pos: Vec<u64>,
    /// Band key → last index entry with it; entry `e` is original `e / bands`, band `e % bands`.
    heads: FxMap<u64, u32>,
    /// Entry → previous entry with the same band key (`u32::MAX`: none).
    next: Vec<u32>,
    stats: DedupeStats,
}

const NONE: u32 = u32::MAX;

impl Deduper {
    /// An empty deduper.
    pub fn new(opts: DedupeOptions) -> Deduper {
        Deduper {
            hasher: Hasher::new(opts),
            need: needed_equal(opts.threshold, opts.num_perm),
            exact: FxMap::default(),
            sigs: Vec::new(),
            orig_pos: Vec::new(),
            heads: FxMap::default(),
            next: Vec::new(),
            stats: DedupeStats::default(),
        }
    }

    /// The options.
    pub fn options(&self) -> &DedupeOptions {
        &self.hasher.opts
    }

    /// Totals so far.
    pub fn stats(&self) -> DedupeStats {
        self.stats
    }

    /// Approximate heap bytes held (tables and signatures).
    pub fn heap_bytes(&self) -> usize {
        self.exact.capacity() * (16 + 8 + 8 + 8)
            + self.sigs.capacity() * 4
            + self.orig_pos.capacity() * 8
            + self.heads.capacity() * (8 + 4 + 4)
            + self.next.capacity() * 4
    }

    fn band_keys<'a>(&self, sig: &'a [u32]) -> impl Iterator<Item = u64> + 'a {
        let (b, r) = (self.hasher.opts.bands, self.hasher.opts.rows);
        let seed = self.hasher.opts.seed;
        (0..b).map(move |j| {
            let mut h = seed ^ (j as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            for &v in &sig[j * r..(j + 1) * r] {
                h = (h.rotate_left(23) ^ u64::from(v)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
            }
            fmix64(h)
        })
    }

    /// Assigns every document of a batch to a cluster, in order. Hashing and signatures run
    /// in parallel on `pool`; the assignment is sequential (see the module docs). A text that
    /// is not stored as UTF-8 ([`crate::core::text::Text`]: a Python str's code units) is
    /// transcoded by the worker that hashes it.
    ///
    /// # Errors
    /// [`Error::Cancelled`] when `ctl.cancel` is set during the work (the deduper is then
    /// unchanged).
    pub fn add_batch<T: DocText>(&mut self, texts: &[T], pool: &rayon::ThreadPool, ctl: &Control) -> Result<Assignments> {
        let p = self.hasher.opts.num_perm;
        let near = self.hasher.opts.mode == Mode::Near;
        let hasher = &self.hasher;
        let mut sigs: Vec<u32> = if near { vec![u32::MAX; texts.len() * p] } else { Vec::new() };
        let prepared: Result<Vec<Prepared>> = pool.install(|| {
            let work = |(s, buf): &mut (Scratch, String), t: &T, sig: &mut [u32]| {
                if ctl.cancel.load(Ordering::Relaxed) {
                    return Err(Error::Cancelled);
                }
                let r = hasher.prepare(t.as_str(buf), s, sig);
                ctl.done.fetch_add(1, Ordering::Relaxed);
                Ok(r)
            };
            if near {
                sigs.par_chunks_mut(p)
                    .zip(texts.par_iter())
                    .with_min_len(4)
                    .map_init(Default::default, |s, (sig, t)| work(s, t, sig))
                    .collect()
            } else {
                texts.par_iter().with_min_len(16).map_init(Default::default, |s, t| work(s, t, &mut [])).collect()
            }
        });
        let prepared = prepared?;

        let mut out = Assignments {
            cluster: Vec::with_capacity(texts.len()),
            similarity: Vec::with_capacity(texts.len()),
            kind: Vec::with_capacity(texts.len()),
        };
        let mut cands: Vec<u32> = Vec::new();
        for (i, pr) in prepared.iter().enumerate() {
            let pos = self.stats.docs + i as u64;
            let (cluster, sim, kind) = self.assign(pos, pr, if near { &sigs[i * p..(i + 1) * p] } else { &[] }, &mut cands);
            match kind {
                Kind::Original => self.stats.clusters += 1,
                Kind::Exact => self.stats.exact += 1,
                Kind::Near => self.stats.near += 1,
            }
            out.cluster.push(cluster);
            out.similarity.push(sim);
            out.kind.push(kind as u8);
        }
        self.stats.docs += texts.len() as u64;
        Ok(out)
    }

    fn assign(&mut self, pos: u64, pr: &Prepared, sig: &[u32], cands: &mut Vec<u32>) -> (u64, f64, Kind) {
        if pr.empty {
            return (pos, 1.0, Kind::Original);
        }
        if let Some(&(c, s, k)) = self.exact.get(&pr.hash) {
            let kind = if k == Kind::Original { Kind::Exact } else { k };
            return (c, s, kind);
        }
        if sig.is_empty() {
            self.exact.insert(pr.hash, (pos, 1.0, Kind::Original));
            return (pos, 1.0, Kind::Original);
        }
        // Candidates: originals sharing a band; the earliest verified one wins.
        cands.clear();
        for key in self.band_keys(sig) {
            let mut e = self.heads.get(&key).copied().unwrap_or(NONE);
            while e != NONE {
                cands.push(e / self.hasher.opts.bands as u32);
                e = self.next[e as usize];
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let p = self.hasher.opts.num_perm;
        for &o in cands.iter() {
            let os = &self.sigs[o as usize * p..(o as usize + 1) * p];
            let eq = equal_slots(sig, os);
            if eq >= self.need {
                let (c, s) = (self.orig_pos[o as usize], eq as f64 / p as f64);
                self.exact.insert(pr.hash, (c, s, Kind::Near));
                return (c, s, Kind::Near);
            }
        }
        // A new original: index it.
        self.exact.insert(pr.hash, (pos, 1.0, Kind::Original));
        let o = self.orig_pos.len() as u32;
        self.orig_pos.push(pos);
        self.sigs.extend_from_slice(sig);
        let keys: Vec<u64> = self.band_keys(sig).collect();
        for (j, key) in keys.into_iter().enumerate() {
            let e = o * self.hasher.opts.bands as u32 + j as u32;
            let prev = self.heads.insert(key, e).unwrap_or(NONE);
            self.next.push(prev);
        }
        (pos, 1.0, Kind::Original)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::batch::pool;

    fn opts(mode: Mode, threshold: f64) -> DedupeOptions {
        DedupeOptions::new(mode, threshold, 5, 128, None, 1).unwrap()
    }

    fn run(opts: DedupeOptions, texts: &[&str], batch: usize, threads: usize) -> Assignments {
        let mut d = Deduper::new(opts);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let mut all = Assignments::default();
        for part in texts.chunks(batch.max(1)) {
            let a = d.add_batch(part, &pool, &Control::default()).unwrap();
            all.cluster.extend(a.cluster);
            all.similarity.extend(a.similarity);
            all.kind.extend(a.kind);
        }
        all
    }

    fn words(n: usize, salt: usize) -> Vec<String> {
        (0..n).map(|i| format!("w{}", (i * 7919 + salt * 104729) % 100_003)).collect()
    }

    #[test]
    fn exact_mode_normalises_whitespace() {
        let texts = ["The cat  sat.", "", " The cat\nsat. ", "the cat sat.", "", "The\u{a0}cat sat."];
        let a = run(opts(Mode::Exact, 0.9), &texts, 100, 2);
        assert_eq!(a.cluster, vec![0, 1, 0, 3, 4, 0]);
        assert_eq!(a.kind, vec![0, 0, 1, 0, 0, 1]);
        assert!(a.similarity.iter().all(|&s| s == 1.0));
    }

    #[test]
    fn options_are_validated() {
        assert!(DedupeOptions::new(Mode::Near, 0.0, 5, 128, None, 1).is_err());
        assert!(DedupeOptions::new(Mode::Near, 1.5, 5, 128, None, 1).is_err());
        assert!(DedupeOptions::new(Mode::Near, f64::NAN, 5, 128, None, 1).is_err());
        assert!(DedupeOptions::new(Mode::Near, 0.9, 0, 128, None, 1).is_err());
        assert!(DedupeOptions::new(Mode::Near, 0.9, 5, 0, None, 1).is_err());
        assert!(DedupeOptions::new(Mode::Near, 0.9, 5, 2000, None, 1).is_err());
        assert!(DedupeOptions::new(Mode::Near, 0.9, 5, 128, Some(0), 1).is_err());
        let o = DedupeOptions::new(Mode::Near, 0.9, 5, 128, Some(16), 1).unwrap();
        assert_eq!((o.bands, o.rows), (16, 8));
    }

    #[test]
    fn lsh_params_catch_the_boundary() {
        for &t in &[0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0] {
            for &p in &[16, 64, 128, 256] {
                let (b, r) = lsh_params(t, p);
                assert!(b * r <= p && b >= 1 && r >= 1);
                let m = p - needed_equal(t, p);
                assert!(band_hit_probability(p, b, r, m) >= 0.99, "t={t} p={p}");
            }
        }
        assert_eq!(lsh_params(0.9, 128), (10, 12));
        assert_eq!(lsh_params(0.8, 128), (18, 7));
        // m unequal slots in one band of all slots: never a candidate unless m == 0.
        assert_eq!(band_hit_probability(8, 1, 8, 1), 0.0);
        assert!((band_hit_probability(8, 2, 4, 1) - 1.0).abs() < 1e-12);
        // 2 unequal among 8 slots in 2 bands of 4: both in one band with prob 2·C(4,2)/C(8,2).
        assert!((band_hit_probability(8, 2, 4, 2) - 12.0 / 28.0).abs() < 1e-12);
    }

    #[test]
    fn estimate_is_close_to_jaccard() {
        // Two texts of 400 distinct words sharing the first 300: 396 vs 396 shingles,
        // 296 shared → J = 296 / 496.
        let h = Hasher::new(DedupeOptions::new(Mode::Near, 0.9, 5, 256, None, 7).unwrap());
        let mut total = 0.0;
        let trials = 20;
        for salt in 0..trials {
            let base = words(400, salt);
            let mut other = base[..300].to_vec();
            other.extend(words(100, salt + 1000));
            let a = h.signature(&base.join(" "));
            let b = h.signature(&other.join(" "));
            total += estimated_similarity(&a, &b);
        }
        let j = 296.0 / 496.0;
        let mean = total / trials as f64;
        // standard error of the mean: sqrt(j(1-j)/256/20) ≈ 0.007
        assert!((mean - j).abs() < 0.03, "mean {mean} vs {j}");
    }

    #[test]
    fn near_copies_join_the_earliest_original() {
        let base = words(200, 1);
        let mut edit = base.clone();
        edit[100] = "changed".into(); // 5 shingles of 196 change: J = 191/201 ≈ 0.95
        let other = words(200, 2);
        let t = [base.join(" "), other.join(" "), edit.join(" "), edit.join("  "), base.join("\n")];
        let refs: Vec<&str> = t.iter().map(|s| s.as_str()).collect();
        let a = run(opts(Mode::Near, 0.8), &refs, 100, 2);
        assert_eq!(a.cluster, vec![0, 1, 0, 0, 0]);
        assert_eq!(a.kind, vec![0, 0, 2, 2, 1]);
        assert!(a.similarity[2] > 0.85 && a.similarity[2] < 1.0);
        assert_eq!(a.similarity[2], a.similarity[3]);
        // Exact mode sees no near copies.
        let e = run(opts(Mode::Exact, 0.8), &refs, 100, 2);
        assert_eq!(e.cluster, vec![0, 1, 2, 2, 0]);
        // A threshold of 1.0 leaves the edit alone.
        let s = run(opts(Mode::Near, 1.0), &refs, 100, 2);
        assert_eq!(s.cluster, vec![0, 1, 2, 2, 0]);
    }

    #[test]
    fn not_transitive() {
        // A, B = A with 10 words changed, C = B with 10 more changed: A~B, B~C, but C is not
        // near enough to A; C starts its own cluster (B is not an original).
        let a = words(100, 3);
        let mut b = a.clone();
        for i in 0..10 {
            b[i * 10] = format!("b{i}");
        }
        let mut c = b.clone();
        for i in 0..10 {
            c[i * 10 + 5] = format!("c{i}");
        }
        let h = Hasher::new(opts(Mode::Near, 0.5));
        let (sa, sb, sc) = (h.signature(&a.join(" ")), h.signature(&b.join(" ")), h.signature(&c.join(" ")));
        let ab = estimated_similarity(&sa, &sb);
        let bc = estimated_similarity(&sb, &sc);
        let ac = estimated_similarity(&sa, &sc);
        let t = (ab.min(bc) + ac) / 2.0;
        assert!(ac < t && t <= ab.min(bc), "{ab} {bc} {ac}");
        let texts = [a.join(" "), b.join(" "), c.join(" ")];
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let r = run(DedupeOptions::new(Mode::Near, t, 5, 128, Some(128), 1).unwrap(), &refs, 10, 1);
        assert_eq!(r.cluster, vec![0, 0, 2]);
    }

    #[test]
    fn independent_of_threads_and_batches() {
        let mut texts: Vec<String> = Vec::new();
        for i in 0..300 {
            let mut w = words(30 + i % 50, i % 37);
            if i % 3 == 0 {
                w[i % 20] = format!("x{i}");
            }
            texts.push(w.join(if i % 2 == 0 { " " } else { "\n " }));
        }
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let o = opts(Mode::Near, 0.7);
        let a = run(o, &refs, 1000, 1);
        assert!(a.kind.iter().filter(|&&k| k != 0).count() > 100);
        for (batch, threads) in [(1, 2), (7, 3), (64, 4), (299, 2)] {
            assert_eq!(run(o, &refs, batch, threads), a);
        }
    }

    #[test]
    fn short_and_empty_texts() {
        // Fewer words than a shingle: one shingle of all words.
        let texts = ["a b", "a b", "a c", "", "   ", "a  b"];
        let a = run(opts(Mode::Near, 0.5), &texts, 2, 2);
        assert_eq!(a.cluster, vec![0, 0, 2, 3, 4, 0]);
        assert_eq!(a.kind, vec![0, 1, 0, 0, 0, 1]);
    }

    #[test]
    fn cancel_leaves_the_deduper_unchanged() {
        let mut d = Deduper::new(opts(Mode::Near, 0.9));
        let ctl = Control::default();
        ctl.cancel.store(true, Ordering::SeqCst);
        let p = pool(Some(2)).unwrap();
        assert!(matches!(d.add_batch(&["a b c"], &p, &ctl), Err(Error::Cancelled)));
        assert_eq!(d.stats(), DedupeStats::default());
    }

    #[test]
    fn send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Deduper>();
    }
}
