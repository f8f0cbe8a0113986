"""Pictures of a :class:`~gazetta.Cooccurrence`: a network, a heat map and a timeline.

Needs matplotlib (``pip install "gazetta[plot]"``); :func:`network` also needs networkx.
Every function returns a :class:`matplotlib.figure.Figure` built without pyplot, so it works
headless (no display, any backend) and shows once in Jupyter; save it with
``fig.savefig("network.png", dpi=200)``. Pass ``ax=`` to draw into your own axes instead.

Sliced results (``by=``/``time=``) are summed over their groups unless ``group=`` picks one:
groups partition the documents, so the summed counts are exactly those of an unsliced count,
and the measures are recomputed from them.

Examples
--------
>>> import gazetta
>>> from gazetta import plot
>>> from gazetta.datasets import demo_news
>>> from gazetta.gazetteers import countries
>>> co = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="Q")
>>> fig = plot.network(co, top=25)
>>> fig = plot.heatmap(co, top=12, value="npmi")
>>> fig = plot.timeline(co, [("RU", "UA"), ("CN", "US")], value="n_ab")
"""

from __future__ import annotations

import io
import math
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ._graph import _by_time, _static, rollup
from ._measures import MEASURES

__all__ = ["network", "heatmap", "timeline"]

_HINT = 'pip install "gazetta[plot]"  (or: pip install matplotlib)'
#: Colours for kinds and communities (colour-blind safe, Okabe & Ito, then tab10's rest).
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8c564b", "#999999",
            "#17becf", "#bcbd22", "#F0E442", "#7f7f7f"]
_SIGNED = ("pmi", "npmi")
_VALUES = ("n_ab", "n_a", "n_b", "n", *MEASURES)


_FIGURE: Any = None


def _mpl() -> Any:
    """The Figure class to build (matplotlib is imported on first use)."""
    global _FIGURE
    if _FIGURE is None:
        try:
            import matplotlib  # noqa: F401
            from matplotlib.figure import Figure
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(f"gazetta.plot needs matplotlib: {_HINT}") from e

        class GazettaFigure(Figure):
            """A :class:`matplotlib.figure.Figure` that shows itself in Jupyter as a PNG without
            pyplot (so it shows once, whatever the backend)."""

            def _repr_png_(self) -> bytes:
                buf = io.BytesIO()
                self.savefig(buf, format="png", dpi=100, bbox_inches="tight")
                return buf.getvalue()

        _FIGURE = GazettaFigure
    return _FIGURE


def _nx() -> Any:
    try:
        import networkx as nx
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("gazetta.plot.network needs networkx: pip install networkx") from e
    return nx


def _new_axes(ax: Any, size: Tuple[float, float]) -> Tuple[Any, Any]:
    if ax is not None:
        return ax.figure, ax
    Figure = _mpl()
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _count_column(co: Any) -> str:
    return "n_mentions" if (co.meta.get("window") is not None or co.meta.get("count") == "mentions") else "n_units"


def _describe(co: Any) -> str:
    m = co.meta
    if m.get("window") is not None:
        unit = f"window of {m['window']} tokens" + ("" if m["unit"] == "document" else f" within {m['unit']}s")
    else:
        unit = f"{m['unit']}s"
    count = "mention pairs" if (m.get("count") == "mentions" or m.get("window") is not None) else "units"
    return f"co-occurrence in {unit} (counting {count}), {_n_docs(co):,} documents"


def _n_docs(co: Any) -> Any:
    """The documents counted in the groups drawn (a group picked with ``group=``, or all
    groups), not the whole corpus: documents without a group key are in no group."""
    g = getattr(co, "groups", None)
    if g is not None and "n_docs" in g.columns:
        return int(g["n_docs"].sum())
    return co.meta.get("n_docs", "?")


def _period_word(fq: Any) -> str:
    """ "month" for "M", "2 months" for "2M", "week (ending Mon)" for "W-MON", ..."""
    words = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "h": "hour", "min": "minute",
             "s": "second", "B": "business day"}
    s = str(fq)
    n = ""
    while s[:1].isdigit():
        n, s = n + s[0], s[1:]
    base, _, anchor = s.partition("-")
    word = words.get(base, base)
    if anchor:
        word += f" (ending {anchor.title()})" if base == "W" else f" (ending {anchor.title()})"
    return f"{n} {word}s" if n and n != "1" else word


def _check_value(value: str, extra: Sequence[str] = ()) -> None:
    if value not in _VALUES and value not in extra:
        raise ValueError(f"value must be one of {list(_VALUES) + list(extra)}; got {value!r}")


def _check_top(top: int) -> None:
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 2:
        raise ValueError(f"top must be an int >= 2; got {top!r}")


def _fmt_value(v: float, value: str) -> str:
    if value in ("n_ab", "n_a", "n_b", "n"):
        return f"{int(round(v))}"
    if value in ("llr", "expected", "lift"):
        return f"{v:.0f}" if abs(v) >= 10 else f"{v:.1f}"
    return f"{v:.2f}"


def _halo(width: float = 3.0) -> List[Any]:
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=width, foreground="white")]


# --------------------------------------------------------------------------------------------
def network(co: Any, *, top: int = 40, weight: str = "npmi", group: Any = None, ax: Any = None,
            min_count: int = 2, max_edges: Optional[int] = None,
            color: Literal["auto", "kind", "community", "none"] = "auto", seed: int = 7,
            title: Optional[str] = None) -> Any:
    """Draws the co-occurrence network of the most mentioned entities.

    Node area grows with the entity's count (``n_units``, or ``n_mentions`` when counting
    mentions); edge width and darkness grow with ``weight``; labels are the entity names.
    The layout is networkx's spring layout (edges pull with their weight) with a fixed seed,
    so the same result always gives the same picture.

    Parameters
    ----------
    co : Cooccurrence
    top : int, default 40
        How many entities to show: the most frequent ones that have a drawn edge.
    weight : str, default "npmi"
        The pair column for edge widths: ``"npmi"``, ``"pmi"``, ``"n_ab"``, ``"jaccard"``,
        ``"dice"``, ``"llr"``, ``"lift"``. Edges whose weight is not positive (pairs that
        co-occur less often than chance under ``pmi``/``npmi``) are not drawn.
    group : scalar or tuple, optional
        For a sliced result, the group to draw (one value per key column; a period may be
        given as a string such as ``"2022-03"``). Default: all groups summed.
    ax : matplotlib Axes, optional
        Draw into these axes; default: a new figure.
    min_count : int, default 2
        Draw only pairs with at least this ``n_ab`` (single co-occurrences are mostly noise).
    max_edges : int, optional
        Keep at most this many edges, the heaviest (default ``3 * top``).
    color : {"auto", "kind", "community", "none"}, default "auto"
        Node colours: by ``kind`` (with a legend), by network community (greedy modularity,
        weighted), or one colour. ``"auto"``: kinds when there are several, else communities.
    seed : int, default 7
        Seed of the spring layout.
    title : str, optional
        Default: the weight, the unit and the corpus size.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ImportError
        Without matplotlib or networkx (the message says what to install).
    ValueError
        An unknown ``weight``/``color``, ``top < 2``, or a result without any pair to draw.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.datasets import demo_news
    >>> from gazetta.gazetteers import countries
    >>> co = gazetta.cooccurrence(demo_news(), countries())
    >>> fig = gazetta.plot.network(co, top=30, weight="npmi")
    >>> fig.savefig("network.png", dpi=150)  # doctest: +SKIP
    """
    _mpl()
    nx = _nx()
    _check_value(weight)
    _check_top(top)
    if color not in ("auto", "kind", "community", "none"):
        raise ValueError(f"color must be one of ['auto', 'kind', 'community', 'none']; got {color!r}")
    c = _static(co, group)
    cnt = _count_column(c)
    p = c.pairs
    p = p[(p["n_ab"] >= min_count) & (p[weight].astype(float) > 0) & np.isfinite(p[weight].astype(float))]
    ents = c.entities.set_index("entity")
    linked = set(p["a"]).union(p["b"])
    ranked = ents.loc[ents.index.isin(linked)].sort_values([cnt, "name"], ascending=[False, True])
    keep = list(ranked.index[:top])
    keep_s = set(keep)
    p = p[p["a"].isin(keep_s) & p["b"].isin(keep_s)]
    max_edges = 3 * top if max_edges is None else max_edges
    p = p.sort_values([weight, "n_ab", "a", "b"], ascending=[False, False, True, True]).head(max_edges)
    if not len(p):
        raise ValueError("nothing to draw: no pair with n_ab >= min_count and a positive weight "
                         f"(min_count={min_count}, weight={weight!r})")
    nodes = sorted(set(p["a"]).union(p["b"]), key=lambda e: (-int(ents.at[e, cnt]), str(ents.at[e, "name"])))

    G = nx.Graph()
    G.add_nodes_from(nodes)
    w = p[weight].to_numpy(dtype=float)
    wmax = float(w.max())
    for (a, b), wi in zip(p[["a", "b"]].itertuples(index=False, name=None), w):
        G.add_edge(a, b, w=wi / wmax)
    pos = _layout(nx, G, seed)

    # colours
    kinds = [str(ents.at[e, "kind"]) for e in nodes]
    mode = color
    if mode == "auto":
        mode = "kind" if len(set(kinds)) > 1 else "community"
    legend: List[Tuple[str, str]] = []
    if mode == "kind":
        order = sorted(set(kinds))
        cmap = {kd: _PALETTE[i % len(_PALETTE)] for i, kd in enumerate(order)}
        colours = [cmap[kd] for kd in kinds]
        legend = [(kd or "(no kind)", cmap[kd]) for kd in order]
    elif mode == "community":
        comms = nx.algorithms.community.greedy_modularity_communities(G, weight="w")
        comm_of = {n: i for i, cm in enumerate(sorted(comms, key=lambda s: (-len(s), min(s)))) for n in cm}
        colours = [_PALETTE[comm_of[e] % len(_PALETTE)] for e in nodes]
    else:
        colours = [_PALETTE[0]] * len(nodes)

    size = (12.0, 10.0) if ax is None else None
    fig, ax = _new_axes(ax, size or (12.0, 10.0))
    xy = np.array([pos[e] for e in nodes])
    counts = np.array([float(ents.at[e, cnt]) for e in nodes])
    area = 60.0 + 1900.0 * np.sqrt(counts / counts.max())

    # edges: light and thin to heavy and dark, heaviest drawn last
    from matplotlib.collections import LineCollection

    order_e = np.argsort(w, kind="stable")
    segs = [(pos[a], pos[b]) for a, b in p[["a", "b"]].to_numpy()[order_e]]
    rel = w[order_e] / wmax
    lc = LineCollection(segs, linewidths=0.4 + 6.0 * rel, colors=[(0.25, 0.25, 0.3, 0.15 + 0.6 * r) for r in rel],
                        zorder=1, capstyle="round")
    ax.add_collection(lc)
    ax.scatter(xy[:, 0], xy[:, 1], s=area, c=colours, edgecolors="white", linewidths=1.2, zorder=2)

    # labels: beside the node, on the side with the most room, never on top of another label
    labels = [str(ents.at[e, "name"]) for e in nodes]
    fs = 12 if len(nodes) <= 25 else (10.5 if len(nodes) <= 45 else 9)
    pad = 0.06 * (xy.max(axis=0) - xy.min(axis=0)).max()
    ax.set_xlim(xy[:, 0].min() - 2.2 * pad, xy[:, 0].max() + 2.2 * pad)
    ax.set_ylim(xy[:, 1].min() - 1.2 * pad, xy[:, 1].max() + 1.2 * pad)
    _place_labels(fig, ax, xy, np.sqrt(area), labels, fs, counts)
    ax.set_axis_off()
    if title is None:
        where = "" if group is None or not co._keys else f" — {group}"
        title = f"Who is mentioned with whom{where}"
    ax.set_title(title, fontsize=16, fontweight="bold", loc="left", pad=24)
    ax.text(0.0, 1.0, f"{_describe(c)}; top {len(nodes)} entities; edge width: {weight} "
            f"(pairs with n_ab ≥ {min_count}); node area: {cnt}",
            transform=ax.transAxes, fontsize=10, color="#444444", va="bottom")
    if legend:
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], marker="o", ls="", markersize=10, markerfacecolor=col, markeredgecolor="white",
                          label=lab) for lab, col in legend]
        ax.legend(handles=handles, loc="lower right", frameon=False, fontsize=10, title="kind")
    return fig


def _layout(nx: Any, G: Any, seed: int) -> Dict[Any, np.ndarray]:
    """Kamada-Kawai on weighted path lengths (heavy edges short), unreachable pairs one step
    beyond the longest path, then a short seeded spring pass that evens out crowded spots."""
    nodes = list(G.nodes)
    length = {n: {} for n in nodes}
    paths = dict(nx.all_pairs_dijkstra_path_length(G, weight=lambda u, v, d: 1.0 / (0.35 + d["w"])))
    longest = max((d for row in paths.values() for d in row.values()), default=1.0)
    for u in nodes:
        for v in nodes:
            length[u][v] = paths.get(u, {}).get(v, longest + 1.0)
    init = nx.circular_layout(sorted(nodes))
    pos = nx.kamada_kawai_layout(G, dist=length, pos=init)
    k = 1.2 / math.sqrt(max(len(nodes), 1))
    return nx.spring_layout(G, pos=pos, weight="w", seed=seed, k=k, iterations=40)


def _place_labels(fig: Any, ax: Any, xy: np.ndarray, radius_pt: np.ndarray, labels: List[str], fs: float,
                  counts: np.ndarray) -> None:
    """Puts each label next to its node (right, left, above, below, diagonals), first free spot
    wins, larger nodes first; a label that finds no free spot takes the least crowded one."""
    from matplotlib.transforms import Bbox

    trans = ax.transData
    dpi_scale = fig.dpi / 72.0
    placed: List[Any] = []
    node_boxes = []
    for (x, y), r in zip(xy, radius_pt):
        cx, cy = trans.transform((x, y))
        rr = 0.5 * r * dpi_scale
        node_boxes.append(Bbox.from_extents(cx - rr, cy - rr, cx + rr, cy + rr))
    for i in np.argsort(-counts, kind="stable"):
        x, y = xy[i]
        off = 0.5 * radius_pt[i] + 2.0  # points from the node centre
        cands = [(off, 0, "left", "center"), (-off, 0, "right", "center"), (0, off, "center", "bottom"),
                 (0, -off, "center", "top"), (0.7 * off, 0.7 * off, "left", "bottom"),
                 (-0.7 * off, 0.7 * off, "right", "bottom"), (0.7 * off, -0.7 * off, "left", "top"),
                 (-0.7 * off, -0.7 * off, "right", "top")]
        best = None
        for dx, dy, ha, va in cands:
            t = ax.annotate(labels[i], (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                            fontsize=fs, zorder=3, path_effects=_halo(2.5), color="#111111")
            bb = t.get_window_extent().expanded(1.02, 1.05)
            hits = sum(bb.overlaps(o) for o in placed) * 3 + sum(
                bb.overlaps(nb) for j, nb in enumerate(node_boxes) if j != i)
            if best is None or hits < best[2]:
                if best is not None:
                    best[0].remove()
                best = (t, bb, hits)
            else:
                t.remove()
            if hits == 0:
                break
        assert best is not None
        placed.append(best[1])


# --------------------------------------------------------------------------------------------
def heatmap(co: Any, *, top: int = 20, value: str = "n_ab", group: Any = None, ax: Any = None,
            order: Literal["count", "cluster", "name"] = "count", annotate: Optional[bool] = None,
            title: Optional[str] = None) -> Any:
    """Draws an entity × entity heat map of one pair column for the most frequent entities.

    Parameters
    ----------
    co : Cooccurrence
    top : int, default 20
        How many entities (the most frequent: ``n_units``, or ``n_mentions`` when counting
        mentions).
    value : str, default "n_ab"
        Any pair column: ``"n_ab"``, ``"npmi"``, ``"pmi"``, ``"jaccard"``, ``"dice"``,
        ``"llr"``, ``"lift"``, ... Signed measures (``pmi``, ``npmi``) use a diverging map
        centred at 0 (npmi on its natural −1..1 scale). Pairs that never co-occur (or are
        filtered out by ``min_count``) are 0 for counts and blank for measures.
    group : scalar or tuple, optional
        For a sliced result, the group to draw; default: all groups summed.
    ax : matplotlib Axes, optional
    order : {"count", "cluster", "name"}, default "count"
        Row/column order: most frequent first, hierarchical clustering of the rows (needs
        scipy; similar profiles end up together), or alphabetical by name.
    annotate : bool, optional
        Write the values in the cells (default: when ``top <= 25``).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.datasets import demo_news
    >>> from gazetta.gazetteers import countries
    >>> co = gazetta.cooccurrence(demo_news(), countries(), unit="paragraph")
    >>> fig = gazetta.plot.heatmap(co, top=15, value="npmi")
    """
    _mpl()
    _check_value(value)
    _check_top(top)
    if order not in ("count", "cluster", "name"):
        raise ValueError(f"order must be one of ['count', 'cluster', 'name']; got {order!r}")
    c = _static(co, group)
    cnt = _count_column(c)
    ents = c.entities.sort_values([cnt, "name"], ascending=[False, True]).head(top)
    ids = list(ents["entity"])
    names = dict(zip(ents["entity"], ents["name"]))
    if len(ids) < 2:
        raise ValueError("nothing to draw: fewer than two entities are mentioned")
    pos = {e: i for i, e in enumerate(ids)}
    k = len(ids)
    counts_like = value in ("n_ab",)
    M = np.zeros((k, k)) if counts_like else np.full((k, k), np.nan)
    p = c.pairs[c.pairs["a"].isin(pos) & c.pairs["b"].isin(pos)]
    for a, b, v in p[["a", "b", value]].itertuples(index=False, name=None):
        M[pos[a], pos[b]] = M[pos[b], pos[a]] = float(v)
    if order == "name":
        perm = sorted(range(k), key=lambda i: names[ids[i]])
    elif order == "cluster" and k > 2:
        from scipy.cluster.hierarchy import leaves_list, linkage

        X = np.nan_to_num(M, nan=0.0)
        perm = list(leaves_list(linkage(X, method="average", metric="euclidean", optimal_ordering=True)))
    else:
        perm = list(range(k))
    M = M[np.ix_(perm, perm)]
    ids = [ids[i] for i in perm]
    np.fill_diagonal(M, np.nan)

    side = max(6.0, 0.42 * k + 3.0)
    fig, ax = _new_axes(ax, (side + 1.4, side))
    from matplotlib import colors as mcolors

    if value in _SIGNED:
        lim = 1.0 if value == "npmi" else max(1e-9, float(np.nanmax(np.abs(M))) if np.isfinite(M).any() else 1.0)
        norm: Any = mcolors.TwoSlopeNorm(vmin=-lim, vcenter=0.0, vmax=lim)
        cmap = "RdBu_r"
    else:
        hi = float(np.nanmax(M)) if np.isfinite(M).any() else 1.0
        norm = mcolors.Normalize(vmin=0.0, vmax=hi if hi > 0 else 1.0)
        cmap = "Blues" if counts_like else "viridis"
    import matplotlib

    cm = matplotlib.colormaps[cmap].with_extremes(bad="#f2f2f2")
    im = ax.imshow(np.ma.masked_invalid(M), cmap=cm, norm=norm, interpolation="nearest")
    labels = [str(names[e]) for e in ids]
    fs = 11 if k <= 15 else (10 if k <= 25 else 8)
    ax.set_xticks(range(k), labels, rotation=45, ha="right", rotation_mode="anchor", fontsize=fs)
    ax.set_yticks(range(k), labels, fontsize=fs)
    ax.set_xticks(np.arange(-0.5, k, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, k, 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.0)
    ax.tick_params(which="minor", length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    if annotate is None:
        annotate = k <= 25
    if annotate:
        for i in range(k):
            for j in range(k):
                v = M[i, j]
                if not np.isfinite(v) or (counts_like and v == 0):
                    continue
                r, g, b, _ = cm(norm(v))
                dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
                ax.text(j, i, _fmt_value(v, value), ha="center", va="center", fontsize=max(fs - 3, 6.5),
                        color="white" if dark else "#222222")
    cb = fig.colorbar(im, ax=ax, shrink=0.7, pad=0.02)
    cb.set_label(value, fontsize=11)
    cb.outline.set_visible(False)
    if title is None:
        where = "" if group is None or not co._keys else f" — {group}"
        title = f"{value} for the {k} most mentioned entities{where}"
    ax.set_title(title, fontsize=14, fontweight="bold", loc="left", pad=22)
    ax.text(0.0, 1.01, _describe(c) + ("; blank: no co-occurrence" if not counts_like else ""),
            transform=ax.transAxes, fontsize=9.5, color="#444444", va="bottom")
    return fig


# --------------------------------------------------------------------------------------------
def _resolve(c: Any, x: str) -> str:
    ents = c.entities
    if (ents["entity"] == x).any():
        return x
    hit = ents.loc[ents["name"] == x, "entity"]
    if len(hit):
        return str(hit.iloc[0])
    raise ValueError(f"unknown entity {x!r}: not an entity id or name of this result")


def timeline(co: Any, pairs: Optional[Sequence[Tuple[str, str]]] = None, *, value: str = "npmi",
             freq: Optional[str] = None, group: Any = None, min_count: int = 1, support: Optional[bool] = None,
             units: Optional[bool] = None, few: int = 5, ax: Any = None, title: Optional[str] = None) -> Any:
    """Draws how strongly pairs co-occur over the periods of a time-sliced result.

    A period without documents is missing, not a period without co-occurrence: it is a gap
    in every line and shaded grey. The lowest panel shows ``n``, the units of each period
    (the denominator of ``share`` and of every measure); points resting on fewer than
    ``few`` co-occurring units are hollow. The subtitle counts the documents of the group
    drawn.

    Parameters
    ----------
    co : Cooccurrence
        A result counted with ``time=`` and ``freq=``.
    pairs : list of (str, str), optional
        The pairs to draw, as entity ids or names in either order, e.g.
        ``[("US", "CN"), ("Russia", "Ukraine")]``. Default: the 5 pairs with the largest
        total ``n_ab``.
    value : str, default "npmi"
        ``"n_ab"``, ``"share"`` (``n_ab / n``: the fraction of all units that mention both),
        or any measure (``"npmi"``, ``"pmi"``, ``"jaccard"``, ``"lift"``, ...). A period in which
        the pair co-occurs fewer than ``min_count`` times is 0 for ``n_ab``/``share`` and a gap
        for a measure (no evidence either way); a period without documents is a gap for all.
    freq : str, optional
        Coarser periods than the result's, summed exactly (e.g. ``"Q"`` or ``"Y"`` for a
        monthly result): monthly measures of sparse pairs are noisy.
    group : scalar or tuple, optional
        Values of the ``by=`` columns (if the result has any); default: summed over them.
    min_count : int, default 1
        Fewest co-occurrences in a period for a measure to be drawn.
    support : bool, optional
        Add a lower panel with ``n_ab`` per period (default: when ``value`` is a measure).
    units : bool, optional
        Add a lowest panel with ``n`` (the units) per period (default: unless ``ax`` is given).
    few : int, default 5
        Points of ``share`` or a measure whose ``n_ab`` is below this are drawn hollow (they
        rest on few units: one more or less co-occurrence moves them a lot); 0: none.
    ax : matplotlib Axes, optional
        Draw the main panel into these axes (no support or units panel then).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        A result without a time key, an unknown entity or value, or a bad ``freq``.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.datasets import demo_news
    >>> from gazetta.gazetteers import countries
    >>> co = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="M")
    >>> fig = gazetta.plot.timeline(co, [("US", "CN"), ("RU", "UA")], value="npmi", freq="Y")
    """
    _mpl()
    _check_value(value, ("share",))
    if isinstance(few, bool) or not isinstance(few, (int, np.integer)) or few < 0:
        raise ValueError(f"few must be a non-negative int; got {few!r}")
    c = _by_time(co, group)
    time = c.meta["time"]
    if freq is not None:
        from ._dates import period_freq

        c = rollup(c, (time,), freq=period_freq(freq)[0])  # "QE" is "Q"
    fq = c.meta["freq"]
    if pairs is None:
        tot = rollup(c, ()).pairs
        pairs = list(tot[["a", "b"]].head(5).itertuples(index=False, name=None))
        if not pairs:
            raise ValueError("nothing to draw: this result has no pairs")
    ids = []
    for pr in pairs:
        if not (isinstance(pr, (tuple, list)) and len(pr) == 2):
            raise ValueError(f"pairs must be (a, b) tuples; got {pr!r}")
        a, b = sorted((_resolve(c, str(pr[0])), _resolve(c, str(pr[1]))))
        if a == b:
            raise ValueError(f"a pair needs two different entities; got {pr!r}")
        ids.append((a, b))
    periods = c.groups[time]
    if len(periods):
        full = pd.period_range(periods.min(), periods.max(), freq=periods.dtype.freq)
    else:
        full = pd.PeriodIndex([], freq=fq)
    x = full.to_timestamp(how="start") if len(full) else pd.DatetimeIndex([])
    nser = c.groups.set_index(time)["n"].reindex(full)
    n_units = nser.fillna(0).to_numpy(dtype=float)
    # A period without documents (or without any unit) is missing, not a period without
    # co-occurrence: every value is a gap there, and the period is shaded.
    empty = ~(n_units > 0)
    names = dict(zip(c.entities["entity"], c.entities["name"]))
    measure = value not in ("n_ab", "share")
    if support is None:
        support = measure and ax is None
    if units is None:
        units = ax is None
    if ax is None:
        Figure = _mpl()
        panels = [3.0] + ([1.1] if support else []) + ([0.8] if units else [])
        fig = Figure(figsize=(12.0, 5.2 + 1.3 * (len(panels) - 1)), layout="constrained")
        if len(panels) > 1:
            axs = list(fig.subplots(len(panels), 1, sharex=True, height_ratios=panels))
        else:
            axs = [fig.add_subplot()]
        ax = axs[0]
        ax2 = axs[1] if support else None
        ax_n = axs[-1] if units else None
    else:
        fig, ax2, ax_n = ax.figure, None, None
    all_p = c._all_pairs
    width = _bar_width(full)
    nbar = len(ids)
    weak_any = False
    for i, (a, b) in enumerate(ids):
        sub = all_p[(all_p["a"] == a) & (all_p["b"] == b)].set_index(time)
        nab = sub["n_ab"].reindex(full).fillna(0).to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            if value == "n_ab":
                y = nab.copy()
            elif value == "share":
                y = nab / n_units
            else:
                y = sub[value].reindex(full).to_numpy(dtype=float)
                y = np.where(nab >= min_count, y, np.nan)
        y = np.where(empty, np.nan, y)
        colour = _PALETTE[i % len(_PALETTE)]
        label = f"{names.get(a, a)} – {names.get(b, b)}"
        ax.plot(x, y, linewidth=2.0, color=colour, label=label, zorder=3)
        ok = np.isfinite(y)
        weak = ok & (nab < few) if value != "n_ab" else np.zeros(len(y), dtype=bool)
        weak_any |= bool(weak.any())
        ax.scatter(x[ok & ~weak], y[ok & ~weak], s=26, color=colour, zorder=4)
        ax.scatter(x[weak], y[weak], s=26, facecolors="white", edgecolors=colour, linewidths=1.4, zorder=4)
        if measure:  # a lone point between gaps still shows; join across co-occurrence gaps faintly,
            # but never across a period without documents
            run = np.cumsum(empty)
            for r in np.unique(run[~empty]):
                seg = ok & ~empty & (run == r)
                if seg.sum() > 1:
                    ax.plot(x[seg], y[seg], linewidth=1.0, color=colour, alpha=0.35, linestyle=":", zorder=2)
        if ax2 is not None:
            offs = (i - (nbar - 1) / 2) * width / max(nbar, 1)
            ax2.bar(x + offs, np.where(empty, 0.0, nab), width=width / max(nbar, 1), color=colour, alpha=0.85)
    for axis in [ax] + [a_ for a_ in (ax2, ax_n) if a_ is not None]:
        for k in np.flatnonzero(empty):
            axis.axvspan(full[k].start_time, full[k].end_time, color="#e9e9e9", zorder=0, linewidth=0)
    if value == "npmi":
        ax.axhline(0.0, color="#777777", linewidth=0.8)
        lo = np.nanmin([np.nanmin(ln.get_ydata()) for ln in ax.lines if np.isfinite(ln.get_ydata()).any()] or [0.0])
        ax.set_ylim(min(-0.3, lo - 0.08), 1.05)
    elif value == "pmi":
        ax.axhline(0.0, color="#777777", linewidth=0.8)
    elif value == "lift" and any(np.nanmax(ln.get_ydata(), initial=0.0) > 0 for ln in ax.lines):
        ax.set_yscale("log")  # a ratio: 2x and 1/2x equally far from 1 (chance)
        ax.axhline(1.0, color="#777777", linewidth=0.8)
    unit = "units" if c.meta.get("window") is not None else f"{c.meta.get('unit', 'unit')}s"
    ylabel = {"n_ab": "co-occurrences (n_ab)", "share": f"share of {unit} mentioning both",
              "lift": "lift (observed / expected; log scale)"}.get(value, value)
    ax.set_ylabel(ylabel, fontsize=12)
    if value == "n_ab":
        from matplotlib.ticker import MaxNLocator

        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if value == "share":
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
    ax.grid(True, axis="y", color="#dddddd")
    ax.tick_params(labelsize=10.5)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)
    handles, labels = ax.get_legend_handles_labels()
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if weak_any:
        handles.append(Line2D([], [], marker="o", ls="", markersize=6, markerfacecolor="white",
                              markeredgecolor="#555555"))
        labels.append(f"hollow: n_ab < {few}")
    if empty.any():
        handles.append(Patch(color="#e9e9e9"))
        labels.append("no documents")
    ax.legend(handles, labels, fontsize=10.5, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    from matplotlib.ticker import MaxNLocator

    per = _period_word(fq)
    for axis, lab in ((ax2, "n_ab"), (ax_n, f"n ({unit})")):
        if axis is None:
            continue
        axis.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        axis.set_ylabel(lab, fontsize=11)
        axis.grid(True, axis="y", color="#dddddd")
        axis.tick_params(labelsize=10)
        for s in ("top", "right"):
            axis.spines[s].set_visible(False)
    if ax_n is not None:
        ax_n.bar(x, np.where(empty, 0.0, n_units), width=width, color="#9a9a9a", alpha=0.9)
        ax_n.text(0.0, 1.02, f"n: {unit} per {per} (all units of the period, the n of share and of every measure)",
                  transform=ax_n.transAxes, fontsize=9, color="#444444", va="bottom")
    if title is None:
        title = {"n_ab": "Co-occurrences", "share": f"Share of {unit} mentioning both"}.get(value, value)
        title = f"{title} per {per}" + (f" ({', '.join(f'{names.get(a, a)} – {names.get(b, b)}' for a, b in ids)})"
                                       if len(ids) == 1 else "")
    notes = []
    if measure:
        notes.append(f"gaps: {per}s without co-occurrence" if min_count <= 1
                     else f"gaps: {per}s with fewer than {min_count} co-occurrences")
    if empty.any():
        notes.append(f"grey: {per}s without documents ({int(empty.sum())})")
    if weak_any:
        notes.append(f"hollow points rest on fewer than {few} co-occurring {unit}")
    import textwrap

    sub = textwrap.wrap(_describe(c) + "".join(f"; {t}" for t in notes), 125)
    ax.set_title(title, fontsize=15, fontweight="bold", loc="left", pad=8 + 13 * len(sub))
    ax.text(0.0, 1.01, "\n".join(sub), transform=ax.transAxes, fontsize=9.5, color="#444444", va="bottom",
            linespacing=1.3)
    return fig


def _bar_width(full: pd.PeriodIndex) -> Any:
    if len(full) == 0:
        return pd.Timedelta(days=1)
    p0 = full[0]
    days = (p0.end_time - p0.start_time).days + 1
    return pd.Timedelta(days=max(1.0, 0.8 * days))
