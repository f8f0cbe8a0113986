"""Cooccurrence.partners, Cooccurrence.to_long and matrix(labelled=True) (issue 21 items 1
and 4) against hand-counted toy corpora."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._measures import MEASURES


def _gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    g.add("A", "Aland", kind="country").add("B", "Bland", kind="country").add("C", "Cland", kind="city")
    return g


#: unit="document", n = 5 documents: A in 1, 2, 5 (n_A = 3); B in 1, 2, 3 (n_B = 3);
#: C in 3, 4 (n_C = 2); A-B in 1, 2 (n_AB = 2); B-C in 3 (n_BC = 1). For B, the partner A is
#: the pair's ``a`` and the partner C is its ``b``.
DOCS = ["Aland and Bland.", "Bland, Aland.", "Bland and Cland.", "Cland.", "Aland."]


@pytest.fixture(scope="module")
def co() -> gazetta.Cooccurrence:
    return gazetta.cooccurrence(DOCS, _gaz(), unit="document")


def _npmi(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    return math.log(n_ab * n / (n_a * n_b)) / -math.log(n_ab / n)


def test_partner_in_one_column_whichever_end(co):
    t = co.partners("B", min_n=1)
    assert list(t.columns) == ["entity", "partner", "name", "kind", "n_ab", "n_entity", "n_partner", "n", *MEASURES,
                               "masked"]
    # npmi(A, B) = ln(10/9) / ln(5/2) = 0.115 > npmi(B, C) = ln(5/6) / ln 5 = -0.113
    assert t["partner"].tolist() == ["A", "C"]
    assert t["entity"].tolist() == ["B", "B"]
    assert t["name"].tolist() == ["Aland", "Cland"]
    assert t["kind"].tolist() == ["country", "city"]
    assert t["n_ab"].tolist() == [2, 1]
    assert t["n_entity"].tolist() == [3, 3]
    assert t["n_partner"].tolist() == [3, 2]
    assert t["n"].tolist() == [5, 5]
    assert t["npmi"].tolist() == pytest.approx([_npmi(2, 3, 3, 5), _npmi(1, 3, 2, 5)])
    assert t["pmi"].tolist() == pytest.approx([math.log2(10 / 9), math.log2(5 / 6)])
    # the same pair seen from the other end
    a = co.partners("A", min_n=1)
    assert a["partner"].tolist() == ["B"] and a["n_entity"].tolist() == [3] and a["n_partner"].tolist() == [3]
    c = co.partners("C", min_n=1)
    assert c["partner"].tolist() == ["B"] and c["n_entity"].tolist() == [2] and c["n_partner"].tolist() == [3]


def test_sorting_min_n_top(co):
    assert co.partners("B", by="npmi", min_n=2)["partner"].tolist() == ["A", "C"]  # C masked, so last
    assert co.partners("B", by="expected")["partner"].tolist() == ["A", "C"]  # 9/5 > 6/5
    assert co.partners("B", by="n_ab", top=1)["partner"].tolist() == ["A"]
    t = co.partners("B", min_n=3)
    assert t["partner"].tolist() == ["A", "C"] and t["masked"].all() and t["npmi"].isna().all()
    assert t["n_ab"].tolist() == [2, 1] and t.attrs == {"min_n": 3, "masked": 2}


def test_min_n_masks_like_table_by_default():
    # the default min_n is that of table(): a partner seen together once is masked and comes
    # after the partners seen five times, however high its npmi
    g = gazetta.Gazetteer().add("J", "Jland").add("U", "Uland").add("T", "Tland")
    docs = ["Jland and Uland."] * 6 + ["Uland."] * 20 + ["Jland and Tland."] + ["Jland."] * 3 + ["None."] * 20
    co = gazetta.cooccurrence(docs, g)
    t = co.partners("J")
    assert t["partner"].tolist() == ["U", "T"] and t["masked"].tolist() == [False, True]
    assert np.isnan(t["npmi"].iloc[1]) and t["n_ab"].iloc[1] == 1
    unmasked = co.partners("J", min_n=1)
    assert unmasked["partner"].tolist() == ["T", "U"]  # npmi of one sentence tops the list
    table = co.table().set_index("b")
    assert t.set_index("partner")["masked"].to_dict() == table["masked"].to_dict()


def test_nan_last_and_ties():
    # n_ab ties break by partner id
    g = gazetta.Gazetteer().add("X", "Xland").add("Y", "Yland").add("Z", "Zland")
    co = gazetta.cooccurrence(["Xland, Yland, Zland."], g, unit="document")
    t = co.partners("Y", by="n_ab")
    assert t["partner"].tolist() == ["X", "Z"]
    assert co.partners("Y")["partner"].tolist() == ["X", "Z"]  # npmi 1.0 both: the tie again
    # a NaN measure is kept and sorted last
    co.pairs = co.pairs.copy()
    co.pairs.loc[co.pairs["a"] == "X", "npmi"] = np.nan
    t = co.partners("Y", min_n=1)
    assert t["partner"].tolist() == ["Z", "X"] and np.isnan(t["npmi"].iloc[1])


def test_bad_arguments(co):
    with pytest.raises(KeyError, match="'Q'"):
        co.partners("Q")
    with pytest.raises(ValueError, match="by must be one of.*'npmi'"):
        co.partners("B", by="name")
    with pytest.raises(ValueError, match="min_n"):
        co.partners("B", min_n=0)
    with pytest.raises(ValueError, match="top"):
        co.partners("B", top=-1)
    with pytest.raises(TypeError):
        co.partners(["B"])


def _sliced() -> gazetta.Cooccurrence:
    df = pd.DataFrame({"text": DOCS + ["Cland and Bland.", "Bland and Cland.", "Aland."],
                       "src": ["x"] * 5 + ["y"] * 3})
    return gazetta.cooccurrence(df, _gaz(), unit="document", by="src")


def test_sliced_partners():
    co = _sliced()
    t = co.partners("B")
    assert list(t.columns[:3]) == ["src", "entity", "partner"]
    # group x as above; group y: n = 3, B in 2, C in 2, A in 1, B-C in 2
    assert t[["src", "partner", "n_ab"]].values.tolist() == [["x", "A", 2], ["x", "C", 1], ["y", "C", 2]]
    assert t["n"].tolist() == [5, 5, 3]
    y = co.partners("B", group="y")
    assert y[["src", "partner", "n_entity", "n_partner"]].values.tolist() == [["y", "C", 2, 2]]
    assert co.partners("B", top=1)["partner"].tolist() == ["A", "C"]
    with pytest.raises(ValueError, match="one value per key"):
        co.partners("B", group=("y", 1))


def test_time_sliced_group_as_string():
    df = pd.DataFrame({"text": DOCS, "date": ["1987-01-02"] * 3 + ["1987-02-03"] * 2})
    co = gazetta.cooccurrence(df, _gaz(), unit="document", time="date", freq="M")
    t = co.partners("B", group="1987-01")
    assert t["partner"].tolist() == ["A", "C"] and str(t["date"].iloc[0]) == "1987-01"


def test_partners_with_between():
    co = gazetta.cooccurrence(DOCS, _gaz(), unit="document", between=("city", "country"))
    assert co.pairs[["a", "b"]].values.tolist() == [["C", "B"]]  # between puts the city in a
    assert co.partners("B")["partner"].tolist() == ["C"]
    assert co.partners("C")["partner"].tolist() == ["B"]


# -- to_long ----------------------------------------------------------------------------------
def test_to_long_values(co):
    t = co.to_long()
    assert list(t.columns) == ["a", "b", "name_a", "name_b", "kind_a", "kind_b", "measure", "value"]
    vals = ["n_ab", *MEASURES]
    assert len(t) == len(co.pairs) * len(vals)
    assert list(t["measure"].cat.categories) == vals
    assert t["measure"].tolist()[:len(vals)] == vals
    wide = t.pivot_table(index=["a", "b"], columns="measure", values="value", observed=True)
    for row in co.pairs.itertuples(index=False):
        for v in vals:
            assert wide.loc[(row.a, row.b), v] == pytest.approx(getattr(row, v), nan_ok=True)
    # hand counts
    n_ab = t[t["measure"] == "n_ab"][["a", "b", "value"]].values.tolist()
    assert n_ab == [["A", "B", 2.0], ["B", "C", 1.0]]


def test_to_long_symmetric_and_choice(co):
    t = co.to_long(["n_ab", "n_a"], symmetric=True)
    assert t[["a", "b", "measure", "value"]].values.tolist() == [
        ["A", "B", "n_ab", 2.0], ["A", "B", "n_a", 3.0], ["B", "A", "n_ab", 2.0], ["B", "A", "n_a", 3.0],
        ["B", "C", "n_ab", 1.0], ["B", "C", "n_a", 3.0], ["C", "B", "n_ab", 1.0], ["C", "B", "n_a", 2.0]]
    assert co.to_long("npmi")["measure"].tolist() == ["npmi", "npmi"]
    with pytest.raises(ValueError, match="numeric pair columns"):
        co.to_long(["name_a"])
    with pytest.raises(ValueError, match="numeric pair columns"):
        co.to_long([])


def test_to_long_sliced_and_empty():
    t = _sliced().to_long(["n_ab"])
    assert t[["src", "a", "b", "value"]].values.tolist() == [["x", "A", "B", 2.0], ["x", "B", "C", 1.0],
                                                            ["y", "B", "C", 2.0]]
    empty = gazetta.cooccurrence(["Aland."], _gaz()).to_long()
    assert empty.empty and list(empty.columns)[-2:] == ["measure", "value"]


# -- matrix(labelled=True) ---------------------------------------------------------------------
def test_labelled_matrix(co):
    m, labels = co.matrix()  # the old return still works
    df = co.matrix(labelled=True)
    assert list(df.index) == list(df.columns) == labels == ["A", "B", "C"]
    assert all(isinstance(d, pd.SparseDtype) for d in df.dtypes)
    assert np.array_equal(df.sparse.to_dense().to_numpy(), m.toarray())
    assert df["B"].to_dict() == {"A": 2, "B": 0, "C": 1}
    assert df.loc["C", "B"] == 1
    f = co.matrix("npmi", labelled=True)
    assert f.loc["A", "B"] == pytest.approx(_npmi(2, 3, 3, 5))
    with pytest.raises(ValueError, match="labelled"):
        co.matrix(labelled="yes")


def test_labelled_matrix_sliced():
    co = _sliced()
    df = co.matrix(group="y", labelled=True)
    assert list(df.index) == ["B", "C"] and df.loc["B", "C"] == 2
    with pytest.raises(ValueError, match="groups"):
        co.matrix(labelled=True)
