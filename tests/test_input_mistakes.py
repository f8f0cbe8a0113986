"""Silent input mistakes become errors or warnings (issue 19, item 7), all checked by one
input layer (gazetta._input): look-alike gazetteer columns, list-valued by= columns
(explode=True), swapped arguments, built-in gazetteer names, polars and pyarrow tables,
duplicate document ids, and metadata asked of a bare Series."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any, List

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._input import DuplicateIdsWarning

DOCS = [
    "Japan and China met in Tokyo. South Korea watched.",
    "China and South Korea signed a deal.",
    "Japan, China and South Korea.",
    "Nothing here.",
    "South Korea and Japan.",
]


@pytest.fixture(scope="module")
def gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i, n in [("JP", "Japan"), ("CN", "China"), ("KR", "South Korea")]:
        g.add(i, n, kind="country")
    return g


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "id": [f"d{i}" for i in range(len(DOCS))],
        "text": DOCS,
        "desk": [["asia", "world"], ["asia"], ["world", "asia", "world"], [], ["asia"]],
        "source": ["a", "b", "a", "b", "a"],
    })


def _table(co: gazetta.Cooccurrence, key: str = "desk") -> List[Any]:
    return co.pairs[[key, "a", "b", "n_ab", "n_a", "n_b", "n"]].values.tolist()


# -- gazetteer columns ------------------------------------------------------------------------
@pytest.mark.parametrize("col, role", [("alias", "aliases"), ("Aliases", "aliases"), ("synonyms", "aliases"),
                                       ("type", "kind"), ("category", "kind")])
def test_lookalike_gazetteer_column_warns(col: str, role: str) -> None:
    df = pd.DataFrame({"id": ["JP"], "name": ["Japan"], col: ["Nippon" if role == "aliases" else "country"]})
    with pytest.warns(UserWarning, match=rf"no '{role}' column but a column '{col}'.*did you mean '{role}'") as w:
        g = gazetta.Gazetteer.from_dataframe(df)
    assert f"{role}={col!r}" in str(w[0].message)  # how to say which column is meant
    assert g["JP"].attrs == {col: df.loc[0, col]}  # still read as an attribute, as documented
    # said explicitly: no warning, and the column has its role
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = gazetta.Gazetteer.from_dataframe(df, **{role: col})
    if role == "aliases":
        assert [a.text for a in g["JP"].aliases] == ["Japan", "Nippon"]
    else:
        assert g["JP"].kind == "country"


def test_lookalike_column_in_files_and_records(tmp_path: Path) -> None:
    p = tmp_path / "g.csv"
    p.write_text("id,name,alias\nJP,Japan,Nippon\n")
    with pytest.warns(UserWarning, match=r"g\.csv has no 'aliases' column but a column 'alias'"):
        gazetta.Gazetteer.read_csv(p)
    with pytest.warns(UserWarning, match=r"first record has no 'kind' key but a key 'type'"):
        gazetta.Gazetteer.from_records([{"id": "JP", "name": "Japan", "type": "country"}])
    j = tmp_path / "g.jsonl"
    j.write_text(json.dumps({"id": "JP", "name": "Japan", "alias": ["Nippon"]}) + "\n")
    with pytest.warns(UserWarning, match=r"did you mean 'aliases'"):
        gazetta.Gazetteer.read_json(j)


def test_right_columns_do_not_warn() -> None:
    df = pd.DataFrame({"id": ["JP"], "name": ["Japan"], "aliases": ["Nippon"], "kind": ["country"],
                       "type": ["sovereign"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = gazetta.Gazetteer.from_dataframe(df)
        gazetta.gazetteers.countries()
    assert g["JP"].attrs == {"type": "sovereign"}


# -- by= columns holding lists ----------------------------------------------------------------
def test_list_valued_by_column_is_named_and_explode_offered(gaz: gazetta.Gazetteer) -> None:
    with pytest.raises(ValueError, match=r"by= column 'desk' holds lists.*explode=True"):
        gazetta.cooccurrence(frame(), gaz, by="desk")
    # a stream of records: found while counting, same message
    recs = frame().to_dict("records")
    with pytest.raises(ValueError, match=r"by= column 'desk' holds lists.*explode=True"):
        gazetta.cooccurrence(iter(recs), gaz, by="desk")


def test_explode_counts_a_document_once_in_each_group(gaz: gazetta.Gazetteer) -> None:
    df = frame()
    with pytest.warns(UserWarning, match="1 document has a missing group key and was not counted"):
        co = gazetta.cooccurrence(df, gaz, by="desk", explode=True, unit="document")
    # as counting the exploded table, with a desk repeated in a document's list counted once
    manual = df.assign(desk=[list(dict.fromkeys(v)) for v in df["desk"]]).explode("desk", ignore_index=True)
    with pytest.warns(UserWarning, match="1 document has a missing group key and was not counted"):
        ref = gazetta.cooccurrence(manual, gaz, by="desk", unit="document")
    assert _table(co) == _table(ref)
    assert co.groups.set_index("desk")["n_docs"].to_dict() == {"asia": 4, "world": 2}
    assert co.meta["explode"] == {"docs": 5, "rows": 7}
    assert co.meta["n_docs"] == 7 and co.meta["missing_key_docs"] == 1
    # evidence re-read from the corpus is the units counted
    ev = co.evidence("CN", "JP", n=10)
    assert sorted(ev["desk"].astype(str).tolist()) == ["asia", "asia", "world", "world"]
    assert ev["doc"].tolist() == [0, 1, 3, 4]  # without id=: row positions after exploding


def test_explode_streams_and_sets(gaz: gazetta.Gazetteer) -> None:
    df = frame()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ref = gazetta.cooccurrence(df, gaz, by=["desk", "source"], explode=True, id="id", keep_evidence=5)
        recs = gazetta.cooccurrence(iter(df.to_dict("records")), gaz, by=["desk", "source"], explode=True, id="id",
                                    keep_evidence=5)
        sets = gazetta.cooccurrence(df.assign(desk=[set(v) for v in df["desk"]]), gaz, by=["desk", "source"],
                                    explode=True, id="id")
    assert _table(recs, "desk") == _table(ref, "desk") == _table(sets, "desk")
    assert recs.meta["explode"] == ref.meta["explode"]
    assert recs.meta["duplicate_ids"] == ref.meta["duplicate_ids"] == 0  # a document's rows share its id
    assert recs.evidence("CN", "KR", n=10)[["doc", "unit"]].values.tolist() == \
        ref.evidence("CN", "KR", n=10)[["doc", "unit"]].values.tolist()


def test_explode_arguments(gaz: gazetta.Gazetteer) -> None:
    with pytest.raises(ValueError, match="explode=True splits the lists of by= columns: pass by= too"):
        gazetta.cooccurrence(frame(), gaz, explode=True)
    with pytest.raises(ValueError, match="explode must be True or False"):
        gazetta.cooccurrence(frame(), gaz, by="desk", explode="yes")
    with pytest.raises(ValueError, match="explode=True .* dedupe="):
        gazetta.cooccurrence(frame(), gaz, by="desk", explode=True, dedupe="exact")


def test_kwic_takes_what_mentions_takes(gaz: gazetta.Gazetteer) -> None:
    m = gazetta.Matcher(gaz)
    with pytest.raises(TypeError, match="single str"):  # was read as one document per character
        m.kwic("Japan and China.", "JP")
    pl = pytest.importorskip("polars", reason="polars is not installed (pip install polars)")
    assert m.kwic(pl.Series(DOCS), "JP").equals(m.kwic(DOCS, "JP"))


# -- swapped arguments, built-in names --------------------------------------------------------
def test_swapped_arguments_say_the_order(gaz: gazetta.Gazetteer) -> None:
    m = gazetta.Matcher(gaz)
    for first in (m, gaz):
        with pytest.raises(TypeError, match=r"cooccurrence\(corpus, matcher\): the corpus comes first"):
            gazetta.cooccurrence(first, frame())
    with pytest.raises(TypeError, match=r"cooccurrence\(corpus, matcher\): the corpus comes first"):
        gazetta.cooccurrence("countries", frame())
    with pytest.raises(TypeError, match=r"audit\(matcher, corpus\): the matcher .* comes first"):
        gazetta.audit(DOCS, m)
    with pytest.raises(TypeError, match="texts must be a collection of texts, not a Gazetteer"):
        m.mentions(gaz)


def test_builtin_gazetteer_name(gaz: gazetta.Gazetteer) -> None:
    df = frame()
    countries = gazetta.gazetteers.countries()
    assert gazetta.cooccurrence(df, "countries").pairs.equals(gazetta.cooccurrence(df, countries).pairs)
    de = gazetta.cooccurrence(["Japan und Frankreich."], "countries:de").pairs
    assert de[["a", "b"]].values.tolist() == [["FR", "JP"]]
    assert len(gazetta.Matcher("countries").mentions(["Japan"])) == 1
    with pytest.raises(ValueError, match="xx"):
        gazetta.cooccurrence(df, "countries:xx")


# -- polars and pyarrow tables ----------------------------------------------------------------
def test_pyarrow_table(gaz: gazetta.Gazetteer) -> None:
    pa = pytest.importorskip("pyarrow", reason="pyarrow is in the test extra")
    df = frame().drop(columns="desk")
    tbl = pa.Table.from_pandas(df, preserve_index=False)
    ref = gazetta.cooccurrence(df, gaz, by="source", id="id", keep_evidence=3)
    co = gazetta.cooccurrence(tbl, gaz, by="source", id="id", keep_evidence=3)
    assert _table(co, "source") == _table(ref, "source")
    assert co.evidence("CN", "JP")[["doc", "unit"]].values.tolist() == \
        ref.evidence("CN", "JP")[["doc", "unit"]].values.tolist()
    assert gazetta.duplicates(tbl, id="id")["doc"].tolist() == df["id"].tolist()
    assert gazetta.audit(gaz, tbl, id="id").table["matches"].sum() == \
        gazetta.audit(gaz, df, id="id").table["matches"].sum()
    m = gazetta.Matcher(gaz)
    assert m.mentions(tbl.column("text")).equals(m.mentions(DOCS))
    with pytest.raises(KeyError, match="column 'sorce' not in the DataFrame.*did you mean 'source'"):
        gazetta.cooccurrence(tbl, gaz, by="sorce")


def test_polars_dataframe(gaz: gazetta.Gazetteer) -> None:
    pl = pytest.importorskip("polars", reason="polars is not installed (pip install polars)")
    df = frame()
    pdf = pl.DataFrame({"id": df["id"].tolist(), "text": DOCS, "source": df["source"].tolist(),
                        "desk": df["desk"].tolist()})
    ref = gazetta.cooccurrence(df, gaz, by="source", id="id")
    co = gazetta.cooccurrence(pdf, gaz, by="source", id="id")
    assert _table(co, "source") == _table(ref, "source")
    assert co.evidence("CN", "JP", n=5)["text"].tolist() == ref.evidence("CN", "JP", n=5)["text"].tolist()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the document without a desk
        assert _table(gazetta.cooccurrence(pdf, gaz, by="desk", explode=True)) == \
            _table(gazetta.cooccurrence(df, gaz, by="desk", explode=True))
    m = gazetta.Matcher(gaz)
    assert m.mentions(pdf["text"]).equals(m.mentions(DOCS))
    assert gazetta.duplicates(pdf, id="id")["doc"].tolist() == df["id"].tolist()
    with pytest.raises(TypeError, match=r"pass a column \(df\['text'\]\)"):
        m.mentions(pdf)


def test_polars_nulls_and_string_views(gaz: gazetta.Gazetteer) -> None:
    pl = pytest.importorskip("polars", reason="polars is not installed (pip install polars)")
    texts = ["Japan and China.", None, "China and South Korea."]
    co = gazetta.cooccurrence(pl.DataFrame({"text": texts}), gaz, unit="document")
    ref = gazetta.cooccurrence(texts, gaz, unit="document")
    assert co.pairs.equals(ref.pairs) and co.meta["missing_texts"] == 1


# -- duplicate document ids -------------------------------------------------------------------
def test_duplicate_ids_warn_and_are_counted(gaz: gazetta.Gazetteer) -> None:
    df = frame().drop(columns="desk")
    df.loc[3, "id"] = "d0"
    with pytest.warns(DuplicateIdsWarning, match=r"1 document has the id of an earlier document \(id='id'\)"):
        co = gazetta.cooccurrence(df, gaz, id="id")
    assert co.meta["duplicate_ids"] == 1
    with pytest.warns(DuplicateIdsWarning, match="1 document has the id"):
        co = gazetta.cooccurrence(iter(df.to_dict("records")), gaz, id="id")
    assert co.meta["duplicate_ids"] == 1
    with pytest.warns(DuplicateIdsWarning, match=r"\.attrs\['duplicate_ids'\]"):
        dup = gazetta.duplicates(df, id="id")
    assert dup.attrs["duplicate_ids"] == 1
    with pytest.warns(DuplicateIdsWarning):
        ms = gazetta.Matcher(gaz).mentions(df["text"], ids=df["id"].tolist())
    assert ms.attrs["duplicate_ids"] == 1
    with pytest.warns(DuplicateIdsWarning):
        a = gazetta.audit(gaz, df, id="id")
    assert a.meta["duplicate_ids"] == 1
    # unique ids: no warning, 0 in meta
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert gazetta.cooccurrence(frame(), gaz, id="id").meta["duplicate_ids"] == 0


def test_duplicate_ids_in_a_corpus_file(gaz: gazetta.Gazetteer, tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(["a", "b", "a"], DOCS)))
    corpus = gazetta.read_corpus(p, id="id")
    with pytest.warns(DuplicateIdsWarning, match=r"id field 'id'"):
        df = gazetta.Matcher(gaz).mentions(corpus)
    assert df.attrs["duplicate_ids"] == 1


# -- metadata asked of texts alone ------------------------------------------------------------
def test_series_with_time_says_a_dataframe_is_needed(gaz: gazetta.Gazetteer) -> None:
    df = frame().assign(date=["1987-03-01"] * len(DOCS))
    with pytest.raises(ValueError, match=r"time='date' names a column of a DataFrame .* a Series holds only the "
                                         r"texts: pass the DataFrame"):
        gazetta.cooccurrence(df["text"], gaz, time="date", freq="M")
    with pytest.raises(ValueError, match=r"by='source' names a column of a DataFrame .* a list of str holds only"):
        gazetta.cooccurrence(DOCS, gaz, by="source")
    with pytest.raises(ValueError, match=r"by='source' and time='date' name columns"):
        gazetta.cooccurrence(np.array(DOCS, dtype=object), gaz, by="source", time="date", freq="M")
    with pytest.raises(ValueError, match=r"a stream of str holds only the texts"):
        gazetta.cooccurrence(iter(DOCS), gaz, by="source")
    # the DataFrame itself works
    assert gazetta.cooccurrence(df, gaz, time="date", freq="M").meta["n_docs"] == len(DOCS)


def test_missing_column_names_the_closest(gaz: gazetta.Gazetteer) -> None:
    with pytest.raises(KeyError, match=r"text column 'txt' not in the DataFrame .*did you mean 'text'"):
        gazetta.cooccurrence(frame(), gaz, text="txt")
    with pytest.raises(KeyError, match=r"column 'Source' not in the DataFrame .*did you mean 'source'"):
        gazetta.cooccurrence(frame(), gaz, by="Source")


def test_cli_explode(tmp_path: Path, capsys: Any) -> None:
    from gazetta.cli import main

    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"text": t, "desk": d}) + "\n" for t, d in zip(DOCS, frame()["desk"])))
    out = tmp_path / "pairs.csv"
    args = ["cooccur", str(p), "--gazetteer", "countries", "-o", str(out), "--by", "desk", "--quiet"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "the --by column 'desk' holds lists" in err and "pass --explode" in err and "explode=True" not in err
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the document without a desk
        assert main(args + ["--explode"]) == 0
        ref = gazetta.cooccurrence(frame(), "countries", by="desk", explode=True)
    got = pd.read_csv(out)
    assert got[["desk", "a", "b", "n_ab"]].values.tolist() == ref.pairs[["desk", "a", "b", "n_ab"]].values.tolist()


def test_dask_explode_and_order(gaz: gazetta.Gazetteer) -> None:
    dask = pytest.importorskip("dask", reason="dask is not installed (the dask extra)")
    import dask.dataframe as dd

    import gazetta.dask

    df = frame()
    with dask.config.set({"scheduler": "sync", "dataframe.convert-string": False}):
        ddf = dd.from_pandas(df, npartitions=3)  # keeps the lists (see the docstring)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the document without a desk
            co = gazetta.dask.cooccurrence(ddf, gaz, by="desk", explode=True)
            ref = gazetta.cooccurrence(df, gaz, by="desk", explode=True)
        assert co.pairs.equals(ref.pairs) and co.meta["explode"] == ref.meta["explode"]
        with pytest.raises(TypeError, match=r"dask\.cooccurrence\(corpus, matcher\): the corpus comes first"):
            gazetta.dask.cooccurrence(gaz, ddf)


def test_explode_arrow_list_column(gaz: gazetta.Gazetteer) -> None:
    pa = pytest.importorskip("pyarrow", reason="pyarrow is in the test extra")
    desks = pd.Series([["asia", "world", "asia"], ["asia"], None], dtype=pd.ArrowDtype(pa.list_(pa.string())))
    df = pd.DataFrame({"text": DOCS[:3], "desk": desks})
    with pytest.raises(ValueError, match="by= column 'desk' holds lists"):
        gazetta.cooccurrence(df, gaz, by="desk")
    with pytest.warns(UserWarning, match="1 document has a missing group key and was not counted"):
        co = gazetta.cooccurrence(df, gaz, by="desk", explode=True)
    assert co.meta["explode"] == {"docs": 3, "rows": 4}
    assert co.groups.set_index("desk")["n_docs"].to_dict() == {"asia": 2, "world": 1}
