"""Evidence of one group of a sliced result (``evidence(group=...)``)."""

import pytest

import gazetta


def test_evidence_of_one_group() -> None:
    """group= keeps one slice of a by=/time= result, from the corpus and from kept units,
    with the same values as partners(group=...): a time key also as a string."""
    import pandas as pd

    g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    news = pd.DataFrame({"text": [f"Report {i}: Alphaland and Betaland." for i in range(10)],
                         "date": pd.date_range("2024-01-01", periods=10, freq="W"),
                         "src": ["x", "y"] * 5})
    monthly = gazetta.cooccurrence(news, g, time="date", freq="M")
    feb = monthly.evidence("A", "B", group="2024-02")
    assert feb["doc"].tolist() == [4, 5, 6, 7] and set(feb["date"].astype(str)) == {"2024-02"}
    assert len(feb) == int(monthly._group_pairs("2024-02")["n_ab"].sum())
    kept = gazetta.cooccurrence(iter(news.to_dict("records")), g, time="date", freq="M", keep_evidence=3)
    assert kept.evidence("A", "B", group=pd.Period("2024-02", "M"))["doc"].tolist() == [4, 5, 6]
    # a random draw inside one group: from the corpus (3 of its 4 units were kept)
    assert sorted(monthly.evidence("A", "B", n=2, sample="random", seed=0, group="2024-02")["doc"]) \
        in ([4, 5], [4, 6], [4, 7], [5, 6], [5, 7], [6, 7])
    two = gazetta.cooccurrence(news, g, by="src", time="date", freq="M")
    assert two.evidence("A", "B", group=("y", "2024-01"))["doc"].tolist() == [1, 3]
    with pytest.raises(ValueError, match="one value per key column"):
        two.evidence("A", "B", group="y")
    with pytest.raises(TypeError, match="tuple of one value per key column"):
        monthly.evidence("A", "B", group=["2024-02"])
    with pytest.raises(ValueError, match="no groups"):
        gazetta.cooccurrence(news, g).evidence("A", "B", group="x")
