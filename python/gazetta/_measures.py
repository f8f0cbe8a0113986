"""Association measures of SPEC §5.3, vectorised over pair rows.

All inputs are arrays of counts (``n_ab``, ``n_a``, ``n_b``, ``n``) with ``n_ab >= 1``.

- ``pmi = log2(n_ab·n / (n_a·n_b))``
- ``npmi = pmi / −log2(n_ab/n)``, and 1.0 when ``n_ab = n``
- ``jaccard = n_ab / (n_a + n_b − n_ab)``, ``dice = 2·n_ab / (n_a + n_b)``
- ``llr``: Dunning's G² of ``[[n_ab, n_a−n_ab], [n_b−n_ab, n−n_a−n_b+n_ab]]`` (natural log,
  0·log 0 = 0); ``llr_p`` its p-value (χ², 1 d.f.)
- ``expected = n_a·n_b/n``, ``lift = n_ab/expected``

With ``count="units"`` every value is finite, with one exception: two entities sharing an
ambiguous span (the same alias, SPEC §3.6) are both in that unit without co-occurring through
it, so ``n − n_a − n_b + n_ab`` can be negative; the 2×2 table is then not a contingency table
and ``llr``/``llr_p`` are NaN. With ``count="mentions"`` or a ``window``,
``n_ab`` counts mention *pairs* and can exceed ``n_a``, ``n_b`` or ``n``; then the 2×2 table
has negative cells and ``llr``/``llr_p`` are NaN, ``jaccard`` is NaN when its denominator is
not positive, and ``npmi`` is NaN when ``n_ab > n``. These are the only NaNs.
"""

from __future__ import annotations

import math
from typing import Dict

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
    """Every measure of SPEC §5.3 for arrays of counts.

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
