"""Determinism (docs/counting.md, issue 8): mentions and co-occurrence tables are identical, bit for
bit, whatever the thread count (1/2/8), the chunk size (1/7/1000 documents), whether the
corpus is streamed or in memory (list, generator, DataFrame, read_corpus), and the Python hash
seed (separate processes with PYTHONHASHSEED=0 and =12345)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List

import pandas as pd
import pytest

import gazetta

COOC_MODULE = sys.modules["gazetta.cooccurrence"]  # the attribute gazetta.cooccurrence is the function
MATCHER_MODULE = sys.modules["gazetta.matcher"]

WORDS = ("the talks went on officials said markets rose pct on Monday Mr. Smith left early "
         "U.S. envoy met reporters in a statement Ça va naïve café 北朝鮮は発表した。 rebels").split()
PLACES = ["Japan", "China", "North Korea", "South Korea", "Russia", "France", "Georgia", "Congo",
          "Côte d’Ivoire", "Türkiye", "U.S.", "Britain", "Iran", "Israel", "Kenyans", "Chinese", "JAPAN",
          "Moscow", "Tokyo", "Paris", "Washington", "Beijing"]


def make_corpus(n: int = 1200, seed: int = 8) -> pd.DataFrame:
    """Synthetic news: sentences, line and blank-line breaks, mentions of countries, capitals
    and demonyms, None/empty documents, and metadata for by=/time=."""
    rng = random.Random(seed)
    texts: List[Any] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.03:
            texts.append(None)
            continue
        if r < 0.05:
            texts.append("")
            continue
        pars = []
        for _ in range(rng.randint(1, 4)):
            sents = []
            for _ in range(rng.randint(1, 4)):
                toks = [rng.choice(PLACES) if rng.random() < 0.25 else rng.choice(WORDS)
                        for _ in range(rng.randint(2, 14))]
                sent = " ".join(toks)
                sents.append(sent[0].upper() + sent[1:] + rng.choice([".", ".", "?", "!"]))
            pars.append(" ".join(sents))
        texts.append(rng.choice(["\n", "\n\n", "\r\n"]).join(pars))
    return pd.DataFrame({
        "id": [f"d{i:05d}" for i in range(n)],
        "text": pd.Series(texts, dtype=object),
        "source": [rng.choice(["wire", "blog", "paper"]) for _ in range(n)],
        "date": [f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(n)],
    })


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return make_corpus()


@pytest.fixture(scope="module")
def gaz() -> gazetta.Gazetteer:
    return gazetta.gazetteers.countries()


def force_chunks(monkeypatch: Any, n: int) -> List[int]:
    """Cuts every corpus (lists, streams, DataFrames, Arrow arrays, read_corpus) into chunks of
    at most ``n`` documents; returns the list of chunk sizes seen (to check chunking happened)."""
    from gazetta import _input

    sizes: List[int] = []
    original_iter = _input.iter_chunks
    original_arrow = _input.arrow_chunks

    def iter_small(texts: Any, **kw: Any) -> Iterator[Any]:
        kw["chunk_docs"] = n
        for chunk, items in original_iter(texts, **kw):
            sizes.append(len(chunk))
            yield chunk, items

    def arrow_small(arr: Any, chunk_chars: Any = None, chunk_docs: int = n) -> Iterator[Any]:
        for i, j, part in original_arrow(arr, chunk_chars, n):
            sizes.append(j - i)
            yield i, j, part

    original_frame = _input.frame_chunks

    def frame_small(*a: Any, **kw: Any) -> Iterator[Any]:
        for texts, meta in original_frame(*a, **kw):
            sizes.append(len(texts))
            yield texts, meta

    # every entry point reads its input through gazetta._input
    monkeypatch.setattr(_input, "frame_chunks", frame_small)
    monkeypatch.setattr(_input, "iter_chunks", iter_small)
    monkeypatch.setattr(_input, "arrow_chunks", arrow_small)
    monkeypatch.setattr(_input, "CHUNK_DOCS", n)
    return sizes


def mentions_of(m: gazetta.Matcher, df: pd.DataFrame, **kw: Any) -> pd.DataFrame:
    return m.mentions(df["text"].tolist(), ids=df["id"].tolist(), units=True, progress=False, **kw)


COOC_SETTINGS: List[Dict[str, Any]] = [
    dict(unit="sentence"),
    dict(unit="paragraph", paragraphs="blank", count="mentions"),
    dict(unit="document", window=5),
    dict(unit="sentence", by="source", time="date", freq="M"),
]


def cooc_tables(m: gazetta.Matcher, corpus: Any, **kw: Any) -> List[pd.DataFrame]:
    out = []
    for s in COOC_SETTINGS:
        if "by" in s and not isinstance(corpus, pd.DataFrame) and not hasattr(corpus, "_gazetta_chunks"):
            continue
        c = gazetta.cooccurrence(corpus, m, progress=False, **s, **kw)
        out += [c.pairs, c.entities]
    return out


def assert_same(a: List[pd.DataFrame], b: List[pd.DataFrame]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        pd.testing.assert_frame_equal(x, y, check_exact=True)


@pytest.fixture(scope="module")
def baseline(corpus: pd.DataFrame, gaz: gazetta.Gazetteer) -> Dict[str, Any]:
    m = gazetta.Matcher(gaz, n_threads=1)
    return {"mentions": mentions_of(m, corpus), "cooc": cooc_tables(m, corpus)}


def test_baseline_is_not_trivial(baseline: Dict[str, Any]) -> None:
    assert len(baseline["mentions"]) > 3000
    assert all(len(t) > 10 for t in baseline["cooc"])


@pytest.mark.parametrize("n_threads", [2, 8])
def test_thread_counts(corpus: pd.DataFrame, gaz: gazetta.Gazetteer, baseline: Dict[str, Any],
                       n_threads: int) -> None:
    m = gazetta.Matcher(gaz, n_threads=n_threads)
    pd.testing.assert_frame_equal(mentions_of(m, corpus), baseline["mentions"], check_exact=True)
    assert_same(cooc_tables(m, corpus), baseline["cooc"])
    m1 = gazetta.Matcher(gaz)
    assert_same(cooc_tables(m1, corpus, n_threads=n_threads), baseline["cooc"])


@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_chunk_sizes(corpus: pd.DataFrame, gaz: gazetta.Gazetteer, baseline: Dict[str, Any], monkeypatch: Any,
                     chunk: int) -> None:
    sizes = force_chunks(monkeypatch, chunk)
    m = gazetta.Matcher(gaz, n_threads=2)
    pd.testing.assert_frame_equal(mentions_of(m, corpus), baseline["mentions"], check_exact=True)
    assert sizes and max(sizes) <= chunk and sum(sizes) >= len(corpus)
    sizes.clear()
    assert_same(cooc_tables(m, corpus), baseline["cooc"])
    assert max(sizes) <= chunk


def _as_dicts(df: pd.DataFrame) -> Iterator[Dict[str, Any]]:
    for rec in df.to_dict("records"):
        yield rec


@pytest.mark.parametrize("chunk", [7, 1000])
def test_streamed_equals_in_memory(corpus: pd.DataFrame, gaz: gazetta.Gazetteer, baseline: Dict[str, Any],
                                   monkeypatch: Any, tmp_path: Path, chunk: int) -> None:
    force_chunks(monkeypatch, chunk)
    m = gazetta.Matcher(gaz, n_threads=2)
    # a generator of str
    streamed = m.mentions((t for t in corpus["text"]), ids=corpus["id"].tolist(), units=True, progress=False)
    pd.testing.assert_frame_equal(streamed, baseline["mentions"], check_exact=True)
    # a generator of dicts (with metadata for by=/time=)
    plain = [s for s in COOC_SETTINGS if "by" not in s]
    for s, i in zip(plain, range(0, 2 * len(plain), 2)):
        c = gazetta.cooccurrence((t for t in corpus["text"]), m, progress=False, **s)
        assert_same([c.pairs, c.entities], baseline["cooc"][i:i + 2])
    c = gazetta.cooccurrence(_as_dicts(corpus), m, progress=False, **COOC_SETTINGS[-1])
    assert_same([c.pairs, c.entities], baseline["cooc"][-2:])
    # a JSON Lines file through read_corpus (chunk_size in characters, too)
    p = tmp_path / "c.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for rec in corpus.to_dict("records"):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    rc = gazetta.read_corpus(p, id="id", chunk_size=5_000)
    from_file = m.mentions(rc, units=True, progress=False)
    pd.testing.assert_frame_equal(from_file.astype({"doc": object}), baseline["mentions"].astype({"doc": object}),
                                  check_exact=True, check_categorical=False)
    assert_same(cooc_tables(m, rc), baseline["cooc"])


def test_arrow_backed_frame(corpus: pd.DataFrame, gaz: gazetta.Gazetteer, baseline: Dict[str, Any],
                            monkeypatch: Any) -> None:
    pytest.importorskip("pyarrow")
    force_chunks(monkeypatch, 7)
    df = corpus.astype({"text": "string[pyarrow]"})
    m = gazetta.Matcher(gaz, n_threads=2)
    assert_same(cooc_tables(m, df), baseline["cooc"])


HASH_SCRIPT = textwrap.dedent("""
    import hashlib, sys
    sys.path.insert(0, sys.argv[1])
    import gazetta
    from test_determinism import make_corpus, COOC_SETTINGS
    df = make_corpus()
    m = gazetta.Matcher(gazetta.gazetteers.countries())
    h = hashlib.sha256()
    h.update(m.mentions(df["text"], ids=df["id"].tolist(), units=True, progress=False).to_csv().encode())
    for s in COOC_SETTINGS:
        c = gazetta.cooccurrence(df, m, progress=False, **s)
        h.update(c.pairs.to_csv(float_format="%.17g").encode())
        h.update(c.entities.to_csv().encode())
        h.update(repr(sorted(k for k in c.meta if k != "created")).encode())
    h.update(gazetta.gazetteers.countries().content_hash().encode())
    print(h.hexdigest())
""")


@pytest.mark.slow
def test_python_hash_seed_does_not_matter() -> None:
    """String hashing is randomised per process; no dict or set order may leak into the
    output (docs/counting.md, STYLE: sort before returning)."""
    digests = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", HASH_SCRIPT, str(Path(__file__).parent)], env=env,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        digests.append(out.stdout.strip())
    assert digests[0] == digests[1] and len(digests[0]) == 64


def test_hash_script_matches_in_process(corpus: pd.DataFrame, gaz: gazetta.Gazetteer) -> None:
    """The subprocess digest covers the same tables as the in-process tests (a sanity check
    that the script imports this module's corpus)."""
    h: Callable[[], Any] = hashlib.sha256
    assert h(make_corpus().to_csv().encode()).hexdigest() == h(corpus.to_csv().encode()).hexdigest()
