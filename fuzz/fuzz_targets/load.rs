//! Fuzz target `load`: the structure checks of a saved matcher (`MatcherSpec::validate`, run by
//! `persist::from_bytes`) on specs built from the input, valid or not, with every field the
//! checks cover: ids, names, kinds, alias and ignore texts and entity indices, parents (out of
//! range, self, cycles), priors (negative, NaN, infinite), `prior_ratio`, context rules (no
//! target, two targets, out of range, twice the same, no phrase, bad phrases) and `extra`.
//!
//! Checks: nothing panics; a spec that `validate` accepts compiles (`Matcher::new`), or fails
//! only on an alias or phrase text (`Error::BadAlias`: texts are checked by the compiler), and
//! the compiled matcher matches a text in every `ambiguous` mode without panicking, its
//! resolved mentions pointing to in-range entities and aliases; a spec whose numbers are all
//! finite loads back from its own save exactly when `validate` accepts it (and then equal);
//! arbitrary bytes as a file never panic, and a file that loads compiles or fails on a text.
#![no_main]

use gazetta::core::error::Error;
use gazetta::core::persist;
use gazetta::core::resolve::NO_PARENT;
use gazetta::core::{
    AliasInput, Ambiguous, CaseMode, Matcher, MatcherSpec, Options, Overlaps, ResolvedBy, RuleInput, Runs,
};
use libfuzzer_sys::fuzz_target;

/// Reads the input one byte at a time (zeros after its end).
struct Bytes<'a>(&'a [u8], usize);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        let b = self.0.get(self.1).copied().unwrap_or(0);
        self.1 += 1;
        b
    }
    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[self.next() as usize % from.len()].clone()
    }
}

const TEXTS: [&str; 12] =
    ["Paris", "Texas", "", "**", "a*b", "Ürümqi*", "New  York", "\\*x", "ab", "PARIS", " -- ", "北京"];
const PRIORS: [Option<f64>; 8] =
    [None, Some(0.0), Some(1.0), Some(1e300), Some(-1.0), Some(f64::NAN), Some(f64::INFINITY), Some(5.0)];
const RATIOS: [Option<f64>; 7] =
    [None, Some(1.0), Some(0.5), Some(f64::NAN), Some(f64::INFINITY), Some(10.0), Some(1.000_000_1)];
const TEXT: &str = "Paris, Texas and New York; Ürümqis PARIS paris ab *x 北京 Paris.";

fn text(b: &mut Bytes) -> String {
    let k = b.next();
    if k == 0xFF {
        "x".repeat(257) // longer than an alias may be
    } else {
        TEXTS[k as usize % TEXTS.len()].to_string()
    }
}

fn build(b: &mut Bytes) -> MatcherSpec {
    let flags = b.next();
    let n = (b.next() % 5) as usize;
    let mut s = MatcherSpec::default();
    for i in 0..n {
        s.ids.push(if flags & 1 != 0 && i == n - 1 && n > 1 { "E0".into() } else { format!("E{i}") });
        s.names.push(format!("N{i}"));
        s.kinds.push(["", "city", "country"][i % 3].into());
    }
    if flags & 2 != 0 {
        match b.next() % 3 {
            0 => s.names.push("extra".into()),
            1 => drop(s.kinds.pop()),
            _ => {}
        }
    }
    let entity = |b: &mut Bytes| -> u32 {
        match b.next() % 8 {
            7 => u32::MAX,
            6 => n as u32,
            k => k as u32 % (n.max(1) as u32),
        }
    };
    for _ in 0..b.next() % 6 {
        let t = text(b);
        let e = entity(b);
        let o = b.next();
        s.aliases.push(AliasInput {
            text: t,
            entity: e,
            case: [None, Some(CaseMode::Smart), Some(CaseMode::Sensitive), Some(CaseMode::Insensitive)][(o % 4) as usize],
            fold_accents: [None, Some(false), Some(true)][(o / 4 % 3) as usize],
        });
    }
    for _ in 0..b.next() % 3 {
        s.ignore.push(text(b));
    }
    s.options = Options {
        case: b.pick(&[CaseMode::Smart, CaseMode::Sensitive, CaseMode::Insensitive]),
        fold_accents: flags & 4 != 0,
        overlaps: if flags & 8 != 0 { Overlaps::All } else { Overlaps::Longest },
        ambiguous: b.pick(&[Ambiguous::Resolve, Ambiguous::All, Ambiguous::Skip]),
        capitalized_runs: b.pick(&[Runs::Keep, Runs::Skip, Runs::Companies]),
    };
    if flags & 32 != 0 {
        let len = if b.next() % 8 == 0 { n + 1 } else { n };
        s.parents = (0..len)
            .map(|_| match b.next() % (n as u8 + 3) {
                k if (k as usize) < n + 1 => k as u32, // n itself is out of range
                _ => NO_PARENT,
            })
            .collect();
    }
    if flags & 64 != 0 {
        let len = if b.next() % 8 == 0 { n.saturating_sub(1) } else { n };
        s.priors = (0..len).map(|_| b.pick(&PRIORS)).collect();
    }
    s.prior_ratio = b.pick(&RATIOS);
    for _ in 0..b.next() % 4 {
        let t = b.next();
        let ent = (t & 1 != 0).then(|| entity(b));
        let ali = (t & 2 != 0).then(|| b.next() as u32 % (s.aliases.len() as u32 + 1));
        let mut phrases = || (0..b.next() % 3).map(|_| text(b)).collect::<Vec<_>>();
        let not_before = phrases();
        let not_after = phrases();
        let person_after = phrases();
        let entities = if t & 4 != 0 { (0..b.next() % 3).map(|_| entity(b)).collect() } else { Vec::new() };
        s.rules.push(RuleInput { entity: ent, entities, alias: ali, not_before, not_after, person_after });
    }
    s.extra = match b.next() % 7 {
        0 | 1 => String::new(),
        2 => "{}".into(),
        3 => "[1]".into(),
        4 => r#"{"attrs":{"JP":{"population":125}},"n":1.5}"#.into(),
        5 => format!("{{\"a\":{}1{}}}", "[".repeat(70), "]".repeat(70)),
        _ => "{\"a\":".into(),
    };
    s
}

fn finite(s: &MatcherSpec) -> bool {
    s.priors.iter().flatten().all(|p| p.is_finite()) && s.prior_ratio.map_or(true, f64::is_finite)
}

fn exercise(m: &Matcher) {
    let spec = m.spec();
    for amb in [Ambiguous::Resolve, Ambiguous::All, Ambiguous::Skip] {
        let mut s = spec.clone();
        s.options.ambiguous = amb;
        let m = Matcher::new(s).expect("only the ambiguity mode changed");
        for x in m.find(TEXT) {
            assert!((x.entity as usize) < spec.ids.len() && (x.alias as usize) < spec.aliases.len(), "{x:?}");
            assert_eq!(spec.aliases[x.alias as usize].entity, x.entity);
            assert_eq!(x.ambiguous, x.resolved_by == ResolvedBy::None, "{x:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // 1. the bytes as a saved matcher
    if let Ok(spec) = persist::from_bytes(data) {
        assert!(spec.validate().is_ok());
        if spec.aliases.len() + spec.ignore.len() <= 64 {
            match Matcher::new(spec.clone()) {
                Ok(m) => exercise(&m),
                Err(Error::BadAlias { .. }) => {}
                Err(e) => panic!("a file that loads fails to compile: {e}"),
            }
        }
    }
    // 2. a spec built from the bytes
    let spec = build(&mut Bytes(data, 0));
    let valid = spec.validate();
    let compiled = Matcher::new(spec.clone());
    if valid.is_ok() {
        match &compiled {
            Ok(m) => exercise(m),
            Err(Error::BadAlias { .. }) => {}
            Err(e) => panic!("validate accepted a spec that does not compile: {e}; {spec:?}"),
        }
    }
    if finite(&spec) {
        let bytes = persist::to_bytes(&spec).expect("a spec saves");
        match persist::from_bytes(&bytes) {
            Ok(back) => {
                assert!(valid.is_ok(), "a spec that validate rejects ({valid:?}) loads from its save");
                assert_eq!(back, spec);
            }
            Err(e) => {
                assert!(valid.is_err(), "a valid spec does not load from its save: {e}");
                let msg = e.to_string();
                assert!(msg.contains("spec."), "the error names no field: {msg}");
            }
        }
    }
});
