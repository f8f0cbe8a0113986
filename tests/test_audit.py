"""The alias audit (issue 17, item 5): ``gazetta.audit`` and ``gazetta audit``.

Every flag on a small example, the table's counts against ``Matcher.mentions``, sampling
(same seed, same contexts; uniform; the same however the corpus is chunked or streamed), the
corpus inputs, the HTML display and the command line.
"""

from __future__ import annotations

import collections
import json
import os
import stat
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta.audit import FLAGS, AliasAudit, Context
from gazetta.cli import main

from external_data import CORPORA, NO_CORPORA  # noqa: E402 (tests/ is on sys.path, see conftest.py)

needs_corpora = pytest.mark.skipif(not (CORPORA / "reuters21578.jsonl.gz").is_file(), reason=NO_CORPORA)


def _row(a: AliasAudit, alias: str, entity: str = None) -> pd.Series:
    t = a.table
    sel = t[(t["alias"] == alias) & ((t["entity"] == entity) if entity else True)]
    assert len(sel) == 1, f"{alias!r}: {len(sel)} rows"
    return sel.iloc[0]


def _flags(a: AliasAudit, alias: str) -> set:
    r = _row(a, alias)
    return {f for f in FLAGS if r[f]}


# --------------------------------------------------------------------------------------------
# the table
def test_counts_share_and_columns():
    g = (gazetta.Gazetteer().add("KP", "North Korea", kind="country", aliases=["DPRK"])
         .add("JP", "Japan", kind="country"))
    docs = ["North Korea and the DPRK.", "DPRK, DPRK.", "Japan.", None, "nothing"]
    a = gazetta.audit(g, docs)
    t = a.table
    assert list(t.columns[:9]) == ["entity", "name", "kind", "alias", "matches", "documents", "share", "suspicion",
                                   "flag_names"]
    assert set(FLAGS) <= set(t.columns)
    assert {"lower_in_corpus", "other_case_in_corpus", "in_names_share", "top_names", "all_caps_share",
            "unresolved", "resolved_by", "contexts"} <= set(t.columns)
    dprk = _row(a, "DPRK")
    assert (dprk["matches"], dprk["documents"], dprk["share"]) == (3, 2, 0.75)
    assert (dprk["name"], dprk["kind"]) == ("North Korea", "country")
    assert _row(a, "North Korea")["share"] == 0.25
    assert _row(a, "Japan")["share"] == 1.0
    # the same counts as Matcher.mentions
    men = gazetta.Matcher(g).mentions(docs)
    want = men.groupby(["entity", "alias"], observed=True).size()
    got = t.set_index(["entity", "alias"])["matches"]
    assert got.sort_index().to_dict() == want.sort_index().to_dict()
    assert a.meta["n_docs"] == 5 and a.meta["n_mentions"] == len(men)
    assert len(a) == 3


def test_all_aliases_lists_the_unmatched():
    g = gazetta.Gazetteer().add("KP", "North Korea", aliases=["DPRK"]).add("JP", "Japan")
    a = gazetta.audit(g, ["Japan."])
    assert a.table["alias"].tolist() == ["Japan"]
    b = gazetta.audit(g, ["Japan."], all_aliases=True)
    assert set(b.table["alias"]) == {"Japan", "North Korea", "DPRK"}
    r = _row(b, "DPRK")
    assert r["matches"] == 0 and r["documents"] == 0 and r["contexts"] == () and pd.isna(r["share"])


def test_empty_corpus_and_no_matches():
    g = gazetta.Gazetteer().add("JP", "Japan")
    for docs in ([], ["nothing here"]):
        a = gazetta.audit(g, docs)
        assert len(a.table) == 0 and a.meta["n_mentions"] == 0
        assert "no aliases" in a.to_text()
        assert "<table>" in a._repr_html_()


# --------------------------------------------------------------------------------------------
# flags
def test_short_and_lowercase():
    g = gazetta.Gazetteer().add("GB", "United Kingdom", aliases=["UK", "blighty", "Kenyan*", "Iraq"])
    a = gazetta.audit(g, ["The UK, blighty, Kenyans, Iraq and the United Kingdom."])
    assert _flags(a, "UK") == {"short"}
    assert _flags(a, "blighty") == {"lowercase"}
    assert _flags(a, "Kenyan*") == set()  # the glob star is not counted: 6 letters
    assert _flags(a, "Iraq") == set() and _flags(a, "United Kingdom") == set()
    assert _row(a, "UK")["suspicion"] == 1 and _row(a, "UK")["flag_names"] == "short"


def test_ambiguous_in_the_gazetteer_and_in_the_spans():
    g = gazetta.Gazetteer().add("GE", "Georgia").add("US-GA", "Georgia State", aliases=["Georgia"])
    a = gazetta.audit(gazetta.Matcher(g, ambiguous="all"), ["Georgia votes."])
    for ent in ("GE", "US-GA"):
        r = _row(a, "Georgia", ent)
        assert r["ambiguous"] and r["unresolved"] == 1
    # listed for several entities, even when the matcher drops the shared spans
    b = gazetta.audit(gazetta.Matcher(g, ambiguous="skip"), ["Georgia State. Georgia votes."], all_aliases=True)
    assert _row(b, "Georgia", "GE")["ambiguous"] and _row(b, "Georgia", "GE")["matches"] == 0
    assert not _row(b, "Georgia State")["ambiguous"]
    # spans that several aliases match, though no alias text is shared ("smart" case: TURKEY)
    c = gazetta.Gazetteer().add("TR", "Turkey").add("X", "TURKEY")
    r = _row(gazetta.audit(gazetta.Matcher(c, ambiguous="all"), ["TURKEY rose."]), "Turkey")
    assert r["ambiguous"] and r["unresolved"] == 1


def test_common_word_from_the_corpus_itself():
    g = gazetta.Gazetteer().add("AU", "Australia", aliases=["Oz"]).add("TD", "Chad")
    docs = ["Gold rose 3 dlrs an oz, silver 1 dlr an oz; 5 oz, 7 oz, 9 oz.", "Oz won. Chad and chad."]
    a = gazetta.audit(g, docs)
    oz = _row(a, "Oz")
    assert (oz["lower_in_corpus"], oz["other_case_in_corpus"]) == (5, 1)
    assert oz["common_word"]
    assert not _row(a, "Chad")["common_word"]  # 1 lower-case use: fewer than COMMON_MIN
    # at least as often in lower case as otherwise: 5 lower against 6 others is not enough
    b = gazetta.audit(g, docs + ["Oz won. " * 5])
    assert not _row(b, "Oz")["common_word"]
    # ... but capitalised uses inside other names ("Oz Bank") do not count as the name
    b = gazetta.audit(g, docs + ["Oz Bank said. " * 5])
    assert _row(b, "Oz")["other_case_in_corpus"] == 6 and _row(b, "Oz")["common_word"]
    # the rule can be switched off (no second pass)
    c = gazetta.audit(g, docs, common_words=False)
    assert not _row(c, "Oz")["common_word"] and pd.isna(_row(c, "Oz")["lower_in_corpus"])


def test_common_word_never_for_lowercase_aliases_or_scripts_without_case():
    g = gazetta.Gazetteer().add("X", "x-land", aliases=["oz"]).add("JP", "日本")
    a = gazetta.audit(g, ["oz oz oz oz oz oz 日本 日本"])
    assert not _row(a, "oz")["common_word"] and _row(a, "oz")["lowercase"]
    assert _flags(a, "日本") == {"short"}


def test_in_names_next_and_previous_word():
    g = (gazetta.Gazetteer().add("GE", "Georgia").add("ZA", "South Africa", aliases=["SA"])
         .add("FR", "France"))
    docs = ["Shares of Georgia Power rose, and Georgia Gulf fell.",
            "Shares of Peugeot SA fell. SA is South Africa to some.",
            "In France, prices rose. France won. The French and France."]
    a = gazetta.audit(g, docs)
    ge = _row(a, "Georgia")
    assert ge["in_names"] and ge["in_names_share"] == 1.0
    assert ge["top_names"] == "Georgia Gulf 1; Georgia Power 1"
    sa = _row(a, "SA")
    assert sa["in_names_share"] == 0.5 and sa["in_names"] and sa["top_names"] == "Peugeot SA 1"
    fr = _row(a, "France")  # "In France": "In" begins a sentence; "France won": no name after
    assert fr["in_names_share"] == 0.0 and not fr["in_names"]


def test_in_names_sentence_and_paragraph_starts_and_line_wraps():
    g = gazetta.Gazetteer().add("GE", "Georgia")
    a = gazetta.audit(g, ["Ended.\nThe Georgia vote.", "x.\n\nAtlanta Georgia", "It said.  \"Now Georgia",
                          "officials said\nToday Georgia", "in the\nGeorgia rally"])
    # "The", "Atlanta" (after a blank line), "Now" (after a quote) begin sentences or
    # paragraphs; "Today" after a wrapped line does not
    assert _row(a, "Georgia")["in_names_share"] == pytest.approx(1 / 5)
    assert _row(a, "Georgia")["top_names"] == "Today Georgia 1"
    # an indented line begins a paragraph (wire copy); punctuation ends a run
    b = gazetta.audit(g, ["said.\n    Atlanta Georgia", "Atlanta, Georgia", "Georgia's Power", "Georgia-Pacific"])
    assert _row(b, "Georgia")["in_names_share"] == 0.0


def test_in_names_ignores_all_caps_neighbours_in_all_caps_text():
    g = gazetta.Gazetteer().add("US", "United States", aliases=["US"]).add("GB", "United Kingdom", aliases=["UK"])
    a = gazetta.audit(g, ["US TRADE DEFICIT WIDENS", "said IBM UK said", "said Barclays UK said"])
    assert _row(a, "US")["in_names_share"] == 0.0
    assert _row(a, "UK")["in_names_share"] == 0.5 and _row(a, "UK")["top_names"] == "Barclays UK 1"


def test_all_caps():
    g = gazetta.Gazetteer().add("AU", "Australia", aliases=["Oz"]).add("US", "United States", aliases=["US"])
    a = gazetta.audit(g, ["SILVER 1,000 OZ; GOLD 100 OZ.", "Oz won.", "The US said."])
    oz = _row(a, "Oz")
    assert oz["all_caps"] and oz["all_caps_share"] == pytest.approx(2 / 3)
    assert not _row(a, "US")["all_caps"]  # an alias in capitals is never flagged for them


def test_suspicion_order():
    g = (gazetta.Gazetteer().add("AU", "Australia", aliases=["Oz"]).add("GB", "United Kingdom", aliases=["UK"])
         .add("FR", "France").add("DE", "Germany"))
    docs = ["GOLD 100 OZ; GOLD 5 OZ. UK, UK. France, France, France. Germany.", "an oz, an oz, an oz, 1 oz, 2 oz"]
    t = gazetta.audit(g, docs).table
    assert t["alias"].tolist() == ["Oz", "UK", "France", "Germany"]
    assert t["suspicion"].tolist() == [5, 1, 0, 0]  # common_word + all_caps (2 each) + short (1)
    assert t.loc[0, "flag_names"] == "common_word, all_caps, short"


def test_resolved_ambiguity_ranks_below_names_tickers_and_undecided_spans():
    """An alias shared with a small town that the prior always settles is flagged ambiguous
    but weighs 1; matches inside names or tickers (in_names) and spans left undecided
    (undecided) weigh 2 and come first."""
    g = (gazetta.Gazetteer()
         .add("FR", "France", kind="country", prior=68_000_000)
         .add("FR-TX", "France", kind="city", prior=2_000)
         .add("KR", "South Korea", kind="country", aliases=["ROK"])
         .add("US-GA", "Georgia", kind="region", prior=10_700_000)
         .add("GE", "Georgia", kind="country", prior=3_700_000))
    docs = ["France and France again.", "Shares of <ROK> rose; <ROK> said.", "Georgia voted.", "Georgia won."]
    a = gazetta.audit(g, docs)
    fr = _row(a, "France", "FR")
    assert fr["ambiguous"] and fr["suspicion"] == 1 and fr["resolved_by"] == "prior 2"
    rok = _row(a, "ROK")
    assert rok["in_names"] and rok["top_names"] == "<ROK> 2"
    ga = _row(a, "Georgia", "US-GA")
    assert ga["undecided"] and ga["ambiguous"] and ga["suspicion"] == 3
    t = a.table
    order = t["alias"].tolist()
    assert order.index("ROK") < order.index("France") and order.index("Georgia") < order.index("France")


# --------------------------------------------------------------------------------------------
# sampling
DOCS = [f"Doc {i}: Japan met China in Japan; China said {'Japan ' * (i % 3)}." for i in range(60)]
GAZ = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China")


def _contexts(a: AliasAudit) -> dict:
    return {(e, al): tuple(cs) for e, al, cs in zip(a.table["entity"], a.table["alias"], a.table["contexts"])}


def test_same_seed_same_contexts_other_seed_others():
    a = gazetta.audit(GAZ, DOCS, n=4, seed=7)
    b = gazetta.audit(GAZ, DOCS, n=4, seed=7)
    c = gazetta.audit(GAZ, DOCS, n=4, seed=8)
    assert _contexts(a) == _contexts(b)
    assert _contexts(a) != _contexts(c)
    for cs in _contexts(a).values():
        assert len(cs) == 4
        assert list(cs) == sorted(cs, key=lambda x: (x.doc, x.start))  # corpus order
        assert len(set((x.doc, x.start) for x in cs)) == 4  # without replacement
        for x in cs:
            assert isinstance(x, Context) and DOCS[x.doc][x.start:x.end] == x.match


def test_fewer_matches_than_n_gives_all_of_them_and_n_zero_none():
    a = gazetta.audit(GAZ, ["Japan and China.", "Japan."], n=5)
    assert [c.doc for c in _row(a, "Japan")["contexts"]] == [0, 1]
    assert all(cs == () for cs in gazetta.audit(GAZ, DOCS, n=0).table["contexts"])


def test_sampling_does_not_depend_on_chunking_or_streaming(tmp_path):
    p = tmp_path / "news.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i, t in enumerate(DOCS):
            print(json.dumps({"id": i, "text": t}), file=f)
    base = gazetta.audit(GAZ, DOCS, n=3, seed=3)
    variants = [gazetta.audit(GAZ, gazetta.read_corpus(p, id="id", chunk_size=cs), n=3, seed=3)
                for cs in (1, 700, 10**6)]
    variants.append(gazetta.audit(GAZ, (t for t in DOCS), n=3, seed=3))
    variants.append(gazetta.audit(GAZ, pd.Series(DOCS), n=3, seed=3))
    variants.append(gazetta.audit(GAZ, pd.DataFrame({"body": DOCS}), n=3, seed=3, text="body"))
    want = base.table.drop(columns="contexts")
    for v in variants:
        pd.testing.assert_frame_equal(v.table.drop(columns="contexts"), want)
        assert _contexts(v) == _contexts(base)


def test_sampling_is_uniform():
    # 800 aliases with 8 matches each (one document each), 3 sampled per alias: every
    # position is drawn with probability 3/8 (expected 300 of 800; the keys are fixed by the
    # seed, so the bounds, about 4 standard deviations, are checked once, not by chance)
    g = gazetta.Gazetteer()
    for i in range(800):
        g.add(f"E{i}", f"Place{i}")
    docs = [f"Place{i} " * 8 for i in range(800)]
    a = gazetta.audit(g, docs, n=3, seed=0, common_words=False)
    pos = collections.Counter(c.start // len(f"Place{c.doc} ") for cs in a.table["contexts"] for c in cs)
    assert sorted(pos) == list(range(8)) and sum(pos.values()) == 2400
    assert all(245 <= k <= 355 for k in pos.values()), pos


# --------------------------------------------------------------------------------------------
# corpus inputs
def test_ids_from_dataframes_dicts_read_corpus_and_ids(tmp_path):
    docs = ["Japan.", "China and Japan."]
    want = {("JP", "Japan"): ["a", "b"], ("CN", "China"): ["b"]}

    def docs_of(a):
        return {k: [c.doc for c in v] for k, v in _contexts(a).items()}

    df = pd.DataFrame({"txt": docs, "key": ["a", "b"]})
    assert docs_of(gazetta.audit(GAZ, df, text="txt", id="key")) == want
    assert docs_of(gazetta.audit(GAZ, [{"body": t, "key": k} for t, k in zip(docs, "ab")], text="body",
                                 id="key")) == want
    assert docs_of(gazetta.audit(GAZ, docs, ids=["a", "b"])) == want
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"key": k, "text": t}) + "\n" for k, t in zip("ab", docs)))
    a = gazetta.audit(GAZ, gazetta.read_corpus(p, id="key"))
    assert docs_of(a) == want and a.meta["corpus"]["format"] == "jsonl"
    assert docs_of(gazetta.audit(GAZ, docs)) == {("JP", "Japan"): [0, 1], ("CN", "China"): [1]}


def test_arrow_texts():
    pytest.importorskip("pyarrow")
    s = pd.Series(DOCS, dtype="string[pyarrow]")
    a = gazetta.audit(GAZ, s, n=2, seed=1)
    assert _contexts(a) == _contexts(gazetta.audit(GAZ, DOCS, n=2, seed=1))


def test_bad_arguments():
    with pytest.raises(ValueError, match="n must be"):
        gazetta.audit(GAZ, DOCS, n=-1)
    with pytest.raises(ValueError, match="seed must be"):
        gazetta.audit(GAZ, DOCS, seed=1.5)
    with pytest.raises(ValueError, match="width must be"):
        gazetta.audit(GAZ, DOCS, width=-2)
    with pytest.raises(ValueError, match="all_aliases must be True or False"):
        gazetta.audit(GAZ, DOCS, all_aliases="yes")
    with pytest.raises(ValueError, match="ids has 1 entries but there are 60 texts"):
        gazetta.audit(GAZ, DOCS, ids=["x"])
    with pytest.raises(KeyError, match="'body'"):
        gazetta.audit(GAZ, pd.DataFrame({"text": DOCS}), text="body")
    with pytest.raises(KeyError, match="'key'"):
        gazetta.audit(GAZ, pd.DataFrame({"text": DOCS}), id="key")
    with pytest.raises(ValueError, match="pass ids="):
        gazetta.audit(GAZ, DOCS, id="key")
    with pytest.raises(TypeError, match="single str"):
        gazetta.audit(GAZ, "Japan")


def test_resolved_by_is_summarised():
    """How the matcher chose among several entities (``resolved_by``) is counted per alias."""
    g = (gazetta.Gazetteer().add("GE", "Georgia").add("US-GA", "Georgia State", aliases=["Georgia"])
         .add("TB", "Tbilisi", parent="GE"))
    docs = ["Georgia votes. Georgia again.", "Tbilisi, Georgia.", "Georgia"]
    a = gazetta.audit(gazetta.Matcher(g, ambiguous="resolve"), docs)
    ge, ga = _row(a, "Georgia", "GE"), _row(a, "Georgia", "US-GA")
    assert (ge["matches"], ge["unresolved"], ge["resolved_by"]) == (4, 3, "none 3, context 1")
    assert (ga["matches"], ga["unresolved"], ga["resolved_by"]) == (3, 3, "none 3")
    assert ge["ambiguous"] and _row(a, "Tbilisi")["resolved_by"] == ""


def test_with_the_default_matcher_options():
    # whatever the default disambiguation is, the audit runs and counts every reported mention
    g = gazetta.Gazetteer().add("GE", "Georgia", prior=3_700_000).add("US-GA", "Georgia State", aliases=["Georgia"],
                                                                         prior=10_700_000)
    m = gazetta.Matcher(g)
    docs = ["Georgia votes. Georgia State too."]
    a = gazetta.audit(m, docs)
    assert a.table["matches"].sum() == len(m.mentions(docs))


# --------------------------------------------------------------------------------------------
# display
def test_html_display_and_file(tmp_path):
    g = gazetta.Gazetteer().add("FR", "France")
    a = gazetta.audit(g, ["<b>In France</b> & co."])
    h = a._repr_html_()
    assert "<mark>France</mark>" in h and "&lt;b&gt;In " in h and "&amp; co" in h
    assert "<b>In" not in h
    p = tmp_path / "sub" / "audit.html"
    assert a.to_html(p) is None
    page = p.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark>France</mark>" in page
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~mask
    assert not [x for x in p.parent.iterdir() if x.name != "audit.html"]  # no temporary file left
    many = gazetta.audit(GAZ, DOCS)
    assert "1 more rows" in many.to_html(max_rows=1)
    sa = gazetta.audit(gazetta.Gazetteer().add("ZA", "South Africa", aliases=["SA"]), ["Shares of Peugeot SA fell."])
    h = sa._repr_html_()
    assert "in names: Peugeot SA 1" in h and "title='at most 3 characters'" in h


def test_text_listing_fits_in_100_columns():
    a = gazetta.audit(GAZ, [d + " " + "x" * 300 for d in DOCS], width=200)
    text = a.to_text(width=100)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "Japan" in repr(a) and "aliases" in repr(a)


def test_flat_table_for_files():
    a = gazetta.audit(GAZ, ["Japan and China."], width=4)
    f = a.flat()
    assert f.loc[f["alias"] == "Japan", "contexts"].item() == "0: [Japan] and"
    assert a.contexts.columns.tolist() == ["entity", "alias", "doc", "start", "end", "left", "match", "right"]
    assert len(a.contexts) == 2


# --------------------------------------------------------------------------------------------
# command line
@pytest.fixture()
def corpus_file(tmp_path):
    pd.DataFrame({"id": ["ZA", "JP", "CN"], "name": ["South Africa", "Japan", "China"],
                  "aliases": ["SA", "", ""]}).to_csv(tmp_path / "gaz.csv", index=False)
    p = tmp_path / "news.jsonl"
    rows = [{"id": f"d{i}", "body": t} for i, t in enumerate(DOCS[:10] + ["Shares of Peugeot SA fell."])]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_cli_audit_prints_and_writes(corpus_file, tmp_path, capsys):
    out = tmp_path / "audit.csv"
    gaz = str(tmp_path / "gaz.csv")
    assert main(["audit", str(corpus_file), "-g", gaz, "--text", "body", "--id", "id", "--top", "3",
                 "--n", "2", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Alias audit:" in printed and printed.splitlines()[-1].endswith(f"-> {out}")
    assert max(len(line) for line in printed.splitlines()[:-1]) <= 100
    got = pd.read_csv(out)
    want = gazetta.audit(gazetta.Gazetteer.read_csv(gaz), gazetta.read_corpus(corpus_file, text="body", id="id"), n=2)
    assert got["alias"].tolist() == want.table["alias"].tolist()
    assert got["matches"].tolist() == want.table["matches"].tolist()
    assert "d10: Shares of Peugeot [SA] fell" in got.loc[got["alias"] == "SA", "contexts"].item()
    assert "Peugeot SA 1" in printed
    html_out = tmp_path / "audit.html"
    assert main(["audit", str(corpus_file), "-g", gaz, "--text", "body", "-q", "-o", str(html_out)]) == 0
    assert capsys.readouterr().out == ""
    assert "<mark>" in html_out.read_text(encoding="utf-8")


def test_cli_audit_bad_usage(corpus_file, tmp_path, capsys):
    assert main(["audit", str(corpus_file), "-g", "countries", "--text", "body", "-o", str(tmp_path / "a.xlsx")]) == 2
    assert "output format" in capsys.readouterr().err
    assert main(["audit", str(corpus_file), "-g", "countries", "--n", "-1"]) == 2
    assert main(["audit", str(tmp_path / "missing.jsonl"), "-g", "countries"]) == 1
    assert main(["--help"]) == 0 and "audit" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# real news
@needs_corpora
@pytest.mark.shared
def test_reuters_wire_copy():
    """Aliases known to go wrong on Reuters-21578 come out flagged: "SA" is mostly a company
    suffix ("Centromin SA"), "Oz" matches "OZ" (ounces) in price tables, "America" stands in
    "Latin America" and "Bank of America"."""
    g = (gazetta.Gazetteer().add("ZA", "South Africa", aliases=["SA"]).add("AU", "Australia", aliases=["Oz"])
         .add("US", "United States", aliases=["U.S.", "America"]).add("FR", "France"))
    # every capitalised run kept: the default (capitalized_runs="companies") already drops the
    # 80 "America" matches inside firms' names ("Bank of America Corp"), and then fewer than
    # half of the rest stand in a run
    a = gazetta.audit(gazetta.Matcher(g, capitalized_runs="keep"),
                      gazetta.read_corpus(CORPORA / "reuters21578.jsonl.gz", id="id"))
    assert a.meta["n_docs"] == 21578
    assert {"in_names", "short"} <= _flags(a, "SA")
    assert {"all_caps", "common_word", "short"} <= _flags(a, "Oz")
    assert "in_names" in _flags(a, "America") and "Latin America" in _row(a, "America")["top_names"]
    assert _flags(a, "France") == set() and _flags(a, "U.S.") == set()
    # flagged by the corpus first, most matches first: America (516), SA (134), Oz (6)
    assert a.table["alias"].tolist()[:3] == ["America", "SA", "Oz"]


def test_common_word_counts_aliases_that_match_the_same_words():
    # a glob and a literal, and one word under two spellings, all find the same words
    g = (gazetta.Gazetteer().add("KE", "Kenya", aliases=["Kenyan*", "Kenyans"]).add("AU", "Australia", aliases=["Oz"])
         .add("X", "X", aliases=["OZ", "O-Z"]))
    a = gazetta.audit(g, ["kenyans, kenyans and Kenyans; oz oz Oz OZ"], all_aliases=True)
    counts = {al: (lo, ot) for al, lo, ot in zip(a.table["alias"], a.table["lower_in_corpus"],
                                                 a.table["other_case_in_corpus"])}
    assert counts["Kenyan*"] == counts["Kenyans"] == (2, 1)
    assert counts["Oz"] == counts["OZ"] == (2, 2)


def test_audit_counts_repeated_texts():
    """The audit says how many documents repeat an earlier text (empty ones aside), which
    co-occurrence counts again unless dedupe='exact'."""
    g = gazetta.Gazetteer().add("JP", "Japan")
    a = gazetta.audit(g, ["Japan.", "Japan.", "Other.", "", "", "Japan."], seed=0)
    assert a.meta["repeated_texts"] == 2
    assert "2 documents repeat an earlier document's text exactly" in repr(a)
    assert "repeat an earlier document" in a.to_html()
    assert gazetta.audit(g, ["Japan.", "China."], seed=0).meta["repeated_texts"] == 0


def test_unplaced_flags_a_place_whose_surroundings_never_come_up():
    """``unplaced``: an entity with a parent whose documents (at least 5) almost never mention
    a relative (ancestor, descendant, same parent) is flagged; one that comes with its
    region is not, nor is an entity without a parent (nothing to measure)."""
    g = (gazetta.Gazetteer()
         .add("HK", "Hong Kong", kind="country").add("OLY", "Olympic", kind="city", parent="HK")
         .add("KOW", "Kowloon", kind="city", parent="HK")
         .add("US", "United States", kind="country").add("FL", "Florida", kind="region", parent="US")
         .add("GNV", "Gainesville", kind="city", parent="FL"))
    docs = ([f"The Olympic champion won race {i}." for i in range(6)]
            + [f"Gainesville, Florida, voted on item {i}." for i in range(6)]
            + ["Hong Kong and Kowloon."])
    a = gazetta.audit(gazetta.Matcher(g), docs, n=0)
    t = a.table.set_index("alias")
    assert bool(t.at["Olympic", "unplaced"]) and t.at["Olympic", "placed_share"] == 0.0
    assert "unplaced" in t.at["Olympic", "flag_names"] and t.at["Olympic", "suspicion"] >= 2
    assert not t.at["Gainesville", "unplaced"] and t.at["Gainesville", "placed_share"] == 1.0
    assert not t.at["Florida", "unplaced"]  # its child is in every document
    assert np.isnan(t.at["Hong Kong", "placed_share"]) and not t.at["Hong Kong", "unplaced"]
    assert not t.at["Kowloon", "unplaced"]  # one document: too few to say
    assert a.meta["rules"]["unplaced_min_docs"] == 5
    # two undecided Springfields of one state are no evidence for each other
    g2 = (gazetta.Gazetteer().add("US", "United States", kind="country")
          .add("IL", "Illinois", kind="region", parent="US")
          .add("S1", "Springfield", kind="city", parent="IL").add("S2", "Springfield", kind="city", parent="IL"))
    t2 = gazetta.audit(gazetta.Matcher(g2), [f"The Springfield champion won race {i}." for i in range(6)], n=0).table
    assert t2["unplaced"].tolist() == [True, True] and t2["placed_share"].tolist() == [0.0, 0.0]
