//! One-binary timing of the two scans of a sentence-level co-occurrence pass (pure Rust,
//! single thread): matching (`find_bytes_into`) and sentence splitting (`sentences_into`)
//! over a JSON Lines corpus, with a checksum of every mention and span to compare builds.
//! Build it at two commits and run the binaries alternately (the host is noisy).
//!
//! ```text
//! cargo run --release --example pass_ab -- /tmp/countries.json /tmp/bbc.jsonl 15
//! ```
//! (the gazetteer JSON as in `engine_ab.rs`).
use gazetta::core::units::{sentences_into, ParagraphMode};
use gazetta::core::Matcher;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

#[path = "ab_common/mod.rs"]
mod ab_common;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: pass_ab <gazetteer.json> <corpus.jsonl> [runs]");
        std::process::exit(2);
    }
    let spec = ab_common::load_spec(&args[1]);
    let corpus: Vec<String> = ab_common::load_corpus(&args[2]);
    let runs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(9);
    let m = Matcher::new(spec).unwrap();
    let cancel = AtomicBool::new(false);
    let mut scratch = Default::default();
    let (mut found, mut spans) = (Vec::new(), Vec::new());
    let (mut tm, mut ts) = (vec![], vec![]);
    let (mut cm, mut cs) = (0u64, 0u64);
    for _ in 0..runs {
        let t0 = Instant::now();
        cm = 0xCBF2_9CE4_8422_2325;
        for t in &corpus {
            found.clear();
            m.find_bytes_into(t, &mut scratch, &mut found, &cancel).unwrap();
            for x in &found {
                cm = (cm ^ (x.start_byte as u64 * 31 + x.end_byte as u64 * 7 + x.entity as u64)).wrapping_mul(0x100_0000_01B3);
            }
        }
        tm.push(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        cs = 0xCBF2_9CE4_8422_2325;
        for t in &corpus {
            spans.clear();
            sentences_into(t, ParagraphMode::Blank, &mut spans);
            for &(a, b) in &spans {
                cs = (cs ^ (a as u64 * 31 + b as u64)).wrapping_mul(0x100_0000_01B3);
            }
        }
        ts.push(t0.elapsed().as_secs_f64());
    }
    let med = |v: &mut Vec<f64>| { v.sort_by(|a, b| a.partial_cmp(b).unwrap()); v[v.len() / 2] * 1e3 };
    println!("match {:.2} ms ({cm:016x})  split {:.2} ms ({cs:016x})", med(&mut tm), med(&mut ts));
}
