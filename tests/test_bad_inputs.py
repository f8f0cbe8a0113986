"""Catalogue of bad inputs (issue 8): every bad input of docs/gazetteers.md and docs/corpora.md and every file problem
of the corpus reader, one test each, with the exact exception type and a message that names
the row, line or field. Plus inputs that are odd but valid (NUL, lone surrogates, mixed line
breaks, huge aliases, huge gazetteers, a 100 MB document, empty corpora), which must work.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, List

import pandas as pd
import pytest

import gazetta
from gazetta import CorpusError, GazetteerError
from gazetta.corpus import SkippedRecordsWarning, read_corpus

MENTION_COLUMNS = ["doc", "start", "end", "surface", "entity", "name", "kind", "alias", "ambiguous", "resolved_by"]
PAIR_COLUMNS = ["a", "b", "name_a", "name_b", "kind_a", "kind_b", "n_ab", "n_a", "n_b", "n", "pmi", "npmi",
                "jaccard", "dice", "llr", "llr_p", "expected", "lift"]
ENTITY_COLUMNS = ["entity", "name", "kind", "n_units", "n_mentions", "n_docs"]


@pytest.fixture(scope="module")
def matcher() -> gazetta.Matcher:
    g = (gazetta.Gazetteer()
         .add("JP", "Japan", kind="country")
         .add("CN", "China", kind="country")
         .add("KP", "North Korea", kind="country"))
    return gazetta.Matcher(g)


def _record(**kw: Any) -> Dict[str, Any]:
    rec: Dict[str, Any] = {"id": "X", "name": "Xland"}
    rec.update(kw)
    return rec


# ---------------------------------------------------------------------------------------------
# docs/gazetteers.md: gazetteer content
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("alias, problem", [
    ("", "empty"),
    ("   \t\n", "empty"),
    ("*", "empty"),
    ("...", "no letter or digit"),
    ("-- ’ --", "no letter or digit"),
    ("ʼʼ", "no letter or digit"),
], ids=["empty", "whitespace", "lone-star", "dots", "dashes-apostrophe", "modifier-apostrophes"])
def test_alias_without_letter_or_digit_names_entity_and_record(alias: str, problem: str) -> None:
    """docs/gazetteers.md: an empty or punctuation-only alias is an error naming the entity and the row."""
    with pytest.raises(GazetteerError, match=problem) as ei:
        gazetta.Gazetteer.from_records([_record(id="A", name="Aland"), _record(aliases=[alias])])
    msg = str(ei.value)
    assert "entity 'X'" in msg and "record 1" in msg
    assert (ei.value.entity, ei.value.row) == ("X", 1)


def test_bad_alias_in_csv_names_file_row_and_line(tmp_path: Path) -> None:
    """docs/gazetteers.md: from a file, the message names the file, its data row and physical line."""
    p = tmp_path / "gaz.csv"
    p.write_text('id,name,aliases\nA,Aland,"Al|A-land"\nB,Bland,"Bl|..."\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match="no letter or digit") as ei:
        gazetta.Gazetteer.read_csv(p)
    msg = str(ei.value)
    assert "entity 'B'" in msg and "row 2 of gaz.csv" in msg and "line 3" in msg


def test_name_without_letter_or_digit() -> None:
    """docs/gazetteers.md: the name is always an alias, so the same rule applies to it."""
    with pytest.raises(GazetteerError, match=r"entity 'X' \(add\(\)\): name '\.\.\.' is not usable"):
        gazetta.Gazetteer().add("X", "...")


@pytest.mark.parametrize("alias, position", [("Ken*ya", 3), ("*Kenya", 0), ("Ken**", 3)])
def test_star_inside_an_alias(alias: str, position: int) -> None:
    """docs/gazetteers.md: `*` elsewhere than at the end is an error; the message says where and how to
    write a literal star."""
    with pytest.raises(GazetteerError, match=rf"position {position}.*'\\\*'") as ei:
        gazetta.Gazetteer.from_records([_record(aliases=[alias])])
    assert "entity 'X'" in str(ei.value) and "record 0" in str(ei.value)


def test_escaped_star_is_literal(matcher: gazetta.Matcher) -> None:
    """docs/gazetteers.md: `\\*` is a literal star, allowed anywhere."""
    m = gazetta.Matcher(gazetta.Gazetteer().add("Y", "Yahoo", aliases=[r"Yahoo\*"]))
    assert [(x.start, x.end) for x in m.find("Yahoo* and Yahoo")] == [(0, 6), (11, 16)]


@pytest.mark.parametrize("field, other", [("name", {"name": "Yland"}), ("kind", {"kind": "city"})])
def test_duplicate_id_with_conflicting_field_names_both_rows(field: str, other: Dict[str, str]) -> None:
    """docs/gazetteers.md: a duplicate id with a different name/kind is an error naming both rows."""
    recs = [_record(id="A", name="Aland"), _record(kind="country"), _record(**{"kind": "country", **other})]
    with pytest.raises(GazetteerError, match=f"duplicate id with a different {field}") as ei:
        gazetta.Gazetteer.from_records(recs)
    msg = str(ei.value)
    assert "entity 'X' (record 2)" in msg and "at record 1" in msg


def test_duplicate_id_in_csv_names_both_lines(tmp_path: Path) -> None:
    p = tmp_path / "dup.csv"
    p.write_text("id,name\nX,Xland\nA,Aland\nX,Yland\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as ei:
        gazetta.Gazetteer.read_csv(p)
    msg = str(ei.value)
    assert "row 3 of dup.csv, line 4" in msg and "row 1 of dup.csv, line 2" in msg


def test_same_row_twice_is_merged() -> None:
    """docs/gazetteers.md: the same row twice is merged, not an error."""
    g = gazetta.Gazetteer.from_records([_record(aliases=["Xl"]), _record(aliases=["Xl", "Xy"])])
    assert len(g) == 1 and [a.text for a in g["X"].aliases] == ["Xland", "Xl", "Xy"]


@pytest.mark.parametrize("bad_id", [float("nan"), None, "", "  ", pd.NA], ids=["nan", "none", "empty", "blank", "pd.NA"])
def test_missing_id_names_the_record(bad_id: Any) -> None:
    """docs/gazetteers.md: `id` is a unique str; a NaN/None/empty id is an error naming the record (and the
    entity's name, since there is no id to name)."""
    with pytest.raises(GazetteerError, match=r"record 1: missing or empty entity id \(name 'Bland'\)"):
        gazetta.Gazetteer.from_records([_record(), {"id": bad_id, "name": "Bland"}])


def test_nan_id_in_dataframe_names_the_row() -> None:
    df = pd.DataFrame({"id": ["A", math.nan, "C"], "name": ["Aland", "Bland", "Cland"]})
    with pytest.raises(GazetteerError, match=r"DataFrame row 1: missing or empty entity id"):
        gazetta.Gazetteer.from_dataframe(df)


@pytest.mark.parametrize("bad_id", [True, 1.5, ["X"]], ids=["bool", "float", "list"])
def test_non_string_id(bad_id: Any) -> None:
    with pytest.raises(GazetteerError, match="record 0: id must be a string"):
        gazetta.Gazetteer.from_records([{"id": bad_id, "name": "Xland"}])


@pytest.mark.parametrize("alias", [3, 2.5, None, b"Xl", ["Xl"]], ids=["int", "float", "none", "bytes", "list"])
def test_non_string_alias(alias: Any) -> None:
    """docs/gazetteers.md: an alias is a string or a record; anything else is an error naming the entity,
    the record and the value's type."""
    with pytest.raises(GazetteerError, match=rf"entity 'X' \(record 0\): alias .* \({type(alias).__name__}\) is "
                                             "not a string or an alias record"):
        gazetta.Gazetteer.from_records([_record(aliases=["ok", alias])])


@pytest.mark.parametrize("rec, match", [
    ({"text": "Xl", "case": "upper"}, "case must be one of 'smart', 'sensitive', 'insensitive', not 'upper'"),
    ({"text": "Xl", "fold_accents": "maybe"}, "fold_accents must be true or false, not 'maybe'"),
    ({"text": "Xl", "lang": "en"}, r"unknown field\(s\) \['lang'\]"),
    ({"case": "smart"}, "needs a string 'text'"),
], ids=["case", "fold", "unknown-field", "no-text"])
def test_bad_alias_record(rec: Dict[str, Any], match: str) -> None:
    with pytest.raises(GazetteerError, match=match) as ei:
        gazetta.Gazetteer.from_records([_record(aliases=[rec])])
    assert "entity 'X' (record 0)" in str(ei.value)


@pytest.mark.parametrize("rec, match", [
    ({"id": "X", "name": 3}, "name must be a string, not int 3"),
    ({"id": "X"}, "missing or empty name"),
    ({"id": "X", "name": "Xland", "kind": 3}, "kind must be a string, not int 3"),
], ids=["name-int", "no-name", "kind-int"])
def test_bad_name_or_kind(rec: Dict[str, Any], match: str) -> None:
    with pytest.raises(GazetteerError, match=match) as ei:
        gazetta.Gazetteer.from_records([rec])
    assert "entity 'X' (record 0)" in str(ei.value)


def test_record_that_is_not_a_dict() -> None:
    with pytest.raises(GazetteerError, match="record 1: an entity must be a dict, not str"):
        gazetta.Gazetteer.from_records([_record(), "Yland"])


def test_longest_alias_matches_with_exact_offsets() -> None:
    """An alias of the longest length allowed (256 characters) compiles and matches; offsets
    stay code points (docs/matching.md, Offsets)."""
    alias = "Ü" + "ber" * 85
    assert len(alias) == 256
    m = gazetta.Matcher(gazetta.Gazetteer().add("L", "Long", aliases=[alias]))
    text = "北京 " + alias + ", again " + alias.upper() + " and " + alias[:-1]
    found = m.find(text)
    assert [(x.start, x.end) for x in found] == [(3, 259), (267, 523)]
    assert all(text[x.start:x.end] in (alias, alias.upper()) for x in found)


def test_huge_alias_is_rejected() -> None:
    """Longer than 256 characters (matching reads up to the longest alias from every word
    start; the bound keeps it linear in the text), or no letter or digit."""
    with pytest.raises(GazetteerError, match="10000 characters long; at most 256 are allowed"):
        gazetta.Gazetteer().add("P", "Pland", aliases=["-." * 5000])
    with pytest.raises(GazetteerError, match="10000 characters long; at most 256 are allowed"):
        gazetta.Gazetteer().add("L", "Long", aliases=["Ü" + "ber" * 3333])
    with pytest.raises(GazetteerError, match="no letter or digit"):
        gazetta.Gazetteer().add("P", "Pland", aliases=["-." * 100])


@pytest.mark.slow
def test_200k_entity_gazetteer() -> None:
    """A 200,000-entity gazetteer builds, compiles and matches (1M entities take ~75 s and
    2.2 GB on the 2-core CI machine: measured in docs/limits.md, not run here)."""
    n = 200_000
    df = pd.DataFrame({"id": [f"E{i}" for i in range(n)], "name": [f"Place{i} City" for i in range(n)]})
    m = gazetta.Matcher(gazetta.Gazetteer.from_dataframe(df))
    assert len(m) == n
    found = m.find("From Place199999 City to Place0 City via Place12345 Cityx")
    assert [x.entity for x in found] == ["E199999", "E0"]


# ---------------------------------------------------------------------------------------------
# docs/corpora.md: texts
# ---------------------------------------------------------------------------------------------
def test_nul_in_text(matcher: gazetta.Matcher) -> None:
    """NUL is an ordinary non-word, non-space character: a boundary, not whitespace."""
    text = "\x00Japan\x00China\x00North\x00Korea North Korea"
    assert [(x.start, x.end, x.entity) for x in matcher.find(text)] == [(1, 6, "JP"), (7, 12, "CN"), (25, 36, "KP")]
    df = matcher.mentions([text, "\x00"])
    assert df["surface"].tolist() == ["Japan", "China", "North Korea"]


@pytest.mark.parametrize("text", ["Japan \ud800 China", "\udfffJapan \ud83d\ude00 China\udc00"],
                         ids=["lone-high", "lone-and-split-pair"])
def test_lone_surrogates(matcher: gazetta.Matcher, text: str) -> None:
    """Lone surrogates cannot be encoded as UTF-8; each counts as one non-word character, so
    offsets still index the str, and (issue 8 fix) they no longer end a sentence: the
    replacement used to be '?', which split 'Japan ? China' into two sentences."""
    found = matcher.find(text)
    assert [text[x.start:x.end] for x in found] == ["Japan", "China"]
    df = matcher.mentions([text], units=True)
    assert df["sentence"].tolist() == [0, 0]
    c = gazetta.cooccurrence([text], matcher, unit="sentence")
    assert c.pairs[["a", "b", "n_ab"]].values.tolist() == [["CN", "JP", 1]]
    assert gazetta.sentences(text) == [(0, len(text))] or len(gazetta.sentences(text)) == 1
    assert len(gazetta.tokens(text)) == 2 and len(gazetta.paragraphs(text)) == 1


def test_mixed_newline_styles(matcher: gazetta.Matcher) -> None:
    """docs/matching.md, Normalised comparison; docs/units.md: \\r\\n, \\r, U+2028, U+2029 and U+0085 are whitespace for matching and line
    breaks for paragraphs; \\r\\n is one break."""
    text = "North\r\nKorea\rJapan\u2028China\r\n\r\nJapan\u0085North\u2029Korea"
    found = matcher.find(text)
    assert [(text[x.start:x.end], x.entity) for x in found] == [
        ("North\r\nKorea", "KP"), ("Japan", "JP"), ("China", "CN"), ("Japan", "JP"), ("North\u2029Korea", "KP")]
    pars = gazetta.paragraphs(text)
    assert [text[s:e] for s, e in pars] == ["North", "Korea", "Japan", "China", "Japan", "North", "Korea"]
    assert [text[s:e] for s, e in gazetta.paragraphs(text, "blank")] == [
        "North\r\nKorea\rJapan\u2028China", "Japan\u0085North\u2029Korea"]
    # A mention belongs to the unit where it starts (docs/sentences.md).
    df = matcher.mentions([text], units=True, paragraphs="line")
    assert df["paragraph"].tolist() == [0, 2, 3, 4, 5]


@pytest.mark.parametrize("bad", [3, b"Japan", ["Japan"], 1.5], ids=["int", "bytes", "list", "float"])
def test_non_str_text_names_position(matcher: gazetta.Matcher, bad: Any) -> None:
    """docs/corpora.md: a non-str text is a TypeError naming its position (in lists and streams)."""
    with pytest.raises(TypeError, match=f"text at position 2 is {type(bad).__name__}, not str"):
        matcher.mentions(["Japan", None, bad])
    with pytest.raises(TypeError, match=f"text at position 2 is {type(bad).__name__}"):
        matcher.mentions(iter(["Japan", None, bad]))
    with pytest.raises(TypeError, match=f"text at position 2 is {type(bad).__name__}"):
        gazetta.cooccurrence(["Japan", math.nan, bad], matcher)


def test_none_and_nan_are_empty_documents(matcher: gazetta.Matcher) -> None:
    c = gazetta.cooccurrence(["Japan China", None, math.nan], matcher, unit="document")
    assert c.pairs["n"].tolist() == [3]
    assert matcher.find(None) == []


def _mem_available_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024 ** 2
    except OSError:
        pass
    return 0.0


@pytest.mark.slow
@pytest.mark.skipif(_mem_available_gb() < 4, reason="needs 4 GB of free memory")
def test_100_mb_single_document() -> None:
    """A 100 MB document (made in memory, in a fresh process) is matched and counted with exact
    offsets at its far end, in bounded memory: measured peak RSS above the text itself is
    ~700 MB (CPython's UTF-8 copy of the non-ASCII str, 4M mention rows, 2.7M sentence spans);
    the bound asserted is 8× the text's size. (`find()` on it builds 4M Python `Match`
    objects, ~1.1 GB: use `mentions()` for big texts.)"""
    code = textwrap.dedent("""
        import resource, gazetta
        def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China").add("KP", "North Korea")
        m = gazetta.Matcher(g)
        block = "Talks between Japan and China went on. North\\nKorea’s envoy left — naïvely. "
        text = block * (100_000_000 // len(block))
        base = rss()
        df = m.mentions([text], progress=False)
        last = df.iloc[-1]
        assert text[last["start"]:last["end"]] == "North\\nKorea", last
        assert last["end"] == len(text) - len(block) + 50, last
        n_found = len(df)
        del df
        c = gazetta.cooccurrence([text], m, unit="sentence", progress=False)
        print(len(text), len(text) // len(block), n_found, int(c.pairs["n_ab"].sum()), base, rss())
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    size, n_blocks, n_found, n_ab, base, peak = map(int, out.stdout.split())
    assert size >= 99_000_000
    assert n_found == 3 * n_blocks
    assert n_ab == n_blocks  # JP-CN once per block (one sentence); KP alone in another
    assert peak - base < 8 * size, (base, peak)


# ---------------------------------------------------------------------------------------------
# Empty corpora
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("empty", [[], (), pd.Series([], dtype=object), iter([])], ids=["list", "tuple", "series", "iter"])
def test_mentions_of_empty_corpus(matcher: gazetta.Matcher, empty: Any) -> None:
    df = matcher.mentions(empty)
    assert df.columns.tolist() == MENTION_COLUMNS and len(df) == 0
    df = matcher.mentions(list(empty) if not isinstance(empty, pd.Series) else empty, units=True)
    assert df.columns.tolist() == MENTION_COLUMNS + ["paragraph", "sentence"] and len(df) == 0


@pytest.mark.parametrize("empty", [[], iter([]), pd.DataFrame({"text": pd.Series([], dtype=object)})],
                         ids=["list", "iter", "dataframe"])
def test_cooccurrence_of_empty_corpus(matcher: gazetta.Matcher, empty: Any) -> None:
    c = gazetta.cooccurrence(empty, matcher)
    assert c.pairs.columns.tolist() == PAIR_COLUMNS and len(c.pairs) == 0
    assert c.entities.columns.tolist() == ENTITY_COLUMNS and len(c.entities) == 0


def test_cooccurrence_of_empty_corpus_by_group(matcher: gazetta.Matcher) -> None:
    df = pd.DataFrame({"text": pd.Series([], dtype=object), "src": pd.Series([], dtype=object)})
    c = gazetta.cooccurrence(df, matcher, by="src")
    assert c.pairs.columns.tolist() == ["src"] + PAIR_COLUMNS and len(c.pairs) == 0


def test_empty_corpus_file(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"")
    assert matcher.mentions(read_corpus(p)).columns.tolist() == MENTION_COLUMNS
    assert gazetta.cooccurrence(read_corpus(p), matcher).pairs.columns.tolist() == PAIR_COLUMNS


# ---------------------------------------------------------------------------------------------
# Unknown option values: ValueError listing the choices
# ---------------------------------------------------------------------------------------------
MATCHER_OPTIONS = [
    ("case", "upper", ["'smart'", "'sensitive'", "'insensitive'"]),
    ("overlaps", "shortest", ["'longest'", "'all'"]),
    ("ambiguous", "first", ["'all'", "'skip'"]),
    ("fold_accents", "yes", ["True", "False"]),
    ("n_threads", 0, ["None", "positive int"]),
]


@pytest.mark.parametrize("opt, value, choices", MATCHER_OPTIONS, ids=[o[0] for o in MATCHER_OPTIONS])
def test_matcher_option_values(opt: str, value: Any, choices: List[str]) -> None:
    g = gazetta.Gazetteer().add("JP", "Japan")
    with pytest.raises(ValueError, match=opt) as ei:
        gazetta.Matcher(g, **{opt: value})
    assert all(c in str(ei.value) for c in choices) and repr(value) in str(ei.value)


@pytest.mark.parametrize("value, exc, match", [("Japan", TypeError, "not a single str"),
                                                ([3], TypeError, "ignore phrase #0 is int"),
                                                (["..."], GazetteerError, "no letter or digit")],
                         ids=["str", "int-phrase", "punct-phrase"])
def test_matcher_ignore_values(value: Any, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"), ignore=value)


MENTIONS_OPTIONS = [
    ("paragraphs", "double", ["'line'", "'blank'"]),
    ("units", "yes", ["True", "False"]),
    ("progress", "loud", ["True", "False", "None"]),
]


@pytest.mark.parametrize("opt, value, choices", MENTIONS_OPTIONS, ids=[o[0] for o in MENTIONS_OPTIONS])
def test_mentions_option_values(matcher: gazetta.Matcher, opt: str, value: Any, choices: List[str]) -> None:
    with pytest.raises(ValueError, match=opt) as ei:
        matcher.mentions(["Japan"], **{opt: value})
    assert all(c in str(ei.value) for c in choices)


def test_mentions_ids_of_wrong_length(matcher: gazetta.Matcher) -> None:
    with pytest.raises(ValueError, match="ids has 1 entries but there are 2 texts"):
        matcher.mentions(["Japan", "China"], ids=["a"])


COOC_OPTIONS = [
    ("unit", "chapter", ["'document'", "'paragraph'", "'sentence'"]),
    ("paragraphs", "double", ["'line'", "'blank'"]),
    ("count", "pairs", ["'units'", "'mentions'"]),
    ("window", -1, ["None", "non-negative int"]),
    ("min_count", 0, ["positive int"]),
    ("dedupe", "fuzzy", ["'none'", "'exact'", "'near'"]),
    ("n_threads", -2, ["None", "positive int"]),
    ("progress", "loud", ["True", "False", "None"]),
]


@pytest.mark.parametrize("opt, value, choices", COOC_OPTIONS, ids=[o[0] for o in COOC_OPTIONS])
def test_cooccurrence_option_values(matcher: gazetta.Matcher, opt: str, value: Any, choices: List[str]) -> None:
    with pytest.raises(ValueError, match=opt) as ei:
        gazetta.cooccurrence(["Japan China"], matcher, **{opt: value})
    assert all(c in str(ei.value) for c in choices)


def test_cooccurrence_freq_values(matcher: gazetta.Matcher) -> None:
    df = pd.DataFrame({"text": ["Japan China"], "date": ["2024-01-01"]})
    # any pandas period alias is accepted (issue 19); others are named with pandas' reason
    with pytest.raises(ValueError, match=r"freq must be a pandas frequency alias such as 'D', 'W', 'W-MON', "
                                         r"'M' \(or 'ME'\), 'Q', 'Y', '2M'; got 'fortnight' \(pandas: "):
        gazetta.cooccurrence(df, matcher, time="date", freq="fortnight")
    with pytest.raises(ValueError, match="time= and freq= go together"):
        gazetta.cooccurrence(df, matcher, time="date")


def test_cooccurrence_kinds_of_wrong_type(matcher: gazetta.Matcher) -> None:
    """kinds= of the wrong type is a TypeError saying what it takes (issue 8 fix: the message
    was Python's "'int' object is not iterable")."""
    with pytest.raises(TypeError, match=r"kinds must be a kind \(str\) or a set of kinds .*between=\); got 3"):
        gazetta.cooccurrence(["Japan China"], matcher, kinds=3)
    with pytest.raises(TypeError, match="kinds must be"):
        gazetta.cooccurrence(["Japan China"], matcher, kinds=[{"country"}])


READ_CORPUS_OPTIONS = [
    ("on_error", "ignore", ["'raise'", "'skip'"]),
    ("format", "xml", ["'jsonl'", "'parquet'", "'csv'", "'txt'"]),
    ("chunk_size", 0, ["positive int"]),
]


@pytest.mark.parametrize("opt, value, choices", READ_CORPUS_OPTIONS, ids=[o[0] for o in READ_CORPUS_OPTIONS])
def test_read_corpus_option_values(tmp_path: Path, opt: str, value: Any, choices: List[str]) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "Japan"}\n')
    with pytest.raises(ValueError, match=opt) as ei:
        read_corpus(p, **{opt: value})
    assert all(c in str(ei.value) for c in choices)


def test_read_corpus_unknown_extension(tmp_path: Path) -> None:
    p = tmp_path / "c.xml"
    p.write_text("<doc/>")
    with pytest.raises(ValueError, match="cannot tell the format of .*c.xml: pass format= one of 'jsonl'"):
        read_corpus(p)


def test_read_corpus_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such corpus file or folder: .*nope.jsonl"):
        read_corpus(tmp_path / "nope.jsonl")


# ---------------------------------------------------------------------------------------------
# Corpus file problems: CorpusError naming file, line, field
# ---------------------------------------------------------------------------------------------
GOOD = b'{"id": "d1", "text": "Japan and China"}\n'


def _jsonl(tmp_path: Path, bad: bytes, name: str = "c.jsonl") -> Path:
    p = tmp_path / name
    p.write_bytes(GOOD + bad + b"\n" + GOOD)
    return p


@pytest.mark.parametrize("bad, field, what", [
    (b'{"text": "Japan" ', None, "malformed JSON"),
    (b'["Japan"]', None, "expected a JSON object, got a list"),
    (b'{"body": "Japan"}', "text", "no text field 'text'"),
    (b'{"text": 3}', "text", "text field 'text' is a int, not a string"),
    (b'{"text": ["Japan"]}', "text", "text field 'text' is a list"),
    (b'{"text": "Jap\xffan"}', "text", r"\(byte 53\): invalid utf-8 in field 'text'"),
], ids=["malformed-json", "not-an-object", "missing-text", "int-text", "list-text", "invalid-utf8"])
def test_jsonl_bad_record(matcher: gazetta.Matcher, tmp_path: Path, bad: bytes, field: Any, what: str) -> None:
    p = _jsonl(tmp_path, bad)
    with pytest.raises(CorpusError, match=f"c.jsonl, line 2.*{what}") as ei:
        matcher.mentions(read_corpus(p))
    e = ei.value
    assert (Path(e.path).name, e.line, e.field) == ("c.jsonl", 2, field)


def test_jsonl_missing_id_field(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    p = _jsonl(tmp_path, b'{"text": "Japan"}')
    with pytest.raises(CorpusError, match="c.jsonl, line 2: no id field 'id'") as ei:
        matcher.mentions(read_corpus(p, id="id"))
    assert (ei.value.line, ei.value.field) == (2, "id")


def test_jsonl_utf8_bom_is_accepted(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    """A UTF-8 byte order mark on the first line (Windows exports) is not malformed JSON
    (issue 8 fix)."""
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + GOOD)
    assert matcher.mentions(read_corpus(p, id="id"))["doc"].tolist() == ["d1", "d1"]


def test_jsonl_lone_surrogate_escape(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    """JSON may hold a lone surrogate escape; the text works like any other (see above)."""
    p = _jsonl(tmp_path, b'{"text": "Japan \\ud800 China"}')
    assert matcher.mentions(read_corpus(p))["doc"].tolist() == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize("name", ["c.jsonl.gz", "c.csv.gz"])
def test_truncated_gzip(matcher: gazetta.Matcher, tmp_path: Path, name: str) -> None:
    """A truncated .gz file is a CorpusError naming the file (issue 8 fix: it was a bare
    EOFError), also with on_error="skip" (nothing after the damage can be read)."""
    body = (GOOD * 2000) if name.endswith("jsonl.gz") else b"id,text\n" + b"d1,Japan and China\n" * 2000
    data = gzip.compress(body)
    p = tmp_path / name
    p.write_bytes(data[: len(data) // 2])
    for on_error in ("raise", "skip"):
        with pytest.raises(CorpusError, match=f"{name}: the gzip stream is truncated or corrupt") as ei:
            matcher.mentions(read_corpus(p, on_error=on_error))
        assert Path(ei.value.path).name == name


def test_jsonl_skip_counts_every_bad_record(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    """on_error="skip": bad records are dropped, counted, kept (the first 20) and warned about;
    never silently lost."""
    p = tmp_path / "c.jsonl"
    p.write_bytes(GOOD + b'{"text": \n{"body": 1}\n{"text": 3}\n{"text": "\xff"}\n[1]\n\n' + GOOD)
    corpus = read_corpus(p, on_error="skip")
    with pytest.warns(SkippedRecordsWarning, match="skipped 5 bad records"):
        df = matcher.mentions(corpus)
    assert len(df) == 4 and df.attrs["skipped_records"] == 5
    assert corpus.skipped_records == 5 and [e.line for e in corpus.errors] == [2, 3, 4, 5, 6]
    with pytest.warns(SkippedRecordsWarning):
        c = gazetta.cooccurrence(corpus, matcher, unit="document")
    assert c.meta["skipped_records"] == 5 and c.pairs["n"].tolist() == [2]


@pytest.mark.parametrize("content, line, field, what", [
    (b"id,body\nd1,Japan\n", 1, "text", "no text column 'text'"),
    (b"id,text\nd1,Japan\nd2,Chi\xffna\n", 3, "text", r"\(byte 23\): invalid utf-8 in field 'text'"),
    (b"id,text\nd1,Japan\nd2,China,extra\n", 3, None, "malformed CSV .*Expected 2 fields in line 3, saw 3"),
], ids=["missing-text-column", "invalid-utf8", "too-many-fields"])
def test_csv_bad_rows(matcher: gazetta.Matcher, tmp_path: Path, content: bytes, line: int, field: Any,
                      what: str) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(content)
    with pytest.raises(CorpusError, match=f"c.csv, line {line}.*{what}") as ei:
        matcher.mentions(read_corpus(p))
    assert (ei.value.line, ei.value.field) == (line, field)


def test_csv_unterminated_quote_names_the_row(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(b'id,text\nd1,Japan\nd2,"unterminated\n')
    with pytest.raises(CorpusError, match=r"c.csv: malformed CSV .*EOF inside string starting at row 2"):
        matcher.mentions(read_corpus(p))


def test_csv_skip_counts(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\nd1,Japan\nd2,Chi\xffna\nd3,China,extra\nd4,China\n")
    corpus = read_corpus(p, on_error="skip")
    with pytest.warns(SkippedRecordsWarning, match="skipped 2 bad records"):
        df = matcher.mentions(corpus)
    assert df["surface"].tolist() == ["Japan", "China"] and corpus.skipped_records == 2


def test_txt_folder_invalid_utf8_names_the_file(matcher: gazetta.Matcher, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Japan")
    (tmp_path / "b.txt").write_bytes(b"Chi\xffna")
    with pytest.raises(CorpusError, match=r"b.txt, line 1 \(byte 3\): invalid utf-8") as ei:
        matcher.mentions(read_corpus(tmp_path))
    assert ei.value.field == "text"
    corpus = read_corpus(tmp_path, on_error="skip")
    with pytest.warns(SkippedRecordsWarning, match="skipped 1 bad record"):
        assert matcher.mentions(corpus)["surface"].tolist() == ["Japan"]


def test_matcher_load_of_bad_files(tmp_path: Path) -> None:
    """docs/matching.md: save/load use a versioned format; other files are a GazettaError naming the
    file, never a panic."""
    m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"))
    good = tmp_path / "m.gazetta"
    m.save(good)
    data = good.read_bytes()
    cases = {"truncated": (data[: len(data) // 2], "truncated"),
             "garbage": (b"\x00\xff" * 10, "not a gazetta matcher file"),
             "other-json": (json.dumps({"format": "x"}).encode(), "not a gazetta matcher file"),
             "version": (data.replace(b'"version":1', b'"version":99'), "format version 99")}
    for name, (content, what) in cases.items():
        p = tmp_path / name
        p.write_bytes(content)
        with pytest.raises(gazetta.GazettaError, match=f"{name}: cannot load matcher: .*{what}"):
            gazetta.Matcher.load(p)


def test_no_panic_reaches_python_on_odd_unicode(matcher: gazetta.Matcher) -> None:
    """Characters that stress the normaliser (combining marks alone, ligatures, case maps that
    change length, noncharacters) never raise, and offsets index the str."""
    text = "\u0301Japan\u0301 ǅ İstanbul ß ﬁ \ufdd0 \U0010ffff China\u200d Ⅻ ＪＡＰＡＮ " * 3
    for m in (matcher, gazetta.Matcher(matcher.gazetteer, case="insensitive", fold_accents=True)):
        for x in m.find(text):
            assert text[x.start:x.end].lower().replace("\u0301", "") in {"japan", "china"}
