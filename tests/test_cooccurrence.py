"""``gazetta.cooccurrence`` (docs/counting.md) against the reference counter (tests/reference_cooc.py),
plus determinism, merging, pickling, filters, views, evidence and a hand-counted news article.

Corpora are drawn from news-like pieces (aliases, possessives with curly apostrophes, names
broken across lines, abbreviations, numbers, unspaced scripts) joined by separators that make
sentence and paragraph breaks, so every unit, count and window mode meets ambiguous spans,
nested and overlapping mentions, empty and ``None`` documents and empty units.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import pickle
import sys
import warnings
from typing import Any, Dict, Hashable, List, Optional, Tuple
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazetta
import reference_cooc as R

_COOC_MODULE = sys.modules["gazetta.cooccurrence"]

SETTINGS = settings(max_examples=int(os.environ.get("GAZETTA_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
#: For tests that count each example several times (each call costs ~50 ms of pandas assembly).
FEW = settings(max_examples=max(10, int(os.environ.get("GAZETTA_EXAMPLES", "150")) // 6), deadline=None,
               suppress_health_check=[HealthCheck.too_slow])

DATA = os.path.join(os.path.dirname(__file__), "data")

# --------------------------------------------------------------------------------------------
# The gazetteer and corpora of the property tests
# --------------------------------------------------------------------------------------------
#: ids chosen so that string order differs from insertion order and from name order
#: ("ru" after every capital, "ÖS" after ASCII, "US-GA" between "US" and lower case).
ENTITIES = [
    ("NK", "North Korea", "country", ["DPRK"]),
    ("KR", "South Korea", "country", ["Korea"]),  # "Korea" nests inside "North Korea"
    ("GE", "Georgia", "country", []),
    ("US-GA", "Georgia (U.S. state)", "state", ["Georgia"]),  # ambiguous with GE
    ("ru", "Russia", "country", []),
    ("ÖS", "Österreich", "country", ["Austria"]),
    ("JP", "Japan", "country", ["日本"]),  # unspaced script: one token per character
    ("US", "United States", "country", ["U.S.", "US"]),
    ("P1", "Kim Jong Un", "person", ["Kim"]),  # "Kim" nests inside "Kim Jong Un"
]

PIECES = ["North Korea", "North\nKorea", "DPRK", "Korea", "South Korea", "Georgia", "GEORGIA", "Russia",
          "Russia’s", "Russia's", "Austria", "Österreich", "Japan", "日本は", "日本", "U.S.", "U.S.-led", "US",
          "United States", "Kim", "Kim Jong Un", "Kim Jong\nUn", "the", "said", "met", "Mr.", "3.5", "talks",
          "(Reuters)", "“We", "koreans", "Koreans", "😀", "naïve", "Österreich’s", "U.N."]
SEPS = [" ", " ", " ", " ", ", ", ". ", ". ", "! ", "? ", "… ", ".\n", "\n", "\n\n", " \n \n", "\r\n", "\u2029",
        "\x85", "  ", "-", "’s "]


def gazetteer() -> "gazetta.Gazetteer":
    g = gazetta.Gazetteer()
    for i, n, k, a in ENTITIES:
        g.add(i, n, kind=k, aliases=a)
    return g


@functools.lru_cache(maxsize=None)
def matcher(overlaps: str = "longest", ambiguous: str = "all") -> "gazetta.Matcher":
    return gazetta.Matcher(gazetteer(), overlaps=overlaps, ambiguous=ambiguous)


TEXTS = st.tuples(st.sampled_from(["", "", " ", "\n", "\n\n "]),
                  st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPS)), max_size=18)).map(
    lambda x: x[0] + "".join(p + s for p, s in x[1]))
DOCS = st.one_of(TEXTS, TEXTS, TEXTS, TEXTS, st.just(""), st.none())
CORPORA = st.lists(DOCS, max_size=8)
MATCHERS = st.tuples(st.sampled_from(["longest", "all"]), st.sampled_from(["all", "all", "skip"]))


@st.composite
def modes(draw: Any) -> Dict[str, Any]:
    """Keyword arguments of one counting mode."""
    return {
        "unit": draw(st.sampled_from(["document", "paragraph", "sentence"])),
        "paragraphs": draw(st.sampled_from(["auto", "line", "blank"])),
        "count": draw(st.sampled_from(["units", "mentions"])),
        "window": draw(st.sampled_from([None, None, 0, 1, 3])),
    }


def mode_of(kw: Dict[str, Any]) -> str:
    return "window" if kw.get("window") is not None else kw.get("count", "units")


def run(corpus: Any, m: "gazetta.Matcher", **kw: Any) -> "gazetta.Cooccurrence":
    return gazetta.cooccurrence(corpus, m, progress=False, **kw)


# --------------------------------------------------------------------------------------------
# Comparison with the reference
# --------------------------------------------------------------------------------------------
def group_of(row: Any, keys: List[str]) -> Tuple[Any, ...]:
    return tuple(getattr(row, k) for k in keys)


def assert_matches_reference(co: "gazetta.Cooccurrence", ref: R.RefCounts, mode: str, keys: List[str]) -> None:
    # pairs: every row, in The result (docs/counting.md) order (group, n_ab desc, a, b)
    got = [(group_of(r, keys), r.a, r.b, r.n_ab, r.n_a, r.n_b, r.n)
           for r in co.pairs.itertuples(index=False)]
    assert got == R.expected_pairs(ref, mode)
    # entities
    got_e = {(group_of(r, keys), r.entity): [r.n_units, r.n_mentions, r.n_docs]
             for r in co.entities.itertuples(index=False)}
    assert got_e == ref.entities
    assert list(co.entities[keys + ["entity"]].itertuples(index=False, name=None)) == sorted(
        [(*g, e) for g, e in ref.entities])
    # groups (every group, with its own n)
    got_g = {group_of(r, keys): {"n_docs": r.n_docs, "n_units": r.n_units, "n_mentions": r.n_mentions,
                                 "n_tokens": r.n_tokens} for r in co.groups.itertuples(index=False)}
    if mode != "window":  # tokens are only counted (and needed) for windows
        for v in got_g.values():
            v.pop("n_tokens")
        exp_g = {g: {k: v for k, v in t.items() if k != "n_tokens"} for g, t in ref.groups.items()}
    else:
        exp_g = ref.groups
    assert got_g == exp_g
    assert {group_of(r, keys): r.n for r in co.groups.itertuples(index=False)} == ref.n
    assert co.meta["missing_key_docs"] == ref.missing_key_docs
    if mode == "units":
        p = co.pairs
        vals = p[["pmi", "npmi", "jaccard", "dice", "expected", "lift"]].to_numpy()
        assert np.isfinite(vals).all(), "units mode must give finite measures (docs/measures.md)"
        # llr is NaN only for the documented reason: an ambiguous span holds both entities in
        # a unit without counting as a co-occurrence, so n - n_a - n_b + n_ab can be negative.
        consistent = (p["n"] - p["n_a"] - p["n_b"] + p["n_ab"]).to_numpy() >= 0
        llr = p[["llr", "llr_p"]].to_numpy()
        assert np.isfinite(llr[consistent]).all()
        assert np.isnan(llr[~consistent]).all()


@SETTINGS
@given(CORPORA, MATCHERS, modes())
def test_counts_equal_reference(corpus: List[Optional[str]], mopts: Tuple[str, str], kw: Dict[str, Any]) -> None:
    """docs/counting.md: every unit × count × window mode, n including empty units and empty/None
    documents, ambiguous spans, a < b, no self-pairs; The result (docs/counting.md) column order and sort order."""
    m = matcher(*mopts)
    co = run(corpus, m, **kw)
    ref = R.count(corpus, m, **kw)
    assert list(co.pairs.columns) == ["a", "b", "name_a", "name_b", "kind_a", "kind_b", "n_ab", "n_a", "n_b", "n",
                                      "pmi", "npmi", "jaccard", "dice", "llr", "llr_p", "expected", "lift"]
    assert list(co.entities.columns) == ["entity", "name", "kind", "n_units", "n_mentions", "n_docs"]
    assert_matches_reference(co, ref, mode_of(kw), [])
    assert co.meta["n_docs"] == len(corpus) and co.meta["missing_texts"] == sum(t is None for t in corpus)
    assert (co.pairs["a"] < co.pairs["b"]).all()
    names = {i: (n, k) for i, n, k, _ in ENTITIES}
    for r in co.pairs.itertuples(index=False):
        assert (r.name_a, r.kind_a) == names[r.a] and (r.name_b, r.kind_b) == names[r.b]


OUTLETS = st.sampled_from(["AP", "BBC", "Reuters", None])
DATES = st.sampled_from(["2024-01-01", "2024-01-07", "2024-01-08", "2024-02-29", "2024-04-01", "2025-12-31", None])


@st.composite
def frames(draw: Any) -> pd.DataFrame:
    rows = draw(st.lists(st.tuples(DOCS, OUTLETS, DATES), max_size=10))
    return pd.DataFrame({"text": [r[0] for r in rows], "outlet": [r[1] for r in rows],
                         "date": pd.to_datetime(pd.Series([r[2] for r in rows], dtype=object))})


def ref_groups(df: pd.DataFrame, by: List[str], time: Optional[str], freq: Optional[str]) -> List[Optional[Tuple[Any, ...]]]:
    """The group key of every row (None when any key is missing): by values, then the period."""
    out: List[Optional[Tuple[Any, ...]]] = []
    for _, row in df.iterrows():
        key: List[Any] = [row[c] for c in by]
        if time is not None:
            key.append(None if pd.isna(row[time]) else pd.Timestamp(row[time]).to_period(freq))
        out.append(None if any(k is None or (not isinstance(k, pd.Period) and pd.isna(k)) for k in key) else tuple(key))
    return out


def count_quietly(df: pd.DataFrame, m: "gazetta.Matcher", **kw: Any) -> Tuple["gazetta.Cooccurrence", List[Any]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        co = run(df, m, **kw)
    return co, caught


@settings(SETTINGS, max_examples=max(10, SETTINGS.max_examples * 2 // 3))
@given(frames(), st.sampled_from([(["outlet"], None, None), ([], "date", "D"), ([], "date", "W"),
                                  (["outlet"], "date", "M"), ([], "date", "Q"), (["outlet"], "date", "Y")]),
       modes())
def test_groups_equal_reference(df: pd.DataFrame, slicing: Tuple[List[str], Optional[str], Optional[str]],
                                kw: Dict[str, Any]) -> None:
    """docs/slicing.md: each group counted on its own with its own n; key columns lead (by, then the
    time column holding Periods); rows with a missing key are counted in .meta, with a warning."""
    by, time, freq = slicing
    m = matcher()
    co, caught = count_quietly(df, m, by=by or None, time=time, freq=freq, **kw)
    keys = by + ([time] if time else [])
    groups = ref_groups(df, by, time, freq)
    ref = R.count(df["text"].tolist(), m, groups=groups, **kw)
    assert list(co.pairs.columns[: len(keys) + 2]) == keys + ["a", "b"]
    assert list(co.entities.columns[: len(keys) + 1]) == keys + ["entity"]
    if time:
        assert isinstance(co.pairs[time].dtype, pd.PeriodDtype) and co.pairs[time].dtype.freq == \
            pd.Period("2024-01-01", freq).freq
        assert isinstance(co.groups[time].dtype, pd.PeriodDtype)
    assert_matches_reference(co, ref, mode_of(kw), keys)
    missing = sum(g is None for g in groups)
    assert [str(w.message) for w in caught if "missing group key" in str(w.message)] == (
        [f"{missing} document{'' if missing == 1 else 's'} {'has' if missing == 1 else 'have'} a missing group key "
         f"and {'was' if missing == 1 else 'were'} not counted (see .meta['missing_key_docs'])"] if missing else [])
    assert len(caught) == (1 if missing else 0), [str(w.message) for w in caught]


# --------------------------------------------------------------------------------------------
# Determinism, merging, pickling
# --------------------------------------------------------------------------------------------
def same(x: "gazetta.Cooccurrence", y: "gazetta.Cooccurrence") -> None:
    assert x.pairs.equals(y.pairs)
    assert x.entities.equals(y.entities)
    assert x.groups.equals(y.groups)
    assert list(x.pairs.columns) == list(y.pairs.columns)
    assert (x.pairs.dtypes == y.pairs.dtypes).all()


@FEW
@given(CORPORA, modes(), st.integers(1, 4))
def test_same_result_for_any_threads_and_chunking(corpus: List[Optional[str]], kw: Dict[str, Any],
                                                  chunk: int) -> None:
    """docs/counting.md: identical results whatever the thread count or chunking; a generator of dicts,
    a DataFrame and a list give identical tables."""
    m = matcher()
    base = run(corpus, m, n_threads=1, **kw)
    for t in (2, 3):
        same(base, run(corpus, m, n_threads=t, **kw))
    from gazetta import _input

    with mock.patch.object(_input, "iter_chunks", functools.partial(_input.iter_chunks, chunk_docs=chunk)), \
            mock.patch.object(_input, "CHUNK_DOCS", chunk):
        streamed = run(({"text": t, "id": i} for i, t in enumerate(corpus)), m, n_threads=2, **kw)
        framed = run(pd.DataFrame({"text": pd.Series(corpus, dtype=object)}), m, n_threads=3, **kw)
        listed = run(list(corpus), m, n_threads=2, **kw)
    for other in (streamed, framed, listed):
        same(base, other)


@FEW
@given(frames(), st.data(), modes())
def test_merge_of_halves_equals_whole(df: pd.DataFrame, data: Any, kw: Dict[str, Any]) -> None:
    """The result (docs/counting.md): merge adds counts exactly (DataFrame.equals), sliced results included."""
    m = matcher()
    cut = data.draw(st.integers(0, len(df)))
    by = data.draw(st.sampled_from([{}, {"by": "outlet"}, {"time": "date", "freq": "M"}]))
    whole, _ = count_quietly(df, m, **by, **kw)
    first, _ = count_quietly(df.iloc[:cut], m, **by, **kw)
    second, _ = count_quietly(df.iloc[cut:], m, **by, **kw)
    merged = first.merge(second)
    same(whole, merged)
    assert merged.meta["n_docs"] == whole.meta["n_docs"] == len(df)
    assert merged.meta["missing_key_docs"] == whole.meta["missing_key_docs"]


def test_merge_refuses_different_settings() -> None:
    docs = ["North Korea and Japan."]
    with pytest.raises(gazetta.GazettaError, match="unit"):
        run(docs, matcher(), unit="sentence").merge(run(docs, matcher(), unit="document"))
    with pytest.raises(gazetta.GazettaError, match="matcher"):
        run(docs, matcher()).merge(run(docs, matcher("all")))


@FEW
@given(CORPORA, modes())
def test_pickle_round_trip(corpus: List[Optional[str]], kw: Dict[str, Any]) -> None:
    """The result (docs/counting.md): a result pickles; the copy has the same tables, meta and views."""
    co = run(corpus, matcher(), **kw)
    back = pickle.loads(pickle.dumps(co))
    same(co, back)
    assert back.meta == co.meta
    assert repr(back) == repr(co)
    if len(co.pairs):
        a, b = co.matrix()[0], back.matrix()[0]
        assert (a != b).nnz == 0
    # merging after unpickling still works (the matcher comes along)
    same(back.merge(back), co.merge(co))


# --------------------------------------------------------------------------------------------
# Filters and views
# --------------------------------------------------------------------------------------------
@FEW
@given(CORPORA, st.integers(1, 4), modes())
def test_min_count(corpus: List[Optional[str]], k: int, kw: Dict[str, Any]) -> None:
    """The result (docs/counting.md): ``min_count`` keeps exactly the rows with n_ab ≥ min_count, nothing else changes."""
    m = matcher()
    full = run(corpus, m, **kw)
    cut = run(corpus, m, min_count=k, **kw)
    exp = full.pairs[full.pairs["n_ab"] >= k].reset_index(drop=True)
    assert cut.pairs.equals(exp)
    assert cut.entities.equals(full.entities)


KIND_FILTERS = [
    ({"kinds": "country"}, lambda x, y: x == "country" and y == "country"),
    ({"kinds": {"country"}}, lambda x, y: x == "country" and y == "country"),
    ({"kinds": {"country", "state"}}, lambda x, y: {x, y} <= {"country", "state"}),
    ({"kinds": {"person", "country"}}, lambda x, y: {x, y} <= {"person", "country"}),
    ({"between": ({"person"}, {"country"})}, lambda x, y: {x, y} == {"person", "country"}),
    ({"between": ("person", "country")}, lambda x, y: {x, y} == {"person", "country"}),
    ({"between": ({"state"}, {"country", "state"})}, lambda x, y: "state" in (x, y) and {x, y} <= {"country", "state"}),
]


@FEW
@given(CORPORA, st.sampled_from(range(len(KIND_FILTERS))))
def test_kinds(corpus: List[Optional[str]], which: int) -> None:
    """``kinds``: a set (both ends in it); ``between``: one end of each (its first kind in
    ``a``, see tests/test_between.py for the orientation)."""
    kw, keep = KIND_FILTERS[which]
    m = matcher()
    full = run(corpus, m, unit="document")
    got = run(corpus, m, unit="document", **kw)
    mask = [keep(x, y) for x, y in zip(full.pairs["kind_a"], full.pairs["kind_b"])]
    want = full.pairs[np.array(mask, dtype=bool)].reset_index(drop=True)
    if "kinds" in kw:
        assert got.pairs.equals(want)
    else:
        def rows(p: pd.DataFrame) -> List[Tuple[Any, ...]]:
            return sorted((min(a, b), max(a, b), n_ab, n) for a, b, n_ab, n in p[["a", "b", "n_ab", "n"]].itertuples(
                index=False, name=None))
        assert rows(got.pairs) == rows(want)
        first = kw["between"][0]
        assert set(got.pairs["kind_a"]) <= ({first} if isinstance(first, str) else set(first))


@FEW
@given(CORPORA, modes())
def test_matrix_and_networkx(corpus: List[Optional[str]], kw: Dict[str, Any]) -> None:
    """``matrix()``: a symmetric csr matrix over the sorted entity ids of the kept pairs, zero
    diagonal, cell = the pair's value; ``to_networkx()``: the same nodes and edges."""
    co = run(corpus, matcher(), **kw)
    p = co.pairs
    labels_exp = sorted(set(p["a"]) | set(p["b"]))
    for value in ("n_ab", "npmi"):
        mat, labels = co.matrix(value)
        assert labels == labels_exp
        assert mat.shape == (len(labels), len(labels))
        assert mat.format == "csr"
        dense = mat.toarray()
        # count="mentions" gives NaN npmi where n_ab > n (documented): NaN cells equal too
        assert np.array_equal(dense, dense.T, equal_nan=True)
        assert (np.diag(dense) == 0).all()
        pos = {e: i for i, e in enumerate(labels)}
        expected = np.zeros_like(dense)
        for a, b, v in zip(p["a"], p["b"], p[value]):
            expected[pos[a], pos[b]] = expected[pos[b], pos[a]] = v
        np.testing.assert_array_equal(dense, expected)
    G = co.to_networkx()
    # nodes: the entities of the kept pairs; without any pair, every counted entity
    assert sorted(G.nodes) == (labels_exp if len(p) else sorted(co.entities["entity"]))
    assert G.number_of_edges() == len(p)
    for r in p.itertuples(index=False):
        e = G.edges[r.a, r.b]
        assert (e["n_ab"], e["n_a"], e["n_b"], e["n"]) == (r.n_ab, r.n_a, r.n_b, r.n)
        assert e["weight"] == r.n_ab
    ents = co.entities.set_index("entity")
    for node, attrs in G.nodes(data=True):
        assert attrs["name"] == ents.loc[node, "name"] and attrs["n_units"] == ents.loc[node, "n_units"]


def test_matrix_rejects_text_columns_and_needs_a_group() -> None:
    df = pd.DataFrame({"text": ["Japan and Russia.", "Japan, Korea."], "outlet": ["AP", "BBC"]})
    co = run(df, matcher(), by="outlet")
    with pytest.raises(ValueError, match="groups"):
        co.matrix()
    m, labels = co.matrix(group="AP")
    assert labels == ["JP", "ru"] and m.toarray().tolist() == [[0, 1], [1, 0]]
    with pytest.raises(ValueError, match="numeric"):
        co.matrix("name_a", group="AP")


@FEW
@given(CORPORA, MATCHERS, modes())
def test_evidence_is_exactly_the_counted_units(corpus: List[Optional[str]], mopts: Tuple[str, str],
                                               kw: Dict[str, Any]) -> None:
    """``evidence(a, b)`` returns exactly the units in which the pair was counted, in corpus
    order; the spans it gives are the mentions of a and b in the unit's text."""
    m = matcher(*mopts)
    co = run(corpus, m, **kw)
    ref = R.count(corpus, m, **kw)
    for r in co.pairs.itertuples(index=False):
        ev = co.evidence(r.a, r.b, n=10_000)
        assert list(zip(ev["doc"], ev["unit"])) == ref.where[((), r.a, r.b)]
        if mode_of(kw) == "units":
            assert len(ev) == r.n_ab
        for e in ev.itertuples(index=False):
            doc = corpus[e.doc]
            assert doc is not None and e.text == doc[e.start:e.end]
            assert e.spans_a and e.spans_b
    if len(co.pairs):
        first = co.pairs.iloc[0]
        assert len(co.evidence(first["a"], first["b"], n=1)) == 1


# --------------------------------------------------------------------------------------------
# Hand-made cases
# --------------------------------------------------------------------------------------------
def pair_table(co: "gazetta.Cooccurrence") -> List[Tuple[str, str, int, int, int, int]]:
    return list(co.pairs[["a", "b", "n_ab", "n_a", "n_b", "n"]].itertuples(index=False, name=None))


def test_n_counts_empty_units_and_documents() -> None:
    """Units and The counts (docs/counting.md): n = all units; an empty or None document is a unit for unit="document" and
    has no sentences or paragraphs; whitespace-only paragraphs are not units."""
    docs = ["Japan and Russia met.\n \nNo one else. Nothing.", None, "", "   "]
    m = matcher()
    assert pair_table(run(docs, m, unit="document")) == [("JP", "ru", 1, 1, 1, 4)]
    assert pair_table(run(docs, m, unit="paragraph")) == [("JP", "ru", 1, 1, 1, 2)]
    assert pair_table(run(docs, m, unit="sentence")) == [("JP", "ru", 1, 1, 1, 3)]


@pytest.mark.parametrize("extra", ["", "\u00a3", "\u2019", "\U0001f642", "\ud800"],
                         ids=["ascii", "latin-1", "ucs-2", "ucs-4", "lone-surrogate"])
def test_every_str_storage_counts_alike(extra: str) -> None:
    """CPython keeps a str as Latin-1, UCS-2 or UCS-4 code units (by its widest character);
    the counting workers read those units and transcode them themselves. Whatever the
    storage, counts, evidence spans and texts are those of the str (each code unit one
    character; a lone surrogate one non-word character)."""
    m = matcher()
    sent = f"Japan{extra} and Russia met. Georgia{extra} said so."
    docs = [sent, "Russia" + extra * 3 + " and Japan.", None, extra + " Japan"]
    co = run(docs, m, unit="sentence", keep_evidence=2)
    assert pair_table(co) == [("JP", "ru", 2, 3, 2, 4)]
    ev = co.evidence("JP", "ru")
    want = [f"Japan{extra} and Russia met.", "Russia" + extra * 3 + " and Japan."]
    # kept evidence is stored as UTF-8, where a lone surrogate is U+FFFD (one char too)
    assert ev["text"].tolist() == [w.replace("\ud800", "\ufffd") for w in want]
    assert [t[s:e] for t, s, e in zip(ev["text"], ev["spans_a"].str[0].str[0], ev["spans_a"].str[0].str[1])] == [
        "Japan", "Japan"]
    assert ev[["start", "end"]].values.tolist() == [[0, len(f"Japan{extra} and Russia met.")],
                                                     [0, len("Russia" + extra * 3 + " and Japan.")]]
    # the in-memory path re-finds the units in the corpus: the same rows
    again = run(docs, m, unit="sentence").evidence("JP", "ru")
    assert again["text"].tolist() == ev["text"].tolist()
    assert again[["unit", "start", "end"]].values.tolist() == ev[["unit", "start", "end"]].values.tolist()


def test_ambiguous_span_does_not_pair_with_itself() -> None:
    """"Georgia" is GE and US-GA: its candidates never co-occur through one span, nor
    through two spans of the same ambiguous name ("Georgia and Georgia." is one name twice,
    not a meeting of the country and the state)."""
    m = matcher()
    assert pair_table(run(["Georgia said."], m)) == []
    assert pair_table(run(["Georgia said."], m, count="mentions")) == []
    assert pair_table(run(["Georgia and Georgia."], m)) == []
    assert pair_table(run(["Georgia and Georgia."], m, count="mentions")) == []
    assert pair_table(run(["Georgia and Georgia."], m, window=5)) == []
    assert pair_table(run(["Georgia and Russia."], m)) == [("GE", "ru", 1, 1, 1, 1), ("US-GA", "ru", 1, 1, 1, 1)]
    assert pair_table(run(["Georgia and Russia."], matcher("longest", "skip"))) == []


def test_one_ambiguous_name_twice_makes_no_pair() -> None:
    """Two people called Brown: "Brown met Brown." makes no gbrown-jbrown pair, in any
    count mode, while each Brown still pairs with another name."""
    g = gazetta.Gazetteer().add("gbrown", "Gordon Brown", aliases=["Brown"]).add(
        "jbrown", "James Brown", aliases=["Brown"]).add("RU", "Russia")
    m = gazetta.Matcher(g)
    for kw in ({}, {"count": "mentions"}, {"window": 3}, {"unit": "document"}):
        assert pair_table(run(["Brown met Brown."], m, **kw)) == [], kw
    assert [r[:3] for r in pair_table(run(["Brown met Brown in Russia."], m, count="mentions"))] == [
        ("RU", "gbrown", 2), ("RU", "jbrown", 2)]


def test_mention_belongs_to_the_unit_where_it_starts() -> None:
    """docs/sentences.md: a name broken across a line break counts once, in the paragraph where it starts."""
    m = matcher()
    co = run(["Japan said North\nKorea is near. Russia agreed."], m, unit="paragraph")
    # paragraphs: "Japan said North" | "Korea is near. Russia agreed." ; North Korea starts in the first
    assert pair_table(co) == [("JP", "NK", 1, 1, 1, 2)]
    assert co.entities.set_index("entity").loc["NK", "n_mentions"] == 1


def test_windows_by_hand() -> None:
    """Units (docs/counting.md) windows: per mention pair, later first token − earlier last token ≤ k, same unit."""
    m = matcher()
    # tokens: Japan(0) met(1) Russia(2) and(3) Japan(4) . Russia(5)
    text = "Japan met Russia and Japan. Russia"
    # doc: pairs (0,2):2 (2,4):2 (4,5):1 (0,5):5
    assert pair_table(run([text], m, unit="document", window=1)) == [("JP", "ru", 1, 2, 2, 6)]
    assert pair_table(run([text], m, unit="document", window=2)) == [("JP", "ru", 3, 2, 2, 6)]
    assert pair_table(run([text], m, unit="document", window=5)) == [("JP", "ru", 4, 2, 2, 6)]
    # sentences: "Japan met Russia and Japan." | "Russia": the (4,5) pair crosses a break
    assert pair_table(run([text], m, unit="sentence", window=5)) == [("JP", "ru", 2, 2, 2, 6)]
    # 日本は: 日(0) 本(1) は(2) then Russia(3): distance 3 − 1 = 2
    assert pair_table(run(["日本はRussia"], m, unit="document", window=2)) == [("JP", "ru", 1, 1, 1, 4)]
    assert pair_table(run(["日本はRussia"], m, unit="document", window=1)) == []


def test_count_mentions_by_hand() -> None:
    """count="mentions": n_ab = Σ_units m_a × m_b; n_a = mentions; n = all mentions."""
    m = matcher()
    docs = ["Japan, Japan and Russia. Russia, Russia and Japan.", "Japan."]
    # sentence 1: 2 × 1 = 2; sentence 2: 1 × 2 = 2 -> 4 ; document: 3 × 3 = 9
    assert pair_table(run(docs, m, count="mentions")) == [("JP", "ru", 4, 4, 3, 7)]
    assert pair_table(run(docs, m, count="mentions", unit="document")) == [("JP", "ru", 9, 4, 3, 7)]


def test_pairs_sorted_by_n_ab_then_ids() -> None:
    """The result (docs/counting.md): n_ab descending, then a, b in string (code point) order: "JP" < "ru" < "ÖS"."""
    m = matcher()
    docs = ["Russia, Japan and Austria.", "Russia and Japan.", "Korea and Austria.", "Austria and Russia."]
    got = [(a, b, n) for a, b, n, *_ in pair_table(run(docs, m))]
    assert got == [("JP", "ru", 2), ("ru", "ÖS", 2), ("JP", "ÖS", 1), ("KR", "ÖS", 1)]


def test_options_are_validated() -> None:
    m = matcher()
    for kw, msg in [({"unit": "page"}, "unit"), ({"count": "docs"}, "count"), ({"window": -1}, "window"),
                    ({"min_count": 0}, "min_count"), ({"time": "date"}, "freq"),
                    ({"time": "date", "freq": "fortnightly"}, "freq"), ({"paragraphs": "para"}, "paragraphs")]:
        with pytest.raises(ValueError, match=msg):
            run(["Japan."], m, **kw)


# --------------------------------------------------------------------------------------------
# A realistic article, counted by hand
# --------------------------------------------------------------------------------------------
def _article() -> Tuple[str, "gazetta.Gazetteer"]:
    with open(os.path.join(DATA, "cooc_pyongyang.txt"), encoding="utf-8") as f:
        text = f.read()
    return text, gazetta.Gazetteer.read_csv(os.path.join(DATA, "cooc_pyongyang_gazetteer.csv"))


# The article (tests/data/cooc_pyongyang.txt) is counted with paragraphs="blank" (its names are
# broken across single line breaks, as in hard-wrapped copy): 5 paragraphs, 11 sentences. The
# gazetteer (cooc_pyongyang_gazetteer.csv) gives KR the alias "Korea", which must lose to
# "North Korea", "North Korean", "South Korea" and the full DPRK name (longest wins, Overlaps (docs/matching.md))
# and must not match in "Koreans" (docs/matching.md, Word boundaries); "People’s" (curly) matches "People's" (docs/matching.md, Normalised comparison). Mentions per
# sentence, by entity id (RU Russia, KP North Korea, KR South Korea, US United States, JP Japan,
# CN China, P-LAV Lavrov, P-CHOE Choe Son Hui); "(2)" = two mentions:
#
#   S1  RU("Russia’s") P-LAV("Sergei Lavrov") KP("Pyongyang") KP("North\nKorea")
#   S2  P-LAV("Lavrov") P-CHOE("Choe Son Hui") KP("DPRK") RU("Moscow")
#   S3  KP("Democratic People’s Republic of Korea") RU("Russia") US("U.S.-led") KR("South Korea")
#   S4  (no mention: "Koreans" is not "Korea")
#   S5  KR("Seoul") US("United\nStates") JP("Japan")
#   S6  CN("China’s") CN("Beijing") KP("Pyongyang") RU("Moscow")
#   S7  US("Washington") US("U.S.") — one entity only
#   S8  JP("Japanese") KP("North Korean") P-LAV("Lavrov")
#   S9  (no mention)
#   S10 RU("Russia") KP("DPRK") US("United States") JP("Japan")
#   S11 (no mention)
#
# Sentence units (n = 11). n_a: RU 5 (S1 S2 S3 S6 S10), KP 6 (S1 S2 S3 S6 S8 S10),
# US 4 (S3 S5 S7 S10), JP 3 (S5 S8 S10), KR 2 (S3 S5), CN 1 (S6), P-LAV 3 (S1 S2 S8), P-CHOE 1 (S2).
#
#   pair           sentences           n_ab
#   KP-RU          S1 S2 S3 S6 S10     5
#   KP-P-LAV       S1 S2 S8            3
#   KP-US          S3 S10              2
#   JP-KP          S8 S10              2
#   JP-US          S5 S10              2
#   P-LAV-RU       S1 S2               2
#   RU-US          S3 S10              2
#   KP-KR          S3                  1
#   KR-RU          S3                  1
#   KR-US          S3 S5               2
#   JP-KR          S5                  1
#   CN-KP          S6                  1
#   CN-RU          S6                  1
#   JP-P-LAV       S8                  1
#   JP-RU          S10                 1
#   KP-P-CHOE      S2                  1
#   P-CHOE-P-LAV   S2                  1
#   P-CHOE-RU      S2                  1
#
# Document unit (n = 1): every pair of the 8 entities present co-occurs once: C(8, 2) = 28 pairs.
SENTENCE_PAIRS = {
    ("KP", "RU"): 5, ("KP", "P-LAV"): 3, ("KP", "US"): 2, ("JP", "KP"): 2, ("JP", "US"): 2,
    ("P-LAV", "RU"): 2, ("RU", "US"): 2, ("KR", "US"): 2, ("KP", "KR"): 1, ("KR", "RU"): 1, ("JP", "KR"): 1,
    ("CN", "KP"): 1, ("CN", "RU"): 1, ("JP", "P-LAV"): 1, ("JP", "RU"): 1, ("KP", "P-CHOE"): 1,
    ("P-CHOE", "P-LAV"): 1, ("P-CHOE", "RU"): 1,
}
SENTENCE_N_A = {"RU": 5, "KP": 6, "US": 4, "JP": 3, "KR": 2, "CN": 1, "P-LAV": 3, "P-CHOE": 1}
#: mentions per entity in the whole article (count="mentions", document unit)
MENTIONS = {"RU": 5, "KP": 7, "US": 5, "JP": 3, "KR": 2, "CN": 2, "P-LAV": 3, "P-CHOE": 1}


def test_article_sentences_by_hand() -> None:
    text, gaz = _article()
    assert len(gazetta.sentences(text, "blank")) == 11 and len(gazetta.paragraphs(text, "blank")) == 5
    co = gazetta.cooccurrence([text], gaz, unit="sentence", paragraphs="blank", progress=False)
    got = {(a, b): n_ab for a, b, n_ab, *_ in pair_table(co)}
    assert got == SENTENCE_PAIRS
    assert dict(zip(co.entities["entity"], co.entities["n_units"])) == SENTENCE_N_A
    assert dict(zip(co.entities["entity"], co.entities["n_mentions"])) == MENTIONS
    assert set(co.pairs["n"]) == {11}
    # the order: n_ab descending, then a, b
    assert [(a, b) for a, b, *_ in pair_table(co)][:3] == [("KP", "RU"), ("KP", "P-LAV"), ("JP", "KP")]
    assert co.evidence("KP", "RU", n=100)["unit"].tolist() == [0, 1, 2, 5, 9]


def test_article_document_by_hand() -> None:
    text, gaz = _article()
    co = gazetta.cooccurrence([text], gaz, unit="document", progress=False)
    assert {(a, b) for a, b, *_ in pair_table(co)} == set(itertools.combinations(sorted(SENTENCE_N_A), 2))
    assert set(co.pairs["n_ab"]) == {1} and set(co.pairs["n"]) == {1}
    mentions = gazetta.cooccurrence([text], gaz, unit="document", count="mentions", progress=False)
    total = sum(MENTIONS.values())
    exp = {(a, b): MENTIONS[a] * MENTIONS[b] for a, b in itertools.combinations(sorted(MENTIONS), 2)}
    assert {(a, b): n for a, b, n, *_ in pair_table(mentions)} == exp
    assert set(mentions.pairs["n"]) == {total}


def test_article_agrees_with_reference() -> None:
    text, gaz = _article()
    m = gazetta.Matcher(gaz)
    for unit, paras in itertools.product(("document", "paragraph", "sentence"), ("line", "blank")):
        for kw in ({"count": "units"}, {"count": "mentions"}, {"window": 4}):
            co = run([text], m, unit=unit, paragraphs=paras, **kw)
            assert_matches_reference(co, R.count([text], m, unit=unit, paragraphs=paras, **kw), mode_of(kw), [])


def test_evidence_with_ids_and_groups() -> None:
    """evidence() names documents by their ``id=`` values, carries the group keys, and leaves
    out documents that were not counted (a missing group key)."""
    df = pd.DataFrame({"text": ["Japan and Russia met.", "Japan, Russia.", "Nothing. Russia and Japan."],
                       "key": ["d1", "d2", "d3"], "outlet": ["AP", None, "BBC"]})
    co, caught = count_quietly(df, matcher(), id="key", by="outlet")
    assert co.meta["missing_key_docs"] == 1 and len(caught) == 1
    assert co.pairs[["outlet", "a", "b", "n_ab"]].values.tolist() == [["AP", "JP", "ru", 1], ["BBC", "JP", "ru", 1]]
    ev = co.evidence("JP", "ru")
    assert list(ev.columns) == ["doc", "outlet", "unit", "start", "end", "text", "spans_a", "spans_b", "ambiguous"]
    assert ev[["doc", "outlet", "unit", "text"]].values.tolist() == [
        ["d1", "AP", 0, "Japan and Russia met."], ["d3", "BBC", 1, "Russia and Japan."]]
    assert ev["spans_a"].tolist() == [[(0, 5)], [(11, 16)]] and ev["spans_b"].tolist() == [[(10, 16)], [(0, 6)]]


def test_evidence_needs_the_corpus() -> None:
    co = run(iter(["Japan and Russia."]), matcher())
    with pytest.raises(gazetta.GazettaError, match="in-memory corpus"):
        co.evidence("JP", "ru")
    with pytest.raises(KeyError):
        run(["Japan and Russia."], matcher()).evidence("JP", "XX")


def test_kinds_pair_with_a_plain_string() -> None:
    """``kinds=({"person"}, "country")`` (once a TypeError, then person × country) is refused
    with the spelling that reads one way, ``between=``, which puts the person in ``a``."""
    docs = ["Kim Jong Un met Russia’s envoy in Georgia and Japan."]
    m = matcher()
    with pytest.raises(ValueError, match="between="):
        run(docs, m, unit="document", kinds=({"person"}, "country"))
    got = run(docs, m, unit="document", between=({"person"}, "country"))
    assert [(a, b) for a, b, *_ in pair_table(got)] == [("P1", "GE"), ("P1", "JP"), ("P1", "ru")]
    assert got.pairs.equals(run(docs, m, unit="document", between=("person", {"country"})).pairs)
