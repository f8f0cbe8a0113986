//! The PyO3 binding layer: `gazetta._core`. Thin and columnar; the public API, its docs and
//! option validation live in `python/gazetta/`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

mod arrow;
mod convert;
mod cooccur;
mod dedupe;
mod errors;
mod matcher;
mod run;

/// Parses an alias: returns (literal, is_glob) or raises ValueError with the reason.
#[pyfunction]
fn parse_alias(text: &str) -> PyResult<(String, bool)> {
    crate::core::alias::parse_alias(text)
        .map(|a| (a.literal, a.glob))
        .map_err(|p| PyValueError::new_err(p.to_string()))
}

/// Called in a forked child: the parent's worker threads do not exist there.
#[pyfunction]
fn _reset_after_fork() {
    crate::core::batch::forget_pools_after_fork();
}

/// Number of threads used by default.
/// The word lists of `capitalized_runs`: (words that may follow a candidate inside a run,
/// words before "of" that keep a candidate after it), the prior ratio of resolution, and the
/// company suffixes with the number of words looked at for them.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn context_constants() -> (Vec<&'static str>, Vec<&'static str>, f64, Vec<&'static str>, usize) {
    (
        crate::core::context::RUN_KEEP_NEXT.to_vec(),
        crate::core::context::OF_KEEP_HEAD.to_vec(),
        crate::core::resolve::PRIOR_RATIO,
        crate::core::context::COMPANY_SUFFIXES.to_vec(),
        crate::core::context::COMPANY_RUN_WORDS,
    )
}

#[pyfunction]
fn default_threads() -> usize {
    crate::core::batch::default_threads()
}

/// Hands free heap pages back to the OS (glibc's `malloc_trim(0)`; a no-op elsewhere).
/// glibc keeps what a thread freed in that thread's arena, so compiling a large matcher
/// (automaton builders, sorted pattern lists, the Python lists handed over) leaves the
/// process about 190 MB of RSS above the start for the 220k GeoNames aliases instead of
/// about 80 (`benchmarks/match.py`, memory table). Takes 1–2 ms then.
#[pyfunction]
fn release_free_memory(py: Python<'_>) {
    py.detach(|| {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: `malloc_trim` only returns free pages of glibc's arenas to the kernel; it
        // takes the arena locks itself and touches no memory in use.
        unsafe {
            libc::malloc_trim(0);
        }
    });
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<matcher::PyMatcher>()?;
    m.add_class::<cooccur::PyCounter>()?;
    m.add_class::<dedupe::PyDeduper>()?;
    m.add_function(wrap_pyfunction!(context_constants, m)?)?;
    m.add_function(wrap_pyfunction!(cooccur::sentences, m)?)?;
    m.add_function(wrap_pyfunction!(cooccur::paragraphs_py, m)?)?;
    m.add_function(wrap_pyfunction!(cooccur::tokens_py, m)?)?;
    m.add_function(wrap_pyfunction!(cooccur::paragraph_layout, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::arrow_invalid_utf8, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::arrow_len, m)?)?;
    m.add_function(wrap_pyfunction!(parse_alias, m)?)?;
    m.add_function(wrap_pyfunction!(_reset_after_fork, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(release_free_memory, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", crate::core::persist::VERSION)?;
    m.add("MAX_ALIAS_CHARS", crate::core::alias::MAX_ALIAS_CHARS)?;
    Ok(())
}
