//! Timing of the phases of a sentence-level co-occurrence pass in pure Rust (single thread):
//! matching alone (`find_bytes_into`), sentence splitting alone (`sentences_into` under
//! the reading `paragraphs="blank"`, or the mode given last, gives each text), and the whole count
//! (`Counter::add_batch` on a 1-thread pool, which does both plus the counting), with a
//! checksum of the counted columns to compare builds. Phase `layout`: the layout decision of
//! `paragraphs="auto"` (`units::layout`) of every text, checked against its plain restatement
//! (`units::reference::layout`), with a checksum of its fields. Under callgrind, pass one phase
//! (`match`, `split`, `count` or `none` = loading only) and 1 run: the instruction counts of
//! a phase are its run minus the `none` run.
//!
//! ```text
//! cargo run --release --example cooc_ab -- /tmp/countries.json /tmp/reuters.jsonl all 9
//! ```
//! (the gazetteer JSON as in `engine_ab.rs`).
use gazetta::core::batch::{pool, Control};
use gazetta::core::cooccur::{CoocOptions, CountMode, Counter, Unit};
use gazetta::core::units::{layout, reference, sentences_into, ParagraphMode};
use gazetta::core::Matcher;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

#[path = "ab_common/mod.rs"]
mod ab_common;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: cooc_ab <gazetteer.json> <corpus.jsonl> [all|match|split|count|none|layout] [runs] [blank|auto|line]");
        std::process::exit(2);
    }
    let spec = ab_common::load_spec(&args[1]);
    let corpus: Vec<String> = ab_common::load_corpus(&args[2]);
    let phase = args.get(3).map(String::as_str).unwrap_or("all");
    let runs: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(9);
    let mode = match args.get(5).map(String::as_str).unwrap_or("blank") {
        "auto" => ParagraphMode::Auto,
        "line" => ParagraphMode::Line,
        _ => ParagraphMode::Blank,
    };
    let m = Matcher::new(spec).unwrap();
    let mut rank: Vec<u32> = (0..m.spec().ids.len() as u32).collect();
    {
        let mut order: Vec<u32> = rank.clone();
        order.sort_by(|&a, &b| m.spec().ids[a as usize].cmp(&m.spec().ids[b as usize]));
        for (r, &e) in order.iter().enumerate() {
            rank[e as usize] = r as u32;
        }
    }
    let docs: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let groups = vec![0u32; docs.len()];
    let opts = CoocOptions { unit: Unit::Sentence, paragraphs: mode, window: None, count: CountMode::Units };
    let p = pool(Some(1)).unwrap();
    let cancel = AtomicBool::new(false);
    let mb: f64 = docs.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    if phase == "layout" {
        let t0 = Instant::now();
        let mut cl = 0xCBF2_9CE4_8422_2325u64;
        let (mut wrapped, mut differ) = (0usize, 0usize);
        for t in &docs {
            let l = layout(t);
            if l != reference::layout(t) {
                differ += 1;
            }
            wrapped += l.wrapped() as usize;
            for x in [l.width, l.soft_breaks, l.wrapped_breaks, l.indents as usize] {
                cl = (cl ^ x as u64).wrapping_mul(0x100_0000_01B3);
            }
        }
        println!("{mb:.2} MB: layout of {} texts ({wrapped} wrapped, {differ} differing from the reference) ({cl:016x}) in {:.0} ms",
                 docs.len(), t0.elapsed().as_secs_f64() * 1e3);
        return;
    }
    let (mut tm, mut ts, mut tc) = (vec![], vec![], vec![]);
    let (mut cm, mut cs, mut cc) = (0u64, 0u64, 0u64);
    let mut scratch = Default::default();
    let (mut found, mut spans) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        if phase == "all" || phase == "match" {
            let t0 = Instant::now();
            cm = 0xCBF2_9CE4_8422_2325;
            for t in &docs {
                found.clear();
                m.find_bytes_into(t, &mut scratch, &mut found, &cancel).unwrap();
                cm = (cm ^ found.len() as u64).wrapping_mul(0x100_0000_01B3);
            }
            tm.push(t0.elapsed().as_secs_f64());
        }
        if phase == "all" || phase == "split" {
            let t0 = Instant::now();
            cs = 0xCBF2_9CE4_8422_2325;
            for t in &docs {
                sentences_into(t, mode, &mut spans);
                for &(a, b) in &spans {
                    cs = (cs ^ (a as u64 * 31 + b as u64)).wrapping_mul(0x100_0000_01B3);
                }
            }
            ts.push(t0.elapsed().as_secs_f64());
        }
        if phase == "all" || phase == "count" {
            let t0 = Instant::now();
            let mut c = Counter::new();
            c.add_batch(&m, &docs, &groups, &rank, &opts, &p, &Control::default()).unwrap();
            let f = c.finish(&rank);
            tc.push(t0.elapsed().as_secs_f64());
            cc = 0xCBF2_9CE4_8422_2325;
            for x in f.pair_a.iter().chain(&f.pair_b).map(|&x| x as u64).chain(f.n_ab.iter().copied())
                .chain(f.ent_units.iter().copied()).chain(f.ent_mentions.iter().copied()).chain(f.ent_docs.iter().copied())
                .chain(f.groups.iter().flat_map(|g| [g.docs, g.units, g.mentions]))
            {
                cc = (cc ^ x).wrapping_mul(0x100_0000_01B3);
            }
        }
    }
    let med = |v: &mut Vec<f64>| -> f64 {
        if v.is_empty() {
            return f64::NAN;
        }
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2] * 1e3
    };
    let (a, b, c) = (med(&mut tm), med(&mut ts), med(&mut tc));
    println!("{mb:.2} MB: match {a:.2} ms ({cm:016x})  split {b:.2} ms ({cs:016x})  count {c:.2} ms ({cc:016x}) = {:.0} MB/s",
             mb / c * 1e3);
}
