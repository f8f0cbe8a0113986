"""The strongest peers a determined user can build, against gazetta (issue 23, item 1).

``match.py`` and ``cooccur.py`` compare gazetta with peers used the way most people use them
(a Python loop over each document's matches). This script builds the peers as well as a
determined user would, with the same output as gazetta so that the times compare like with like:

**Matching** (``python benchmarks/peers.py match``): from a Python ``list[str]`` to a DataFrame
``doc, start, end, entity`` (code-point offsets, one row per entity of an ambiguous span):

- ``hyperscan`` (PyPI): a literal database (``literal=True``, ``HS_FLAG_SOM_LEFTMOST`` so every
  match reports its start), block mode, either **one scan over the joined corpus** (documents
  encoded one by one, ``b"\\n".join``) or **one scan per document**; the match callback only
  appends ``(id, from, to)`` to a list (the binding calls back into Python for every raw match);
- ``daachorse`` (PyPI): ``DoubleArrayAhoCorasick`` (byte-wise double array) with
  ``find_overlapping`` over the joined UTF-8 corpus (key ``daachorse``), or leftmost-longest
  ``find`` (``daachorse_ll``; in two threads over the two halves of the corpus:
  ``daachorse_ll_2t``);
- ``ahocorasick_rs``: ``BytesAhoCorasick`` (DFA) with ``find_matches_as_indexes`` over the
  joined UTF-8 corpus, overlapping (``ac_rs_bytes``) or leftmost-longest (``ac_rs_bytes_ll``,
  ``ac_rs_bytes_ll_2t``); both bindings release the GIL while they scan;
- ``polars``: ``str.find_many(overlapping=True)`` (byte offsets) and ``str.extract_many`` (which
  pattern) on a ``pl.Series`` of the documents; polars runs on every core;
- for reference, ``ahocorasick_rs`` as match.py uses it (``str`` per document, leftmost-longest,
  Python boundary filter; ``ac_rs_str``), the join alone (``join``) and the join + hyperscan's
  scan with a callback that does nothing (``hs_raw``).

Every overlapping-match peer then goes through the same **numpy post-processing**
(:func:`select_spans`): the word-boundary filter vectorised over the byte before and after each
raw match (an ASCII look-up table; the few neighbours that are non-ASCII are decoded in Python),
then leftmost-longest selection among the survivors (sort by start and descending end, the
longest per start, a running maximum of the ends; only the clusters of overlapping candidates
are resolved in a Python loop), then byte → code-point offsets (continuation bytes counted with
``np.searchsorted``) and documents (``np.searchsorted`` on the document starts). This is
gazetta's own order (docs/matching.md, Overlaps: boundaries are checked before the longest
match), so these peers output the same spans as gazetta except where gazetta normalises
whitespace or punctuation (``New⏎York``); the agreement is measured and printed.

**Co-occurrence** (``python benchmarks/peers.py cooccur``): sentence level, ``count="units"``,
from ``list[str]`` to the pair table of ``cooccur.py`` (``a, b, n_ab, n_a, n_b, n`` + measures).
The composed pipeline: the matching peer above (spans in the joined UTF-8 buffer) → sentence
ends found with numpy on the same buffer (``. ! ?`` followed by whitespace and an upper-case
letter, digit or quote; blank lines; document starts) → each mention's sentence with
``np.searchsorted`` → binary sentence × entity matrix, ``X.T @ X`` with ``scipy.sparse`` → table.
The sentences are not gazetta's (a much shorter abbreviation list), so the pair counts differ a
little; the agreement of the pair rows is printed. The leftmost-longest peers filter boundaries
after the longest choice (as match.py's peers), the overlapping ones before it (as gazetta).

Single-thread and all-core figures are reported separately: gazetta with ``n_threads=1`` and
with all cores; the peers are single-threaded except polars (all cores). Every pipeline runs
on fresh ``str`` objects, interleaved run by run in one process; medians of ``--runs`` runs.
The load average (``os.getloadavg``, what ``uptime`` prints) is recorded before and after
every table; on a shared machine compare the **ratios** (measured in the same run) rather than
the absolute MB/s.

Peers are optional: a missing one is skipped with the reason (``pip install "gazetta[bench]"``
or ``pip install hyperscan daachorse polars ahocorasick_rs scipy``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import unicodedata
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (SHARED, Timing, fmt_s, fresh_copies, load_corpus, machine_info, markdown_table,  # noqa: E402
                     typographic, utf8_mb, versions)
import match as _match  # noqa: E402  (gazetteers and the peers' pattern tables)

CORPORA = {
    "reuters": os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz"),
    "bbc": os.path.join(SHARED, "corpora", "bbc_news.jsonl.gz"),
}
DISTS = ("gazetta", "hyperscan", "daachorse", "ahocorasick_rs", "polars", "scipy", "numpy", "pandas")
SEP = b"\n"  # between documents in the joined buffer: not a word character, so no match bridges two documents

# ASCII word characters (docs/matching.md, Word boundaries: Unicode letters, digits and marks)
_WORD = np.zeros(256, dtype=bool)
for _c in range(128):
    _WORD[_c] = chr(_c).isalnum()


def _is_word_char(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c)[0] == "M"


# --------------------------------------------------------------------------------------------
# The joined corpus
# --------------------------------------------------------------------------------------------
class Joined:
    """The documents as one UTF-8 buffer (``SEP`` between them) with the byte offset where each
    document starts and what is needed to turn byte offsets into code-point offsets."""

    def __init__(self, texts: Sequence[str]) -> None:
        # Encoding document by document is much faster than encoding one joined str when a
        # single document is non-ASCII (the joined str would be UCS-2/UCS-4 as a whole).
        enc = [t.encode("utf-8") for t in texts]
        self.buf = SEP.join(enc)
        self.arr = np.frombuffer(self.buf, dtype=np.uint8)
        lens = np.fromiter(map(len, enc), dtype=np.int64, count=len(enc))
        self.starts = np.zeros(len(enc), dtype=np.int64)
        np.cumsum(lens[:-1] + len(SEP), out=self.starts[1:])
        self.ascii = all(map(str.isascii, texts))
        self._cont: Optional[np.ndarray] = None

    @classmethod
    def from_arrow(cls, data: np.ndarray, starts: np.ndarray, ascii_: bool) -> "Joined":
        j = cls.__new__(cls)
        j.buf = None
        j.arr = data
        j.starts = starts
        j.ascii = ascii_
        j._cont = None
        return j

    def cont(self) -> np.ndarray:
        """Sorted positions of the UTF-8 continuation bytes (empty for ASCII)."""
        if self._cont is None:
            if self.ascii:
                self._cont = np.zeros(0, dtype=np.int64)
            else:
                hi = np.flatnonzero(self.arr >= 0x80)
                self._cont = hi[(self.arr[hi] & 0xC0) == 0x80]
        return self._cont

    def to_docs(self, s: np.ndarray, e: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(doc, start, end) in code points within each document, from byte offsets in the buffer."""
        doc = np.searchsorted(self.starts, s, side="right") - 1
        base = self.starts[doc]
        if self.ascii:
            return doc, s - base, e - base
        c = self.cont()
        cb = np.searchsorted(c, base)
        return doc, s - base - (np.searchsorted(c, s) - cb), e - base - (np.searchsorted(c, e) - cb)


def _char_before(arr: np.ndarray, i: int) -> str:
    j = i - 1
    while j > 0 and (arr[j] & 0xC0) == 0x80:
        j -= 1
    return bytes(arr[j:i]).decode("utf-8", "replace")[:1]


def _char_at(arr: np.ndarray, i: int) -> str:
    return bytes(arr[i:i + 4]).decode("utf-8", "ignore")[:1]


def select_spans(arr: np.ndarray, pid: np.ndarray, s: np.ndarray, e: np.ndarray, left: np.ndarray,
                 right: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """gazetta's span rule on raw overlapping matches (byte offsets into ``arr``): word boundaries
    first, then leftmost-longest. ``left[pid]`` / ``right[pid]``: the pattern begins / ends with a
    word character, so that side needs a boundary. Returns ``(pid, s, e)`` sorted by start."""
    n = len(arr)
    ok = np.ones(len(s), dtype=bool)
    # left side: the byte before the match
    need = left[pid] & (s > 0)
    idx = np.flatnonzero(need)
    b = arr[s[idx] - 1]
    bad = _WORD[b]
    hi = idx[b >= 0x80]
    ok[idx[bad]] = False
    for i in hi:  # the previous character is non-ASCII: decode it
        if _is_word_char(_char_before(arr, int(s[i]))):
            ok[i] = False
    # right side: the byte after the match
    need = right[pid] & (e < n)
    idx = np.flatnonzero(need)
    b = arr[e[idx]]
    ok[idx[_WORD[b]]] = False
    for i in idx[b >= 0x80]:
        if _is_word_char(_char_at(arr, int(e[i]))):
            ok[i] = False
    pid, s, e = pid[ok], s[ok], e[ok]
    # leftmost-longest among the survivors
    o = np.lexsort((-e, s))
    pid, s, e = pid[o], s[o], e[o]
    if len(s) == 0:
        return pid, s, e
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    pid, s, e = pid[first], s[first], e[first]
    cm = np.maximum.accumulate(e)
    free = np.ones(len(s), dtype=bool)
    free[1:] = s[1:] >= cm[:-1]  # not overlapped by any earlier candidate: it starts a cluster
    keep = free.copy()
    # clusters of more than one candidate: resolve greedily (few)
    lone = np.ones(len(s), dtype=bool)
    lone[:-1] = free[1:]
    for head in np.flatnonzero(free & ~lone):
        cur = e[head]
        j = head + 1
        while j < len(s) and not free[j]:
            if s[j] >= cur:
                keep[j] = True
                cur = e[j]
            j += 1
    return pid[keep], s[keep], e[keep]


# --------------------------------------------------------------------------------------------
# Matching peers: each returns run(texts) -> (Joined, pid, s, e) with s/e byte offsets in Joined
# --------------------------------------------------------------------------------------------
def _threaded(find: Callable[[Any], np.ndarray], threads: int) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
    """run(texts) over the joined buffer cut into ``threads`` parts at document starts, each
    part scanned by ``find(bytes) -> rows (pid, start, end)`` in a thread pool."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(threads) if threads > 1 else None

    def raw(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
        J = Joined(texts)
        if pool is None:
            m = find(J.buf)
        else:
            cuts = [0] + [int(J.starts[np.searchsorted(J.starts, len(J.buf) * k // threads)])
                          if np.searchsorted(J.starts, len(J.buf) * k // threads) < len(J.starts) else len(J.buf)
                          for k in range(1, threads)] + [len(J.buf)]
            buf = J.buf  # daachorse takes bytes only: each part is a copy (a memcpy)
            parts = list(pool.map(lambda ab: find(buf[ab[0]:ab[1]]) + np.array([0, ab[0], ab[0]]),
                                  [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]))
            m = np.concatenate(parts) if parts else np.zeros((0, 3), dtype=np.int64)
        return J, m[:, 0], m[:, 1], m[:, 2]

    return raw


class PeerSet:
    """The pattern table of a glob-free gazetteer (match.py's :class:`Patterns`) and the
    peers compiled on it."""

    def __init__(self, gaz: Any) -> None:
        self.P = _match.peer_patterns(gaz)
        self.left = np.asarray(self.P.left, dtype=bool)
        self.right = np.asarray(self.P.right, dtype=bool)
        self.bpat = [p.encode("utf-8") for p in self.P.patterns]
        self.blen = np.fromiter(map(len, self.bpat), dtype=np.int64, count=len(self.bpat))
        self.compile_s: Dict[str, float] = {}

    # each maker compiles and returns the raw finder, or raises ImportError
    def hyperscan(self, per_doc: bool) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
        import hyperscan

        db = getattr(self, "_hs_db", None)
        if db is None:  # one database for both variants
            t0 = time.perf_counter()
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            db.compile(expressions=self.bpat, ids=list(range(len(self.bpat))), elements=len(self.bpat),
                       flags=hyperscan.HS_FLAG_SOM_LEFTMOST, literal=True)
            self.compile_s["hyperscan"] = time.perf_counter() - t0
            self._hs_db = db

        def raw_joined(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            J = Joined(texts)
            ids: List[int] = []
            fr: List[int] = []
            to: List[int] = []
            a, b, c = ids.append, fr.append, to.append

            def on_match(i: int, f: int, t: int, flags: int, ctx: Any) -> None:
                a(i)
                b(f)
                c(t)

            db.scan(J.buf, match_event_handler=on_match)
            return J, np.array(ids, dtype=np.int64), np.array(fr, dtype=np.int64), np.array(to, dtype=np.int64)

        def raw_per_doc(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            J = Joined(texts)  # the encoded documents, for the boundary check and the offsets
            ids: List[int] = []
            fr: List[int] = []
            to: List[int] = []
            a, b, c = ids.append, fr.append, to.append
            buf = J.buf

            def on_match(i: int, f: int, t: int, flags: int, base: int) -> None:
                a(i)
                b(base + f)
                c(base + t)

            for st, ln in zip(J.starts.tolist(), np.diff(np.append(J.starts, len(buf) + len(SEP))).tolist()):
                if ln > len(SEP):
                    db.scan(buf[st:st + ln - len(SEP)], match_event_handler=on_match, context=st)
            return J, np.array(ids, dtype=np.int64), np.array(fr, dtype=np.int64), np.array(to, dtype=np.int64)

        return raw_per_doc if per_doc else raw_joined

    def daachorse(self) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
        import daachorse

        t0 = time.perf_counter()
        pma = daachorse.DoubleArrayAhoCorasick(self.bpat)
        self.compile_s["daachorse"] = time.perf_counter() - t0

        def raw(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            J = Joined(texts)
            m = np.array(pma.find_overlapping(J.buf), dtype=np.int64).reshape(-1, 3)
            return J, m[:, 2], m[:, 0], m[:, 1]

        return raw

    def daachorse_ll(self, threads: int = 1) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
        """Leftmost-longest (non-overlapping) matches: far fewer raw matches than overlapping
        ones, but the boundary filter then runs after the longest choice (spans differ a little).
        With ``threads`` > 1 the joined buffer is cut at document starts into that many parts,
        scanned in a thread pool (the binding releases the GIL while it scans)."""
        import daachorse

        t0 = time.perf_counter()
        pma = daachorse.DoubleArrayAhoCorasick(self.bpat, match_kind=daachorse.MATCH_KIND_LEFTMOST_LONGEST)
        self.compile_s["daachorse_ll"] = time.perf_counter() - t0

        def find(buf: Any) -> np.ndarray:
            m = np.array(pma.find(buf), dtype=np.int64).reshape(-1, 3)
            return m[:, [2, 0, 1]]

        return _threaded(find, threads)

    def ac_rs_bytes_ll(self, threads: int) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
        """``ac_rs_bytes(overlapping=False)`` in a thread pool over parts of the joined buffer."""
        import ahocorasick_rs

        ac = ahocorasick_rs.BytesAhoCorasick(self.bpat, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                             implementation=ahocorasick_rs.Implementation.DFA)

        def find(buf: Any) -> np.ndarray:
            return np.array(ac.find_matches_as_indexes(buf), dtype=np.int64).reshape(-1, 3)

        return _threaded(find, threads)

    def ac_rs_bytes(self, overlapping: bool = True) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
        import ahocorasick_rs

        key = "ac_rs_bytes" if overlapping else "ac_rs_bytes_ll"
        kind = ahocorasick_rs.MatchKind.Standard if overlapping else ahocorasick_rs.MatchKind.LeftmostLongest
        t0 = time.perf_counter()
        ac = ahocorasick_rs.BytesAhoCorasick(self.bpat, matchkind=kind, implementation=ahocorasick_rs.Implementation.DFA)
        self.compile_s[key] = time.perf_counter() - t0

        def raw(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            J = Joined(texts)
            m = np.array(ac.find_matches_as_indexes(J.buf, overlapping=overlapping), dtype=np.int64).reshape(-1, 3)
            return J, m[:, 0], m[:, 1], m[:, 2]

        return raw

    def polars(self) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
        import polars as pl

        pats = self.P.patterns
        lookup = pl.DataFrame({"m": pats, "pid": np.arange(len(pats), dtype=np.int64)})
        self.compile_s["polars"] = 0.0  # polars builds its automaton inside every call

        def raw(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            s = pl.Series("t", texts, dtype=pl.String)
            df = pl.DataFrame({
                "doc": pl.int_range(0, len(texts), eager=True, dtype=pl.Int64),
                "off": s.str.find_many(pats, overlapping=True),
                "m": s.str.extract_many(pats, overlapping=True),
            }).explode(["off", "m"]).drop_nulls("off").join(lookup, on="m", how="left", maintain_order="left")
            # the documents' bytes for the boundary check: one joined buffer (polars keeps its own
            # string views; a user needs the bytes in one array for numpy)
            J = Joined(texts)
            doc = df["doc"].to_numpy()
            pid = df["pid"].to_numpy()
            st = J.starts[doc] + df["off"].to_numpy().astype(np.int64)
            return J, pid, st, st + self.blen[pid]

        return raw

    def frame(self, J: Joined, pid: np.ndarray, s: np.ndarray, e: np.ndarray) -> pd.DataFrame:
        pid, s, e = select_spans(J.arr, pid, s, e, self.left, self.right)
        doc, cs, ce = J.to_docs(s, e)
        return _match.to_frame(self.P, doc, cs, ce, pid)


PEER_MODULES = {"hyperscan": "hyperscan", "hyperscan_doc": "hyperscan", "daachorse": "daachorse",
                "daachorse_ll": "daachorse", "ac_rs_bytes_ll": "ahocorasick_rs",
                "daachorse_ll_2t": "daachorse", "ac_rs_bytes_ll_2t": "ahocorasick_rs",
                "ac_rs_bytes": "ahocorasick_rs", "polars": "polars", "ac_rs_str": "ahocorasick_rs",
                "join": "numpy", "hs_raw": "hyperscan"}
PEER_LABELS = {
    "hyperscan": "hyperscan, one block scan over the joined corpus + numpy boundary/leftmost-longest",
    "hyperscan_doc": "hyperscan, one block scan per document + numpy boundary/leftmost-longest",
    "daachorse": "daachorse DoubleArrayAhoCorasick.find_overlapping, joined + numpy",
    "ac_rs_bytes": "ahocorasick_rs BytesAhoCorasick DFA overlapping, joined + numpy",
    "daachorse_ll": "daachorse leftmost-longest, joined + numpy boundary filter (after the longest choice)",
    "ac_rs_bytes_ll": "ahocorasick_rs BytesAhoCorasick DFA leftmost-longest, joined + numpy boundary filter (after)",
    "daachorse_ll_2t": "daachorse leftmost-longest, joined, two halves in two threads + numpy",
    "ac_rs_bytes_ll_2t": "ahocorasick_rs bytes DFA leftmost-longest, joined, two halves in two threads + numpy",
    "polars": "polars str.find_many/extract_many (all cores) + numpy",
    "ac_rs_str": "ahocorasick_rs per document, leftmost-longest + Python filter (match.py)",
    "join": "· reference: the join alone (encode each document, b'\\n'.join)",
    "hs_raw": "· reference: hyperscan scan of the joined buffer alone, callback does nothing (no boundaries, no output)",
}
REFERENCE = ("join", "hs_raw")  # timed for the record; no output to compare


def missing_reason(module: str) -> Optional[str]:
    import importlib.util

    return None if importlib.util.find_spec(module) is not None else f"{module} is not installed (pip install {module})"


def make_raw(ps: PeerSet, key: str) -> Callable[[List[str]], Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]]:
    if key == "hyperscan":
        return ps.hyperscan(per_doc=False)
    if key == "hyperscan_doc":
        return ps.hyperscan(per_doc=True)
    if key == "daachorse":
        return ps.daachorse()
    if key == "ac_rs_bytes":
        return ps.ac_rs_bytes()
    if key == "ac_rs_bytes_ll":
        return ps.ac_rs_bytes(overlapping=False)
    if key == "ac_rs_bytes_ll_2t":
        return ps.ac_rs_bytes_ll(threads=2)
    if key == "daachorse_ll_2t":
        return ps.daachorse_ll(threads=2)
    if key == "daachorse_ll":
        return ps.daachorse_ll()
    if key == "polars":
        return ps.polars()
    if key == "hs_raw":
        ps.hyperscan(per_doc=False)
        db = ps._hs_db

        def raw(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            J = Joined(texts)
            db.scan(J.buf, match_event_handler=lambda *a: None)
            z = np.zeros(0, dtype=np.int64)
            return J, z, z, z
        return raw
    if key == "join":
        def join(texts: List[str]) -> Tuple[Joined, np.ndarray, np.ndarray, np.ndarray]:
            z = np.zeros(0, dtype=np.int64)
            return Joined(texts), z, z, z
        return join
    raise KeyError(key)


def _spans(df: pd.DataFrame) -> set:
    return set(zip(df["doc"].to_numpy().tolist(), df["start"].to_numpy().tolist(), df["end"].to_numpy().tolist()))


def span_agreement(g: pd.DataFrame, p: pd.DataFrame) -> Dict[str, Any]:
    sg, sp = _spans(g), _spans(p)
    common = len(sg & sp)
    return {"gazetta_spans": len(sg), "peer_spans": len(sp), "common": common,
            "of_gazetta": common / max(1, len(sg)), "of_peer": common / max(1, len(sp)),
            "only_gazetta": sorted(sg - sp)[:3], "only_peer": sorted(sp - sg)[:3]}


def corpus_texts(name: str, limit: Optional[int] = None, typeset: bool = False) -> List[str]:
    """The texts of corpus ``name``, set with typographic quotes and dashes when ``typeset``."""
    texts = load_corpus(CORPORA[name], limit=limit)
    return typographic(texts) if typeset else texts


def timed_runs(pipes: Dict[str, Callable[[List[str]], Any]], texts: List[str], runs: int) -> Tuple[Dict[str, Timing], Dict[str, List[float]]]:
    """Every pipeline ``runs`` times, interleaved run by run, on fresh copies of the texts: wall
    times (:class:`Timing`) and CPU seconds of the process (all threads). After a warm-up call
    on the first 200 documents (the first call of a pipeline pays one-off costs)."""
    for fn in pipes.values():
        fn(fresh_copies(texts[:200]))
    timings = {k: Timing() for k in pipes}
    cpu: Dict[str, List[float]] = {k: [] for k in pipes}
    for r in range(runs):
        for k, fn in pipes.items():
            def run(t: List[str], fn: Callable[[List[str]], Any] = fn, out: List[float] = cpu[k]) -> Any:
                c0 = time.process_time()
                res = fn(t)
                out.append(time.process_time() - c0)
                return res
            dt = timings[k].run(run, lambda: fresh_copies(texts))
            print(f"  run {r + 1}: {k:<14} {dt * 1e3:9.1f} ms wall {cpu[k][-1] * 1e3:9.1f} ms CPU", flush=True)
    return timings, cpu


def load_str() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


# --------------------------------------------------------------------------------------------
# match
# --------------------------------------------------------------------------------------------
def bench_match(which: str, texts: List[str], runs: int, peers: Sequence[str]) -> Dict[str, Any]:
    import gazetta

    gaz = _match.without_globs(_match.read_gazetteer(which))
    ps = PeerSet(gaz)
    print(f"\n## match / {which}: {len(gaz):,} entities, {len(ps.P.patterns):,} peer patterns (aliases + capitals)",
          flush=True)
    pipes: Dict[str, Callable[[List[str]], pd.DataFrame]] = {}
    compile_s: Dict[str, float] = {}
    for threads, key in ((1, "gazetta_1"), (None, "gazetta_all")):
        t0 = time.perf_counter()
        m = gazetta.Matcher(gaz, n_threads=threads)
        compile_s[key] = time.perf_counter() - t0
        pipes[key] = (lambda mm: (lambda t: mm.mentions(t, progress=False)))(m)
    skipped: Dict[str, str] = {}
    for key in peers:
        why = missing_reason(PEER_MODULES[key])
        if why:
            skipped[key] = why
            print(f"  {key}: skipped, {why}")
            continue
        try:
            if key == "ac_rs_str":
                t0 = time.perf_counter()
                run, _ = _match.make_ahocorasick_rs(ps.P)
                compile_s[key] = time.perf_counter() - t0
                pipes[key] = run
                continue
            raw = make_raw(ps, key)
            compile_s[key] = ps.compile_s.get(key.split("_doc")[0], 0.0)
            pipes[key] = (lambda r: (lambda t: ps.frame(*r(t))))(raw)
        except Exception as exc:  # a broken peer is reported, not fatal
            skipped[key] = f"failed to compile: {exc!r}"
            print(f"  {key}: skipped, {skipped[key]}")
    load0 = load_str()
    timings, cpu = timed_runs(pipes, texts, runs)
    load1 = load_str()
    mb = utf8_mb(texts)
    g1 = timings["gazetta_1"].median
    gall = timings["gazetta_all"].median
    c1 = statistics.median(cpu["gazetta_1"])
    rows = []
    for k in pipes:
        t = timings[k].median
        row = {"key": k, "pipeline": {"gazetta_1": "gazetta Matcher.mentions", "gazetta_all": "gazetta Matcher.mentions"}
               .get(k, PEER_LABELS.get(k, k)),
               "threads": "1" if k in ("gazetta_1", "ac_rs_str", "hyperscan", "hyperscan_doc", "daachorse", "ac_rs_bytes",
                                       "daachorse_ll", "ac_rs_bytes_ll") + REFERENCE
               else f"all ({machine_info()['nproc']})",
               "mb_s": mb / t, "median_s": t, "times": timings[k].times, "rows": len(timings[k].result),
               "compile_s": compile_s.get(k)}
        row["cpu_s"] = statistics.median(cpu[k])
        row["cpu_times"] = cpu[k]
        if not k.startswith("gazetta"):
            row["r1"] = t / g1
            row["r1cpu"] = row["cpu_s"] / c1
            row["rall"] = t / gall
            if k not in REFERENCE:
                row["agree"] = span_agreement(timings["gazetta_1"].result, timings[k].result)
        rows.append(row)
    return {"gazetteer": which, "mb": mb, "docs": len(texts), "rows": rows, "skipped": skipped,
            "load_before": load0, "load_after": load1, "speedup_2nd_core": g1 / gall}


def print_match(res: Dict[str, Any]) -> str:
    out = [f"### match / {res['gazetteer']} ({res['docs']:,} documents, {res['mb']:.2f} MB; load average before "
           f"{res['load_before']}, after {res['load_after']})", ""]
    trs = []
    for r in res["rows"]:
        a = r.get("agree")
        trs.append({"pipeline": r["pipeline"], "threads": r["threads"], "mbs": f"{r['mb_s']:,.1f}",
                    "med": fmt_s(r["median_s"]), "cpu": fmt_s(r["cpu_s"]), "rows": f"{r['rows']:,}",
                    "compile": None if r["compile_s"] is None else fmt_s(r["compile_s"]),
                    "r1": None if "r1" not in r else f"{r['r1']:.2f}×",
                    "r1cpu": None if "r1cpu" not in r else f"{r['r1cpu']:.2f}×",
                    "rall": None if "rall" not in r else f"{r['rall']:.2f}×",
                    "agree": None if a is None else f"{100 * a['of_gazetta']:.2f}% / {100 * a['of_peer']:.2f}%"})
    out.append(markdown_table(trs, [("pipeline", "pipeline"), ("threads", "threads"), ("mbs", "MB/s (wall)"),
                                    ("med", "median wall"), ("cpu", "median CPU"), ("rows", "rows"),
                                    ("compile", "compile"), ("r1", "gazetta 1 thread / peer, wall"),
                                    ("r1cpu", "gazetta 1 thread / peer, CPU"),
                                    ("rall", "gazetta all cores / peer, wall"),
                                    ("agree", "spans agreeing: of gazetta's / of the peer's")]))
    out.append("")
    out.append(f"gazetta all cores / 1 thread: {res['speedup_2nd_core']:.2f}×")
    for k, why in res["skipped"].items():
        out.append(f"- {k}: skipped, {why}")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# co-occurrence
# --------------------------------------------------------------------------------------------
_UPPERISH = np.zeros(256, dtype=bool)
for _c in range(128):
    _UPPERISH[_c] = chr(_c).isupper() or chr(_c).isdigit() or chr(_c) in "\"'(["
_UPPERISH[0x80:] = True  # a non-ASCII letter after ". ": counted as a sentence start
_WS = np.zeros(256, dtype=bool)
for _c in b" \t\r\n":
    _WS[_c] = True


_ALPHA = np.zeros(256, dtype=bool)
for _c in range(128):
    _ALPHA[_c] = chr(_c).isalpha()
_ALPHA[0x80:] = True
_UPPER = np.zeros(256, dtype=bool)
for _c in range(128):
    _UPPER[_c] = chr(_c).isupper()
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "St", "Mt", "Jr", "Sr", "vs", "No",
           "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_CLOSE = np.zeros(256, dtype=bool)
_CLOSE[list(b"\"')]")] = True


def _word_key(a: np.ndarray, end: np.ndarray, length: int) -> np.ndarray:
    """The ``length`` bytes before each position of ``end`` packed into one integer."""
    k = np.zeros(len(end), dtype=np.int64)
    for i in range(length):
        k = (k << 8) | a[end - length + i]
    return k


_TITLE_KEYS = {L: np.array([int.from_bytes(t.encode(), "big") for t in _TITLES if len(t) == L], dtype=np.int64)
               for L in (2, 3, 4)}


def sentence_starts(J: Joined) -> np.ndarray:
    """Byte offsets where a sentence starts, vectorised over the joined buffer: every document
    start; a line break followed by a blank line or by an indented line (two spaces or a tab:
    Reuters indents its paragraphs); after ``. ! ?`` (+ a closing quote or bracket) + whitespace
    when the next byte is an upper-case letter, a digit or a quote, except after an initial or a
    dotted acronym (``U.S.``, ``M.P.``) and after a short list of titles and month abbreviations
    (``Mr.``, ``Sen.``, ``Jan.``). A simpler rule set than gazetta's splitter (docs/sentences.md)."""
    a = J.arr
    n = len(a)
    p = np.flatnonzero((a == 0x2E) | (a == 0x21) | (a == 0x3F))  # faster than a table look-up here
    p = p[(p >= 6) & (p + 12 < n)]
    q = p + 1
    q[_CLOSE[a[q]]] += 1
    w = _WS[a[q]]  # whitespace must follow (not "3.5", not "U.S.-led")
    p, q = p[w], q[w]
    # not after an initial / dotted acronym (U.S., M.P.) nor after a title
    dot = a[p] == 0x2E
    skip = dot & _UPPER[a[p - 1]] & ~_ALPHA[a[p - 2]]
    for L, keys in _TITLE_KEYS.items():
        m = dot & ~_ALPHA[a[p - L - 1]] & _ALPHA[a[p - L]]
        idx = np.flatnonzero(m)
        skip[idx[np.isin(_word_key(a, p[idx], L), keys)]] = True
    q = q[~skip]
    for _ in range(8):  # to the end of the whitespace run (hard-wrapped lines, indentation)
        w = _WS[a[q]]
        if not w.any():
            break
        q[w] += 1
    ends = q[_UPPERISH[a[q]]]
    nl = np.flatnonzero(a == 0x0A)
    nl = nl[nl + 3 < n]
    b1, b2 = a[nl + 1], a[nl + 2]
    brk = (b1 == 0x0A) | (b1 == 0x09) | ((b1 == 0x20) & ((b2 == 0x20) | (b2 == 0x0A)))
    c = np.sort(np.concatenate([J.starts, ends, nl[brk] + 1]))
    return c[np.concatenate(([True], c[1:] != c[:-1]))]  # np.unique is several times slower here


def composed_cooccurrence(ps: PeerSet, raw: Callable[[List[str]], Any], ids_sorted: np.ndarray,
                          rank: np.ndarray) -> Callable[[List[str]], pd.DataFrame]:
    import cooccur as _co

    P = ps.P

    def run(texts: List[str]) -> pd.DataFrame:
        J, pid, s, e = raw(texts)
        pid, s, e = select_spans(J.arr, pid, s, e, ps.left, ps.right)
        cnt = P.ent_cnt[pid]
        row = np.repeat(np.arange(len(pid)), cnt)
        k = np.arange(len(row)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        ent = rank[P.ent_flat[P.ent_ptr[pid][row] + k]]
        bounds = sentence_starts(J)
        u = np.searchsorted(bounds, s[row], side="right") - 1
        return _co.count_scipy(ids_sorted, u, ent, len(bounds))

    return run


def bench_cooccur(corpus: str, which: str, texts: List[str], runs: int, peers: Sequence[str],
                  paragraphs: str = "blank") -> Dict[str, Any]:
    import cooccur as _co
    import gazetta

    gaz = _co.read_gazetteer(which)
    # The peers' pattern table only when a peer is timed (`--peers ""`: gazetta alone, also with
    # a gazetteer that has per-alias options the peers cannot follow).
    ps = PeerSet(gaz) if peers else None
    ids = np.array(ps.P.entity_ids if ps else [e.id for e in gaz], dtype=object)
    order = np.argsort(ids.astype(str), kind="stable")
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    ids_sorted = ids[order]
    print(f"\n## cooccur / {corpus} / {which} (paragraphs={paragraphs!r}): {len(gaz):,} entities"
          + (f", {len(ps.P.patterns):,} patterns" if ps else ""), flush=True)
    pipes: Dict[str, Callable[[List[str]], pd.DataFrame]] = {}
    for threads, key in ((1, "gazetta_1"), (None, "gazetta_all")):
        m = gazetta.Matcher(gaz, n_threads=threads)
        pipes[key] = (lambda mm, th: (lambda t: gazetta.cooccurrence(t, mm, unit="sentence", paragraphs=paragraphs,
                                                                      n_threads=th, progress=False).pairs))(m, threads)
    skipped: Dict[str, str] = {}
    for key in peers:
        if key in ("ac_rs_str",) + REFERENCE:
            continue
        why = missing_reason(PEER_MODULES[key]) or missing_reason("scipy")
        if why:
            skipped[key] = why
            continue
        try:
            assert ps is not None
            pipes[key] = composed_cooccurrence(ps, make_raw(ps, key), ids_sorted, rank)
        except Exception as exc:
            skipped[key] = f"failed to compile: {exc!r}"
    for k in skipped:
        print(f"  {k}: skipped, {skipped[k]}")
    load0 = load_str()
    timings, cpu = timed_runs(pipes, texts, runs)
    load1 = load_str()
    mb = utf8_mb(texts)
    g1, gall = timings["gazetta_1"].median, timings["gazetta_all"].median
    c1 = statistics.median(cpu["gazetta_1"])
    rows = []
    for k in pipes:
        t = timings[k].median
        row = {"key": k, "pipeline": "gazetta.cooccurrence(unit='sentence').pairs" if k.startswith("gazetta")
               else PEER_LABELS[k] + " + numpy sentences + searchsorted + scipy.sparse",
               "threads": "1" if k in ("gazetta_1", "hyperscan", "hyperscan_doc", "daachorse", "ac_rs_bytes",
                                       "daachorse_ll", "ac_rs_bytes_ll")
               else f"all ({machine_info()['nproc']})", "mb_s": mb / t, "median_s": t, "times": timings[k].times,
               "rows": len(timings[k].result)}
        row["cpu_s"] = statistics.median(cpu[k])
        row["cpu_times"] = cpu[k]
        if not k.startswith("gazetta"):
            row["r1"], row["rall"] = t / g1, t / gall
            row["r1cpu"] = row["cpu_s"] / c1
            row["agree"] = _co.agreement(timings["gazetta_1"].result, timings[k].result)
        rows.append(row)
    return {"corpus": corpus, "gazetteer": which, "paragraphs": paragraphs, "mb": mb, "docs": len(texts), "rows": rows,
            "skipped": skipped, "load_before": load0, "load_after": load1, "speedup_2nd_core": g1 / gall}


def print_cooccur(res: Dict[str, Any]) -> str:
    out = [f"### sentence co-occurrence / {res['corpus']} / {res['gazetteer']} (paragraphs={res['paragraphs']!r}; "
           f"{res['mb']:.2f} MB; load average "
           f"before {res['load_before']}, after {res['load_after']})", ""]
    trs = [{"pipeline": r["pipeline"], "threads": r["threads"], "mbs": f"{r['mb_s']:,.1f}", "med": fmt_s(r["median_s"]),
            "cpu": fmt_s(r["cpu_s"]), "rows": f"{r['rows']:,}", "r1": None if "r1" not in r else f"{r['r1']:.2f}×",
            "r1cpu": None if "r1cpu" not in r else f"{r['r1cpu']:.2f}×",
            "rall": None if "rall" not in r else f"{r['rall']:.2f}×", "agree": r.get("agree")} for r in res["rows"]]
    out.append(markdown_table(trs, [("pipeline", "pipeline"), ("threads", "threads"), ("mbs", "MB/s (wall)"),
                                    ("med", "median wall"), ("cpu", "median CPU"), ("rows", "pair rows"),
                                    ("r1", "gazetta 1 thread / peer, wall"), ("r1cpu", "gazetta 1 thread / peer, CPU"),
                                    ("rall", "gazetta all cores / peer, wall"),
                                    ("agree", "pair rows (a, b, n_ab) agreeing")]))
    out.append("")
    out.append(f"gazetta all cores / 1 thread: {res['speedup_2nd_core']:.2f}×")
    for k, why in res["skipped"].items():
        out.append(f"- {k}: skipped, {why}")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
def bench_threads(runs: int, copies: int = 1, typeset: bool = False) -> str:
    """gazetta alone, 1 thread against all cores, interleaved: matching (Reuters × newsmap
    countries) and sentence co-occurrence (Reuters × built-in countries). The best of the runs
    is the figure least disturbed by other processes; the median is printed beside it.
    ``copies`` > 1 repeats Reuters that many times (a corpus ``copies`` × 16 MB; every run
    still gets fresh str objects), which shows how much of a call does not scale with the
    corpus: the serial part (reading the strs, building the frame) and waking the second
    core."""
    import cooccur as _co
    import gazetta

    texts = corpus_texts("reuters", typeset=typeset) * copies
    g = _match.without_globs(_match.read_gazetteer("countries"))
    gc_ = _co.read_gazetteer("countries")
    m1, m2 = gazetta.Matcher(g, n_threads=1), gazetta.Matcher(g)
    c1, c2 = gazetta.Matcher(gc_, n_threads=1), gazetta.Matcher(gc_)
    pipes = {
        "match, 1 thread": lambda t: m1.mentions(t, progress=False),
        "match, all cores": lambda t: m2.mentions(t, progress=False),
        "sentence co-occurrence, 1 thread": lambda t: gazetta.cooccurrence(
            t, c1, unit="sentence", paragraphs="blank", n_threads=1, progress=False).pairs,
        "sentence co-occurrence, all cores": lambda t: gazetta.cooccurrence(
            t, c2, unit="sentence", paragraphs="blank", progress=False).pairs,
    }
    load0 = load_str()
    timings, _ = timed_runs(pipes, texts, runs)
    load1 = load_str()
    corpus = "Reuters" if copies == 1 else f"Reuters × {copies}, {utf8_mb(texts):.0f} MB"
    if typeset:
        corpus += ", typographic quotes and dashes"
    out = [f"### gazetta, 1 thread against all cores ({corpus}; {runs} interleaved runs; load average {load0} → {load1})",
           "", "| what | 1 thread: best, median | all cores: best, median | speed-up (best) | speed-up (medians) |",
           "|---|---:|---:|---:|---:|"]
    for what in ("match", "sentence co-occurrence"):
        a, b = timings[f"{what}, 1 thread"], timings[f"{what}, all cores"]
        out.append(f"| {what} | {fmt_s(min(a.times))}, {fmt_s(a.median)} | {fmt_s(min(b.times))}, {fmt_s(b.median)} | "
                   f"{min(a.times) / min(b.times):.2f}× | {a.median / b.median:.2f}× |")
    return "\n".join(out)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("match", "cooccur", "all", "threads"),
                    help="threads: gazetta alone, 1 thread against all cores (best and median of --runs)")
    ap.add_argument("--gazetteers", nargs="+", default=["countries", "cities"], choices=("countries", "cities"))
    ap.add_argument("--corpora", nargs="+", default=["reuters"], choices=list(CORPORA),
                    help="corpora for cooccur (match always uses Reuters-21578)")
    ap.add_argument("--peers", default="hyperscan,hyperscan_doc,daachorse,daachorse_ll,daachorse_ll_2t,ac_rs_bytes,"
                    "ac_rs_bytes_ll,ac_rs_bytes_ll_2t,polars,ac_rs_str",
                    help="comma-separated, from " + ", ".join(PEER_MODULES) + " (hyperscan and polars are slow with "
                    "the 428k city patterns: see benchmarks/README.md)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per pipeline (median reported)")
    ap.add_argument("--docs", type=int, help="only the first N documents (a smoke test)")
    ap.add_argument("--paragraphs", default="blank", choices=("blank", "auto", "line"),
                    help="cooccur: how gazetta reads line breaks (default blank, as the peers' sentence rule; "
                    "auto is gazetta.cooccurrence's default)")
    ap.add_argument("--copies", type=int, default=1,
                    help="threads: Reuters repeated this many times (how the speed-up grows with the corpus)")
    ap.add_argument("--typographic", action="store_true",
                    help="the corpora with typographic apostrophes, quotes and dashes (’ “ ” —), as news is "
                    "typeset today: about half of Reuters' stories become UCS-2 strs, which must be transcoded")
    ap.add_argument("--json", metavar="OUT", help="also write every figure to this JSON file")
    args = ap.parse_args(argv)
    peers = [p for p in args.peers.split(",") if p]
    for p in peers:
        if p not in PEER_MODULES:
            ap.error(f"unknown peer {p!r}")
    info = machine_info()
    command = "python " + " ".join([os.path.relpath(os.path.abspath(__file__))] + list(argv if argv is not None
                                                                                         else sys.argv[1:]))
    print(f"# gazetta against the strongest peers — {info['date']}")
    print(f"command: {command}")
    print(f"machine: {info['nproc']} cores, {info['cpu']}, Python {info['python']}; load average {info['loadavg']}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in versions(DISTS).items() if v))
    results: List[Dict[str, Any]] = []
    tables: List[str] = []
    if args.what == "threads":
        print("\n" + bench_threads(args.runs, args.copies, args.typographic))
        return 0
    if args.what in ("match", "all"):
        texts = corpus_texts("reuters", args.docs, args.typographic)
        for g in args.gazetteers:
            res = bench_match(g, texts, args.runs, peers)
            results.append(res)
            tables.append(print_match(res))
            print("\n" + tables[-1], flush=True)
    if args.what in ("cooccur", "all"):
        for c in args.corpora:
            texts = corpus_texts(c, args.docs, args.typographic)
            for g in args.gazetteers:
                res = bench_cooccur(c, g, texts, args.runs, peers, args.paragraphs)
                results.append(res)
                tables.append(print_cooccur(res))
                print("\n" + tables[-1], flush=True)
    print("\n\n" + "\n\n".join(tables))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"command": command, "machine": info, "versions": versions(DISTS), "results": results}, f,
                      indent=1, default=str)
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
