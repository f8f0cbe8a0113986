"""The interactive network page (Cooccurrence.to_html, gazetta._html).

Three layers: the page's data against hand-counted toy corpora; the file is self-contained
(every script and style inline, nothing fetched); and, in a real browser (headless Chromium
from the Debian package, which .ci/run installs), the graph is drawn, no JavaScript error is
logged, the period slider, the search box and the selection work, and a screenshot is not blank.
"""

from __future__ import annotations

import html as html_mod
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pandas as pd
import pytest

import gazetta
from gazetta._html import NetworkPage, network_page

pytest.importorskip("networkx")
pytest.importorskip("scipy")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if CHROMIUM is None and os.environ.get("GAZETTA_REQUIRE_CHROMIUM"):  # CI installs it: never skip there
    raise RuntimeError("GAZETTA_REQUIRE_CHROMIUM is set but no chromium is on PATH")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs headless Chromium (Debian package 'chromium'; .ci/run installs it when missing)")

STATIC = Path(gazetta.__file__).parent / "_static"


def _gaz() -> gazetta.Gazetteer:
    return gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland").add("C", "Gammaland")


def _toy() -> gazetta.Cooccurrence:
    # sentences: A+B three times, B+C twice, A+B+C once  -> n = 6 sentences
    texts = ["Alphaland and Betaland.", "Alphaland and Betaland.", "Alphaland and Betaland.",
             "Betaland and Gammaland.", "Betaland and Gammaland.", "Alphaland, Betaland and Gammaland."]
    return gazetta.cooccurrence([" ".join(texts)], _gaz())


def _data(page: NetworkPage) -> Dict[str, Any]:
    m = re.search(r'<script id="gz-data" type="application/json">(.*?)</script>', page.html, re.S)
    assert m is not None
    return json.loads(m.group(1))


def _edge_values(d: Dict[str, Any], a: str, b: str, view: int = 0) -> Dict[str, Any]:
    for e in d["edges"]:
        if {e["s"], e["t"]} == {a, b}:
            v = e["v"][view]
            return {} if v is None else dict(zip(d["edge_values"], v[2:]))
    raise AssertionError(f"no edge {a}-{b}")


# --------------------------------------------------------------------------------------------
# the data on the page
def test_hand_counted_pair_values() -> None:
    page = _toy().to_html(min_n=1, weight="n_ab")
    d = _data(page)
    assert page.n_nodes == 3 and page.n_edges == 3 and page.n_views == 1
    ab = _edge_values(d, "A", "B")
    # A in 4 sentences, B in 6, together in 4, n = 6 sentences
    assert (ab["n_ab"], ab["n_a"], ab["n_b"], ab["n"]) == (4, 4, 6, 6)
    assert ab["pmi"] == pytest.approx(0.0) and ab["npmi"] == pytest.approx(0.0)
    bc = _edge_values(d, "B", "C")
    assert (bc["n_ab"], bc["n_a"], bc["n_b"], bc["n"]) == (3, 6, 3, 6)
    ac = _edge_values(d, "A", "C")
    assert (ac["n_ab"], ac["n_a"], ac["n_b"]) == (1, 4, 3)
    # pmi of A-C by hand (base 2): log2((1/6) / ((4/6) * (3/6))) = log2(0.5) = -1
    assert ac["pmi"] == pytest.approx(-1.0, rel=1e-5)
    # with the 95 % intervals of Cooccurrence.table (delta method)
    import numpy as np
    from gazetta._measures import intervals

    iv = intervals(np.array([1.0]), np.array([4.0]), np.array([3.0]), np.array([6.0]))
    for col in ("pmi_lo", "pmi_hi", "npmi_lo", "npmi_hi"):
        assert ac[col] == pytest.approx(float(iv[col][0]), rel=1e-5), col
    assert ac["npmi_lo"] < ac["npmi"] < ac["npmi_hi"]
    nodes = {n["id"]: n for n in d["nodes"]}
    assert nodes["B"]["label"] == "Betaland"
    assert dict(zip(d["entity_values"], nodes["B"]["v"][0]))["n_units"] == 6
    # node size grows with the count: B (6 sentences) is the biggest
    assert nodes["B"]["c"][0] > nodes["A"]["c"][0] > nodes["C"]["c"][0]
    # edge width grows with the weight: A-B (4) widest, A-C (1) thinnest
    widths = {tuple(sorted((e["s"], e["t"]))): e["v"][0][0] for e in d["edges"]}
    assert widths[("A", "B")] > widths[("B", "C")] > widths[("A", "C")]


def test_min_n_and_weight_select_the_edges_as_the_static_plot() -> None:
    co = _toy()
    d = _data(co.to_html(min_n=3, weight="n_ab"))
    assert {tuple(sorted((e["s"], e["t"]))) for e in d["edges"]} == {("A", "B"), ("B", "C")}
    assert d["min_n"] == 3
    # npmi: A-B is 0 (B is in every sentence), so not drawn; only positive weights are edges
    with pytest.raises(ValueError, match="nothing to draw"):
        co.to_html(min_n=1, weight="npmi")
    with pytest.raises(ValueError, match="min_n or min_count"):
        co.to_html(min_n=1, min_count=1)
    assert _data(co.to_html(min_count=3, weight="n_ab"))["min_n"] == 3


def test_same_entities_layout_and_colours_as_plot_network() -> None:
    from gazetta.datasets import demo_news
    from gazetta.gazetteers import countries

    co = gazetta.cooccurrence(demo_news(), countries())
    d = _data(co.to_html(top=15))
    ids = [n["id"] for n in d["nodes"]]
    # at most 15: an entity whose edges all go outside the 15 (or past max_edges) drops out
    assert 10 <= len(ids) <= 15
    # the 15 most mentioned entities with an edge, most mentioned first (as the plot)
    ents = co.entities.set_index("entity")
    counts = [int(ents.at[e, "n_units"]) for e in ids]
    assert counts == sorted(counts, reverse=True)
    kinds = {n["kind"] for n in d["nodes"]}
    assert d["color_mode"] == ("kind" if len(kinds) > 1 else "community")
    assert d["legend"], "a colour key"
    for n in d["nodes"]:
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", n["color"])
        assert isinstance(n["x"], float) and isinstance(n["y"], float)
    # the static picture labels the same entities
    pytest.importorskip("matplotlib")
    fig = gazetta.plot.network(co, top=15)
    drawn = {t.get_text() for t in fig.axes[0].texts}
    assert {n["label"] for n in d["nodes"]} <= drawn
    # deterministic: the same result gives the same page
    assert co.to_html(top=15).html == co.to_html(top=15).html


def test_time_slider_views_hold_each_periods_counts() -> None:
    texts = ["Alphaland and Betaland.", "Alphaland and Betaland. Betaland and Gammaland.",
             "Alphaland and Betaland. Alphaland and Betaland.", "Betaland and Gammaland."]
    df = pd.DataFrame({"text": texts, "date": ["2020-01-05", "2020-02-10", "2020-03-01", "2020-03-20"]})
    co = gazetta.cooccurrence(df, _gaz(), time="date", freq="M")
    page = co.to_html(min_n=1, weight="n_ab")
    d = _data(page)
    assert d["views"] == ["all periods", "2020-01", "2020-02", "2020-03"]
    assert page.n_views == 4
    assert d["view_docs"] == [4, 1, 1, 2]
    # all periods: A-B in 4 sentences; per month 1, 1, 2
    assert [_edge_values(d, "A", "B", k).get("n_ab") for k in range(4)] == [4, 1, 1, 2]
    # B-C: 2 in all, none in January (hidden there), 1 in February and March
    assert [_edge_values(d, "B", "C", k).get("n_ab") for k in range(4)] == [2, None, 1, 1]
    # a period's measures are that period's: as in co.pairs for the month
    p = co.pairs
    row = p[(p["date"] == pd.Period("2020-03", "M")) & (p["a"] == "A") & (p["b"] == "B")].iloc[0]
    v = _edge_values(d, "A", "B", 3)
    for col in ("n_a", "n_b", "n", "npmi", "jaccard"):
        assert v[col] == pytest.approx(float(row[col]), rel=1e-5, abs=1e-9), col
    # C is not mentioned in January: size 0 there (drawn small and grey)
    c = next(n for n in d["nodes"] if n["id"] == "C")
    assert c["c"][1] == 0 and c["c"][2] > 0


def test_slider_sums_the_other_keys() -> None:
    df = pd.DataFrame({"text": ["Alphaland and Betaland."] * 3 + ["Betaland and Gammaland. Alphaland."] * 2,
                       "source": ["x", "y", "x", "y", "y"],
                       "date": ["2020-01-05", "2020-01-06", "2020-02-10", "2020-02-11", "2020-02-12"]})
    co = gazetta.cooccurrence(df, _gaz(), by="source", time="date", freq="M")
    d = _data(co.to_html(min_n=1, weight="n_ab"))
    assert d["views"] == ["all periods", "2020-01", "2020-02"]
    assert d["view_docs"] == [5, 2, 3]
    # January: A-B in 2 sentences (one per source); February: 1 (source x); B-C: 2 in February
    assert [_edge_values(d, "A", "B", k).get("n_ab") for k in range(3)] == [3, 2, 1]
    assert [_edge_values(d, "B", "C", k).get("n_ab") for k in range(3)] == [2, None, 2]
    # February's n: the sentences of both sources that month (1 + 2 * 2)
    assert _edge_values(d, "B", "C", 2)["n"] == 5


def test_group_draws_one_group_without_slider() -> None:
    df = pd.DataFrame({"text": ["Alphaland and Betaland."] * 2 + ["Betaland and Gammaland."] * 2,
                       "date": ["2020-01-05", "2020-01-06", "2020-02-10", "2020-02-11"]})
    co = gazetta.cooccurrence(df, _gaz(), time="date", freq="M")
    d = _data(co.to_html(min_n=1, weight="n_ab", group="2020-02"))
    assert d["views"] == ["2020-02"]
    assert {tuple(sorted((e["s"], e["t"]))) for e in d["edges"]} == {("B", "C")}


def test_bad_arguments() -> None:
    co = _toy()
    with pytest.raises(ValueError, match="weight|value"):
        co.to_html(weight="nope")
    with pytest.raises(ValueError, match="color"):
        co.to_html(color="rainbow", min_n=1, weight="n_ab")
    with pytest.raises(ValueError, match="height"):
        co.to_html(height=10, min_n=1, weight="n_ab")
    with pytest.raises(ValueError, match="top"):
        co.to_html(top=1)


# --------------------------------------------------------------------------------------------
# one self-contained file
def test_page_is_self_contained(tmp_path: Path) -> None:
    out = _toy().to_html(tmp_path / "net.html", min_n=1, weight="n_ab")
    assert out == tmp_path / "net.html"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\bsrc\s*=", text, re.I), "every script is inline"
    assert not re.search(r"<link\b", text, re.I), "every style is inline"
    assert not re.search(r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert "@import" not in text
    for call in ("fetch(", "XMLHttpRequest", "importScripts(", "new Worker("):
        assert call not in text, call
    # sigma.js and graphology are in the page, with their licence notices
    assert "window.gazettaSigma" not in text or "root.gazettaSigma" in text
    assert "root.gazettaSigma" in text and "MIT" in text and "Alexis Jacomy" in text
    assert text.count("<script") == text.count("</script>")


def test_data_cannot_close_the_script_tag() -> None:
    g = gazetta.Gazetteer().add("X", "</script><b>x</b>", aliases=["Xland"]).add("Y", "Y & <!-- y", aliases=["Yland"])
    co = gazetta.cooccurrence(["Xland and Yland."] * 2, g)
    page = co.to_html(min_n=1, weight="n_ab")
    d = _data(page)
    assert {n["label"] for n in d["nodes"]} == {"</script><b>x</b>", "Y & <!-- y"}
    assert page.html.count("</script>") == page.html.count("<script")


def test_bundle_shipped_with_licences() -> None:
    js = (STATIC / "sigma-graphology.js").read_text(encoding="utf-8")
    lic = (STATIC / "THIRD_PARTY_LICENSES.txt").read_text(encoding="utf-8")
    assert "</script" not in js.lower()
    for name in ("sigma.js", "graphology", "events", "MIT", "Permission is hereby granted"):
        assert name in lic
    assert lic.strip().splitlines()[0] in js  # the notices travel inside every page


def test_inline_display_object(tmp_path: Path) -> None:
    page = _toy().to_html(min_n=1, weight="n_ab", height=500)
    assert isinstance(page, NetworkPage)
    assert str(page) == page.html
    assert re.fullmatch(r"<gazetta\.NetworkPage: 3 entities, 3 edges, 1 view, \d+ KB>", repr(page))
    rep = page._repr_html_()
    assert rep.startswith("<iframe srcdoc=\"&lt;!DOCTYPE html&gt;") and "height:500px" in rep
    assert "<script" not in rep, "the page is escaped into the srcdoc attribute"
    assert html_mod.unescape(re.search(r'srcdoc="([^"]*)"', rep).group(1)) == page.html
    # the table summary of a result stays as it was
    assert "Top pairs" in _toy()._repr_html_()
    p = page.save(tmp_path / "x.html")
    assert p.read_text(encoding="utf-8") == page.html


def test_network_page_function_matches_method() -> None:
    co = _toy()
    assert network_page(co, min_n=1, weight="n_ab").html == co.to_html(min_n=1, weight="n_ab").html


# --------------------------------------------------------------------------------------------
# in a real browser
def _chromium(tmp_path: Path, url: str, *args: str) -> Tuple[str, List[str]]:
    """Runs headless Chromium on ``url``; returns stdout and the console lines it logged."""
    assert CHROMIUM is not None
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
           "--disable-extensions", "--disable-background-networking", "--use-angle=swiftshader",
           "--enable-unsafe-swiftshader", "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", "--virtual-time-budget=10000", *args, url]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    console = [line for line in res.stderr.splitlines() if ":CONSOLE" in line]
    return res.stdout, console


def _body_attrs(dom: str) -> Dict[str, str]:
    m = re.search(r"<body([^>]*)>", dom)
    assert m is not None, dom[:500]
    return dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory: pytest.TempPathFactory) -> Tuple[Path, NetworkPage, Dict[str, Any]]:
    from gazetta.datasets import demo_news
    from gazetta.gazetteers import countries

    co = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="Y")
    page = co.to_html(top=30)
    path = tmp_path_factory.mktemp("html") / "network.html"
    page.save(path)
    return path, page, _data(page)


@needs_chromium
def test_browser_draws_the_graph_without_errors(demo_page: Any, tmp_path: Path) -> None:
    path, page, d = demo_page
    dom, console = _chromium(tmp_path, path.as_uri(), "--dump-dom")
    attrs = _body_attrs(dom)
    assert "data-error" not in attrs, attrs.get("data-error")
    assert attrs.get("data-rendered") == str(page.n_nodes) == "30"
    assert attrs.get("data-edges-shown") == str(sum(1 for e in d["edges"] if e["v"][0]))
    assert console == [], "JavaScript logged:\n" + "\n".join(console)
    assert "all periods" in dom and 'id="gz-slider"' in dom


@needs_chromium
def test_browser_slider_search_and_selection(demo_page: Any, tmp_path: Path) -> None:
    path, page, d = demo_page
    k = d["views"].index("2022")
    pair = next(e for e in d["edges"] if e["v"][k])
    url = path.as_uri() + f"#view=2022&search=united+kingdom&select={pair['s']}--{pair['t']}"
    dom, console = _chromium(tmp_path, url.replace("+", "%20"), "--dump-dom")
    attrs = _body_attrs(dom)
    assert "data-error" not in attrs, attrs.get("data-error")
    assert console == [], "JavaScript logged:\n" + "\n".join(console)
    assert attrs["data-view"] == str(k)
    assert attrs["data-edges-shown"] == str(sum(1 for e in d["edges"] if e["v"][k]))
    assert '<span id="gz-matches">1 match</span>' in dom
    assert '<span id="gz-period">2022</span>' in dom
    # the hover box of the selected pair: its names and its 2022 counts and measures
    info = re.search(r'<div id="gz-info"[^>]*>(.*?)</table>', dom, re.S)
    assert info is not None and "display: block" in dom
    values = dict(zip(d["edge_values"], pair["v"][k][2:]))
    cells = dict(re.findall(r"<td>([^<]+)</td><td class=\"n\">([^<]+)</td>", info.group(1)))
    for col in ("n_ab", "n_a", "n_b", "npmi"):
        assert col in cells, cells
    assert cells["n_ab"] == f"{values['n_ab']:,}"
    assert cells["npmi"] == f"{values['npmi']:.3f} [{values['npmi_lo']:.3f}, {values['npmi_hi']:.3f}]"
    assert "95 % interval" in dom
    names = {n["id"]: n["label"] for n in d["nodes"]}
    assert html_mod.escape(names[pair["s"]]) in info.group(1) and "2022" in info.group(1)


def _keep(png: Path) -> None:
    """Copies a screenshot to $GAZETTA_SCREENSHOTS (when set), to look at it."""
    keep = os.environ.get("GAZETTA_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)


def _pixels(png: Path) -> Any:
    Image = pytest.importorskip("PIL.Image")
    import numpy as np

    with Image.open(png) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def _count_colour(px: Any, hex_colour: str, tol: int = 40) -> int:
    import numpy as np

    rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(px - rgb).sum(axis=2) < tol).sum())


@needs_chromium
def test_browser_screenshot_is_not_blank(demo_page: Any, tmp_path: Path, browser: "_Browser") -> None:
    path, page, d = demo_page
    browser.send("Page.navigate", {"url": path.as_uri()})
    assert browser.wait("document.body && document.body.dataset.rendered") == str(page.n_nodes)
    png = browser.screenshot(tmp_path / "network.png")
    assert png.stat().st_size > 10_000
    _keep(png)
    px = _pixels(png)
    assert px.shape[1] == 1200 and px.shape[0] > 700
    graph = px[150:, :]  # below the title bar
    non_white = int((graph.sum(axis=2) < 720).sum())
    assert non_white > 0.02 * graph.shape[0] * graph.shape[1], f"only {non_white} drawn pixels"
    # the nodes are drawn (WebGL) in their colours: every colour of the page is on the picture
    for colour in {n["color"] for n in d["nodes"]}:
        assert _count_colour(graph, colour) > 100, colour


@needs_chromium
def test_browser_inline_display_in_an_iframe(tmp_path: Path, browser: "_Browser") -> None:
    """What Jupyter shows: the page inside an iframe (srcdoc, scripts allowed, no same origin)."""
    from gazetta.datasets import demo_news
    from gazetta.gazetteers import countries

    page = gazetta.cooccurrence(demo_news(), countries()).to_html(top=12, height=600)
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body style='margin:0'><p>a notebook cell</p>" + page._repr_html_()
                    + "</body></html>", encoding="utf-8")
    browser.send("Page.navigate", {"url": host.as_uri()})
    # in the frame that holds the page: its error, else the number of nodes drawn
    state = ("document.getElementById('gz-data') && (document.body.dataset.error ? "
             "'error: ' + document.body.dataset.error : document.body.dataset.rendered)")
    assert browser.wait(state, frames=True) == str(page.n_nodes)
    png = browser.screenshot(tmp_path / "inline.png")
    assert browser.errors() == []
    _keep(png)
    px = _pixels(png)[150:650, :]
    d = _data(page)
    for colour in {n["color"] for n in d["nodes"]}:
        assert _count_colour(px, colour) > 50, colour


@needs_chromium
def test_browser_without_webgl_says_so(tmp_path: Path) -> None:
    """No WebGL: a message on the page (and the error logged), not a blank page. This also
    shows that the checks above do see a JavaScript error when there is one."""
    path = _toy().to_html(tmp_path / "net.html", min_n=1, weight="n_ab")
    dom, console = _chromium(tmp_path, path.as_uri(), "--disable-3d-apis", "--dump-dom")
    attrs = _body_attrs(dom)
    assert "needs WebGL" in attrs.get("data-error", "")
    assert "data-rendered" not in attrs
    assert any("needs WebGL" in line for line in console)
    assert re.search(r'<div id="gz-error" style="display: block;">The network could not be drawn', dom)


# --------------------------------------------------------------------------------------------
# a real mouse and keyboard: Chromium's DevTools protocol over --remote-debugging-pipe
# (JSON messages ending in NUL on file descriptors 3 and 4; no driver package needed)
class _Browser:
    def __init__(self, tmp_path: Path, *, timeout: float = 60.0) -> None:
        if os.name != "posix":  # pragma: no cover
            pytest.skip("the DevTools pipe is driven through POSIX file descriptors")
        import fcntl

        assert CHROMIUM is not None
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()

        def fds() -> None:  # in the child: its ends of the pipes become 3 and 4
            a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        import warnings

        with warnings.catch_warnings():  # newer Pythons warn about fork with threads running
            warnings.simplefilter("ignore", DeprecationWarning)
            self.proc = self._start(tmp_path, fds)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.timeout = timeout
        self._buf = b""
        self._id = 0
        self.events: List[Dict[str, Any]] = []
        self.session = ""
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.send("Runtime.enable")
            self.send("Page.enable")
            # iframes in a process of their own (sandboxed ones are) come as targets of their own
            self.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True})
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _start(tmp_path: Path, fds: Any) -> "subprocess.Popen[bytes]":
        assert CHROMIUM is not None
        return subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--remote-debugging-pipe", "--use-angle=swiftshader",
             "--enable-unsafe-swiftshader", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
             "--disable-background-networking", "--hide-scrollbars", "--window-size=1200,900",
             f"--user-data-dir={tmp_path / 'cdp-profile'}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)

    def _message(self) -> Dict[str, Any]:
        import select
        import time

        end = time.monotonic() + self.timeout
        while b"\0" not in self._buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buf += chunk
        msg, _, self._buf = self._buf.partition(b"\0")
        return json.loads(msg)

    def send(self, method: str, params: Any = None, session: Optional[str] = None) -> Dict[str, Any]:
        self._id += 1
        msg: Dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session or self.session:
            msg["sessionId"] = session or self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def js(self, expr: str, context: Any = None, session: Optional[str] = None) -> Any:
        params: Dict[str, Any] = {"expression": expr, "returnByValue": True}
        if context is not None:
            params["contextId"] = context
        res = self.send("Runtime.evaluate", params, session)
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"])
        return res["result"].get("value")

    def wait(self, expr: str, timeout: float = 30.0, frames: bool = False) -> Any:
        """Polls ``expr`` until it is truthy (``frames=True``: in any frame, iframes too)."""
        import time

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            where: List[Tuple[Any, Optional[str]]] = [(None, None)]
            if frames:  # every frame of the page, and every iframe target attached
                where += [(e["params"]["context"]["id"], e.get("sessionId")) for e in self.events
                          if e.get("method") == "Runtime.executionContextCreated"]
                where += [(None, e["params"]["sessionId"]) for e in self.events
                          if e.get("method") == "Target.attachedToTarget"]
            for ctx, session in where:
                try:
                    v = self.js(expr, ctx, session)
                except RuntimeError:  # a context or target that went away
                    continue
                if v:
                    return v
            time.sleep(0.05)
        raise TimeoutError(expr)

    def screenshot(self, png: Path) -> Path:
        import base64

        png.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"]))
        return png

    def errors(self) -> List[str]:
        """Console messages and uncaught exceptions seen so far."""
        out = []
        for e in self.events:
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(json.dumps(e["params"]["exceptionDetails"])[:500])
            elif e.get("method") == "Runtime.consoleAPICalled":
                out.append(f"console.{e['params']['type']}: " + json.dumps(e["params"]["args"])[:300])
        return out

    def mouse(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()
            self.proc.wait(timeout=20)
        finally:
            os.close(self._w)
            os.close(self._r)


@pytest.fixture
def browser(tmp_path: Path) -> Any:
    b = _Browser(tmp_path)
    try:
        yield b
    finally:
        b.close()


def _screen_positions(b: _Browser) -> Dict[str, Tuple[float, float]]:
    """Each node's position on the screen (CSS pixels)."""
    return {k: tuple(v) for k, v in b.js("""(function () {
        var N = window.gazettaNetwork, box = document.getElementById("gz-graph").getBoundingClientRect(), out = {};
        N.graph.forEachNode(function (n, a) {
          var v = N.renderer.graphToViewport({x: a.x, y: a.y}); out[n] = [box.left + v.x, box.top + v.y]; });
        return out; })()""").items()}


def _info(b: _Browser) -> Tuple[str, Dict[str, str]]:
    title = b.js("(document.querySelector('#gz-info h2') || {}).textContent || ''")
    rows = b.js("""Array.from(document.querySelectorAll('#gz-info tr')).map(function (tr) {
        return [tr.cells[0].textContent, tr.cells[1].textContent]; })""")
    return title, dict(rows or [])


def _seg_dist(p: Tuple[float, float], a: Tuple[float, float], b: Tuple[float, float]) -> float:
    import math

    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


@needs_chromium
def test_real_mouse_hover_on_a_node_and_an_edge(demo_page: Any, browser: _Browser) -> None:
    path, page, d = demo_page
    b = browser
    b.send("Page.navigate", {"url": path.as_uri()})
    assert b.wait("document.body && document.body.dataset.rendered") == str(page.n_nodes)
    pos = _screen_positions(b)
    nodes = {n["id"]: n for n in d["nodes"]}
    # a node: the box shows its counts
    b.mouse(*pos["JP"])
    b.wait("document.getElementById('gz-info').style.display === 'block'")
    title, rows = _info(b)
    assert title == "Japan"
    ent = dict(zip(d["entity_values"], nodes["JP"]["v"][0]))
    assert rows["n_units"] == f"{ent['n_units']:,}" and rows["n_docs"] == f"{ent['n_docs']:,}"
    # away from everything: the box goes
    drawn = [e for e in d["edges"] if e["v"][0]]
    box = b.js("(function (r) { return [r.left, r.top, r.right, r.bottom]; })"
               "(document.getElementById('gz-graph').getBoundingClientRect())")
    empty = next((x, y) for x in range(int(box[0]) + 60, int(box[2]) - 60, 20)
                 for y in range(int(box[1]) + 60, int(box[3]) - 60, 20)
                 if min(((x - u) ** 2 + (y - v) ** 2) ** 0.5 for u, v in pos.values()) > 40
                 and min(_seg_dist((x, y), pos[o["s"]], pos[o["t"]]) for o in drawn) > 15)
    b.mouse(*empty)
    b.wait("document.getElementById('gz-info').style.display === 'none'")
    # an edge: the middle of one that no node and no other edge comes near
    clear = None
    for e in sorted(drawn, key=lambda e: -e["v"][0][0]):
        mid = ((pos[e["s"]][0] + pos[e["t"]][0]) / 2, (pos[e["s"]][1] + pos[e["t"]][1]) / 2)
        near_node = min(((mid[0] - x) ** 2 + (mid[1] - y) ** 2) ** 0.5 for x, y in pos.values())
        near_edge = min((_seg_dist(mid, pos[o["s"]], pos[o["t"]]) for o in drawn if o is not e), default=99.0)
        if near_node > 40 and near_edge > 12:
            clear = (e, mid)
            break
    assert clear is not None, "no edge clear of the others to hover"
    e, mid = clear
    b.mouse(*mid)
    b.wait("document.getElementById('gz-info').style.display === 'block'")
    title, rows = _info(b)
    assert title == f"{nodes[e['s']]['label']} – {nodes[e['t']]['label']}"
    values = dict(zip(d["edge_values"], e["v"][0][2:]))
    assert rows["n_ab"] == f"{values['n_ab']:,}" and rows["n_a"] == f"{values['n_a']:,}"
    assert rows["npmi"] == f"{values['npmi']:.3f} [{values['npmi_lo']:.3f}, {values['npmi_hi']:.3f}]"
    assert "llr" in rows and "jaccard" in rows and "npmi_lo" not in rows
    shot = b.send("Page.captureScreenshot", {"format": "png"})
    import base64

    png = path.parent / "hover.png"
    png.write_bytes(base64.b64decode(shot["data"]))
    _keep(png)
    assert b.errors() == []


@needs_chromium
def test_real_typing_in_the_search_box_and_keys_on_the_slider(demo_page: Any, browser: _Browser) -> None:
    path, page, d = demo_page
    b = browser
    b.send("Page.navigate", {"url": path.as_uri()})
    b.wait("document.body && document.body.dataset.rendered")
    b.js("document.getElementById('gz-search').focus()")
    b.send("Input.insertText", {"text": "korea"})
    assert b.wait("document.getElementById('gz-matches').textContent") == "2 matches"
    b.send("Input.insertText", {"text": "s"})  # "koreas": none
    assert b.wait("document.getElementById('gz-matches').textContent === '0 matches' && 'ok'") == "ok"
    b.js("var s = document.getElementById('gz-search'); s.value = ''; s.focus()")
    b.send("Input.insertText", {"text": "japan"})
    assert b.wait("document.getElementById('gz-matches').textContent") == "1 match"
    assert b.wait("document.getElementById('gz-info').style.display === 'block' && "
                  "document.querySelector('#gz-info h2').textContent") == "Japan"
    # the slider: focus it and press the right arrow twice
    b.js("document.getElementById('gz-slider').focus()")
    for _ in range(2):
        for kind in ("keyDown", "keyUp"):
            b.send("Input.dispatchKeyEvent", {"type": kind, "key": "ArrowRight", "code": "ArrowRight",
                                              "windowsVirtualKeyCode": 39})
    assert b.wait("document.body.dataset.view === '2' && 'ok'") == "ok"
    assert b.js("document.getElementById('gz-period').textContent") == d["views"][2]
    assert b.js("document.body.dataset.edgesShown") == str(sum(1 for e in d["edges"] if e["v"][2]))
    # play: steps on by itself (a period every 1.2 s) until stopped
    b.js("document.getElementById('gz-play').click()")
    assert b.wait("document.body.dataset.view === '4' && document.body.dataset.playing") == "1"
    b.js("document.getElementById('gz-play').click()")
    assert b.js("document.body.dataset.playing === undefined")
    stopped = b.js("document.body.dataset.view")
    import time

    time.sleep(1.5)
    assert b.js("document.body.dataset.view") == stopped
    assert b.errors() == []


@needs_chromium
def test_browser_labels_do_not_overlap_and_the_key_is_below_the_graph(tmp_path: Path, browser: "_Browser") -> None:
    """Near nodes wrote their labels over each other ("United Kingdom", "Germany", "France"),
    and the colour key ran into the help line (trial user): the labels drawn cover no other
    label and no other node, and the key and the help sit in a footer below the graph."""
    from gazetta.datasets import demo_news
    from gazetta.gazetteers import countries

    page = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="Y").to_html(top=40)
    path = tmp_path / "net.html"
    page.save(path)
    browser.send("Page.navigate", {"url": path.as_uri()})
    assert browser.wait("document.body && document.body.dataset.rendered") == str(page.n_nodes)
    boxes = json.loads(browser.wait("JSON.stringify(window.gazettaNetwork.labels())"))
    assert len(boxes) >= 0.7 * page.n_nodes, f"only {len(boxes)} of {page.n_nodes} labels drawn"
    items = list(boxes.values())
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    # no label covers the centre of another node
    pos = json.loads(browser.wait(
        "JSON.stringify(window.gazettaNetwork.graph.nodes().map(function (n) { var r = window.gazettaNetwork.renderer;"
        " var p = r.framedGraphToViewport(r.getNodeDisplayData(n)); return [n, p.x, p.y]; }))"))
    for key, box in boxes.items():
        for n, x, y in pos:
            assert n == key or not (box[0] < x < box[2] and box[1] < y < box[3]), (key, n)
    rects = json.loads(browser.wait(
        "JSON.stringify(['gz-main', 'gz-legend', 'gz-help'].map(function (id) {"
        " var r = document.getElementById(id).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }))"))
    main, legend, help_ = rects
    assert legend[1] >= main[3] - 0.5 and help_[1] >= main[3] - 0.5, rects  # below the graph
    assert not (legend[0] < help_[2] and help_[0] < legend[2] and legend[1] < help_[3] and help_[1] < legend[3]), rects
    assert browser.errors() == []
