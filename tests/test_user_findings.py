"""Findings of a new-user trial: each test failed before its fix."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._input import DuplicateIdsWarning

TEXTS = ["Japan and the United States met.", "Nothing here.", "Japan, the United States and France."]


def _jsonl(path: Path, ids: list) -> Path:
    p = path / "x.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i, t in zip(ids, TEXTS):
            f.write(json.dumps({"id": i, "text": t}) + "\n")
    return p


def test_kept_evidence_names_documents_by_the_corpus_id_field(tmp_path) -> None:
    p = _jsonl(tmp_path, ["d0", "d1", "d2"])
    co = gazetta.cooccurrence(gazetta.read_corpus(p, id="id"), "countries", keep_evidence=3)
    assert co.evidence("JP", "US")["doc"].tolist() == ["d0", "d2"]
    # as Matcher.mentions names them
    m = gazetta.Matcher("countries")
    assert set(m.mentions(gazetta.read_corpus(p, id="id"))["doc"]) == {"d0", "d2"}


def test_duplicate_ids_of_a_corpus_id_field_are_warned(tmp_path) -> None:
    p = _jsonl(tmp_path, ["d0", "d0", "d2"])
    with pytest.warns(DuplicateIdsWarning, match="id field 'id'"):
        co = gazetta.cooccurrence(gazetta.read_corpus(p, id="id"), "countries", keep_evidence=3)
    assert co.meta["duplicate_ids"] == 1


def test_entity_names_are_taken_where_ids_are(tmp_path) -> None:
    co = gazetta.cooccurrence(TEXTS, "countries", unit="document")
    by_id = co.evidence("JP", "US")
    assert co.evidence("Japan", "United States").equals(by_id)
    assert co.evidence("Japan", "US").equals(by_id)
    assert co.partners("Japan", min_n=1).equals(co.partners("JP", min_n=1))
    m = gazetta.Matcher("countries")
    assert m.kwic(TEXTS, "Japan").equals(m.kwic(TEXTS, "JP"))
    kept = gazetta.cooccurrence(gazetta.read_corpus(_jsonl(tmp_path, ["a", "b", "c"])), "countries",
                                keep_evidence=2)
    assert kept.evidence("Japan", "United States")["doc"].tolist() == [0, 2]


def test_unknown_entity_suggests_the_closest() -> None:
    co = gazetta.cooccurrence(TEXTS, "countries", unit="document")
    with pytest.raises(KeyError, match=r"unknown entity 'Japn'.*did you mean 'JP' \(Japan\)"):
        co.evidence("Japn", "US")
    with pytest.raises(KeyError, match=r"did you mean 'JP' \(Japan\)"):
        co.partners("japan")
    with pytest.raises(KeyError, match=r"did you mean 'US' \(United States\)"):
        gazetta.Matcher("countries").kwic(TEXTS, "United State")


def test_a_shared_name_asks_for_the_id() -> None:
    g = gazetta.Gazetteer().add("GA1", "Georgia").add("GA2", "Georgia", aliases=["Sakartvelo"]).add("US", "Utopia")
    co = gazetta.cooccurrence(["Georgia and Utopia.", "Sakartvelo and Utopia."], g, unit="document")
    with pytest.raises(KeyError, match=r"'Georgia' is the name of 2 entities \('GA1', 'GA2'\): pass the entity id"):
        co.partners("Georgia")


def test_n_tokens_is_nan_unless_tokens_are_counted() -> None:
    df = pd.DataFrame({"text": TEXTS, "s": ["x", "x", "y"]})
    co = gazetta.cooccurrence(df, "countries", by="s")
    assert co.groups["n_tokens"].isna().all()
    assert co.merge(co).groups["n_tokens"].isna().all()  # merge and rollup sum as 0: still NaN
    from gazetta._graph import rollup

    assert rollup(co, ()).groups["n_tokens"].isna().all()
    w = gazetta.cooccurrence(df, "countries", by="s", window=5)
    assert w.groups["n_tokens"].tolist() == w.groups["n"].tolist() and w.groups["n_tokens"].gt(0).all()
    assert w.merge(w).groups["n_tokens"].tolist() == (2 * w.groups["n_tokens"]).tolist()
