//! Python inputs to Rust views without copies: `str` objects hand over their UTF-8 buffer.

use std::os::raw::c_char;

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString};

extern "C" {
    // Public CPython API since 3.3 (exported by every CPython 3 build); in the limited API only
    // from 3.10, which is why pyo3 hides it for abi3-py39 builds.
    fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const c_char;
}

/// The texts of a batch as `&str` borrowed from the Python objects (which the caller keeps
/// alive), plus owned fallbacks for strings with lone surrogates.
pub struct Texts<'a> {
    /// One entry per document.
    pub strs: Vec<&'a str>,
    /// Number of missing (None/NaN) documents.
    pub missing: usize,
    // Owned replacements (lone surrogates → U+FFFD, one code point each, so offsets still index
    // the original str).
    _owned: Vec<Box<str>>,
}

/// Extracts every item of `items`. `None` and float NaN are empty documents; any other non-str
/// is a `TypeError` naming its position (`offset + i`).
pub fn extract_texts<'a>(py: Python<'_>, items: &'a [Bound<'a, PyAny>], offset: usize) -> PyResult<Texts<'a>> {
    let mut strs: Vec<&'a str> = Vec::with_capacity(items.len());
    let mut owned: Vec<Box<str>> = Vec::new();
    let mut missing = 0;
    let mut fallback: Vec<(usize, Box<str>)> = Vec::new();
    for (i, obj) in items.iter().enumerate() {
        if let Ok(s) = obj.cast::<PyString>() {
            let mut size: ffi::Py_ssize_t = 0;
            // SAFETY: `s` is a live str (kept alive by `items` for 'a); the returned buffer is
            // owned by the str object and lives as long as it does; strs are immutable.
            let ptr = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
            if ptr.is_null() {
                // Lone surrogates: not encodable as UTF-8. Each becomes U+FFFD (issue 8: the
                // codec's "replace" gave '?', a sentence terminator, so "Japan \ud800 China"
                // was split into two sentences and lost its pair).
                PyErr::take(py);
                let enc = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
                let bytes: Vec<u8> = enc.extract()?;
                let text = replace_surrogates(bytes).into_boxed_str();
                fallback.push((i, text));
                strs.push("");
            } else {
                // SAFETY: CPython guarantees valid UTF-8 of `size` bytes at `ptr`, alive for 'a.
                let slice = unsafe { std::slice::from_raw_parts(ptr as *const u8, size as usize) };
                let st = unsafe { std::str::from_utf8_unchecked(slice) };
                strs.push(st);
            }
        } else if obj.is_none() || is_pandas_na(obj) {
            missing += 1;
            strs.push("");
        } else if let Ok(f) = obj.cast::<PyFloat>() {
            if f.value().is_nan() {
                missing += 1;
                strs.push("");
            } else {
                return Err(type_error(obj, offset + i));
            }
        } else {
            return Err(type_error(obj, offset + i));
        }
    }
    for (i, text) in fallback {
        owned.push(text);
        // SAFETY: the Box<str> is moved into `owned` and never mutated or dropped before
        // `Texts` is; its heap buffer does not move when the Vec grows.
        let r: &'a str = unsafe { &*(owned.last().map(|b| &**b as *const str).unwrap_or("")) };
        strs[i] = r;
    }
    Ok(Texts { strs, missing, _owned: owned })
}

/// UTF-8 bytes from Python's `surrogatepass` codec (valid UTF-8 except for 3-byte encoded
/// surrogates `ED A0..BF 80..BF`) to a `String` with U+FFFD (also 3 bytes) for each surrogate,
/// so that every code point of the Python str stays one code point.
fn replace_surrogates(mut bytes: Vec<u8>) -> String {
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes[i] == 0xED && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            bytes[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            i += 1;
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `pandas.NA` (a missing value in string/Arrow columns) is a missing text, like None.
fn is_pandas_na(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type().name().map(|n| n.to_string() == "NAType").unwrap_or(false)
}

fn type_error(obj: &Bound<'_, PyAny>, pos: usize) -> PyErr {
    let tn = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    PyTypeError::new_err(format!("text at position {pos} is {tn}, not str (None/NaN are empty documents)"))
}
