//! Fuzz target `matcher`: arbitrary aliases × arbitrary UTF-8 text × options from the input.
//!
//! Checks (docs/matching.md):
//! - offsets: byte offsets on char boundaries inside the text, code-point offsets equal to the
//!   byte offsets counted in code points (docs/matching.md, Offsets), spans non-empty;
//! - the surface holds a letter or digit (every alias does, docs/gazetteers.md);
//! - output sorted (start ascending, longer first), and with `overlaps="longest"` no two spans
//!   overlap unless identical (docs/matching.md, Overlaps); `longest` equals the greedy resolution of `all`;
//! - `ambiguous` flags exactly the spans reported for several entities (docs/matching.md, Ambiguity);
//! - `find` equals `find_into` with a scratch reused from another text;
//! - without accent folding, the result equals a brute-force reference built from docs/matching.md
//!   (every start position, the normalised view of the text from there, every pattern);
//! - on text and aliases that folding leaves unchanged, folding on gives the same result as off
//!   (the folded path walks a normalised copy, the plain one the original: two implementations);
//! - the token gate on every view, and the contiguous NFA instead of the DFA, change nothing;
//! - context rules (`not_before` / `not_after` on entities and aliases) and
//!   `capitalized_runs` ("skip", "companies"): without accent folding, the result and the removed counts equal
//!   the reference's candidates filtered by the same rules before resolution;
//! - `ambiguous="resolve"` over a hierarchy (parents, priors, `prior_ratio`): the same spans as
//!   `ambiguous="all"`; an unambiguous span is unchanged (`resolved_by` Unambiguous); an
//!   ambiguous one keeps one of its candidates, unflagged, decided by list / context / document /
//!   support / prior (each label checked against what it claims — list: the only candidate of
//!   a kind that an unambiguous mention has, when kinds are on; without parents, the prior's
//!   winner and margin, and the candidates an undecided span keeps, against the document step),
//!   or at least two of its candidates, flagged, `resolved_by` None; a fresh matcher and a
//!   reused scratch give the same result.
#![no_main]

use std::sync::atomic::AtomicBool;

use gazetta::core::alias::parse_alias;
use gazetta::core::chars::{fold_char, is_letter_or_digit, is_space, is_unspaced, is_word, map_punct, upper};
use gazetta::core::context::{PhraseCase, Rule};
use gazetta::core::matcher::{Scratch, IGNORE};
use gazetta::core::normalize::{normalize_str, View, ViewSpec};
use gazetta::core::resolve::{NO_PARENT, PRIOR_RATIO};
use gazetta::core::{
    AliasInput, Ambiguous, CaseMode, Matcher, MatcherSpec, Mention, Options, Overlaps, Removed, ResolvedBy, RuleInput,
    Runs,
};
use libfuzzer_sys::fuzz_target;

/// The input, decoded from bytes so that seeds are readable (`fuzz/seeds/matcher/`):
/// byte 0 holds the options, byte 1 the per-alias override pattern, the rest is UTF-8 (lossy)
/// split on U+001E into `aliases`, `ignore phrases`, `text`, `other text`, `rule phrases`,
/// `controls`, aliases and phrases separated by U+001F. The controls are bytes: flags
/// (bit 0 `ambiguous="resolve"`, bit 1 `capitalized_runs="skip"`, bit 2 parents, bit 3 priors,
/// bits 4-5 `prior_ratio`, bit 7 `capitalized_runs="companies"` when bit 1 is clear), then the parents of entities 0-5, then their priors.
#[derive(Debug)]
struct Input {
    opts: u8,
    per_alias: u8,
    aliases: Vec<String>,
    ignore: Vec<String>,
    text: String,
    other: String,
    rules: Vec<String>,
    ctrl: Vec<u8>,
}

impl Input {
    fn decode(data: &[u8]) -> Option<Input> {
        if data.len() < 2 {
            return None;
        }
        let rest = String::from_utf8_lossy(&data[2..]);
        let mut parts = rest.split('\u{1E}');
        let list = |s: Option<&str>| -> Vec<String> {
            s.map(|s| s.split('\u{1F}').filter(|x| !x.is_empty()).map(String::from).collect()).unwrap_or_default()
        };
        let aliases = list(parts.next());
        let ignore = list(parts.next());
        let text = parts.next().unwrap_or("").to_string();
        let other = parts.next().unwrap_or("").to_string();
        let rules = list(parts.next());
        let ctrl = parts.next().unwrap_or("").as_bytes().to_vec();
        Some(Input { opts: data[0], per_alias: data[1], aliases, ignore, text, other, rules, ctrl })
    }
}

fn case_of(b: u8) -> CaseMode {
    match b % 3 {
        0 => CaseMode::Smart,
        1 => CaseMode::Sensitive,
        _ => CaseMode::Insensitive,
    }
}

/// Entities that aliases point to; two more exist as parents only.
const N_ALIAS_ENT: usize = 4;
const N_ENT: usize = 6;

fn build_spec(inp: &Input) -> Option<MatcherSpec> {
    let o = inp.opts;
    let flags = inp.ctrl.first().copied().unwrap_or(0);
    let options = Options {
        case: case_of(o),
        fold_accents: o & 0x04 != 0,
        overlaps: if o & 0x08 != 0 { Overlaps::All } else { Overlaps::Longest },
        ambiguous: if flags & 1 != 0 {
            Ambiguous::Resolve
        } else if o & 0x10 != 0 {
            Ambiguous::Skip
        } else {
            Ambiguous::All
        },
        capitalized_runs: if flags & 2 != 0 {
            Runs::Skip
        } else if flags & 0x80 != 0 {
            Runs::Companies
        } else {
            Runs::Keep
        },
    };
    let mut spec = MatcherSpec { options, ..Default::default() };
    let n_ent = N_ALIAS_ENT;
    // Kinds (control bit 0x40): two kinds and none, so that the list step of resolution runs.
    const KINDS: [&str; N_ENT] = ["x", "y", "", "y", "x", "y"];
    for i in 0..N_ENT {
        spec.ids.push(format!("E{i}"));
        spec.names.push(format!("E{i}"));
        spec.kinds.push(if flags & 0x40 != 0 { KINDS[i].to_string() } else { String::new() });
    }
    // Keep automata small: a handful of valid aliases.
    for (i, a) in inp.aliases.iter().take(12).enumerate() {
        if a.len() > 64 || parse_alias(a).is_err() {
            continue;
        }
        // Two bits of `per_alias` per alias (cycling): 0 = no override, 1 = a case override,
        // 2 = a fold override, 3 = both. Entities: a few aliases share one (ambiguity).
        let bits = (inp.per_alias >> ((i % 4) * 2)) & 3;
        let case = (bits & 1 != 0).then(|| case_of(i as u8 + (inp.opts >> 5)));
        let fold = (bits & 2 != 0).then_some(i % 2 == 0);
        let entity = ((i + (inp.opts >> 6) as usize) % n_ent) as u32;
        spec.aliases.push(AliasInput { text: a.clone(), entity, case, fold_accents: fold });
    }
    for t in inp.ignore.iter().take(3) {
        if t.len() <= 64 && parse_alias(t).is_ok() {
            spec.ignore.push(t.clone());
        }
    }
    if spec.aliases.is_empty() {
        return None;
    }
    // Hierarchy: parents (a cycle or a self-parent is dropped), priors, prior_ratio.
    let byte = |k: usize| inp.ctrl.get(k).copied().unwrap_or(0xFF);
    if flags & 4 != 0 {
        spec.parents = (0..N_ENT).map(|e| if (byte(1 + e) % 8) < N_ENT as u8 { (byte(1 + e) % 8) as u32 } else { NO_PARENT }).collect();
        if spec.validate().is_err() {
            spec.parents.clear();
        }
    }
    if flags & 8 != 0 {
        const PRIORS: [Option<f64>; 8] = [None, Some(0.0), Some(1.0), Some(2.0), Some(10.0), Some(100.0), Some(1e6), Some(0.5)];
        spec.priors = (0..N_ENT).map(|e| PRIORS[(byte(7 + e) % 8) as usize]).collect();
    }
    spec.prior_ratio = [None, Some(1.0), Some(2.0), Some(f64::INFINITY)][((flags >> 4) & 3) as usize];
    // Context rules: phrase k goes to target k % 4 (entity 0, entity 1, alias 0, alias 1),
    // `not_before` for even k / 4, `not_after` for odd.
    let mut rules: Vec<RuleInput> = Vec::new();
    for (k, p) in inp.rules.iter().take(8).enumerate() {
        if p.len() > 32 || parse_alias(p).is_err() {
            continue;
        }
        let (entity, alias) = match k % 4 {
            0 => (Some(0), None),
            1 => (Some(1), None),
            t => (None, Some(t as u32 - 2)),
        };
        if alias.is_some_and(|a| a as usize >= spec.aliases.len()) {
            continue;
        }
        let r = match rules.iter().position(|r| r.entity == entity && r.alias == alias) {
            Some(i) => &mut rules[i],
            None => {
                rules.push(RuleInput { entity, entities: vec![], alias, not_before: vec![], not_after: vec![], person_after: vec![] });
                rules.last_mut().unwrap()
            }
        };
        if (k / 4) % 2 == 0 { r.not_before.push(p.clone()) } else { r.not_after.push(p.clone()) }
    }
    spec.rules = rules;
    spec.validate().expect("the harness builds valid specs");
    Some(spec)
}

/// The context rules of the spec compiled as the matcher compiles them: (alias rule per alias,
/// entity rule per entity), for the reference's filter.
#[allow(clippy::type_complexity)]
fn reference_rules(spec: &MatcherSpec) -> (Vec<Option<(Rule, ViewSpec)>>, Vec<Option<(Rule, ViewSpec)>>) {
    let mut by_alias: Vec<Option<(Rule, ViewSpec)>> = vec![None; spec.aliases.len()];
    let mut by_entity: Vec<Option<(Rule, ViewSpec)>> = vec![None; spec.ids.len()];
    for r in &spec.rules {
        let (case, fold) = match r.alias {
            Some(a) => {
                let ai = &spec.aliases[a as usize];
                (ai.case.unwrap_or(spec.options.case), ai.fold_accents.unwrap_or(spec.options.fold_accents))
            }
            None => (spec.options.case, spec.options.fold_accents),
        };
        let vs = ViewSpec { fold, lower: case == CaseMode::Insensitive };
        let rule = Rule::new(&r.not_before, &r.not_after, PhraseCase { spec: vs, smart: case == CaseMode::Smart }, "x")
            .expect("rule phrases were checked");
        match (r.entity, r.alias) {
            (Some(e), None) => by_entity[e as usize] = Some((rule, vs)),
            (None, Some(a)) => by_alias[a as usize] = Some((rule, vs)),
            _ => unreachable!(),
        }
    }
    (by_alias, by_entity)
}

fn key(m: &Mention) -> (usize, usize, u32, u32, bool) {
    (m.start_byte, m.end_byte, m.entity, m.alias, m.ambiguous)
}

fn check_basic(spec: &MatcherSpec, text: &str, found: &[Mention]) {
    let cps: Vec<usize> = {
        // code-point index of every byte boundary
        let mut v = vec![usize::MAX; text.len() + 1];
        let mut n = 0;
        for (i, _) in text.char_indices() {
            v[i] = n;
            n += 1;
        }
        v[text.len()] = n;
        v
    };
    for m in found {
        assert!(m.start_byte < m.end_byte, "empty span {m:?}");
        assert!(m.end_byte <= text.len(), "span past the end {m:?}");
        assert!(text.is_char_boundary(m.start_byte) && text.is_char_boundary(m.end_byte), "not on char boundaries {m:?}");
        assert_eq!((m.start, m.end), (cps[m.start_byte], cps[m.end_byte]), "code points {m:?}");
        let surface = &text[m.start_byte..m.end_byte];
        assert!(surface.chars().any(is_letter_or_digit), "surface {surface:?} holds no letter or digit {m:?}");
        assert!(m.entity != IGNORE && (m.entity as usize) < spec.ids.len());
        assert!((m.alias as usize) < spec.aliases.len());
        assert_eq!(spec.aliases[m.alias as usize].entity, m.entity);
    }
    for w in found.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            (a.start_byte, std::cmp::Reverse(a.end_byte), a.entity) < (b.start_byte, std::cmp::Reverse(b.end_byte), b.entity),
            "not sorted: {a:?} then {b:?}"
        );
    }
    // ambiguous flags exactly the spans of several entities
    for m in found {
        let n = found.iter().filter(|x| x.start_byte == m.start_byte && x.end_byte == m.end_byte).count();
        assert_eq!(m.ambiguous, n > 1, "ambiguous flag {m:?}");
        if spec.options.ambiguous == Ambiguous::Skip {
            assert!(!m.ambiguous);
        }
    }
    if spec.options.overlaps == Overlaps::Longest {
        for (i, a) in found.iter().enumerate() {
            for b in &found[i + 1..] {
                let same = a.start_byte == b.start_byte && a.end_byte == b.end_byte;
                assert!(same || b.start_byte >= a.end_byte, "overlap with overlaps=longest: {a:?} {b:?}");
            }
        }
    }
}

/// The greedy overlap resolution (docs/matching.md, Overlaps) over candidate spans (sorted start asc, end desc).
fn greedy(all: &[Mention]) -> Vec<(usize, usize, u32, u32, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let c0 = all[i];
        let mut j = i;
        while j < all.len() && all[j].start_byte == c0.start_byte && all[j].end_byte == c0.end_byte {
            out.push(key(&all[j]));
            j += 1;
        }
        while j < all.len() && all[j].start_byte < c0.end_byte {
            j += 1;
        }
        i = j;
    }
    out
}

/// Candidates (docs/matching.md, Normalised comparison to Accents) by brute force, for aliases without accent folding:
/// (start byte, end byte, entity, alias index).
fn reference_candidates(spec: &MatcherSpec, text: &str) -> Vec<(usize, usize, u32, u32)> {
    let mut out = Vec::new();
    let inputs: Vec<(&str, u32, Option<CaseMode>)> = spec
        .aliases
        .iter()
        .map(|a| (a.text.as_str(), a.entity, a.case))
        .chain(spec.ignore.iter().map(|t| (t.as_str(), IGNORE, None)))
        .collect();
    let mut view = View::default();
    for (idx, (raw, entity, case)) in inputs.into_iter().enumerate() {
        let parsed = parse_alias(raw).unwrap();
        let case = case.unwrap_or(spec.options.case);
        let vs = ViewSpec { fold: false, lower: case == CaseMode::Insensitive };
        let base = normalize_str(&parsed.literal, vs);
        let mut pats = vec![base.clone()];
        if case == CaseMode::Smart {
            let up: String = base.chars().map(upper).collect();
            if up != base {
                pats.push(up);
            }
        }
        for (i, c) in text.char_indices() {
            if is_space(c) {
                continue;
            }
            let prev = text[..i].chars().next_back();
            view.build(&text[i..], vs);
            for p in &pats {
                if !view.text.starts_with(p.as_str()) {
                    continue;
                }
                let first = p.chars().next().unwrap();
                let last = p.chars().next_back().unwrap();
                // start boundary (docs/matching.md)
                if is_word(first) {
                    if let Some(pc) = prev {
                        let pc = map_punct(pc);
                        if is_word(pc) && !is_unspaced(pc) && !is_unspaced(c) {
                            continue;
                        }
                    }
                }
                let mut end = i + view.to_orig_byte(p.len());
                if parsed.glob {
                    let mut l = last;
                    while let Some(nc) = text[end..].chars().next() {
                        if is_word(nc) && !is_unspaced(nc) && !is_unspaced(l) {
                            end += nc.len_utf8();
                            l = nc;
                        } else {
                            break;
                        }
                    }
                } else if is_word(last) {
                    if let Some(nc) = text[end..].chars().next() {
                        if is_word(nc) && !is_unspaced(nc) && !is_unspaced(last) {
                            continue;
                        }
                    }
                }
                out.push((i, end, entity, idx as u32));
            }
        }
    }
    out
}

/// The reference result and the candidates its context rules removed (rules, runs).
fn reference(spec: &MatcherSpec, text: &str) -> (Vec<(usize, usize, u32, u32, bool)>, Removed) {
    let mut c = reference_candidates(spec, text);
    let (by_alias, by_entity) = reference_rules(spec);
    let mut removed = Removed::default();
    c.retain(|&(s, e, entity, alias)| {
        if entity == IGNORE {
            return true;
        }
        let rules = [by_alias[alias as usize].as_ref(), by_entity[entity as usize].as_ref()];
        if rules.into_iter().flatten().any(|(r, vs)| r.removes(text, s, e, *vs)) {
            removed.rules += 1;
            return false;
        }
        if spec.options.capitalized_runs.removes(text, s, e) {
            removed.runs += 1;
            return false;
        }
        true
    });
    c.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    c.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1 && a.2 == b.2);
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let c0 = c[i];
        let mut j = i;
        while j < c.len() && c[j].0 == c0.0 && c[j].1 == c0.1 {
            j += 1;
        }
        let group = &c[i..j];
        let ignored = group.iter().any(|g| g.2 == IGNORE);
        let amb = group.len() > 1;
        assert!(spec.options.ambiguous != Ambiguous::Resolve, "the reference does not resolve");
        if !ignored && !(amb && spec.options.ambiguous == Ambiguous::Skip) {
            out.extend(group.iter().map(|g| (g.0, g.1, g.2, g.3, amb)));
        }
        if spec.options.overlaps == Overlaps::Longest {
            while j < c.len() && c[j].0 < c0.1 {
                j += 1;
            }
        }
        i = j;
    }
    (out, removed)
}

/// The candidates of an ambiguous span left after the document step when there are no parents
/// (no context step): those mentioned unambiguously elsewhere in the document when there are
/// several, else all of them; sorted.
fn left_without_parents(cands: &[Mention], plain: &[u32]) -> Vec<u32> {
    let mut all: Vec<u32> = cands.iter().map(|c| c.entity).collect();
    all.sort_unstable();
    let narrowed: Vec<u32> = all.iter().copied().filter(|e| plain.contains(e)).collect();
    if narrowed.len() >= 2 { narrowed } else { all }
}

/// `resolved` (`ambiguous="resolve"`) against `all` (`ambiguous="all"`, same spec): the same
/// spans; each span's mentions checked against its candidates and the label it carries.
fn check_resolution(m: &Matcher, all: &[Mention], resolved: &[Mention]) {
    let h = m.hierarchy();
    let ratio = m.spec().prior_ratio.unwrap_or(PRIOR_RATIO);
    let spans = |ms: &[Mention]| -> Vec<(usize, usize, usize, usize)> {
        // (start, end, first index, end index) of each span's run of mentions
        let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (i, x) in ms.iter().enumerate() {
            match out.last_mut() {
                Some(l) if (l.0, l.1) == (x.start_byte, x.end_byte) => l.3 = i + 1,
                _ => out.push((x.start_byte, x.end_byte, i, i + 1)),
            }
        }
        out
    };
    let sa = spans(all);
    let sr = spans(resolved);
    assert_eq!(
        sa.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(),
        sr.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(),
        "resolution changed the spans"
    );
    // Entities mentioned unambiguously, and those resolved by context (for "document").
    let plain: Vec<u32> = resolved.iter().filter(|x| x.resolved_by == ResolvedBy::Unambiguous).map(|x| x.entity).collect();
    // Without parents, the entities the document step narrows to: those mentioned
    // unambiguously and those the list step chose.
    let chosen: Vec<u32> = resolved
        .iter()
        .filter(|x| matches!(x.resolved_by, ResolvedBy::Unambiguous | ResolvedBy::List))
        .map(|x| x.entity)
        .collect();
    let kinds = &m.spec().kinds;
    for (a, r) in sa.iter().zip(&sr) {
        let cands = &all[a.2..a.3];
        let got = &resolved[r.2..r.3];
        if cands.len() == 1 {
            assert_eq!(got, cands, "an unambiguous span changed");
            assert_eq!(got[0].resolved_by, ResolvedBy::Unambiguous);
            assert!(!got[0].ambiguous);
            continue;
        }
        assert!(cands.iter().all(|c| c.ambiguous && c.resolved_by == ResolvedBy::None), "ambiguous=all flags");
        if got.len() == 1 {
            let g = got[0];
            assert!(!g.ambiguous, "a decided span is flagged: {g:?}");
            let c = cands.iter().find(|c| c.entity == g.entity).expect("the decision is one of the candidates");
            assert_eq!((g.alias, g.start, g.end), (c.alias, c.start, c.end), "the decision keeps its candidate's alias and offsets");
            match g.resolved_by {
                ResolvedBy::Context => assert!(
                    plain.iter().any(|&p| h.related(g.entity, p)),
                    "resolved by context, but no related entity is mentioned unambiguously: {g:?}"
                ),
                ResolvedBy::Document => assert!(
                    resolved.iter().any(|x| x.entity == g.entity
                        && (x.start_byte, x.end_byte) != (g.start_byte, g.end_byte)
                        && matches!(x.resolved_by, ResolvedBy::Unambiguous | ResolvedBy::Context | ResolvedBy::List)),
                    "resolved by document, but the entity is not mentioned elsewhere: {g:?}"
                ),
                ResolvedBy::Support => assert!(h.has_parents(), "support without a hierarchy: {g:?}"),
                ResolvedBy::List => {
                    let k = &kinds[g.entity as usize];
                    assert!(!k.is_empty(), "the list chose an entity without a kind: {g:?}");
                    assert!(
                        resolved.iter().any(|x| x.resolved_by == ResolvedBy::Unambiguous && &kinds[x.entity as usize] == k),
                        "resolved by list, but no unambiguous mention has its kind: {g:?}"
                    );
                    assert!(
                        cands.iter().filter(|c| &kinds[c.entity as usize] == k).count() == 1,
                        "resolved by list, but several candidates have the kind: {g:?}"
                    );
                }
                ResolvedBy::Prior => {
                    let pg = h.prior(g.entity);
                    assert!(pg > 0.0, "resolved by a zero prior: {g:?}");
                    // Without parents only the document step narrows the candidates before the
                    // prior: the winner is one of those left, by the margin over each other.
                    if !h.has_parents() {
                        let left = left_without_parents(cands, &chosen);
                        assert!(left.contains(&g.entity), "the prior chose a candidate the document step removed: {g:?}");
                        for &o in left.iter().filter(|&&o| o != g.entity) {
                            assert!(pg > h.prior(o) && pg >= ratio * h.prior(o), "prior does not dominate: {g:?} vs entity {o}");
                        }
                    }
                }
                other => panic!("a decided span labelled {other:?}: {g:?}"),
            }
        } else {
            assert!(got.len() >= 2, "an empty span");
            if !h.has_parents() {
                let mut kept: Vec<u32> = got.iter().map(|g| g.entity).collect();
                kept.sort_unstable();
                assert_eq!(kept, left_without_parents(cands, &chosen), "an undecided span keeps what the document step left");
            }
            for g in got {
                assert!(g.ambiguous && g.resolved_by == ResolvedBy::None, "an undecided span: {g:?}");
                let c = cands.iter().find(|c| c.entity == g.entity).expect("undecided entities are candidates");
                assert_eq!(g.alias, c.alias);
            }
        }
    }
}

fn fold_invariant(s: &str) -> bool {
    s.chars().all(|c| {
        let mut n = 0;
        let mut same = true;
        fold_char(c, |f| {
            n += 1;
            same &= f == c;
        });
        n == 1 && same
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(inp) = Input::decode(data) else { return };
    if inp.text.len() > 4096 {
        return;
    }
    let Some(spec) = build_spec(&inp) else { return };
    let Ok(m) = Matcher::new(spec.clone()) else {
        panic!("valid aliases rejected: {spec:?}");
    };
    let text = inp.text.as_str();
    let found = m.find(text);
    check_basic(&spec, text, &found);

    // The token gate (built only for large gazetteers by default) never changes a result.
    let gated = Matcher::with_gate_threshold(spec.clone(), 0).expect("same spec compiles with the gate");
    let gate_key = |ms: &[Mention]| -> Vec<(usize, usize, u32, u32, bool)> {
        ms.iter().map(|x| (x.start, x.end, x.entity, x.alias, x.ambiguous)).collect()
    };
    assert_eq!(gate_key(&gated.find(text)), gate_key(&found), "token gate changed the result");
    // Nor does the engine: the contiguous NFA (large gazetteers) instead of the DFA.
    let nfa = Matcher::with_tuning(spec.clone(), usize::MAX, 0).expect("same spec compiles as an NFA");
    assert_eq!(nfa.find(text), found, "the NFA engine changed the result");

    // find_into with a scratch reused from another text, appending after existing output
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    let never = AtomicBool::new(false);
    m.find_into(&inp.other, &mut scratch, &mut out, &never).unwrap();
    let before = out.len();
    m.find_into(text, &mut scratch, &mut out, &never).unwrap();
    assert_eq!(&out[before..], &found[..], "find_into with reused scratch differs");

    // longest == greedy(all) when no ignore phrase and ambiguous=all
    if spec.ignore.is_empty() && spec.options.ambiguous == Ambiguous::All {
        let mut s_all = spec.clone();
        s_all.options.overlaps = Overlaps::All;
        let all = Matcher::new(s_all).unwrap().find(text);
        let mut s_l = spec.clone();
        s_l.options.overlaps = Overlaps::Longest;
        let longest = Matcher::new(s_l).unwrap().find(text);
        assert_eq!(longest.iter().map(key).collect::<Vec<_>>(), greedy(&all), "longest != greedy(all)");
    }

    // A fresh matcher gives the same result (resolution included).
    let fresh = Matcher::new(spec.clone()).unwrap();
    assert_eq!(fresh.find(text), found, "a fresh matcher differs");

    // ambiguous="resolve" against ambiguous="all" of the same spec.
    let found_all = if spec.options.ambiguous == Ambiguous::Resolve {
        let mut s_all = spec.clone();
        s_all.options.ambiguous = Ambiguous::All;
        let m_all = Matcher::new(s_all).unwrap();
        let found_all = m_all.find(text);
        check_resolution(&m, &found_all, &found);
        found_all
    } else {
        found.clone()
    };

    let no_fold = spec.aliases.iter().all(|a| !a.fold_accents.unwrap_or(spec.options.fold_accents));
    if no_fold && text.len() <= 512 {
        let mut s_ref = spec.clone();
        if s_ref.options.ambiguous == Ambiguous::Resolve {
            s_ref.options.ambiguous = Ambiguous::All;
        }
        let got: Vec<_> = found_all.iter().map(key).collect();
        let (want, want_removed) = reference(&s_ref, text);
        assert_eq!(got, want, "differs from the brute-force reference; spec {spec:?}");
        // The removed counts of the context rules too.
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        m.find_into(text, &mut scratch, &mut out, &never).unwrap();
        assert_eq!(scratch.take_removed(), want_removed, "removed counts differ from the reference; spec {spec:?}");
    }
    let rules_invariant = spec.rules.iter().all(|r| r.not_before.iter().chain(&r.not_after).all(|t| fold_invariant(t)));
    if fold_invariant(text)
        && spec.aliases.iter().all(|a| fold_invariant(&a.text))
        && spec.ignore.iter().all(|t| fold_invariant(t))
        && rules_invariant
    {
        let mut on = spec.clone();
        on.options.fold_accents = true;
        let mut off = spec.clone();
        off.options.fold_accents = false;
        for a in on.aliases.iter_mut().chain(off.aliases.iter_mut()) {
            a.fold_accents = None;
        }
        let f_on: Vec<_> = Matcher::new(on).unwrap().find(text).iter().map(key).collect();
        let f_off: Vec<_> = Matcher::new(off).unwrap().find(text).iter().map(key).collect();
        assert_eq!(f_on, f_off, "fold on/off differ on fold-invariant input");
    }
});
