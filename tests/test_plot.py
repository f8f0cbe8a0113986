"""Plots (gazetta.plot): every picture renders headless to a PNG; options are validated."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def monthly() -> gazetta.Cooccurrence:
    return gazetta.cooccurrence(demo_news(), countries(), time="date", freq="M", by="source")


def _png(fig: Figure, path) -> bytes:
    assert isinstance(fig, Figure)
    fig.savefig(path, dpi=60)
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 5_000
    return data


@pytest.mark.parametrize("weight", ["npmi", "n_ab", "jaccard", "llr"])
def test_network(tmp_path, monthly, weight):
    _png(plot.network(monthly, top=30, weight=weight), tmp_path / "n.png")


def test_network_is_deterministic(tmp_path, monthly):
    a = _png(plot.network(monthly, top=20), tmp_path / "a.png")
    b = _png(plot.network(monthly, top=20), tmp_path / "b.png")
    assert a == b


def test_network_of_one_group_and_kinds(tmp_path, monthly):
    _png(monthly.plot_network(group=("whitehouse", "2022-02"), top=15, min_count=1), tmp_path / "g.png")
    g = (gazetta.Gazetteer().add("P", "Pat Smith", kind="person").add("A", "Alphaland", kind="country")
         .add("B", "Betaland", kind="country"))
    co = gazetta.cooccurrence(["Pat Smith visited Alphaland.", "Pat Smith left Betaland for Alphaland."] * 3, g)
    fig = plot.network(co, color="kind")
    assert fig.axes[0].get_legend() is not None
    _png(fig, tmp_path / "k.png")


def test_heatmap(tmp_path, monthly):
    _png(plot.heatmap(monthly), tmp_path / "h.png")
    _png(monthly.plot_heatmap(top=12, value="npmi", order="cluster"), tmp_path / "c.png")
    _png(plot.heatmap(monthly, top=40, value="lift", order="name"), tmp_path / "l.png")


def test_timeline(tmp_path, monthly):
    _png(plot.timeline(monthly, [("US", "CN"), ("Russia", "Ukraine")], value="npmi", freq="Q"), tmp_path / "t.png")
    _png(monthly.plot_timeline([("UA", "US")], value="n_ab"), tmp_path / "n.png")
    _png(plot.timeline(monthly, value="share", freq="Y", group="whitehouse"), tmp_path / "s.png")


def test_into_given_axes(tmp_path, monthly):
    fig = Figure(figsize=(16, 5))
    ax1, ax2, ax3 = fig.subplots(1, 3)
    assert plot.network(monthly, top=10, ax=ax1) is fig
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
        plot.network(unsliced, min_count=5)
