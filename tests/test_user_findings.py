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
        co.partners("Japn")
    assert co.partners("japan")["entity"].unique().tolist() == ["JP"]  # an alias, whatever its case
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


# -- the command line -------------------------------------------------------------------------
def _cli(*args: str, cwd: Path) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    env = {k: v for k, v in __import__("os").environ.items() if k != "PYTHONWARNINGS"}
    return subprocess.run([sys.executable, "-m", "gazetta", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def _corpus(tmp_path: Path, docs: list) -> Path:
    p = tmp_path / "news.jsonl"
    p.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return p


def test_cli_gazetteer_given_twice_is_merged(tmp_path) -> None:
    from gazetta.cli import main

    people = tmp_path / "people.csv"
    pd.DataFrame({"id": ["abe"], "name": ["Shinzo Abe"], "kind": ["person"], "aliases": ["Abe"]}).to_csv(
        people, index=False)
    corpus = _corpus(tmp_path, [{"text": "Abe flew to Japan."}])
    out = tmp_path / "m.csv"
    assert main(["match", str(corpus), "-g", "countries", "-g", str(people), "-q", "-o", str(out)]) == 0
    assert sorted(pd.read_csv(out)["entity"]) == ["JP", "abe"]
    # an id in both with other content: the error of g1 + g2
    other = tmp_path / "other.csv"
    pd.DataFrame({"id": ["abe"], "name": ["Abe Lincoln"], "kind": ["person"], "aliases": [""]}).to_csv(
        other, index=False)
    with pytest.raises(gazetta.GazetteerError) as py_err:
        gazetta.Gazetteer.read_csv(people) + gazetta.Gazetteer.read_csv(other)
    r = _cli("match", str(corpus), "-g", str(people), "-g", str(other), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 1 and "'abe'" in r.stderr and "Abe Lincoln" in r.stderr, r.stderr
    assert str(py_err.value).split(":")[0] in r.stderr


def test_cli_warnings_are_one_line_with_cli_advice(tmp_path) -> None:
    docs = [{"text": "Japan and China met."}] + [{"text": "Japan."}] * 5 + [{"text": "China."}] * 5
    corpus = _corpus(tmp_path, docs)
    args = ["cooccur", str(corpus), "-g", "countries", "-o", "p.csv", "--network", "n.gexf", "--weight", "npmi"]
    r = _cli(*args, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("gazetta: warning: write_gexf: 1 negative npmi edge weight, kept."), r.stderr
    assert "pass --min-weight 0 to leave such edges out, --min-weight=-inf" in r.stderr and "--weight n_ab" in r.stderr
    assert "min_weight=" not in r.stderr and "UserWarning" not in r.stderr and "warnings.warn" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    # --quiet prints nothing on success, but still the warnings
    q = _cli(*args, "-q", cwd=tmp_path)
    assert q.returncode == 0 and q.stdout == "" and q.stderr == r.stderr
    # --min-weight 0: the negative edge is left out, no warning
    r = _cli(*args, "--min-weight", "0", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert "<edge " not in (tmp_path / "n.gexf").read_text(encoding="utf-8")
    r = _cli(*args[:-4], "--network", "n.graphml", "--weight", "npmi", "--min-weight", "0", cwd=tmp_path)
    assert r.returncode == 0 and "<edge " not in (tmp_path / "n.graphml").read_text(encoding="utf-8")
    assert _cli(*args[:6], "--min-weight", "0", cwd=tmp_path).returncode == 2  # without --network


def test_cli_warning_of_one_document_and_explode(tmp_path) -> None:
    corpus = _corpus(tmp_path, [{"text": "Japan and China.", "desk": "a"}, {"text": "Japan and China."}])
    r = _cli("cooccur", str(corpus), "-g", "countries", "--by", "desk", "-q", "-o", "p.csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr == "gazetta: warning: 1 document has a missing group key and was not counted\n"
    corpus = _corpus(tmp_path, [{"text": "Japan and China.", "desk": ["a", "b"]}])
    r = _cli("cooccur", str(corpus), "-g", "countries", "--by", "desk", "-q", "-o", "p.csv", cwd=tmp_path)
    assert r.returncode == 1 and "pass --explode to count" in r.stderr and "explode=True" not in r.stderr, r.stderr


def test_dask_reports_one_missing_group_key_once() -> None:
    dask = pytest.importorskip("dask", reason="dask is not installed (the dask extra)")
    import dask.dataframe as dd

    import gazetta.dask

    df = pd.DataFrame({"text": TEXTS, "s": ["x", None, "y"]})
    with dask.config.set(scheduler="sync"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gazetta.dask.cooccurrence(dd.from_pandas(df, npartitions=3), "countries", by="s")
    assert [str(w.message) for w in caught if "group key" in str(w.message)] == [
        "1 document has a missing group key and was not counted (see .meta['missing_key_docs'])"]


def test_an_alias_names_its_entity_in_result_lookups(recwarn) -> None:
    """co.partners("Britain") failed with "did you mean 'TW' (Taiwan) or 'BR' (Brazil)?" (trial
    user C7): an alias of the gazetteer that one entity of the result has names it; a near
    miss suggests the entity by its alias; an alias of several entities asks for the id."""
    texts = ["Britain and France met.", "The UK and France again.", "Georgia and Britain."]
    co = gazetta.cooccurrence(texts, "countries", unit="document")
    assert co.partners("Britain")["entity"].unique().tolist() == ["GB"]
    assert co.evidence("Britain", "France")["doc"].tolist() == co.evidence("GB", "FR")["doc"].tolist() == [0, 1]
    with pytest.raises(KeyError, match=r"did you mean 'GB' \(United Kingdom; alias 'Britain'\)"):
        co.partners("Britan")
    from gazetta import plot

    with pytest.raises(KeyError, match=r"'Japan' is an alias of 'JP' in the gazetteer, which this result "
                                       r"does not have"):
        co.partners("Japan")
    g = gazetta.Gazetteer().add("GA1", "Georgia (country)", aliases=["Georgia"]) \
        .add("GA2", "Georgia (state)", aliases=["Georgia"]).add("X", "Xland")
    co2 = gazetta.cooccurrence(["Georgia and Xland."], g, unit="document")
    with pytest.raises(KeyError, match=r"'Georgia' is an alias of 2 entities \('GA1' \(Georgia \(country\)\), "
                                       r"'GA2' \(Georgia \(state\)\)\): pass the entity id"):
        co2.partners("Georgia")
    assert plot._resolve(co, "Britain") == "GB"
    assert not recwarn.list


def test_evidence_of_a_pair_that_never_cooccurs_says_so() -> None:
    """co.evidence("GE", "RU") of a pair never seen together gave an empty frame without a word
    (trial user C7)."""
    df = pd.DataFrame({"text": ["Japan and France.", "Georgia.", "Russia and Japan."], "s": ["a", "b", "b"]})
    co = gazetta.cooccurrence(df, "countries", by="s", unit="document")
    with pytest.warns(UserWarning, match=r"evidence: 'GE' \(Georgia\) and 'RU' \(Russia\) never co-occur \(n_ab = 0\)"):
        assert len(co.evidence("GE", "RU")) == 0
    with pytest.warns(UserWarning, match=r"never co-occur in the group 'a'"):
        assert len(co.evidence("JP", "RU", group="a")) == 0
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(co.evidence("JP", "RU")) == 1 and len(co.evidence("JP", "RU", group="b")) == 1
