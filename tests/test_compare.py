"""Cooccurrence.compare (issue 21 item 2): two parts of a result, or two results, pair by pair:
the G² test of the 2×2 share table computed by hand and cross-checked with scipy, the lift
test, the log ratio with zero counts, selections, corrections and the filters."""

from __future__ import annotations

import math
from typing import Any, List

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._backbone import adjust_p
from gazetta.exceptions import GazettaError


def _gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i, kind in (("A", "country"), ("B", "country"), ("C", "city"), ("P", "person")):
        g.add(i, i + "land", kind=kind)
    return g


def _frame(rows: List[Any]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["text", "source", "date"])


def _two_sources() -> pd.DataFrame:
    """Source x: 6 of 10 sentences hold A and B; source y: 1 of 10."""
    x = ["Aland and Bland."] * 6 + ["Aland."] * 4
    y = ["Aland and Bland."] + ["Bland."] * 9
    return _frame([(t, "x", "2020-01-10") for t in x] + [(t, "y", "2020-02-10") for t in y])


def _g2_by_hand(table: List[List[float]]) -> float:
    """2·Σ O·ln(O/E) with E from the margins, 0·ln 0 = 0, written out cell by cell."""
    (a, b), (c, d) = table
    t = a + b + c + d
    e = [[(a + b) * (a + c) / t, (a + b) * (b + d) / t], [(c + d) * (a + c) / t, (c + d) * (b + d) / t]]
    s = 0.0
    for o, ex in ((a, e[0][0]), (b, e[0][1]), (c, e[1][0]), (d, e[1][1])):
        if o > 0:
            s += o * math.log(o / ex)
    return 2 * s


def test_share_g2_by_hand_and_scipy() -> None:
    co = gazetta.cooccurrence(_two_sources(), _gaz(), by="source")
    t = co.compare("x", "y", min_n=1)
    assert len(t) == 1
    r = t.iloc[0]
    assert (r["a"], r["b"], r["n_ab_target"], r["n_ab_reference"], r["n_target"], r["n_reference"]) == \
        ("A", "B", 6, 1, 10, 10)
    assert (r["share_target"], r["share_reference"]) == (0.6, 0.1)
    # by hand: E = [[3.5, 6.5], [3.5, 6.5]]
    g2 = 2 * (6 * math.log(6 / 3.5) + 4 * math.log(4 / 6.5) + 1 * math.log(1 / 3.5) + 9 * math.log(9 / 6.5))
    assert g2 == pytest.approx(5.935972753371203, rel=1e-12)
    assert r["g2"] == pytest.approx(g2, rel=1e-12)
    assert r["p"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)), rel=1e-12)
    assert r["log_ratio"] == pytest.approx(math.log2(0.6 / 0.1))
    assert r["p_adj"] == r["p"]  # one test
    stats = pytest.importorskip("scipy.stats")
    res = stats.chi2_contingency([[6, 4], [1, 9]], correction=False, lambda_="log-likelihood")
    assert r["g2"] == pytest.approx(res[0], rel=1e-12) and r["p"] == pytest.approx(res[1], rel=1e-10)
    # swapped sides: same test, opposite log ratio
    s = co.compare("y", "x", min_n=1).iloc[0]
    assert s["g2"] == pytest.approx(r["g2"]) and s["log_ratio"] == pytest.approx(-r["log_ratio"])
    assert t.attrs["target"] == "source=x" and t.attrs["reference"] == "source=y"
    assert t.attrs["test"] == "share" and t.attrs["tests"] == 1 and t.attrs["dropped_min_n"] == 0


@pytest.mark.parametrize("table", [[[0, 50], [7, 20]], [[3, 0], [1, 40]], [[12, 988], [30, 970]], [[1, 1], [1, 1]]])
def test_share_g2_matches_scipy_with_zero_cells(table: List[List[int]]) -> None:
    """Zero cells: 0·ln 0 = 0 in G²; scipy agrees."""
    (k1, m1), (k2, m2) = table
    x = ["Aland and Bland."] * k1 + ["Nothing."] * m1
    y = ["Aland and Bland."] * k2 + ["Nothing."] * m2
    df = _frame([(t, "x", "2020-01-10") for t in x] + [(t, "y", "2020-01-10") for t in y])
    r = gazetta.cooccurrence(df, _gaz(), by="source").compare("x", "y", min_n=1).iloc[0]
    assert r["g2"] == pytest.approx(_g2_by_hand(table), rel=1e-12, abs=1e-12)
    stats = pytest.importorskip("scipy.stats")
    res = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    assert r["g2"] == pytest.approx(res[0], rel=1e-10, abs=1e-12)


def test_log_ratio_with_a_zero_count_keeps_its_sign() -> None:
    """1 in 1000 units against 0 in 10: more in the target. Hardie's zero-as-0.5 would give
    log2(0.001/0.05) < 0; half a co-occurrence split by size gives a positive ratio."""
    x = ["Aland and Bland."] + ["Nothing."] * 999
    y = ["Aland."] + ["Nothing."] * 9
    df = _frame([(t, "x", "2020-01-10") for t in x] + [(t, "y", "2020-01-10") for t in y])
    r = gazetta.cooccurrence(df, _gaz(), by="source").compare("x", "y", min_n=1).iloc[0]
    c = 0.5 / 1010
    assert r["log_ratio"] == pytest.approx(math.log2((1 / 1000 + c) / (0 + c)))
    assert r["log_ratio"] > 0
    assert r["n_ab_reference"] == 0 and np.isnan(r["npmi_reference"]) and np.isfinite(r["g2"])


def test_lift_test_by_hand() -> None:
    """Both entities become common in the second period: the share of A-B rises (2% -> 10%)
    while the lift falls (50 -> 0.4): test='share' calls it rising, test='lift' falling."""
    first = ["Aland and Bland."] * 2 + ["Nothing."] * 98
    second = ["Aland and Bland."] * 10 + ["Aland."] * 40 + ["Bland."] * 40 + ["Nothing."] * 10
    df = _frame([(t, "x", "2020-01-15") for t in first] + [(t, "x", "2020-12-15") for t in second])
    co = gazetta.cooccurrence(df, _gaz(), time="date", freq="M")
    lift = co.compare("2020-12", "2020-01", test="lift", min_n=1).iloc[0]
    assert lift["expected_target"] == pytest.approx(50 * 50 / 100)
    assert lift["expected_reference"] == pytest.approx(2 * 2 / 100)
    assert lift["lift_target"] == pytest.approx(0.4) and lift["lift_reference"] == pytest.approx(50)
    w = 25 / 25.04  # the target's share of the expected counts
    f1, f2 = 12 * w, 12 * (1 - w)
    g2 = 2 * (10 * math.log(10 / f1) + 2 * math.log(2 / f2))
    assert lift["g2"] == pytest.approx(g2, rel=1e-12)
    assert lift["log_ratio"] == pytest.approx(math.log2(0.4 / 50)) and lift["log_ratio"] < 0
    share = co.compare("2020-12", "2020-01", min_n=1).iloc[0]
    assert share["log_ratio"] == pytest.approx(math.log2(0.1 / 0.02)) and share["log_ratio"] > 0
    assert share["g2"] == pytest.approx(_g2_by_hand([[10, 90], [2, 98]]), rel=1e-12)


def test_lift_untestable_when_an_entity_is_absent() -> None:
    df = _frame([("Aland and Bland.", "x", "2020-01-10"), ("Aland and Bland.", "y", "2020-01-10"),
                 ("Cland and Aland.", "x", "2020-01-10"), ("Aland.", "y", "2020-01-10")])
    t = gazetta.cooccurrence(df, _gaz(), by="source").compare("x", "y", test="lift", min_n=1)
    ac = t.set_index(["a", "b"]).loc[("A", "C")]
    assert np.isnan(ac["g2"]) and np.isnan(ac["p"]) and np.isnan(ac["p_adj"]) and np.isnan(ac["log_ratio"])
    assert t.attrs["tests"] == 1
    assert t["g2"].isna().tolist() == [False, True]  # NaN last


# --------------------------------------------------------------------------------------------
# selections
def _monthly() -> gazetta.Cooccurrence:
    rows = []
    for m, k in ((1, 2), (2, 3), (3, 8), (4, 9)):
        rows += [(t, "x" if i % 2 else "y", f"2020-{m:02d}-10") for i, t in
                 enumerate(["Aland and Bland."] * k + ["Aland."] * 3 + ["Nothing."] * 10)]
    return gazetta.cooccurrence(_frame(rows), _gaz(), by="source", time="date", freq="M")


def _counts(co: gazetta.Cooccurrence, mask: Any) -> Any:
    p = co.pairs[mask(co.pairs)]
    return int(p["n_ab"].sum()), int(co.groups.loc[mask(co.groups), "n"].sum())


def test_selections_sum_groups_exactly() -> None:
    co = _monthly()
    per = co.groups["date"]
    t = co.compare({"date": slice("2020-03", None)}, {"date": slice(None, "2020-02")}, min_n=1).iloc[0]
    late = _counts(co, lambda d: d["date"] >= pd.Period("2020-03", "M"))
    early = _counts(co, lambda d: d["date"] <= pd.Period("2020-02", "M"))
    assert (t["n_ab_target"], t["n_target"]) == late and (t["n_ab_reference"], t["n_reference"]) == early
    assert late[0] == 17 and early[0] == 5
    # the same by lists of periods, and the rest by default
    u = co.compare({"date": ["2020-03", "2020-04"]}, min_n=1).iloc[0]
    assert (u["n_ab_target"], u["n_ab_reference"], u["g2"]) == (t["n_ab_target"], t["n_ab_reference"], t["g2"])
    assert co.compare({"date": ["2020-03", "2020-04"]}, min_n=1).attrs["reference"] == \
        "not (date in [2020-03, 2020-04])"
    # a tuple is one group; a dict may fix one column only (summing over the others)
    one = co.compare(("x", "2020-04"), ("x", "2020-01"), min_n=1).iloc[0]
    x4 = _counts(co, lambda d: ((d["source"] == "x") & (d["date"] == pd.Period("2020-04", "M"))).to_numpy())
    assert (one["n_ab_target"], one["n_target"]) == x4
    src = co.compare({"source": "x"}, {"source": "y"}, min_n=1).iloc[0]
    assert src["n_target"] + src["n_reference"] == int(co.groups["n"].sum())
    assert len(per.unique()) == 4


def test_two_results_equal_two_parts_of_one() -> None:
    df = _two_sources()
    g = _gaz()
    co = gazetta.cooccurrence(df, g, by="source")
    x = gazetta.cooccurrence(df[df["source"] == "x"], g)
    y = gazetta.cooccurrence(df[df["source"] == "y"], g)
    a = co.compare("x", "y", min_n=1)
    b = x.compare(y, min_n=1)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    assert b.attrs["target"] == "all" and b.attrs["reference"] == "other result"
    # a part of one result against another result
    c = co.compare("x", y, min_n=1)
    pd.testing.assert_frame_equal(a, c, check_dtype=False)


def test_two_results_must_count_the_same_units() -> None:
    df = _two_sources()
    x = gazetta.cooccurrence(df[df["source"] == "x"], _gaz())
    y = gazetta.cooccurrence(df[df["source"] == "y"], _gaz(), unit="document")
    with pytest.raises(GazettaError, match="different 'unit'"):
        x.compare(y)
    with pytest.raises(TypeError, match="co1.compare\\(selection, co2\\)"):
        x.compare(y, y)
    with pytest.raises(ValueError, match="with itself"):
        x.compare(x)
    # empty sides give an empty table with the columns
    e = gazetta.cooccurrence(["Nothing."], _gaz())
    t = e.compare(gazetta.cooccurrence(["Nothing either."], _gaz()), min_n=1)
    assert len(t) == 0 and t.attrs["tests"] == 0 and len(t.columns) == 26


def test_selection_errors() -> None:
    co = _monthly()
    with pytest.raises(ValueError, match="key columns \\['source', 'date'\\]: select with a dict"):
        co.compare("x")
    with pytest.raises(KeyError, match="group key columns"):
        co.compare({"place": "x"})
    with pytest.raises(ValueError, match="share groups"):
        co.compare({"source": "x"}, {"date": "2020-01"})
    with pytest.raises(ValueError, match="selects no group"):
        co.compare({"source": "z"})
    with pytest.raises(ValueError, match="one value per key column"):
        co.compare(("x",))
    with pytest.raises(ValueError, match="not a period"):
        co.compare({"date": "not a date"})
    with pytest.raises(TypeError, match="needs something to compare"):
        co.compare()
    flat = gazetta.cooccurrence(["Aland and Bland."], _gaz())
    with pytest.raises(ValueError, match="no groups"):
        flat.compare("x")
    for kw, msg in (({"test": "odds"}, "test must be"), ({"correction": "holm"}, "correction must be"),
                    ({"sort_by": "n_ab"}, "sort_by must be"), ({"min_n": 0}, "min_n must be")):
        with pytest.raises(ValueError, match=msg):
            co.compare({"source": "x"}, **kw)


# --------------------------------------------------------------------------------------------
# many pairs: correction, min_n, sorting, kinds
def _many() -> gazetta.Cooccurrence:
    g = gazetta.Gazetteer()
    names = [f"E{i}land" for i in range(10)]
    for n in names:
        g.add(n[:-4], n, kind="odd" if int(n[1:-4]) % 2 else "even")
    rng = np.random.default_rng(5)
    rows = []
    for src, extra in (("x", 30), ("y", 0)):
        rows += [(" and ".join(rng.choice(names, size=2, replace=False)) + ".", src, "2020-01-01") for _ in range(200)]
        rows += [("E0land and E1land.", src, "2020-01-01")] * extra + [("Nothing.", src, "2020-01-01")] * 100
    return gazetta.cooccurrence(_frame(rows), g, by="source")


def test_corrections_min_n_and_sorting() -> None:
    co = _many()
    full = co.compare("x", "y", min_n=1, correction="none")
    assert full.loc[0, ["a", "b"]].tolist() == ["E0", "E1"] and full.loc[0, "log_ratio"] > 0
    assert full["g2"].is_monotonic_decreasing
    for corr in ("bh", "bonferroni", "none"):
        t = co.compare("x", "y", min_n=1, correction=corr)
        assert np.allclose(t["p_adj"], adjust_p(t["p"].to_numpy(), corr))
        assert t.attrs["tests"] == len(t) and t.attrs["correction"] == corr
    total = full["n_ab_target"] + full["n_ab_reference"]
    t8 = co.compare("x", "y", min_n=8)
    assert len(t8) == int((total >= 8).sum()) and t8.attrs["dropped_min_n"] == int((total < 8).sum()) > 0
    assert np.allclose(t8["p_adj"], adjust_p(t8["p"].to_numpy(), "bh"))  # the family is the pairs kept
    assert co.compare("x", "y").attrs["min_n"] == 5  # the default
    by_p = co.compare("x", "y", min_n=1, sort_by="p")
    assert by_p["p"].is_monotonic_increasing
    by_lr = co.compare("x", "y", min_n=1, sort_by="log_ratio")
    assert by_lr["log_ratio"].is_monotonic_decreasing
    # ties by a, b
    key = by_lr[["log_ratio", "a", "b"]].assign(v=-by_lr["log_ratio"])
    assert key.sort_values(["v", "a", "b"]).index.tolist() == list(range(len(key)))


def test_kinds_and_between_of_the_result_apply() -> None:
    df = _frame([("Pland in Aland and Cland.", "x", "2020-01-01"), ("Aland, Pland.", "y", "2020-01-01"),
                 ("Cland and Aland.", "y", "2020-01-01")])
    co = gazetta.cooccurrence(df, _gaz(), by="source", between=("person", "country"))
    t = co.compare("x", "y", min_n=1)
    assert t[["a", "b", "kind_a", "kind_b"]].values.tolist() == [["P", "A", "person", "country"]]
    assert (t.loc[0, "n_a_target"], t.loc[0, "n_b_target"]) == (1, 1)
    k = gazetta.cooccurrence(df, _gaz(), by="source", kinds={"country", "city"}).compare("x", "y", min_n=1)
    assert k[["a", "b"]].values.tolist() == [["A", "C"]]


def test_mentions_count_share_test_nan_when_not_a_table() -> None:
    """count='mentions': n_ab counts mention pairs and can exceed n; no 2×2 table then."""
    df = _frame([("Aland Aland Aland and Bland Bland.", "x", "2020-01-01"), ("Aland and Bland.", "y", "2020-01-01")])
    t = gazetta.cooccurrence(df, _gaz(), by="source", count="mentions").compare("x", "y", min_n=1)
    r = t.iloc[0]
    assert r["n_ab_target"] == 6 and r["n_target"] == 5
    assert np.isnan(r["g2"]) and t.attrs["count"] == "mentions"


def test_two_results_from_different_gazetteers_warn_at_the_call() -> None:
    df = _two_sources()
    x = gazetta.cooccurrence(df[df["source"] == "x"], _gaz())
    y = gazetta.cooccurrence(df[df["source"] == "y"], _gaz().add("Z", "Zland"))
    with pytest.warns(UserWarning, match="different gazetteers") as rec:
        t = x.compare(y, min_n=1)
    assert rec[0].filename == __file__
    assert t[["n_ab_target", "n_ab_reference"]].values.tolist() == [[6, 1]]
