"""Streaming in bounded memory (docs/corpora.md, Streaming and memory) and the zero-copy Arrow path (issue 4).

Two measurements:

1. ``rss``: generates about ``--gb`` GB of text (the shared Reuters-21578 and BBC corpora
   repeated, ids made unique) as JSON Lines and as Parquet in a temporary folder (deleted
   afterwards, never committed), then runs ``cooccurrence(read_corpus(path), countries())`` in
   a fresh process under ``/usr/bin/time -v`` and reports its peak RSS and wall time.
2. ``arrow``: the same texts counted and matched through the ``str`` path (a list of fresh str
   objects) and through the Arrow path (a pyarrow array, read by the core from Arrow buffers),
   medians of ``--runs`` runs interleaved in one process.

Usage::

    python benchmarks/stream.py                 # both (about 4 min on 2 cores)
    python benchmarks/stream.py rss --gb 1.0
    python benchmarks/stream.py arrow --mb 200 --runs 5
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Any, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from _common import SHARED, Timing, fresh_copies, machine_info  # noqa: E402

CORPORA = ["reuters21578.jsonl.gz", "bbc_news.jsonl.gz"]


def _records() -> List[Dict[str, Any]]:
    out = []
    for name in CORPORA:
        p = os.path.join(SHARED, "corpora", name)
        if not os.path.exists(p):
            continue
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    if isinstance(r.get("text"), str) and r["text"]:
                        out.append({"text": r["text"], "source": name.split("_")[0].split(".")[0]})
    if not out:
        sys.exit(f"no shared corpora under {SHARED}/corpora (set GAZETTA_SHARED)")
    return out


def generate(folder: str, gb: float) -> Dict[str, str]:
    """Writes ``corpus.jsonl`` and ``corpus.parquet`` holding about ``gb`` GB of UTF-8 text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = _records()
    target = int(gb * 1e9)
    jp = os.path.join(folder, "corpus.jsonl")
    pp = os.path.join(folder, "corpus.parquet")
    total = 0
    i = 0
    batch: List[Dict[str, Any]] = []
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("source", pa.string())])
    with open(jp, "w", encoding="utf-8") as jf, pq.ParquetWriter(pp, schema) as pw:
        while total < target:
            r = recs[i % len(recs)]
            rec = {"id": f"d{i}", "text": r["text"], "source": r["source"]}
            jf.write(json.dumps(rec, ensure_ascii=False) + "\n")
            batch.append(rec)
            total += len(r["text"].encode("utf-8"))
            i += 1
            if len(batch) == 20_000:
                pw.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            pw.write_table(pa.Table.from_pylist(batch, schema=schema))
    print(f"generated {i:,} documents, {total / 1e9:.2f} GB of text: {os.path.getsize(jp) / 1e9:.2f} GB JSON Lines, "
          f"{os.path.getsize(pp) / 1e9:.2f} GB Parquet", flush=True)
    return {"jsonl": jp, "parquet": pp}


def child(path: str) -> None:
    """The measured process: stream-count one corpus file."""
    import gazetta
    from gazetta.corpus import read_corpus

    t0 = time.perf_counter()
    co = gazetta.cooccurrence(read_corpus(path), gazetta.gazetteers.countries(), progress=False)
    dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "n_docs": co.meta["n_docs"], "pairs": len(co.pairs),
                      "top": co.pairs[["a", "b", "n_ab"]].head(3).values.tolist()}), flush=True)


def run_rss(gb: float, keep: bool) -> List[Dict[str, Any]]:
    if not os.path.exists("/usr/bin/time"):
        sys.exit("needs GNU time: apt-get install time")
    folder = tempfile.mkdtemp(prefix="gazetta-stream-")
    rows = []
    try:
        paths = generate(folder, gb)
        for fmt, path in paths.items():
            cmd = ["/usr/bin/time", "-v", sys.executable, os.path.abspath(__file__), "child", path]
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(p.stderr)
            peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
            res = json.loads(p.stdout.strip().splitlines()[-1])
            rows.append({"format": fmt, "peak_rss_mb": peak_kb / 1024, "seconds": res["seconds"],
                         "n_docs": res["n_docs"], "text_gb": gb, "top": res["top"]})
            print(f"{fmt:8s} peak RSS {peak_kb / 1024:7.0f} MB   {res['seconds']:6.1f} s   {res['n_docs']:,} docs   "
                  f"top pairs {res['top']}", flush=True)
    finally:
        if keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return rows


def run_arrow(mb: float, runs: int) -> List[Dict[str, Any]]:
    import pyarrow as pa

    import gazetta

    recs = _records()
    texts: List[str] = []
    size = 0
    while size < mb * 1e6:
        t = recs[len(texts) % len(recs)]["text"]
        texts.append(t)
        size += len(t.encode("utf-8"))
    g = gazetta.gazetteers.countries()
    m = gazetta.Matcher(g)
    arr = pa.array(texts, pa.large_string())
    print(f"{len(texts):,} documents, {size / 1e6:.0f} MB of UTF-8; {runs} runs each, medians", flush=True)
    rows = []
    for what, call in [("cooccurrence", lambda x: gazetta.cooccurrence(x, m, progress=False)),
                       ("mentions", lambda x: m.mentions(x, progress=False))]:
        # interleaved runs; fresh str objects per run, built outside the clock, so no run
        # profits from a UTF-8 copy cached by an earlier one (STYLE habit 10)
        t_str, t_arrow = Timing(), Timing()
        for _ in range(runs):
            t_str.run(call, lambda: fresh_copies(texts))
            t_arrow.run(call, lambda: arr)
        t_str, t_arrow = t_str.median, t_arrow.median
        rows.append({"call": what, "str_s": _sec(t_str), "arrow_s": _sec(t_arrow)})
        print(f"{what:13s} str path {_sec(t_str):6.2f} s   Arrow path {_sec(t_arrow):6.2f} s   "
              f"speed-up {_sec(t_str) / _sec(t_arrow):4.2f}x", flush=True)
    # Parquet through read_corpus: Arrow buffers straight to the core vs str objects per document
    from gazetta.corpus import Corpus, read_corpus

    class StrPathCorpus(Corpus):
        def _gazetta_chunks(self, text: Any = None, columns: Any = ()) -> Any:
            for part in self._parts(list(columns), want_ids=False, arrow=False):
                yield part.texts, None

    folder = tempfile.mkdtemp(prefix="gazetta-arrow-")
    try:
        import pyarrow.parquet as pq

        pp = os.path.join(folder, "c.parquet")
        pq.write_table(pa.table({"text": arr}), pp, row_group_size=20_000)
        plain = read_corpus(pp)
        as_str = StrPathCorpus(plain.path, format="parquet", text="text", id=None, columns=None, on_error="raise",
                               chunk_size=plain.chunk_size, encoding="utf-8", sep=None, pattern="*.txt")
        t_str, t_arrow = Timing(), Timing()
        for _ in range(runs):
            t_str.run(lambda c: gazetta.cooccurrence(c, m, progress=False), lambda: as_str)
            t_arrow.run(lambda c: gazetta.cooccurrence(c, m, progress=False), lambda: plain)
        assert t_str.result.pairs.equals(t_arrow.result.pairs)
        rows.append({"call": "cooccurrence(read_corpus(parquet))", "str_s": t_str.median, "arrow_s": t_arrow.median})
        print(f"{'read_corpus(parquet) + cooccurrence':13s} str path {t_str.median:6.2f} s   Arrow path "
              f"{t_arrow.median:6.2f} s   speed-up {t_str.median / t_arrow.median:4.2f}x", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def _sec(t: Any) -> float:
    return float(getattr(t, "median", t))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", nargs="?", default="all", choices=["all", "rss", "arrow", "child"])
    ap.add_argument("path", nargs="?")
    ap.add_argument("--gb", type=float, default=1.0, help="GB of text for the RSS run (default 1.0)")
    ap.add_argument("--mb", type=float, default=200, help="MB of text for the Arrow comparison (default 200)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    a = ap.parse_args()
    if a.what == "child":
        child(a.path)
        return
    print(json.dumps(machine_info()), flush=True)
    if a.what in ("all", "rss"):
        run_rss(a.gb, a.keep)
    if a.what in ("all", "arrow"):
        run_arrow(a.mb, a.runs)


if __name__ == "__main__":
    main()
