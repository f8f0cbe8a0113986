"""Views of a :class:`~gazetta.Cooccurrence` for analysts: one entity's partners
(:func:`partners`), the tidy long table (:func:`to_long`) and the labelled matrix
(:func:`labelled_matrix`). The methods of the same names on the result call these."""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

import numpy as np
import pandas as pd

from ._measures import DEFAULT_MIN_N, MEASURES, mask_min_n

__all__ = ["partners", "to_long", "labelled_matrix", "PARTNER_COLUMNS", "SORT_BY"]

#: Columns of :func:`partners` after the group keys.
PARTNER_COLUMNS = ["entity", "partner", "name", "kind", "n_ab", "n_entity", "n_partner", "n", *MEASURES, "masked"]
#: The columns :func:`partners` can sort by.
SORT_BY = ("n_ab", *MEASURES)
#: The value columns :func:`to_long` takes by default.
LONG_VALUES = ("n_ab", *MEASURES)
_NUMERIC = ("n_ab", "n_a", "n_b", "n", *MEASURES)


def _check_int(name: str, v: Any, low: int) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < low:
        raise ValueError(f"{name} must be an int >= {low}; got {v!r}")
    return int(v)


def partners(co: Any, entity: str, by: str = "npmi", *, min_n: int = DEFAULT_MIN_N, group: Any = None,
             top: Optional[int] = None, interval: Optional[float] = None) -> pd.DataFrame:
    """The partners of one entity: every kept pair that holds it, with the other end in one
    column (whichever of ``a``/``b`` it was), sorted by a measure, the measures of partners
    seen together in fewer than ``min_n`` units masked as in :meth:`Cooccurrence.table`.

    Parameters
    ----------
    co : Cooccurrence
    entity : str
        The entity id, or an entity name that only one entity has.
    by : str, default "npmi"
        The column to sort by, largest first: ``"n_ab"`` or a measure (``"pmi"``, ``"npmi"``,
        ``"jaccard"``, ``"dice"``, ``"llr"``, ``"llr_p"``, ``"expected"``, ``"lift"``).
        Ties are broken by ``n_ab`` (largest first), then the partner id; NaN values come
        last, so masked partners come after the others. ``llr_p`` is a p-value: small is strong, but it is still sorted largest first
        like the others, so pass ``by="llr"`` for the strongest evidence first.
    min_n : int, default 5
        Partners seen with ``entity`` in fewer units (``n_ab < min_n``) stay listed with their
        counts, but their association measures (``pmi, npmi, jaccard, dice, llr, llr_p,
        lift``) and intervals are NaN and ``masked`` is True; they are sorted after the
        unmasked partners of their group. An npmi of 1.0 from two sentences is not a finding:
        the default is that of :meth:`Cooccurrence.table` and the plots. ``min_n=1`` masks
        nothing.
    group : scalar or tuple, optional
        For sliced results (``by=``/``time=``), only this group (one value per key column;
        a time key may be given as a string such as ``"1987-03"``). Without it every group's
        partners are listed, sorted within each group.
    top : int, optional
        At most this many partners per group.
    interval : float, optional
        A confidence level (e.g. 0.95): adds ``pmi_lo, pmi_hi, npmi_lo, npmi_hi``, the
        delta-method intervals of :meth:`Cooccurrence.table` (NaN with
        ``count="mentions"`` or ``window=``).

    Returns
    -------
    DataFrame
        ``[<group keys>..., entity, partner, name, kind, n_ab, n_entity, n_partner, n,
        pmi, npmi, jaccard, dice, llr, llr_p, expected, lift, masked]``: ``name`` and ``kind`` are
        the partner's, ``n_entity`` and ``n_partner`` the units (or mentions, with
        ``count="mentions"``/``window=``) of each end, ``n`` those of the group. Rows come
        from :attr:`Cooccurrence.pairs`, so its ``min_count``, ``kinds`` and ``between``
        filters apply; a known entity without partners gives an empty table. ``attrs``
        holds ``min_n`` and ``masked`` (the number of rows masked).

    Raises
    ------
    KeyError
        If ``entity`` is neither an entity id nor the name of exactly one entity of the result
        (the message suggests the closest ids and names).
    ValueError
        For a ``by`` that is not a sortable column (the message lists them), a bad ``min_n``
        or ``top``, or a ``group`` with the wrong number of values.

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("CN", "China").add("JP", "Japan").add("US", "United States")
    >>> docs = ["Japan and China.", "Japan and the United States.", "United States and Japan.",
    ...         "China."]
    >>> co = gazetta.cooccurrence(docs, g)
    >>> co.partners("JP", by="n_ab")[["entity", "partner", "name", "n_ab", "n_entity", "n_partner"]]
      entity partner           name  n_ab  n_entity  n_partner
    0     JP      US  United States     2         3          2
    1     JP      CN          China     1         3          2
    >>> co.partners("Japan", min_n=2)[["partner", "n_ab", "npmi", "masked"]].round(2)
      partner  n_ab  npmi  masked
    0      US     2  0.42   False
    1      CN     1   NaN    True
    >>> co.partners("JP", min_n=2, interval=0.95)[["partner", "npmi", "npmi_lo", "npmi_hi"]].round(2)
      partner  npmi  npmi_lo  npmi_hi
    0      US  0.42    -0.19      1.0
    1      CN   NaN      NaN      NaN
    """
    if not isinstance(entity, str):
        raise TypeError(f"entity must be an entity id (str); got {entity!r}")
    if by not in SORT_BY:
        raise ValueError(f"by must be one of {', '.join(repr(c) for c in SORT_BY)}; got {by!r}")
    if top is not None:
        top = _check_int("top", top, 0)
    from ._entities import alias_table, resolve

    ents = co.entities
    ids = ents["entity"].to_numpy(dtype=object)
    entity = resolve(entity, ids, ents["name"].to_numpy(dtype=object),
                     aliases=None if (ids == entity).any() else alias_table(co))
    keys: List[str] = list(co.group_keys)
    p = co._group_pairs(group) if group is not None else co.pairs
    a = p["a"].to_numpy(dtype=object)
    b = p["b"].to_numpy(dtype=object)
    in_a = a == entity
    in_b = b == entity
    p = p.loc[in_a | in_b]
    first = in_a[in_a | in_b]  # the entity is `a`: the partner is `b`
    flip = pd.Series(~first, index=p.index)

    def pick(x: str, y: str) -> pd.Series:
        """Column ``x`` where the entity is ``a``, else ``y``."""
        return p[x].where(~flip, p[y])

    out = pd.DataFrame({k: p[k] for k in keys})
    out["entity"] = pd.Series(entity, index=p.index, dtype=p["a"].dtype if len(p) else object)
    out["partner"] = pick("b", "a")
    out["name"] = pick("name_b", "name_a")
    out["kind"] = pick("kind_b", "kind_a")
    out["n_ab"] = p["n_ab"]
    out["n_entity"] = pick("n_a", "n_b")
    out["n_partner"] = pick("n_b", "n_a")
    out["n"] = p["n"]
    for m in MEASURES:  # every measure is symmetric in a and b
        out[m] = p[m]
    if interval is not None:  # so are the intervals
        from ._measures import intervals

        units = co.meta.get("count") == "units" and co.meta.get("window") is None
        iv = intervals(p["n_ab"].to_numpy(), p["n_a"].to_numpy(), p["n_b"].to_numpy(), p["n"].to_numpy(), interval)
        for c, v in iv.items():
            out[c] = v if units else np.full(len(p), np.nan)
    out = mask_min_n(out, min_n)  # validates min_n
    if len(out):
        # masked, then NaN, last: sort on a key where NaN becomes -inf, keeping the values
        key = out[by].astype(float).fillna(-np.inf)
        order = pd.DataFrame({**{k: out[k] for k in keys}, "_m": out["masked"], "_v": key, "_n": out["n_ab"],
                              "_p": out["partner"]})
        order = order.sort_values(keys + ["_m", "_v", "_n", "_p"],
                                  ascending=[True] * len(keys) + [True, False, False, True], kind="stable")
        out = out.loc[order.index]
    if top is not None:
        out = out.groupby(keys, sort=False, observed=True).head(top) if keys else out.head(top)
    out = out.reset_index(drop=True)
    out.attrs = {"min_n": int(min_n), "masked": int(out["masked"].sum())}
    return out


def to_long(co: Any, values: Optional[Sequence[str]] = None, *, symmetric: bool = False) -> pd.DataFrame:
    """The pair table in long (tidy) form: one row per pair and value column.

    Parameters
    ----------
    co : Cooccurrence
    values : list of str, optional
        The pair columns to stack (default ``n_ab`` and every measure: ``pmi, npmi, jaccard,
        dice, llr, llr_p, expected, lift``); any of ``n_ab, n_a, n_b, n`` and the measures.
    symmetric : bool, default False
        Also list each pair the other way round (``b`` as ``a``), so that filtering on ``a``
        alone finds every pair of an entity, as in a symmetric matrix.

    Returns
    -------
    DataFrame
        ``[<group keys>..., a, b, name_a, name_b, kind_a, kind_b, measure, value]``: the
        rows of :attr:`Cooccurrence.pairs` in their order (with ``symmetric=True`` each pair
        is followed by its mirror), each repeated once per value column in the order of
        ``values``; ``measure`` is a categorical of the column names (in that order) and
        ``value`` a float. Counts become floats in ``value``: they are exact below 2**53.

    Raises
    ------
    ValueError
        For a value that is not a numeric pair column (the message lists them).

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    >>> co = gazetta.cooccurrence(["Alphaland and Betaland.", "Betaland."], g)
    >>> co.to_long(["n_ab", "npmi"])[["a", "b", "measure", "value"]]
       a  b measure  value
    0  A  B    n_ab    1.0
    1  A  B    npmi    0.0
    >>> co.to_long(["n_ab"], symmetric=True)[["a", "b", "value"]]
       a  b  value
    0  A  B    1.0
    1  B  A    1.0
    """
    vals = list(LONG_VALUES if values is None else ([values] if isinstance(values, str) else values))
    bad = [v for v in vals if v not in _NUMERIC]
    if bad or not vals or len(set(vals)) != len(vals):
        raise ValueError(f"values must be distinct numeric pair columns among "
                         f"{', '.join(repr(c) for c in _NUMERIC)}; got {values!r}")
    if not isinstance(symmetric, bool):
        raise ValueError(f"symmetric must be True or False; got {symmetric!r}")
    keys = list(co.group_keys)
    p = co.pairs.reset_index(drop=True)
    ids = ["a", "b", "name_a", "name_b", "kind_a", "kind_b"]
    if symmetric:
        mirror = p.rename(columns={"a": "b", "b": "a", "name_a": "name_b", "name_b": "name_a",
                                   "kind_a": "kind_b", "kind_b": "kind_a", "n_a": "n_b", "n_b": "n_a"})
        p = pd.concat([p, mirror[p.columns]], ignore_index=False).sort_index(kind="stable").reset_index(drop=True)
    k = len(vals)
    rows = np.repeat(np.arange(len(p), dtype=np.int64), k)
    out = p[keys + ids].take(rows).reset_index(drop=True)
    out["measure"] = pd.Categorical.from_codes(np.tile(np.arange(k, dtype=np.int8), len(p)), categories=vals)
    stacked = np.column_stack([p[v].to_numpy(dtype=float) for v in vals]) if len(p) else np.zeros((0, k))
    out["value"] = stacked.reshape(-1)
    return out


def labelled_matrix(m: Any, labels: List[str]) -> pd.DataFrame:
    """The sparse matrix of :meth:`Cooccurrence.matrix` as a DataFrame of sparse columns
    labelled by entity id on both axes (index and columns named ``entity``).

    Examples
    --------
    >>> from scipy import sparse
    >>> labelled_matrix(sparse.csr_matrix([[0, 2], [2, 0]]), ["A", "B"])["B"].to_numpy().tolist()
    [2, 0]
    """
    df = pd.DataFrame.sparse.from_spmatrix(m, index=pd.Index(labels, name="entity"),
                                           columns=pd.Index(labels, name="entity"))
    return df
