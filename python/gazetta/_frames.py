"""Building DataFrames from the columns the Rust core hands over (no object per row)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd


def categorical(codes: np.ndarray, categories: Sequence[Any]) -> pd.Categorical:
    """A categorical from int codes and categories (pandas wants signed codes).

    Examples
    --------
    >>> categorical(np.array([1, 0, 1], dtype=np.int32), ["a", "b"]).tolist()
    ['b', 'a', 'b']
    """
    if not isinstance(categories, pd.Index):
        categories = pd.Index(list(categories), dtype=object)
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int32), categories=categories)


class ChunkCollector:
    """Collects the mention columns of several chunks and builds one DataFrame.

    Per chunk, the core returns codes into *used* lists (indices into the matcher's tables);
    they are turned into table indices here, concatenated, and compacted once at the end.
    """

    def __init__(self, tables: Dict[str, Any]) -> None:
        self._t = tables
        self._cols: Dict[str, List[np.ndarray]] = {k: [] for k in
                                                  ("doc", "start", "end", "ambiguous", "entity", "name", "kind",
                                                   "alias", "surface")}
        self._surfaces: List[str] = []
        self._surface_index: Dict[str, int] = {}
        self.missing = 0
        self.docs = 0

    def add(self, d: Dict[str, Any]) -> None:
        for k in ("doc", "start", "end", "ambiguous"):
            self._cols[k].append(d[k])
        for k in ("entity", "name", "kind", "alias"):
            used = np.asarray(d[f"{k}_used"], dtype=np.int64)
            self._cols[k].append(used[d[k]] if len(used) else np.zeros(0, dtype=np.int64))
        # surfaces: remap chunk-local codes to global ones
        local = d["surfaces"]
        remap = np.empty(len(local), dtype=np.int32)
        for i, s in enumerate(local):
            j = self._surface_index.get(s)
            if j is None:
                j = len(self._surfaces)
                self._surface_index[s] = j
                self._surfaces.append(s)
            remap[i] = j
        codes = np.asarray(d["surface"], dtype=np.int64)
        self._cols["surface"].append(remap[codes] if len(codes) else np.zeros(0, dtype=np.int32))
        self.missing += int(d.get("missing", 0))

    def _cat(self, key: str, dtype: Any) -> np.ndarray:
        parts = self._cols[key]
        if not parts:
            return np.zeros(0, dtype=dtype)
        return np.concatenate(parts).astype(dtype, copy=False)

    def _compact(self, key: str, table: Sequence[str]) -> pd.Categorical:
        idx = self._cat(key, np.int64)
        used, codes = _compact_codes(idx, len(table))
        take = getattr(table, "take", None)
        cats = take(used) if take is not None else [table[i] for i in used]
        return categorical(codes, cats)

    def frame(self, ids: Optional[Sequence[Any]] = None) -> pd.DataFrame:
        t = self._t
        doc = self._cat("doc", np.int64)
        if ids is not None:
            doc_col: Any = _doc_column(doc, ids)
        else:
            doc_col = doc
        surface_codes = self._cat("surface", np.int32)
        surfaces = self._surfaces
        if surface_codes.size:
            used, inv = _compact_codes(surface_codes.astype(np.int64), len(surfaces))
            surface = categorical(inv, [surfaces[i] for i in used])
        else:
            surface = categorical(surface_codes, [])
        df = pd.DataFrame({
            "doc": doc_col,
            "start": self._cat("start", np.int64),
            "end": self._cat("end", np.int64),
            "surface": surface,
            "entity": self._compact("entity", t["ids"]),
            "name": self._compact("name", t["names"]),
            "kind": self._compact("kind", t["kinds"]),
            "alias": self._compact("alias", t["aliases"]),
            "ambiguous": self._cat("ambiguous", bool),
        })
        return df


def _compact_codes(idx: np.ndarray, table_len: int) -> Any:
    """(used table indices ascending, codes into them): a counting pass, no sort.

    Examples
    --------
    >>> used, codes = _compact_codes(np.array([5, 2, 5]), 7)
    >>> used.tolist(), codes.tolist()
    ([2, 5], [1, 0, 1])
    """
    if idx.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    present = np.bincount(idx, minlength=table_len) > 0
    used = np.flatnonzero(present)
    remap = np.full(len(present), -1, dtype=np.int32)
    remap[used] = np.arange(len(used), dtype=np.int32)
    return used, remap[idx]


def _doc_column(pos: np.ndarray, ids: Sequence[Any]) -> Any:
    """The `doc` column from given ids: categorical when ids are unique strings, else values."""
    index = pd.Index(ids)
    stringy = index.dtype == object or pd.api.types.is_string_dtype(index.dtype)
    if stringy and index.is_unique and not index.hasnans and all(isinstance(x, str) for x in index):
        return categorical(pos.astype(np.int32), index.astype(object))
    return index.take(pos).to_numpy()
