//! `gazetta._core.Counter` and the unit-splitting functions. The user-facing API is
//! `gazetta.cooccurrence` / `gazetta.sentences` (python/gazetta/); see their docstrings.

use std::sync::{Arc, Mutex};

use numpy::{IntoPyArray, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::core::batch::{self, Control};
use crate::core::cooccur::{CoocOptions, CountMode, Counter, Unit};
use crate::core::text::DocText;
use crate::core::units::{bytes_to_cps, layout, paragraphs, sentences_in, tokens, ParagraphMode, Reading};

use super::convert::{extract_units, Batch};
use super::matcher::PyMatcher;
use super::run::{run_here, run_pooled, run_py};

pub fn parse_paragraphs(s: &str) -> PyResult<ParagraphMode> {
    match s {
        "auto" => Ok(ParagraphMode::Auto),
        "line" => Ok(ParagraphMode::Line),
        "blank" => Ok(ParagraphMode::Blank),
        _ => Err(PyValueError::new_err(format!("paragraphs must be 'auto', 'line' or 'blank', not {s:?}"))),
    }
}

#[pyclass(name = "Counter", module = "gazetta._core", frozen)]
pub struct PyCounter {
    matcher: Py<PyMatcher>,
    opts: CoocOptions,
    rank: Arc<Vec<u32>>,
    inner: Mutex<Counter>,
    /// Nothing has been added to `inner` yet (changed only with `inner` locked): the first
    /// batch's counter then takes its place instead of being merged into an empty one (a pass
    /// over every pair, entity and evidence list, under the lock, after the parallel work).
    fresh: std::sync::atomic::AtomicBool,
}

#[pymethods]
impl PyCounter {
    #[new]
    #[pyo3(signature = (matcher, unit, paragraphs, window, count, keep_evidence=0, level=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        matcher: Bound<'_, PyMatcher>,
        unit: &str,
        paragraphs: &str,
        window: Option<usize>,
        count: &str,
        keep_evidence: usize,
        level: Option<&str>,
    ) -> PyResult<Self> {
        let unit = match unit {
            "document" => Unit::Document,
            "paragraph" => Unit::Paragraph,
            "sentence" => Unit::Sentence,
            _ => return Err(PyValueError::new_err(format!("unit must be 'document', 'paragraph' or 'sentence', not {unit:?}"))),
        };
        let count = match count {
            "units" => CountMode::Units,
            "mentions" => CountMode::Mentions,
            _ => return Err(PyValueError::new_err(format!("count must be 'units' or 'mentions', not {count:?}"))),
        };
        let opts = CoocOptions { unit, paragraphs: parse_paragraphs(paragraphs)?, window, count };
        let rank = matcher.get().id_rank();
        let mut counter = Counter::with_evidence(keep_evidence);
        if let Some(kind) = level {
            let m = matcher.get().inner.clone();
            counter.level = Some(Arc::new(run_here(py, || m.level_map(kind))?));
        }
        Ok(PyCounter { matcher: matcher.unbind(), opts, rank, inner: Mutex::new(counter), fresh: std::sync::atomic::AtomicBool::new(true) })
    }

    /// Matches and counts a batch; `groups[i]` is the group code of `texts[i]` (u32::MAX: skip).
    #[pyo3(signature = (texts, groups, doc_offset=0, n_threads=None, progress=None))]
    fn add<'py>(
        &self,
        py: Python<'py>,
        texts: Bound<'py, PyList>,
        groups: PyReadonlyArray1<'py, u32>,
        doc_offset: usize,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
    ) -> PyResult<usize> {
        let batch = Batch::of_list(&texts)?;
        let t = extract_units(py, &batch, doc_offset)?;
        self.add_strs(py, t.texts(), t.missing, groups, doc_offset, n_threads, progress)
    }

    /// `add` over an Arrow string array or stream (`__arrow_c_array__` / `__arrow_c_stream__`):
    /// the texts are read from the Arrow buffers, no str objects.
    #[pyo3(signature = (texts, groups, doc_offset=0, n_threads=None, progress=None))]
    fn add_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: Bound<'py, PyAny>,
        groups: PyReadonlyArray1<'py, u32>,
        doc_offset: usize,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
    ) -> PyResult<usize> {
        super::arrow::with_texts(py, &texts, doc_offset, |strs, missing| {
            self.add_strs(py, strs, missing, groups, doc_offset, n_threads, progress)
        })
    }
    /// Document positions currently referenced by kept evidence (sorted, unique).
    fn evidence_docs(&self) -> Vec<u64> {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut d: Vec<u64> = inner.evidence(&self.rank).iter().map(|(_, r)| r.doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    }

    /// Number of distinct (group, pair) keys counted so far.
    #[getter]
    fn pair_count(&self) -> usize {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).pair_count()
    }

    /// The counts as sorted columns.
    fn finish<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        run_py(py, || self.finish_columns(py))
    }
}

impl PyCounter {
    /// [`PyCounter::finish`] inside its panic door (`run_py`).
    fn finish_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = {
            let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            run_here(py, || Ok(inner.finish(&self.rank)))?
        };
        let d = PyDict::new(py);
        {
            let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            d.set_item("skipped_docs", inner.skipped_docs)?;
            d.set_item("dropped_by_level", inner.dropped_by_level)?;
            d.set_item("settled_by_level", inner.settled_by_level)?;
            d.set_item("ambiguous_spans", inner.ambiguous_spans)?;
            d.set_item("removed_by_rules", inner.removed.rules)?;
            d.set_item("removed_by_runs", inner.removed.runs)?;
            d.set_item("read_line", inner.read_line)?;
            d.set_item("read_blank", inner.read_blank)?;
            let ev = inner.evidence(&self.rank);
            let mut g = Vec::with_capacity(ev.len());
            let mut a = Vec::with_capacity(ev.len());
            let mut b = Vec::with_capacity(ev.len());
            let mut doc = Vec::with_capacity(ev.len());
            let mut unit = Vec::with_capacity(ev.len());
            let mut start = Vec::with_capacity(ev.len());
            let mut end = Vec::with_capacity(ev.len());
            let mut ambiguous = Vec::with_capacity(ev.len());
            let texts = PyList::empty(py);
            // One Python str per kept unit, referenced by every pair row that keeps it.
            let mut unit_strs: std::collections::HashMap<(u64, u32), Bound<'_, pyo3::types::PyString>> =
                std::collections::HashMap::new();
            let spans_a = PyList::empty(py);
            let spans_b = PyList::empty(py);
            for ((kg, ka, kb), r) in ev {
                g.push(kg);
                a.push(ka);
                b.push(kb);
                doc.push(r.doc);
                unit.push(r.unit);
                start.push(r.start as u64);
                end.push(r.end as u64);
                ambiguous.push(r.ambiguous);
                let s = unit_strs.entry((r.doc, r.unit)).or_insert_with(|| pyo3::types::PyString::new(py, &r.text));
                texts.append(&*s)?;
                spans_a.append(r.spans_a.clone())?;
                spans_b.append(r.spans_b.clone())?;
            }
            d.set_item("ev_group", g.into_pyarray(py))?;
            d.set_item("ev_a", a.into_pyarray(py))?;
            d.set_item("ev_b", b.into_pyarray(py))?;
            d.set_item("ev_doc", doc.into_pyarray(py))?;
            d.set_item("ev_unit", unit.into_pyarray(py))?;
            d.set_item("ev_start", start.into_pyarray(py))?;
            d.set_item("ev_end", end.into_pyarray(py))?;
            d.set_item("ev_text", texts)?;
            d.set_item("ev_spans_a", spans_a)?;
            d.set_item("ev_spans_b", spans_b)?;
            d.set_item("ev_ambiguous", ambiguous.into_pyarray(py))?;
        }
        d.set_item("pair_group", c.pair_group.into_pyarray(py))?;
        d.set_item("pair_a", c.pair_a.into_pyarray(py))?;
        d.set_item("pair_b", c.pair_b.into_pyarray(py))?;
        d.set_item("n_ab", c.n_ab.into_pyarray(py))?;
        d.set_item("ent_group", c.ent_group.into_pyarray(py))?;
        d.set_item("ent", c.ent.into_pyarray(py))?;
        d.set_item("ent_units", c.ent_units.into_pyarray(py))?;
        d.set_item("ent_mentions", c.ent_mentions.into_pyarray(py))?;
        d.set_item("ent_docs", c.ent_docs.into_pyarray(py))?;
        let g = &c.groups;
        d.set_item("group_docs", g.iter().map(|x| x.docs).collect::<Vec<_>>().into_pyarray(py))?;
        d.set_item("group_units", g.iter().map(|x| x.units).collect::<Vec<_>>().into_pyarray(py))?;
        d.set_item("group_mentions", g.iter().map(|x| x.mentions).collect::<Vec<_>>().into_pyarray(py))?;
        d.set_item("group_tokens", g.iter().map(|x| x.tokens).collect::<Vec<_>>().into_pyarray(py))?;
        Ok(d)
    }
}


impl PyCounter {
    #[allow(clippy::too_many_arguments)]
    fn add_strs<'py, T: DocText>(
        &self,
        py: Python<'py>,
        strs: &[T],
        missing: usize,
        groups: PyReadonlyArray1<'py, u32>,
        doc_offset: usize,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
    ) -> PyResult<usize> {
        let groups: Vec<u32> = groups.as_slice()?.to_vec();
        let (cap, level) = {
            let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            (inner.evidence_cap, inner.level.clone())
        };
        let pool = run_here(py, || batch::pool(n_threads))?;
        let m = self.matcher.get().inner.clone();
        let rank = self.rank.clone();
        let opts = self.opts;
        let ctl = Control::new();
        let ctl2 = ctl.clone();
        let run_on = pool.clone();
        let part = run_pooled(py, &run_on, ctl, progress.as_ref(), move || {
            let mut c = Counter::with_evidence(cap);
            c.level = level;
            c.add_batch_at(&m, strs, &groups, doc_offset as u64, &rank, &opts, &pool, &ctl2)?;
            Ok(c)
        })?;
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        // `part` was made with `inner`'s evidence cap and level, so on a fresh counter it is
        // what merging it would give.
        if self.fresh.swap(false, std::sync::atomic::Ordering::Relaxed) {
            *inner = part;
        } else {
            inner.merge(part);
        }
        Ok(missing)
    }
}

fn to_cp_spans(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let flat: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    let cps = bytes_to_cps(text, &flat);
    cps.chunks(2).map(|c| (c[0], c[1])).collect()
}

/// Sentence spans (code points).
#[pyfunction]
#[pyo3(signature = (text, paragraphs="auto"))]
pub fn sentences(text: &str, paragraphs: &str) -> PyResult<Vec<(usize, usize)>> {
    let mode = parse_paragraphs(paragraphs)?;
    Ok(to_cp_spans(text, sentences_in(text, mode)))
}

/// Paragraph spans (code points).
#[pyfunction]
#[pyo3(name = "paragraphs", signature = (text, mode="auto"))]
pub fn paragraphs_py(text: &str, mode: &str) -> PyResult<Vec<(usize, usize)>> {
    let mode = parse_paragraphs(mode)?;
    Ok(to_cp_spans(text, paragraphs(text, mode)))
}

/// How `paragraphs="auto"` reads `text`: `("line" | "blank", width, soft_breaks,
/// wrapped_breaks, indents)` (see `core::units::Layout`).
#[pyfunction]
pub fn paragraph_layout(text: &str) -> (&'static str, usize, usize, usize, bool) {
    let l = layout(text);
    let mode = match l.reading() {
        Reading::Line => "line",
        Reading::Blank { .. } => "blank",
    };
    (mode, l.width, l.soft_breaks, l.wrapped_breaks, l.indents)
}

/// Token spans (code points).
#[pyfunction]
#[pyo3(name = "tokens")]
pub fn tokens_py(text: &str) -> Vec<(usize, usize)> {
    to_cp_spans(text, tokens(text))
}
