"""Comparing two parts of a co-occurrence result, or two results: :func:`compare`, called by
:meth:`Cooccurrence.compare` (quanteda's ``textstat_keyness``, for pairs).

Groups (``by=``/``time=``) partition the documents, so a part of a result made of several
groups has exactly the summed counts of those groups (as :func:`gazetta._graph.rollup`
adds them): the comparison needs no recount.
"""

from __future__ import annotations

import math
import warnings
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pandas as pd

from ._backbone import CORRECTIONS, adjust_p
from ._measures import DEFAULT_MIN_N, _xlogy, chi2_sf_1df, measures
from .exceptions import GazettaError

__all__ = ["compare", "COMPARE_COLUMNS", "TESTS", "SORT_BY"]

#: The tests :func:`compare` offers.
TESTS = ("share", "lift")
#: The columns :func:`compare` can sort by.
SORT_BY = ("g2", "p", "log_ratio")
_SIDES = ("target", "reference")
#: Columns of the result of :func:`compare`, in order.
COMPARE_COLUMNS = ["a", "b", "name_a", "name_b", "kind_a", "kind_b",
                   *[f"{c}_{s}" for c in ("n_ab", "n", "share", "n_a", "n_b", "expected", "lift", "npmi")
                     for s in _SIDES],
                   "log_ratio", "g2", "p", "p_adj"]
#: Counting settings that must agree for two results to be compared.
_SAME = ("unit", "paragraphs", "window", "count", "level")
_IDS = ["a", "b", "name_a", "name_b", "kind_a", "kind_b"]


# --------------------------------------------------------------------------------------------
# selections of groups
class _Side:
    """One side of a comparison: a result and a mask function over its key columns."""

    def __init__(self, co: Any, mask: Callable[[pd.DataFrame], np.ndarray], label: str) -> None:
        self.co = co
        self.mask = mask
        self.label = label


def _as_period(v: Any, dtype: Any) -> Any:
    if v is None or isinstance(v, pd.Period) or not isinstance(dtype, pd.PeriodDtype):
        return v
    try:
        return pd.Period(v, freq=dtype.freq)
    except (ValueError, TypeError) as e:
        raise ValueError(f"{v!r} is not a period of the time column (freq {dtype.freq.freqstr!r}): {e}") from None


def _spec(co: Any, sel: Any) -> Dict[str, Any]:
    """A selection as ``{key column: ("in", values) | ("range", lo, hi)}``."""
    keys: List[str] = list(co._keys)
    if not keys:
        raise ValueError("this result has no groups (count with by= or time=) to select from; to compare two "
                         "results, pass the other result: co1.compare(co2)")
    if isinstance(sel, dict):
        raw = dict(sel)
        unknown = [k for k in raw if k not in keys]
        if unknown or not raw:
            raise KeyError(f"a selection names group key columns of the result ({keys}); got {sel!r}")
    elif isinstance(sel, tuple):
        if len(sel) != len(keys):
            raise ValueError(f"a tuple selects one group: one value per key column {keys}; got {sel!r} (several "
                             f"values of one column: a list, or a dict {{column: [values]}})")
        raw = dict(zip(keys, sel))
    elif len(keys) == 1:
        raw = {keys[0]: sel}
    else:
        raise ValueError(f"this result has the key columns {keys}: select with a dict, e.g. "
                         f"{{{keys[0]!r}: value}}, or a tuple with one value per column; got {sel!r}")
    out: Dict[str, Any] = {}
    for col, v in raw.items():
        dtype = co.groups[col].dtype
        if isinstance(v, slice):
            if v.step is not None:
                raise ValueError(f"a range of {col!r} is slice(first, last) without a step; got {v!r}")
            out[col] = ("range", _as_period(v.start, dtype), _as_period(v.stop, dtype))
        elif isinstance(v, (list, set, frozenset, np.ndarray, pd.Index, pd.Series)):
            vals = [_as_period(x, dtype) for x in v]
            if not vals:
                raise ValueError(f"an empty list of values for {col!r} selects nothing")
            out[col] = ("in", vals)
        else:
            out[col] = ("in", [_as_period(v, dtype)])
    return out


def _mask_fn(spec: Dict[str, Any]) -> Callable[[pd.DataFrame], np.ndarray]:
    def mask(df: pd.DataFrame) -> np.ndarray:
        m = np.ones(len(df), dtype=bool)
        for col, cond in spec.items():
            s = df[col]
            if cond[0] == "in":
                m &= s.isin(cond[1]).to_numpy(dtype=bool)
            else:
                lo, hi = cond[1], cond[2]
                try:
                    if lo is not None:
                        m &= (s >= lo).to_numpy(dtype=bool)
                    if hi is not None:
                        m &= (s <= hi).to_numpy(dtype=bool)
                except TypeError as e:
                    raise ValueError(f"the range bounds of {col!r} cannot be compared with its values: {e}") from None
        return m

    return mask


def _label(spec: Dict[str, Any]) -> str:
    parts = []
    for col, cond in spec.items():
        if cond[0] == "in":
            vals = [str(v) for v in cond[1]]
            parts.append(f"{col}={vals[0]}" if len(vals) == 1 else f"{col} in [{', '.join(vals)}]")
        else:
            lo = "" if cond[1] is None else str(cond[1])
            hi = "" if cond[2] is None else str(cond[2])
            parts.append(f"{col}={lo}..{hi}")
    return ", ".join(parts)


def _all(df: pd.DataFrame) -> np.ndarray:
    return np.ones(len(df), dtype=bool)


def _sides(co: Any, target: Any, reference: Any) -> Tuple[_Side, _Side]:
    from .cooccurrence import Cooccurrence

    if isinstance(target, Cooccurrence):  # co1.compare(co2): co1 is the target
        if reference is not None:
            raise TypeError("co1.compare(co2) compares all of co1 (the target) with all of co2; to compare a part "
                            "of co1 with co2, write co1.compare(selection, co2)")
        target, reference = None, target
    if target is None and reference is None:
        raise TypeError("compare() needs something to compare: two selections of groups, "
                        "co.compare(target, reference), one (against the rest), or another result, co1.compare(co2)")
    if target is None:
        t = _Side(co, _all, "all")
        t_spec = None
    else:
        t_spec = _spec(co, target)
        t = _Side(co, _mask_fn(t_spec), _label(t_spec))
    if isinstance(reference, Cooccurrence):
        if reference is co:
            raise ValueError("co.compare(co) compares a result with itself; compare two results, or two selections "
                             "of groups of one")
        _check_compatible(co, reference)
        r = _Side(reference, _all, "other result")
    elif reference is None:
        assert t_spec is not None
        tm = t.mask

        def rest(df: pd.DataFrame) -> np.ndarray:
            return ~tm(df)

        r = _Side(co, rest, f"not ({t.label})")
    else:
        r_spec = _spec(co, reference)
        r = _Side(co, _mask_fn(r_spec), _label(r_spec))
    if t.co is co and r.co is co:
        g = co.groups
        tg, rg = t.mask(g), r.mask(g)
        for side, m in (("target", tg), ("reference", rg)):
            if not m.any():
                keys = list(co._keys)
                have = ", ".join(str(v) for v in g[keys].drop_duplicates().head(6).itertuples(index=False, name=None))
                raise ValueError(f"the {side} ({t.label if side == 'target' else r.label}) selects no group; the "
                                 f"result's groups {keys} include {have}")
        if (tg & rg).any():
            both = g.loc[tg & rg, list(co._keys)].head(3).itertuples(index=False, name=None)
            raise ValueError(f"target and reference share groups ({', '.join(str(x) for x in both)}): the test "
                             f"compares two disjoint sets of units")
    return t, r


def _check_compatible(a: Any, b: Any) -> None:
    for k in _SAME:
        if a.meta.get(k) != b.meta.get(k):
            raise GazettaError(f"cannot compare results counted with different {k!r}: {a.meta.get(k)!r} vs "
                               f"{b.meta.get(k)!r} (shares of different units are not comparable)")
    if a.meta.get("gazetteer_hash") != b.meta.get("gazetteer_hash") or a.meta.get("matcher") != b.meta.get("matcher"):
        warnings.warn("the two results were counted with different gazetteers or matcher options; pairs are matched "
                      "by entity id", UserWarning, stacklevel=5)


# --------------------------------------------------------------------------------------------
# counts of a side
def _per_entity(co: Any) -> str:
    return "n_mentions" if (co.meta.get("window") is not None or co.meta.get("count") == "mentions") else "n_units"


def _counts(side: _Side) -> Tuple[pd.DataFrame, pd.Series, int]:
    """(pair counts [a, b, n_ab] in id order, entity counts by id, n) of a side."""
    co = side.co
    p = co._all_pairs
    m = side.mask(p)
    p = p.loc[m, ["a", "b", "n_ab"]] if not m.all() else p[["a", "b", "n_ab"]]
    # sum per (a, b) on integer codes (names and kinds follow the ids, see _names)
    a = p["a"].to_numpy(dtype=object)
    b = p["b"].to_numpy(dtype=object)
    codes, ids = pd.factorize(np.concatenate([a, b]))
    ca, cb = codes[: len(a)].astype(np.int64), codes[len(a):].astype(np.int64)
    key, first = np.unique(ca * max(len(ids), 1) + cb, return_inverse=True)
    n_ab = np.bincount(first, weights=p["n_ab"].to_numpy(dtype=np.float64), minlength=len(key))
    width = max(len(ids), 1)
    ids_o = np.asarray(ids, dtype=object)
    pairs = pd.DataFrame({"a": ids_o[key // width] if len(key) else np.zeros(0, dtype=object),
                          "b": ids_o[key % width] if len(key) else np.zeros(0, dtype=object),
                          "n_ab": np.rint(n_ab).astype(np.int64)})
    e = co.entities
    ent = e.loc[side.mask(e)].groupby(e["entity"].astype(object), observed=True)[_per_entity(co)].sum() if len(e) \
        else pd.Series([], dtype=np.int64)
    g = co.groups
    n = int(g.loc[side.mask(g), "n"].sum()) if len(g) else 0
    return pairs, ent, n


def _names(*results: Any) -> pd.DataFrame:
    """Name and kind of every entity id of the results (the first result's where both have it)."""
    frames = [co.entities[["entity", "name", "kind"]] for co in results]
    e = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    e = e.astype(object).drop_duplicates("entity", keep="first")
    return e.set_index("entity")


def _kind_filter(co: Any, df: pd.DataFrame) -> pd.DataFrame:
    """The result's ``kinds=``/``between=`` filters on the compared pairs (``between`` puts
    the end of its first kind in ``a``, as in :attr:`Cooccurrence.pairs`)."""
    kf, bt = co.meta.get("kinds"), co.meta.get("between")
    if kf is not None and len(kf) and isinstance(kf[0], list):  # pickles from before between=
        kf, bt = (kf[0], bt) if len(kf) == 1 else (None, kf)
    if (kf is None and bt is None) or not len(df):
        return df
    ka = df["kind_a"].to_numpy(dtype=object)
    kb = df["kind_b"].to_numpy(dtype=object)
    if kf is not None:
        s = set(kf)
        return df.loc[np.array([x in s and y in s for x, y in zip(ka, kb)], dtype=bool)]
    s1, s2 = set(bt[0]), set(bt[1])
    ok = np.array([x in s1 and y in s2 for x, y in zip(ka, kb)], dtype=bool)
    turned = np.array([x in s2 and y in s1 for x, y in zip(ka, kb)], dtype=bool) & ~ok
    df = df.loc[ok | turned].copy()
    flip = pd.Series(turned[ok | turned], index=df.index)
    swaps = [("a", "b"), ("name_a", "name_b"), ("kind_a", "kind_b")] + [(f"n_a_{s}", f"n_b_{s}") for s in _SIDES]
    for x, y in swaps:
        df[x], df[y] = df[x].where(~flip, df[y]), df[y].where(~flip, df[x])
    return df


def _log_ratio(r1: np.ndarray, r2: np.ndarray, c: np.ndarray, zero: np.ndarray) -> np.ndarray:
    """``log2(r1 / r2)``, and where ``zero`` (a count is 0) ``log2((r1 + c) / (r2 + c))``.

    The rates are shares (k/N) or lifts (k/x); ``c`` is 0.5 divided by the summed sizes
    (N_t + N_r, or x_t + x_r): half a co-occurrence split between the sides in proportion to
    their sizes. Hardie's log ratio replaces a zero count by 0.5 instead; that can reverse the
    sign when the sides differ in size (1 in 1,000 units against 0 in 10 units would read as
    "more in the second"), adding one constant to both rates cannot.

    Examples
    --------
    >>> _log_ratio(np.array([1 / 1000]), np.array([0.0]), np.array([0.5 / 1010]), np.array([True])).round(3)
    array([1.595])
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(zero, np.log2((r1 + c) / (r2 + c)), np.log2(r1 / r2))


# --------------------------------------------------------------------------------------------
def compare(co: Any, target: Any = None, reference: Any = None, *, test: str = "share", correction: str = "bh",
            min_n: int = DEFAULT_MIN_N, sort_by: str = "g2") -> pd.DataFrame:
    """See :meth:`Cooccurrence.compare` (the formulas are stated there)."""
    if test not in TESTS:
        raise ValueError(f"test must be one of {', '.join(repr(t) for t in TESTS)}; got {test!r}")
    if correction not in CORRECTIONS:
        raise ValueError(f"correction must be one of {', '.join(repr(c) for c in CORRECTIONS)}; got {correction!r}")
    if sort_by not in SORT_BY:
        raise ValueError(f"sort_by must be one of {', '.join(repr(c) for c in SORT_BY)}; got {sort_by!r}")
    if isinstance(min_n, bool) or not isinstance(min_n, (int, np.integer)) or min_n < 1:
        raise ValueError(f"min_n must be an int >= 1 (1 keeps every pair); got {min_n!r}")
    t, r = _sides(co, target, reference)
    (pt, et, nt), (pr, er, nr) = _counts(t), _counts(r)
    both = pt.merge(pr, on=["a", "b"], how="outer", suffixes=("_t", "_r"), sort=False)
    out = pd.DataFrame({"a": both["a"].to_numpy(dtype=object), "b": both["b"].to_numpy(dtype=object)})
    names = _names(t.co, r.co)
    for end in ("a", "b"):
        info = names.reindex(out[end])
        out["name_" + end] = info["name"].to_numpy(dtype=object)
        out["kind_" + end] = info["kind"].to_numpy(dtype=object)
    out = out[_IDS]
    cols: Dict[str, np.ndarray] = {}
    for s, suf, ent, n in (("target", "_t", et, nt), ("reference", "_r", er, nr)):
        k = both["n_ab" + suf].fillna(0).to_numpy(dtype=np.int64)
        na = ent.reindex(out["a"]).fillna(0).to_numpy(dtype=np.int64)
        nb = ent.reindex(out["b"]).fillna(0).to_numpy(dtype=np.int64)
        nn = np.full(len(out), n, dtype=np.int64)
        with np.errstate(divide="ignore", invalid="ignore"):
            exp = np.where(nn > 0, na * nb / np.maximum(nn, 1).astype(float), np.nan)
            cols["n_ab_" + s], cols["n_" + s] = k, nn
            cols["share_" + s] = np.where(nn > 0, k / np.maximum(nn, 1).astype(float), np.nan)
            cols["n_a_" + s], cols["n_b_" + s] = na, nb
            cols["expected_" + s] = exp
            cols["lift_" + s] = np.where(exp > 0, k / exp, np.nan)
        npmi = np.full(len(out), np.nan)
        ok = (k >= 1) & (na >= 1) & (nb >= 1) & (nn >= 1)
        if ok.any():
            npmi[ok] = measures(k[ok], na[ok], nb[ok], nn[ok])["npmi"]
        cols["npmi_" + s] = npmi
    for c, v in cols.items():
        out[c] = v
    out = _kind_filter(co, out)
    total = out["n_ab_target"].to_numpy() + out["n_ab_reference"].to_numpy()
    low = total < int(min_n)
    dropped = int(low.sum())
    out = out.loc[~low].reset_index(drop=True)

    k1 = out["n_ab_target"].to_numpy(dtype=np.float64)
    k2 = out["n_ab_reference"].to_numpy(dtype=np.float64)
    n1 = out["n_target"].to_numpy(dtype=np.float64)
    n2 = out["n_reference"].to_numpy(dtype=np.float64)
    # log ratio with a zero count: 0.5 co-occurrence split between the sides in proportion to
    # their sizes is added to both, i.e. the same constant to both rates (see _log_ratio)
    zero = (k1 == 0) | (k2 == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if test == "share":
            # 2×2 table: units with / without the pair, in the target / the reference
            tot = n1 + n2
            kk = k1 + k2
            e11, e12 = n1 * kk / tot, n1 * (tot - kk) / tot
            e21, e22 = n2 * kk / tot, n2 * (tot - kk) / tot
            g2 = 2.0 * (_xlogy(k1, k1 / e11) + _xlogy(n1 - k1, (n1 - k1) / e12)
                        + _xlogy(k2, k2 / e21) + _xlogy(n2 - k2, (n2 - k2) / e22))
            testable = (n1 > 0) & (n2 > 0) & (k1 <= n1) & (k2 <= n2)
            ratio = _log_ratio(k1 / n1, k2 / n2, 0.5 / (n1 + n2), zero)
        else:
            # the co-occurrences split between the sides in proportion to their expected counts
            x1 = out["expected_target"].to_numpy(dtype=np.float64)
            x2 = out["expected_reference"].to_numpy(dtype=np.float64)
            testable = (x1 > 0) & (x2 > 0)
            w1 = np.where(testable, x1 / (x1 + x2), np.nan)
            f1, f2 = (k1 + k2) * w1, (k1 + k2) * (1.0 - w1)
            g2 = 2.0 * (_xlogy(k1, k1 / f1) + _xlogy(k2, k2 / f2))
            ratio = _log_ratio(k1 / x1, k2 / x2, 0.5 / (x1 + x2), zero)
    g2 = np.where(testable, np.maximum(g2, 0.0), np.nan)  # rounding can give tiny negatives
    out["log_ratio"] = np.where(testable, ratio, np.nan)
    out["g2"] = g2
    p = chi2_sf_1df(g2)
    out["p"] = p
    out["p_adj"] = adjust_p(p, correction)
    out = out[COMPARE_COLUMNS]
    if len(out):
        key = {"g2": -out["g2"], "p": out["p"], "log_ratio": -out["log_ratio"]}[sort_by].fillna(math.inf)
        order = pd.DataFrame({"_v": key.to_numpy(), "a": out["a"], "b": out["b"]})
        out = out.loc[order.sort_values(["_v", "a", "b"], kind="stable").index].reset_index(drop=True)
    out.attrs.update({"target": t.label, "reference": r.label, "test": test, "correction": correction,
                      "tests": int(np.isfinite(p).sum()), "min_n": int(min_n), "dropped_min_n": dropped,
                      "sort_by": sort_by, "unit": co.meta.get("unit"), "count": co.meta.get("count")})
    return out
