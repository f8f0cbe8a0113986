"""Splitting any supported collection of texts into chunks for the Rust core.

In-memory sequences (list, tuple, Series, ndarray) are sliced into chunks of about
:data:`CHUNK_CHARS` characters; other iterables are consumed lazily, so a generator or a
file reader is streamed in bounded memory. Results never depend on the chunking: the core
receives each chunk's document offset.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Any, Iterable, Iterator, List, Optional, Tuple

import numpy as np
import pandas as pd

#: Target size of one chunk, in characters (documents are never split).
CHUNK_CHARS = 16_000_000
#: Upper bound on documents per chunk.
CHUNK_DOCS = 50_000


def _text_of(item: Any, text_key: str) -> Any:
    if isinstance(item, dict):
        return item.get(text_key)
    return item


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
            return int(texts.str.len().fillna(0).sum()) if len(texts) else 0
    return None


def iter_chunks(texts: Any, *, text_key: str = "text", chunk_chars: Optional[int] = CHUNK_CHARS,
                chunk_docs: int = CHUNK_DOCS) -> Iterator[Tuple[List[Any], Optional[List[Any]]]]:
    """Yields ``(texts, items)`` chunks: ``texts`` is a list of str/None objects; ``items``
    is the list of original dict records for dict streams (None otherwise).

    ``chunk_chars=None`` cuts in-memory lists by ``chunk_docs`` only, without reading the
    length of every text (for callers whose Rust side keeps no per-text results, such as the
    co-occurrence counter: its memory does not grow with the chunk's characters). Streams
    are still cut at :data:`CHUNK_CHARS` characters then, so that memory stays bounded.

    Examples
    --------
    >>> [len(c) for c, _ in iter_chunks(["a"] * 5, chunk_docs=2)]
    [2, 2, 1]
    >>> [len(c) for c, _ in iter_chunks(["a"] * 5, chunk_chars=None, chunk_docs=4)]
    [4, 1]
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a collection of str, not a single str (wrap it in a list)")
    limit = CHUNK_CHARS if chunk_chars is None else chunk_chars
    if isinstance(texts, pd.DataFrame):
        raise TypeError("pass a column (df['text']) or use gazetta.cooccurrence(df, text=...)")
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
        t = _text_of(item, text_key)
        buf.append(t)
        if is_dict:
            items.append(item)
        size += len(t) if isinstance(t, str) else 0
        if size >= limit or len(buf) >= chunk_docs:
            yield buf, (items if is_dict else None)
            buf, items, size = [], [], 0
    if buf:
        yield buf, (items if is_dict else None)
