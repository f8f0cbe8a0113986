"""Association measures (docs/measures.md): hand-computed values, edge cases, and the vectorised code
against a scalar transcription of the definitions."""

from __future__ import annotations

import math
from typing import Dict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazetta
from gazetta._measures import MEASURES, measures

log, log2 = math.log, math.log2


def one(n_ab: int, n_a: int, n_b: int, n: int) -> Dict[str, float]:
    got = measures(np.array([n_ab]), np.array([n_a]), np.array([n_b]), np.array([n]))
    return {k: float(v[0]) for k, v in got.items()}


def close(got: Dict[str, float], exp: Dict[str, float]) -> None:
    assert set(got) == set(MEASURES)
    for k, v in exp.items():
        assert got[k] == pytest.approx(v, rel=1e-12, abs=1e-12), k


def scalar(n_ab: int, n_a: int, n_b: int, n: int) -> Dict[str, float]:
    """docs/measures.md word for word, one table at a time."""
    pmi = log2(n_ab * n / (n_a * n_b))
    npmi = 1.0 if n_ab == n else pmi / -log2(n_ab / n)
    table = [[n_ab, n_a - n_ab], [n_b - n_ab, n - n_a - n_b + n_ab]]
    rows = [sum(r) for r in table]
    cols = [table[0][j] + table[1][j] for j in range(2)]
    g2 = 0.0
    for i in range(2):
        for j in range(2):
            o = table[i][j]
            if o:
                g2 += o * log(o / (rows[i] * cols[j] / n))
    g2 = max(2.0 * g2, 0.0)
    expected = n_a * n_b / n
    return {"pmi": pmi, "npmi": npmi, "jaccard": n_ab / (n_a + n_b - n_ab), "dice": 2 * n_ab / (n_a + n_b),
            "llr": g2, "llr_p": math.erfc(math.sqrt(g2 / 2)), "expected": expected, "lift": n_ab / expected}


def test_independent_pair() -> None:
    """n_ab=2, n_a=4, n_b=5, n=10: exactly the expected count, so pmi = npmi = llr = 0."""
    close(one(2, 4, 5, 10), {
        "pmi": log2(2 * 10 / (4 * 5)),            # log2(1) = 0
        "npmi": 0.0,                              # 0 / −log2(0.2)
        "jaccard": 2 / (4 + 5 - 2),               # 2/7
        "dice": 2 * 2 / (4 + 5),                  # 4/9
        "llr": 0.0,                               # table [[2, 2], [3, 3]] equals its expectation
        "llr_p": 1.0,
        "expected": 4 * 5 / 10,                   # 2
        "lift": 1.0,                              # 2 / 2
    })


def test_attracted_pair() -> None:
    """n_ab=3, n_a=4, n_b=5, n=20."""
    # table [[3, 1], [2, 14]], row sums 4, 16, column sums 5, 15;
    # expected cells 4·5/20 = 1, 4·15/20 = 3, 16·5/20 = 4, 16·15/20 = 12
    g2 = 2 * (3 * log(3 / 1) + 1 * log(1 / 3) + 2 * log(2 / 4) + 14 * log(14 / 12))  # = 5.93808
    close(one(3, 4, 5, 20), {
        "pmi": log2(3 * 20 / (4 * 5)),            # log2(3) = 1.58496...
        "npmi": log2(3) / -log2(3 / 20),          # 1.58496 / 2.73697 = 0.57909...
        "jaccard": 3 / (4 + 5 - 3),               # 0.5
        "dice": 2 * 3 / (4 + 5),                  # 2/3
        "llr": g2,
        "llr_p": math.erfc(math.sqrt(g2 / 2)),    # χ², 1 d.f.: ≈ 0.014817
        "expected": 4 * 5 / 20,                   # 1
        "lift": 3.0,
    })
    assert one(3, 4, 5, 20)["llr"] == pytest.approx(5.938079, abs=1e-6)
    assert one(3, 4, 5, 20)["llr_p"] == pytest.approx(0.014817, abs=1e-6)


def test_n_ab_equals_n() -> None:
    """Both entities in every unit: npmi is defined as 1.0 (−log2(1) = 0 would divide by 0)."""
    for n in (1, 5):
        close(one(n, n, n, n), {"pmi": 0.0, "npmi": 1.0, "jaccard": 1.0, "dice": 1.0, "llr": 0.0, "llr_p": 1.0,
                                "expected": float(n), "lift": 1.0})


def test_n_a_equals_n() -> None:
    """An entity in every unit (n_a = n) is independent of everything: pmi 0, G² 0, finite."""
    # table [[3, 7], [0, 0]]: the second row is empty, 0·log 0 = 0
    close(one(3, 10, 3, 10), {"pmi": log2(3 * 10 / (10 * 3)), "npmi": 0.0, "jaccard": 3 / 10, "dice": 6 / 13,
                              "llr": 0.0, "llr_p": 1.0, "expected": 3.0, "lift": 1.0})


def test_n_ab_is_one() -> None:
    """A single co-occurrence of two entities seen once each in 1000 units."""
    # table [[1, 0], [0, 999]]; expected cells 1/1000 and 999·999/1000
    g2 = 2 * (1 * log(1 / (1 / 1000)) + 999 * log(999 / (999 * 999 / 1000)))
    close(one(1, 1, 1, 1000), {"pmi": log2(1000), "npmi": 1.0, "jaccard": 1.0, "dice": 1.0, "llr": g2,
                               "llr_p": math.erfc(math.sqrt(g2 / 2)), "expected": 1 / 1000, "lift": 1000.0})
    # and a rare pair among frequent entities: less often than expected, pmi < 0
    close(one(1, 6, 7, 10), {"pmi": log2(10 / 42), "npmi": log2(10 / 42) / -log2(1 / 10),
                             "jaccard": 1 / 12, "dice": 2 / 13, "expected": 4.2, "lift": 1 / 4.2})


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_vectorised_equals_definition(data: st.DataObject) -> None:
    """Every valid units-mode table: the code equals the definitions, and nothing is NaN or inf."""
    n = data.draw(st.integers(1, 10_000))
    n_a = data.draw(st.integers(1, n))
    n_b = data.draw(st.integers(1, n))
    n_ab = data.draw(st.integers(max(1, n_a + n_b - n), min(n_a, n_b)))
    got = one(n_ab, n_a, n_b, n)
    assert all(math.isfinite(v) for v in got.values()), got
    exp = scalar(n_ab, n_a, n_b, n)
    for k in MEASURES:
        assert got[k] == pytest.approx(exp[k], rel=1e-9, abs=1e-9), k
    assert -1 - 1e-12 <= got["npmi"] <= 1 + 1e-12
    assert 0 <= got["llr_p"] <= 1 and got["llr"] >= 0


def test_no_nan_in_units_mode_end_to_end() -> None:
    """Edge cases through gazetta.cooccurrence: an entity in every unit, a pair in every unit,
    a pair seen once."""
    g = (gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland").add("C", "Gammaland")
         .add("D", "Deltaland"))
    docs = ["Alphaland and Betaland. Alphaland and Betaland. Alphaland, Gammaland and Deltaland."]
    co = gazetta.cooccurrence(docs, g, progress=False)
    p = co.pairs.set_index(["a", "b"])
    assert np.isfinite(co.pairs[list(MEASURES)].to_numpy()).all()
    assert p.loc[("A", "B"), "n_ab"] == 2 and p.loc[("A", "B"), "n_a"] == 3 == p.loc[("A", "B"), "n"]
    # n_ab = n_c = n_d = 1 < n = 3: pmi = log2(3) = −log2(1/3), so npmi = 1 (up to rounding)
    assert p.loc[("C", "D"), "npmi"] == pytest.approx(1.0, rel=1e-12)
    assert p.loc[("A", "C"), "pmi"] == 0.0   # A in every unit
    one_unit = gazetta.cooccurrence(["Alphaland and Betaland."], g, progress=False).pairs
    assert one_unit[["n_ab", "n_a", "n_b", "n"]].iloc[0].tolist() == [1, 1, 1, 1]
    assert one_unit["npmi"].iloc[0] == 1.0 and one_unit["llr"].iloc[0] == 0.0


def test_documented_nans_outside_units_mode() -> None:
    """count="mentions" can give n_ab > n_a (mention pairs); then the 2×2 table has negative
    cells and llr is NaN, as _measures documents. Nothing is infinite."""
    got = one(6, 2, 3, 5)  # 2 × 3 mention pairs among 5 mentions
    assert math.isnan(got["llr"]) and math.isnan(got["llr_p"])
    assert math.isnan(got["npmi"])  # n_ab > n
    assert not any(math.isinf(v) for v in got.values())
