"""What a user passes as a corpus, read as one stream of chunks for the Rust core.

Every function that reads documents opens its input here, with one set of checks and
messages: :meth:`Matcher.mentions` and :meth:`Matcher.dfm`, :func:`gazetta.cooccurrence`,
:func:`gazetta.duplicates`, :func:`gazetta.audit`, the command line (through
:func:`gazetta.read_corpus`) and :mod:`gazetta.dask` (each partition is counted by the local
functions). :func:`open_corpus` takes

- a pandas DataFrame, a polars DataFrame or a pyarrow Table (``text``, ``id``, ``by`` and
  ``time`` are its columns; polars and pyarrow data become a pandas DataFrame whose text
  column stays in its Arrow buffers);
- a list, tuple, pandas Series or numpy array of str (None/NaN: empty documents), a pyarrow
  string array or a polars Series;
- any other iterable of str or of dicts (streamed: read once, in bounded memory);
- a corpus of :func:`gazetta.read_corpus` (streamed; its own text and id fields);

and hands out :class:`Chunk` objects: the texts (a list of str/None, or a zero-copy Arrow
string array), the document ids and the metadata columns (``by`` and ``time``). In-memory
lists are cut by documents, streams and frames by about :data:`CHUNK_CHARS` characters;
results never depend on the chunking (the core receives each chunk's document offset).
"""

from __future__ import annotations

import difflib
import os
import sys
import warnings
from bisect import bisect_left
from itertools import accumulate
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

#: Target size of one chunk, in characters (documents are never split).
CHUNK_CHARS = 16_000_000
#: Upper bound on documents per chunk.
CHUNK_DOCS = 50_000
#: Documents per chunk of an in-memory list of str when nothing is kept per text (the
#: co-occurrence counter: about 20 bytes per document on the Rust side while a call runs).
COUNT_CHUNK_DOCS = 1_000_000

#: Values of a ``by=`` column that hold several groups (``explode=True``).
_LIST_TYPES: Tuple[type, ...] = (list, set, frozenset, np.ndarray)


class DuplicateIdsWarning(UserWarning):
    """Some documents have the id of an earlier document; the count is in the result's
    ``meta`` (``attrs`` of a frame) as ``duplicate_ids``.

    Available as ``gazetta.corpus.DuplicateIdsWarning``, e.g. to turn it into an error or
    silence it with ``warnings``.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> import gazetta
    >>> from gazetta.corpus import DuplicateIdsWarning
    >>> df = pd.DataFrame({"id": ["a", "a"], "text": ["Japan and China.", "Japan."]})
    >>> g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China")
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DuplicateIdsWarning)
    ...     co = gazetta.cooccurrence(df, gazetta.Matcher(g), id="id")
    >>> co.meta["duplicate_ids"]
    1
    """


# --------------------------------------------------------------------------------------------
# sizes
def known_length(texts: Any) -> Optional[int]:
    """Number of documents when cheap to know, else None."""
    try:
        return len(texts)
    except TypeError:
        return None


def approx_chars(texts: Any) -> Optional[int]:
    """Total characters of a Series of str (None otherwise: lists are not walked in Python
    just to size a progress bar)."""
    if isinstance(texts, pd.Series):
        if texts.dtype == object or pd.api.types.is_string_dtype(texts.dtype):
            # to_numeric: an all-None object column's lengths are objects, and pandas 2.2-2.3
            # warns (FutureWarning) when fillna downcasts them
            return int(pd.to_numeric(texts.str.len(), errors="coerce").fillna(0).sum()) if len(texts) else 0
    return None


def text_of(item: Any, text_key: str) -> Any:
    """The text of a record (a dict's ``text_key``), or the item itself."""
    if isinstance(item, dict):
        return item.get(text_key)
    return item


# --------------------------------------------------------------------------------------------
# chunkers (module-level names, read at call time, so that tests can make chunks small)
def iter_chunks(texts: Any, *, text_key: str = "text", chunk_chars: Any = "default",
                chunk_docs: Optional[int] = None) -> Iterator[Tuple[List[Any], Optional[List[Any]]]]:
    """Yields ``(texts, items)`` chunks: ``texts`` is a list of str/None objects; ``items``
    is the list of original dict records for dict streams (None otherwise).

    ``chunk_chars=None`` cuts in-memory lists by ``chunk_docs`` only, without reading the
    length of every text (for callers whose Rust side keeps nothing per text). Streams are
    still cut at :data:`CHUNK_CHARS` characters then, so that memory stays bounded.

    Examples
    --------
    >>> [len(c) for c, _ in iter_chunks(["a"] * 5, chunk_docs=2)]
    [2, 2, 1]
    >>> [len(c) for c, _ in iter_chunks(["a"] * 5, chunk_chars=None, chunk_docs=4)]
    [4, 1]
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a collection of str, not a single str (wrap it in a list)")
    if isinstance(texts, pd.DataFrame):
        raise TypeError("pass a column (df['text']) or use gazetta.cooccurrence(df, text=...)")
    if chunk_docs is None:
        chunk_docs = CHUNK_DOCS
    if isinstance(chunk_chars, str):
        chunk_chars = CHUNK_CHARS
    limit = CHUNK_CHARS if chunk_chars is None else chunk_chars
    if isinstance(texts, pd.Series):
        seq: Iterable[Any] = texts.tolist() if texts.dtype == object else texts.astype(object).tolist()
    elif isinstance(texts, np.ndarray):
        seq = texts.tolist()
    else:
        seq = texts
    if isinstance(seq, (list, tuple)):
        n = len(seq)
        if n == 0:
            return
        is_dict = isinstance(seq[0], dict)
        if chunk_chars is None and not is_dict:
            for i in range(0, n, chunk_docs):
                part = seq[i:i + chunk_docs]
                yield (part if type(part) is list else list(part)), None
            return
        texts_all = [x.get(text_key) if type(x) is dict else x for x in seq] if is_dict else seq
        # Chunk boundaries from cumulative lengths, in plain Python ints: for the usual list of
        # str, map(len) and accumulate loop in C (building a numpy array of the lengths cost
        # more than the lengths themselves). With None/NaN documents (or anything else len()
        # refuses) a comprehension counts non-str items as 0 characters.
        try:
            ends = list(accumulate(map(len, texts_all)))
        except Exception:
            ends = list(accumulate([len(t) if type(t) is str else 0 for t in texts_all]))
        i = 0
        while i < n:
            base = ends[i - 1] if i else 0
            # first index whose cumulative size reaches the chunk size (at least one document)
            j = bisect_left(ends, base + limit, i) + 1
            j = max(i + 1, min(j, n, i + chunk_docs))
            part = seq[i:j]
            if is_dict:
                yield texts_all[i:j], (part if type(part) is list else list(part))
            else:
                yield (part if type(part) is list else list(part)), None
            i = j
        return
    buf: List[Any] = []
    items: List[Any] = []
    is_dict = None
    size = 0
    for item in seq:
        if is_dict is None:
            is_dict = isinstance(item, dict)
        t = text_of(item, text_key)
        buf.append(t)
        if is_dict:
            items.append(item)
        size += len(t) if isinstance(t, str) else 0
        if size >= limit or len(buf) >= chunk_docs:
            yield buf, (items if is_dict else None)
            buf, items, size = [], [], 0
    if buf:
        yield buf, (items if is_dict else None)


def is_text_type(t: Any) -> bool:
    """Whether an Arrow type holds text (string, binary, their large and view forms, or a
    dictionary of them)."""
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        return is_text_type(t.value_type)
    view = getattr(pa.types, "is_string_view", lambda _t: False)(t) or getattr(pa.types, "is_binary_view",
                                                                             lambda _t: False)(t)
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_binary(t)
                or pa.types.is_large_binary(t) or view)


def arrow_texts(texts: Any) -> Any:
    """An Arrow string array (or chunked array) over the same buffers as ``texts`` when it is
    an Arrow-backed pandas string Series / array or a pyarrow string array; None otherwise
    (then the str path applies). Never copies the text data."""
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow is optional
        return None
    if not hasattr(pa.Array, "__arrow_c_array__"):  # pyarrow < 14: no PyCapsule interface
        return None
    if isinstance(texts, (pa.Array, pa.ChunkedArray)):
        return texts if is_text_type(texts.type) and not pa.types.is_dictionary(texts.type) else None
    if isinstance(texts, pd.Series):
        dt = texts.dtype
        arrow_backed = (isinstance(dt, pd.StringDtype) and getattr(dt, "storage", None) == "pyarrow") or (
            isinstance(dt, getattr(pd, "ArrowDtype", ())) and is_text_type(dt.pyarrow_dtype)
            and not pa.types.is_dictionary(dt.pyarrow_dtype))
        if not arrow_backed:
            return None
        try:
            arr = pa.array(texts.array)  # __arrow_array__: the column's own (chunked) array
        except Exception:  # pragma: no cover - exotic pandas versions
            return None
        return arr if is_text_type(arr.type) else None
    return None


def _arrow_nbytes(arr: Any) -> int:
    """The bytes an Arrow array refers to; pyarrow < 22 cannot tell ``nbytes`` of a string_view
    array (ArrowTypeError), so its buffers' total size stands in."""
    try:
        return int(arr.nbytes)
    except (TypeError, NotImplementedError):  # pyarrow.ArrowTypeError is a TypeError
        return int(arr.get_total_buffer_size())


def arrow_chunks(arr: Any, chunk_chars: Optional[int] = None,
                 chunk_docs: Optional[int] = None) -> Iterator[Tuple[int, int, Any]]:
    """Zero-copy slices ``(start, stop, arr[start:stop])`` of about ``chunk_chars`` bytes."""
    import pyarrow.compute as pc

    chunk_chars = CHUNK_CHARS if chunk_chars is None else chunk_chars
    chunk_docs = CHUNK_DOCS if chunk_docs is None else chunk_docs
    n = len(arr)
    if n == 0:
        return
    try:
        lens = pc.binary_length(arr).fill_null(0)
        cum = np.cumsum(np.asarray(lens.to_numpy(), dtype=np.int64))
    except NotImplementedError:  # e.g. string_view in older pyarrow: spread nbytes evenly
        cum = np.cumsum(np.full(n, max(1, _arrow_nbytes(arr) // n), dtype=np.int64))
    i = 0
    while i < n:
        base = cum[i - 1] if i else 0
        j = int(np.searchsorted(cum, base + chunk_chars, side="left")) + 1
        j = max(i + 1, min(j, i + chunk_docs, n))
        yield i, j, arr.slice(i, j - i)
        i = j


def frame_chunks(df: pd.DataFrame, text: str, cols: List[str]) -> Iterator[Tuple[Any, Optional[pd.DataFrame]]]:
    """``(texts, rows of cols)`` of a DataFrame: zero-copy Arrow slices for an Arrow-backed
    text column, else lists of about :data:`CHUNK_CHARS` characters."""
    arr = arrow_texts(df[text])
    if arr is not None:  # Arrow-backed strings: zero-copy slices, no str per document
        for i, j, part in arrow_chunks(arr):
            yield part, (df.iloc[i:j][cols] if cols else None)
        return
    texts = df[text].tolist()
    n = len(texts)
    i = 0
    while i < n:
        size = 0
        j = i
        while j < n and j - i < CHUNK_DOCS:
            t = texts[j]
            size += len(t) if isinstance(t, str) else 0
            j += 1
            if size >= CHUNK_CHARS:
                break
        yield texts[i:j], (df.iloc[i:j][cols] if cols else None)
        i = j


# --------------------------------------------------------------------------------------------
# other table libraries
def _module_of(x: Any) -> str:
    return type(x).__module__.split(".", 1)[0]


def as_string_array(arr: Any) -> Any:
    """An Arrow text column as the core reads it: dictionary columns decoded, binary columns
    viewed as strings (their UTF-8 to be validated by the caller)."""
    import pyarrow as pa

    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.cast(t.value_type)
        t = arr.type
    if pa.types.is_binary(t):
        arr = arr.view(pa.string())
    elif pa.types.is_large_binary(t):
        arr = arr.view(pa.large_string())
    return arr


def _is_binary(t: Any) -> bool:
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        t = t.value_type
    return bool(pa.types.is_binary(t) or pa.types.is_large_binary(t)
                or getattr(pa.types, "is_binary_view", lambda _t: False)(t))


def _from_arrow_table(tbl: Any, text: Optional[str]) -> pd.DataFrame:
    """A pyarrow Table as a pandas DataFrame: the text column kept in its Arrow buffers
    (an ``ArrowDtype`` column, read by the core without a str per document), the other columns
    converted as ``Table.to_pandas`` does."""
    names = list(tbl.column_names)
    ttype = tbl.schema.field(text).type if text in names else None
    if ttype is None or not is_text_type(ttype) or _is_binary(ttype):  # bytes: an error naming the row
        return tbl.to_pandas()
    rest = tbl.drop_columns([text]) if hasattr(tbl, "drop_columns") else tbl.drop([text])
    df = rest.to_pandas() if rest.num_columns else pd.DataFrame(index=pd.RangeIndex(tbl.num_rows))
    col = as_string_array(tbl.column(text))
    df.insert(names.index(text), text, pd.Series(pd.arrays.ArrowExtensionArray(col), index=df.index))
    return df


def as_pandas(corpus: Any, text: Optional[str] = "text") -> Any:
    """A polars DataFrame or a pyarrow Table (or RecordBatch) as a pandas DataFrame; a polars
    Series as a pyarrow array; anything else as it is."""
    mod = _module_of(corpus)
    if mod == "polars":
        if hasattr(corpus, "columns") and hasattr(corpus, "to_arrow") and hasattr(corpus, "height"):
            return _from_arrow_table(corpus.to_arrow(), text)
        if hasattr(corpus, "to_arrow"):  # a polars Series
            arr = corpus.to_arrow()
            return arr if _is_binary(arr.type) else as_string_array(arr)
    if mod == "pyarrow":
        pa = sys.modules["pyarrow"]
        if isinstance(corpus, pa.RecordBatch):
            corpus = pa.Table.from_batches([corpus])
        if isinstance(corpus, pa.Table):
            return _from_arrow_table(corpus, text)
    return corpus


# --------------------------------------------------------------------------------------------
# messages
def _close(name: Any, options: Sequence[Any]) -> str:
    """``"; did you mean 'body'?"`` when ``options`` holds a near spelling of ``name``."""
    if not isinstance(name, str):
        return ""
    hits = difflib.get_close_matches(name, [str(o) for o in options], n=1, cutoff=0.6)
    if not hits:
        lower = {str(o).lower(): str(o) for o in options}
        hits = [lower[name.lower()]] if name.lower() in lower else []
    return f"; did you mean {hits[0]!r}?" if hits else ""


def missing_column(name: Any, columns: Sequence[Any], role: str = "") -> KeyError:
    """The KeyError for a column that a DataFrame does not have, with the nearest name."""
    what = f"{role} column" if role else "column"
    return KeyError(f"{what} {name!r} not in the DataFrame (columns: {list(columns)}){_close(name, columns)}")


def list_column_error(column: Any, value: Any) -> ValueError:
    """A ``by=`` column holding lists (or other unhashable values): name it, and for lists
    offer ``explode=True``."""
    if isinstance(value, _LIST_TYPES):
        return ValueError(f"the by= column {column!r} holds lists (value {value!r} ({type(value).__name__}) cannot "
                          f"be a group key): pass explode=True to count each document once in each of its groups, "
                          f"or convert the column (e.g. df[{column!r}].str.join('|'))")
    return ValueError(f"the by= column {column!r} holds unhashable values (value {value!r} ({type(value).__name__}) "
                      f"cannot be a group key); convert the column, e.g. to str")


def check_corpus_first(corpus: Any, other: Any, call: str = "cooccurrence") -> None:
    """A matcher or gazetteer where the corpus belongs (the arguments swapped) is a TypeError
    that gives the order, instead of a gazetteer error about the corpus's columns."""
    from .gazetteer import Gazetteer
    from .matcher import Matcher

    if isinstance(corpus, (Matcher, Gazetteer)) or (isinstance(corpus, str) and _looks_like_corpus(other)):
        raise TypeError(f"gazetta.{call}(corpus, matcher): the corpus comes first, then the matcher (or "
                        f"gazetteer); got a {type(corpus).__name__} first and a {type(other).__name__} second. "
                        f"Write gazetta.{call}(df, matcher)")


def check_matcher_first(matcher: Any, corpus: Any, call: str = "audit") -> None:
    """As :func:`check_corpus_first`, for functions that take the matcher first."""
    from .gazetteer import Gazetteer
    from .matcher import Matcher

    if isinstance(corpus, (Matcher, Gazetteer)) and not isinstance(matcher, (Matcher, Gazetteer)):
        raise TypeError(f"gazetta.{call}(matcher, corpus): the matcher (or gazetteer) comes first, then the "
                        f"corpus; got a {type(matcher).__name__} first and a {type(corpus).__name__} second. "
                        f"Write gazetta.{call}(matcher, df)")


def _looks_like_corpus(x: Any) -> bool:
    return isinstance(x, (pd.DataFrame, pd.Series, list, tuple)) or _module_of(x) in ("polars", "pyarrow") \
        or hasattr(x, "_gazetta_chunks")


# --------------------------------------------------------------------------------------------
# gazetteer columns
#: Column names, besides near spellings, that most likely mean one of the gazetteer's roles.
_LOOKALIKES = {"aliases": ("alias", "synonyms", "synonym", "variants", "variant", "names", "alt_names",
                           "alternate_names", "alternatenames"),
               "kind": ("type", "types", "kinds", "category", "categories", "class", "entity_type", "label")}


def warn_lookalike_columns(columns: Iterable[Any], roles: Dict[str, str], where: str, how: str,
                           stacklevel: int = 3, field: str = "column") -> None:
    """Warns when a gazetteer has no column for an optional role (``aliases``, ``kind``) but
    one whose name is close to it (``alias``, ``type``): it would silently become an
    attribute. ``roles`` maps the role to the column name in use; ``how`` ends the message
    (how to say which column is meant).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     warn_lookalike_columns(["id", "name", "alias"], {"aliases": "aliases", "kind": "kind"}, "the DataFrame",
    ...                            "rename it")
    >>> print(w[0].message)
    the DataFrame has no 'aliases' column but a column 'alias', read as an attribute:
    did you mean 'aliases'? (rename it)
    """
    present = [str(c) for c in columns]
    taken = set(roles.values())
    others = [c for c in present if c not in taken]
    for role, name in roles.items():
        if name in present or role not in _LOOKALIKES:
            continue
        hits = difflib.get_close_matches(name, others, n=1, cutoff=0.75) or [
            c for c in others if c.lower() in _LOOKALIKES[role] or c.lower() == name.lower()][:1]
        if hits:
            warnings.warn(f"{where} has no {name!r} {field} but a {field} {hits[0]!r}, read as an attribute: did you "
                          f"mean {name!r}? ({how.format(role=role, col=hits[0])})", UserWarning,
                          stacklevel=stacklevel + 1)


# --------------------------------------------------------------------------------------------
# built-in gazetteers by name
def builtin_gazetteer(spec: Any) -> Any:
    """The built-in gazetteer a name stands for (``"countries"``, ``"countries:LANG"``,
    ``"places"``, ``"places:MIN_POPULATION"``), or None when ``spec`` names none (or an
    existing file). A bad language or population is a ValueError.

    Examples
    --------
    >>> len(builtin_gazetteer("countries:de")) > 200, builtin_gazetteer("mine.csv")
    (True, None)
    """
    if not isinstance(spec, str):
        return None
    s = spec.strip()
    if os.path.exists(s):
        return None
    if s == "places" or s.startswith("places:"):
        from .gazetteers import places

        arg = s.split(":", 1)[1].strip().replace("_", "").replace(",", "") if ":" in s else ""
        if ":" in s and not (arg.isascii() and arg.isdigit()):
            raise ValueError(f"'places:{s.split(':', 1)[1]}': after 'places:' comes the smallest population of a "
                             "city to include, e.g. 'places:100000'")
        return places(int(arg)) if arg else places()
    if not (s == "countries" or s.startswith("countries:")):
        return None
    from .gazetteers import countries

    lang = s.split(":", 1)[1] if ":" in s else "en"
    return countries(lang or "en")


# --------------------------------------------------------------------------------------------
# the corpus
class Chunk(NamedTuple):
    """One chunk: ``texts`` (a list of str/None, or an Arrow string array), ``ids`` (a list,
    when asked for and the corpus has them), ``meta`` (the ``by``/``time`` columns, or None)."""

    texts: Any
    ids: Optional[List[Any]]
    meta: Optional[pd.DataFrame]


class _IdTally:
    """Counts documents whose id an earlier document has (8 bytes per document kept)."""

    def __init__(self) -> None:
        self.parts: List[np.ndarray] = []
        self.count: Optional[int] = None

    def add(self, ids: Sequence[Any]) -> None:
        try:
            self.parts.append(np.fromiter(map(hash, ids), dtype=np.int64, count=len(ids)))
        except TypeError:  # unhashable ids: not checked
            pass

    def finish(self) -> int:
        if self.count is None:
            h = np.concatenate(self.parts) if self.parts else np.zeros(0, dtype=np.int64)
            self.count = int(len(h) - len(pd.unique(h)))  # (np.unique sorts: several times slower)
        return self.count


def duplicate_ids(ids: Any) -> int:
    """How many entries of ``ids`` repeat an earlier one (0 for ids that cannot be hashed)."""
    try:
        s = ids if isinstance(ids, (pd.Series, pd.Index)) else pd.Series(list(ids), dtype=object)
        return int(s.duplicated().sum())
    except TypeError:  # unhashable ids (lists): not checked
        return 0


def warn_duplicate_ids(n: int, where: str, stacklevel: int = 3, counted_in: str = "meta") -> None:
    """A :class:`DuplicateIdsWarning` when ``n`` documents repeat an earlier document's id."""
    if n:
        warnings.warn(f"{n:,} document{'s' if n != 1 else ''} {'have' if n != 1 else 'has'} the id of an earlier "
                      f"document ({where}): their rows carry the same name and cannot be told apart by it "
                      f"(counted in .{counted_in}['duplicate_ids'])", DuplicateIdsWarning,
                      stacklevel=stacklevel + 1)


class Source:
    """A checked corpus: :meth:`chunks` reads it (again, for each call).

    Attributes
    ----------
    kind : str
        ``"frame"`` (a DataFrame), ``"corpus"`` (:func:`gazetta.read_corpus`), ``"arrow"``
        (an Arrow string array or Arrow-backed Series), ``"texts"`` (any other collection or
        stream of str or dicts).
    data : object
        The corpus as read (a polars or pyarrow table as a pandas DataFrame, exploded when
        ``explode=True``).
    total, size : int or None
        Documents and characters (bytes) when cheap to know, for progress bars.
    """

    def __init__(self, data: Any, kind: str, text: str, id: Optional[str], by: List[Any], time: Optional[str],
                 explode: bool, id_field: Optional[str], hint: str = "") -> None:
        self.data = data
        self.kind = kind
        self.text = text
        self.id = id
        self.id_field = id_field
        self.by = by
        self.time = time
        self.explode = explode
        self.exploded: Optional[Dict[str, int]] = None
        self._ids = _IdTally()
        self._frame_dups: Optional[int] = None
        self.total: Optional[int] = None
        self.size: Optional[int] = None
        self.arrow: Any = None  # kind "arrow": the Arrow string array
        self.hint = hint  # ends the message of _needs_fields

    @property
    def columns(self) -> List[Any]:
        """The metadata columns handed out in :attr:`Chunk.meta`: ``by``, then ``time``."""
        return self.by + ([self.time] if self.time is not None else [])

    @property
    def frame(self) -> Optional[pd.DataFrame]:
        return self.data if self.kind == "frame" else None

    @property
    def in_memory(self) -> Any:
        """The corpus held in memory (to re-read evidence from), or None for streams."""
        if self.explode and self.kind != "frame":
            return None
        return self.data if isinstance(self.data, (pd.DataFrame, list, tuple, pd.Series, np.ndarray)) else None

    def extra_meta(self) -> Dict[str, Any]:
        """What a corpus of :func:`gazetta.read_corpus` adds to ``meta`` (file, skipped records)."""
        f = getattr(self.data, "_gazetta_meta", None)
        return f() if f is not None else {}

    def duplicate_ids(self) -> int:
        """Documents with the id of an earlier one (of those read so far, for streams)."""
        if self._frame_dups is not None:
            return self._frame_dups
        return self._ids.finish()

    # reading ----------------------------------------------------------------------------
    def chunks(self, *, ids: bool = False, list_docs: Optional[int] = None) -> Iterator[Chunk]:
        """Every chunk, in corpus order. ``ids``: hand out the document ids (the ``id``
        column or field; for a :func:`~gazetta.read_corpus` corpus its own id field unless
        ``id=`` names one). ``list_docs``: documents per chunk of an in-memory list of str
        (default :data:`CHUNK_DOCS`)."""
        cols = self.columns
        idf = self.id_field if ids else None
        tally = self._ids if idf is not None and self._frame_dups is None else None
        explode = self.explode and self.kind != "frame"  # a DataFrame is exploded whole, up front
        for c in self._raw_chunks(cols, idf, list_docs):
            if tally is not None and c.ids is not None:
                tally.add(c.ids)  # the documents' ids, before any exploding
            yield self._explode_chunk(c) if explode else c

    def _raw_chunks(self, cols: List[Any], idf: Optional[str], list_docs: Optional[int]) -> Iterator[Chunk]:
        if self.kind == "frame":
            df = self.data
            want = list(dict.fromkeys(cols + ([idf] if idf is not None else [])))
            for texts, meta in frame_chunks(df, self.text, want):
                yield Chunk(texts, meta[idf].tolist() if idf is not None else None,
                            meta[cols] if cols else None)
            return
        if self.kind == "corpus":
            want = list(dict.fromkeys(cols + ([idf] if idf is not None else [])))
            for texts, meta in self.data._gazetta_chunks(text=self.text, columns=want):
                yield Chunk(texts, meta[idf].tolist() if idf is not None and meta is not None else None,
                            meta[cols] if cols and meta is not None else None)
            return
        if self.kind == "arrow":
            for _, _, part in arrow_chunks(self.arrow):
                yield Chunk(part, None, None)
            return
        kw: Dict[str, Any] = {}
        if isinstance(self.data, (list, tuple)):
            # In-memory lists are held whole already: cutting them by characters (a Python
            # pass over every text's length) bounds nothing, so they are cut by documents.
            kw = {"chunk_chars": None, "chunk_docs": CHUNK_DOCS if list_docs is None else list_docs}
        for texts, items in iter_chunks(self.data, text_key=self.text, **kw):
            if items is None:
                if cols or idf is not None:
                    raise self._needs_fields(f"a stream of {type(texts[0]).__name__ if texts else 'str'}")
                yield Chunk(texts, None, None)
                continue
            meta = pd.DataFrame({c: [it.get(c) for it in items] for c in cols}) if cols else None
            yield Chunk(texts, [it.get(idf) for it in items] if idf is not None else None, meta)

    def _needs_fields(self, held: str) -> ValueError:
        """``by=``/``time=``/``id=`` on texts without fields: say that a DataFrame is needed."""
        wants = [f"by={self.by!r}" if len(self.by) != 1 else f"by={self.by[0]!r}"] if self.by else []
        wants += [f"time={self.time!r}"] if self.time is not None else []
        wants += [f"id={self.id!r}"] if self.id is not None else []
        one = len(wants) == 1
        return ValueError(f"{' and '.join(wants)} name{'s' if one else ''} {'a column' if one else 'columns'} of a "
                          f"DataFrame (or keys of dict records), and {held} holds only the texts: pass the "
                          f"DataFrame (or dicts) with the texts and {'that column' if one else 'those columns'}"
                          f"{self.hint}")

    def _explode_chunk(self, chunk: Chunk) -> Chunk:
        """A chunk of records whose ``by`` values may be lists: one row per (document, group)."""
        meta = chunk.meta
        if meta is None or not self.by:
            return chunk
        n0 = len(meta)
        rows = _explode(meta.assign(_gz_row=np.arange(n0)), self.by)
        idx = rows["_gz_row"].to_numpy(dtype=np.int64)
        meta = rows.drop(columns="_gz_row").reset_index(drop=True)
        if isinstance(chunk.texts, list):
            texts: Any = [chunk.texts[i] for i in idx]
        else:
            import pyarrow as pa

            texts = chunk.texts.take(pa.array(idx))
        ids = [chunk.ids[i] for i in idx] if chunk.ids is not None else None
        self._count_exploded(n0, len(idx))
        return Chunk(texts, ids, meta)

    def _count_exploded(self, docs: int, rows: int) -> None:
        if self.exploded is None:
            self.exploded = {"docs": 0, "rows": 0}
        self.exploded["docs"] += docs
        self.exploded["rows"] += rows


def texts_and_ids(corpus: Any, text: str, id: Optional[str]) -> Tuple[List[Any], List[Any]]:
    """Every text and document name (``id`` values, else positions) of an in-memory corpus
    (:attr:`Source.in_memory`), as the counting read them: for re-reading evidence."""
    if isinstance(corpus, pd.DataFrame):
        texts = corpus[text].tolist()
        ids = corpus[id].tolist() if id else list(range(len(texts)))
        return texts, ids
    if isinstance(corpus, (pd.Series, np.ndarray)):
        texts = corpus.tolist()
    else:
        texts = list(corpus)
    if texts and isinstance(texts[0], dict):  # records, as the counting read them
        ids = [r.get(id) if type(r) is dict else None for r in texts] if id else list(range(len(texts)))
        return [r.get(text) if type(r) is dict else r for r in texts], ids
    return texts, list(range(len(texts)))


def _groups_of(v: Any) -> Any:
    """The groups of one ``by`` cell for exploding: distinct values in order (a set sorted)."""
    if isinstance(v, (set, frozenset)):
        try:
            return sorted(v)
        except TypeError:
            return sorted(v, key=repr)
    if isinstance(v, (list, tuple, np.ndarray)):
        return list(dict.fromkeys(v.tolist() if isinstance(v, np.ndarray) else v))
    return v


def _is_arrow_list(dtype: Any) -> bool:
    t = getattr(dtype, "pyarrow_dtype", None)
    if t is None:
        return False
    import pyarrow as pa

    return bool(pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t)
                or getattr(pa.types, "is_list_view", lambda _t: False)(t))


def _explode(df: pd.DataFrame, by: Sequence[Any]) -> pd.DataFrame:
    """One row per document and combination of its groups (an empty list: one row, no key)."""
    for c in by:
        col = df[c]
        if col.dtype != object:
            if not _is_arrow_list(col.dtype):  # an Arrow list column (from polars, Parquet) is exploded too
                continue
            col = col.astype(object)
        df = df.copy(deep=False)
        df[c] = col.map(_groups_of)
        df = df.explode(c)
    return df


def _first_value(col: pd.Series) -> Any:
    if not len(col) or (col.dtype != object and not _is_arrow_list(col.dtype)):
        return None
    nn = col.first_valid_index()
    return None if nn is None else col.loc[nn] if col.index.is_unique else col[col.notna()].iloc[0]


def open_corpus(corpus: Any, *, text: str = "text", id: Optional[str] = None, by: Sequence[Any] = (),
                time: Optional[str] = None, explode: bool = False, what: str = "corpus",
                frames: bool = True, hint: str = "") -> Source:
    """Checks a corpus and says how to read it (see the module docstring for what it takes).

    Parameters
    ----------
    corpus
        What the user passed.
    text, id : str
        The text column (dict key), and the document id column (or None).
    by, time
        The metadata columns that :attr:`Chunk.meta` carries (``by=`` and ``time=``).
    explode : bool
        ``by`` columns may hold lists: a document is read once for each of its groups.
    what : str
        The argument's name in messages (``"corpus"``, ``"texts"``).
    frames : bool
        Whether a DataFrame is taken (:meth:`Matcher.mentions` takes texts only).
    hint : str
        Ends the message for ``by``/``time``/``id`` on texts without fields (an example call).

    Raises
    ------
    TypeError
        A single str, a matcher, or a DataFrame where only texts are taken.
    KeyError
        A column missing from a DataFrame (the message names the closest one).
    ValueError
        ``by``/``time``/``id`` on a corpus without fields; a ``by`` column of lists
        without ``explode=True``.

    Examples
    --------
    >>> import pandas as pd
    >>> src = open_corpus(pd.DataFrame({"text": ["a", "b"], "g": [["x", "y"], "x"]}), by=["g"], explode=True)
    >>> [(len(c.texts), c.meta["g"].tolist()) for c in src.chunks()], src.exploded
    ([(3, ['x', 'y', 'x'])], {'docs': 2, 'rows': 3})
    """
    by = list(by)
    if isinstance(corpus, (str, bytes)):
        raise TypeError(f"{what} must be a collection of texts, not a single {type(corpus).__name__} (wrap it in a "
                        "list, or use gazetta.read_corpus(path) for a file)")
    from .gazetteer import Gazetteer
    from .matcher import Matcher

    if isinstance(corpus, (Matcher, Gazetteer)):
        raise TypeError(f"{what} must be a collection of texts, not a {type(corpus).__name__}")
    corpus = as_pandas(corpus, text)
    if explode and not by:
        raise ValueError("explode=True splits the lists of by= columns: pass by= too")
    if isinstance(corpus, pd.DataFrame):
        if not frames:
            raise TypeError(f"pass a column (df[{text!r}]) as {what}, or use gazetta.cooccurrence(df, text=...)")
        cols = list(corpus.columns)
        if text not in corpus.columns:
            raise missing_column(text, cols, "text")
        for c in by + ([time] if time is not None else []) + ([id] if id is not None else []):
            if c not in corpus.columns:
                raise missing_column(c, cols)
        dups = duplicate_ids(corpus[id]) if id is not None else None  # of the documents, before exploding
        if explode:
            n0 = len(corpus)
            corpus = _explode(corpus, by).reset_index(drop=True)
        else:
            for c in by:
                v = _first_value(corpus[c])
                if isinstance(v, _LIST_TYPES):
                    raise list_column_error(c, v)
        src = Source(corpus, "frame", text, id, by, time, explode, id, hint)
        if explode:
            src._count_exploded(n0, len(corpus))
        src.total, src.size = len(corpus), approx_chars(corpus[text])
        src._frame_dups = dups
        return src
    if hasattr(corpus, "_gazetta_chunks"):  # gazetta.read_corpus(...)
        idf = id if id is not None else getattr(corpus, "id", None)
        src = Source(corpus, "corpus", text, id, by, time, explode, idf, hint)
        src.total, src.size = known_length(corpus), getattr(corpus, "nbytes", None)
        return src
    arr = arrow_texts(corpus)
    if arr is not None:  # an Arrow-backed Series, a pyarrow array: zero-copy slices
        src = Source(corpus, "arrow", text, id, by, time, explode, id, hint)
        if by or time is not None or id is not None:
            raise src._needs_fields(f"a {type(corpus).__name__}")
        src.arrow = arr
        src.total, src.size = len(arr), _arrow_nbytes(arr)
        return src
    if by or time is not None or id is not None:
        probe = Source(corpus, "texts", text, id, by, time, explode, id, hint)
        first = (corpus.iloc[0] if isinstance(corpus, pd.Series) else corpus[0]) if isinstance(
            corpus, (pd.Series, np.ndarray)) and len(corpus) else None
        if isinstance(corpus, (pd.Series, np.ndarray)) and not isinstance(first, dict):
            raise probe._needs_fields(f"a {type(corpus).__name__}")
        if isinstance(corpus, (list, tuple)) and corpus and not isinstance(corpus[0], dict):
            raise probe._needs_fields(f"a {type(corpus).__name__} of {type(corpus[0]).__name__}")
    src = Source(corpus, "texts", text, id, by, time, explode, id, hint)
    src.total, src.size = known_length(corpus), approx_chars(corpus)
    return src
