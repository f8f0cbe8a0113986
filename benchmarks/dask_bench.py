"""gazetta.dask against the local call (issue 7): what shipping the matcher costs, and the
overhead of counting on a Dask cluster.

Two parts:

- ``ship``: the 220k-alias GeoNames city matcher (``gazetteers/geonames_cities.csv``). What
  would travel to a worker — the matcher's pickle (its versioned spec bytes; the compiled
  automaton does not serialise) or the Gazetteer's pickle (then compiled on the worker) —
  size, dump and load(+compile) times; then, on the cluster, a first and a second
  ``gazetta.dask.cooccurrence`` call on a tiny 8-partition corpus, and (``--naive``) the same
  count with the matcher embedded in every task, as a plain ``map_partitions`` would do it.
- ``scale``: the shared Reuters-21578 and BBC texts repeated to ``--mb`` MB of UTF-8 (default
  300), written once as Parquet files (one per partition) under ``--cache``; sentence-unit
  co-occurrence with the built-in country gazetteer: ``pandas.read_parquet`` +
  ``gazetta.cooccurrence`` (threaded, all cores) versus ``dask.dataframe.read_parquet`` +
  ``gazetta.dask.cooccurrence`` on ``distributed.LocalCluster(n_workers=2,
  threads_per_worker=1, processes=True)``. Both results are checked equal (``DataFrame.equals``).

Medians of ``--runs`` runs, interleaved; the load average is printed at the start and end (the
machine may be shared).

    python benchmarks/dask_bench.py                      # both parts (~5 min on 2 cores)
    python benchmarks/dask_bench.py --only scale --mb 50 --runs 1   # a smoke test
    python benchmarks/dask_bench.py --only ship --naive --json out.json
"""

from __future__ import annotations

import argparse
import io
import json
import gzip
import logging
import os
import pickle
import statistics
import sys
import time
import warnings
from typing import Any, Dict, List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import SHARED, machine_info, versions  # noqa: E402


def _t() -> float:
    return time.perf_counter()


def _median(xs: List[float]) -> float:
    return statistics.median(xs)


def _cluster() -> Any:
    import distributed

    t0 = _t()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                       silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    return cluster, client, _t() - t0


# --------------------------------------------------------------------------------------------
def ship(runs: int, naive: bool) -> Dict[str, Any]:
    import dask
    import dask.dataframe as dd
    import pandas as pd

    import gazetta
    import gazetta.dask as gd

    out: Dict[str, Any] = {}
    t0 = _t()
    g = gazetta.Gazetteer.read_csv(os.path.join(SHARED, "gazetteers", "geonames_cities.csv"))
    out["read_csv_s"] = _t() - t0
    t0 = _t()
    m = gazetta.Matcher(g)
    out["compile_s"] = _t() - t0
    out["matcher"] = repr(m)
    for name, obj in (("matcher", m), ("gazetteer", g)):
        dumps, loads = [], []
        for _ in range(runs):
            t0 = _t()
            b = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
            dumps.append(_t() - t0)
            t0 = _t()
            back = pickle.loads(b)
            if name == "gazetteer":
                back = gazetta.Matcher(back)  # what the worker would have to do next
            loads.append(_t() - t0)
            del back
        out[f"{name}_pickle_mb"] = len(b) / 1e6
        out[f"{name}_dumps_s"] = _median(dumps)
        out[f"{name}_loads_s"] = _median(loads)
        print(f"  {name}: pickle {len(b) / 1e6:.1f} MB, dumps {_median(dumps):.2f} s, "
              f"loads{' + compile' if name == 'gazetteer' else ' (rebuild)'} {_median(loads):.2f} s", flush=True)

    texts = pd.DataFrame({"text": ["Paris, London and Berlin. Tokyo and Osaka."] * 400})
    ddf = dd.from_pandas(texts, npartitions=8)
    cluster, client, startup = _cluster()
    try:
        out["cluster_startup_s"] = startup
        # warm the workers' imports with a tiny matcher, so the first call times the matcher only
        gd.cooccurrence(ddf, gazetta.Gazetteer().add("X", "Xland"))
        t0 = _t()
        gd.cooccurrence(ddf, m)
        out["first_call_s"] = _t() - t0
        t0 = _t()
        gd.cooccurrence(ddf, m)
        out["second_call_s"] = _t() - t0
        out["rebuilds_per_worker"] = list(client.run(lambda d=gd._Shipped(m).digest: gd._rebuilds.get(d, 0)).values())
        print(f"  8-partition call on 2 workers: first {out['first_call_s']:.2f} s (scatter + one rebuild per worker), "
              f"second {out['second_call_s']:.2f} s; rebuilds per worker {out['rebuilds_per_worker']}", flush=True)
        if naive:
            def count(part: Any, matcher: Any) -> Any:
                co = gazetta.cooccurrence(part, matcher, n_threads=1, progress=False)
                co._matcher = None
                return co

            parts = ddf.to_delayed()
            tasks = [dask.delayed(count)(p, m) for p in parts]  # the matcher pickled into every task
            t0 = _t()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Sending large graph"
                dask.compute(*tasks)
            out["naive_call_s"] = _t() - t0
            print(f"  naive (matcher inside each of 8 tasks): {out['naive_call_s']:.2f} s", flush=True)
    finally:
        client.close()
        cluster.close()
    return out


# --------------------------------------------------------------------------------------------
def _texts() -> List[Dict[str, str]]:
    rows: List[Dict[str, str]] = []
    for name, src in (("reuters21578.jsonl.gz", "reuters"), ("bbc_news.jsonl.gz", "bbc")):
        with gzip.open(os.path.join(SHARED, "corpora", name), "rb") as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                r = json.loads(line)
                rows.append({"source": src, "text": r.get("text") or ""})
    return rows


def build_corpus(mb: float, cache: str, part_mb: float) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = os.path.join(cache, f"corpus-{mb:g}mb")
    done = os.path.join(folder, "_DONE")
    if os.path.exists(done):
        return folder
    os.makedirs(folder, exist_ok=True)
    base = _texts()
    target = mb * 1e6
    size = 0.0
    part: List[Dict[str, str]] = []
    part_size = 0.0
    n_part = 0
    rep = 0
    while size < target:
        for i, r in enumerate(base):
            b = len(r["text"].encode("utf-8"))
            part.append({"id": f"{rep}:{r['source']}:{i}", "source": r["source"], "text": r["text"]})
            size += b
            part_size += b
            if part_size >= part_mb * 1e6 or size >= target:
                pq.write_table(pa.Table.from_pylist(part), os.path.join(folder, f"part-{n_part:04d}.parquet"))
                n_part += 1
                part, part_size = [], 0.0
            if size >= target:
                break
        rep += 1
    if part:
        pq.write_table(pa.Table.from_pylist(part), os.path.join(folder, f"part-{n_part:04d}.parquet"))
    with open(done, "w") as f:
        f.write(f"{size / 1e6:.1f} MB\n")
    return folder


def scale(mb: float, runs: int, cache: str, part_mb: float) -> Dict[str, Any]:
    import dask.dataframe as dd
    import pandas as pd

    import gazetta
    import gazetta.dask as gd

    folder = build_corpus(mb, cache, part_mb)
    files = sorted(f for f in os.listdir(folder) if f.endswith(".parquet"))
    m = gazetta.Matcher(gazetta.gazetteers.countries())
    out: Dict[str, Any] = {"files": len(files)}
    cluster, client, startup = _cluster()
    out["cluster_startup_s"] = startup
    local_read, local_count, dist = [], [], []
    try:
        # warm-up: workers import gazetta and rebuild the (small) matcher once
        gd.cooccurrence(dd.read_parquet(os.path.join(folder, files[0])), m)
        for r in range(runs):
            t0 = _t()
            df = pd.read_parquet(folder)
            t1 = _t()
            local = gazetta.cooccurrence(df, m, progress=False)
            t2 = _t()
            local_read.append(t1 - t0)
            local_count.append(t2 - t1)
            if r == 0:
                out["docs"] = len(df)
                out["text_mb"] = float(df["text"].str.encode("utf-8").str.len().sum()) / 1e6
            del df
            t0 = _t()
            co = gd.cooccurrence(dd.read_parquet(folder), m)
            dist.append(_t() - t0)
            same = all(getattr(co, t).equals(getattr(local, t)) for t in ("pairs", "entities", "groups"))
            print(f"  run {r + 1}: local read {local_read[-1]:.2f} s + count {local_count[-1]:.2f} s; "
                  f"dask {dist[-1]:.2f} s; equal: {same}", flush=True)
            if not same:
                raise SystemExit("distributed result differs from the local one")
            out["pairs"] = len(co.pairs)
    finally:
        client.close()
        cluster.close()
    out["local_read_s"] = _median(local_read)
    out["local_count_s"] = _median(local_count)
    out["local_total_s"] = _median([a + b for a, b in zip(local_read, local_count)])
    out["dask_s"] = _median(dist)
    out["overhead"] = out["dask_s"] / out["local_total_s"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["ship", "scale"])
    ap.add_argument("--mb", type=float, default=300.0, help="corpus size in MB of UTF-8 text (default 300)")
    ap.add_argument("--part-mb", type=float, default=16.0, help="MB of text per Parquet file/partition (16)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--naive", action="store_true", help="also time the matcher embedded in every task")
    ap.add_argument("--cache", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "gazetta-dask-bench"))
    ap.add_argument("--json", help="write the results to this file")
    a = ap.parse_args()
    info = machine_info()
    res: Dict[str, Any] = {"machine": info, "versions": versions(["gazetta", "dask", "distributed", "pandas",
                                                                   "pyarrow"])}
    print(f"# {info['date']}  nproc={info['nproc']}  load={info['loadavg']}  {info['cpu']}")
    print(f"# {res['versions']}")
    if a.only in (None, "ship"):
        print("## ship: 220k-alias GeoNames city matcher")
        res["ship"] = ship(a.runs, a.naive)
    if a.only in (None, "scale"):
        print(f"## scale: {a.mb:g} MB, sentence units, built-in countries")
        s = scale(a.mb, a.runs, a.cache, a.part_mb)
        res["scale"] = s
        print(f"  {s['docs']:,} docs, {s['text_mb']:.0f} MB, {s['files']} files; local {s['local_total_s']:.2f} s "
              f"(read {s['local_read_s']:.2f} + count {s['local_count_s']:.2f}); dask {s['dask_s']:.2f} s; "
              f"dask/local {s['overhead']:.2f}x; cluster start {s['cluster_startup_s']:.1f} s")
    res["load_end"] = [round(x, 2) for x in os.getloadavg()]
    print(f"# load at end: {res['load_end']}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=2, default=str)


if __name__ == "__main__":
    main()
