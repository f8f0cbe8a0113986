"""The numpy post-processing of benchmarks/peers.py (word boundaries, then leftmost-longest)
gives gazetta's spans when fed every raw occurrence of every pattern: checked on small
synthetic texts with a pure-Python finder, so no peer (hyperscan, daachorse, ...) is needed."""

import os
import random
import sys

import numpy as np
import pytest

import gazetta

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")
sys.path.insert(0, BENCH)
peers = pytest.importorskip("peers")

ENTITIES = [
    ("NY", "New York", ["New York", "New York City"]),
    ("YK", "York", ["York"]),
    ("US", "United States", ["US", "USA", "United States"]),
    ("CG", "Congo", ["Congo", "Congo Republic", "Republic of Congo"]),
    ("ZH", "Zürich", ["Zürich"]),
    ("SP", "São Paulo", ["São Paulo", "Paulo"]),
    ("AB", "Ban", ["Ban", "he ba", "U.S."]),
]


def gazetteer() -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for i, n, a in ENTITIES:
        g.add(i, n, kind="place", aliases=a)
    return g


def raw_all(ps, texts):
    """Every occurrence of every pattern in the joined buffer (what an overlapping scan reports)."""
    J = peers.Joined(texts)
    pid, s, e = [], [], []
    for k, p in enumerate(ps.bpat):
        i = J.buf.find(p)
        while i >= 0:
            pid.append(k)
            s.append(i)
            e.append(i + len(p))
            i = J.buf.find(p, i + 1)
    a = lambda x: np.array(x, dtype=np.int64)  # noqa: E731
    return J, a(pid), a(s), a(e)


def spans(df):
    return sorted(set(zip(df["doc"].tolist(), df["start"].tolist(), df["end"].tolist())))


def check(texts):
    g = gazetteer()
    ps = peers.PeerSet(g)
    got = spans(ps.frame(*raw_all(ps, texts)))
    want = spans(gazetta.Matcher(g).mentions(texts, progress=False))
    assert got == want


def test_hand_made_cases():
    check([
        "He flew from New York City to York, then to the USA and the US.",
        "The ban, imposed by the Congo Republic; Congo Republics are not Congo.",
        "Zürichsee is not Zürich; äYork is not York but —York is.",
        "NEW YORK and NEW YORK CITY, U.S. and U.S.-led talks; São Paulo and Paulo.",
        "",
        "USAF, XUS, New Yorker, Yorkshire.",
    ])


def test_random_texts():
    rnd = random.Random(0)
    words = ["New", "York", "City", "US", "USA", "United", "States", "Congo", "Republic", "of", "Zürich", "São",
             "Paulo", "Ban", "he", "ba", "U.S.", "x", "ä", "é", "the", "NEW", "YORK", "CITY", "-", ",", ".", "—", "1"]
    texts = []
    for _ in range(300):
        parts = []
        for _ in range(rnd.randint(0, 25)):
            parts.append(rnd.choice(words))
            parts.append(rnd.choice([" ", " ", " ", "", ", ", "-"]))
        texts.append("".join(parts))
    check(texts)


def test_sentence_starts_and_offsets():
    texts = ["Mr. Smith went to York. He came back.\n\nNew paragraph", "Zürich é York"]
    J = peers.Joined(texts)
    starts = peers.sentence_starts(J).tolist()
    b0 = texts[0].encode()
    assert starts[0] == 0
    assert b0.index(b"He came") in starts and b0.index(b"New paragraph") in starts
    assert b0.index(b"Smith") not in starts  # not after a title
    assert int(J.starts[1]) in starts
    # byte offsets into the joined buffer -> code points within each document
    s = np.array([int(J.starts[1]) + texts[1].encode().index(b"York")], dtype=np.int64)
    doc, cs, ce = J.to_docs(s, s + 4)
    assert (doc[0], cs[0], ce[0]) == (1, texts[1].index("York"), texts[1].index("York") + 4)
