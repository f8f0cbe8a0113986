//! Python inputs to Rust views without copies: `str` objects hand over their UTF-8 buffer.

use std::os::raw::c_char;

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString};

use crate::core::text::Text;

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
    /// Per document: ASCII (its length in code points equals its UTF-8 length, so code-point
    /// offsets are byte offsets).
    pub ascii: Vec<bool>,
    // Owned replacements (lone surrogates → U+FFFD, one code point each, so offsets still index
    // the original str).
    _owned: Vec<Box<str>>,
}

/// Extracts every item of `items`. `None` and float NaN are empty documents; any other non-str
/// is a `TypeError` naming its position (`offset + i`).
pub fn extract_texts<'a>(py: Python<'_>, items: &'a [Bound<'a, PyAny>], offset: usize) -> PyResult<Texts<'a>> {
    let mut strs: Vec<&'a str> = Vec::with_capacity(items.len());
    let mut ascii: Vec<bool> = Vec::with_capacity(items.len());
    let mut owned: Vec<Box<str>> = Vec::new();
    let mut missing = 0;
    let mut fallback: Vec<(usize, Box<str>)> = Vec::new();
    for (i, obj) in items.iter().enumerate() {
        let Some(s) = batch_item(obj, offset + i)? else {
            missing += 1;
            strs.push("");
            ascii.push(true);
            continue;
        };
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
            ascii.push(false);
        } else {
            // SAFETY: CPython guarantees valid UTF-8 of `size` bytes at `ptr`, alive for 'a.
            let slice = unsafe { std::slice::from_raw_parts(ptr as *const u8, size as usize) };
            let st = unsafe { std::str::from_utf8_unchecked(slice) };
            strs.push(st);
            // A non-ASCII code point takes two or more UTF-8 bytes.
            ascii.push(s.len().is_ok_and(|n| n == st.len()));
        }
    }
    for (i, text) in fallback {
        owned.push(text);
        // SAFETY: the Box<str> is moved into `owned` and never mutated or dropped before
        // `Texts` is; its heap buffer does not move when the Vec grows.
        let r: &'a str = unsafe { &*(owned.last().map(|b| &**b as *const str).unwrap_or("")) };
        strs[i] = r;
    }
    Ok(Texts { strs, missing, ascii, _owned: owned })
}

/// The texts of a batch as code units borrowed from the Python objects (which the caller
/// keeps alive): the workers transcode them ([`Text`]), so fresh non-ASCII strs are not encoded
/// serially under the GIL, nor given a cached UTF-8 copy. Same inputs and errors as
/// [`extract_texts`].
pub struct Units<'a> {
    /// One entry per document.
    pub texts: Vec<Text<'a>>,
    /// Number of missing (None/NaN) documents.
    pub missing: usize,
    // The UTF-8 fallback's owned strings, where code units cannot be read.
    _utf8: Option<Texts<'a>>,
}

/// [`extract_texts`] as code units (see [`Units`]). Where the interpreter's str layout is not
/// available (the stable ABI, PyPy, GraalPy), the UTF-8 of [`extract_texts`].
pub fn extract_units<'a>(py: Python<'_>, items: &'a [Bound<'a, PyAny>], offset: usize) -> PyResult<Units<'a>> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        let mut texts: Vec<Text<'a>> = Vec::with_capacity(items.len());
        let mut missing = 0;
        for (i, obj) in items.iter().enumerate() {
            match batch_item(obj, offset + i)? {
                Some(s) => texts.push(code_units(py, s)?),
                None => {
                    missing += 1;
                    texts.push(Text::Utf8(""));
                }
            }
        }
        Ok(Units { texts, missing, _utf8: None })
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let t = extract_texts(py, items, offset)?;
        // The &'a strs point into the str objects or into `t`'s boxes, kept with `t`.
        let texts = t.strs.iter().map(|&s| Text::Utf8(s)).collect();
        Ok(Units { texts, missing: t.missing, _utf8: Some(t) })
    }
}

/// The code units of a live str (PEP 393 storage).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn code_units<'a>(py: Python<'_>, s: &'a Bound<'a, PyString>) -> PyResult<Text<'a>> {
    let op = s.as_ptr();
    // SAFETY: `op` is a live str kept alive by `s` for 'a. PyUnicode_READY (a no-op since
    // 3.12) gives legacy strs their canonical form; then KIND/DATA/GET_LENGTH describe an
    // immutable buffer of GET_LENGTH units owned by the object, which may be read from any
    // thread while the object lives.
    unsafe {
        if ffi::PyUnicode_READY(op) != 0 {
            return Err(PyErr::take(py).unwrap_or_else(|| PyTypeError::new_err("str not ready")));
        }
        let n = ffi::PyUnicode_GET_LENGTH(op) as usize;
        let data = ffi::PyUnicode_DATA(op);
        Ok(match ffi::PyUnicode_KIND(op) {
            ffi::PyUnicode_1BYTE_KIND => Text::Latin1(std::slice::from_raw_parts(data as *const u8, n)),
            ffi::PyUnicode_2BYTE_KIND => Text::Ucs2(std::slice::from_raw_parts(data as *const u16, n)),
            ffi::PyUnicode_4BYTE_KIND => Text::Ucs4(std::slice::from_raw_parts(data as *const u32, n)),
            k => return Err(PyTypeError::new_err(format!("str of unknown kind {k}"))),
        })
    }
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

/// One item of a batch: `Some(str)`, or `None` for a missing document (None, float NaN,
/// `pandas.NA`); any other type is a `TypeError` naming its position `pos`.
fn batch_item<'a>(obj: &'a Bound<'a, PyAny>, pos: usize) -> PyResult<Option<&'a Bound<'a, PyString>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s));
    }
    let nan = obj.cast::<PyFloat>().map(|f| f.value().is_nan()).unwrap_or(false);
    if obj.is_none() || nan || is_pandas_na(obj) {
        return Ok(None);
    }
    Err(type_error(obj, pos))
}

/// `pandas.NA` (a missing value in string/Arrow columns) is a missing text, like None.
fn is_pandas_na(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type().name().map(|n| n == "NAType").unwrap_or(false)
}

fn type_error(obj: &Bound<'_, PyAny>, pos: usize) -> PyErr {
    let tn = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    PyTypeError::new_err(format!("text at position {pos} is {tn}, not str (None/NaN are empty documents)"))
}
