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
//!   (the folded path walks a normalised copy, the plain one the original: two implementations).
#![no_main]

use std::sync::atomic::AtomicBool;

use gazetta::core::alias::parse_alias;
use gazetta::core::chars::{fold_char, is_letter_or_digit, is_space, is_unspaced, is_word, map_punct, upper};
use gazetta::core::matcher::{Scratch, IGNORE};
use gazetta::core::normalize::{normalize_str, View, ViewSpec};
use gazetta::core::{AliasInput, Ambiguous, CaseMode, Matcher, MatcherSpec, Mention, Options, Overlaps};
use libfuzzer_sys::fuzz_target;

/// The input, decoded from bytes so that seeds are readable (`fuzz/seeds/matcher/`):
/// byte 0 holds the options, byte 1 the per-alias override pattern, the rest is UTF-8 (lossy)
/// split on U+001E into `aliases`, `ignore phrases`, `text`, `other text`, aliases and
/// phrases separated by U+001F.
#[derive(Debug)]
struct Input {
    opts: u8,
    per_alias: u8,
    aliases: Vec<String>,
    ignore: Vec<String>,
    text: String,
    other: String,
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
        Some(Input { opts: data[0], per_alias: data[1], aliases, ignore, text, other })
    }
}

fn case_of(b: u8) -> CaseMode {
    match b % 3 {
        0 => CaseMode::Smart,
        1 => CaseMode::Sensitive,
        _ => CaseMode::Insensitive,
    }
}

fn build_spec(inp: &Input) -> Option<MatcherSpec> {
    let o = inp.opts;
    let options = Options {
        case: case_of(o),
        fold_accents: o & 0x04 != 0,
        overlaps: if o & 0x08 != 0 { Overlaps::All } else { Overlaps::Longest },
        ambiguous: if o & 0x10 != 0 { Ambiguous::Skip } else { Ambiguous::All },
    };
    let mut spec = MatcherSpec { options, ..Default::default() };
    let n_ent = 4usize;
    for i in 0..n_ent {
        spec.ids.push(format!("E{i}"));
        spec.names.push(format!("E{i}"));
        spec.kinds.push(String::new());
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
    Some(spec)
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
            pats.push(base.chars().map(upper).collect());
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

fn reference(spec: &MatcherSpec, text: &str) -> Vec<(usize, usize, u32, u32, bool)> {
    let mut c = reference_candidates(spec, text);
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
    out
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

    let no_fold = spec.aliases.iter().all(|a| !a.fold_accents.unwrap_or(spec.options.fold_accents));
    if no_fold && text.len() <= 512 {
        let got: Vec<_> = found.iter().map(key).collect();
        assert_eq!(got, reference(&spec, text), "differs from the brute-force reference; spec {spec:?}");
    }
    if fold_invariant(text) && spec.aliases.iter().all(|a| fold_invariant(&a.text)) && spec.ignore.iter().all(|t| fold_invariant(t)) {
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
