"""Time series that tell the truth (issue 19, item 5): periods without documents are gaps, the
units of each period are shown, weak points are marked, subtitles count the documents drawn,
the demo's changes are ranked by a stated test of association, and ``significant()`` corrects
for testing many pairs."""

from __future__ import annotations

import warnings
from typing import Any, List

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._backbone import _bh, adjust_p
from gazetta.cli import _halves

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")

from gazetta import plot  # noqa: E402


def _gaz() -> gazetta.Gazetteer:
    return gazetta.Gazetteer().add("A", "Aland").add("B", "Bland").add("C", "Cland")


def _frame(rows: List[Any]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["text", "date", "source"])


@pytest.fixture(scope="module")
def gappy() -> gazetta.Cooccurrence:
    """January and March 2020 have documents, February none."""
    rows = [("Aland and Bland. Bland, Aland.", "2020-01-10", "x"), ("Aland. Bland and Cland.", "2020-01-20", "y"),
            ("Aland and Bland.", "2020-03-05", "x"), ("Nothing at all.", "2020-03-09", "x")]
    return gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="M", by="source")


def _line(fig: Any, label: str) -> np.ndarray:
    ln = [x for x in fig.axes[0].lines if x.get_label() == label]
    assert ln, [x.get_label() for x in fig.axes[0].lines]
    return np.asarray(ln[0].get_ydata(), dtype=float)


# --------------------------------------------------------------------------------------------
# plot.timeline
@pytest.mark.parametrize("value", ["n_ab", "share", "npmi"])
def test_period_without_documents_is_a_gap(gappy: gazetta.Cooccurrence, value: str) -> None:
    """February has no document: it was drawn as 0 co-occurrences (n_ab, share)."""
    fig = plot.timeline(gappy, [("A", "B")], value=value)
    y = _line(fig, "Aland – Bland")
    assert len(y) == 3 and np.isnan(y[1]) and np.isfinite(y[0]) and np.isfinite(y[2])
    sub = [t.get_text() for t in fig.axes[0].texts][0]
    assert "grey: months without documents (1)" in " ".join(sub.split())


def test_a_period_with_documents_but_no_cooccurrence_stays_zero(gappy: gazetta.Cooccurrence) -> None:
    y = _line(plot.timeline(gappy, [("B", "C")], value="n_ab"), "Bland – Cland")
    assert y.tolist()[0] == 1.0 and np.isnan(y[1]) and y[2] == 0.0


def test_units_per_period_are_shown(gappy: gazetta.Cooccurrence) -> None:
    fig = plot.timeline(gappy, [("A", "B")], value="npmi")
    assert len(fig.axes) == 3  # the measure, n_ab, n
    heights = [p.get_height() for p in fig.axes[2].containers[0].patches]
    n = gappy.groups.groupby("date")["n"].sum()
    assert n.tolist() == [4, 2] and heights == [4, 0, 2]  # February: no bar
    assert fig.axes[2].get_ylabel() == "n (sentences)"
    # without the lower panels when drawing into given axes
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    assert plot.timeline(gappy, [("A", "B")], value="share", ax=ax) is ax.figure and len(ax.figure.axes) == 1


def test_points_on_few_units_are_hollow(gappy: gazetta.Cooccurrence) -> None:
    fig = plot.timeline(gappy, [("A", "B")], value="share", few=2)
    filled, hollow = [c for c in fig.axes[0].collections][:2]
    assert len(filled.get_offsets()) == 1 and len(hollow.get_offsets()) == 1  # Jan: n_ab 2, Mar: n_ab 1
    assert tuple(hollow.get_facecolor()[0][:3]) == (1.0, 1.0, 1.0)
    assert any("hollow" in t.get_text() for t in fig.axes[0].get_legend().get_texts())
    with pytest.raises(ValueError, match="few must be a non-negative int; got -1"):
        plot.timeline(gappy, [("A", "B")], few=-1)


def test_subtitle_counts_the_documents_of_the_group_drawn(gappy: gazetta.Cooccurrence) -> None:
    """The subtitle said the corpus size (4) whatever group was drawn."""
    def sub(fig: Any) -> str:
        return [" ".join(t.get_text().split()) for t in fig.axes[0].texts if "documents" in t.get_text()][0]

    assert ", 3 documents" in sub(plot.timeline(gappy, [("A", "B")], value="n_ab", group="x"))
    assert ", 4 documents" in sub(plot.timeline(gappy, [("A", "B")], value="n_ab"))
    assert ", 1 documents" in sub(plot.network(gappy, group=("y", "2020-01"), min_count=1, top=3))
    assert ", 2 documents" in sub(plot.heatmap(gappy, group=("x", "2020-03"), top=2))
    assert ", 4 documents" in sub(plot.heatmap(gappy, top=3))


def test_offset_frequency_aliases_and_labels() -> None:
    rows = [("Aland and Bland.", d, "x") for d in ["2020-01-10", "2020-02-10", "2020-05-03"]]
    co = gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="M")
    fig = plot.timeline(co, [("A", "B")], value="n_ab", freq="QE")
    assert fig.axes[0].get_title(loc="left").startswith("Co-occurrences per quarter")
    co2 = gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="2M")
    assert plot.timeline(co2, [("A", "B")], value="n_ab").axes[0].get_title(loc="left").startswith(
        "Co-occurrences per 2 months")


def _band_spans(ax: Any) -> List[Any]:
    """The [start, end] of each grey "no documents" band, as dates."""
    import matplotlib.dates as mdates

    out = []
    for patch in ax.patches:
        if patch.get_facecolor()[:3] == matplotlib.colors.to_rgb("#e9e9e9"):
            xs = patch.get_patch_transform().transform(patch.get_path().vertices)[:, 0]
            out.append((mdates.num2date(xs.min()).replace(tzinfo=None), mdates.num2date(xs.max()).replace(tzinfo=None)))
    return out


@pytest.mark.parametrize("freq", [None, "Q"])
def test_no_documents_band_is_centred_on_its_period(gappy: gazetta.Cooccurrence, freq: Any) -> None:
    """The grey band of an empty period ran from its tick to the next period's tick, so the
    periods drawn on the ticks sat on its edge (trial user, A1): a point sits in the middle of
    its period and the band covers exactly the empty period around its point."""
    import matplotlib.dates as mdates

    if freq is None:
        co, empty = gappy, pd.Period("2020-02", "M")
    else:  # 2020 Q1 and Q3 have documents, Q2 none
        rows = [("Aland and Bland.", d, "x") for d in ["2020-01-10", "2020-03-20", "2020-08-03"]]
        co, empty = gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="M"), pd.Period("2020Q2", "Q")
    fig = plot.timeline(co, [("A", "B")], value="npmi", freq=freq)
    for ax in fig.axes:
        [(lo, hi)] = _band_spans(ax)
        assert (pd.Timestamp(lo), pd.Timestamp(hi)) == (empty.start_time, (empty + 1).start_time)
    pts = [mdates.num2date(v).replace(tzinfo=None) for v in fig.axes[0].collections[0].get_offsets()[:, 0]]
    per = empty.freqstr
    for t in pts:  # each point in the middle of its own period, outside the band
        p = pd.Timestamp(t).to_period(per)
        mid = p.start_time + ((p + 1).start_time - p.start_time) / 2
        assert abs(pd.Timestamp(t) - mid) < pd.Timedelta(minutes=1) and p != empty
    labels = [t.get_text() for t in fig.axes[-1].get_xticklabels()]
    assert labels == (["2020-01", "2020-02", "2020-03"] if freq is None else ["2020 Q1", "2020 Q2", "2020 Q3"])


def test_quarterly_ticks_are_quarters_and_thinned() -> None:
    """Quarters were labelled by the month they start in (a Q1 bar above "1986-12")."""
    rows = [("Aland and Bland.", f"{y}-{m:02d}-15", "x") for y in range(2015, 2021) for m in (2, 5, 8, 11)]
    co = gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="Q")
    labels = [t.get_text() for t in plot.timeline(co, [("A", "B")], value="n_ab").axes[-1].get_xticklabels()]
    assert labels[0] == "2015 Q1" and all(x.endswith(("Q1", "Q3")) for x in labels) and len(labels) == 12
    yearly = plot.timeline(co, [("A", "B")], value="n_ab", freq="Y")
    assert [t.get_text() for t in yearly.axes[-1].get_xticklabels()] == [str(y) for y in range(2015, 2021)]


def test_a_line_breaks_where_the_pair_does_not_cooccur() -> None:
    """A period with documents but without co-occurrence has no value of a measure: the line
    was joined across it (a dotted line inventing values); the subtitle says it breaks."""
    rows = [("Aland and Bland.", "2020-01-10", "x"), ("Aland. Bland.", "2020-02-10", "x"),
            ("Aland and Bland.", "2020-03-10", "x")]
    co = gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="M")
    fig = plot.timeline(co, [("A", "B")], value="npmi")
    ax = fig.axes[0]
    drawn = [ln for ln in ax.lines if len(ln.get_xdata()) == 3]  # not the line at 0
    assert drawn
    for ln in drawn:  # no segment crosses February: its value is missing in every line
        y = np.asarray(ln.get_ydata(), dtype=float)
        assert np.isnan(y[1])
    assert np.isfinite(_line(fig, "Aland – Bland")[[0, 2]]).all()
    assert not [ln for ln in ax.lines if ln.get_linestyle() == ":"]
    assert "a line breaks at months without co-occurrence" in " ".join(ax.texts[0].get_text().split())
    assert np.asarray(ax.collections[1].get_offsets()).shape[0] == 2  # both points still shown (hollow)


# --------------------------------------------------------------------------------------------
# the demo's changes between halves
def test_changes_rank_association_not_share() -> None:
    """Both entities become common in the second half: the share of sentences with both rises
    (2% -> 10%) while their association (lift 50 -> 0.4) falls. The old table ranked by the
    share difference and called the pair rising."""
    first = ["Aland and Bland."] * 2 + ["Nothing."] * 98
    second = ["Aland and Bland."] * 10 + ["Aland."] * 40 + ["Bland."] * 40 + ["Nothing."] * 10
    rows = [(t, "2020-01-15", "x") for t in first] + [(t, "2020-12-15", "x") for t in second]
    co = gazetta.cooccurrence(_frame(rows), _gaz(), time="date", freq="M", unit="sentence")
    ch, h1, h2 = _halves(co)
    r = ch.set_index(["a", "b"]).loc[("A", "B")]
    assert (h1, h2) == (("2020-01", "2020-01"), ("2020-12", "2020-12"))
    assert (r["n_ab_1"], r["n_ab_2"], r["n_1"], r["n_2"]) == (2, 10, 100, 100)
    assert r["share_2"] > r["share_1"]
    assert r["lift_1"] == pytest.approx(2 / (2 * 2 / 100)) and r["lift_2"] == pytest.approx(10 / (50 * 50 / 100))
    assert r["log2_ratio"] == pytest.approx(np.log2(0.4 / 50)) and r["log2_ratio"] < 0
    # G² by hand: 12 co-occurrences shared in proportion to the expected counts 0.04 : 25
    w1 = 0.04 / 25.04
    f1, f2 = 12 * w1, 12 * (1 - w1)
    g2 = 2 * (2 * np.log(2 / f1) + 10 * np.log(10 / f2))
    assert r["g2"] == pytest.approx(g2) and r["p"] == pytest.approx(__import__("math").erfc((g2 / 2) ** 0.5))
    assert "change" not in ch.columns


def test_demo_states_the_statistic(tmp_path: Any, capsys: Any) -> None:
    from gazetta.cli import main

    assert main(["demo", "--out", str(tmp_path / "d"), "--top", "6"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "ranked by G², a log-likelihood test that the lift" in out and "log2 of lift 2nd / lift 1st" in out
    ch = pd.read_csv(tmp_path / "d" / "changes.csv")
    assert {"g2", "p", "q", "log2_ratio", "lift_1", "lift_2"} <= set(ch.columns)
    assert ch["g2"].is_monotonic_decreasing


# --------------------------------------------------------------------------------------------
# significant(): multiple testing
def _many() -> gazetta.Cooccurrence:
    g = gazetta.Gazetteer()
    names = [f"E{i}land" for i in range(12)]
    for n in names:
        g.add(n[:-4], n)
    rng = np.random.default_rng(3)
    docs = [" and ".join(rng.choice(names, size=2, replace=False)) + "." for _ in range(300)]
    docs += ["E0land and E1land."] * 25 + ["Nothing."] * 200
    return gazetta.cooccurrence(docs, g)


def test_significant_corrects_for_many_pairs() -> None:
    """significant() tested every pair alone at level p (no correction)."""
    co = _many()
    p = co.pairs["llr_p"].to_numpy()
    pos = (co.pairs["n_ab"] > co.pairs["expected"]).to_numpy()
    for corr, adj in (("bh", _bh(p)), ("bonferroni", np.minimum(1, p * len(p))), ("none", p)):
        got = co.significant(p=0.05, correction=corr)
        want = co.pairs.loc[(adj < 0.05) & pos, ["a", "b"]].values.tolist()
        assert got.pairs[["a", "b"]].values.tolist() == want, corr
        assert got.meta["filters"][-1] == {"filter": "llr", "p": 0.05, "direction": "positive", "correction": corr,
                                           "tests": len(p)}
        assert np.allclose(got.pairs["llr_p_adj"], adj[(adj < 0.05) & pos])
    default = co.significant(p=0.05)
    assert default.meta["filters"][-1]["correction"] == "bh"
    assert len(co.significant(p=0.05, correction="none").pairs) > len(default.pairs) >= 1
    assert len(default.pairs) >= len(co.significant(p=0.05, correction="bonferroni").pairs)
    with pytest.raises(ValueError, match="correction must be one of 'bh', 'bonferroni', 'none'; got 'fdr'"):
        co.significant(correction="fdr")


def test_bh_matches_scipy_and_the_definition() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(0)
    for m in (1, 2, 7, 200):
        p = np.concatenate([rng.uniform(size=m), rng.uniform(0, 1e-3, size=3)])
        assert np.allclose(_bh(p), stats.false_discovery_control(p, method="bh"))
        assert np.allclose(adjust_p(p, "bh"), _bh(p))
    # the definition: q_(i) = min_{k >= i} p_(k) m / k
    p = np.array([0.01, 0.04, 0.03, 0.5])
    assert _bh(p).tolist() == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])
    assert np.isnan(adjust_p(np.array([0.01, np.nan]), "bh")[1])


def test_significant_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _many().significant()
