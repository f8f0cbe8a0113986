//! `gazetta._core.Matcher`: a frozen wrapper over the compiled core matcher. The user-facing
//! class is `gazetta.Matcher` (python/gazetta/matcher.py); see its docstrings.

use std::sync::Arc;

use numpy::IntoPyArray;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::core::batch::{self, Control};
use crate::core::columns::{MentionColumns, StringTables};
use crate::core::resolve::NO_PARENT;
use crate::core::text::DocText;
use crate::core::{persist, AliasInput, Ambiguous, CaseMode, Matcher, MatcherSpec, Options, Overlaps, RuleInput, Runs};

use super::convert::{extract_texts, extract_units, Batch};
use super::run::{run_detached, run_here, run_pooled, run_released};

/// One context rule of an alias from Python: (alias index, not_before, not_after, person_after).
type RuleTuple = (u32, Vec<String>, Vec<String>, Vec<String>);
/// One context rule shared by entities: (entity indices, not_before, not_after, person_after).
type EntitiesRuleTuple = (Vec<u32>, Vec<String>, Vec<String>, Vec<String>);

pub fn parse_case(s: &str) -> PyResult<CaseMode> {
    match s {
        "smart" => Ok(CaseMode::Smart),
        "sensitive" => Ok(CaseMode::Sensitive),
        "insensitive" => Ok(CaseMode::Insensitive),
        _ => Err(PyValueError::new_err(format!(
            "case must be one of 'smart', 'sensitive', 'insensitive', not {s:?}"
        ))),
    }
}

#[pyclass(name = "Matcher", module = "gazetta._core", frozen)]
pub struct PyMatcher {
    pub inner: Arc<Matcher>,
    tables: Arc<StringTables>,
    /// Position of each entity id in string order, computed on first use (sorting 200k ids
    /// took about 2 ms per co-occurrence call when it was redone every time).
    rank: std::sync::OnceLock<Arc<Vec<u32>>>,
}

impl PyMatcher {
    /// [`crate::core::cooccur::id_ranks`] of the matcher's ids, computed once.
    pub fn id_rank(&self) -> Arc<Vec<u32>> {
        self.rank.get_or_init(|| Arc::new(crate::core::cooccur::id_ranks(&self.inner.spec().ids))).clone()
    }

    fn from_spec(py: Python<'_>, spec: MatcherSpec) -> PyResult<Self> {
        Self::from_spec_gated(py, spec, None)
    }

    fn from_spec_gated(py: Python<'_>, spec: MatcherSpec, gate_min_patterns: Option<usize>) -> PyResult<Self> {
        let (m, tables) = run_released(py, move || {
            let m = match gate_min_patterns {
                Some(n) => Matcher::with_gate_threshold(spec, n),
                None => Matcher::new(spec),
            }?;
            let tables = StringTables::new(&m);
            Ok((m, tables))
        })?;
        Ok(PyMatcher { inner: Arc::new(m), tables: Arc::new(tables), rank: std::sync::OnceLock::new() })
    }
}

#[pymethods]
impl PyMatcher {
    #[new]
    #[pyo3(signature = (ids, names, kinds, alias_texts, alias_entity, alias_case, alias_fold, ignore, case, fold_accents, overlaps, ambiguous, extra=String::new(), gate_min_patterns=None, capitalized_runs="keep", parents=Vec::new(), priors=Vec::new(), entity_rules=Vec::new(), alias_rules=Vec::new(), prior_ratio=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        ids: Vec<String>,
        names: Vec<String>,
        kinds: Vec<String>,
        alias_texts: Vec<String>,
        alias_entity: Vec<u32>,
        alias_case: Vec<Option<String>>,
        alias_fold: Vec<Option<bool>>,
        ignore: Vec<String>,
        case: &str,
        fold_accents: bool,
        overlaps: &str,
        ambiguous: &str,
        extra: String,
        gate_min_patterns: Option<usize>,
        capitalized_runs: &str,
        parents: Vec<i64>,
        priors: Vec<f64>,
        entity_rules: Vec<EntitiesRuleTuple>,
        alias_rules: Vec<RuleTuple>,
        prior_ratio: Option<f64>,
    ) -> PyResult<Self> {
        let n = alias_texts.len();
        if alias_entity.len() != n || alias_case.len() != n || alias_fold.len() != n {
            return Err(PyValueError::new_err("alias columns differ in length"));
        }
        let options = Options {
            case: parse_case(case)?,
            fold_accents,
            overlaps: match overlaps {
                "longest" => Overlaps::Longest,
                "all" => Overlaps::All,
                _ => return Err(PyValueError::new_err(format!("overlaps must be 'longest' or 'all', not {overlaps:?}"))),
            },
            ambiguous: match ambiguous {
                "resolve" => Ambiguous::Resolve,
                "all" => Ambiguous::All,
                "skip" => Ambiguous::Skip,
                _ => {
                    return Err(PyValueError::new_err(format!(
                        "ambiguous must be 'resolve', 'all' or 'skip', not {ambiguous:?}"
                    )))
                }
            },
            capitalized_runs: match capitalized_runs {
                "keep" => Runs::Keep,
                "skip" => Runs::Skip,
                "companies" => Runs::Companies,
                _ => {
                    return Err(PyValueError::new_err(format!(
                        "capitalized_runs must be 'companies', 'skip' or 'keep', not {capitalized_runs:?}"
                    )))
                }
            },
        };
        let parents: Vec<u32> = parents.into_iter().map(|p| if p < 0 { NO_PARENT } else { p as u32 }).collect();
        let priors: Vec<Option<f64>> = priors.into_iter().map(|p| if p.is_nan() { None } else { Some(p) }).collect();
        let rules: Vec<RuleInput> = entity_rules
            .into_iter()
            .map(|(es, b, a, p)| {
                // One entity keeps the one-entity form (the saved format of earlier versions).
                let (entity, entities) = if es.len() == 1 { (Some(es[0]), Vec::new()) } else { (None, es) };
                RuleInput { entity, entities, alias: None, not_before: b, not_after: a, person_after: p }
            })
            .chain(alias_rules.into_iter().map(|(i, b, a, p)| RuleInput {
                entity: None,
                entities: Vec::new(),
                alias: Some(i),
                not_before: b,
                not_after: a,
                person_after: p,
            }))
            .collect();
        let mut aliases = Vec::with_capacity(n);
        for (((text, entity), case), fold) in alias_texts.into_iter().zip(alias_entity).zip(alias_case).zip(alias_fold) {
            let case = match case {
                Some(c) => Some(parse_case(&c)?),
                None => None,
            };
            aliases.push(AliasInput { text, entity, case, fold_accents: fold });
        }
        let spec = MatcherSpec { ids, names, kinds, aliases, ignore, options, parents, priors, rules, prior_ratio, extra };
        PyMatcher::from_spec_gated(py, spec, gate_min_patterns)
    }

    /// Serialised spec (versioned JSON bytes).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let b = run_here(py, || persist::to_bytes(self.inner.spec()))?;
        Ok(PyBytes::new(py, &b))
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let spec = run_here(py, || persist::from_bytes(data))?;
        PyMatcher::from_spec(py, spec)
    }

    /// Position of each entity's id in string (code point) order, ties by gazetteer order.
    fn id_ranks<'py>(&self, py: Python<'py>) -> Bound<'py, numpy::PyArray1<u32>> {
        numpy::PyArray1::from_slice(py, &self.id_rank())
    }

    /// (ids, names, kinds, alias texts as written) in gazetteer order.
    fn entity_tables<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.inner.spec();
        let d = PyDict::new(py);
        d.set_item("ids", PyList::new(py, &s.ids)?)?;
        d.set_item("names", PyList::new(py, &self.tables.names)?)?;
        d.set_item("kinds", PyList::new(py, &self.tables.kinds)?)?;
        d.set_item("n_aliases", self.tables.alias_first.len())?;
        d.set_item("name_of", self.tables.name_of.clone().into_pyarray(py))?;
        d.set_item("kind_of", self.tables.kind_of.clone().into_pyarray(py))?;
        d.set_item("alias_of", self.tables.alias_of.clone().into_pyarray(py))?;
        Ok(d)
    }

    /// Texts of unique aliases by index (the `alias_of` codes): looked up on demand, so that
    /// Python holds no list of every alias (200k strs for GeoNames).
    fn alias_texts(&self, indices: Vec<u32>) -> PyResult<Vec<&str>> {
        let n = self.tables.alias_first.len();
        indices
            .into_iter()
            .map(|i| {
                if (i as usize) < n {
                    Ok(self.tables.alias_text(&self.inner, i as usize))
                } else {
                    Err(PyValueError::new_err(format!("alias index {i} out of range ({n} aliases)")))
                }
            })
            .collect()
    }

    /// The opaque `extra` string stored with the spec.
    #[getter]
    fn extra(&self) -> String {
        self.inner.spec().extra.clone()
    }

    /// The aliases as handed in: (text, entity index, case or None, fold or None).
    fn alias_inputs(&self) -> Vec<(String, u32, Option<&'static str>, Option<bool>)> {
        self.inner
            .spec()
            .aliases
            .iter()
            .map(|a| {
                let c = a.case.map(|c| match c {
                    CaseMode::Smart => "smart",
                    CaseMode::Sensitive => "sensitive",
                    CaseMode::Insensitive => "insensitive",
                });
                (a.text.clone(), a.entity, c, a.fold_accents)
            })
            .collect()
    }

    #[getter]
    fn heap_bytes(&self) -> usize {
        self.inner.heap_bytes()
    }

    #[getter]
    fn pattern_count(&self) -> usize {
        self.inner.pattern_count()
    }

    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let o = self.inner.spec().options;
        let d = PyDict::new(py);
        let case = match o.case {
            CaseMode::Smart => "smart",
            CaseMode::Sensitive => "sensitive",
            CaseMode::Insensitive => "insensitive",
        };
        d.set_item("case", case)?;
        d.set_item("fold_accents", o.fold_accents)?;
        d.set_item("overlaps", if o.overlaps == Overlaps::Longest { "longest" } else { "all" })?;
        d.set_item(
            "ambiguous",
            match o.ambiguous {
                Ambiguous::Resolve => "resolve",
                Ambiguous::All => "all",
                Ambiguous::Skip => "skip",
            },
        )?;
        d.set_item(
            "capitalized_runs",
            match o.capitalized_runs {
                Runs::Keep => "keep",
                Runs::Skip => "skip",
                Runs::Companies => "companies",
            },
        )?;
        d.set_item("prior_ratio", self.inner.spec().prior_ratio.unwrap_or(crate::core::resolve::PRIOR_RATIO))?;
        d.set_item("ignore", PyList::new(py, &self.inner.spec().ignore)?)?;
        Ok(d)
    }

    /// Mentions in one text: list of (start, end, entity index, alias index, ambiguous,
    /// resolved_by code).
    #[allow(clippy::type_complexity)]
    fn find(&self, py: Python<'_>, text: Bound<'_, PyAny>) -> PyResult<Vec<(usize, usize, u32, u32, bool, u8)>> {
        let batch = Batch::of_one(text)?;
        let texts = extract_texts(py, &batch, 0)?;
        let m = self.inner.clone();
        let t = texts.strs()[0];
        let found = if t.len() > (1 << 20) {
            let ctl = Control::new();
            let ctl2 = ctl.clone();
            run_detached(py, ctl, None, move || {
                let mut scratch = Default::default();
                let mut out = Vec::new();
                m.find_into(t, &mut scratch, &mut out, &ctl2.cancel)?;
                Ok(out)
            })?
        } else {
            run_here(py, || Ok(m.find(t)))?
        };
        Ok(found.into_iter().map(|x| (x.start, x.end, x.entity, x.alias, x.ambiguous, x.resolved_by as u8)).collect())
    }

    /// Per entity, the index of its nearest ancestor-or-self of kind `kind` (-1: none).
    fn level_map<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, numpy::PyArray1<i64>>> {
        let map = run_here(py, || self.inner.level_map(kind))?;
        let v: Vec<i64> = map.into_iter().map(|x| if x == NO_PARENT { -1 } else { x as i64 }).collect();
        Ok(v.into_pyarray(py))
    }

    /// (parents, priors) as handed in: parent index per entity (-1: none; empty when no
    /// entity has a parent) and prior (NaN: none; empty when no entity has a prior).
    fn hierarchy_inputs(&self) -> (Vec<i64>, Vec<f64>) {
        let s = self.inner.spec();
        (
            s.parents.iter().map(|&p| if p == NO_PARENT { -1 } else { p as i64 }).collect(),
            s.priors.iter().map(|p| p.unwrap_or(f64::NAN)).collect(),
        )
    }

    /// The context rules as handed in: (entity rules, alias rules), lists of (entity indices,
    /// not_before, not_after, person_after) and of (alias index, ...).
    fn rule_inputs(&self) -> (Vec<EntitiesRuleTuple>, Vec<RuleTuple>) {
        let mut ent = Vec::new();
        let mut als = Vec::new();
        for r in &self.inner.spec().rules {
            match (r.entity, r.alias) {
                (Some(e), _) => ent.push((vec![e], r.not_before.clone(), r.not_after.clone(), r.person_after.clone())),
                (None, None) if !r.entities.is_empty() => {
                    ent.push((r.entities.clone(), r.not_before.clone(), r.not_after.clone(), r.person_after.clone()))
                }
                (None, Some(a)) => als.push((a, r.not_before.clone(), r.not_after.clone(), r.person_after.clone())),
                _ => {}
            }
        }
        (ent, als)
    }

    /// Matches a batch in parallel with the GIL released; returns the mention columns.
    #[pyo3(signature = (texts, doc_offset=0, n_threads=None, progress=None, units=None))]
    fn mentions<'py>(
        &self,
        py: Python<'py>,
        texts: Bound<'py, PyList>,
        doc_offset: i64,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
        units: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let batch = Batch::of_list(&texts)?;
        // Code units, transcoded by the workers: a str that is not ASCII (most news holds a
        // typographic apostrophe or dash) is neither encoded serially under the GIL nor given
        // a cached UTF-8 copy that would stay with it.
        let t = extract_units(py, &batch, doc_offset.max(0) as usize)?;
        let ascii = t.ascii();
        self.mentions_of(py, t.texts(), Some(&ascii), t.missing, doc_offset, n_threads, progress, units)
    }

    /// `mentions` over an Arrow string array or stream (`__arrow_c_array__` /
    /// `__arrow_c_stream__`): the texts are read from the Arrow buffers, no str objects.
    #[pyo3(signature = (texts, doc_offset=0, n_threads=None, progress=None, units=None))]
    fn mentions_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: Bound<'py, PyAny>,
        doc_offset: i64,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
        units: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        super::arrow::with_texts(py, &texts, doc_offset.max(0) as usize, |strs, missing| {
            self.mentions_of(py, strs, None, missing, doc_offset, n_threads, progress, units)
        })
    }
}

impl PyMatcher {
    #[allow(clippy::too_many_arguments)]
    fn mentions_of<'py, T: DocText>(
        &self,
        py: Python<'py>,
        strs: &[T],
        ascii: Option<&[bool]>,
        missing: usize,
        doc_offset: i64,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
        units: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let units = match units {
            Some(u) => Some(super::cooccur::parse_paragraphs(u)?),
            None => None,
        };
        let pool = run_here(py, || batch::pool(n_threads))?;
        let m = self.inner.clone();
        let tables = self.tables.clone();
        let ctl = Control::new();
        let ctl2 = ctl.clone();
        let run_on = pool.clone();
        let (cols, unit_cols) = run_pooled(py, &run_on, ctl, progress.as_ref(), move || {
            MentionColumns::match_in(&pool, &m, &tables, strs, ascii, doc_offset, units, &ctl2)
        })?;
        let d = columns_to_dict(py, cols, missing)?;
        if let Some((p, s)) = unit_cols {
            d.set_item("paragraph", p.into_pyarray(py))?;
            d.set_item("sentence", s.into_pyarray(py))?;
        }
        Ok(d)
    }
}

fn columns_to_dict<'py>(py: Python<'py>, c: MentionColumns, missing: usize) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("doc", c.doc.into_pyarray(py))?;
    d.set_item("start", c.start.into_pyarray(py))?;
    d.set_item("end", c.end.into_pyarray(py))?;
    d.set_item("surface", c.surface.into_pyarray(py))?;
    d.set_item("surfaces", PyList::new(py, &c.surfaces)?)?;
    for (name, coded) in [("entity", c.entity), ("name", c.name), ("kind", c.kind), ("alias", c.alias)] {
        d.set_item(name, coded.codes.into_pyarray(py))?;
        d.set_item(format!("{name}_used"), coded.used.into_pyarray(py))?;
    }
    d.set_item("ambiguous", c.ambiguous.into_pyarray(py))?;
    d.set_item("resolved_by", c.resolved_by.into_pyarray(py))?;
    d.set_item("removed_by_rules", c.removed.rules)?;
    d.set_item("removed_by_runs", c.removed.runs)?;
    d.set_item("missing", missing)?;
    Ok(d)
}
