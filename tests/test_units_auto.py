"""paragraphs="auto" (the default): hard-wrapped text is read as "blank", other text as "line".

Small wrapped and unwrapped examples, the indentation rule of "blank", the per-mode document
counts in ``.meta``, independence from chunking and threads, and (with the shared corpora)
the decisions on Reuters-21578 and BBC News.
"""

from __future__ import annotations

import gzip
import json
import textwrap
from pathlib import Path
from typing import List

import pandas as pd
import pytest

import gazetta
from gazetta.text import paragraph_mode

from external_data import CORPORA, NO_CORPORA  # noqa: E402 (tests/ is on sys.path, see conftest.py)

needs_corpora = pytest.mark.skipif(not (CORPORA / "reuters21578.jsonl.gz").is_file(), reason=NO_CORPORA)

# Hard-wrapped wire copy in the style of Reuters-21578: wrapped near 62 columns, paragraphs
# indented by four spaces, the first line short (a dateline was cut off).
WRAPPED = """Japan will ask the United States
to ease its curbs on imports of Japanese microchips when trade
officials meet in Tokyo next week, government sources said.
    The sources said Japan would also raise the issue of South
Korea's exports of chips to the United States, which have grown
sharply since the pact was signed last year.
    Officials from both countries declined to comment."""

# Scraped news: a headline, then one paragraph per line.
SCRAPED = """Japan and US to meet on chips
Japan will ask the United States to ease its curbs on imports of Japanese microchips.
Officials from both countries declined to comment.
South Korea's exports of chips have grown sharply."""


def _spans(text: str, **kw: str) -> List[str]:
    return [text[s:e] for s, e in gazetta.sentences(text, **kw)]


def _gazetteer() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("JP", "Japan", kind="country")
            .add("US", "United States", kind="country")
            .add("KR", "South Korea", kind="country"))


def test_wrapped_text_is_read_as_blank() -> None:
    assert paragraph_mode(WRAPPED) == "blank"
    assert _spans(WRAPPED) == _spans(WRAPPED, paragraphs="blank")
    assert len(_spans(WRAPPED)) == 3
    assert _spans(WRAPPED)[0].startswith("Japan will ask") and _spans(WRAPPED)[0].endswith("said.")
    # Read line by line, every line is a "sentence".
    assert len(_spans(WRAPPED, paragraphs="line")) == 7
    assert gazetta.paragraphs(WRAPPED) == gazetta.paragraphs(WRAPPED, "blank")
    assert len(gazetta.paragraphs(WRAPPED)) == 3


def test_scraped_text_is_read_as_line() -> None:
    assert paragraph_mode(SCRAPED) == "line"
    assert _spans(SCRAPED) == _spans(SCRAPED, paragraphs="line")
    # The headline stays a unit of its own (it would merge with the next sentence in "blank").
    assert _spans(SCRAPED)[0] == "Japan and US to meet on chips"
    assert len(_spans(SCRAPED, paragraphs="blank")) == 3


@pytest.mark.parametrize("text", [
    "",
    "One sentence only.",
    "Title\n\nFirst paragraph, long enough to be a paragraph of its own.\n\nSecond one.",
    "x" * 200 + "\nand a second line that goes on in lower case",
    "NY COCOA 12:30\n MAY7  1924 OFF 10\n JUL7  1957 OFF 10\n SEP7  1985 OFF 4",
    "Prices - April 7\nWheat\t21,044.6\t20,398.3\nSoybeans\t14,334.2\t14,063.5",
])
def test_other_texts_are_read_as_line(text: str) -> None:
    assert paragraph_mode(text) == "line"


def test_wrapping_any_unwrapped_text_makes_it_blank() -> None:
    body = ("The two governments said on Monday that they would resume talks on the "
            "dispute over fishing rights in the North Sea, which broke down last year "
            "after a collision between two trawlers. Officials said a first round could "
            "take place in Oslo before the end of the month.")
    for width in (50, 60, 70, 80):
        for sep in ("\n\n", "\n    "):
            text = sep.join([textwrap.fill(body, width), textwrap.fill(body, width)])
            assert paragraph_mode(text) == "blank", (width, sep)
            assert paragraph_mode(text.replace("\n", "\r\n")) == "blank"


def test_indented_lines_start_paragraphs_in_blank() -> None:
    text = "Wheat rose,\ndealers said.\n    steers - choice 2-3\n1100-1300 lbs 66.50.\n    Hogs were steady."
    got = [text[s:e] for s, e in gazetta.paragraphs(text, "blank")]
    assert got == ["Wheat rose,\ndealers said.", "steers - choice 2-3\n1100-1300 lbs 66.50.", "Hogs were steady."]
    # Indented throughout: no paragraph rule (a quotation, a code block).
    text = "    All of it\n    indented."
    assert [text[s:e] for s, e in gazetta.paragraphs(text, "blank")] == ["All of it\n    indented."]
    # One space is no indentation.
    assert len(gazetta.paragraphs("a\n b\nc", "blank")) == 1
    # The sentence splitter follows: a paragraph break always ends a sentence.
    assert _spans("It rose\n    sharply.", paragraphs="blank") == ["It rose", "sharply."]


def test_bad_mode_names_the_choices() -> None:
    with pytest.raises(ValueError, match="'auto', 'line', 'blank'"):
        gazetta.sentences("x", paragraphs="wrapped")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'auto', 'line', 'blank'"):
        gazetta.paragraphs("x", "lines")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="auto"):
        gazetta.cooccurrence(["x"], _gazetteer(), paragraphs="Auto")  # type: ignore[arg-type]


def test_cooccurrence_reads_each_document_its_way() -> None:
    g = _gazetteer()
    docs = [WRAPPED, SCRAPED, "", "Japan and South Korea."]
    co = gazetta.cooccurrence(docs, g)
    assert co.meta["paragraphs"] == "auto"
    assert co.meta["paragraphs_auto"] == {"blank": 1, "line": 3}
    # Each document counted as it is read: the wrapped one as "blank", the others as "line".
    wrapped = gazetta.cooccurrence([WRAPPED], g, paragraphs="blank")
    rest = gazetta.cooccurrence(docs[1:], g, paragraphs="line")
    both = pd.concat([wrapped.pairs, rest.pairs]).groupby(["a", "b"])["n_ab"].sum()
    assert co.pairs.set_index(["a", "b"])["n_ab"].sort_index().equals(both.sort_index())
    assert co.groups["n"].sum() == wrapped.groups["n"].sum() + rest.groups["n"].sum()
    # Japan and the United States share the wrapped text's second sentence only when it is
    # read across its line breaks ("...Japan would also raise the issue of South⏎Korea's
    # exports of chips to the United States").
    jp_us = co.pairs.set_index(["a", "b"]).loc[("JP", "US"), "n_ab"]
    line = gazetta.cooccurrence(docs, g, paragraphs="line").pairs.set_index(["a", "b"])
    assert jp_us == 3 and line.loc[("JP", "US"), "n_ab"] == 2
    # Fixed modes and document units read nothing.
    assert gazetta.cooccurrence(docs, g, paragraphs="line").meta["paragraphs_auto"] is None
    assert gazetta.cooccurrence(docs, g, unit="document").meta["paragraphs_auto"] is None
    assert gazetta.cooccurrence(docs, g, unit="paragraph").meta["paragraphs_auto"] == {"blank": 1, "line": 3}


def test_counts_merge_and_evidence_follows_the_reading() -> None:
    g = _gazetteer()
    a = gazetta.cooccurrence([WRAPPED, SCRAPED], g)
    b = gazetta.cooccurrence([WRAPPED], g)
    assert a.merge(b).meta["paragraphs_auto"] == {"blank": 2, "line": 1}
    ev = a.evidence("JP", "US")
    assert (ev["text"].str.contains("\n")).any()  # a wrapped sentence, line breaks and all


def test_independent_of_chunking_and_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetta import _input

    g = _gazetteer()
    docs = [WRAPPED, SCRAPED, "", "Japan and South Korea.", WRAPPED.replace("\n    ", "\n\n")] * 7
    ref = gazetta.cooccurrence(docs, g, n_threads=1)
    monkeypatch.setattr(_input, "CHUNK_CHARS", 300)
    for n_threads in (1, 2, 3):
        co = gazetta.cooccurrence(iter(docs), g, n_threads=n_threads)
        assert co.meta["paragraphs_auto"] == ref.meta["paragraphs_auto"] == {"blank": 14, "line": 21}
        assert co.pairs.equals(ref.pairs)
    frame = pd.DataFrame({"text": docs})
    assert gazetta.cooccurrence(frame, g).pairs.equals(ref.pairs)


def test_mentions_units_use_auto() -> None:
    m = gazetta.Matcher(_gazetteer())
    # The second Japan and the second United States are in one sentence of the wrapped text
    # (read as "blank"), on two lines of it.
    df = m.mentions([WRAPPED], units=True)
    jp, us = df[df["entity"] == "JP"].iloc[1], df[df["entity"] == "US"].iloc[1]
    assert jp["sentence"] == us["sentence"] == 1 and jp["paragraph"] == us["paragraph"] == 1
    df = m.mentions([WRAPPED], units=True, paragraphs="line")
    jp, us = df[df["entity"] == "JP"].iloc[1], df[df["entity"] == "US"].iloc[1]
    assert jp["sentence"] != us["sentence"]


def _load(name: str) -> List[str]:
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as f:
        return [json.loads(line).get("text") or "" for line in f]


@needs_corpora
@pytest.mark.shared
def test_reuters_and_bbc_decisions() -> None:
    """Reuters is hard-wrapped (all but empty texts and tables read as "blank"); BBC News
    has blank-line paragraphs and long lines (all "line"); the first Reuters article gives
    20 sentences instead of 58."""
    reuters = _load("reuters21578.jsonl.gz")
    modes = pd.Series([paragraph_mode(t) for t in reuters])
    counts = modes.value_counts().to_dict()
    assert counts["blank"] > 17_000 and counts["blank"] + counts["line"] == 21_578
    nonempty = pd.Series([bool(t.strip()) for t in reuters])
    assert (modes[nonempty] == "blank").mean() > 0.85
    assert len(gazetta.sentences(reuters[0], paragraphs="line")) == 58
    assert len(gazetta.sentences(reuters[0])) == 20
    bbc = _load("bbc_news.jsonl.gz")
    assert all(paragraph_mode(t) == "line" for t in bbc)
    co = gazetta.cooccurrence(reuters[:2000], gazetta.gazetteers.countries())
    auto = co.meta["paragraphs_auto"]
    assert auto["blank"] + auto["line"] == 2000 and auto["blank"] > 1500
