"""One test per matching rule of docs/matching.md, on its own examples.

Every case is checked twice: ``gazetta.Matcher`` must give the expected mentions, and so must
the brute-force reference of ``tests/reference.py`` (which keeps the oracle honest). A case
is ``(entities, text, expected)`` with ``entities`` a list of ``(id, name, aliases)`` and
``expected`` the list of ``(surface, entity)`` in output order (or ``(start, end, entity)``
where offsets are the point).
"""

from __future__ import annotations

from typing import Any, List, Sequence, Tuple

import pytest

import gazetta
from conftest import reference_for, rows

Entities = Sequence[Tuple[str, str, Sequence[Any]]]


def gaz(entities: Entities) -> gazetta.Gazetteer:
    g = gazetta.Gazetteer()
    for eid, name, aliases in entities:
        g.add(eid, name, aliases=list(aliases))
    return g


def found(entities: Entities, text: str, **options: Any) -> List[Tuple[str, str]]:
    """``(surface, entity)`` of each mention; asserts that the reference agrees exactly."""
    g = gaz(entities)
    got = rows(gazetta.Matcher(g, **options), text)
    assert got == reference_for(g, **options).find(text)
    return [(text[s:e], ent) for s, e, ent, _a, _amb, _how in got]


def spans(entities: Entities, text: str, **options: Any) -> List[Tuple[int, int, str]]:
    """``(start, end, entity)`` of each mention; asserts that the reference agrees exactly."""
    g = gaz(entities)
    got = rows(gazetta.Matcher(g, **options), text)
    assert got == reference_for(g, **options).find(text)
    return [(s, e, ent) for s, e, ent, _a, _amb, _how in got]


KOREAS = [("KP", "North Korea", []), ("KR", "South Korea", ["Korea"])]


# --------------------------------------------------------------------------------------------
# normalised comparison (docs/matching.md)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["North\nKorea", "North  Korea", "North\tKorea", "North\u00a0Korea",
                                  "North \r\n\t Korea", "North\u2003Korea", "North\u3000Korea"])
def test_whitespace_runs_compare_as_one_space(text: str) -> None:
    """Normalised comparison (docs/matching.md): any run of Unicode whitespace (space, tab, newline, NBSP, ...) is one space;
    the surface is the original text, whitespace run included."""
    assert found(KOREAS, text) == [(text, "KP")]


def test_whitespace_runs_in_aliases() -> None:
    """Normalised comparison (docs/matching.md): the alias is normalised too ("North  Korea" ≡ "North\\tKorea")."""
    ents = [("KP", "North Korea", ["North  Korea", "DPRK"])]
    assert found([("KP", "DPRK", ["North\t Korea"])], "North Korea") == [("North Korea", "KP")]
    assert found(ents, "in North\n\nKorea") == [("North\n\nKorea", "KP")]


def test_information_separators_are_not_whitespace() -> None:
    """Normalised comparison (docs/matching.md): whitespace is Unicode White_Space; U+001F (which Python's ``str.isspace``
    accepts) is not, so it does not join "North" and "Korea"."""
    assert found(KOREAS, "North\x1fKorea") == [("Korea", "KR")]


@pytest.mark.parametrize("apostrophe", ["'", "’", "‘", "‛", "ʼ", "`", "´", "′"])
def test_apostrophe_variants(apostrophe: str) -> None:
    """Normalised comparison (docs/matching.md): apostrophe variants compare as ``'``: "Russia’s" contains "Russia", and
    "Côte d'Ivoire" matches with any variant. U+02BC is an apostrophe, not a letter (docs/matching.md, Word boundaries)."""
    ents = [("RU", "Russia", []), ("CI", "Côte d'Ivoire", [])]
    text = f"Russia{apostrophe}s envoy to Côte d{apostrophe}Ivoire"
    assert found(ents, text) == [("Russia", "RU"), (f"Côte d{apostrophe}Ivoire", "CI")]


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212",
                                  "\ufe63", "\uff0d"])
def test_dash_variants(dash: str) -> None:
    """Normalised comparison (docs/matching.md): dash variants (U+2010–U+2015, U+2212, U+FE63, U+FF0D, "-") compare as "-":
    "Guinea–Bissau" (U+2013) matches the alias "Guinea-Bissau" and vice versa."""
    assert found([("GW", "Guinea-Bissau", [])], f"in Guinea{dash}Bissau.") == [(f"Guinea{dash}Bissau", "GW")]
    assert found([("GW", "Guinea\u2013Bissau", [])], f"Guinea{dash}Bissau") == [(f"Guinea{dash}Bissau", "GW")]


# --------------------------------------------------------------------------------------------
# word boundaries (docs/matching.md)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("the U.S.-led coalition", [("U.S.", "US")]),
    ("said the U.S.", [("U.S.", "US")]),
    ("Koreans", []),
    ("Korea's", [("Korea", "KR")]),
    ("Korea-Japan", [("Korea", "KR")]),
    ("G77", []),
    ("AG7", []),
    ("G7-led", [("G7", "G7")]),
    ("G7.", [("G7", "G7")]),
    ("Korea\u0301", []),  # a combining mark is a word character
    ("Korea2", []),  # so is a digit
    ("Korea٣", []),  # of any script
    ("Korea_", [("Korea", "KR")]),  # "_" is punctuation (Pc), not a word character
])
def test_word_boundaries(text: str, expected: List[Tuple[str, str]]) -> None:
    """Word boundaries (docs/matching.md): where an alias begins (ends) with a word character (L*, M*, N*), the text
    character before (after) must not be one. "U.S." matches in "U.S.-led" and "the U.S.",
    "Korea" not in "Koreans", "G7" not in "G77"."""
    ents = [("US", "United States", ["U.S."]), ("KR", "South Korea", ["Korea"]), ("G7", "G7", [])]
    assert found(ents, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("北朝鮮は", [("北朝鮮", "KP-ja")]),
    ("北朝鮮の核", [("北朝鮮", "KP-ja")]),
    ("は北朝鮮", [("北朝鮮", "KP-ja")]),
    ("북한은", [("북한", "KP-ko")]),
    ("남북한은", [("북한", "KP-ko")]),
    ("日本とKorea", [("Korea", "KR")]),  # an ASCII alias after an unspaced-script character
    ("Korea는", [("Korea", "KR")]),
    ("éKorea", []),  # but not after a letter of a spaced script
])
def test_unspaced_scripts_need_no_boundary(text: str, expected: List[Tuple[str, str]]) -> None:
    """Word boundaries (docs/matching.md): at an edge where the alias's character or its text neighbour belongs to an
    unspaced script (Han, Kana, Hangul, Thai, ...), no boundary is needed: 北朝鮮 matches in
    北朝鮮は, 북한 in 북한은."""
    ents = [("KP-ja", "北朝鮮", []), ("KP-ko", "북한", []), ("KR", "South Korea", ["Korea"])]
    assert found(ents, text) == expected


def test_thai_needs_no_boundary() -> None:
    """Word boundaries (docs/matching.md): Thai is written without spaces: ไทย (Thailand) matches inside a run of Thai."""
    assert found([("TH", "ไทย", [])], "ประเทศไทยมี") == [("ไทย", "TH")]


def test_alias_beginning_with_a_non_word_character() -> None:
    """Word boundaries (docs/matching.md): only an alias edge that *is* a word character needs a boundary, so
    "'s-Hertogenbosch" (beginning with an apostrophe) matches with any apostrophe variant and
    right after a letter; its end still needs one."""
    ents = [("NL-HB", "'s-Hertogenbosch", [])]
    assert found(ents, "in 's-Hertogenbosch.") == [("'s-Hertogenbosch", "NL-HB")]
    assert found(ents, "in ’s-Hertogenbosch") == [("’s-Hertogenbosch", "NL-HB")]
    assert found(ents, "Den Bosch('s-Hertogenbosch)") == [("'s-Hertogenbosch", "NL-HB")]
    assert found(ents, "x's-Hertogenbosch") == [("'s-Hertogenbosch", "NL-HB")]
    assert found(ents, "'s-Hertogenboschs") == []


# --------------------------------------------------------------------------------------------
# case (docs/matching.md)
# --------------------------------------------------------------------------------------------
def test_smart_case() -> None:
    """Case (docs/matching.md): with case="smart" (default) the text matches the alias exactly or in all
    capitals: "Turkey" matches Turkey and TURKEY, not turkey; "US" only US; "WHO" only WHO."""
    ents = [("TR", "Turkey", []), ("US", "United States", ["US"]), ("WHO", "World Health Organization", ["WHO"])]
    text = "Turkey TURKEY turkey TurKey US us Us uS WHO who Who"
    assert found(ents, text) == [("Turkey", "TR"), ("TURKEY", "TR"), ("US", "US"), ("WHO", "WHO")]


def test_sensitive_case() -> None:
    """Case (docs/matching.md): case="sensitive" matches exactly."""
    assert found([("TR", "Turkey", [])], "Turkey TURKEY turkey", case="sensitive") == [("Turkey", "TR")]


def test_insensitive_case() -> None:
    """Case (docs/matching.md): case="insensitive" compares per-character simple lowercase."""
    got = found([("TR", "Turkey", []), ("US", "United States", ["US"])], "turkey TuRkEy TURKEY us",
                case="insensitive")
    assert got == [("turkey", "TR"), ("TuRkEy", "TR"), ("TURKEY", "TR"), ("us", "US")]


def test_case_mappings_preserve_length() -> None:
    """Case (docs/matching.md): simple case mappings are length-preserving: "ß" does not equal "ss" (nor
    "SS"), and "İ" (whose full lowercase is two characters) is its own lowercase."""
    ents = [("DE-ST", "Straße", [])]
    assert found(ents, "STRASSE Strasse strasse", case="insensitive") == []
    assert found(ents, "STRAßE straße", case="insensitive") == [("STRAßE", "DE-ST"), ("straße", "DE-ST")]
    # smart: all capitals by per-character simple uppercase, so ß stays ß
    assert found(ents, "STRAßE STRASSE") == [("STRAßE", "DE-ST")]
    assert found([("TR-IS", "istanbul", [])], "İstanbul Istanbul", case="insensitive") == [("Istanbul", "TR-IS")]


def test_per_alias_case_overrides_the_matcher() -> None:
    """Per-alias options (docs/gazetteers.md): an alias record's ``case`` overrides the matcher's for that alias only."""
    ents = [("US", "United States", [{"text": "us", "case": "insensitive"}]),
            ("TR", "Turkey", [{"text": "Turkey", "case": "sensitive"}]),
            ("KE", "Kenya", [])]
    assert found(ents, "US, Us, TURKEY, Turkey, KENYA, kenya") == [
        ("US", "US"), ("Us", "US"), ("Turkey", "TR"), ("KENYA", "KE")]
    # matcher insensitive, alias record back to smart
    ents = [("WHO", "World Health Organization", [{"text": "WHO", "case": "smart"}]), ("KE", "Kenya", [])]
    assert found(ents, "who WHO kenya", case="insensitive") == [("WHO", "WHO"), ("kenya", "KE")]


# --------------------------------------------------------------------------------------------
# accents (docs/matching.md)
# --------------------------------------------------------------------------------------------
SAO_PAULO_FORMS = ["São Paulo", "Sa\u0303o Paulo", "Sao Paulo", "SÃO PAULO", "SA\u0303O PAULO"]


@pytest.mark.parametrize("alias", ["Sao Paulo", "São Paulo", "Sa\u0303o Paulo"])
def test_fold_accents(alias: str) -> None:
    """Accents (docs/matching.md): with fold_accents=True letters compare without combining marks: "Sao Paulo"
    ≡ "São Paulo", precomposed ≡ decomposed; the surface keeps the text's marks."""
    text = " | ".join(SAO_PAULO_FORMS)
    assert found([("BR-SP", alias, [])], text, fold_accents=True) == [(f, "BR-SP") for f in SAO_PAULO_FORMS]


def test_no_folding_by_default() -> None:
    """Accents (docs/matching.md): fold_accents=False is the default: "Sao Paulo" does not match "São Paulo".
    Canonical equivalence is part of folding (docs/matching.md, Accents), so without it the precomposed alias does
    not match the decomposed text either."""
    ents = [("BR-SP", "São Paulo", [])]
    assert found(ents, "Sao Paulo, São Paulo, Sa\u0303o Paulo, SÃO PAULO") == [
        ("São Paulo", "BR-SP"), ("SÃO PAULO", "BR-SP")]


def test_folded_marks_stay_inside_the_mention() -> None:
    """Accents and Offsets (docs/matching.md): a mark dropped by folding after the alias's last letter belongs to the
    mention (it no longer breaks the boundary), and the surface is the original slice."""
    assert found([("BR-SP", "Sao", [])], "Sao\u0301 x", fold_accents=True) == [("Sao\u0301", "BR-SP")]
    assert found([("BR-SP", "Sao", [])], "Sao\u0301 x") == []


def test_per_alias_fold_overrides_the_matcher() -> None:
    """Per-alias options (docs/gazetteers.md): an alias record's ``fold_accents`` overrides the matcher's."""
    ents = [("BR-SP", "São Paulo", [{"text": "Sao Paulo", "fold_accents": True}]), ("MX", "México", [])]
    assert found(ents, "Sao Paulo; São Paulo; Mexico; México") == [
        ("Sao Paulo", "BR-SP"), ("São Paulo", "BR-SP"), ("México", "MX")]
    ents = [("MX", "México", [{"text": "Mexico", "fold_accents": False}])]
    assert found(ents, "Mexico México", fold_accents=True) == [("Mexico", "MX"), ("México", "MX")]
    ents = [("MX", "Mexico", [{"text": "Mexico", "fold_accents": False}])]
    assert found(ents, "Mexico México", fold_accents=True) == [("Mexico", "MX")]


# --------------------------------------------------------------------------------------------
# overlaps (docs/matching.md)
# --------------------------------------------------------------------------------------------
def test_longest_leftmost_wins() -> None:
    """Overlaps (docs/matching.md): overlaps="longest": the leftmost candidate, the longest among those, wins and
    every candidate overlapping it is skipped: "North Korea" wins over "Korea"; of "New York"
    and "York City" in "New York City" the leftmost wins."""
    assert found(KOREAS, "North Korea and Korea") == [("North Korea", "KP"), ("Korea", "KR")]
    ents = [("NY", "New York", []), ("YC", "York City", [])]
    assert found(ents, "New York City") == [("New York", "NY")]


def test_boundaries_filter_before_resolution() -> None:
    """Overlaps (docs/matching.md): aliases "Congo" and "Congo Republic" on "Congo Republics" yield "Congo": the
    longer one fails its boundary, so it never was a candidate."""
    ents = [("CD", "Congo", []), ("CG", "Congo Republic", [])]
    assert found(ents, "Congo Republics") == [("Congo", "CD")]
    assert found(ents, "Congo Republic.") == [("Congo Republic", "CG")]


def test_overlaps_all() -> None:
    """Overlaps (docs/matching.md): overlaps="all" reports every candidate, nested and overlapping ones, ordered
    by start, then longer first."""
    assert spans(KOREAS, "North Korea", overlaps="all") == [(0, 11, "KP"), (6, 11, "KR")]
    ents = [("NY", "New York", []), ("YC", "York City", []), ("Y", "York", [])]
    assert spans(ents, "New York City", overlaps="all") == [(0, 8, "NY"), (4, 13, "YC"), (4, 8, "Y")]


# --------------------------------------------------------------------------------------------
# ambiguity (docs/matching.md)
# --------------------------------------------------------------------------------------------
GEORGIAS = [("GE", "Georgia", []), ("US-GA", "Georgia", ["GA"])]


def test_ambiguous_spans_are_reported_per_entity() -> None:
    """Ambiguity (docs/matching.md): with ambiguous="all" a span matched by aliases of several entities is
    reported once per entity (in gazetteer order), each row flagged ambiguous and labelled
    "none" (not resolved)."""
    g = gaz(GEORGIAS)
    got = rows(gazetta.Matcher(g, ambiguous="all"), "Georgia and GA")
    assert got == [(0, 7, "GE", "Georgia", True, "none"), (0, 7, "US-GA", "Georgia", True, "none"),
                   (12, 14, "US-GA", "GA", False, "")]
    assert got == reference_for(g, ambiguous="all").find("Georgia and GA")


def test_ambiguous_spans_are_resolved_by_default() -> None:
    """The default ambiguous="resolve": "GA" names only the US state, so in the same text the
    shared "Georgia" is the state too (one sense per document); alone it stays undecided."""
    g = gaz(GEORGIAS)
    m = gazetta.Matcher(g)
    assert rows(m, "Georgia and GA") == [(0, 7, "US-GA", "Georgia", False, "document"),
                                         (12, 14, "US-GA", "GA", False, "")]
    assert rows(m, "Georgia") == [(0, 7, "GE", "Georgia", True, "none"), (0, 7, "US-GA", "Georgia", True, "none")]
    for text in ("Georgia and GA", "Georgia"):
        assert rows(m, text) == reference_for(g).find(text)


def test_ambiguous_skip() -> None:
    """Ambiguity (docs/matching.md): ambiguous="skip" drops ambiguous spans; resolution (docs/matching.md, Overlaps) comes first, so a
    skipped span still hides the shorter candidates inside it."""
    assert found(GEORGIAS, "Georgia and GA", ambiguous="skip") == [("GA", "US-GA")]
    ents = GEORGIAS + [("NG", "New Georgia", []), ("NG2", "New Georgia Sound", ["New Georgia"])]
    assert found(ents, "New Georgia", ambiguous="skip") == []
    assert found(ents, "New Georgia", ambiguous="skip", overlaps="all") == []


def test_one_row_per_span_and_entity() -> None:
    """Ambiguity (docs/matching.md): two aliases of *one* entity on the same span are one row, not ambiguous,
    naming the alias listed first in the gazetteer."""
    ents = [("KR", "South Korea", ["Korea", {"text": "KOREA", "case": "insensitive"}])]
    g = gaz(ents)
    for opts in ({}, {"overlaps": "all"}):
        assert rows(gazetta.Matcher(g, **opts), "Korea") == [(0, 5, "KR", "Korea", False, "")]
        assert reference_for(g, **opts).find("Korea") == [(0, 5, "KR", "Korea", False, "")]


# --------------------------------------------------------------------------------------------
# ignore phrases (docs/matching.md)
# --------------------------------------------------------------------------------------------
def test_ignore_phrases() -> None:
    """Ignore phrases (docs/matching.md): ignore phrases compete as candidates but are never reported:
    ignore=["Jordan Peterson", "New Mexico"] stops "Jordan" and "Mexico" inside them."""
    ents = [("JO", "Jordan", []), ("MX", "Mexico", [])]
    text = "Jordan Peterson visited New Mexico, not Jordan or Mexico. JORDAN PETERSON"
    assert found(ents, text, ignore=["Jordan Peterson", "New Mexico"]) == [("Jordan", "JO"), ("Mexico", "MX")]


def test_ignore_phrase_equal_to_an_alias() -> None:
    """Ignore phrases (docs/matching.md): a span that is both an ignore phrase and an alias is dropped."""
    ents = [("TD", "Chad", []), ("JO", "Jordan", [])]
    assert found(ents, "Chad and Jordan", ignore=["Chad"]) == [("Jordan", "JO")]


def test_ignore_with_overlaps_all() -> None:
    """Overlaps and Ignore phrases (docs/matching.md): with overlaps="all" every candidate is reported, so an ignore phrase only
    removes its own span."""
    ents = [("JO", "Jordan", []), ("MX", "Mexico", []), ("US-NM", "New Mexico", [])]
    got = spans(ents, "Jordan Peterson in New Mexico", ignore=["Jordan Peterson", "New Mexico"], overlaps="all")
    assert got == [(0, 6, "JO"), (23, 29, "MX")]


# --------------------------------------------------------------------------------------------
# offsets (docs/matching.md)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("prefix", ["", "😀 ", "🇰🇷 ", "日本と ", "e\u0301 ", "Sa\u0303o ", "𝕏 ", "\r\n\t ", "’—"])
def test_offsets_are_code_points(prefix: str) -> None:
    """Offsets (docs/matching.md): offsets are Python ``str`` indices (code points) into the original text, so
    ``text[start:end]`` is the surface, whatever precedes it (emoji, CJK, combining marks,
    astral characters, collapsed whitespace, mapped punctuation)."""
    text = prefix + "North\n Korea and Korea’s"
    n = len(prefix)
    for opts in ({}, {"fold_accents": True}, {"case": "insensitive"}):
        assert spans(KOREAS, text, **opts) == [(n, n + 12, "KP"), (n + 17, n + 22, "KR")]
    df = gazetta.Matcher(gaz(KOREAS)).mentions([text])
    assert df["start"].tolist() == [n, n + 17]
    assert [text[s:e] for s, e in zip(df["start"], df["end"])] == df["surface"].tolist()


# --------------------------------------------------------------------------------------------
# alias syntax: globs and escaped stars (docs/gazetteers.md)
# --------------------------------------------------------------------------------------------
def test_globs() -> None:
    """docs/gazetteers.md: a trailing ``*`` is a glob: ``Kenyan*`` matches a word that begins with
    "Kenyan" (Kenyan, Kenyans) and the mention spans the whole word; smart case applies to the
    literal part (KENYANS)."""
    ents = [("KE", "Kenya", ["Kenyan*"])]
    text = "Kenyans, a Kenyan, KENYANS, kenyans, Kenya, Kenyan-born, Kenyanness"
    assert found(ents, text) == [("Kenyans", "KE"), ("Kenyan", "KE"), ("KENYANS", "KE"), ("Kenya", "KE"),
                                 ("Kenyan", "KE"), ("Kenyanness", "KE")]
    assert found([("KE", "Kenya", ["Kenyan*"])], "XKenyans") == []


def test_glob_stops_at_unspaced_scripts() -> None:
    """docs/gazetteers.md, Aliases; docs/sentences.md, Tokens: a glob extends over the rest of the word, and each character of an unspaced
    script is a word of its own, so the extension stops there."""
    assert found([("KE", "Kenya", ["Kenyan*"])], "Kenyan人") == [("Kenyan", "KE")]
    assert found([("CN", "China", ["中*"])], "中国人") == [("中", "CN")]


def test_escaped_star_is_literal() -> None:
    """docs/gazetteers.md: ``\\*`` is a literal star."""
    ents = [("ET", "E*Trade", []), ("Y", "Yahoo", [r"Yahoo\*"])]
    assert found(ents, "E*Trade and Yahoo* and Yahoo") == [("E*Trade", "ET"), ("Yahoo*", "Y"), ("Yahoo", "Y")]


def test_alias_whitespace_is_stripped() -> None:
    """docs/gazetteers.md: leading/trailing whitespace of an alias is stripped."""
    assert found([("KE", "Kenya", ["  Nairobi\t"])], "Nairobi") == [("Nairobi", "KE")]
