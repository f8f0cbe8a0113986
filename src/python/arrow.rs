//! Arrow string columns to `&str` views without a Python object per document: a small import
//! of the Arrow C data interface through the PyCapsule protocol (`__arrow_c_array__`,
//! `__arrow_c_stream__`). Handles `utf8`, `large_utf8`, `string_view` and their binary
//! counterparts (validated as UTF-8); nulls are empty documents.
//!
//! Hand-written rather than the `pyo3-arrow` crate: we need three formats and two buffers, and
//! the crate pulls in the arrow-rs stack (arrow-array/-cast/-select, chrono-tz) for that.

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr::NonNull;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyTuple};

/// `struct ArrowSchema` of the C data interface.
#[repr(C)]
struct ArrowSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut ArrowSchema,
    dictionary: *mut ArrowSchema,
    release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the C data interface.
#[repr(C)]
struct ArrowArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut ArrowArray,
    dictionary: *mut ArrowArray,
    release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    private_data: *mut c_void,
}

/// `struct ArrowArrayStream` of the C stream interface.
#[repr(C)]
struct ArrowArrayStream {
    get_schema: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowSchema) -> c_int>,
    get_next: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowArray) -> c_int>,
    get_last_error: Option<unsafe extern "C" fn(*mut ArrowArrayStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut ArrowArrayStream)>,
    private_data: *mut c_void,
}

impl ArrowSchema {
    fn empty() -> Self {
        ArrowSchema {
            format: std::ptr::null(),
            name: std::ptr::null(),
            metadata: std::ptr::null(),
            flags: 0,
            n_children: 0,
            children: std::ptr::null_mut(),
            dictionary: std::ptr::null_mut(),
            release: None,
            private_data: std::ptr::null_mut(),
        }
    }
}

impl ArrowArray {
    fn empty() -> Self {
        ArrowArray {
            length: 0,
            null_count: 0,
            offset: 0,
            n_buffers: 0,
            n_children: 0,
            buffers: std::ptr::null_mut(),
            children: std::ptr::null_mut(),
            dictionary: std::ptr::null_mut(),
            release: None,
            private_data: std::ptr::null_mut(),
        }
    }
}

/// An owned schema or array: released (by the producer's callback) on drop.
struct Owned<T: Release>(Box<T>);

trait Release {
    fn release(&mut self);
}

impl Release for ArrowSchema {
    fn release(&mut self) {
        if let Some(r) = self.release {
            // SAFETY: the C data interface says the consumer calls `release` once on a struct
            // it owns; `release` is set to None by the callback (and by us, to be sure).
            unsafe { r(self) };
            self.release = None;
        }
    }
}

impl Release for ArrowArray {
    fn release(&mut self) {
        if let Some(r) = self.release {
            // SAFETY: as for ArrowSchema.
            unsafe { r(self) };
            self.release = None;
        }
    }
}

impl Release for ArrowArrayStream {
    fn release(&mut self) {
        if let Some(r) = self.release {
            // SAFETY: as for ArrowSchema.
            unsafe { r(self) };
            self.release = None;
        }
    }
}

impl<T: Release> Drop for Owned<T> {
    fn drop(&mut self) {
        self.0.release();
    }
}

/// Moves the struct out of a capsule (the capsule's destructor then sees `release == NULL`
/// and does nothing), as the PyCapsule interface prescribes for consumers.
fn take_from_capsule<T: Release>(cap: &Bound<'_, PyAny>, name: &CStr, clear: impl Fn(&mut T)) -> PyResult<Owned<T>> {
    let cap = cap.cast::<PyCapsule>().map_err(|_| PyTypeError::new_err("expected a PyCapsule"))?;
    let p: NonNull<T> = cap.pointer_checked(Some(name))?.cast();
    // SAFETY: the capsule is named for this struct type and owns a live, initialised struct;
    // after reading it we clear its `release`, so ownership moves to us (no double release).
    let value = unsafe { std::ptr::read(p.as_ptr()) };
    unsafe { clear(&mut *p.as_ptr()) };
    Ok(Owned(Box::new(value)))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Layout {
    /// 32-bit offsets (`u` utf8, `z` binary).
    Offsets32,
    /// 64-bit offsets (`U` large_utf8, `Z` large_binary).
    Offsets64,
    /// 16-byte views (`vu` string_view, `vz` binary_view).
    Views,
}

fn layout_of(schema: &ArrowSchema) -> PyResult<Layout> {
    if schema.format.is_null() {
        return Err(PyTypeError::new_err("Arrow schema without a format string"));
    }
    // SAFETY: a released-not schema's `format` is a NUL-terminated string (C data interface).
    let f = unsafe { CStr::from_ptr(schema.format) }.to_string_lossy().into_owned();
    if !schema.dictionary.is_null() {
        return Err(PyTypeError::new_err(
            "the Arrow text column is dictionary-encoded; cast it to string first (e.g. arr.cast(pa.string()))",
        ));
    }
    match f.as_str() {
        "u" | "z" => Ok(Layout::Offsets32),
        "U" | "Z" => Ok(Layout::Offsets64),
        "vu" | "vz" => Ok(Layout::Views),
        _ => Err(PyTypeError::new_err(format!(
            "the Arrow text column has format {f:?}; expected a string column (utf8, large_utf8 or string_view)"
        ))),
    }
}

/// Documents of one or more imported Arrow arrays. The borrowed `&str`s of [`ArrowTexts::strs`]
/// live as long as this value (it keeps the producer's buffers alive until dropped).
pub struct ArrowTexts {
    layout: Option<Layout>,
    arrays: Vec<Owned<ArrowArray>>,
    _stream: Option<Owned<ArrowArrayStream>>,
}

/// A text that is not valid UTF-8: its position among all documents and the byte within it.
pub struct BadText {
    pub index: usize,
    pub byte: usize,
}

impl ArrowTexts {
    /// Imports `obj` (anything with `__arrow_c_stream__` or `__arrow_c_array__`).
    pub fn import(obj: &Bound<'_, PyAny>) -> PyResult<ArrowTexts> {
        if obj.hasattr("__arrow_c_stream__")? {
            let cap = obj.call_method0("__arrow_c_stream__")?;
            let mut stream: Owned<ArrowArrayStream> =
                take_from_capsule(&cap, c"arrow_array_stream", |s: &mut ArrowArrayStream| s.release = None)?;
            let mut schema = Owned(Box::new(ArrowSchema::empty()));
            let get_schema = stream.0.get_schema.ok_or_else(|| PyValueError::new_err("Arrow stream without get_schema"))?;
            let get_next = stream.0.get_next.ok_or_else(|| PyValueError::new_err("Arrow stream without get_next"))?;
            // SAFETY: the stream is live (we own it, release not yet called); `schema` is a
            // valid out-pointer that the callback initialises on success.
            let rc = unsafe { get_schema(&mut *stream.0, &mut *schema.0) };
            if rc != 0 {
                return Err(stream_error(&mut stream, rc));
            }
            let layout = layout_of(&schema.0)?;
            let mut arrays = Vec::new();
            loop {
                let mut arr = Owned(Box::new(ArrowArray::empty()));
                // SAFETY: as above; end of stream is signalled by a released (NULL) array.
                let rc = unsafe { get_next(&mut *stream.0, &mut *arr.0) };
                if rc != 0 {
                    return Err(stream_error(&mut stream, rc));
                }
                if arr.0.release.is_none() {
                    break;
                }
                check_array(&arr.0, layout)?;
                arrays.push(arr);
            }
            return Ok(ArrowTexts { layout: Some(layout), arrays, _stream: Some(stream) });
        }
        if obj.hasattr("__arrow_c_array__")? {
            let pair = obj.call_method0("__arrow_c_array__")?;
            let pair = pair.cast::<PyTuple>().map_err(|_| PyTypeError::new_err("__arrow_c_array__ must return a tuple"))?;
            if pair.len() != 2 {
                return Err(PyTypeError::new_err("__arrow_c_array__ must return (schema, array) capsules"));
            }
            let schema: Owned<ArrowSchema> =
                take_from_capsule(&pair.get_item(0)?, c"arrow_schema", |s: &mut ArrowSchema| s.release = None)?;
            let arr: Owned<ArrowArray> =
                take_from_capsule(&pair.get_item(1)?, c"arrow_array", |a: &mut ArrowArray| a.release = None)?;
            let layout = layout_of(&schema.0)?;
            check_array(&arr.0, layout)?;
            return Ok(ArrowTexts { layout: Some(layout), arrays: vec![arr], _stream: None });
        }
        let tn = obj.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        Err(PyTypeError::new_err(format!(
            "{tn} does not export Arrow data (__arrow_c_array__ / __arrow_c_stream__)"
        )))
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.arrays.iter().map(|a| a.0.length as usize).sum()
    }

    /// The documents as `&str` (nulls: ""), the number of nulls, or the first text that is
    /// not valid UTF-8.
    pub fn strs(&self) -> Result<(Vec<&str>, usize), BadText> {
        let mut out = Vec::with_capacity(self.len());
        let mut missing = 0;
        let Some(layout) = self.layout else { return Ok((out, 0)) };
        for a in &self.arrays {
            let base = out.len();
            // SAFETY: `check_array` verified the buffer count; the producer guarantees the
            // buffers hold `offset + length` entries (C data interface), alive while `self` is.
            unsafe { push_strs(&a.0, layout, &mut out, &mut missing) }.map_err(|(i, b)| BadText { index: base + i, byte: b })?;
        }
        Ok((out, missing))
    }
}

fn stream_error(stream: &mut Owned<ArrowArrayStream>, rc: c_int) -> PyErr {
    let msg = stream
        .0
        .get_last_error
        // SAFETY: get_last_error returns NULL or a NUL-terminated string valid until the next
        // call on the stream.
        .map(|f| unsafe { f(&mut *stream.0) })
        .filter(|p| !p.is_null())
        .map(|p| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("error code {rc}"));
    PyValueError::new_err(format!("reading the Arrow stream failed: {msg}"))
}

fn check_array(a: &ArrowArray, layout: Layout) -> PyResult<()> {
    if a.length < 0 || a.offset < 0 || a.null_count < -1 {
        return Err(PyValueError::new_err("malformed Arrow array (negative length/offset)"));
    }
    let ok = match layout {
        Layout::Offsets32 | Layout::Offsets64 => a.n_buffers == 3,
        Layout::Views => a.n_buffers >= 3,
    };
    if !ok || a.buffers.is_null() {
        return Err(PyValueError::new_err(format!("malformed Arrow string array ({} buffers)", a.n_buffers)));
    }
    Ok(())
}

/// Appends the documents of one array. Err((row, byte)) for the first text that is not UTF-8.
///
/// # Safety
/// `a` must be a live array of `layout` as checked by [`check_array`].
unsafe fn push_strs<'a>(
    a: &'a ArrowArray,
    layout: Layout,
    out: &mut Vec<&'a str>,
    missing: &mut usize,
) -> Result<(), (usize, usize)> {
    // SAFETY: the caller guarantees a live array of `layout`; every access below stays within
    // the `offset + length` rows and the buffers the C data interface prescribes for it.
    unsafe {
        let n = a.length as usize;
        let off = a.offset as usize;
        let bufs = std::slice::from_raw_parts(a.buffers, a.n_buffers as usize);
        let validity = bufs[0] as *const u8;
        let is_null = |i: usize| -> bool {
            if validity.is_null() || a.null_count == 0 {
                return false;
            }
            let bit = off + i;
            // SAFETY: the validity bitmap holds at least offset + length bits.
            (*validity.add(bit / 8) >> (bit % 8)) & 1 == 0
        };
        match layout {
            Layout::Offsets32 | Layout::Offsets64 => {
                let data = bufs[2] as *const u8;
                let offset_at = |k: usize| -> usize {
                    // SAFETY: offsets hold offset + length + 1 entries.
                    if layout == Layout::Offsets32 {
                        *(bufs[1] as *const i32).add(k) as usize
                    } else {
                        *(bufs[1] as *const i64).add(k) as usize
                    }
                };
                if n == 0 {
                    return Ok(());
                }
                let lo = offset_at(off);
                let hi = offset_at(off + n);
                if hi < lo || (data.is_null() && hi > lo) {
                    return Err((0, 0));
                }
                let region: &[u8] = if hi > lo { std::slice::from_raw_parts(data.add(lo), hi - lo) } else { &[] };
                // One validation of the whole region, then every boundary must fall on a char start:
                // equivalent to validating each text, much cheaper for many short ones.
                let whole_ok = std::str::from_utf8(region).is_ok();
                let mut prev = lo;
                for i in 0..n {
                    let e = offset_at(off + i + 1);
                    if e < prev || e > hi {
                        return Err((i, 0));
                    }
                    let bytes = &region[prev - lo..e - lo];
                    prev = e;
                    if is_null(i) {
                        *missing += 1;
                        out.push("");
                        continue;
                    }
                    if whole_ok && (bytes.is_empty() || (bytes[0] as i8) >= -0x40) && (e == hi || (region[e - lo] as i8) >= -0x40) {
                        // SAFETY: `region` is valid UTF-8 and this slice starts and ends on char
                        // boundaries (the byte at each end is not a continuation byte).
                        out.push(std::str::from_utf8_unchecked(bytes));
                    } else {
                        match std::str::from_utf8(bytes) {
                            Ok(s) => out.push(s),
                            Err(err) => return Err((i, err.valid_up_to())),
                        }
                    }
                }
                Ok(())
            }
            Layout::Views => {
                let views = bufs[1] as *const u8;
                let n_data = a.n_buffers as usize - 3;
                let data_bufs = &bufs[2..2 + n_data];
                for i in 0..n {
                    if is_null(i) {
                        *missing += 1;
                        out.push("");
                        continue;
                    }
                    let v = views.add((off + i) * 16);
                    let len = i32::from_le_bytes(*(v as *const [u8; 4])) as usize;
                    let bytes: &[u8] = if len <= 12 {
                        std::slice::from_raw_parts(v.add(4), len)
                    } else {
                        let bi = i32::from_le_bytes(*(v.add(8) as *const [u8; 4])) as usize;
                        let bo = i32::from_le_bytes(*(v.add(12) as *const [u8; 4])) as usize;
                        if bi >= n_data {
                            return Err((i, 0));
                        }
                        std::slice::from_raw_parts((data_bufs[bi] as *const u8).add(bo), len)
                    };
                    match std::str::from_utf8(bytes) {
                        Ok(s) => out.push(s),
                        Err(err) => return Err((i, err.valid_up_to())),
                    }
                }
                Ok(())
            }
        }
    }
}

/// Imports `obj` and returns its texts, raising `CorpusError` (with `index`, the position of
/// the text among the documents of `obj`, plus `doc_offset`) for a text that is not UTF-8.
pub fn with_texts<T>(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    doc_offset: usize,
    f: impl FnOnce(&[&str], usize) -> PyResult<T>,
) -> PyResult<T> {
    let at = ArrowTexts::import(obj)?;
    match at.strs() {
        Ok((strs, missing)) => f(&strs, missing),
        Err(bad) => Err(invalid_utf8(py, bad.index + doc_offset, bad.index, bad.byte)),
    }
}

fn invalid_utf8(py: Python<'_>, pos: usize, index: usize, byte: usize) -> PyErr {
    let msg = format!("text at position {pos} is not valid UTF-8 (at byte {byte})");
    let err = match py.import("gazetta.exceptions").and_then(|m| m.getattr("CorpusError")) {
        Ok(cls) => match cls.call1((msg.clone(),)) {
            Ok(inst) => PyErr::from_value(inst),
            Err(e) => e,
        },
        Err(_) => PyValueError::new_err(msg),
    };
    let v = err.value(py);
    let _ = v.setattr("index", index);
    let _ = v.setattr("byte", byte);
    err
}

/// Positions of the texts in `obj` that are not valid UTF-8 (a slow path for `on_error="skip"`).
#[pyfunction]
pub fn arrow_invalid_utf8(obj: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let at = ArrowTexts::import(obj)?;
    let mut bad = Vec::new();
    let mut base = 0;
    let layout = match at.layout {
        Some(l) => l,
        None => return Ok(bad),
    };
    for a in &at.arrays {
        let n = a.0.length as usize;
        let mut start = 0;
        // Re-validate from just after each bad text until the array is done.
        while start < n {
            let mut sub = ArrowArray { ..ArrowArray::empty() };
            sub.length = (n - start) as i64;
            sub.offset = a.0.offset + start as i64;
            sub.null_count = a.0.null_count;
            sub.n_buffers = a.0.n_buffers;
            sub.buffers = a.0.buffers;
            let mut out = Vec::new();
            let mut missing = 0;
            // SAFETY: `sub` borrows `a`'s buffers (no release callback), with a sub-range of
            // its rows; `a` outlives this call.
            match unsafe { push_strs(&sub, layout, &mut out, &mut missing) } {
                Ok(()) => break,
                Err((i, _)) => {
                    bad.push(base + start + i);
                    start += i + 1;
                }
            }
        }
        base += n;
    }
    Ok(bad)
}

/// Number of documents in an Arrow array or stream (consumes a stream).
#[pyfunction]
pub fn arrow_len(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    Ok(ArrowTexts::import(obj)?.len())
}
