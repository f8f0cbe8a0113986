"""Building DataFrames from the columns the Rust core hands over (no object per row)."""

from __future__ import annotations

import inspect
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd


def _from_codes_validates() -> bool:
    try:
        return "validate" in inspect.signature(pd.Categorical.from_codes).parameters
    except (TypeError, ValueError):  # pragma: no cover - signature not introspectable
        return False


#: pandas >= 2.1 can skip the range check of the codes (a pass over every row).
_SKIP_CODE_CHECK = _from_codes_validates()


def categorical(codes: np.ndarray, categories: Sequence[Any], trusted: bool = False) -> pd.Categorical:
    """A categorical from int codes and categories (pandas wants signed codes).

    ``trusted``: the codes are known to lie in ``[-1, len(categories))`` (they come from the
    core), so pandas need not check every row (categories are still checked for uniqueness).

    Examples
    --------
    >>> categorical(np.array([1, 0, 1], dtype=np.int32), ["a", "b"]).tolist()
    ['b', 'a', 'b']
    """
    if not isinstance(categories, pd.Index):
        categories = pd.Index(list(categories), dtype=object)
    codes = np.asarray(codes, dtype=np.int32)
    if trusted and _SKIP_CODE_CHECK:
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories), validate=False)
    return pd.Categorical.from_codes(codes, categories=categories)


#: Labels of the core's ``resolved_by`` codes (see ``docs/resolution.md``).
RESOLVED_BY = ("", "context", "document", "support", "prior", "none", "list")
_RESOLVED_DTYPE = pd.CategoricalDtype(list(RESOLVED_BY))


def resolved_by(codes: np.ndarray) -> pd.Categorical:
    """The ``resolved_by`` column from the core's codes (always the same five categories)."""
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int8), dtype=_RESOLVED_DTYPE)


class ChunkCollector:
    """Collects the mention columns of several chunks and builds one DataFrame.

    Per chunk, the core returns codes into *used* lists (indices into the matcher's tables);
    they are turned into table indices here, concatenated, and compacted once at the end.
    """

    def __init__(self, tables: Dict[str, Any]) -> None:
        self._t = tables
        self._cols: Dict[str, List[np.ndarray]] = {k: [] for k in
                                                  ("doc", "start", "end", "ambiguous", "resolved_by", "entity",
                                                   "name", "kind", "alias", "surface")}
        self._surfaces: List[str] = []
        self._surface_index: Dict[str, int] = {}
        self.missing = 0
        #: Candidates removed before resolution: by phrase rules, by capitalised runs.
        self.removed_by_rules = 0
        self.removed_by_runs = 0
        self.docs = 0
        self._chunks = 0
        self._only: Optional[Dict[str, Any]] = None  # the core's dict while there is one chunk

    def add(self, d: Dict[str, Any]) -> None:
        self._chunks += 1
        self.missing += int(d.get("missing", 0))
        self.removed_by_rules += int(d.get("removed_by_rules", 0))
        self.removed_by_runs += int(d.get("removed_by_runs", 0))
        if self._chunks == 1:
            # One chunk (the common case: an in-memory list): its codes are already compact
            # (the core lists the categories each column uses, ascending), so the frame is
            # built from them directly. A second chunk turns this one into the general form.
            self._only = d
            return
        if self._only is not None:
            first, self._only = self._only, None
            self._append(first)
        self._append(d)

    def _append(self, d: Dict[str, Any]) -> None:
        for k in ("doc", "start", "end", "ambiguous", "resolved_by"):
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

    def _cat(self, key: str, dtype: Any) -> np.ndarray:
        parts = self._cols[key]
        if not parts:
            return np.zeros(0, dtype=dtype)
        return np.concatenate(parts).astype(dtype, copy=False)

    def _compact(self, key: str, table: Sequence[str]) -> pd.Categorical:
        idx = self._cat(key, np.int64)
        used, codes = _compact_codes(idx, len(table))
        return categorical(codes, _take(table, used), trusted=True)

    def frame(self, ids: Optional[Sequence[Any]] = None) -> pd.DataFrame:
        if self._only is not None:
            return self._single_frame(self._only, ids)
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
            surface = categorical(inv, [surfaces[i] for i in used], trusted=True)
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
            "resolved_by": resolved_by(self._cat("resolved_by", np.int8)),
        })
        return df

    def _single_frame(self, d: Dict[str, Any], ids: Optional[Sequence[Any]]) -> pd.DataFrame:
        """The frame of one chunk, from the core's compact codes (no remapping pass)."""
        t = self._t
        doc = np.asarray(d["doc"], dtype=np.int64)
        cols: Dict[str, Any] = {
            "doc": _doc_column(doc, ids) if ids is not None else doc,
            "start": np.asarray(d["start"], dtype=np.int64),
            "end": np.asarray(d["end"], dtype=np.int64),
            "surface": categorical(d["surface"], d["surfaces"], trusted=True),
        }
        for k, table in (("entity", "ids"), ("name", "names"), ("kind", "kinds")):
            cols[k] = categorical(d[k], _table_index(t, table).take(np.asarray(d[f"{k}_used"], dtype=np.intp)),
                                  trusted=True)
        cols["alias"] = categorical(d["alias"], _take(t["aliases"], d["alias_used"]), trusted=True)
        cols["ambiguous"] = np.asarray(d["ambiguous"], dtype=bool)
        cols["resolved_by"] = resolved_by(d["resolved_by"])
        # The columns are fresh arrays of this call: no copy into consolidated blocks.
        return pd.DataFrame(cols, copy=False)


def _table_index(tables: Dict[str, Any], key: str) -> pd.Index:
    """The matcher's table ``key`` (ids, names, kinds) as an object Index, built once per
    matcher and kept in its tables: categories are taken from it (``Index.take``) instead of
    being built from a list of strs each call."""
    cache = tables.get("_index")
    if cache is None:
        cache = tables["_index"] = {}
    idx = cache.get(key)
    if idx is None:
        idx = cache[key] = pd.Index(np.asarray(tables[key], dtype=object), dtype=object)
    return idx


def _take(table: Sequence[str], indices: np.ndarray) -> List[str]:
    """``table[i]`` for each index, in one call where the table can (the alias table reads
    the core)."""
    take = getattr(table, "take", None)
    return take(indices) if take is not None else [table[int(i)] for i in indices]


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
