"""Matcher.dfm: the document × entity matrix (issue 21 item 4) on hand-counted documents, in
every corpus form Matcher.mentions takes."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

import gazetta
from gazetta._dfm import DocumentEntityMatrix


def _matcher() -> gazetta.Matcher:
    g = (gazetta.Gazetteer()
         .add("FR", "France", kind="country")
         .add("JP", "Japan", kind="country")
         .add("PAR", "Paris", kind="city", parent="FR")
         .add("TYO", "Tokyo", kind="city", parent="JP")
         .add("XX", "Atlantis", kind="city"))
    return gazetta.Matcher(g)


#: By hand: doc 0: Japan x2, Tokyo x1; doc 1: nothing; doc 2: France, Paris x2, Japan.
DOCS = ["Japan and Tokyo. Japan again.", "Nothing here.", "France.\nParis and Paris. Japan."]
#: columns sorted by id: FR, JP, PAR, TYO, XX
EXPECTED = [[0, 2, 0, 1, 0],
            [0, 0, 0, 0, 0],
            [1, 1, 2, 0, 0]]


def test_three_documents_by_hand():
    d = _matcher().dfm(DOCS)
    assert isinstance(d, DocumentEntityMatrix)
    assert sparse.isspmatrix_csr(d.matrix) and d.matrix.dtype == np.int64
    assert d.matrix.toarray().tolist() == EXPECTED
    assert d.doc_ids == [0, 1, 2]
    assert d.entity_ids == ["FR", "JP", "PAR", "TYO", "XX"]
    assert d.entities["kind"].tolist() == ["country", "country", "city", "city", "city"]
    assert d.entities["name"].tolist() == ["France", "Japan", "Paris", "Tokyo", "Atlantis"]
    assert d.shape == (3, 5) and d.meta["n_mentions"] == 7 and d.meta["n_docs"] == 3
    f = d.to_frame()
    assert f.loc[2, "PAR"] == 2 and list(f.columns) == d.entity_ids and f.index.name == "doc"
    assert "3 documents x 5 entities, 7 mentions" in repr(d)


def test_ids_and_found_columns():
    d = _matcher().dfm(DOCS, ids=["a", "b", "c"], columns="found")
    assert d.doc_ids == ["a", "b", "c"]
    assert d.entity_ids == ["FR", "JP", "PAR", "TYO"]
    assert d.matrix.toarray().tolist() == [r[:4] for r in EXPECTED]
    with pytest.raises(ValueError, match="ids has 2 entries but there are 3 texts"):
        _matcher().dfm(DOCS, ids=["a", "b"])


def test_level_country():
    d = _matcher().dfm(DOCS, level="country")
    assert d.entity_ids == ["FR", "JP"]
    # doc 0: Japan x2 + Tokyo -> JP 3; doc 2: France + Paris x2 -> FR 3, Japan -> JP 1
    assert d.matrix.toarray().tolist() == [[0, 3], [0, 0], [3, 1]]
    assert d.meta["unmapped_mentions"] == 0 and d.meta["n_mentions"] == 7
    d = _matcher().dfm(["Atlantis and Japan."], level="country")
    assert d.matrix.toarray().tolist() == [[0, 1]] and d.meta["unmapped_mentions"] == 1
    with pytest.raises(ValueError, match="no entity has that kind"):
        _matcher().dfm(DOCS, level="planet")


def test_sentences_and_paragraphs():
    d = _matcher().dfm(DOCS, unit="sentence", ids=["a", "b", "c"])
    # a: "Japan and Tokyo." "Japan again."; b: one sentence; c: "France." "Paris and Paris." "Japan."
    assert d.docs.values.tolist() == [["a", 0], ["a", 1], ["b", 0], ["c", 0], ["c", 1], ["c", 2]]
    assert list(d.docs.columns) == ["doc", "sentence"]
    assert d.matrix.toarray().tolist() == [[0, 1, 0, 1, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 0],
                                           [1, 0, 0, 0, 0], [0, 0, 2, 0, 0], [0, 1, 0, 0, 0]]
    assert d.to_frame().loc[("c", 1), "PAR"] == 2
    p = _matcher().dfm(DOCS, unit="paragraph", paragraphs="line")
    assert p.docs.values.tolist() == [[0, 0], [1, 0], [2, 0], [2, 1]]
    assert p.matrix.toarray().tolist() == [[0, 2, 0, 1, 0], [0, 0, 0, 0, 0], [1, 0, 0, 0, 0], [0, 1, 2, 0, 0]]
    # sums over units equal the document matrix
    assert (p.matrix.sum() == d.matrix.sum() == 7)


def test_empty_and_missing_texts():
    d = _matcher().dfm([None, "", np.nan, "Japan"], unit="sentence")
    assert d.docs.values.tolist() == [[3, 0]] and d.matrix.toarray().tolist() == [[0, 1, 0, 0, 0]]
    e = _matcher().dfm([])
    assert e.shape == (0, 5) and e.doc_ids == []
    assert _matcher().dfm([None, "x"]).matrix.toarray().tolist() == [[0] * 5, [0] * 5]


def _forms(tmp_path):
    pa = pytest.importorskip("pyarrow")
    yield "list", DOCS
    yield "tuple", tuple(DOCS)
    yield "series", pd.Series(DOCS, index=[10, 11, 12])
    yield "ndarray", np.array(DOCS, dtype=object)
    yield "arrow", pa.array(DOCS)
    yield "arrow series", pd.Series(DOCS, dtype="string[pyarrow]")
    yield "generator", (t for t in DOCS)
    yield "dicts", iter([{"text": t} for t in DOCS])
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"text": t}) + "\n" for t in DOCS))
    yield "jsonl", gazetta.read_corpus(p)
    q = tmp_path / "c.parquet"
    pd.DataFrame({"text": DOCS}).to_parquet(q)
    yield "parquet", gazetta.read_corpus(q)


def test_every_corpus_form(tmp_path):
    m = _matcher()
    for name, texts in _forms(tmp_path):
        d = m.dfm(texts)
        assert d.matrix.toarray().tolist() == EXPECTED, name
        assert d.doc_ids == [0, 1, 2], name
    for name, texts in _forms(tmp_path):
        d = m.dfm(texts, unit="sentence")
        assert d.shape == (6, 5) and d.matrix.sum() == 7, name


def test_corpus_ids(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(DOCS)))
    c = gazetta.read_corpus(p, id="id")
    d = _matcher().dfm(c)
    assert d.doc_ids == ["n0", "n1", "n2"] and d.matrix.toarray().tolist() == EXPECTED
    s = _matcher().dfm(c, unit="sentence")
    assert s.doc_ids == ["n0", "n0", "n1", "n2", "n2", "n2"]
    assert _matcher().dfm(c, ids=["x", "y", "z"]).doc_ids == ["x", "y", "z"]


def test_ambiguous_counts_each_candidate():
    g = gazetta.Gazetteer().add("GE", "Georgia", kind="country").add("US-GA", "Georgia", kind="state")
    d = gazetta.Matcher(g, ambiguous="all").dfm(["Georgia."])
    assert d.matrix.toarray().tolist() == [[1, 1]] and d.meta["ambiguous_mentions"] == 2
    assert gazetta.Matcher(g, ambiguous="skip").dfm(["Georgia."]).matrix.sum() == 0


def test_bad_options():
    m = _matcher()
    with pytest.raises(ValueError, match="unit.*'sentence'"):
        m.dfm(DOCS, unit="word")
    with pytest.raises(ValueError, match="columns"):
        m.dfm(DOCS, columns="some")
    with pytest.raises(ValueError, match="paragraphs"):
        m.dfm(DOCS, paragraphs="never")
    with pytest.raises(TypeError):
        m.dfm([1, 2])
    with pytest.raises(TypeError, match="single str"):
        m.dfm("Japan")
