//! What the A/B timing examples (`engine_ab`, `pass_ab`, `cooc_ab`) share: reading the
//! gazetteer JSON (`ids`, `names`, `kinds`, `texts`, `ents`, as written by the benchmarks) and
//! the `text` field of a JSON Lines corpus. Timing tools, not library code: a bad file ends the
//! run with a message.
use gazetta::core::{AliasInput, MatcherSpec};

/// The matcher spec of a gazetteer JSON file.
pub fn load_spec(path: &str) -> MatcherSpec {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| fail(path, &e.to_string()));
    let g: serde_json::Value = serde_json::from_str(&raw).unwrap_or_else(|e| fail(path, &e.to_string()));
    let strs = |k: &str| -> Vec<String> {
        let list = g[k].as_array().unwrap_or_else(|| fail(path, &format!("no list '{k}'")));
        list.iter().map(|v| v.as_str().unwrap_or_else(|| fail(path, &format!("'{k}' holds a non-string"))).to_string()).collect()
    };
    let texts = strs("texts");
    let ents_list = g["ents"].as_array().unwrap_or_else(|| fail(path, "no list 'ents'"));
    let ents: Vec<u32> = ents_list.iter().map(|v| v.as_u64().unwrap_or_else(|| fail(path, "'ents' holds a non-integer")) as u32).collect();
    MatcherSpec {
        ids: strs("ids"),
        names: strs("names"),
        kinds: strs("kinds"),
        aliases: texts.iter().zip(&ents).map(|(t, &e)| AliasInput { text: t.clone(), entity: e, case: None, fold_accents: None }).collect(),
        ..Default::default()
    }
}

/// The `text` field of every line of a JSON Lines file (lines that are no JSON object with a
/// string `text` are skipped).
pub fn load_corpus(path: &str) -> Vec<String> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| fail(path, &e.to_string()));
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(|s| s.to_string()))
        .collect()
}

fn fail(path: &str, why: &str) -> ! {
    eprintln!("{path}: {why}");
    std::process::exit(2)
}
