"""Deduplication benchmark (issue 9): gazetta.duplicates against datasketch (MinHash + MinHashLSH).

The corpus: Reuters-21578 bodies and BBC articles (title + blank line + text) from the external data folder (``$GAZETTA_DATA``, see ``_common.py``),
repeated until it reaches ``--mb`` megabytes of UTF-8 (default 200). Repetition 0 is the
corpus as it is; in every later repetition each document loses one word (position chosen
by a fixed rule), so the copies are near duplicates, not exact ones (exact copies would only
exercise the hash table). The file is written as JSON Lines to a temporary directory and
deleted afterwards; it is never committed.

Both tools do the same work, streamed from the file in corpus order, one process each (so
peak memory is the tool's own): normalise whitespace, look up an exact-text hash, build the
MinHash signature of the word 5-shingle set (128 permutations), query LSH with the **same**
bands × rows (gazetta's choice for the threshold), verify candidates by the estimated
Jaccard similarity (≥ 0.9), join the earliest verified original or insert a new one. Only
originals are indexed.

datasketch is slow (about 0.7 MB/s), so it runs on the first ``--peer-mb`` MB (default 20)
and gazetta on the same prefix for the ratio; gazetta also runs on the whole corpus. The
streamed rows include reading and parsing the JSON Lines file (the same code for both tools);
one more row times gazetta on the prefix already loaded as a list, to show the engine's own
speed (its peak memory then includes the list).

Usage::

    python benchmarks/dedupe.py                 # 200 MB, peer on 20 MB (~2 min on 2 cores)
    python benchmarks/dedupe.py --mb 50 --peer-mb 5
    python benchmarks/dedupe.py --accuracy      # precision/recall on tests/data/near_duplicates.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any, Dict, Iterator, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from _common import SHARED, machine_info  # noqa: E402

THRESHOLD = 0.9
NUM_PERM = 128
SHINGLE = 5


def base_texts() -> List[str]:
    out: List[str] = []
    with gzip.open(os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz"), "rt", encoding="utf-8") as f:
        out += [json.loads(line)["text"] or "" for line in f]
    with gzip.open(os.path.join(SHARED, "corpora", "bbc_news.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.append(r["title"] + "\n\n" + r["text"])
    return out


def build(path: str, mb: float) -> Dict[str, Any]:
    base = base_texts()
    target = mb * 1e6
    size = 0
    docs = 0
    rep = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            for i, t in enumerate(base):
                if rep:
                    w = t.split(" ")
                    if len(w) > 1:
                        del w[(i * 31 + rep * 7) % len(w)]
                    t = " ".join(w)
                line = json.dumps({"text": t})
                f.write(line + "\n")
                size += len(t.encode("utf-8"))
                docs += 1
                if size >= target:
                    break
            rep += 1
    return {"docs": docs, "mb": size / 1e6, "repetitions": rep}


def stream(path: str, mb: float) -> Iterator[str]:
    """Texts of the file, up to ``mb`` MB of UTF-8 text."""
    limit = mb * 1e6
    size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"]
            size += len(t.encode("utf-8"))
            yield t
            if size >= limit:
                return


def run_gazetta(path: str, mb: float, n_threads: Any, in_memory: bool = False) -> Dict[str, Any]:
    import gazetta.dedupe as gd

    texts: Any = list(stream(path, mb)) if in_memory else None  # read before the timer
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    d = gd.duplicates(texts if in_memory else stream(path, mb), threshold=THRESHOLD, num_perm=NUM_PERM, shingle=SHINGLE,
                      n_threads=n_threads, progress=False)
    el = time.perf_counter() - t0
    kinds = d["kind"].value_counts().to_dict()
    return {"seconds": el, "docs": len(d), "kinds": {k: int(v) for k, v in kinds.items()},
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "base_rss": base,
            "clusters": d["cluster"].to_numpy().tolist() if len(d) < 200_000 else None}


def run_datasketch(path: str, mb: float) -> Dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    import gazetta

    d = gazetta._core.Deduper("near", THRESHOLD, SHINGLE, NUM_PERM)
    params = (d.bands, d.rows)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=params)
    exact: Dict[bytes, tuple] = {}
    sigs: Dict[int, Any] = {}
    clusters: List[int] = []
    kinds = {"original": 0, "exact": 0, "near": 0}
    for i, text in enumerate(stream(path, mb)):
        words = text.split()
        if not words:
            clusters.append(i)
            kinds["original"] += 1
            continue
        key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
        hit = exact.get(key)
        if hit is not None:
            clusters.append(hit[0])
            kinds["exact" if hit[1] == "original" else hit[1]] += 1
            continue
        k = min(SHINGLE, len(words))
        sh = {" ".join(words[j:j + k]).encode("utf-8") for j in range(len(words) - k + 1)}
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch(list(sh))
        joined = None
        for c in sorted(lsh.query(m)):
            if sigs[c].jaccard(m) >= THRESHOLD:
                joined = c
                break
        if joined is None:
            lsh.insert(i, m)
            sigs[i] = m
            exact[key] = (i, "original")
            clusters.append(i)
            kinds["original"] += 1
        else:
            exact[key] = (joined, "near")
            clusters.append(joined)
            kinds["near"] += 1
    el = time.perf_counter() - t0
    return {"seconds": el, "docs": len(clusters), "kinds": kinds, "params": list(params),
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "base_rss": base,
            "clusters": clusters if len(clusters) < 200_000 else None}


def child(tool: str, path: str, mb: float, threads: Any) -> Dict[str, Any]:
    """Runs one tool in a fresh process (its own peak RSS) and returns its JSON report."""
    cmd = [sys.executable, os.path.abspath(__file__), "--child", tool, "--file", path, "--prefix-mb", str(mb)]
    if threads:
        cmd += ["--threads", str(threads)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def accuracy() -> None:
    import gazetta.dedupe as gd

    with gzip.open(os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz"), "rt", encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    data = os.path.join(HERE, "..", "tests", "data", "near_duplicates.jsonl")
    with open(data, encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f if line.strip()]
    print(f"{len(pairs)} labelled pairs: {sum(p['label'] for p in pairs)} positive, "
          f"{sum(not p['label'] for p in pairs)} negative\n")
    print("| num_perm | threshold | TP | FP | FN | precision | recall | recall, positives with J ≥ t+0.02 | folded |")
    print("|---|---|---|---|---|---|---|---|---|")
    for npm in (128, 256):
        for t in (0.7, 0.8, 0.85, 0.9, 0.95):
            d = gd.duplicates(recs, id="id", threshold=t, num_perm=npm).set_index("doc")
            tp = fp = fn = clear = clear_found = 0
            for p in pairs:
                same = d.at[p["a"], "cluster"] == d.at[p["b"], "cluster"]
                tp += same and p["label"]
                fp += same and not p["label"]
                fn += (not same) and p["label"]
                if p["label"] and p["jaccard"] >= t + 0.02:
                    clear += 1
                    clear_found += same
            prec = tp / (tp + fp) if tp + fp else float("nan")
            print(f"| {npm} | {t} | {tp} | {fp} | {fn} | {prec:.3f} | {tp / (tp + fn):.3f} | "
                  f"{clear_found}/{clear} | {(d['kind'] != 'original').sum()} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=200.0, help="corpus size in MB of UTF-8 text (default 200)")
    ap.add_argument("--peer-mb", type=float, default=20.0, help="prefix on which datasketch runs (default 20)")
    ap.add_argument("--runs", type=int, default=3, help="runs of gazetta on the prefix (median; default 3)")
    ap.add_argument("--accuracy", action="store_true", help="precision/recall on the labelled pairs")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--file", help=argparse.SUPPRESS)
    ap.add_argument("--prefix-mb", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        if a.child == "datasketch":
            r = run_datasketch(a.file, a.prefix_mb)
        else:
            r = run_gazetta(a.file, a.prefix_mb, a.threads, in_memory=a.child == "gazetta-mem")
        print(json.dumps(r))
        return
    if a.accuracy:
        accuracy()
        return
    print(json.dumps(machine_info()))
    print(f"load average at start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        info = build(path, a.mb)
        print(f"corpus: {info['docs']} documents, {info['mb']:.1f} MB, {info['repetitions']} repetitions")
        peer = child("datasketch", path, a.peer_mb, None)
        gz = [child("gazetta", path, a.peer_mb, None) for _ in range(a.runs)]
        gz1 = child("gazetta", path, a.peer_mb, 1)
        gz.sort(key=lambda r: r["seconds"])
        med = gz[len(gz) // 2]
        same = peer["clusters"] == med["clusters"] if peer["clusters"] is not None else None
        agree = (sum(x == y for x, y in zip(peer["clusters"], med["clusters"])) / len(peer["clusters"])
                 if peer["clusters"] is not None else None)
        mem = child("gazetta-mem", path, a.peer_mb, None)
        full = child("gazetta", path, a.mb, None)
        mb_prefix = a.peer_mb
        rows = [
            ("datasketch (1 thread)", mb_prefix, peer),
            ("gazetta, 1 thread", mb_prefix, gz1),
            ("gazetta, all cores (median)", mb_prefix, med),
            ("gazetta, all cores, texts already in memory (no JSON parsing)", mb_prefix, mem),
            ("gazetta, all cores, whole corpus", info["mb"], full),
        ]
        print()
        print("| run | MB | docs | seconds | MB/s | peak RSS − start (MB) | originals / exact / near |")
        print("|---|---|---|---|---|---|---|")
        for name, mb, r in rows:
            k = r["kinds"]
            print(f"| {name} | {mb:.0f} | {r['docs']} | {r['seconds']:.2f} | {mb / r['seconds']:.2f} | "
                  f"{(r['peak_rss'] - r['base_rss']) / 1e6:.0f} | {k.get('original', 0)} / {k.get('exact', 0)} / "
                  f"{k.get('near', 0)} |")
        print()
        print(f"speed ratio on the {mb_prefix:.0f} MB prefix: gazetta all cores / datasketch = "
              f"{peer['seconds'] / med['seconds']:.1f}x; gazetta 1 thread / datasketch = "
              f"{peer['seconds'] / gz1['seconds']:.1f}x")
        print(f"datasketch LSH params (bands, rows) = {tuple(peer['params'])}; same clusters: {same}; "
              f"documents with the same cluster: {agree:.4f}" if agree is not None else "")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
