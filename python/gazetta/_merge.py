"""Exact merging of two :class:`~gazetta.Cooccurrence` results (sums of integer counts)."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pandas as pd

from .exceptions import GazettaError

#: Settings that must agree for two results to be added.
_SAME = ("gazetteer_hash", "matcher", "unit", "paragraphs", "window", "count", "by", "time", "freq", "level")


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
    for k in ("duplicate_docs", "duplicate_ids", "dropped_by_level", "settled_by_level", "removed_by_rules",
              "removed_by_runs", "missing_dates", "unreadable_dates", "dates_to_utc"):
        if k in a.meta or k in b.meta:
            meta[k] = int(a.meta.get(k, 0)) + int(b.meta.get(k, 0))
    # counted only by newer versions: unknown (None) when a part does not have it
    na, nb = a.meta.get("ambiguous_spans"), b.meta.get("ambiguous_spans")
    if "ambiguous_spans" in a.meta or "ambiguous_spans" in b.meta:
        meta["ambiguous_spans"] = None if na is None or nb is None else int(na) + int(nb)
    pa, pb = a.meta.get("paragraphs_auto"), b.meta.get("paragraphs_auto")
    if isinstance(pa, dict) and isinstance(pb, dict):  # documents read each way add up
        meta["paragraphs_auto"] = {k: int(pa.get(k, 0)) + int(pb.get(k, 0)) for k in ("blank", "line")}
    ea, eb = a.meta.get("explode"), b.meta.get("explode")
    if isinstance(ea, dict) or isinstance(eb, dict):  # documents read and rows counted add up
        meta["explode"] = {k: int((ea or {}).get(k, 0)) + int((eb or {}).get(k, 0)) for k in ("docs", "rows")}
    da, db = a.meta.get("dedupe"), b.meta.get("dedupe")
    if isinstance(da, dict) and isinstance(db, dict):
        if da.get("mode") != db.get("mode"):
            raise GazettaError(f"cannot merge results with different dedupe modes: {da.get('mode')!r} vs "
                               f"{db.get('mode')!r}")
        # document counts add up (each part folded its own duplicates); settings are kept
        meta["dedupe"] = {k: (int(v) + int(db.get(k, 0)) if k in ("docs", "clusters", "folded", "exact", "near")
                              else v) for k, v in da.items()}
    meta["keep_evidence"] = max(int(a.meta.get("keep_evidence", 0)), int(b.meta.get("keep_evidence", 0)))
    out = Cooccurrence._finalize(pairs, ent, groups, keys, meta, a._matcher)
    same_id = getattr(a, "_id", None) == getattr(b, "_id", None)
    out._id = getattr(a, "_id", None) if same_id else None
    out._kept = _merge_kept(a, b, keys, meta["keep_evidence"]) if same_id else None
    return out


def _merge_kept(a: Any, b: Any, keys: List[str], cap: int) -> Any:
    """The evidence kept by both results (``keep_evidence=``), as one counted over ``a``'s
    documents followed by ``b``'s: per pair, the first ``cap`` units in that order. Without an
    ``id`` column the ``doc`` column holds positions, so ``b``'s are shifted by ``a``'s document
    count (the positions of the two halves in the whole corpus). None unless both kept some.
    """
    ka, kb = getattr(a, "_kept", None), getattr(b, "_kept", None)
    if ka is None or kb is None or not cap:
        return None
    if getattr(a, "_id", None) is None and len(kb):
        kb = kb.assign(doc=kb["doc"].to_numpy(dtype=np.int64) + int(a.meta.get("n_docs", 0)))
    if ("ambiguous" in ka.columns) != ("ambiguous" in kb.columns):  # one part kept before the flag
        ka, kb = (k.assign(ambiguous=k["ambiguous"].astype("boolean") if "ambiguous" in k.columns
                           else pd.array([pd.NA] * len(k), dtype="boolean")) for k in (ka, kb))
    both = pd.concat([ka, kb], ignore_index=True)
    by = keys + ["a", "b"]
    if len(both):
        both = both.groupby(by, sort=False, dropna=False, observed=True).head(cap)
        both = both.sort_values(by, kind="stable").reset_index(drop=True)
    return both


def _sum(df: pd.DataFrame, by: List[str], cols: List[str]) -> pd.DataFrame:
    if not by:
        out = pd.DataFrame({c: [np.int64(df[c].sum())] for c in cols}) if len(df) else df[cols].iloc[:0]
        return out
    out = df.groupby(by, sort=False, dropna=False, observed=True)[cols].sum().reset_index()
    for c in cols:
        out[c] = out[c].astype(np.int64)
    return out
