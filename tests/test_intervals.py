"""Uncertainty (issue 21 item 3): delta-method intervals of pmi and npmi on a toy case by hand,
their coverage by a small seeded simulation, and min_n masking in Cooccurrence.table."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._measures import DEFAULT_MIN_N, INTERVAL_COLUMNS, intervals, mask_min_n

Z95 = 1.959963984540054


def _delta_by_hand(k: float, a: float, b: float, n: float) -> tuple:
    """The delta method written out on the four cells (with 0.5 added to each): numeric
    gradient of (ln pmi, npmi) in the cell shares times the multinomial covariance."""
    cells = np.array([k, a - k, b - k, n - a - b + k], dtype=float) + 0.5
    p = cells / cells.sum()

    def f(q: np.ndarray) -> np.ndarray:
        p11, p12, p21 = q[0], q[1], q[2]
        L = math.log(p11 / ((p11 + p12) * (p11 + p21)))
        return np.array([L, L / -math.log(p11)])

    eps = 1e-7
    J = np.array([(f(p + eps * e) - f(p - eps * e)) / (2 * eps) for e in np.eye(4)]).T
    cov = (np.diag(p) - np.outer(p, p)) / cells.sum()
    v = J @ cov @ J.T
    return math.sqrt(v[0, 0]), math.sqrt(v[1, 1])


def test_interval_on_a_toy_case_by_hand() -> None:
    """n_ab=10, n_a=20, n_b=25, n=100: pmi = log2(10·100/(20·25)) = 1 bit, npmi = 1/log2(10).
    Smoothed cells 10.5, 10.5, 15.5, 65.5 (n_ab+0.5, n_a+1, n_b+1, n+2 = 10.5, 21, 26, 102):
    Var(L) = 1/10.5 − 1/21 − 1/26 + 2·10.5/(21·26) − 1/102."""
    var_l = 1 / 10.5 - 1 / 21 - 1 / 26 + 2 * 10.5 / (21 * 26) - 1 / 102
    assert var_l == pytest.approx(0.0378151260504, rel=1e-9)
    h = math.log(102 / 10.5)
    npmi_s = math.log(10.5 * 102 / (21 * 26)) / h
    c = 1 / 10.5 - 1 / 21 - 1 / 26 + 1 / 102
    var_n = (var_l + 2 * npmi_s * c + npmi_s ** 2 * (1 / 10.5 - 1 / 102)) / h ** 2
    sd_l, sd_n = _delta_by_hand(10, 20, 25, 100)  # the same, by the general formula
    assert sd_l == pytest.approx(math.sqrt(var_l), rel=1e-6)
    assert sd_n == pytest.approx(math.sqrt(var_n), rel=1e-6)
    iv = intervals(np.array([10]), np.array([20]), np.array([25]), np.array([100]))
    half_pmi = Z95 * math.sqrt(var_l) / math.log(2)
    assert iv["pmi_lo"][0] == pytest.approx(1 - half_pmi) and iv["pmi_hi"][0] == pytest.approx(1 + half_pmi)
    npmi = 1 / math.log2(10)
    assert iv["npmi_lo"][0] == pytest.approx(npmi - Z95 * math.sqrt(var_n))
    assert iv["npmi_hi"][0] == pytest.approx(npmi + Z95 * math.sqrt(var_n))
    # the numbers themselves
    assert [round(float(iv[c][0]), 4) for c in INTERVAL_COLUMNS] == [0.4501, 1.5499, 0.096, 0.506]
    # another level: 90 %
    iv90 = intervals(np.array([10]), np.array([20]), np.array([25]), np.array([100]), level=0.9)
    assert iv90["pmi_hi"][0] - 1 == pytest.approx(1.6448536269514722 * math.sqrt(var_l) / math.log(2))


def test_boundary_and_invalid_tables() -> None:
    # always together on two units: npmi = 1, the interval is not of width 0 and stays <= 1
    iv = intervals(np.array([2]), np.array([2]), np.array([2]), np.array([1000]))
    assert iv["npmi_hi"][0] == 1.0 and iv["npmi_lo"][0] < 0.9
    assert iv["pmi_hi"][0] - iv["pmi_lo"][0] > 2  # bits
    # every unit holds both (npmi = 1 by definition): a finite interval within [-1, 1]
    iv = intervals(np.array([5]), np.array([5]), np.array([5]), np.array([5]))
    assert -1 <= iv["npmi_lo"][0] <= iv["npmi_hi"][0] == 1.0
    # not a contingency table (mention pairs above n): NaN
    iv = intervals(np.array([6]), np.array([3]), np.array([2]), np.array([5]))
    assert all(np.isnan(iv[c][0]) for c in INTERVAL_COLUMNS)
    for bad in (0, 1, 1.5, "0.95", True, float("nan")):
        with pytest.raises(ValueError, match="interval"):
            intervals(np.array([2]), np.array([3]), np.array([3]), np.array([10]), level=bad)


@pytest.mark.parametrize("cells,n", [((0.04, 0.03, 0.05), 1000), ((0.01, 0.002, 0.003), 2000),
                                     ((0.02, 0.1, 0.15), 1000)])
def test_coverage_by_simulation(cells: tuple, n: int) -> None:
    """Seeded multinomial draws of the 2×2 cells; the 95 % intervals cover the true pmi and
    npmi in 93-97 % of 4,000 draws (the normal approximation holds at these counts: expected
    n_ab 20-40)."""
    p11, p12, p21 = cells
    p = np.array([p11, p12, p21, 1 - p11 - p12 - p21])
    true_l = math.log(p11 / ((p11 + p12) * (p11 + p21)))
    true_pmi, true_npmi = true_l / math.log(2), true_l / -math.log(p11)
    draws = np.random.default_rng(20261205).multinomial(n, p, size=4000)
    k = draws[:, 0]
    a, b = k + draws[:, 1], k + draws[:, 2]
    ok = k >= 1  # a pair is only in the table when seen
    iv = intervals(k[ok], a[ok], b[ok], np.full(ok.sum(), n))
    cov_pmi = np.mean((iv["pmi_lo"] <= true_pmi) & (true_pmi <= iv["pmi_hi"]))
    cov_npmi = np.mean((iv["npmi_lo"] <= true_npmi) & (true_npmi <= iv["npmi_hi"]))
    assert 0.93 <= cov_pmi <= 0.97, cov_pmi
    assert 0.93 <= cov_npmi <= 0.97, cov_npmi


# --------------------------------------------------------------------------------------------
# Cooccurrence.table and mask_min_n
def _gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i in "ABC":
        g.add(i, i + "land")
    return g


def _docs() -> list:
    return ["Aland and Bland."] * 10 + ["Aland."] * 10 + ["Bland."] * 15 + ["Nothing."] * 65 + ["Cland and Aland."] * 2


def test_table_masks_small_counts_and_adds_intervals() -> None:
    co = gazetta.cooccurrence(_docs(), _gaz())
    t = co.table()
    assert t.attrs["min_n"] == DEFAULT_MIN_N == 5 and t.attrs["masked"] == 1
    assert t.attrs["interval"] == 0.95 and "delta" in t.attrs["interval_method"]
    assert list(t.columns) == list(co.pairs.columns) + list(INTERVAL_COLUMNS) + ["masked"]
    ab = t.set_index(["a", "b"]).loc[("A", "B")]
    ac = t.set_index(["a", "b"]).loc[("A", "C")]
    assert not ab["masked"] and ac["masked"]
    assert ac["n_ab"] == 2 and ac["n_a"] == 22 and ac["expected"] == co.pairs.set_index(["a", "b"]).loc[
        ("A", "C"), "expected"]
    for c in ("pmi", "npmi", "jaccard", "dice", "llr", "llr_p", "lift", *INTERVAL_COLUMNS):
        assert np.isnan(ac[c]), c
    want = intervals(np.array([10]), np.array([22]), np.array([25]), np.array([102]))
    for c in INTERVAL_COLUMNS:
        assert ab[c] == pytest.approx(want[c][0])
    assert ab["npmi_lo"] < ab["npmi"] < ab["npmi_hi"]
    # the counted pairs are untouched
    assert not co.pairs[["npmi"]].isna().any().any()
    # min_n=1 masks nothing; interval=None leaves the columns out
    t1 = co.table(min_n=1, interval=None)
    assert t1.attrs["masked"] == 0 and not t1["masked"].any() and "pmi_lo" not in t1.columns
    assert t1.attrs["interval"] is None


def test_table_sort_group_and_mentions() -> None:
    df = pd.DataFrame({"text": _docs() * 2, "s": ["x"] * len(_docs()) + ["y"] * len(_docs())})
    co = gazetta.cooccurrence(df, _gaz(), by="s")
    t = co.table(sort_by="npmi")
    assert t["s"].tolist() == ["x", "x", "y", "y"] and t["masked"].tolist() == [False, True, False, True]
    assert co.table(group="y").shape[0] == 2 and set(co.table(group="y")["s"]) == {"y"}
    with pytest.raises(ValueError, match="sort_by"):
        co.table(sort_by="name_a")
    with pytest.raises(ValueError, match="min_n"):
        co.table(min_n=0)
    m = gazetta.cooccurrence(["Aland Aland and Bland."] * 6, _gaz(), count="mentions")
    tm = m.table()
    assert tm.loc[0, "n_ab"] == 12 and tm[list(INTERVAL_COLUMNS)].isna().all().all()


def test_mask_min_n_helper() -> None:
    df = pd.DataFrame({"n_ab": [9, 2, 5], "npmi": [0.4, 1.0, 0.2], "pmi_lo": [0.1, 0.5, 0.0], "other": [1, 2, 3]})
    out = mask_min_n(df, 5)
    assert out["npmi"].isna().tolist() == [False, True, False] and out["pmi_lo"].isna().tolist() == [False, True, False]
    assert out["other"].tolist() == [1, 2, 3] and out.attrs == {"min_n": 5, "masked": 1}
    assert "masked" not in df.columns  # a copy
    only = mask_min_n(df, 10, columns=["npmi"])
    assert only["npmi"].isna().all() and not only["pmi_lo"].isna().any() and only.attrs["masked"] == 3


def test_partners_interval_columns_match_table() -> None:
    from gazetta._partners import partners

    co = gazetta.cooccurrence(_docs(), _gaz())
    p = partners(co, "B", interval=0.95)
    t = co.table(min_n=1).set_index(["a", "b"]).loc[("A", "B")]
    assert p.loc[0, "partner"] == "A"
    for c in INTERVAL_COLUMNS:
        assert p.loc[0, c] == pytest.approx(t[c])
    assert "pmi_lo" not in partners(co, "B").columns
