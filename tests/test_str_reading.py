"""How the core reads a list of str (src/python/convert.rs): a plain ASCII str is read in place
from its PEP 393 buffer, anything else (Latin-1, UCS-2, UCS-4, lone surrogates, str subclasses,
None/NaN/pd.NA) takes the general path; the list is copied (``list[:]``) before the GIL is
released, so another thread changing it meanwhile cannot free a text being read. Results must
be those of one document at a time, for any thread count."""

from __future__ import annotations

import threading
from typing import Any, List

import numpy as np
import pandas as pd
import pytest

import gazetta


class Text(str):
    """A str subclass (its layout is a str's, but it is not read in place)."""


@pytest.fixture(scope="module")
def matcher() -> gazetta.Matcher:
    g = (gazetta.Gazetteer().add("JP", "Japan").add("CN", "China", aliases=["北京"])
         .add("FR", "France", aliases=["Frankreich", "Côte d’Azur"]).add("KR", "Korea", aliases=["서울"]))
    return gazetta.Matcher(g)


def mixed_texts() -> List[Any]:
    base = [
        "Japan and China met. France agreed.",  # ASCII
        "",  # empty ASCII
        "Café in France, then Japan; £5.",  # Latin-1
        "Côte d’Azur and Japan — China.",  # UCS-2
        "北京 and 서울: China, Korea.",  # UCS-2 (CJK)
        "emoji 🙂 Japan 🙂 China",  # UCS-4
        "Japan \ud800 China.",  # lone surrogate
        Text("Japan and China (a subclass)."),
        Text("Café Japan 🙂 France"),
        None,
        float("nan"),
        pd.NA,
    ]
    return [base[i % len(base)] for i in range(len(base) * 40)]


def one_by_one(m: gazetta.Matcher, texts: List[Any]) -> pd.DataFrame:
    parts = []
    for i, t in enumerate(texts):
        df = m.mentions([t], progress=False)
        df["doc"] = i
        parts.append(df)
    out = pd.concat(parts, ignore_index=True)
    return out[["doc", "start", "end", "surface", "entity"]].astype({"surface": str, "entity": str})


@pytest.mark.parametrize("n_threads", [1, 2, 3])
def test_every_kind_of_str_reads_like_one_document_at_a_time(matcher: gazetta.Matcher, n_threads: int) -> None:
    texts = mixed_texts()
    want = one_by_one(matcher, texts)
    m = gazetta.Matcher(matcher.gazetteer, n_threads=n_threads)
    got = m.mentions(texts, progress=False)
    got = got[["doc", "start", "end", "surface", "entity"]].astype({"surface": str, "entity": str})
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)
    # offsets are code points of the Python str
    for row in got.itertuples():
        assert str(texts[row.doc])[row.start:row.end] == row.surface or "\ud800" in str(texts[row.doc])


@pytest.mark.parametrize("n_threads", [1, 2])
def test_cooccurrence_reads_every_kind_of_str_alike(matcher: gazetta.Matcher, n_threads: int) -> None:
    texts = mixed_texts()
    plain = [None if t is None or (isinstance(t, float)) or t is pd.NA else str(t).encode("utf-8", "surrogatepass")
             .decode("utf-8", "surrogatepass") for t in texts]
    a = gazetta.cooccurrence(texts, matcher, unit="sentence", n_threads=n_threads, progress=False).pairs
    b = gazetta.cooccurrence(plain, matcher, unit="sentence", n_threads=1, progress=False).pairs
    pd.testing.assert_frame_equal(a, b)
    assert len(a)


def test_ascii_strs_of_every_length(matcher: gazetta.Matcher) -> None:
    """Strs of 0..300 ASCII characters (CPython's compact ASCII layout), the mention at the
    very end of the buffer."""
    texts = ["x" * k + " Japan" for k in range(300)] + ["Japan"] * 3 + [""] * 3
    df = matcher.mentions(texts, progress=False)
    assert len(df) == len(texts) - 3
    assert (df["end"].to_numpy() == np.array([len(texts[d]) for d in df["doc"]])).all()


def test_list_changed_by_another_thread_during_the_call(matcher: gazetta.Matcher) -> None:
    """The core works on a copy of the list: a thread that replaces its items while the GIL is
    released frees nothing that is being read, and each result is that of the list as it was
    when the call started (one of the two contents here)."""
    a = [f"Japan and China, item {i} " + "filler " * 50 for i in range(3000)]
    b = [f"France {i} " + "filler " * 50 for i in range(3000)]
    want_a = len(matcher.mentions(a, progress=False))
    want_b = len(matcher.mentions(b, progress=False))
    assert want_a != want_b
    shared = list(a)
    stop = threading.Event()

    def churn() -> None:
        k = 0
        while not stop.is_set():
            src = a if k % 2 else b
            shared[:] = [(t + " ")[:-1] for t in src]  # fresh strs: the old ones are freed
            k += 1

    th = threading.Thread(target=churn)
    th.start()
    try:
        for _ in range(30):
            n = len(matcher.mentions(shared, progress=False))
            assert n in (want_a, want_b)
            c = gazetta.cooccurrence(shared, matcher, progress=False).pairs
            assert len(c) in (0, 1)
    finally:
        stop.set()
        th.join()
