"""Resource limits (issue 8): build time and peak memory of very large gazetteers, and the
linearity of matching in the size of the text. Results are in ``docs/limits.md``.

Every measurement runs in a **fresh subprocess**, so that its peak RSS
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) belongs to that measurement alone.

1. ``build``: GeoNames city names and alternate names (``shared/gazetteers/geonames_cities.csv``)
   repeated with numeric suffixes ("Lavasan", "Lavasan 2", ...) until the gazetteer holds
   ``--aliases`` aliases (default: 100k, 250k, 500k, 1M); for each size the wall time of
   ``Gazetteer.from_records`` and of ``Matcher(...)``, ``Matcher.memory_bytes`` (the compiled
   automata and tables) and the process's peak RSS; then the time to match 10 MB of Reuters.
2. ``linear``: the Reuters-21578 texts repeated 1×, 4× and 16× (``--factors``), matched with
   the built-in country gazetteer (``Matcher.mentions``) and counted
   (``cooccurrence(unit="sentence")``), each factor in its own process: wall time, MB/s and
   peak RSS; also the same text as a single document.
3. ``nested`` (issue 20): a hostile gazetteer of nested aliases "北", "北北", … "北"×k (one
   entity each) over the text "北"×n (an unspaced script: every character starts a word), with
   ``overlaps="longest"`` and ``"all"``: wall time of ``Matcher.mentions``, mentions and peak
   RSS, each case in its own process. Time must grow linearly with n.
4. ``giant`` (issue 20): one alias of the longest length allowed (256 characters), over text
   that matches all of it but its last word at every word start ("a a … a b" over
   "a a a …", and "北北…北南" over "北北北…", where every character starts a word): every walk
   reads the whole alias. Wall time of ``Matcher.find`` for 1, 4 and 10 MB, each in its own
   process; before the length bound, a 1 MB alias over 600 kB of such text took 91 s.

Usage::

    python benchmarks/limits.py                       # both (about 6 min on 2 cores)
    python benchmarks/limits.py build --aliases 1000000
    python benchmarks/limits.py linear --factors 1 4 16
    python benchmarks/limits.py nested                # about 30 s
    python benchmarks/limits.py giant                 # about 1 min
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from typing import Any, Dict, List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import SHARED, load_corpus, machine_info, markdown_table  # noqa: E402

GEONAMES = os.path.join(SHARED, "gazetteers", "geonames_cities.csv")
REUTERS = os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz")


def _maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def geonames_records(n_aliases: int) -> List[Dict[str, Any]]:
    """Entities from the GeoNames table, repeated with suffixes until ``n_aliases`` aliases
    (names included) are reached; ids are made unique per repetition."""
    with open(GEONAMES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out: List[Dict[str, Any]] = []
    total = 0
    rep = 0
    while total < n_aliases:
        suffix = "" if rep == 0 else f" {rep + 1}"
        for r in rows:
            # a literal "*" in GeoNames ("San Ignacio de Agana *") would be read as a glob
            aliases = [a.replace("*", "\\*") for a in (r.get("aliases") or "").split("|") if a.strip()]
            names = [r["name"].replace("*", "\\*")] + aliases
            room = n_aliases - total
            names = names[:room]
            if not names:
                break
            out.append({"id": f"{r['id']}-{rep}", "name": names[0] + suffix, "kind": r.get("kind") or "city",
                        "aliases": [a + suffix for a in names[1:]]})
            total += len(names)
            if total >= n_aliases:
                break
        rep += 1
    return out


def child_build(n_aliases: int) -> Dict[str, Any]:
    import gazetta

    recs = geonames_records(n_aliases)
    rss_input = _maxrss_mb()
    t0 = time.perf_counter()
    g = gazetta.Gazetteer.from_records(recs)
    t1 = time.perf_counter()
    del recs
    m = gazetta.Matcher(g)
    t2 = time.perf_counter()
    texts = load_corpus(REUTERS)
    sample: List[str] = []
    size = 0
    for t in texts:
        sample.append(t)
        size += len(t.encode("utf-8"))
        if size >= 10_000_000:
            break
    del texts
    t3 = time.perf_counter()
    df = m.mentions(sample, progress=False)
    t4 = time.perf_counter()
    return {"aliases": g.n_aliases, "entities": len(g), "patterns": m._core.pattern_count,
            "gazetteer_s": t1 - t0, "matcher_s": t2 - t1, "memory_bytes_mb": m.memory_bytes / 1e6,
            "rss_before_mb": rss_input, "peak_rss_mb": _maxrss_mb(), "match_10mb_s": t4 - t3,
            "match_mb_s": size / 1e6 / (t4 - t3), "mentions": len(df)}


def child_linear(factor: int, single: bool) -> Dict[str, Any]:
    import gazetta

    base = load_corpus(REUTERS)
    texts = [t for _ in range(factor) for t in base]
    # fresh str objects: no UTF-8 buffer cached by an earlier run
    texts = [t.encode("utf-8").decode("utf-8") for t in texts]
    if single:
        texts = ["\n\n".join(texts)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    m = gazetta.Matcher(gazetta.gazetteers.countries())
    rss0 = _maxrss_mb()
    t0 = time.perf_counter()
    df = m.mentions(texts, progress=False)
    t1 = time.perf_counter()
    n_mentions = len(df)
    del df
    c = gazetta.cooccurrence(texts, m, unit="sentence", progress=False)
    t2 = time.perf_counter()
    return {"factor": factor, "single_document": single, "docs": len(texts), "mb": mb, "mentions": n_mentions,
            "pairs_n_ab": int(c.pairs["n_ab"].sum()), "mentions_s": t1 - t0, "cooccurrence_s": t2 - t1,
            "mentions_mb_s": mb / (t1 - t0), "cooccurrence_mb_s": mb / (t2 - t1), "rss_before_mb": rss0,
            "peak_rss_mb": _maxrss_mb()}


def child_nested(k: int, n: int, overlaps: str) -> Dict[str, Any]:
    import gazetta

    g = gazetta.Gazetteer()
    for i in range(1, k + 1):
        g.add(f"N{i}", "北" * i)
    m = gazetta.Matcher(g, overlaps=overlaps)
    text = "北" * n
    rss0 = _maxrss_mb()
    t0 = time.perf_counter()
    df = m.mentions([text], progress=False)
    t1 = time.perf_counter()
    return {"aliases": k, "chars": n, "overlaps": overlaps, "mentions": len(df), "mentions_s": t1 - t0,
            "kchars_s": n / 1e3 / (t1 - t0), "rss_before_mb": rss0, "peak_rss_mb": _maxrss_mb()}


def child_giant(mb: int, script: str) -> Dict[str, Any]:
    import gazetta

    if script == "latin":
        alias, unit = "a " * 127 + "b", "a "
    else:
        alias, unit = "北" * 255 + "南", "北"
    m = gazetta.Matcher(gazetta.Gazetteer().add("X", alias))
    text = unit * (mb * 1_000_000 // len(unit.encode("utf-8")))
    nbytes = len(text.encode("utf-8"))
    rss0 = _maxrss_mb()
    t0 = time.perf_counter()
    found = m.find(text)
    t1 = time.perf_counter()
    return {"script": script, "alias_chars": len(alias), "mb": nbytes / 1e6, "mentions": len(found),
            "find_s": t1 - t0, "mb_s": nbytes / 1e6 / (t1 - t0), "rss_before_mb": rss0, "peak_rss_mb": _maxrss_mb()}


#: (megabytes, script) of the ``giant`` rows.
GIANT = [(1, "latin"), (4, "latin"), (10, "latin"), (1, "cjk"), (4, "cjk"), (10, "cjk")]

#: (aliases, characters, overlaps) of the ``nested`` rows.
NESTED = [(256, 10_000, "longest"), (256, 40_000, "longest"), (256, 160_000, "longest"),
          (100, 40_000, "longest"), (100, 10_000, "all"), (100, 40_000, "all")]


def run_child(args: List[str]) -> Dict[str, Any]:
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "_child", *args], capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    b = sub.add_parser("build")
    b.add_argument("--aliases", type=int, nargs="+", default=[100_000, 250_000, 500_000, 1_000_000])
    lin = sub.add_parser("linear")
    lin.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    ch = sub.add_parser("_child")
    ch.add_argument("what")
    ch.add_argument("n", type=int)
    ch.add_argument("--single", action="store_true")
    ch.add_argument("--chars", type=int, default=0)
    ch.add_argument("--overlaps", default="longest")
    ch.add_argument("--script", default="latin")
    sub.add_parser("nested")
    sub.add_parser("giant")
    a = ap.parse_args()
    if a.cmd == "_child":
        if a.what == "nested":
            res = child_nested(a.n, a.chars, a.overlaps)
        elif a.what == "giant":
            res = child_giant(a.n, a.script)
        else:
            res = child_build(a.n) if a.what == "build" else child_linear(a.n, a.single)
        print(json.dumps(res))
        return
    print(json.dumps(machine_info()))
    if a.cmd in (None, "build"):
        rows = []
        for n in getattr(a, "aliases", None) or [100_000, 250_000, 500_000, 1_000_000]:
            r = run_child(["build", str(n)])
            print(json.dumps(r), flush=True)
            rows.append({k: (f"{v:.2f}" if isinstance(v, float) else v) for k, v in r.items()})
        print(markdown_table(rows, [("aliases", "aliases"), ("entities", "entities"), ("patterns", "patterns"),
                                    ("gazetteer_s", "Gazetteer (s)"), ("matcher_s", "Matcher (s)"),
                                    ("memory_bytes_mb", "memory_bytes (MB)"),
                                    ("rss_before_mb", "RSS before (MB)"), ("peak_rss_mb", "peak RSS (MB)"),
                                    ("match_mb_s", "match MB/s")]))
    if a.cmd in (None, "linear"):
        rows = []
        for k in getattr(a, "factors", None) or [1, 4, 16]:
            for single in (False, True):
                r = run_child(["linear", str(k)] + (["--single"] if single else []))
                print(json.dumps(r), flush=True)
                rows.append({k2: (f"{v:.2f}" if isinstance(v, float) else v) for k2, v in r.items()})
        print(markdown_table(rows, [("factor", "×"), ("single_document", "one doc"), ("docs", "docs"),
                                    ("mb", "MB"), ("mentions", "mentions"), ("mentions_s", "mentions (s)"),
                                    ("mentions_mb_s", "MB/s"), ("cooccurrence_s", "cooccurrence (s)"),
                                    ("cooccurrence_mb_s", "MB/s "), ("peak_rss_mb", "peak RSS (MB)")]))
    if a.cmd in (None, "nested"):
        rows = []
        for k, n, overlaps in NESTED:
            r = run_child(["nested", str(k), "--chars", str(n), "--overlaps", overlaps])
            print(json.dumps(r), flush=True)
            rows.append({k2: (f"{v:.2f}" if isinstance(v, float) else v) for k2, v in r.items()})
        print(markdown_table(rows, [("aliases", "nested aliases"), ("chars", "characters"), ("overlaps", "overlaps"),
                                    ("mentions", "mentions"), ("mentions_s", "mentions (s)"),
                                    ("kchars_s", "k chars/s"), ("rss_before_mb", "RSS before (MB)"),
                                    ("peak_rss_mb", "peak RSS (MB)")]))
    if a.cmd in (None, "giant"):
        rows = []
        for mb, script in GIANT:
            r = run_child(["giant", str(mb), "--script", script])
            print(json.dumps(r), flush=True)
            rows.append({k2: (f"{v:.2f}" if isinstance(v, float) else v) for k2, v in r.items()})
        print(markdown_table(rows, [("script", "text"), ("alias_chars", "alias characters"), ("mb", "MB"),
                                    ("mentions", "mentions"), ("find_s", "find (s)"), ("mb_s", "MB/s"),
                                    ("peak_rss_mb", "peak RSS (MB)")]))


if __name__ == "__main__":
    main()
