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
    // Owned replacements (lone surrogates → '?', one code point each, so offsets still index
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
                // Lone surrogates: not encodable as UTF-8.
                PyErr::take(py);
                let enc = s.call_method1("encode", ("utf-8", "replace"))?;
                let bytes: Vec<u8> = enc.extract()?;
                let text = String::from_utf8(bytes).unwrap_or_default().into_boxed_str();
                fallback.push((i, text));
                strs.push("");
            } else {
                // SAFETY: CPython guarantees valid UTF-8 of `size` bytes at `ptr`, alive for 'a.
                let slice = unsafe { std::slice::from_raw_parts(ptr as *const u8, size as usize) };
                let st = unsafe { std::str::from_utf8_unchecked(slice) };
                strs.push(st);
            }
        } else if obj.is_none() {
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

fn type_error(obj: &Bound<'_, PyAny>, pos: usize) -> PyErr {
    let tn = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    PyTypeError::new_err(format!("text at position {pos} is {tn}, not str (None/NaN are empty documents)"))
}
