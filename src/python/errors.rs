//! The one place where core errors become Python exceptions.

use pyo3::exceptions::{PyKeyboardInterrupt, PyMemoryError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::core::Error;

fn exc(py: Python<'_>, name: &str, msg: String) -> PyErr {
    match py.import("gazetta.exceptions").and_then(|m| m.getattr(name)) {
        Ok(cls) => match cls.call1((msg.clone(),)) {
            Ok(inst) => PyErr::from_value(inst),
            Err(e) => e,
        },
        Err(_) => PyRuntimeError::new_err(msg),
    }
}

/// Converts a core error to the matching Python exception.
pub fn to_py(py: Python<'_>, e: Error) -> PyErr {
    match e {
        Error::BadAlias { ref entity, .. } => {
            let err = exc(py, "GazetteerError", e.to_string());
            let _ = err.value(py).setattr("entity", entity.clone());
            err
        }
        Error::InvalidInput(m) => PyValueError::new_err(m),
        Error::Cancelled => PyKeyboardInterrupt::new_err("cancelled"),
        // MemoryError, as Python's own allocations give, with the size asked for.
        e @ Error::Memory { .. } => PyMemoryError::new_err(e.to_string()),
        other => exc(py, "GazettaError", other.to_string()),
    }
}

/// A GazettaError for a caught Rust panic (never let a `PanicException` reach the user). When
/// the panic came from a failed Python call (pyo3 panics on a NULL object, e.g. a string that
/// could not be allocated), the pending Python error (a `MemoryError`) is raised instead.
pub fn internal(py: Python<'_>, what: String) -> PyErr {
    if let Some(pending) = PyErr::take(py) {
        return pending;
    }
    exc(py, "GazettaError", format!("internal error in gazetta (please report it): {what}"))
}
