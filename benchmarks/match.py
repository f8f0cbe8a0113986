"""Gazetteer matching: gazetta against its peers on Reuters-21578 (the project's performance targets, docs/performance.md; issue 2, item 8).

Every pipeline goes end to end, from a Python list of str to a pandas DataFrame with one row
per (mention, entity): ``doc, start, end, entity`` (gazetta's ``mentions()`` returns more
columns: surface, name, kind, alias, ambiguous). Peers:

- ``ahocorasick_rs`` (MatchKind.LeftmostLongest, ``find_matches_as_indexes``: code-point
  offsets since 0.12) + a Python word-boundary filter;
- ``pyahocorasick`` (``Automaton.iter_long``: leftmost-longest) + the same filter;
- ``flashtext`` (``KeywordProcessor(case_sensitive=True)``; it checks word boundaries itself);
- spaCy's ``PhraseMatcher`` on ``spacy.blank("en")`` tokens, leftmost-longest among its
  matches; timed on a subset of documents only (it is slow) and compared in MB/s with gazetta
  on the same subset.

Gazetteers: the newsmap English countries (its 236 globs such as ``Kenyan*`` cannot be
expressed by the peers: they get the aliases without globs; gazetta runs both with and
without them) and the GeoNames cities (34k entities, ~219k distinct aliases).

Why the match counts differ between tools (checked by eye with the printed samples):

- *case*: gazetta's default ``case="smart"`` matches an alias as written or in all capitals.
  The peers get each alias plus its ``str.upper()`` form, which is the same thing (and about
  what gazetta compiles internally), so case is not a source of differences here;
- *globs*: only gazetta can match ``Kenyan*`` (Kenyan, Kenyans): compare the no-glob row;
- *normalisation*: gazetta compares after mapping any whitespace run to one space and
  apostrophe/dash variants to ``'``/``-`` (docs/matching.md, Normalised comparison). Reuters is hard-wrapped at ~70 columns,
  so "New\\nZealand" or "Hong\\n    Kong" are found by gazetta only;
- *boundary and overlap order*: gazetta resolves leftmost-longest among candidates that
  already satisfy the word boundaries (docs/matching.md, Overlaps: boundaries are checked before the longest match). The automaton peers pick the
  leftmost-longest raw occurrence first and filter afterwards, so a longer alias that fails
  its boundary hides a shorter one that would pass ("Congo Republics": gazetta finds
  "Congo", the peers find nothing), and an occurrence inside a word can hide an overlapping
  valid one further right;
- *what a word character is*: gazetta and the filter use Unicode letters, digits and marks;
  flashtext only ASCII letters, digits and ``_`` (so "é" ends a word for flashtext), and
  spaCy its tokenizer (``U.S.-led`` and similar are tokenised differently);
- *ambiguity*: an alias of several entities (GeoNames: "Victoria" x9) gives one row per
  entity in every pipeline; the ``spans`` column counts distinct (doc, start, end).

Run ``python benchmarks/match.py --help``. Peers are optional: missing ones are skipped with a
message (``pip install ahocorasick_rs pyahocorasick flashtext spacy``; psutil for RSS).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (SHARED, Timing, boundary_filtered, fmt_s, fresh_copies, load_corpus, machine_info,  # noqa: E402
                     markdown_table, peak_rss_since_reset, release_free_memory, reset_peak_rss, rss_bytes,
                     utf8_mb, versions)

CORPUS = os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz")
COUNTRIES = os.path.join(SHARED, "gazetteers", "newsmap", "english.yml")
CITIES = os.path.join(SHARED, "gazetteers", "geonames_cities.csv")

PEERS = ("ahocorasick_rs", "pyahocorasick", "flashtext", "spacy")
DISTS = ("gazetta", "ahocorasick_rs", "pyahocorasick", "flashtext", "spacy", "pandas", "numpy", "psutil")
SLOW_SECONDS = 3.0  # a pipeline slower than this per run gets the smaller run count


# --------------------------------------------------------------------------------------------
# Gazetteers and the peers' pattern tables
# --------------------------------------------------------------------------------------------
def read_gazetteer(which: str) -> Any:
    import gazetta

    if which == "countries":
        return gazetta.Gazetteer.read_yaml(COUNTRIES, levels=("continent", "region"), kind="country")
    return gazetta.Gazetteer.read_csv(CITIES)


def without_globs(gaz: Any) -> Any:
    """The same entities with every glob alias (``Kenyan*``) left out."""
    import gazetta

    g = gazetta.Gazetteer()
    for e in gaz:
        g.add(e.id, e.name, kind=e.kind, aliases=[a for a in e.aliases if not a.glob])
    return g


def _is_word(c: str) -> bool:
    """A word character (docs/matching.md, Word boundaries): a Unicode letter, digit or mark."""
    return c.isalnum() or unicodedata.category(c)[0] == "M"


@dataclass
class Patterns:
    """The peers' view of a glob-free gazetteer: one pattern per distinct string (each alias
    and its all-capitals form, as case="smart" matches both), the entities of each pattern
    (CSR layout) and whether each pattern needs a word boundary on its left/right."""

    entity_ids: List[str]
    patterns: List[str]
    ent_ptr: np.ndarray
    ent_flat: np.ndarray
    ent_cnt: np.ndarray
    left: List[bool]
    right: List[bool]
    n_aliases: int = 0
    by_entity: List[List[int]] = field(default_factory=list)


def peer_patterns(gaz: Any) -> Patterns:
    index: Dict[str, int] = {}
    ents: List[List[int]] = []
    n_aliases = 0
    ids = []
    for i, e in enumerate(gaz):
        ids.append(e.id)
        for a in e.aliases:
            if a.glob:
                raise ValueError(f"peers cannot express the glob {a.text!r}; pass the gazetteer without globs")
            if a.case not in (None, "smart", "sensitive") or a.fold_accents:
                raise ValueError(f"alias {a.text!r} has per-alias options the peers cannot follow")
            n_aliases += 1
            lit = a.literal
            # smart case: as written and in capitals; a case-sensitive alias ("Chad", the
            # built-in countries' guard against the given name "CHAD"): as written only
            forms = (lit,) if a.case == "sensitive" else (lit, lit.upper())
            for form in dict.fromkeys(forms):
                p = index.setdefault(form, len(index))
                if p == len(ents):
                    ents.append([])
                if i not in ents[p]:
                    ents[p].append(i)
    patterns = list(index)
    cnt = np.array([len(x) for x in ents], dtype=np.int64)
    ptr = np.zeros(len(ents) + 1, dtype=np.int64)
    np.cumsum(cnt, out=ptr[1:])
    flat = np.fromiter((i for x in ents for i in x), dtype=np.int64, count=int(cnt.sum()))
    return Patterns(ids, patterns, ptr, flat, cnt, [_is_word(p[0]) for p in patterns],
                    [_is_word(p[-1]) for p in patterns], n_aliases)


def to_frame(P: Patterns, doc: List[int], start: List[int], end: List[int], pid: List[int]) -> pd.DataFrame:
    """The peers' tuples as a DataFrame, one row per (span, entity) like gazetta's."""
    pid_a = np.asarray(pid, dtype=np.int64)
    cnt = P.ent_cnt[pid_a]
    row = np.repeat(np.arange(len(pid_a)), cnt)
    k = np.arange(len(row)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    codes = P.ent_flat[P.ent_ptr[pid_a][row] + k]
    return pd.DataFrame({
        "doc": np.asarray(doc, dtype=np.int64)[row],
        "start": np.asarray(start, dtype=np.int64)[row],
        "end": np.asarray(end, dtype=np.int64)[row],
        "entity": pd.Categorical.from_codes(codes, categories=P.entity_ids),
    })


# --------------------------------------------------------------------------------------------
# Pipelines: each factory compiles a matcher and returns run(texts) -> DataFrame
# --------------------------------------------------------------------------------------------
def make_gazetta(gaz: Any, n_threads: Optional[int]) -> Tuple[Callable[[List[str]], pd.DataFrame], Any]:
    import gazetta

    m = gazetta.Matcher(gaz, n_threads=n_threads)
    return (lambda texts: m.mentions(texts, progress=False)), m


def make_ahocorasick_rs(P: Patterns) -> Tuple[Callable[[List[str]], pd.DataFrame], Any]:
    import ahocorasick_rs

    ac = ahocorasick_rs.AhoCorasick(P.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    L, R = P.left, P.right

    def run(texts: List[str]) -> pd.DataFrame:
        docs, starts, ends, pids = boundary_filtered(ac.find_matches_as_indexes, texts, L, R)
        return to_frame(P, docs, starts, ends, pids)

    return run, ac


def make_pyahocorasick(P: Patterns) -> Tuple[Callable[[List[str]], pd.DataFrame], Any]:
    import ahocorasick

    if not ahocorasick.unicode:
        raise RuntimeError("pyahocorasick was built for bytes, not str")
    A = ahocorasick.Automaton()
    for i, p in enumerate(P.patterns):
        A.add_word(p, i)
    A.make_automaton()
    plen = [len(p) for p in P.patterns]

    def find(t: str) -> List[Tuple[int, int, int]]:
        return [(p, last + 1 - plen[p], last + 1) for last, p in A.iter_long(t)]

    def run(texts: List[str]) -> pd.DataFrame:
        return to_frame(P, *boundary_filtered(find, texts, P.left, P.right))

    return run, A


def make_flashtext(P: Patterns) -> Tuple[Callable[[List[str]], pd.DataFrame], Any]:
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=True)
    for i, p in enumerate(P.patterns):
        kp.add_keyword(p, i + 1)  # a falsy clean name (0) would be replaced by the keyword

    def run(texts: List[str]) -> pd.DataFrame:
        docs: List[int] = []
        starts: List[int] = []
        ends: List[int] = []
        pids: List[int] = []
        for d, t in enumerate(texts):
            if not t:
                continue
            for p, s, e in kp.extract_keywords(t, span_info=True):
                docs.append(d)
                starts.append(s)
                ends.append(e)
                pids.append(p - 1)
        return to_frame(P, docs, starts, ends, pids)

    return run, kp


def make_spacy(P: Patterns) -> Tuple[Callable[[List[str]], pd.DataFrame], Any]:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    pm = PhraseMatcher(nlp.vocab, attr="ORTH")
    key_to_pid: Dict[int, int] = {}
    for i, doc in enumerate(nlp.tokenizer.pipe(P.patterns)):
        key = f"p{i}"
        pm.add(key, [doc])
        key_to_pid[nlp.vocab.strings[key]] = i

    def run(texts: List[str]) -> pd.DataFrame:
        docs: List[int] = []
        starts: List[int] = []
        ends: List[int] = []
        pids: List[int] = []
        # The tokenizer alone (a blank pipeline has no other component): what nlp.pipe runs,
        # without the pipeline's per-document overhead.
        for d, doc in enumerate(nlp.tokenizer.pipe(texts, batch_size=256)):
            cur = -1
            # PhraseMatcher reports every (overlapping) match: keep leftmost-longest ones.
            for mid, s, e in sorted(pm(doc), key=lambda m: (m[1], -m[2])):
                if s < cur:
                    continue
                cur = e
                last = doc[e - 1]
                docs.append(d)
                starts.append(doc[s].idx)
                ends.append(last.idx + len(last))
                pids.append(key_to_pid[mid])
        return to_frame(P, docs, starts, ends, pids)

    return run, pm


PEER_FACTORIES = {
    "ahocorasick_rs": ("ahocorasick_rs", make_ahocorasick_rs, "ahocorasick_rs + boundary filter"),
    "pyahocorasick": ("ahocorasick", make_pyahocorasick, "pyahocorasick iter_long + boundary filter"),
    "flashtext": ("flashtext", make_flashtext, "flashtext (case-sensitive)"),
    "spacy": ("spacy", make_spacy, "spaCy PhraseMatcher (blank en)"),
}


def available(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


# --------------------------------------------------------------------------------------------
# Memory: measured in a child process so that nothing else shares the numbers
# --------------------------------------------------------------------------------------------
def memory_child(which: str, peers: Sequence[str]) -> Dict[str, Any]:
    gaz = read_gazetteer(which)
    nog = without_globs(gaz)
    P = peer_patterns(nog)
    keep: List[Any] = []
    out: Dict[str, Any] = {}

    def measure(name: str, build: Callable[[], Any]) -> None:
        release_free_memory()
        r0 = rss_bytes()
        has_peak = reset_peak_rss()
        obj = build()
        gc.collect()
        r1 = rss_bytes()
        peak = peak_rss_since_reset() if has_peak else None
        release_free_memory()
        r2 = rss_bytes()
        keep.append(obj)
        out[name] = {"rss_delta": r1 - r0, "rss_delta_trimmed": r2 - r0,
                     "peak_delta": None if peak is None else peak - r0}
        if hasattr(obj, "memory_bytes"):
            out[name]["memory_bytes"] = obj.memory_bytes

    import gazetta

    measure("gazetta", lambda: gazetta.Matcher(gaz))
    for peer in peers:
        module, factory, _ = PEER_FACTORIES[peer]
        measure(peer, lambda: factory(P))
    return out


def measure_memory(which: str, peers: Sequence[str]) -> Dict[str, Any]:
    cmd = [sys.executable, os.path.abspath(__file__), "--_memory", which, "--peers", ",".join(peers) or "none"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"  memory child failed: {r.stderr.strip()[-500:]}", file=sys.stderr)
        return {}
    return json.loads(r.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# Comparing the spans of two pipelines (so the match counts can be checked by eye)
# --------------------------------------------------------------------------------------------
def _spans(df: pd.DataFrame) -> set:
    return set(zip(df["doc"].to_numpy().tolist(), df["start"].to_numpy().tolist(), df["end"].to_numpy().tolist()))


def _context(texts: List[str], d: int, s: int, e: int, width: int = 30) -> str:
    t = texts[d]
    show = (t[max(0, s - width):s] + "[" + t[s:e] + "]" + t[e:e + width])
    return f"doc {d} {s}:{e}  …" + show.replace("\n", "⏎") + "…"


def _reason(texts: List[str], d: int, s: int, e: int, glob: bool, overlapped: bool) -> str:
    surf = texts[d][s:e]
    if glob:
        return "a glob alias (peers cannot express it)"
    if any(c.isspace() and c != " " for c in surf) or "  " in surf:
        return "line break / whitespace run inside the name (docs/matching.md, Normalised comparison)"
    if any(c in surf for c in "’‘‛ʼ`´′‐‑‒–—―−﹣－"):
        return "apostrophe/dash variant (docs/matching.md, Normalised comparison)"
    if overlapped:
        return "the other tool reports an overlapping span instead"
    return "nothing overlapping in the other tool"


def _overlapping(other: Dict[int, List[Tuple[int, int]]], texts: List[str], d: int, s: int, e: int, name: str) -> str:
    hits = [f"[{texts[d][a:b]}]" for a, b in other.get(d, ()) if a < e and s < b]
    return f"   ({name} has {', '.join(hits)} here)" if hits else ""


def compare(texts: List[str], a: pd.DataFrame, b: pd.DataFrame, name_a: str, name_b: str, n: int,
            seed: int = 0) -> Dict[str, Any]:
    """Spans found by one pipeline and not the other, tallied by likely reason, with samples."""
    sa, sb = _spans(a), _spans(b)
    only_a, only_b = sorted(sa - sb), sorted(sb - sa)
    rng = random.Random(seed)
    out: Dict[str, Any] = {"a": name_a, "b": name_b, "spans_a": len(sa), "spans_b": len(sb), "common": len(sa & sb),
                           "only_a": len(only_a), "only_b": len(only_b)}
    by_doc_a: Dict[int, List[Tuple[int, int]]] = {}
    by_doc_b: Dict[int, List[Tuple[int, int]]] = {}
    for d, s, e in sa:
        by_doc_a.setdefault(d, []).append((s, e))
    for d, s, e in sb:
        by_doc_b.setdefault(d, []).append((s, e))
    glob_spans = _spans(a[a["alias"].astype(str).str.endswith("*")]) if "alias" in a.columns else set()

    def tally(only: List[Tuple[int, int, int]], other: Dict[int, List[Tuple[int, int]]]) -> Dict[str, int]:
        reasons: Dict[str, int] = {}
        for d, s, e in only:
            ov = any(x < e and s < y for x, y in other.get(d, ()))
            r = _reason(texts, d, s, e, (d, s, e) in glob_spans, ov)
            reasons[r] = reasons.get(r, 0) + 1
        return reasons

    out["only_a_reasons"] = tally(only_a, by_doc_b)
    out["only_b_reasons"] = tally(only_b, by_doc_a)
    out["examples_only_a"] = [_context(texts, *x) + _overlapping(by_doc_b, texts, *x, name_b)
                              for x in rng.sample(only_a, min(n, len(only_a)))]
    out["examples_only_b"] = [_context(texts, *x) + _overlapping(by_doc_a, texts, *x, name_a)
                              for x in rng.sample(only_b, min(n, len(only_b)))]
    return out


def print_compare(c: Dict[str, Any]) -> None:
    print(f"\n  spans {c['a']}: {c['spans_a']:,}; {c['b']}: {c['spans_b']:,}; common {c['common']:,}; "
          f"only {c['a']}: {c['only_a']:,}; only {c['b']}: {c['only_b']:,}")
    for side in ("a", "b"):
        for r, k in sorted(c[f"only_{side}_reasons"].items(), key=lambda x: -x[1]):
            print(f"    only {c[side]}: {r}: {k:,}")
    print(f"  sample of spans only {c['a']} finds:")
    for x in c["examples_only_a"]:
        print("    " + x)
    print(f"  sample of spans only {c['b']} finds:")
    for x in c["examples_only_b"]:
        print("    " + x)


# --------------------------------------------------------------------------------------------
# One gazetteer
# --------------------------------------------------------------------------------------------
@dataclass
class Pipeline:
    key: str
    label: str
    threads: str
    run: Callable[[List[str]], pd.DataFrame]
    texts: List[str]
    compile_s: float
    target_runs: int
    timing: Timing = field(default_factory=Timing)
    subset: bool = False


def compile_median(factory: Callable[[], Tuple[Any, Any]], runs: int) -> Tuple[float, Any]:
    times = []
    res = None
    for _ in range(max(1, runs)):
        res = None
        gc.collect()
        t0 = time.perf_counter()
        res = factory()
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2], res


def bench_gazetteer(which: str, texts: List[str], args: argparse.Namespace, peers: Sequence[str]) -> Dict[str, Any]:
    print(f"\n## {which}: {'newsmap english.yml' if which == 'countries' else 'geonames_cities.csv'}")
    t0 = time.perf_counter()
    gaz = read_gazetteer(which)
    read_s = time.perf_counter() - t0
    nog = without_globs(gaz)
    P = peer_patterns(nog)
    n_alias = sum(len(e.aliases) for e in gaz)
    n_glob = sum(a.glob for e in gaz for a in e.aliases)
    print(f"  {len(gaz):,} entities, {n_alias:,} aliases ({n_glob:,} globs; read in {read_s:.2f} s); "
          f"peers: {P.n_aliases:,} aliases -> {len(P.patterns):,} patterns with the all-caps forms")

    spacy_n = min(args.spacy_docs, len(texts))
    spacy_texts = texts[:spacy_n]
    pipes: List[Pipeline] = []
    cr = args.compile_runs
    for label, g in (("gazetta", gaz), ("gazetta, no globs", nog)):
        for threads in (None, 1):
            c, (run, m) = compile_median(lambda: make_gazetta(g, threads), cr)
            key = ("gazetta" if g is gaz else "gazetta_noglob") + ("_1" if threads == 1 else "_all")
            pipes.append(Pipeline(key, label, "1" if threads == 1 else f"all ({machine_info()['nproc']})", run,
                                  texts, c, args.runs))
    want_spacy = "spacy" in peers and which == "countries"
    if want_spacy:
        for threads in (None, 1):
            run = pipes[2 if threads is None else 3].run
            pipes.append(Pipeline("gazetta_noglob" + ("_1" if threads == 1 else "_all") + "_subset",
                                  "gazetta, no globs", "1" if threads == 1 else f"all ({machine_info()['nproc']})",
                                  run, spacy_texts, pipes[2 if threads is None else 3].compile_s, args.runs,
                                  subset=True))
    for peer in peers:
        module, factory, label = PEER_FACTORIES[peer]
        if peer == "spacy" and which != "countries":
            print("  spacy: skipped for cities (the project's targets set no city target for it; it compiles ~420k phrase "
                  "patterns for minutes)")
            continue
        try:
            c, (run, _) = compile_median(lambda: factory(P), 1 if peer == "spacy" else cr)
        except Exception as exc:  # a broken peer is reported, not fatal
            print(f"  {peer}: skipped, it failed to compile: {exc!r}")
            continue
        pipes.append(Pipeline(peer, label, "1", run, spacy_texts if peer == "spacy" else texts, c,
                              args.slow_runs if peer == "spacy" else args.runs, subset=peer == "spacy"))

    # Interleave the pipelines run by run, on fresh copies of the texts each time.
    rnd = 0
    while True:
        todo = [p for p in pipes if len(p.timing.times) < p.target_runs]
        if not todo:
            break
        rnd += 1
        for p in todo:
            dt = p.timing.run(p.run, lambda: fresh_copies(p.texts))
            if len(p.timing.times) == 1 and dt > SLOW_SECONDS:
                p.target_runs = min(p.target_runs, args.slow_runs)
            print(f"  run {rnd}: {p.key:<26} {dt:8.3f} s", flush=True)

    mb_full = utf8_mb(texts)
    mb_sub = utf8_mb(spacy_texts)
    by_key = {p.key: p for p in pipes}
    rows = []
    for p in pipes:
        mb = mb_sub if p.subset else mb_full
        df = p.timing.result
        row = {
            "pipeline": p.label + (" (first %d docs)" % len(p.texts) if p.subset else ""),
            "key": p.key, "threads": p.threads, "docs": len(p.texts), "mb": round(mb, 2),
            "median_s": p.timing.median, "runs": len(p.timing.times), "times": p.timing.times,
            "mb_s": mb / p.timing.median, "rows": len(df), "spans": len(_spans(df)), "compile_s": p.compile_s,
            "cpu_median_s": p.timing.cpu_median, "cpu_times": p.timing.cpu,
        }
        if p.key in PEERS:
            suffix = "_subset" if p.subset else ""
            for t in ("1", "all"):
                ref = by_key.get(f"gazetta_noglob_{t}{suffix}")
                if ref is not None:
                    row[f"ratio_{t}"] = ref.timing.median and (mb / ref.timing.median) / row["mb_s"]
            ref = by_key.get(f"gazetta_noglob_1{suffix}")
            if ref is not None:
                # CPU seconds of the peer over those of gazetta on one thread (same documents).
                row["ratio_1_cpu"] = p.timing.cpu_median / ref.timing.cpu_median
        rows.append(row)

    comparisons = []
    ref = by_key["gazetta_noglob_all"].timing.result
    glob_ref = by_key["gazetta_all"].timing.result
    print("\n### Where the counts differ (samples drawn at random, seed 0)")
    c = compare(texts, glob_ref, ref, "gazetta", "gazetta-no-globs", args.examples)
    print_compare(c)
    comparisons.append(c)
    for peer in ("ahocorasick_rs", "flashtext"):
        if peer in by_key and not by_key[peer].subset:
            c = compare(texts, ref, by_key[peer].timing.result, "gazetta-no-globs", peer, args.examples)
            print_compare(c)
            comparisons.append(c)
    if "spacy" in by_key:
        c = compare(spacy_texts, by_key["gazetta_noglob_all_subset"].timing.result, by_key["spacy"].timing.result,
                    "gazetta-no-globs", "spacy", args.examples)
        print_compare(c)
        comparisons.append(c)

    mem = measure_memory(which, [p for p in peers if p in by_key and p != "spacy"]) if not args.no_memory else {}
    return {"gazetteer": which, "entities": len(gaz), "aliases": n_alias, "globs": n_glob,
            "peer_aliases": P.n_aliases, "peer_patterns": len(P.patterns), "mb": mb_full,
            "spacy_docs": spacy_n, "spacy_mb": mb_sub, "rows": rows, "comparisons": comparisons, "memory": mem}


def _ratio(x: Optional[float]) -> Optional[str]:
    return None if x is None else f"{x:,.1f}×"


def print_tables(res: Dict[str, Any]) -> str:
    rows = []
    for r in res["rows"]:
        rows.append({
            "pipeline": r["pipeline"], "threads": r["threads"], "mb_s": f"{r['mb_s']:,.2f}" if r["mb_s"] < 10 else
            f"{r['mb_s']:,.1f}", "median": fmt_s(r["median_s"]), "runs": r["runs"], "rows": f"{r['rows']:,}",
            "spans": f"{r['spans']:,}", "compile": fmt_s(r["compile_s"]), "r1": _ratio(r.get("ratio_1")),
            "rall": _ratio(r.get("ratio_all")), "cpu": fmt_s(r["cpu_median_s"]), "r1cpu": _ratio(r.get("ratio_1_cpu")),
        })
    t = markdown_table(rows, [("pipeline", "pipeline"), ("threads", "threads"), ("mb_s", "MB/s"),
                              ("median", "median time"), ("runs", "runs"), ("rows", "matches (rows)"),
                              ("spans", "spans"), ("compile", "compile"),
                              ("r1", "gazetta 1 thread / peer"), ("rall", "gazetta all cores / peer"),
                              ("cpu", "median CPU time"), ("r1cpu", "gazetta 1 thread / peer, CPU")])
    mem_rows = []
    for name, m in res.get("memory", {}).items():
        mem_rows.append({"m": name, "mb": None if "memory_bytes" not in m else f"{m['memory_bytes'] / 1e6:,.1f}",
                         "rss": f"{m['rss_delta'] / 1e6:,.1f}", "trim": f"{m['rss_delta_trimmed'] / 1e6:,.1f}",
                         "peak": None if m["peak_delta"] is None else f"{m['peak_delta'] / 1e6:,.1f}"})
    mt = markdown_table(mem_rows, [("m", "compiled matcher"), ("mb", "Matcher.memory_bytes (MB)"),
                                   ("rss", "RSS delta (MB)"), ("trim", "RSS delta after malloc_trim (MB)"),
                                   ("peak", "peak RSS while compiling, over the start (MB)")]) \
        if mem_rows else "(memory not measured)"
    return t + "\n\n" + mt


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a subset of the corpus and fewer runs (a smoke test)")
    ap.add_argument("--json", metavar="OUT", help="also write every figure to this JSON file")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--only", choices=("countries", "cities"), help="run one gazetteer only")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated peers (default: all)")
    ap.add_argument("--runs", type=int, help="runs of fast pipelines (default 5; --quick 2)")
    ap.add_argument("--slow-runs", type=int, help=f"runs of pipelines slower than {SLOW_SECONDS:.0f} s (default 3; --quick 1)")
    ap.add_argument("--compile-runs", type=int, help="compilations timed per matcher (default 3; --quick 1)")
    ap.add_argument("--docs", type=int, help="use only the first N documents (default all; --quick 3000)")
    ap.add_argument("--spacy-docs", type=lambda v: 0 if v == "all" else int(v),
                    help="documents for spaCy, or 'all' for the whole corpus (default 2000; --quick 300)")
    ap.add_argument("--examples", type=int, default=5, help="differing spans printed per direction")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory measurement (a child process)")
    ap.add_argument("--_memory", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    peers = [p for p in args.peers.split(",") if p and p != "none"]
    for p in peers:
        if p not in PEERS:
            ap.error(f"unknown peer {p!r}; choose from {', '.join(PEERS)}")
    if args._memory:
        print(json.dumps(memory_child(args._memory, [p for p in peers if available(PEER_FACTORIES[p][0])])))
        return 0

    q = args.quick
    args.runs = args.runs or (2 if q else 5)
    args.slow_runs = args.slow_runs or (1 if q else 3)
    args.compile_runs = args.compile_runs or (1 if q else 3)
    args.docs = args.docs or (3000 if q else None)
    if args.spacy_docs is None:
        args.spacy_docs = 300 if q else 2000
    elif args.spacy_docs == 0:
        args.spacy_docs = 10 ** 12  # 'all': every document of the corpus

    import gazetta

    ok_peers = []
    for p in peers:
        if available(PEER_FACTORIES[p][0]):
            ok_peers.append(p)
        else:
            print(f"peer {p}: not installed, skipped (pip install {p})")
    info = machine_info()
    vers = versions(DISTS)
    command = "python " + " ".join([os.path.relpath(os.path.abspath(__file__))] + list(argv if argv is not None
                                                                                         else sys.argv[1:]))
    print(f"# gazetta matching benchmark — {info['date']}")
    print(f"command: {command}")
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['mem_gb']} GB, {info['os']}, "
          f"Python {info['python']}; load average {info['loadavg']}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in vers.items() if v))
    try:
        so = os.path.join(os.path.dirname(gazetta.__file__), [f for f in os.listdir(os.path.dirname(gazetta.__file__))
                                                              if f.startswith("_core.")][0])
        head = subprocess.run(["git", "-C", os.path.dirname(gazetta.__file__), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        info["gazetta_build"] = f"git {head}, extension built {time.strftime('%Y-%m-%d %H:%M', time.localtime(os.path.getmtime(so)))}"
        print(f"gazetta: {gazetta.__file__} ({info['gazetta_build']})")
    except (OSError, IndexError):
        pass
    texts = load_corpus(args.corpus, limit=args.docs)
    print(f"corpus: {os.path.basename(args.corpus)}, {len(texts):,} documents "
          f"({sum(1 for t in texts if t):,} non-empty), {utf8_mb(texts):.2f} MB UTF-8")
    print("MB/s = UTF-8 MB (10^6 bytes) of text / median seconds, end to end from list[str] to DataFrame;"
          " ratios are gazetta without globs (same aliases as the peers) over the peer")

    results = []
    for which in ("countries", "cities"):
        if args.only and which != args.only:
            continue
        res = bench_gazetteer(which, texts, args, ok_peers)
        results.append(res)
        print(f"\n### {which} results\n")
        if res["spacy_docs"] and "spacy" in [r["key"] for r in res["rows"]]:
            print(f"spaCy was timed on the first {res['spacy_docs']:,} documents ({res['spacy_mb']:.2f} MB) and is "
                  f"compared in MB/s with gazetta on the same documents.\n")
        print(print_tables(res))
    info["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    print(f"\nload average at the end: {info['loadavg_end']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"command": command, "machine": info, "versions": vers, "results": results}, f, indent=1,
                      default=str)
        print(f"wrote {args.json}")
    del gazetta
    return 0


if __name__ == "__main__":
    sys.exit(main())
