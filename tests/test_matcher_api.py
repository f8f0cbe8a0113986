"""The Python surface of the matcher (docs/matching.md) on good and bad input: missing and non-str
texts, lone surrogates, empty gazetteers, huge documents, DataFrame dtypes, document ids,
pickling and the saved-file format, option validation, thread-count determinism."""

from __future__ import annotations

import json
import math
import os
import pickle
import random
from typing import Any, List

import numpy as np
import pandas as pd
import pytest

import gazetta
from conftest import reference_for, rows

COLUMNS = ["doc", "start", "end", "surface", "entity", "name", "kind", "alias", "ambiguous", "resolved_by"]
CATEGORICAL = ["surface", "entity", "name", "kind", "alias", "resolved_by"]


@pytest.fixture(scope="module")
def matcher(korea_gazetteer: gazetta.Gazetteer) -> gazetta.Matcher:
    return gazetta.Matcher(korea_gazetteer)


def _small_chunks(monkeypatch: Any, n: int) -> List[int]:
    """Makes ``mentions`` cut corpora into chunks of ``n`` documents; returns the list that
    records the chunk sizes (so a test can check that chunking happened)."""
    from gazetta import _input

    sizes: List[int] = []
    original = _input.iter_chunks

    def small(texts: Any, **kw: Any) -> Any:
        kw["chunk_docs"] = n
        for chunk, items in original(texts, **kw):
            sizes.append(len(chunk))
            yield chunk, items

    monkeypatch.setattr(_input, "iter_chunks", small)
    return sizes


def _tuples(df: pd.DataFrame) -> List[tuple]:
    return list(zip(*(df[c].tolist() for c in COLUMNS)))


# --------------------------------------------------------------------------------------------
# missing and non-str texts
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, np.float64("nan"), pd.NA])
def test_none_and_nan_are_empty_documents(matcher: gazetta.Matcher, missing: Any) -> None:
    """docs/matching.md: None/NaN texts (and pandas' NA, the missing value of string columns) are empty
    documents: no mentions, but they keep their position."""
    assert matcher.find(missing) == []
    df = matcher.mentions([missing, "Korea", missing, "Japan"])
    assert df["doc"].tolist() == [1, 3]
    assert matcher.mentions([missing]).empty


@pytest.mark.parametrize("bad", [3, 2.5, b"Korea", ["Korea"], object()])
def test_non_str_text_is_a_type_error_naming_its_position(matcher: gazetta.Matcher, bad: Any) -> None:
    """docs/matching.md: a non-str text is a TypeError naming its position."""
    with pytest.raises(TypeError, match="position 2"):
        matcher.mentions(["Korea", None, bad, "Japan"])
    with pytest.raises(TypeError):
        matcher.find(bad)


def test_type_error_position_is_global_across_chunks(matcher: gazetta.Matcher, monkeypatch: Any) -> None:
    """docs/matching.md: the position in the TypeError counts from the start of the corpus, also when the
    corpus is matched in chunks (here of 7 documents) and streamed from a generator."""
    sizes = _small_chunks(monkeypatch, 7)
    docs = ["Korea"] * 30 + [17] + ["Japan"]
    with pytest.raises(TypeError, match="position 30"):
        matcher.mentions(docs)
    assert sizes[:4] == [7, 7, 7, 7]
    with pytest.raises(TypeError, match="position 30"):
        matcher.mentions(iter(docs))


def test_series_and_ndarray_with_missing_values(matcher: gazetta.Matcher) -> None:
    """docs/matching.md: a Series / ndarray of str with NaN/None is accepted like a list."""
    texts = ["Korea", None, "Japan", np.nan]
    expected = _tuples(matcher.mentions(texts))
    assert _tuples(matcher.mentions(pd.Series(texts))) == expected
    assert _tuples(matcher.mentions(np.array(texts, dtype=object))) == expected
    assert _tuples(matcher.mentions(tuple(texts))) == expected


# --------------------------------------------------------------------------------------------
# lone surrogates
# --------------------------------------------------------------------------------------------
def test_lone_surrogates_behave_as_replacement_characters() -> None:
    """Lone surrogates (e.g. from ``errors="surrogateescape"``) cannot be UTF-8; the matcher
    treats each as U+FFFD (a non-word character that ends no sentence) and offsets still
    index the original str (docs/matching.md, Offsets)."""
    g = gazetta.Gazetteer().add("KR", "South Korea", aliases=["Korea"]).add("Q", "Why?")
    m = gazetta.Matcher(g)
    text = "\udcffKorea\ud800Korea Kor\udfffea Why\ud83d \ud83d\ude00Korea"
    expected = [(1, 6, "KR", "Korea", False, ""), (7, 12, "KR", "Korea", False, ""), (27, 32, "KR", "Korea", False, "")]
    assert rows(m, text) == expected
    assert rows(m, text.replace("\udcff", "\ufffd").replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
                .replace("\ud83d", "\ufffd").replace("\ude00", "\ufffd")) == expected
    df = m.mentions([text, "Korea"])
    assert df["start"].tolist() == [1, 7, 27, 0]
    assert df["surface"].tolist() == ["Korea", "Korea", "Korea", "Korea"]


def test_lone_surrogate_in_an_ignore_phrase_is_a_value_error() -> None:
    """An ignore phrase must be encodable text: a lone surrogate is a ValueError."""
    with pytest.raises(ValueError):
        gazetta.Matcher(gazetta.Gazetteer().add("X", "Xland"), ignore=["a\ud800b"])


# --------------------------------------------------------------------------------------------
# empty gazetteer, huge documents, dtypes, ids
# --------------------------------------------------------------------------------------------
def _check_dtypes(df: pd.DataFrame, doc_dtype: Any = np.int64) -> None:
    assert list(df.columns) == COLUMNS
    for c in CATEGORICAL:
        assert isinstance(df[c].dtype, pd.CategoricalDtype), c
    assert df["start"].dtype == np.int64 and df["end"].dtype == np.int64
    assert df["ambiguous"].dtype == bool
    if doc_dtype == "category":
        assert isinstance(df["doc"].dtype, pd.CategoricalDtype)
    else:
        assert df["doc"].dtype == doc_dtype


def test_empty_gazetteer() -> None:
    """docs/matching.md: an empty gazetteer is allowed; it finds nothing, and ``mentions`` is an empty
    DataFrame with the usual columns and dtypes."""
    m = gazetta.Matcher(gazetta.Gazetteer())
    assert len(m) == 0
    assert m.find("Korea") == []
    df = m.mentions(["Korea", None, ""])
    assert df.empty
    _check_dtypes(df)


def test_empty_corpus(matcher: gazetta.Matcher) -> None:
    """docs/matching.md: no texts at all give the same empty frame."""
    for texts in ([], (), pd.Series([], dtype=object), iter([])):
        df = matcher.mentions(texts)
        assert df.empty
        _check_dtypes(df)


@pytest.mark.slow
def test_ten_megabyte_document(matcher: gazetta.Matcher) -> None:
    """Offsets (docs/matching.md): one 10 MB document (non-ASCII, so byte and code-point offsets differ) is
    matched in full with code-point offsets."""
    unit = "Korea’s envoy met the DPRK in 東京. "  # 34 code points, 44 bytes
    n = 10_000_000 // len(unit.encode()) + 1
    text = unit * n
    assert len(text.encode()) > 10_000_000
    found = matcher.find(text)
    assert len(found) == 2 * n
    assert (found[-1].start, found[-1].end) == ((n - 1) * len(unit) + 22, (n - 1) * len(unit) + 26)
    assert text[found[-1].start:found[-1].end] == "DPRK"
    df = matcher.mentions([text])
    assert len(df) == 2 * n and int(df["end"].iloc[-1]) == found[-1].end


def test_mentions_dtypes(matcher: gazetta.Matcher) -> None:
    """docs/matching.md: category dtype for the repeated strings (surface, entity, name, kind, alias,
    resolved_by), int64 offsets, bool ``ambiguous``; ``doc`` is the int64 position by default."""
    df = matcher.mentions(["North Korea and Korea", None, "KOREA, Japan"])
    _check_dtypes(df)
    assert _tuples(df) == [
        (0, 0, 11, "North Korea", "KP", "North Korea", "country", "North Korea", False, ""),
        (0, 16, 21, "Korea", "KR", "South Korea", "country", "Korea", False, ""),
        (2, 0, 5, "KOREA", "KR", "South Korea", "country", "Korea", False, ""),
        (2, 7, 12, "Japan", "JP", "Japan", "country", "Japan", False, ""),
    ]
    # categories hold only what occurs
    assert set(df["entity"].cat.categories) == {"KP", "KR", "JP"}


def test_ids_str_make_a_categorical_doc(matcher: gazetta.Matcher) -> None:
    """docs/matching.md: ``doc`` holds the given ids; unique str ids become a categorical (in the given
    order), other ids keep their values."""
    texts = ["Korea", None, "Japan and Korea"]
    df = matcher.mentions(texts, ids=["b", "a", "c"])
    _check_dtypes(df, "category")
    assert df["doc"].tolist() == ["b", "c", "c"]
    assert list(df["doc"].cat.categories) == ["b", "a", "c"]


def test_ids_other_than_unique_str(matcher: gazetta.Matcher) -> None:
    """docs/matching.md: non-str (or repeated) ids keep their values; a wrong number of ids is a
    ValueError."""
    texts = ["Korea", None, "Japan and Korea"]
    assert matcher.mentions(texts, ids=["b", "a", "c"])["doc"].tolist() == ["b", "c", "c"]
    with pytest.warns(UserWarning, match=r"1 document has the id of an earlier document \(ids=\)"):
        assert matcher.mentions(texts, ids=["x", "y", "x"])["doc"].tolist() == ["x", "x", "x"]
    df = matcher.mentions(texts, ids=[10, 20, 30])
    assert df["doc"].tolist() == [10, 30, 30]
    with pytest.raises(ValueError, match="ids"):
        matcher.mentions(texts, ids=["a", "b"])


# --------------------------------------------------------------------------------------------
# pickling and the saved-file format
# --------------------------------------------------------------------------------------------
def _rich_matcher(n_threads: Any = 2) -> gazetta.Matcher:
    g = (gazetta.Gazetteer()
         .add("GE", "Georgia", kind="country", aliases=["Sakartvelo"], capital="Tbilisi")
         .add("US-GA", "Georgia", kind="state", aliases=[{"text": "GA", "case": "sensitive"}])
         .add("KE", "Kenya", aliases=["Kenyan*", {"text": "Nairobi", "fold_accents": True}]))
    return gazetta.Matcher(g, case="insensitive", fold_accents=True, overlaps="all", ambiguous="skip",
                           ignore=["Georgia Tech"], n_threads=n_threads)


TEXT = "Georgia, GA, ga, kenyans in NAIROBI, Georgia Tech, sakartvelo"


def test_pickle_round_trip() -> None:
    """docs/matching.md: matchers pickle; the copy has the same options, gazetteer and results."""
    m = _rich_matcher()
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        m2 = pickle.loads(pickle.dumps(m, protocol=proto))
        assert m2.options == m.options
        assert m2.find(TEXT) == m.find(TEXT)
        assert m2.gazetteer == m.gazetteer
        assert len(pickle.dumps(m, protocol=proto)) < 4_000


def test_save_load_round_trip(tmp_path: Any) -> None:
    """docs/matching.md: ``save`` / ``Matcher.load`` rebuild the same matcher, attributes included."""
    m = _rich_matcher()
    p = tmp_path / "m.gazetta"
    m.save(p)
    m2 = gazetta.Matcher.load(p)
    assert m2.find(TEXT) == m.find(TEXT)
    assert {k: v for k, v in m2.options.items() if k != "n_threads"} == \
        {k: v for k, v in m.options.items() if k != "n_threads"}
    assert m2.gazetteer == m.gazetteer
    assert m2.gazetteer["GE"].attrs == {"capital": "Tbilisi"}
    assert m2.gazetteer.content_hash() == m.gazetteer.content_hash()
    m.save(str(p))  # overwriting works, str paths work
    assert gazetta.Matcher.load(str(p)).find(TEXT) == m.find(TEXT)
    assert [f for f in os.listdir(tmp_path)] == ["m.gazetta"]  # no temporary files left


def test_saved_file_is_not_pickle(tmp_path: Any) -> None:
    """docs/matching.md: the saved format is safe (versioned JSON, not pickle)."""
    p = tmp_path / "m.gazetta"
    _rich_matcher().save(p)
    doc = json.loads(p.read_bytes())
    assert doc["format"] == "gazetta-matcher" and isinstance(doc["version"], int)


def test_load_rejects_bad_files(tmp_path: Any) -> None:
    """docs/matching.md: loading a truncated file, a random file, another format or another version
    raises GazettaError (with the path in the message), never a crash or a wrong matcher."""
    good = tmp_path / "m.gazetta"
    _rich_matcher().save(good)
    data = good.read_bytes()
    doc = json.loads(data)
    rng = random.Random(7)
    bad = {
        "truncated": data[: len(data) // 2],
        "truncated-1": data[:-1],
        "empty": b"",
        "random": bytes(rng.randrange(256) for _ in range(4096)),
        "pickle": pickle.dumps({"format": "gazetta-matcher", "version": 1}),
        "json-list": b"[1, 2, 3]",
        "other-format": json.dumps({**doc, "format": "something-else"}).encode(),
        "no-version": json.dumps({k: v for k, v in doc.items() if k != "version"}).encode(),
        "other-version": json.dumps({**doc, "version": doc["version"] + 1}).encode(),
        "bad-spec": json.dumps({**doc, "spec": {"ids": 3}}).encode(),
        "bad-alias": json.dumps({**doc, "spec": {**doc["spec"], "ignore": ["..."]}}).encode(),
        "utf16": data.decode().encode("utf-16"),
    }
    for name, content in bad.items():
        p = tmp_path / f"{name}.gazetta"
        p.write_bytes(content)
        with pytest.raises(gazetta.GazettaError) as info:
            gazetta.Matcher.load(p)
        assert str(p) in str(info.value), name
    with pytest.raises(gazetta.GazettaError, match="version"):
        gazetta.Matcher.load(tmp_path / "other-version.gazetta")
    with pytest.raises(FileNotFoundError):
        gazetta.Matcher.load(tmp_path / "missing.gazetta")


# --------------------------------------------------------------------------------------------
# options
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("option,value,choices", [
    ("case", "smrt", ["'smart'", "'sensitive'", "'insensitive'"]),
    ("case", None, ["'smart'", "'sensitive'", "'insensitive'"]),
    ("overlaps", "longest_first", ["'longest'", "'all'"]),
    ("ambiguous", "drop", ["'resolve'", "'all'", "'skip'"]),
    ("capitalized_runs", "drop", ["'skip'", "'keep'"]),
    ("capitalized_runs", True, ["'skip'", "'keep'"]),
    ("fold_accents", "yes", ["True", "False"]),
    ("n_threads", 0, ["positive"]),
    ("n_threads", -2, ["positive"]),
    ("n_threads", 1.5, ["positive"]),
])
def test_bad_options_are_value_errors_listing_choices(korea_gazetteer: gazetta.Gazetteer, option: str,
                                                      value: Any, choices: List[str]) -> None:
    """docs/matching.md: a bad option value is a ValueError whose message lists the valid choices."""
    with pytest.raises(ValueError) as info:
        gazetta.Matcher(korea_gazetteer, **{option: value})
    for c in choices:
        assert c in str(info.value)


def test_bad_ignore_phrases(korea_gazetteer: gazetta.Gazetteer) -> None:
    """Ignore phrases (docs/matching.md): ignore phrases follow the alias rules; a bare str is refused (it would be
    read as a list of characters)."""
    for phrase in ["...", "", "Ken*ya"]:
        with pytest.raises(gazetta.GazettaError):
            gazetta.Matcher(korea_gazetteer, ignore=[phrase])
    with pytest.raises(TypeError):
        gazetta.Matcher(korea_gazetteer, ignore="North Korea")
    with pytest.raises(TypeError):
        gazetta.Matcher(korea_gazetteer, ignore=[3])


# --------------------------------------------------------------------------------------------
# determinism
# --------------------------------------------------------------------------------------------
def _corpus(n: int, seed: int) -> List[Any]:
    rng = random.Random(seed)
    words = ["North Korea", "Korea", "KOREA", "korea", "Koreans", "DPRK", "Japan", "Georgia", "GA", "the",
             "talks", "’s", "\n", "北朝鮮は", "日本と", "Kenyans", "Nairobi", "Sakartvelo", "Georgia Tech", "é"]
    docs: List[Any] = []
    for i in range(n):
        if i % 97 == 0:
            docs.append(None)
            continue
        k = rng.randrange(0, 60)
        docs.append(" ".join(rng.choice(words) for _ in range(k)))
    return docs


def _plain_matcher(n_threads: Any = None) -> gazetta.Matcher:
    g = (gazetta.Gazetteer()
         .add("KP", "North Korea", aliases=["DPRK", "北朝鮮"])
         .add("KR", "South Korea", aliases=["Korea"])
         .add("JP", "Japan", aliases=["日本"]))
    return gazetta.Matcher(g, n_threads=n_threads)


@pytest.mark.parametrize("make", [_plain_matcher, _rich_matcher], ids=["default", "rich"])
def test_thread_count_and_chunking_do_not_change_results(make: Any, monkeypatch: Any) -> None:
    """docs/counting.md: results are identical whatever the thread count or chunking, and equal to
    per-text ``find``."""
    base = make()
    docs = _corpus(4000, seed=11)
    expected = []
    for d, t in enumerate(docs):
        for x in base.find(t):
            expected.append((d, x.start, x.end, t[x.start:x.end], x.entity, x.name, x.kind, x.alias, x.ambiguous,
                             x.resolved_by))
    assert len(expected) > 10_000
    for n_threads in (1, 2, 3, None):
        assert _tuples(make(n_threads).mentions(docs)) == expected, n_threads
    assert _tuples(base.mentions(iter(docs))) == expected
    sizes = _small_chunks(monkeypatch, 333)
    assert _tuples(base.mentions(docs)) == expected
    assert sizes[0] == 333 and sum(sizes) == len(docs)
    assert _tuples(base.mentions(iter(docs))) == expected


def test_n_threads_constructor_option_is_kept(korea_gazetteer: gazetta.Gazetteer) -> None:
    """docs/matching.md: ``n_threads`` is kept (and survives pickling); results never depend on it."""
    m = gazetta.Matcher(korea_gazetteer, n_threads=3)
    assert m.n_threads == 3 and m.options["n_threads"] == 3
    assert pickle.loads(pickle.dumps(m)).n_threads == 3
    assert math.isclose(len(_tuples(m.mentions(["Korea"] * 10))), 10)


def test_mentions_across_the_scanner_s_64_kib_steps() -> None:
    """Offsets (docs/matching.md): the core scans long texts in 64 KiB steps (to poll for Ctrl-C); mentions
    that straddle a step, after ASCII or multi-byte text, are found with exact offsets."""
    g = gazetta.Gazetteer().add("KP", "North Korea").add("KR", "South Korea", aliases=["Korea"])
    matchers = [gazetta.Matcher(g), gazetta.Matcher(g, fold_accents=True)]
    for fill in ("x ", "é ", "日"):
        for shift in range(-12, 4):
            n = (65536 + shift) // len(fill.encode())
            head = fill * n
            text = head + " North \n Korea 北Korea " + fill * 3
            for m in matchers:
                got = rows(m, text)
                assert got == [(len(head) + 1, len(head) + 14, "KP", "North Korea", False, ""),
                               (len(head) + 16, len(head) + 21, "KR", "Korea", False, "")], (fill, shift, m)
