//! Measured accuracy of the sentence splitter (docs/sentences.md) on hand-checked news text.
//!
//! Reads `tests/data/sentences_gold.jsonl` (see `tests/data/README.md`), splits every text with
//! `sentences_in(text, mode)` and compares sentence *boundaries* with the gold ones. A boundary
//! is the position between two consecutive sentences, counted in non-whitespace characters from
//! the start of the text, so trimming and whitespace never matter; the end of the text is not
//! a boundary. Prints precision, recall and F1 for all boundaries and for those that are not
//! at a paragraph break (the ones the splitter's rules decide), plus every disagreement.
//!
//! Run: `cargo test --release --test sentences_gold -- --nocapture`
//!
//! The assertion (F1 ≥ 0.97 over all boundaries) is a correctness floor, not a timing check.

use gazetta::core::units::{layout, paragraphs, reference, sentences_in, ParagraphMode, Reading};
use std::collections::BTreeSet;

#[derive(serde::Deserialize)]
struct Gold {
    source: String,
    paragraphs: ParagraphMode,
    text: String,
    sentences: Vec<String>,
}

/// Non-whitespace characters before each internal end of `pieces` (all but the last).
fn boundaries<'a>(pieces: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut n = 0usize;
    for p in pieces {
        n += p.chars().filter(|c| !c.is_whitespace()).count();
        out.push(n);
    }
    out.pop();
    out
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<usize>, got: &BTreeSet<usize>) {
        self.tp += gold.intersection(got).count();
        self.fp += got.difference(gold).count();
        self.fn_ += gold.difference(got).count();
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
    fn line(&self, what: &str) -> String {
        let (p, r, f) = self.prf();
        format!(
            "{what}: gold {} predicted {} correct {} | precision {p:.4} recall {r:.4} F1 {f:.4}",
            self.tp + self.fn_,
            self.tp + self.fp,
            self.tp
        )
    }
}

/// The text around non-space position `pos` (for the error listing).
fn context(text: &str, pos: usize) -> String {
    let mut n = 0usize;
    let mut at = text.len();
    for (i, c) in text.char_indices() {
        if n == pos {
            at = i;
            break;
        }
        if !c.is_whitespace() {
            n += 1;
        }
    }
    let lo = text[..at]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let hi = text[at..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(i, _)| at + i);
    format!("{}⟦|⟧{}", &text[lo..at], &text[at..hi]).replace('\n', "⏎")
}

#[test]
fn sentence_boundaries_match_gold() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sentences_gold.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("gold file is readable");
    let (mut all, mut inner) = (Counts::default(), Counts::default());
    let mut docs = 0usize;
    for (lineno, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let g: Gold =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", lineno + 1));
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(
            squash(&g.text),
            g.sentences.iter().map(|s| squash(s)).collect::<String>(),
            "{}: gold sentences must concatenate to the text",
            g.source
        );
        docs += 1;
        let gold: BTreeSet<usize> = boundaries(g.sentences.iter().map(String::as_str))
            .into_iter()
            .collect();
        let spans = sentences_in(&g.text, g.paragraphs);
        assert_eq!(
            spans,
            reference::sentences_in(&g.text, g.paragraphs),
            "{}: fast and reference splitters differ",
            g.source
        );
        let got: BTreeSet<usize> = boundaries(spans.iter().map(|&(s, e)| &g.text[s..e]))
            .into_iter()
            .collect();
        let pars: BTreeSet<usize> = boundaries(
            paragraphs(&g.text, g.paragraphs)
                .iter()
                .map(|&(s, e)| &g.text[s..e]),
        )
        .into_iter()
        .collect();
        all.add(&gold, &got);
        let strip = |s: &BTreeSet<usize>| s.difference(&pars).copied().collect::<BTreeSet<usize>>();
        inner.add(&strip(&gold), &strip(&got));
        for &b in got.difference(&gold) {
            println!("false split  {}: {}", g.source, context(&g.text, b));
        }
        for &b in gold.difference(&got) {
            println!("missed split {}: {}", g.source, context(&g.text, b));
        }
    }
    println!("{docs} texts");
    println!("{}", all.line("all boundaries          "));
    println!("{}", inner.line("not at a paragraph break"));
    let (_, _, f1) = all.prf();
    assert!(
        all.tp + all.fn_ >= 400,
        "the gold set should hold at least 400 boundaries"
    );
    assert!(
        f1 >= 0.97,
        "sentence boundary F1 {f1:.4} is below the 0.97 floor"
    );
}

/// The fast splitter equals the char-by-char reference on a whole corpus: set
/// `GAZETTA_SENTENCE_CORPUS` to a JSON Lines file with a `text` field (e.g. Reuters or BBC,
/// decompressed) and run `cargo test --release --test sentences_gold -- --ignored --nocapture`.
#[test]
#[ignore = "needs GAZETTA_SENTENCE_CORPUS (a JSON Lines corpus)"]
fn fast_splitter_equals_reference_on_a_corpus() {
    #[derive(serde::Deserialize)]
    struct Doc {
        text: Option<String>,
    }
    let path = std::env::var("GAZETTA_SENTENCE_CORPUS").expect("set GAZETTA_SENTENCE_CORPUS");
    let data = std::fs::read_to_string(&path).expect("corpus is readable");
    let (mut docs, mut spans, mut bytes) = (0usize, 0usize, 0usize);
    let (mut t_fast, mut t_ref) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let d: Doc = serde_json::from_str(line).expect("a JSON object per line");
        let Some(text) = d.text else { continue };
        for mode in [ParagraphMode::Line, ParagraphMode::Blank, ParagraphMode::Auto] {
            let t0 = std::time::Instant::now();
            let fast = sentences_in(&text, mode);
            let t1 = std::time::Instant::now();
            let slow = reference::sentences_in(&text, mode);
            t_ref += t1.elapsed();
            t_fast += t1 - t0;
            assert_eq!(fast, slow, "doc {docs} ({mode:?}) differs");
            spans += fast.len();
        }
        docs += 1;
        bytes += text.len();
    }
    let mb = 3.0 * bytes as f64 / 1e6;
    println!(
        "{docs} docs, {spans} sentences (three modes): fast {:.0} MB/s, reference {:.0} MB/s",
        mb / t_fast.as_secs_f64(),
        mb / t_ref.as_secs_f64()
    );
}

/// `ParagraphMode::Auto` reads every gold text as the mode it was annotated with: the
/// hard-wrapped Reuters excerpts as `Blank`, the others (blank-line or line-per-paragraph
/// text, where both readings give the same units or `Line` is right) with the same sentences
/// as their annotated mode.
#[test]
fn auto_reads_gold_texts_as_their_mode() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sentences_gold.jsonl");
    let data = std::fs::read_to_string(path).expect("gold file is readable");
    let (mut blank, mut texts) = (0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let g: Gold = serde_json::from_str(line).expect("a gold record");
        texts += 1;
        let reading = ParagraphMode::Auto.read(&g.text);
        if g.source.starts_with("reuters:") {
            assert!(matches!(reading, Reading::Blank { .. }), "{}: {:?}", g.source, layout(&g.text));
            blank += 1;
        }
        assert_eq!(
            sentences_in(&g.text, ParagraphMode::Auto),
            sentences_in(&g.text, g.paragraphs),
            "{}: auto reads it as {reading:?}",
            g.source
        );
    }
    println!("{texts} texts, {blank} hard-wrapped");
}
