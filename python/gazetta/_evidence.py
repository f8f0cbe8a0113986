"""Evidence for a pair: the units in which two entities co-occur, exactly those that were
counted.

Two sources: the units kept while counting (``keep_evidence=``), or the in-memory corpus the
result was counted from, re-read with the same matcher and unit rules. For the latter, the
counting call keeps a :class:`CountedCorpus`: the corpus, the texts it counted (by reference:
its fingerprint), and the group code of every document (folded duplicates and documents
without a group key were counted nowhere and give no evidence). A corpus whose texts changed
since is an error, not other text.
"""

from __future__ import annotations

import html
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ._input import texts_and_ids
from .exceptions import GazettaError
from .text import paragraphs as _paragraphs
from .text import sentences as _sentences
from .text import tokens as _tokens

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Values of ``evidence(sample=...)``.
SAMPLES = ("first", "random")
#: Group codes of documents counted nowhere (see ``cooccurrence.NO_GROUP`` and
#: ``dedupe.SKIP_GROUP``): no evidence comes from them.
_NOT_COUNTED = (0xFFFFFFFF, 0xFFFFFFFE)
_EVIDENCE_COLUMNS = ["unit", "start", "end", "text", "spans_a", "spans_b", "ambiguous"]

Span = Tuple[int, int]


def _unit_text(s: str) -> str:
    """A unit's text for the evidence table: lone surrogates (which pandas' string columns
    cannot hold, nor UTF-8) become U+FFFD, one character each, as in kept evidence."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


# --------------------------------------------------------------------------------------------
# display
class Evidence(pd.DataFrame):
    """A DataFrame of evidence rows whose notebook view highlights the mentions (``a`` in one
    colour, ``b`` in another). Any column subset displays: without ``text`` as a plain table,
    without ``spans_a``/``spans_b`` without the highlights."""

    _metadata = ["_labels"]

    @property
    def _constructor(self) -> Any:
        return Evidence

    def _repr_html_(self) -> str:
        if "text" not in self.columns or self.columns.duplicated().any():
            return pd.DataFrame(self)._repr_html_()  # type: ignore[operator]
        labels = getattr(self, "_labels", ("a", "b"))
        spans = [c for c in ("spans_a", "spans_b") if c in self.columns]
        shown = [c for c in self.columns if c not in ("spans_a", "spans_b")]
        colours = {"spans_a": "#ffe08a", "spans_b": "#a8d8ff"}
        legend = ", ".join(f"<span style='background:{colours[c]}'>{html.escape(str(labels[c == 'spans_b']))}</span>"
                           for c in spans)
        head = "".join(f"<th>{html.escape(str(c))}</th>" if c != "text" else
                       f"<th>unit text{f' ({legend})' if legend else ''}</th>" for c in shown)
        rows = []
        for rec in self.to_dict("records"):
            cells = []
            for c in shown:
                if c == "text":
                    sa = rec.get("spans_a") if "spans_a" in spans else None
                    sb = rec.get("spans_b") if "spans_b" in spans else None
                    cells.append(f"<td>{_highlight(rec[c], sa, sb)}</td>")
                else:
                    cells.append(f"<td>{html.escape(str(rec[c]))}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _spans(v: Any) -> List[Span]:
    try:
        return [(int(s), int(e)) for s, e in v]
    except (TypeError, ValueError):
        return []


def _highlight(text: Any, spans_a: Any, spans_b: Any) -> str:
    if not isinstance(text, str):
        return "" if text is None or (isinstance(text, float) and np.isnan(text)) else html.escape(str(text))
    marks = sorted([(s, e, "#ffe08a") for s, e in _spans(spans_a if spans_a is not None else [])]
                   + [(s, e, "#a8d8ff") for s, e in _spans(spans_b if spans_b is not None else [])])
    out, pos = [], 0
    for s, e, colour in marks:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<span style='background:{colour}'>{html.escape(text[s:e])}</span>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# what the counting call keeps of an in-memory corpus
class CountedCorpus:
    """An in-memory corpus as counted: the corpus object, the texts that were counted, and
    the group code of every document (None when every document was counted in one group).

    The texts are kept as the counter read them, by reference: the chunk lists of ``str``
    (immutable objects) or the zero-copy Arrow slices (immutable buffers). That is the
    corpus's fingerprint, exact and free to take; comparing it with the corpus's texts when
    evidence is asked for costs one pointer comparison per document when nothing changed
    (a content hash taken while counting cost 13 ms per 16 M characters of fresh ``str``,
    4 ms of Arrow data: 6-19 % of counting Reuters). Texts replaced in the corpus since stay
    in memory as long as the result.

    Built by :class:`CorpusTracker`; stored as the result's ``_corpus`` (so that pickles, which
    drop the corpus, drop the rest with it).
    """

    __slots__ = ("data", "method", "chunks", "n_docs", "codes", "keys")

    def __init__(self, data: Any, method: Optional[str], chunks: List[Any], n_docs: int,
                 codes: Optional[np.ndarray], keys: Optional[List[Tuple[Any, ...]]]) -> None:
        self.data = data
        self.method = method
        self.chunks = chunks
        self.n_docs = n_docs
        self.codes = codes
        self.keys = keys

    def texts_and_ids(self, text: str, id: Optional[str]) -> Tuple[List[Any], List[Any]]:
        """The texts and document names (``id`` values, else positions) as the corpus holds
        them now, after checking that its texts are the ones counted."""
        texts, ids = texts_and_ids(self.data, text, id)
        if len(texts) != self.n_docs:
            self._changed(f"{self.n_docs:,} documents counted, {len(texts):,} now")
        if not self._same(texts, text):
            self._changed("the same number of documents, other texts")
        return texts, ids

    @staticmethod
    def _changed(what: str) -> None:
        raise GazettaError(f"the corpus has changed since it was counted ({what}): evidence re-read from it "
                           "would not be the units that were counted. Count it again, or count with "
                           "keep_evidence=n to keep the evidence in the result")

    def _same(self, texts: List[Any], text: str) -> bool:
        if self.method == "arrow":
            import pyarrow as pa

            from ._input import arrow_texts

            pieces = [c for part in self.chunks for c in _arrow_pieces(part)]
            if not pieces:
                return not texts
            then = pa.chunked_array(pieces)
            col = self.data[text] if isinstance(self.data, pd.DataFrame) else self.data
            now = arrow_texts(col) if isinstance(col, pd.Series) else None
            try:
                if now is None:  # no longer Arrow-backed: compare the values
                    now = pa.array(texts, type=then.type, from_pandas=True)
                now = now if isinstance(now, pa.ChunkedArray) else pa.chunked_array([now])
                if not now.type.equals(then.type):
                    now = now.cast(then.type)
                return bool(then.equals(now))
            except (pa.ArrowException, TypeError, ValueError):  # e.g. string_view in older pyarrow
                return _same_values(then.to_pylist(), texts)
        counted: List[Any] = [t for part in self.chunks for t in part] if len(self.chunks) != 1 else self.chunks[0]
        return _same_values(counted, texts)


def _same_values(counted: List[Any], texts: List[Any]) -> bool:
    """Whether two lists hold the same texts (missing ones, None, NaN or pd.NA, all alike)."""
    try:
        if counted == texts:  # the same str objects: one pointer comparison each
            return True
    except TypeError:  # pd.NA compared with a str
        pass
    return len(counted) == len(texts) and all(
        (x == y) if isinstance(x, str) and isinstance(y, str) else not (isinstance(x, str) or isinstance(y, str))
        for x, y in zip(counted, texts))


def _arrow_pieces(arr: Any) -> List[Any]:
    import pyarrow as pa

    return list(arr.chunks) if isinstance(arr, pa.ChunkedArray) else [arr]


class CorpusTracker:
    """Fed every chunk while an in-memory corpus is counted: keeps the chunk's texts (by
    reference; see :class:`CountedCorpus`) and, when groups or ``dedupe=`` are in play, the
    group code of every document."""

    def __init__(self, keep_codes: bool) -> None:
        self.method: Optional[str] = None
        self.n_docs = 0
        self._chunks: List[Any] = []
        self._codes: Optional[List[np.ndarray]] = [] if keep_codes else None

    def add(self, texts: Any, codes: np.ndarray) -> None:
        """One chunk: ``texts`` (a list, or an Arrow string array) and its group codes."""
        method = "str" if isinstance(texts, list) else "arrow"
        if self.method is None:
            self.method = method
        elif method != self.method:  # one in-memory corpus is read one way
            raise AssertionError("a corpus counted through both str and Arrow chunks")
        self._chunks.append(texts)
        self.n_docs += len(texts)
        if self._codes is not None:
            self._codes.append(np.array(codes, dtype=np.uint32, copy=True))

    def counted(self, data: Any, keys: List[Tuple[Any, ...]]) -> CountedCorpus:
        codes = None
        if self._codes is not None:
            codes = np.concatenate(self._codes) if self._codes else np.zeros(0, dtype=np.uint32)
        return CountedCorpus(data, self.method, self._chunks, self.n_docs, codes,
                             list(keys) if codes is not None else None)


# --------------------------------------------------------------------------------------------
# evidence
def check_sample(n: Any, sample: Any, seed: Any) -> np.random.Generator:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive int; got {n!r}")
    if sample not in SAMPLES:
        raise ValueError(f"sample must be one of {', '.join(repr(s) for s in SAMPLES)}; got {sample!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise ValueError(f"seed must be None or a non-negative int; got {seed!r}")
    return np.random.default_rng(seed)


def _draw(n_rows: int, n: int, sample: str, rng: np.random.Generator) -> np.ndarray:
    """Which of ``n_rows`` candidate rows (in corpus order) to return, in that order."""
    if n_rows <= n:
        return np.arange(n_rows)
    if sample == "first":
        return np.arange(n)
    return np.sort(rng.choice(n_rows, size=n, replace=False))


def resolve_pair(co: Any, a: str, b: str) -> Tuple[str, str]:
    """The ids of the two entities asked about (an id, or a name only one entity has)."""
    from ._entities import alias_table, entity_table, resolve

    ids, names = entity_table(co)
    ids_a = set(ids.tolist()) if hasattr(ids, "tolist") else set(ids)
    aliases = alias_table(co) if not (a in ids_a and b in ids_a) else None  # built only when needed
    return resolve(a, ids, names, aliases=aliases), resolve(b, ids, names, aliases=aliases)


def _check_ids(co: Any, a: str, b: str, known: Any) -> None:
    for e in (a, b):
        if e not in known:
            raise KeyError(f"unknown entity id {e!r}")


def _group_key(co: Any, group: Any) -> Optional[Tuple[Any, ...]]:
    """``group`` (one value per key column, a scalar for one key; a time key also as a string
    such as ``"1987-03"``) as a tuple of comparable values, or None for every group."""
    if group is None:
        return None
    keys = list(co._keys)
    if not keys:
        raise ValueError("group= selects one group of a sliced result (by=/time=); this result has no groups")
    if isinstance(group, (list, np.ndarray, pd.Series)):
        raise TypeError(f"group must be one value, or a tuple of one value per key column {keys}; got a "
                        f"{type(group).__name__} (write group=({group[0]!r},) for a one-value tuple)"
                        if len(group) else f"group must be one value or a tuple; got an empty {type(group).__name__}")
    key = group if isinstance(group, tuple) else (group,)
    if len(key) != len(keys):
        raise ValueError(f"group must give one value per key column {keys}; got {group!r}")
    t = co.meta.get("time")
    return tuple(pd.Period(v, freq=co.meta["freq"]) if k == t and not isinstance(v, pd.Period) else v
                 for k, v in zip(keys, key))


def _key_matches(co: Any, values: Sequence[Any], want: Tuple[Any, ...]) -> bool:
    t = co.meta.get("time")
    for k, v, w in zip(co._keys, values, want):
        if k == t and v is not None and not isinstance(v, pd.Period):
            v = pd.PeriodIndex([v], freq=co.meta["freq"])[0]
        if not (v == w):
            return False
    return True


def evidence(co: Any, a: str, b: str, n: int, sample: str = "first", seed: Optional[int] = None,
             group: Any = None) -> pd.DataFrame:
    """:meth:`Cooccurrence.evidence`: from the kept units when they hold the answer, else
    re-read from the in-memory corpus; ``group`` keeps one group of a sliced result."""
    a, b = resolve_pair(co, a, b)
    rng = check_sample(n, sample, seed)
    want = _group_key(co, group)
    kept = getattr(co, "_kept", None)
    out = None
    if kept is not None:
        rows, complete = _kept_rows(co, a, b, want)
        # the first units: always the kept ones (a merged result answers like the whole);
        # a random draw: from the kept units only when they are all the pair's units
        if sample == "first" or complete:
            out = _kept_table(co, rows, a, b, _draw(len(rows), int(n), sample, rng))
        elif co._corpus is None:
            cap = int(co.meta.get("keep_evidence", 0))
            raise GazettaError(f"sample='random' draws from every unit of the pair, and this result kept only the "
                               f"first {cap} per pair (keep_evidence={cap}) without the corpus: count with a "
                               "larger keep_evidence, or from an in-memory corpus")
    if out is None:
        out = _refound(co, a, b, int(n), sample, rng, want)
    if not len(out):
        _note_never(co, a, b, want, group)
    return out


def _note_never(co: Any, a: str, b: str, want: Optional[Tuple[Any, ...]], group: Any) -> None:
    """An empty evidence table of a pair that never co-occurs (in the group asked about) says
    so, instead of an empty frame that reads like a failure to find the units."""
    import warnings

    ap = co._all_pairs
    lo, hi = (b, a) if a > b else (a, b)
    sel = ap[(ap["a"] == lo) & (ap["b"] == hi)]
    if want is not None and len(sel):
        keys = list(co._keys)
        sel = sel[np.asarray([_key_matches(co, v, want) for v in sel[keys].itertuples(index=False, name=None)],
                             dtype=bool)]
    if int(sel["n_ab"].sum()) if len(sel) else 0:
        return
    names = dict(zip(co.entities["entity"], co.entities["name"]))

    def lab(e: str) -> str:
        return f"{e!r} ({names[e]})" if names.get(e, e) != e else repr(e)

    where = f" in the group {group!r}" if group is not None else ""
    warnings.warn(f"evidence: {lab(a)} and {lab(b)} never co-occur{where} (n_ab = 0), so there is no evidence to "
                  "show", UserWarning, stacklevel=4)


# -- kept while counting ---------------------------------------------------------------------
def _kept_rows(co: Any, a: str, b: str, want: Optional[Tuple[Any, ...]] = None) -> Tuple[pd.DataFrame, bool]:
    """The kept rows of the pair (stored with ``a < b``; of one group with ``want``) and
    whether they are all its units."""
    kept = co._kept
    known = set(co._matcher._tables["ids"]) if co._matcher is not None else set(kept["a"]).union(kept["b"])
    _check_ids(co, a, b, known)
    lo, hi = (b, a) if a > b else (a, b)
    rows = kept[(kept["a"] == lo) & (kept["b"] == hi)]
    keys = list(co._keys)
    if want is not None and len(rows):
        mask = [_key_matches(co, vals, want) for vals in rows[keys].itertuples(index=False, name=None)]
        rows = rows[np.asarray(mask, dtype=bool)]
    cap = int(co.meta.get("keep_evidence", 0))
    if keys and len(rows):
        per_group = rows.groupby(keys, sort=False, dropna=False, observed=True).size().to_numpy()
    else:
        per_group = np.array([len(rows)])
    complete = bool((per_group < cap).all())
    if not complete and co.meta.get("window") is None and co.meta.get("count") == "units":
        ap = co._all_pairs  # units mode: n_ab is the number of units, summed over the groups
        sel = ap[(ap["a"] == lo) & (ap["b"] == hi)]
        if want is not None and len(sel):
            sel = sel[np.asarray([_key_matches(co, v, want) for v in sel[keys].itertuples(index=False, name=None)],
                                 dtype=bool)]
        complete = len(rows) == int(sel["n_ab"].sum())
    return rows, complete


def _kept_table(co: Any, rows: pd.DataFrame, a: str, b: str, take: np.ndarray) -> pd.DataFrame:
    cols = ["doc", *co._keys, *_EVIDENCE_COLUMNS]
    out = rows.reindex(columns=cols).iloc[take].reset_index(drop=True)
    if "ambiguous" not in rows.columns:  # kept by a version without the flag: not known
        out["ambiguous"] = pd.array([pd.NA] * len(out), dtype="boolean")
    out["text"] = out["text"].astype("str")  # kept as object (shared per unit): the usual dtype
    if a > b:
        out = out.rename(columns={"spans_a": "spans_b", "spans_b": "spans_a"})[cols]
    res = Evidence(out)
    res._labels = (a, b)
    return res


def kept_evidence(co: Any, a: str, b: str, n: int) -> pd.DataFrame:
    """Evidence from the units kept while counting (``keep_evidence=``): the first ``n``."""
    check_sample(n, "first", None)
    a, b = resolve_pair(co, a, b)
    rows, _ = _kept_rows(co, a, b)
    return _kept_table(co, rows, a, b, np.arange(min(len(rows), int(n))))


# -- re-read from the in-memory corpus ---------------------------------------------------------
def _names(doc_rows: pd.DataFrame) -> List[Any]:
    """The *name* of each mention row of one document: its span, or, for a span left
    ambiguous between several candidates, that candidate set (two mentions pair only when
    their names differ: one ambiguous span never pairs with itself, nor do two spans of one
    ambiguous name, "Brown met Brown." with two Browns)."""
    starts = doc_rows["start"].to_numpy()
    ends = doc_rows["end"].to_numpy()
    ents = doc_rows["entity"].to_numpy(dtype=object)
    amb = doc_rows["ambiguous"].to_numpy(dtype=bool) if "ambiguous" in doc_rows.columns else np.zeros(len(starts), bool)
    cands: Dict[Span, set] = {}
    for s, e, x in zip(starts, ends, ents):
        cands.setdefault((int(s), int(e)), set()).add(x)
    out: List[Any] = []
    for s, e, am in zip(starts, ends, amb):
        c = cands[(int(s), int(e))]
        out.append(("ambiguous", frozenset(c)) if am and len(c) > 1 else ("span", int(s), int(e)))
    return out


def _refound(co: Any, a: str, b: str, n: int, sample: str, rng: np.random.Generator,
             want: Optional[Tuple[Any, ...]] = None) -> pd.DataFrame:
    counted = co._corpus
    if counted is None:
        raise GazettaError("evidence needs the in-memory corpus the result was counted from (a DataFrame, list, "
                           "tuple or Series); this result was streamed, merged or unpickled (count with "
                           "keep_evidence=n to keep the evidence in the result)")
    if co._matcher is None:
        raise GazettaError("this result has no matcher attached")
    _check_ids(co, a, b, set(co._matcher._tables["ids"]))
    if not isinstance(counted, CountedCorpus):  # a corpus attached by hand: nothing to check it against
        counted = CountedCorpus(counted, None, [], -1, None, None)
        texts, doc_ids = texts_and_ids(counted.data, co._text, co._id)
    else:
        texts, doc_ids = counted.texts_and_ids(co._text, co._id)
    meta = co.meta
    keys = list(co._keys)
    codes = counted.codes
    level = meta.get("level")
    m = co._matcher.mentions(texts, level=level)
    mapped = m["level_entity"] if level is not None else m["entity"]  # counted as the mapped entities
    doc_col = m["doc"].to_numpy()
    docs_a = set(doc_col[mapped.eq(a).fillna(False).to_numpy(dtype=bool)].tolist())
    docs_b = set(doc_col[mapped.eq(b).fillna(False).to_numpy(dtype=bool)].tolist())
    docs = sorted(int(d) for d in docs_a & docs_b)
    if codes is not None:
        docs = [d for d in docs if int(codes[d]) not in _NOT_COUNTED]
    if want is not None:
        if codes is None or counted.keys is None:
            raise GazettaError("group= needs the group of every document, which this result does not hold "
                               "(a corpus attached by hand): count again from the corpus")
        docs = [d for d in docs if _key_matches(co, counted.keys[int(codes[d])], want)]
    m = m.assign(_mapped=mapped)
    m = m[m["doc"].isin(docs)]
    window = meta.get("window")
    unit = meta["unit"]
    rows: List[Dict[str, Any]] = []
    want_all = sample == "random"
    for d, grp in m.groupby("doc", sort=True, observed=True):
        d = int(d)
        text = texts[d]
        names = _names(grp)
        by_span: Dict[Tuple[str, Span], Any] = {}
        mapped_at: Dict[Span, set] = {}  # the entities each span counts for (after level=)
        for s, e, x, nm in zip(grp["start"].to_numpy(), grp["end"].to_numpy(), grp["_mapped"].to_numpy(dtype=object),
                               names):
            if isinstance(x, str):  # (a mention without a level entity: NA)
                mapped_at.setdefault((int(s), int(e)), set()).add(x)
            if isinstance(x, str) and (x == a or x == b):
                by_span.setdefault((x, (int(s), int(e))), nm)  # one row per span and mapped entity
        if unit == "document":
            spans = [(0, len(text))]
        elif unit == "paragraph":
            spans = _paragraphs(text, meta["paragraphs"])
        else:
            spans = _sentences(text, meta["paragraphs"])
        starts = np.array([s for s, _ in spans], dtype=np.int64)
        toks = _tokens(text) if window is not None else None
        by_unit: Dict[int, Tuple[List[Tuple[Span, Any]], List[Tuple[Span, Any]]]] = {}
        for (x, sp), nm in sorted(by_span.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            u = int(np.searchsorted(starts, sp[0], side="right")) - 1
            if u < 0:
                continue
            by_unit.setdefault(u, ([], []))[0 if x == a else 1].append((sp, nm))
        for u in sorted(by_unit):
            sa, sb = by_unit[u]
            if not sa or not sb:
                continue
            if window is None:
                ok = any(x[1] != y[1] for x in sa for y in sb)
            else:
                ok = _within_window(sa, sb, toks, int(window))
            if not ok:
                continue
            us, ue = spans[u]
            row: Dict[str, Any] = {"doc": doc_ids[d]}
            if keys:
                key = counted.keys[int(codes[d])] if codes is not None and counted.keys is not None else None
                for j, k in enumerate(keys):
                    row[k] = key[j] if key is not None else None
            row.update({"unit": u, "start": us, "end": ue, "text": _unit_text(text[us:ue]),
                        "spans_a": [(s - us, e - us) for (s, e), _ in sa],
                        "spans_b": [(s - us, e - us) for (s, e), _ in sb],
                        # a span left ambiguous that counts for several entities
                        "ambiguous": any(nm[0] == "ambiguous" and len(mapped_at[sp]) > 1 for sp, nm in sa + sb)})
            rows.append(row)
            if not want_all and len(rows) >= n:
                break
        if not want_all and len(rows) >= n:
            break
    take = _draw(len(rows), n, sample, rng)
    rows = [rows[i] for i in take]
    cols = ["doc", *keys, *_EVIDENCE_COLUMNS]
    out = Evidence(pd.DataFrame(rows, columns=cols))
    if keys and meta.get("time") and len(out):
        t = meta["time"]
        out[t] = pd.PeriodIndex(out[t].tolist(), freq=meta["freq"])
    out._labels = (a, b)
    return out


def _within_window(sa: List[Tuple[Span, Any]], sb: List[Tuple[Span, Any]], toks: Any, k: int) -> bool:
    """Some mention of a and some of b of different names, not overlapping, with (first token
    of the later) - (last token of the earlier) <= k."""
    tstarts = np.array([s for s, _ in toks], dtype=np.int64)
    tends = np.array([e for _, e in toks], dtype=np.int64)

    def rng(s: int, e: int) -> Tuple[int, int]:
        first = int(np.searchsorted(tends, s, side="right"))
        last = int(np.searchsorted(tstarts, e, side="left")) - 1
        return first, last

    for x, nx_ in sa:
        for y, ny in sb:
            if nx_ == ny:
                continue
            p, q = (x, y) if x[0] <= y[0] else (y, x)
            if q[0] < p[1]:
                continue
            if rng(*q)[0] - rng(*p)[1] <= k:
                return True
    return False
