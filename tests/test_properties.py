"""Property tests: ``gazetta.Matcher`` against the brute-force reference (tests/reference.py).

The second half draws gazetteers with a random forest of parents, priors and context rules,
texts full of capitalised words, and every option combination, and also checks that results
do not depend on threads or chunking and that the counter agrees with the reference counter.

Texts are drawn from a curated alphabet of characters whose Unicode properties (category,
case mappings, decompositions, White_Space) have been stable for many Unicode versions, so
Python's ``unicodedata`` and the Rust crates' tables agree on them. Aliases are partly cut
out of the text (so that matches happen), then varied: capitals, lower case, globs, escaped
stars, per-alias case / accent-folding records, aliases shared by entities (ambiguity) and
ignore phrases.
"""

from __future__ import annotations

import os
import unicodedata
from typing import Any, Dict, List, Tuple
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazetta
import reference_cooc as R
from conftest import reference_for, rows
from reference import alias_is_valid, is_space, is_word

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
    """Spans of the maximal runs of word characters (docs/matching.md, Word boundaries) of ``text``."""
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
        # The name is always an alias too (docs/gazetteers.md): use one of the entity's own.
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
    """docs/matching.md: Matcher.find returns exactly the reference's mentions."""
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
    """Offsets (docs/matching.md): ``mentions`` holds exactly the per-text ``find`` results, in document
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
    """Offsets (docs/matching.md): offsets are code-point indices into the original text, for every text of
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
    big.add("filler", "Filler", aliases=[f"Zq{i}" + "x" * 250 for i in range(1250)])
    return big


@settings(SETTINGS, max_examples=min(SETTINGS.max_examples, 40))
@given(scenarios())
def test_large_gazetteer_engine_agrees(scenario: Tuple[str, "gazetta.Gazetteer", Dict[str, Any]]) -> None:
    """docs/matching.md: the results do not depend on the automaton the core picks for large
    gazetteers (the small matcher is compared with the reference above)."""
    text, g, options = scenario
    assert rows(gazetta.Matcher(_with_filler(g), **options), text) == rows(gazetta.Matcher(g, **options), text)


# --------------------------------------------------------------------------------------------
# Hierarchy, priors, context rules, capitalised runs and resolution
# --------------------------------------------------------------------------------------------
#: Words for texts where capitalised runs, "of" and rule phrases happen often.
CAP_WORDS = ["Georgia", "Power", "GEORGIA", "power", "Paris", "Texas", "of", "Bank", "President", "Foreign",
             "Minister", "U.S.", "the", "and", "Ab", "ab", "AB", "Korea", "KOREA", "Sao", "São", "Lavrov", "Army",
             "Kö", "Ünion", "Σam", "Яd", "or", "An"]
CAP_SEPS = [" ", " ", " ", " ", "\n", "\n\n", "\r\n", "-", " - ", "–", " —", ", ", ". ", "'s ", "\xa0", "\t"]


def _tame(text: str) -> str:
    """The text as drawn (kept as a hook: the engine once needed whitespace runs of at most two
    characters, no runs of combining marks and no titlecase letters here)."""
    return text


@st.composite
def cap_texts(draw: Any) -> str:
    """Capitalised words and separators, sometimes with atoms of the general alphabet."""
    n = draw(st.integers(3, 10))
    out = []
    for _ in range(n):
        out.append(draw(ATOMS) if draw(st.integers(0, 5)) == 0 else draw(st.sampled_from(CAP_WORDS)))
        out.append(draw(st.sampled_from(CAP_SEPS)))
    return _tame("".join(out))


@st.composite
def rich_texts(draw: Any) -> str:
    return draw(st.one_of(cap_texts(), cap_texts(), texts().map(_tame)))


@st.composite
def phrases(draw: Any, text: str) -> List[str]:
    """Rule phrases: mostly words (or two) of the text, varied like aliases."""
    words = _words(text)
    out = []
    for _ in range(draw(st.integers(1, 2))):
        if words and draw(st.integers(0, 5)) > 0:
            i = draw(st.integers(0, len(words) - 1))
            j = draw(st.integers(i, min(len(words) - 1, i + 1)))
            p = text[words[i][0]:words[j][1]]
        else:
            p = draw(st.sampled_from(CAP_WORDS))
        variant = draw(st.sampled_from(["as is"] * 5 + ["upper", "lower", "glob"]))
        if variant == "upper":
            p = p.upper()
        elif variant == "lower":
            p = p.lower()
        elif variant == "glob":
            p = p + "*"
        if alias_is_valid(p):
            out.append(p)
    return out


@st.composite
def rich_gazetteers(draw: Any, text: str) -> "gazetta.Gazetteer":
    """Entities sharing aliases (ambiguity), in a random forest (parents given before or after
    their children), with random priors and random context rules on entities, on aliases, or
    on both (an alias's own rule and its entity's rule both apply)."""
    spans = _words(text)
    pieces = [text[a:b] for a, b in spans] + [text[spans[i][0]:spans[i + 1][1]] for i in range(len(spans) - 1)]
    pieces = [p.replace("*", "\\*") for p in pieces]  # a star between two words is literal
    items = alias_items(text)
    if pieces:  # mostly whole words of the text (and two-word runs), so that aliases match
        items = st.one_of(st.sampled_from(pieces), st.sampled_from(pieces), items)
    pool = [x for x in draw(st.lists(items, min_size=2, max_size=6)) if alias_is_valid(_text_of(x))]
    if not pool:
        pool = ["ab"]
    n_ent = draw(st.integers(1, 6))
    rank = draw(st.permutations(range(n_ent)))  # parents come earlier in this order: a forest
    g = gazetta.Gazetteer()
    for e in range(n_ent):
        mine = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
        name = _text_of(mine[0]).rstrip("*").replace("\\*", "*").strip() or "ab"
        if not alias_is_valid(name.replace("*", "\\*")):
            name = "ab"
        rule_at = draw(st.sampled_from(["none", "none", "entity", "alias", "both"]))
        seen: Dict[str, Any] = {}
        for item in mine:
            key = _text_of(item).strip()
            if key in seen:
                continue
            if rule_at in ("alias", "both") and draw(st.booleans()):
                item = dict(item) if isinstance(item, dict) else {"text": item}
                item[draw(st.sampled_from(["not_before", "not_after", "person_after"]))] = draw(phrases(text))
            seen[key] = item
        attrs: Dict[str, Any] = {}
        older = [k for k in range(n_ent) if rank[k] < rank[e]]
        if older and draw(st.integers(0, 3)) > 0:
            attrs["parent"] = f"E{draw(st.sampled_from(older))}"
        prior = draw(st.sampled_from([None, None, 0, 1, 5, 10, 11, 100, 1000]))
        if prior is not None:
            attrs["prior"] = prior
        if rule_at in ("entity", "both"):
            for side in ("not_before", "not_after", "person_after"):
                if draw(st.booleans()):
                    attrs[side] = draw(phrases(text))
        g.add(f"E{e}", name, kind=draw(st.sampled_from(["a", "b"])), aliases=list(seen.values()), **attrs)
    return g


RICH_OPTIONS = st.fixed_dictionaries({
    "case": st.sampled_from(CASES), "fold_accents": st.booleans(), "overlaps": st.sampled_from(["longest", "all"]),
    "ambiguous": st.sampled_from(["resolve", "resolve", "all", "skip"]),
    "capitalized_runs": st.sampled_from(["keep", "skip", "companies"]),
    "prior_ratio": st.sampled_from([10.0, 10.0, 1, 2, 100.0, float("inf")])})


@st.composite
def rich_scenarios(draw: Any) -> Tuple[str, "gazetta.Gazetteer", Dict[str, Any]]:
    text = draw(rich_texts())
    g = draw(rich_gazetteers(text))
    options = dict(draw(RICH_OPTIONS))
    extra = draw(st.lists(alias_items(text), max_size=1))
    options["ignore"] = [_text_of(x) for x in extra if alias_is_valid(_text_of(x))]
    return text, g, options


@SETTINGS
@given(rich_scenarios())
def test_rules_runs_and_resolution_equal_reference(scenario: Tuple[str, "gazetta.Gazetteer", Dict[str, Any]]) -> None:
    """Matcher.find with a hierarchy, priors, context rules, capitalised runs and every option
    (ambiguous × capitalized_runs × overlaps × case × folding) returns exactly the reference's
    mentions, and ``mentions`` counts exactly the reference's removals."""
    text, g, options = scenario
    m = gazetta.Matcher(g, **options)
    want, by_rules, by_runs = reference_for(g, **options).run(text)
    assert rows(m, text) == want, (text, g.to_records(), options)
    attrs = m.mentions([text]).attrs
    assert (attrs["removed_by_rules"], attrs["removed_by_runs"]) == (by_rules, by_runs), (text, g.to_records(), options)


@st.composite
def rich_corpora(draw: Any) -> Tuple[List[Any], "gazetta.Gazetteer", Dict[str, Any]]:
    text, g, options = draw(rich_scenarios())
    docs: List[Any] = draw(st.lists(st.one_of(rich_texts(), st.just(text), st.none()), min_size=1, max_size=8))
    return docs, g, options


def _frame_rows(df: Any) -> List[Tuple[Any, ...]]:
    return list(zip(df["doc"].tolist(), df["start"].tolist(), df["end"].tolist(), df["entity"].tolist(),
                    df["alias"].tolist(), df["ambiguous"].tolist(), df["resolved_by"].tolist()))


@settings(SETTINGS, max_examples=max(10, SETTINGS.max_examples // 3))
@given(rich_corpora())
def test_rich_results_do_not_depend_on_threads_or_chunks(
        corpus: Tuple[List[Any], "gazetta.Gazetteer", Dict[str, Any]]) -> None:
    """Per-document resolution and context rules give the same mentions (and removal counts)
    for 1 and 2 threads, a streamed corpus and chunks of 2 documents, equal to the reference
    text by text."""
    docs, g, options = corpus
    ref = reference_for(g, **options)
    expected = []
    removed = [0, 0]
    for d, t in enumerate(docs):
        got, a, b = ref.run(t)
        expected += [(d, s, e, ent, al, amb, how) for s, e, ent, al, amb, how in got]
        removed[0] += a
        removed[1] += b
    from gazetta import _input

    original = _input.iter_chunks

    def small(texts: Any, **kw: Any) -> Any:
        kw["chunk_docs"] = 2
        return original(texts, **kw)

    runs = []
    for n_threads in (1, 2):
        m = gazetta.Matcher(g, n_threads=n_threads, **options)
        runs.append(m.mentions(docs))
        runs.append(m.mentions(iter(docs)))
        with mock.patch.object(_input, "iter_chunks", small):
            runs.append(m.mentions(docs))
    for df in runs:
        assert _frame_rows(df) == expected
        assert [df.attrs["removed_by_rules"], df.attrs["removed_by_runs"]] == removed


@settings(SETTINGS, max_examples=max(10, SETTINGS.max_examples // 5))
@given(rich_corpora(), st.sampled_from(["document", "sentence"]), st.sampled_from(["units", "mentions"]))
def test_rich_counts_equal_reference_counter(corpus: Tuple[List[Any], "gazetta.Gazetteer", Dict[str, Any]],
                                             unit: str, count: str) -> None:
    """The counter resolves and applies rules inside its own pass: its counts equal the
    reference counter's over the mentions (themselves equal to the reference matcher's), for 1
    and 2 threads, with the removals in the meta."""
    docs, g, options = corpus
    m = gazetta.Matcher(g, **options)
    ref = R.count(docs, m, unit=unit, count=count)
    want = R.expected_pairs(ref, count)
    oracle = reference_for(g, **options)
    removed = [sum(x) for x in zip(*(oracle.run(t)[1:] for t in docs))]
    for n_threads in (1, 2):
        co = gazetta.cooccurrence(docs, gazetta.Matcher(g, n_threads=n_threads, **options), unit=unit, count=count,
                                  progress=False)
        got = [((), r.a, r.b, r.n_ab, r.n_a, r.n_b, r.n) for r in co.pairs.itertuples(index=False)]
        assert got == want
        got_e = {((), r.entity): [r.n_units, r.n_mentions, r.n_docs] for r in co.entities.itertuples(index=False)}
        assert got_e == ref.entities
        assert [co.meta["removed_by_rules"], co.meta["removed_by_runs"]] == removed
