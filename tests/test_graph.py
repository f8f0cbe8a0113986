"""Network files: GEXF (static and dynamic, for Gephi) and GraphML, read back with networkx
and compared with the result they were written from (docs/counting.md, The result, issue 6)."""

from __future__ import annotations

import math
import os

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta import _graph

nx = pytest.importorskip("networkx")

MEASURE_COLS = ["n_ab", "n_a", "n_b", "n", "pmi", "npmi", "jaccard", "dice", "llr", "llr_p", "expected", "lift"]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.DataFrame({
        "text": ["Alphaland and Betaland met. Gammaland watched.",
                 "Betaland & Gammaland. Alphaland, Betaland.",
                 "Gammaland and Alphaland.",
                 "Deltaland alone.",
                 "Alphaland and Betaland again; Deltaland too."],
        "date": ["2024-01-03", "2024-01-20", "2024-02-11", "2024-03-01", "2024-03-30"],
        "source": ["x", "y", "x", "y", "x"],
    })


@pytest.fixture(scope="module")
def gaz() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer().add("A", "Alphaland", kind="country").add("B", "Betaland", kind="country")
            .add("C", "Gammaland", kind="city").add("D", "Deltaland", kind="country"))


def _same(x: float, y: float) -> bool:
    return (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y, rel=1e-12, abs=0)


def test_rollup_equals_unsliced_count(corpus, gaz):
    """Summing the groups of a sliced result gives exactly the unsliced result (groups partition
    the documents; measures recomputed from the sums)."""
    sliced = gazetta.cooccurrence(corpus, gaz, time="date", freq="M", by="source")
    whole = gazetta.cooccurrence(corpus, gaz)
    total = _graph.rollup(sliced, ())
    pd.testing.assert_frame_equal(total.pairs, whole.pairs)
    pd.testing.assert_frame_equal(total.entities, whole.entities)
    quarterly = _graph.rollup(sliced, ("date",), freq="Q")
    direct = gazetta.cooccurrence(corpus, gaz, time="date", freq="Q")
    pd.testing.assert_frame_equal(quarterly.pairs, direct.pairs)
    pd.testing.assert_frame_equal(quarterly.groups, direct.groups)
    with pytest.raises(ValueError, match="cannot regroup"):
        _graph.rollup(sliced, ("date",), freq="W")


def test_static_gexf_round_trip(tmp_path, corpus, gaz):
    co = gazetta.cooccurrence(corpus, gaz)
    path = tmp_path / "net.gexf"
    with pytest.warns(UserWarning, match="negative npmi"):  # negative weights go to Gephi with a warning
        co.write_gexf(path, weight="npmi")
    G = nx.read_gexf(path)
    with pytest.warns(UserWarning, match="negative npmi"):
        H = co.to_networkx(weight="npmi")
    assert G.graph["mode"] == "static"
    assert set(G.nodes) == set(H.nodes)
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in H.edges}
    for n in H.nodes:
        assert G.nodes[n]["label"] == H.nodes[n]["name"]
        for k in ("kind", "n_units", "n_mentions", "n_docs"):
            assert G.nodes[n][k] == H.nodes[n][k]
    for a, b, d in H.edges(data=True):
        g = G.edges[a, b]
        assert g["weight"] == pytest.approx(d["npmi"])
        for k in MEASURE_COLS:
            assert _same(float(g[k]), float(d[k])), k
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_static_gexf_of_one_group(tmp_path, corpus, gaz):
    co = gazetta.cooccurrence(corpus, gaz, time="date", freq="M")
    path = tmp_path / "jan.gexf"
    co.write_gexf(path, dynamic=False, group="2024-01")
    G = nx.read_gexf(path)
    H = co.to_networkx(group="2024-01")
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in H.edges}
    for a, b, d in H.edges(data=True):
        assert G.edges[a, b]["n_ab"] == d["n_ab"] and G.edges[a, b]["n"] == d["n"]


def test_dynamic_gexf_round_trip(tmp_path, corpus, gaz):
    """Time-sliced results give a dynamic GEXF: spells per period, per-period values as
    dynamic attributes, the graph's span from the first period's first day to the last's last."""
    co = gazetta.cooccurrence(corpus, gaz, time="date", freq="M")
    path = tmp_path / "dyn.gexf"
    co.write_gexf(path)
    G = nx.read_gexf(path)
    assert G.graph["mode"] == "dynamic"
    assert (G.graph["start"], G.graph["end"]) == ("2024-01-01", "2024-03-31")
    bounds = {str(p): (p.start_time.date().isoformat(), p.end_time.date().isoformat()) for p in co.groups["date"]}
    # edges: one spell and one value per period in which the pair occurs
    for key, rows in co.pairs.groupby(["a", "b"]):
        a, b = key
        e = G.edges[a, b]
        want_spells = [bounds[str(p)] for p in rows["date"]]
        assert e["spells"] == want_spells
        assert [v for v, _s, _e in e["n_ab"]] == rows["n_ab"].tolist()
        assert [(s, en) for _v, s, en in e["npmi"]] == want_spells
        for (v, _s, _e), want in zip(e["npmi"], rows["npmi"]):
            assert _same(v, want)
        tot = _graph.rollup(co, ()).pairs.set_index(["a", "b"]).loc[(a, b)]
        assert e["total_n_ab"] == tot["n_ab"]
        assert e["weight"] == pytest.approx(float(tot["n_ab"]))  # the edge element's static weight
    # nodes: spells where mentioned, per-period counts
    for ent, rows in co.entities.groupby("entity"):
        if ent not in G:
            continue
        nd = G.nodes[ent]
        assert nd["spells"] == [bounds[str(p)] for p in rows["date"]]
        assert [v for v, _s, _e in nd["n_units"]] == rows["n_units"].tolist()
        assert nd["total_n_units"] == rows["n_units"].sum()
    # the dynamic edge weight attribute Gephi reads is there (networkx keeps the static one)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and '<attvalue for="weight"' in text


def test_dynamic_gexf_needs_time(tmp_path, corpus, gaz):
    co = gazetta.cooccurrence(corpus, gaz)
    with pytest.raises(ValueError, match="sliced by time"):
        co.write_gexf(tmp_path / "x.gexf", dynamic=True)
    with pytest.raises(ValueError, match="weight must be one of"):
        co.write_gexf(tmp_path / "x.gexf", weight="nope")
    assert not list(tmp_path.iterdir())


def test_dynamic_gexf_with_by_columns(tmp_path, corpus, gaz):
    co = gazetta.cooccurrence(corpus, gaz, by="source", time="date", freq="M")
    co.write_gexf(tmp_path / "all.gexf")  # the totals over the groups, as its description says
    assert "totals over the groups of by=['source']" in (tmp_path / "all.gexf").read_text(encoding="utf-8")
    co.write_gexf(tmp_path / "x.gexf", group="x")
    G_all = nx.read_gexf(tmp_path / "all.gexf")
    G_x = nx.read_gexf(tmp_path / "x.gexf")
    only_x = gazetta.cooccurrence(corpus[corpus["source"] == "x"], gaz, time="date", freq="M")
    assert {frozenset(e) for e in G_x.edges} == {frozenset(e) for e in zip(only_x.pairs["a"], only_x.pairs["b"])}
    assert G_all.number_of_edges() >= G_x.number_of_edges()


def test_graphml_round_trip(tmp_path, corpus, gaz):
    co = gazetta.cooccurrence(corpus, gaz, time="date", freq="M")
    path = tmp_path / "net.graphml"
    co.write_graphml(path, weight="jaccard")
    G = nx.read_graphml(path)
    H = _graph.rollup(co, ()).to_networkx(weight="jaccard")
    assert set(G.nodes) == set(H.nodes)
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in H.edges}
    for n, d in H.nodes(data=True):
        assert G.nodes[n]["name"] == d["name"] and G.nodes[n]["kind"] == d["kind"]
        assert G.nodes[n]["n_units"] == d["n_units"]
    for a, b, d in H.edges(data=True):
        g = G.edges[a, b]
        assert g["weight"] == pytest.approx(d["jaccard"])
        for k in MEASURE_COLS:
            assert _same(float(g[k]), float(d[k])), k


def test_graphml_nan_measures(tmp_path, gaz):
    """count="mentions" can give NaN measures (documented); they survive the round trip."""
    co = gazetta.cooccurrence(["Alphaland Alphaland Alphaland Betaland Betaland."], gaz, count="mentions")
    assert np.isnan(co.pairs["llr"]).any()
    co.write_graphml(tmp_path / "m.graphml")
    G = nx.read_graphml(tmp_path / "m.graphml")
    assert math.isnan(G.edges["A", "B"]["llr"])


def test_names_with_markup_characters(tmp_path):
    g = gazetta.Gazetteer().add("X&Y", "Ex <& Why>", kind='a"b').add("Z", "Zed")
    co = gazetta.cooccurrence(["Ex <& Why> and Zed."], g)
    co.write_gexf(tmp_path / "m.gexf")
    co.write_graphml(tmp_path / "m.graphml")
    assert nx.read_gexf(tmp_path / "m.gexf").nodes["X&Y"]["label"] == "Ex <& Why>"
    assert nx.read_graphml(tmp_path / "m.graphml").nodes["X&Y"]["kind"] == 'a"b'


def test_dynamic_gexf_totals_count_the_periods_left_out(tmp_path, gaz):
    """With min_count=2 a pair's periods below it have no spell but stayed in total_n_ab without
    a word (trial user: AE–BH total 15, the one period shown 13): the totals are the pair's
    real totals, n_ab_left_out says how many co-occurrences have no spell, and the file's
    description says so."""
    df = pd.DataFrame({"text": ["Alphaland and Betaland. Betaland, Alphaland.", "Alphaland and Betaland.",
                                "Gammaland."],
                       "date": ["2024-01-03", "2024-02-11", "2024-03-01"]})
    co = gazetta.cooccurrence(df, gaz, time="date", freq="M", min_count=2)
    path = tmp_path / "mc.gexf"
    co.write_gexf(path)
    G = nx.read_gexf(path)
    e = G.edges["A", "B"]
    assert e["spells"] == [("2024-01-01", "2024-01-31")] and [v for v, _s, _e in e["n_ab"]] == [2]
    assert e["total_n_ab"] == 3 and e["n_ab_left_out"] == 1
    text = path.read_text(encoding="utf-8")
    assert "every period counted" in text and "n_ab &lt; min_count=2" in text
    # min_weight leaves periods out the same way
    co1 = gazetta.cooccurrence(df, gaz, time="date", freq="M")
    co1.write_gexf(tmp_path / "mw.gexf", min_weight=2)
    assert nx.read_gexf(tmp_path / "mw.gexf").edges["A", "B"]["n_ab_left_out"] == 1
    # nothing left out: no such attribute
    co1.write_gexf(tmp_path / "all.gexf")
    assert "n_ab_left_out" not in (tmp_path / "all.gexf").read_text(encoding="utf-8")


def test_graphml_of_a_by_result_warns_and_says_what_it_holds(tmp_path, corpus, gaz):
    """write_graphml summed every by= group without a word (trial user, C9)."""
    co = gazetta.cooccurrence(corpus, gaz, by="source", dedupe="exact")
    with pytest.warns(UserWarning, match=r"write_graphml: this result is counted by=\['source'\]; the file holds "
                                         r"the totals over its 2 groups .* gazetta\.plot\.rollup\(co\)"):
        co.write_graphml(tmp_path / "all.graphml")
    text = (tmp_path / "all.graphml").read_text(encoding="utf-8")
    assert "<desc>" in text and "dedupe=exact" in text and "totals over the groups of by=['source']" in text
    assert nx.read_graphml(tmp_path / "all.graphml").number_of_edges() == len(_graph.rollup(co, ()).pairs)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        co.write_graphml(tmp_path / "x.graphml", group="x")  # one group, or the totals asked for
        _graph.rollup(co, ()).write_graphml(tmp_path / "t.graphml")
        gazetta.cooccurrence(corpus, gaz, time="date", freq="M").write_graphml(tmp_path / "m.graphml")
    assert "by=" not in (tmp_path / "x.graphml").read_text(encoding="utf-8")
