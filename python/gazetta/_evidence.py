"""Evidence for a pair: the units in which two entities co-occur, re-found in the in-memory
corpus with the same matcher and unit rules as the counting."""

from __future__ import annotations

import html
import re
from typing import Any, Dict, List, Tuple

import numpy as np
import pandas as pd

from .exceptions import GazettaError
from .text import paragraphs as _paragraphs
from .text import sentences as _sentences
from .text import tokens as _tokens

_SURROGATE = re.compile("[\ud800-\udfff]")


def _unit_text(s: str) -> str:
    """A unit's text for the evidence table: lone surrogates (which pandas' string columns
    cannot hold, nor UTF-8) become U+FFFD, one character each, as in kept evidence."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


class Evidence(pd.DataFrame):
    """A DataFrame of evidence rows with an HTML view that highlights the mentions
    (``a`` in one colour, ``b`` in another)."""

    _metadata = ["_labels"]

    @property
    def _constructor(self) -> Any:
        return Evidence

    def _repr_html_(self) -> str:  # pragma: no cover - visual
        labels = getattr(self, "_labels", ("a", "b"))
        rows = []
        for r in self.itertuples(index=False):
            rows.append(f"<tr><td>{html.escape(str(r.doc))}</td><td>{_highlight(r.text, r.spans_a, r.spans_b)}</td></tr>")
        head = (f"<tr><th>doc</th><th>unit text (<span style='background:#ffe08a'>{html.escape(labels[0])}</span>, "
                f"<span style='background:#a8d8ff'>{html.escape(labels[1])}</span>)</th></tr>")
        return f"<table>{head}{''.join(rows)}</table>"


def _highlight(text: str, spans_a: List[Tuple[int, int]], spans_b: List[Tuple[int, int]]) -> str:
    marks = sorted([(s, e, "#ffe08a") for s, e in spans_a] + [(s, e, "#a8d8ff") for s, e in spans_b])
    out, pos = [], 0
    for s, e, colour in marks:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<span style='background:{colour}'>{html.escape(text[s:e])}</span>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def evidence(co: Any, a: str, b: str, n: int) -> pd.DataFrame:
    if co._corpus is None:
        raise GazettaError("evidence needs the in-memory corpus the result was counted from (a DataFrame, list, "
                           "tuple or Series); this result was streamed, merged or unpickled (count with "
                           "keep_evidence=n to keep the evidence in the result)")
    if co._matcher is None:
        raise GazettaError("this result has no matcher attached")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive int; got {n!r}")
    ids = set(co._matcher._tables["ids"])
    for e in (a, b):
        if e not in ids:
            raise KeyError(f"unknown entity id {e!r}")
    meta = co.meta
    corpus = co._corpus
    keys = co._keys
    if isinstance(corpus, pd.DataFrame):
        texts = corpus[co._text].tolist()
        doc_ids = corpus[co._id].tolist() if co._id else list(range(len(texts)))
        key_frame = corpus[keys] if keys else None
    else:
        texts = list(corpus)
        doc_ids = list(range(len(texts)))
        key_frame = None
    level = meta.get("level")
    m = co._matcher.mentions(texts, level=level)
    if level is not None:  # counted as the mapped entities: show those
        m = m.assign(entity=m["level_entity"])
    sub = m[m["entity"].isin([a, b])]
    rows: List[Dict[str, Any]] = []
    window = meta.get("window")
    for d, grp in sub.groupby("doc", sort=True, observed=True):
        ents = set(grp["entity"])
        if a not in ents or b not in ents:
            continue
        d = int(d)
        text = texts[d]
        if key_frame is not None:
            krow = key_frame.iloc[d]
            if krow.isna().any():
                continue
        unit = meta["unit"]
        if unit == "document":
            spans = [(0, len(text))]
        elif unit == "paragraph":
            spans = _paragraphs(text, meta["paragraphs"])
        else:
            spans = _sentences(text, meta["paragraphs"])
        starts = np.array([s for s, _ in spans], dtype=np.int64)
        ma = [(int(s), int(e)) for s, e, x in zip(grp["start"], grp["end"], grp["entity"]) if x == a]
        mb = [(int(s), int(e)) for s, e, x in zip(grp["start"], grp["end"], grp["entity"]) if x == b]
        toks = _tokens(text) if window is not None else None
        by_unit: Dict[int, Tuple[List[Tuple[int, int]], List[Tuple[int, int]]]] = {}
        for lst, which in ((ma, 0), (mb, 1)):
            for s, e in lst:
                u = int(np.searchsorted(starts, s, side="right")) - 1
                if u < 0:
                    continue
                by_unit.setdefault(u, ([], []))[which].append((s, e))
        for u in sorted(by_unit):
            sa, sb = by_unit[u]
            if not sa or not sb:
                continue
            if window is None:
                ok = not (len(sa) == 1 and len(sb) == 1 and sa[0] == sb[0])
            else:
                ok = _within_window(sa, sb, toks, int(window))
            if not ok:
                continue
            us, ue = spans[u]
            row: Dict[str, Any] = {"doc": doc_ids[d]}
            if key_frame is not None:
                for k in keys:
                    row[k] = key_frame.iloc[d][k]
            row.update({"unit": u, "start": us, "end": ue, "text": _unit_text(text[us:ue]),
                        "spans_a": [(s - us, e - us) for s, e in sa], "spans_b": [(s - us, e - us) for s, e in sb]})
            rows.append(row)
            if len(rows) >= n:
                break
        if len(rows) >= n:
            break
    cols = ["doc", *keys, "unit", "start", "end", "text", "spans_a", "spans_b"]
    out = Evidence(pd.DataFrame(rows, columns=cols))
    if keys and meta.get("time") and len(out):
        t = meta["time"]
        out[t] = pd.PeriodIndex(out[t].tolist(), freq=meta["freq"])
    out._labels = (a, b)
    return out


def _within_window(sa: List[Tuple[int, int]], sb: List[Tuple[int, int]], toks: Any, k: int) -> bool:
    tstarts = np.array([s for s, _ in toks], dtype=np.int64)
    tends = np.array([e for _, e in toks], dtype=np.int64)

    def rng(s: int, e: int) -> Tuple[int, int]:
        first = int(np.searchsorted(tends, s, side="right"))
        last = int(np.searchsorted(tstarts, e, side="left")) - 1
        return first, last

    for x in sa:
        for y in sb:
            p, q = (x, y) if x[0] <= y[0] else (y, x)
            if q[0] < p[1]:
                continue
            if rng(*q)[0] - rng(*p)[1] <= k:
                return True
    return False


def kept_evidence(co: Any, a: str, b: str, n: int) -> pd.DataFrame:
    """Evidence from the units kept while counting (``keep_evidence=``)."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive int; got {n!r}")
    kept = co._kept
    keys = co._keys
    ids = set(co._matcher._tables["ids"]) if co._matcher is not None else set(kept["a"]).union(kept["b"])
    for e in (a, b):
        if e not in ids:
            raise KeyError(f"unknown entity id {e!r}")
    swap = a > b
    lo, hi = (b, a) if swap else (a, b)
    rows = kept[(kept["a"] == lo) & (kept["b"] == hi)]
    if len(rows) > n:
        rows = rows.head(n)
    cols = ["doc", *keys, "unit", "start", "end", "text", "spans_a", "spans_b"]
    out = rows[cols].reset_index(drop=True)
    if swap:
        out = out.rename(columns={"spans_a": "spans_b", "spans_b": "spans_a"})[cols]
    res = Evidence(out)
    res._labels = (a, b)
    return res
