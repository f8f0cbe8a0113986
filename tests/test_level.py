"""Levels (``level=``, ``docs/resolution.md``): every mention mapped to its nearest
ancestor-or-self entity of a kind before counting.

``mentions(level=...)`` is checked against a map written here by walking the entities'
``parent`` attributes; ``cooccurrence(level=...)`` against the reference counter
(``tests/reference_cooc.py``) run on the mention rows mapped with that same map (rows without
an entity of the kind dropped and counted, rows of one span mapped to the same entity counted
once).
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Tuple

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazetta
import reference_cooc as R
from conftest import reference_for

FEW = settings(max_examples=max(10, int(os.environ.get("GAZETTA_EXAMPLES", "150")) // 5), deadline=None,
               suppress_health_check=[HealthCheck.too_slow])


def world() -> gazetta.Gazetteer:
    """Countries, states, cities (two Parises, two Georgias) and a person without a parent."""
    return (gazetta.Gazetteer()
            .add("US", "United States", kind="country", aliases=["U.S."], prior=330e6)
            .add("FR", "France", kind="country", prior=68e6)
            .add("GE", "Georgia", kind="country", prior=3.7e6)
            .add("RU", "Russia", kind="country", aliases=["Russian*"])
            .add("US-TX", "Texas", kind="state", parent="US")
            .add("US-GA", "Georgia", kind="state", parent="US", prior=10.7e6, aliases=["GA"])
            .add("PAR-FR", "Paris", kind="city", parent="FR", prior=2.1e6)
            .add("PAR-TX", "Paris", kind="city", parent="US-TX", prior=25e3)
            .add("ATL", "Atlanta", kind="city", parent="US-GA")
            .add("MOW", "Moscow", kind="city", parent="RU", not_before=["Idaho"])
            .add("X", "Xland", kind="city")
            .add("P1", "Lavrov", kind="person"))


def level_map(g: gazetta.Gazetteer, kind: str) -> Dict[str, Optional[str]]:
    """Entity id -> its nearest ancestor-or-self of ``kind`` (None: none), by walking parents."""
    by_id = {e.id: e for e in g}
    out: Dict[str, Optional[str]] = {}
    for e in g:
        x: Any = e
        while x is not None and x.kind != kind:
            p = x.attrs.get("parent")
            x = by_id[p] if p is not None else None
        out[e.id] = x.id if x is not None else None
    return out


# --------------------------------------------------------------------------------------------
# mentions(level=...)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["country", "state", "city", "person"])
def test_mentions_level_columns(kind: str) -> None:
    """``mentions(level=KIND)`` adds ``level_entity`` and ``level_name``: the nearest
    ancestor-or-self of that kind (Atlanta -> US at "country", -> US-GA at "state"); missing
    where there is none. The other columns are those without ``level``."""
    g = world()
    m = gazetta.Matcher(g)
    docs = ["Paris, Texas and Atlanta", "Moscow and Xland", None, "Lavrov in Paris", "GA, Georgia, U.S."]
    plain = m.mentions(docs)
    df = m.mentions(docs, level=kind)
    assert list(df.columns) == list(plain.columns) + ["level_entity", "level_name"]
    pd.testing.assert_frame_equal(df[list(plain.columns)], plain)
    want = level_map(g, kind)
    names = {e.id: e.name for e in g}
    got = [(None if pd.isna(a) else a, None if pd.isna(b) else b) for a, b in zip(df["level_entity"], df["level_name"])]
    assert got == [(want[e], names[want[e]] if want[e] else None) for e in df["entity"]]
    for c in ("level_entity", "level_name"):
        assert isinstance(df[c].dtype, pd.CategoricalDtype)


def test_mentions_level_examples() -> None:
    """Moscow -> RU, Atlanta -> US; Xland (a city without a parent) has no country."""
    df = gazetta.Matcher(world()).mentions(["Moscow, Atlanta and Xland"], level="country")
    assert [None if pd.isna(x) else x for x in df["level_entity"]] == ["RU", "US", None]
    assert [None if pd.isna(x) else x for x in df["level_name"]] == ["Russia", "United States", None]


def test_level_without_the_option_adds_nothing() -> None:
    df = gazetta.Matcher(world()).mentions(["Moscow"])
    assert "level_entity" not in df.columns and "level_name" not in df.columns


@pytest.mark.parametrize("call", ["mentions", "cooccurrence"])
def test_bad_level_is_a_value_error_listing_kinds(call: str) -> None:
    """A level that no entity has is a ValueError naming it and listing the kinds."""
    m = gazetta.Matcher(world())
    with pytest.raises(ValueError) as info:
        if call == "mentions":
            m.mentions(["Moscow"], level="nation")
        else:
            gazetta.cooccurrence(["Moscow and Paris"], m, level="nation", progress=False)
    msg = str(info.value)
    assert "'nation'" in msg
    for k in ("city", "country", "person", "state"):
        assert repr(k) in msg


def test_level_must_be_a_str() -> None:
    with pytest.raises(TypeError):
        gazetta.Matcher(world()).mentions(["Moscow"], level=3)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# cooccurrence(level=...)
# --------------------------------------------------------------------------------------------
def _pairs(co: "gazetta.Cooccurrence") -> List[Tuple[Any, ...]]:
    return [(r.a, r.b, r.n_ab, r.n_a, r.n_b, r.n) for r in co.pairs.itertuples(index=False)]


def _expected_pairs(ref: R.RefCounts, mode: str) -> List[Tuple[Any, ...]]:
    return [row[1:] for row in R.expected_pairs(ref, mode)]


def check_level(docs: List[Optional[str]], g: gazetta.Gazetteer, mopts: Dict[str, Any], kw: Dict[str, Any],
                kind: str = "country") -> "gazetta.Cooccurrence":
    """cooccurrence(level=kind) against the reference counter on the hand-mapped rows."""
    m = gazetta.Matcher(g, **mopts)
    co = gazetta.cooccurrence(docs, m, level=kind, progress=False, **kw)
    ref = R.count(docs, m, level=level_map(g, kind), **kw)
    mode = "window" if kw.get("window") is not None else kw.get("count", "units")
    assert _pairs(co) == _expected_pairs(ref, mode)
    got_e = {((), r.entity): [r.n_units, r.n_mentions, r.n_docs] for r in co.entities.itertuples(index=False)}
    assert got_e == ref.entities
    g_row = co.groups.iloc[0] if len(co.groups) else None
    if g_row is not None:
        assert int(g_row["n_mentions"]) == ref.groups[()]["n_mentions"]
        assert int(g_row["n"]) == ref.n[()]
    assert co.meta["level"] == kind
    assert co.meta["dropped_by_level"] == ref.dropped_by_level
    oracle = reference_for(g, **mopts)
    removed = [oracle.run(t)[1:] for t in docs]
    assert co.meta["removed_by_rules"] == sum(r[0] for r in removed)
    assert co.meta["removed_by_runs"] == sum(r[1] for r in removed)
    return co


def test_roll_up_by_hand() -> None:
    """Moscow and Russia are both RU: no pair between them (never an entity with itself), one
    unit, two mentions; Xland has no country and is dropped (counted); "Paris, Texas" pairs US
    with RU."""
    docs = ["Moscow and Russia. Xland.", "Paris, Texas. Moscow."]
    co = check_level(docs, world(), {}, {"unit": "document"})
    assert _pairs(co) == [("RU", "US", 1, 2, 1, 2)]
    ents = {r.entity: (r.n_units, r.n_mentions) for r in co.entities.itertuples(index=False)}
    assert ents == {"RU": (2, 3), "US": (1, 2)}
    assert co.meta["dropped_by_level"] == 1


def test_one_span_mapped_to_one_entity_counts_once() -> None:
    """Two candidates of one ambiguous span that map to the same entity are one mention: both
    Springfields are in the US, so the undecided span is one US mention."""
    g = (gazetta.Gazetteer().add("US", "United States", kind="country")
         .add("S1", "Springfield", kind="city", parent="US").add("S2", "Springfield", kind="city", parent="US")
         .add("FR", "France", kind="country"))
    for count, n in (("units", 1), ("mentions", 2)):
        co = check_level(["Springfield and France"], g, {"ambiguous": "all"}, {"unit": "document", "count": count})
        assert _pairs(co) == [("FR", "US", 1, 1, 1, n)]
    df = gazetta.Matcher(g, ambiguous="all").mentions(["Springfield and France"], level="country")
    assert df["level_entity"].tolist() == ["US", "US", "FR"]  # mentions() keeps the rows


def test_settled_by_level_in_meta() -> None:
    """A span left undecided among places that all roll up to one entity of the level is
    counted once there, unflagged, and counted in ``meta["settled_by_level"]``, so the roll-up
    hides no guess; a span whose candidates roll up to several entities stays ambiguous."""
    g = (gazetta.Gazetteer().add("US", "United States", kind="country").add("GB", "United Kingdom", kind="country")
         .add("W1", "Westminster", kind="city", parent="US").add("W2", "Westminster", kind="city", parent="US")
         .add("P1", "Paris", kind="city", parent="US").add("FR", "France", kind="country")
         .add("P2", "Paris", kind="city", parent="FR"))
    docs = ["Westminster said no.", "Paris said yes. Westminster again."]
    m = gazetta.Matcher(g, ambiguous="all")
    plain = gazetta.cooccurrence(docs, m, unit="sentence")
    assert (plain.meta["ambiguous_spans"], plain.meta["settled_by_level"]) == (3, 0)
    co = gazetta.cooccurrence(docs, m, unit="sentence", level="country")
    assert (co.meta["ambiguous_spans"], co.meta["settled_by_level"]) == (1, 2)
    assert co.entities.set_index("entity")["n_mentions"].to_dict()["US"] == 3


def test_dropped_by_level_in_meta() -> None:
    """Mentions without an ancestor-or-self of the kind are dropped from the counts and counted
    in ``meta["dropped_by_level"]``; removals by rules and runs are in the meta too."""
    docs = ["Xland and Lavrov", "Moscow Idaho and Xland", "Georgia Power and Bank of America"]
    co = check_level(docs, world(), {"capitalized_runs": "skip"}, {"unit": "sentence"})
    assert co.meta["dropped_by_level"] == 3
    assert co.meta["removed_by_rules"] == 1
    assert co.meta["removed_by_runs"] == 2  # "Georgia Power": two candidates; "America" is no alias here
    co = check_level(["Georgia Power and U.S. and Georgia Tech"], world(), {"capitalized_runs": "skip"},
                     {"unit": "sentence"})
    assert co.meta["removed_by_runs"] == 4


PIECES = ["Paris", "Texas", "Paris, Texas", "Atlanta", "Georgia", "GA", "U.S.", "United States", "France",
          "Moscow", "Moscow Idaho", "Russian", "Russians", "Xland", "Lavrov", "Georgia Power", "Bank of Russia",
          "the", "said", "President of France", "Russian Foreign Minister Lavrov", "Georgia Stevens"]
SEPS = [" ", " ", ", ", ". ", ".\n", "\n\n", " and ", "-"]
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPS)), max_size=10).map(
    lambda x: "".join(p + s for p, s in x))
CORPORA = st.lists(st.one_of(TEXTS, TEXTS, TEXTS, st.just(""), st.none()), max_size=6)
MOPTS = st.fixed_dictionaries({"ambiguous": st.sampled_from(["resolve", "all", "skip"]),
                               "overlaps": st.sampled_from(["longest", "all"]),
                               "capitalized_runs": st.sampled_from(["keep", "skip", "companies"])})
MODES = st.fixed_dictionaries({"unit": st.sampled_from(["document", "paragraph", "sentence"]),
                               "count": st.sampled_from(["units", "mentions"]),
                               "window": st.sampled_from([None, None, 0, 2])})


@FEW
@given(CORPORA, MOPTS, MODES, st.sampled_from(["country", "state", "city"]))
def test_level_counts_equal_reference(docs: List[Optional[str]], mopts: Dict[str, Any], kw: Dict[str, Any],
                                      kind: str) -> None:
    """``cooccurrence(level=...)`` equals the reference counter run on the mention rows mapped
    by hand, for every matcher option and counting mode."""
    check_level(docs, world(), mopts, kw, kind)


def test_an_undecided_name_rolled_up_makes_no_pair() -> None:
    """The rows of an undecided name never pair, also once rolled up: "Paris and Paris." left
    ambiguous between Paris, France and Paris, Texas gives FR and US twice, and no FR-US pair
    (the name is the candidate set, taken before the roll-up)."""
    g = world()
    for count in ("units", "mentions"):
        co = check_level(["Paris and Paris."], g, {"ambiguous": "all"}, {"unit": "sentence", "count": count})
        assert _pairs(co) == []
        assert sorted(co.entities["entity"]) == ["FR", "US"]
    co = check_level(["Paris and Texas."], g, {"ambiguous": "all"}, {"unit": "sentence", "count": "units"})
    assert _pairs(co) == [("FR", "US", 1, 1, 1, 1)]
