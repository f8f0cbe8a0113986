"""The numpy fast path that assembles co-occurrence tables (``_fast_tables``) gives exactly the
frames of the general pandas path (``Cooccurrence._finalize``): same columns, dtypes, values
and row order, for every unit/count mode, with and without groups, windows, kinds and
min_count, and on a matcher whose gazetteer has far more entities than the corpus mentions
(the fast path only builds arrays over the entities present)."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

import gazetta
import importlib

cooc_mod = importlib.import_module("gazetta.cooccurrence")

DOCS = [
    ("Japan and China met in Tokyo. South Korea watched; the DPRK did not.", "a", "2024-01-03"),
    ("China, Japan.\n\nNorth Korea and China. JAPAN again, and Japan.", "b", "2024-02-11"),
    ("Nothing to see here.", "a", "2024-02-12"),
    ("South Korea and North Korea; Korea. Tokyo and China.", "c", None),
    ("Zeta and Eta. Theta, Zeta.", "b", "2024-03-01"),
    ("", "a", "2024-03-05"),
]


def gazetteer(padding: int = 0) -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    g.add("JP", "Japan", kind="country", aliases=["Tokyo"])
    g.add("CN", "China", kind="country")
    g.add("KR", "South Korea", kind="country", aliases=["Korea"])
    g.add("KP", "North Korea", kind="country", aliases=["DPRK", "Korea"])
    g.add("TYO", "Tokyo", kind="city")
    g.add("Z", "Zeta", kind="letter")
    g.add("E", "Eta", kind="letter")
    g.add("T", "Theta", kind="letter")
    for i in range(padding):  # entities no document mentions
        g.add(f"X{i:05d}", f"Padland{i}", kind="filler")
    return g


def frame() -> pd.DataFrame:
    return pd.DataFrame(DOCS, columns=["text", "source", "date"])


CONFIGS = [
    dict(unit=u, count=c, **extra)
    for u, c in itertools.product(["document", "paragraph", "sentence"], ["units", "mentions"])
    for extra in [{}, {"by": "source"}, {"time": "date", "freq": "M"}, {"by": "source", "time": "date", "freq": "Y"},
                  {"min_count": 2}, {"kinds": "country"}, {"between": ("letter", "letter")}]
] + [dict(unit="document", window=w, **extra) for w in (1, 2, 10) for extra in [{}, {"by": "source"}]]


def both(monkeypatch: pytest.MonkeyPatch, corpus, matcher, **kw):
    fast = gazetta.cooccurrence(corpus, matcher, paragraphs="blank", **kw)
    with monkeypatch.context() as mp:
        mp.setattr(cooc_mod, "_fast_tables", lambda *a, **k: None)
        slow = gazetta.cooccurrence(corpus, matcher, paragraphs="blank", **kw)
    return fast, slow


@pytest.mark.parametrize("padding", [0, 3000])
@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()))
def test_fast_path_equals_general_path(monkeypatch: pytest.MonkeyPatch, cfg, padding) -> None:
    m = gazetta.Matcher(gazetteer(padding))
    corpus = frame()
    if "window" in cfg or "by" in cfg or "time" in cfg:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the row without a date
            fast, slow = both(monkeypatch, corpus, m, **cfg)
    else:
        fast, slow = both(monkeypatch, corpus, m, **cfg)
    assert len(fast.pairs) > 0 or cfg.get("min_count", 1) > 1
    pd.testing.assert_frame_equal(fast.pairs, slow.pairs)
    pd.testing.assert_frame_equal(fast.entities, slow.entities)
    pd.testing.assert_frame_equal(fast.groups, slow.groups)
    # the fast path without the matcher's cached ranks and string arrays
    real = cooc_mod._fast_tables
    with monkeypatch.context() as mp:
        mp.setattr(cooc_mod, "_fast_tables", lambda *a, **k: real(*a[:8]))
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bare = gazetta.cooccurrence(corpus, m, paragraphs="blank", **cfg)
    pd.testing.assert_frame_equal(bare.pairs, slow.pairs)
    pd.testing.assert_frame_equal(bare.entities, slow.entities)


def test_fast_path_matcher_reuse_is_stable() -> None:
    """The per-matcher arrays are cached: two calls, and a pickled copy, agree."""
    import pickle

    m = gazetta.Matcher(gazetteer(10))
    a = gazetta.cooccurrence(frame(), m, unit="sentence", paragraphs="blank")
    b = gazetta.cooccurrence(frame(), m, unit="sentence", paragraphs="blank")
    c = gazetta.cooccurrence(frame(), pickle.loads(pickle.dumps(m)), unit="sentence", paragraphs="blank")
    pd.testing.assert_frame_equal(a.pairs, b.pairs)
    pd.testing.assert_frame_equal(a.pairs, c.pairs)
    assert list(a.pairs["a"].astype(str)) and set(a.pairs["kind_a"].astype(str)) <= {"country", "city", "letter"}
