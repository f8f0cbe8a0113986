"""Exact merging of two :class:`~gazetta.Cooccurrence` results (sums of integer counts)."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pandas as pd

from .exceptions import GazettaError

#: Settings that must agree for two results to be added.
_SAME = ("gazetteer_hash", "matcher", "unit", "paragraphs", "window", "count", "by", "time", "freq")


def merge(a: Any, b: Any) -> Any:
    """Adds the counts of ``b`` to those of ``a`` (see :meth:`Cooccurrence.merge`)."""
    from .cooccurrence import Cooccurrence

    if not isinstance(b, Cooccurrence):
        raise TypeError(f"can only merge a Cooccurrence, not {type(b).__name__}")
    for k in _SAME:
        if a.meta.get(k) != b.meta.get(k):
            raise GazettaError(f"cannot merge results with different {k!r}: {a.meta.get(k)!r} vs {b.meta.get(k)!r}")
    keys: List[str] = list(a._keys)
    ent = _sum(pd.concat([a.entities, b.entities], ignore_index=True), keys + ["entity", "name", "kind"],
               ["n_units", "n_mentions", "n_docs"])
    groups = _sum(pd.concat([a.groups, b.groups], ignore_index=True), keys,
                  ["n_docs", "n_units", "n_mentions", "n_tokens", "n"])
    pair_cols = keys + ["a", "b", "name_a", "name_b", "kind_a", "kind_b"]
    pairs = _sum(pd.concat([a._all_pairs[pair_cols + ["n_ab"]], b._all_pairs[pair_cols + ["n_ab"]]],
                           ignore_index=True), pair_cols, ["n_ab"])
    meta = dict(a.meta)
    for k in ("n_docs", "missing_texts", "missing_key_docs"):
        meta[k] = int(a.meta.get(k, 0)) + int(b.meta.get(k, 0))
    for k in ("duplicate_docs",):
        if k in a.meta or k in b.meta:
            meta[k] = int(a.meta.get(k, 0)) + int(b.meta.get(k, 0))
    da, db = a.meta.get("dedupe"), b.meta.get("dedupe")
    if isinstance(da, dict) and isinstance(db, dict):
        if da.get("mode") != db.get("mode"):
            raise GazettaError(f"cannot merge results with different dedupe modes: {da.get('mode')!r} vs "
                               f"{db.get('mode')!r}")
        # document counts add up (each part folded its own duplicates); settings are kept
        meta["dedupe"] = {k: (int(v) + int(db.get(k, 0)) if k in ("docs", "clusters", "folded", "exact", "near")
                              else v) for k, v in da.items()}
    return Cooccurrence._finalize(pairs, ent, groups, keys, meta, a._matcher)


def _sum(df: pd.DataFrame, by: List[str], cols: List[str]) -> pd.DataFrame:
    if not by:
        out = pd.DataFrame({c: [np.int64(df[c].sum())] for c in cols}) if len(df) else df[cols].iloc[:0]
        return out
    out = df.groupby(by, sort=False, dropna=False, observed=True)[cols].sum().reset_index()
    for c in cols:
        out[c] = out[c].astype(np.int64)
    return out
