"""One test per context rule (``docs/resolution.md``), each on a small example.

Phrase rules (``not_before`` / ``not_after`` on an entity or on one alias) and capitalised runs
(``capitalized_runs="skip"``) remove candidates before overlaps are resolved. Every case is
checked twice: ``gazetta.Matcher`` must give the expected mentions, and so must the
brute-force reference of ``tests/reference.py`` (which keeps the oracle honest); the removal
counts in ``mentions(...).attrs`` must equal the reference's too.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence, Tuple

import pytest

import gazetta
from conftest import reference_for, rows

Case = Tuple[str, List[Tuple[str, str]]]


def found(g: gazetta.Gazetteer, text: str, **options: Any) -> List[Tuple[str, str]]:
    """``(surface, entity)`` of each mention of ``text``; asserts that the reference gives the
    same rows and that ``mentions`` counts the same removals."""
    m = gazetta.Matcher(g, **options)
    got = rows(m, text)
    ref, by_rules, by_runs = reference_for(g, **options).run(text)
    assert got == ref, (text, options)
    attrs = m.mentions([text]).attrs
    assert (attrs["removed_by_rules"], attrs["removed_by_runs"]) == (by_rules, by_runs), (text, options)
    return [(text[s:e], ent) for s, e, ent, _a, _amb, _how in got]


def removed(g: gazetta.Gazetteer, texts: Sequence[str], **options: Any) -> Dict[str, int]:
    """The removal counts of ``mentions`` over ``texts`` (and checks them against the
    reference's, summed over the texts)."""
    attrs = gazetta.Matcher(g, **options).mentions(list(texts)).attrs
    ref = reference_for(g, **options)
    want = [0, 0]
    for t in texts:
        _, a, b = ref.run(t)
        want[0] += a
        want[1] += b
    got = {"rules": attrs["removed_by_rules"], "runs": attrs["removed_by_runs"]}
    assert [got["rules"], got["runs"]] == want
    return got


# --------------------------------------------------------------------------------------------
# phrase rules
# --------------------------------------------------------------------------------------------
def georgia_and_america() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("GE", "Georgia", kind="country", not_before=["Power", "Pacific", "Bulldog*", "National Park"])
            .add("US", "United States", kind="country", aliases=["America"], not_after=["Latin", "Bank of"]))


@pytest.mark.parametrize("text,expected", [
    ("shares of Georgia Power rose", []),
    ("Georgia  POWER", []),  # smart case: the phrase as written or in capitals
    ("Georgia power", [("Georgia", "GE")]),  # ... not in lower case
    ("Georgia\nPower", []),  # any whitespace run, line breaks included
    ("Georgia Powers", [("Georgia", "GE")]),  # a literal phrase ends at a word boundary
    ("Georgia Power's", []),
    ("the Georgia Bulldogs won", []),  # "Bulldog*" is a glob
    ("the Georgia Bulldog won", []),
    ("the Georgia National  Park", []),  # a phrase of two words, whitespace compared as one space
    ("the Georgia National Parks", [("Georgia", "GE")]),
    ("Georgia, Power", [("Georgia", "GE")]),  # punctuation is not a separator
    ("Power Georgia", [("Georgia", "GE")]),  # not_before looks after the candidate only
])
def test_not_before(text: str, expected: List[Tuple[str, str]]) -> None:
    """An entity's ``not_before`` phrases remove a candidate of any of its aliases when one of
    them directly follows it: after whitespace only, compared like an alias (smart case, a
    whitespace run as one space, a word boundary after a literal phrase, a trailing ``*`` a
    glob)."""
    assert found(georgia_and_america(), text) == expected


@pytest.mark.parametrize("text,expected", [
    ("in Latin America", []),
    ("in LATIN America", []),
    ("in Latin\nAmerica", []),
    ("in Latina America", [("America", "US")]),  # a literal phrase starts at a word boundary
    ("in XLatin America", [("America", "US")]),
    ("Latin. America", [("America", "US")]),
    ("the Bank of  America tower", []),
    ("America Latin", [("America", "US")]),  # not_after looks before the candidate only
    ("the United States and Latin America", [("United States", "US")]),
])
def test_not_after(text: str, expected: List[Tuple[str, str]]) -> None:
    """An entity's ``not_after`` phrases remove a candidate when one of them directly precedes
    it ("America" not after "Latin")."""
    assert found(georgia_and_america(), text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Georgia-Pacific said", []),
    ("Georgia - Pacific said", []),
    ("Georgia –Pacific said", []),  # en dash
    ("Georgia\u2011Pacific", []),  # non-breaking hyphen
    ("Georgia--Pacific", [("Georgia", "GE")]),  # one dash only
    ("Georgia/Pacific", [("Georgia", "GE")]),
    ("Georgia_Pacific", [("Georgia", "GE")]),
    ("Latin-America", []),
    ("Latin — America", []),  # em dash with spaces
])
def test_separators(text: str, expected: List[Tuple[str, str]]) -> None:
    """A phrase is directly next to a candidate when only whitespace, or one hyphen or dash
    (any dash variant, with or without whitespace around it), stands between them."""
    assert found(georgia_and_america(), text) == expected


@pytest.mark.parametrize("case,text,expected", [
    ("smart", "Georgia power", [("Georgia", "GE")]),
    ("smart", "GEORGIA POWER", []),
    ("sensitive", "Georgia POWER", [("Georgia", "GE")]),
    ("sensitive", "Georgia Power", []),
    ("insensitive", "georgia power", []),
    ("insensitive", "Georgia pOwEr", []),
])
def test_phrases_follow_the_matcher_case(case: str, text: str, expected: List[Tuple[str, str]]) -> None:
    """An entity's phrases compare with the matcher's ``case`` option, like its aliases."""
    assert found(georgia_and_america(), text, case=case) == expected


def test_phrases_follow_accent_folding() -> None:
    """With ``fold_accents=True`` phrases compare without combining marks, like aliases."""
    g = gazetta.Gazetteer().add("BR", "Brazil", aliases=["Brasil"], not_after=["Banco do"])
    assert found(g, "o Banco do Brasil", fold_accents=True) == []
    assert found(g, "o Banco dó Brasil", fold_accents=True) == []
    assert found(g, "o Banco dó Brasil") == [("Brasil", "BR")]


def test_glob_phrase_before_the_candidate() -> None:
    """A glob in ``not_after`` matches a word that begins with the phrase ("Latin*": Latinos),
    still from a word boundary."""
    g = gazetta.Gazetteer().add("US", "United States", aliases=["America"], not_after=["Latin*"])
    assert found(g, "Latinos America") == []
    assert found(g, "Latin America") == []
    assert found(g, "XLatin America") == [("America", "US")]
    assert found(g, "Latinos, America") == [("America", "US")]


def test_alias_rules_apply_to_their_alias_only() -> None:
    """An alias record's ``not_before`` / ``not_after`` remove that alias's candidates only
    ("SA" after "Telkom"); the entity's other aliases still match there."""
    g = gazetta.Gazetteer().add("ZA", "South Africa", aliases=[{"text": "SA", "not_after": ["Telkom"]}])
    assert found(g, "Telkom SA shares") == []
    assert found(g, "Telkom South Africa shares") == [("South Africa", "ZA")]
    assert found(g, "SA shares") == [("SA", "ZA")]


def test_alias_rules_use_the_alias_case() -> None:
    """An alias's own phrases compare with that alias's ``case`` (here sensitive, while the
    matcher is smart)."""
    g = gazetta.Gazetteer().add("US-GA", "Georgia",
                                aliases=[{"text": "GA", "case": "sensitive", "not_before": ["Tech"]}])
    assert found(g, "GA Tech") == []
    assert found(g, "GA TECH") == [("GA", "US-GA")]


def test_entity_rules_also_apply_to_aliases_with_rules_of_their_own() -> None:
    """The entity's ``not_before`` applies to every alias of the entity, also to one that has
    rules of its own: both lists remove candidates."""
    g = gazetta.Gazetteer().add("GE", "Georgia", not_before=["Power"],
                                aliases=[{"text": "Georgy", "not_before": ["Tech"]}])
    assert found(g, "Georgy Tech") == []
    assert found(g, "Georgy Power") == []


def test_a_long_whitespace_run_is_still_a_separator() -> None:
    """Whitespace only, however much of it, separates a phrase from a candidate."""
    g = gazetta.Gazetteer().add("GE", "Georgia", not_before=["Power"])
    assert found(g, "Georgia" + " " * 40 + "Power") == []


def test_rules_remove_candidates_before_overlaps_are_resolved() -> None:
    """A candidate removed by a rule no longer competes: the shorter candidate inside it wins
    ("New Georgia" not before "Sound" leaves "Georgia")."""
    g = gazetta.Gazetteer().add("NG", "New Georgia", not_before=["Sound"]).add("GE", "Georgia")
    assert found(g, "the New Georgia Sound") == [("Georgia", "GE")]
    assert found(g, "on New Georgia today") == [("New Georgia", "NG")]


def test_a_rule_removes_one_sense_of_a_shared_name() -> None:
    """A rule removes the candidates of its own entity only: of the two Georgias, only the
    state is left before "Power", so the span is no longer ambiguous."""
    g = (gazetta.Gazetteer().add("GE", "Georgia", not_before=["Power"]).add("US-GA", "Georgia"))
    m = gazetta.Matcher(g)
    assert rows(m, "Georgia Power") == [(0, 7, "US-GA", "Georgia", False, "")]
    assert rows(m, "Georgia Power") == reference_for(g).find("Georgia Power")
    assert found(g, "Georgia", ambiguous="all") == [("Georgia", "GE"), ("Georgia", "US-GA")]


def test_removals_are_counted() -> None:
    """Every candidate a rule removes is counted in ``mentions(...).attrs["removed_by_rules"]``
    (one per candidate: both senses of a shared name, each time)."""
    g = gazetta.Gazetteer().add("GE", "Georgia", not_before=["Power"]).add("US-GA", "Georgia", not_before=["Power"])
    assert removed(g, ["Georgia Power and Georgia Power", "Georgia", "Georgia Power"]) == {"rules": 6, "runs": 0}
    assert removed(g, ["Georgia"]) == {"rules": 0, "runs": 0}


# --------------------------------------------------------------------------------------------
# person names (person_after)

def _people() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("FR", "France", aliases=["French"], person_after=["Monica", "Mr."])
            .add("IE", "Ireland", person_after=["James"])
            .add("GB-SCT", "Scotland"))


@pytest.mark.parametrize("text,expected", [
    # the name itself, and the surname used alone elsewhere in the document
    ("Monica French runs the office. French said the audit was fine.", []),
    ("French said the audit was fine, added Monica French.", []),  # before the full name too
    ("Mr. French agreed; French left.", []),
    # without the full name the word is the country's
    ("French said the audit was fine.", [("French", "FR")]),
    # an article: a people, not a surname
    ("Monica French said the French team won.", [("French", "FR")]),
    # in a list with another mention: the place again
    ("James Ireland may play. Ireland and Scotland players were rested.",
     [("Ireland", "IE"), ("Scotland", "GB-SCT")]),
    ("James Ireland may play. Scotland, Ireland were rested.", [("Scotland", "GB-SCT"), ("Ireland", "IE")]),
    ("James Ireland may play. Scotland v Ireland today.", [("Scotland", "GB-SCT"), ("Ireland", "IE")]),
    # whitespace alone is no list
    ("James Ireland may play. Scotland Ireland today.", [("Scotland", "GB-SCT")]),
    # other words of the same entity are not the name ("France" is not "French")
    ("Monica French said France won.", [("France", "FR")]),
])
def test_person_after_removes_the_name_and_its_echoes(text: str, expected: List[Tuple[str, str]]) -> None:
    """A ``person_after`` phrase before a match makes it a person's name: it goes, and so does
    every other match of the same text in the document, except in a list beside another
    mention or after an article."""
    assert found(_people(), text) == expected


def test_person_after_works_per_document_and_is_counted() -> None:
    """Echoes are removed within one document only, and each removal is counted in
    ``removed_by_rules`` (the name and each echo)."""
    g = _people()
    texts = ["Monica French spoke. French said so. French agreed.", "French said so."]
    assert removed(g, texts) == {"rules": 3, "runs": 0}
    df = gazetta.Matcher(g).mentions(texts)
    assert df["doc"].tolist() == [1] and df["surface"].tolist() == ["French"]


def test_person_after_on_an_alias_record_and_round_trips(tmp_path: Any) -> None:
    """An alias record may carry ``person_after``; it survives records, JSON and saved
    matchers."""
    g = gazetta.Gazetteer().add("JO", "Jordan", aliases=[{"text": "Jordan", "person_after": ["Michael"]}])
    assert found(g, "Michael Jordan scored. Jordan said so.") == []
    assert found(g, "Jordan said so.") == [("Jordan", "JO")]
    rec = g.to_records()[0]
    assert rec["aliases"] == [{"text": "Jordan", "person_after": ["Michael"]}]
    again = gazetta.Gazetteer.from_records([rec])
    assert found(again, "Michael Jordan scored. Jordan said so.") == []
    path = tmp_path / "jordan.gzm"
    gazetta.Matcher(g).save(path)
    back = gazetta.Matcher.load(path)
    assert back.mentions(["Michael Jordan scored. Jordan said so."]).empty
    assert back.gazetteer.to_records() == g.to_records()


@pytest.mark.parametrize("attr,phrase,problem", [
    ("not_before", "--", "no letter or digit"),
    ("not_after", "Po*wer", "'*'"),
    ("not_before", "*", "empty"),
    ("person_after", "--", "no letter or digit"),
])
def test_bad_phrase_is_an_error_naming_the_entity(attr: str, phrase: str, problem: str) -> None:
    """A phrase that breaks the alias rules is a GazetteerError naming the entity, the rule
    and the phrase (on the entity and on an alias record)."""
    with pytest.raises(gazetta.GazetteerError, match=problem) as info:
        gazetta.Gazetteer().add("GE", "Georgia", **{attr: [phrase]})
    assert "'GE'" in str(info.value) and attr in str(info.value) and repr(phrase) in str(info.value)
    with pytest.raises(gazetta.GazetteerError, match=problem) as info:
        gazetta.Gazetteer().add("ZA", "South Africa", aliases=[{"text": "SA", attr: [phrase]}])
    assert "'ZA'" in str(info.value) and "'SA'" in str(info.value)


# --------------------------------------------------------------------------------------------
# capitalised runs
# --------------------------------------------------------------------------------------------
def countries() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("RU", "Russia", aliases=["Russian*"])
            .add("KR", "South Korea", aliases=["South Korean*", "Korea"])
            .add("US", "United States", aliases=["U.S.", "American*", "America"])
            .add("IL", "Israel", aliases=["Israeli*"])
            .add("GE", "Georgia")
            .add("FR", "France")
            .add("IE-D", "Dublin"))


@pytest.mark.parametrize("text,expected", [
    # kept: the run goes on with a title or a state body, or there is no run
    ("Russian Foreign Minister Sergei Lavrov said", [("Russian", "RU")]),
    ("South Korean President Yoon said", [("South Korean", "KR")]),
    ("the Israeli Army said", [("Israeli", "IL")]),
    ("the U.S.-led coalition", [("U.S.", "US")]),  # an acronym is not name-form
    ("the U.S. Senate", [("U.S.", "US")]),
    ("the President of France said", [("France", "FR")]),
    ("people of Georgia", [("Georgia", "GE")]),
    ("in Georgia. The state", [("Georgia", "GE")]),
    ("in Georgia\n\nThe state", [("Georgia", "GE")]),  # a blank line ends the run
    ("Georgia's governor", [("Georgia", "GE")]),
    ("Georgia and Alabama", [("Georgia", "GE")]),
    ("visited Georgia", [("Georgia", "GE")]),
    ("GEORGIA Power", [("GEORGIA", "GE")]),  # capitals only: not name-form
    ("Georgia USA", [("Georgia", "GE")]),  # the next word is an acronym
    # removed: a longer run of capitalised words, or "<Capitalised> of"
    ("the American Psychological Association said", []),
    ("Georgia Power raised rates", []),
    ("at 6016 Dublin Road that", []),
    ("Georgia Stevens, 12, won", []),
    ("in Georgia\nThe state", []),  # one line break does not end a run
    ("the Bank of America tower", []),
    ("the University of Georgia campus", []),
])
def test_capitalized_runs_skip(text: str, expected: List[Tuple[str, str]]) -> None:
    """``capitalized_runs="skip"`` removes a name-form candidate (starts with a capital, holds a
    lower-case letter) when the next word (after whitespace without a blank line) is
    name-form and not a title or state body ("Foreign", "President", "Army", ...), or when it
    follows "of" after a name-form word that is not one of "President", "Republic", ... ."""
    assert found(countries(), text, capitalized_runs="skip") == expected


@pytest.mark.parametrize("text", ["the American Psychological Association said", "Georgia Power raised rates",
                                  "the Bank of America tower", "at 6016 Dublin Road that"])
def test_capitalized_runs_companies_is_the_default(text: str) -> None:
    """``capitalized_runs="companies"`` (the default) keeps names of organisations and streets
    without a company suffix, as ``"keep"`` does."""
    g = countries()
    assert found(g, text) == found(g, text, capitalized_runs="keep")
    assert len(found(g, text)) == 1


def firms() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("US", "United States", aliases=["U.S.", "American"])
            .add("CN", "China").add("JP", "Japan").add("DE", "Germany", aliases=["West German"])
            .add("CA", "Canada", aliases=["Canadian"]))


@pytest.mark.parametrize("text, expected", [
    ("American Barrick Resources Corp said", []),
    ("<China American Petrochemical Co> said", []),  # both names, Reuters' angle brackets
    ("Canadian Pacific Air Lines Ltd, a unit of Canada's CP", [("Canada", "CA")]),
    ("the Japan Fund Inc. said", []),
    ("Johnson & Japan Holdings bought", []),  # "&" goes on
    ("the U.S. Allis-Chalmers Corp unit", [("U.S.", "US")]),  # an acronym describes the firm
    ("West German Bundesbank President Karl Otto Poehl said", [("West German", "DE")]),
    ("American officials at Barrick Corp", [("American", "US")]),  # a lower-case word ends it
    ("Canadian, Pacific Corp", [("Canadian", "CA")]),  # so does punctuation
    ("American\n\nBarrick Corp", [("American", "US")]),  # and a blank line
    ("American A B C D E F Corp", [("American", "US")]),  # seven words on: too far
    ("American A B C D E Corp", []),
    ("the American Volunteer Group flew", [("American", "US")]),  # "Group" is no suffix
])
def test_company_names(text: str, expected: List[Tuple[str, str]]) -> None:
    """``capitalized_runs="companies"`` (the default) and ``"skip"`` remove a name-form
    candidate when capitalised words (or "&") follow it up to a company suffix within six
    words; the reference agrees and the removals are counted in ``removed_by_runs``."""
    assert found(firms(), text) == expected
    assert found(firms(), text, capitalized_runs="companies") == expected
    skip = found(firms(), text, capitalized_runs="skip")
    assert set(skip) <= set(expected)
    assert len(found(firms(), text, capitalized_runs="keep")) >= len(expected)


def test_company_names_are_counted() -> None:
    """Each candidate a company name removes is counted in ``removed_by_runs``."""
    g = firms()
    assert removed(g, ["<China American Petrochemical Co> said", "American Barrick Corp"]) == {"rules": 0, "runs": 3}
    assert removed(g, ["<China American Petrochemical Co> said"], capitalized_runs="keep") == {"rules": 0, "runs": 0}


def test_a_run_that_is_an_alias_wins() -> None:
    """When the longer run is itself an alias it is the candidate that stays (its own next
    word is not capitalised), so the organisation is reported, not the country."""
    g = countries().add("APA", "American Psychological Association")
    assert found(g, "the American Psychological Association said", capitalized_runs="skip") == [
        ("American Psychological Association", "APA")]


def test_runs_are_counted() -> None:
    """Every candidate a run removes is counted in ``attrs["removed_by_runs"]``; a candidate
    that a phrase rule removed first is counted there only."""
    g = countries().add("GE2", "Georgia", not_before=["Power"])
    got = removed(g, ["Georgia Power raised rates", "Bank of America", "Georgia said"], capitalized_runs="skip")
    assert got == {"rules": 1, "runs": 2}
    assert removed(g, ["Georgia Power raised rates"]) == {"rules": 1, "runs": 0}


def test_a_titlecase_letter_starts_a_capitalised_word() -> None:
    """A word starting with a titlecase letter (U+01C5 "ǅ") is capitalised."""
    g = gazetta.Gazetteer().add("GE", "Georgia")
    assert found(g, "Georgia ǅakovo said", capitalized_runs="skip") == []


def test_a_phrase_ending_in_a_letter_that_folds_then_lowers() -> None:
    """With accent folding and ``case="insensitive"``, the character before a candidate is
    compared as the view has it: folded, then lowered ("İ" → "I" → "i"), so the phrase "a İ"
    directly precedes the second "a" of "a İ a" (it was once lowered first, stayed "İ", and
    the rule never fired)."""
    g = gazetta.Gazetteer().add("E0", "a", not_after=["a İ"])
    assert found(g, "a İ a", case="insensitive", fold_accents=True) == [("a", "E0")]
