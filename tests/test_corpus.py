"""read_corpus (docs/corpora.md): formats, bad records, exact equality of
streamed and in-memory counts, the zero-copy Arrow path, progress."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta.corpus import Corpus, SkippedRecordsWarning, read_corpus

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

COUNTRIES = [("JP", "Japan"), ("CN", "China"), ("KR", "South Korea"), ("KP", "North Korea"),
             ("RU", "Russia"), ("FR", "France"), ("CI", "Côte d’Ivoire"), ("TR", "Türkiye")]
FILLER = ["The talks went on.", "Officials said nothing", "Markets rose 3.5% on Monday.", "Ça va, naïve café.",
          "北朝鮮は発表した。", "Mr. Smith left early."]


@pytest.fixture(scope="module")
def gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i, n in COUNTRIES:
        g.add(i, n, kind="country")
    return g


def _doc(rng: random.Random) -> Any:
    if rng.random() < 0.05:
        return None
    parts = []
    for _ in range(rng.randint(1, 6)):
        sent = " ".join(rng.choice([n for _, n in COUNTRIES]) if rng.random() < 0.4 else rng.choice(FILLER)
                        for _ in range(rng.randint(1, 4)))
        parts.append(sent + ".")
    sep = "\n" if rng.random() < 0.3 else " "
    return sep.join(parts)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    rng = random.Random(7)
    n = 300
    return pd.DataFrame({
        "id": [f"doc{i:04d}" for i in range(n)],
        "text": pd.Series([_doc(rng) for _ in range(n)], dtype=object),
        "source": [rng.choice(["wire", "blog", "paper"]) for _ in range(n)],
        "date": [f"2024-0{rng.randint(1, 6)}-1{rng.randint(0, 9)}" for _ in range(n)],
    })


def _records(df: pd.DataFrame) -> List[Dict[str, Any]]:
    return [{k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in r.items()}
            for r in df.to_dict("records")]


def write_jsonl(df: pd.DataFrame, path: Path, gz: bool = False) -> Path:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(df)).encode()
    path.write_bytes(gzip.compress(lines) if gz else lines)
    return path


def write_txt_folder(df: pd.DataFrame, root: Path) -> Path:
    root.mkdir()
    for r in _records(df):
        sub = root / r["source"]
        sub.mkdir(exist_ok=True)
        (sub / f"{r['id']}.txt").write_text(r["text"] or "", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def files(tmp_path_factory: Any, frame: pd.DataFrame) -> Dict[str, Path]:
    d = tmp_path_factory.mktemp("corpus")
    out = {
        "jsonl": write_jsonl(frame, d / "c.jsonl"),
        "jsonl.gz": write_jsonl(frame, d / "c.jsonl.gz", gz=True),
        "csv": d / "c.csv",
        "parquet": d / "c.parquet",
    }
    frame.to_csv(out["csv"], index=False)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), out["parquet"], row_group_size=70)
    return out


def _pairs(co: gazetta.Cooccurrence) -> pd.DataFrame:
    return co.pairs.reset_index(drop=True)


# -- exact equality with the in-memory results ---------------------------------------------------
@pytest.mark.parametrize("fmt", ["jsonl", "jsonl.gz", "csv", "parquet"])
@pytest.mark.parametrize("chunk_size", [500, 8_000_000])
def test_streamed_counts_equal_in_memory(files: Dict[str, Path], frame: pd.DataFrame, gaz: Any, fmt: str,
                                         chunk_size: int) -> None:
    """docs/corpora.md: results never depend on chunking or on where the texts come from."""
    corpus = read_corpus(files[fmt], id="id", chunk_size=chunk_size)
    for kw in [dict(unit="sentence"), dict(unit="document", count="mentions"), dict(by="source"),
               dict(time="date", freq="M")]:
        streamed = gazetta.cooccurrence(corpus, gaz, **kw)
        whole = gazetta.cooccurrence(frame, gaz, **kw)
        pd.testing.assert_frame_equal(_pairs(streamed), _pairs(whole))
        pd.testing.assert_frame_equal(streamed.entities, whole.entities)
        assert streamed.meta["n_docs"] == len(frame)
        assert streamed.meta["skipped_records"] == 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_mentions_use_corpus_ids(files: Dict[str, Path], frame: pd.DataFrame, gaz: Any, fmt: str) -> None:
    m = gazetta.Matcher(gaz)
    streamed = m.mentions(read_corpus(files[fmt], id="id", chunk_size=700))
    whole = m.mentions(frame["text"].tolist(), ids=frame["id"].tolist())
    pd.testing.assert_frame_equal(streamed.astype({"doc": object}), whole.astype({"doc": object}),
                                  check_categorical=False)
    # without id=: positions
    pos = m.mentions(read_corpus(files[fmt], chunk_size=700))
    assert pos["doc"].tolist() == m.mentions(frame["text"].tolist())["doc"].tolist()


def test_txt_folder(tmp_path: Path, frame: pd.DataFrame, gaz: Any) -> None:
    root = write_txt_folder(frame, tmp_path / "docs")
    corpus = read_corpus(root, chunk_size=1000)
    assert len(corpus) == len(frame)
    df = corpus.to_pandas()
    assert list(df.columns) == ["id", "text"]
    expect = sorted(f"{s}/{i}.txt" for s, i in zip(frame["source"], frame["id"]))
    assert df["id"].tolist() == expect
    by_id = {f"{s}/{i}.txt": (t or "") for s, i, t in zip(frame["source"], frame["id"], frame["text"])}
    ordered = [by_id[k] for k in expect]
    pd.testing.assert_frame_equal(_pairs(gazetta.cooccurrence(corpus, gaz)), _pairs(gazetta.cooccurrence(ordered, gaz)))
    men = gazetta.Matcher(gaz).mentions(corpus)
    assert set(men["doc"]) <= set(expect)
    assert men.equals(gazetta.Matcher(gaz).mentions(ordered, ids=expect))


def test_to_pandas_and_iteration(files: Dict[str, Path], frame: pd.DataFrame) -> None:
    for fmt in ["jsonl", "jsonl.gz", "csv", "parquet"]:
        c = read_corpus(files[fmt], id="id", chunk_size=300)
        df = c.to_pandas()
        assert list(df.columns) == ["id", "text", "source", "date"], fmt
        assert df["id"].tolist() == frame["id"].tolist()
        assert [None if not isinstance(t, str) else t for t in df["text"]] == \
            [None if not isinstance(t, str) else t for t in frame["text"]]
        recs = list(c)
        assert len(recs) == len(frame) and recs[3]["id"] == "doc0003" and set(recs[3]) == {"id", "text", "source", "date"}
        only = read_corpus(files[fmt], columns=["source"]).to_pandas()
        assert list(only.columns) == ["text", "source"]


def test_len(files: Dict[str, Path], frame: pd.DataFrame) -> None:
    """len() where the format tells it cheaply (Parquet metadata); JSON Lines/CSV need .count()."""
    assert len(read_corpus(files["parquet"])) == len(frame)
    for fmt in ["jsonl", "jsonl.gz", "csv"]:
        c = read_corpus(files[fmt])
        with pytest.raises(TypeError, match="count"):
            len(c)
        assert c.count() == len(frame)


def test_options_validated(files: Dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'raise', 'skip'"):
        read_corpus(files["jsonl"], on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="format must be one of"):
        read_corpus(files["jsonl"], format="xml")  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        read_corpus(tmp_path / "nope.jsonl")
    (tmp_path / "x.bin").write_bytes(b"")
    with pytest.raises(ValueError, match="format="):
        read_corpus(tmp_path / "x.bin")
    with pytest.raises(ValueError, match="chunk_size"):
        read_corpus(files["jsonl"], chunk_size=0)


# -- bad records -----------------------------------------------------------------------------
BAD_JSONL = [
    b'{"id": "a", "text": "Japan and China."}\n',
    b'{"id": "b", "text": "Japan, China" \n',                  # 2: malformed JSON
    b'{"id": "c", "body": "Japan and China."}\n',               # 3: no text field
    b'{"id": "d", "text": 42}\n',                               # 4: non-string text
    b'{"id": "e", "text": "Caf\xe9 Japan China"}\n',            # 5: invalid UTF-8
    b'\n',
    b'{"id": "f", "text": null}\n',                             # an empty document, not an error
    b'{"id": "g", "text": "China and Japan."}\n',
]


@pytest.mark.parametrize("line,field,what", [(2, None, "malformed JSON"), (3, "text", "no text field"),
                                             (4, "text", "is a int"), (5, "text", "invalid utf-8")])
def test_bad_jsonl_record_raises(tmp_path: Path, gaz: Any, line: int, field: Any, what: str) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_bytes(b"".join(BAD_JSONL[:1] + BAD_JSONL[line - 1:line]))
    with pytest.raises(gazetta.CorpusError) as ei:
        gazetta.cooccurrence(read_corpus(p), gaz)
    e = ei.value
    assert e.path == str(p) and e.line == 2 and e.field == field
    assert what in str(e) and str(p) in str(e) and "line 2" in str(e)
    if what == "invalid utf-8":
        assert e.offset == len(BAD_JSONL[0]) + BAD_JSONL[4].index(b"\xe9")


def test_bad_jsonl_records_skipped_counted_warned(tmp_path: Path, gaz: Any) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_bytes(b"".join(BAD_JSONL))
    corpus = read_corpus(p, id="id", on_error="skip")
    with pytest.warns(SkippedRecordsWarning, match="skipped 4 bad records"):
        co = gazetta.cooccurrence(corpus, gaz, unit="document")
    assert co.meta["skipped_records"] == 4 and co.meta["n_docs"] == 3 and co.meta["missing_texts"] == 1
    assert [e.line for e in corpus.errors] == [2, 3, 4, 5]
    assert co.pairs[["a", "b", "n_ab"]].values.tolist() == [["CN", "JP", 2]]
    with pytest.warns(SkippedRecordsWarning):
        men = gazetta.Matcher(gaz).mentions(corpus)
    assert men.attrs["skipped_records"] == 4 and sorted(set(men["doc"])) == ["a", "g"]
    with pytest.warns(SkippedRecordsWarning):
        assert corpus.to_pandas()["id"].tolist() == ["a", "f", "g"]


def test_missing_id_field_is_an_error(tmp_path: Path, gaz: Any) -> None:
    p = tmp_path / "noid.jsonl"
    p.write_text('{"id": "a", "text": "x"}\n{"text": "y"}\n')
    with pytest.raises(gazetta.CorpusError, match="line 2") as ei:
        gazetta.Matcher(gaz).mentions(read_corpus(p, id="id"))
    assert ei.value.field == "id"


def test_bad_csv(tmp_path: Path, gaz: Any) -> None:
    p = tmp_path / "bad.csv"
    p.write_bytes(b'id,text,source\na,"Japan and China.",w\nb,"Japan",w,EXTRA\nc,"Caf\xe9 China Japan",w\n'
                  b'd,"China, Japan.",w\n')
    with pytest.raises(gazetta.CorpusError, match="line 3") as ei:
        gazetta.cooccurrence(read_corpus(p), gaz)
    assert ei.value.line == 3 and ei.value.path == str(p)
    c = read_corpus(p, id="id", on_error="skip")
    with pytest.warns(SkippedRecordsWarning, match="skipped 2"):
        co = gazetta.cooccurrence(c, gaz, unit="document")
    assert co.meta["skipped_records"] == 2 and co.meta["n_docs"] == 2
    # invalid UTF-8 alone: named with line, byte offset and field
    p2 = tmp_path / "bad2.csv"
    good = b'id,text\na,"Japan"\n'
    p2.write_bytes(good + b'b,"Caf\xe9"\n')
    with pytest.raises(gazetta.CorpusError) as ei:
        read_corpus(p2).to_pandas()
    assert (ei.value.line, ei.value.offset, ei.value.field) == (3, len(good) + 6, "text")
    # no text column
    with pytest.raises(gazetta.CorpusError, match="no text column 'body'") as ei:
        read_corpus(p2, text="body").to_pandas()
    assert ei.value.field == "body"


def test_bad_parquet(tmp_path: Path, gaz: Any) -> None:
    p = tmp_path / "bad.parquet"
    texts = pa.array([b"Japan and China.", b"Caf\xe9 Japan", None, b"China, Japan."], pa.binary()).view(pa.string())
    pq.write_table(pa.table({"id": ["a", "b", "c", "d"], "text": texts}), p)
    with pytest.raises(gazetta.CorpusError, match="row 2") as ei:
        gazetta.cooccurrence(read_corpus(p), gaz)
    assert ei.value.field == "text" and ei.value.line == 2
    with pytest.warns(SkippedRecordsWarning, match="skipped 1"):
        co = gazetta.cooccurrence(read_corpus(p, on_error="skip"), gaz, unit="document")
    assert co.meta["n_docs"] == 3 and co.meta["missing_texts"] == 1 and co.pairs["n_ab"].tolist() == [2]
    p2 = tmp_path / "num.parquet"
    pq.write_table(pa.table({"text": [1, 2]}), p2)
    with pytest.raises(gazetta.CorpusError, match="not a string type"):
        gazetta.cooccurrence(read_corpus(p2), gaz)


def test_bad_txt_file(tmp_path: Path, gaz: Any) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_text("Japan and China.")
    (root / "b.txt").write_bytes(b"line one\nCaf\xe9 Japan")
    with pytest.raises(gazetta.CorpusError) as ei:
        gazetta.cooccurrence(read_corpus(root), gaz)
    assert (ei.value.path, ei.value.line, ei.value.offset) == (str(root / "b.txt"), 2, 12)
    with pytest.warns(SkippedRecordsWarning):
        men = gazetta.Matcher(gaz).mentions(read_corpus(root, on_error="skip"))
    assert set(men["doc"]) == {"a.txt"}


# -- zero-copy Arrow -------------------------------------------------------------------------
def _arrow_variants(texts: List[Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {
        "string": pa.array(texts, pa.string()),
        "large_string": pa.array(texts, pa.large_string()),
        "chunked": pa.chunked_array([pa.array(texts[:100], pa.string()), pa.array(texts[100:], pa.string())]),
        "sliced": pa.array([None, "x"] + texts, pa.string()).slice(2),
        "series_string_pyarrow": pd.Series(texts, dtype="string[pyarrow]"),
        "series_arrowdtype": pd.Series(texts, dtype=pd.ArrowDtype(pa.string())),
    }
    if hasattr(pa, "string_view"):
        try:
            out["string_view"] = pa.array(texts, pa.string_view())
        except (pa.ArrowNotImplementedError, NotImplementedError):  # pragma: no cover - old pyarrow
            pass
    return out


def test_arrow_inputs_equal_str_path(frame: pd.DataFrame, gaz: Any) -> None:
    """Arrow arrays/Arrow-backed Series (utf8, large_utf8, string_view, chunked, sliced, nulls)
    give exactly the str path's results."""
    texts = frame["text"].tolist()
    m = gazetta.Matcher(gaz)
    want_m = m.mentions(texts, units=True)
    want_c = gazetta.cooccurrence(texts, m)
    for name, obj in _arrow_variants(texts).items():
        got = m.mentions(obj, units=True)
        pd.testing.assert_frame_equal(got, want_m, check_categorical=False, obj=name)
        co = gazetta.cooccurrence(obj, m)
        pd.testing.assert_frame_equal(_pairs(co), _pairs(want_c), obj=name)
        assert co.meta["missing_texts"] == want_c.meta["missing_texts"]


def test_arrow_backed_dataframe(frame: pd.DataFrame, gaz: Any) -> None:
    df = frame.astype({"text": "string[pyarrow]"})
    for kw in [dict(), dict(by="source")]:
        pd.testing.assert_frame_equal(_pairs(gazetta.cooccurrence(df, gaz, **kw)),
                                      _pairs(gazetta.cooccurrence(frame, gaz, **kw)))


def test_arrow_core_reads_buffers_without_str_objects(gaz: Any) -> None:
    """The core reads Arrow buffers directly: invalid UTF-8 is caught there (no str made)."""
    from gazetta import _core

    bad = pa.array([b"ok", b"\xff", b"fine", b"\xc3"], pa.binary()).view(pa.string())
    assert _core.arrow_invalid_utf8(bad) == [1, 3]
    assert _core.arrow_len(pa.chunked_array([["a"], ["b", None]])) == 3
    with pytest.raises(gazetta.CorpusError, match="position 1"):
        gazetta.Matcher(gaz).mentions(bad)
    with pytest.raises(TypeError, match="format"):
        gazetta.Matcher(gaz)._core.mentions_arrow(pa.array([1, 2]))


# -- progress --------------------------------------------------------------------------------
def test_progress_bar_total_from_parquet_metadata(files: Dict[str, Path], frame: pd.DataFrame, gaz: Any,
                                                  capsys: Any) -> None:
    pytest.importorskip("tqdm")
    gazetta.cooccurrence(read_corpus(files["parquet"], chunk_size=2000), gaz, progress=True)
    err = capsys.readouterr().err
    assert f"{len(frame)}/{len(frame)}" in err
    gazetta.Matcher(gaz).mentions(read_corpus(files["jsonl"], chunk_size=2000), progress=True)
    err = capsys.readouterr().err
    assert f"{len(frame)}doc" in err.replace(" ", "")  # no total: a running count
    gazetta.cooccurrence(read_corpus(files["parquet"]), gaz, progress=False)
    assert capsys.readouterr().err == ""


def test_corpus_repr(files: Dict[str, Path], frame: pd.DataFrame) -> None:
    c = read_corpus(files["parquet"], id="id")
    assert isinstance(c, Corpus) and f"{len(frame)} documents" in repr(c)
