"""An interactive network page of a :class:`~gazetta.Cooccurrence`: one self-contained HTML file.

The network is drawn by `sigma.js <https://www.sigmajs.org>`_ (WebGL) over a `graphology
<https://graphology.github.io>`_ graph. Both are MIT-licensed and are bundled in
``gazetta/_static/sigma-graphology.js`` (licence texts in ``THIRD_PARTY_LICENSES.txt`` beside
it), so the page opens without network access: every script and style is inline, nothing is
loaded from elsewhere.

Why this way: ipysigma (PyPI) ships sigma.js and can write an HTML file, but that file loads
require.js, the Jupyter widget manager and ipysigma's own code from public CDNs, so it does not
open offline, and it needs ipywidgets. pyvis can inline its renderer, but that renderer is
vis-network, not sigma.js. npm is not an option for this project. So gazetta takes the
unminified CommonJS modules of sigma.js and graphology that the ipysigma wheel ships
(``tools/vendor_sigma.py`` extracts them, unchanged) and writes its own small page around them:
no new dependency at run time besides networkx (and scipy) for the layout, as for
:func:`gazetta.plot.network`.

The page shows what :func:`gazetta.plot.network` draws (same entities, edges, layout, node
sizes and colours), and adds: hover (or tap) a node or an edge for its counts and measures;
a search box; for a time-sliced result (``time=``), a slider that steps through the periods
(the layout stays fixed; node sizes and edge widths follow each period's own counts, relative to
that period's largest, as ``plot.network(co, group=period)`` would draw them; the first position
is all periods summed).
A link can open the page on a period, a search and a selected entity or pair:
``network.html#view=2020Q1&search=japan&select=JP--US`` (``view=`` a period's label or its
position on the slider, 0 being all periods).

Examples
--------
>>> import gazetta
>>> from gazetta.datasets import demo_news
>>> from gazetta.gazetteers import countries
>>> co = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="Y")
>>> page = co.to_html(top=20)          # no path: an object Jupyter shows inline
>>> page
<gazetta.NetworkPage: 20 entities, 33 edges, 7 views (all periods + 6 periods), ... KB>
>>> co.to_html("network.html")          # doctest: +SKIP
PosixPath('network.html')
"""

from __future__ import annotations

import html as _html_mod
import json
import math
import os
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, Tuple, Union

import numpy as np
import pandas as pd

from ._atomic import write_atomic
from ._measures import MEASURES

__all__ = ["NetworkPage", "network_page"]

_STATIC = Path(__file__).resolve().parent / "_static"
_JS_FILE = "sigma-graphology.js"
_COUNTS = ("n_ab", "n_a", "n_b", "n")


def _bundle() -> str:
    return (_STATIC / _JS_FILE).read_text(encoding="utf-8")


class NetworkPage:
    """A self-contained interactive network page (the text of one HTML file).

    Made by :meth:`gazetta.Cooccurrence.to_html` without a path. In Jupyter it shows inline
    (in an ``<iframe>``, so its scripts and styles stay apart from the notebook's); ``str(page)``
    or ``page.html`` is the page's text; :meth:`save` writes it to a file.

    Attributes
    ----------
    html : str
        The whole page.
    n_nodes, n_edges, n_views : int
        Entities drawn, distinct edges over all views, views (1, or all periods + each period).
    height : int
        Height in pixels of the inline display.

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland").add("C", "Gammaland")
    >>> co = gazetta.cooccurrence(["Alphaland and Betaland. Betaland, Gammaland and Alphaland."] * 2, g)
    >>> page = co.to_html(min_n=1, weight="n_ab")
    >>> page.n_nodes, page.n_edges
    (3, 3)
    >>> page.html.startswith("<!DOCTYPE html>")
    True
    """

    def __init__(self, html: str, *, n_nodes: int, n_edges: int, n_views: int, height: int = 640) -> None:
        self.html = html
        self.n_nodes = n_nodes
        self.n_edges = n_edges
        self.n_views = n_views
        self.height = height

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        views = f"{self.n_views} views (all periods + {self.n_views - 1} periods)" if self.n_views > 1 else "1 view"
        return (f"<gazetta.NetworkPage: {self.n_nodes} entities, {self.n_edges} edges, {views}, "
                f"{len(self.html.encode('utf-8')) // 1024} KB>")

    def _repr_html_(self) -> str:
        doc = _html_mod.escape(self.html, quote=True)
        return (f'<iframe srcdoc="{doc}" style="width:100%;height:{int(self.height)}px;border:1px solid #ddd;box-sizing:border-box" '
                'sandbox="allow-scripts" title="gazetta network"></iframe>')

    def save(self, path: Union[str, "os.PathLike[str]"]) -> Path:
        """Writes the page to ``path`` (atomically: a temporary file, then a rename).

        Returns
        -------
        pathlib.Path
            ``path``.

        Examples
        --------
        >>> import gazetta, tempfile, os
        >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
        >>> co = gazetta.cooccurrence(["Alphaland and Betaland."] * 2, g)
        >>> with tempfile.TemporaryDirectory() as d:
        ...     p = co.to_html(min_n=1).save(os.path.join(d, "net.html"))
        ...     p.stat().st_size > 100_000
        True
        """
        p = Path(os.fspath(path))
        data = self.html.encode("utf-8")
        write_atomic(p, lambda f: f.write(data))
        return p


# --------------------------------------------------------------------------------------------
# data
def _num(v: Any) -> Any:
    """A JSON-able number: ints stay ints, NaN and infinities become null."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
    return None if not math.isfinite(f) else float(f"{f:.6g}")


def _pick_edges(p: pd.DataFrame, nodes: Optional[set], weight: str, min_n: int,
                max_edges: int) -> pd.DataFrame:
    w = p[weight].astype(float)
    p = p[(p["n_ab"] >= min_n) & (w > 0) & np.isfinite(w)]
    if nodes is not None:
        p = p[p["a"].isin(nodes) & p["b"].isin(nodes)]
    return p.sort_values([weight, "n_ab", "a", "b"], ascending=[False, False, True, True]).head(max_edges)


def _value_columns(p: pd.DataFrame) -> List[str]:
    """The pair columns shown on hover: counts, measures, then any other numeric column
    (intervals and the like), in table order."""
    skip = {"a", "b", "name_a", "name_b", "kind_a", "kind_b"}
    first = [c for c in (*_COUNTS, *MEASURES) if c in p.columns]
    rest = [c for c in p.columns if c not in skip and c not in first and pd.api.types.is_numeric_dtype(p[c])
            and not pd.api.types.is_bool_dtype(p[c])]
    return first + rest


def network_page(co: Any, *, top: int = 40, weight: str = "npmi", group: Any = None, min_n: Optional[int] = None,
                 max_edges: Optional[int] = None, color: Literal["auto", "kind", "community", "none"] = "auto",
                 seed: int = 7, title: Optional[str] = None, height: int = 640,
                 min_count: Optional[int] = None) -> NetworkPage:
    """Builds the interactive network page of ``co`` (see :meth:`gazetta.Cooccurrence.to_html`).

    Parameters are those of :func:`gazetta.plot.network` (same selection, layout, sizes and
    colours; ``min_n`` defaults to 5 there and here), plus ``height``, the inline display
    height in pixels. A time-sliced result with ``group=None`` gets a period slider: the
    first view is all periods summed (what the static picture shows), then one view per
    period with that period's counts and measures (same entities and layout; edges of the
    period that pass ``min_n`` and ``weight > 0``; an entity not mentioned in it is grey).
    With ``group=`` the page shows that one group.

    Returns
    -------
    NetworkPage

    Raises
    ------
    ImportError
        Without networkx or scipy (the message says what to install).
    ValueError
        An unknown ``weight``/``color``, ``top < 2``, or nothing to draw.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta._html import network_page
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    >>> network_page(gazetta.cooccurrence(["Alphaland and Betaland."] * 3, g), weight="n_ab", min_n=1).n_edges
    1
    """
    from ._graph import _by_time, _static
    from .plot import (MIN_N, _check_min_n, _check_top, _check_value, _count_column, _describe,
                       _edge_width, _graph, _labels_of, _layout, _node_area, _node_colours)

    try:
        import networkx as nx
        import scipy  # noqa: F401  (networkx's Kamada-Kawai layout needs it)
    except ImportError as e:  # pragma: no cover - the test extra has both
        raise ImportError(f"the network page needs networkx and scipy for its layout ({e}); "
                          'pip install "gazetta[plot]"  (or: pip install networkx scipy)') from None
    _check_value(weight)
    _check_top(top)
    if color not in ("auto", "kind", "community", "none"):
        raise ValueError(f"color must be one of ['auto', 'kind', 'community', 'none']; got {color!r}")
    if isinstance(height, bool) or not isinstance(height, (int, np.integer)) or height < 100:
        raise ValueError(f"height must be an int >= 100 (pixels); got {height!r}")
    if min_n is not None and min_count is not None:
        raise ValueError("give min_n or min_count (its former name), not both")
    min_n = _check_min_n(min_count, "min_count") if min_count is not None else _check_min_n(
        MIN_N if min_n is None else min_n)
    max_edges = 3 * top if max_edges is None else max_edges

    # the whole result (or the group asked for): entities, edges, layout, colours
    c = _static(co, group)
    cnt = _count_column(c)
    p = _pick_edges(c.pairs, None, weight, min_n, len(c.pairs))
    ents = c.entities.set_index("entity")
    linked = set(p["a"]).union(p["b"])
    ranked = ents.loc[ents.index.isin(linked)].sort_values([cnt, "name"], ascending=[False, True])
    keep = set(ranked.index[:top])
    p = _pick_edges(p, keep, weight, min_n, max_edges)
    if not len(p):
        raise ValueError(f"nothing to draw: no pair with n_ab >= min_n and a positive {weight} "
                         f"(min_n={min_n}; a smaller min_n draws pairs on fewer units)")
    nodes = sorted(set(p["a"]).union(p["b"]), key=lambda e: (-int(ents.at[e, cnt]), str(ents.at[e, "name"])))
    node_set = set(nodes)

    G, _ = _graph(nx, nodes, p, weight)
    pos = _layout(nx, G, seed, {e: float(ents.at[e, cnt]) for e in nodes})
    # as plot.network: kinds, or communities by size named by their two most mentioned
    names = _labels_of(c, nodes)
    mode, kinds, colours, legend = _node_colours(nx, G, nodes, ents, color, names=names)

    # views: the whole, then each period of a time-sliced result (other keys summed over)
    time = co.meta.get("time")
    # (label, pairs, entities, documents) of each view
    views: List[Tuple[str, pd.DataFrame, pd.DataFrame, Any]] = [
        ("all periods" if (time and group is None) else ("all" if group is None else str(group)),
         c.pairs, c.entities, _n_docs_of(c))]
    if time and group is None:
        # one roll-up to time alone (none when time is the only key), then a slice per period:
        # each period's counts and measures, as counting that period alone gives
        by_t = co if list(co._keys) == [time] else _by_time(co, None)
        bp, be, bg = by_t.pairs, by_t.entities, by_t.groups
        for per in bg[time].tolist():
            g = bg[bg[time] == per]
            views.append((str(per), bp[(bp[time] == per).to_numpy()], be[(be[time] == per).to_numpy()],
                          int(g["n_docs"].sum()) if "n_docs" in g.columns else None))
    values = _value_columns(c.pairs)
    # 95 % intervals of pmi and npmi (delta method, as Cooccurrence.table), unless already there
    from ._measures import INTERVAL_COLUMNS, intervals

    extra = [col for col in INTERVAL_COLUMNS if col not in values]
    ent_cols = [k for k in ("n_units", "n_mentions", "n_docs") if k in ents.columns]

    node_rows: Dict[str, Dict[str, Any]] = {}
    for i, e in enumerate(nodes):
        x, y = pos[e]
        node_rows[e] = {"id": str(e), "label": names[e], "kind": kinds[i], "color": colours[i],
                        "x": _num(x), "y": _num(y), "c": [], "v": []}
    edge_rows: Dict[Tuple[str, str], Dict[str, Any]] = {}
    n_units_view: List[Any] = []
    for k, (_label, vpairs, vents, vdocs) in enumerate(views):
        ev = vents.set_index("entity")
        counts = {e: (float(ev.at[e, cnt]) if e in ev.index else 0.0) for e in nodes}
        cmax = max(counts.values()) or 1.0
        for e in nodes:
            row = node_rows[e]
            # plot.network's marker area (points²) as a radius in pixels
            row["c"].append(_num(0.5 * math.sqrt(float(_node_area(counts[e], cmax, len(nodes))))) if counts[e] else 0)
            row["v"].append([_num(ev.at[e, col]) if e in ev.index else 0 for col in ent_cols])
        pe = p if k == 0 else _pick_edges(vpairs, node_set, weight, min_n, max_edges)
        if len(pe):
            if extra:
                iv = intervals(*(pe[col].to_numpy(dtype=float) for col in _COUNTS))
                pe = pe.assign(**{col: iv[col] for col in extra})
            wv = pe[weight].to_numpy(dtype=float)
            wmax = float(wv.max())
            for r, wi in zip(pe.itertuples(index=False), wv):
                key = (str(r.a), str(r.b))
                er = edge_rows.setdefault(key, {"s": key[0], "t": key[1], "v": [None] * len(views)})
                rel = wi / wmax
                # plot.network's width (points, here pixels); a little darker: a screen is no print
                er["v"][k] = [_num(float(_edge_width(rel))), _num(0.3 + 0.55 * rel),
                              *[_num(getattr(r, col)) for col in values + extra]]
        n_units_view.append(_num(vdocs))

    if title is None:
        where = "" if group is None or not co._keys else f" — {group}"
        title = f"Who is mentioned with whom{where}"
    unit = str(c.meta.get("unit", "unit"))
    subtitle = (f"{_describe(c)}. The {len(nodes)} most mentioned entities with an edge; node area: {cnt}; "
                f"edges: pairs with {weight} > 0 that co-occur in at least {min_n} {unit}{'s' if min_n > 1 else ''}, "
                f"width: {weight}.")
    data = {
        "title": title, "subtitle": subtitle, "weight": weight, "count": cnt, "min_n": int(min_n),
        "views": [v[0] for v in views], "view_docs": n_units_view, "time": time,
        "edge_values": values + extra, "entity_values": ent_cols, "color_mode": mode, "legend": legend,
        "nodes": list(node_rows.values()), "edges": list(edge_rows.values()),
    }
    page = _render(data)
    return NetworkPage(page, n_nodes=len(nodes), n_edges=len(edge_rows), n_views=len(views), height=height)


def _n_docs_of(cv: Any) -> Any:
    g = getattr(cv, "groups", None)
    if g is not None and "n_docs" in g.columns and len(g):
        return int(g["n_docs"].sum())
    return cv.meta.get("n_docs")


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</`` and no HTML comment openers."""
    s = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _render(data: Dict[str, Any]) -> str:
    js = _bundle()
    if "</script" in js.lower():  # pragma: no cover - checked by the tests on the shipped file
        raise RuntimeError("the bundled script contains '</script'")
    title = _html_mod.escape(str(data["title"]))
    return (_PAGE.replace("@TITLE@", title)
            .replace("/*@DATA@*/", _json_for_script(data))
            .replace("/*@SIGMA@*/", js)
            .replace("/*@APP@*/", _APP))


# --------------------------------------------------------------------------------------------
# the page
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gazetta">
<title>@TITLE@</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
               color: #222; background: #fff; }
  #gz { display: flex; flex-direction: column; height: 100%; }
  #gz-head { padding: 10px 14px 6px; border-bottom: 1px solid #eee; }
  #gz-head h1 { font-size: 18px; margin: 0 0 2px; }
  #gz-sub { color: #555; font-size: 12.5px; }
  #gz-bar { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; margin-top: 8px; }
  #gz-bar label { color: #444; }
  #gz-search { width: 14em; padding: 3px 6px; font: inherit; }
  #gz-time { display: none; align-items: center; gap: 8px; }
  #gz-slider { width: 18em; }
  #gz-play { font: inherit; padding: 0 8px; cursor: pointer; }
  #gz-period { font-weight: 600; min-width: 7em; }
  #gz-matches { color: #666; font-size: 12.5px; }
  #gz-main { position: relative; flex: 1; min-height: 240px; }
  #gz-graph { position: absolute; inset: 0; }
  #gz-info { position: absolute; top: 10px; right: 10px; max-width: 320px; background: rgba(255,255,255,.95);
             border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; font-size: 12.5px; display: none;
             box-shadow: 0 1px 4px rgba(0,0,0,.12); pointer-events: none; }
  #gz-info h2 { font-size: 14px; margin: 0 0 4px; }
  #gz-info table { border-collapse: collapse; }
  #gz-info td { padding: 1px 6px 1px 0; vertical-align: top; }
  #gz-info td.n { text-align: right; font-variant-numeric: tabular-nums; }
  #gz-foot { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 18px; padding: 5px 14px 7px;
             border-top: 1px solid #eee; font-size: 12.5px; }
  #gz-legend span.item { white-space: nowrap; }
  #gz-legend span.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 4px 0 10px; }
  #gz-help { margin-left: auto; color: #777; font-size: 12px; }
  #gz-error { display: none; position: absolute; top: 40%; left: 10%; right: 10%; padding: 12px; background: #fff3f3;
              border: 1px solid #d55; color: #900; }
</style>
</head>
<body>
<div id="gz">
  <div id="gz-head">
    <h1 id="gz-title"></h1>
    <div id="gz-sub"></div>
    <div id="gz-bar">
      <span><label for="gz-search">Search</label>
        <input id="gz-search" type="search" list="gz-names" placeholder="name or id" autocomplete="off">
        <datalist id="gz-names"></datalist> <span id="gz-matches"></span></span>
      <span id="gz-time"><label for="gz-slider">Period</label>
        <button id="gz-play" type="button" title="step through the periods">&#9654;</button>
        <input id="gz-slider" type="range" min="0" max="0" step="1" value="0">
        <span id="gz-period"></span> <span id="gz-docs" style="color:#666;font-size:12.5px"></span></span>
    </div>
  </div>
  <div id="gz-main">
    <div id="gz-graph"></div>
    <div id="gz-info"></div>
    <div id="gz-error"></div>
  </div>
  <div id="gz-foot">
    <div id="gz-legend"></div>
    <div id="gz-help">hover a node or an edge for its numbers (and a hidden label); scroll to zoom, drag to move</div>
  </div>
</div>
<script>
window.gazettaErrors = [];
window.addEventListener("error", function (ev) {
  var msg = (ev && ev.message) || String(ev);
  window.gazettaErrors.push(msg);
  document.body.setAttribute("data-error", window.gazettaErrors.join(" | "));
  var box = document.getElementById("gz-error");
  if (box) { box.style.display = "block"; box.textContent = "The network could not be drawn: " + msg; }
});
</script>
<script id="gz-data" type="application/json">/*@DATA@*/</script>
<script>
/*@SIGMA@*/
</script>
<script>
/*@APP@*/
</script>
</body>
</html>
"""

_APP = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("gz-data").textContent);
  var lib = window.gazettaSigma;
  var SigmaMod = lib.Sigma, Sigma = SigmaMod.Sigma || SigmaMod["default"];
  var Graph = lib.Graph.Graph || lib.Graph;
  var $ = function (id) { return document.getElementById(id); };
  $("gz-title").textContent = D.title;
  $("gz-sub").textContent = D.subtitle;

  var graph = new Graph({type: "undirected"});
  D.nodes.forEach(function (n) {
    graph.addNode(n.id, {label: n.label, x: n.x, y: n.y, size: n.c[0] || 2, color: n.color, kind: n.kind});
  });
  D.edges.forEach(function (e) { graph.addEdge(e.s, e.t, {size: 1, color: "#999"}); });
  var edgeData = {};
  D.edges.forEach(function (e) { edgeData[graph.edge(e.s, e.t)] = e; });
  var nodeData = {};
  D.nodes.forEach(function (n) { nodeData[n.id] = n; });

  var state = {view: 0, hoveredNode: null, hoveredEdge: null, matches: null};

  function fmt(v) {
    if (v === null || v === undefined) return "–";
    if (typeof v !== "number") return String(v);
    if (Number.isInteger(v)) return v.toLocaleString("en-US");
    var a = Math.abs(v);
    if (a !== 0 && (a < 0.001 || a >= 1e6)) return v.toExponential(2);
    return v.toFixed(3);
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }
  function rgba(hex, alpha) {
    var h = hex.replace("#", "");
    return "rgba(" + parseInt(h.slice(0, 2), 16) + "," + parseInt(h.slice(2, 4), 16) + "," + parseInt(h.slice(4, 6), 16) + "," + alpha + ")";
  }

  var neighbours = null;
  function nodeReducer(node, attr) {
    var n = nodeData[node], res = Object.assign({}, attr);
    var size = n.c[state.view];
    if (!size) { res.size = 2.5; res.color = "#d6d6d6"; res.label = state.matches && state.matches[node] ? attr.label : ""; }
    else { res.size = size; }
    if (state.matches && !state.matches[node]) { res.color = "#e4e4e4"; res.label = ""; }
    if (state.matches && state.matches[node]) { res.highlighted = true; res.zIndex = 1; }
    if (neighbours && node !== state.hoveredNode && !neighbours[node]) { res.color = "#e8e8e8"; res.label = ""; }
    if (node === state.hoveredNode) { res.highlighted = true; }
    return res;
  }
  function edgeReducer(edge, attr) {
    var e = edgeData[edge], v = e.v[state.view], res = Object.assign({}, attr);
    if (!v) { res.hidden = true; return res; }
    res.size = v[0];
    res.color = "rgba(64,64,77," + v[1] + ")";
    if (state.hoveredNode && e.s !== state.hoveredNode && e.t !== state.hoveredNode) res.color = "rgba(64,64,77,0.05)";
    if (state.matches && !(state.matches[e.s] || state.matches[e.t])) res.color = "rgba(64,64,77,0.05)";
    if (edge === state.hoveredEdge) { res.color = "#D55E00"; res.size = Math.max(v[0], 2.5); }
    return res;
  }

  // Labels that do not collide. Sigma draws a label to the right of every node it picks, so
  // near nodes ("United Kingdom", "Germany", "France") wrote over each other. Once per frame,
  // when sigma draws its first label: the biggest nodes first, each label at the first place
  // (right, left, above, below its node) that covers no label placed before, no other node
  // and stays in the view; a label with no such place is left out (hovering shows it).
  var labelPlan = null, labelBoxes = {};
  function planLabels(context, settings) {
    var items = [], w = container.offsetWidth, h = container.offsetHeight, fs = settings.labelSize;
    graph.forEachNode(function (key) {
      var d = renderer.getNodeDisplayData(key);
      if (!d || d.hidden) return;
      var p = renderer.framedGraphToViewport(d);
      items.push({key: key, x: p.x, y: p.y, r: renderer.scaleSize(d.size), label: d.label || ""});
    });
    items.sort(function (a, b) { return b.r - a.r || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0); });
    context.font = settings.labelWeight + " " + fs + "px " + settings.labelFont;
    var placed = [], plan = {};
    labelBoxes = {};
    function free(b, self) {
      if (b[0] < 0 || b[2] > w || b[1] < 0 || b[3] > h) return false;
      for (var i = 0; i < placed.length; i++) {
        var o = placed[i];
        if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return false;
      }
      for (var j = 0; j < items.length; j++) {
        var n = items[j];
        if (n === self) continue;
        var cx = Math.max(b[0], Math.min(n.x, b[2])), cy = Math.max(b[1], Math.min(n.y, b[3]));
        if ((cx - n.x) * (cx - n.x) + (cy - n.y) * (cy - n.y) < (n.r + 1) * (n.r + 1)) return false;
      }
      return true;
    }
    items.forEach(function (it) {
      if (!it.label) return;
      var tw = context.measureText(it.label).width, up = 0.8 * fs, down = 0.25 * fs;
      var spots = [[it.x + it.r + 3, it.y + fs / 3], [it.x - it.r - 3 - tw, it.y + fs / 3],
                   [it.x - tw / 2, it.y - it.r - 3 - down], [it.x - tw / 2, it.y + it.r + 3 + up]];
      for (var k = 0; k < spots.length; k++) {
        var x0 = spots[k][0], base = spots[k][1], box = [x0 - 1, base - up - 1, x0 + tw + 1, base + down + 1];
        if (free(box, it)) { placed.push(box); plan[it.key] = spots[k]; labelBoxes[it.key] = box; return; }
      }
    });
    return plan;
  }
  function drawLabel(context, data, settings) {
    if (!data.label || !renderer) return;
    if (labelPlan === null) labelPlan = planLabels(context, settings);
    var at = labelPlan[data.key];
    if (!at) return;
    context.fillStyle = settings.labelColor.color;
    context.font = settings.labelWeight + " " + settings.labelSize + "px " + settings.labelFont;
    context.fillText(data.label, at[0], at[1]);
  }

  var container = $("gz-graph");
  var renderer;
  try {
    renderer = new Sigma(graph, container, {
      nodeReducer: nodeReducer, edgeReducer: edgeReducer, enableEdgeHoverEvents: true, zIndex: true,
      labelRenderedSizeThreshold: 0, labelDensity: 1000, labelGridCellSize: 60, labelSize: 13,
      labelRenderer: drawLabel,  // every node is a candidate; drawLabel keeps those that do not collide
      labelFont: "system-ui, Arial, sans-serif", labelColor: {color: "#111"}, stagePadding: 40,
      minCameraRatio: 0.05, maxCameraRatio: 4,
      // an iframe (Jupyter's inline display) can run this before it is laid out: start
      // with an empty container and draw once it has a size (the observer below)
      allowInvalidContainer: true
    });
  } catch (err) {
    var webgl = false;
    try { webgl = !!document.createElement("canvas").getContext("webgl"); } catch (e2) { webgl = false; }
    if (!webgl) err.message = "this page needs WebGL, which this browser does not offer (" + err.message + ")";
    throw err;
  }

  function table(rows) {
    return "<table>" + rows.map(function (r) {
      return "<tr><td>" + esc(r[0]) + "</td><td class=n>" + esc(fmt(r[1])) + "</td></tr>";
    }).join("") + "</table>";
  }
  function viewName() { return D.views.length > 1 ? " · " + D.views[state.view] : ""; }
  function showNode(node) {
    var n = nodeData[node], vals = n.v[state.view], rows = [];
    D.entity_values.forEach(function (c, i) { rows.push([c, vals[i]]); });
    var deg = 0;
    graph.forEachEdge(node, function (edge) { if (edgeData[edge].v[state.view]) deg += 1; });
    rows.push(["edges drawn", deg]);
    $("gz-info").innerHTML = "<h2>" + esc(n.label) + "</h2><div style='color:#666'>" + esc(n.id) +
      (n.kind ? " · " + esc(n.kind) : "") + esc(viewName()) + "</div>" + table(rows);
    $("gz-info").style.display = "block";
  }
  function showEdge(edge) {
    var e = edgeData[edge], v = e.v[state.view];
    if (!v) return;
    var val = {}, rows = [], ci = false;
    D.edge_values.forEach(function (c, i) { val[c] = v[i + 2]; });
    D.edge_values.forEach(function (c) {
      if (/_(lo|hi)$/.test(c) && (c.slice(0, -3) in val)) return;  // shown with their measure
      var lo = val[c + "_lo"], hi = val[c + "_hi"];
      if (lo !== undefined && hi !== undefined && val[c] !== null) {
        rows.push([c, fmt(val[c]) + " [" + fmt(lo) + ", " + fmt(hi) + "]"]); ci = true;
      } else { rows.push([c, val[c]]); }
    });
    $("gz-info").innerHTML = "<h2>" + esc(nodeData[e.s].label) + " – " + esc(nodeData[e.t].label) + "</h2>" +
      "<div style='color:#666'>" + esc(e.s) + " – " + esc(e.t) + esc(viewName()) + "</div>" + table(rows) +
      (ci ? "<div style='color:#666'>[ ]: 95 % interval (delta method)</div>" : "");
    $("gz-info").style.display = "block";
  }
  function hideInfo() { $("gz-info").style.display = "none"; }

  renderer.on("beforeRender", function () { labelPlan = null; });
  renderer.on("enterNode", function (ev) {
    state.hoveredNode = ev.node; neighbours = {};
    graph.forEachNeighbor(ev.node, function (m) {
      if (edgeData[graph.edge(ev.node, m)].v[state.view]) neighbours[m] = true;
    });
    showNode(ev.node); renderer.refresh();
  });
  renderer.on("leaveNode", function () { state.hoveredNode = null; neighbours = null; hideInfo(); renderer.refresh(); });
  renderer.on("enterEdge", function (ev) { state.hoveredEdge = ev.edge; showEdge(ev.edge); renderer.refresh(); });
  renderer.on("leaveEdge", function () { state.hoveredEdge = null; hideInfo(); renderer.refresh(); });
  renderer.on("clickNode", function (ev) { showNode(ev.node); });
  renderer.on("clickEdge", function (ev) { showEdge(ev.edge); });

  // legend
  if (D.legend.length) {
    $("gz-legend").innerHTML = "<b>" + (D.color_mode === "kind" ? "kind" : "community") + "</b>" + D.legend.map(function (l) {
      return "<span class=item><span class=dot style='background:" + esc(l[1]) + "'></span>" + esc(l[0]) + "</span>";
    }).join("");
  } else { $("gz-legend").style.display = "none"; }

  // search
  var names = $("gz-names");
  D.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
    var o = document.createElement("option"); o.value = n.label; names.appendChild(o);
  });
  function search(q, jump) {
    q = q.trim().toLowerCase();
    if (!q) { state.matches = null; $("gz-matches").textContent = ""; renderer.refresh(); return; }
    var m = {}, count = 0, first = null, exact = null;
    D.nodes.forEach(function (n) {
      var l = n.label.toLowerCase(), id = n.id.toLowerCase();
      if (l.indexOf(q) >= 0 || id === q) { m[n.id] = true; count += 1; first = first || n.id; }
      if (l === q || id === q) exact = n.id;
    });
    state.matches = m;
    $("gz-matches").textContent = count === 1 ? "1 match" : count + " matches";
    renderer.refresh();
    var target = exact || (count === 1 ? first : null) || (jump ? first : null);
    if (target) {
      var d = renderer.getNodeDisplayData(target);
      if (d) renderer.getCamera().animate({x: d.x, y: d.y, ratio: 0.5}, {duration: 400});
      showNode(target);
    }
  }
  $("gz-search").addEventListener("input", function (ev) { search(ev.target.value, false); });
  $("gz-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(ev.target.value, true); });

  // time slider
  function setView(k) {
    state.view = k;
    $("gz-period").textContent = D.views[k];
    var docs = D.view_docs[k];
    $("gz-docs").textContent = docs === null || docs === undefined ? "" : "(" + fmt(docs) + " documents)";
    var shown = 0;
    graph.forEachEdge(function (edge) { if (edgeData[edge].v[k]) shown += 1; });
    document.body.setAttribute("data-view", String(k));
    document.body.setAttribute("data-edges-shown", String(shown));
    hideInfo();
    renderer.refresh();
  }
  if (D.views.length > 1) {
    $("gz-time").style.display = "inline-flex";
    $("gz-slider").max = String(D.views.length - 1);
    $("gz-slider").addEventListener("input", function (ev) { stop(); setView(parseInt(ev.target.value, 10)); });
    // play: one period every 1.2 s from the first period to the last, then back to all periods
    var timer = null;
    var stop = function () {
      if (timer !== null) { clearInterval(timer); timer = null; }
      $("gz-play").innerHTML = "&#9654;"; document.body.removeAttribute("data-playing");
    };
    $("gz-play").addEventListener("click", function () {
      if (timer !== null) { stop(); return; }
      $("gz-play").innerHTML = "&#10073;&#10073;"; document.body.setAttribute("data-playing", "1");
      var step = function () {
        var k = (state.view + 1) % D.views.length;
        $("gz-slider").value = String(k); setView(k);
        if (k === 0) stop();
      };
      step();
      timer = setInterval(step, 1200);
    });
  }
  setView(0);

  // a marker for tests and scripts: the number of nodes drawn, once sigma has drawn them
  var marked = false;
  renderer.on("afterRender", function () {
    if (marked || !container.offsetWidth || !container.offsetHeight) return;
    marked = true;
    document.body.setAttribute("data-rendered", String(renderer.getGraph().order));
  });
  renderer.refresh();
  if (window.ResizeObserver) {
    new ResizeObserver(function () { renderer.resize(); renderer.refresh(); }).observe(container);
  }

  // a link can open the page on a period, a search or a selected node or pair:
  // network.html#view=2020Q1&search=japan&select=JP--US
  function fromHash() {
    var h = {};
    (window.location.hash || "").replace(/^#/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("=");
      h[decodeURIComponent(i < 0 ? kv : kv.slice(0, i))] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
    });
    if (h.view !== undefined && D.views.length > 1) {
      var k = D.views.indexOf(h.view);
      if (k < 0 && /^[0-9]+$/.test(h.view)) k = parseInt(h.view, 10);
      if (k >= 0 && k < D.views.length) { $("gz-slider").value = String(k); setView(k); }
    }
    if (h.search) { $("gz-search").value = h.search; search(h.search, true); }
    if (h.select) {
      var ab = h.select.split("--");
      if (ab.length === 2 && graph.hasNode(ab[0]) && graph.hasNode(ab[1]) && graph.hasEdge(ab[0], ab[1])) {
        showEdge(graph.edge(ab[0], ab[1]));
      } else if (graph.hasNode(h.select)) { showNode(h.select); }
    }
  }
  fromHash();
  window.addEventListener("hashchange", fromHash);
  window.gazettaNetwork = {renderer: renderer, graph: graph, data: D, setView: setView, search: search,
                           labels: function () { return labelBoxes; }};
})();
"""
