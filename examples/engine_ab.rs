//! A/B timing of the matcher's build choices in pure Rust (no Python, so no frame building
//! and far less noise than the end-to-end benchmarks): the engine (DFA kept only while its
//! table is cache-sized, or always, or never) and the token gate (default threshold, never,
//! always), interleaved run by run, single thread, median of N runs.
//!
//! Inputs: a gazetteer as JSON (`ids`, `names`, `kinds`, `texts`, `ents`: the columns of
//! `Gazetteer._flat()`) and a JSON Lines corpus with a `text` field. From the repository root:
//!
//! ```text
//! python -c "import sys, json; sys.path.insert(0, 'benchmarks'); import cooccur as C
//! g = C.read_gazetteer('countries'); i, n, k, t, e, _, _ = g._flat()
//! json.dump(dict(ids=list(i), names=list(n), kinds=list(k), texts=list(t), ents=[int(x) for x in e]),
//!           open('/tmp/countries.json', 'w'))"
//! zcat "$GAZETTA_DATA"/corpora/reuters21578.jsonl.gz > /tmp/reuters.jsonl
//! cargo run --release --example engine_ab -- /tmp/countries.json /tmp/reuters.jsonl 7
//! ```
use gazetta::core::Matcher;
use std::time::Instant;
#[path = "ab_common/mod.rs"]
mod ab_common;

fn main() {
    // usage: engine_ab <gazetteer.json> <corpus.jsonl> [runs]
    let args: Vec<String> = std::env::args().collect();
    let spec = ab_common::load_spec(&args[1]);
    let corpus: Vec<String> = ab_common::load_corpus(&args[2]);
    let mb: f64 = corpus.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let variants: Vec<(&str, usize, usize)> = vec![("default", 20_000, 256 * 1024), ("dfa-always", 20_000, usize::MAX), ("nfa-always", 20_000, 0), ("gate-off", usize::MAX, 256*1024), ("gate-all", 0, 256*1024)];
    let ms: Vec<(&str, Matcher)> = variants.iter().map(|&(n, g, d)| (n, Matcher::with_tuning(spec.clone(), g, d).unwrap())).collect();
    let reps: usize = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(5);
    let mut times: Vec<Vec<f64>> = vec![vec![]; ms.len()];
    let mut counts = vec![0usize; ms.len()];
    for _ in 0..reps {
        for (k, (_, m)) in ms.iter().enumerate() {
            let t = Instant::now();
            let mut c = 0;
            for text in &corpus { c += m.find(text).len(); }
            times[k].push(t.elapsed().as_secs_f64());
            counts[k] = c;
        }
    }
    for (k, (n, m)) in ms.iter().enumerate() {
        let mut v = times[k].clone(); v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{n:12} {:7.1} MB/s (median of {reps}, 1 thread)  mentions {}  heap {:.1} MB", mb / v[v.len() / 2], counts[k], m.heap_bytes() as f64 / 1e6);
    }
}
