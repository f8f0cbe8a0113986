//! `gazetta._core.Deduper`: the streaming deduplicator of `core::dedupe`. The user-facing API
//! is `gazetta.duplicates` and `cooccurrence(dedupe=...)` (python/gazetta/dedupe.py).

use std::sync::{Mutex, TryLockError};

use numpy::IntoPyArray;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::core::batch::{self, Control};
use crate::core::dedupe::{DedupeOptions, Deduper, Mode};

use super::convert::{extract_units, Batch};
use crate::core::text::DocText;
use super::run::{run_detached, run_here};

#[pyclass(name = "Deduper", module = "gazetta._core", frozen)]
pub struct PyDeduper {
    opts: DedupeOptions,
    inner: Mutex<Deduper>,
}

#[pymethods]
impl PyDeduper {
    #[new]
    #[pyo3(signature = (mode, threshold=0.9, shingle=5, num_perm=128, bands=None, seed=1))]
    fn new(mode: &str, threshold: f64, shingle: usize, num_perm: usize, bands: Option<usize>, seed: u64) -> PyResult<Self> {
        let mode = match mode {
            "exact" => Mode::Exact,
            "near" => Mode::Near,
            _ => return Err(PyValueError::new_err(format!("mode must be 'exact' or 'near', not {mode:?}"))),
        };
        let opts = DedupeOptions::new(mode, threshold, shingle, num_perm, bands, seed)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyDeduper { opts, inner: Mutex::new(Deduper::new(opts)) })
    }

    /// Assigns a batch (in corpus order): `(cluster: uint64, similarity: float64, kind: uint8)`.
    #[pyo3(signature = (texts, doc_offset=0, n_threads=None, progress=None))]
    fn add<'py>(
        &self,
        py: Python<'py>,
        texts: Bound<'py, PyList>,
        doc_offset: usize,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let batch = Batch::of_list(&texts)?;
        // Code units, transcoded by the workers (no serial UTF-8 encoding under the GIL, no
        // cached UTF-8 copy left in the strs).
        let t = extract_units(py, &batch, doc_offset)?;
        self.add_strs(py, t.texts(), n_threads, progress)
    }

    /// `add` over an Arrow string array (`__arrow_c_array__` / `__arrow_c_stream__`).
    #[pyo3(signature = (texts, doc_offset=0, n_threads=None, progress=None))]
    fn add_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: Bound<'py, PyAny>,
        doc_offset: usize,
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        super::arrow::with_texts(py, &texts, doc_offset, |strs, _missing| self.add_strs(py, strs, n_threads, progress))
    }

    /// Documents seen so far.
    #[getter]
    fn docs(&self) -> u64 {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).stats().docs
    }

    /// Clusters (originals) so far.
    #[getter]
    fn clusters(&self) -> u64 {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).stats().clusters
    }

    /// Documents folded into an earlier one: `(exact, near)`.
    #[getter]
    fn folded(&self) -> (u64, u64) {
        let s = self.inner.lock().unwrap_or_else(|e| e.into_inner()).stats();
        (s.exact, s.near)
    }

    /// LSH bands.
    #[getter]
    fn bands(&self) -> usize {
        self.opts.bands
    }

    /// Signature slots per band.
    #[getter]
    fn rows(&self) -> usize {
        self.opts.rows
    }

    /// Approximate heap bytes held.
    #[getter]
    fn heap_bytes(&self) -> usize {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).heap_bytes()
    }
}

impl PyDeduper {
    fn add_strs<'py, T: DocText>(
        &self,
        py: Python<'py>,
        strs: &[T],
        n_threads: Option<usize>,
        progress: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let pool = run_here(py, || batch::pool(n_threads))?;
        // try_lock: blocking here with the GIL held while another thread's `add` waits for the
        // GIL to poll Ctrl-C would deadlock.
        let mut guard = match self.inner.try_lock() {
            Ok(g) => g,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => {
                return Err(PyRuntimeError::new_err("this Deduper is in use by another thread"));
            }
        };
        let d: &mut Deduper = &mut guard;
        let ctl = Control::new();
        let ctl2 = ctl.clone();
        let a = run_detached(py, ctl, progress.as_ref(), move || d.add_batch(strs, &pool, &ctl2))?;
        drop(guard);
        let cluster = a.cluster.into_pyarray(py).into_any();
        let sim = a.similarity.into_pyarray(py).into_any();
        let kind = a.kind.into_pyarray(py).into_any();
        PyTuple::new(py, [cluster, sim, kind])
    }
}
