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
from ._measures import DEFAULT_MIN_N, MEASURES, mask_min_n

__all__ = ["network", "heatmap", "timeline", "color_limits"]

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
        unit = f"a window of {m['window']} tokens" + ("" if m["unit"] == "document" else f" within {m['unit']}s")
    else:
        unit = f"{m['unit']}s"
    count = "mention pairs" if (m.get("count") == "mentions" or m.get("window") is not None) else "units"
    n = _n_total(co)
    n_word = ("tokens" if m.get("window") is not None else "mentions" if m.get("count") == "mentions"
              else f"{m.get('unit', 'unit')}s")
    n_txt = f"n\u00a0=\u00a0{n:,}\u00a0{n_word}" if isinstance(n, (int, np.integer)) else "n = ?"
    return f"co-occurrence in {unit} (counting {count}); {n_txt}, {_n_docs(co):,} documents"


def _group_text(group: Any) -> str:
    """``("wikinews", "2020")`` -> ``"wikinews, 2020"`` for a title."""
    if isinstance(group, (tuple, list)):
        return ", ".join(str(g) for g in group)
    return str(group)


def _n_total(co: Any) -> Any:
    """``n`` of the groups drawn (the denominator of every measure), summed over groups."""
    g = getattr(co, "groups", None)
    if g is not None and "n" in g.columns:
        return int(g["n"].sum())
    return None


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


def _titles(ax: Any, title: str, sub: List[str], size: float) -> None:
    """A bold title over grey subtitle lines (unit, n, measure, notes), left-aligned above the
    axes, spaced in points so that they never overlap at any figure size."""
    ax.annotate("\n".join(sub), xy=(0.0, 1.0), xycoords="axes fraction", xytext=(0, 5), textcoords="offset points",
                fontsize=9.5, color="#444444", va="bottom", ha="left", linespacing=1.3)
    # a line of 9.5-point type is about 11.2 points high, each further one 1.3 times that
    ax.set_title(title, fontsize=size, fontweight="bold", loc="left",
                 pad=9.0 + 11.2 + 14.6 * max(len(sub) - 1, 0) if sub else 6.0)


def _credit(fig: Any, ax: Any, credit: Optional[str], own: bool) -> None:
    """A credit line (e.g. the licence of the texts) in small grey type at the bottom right:
    of the figure when the plot made it (the layout keeps room for it), else under ``ax``."""
    if not credit:
        return
    kw: Dict[str, Any] = {"fontsize": 8.5, "color": "#555555", "ha": "right", "gid": "gazetta-credit"}
    if own:
        fig.supxlabel(str(credit), x=0.995, **kw)
    else:
        ax.annotate(str(credit), xy=(1.0, 0.0), xycoords="axes fraction", xytext=(0, -6),
                    textcoords="offset points", va="top", **kw)


# --------------------------------------------------------------------------------------------
# Pairs resting on fewer than ``min_n`` co-occurring units (``n_ab < min_n``) are not drawn
# as findings: the tables' definition and default (gazetta._measures.mask_min_n,
# DEFAULT_MIN_N = 5), since an npmi of 1.0 on two sentences proves nothing.
MIN_N = DEFAULT_MIN_N


def _check_min_n(min_n: Any, name: str = "min_n") -> int:
    if isinstance(min_n, bool) or not isinstance(min_n, (int, np.integer)) or min_n < 1:
        raise ValueError(f"{name} must be an int >= 1 (1 masks nothing); got {min_n!r}")
    return int(min_n)


def _thin(n_ab: Any, min_n: int) -> np.ndarray:
    """True for pairs resting on fewer than ``min_n`` units: the rows ``mask_min_n`` masks."""
    return np.asarray(n_ab, dtype=float) < min_n


def _unit_word(c: Any, n: int = 2) -> str:
    """What one count of ``n_ab`` is: "sentence(s)", "paragraph(s)", "document(s)", or
    "mention pair(s)" when counting mentions or within a window."""
    if c.meta.get("window") is not None or c.meta.get("count") == "mentions":
        return "mention pair" if n == 1 else "mention pairs"
    u = str(c.meta.get("unit", "unit"))
    return u if n == 1 else f"{u}s"


def _meaning(value: str, c: Any) -> str:
    """The label of a colour bar or key: the column and what it measures."""
    if value == "n_ab":
        return f"n_ab ({_unit_word(c)} with both)" if not _unit_word(c).startswith("mention") else \
            "n_ab (co-occurring mention pairs)"
    return _MEANING.get(value, value)


def _nice_values(lo: float, hi: float, log: bool) -> List[float]:
    """Two or three round values (1, 2, 5 × 10^k, or a linear tick step) spanning ``lo..hi``,
    for the size and width keys."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= 0:
        return []
    if hi <= lo:
        return [hi]
    if log:
        lo = max(lo, 1e-12)
        cands = sorted({m * 10.0 ** e for e in range(int(math.floor(math.log10(lo))) - 1,
                                                     int(math.ceil(math.log10(hi))) + 1)
                        for m in (1.0, 2.0, 5.0)})
        inside = [v for v in cands if lo <= v <= hi]
        if len(inside) < 2:
            return inside or [hi]
        mid = math.sqrt(inside[0] * inside[-1])
        middle = min(inside[1:-1], key=lambda v: abs(math.log(v / mid)), default=None)
        out = [inside[0]] + ([middle] if middle is not None and hi / lo > 8 else []) + [inside[-1]]
        return out
    from matplotlib.ticker import MaxNLocator

    ticks = [float(t) for t in MaxNLocator(nbins=3, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)
             if lo - 1e-12 <= t <= hi + 1e-12 and t > 0]
    if len(ticks) > 3:
        ticks = [ticks[0], ticks[len(ticks) // 2], ticks[-1]]
    return ticks or [hi]


def _node_area(counts: np.ndarray, cmax: float, n_nodes: int = 40) -> np.ndarray:
    """Marker area (points²) of a node: grows with the square root of its count; smaller
    throughout when more than 40 nodes share the picture."""
    shrink = min(1.0, 40.0 / max(n_nodes, 1))
    return shrink * (60.0 + 1900.0 * np.sqrt(np.asarray(counts, dtype=float) / cmax))


def _edge_width(rel: np.ndarray) -> np.ndarray:
    """Line width (points) of an edge whose weight is ``rel`` times the heaviest drawn."""
    return 0.4 + 6.0 * np.asarray(rel, dtype=float)


def _edge_rgba(rel: np.ndarray) -> List[Tuple[float, float, float, float]]:
    return [(0.25, 0.25, 0.3, 0.15 + 0.6 * float(r)) for r in np.atleast_1d(rel)]


def _graph(nx: Any, nodes: List[Any], p: pd.DataFrame, weight: str) -> Tuple[Any, np.ndarray]:
    """The networkx graph of the drawn pairs (edge attribute ``w``: the weight over the
    largest), and the weights in the order of ``p``. Shared by :func:`network` and the
    interactive page, so both lay out the same graph."""
    G = nx.Graph()
    G.add_nodes_from(nodes)
    w = p[weight].to_numpy(dtype=float)
    wmax = float(w.max())
    for (a, b), wi in zip(p[["a", "b"]].itertuples(index=False, name=None), w):
        G.add_edge(a, b, w=wi / wmax)
    return G, w


def _node_colours(nx: Any, G: Any, nodes: List[Any], ents: pd.DataFrame, color: str, *,
                  note_repeats: bool = False,
                  names: Optional[Dict[Any, str]] = None) -> Tuple[str, List[str], List[str], List[Tuple[str, str]]]:
    """The colour mode ``color`` resolves to ("kind", "community", "auto": kind when several
    kinds are drawn, else community; anything else: one colour), each node's kind and colour,
    and the colour key (label, colour). Communities come by size, each named by its two most
    mentioned members (``nodes`` is in that order); ``note_repeats`` adds a key line when there
    are more communities than colours. Shared by :func:`network` and the interactive page."""
    kinds = [str(ents.at[e, "kind"]) for e in nodes]
    mode = color
    if mode == "auto":
        mode = "kind" if len(set(kinds)) > 1 else "community"
    key: List[Tuple[str, str]] = []
    if mode == "kind":
        order = sorted(set(kinds))
        cmap = {kd: _PALETTE[i % len(_PALETTE)] for i, kd in enumerate(order)}
        return mode, kinds, [cmap[kd] for kd in kinds], [(kd or "(no kind)", cmap[kd]) for kd in order]
    if mode != "community":
        return mode, kinds, [_PALETTE[0]] * len(nodes), key
    if names is None:
        names = {e: str(ents.at[e, "name"]) for e in nodes}
    comms = nx.algorithms.community.greedy_modularity_communities(G, weight="w")
    rank = {e: i for i, e in enumerate(nodes)}  # most mentioned first
    comms = sorted((sorted(cm, key=rank.__getitem__) for cm in comms), key=lambda m: (-len(m), rank[m[0]]))
    comm_of = {n: i for i, cm in enumerate(comms) for n in cm}
    for i, cm in enumerate(comms[:len(_PALETTE)]):
        lab = ", ".join(names[e] for e in cm[:2]) + (f" and {len(cm) - 2} more" if len(cm) > 2 else "")
        key.append((lab, _PALETTE[i]))
    if note_repeats and len(comms) > len(_PALETTE):
        key.append(("(colours repeat)", "#ffffff"))
    return mode, kinds, [_PALETTE[comm_of[e] % len(_PALETTE)] for e in nodes], key


def network(co: Any, *, top: int = 40, weight: str = "npmi", group: Any = None, ax: Any = None,
            min_n: Optional[int] = None, max_edges: Optional[int] = None,
            color: Literal["auto", "kind", "community", "none"] = "auto", seed: int = 7,
            title: Optional[str] = None, credit: Optional[str] = None, keys: bool = True,
            min_count: Optional[int] = None) -> Any:
    """Draws the co-occurrence network of the most mentioned entities, ready to print.

    Node area grows with the entity's count (``n_units``, or ``n_mentions`` when counting
    mentions); edge width and darkness grow with ``weight``; a key beside the network says
    what a colour, a node size and an edge width stand for, in the count's and the
    measure's units. Pairs resting on fewer than ``min_n`` co-occurring units are not drawn
    (a pair named together twice has an npmi near 1 and proves nothing); the subtitle says
    how many were left out.

    The layout is deterministic: Kamada-Kawai on path lengths (heavy edges short), a short
    spring pass with a fixed ``seed``, then the picture is centred on the count-weighted
    centre (the most mentioned entities sit in the middle, not at an edge) and far-flung
    nodes are pulled in. Labels sit beside their node, on the free side; a label that finds
    no room beside its node moves farther out with a thin leader line; no two labels
    overlap.

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
    min_n : int, default 5
        Draw only pairs that co-occur in at least this many units (``n_ab >= min_n``), as
        in the tables' ``min_n``.
    max_edges : int, optional
        Keep at most this many edges, the heaviest (default ``3 * top``).
    color : {"auto", "kind", "community", "none"}, default "auto"
        Node colours: by ``kind``, by network community (greedy modularity, weighted; the
        key names each community by its two most mentioned members), or one colour.
        ``"auto"``: kinds when there are several, else communities.
    seed : int, default 7
        Seed of the spring layout: the same result and seed give the same picture.
    title : str, optional
        Default: "Who is mentioned with whom" (and the group drawn). The subtitle always
        states the unit, ``n``, the documents, the measure and ``min_n``.
    credit : str, optional
        A credit line printed under the network, e.g. the licence of the texts:
        ``credit="Data: Wikinews contributors, CC BY 2.5"``.
    keys : bool, default True
        Draw the key (colour, node size, edge width) to the right of the network.
    min_count : int, optional
        Former name of ``min_n`` (give one of them).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ImportError
        Without matplotlib or networkx (the message says what to install).
    ValueError
        An unknown ``weight``/``color``, ``top < 2``, ``min_n < 1``, or a result without
        any pair to draw.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.datasets import demo_news
    >>> from gazetta.gazetteers import countries
    >>> co = gazetta.cooccurrence(demo_news(), countries())
    >>> fig = gazetta.plot.network(co, top=20, weight="npmi", min_n=5,
    ...                            credit="Data: Wikinews contributors (CC BY 2.5); White House (public domain)")
    >>> fig.axes[0].get_title(loc="left")
    'Who is mentioned with whom'
    >>> fig.savefig("network.png", dpi=200)  # doctest: +SKIP
    """
    _mpl()
    nx = _nx()
    _check_value(weight)
    _check_top(top)
    if color not in ("auto", "kind", "community", "none"):
        raise ValueError(f"color must be one of ['auto', 'kind', 'community', 'none']; got {color!r}")
    if min_n is not None and min_count is not None:
        raise ValueError("give min_n or min_count (its former name), not both")
    min_n = _check_min_n(min_count, "min_count") if min_count is not None else _check_min_n(
        MIN_N if min_n is None else min_n)
    c = _static(co, group)
    cnt = _count_column(c)
    p = mask_min_n(c.pairs, min_n)
    wv = c.pairs[weight].to_numpy(dtype=float)  # before masking: to count the hidden pairs
    positive = np.isfinite(wv) & (wv > 0)
    thin = p["masked"].to_numpy()
    hidden = p[positive & thin]
    p = p[positive & ~thin]
    ents = c.entities.set_index("entity")
    linked = set(p["a"]).union(p["b"])
    ranked = ents.loc[ents.index.isin(linked)].sort_values([cnt, "name"], ascending=[False, True])
    keep = list(ranked.index[:top])
    keep_s = set(keep)
    p = p[p["a"].isin(keep_s) & p["b"].isin(keep_s)]
    n_hidden = int((hidden["a"].isin(keep_s) & hidden["b"].isin(keep_s)).sum())
    max_edges = 3 * top if max_edges is None else max_edges
    p = p.sort_values([weight, "n_ab", "a", "b"], ascending=[False, False, True, True]).head(max_edges)
    if not len(p):
        raise ValueError(f"nothing to draw: no pair with n_ab >= min_n and a positive {weight} "
                         f"(min_n={min_n}; a smaller min_n draws pairs on fewer units)")
    nodes = sorted(set(p["a"]).union(p["b"]), key=lambda e: (-int(ents.at[e, cnt]), str(ents.at[e, "name"])))
    counts = np.array([float(ents.at[e, cnt]) for e in nodes])

    G, w = _graph(nx, nodes, p, weight)
    wmax = float(w.max())
    pos = _layout(nx, G, seed, dict(zip(nodes, counts)))

    # colours
    names = _labels_of(c, nodes)
    mode, kinds, colours, colour_key = _node_colours(nx, G, nodes, ents, color, note_repeats=True, names=names)

    own = ax is None
    fig, ax = _new_axes(ax, (13.0, 10.0))
    xy = np.array([pos[e] for e in nodes])
    area = _node_area(counts, float(counts.max()), len(nodes))

    # edges: light and thin to heavy and dark, heaviest drawn last
    from matplotlib.collections import LineCollection

    order_e = np.argsort(w, kind="stable")
    segs = [(pos[a], pos[b]) for a, b in p[["a", "b"]].to_numpy()[order_e]]
    rel = w[order_e] / wmax
    lc = LineCollection(segs, linewidths=_edge_width(rel), colors=_edge_rgba(rel), zorder=1, capstyle="round")
    ax.add_collection(lc)
    ax.scatter(xy[:, 0], xy[:, 1], s=area, c=colours, edgecolors="white", linewidths=1.2, zorder=2)
    span = (xy.max(axis=0) - xy.min(axis=0)).max()
    pad = 0.06 * span
    ax.set_xlim(xy[:, 0].min() - 2.0 * pad, xy[:, 0].max() + 2.0 * pad)
    ax.set_ylim(xy[:, 1].min() - 1.2 * pad, xy[:, 1].max() + 1.2 * pad)
    ax.set_axis_off()

    if title is None:
        where = "" if group is None or not co._keys else f" — {_group_text(group)}"
        title = f"Who is mentioned with whom{where}"
    units = _unit_word(c)
    least = (f"at least {min_n} times" if units.startswith("mention") else
             f"in at least {min_n} {units if min_n > 1 else _unit_word(c, 1)}")
    positive_txt = "" if weight == "n_ab" else f"with {weight} > 0 "
    note = (f"{_describe(c)}. The {len(nodes)} most mentioned entities with an edge; edges: pairs "
            f"{positive_txt}that co-occur {least}")
    note += f" ({n_hidden} pair{'s' if n_hidden != 1 else ''} on fewer not drawn)." if n_hidden else "."
    import textwrap

    sub = textwrap.wrap(note, 135 if own else 95, break_on_hyphens=False)
    _titles(ax, title, sub, 16)
    if keys:
        size_title = (f"{cnt}: mentions of it" if cnt == "n_mentions"
                      else f"{cnt}: {c.meta.get('unit', 'unit')}s naming it")
        _network_key(ax, colour_key, "kind" if mode == "kind" else "community", counts,
                     area_of=lambda v: _node_area(v, float(counts.max()), len(nodes)), size_title=size_title,
                     w=w, wmax=wmax, weight=weight, meaning=_meaning(weight, c))
    _credit(fig, ax, credit, own)

    # labels: placed once the layout (and so the data -> pixel mapping) is final
    fig.draw_without_rendering()
    labels = [names[e] for e in nodes]
    fs = 12 if len(nodes) <= 25 else (10.5 if len(nodes) <= 45 else 9)
    seg_xy = np.array([(pos[a], pos[b]) for a, b in p[["a", "b"]].to_numpy()], dtype=float)
    _place_labels(fig, ax, xy, np.sqrt(area), labels, fs, counts, seg_xy)
    return fig


def _network_key(ax: Any, colour_key: List[Tuple[str, str]], colour_title: str, counts: np.ndarray,
                 area_of: Any, size_title: str, w: np.ndarray, wmax: float, weight: str, meaning: str) -> None:
    """The key to the right of the network: colours, node sizes and edge widths, one
    section each, drawn with the same mapping as the picture."""
    from matplotlib.lines import Line2D
    from matplotlib.offsetbox import AnchoredOffsetbox, DrawingArea, HPacker, TextArea, VPacker
    from matplotlib.patches import Circle

    def head(s: str) -> Any:
        return TextArea(s, textprops={"fontsize": 10, "fontweight": "bold", "color": "#222222"})

    def lab(s: str) -> Any:
        return TextArea(s, textprops={"fontsize": 9.5, "color": "#222222"})

    sections: List[Any] = []
    if colour_key:
        rows = []
        for text, col in colour_key:
            da = DrawingArea(14, 12)
            da.add_artist(Circle((7, 6), 5.0, facecolor=col, edgecolor="white" if col != "#ffffff" else "#999999",
                                 linewidth=0.8))
            rows.append(HPacker(children=[da, lab(text)], align="center", pad=0, sep=5))
        sections.append(VPacker(children=[head(f"colour: {colour_title}")] + rows, align="left", pad=0, sep=3))
    vals = _nice_values(float(counts.min()), float(counts.max()), log=True)
    if vals:
        rows = []
        for v in vals:
            d = float(np.sqrt(area_of(np.array([v]))[0]))  # marker diameter in points
            da = DrawingArea(max(d, 14) + 2, d + 2)
            da.add_artist(Circle((max(d, 14) / 2 + 1, d / 2 + 1), d / 2, facecolor="#bbbbbb", edgecolor="white",
                                 linewidth=1.0))
            rows.append(HPacker(children=[da, lab(f"{v:,.0f}")], align="center", pad=0, sep=6))
        sections.append(VPacker(children=[head("node area"), lab(size_title)] + rows, align="left", pad=0, sep=4))
    wvals = _nice_values(float(w.min()), float(w.max()), log=False)
    if wvals:
        rows = []
        for v in wvals:
            r = v / wmax
            lw = float(_edge_width(np.array([r]))[0])
            da = DrawingArea(40, max(lw, 6) + 2)
            y0 = (max(lw, 6) + 2) / 2
            da.add_artist(Line2D([2, 38], [y0, y0], linewidth=lw, color=_edge_rgba(np.array([r]))[0],
                                 solid_capstyle="round"))
            rows.append(HPacker(children=[da, lab(_fmt_value(v, weight))], align="center", pad=0, sep=6))
        sections.append(VPacker(children=[head("edge width"), lab(meaning)] + rows,
                                align="left", pad=0, sep=4))
    box = VPacker(children=sections, align="left", pad=0, sep=16)
    anchored = AnchoredOffsetbox(loc="upper left", child=box, pad=0.2, frameon=False,
                                 bbox_to_anchor=(1.01, 1.0), bbox_transform=ax.transAxes, borderpad=0.0)
    anchored.set_gid("gazetta-key")
    ax.add_artist(anchored)


#: What a weight means, for keys and colour bars.
_MEANING = {
    "npmi": "npmi (0: chance, 1: always together)",
    "pmi": "pmi (log2 observed/expected)",
    "jaccard": "jaccard (both / either)",
    "dice": "dice",
    "llr": "llr (log-likelihood ratio G²)",
    "lift": "lift (observed / expected)",
}


def _layout(nx: Any, G: Any, seed: int, counts: Dict[Any, float]) -> Dict[Any, np.ndarray]:
    """The largest connected part: Kamada-Kawai on weighted path lengths (heavy edges short),
    then a short seeded spring pass that evens out crowded spots; it is centred on its
    count-weighted centre and distances from that centre are compressed (r ** 0.7), so that
    lone, weakly tied nodes do not stretch the picture and squeeze its busy middle. Smaller
    parts (networkx would push them to the rim) are laid out alike and put into the emptiest
    spots inside the main part's frame."""
    parts = sorted((sorted(cc, key=str) for cc in nx.connected_components(G)),
                   key=lambda cc: (-len(cc), -sum(counts[n] for n in cc), str(cc[0])))
    main = _layout_part(nx, G.subgraph(parts[0]), seed, counts)
    pos = dict(main)
    xy = np.array(list(pos.values()))
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    if not np.all(hi > lo):
        lo, hi = lo - 0.5, hi + 0.5
    edges = [float(np.hypot(*(main[u] - main[v]))) for u, v in G.subgraph(parts[0]).edges]
    step = float(np.percentile(edges, 25)) if edges else 0.12 * float((hi - lo).max())  # a short edge
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], 25), np.linspace(lo[1], hi[1], 25))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    for cc in parts[1:]:
        sub = _layout_part(nx, G.subgraph(cc), seed, counts)
        pts = np.array([sub[n] for n in cc])
        own = [float(np.hypot(*(sub[u] - sub[v]))) for u, v in G.subgraph(cc).edges]
        own_step = float(np.median(own)) if own else 0.0
        pts = pts * (step / own_step if own_step > 0 else 1.0)
        rad = float(np.hypot(pts[:, 0], pts[:, 1]).max())
        taken = np.array(list(pos.values()))
        dist = np.sqrt(((grid[:, None, :] - taken[None, :, :]) ** 2).sum(axis=2)).min(axis=1) - rad
        at = grid[int(np.argmax(dist))]
        for n, pt in zip(cc, pts):
            pos[n] = at + pt
    return pos


def _layout_part(nx: Any, G: Any, seed: int, counts: Dict[Any, float]) -> Dict[Any, np.ndarray]:
    nodes = sorted(G.nodes, key=str)
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    length = dict(nx.all_pairs_dijkstra_path_length(G, weight=lambda u, v, d: 1.0 / (0.35 + d["w"])))
    D = np.array([[length[u][v] for v in nodes] for u in nodes], dtype=float)
    rng = np.random.default_rng(seed)  # the seed picks the start, and so the local optimum
    X = _stress_layout(D, rng.uniform(-1.0, 1.0, (len(nodes), 2)))
    X = X - X.mean(axis=0)
    X = X / max(float(np.abs(X).max()), 1e-12)
    k = 1.2 / math.sqrt(max(len(nodes), 1))
    pos = nx.spring_layout(G, pos={n: X[i] for i, n in enumerate(nodes)}, weight="w", seed=seed, k=k,
                           iterations=40)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    wts = np.array([counts[n] for n in nodes], dtype=float)
    d = xy - (xy * wts[:, None]).sum(axis=0) / wts.sum()
    r = np.hypot(d[:, 0], d[:, 1])
    rmax = float(r.max())
    if rmax > 0:
        rel = np.where(r > 0, r / rmax, 1.0)
        d = d * (rel ** 0.7 / rel)[:, None]
    return {n: d[i] for i, n in enumerate(nodes)}


def _stress_layout(D: np.ndarray, X: np.ndarray, iters: int = 500, tol: float = 1e-6) -> np.ndarray:
    """Places points so that their distances follow ``D`` (stress majorization, SMACOF, with
    weights 1/D²: the energy Kamada-Kawai minimises, solved by the Guttman transform as in
    Gansner, Koren & North 2004). In numpy: networkx's Kamada-Kawai calls L-BFGS-B, which
    spends seconds in threaded BLAS on a 40-node picture when the machine is busy."""
    n = len(D)
    with np.errstate(divide="ignore"):
        W = np.where(D > 0, 1.0 / D ** 2, 0.0)
    np.fill_diagonal(W, 0.0)
    V = -W
    V[np.diag_indices(n)] = W.sum(axis=1)
    Vp = np.linalg.pinv(V)
    WD = W * D
    before = math.inf
    for _ in range(iters):
        diff = X[:, None, :] - X[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        stress = float((W * (dist - D) ** 2).sum())
        if before - stress <= tol * stress:
            break
        before = stress
        with np.errstate(divide="ignore", invalid="ignore"):
            B = np.where(dist > 0, -WD / dist, 0.0)
        B[np.diag_indices(n)] = 0.0
        B[np.diag_indices(n)] = -B.sum(axis=1)
        X = Vp @ (B @ X)
    return X


def _segments_hit(seg: np.ndarray, box: Tuple[float, float, float, float]) -> int:
    """How many segments (array (E, 2, 2) in pixels) cross the rectangle x0, y0, x1, y1
    (Liang-Barsky clipping, vectorised)."""
    if not len(seg):
        return 0
    x0, y0, x1, y1 = box
    px, py = seg[:, 0, 0], seg[:, 0, 1]
    dx, dy = seg[:, 1, 0] - px, seg[:, 1, 1] - py
    t0 = np.zeros(len(seg))
    t1 = np.ones(len(seg))
    ok = np.ones(len(seg), dtype=bool)
    for pk, qk in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        par = pk == 0
        ok &= ~(par & (qk < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(par, 0.0, qk / np.where(par, 1.0, pk))
        t0 = np.where(~par & (pk < 0), np.maximum(t0, t), t0)
        t1 = np.where(~par & (pk > 0), np.minimum(t1, t), t1)
    return int((ok & (t0 <= t1)).sum())


def _place_labels(fig: Any, ax: Any, xy: np.ndarray, diam_pt: np.ndarray, labels: List[str], fs: float,
                  counts: np.ndarray, seg_xy: np.ndarray) -> None:
    """Puts each label beside its node, most mentioned first. Candidate spots ring the node
    (8 directions, then 16 directions on wider rings, with a thin leader line); a spot must
    lie inside the axes and overlap no placed label; among those, the one covering the
    fewest nodes and edges, nearest to its node, wins. A label that finds no spot at all
    (a very crowded picture) takes the spot with the least overlap."""
    renderer = fig._get_renderer()
    trans = ax.transData
    px_per_pt = fig.dpi / 72.0
    centres = trans.transform(xy)
    radii = 0.5 * diam_pt * px_per_pt
    seg = trans.transform(seg_xy.reshape(-1, 2)).reshape(-1, 2, 2) if len(seg_xy) else np.zeros((0, 2, 2))
    axbox = ax.get_window_extent(renderer)
    sizes = []
    for s in labels:
        t = ax.text(0, 0, s, fontsize=fs, path_effects=_halo(2.5))
        bb = t.get_window_extent(renderer)
        sizes.append((bb.width + 2.0, bb.height))
        t.remove()
    placed: List[Tuple[float, float, float, float]] = []
    gap = 2.0 * px_per_pt
    dirs8 = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
    rings = [(0.0, dirs8)] + [(extra, [(math.cos(a), math.sin(a)) for a in np.linspace(0, 2 * math.pi, 16,
                                                                                          endpoint=False)])
                              for extra in (10.0, 22.0, 38.0, 60.0, 90.0)]

    def overlaps(b: Tuple[float, float, float, float], o: Tuple[float, float, float, float]) -> bool:
        return b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3]

    for i in np.argsort(-counts, kind="stable"):
        cx, cy = centres[i]
        wpx, hpx = sizes[i]
        best: Optional[Tuple[float, Tuple[float, float, float, float], float, float, str, str, bool]] = None
        fallback = best
        for ring, (extra, dirs) in enumerate(rings):
            d = radii[i] + gap + extra * px_per_pt
            for ux, uy in dirs:
                n = math.hypot(ux, uy)
                ux, uy = ux / n, uy / n
                ax_, ay_ = cx + d * ux, cy + d * uy
                ha = "left" if ux > 0.35 else ("right" if ux < -0.35 else "center")
                va = "bottom" if uy > 0.35 else ("top" if uy < -0.35 else "center")
                x0 = ax_ if ha == "left" else (ax_ - wpx if ha == "right" else ax_ - wpx / 2)
                y0 = ay_ if va == "bottom" else (ay_ - hpx if va == "top" else ay_ - hpx / 2)
                b = (x0, y0, x0 + wpx, y0 + hpx)
                inside = b[0] >= axbox.x0 and b[2] <= axbox.x1 and b[1] >= axbox.y0 and b[3] <= axbox.y1
                clash = sum(overlaps(b, o) for o in placed)
                # nodes under the label: the rectangle's nearest point within the node's radius
                nx_ = np.clip(centres[:, 0], b[0], b[2]) - centres[:, 0]
                ny_ = np.clip(centres[:, 1], b[1], b[3]) - centres[:, 1]
                on_nodes = int((np.hypot(nx_, ny_) < radii + 1.0).sum())
                score = 10.0 * on_nodes + 1.0 * _segments_hit(seg, b) + 3.0 * ring
                cand = (score, b, ax_ - cx, ay_ - cy, ha, va, ring > 0)
                if inside and clash == 0:
                    if best is None or score < best[0]:
                        best = cand
                elif fallback is None or 100.0 * clash + (0 if inside else 50) + score < fallback[0]:
                    fallback = (100.0 * clash + (0 if inside else 50) + score,) + cand[1:]
            if best is not None and best[0] < 3.0 * (ring + 1):
                break  # nothing better is likely farther out
        chosen = best if best is not None else fallback
        assert chosen is not None
        _, b, dx, dy, ha, va, lead = chosen
        placed.append(b)
        kw: Dict[str, Any] = {}
        if lead:
            kw["arrowprops"] = {"arrowstyle": "-", "color": "#777777", "linewidth": 0.6,
                                "shrinkA": 0.0, "shrinkB": 0.5 * diam_pt[i] + 0.5}
        ax.annotate(labels[i], xy[i], xytext=(dx / px_per_pt, dy / px_per_pt), textcoords="offset points",
                    ha=ha, va=va, fontsize=fs, zorder=3, path_effects=_halo(2.5), color="#111111",
                    gid="gazetta-label", **kw)


# --------------------------------------------------------------------------------------------
def _nice_ceil(x: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is >= x (x > 0)."""
    if not np.isfinite(x) or x <= 0:
        return 1.0
    e = 10.0 ** math.floor(math.log10(x))
    for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * e >= x * (1 - 1e-9):
            return m * e
    return 10.0 * e  # pragma: no cover


def color_limits(values: Any, *, signed: bool, q: float = 98.0, cap: Optional[float] = None
                 ) -> Tuple[float, float, str]:
    """Colour-scale limits fitted to the data, robust to a few extreme cells.

    The upper limit is the ``q``-th percentile of the values (of their absolute values for a
    signed measure; the largest when there are fewer than 50 values, too few to call one
    of them an outlier), rounded up to a round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 ×
    10^k); a signed measure gets limits symmetric around 0, so that 0 (chance) is the
    neutral colour, an unsigned one starts at 0. Values beyond the limits are drawn in the
    end colour, and the colour bar shows an arrow for them.

    Parameters
    ----------
    values : array-like
        The values drawn (non-finite ones are ignored).
    signed : bool
        Centre the scale at 0 (``pmi``, ``npmi``, log lift).
    q : float, default 98
        Percentile for the limit.
    cap : float, optional
        Never beyond this (1 for npmi).

    Returns
    -------
    (vmin, vmax, extend)
        ``extend`` is ``"neither"``, ``"max"``, ``"min"`` or ``"both"``: which ends are clipped
        (as matplotlib's ``colorbar(extend=...)``).

    Examples
    --------
    >>> from gazetta.plot import color_limits
    >>> color_limits([-0.2, 0.05, 0.1, 0.74], signed=True, cap=1.0)
    (-0.8, 0.8, 'neither')
    >>> color_limits([1, 2, 3, 4, 5, 6, 7, 8, 9, 250], signed=False)  # few values: the largest
    (0.0, 250.0, 'neither')
    >>> color_limits(list(range(1, 100)) + [1000], signed=False)  # 98th percentile of 100 values
    (0.0, 100.0, 'max')
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if not len(v):
        return (-1.0, 1.0, "neither") if signed else (0.0, 1.0, "neither")
    if len(v) < 50:
        q = 100.0
    if signed:
        hi = _nice_ceil(float(np.percentile(np.abs(v), q)))
        if cap is not None:
            hi = min(hi, cap)
        lo = -hi
    else:
        lo, hi = 0.0, _nice_ceil(float(np.percentile(v, q)))
        if cap is not None:
            hi = min(hi, cap)
    ext_hi = bool(v.max() > hi)
    ext_lo = bool(v.min() < lo)
    extend = "both" if ext_hi and ext_lo else "max" if ext_hi else "min" if ext_lo else "neither"
    return float(lo), float(hi), extend


def heatmap(co: Any, *, top: int = 20, value: str = "n_ab", group: Any = None, ax: Any = None,
            order: Literal["count", "cluster", "name"] = "count", annotate: Optional[bool] = None,
            min_n: Optional[int] = None, vmax: Optional[float] = None, title: Optional[str] = None,
            credit: Optional[str] = None) -> Any:
    """Draws an entity × entity heat map of one pair column for the most frequent entities.

    The colour range is fitted to the cells drawn (:func:`color_limits`: the 98th percentile,
    rounded up; clipped cells show as an arrow on the colour bar), so a table whose npmi
    never exceeds 0.3 does not look pale on a −1..1 scale. Signed measures (``pmi``,
    ``npmi``) use a diverging map centred at 0 (chance); ``lift`` is drawn on a log scale
    centred at 1. The colour bar names the measure. Cells of pairs resting on fewer than
    ``min_n`` co-occurring units are hatched grey without a value: not findings.

    Parameters
    ----------
    co : Cooccurrence
    top : int, default 20
        How many entities (the most frequent: ``n_units``, or ``n_mentions`` when counting
        mentions).
    value : str, default "n_ab"
        Any pair column: ``"n_ab"``, ``"npmi"``, ``"pmi"``, ``"jaccard"``, ``"dice"``,
        ``"llr"``, ``"lift"``, ... Pairs that never co-occur (or are filtered out by
        ``min_count`` when counting) are 0 for counts and blank for measures.
    group : scalar or tuple, optional
        For a sliced result, the group to draw; default: all groups summed.
    ax : matplotlib Axes, optional
    order : {"count", "cluster", "name"}, default "count"
        Row/column order: most frequent first, hierarchical clustering of the rows (needs
        scipy; similar profiles end up together), or alphabetical by name.
    annotate : bool, optional
        Write the values in the cells (default: when ``top <= 25``).
    min_n : int, optional
        Cells of pairs with ``n_ab < min_n`` are hatched, without colour or value. Default:
        5 for a measure, 1 (no hatching) for ``n_ab``, whose cells are the counts themselves.
    vmax : float, optional
        The end of the colour scale (``-vmax..vmax`` for signed measures; for ``lift``, the
        largest lift, ``1/vmax..vmax``): give the same value to heat maps that are compared.
        Default: fitted to the data.
    title : str, optional
        Default: the measure and the number of entities; the subtitle states the unit,
        ``n`` and the documents.
    credit : str, optional
        A credit line at the bottom right, e.g. the licence of the texts.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.datasets import demo_news
    >>> from gazetta.gazetteers import countries
    >>> co = gazetta.cooccurrence(demo_news(), countries())
    >>> fig = gazetta.plot.heatmap(co, top=15, value="npmi")
    >>> fig.axes[1].get_ylabel()  # the colour bar
    'npmi (0: chance, 1: always together)'
    >>> norm = fig.axes[0].images[0].norm  # the largest npmi drawn is 0.74: -0.8 .. 0.8
    >>> float(norm.vmin), float(norm.vcenter), float(norm.vmax)
    (-0.8, 0.0, 0.8)
    """
    _mpl()
    _check_value(value)
    _check_top(top)
    if order not in ("count", "cluster", "name"):
        raise ValueError(f"order must be one of ['count', 'cluster', 'name']; got {order!r}")
    counts_like = value in ("n_ab", "n_a", "n_b", "n")
    min_n = _check_min_n((1 if counts_like else MIN_N) if min_n is None else min_n)
    if vmax is not None and (isinstance(vmax, bool) or not isinstance(vmax, (int, float, np.number))
                             or not np.isfinite(vmax) or vmax <= 0 or (value == "lift" and vmax <= 1)):
        raise ValueError(f"vmax must be a positive number (> 1 for lift); got {vmax!r}")
    c = _static(co, group)
    cnt = _count_column(c)
    ents = c.entities.sort_values([cnt, "name"], ascending=[False, True]).head(top)
    ids = list(ents["entity"])
    names = _labels_of(c, ids)
    if len(ids) < 2:
        raise ValueError("nothing to draw: fewer than two entities are mentioned")
    pos = {e: i for i, e in enumerate(ids)}
    k = len(ids)
    M = np.zeros((k, k)) if counts_like else np.full((k, k), np.nan)
    p = mask_min_n(c.pairs[c.pairs["a"].isin(pos) & c.pairs["b"].isin(pos)], min_n, columns=[])
    T = np.zeros((k, k), dtype=bool)
    for a, b, v, low in p[["a", "b", value, "masked"]].itertuples(index=False, name=None):
        M[pos[a], pos[b]] = M[pos[b], pos[a]] = float(v)
        T[pos[a], pos[b]] = T[pos[b], pos[a]] = bool(low)
    if order == "name":
        perm = sorted(range(k), key=lambda i: names[ids[i]])
    elif order == "cluster" and k > 2:
        from scipy.cluster.hierarchy import leaves_list, linkage
        from scipy.spatial.distance import pdist

        X = np.nan_to_num(np.where(T, np.nan, M), nan=0.0)
        # distances first: a symmetric non-negative X would be taken for a distance matrix
        perm = list(leaves_list(linkage(pdist(X), method="average", optimal_ordering=True)))
    else:
        perm = list(range(k))
    M = M[np.ix_(perm, perm)]
    thin = T[np.ix_(perm, perm)]
    ids = [ids[i] for i in perm]
    np.fill_diagonal(M, np.nan)
    shown = np.where(thin, np.nan, M)  # thin cells get no colour

    side = max(6.0, 0.42 * k + 3.0)
    own = ax is None
    fig, ax = _new_axes(ax, (side + 1.6, side + 0.4))
    from matplotlib import colors as mcolors

    iu = np.triu_indices(k, 1)
    cells = shown[iu]
    if value == "lift":
        colour_of = np.log2(np.where(shown > 0, shown, np.nan))
        if vmax is None:
            lo, hi, extend = color_limits(colour_of[iu], signed=True)
        else:
            hi = float(np.log2(vmax))
            lo = -hi
            extend = _extend(colour_of[iu], lo, hi)
        norm: Any = mcolors.TwoSlopeNorm(vmin=lo, vcenter=0.0, vmax=hi)
        cmap = "RdBu_r"
    elif value in _SIGNED:
        colour_of = shown
        if vmax is None:
            lo, hi, extend = color_limits(cells, signed=True, cap=1.0 if value == "npmi" else None)
        else:
            lo, hi = -float(vmax), float(vmax)
            extend = _extend(cells, lo, hi)
        norm = mcolors.TwoSlopeNorm(vmin=lo, vcenter=0.0, vmax=hi)
        cmap = "RdBu_r"
    else:
        colour_of = shown
        if vmax is None:
            lo, hi, extend = color_limits(cells, signed=False, cap=1.0 if value in ("jaccard", "dice") else None)
        else:
            lo, hi = 0.0, float(vmax)
            extend = _extend(cells, lo, hi)
        norm = mcolors.Normalize(vmin=lo, vmax=hi)
        cmap = "Blues" if counts_like else "viridis"
    import matplotlib

    cm = matplotlib.colormaps[cmap].with_extremes(bad="#f2f2f2")
    im = ax.imshow(np.ma.masked_invalid(colour_of), cmap=cm, norm=norm, interpolation="nearest")
    if thin.any():
        from matplotlib.collections import PatchCollection
        from matplotlib.patches import Rectangle

        rects = [Rectangle((j - 0.5, i - 0.5), 1.0, 1.0) for i, j in zip(*np.nonzero(thin))]
        ax.add_collection(PatchCollection(rects, facecolor="#f7f7f7", edgecolor="#b5b5b5", hatch="////",
                                          linewidth=0.0, zorder=1.5, gid="gazetta-thin"))
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
                v = shown[i, j]
                if not np.isfinite(v) or (counts_like and v == 0):
                    continue
                r, g, b, _ = cm(norm(colour_of[i, j]))
                dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
                ax.text(j, i, _fmt_value(v, value), ha="center", va="center", fontsize=max(fs - 3, 6.5),
                        color="white" if dark else "#222222")
    cb = fig.colorbar(im, ax=ax, shrink=0.7, pad=0.02, extend=extend)
    label = _meaning(value, c)
    if value == "lift":
        from matplotlib.ticker import FixedLocator, FuncFormatter

        ticks = [t for t in range(int(math.floor(lo)), int(math.ceil(hi)) + 1) if lo - 1e-9 <= t <= hi + 1e-9]
        cb.ax.yaxis.set_major_locator(FixedLocator(ticks))
        cb.ax.yaxis.set_major_formatter(FuncFormatter(lambda t, _p: f"{2.0 ** t:g}" if t >= 0 else f"1/{2.0 ** -t:g}"))
        label += ", log scale"
    cb.set_label(label, fontsize=11)
    cb.outline.set_visible(False)
    if title is None:
        where = "" if group is None or not co._keys else f" — {_group_text(group)}"
        title = f"{value} for the {k} most mentioned entities{where}"
    notes = [_describe(c)]
    if not counts_like:
        notes.append("blank: no co-occurrence")
    if thin.any():
        notes.append(f"hatched: fewer than {min_n} co-occurring {_unit_word(c)} (not shown as a finding)")
    import textwrap

    sub = textwrap.wrap("; ".join(notes), max(60, int(11 * side)), break_on_hyphens=False)
    _titles(ax, title, sub, 14)
    _credit(fig, ax, credit, own)
    if own:
        fig.draw_without_rendering()  # constrained layout settles in two passes: the title stays inside
    return fig


def _extend(values: np.ndarray, lo: float, hi: float) -> str:
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    up, down = bool(len(v) and v.max() > hi), bool(len(v) and v.min() < lo)
    return "both" if up and down else "max" if up else "min" if down else "neither"


# --------------------------------------------------------------------------------------------
def _labels_of(c: Any, ids: Any = None) -> Dict[Any, str]:
    """Id -> label of the entities of ``c`` (``ids``: only those): names, told apart by their
    parent, kind or id where several entities share one (two "Georgia", two "Gainesville")."""
    from ._entities import display_names

    out = display_names(c.entities, getattr(c, "_matcher", None))
    return out if ids is None else {e: out.get(e, str(e)) for e in ids}


def _resolve(c: Any, x: str) -> str:
    from ._entities import alias_table, resolve  # an UnknownEntityError (a ValueError) suggests the closest

    ents = c.entities
    ids = ents["entity"].to_numpy(dtype=object)
    return resolve(x, ids, ents["name"].to_numpy(dtype=object),
                   aliases=None if (ids == x).any() else alias_table(c))


def timeline(co: Any, pairs: Optional[Sequence[Tuple[str, str]]] = None, *, value: str = "npmi",
             freq: Optional[str] = None, group: Any = None, min_count: int = 1, support: Optional[bool] = None,
             units: Optional[bool] = None, min_n: Optional[int] = None, ax: Any = None,
             title: Optional[str] = None, credit: Optional[str] = None, few: Optional[int] = None) -> Any:
    """Draws how strongly pairs co-occur over the periods of a time-sliced result.

    Each period is drawn in the middle of its span and labelled as a period (``1987-03``,
    ``1987 Q1``, ``1987``). A period without documents is missing, not a period without
    co-occurrence: it is a gap in every line and its whole span is shaded grey. A period with
    documents in which the pair does not co-occur has no value of a measure: the line breaks
    there (nothing is drawn across it; the ``n_ab`` panel shows the 0). The lowest panel shows ``n``, the units of each period
    (the denominator of ``share`` and of every measure); points resting on fewer than
    ``min_n`` co-occurring units are hollow: not findings. The subtitle counts the units and
    documents of the group
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
    min_n : int, default 5
        Points of ``share`` or a measure whose ``n_ab`` is below this are drawn hollow (they
        rest on few units: one more or less co-occurrence moves them a lot), as in the
        tables' and the other plots' ``min_n``.
    ax : matplotlib Axes, optional
        Draw the main panel into these axes (no support or units panel then).
    title : str, optional
        Default: the value and the period; the subtitle states the unit, ``n`` (units of
        the group drawn, all periods) and the documents.
    credit : str, optional
        A credit line at the bottom right, e.g. the licence of the texts.
    few : int, optional
        Former name of ``min_n`` (0: no hollow points); give one of them.

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
    if few is not None and min_n is not None:
        raise ValueError("give min_n or few (its former name), not both")
    if few is not None:
        if isinstance(few, bool) or not isinstance(few, (int, np.integer)) or few < 0:
            raise ValueError(f"few must be a non-negative int; got {few!r}")
    else:
        few = _check_min_n(MIN_N if min_n is None else min_n)
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
    x = _midpoints(full)  # a period's point and bars sit in the middle of its span, its band around them
    nser = c.groups.set_index(time)["n"].reindex(full)
    n_units = nser.fillna(0).to_numpy(dtype=float)
    # A period without documents (or without any unit) is missing, not a period without
    # co-occurrence: every value is a gap there, and the period is shaded.
    empty = ~(n_units > 0)
    names = _labels_of(c)
    measure = value not in ("n_ab", "share")
    if support is None:
        support = measure and ax is None
    if units is None:
        units = ax is None
    own = ax is None
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
    from matplotlib.lines import Line2D

    proxies: List[Any] = []
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
        ok = np.isfinite(y)
        weak = ok & _thin(nab, few) if value != "n_ab" else np.zeros(len(y), dtype=bool)
        weak_any |= bool(weak.any())
        # the labelled line holds every value; it is drawn thin and pale, and a bold line joins
        # only neighbouring points that rest on min_n or more units: thin points are no finding
        ax.plot(x, y, linewidth=1.1 if weak.any() else 2.0, alpha=0.55 if weak.any() else 1.0, color=colour,
                label=label, zorder=3)
        if weak.any():
            ax.plot(x, np.where(weak, np.nan, y), linewidth=2.0, color=colour, label="_strong", zorder=3)
        proxies.append(Line2D([], [], linewidth=2.0, color=colour))
        ax.scatter(x[ok & ~weak], y[ok & ~weak], s=26, color=colour, zorder=4)
        ax.scatter(x[weak], y[weak], s=26, facecolors="white", edgecolors=colour, linewidths=1.4, zorder=4)
        # a period with documents but without co-occurrence has no value of a measure: the line
        # breaks there (no line is drawn across it) and a lone point between breaks still shows
        if ax2 is not None:
            offs = (i - (nbar - 1) / 2) * width / max(nbar, 1)
            ax2.bar(x + offs, np.where(empty, 0.0, nab), width=width / max(nbar, 1), color=colour, alpha=0.85)
    for axis in [ax] + [a_ for a_ in (ax2, ax_n) if a_ is not None]:
        for k in np.flatnonzero(empty):  # the whole span of the period: centred on its point
            axis.axvspan(full[k].start_time, (full[k] + 1).start_time, color="#e9e9e9", zorder=0, linewidth=0)
    if len(full):
        ax.set_xlim(full[0].start_time, (full[-1] + 1).start_time)
        _period_ticks(ax_n if ax_n is not None else ax, full, x)
    if value == "npmi":
        ax.axhline(0.0, color="#777777", linewidth=0.8)
        lo = np.nanmin([np.nanmin(ln.get_ydata()) for ln in ax.lines if np.isfinite(ln.get_ydata()).any()] or [0.0])
        ax.set_ylim(min(-0.3, lo - 0.08), 1.05)
    elif value == "pmi":
        ax.axhline(0.0, color="#777777", linewidth=0.8)
    elif value == "lift" and any(np.nanmax(ln.get_ydata(), initial=0.0) > 0 for ln in ax.lines):
        ax.set_yscale("log")  # a ratio: 2x and 1/2x equally far from 1 (chance)
        ax.axhline(1.0, color="#777777", linewidth=0.8)
        from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

        ax.yaxis.set_major_locator(LogLocator(base=10.0, subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
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
    from matplotlib.patches import Patch

    labels = [f"{names.get(a, a)} – {names.get(b, b)}" for a, b in ids]
    handles: List[Any] = list(proxies)

    if weak_any:
        handles.append(Line2D([], [], marker="o", ls="", markersize=6, markerfacecolor="white",
                              markeredgecolor="#555555"))
        labels.append(f"hollow point, pale line: n_ab < {few}")
    if empty.any():
        handles.append(Patch(color="#e9e9e9"))
        labels.append("no documents")
    ax.legend(handles, labels, fontsize=10.5, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    from matplotlib.ticker import MaxNLocator

    per = _period_word(fq)
    for axis, lab in ((ax2, "n_ab (both)"), (ax_n, f"n ({unit})")):
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
        notes.append(f"a line breaks at {per}s without co-occurrence (no value)" if min_count <= 1
                     else f"a line breaks at {per}s with fewer than {min_count} co-occurrences")
    if empty.any():
        notes.append(f"grey: {per}s without documents ({int(empty.sum())})")
    if weak_any:
        notes.append(f"hollow points and pale lines rest on fewer than {few} co-occurring {unit} (not findings)")
    import textwrap

    sub = textwrap.wrap(_describe(c) + "".join(f"; {t}" for t in notes), 125, break_on_hyphens=False)
    _titles(ax, title, sub, 15)
    _credit(fig, ax_n if ax_n is not None else ax, credit, own)
    if own:
        fig.draw_without_rendering()  # constrained layout settles in two passes: the title stays inside
    return fig


def _midpoints(full: pd.PeriodIndex) -> pd.DatetimeIndex:
    """The middle of each period's span ``[start, start of the next)``."""
    if not len(full):
        return pd.DatetimeIndex([])
    start = full.to_timestamp(how="start")
    return start + ((full + 1).to_timestamp(how="start") - start) / 2


def _period_label(p: pd.Period) -> str:
    """``1987-03`` for a month, ``1987 Q1`` for a quarter, ``1987`` for a year, the first day
    for a week or a day."""
    base = str(p.freqstr).lstrip("0123456789").partition("-")[0]
    if base == "Q":
        return f"{p.qyear} Q{p.quarter}"
    if base in ("W", "D", "B"):
        return p.start_time.date().isoformat()
    return str(p)


_TICK_STEPS = {"M": (1, 2, 3, 6, 12, 24, 60, 120), "Q": (1, 2, 4, 8, 20, 40), "W": (1, 2, 4, 8, 13, 26, 52),
               "D": (1, 2, 7, 14, 28, 56, 91, 182, 364)}


def _period_ticks(ax: Any, full: pd.PeriodIndex, x: pd.DatetimeIndex, most: int = 12) -> None:
    """Ticks at the periods' points, labelled as periods (``1987 Q1``, not the month the
    quarter starts in); when there are more than ``most`` periods, every k-th is labelled
    (k a round number of them: 3, 6, 12 months; 4 quarters...) and the others get minor ticks."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullFormatter

    n = len(full)
    mult = int(str(full.freqstr)[:-len(str(full.freqstr).lstrip("0123456789"))] or 1)
    base = str(full.freqstr).lstrip("0123456789").partition("-")[0]
    steps = _TICK_STEPS.get(base, (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000))
    step = next((s for s in steps if math.ceil(n / s) <= most), max(1, math.ceil(n / most)))
    ordinal = np.asarray(full.asi8, dtype=np.int64) // mult
    keep = np.flatnonzero(ordinal % step == 0) if step > 1 else np.arange(n)
    if not len(keep):
        keep = np.arange(0, n, step)
    pos = mdates.date2num(x.to_pydatetime())
    ax.xaxis.set_major_locator(FixedLocator(pos[keep]))
    ax.xaxis.set_major_formatter(FixedFormatter([_period_label(full[k]) for k in keep]))
    if step > 1:
        ax.xaxis.set_minor_locator(FixedLocator(pos))
        ax.xaxis.set_minor_formatter(NullFormatter())


def _bar_width(full: pd.PeriodIndex) -> Any:
    if len(full) == 0:
        return pd.Timedelta(days=1)
    p0 = full[0]
    days = (p0.end_time - p0.start_time).days + 1
    return pd.Timedelta(days=max(1.0, 0.8 * days))
