//! Parallel work over batches of documents: thread pools, cancellation and progress.
//!
//! Results are collected in document order, so they never depend on the thread count.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::sync::{Arc, Mutex, OnceLock};

use super::error::{Error, Result};

/// Shared state between a long call and whoever watches it (the Python binding polls it for
/// Ctrl-C and progress while the GIL is released).
#[derive(Debug, Default)]
pub struct Control {
    /// Set to stop the work early; the call then returns [`Error::Cancelled`].
    pub cancel: AtomicBool,
    /// Documents finished so far.
    pub done: AtomicUsize,
}

impl Control {
    /// A fresh control block.
    pub fn new() -> Arc<Control> {
        Arc::new(Control::default())
    }
}

fn pools() -> &'static Mutex<HashMap<usize, Arc<rayon::ThreadPool>>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    POOLS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Number of threads used when none is asked for: the machine's available parallelism.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// A rayon pool with `n` threads (`None`: [`default_threads`]), created once and cached.
///
/// # Errors
/// [`Error::InvalidInput`] if the pool cannot be created.
pub fn pool(n: Option<usize>) -> Result<Arc<rayon::ThreadPool>> {
    let n = n.unwrap_or_else(default_threads).max(1);
    let mut map = pools().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = map.get(&n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("gazetta-{i}"))
        .build()
        .map_err(|e| Error::InvalidInput(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    map.insert(n, p.clone());
    Ok(p)
}

/// Forgets every pool without joining its threads. Called in a forked child, where the
/// parent's worker threads do not exist (joining them would hang).
pub fn forget_pools_after_fork() {
    let mut map = pools().lock().unwrap_or_else(|e| e.into_inner());
    for (_, p) in map.drain() {
        std::mem::forget(p);
    }
}
