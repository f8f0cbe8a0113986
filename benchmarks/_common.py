"""Shared helpers for the benchmarks in this folder (not part of the package).

Every benchmark here follows the same protocol (STYLE.md, habit 10):

- **fresh inputs**: each timed run gets new ``str`` objects (:func:`fresh_copies`), so no tool
  profits from a UTF-8 buffer or hash that CPython cached on a string during an earlier run;
- **medians** of several runs (:func:`median_time`), all pipelines interleaved in **one process**
  so that ratios compare like with like even when the machine's load drifts;
- **machine info** and package versions printed beside the numbers (:func:`machine_info`).
"""

from __future__ import annotations

import gc
import gzip
import io
import json
import os
import platform
import re
import resource
import statistics
import sys
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

__all__ = [
    "SHARED", "load_corpus", "fresh_copies", "utf8_mb", "median_time", "Timing", "rss_bytes",
    "peak_rss_bytes", "reset_peak_rss", "peak_rss_since_reset", "release_free_memory",
    "machine_info", "versions", "markdown_table", "fmt_mb", "fmt_s",
]

#: The folder of the external data sets (corpora/, gazetteers/): $GAZETTA_DATA (or the older
#: $GAZETTA_SHARED), else the folder named "shared" beside the repository (as tests/external_data.py).
SHARED = os.environ.get("GAZETTA_DATA") or os.environ.get("GAZETTA_SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                          "shared")


def load_corpus(path: str, field: str = "text", limit: Optional[int] = None) -> List[str]:
    """The ``field`` of every record of a JSON Lines file (optionally ``.gz``) as a list of str.

    Missing or null values become ``""`` so that every pipeline sees the same number of
    documents (empty ones included).
    """
    opener = gzip.open if path.endswith(".gz") else open
    out: List[str] = []
    with opener(path, "rb") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            if not line.strip():
                continue
            v = json.loads(line).get(field)
            out.append(v if isinstance(v, str) else "")
            if limit is not None and len(out) >= limit:
                break
    return out


_OPEN_QUOTE = re.compile(r'"(?=\w)')


def typographic(texts: Sequence[str]) -> List[str]:
    """The texts as news is typeset today: typographic apostrophes (’) and double quotes
    (“ ”), and an em dash (—) for a spaced hyphen. Reuters-21578 is plain ASCII, so a str of
    it is read in place; with these characters about half of its stories are UCS-2 strs,
    which every pipeline must transcode (gazetta in its workers, the peers by ``str.encode``)."""
    out = []
    for t in texts:
        t = t.replace("'", "\u2019").replace(" - ", " \u2014 ")
        out.append(_OPEN_QUOTE.sub("\u201c", t).replace('"', "\u201d"))
    return out


def fresh_copies(texts: Sequence[str]) -> List[str]:
    """New str objects with the same content (``t + " "`` sliced back), built outside the timer.

    CPython caches a UTF-8 copy of a non-ASCII str the first time an extension asks for it;
    reusing one list across runs would let the second run skip that conversion.
    """
    return [(t + " ")[:-1] for t in texts]


def boundary_filtered(find: Callable[[str], Iterable[Tuple[int, int, int]]], texts: Sequence[str],
                      left: Sequence[bool], right: Sequence[bool]) -> Tuple[List[int], List[int], List[int], List[int]]:
    """The peers' word-boundary filter (docs/matching.md, Word boundaries, checked after the leftmost-longest choice):
    ``(docs, starts, ends, pattern ids)`` of the matches ``find(text) -> [(pid, start, end)]``
    (code points) whose ends are not glued to a letter, digit or mark. ``left[pid]`` /
    ``right[pid]``: the pattern begins / ends with a word character, so that side needs a check.
    """
    import unicodedata

    cat = unicodedata.category
    docs: List[int] = []
    starts: List[int] = []
    ends: List[int] = []
    pids: List[int] = []
    for d, t in enumerate(texts):
        if not t:
            continue
        n = len(t)
        for p, s, e in find(t):
            if s and left[p]:
                c = t[s - 1]
                if c.isalnum() or (c > "\u02ff" and cat(c)[0] == "M"):
                    continue
            if e < n and right[p]:
                c = t[e]
                if c.isalnum() or (c > "\u02ff" and cat(c)[0] == "M"):
                    continue
            docs.append(d)
            starts.append(s)
            ends.append(e)
            pids.append(p)
    return docs, starts, ends, pids


def utf8_mb(texts: Iterable[str]) -> float:
    """Size of the texts in MB (10^6 bytes) of UTF-8."""
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


class Timing:
    """Wall-clock seconds of every run of one pipeline, the CPU seconds of the process during
    each run (all threads, ``time.process_time``), and the result of the last run."""

    def __init__(self) -> None:
        self.times: List[float] = []
        self.cpu: List[float] = []
        self.result: Any = None

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    def run(self, fn: Callable[[Any], Any], make_input: Callable[[], Any]) -> float:
        """Times ``fn(make_input())``; the input is built and garbage collected before the clock
        starts, and the previous result is dropped first so memory does not pile up."""
        self.result = None
        arg = make_input()
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        res = fn(arg)
        dt = time.perf_counter() - t0
        self.cpu.append(time.process_time() - c0)
        self.times.append(dt)
        self.result = res
        return dt


def median_time(fn: Callable[[], Any], runs: int) -> Tuple[float, Any]:
    """Median seconds of ``runs`` calls of ``fn()`` and the result of the last call."""
    times = []
    res = None
    for _ in range(max(1, runs)):
        res = None
        gc.collect()
        t0 = time.perf_counter()
        res = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), res


def rss_bytes() -> int:
    """Current resident set size of this process (psutil if installed, else /proc)."""
    try:
        import psutil

        return int(psutil.Process().memory_info().rss)
    except ImportError:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """Peak resident set size of this process so far (``getrusage``; KiB on Linux, bytes on macOS)."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(r if sys.platform == "darwin" else r * 1024)


def reset_peak_rss() -> bool:
    """Resets the kernel's peak-RSS mark of this process (Linux ``/proc/self/clear_refs``), so that
    :func:`peak_rss_since_reset` measures one step only. False when not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_since_reset() -> Optional[int]:
    """``VmHWM`` (peak RSS since the process started or :func:`reset_peak_rss`), in bytes."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def release_free_memory() -> None:
    """Collects garbage and asks glibc to hand freed heap pages back to the OS (``malloc_trim``),
    so that an RSS delta counts what is kept, not what the allocator still caches."""
    gc.collect()
    from gazetta import _core

    _core.release_free_memory()  # the package's own malloc_trim (a no-op off glibc)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> Dict[str, Any]:
    """nproc, CPU model, load average, memory, OS and Python of the machine running the benchmark."""
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        nproc = os.cpu_count() or 1
    mem_gb = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "nproc": nproc,
        "cpu": _cpu_model(),
        "mem_gb": mem_gb,
        "loadavg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def versions(dists: Sequence[str]) -> Dict[str, Optional[str]]:
    """Installed version of each distribution (None when missing)."""
    from importlib import metadata

    out: Dict[str, Optional[str]] = {}
    for d in dists:
        try:
            out[d] = metadata.version(d)
        except metadata.PackageNotFoundError:
            out[d] = None
    return out


def markdown_table(rows: List[Dict[str, Any]], columns: Sequence[Tuple[str, str]]) -> str:
    """A GitHub markdown table; ``columns`` is a list of (key, header); missing cells are blank."""
    head = "| " + " | ".join(h for _, h in columns) + " |"
    sep = "|" + "|".join("---:" if i else "---" for i, _ in enumerate(columns)) + "|"
    lines = [head, sep]
    for r in rows:
        lines.append("| " + " | ".join("" if r.get(k) is None else str(r.get(k)) for k, _ in columns) + " |")
    return "\n".join(lines)


def fmt_mb(x: Optional[float]) -> Optional[str]:
    return None if x is None else f"{x:,.1f}"


def fmt_s(x: Optional[float]) -> Optional[str]:
    if x is None:
        return None
    return f"{x * 1000:,.0f} ms" if x < 1 else f"{x:,.2f} s"
