"""Association measures (docs/measures.md), vectorised over pair rows.

All inputs are arrays of counts (``n_ab``, ``n_a``, ``n_b``, ``n``) with ``n_ab >= 1``.

- ``pmi = log2(n_ab·n / (n_a·n_b))``
- ``npmi = pmi / −log2(n_ab/n)``, and 1.0 when ``n_ab = n``
- ``jaccard = n_ab / (n_a + n_b − n_ab)``, ``dice = 2·n_ab / (n_a + n_b)``
- ``llr``: Dunning's G² of ``[[n_ab, n_a−n_ab], [n_b−n_ab, n−n_a−n_b+n_ab]]`` (natural log,
  0·log 0 = 0); ``llr_p`` its p-value (χ², 1 d.f.)
- ``expected = n_a·n_b/n``, ``lift = n_ab/expected``

With ``count="units"`` every value is finite, with one exception: two entities sharing an
ambiguous span (the same alias, docs/resolution.md) are both in that unit without co-occurring through
it, so ``n − n_a − n_b + n_ab`` can be negative; the 2×2 table is then not a contingency table
and ``llr``/``llr_p`` are NaN. With ``count="mentions"`` or a ``window``,
``n_ab`` counts mention *pairs* and can exceed ``n_a``, ``n_b`` or ``n``; then the 2×2 table
has negative cells and ``llr``/``llr_p`` are NaN, ``jaccard`` is NaN when its denominator is
not positive, and ``npmi`` is NaN when ``n_ab > n``. These are the only NaNs.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Optional, Sequence

import numpy as np

# Forking while another thread runs the lazy scipy.special import below (or any other lazy
# import of a worker path) hung the child; this registers the guard (see gazetta._fork).
from . import _fork  # noqa: F401

MEASURES = ("pmi", "npmi", "jaccard", "dice", "llr", "llr_p", "expected", "lift")


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x·ln(y) with 0·ln(anything) = 0."""
    out = np.zeros_like(x, dtype=np.float64)
    mask = x != 0
    with np.errstate(divide="ignore", invalid="ignore"):
        out[mask] = x[mask] * np.log(y[mask])
    return out


def chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    """Survival function of χ² with 1 degree of freedom: erfc(sqrt(x/2)).

    Examples
    --------
    >>> round(float(chi2_sf_1df(np.array([3.841458820694124]))[0]), 6)
    0.05
    """
    x = np.asarray(x, dtype=np.float64)
    out = np.full(x.shape, np.nan)
    ok = np.isfinite(x) & (x >= 0)
    if ok.any():
        try:
            from scipy.special import erfc

            out[ok] = erfc(np.sqrt(x[ok] / 2.0))
        except ImportError:  # pragma: no cover - scipy is optional
            f = np.frompyfunc(lambda v: math.erfc(math.sqrt(v / 2.0)), 1, 1)
            out[ok] = f(x[ok]).astype(np.float64)
    return out


def measures(n_ab: np.ndarray, n_a: np.ndarray, n_b: np.ndarray, n: np.ndarray) -> Dict[str, np.ndarray]:
    """Every measure of docs/measures.md for arrays of counts.

    Examples
    --------
    >>> m = measures(np.array([2]), np.array([4]), np.array([5]), np.array([10]))
    >>> round(float(m["pmi"][0]), 6), float(m["jaccard"][0]), float(m["expected"][0])
    (0.0, 0.2857142857142857, 2.0)
    """
    k = np.asarray(n_ab, dtype=np.float64)
    a = np.asarray(n_a, dtype=np.float64)
    b = np.asarray(n_b, dtype=np.float64)
    N = np.asarray(n, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2(k * N / (a * b))
        denom = -np.log2(k / N)
        npmi = np.where(k == N, 1.0, np.where(k < N, pmi / denom, np.nan))
        jd = a + b - k
        jaccard = np.where(jd > 0, k / jd, np.nan)
        dice = 2.0 * k / (a + b)
        # 2x2 table
        o11 = k
        o12 = a - k
        o21 = b - k
        o22 = N - a - b + k
        valid = (o12 >= 0) & (o21 >= 0) & (o22 >= 0)
        r1, r2 = a, N - a
        c1, c2 = b, N - b
        e11 = r1 * c1 / N
        e12 = r1 * c2 / N
        e21 = r2 * c1 / N
        e22 = r2 * c2 / N
        g2 = 2.0 * (_xlogy(o11, o11 / e11) + _xlogy(o12, o12 / e12) + _xlogy(o21, o21 / e21) + _xlogy(o22, o22 / e22))
        # rounding can give tiny negatives for independent tables
        g2 = np.where(valid, np.maximum(g2, 0.0), np.nan)
        expected = a * b / N
        lift = k / expected
    return {
        "pmi": pmi,
        "npmi": npmi,
        "jaccard": jaccard,
        "dice": dice,
        "llr": g2,
        "llr_p": chi2_sf_1df(g2),
        "expected": expected,
        "lift": lift,
    }


# --------------------------------------------------------------------------------------------
# uncertainty: confidence intervals and small-count masking
#: The default ``min_n`` of the reporting tables (:meth:`Cooccurrence.table`,
#: :meth:`Cooccurrence.compare`) and of the plots: measures resting on fewer co-occurrences are
#: masked. Five is the threshold Church and Hanks (1990) set for the same reason (PMI is
#: unstable on small counts); by :func:`intervals`, at ``n_ab = 5`` the 95 % interval
#: of ``pmi`` is still up to ±1.2 bits wide (a factor of 2.3 either way in the ratio to chance).
DEFAULT_MIN_N = 5

#: The association measures :func:`mask_min_n` sets to NaN (counts and ``expected`` stay).
MASKED = ("pmi", "npmi", "jaccard", "dice", "llr", "llr_p", "lift", "llr_p_adj")

#: The interval columns of :func:`intervals`.
INTERVAL_COLUMNS = ("pmi_lo", "pmi_hi", "npmi_lo", "npmi_hi")


def _z(level: float) -> float:
    """The two-sided standard normal quantile of a confidence level in (0, 1)."""
    import statistics

    if isinstance(level, bool) or not isinstance(level, (int, float, np.integer, np.floating)) \
            or not 0.0 < float(level) < 1.0:
        raise ValueError(f"interval (the confidence level) must be a number in (0, 1), e.g. 0.95; got {level!r}")
    return statistics.NormalDist().inv_cdf((1.0 + float(level)) / 2.0)


def intervals(n_ab: np.ndarray, n_a: np.ndarray, n_b: np.ndarray, n: np.ndarray,
              level: float = 0.95) -> Dict[str, np.ndarray]:
    """Confidence intervals of ``pmi`` and ``npmi`` by the delta method (analytic).

    Model: each of the ``n`` units falls into one cell of the 2×2 table (both, a only,
    b only, neither) independently, so the four cell counts are multinomial. With cell
    shares p11 = n_ab/n, p1 = n_a/n, p2 = n_b/n and L = ln(p11 / (p1·p2)) (pmi in nats),
    the delta method gives

    - Var(L) = 1/n_ab − 1/n_a − 1/n_b + 2·n_ab/(n_a·n_b) − 1/n
    - with h = ln(n/n_ab) (so npmi = L/h), Var(h) = 1/n_ab − 1/n and
      Cov(L, h) = −(1/n_ab − 1/n_a − 1/n_b + 1/n), hence
      Var(npmi) = (Var(L) − 2·npmi·Cov(L, h) + npmi²·Var(h)) / h²

    The variances are evaluated with 0.5 added to each of the four cells (n_ab + 0.5,
    n_a + 1, n_b + 1, n + 2; the Haldane–Anscombe correction), so that a pair always seen
    together (npmi = 1) does not get an interval of width 0. The interval is the observed
    value ± z·sd (z the normal quantile of ``level``), pmi in bits (sd(L)/ln 2), npmi
    clipped to [−1, 1]. NaN where the 2×2 table is not a contingency table (negative cells:
    ``count="mentions"``, ``window=``, shared ambiguous spans). Units are taken as
    independent: sentences of one document are not, so for ``unit="sentence"`` the
    intervals are too narrow by that clustering (a document bootstrap would need per-document
    counts, which a result does not keep).

    Examples
    --------
    >>> iv = intervals(np.array([10]), np.array([20]), np.array([25]), np.array([100]))
    >>> [round(float(iv[c][0]), 3) for c in INTERVAL_COLUMNS]
    [0.45, 1.55, 0.096, 0.506]
    """
    z = _z(level)
    k = np.asarray(n_ab, dtype=np.float64)
    a = np.asarray(n_a, dtype=np.float64)
    b = np.asarray(n_b, dtype=np.float64)
    N = np.asarray(n, dtype=np.float64)
    valid = (k >= 1) & (a - k >= 0) & (b - k >= 0) & (N - a - b + k >= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        m = measures(k, a, b, N)
        ks, as_, bs, ns = k + 0.5, a + 1.0, b + 1.0, N + 2.0
        var_l = 1 / ks - 1 / as_ - 1 / bs + 2 * ks / (as_ * bs) - 1 / ns
        cov = 1 / ks - 1 / as_ - 1 / bs + 1 / ns  # = -Cov(L, h)
        var_h = 1 / ks - 1 / ns
        h = np.log(ns / ks)
        npmi_s = np.log(ks * ns / (as_ * bs)) / h
        var_n = (var_l + 2 * npmi_s * cov + npmi_s ** 2 * var_h) / h ** 2
        sd_pmi = np.sqrt(np.maximum(var_l, 0.0)) / math.log(2)
        sd_npmi = np.sqrt(np.maximum(var_n, 0.0))
        out = {
            "pmi_lo": m["pmi"] - z * sd_pmi,
            "pmi_hi": m["pmi"] + z * sd_pmi,
            "npmi_lo": np.clip(m["npmi"] - z * sd_npmi, -1.0, 1.0),
            "npmi_hi": np.clip(m["npmi"] + z * sd_npmi, -1.0, 1.0),
        }
    return {c: np.where(valid, v, np.nan) for c, v in out.items()}


def mask_min_n(pairs: Any, min_n: int = DEFAULT_MIN_N, columns: Optional[Sequence[str]] = None) -> Any:
    """A copy of a pair table with the association measures of rows with ``n_ab < min_n``
    set to NaN, a boolean column ``masked`` saying which, and ``attrs["min_n"]`` and
    ``attrs["masked"]`` (the number of rows masked). Rows are kept, so counts stay visible.

    The plots and :meth:`Cooccurrence.table` share it: an npmi of 1.0 on two sentences is not
    a finding (see :data:`DEFAULT_MIN_N`).

    Parameters
    ----------
    pairs : DataFrame
        A table with an ``n_ab`` column (e.g. :attr:`Cooccurrence.pairs`).
    min_n : int, default 5
        Rows with ``n_ab >= min_n`` keep their values; ``1`` masks nothing.
    columns : list of str, optional
        The columns to mask (default: those of ``pmi, npmi, jaccard, dice, llr, llr_p, lift``,
        ``llr_p_adj`` (of :meth:`Cooccurrence.significant`) and the interval columns
        ``pmi_lo, pmi_hi, npmi_lo, npmi_hi`` that the table has).

    Examples
    --------
    >>> import pandas as pd
    >>> t = mask_min_n(pd.DataFrame({"n_ab": [9, 2], "npmi": [0.4, 1.0]}), min_n=5)
    >>> t.to_dict("list"), t.attrs["masked"]
    ({'n_ab': [9, 2], 'npmi': [0.4, nan], 'masked': [False, True]}, 1)
    """
    if isinstance(min_n, bool) or not isinstance(min_n, (int, np.integer)) or min_n < 1:
        raise ValueError(f"min_n must be an int >= 1 (1 masks nothing); got {min_n!r}")
    cols = [c for c in (columns if columns is not None else (*MASKED, *INTERVAL_COLUMNS)) if c in pairs.columns]
    out = pairs.copy()
    low = out["n_ab"].to_numpy() < int(min_n)
    for c in cols:
        out[c] = out[c].astype(np.float64).where(~low, np.nan)
    out["masked"] = low
    out.attrs["min_n"] = int(min_n)
    out.attrs["masked"] = int(low.sum())
    return out
