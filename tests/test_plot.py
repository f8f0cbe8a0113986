"""Plots (gazetta.plot): every picture renders headless to a PNG; options are validated; the
figures carry what a printed figure needs (keys, unit/n/measure, credit, no colliding labels,
colour ranges fitted to the data, pairs on few units not drawn as findings)."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("networkx")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

import gazetta  # noqa: E402
from gazetta import plot  # noqa: E402
from gazetta.datasets import demo_news  # noqa: E402
from gazetta.gazetteers import countries  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"
CREDIT = "Data: Wikinews contributors (CC BY 2.5); White House readouts (US public domain)"


@pytest.fixture(scope="module")
def monthly() -> gazetta.Cooccurrence:
    return gazetta.cooccurrence(demo_news(), countries(), time="date", freq="M", by="source")


@pytest.fixture(scope="module")
def net(monthly: gazetta.Cooccurrence) -> Figure:
    """The demo's network picture, drawn once for several tests."""
    return plot.network(monthly, top=40, weight="npmi", color="community", credit=CREDIT)


def _png(fig: Figure, path) -> bytes:
    assert isinstance(fig, Figure)
    fig.savefig(path, dpi=60)
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 5_000
    return data


def _texts(artist: Any) -> List[str]:
    """Every text inside an artist tree (the network key is an offset box of text areas)."""
    from matplotlib.text import Text

    return [t.get_text() for t in artist.findobj(Text)]


def _key(fig: Figure) -> Any:
    keys = [a for a in fig.axes[0].artists if a.get_gid() == "gazetta-key"]
    assert len(keys) == 1
    return keys[0]


def _subtitle(ax: Any) -> str:
    return " ".join([t.get_text() for t in ax.texts if "documents" in t.get_text()][0].split())


# --------------------------------------------------------------------------------------------
# network
@pytest.mark.parametrize("weight", ["npmi", "n_ab", "jaccard", "llr"])
def test_network(tmp_path, monthly, weight):
    _png(plot.network(monthly, top=15, weight=weight), tmp_path / "n.png")


def test_network_is_deterministic(tmp_path, monthly):
    a = _png(plot.network(monthly, top=20), tmp_path / "a.png")
    b = _png(plot.network(monthly, top=20), tmp_path / "b.png")
    assert a == b
    c = _png(plot.network(monthly, top=20, seed=8), tmp_path / "c.png")
    assert c != a


def test_network_of_one_group_and_kinds(tmp_path, monthly):
    _png(monthly.plot_network(group=("whitehouse", "2022-02"), top=15, min_n=1), tmp_path / "g.png")
    g = (gazetta.Gazetteer().add("P", "Pat Smith", kind="person").add("A", "Alphaland", kind="country")
         .add("B", "Betaland", kind="country"))
    co = gazetta.cooccurrence(["Pat Smith visited Alphaland.", "Pat Smith left Betaland for Alphaland."] * 3, g)
    fig = plot.network(co, color="kind", min_n=3)
    texts = _texts(_key(fig))
    assert "colour: kind" in texts and "country" in texts and "person" in texts
    _png(fig, tmp_path / "k.png")


def test_network_key_says_colour_size_and_width(net):
    texts = _texts(_key(net))
    assert "colour: community" in texts
    # communities are named by their two most mentioned members
    assert any(t.startswith("United States, ") for t in texts)
    assert "node area" in texts and "n_units: sentences naming it" in texts
    assert "edge width" in texts and "npmi (0: chance, 1: always together)" in texts
    sizes = [t for t in texts if t.replace(",", "").isdigit()]
    widths = [t for t in texts if t.startswith("0.")]
    assert len(sizes) >= 2 and len(widths) >= 2


def test_network_key_sizes_match_the_nodes(monthly):
    """A key circle of value v has the area a node of count v has (same mapping)."""
    fig = plot.network(monthly, top=12)
    ents = gazetta._graph.rollup(monthly, ()).entities.set_index("entity")
    sc = fig.axes[0].collections[1]
    areas = sc.get_sizes()
    counts = np.sort(ents["n_units"].to_numpy())[::-1]
    biggest = float(areas.max())
    assert biggest == pytest.approx(plot._node_area(np.array([counts[0]]), counts[0])[0])
    from matplotlib.patches import Circle

    circles = [a for a in _key(fig).findobj(Circle) if a.get_facecolor()[:3] == pytest.approx((0.733, 0.733, 0.733),
                                                                                               abs=0.01)]
    values = [float(t.replace(",", "")) for t in _texts(_key(fig)) if t.replace(",", "").isdigit()]
    assert len(circles) == len(values) >= 2
    n_max = float(sorted(ents.loc[[e for e in ents.index if ents.at[e, "n_units"] > 0], "n_units"])[-1])
    for circ, v in zip(circles, values):
        diameter = 2 * circ.get_radius()  # points
        assert diameter ** 2 == pytest.approx(plot._node_area(np.array([v]), n_max)[0], rel=1e-6)


def test_network_labels_do_not_overlap(net):
    net.draw_without_rendering()
    r = net._get_renderer()
    ax = net.axes[0]
    labels = [t for t in ax.texts if t.get_gid() == "gazetta-label"]
    assert len(labels) == 40
    boxes = [t.get_window_extent(r) for t in labels]
    axbox = ax.get_window_extent(r)
    for i, b in enumerate(boxes):
        assert axbox.x0 - 1 <= b.x0 and b.x1 <= axbox.x1 + 1 and axbox.y0 - 1 <= b.y0 and b.y1 <= axbox.y1 + 1
        for o in boxes[i + 1:]:
            assert not b.overlaps(o), (labels[i].get_text(), b, o)


def _credits(fig: Figure) -> List[Any]:
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_gid() == "gazetta-credit"]


def _assert_credit_inside(fig: Figure) -> None:
    credits = _credits(fig)
    assert [t.get_text() for t in credits] == [CREDIT]
    fig.draw_without_rendering()
    r = fig._get_renderer()
    b = credits[0].get_window_extent(r)
    assert b.y0 >= 0 and b.x1 <= fig.bbox.x1  # inside the picture
    for ax in fig.axes:  # below every panel, overlapping none
        assert not b.overlaps(ax.get_tightbbox(r))


def test_network_credit_line(net, monthly):
    _assert_credit_inside(net)
    assert not _credits(plot.network(monthly, top=10))
    # into given axes: under them
    ax = Figure().add_subplot()
    plot.network(monthly, top=10, ax=ax, credit=CREDIT)
    assert [t.get_text() for t in ax.texts if t.get_gid() == "gazetta-credit"] == [CREDIT]


def test_heatmap_and_timeline_credit_line(monthly):
    _assert_credit_inside(plot.heatmap(monthly, top=10, credit=CREDIT))
    _assert_credit_inside(plot.timeline(monthly, [("RU", "UA")], freq="Y", credit=CREDIT))


def test_network_states_unit_n_and_measure(net, monthly):
    sub = _subtitle(net.axes[0])
    n = int(monthly.groups["n"].sum())
    assert "co-occurrence in sentences" in sub and f"n = {n:,} sentences, 300 documents" in sub
    assert "npmi > 0" in sub and "at least 5 sentences" in sub
    assert net.axes[0].get_title(loc="left") == "Who is mentioned with whom"


def test_network_hides_pairs_on_few_units(monthly):
    """An edge is a pair with n_ab >= min_n (the tables' mask_min_n), never fewer."""
    total = gazetta._graph.rollup(monthly, ())
    for min_n in (1, 5, 12):
        fig = plot.network(monthly, top=25, min_n=min_n, max_edges=10_000)
        lc = fig.axes[0].collections[0]
        names = {t.get_text() for t in fig.axes[0].texts if t.get_gid() == "gazetta-label"}
        p = total.pairs
        p = p[p["name_a"].isin(names) & p["name_b"].isin(names) & (p["npmi"] > 0)]
        assert len(lc.get_segments()) == int((p["n_ab"] >= min_n).sum())
        sub = _subtitle(fig.axes[0])
        thin = int((p["n_ab"] < min_n).sum())
        assert (f"({thin} pairs on fewer not drawn)" in sub) == (thin > 1)
    with pytest.raises(ValueError, match="min_n or min_count"):
        plot.network(monthly, min_n=2, min_count=2)
    with pytest.raises(ValueError, match="min_n must be an int >= 1"):
        plot.network(monthly, min_n=0)
    # the former name still works
    assert len(plot.network(monthly, top=10, min_count=12).axes[0].collections[0].get_segments()) == len(
        plot.network(monthly, top=10, min_n=12).axes[0].collections[0].get_segments())


def test_disconnected_parts_stay_inside(monthly):
    """Small parts (Sweden - Finland) are put inside the main part's frame, not at the rim."""
    fig = plot.network(monthly, top=40)
    ax = fig.axes[0]
    xy = ax.collections[1].get_offsets()
    names = [t.get_text() for t in ax.texts if t.get_gid() == "gazetta-label"]
    assert "Sweden" in names
    # the most mentioned entity sits near the middle of the frame
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    us = np.asarray(xy[0])
    assert x0 + 0.2 * (x1 - x0) < us[0] < x1 - 0.2 * (x1 - x0)
    assert y0 + 0.2 * (y1 - y0) < us[1] < y1 - 0.2 * (y1 - y0)


# --------------------------------------------------------------------------------------------
# heat map
def test_heatmap(tmp_path, monthly):
    _png(plot.heatmap(monthly), tmp_path / "h.png")
    _png(monthly.plot_heatmap(top=12, value="npmi", order="cluster"), tmp_path / "c.png")
    _png(plot.heatmap(monthly, top=40, value="lift", order="name"), tmp_path / "l.png")
    _png(plot.heatmap(monthly, top=12, value="lift", order="cluster"), tmp_path / "lc.png")


def test_color_limits_by_hand():
    assert plot.color_limits([-0.2, 0.05, 0.1, 0.74], signed=True, cap=1.0) == (-0.8, 0.8, "neither")
    assert plot.color_limits([0.1, 0.31], signed=True) == (-0.4, 0.4, "neither")
    # fewer than 50 values: the largest, rounded up
    assert plot.color_limits([1, 2, 3, 4, 5, 6, 7, 8, 9, 250], signed=False, q=90) == (0.0, 250.0, "neither")
    # 100 values: the 90th percentile of 1..99, 250 is 90.1 -> 100; 250 is clipped
    assert plot.color_limits(list(range(1, 100)) + [250], signed=False, q=90) == (0.0, 100.0, "max")
    # median of |v| for 25 values -3.0 and 25 values 0.5 is 1.75 -> 2: only the low end is clipped
    assert plot.color_limits([-3.0] * 25 + [0.5] * 25, signed=True, q=50) == (-2.0, 2.0, "min")
    assert plot.color_limits([-3.0, 3.0] * 13 + [0.2, 0.3] * 13, signed=True, q=50) == (-2.0, 2.0, "both")
    assert plot.color_limits([np.nan], signed=False) == (0.0, 1.0, "neither")
    assert plot.color_limits([0.9, 0.97], signed=True, cap=1.0)[1] == 1.0


def test_heatmap_colour_range_is_fitted_and_centred(monthly):
    fig = plot.heatmap(monthly, top=20, value="npmi")
    norm = fig.axes[0].images[0].norm
    shown = fig.axes[0].images[0].get_array()
    vals = np.abs(shown.compressed())
    assert norm.vcenter == 0.0 and norm.vmin == -norm.vmax
    assert norm.vmax < 1.0 and norm.vmax >= np.percentile(vals, 98)
    assert fig.axes[1].get_ylabel() == "npmi (0: chance, 1: always together)"
    counts = plot.heatmap(monthly, top=20, value="n_ab")
    n = counts.axes[0].images[0]
    assert n.norm.vmin == 0.0 and 0 < n.norm.vmax < np.nanmax(n.get_array().filled(np.nan))
    assert counts.axes[1].get_ylabel() == "n_ab (sentences with both)"
    # a fixed scale, for heat maps that are compared
    assert plot.heatmap(monthly, top=8, value="npmi", vmax=0.5).axes[0].images[0].norm.vmax == 0.5
    lift = plot.heatmap(monthly, top=12, value="lift")
    assert lift.axes[1].get_ylabel().endswith("log scale")
    assert lift.axes[0].images[0].norm.vcenter == 0.0  # log2(lift) = 0: chance
    with pytest.raises(ValueError, match="vmax must be"):
        plot.heatmap(monthly, value="lift", vmax=0.5)


def test_heatmap_hatches_pairs_on_few_units(monthly):
    total = gazetta._graph.rollup(monthly, ())
    fig = plot.heatmap(monthly, top=10, value="npmi", order="name")
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    p = total.pairs[total.pairs["name_a"].isin(names) & total.pairs["name_b"].isin(names)]
    thin = p[p["n_ab"] < 5]
    hatched = [c for c in ax.collections if c.get_gid() == "gazetta-thin"]
    assert len(thin) > 0 and len(hatched) == 1 and len(hatched[0].get_paths()) == 2 * len(thin)
    written = {(round(t.get_position()[1]), round(t.get_position()[0])) for t in ax.texts if t.get_text() and
               t.get_position()[0] >= 0 and t.get_transform() == ax.transData}
    for r in thin.itertuples():
        i, j = names.index(r.name_a), names.index(r.name_b)
        assert (i, j) not in written and (j, i) not in written  # no value, no colour
        assert np.ma.is_masked(ax.images[0].get_array()[i, j])
    assert "hatched: fewer than 5 co-occurring sentences" in _subtitle(ax)
    # n_ab draws the counts themselves: nothing hatched unless asked
    assert not [c for c in plot.heatmap(monthly, top=10).axes[0].collections if c.get_gid() == "gazetta-thin"]
    assert [c for c in plot.heatmap(monthly, top=10, min_n=3).axes[0].collections if c.get_gid() == "gazetta-thin"]


def test_heatmap_states_unit_n_and_measure(monthly):
    fig = plot.heatmap(monthly, top=12, value="npmi")
    assert fig.axes[0].get_title(loc="left") == "npmi for the 12 most mentioned entities"
    n = int(monthly.groups["n"].sum())
    assert f"co-occurrence in sentences (counting units); n = {n:,} sentences, 300 documents" in _subtitle(
        fig.axes[0])


# --------------------------------------------------------------------------------------------
# timeline
def test_timeline(tmp_path, monthly):
    _png(plot.timeline(monthly, [("US", "CN"), ("Russia", "Ukraine")], value="npmi", freq="Q"), tmp_path / "t.png")
    _png(monthly.plot_timeline([("UA", "US")], value="n_ab"), tmp_path / "n.png")
    _png(plot.timeline(monthly, value="share", freq="Y", group="whitehouse"), tmp_path / "s.png")


def test_timeline_states_unit_n_and_measure(monthly):
    fig = plot.timeline(monthly, [("RU", "UA")], value="lift", freq="Q", group="whitehouse")
    wh = monthly.groups[monthly.groups["source"] == "whitehouse"]
    sub = _subtitle(fig.axes[0])
    assert f"n = {int(wh['n'].sum()):,} sentences, {int(wh['n_docs'].sum())} documents" in sub
    assert fig.axes[0].get_title(loc="left").startswith("lift per quarter")
    assert fig.axes[0].get_ylabel().startswith("lift")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()][:1] != ["$\\mathdefault{10^{0}}$"]


def test_timeline_min_n_is_few(monthly):
    a = plot.timeline(monthly, [("RU", "UA")], value="npmi", freq="Q", min_n=3)
    b = plot.timeline(monthly, [("RU", "UA")], value="npmi", freq="Q", few=3)
    hollow = [len(f.axes[0].collections[1].get_offsets()) for f in (a, b)]
    assert hollow[0] == hollow[1] > 0
    assert any("hollow point, pale line: n_ab < 3" == t.get_text() for t in a.axes[0].get_legend().get_texts())
    with pytest.raises(ValueError, match="min_n or few"):
        plot.timeline(monthly, [("RU", "UA")], min_n=3, few=3)


# --------------------------------------------------------------------------------------------
def test_into_given_axes(tmp_path, monthly):
    fig = Figure(figsize=(16, 5))
    ax1, ax2, ax3 = fig.subplots(1, 3)
    assert plot.network(monthly, top=10, ax=ax1, keys=False) is fig
    assert plot.heatmap(monthly, top=8, ax=ax2) is fig
    assert plot.timeline(monthly, [("RU", "UA")], freq="Y", ax=ax3) is fig
    _png(fig, tmp_path / "three.png")


def test_bad_options(monthly):
    unsliced = gazetta.cooccurrence(["Japan and China."], countries())
    with pytest.raises(ValueError, match="value must be one of"):
        plot.heatmap(monthly, value="nope")
    with pytest.raises(ValueError, match="weight|value must be one of"):
        plot.network(monthly, weight="nope")
    with pytest.raises(ValueError, match="top must be"):
        plot.network(monthly, top=1)
    with pytest.raises(ValueError, match="sliced by time"):
        plot.timeline(unsliced, [("JP", "CN")])
    with pytest.raises(ValueError, match="unknown entity"):
        plot.timeline(monthly, [("US", "Atlantis")])
    with pytest.raises(ValueError, match="cannot regroup"):
        plot.timeline(monthly, freq="W")
    with pytest.raises(ValueError, match="nothing to draw"):
        plot.network(unsliced, min_n=5)


def test_timeline_joins_only_points_on_enough_units(monthly):
    """The bold line breaks at points resting on fewer than min_n units; the pale labelled
    line keeps every value."""
    fig = plot.timeline(monthly, [("RU", "UA")], value="npmi", freq="Q", min_n=5)
    ax = fig.axes[0]
    full = [ln for ln in ax.lines if ln.get_label() == "Russia – Ukraine"][0]
    bold = [ln for ln in ax.lines if ln.get_label() == "_strong"][0]
    y, yb = np.asarray(full.get_ydata(), float), np.asarray(bold.get_ydata(), float)
    weak = np.isfinite(y) & ~np.isfinite(yb)
    assert weak.any() and np.isfinite(yb).any()
    assert full.get_linewidth() < bold.get_linewidth() and full.get_alpha() < 1
    np.testing.assert_array_equal(yb[np.isfinite(yb)], y[np.isfinite(yb)])


def test_entities_sharing_a_name_get_distinct_labels(tmp_path):
    """Two entities named alike ("Gainesville" in Florida and in Georgia; "Georgia" the country
    and the US state) are told apart in every picture by their parent, or their kind when they
    have none (a trial user found two "Georgia" rows in a heatmap)."""
    g = (gazetta.Gazetteer()
         .add("US", "United States", kind="country").add("GE", "Georgia", kind="country")
         .add("US-FL", "Florida", kind="region", parent="US").add("US-GA", "Georgia", kind="region", parent="US")
         .add("G1", "Gainesville", kind="city", parent="US-FL", aliases=["Gainesville, Fla."])
         .add("G2", "Gainesville", kind="city", parent="US-GA", aliases=["Gainesville, Ga."]))
    docs = ["Gainesville, Fla. and Gainesville, Ga. and the United States.",
            "Georgia and Gainesville, Ga. and the United States."] * 3
    co = gazetta.cooccurrence(docs, gazetta.Matcher(g, ambiguous="all"), unit="document")
    want = {"G1": "Gainesville (Florida)", "G2": "Gainesville (Georgia)", "US": "United States"}
    from gazetta._entities import display_names
    got = display_names(co.entities, co._matcher)
    assert {k: got[k] for k in want} == want
    fig = co.plot_heatmap(min_n=1)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(ticks) == len(set(ticks)) and "Gainesville (Florida)" in ticks
    fig = co.plot_network(min_n=1, weight="n_ab")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"Gainesville (Florida)", "Gainesville (Georgia)"} <= texts
