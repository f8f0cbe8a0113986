"""Network files (GEXF for Gephi, GraphML) from a :class:`~gazetta.Cooccurrence`, and the
exact roll-up of sliced results that they, the plots and the command line share.

Both writers are plain XML (no networkx needed) and write atomically: a temporary file in the
target's folder, then :func:`os.replace`.

Roll-up: groups partition the documents, so the counts of a coarser slicing are the sums of a
finer one's (``n_ab``, ``n_a``, ``n_b`` and ``n`` alike); :func:`rollup` adds them and
recomputes the measures, giving exactly what counting with the coarser slicing gives.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import warnings
import xml.etree.ElementTree as ET
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ._atomic import write_atomic
from ._measures import MEASURES

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["rollup", "write_gexf", "write_graphml"]

#: Gephi's layouts (ForceAtlas2, Fruchterman-Reingold) read edge weights as attraction.
_SIGNED_NOTE = ("Gephi's layouts read edge weights as attraction and go wrong on negative ones (npmi and pmi are "
                "negative for pairs seen together less often than chance), and NaN is no weight")

#: Which period frequencies nest exactly in which coarser ones (weeks straddle months).
_NESTS = {"D": "DWMQY", "W": "W", "M": "MQY", "Q": "QY", "Y": "Y"}
_INT_COLUMNS = ("n_ab", "n_a", "n_b", "n")
_ENTITY_COUNTS = ("n_units", "n_mentions", "n_docs")


# --------------------------------------------------------------------------------------------
# roll-up
def _key_tuple(co: Any, group: Any, cols: Sequence[str]) -> Dict[str, Any]:
    """``group`` (a scalar or tuple, one value per column of ``cols``) as {column: value}."""
    key = group if isinstance(group, tuple) else (group,)
    if len(key) != len(cols):
        raise ValueError(f"group must give one value per key column {list(cols)}; got {group!r}")
    out: Dict[str, Any] = {}
    for col, val in zip(cols, key):
        dtype = co.groups[col].dtype
        if isinstance(dtype, pd.PeriodDtype) and not isinstance(val, pd.Period):
            val = pd.Period(val, freq=dtype.freq)
        out[col] = val
    return out


def _where(df: pd.DataFrame, where: Mapping[str, Any]) -> pd.DataFrame:
    if not where:
        return df
    mask = np.ones(len(df), dtype=bool)
    for col, val in where.items():
        mask &= (df[col] == val).to_numpy()
    return df.loc[mask]


def _sum(df: pd.DataFrame, by: List[str], cols: Sequence[str]) -> pd.DataFrame:
    cols = list(cols)
    if not by:
        return pd.DataFrame({c: [np.int64(df[c].sum())] for c in cols})
    if not len(df):
        return df[by + cols].iloc[:0].reset_index(drop=True)
    out = df.groupby(by, sort=False, dropna=False, observed=True)[cols].sum().reset_index()
    for c in cols:
        out[c] = out[c].astype(np.int64)
    return out


def rollup(co: Any, keep: Sequence[str] = (), *, freq: Optional[str] = None,
           where: Optional[Mapping[str, Any]] = None) -> Any:
    """A :class:`~gazetta.Cooccurrence` with coarser slicing, by exact sums of counts.

    Parameters
    ----------
    co : Cooccurrence
    keep : sequence of str
        Group key columns to keep; the others are summed over. ``()`` gives the totals.
    freq : str, optional
        A coarser period frequency for the time column (kept): ``"M"`` → ``"Q"``/``"Y"``,
        ``"D"`` → any; weeks only stay weeks (they straddle months).
    where : mapping, optional
        ``{key column: value}``: only the groups with these values take part.

    Returns
    -------
    Cooccurrence
        Pairs, entities and groups summed, measures recomputed; ``min_count`` and ``kinds``
        of ``co`` applied to the summed counts. No evidence (no corpus attached).
    """
    from .cooccurrence import Cooccurrence

    keys: List[str] = list(co._keys)
    keep_l = [k for k in keys if k in set(keep)]
    where = dict(where or {})
    time = co.meta.get("time")
    new_freq = co.meta.get("freq") if time in keep_l else None
    if freq is not None:
        if time not in keep_l:
            raise ValueError("freq= needs a result sliced by time (time=..., freq=...)")
        old = co.meta["freq"]
        if freq not in _NESTS:
            raise ValueError(f"freq must be one of {sorted(_NESTS)}; got {freq!r}")
        if freq not in _NESTS.get(old, ""):  # anchored weeks ("W-MON") and multiples ("2M") nest in nothing
            raise ValueError(f"cannot regroup periods of freq {old!r} into {freq!r} exactly; "
                             f"valid choices: {list(_NESTS.get(old, ''))} (else count again with freq={freq!r})")
        new_freq = freq
    if keep_l == keys and not where and (freq is None or freq == co.meta.get("freq")):
        return co

    def prep(df: pd.DataFrame) -> pd.DataFrame:
        df = _where(df, where)
        if new_freq is not None and new_freq != co.meta.get("freq"):
            df = df.copy()
            df[time] = df[time].dt.asfreq(new_freq)
        return df

    ent = _sum(prep(co.entities), keep_l + ["entity", "name", "kind"], _ENTITY_COUNTS)
    groups = _sum(prep(co.groups), keep_l, ["n_docs", "n_units", "n_mentions", "n_tokens", "n"])
    pair_cols = keep_l + ["a", "b", "name_a", "name_b", "kind_a", "kind_b"]
    pairs = _sum(prep(co._all_pairs), pair_cols, ["n_ab"])
    meta = dict(co.meta)
    meta["by"] = [k for k in co.meta.get("by", []) if k in keep_l]
    meta["time"] = time if time in keep_l else None
    meta["freq"] = new_freq
    if where:
        meta["where"] = {k: str(v) for k, v in where.items()}
    if not keep_l and len(groups) == 0:
        groups = pd.DataFrame({c: [np.int64(0)] for c in ["n_docs", "n_units", "n_mentions", "n_tokens", "n"]})
    return Cooccurrence._finalize(pairs, ent, groups, keep_l, meta, co._matcher)


def _static(co: Any, group: Any) -> Any:
    """One group (``group=``, a value per key column) or the totals over every group."""
    if not co._keys:
        return co
    if group is None:
        return rollup(co, ())
    return rollup(co, (), where=_key_tuple(co, group, co._keys))


def _by_time(co: Any, group: Any) -> Any:
    """The result sliced by time only: other keys fixed by ``group=`` or summed over."""
    time = co.meta.get("time")
    if not time:
        raise ValueError("this needs a result sliced by time: count with time=<date column>, freq=...")
    others = [k for k in co._keys if k != time]
    where = _key_tuple(co, group, others) if (group is not None and others) else {}
    if group is not None and not others:
        raise ValueError(f"group= selects values of the by= columns; this result is sliced by {time!r} only")
    return rollup(co, (time,), where=where)


# --------------------------------------------------------------------------------------------
# writing
def _fmt(v: Any) -> str:
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return repr(f)
    return str(v)


def _edge_columns(weight: str, pairs: pd.DataFrame) -> List[str]:
    cols = [*_INT_COLUMNS, *MEASURES]
    if weight not in cols or weight not in pairs.columns:
        raise ValueError(f"weight must be one of {cols}; got {weight!r}")
    return cols


def _gtype(col: str, graphml: bool = False) -> str:
    if col in _INT_COLUMNS or col in _ENTITY_COUNTS or col.startswith("total_"):
        return "long"
    return "double"


def check_min_weight(min_weight: Any) -> Optional[float]:
    """``min_weight=`` as a float (None stays None); a ValueError for anything else."""
    if min_weight is None:
        return None
    if isinstance(min_weight, (bool, np.bool_)) or not isinstance(min_weight, (int, float, np.integer, np.floating)) \
            or math.isnan(float(min_weight)):
        raise ValueError(f"min_weight must be None or a number (e.g. 0); got {min_weight!r}")
    return float(min_weight)


def weight_mask(values: np.ndarray, weight: str, min_weight: Optional[float], what: str,
                stacklevel: int = 2) -> np.ndarray:
    """Which edges to keep: those with ``weight >= min_weight`` (NaN never), or, without
    ``min_weight``, every edge, with a UserWarning when some weight is negative or NaN."""
    v = np.asarray(values, dtype=float)
    if min_weight is not None:
        return v >= min_weight
    neg, nan = int((v < 0).sum()), int(np.isnan(v).sum())
    if neg or nan:
        parts = ([f"{neg} negative"] if neg else []) + ([f"{nan} NaN"] if nan else [])
        warnings.warn(f"{what}: {' and '.join(parts)} {weight} edge weight{'s' if neg + nan > 1 else ''}, "
                      f"kept. {_SIGNED_NOTE}: pass min_weight=0 to leave such edges out, "
                      "min_weight=-math.inf to keep the negative ones without this warning, or weight='n_ab'",
                      UserWarning, stacklevel=stacklevel + 1)
    return np.ones(len(v), dtype=bool)


def _left_out(weight: str, min_weight: Optional[float]) -> str:
    """The GEXF description's note on ``min_weight=``."""
    if min_weight is None:
        return ""
    if math.isinf(min_weight) and min_weight < 0:
        return f", edges with a NaN {weight} left out"
    return f", edges with {weight} below {min_weight:g} or NaN left out"


def _nodes_of(co: Any, p: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """One row per entity that has a kept pair (totals over the rows given)."""
    p = co.pairs if p is None else p
    used = set(p["a"]).union(p["b"])
    ent = co.entities[co.entities["entity"].isin(used)]
    ent = ent.groupby(["entity", "name", "kind"], sort=True, observed=True)[list(_ENTITY_COUNTS)].sum()
    return ent.reset_index()


def _tostring(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


_GEXF_NS = "http://www.gexf.net/1.2draft"


def _period_bounds(p: pd.Period) -> Tuple[str, str]:
    """The closed interval ``[first day, last day]`` of a period, as ISO dates."""
    return p.start_time.date().isoformat(), p.end_time.date().isoformat()


def write_gexf(co: Any, path: PathLike, *, dynamic: Optional[bool] = None, weight: str = "n_ab",
               group: Any = None, min_weight: Optional[float] = None) -> None:
    """Writes the co-occurrence network as GEXF 1.2 (Gephi), static or dynamic.

    Nodes are the entities that have a kept pair (id = entity id, label = name) with the
    attributes ``kind`` and their counts; edges carry ``weight`` (the column chosen by
    ``weight=``) and ``n_ab, n_a, n_b, n`` and every measure (docs/measures.md).

    A **dynamic** file (Gephi's timeline) is written for results sliced by time: the graph has
    ``mode="dynamic"`` and ``timeformat="date"``; each node and edge has ``<spells>``, one
    closed interval ``[first day, last day]`` of each period in which it occurs (the entity
    is mentioned; the pair is kept, i.e. ``n_ab >= min_count``); the per-period values are
    dynamic attributes: nodes ``n_units, n_mentions, n_docs``, edges ``weight`` (Gephi reads
    an edge attribute titled ``weight`` as the edge's weight over time), ``n_ab, n_a, n_b, n``
    and the measures. Static ``total_*`` attributes and the edge element's ``weight`` hold the
    values over the whole span (counts summed, measures recomputed from the sums) and count
    **every** period, also those that have no spell in the file: with ``min_count`` > 1 (or
    ``min_weight``) a pair's periods below it are left out of its spells but stay in its
    totals, an edge is written when one of its periods is kept, and the static attribute
    ``n_ab_left_out`` gives the co-occurrences of the periods left out (``total_n_ab`` =
    ``n_ab_left_out`` + the ``n_ab`` of the spells); the file's description says so.

    **Groups and duplicates.** A result counted with ``by=`` is written as the totals over
    its groups unless ``group=`` picks one. The file's description states the unit,
    ``count``, ``window``, the weight, ``dedupe`` (and how many repeated documents it folded)
    and the ``by=`` columns summed over.

    **Signed weights.** Gephi's layouts read edge weights as attraction. ``npmi`` and ``pmi``
    are negative for pairs seen together less often than chance, and NaN where undefined
    (``count="mentions"`` when ``n_ab > n``). Without ``min_weight`` such weights are written
    as they are, with a ``UserWarning``; ``min_weight=0`` leaves out the edges (in a dynamic
    file: the edges' periods) whose weight is below it or NaN, and the file's description
    says so. In a dynamic file an edge stays when one of its periods does, and its static
    ``weight`` (over the whole span) is raised to ``min_weight`` if below it (its
    ``total_*`` attributes keep the true values).

    Parameters
    ----------
    co : Cooccurrence
    path : str or path
        Output file (written atomically).
    dynamic : bool, optional
        Default: dynamic when ``co`` is sliced by time, static otherwise.
    weight : str, default "n_ab"
        The pair column used as edge weight: ``n_ab``, ``npmi``, ``pmi``, ``llr``, ...
    group : scalar or tuple, optional
        Static: the group to write (one value per key column); default: totals over all
        groups. Dynamic: values of the ``by=`` columns (if any); default: summed over them.
    min_weight : float, optional
        Leave out the edges whose weight is below it or NaN (see *Signed weights*);
        ``-math.inf`` keeps every finite weight without a warning.

    Raises
    ------
    ValueError
        ``dynamic=True`` for a result without a time key; an unknown ``weight``; a bad group
        or ``min_weight``.

    Warns
    -----
    UserWarning
        Without ``min_weight``, when some edge weight is negative or NaN.

    Examples
    --------
    >>> import gazetta, pandas as pd, tempfile, pathlib
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    >>> df = pd.DataFrame({"text": ["Alphaland and Betaland.", "Betaland, Alphaland."],
    ...                    "date": ["2024-01-05", "2024-02-10"]})
    >>> co = gazetta.cooccurrence(df, g, time="date", freq="M")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.gexf"
    >>> co.write_gexf(path)
    >>> b'mode="dynamic"' in path.read_bytes()
    True
    """
    if dynamic is None:
        dynamic = bool(co.meta.get("time"))
    min_weight = check_min_weight(min_weight)
    root = ET.Element("gexf", {"xmlns": _GEXF_NS, "version": "1.2"})
    meta_el = ET.SubElement(root, "meta", lastmodifieddate=_dt.date.today().isoformat())
    ET.SubElement(meta_el, "creator").text = f"gazetta {co.meta.get('gazetta_version', '')}".strip()
    unit = co.meta.get("unit")
    desc = (f"entity co-occurrence, unit={unit}, count={co.meta.get('count')}, "
            f"window={co.meta.get('window')}, weight={weight}{_left_out(weight, min_weight)}")
    desc += _dedupe_note(co)
    summed = _summed_over(co, group)
    if summed:
        desc += f", totals over the groups of by={summed}"
    if not dynamic:
        ET.SubElement(meta_el, "description").text = desc
        _gexf_static(root, _static(co, group), weight, min_weight)
    else:
        filtered = int(co.meta.get("min_count", 1)) > 1 or min_weight is not None
        desc += ("; static total_* attributes: the whole span, every period counted (counts summed, measures "
                 "recomputed from the sums)")
        if filtered:
            left = [f"n_ab < min_count={int(co.meta.get('min_count', 1))}"] if int(co.meta.get("min_count", 1)) > 1 \
                else []
            left += [f"{weight} below min_weight={min_weight:g} or NaN"] if min_weight is not None else []
            desc += (f", also the periods without a spell in this file ({' or '.join(left)}); n_ab_left_out: "
                     "the co-occurrences of those periods (total_n_ab = n_ab_left_out + the n_ab of the spells)")
        ET.SubElement(meta_el, "description").text = desc
        _gexf_dynamic(root, _by_time(co, group), weight, min_weight, filtered)
    write_atomic(path, lambda f: f.write(_tostring(root)))


def _attributes(graph: ET.Element, cls: str, mode: str, cols: Sequence[Tuple[str, str]]) -> None:
    el = ET.SubElement(graph, "attributes", {"class": cls, "mode": mode})
    for cid, ctype in cols:
        ET.SubElement(el, "attribute", id=cid, title=cid, type=ctype)


def _gexf_static(root: ET.Element, co: Any, weight: str, min_weight: Optional[float] = None) -> None:
    p = co.pairs
    cols = _edge_columns(weight, p)
    p = p.loc[weight_mask(p[weight].to_numpy(dtype=float), weight, min_weight, "write_gexf", stacklevel=4)]
    graph = ET.SubElement(root, "graph", defaultedgetype="undirected", mode="static")
    node_cols = ["kind", *_ENTITY_COUNTS]
    _attributes(graph, "node", "static", [(c, "string" if c == "kind" else "long") for c in node_cols])
    _attributes(graph, "edge", "static", [(c, _gtype(c)) for c in cols])
    nodes = ET.SubElement(graph, "nodes")
    for r in _nodes_of(co, p).itertuples(index=False):
        n = ET.SubElement(nodes, "node", id=str(r.entity), label=str(r.name))
        av = ET.SubElement(n, "attvalues")
        for c in node_cols:
            ET.SubElement(av, "attvalue", {"for": c, "value": _fmt(getattr(r, c))})
    edges = ET.SubElement(graph, "edges")
    for i, r in enumerate(p[["a", "b", *cols]].itertuples(index=False)):
        rec = dict(zip(["a", "b", *cols], r))
        e = ET.SubElement(edges, "edge", id=str(i), source=str(rec["a"]), target=str(rec["b"]),
                          weight=_fmt(float(rec[weight])))
        av = ET.SubElement(e, "attvalues")
        for c in cols:
            ET.SubElement(av, "attvalue", {"for": c, "value": _fmt(rec[c])})


def _dedupe_note(co: Any) -> str:
    """``, dedupe=exact (133 repeated documents folded)`` for a file's description."""
    d = co.meta.get("dedupe")
    if not isinstance(d, dict):
        return ""
    folded = int(d.get("folded", 0) or 0)
    return f", dedupe={d.get('mode', 'none')}" + (f" ({folded} repeated documents folded)" if folded else "")


def _summed_over(co: Any, group: Any) -> List[str]:
    """The ``by=`` columns a network file sums over (no ``group=`` given); the time column
    is not one of them (a static file of a time-sliced result is the network of the span)."""
    if group is not None:
        return []
    time = co.meta.get("time")
    return [k for k in co._keys if k != time]


def _warn_summed(co: Any, group: Any, what: str, stacklevel: int) -> None:
    """A file without ``group=`` holds the totals over every group of the ``by=`` columns:
    say so, with how to write one group or the totals without this warning."""
    by = _summed_over(co, group)
    if by:
        n = int(co.groups[by].drop_duplicates().shape[0]) if len(co.groups) else 0
        warnings.warn(f"{what}: this result is counted by={by}; the file holds the totals over its {n} groups "
                      "(counts summed, measures recomputed from the sums). Pass group=<value> for one group, "
                      "or write gazetta.plot.rollup(co) to write the totals without this warning",
                      UserWarning, stacklevel=stacklevel + 1)


def _gexf_dynamic(root: ET.Element, co: Any, weight: str, min_weight: Optional[float] = None,
                  left_out: bool = False) -> None:
    time = co.meta["time"]
    total = rollup(co, ())
    p = co.pairs
    cols = _edge_columns(weight, p)
    if min_weight is None:  # warn about the per-period weights and the static ones alike
        pairs_p = set(zip(p["a"], p["b"]))
        tw = [w for a, b, w in zip(total.pairs["a"], total.pairs["b"], total.pairs[weight]) if (a, b) in pairs_p]
        weight_mask(np.concatenate([p[weight].to_numpy(dtype=float), np.asarray(tw, dtype=float)]), weight, None,
                    "write_gexf", stacklevel=4)
    else:
        p = p.loc[weight_mask(p[weight].to_numpy(dtype=float), weight, min_weight, "write_gexf")]
    periods = co.groups[time]
    graph = ET.SubElement(root, "graph", defaultedgetype="undirected", mode="dynamic", timeformat="date")
    if len(periods):
        graph.set("start", _period_bounds(periods.min())[0])
        graph.set("end", _period_bounds(periods.max())[1])
    _attributes(graph, "node", "static", [("kind", "string")] + [(f"total_{c}", "long") for c in _ENTITY_COUNTS])
    _attributes(graph, "node", "dynamic", [(c, "long") for c in _ENTITY_COUNTS])
    _attributes(graph, "edge", "static", [(f"total_{c}", _gtype(c)) for c in cols]
                + ([("n_ab_left_out", "long")] if left_out else []))
    _attributes(graph, "edge", "dynamic", [("weight", "double")] + [(c, _gtype(c)) for c in cols])

    nodes_total = _nodes_of(total, None if min_weight is None else p)  # with min_weight: the edges left
    used = set(nodes_total["entity"])
    ent = co.entities[co.entities["entity"].isin(used)].sort_values([time, "entity"], kind="stable")
    per_entity: Dict[str, List[Any]] = {}
    for r in ent.itertuples(index=False):
        per_entity.setdefault(r.entity, []).append(r)
    nodes = ET.SubElement(graph, "nodes")
    for r in nodes_total.itertuples(index=False):
        n = ET.SubElement(nodes, "node", id=str(r.entity), label=str(r.name))
        av = ET.SubElement(n, "attvalues")
        ET.SubElement(av, "attvalue", {"for": "kind", "value": str(r.kind)})
        for c in _ENTITY_COUNTS:
            ET.SubElement(av, "attvalue", {"for": f"total_{c}", "value": _fmt(getattr(r, c))})
        rows = per_entity.get(r.entity, [])
        for pr in rows:
            s, e = _period_bounds(getattr(pr, time))
            for c in _ENTITY_COUNTS:
                ET.SubElement(av, "attvalue", {"for": c, "value": _fmt(getattr(pr, c)), "start": s, "end": e})
        spells = ET.SubElement(n, "spells")
        for pr in rows:
            s, e = _period_bounds(getattr(pr, time))
            ET.SubElement(spells, "spell", start=s, end=e)

    per_pair: Dict[Tuple[str, str], List[Dict[str, Any]]] = {}
    for r in p.sort_values([time, "a", "b"], kind="stable")[[time, "a", "b", *cols]].itertuples(index=False):
        rec = dict(zip([time, "a", "b", *cols], r))
        per_pair.setdefault((rec["a"], rec["b"]), []).append(rec)
    tp = total.pairs.set_index(["a", "b"])
    edges = ET.SubElement(graph, "edges")
    for i, ((a, b), rows) in enumerate(sorted(per_pair.items())):
        tot = tp.loc[(a, b)] if (a, b) in tp.index else None
        w = float(tot[weight]) if tot is not None else float(sum(r[weight] for r in rows))
        if min_weight is not None and not w >= min_weight:  # below, or NaN: raised to the threshold
            w = min_weight
        e = ET.SubElement(edges, "edge", id=str(i), source=str(a), target=str(b), weight=_fmt(w))
        av = ET.SubElement(e, "attvalues")
        if tot is not None:
            for c in cols:
                v = tot[c]
                ET.SubElement(av, "attvalue", {"for": f"total_{c}",
                                               "value": _fmt(int(v) if c in _INT_COLUMNS else float(v))})
            if left_out:  # the periods below min_count / min_weight: counted in total_n_ab, no spell here
                shown = sum(int(r["n_ab"]) for r in rows)
                ET.SubElement(av, "attvalue", {"for": "n_ab_left_out", "value": _fmt(int(tot["n_ab"]) - shown)})
        for rec in rows:
            s, en = _period_bounds(rec[time])
            ET.SubElement(av, "attvalue", {"for": "weight", "value": _fmt(float(rec[weight])), "start": s, "end": en})
            for c in cols:
                ET.SubElement(av, "attvalue", {"for": c, "value": _fmt(rec[c]), "start": s, "end": en})
        spells = ET.SubElement(e, "spells")
        for rec in rows:
            s, en = _period_bounds(rec[time])
            ET.SubElement(spells, "spell", start=s, end=en)


def write_graphml(co: Any, path: PathLike, *, weight: str = "n_ab", group: Any = None,
                  min_weight: Optional[float] = None) -> None:
    """Writes the co-occurrence network as GraphML (static; yEd, Cytoscape, igraph, networkx).

    Nodes: id = entity id, with ``label`` and ``name`` (the display name), ``kind``,
    ``n_units``, ``n_mentions``, ``n_docs``. Edges: ``weight`` (the column chosen by
    ``weight=``), ``n_ab, n_a, n_b, n`` and every measure. GraphML has no time: for sliced
    results, pass ``group=`` (one value per key column) or get the totals over every group
    (counts summed, measures recomputed from the sums): over the periods of a time-sliced
    result, and, with a ``UserWarning``, over the groups of its ``by=`` columns (write
    ``gazetta.plot.rollup(co)`` for those totals without the warning). The graph's ``<desc>``
    states the unit, ``count``, ``dedupe`` and the ``by=`` columns summed over.
    ``min_weight``: only the edges with ``weight >= min_weight`` (NaN weights never), as in
    :func:`write_gexf`.

    Examples
    --------
    >>> import gazetta, tempfile, pathlib
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    >>> co = gazetta.cooccurrence(["Alphaland and Betaland."], g)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.graphml"
    >>> co.write_graphml(path)
    >>> b"<graphml" in path.read_bytes()
    True
    """
    _warn_summed(co, group, "write_graphml", stacklevel=3)
    c2 = _static(co, group)
    p = c2.pairs
    cols = _edge_columns(weight, p)
    if min_weight is not None:
        p = p.loc[weight_mask(p[weight].to_numpy(dtype=float), weight, min_weight, "write_graphml")]
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    node_cols = [("label", "string"), ("name", "string"), ("kind", "string")] + [(c, "long") for c in _ENTITY_COUNTS]
    edge_cols = [("weight", "double")] + [(c, _gtype(c)) for c in cols]
    keys: Dict[Tuple[str, str], str] = {}
    for dom, spec in (("node", node_cols), ("edge", edge_cols)):
        for name, typ in spec:
            kid = f"d{len(keys)}"
            keys[(dom, name)] = kid
            ET.SubElement(root, "key", {"id": kid, "for": dom, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", edgedefault="undirected")
    summed = _summed_over(co, group)
    ET.SubElement(graph, "desc").text = (
        f"entity co-occurrence, unit={co.meta.get('unit')}, count={co.meta.get('count')}, "
        f"window={co.meta.get('window')}, weight={weight}{_dedupe_note(co)}"
        + (f", totals over the groups of by={summed}" if summed else ""))

    def data(el: ET.Element, dom: str, name: str, v: Any) -> None:
        ET.SubElement(el, "data", key=keys[(dom, name)]).text = _fmt(v)

    for r in _nodes_of(c2).itertuples(index=False):
        n = ET.SubElement(graph, "node", id=str(r.entity))
        data(n, "node", "label", r.name)
        data(n, "node", "name", r.name)
        data(n, "node", "kind", r.kind)
        for c in _ENTITY_COUNTS:
            data(n, "node", c, getattr(r, c))
    for r in p[["a", "b", *cols]].itertuples(index=False):
        rec = dict(zip(["a", "b", *cols], r))
        e = ET.SubElement(graph, "edge", source=str(rec["a"]), target=str(rec["b"]))
        data(e, "edge", "weight", float(rec[weight]))
        for c in cols:
            data(e, "edge", c, rec[c])
    write_atomic(path, lambda f: f.write(_tostring(root)))
