"""Property tests: ``gazetta.Matcher`` against the brute-force reference (tests/reference.py).

Texts are drawn from a curated alphabet of characters whose Unicode properties (category,
case mappings, decompositions, White_Space) have been stable for many Unicode versions, so
Python's ``unicodedata`` and the Rust crates' tables agree on them. Aliases are partly cut
out of the text (so that matches happen), then varied: capitals, lower case, globs, escaped
stars, per-alias case / accent-folding records, aliases shared by entities (ambiguity) and
ignore phrases.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Tuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazetta
from conftest import reference_for, rows
from reference import alias_is_valid, is_word

#: ``GAZETTA_EXAMPLES=5000 pytest tests/test_properties.py`` for a longer hunt.
SETTINGS = settings(max_examples=int(os.environ.get("GAZETTA_EXAMPLES", "250")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

#: Single characters, grouped by what they exercise.
LETTERS = list("aAbBkKoOzZ") + ["é", "É", "ã", "Ã", "ü", "ñ", "ß", "İ", "ı", "ǅ", "ﬁ", "\u212a"]
MARKS = ["\u0301", "\u0303", "\u0308", "\u0307"]  # combining acute, tilde, diaeresis, dot above
SCRIPTS = ["α", "Α", "σ", "Σ", "ς", "я", "Я", "д", "北", "朝", "は", "カ", "북", "한", "ก", "\u0e31", "ᄒ"]
DIGITS = ["7", "0", "٣", "²"]
SPACES = [" ", " ", " ", "\t", "\n", "\xa0", "\u2003", "\u3000", "\r\n", "\x1f"]
PUNCT = [".", ",", "¿", "'", "’", "ʼ", "`", "´", "-", "–", "—", "−", "\u2011", "*", "!", "_"]
WORDS = ["ab", "Ab", "AB", "Sao", "São", "Sa\u0303o", "SÃO", "Korea", "KOREA", "korea", "G7", "G77",
         "ko", "North"]

ATOMS = st.one_of(
    st.sampled_from(LETTERS),
    st.sampled_from(WORDS),
    st.sampled_from(SPACES),
    st.sampled_from(PUNCT),
    st.sampled_from(MARKS + SCRIPTS + DIGITS),
)

CASES = ["smart", "sensitive", "insensitive"]


@st.composite
def texts(draw: Any, max_atoms: int = 14) -> str:
    return "".join(draw(st.lists(ATOMS, min_size=1, max_size=max_atoms)))


@st.composite
def alias_texts(draw: Any, text: str) -> str:
    """An alias: a (varied) piece of ``text`` (often whole words of it), or atoms of its own."""
    how = draw(st.sampled_from(["words", "words", "piece", "own"])) if text else "own"
    words = _words(text)
    if how == "words" and words:
        a_ = draw(st.integers(0, len(words) - 1))
        b_ = draw(st.integers(a_, min(len(words) - 1, a_ + 2)))
        a = text[words[a_][0]:words[b_][1]]
    elif how in ("piece", "words"):
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i + 1, min(len(text), i + 10)))
        a = text[i:j]
    else:
        a = "".join(draw(st.lists(st.one_of(st.sampled_from(LETTERS), st.sampled_from(WORDS),
                                            st.sampled_from(SCRIPTS + DIGITS + MARKS),
                                            st.sampled_from([" ", "-", "'", ".", "’"])),
                                  min_size=1, max_size=3)))
    a = a.replace("*", "\\*")
    variant = draw(st.sampled_from(["as is"] * 6 + ["upper", "lower", "glob", "glob"]))
    if variant == "upper":
        a = a.upper()
    elif variant == "lower":
        a = a.lower()
    elif variant == "glob":
        a = a + "*"
    return a


def _words(text: str) -> List[Tuple[int, int]]:
    """Spans of the maximal runs of word characters (SPEC §3.2) of ``text``."""
    out: List[Tuple[int, int]] = []
    start = None
    for k, c in enumerate(text + " "):
        if is_word(c) and start is None:
            start = k
        elif not is_word(c) and start is not None:
            out.append((start, k))
            start = None
    return out


@st.composite
def alias_items(draw: Any, text: str) -> Any:
    a = draw(alias_texts(text))
    if draw(st.integers(0, 3)) == 0:
        rec: Dict[str, Any] = {"text": a}
        if draw(st.booleans()):
            rec["case"] = draw(st.sampled_from(CASES))
        if draw(st.booleans()):
            rec["fold_accents"] = draw(st.booleans())
        return rec
    return a


def _text_of(item: Any) -> str:
    return item if isinstance(item, str) else item["text"]


@st.composite
def scenarios(draw: Any) -> Tuple[str, "gazetta.Gazetteer", Dict[str, Any]]:
    text = draw(texts())
    pool = [x for x in draw(st.lists(alias_items(text), min_size=1, max_size=6)) if alias_is_valid(_text_of(x))]
    if not pool:
        pool = ["ab"]
    g = gazetta.Gazetteer()
    n_ent = draw(st.integers(1, 4))
    for e in range(n_ent):
        mine = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
        # The name is always an alias too (SPEC §2): use one of the entity's own.
        name = _text_of(mine[0]).rstrip("*").replace("\\*", "*").strip() or "ab"
        if not alias_is_valid(name.replace("*", "\\*")):
            name = "ab"
        # Records with conflicting overrides for one alias are a GazetteerError: keep the first.
        seen: Dict[str, Any] = {}
        for item in mine:
            seen.setdefault(_text_of(item).strip(), item)
        g.add(f"E{e}", name, aliases=list(seen.values()))
    ignore = [_text_of(x) for x in draw(st.lists(alias_items(text), max_size=2)) if alias_is_valid(_text_of(x))]
    options = dict(case=draw(st.sampled_from(CASES)), fold_accents=draw(st.booleans()),
                   overlaps=draw(st.sampled_from(["longest", "all"])),
                   ambiguous=draw(st.sampled_from(["resolve", "all", "skip"])), ignore=ignore)
    return text, g, options


@SETTINGS
@given(scenarios())
def test_matcher_equals_reference(scenario: Tuple[str, "gazetta.Gazetteer", Dict[str, Any]]) -> None:
    """SPEC §3.1–3.8: Matcher.find returns exactly the reference's mentions."""
    text, g, options = scenario
    m = gazetta.Matcher(g, **options)
    got = rows(m, text)
    assert got == reference_for(g, **options).find(text), (text, g._flat(), options)
    for start, end, _e, _a, _amb, _how in got:
        assert 0 <= start < end <= len(text)


@st.composite
def corpora(draw: Any) -> Tuple[List[Any], "gazetta.Gazetteer", Dict[str, Any]]:
    text, g, options = draw(scenarios())
    docs: List[Any] = draw(st.lists(st.one_of(texts(), st.just(text), st.none()), max_size=8))
    return docs, g, options


@SETTINGS
@given(corpora())
def test_mentions_equal_find(corpus: Tuple[List[Any], "gazetta.Gazetteer", Dict[str, Any]]) -> None:
    """SPEC §3.8, §6: ``mentions`` holds exactly the per-text ``find`` results, in document
    order, with ``text[start:end] == surface``, whatever the thread count."""
    docs, g, options = corpus
    expected = []
    m = gazetta.Matcher(g, **options)
    for d, t in enumerate(docs):
        for x in m.find(t):
            expected.append((d, x.start, x.end, t[x.start:x.end], x.entity, x.name, x.kind, x.alias, x.ambiguous,
                             x.resolved_by))
    for n_threads in (1, 2):
        df = gazetta.Matcher(g, n_threads=n_threads, **options).mentions(docs)
        got = list(zip(df["doc"].tolist(), df["start"].tolist(), df["end"].tolist(), df["surface"].tolist(),
                       df["entity"].tolist(), df["name"].tolist(), df["kind"].tolist(), df["alias"].tolist(),
                       df["ambiguous"].tolist(), df["resolved_by"].tolist()))
        assert got == expected, n_threads


@SETTINGS
@given(st.lists(st.one_of(texts(), st.none()), max_size=6), st.data())
def test_surface_is_the_original_slice(docs: List[Any], data: Any) -> None:
    """SPEC §3.8: offsets are code-point indices into the original text, for every text of
    the curated alphabet (here with aliases cut from the texts themselves)."""
    joined = "".join(d for d in docs if d)
    aliases = [a for a in data.draw(st.lists(alias_texts(joined), min_size=1, max_size=5)) if alias_is_valid(a)]
    if not aliases:
        return
    g = gazetta.Gazetteer().add("X", "Xylophone", aliases=aliases)
    m = gazetta.Matcher(g, case="insensitive", fold_accents=True, overlaps="all")
    df = m.mentions(docs)
    for d, s, e, surface in zip(df["doc"], df["start"], df["end"], df["surface"]):
        assert docs[d][s:e] == surface


def _with_filler(g: "gazetta.Gazetteer") -> "gazetta.Gazetteer":
    """``g`` plus long aliases that never match (no "q" in the alphabet): over 300 kB of
    patterns in the matcher's default view, where the core then compiles a contiguous NFA
    instead of a DFA (``DFA_MAX_PATTERN_BYTES`` in src/core/matcher.rs)."""
    big = gazetta.Gazetteer.from_records(g.to_records())
    big.add("filler", "Filler", aliases=[f"Zq{i}" + "x" * 10_000 for i in range(31)])
    return big


@settings(SETTINGS, max_examples=min(SETTINGS.max_examples, 40))
@given(scenarios())
def test_large_gazetteer_engine_agrees(scenario: Tuple[str, "gazetta.Gazetteer", Dict[str, Any]]) -> None:
    """SPEC §3: the results do not depend on the automaton the core picks for large
    gazetteers (the small matcher is compared with the reference above)."""
    text, g, options = scenario
    assert rows(gazetta.Matcher(_with_filler(g), **options), text) == rows(gazetta.Matcher(g, **options), text)
