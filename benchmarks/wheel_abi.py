"""Stable-ABI (abi3) wheel against a per-version wheel: matching and sentence co-occurrence.

The two wheels differ in one place: counting reads a str's code units directly in a
per-version build, while the stable ABI cannot see them, so an abi3 build has CPython encode
every fresh non-ASCII str to UTF-8, serially under the GIL (and keep that copy), before the
workers start. Matching hands over UTF-8 in both builds. This script times both tasks with
whichever wheel is installed; run it once per wheel, each in its own virtual environment,
alternating, and compare the medians::

    # build both into a target folder of their own (not the development install)
    export CARGO_TARGET_DIR=/tmp/gazetta-wheels/target
    maturin build --release --zig --compatibility manylinux2014 -i python3.11 --out /tmp/gazetta-wheels/pv
    maturin build --release --zig --compatibility manylinux2014 -i python3.11 --features abi3 \\
        --out /tmp/gazetta-wheels/abi3
    # one venv per wheel (numpy, pandas, pyyaml and the wheel), then, alternating:
    for r in 1 2 3 4; do
      /tmp/venv-pv/bin/python benchmarks/wheel_abi.py --runs 10 --out /tmp/wheel_abi.jsonl
      /tmp/venv-abi3/bin/python benchmarks/wheel_abi.py --runs 10 --out /tmp/wheel_abi.jsonl
    done
    python benchmarks/wheel_abi.py --table /tmp/wheel_abi.jsonl

Corpora: Reuters-21578 and BBC News from the external data folder (skipped when absent) and
the bundled demo corpus repeated 20 times (245 of its 300 texts hold non-ASCII characters).
Every timed run gets fresh str copies (CPython caches the UTF-8 of a str once asked for it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from typing import Dict, List, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import SHARED, fresh_copies, load_corpus  # noqa: E402

TASKS = ("match", "cooc_sentence")


def run(runs: int, out: str) -> None:
    import gazetta

    corpora: Dict[str, List[str]] = {}
    for name, file in (("reuters", "reuters21578.jsonl.gz"), ("bbc", "bbc_news.jsonl.gz")):
        path = os.path.join(SHARED, "corpora", file)
        if os.path.exists(path):
            corpora[name] = load_corpus(path)
    corpora["demo_x20"] = list(gazetta.datasets.demo_news()["text"]) * 20
    m = gazetta.Matcher(gazetta.gazetteers.countries(lang="en"))
    abi = "abi3" if gazetta._core.__file__.endswith(".abi3.so") else "per-version"
    warm = corpora["demo_x20"][:50]
    m.mentions(warm)
    gazetta.cooccurrence(warm, m, unit="sentence", progress=False)
    with open(out, "a", encoding="utf-8") as f:
        for _ in range(runs):
            for name, texts in corpora.items():
                for task in TASKS:
                    x = fresh_copies(texts)
                    t0, c0 = time.perf_counter(), time.process_time()
                    if task == "match":
                        n = len(m.mentions(x))
                    else:
                        n = int(gazetta.cooccurrence(x, m, unit="sentence", progress=False).pairs["n_ab"].sum())
                    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                    f.write(json.dumps({"abi": abi, "python": sys.version.split()[0], "corpus": name,
                                        "task": task, "wall": wall, "cpu": cpu, "n": n}) + "\n")


def table(path: str) -> None:
    rows: Dict[Tuple[str, str, str], List[Tuple[float, float, int]]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.setdefault((r["corpus"], r["task"], r["abi"]), []).append((r["wall"], r["cpu"], r["n"]))
    print("| corpus | task | per-version wall / CPU (ms) | abi3 wall / CPU (ms) | abi3 / per-version wall, CPU | runs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for corpus, task in sorted({k[:2] for k in rows}):
        a, b = rows.get((corpus, task, "per-version")), rows.get((corpus, task, "abi3"))
        if not a or not b:
            continue
        assert {r[2] for r in a} == {r[2] for r in b}, f"{corpus} {task}: the two wheels count differently"
        aw, ac = (statistics.median(r[i] for r in a) * 1e3 for i in (0, 1))
        bw, bc = (statistics.median(r[i] for r in b) * 1e3 for i in (0, 1))
        print(f"| {corpus} | {task} | {aw:.1f} / {ac:.1f} | {bw:.1f} / {bc:.1f} | {bw / aw:.2f}, {bc / ac:.2f} "
              f"| {len(a)}, {len(b)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="timed runs of every corpus x task")
    ap.add_argument("--out", default="wheel_abi.jsonl", help="JSON Lines file the timings are appended to")
    ap.add_argument("--table", metavar="JSONL", help="print the markdown table of a timings file and exit")
    args = ap.parse_args()
    if args.table:
        table(args.table)
    else:
        run(args.runs, args.out)


if __name__ == "__main__":
    main()
