//! Timing of the sentence splitter alone (pure Rust, single thread): paragraphs only, then
//! sentences, over a JSON Lines corpus with a `text` field, median of N runs, MB/s.
//!
//! ```text
//! zcat "$GAZETTA_DATA"/corpora/reuters21578.jsonl.gz > /tmp/reuters.jsonl
//! cargo run --release --example split_ab -- /tmp/reuters.jsonl 9
//! ```
use gazetta::core::units::{paragraphs_into, sentences_into, ParagraphMode};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: split_ab <corpus.jsonl> [runs]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let corpus: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(|s| s.to_string()))
        .collect();
    let mb: f64 = corpus.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    for mode in [ParagraphMode::Blank, ParagraphMode::Line] {
        let (mut tp, mut ts) = (vec![], vec![]);
        let (mut paras, mut out) = (Vec::new(), Vec::new());
        let (mut np, mut ns) = (0usize, 0usize);
        // A checksum of every sentence span, to compare builds (spans must not change).
        let mut sum: u64 = 0xCBF2_9CE4_8422_2325;
        for text in &corpus {
            sentences_into(text, mode, &mut out);
            for &(s, e) in &out {
                sum = (sum ^ s as u64).wrapping_mul(0x100_0000_01B3);
                sum = (sum ^ e as u64).wrapping_mul(0x100_0000_01B3);
            }
            sum = (sum ^ 0xFF).wrapping_mul(0x100_0000_01B3);
        }
        for _ in 0..runs {
            let t = Instant::now();
            np = 0;
            for text in &corpus {
                paragraphs_into(text, mode, &mut paras);
                np += paras.len();
            }
            tp.push(t.elapsed().as_secs_f64());
            let t = Instant::now();
            ns = 0;
            for text in &corpus {
                sentences_into(text, mode, &mut out);
                ns += out.len();
            }
            ts.push(t.elapsed().as_secs_f64());
        }
        let med = |v: &mut Vec<f64>| {
            v.sort_by(|a, b| a.total_cmp(b));
            v[v.len() / 2]
        };
        let (p, s) = (med(&mut tp), med(&mut ts));
        println!(
            "{mode:?}: paragraphs {np} in {:.1} ms ({:.0} MB/s); sentences {ns} in {:.1} ms ({:.0} MB/s); checksum {sum:016x}",
            p * 1e3,
            mb / p,
            s * 1e3,
            mb / s
        );
    }
}
