"""Kind filters that cannot be misread (issue 19 item 3): ``kinds=`` is a kind or a *set* of
kinds (both ends of a pair in it); ``between=(K1, K2)`` keeps the pairs with one end of each
and puts the K1 end first (``a``, ``name_a``, ``kind_a``, ``n_a``). The tuple forms that used
to mean a set, or a pair, are errors that point to the other spelling."""

from __future__ import annotations

import pickle
from typing import Any, List, Tuple

import numpy as np
import pandas as pd
import pytest

import gazetta

DOCS = [
    "Kim Jong Un met Putin in Russia. Japan protested; Putin and Japan talked.",
    "Putin visited Japan and Georgia. Kim Jong Un stayed home.",
    "Russia and Japan. Georgia and Russia. Kim Jong Un, Japan, Russia.",
    "Tbilisi: Georgia said Putin was wrong. Kim Jong Un and Georgia.",
    "Nothing here.",
    "Japan and Russia again, with Putin and Kim Jong Un.",
]


def gaz() -> gazetta.Gazetteer:
    # ids chosen so that the person sorts before some countries and after others
    return (gazetta.Gazetteer()
            .add("kim", "Kim Jong Un", kind="person")
            .add("Putin", "Vladimir Putin", kind="person", aliases=["Putin"])
            .add("GE", "Georgia", kind="country")
            .add("JP", "Japan", kind="country")
            .add("RU", "Russia", kind="country")
            .add("TB", "Tbilisi", kind="city"))


@pytest.fixture(scope="module")
def m() -> gazetta.Matcher:
    return gazetta.Matcher(gaz())


def frame() -> pd.DataFrame:
    return pd.DataFrame({"text": DOCS, "src": ["x", "y", "x", "y", "x", "y"],
                         "date": ["2024-01-02", "2024-01-20", "2024-02-03", "2024-02-11", "2024-03-01", "2024-03-05"]})


def cooc(corpus: Any, m: Any, **kw: Any) -> gazetta.Cooccurrence:
    return gazetta.cooccurrence(corpus, m, progress=False, **kw)


# --------------------------------------------------------------------------------------------
# kinds= reads one way only
@pytest.mark.parametrize("kinds", [("person", "country"), ["person", "country"], ("country", "country")])
def test_two_kinds_in_a_tuple_or_list_are_refused(m, kinds) -> None:
    with pytest.raises(ValueError, match=r"between=\(") as e:
        cooc(DOCS, m, kinds=kinds)
    msg = str(e.value)
    assert "ambiguous" in msg and "kinds={" in msg  # both readings, each with its spelling


@pytest.mark.parametrize("kinds", [({"person"}, {"country"}), ({"person"}, "country"), ("person", {"country"}),
                                   [{"person"}, {"country", "city"}]])
def test_pair_of_kind_sets_is_refused(m, kinds) -> None:
    with pytest.raises(ValueError, match=r"between="):
        cooc(DOCS, m, kinds=kinds)


@pytest.mark.parametrize("kinds, allowed", [
    ("country", {"country"}),
    ({"country"}, {"country"}),
    ({"person", "country"}, {"person", "country"}),
    (frozenset({"country", "city"}), {"country", "city"}),
    (["country", "city", "person"], {"country", "city", "person"}),  # three kinds: no pair reading
    (("country",), {"country"}),
])
def test_kinds_is_a_set(m, kinds, allowed) -> None:
    full = cooc(DOCS, m, unit="document")
    got = cooc(DOCS, m, unit="document", kinds=kinds)
    keep = [x in allowed and y in allowed for x, y in zip(full.pairs["kind_a"], full.pairs["kind_b"])]
    assert got.pairs.equals(full.pairs[np.array(keep, dtype=bool)].reset_index(drop=True))
    assert got.meta["kinds"] == sorted(allowed) and got.meta["between"] is None


def test_kinds_errors(m) -> None:
    with pytest.raises(TypeError, match="kinds must be a kind .* or a set of kinds"):
        cooc(DOCS, m, kinds=3)
    with pytest.raises(ValueError, match="empty"):
        cooc(DOCS, m, kinds=set())
    with pytest.raises(ValueError, match=r"unknown kind 'countries'.*'city', 'country', 'person'"):
        cooc(DOCS, m, kinds="countries")


# --------------------------------------------------------------------------------------------
# between=
def _oriented(full: pd.DataFrame, k1: set, k2: set) -> List[Tuple[Any, ...]]:
    """The expected rows of between=(k1, k2), from the unfiltered table: the k1 end first."""
    rows = []
    for r in full.itertuples(index=False):
        if r.kind_a in k1 and r.kind_b in k2:
            rows.append((r.a, r.b, r.kind_a, r.kind_b, r.n_ab, r.n_a, r.n_b, r.n, r.npmi))
        elif r.kind_b in k1 and r.kind_a in k2:
            rows.append((r.b, r.a, r.kind_b, r.kind_a, r.n_ab, r.n_b, r.n_a, r.n, r.npmi))
    return sorted(rows, key=lambda t: (-t[4], t[0], t[1]))


@pytest.mark.parametrize("unit", ["document", "sentence"])
@pytest.mark.parametrize("between, k1, k2", [
    (("person", "country"), {"person"}, {"country"}),
    (("country", "person"), {"country"}, {"person"}),
    (({"person"}, {"country", "city"}), {"person"}, {"country", "city"}),
    (("city", "country"), {"city"}, {"country"}),
])
def test_between_orients_pairs(m, unit, between, k1, k2) -> None:
    full = cooc(DOCS, m, unit=unit)
    got = cooc(DOCS, m, unit=unit, between=between)
    want = _oriented(full.pairs, k1, k2)
    assert want, "the case must keep some pairs"
    cols = ["a", "b", "kind_a", "kind_b", "n_ab", "n_a", "n_b", "n", "npmi"]
    assert list(got.pairs[cols].itertuples(index=False, name=None)) == want
    assert set(got.pairs["kind_a"]) <= k1 and set(got.pairs["kind_b"]) <= k2
    # n_a / n_b follow the entity: the units of a and of b
    units = dict(zip(got.entities["entity"], got.entities["n_units"]))
    assert all(units[a] == na and units[b] == nb for a, b, na, nb in got.pairs[["a", "b", "n_a", "n_b"]].itertuples(
        index=False, name=None))
    names = dict(zip(got.entities["entity"], got.entities["name"]))
    assert [names[a] for a in got.pairs["a"]] == got.pairs["name_a"].tolist()
    assert got.meta["between"] == [sorted(k1), sorted(k2)] and got.meta["kinds"] is None
    # the counts kept for merging stay in id order
    assert (got._all_pairs["a"] < got._all_pairs["b"]).all()


def test_between_same_kind_keeps_id_order(m) -> None:
    full = cooc(DOCS, m, unit="document")
    got = cooc(DOCS, m, unit="document", between=("country", "country"))
    want = full.pairs[(full.pairs["kind_a"] == "country") & (full.pairs["kind_b"] == "country")]
    assert got.pairs.equals(want.reset_index(drop=True))
    # overlapping sides: a pair valid both ways stays in id order, the others are turned
    got = cooc(DOCS, m, unit="document", between=({"country", "person"}, "country"))
    for r in got.pairs.itertuples(index=False):
        assert r.kind_b == "country"
        if r.kind_a == "country":
            assert r.a < r.b


@pytest.mark.parametrize("between, err, msg", [
    ("person", TypeError, r"between must be a pair \(K1, K2\)"),
    (("person",), TypeError, r"between must be a pair"),
    (("person", "country", "city"), TypeError, r"between must be a pair"),
    ({"person", "country"}, TypeError, r"between must be a pair"),
    (("person", 3), TypeError, r"between"),
    (("person", set()), ValueError, "empty"),
    (("persons", "country"), ValueError, r"unknown kind 'persons'"),
])
def test_between_errors(m, between, err, msg) -> None:
    with pytest.raises(err, match=msg):
        cooc(DOCS, m, between=between)


def test_kinds_and_between_together_are_refused(m) -> None:
    with pytest.raises(ValueError, match="kinds= or between="):
        cooc(DOCS, m, kinds="country", between=("person", "country"))


def test_between_with_groups_merge_rollup_and_pickle(m) -> None:
    df = frame()
    kw = dict(unit="sentence", by="src", time="date", freq="M", between=("person", "country"))
    whole = cooc(df, m, **kw)
    assert len(whole.pairs) and set(whole.pairs["kind_a"]) == {"person"}
    merged = cooc(df.iloc[:3], m, **kw).merge(cooc(df.iloc[3:].reset_index(drop=True), m, **kw))
    pd.testing.assert_frame_equal(whole.pairs, merged.pairs)
    again = pickle.loads(pickle.dumps(whole))
    pd.testing.assert_frame_equal(whole.pairs, again.pairs)
    from gazetta._graph import rollup

    total = rollup(whole, ())
    direct = cooc(df, m, unit="sentence", between=("person", "country"))
    pd.testing.assert_frame_equal(total.pairs, direct.pairs)
    # backbone / significant keep the orientation
    assert set(whole.significant(p=1.0, direction="both").pairs["kind_a"]) <= {"person"}


def test_between_evidence_follows_the_orientation(m) -> None:
    for kw in ({}, {"keep_evidence": 5}):
        co = cooc(DOCS, m, between=("country", "person"), **kw)
        r = co.pairs.iloc[0]
        ev = co.evidence(r["a"], r["b"])
        assert len(ev) == r["n_ab"]
        for e in ev.itertuples(index=False):
            (s, t), = e.spans_a[:1]
            assert e.text[s:t] in ("Russia", "Japan", "Georgia")


def test_matrix_and_networkx_of_between(m) -> None:
    co = cooc(DOCS, m, between=("person", "country"))
    mat, labels = co.matrix()
    assert (mat != mat.T).nnz == 0
    G = co.to_networkx()
    assert G.number_of_edges() == len(co.pairs)


def test_dask_accepts_between(m) -> None:
    dd = pytest.importorskip("dask.dataframe")
    dask = pytest.importorskip("dask")
    import gazetta.dask as gd

    df = frame()
    local = cooc(df, m, unit="sentence", between=("person", "country"))
    with dask.config.set(scheduler="sync"):
        dist = gd.cooccurrence(dd.from_pandas(df, npartitions=3), m, unit="sentence", between=("person", "country"))
    pd.testing.assert_frame_equal(local.pairs, dist.pairs)
    with pytest.raises(ValueError, match="between="):
        with dask.config.set(scheduler="sync"):
            gd.cooccurrence(dd.from_pandas(df, npartitions=2), m, kinds=("person", "country"))


def test_cli_kinds_with_a_colon_is_between(tmp_path) -> None:
    from gazetta.cli import main

    src = tmp_path / "docs.jsonl"
    pd.DataFrame({"text": DOCS}).to_json(src, orient="records", lines=True)
    g = tmp_path / "g.csv"
    gaz().to_csv(g)
    out = tmp_path / "p.csv"
    assert main(["cooccur", str(src), "-g", str(g), "-q", "-o", str(out), "--kinds", "country:person"]) == 0
    got = pd.read_csv(out)
    assert len(got) and set(got["kind_a"]) == {"country"} and set(got["kind_b"]) == {"person"}
