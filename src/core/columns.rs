//! Column building: mentions of a batch become flat arrays with dictionary-encoded strings, so
//! that Python builds a DataFrame from a handful of arrays instead of an object per mention.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::Ordering;

use rustc_hash::FxHasher;

use super::batch::Control;
use super::cooccur::unit_indices;
use super::error::{try_reserve, Error, Result};
use super::matcher::{Matcher, Mention, Removed, Scratch, IGNORE};
use super::units::ParagraphMode;

/// A fast hash map for short string keys (no untrusted-key concerns: keys are the texts' own).
type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A dictionary-encoded column: `codes[i]` indexes `used`, which indexes a table the caller
/// knows (entity ids, unique names, ...). Only values that occur are in `used`, in first-seen
/// order of their table index (sorted), so categories stay small.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Coded {
    /// One code per row.
    pub codes: Vec<i32>,
    /// Table indices of the categories, ascending.
    pub used: Vec<u32>,
}

impl Coded {
    fn from_indices(idx: &[u32], table_len: usize) -> Coded {
        let mut map = vec![-1i32; table_len];
        let mut seen = vec![false; table_len];
        for &i in idx {
            seen[i as usize] = true;
        }
        let mut used = Vec::new();
        for (i, s) in seen.iter().enumerate() {
            if *s {
                map[i] = used.len() as i32;
                used.push(i as u32);
            }
        }
        Coded { codes: idx.iter().map(|&i| map[i as usize]).collect(), used }
    }
}

/// Tables that map entity and alias indices to unique strings (names and kinds repeat across
/// entities, and categories must be unique).
#[derive(Debug, Default, Clone)]
pub struct StringTables {
    /// Unique names; `name_of[entity]` indexes it.
    pub names: Vec<String>,
    /// Per entity: index into `names`.
    pub name_of: Vec<u32>,
    /// Unique kinds.
    pub kinds: Vec<String>,
    /// Per entity: index into `kinds`.
    pub kind_of: Vec<u32>,
    /// Unique alias strings (as written in the gazetteer), as the index in the matcher's spec
    /// of their first alias (no second copy of 200k strings; see [`StringTables::alias_text`]).
    pub alias_first: Vec<u32>,
    /// Per alias: index into `alias_first`.
    pub alias_of: Vec<u32>,
}

fn intern(values: impl Iterator<Item = String>) -> (Vec<String>, Vec<u32>) {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut uniq = Vec::new();
    let mut of = Vec::new();
    for v in values {
        let id = *index.entry(v.clone()).or_insert_with(|| {
            uniq.push(v);
            (uniq.len() - 1) as u32
        });
        of.push(id);
    }
    (uniq, of)
}

impl StringTables {
    /// Builds the tables of a matcher.
    pub fn new(m: &Matcher) -> StringTables {
        let s = m.spec();
        let (names, name_of) = intern(s.names.iter().cloned());
        let (kinds, kind_of) = intern(s.kinds.iter().cloned());
        let mut index: FxMap<&str, u32> = FxMap::default();
        index.reserve(s.aliases.len());
        let mut alias_first = Vec::new();
        let mut alias_of = Vec::with_capacity(s.aliases.len());
        for (i, a) in s.aliases.iter().enumerate() {
            let id = *index.entry(a.text.as_str()).or_insert_with(|| {
                alias_first.push(i as u32);
                (alias_first.len() - 1) as u32
            });
            alias_of.push(id);
        }
        StringTables { names, name_of, kinds, kind_of, alias_first, alias_of }
    }

    /// Text of unique alias `i` (an index into [`StringTables::alias_first`]).
    pub fn alias_text<'a>(&self, m: &'a Matcher, i: usize) -> &'a str {
        &m.spec().aliases[self.alias_first[i] as usize].text
    }
}

/// The mentions of a batch as columns (docs/matching.md: `doc, start, end, surface, entity, name, kind,
/// alias, ambiguous`).
#[derive(Debug, Default, Clone)]
pub struct MentionColumns {
    /// Document position within the batch plus the caller's offset.
    pub doc: Vec<i64>,
    /// Code-point start.
    pub start: Vec<i64>,
    /// Code-point end.
    pub end: Vec<i64>,
    /// Surface strings, dictionary-encoded (`surfaces` holds the categories).
    pub surface: Vec<i32>,
    /// Unique surfaces in first-seen order.
    pub surfaces: Vec<String>,
    /// Entity (categories index the matcher's entity ids).
    pub entity: Coded,
    /// Name (categories index [`StringTables::names`]).
    pub name: Coded,
    /// Kind (categories index [`StringTables::kinds`]).
    pub kind: Coded,
    /// Alias (categories index [`StringTables::alias_first`]).
    pub alias: Coded,
    /// Ambiguity flags.
    pub ambiguous: Vec<bool>,
    /// How each row's span was decided ([`crate::core::ResolvedBy`] as `u8`).
    pub resolved_by: Vec<u8>,
    /// Candidates removed by context rules over the batch.
    pub removed: Removed,
}

/// Row columns of one run of documents, with its own surface dictionary (the per-piece part
/// of [`MentionColumns::match_in`]).
struct Piece {
    doc: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    surface: Vec<i32>,
    surfaces: Vec<String>,
    ent: Vec<u32>,
    als: Vec<u32>,
    ambiguous: Vec<bool>,
    resolved_by: Vec<u8>,
    removed: Removed,
    /// Paragraph and sentence index of each row (only when units are asked for).
    para: Vec<i64>,
    sent: Vec<i64>,
}

/// Writes the rows of one document into a piece (`surf_index`: the piece's surface codes).
struct PieceWriter<'t> {
    p: Piece,
    surf_index: FxMap<&'t str, i32>,
}

impl<'t> PieceWriter<'t> {
    fn with_capacity(total: usize) -> PieceWriter<'t> {
        PieceWriter {
            p: Piece {
                doc: Vec::with_capacity(total),
                start: Vec::with_capacity(total),
                end: Vec::with_capacity(total),
                surface: Vec::with_capacity(total),
                surfaces: Vec::new(),
                ent: Vec::with_capacity(total),
                als: Vec::with_capacity(total),
                ambiguous: Vec::with_capacity(total),
                resolved_by: Vec::with_capacity(total),
                removed: Removed::default(),
                para: Vec::new(),
                sent: Vec::new(),
            },
            surf_index: FxMap::default(),
        }
    }

    /// Room for `n` more rows, allocated fallibly ([`Error::Memory`] instead of an abort).
    fn reserve(&mut self, n: usize) -> Result<()> {
        let p = &mut self.p;
        try_reserve(&mut p.doc, n, "mention rows")?;
        try_reserve(&mut p.start, n, "mention rows")?;
        try_reserve(&mut p.end, n, "mention rows")?;
        try_reserve(&mut p.surface, n, "mention rows")?;
        try_reserve(&mut p.ent, n, "mention rows")?;
        try_reserve(&mut p.als, n, "mention rows")?;
        try_reserve(&mut p.ambiguous, n, "mention rows")?;
        try_reserve(&mut p.resolved_by, n, "mention rows")
    }

    fn push_doc(&mut self, doc: i64, text: &'t str, mentions: &[Mention]) {
        let p = &mut self.p;
        for x in mentions {
            debug_assert!(x.entity != IGNORE);
            p.doc.push(doc);
            p.start.push(x.start as i64);
            p.end.push(x.end as i64);
            let s = &text[x.start_byte..x.end_byte];
            let next = self.surf_index.len() as i32;
            let code = *self.surf_index.entry(s).or_insert(next);
            if code == next {
                p.surfaces.push(s.to_string());
            }
            p.surface.push(code);
            p.ent.push(x.entity);
            p.als.push(x.alias);
            p.ambiguous.push(x.ambiguous);
            p.resolved_by.push(x.resolved_by as u8);
        }
    }
}

impl Piece {
    fn build(texts: &[&str], per_doc: &[Vec<Mention>], first_doc: i64) -> Piece {
        let total: usize = per_doc.iter().map(|v| v.len()).sum();
        let mut w = PieceWriter::with_capacity(total);
        for (d, (mentions, text)) in per_doc.iter().zip(texts).enumerate() {
            w.push_doc(first_doc + d as i64, text, mentions);
        }
        w.p
    }

    /// Matches `texts` (documents `first_doc..`) and writes their rows, with the paragraph
    /// and sentence index of each row when `units` is given.
    fn matched(
        m: &Matcher,
        texts: &[&str],
        first_doc: i64,
        units: Option<ParagraphMode>,
        scratch: &mut Scratch,
        ctl: &Control,
    ) -> Result<Piece> {
        let mut w = PieceWriter::with_capacity(0);
        let mut found: Vec<Mention> = Vec::new();
        for (d, text) in texts.iter().enumerate() {
            if ctl.cancel.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            found.clear();
            m.find_into(text, scratch, &mut found, &ctl.cancel)?;
            w.reserve(found.len())?;
            w.push_doc(first_doc + d as i64, text, &found);
            w.p.removed.add(scratch.take_removed());
            if let Some(mode) = units {
                if !found.is_empty() {
                    let starts: Vec<usize> = found.iter().map(|x| x.start_byte).collect();
                    let (pi, si) = unit_indices(text, &starts, mode);
                    w.p.para.extend(pi);
                    w.p.sent.extend(si);
                }
            }
            ctl.done.fetch_add(1, Ordering::Relaxed);
        }
        Ok(w.p)
    }
}

/// Paragraph and sentence index of every row of [`MentionColumns`] (`Matcher.mentions(...,
/// units=True)`).
pub type UnitColumns = (Vec<i64>, Vec<i64>);

impl MentionColumns {
    /// Matches a batch and flattens its mentions in one parallel pass: runs of documents are
    /// matched and written into pieces of their own on `pool` (no per-document result is
    /// kept), and the pieces are joined in document order, so the columns are exactly those
    /// of [`MentionColumns::build`] over every document's [`Matcher::find`], for any thread
    /// count. With `units`, also the paragraph and sentence index of every row.
    ///
    /// # Errors
    /// [`Error::Cancelled`] when `ctl.cancel` is set during the work.
    pub fn match_in(
        pool: &rayon::ThreadPool,
        m: &Matcher,
        tables: &StringTables,
        texts: &[&str],
        doc_offset: i64,
        units: Option<ParagraphMode>,
        ctl: &Control,
    ) -> Result<(MentionColumns, Option<UnitColumns>)> {
        use rayon::prelude::*;
        let n = texts.len();
        // Small runs balance uneven documents over the threads; each run costs one surface
        // dictionary to join.
        let step = (n / (pool.current_num_threads() * 16)).clamp(1, 512);
        let pieces: Result<Vec<Piece>> = pool.install(|| {
            texts
                .par_chunks(step)
                .enumerate()
                .map_init(Scratch::default, |scratch, (k, t)| {
                    Piece::matched(m, t, doc_offset + (k * step) as i64, units, scratch, ctl)
                })
                .collect()
        });
        let mut pieces = pieces?;
        // The joined columns are built next to the pieces (and copied to Python after): check
        // that their size can be had before building them (about 60 bytes per row).
        let total: usize = pieces.iter().map(|p| p.doc.len()).sum();
        try_reserve(&mut Vec::<u8>::new(), total.saturating_mul(60), "the mention columns")?;
        let unit_cols = units.map(|_| {
            let total: usize = pieces.iter().map(|p| p.para.len()).sum();
            let mut para = Vec::with_capacity(total);
            let mut sent = Vec::with_capacity(total);
            for p in pieces.iter_mut() {
                para.append(&mut p.para);
                sent.append(&mut p.sent);
            }
            (para, sent)
        });
        Ok((Self::join(m, tables, pieces), unit_cols))
    }

    /// Joins pieces in order: surface codes are renumbered by first appearance overall.
    fn join(m: &Matcher, tables: &StringTables, pieces: Vec<Piece>) -> MentionColumns {
        let total: usize = pieces.iter().map(|p| p.doc.len()).sum();
        let mut c = MentionColumns {
            doc: Vec::with_capacity(total),
            start: Vec::with_capacity(total),
            end: Vec::with_capacity(total),
            surface: Vec::with_capacity(total),
            ambiguous: Vec::with_capacity(total),
            resolved_by: Vec::with_capacity(total),
            ..Default::default()
        };
        let mut ent = Vec::with_capacity(total);
        let mut als = Vec::with_capacity(total);
        let mut global: FxMap<String, i32> = FxMap::default();
        for p in pieces {
            let remap: Vec<i32> = p
                .surfaces
                .into_iter()
                .map(|s| {
                    let next = global.len() as i32;
                    *global.entry(s).or_insert_with_key(|k| {
                        c.surfaces.push(k.clone());
                        next
                    })
                })
                .collect();
            c.doc.extend_from_slice(&p.doc);
            c.start.extend_from_slice(&p.start);
            c.end.extend_from_slice(&p.end);
            c.surface.extend(p.surface.iter().map(|&k| remap[k as usize]));
            c.ambiguous.extend_from_slice(&p.ambiguous);
            c.resolved_by.extend_from_slice(&p.resolved_by);
            c.removed.add(p.removed);
            ent.extend_from_slice(&p.ent);
            als.extend_from_slice(&p.als);
        }
        Self::code(m, tables, c, &ent, &als)
    }

    fn code(m: &Matcher, tables: &StringTables, mut c: MentionColumns, ent: &[u32], als: &[u32]) -> MentionColumns {
        let n_ent = m.spec().ids.len();
        c.entity = Coded::from_indices(ent, n_ent);
        let names: Vec<u32> = ent.iter().map(|&e| tables.name_of[e as usize]).collect();
        c.name = Coded::from_indices(&names, tables.names.len());
        let kinds: Vec<u32> = ent.iter().map(|&e| tables.kind_of[e as usize]).collect();
        c.kind = Coded::from_indices(&kinds, tables.kinds.len());
        let al: Vec<u32> = als.iter().map(|&a| tables.alias_of[a as usize]).collect();
        c.alias = Coded::from_indices(&al, tables.alias_first.len());
        c
    }

    /// Flattens per-document mention lists. `texts[i]` is the text of `per_doc[i]`.
    pub fn build(m: &Matcher, tables: &StringTables, texts: &[&str], per_doc: &[Vec<Mention>], doc_offset: i64) -> MentionColumns {
        Self::join(m, tables, vec![Piece::build(texts, per_doc, doc_offset)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AliasInput, MatcherSpec};

    /// The pieces of `step` documents each, built in parallel, in document order.
    fn pieces(pool: &rayon::ThreadPool, texts: &[&str], per_doc: &[Vec<Mention>], doc_offset: i64, step: usize) -> Vec<Piece> {
        use rayon::prelude::*;
        pool.install(|| {
            texts
                .par_chunks(step)
                .zip(per_doc.par_chunks(step))
                .enumerate()
                .map(|(k, (t, d))| Piece::build(t, d, doc_offset + (k * step) as i64))
                .collect()
        })
    }

    /// A matcher of entities `(id, name, kind)` and aliases `(text, entity)`.
    fn matcher(entities: &[(&str, &str, &str)], aliases: &[(&str, u32)]) -> Matcher {
        let spec = MatcherSpec {
            ids: entities.iter().map(|e| e.0.into()).collect(),
            names: entities.iter().map(|e| e.1.into()).collect(),
            kinds: entities.iter().map(|e| e.2.into()).collect(),
            aliases: aliases
                .iter()
                .map(|&(text, entity)| AliasInput { text: text.into(), entity, case: None, fold_accents: None })
                .collect(),
            ..Default::default()
        };
        Matcher::new(spec).unwrap()
    }

    /// The parallel build gives the serial build's columns whatever the piece size.
    #[test]
    fn pieces_join_like_one() {
        let m = matcher(&[("A", "Alpha", "k"), ("B", "Beta", "k")], &[("Alpha", 0), ("Beta", 1), ("Bêta", 1)]);
        let tables = StringTables::new(&m);
        let texts = ["Beta, Alpha", "", "ALPHA and Bêta", "Beta Beta", "nothing", "Alpha"];
        let per_doc: Vec<Vec<Mention>> = texts.iter().map(|t| m.find(t)).collect();
        let one = MentionColumns::build(&m, &tables, &texts, &per_doc, 10);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        for step in 1..=7 {
            let many = MentionColumns::join(&m, &tables, pieces(&pool, &texts, &per_doc, 10, step));
            assert_eq!((&many.doc, &many.start, &many.end), (&one.doc, &one.start, &one.end), "step {step}");
            assert_eq!((&many.surface, &many.surfaces), (&one.surface, &one.surfaces), "step {step}");
            assert_eq!((&many.entity, &many.name, &many.kind, &many.alias), (&one.entity, &one.name, &one.kind, &one.alias));
            assert_eq!(many.ambiguous, one.ambiguous);
        }
        assert_eq!(one.surfaces, ["Beta", "Alpha", "ALPHA", "Bêta"]);
        assert_eq!(one.doc, [10, 10, 12, 12, 13, 13, 15]);
    }

    /// Matching into pieces gives the columns of matching every document and then building,
    /// for any thread count, and the unit indices of `unit_indices` per document.
    #[test]
    fn match_in_equals_match_then_build() {
        let m = matcher(
            &[("A", "Alpha", "k"), ("B", "Beta", "j"), ("C", "Alpha", "k")],
            &[("Alpha", 0), ("Beta", 1), ("Bêta", 1), ("Alpha", 2)],
        );
        let tables = StringTables::new(&m);
        let base = ["Beta, Alpha. Alpha again.", "", "ALPHA and Bêta\n\nBeta.", "nothing", "Beta Beta", "Alpha"];
        let texts: Vec<&str> = base.iter().cycle().take(base.len() * 300).copied().collect();
        let per_doc: Vec<Vec<Mention>> = texts.iter().map(|t| m.find(t)).collect();
        let one = MentionColumns::build(&m, &tables, &texts, &per_doc, 7);
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let ctl = Control::default();
            let (many, units) =
                MentionColumns::match_in(&pool, &m, &tables, &texts, 7, Some(ParagraphMode::Blank), &ctl).unwrap();
            assert_eq!((&many.doc, &many.start, &many.end), (&one.doc, &one.start, &one.end));
            assert_eq!((&many.surface, &many.surfaces), (&one.surface, &one.surfaces));
            assert_eq!((&many.entity, &many.name, &many.kind, &many.alias), (&one.entity, &one.name, &one.kind, &one.alias));
            assert_eq!(many.ambiguous, one.ambiguous);
            let (para, sent) = units.unwrap();
            let mut want = (Vec::new(), Vec::new());
            for (t, ms) in texts.iter().zip(&per_doc) {
                let (p, s) = unit_indices(t, &ms.iter().map(|x| x.start_byte).collect::<Vec<_>>(), ParagraphMode::Blank);
                want.0.extend(p);
                want.1.extend(s);
            }
            assert_eq!((para, sent), want);
            assert_eq!(ctl.done.load(Ordering::Relaxed), texts.len());
            let (_, none) = MentionColumns::match_in(&pool, &m, &tables, &texts, 7, None, &ctl).unwrap();
            assert!(none.is_none());
        }
        let ctl = Control::default();
        ctl.cancel.store(true, Ordering::SeqCst);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        assert!(matches!(MentionColumns::match_in(&pool, &m, &tables, &texts, 0, None, &ctl), Err(Error::Cancelled)));
    }
}
