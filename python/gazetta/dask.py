"""Matching and co-occurrence counting on a Dask cluster (docs/dask.md).

``gazetta.dask.cooccurrence`` counts every partition of a Dask DataFrame, Series or bag with
the local :func:`gazetta.cooccurrence` (one thread per partition: Dask supplies the
parallelism) and adds the partial results in a tree of exact merges
(:meth:`~gazetta.Cooccurrence.merge`). The result equals the local call on the same corpus,
bit for bit: ``.pairs``, ``.entities``, ``.groups`` and ``.meta`` (except ``created``).
``gazetta.dask.mentions`` is the lazy, per-partition :meth:`Matcher.mentions`.

The matcher goes to each worker once: with a ``distributed`` client it is scattered
(``broadcast=True``), otherwise it is one key of the task graph. It travels as its spec bytes
(the gazetteer and options, ~13 MB for the 220k-alias GeoNames city gazetteer) and is rebuilt
once per worker process; rebuilt matchers are cached per process (the last two), so a second
call with the same matcher does not rebuild it. See ``docs/dask.md`` for the measurements.

Needs the optional extra: ``pip install "gazetta[dask]"``.

Examples
--------
>>> import dask, dask.dataframe as dd, pandas as pd, gazetta, gazetta.dask
>>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
>>> df = pd.DataFrame({"text": ["Alphaland and Betaland.", "Betaland.", "Alphaland, Betaland."]})
>>> ddf = dd.from_pandas(df, npartitions=2)
>>> with dask.config.set(scheduler="sync"):
...     co = gazetta.dask.cooccurrence(ddf, g, unit="document")
>>> co.pairs[["a", "b", "n_ab", "n_a", "n_b", "n"]]
   a  b  n_ab  n_a  n_b  n
0  A  B     2    2    3  3
>>> co.pairs.equals(gazetta.cooccurrence(df, g, unit="document").pairs)
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import threading
import warnings
from collections import OrderedDict
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

try:
    import dask
    import dask.dataframe as dd
    from dask.delayed import Delayed, delayed
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("gazetta.dask needs Dask: pip install 'gazetta[dask]' "
                      "(dask[dataframe] and distributed)") from e

from . import _core, _input
from ._frames import RESOLVED_BY
from ._dates import PART as _dates_part
from ._dates import unreadable_note, utc_note
from .cooccurrence import Cooccurrence
from .cooccurrence import cooccurrence as _local_cooccurrence
from .matcher import Matcher, _check_choice, _check_threads

__all__ = ["mentions", "cooccurrence"]

#: How many partial results one merge task adds (the fan-in of the reduction tree).
SPLIT_EVERY = 8

_MISSING_KEY = r"documents? ha(?:s|ve) a missing group key and w(?:as|ere) not counted"
#: The date notes of gazetta._dates, given once with the totals by the caller.
_DATE_NOTES = r".*(that is not a date|a time zone and (was|were) converted to UTC)"
_STRING_COLUMNS = ("surface", "entity", "name", "kind", "alias")


# --------------------------------------------------------------------------------------------
# shipping the matcher
_CACHE_SIZE = 2
_cache: "OrderedDict[str, Any]" = OrderedDict()
_cache_lock = threading.Lock()
#: Rebuilds per spec digest in this process (for tests and benchmarks).
_rebuilds: Dict[str, int] = {}


def _rebuild(digest: str, data: bytes) -> Any:
    """The compiled core for ``data``, from this process's cache or rebuilt (once)."""
    with _cache_lock:
        core = _cache.get(digest)
        if core is not None:
            _cache.move_to_end(digest)
            return core
        core = _core.Matcher.from_bytes(data)
        _rebuilds[digest] = _rebuilds.get(digest, 0) + 1
        _cache[digest] = core
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
        return core


class _Shipped:
    """A matcher as it travels to the workers: its spec bytes (never the compiled automaton,
    which does not serialise) plus their SHA-256, so that a worker process rebuilds each
    distinct matcher once, whatever the number of tasks, graphs or calls that carry it."""

    def __init__(self, matcher: Matcher) -> None:
        self._core = matcher._core
        self._matchers: Dict[Optional[int], Matcher] = {matcher.n_threads: matcher}
        self._data: Optional[bytes] = matcher._core.to_bytes()
        self.digest = hashlib.sha256(self._data).hexdigest()

    @property
    def data(self) -> bytes:
        # Not kept on the workers (13 MB for GeoNames): made again if this worker has to
        # pass the matcher on.
        return self._data if self._data is not None else self._core.to_bytes()

    def matcher(self, n_threads: Optional[int]) -> Matcher:
        m = self._matchers.get(n_threads)
        if m is None:
            m = self._matchers[n_threads] = Matcher._from_core(self._core, n_threads)
        return m

    def __dask_tokenize__(self) -> str:
        return self.digest

    def __reduce__(self) -> Any:
        return (_unship, (self.digest, self.data))


def _unship(digest: str, data: bytes) -> _Shipped:
    s = _Shipped.__new__(_Shipped)
    s._core = _rebuild(digest, data)
    s._matchers = {}
    s._data = None
    s.digest = digest
    return s


def _distributed_client() -> Any:
    """The distributed Client that ``dask.compute`` would use now, or None."""
    try:
        from dask.base import get_scheduler
        from distributed import Client
    except ImportError:  # pragma: no cover - dask without distributed
        return None
    sched = get_scheduler()
    client = getattr(sched, "__self__", None)
    return client if isinstance(client, Client) else None


#: Scattered matchers kept referenced, so that a lazy collection (``mentions``) whose graph
#: names the scattered key does not lose it when the caller's Future is garbage collected
#: ("lost dependencies"). A few per session, most recent last.
_LIVE_MAX = 4
_live: "OrderedDict[Tuple[str, str], Any]" = OrderedDict()


def _ship(matcher: Any) -> Tuple[Matcher, Any]:
    """The Matcher, and the graph argument that stands for it: a scattered Future
    (broadcast to every worker) under a distributed client, else a single delayed key."""
    if not isinstance(matcher, Matcher):
        matcher = Matcher(matcher)
    shipped = _Shipped(matcher)
    client = _distributed_client()
    if client is not None:
        key = (str(client.id), shipped.digest)
        fut = _live.get(key)
        if fut is None or fut.status != "finished":
            fut = client.scatter(shipped, broadcast=True, hash=True)
            _live[key] = fut
        _live.move_to_end(key)
        while len(_live) > _LIVE_MAX:
            _live.popitem(last=False)
        return matcher, fut
    return matcher, delayed(shipped, pure=True, name=f"gazetta-matcher-{shipped.digest[:16]}")


# --------------------------------------------------------------------------------------------
# collections
def _kind(corpus: Any) -> str:
    if isinstance(corpus, dd.DataFrame):
        return "frame"
    if isinstance(corpus, dd.Series):
        return "series"
    try:
        import dask.bag as db
    except ImportError:  # pragma: no cover
        db = None
    if db is not None and isinstance(corpus, db.Bag):
        return "bag"
    raise TypeError(f"expected a Dask DataFrame, Series or bag, not {type(corpus).__name__} "
                    "(use gazetta.cooccurrence / Matcher.mentions for local data)")


def _plain_texts(s: pd.Series) -> pd.Series:
    """A text column as Python objects, missing values (NaN, pd.NA) as None: Dask stores
    strings as pyarrow-backed columns, whose missing value the local functions do not take."""
    s = s.astype(object)
    return s.where(s.notna(), None)


def _as_items(part: Any) -> List[Any]:
    return part if isinstance(part, list) else list(part)


# --------------------------------------------------------------------------------------------
# mentions
def _string_dtype() -> Any:
    """The dtype Dask gives a column of str: "string[pyarrow]", or object when the Dask
    setting ``dataframe.convert-string`` is False."""
    if dask.config.get("dataframe.convert-string", None) is False:
        return np.dtype(object)
    return pd.StringDtype("pyarrow")


def _mentions_meta(doc_dtype: Any, units: bool) -> pd.DataFrame:
    s = _string_dtype()
    cols: Dict[str, Any] = {"doc": pd.Series([], dtype=doc_dtype), "start": pd.Series([], dtype=np.int64),
                            "end": pd.Series([], dtype=np.int64)}
    for c in _STRING_COLUMNS:
        cols[c] = pd.Series([], dtype=s)
    cols["ambiguous"] = pd.Series([], dtype=bool)
    cols["resolved_by"] = pd.Series(pd.Categorical([], categories=list(RESOLVED_BY)))
    if units:
        cols["paragraph"] = pd.Series([], dtype=np.int64)
        cols["sentence"] = pd.Series([], dtype=np.int64)
    return pd.DataFrame(cols)


def _mentions_partition(part: Any, shipped: _Shipped, offset: int, text: str, id: Optional[str], kind: str,
                        units: bool, paragraphs: str, n_threads: Optional[int], meta: pd.DataFrame) -> pd.DataFrame:
    m = shipped.matcher(n_threads)
    ids: Any = None
    if kind == "frame":
        texts = _plain_texts(part[text]).tolist()
        ids = part[id] if id is not None else None
    elif kind == "series":
        texts = _plain_texts(part).tolist()
    else:
        items = _as_items(part)
        texts = [x.get(text) if isinstance(x, dict) else x for x in items]
        if id is not None:
            ids = pd.Series([x.get(id) for x in items], dtype=meta["doc"].dtype)
    df = m.mentions(texts, units=units, paragraphs=paragraphs, progress=False)
    pos = df["doc"].to_numpy(dtype=np.int64)
    if ids is not None:
        df["doc"] = pd.Series(ids.array.take(pos), index=df.index)
    else:
        df["doc"] = pos + np.int64(offset)
    s = _string_dtype()
    for c in _STRING_COLUMNS:
        df[c] = df[c].astype(object).astype(s)
    return df.astype(meta.dtypes.to_dict())


def mentions(corpus: Any, matcher: Any, *, text: str = "text", id: Optional[str] = None, units: bool = False,
             paragraphs: Literal["auto", "line", "blank"] = "auto", n_threads: Optional[int] = 1) -> Any:
    """Every mention in a Dask collection of texts, as a lazy Dask DataFrame (docs/dask.md).

    Each partition is matched by :meth:`Matcher.mentions`; computing the result gives the
    rows of the local call on the whole corpus, in the same order.

    Parameters
    ----------
    corpus : dask DataFrame, Series or bag
        A DataFrame with a ``text`` column (and ``id``), a Series of texts, or a bag of str
        or of dicts. Missing texts (None, NaN, pd.NA) are empty documents.
    matcher : Matcher or Gazetteer
        Shipped to each worker once (see the module docstring).
    text, id : str
        Column (or dict key) of the texts and of the document ids.
    units, paragraphs
        As in :meth:`Matcher.mentions`.
    n_threads : int or None, default 1
        Rust threads per partition task; Dask runs partitions in parallel already.

    Returns
    -------
    dask.dataframe.DataFrame
        Columns ``doc, start, end, surface, entity, name, kind, alias, ambiguous``
        (+ ``paragraph, sentence``). ``doc`` holds the ``id`` values (dtype of that column) or,
        without ``id``, the global 0-based position of the document in the collection
        (int64). The string columns have Dask's string dtype (``string[pyarrow]``), not
        categoricals: the local call's categories depend on the rows, so partitions cannot
        agree on them (see ``docs/dask.md``). Each partition keeps its own 0-based index.

    Notes
    -----
    Without ``id``, the positions need every partition's length before any partition can be
    numbered: this function computes them at once (``len`` of every partition, one pass over
    the data without matching; cheap for an in-memory or Parquet collection, a full read
    for JSON/CSV). With ``id`` nothing is computed until you ask for the result. Under a
    distributed client, the matcher is scattered to the workers when this function is
    called.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, pandas as pd, gazetta, gazetta.dask
    >>> g = gazetta.Gazetteer().add("JP", "Japan")
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["Japan.", "no", "JAPAN and Japan"]}), npartitions=2)
    >>> with dask.config.set(scheduler="sync"):
    ...     gazetta.dask.mentions(ddf, g).compute()[["doc", "start", "surface", "entity"]]
       doc  start surface entity
    0    0      0   Japan     JP
    0    2      0   JAPAN     JP
    1    2     10   Japan     JP
    """
    _input.check_corpus_first(corpus, matcher, "dask.mentions")
    kind = _kind(corpus)
    _check_choice("paragraphs", paragraphs, ("auto", "line", "blank"))
    if not isinstance(units, bool):
        raise ValueError(f"units must be True or False; got {units!r}")
    n_threads = _check_threads(n_threads)
    doc_dtype: Any = np.dtype(np.int64)
    if kind == "frame":
        cols = [text] + ([id] if id is not None else [])
        for c in cols:
            if c not in corpus.columns:
                raise _input.missing_column(c, list(corpus.columns))
        corpus = corpus[cols]
        if id is not None:
            doc_dtype = corpus.dtypes[id]
    elif kind == "series":
        if id is not None:
            raise ValueError("id= needs a DataFrame or a bag of dicts; a Series holds only the texts")
    elif id is not None:
        doc_dtype = np.dtype(object)
    meta = _mentions_meta(doc_dtype, units)
    if id is None:
        if kind == "bag":
            lengths = list(corpus.map_partitions(lambda p: [len(_as_items(p))]).compute())
        else:
            lengths = corpus.map_partitions(len).compute().tolist()
        offsets = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)[:-1]]).tolist() if lengths else []
    else:
        offsets = [0] * corpus.npartitions
    matcher, ref = _ship(matcher)
    parts = corpus.to_delayed()
    tasks = [delayed(_mentions_partition, pure=True)(p, ref, int(off), text, id, kind, units, paragraphs, n_threads,
                                                     meta)
             for p, off in zip(parts, offsets)]
    if not tasks:
        return dd.from_pandas(meta, npartitions=1)
    return dd.from_delayed(tasks, meta=meta, verify_meta=False)


# --------------------------------------------------------------------------------------------
# co-occurrence
class _HashOnly:
    """Stands for the gazetteer of a worker's matcher. The local count asks the gazetteer only
    for its content hash (for ``.meta``); a rebuilt matcher would first rebuild the whole
    Gazetteer from its core and then hash it (~9 s, then ~1 s per partition, for GeoNames),
    so the hash is computed once, on the client, and travels with the task."""

    def __init__(self, digest: Optional[str]) -> None:
        self._digest = digest

    def content_hash(self) -> Optional[str]:
        return self._digest


def _count_partition(part: Any, shipped: _Shipped, kind: str, text: str, gazetteer_hash: Optional[str],
                     options: Dict[str, Any]) -> Cooccurrence:
    m = Matcher.__new__(Matcher)  # shares the core and tables (copy.copy would rebuild it)
    m.__dict__.update(shipped.matcher(options["n_threads"]).__dict__)
    m._gazetteer = _HashOnly(gazetteer_hash)
    if kind == "frame":
        corpus = part.copy()
        corpus[text] = _plain_texts(part[text])
    elif kind == "series":
        corpus = _plain_texts(part)
    else:
        corpus = _as_items(part)
    with warnings.catch_warnings():
        # Counted in .meta and reported once, with the total, by the caller.
        warnings.filterwarnings("ignore", message=f".*{_MISSING_KEY}", category=UserWarning)
        warnings.filterwarnings("ignore", message=_DATE_NOTES, category=UserWarning)
        token = _dates_part.set(True)
        try:
            co = _local_cooccurrence(corpus, m, text=text, progress=False, **options)
        finally:
            _dates_part.reset(token)
    return _strip(co)


def _strip(co: Cooccurrence) -> Cooccurrence:
    # Partial results travel between workers: leave out the matcher (13 MB and a rebuild
    # for a large gazetteer on every hop) and the corpus; the caller attaches its matcher.
    co._matcher = None
    co._corpus = None
    return co


def _merge_all(*parts: Cooccurrence) -> Cooccurrence:
    acc = parts[0]
    for p in parts[1:]:
        acc = acc.merge(p)
    return _strip(acc)


def _tree(partials: List[Any], split_every: int) -> Any:
    level = partials
    while len(level) > 1:
        level = [delayed(_merge_all, pure=True)(*level[i:i + split_every]) for i in range(0, len(level), split_every)]
    return level[0]


def cooccurrence(corpus: Any, matcher: Any, *, text: str = "text", id: Optional[str] = None,
                 unit: Literal["document", "paragraph", "sentence"] = "sentence",
                 paragraphs: Literal["auto", "line", "blank"] = "auto", window: Optional[int] = None,
                 count: Literal["units", "mentions"] = "units", by: Union[None, str, Sequence[str]] = None,
                 explode: bool = False, time: Optional[str] = None, freq: Optional[str] = None,
                 dayfirst: Optional[bool] = None, date_format: Optional[str] = None, min_count: int = 1,
                 kinds: Any = None, between: Any = None,
                 n_threads: Optional[int] = 1, split_every: int = SPLIT_EVERY,
                 dedupe: Literal["none"] = "none", keep_evidence: int = 0,
                 level: Optional[str] = None) -> Cooccurrence:
    """Co-occurrence counts of a Dask collection, equal to :func:`gazetta.cooccurrence` on
    the same corpus (docs/counting.md, docs/dask.md).

    Every partition is counted by the local function, then the partial results are added
    in a tree of exact merges on the cluster; only the final tables come back.

    Parameters
    ----------
    corpus : dask DataFrame, Series or bag
        A DataFrame with the ``text`` column and the ``by``/``time`` columns, a Series of
        texts, or a bag of str or of dicts. Missing texts are empty documents.
    matcher : Matcher or Gazetteer
        Shipped to each worker once (see the module docstring).
    text, id, unit, paragraphs, window, count, by, explode, time, freq, min_count, kinds, between, level
        As in :func:`gazetta.cooccurrence` (with ``explode=True`` each partition's documents
        are read once per group, as the local call reads them). A Dask DataFrame keeps a
        column of lists only when it is made under
        ``dask.config.set({"dataframe.convert-string": False})``; otherwise Dask stores the
        lists as their text (``"['asia', 'world']"``), one group each.
    dayfirst, date_format
        As in :func:`gazetta.cooccurrence`. Without either, the day/month order of a text
        date column is decided from all its distinct values first (one pass over that
        column), then every partition reads its dates that way.
    n_threads : int or None, default 1
        Rust threads per partition task (Dask runs partitions in parallel already).
    split_every : int, default 8
        Partial results added by one merge task.
    dedupe : {"none"}
        Only ``"none"``: folding duplicates needs every earlier document, and two copies in
        different partitions would both be counted, so the result could not equal the local
        ``dedupe="exact"``/``"near"`` one. Deduplicate first (see ``docs/dask.md``).
    keep_evidence : int, default 0
        Keep the first ``keep_evidence`` units of every pair while counting, as in
        :func:`gazetta.cooccurrence`: each partition keeps its own and the merges keep the
        first ones in partition order, so ``.evidence()`` then gives what the local call
        gives (``doc``: the ``id`` column's value, or the position in the whole collection).

    Returns
    -------
    Cooccurrence
        Equal to the local result: ``.pairs``, ``.entities``, ``.groups`` and ``.meta``
        (but ``created``, the time of this call's end). Without ``keep_evidence``,
        ``.evidence()`` raises :class:`~gazetta.GazettaError`, as for a streamed corpus: the
        corpus stays on the cluster (see ``docs/dask.md`` for getting the evidence of a pair).

    Warns
    -----
    UserWarning
        When documents have a missing group key (once, with the total, as the local call).

    Examples
    --------
    >>> import dask, dask.bag as db, gazetta, gazetta.dask
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    >>> docs = ["Alphaland and Betaland.", "Betaland. Alphaland.", "Alphaland."]
    >>> with dask.config.set(scheduler="sync"):
    ...     co = gazetta.dask.cooccurrence(db.from_sequence(docs, npartitions=3), g)
    >>> co.pairs.equals(gazetta.cooccurrence(docs, g).pairs), co.meta["n_docs"]
    (True, 3)
    """
    _input.check_corpus_first(corpus, matcher, "dask.cooccurrence")
    kind = _kind(corpus)
    n_threads = _check_threads(n_threads)
    if dedupe != "none":
        raise ValueError(f"gazetta.dask.cooccurrence supports only dedupe='none'; got {dedupe!r}: duplicates in "
                         "different partitions cannot be folded per partition (deduplicate the corpus first, or "
                         "count it locally)")
    if isinstance(split_every, bool) or not isinstance(split_every, int) or split_every < 2:
        raise ValueError(f"split_every must be an int >= 2; got {split_every!r}")
    options: Dict[str, Any] = dict(id=id, unit=unit, paragraphs=paragraphs, window=window, count=count, by=by,
                                   explode=explode, time=time, freq=freq, dayfirst=dayfirst, date_format=date_format,
                                   min_count=min_count, kinds=kinds, between=between,
                                   n_threads=n_threads,
                                   keep_evidence=keep_evidence, level=level)
    if not isinstance(matcher, Matcher):
        matcher = Matcher(matcher)
    # Validates every option (and the columns) here, before anything is sent, and is the
    # result for a collection without partitions.
    if kind == "frame":
        if text not in corpus.columns:
            raise _input.missing_column(text, list(corpus.columns), "text")
        sample: Any = corpus._meta.copy()
        sample[text] = _plain_texts(sample[text])
    else:
        sample = []
    empty = _local_cooccurrence(sample, matcher, text=text, progress=False, **options)
    if kind == "frame" and time is not None and dayfirst is None and date_format is None \
            and time in corpus.columns and (pd.api.types.is_object_dtype(corpus._meta[time])
                                            or pd.api.types.is_string_dtype(corpus._meta[time])):
        from ._dates import DateReader

        # the order of numeric dates is decided over the whole column, not per partition
        reader = DateReader(time, freq)
        reader.scan(corpus[time].drop_duplicates().compute().reset_index(drop=True))
        if reader.order is not None:
            options["dayfirst"] = reader.order.startswith("day")
    if kind == "frame":
        by_list = [] if by is None else ([by] if isinstance(by, str) else list(by))
        corpus = corpus[list(dict.fromkeys([text] + by_list + ([time] if time else []) + ([id] if id else [])))]
    matcher, ref = _ship(matcher)
    parts = corpus.to_delayed()
    if not parts:
        result = empty
    else:
        gh = empty.meta.get("gazetteer_hash")
        partials = [delayed(_count_partition, pure=True)(p, ref, kind, text, gh, options) for p in parts]
        (result,) = dask.compute(_tree(partials, split_every))
    result._matcher = matcher
    result._corpus = None
    result._text = text
    result._id = id
    result.meta["created"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    missing = int(result.meta.get("missing_key_docs", 0))
    if missing:
        one = missing == 1
        warnings.warn(f"{missing} document{'' if one else 's'} {'has' if one else 'have'} a missing group key and "
                      f"{'was' if one else 'were'} not counted (see .meta['missing_key_docs'])", stacklevel=2)
    if result.meta.get("unreadable_dates") and not len(result.groups):
        raise ValueError(f"no value of {time!r} could be read as a date; pass date_format= (e.g. '%d %B %Y')")
    if result.meta.get("unreadable_dates"):
        warnings.warn(unreadable_note(int(result.meta["unreadable_dates"]), time), stacklevel=2)
    if result.meta.get("dates_to_utc"):
        warnings.warn(utc_note(int(result.meta["dates_to_utc"]), time), stacklevel=2)
    return result
