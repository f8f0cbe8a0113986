"""Fork safety: a fork waits for the imports other threads are running.

Python imports lazily on first use (gazetta imports tqdm, scipy.special, pyarrow, parts of
itself only when a call needs them). If the process forks while another thread is inside
such an import, the child inherits that module's import lock held by a thread that does not
exist in the child, and the child's first call needing the module waits forever (issue 20: 1
fork in 3 hung when threads made their first ``cooccurrence`` call meanwhile).

Importing every lazy dependency eagerly would cost about a second at ``import gazetta``
(tqdm, scipy.special alone: 0.3 s). Instead a hook registered with
:func:`os.register_at_fork` runs just before every fork and waits until no other thread
holds an import lock, then lets the fork proceed: the child starts with every import
either complete or not begun. The compiled core's own one-time set-up of array arguments
is done at import for the same reason; in the child, the locks of gazetta's cached
properties (Python < 3.12) and tqdm's thread lock (progress bars are
created by every call) is replaced by a fresh one for the same reason. The wait is bounded (:data:`WAIT_SECONDS`; an import that
takes longer, or waits on the forking thread itself, is not waited for) so a fork never
hangs because of it; an import begun in the instant between the wait and the fork is
released in the child and done again there. Forking from a program with threads is still unsafe in general (POSIX
only promises async-signal-safe calls in the child): prefer the ``spawn`` or ``forkserver``
start methods of :mod:`multiprocessing`.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any, List

#: Longest wait, in seconds, for other threads' imports before a fork.
WAIT_SECONDS = 10.0


def _busy_import_locks() -> List[Any]:
    """Import locks held right now by other threads, leaving out those whose owner waits
    (directly or through a chain) on a lock this thread holds: they cannot finish before
    this thread goes on."""
    try:
        from importlib import _bootstrap as b

        refs = b._module_locks.copy()
        blocking = b._blocking_on.copy()
    except Exception:  # pragma: no cover - CPython internals moved: nothing to wait for
        return []
    me = threading.get_ident()
    busy = []
    for ref in refs.values():
        lock = ref()
        owner = getattr(lock, "owner", None)
        if lock is None or owner is None or owner == me or not getattr(lock, "count", 0):
            continue
        tid, seen = owner, set()
        while tid is not None and tid not in seen and tid != me:
            seen.add(tid)
            waiting = blocking.get(tid)
            tid = getattr(waiting, "owner", None) if waiting is not None else None
        if tid != me:
            busy.append(lock)
    return busy


def wait_for_imports(timeout: float = WAIT_SECONDS) -> bool:
    """Waits until no other thread is importing a module (at most ``timeout`` seconds).

    Returns
    -------
    bool
        True if no import was running at the end, False if the wait timed out.

    Examples
    --------
    >>> from gazetta._fork import wait_for_imports
    >>> wait_for_imports()
    True
    """
    deadline = time.monotonic() + timeout
    delay = 0.0005
    while _busy_import_locks():
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.02)
    return True


def _before_fork() -> None:
    try:
        wait_for_imports()
    except Exception:  # pragma: no cover - never keep a fork from happening
        pass


def _repair_import_locks() -> None:
    """In the child: import locks still held by threads that did not survive the fork (an
    import begun between the wait and the fork itself) are released, and the module they
    were initialising is dropped so that the child imports it afresh."""
    try:
        import _thread
        from importlib import _bootstrap as b

        me = _thread.get_ident()
        for name, ref in list(b._module_locks.items()):
            lock = ref()
            if lock is None or getattr(lock, "owner", None) in (None, me) or not hasattr(lock, "wakeup") \
                    or not isinstance(getattr(lock, "waiters", None), int):
                continue  # (the lock's layout of CPython 3.8-3.11 only; 3.12 changed it)
            lock.lock = _thread.allocate_lock()
            lock.wakeup = _thread.allocate_lock()
            lock.owner, lock.count, lock.waiters = None, 0, 0
            mod = sys.modules.get(name)
            if mod is not None and getattr(getattr(mod, "__spec__", None), "_initializing", False):
                del sys.modules[name]
        for tid in [t for t in b._blocking_on if t != me]:
            b._blocking_on.pop(tid, None)
    except Exception:  # pragma: no cover - another CPython's import machinery
        pass


def _reset_cached_property_locks() -> None:
    """Python < 3.12: ``functools.cached_property`` computes under a lock of its own (one per
    property, shared by all instances); a parent thread computing one at fork time (a
    matcher's tables on its first call) left it held in the child. gazetta's get fresh ones."""
    import functools

    for name, mod in list(sys.modules.items()):
        if mod is None or not (name == "gazetta" or name.startswith("gazetta.")):
            continue
        for obj in list(vars(mod).values()):
            if not isinstance(obj, type) or obj.__module__ != name:
                continue
            for attr in vars(obj).values():
                if isinstance(attr, functools.cached_property) and hasattr(attr, "lock"):
                    attr.lock = threading.RLock()


def _after_fork_in_child() -> None:
    _repair_import_locks()
    for reset in (_reset_cached_property_locks, _reset_tqdm):
        try:
            reset()
        except Exception:  # pragma: no cover - never fail a fork
            pass


def _reset_tqdm() -> None:
    """tqdm (the progress bars) keeps a process-wide thread lock; a bar created or closed in
    another thread at fork time leaves it held in the child for ever. The child gets a fresh
    thread lock and none shared with the parent."""
    std = sys.modules.get("tqdm.std")
    if std is None:
        return
    try:
        lock_cls = std.TqdmDefaultWriteLock
        lock_cls.th_lock = std.TRLock()
        # Its multiprocessing lock is a semaphore shared with the parent: a child stuck or
        # killed while holding it would block the parent's bars. The child's bars only
        # coordinate among themselves.
        lock_cls.mp_lock = None
        # get_lock() stores the lock on the class it is called on: tqdm.auto's subclass has
        # its own.
        todo, seen = [std.tqdm], set()
        while todo:
            cls = todo.pop()
            if cls in seen:
                continue
            seen.add(cls)
            todo.extend(cls.__subclasses__())
            if "_lock" in vars(cls):
                cls._lock = lock_cls()
    except Exception:  # pragma: no cover - another tqdm: leave it alone
        pass


def _warm_up_core() -> None:
    """Runs, once at import, the lazy one-time set-up of the compiled core's array
    arguments (numpy's C API table and its borrow-checking capsule). Set up by a worker
    thread's first call instead, a fork meanwhile left the child waiting for it for ever.
    Costs well under a millisecond; starts no thread (the thread count asked for is over
    the limit, so the call stops right after reading its arguments)."""
    import numpy as np

    from . import _core

    try:
        m = _core.Matcher([], [], [], [], [], [], [], [], "smart", False, "longest", "resolve")
        m.id_ranks()
        c = _core.Counter(m, "document", "line", None, "units")
        c.add([], np.zeros(0, dtype=np.uint32), 0, 1 << 40, None)
    except Exception:  # the expected "n_threads must be at most ..." (or a changed core)
        pass


_warm_up_core()

if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)
