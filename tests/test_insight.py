"""Backbone (disparity filter), significance filter and keyword-in-context (issue 6)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._backbone import disparity_alpha


def _gaz(ids: str) -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i in ids:
        g.add(i, i + "land")
    return g


def test_disparity_alpha_by_hand() -> None:
    """Serrano et al. (2009): p = (1 - w/s)^(k-1) per endpoint; the edge keeps the smaller."""
    df = pd.DataFrame({"a": ["A", "A", "A", "B"], "b": ["B", "C", "D", "C"], "w": [8.0, 1.0, 1.0, 2.0]})
    got = disparity_alpha(df, [], "w")
    # A: s=10, k=3; B: s=10, k=2; C: s=3, k=2; D: s=1, k=1 (no evidence: 1)
    pA = [(1 - 8 / 10) ** 2, (1 - 1 / 10) ** 2, (1 - 1 / 10) ** 2]
    pB = [(1 - 8 / 10) ** 1, (1 - 2 / 10) ** 1]
    pC = [(1 - 1 / 3) ** 1, (1 - 2 / 3) ** 1]
    want = [min(pA[0], pB[0]), min(pA[1], pC[0]), min(pA[2], 1.0), min(pB[1], pC[1])]
    assert np.allclose(got, want)


def test_backbone_keeps_the_dominant_edge_and_the_result_type() -> None:
    docs = ["Aland and Bland."] * 8 + ["Aland and Cland.", "Aland and Dland."]
    co = gazetta.cooccurrence(docs, _gaz("ABCD"))
    bb = co.backbone(alpha=0.05)
    assert isinstance(bb, gazetta.Cooccurrence)
    assert bb.pairs[["a", "b"]].values.tolist() == [["A", "B"]]
    assert list(bb.pairs.columns) == list(co.pairs.columns)
    assert bb.meta["filters"] == [{"filter": "disparity", "alpha": 0.05, "weight": "n_ab"}]
    # counts are untouched: merging still adds everything
    assert bb.merge(co).pairs["n_ab"].sum() == 2 * co.pairs["n_ab"].sum()
    with pytest.raises(ValueError, match="alpha"):
        co.backbone(alpha=0)


def test_backbone_works_per_group() -> None:
    df = pd.DataFrame({"text": ["Aland and Bland."] * 5 + ["Aland and Cland.", "Aland and Dland."] * 3,
                       "src": ["x"] * 5 + ["y"] * 6})
    co = gazetta.cooccurrence(df, _gaz("ABCD"), by="src")
    bb = co.backbone(alpha=0.5)
    assert set(map(tuple, bb.pairs[["src", "a", "b"]].values.tolist())) <= set(
        map(tuple, co.pairs[["src", "a", "b"]].values.tolist()))


def test_significant_filters_on_llr_p_and_direction() -> None:
    docs = ["Aland and Bland."] * 6 + ["Cland."] * 6 + ["Aland and Cland."]
    co = gazetta.cooccurrence(docs, _gaz("ABC"))
    assert co.significant(p=0.05).pairs[["a", "b"]].values.tolist() == [["A", "B"]]
    assert co.significant(p=0.05, direction="negative").pairs[["a", "b"]].values.tolist() == [["A", "C"]]
    assert len(co.significant(p=0.05, direction="both").pairs) == 2
    assert all(co.significant(p=0.05).pairs["llr_p"] < 0.05)
    with pytest.raises(ValueError, match="direction"):
        co.significant(direction="up")
    assert math.isclose(co.pairs["llr_p"].iloc[0], co.significant(p=1.0, direction="both").pairs["llr_p"].iloc[0])


def test_kwic() -> None:
    m = gazetta.Matcher(gazetta.Gazetteer().add("KP", "North Korea", aliases=["DPRK"]).add("JP", "Japan"))
    texts = ["Talks with the DPRK resumed.", None, "Japan and North\nKorea met."]
    k = m.kwic(texts, "KP", width=9, ids=["a", "b", "c"])
    assert k["doc"].tolist() == ["a", "c"]
    assert k["match"].tolist() == ["DPRK", "North\nKorea"]
    assert k["left"].tolist() == ["with the ", "Japan and "[-9:]]
    assert k["right"].tolist() == [" resumed.", " met."]
    assert len(m.kwic(texts, ["KP", "JP"], n=2)) == 2
    with pytest.raises(KeyError):
        m.kwic(texts, "XX")


@pytest.mark.parametrize("unit, window", [("sentence", None), ("paragraph", None), ("document", 5)])
def test_kept_evidence_equals_the_rescan(unit: str, window) -> None:
    """keep_evidence=n keeps, while counting, exactly the first n units that a rescan of the
    in-memory corpus finds; streamed input gives the same (with ids from the records)."""
    df = gazetta.datasets.demo_news().head(120)
    m = gazetta.Matcher(gazetta.gazetteers.countries())
    co = gazetta.cooccurrence(df, m, id="id", unit=unit, window=window, time="date", freq="Y", keep_evidence=3)
    plain = gazetta.cooccurrence(df, m, id="id", unit=unit, window=window, time="date", freq="Y")
    recs = iter(df[["id", "text", "date"]].to_dict("records"))
    streamed = gazetta.cooccurrence(recs, m, id="id", unit=unit, window=window, time="date", freq="Y",
                                    keep_evidence=3)
    assert co.pairs.equals(plain.pairs)
    for a, b in co.pairs[["a", "b"]].drop_duplicates().head(15).itertuples(index=False):
        want = plain.evidence(a, b, n=3)
        got = co.evidence(a, b, n=3)
        # the kept units are the first 3 per group and pair; the rescan gives the first 3 overall
        k = ["doc", "unit", "start", "end", "text", "spans_a", "spans_b"]
        assert got[k].head(len(want)).values.tolist()[:1] == want[k].values.tolist()[:1]
        assert streamed.evidence(b, a, n=3)[k].values.tolist() == got.rename(
            columns={"spans_a": "spans_b", "spans_b": "spans_a"})[k].values.tolist()
    with pytest.raises(ValueError, match="keep_evidence"):
        gazetta.cooccurrence(df, m, keep_evidence=-1)
