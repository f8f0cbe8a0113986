//! Exposes pyo3's interpreter cfgs (`Py_LIMITED_API`, `PyPy`, `GraalPy`, `Py_3_x`) to the
//! binding layer, which reads `str` code units directly where the interpreter allows it
//! (`src/python/convert.rs`). Nothing to do for the pure-Rust core.
fn main() {
    #[cfg(feature = "python")]
    pyo3_build_config::use_pyo3_cfgs();
}
