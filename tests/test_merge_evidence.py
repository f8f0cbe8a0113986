"""Merging results that kept evidence (``keep_evidence=``): the merged result's evidence is
the evidence of one run over the concatenated corpus (first units in corpus order, document
positions of the second part shifted), with and without ids and groups."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import gazetta

DOCS = [
    ("Japan and China met. China and Japan again.", "x", "d0"),
    ("Nothing here.", "y", "d1"),
    ("Korea and Japan. Japan, Korea and China.", "x", "d2"),
    ("China and Japan talked. Korea and China too.", "y", "d3"),
    ("Japan and China, once more. And Korea with Japan.", "x", "d4"),
    ("China; Japan. Korea and Japan and China.", "y", "d5"),
]


def gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i, n in [("JP", "Japan"), ("CN", "China"), ("KR", "Korea")]:
        g.add(i, n, kind="country")
    return g


def frame() -> pd.DataFrame:
    return pd.DataFrame(DOCS, columns=["text", "src", "doc_id"])


PAIRS = [("CN", "JP"), ("JP", "KR"), ("CN", "KR"), ("KR", "CN")]


@pytest.mark.parametrize("split", [1, 2, 3, 5])
@pytest.mark.parametrize("kw", [{}, {"id": "doc_id"}, {"by": "src"}, {"by": "src", "id": "doc_id"}],
                         ids=["positions", "ids", "groups", "groups+ids"])
@pytest.mark.parametrize("cap", [1, 2, 10])
def test_merged_evidence_equals_whole(split, kw, cap) -> None:
    df = frame()
    m = gazetta.Matcher(gaz())
    whole = gazetta.cooccurrence(df, m, keep_evidence=cap, **kw)
    merged = gazetta.cooccurrence(df.iloc[:split], m, keep_evidence=cap, **kw).merge(
        gazetta.cooccurrence(df.iloc[split:].reset_index(drop=True), m, keep_evidence=cap, **kw))
    pd.testing.assert_frame_equal(whole.pairs, merged.pairs)
    for a, b in PAIRS:
        for n in (1, 3, 50):
            pd.testing.assert_frame_equal(pd.DataFrame(whole.evidence(a, b, n)), pd.DataFrame(merged.evidence(a, b, n)))
    # and after pickling the merged result
    again = pickle.loads(pickle.dumps(merged))
    pd.testing.assert_frame_equal(pd.DataFrame(again.evidence("CN", "JP", 5)),
                                  pd.DataFrame(whole.evidence("CN", "JP", 5)))


def test_three_way_merge_and_meta() -> None:
    df = frame()
    m = gazetta.Matcher(gaz())
    whole = gazetta.cooccurrence(df, m, keep_evidence=2)
    parts = [gazetta.cooccurrence(df.iloc[i:j].reset_index(drop=True), m, keep_evidence=2)
             for i, j in [(0, 2), (2, 3), (3, 6)]]
    merged = parts[0].merge(parts[1]).merge(parts[2])
    assert merged.meta["keep_evidence"] == 2 and merged.meta["n_docs"] == 6
    for a, b in PAIRS:
        pd.testing.assert_frame_equal(pd.DataFrame(whole.evidence(a, b, 5)), pd.DataFrame(merged.evidence(a, b, 5)))


def test_merge_without_kept_evidence_on_one_side_has_none() -> None:
    df = frame()
    m = gazetta.Matcher(gaz())
    kept = gazetta.cooccurrence(df.iloc[:3], m, keep_evidence=2)
    plain = gazetta.cooccurrence(df.iloc[3:].reset_index(drop=True), m)
    merged = kept.merge(plain)
    with pytest.raises(gazetta.GazettaError, match="merged"):
        merged.evidence("CN", "JP")
