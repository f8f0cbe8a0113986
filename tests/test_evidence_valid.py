"""Evidence that is exactly what was counted (issue 19 item 2 and "Also"): folded duplicates
(``dedupe=``) and documents without a group key give no evidence, a corpus changed after
counting is an error instead of other text, ``sample="random"`` draws uniformly from every
counted unit, the notebook view survives column subsets, and network files say what they do
with signed weights (npmi, pmi) for Gephi (``min_weight=``)."""

from __future__ import annotations

import gzip
import json
import math
import pickle
import warnings
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest

import gazetta

from external_data import CORPORA, NO_CORPORA  # noqa: E402 (tests/ is on sys.path, see conftest.py)

needs_corpora = pytest.mark.skipif(not (CORPORA / "reuters21578.jsonl.gz").is_file(), reason=NO_CORPORA)

A = "Japan and China met in Tokyo. China, Japan and Korea later. Nothing else."
B = "Korea and Japan. Japan said China would come. China and Korea."
C = "China and Japan talked.\n\nKorea and China too. Japan alone."
DOCS = [A, B, A, "Nothing.", C, "  ".join(A.split(" ")), B, None, C, A + " Korea and Japan."]


def gaz() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i, n in [("JP", "Japan"), ("CN", "China"), ("KR", "Korea")]:
        g.add(i, n, kind="country")
    return g


@pytest.fixture(scope="module")
def m() -> gazetta.Matcher:
    return gazetta.Matcher(gaz())


def cooc(corpus: Any, m: Any, **kw: Any) -> gazetta.Cooccurrence:
    return gazetta.cooccurrence(corpus, m, progress=False, **kw)


def frame() -> pd.DataFrame:
    return pd.DataFrame({"text": DOCS, "id": [f"d{i}" for i in range(len(DOCS))],
                         "src": ["x", "y", "x", "y", "x", "y", "x", "y", "x", "y"],
                         "date": ["2024-01-05", "2024-01-09", "2024-02-01", "2024-02-03", "2024-02-09",
                                  "2024-03-01", "2024-03-02", "2024-03-09", "2024-04-01", "2024-04-02"]})


# --------------------------------------------------------------------------------------------
# dedupe=: folded documents give no evidence
CASES: List[Dict[str, Any]] = [
    {"dedupe": "exact"}, {"dedupe": "near"}, {"dedupe": "exact", "unit": "document"},
    {"dedupe": "exact", "by": "src"}, {"dedupe": "exact", "time": "date", "freq": "M"},
    {"dedupe": "exact", "id": "id"}, {"dedupe": "exact", "count": "mentions"}, {"dedupe": "exact", "window": 3},
]


def _units(co: gazetta.Cooccurrence, a: str, b: str, **kw: Any) -> List[Any]:
    ev = co.evidence(a, b, n=10_000, **kw)
    return list(zip(ev["doc"], ev["unit"]))


@pytest.mark.parametrize("kw", CASES, ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
@pytest.mark.parametrize("corpus", ["frame", "list"])
def test_evidence_skips_folded_duplicates(m, kw, corpus) -> None:
    if corpus == "list" and (set(kw) & {"by", "time", "id"}):
        pytest.skip("metadata needs a DataFrame")
    data: Any = frame() if corpus == "frame" else list(DOCS)
    co = cooc(data, m, **kw)
    assert co.meta["dedupe"]["folded"] >= 3
    folded = set(gazetta.duplicates(DOCS, mode=kw["dedupe"]).query("kind != 'original'")["doc"])
    names = [f"d{i}" for i in range(len(DOCS))] if "id" in kw else list(range(len(DOCS)))
    kept = cooc(data, m, keep_evidence=10_000, **kw)
    n_ab = co.pairs.groupby(["a", "b"])["n_ab"].sum()  # over the groups, if any
    for (a, b), n in n_ab.items():
        found = _units(co, a, b)
        assert not {d for d, _ in found} & {names[i] for i in folded}
        if "count" not in kw and "window" not in kw:
            assert len(found) == n  # units mode: one evidence row per counted unit
        # the evidence kept while counting agrees (in group order when sliced)
        assert sorted(found, key=str) == sorted(_units(kept, a, b), key=str)


@needs_corpora
@pytest.mark.shared
def test_reuters_evidence_agrees_with_counts_under_dedupe() -> None:
    """The reported case: Reuters, countries, dedupe="exact": JP-US evidence had 1,643 rows
    for n_ab 1,522 (the folded copies' units)."""
    from gazetta.gazetteers import countries

    with gzip.open(CORPORA / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    co = cooc(texts, countries(), dedupe="exact")
    n_ab = int(co.pairs.set_index(["a", "b"]).loc[("JP", "US"), "n_ab"])
    assert len(co.evidence("JP", "US", n=100_000)) == n_ab


# --------------------------------------------------------------------------------------------
# group keys: evidence carries the counted group, skips documents counted in none
def test_evidence_skips_documents_without_a_parsable_date(m) -> None:
    df = frame()
    df.loc[0, "date"] = "not a date"  # counted nowhere (a missing time key)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # said in .meta
        co = cooc(df, m, time="date", freq="M", id="id")
    assert co.meta["missing_key_docs"] == 1
    for r in co.pairs.itertuples(index=False):
        ev = co.evidence(r.a, r.b, n=10_000)
        assert "d0" not in set(ev["doc"])
        per = co.pairs[(co.pairs["a"] == r.a) & (co.pairs["b"] == r.b)]
        assert len(ev) == per["n_ab"].sum()
        assert isinstance(ev["date"].dtype, pd.PeriodDtype)


# --------------------------------------------------------------------------------------------
# a changed corpus is an error
def _changes() -> List[Any]:
    def lower(df: pd.DataFrame) -> None:
        df["text"] = df["text"].str.lower()

    def unwrap(df: pd.DataFrame) -> None:  # same length: only the unit boundaries move
        df["text"] = df["text"].str.replace("\n", " ")

    def one_cell(df: pd.DataFrame) -> None:
        df.loc[1, "text"] = "Korea and China."

    def reverse(df: pd.DataFrame) -> None:
        df["text"] = df["text"].iloc[::-1].to_numpy()

    def append(df: pd.DataFrame) -> None:
        df.loc[len(df)] = ["Japan and China.", "dX", "x", "2024-05-01"]

    return [lower, unwrap, one_cell, reverse, append]


@pytest.mark.parametrize("change", _changes(), ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", ["object", "str"])
def test_changed_frame_is_an_error(m, change, dtype) -> None:
    df = frame()
    df["text"] = df["text"].astype(dtype)
    co = cooc(df, m)
    assert len(co.evidence("CN", "JP"))
    change(df)
    with pytest.raises(gazetta.GazettaError, match="changed since it was counted"):
        co.evidence("CN", "JP")


def test_changed_list_is_an_error(m) -> None:
    docs = list(DOCS)
    co = cooc(docs, m)
    docs[4] = docs[4].replace("\n\n", " ,")  # same length
    with pytest.raises(gazetta.GazettaError, match="changed since it was counted"):
        co.evidence("CN", "JP")
    docs = list(DOCS)
    co = cooc(docs, m)
    docs.append("Japan and China.")
    with pytest.raises(gazetta.GazettaError, match="changed"):
        co.evidence("CN", "JP")


def test_unchanged_texts_are_fine(m) -> None:
    """Other columns may change, and the texts may be new objects or another storage."""
    df = frame()
    co = cooc(df, m, by="src")
    want = co.evidence("CN", "JP", n=100)
    df["extra"] = 1
    df["text"] = df["text"].astype("string[pyarrow]")
    pd.testing.assert_frame_equal(pd.DataFrame(co.evidence("CN", "JP", n=100)), pd.DataFrame(want))
    df["text"] = [None if t is pd.NA else "".join(list(t)) for t in df["text"]]  # fresh str objects
    pd.testing.assert_frame_equal(pd.DataFrame(co.evidence("CN", "JP", n=100)), pd.DataFrame(want))
    docs = tuple(DOCS)
    co = cooc(docs, m)
    assert len(co.evidence("CN", "JP")) == int(co.pairs.set_index(["a", "b"]).loc[("CN", "JP"), "n_ab"])
    ser = pd.Series(DOCS, dtype="str")
    co = cooc(ser, m)
    assert len(co.evidence("CN", "JP", n=100)) == int(co.pairs.set_index(["a", "b"]).loc[("CN", "JP"), "n_ab"])


def test_fingerprint_does_not_follow_pickles(m) -> None:
    co = cooc(frame(), m)
    again = pickle.loads(pickle.dumps(co))
    with pytest.raises(gazetta.GazettaError, match="in-memory corpus"):
        again.evidence("CN", "JP")


# --------------------------------------------------------------------------------------------
# sample="first" | "random"
def test_sample_random(m) -> None:
    docs = [f"Report {i}: Japan and China. Korea." if i % 3 else f"Report {i}. China then Japan." for i in range(60)]
    co = cooc(docs, m)
    everything = co.evidence("CN", "JP", n=10_000)
    assert len(everything) == 60
    first = co.evidence("CN", "JP", n=5, sample="first")
    pd.testing.assert_frame_equal(pd.DataFrame(first), pd.DataFrame(everything.head(5)))
    r1 = co.evidence("CN", "JP", n=5, sample="random", seed=7)
    r2 = co.evidence("CN", "JP", n=5, sample="random", seed=7)
    pd.testing.assert_frame_equal(pd.DataFrame(r1), pd.DataFrame(r2))
    assert len(r1) == 5 and r1["doc"].is_monotonic_increasing  # in corpus order
    seen = set()
    for seed in range(40):
        seen |= set(co.evidence("CN", "JP", n=5, sample="random", seed=seed)["doc"])
    assert len(seen) > 45  # draws reach the whole corpus, not just its start
    # kept evidence: the same draw when every unit was kept ...
    kept = cooc(iter(docs), m, keep_evidence=100)
    pd.testing.assert_frame_equal(pd.DataFrame(kept.evidence("CN", "JP", n=5, sample="random", seed=7)),
                                  pd.DataFrame(r1))
    # ... and an error when only the first ones were (nothing else to draw from)
    few = cooc(iter(docs), m, keep_evidence=10)
    with pytest.raises(gazetta.GazettaError, match="keep_evidence"):
        few.evidence("CN", "JP", n=5, sample="random")
    # with the corpus at hand, kept evidence that is incomplete is not used for drawing
    both = cooc(docs, m, keep_evidence=10)
    pd.testing.assert_frame_equal(pd.DataFrame(both.evidence("CN", "JP", n=5, sample="random", seed=7)),
                                  pd.DataFrame(r1))
    assert len(co.evidence("CN", "JP", n=500, sample="random", seed=1)) == 60


def test_sample_is_validated(m) -> None:
    co = cooc(DOCS, m)
    with pytest.raises(ValueError, match="sample must be one of 'first', 'random'"):
        co.evidence("CN", "JP", sample="last")
    with pytest.raises(ValueError, match="seed"):
        co.evidence("CN", "JP", sample="random", seed="x")


# --------------------------------------------------------------------------------------------
# notebook display
@pytest.mark.parametrize("cols", [None, ["doc", "text"], ["text"], ["doc", "unit"], ["text", "spans_a"],
                                  ["spans_b", "text", "doc"]])
def test_evidence_html_survives_column_subsets(m, cols) -> None:
    co = cooc(frame(), m, by="src", id="id")
    ev = co.evidence("CN", "JP", n=3)
    view = ev if cols is None else ev[cols]
    html = view._repr_html_()
    assert "<table" in html
    if cols is None or "text" in cols:
        assert "China" in html
    if cols is None or {"spans_a", "text"} <= set(cols):
        assert "background" in html  # the mentions are highlighted
    assert ev.iloc[:0]._repr_html_()  # empty
    assert "&lt;b&gt;" in gazetta.cooccurrence(["<b>Japan</b> and China."], m).evidence("CN", "JP")._repr_html_()


# --------------------------------------------------------------------------------------------
# signed weights in network files
@pytest.fixture(scope="module")
def signed() -> gazetta.Cooccurrence:
    jan = ["Japan and China.", "Japan.", "Japan.", "Japan.", "China.", "China.", "China.", "Korea and Japan.",
           "Korea and Japan."]
    feb = ["Korea and China."] * 3 + ["Japan and China."] + ["Japan."] * 3 + ["Korea."]
    df = pd.DataFrame({"text": jan + feb, "date": ["2024-01-01"] * len(jan) + ["2024-02-01"] * len(feb)})
    co = cooc(df, gazetta.Matcher(gaz()), unit="document", time="date", freq="M")
    assert (co.pairs["npmi"] < 0).any() and (co.pairs["npmi"] > 0).any()
    return co


def test_gexf_warns_about_negative_weights(tmp_path, signed) -> None:
    nx = pytest.importorskip("networkx")
    for dynamic in (False, True):
        with pytest.warns(UserWarning, match=r"negative.*npmi.*min_weight="):
            signed.write_gexf(tmp_path / "w.gexf", weight="npmi", dynamic=dynamic)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            signed.write_gexf(tmp_path / "ok.gexf", weight="n_ab", dynamic=dynamic)
    with pytest.warns(UserWarning, match="negative"):
        signed.to_networkx(weight="pmi", group="2024-01")
    assert nx.read_gexf(tmp_path / "ok.gexf").number_of_edges()


def test_min_weight_leaves_edges_out(tmp_path, signed) -> None:
    nx = pytest.importorskip("networkx")
    total = gazetta._graph.rollup(signed, ())
    keep = total.pairs[total.pairs["npmi"] >= 0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        signed.write_gexf(tmp_path / "s.gexf", weight="npmi", dynamic=False, min_weight=0)
        G = signed.to_networkx(weight="npmi", min_weight=0, group="2024-01")
        H = total.to_networkx(weight="npmi", min_weight=0)
    S = nx.read_gexf(tmp_path / "s.gexf")
    assert {frozenset(e) for e in S.edges} == {frozenset(e) for e in zip(keep["a"], keep["b"])}
    assert {frozenset(e) for e in H.edges} == {frozenset(e) for e in zip(keep["a"], keep["b"])}
    assert all(d["weight"] >= 0 for _, _, d in G.edges(data=True))
    assert "npmi below 0 or NaN left out" in (tmp_path / "s.gexf").read_text(encoding="utf-8")
    # dynamic: periods below the threshold are left out; an edge stays if any period is kept
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        signed.write_gexf(tmp_path / "d.gexf", weight="npmi", min_weight=0)
    D = nx.read_gexf(tmp_path / "d.gexf")
    per = signed.pairs[signed.pairs["npmi"] >= 0]
    assert {frozenset(e) for e in D.edges} == {frozenset(e) for e in zip(per["a"], per["b"])}
    for a, b, d in D.edges(data=True):
        assert all(v >= 0 for v, _s, _e in d["npmi"])
        assert d["weight"] >= 0  # the static weight, clipped up to min_weight
    with pytest.raises(ValueError, match="min_weight"):
        signed.write_gexf(tmp_path / "x.gexf", weight="npmi", min_weight="0")


def test_min_weight_drops_nan_weights(tmp_path) -> None:
    # count="mentions": npmi is NaN when n_ab > n (documented); Gephi cannot read NaN weights
    co = cooc(["Japan Japan Japan and China China China.", "Korea and Japan."], gazetta.Matcher(gaz()),
              count="mentions")
    w = co.pairs["npmi"].to_numpy()
    assert np.isnan(w).any() and not np.isnan(w).all()
    with pytest.warns(UserWarning, match="NaN"):
        co.write_gexf(tmp_path / "n.gexf", weight="npmi")
    G = co.to_networkx(weight="npmi", min_weight=-math.inf)
    assert G.number_of_edges() == int((~np.isnan(w)).sum())


# --------------------------------------------------------------------------------------------
# the pairing rules of the counter: ambiguous names, level= roll-up
def _world() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("FR", "France", kind="country").add("US", "United States", kind="country")
            .add("GE", "Georgia", kind="country")
            .add("US-GA", "Georgia (U.S. state)", kind="state", parent="US", aliases=["Georgia"])
            .add("PAR", "Paris", kind="city", parent="FR").add("LYO", "Lyon", kind="city", parent="FR")
            .add("SPR-IL", "Springfield, Illinois", kind="city", parent="US", aliases=["Springfield"])
            .add("SPR-MA", "Springfield, Massachusetts", kind="city", parent="US", aliases=["Springfield"])
            .add("gbrown", "Gordon Brown", kind="person", aliases=["Brown"])
            .add("jbrown", "James Brown", kind="person", aliases=["Brown"]))


WORLD_DOCS = ["Brown met Brown in Paris.", "Georgia and Georgia. Paris, Lyon and France.",
              "Springfield and Springfield met Georgia.", "Brown met Gordon Brown in Lyon. Georgia said.",
              "Paris and Paris; Lyon. Springfield, Georgia and France met in Paris.", None, "",
              "Georgia. Brown and Brown and Brown."]


def _rows(ev: pd.DataFrame) -> List[Any]:
    cols = ["doc", "unit", "start", "end", "text", "spans_a", "spans_b", "ambiguous"]
    return [(d, u, s, e, t, [tuple(x) for x in sa], [tuple(x) for x in sb], bool(am))
            for d, u, s, e, t, sa, sb, am in ev[cols].itertuples(index=False, name=None)]


@pytest.mark.parametrize("ambiguous", ["all", "resolve"])
@pytest.mark.parametrize("level", [None, "country"])
@pytest.mark.parametrize("kw", [{"unit": "sentence"}, {"unit": "document"}, {"unit": "sentence", "count": "mentions"},
                                {"unit": "document", "window": 1}, {"unit": "document", "window": 3}],
                         ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_refound_evidence_follows_the_counting_rules(ambiguous, level, kw) -> None:
    """Re-read from the corpus, evidence pairs mentions as the counter does (two spans of one
    ambiguous name, "Brown met Brown.", make no pair; a span never pairs with itself) and
    counts the level= roll-up: the same rows as the evidence kept while counting."""
    m = gazetta.Matcher(_world(), ambiguous=ambiguous)
    co = cooc(WORLD_DOCS, m, level=level, **kw)
    kept = cooc(WORLD_DOCS, m, level=level, keep_evidence=1000, **kw)
    assert len(co.pairs) > 0
    for r in co.pairs.itertuples(index=False):
        ev = co.evidence(r.a, r.b, n=1000)
        assert _rows(ev) == _rows(kept.evidence(r.a, r.b, n=1000))
        if "count" not in kw and "window" not in kw:
            assert len(ev) == r.n_ab
    # the spans left undecided are counted in meta and flagged in the evidence
    # (with level=, a span whose candidates roll up to one entity counts once: not ambiguous)
    men = m.mentions(WORLD_DOCS, level=level)
    col = "entity" if level is None else "level_entity"
    per_span = men[men["ambiguous"] & men[col].notna()].groupby(["doc", "start", "end"], observed=True)[col].nunique()
    undecided = per_span[per_span > 1].reset_index()
    assert co.meta["ambiguous_spans"] == kept.meta["ambiguous_spans"] == len(undecided) > 0
    flagged = {(int(d), int(s)) for d, s in undecided[["doc", "start"]].itertuples(index=False, name=None)}
    for r in co.pairs.itertuples(index=False):
        for row in co.evidence(r.a, r.b, n=1000).itertuples(index=False):
            spans = [(row.start + s0) for s0, _ in list(row.spans_a) + list(row.spans_b)]
            # (code points = bytes here: the texts are ASCII)
            assert row.ambiguous == any((int(row.doc), s0) in flagged for s0 in spans)
    if ambiguous == "all" and level is None and kw == {"unit": "sentence"}:
        # "Brown met Brown in Paris." pairs no Brown with the other; "Gordon Brown" does
        got = {(a, b): n for a, b, n in co.pairs[["a", "b", "n_ab"]].itertuples(index=False, name=None)}
        assert got[("gbrown", "jbrown")] == 1
        assert list(co.evidence("gbrown", "jbrown")["doc"]) == [3]


def test_evidence_of_records(m) -> None:
    """A list of dicts is re-read as the counting read it (its ``text`` and ``id`` keys)."""
    recs = [{"body": t, "key": f"k{i}"} for i, t in enumerate(DOCS)]
    co = cooc(recs, m, text="body", id="key", dedupe="exact")
    kept = cooc(recs, m, text="body", id="key", dedupe="exact", keep_evidence=100)
    for r in co.pairs.itertuples(index=False):
        ev = co.evidence(r.a, r.b, n=100)
        assert len(ev) == r.n_ab and set(ev["doc"]) <= {f"k{i}" for i in range(len(DOCS))}
        assert _rows(ev) == _rows(kept.evidence(r.a, r.b, n=100))
    recs[0]["body"] = "Japan."
    with pytest.raises(gazetta.GazettaError, match="changed"):
        co.evidence("CN", "JP")


def test_ambiguous_spans_add_up_in_merge() -> None:
    """``meta["ambiguous_spans"]`` of a merged result is the sum of its parts', and the CLI's
    summary line says how many there were."""
    m = gazetta.Matcher(_world(), ambiguous="all")
    a, b = cooc(WORLD_DOCS[:4], m), cooc(WORLD_DOCS[4:], m)
    whole = cooc(WORLD_DOCS, m)
    assert a.meta["ambiguous_spans"] > 0 and b.meta["ambiguous_spans"] > 0
    assert a.merge(b).meta["ambiguous_spans"] == whole.meta["ambiguous_spans"] == \
        a.meta["ambiguous_spans"] + b.meta["ambiguous_spans"]
