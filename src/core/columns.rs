//! Column building: mentions of a batch become flat arrays with dictionary-encoded strings, so
//! that Python builds a DataFrame from a handful of arrays instead of an object per mention.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::Ordering;

use rustc_hash::FxHasher;

use super::batch::Control;
use super::cooccur::unit_indices;
use super::error::{try_reserve, Error, Result};
use super::matcher::{fill_code_points, Matcher, Mention, Removed, Scratch, IGNORE};
use super::text::DocText;
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

/// (code of each table index, -1 where unused; the used indices ascending) from the marks of
/// the used ones.
fn compact(seen: &[bool]) -> (Vec<i32>, Vec<u32>) {
    let mut map = vec![-1i32; seen.len()];
    let mut used = Vec::new();
    for (i, s) in seen.iter().enumerate() {
        if *s {
            map[i] = used.len() as i32;
            used.push(i as u32);
        }
    }
    (map, used)
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
/// of [`MentionColumns::match_in`]). Surfaces are slices of the texts: only the joined
/// columns own their strings.
struct Piece<'t> {
    doc: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    surface: Vec<i32>,
    /// Borrowed from the texts, or owned where a text was transcoded for matching.
    surfaces: Vec<Cow<'t, str>>,
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
    p: Piece<'t>,
    surf_index: FxMap<Cow<'t, str>, i32>,
    /// Per alias (index in the spec): the surface code it last had, -1 before. Most
    /// mentions of an alias have the same surface, which a comparison confirms without
    /// hashing it; empty (no shortcut) for gazetteers of more than [`ALIAS_SHORTCUT_MAX`]
    /// aliases.
    by_alias: Vec<i32>,
    /// Rows every column has room for without growing.
    room: usize,
}

/// Aliases up to which a piece keeps the last surface code of each ([`PieceWriter::by_alias`]).
const ALIAS_SHORTCUT_MAX: usize = 1 << 16;

/// Mention rows reserved ahead per byte of text: one per 512 bytes (the built-in countries
/// find one per 390–520 bytes of news; a denser gazetteer grows the columns by doubling).
const BYTES_PER_ROW_GUESS: usize = 512;

/// Documents between two updates of the shared progress counter.
const PROGRESS_EVERY: usize = 64;

impl<'t> PieceWriter<'t> {
    /// A writer for the mentions of a matcher of `n_aliases` aliases.
    fn new(n_aliases: usize) -> PieceWriter<'t> {
        PieceWriter {
            p: Piece {
                doc: Vec::new(),
                start: Vec::new(),
                end: Vec::new(),
                surface: Vec::new(),
                surfaces: Vec::new(),
                ent: Vec::new(),
                als: Vec::new(),
                ambiguous: Vec::new(),
                resolved_by: Vec::new(),
                removed: Removed::default(),
                para: Vec::new(),
                sent: Vec::new(),
            },
            surf_index: FxMap::default(),
            by_alias: if n_aliases <= ALIAS_SHORTCUT_MAX { vec![-1; n_aliases] } else { Vec::new() },
            room: 0,
        }
    }

    /// Room for `n` more rows in every column, allocated fallibly ([`Error::Memory`] instead
    /// of an abort).
    fn reserve(&mut self, n: usize) -> Result<()> {
        let p = &mut self.p;
        try_reserve(&mut p.doc, n, "mention rows")?;
        try_reserve(&mut p.start, n, "mention rows")?;
        try_reserve(&mut p.end, n, "mention rows")?;
        try_reserve(&mut p.surface, n, "mention rows")?;
        try_reserve(&mut p.ent, n, "mention rows")?;
        try_reserve(&mut p.als, n, "mention rows")?;
        try_reserve(&mut p.ambiguous, n, "mention rows")?;
        try_reserve(&mut p.resolved_by, n, "mention rows")?;
        let len = p.doc.len();
        self.room = [
            p.doc.capacity(),
            p.start.capacity(),
            p.end.capacity(),
            p.surface.capacity(),
            p.ent.capacity(),
            p.als.capacity(),
            p.ambiguous.capacity(),
            p.resolved_by.capacity(),
        ]
        .into_iter()
        .min()
        .unwrap_or(0)
            - len;
        Ok(())
    }

    /// Appends the rows of one document (the columns must have room: [`PieceWriter::reserve`],
    /// so that no push reallocates).
    /// `ascii`: the text is known to be ASCII, and the mentions' code-point offsets are not
    /// set: their byte offsets are written instead.
    /// `borrowed`: `text` itself, for 't, when it is not a transcoded copy (its surfaces are
    /// then borrowed, not copied).
    fn push_doc(&mut self, doc: i64, text: &str, borrowed: Option<&'t str>, mentions: &[Mention], ascii: bool) {
        if mentions.is_empty() {
            return;
        }
        debug_assert!(mentions.len() <= self.room);
        self.room -= mentions.len();
        let p = &mut self.p;
        for x in mentions {
            debug_assert!(x.entity != IGNORE);
            p.doc.push(doc);
            let (start, end) = if ascii { (x.start_byte, x.end_byte) } else { (x.start, x.end) };
            p.start.push(start as i64);
            p.end.push(end as i64);
            p.ent.push(x.entity);
            p.als.push(x.alias);
            p.ambiguous.push(x.ambiguous);
            p.resolved_by.push(x.resolved_by as u8);
            let s = &text[x.start_byte..x.end_byte];
            let last = self.by_alias.get(x.alias as usize).copied().unwrap_or(-1);
            let code = if last >= 0 && *p.surfaces[last as usize] == *s {
                last
            } else {
                let code = match self.surf_index.get(s) {
                    Some(&code) => code,
                    None => {
                        let code = p.surfaces.len() as i32;
                        let key = match borrowed {
                            Some(b) => Cow::Borrowed(&b[x.start_byte..x.end_byte]),
                            None => Cow::Owned(s.to_owned()),
                        };
                        p.surfaces.push(key.clone());
                        self.surf_index.insert(key, code);
                        code
                    }
                };
                if let Some(slot) = self.by_alias.get_mut(x.alias as usize) {
                    *slot = code;
                }
                code
            };
            p.surface.push(code);
        }
    }
}

impl<'t> Piece<'t> {
    fn build(texts: &[&'t str], per_doc: &[Vec<Mention>], first_doc: i64) -> Result<Piece<'t>> {
        let total: usize = per_doc.iter().map(|v| v.len()).sum();
        let n_aliases = per_doc.iter().flatten().map(|x| x.alias as usize + 1).max().unwrap_or(0);
        let mut w = PieceWriter::new(n_aliases);
        w.reserve(total)?;
        for (d, (mentions, text)) in per_doc.iter().zip(texts).enumerate() {
            w.push_doc(first_doc + d as i64, text, Some(text), mentions, false);
        }
        Ok(w.p)
    }

    /// Matches `texts` (documents `first_doc..`) and writes their rows, with the paragraph
    /// and sentence index of each row when `units` is given. `ascii[i]`, where given, says
    /// that `texts[i]` is ASCII (code-point offsets are then byte offsets, with no pass over
    /// the text).
    #[allow(clippy::too_many_arguments)]
    fn matched<T: DocText>(
        m: &Matcher,
        texts: &'t [T],
        ascii: Option<&[bool]>,
        first_doc: i64,
        units: Option<ParagraphMode>,
        scratch: &mut Scratch,
        ctl: &Control,
    ) -> Result<Piece<'t>> {
        let mut w = PieceWriter::new(m.spec().aliases.len());
        let bytes: usize = texts.iter().map(|t| t.size_hint()).sum();
        w.reserve(bytes / BYTES_PER_ROW_GUESS + 16)?;
        let mut found: Vec<Mention> = Vec::new();
        let mut unreported = 0;
        // A text that is not UTF-8 (a str of Latin-1 or wider code units) is transcoded here,
        // in the worker, into this buffer; its surfaces are then copied into the piece.
        let mut buf = String::new();
        for (d, t) in texts.iter().enumerate() {
            let borrowed = t.utf8();
            let text = match borrowed {
                Some(s) => s,
                None => t.as_str(&mut buf),
            };
            if ctl.cancel.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            if let Some(next) = texts.get(d + 1) {
                next.prefetch();
            }
            found.clear();
            m.find_bytes_into(text, scratch, &mut found, &ctl.cancel)?;
            let known_ascii = ascii.is_some_and(|a| a[d]);
            if !known_ascii {
                fill_code_points(text, &mut found);
            }
            if found.len() > w.room {
                // Doubling (at least), as a Vec's own growth.
                let more = found.len().max(w.p.doc.len());
                w.reserve(more)?;
            }
            w.push_doc(first_doc + d as i64, text, borrowed, &found, known_ascii);
            w.p.removed.add(scratch.take_removed());
            if let Some(mode) = units {
                if !found.is_empty() {
                    let starts: Vec<usize> = found.iter().map(|x| x.start_byte).collect();
                    let (pi, si) = unit_indices(text, &starts, mode);
                    w.p.para.extend(pi);
                    w.p.sent.extend(si);
                }
            }
            unreported += 1;
            if unreported == PROGRESS_EVERY {
                ctl.done.fetch_add(unreported, Ordering::Relaxed);
                unreported = 0;
            }
        }
        ctl.done.fetch_add(unreported, Ordering::Relaxed);
        Ok(w.p)
    }
}

/// Paragraph and sentence index of every row of [`MentionColumns`] (`Matcher.mentions(...,
/// units=True)`).
pub type UnitColumns = (Vec<i64>, Vec<i64>);

/// Runs `a` and `b`: in parallel (`rayon::join`, in the pool the caller runs in) when `par`,
/// else one after the other.
fn both<A: Send, B: Send>(par: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if par {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// One column of every piece, in order.
fn concat<'p, 't: 'p, T: Copy + 'p>(pieces: &'p [Piece<'t>], total: usize, col: impl Fn(&'p Piece<'t>) -> &'p [T]) -> Vec<T> {
    let mut out = Vec::with_capacity(total);
    for p in pieces {
        out.extend_from_slice(col(p));
    }
    out
}

/// The unique surfaces of the pieces in first-seen order overall, and the surface column
/// with each piece's codes renumbered into them.
fn joined_surfaces(pieces: &[Piece<'_>], total: usize) -> (Vec<String>, Vec<i32>) {
    let mut global: FxMap<&str, i32> = FxMap::default();
    let mut surfaces = Vec::new();
    let mut surface = Vec::with_capacity(total);
    let mut remap: Vec<i32> = Vec::new();
    for p in pieces {
        remap.clear();
        remap.extend(p.surfaces.iter().map(|s| {
            let s: &str = s;
            let next = global.len() as i32;
            *global.entry(s).or_insert_with(|| {
                surfaces.push(s.to_string());
                next
            })
        }));
        surface.extend(p.surface.iter().map(|&k| remap[k as usize]));
    }
    (surfaces, surface)
}

/// The codes of the entity, name, kind and alias columns: the entities and unique aliases
/// that the rows use (marked in one pass), and the name and kind categories of the entities
/// used (no pass over the rows to find them), each ascending.
struct CodeMaps {
    /// Per entity: its entity, name and kind codes (-1 for entities not in the rows).
    codes_of: Vec<[i32; 3]>,
    /// Per unique alias: its code (-1 where unused).
    alias_map: Vec<i32>,
    ent_used: Vec<u32>,
    name_used: Vec<u32>,
    kind_used: Vec<u32>,
    alias_used: Vec<u32>,
}

impl CodeMaps {
    fn new(m: &Matcher, tables: &StringTables, pieces: &[Piece<'_>]) -> CodeMaps {
        let n_ent = m.spec().ids.len();
        let mut seen = vec![false; n_ent];
        let mut seen_alias = vec![false; tables.alias_first.len()];
        for p in pieces {
            for (&e, &a) in p.ent.iter().zip(&p.als) {
                seen[e as usize] = true;
                seen_alias[tables.alias_of[a as usize] as usize] = true;
            }
        }
        let (ent_map, ent_used) = compact(&seen);
        let (alias_map, alias_used) = compact(&seen_alias);
        let mut seen_name = vec![false; tables.names.len()];
        let mut seen_kind = vec![false; tables.kinds.len()];
        for &e in &ent_used {
            seen_name[tables.name_of[e as usize] as usize] = true;
            seen_kind[tables.kind_of[e as usize] as usize] = true;
        }
        let (name_map, name_used) = compact(&seen_name);
        let (kind_map, kind_used) = compact(&seen_kind);
        let mut codes_of = vec![[-1i32; 3]; n_ent];
        for &e in &ent_used {
            let e = e as usize;
            codes_of[e] = [ent_map[e], name_map[tables.name_of[e] as usize], kind_map[tables.kind_of[e] as usize]];
        }
        CodeMaps { codes_of, alias_map, ent_used, name_used, kind_used, alias_used }
    }

    /// The entity, name, kind and alias columns of the pieces' rows (two tasks when `par`).
    fn columns(self, tables: &StringTables, pieces: &[Piece<'_>], total: usize, par: bool) -> (Coded, Coded, Coded, Coded) {
        let CodeMaps { codes_of, alias_map, ent_used, name_used, kind_used, alias_used } = self;
        let (codes_of, alias_map) = (&codes_of, &alias_map);
        let ((ec, nc, kc), ac) = both(
            par,
            || {
                let mut ec = Vec::with_capacity(total);
                let mut nc = Vec::with_capacity(total);
                let mut kc = Vec::with_capacity(total);
                for p in pieces {
                    ec.extend(p.ent.iter().map(|&e| codes_of[e as usize][0]));
                    nc.extend(p.ent.iter().map(|&e| codes_of[e as usize][1]));
                    kc.extend(p.ent.iter().map(|&e| codes_of[e as usize][2]));
                }
                (ec, nc, kc)
            },
            || {
                let mut ac = Vec::with_capacity(total);
                for p in pieces {
                    ac.extend(p.als.iter().map(|&a| alias_map[tables.alias_of[a as usize] as usize]));
                }
                ac
            },
        );
        (
            Coded { codes: ec, used: ent_used },
            Coded { codes: nc, used: name_used },
            Coded { codes: kc, used: kind_used },
            Coded { codes: ac, used: alias_used },
        )
    }
}

impl MentionColumns {
    /// Matches a batch and flattens its mentions in one parallel pass: runs of documents are
    /// matched and written into pieces of their own on `pool` (no per-document result is
    /// kept), and the pieces are joined in document order, so the columns are exactly those
    /// of [`MentionColumns::build`] over every document's [`Matcher::find`], for any thread
    /// count. With `units`, also the paragraph and sentence index of every row. `ascii`, if
    /// given, says per text whether it is ASCII (a Python str knows it: its length equals its
    /// UTF-8 length), which spares the check before code-point offsets are set. A text that
    /// is not stored as UTF-8 ([`crate::core::text::Text`]: a Python str's Latin-1, UCS-2 or
    /// UCS-4 code units) is transcoded by the worker that matches it; offsets stay those of
    /// its code points.
    ///
    /// # Errors
    /// [`Error::Cancelled`] when `ctl.cancel` is set during the work;
    /// [`Error::InvalidInput`] when `ascii` does not have one flag per text.
    #[allow(clippy::too_many_arguments)]
    pub fn match_in<T: DocText>(
        pool: &rayon::ThreadPool,
        m: &Matcher,
        tables: &StringTables,
        texts: &[T],
        ascii: Option<&[bool]>,
        doc_offset: i64,
        units: Option<ParagraphMode>,
        ctl: &Control,
    ) -> Result<(MentionColumns, Option<UnitColumns>)> {
        use rayon::prelude::*;
        let n = texts.len();
        if let Some(a) = ascii {
            if a.len() != n {
                return Err(Error::InvalidInput(format!("{} ASCII flags for {n} texts", a.len())));
            }
        }
        let threads = pool.current_num_threads();
        // Small runs balance uneven documents over the threads; each run costs one surface
        // dictionary to join. One thread needs no balance: one run, whose columns are the
        // result (no join).
        let step = if threads == 1 { n.max(1) } else { (n / (threads * 16)).clamp(1, 512) };
        let pieces: Result<Vec<Piece>> = pool.install(|| {
            texts
                .par_chunks(step)
                .enumerate()
                .map_init(
                    || {
                        ctl.spread.settle();
                        Scratch::default()
                    },
                    |scratch, (k, t)| {
                        let a = ascii.map(|a| &a[k * step..k * step + t.len()]);
                        Piece::matched(m, t, a, doc_offset + (k * step) as i64, units, scratch, ctl)
                    },
                )
                .collect()
        });
        let mut pieces = pieces?;
        // The joined columns are built next to the pieces (and copied to Python after): check
        // that their size can be had before building them (about 60 bytes per row).
        let total: usize = pieces.iter().map(|p| p.doc.len()).sum();
        try_reserve(&mut Vec::<u8>::new(), total.saturating_mul(60), "the mention columns")?;
        if pieces.len() == 1 {
            let p = &mut pieces[0];
            let unit_cols = units.map(|_| (std::mem::take(&mut p.para), std::mem::take(&mut p.sent)));
            return Ok((Self::join(m, tables, pieces, false), unit_cols));
        }
        let par = threads > 1;
        let pieces = &pieces[..];
        Ok(pool.install(|| {
            both(
                par,
                || Self::join_many(m, tables, pieces, par),
                || {
                    units.map(|_| {
                        let total: usize = pieces.iter().map(|p| p.para.len()).sum();
                        both(par, || concat(pieces, total, |p| &p.para), || concat(pieces, total, |p| &p.sent))
                    })
                },
            )
        }))
    }

    /// Joins pieces in order: surface codes are renumbered by first appearance overall. A
    /// single piece's columns are taken as they are. With `par`, the columns are built by
    /// parallel tasks (`rayon::join`, in the pool the caller runs in): the surface dictionary,
    /// the coded columns and the plain ones, each column written by one task, so the result
    /// does not depend on it.
    fn join(m: &Matcher, tables: &StringTables, mut pieces: Vec<Piece<'_>>, par: bool) -> MentionColumns {
        // One piece: its columns as they are (`pop` cannot fail after the length test).
        if pieces.len() == 1 {
            if let Some(p) = pieces.pop() {
                let maps = CodeMaps::new(m, tables, std::slice::from_ref(&p));
                let (entity, name, kind, alias) = maps.columns(tables, std::slice::from_ref(&p), p.doc.len(), false);
                return MentionColumns {
                    doc: p.doc,
                    start: p.start,
                    end: p.end,
                    surface: p.surface,
                    surfaces: p.surfaces.iter().map(|s| s.to_string()).collect(),
                    entity,
                    name,
                    kind,
                    alias,
                    ambiguous: p.ambiguous,
                    resolved_by: p.resolved_by,
                    removed: p.removed,
                };
            }
        }
        Self::join_many(m, tables, &pieces, par)
    }

    /// [`MentionColumns::join`] of several pieces.
    fn join_many(m: &Matcher, tables: &StringTables, pieces: &[Piece<'_>], par: bool) -> MentionColumns {
        let total: usize = pieces.iter().map(|p| p.doc.len()).sum();
        let ((surfaces, surface), (coded, plain)) = both(
            par,
            || joined_surfaces(pieces, total),
            || {
                both(
                    par,
                    || CodeMaps::new(m, tables, pieces).columns(tables, pieces, total, par),
                    || {
                        both(
                            par,
                            || (concat(pieces, total, |p| &p.doc), concat(pieces, total, |p| &p.start)),
                            || {
                                let mut removed = Removed::default();
                                for p in pieces {
                                    removed.add(p.removed);
                                }
                                (
                                    concat(pieces, total, |p| &p.end),
                                    concat(pieces, total, |p| &p.ambiguous),
                                    concat(pieces, total, |p| &p.resolved_by),
                                    removed,
                                )
                            },
                        )
                    },
                )
            },
        );
        let (entity, name, kind, alias) = coded;
        let ((doc, start), (end, ambiguous, resolved_by, removed)) = plain;
        MentionColumns { doc, start, end, surface, surfaces, entity, name, kind, alias, ambiguous, resolved_by, removed }
    }

    /// Flattens per-document mention lists. `texts[i]` is the text of `per_doc[i]`.
    ///
    /// # Errors
    /// [`Error::Memory`] when the rows cannot be allocated.
    pub fn build(m: &Matcher, tables: &StringTables, texts: &[&str], per_doc: &[Vec<Mention>], doc_offset: i64) -> Result<MentionColumns> {
        Ok(Self::join(m, tables, vec![Piece::build(texts, per_doc, doc_offset)?], false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AliasInput, MatcherSpec};

    /// The pieces of `step` documents each, built in parallel, in document order.
    fn pieces<'t>(pool: &rayon::ThreadPool, texts: &[&'t str], per_doc: &[Vec<Mention>], doc_offset: i64, step: usize) -> Vec<Piece<'t>> {
        use rayon::prelude::*;
        pool.install(|| {
            texts
                .par_chunks(step)
                .zip(per_doc.par_chunks(step))
                .enumerate()
                .map(|(k, (t, d))| Piece::build(t, d, doc_offset + (k * step) as i64).unwrap())
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
        let one = MentionColumns::build(&m, &tables, &texts, &per_doc, 10).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        for (step, par) in (1..=7).flat_map(|k| [(k, false), (k, true)]) {
            let many = pool.install(|| MentionColumns::join(&m, &tables, pieces(&pool, &texts, &per_doc, 10, step), par));
            assert_eq!((&many.doc, &many.start, &many.end), (&one.doc, &one.start, &one.end), "step {step}");
            assert_eq!((&many.surface, &many.surfaces), (&one.surface, &one.surfaces), "step {step}");
            assert_eq!((&many.entity, &many.name, &many.kind, &many.alias), (&one.entity, &one.name, &one.kind, &one.alias));
            assert_eq!((&many.ambiguous, &many.resolved_by), (&one.ambiguous, &one.resolved_by));
            assert_eq!((many.removed.rules, many.removed.runs), (one.removed.rules, one.removed.runs));
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
        let one = MentionColumns::build(&m, &tables, &texts, &per_doc, 7).unwrap();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let ctl = Control::default();
            let (many, units) =
                MentionColumns::match_in(&pool, &m, &tables, &texts, None, 7, Some(ParagraphMode::Blank), &ctl).unwrap();
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
            let (_, none) = MentionColumns::match_in(&pool, &m, &tables, &texts, None, 7, None, &ctl).unwrap();
            assert!(none.is_none());
        }
        // Non-ASCII texts (code points before, between and after mentions) and the caller's
        // ASCII flags: the same columns as matching each text on its own.
        let base = ["Bêta, Alpha — Beta", "Alpha é", "ALPHA 💥 Beta Bêta", "é", "Beta Alpha"];
        let texts: Vec<&str> = base.iter().cycle().take(base.len() * 200).copied().collect();
        let per_doc: Vec<Vec<Mention>> = texts.iter().map(|t| m.find(t)).collect();
        let one = MentionColumns::build(&m, &tables, &texts, &per_doc, 0).unwrap();
        let flags: Vec<bool> = texts.iter().map(|t| t.is_ascii()).collect();
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            for ascii in [None, Some(&flags[..])] {
                let (many, _) = MentionColumns::match_in(&pool, &m, &tables, &texts, ascii, 0, None, &Control::default()).unwrap();
                assert_eq!((&many.doc, &many.start, &many.end), (&one.doc, &one.start, &one.end));
                assert_eq!((&many.surface, &many.surfaces), (&one.surface, &one.surfaces));
                assert_eq!((&many.entity, &many.alias), (&one.entity, &one.alias));
            }
            let short = MentionColumns::match_in(&pool, &m, &tables, &texts, Some(&flags[1..]), 0, None, &Control::default());
            assert!(matches!(short, Err(Error::InvalidInput(_))));
        }
        assert_eq!((&one.start[..4], &one.end[..4]), (&[0, 6, 6, 14][..], &[4, 11, 11, 18][..]));
        // The same texts as code units (a Python str's Latin-1, UCS-2 or UCS-4 storage), each
        // transcoded by the worker that matches it, mixed with borrowed UTF-8 ones: the same
        // columns, surfaces (copied from the transcoded text) and code-point offsets.
        use crate::core::text::Text;
        let latin1: Vec<Vec<u8>> = texts.iter().map(|t| t.chars().map(|c| c as u32).collect::<Vec<u32>>())
            .map(|cps| if cps.iter().all(|&c| c < 0x100) { cps.iter().map(|&c| c as u8).collect() } else { Vec::new() }).collect();
        let ucs2: Vec<Vec<u16>> = texts.iter().map(|t| t.encode_utf16().collect()).collect();
        let ucs4: Vec<Vec<u32>> = texts.iter().map(|t| t.chars().map(|c| c as u32).collect()).collect();
        let units: Vec<Text> = (0..texts.len())
            .map(|i| match i % 4 {
                0 if !latin1[i].is_empty() || texts[i].is_empty() => Text::Latin1(&latin1[i]),
                1 if ucs2[i].len() == ucs4[i].len() => Text::Ucs2(&ucs2[i]),
                2 => Text::Utf8(texts[i]),
                _ => Text::Ucs4(&ucs4[i]),
            })
            .collect();
        assert!(units.iter().any(|t| matches!(t, Text::Latin1(b) if !b.is_ascii())) && units.iter().any(|t| matches!(t, Text::Ucs2(_))));
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let (many, _) = MentionColumns::match_in(&pool, &m, &tables, &units, None, 0, None, &Control::default()).unwrap();
            assert_eq!((&many.doc, &many.start, &many.end), (&one.doc, &one.start, &one.end));
            assert_eq!((&many.surface, &many.surfaces), (&one.surface, &one.surfaces));
            assert_eq!((&many.entity, &many.alias, &many.ambiguous), (&one.entity, &one.alias, &one.ambiguous));
        }
        let ctl = Control::default();
        ctl.cancel.store(true, Ordering::SeqCst);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        assert!(matches!(MentionColumns::match_in(&pool, &m, &tables, &texts, None, 0, None, &ctl), Err(Error::Cancelled)));
    }
}
