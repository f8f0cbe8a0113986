//! The one door for heavy work: release the GIL, run on a worker thread, poll for Ctrl-C and
//! report progress while waiting, turn panics into `GazettaError`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use pyo3::prelude::*;

use crate::core::batch::Control;
use crate::core::{Error, Result};

use super::errors;

const POLL: Duration = Duration::from_millis(100);

/// What the calling thread does while heavy work runs elsewhere: every [`POLL`] it takes the
/// GIL briefly to check for signals (Ctrl-C sets `ctl.cancel`: the work stops at its next
/// check, and the signal's exception is kept to raise) and to call `progress(done)` when the
/// count moved. An error from either stops the polling and cancels the work.
struct Poller {
    ctl: Arc<Control>,
    progress: Option<Py<PyAny>>,
    last_done: usize,
    err: Option<PyErr>,
}

impl Poller {
    fn new(ctl: Arc<Control>, progress: Option<&Bound<'_, PyAny>>) -> Poller {
        Poller { ctl, progress: progress.map(|p| p.clone().unbind()), last_done: usize::MAX, err: None }
    }

    /// One wake-up.
    fn tick(&mut self) {
        if self.err.is_some() {
            return;
        }
        Python::attach(|py| {
            if let Err(e) = py.check_signals() {
                self.ctl.cancel.store(true, Ordering::SeqCst);
                self.err = Some(e);
                return;
            }
            if let Some(p) = &self.progress {
                let done = self.ctl.done.load(Ordering::Relaxed);
                if done != self.last_done {
                    self.last_done = done;
                    if let Err(e) = p.call1(py, (done,)) {
                        self.ctl.cancel.store(true, Ordering::SeqCst);
                        self.err = Some(e);
                    }
                }
            }
        });
    }
}

/// Runs `work` with the GIL released, on a thread spawned for the call, while the calling
/// thread polls ([`Poller`]: Ctrl-C, `progress(done)`).
pub fn run_detached<T, F>(py: Python<'_>, ctl: Arc<Control>, progress: Option<&Bound<'_, PyAny>>, work: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T> + Send,
{
    let mut poll = Poller::new(ctl, progress);
    let (outcome, py_err) = py.detach(move || {
        std::thread::scope(|s| {
            let (tx, rx) = mpsc::channel::<()>();
            let handle = s.spawn(move || {
                let r = catch_unwind(AssertUnwindSafe(work));
                let _ = tx.send(());
                r
            });
            while let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(POLL) {
                poll.tick();
            }
            (handle.join(), poll.err)
        })
    });
    if let Some(e) = py_err {
        return Err(e);
    }
    match outcome {
        Ok(r) => settle(py, r),
        Err(panic) => Err(errors::internal(py, panic_message(&*panic))),
    }
}

/// [`run_detached`] for work that runs on `pool` anyway: the work is started as a job of the
/// pool (`in_place_scope` + `spawn`) instead of on a thread spawned for the call, and the
/// calling thread polls meanwhile, as in [`run_detached`]. Saves a thread start and its stack
/// per call; the work's own `pool.install` then runs in place.
pub fn run_pooled<T, F>(
    py: Python<'_>,
    pool: &rayon::ThreadPool,
    ctl: Arc<Control>,
    progress: Option<&Bound<'_, PyAny>>,
    work: F,
) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T> + Send,
{
    let mut poll = Poller::new(ctl, progress);
    let (outcome, py_err) = py.detach(move || {
        let (tx, rx) = mpsc::channel::<std::thread::Result<Result<T>>>();
        pool.in_place_scope(|s| {
            s.spawn(move |_| {
                let r = catch_unwind(AssertUnwindSafe(work));
                let _ = tx.send(r);
            });
            loop {
                match rx.recv_timeout(POLL) {
                    Ok(r) => return (Some(r), poll.err.take()),
                    // The job ended without sending: it cannot (its panics are caught), but
                    // the scope's end then reports it.
                    Err(mpsc::RecvTimeoutError::Disconnected) => return (None, poll.err.take()),
                    Err(mpsc::RecvTimeoutError::Timeout) => poll.tick(),
                }
            }
        })
    });
    if let Some(e) = py_err {
        return Err(e);
    }
    match outcome {
        Some(r) => settle(py, r),
        None => Err(errors::internal(py, "the work ended without a result".to_string())),
    }
}

/// Runs short work with the GIL held, still converting panics and core errors.
pub fn run_here<T>(py: Python<'_>, work: impl FnOnce() -> Result<T>) -> PyResult<T> {
    settle(py, catch_unwind(AssertUnwindSafe(work)))
}

/// Runs work that takes a while but cannot be interrupted (compiling a matcher: seconds for
/// 200k aliases) with the GIL released, so that other Python threads go on meanwhile.
pub fn run_released<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T> + Send) -> PyResult<T> {
    let outcome = py.detach(move || catch_unwind(AssertUnwindSafe(work)));
    settle(py, outcome)
}

/// Runs code that builds Python objects (GIL held), turning a panic into the pending Python
/// error or a `GazettaError`: pyo3 panics ("PyObject pointer is null") when CPython returns
/// NULL, e.g. when a string or list cannot be allocated; without this door the user would get
/// a `PanicException`, which `except Exception` does not catch.
pub fn run_py<T>(py: Python<'_>, work: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(r) => r,
        Err(panic) => Err(errors::internal(py, panic_message(&*panic))),
    }
}

fn settle<T>(py: Python<'_>, outcome: std::thread::Result<Result<T>>) -> PyResult<T> {
    match outcome {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(errors::to_py(py, e)),
        Err(panic) => Err(errors::internal(py, panic_message(&*panic))),
    }
}

/// The message of a caught panic payload.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[allow(dead_code)]
fn _assert_error_is_send(e: Error) -> impl Send {
    e
}
