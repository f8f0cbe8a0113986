//! The compiled matcher (docs/matching.md): candidates by anchored automaton walks at word starts, then
//! resolution.
//!
//! # Design
//! Aliases are grouped by the *view* of the text they must be compared in (accent folding on or
//! off × lowercase on or off, [`ViewSpec`]); a view exists only if some alias needs it, so the
//! default matcher builds one. Smart-case aliases are compiled as two literal patterns (as written
//! and in capitals), sensitive ones as one, insensitive ones lowercased into a lowercase view:
//! case therefore never needs a check after the automaton.
//!
//! Each view's patterns go into one automaton with *anchored* starts only: for a small view
//! without accent folding (country-size gazetteers), the patterns' trie as a dense table
//! ([`trie`], scanned by `scan_trie`); otherwise an Aho-Corasick automaton (a DFA while its
//! table is cache-sized, a contiguous NFA for large gazetteers). The text is walked from every
//! position where a word may start (docs/matching.md, Word boundaries: a word character after a non-word one, any
//! character of an unspaced script, or a non-word character that begins some alias), and each
//! walk reports every alias that is a prefix of the text there. Every report is a candidate once
//! its end boundary holds (globs extend to the end of the word instead), so the candidate set is
//! exactly the overlap rule's (docs/matching.md, Overlaps), filtered *before* resolution, and the walk never visits mid-word
//! positions, which is what keeps a 220k-alias gazetteer fast.
//!
//! # Cost bound (any gazetteer)
//! A walk stops where no alias continues, so it reads at most the longest alias (in view
//! bytes) and reports at most one pattern per step (its own; see `report`). With
//! `overlaps="longest"` a walk keeps only the longest span the context rules let through
//! (`Matcher::keep_longest`): the candidates are at most one span per start position, and
//! matching costs O(text × longest alias) time and O(text) memory, however the aliases nest.
//! With `overlaps="all"` every candidate is the result, so the cost also grows with it.

use std::sync::atomic::{AtomicBool, Ordering};

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, nfa, Anchored, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

mod gate;
mod trie;

use super::alias::parse_alias;
use super::bytescan::{word_start_masks, ByteSet, Finder, MASK_BLOCKS};
use super::chars::{count_chars, is_space, is_unspaced, is_word, lower, map_punct, upper};
use super::context::{after_article, in_capitalized_run, in_company_name, list_gap, PhraseCase, Rule, Verdict};
use super::error::{try_reserve, Error, Result};
use super::normalize::{decode_at, decode_before, normalize_str, View, ViewSpec};
use super::resolve::{resolve_document, Hierarchy, ResolveScratch, ResolvedBy};

/// Case rule (docs/matching.md, Case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Exactly as written, or in all capitals (default).
    Smart,
    /// Exactly as written.
    Sensitive,
    /// Per-character simple lowercase on both sides.
    Insensitive,
}

/// Overlap rule (docs/matching.md, Overlaps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Overlaps {
    /// Leftmost, then longest; overlapped candidates dropped (default).
    Longest,
    /// Every candidate.
    All,
}

/// What to do with a span that aliases of several entities match (see [`super::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ambiguous {
    /// Choose by document context, one sense per document and prior; report what stays
    /// undecided once per candidate, flagged (default).
    Resolve,
    /// One row per entity, flagged ambiguous.
    All,
    /// Drop spans matched by several entities.
    Skip,
}

/// Candidates inside a longer run of capitalised words (see [`super::context`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Runs {
    /// Keep them (also what a matcher saved before the option existed reads as).
    #[default]
    Keep,
    /// Remove them before resolution (counted); also what `Companies` removes.
    Skip,
    /// Remove only a name-form candidate inside a run of capitalised words that ends in a
    /// company suffix ("American Barrick Resources Corp"), before resolution (counted).
    Companies,
}

impl Runs {
    /// Whether this option removes the candidate `text[start..end]`.
    pub fn removes(self, text: &str, start: usize, end: usize) -> bool {
        match self {
            Runs::Keep => false,
            Runs::Companies => in_company_name(text, start, end),
            Runs::Skip => in_capitalized_run(text, start, end) || in_company_name(text, start, end),
        }
    }
}

/// Matcher-wide options; `case` and `fold_accents` are defaults that an alias may override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Default case rule.
    pub case: CaseMode,
    /// Default accent folding.
    pub fold_accents: bool,
    /// Overlap resolution.
    pub overlaps: Overlaps,
    /// Ambiguity handling.
    pub ambiguous: Ambiguous,
    /// Name-form candidates inside longer capitalised runs.
    #[serde(default)]
    pub capitalized_runs: Runs,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            case: CaseMode::Smart,
            fold_accents: false,
            overlaps: Overlaps::Longest,
            ambiguous: Ambiguous::Resolve,
            capitalized_runs: Runs::Keep,
        }
    }
}

/// Context rule of an entity or of one alias: phrases that must not directly follow
/// (`not_before`) or precede (`not_after`) its candidates (see [`super::context`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInput {
    /// The entity whose every alias the rule applies to, or `None` for an alias rule (or a
    /// rule of several entities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
    /// Several entities sharing one rule (each as if it had a rule of its own with these
    /// phrases): a gazetteer that gives 30,000 cities the same list of given names hands it
    /// over once. Empty for a rule of one entity or one alias.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<u32>,
    /// The alias (index into [`MatcherSpec::aliases`]) the rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<u32>,
    /// Phrases that must not follow a candidate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_before: Vec<String>,
    /// Phrases that must not precede a candidate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_after: Vec<String>,
    /// Phrases that, directly before a candidate, make it part of a person's name (a given
    /// name or a title: "Monica" before "French"). The candidate is removed, and so are the
    /// document's other candidates with the same text unless they stand in a list beside
    /// another candidate (see [`Matcher::find_bytes_into`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub person_after: Vec<String>,
}

/// One alias as handed to the compiler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasInput {
    /// The alias as written in the gazetteer (may end in a glob `*`).
    pub text: String,
    /// Index of its entity in [`MatcherSpec::ids`].
    pub entity: u32,
    /// Per-alias case override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseMode>,
    /// Per-alias accent-folding override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fold_accents: Option<bool>,
}

/// Everything a matcher is built from: the flat gazetteer, the ignore phrases and the options.
/// This is also what `save` stores (the automaton is rebuilt on load).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatcherSpec {
    /// Entity ids, in gazetteer order.
    pub ids: Vec<String>,
    /// Display names, parallel to `ids`.
    pub names: Vec<String>,
    /// Kinds, parallel to `ids`.
    pub kinds: Vec<String>,
    /// All aliases of all entities.
    pub aliases: Vec<AliasInput>,
    /// Ignore phrases (docs/matching.md).
    pub ignore: Vec<String>,
    /// Options.
    pub options: Options,
    /// Parent entity index per entity ([`super::resolve::NO_PARENT`] for none); empty when no
    /// entity has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<u32>,
    /// Prior per entity (`None` for none); empty when no entity has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priors: Vec<Option<f64>>,
    /// Context rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleInput>,
    /// Margin of the prior step of resolution (`None`: [`super::resolve::PRIOR_RATIO`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_ratio: Option<f64>,
    /// Opaque data carried along for the caller (the Python package stores the gazetteer's
    /// attributes here so that a saved matcher restores its full gazetteer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub extra: String,
}

/// Entity index used for ignore phrases.
pub const IGNORE: u32 = u32::MAX;

/// Nesting allowed in the opaque `extra` JSON of a loaded spec.
const EXTRA_MAX_DEPTH: usize = 64;

impl MatcherSpec {
    /// Checks the whole structure of a spec read from a file before anything is built from it:
    /// table lengths agree, ids are unique, every entity, alias and parent index is in range
    /// (an alias never points to the ignore-phrase index), priors are finite and
    /// non-negative, parents form a forest, context rules name one target each at most once,
    /// `prior_ratio` is >= 1 and `extra` is empty or a JSON object nested at most 64 deep.
    /// Alias texts are checked when the matcher is compiled.
    ///
    /// # Errors
    /// A message naming the field (`spec.aliases[3].entity: ...`).
    ///
    /// # Examples
    /// ```
    /// use gazetta::core::{AliasInput, MatcherSpec};
    /// let mut s = MatcherSpec { ids: vec!["JP".into()], names: vec!["Japan".into()], kinds: vec!["".into()],
    ///     ..Default::default() };
    /// s.aliases.push(AliasInput { text: "Japan".into(), entity: 0, case: None, fold_accents: None });
    /// assert!(s.validate().is_ok());
    /// s.aliases[0].entity = u32::MAX;
    /// assert!(s.validate().unwrap_err().starts_with("spec.aliases[0].entity"));
    /// ```
    pub fn validate(&self) -> std::result::Result<(), String> {
        let n = self.ids.len();
        if n >= u32::MAX as usize {
            return Err(format!("spec.ids: {n} entities, more than the {} an index can hold", u32::MAX - 1));
        }
        if self.aliases.len() + self.ignore.len() >= u32::MAX as usize {
            return Err("spec.aliases: more aliases and ignore phrases than an index can hold".into());
        }
        for (field, len) in [("names", self.names.len()), ("kinds", self.kinds.len())] {
            if len != n {
                return Err(format!("spec.{field}: {len} entries for {n} ids"));
            }
        }
        let mut seen = std::collections::HashSet::with_capacity(n);
        for (i, id) in self.ids.iter().enumerate() {
            if !seen.insert(id.as_str()) {
                return Err(format!("spec.ids[{i}]: duplicate id {id:?}"));
            }
        }
        for (i, a) in self.aliases.iter().enumerate() {
            if a.entity as usize >= n {
                return Err(format!("spec.aliases[{i}].entity: {} is out of range ({n} entities)", a.entity));
            }
        }
        if !self.parents.is_empty() {
            if self.parents.len() != n {
                return Err(format!("spec.parents: {} entries for {n} ids", self.parents.len()));
            }
            for (i, &p) in self.parents.iter().enumerate() {
                if p != super::resolve::NO_PARENT && p as usize >= n {
                    return Err(format!("spec.parents[{i}]: {p} is out of range ({n} entities)"));
                }
            }
        }
        if !self.priors.is_empty() {
            if self.priors.len() != n {
                return Err(format!("spec.priors: {} entries for {n} ids", self.priors.len()));
            }
            for (i, p) in self.priors.iter().enumerate() {
                if let Some(v) = p {
                    if !v.is_finite() || *v < 0.0 {
                        return Err(format!("spec.priors[{i}]: {v} is not a finite non-negative number"));
                    }
                }
            }
        }
        // Cycles and self-parents, with the hierarchy's own messages.
        Hierarchy::new(&self.ids, &self.parents, &self.priors).map_err(|e| format!("spec.parents: {e}"))?;
        if let Some(r) = self.prior_ratio {
            if r.is_nan() || r < 1.0 {
                return Err(format!("spec.prior_ratio: must be a number >= 1, not {r}"));
            }
        }
        let mut entity_rule = std::collections::HashSet::new();
        let mut alias_rule = std::collections::HashSet::new();
        for (k, r) in self.rules.iter().enumerate() {
            let fresh = match (r.entity, r.alias, r.entities.is_empty()) {
                (Some(e), None, true) if (e as usize) < n => entity_rule.insert(e),
                (None, Some(a), true) if (a as usize) < self.aliases.len() => alias_rule.insert(a),
                (None, None, false) if r.entities.iter().all(|&e| (e as usize) < n) => {
                    r.entities.iter().all(|&e| entity_rule.insert(e))
                }
                _ => {
                    return Err(format!(
                        "spec.rules[{k}]: must name one entity (< {n}), entities (each < {n}) or one alias (< {}), \
                         not entity {:?} / {} entities / alias {:?}",
                        self.aliases.len(),
                        r.entity,
                        r.entities.len(),
                        r.alias
                    ))
                }
            };
            if !fresh {
                return Err(format!("spec.rules[{k}]: a second rule for the same target"));
            }
            if r.not_before.is_empty() && r.not_after.is_empty() && r.person_after.is_empty() {
                return Err(format!("spec.rules[{k}]: no phrase"));
            }
        }
        if !self.extra.is_empty() {
            let v: serde_json::Value =
                serde_json::from_str(&self.extra).map_err(|e| format!("spec.extra: not valid JSON ({e})"))?;
            if !v.is_object() {
                return Err("spec.extra: not a JSON object".into());
            }
            fn depth(v: &serde_json::Value) -> usize {
                match v {
                    serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
                    serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
                    _ => 0,
                }
            }
            if depth(&v) > EXTRA_MAX_DEPTH {
                return Err(format!("spec.extra: nested more than {EXTRA_MAX_DEPTH} deep"));
            }
        }
        Ok(())
    }
}

/// One reported mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Start, in code points of the original text.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Start, in bytes of the original (UTF-8) text.
    pub start_byte: usize,
    /// End, in bytes.
    pub end_byte: usize,
    /// Entity index.
    pub entity: u32,
    /// Alias index (into [`MatcherSpec::aliases`]).
    pub alias: u32,
    /// Whether the span is matched by several entities and still undecided.
    pub ambiguous: bool,
    /// How an ambiguous span was decided.
    pub resolved_by: ResolvedBy,
}

#[derive(Debug, Clone, Copy)]
struct AliasInfo {
    entity: u32,
    glob: bool,
}

enum Engine {
    Dfa(dfa::DFA),
    Nfa(nfa::contiguous::NFA),
    /// Small views without accent folding or token gate ([`trie`]; walked by [`scan_trie`]).
    Trie(trie::Trie),
}

struct ViewMatcher {
    spec: ViewSpec,
    engine: Engine,
    /// `targets[target_start[pid]..target_start[pid + 1]]` are the aliases of pattern `pid`.
    target_start: Vec<u32>,
    targets: Vec<u32>,
    /// Non-word characters that begin some pattern (rare: `'s-Hertogenbosch`).
    starters: Vec<char>,
    /// `first_byte[b]`: some pattern begins with byte `b`. Most word starts fail this test
    /// (with smart case, no country alias begins with a lower-case letter), so they cost one
    /// table lookup instead of an automaton walk.
    first_byte: [bool; 256],
    /// `second_byte[b1] >> b2 & 1`: some pattern begins with the ASCII bytes `b1 b2` (or is
    /// just `b1`). A second cheap filter before a walk.
    second_byte: [u128; 128],
    /// Bytes where the direct scan ([`scan_direct`]) stops to look: ASCII bytes whose view
    /// byte begins some pattern, and lead bytes of non-ASCII characters.
    skip: ByteSet,
    /// The token gate of [`scan_direct`] (large gazetteers; see [`gate`]).
    gate: Option<gate::TokenGate>,
}

/// A compiled, immutable, thread-safe matcher.
pub struct Matcher {
    spec: MatcherSpec,
    aliases: Vec<AliasInfo>,
    views: Vec<ViewMatcher>,
    heap_bytes: usize,
    hierarchy: Hierarchy,
    /// Compiled context rules; `entity_rule[e]` / `alias_rule[a]` index them (`NO_RULE`: none).
    rules: Vec<CompiledRule>,
    entity_rule: Vec<u32>,
    alias_rule: Vec<u32>,
    /// A number per entity for its kind (empty when every entity has one kind): the list step
    /// of resolution compares kinds.
    kind_ids: Vec<u32>,
}

const NO_RULE: u32 = u32::MAX;

/// A compiled context rule and the view its phrases compare in.
type CompiledRule = (Rule, ViewSpec);

/// Candidates removed before resolution, by reason (see [`super::context`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    /// By `not_before` / `not_after` phrase rules.
    pub rules: u64,
    /// By `capitalized_runs="skip"` or `"companies"`.
    pub runs: u64,
}

impl Removed {
    /// Adds another count.
    pub fn add(&mut self, o: Removed) {
        self.rules += o.rules;
        self.runs += o.runs;
    }
}

// Compile-time proof that a Matcher can be shared across rayon workers.
const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Matcher>();
};

/// Patterns from which a view gets a token gate ([`gate`]).
const GATE_MIN_PATTERNS: usize = 20_000;

/// Pattern bytes up to which a DFA is built; above it a contiguous NFA (a DFA for the 220k-alias
/// GeoNames gazetteer would take gigabytes).
const DFA_MAX_PATTERN_BYTES: usize = 300_000;

/// Largest DFA kept (bytes of transition table); above it the contiguous NFA is used.
const DFA_MAX_BYTES: usize = 256 * 1024;

/// Largest anchored trie kept (bytes of its dense transition table; [`trie`]): the built-in
/// countries (about 2,000 patterns with their capitals) take about 2 MB. Above it, or for a view
/// with accent folding or a token gate, the Aho-Corasick engines above.
const TRIE_MAX_BYTES: usize = 8 << 20;

/// Dense levels of the contiguous NFA.
const NFA_DENSE_DEPTH: usize = 2;

/// A candidate span before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cand {
    /// Byte offsets into the original text (converted to code points after resolution;
    /// the order and overlap of spans are the same in both).
    start: usize,
    end: usize,
    entity: u32,
    alias: u32,
}

/// Reusable per-thread buffers.
#[derive(Default)]
pub struct Scratch {
    views: Vec<View>,
    cands: Vec<Cand>,
    tail: Vec<Mention>,
    resolve: ResolveScratch,
    /// Candidates removed by context rules since the last [`Scratch::take_removed`].
    removed: Removed,
    /// The word-start masks of [`scan_trie`] (kept, so that short documents do not clear a
    /// new buffer each).
    masks: Vec<u64>,
}

impl Scratch {
    /// The candidates removed by context rules since the last call, and resets the count.
    pub fn take_removed(&mut self) -> Removed {
        std::mem::take(&mut self.removed)
    }
}

impl Matcher {
    /// Compiles a matcher.
    ///
    /// # Errors
    /// [`Error::BadAlias`] for an alias or ignore phrase that breaks the alias rules (docs/gazetteers.md),
    /// [`Error::InvalidInput`] for inconsistent tables, [`Error::Build`] if the automaton fails.
    ///
    /// # Examples
    /// ```
    /// use gazetta::core::matcher::{AliasInput, Matcher, MatcherSpec};
    /// let spec = MatcherSpec {
    ///     ids: vec!["KP".into(), "KR".into()],
    ///     names: vec!["North Korea".into(), "South Korea".into()],
    ///     kinds: vec!["country".into(), "country".into()],
    ///     aliases: vec![
    ///         AliasInput { text: "North Korea".into(), entity: 0, case: None, fold_accents: None },
    ///         AliasInput { text: "Korea".into(), entity: 1, case: None, fold_accents: None },
    ///     ],
    ///     ..Default::default()
    /// };
    /// let m = Matcher::new(spec).unwrap();
    /// let found = m.find("North  Korea’s envoy met KOREA’s.");
    /// assert_eq!(found.iter().map(|x| (x.start, x.end, x.entity)).collect::<Vec<_>>(),
    ///            vec![(0, 12, 0), (25, 30, 1)]);
    /// ```
    ///
    /// # Resource usage
    /// Building the 583 English newsmap country aliases takes a few milliseconds and keeps a
    /// 1.8 MB trie (3.0 MB for the 954 aliases of the built-in `countries()`); the 229k
    /// GeoNames city aliases take 2–3 s (peak about 300 MB above the start) and keep about
    /// 42 MB of automata plus a 1 MiB token gate (see README for measurements).
    pub fn new(spec: MatcherSpec) -> Result<Matcher> {
        Matcher::with_gate_threshold(spec, GATE_MIN_PATTERNS)
    }

    /// [`Matcher::new`], with the token gate ([`gate`]) built for views of at least
    /// `gate_min_patterns` patterns (default 20,000). The results never depend on it; tests
    /// and fuzzing set 0 (gate everywhere) or `usize::MAX` (never) to check exactly that.
    #[doc(hidden)]
    pub fn with_gate_threshold(spec: MatcherSpec, gate_min_patterns: usize) -> Result<Matcher> {
        Matcher::with_tuning(spec, gate_min_patterns, DFA_MAX_BYTES)
    }

    /// [`Matcher::with_gate_threshold`], also choosing the largest DFA kept (`dfa_max_bytes`;
    /// default 256 KiB, 0: always the NFA). For benchmarks and tests of the engine choice.
    #[doc(hidden)]
    pub fn with_tuning(spec: MatcherSpec, gate_min_patterns: usize, dfa_max_bytes: usize) -> Result<Matcher> {
        let trie_max = if dfa_max_bytes == 0 { 0 } else { TRIE_MAX_BYTES };
        Matcher::with_engines(spec, gate_min_patterns, dfa_max_bytes, trie_max)
    }

    /// [`Matcher::with_tuning`], also choosing the largest anchored trie kept (`trie_max_bytes`;
    /// default 8 MiB, 0: never; [`trie`]). For benchmarks and tests of the engine choice.
    #[doc(hidden)]
    pub fn with_engines(
        spec: MatcherSpec,
        gate_min_patterns: usize,
        dfa_max_bytes: usize,
        trie_max_bytes: usize,
    ) -> Result<Matcher> {
        let n_ent = spec.ids.len();
        if spec.names.len() != n_ent || spec.kinds.len() != n_ent {
            return Err(Error::InvalidInput(format!(
                "{} ids, {} names and {} kinds",
                n_ent,
                spec.names.len(),
                spec.kinds.len()
            )));
        }
        let opts = spec.options;
        // (view spec) -> (pattern string -> pattern id), patterns, targets per pattern
        struct Acc {
            spec: ViewSpec,
            index: std::collections::HashMap<String, usize>,
            patterns: Vec<String>,
            targets: Vec<Vec<u32>>,
        }
        let mut accs: Vec<Acc> = Vec::new();
        let mut aliases: Vec<AliasInfo> = Vec::with_capacity(spec.aliases.len() + spec.ignore.len());

        let all_inputs = spec
            .aliases
            .iter()
            .map(|a| (a.text.as_str(), a.entity, a.case, a.fold_accents))
            .chain(spec.ignore.iter().map(|t| (t.as_str(), IGNORE, None, None)));
        for (idx, (text, entity, case, fold)) in all_inputs.enumerate() {
            // Only ignore phrases carry IGNORE: an alias pointing there is out of range too.
            if (idx < spec.aliases.len() || entity != IGNORE) && entity as usize >= n_ent {
                return Err(Error::InvalidInput(format!(
                    "alias #{idx} ({text:?}) points to entity #{entity}, but there are only {n_ent}"
                )));
            }
            let parsed = parse_alias(text).map_err(|problem| Error::BadAlias {
                text: text.to_string(),
                entity: if entity == IGNORE { "<ignore>".to_string() } else { spec.ids[entity as usize].clone() },
                alias_index: idx,
                problem,
            })?;
            let case = case.unwrap_or(opts.case);
            let fold = fold.unwrap_or(opts.fold_accents);
            let vspec = ViewSpec { fold, lower: case == CaseMode::Insensitive };
            let base = normalize_str(&parsed.literal, vspec);
            let mut variants = vec![base.clone()];
            if case == CaseMode::Smart {
                let up: String = base.chars().map(upper).collect();
                if up != base {
                    variants.push(up);
                }
            }
            let acc_i = match accs.iter().position(|a| a.spec == vspec) {
                Some(i) => i,
                None => {
                    accs.push(Acc { spec: vspec, index: Default::default(), patterns: vec![], targets: vec![] });
                    accs.len() - 1
                }
            };
            let acc = &mut accs[acc_i];
            for v in variants {
                let pid = match acc.index.get(&v) {
                    Some(&p) => p,
                    None => {
                        acc.patterns.push(v.clone());
                        acc.targets.push(Vec::new());
                        acc.index.insert(v, acc.patterns.len() - 1);
                        acc.patterns.len() - 1
                    }
                };
                acc.targets[pid].push(idx as u32);
            }
            aliases.push(AliasInfo { entity, glob: parsed.glob });
        }
        accs.sort_by_key(|a| a.spec);
        let mut views = Vec::with_capacity(accs.len());
        let mut heap_bytes = 0usize;
        for acc in accs {
            let total: usize = acc.patterns.iter().map(|p| p.len()).sum();
            // A DFA only while its transition table stays cache-sized: each step of a walk is
            // a load from that table, and a table of megabytes (the 583 country aliases and
            // their capitals already make 4 MB) turns most steps into cache misses; the
            // contiguous NFA is ten times smaller (dense first levels, sparse below).
            let gated = acc.patterns.len() >= gate_min_patterns && !acc.spec.fold;
            let trie = if acc.spec.fold || gated {
                None
            } else {
                trie::Trie::new(&acc.patterns, acc.spec.lower, trie_max_bytes)
            };
            let dfa = if trie.is_some() {
                None
            } else if total <= DFA_MAX_PATTERN_BYTES {
                let d = dfa::DFA::builder()
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Anchored)
                    .prefilter(false)
                    .byte_classes(true)
                    .build(&acc.patterns)
                    .map_err(|e| Error::Build(e.to_string()))?;
                (d.memory_usage() <= dfa_max_bytes).then_some(d)
            } else {
                None
            };
            let engine = match (trie, dfa) {
                (Some(t), _) => Engine::Trie(t),
                (None, Some(d)) => Engine::Dfa(d),
                (None, None) => {
                    let n = nfa::contiguous::NFA::builder()
                        .match_kind(MatchKind::Standard)
                        .prefilter(false)
                        .dense_depth(NFA_DENSE_DEPTH)
                        .byte_classes(true)
                        .build(&acc.patterns)
                        .map_err(|e| Error::Build(e.to_string()))?;
                    Engine::Nfa(n)
                }
            };
            heap_bytes += match &engine {
                Engine::Dfa(d) => d.memory_usage(),
                Engine::Nfa(n) => n.memory_usage(),
                Engine::Trie(t) => t.heap_bytes(),
            };
            let mut target_start = Vec::with_capacity(acc.targets.len() + 1);
            let mut targets = Vec::new();
            let mut starters: Vec<char> = Vec::new();
            for (pid, t) in acc.targets.iter().enumerate() {
                target_start.push(targets.len() as u32);
                targets.extend_from_slice(t);
                if let Some(c0) = acc.patterns[pid].chars().next() {
                    if !is_word(c0) && !starters.contains(&c0) {
                        starters.push(c0);
                    }
                }
            }
            target_start.push(targets.len() as u32);
            heap_bytes += target_start.len() * 4 + targets.len() * 4;
            let mut first_byte = [false; 256];
            let mut second_byte = [0u128; 128];
            for p in &acc.patterns {
                let pb = p.as_bytes();
                if let Some(&b) = pb.first() {
                    first_byte[b as usize] = true;
                    if b < 0x80 {
                        match pb.get(1) {
                            Some(&b2) if b2 < 0x80 => second_byte[b as usize] |= 1u128 << b2,
                            Some(_) => {} // a non-ASCII second byte: such text is always walked
                            None => second_byte[b as usize] = u128::MAX,
                        }
                    }
                }
            }
            let norm = if acc.spec.lower { &NORM_LOWER } else { &NORM_PLAIN };
            let mut interesting = [false; 256];
            for b in 0..128usize {
                interesting[b] = first_byte[norm[b] as usize];
            }
            for slot in interesting.iter_mut().skip(0xC0) {
                *slot = true;
            }
            let skip = ByteSet::new(&interesting);
            let gate = if gated {
                let glob: Vec<bool> = acc
                    .targets
                    .iter()
                    .map(|t| t.iter().any(|&a| aliases[a as usize].glob))
                    .collect();
                gate::TokenGate::new(&acc.patterns, &glob, norm, acc.spec.lower)
            } else {
                None
            };
            heap_bytes += gate.as_ref().map_or(0, |g| g.heap_bytes());
            views.push(ViewMatcher {
                spec: acc.spec,
                engine,
                target_start,
                targets,
                starters,
                first_byte,
                second_byte,
                skip,
                gate,
            });
        }
        heap_bytes += aliases.len() * std::mem::size_of::<AliasInfo>();
        let parents: Vec<u32> = spec.parents.clone();
        let mut hierarchy = Hierarchy::new(&spec.ids, &parents, &spec.priors)?;
        if let Some(r) = spec.prior_ratio {
            hierarchy = hierarchy.with_ratio(r)?;
        }
        heap_bytes += hierarchy.memory();
        let mut rules = Vec::with_capacity(spec.rules.len());
        // (not_before, not_after, person_after, view, case) of each compiled rule: identical
        // rules (one list shared by many entities) are compiled once.
        type RuleKey = (Vec<String>, Vec<String>, Vec<String>, ViewSpec, CaseMode);
        let mut seen_rules: std::collections::HashMap<RuleKey, u32> = std::collections::HashMap::new();
        let mut entity_rule = Vec::new();
        let mut alias_rule = Vec::new();
        for (k, r) in spec.rules.iter().enumerate() {
            // The targets of the rule: (an alias?, index).
            let targets: Vec<(bool, usize)> = match (r.entity, r.alias, r.entities.is_empty()) {
                (Some(e), None, true) if (e as usize) < n_ent => vec![(false, e as usize)],
                (None, Some(a), true) if (a as usize) < spec.aliases.len() => vec![(true, a as usize)],
                (None, None, false) if r.entities.iter().all(|&e| (e as usize) < n_ent) => {
                    r.entities.iter().map(|&e| (false, e as usize)).collect()
                }
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "context rule #{k} must name one entity, entities or one alias in range"
                    )))
                }
            };
            let owner = match targets[0] {
                (true, a) => spec.ids[spec.aliases[a].entity as usize].clone(),
                (false, e) => spec.ids[e].clone(),
            };
            // Phrases compare with the matcher's (or, for an alias rule, the alias's) case and
            // accent options.
            let (case, fold) = match r.alias {
                Some(a) => {
                    let ai = &spec.aliases[a as usize];
                    (ai.case.unwrap_or(opts.case), ai.fold_accents.unwrap_or(opts.fold_accents))
                }
                None => (opts.case, opts.fold_accents),
            };
            let vspec = ViewSpec { fold, lower: case == CaseMode::Insensitive };
            if r.not_before.is_empty() && r.not_after.is_empty() && r.person_after.is_empty() {
                return Err(Error::InvalidInput(format!("context rule #{k} of {owner:?} has no phrase")));
            }
            // Gazetteers often give many entities the same phrase lists (the built-in countries
            // share one list of about 60 phrases): compile each distinct rule once.
            let key = (r.not_before.clone(), r.not_after.clone(), r.person_after.clone(), vspec, case);
            let index = match seen_rules.get(&key) {
                Some(&shared) => shared,
                None => {
                    let pcase = PhraseCase { spec: vspec, smart: case == CaseMode::Smart };
                    let rule = Rule::with_persons(&r.not_before, &r.not_after, &r.person_after, pcase, &owner)?;
                    let index = rules.len() as u32;
                    seen_rules.insert(key, index);
                    rules.push((rule, vspec));
                    index
                }
            };
            for (is_alias, idx) in targets {
                let (slot, len) = if is_alias { (&mut alias_rule, spec.aliases.len()) } else { (&mut entity_rule, n_ent) };
                if slot.is_empty() {
                    slot.resize(len, NO_RULE);
                }
                if slot[idx] != NO_RULE {
                    let owner = if is_alias { &spec.ids[spec.aliases[idx].entity as usize] } else { &spec.ids[idx] };
                    return Err(Error::InvalidInput(format!("two context rules for the same target (rule #{k}, {owner:?})")));
                }
                slot[idx] = index;
            }
        }
        heap_bytes += (entity_rule.len() + alias_rule.len()) * 4;
        // Kind numbers for the list step of resolution; none when every entity has one kind.
        let kind_ids: Vec<u32> = if spec.kinds.windows(2).any(|w| w[0] != w[1]) {
            let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
            spec.kinds.iter().map(|k| {
                if k.is_empty() {
                    return super::resolve::NO_KIND;
                }
                let n = seen.len() as u32;
                *seen.entry(k.as_str()).or_insert(n)
            }).collect()
        } else {
            Vec::new()
        };
        heap_bytes += kind_ids.len() * 4;
        Ok(Matcher { spec, aliases, views, heap_bytes, hierarchy, rules, entity_rule, alias_rule, kind_ids })
    }

    /// The inputs this matcher was built from.
    pub fn spec(&self) -> &MatcherSpec {
        &self.spec
    }

    /// Approximate heap size of the compiled automata and tables, in bytes (not counting the
    /// [`MatcherSpec`] strings kept for saving and reporting).
    pub fn heap_bytes(&self) -> usize {
        self.heap_bytes
    }

    /// Number of automaton patterns across views (aliases × case variants, deduplicated).
    pub fn pattern_count(&self) -> usize {
        self.views.iter().map(|v| v.target_start.len() - 1).sum()
    }

    /// All mentions in `text`, in order (start ascending, longer first, then gazetteer order).
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let never = AtomicBool::new(false);
        // Cannot be cancelled, so it cannot fail.
        let _ = self.find_into(text, &mut scratch, &mut out, &never);
        out
    }

    /// Like [`Matcher::find`], appending to `out` and reusing `scratch`. Checks `cancel` about
    /// every 64 KiB of text.
    ///
    /// # Errors
    /// [`Error::Cancelled`] when `cancel` was set.
    pub fn find_into(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Mention>, cancel: &AtomicBool) -> Result<()> {
        let base = out.len();
        self.find_bytes_into(text, scratch, out, cancel)?;
        fill_code_points(text, &mut out[base..]);
        Ok(())
    }

    /// [`Matcher::find_into`] with byte offsets only: `start`/`end` (the code-point offsets)
    /// are left at 0. For callers that never hand offsets to Python (the co-occurrence
    /// counter), it saves the pass that counts code points in non-ASCII texts.
    ///
    /// # Errors
    /// [`Error::Cancelled`] when `cancel` was set.
    pub fn find_bytes_into(
        &self,
        text: &str,
        scratch: &mut Scratch,
        out: &mut Vec<Mention>,
        cancel: &AtomicBool,
    ) -> Result<()> {
        scratch.cands.clear();
        let filter = !self.rules.is_empty() || self.spec.options.capitalized_runs != Runs::Keep;
        let longest = self.spec.options.overlaps == Overlaps::Longest;
        let mut removed = Removed::default();
        // Spans that a `person_after` phrase removed (names of people in this document).
        let mut persons: Vec<(usize, usize)> = Vec::new();
        // Called after every walk with the index of its first candidate and the size of a
        // failed allocation (0: none).
        let mut after_walk = |cands: &mut Vec<Cand>, mark: usize, oom: usize| -> Result<()> {
            if oom != 0 {
                return Err(Error::Memory { bytes: oom, what: "match candidates" });
            }
            if longest {
                self.keep_longest(text, cands, mark, filter, &mut removed, &mut persons);
            }
            Ok(())
        };
        if scratch.views.len() < self.views.len() {
            scratch.views.resize_with(self.views.len(), View::default);
        }
        for (vm, view) in self.views.iter().zip(scratch.views.iter_mut()) {
            if vm.spec.fold {
                // Accent folding changes character counts: walk a normalised copy.
                view.build(text, vm.spec);
                match &vm.engine {
                    Engine::Dfa(a) => scan(a, vm, &self.aliases, view, &mut scratch.cands, &mut after_walk, cancel)?,
                    Engine::Nfa(a) => scan(a, vm, &self.aliases, view, &mut scratch.cands, &mut after_walk, cancel)?,
                    // Never built for a folded view (see `with_engines`).
                    Engine::Trie(_) => return Err(Error::Build("a trie engine on a view with accent folding".into())),
                }
            } else {
                // Without folding, normalisation is a per-character map plus whitespace
                // collapsing, done on the fly inside each walk: no copy of the text.
                match &vm.engine {
                    Engine::Dfa(a) => scan_direct(a, vm, &self.aliases, text, &mut scratch.cands, &mut after_walk, cancel)?,
                    Engine::Nfa(a) => scan_direct(a, vm, &self.aliases, text, &mut scratch.cands, &mut after_walk, cancel)?,
                    Engine::Trie(t) => scan_trie(
                        t,
                        vm,
                        &self.aliases,
                        text,
                        &mut scratch.cands,
                        &mut scratch.masks,
                        &mut after_walk,
                        cancel,
                    )?,
                }
            }
        }
        let opts = self.spec.options;
        if filter && !longest {
            scratch.cands.retain(|c| !self.context_removes(text, c, &mut removed, &mut persons));
        }
        let base = out.len();
        // Every candidate gives at most one mention.
        try_reserve(out, scratch.cands.len(), "mentions")?;
        self.resolve(&mut scratch.cands, out);
        if !persons.is_empty() {
            scratch.tail.clear();
            scratch.tail.extend(out.drain(base..));
            drop_name_echoes(text, &mut scratch.tail, &persons, &mut removed);
            out.extend_from_slice(&scratch.tail);
        }
        scratch.removed.add(removed);
        if opts.ambiguous == Ambiguous::Resolve && out[base..].iter().any(|m| m.ambiguous) {
            scratch.tail.clear();
            scratch.tail.extend(out.drain(base..));
            resolve_document(&self.hierarchy, &self.kind_ids, text, &mut scratch.tail, &mut scratch.resolve);
            out.extend_from_slice(&scratch.tail);
        }
        Ok(())
    }

    /// Whether a context rule or `capitalized_runs` ("skip", "companies") removes candidate `c` (counted in
    /// `removed`; a span that a `person_after` phrase removed is added to `persons`). Ignore
    /// phrases are never removed.
    #[inline]
    fn context_removes(&self, text: &str, c: &Cand, removed: &mut Removed, persons: &mut Vec<(usize, usize)>) -> bool {
        if c.entity == IGNORE {
            return false;
        }
        // The alias's own rule and its entity's rule both apply; a person phrase of either
        // makes the candidate a person's name.
        let (alias_rule, entity_rule) = self.rules_of(c);
        let mut verdict = Verdict::Keep;
        for (rule, vspec) in [alias_rule, entity_rule].into_iter().flatten() {
            if verdict == Verdict::Remove && !rule.has_person() {
                continue;
            }
            verdict = verdict.max(rule.verdict(text, c.start, c.end, *vspec));
            if verdict == Verdict::Person {
                break;
            }
        }
        if verdict != Verdict::Keep {
            if verdict == Verdict::Person {
                persons.push((c.start, c.end));
            }
            removed.rules += 1;
            return true;
        }
        if self.spec.options.capitalized_runs.removes(text, c.start, c.end) {
            removed.runs += 1;
            return true;
        }
        false
    }

    /// With `overlaps="longest"`, after one walk: of its candidates (`cands[mark..]`, all
    /// starting at the same byte) keeps only the longest span that the context rules let
    /// through (every candidate of that span). [`Matcher::resolve`] drops every shorter
    /// candidate of a start anyway (it overlaps the longer one), so results and the removed
    /// counts never change; but a start position now holds one span's candidates instead of
    /// one per nested alias (issue 20: aliases "北", "北北", … "北"×1000 over 40k characters
    /// made 40 M candidates).
    fn keep_longest(
        &self,
        text: &str,
        cands: &mut Vec<Cand>,
        mark: usize,
        filter: bool,
        removed: &mut Removed,
        persons: &mut Vec<(usize, usize)>,
    ) {
        let n = cands.len();
        if n == mark || n == mark + 1 && !filter {
            return;
        }
        if n == mark + 1 {
            // One candidate at this start (the usual case): kept unless removed.
            let c = cands[mark];
            if self.context_removes(text, &c, removed, persons) {
                cands.truncate(mark);
            }
            return;
        }
        let mut w = mark;
        let mut best = 0usize;
        for k in mark..n {
            let c = cands[k];
            if filter && self.context_removes(text, &c, removed, persons) {
                continue;
            }
            if c.end > best {
                best = c.end;
                w = mark;
            }
            if c.end == best {
                cands[w] = c;
                w += 1;
            }
        }
        cands.truncate(w);
    }

    /// The context rules of a candidate: its alias's and its entity's.
    #[inline]
    fn rules_of(&self, c: &Cand) -> (Option<&CompiledRule>, Option<&CompiledRule>) {
        let get = |table: &[u32], i: u32| match table.get(i as usize) {
            Some(&k) if k != NO_RULE => self.rules.get(k as usize),
            _ => None,
        };
        (get(&self.alias_rule, c.alias), get(&self.entity_rule, c.entity))
    }

    /// The hierarchy (parents and priors) of the entities.
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// For every entity, the index of its nearest ancestor-or-self of kind `kind`
    /// ([`super::resolve::NO_PARENT`] when none): the roll-up map of `level=`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when no entity has that kind (the message lists the kinds).
    pub fn level_map(&self, kind: &str) -> Result<Vec<u32>> {
        if !self.spec.kinds.iter().any(|k| k == kind) {
            let mut kinds: Vec<&str> = self.spec.kinds.iter().map(|s| s.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            return Err(Error::InvalidInput(format!("no entity has kind {kind:?}; the kinds are {kinds:?}")));
        }
        Ok(self.hierarchy.level_map(&self.spec.kinds, kind))
    }

    fn resolve(&self, cands: &mut Vec<Cand>, out: &mut Vec<Mention>) {
        if cands.is_empty() {
            return;
        }
        cands.sort_unstable_by(|x, y| {
            x.start
                .cmp(&y.start)
                .then(y.end.cmp(&x.end))
                .then(x.entity.cmp(&y.entity))
                .then(x.alias.cmp(&y.alias))
        });
        // One candidate per (span, entity): the alias listed first in the gazetteer.
        cands.dedup_by(|b, a| a.start == b.start && a.end == b.end && a.entity == b.entity);
        let opts = self.spec.options;
        let mut i = 0;
        let n = cands.len();
        while i < n {
            let c0 = cands[i];
            let mut j = i + 1;
            while j < n && cands[j].start == c0.start && cands[j].end == c0.end {
                j += 1;
            }
            let group = &cands[i..j];
            // Entities are sorted, so IGNORE (u32::MAX) is last.
            let ignored = group[group.len() - 1].entity == IGNORE;
            let ambiguous = group.len() > 1;
            if !(ignored || ambiguous && opts.ambiguous == Ambiguous::Skip) {
                for c in group {
                    out.push(Mention {
                        start: 0,
                        end: 0,
                        start_byte: c.start,
                        end_byte: c.end,
                        entity: c.entity,
                        alias: c.alias,
                        ambiguous,
                        resolved_by: if ambiguous { ResolvedBy::None } else { ResolvedBy::Unambiguous },
                    });
                }
            }
            match opts.overlaps {
                Overlaps::All => i = j,
                Overlaps::Longest => {
                    // Skip every candidate that overlaps the chosen span (they start before its end).
                    while j < n && cands[j].start < c0.end {
                        j += 1;
                    }
                    i = j;
                }
            }
        }
    }
}

/// After a `person_after` phrase removed the candidates at `persons` ("Monica French"),
/// removes the document's other mentions with the same text ("French said": a surname used
/// alone), counted in `removed.rules` (one per mention row), except one that stands in a list
/// beside a mention with another text ("Ireland and Scotland players" in a report that also
/// names James Ireland) or after an article ("the French team"): there the word is a place
/// or a people again. `mentions` are one document's, in
/// the order of [`Matcher::resolve`] (start ascending), before ambiguity resolution.
fn drop_name_echoes(text: &str, mentions: &mut Vec<Mention>, persons: &[(usize, usize)], removed: &mut Removed) {
    let names: FxHashSet<&str> = persons.iter().filter_map(|&(s, e)| text.get(s..e)).collect();
    let echo = |m: &Mention| text.get(m.start_byte..m.end_byte).is_some_and(|t| names.contains(t));
    if !mentions.iter().any(echo) {
        return;
    }
    // The starts and the ends of the other mentions, each sorted: a mention is in a list when
    // a list gap joins it to the nearest other mention after it or before it.
    let mut starts: Vec<usize> = mentions.iter().filter(|m| !echo(m)).map(|m| m.start_byte).collect();
    let mut ends: Vec<usize> = mentions.iter().filter(|m| !echo(m)).map(|m| m.end_byte).collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let joined = |lo: usize, hi: usize| text.get(lo..hi).is_some_and(list_gap);
    let in_list = |m: &Mention| {
        let i = starts.partition_point(|&s| s < m.end_byte);
        let j = ends.partition_point(|&e| e <= m.start_byte);
        starts.get(i).is_some_and(|&s| joined(m.end_byte, s)) || (j > 0 && joined(ends[j - 1], m.start_byte))
    };
    let keep: Vec<bool> = mentions.iter().map(|m| !echo(m) || in_list(m) || after_article(text, m.start_byte)).collect();
    let mut k = 0usize;
    mentions.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    removed.rules += keep.iter().filter(|&&x| !x).count() as u64;
}

#[inline(always)]
fn classify(c: char) -> (bool, bool) {
    (is_word(c), is_unspaced(c))
}

/// Walks the view from every possible word start and pushes every boundary-valid candidate.
fn scan<A: Automaton>(
    aut: &A,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    view: &View,
    cands: &mut Vec<Cand>,
    after_walk: &mut impl FnMut(&mut Vec<Cand>, usize, usize) -> Result<()>,
    cancel: &AtomicBool,
) -> Result<()> {
    let text = view.text.as_str();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let Ok(start_sid) = aut.start_state(Anchored::Yes) else {
        return Err(Error::Build("automaton without anchored start".into()));
    };
    let first = &vm.first_byte;
    // Size of a failed candidate allocation (0: none), checked after every walk.
    let mut oom = 0usize;
    let mut prev_word = false;
    let mut prev_unspaced = false;
    let mut i = 0usize;
    while i < n {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let chunk_end = n.min(i + (1 << 16));
        while i < chunk_end {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII: never an unspaced script. A walk is needed only where some pattern
                // begins with this byte, and (for a word character) a word starts here: after
                // a non-word character, or after a character of an unspaced script (docs/matching.md, Word boundaries:
                // "Korea" matches in "日本とKorea").
                let w = ASCII_WORD[b as usize];
                if first[b as usize] && !(w && prev_word && !prev_unspaced) {
                    let mark = cands.len();
                    walk(aut, start_sid, vm, aliases, view, i, cands, &mut oom);
                    after_walk(cands, mark, oom)?;
                }
                prev_word = w;
                prev_unspaced = false;
                i += 1;
                continue;
            }
            let c = decode_at(text, i);
            let (w, u) = classify(c);
            let is_start = if w { !prev_word || u || prev_unspaced } else { vm.starters.contains(&c) };
            if is_start && first[b as usize] {
                let mark = cands.len();
                walk(aut, start_sid, vm, aliases, view, i, cands, &mut oom);
                after_walk(cands, mark, oom)?;
            }
            prev_word = w;
            prev_unspaced = u;
            i += c.len_utf8();
        }
    }
    Ok(())
}

static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric();
        i += 1;
    }
    t
};

#[inline]
#[allow(clippy::too_many_arguments)]
fn walk<A: Automaton>(
    aut: &A,
    start_sid: aho_corasick::automaton::StateID,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    view: &View,
    start: usize,
    cands: &mut Vec<Cand>,
    oom: &mut usize,
) {
    let text = view.text.as_str();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut sid = start_sid;
    let mut p = start;
    while p < n {
        sid = aut.next_state(Anchored::Yes, sid, bytes[p]);
        p += 1;
        if aut.is_dead(sid) {
            return;
        }
        if !aut.is_match(sid) {
            continue;
        }
        // A match ending at byte p; it must also end on a char boundary.
        if !text.is_char_boundary(p) {
            continue;
        }
        let last = decode_before(text, p);
        report(aut, sid, p - start, vm, aliases, text, p, last, |end, entity, alias| {
            push_cand(cands, Cand { start: view.to_orig_byte(start), end: view.to_orig_byte(end), entity, alias }, oom)
        });
    }
}

/// Pushes a candidate, growing `cands` fallibly: when the allocation fails the candidate is
/// dropped and `oom` gets the size asked for (the scan then returns [`Error::Memory`] instead
/// of aborting the process).
#[inline(always)]
fn push_cand(cands: &mut Vec<Cand>, c: Cand, oom: &mut usize) {
    if cands.len() == cands.capacity() {
        let add = cands.len().max(64);
        if cands.try_reserve(add).is_err() {
            *oom = (cands.len() + add).saturating_mul(std::mem::size_of::<Cand>());
            return;
        }
    }
    cands.push(c);
}

/// Every alias of every pattern that ends at byte `p` of `text` after `fed` bytes of walk
/// (from the anchor), with its end boundary checked (docs/matching.md, Word boundaries) or its glob extended:
/// calls `push(end, entity, alias)` for each candidate.
#[allow(clippy::too_many_arguments)]
#[inline]
fn report<A: Automaton>(
    aut: &A,
    sid: aho_corasick::automaton::StateID,
    fed: usize,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    p: usize,
    last: char,
    push: impl FnMut(usize, u32, u32),
) {
    // Patterns are unique per view, so a state is the end of at most one pattern of its own;
    // aho-corasick lists it first, before the shorter suffix patterns copied along failure
    // links. Only the first entry can start at the anchor: looking at the whole list made a
    // walk through nested aliases ("北", "北北", …) cost the square of its length (issue 20).
    if aut.match_len(sid) > 0 {
        debug_assert!((1..aut.match_len(sid)).all(|k| aut.pattern_len(aut.match_pattern(sid, k)) != fed));
        let pid = aut.match_pattern(sid, 0);
        if aut.pattern_len(pid) != fed {
            return;
        }
        report_pattern(pid.as_usize(), vm, aliases, text, p, last, push);
    }
}

/// Every alias of pattern `pid`, which matched from the anchor to byte `p` of `text` (its last
/// view character `last`), with its end boundary checked or its glob extended: calls
/// `push(end, entity, alias)` for each candidate.
#[inline]
#[allow(clippy::too_many_arguments)]
fn report_pattern(
    pid: usize,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    p: usize,
    last: char,
    mut push: impl FnMut(usize, u32, u32),
) {
    let lo = vm.target_start[pid] as usize;
    let hi = vm.target_start[pid + 1] as usize;
    let mut plain_end: Option<Option<usize>> = None;
    let mut glob_end: Option<usize> = None;
    for &a in &vm.targets[lo..hi] {
        let info = aliases[a as usize];
        let end = if info.glob {
            *glob_end.get_or_insert_with(|| extend_word(text, p, last))
        } else {
            match *plain_end.get_or_insert_with(|| end_ok(text, p, last).then_some(p)) {
                Some(e) => e,
                None => continue,
            }
        };
        push(end, info.entity, a);
    }
}

/// Sets the code-point offsets of mentions from their byte offsets (one forward pass over the
/// text up to the last mention; free when that part of the text is ASCII).
pub(crate) fn fill_code_points(text: &str, ms: &mut [Mention]) {
    let Some(last) = ms.iter().map(|m| m.end_byte).max() else {
        return;
    };
    // Past the last mention the text does not matter.
    if text.as_bytes()[..last].is_ascii() {
        for m in ms.iter_mut() {
            m.start = m.start_byte;
            m.end = m.end_byte;
        }
        return;
    }
    let mut pos: Vec<usize> = ms.iter().flat_map(|m| [m.start_byte, m.end_byte]).collect();
    pos.sort_unstable();
    pos.dedup();
    let bytes = text.as_bytes();
    let mut cps = Vec::with_capacity(pos.len());
    let (mut last, mut cp) = (0usize, 0usize);
    for &p in &pos {
        // Code points = bytes that are not UTF-8 continuation bytes.
        cp += count_chars(&bytes[last..p]);
        last = p;
        cps.push(cp);
    }
    for m in ms.iter_mut() {
        m.start = cps[pos.partition_point(|&p| p < m.start_byte)];
        m.end = cps[pos.partition_point(|&p| p < m.end_byte)];
    }
}

/// The view's byte for an ASCII byte: apostrophe variant '`' → '\'', whitespace → ' ',
/// and lower case in a lowercase view.
static NORM_PLAIN: [u8; 128] = norm_table(false);
static NORM_LOWER: [u8; 128] = norm_table(true);
static ASCII_SPACE: [bool; 128] = {
    let mut t = [false; 128];
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t
};

const fn norm_table(lower: bool) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b == b'`' {
            b'\''
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            b' '
        } else if lower {
            b.to_ascii_lowercase()
        } else {
            b
        };
        i += 1;
    }
    t
}

/// Like [`scan`], on the original text of a view without accent folding: the view's bytes are
/// produced on the fly inside each walk, and offsets are the original's.
fn scan_direct<A: Automaton>(
    aut: &A,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    cands: &mut Vec<Cand>,
    after_walk: &mut impl FnMut(&mut Vec<Cand>, usize, usize) -> Result<()>,
    cancel: &AtomicBool,
) -> Result<()> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let Ok(start_sid) = aut.start_state(Anchored::Yes) else {
        return Err(Error::Build("automaton without anchored start".into()));
    };
    let lower_view = vm.spec.lower;
    let norm = if lower_view { &NORM_LOWER } else { &NORM_PLAIN };
    let first = &vm.first_byte;
    // Size of a failed candidate allocation (0: none), checked after every walk.
    let mut oom = 0usize;
    // Bytes worth a look (`vm.skip`): ASCII bytes that some pattern begins with (in this
    // view), and the lead bytes of non-ASCII characters. Everything else is skipped 16 bytes
    // at a time; the word-start test looks back at the previous character only where needed.
    // Whether the character before byte `i` is a word character of a spaced script.
    let prev_blocks = |i: usize| -> bool {
        if i == 0 {
            return false;
        }
        let pb = bytes[i - 1];
        if pb < 0x80 {
            ASCII_WORD[pb as usize]
        } else {
            let pc = decode_before(text, i);
            is_word(pc) && !is_unspaced(pc)
        }
    };
    let mut i = 0usize;
    // The gate's next token, hashed while checking the one before it.
    let mut ahead = gate::Ahead::NONE;
    let mut finder = Finder::new(&vm.skip, bytes);
    while i < n {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let chunk_end = n.min(i + (1 << 16));
        // A gated word may end past `chunk_end` (the next chunk then starts after it).
        while i < chunk_end {
            i = finder.find(i);
            if i >= chunk_end {
                break;
            }
            let b = bytes[i];
            if b < 0x80 {
                // A pattern begins with this byte: a non-word ASCII character needs no
                // boundary; a word character must start a word.
                let second_ok = match bytes.get(i + 1) {
                    Some(&b2) if b2 < 0x80 => {
                        vm.second_byte[norm[b as usize] as usize] >> norm[b2 as usize] & 1 == 1
                    }
                    _ => true,
                };
                if ASCII_WORD[b as usize] {
                    if second_ok && !prev_blocks(i) {
                        if let Some(g) = vm.gate.as_ref() {
                            let (maybe, end) = g.check_ahead(text, i, norm, lower_view, &mut ahead);
                            if maybe {
                                let mark = cands.len();
                                walk_direct(aut, start_sid, vm, aliases, text, i, cands, &mut oom);
                                after_walk(cands, mark, oom)?;
                            }
                            // No word starts inside the token (the gate read it to its end).
                            i = end;
                            continue;
                        }
                        let mark = cands.len();
                        walk_direct(aut, start_sid, vm, aliases, text, i, cands, &mut oom);
                        after_walk(cands, mark, oom)?;
                    }
                    // Later candidates inside this word fail `prev_blocks` (one lookup each;
                    // most words hold no second capital).
                    i += 1;
                    continue;
                }
                if second_ok {
                    let mark = cands.len();
                    walk_direct(aut, start_sid, vm, aliases, text, i, cands, &mut oom);
                    after_walk(cands, mark, oom)?;
                }
                i += 1;
                continue;
            }
            let c = decode_at(text, i);
            let (w, u) = classify(c);
            let nc = view_char(c, lower_view);
            let is_start = if w { u || !prev_blocks(i) } else { vm.starters.contains(&nc) };
            if is_start {
                let mut buf = [0u8; 4];
                let fb = nc.encode_utf8(&mut buf).as_bytes()[0];
                if first[fb as usize]
                    && (!w || vm.gate.as_ref().map_or(true, |g| g.may_match(text, i, norm, lower_view)))
                {
                    let mark = cands.len();
                    walk_direct(aut, start_sid, vm, aliases, text, i, cands, &mut oom);
                    after_walk(cands, mark, oom)?;
                }
            }
            i += c.len_utf8();
        }
    }
    Ok(())
}

/// [`scan_direct`] for a view whose engine is an anchored [`trie::Trie`] (small gazetteers
/// without accent folding or token gate): the same word starts, walked by [`walk_trie`]. The
/// candidate starts of 64 KiB of text at a time are classified first into bit masks
/// ([`word_start_masks`]: bytes of `vm.skip`, less ASCII letters and digits after another),
/// then every set bit is looked at in order. No position is skipped between two bits: the
/// bytes of `vm.skip` are ASCII bytes and lead bytes of non-ASCII characters, never
/// continuation bytes, so every bit is a character start.
#[allow(clippy::too_many_arguments)]
fn scan_trie(
    trie: &trie::Trie,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    cands: &mut Vec<Cand>,
    masks: &mut Vec<u64>,
    after_walk: &mut impl FnMut(&mut Vec<Cand>, usize, usize) -> Result<()>,
    cancel: &AtomicBool,
) -> Result<()> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut oom = 0usize;
    if masks.len() < MASK_BLOCKS {
        masks.resize(MASK_BLOCKS, 0);
    }
    let mut base = 0usize;
    while base < n {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let blocks = word_start_masks(&vm.skip, bytes, base, masks);
        for (k, &mask) in masks[..blocks].iter().enumerate() {
            let mut m = mask;
            while m != 0 {
                let i = base + 64 * k + m.trailing_zeros() as usize;
                m &= m - 1;
                let b = bytes[i];
                let walk = if b < 0x80 {
                    // A pattern begins with this byte's view byte: a non-word ASCII character
                    // needs no boundary; a word character must start a word (the masks have
                    // left out those after an ASCII letter or digit; the character before may
                    // still be a non-ASCII word character).
                    !(ASCII_WORD[b as usize] && i > 0 && bytes[i - 1] >= 0x80 && prev_blocks_other(text, i))
                } else {
                    trie_other_start(vm, text, i)
                };
                if walk {
                    let mark = cands.len();
                    walk_trie(trie, vm, aliases, text, i, cands, &mut oom);
                    if cands.len() != mark || oom != 0 {
                        after_walk(cands, mark, oom)?;
                    }
                }
            }
        }
        base += 64 * blocks;
    }
    Ok(())
}

/// Whether a walk starts at the non-ASCII character at byte `i` (as in [`scan_direct`]): a word
/// character that starts a word, or a non-word character that begins some pattern, whose view
/// character's first byte begins some pattern.
#[inline(never)]
fn trie_other_start(vm: &ViewMatcher, text: &str, i: usize) -> bool {
    let c = decode_at(text, i);
    let (w, u) = classify(c);
    let nc = view_char(c, vm.spec.lower);
    let is_start = if w { u || !prev_blocks_start(text, i) } else { vm.starters.contains(&nc) };
    if !is_start {
        return false;
    }
    let mut buf = [0u8; 4];
    vm.first_byte[nc.encode_utf8(&mut buf).as_bytes()[0] as usize]
}

/// Whether the character before byte `i` of `text` is a word character of a spaced script (so
/// that no word starts at `i`).
#[inline(always)]
fn prev_blocks_start(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&pb) = i.checked_sub(1).and_then(|k| bytes.get(k)) else { return false };
    if pb < 0x80 {
        ASCII_WORD[pb as usize]
    } else {
        prev_blocks_other(text, i)
    }
}

/// [`prev_blocks_start`] after a non-ASCII character.
#[inline(never)]
fn prev_blocks_other(text: &str, i: usize) -> bool {
    let pc = decode_before(text, i);
    is_word(pc) && !is_unspaced(pc)
}

/// [`walk_direct`] on a [`trie::Trie`]: walks from original byte `start`, feeding the view's
/// bytes (an ASCII byte through the trie's class table, which holds the view mapping and
/// whitespace as one space; runs of whitespace are absorbed by the trie), and reports every
/// boundary-valid candidate. The loop over ASCII bytes is all that runs in most walks; other
/// characters and reports are out of line.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn walk_trie(
    trie: &trie::Trie,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    start: usize,
    cands: &mut Vec<Cand>,
    oom: &mut usize,
) {
    let bytes = text.as_bytes();
    let mut sid = trie.start();
    let mut p = start;
    // Most walks end within four bytes: when those are ASCII, take four steps without a test
    // in between and one branch after (the state stays dead once dead). A match among them is
    // rare; the loop below then walks again from the start, byte by byte.
    if let Some(&[b0, b1, b2, b3]) = bytes.get(start..start + 4) {
        if (b0 | b1 | b2 | b3) < 0x80 {
            let s1 = trie.next_ascii(sid, b0);
            let s2 = trie.next_ascii(s1, b1);
            let s3 = trie.next_ascii(s2, b2);
            let s4 = trie.next_ascii(s3, b3);
            let matched = trie.is_match(s1) | trie.is_match(s2) | trie.is_match(s3) | trie.is_match(s4);
            if !matched {
                if s4 == 0 {
                    return;
                }
                sid = s4;
                p = start + 4;
            }
        }
    }
    // The view character of the last non-ASCII character fed.
    let mut last_other = ' ';
    loop {
        let Some(&b) = bytes.get(p) else { return };
        if b < 0x80 {
            sid = trie.next_ascii(sid, b);
            p += 1;
        } else {
            (sid, p, last_other) = trie_step_other(trie, text, sid, p, vm.spec.lower);
        }
        if trie.is_special(sid) {
            let Some(pid) = trie.pattern_of(sid) else { return };
            trie_report(pid, vm, aliases, text, start, p, last_other, cands, oom);
        }
    }
}

/// One step of [`walk_trie`] over the non-ASCII character at byte `p`: the state after its view
/// bytes (whitespace as one space), the byte after it and its view character.
#[inline(never)]
fn trie_step_other(trie: &trie::Trie, text: &str, mut sid: u32, p: usize, lower_view: bool) -> (u32, usize, char) {
    let c = decode_at(text, p);
    let nc = if is_space(c) { ' ' } else { view_char(c, lower_view) };
    let mut buf = [0u8; 4];
    for &nb in nc.encode_utf8(&mut buf).as_bytes() {
        sid = trie.next_view(sid, nb);
    }
    (sid, p + c.len_utf8(), nc)
}

/// The candidates of pattern `pid`, matched by [`walk_trie`] from `start` to `p`
/// (`last_other`: the view character of the last non-ASCII character fed).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn trie_report(
    pid: usize,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    start: usize,
    p: usize,
    last_other: char,
    cands: &mut Vec<Cand>,
    oom: &mut usize,
) {
    let pb = text.as_bytes()[p - 1];
    let last = if pb < 0x80 { (if vm.spec.lower { &NORM_LOWER } else { &NORM_PLAIN })[pb as usize] as char } else { last_other };
    report_pattern(pid, vm, aliases, text, p, last, |end, entity, alias| {
        push_cand(cands, Cand { start, end, entity, alias }, oom)
    });
}

/// The view character of a non-ASCII, non-space character (docs/matching.md, Normalised comparison and Case).
#[inline]
fn view_char(c: char, lower_view: bool) -> char {
    let m = map_punct(c);
    if lower_view {
        lower(m)
    } else {
        m
    }
}

/// Walks the automaton from original byte `start`, feeding the view's bytes (mapped
/// characters, whitespace runs as one space) and reporting every boundary-valid candidate.
#[inline]
#[allow(clippy::too_many_arguments)]
fn walk_direct<A: Automaton>(
    aut: &A,
    start_sid: aho_corasick::automaton::StateID,
    vm: &ViewMatcher,
    aliases: &[AliasInfo],
    text: &str,
    start: usize,
    cands: &mut Vec<Cand>,
    oom: &mut usize,
) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let lower_view = vm.spec.lower;
    let norm = if lower_view { &NORM_LOWER } else { &NORM_PLAIN };
    let mut sid = start_sid;
    let mut p = start;
    let mut fed = 0usize;
    let mut last_space = false;
    while p < n {
        let b = bytes[p];
        let last: char;
        if b < 0x80 {
            if ASCII_SPACE[b as usize] {
                if last_space {
                    p += 1;
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            let nb = norm[b as usize];
            sid = aut.next_state(Anchored::Yes, sid, nb);
            fed += 1;
            if aut.is_dead(sid) {
                return;
            }
            last = nb as char;
            p += 1;
        } else {
            let c = decode_at(text, p);
            let nc = if is_space(c) {
                if last_space {
                    p += c.len_utf8();
                    continue;
                }
                last_space = true;
                ' '
            } else {
                last_space = false;
                view_char(c, lower_view)
            };
            let mut buf = [0u8; 4];
            for &nb in nc.encode_utf8(&mut buf).as_bytes() {
                sid = aut.next_state(Anchored::Yes, sid, nb);
                fed += 1;
                if aut.is_dead(sid) {
                    return;
                }
            }
            last = nc;
            p += c.len_utf8();
        }
        if !aut.is_match(sid) {
            continue;
        }
        report(aut, sid, fed, vm, aliases, text, p, last, |end, entity, alias| {
            push_cand(cands, Cand { start, end, entity, alias }, oom)
        });
    }
}

/// Word boundaries (docs/matching.md) at the end of a literal match ending at byte `p` whose last char is `last`.
#[inline]
fn end_ok(text: &str, p: usize, last: char) -> bool {
    if p >= text.len() || !is_word(last) {
        return true;
    }
    let next = decode_at(text, p);
    !is_word(next) || is_unspaced(next) || is_unspaced(last)
}

/// A glob's mention extends over the rest of the word (word characters, stopping where an
/// unspaced-script character starts or ends a token).
#[inline]
fn extend_word(text: &str, mut p: usize, mut last: char) -> usize {
    while p < text.len() {
        let next = decode_at(text, p);
        if is_word(next) && !is_unspaced(next) && !is_unspaced(last) {
            p += next.len_utf8();
            last = next;
        } else {
            break;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(entities: &[(&str, &[&str])]) -> MatcherSpec {
        let mut s = MatcherSpec::default();
        for (i, (id, aliases)) in entities.iter().enumerate() {
            s.ids.push(id.to_string());
            s.names.push(id.to_string());
            s.kinds.push(String::new());
            for a in aliases.iter() {
                s.aliases.push(AliasInput { text: a.to_string(), entity: i as u32, case: None, fold_accents: None });
            }
        }
        s
    }

    fn spans(m: &Matcher, t: &str) -> Vec<(usize, usize, String)> {
        m.find(t)
            .into_iter()
            .map(|x| (x.start, x.end, m.spec.ids[x.entity as usize].clone()))
            .collect()
    }

    fn surfaces(m: &Matcher, t: &str) -> Vec<String> {
        let chars: Vec<char> = t.chars().collect();
        m.find(t).into_iter().map(|x| chars[x.start..x.end].iter().collect()).collect()
    }

    #[test]
    fn normalised_comparison() {
        let m = Matcher::new(spec(&[("KP", &["North Korea"]), ("RU", &["Russia"])])).unwrap();
        assert_eq!(surfaces(&m, "North\nKorea and North  Korea"), vec!["North\nKorea", "North  Korea"]);
        assert_eq!(surfaces(&m, "Russia’s"), vec!["Russia"]);
    }

    #[test]
    fn boundaries() {
        let m = Matcher::new(spec(&[("US", &["U.S."]), ("KR", &["Korea"]), ("G7", &["G7"])])).unwrap();
        assert_eq!(surfaces(&m, "the U.S.-led, the U.S."), vec!["U.S.", "U.S."]);
        assert!(m.find("Koreans").is_empty());
        assert!(m.find("G77").is_empty());
        let m = Matcher::new(spec(&[("KP", &["北朝鮮"]), ("KPko", &["북한"])])).unwrap();
        assert_eq!(surfaces(&m, "北朝鮮は 북한은"), vec!["北朝鮮", "북한"]);
    }

    #[test]
    fn case_modes() {
        let m = Matcher::new(spec(&[("TR", &["Turkey"]), ("US", &["US"]), ("WHO", &["WHO"])])).unwrap();
        assert_eq!(surfaces(&m, "Turkey TURKEY turkey TurKey"), vec!["Turkey", "TURKEY"]);
        assert_eq!(surfaces(&m, "US us Us who WHO Who"), vec!["US", "WHO"]);
        let mut s = spec(&[("TR", &["Turkey"])]);
        s.options.case = CaseMode::Insensitive;
        let m = Matcher::new(s).unwrap();
        assert_eq!(surfaces(&m, "turkey TuRkEy"), vec!["turkey", "TuRkEy"]);
        let mut s = spec(&[("TR", &["Turkey"])]);
        s.options.case = CaseMode::Sensitive;
        let m = Matcher::new(s).unwrap();
        assert_eq!(surfaces(&m, "turkey TURKEY Turkey"), vec!["Turkey"]);
    }

    #[test]
    fn accents() {
        let mut s = spec(&[("SP", &["Sao Paulo"])]);
        s.options.fold_accents = true;
        let m = Matcher::new(s).unwrap();
        assert_eq!(surfaces(&m, "São Paulo, Sa\u{0303}o Paulo"), vec!["São Paulo", "Sa\u{0303}o Paulo"]);
        let m = Matcher::new(spec(&[("SP", &["Sao Paulo"])])).unwrap();
        assert!(m.find("São Paulo").is_empty());
    }

    #[test]
    fn overlaps_filter_before_resolution() {
        let m = Matcher::new(spec(&[("KP", &["North Korea"]), ("KR", &["Korea"])])).unwrap();
        assert_eq!(spans(&m, "North Korea"), vec![(0, 11, "KP".into())]);
        let m = Matcher::new(spec(&[("CG", &["Congo"]), ("CR", &["Congo Republic"])])).unwrap();
        assert_eq!(spans(&m, "Congo Republics"), vec![(0, 5, "CG".into())]);
        let mut s = spec(&[("KP", &["North Korea"]), ("KR", &["Korea"])]);
        s.options.overlaps = Overlaps::All;
        let m = Matcher::new(s).unwrap();
        assert_eq!(spans(&m, "North Korea"), vec![(0, 11, "KP".into()), (6, 11, "KR".into())]);
    }

    #[test]
    fn ambiguity_and_ignore() {
        let s = spec(&[("GE", &["Georgia"]), ("US-GA", &["Georgia"])]);
        let m = Matcher::new(s.clone()).unwrap();
        let f = m.find("Georgia");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|x| x.ambiguous));
        let mut s2 = s;
        s2.options.ambiguous = Ambiguous::Skip;
        assert!(Matcher::new(s2).unwrap().find("Georgia").is_empty());
        let mut s = spec(&[("JO", &["Jordan"]), ("MX", &["Mexico"])]);
        s.ignore = vec!["Jordan Peterson".into(), "New Mexico".into()];
        let m = Matcher::new(s).unwrap();
        assert_eq!(spans(&m, "Jordan Peterson in New Mexico, Jordan"), vec![(31, 37, "JO".into())]);
    }

    #[test]
    fn ascii_word_after_unspaced_script() {
        // Word boundaries (docs/matching.md): no boundary is needed where the text neighbour belongs to an unspaced
        // script, also when the alias starts with an ASCII letter (the ASCII fast path of
        // `scan` once ignored the previous character's script).
        let m = Matcher::new(spec(&[("KR", &["Korea"]), ("G7", &["G7"])])).unwrap();
        assert_eq!(spans(&m, "日本とKorea"), vec![(3, 8, "KR".into())]);
        assert_eq!(spans(&m, "한국G7회의"), vec![(2, 4, "G7".into())]);
        assert!(m.find("éKorea").is_empty());
    }

    #[test]
    fn globs() {
        let m = Matcher::new(spec(&[("KE", &["Kenyan*"])])).unwrap();
        assert_eq!(surfaces(&m, "Kenyans and a Kenyan, KENYANS"), vec!["Kenyans", "Kenyan", "KENYANS"]);
        assert!(m.find("Kenya").is_empty());
    }

    #[test]
    fn offsets_are_code_points() {
        let m = Matcher::new(spec(&[("KR", &["Korea"])])).unwrap();
        assert_eq!(spans(&m, "日本と Korea"), vec![(4, 9, "KR".into())]);
        let f = m.find("日本と Korea");
        assert_eq!(&"日本と Korea"[f[0].start_byte..f[0].end_byte], "Korea");
    }

    /// Up to 8 generated aliases of 1 to 3 `words` joined by `joiners`, one in `glob_one_in`
    /// a glob, over 4 entities (those `parse_alias` rejects are left out).
    fn random_aliases(next: &mut impl FnMut() -> u64, words: &[&str], joiners: &[&str], glob_one_in: u64) -> Vec<(String, u32)> {
        let mut aliases = Vec::new();
        for k in 0..(1 + next() % 8) {
            let mut a = String::new();
            for t in 0..(1 + next() % 3) {
                if t > 0 {
                    a.push_str(joiners[(next() % joiners.len() as u64) as usize]);
                }
                a.push_str(words[(next() % words.len() as u64) as usize]);
            }
            if next() % glob_one_in == 0 {
                a.push('*');
            }
            if parse_alias(&a).is_ok() {
                aliases.push((a, (k % 4) as u32));
            }
        }
        aliases
    }

    /// A generated text of fewer than `max_words` `words`, each followed by one of `seps`.
    fn random_text(next: &mut impl FnMut() -> u64, words: &[&str], seps: &[&str], max_words: u64) -> String {
        let mut text = String::new();
        for _ in 0..(next() % max_words) {
            text.push_str(words[(next() % words.len() as u64) as usize]);
            text.push_str(seps[(next() % seps.len() as u64) as usize]);
        }
        text
    }

    /// The spec of generated aliases over entities E0..E3, with "New York" as an ignore
    /// phrase when `ignore_ny`.
    fn random_spec(aliases: &[(String, u32)], ignore_ny: bool, options: Options) -> MatcherSpec {
        MatcherSpec {
            ids: (0..4).map(|i| format!("E{i}")).collect(),
            names: (0..4).map(|i| format!("E{i}")).collect(),
            kinds: vec!["k".into(); 4],
            aliases: aliases
                .iter()
                .map(|(t, e)| AliasInput { text: t.clone(), entity: *e, case: None, fold_accents: None })
                .collect(),
            ignore: if ignore_ny { vec!["New York".into()] } else { vec![] },
            options,
            ..Default::default()
        }
    }

    /// The token gate only skips walks that cannot match: on generated texts and aliases
    /// (words that share first tokens, multi-token aliases, globs on the first and second
    /// token, unspaced scripts, case and apostrophe variants), matchers with the gate on
    /// every view and on none give identical mentions.
    #[test]
    fn token_gate_never_changes_results() {
        let words = [
            "the", "The", "THE", "Hague", "hague", "San", "José", "Jose", "New", "York", "Kenya",
            "Kenyan", "Kenyans", "U", "S", "a", "A", "北", "京", "市", "İstanbul", "istanbul", "d",
            "Ivoire", "O", "Neill", "x1", "9", "Ab",
        ];
        let seps = [" ", "  ", "\n", "-", "'", "’", ".", ". ", ", ", "", "\u{00A0}", "–"];
        let joiners: Vec<&str> = seps.iter().map(|x| x.trim_matches('\n')).collect();
        let mut rng = crate::core::test_rng::Rng(0x2545_F491_4F6C_DD1D);
        let mut next = move || rng.next();
        for round in 0..3000 {
            let aliases = random_aliases(&mut next, &words, &joiners, 5);
            if aliases.is_empty() {
                continue;
            }
            let text = random_text(&mut next, &words, &seps, 40);
            for case in [CaseMode::Smart, CaseMode::Sensitive, CaseMode::Insensitive] {
                let spec = random_spec(&aliases, round % 3 == 0, Options { case, ..Default::default() });
                let gated = Matcher::with_gate_threshold(spec.clone(), 0).unwrap();
                let plain = Matcher::with_gate_threshold(spec, usize::MAX).unwrap();
                assert!(gated.views.iter().any(|v| v.gate.is_some()) || gated.views.iter().all(|v| v.spec.fold));
                let key = |m: &Matcher| -> Vec<(usize, usize, u32, u32)> {
                    m.find(&text).iter().map(|x| (x.start, x.end, x.entity, x.alias)).collect()
                };
                assert_eq!(key(&gated), key(&plain), "aliases {aliases:?}, case {case:?}, text {text:?}");
            }
        }
    }

    /// The anchored trie of small views ([`trie`], walked by `scan_trie`) finds exactly what
    /// the Aho-Corasick NFA does, on generated aliases and texts built to stress what the trie
    /// does differently: whitespace runs (ASCII and Unicode, mixed) inside and after aliases,
    /// aliases of one or two bytes, non-ASCII characters at every position of a walk (the
    /// four-byte step falls back), word starts after non-ASCII word characters, unspaced
    /// scripts, apostrophe and dash variants, globs, all three case modes, ignore phrases.
    #[test]
    fn trie_engine_agrees_with_nfa() {
        let words = [
            "US", "U", "S", "U.S.", "UK", "a", "A", "The", "the", "Hague", "New", "York", "NEW", "YORK", "São", "Paulo",
            "北", "京", "北京", "Côte", "d'Ivoire", "d’Ivoire", "İstanbul", "Ab", "x1", "9", "ß", "Kenyan", "Kenya", "é",
            "Guinea-Bissau", "Guinea–Bissau",
        ];
        let seps = [" ", "  ", "\n", "\t \n", "\u{00A0}", " \u{2003} ", "-", "'", "’", ".", ". ", ", ", "", "é", "北", "\u{0085}"];
        let mut rng = crate::core::test_rng::Rng(0x5851_F42D_4C95_7F2D);
        let mut next = move || rng.next();
        for round in 0..3000 {
            let aliases = random_aliases(&mut next, &words, &[" ", "-", "'", ""], 6);
            if aliases.is_empty() {
                continue;
            }
            let text = random_text(&mut next, &words, &seps, 60);
            for case in [CaseMode::Smart, CaseMode::Sensitive, CaseMode::Insensitive] {
                let overlaps = if round % 2 == 0 { Overlaps::Longest } else { Overlaps::All };
                let spec = random_spec(&aliases, round % 3 == 0, Options { case, overlaps, ..Default::default() });
                let trie = Matcher::new(spec.clone()).unwrap();
                assert!(trie.views.iter().all(|v| matches!(v.engine, Engine::Trie(_))));
                let nfa = Matcher::with_tuning(spec, usize::MAX, 0).unwrap();
                assert!(nfa.views.iter().all(|v| matches!(v.engine, Engine::Nfa(_))));
                let key = |m: &Matcher| -> Vec<(usize, usize, u32, u32, bool)> {
                    m.find(&text).iter().map(|x| (x.start, x.end, x.entity, x.alias, x.ambiguous)).collect()
                };
                assert_eq!(key(&trie), key(&nfa), "aliases {aliases:?}, case {case:?}, text {text:?}");
            }
        }
    }

    /// No character but whitespace has a space as its view character, so the trie's
    /// self-loops on a space (whitespace runs as one space) see exactly the whitespace runs
    /// that the other walks collapse.
    #[test]
    fn only_whitespace_maps_to_a_space() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for lower_view in [false, true] {
                if view_char(c, lower_view) == ' ' || (c.is_ascii() && NORM_LOWER[c as usize] == b' ') {
                    assert!(is_space(c), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn large_nfa_engine_agrees() {
        // Enough patterns to switch to the contiguous NFA.
        let mut ents: Vec<(String, Vec<String>)> = Vec::new();
        for i in 0..40_000 {
            ents.push((format!("E{i}"), vec![format!("Place{i} City")]));
        }
        ents.push(("KR".into(), vec!["Korea".into()]));
        let mut s = MatcherSpec::default();
        for (i, (id, al)) in ents.iter().enumerate() {
            s.ids.push(id.clone());
            s.names.push(id.clone());
            s.kinds.push(String::new());
            for a in al {
                s.aliases.push(AliasInput { text: a.clone(), entity: i as u32, case: None, fold_accents: None });
            }
        }
        let m = Matcher::new(s).unwrap();
        assert!(matches!(m.views[0].engine, Engine::Nfa(_)));
        assert_eq!(surfaces(&m, "Place12 City and Place123 City in Korea"), vec!["Place12 City", "Place123 City", "Korea"]);
    }
}
