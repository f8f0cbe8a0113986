"""Co-occurrence end to end: gazetta against pipelines composed from peers (the project's performance targets, docs/performance.md; issue 3, item 8).

Every pipeline goes from a Python list of str to a pair table sorted like gazetta's
(``a, b, n_ab, n_a, n_b, n`` and the measures of docs/measures.md; gazetta adds names and kinds) at
document and sentence level (``count="units"``). The composed peers are the fastest a user
can build without gazetta's counter:

- **match**: ``ahocorasick_rs`` (MatchKind.LeftmostLongest, code-point offsets) over each alias
  and its all-capitals form (what ``case="smart"`` matches) + a Python word-boundary filter
  (docs/matching.md, Word boundaries: letters, digits, marks), ambiguous patterns expanded to one row per entity;
- **units**: the same sentence spans as gazetta (``gazetta.sentences(text, "blank")`` called
  per document) or, as a second variant, a simple regex splitter (``[.!?]`` + closing quotes,
  whitespace, then an upper-case letter/digit/opening quote, or a blank line); each mention
  goes to the unit in which it starts (``np.searchsorted``);
- **count**: either ``scipy.sparse`` incidence products (binary unit × entity matrix X,
  ``X.T @ X``, upper triangle) or the pandas self-merge idiom (distinct (unit, entity) rows
  merged with themselves on the unit, ``a < b``, ``groupby().size()``);
- **table**: ``n_a`` from column sums, the same vectorised measures, the same sort.

Both gazetteers are given to every pipeline without glob aliases (``Kenyan*``), which
ahocorasick_rs cannot express. Compilation (automaton, matcher) is outside the timings and
reported on its own. Counts differ slightly between gazetta and the peers, by design of the
peers: no whitespace/apostrophe normalisation ("North\\nKorea"), boundary checked after the
leftmost-longest choice instead of before, and the two entities of an ambiguous span are
counted as co-occurring. The script prints how many pair rows agree exactly.

Memory is the peak RSS above the process's baseline while one pipeline runs, each pipeline
in a fresh subprocess (``VmHWM`` after ``/proc/self/clear_refs``), inputs loaded and matchers
compiled before the baseline.

Run ``python benchmarks/cooccur.py --help``; results are printed as markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (SHARED, Timing, boundary_filtered, fmt_s, fresh_copies, load_corpus, machine_info,  # noqa: E402
                     markdown_table, peak_rss_since_reset, release_free_memory, reset_peak_rss, rss_bytes,
                     utf8_mb, versions)

CORPORA = {
    "reuters": os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz"),
    "bbc": os.path.join(SHARED, "corpora", "bbc_news.jsonl.gz"),
}
CITIES = os.path.join(SHARED, "gazetteers", "geonames_cities.csv")
GAZETTEERS = ("countries", "cities")
UNITS = ("document", "sentence")
PARAGRAPHS = "blank"  # Reuters is hard-wrapped; BBC separates paragraphs by blank lines
DISTS = ("gazetta", "ahocorasick_rs", "scipy", "pandas", "numpy", "psutil")


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------
def read_gazetteer(which: str) -> Any:
    """The gazetteer without glob aliases (peers cannot express them)."""
    import gazetta

    src = gazetta.gazetteers.countries() if which == "countries" else gazetta.Gazetteer.read_csv(CITIES)
    g = gazetta.Gazetteer()
    for e in src:
        g.add(e.id, e.name, kind=e.kind, aliases=[a for a in e.aliases if not a.glob])
    return g


def read_texts(corpus: str, repeat: int = 1) -> List[str]:
    texts = load_corpus(CORPORA[corpus])
    return texts * repeat


# --------------------------------------------------------------------------------------------
# Peer building blocks
# --------------------------------------------------------------------------------------------
def _is_word(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c)[0] == "M"


class PeerMatcher:
    """ahocorasick_rs over every alias and its capitals, + a boundary filter. Entity codes are
    positions in string order of the ids, so code order is id order (a < b)."""

    def __init__(self, gaz: Any) -> None:
        import ahocorasick_rs

        ids = sorted(e.id for e in gaz)
        code = {e: i for i, e in enumerate(ids)}
        index: Dict[str, int] = {}
        ents: List[List[int]] = []
        for e in gaz:
            for a in e.aliases:
                if a.case not in (None, "smart") or a.fold_accents:
                    raise ValueError(f"alias {a.text!r} has per-alias options the peers cannot follow")
                for form in dict.fromkeys((a.literal, a.literal.upper())):
                    p = index.setdefault(form, len(index))
                    if p == len(ents):
                        ents.append([])
                    if code[e.id] not in ents[p]:
                        ents[p].append(code[e.id])
        self.ids = np.array(ids, dtype=object)
        self.patterns = list(index)
        self.left = [_is_word(p[0]) for p in self.patterns]
        self.right = [_is_word(p[-1]) for p in self.patterns]
        self.cnt = np.array([len(x) for x in ents], dtype=np.int64)
        self.ptr = np.zeros(len(ents) + 1, dtype=np.int64)
        np.cumsum(self.cnt, out=self.ptr[1:])
        self.flat = np.fromiter((i for x in ents for i in x), dtype=np.int64, count=int(self.cnt.sum()))
        self.ac = ahocorasick_rs.AhoCorasick(self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def mentions(self, texts: Sequence[str]) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(doc, start, entity code) of every mention, one row per entity of a span."""
        docs, starts, _, pids = boundary_filtered(self.ac.find_matches_as_indexes, texts, self.left, self.right)
        pid = np.asarray(pids, dtype=np.int64)
        cnt = self.cnt[pid]
        row = np.repeat(np.arange(len(pid)), cnt)
        k = np.arange(len(row)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        ent = self.flat[self.ptr[pid][row] + k]
        return np.asarray(docs, dtype=np.int64)[row], np.asarray(starts, dtype=np.int64)[row], ent


_REGEX_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"“(])|\n[ \t]*\n\s*")


def regex_sentence_starts(text: str) -> List[int]:
    """A simple splitter: after .!? (+ closing quotes/brackets) + whitespace + capital/digit/
    opening quote, and at blank lines. Returns the start of every sentence (0 included)."""
    return [0] + [m.end() for m in _REGEX_BREAK.finditer(text) if m.end() < len(text)]


def gazetta_sentence_starts(text: str) -> List[int]:
    import gazetta

    return [s for s, _ in gazetta.sentences(text, PARAGRAPHS)]


def unit_ids(texts: Sequence[str], doc: np.ndarray, start: np.ndarray, unit: str,
             splitter: Optional[Callable[[str], List[int]]]) -> Tuple[np.ndarray, int]:
    """The unit of every mention (where it starts) and the number of units of the corpus."""
    if unit == "document":
        return doc, len(texts)
    per_doc = [splitter(t) if t else [] for t in texts]  # type: ignore[misc]
    counts = np.fromiter((len(x) for x in per_doc), dtype=np.int64, count=len(per_doc))
    base = np.zeros(len(per_doc) + 1, dtype=np.int64)
    np.cumsum(counts, out=base[1:])
    stride = max((len(t) for t in texts), default=0) + 1
    keys = np.fromiter((d * stride + s for d, x in enumerate(per_doc) for s in x), dtype=np.int64,
                       count=int(base[-1]))
    u = np.searchsorted(keys, doc * stride + start, side="right") - 1
    return u, int(base[-1])


def finish_table(ids: np.ndarray, a: np.ndarray, b: np.ndarray, n_ab: np.ndarray, n_ent: np.ndarray,
                 n: int) -> pd.DataFrame:
    """The pair table: counts, the measures (docs/measures.md), gazetta's sort (n_ab desc, a, b)."""
    from gazetta._measures import measures

    na, nb = n_ent[a], n_ent[b]
    order = np.lexsort((b, a, -n_ab))
    df = pd.DataFrame({"a": ids[a[order]], "b": ids[b[order]], "n_ab": n_ab[order], "n_a": na[order],
                       "n_b": nb[order], "n": np.full(len(order), n, dtype=np.int64)})
    for k, v in measures(df["n_ab"].to_numpy(), df["n_a"].to_numpy(), df["n_b"].to_numpy(),
                         df["n"].to_numpy()).items():
        df[k] = v
    return df


def count_scipy(ids: np.ndarray, u: np.ndarray, ent: np.ndarray, n_units: int) -> pd.DataFrame:
    from scipy import sparse

    X = sparse.csr_matrix((np.ones(len(u), dtype=np.int64), (u, ent)), shape=(n_units, len(ids)))
    X.sum_duplicates()
    X.data[:] = 1  # binary incidence: a unit holds an entity or not
    C = sparse.triu(X.T @ X, k=1).tocoo()  # codes are in id order, so row < col is a < b
    n_ent = np.asarray(X.sum(axis=0)).ravel()
    return finish_table(ids, C.row.astype(np.int64), C.col.astype(np.int64), C.data.astype(np.int64), n_ent,
                        n_units)


def count_pandas(ids: np.ndarray, u: np.ndarray, ent: np.ndarray, n_units: int) -> pd.DataFrame:
    m = pd.DataFrame({"unit": u, "entity": ent}).drop_duplicates()
    pairs = m.merge(m, on="unit")
    pairs = pairs[pairs["entity_x"] < pairs["entity_y"]]
    c = pairs.groupby(["entity_x", "entity_y"], sort=False).size()
    n_ent = np.bincount(m["entity"].to_numpy(), minlength=len(ids))
    return finish_table(ids, c.index.get_level_values(0).to_numpy(np.int64),
                        c.index.get_level_values(1).to_numpy(np.int64), c.to_numpy(np.int64), n_ent, n_units)


# --------------------------------------------------------------------------------------------
# Pipelines
# --------------------------------------------------------------------------------------------
def pipelines(gaz: Any, unit: str, n_threads: Optional[int]) -> Dict[str, Callable[[List[str]], Any]]:
    """name -> run(texts) for one gazetteer and unit. Matchers are compiled on first use of a
    pipeline (call each once before timing: :func:`warm`), so that a memory child compiles
    only what its pipeline needs."""
    import functools

    import gazetta

    @functools.lru_cache(maxsize=None)
    def gm(threads: Optional[int]) -> Any:
        return gazetta.Matcher(gaz, n_threads=threads)

    @functools.lru_cache(maxsize=None)
    def pm() -> PeerMatcher:
        return PeerMatcher(gaz)

    split = None if unit == "document" else gazetta_sentence_starts

    def peer(counter: Callable[..., pd.DataFrame], splitter: Any) -> Callable[[List[str]], pd.DataFrame]:
        def run(texts: List[str]) -> pd.DataFrame:
            P = pm()
            doc, start, ent = P.mentions(texts)
            u, n = unit_ids(texts, doc, start, unit, splitter)
            return counter(P.ids, u, ent, n)
        return run

    out: Dict[str, Callable[[List[str]], Any]] = {
        "gazetta": lambda t: gazetta.cooccurrence(t, gm(n_threads), unit=unit, paragraphs=PARAGRAPHS,
                                                  progress=False).pairs,
        "gazetta (1 thread)": lambda t: gazetta.cooccurrence(t, gm(1), unit=unit, paragraphs=PARAGRAPHS,
                                                             n_threads=1, progress=False).pairs,
        "ac_rs + scipy": peer(count_scipy, split),
        "ac_rs + pandas merge": peer(count_pandas, split),
    }
    if unit == "sentence":
        out["ac_rs + regex split + scipy"] = peer(count_scipy, regex_sentence_starts)
    # components of the peers, for the record
    out["· ac_rs + boundary filter only"] = lambda t: pm().mentions(t)
    if unit == "sentence":
        out["· gazetta.sentences per doc only"] = lambda t: [gazetta_sentence_starts(x) for x in t if x]
        out["· regex split per doc only"] = lambda t: [regex_sentence_starts(x) for x in t if x]
    return out


def warm(fn: Callable[[List[str]], Any]) -> None:
    """Compiles what a pipeline needs and touches its code paths once, on a tiny input."""
    fn(["Warm-up text. Nothing here.", ""])


def agreement(g: pd.DataFrame, p: pd.DataFrame) -> str:
    """How many of gazetta's pair rows have the same (a, b, n_ab) in the peer's table."""
    x = g[["a", "b", "n_ab"]].astype({"a": object, "b": object})
    y = p[["a", "b", "n_ab"]].astype({"a": object, "b": object})
    same = len(x.merge(y, on=["a", "b", "n_ab"]))
    return f"{same}/{len(x)} of gazetta's rows identical ({len(y)} peer rows)"


# --------------------------------------------------------------------------------------------
# Memory child
# --------------------------------------------------------------------------------------------
def memory_child(corpus: str, which: str, unit: str, name: str, repeat: int) -> Dict[str, Any]:
    texts = read_texts(corpus, repeat)
    gaz = read_gazetteer(which)
    fn = pipelines(gaz, unit, None)[name]
    warm(fn)
    texts = fresh_copies(texts)
    release_free_memory()
    base = rss_bytes()
    ok = reset_peak_rss()
    res = fn(texts)
    peak = peak_rss_since_reset() if ok else None
    rows = len(res) if hasattr(res, "__len__") else None
    return {"base_mb": base / 1e6, "peak_mb": None if peak is None else (peak - base) / 1e6, "rows": rows}


def measure_memory(corpus: str, which: str, unit: str, name: str, repeat: int = 1) -> Optional[float]:
    cmd = [sys.executable, os.path.abspath(__file__), "--child", corpus, which, unit, name, str(repeat)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"memory child failed for {name}: {r.stderr[-500:]}", file=sys.stderr)
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])["peak_mb"]


# --------------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="timed runs per pipeline (median reported)")
    ap.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    ap.add_argument("--gazetteers", nargs="+", default=list(GAZETTEERS), choices=GAZETTEERS)
    ap.add_argument("--units", nargs="+", default=list(UNITS), choices=UNITS)
    ap.add_argument("--no-memory", action="store_true", help="skip the per-pipeline memory subprocesses")
    ap.add_argument("--scaling", type=int, nargs="*", default=[1, 4],
                    help="corpus repetitions for the memory-scaling table (Reuters, countries, sentences)")
    ap.add_argument("--child", nargs=5, metavar=("CORPUS", "GAZ", "UNIT", "PIPELINE", "REPEAT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        c, g, u, name, rep = args.child
        print(json.dumps(memory_child(c, g, u, name, int(rep))))
        return

    print("# gazetta co-occurrence benchmark\n")
    print("command: `python " + " ".join([os.path.relpath(__file__)] + sys.argv[1:]) + "`\n")
    print("machine:", json.dumps(machine_info()))
    print("versions:", json.dumps(versions(DISTS)), "\n")
    corpora = {c: read_texts(c) for c in args.corpora}
    for c, t in corpora.items():
        print(f"- {c}: {len(t):,} documents, {utf8_mb(t):.1f} MB UTF-8")
    rows: List[Dict[str, Any]] = []
    for which in args.gazetteers:
        gaz = read_gazetteer(which)
        import gazetta

        t0 = time.perf_counter()
        gazetta.Matcher(gaz)
        t_gz = time.perf_counter() - t0
        t0 = time.perf_counter()
        P = PeerMatcher(gaz)
        t_ac = time.perf_counter() - t0
        print(f"- {which}: {len(gaz):,} entities, {len(P.patterns):,} peer patterns; compile gazetta "
              f"{fmt_s(t_gz)}, ahocorasick_rs {fmt_s(t_ac)}")
        del P
        for corpus, texts in corpora.items():
            for unit in args.units:
                fns = pipelines(gaz, unit, None)
                for fn in fns.values():
                    warm(fn)
                timings = {k: Timing() for k in fns}
                cpu: Dict[str, List[float]] = {k: [] for k in fns}
                for _ in range(args.runs):
                    for k, fn in fns.items():  # interleaved: load drifts hit every pipeline alike
                        timings[k].run(cpu_timed(fn, cpu[k]), lambda: fresh_copies(texts))
                g = timings["gazetta"].median
                peers = [k for k in fns if k.startswith("ac_rs")]
                fastest = min(peers, key=lambda k: timings[k].median)
                print(f"\n{corpus} / {which} / {unit}: fastest composed peer = {fastest}; "
                      f"{agreement(timings['gazetta'].result, timings[fastest].result)}; loadavg "
                      f"{[round(x, 2) for x in os.getloadavg()]}")
                for k in fns:
                    mem = None
                    if not args.no_memory and not k.startswith("·"):
                        mem = measure_memory(corpus, which, unit, k)
                    rows.append({"corpus": corpus, "gazetteer": which, "unit": unit, "pipeline": k,
                                 "median": fmt_s(timings[k].median),
                                 "runs": ", ".join(f"{x * 1e3:.1f}" for x in timings[k].times),
                                 "x": "" if k.startswith("·") else f"{timings[k].median / g:.1f}×",
                                 "cpu": fmt_s(statistics.median(cpu[k])),
                                 "mem": None if mem is None else f"{mem:,.0f}",
                                 "rows": len(timings[k].result) if k.startswith(("gaz", "ac")) else None})
                for t in timings.values():
                    t.result = None
    print()
    print(markdown_table(rows, [("corpus", "corpus"), ("gazetteer", "gazetteer"), ("unit", "unit"),
                                ("pipeline", "pipeline"), ("median", "median"), ("runs", "runs (ms)"),
                                ("x", "time / gazetta"), ("cpu", "CPU (median)"), ("mem", "peak MB above baseline"),
                                ("rows", "pair rows")]))
    if args.scaling and not args.no_memory and "reuters" in corpora:
        print("\nMemory vs corpus size (Reuters repeated k times, countries, sentence units): the "
              "distinct pairs stay the same, the mentions grow k-fold.\n")
        srows = []
        for k in args.scaling:
            for name in ("gazetta", "ac_rs + scipy", "ac_rs + pandas merge"):
                srows.append({"k": k, "pipeline": name,
                              "mem": fmt_mb_or_none(measure_memory("reuters", "countries", "sentence", name, k))})
        print(markdown_table(srows, [("k", "repeat"), ("pipeline", "pipeline"), ("mem", "peak MB above baseline")]))


def cpu_timed(fn: Callable[[List[str]], Any], out: List[float]) -> Callable[[List[str]], Any]:
    """``fn`` that also appends the CPU seconds it used (all threads of the process): less
    sensitive than wall time to other processes on a shared machine."""
    def run(texts: List[str]) -> Any:
        c0 = time.process_time()
        res = fn(texts)
        out.append(time.process_time() - c0)
        return res
    return run


def fmt_mb_or_none(x: Optional[float]) -> Optional[str]:
    return None if x is None else f"{x:,.0f}"


if __name__ == "__main__":
    main()
