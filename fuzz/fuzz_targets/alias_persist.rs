//! Fuzz target `alias_persist`: `parse_alias` and `persist::from_bytes` on arbitrary input.
//!
//! Checks: neither panics; a parsed alias is stripped, non-empty, holds a letter or digit and is
//! what docs/gazetteers.md says (a trailing unescaped `*` is a glob, `\*` a literal star, no other star);
//! a spec built from the input's valid aliases round-trips through `to_bytes`/`from_bytes`,
//! and a spec that loads from arbitrary bytes also survives `Matcher::new` without panicking and
//! saves back to an equal spec.
#![no_main]

use gazetta::core::alias::parse_alias;
use gazetta::core::chars::{is_letter_or_digit, is_space};
use gazetta::core::matcher::{AliasInput, CaseMode, Matcher, MatcherSpec};
use gazetta::core::persist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // 1. arbitrary bytes as a saved matcher
    if let Ok(spec) = persist::from_bytes(data) {
        if spec.aliases.len() + spec.ignore.len() <= 64 {
            let _ = Matcher::new(spec.clone());
        }
        let again = persist::to_bytes(&spec).expect("a loaded spec saves");
        assert_eq!(persist::from_bytes(&again).expect("a saved spec loads"), spec);
    }
    // 2. the bytes as alias strings (one per line)
    let text = String::from_utf8_lossy(data);
    let mut spec = MatcherSpec::default();
    for (i, raw) in text.split('\n').take(32).enumerate() {
        match parse_alias(raw) {
            Ok(a) => {
                assert!(!a.literal.is_empty());
                assert!(!a.literal.starts_with(is_space) && !a.literal.ends_with(is_space), "not stripped: {a:?}");
                assert!(a.literal.chars().any(is_letter_or_digit));
                let t = raw.trim();
                assert_eq!(a.glob, t.ends_with('*') && !t.ends_with("\\*"), "glob flag of {raw:?}");
                // every star of the literal came from an escape
                assert_eq!(a.literal.matches('*').count(), t.matches("\\*").count(), "stars of {raw:?}");
                let e = spec.ids.len() as u32;
                spec.ids.push(format!("E{i}"));
                spec.names.push(a.literal.clone());
                spec.kinds.push(if i % 2 == 0 { "country".into() } else { String::new() });
                spec.aliases.push(AliasInput {
                    text: raw.to_string(),
                    entity: e,
                    case: [None, Some(CaseMode::Smart), Some(CaseMode::Insensitive)][i % 3],
                    fold_accents: [None, Some(true)][i % 2],
                });
            }
            Err(_) => {
                // rejected aliases are rejected by the compiler too, naming the alias
                let mut bad = MatcherSpec::default();
                bad.ids.push("X".into());
                bad.names.push("X".into());
                bad.kinds.push(String::new());
                bad.aliases.push(AliasInput { text: raw.to_string(), entity: 0, case: None, fold_accents: None });
                assert!(Matcher::new(bad).is_err());
            }
        }
    }
    // `extra` must be a JSON object (checked on load).
    spec.extra = format!("{{\"n\":{},\"s\":\"{}\"}}", text.len(), text.chars().filter(|c| c.is_ascii_alphanumeric()).take(16).collect::<String>());
    let bytes = persist::to_bytes(&spec).expect("valid spec saves");
    let back = persist::from_bytes(&bytes).expect("valid spec loads");
    assert_eq!(back, spec);
    // truncated saves are rejected, never a panic
    let cut = data.first().map_or(0, |&b| b as usize) % bytes.len().max(1);
    if cut < bytes.len() {
        assert!(persist::from_bytes(&bytes[..cut]).is_err());
    }
    if !spec.aliases.is_empty() {
        Matcher::new(back).expect("valid aliases compile");
    }
});
