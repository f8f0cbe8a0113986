"""Filters that keep the strongest or statistically significant pairs of a result:
the disparity filter (Serrano, Boguñá and Vespignani 2009) and a G² significance filter."""

from __future__ import annotations

from typing import Any, Dict

import numpy as np
import pandas as pd


def disparity_alpha(pairs: pd.DataFrame, keys: list, weight: str) -> np.ndarray:
    """For each pair row, the smaller of the two endpoints' disparity p-values.

    For node i with degree k and strength s, an edge of weight w has p-value
    ``(1 - w/s) ** (k - 1)``: the probability that, with the node's strength spread uniformly
    at random over its k edges, one edge gets at least this share. A node with a single edge
    gives no evidence (p-value 1 from its side). Computed within each group.

    Examples
    --------
    >>> df = pd.DataFrame({"a": ["A", "A", "A"], "b": ["B", "C", "D"], "w": [8.0, 1.0, 1.0]})
    >>> np.round(disparity_alpha(df, [], "w"), 4).tolist()
    [0.04, 0.81, 0.81]
    """
    if not len(pairs):
        return np.zeros(0)
    w = pairs[weight].to_numpy(dtype=np.float64)
    if (w < 0).any() or not np.isfinite(w).all():
        raise ValueError(f"the disparity filter needs finite, non-negative weights; {weight!r} has others "
                         "(use a count such as 'n_ab', or 'lift')")
    group = (pairs[keys].astype(str).agg("\x1f".join, axis=1) if keys else pd.Series([""] * len(pairs),
                                                                                       index=pairs.index))
    ends = pd.DataFrame({"g": np.concatenate([group.to_numpy(), group.to_numpy()]),
                         "node": np.concatenate([pairs["a"].to_numpy(dtype=object), pairs["b"].to_numpy(dtype=object)]),
                         "w": np.concatenate([w, w])})
    stats = ends.groupby(["g", "node"], sort=False)["w"].agg(["sum", "count"])
    idx_a = pd.MultiIndex.from_arrays([group.to_numpy(), pairs["a"].to_numpy(dtype=object)])
    idx_b = pd.MultiIndex.from_arrays([group.to_numpy(), pairs["b"].to_numpy(dtype=object)])

    def side(idx: pd.MultiIndex) -> np.ndarray:
        st = stats.reindex(idx)
        s = st["sum"].to_numpy(dtype=np.float64)
        k = st["count"].to_numpy(dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(s > 0, w / s, 0.0)
            p = np.where(k > 1, (1.0 - share) ** (k - 1.0), 1.0)
        return p

    return np.minimum(side(idx_a), side(idx_b))


def backbone(co: Any, alpha: float, weight: str) -> Any:
    if not (0.0 < float(alpha) <= 1.0):
        raise ValueError(f"alpha must be in (0, 1]; got {alpha!r}")
    if weight not in co.pairs.columns:
        raise ValueError(f"weight must be a pair column such as 'n_ab'; got {weight!r}")
    a = disparity_alpha(co.pairs, co._keys, weight)
    return _derived(co, co.pairs.loc[a < alpha].reset_index(drop=True),
                    {"filter": "disparity", "alpha": float(alpha), "weight": weight})


def significant(co: Any, p: float, direction: str) -> Any:
    if not (0.0 < float(p) <= 1.0):
        raise ValueError(f"p must be in (0, 1]; got {p!r}")
    if direction not in ("positive", "both", "negative"):
        raise ValueError(f"direction must be one of 'positive', 'both', 'negative'; got {direction!r}")
    pr = co.pairs
    keep = (pr["llr_p"] < p).to_numpy().copy()
    if direction == "positive":
        keep &= (pr["n_ab"] > pr["expected"]).to_numpy()
    elif direction == "negative":
        keep &= (pr["n_ab"] < pr["expected"]).to_numpy()
    return _derived(co, pr.loc[keep].reset_index(drop=True),
                    {"filter": "llr", "p": float(p), "direction": direction})


def _derived(co: Any, pairs: pd.DataFrame, info: Dict[str, Any]) -> Any:
    from .cooccurrence import Cooccurrence

    meta = dict(co.meta)
    meta["filters"] = list(meta.get("filters", [])) + [info]
    out = Cooccurrence._assemble(co._all_pairs, co.entities, co.groups, co._keys, meta, co._matcher)
    out.pairs = pairs
    out._corpus, out._text, out._id = co._corpus, co._text, co._id
    return out
