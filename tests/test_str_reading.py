"""How the core reads a list of str (src/python/convert.rs): a plain ASCII str is read in place
from its PEP 393 buffer, anything else (Latin-1, UCS-2, UCS-4, lone surrogates, str subclasses,
legacy strs, None/NaN/pd.NA) takes the general path; the list is copied (``list[:]``, a copy
that Python cannot reach) before the GIL is released, so another thread changing the caller's
list meanwhile cannot free a text being read. Results must be those of one document at a
time, and of the general path (str subclasses), for any thread count."""

from __future__ import annotations

import ctypes
import gc
import sys
import threading
from typing import Any, Callable, List

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta import _core


class Text(str):
    """A str subclass (its layout is a str's, but it is not read in place)."""


class Odd(str):
    """A str subclass whose Python methods lie: the core reads the str's own characters, not
    what ``__len__``, ``encode``, ``__getitem__`` or ``__str__`` say."""

    def __len__(self) -> int:
        return len(str.encode(self, "utf-8", "surrogatepass"))  # bytes, not characters

    def encode(self, *args: Any, **kwargs: Any) -> bytes:  # type: ignore[override]
        return b"Japan China Japan China"

    def __getitem__(self, key: Any) -> str:  # type: ignore[override]
        return "x"

    def __str__(self) -> str:
        return "France"


class Texts(list):  # type: ignore[type-arg]
    """A list subclass whose item access lies: the core takes the list's own items."""

    def __getitem__(self, key: Any) -> Any:
        return ["France"] * len(range(*key.indices(list.__len__(self)))) if isinstance(key, slice) else "France"

    def __iter__(self) -> Any:
        return iter(["France"] * list.__len__(self))


@pytest.fixture(scope="module")
def matcher() -> gazetta.Matcher:
    g = (gazetta.Gazetteer().add("JP", "Japan").add("CN", "China", aliases=["北京"])
         .add("FR", "France", aliases=["Frankreich", "Côte d’Azur"]).add("KR", "Korea", aliases=["서울"]))
    return gazetta.Matcher(g)


def fresh(s: str) -> str:
    """A new str object with the characters of ``s`` (no cached UTF-8, not interned)."""
    return (s + " ")[:-1]


def mixed_texts() -> List[Any]:
    base = [
        "Japan and China met. France agreed.",  # ASCII
        "",  # empty ASCII
        "Café in France, then Japan; £5.",  # Latin-1
        "Côte d’Azur and Japan — China.",  # UCS-2
        "北京 and 서울: China, Korea.",  # UCS-2 (CJK)
        "emoji 🙂 Japan 🙂 China",  # UCS-4
        "Japan \ud800 China.",  # lone surrogate
        "Japan \udfff and 🙂 China \ud83d.",  # lone surrogates in a UCS-4 str
        Text("Japan and China (a subclass)."),
        Text("Café Japan 🙂 France"),
        Text("Japan \ud800 China (a subclass)."),
        Odd("Japan, Côte d’Azur, China."),
        Odd("Japan and China."),
        Odd("Japan \ud800 China, Côte d’Azur."),
        None,
        float("nan"),
        pd.NA,
    ]
    out = []
    for i in range(len(base) * 40):
        t = base[i % len(base)]
        # fresh objects of an exact str: no UTF-8 cached by an earlier test
        out.append(fresh(t) if type(t) is str else t)
    return out


def general_path(texts: List[Any]) -> List[Any]:
    """The same texts as str subclass objects: none of them is read in place."""
    return [Text(str.__str__(t)) if isinstance(t, str) else t for t in texts]


def cols(df: pd.DataFrame) -> pd.DataFrame:
    return (df[["doc", "start", "end", "surface", "entity"]].astype({"surface": str, "entity": str})
            .reset_index(drop=True))


def one_by_one(m: gazetta.Matcher, texts: List[Any]) -> pd.DataFrame:
    parts = []
    for i, t in enumerate(texts):
        df = m.mentions([t], progress=False)
        df["doc"] = i
        parts.append(df)
    return cols(pd.concat(parts, ignore_index=True))


@pytest.mark.parametrize("n_threads", [1, 2, 3])
def test_every_kind_of_str_reads_like_one_document_at_a_time(matcher: gazetta.Matcher, n_threads: int) -> None:
    texts = mixed_texts()
    want = one_by_one(matcher, texts)
    m = gazetta.Matcher(matcher.gazetteer, n_threads=n_threads)
    got = cols(m.mentions(texts, progress=False))
    pd.testing.assert_frame_equal(got, want)
    pd.testing.assert_frame_equal(cols(m.mentions(general_path(texts), progress=False)), want)
    # offsets are code points of the Python str (lone surrogates read as U+FFFD)
    for row in got.itertuples():
        s = str.__str__(texts[row.doc])
        assert s[row.start:row.end] == row.surface or any("\ud800" <= ch <= "\udfff" for ch in s)
    # Odd's methods are not called: its own characters are read
    assert set(got.loc[got["doc"] == 11, "surface"]) == {"Japan", "Côte d’Azur", "China"}


@pytest.mark.parametrize("n_threads", [1, 2, 3])
def test_cooccurrence_reads_every_kind_of_str_alike(matcher: gazetta.Matcher, n_threads: int) -> None:
    texts = mixed_texts()
    plain = [None if t is None or isinstance(t, float) or t is pd.NA else fresh(str.__str__(t)) for t in texts]
    a = gazetta.cooccurrence(texts, matcher, unit="sentence", n_threads=n_threads, progress=False).pairs
    b = gazetta.cooccurrence(plain, matcher, unit="sentence", n_threads=1, progress=False).pairs
    c = gazetta.cooccurrence(general_path(texts), matcher, unit="sentence", n_threads=n_threads,
                             progress=False).pairs
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)
    assert len(a)


def test_ascii_strs_of_every_length(matcher: gazetta.Matcher) -> None:
    """Strs of 0..300 ASCII characters (CPython's compact ASCII layout), the mention at the
    very end of the buffer."""
    texts = ["x" * k + " Japan" for k in range(300)] + ["Japan"] * 3 + [""] * 3
    df = matcher.mentions(texts, progress=False)
    assert len(df) == len(texts) - 3
    assert (df["end"].to_numpy() == np.array([len(texts[d]) for d in df["doc"]])).all()
    want = cols(matcher.mentions(general_path(texts), progress=False))
    pd.testing.assert_frame_equal(cols(df), want)


def test_a_list_subclass_is_read_by_its_items(matcher: gazetta.Matcher) -> None:
    """The core takes the C items of a list subclass (its ``__getitem__``/``__iter__`` are not
    called)."""
    texts = Texts(["Japan and China.", "Korea.", None])
    d = matcher._core.mentions(texts, 0, 2, None, None)
    assert sorted(np.asarray(d["doc"]).tolist()) == [0, 0, 1]
    c = _core.Counter(matcher._core, "document", "auto", None, "units", 0, None)
    assert c.add(texts, np.zeros(3, dtype=np.uint32), 0, 2, None) == 1
    assert c.pair_count == 1


def test_bad_items_are_type_errors_with_their_position(matcher: gazetta.Matcher) -> None:
    for bad in (b"Japan", 3, ["Japan"]):
        with pytest.raises(TypeError, match="position 5 "):
            matcher._core.mentions(["Japan"] * 2 + [Text("China")] + [None] * 2 + [bad], 0, 1, None, None)
        c = _core.Counter(matcher._core, "document", "auto", None, "units", 0, None)
        with pytest.raises(TypeError, match="position 5 "):
            c.add(["Japan"] * 5 + [bad], np.zeros(6, dtype=np.uint32), 0, 1, None)


# -- legacy strs (CPython < 3.12): not compact, and not "ready" until something asks ------------

LEGACY = sys.version_info < (3, 12) and sys.implementation.name == "cpython" and hasattr(ctypes.pythonapi, "PyUnicode_FromUnicode")


def legacy_str(text: str) -> str:
    """An exact str in the legacy (wstr, non-compact) layout, not ready yet."""
    new = ctypes.pythonapi.PyUnicode_FromUnicode
    new.restype = ctypes.py_object
    new.argtypes = [ctypes.c_void_p, ctypes.c_ssize_t]
    wstr = ctypes.pythonapi.PyUnicode_AsUnicode
    wstr.restype = ctypes.c_void_p
    wstr.argtypes = [ctypes.py_object]
    assert all(ord(ch) < 0x10000 for ch in text)  # one wchar_t each, whatever its size
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        s = new(None, len(text))
    buf = (ctypes.c_wchar * len(text)).from_address(wstr(s))
    for i, ch in enumerate(text):
        buf[i] = ch
    return s


def state(s: str) -> int:
    """The PEP 393 state bits of a str (CPython 3.9-3.11 layout): interned:2 kind:3 compact:1
    ascii:1 ready:1."""

    class Head(ctypes.Structure):
        _fields_ = [("refcnt", ctypes.c_ssize_t), ("type", ctypes.c_void_p), ("length", ctypes.c_ssize_t),
                    ("hash", ctypes.c_ssize_t), ("state", ctypes.c_uint32)]

    return Head.from_address(id(s)).state


@pytest.mark.skipif(not LEGACY, reason="legacy strs exist before CPython 3.12 only")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", ["mentions", "cooccurrence"])
def test_legacy_strs(matcher: gazetta.Matcher, path: str) -> None:
    words = ["Japan and China.", "Côte d’Azur, Japan.", "北京 서울 Korea China", "Café Japan China"]
    make: Callable[[], List[str]] = lambda: [legacy_str(w) for w in words]

    def run(texts: List[str]) -> Any:
        if path == "mentions":
            d = matcher._core.mentions(texts, 0, 2, None, None)
            return pd.DataFrame({"doc": np.asarray(d["doc"]), "start": np.asarray(d["start"]),
                                 "end": np.asarray(d["end"]),
                                 "surface": [d["surfaces"][c] for c in np.asarray(d["surface"])]})
        c = _core.Counter(matcher._core, "document", "auto", None, "units", 0, None)
        c.add(texts, np.zeros(len(texts), dtype=np.uint32), 0, 2, None)
        return c.pair_count

    want = run([fresh(w) for w in words])
    texts = make()
    assert all(state(t) & 0xA0 == 0 for t in texts)  # not ready, not compact
    got = run(texts)
    assert all(state(t) & 0xA0 == 0x80 for t in texts)  # readied by the core, still not compact
    assert state(texts[0]) & 0x40  # an ASCII legacy str: the one read in place, on the next call
    again = run(texts)
    if path == "mentions":
        pd.testing.assert_frame_equal(got, want)
        pd.testing.assert_frame_equal(again, want)
    else:
        assert got == again == want


# -- another thread changes the list ------------------------------------------------------------

def churned(a: List[str], b: List[str], body: Callable[[List[str]], None]) -> None:
    """Runs ``body(shared)`` while another thread keeps replacing every item of ``shared`` by
    fresh strs of ``a`` or ``b`` (the old ones are freed unless something else holds them), and
    looks the core's private copy up with ``gc`` meanwhile (it must not be found)."""
    shared = [fresh(t) for t in a]
    stop = threading.Event()
    found: List[int] = []

    def churn() -> None:
        k = 0
        while not stop.is_set():
            src = a if k % 2 else b
            before = shared[0]
            shared[:] = [fresh(t) for t in src]
            k += 1
            # a list that still holds a str just taken out of `shared`: the core's copy
            found.extend(1 for r in gc.get_referrers(before) if type(r) is list)
            del before

    th = threading.Thread(target=churn)
    th.start()
    try:
        body(shared)
    finally:
        stop.set()
        th.join()
    assert not found
    assert shared[0] is not a[0] and shared[0] in (a[0], b[0])  # the list was changed


LONG_A = [f"Japan and China, item {i} " + "filler " * 50 for i in range(3000)]
LONG_B = [f"Côte d’Azur {i} " + "filler " * 50 for i in range(3000)]


@pytest.mark.parametrize("n_threads", [1, 2, 3])
def test_list_changed_by_another_thread_during_the_call(matcher: gazetta.Matcher, n_threads: int) -> None:
    """The core works on a private copy of the list: a thread that replaces its items while the
    GIL is released frees nothing that is being read, and each result is that of the list as it
    was when the call started (one of the two contents here). The list is handed to the core
    directly (the Python layer hands it slices of its own)."""
    core = matcher._core
    want = {len(core.mentions(LONG_A, 0, 1, None, None)["doc"]), len(core.mentions(LONG_B, 0, 1, None, None)["doc"])}
    assert len(want) == 2

    def pairs(texts: List[str]) -> int:
        c = _core.Counter(core, "sentence", "auto", None, "units", 0, None)
        c.add(texts, np.zeros(len(texts), dtype=np.uint32), 0, n_threads, None)
        return int(c.pair_count)

    def body(shared: List[str]) -> None:
        for _ in range(15):
            assert len(core.mentions(shared, 0, n_threads, None, None)["doc"]) in want
            assert pairs(shared) in (0, 1)

    churned(LONG_A, LONG_B, body)


def test_list_changed_during_dedupe() -> None:
    def body(shared: List[str]) -> None:
        for _ in range(10):
            d = _core.Deduper("exact", 0.9, 5, 128, None, 1)
            clusters = np.asarray(d.add(shared, 0, 2, None)[0])
            assert len(np.unique(clusters)) == len(shared)

    churned(LONG_A, LONG_B, body)


@pytest.mark.parametrize("n_threads", [1, 2])
def test_mentions_agree_with_find_on_every_kind_of_str(matcher: gazetta.Matcher, n_threads: int) -> None:
    """``mentions`` hands a str that is not ASCII to the workers as its code units (they
    transcode it); ``find`` reads one text as UTF-8 from the interpreter. Same spans, entities
    and surfaces."""
    texts = mixed_texts()
    m = gazetta.Matcher(matcher.gazetteer, n_threads=n_threads)
    got = cols(m.mentions(texts, progress=False))
    rows = []
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            continue
        for x in m.find(t):
            rows.append({"doc": i, "start": x.start, "end": x.end, "surface": str.__str__(t)[x.start:x.end],
                         "entity": x.entity})
    want = pd.DataFrame(rows).astype({"doc": np.int64, "start": np.int64, "end": np.int64})
    pd.testing.assert_frame_equal(got, want[["doc", "start", "end", "surface", "entity"]], check_dtype=False)


def test_mentions_leave_no_utf8_copy_in_the_strs(matcher: gazetta.Matcher) -> None:
    """The workers transcode a str that is not ASCII themselves: the str is not given the
    cached UTF-8 copy that encoding it through the interpreter would leave with it (as much
    memory again as the corpus, kept as long as the strs are)."""
    texts = [fresh(t) for t in ("Café in France, £5.", "Côte d’Azur and Japan — China.", "北京 and China",
                                "emoji 🙂 Japan")]
    before = [sys.getsizeof(t) for t in texts]
    df = matcher.mentions(texts, progress=False)
    assert len(df) >= 5
    assert [sys.getsizeof(t) for t in texts] == before
    gazetta.cooccurrence(texts, matcher, unit="sentence", progress=False)
    assert [sys.getsizeof(t) for t in texts] == before
    # encoding through the interpreter does leave one (what the test would catch)
    texts[1].encode("utf-8")
    ctypes.pythonapi.PyUnicode_AsUTF8.restype = ctypes.c_char_p
    ctypes.pythonapi.PyUnicode_AsUTF8.argtypes = [ctypes.py_object]
    ctypes.pythonapi.PyUnicode_AsUTF8(texts[1])
    assert sys.getsizeof(texts[1]) > before[1]


@pytest.mark.parametrize("mode", ["exact", "near"])
def test_dedupe_reads_code_units_like_utf8(mode: str) -> None:
    """The deduper's workers transcode a str that is not ASCII themselves: the same clusters
    as from the same texts in an Arrow array (read as UTF-8 from its buffers), and no cached
    UTF-8 copy is left in the strs."""
    pa = pytest.importorskip("pyarrow")
    base = ["Côte d’Azur and Japan — China, said the minister on Monday.",
            "Côte d’Azur and Japan — China, said the minister on Monday!",
            "北京 and 서울: China, Korea, and the rest of the region. " * 3,
            "Café in France, then Japan; £5 for a coffee in the morning.",
            "emoji 🙂 Japan 🙂 China and a long enough tail of words here", "", "plain ASCII text about Japan"]
    texts = [fresh(base[i % len(base)] + ("" if i % 3 else " x")) for i in range(70)]
    before = [sys.getsizeof(t) for t in texts]
    a = _core.Deduper(mode, 0.8, 5, 128, None, 1)
    got = [np.asarray(x) for x in a.add(texts, 0, 2, None)]
    assert [sys.getsizeof(t) for t in texts] == before
    b = _core.Deduper(mode, 0.8, 5, 128, None, 1)
    want = [np.asarray(x) for x in b.add_arrow(pa.array(texts, type=pa.large_string()), 0, 1, None)]
    for x, y in zip(got, want):
        np.testing.assert_array_equal(x, y)
    assert len(np.unique(got[0])) < len(texts)  # some copies were folded
