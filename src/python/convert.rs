//! Python inputs to Rust views without copies: `str` objects hand over their UTF-8 buffer or
//! their code units, read from a private snapshot of the caller's list.

use std::os::raw::c_char;

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyList, PyString};

use crate::core::text::Text;

extern "C" {
    // Public CPython API since 3.3 (exported by every CPython 3 build); in the limited API only
    // from 3.10, which is why pyo3 hides it for abi3-py39 builds.
    fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const c_char;
}

/// A private copy of a list of texts (`list[:]`, one C call), made with the GIL held. It holds a
/// reference to every item, and no other code can reach it: it is never handed to Python, and
/// it is untracked by the garbage collector, so `gc.get_objects()`/`gc.get_referrers()` in
/// another thread cannot find it (a debug build's `sys.getobjects()` and ctypes aside). So its
/// length and items cannot change, and its items stay alive, while the GIL is released, however
/// another Python thread changes the caller's list meanwhile. Texts read from it borrow from it
/// (lifetime of `&Batch`).
pub struct Batch<'py> {
    list: Bound<'py, PyList>,
}

impl<'py> Batch<'py> {
    /// A snapshot of `list` (a list subclass's `__getitem__` is not called: the C slice of the
    /// list's items is taken, and is a plain list).
    pub fn of_list(list: &Bound<'py, PyList>) -> PyResult<Batch<'py>> {
        let py = list.py();
        // SAFETY: `list` is a live list and the GIL is held; PyList_GetSlice returns a new
        // reference to a new plain list (NULL with an exception set on failure), clipping the
        // bounds to the list's length.
        let copy = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyList_GetSlice(list.as_ptr(), 0, ffi::PY_SSIZE_T_MAX))? };
        // SAFETY: PyList_GetSlice returns a list (`PyList_New`).
        let copy = unsafe { copy.cast_into_unchecked::<PyList>() };
        Ok(Self::private(copy))
    }

    /// A batch of one object (in a new list of its own).
    pub fn of_one(obj: Bound<'py, PyAny>) -> PyResult<Batch<'py>> {
        Ok(Self::private(PyList::new(obj.py(), [obj])?))
    }

    /// `list` (a new list that nothing else references) made unreachable from Python.
    fn private(list: Bound<'py, PyList>) -> Batch<'py> {
        // SAFETY: a live, GC-tracked list and the GIL is held. Untracking only removes it from
        // the collector's lists: nothing else references it, so it cannot be part of a cycle,
        // and it is freed by its reference count (list_dealloc untracks only a tracked object).
        unsafe { ffi::PyObject_GC_UnTrack(list.as_ptr().cast()) };
        Batch { list }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Every item, in order, borrowed from the snapshot for as long as `self` is borrowed.
    fn items<'a>(&'a self) -> impl Iterator<Item = Borrowed<'a, 'py, PyAny>> + 'a {
        let py = self.list.py();
        let op = self.list.as_ptr();
        (0..self.len()).map(move |i| {
            // SAFETY: `i` is below the length of the list, which nothing can change (see
            // `Batch`); the item is a non-NULL borrowed reference owned by the list, which `self`
            // keeps alive (and unchanged) for 'a.
            #[cfg(not(any(Py_LIMITED_API, GraalPy)))]
            unsafe {
                Borrowed::from_ptr(py, ffi::PyList_GET_ITEM(op, i as ffi::Py_ssize_t))
            }
            #[cfg(any(Py_LIMITED_API, GraalPy))]
            unsafe {
                Borrowed::from_ptr(py, ffi::PyList_GetItem(op, i as ffi::Py_ssize_t))
            }
        })
    }
}

/// The texts of a batch as `&str` borrowed from the str objects of a [`Batch`], plus owned
/// fallbacks for strings with lone surrogates.
pub struct Texts<'a> {
    /// One entry per document.
    strs: Vec<&'a str>,
    /// Number of missing (None/NaN) documents (read where [`extract_units`] falls back to
    /// UTF-8).
    #[cfg_attr(not(any(Py_LIMITED_API, PyPy, GraalPy)), allow(dead_code))]
    pub missing: usize,
    /// Per document: ASCII (its length in code points equals its UTF-8 length, so code-point
    /// offsets are byte offsets).
    ascii: Vec<bool>,
    // Owned replacements (lone surrogates → U+FFFD, one code point each, so offsets still index
    // the original str).
    _owned: Vec<Box<str>>,
}

impl Texts<'_> {
    /// One `&str` per document, alive as long as `self` (some point into `self`).
    pub fn strs(&self) -> &[&str] {
        &self.strs
    }

}

/// A str that CPython knows to be ASCII (an exact `str`, not a subclass), read in place: its
/// code units are its UTF-8 bytes. No call into the interpreter, no copy, no check of the bytes;
/// `None` for anything else (which takes the general path).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy, Py_3_14)))]
#[inline]
fn known_ascii<'a>(obj: Borrowed<'a, '_, PyAny>) -> Option<&'a str> {
    let op = obj.as_ptr();
    // SAFETY: `op` is a live object, kept alive for 'a by the batch it is borrowed from, and
    // the GIL is held. Its type is checked to be exactly `str` before any str field is read
    // (a subclass is left to the general path, which reads it through the C API). Before 3.12
    // a legacy str that is not ready has no valid `ascii` flag or data: the general path
    // readies it. For a ready str, `ascii` says that its GET_LENGTH units, one byte each, are
    // all below 0x80 (CPython keeps this invariant, and its own `PyUnicode_AsUTF8AndSize`
    // returns this very buffer as UTF-8 on that flag alone), so they are valid UTF-8.
    // PyUnicode_DATA handles both compact strs (data after the header) and non-compact ones
    // (legacy strs before 3.12: `data.any`). The buffer is owned by the str and freed only
    // with it, and it is never written again: CPython resizes or writes a str in place only
    // while it holds the only reference (`unicode_modifiable`: refcount 1, not interned), and
    // the batch holds one. So it may be read from any thread, without the GIL, for 'a.
    unsafe {
        if ffi::Py_TYPE(op) != std::ptr::addr_of_mut!(ffi::PyUnicode_Type) {
            return None;
        }
        #[cfg(not(Py_3_12))]
        if ffi::PyUnicode_IS_READY(op) == 0 {
            return None;
        }
        if ffi::PyUnicode_IS_ASCII(op) == 0 {
            return None;
        }
        let n = ffi::PyUnicode_GET_LENGTH(op) as usize;
        let data = ffi::PyUnicode_DATA(op) as *const u8;
        Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, n)))
    }
}

/// Where the str layout cannot be read (the stable ABI, PyPy, GraalPy, and 3.14, whose str
/// state bits pyo3 does not describe): every str takes the general path.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy, Py_3_14))]
#[inline]
fn known_ascii<'a>(_obj: Borrowed<'a, '_, PyAny>) -> Option<&'a str> {
    None
}

/// Extracts every item of `batch`. `None` and float NaN are empty documents; any other non-str
/// is a `TypeError` naming its position (`offset + i`).
pub fn extract_texts<'a>(py: Python<'_>, batch: &'a Batch<'_>, offset: usize) -> PyResult<Texts<'a>> {
    let n = batch.len();
    let mut strs: Vec<&'a str> = Vec::with_capacity(n);
    let mut ascii: Vec<bool> = Vec::with_capacity(n);
    let mut owned: Vec<Box<str>> = Vec::new();
    let mut missing = 0;
    let mut fallback: Vec<(usize, Box<str>)> = Vec::new();
    for (i, obj) in batch.items().enumerate() {
        // The common case, a plain ASCII str: read in place.
        if let Some(s) = known_ascii(obj) {
            strs.push(s);
            ascii.push(true);
            continue;
        }
        let Some(s) = batch_item(obj, offset + i)? else {
            missing += 1;
            strs.push("");
            ascii.push(true);
            continue;
        };
        let op = s.as_ptr();
        let mut size: ffi::Py_ssize_t = 0;
        // SAFETY: `op` is a live str (kept alive by `batch` for 'a) and the GIL is held. The
        // returned buffer is owned by the str object (its data, or its cached UTF-8 copy) and
        // freed only with it.
        let ptr = unsafe { PyUnicode_AsUTF8AndSize(op, &mut size) };
        if ptr.is_null() {
            // Lone surrogates: not encodable as UTF-8. Each becomes U+FFFD (issue 8: the
            // codec's "replace" gave '?', a sentence terminator, so "Japan \ud800 China"
            // was split into two sentences and lost its pair).
            PyErr::take(py);
            let text = replace_surrogates(surrogatepass_utf8(py, op)?).into_boxed_str();
            fallback.push((i, text));
            strs.push("");
            ascii.push(false);
        } else {
            // SAFETY: CPython guarantees valid UTF-8 of `size` bytes at `ptr`, owned by the str,
            // which `batch` keeps alive for 'a, and not written again (see `known_ascii`).
            let slice = unsafe { std::slice::from_raw_parts(ptr as *const u8, size as usize) };
            let st = unsafe { std::str::from_utf8_unchecked(slice) };
            strs.push(st);
            // A non-ASCII code point takes two or more UTF-8 bytes. The length in code points
            // from the C API: a str subclass's `__len__` is not called.
            // SAFETY: a live str and the GIL is held.
            let cps = unsafe { ffi::PyUnicode_GetLength(op) };
            ascii.push(cps >= 0 && cps as usize == st.len());
        }
    }
    for (i, text) in fallback {
        owned.push(text);
        // SAFETY: the Box<str> is moved into `owned` and never mutated or dropped before
        // `Texts` is; its heap buffer does not move when the Vec grows. `strs` is private and
        // lent out only for the lifetime of a borrow of `Texts` (`Texts::strs`).
        let r: &'a str = unsafe { &*(owned.last().map(|b| &**b as *const str).unwrap_or("")) };
        strs[i] = r;
    }
    Ok(Texts { strs, missing, ascii, _owned: owned })
}

/// The UTF-8 of a str with lone surrogates encoded as such (`surrogatepass`), through the C API
/// (a str subclass's `encode` is not called).
fn surrogatepass_utf8(py: Python<'_>, op: *mut ffi::PyObject) -> PyResult<Vec<u8>> {
    // SAFETY: `op` is a live str and the GIL is held; the result is a new reference to a bytes
    // object, or NULL with an exception set.
    let b = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyUnicode_AsEncodedString(op, c"utf-8".as_ptr(), c"surrogatepass".as_ptr()))? };
    Ok(b.cast::<PyBytes>()?.as_bytes().to_vec())
}

/// The texts of a batch as code units borrowed from the str objects of a [`Batch`]: the
/// workers transcode them ([`Text`]), so fresh non-ASCII strs are not encoded serially under
/// the GIL, nor given a cached UTF-8 copy. A str known to be ASCII is handed over as UTF-8
/// (nothing to transcode or check). Same inputs and errors as [`extract_texts`].
pub struct Units<'a> {
    /// One entry per document.
    texts: Vec<Text<'a>>,
    /// Number of missing (None/NaN) documents.
    pub missing: usize,
    // The UTF-8 fallback's owned strings, where code units cannot be read.
    _utf8: Option<Texts<'a>>,
}

impl Units<'_> {
    /// One [`Text`] per document, alive as long as `self`.
    pub fn texts(&self) -> &[Text<'_>] {
        &self.texts
    }

    /// Per document: whether it is known to be ASCII (a str CPython flags as such, or a
    /// missing document; `false` says only "not known").
    pub fn ascii(&self) -> Vec<bool> {
        match &self._utf8 {
            Some(t) => t.ascii.clone(),
            // Only a str known to be ASCII (and a missing document) is handed over as UTF-8
            // here: every other str is given as its code units.
            None => self.texts.iter().map(|t| matches!(t, Text::Utf8(_))).collect(),
        }
    }
}

/// [`extract_texts`] as code units (see [`Units`]). Where the interpreter's str layout is not
/// available (the stable ABI, PyPy, GraalPy), the UTF-8 of [`extract_texts`].
pub fn extract_units<'a>(py: Python<'_>, batch: &'a Batch<'_>, offset: usize) -> PyResult<Units<'a>> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        let mut texts: Vec<Text<'a>> = Vec::with_capacity(batch.len());
        let mut missing = 0;
        for (i, obj) in batch.items().enumerate() {
            if let Some(s) = known_ascii(obj) {
                texts.push(Text::Utf8(s));
                continue;
            }
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
        let t = extract_texts(py, batch, offset)?;
        // The &'a strs point into the str objects or into `t`'s boxes, kept with `t`.
        let texts = t.strs.iter().map(|&s| Text::Utf8(s)).collect();
        Ok(Units { texts, missing: t.missing, _utf8: Some(t) })
    }
}

/// The code units of a live str (PEP 393 storage), a str or a subclass, borrowed for 'a.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn code_units<'a>(py: Python<'_>, s: Borrowed<'a, '_, PyString>) -> PyResult<Text<'a>> {
    let op = s.as_ptr();
    // SAFETY: `op` is a live str (or subclass: same layout) kept alive for 'a by the batch it is
    // borrowed from, and the GIL is held. PyUnicode_READY (a no-op since 3.12) gives a legacy str
    // its canonical form; then KIND/DATA/GET_LENGTH describe a buffer of GET_LENGTH units of
    // KIND bytes owned by the object (PyUnicode_DATA: after the header of a compact str, at
    // `data.any` of a non-compact one: a subclass instance, a legacy str), freed only with it
    // and not written again while the batch holds a reference (see `known_ascii`), so it may be
    // read from any thread for 'a.
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

/// One item of a batch: `Some(str)` (a str or a subclass), or `None` for a missing document
/// (None, float NaN, `pandas.NA`); any other type is a `TypeError` naming its position `pos`.
fn batch_item<'a, 'py>(obj: Borrowed<'a, 'py, PyAny>, pos: usize) -> PyResult<Option<Borrowed<'a, 'py, PyString>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s));
    }
    let nan = obj.cast::<PyFloat>().map(|f| f.value().is_nan()).unwrap_or(false);
    if obj.is_none() || nan || is_pandas_na(&obj) {
        return Ok(None);
    }
    Err(type_error(&obj, pos))
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
