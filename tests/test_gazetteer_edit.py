"""Editing gazetteers: ``rename``, ``update``, ``drop``, ``subset``, ``merge`` / ``+`` and
``copy``. Every method returns a new gazetteer and leaves its input unchanged; the hierarchy
stays valid after each edit; source positions, ``strict`` and pickling are kept; the content
hash changes exactly when the content does."""

from __future__ import annotations

import itertools
import pickle
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazetta
from gazetta import GazetteerError
from gazetta.gazetteer import Alias, Gazetteer
from gazetta.gazetteers import countries


def raises(parts, fn, *args, exc=GazetteerError, **kwargs):
    """Runs fn, asserts ``exc`` whose message holds every part; returns it."""
    with pytest.raises(exc) as info:
        fn(*args, **kwargs)
    msg = str(info.value)
    for part in parts:
        assert part in msg, f"{part!r} not in {msg!r}"
    return info.value


def texts(g: Gazetteer, eid: str):
    return [a.text for a in g[eid].aliases]


def tree() -> Gazetteer:
    """US > US-GA > ATL, GE, a person under US; records 0..4."""
    return Gazetteer.from_records([
        {"id": "US", "name": "United States", "kind": "country", "aliases": ["USA", "American*"],
         "prior": 331e6, "not_after": ["Latin"]},
        {"id": "US-GA", "name": "Georgia", "kind": "state", "parent": "US", "prior": 10.7e6},
        {"id": "ATL", "name": "Atlanta", "kind": "city", "parent": "US-GA",
         "aliases": [{"text": "ATL", "case": "sensitive", "not_after": ["Flight"]}]},
        {"id": "GE", "name": "Georgia", "kind": "country", "not_before": ["Power", "Tech"]},
        {"id": "biden", "name": "Joe Biden", "kind": "person", "parent": "US"},
    ])


def unchanged(fn):
    """Runs an edit on a fresh tree and checks that the input did not change."""
    g = tree()
    before, h = g.to_records(), g.content_hash()
    out = fn(g)
    assert g.to_records() == before and g.content_hash() == h
    return out


def parent_of(g, eid):
    return g[eid].attrs.get("parent")


# --------------------------------------------------------------------------------------------
# copy
# --------------------------------------------------------------------------------------------
def test_copy_is_independent_and_equal():
    g = tree()
    c = g.copy()
    assert c == g and c is not g and c.content_hash() == g.content_hash()
    c.add("FR", "France")
    assert "FR" not in g and len(c) == len(g) + 1
    assert Gazetteer(strict=False).add("A", "Ay").copy().strict is False


# --------------------------------------------------------------------------------------------
# rename
# --------------------------------------------------------------------------------------------
def test_rename_name_keeps_old_name_as_alias_and_matches():
    h = unchanged(lambda g: g.rename(names={"US": "America"}))
    assert h["US"].name == "America"
    assert texts(h, "US") == ["America", "United States", "USA", "American*"]
    m = gazetta.Matcher(h)
    text = "The United States and America"
    assert [(text[x.start:x.end], x.entity) for x in m.find(text)] == [("United States", "US"), ("America", "US")]
    assert m.mentions([text])["name"].tolist() == ["America", "America"]


def test_rename_name_to_an_existing_alias_moves_it_first():
    h = tree().rename(names={"US": "USA"})
    assert texts(h, "US") == ["USA", "United States", "American*"]


def test_rename_id_updates_children_and_keeps_order_and_attrs():
    g = tree()
    h = g.rename(ids={"US": "USA"})
    assert h.ids == ["USA", "US-GA", "ATL", "GE", "biden"]
    assert parent_of(h, "US-GA") == "USA" and parent_of(h, "biden") == "USA"
    assert h.ancestors("ATL") == ["US-GA", "USA"] and h.children("USA") == ["US-GA", "biden"]
    assert h["USA"].attrs == g["US"].attrs and h["USA"].aliases == g["US"].aliases
    assert h.validate() is h
    assert h._engine_tables()["parents"] == g._engine_tables()["parents"]
    assert "US" in g and "US" not in h


def test_rename_ids_and_names_in_one_call_keyed_by_old_ids():
    h = tree().rename(ids={"US": "SU"}, names={"US": "Soviet Union"})
    assert h["SU"].name == "Soviet Union" and h.ancestors("biden") == ["SU"]


def test_rename_swap_ids():
    g = Gazetteer().add("A", "Ay").add("B", "Bee", parent="A").add("C", "See", parent="B")
    h = g.rename(ids={"A": "B", "B": "A"})
    assert h.ids == ["B", "A", "C"]
    assert [h[i].name for i in h.ids] == ["Ay", "Bee", "See"]
    assert parent_of(h, "A") == "B" and parent_of(h, "C") == "A"
    assert h.ancestors("C") == ["A", "B"]


def test_rename_with_functions():
    h = tree().rename(ids=lambda i: "x:" + i, names=str.upper)
    assert h.ids == ["x:US", "x:US-GA", "x:ATL", "x:GE", "x:biden"]
    assert h["x:GE"].name == "GEORGIA" and h.ancestors("x:ATL") == ["x:US-GA", "x:US"]


def test_rename_int_keys_and_values_are_ids():
    g = Gazetteer().add(1, "One").add(2, "Two", parent=1)
    h = g.rename(ids={1: 10})
    assert h.ids == ["10", "2"] and parent_of(h, "2") == "10"


def test_rename_noop_is_equal_with_the_same_hash():
    g = tree()
    for h in (g.rename(), g.rename(names={"US": "United States"}), g.rename(ids={"GE": "GE"}),
              g.rename(names=lambda n: n)):
        assert h == g and h.content_hash() == g.content_hash() and h is not g


def test_rename_errors():
    g = tree()
    raises(["'GE'", "cannot take the id 'US'", "entity 'US' (record 0) keeps that id", "(record 3)"],
           g.rename, ids={"GE": "US"})
    raises(["cannot take the id 'Z'", "also renamed to it"], g.rename, ids={"GE": "Z", "US": "Z"})
    raises(["no entity has the id 'XX'"], g.rename, ids={"XX": "YY"}, exc=KeyError)
    raises(["'Georgia' is the name of 'US-GA', 'GE'", "rename takes entity ids as keys"], g.rename,
           names={"Georgia": "Sakartvelo"}, exc=KeyError)
    raises(["entity 'GE' (rename()): missing or empty name"], g.rename, names={"GE": "  "})
    raises(["entity 'GE' (rename()): new id '': missing or empty entity id"], g.rename, ids={"GE": ""})
    raises(["entity 'GE' (rename()): new id 1.5: id must be a string"], g.rename, ids={"GE": 1.5})
    raises(["rename()", "is not usable as an alias"], g.rename, names={"GE": "***"})
    raises(["ids must be a mapping"], g.rename, ids=["GE"], exc=TypeError)


def test_rename_refs_follow_renamed_ids():
    g = Gazetteer().add("RU", "Russia").add("UA", "Ukraine").add(
        "SUHH", "Soviet Union", successor=["RU", "UA"], continued_by="RU", note="RU")
    h = g.rename(ids={"RU": "SU"}, refs=["successor", "continued_by"])
    assert h["SUHH"].attrs == {"successor": ["SU", "UA"], "continued_by": "SU", "note": "RU"}
    assert g.rename(ids={"RU": "SU"})["SUHH"].attrs == g["SUHH"].attrs
    assert g.rename(ids={"UA": "UKR"}, refs="continued_by")["SUHH"] == g["SUHH"]
    assert g.rename(refs="successor") == g
    for bad in ("name", "not_before", "prior", 3):
        raises(["refs must name attributes that hold entity ids"], g.rename, ids={"RU": "SU"}, refs=[bad],
               exc=ValueError)


def test_rename_refs_keep_fold_historical_working():
    from gazetta.gazetteers import fold_historical

    c = countries().rename(ids={"RU": "SU"}, refs=["continued_by", "successor"])
    folded = fold_historical(c)
    text = "Soviet and Russian envoys"
    assert [x.entity for x in gazetta.Matcher(folded).find(text)] == ["SU", "SU"]


def test_rename_keeps_provenance_for_later_errors():
    g = Gazetteer.from_records([{"id": "A", "name": "Ay", "parent": "NOPE"}, {"id": "B", "name": "Bee"}])
    h = g.rename(ids={"B": "C"}, names={"A": "Aye"})
    raises(["entity 'A' (record 0): unknown parent 'NOPE'"], h.validate)


# --------------------------------------------------------------------------------------------
# drop
# --------------------------------------------------------------------------------------------
def test_drop_by_id_kind_predicate():
    assert unchanged(lambda g: g.drop("GE")).ids == ["US", "US-GA", "ATL", "biden"]
    g = tree()
    assert g.drop(["GE", "biden"]).ids == ["US", "US-GA", "ATL"]
    assert g.drop(kind="person").ids == ["US", "US-GA", "ATL", "GE"]
    assert g.drop(kind=["person", "city"]).ids == ["US", "US-GA", "GE"]
    assert g.drop(predicate=lambda e: "not_before" in e.attrs).ids == ["US", "US-GA", "ATL", "biden"]
    # criteria combine: entities meeting all of them
    assert g.drop(kind="country", predicate=lambda e: e.name == "Georgia").ids == ["US", "US-GA", "ATL", "biden"]


def test_drop_parent_is_an_error_by_default_naming_the_child():
    g = tree()
    err = raises(["entity 'US-GA' (record 1) has parent 'US', which drop() removes",
                  "(2 kept entities have such a parent)", "children='drop'", "'lift'", "'orphan'"], g.drop, "US")
    assert err.entity == "US-GA" and err.row == 1


@pytest.mark.parametrize("how,ids,parents", [
    ("drop", ["ATL", "GE"], {}),
    ("lift", ["US", "ATL", "GE", "biden"], {"ATL": "US", "biden": None}),
    ("orphan", ["US", "ATL", "GE", "biden"], {"ATL": None, "biden": None}),
])
def test_drop_children_policies(how, ids, parents):
    g = tree()
    if how == "drop":
        h = g.drop("US-GA", children="drop")
        assert h.ids == ["US", "GE", "biden"]
        h = g.drop("US", children="drop")
        assert h.ids == ["GE"]
        return
    h = g.drop("US-GA", children=how)
    assert h.ids == ["US", "ATL", "GE", "biden"]
    assert parent_of(h, "ATL") == ("US" if how == "lift" else None)
    assert h.validate() is h
    h = g.drop(["US", "US-GA"], children=how)
    assert h.ids == ["ATL", "GE", "biden"]
    assert parent_of(h, "ATL") is None and parent_of(h, "biden") is None
    assert h.validate() is h


def test_drop_lift_over_several_levels_and_keeps_other_attrs():
    g = Gazetteer.from_records([{"id": str(i), "name": f"N{i}", "parent": str(i - 1) if i else None,
                                 "prior": float(i)} for i in range(5)])
    h = g.drop(["1", "2", "3"], children="lift")
    assert h.ids == ["0", "4"] and h["4"].attrs == {"parent": "0", "prior": 4.0}
    assert h.ancestors("4") == ["0"]


def test_drop_lift_keeps_an_unknown_grandparent_in_a_lenient_gazetteer():
    g = Gazetteer.from_records([{"id": "A", "name": "Ay", "parent": "NOPE"},
                                {"id": "B", "name": "Bee", "parent": "A"}], strict=False)
    h = g.drop("A", children="lift")
    assert h.strict is False and parent_of(h, "B") == "NOPE"
    with pytest.warns(UserWarning, match="'B' \\(parent 'NOPE', record 1\\)"):
        assert h.ancestors("B") == []


def test_drop_errors():
    g = tree()
    raises(["drop(): no entity has the id(s) 'XX'"], g.drop, ["GE", "XX"], exc=KeyError)
    raises(["no entity has kind 'nation'", "the kinds are 'city', 'country', 'person', 'state'"], g.drop,
           kind="nation", exc=ValueError)
    raises(["children must be one of 'error', 'drop', 'lift', 'orphan', not 'keep'"], g.drop, "GE",
           children="keep", exc=ValueError)
    raises(["drop() needs ids, kind or predicate"], g.drop, exc=ValueError)
    raises(["predicate must be a function"], g.drop, predicate="GE", exc=TypeError)


def test_drop_lift_in_a_cyclic_gazetteer_is_an_error_not_a_self_parent():
    g = Gazetteer().add("A", "Ay", parent="B").add("B", "Bee", parent="A")
    raises(["entity 'A' (drop()): parent 'A' is the entity itself"], g.drop, "B", children="lift")
    assert g.drop("B", children="orphan").validate().ids == ["A"]


def test_drop_and_subset_take_numpy_and_int_ids():
    import numpy as np

    g = Gazetteer().add(1, "One").add(2, "Two")
    assert g.drop(np.array([1])).ids == ["2"] and g.subset(ids=2).ids == ["2"]


def test_drop_everything_and_empty():
    g = tree()
    assert len(g.drop(predicate=lambda e: True)) == 0
    assert len(Gazetteer().drop(predicate=lambda e: True)) == 0


# --------------------------------------------------------------------------------------------
# subset
# --------------------------------------------------------------------------------------------
def test_subset_criteria_and_order():
    g = tree()
    assert unchanged(lambda g: g.subset(kind="country")).ids == ["US", "GE"]
    assert g.subset(ids=["GE", "US"]).ids == ["US", "GE"]  # gazetteer order
    assert g.subset(ids="GE").ids == ["GE"]
    assert g.subset(predicate=lambda e: e.kind != "person").ids == ["US", "US-GA", "ATL", "GE"]
    assert g.subset(kind=["country", "state"], predicate=lambda e: e.name == "Georgia").ids == ["US-GA", "GE"]
    assert g.subset() == g


def test_subset_parents_policies_keep_the_hierarchy_valid():
    g = tree()
    h = g.subset(kind=["city", "country"])
    assert h.ids == ["US", "ATL", "GE"] and h.ancestors("ATL") == ["US"] and h.validate() is h
    h = g.subset(ids="ATL", parents="include")
    assert h.ids == ["US", "US-GA", "ATL"] and h.ancestors("ATL") == ["US-GA", "US"]
    assert h["ATL"] == g["ATL"] and h["US"] == g["US"]  # untouched entities are the same
    h = g.subset(kind=["city", "country"], parents="orphan")
    assert parent_of(h, "ATL") is None and h.validate() is h
    raises(["entity 'ATL' (record 2) has parent 'US-GA', which subset() removes", "parents='lift'"],
           g.subset, kind=["city", "country"], parents="error")
    assert g.subset(kind="country", parents="error").ids == ["US", "GE"]
    raises(["parents must be one of 'lift', 'include', 'orphan', 'error'"], g.subset, kind="city",
           parents="drop", exc=ValueError)
    raises(["subset(): no entity has kind 'town'"], g.subset, kind="town", exc=ValueError)
    raises(["subset(): no entity has the id(s) 'X'"], g.subset, ids="X", exc=KeyError)


# --------------------------------------------------------------------------------------------
# update
# --------------------------------------------------------------------------------------------
def test_update_values_replace():
    h = unchanged(lambda g: g.update("GE", name="Sakartvelo", kind="nation", prior=3.7e6,
                                     not_before="Power", capital="Tbilisi"))
    e = h["GE"]
    assert (e.name, e.kind) == ("Sakartvelo", "nation")
    assert texts(h, "GE") == ["Sakartvelo", "Georgia"]
    assert e.attrs == {"not_before": ["Power"], "prior": 3.7e6, "capital": "Tbilisi"}
    assert h.ids == tree().ids


def test_update_aliases_replace_add_remove():
    g = tree()
    assert texts(g.update("US", aliases=["U.S."]), "US") == ["United States", "U.S."]
    assert texts(g.update("US", add_aliases="U.S."), "US") == ["United States", "USA", "American*", "U.S."]
    assert texts(g.update("US", remove_aliases=" American* "), "US") == ["United States", "USA"]
    h = g.update("US", add_aliases=[{"text": "US", "case": "sensitive"}], remove_aliases=["USA"])
    assert [a.to_record() for a in h["US"].aliases] == ["United States", "American*",
                                                        {"text": "US", "case": "sensitive"}]
    # a new name lets the old one go
    h = g.update("US-GA", name="State of Georgia", remove_aliases="Georgia")
    assert texts(h, "US-GA") == ["State of Georgia"]
    # alias rules given through update reach the matcher's tables
    h = Gazetteer().add("ZA", "South Africa").update("ZA", add_aliases=[{"text": "SA", "not_after": ["Telkom"]}])
    assert h._engine_tables()["alias_rules"] == [(1, [], ["Telkom"], [])]


def test_update_remove_attribute_and_parent():
    g = tree()
    h = g.update("ATL", parent=None, prior=None)
    assert "parent" not in h["ATL"].attrs and h.ancestors("ATL") == []
    h = g.update("ATL", parent="US")
    assert h.ancestors("ATL") == ["US"] and g.ancestors("ATL") == ["US-GA", "US"]
    assert g.update("GE", not_before=None)["GE"].attrs == {}


def test_update_noop_keeps_hash():
    g = tree()
    for h in (g.update("US"), g.update("US", name="United States", kind="country", prior=331e6),
              g.update("ATL", aliases=list(g["ATL"].aliases)), g.update("GE", nothing=None)):
        assert h == g and h.content_hash() == g.content_hash()


def test_update_errors():
    g = tree()
    raises(["'XX'"], g.update, "XX", prior=1, exc=KeyError)
    raises(["entity 'US' (update()): prior must be a non-negative finite number, not -1"], g.update, "US", prior=-1)
    raises(["entity 'US' (update()): parent 'US' is the entity itself"], g.update, "US", parent="US")
    raises(["entity 'US' (record 0): parent cycle 'US' -> 'biden' -> 'US'"], g.update, "US", parent="biden")
    raises(["cannot remove 'United States', the alias of the name"], g.update, "US",
           remove_aliases="United States")
    raises(["remove_aliases: 'U.S.' not an alias of the entity", "'USA'"], g.update, "US", remove_aliases="U.S.")
    raises(["remove_aliases: '***'"], g.update, "US", remove_aliases="***")
    raises(["remove_aliases: 3 is not a string"], g.update, "US", remove_aliases=[3])
    raises(["alias '!!'"], g.update, "US", add_aliases="!!")
    raises(["case is not an attribute"], g.update, "US", case="sensitive", exc=ValueError)
    raises(["entity 'US' (update()): missing or empty name"], g.update, "US", name="")


def test_update_unknown_parent_is_checked_when_used():
    h = tree().update("GE", parent="XX")
    raises(["entity 'GE' (record 3): unknown parent 'XX'"], h.validate)


# --------------------------------------------------------------------------------------------
# merge and +
# --------------------------------------------------------------------------------------------
def people() -> Gazetteer:
    return Gazetteer.from_records([{"id": "putin", "name": "Vladimir Putin", "kind": "person",
                                    "aliases": ["Putin"], "parent": "RU"}])


def test_plus_appends_new_ids_and_resolves_parents():
    g = Gazetteer().add("RU", "Russia", kind="country")
    both = g + people()
    assert both.ids == ["RU", "putin"] and both.ancestors("putin") == ["RU"]
    assert both.validate() is both and len(g) == 1
    assert (people() + g).ids == ["putin", "RU"]
    # equal entities are kept once
    assert (g + g) == g and (g + g).content_hash() == g.content_hash()
    assert (g + Gazetteer()) == g and (Gazetteer() + g) == g


def test_sum_merges_a_list():
    parts = [Gazetteer().add("A", "Ay"), Gazetteer().add("B", "Bee", parent="A"), Gazetteer().add("A", "Ay")]
    g = sum(parts, Gazetteer())
    assert g.ids == ["A", "B"] and g.ancestors("B") == ["A"]


def test_plus_refuses_non_gazetteers():
    with pytest.raises(TypeError):
        Gazetteer() + 1  # noqa: B018
    with pytest.raises(TypeError, match="can only merge a Gazetteer, not list"):
        Gazetteer().merge([])


def test_merge_conflict_errors_name_both_sources(tmp_path):
    left = tmp_path / "left.csv"
    left.write_text("id,name,kind,aliases,prior\nJP,Japan,country,Nippon,1\nRU,Russia,country,Russian*,2\n")
    a = Gazetteer.read_csv(left)
    b = Gazetteer().add("RU", "Russian Federation", kind="country")
    err = raises(["entity 'RU' is in both gazetteers with different name",
                  "(left: row 2 of left.csv, line 3, right: add())", "'Russia' vs 'Russian Federation'",
                  "pass on_conflict='left', 'right' or 'union'"], lambda: a + b)
    assert err.entity == "RU" and err.row == 2 and err.source == "left.csv"
    raises(["different kind", "'country' vs 'state'"], a.merge,
           Gazetteer().add("RU", "Russia", kind="state", aliases=["Russian*"], prior=2))
    raises(["different 'prior'", "2.0 vs 3.0"], a.merge,
           Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian*"], prior=3))
    raises(["different 'iso3'", "None vs 'RUS'"], a.merge,
           Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian*"], prior=2, iso3="RUS"))
    raises(["different aliases", "[] only in the left, ['Rossiya'] only in the right"], a.merge,
           Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian*", "Rossiya"], prior=2))
    raises(["different aliases", "the same aliases in another order"],
           lambda: Gazetteer().add("X", "Ex", aliases=["a1", "a2"]) + Gazetteer().add("X", "Ex", aliases=["a2", "a1"]))
    c = Gazetteer().add("JP", "Nippon-koku").add("RU", "Rossiya")
    raises(["entity 'JP'", "(1 more conflicting id(s): 'RU')"], a.merge, c)


def test_merge_left_right_union():
    a = Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian*"], prior=1,
                        not_before=["Open"]).add("JP", "Japan")
    b = Gazetteer().add("RU", "Russia", aliases=["Rossiya"], iso3="RUS", not_before=["Cup"]).add("KR", "Korea")
    assert a.merge(b, on_conflict="left")["RU"] == a["RU"]
    r = a.merge(b, on_conflict="right")
    assert r["RU"] == b["RU"] and r.ids == ["RU", "JP", "KR"]
    left = Gazetteer.from_records([{"id": "A", "name": "Ay"}, {"id": "B", "name": "Bee"}])
    right = Gazetteer().add("B", "Bee", parent="NOPE")
    raises(["entity 'B' (add()): unknown parent 'NOPE'"], left.merge(right, on_conflict="right").validate)
    raises(["entity 'B' (record 1): unknown parent 'NOPE'"], left.merge(right, on_conflict="union").validate)
    u = a.merge(b, on_conflict="union")
    assert u.ids == ["RU", "JP", "KR"]
    assert texts(u, "RU") == ["Russia", "Russian*", "Rossiya"] and u["RU"].kind == "country"
    assert u["RU"].attrs == {"prior": 1.0, "not_before": ["Open", "Cup"], "iso3": "RUS"}
    raises(["different 'prior'", "pass on_conflict='left' or 'right'"], a.merge,
           Gazetteer().add("RU", "Russia", prior=2), on_conflict="union")
    raises(["different name"], a.merge, Gazetteer().add("RU", "Rossiya"), on_conflict="union")
    raises(["different kind"], a.merge, Gazetteer().add("RU", "Russia", kind="state"), on_conflict="union")
    raises(["on_conflict must be one of 'error', 'left', 'right', 'union', not 'first'"], a.merge, b,
           on_conflict="first", exc=ValueError)


def test_merge_union_alias_override_conflict_is_an_error():
    a = Gazetteer().add("US", "United States", aliases=[{"text": "US", "case": "sensitive"}])
    b = Gazetteer().add("US", "United States", aliases=[{"text": "US", "case": "insensitive"}])
    raises(["entity 'US' (merge()): alias 'US' is listed twice with different case"], a.merge, b,
           on_conflict="union")


def test_merge_cycle_is_an_error_at_once():
    a = Gazetteer().add("A", "Ay", parent="B")
    b = Gazetteer().add("B", "Bee", parent="A")
    raises(["parent cycle 'A' -> 'B' -> 'A'"], lambda: a + b)


def test_merge_strict():
    lenient, strict = Gazetteer(strict=False).add("A", "Ay"), Gazetteer().add("B", "Bee")
    assert (strict + strict).strict is True
    assert (strict + lenient).strict is False and (lenient + strict).strict is False
    assert strict.merge(lenient, strict=True).strict is True
    raises(["strict must be True or False"], strict.merge, lenient, strict="yes", exc=ValueError)


def test_merge_keeps_alias_rules_for_the_matcher():
    a = Gazetteer().add("A", "Ay")
    b = Gazetteer().add("ZA", "South Africa", aliases=[{"text": "SA", "not_after": ["Telkom"]}])
    assert (a + b)._engine_tables()["alias_rules"] == [(2, [], ["Telkom"], [])]


# --------------------------------------------------------------------------------------------
# across edits: hierarchy, hash, pickling, provenance
# --------------------------------------------------------------------------------------------
EDITS = [
    ("copy", lambda g: g.copy()),
    ("rename id", lambda g: g.rename(ids={"US-GA": "GA"})),
    ("rename name", lambda g: g.rename(names={"ATL": "Hotlanta"})),
    ("update", lambda g: g.update("US", prior=1.0)),
    ("update noop", lambda g: g.update("US", prior=331e6)),
    ("drop lift", lambda g: g.drop("US-GA", children="lift")),
    ("drop drop", lambda g: g.drop("US-GA", children="drop")),
    ("subset", lambda g: g.subset(kind=["country", "city"])),
    ("subset all", lambda g: g.subset()),
    ("merge", lambda g: g + Gazetteer().add("FR", "France", parent="US")),
    ("merge same", lambda g: g + g.subset(ids="GE")),
    ("union", lambda g: g.merge(Gazetteer().add("GE", "Georgia", aliases=["Sakartvelo"]), on_conflict="union")),
]


@pytest.mark.parametrize("name,edit", EDITS, ids=[e[0] for e in EDITS])
def test_every_edit_keeps_hierarchy_hash_and_pickle(name, edit):
    g = tree()
    before = g.content_hash()
    h = edit(g)
    assert g.content_hash() == before and isinstance(h, Gazetteer) and h is not g
    # the hash changes exactly when the content does
    assert (h.content_hash() == before) == (h.to_records() == g.to_records()) == (h == g)
    # a valid hierarchy, the matcher's tables consistent with the entities' parents
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h.validate()
        parents = h._engine_tables()["parents"]
    ids = h.ids
    assert [ids[p] if p != -1 else None for p in parents] == [e.attrs.get("parent") for e in h]
    for e in h:
        assert set(h.ancestors(e.id)).isdisjoint({e.id})
    # pickles to an equal gazetteer with the same hash, strict and provenance
    p = pickle.loads(pickle.dumps(h))
    assert p == h and p.content_hash() == h.content_hash() and p.strict == h.strict
    assert [s.describe(pos) for s, pos in p._origin] == [s.describe(pos) for s, pos in h._origin]
    assert len(h._origin) == len(h) and h._index == {e.id: i for i, e in enumerate(h)}
    # and the result can still be built on with add
    h.add("ZZ", "Zed", parent=h.ids[0])
    assert "ZZ" not in g and h.ancestors("ZZ") == [h.ids[0]]


def test_edits_keep_the_matcher_working():
    g = tree()
    h = g.rename(ids={"US": "USA"}).drop("biden").update("GE", add_aliases=["Sakartvelo"])
    m = gazetta.Matcher(h)
    text = "Sakartvelo and the USA"
    assert [x.entity for x in m.find(text)] == ["GE", "USA"]


def test_entities_are_shared_not_copied_when_untouched():
    g = tree()
    h = g.update("GE", prior=1)
    assert h["US"] is g["US"] and h["GE"] is not g["GE"]


# --------------------------------------------------------------------------------------------
# the built-in countries, one line each
# --------------------------------------------------------------------------------------------
def test_countries_one_liners():
    c = countries()
    sov = countries(historical="fold").rename(names={"RU": "Soviet Union"})
    text = "Soviet and Russian envoys left the USSR."
    assert [(text[x.start:x.end], x.entity) for x in gazetta.Matcher(sov).find(text)] == [
        ("Soviet", "RU"), ("Russian", "RU"), ("USSR", "RU")]
    assert set(gazetta.Matcher(sov).mentions([text])["name"]) == {"Soviet Union"}
    only = c.subset(kind="country")
    assert {e.kind for e in only} == {"country"} and "US-GA" not in only and only.validate() is only
    assert only.ancestors("GB-SCT") == ["GB"]
    both = c + people()
    assert both.ancestors("putin") == ["RU"] and len(both) == len(c) + 1
    raises(["entity 'GB-ENG'", "has parent 'GB', which drop() removes"], c.drop, "GB")
    assert c.drop("GB", children="drop").ids == [i for i in c.ids if not i.startswith("GB")]
    h = c.rename(ids={"GB": "UK"})
    assert h.children("UK") == c.children("GB")
    assert c.update("RU", remove_aliases="Russian Federation")["RU"].aliases == tuple(
        a for a in c["RU"].aliases if a.text != "Russian Federation")
    assert isinstance(c["RU"].aliases[0], Alias)


# --------------------------------------------------------------------------------------------
# properties on random forests, against the input's own ancestors()
# --------------------------------------------------------------------------------------------


@st.composite
def forests(draw):
    n = draw(st.integers(1, 12))
    parents = [draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None for i in range(n)]
    order = draw(st.permutations(range(n)))  # parents may come after their children
    recs = [{"id": f"e{i}", "name": f"N{i}", "kind": draw(st.sampled_from(["a", "b"])),
             "parent": None if parents[i] is None else f"e{parents[i]}"} for i in order]
    gone = draw(st.sets(st.sampled_from([r["id"] for r in recs])))
    return Gazetteer.from_records(recs), gone


@settings(max_examples=150, deadline=None)
@given(forests())
def test_drop_and_subset_policies_match_the_ancestors(case):
    g, gone = case
    kept = [i for i in g.ids if i not in gone]
    if not gone:
        return
    lift = g.drop(gone, children="lift")
    orphan = g.drop(gone, children="orphan")
    assert lift.ids == orphan.ids == kept
    for i in kept:
        up = [a for a in g.ancestors(i) if a not in gone]
        assert lift.ancestors(i) == up  # the nearest kept ancestors, in order
        assert orphan.ancestors(i) == list(itertools.takewhile(lambda a: a not in gone, g.ancestors(i)))
        assert lift[i].aliases == g[i].aliases and lift[i].name == g[i].name
    dropped = g.drop(gone, children="drop")
    assert dropped.ids == [i for i in kept if not set(g.ancestors(i)) & gone]
    assert g.subset(ids=kept, parents="lift") == lift
    incl = g.subset(ids=kept, parents="include") if kept else g.subset(ids=[], parents="include")
    need = set(kept) | {a for i in kept for a in g.ancestors(i)}
    assert incl.ids == [i for i in g.ids if i in need]
    for i in incl.ids:
        assert incl.ancestors(i) == g.ancestors(i)
    if any(g[i].attrs.get("parent") in gone for i in kept):
        with pytest.raises(GazetteerError):
            g.drop(gone)
    else:
        assert g.drop(gone) == lift
    for h in (lift, orphan, dropped, incl):
        h.validate()


@settings(max_examples=100, deadline=None)
@given(forests(), st.randoms(use_true_random=False))
def test_rename_ids_equals_building_the_renamed_records(case, rnd):
    g, _gone = case
    ids = g.ids
    new = list(ids)
    rnd.shuffle(new)  # a permutation of the ids: swaps and cycles of renames
    mapping = {a: b + "x" if rnd.random() < 0.3 else b for a, b in zip(ids, new)}
    if len(set(mapping.values())) < len(mapping):
        return
    h = g.rename(ids=mapping)
    recs = g.to_records()
    for r in recs:
        r["id"] = mapping[r["id"]]
        if "parent" in r:
            r["parent"] = mapping[r["parent"]]
    assert h == Gazetteer.from_records(recs)
    for a in ids:
        assert h.ancestors(mapping[a]) == [mapping[x] for x in g.ancestors(a)]
