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
