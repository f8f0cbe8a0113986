"""Filters that keep the strongest or statistically significant pairs of a result:
the disparity filter (Serrano, Boguñá and Vespignani 2009) and a G² significance filter with
a multiple-testing correction (Benjamini and Hochberg 1995 by default, or Bonferroni)."""

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


#: Multiple-testing corrections of :meth:`Cooccurrence.significant`.
CORRECTIONS = ("bh", "bonferroni", "none")


def adjust_p(p: np.ndarray, correction: str) -> np.ndarray:
    """p-values adjusted for testing ``len(p)`` pairs at once.

    ``"bh"``: Benjamini–Hochberg (controls the false discovery rate: among the pairs kept at
    level q, at most a share q are expected to be false; valid for independent or positively
    dependent tests); ``"bonferroni"``: ``min(1, p * m)`` (controls the chance of any false
    pair); ``"none"``: unchanged. NaN p-values are not tests (they stay NaN and do not count
    in ``m``). BH uses :func:`scipy.stats.false_discovery_control` (scipy >= 1.11) when
    scipy is installed, else the same step-up computation in numpy (scipy is optional here).
    Not statsmodels' ``multipletests``, the usual reference: it would add a heavy dependency
    (statsmodels, patsy) for one short function that scipy, already gazetta's optional
    dependency for p-values and clustering, provides and tests.

    Examples
    --------
    >>> adjust_p(np.array([0.01, 0.04, 0.03, 0.5]), "bh").round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.5]
    >>> adjust_p(np.array([0.01, 0.04, np.nan]), "bonferroni").tolist()
    [0.02, 0.08, nan]
    """
    p = np.asarray(p, dtype=np.float64)
    out = p.copy()
    ok = np.isfinite(p)
    m = int(ok.sum())
    if correction == "none" or m == 0:
        return out
    if correction == "bonferroni":
        out[ok] = np.minimum(1.0, p[ok] * m)
        return out
    try:
        from scipy.stats import false_discovery_control
    except ImportError:  # scipy is optional (and has it from 1.11 only)
        out[ok] = _bh(p[ok])
    else:
        out[ok] = false_discovery_control(p[ok], method="bh")
    return out


def _bh(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values: min over k >= i of p_(k) * m / k, capped at 1."""
    m = len(p)
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adj, 1.0)
    return out


def significant(co: Any, p: float, direction: str, correction: str = "bh") -> Any:
    if not (0.0 < float(p) <= 1.0):
        raise ValueError(f"p must be in (0, 1]; got {p!r}")
    if direction not in ("positive", "both", "negative"):
        raise ValueError(f"direction must be one of 'positive', 'both', 'negative'; got {direction!r}")
    if correction not in CORRECTIONS:
        raise ValueError(f"correction must be one of {', '.join(repr(c) for c in CORRECTIONS)}; got {correction!r}")
    pr = co.pairs.copy()
    # one family: every pair of the table (all groups), each tested once by its G² p-value
    adj = adjust_p(pr["llr_p"].to_numpy(dtype=np.float64), correction)
    tests = int(np.isfinite(pr["llr_p"].to_numpy(dtype=np.float64)).sum())
    pr["llr_p_adj"] = adj
    keep = adj < p
    if direction == "positive":
        keep &= (pr["n_ab"] > pr["expected"]).to_numpy()
    elif direction == "negative":
        keep &= (pr["n_ab"] < pr["expected"]).to_numpy()
    return _derived(co, pr.loc[keep].reset_index(drop=True),
                    {"filter": "llr", "p": float(p), "direction": direction, "correction": correction,
                     "tests": tests})


def _derived(co: Any, pairs: pd.DataFrame, info: Dict[str, Any]) -> Any:
    from .cooccurrence import Cooccurrence

    meta = dict(co.meta)
    meta["filters"] = list(meta.get("filters", [])) + [info]
    out = Cooccurrence._assemble(co._all_pairs, co.entities, co.groups, co._keys, meta, co._matcher)
    out.pairs = pairs
    out._corpus, out._text, out._id = co._corpus, co._text, co._id
    return out
