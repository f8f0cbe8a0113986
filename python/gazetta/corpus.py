"""Corpora on disk, streamed in chunks (docs/corpora.md): :func:`read_corpus`.

A :class:`Corpus` never holds a whole file: every pass (:meth:`Corpus.__iter__`,
:meth:`Corpus.to_pandas`, :func:`gazetta.cooccurrence`, :meth:`gazetta.Matcher.mentions`)
reads it again, chunk by chunk (about ``chunk_size`` characters of text each), so counting a
corpus larger than memory keeps only the count tables.

Text columns read from Parquet (and pandas' Arrow-backed string columns handed to
``cooccurrence``/``mentions``) reach the Rust core as Arrow buffers through the Arrow C data
interface: no Python ``str`` is created per document.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import math
import os
import re
import secrets
import stat
import threading
import warnings
import zlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Dict, Iterator, List, Literal, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _input
from ._input import CHUNK_CHARS, DuplicateIdsWarning, arrow_texts
from ._input import as_string_array as _as_string_array
from ._input import is_text_type as _is_text_type
from .exceptions import CorpusError

__all__ = ["read_corpus", "Corpus", "SkippedRecordsWarning", "DuplicateIdsWarning"]

FormatOpt = Literal["jsonl", "parquet", "csv", "txt"]
_FORMATS = ("jsonl", "parquet", "csv", "txt")
_ON_ERROR = ("raise", "skip")
#: At most this many skipped-record errors are kept in :attr:`Corpus.errors`.
MAX_KEPT_ERRORS = 20


class SkippedRecordsWarning(UserWarning):
    """Bad records were skipped (``on_error="skip"``); the count is in the result's ``meta``.

    Examples
    --------
    >>> import os, tempfile, warnings, gazetta
    >>> path = os.path.join(tempfile.mkdtemp(), "news.jsonl")
    >>> with open(path, "w", encoding="utf-8") as f:
    ...     _ = f.write('{"text": "Japan and China."}\\n{"text": broken\\n')
    >>> g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     co = gazetta.cooccurrence(gazetta.read_corpus(path, on_error="skip"), g)
    >>> [w.category.__name__ for w in caught]
    ['SkippedRecordsWarning']
    >>> co.meta["skipped_records"]
    1
    """


# --------------------------------------------------------------------------------------------
# Invalid bytes in CSV files are decoded as a marker and found in the parsed rows afterwards
# (pandas' Arrow-backed strings cannot hold lone surrogates, so surrogateescape is out). The
# marker is 8 Unicode noncharacters drawn at random per process: a valid row holding U+FDD0
# (or any fixed sequence) is no longer taken for a bad one. Each reading pass counts its own
# decode errors through an error handler of its own (a slot, reused once the pass ends), so
# a pass reading a bad file never disturbs one reading a good file in another thread.
_MARK = "".join(chr(0xFDD0 + b % 32) for b in secrets.token_bytes(8))


class _MarkSlot:
    __slots__ = ("name", "hits")

    def __init__(self, name: str) -> None:
        self.name = name
        self.hits = 0

    def handler(self, err: UnicodeError) -> Tuple[str, int]:
        if not isinstance(err, UnicodeDecodeError):  # pragma: no cover - the marker encodes
            raise err
        self.hits += 1
        return _MARK, err.end


_SLOTS: List[_MarkSlot] = []
_FREE_SLOTS: List[_MarkSlot] = []
_SLOTS_LOCK = threading.Lock()


def _take_slot() -> _MarkSlot:
    with _SLOTS_LOCK:
        if _FREE_SLOTS:
            slot = _FREE_SLOTS.pop()
        else:
            slot = _MarkSlot(f"gazetta.mark{len(_SLOTS)}")
            codecs.register_error(slot.name, slot.handler)
            _SLOTS.append(slot)
    slot.hits = 0
    return slot


def _give_slot(slot: _MarkSlot) -> None:
    with _SLOTS_LOCK:
        _FREE_SLOTS.append(slot)


def _detect_format(path: Path) -> str:
    if path.is_dir():
        return "txt"
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".tsv", ".tab")):
        return "csv"
    if name.endswith(".txt"):
        raise ValueError(f"{path} is a single .txt file: read_corpus takes a folder of .txt files (one document each)")
    raise ValueError(f"cannot tell the format of {path}: pass format= one of {', '.join(map(repr, _FORMATS))}")


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def read_corpus(path: Union[str, os.PathLike], *, text: str = "text", id: Optional[str] = None,
                columns: Optional[Sequence[str]] = None, format: Optional[FormatOpt] = None,
                on_error: Literal["raise", "skip"] = "raise", chunk_size: int = CHUNK_CHARS,
                encoding: str = "utf-8", sep: Optional[str] = None, pattern: str = "*.txt") -> "Corpus":
    """Opens a corpus file (or folder) for streaming; nothing is read until it is used.

    Parameters
    ----------
    path : str or path
        A JSON Lines file (``.jsonl``/``.ndjson``/``.json``, optionally gzipped: detected by
        content), a Parquet file (``.parquet``), a CSV/TSV file (``.csv``/``.tsv``, optionally
        ``.gz``), or a folder of ``.txt`` files (one document each, read recursively in
        sorted order; the id is the path relative to the folder, with ``/``). In a folder,
        symbolic links to files are read like the files (the id is the link's path);
        linked folders are not entered (no cycles); FIFOs, sockets, devices and broken
        links are skipped (a FIFO would block the read forever).
    text : str, default "text"
        Field (column) holding the text. ``null``/``None``/NaN texts are empty documents.
    id : str, optional
        Field holding the document id: :meth:`Matcher.mentions` then uses it for ``doc``.
        For folders the id is always the relative path (the column is named ``id`` unless
        ``id=`` names it).
    columns : list of str, optional
        Metadata fields to keep for :meth:`to_pandas` and iteration (default: all). Fields
        asked for by ``cooccurrence(by=..., time=...)`` are read in any case.
    format : {"jsonl", "parquet", "csv", "txt"}, optional
        Overrides detection by file name.
    on_error : {"raise", "skip"}, default "raise"
        A bad record (malformed JSON, a missing text field, a non-string text, bytes that
        are not valid in ``encoding``, a CSV row with too many fields) raises
        :class:`~gazetta.CorpusError` naming the file, the line (or row, or byte offset) and
        the field. ``"skip"`` skips such records instead, counts them
        (:attr:`Corpus.skipped_records`, ``meta["skipped_records"]`` of a
        :class:`~gazetta.Cooccurrence`, ``attrs["skipped_records"]`` of a mentions frame)
        and warns (:class:`SkippedRecordsWarning`) after each pass.
    chunk_size : int, default 16_000_000
        Characters (bytes for Arrow data) of text per chunk handed to the core; a chunk also
        holds at most 50,000 documents. Memory in use grows with it; results never depend on it.
    encoding : str, default "utf-8"
        Text encoding of JSON Lines, CSV and .txt files.
    sep : str, optional
        CSV field separator (default ``","``, or tab for ``.tsv``/``.tab``).
    pattern : str, default ``"*.txt"``
        File name pattern for folders.

    Returns
    -------
    Corpus

    Raises
    ------
    FileNotFoundError
        ``path`` does not exist.
    ValueError
        A bad option value, or a format that cannot be told from the name.

    Examples
    --------
    >>> import gazetta, json, os, tempfile
    >>> from gazetta.corpus import read_corpus
    >>> p = os.path.join(tempfile.mkdtemp(), "news.jsonl")
    >>> with open(p, "w") as f:
    ...     for i, t in enumerate(["Japan and China met.", "China, again."]):
    ...         print(json.dumps({"id": f"d{i}", "text": t, "source": "wire"}), file=f)
    >>> corpus = read_corpus(p, id="id")
    >>> corpus.to_pandas()
       id                  text source
    0  d0  Japan and China met.   wire
    1  d1         China, again.   wire
    >>> g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China")
    >>> gazetta.Matcher(g).mentions(corpus)[["doc", "surface"]]
      doc surface
    0  d0   Japan
    1  d0   China
    2  d1   China
    >>> gazetta.cooccurrence(corpus, g, by="source").pairs[["source", "a", "b", "n_ab"]]
      source   a   b  n_ab
    0   wire  CN  JP     1
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"no such corpus file or folder: {p}")
    if format is None:
        format = _detect_format(p)  # type: ignore[assignment]
    elif format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}; got {format!r}")
    if on_error not in _ON_ERROR:
        raise ValueError(f"on_error must be one of 'raise', 'skip'; got {on_error!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, (int, np.integer)) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive int; got {chunk_size!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a field name (str), not {type(text).__name__}")
    if columns is not None:
        if isinstance(columns, str):
            columns = [columns]
        columns = list(columns)
    codecs.lookup(encoding)  # LookupError for an unknown encoding, now rather than later
    if format == "txt":
        if not p.is_dir():
            raise ValueError(f"format='txt' needs a folder of .txt files; {p} is a file")
        if columns:
            raise ValueError("a folder of .txt files has no metadata columns (only the id)")
        id = id or "id"
    return Corpus(p, format=format, text=text, id=id, columns=columns, on_error=on_error,
                  chunk_size=int(chunk_size), encoding=encoding, sep=sep, pattern=pattern)


class _Part:
    """One chunk: texts (list of str/None, or an Arrow string array), ids, metadata."""

    __slots__ = ("texts", "ids", "meta")

    def __init__(self, texts: Any, ids: Optional[List[Any]], meta: Optional[pd.DataFrame]) -> None:
        self.texts = texts
        self.ids = ids
        self.meta = meta


class _Pass:
    """Bad-record bookkeeping for one pass over the corpus."""

    def __init__(self, corpus: "Corpus") -> None:
        self.corpus = corpus
        self.skipped = 0
        self.errors: List[CorpusError] = []

    def bad(self, err: CorpusError) -> None:
        if self.corpus.on_error == "raise":
            raise err
        self.skipped += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(err)

    def finish(self) -> None:
        c = self.corpus
        c.skipped_records = self.skipped
        c.errors = self.errors
        if self.skipped:
            first = self.errors[0] if self.errors else ""
            warnings.warn(f"read_corpus({str(c.path)!r}): skipped {self.skipped} bad record"
                          f"{'s' if self.skipped != 1 else ''} (first: {first}); see .meta['skipped_records'] "
                          "and Corpus.errors", SkippedRecordsWarning, stacklevel=4)


class Corpus:
    """A corpus file or folder opened by :func:`read_corpus`, read in chunks on every pass.

    Supports ``len()`` when the format tells the number of documents without reading the
    texts: Parquet (file metadata) and folders (the listing). For JSON Lines and CSV,
    ``len()`` raises ``TypeError`` (counting needs a full pass over the file, for ``.gz``
    its decompression; :meth:`count` does that pass when wanted); progress bars then show a
    running count without a total.

    Attributes
    ----------
    path, format, text, id, columns, on_error, chunk_size, encoding
        The options given to :func:`read_corpus`.
    skipped_records : int
        Bad records skipped by the last complete pass (``on_error="skip"``).
    errors : list of CorpusError
        The first 20 of them.

    Examples
    --------
    >>> import os, tempfile, gazetta
    >>> path = os.path.join(tempfile.mkdtemp(), "news.jsonl")
    >>> with open(path, "w", encoding="utf-8") as f:
    ...     _ = f.write('{"id": "a", "text": "Japan and China."}\\n{"id": "b", "text": "Peru."}\\n')
    >>> corpus = gazetta.read_corpus(path, id="id")
    >>> corpus.format, corpus.count()
    ('jsonl', 2)
    >>> g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China")
    >>> gazetta.cooccurrence(corpus, g).pairs[["a", "b", "n_ab"]].values.tolist()
    [['CN', 'JP', 1]]
    """

    def __init__(self, path: Path, *, format: str, text: str, id: Optional[str], columns: Optional[List[str]],
                 on_error: str, chunk_size: int, encoding: str, sep: Optional[str], pattern: str) -> None:
        self.path = path
        self.format = format
        self.text = text
        self.id = id
        self.columns = columns
        self.on_error = on_error
        self.chunk_size = chunk_size
        self.encoding = encoding
        self.sep = sep
        self.pattern = pattern
        self.skipped_records = 0
        self.errors: List[CorpusError] = []
        self._files: Optional[List[str]] = None

    # -- size -----------------------------------------------------------------------------
    def __len__(self) -> int:
        if self.format == "parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(self.path).metadata.num_rows)
        if self.format == "txt":
            return len(self._list_files())
        raise TypeError(f"len() of a {self.format} corpus is not known without reading it; use .count()")

    def count(self) -> int:
        """Number of documents, by one pass over the texts (bad records skipped or raised as
        ``on_error`` says).

        Examples
        --------
        >>> import os, tempfile
        >>> from gazetta.corpus import read_corpus
        >>> p = os.path.join(tempfile.mkdtemp(), "a.jsonl")
        >>> from pathlib import Path
        >>> _ = Path(p).write_text('{"text": "a"}\\n\\n{"text": "b"}\\n')
        >>> read_corpus(p).count()
        2
        """
        return sum(len(part.texts) for part in self._parts([], want_ids=False, arrow=True))

    @property
    def nbytes(self) -> int:
        """Size on disk in bytes (all files for a folder); decides whether a progress bar is
        shown by default."""
        if self.format == "txt":
            return sum(os.path.getsize(self.path / f) for f in self._list_files())
        return os.path.getsize(self.path)

    # -- public views ---------------------------------------------------------------------
    def __iter__(self) -> Iterator[Dict[str, Any]]:
        """Yields one dict per document: id (if any), text, metadata."""
        for part in self._parts(self.columns, want_ids=self.id is not None, arrow=False):
            meta_rows = part.meta.to_dict("records") if part.meta is not None and len(part.meta.columns) else None
            for i, t in enumerate(part.texts):
                rec: Dict[str, Any] = {}
                if part.ids is not None:
                    rec[self.id] = part.ids[i]  # type: ignore[index]
                rec[self.text] = t
                if meta_rows is not None:
                    rec.update(meta_rows[i])
                yield rec

    def to_pandas(self) -> pd.DataFrame:
        """The whole corpus as a DataFrame ``[id?, text, metadata...]`` (reads everything).

        Examples
        --------
        >>> import os, tempfile
        >>> from gazetta.corpus import read_corpus
        >>> from pathlib import Path
        >>> d = tempfile.mkdtemp(); _ = Path(d, "a.txt").write_text("Hello")
        >>> read_corpus(d).to_pandas()
              id   text
        0  a.txt  Hello
        """
        frames = []
        for part in self._parts(self.columns, want_ids=self.id is not None, arrow=False):
            f = pd.DataFrame({self.text: pd.Series(part.texts, dtype=object)})
            if part.ids is not None:
                f.insert(0, self.id, pd.Series(part.ids, dtype=object))  # type: ignore[arg-type]
            if part.meta is not None:
                for c in part.meta.columns:
                    if c not in f.columns:
                        f[c] = part.meta[c].to_numpy(dtype=object)
            frames.append(f)
        if not frames:
            cols = ([self.id] if self.id else []) + [self.text] + [c for c in (self.columns or []) if c != self.id]
            return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
        df = pd.concat(frames, ignore_index=True)
        return df.infer_objects()

    def _gazetta_chunks(self, text: Optional[str] = None, columns: Sequence[str] = ()) -> Iterator[Tuple[Any, Optional[pd.DataFrame]]]:
        """Chunks for the core: ``(texts, meta)``, ``texts`` a list of str/None or an Arrow
        string array (zero-copy path), ``meta`` the requested columns (None if none). The
        corpus's own ``text`` field is used (the ``text`` argument is ignored)."""
        cols = list(columns)
        for part in self._parts(cols, want_ids=False, arrow=True):
            yield part.texts, (part.meta[cols] if cols else None)

    def _gazetta_meta(self) -> Dict[str, Any]:
        return {"corpus": {"path": str(self.path), "format": self.format}, "skipped_records": int(self.skipped_records)}

    def __repr__(self) -> str:
        n = ""
        if self.format in ("parquet", "txt"):
            try:
                n = f", {len(self)} documents"
            except Exception:  # pragma: no cover - file changed under us
                n = ""
        return (f"<gazetta.Corpus {self.format}: {str(self.path)!r}, text={self.text!r}, id={self.id!r}{n}, "
                f"on_error={self.on_error!r}>")

    # -- reading --------------------------------------------------------------------------
    def _parts(self, columns: Optional[List[str]], *, want_ids: bool, arrow: bool) -> Iterator[_Part]:
        """Every chunk of one pass. ``columns=None``: all metadata fields; the id column, if
        asked for among ``columns``, comes from the id field."""
        tracker = _Pass(self)
        reader = {"jsonl": self._jsonl, "parquet": self._parquet, "csv": self._csv, "txt": self._txt}[self.format]
        try:
            yield from reader(columns, want_ids, arrow, tracker)
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            # A truncated or corrupt .gz file raised a bare EOFError naming no file (issue 8).
            # Not a bad record: nothing after it can be read, so on_error="skip" raises too.
            raise CorpusError(f"{self.path}: the gzip stream is truncated or corrupt ({e})",
                              path=str(self.path)) from None
        tracker.finish()

    def _where(self, line: Optional[int] = None, offset: Optional[int] = None, row: Optional[int] = None) -> str:
        s = str(self.path)
        if line is not None:
            s += f", line {line}"
        if row is not None:
            s += f", row {row}"
        if offset is not None:
            s += f" (byte {offset})"
        return s

    # JSON Lines ---------------------------------------------------------------------------
    def _jsonl(self, columns: Optional[List[str]], want_ids: bool, arrow: bool, tracker: _Pass) -> Iterator[_Part]:
        text_f, id_f = self.text, self.id
        all_cols = columns is None
        cols = [] if all_cols else [c for c in columns or []]
        texts: List[Any] = []
        ids: List[Any] = []
        recs: List[Dict[str, Any]] = []
        size = 0
        path = self.path
        opener: Any = gzip.open if _is_gzip(path) else open
        need_id = want_ids or (id_f is not None and id_f in cols)

        def flush() -> _Part:
            if all_cols:
                meta = pd.DataFrame.from_records(recs) if recs else pd.DataFrame(index=range(len(texts)))
                meta = meta.drop(columns=[c for c in (text_f, id_f) if c and c in meta.columns])
                if len(meta) != len(texts):  # records without any metadata field
                    meta = meta.reindex(range(len(texts)))
            elif cols:
                meta = pd.DataFrame({c: [r.get(c) for r in recs] for c in cols}, index=range(len(texts)))
                if id_f in cols:
                    meta[id_f] = ids
            else:
                meta = None
            return _Part(texts, ids if want_ids else None, meta)

        with opener(path, "rb") as f:
            pos = 0
            for lineno, raw in self._lines(f):
                start = pos
                pos += len(raw)
                if not raw.strip():
                    continue
                try:
                    rec = self._json_line(raw, lineno, start)
                    t = self._text_of(rec, lineno, start)
                    if need_id:
                        if id_f not in rec:
                            raise CorpusError(f"{self._where(lineno)}: no id field {id_f!r}", path=str(path),
                                              line=lineno, field=id_f, offset=start)
                        ident = rec[id_f]
                        if isinstance(ident, (list, dict)):
                            raise CorpusError(f"{self._where(lineno)}: id field {id_f!r} is a {type(ident).__name__}",
                                              path=str(path), line=lineno, field=id_f, offset=start)
                        ids.append(ident)
                except CorpusError as e:
                    tracker.bad(e)
                    continue
                texts.append(t)
                if all_cols or cols:
                    recs.append(rec)
                size += len(t) if t is not None else 0
                if size >= self.chunk_size or len(texts) >= _input.CHUNK_DOCS:
                    yield flush()
                    texts, ids, recs, size = [], [], [], 0
        if texts:
            yield flush()

    def _lines(self, f: Any) -> Iterator[Tuple[int, bytes]]:
        """The numbered lines of a JSON Lines file; a line too long for the memory available is a
        ``MemoryError`` that names the file and the line."""
        lineno = 0
        it = iter(f)
        while True:
            try:
                raw = next(it)
            except StopIteration:
                return
            except MemoryError:
                raise MemoryError(f"{self._where(lineno + 1)}: out of memory while reading a JSON Lines "
                                  "record (a line larger than the memory available?)") from None
            lineno += 1
            yield lineno, raw

    def _json_line(self, raw: bytes, lineno: int, start: int) -> Dict[str, Any]:
        path = str(self.path)
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8) and codecs.lookup(self.encoding).name == "utf-8":
            # A UTF-8 byte order mark (Windows exports) was "malformed JSON" (issue 8).
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            s = raw.decode(self.encoding)
        except UnicodeDecodeError as e:
            field = _field_with_bad_bytes(raw, self.encoding)
            where = f" in field {field!r}" if field else ""
            raise CorpusError(f"{self._where(lineno, start + e.start)}: invalid {self.encoding}{where} "
                              f"({e.reason})", path=path, line=lineno, field=field, offset=start + e.start) from None
        try:
            rec = json.loads(s)
        except MemoryError:
            raise MemoryError(f"{self._where(lineno)}: out of memory while parsing a JSON record of "
                              f"{len(raw):,} bytes") from None
        except json.JSONDecodeError as e:
            raise CorpusError(f"{self._where(lineno)}: malformed JSON ({e.msg} at column {e.colno})", path=path,
                              line=lineno, offset=start + len(s[: e.pos].encode(self.encoding, "surrogatepass"))) from None
        except RecursionError:
            # json's C parser gives up on very deep nesting ([[[[...: 100,000 levels).
            raise CorpusError(f"{self._where(lineno)}: JSON nested too deeply to read", path=path, line=lineno,
                              offset=start) from None
        except ValueError as e:
            # Integers of more than sys.get_int_max_str_digits() (4,300) digits.
            raise CorpusError(f"{self._where(lineno)}: unreadable JSON value ({e})", path=path, line=lineno,
                              offset=start) from None
        if not isinstance(rec, dict):
            raise CorpusError(f"{self._where(lineno)}: expected a JSON object, got a {type(rec).__name__}",
                              path=path, line=lineno, offset=start)
        return rec

    def _text_of(self, rec: Dict[str, Any], lineno: Optional[int], start: Optional[int], row: Optional[int] = None) -> Any:
        f = self.text
        if f not in rec:
            raise CorpusError(f"{self._where(lineno, row=row)}: no text field {f!r} (fields: {list(rec)[:10]})",
                              path=str(self.path), line=lineno if lineno is not None else row, field=f, offset=start)
        t = rec[f]
        if t is None or (isinstance(t, float) and math.isnan(t)):
            return None
        if not isinstance(t, str):
            raise CorpusError(f"{self._where(lineno, row=row)}: text field {f!r} is a {type(t).__name__}, not a string",
                              path=str(self.path), line=lineno if lineno is not None else row, field=f, offset=start)
        return t

    # Parquet ------------------------------------------------------------------------------
    def _parquet(self, columns: Optional[List[str]], want_ids: bool, arrow: bool, tracker: _Pass) -> Iterator[_Part]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = str(self.path)
        pf = pq.ParquetFile(self.path)
        schema = pf.schema_arrow
        names = list(schema.names)
        if self.text not in names:
            raise CorpusError(f"{path}: no text column {self.text!r} (columns: {names})", path=path, field=self.text)
        ttype = schema.field(self.text).type
        if not _is_text_type(ttype):
            raise CorpusError(f"{path}: text column {self.text!r} has type {ttype}, not a string type", path=path,
                              field=self.text)
        if self.id is not None and self.id not in names:
            raise CorpusError(f"{path}: no id column {self.id!r} (columns: {names})", path=path, field=self.id)
        meta_cols = [c for c in names if c not in (self.text,)] if columns is None else list(columns)
        missing = [c for c in meta_cols if c not in names]
        if missing:
            raise KeyError(f"{path}: no column(s) {missing} (columns: {names})")
        read = [self.text] + [c for c in dict.fromkeys(([self.id] if want_ids else []) + meta_cols) if c != self.text]
        md = pf.metadata
        nrows = md.num_rows
        # Rows per batch from the text column's uncompressed size, so a batch holds about
        # chunk_size bytes of text whatever the documents' length.
        j = names.index(self.text)
        try:
            tbytes = sum(md.row_group(g).column(j).total_uncompressed_size for g in range(md.num_row_groups))
        except Exception:  # pragma: no cover - nested schemas
            tbytes = 0
        per_row = max(1, tbytes // nrows) if nrows and tbytes else 1000
        batch_rows = int(max(1, min(_input.CHUNK_DOCS, self.chunk_size // per_row)))
        pend: List[Any] = []
        pend_bytes = 0
        row0 = 0

        def part_of(batches: List[Any]) -> _Part:
            tbl = pa.Table.from_batches(batches)
            col = tbl.column(self.text)
            zero_copy = arrow and hasattr(col, "__arrow_c_stream__")  # pyarrow >= 14
            texts: Any = col if zero_copy else col.to_pylist()
            ids = tbl.column(self.id).to_pylist() if want_ids else None
            meta = tbl.select(meta_cols).to_pandas() if meta_cols else None
            return _Part(texts, ids, meta)

        # One row group at a time: a single iter_batches over the file reads ahead and held
        # ~780 MB for a 1 GB-of-text file (pyarrow 26); per row group it stays near 200 MB.
        batches = (b for g in range(md.num_row_groups)
                   for b in pf.iter_batches(batch_size=batch_rows, row_groups=[g], columns=read, use_threads=True))
        for batch in batches:
            nb = len(batch)
            tcol = _as_string_array(batch.column(0))
            batch = pa.RecordBatch.from_arrays([tcol] + batch.columns[1:], names=batch.schema.names)
            try:
                tcol.validate(full=True)
            except pa.ArrowInvalid:
                from . import _core

                bad = _core.arrow_invalid_utf8(tcol)
                for i in bad:
                    tracker.bad(CorpusError(f"{self._where(row=row0 + i + 1)}: text column {self.text!r} is not "
                                            "valid UTF-8", path=path, line=row0 + i + 1, field=self.text))
                keep = np.ones(nb, dtype=bool)
                keep[bad] = False
                batch = batch.filter(pa.array(keep))
            row0 += nb
            pend.append(batch)
            pend_bytes += _text_nbytes(batch.column(0))
            if pend_bytes >= self.chunk_size or sum(len(b) for b in pend) >= _input.CHUNK_DOCS:
                yield part_of(pend)
                pend, pend_bytes = [], 0
        if pend:
            yield part_of(pend)

    # CSV ----------------------------------------------------------------------------------
    def _csv_handle(self, errors: str) -> Any:
        raw: Any = gzip.open(self.path, "rb") if _is_gzip(self.path) else open(self.path, "rb")
        return io.TextIOWrapper(raw, encoding=self.encoding, errors=errors, newline="")

    def _csv(self, columns: Optional[List[str]], want_ids: bool, arrow: bool, tracker: _Pass) -> Iterator[_Part]:
        sep = self.sep or ("\t" if self.path.name.lower().replace(".gz", "").endswith((".tsv", ".tab")) else ",")
        slot = _take_slot()
        try:
            yield from self._csv_rows(columns, want_ids, arrow, tracker, sep, slot)
        finally:
            _give_slot(slot)

    def _csv_rows(self, columns: Optional[List[str]], want_ids: bool, arrow: bool, tracker: _Pass, sep: str,
                  slot: _MarkSlot) -> Iterator[_Part]:
        path = str(self.path)
        with self._csv_handle(slot.name) as h:
            header = list(pd.read_csv(h, sep=sep, nrows=0).columns)
        if self.text not in header:
            raise CorpusError(f"{path}, line 1: no text column {self.text!r} (columns: {header})", path=path,
                              line=1, field=self.text)
        if self.id is not None and (want_ids or self.id in (columns or [])) and self.id not in header:
            raise CorpusError(f"{path}, line 1: no id column {self.id!r} (columns: {header})", path=path, line=1,
                              field=self.id)
        meta_cols = [c for c in header if c != self.text] if columns is None else list(columns)
        missing = [c for c in meta_cols if c not in header]
        if missing:
            raise KeyError(f"{path}: no column(s) {missing} (columns: {header})")
        use = [self.text] + [c for c in dict.fromkeys(([self.id] if want_ids else []) + meta_cols) if c != self.text]
        na = _default_na()
        na_values: Dict[str, List[str]] = {c: na for c in header if c != self.text}
        na_values[self.text] = [""]
        skip = self.on_error == "skip"
        rows = 1000
        # The decoder reads ahead in blocks: once it has met a bad byte, every later chunk is
        # checked for the marker.
        hits = slot.hits
        with self._csv_handle(slot.name) as h:
            # No usecols: with it pandas silently ignores rows with too many fields.
            reader = pd.read_csv(h, sep=sep, dtype={self.text: str}, keep_default_na=False,
                                 na_values=na_values, chunksize=rows, on_bad_lines="warn" if skip else "error",
                                 encoding_errors=slot.name)
            with reader:
                while True:
                    try:
                        with warnings.catch_warnings(record=True) as caught:
                            warnings.simplefilter("always")
                            chunk = reader.get_chunk(rows)
                    except StopIteration:
                        break
                    except MemoryError:
                        raise MemoryError(f"{self._where()}: out of memory while reading the next {rows} CSV rows "
                                          "(a field larger than the memory available?)") from None
                    except pd.errors.ParserError as e:
                        m = re.search(r"line (\d+)", str(e))
                        line = int(m.group(1)) if m else None
                        if "out of memory" in str(e):
                            # pandas' C tokenizer reports a failed allocation as a parser error
                            raise MemoryError(f"{self._where(line)}: out of memory while reading a CSV field "
                                              "(a field larger than the memory available?)") from None
                        raise CorpusError(f"{self._where(line)}: malformed CSV ({str(e).strip()})", path=path,
                                          line=line) from None
                    for w in caught:
                        msg = str(w.message)
                        if issubclass(w.category, pd.errors.ParserWarning) and "Skipping line" in msg:
                            for m in re.finditer(r"Skipping line (\d+): ([^\n]*)", msg):
                                tracker.bad(CorpusError(f"{self._where(int(m.group(1)))}: malformed CSV "
                                                        f"({m.group(2)})", path=path, line=int(m.group(1))))
                        else:  # pragma: no cover - pass other warnings on
                            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
                    if slot.hits != hits:
                        chunk = self._drop_bad_bytes(chunk, use, tracker)
                    if not len(chunk):
                        continue
                    tser = chunk[self.text]
                    nbytes = int(pd.to_numeric(tser.str.len(), errors="coerce").fillna(0).sum())
                    rows = int(max(1, min(_input.CHUNK_DOCS, self.chunk_size * len(chunk) // max(nbytes, 1))))
                    texts = arrow_texts(tser) if arrow else None
                    if texts is None:
                        texts = [None if (isinstance(t, float) and math.isnan(t)) or t is pd.NA else t
                                 for t in tser.tolist()]
                    ids = chunk[self.id].tolist() if want_ids else None
                    meta = chunk[meta_cols].reset_index(drop=True) if meta_cols else None
                    yield _Part(texts, ids, meta)

    def _drop_bad_bytes(self, chunk: pd.DataFrame, use: List[str], tracker: _Pass) -> pd.DataFrame:
        bad = np.zeros(len(chunk), dtype=bool)
        which: List[Optional[str]] = [None] * len(chunk)
        for c in use:
            col = chunk[c]
            if col.dtype == object or pd.api.types.is_string_dtype(col.dtype):
                hit = col.astype(object).map(lambda v: isinstance(v, str) and _MARK in v).to_numpy(dtype=bool)
                for i in np.flatnonzero(hit & ~bad):
                    which[i] = c
                bad |= hit
        if not bad.any():
            return chunk
        if self.on_error == "raise":
            offset, line = _first_invalid(self.path, self.encoding)
            raise CorpusError(f"{self._where(line, offset)}: invalid {self.encoding} in field {which[int(np.argmax(bad))]!r}",
                              path=str(self.path), line=line, field=which[int(np.argmax(bad))], offset=offset)
        for i in np.flatnonzero(bad):
            tracker.bad(CorpusError(f"{self.path}, data row {int(chunk.index[i]) + 1}: invalid {self.encoding} in "
                                    f"field {which[i]!r}", path=str(self.path), field=which[i]))
        return chunk.loc[~bad]

    # folder of .txt -----------------------------------------------------------------------
    def _list_files(self) -> List[str]:
        if self._files is None:
            out = []
            for dirpath, dirnames, filenames in os.walk(self.path):
                dirnames.sort()
                for fn in filenames:
                    if fnmatch(fn, self.pattern) and _is_regular(os.path.join(dirpath, fn)):
                        out.append(Path(dirpath, fn).relative_to(self.path).as_posix())
            self._files = sorted(out)
        return self._files

    def _txt(self, columns: Optional[List[str]], want_ids: bool, arrow: bool, tracker: _Pass) -> Iterator[_Part]:
        id_f = self.id or "id"
        cols = [c for c in (columns or []) if c != id_f]
        if cols:
            raise KeyError(f"a folder of .txt files has no column(s) {cols} (only {id_f!r})")
        want_id_col = columns is not None and id_f in columns
        texts: List[Any] = []
        ids: List[str] = []
        size = 0
        for rel in self._list_files():
            fp = self.path / rel
            raw = _read_regular(fp)
            if raw is None:  # replaced by a FIFO, a device or a broken link since the listing
                continue
            try:
                t = raw.decode(self.encoding)
            except UnicodeDecodeError as e:
                line = raw.count(b"\n", 0, e.start) + 1
                tracker.bad(CorpusError(f"{fp}, line {line} (byte {e.start}): invalid {self.encoding} ({e.reason})",
                                        path=str(fp), line=line, field=self.text, offset=e.start))
                continue
            texts.append(t)
            ids.append(rel)
            size += len(t)
            if size >= self.chunk_size or len(texts) >= _input.CHUNK_DOCS:
                yield _Part(texts, ids if want_ids else None, pd.DataFrame({id_f: ids}) if want_id_col else None)
                texts, ids, size = [], [], 0
        if texts:
            yield _Part(texts, ids if want_ids else None, pd.DataFrame({id_f: ids}) if want_id_col else None)


# --------------------------------------------------------------------------------------------
# helpers
def _is_regular(path: str) -> bool:
    """A regular file, directly or through symbolic links; FIFOs, sockets, devices and broken
    links are not (reading a FIFO would block forever)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _read_regular(path: Path) -> Optional[bytes]:
    """The bytes of a regular file, or None if ``path`` is no longer one. Opened without
    blocking, so a FIFO put in its place cannot hang the read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        if os.path.lexists(path) and not _is_regular(str(path)):
            return None  # a broken link
        raise
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return None
        return f.read()


def _default_na() -> List[str]:
    try:
        from pandas._libs.parsers import STR_NA_VALUES

        return sorted(STR_NA_VALUES)
    except Exception:  # pragma: no cover - pandas internals moved
        return ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
                "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"]


def _field_with_bad_bytes(raw: bytes, encoding: str) -> Optional[str]:
    """The name of the JSON field whose value holds undecodable bytes (None if unknown)."""
    try:
        rec = json.loads(raw.decode(encoding, "surrogateescape"))
    except Exception:
        return None
    if not isinstance(rec, dict):
        return None
    for k, v in rec.items():
        if isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v):
            return str(k)
        if any("\udc80" <= ch <= "\udcff" for ch in str(k)):
            return str(k)
    return None


def _first_invalid(path: Path, encoding: str) -> Tuple[Optional[int], Optional[int]]:
    """Byte offset and 1-based line of the first undecodable byte of a file."""
    dec = codecs.getincrementaldecoder(encoding)()
    raw: Any = gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb")
    pos = 0
    line = 1
    with raw:
        while True:
            block = raw.read(1 << 20)
            if not block:
                return None, None
            pending = dec.getstate()[0]
            try:
                dec.decode(block)
            except UnicodeDecodeError as e:
                # e.start counts from the decoder's pending bytes, then this block
                data = pending + block
                at = pos - len(pending) + e.start
                return at, line + data.count(b"\n", len(pending), e.start) if e.start > len(pending) else line
            pos += len(block)
            line += block.count(b"\n")


def _text_nbytes(arr: Any) -> int:
    try:
        return int(arr.nbytes)
    except Exception:  # pragma: no cover
        return 0
