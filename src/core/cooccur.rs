//! Co-occurrence counting (docs/counting.md) in one parallel pass: matching, unit splitting and
//! counting per document, with per-thread tables merged by addition (so results never depend
//! on the thread count or the chunking), keyed by group.
//!
//! Definitions (the Python docs repeat them):
//! - `count="units"`: `n_ab` = units holding a mention of `a` and a mention of `b` at a
//!   different span; `n_a` = units holding `a`; `n` = all units of the group, empty ones
//!   included (a document is a unit even when empty).
//! - `count="mentions"`: `n_ab` = Σ over units of (mentions of a) × (mentions of b) at different
//!   spans; `n_a` = mentions of `a`; `n` = all mentions of the group.
//! - `window=k`: `n_ab` = pairs of non-overlapping mentions of `a` and `b` in the same unit whose
//!   token distance (later first token − earlier last token) is at most `k`; `n_a` = mentions
//!   of `a`; `n` = all tokens of the group.
//!
//! Pairs are unordered, stored as `(a, b)` with `id(a) < id(b)` in string order; no self-pairs.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};

use super::batch::Control;
use super::error::{Error, Result};
use super::matcher::{Matcher, Mention, Removed, Scratch};
use super::resolve::NO_PARENT;
use super::text::DocText;
use super::units::{bytes_to_cps, paragraphs_read, paragraphs_read_into, sentences_mode_into, sentences_read, tokens, ParagraphMode, Reading};

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The text unit (docs/counting.md, Units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// The whole text.
    Document,
    /// Paragraphs per [`ParagraphMode`].
    Paragraph,
    /// Sentences (inside paragraphs).
    Sentence,
}

/// What `n_ab` counts (docs/counting.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountMode {
    /// Units holding both.
    Units,
    /// Mention pairs in units.
    Mentions,
}

/// Counting options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoocOptions {
    /// The unit.
    pub unit: Unit,
    /// Paragraph rule (also bounds sentences).
    pub paragraphs: ParagraphMode,
    /// Token window (`None`: whole units).
    pub window: Option<usize>,
    /// Count mode (ignored with a window, which always counts mention pairs).
    pub count: CountMode,
}

/// Group index meaning "no group": the document is skipped (a missing group key) and counted
/// in [`Counter::skipped_docs`].
pub const NO_GROUP: u32 = u32::MAX;

/// Group index meaning "skip silently": the document is not counted anywhere, neither in a
/// group nor in [`Counter::skipped_docs`]. Used for duplicates folded into an earlier document
/// (`cooccurrence(dedupe=...)`, see `core::dedupe`): a separate code rather than a mask so that
/// every caller of [`Counter::add_batch`] keeps its signature. Real group codes stay below it.
pub const SKIP_GROUP: u32 = u32::MAX - 1;

/// Totals of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupTotals {
    /// Documents.
    pub docs: u64,
    /// Units (documents, paragraphs or sentences).
    pub units: u64,
    /// Mentions (after resolution; one per entity per span).
    pub mentions: u64,
    /// Tokens (docs/sentences.md).
    pub tokens: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct EntityCounts {
    units: u64,
    mentions: u64,
    docs: u64,
}

/// Accumulated counts; add documents with [`Counter::add_batch`], merge with
/// [`Counter::merge`], read with [`Counter::finish`].
#[derive(Debug, Clone, Default)]
pub struct Counter {
    pairs: FxMap<(u32, u32, u32), u64>,
    entities: FxMap<(u32, u32), EntityCounts>,
    groups: Vec<GroupTotals>,
    /// Documents skipped because their group was [`NO_GROUP`].
    pub skipped_docs: u64,
    /// Units kept per pair as evidence (0: none). The first units in corpus order are kept.
    pub evidence_cap: usize,
    evidence: FxMap<(u32, u32, u32), Vec<EvidenceRef>>,
    /// Roll-up map of `level=` (see [`Matcher::level_map`]): every mention is counted as the
    /// entity it maps to, or dropped when it maps to [`crate::core::resolve::NO_PARENT`].
    pub level: Option<Arc<Vec<u32>>>,
    /// Mentions dropped because their entity has no ancestor-or-self of the level's kind.
    pub dropped_by_level: u64,
    /// Spans left undecided among several entities whose candidates all roll up to one
    /// entity of the level ("Westminster": three US towns, the United States at
    /// `level="country"`): counted there once and not flagged ambiguous, but counted here.
    /// A span that lost a candidate to the level (no ancestor of that kind) is not counted.
    pub settled_by_level: u64,
    /// Spans left ambiguous (undecided by `ambiguous="resolve"`, or every span of several
    /// candidates with `ambiguous="all"`): each is counted once for every candidate.
    pub ambiguous_spans: u64,
    /// Candidates removed by context rules before resolution.
    pub removed: Removed,
    /// Documents split into paragraphs or sentences with every line break as a paragraph
    /// break ([`Reading::Line`]; `paragraphs="auto"` decides per document).
    pub read_line: u64,
    /// Documents split with only blank lines (and indented lines, in text that indents its
    /// paragraphs) as paragraph breaks ([`Reading::Blank`]).
    pub read_blank: u64,
}

/// A unit kept as evidence, shared by its pairs: text, start and end (code points in the
/// document) and each mention's (entity, span relative to the unit).
type KeptUnit = (Arc<str>, usize, usize, Vec<(u32, (usize, usize), bool)>);

/// One unit kept as evidence for a pair (see [`Counter::evidence_cap`]): enough to show the
/// unit without the corpus. Offsets are code points; `spans_*` are relative to the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRef {
    /// Document position in the corpus (0-based, over all batches).
    pub doc: u64,
    /// Unit index within the document.
    pub unit: u32,
    /// Unit start in the document (code points).
    pub start: usize,
    /// Unit end in the document (code points).
    pub end: usize,
    /// The unit's text, shared by every pair that keeps the unit (stored once per unit).
    pub text: Arc<str>,
    /// Mentions of `a` in the unit.
    pub spans_a: Vec<(usize, usize)>,
    /// Mentions of `b` in the unit.
    pub spans_b: Vec<(usize, usize)>,
    /// Whether a mention of `a` or `b` in the unit is a span left ambiguous (counted for each
    /// of its candidates).
    pub ambiguous: bool,
}

/// The counted tables as columns, sorted by (group, a, b) and (group, entity).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountColumns {
    /// Pair rows: group.
    pub pair_group: Vec<u32>,
    /// Pair rows: entity index of `a` (`id(a) < id(b)`).
    pub pair_a: Vec<u32>,
    /// Pair rows: entity index of `b`.
    pub pair_b: Vec<u32>,
    /// Pair rows: `n_ab`.
    pub n_ab: Vec<u64>,
    /// Entity rows: group.
    pub ent_group: Vec<u32>,
    /// Entity rows: entity index.
    pub ent: Vec<u32>,
    /// Entity rows: units holding the entity.
    pub ent_units: Vec<u64>,
    /// Entity rows: mentions.
    pub ent_mentions: Vec<u64>,
    /// Entity rows: documents mentioning it.
    pub ent_docs: Vec<u64>,
    /// Per group totals (index = group).
    pub groups: Vec<GroupTotals>,
}

/// One mention reduced to what counting needs.
#[derive(Debug, Clone, Copy)]
struct M {
    start: usize,
    end: usize,
    entity: u32,
    /// Mentions of one class never pair with each other: an unambiguous span is a class of
    /// its own; every span left ambiguous with the same candidate set is one class ("Brown
    /// met Brown." with two people called Brown makes no pair).
    class: u64,
    /// Part of a span left ambiguous that counts for several entities (after `level=`: whose
    /// candidates map to more than one entity).
    amb: bool,
}

/// The class of an unambiguous span (high bit clear).
#[inline]
fn span_class(start: usize, end: usize) -> u64 {
    ((start as u64) << 32 ^ end as u64) & !(1u64 << 63)
}

/// Whether a class is that of a span left ambiguous.
#[inline]
fn ambiguous_class(class: u64) -> bool {
    class >> 63 == 1
}

/// Classes of the mentions `found` (same-span candidates consecutive), one per mention; returns
/// the number of spans left ambiguous.
fn mention_classes(found: &[Mention], out: &mut Vec<u64>) -> u64 {
    use std::hash::{Hash, Hasher};
    out.clear();
    let mut n_ambiguous = 0;
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len() && found[j].start_byte == found[i].start_byte && found[j].end_byte == found[i].end_byte {
            j += 1;
        }
        let c = if found[i].ambiguous && j - i > 1 {
            let mut h = FxHasher::default();
            let mut ents: Vec<u32> = found[i..j].iter().map(|m| m.entity).collect();
            ents.sort_unstable();
            ents.hash(&mut h);
            n_ambiguous += 1;
            h.finish() | (1u64 << 63)
        } else {
            span_class(found[i].start_byte, found[i].end_byte)
        };
        out.extend(std::iter::repeat(c).take(j - i));
        i = j;
    }
    n_ambiguous
}

/// Target size of a chunk of work (see [`Counter::add_batch_at`]): small enough that the
/// threads end within a fraction of a millisecond of each other, large enough that claiming
/// one (an atomic add) costs nothing.
const CHUNK_BYTES: usize = 32 * 1024;

/// Chunk boundaries over `texts`: `b[k]..b[k + 1]` are the documents of chunk `k`, each chunk
/// at least one document and about `target` bytes (by [`DocText::size_hint`]).
fn chunk_bounds<T: DocText>(texts: &[T], target: usize) -> Vec<usize> {
    let mut b = vec![0];
    let mut size = 0usize;
    for (i, t) in texts.iter().enumerate() {
        size += t.size_hint() + 64; // + per-document work
        if size >= target {
            b.push(i + 1);
            size = 0;
        }
    }
    if *b.last().unwrap_or(&0) != texts.len() {
        b.push(texts.len());
    }
    b
}

/// Buffers reused from document to document by one worker (no allocation per document or
/// unit once they have grown).
#[derive(Default)]
struct CountScratch {
    matcher: Scratch,
    found: Vec<Mention>,
    ms: Vec<M>,
    /// Class of each mention of `found` (see [`M::class`]).
    classes: Vec<u64>,
    /// Unit of each mention of `ms`.
    unit_of: Vec<usize>,
    units: Vec<(usize, usize)>,
    doc_ents: Vec<u32>,
    unit: UnitScratch,
}

/// Buffers of [`Counter::count_unit`].
#[derive(Default)]
struct UnitScratch {
    ents: Vec<u32>,
    /// (entity, class, mentions of the entity in that class).
    spans: Vec<(u32, u64, u64)>,
    ranges: Vec<(u32, usize, usize)>,
}

impl Counter {
    /// An empty counter.
    pub fn new() -> Counter {
        Counter::default()
    }

    /// An empty counter that keeps up to `cap` evidence units per pair.
    pub fn with_evidence(cap: usize) -> Counter {
        Counter { evidence_cap: cap, ..Counter::default() }
    }

    fn group_mut(&mut self, g: u32) -> &mut GroupTotals {
        let g = g as usize;
        if self.groups.len() <= g {
            self.groups.resize(g + 1, GroupTotals::default());
        }
        &mut self.groups[g]
    }

    /// Adds another counter's counts (exact: integer sums).
    pub fn merge(&mut self, other: Counter) {
        for (k, v) in other.pairs {
            *self.pairs.entry(k).or_insert(0) += v;
        }
        for (k, v) in other.entities {
            let e = self.entities.entry(k).or_default();
            e.units += v.units;
            e.mentions += v.mentions;
            e.docs += v.docs;
        }
        for (g, t) in other.groups.iter().enumerate() {
            let s = self.group_mut(g as u32);
            s.docs += t.docs;
            s.units += t.units;
            s.mentions += t.mentions;
            s.tokens += t.tokens;
        }
        self.skipped_docs += other.skipped_docs;
        self.dropped_by_level += other.dropped_by_level;
        self.settled_by_level += other.settled_by_level;
        self.ambiguous_spans += other.ambiguous_spans;
        self.removed.add(other.removed);
        self.read_line += other.read_line;
        self.read_blank += other.read_blank;
        let cap = self.evidence_cap.max(other.evidence_cap);
        self.evidence_cap = cap;
        for (k, mut v) in other.evidence {
            let e = self.evidence.entry(k).or_default();
            e.append(&mut v);
            // Keep the first `cap` units in corpus order, whatever the order of the merges.
            e.sort_by_key(|r| (r.doc, r.unit));
            e.dedup_by_key(|r| (r.doc, r.unit));
            e.truncate(cap);
        }
    }

    /// Number of distinct (group, pair) keys so far.
    pub fn pair_count(&self) -> usize {
        self.pairs.len()
    }

    /// Matches and counts a batch of documents in parallel. `groups[i]` is the group of
    /// `texts[i]` ([`NO_GROUP`] skips it and counts it in `skipped_docs`; [`SKIP_GROUP`] skips
    /// it without counting it anywhere, for duplicates). `rank[e]` is the position of entity
    /// `e`'s id in string order.
    ///
    /// # Errors
    /// [`Error::Cancelled`] when `ctl.cancel` is set; [`Error::InvalidInput`] when lengths
    /// differ.
    #[allow(clippy::too_many_arguments)]
    pub fn add_batch(
        &mut self,
        matcher: &Matcher,
        texts: &[&str],
        groups: &[u32],
        rank: &[u32],
        opts: &CoocOptions,
        pool: &rayon::ThreadPool,
        ctl: &Control,
    ) -> Result<()> {
        self.add_batch_at(matcher, texts, groups, 0, rank, opts, pool, ctl)
    }

    /// [`Counter::add_batch`] for a batch whose first document is document `doc_offset` of
    /// the corpus (positions recorded with evidence). The documents may be `&str` or
    /// [`Text`](crate::core::text::Text) code units, which each worker transcodes itself.
    ///
    /// # Errors
    /// As [`Counter::add_batch`].
    #[allow(clippy::too_many_arguments)]
    pub fn add_batch_at<T: DocText>(
        &mut self,
        matcher: &Matcher,
        texts: &[T],
        groups: &[u32],
        doc_offset: u64,
        rank: &[u32],
        opts: &CoocOptions,
        pool: &rayon::ThreadPool,
        ctl: &Control,
    ) -> Result<()> {
        self.add_batch_chunked(matcher, texts, groups, doc_offset, rank, opts, pool, ctl, CHUNK_BYTES)
    }

    /// [`Counter::add_batch_at`] with chunks of about `chunk_bytes` (tests vary it).
    #[allow(clippy::too_many_arguments)]
    fn add_batch_chunked<T: DocText>(
        &mut self,
        matcher: &Matcher,
        texts: &[T],
        groups: &[u32],
        doc_offset: u64,
        rank: &[u32],
        opts: &CoocOptions,
        pool: &rayon::ThreadPool,
        ctl: &Control,
        chunk_bytes: usize,
    ) -> Result<()> {
        let cap = self.evidence_cap;
        if groups.len() != texts.len() {
            return Err(Error::InvalidInput(format!("{} texts but {} group codes", texts.len(), groups.len())));
        }
        if rank.len() != matcher.spec().ids.len() {
            return Err(Error::InvalidInput("rank table does not match the matcher".into()));
        }
        // Work is handed out in chunks of consecutive documents of about CHUNK_BYTES, which the
        // threads claim in order from a shared counter: a thread that starts late or meets
        // slow documents just claims fewer, and every thread keeps one Counter (merged at the
        // end; merging is order-independent, evidence included). Rayon's adaptive splitting
        // left whole quarters of a batch to one thread (BBC: one thread idle for the last
        // 20 % of the call).
        let bounds = chunk_bounds(texts, chunk_bytes);
        let next = AtomicUsize::new(0);
        let parts: Vec<Result<Counter>> = pool.broadcast(|_| {
            ctl.spread.settle();
            let mut acc = Counter::with_evidence(cap);
            acc.level = self.level.clone();
            let mut scratch = CountScratch::default();
            let mut buf = String::new();
            loop {
                let c = next.fetch_add(1, Ordering::Relaxed);
                if c + 1 >= bounds.len() {
                    return Ok(acc);
                }
                for i in bounds[c]..bounds[c + 1] {
                    if ctl.cancel.load(Ordering::Relaxed) {
                        return Err(Error::Cancelled);
                    }
                    if let Some(next) = texts.get(i + 1) {
                        next.prefetch();
                    }
                    let doc = doc_offset + i as u64;
                    let text = texts[i].as_str(&mut buf);
                    if let Err(e) = acc.add_doc(matcher, text, groups[i], doc, rank, opts, &mut scratch, &ctl.cancel) {
                        // Let the other threads stop at their next document.
                        ctl.cancel.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                    ctl.done.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        // Nothing is added when any thread failed. An error other than Cancelled wins (a
        // Cancelled may be the echo of another thread's error).
        let mut merged = Counter::with_evidence(cap);
        let mut failed: Option<Error> = None;
        for p in parts {
            match p {
                Ok(c) => merged.merge(c),
                Err(e) if matches!(failed, None | Some(Error::Cancelled)) => failed = Some(e),
                Err(_) => {}
            }
        }
        if let Some(e) = failed {
            return Err(e);
        }
        self.merge(merged);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn add_doc(
        &mut self,
        matcher: &Matcher,
        text: &str,
        group: u32,
        doc: u64,
        rank: &[u32],
        opts: &CoocOptions,
        sc: &mut CountScratch,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<()> {
        if group == NO_GROUP {
            self.skipped_docs += 1;
            return Ok(());
        }
        if group == SKIP_GROUP {
            return Ok(()); // a folded duplicate: not a document of the counted corpus
        }
        sc.found.clear();
        matcher.find_bytes_into(text, &mut sc.matcher, &mut sc.found, cancel)?; // byte offsets are all counting needs
        self.removed.add(sc.matcher.take_removed());
        sc.ms.clear();
        let n_ambiguous = mention_classes(&sc.found, &mut sc.classes);
        let found = sc.found.iter().zip(&sc.classes);
        match &self.level {
            None => {
                self.ambiguous_spans += n_ambiguous;
                sc.ms.extend(found.map(|(m, &class)| M {
                    start: m.start_byte,
                    end: m.end_byte,
                    entity: m.entity,
                    class,
                    amb: ambiguous_class(class),
                }));
            }
            Some(map) => {
                let before = sc.found.len();
                // Ambiguous spans that lost a candidate to the level (not "settled" below).
                let mut lost: Vec<(usize, usize)> = Vec::new();
                sc.ms.extend(found.filter_map(|(m, &class)| {
                    let e = map.get(m.entity as usize).copied().unwrap_or(NO_PARENT);
                    if e == NO_PARENT && ambiguous_class(class) {
                        lost.push((m.start_byte, m.end_byte));
                    }
                    (e != NO_PARENT).then_some(M { start: m.start_byte, end: m.end_byte, entity: e, class, amb: false })
                }));
                self.dropped_by_level += (before - sc.ms.len()) as u64;
                // Two candidates of one span may map to the same entity: count it once.
                sc.ms.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.entity));
                sc.ms.dedup_by_key(|m| (m.start, m.end, m.entity));
                // A span is still ambiguous at the level when its candidates map to several
                // entities ("Springfield" in Illinois or Massachusetts is the US either way).
                let mut i = 0;
                while i < sc.ms.len() {
                    let mut j = i + 1;
                    while j < sc.ms.len() && sc.ms[j].start == sc.ms[i].start && sc.ms[j].end == sc.ms[i].end {
                        j += 1;
                    }
                    if ambiguous_class(sc.ms[i].class) {
                        if j - i > 1 {
                            self.ambiguous_spans += 1;
                            sc.ms[i..j].iter_mut().for_each(|m| m.amb = true);
                        } else if !lost.contains(&(sc.ms[i].start, sc.ms[i].end)) {
                            self.settled_by_level += 1;
                        }
                    }
                    i = j;
                }
            }
        }
        match opts.unit {
            Unit::Document => {
                sc.units.clear();
                sc.units.push((0, text.len()));
            }
            Unit::Paragraph | Unit::Sentence => {
                // How this document's line breaks are read (decided per document with
                // `ParagraphMode::Auto`), counted.
                let blank = if opts.unit == Unit::Paragraph {
                    let reading = opts.paragraphs.read(text);
                    paragraphs_read_into(text, reading, &mut sc.units);
                    matches!(reading, Reading::Blank { .. })
                } else {
                    sentences_mode_into(text, opts.paragraphs, &mut sc.units)
                };
                if blank {
                    self.read_blank += 1;
                } else {
                    self.read_line += 1;
                }
            }
        }
        // Tokens are only needed for windows (and `n` in window mode).
        let toks = if opts.window.is_some() { tokens(text) } else { Vec::new() };
        {
            let n_units = sc.units.len() as u64;
            let gt = self.group_mut(group);
            gt.docs += 1;
            gt.units += n_units;
            gt.mentions += sc.ms.len() as u64;
            gt.tokens += toks.len() as u64;
        }
        // Entity document and mention counts.
        sc.doc_ents.clear();
        sc.doc_ents.extend(sc.ms.iter().map(|m| m.entity));
        for &e in &sc.doc_ents {
            self.entities.entry((group, e)).or_default().mentions += 1;
        }
        sc.doc_ents.sort_unstable();
        sc.doc_ents.dedup();
        for &e in &sc.doc_ents {
            self.entities.entry((group, e)).or_default().docs += 1;
        }
        if sc.ms.is_empty() || sc.units.is_empty() {
            return Ok(());
        }
        // Assign each mention to the unit in which it starts (the last unit starting at or
        // before it; mentions never start in whitespace, and units are trimmed). `ms` is
        // sorted by start, so the mentions of a unit are consecutive.
        sc.unit_of.clear();
        for m in &sc.ms {
            let u = sc.units.partition_point(|&(s, _)| s <= m.start);
            sc.unit_of.push(u.saturating_sub(1));
        }
        let mut i = 0;
        while i < sc.ms.len() {
            let u = sc.unit_of[i];
            let mut j = i;
            while j < sc.ms.len() && sc.unit_of[j] == u {
                j += 1;
            }
            let unit_ms = &sc.ms[i..j];
            if opts.window.is_none() && unit_ms.len() > 64 {
                self.reserve_pairs(unit_ms)?;
            }
            let added = self.count_unit(group, unit_ms, rank, opts, &toks, &mut sc.unit);
            if self.evidence_cap > 0 && !added.is_empty() {
                self.keep_evidence(text, group, doc, u, sc.units[u], unit_ms, &added);
            }
            i = j;
        }
        Ok(())
    }

    /// Room, allocated fallibly, for every pair a unit of many mentions may add (each pair of
    /// its distinct entities; without a window): [`Error::Memory`] with the size asked for
    /// instead of an abort when the pair table cannot grow (5,000 entities in one unit make
    /// 12.5 M pairs).
    fn reserve_pairs(&mut self, ms: &[M]) -> Result<()> {
        let mut ents: Vec<u32> = Vec::new();
        super::error::try_reserve(&mut ents, ms.len(), "the entities of a unit")?;
        ents.extend(ms.iter().map(|m| m.entity));
        ents.sort_unstable();
        ents.dedup();
        let d = ents.len();
        let need = d.saturating_mul(d.saturating_sub(1)) / 2;
        let entry = std::mem::size_of::<((u32, u32, u32), u64)>() + 1;
        self.pairs.try_reserve(need).map_err(|_| Error::Memory { bytes: need.saturating_mul(entry), what: "pair counts" })?;
        if self.evidence_cap > 0 {
            // Kept evidence: the unit's pair list, then per pair a reference to the unit, its
            // two span lists (small allocations that cannot fail softly) and a table entry.
            // Checked at once before building them.
            let per_pair = 8 + std::mem::size_of::<EvidenceRef>() + 64 + 40;
            super::error::try_reserve(&mut Vec::<u8>::new(), need.saturating_mul(per_pair), "kept evidence")?;
        }
        Ok(())
    }

    /// Counts one unit; returns the (a, b) pairs it counted when evidence is kept.
    fn count_unit(
        &mut self,
        group: u32,
        ms: &[M],
        rank: &[u32],
        opts: &CoocOptions,
        toks: &[(usize, usize)],
        us: &mut UnitScratch,
    ) -> Vec<(u32, u32)> {
        let track = self.evidence_cap > 0;
        let mut added: Vec<(u32, u32)> = Vec::new();
        // Entities present in the unit.
        let ents = &mut us.ents;
        ents.clear();
        ents.extend(ms.iter().map(|m| m.entity));
        ents.sort_unstable();
        ents.dedup();
        for &e in ents.iter() {
            self.entities.entry((group, e)).or_default().units += 1;
        }
        if let Some(k) = opts.window {
            // Token index range of each mention.
            let tok_range = |m: &M| -> Option<(usize, usize)> {
                let first = toks.partition_point(|&(_, e)| e <= m.start);
                let last_excl = toks.partition_point(|&(s, _)| s < m.end);
                if first < last_excl {
                    Some((first, last_excl - 1))
                } else {
                    None
                }
            };
            let tr: Vec<Option<(usize, usize)>> = ms.iter().map(tok_range).collect();
            for i in 0..ms.len() {
                let Some((_, last_i)) = tr[i] else { continue };
                for j in (i + 1)..ms.len() {
                    let Some((first_j, _)) = tr[j] else { continue };
                    // ms sorted by start: j starts at or after i.
                    if first_j > last_i.saturating_add(k) {  // window=usize::MAX: no limit, no wrap
                        // Later mentions start at the same or a later token: stop... unless
                        // they start earlier in tokens (impossible: starts are sorted).
                        break;
                    }
                    let (a, b) = (ms[i], ms[j]);
                    if a.entity == b.entity || b.start < a.end || a.class == b.class {
                        continue; // self-pair, overlapping mentions, or one ambiguous name
                    }
                    let key = self.add_pair(group, a.entity, b.entity, 1, rank);
                    if track {
                        added.push(key);
                    }
                }
            }
            added.sort_unstable();
            added.dedup();
            return added;
        }
        if ents.len() < 2 {
            return added;
        }
        // Classes of each entity's mentions (sorted, with their mention counts; one mention
        // per entity per span).
        let spans = &mut us.spans;
        spans.clear();
        spans.extend(ms.iter().map(|m| (m.entity, m.class, 1u64)));
        spans.sort_unstable();
        spans.dedup_by(|b, a| {
            if a.0 == b.0 && a.1 == b.1 {
                a.2 += b.2;
                true
            } else {
                false
            }
        });
        let ranges = &mut us.ranges; // entity, lo, hi into spans
        ranges.clear();
        let mut s = 0;
        while s < spans.len() {
            let e = spans[s].0;
            let mut t = s;
            while t < spans.len() && spans[t].0 == e {
                t += 1;
            }
            ranges.push((e, s, t));
            s = t;
        }
        for x in 0..ranges.len() {
            for y in (x + 1)..ranges.len() {
                let (ea, la, ha) = ranges[x];
                let (eb, lb, hb) = ranges[y];
                let sa = &spans[la..ha];
                let sb = &spans[lb..hb];
                // Classes shared by both (an ambiguous span, or name, matched for both).
                let (shared, shared_pairs) = count_shared(sa, sb);
                match opts.count {
                    CountMode::Units => {
                        // Both have a mention in different classes unless each has exactly
                        // the same single class.
                        let together = !(sa.len() == 1 && sb.len() == 1 && shared == 1);
                        if together {
                            let key = self.add_pair(group, ea, eb, 1, rank);
                            if track {
                                added.push(key);
                            }
                        }
                    }
                    CountMode::Mentions => {
                        let na: u64 = sa.iter().map(|x| x.2).sum();
                        let nb: u64 = sb.iter().map(|x| x.2).sum();
                        let v = na * nb - shared_pairs;
                        if v > 0 {
                            let key = self.add_pair(group, ea, eb, v, rank);
                            if track {
                                added.push(key);
                            }
                        }
                    }
                }
            }
        }
        added
    }

    #[inline]
    fn add_pair(&mut self, group: u32, x: u32, y: u32, v: u64, rank: &[u32]) -> (u32, u32) {
        let (a, b) = if rank[x as usize] < rank[y as usize] { (x, y) } else { (y, x) };
        *self.pairs.entry((group, a, b)).or_insert(0) += v;
        (a, b)
    }

    /// Records unit `u` of document `doc` as evidence for each pair counted in it, while the
    /// pair has fewer than `evidence_cap` units (documents arrive in order within a thread,
    /// and merges keep the first units overall).
    #[allow(clippy::too_many_arguments)]
    fn keep_evidence(
        &mut self,
        text: &str,
        group: u32,
        doc: u64,
        u: usize,
        span: (usize, usize),
        ms: &[M],
        pairs: &[(u32, u32)],
    ) {
        let cap = self.evidence_cap;
        let (us, ue) = span;
        let Some(unit_text) = text.get(us..ue) else { return };
        // Built once per unit, for the first pair that still has room: the unit's text (one
        // copy shared by every pair; a copy per pair made a 0.2 MB unit with 100 entities
        // take gigabytes) and its mentions' code-point spans.
        let mut shared: Option<KeptUnit> = None;
        for &(a, b) in pairs {
            let v = self.evidence.entry((group, a, b)).or_default();
            if v.len() >= cap {
                continue;
            }
            let (unit_arc, start, end, spans) = shared.get_or_insert_with(|| {
                let c = bytes_to_cps(text, &[us, ue]);
                let inside: Vec<&M> = ms.iter().filter(|m| m.start >= us && m.end <= ue).collect();
                // One forward pass over the unit for every offset (sorted, unique).
                let mut offs: Vec<usize> = inside.iter().flat_map(|m| [m.start - us, m.end - us]).collect();
                offs.sort_unstable();
                offs.dedup();
                let cps = bytes_to_cps(unit_text, &offs);
                let cp = |o: usize| cps[offs.partition_point(|&x| x < o)];
                let spans = inside
                    .iter()
                    .map(|m| (m.entity, (cp(m.start - us), cp(m.end - us)), m.amb))
                    .collect();
                (Arc::from(unit_text), c[0], c[1], spans)
            });
            let rel = |e: u32| -> Vec<(usize, usize)> { spans.iter().filter(|x| x.0 == e).map(|x| x.1).collect() };
            let ambiguous = spans.iter().any(|x| x.2 && (x.0 == a || x.0 == b));
            v.push(EvidenceRef {
                doc,
                unit: u as u32,
                start: *start,
                end: *end,
                text: Arc::clone(unit_arc),
                spans_a: rel(a),
                spans_b: rel(b),
                ambiguous,
            });
        }
    }

    /// The kept evidence, sorted by (group, a, b) like [`Counter::finish`], then corpus order.
    pub fn evidence(&self, rank: &[u32]) -> Vec<((u32, u32, u32), &EvidenceRef)> {
        let mut keys: Vec<&(u32, u32, u32)> = self.evidence.keys().collect();
        keys.sort_unstable_by_key(|k| (k.0, rank[k.1 as usize], rank[k.2 as usize]));
        let mut out = Vec::new();
        for k in keys {
            if let Some(v) = self.evidence.get(k) {
                for r in v {
                    out.push((*k, r));
                }
            }
        }
        out
    }

    /// The counts as sorted columns.
    pub fn finish(&self, rank: &[u32]) -> CountColumns {
        let mut pairs: Vec<(&(u32, u32, u32), &u64)> = self.pairs.iter().collect();
        pairs.sort_unstable_by_key(|(k, _)| (k.0, rank[k.1 as usize], rank[k.2 as usize]));
        let mut ents: Vec<(&(u32, u32), &EntityCounts)> = self.entities.iter().collect();
        ents.sort_unstable_by_key(|(k, _)| (k.0, rank[k.1 as usize]));
        let mut c = CountColumns { groups: self.groups.clone(), ..Default::default() };
        for ((g, a, b), n) in pairs {
            c.pair_group.push(*g);
            c.pair_a.push(*a);
            c.pair_b.push(*b);
            c.n_ab.push(*n);
        }
        for ((g, e), v) in ents {
            c.ent_group.push(*g);
            c.ent.push(*e);
            c.ent_units.push(v.units);
            c.ent_mentions.push(v.mentions);
            c.ent_docs.push(v.docs);
        }
        c
    }
}

/// Classes two entities share, and the mention pairs inside them (which never count).
fn count_shared(a: &[(u32, u64, u64)], b: &[(u32, u64, u64)]) -> (usize, u64) {
    let (mut i, mut j, mut n, mut pairs) = (0, 0, 0, 0u64);
    while i < a.len() && j < b.len() {
        match a[i].1.cmp(&b[j].1) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                pairs += a[i].2 * b[j].2;
                i += 1;
                j += 1;
            }
        }
    }
    (n, pairs)
}

/// Position of each entity id in string (byte = code point) order.
pub fn id_ranks(ids: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_by(|&x, &y| ids[x as usize].cmp(&ids[y as usize]).then(x.cmp(&y)));
    let mut rank = vec![0u32; ids.len()];
    for (r, &e) in order.iter().enumerate() {
        rank[e as usize] = r as u32;
    }
    rank
}

/// For each mention of `ms` (sorted by start byte), the index of the paragraph and of the
/// sentence in which it starts (−1 if it starts outside every unit, which trimmed units make
/// impossible for real mentions).
pub fn unit_indices(text: &str, starts: &[usize], mode: ParagraphMode) -> (Vec<i64>, Vec<i64>) {
    let reading = mode.read(text); // once for both
    let paras = paragraphs_read(text, reading);
    let sents = sentences_read(text, reading);
    let find = |spans: &[(usize, usize)], pos: usize| -> i64 {
        let u = spans.partition_point(|&(s, _)| s <= pos);
        if u == 0 {
            -1
        } else if pos < spans[u - 1].1 {
            (u - 1) as i64
        } else {
            -1
        }
    };
    (starts.iter().map(|&p| find(&paras, p)).collect(), starts.iter().map(|&p| find(&sents, p)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::matcher::{AliasInput, Ambiguous, MatcherSpec};

    fn matcher(entities: &[(&str, &[&str])]) -> Matcher {
        let mut s = MatcherSpec::default();
        for (i, (id, aliases)) in entities.iter().enumerate() {
            s.ids.push(id.to_string());
            s.names.push(id.to_string());
            s.kinds.push(String::new());
            for a in aliases.iter() {
                s.aliases.push(AliasInput { text: a.to_string(), entity: i as u32, case: None, fold_accents: None });
            }
        }
        Matcher::new(s).unwrap()
    }

    fn count(m: &Matcher, texts: &[&str], opts: CoocOptions, threads: usize) -> CountColumns {
        let rank = id_ranks(&m.spec().ids);
        let mut c = Counter::new();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let groups = vec![0u32; texts.len()];
        c.add_batch(m, texts, &groups, &rank, &opts, &pool, &Control::default()).unwrap();
        c.finish(&rank)
    }

    const SENT: CoocOptions =
        CoocOptions { unit: Unit::Sentence, paragraphs: ParagraphMode::Line, window: None, count: CountMode::Units };

    #[test]
    fn units_and_n() {
        let m = matcher(&[("JP", &["Japan"]), ("CN", &["China"]), ("KR", &["Korea"])]);
        let texts = ["Japan and China met. Korea did not. Japan and Korea and Japan.", "", "Nothing here."];
        let c = count(&m, &texts, SENT, 2);
        // sentences: 3 + 0 + 1 = 4 units
        assert_eq!(c.groups[0].units, 4);
        assert_eq!(c.groups[0].docs, 3);
        let pairs: Vec<(u32, u32, u64)> =
            c.pair_a.iter().zip(&c.pair_b).zip(&c.n_ab).map(|((a, b), n)| (*a, *b, *n)).collect();
        // ids: CN(1) < JP(0) < KR(2)
        assert_eq!(pairs, vec![(1, 0, 1), (0, 2, 1)]);
        let mut doc = SENT;
        doc.unit = Unit::Document;
        let c = count(&m, &texts, doc, 1);
        assert_eq!(c.groups[0].units, 3);
        doc.count = CountMode::Mentions;
        let c = count(&m, &texts, doc, 1);
        // JP×3, CN×1, KR×2 in doc 0: CN-JP 3, CN-KR 2, JP-KR 6
        let pairs: Vec<u64> = c.n_ab.clone();
        assert_eq!(pairs, vec![3, 2, 6]);
    }

    #[test]
    fn ambiguous_span_does_not_pair_with_itself() {
        let m = matcher(&[("GE", &["Georgia"]), ("US-GA", &["Georgia"]), ("RU", &["Russia"])]);
        let c = count(&m, &["Georgia and Russia."], SENT, 1);
        // GE-RU and RU-US-GA, but not GE-US-GA
        assert_eq!(c.pair_a.len(), 2);
        // Two spans of one ambiguous name do not pair its candidates either.
        let c = count(&m, &["Georgia, Georgia."], SENT, 1);
        assert!(c.n_ab.is_empty());
        // Each span left ambiguous is counted once, whatever its number of candidates, and
        // the evidence of a pair through it is flagged.
        let rank = id_ranks(&m.spec().ids);
        let mut c = Counter::new();
        c.evidence_cap = 10;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let texts = ["Georgia and Russia. Georgia, Georgia.", "Russia and Russia."];
        c.add_batch(&m, &texts, &[0, 0], &rank, &SENT, &pool, &Control::default()).unwrap();
        assert_eq!(c.ambiguous_spans, 3);
        let ev = c.evidence(&rank);
        assert_eq!(ev.len(), 2);
        assert!(ev.iter().all(|(_, r)| r.ambiguous && r.doc == 0 && r.unit == 0));
    }

    /// A spec of one alias per entity: (id, kind, alias); the id is also the name.
    fn spec_of(rows: &[(&str, &str, &str)]) -> MatcherSpec {
        let mut s = MatcherSpec::default();
        for (i, (id, kind, alias)) in rows.iter().enumerate() {
            s.ids.push(id.to_string());
            s.names.push(id.to_string());
            s.kinds.push(kind.to_string());
            s.aliases.push(AliasInput { text: alias.to_string(), entity: i as u32, case: None, fold_accents: None });
        }
        s
    }

    #[test]
    fn level_rolls_mentions_up_and_counts_the_dropped() {
        // 0 RU country, 1 Moscow (parent RU), 2 Kyiv (no parent), 3 UA country
        let mut s = spec_of(&[
            ("RU", "country", "Russia"),
            ("MOW", "city", "Moscow"),
            ("KYV", "city", "Kyiv"),
            ("UA", "country", "Ukraine"),
        ]);
        s.parents = vec![NO_PARENT, 0, NO_PARENT, NO_PARENT];
        let m = Matcher::new(s).unwrap();
        let rank = id_ranks(&m.spec().ids);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let texts = ["Moscow and Russia and Ukraine. Kyiv."];
        let mut c = Counter::new();
        c.level = Some(Arc::new(m.level_map("country").unwrap()));
        c.add_batch(&m, &texts, &[0], &rank, &SENT, &pool, &Control::default()).unwrap();
        let cols = c.finish(&rank);
        // Moscow -> RU counts once with Russia in the sentence; RU-UA paired; Kyiv dropped.
        assert_eq!((cols.pair_a.clone(), cols.pair_b.clone(), cols.n_ab.clone()), (vec![0], vec![3], vec![1]));
        assert_eq!(c.dropped_by_level, 1);
        assert_eq!(cols.groups[0].mentions, 3);
        assert!(m.level_map("region").is_err());
    }

    #[test]
    fn level_counts_the_spans_it_settles() {
        // "Springfield": two US towns (undecided), at the country level the United States;
        // "Georgia": the country or the US state, still two countries at that level.
        let mut s = spec_of(&[
            ("US", "country", "United States"),
            ("SPI", "city", "Springfield"),
            ("SGF", "city", "Springfield"),
            ("GE", "country", "Georgia"),
            ("US-GA", "region", "Georgia"),
        ]);
        s.parents = vec![NO_PARENT, 0, 0, NO_PARENT, 0];
        s.options.ambiguous = Ambiguous::All;
        let m = Matcher::new(s).unwrap();
        let rank = id_ranks(&m.spec().ids);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let texts = ["Springfield and Georgia."];
        let mut c = Counter::new();
        c.level = Some(Arc::new(m.level_map("country").unwrap()));
        c.add_batch(&m, &texts, &[0], &rank, &SENT, &pool, &Control::default()).unwrap();
        assert_eq!((c.settled_by_level, c.ambiguous_spans), (1, 1));
        // "Springfield" whose second candidate has no country: dropped, not settled.
        let mut s2 = m.spec().clone();
        s2.parents = vec![NO_PARENT, 0, NO_PARENT, NO_PARENT, 0];
        let m2 = Matcher::new(s2).unwrap();
        let mut c2 = Counter::new();
        c2.level = Some(Arc::new(m2.level_map("country").unwrap()));
        c2.add_batch(&m2, &["Springfield."], &[0], &rank, &SENT, &pool, &Control::default()).unwrap();
        assert_eq!((c2.settled_by_level, c2.dropped_by_level), (0, 1));
        let mut plain = Counter::new();
        plain.add_batch(&m, &texts, &[0], &rank, &SENT, &pool, &Control::default()).unwrap();
        assert_eq!((plain.settled_by_level, plain.ambiguous_spans), (0, 2));
    }

    #[test]
    fn one_ambiguous_name_makes_no_pair() {
        let m = matcher(&[("GB", &["Brown"]), ("JB", &["Brown"]), ("RU", &["Russia"])]);
        let c = count(&m, &["Brown met Brown."], SENT, 1);
        assert!(c.n_ab.is_empty());
        let mut mentions = SENT;
        mentions.count = CountMode::Mentions;
        assert!(count(&m, &["Brown met Brown."], mentions, 1).n_ab.is_empty());
        // each Brown candidate still pairs with Russia; mentions: 2 Browns x 1 Russia
        assert_eq!(count(&m, &["Brown met Brown in Russia."], mentions, 1).n_ab, vec![2, 2]);
        let w = CoocOptions { unit: Unit::Document, paragraphs: ParagraphMode::Line, window: Some(5), count: CountMode::Units };
        assert!(count(&m, &["Brown met Brown."], w, 1).n_ab.is_empty());
    }

    #[test]
    fn windows() {
        let m = matcher(&[("A", &["Alpha"]), ("B", &["Beta"])]);
        let w = |k| CoocOptions { unit: Unit::Document, paragraphs: ParagraphMode::Line, window: Some(k), count: CountMode::Units };
        // tokens: Alpha(0) x(1) y(2) Beta(3): distance 3
        assert_eq!(count(&m, &["Alpha x y Beta"], w(3), 1).n_ab, vec![1]);
        assert!(count(&m, &["Alpha x y Beta"], w(2), 1).n_ab.is_empty());
        assert_eq!(count(&m, &["Alpha Beta Alpha"], w(1), 1).n_ab, vec![2]);
    }

    #[test]
    fn skip_group_counts_nowhere() {
        let m = matcher(&[("A", &["Alpha"]), ("B", &["Beta"])]);
        let rank = id_ranks(&m.spec().ids);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let texts = ["Alpha and Beta.", "Alpha and Beta.", "Beta."];
        let mut c = Counter::new();
        c.add_batch(&m, &texts, &[0, SKIP_GROUP, NO_GROUP], &rank, &SENT, &pool, &Control::default()).unwrap();
        assert_eq!(c.skipped_docs, 1);
        let only_first = count(&m, &texts[..1], SENT, 1);
        assert_eq!(c.finish(&rank), only_first);
    }

    #[test]
    fn evidence_keeps_the_first_units_whatever_the_threads() {
        let m = matcher(&[("A", &["Alpha"]), ("B", &["Beta"])]);
        let texts: Vec<String> = (0..300).map(|i| format!("x{i}. Alpha and Beta {i}. Beta only.")).collect();
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let rank = id_ranks(&m.spec().ids);
        let groups = vec![0u32; refs.len()];
        let mut got = Vec::new();
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut c = Counter::with_evidence(4);
            c.add_batch_at(&m, &refs[..150], &groups[..150], 0, &rank, &SENT, &pool, &Control::default()).unwrap();
            c.add_batch_at(&m, &refs[150..], &groups[150..], 150, &rank, &SENT, &pool, &Control::default()).unwrap();
            let ev: Vec<(u64, u32, String, Vec<(usize, usize)>)> =
                c.evidence(&rank).into_iter().map(|(_, r)| (r.doc, r.unit, r.text.to_string(), r.spans_b.clone())).collect();
            got.push(ev);
        }
        assert_eq!(got[0], got[1]);
        assert_eq!(got[0].len(), 4);
        assert_eq!(got[0][0], (0, 1, "Alpha and Beta 0.".to_string(), vec![(10, 14)]));
        assert_eq!(got[0][3].0, 3);
    }

    /// `n` texts of up to `max_words - 1` words from Alpha, Beta, Gamma, x and ".", varied.
    fn word_salad(n: usize, max_words: usize) -> Vec<String> {
        let w = ["Alpha", "Beta", "Gamma", "x", "."];
        (0..n)
            .map(|i| (0..(i % max_words)).map(|j| w[(i * 7 + j * 3) % 5]).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn chunks_cover_every_document_once() {
        let texts: Vec<&str> = vec!["a"; 10];
        assert_eq!(chunk_bounds(&texts, 1), (0..=10).collect::<Vec<_>>());
        assert_eq!(chunk_bounds(&texts, 65 * 3), vec![0, 3, 6, 9, 10]);
        assert_eq!(chunk_bounds(&texts, usize::MAX), vec![0, 10]);
        assert_eq!(chunk_bounds::<&str>(&[], 10), vec![0]);
    }

    #[test]
    fn threads_and_chunks_do_not_matter() {
        // Counts and kept evidence are the same for any thread count and chunk size (each
        // thread claims chunks in order and keeps one Counter; merging is order-free).
        let m = matcher(&[("A", &["Alpha"]), ("B", &["Beta"]), ("C", &["Gamma"])]);
        let texts = word_salad(400, 23);
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let rank = id_ranks(&m.spec().ids);
        let groups: Vec<u32> = (0..refs.len()).map(|i| (i % 3) as u32).collect();
        let mut seen = Vec::new();
        for threads in [1, 2, 5] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            for chunk in [1, 200, 1 << 20] {
                let mut c = Counter::with_evidence(3);
                c.add_batch_chunked(&m, &refs, &groups, 0, &rank, &SENT, &pool, &Control::default(), chunk).unwrap();
                let ev: Vec<(u64, u32, String)> =
                    c.evidence(&rank).into_iter().map(|(_, r)| (r.doc, r.unit, r.text.to_string())).collect();
                seen.push((c.finish(&rank), ev));
            }
        }
        assert!(seen.iter().all(|x| *x == seen[0]));
        assert!(!seen[0].1.is_empty());
    }

    #[test]
    fn cancel_stops_every_thread() {
        let m = matcher(&[("A", &["Alpha"])]);
        let refs: Vec<&str> = vec!["Alpha."; 1000];
        let rank = id_ranks(&m.spec().ids);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        let ctl = Control::default();
        ctl.cancel.store(true, Ordering::Relaxed);
        let mut c = Counter::with_evidence(0);
        let r = c.add_batch_chunked(&m, &refs, &vec![0; 1000], 0, &rank, &SENT, &pool, &ctl, 1);
        assert!(matches!(r, Err(Error::Cancelled)));
        assert_eq!(ctl.done.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn thread_count_does_not_matter() {
        let m = matcher(&[("A", &["Alpha"]), ("B", &["Beta"]), ("C", &["Gamma"])]);
        let texts = word_salad(500, 17);
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let a = count(&m, &refs, SENT, 1);
        let b = count(&m, &refs, SENT, 2);
        let c = count(&m, &refs, SENT, 7);
        assert_eq!(a, b);
        assert_eq!(a, c);
    }
}
