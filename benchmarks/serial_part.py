"""The serial part of a call (issue 23): ``Matcher.mentions`` and ``cooccurrence(unit="sentence")``
on Reuters × countries (the inputs of ``peers.py threads``: newsmap countries without globs for
matching, the built-in countries for co-occurrence, ``paragraphs="blank"``), 1 and 2 threads.

Timing (one process; the pipelines interleaved run by run, fresh str copies each run)::

    python benchmarks/serial_part.py --runs 9 --save /tmp/a.pkl

prints per pipeline the wall time, the process CPU time (every thread) and the CPU time of the
calling thread (``time.thread_time``: reading the strs, building the frame, waiting), medians.
``--compare A.pkl B.pkl`` checks that two builds gave the same frames (``assert_frame_equal``).

Instructions (do not depend on the machine's load; valgrind runs the threads one at a time, so
this counts work, not parallel speed)::

    valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file=/tmp/cg/cg.out \\
        python benchmarks/serial_part.py --callgrind 2
    python benchmarks/serial_part.py --summarize /tmp/cg/cg.out

``--callgrind K`` runs each pipeline once to warm up, then K times, and asks callgrind for a dump
(``callgrind_control --dump``) after each pipeline; ``--summarize`` prints the instructions per
call of the calling thread (thread 1) and of the other threads.
"""

from __future__ import annotations

import argparse
import glob
import os
import pickle
import re
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import SHARED, fresh_copies, load_corpus  # noqa: E402

REUTERS = os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz")


def pipelines() -> Dict[str, Callable[[List[str]], Any]]:
    import cooccur as _co
    import match as _match

    import gazetta

    g = _match.without_globs(_match.read_gazetteer("countries"))
    gc_ = _co.read_gazetteer("countries")
    ms = {n: gazetta.Matcher(g, n_threads=n) for n in (1, 2)}
    cs = {n: gazetta.Matcher(gc_, n_threads=n) for n in (1, 2)}
    out: Dict[str, Callable[[List[str]], Any]] = {}
    for n in (1, 2):
        out[f"mentions, {n} thread{'s' if n > 1 else ''}"] = (lambda n: lambda t: ms[n].mentions(t, progress=False))(n)
        out[f"sentence co-occurrence, {n} thread{'s' if n > 1 else ''}"] = (lambda n: lambda t: gazetta.cooccurrence(
            t, cs[n], unit="sentence", paragraphs="blank", n_threads=n, progress=False).pairs)(n)
    return out


def load() -> str:
    with open("/proc/loadavg") as fh:
        return " ".join(fh.read().split()[:3])


def timing(runs: int, save: str | None) -> None:
    import gazetta

    texts = load_corpus(REUTERS)
    pipes = pipelines()
    res = {k: f(fresh_copies(texts)) for k, f in pipes.items()}  # warm-up, and the results
    times: Dict[str, Dict[str, List[float]]] = {k: {"wall": [], "cpu": [], "calling": []} for k in pipes}
    load0 = load()
    for _ in range(runs):
        for k, f in pipes.items():
            t = fresh_copies(texts)
            m0, c0, w0 = time.thread_time(), time.process_time(), time.perf_counter()
            f(t)
            w1, c1, m1 = time.perf_counter(), time.process_time(), time.thread_time()
            times[k]["wall"].append(w1 - w0)
            times[k]["cpu"].append(c1 - c0)
            times[k]["calling"].append(m1 - m0)
    print(f"{gazetta.__file__}: {runs} runs, load average {load0} -> {load()}")
    print("| pipeline | wall (median, min) | CPU, all threads | CPU, calling thread |")
    print("|---|---:|---:|---:|")
    for k, t in times.items():
        med = {m: statistics.median(v) * 1e3 for m, v in t.items()}
        print(f"| {k} | {med['wall']:.1f} ms, {min(t['wall']) * 1e3:.1f} ms | {med['cpu']:.1f} ms | {med['calling']:.2f} ms |")
    if save:
        with open(save, "wb") as fh:
            pickle.dump({"results": res, "times": times}, fh)


def compare(a: str, b: str) -> None:
    import pandas as pd

    with open(a, "rb") as fa, open(b, "rb") as fb:
        ra, rb = pickle.load(fa)["results"], pickle.load(fb)["results"]
    for k in ra:
        pd.testing.assert_frame_equal(ra[k], rb[k])
        print(f"{k}: identical ({len(ra[k])} rows)")


def callgrind(k: int) -> None:
    texts = load_corpus(REUTERS)
    pipes = pipelines()
    for f in pipes.values():
        f(fresh_copies(texts))
    copies = {name: [fresh_copies(texts) for _ in range(k)] for name in pipes}

    def dump(tag: str) -> None:
        # The process keeps running Python while callgrind_control asks for the dump.
        p = subprocess.Popen(["callgrind_control", f"--dump={tag}", str(os.getpid())], stdout=subprocess.DEVNULL)
        while p.poll() is None:
            pass

    dump(f"setup, calls per pipeline: {k}")
    for name, f in pipes.items():
        for t in copies[name]:
            f(t)
        dump(name)


def summarize(prefix: str) -> None:
    per: Dict[int, Dict[str, Any]] = {}
    for path in glob.glob(glob.escape(prefix) + ".*-*"):
        m = re.search(r"\.(\d+)-(\d+)$", path)
        if not m:
            continue
        part, thread = int(m.group(1)), int(m.group(2))
        desc, ir = "", 0
        with open(path) as fh:
            for line in fh:
                if line.startswith("desc: Trigger:"):
                    desc = line.split("Trigger:", 1)[1].strip().removeprefix("dump ")
                elif line.startswith("summary:"):
                    ir = int(line.split()[1])
                    break
        d = per.setdefault(part, {"desc": desc, "threads": {}})
        d["threads"][thread] = ir
    setup = per.get(1, {}).get("desc", "")
    k = int(setup.rsplit(":", 1)[1]) if ":" in setup else 1
    print(f"instructions per call ({k} calls per pipeline)")
    print("| pipeline | calling thread | other threads | total |")
    print("|---|---:|---:|---:|")
    for part in sorted(per)[1:]:
        t = per[part]["threads"]
        calling = t.get(1, 0) / k
        other = sum(v for th, v in t.items() if th != 1) / k
        print(f"| {per[part]['desc']} | {calling / 1e6:.2f} M | {other / 1e6:.1f} M | {(calling + other) / 1e6:.1f} M |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--save", metavar="PKL", help="write the results and times here")
    ap.add_argument("--compare", nargs=2, metavar="PKL", help="check that two saved runs gave the same frames")
    ap.add_argument("--callgrind", type=int, metavar="K", help="under callgrind: K calls per pipeline, a dump after each")
    ap.add_argument("--summarize", metavar="PREFIX", help="instructions per call from the dumps PREFIX.<part>-<thread>")
    a = ap.parse_args()
    if a.compare:
        compare(*a.compare)
    elif a.callgrind:
        callgrind(a.callgrind)
    elif a.summarize:
        summarize(a.summarize)
    else:
        timing(a.runs, a.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
