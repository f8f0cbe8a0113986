//! Parallel work over batches of documents: thread pools, cancellation and progress.
//!
//! Results are collected in document order, so they never depend on the thread count.

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::error::{Error, Result};

/// Shared state between a long call and whoever watches it (the Python binding polls it for
/// Ctrl-C and progress while the GIL is released).
#[derive(Debug, Default)]
pub struct Control {
    /// Set to stop the work early; the call then returns [`Error::Cancelled`].
    pub cancel: AtomicBool,
    /// Documents finished so far.
    pub done: AtomicUsize,
    /// The CPUs the call's workers run on ([`Spread::settle`]).
    pub spread: Spread,
}

/// Keeps the workers of one call on different CPUs.
///
/// Measured on a 2-CPU Linux virtual machine (`perf sched timehist`, Reuters through
/// `Matcher.mentions` with two threads right after the caller built its list of texts): the
/// kernel often woke both workers on the same CPU and left them there, taking turns in 4 ms
/// slices, for 10 ms of a 15 ms call while the other CPU idled, so that two threads were no
/// faster than one. A worker calls [`Spread::settle`] when it starts its share of a call: if
/// another worker of the call already runs on its CPU and a CPU of its allowed set is free of
/// the call's workers, it moves there (its affinity is narrowed to the free CPUs and at once
/// restored, so nothing stays pinned and other processes keep the whole machine). It does so
/// each time it finds itself on such a CPU: the kernel sometimes moves it back, and allowing a
/// single move per call measured slower (two-thread `Matcher.mentions` on Reuters, medians
/// 9.9–12.3 ms against 9.1–9.9 ms); a move costs three system calls, and a worker settles once
/// per piece of work it takes (tens per call). Elsewhere than Linux, on CPUs numbered 64 and up, or when the system refuses, it
/// does nothing. Results never depend on it.
#[derive(Debug)]
pub struct Spread {
    /// Per CPU (the first 64), the worker of this call that runs there: a token unique to
    /// the thread, 0 for none.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    owners: [std::sync::atomic::AtomicU64; 64],
}

impl Default for Spread {
    fn default() -> Spread {
        Spread { owners: std::array::from_fn(|_| std::sync::atomic::AtomicU64::new(0)) }
    }
}

impl Spread {
    /// Called by a worker thread as it starts (or resumes) its share of the call; cheap when
    /// the worker already holds its CPU (one `sched_getcpu`, one atomic load). A worker holds
    /// one CPU at a time.
    ///
    /// # Examples
    /// ```
    /// let ctl = gazetta::core::batch::Control::new();
    /// ctl.spread.settle(); // the calling thread claims its CPU
    /// ctl.spread.settle(); // already its own: nothing to do
    /// ```
    pub fn settle(&self) {
        #[cfg(target_os = "linux")]
        self.settle_linux();
    }

    #[cfg(target_os = "linux")]
    fn settle_linux(&self) {
        use std::sync::atomic::Ordering::{AcqRel, Acquire, Relaxed, Release};
        thread_local! {
            static TOKEN: u64 = {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, Relaxed)
            };
        }
        let me = TOKEN.with(|t| *t);
        // SAFETY: `sched_getcpu` takes no arguments and only returns a number (-1 on error).
        let cpu = unsafe { libc::sched_getcpu() };
        let Some(slot) = usize::try_from(cpu).ok().and_then(|c| self.owners.get(c)) else { return };
        if slot.load(Acquire) == me {
            return;
        }
        // A thread the kernel moved since it last settled holds one CPU only (only the thread
        // itself writes its token, so a plain load and store suffice).
        for other in &self.owners {
            if other.load(Relaxed) == me {
                other.store(0, Release);
            }
        }
        if slot.compare_exchange(0, me, AcqRel, Acquire).is_ok() {
            return;
        }
        // Another worker of this call runs on this CPU: move to an allowed CPU none holds.
        // SAFETY: `cpu_set_t` is plain data (all-zero is the empty set); `sched_getaffinity`
        // and `sched_setaffinity` read or write at most `size_of::<cpu_set_t>()` bytes of the
        // set passed by pointer, and pid 0 means the calling thread; `CPU_ISSET`/`CPU_SET` are
        // given CPU numbers below 64, within `CPU_SETSIZE` (1024).
        unsafe {
            let size = std::mem::size_of::<libc::cpu_set_t>();
            let mut allowed: libc::cpu_set_t = std::mem::zeroed();
            if libc::sched_getaffinity(0, size, &mut allowed) != 0 {
                return;
            }
            let mut free: libc::cpu_set_t = std::mem::zeroed();
            let mut any = false;
            for (c, owner) in self.owners.iter().enumerate() {
                if libc::CPU_ISSET(c, &allowed) && owner.load(Acquire) == 0 {
                    libc::CPU_SET(c, &mut free);
                    any = true;
                }
            }
            if !any || libc::sched_setaffinity(0, size, &free) != 0 {
                return;
            }
            // Now on a free CPU: back to the set it had. `sched_getaffinity` reports the
            // thread's set as it is now (its mask less any CPU offline at this moment), so a
            // thread that may run on every CPU the system has gets every CPU back, not that
            // snapshot (the kernel itself keeps it within its cpuset); should that fail, the
            // snapshot, and should that fail too, every CPU, so that it is never left pinned.
            let mut every: libc::cpu_set_t = std::mem::zeroed();
            for c in 0..libc::CPU_SETSIZE as usize {
                libc::CPU_SET(c, &mut every);
            }
            let configured = libc::sysconf(libc::_SC_NPROCESSORS_CONF);
            let unrestricted = configured > 0 && libc::CPU_COUNT(&allowed) as libc::c_long >= configured;
            let first = if unrestricted { &every } else { &allowed };
            if libc::sched_setaffinity(0, size, first) != 0 && libc::sched_setaffinity(0, size, &allowed) != 0 {
                let _ = libc::sched_setaffinity(0, size, &every);
            }
        }
        // SAFETY: as above.
        let now = unsafe { libc::sched_getcpu() };
        if let Some(slot) = usize::try_from(now).ok().and_then(|c| self.owners.get(c)) {
            let _ = slot.compare_exchange(0, me, AcqRel, Acquire);
        }
    }
}

impl Control {
    /// A fresh control block.
    pub fn new() -> Arc<Control> {
        Arc::new(Control::default())
    }
}

type Cache = Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>>;

/// The cache of pools (least recently used first), behind a pointer so that a forked child
/// can replace it: the mutex may have been held by a parent thread at fork time, and the
/// child would wait on it for ever.
static POOLS: AtomicPtr<Cache> = AtomicPtr::new(std::ptr::null_mut());

fn pools() -> &'static Cache {
    let p = POOLS.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: a published cache is leaked, never freed.
        return unsafe { &*p };
    }
    let fresh = Box::into_raw(Box::new(Mutex::new(Vec::new())));
    match POOLS.compare_exchange(std::ptr::null_mut(), fresh, Ordering::AcqRel, Ordering::Acquire) {
        // SAFETY: just published, leaked from here on.
        Ok(_) => unsafe { &*fresh },
        Err(other) => {
            // SAFETY: `fresh` was never shared; `other` is published and leaked.
            drop(unsafe { Box::from_raw(fresh) });
            unsafe { &*other }
        }
    }
}

/// [`default_threads`] once asked (0: not yet). Reset in a forked child.
static DEFAULT_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Number of threads used when none is asked for: the machine's available parallelism, asked
/// once per process (it reads the affinity mask and cgroup quota files: tens of microseconds,
/// which every call with the default thread count paid before the parallel work).
pub fn default_threads() -> usize {
    let n = DEFAULT_THREADS.load(Ordering::Relaxed);
    if n != 0 {
        return n;
    }
    let n = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    DEFAULT_THREADS.store(n, Ordering::Relaxed);
    n
}

/// The documented floor of the thread limit: a call may ask for up to
/// `max(MAX_THREADS, default_threads())` threads ([`max_threads`]).
pub const MAX_THREADS: usize = 256;

/// The largest thread count a call may ask for: [`MAX_THREADS`] (256), or the machine's
/// available parallelism if that is larger. More threads than cores never speed up this
/// CPU-bound work, and a typo (`n_threads=10**6`) must not start a million threads.
pub fn max_threads() -> usize {
    MAX_THREADS.max(default_threads())
}

/// Threads that cached pools may keep alive between calls: twice the available parallelism,
/// and at least 32. When a new pool would exceed it, the least recently used pools are
/// released (their threads end once their running calls are done); a pool larger than the
/// budget serves its call and is released after it.
pub fn cached_threads_budget() -> usize {
    (2 * default_threads()).max(32)
}

/// Threads held by the pools cached right now (for tests and diagnostics).
pub fn cached_threads() -> usize {
    pools().lock().unwrap_or_else(|e| e.into_inner()).iter().map(|(k, _)| *k).sum()
}

/// A rayon pool with `n` threads (`None`: [`default_threads`]), shared by every call asking
/// for the same count and cached within [`cached_threads_budget`].
///
/// # Errors
/// [`Error::InvalidInput`] if `n` is above [`max_threads`] or the threads cannot be started.
///
/// # Examples
/// ```
/// use gazetta::core::batch::{max_threads, pool};
/// assert_eq!(pool(Some(2)).unwrap().current_num_threads(), 2);
/// assert!(pool(Some(max_threads() + 1)).is_err());
/// ```
pub fn pool(n: Option<usize>) -> Result<Arc<rayon::ThreadPool>> {
    let n = n.unwrap_or_else(default_threads).max(1);
    // Up to MAX_THREADS is always allowed: the machine's parallelism (a few system calls, tens
    // of microseconds) is asked only above it.
    if n > MAX_THREADS {
        let max = max_threads();
        if n > max {
            return Err(Error::InvalidInput(format!(
                "n_threads must be at most {max} (the larger of {MAX_THREADS} and the number of CPUs); got {n}"
            )));
        }
    }
    {
        let mut cache = pools().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = cache.iter().position(|(k, _)| *k == n) {
            let entry = cache.remove(i);
            let p = entry.1.clone();
            cache.push(entry); // most recently used last
            return Ok(p);
        }
    }
    // Started without holding the lock (starting threads takes a while, and a fork meanwhile
    // must not find it held).
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("gazetta-{i}"))
        .build()
        .map_err(|e| Error::InvalidInput(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    let budget = cached_threads_budget();
    let mut cache = pools().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(i) = cache.iter().position(|(k, _)| *k == n) {
        // Another call started the same pool meanwhile: share it, drop ours.
        let entry = cache.remove(i);
        let shared = entry.1.clone();
        cache.push(entry);
        return Ok(shared);
    }
    if n <= budget {
        let mut total: usize = cache.iter().map(|(k, _)| *k).sum::<usize>() + n;
        while total > budget && !cache.is_empty() {
            // Dropping our reference ends the pool's threads once no call uses it any more.
            let (k, _old) = cache.remove(0);
            total -= k;
        }
        cache.push((n, p.clone()));
    }
    Ok(p)
}

/// Forgets every pool (and the default thread count) without joining its threads or
/// touching the cache's lock. Called in a forked child, where the parent's worker threads do not exist (joining them would hang)
/// and the lock may be held by a thread that does not exist either: the old cache is leaked
/// and a fresh one takes its place.
pub fn forget_pools_after_fork() {
    // The child may run under another CPU affinity or quota: ask again.
    DEFAULT_THREADS.store(0, Ordering::Relaxed);
    let fresh = Box::into_raw(Box::new(Mutex::new(Vec::new())));
    // The old cache (and the pools in it) is leaked on purpose.
    let _old = POOLS.swap(fresh, Ordering::AcqRel);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The affinity set of the calling thread, as a list of CPUs.
    #[cfg(target_os = "linux")]
    fn affinity() -> Vec<usize> {
        // SAFETY: as in `Spread::settle_linux`.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            assert_eq!(libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set), 0);
            (0..libc::CPU_SETSIZE as usize).filter(|&c| libc::CPU_ISSET(c, &set)).collect()
        }
    }

    /// Workers that settle, several times each, on one call's `Spread`: nothing is left pinned
    /// (each thread's affinity is what it was) and a thread never holds two CPUs (where the
    /// kernel puts them is its own business, so the test does not ask for two CPUs).
    #[test]
    fn spread_moves_workers_apart_and_pins_nothing() {
        let spread = Spread::default();
        let workers = 2;
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| {
                    #[cfg(target_os = "linux")]
                    let before = affinity();
                    for _ in 0..3 {
                        spread.settle();
                    }
                    #[cfg(target_os = "linux")]
                    assert_eq!(affinity(), before);
                });
            }
        });
        let held: Vec<u64> = spread.owners.iter().map(|o| o.load(Ordering::Relaxed)).filter(|&t| t != 0).collect();
        let mut distinct = held.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), held.len(), "a worker holds two CPUs: {held:?}");
        assert!(held.len() <= workers);
    }

    #[test]
    fn thread_counts_are_bounded_and_pools_shared() {
        assert!(pool(Some(max_threads() + 1)).unwrap_err().to_string().contains("at most"));
        assert!(pool(Some(usize::MAX)).is_err());
        let a = pool(Some(3)).unwrap();
        let b = pool(Some(3)).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        for n in 1..=40 {
            assert_eq!(pool(Some(n)).unwrap().current_num_threads(), n);
            assert!(cached_threads() <= cached_threads_budget());
        }
        // Larger than the budget: served, not cached.
        let big = cached_threads_budget() + 1;
        if big <= max_threads() {
            let before = cached_threads();
            assert_eq!(pool(Some(big)).unwrap().current_num_threads(), big);
            assert!(cached_threads() <= before.max(cached_threads_budget()));
        }
    }
}
