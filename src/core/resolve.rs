//! Which entity a shared name means: the gazetteer's hierarchy and the resolution of ambiguous
//! spans (`ambiguous="resolve"`; user docs: `docs/resolution.md`).
//!
//! # Design
//! An entity may name a parent (city → region → country). [`Hierarchy`] keeps the parent of
//! every entity as an index and is checked once, when the matcher is built: a parent out of
//! range, an entity that is its own parent or a cycle is an [`Error::InvalidInput`] naming the
//! entity (the Python package reports the same problems earlier, naming the gazetteer row).
//!
//! Resolution runs per document, on the mentions left after leftmost-longest, inside the same
//! pass as matching (and so inside the parallel batch and counting passes). A span that
//! several entities share keeps, in this order:
//! 1. *context*: the candidates related to an entity that has an unambiguous mention in the
//!    same document — an ancestor of the candidate, a child, or a sibling (same parent). One
//!    left: resolved by "context"; several: the search goes on among them. When every such
//!    relative is a root (an entity without a parent: the United States for "Georgia" the
//!    state) and some candidate has an unambiguous mention itself ("Georgian"), those
//!    candidates are kept instead (one left: "document"). When every such relative is a root
//!    and no candidate is mentioned itself, a candidate whose prior dominates every other
//!    candidate's (step 4's test) wins over them ("prior"): "the US" is named in most world
//!    news, and made "Paris" Paris, Texas, "Moscow" Moscow, Idaho (Reuters: 182 and 124
//!    mentions), "Melbourne" Melbourne, Florida.
//! 2. *document*: among those, the candidates that themselves have an unambiguous mention in
//!    the document, or were resolved by context for another span of it ("Paris, Texas" …
//!    "Paris"). One left: "document" (one sense per document).
//! 3. *support*: the candidate related (ancestor, descendant or sibling) to a candidate of more
//!    of the document's other spans than any other candidate is, ambiguous spans included
//!    ("Gainesville", "Hall County" and "Georgia", each ambiguous, agree on the state):
//!    "support". Judged on every span's state after step 2, so span order does not matter.
//! 4. *prior*: the candidate whose prior is at least `prior_ratio` (default [`PRIOR_RATIO`])
//!    times every other remaining candidate's, and larger (a missing prior counts as 0; no
//!    positive prior decides nothing): "prior".
//! 5. Otherwise every remaining candidate is reported, flagged ambiguous: "none".
//!
//! Evidence from the document (steps 1–3) comes before popularity (step 4). Measured on the
//! LGL gold corpus with `places()` (GeoNames ids of linked toponyms): support before prior
//! gives F1 0.506, after prior 0.502, without support 0.476 (`docs/quality.md`).
//!
//! Resolution only reads the document's own mentions, so it never depends on threads or
//! chunking. Its cost is paid only by documents that hold an ambiguous span.

use rustc_hash::{FxHashMap, FxHashSet};

use super::error::{Error, Result};
use super::context::{list_gap, name_before_comma};
use super::matcher::Mention;

/// No parent.
pub const NO_PARENT: u32 = u32::MAX;

/// How many times, by default, the largest prior must exceed every other candidate's for the
/// prior to decide (step 4; the matcher's `prior_ratio`). Population ratios of same-named places are usually far larger (Paris,
/// France against Paris, Texas: about 85) or close to 1 (two towns of a size), where a guess
/// would be a coin toss.
pub const PRIOR_RATIO: f64 = 10.0;

/// How an ambiguous span was decided (the `resolved_by` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(u8)]
pub enum ResolvedBy {
    /// Not ambiguous: one entity had this span ("").
    #[default]
    Unambiguous = 0,
    /// A related entity was mentioned unambiguously in the document.
    Context = 1,
    /// The entity itself was mentioned (or resolved) elsewhere in the document.
    Document = 2,
    /// Related to more of the document's other spans (ambiguous ones included) than any
    /// other candidate.
    Support = 3,
    /// Its prior dominated.
    Prior = 4,
    /// Undecided: every remaining candidate is reported, flagged ambiguous.
    None = 5,
    /// A list joins the span to an unambiguous mention of the one kind a single candidate
    /// has ("Samoa, France, Italy, Georgia and Chinese Taipei": the country).
    List = 6,
}

impl ResolvedBy {
    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            ResolvedBy::Unambiguous => "",
            ResolvedBy::Context => "context",
            ResolvedBy::Document => "document",
            ResolvedBy::Prior => "prior",
            ResolvedBy::None => "none",
            ResolvedBy::Support => "support",
            ResolvedBy::List => "list",
        }
    }
}

/// The entities' parents and priors, checked.
#[derive(Debug, Clone)]
pub struct Hierarchy {
    /// Parent index per entity ([`NO_PARENT`] for none); empty when no entity has a parent.
    parents: Vec<u32>,
    /// Prior per entity (0 for none); empty when no entity has a prior.
    priors: Vec<f64>,
    /// Step 3's margin.
    ratio: f64,
}

impl Hierarchy {
    /// Checks parents (in range, no self-parent, no cycle) and priors (finite, >= 0).
    ///
    /// `parents` and `priors` are either empty or one entry per entity. `ids` names entities
    /// in errors.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the entity.
    pub fn new(ids: &[String], parents: &[u32], priors: &[Option<f64>]) -> Result<Hierarchy> {
        let n = ids.len();
        if !parents.is_empty() && parents.len() != n {
            return Err(Error::InvalidInput(format!("{} parents for {} entities", parents.len(), n)));
        }
        if !priors.is_empty() && priors.len() != n {
            return Err(Error::InvalidInput(format!("{} priors for {} entities", priors.len(), n)));
        }
        for (i, &p) in parents.iter().enumerate() {
            if p == NO_PARENT {
                continue;
            }
            if p as usize >= n {
                return Err(Error::InvalidInput(format!(
                    "entity {:?} has parent #{p}, but there are only {n} entities",
                    ids[i]
                )));
            }
            if p as usize == i {
                return Err(Error::InvalidInput(format!("entity {:?} is its own parent", ids[i])));
            }
        }
        // Cycles: colour walk (0 unseen, 1 on the current path, 2 done), iterative.
        if !parents.is_empty() {
            let mut state = vec![0u8; n];
            let mut path: Vec<usize> = Vec::new();
            for s in 0..n {
                let mut v = s;
                while state[v] == 0 {
                    state[v] = 1;
                    path.push(v);
                    let p = parents[v];
                    if p == NO_PARENT {
                        break;
                    }
                    v = p as usize;
                    if state[v] == 1 {
                        let pos = path.iter().position(|&x| x == v).unwrap_or(0);
                        let names: Vec<&str> = path[pos..].iter().map(|&x| ids[x].as_str()).collect();
                        return Err(Error::InvalidInput(format!(
                            "the parents of entities {names:?} form a cycle"
                        )));
                    }
                }
                for &x in &path {
                    state[x] = 2;
                }
                path.clear();
            }
        }
        let mut pri = Vec::new();
        if priors.iter().any(|p| p.is_some()) {
            pri.reserve(n);
            for (i, p) in priors.iter().enumerate() {
                let v = p.unwrap_or(0.0);
                if !v.is_finite() || v < 0.0 {
                    return Err(Error::InvalidInput(format!(
                        "entity {:?} has prior {v}, not a non-negative number",
                        ids[i]
                    )));
                }
                pri.push(v);
            }
        }
        let parents = if parents.iter().any(|&p| p != NO_PARENT) { parents.to_vec() } else { Vec::new() };
        Ok(Hierarchy { parents, priors: pri, ratio: PRIOR_RATIO })
    }

    /// The same hierarchy with another prior margin (step 3): the largest prior must be at
    /// least `ratio` times every other candidate's.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] unless `ratio` is a number >= 1 (infinity: priors never decide).
    pub fn with_ratio(mut self, ratio: f64) -> Result<Hierarchy> {
        if ratio.is_nan() || ratio < 1.0 {
            return Err(Error::InvalidInput(format!("prior_ratio must be a number >= 1, not {ratio}")));
        }
        self.ratio = ratio;
        Ok(self)
    }

    /// The parent of entity `e`, if any.
    #[inline]
    pub fn parent(&self, e: u32) -> Option<u32> {
        match self.parents.get(e as usize) {
            Some(&p) if p != NO_PARENT => Some(p),
            _ => None,
        }
    }

    /// The prior of entity `e` (0 when none).
    #[inline]
    pub fn prior(&self, e: u32) -> f64 {
        self.priors.get(e as usize).copied().unwrap_or(0.0)
    }

    /// Whether `a` and `b` are related: one is an ancestor of the other, or they share a parent.
    pub fn related(&self, a: u32, b: u32) -> bool {
        let (pa, pb) = (self.parent(a), self.parent(b));
        (pa.is_some() && pa == pb) || self.lineal(a, b)
    }

    /// Whether one of `a` and `b` is an ancestor of the other.
    pub fn lineal(&self, a: u32, b: u32) -> bool {
        self.is_ancestor(a, b) || self.is_ancestor(b, a)
    }

    /// Whether `x` is an ancestor of `e` (its parent, the parent's parent, ...).
    fn is_ancestor(&self, x: u32, e: u32) -> bool {
        let mut y = self.parent(e);
        while let Some(v) = y {
            if v == x {
                return true;
            }
            y = self.parent(v);
        }
        false
    }

    /// Whether any entity has a parent.
    pub fn has_parents(&self) -> bool {
        !self.parents.is_empty()
    }

    /// For every entity, its nearest ancestor-or-self whose kind is `kind` ([`NO_PARENT`] when
    /// none): the roll-up map of `level=`. `kinds[e]` is entity `e`'s kind.
    pub fn level_map(&self, kinds: &[String], kind: &str) -> Vec<u32> {
        (0..kinds.len() as u32)
            .map(|e| {
                let mut v = Some(e);
                while let Some(x) = v {
                    if kinds[x as usize] == kind {
                        return x;
                    }
                    v = self.parent(x);
                }
                NO_PARENT
            })
            .collect()
    }

    fn heap_bytes(&self) -> usize {
        self.parents.capacity() * 4 + self.priors.capacity() * 8
    }
}

/// Reusable buffers of [`resolve_document`].
#[derive(Default)]
pub struct ResolveScratch {
    plain: FxHashSet<u32>,
    /// Parent -> how many entities with that parent are mentioned unambiguously.
    parents_of_plain: FxHashMap<u32, u32>,
    resolved: FxHashSet<u32>,
    keep: Vec<bool>,
    cands: Vec<u32>,
    narrowed: Vec<u32>,
    list: ListScratch,
}

/// Buffers of [`list_choices`], reused from document to document.
#[derive(Debug, Default, Clone)]
struct ListScratch {
    spans: Vec<(usize, usize, usize, usize)>,
    by_end: Vec<(usize, usize, usize, usize)>,
    members: Vec<(usize, usize)>,
    wanted: Vec<u32>,
    out: Vec<Option<u32>>,
}

/// Resolves the ambiguous spans among one document's mentions (`ms`, in the matcher's output
/// order: same-span candidates are consecutive), in place: resolved spans keep one mention
/// (not flagged ambiguous, with `resolved_by` set); undecided ones keep their remaining
/// candidates, flagged, with `resolved_by = None`.
///
/// `kinds` (one kind number per entity; empty when every entity has the same kind) and `text`
/// (the document) serve the list step: see [`list_choices`].
pub fn resolve_document(h: &Hierarchy, kinds: &[u32], text: &str, ms: &mut Vec<Mention>, sc: &mut ResolveScratch) {
    if !ms.iter().any(|m| m.ambiguous) {
        return;
    }
    sc.plain.clear();
    sc.parents_of_plain.clear();
    sc.resolved.clear();
    for m in ms.iter().filter(|m| !m.ambiguous) {
        if sc.plain.insert(m.entity) {
            if let Some(p) = h.parent(m.entity) {
                *sc.parents_of_plain.entry(p).or_insert(0) += 1;
            }
        }
    }
    // Whether a relative of `c` has an unambiguous mention: a child (its parent is c), a
    // sibling (another entity with c's parent; c itself is "document") or an ancestor — with
    // `roots` false, an ancestor that has a parent itself (a state, not the country at the
    // root of every US place).
    let related = |c: u32, sc: &ResolveScratch, roots: bool| -> bool {
        if sc.parents_of_plain.contains_key(&c) {
            return true;
        }
        let mut a = h.parent(c);
        if let Some(p) = a {
            let siblings = sc.parents_of_plain.get(&p).copied().unwrap_or(0);
            if siblings > u32::from(sc.plain.contains(&c)) {
                return true;
            }
        }
        while let Some(x) = a {
            if sc.plain.contains(&x) && (roots || h.parent(x).is_some()) {
                return true;
            }
            a = h.parent(x);
        }
        false
    };
    sc.keep.clear();
    sc.keep.resize(ms.len(), true);
    // Spans: (first index, end index, step reached). Two passes: context first (its results
    // feed "document"), then the rest.
    let groups: Vec<(usize, usize)> = {
        let mut g = Vec::new();
        let mut i = 0;
        while i < ms.len() {
            let mut j = i + 1;
            while j < ms.len() && ms[j].start_byte == ms[i].start_byte && ms[j].end_byte == ms[i].end_byte {
                j += 1;
            }
            if ms[i].ambiguous {
                g.push((i, j));
            }
            i = j;
        }
        g
    };
    // Pass 0: list (see `list_choices`); a span it decides counts as decided by context.
    list_choices(h, kinds, text, ms, &groups, &mut sc.list);
    let by_list = std::mem::take(&mut sc.list.out);
    // Pass 1: context. When the only relatives mentioned are roots (the United States for
    // "Georgia" the state) and a candidate is mentioned unambiguously itself ("Georgian"), the
    // candidate's own mention decides instead (one sense per document; labelled "document").
    let mut narrowed_by_ctx: Vec<Option<Vec<u32>>> = Vec::with_capacity(groups.len());
    let mut by_own_mention: Vec<bool> = Vec::with_capacity(groups.len());
    let mut by_root_prior: Vec<bool> = Vec::with_capacity(groups.len());
    for (g, &(i, j)) in groups.iter().enumerate() {
        if let Some(c) = by_list.get(g).copied().flatten() {
            sc.resolved.insert(c);
            by_own_mention.push(false);
            by_root_prior.push(false);
            narrowed_by_ctx.push(Some(vec![c]));
            continue;
        }
        let mut ctx: Vec<u32> = if h.has_parents() {
            (i..j).map(|k| ms[k].entity).filter(|&c| related(c, sc, true)).collect()
        } else {
            Vec::new()
        };
        let mut own = false;
        let mut prior = false;
        if !ctx.is_empty() && !ctx.iter().any(|&c| related(c, sc, false)) {
            let mentioned: Vec<u32> = (i..j).map(|k| ms[k].entity).filter(|c| sc.plain.contains(c)).collect();
            if !mentioned.is_empty() {
                ctx = mentioned;
                own = true;
            } else {
                // Only roots are mentioned ("the US" for Melbourne, Florida): weak evidence,
                // which a candidate whose prior dominates every other's outweighs
                // ("Melbourne" in a story that names the US is still Melbourne, Australia).
                sc.cands.clear();
                sc.cands.extend((i..j).map(|k| ms[k].entity));
                if let Some(w) = by_prior(h, &sc.cands) {
                    if !ctx.contains(&w) {
                        ctx = vec![w];
                        prior = true;
                    }
                }
            }
        }
        if ctx.len() == 1 && !own {
            sc.resolved.insert(ctx[0]);
        }
        by_root_prior.push(prior);
        by_own_mention.push(own);
        narrowed_by_ctx.push(if ctx.is_empty() { None } else { Some(ctx) });
    }
    // Pass 2: document and prior; what stays open keeps its remaining candidates.
    let mut decision: Vec<(Option<u32>, ResolvedBy)> = Vec::with_capacity(groups.len());
    let mut remaining: Vec<Vec<u32>> = Vec::with_capacity(groups.len());
    for (g, &(i, j)) in groups.iter().enumerate() {
        sc.cands.clear();
        match &narrowed_by_ctx[g] {
            Some(ctx) => sc.cands.extend_from_slice(ctx),
            None => sc.cands.extend((i..j).map(|k| ms[k].entity)),
        }
        let d = if narrowed_by_ctx[g].as_ref().is_some_and(|c| c.len() == 1) {
            let by = if by_list.get(g).is_some_and(|c| c.is_some()) {
                ResolvedBy::List
            } else if by_own_mention[g] {
                ResolvedBy::Document
            } else if by_root_prior[g] {
                ResolvedBy::Prior
            } else {
                ResolvedBy::Context
            };
            (Some(sc.cands[0]), by)
        } else {
            sc.narrowed.clear();
            sc.narrowed.extend(sc.cands.iter().copied().filter(|c| sc.plain.contains(c) || sc.resolved.contains(c)));
            if sc.narrowed.len() == 1 {
                (Some(sc.narrowed[0]), ResolvedBy::Document)
            } else {
                if sc.narrowed.len() > 1 {
                    std::mem::swap(&mut sc.cands, &mut sc.narrowed);
                }
                (None, ResolvedBy::None)
            }
        };
        remaining.push(match d.0 {
            Some(w) => vec![w],
            None => sc.cands.clone(),
        });
        decision.push(d);
    }
    // Pass 3: support. An open span takes the candidate related (ancestor, descendant or
    // sibling) to a candidate of the most other spans of the document, ambiguous ones
    // included, when no other candidate is related to as many ("Gainesville", "Hall County"
    // and "Georgia", each ambiguous, agree on the state). Judged on the state after pass 2,
    // so the order of the spans does not matter.
    if h.has_parents() && decision.iter().any(|d| d.0.is_none()) {
        let plain_spans: Vec<u32> = {
            let mut v: Vec<(usize, usize, u32)> =
                ms.iter().filter(|m| !m.ambiguous).map(|m| (m.start_byte, m.end_byte, m.entity)).collect();
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(|x| x.2).collect()
        };
        let mut votes: Vec<(u32, usize)> = Vec::new();
        for g in 0..groups.len() {
            if decision[g].0.is_some() {
                continue;
            }
            votes.clear();
            for &c in &remaining[g] {
                let mut n = plain_spans.iter().filter(|&&o| o != c && h.related(c, o)).count();
                for (g2, others) in remaining.iter().enumerate() {
                    if g2 != g && others.iter().any(|&o| o != c && h.related(c, o)) {
                        n += 1;
                    }
                }
                votes.push((c, n));
            }
            votes.sort_unstable_by_key(|v| std::cmp::Reverse(v.1));
            if votes[0].1 > 0 && votes.get(1).map_or(true, |v| v.1 < votes[0].1) {
                decision[g] = (Some(votes[0].0), ResolvedBy::Support);
            }
        }
    }
    // Pass 4: prior, for what support left open.
    for g in 0..groups.len() {
        if decision[g].0.is_none() {
            if let Some(w) = by_prior(h, &remaining[g]) {
                decision[g] = (Some(w), ResolvedBy::Prior);
            }
        }
    }
    for (g, &(i, j)) in groups.iter().enumerate() {
        let (winner, by) = decision[g];
        for (k, m) in ms.iter_mut().enumerate().take(j).skip(i) {
            match winner {
                Some(w) => {
                    sc.keep[k] = m.entity == w;
                    m.ambiguous = false;
                }
                None => sc.keep[k] = remaining[g].contains(&m.entity),
            }
            m.resolved_by = by;
        }
    }
    let mut k = 0;
    ms.retain(|_| {
        k += 1;
        sc.keep[k - 1]
    });
    sc.list.out = by_list; // its buffer, for the next document
}

/// No kind (an entity whose kind is ""): never chosen by the list step, and no evidence for it.
pub const NO_KIND: u32 = u32::MAX;

/// How many spans the list step reads on each side of an ambiguous span (so that a document
/// of one long list costs time in proportion to its length).
pub const LIST_REACH: usize = 8;

/// The list step of [`resolve_document`]: per ambiguous span (`groups`), the one candidate
/// whose kind is the kind of an unambiguous mention of the list the span stands in, if exactly
/// one candidate has such a kind. The list: from the span, the nearest spans on each side (those
/// starting first at or after its end; those ending last at or before its start) when the text
/// between is a list gap (`context::list_gap`: a comma, "and", "or", ...), and on from them
/// the same way, up to [`LIST_REACH`] spans on each side ("Samoa, France, Italy, Georgia":
/// Italy is itself ambiguous, a US town too, but Samoa and France are countries). The step
/// abstains when a candidate of any span of the list is an ancestor or a descendant of a
/// candidate of this one ("McLean, Virginia", "Toronto, Ontario": a place and its region, not
/// a list, left to the later steps), and when a capitalised word that is no mention and a
/// comma come right before the span ("Atlanta, Georgia, Japan ..." with a gazetteer that
/// does not know Atlanta). Entities of kind [`NO_KIND`] are neither chosen nor evidence.
/// Empty when `kinds` is empty (every entity of one kind: nothing to choose by).
fn list_choices(h: &Hierarchy, kinds: &[u32], text: &str, ms: &[Mention], groups: &[(usize, usize)], sc: &mut ListScratch) {
    sc.out.clear();
    if kinds.is_empty() {
        return;
    }
    let ListScratch { spans, by_end, members, wanted, out } = sc;
    // Every span once: (start, end, first mention, end mention), in start order.
    spans.clear();
    for (k, m) in ms.iter().enumerate() {
        match spans.last_mut() {
            Some(x) if x.0 == m.start_byte && x.1 == m.end_byte => x.3 = k + 1,
            _ => spans.push((m.start_byte, m.end_byte, k, k + 1)),
        }
    }
    by_end.clear();
    by_end.extend(spans.iter().map(|&(s, e, i, j)| (e, s, i, j)));
    by_end.sort_unstable();
    let kind = |c: u32| kinds.get(c as usize).copied().filter(|&k| k != NO_KIND);
    let joined = |lo: usize, hi: usize| text.get(lo..hi).is_some_and(list_gap);
    // `members`: the list's spans (mention ranges) of the span at `s..e`.
    out.extend(groups.iter().map(|&(i, j)| {
        let (s, e) = (ms[i].start_byte, ms[i].end_byte);
        // "Atlanta, Georgia" where Atlanta is no mention: a place and its region
        if let Some(w) = name_before_comma(text, s) {
            let ends = by_end.partition_point(|x| x.0 < w);
            if by_end.get(ends).map_or(true, |x| x.0 != w) {
                return None;
            }
        }
        members.clear();
        // Rightwards: the spans starting first at or after `p`, while joined.
        let mut p = e;
        for _ in 0..LIST_REACH {
            let first = spans.partition_point(|x| x.0 < p);
            let Some(&(m, _, _, _)) = spans.get(first) else { break };
            if !joined(p, m) {
                break;
            }
            let next = spans[first..].iter().take_while(|x| x.0 == m);
            p = next.clone().map(|x| x.1).max().unwrap_or(m);
            members.extend(next.map(|x| (x.2, x.3)));
            if p <= m {
                break;
            }
        }
        // Leftwards: the spans ending last at or before `q`, while joined.
        let mut q = s;
        for _ in 0..LIST_REACH {
            let last = by_end.partition_point(|x| x.0 <= q);
            if last == 0 {
                break;
            }
            let m = by_end[last - 1].0;
            if !joined(m, q) {
                break;
            }
            let prev = by_end[..last].iter().rev().take_while(|x| x.0 == m);
            q = prev.clone().map(|x| x.1).min().unwrap_or(m);
            members.extend(prev.map(|x| (x.2, x.3)));
            if q >= m {
                break;
            }
        }
        let cands = || (i..j).map(|k| ms[k].entity);
        let mut others = members.iter().flat_map(|&(a, b)| ms[a..b].iter().map(|x| x.entity));
        if others.any(|x| cands().any(|c| h.lineal(c, x))) {
            return None;
        }
        wanted.clear();
        wanted.extend(members.iter().filter(|&&(a, b)| b == a + 1 && !ms[a].ambiguous).filter_map(|&(a, _)| kind(ms[a].entity)));
        if wanted.is_empty() {
            return None;
        }
        let mut hit = cands().filter(|&c| kind(c).is_some_and(|k| wanted.contains(&k)));
        match (hit.next(), hit.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }));
}

/// The candidate whose prior is at least the hierarchy's ratio times every other's (and, with
/// ratio 1, strictly larger than every other's).
fn by_prior(h: &Hierarchy, cands: &[u32]) -> Option<u32> {
    let mut best: Option<(u32, f64)> = None;
    let mut second = 0.0f64;
    for &c in cands {
        let p = h.prior(c);
        match best {
            Some((_, bp)) if p <= bp => second = second.max(p),
            Some((_, bp)) => {
                second = second.max(bp);
                best = Some((c, p));
            }
            None => best = Some((c, p)),
        }
    }
    let (w, bp) = best?;
    (bp > 0.0 && bp >= h.ratio * second && bp > second).then_some(w)
}

impl Hierarchy {
    /// Heap bytes (for the matcher's memory report).
    pub fn memory(&self) -> usize {
        self.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("e{i}")).collect()
    }

    #[test]
    fn cycles_and_bad_parents_are_errors() {
        let id = ids(3);
        assert!(Hierarchy::new(&id, &[1, 2, 0], &[]).unwrap_err().to_string().contains("cycle"));
        assert!(Hierarchy::new(&id, &[0, NO_PARENT, NO_PARENT], &[]).unwrap_err().to_string().contains("own parent"));
        assert!(Hierarchy::new(&id, &[7, NO_PARENT, NO_PARENT], &[]).is_err());
        assert!(Hierarchy::new(&id, &[NO_PARENT; 3], &[Some(-1.0), None, None]).is_err());
        assert!(Hierarchy::new(&id, &[NO_PARENT; 3], &[Some(f64::NAN), None, None]).is_err());
        let h = Hierarchy::new(&id, &[1, 2, NO_PARENT], &[None, Some(3.0), None]).unwrap();
        assert_eq!(h.parent(0), Some(1));
        assert_eq!(h.parent(2), None);
        assert_eq!(h.prior(1), 3.0);
        assert_eq!(h.prior(0), 0.0);
    }

    #[test]
    fn level_map_is_nearest_ancestor_or_self_of_the_kind() {
        // 0 city -> 1 region -> 2 country; 3 city without parent
        let id = ids(4);
        let kinds: Vec<String> = ["city", "region", "country", "city"].iter().map(|s| s.to_string()).collect();
        let h = Hierarchy::new(&id, &[1, 2, NO_PARENT, NO_PARENT], &[]).unwrap();
        assert_eq!(h.level_map(&kinds, "country"), vec![2, 2, 2, NO_PARENT]);
        assert_eq!(h.level_map(&kinds, "city"), vec![0, NO_PARENT, NO_PARENT, 3]);
    }

    fn m(start: usize, end: usize, entity: u32, ambiguous: bool) -> Mention {
        Mention { start, end, start_byte: start, end_byte: end, entity, alias: 0, ambiguous, resolved_by: ResolvedBy::Unambiguous }
    }

    fn run(h: &Hierarchy, ms: &[Mention]) -> Vec<(usize, u32, bool, &'static str)> {
        let mut v = ms.to_vec();
        resolve_document(h, &[], "", &mut v, &mut ResolveScratch::default());
        v.iter().map(|x| (x.start, x.entity, x.ambiguous, x.resolved_by.label())).collect()
    }

    #[test]
    fn a_list_joins_a_span_to_the_kind_of_its_neighbours() {
        // 0 US (country), 1 Georgia the state (region, parent US), 2 Georgia the country,
        // 3 Italy (country), 4 Alabama (region, parent US); kinds: 0 country, 1 region.
        // 5 Atlanta (town, parent the state); kind 2.
        let h = Hierarchy::new(&ids(6), &[NO_PARENT, 0, NO_PARENT, NO_PARENT, 0, 1], &[]).unwrap();
        let kinds = [0, 1, 0, 0, 1, 2];
        let go = |text: &str, ms: &[Mention]| {
            let mut v = ms.to_vec();
            resolve_document(&h, &kinds, text, &mut v, &mut ResolveScratch::default());
            v.iter().map(|x| (x.start, x.entity, x.resolved_by.label())).collect::<Vec<_>>()
        };
        let ge = |s: usize| [m(s, s + 7, 1, true), m(s, s + 7, 2, true)];
        // "Italy, Georgia": the country; "Georgia and Alabama": the state
        let t = "Italy, Georgia";
        assert_eq!(go(t, &[[m(0, 5, 3, false)].as_slice(), &ge(7)].concat()), vec![(0, 3, ""), (7, 2, "list")]);
        let t = "Georgia and Alabama";
        assert_eq!(go(t, &[ge(0).as_slice(), &[m(12, 19, 4, false)]].concat()), vec![(0, 1, "list"), (12, 4, "")]);
        // no list (whitespace or a word between): undecided; and without kinds nothing changes
        let t = "Italy  Georgia";
        assert_eq!(go(t, &[[m(0, 5, 3, false)].as_slice(), &ge(7)].concat()), vec![(0, 3, ""), (7, 1, "none"), (7, 2, "none")]);
        assert_eq!(run(&h, &[[m(0, 5, 3, false)].as_slice(), &ge(7)].concat()), vec![
            (0, 3, false, ""),
            (7, 1, true, "none"),
            (7, 2, true, "none")
        ]);
        // neighbours of two kinds, one candidate each: the list does not decide (here the next
        // step does: Alabama is a sibling of the state)
        let t = "Italy, Georgia and Alabama";
        let ms = [[m(0, 5, 3, false)].as_slice(), &ge(7), &[m(19, 26, 4, false)]].concat();
        assert_eq!(go(t, &ms), vec![(0, 3, ""), (7, 1, "context"), (19, 4, "")]);
        // a place and its region ("Atlanta, Georgia"), even in a list: not the list's to decide
        // (context does: the state has a child mentioned)
        let t = "Italy, Atlanta, Georgia";
        let ms = [[m(0, 5, 3, false), m(7, 14, 5, false)].as_slice(), &ge(16)].concat();
        assert_eq!(go(t, &ms), vec![(0, 3, ""), (7, 5, ""), (16, 1, "context")]);
    }

    #[test]
    fn context_document_prior_none() {
        // 0 US, 1 Texas (parent US), 2 France, 3 Paris TX (parent Texas), 4 Paris FR (parent France)
        let id = ids(5);
        let h = Hierarchy::new(&id, &[NO_PARENT, 0, NO_PARENT, 1, 2], &[None, None, None, Some(25_000.0), Some(2_100_000.0)])
            .unwrap();
        // "Paris ... Texas": an ancestor of Paris TX is mentioned.
        assert_eq!(run(&h, &[m(0, 5, 3, true), m(0, 5, 4, true), m(10, 15, 1, false)]), vec![
            (0, 3, false, "context"),
            (10, 1, false, "")
        ]);
        // No context: the prior decides (ratio 84).
        assert_eq!(run(&h, &[m(0, 5, 3, true), m(0, 5, 4, true)]), vec![(0, 4, false, "prior")]);
        // The entity itself mentioned unambiguously elsewhere (e.g. by a longer alias).
        assert_eq!(run(&h, &[m(0, 5, 3, true), m(0, 5, 4, true), m(20, 32, 3, false)]), vec![
            (0, 3, false, "document"),
            (20, 3, false, "")
        ]);
        // A candidate's own mention outweighs a root relative's: "U.S. ... Georgia ... Georgian"
        // (0 US, 1 Georgia the state, parent US; 2 Georgia the country).
        let hg = Hierarchy::new(&ids(4), &[NO_PARENT, 0, NO_PARENT, 0], &[None, Some(10.7e6), Some(3.7e6), None]).unwrap();
        assert_eq!(run(&hg, &[m(0, 4, 0, false), m(10, 17, 1, true), m(10, 17, 2, true), m(30, 38, 2, false)]), vec![
            (0, 0, false, ""),
            (10, 2, false, "document"),
            (30, 2, false, "")
        ]);
        // Without it, the root relative decides when no prior dominates (2.9 times) ...
        assert_eq!(run(&hg, &[m(0, 4, 0, false), m(10, 17, 1, true), m(10, 17, 2, true)]), vec![
            (0, 0, false, ""),
            (10, 1, false, "context")
        ]);
        // ... and a dominant prior outweighs a root relative: "the US ... Melbourne" (0 US,
        // 1 Melbourne, Florida, parent US; 2 Melbourne, Australia, 60 times larger).
        let hm = Hierarchy::new(&ids(3), &[NO_PARENT, 0, NO_PARENT], &[None, Some(8.0e4), Some(4.9e6)]).unwrap();
        assert_eq!(run(&hm, &[m(0, 4, 0, false), m(10, 19, 1, true), m(10, 19, 2, true)]), vec![
            (0, 0, false, ""),
            (10, 2, false, "prior")
        ]);
        // A region of the town still decides: (3 Florida, parent US; 1 now under it).
        let hf = Hierarchy::new(&ids(4), &[NO_PARENT, 3, NO_PARENT, 0], &[None, Some(8.0e4), Some(4.9e6), None]).unwrap();
        assert_eq!(run(&hf, &[m(0, 7, 3, false), m(10, 19, 1, true), m(10, 19, 2, true)]), vec![
            (0, 3, false, ""),
            (10, 1, false, "context")
        ]);
        // A closer relative (a sibling, 3: another state) still decides over the own mention.
        assert_eq!(
            run(&hg, &[m(0, 4, 3, false), m(10, 17, 1, true), m(10, 17, 2, true), m(30, 38, 2, false)]),
            vec![(0, 3, false, ""), (10, 1, false, "context"), (30, 2, false, "")]
        );
        // Close priors: undecided.
        let h2 = Hierarchy::new(&id, &[NO_PARENT; 5], &[None, None, None, Some(1.0), Some(2.0)]).unwrap();
        assert_eq!(run(&h2, &[m(0, 5, 3, true), m(0, 5, 4, true)]), vec![(0, 3, true, "none"), (0, 4, true, "none")]);
    }

    #[test]
    fn ambiguous_spans_support_each_other() {
        // 0 US, 1 GA state (parent US), 2 GE country, 3 Gainesville GA (parent 1),
        // 4 Gainesville FL (parent 5), 5 FL state (parent US)
        let id = ids(6);
        let h = Hierarchy::new(&id, &[NO_PARENT, 0, NO_PARENT, 1, 5, 0], &[None, None, Some(1e9), None, Some(1e9), None])
            .unwrap();
        // "Georgia ... Gainesville": neither is decided by context, document or (before
        // support) prior; each supports the other's Georgia reading.
        let got = run(&h, &[m(0, 7, 1, true), m(0, 7, 2, true), m(20, 31, 3, true), m(20, 31, 4, true)]);
        assert_eq!(got, vec![(0, 1, false, "support"), (20, 3, false, "support")]);
        // A tie of votes decides nothing: the prior then does.
        let got = run(&h, &[m(20, 31, 3, true), m(20, 31, 4, true), m(40, 47, 1, true), m(40, 47, 5, true)]);
        assert_eq!(got[0], (20, 4, false, "prior"));
    }

    #[test]
    fn siblings_and_children_count_as_context() {
        // 0 US, 1 GA state (parent US), 2 GE country, 3 Atlanta (parent GA), 4 Alabama (parent US)
        let id = ids(5);
        let h = Hierarchy::new(&id, &[NO_PARENT, 0, NO_PARENT, 1, 0], &[]).unwrap();
        // child mentioned
        assert_eq!(run(&h, &[m(0, 7, 1, true), m(0, 7, 2, true), m(9, 16, 3, false)])[0], (0, 1, false, "context"));
        // sibling mentioned
        assert_eq!(run(&h, &[m(0, 7, 1, true), m(0, 7, 2, true), m(9, 16, 4, false)])[0], (0, 1, false, "context"));
        // nothing: both kept, flagged
        assert_eq!(run(&h, &[m(0, 7, 1, true), m(0, 7, 2, true)]).len(), 2);
    }
}
