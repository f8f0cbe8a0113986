"""The attributes with a meaning to the matcher: ``parent`` (hierarchy, checked lazily with
``strict``), ``prior``, the context rules ``not_before`` / ``not_after`` (entity attributes and
alias record fields), their round trips, and the internal tables the Matcher reads
(``Gazetteer._engine_tables``, ``Gazetteer._level_index``)."""

from __future__ import annotations

import math
import pickle
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetta import GazetteerError
from gazetta.gazetteer import Alias, Gazetteer


def raises(match_parts, fn, *args, **kwargs) -> GazetteerError:
    """Runs fn, asserts a GazetteerError whose message holds every part; returns it."""
    with pytest.raises(GazetteerError) as info:
        fn(*args, **kwargs)
    msg = str(info.value)
    for part in match_parts:
        assert part in msg, f"{part!r} not in {msg!r}"
    return info.value


def no_warning(fn, *args, **kwargs):
    """Runs fn and fails on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return fn(*args, **kwargs)


def same_tables(a: dict, b: dict) -> bool:
    """_engine_tables results equal (NaN priors equal to each other)."""
    nan_free = [[-1.0 if math.isnan(x) else x for x in t["priors"]] for t in (a, b)]
    return nan_free[0] == nan_free[1] and all(a[k] == b[k] for k in ("parents", "entity_rules", "alias_rules"))


def _usa() -> Gazetteer:
    """Cities before their parents, a second country, kinds on three levels."""
    return Gazetteer.from_records([
        {"id": "ATL", "name": "Atlanta", "kind": "city", "parent": "US-GA"},
        {"id": "SAV", "name": "Savannah", "kind": "city", "parent": "US-GA"},
        {"id": "US-GA", "name": "Georgia", "kind": "state", "parent": "US"},
        {"id": "US", "name": "United States", "kind": "country", "aliases": ["USA"]},
        {"id": "GE", "name": "Georgia", "kind": "country"},
        {"id": "TBS", "name": "Tbilisi", "kind": "city", "parent": "GE"},
        {"id": "US-AL", "name": "Alabama", "kind": "state", "parent": "US"},
    ])


# --------------------------------------------------------------------------------------------
# parent: values
# --------------------------------------------------------------------------------------------
def test_parent_is_a_stripped_string_and_ints_become_strings():
    g = Gazetteer().add("A", "Ay", parent=" B ").add(5, "Five", parent=3).add(3, "Three", parent=np.int64(7))
    g.add(7, "Seven")
    assert [e.attrs.get("parent") for e in g] == ["B", "3", "7", None]
    df = pd.DataFrame({"id": [1, 2], "name": ["One", "Two"], "parent": [2.0, np.nan]})  # float: int + NaN
    assert [e.attrs for e in Gazetteer.from_dataframe(df)] == [{"parent": "2"}, {}]


@pytest.mark.parametrize("empty", ["", "   ", None, float("nan")])
def test_empty_parent_is_no_parent(empty):
    assert Gazetteer().add("A", "Ay", parent=empty)["A"].attrs == {}


@pytest.mark.parametrize("bad", [True, 1.5, ["B"], {"id": "B"}])
def test_parent_of_another_type_is_an_error(bad):
    raises(["entity 'A'", "add()", "parent must be an entity id", repr(bad)], Gazetteer().add, "A", "Ay", parent=bad)


def test_self_parent_is_an_error_when_added():
    e = raises(["entity 'B'", "record 1", "parent 'B' is the entity itself"], Gazetteer.from_records,
               [{"id": "A", "name": "Ay"}, {"id": "B", "name": "Bee", "parent": "B"}])
    assert (e.entity, e.row) == ("B", 1)
    raises(["entity '5'", "parent '5' is the entity itself"], Gazetteer().add, 5, "Five", parent=5)


def test_self_parent_in_csv_names_row_and_line(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("id,name,parent\nA,Ay,\nB,Bee,B\n", encoding="utf-8")
    e = raises(["entity 'B'", "row 2 of g.csv", "line 3", "itself"], Gazetteer.read_csv, p)
    assert (e.entity, e.row, e.source) == ("B", 2, "g.csv")


def test_parent_column_is_read_as_text(tmp_path):
    """GeoNames-style numeric ids keep their written form (leading zeros, no float)."""
    p = tmp_path / "g.csv"
    p.write_text("id,name,parent\n0042,Town,007\n007,Region,\n", encoding="utf-8")
    g = Gazetteer.read_csv(p)
    assert g["0042"].attrs == {"parent": "007"} and g.ancestors("0042") == ["007"]


def test_duplicate_id_with_another_parent_is_an_error():
    raises(["entity 'A'", "record 1", "'parent'", "'C'", "'B'", "record 0"], Gazetteer.from_records,
           [{"id": "A", "name": "Ay", "parent": "B"}, {"id": "A", "name": "Ay", "parent": "C"}])
    g = Gazetteer.from_records([{"id": "A", "name": "Ay", "parent": "B"}, {"id": "A", "name": "Ay", "parent": " B"},
                                {"id": "B", "name": "Bee"}])
    assert g["A"].attrs == {"parent": "B"}


# --------------------------------------------------------------------------------------------
# parent: the hierarchy
# --------------------------------------------------------------------------------------------
def test_ancestors_nearest_first_and_children_in_gazetteer_order():
    g = _usa()
    assert g.ancestors("ATL") == ["US-GA", "US"]
    assert g.ancestors("US-GA") == ["US"] and g.ancestors("US") == [] and g.ancestors("TBS") == ["GE"]
    assert g.children("US") == ["US-GA", "US-AL"]
    assert g.children("US-GA") == ["ATL", "SAV"]
    assert g.children("ATL") == [] and g.children("GE") == ["TBS"]


def test_ancestors_and_children_of_an_unknown_id_are_key_errors():
    g = _usa()
    for fn in (g.ancestors, g.children):
        with pytest.raises(KeyError, match="XX"):
            fn("XX")
        with pytest.raises(KeyError):
            fn(["unhashable"])


def test_hierarchy_cache_is_dropped_by_add():
    g = Gazetteer().add("C", "Cee", parent="B").add("B", "Bee")
    assert g.ancestors("C") == ["B"] and g.children("B") == ["C"]
    g.add("A", "Ay").add("B", "Bee", parent="A")  # merged: B gains a parent
    assert g.ancestors("C") == ["B", "A"] and g.children("A") == ["B"]
    assert g._level_index("") == [0, 1, 2]


def test_cycle_of_two_names_the_first_entity_and_its_row():
    g = Gazetteer.from_records([{"id": "X", "name": "Ex"}, {"id": "A", "name": "Ay", "parent": "B"},
                                {"id": "B", "name": "Bee", "parent": "A"}])
    e = raises(["entity 'A' (record 1)", "parent cycle 'A' -> 'B' -> 'A'", "'B' at record 2"], g.validate)
    assert (e.entity, e.row) == ("A", 1)


def test_cycle_of_three_in_csv_names_row_and_line(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("id,name,parent\nX,Ex,\nC,Cee,A\nA,Ay,B\nB,Bee,C\n", encoding="utf-8")
    g = Gazetteer.read_csv(p)  # checked when used
    e = raises(["entity 'C' (row 2 of g.csv, line 3)", "parent cycle 'C' -> 'A' -> 'B' -> 'C'",
                "'A' at row 3 of g.csv, line 4", "'B' at row 4 of g.csv, line 5"], g.ancestors, "X")
    assert (e.entity, e.row, e.source) == ("C", 2, "g.csv")


@pytest.mark.parametrize("strict", [True, False])
def test_a_cycle_is_an_error_at_every_use_in_every_mode(strict):
    g = Gazetteer(strict=strict).add("A", "Ay", kind="k", parent="B").add("B", "Bee", parent="A")
    uses = [g.validate, lambda: g.validate(strict=False), lambda: g.ancestors("A"), lambda: g.children("B"),
            g._engine_tables, lambda: g._engine_tables(strict=False), lambda: g._level_index("k")]
    for use in uses:
        raises(["entity 'A'", "parent cycle"], use)


def test_cycle_beside_a_tree():
    g = Gazetteer().add("R", "Root").add("K", "Kid", parent="R")
    g.add("P", "Pee", parent="Q").add("Q", "Queue", parent="P")
    raises(["entity 'P'", "'P' -> 'Q' -> 'P'"], g.validate)


def test_unknown_parent_is_an_error_by_default():
    g = Gazetteer.from_records([{"id": "A", "name": "Ay"}, {"id": "B", "name": "Bee", "parent": "ZZ"},
                                {"id": "C", "name": "Cee", "parent": "YY"}])
    assert g.strict
    for use in (g.validate, lambda: g.ancestors("A"), lambda: g.children("A"), g._engine_tables,
                lambda: g._level_index("")):
        e = raises(["entity 'B' (record 1)", "unknown parent 'ZZ'", "2 entities have an unknown parent: 'B', 'C'",
                    "strict=False"], use)
        assert (e.entity, e.row) == ("B", 1)


def test_unknown_parent_in_a_file_names_row_and_line(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"id": "A", "name": "Ay"}\n\n{"id": "B", "name": "Bee", "parent": "ZZ"}\n', encoding="utf-8")
    e = raises(["entity 'B' (line 3 of g.jsonl)", "unknown parent 'ZZ'"], Gazetteer.read_json(p).validate)
    assert e.row == 3


def test_a_parent_added_later_is_found():
    g = Gazetteer().add("B", "Bee", parent="A")
    raises(["unknown parent 'A'"], g.validate)
    g.add("A", "Ay")
    assert g.validate() is g and g.ancestors("B") == ["A"]


def test_unknown_parent_with_strict_false_warns_once_and_is_absent():
    recs = [{"id": str(i), "name": f"N{i}", "parent": f"P{i}"} for i in range(7)] + [{"id": "K", "name": "Kay"}]
    g = Gazetteer.from_records(recs, strict=False)
    assert not g.strict
    with pytest.warns(UserWarning) as caught:
        assert g.ancestors("0") == []
    assert len(caught) == 1
    msg = str(caught[0].message)
    assert msg.startswith("7 entities have an unknown parent, treated as having none: '0' (parent 'P0', record 0), ")
    assert "'4' (parent 'P4', record 4), ..." in msg and "'5'" not in msg
    # once for the same content
    assert no_warning(g.children, "K") == []
    assert no_warning(g._engine_tables)["parents"] == [-1] * 8
    assert no_warning(g._level_index, "") == list(range(8))
    # an explicit check reports again; after add() the next use warns again
    with pytest.warns(UserWarning, match="7 entities"):
        assert g.validate(strict=False) is g
    raises(["unknown parent 'P0'"], g.validate)  # validate's own strict
    g.add("P0", "Pee")
    with pytest.warns(UserWarning, match="^6 entities"):
        assert g.ancestors("0") == ["P0"]


def test_one_unknown_parent_warning_wording():
    g = Gazetteer(strict=False).add("A", "Ay", parent="Z")
    wording = r"^1 entity has an unknown parent, treated as having none: 'A' \(parent 'Z', add\(\)\)$"
    with pytest.warns(UserWarning, match=wording):
        g.validate(strict=False)


def test_engine_tables_strict_false_relaxes_a_strict_gazetteer():
    g = Gazetteer().add("A", "Ay", parent="Z").add("B", "Bee", parent="A")
    raises(["unknown parent 'Z'"], g._engine_tables)
    with pytest.warns(UserWarning, match="1 entity has an unknown parent"):
        assert g._engine_tables(strict=False)["parents"] == [-1, 0]
    # accepted with a warning for this content: later uses do not raise or warn again
    assert no_warning(g.ancestors, "B") == ["A"]


@pytest.mark.parametrize("reader", ["read_csv", "read_json", "from_dataframe"])
def test_readers_take_strict(tmp_path, reader):
    g = Gazetteer().add("A", "Ay", parent="Z")
    if reader == "read_csv":
        g.to_csv(tmp_path / "g.csv")
        back = Gazetteer.read_csv(tmp_path / "g.csv", strict=False)
    elif reader == "read_json":
        g.to_json(tmp_path / "g.json")
        back = Gazetteer.read_json(tmp_path / "g.json", strict=False)
    else:
        back = Gazetteer.from_dataframe(g.to_dataframe(), strict=False)
    assert back == g and not back.strict and g.strict
    with pytest.warns(UserWarning, match="unknown parent"):
        assert back._engine_tables()["parents"] == [-1]


def test_strict_must_be_a_bool():
    for bad in ("no", 0, None):
        with pytest.raises(ValueError, match="strict must be True or False"):
            Gazetteer(strict=bad)
        with pytest.raises(ValueError, match="strict must be True or False"):
            Gazetteer().validate(strict=bad)


# --------------------------------------------------------------------------------------------
# prior
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, stored", [(0, 0.0), (5, 5.0), (2.5, 2.5), (np.int64(7), 7.0), (np.float32(0.5), 0.5),
                                           (-0.0, 0.0), (10**30, 1e30)])
def test_prior_is_a_non_negative_number_stored_as_float(value, stored):
    v = Gazetteer().add("A", "Ay", prior=value)["A"].attrs["prior"]
    assert type(v) is float and v == stored


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA])
def test_missing_prior_is_absent(missing):
    assert Gazetteer().add("A", "Ay", prior=missing)["A"].attrs == {}


@pytest.mark.parametrize("bad, shown", [(-1, "not -1"), (-0.5, "not -0.5"), (float("inf"), "not inf"),
                                        (10**400, "not 1000"), (True, "not bool True"),
                                        (np.bool_(False), "not bool False"),
                                        ("12", "not str '12'"), ([1], "not list [1]"), (1 + 2j, "not complex")])
def test_bad_prior_names_value_entity_and_row(bad, shown):
    e = raises(["entity 'B' (record 1)", "prior must be a non-negative finite number", shown],
               Gazetteer.from_records,
               [{"id": "A", "name": "Ay", "prior": 1}, {"id": "B", "name": "Bee", "prior": bad}])
    assert (e.entity, e.row) == ("B", 1)


def test_bad_prior_in_csv_names_its_row(tmp_path):
    """A CSV column with one non-number is text throughout: numbers are still numbers, and the
    cell that is not one is reported."""
    p = tmp_path / "g.csv"
    p.write_text("id,name,prior\nA,Ay,12\nB,Bee,\nC,Cee,many\n", encoding="utf-8")
    raises(["entity 'C' (row 3 of g.csv, line 4)", "'many'"], Gazetteer.read_csv, p)
    p.write_text("id,name,prior\nA,Ay,12\nB,Bee,-3\n", encoding="utf-8")
    raises(["entity 'B' (row 2 of g.csv, line 3)", "not -3"], Gazetteer.read_csv, p)
    p.write_text("id,name,prior\nA,Ay,12\nB,Bee,nan\nC,Cee,1e3\n", encoding="utf-8")  # "nan" is text, not empty
    raises(["entity 'B'", "not nan"], Gazetteer.read_csv, p)
    p.write_text("id,name,prior\nA,Ay,12\nB,Bee,\nC,Cee,1e3\n", encoding="utf-8")
    assert [e.attrs for e in Gazetteer.read_csv(p)] == [{"prior": 12.0}, {}, {"prior": 1000.0}]


def test_text_prior_in_memory_is_an_error():
    """Outside a CSV file a prior must be a number (no guessing from strings)."""
    raises(["entity 'A'", "DataFrame row 0", "not str '12'"], Gazetteer.from_dataframe,
           pd.DataFrame({"id": ["A"], "name": ["Ay"], "prior": ["12"]}))


def test_duplicate_id_with_another_prior_is_an_error():
    raises(["entity 'A'", "'prior'"], Gazetteer.from_records,
           [{"id": "A", "name": "Ay", "prior": 1}, {"id": "A", "name": "Ay", "prior": 2}])
    assert Gazetteer().add("A", "Ay", prior=1).add("A", "Ay", prior=1.0)["A"].attrs == {"prior": 1.0}


# --------------------------------------------------------------------------------------------
# Context rules
# --------------------------------------------------------------------------------------------
def test_entity_rules_are_stored_as_lists_of_phrases():
    e = Gazetteer().add("GE", "Georgia", not_before=["Power", " Pacific ", "Gulf", "Power", "Tech"],
                        not_after="Atlanta")["GE"]
    assert e.attrs == {"not_before": ["Power", "Pacific", "Gulf", "Tech"], "not_after": ["Atlanta"]}
    e = Gazetteer().add("B", "Bee", not_before=("Bulldog*", "Bulldog", r"Yahoo\*", "Bulldog*"),
                        not_after=np.array(["x", "y"]))["B"]
    assert e.attrs == {"not_before": ["Bulldog*", "Bulldog", r"Yahoo\*"], "not_after": ["x", "y"]}


@pytest.mark.parametrize("empty", ["", "  ", [], (), None])
def test_empty_rules_are_absent(empty):
    assert Gazetteer().add("A", "Ay", not_before=empty, not_after=empty)["A"].attrs == {}


@pytest.mark.parametrize("phrase, reason", [("", "the phrase is empty"), ("...", "no letter or digit"),
                                            ("Bull*dog", "only allowed as the last character"),
                                            ("*", "the phrase is empty")])
def test_bad_rule_phrase_names_phrase_entity_and_row(phrase, reason):
    e = raises(["entity 'GE' (record 1)", f"not_before phrase {phrase.strip()!r}", reason], Gazetteer.from_records,
               [{"id": "A", "name": "Ay"}, {"id": "GE", "name": "Georgia", "not_before": ["Power", phrase]}])
    assert (e.entity, e.row) == ("GE", 1)


@pytest.mark.parametrize("bad", [5, {"x": 1}, ["Power", 3], [None]])
def test_rule_of_another_type_is_an_error(bad):
    raises(["entity 'GE'", "not_after", repr(bad[-1] if isinstance(bad, list) else bad)],
           Gazetteer().add, "GE", "Georgia", not_after=bad)


def test_repeated_entity_unions_its_rules():
    g = Gazetteer.from_records([{"id": "GE", "name": "Georgia", "not_before": ["Power", "Tech"]},
                                {"id": "GE", "name": "Georgia", "not_before": ["Tech", "Gulf"],
                                 "not_after": "Atlanta"}])
    assert g["GE"].attrs == {"not_before": ["Power", "Tech", "Gulf"], "not_after": ["Atlanta"]}


def test_long_form_rules_add_up(tmp_path):
    p = tmp_path / "long.csv"
    p.write_text("id,name,aliases,not_before\nGE,Georgia,Sakartvelo,Power|Tech\nGE,Georgia,Gruzia,\n"
                 "GE,Georgia,,Gulf\n", encoding="utf-8")
    e = Gazetteer.read_csv(p)["GE"]
    assert e.attrs == {"not_before": ["Power", "Tech", "Gulf"]}
    assert [a.text for a in e.aliases] == ["Georgia", "Sakartvelo", "Gruzia"]


def test_bad_rule_in_csv_names_row_and_line(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("id,name,not_after\nUS,United States,Latin\nGE,Georgia,Power|..\n", encoding="utf-8")
    raises(["entity 'GE' (row 2 of g.csv, line 3)", "not_after phrase '..'"], Gazetteer.read_csv, p)


def test_rule_cells_are_split_like_aliases():
    df = pd.DataFrame({"id": ["A", "B", "C"], "name": ["Ay", "Bee", "Cee"],
                       "not_before": ["x;y", '["p|q", "r"]', None], "not_after": [["u", "v"], None, "w"]})
    g = Gazetteer.from_dataframe(df, alias_sep=";")
    assert [e.attrs for e in g] == [{"not_before": ["x", "y"], "not_after": ["u", "v"]},
                                    {"not_before": ["p|q", "r"]}, {"not_after": ["w"]}]
    g = Gazetteer.from_dataframe(df.iloc[:1], alias_sep=None)
    assert g["A"].attrs["not_before"] == ["x;y"]


def test_alias_records_carry_rules():
    g = Gazetteer().add("ZA", "South Africa", aliases=[{"text": "SA", "not_after": ["Telkom"], "case": "sensitive"},
                                                       {"text": "RSA", "not_before": "Bank"}])
    assert g["ZA"].aliases[1:] == (Alias("SA", "sensitive", None, (), ("Telkom",)), Alias("RSA", not_before=("Bank",)))
    assert g["ZA"].aliases[1].to_record() == {"text": "SA", "case": "sensitive", "not_after": ["Telkom"]}
    assert g["ZA"].attrs == {}


def test_alias_objects_with_rules_are_checked():
    a = Alias("SA", not_after=["Telkom", "Telkom "])
    assert a.not_after == ("Telkom", "Telkom ")  # as given; checked and cleaned when added
    e = Gazetteer().add("ZA", "South Africa", aliases=[a])["ZA"]
    assert e.aliases[1] == Alias("SA", not_after=("Telkom",))
    raises(["entity 'ZA'", "alias 'SA': not_after phrase '--'"], Gazetteer().add, "ZA", "South Africa",
           aliases=[Alias("SA", not_after="--")])


def test_bad_alias_rule_names_alias_entity_and_row():
    raises(["entity 'ZA' (record 0)", "alias 'SA': not_before phrase 'T*e'"], Gazetteer.from_records,
           [{"id": "ZA", "name": "South Africa", "aliases": [{"text": "SA", "not_before": ["T*e"]}]}])
    raises(["entity 'ZA'", "alias 'SA': not_after must be a phrase or a list"], Gazetteer().add, "ZA", "South Africa",
           aliases=[{"text": "SA", "not_after": 3}])
    raises(["entity 'ZA'", "'flags'", "'not_before'"], Gazetteer().add, "ZA", "South Africa",
           aliases=[{"text": "SA", "flags": 1}])


def test_repeated_alias_unions_its_rules():
    """Decision: the same alias twice on one entity keeps one alias with every phrase given."""
    e = Gazetteer().add("ZA", "South Africa", aliases=[
        {"text": "SA", "not_after": ["Telkom"]}, "SA",
        {"text": " SA ", "not_after": ["Cable", "Telkom"], "not_before": "Inc"},
    ])["ZA"]
    assert e.aliases[1] == Alias("SA", not_before=("Inc",), not_after=("Telkom", "Cable"))
    g = Gazetteer().add("ZA", "South Africa", aliases=[{"text": "SA", "not_after": "Telkom"}])
    g.add("ZA", "South Africa", aliases=[{"text": "SA", "not_after": "Cable"}])
    assert g["ZA"].aliases[1].not_after == ("Telkom", "Cable")


def test_rules_on_the_name_alias():
    e = Gazetteer().add("GE", "Georgia", aliases=["Sakartvelo", {"text": "Georgia", "not_before": "Power"}])["GE"]
    assert e.aliases == (Alias("Georgia", not_before=("Power",)), Alias("Sakartvelo"))
    assert e.to_record()["aliases"] == [{"text": "Georgia", "not_before": ["Power"]}, "Sakartvelo"]


def test_alias_equality_hash_and_repr_include_rules():
    a, b = Alias("SA", not_after=("Telkom",)), Alias("SA", not_after="Telkom")
    assert a == b and hash(a) == hash(b) and a != Alias("SA") and a != Alias("SA", not_before=("Telkom",))
    assert len({a, b, Alias("SA")}) == 2
    assert repr(Alias("SA")) == "Alias(text='SA', case=None, fold_accents=None)"
    assert repr(Alias("SA", not_before=["x"], not_after=["y"])) == \
        "Alias(text='SA', case=None, fold_accents=None, not_before=('x',), not_after=('y',))"
    with pytest.raises(Exception):
        a.not_after = ()  # frozen


def test_gazetteers_differing_in_rules_differ():
    base = Gazetteer().add("GE", "Georgia", not_before="Power")
    other = Gazetteer().add("GE", "Georgia", not_before="Tech")
    alias_rule = Gazetteer().add("GE", "Georgia", aliases=[{"text": "Georgia", "not_before": "Power"}])
    hashes = {g.content_hash() for g in (base, other, alias_rule, Gazetteer().add("GE", "Georgia"))}
    assert len(hashes) == 4 and base != other and base != alias_rule


def test_content_hash_of_plain_content_is_unchanged():
    """Aliases without rules hash as before rules existed (the same canonical form)."""
    g = Gazetteer().add("KE", "Kenya", kind="country", aliases=["Kenyan*", {"text": "KE", "case": "sensitive"}],
                        iso3="KEN").add("JP", "Japan", population=125)
    assert g.content_hash() == "aa3ec3b55c6bff83572acec0f2ba54de18f5eaeec1deff8641b055341adb25a2"


# --------------------------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------------------------
def _rich() -> Gazetteer:
    g = Gazetteer()
    g.add("GE", "Georgia", kind="country", prior=3.7e6, not_before=["Power", "Pacific", "Gulf", "Tech"])
    g.add("US", "United States", kind="country", prior=331_000_000, not_after="Latin",
          aliases=["America", {"text": "US", "case": "sensitive", "not_before": ["Open"]}])
    g.add("US-GA", "Georgia", kind="state", parent="US", prior=10_700_000,
          aliases=[{"text": "GA", "not_after": ["Bulldog*", "a|b"]}, "Peach State"])
    g.add("ATL", "Atlanta", kind="city", parent="US-GA", not_before=["[Braves]"], not_after=["a|b", "c"])
    g.add("ZA", "South Africa", kind="country", aliases=[{"text": "South Africa", "not_after": "Telkom"}])
    g.add("7", "Seven", parent="ZA", note="a plain attribute")
    return g


def test_records_round_trip():
    g = _rich()
    recs = g.to_records()
    assert recs[2] == {"id": "US-GA", "name": "Georgia", "kind": "state",
                       "aliases": [{"text": "GA", "not_after": ["Bulldog*", "a|b"]}, "Peach State"],
                       "parent": "US", "prior": 10700000.0}
    back = Gazetteer.from_records(recs)
    assert back == g and back.content_hash() == g.content_hash()
    assert Gazetteer.from_records(list(g)) == g  # Entity objects


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".csv.gz"])
def test_csv_round_trip(tmp_path, suffix):
    g = _rich()
    p = tmp_path / f"g{suffix}"
    g.to_csv(p)
    back = Gazetteer.read_csv(p)
    assert back == g and back.content_hash() == g.content_hash()
    assert same_tables(back._engine_tables(), g._engine_tables())


def test_csv_writes_rules_like_aliases(tmp_path):
    p = tmp_path / "g.csv"
    Gazetteer().add("GE", "Georgia", not_before=["Power", "Tech"]).add("X", "Ex", not_after=["a|b"]).to_csv(p)
    assert p.read_text(encoding="utf-8").splitlines() == [
        "id,name,kind,aliases,not_before,not_after", "GE,Georgia,,,Power|Tech,", 'X,Ex,,,,"[""a|b""]"']


@pytest.mark.parametrize("lines", [False, True])
def test_json_round_trip(tmp_path, lines):
    g = _rich()
    p = tmp_path / ("g.jsonl" if lines else "g.json")
    g.to_json(p, lines=lines)
    assert '"not_before": ["Power", "Pacific", "Gulf", "Tech"]' in p.read_text(encoding="utf-8")
    back = Gazetteer.read_json(p)
    assert back == g and back.content_hash() == g.content_hash()


def test_dataframe_round_trip():
    g = _rich()
    df = g.to_dataframe()
    assert df["not_before"].tolist()[0] == ["Power", "Pacific", "Gulf", "Tech"]
    assert df["parent"].tolist()[:3] == [None, None, "US"]
    back = Gazetteer.from_dataframe(df)
    assert back == g and back.content_hash() == g.content_hash()


def test_pickle_round_trip_keeps_strict_and_rebuilds_the_hierarchy():
    g = _rich()
    assert g.ancestors("ATL") == ["US-GA", "US"]
    back = pickle.loads(pickle.dumps(g))
    assert back == g and back.strict and back.ancestors("ATL") == ["US-GA", "US"]
    assert back["US"].aliases[2].not_before == ("Open",)
    loose = pickle.loads(pickle.dumps(Gazetteer(strict=False).add("A", "Ay", parent="Z")))
    assert not loose.strict
    with pytest.warns(UserWarning):
        loose.validate(strict=False)


def test_pickles_made_before_the_hierarchy_load():
    g = _rich()
    state = g.__getstate__()
    del state["_hier_cache"], state["_strict"], state["_has_alias_rules"]
    old = Gazetteer.__new__(Gazetteer)
    old.__setstate__(state)
    assert old == g and old.strict and old.children("US") == ["US-GA"]
    assert same_tables(old._engine_tables(), g._engine_tables())


# --------------------------------------------------------------------------------------------
# The Matcher's tables
# --------------------------------------------------------------------------------------------
def test_engine_tables_content():
    g = _rich()
    t = g._engine_tables()
    assert set(t) == {"parents", "priors", "entity_rules", "alias_rules"}
    assert t["parents"] == [-1, -1, 1, 2, -1, 4]
    assert t["priors"][:3] == [3.7e6, 331e6, 10.7e6] and all(math.isnan(x) for x in t["priors"][3:])
    assert all(type(x) is float for x in t["priors"])
    assert t["entity_rules"] == [([0], ["Power", "Pacific", "Gulf", "Tech"], [], []), ([1], [], ["Latin"], []),
                                 ([3], ["[Braves]"], ["a|b", "c"], [])]
    texts = g._flat()[3]
    assert texts == ["Georgia", "United States", "America", "US", "Georgia", "GA", "Peach State", "Atlanta",
                     "South Africa", "Seven"]
    assert t["alias_rules"] == [(3, ["Open"], [], []), (5, [], ["Bulldog*", "a|b"], []), (8, [], ["Telkom"], [])]
    for k, _nb, _na, _pa in t["alias_rules"]:
        owner = g._flat()[4][k]
        assert any(a.text == texts[k] and (a.not_before or a.not_after) for a in list(g)[owner].aliases)


def test_engine_tables_alias_index_follows_the_name_alias_placement():
    """The name's alias comes first in _flat (prepended, moved to the front, or a glob on the
    name), and alias_rules index that order."""
    g = Gazetteer()
    g.add("A", "Kenya", aliases=[{"text": "Kenyan*", "not_before": "x"}, {"text": "Kenya*", "not_after": "y"}])
    g.add("B", "Bee", aliases=["B1", {"text": "Bee", "not_before": "z"}])
    g.add("C", "Cee", aliases=[{"text": "C1", "not_after": "w"}])
    assert g._flat()[3] == ["Kenya*", "Kenyan*", "Bee", "B1", "Cee", "C1"]
    assert g._engine_tables()["alias_rules"] == [(0, [], ["y"], []), (1, ["x"], [], []), (2, ["z"], [], []), (5, [], ["w"], [])]


def test_engine_tables_are_fresh_lists():
    g = _rich()
    t = g._engine_tables()
    t["parents"].append(99)
    t["entity_rules"][0][1].append("mutated")
    assert g._engine_tables()["parents"] == [-1, -1, 1, 2, -1, 4]
    assert g["GE"].attrs["not_before"] == ["Power", "Pacific", "Gulf", "Tech"]


def test_engine_tables_of_a_plain_gazetteer():
    g = Gazetteer().add("A", "Ay").add("B", "Bee", aliases=["B1"])
    t = g._engine_tables()
    assert t["parents"] == [-1, -1] and t["entity_rules"] == [] and t["alias_rules"] == []
    assert all(math.isnan(x) for x in t["priors"])
    assert Gazetteer()._engine_tables() == {"parents": [], "priors": [], "entity_rules": [], "alias_rules": []}


def test_level_index_content():
    g = _usa()  # ATL SAV US-GA US GE TBS US-AL
    assert g._level_index("country") == [3, 3, 3, 3, 4, 4, 3]
    assert g._level_index("state") == [2, 2, 2, -1, -1, -1, 6]
    assert g._level_index("city") == [0, 1, -1, -1, -1, 5, -1]
    g._level_index("country").append(0)  # a copy
    assert len(g._level_index("country")) == 7


def test_level_index_nearest_of_the_kind_wins():
    g = Gazetteer().add("a", "A", kind="region", parent="b").add("b", "B", kind="region", parent="c")
    g.add("c", "C", kind="country")
    assert g._level_index("region") == [0, 1, -1]


def test_level_index_of_an_unknown_kind_lists_the_kinds():
    with pytest.raises(ValueError, match=r"^no entity has kind 'continent'; the kinds are 'city', 'country', 'state'$"):
        _usa()._level_index("continent")
    with pytest.raises(ValueError, match="no entity has kind 'country'; the kinds are none"):
        Gazetteer()._level_index("country")


def test_level_index_follows_add():
    g = Gazetteer().add("x", "Ex", kind="city", parent="y").add("y", "Why", kind="country")
    assert g._level_index("country") == [1, 1]
    g.add("z", "Zed", kind="country").add("w", "Dub", kind="city", parent="z")
    assert g._level_index("country") == [1, 1, 2, 2]


def test_docs_name_the_attributes():
    import gazetta.gazetteer as mod

    for word in ("parent", "prior", "not_before", "not_after"):
        assert word in mod.__doc__ and word in Gazetteer.__doc__
    assert "SP" + "EC" not in Path(mod.__file__).read_text(encoding="utf-8")  # no private spec references


# --------------------------------------------------------------------------------------------
# Property: every format round-trips hierarchies, priors and rules
# --------------------------------------------------------------------------------------------
_word = st.text(st.characters(categories=("L", "N"), exclude_characters="\x00"), min_size=1, max_size=5)
_phrase = st.builds(lambda w, extra, glob: w + extra + ("*" if glob else ""), _word,
                    st.sampled_from(["", " x", "|y", " [z]", "-1"]), st.booleans())
_phrases = st.one_of(_phrase, st.lists(_phrase, max_size=3))
_alias = st.one_of(_phrase, st.builds(
    lambda t, nb, na: {k: v for k, v in (("text", t), ("not_before", nb), ("not_after", na)) if v is not None},
    _phrase, st.one_of(st.none(), _phrases), st.one_of(st.none(), _phrases)))


@st.composite
def _records(draw):
    n = draw(st.integers(0, 6))
    ids = [f"e{i}" for i in range(n)]
    recs = []
    for i, eid in enumerate(ids):
        rec = {"id": eid, "name": draw(_word), "kind": draw(st.sampled_from(["", "city", "country"])),
               "aliases": draw(st.lists(_alias, max_size=3))}
        if i and draw(st.booleans()):
            rec["parent"] = ids[draw(st.integers(0, i - 1))]  # earlier entities only: no cycles
        if draw(st.booleans()):
            rec["prior"] = draw(st.one_of(st.integers(0, 10**9), st.floats(0, 1e12, allow_nan=False)))
        for k in ("not_before", "not_after"):
            if draw(st.booleans()):
                rec[k] = draw(_phrases)
        recs.append(rec)
    return draw(st.permutations(recs))  # parents before or after their children


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_records())
def test_property_round_trips(tmp_path, records):
    """Records -> gazetteer -> records / DataFrame / CSV / JSON / pickle: equal content, equal
    hash, equal matcher tables."""
    g = Gazetteer.from_records(records)
    tables = g._engine_tables()
    assert len(tables["parents"]) == len(g)
    g.to_csv(tmp_path / "p.csv")
    g.to_json(tmp_path / "p.jsonl", lines=True)
    backs = [Gazetteer.from_records(g.to_records()), Gazetteer.from_dataframe(g.to_dataframe()),
             Gazetteer.read_csv(tmp_path / "p.csv"), Gazetteer.read_json(tmp_path / "p.jsonl"),
             pickle.loads(pickle.dumps(g))]
    for back in backs:
        assert back == g and back.content_hash() == g.content_hash()
        assert same_tables(back._engine_tables(), tables)
    for e in g:
        chain = g.ancestors(e.id)
        assert len(chain) == len(set(chain)) and e.id not in chain
        assert all(e.id in g.children(p) for p in chain[:1])
