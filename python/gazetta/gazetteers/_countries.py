"""The built-in country gazetteer: countries and territories (newsmap dictionaries, 13
languages), historical states, the constituent countries of the United Kingdom, regions named
like a country, and context rules, from ``data/countries.json`` and
``data/countries_extra.json`` (``data/PROVENANCE.md`` gives the sources and the evidence)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple, Union

if TYPE_CHECKING:  # the Gazetteer import pulls in the Rust extension: keep it lazy
    from ..gazetteer import Gazetteer

#: Canonical language codes, in the order of the data file.
LANGUAGES: Tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "ru", "tr", "ar", "he", "ja", "zh-hans", "zh-hant",
)

# Every accepted spelling (after lower-casing and "_" -> "-") -> canonical code.
_LANG_ALIASES: Dict[str, str] = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "russian": "ru", "turkish": "tr", "arabic": "ar", "hebrew": "he",
    "iw": "he", "japanese": "ja",
    "zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "chinese": "zh-hans",
    "chinese-simplified": "zh-hans",
    "zh-tw": "zh-hant", "zh-hk": "zh-hant", "zh-mo": "zh-hant",
    "chinese-traditional": "zh-hant",
}
_LANG_ALIASES.update({code: code for code in LANGUAGES})

COUNTRIES_ATTRIBUTION = (
    "Country names, demonyms and capitals: newsmap geographical dictionaries "
    "(https://github.com/koheiw/newsmap), Copyright (c) 2018 Kohei Watanabe, MIT licence; "
    "changed and extended by gazetta (see gazetta/gazetteers/data/PROVENANCE.md). "
    "ISO 3166 alpha-3 codes and display names: GeoNames (https://www.geonames.org/), "
    "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), reshaped."
)


def _lang_codes(lang: str) -> Tuple[str, ...]:
    """Resolve ``lang`` to canonical codes; ``"all"`` gives every language."""
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    key = lang.strip().lower().replace("_", "-")
    if key == "all":
        return LANGUAGES
    code = _LANG_ALIASES.get(key)
    if code is None:
        names = ", ".join(repr(k) for k in sorted(_LANG_ALIASES))
        raise ValueError(f"unknown lang {lang!r}; valid choices (any case, \"_\" or \"-\"): "
                         f"'all', {names}")
    return (code,)


@functools.lru_cache(maxsize=1)
def _load() -> Dict[str, Any]:
    raw = resources.files(__package__).joinpath("data", "countries.json").read_text(
        encoding="utf-8")
    doc = json.loads(raw)
    if doc.get("format") != 1:
        raise RuntimeError(f"countries.json has unknown format {doc.get('format')!r}")
    return doc


@functools.lru_cache(maxsize=1)
def _load_extra() -> Dict[str, Any]:
    raw = resources.files(__package__).joinpath("data", "countries_extra.json").read_text(
        encoding="utf-8")
    doc = json.loads(raw)
    if doc.get("format") != 1:
        raise RuntimeError(f"countries_extra.json has unknown format {doc.get('format')!r}")
    return doc


def person_phrases(lang: str = "en") -> List[str]:
    """The ``person_after`` phrases of the data file for ``lang``: titles ("Mr", "Dr.") and
    1,455 common given names ("Michael", "Monica"), in that order; empty for a language without
    them. :func:`countries` gives them to its entities (the given names to every one but the
    United States and the United Kingdom), :func:`places` to its cities.

    Examples
    --------
    >>> from gazetta.gazetteers._countries import person_phrases
    >>> p = person_phrases()
    >>> p[:2], "Michael" in p, len(p) > 1400, person_phrases("de")
    (['Mr', 'Mr.'], True, True, [])
    """
    groups = _load_extra().get("rule_groups", {}).get(lang, {})
    out: List[str] = []
    for name in ("titles", "given_names"):
        _merge_unique(out, groups.get(name, {}).get("person_after", []))
    return out


def given_names(lang: str = "en") -> List[str]:
    """The given names of the data file for ``lang`` (the ``person_after`` phrases of
    :func:`person_phrases` without the titles); empty for a language without them.

    Examples
    --------
    >>> from gazetta.gazetteers._countries import given_names
    >>> g = given_names()
    >>> "Martin" in g, "Mr" in g, given_names("de")
    (True, False, [])
    """
    groups = _load_extra().get("rule_groups", {}).get(lang, {})
    return list(groups.get("given_names", {}).get("person_after", []))


_HISTORICAL_CHOICES = (True, False, "fold")


def _merge_unique(dst: List[str], items: Any) -> None:
    """Appends the items not yet in ``dst``, in order (a set, not ``in`` on the list: rule
    groups of 1,455 given names are merged into hundreds of entities)."""
    seen = set(dst)
    for x in items:
        if x not in seen:
            seen.add(x)
            dst.append(x)


def _country_records(lang: str = "en", demonyms: bool = True, capitals: bool = False, *,
                     historical: Union[bool, str] = True, constituents: bool = True,
                     regions: bool = True, rules: bool = True,
                     towns: bool = False) -> List[Dict[str, Any]]:
    """The entity records behind :func:`countries` (see there for the parameters)."""
    codes = _lang_codes(lang)
    if historical not in _HISTORICAL_CHOICES or not isinstance(historical, (bool, str)):
        raise ValueError(f"historical must be one of True, False, 'fold', not {historical!r}")
    for flag, value in (("demonyms", demonyms), ("capitals", capitals),
                        ("constituents", constituents), ("regions", regions), ("rules", rules),
                        ("towns", towns)):
        if not isinstance(value, bool):
            raise TypeError(f"{flag} must be True or False, not {value!r}")
    extra = _load_extra()
    remove = {code: extra["remove"].get(code, {}) for code in codes}
    add = {code: extra["add"].get(code, {}) for code in codes}

    def alias_list(name: str, per_lang: Dict[str, List[List[str]]], cid: str,
                   include_caps: bool) -> List[str]:
        aliases: List[str] = []
        seen = {name}  # the name is always an alias: Gazetteer adds it
        for code in codes:
            classes = per_lang.get(code)
            if classes is None:
                continue
            names, dems = list(classes[0]), list(classes[1])
            caps = list(classes[2]) if len(classes) > 2 else []
            gone = set(remove[code].get(cid, ()))
            extra_names, extra_dems = add[code].get(cid, ([], []))
            picked = [a for a in names + extra_names if a not in gone]
            if demonyms:
                picked += [a for a in dems + extra_dems if a not in gone]
            if include_caps:
                picked += [a for a in caps if a not in gone]
            for alias in picked:
                if alias not in seen:
                    seen.add(alias)
                    aliases.append(alias)
        return aliases

    records: List[Dict[str, Any]] = []
    for c in _load()["countries"]:
        records.append({
            "id": c["id"],
            "name": c["name"],
            "kind": "country",
            "aliases": alias_list(c["name"], c["aliases"], c["id"], capitals),
            "continent": c["continent"],
            "region": c["region"],
            "iso3": c["iso3"],
        })
    by_id = {r["id"]: r for r in records}
    folded: Dict[str, str] = {}  # id -> id its aliases went to
    shared_names: Dict[str, set] = {}  # country id -> its aliases that a US town entity shares
    for e in extra["entities"]:
        group = e["group"]
        if (group == "historical" and historical is False) or (group == "region" and not regions):
            continue
        if group == "us_town" and (not towns or "en" not in codes):
            continue
        rec: Dict[str, Any] = {"id": e["id"], "name": e["name"], "kind": e["kind"],
                               "aliases": alias_list(e["name"], e["aliases"], e["id"], False)}
        for key, value in e.items():
            if key not in ("id", "name", "kind", "aliases", "group", "shares_prior"):
                rec[key] = list(value) if isinstance(value, list) else value
        target = None
        if group == "historical" and historical == "fold":
            target = e.get("continued_by")
        elif group == "constituent" and not constituents:
            target = e["parent"]
        if target is not None:
            while target in folded:
                target = folded[target]
            folded[e["id"]] = target
            _merge_unique(by_id[target]["aliases"], [rec["name"], *rec["aliases"]])
            continue
        if group == "us_town":
            rec["continent"], rec["region"] = by_id["US"]["continent"], by_id["US"]["region"]
            # The country is the default reading (its prior); the town only with evidence.
            by_id[e["shares"]].setdefault("prior", e["shares_prior"])
            shared_names.setdefault(e["shares"], set()).add(e["aliases"]["en"][0][0])
        parent = rec.get("parent")
        if parent in folded:
            rec["parent"] = folded[parent]
        records.append(rec)
        by_id[rec["id"]] = rec
    if rules:
        for code in codes:
            table = extra["rules"].get(code, {})
            every = table.get("*", {})
            for r in records:
                for key in ("not_before", "not_after", "person_after"):
                    own = table.get(r["id"], {}).get(key, [])
                    if r.get("kind") == "town" and r.get("shares"):  # the name's own rules
                        own = own + table.get(r["shares"], {}).get(key, [])
                    for src, dst in folded.items():  # a folded entity's rules go with its aliases
                        if dst == r["id"]:
                            own = own + table.get(src, {}).get(key, [])
                    for group in extra.get("rule_groups", {}).get(code, {}).values():
                        if _in_group(r, group):
                            own = own + group.get(key, [])
                    if own or every.get(key):
                        _merge_unique(r.setdefault(key, []), list(own) + list(every.get(key, [])))
        # A name a US town shares, followed by a word of local government or schools ("Jordan
        # Elementary", "Palestine city limits", "LEBANON (AP)"), is the town: the country's
        # candidate goes, the town's stays and decides the document's other mentions.
        # After a street address ("400 Locust St., Lebanon") likewise.
        markers = {k: list(v) for k, v in extra.get("town_markers", {}).get("en", {}).items()}
        if "en" in codes and markers:
            for cid, shared in shared_names.items():
                r = by_id[cid]
                r["aliases"] = [dict(text=a, **markers) if a in shared else a for a in r["aliases"]]
                if r["name"] in shared and r["name"] not in r["aliases"]:
                    r["aliases"].insert(0, dict(text=r["name"], **markers))
    english = codes == ("en",)
    if english:
        for r in records:
            r["aliases"] = _english_forms(r["aliases"], r["name"])
    if rules:
        # Rules of one alias only, not of the entity's other aliases: "a Georgia man",
        # "Georgia authorities" name the US state, while "Georgian authorities" (the demonym)
        # stays the country's. The rule of an English glob ("Dominican*") goes with each of
        # its written-out forms.
        for code in codes:
            for cid, per_alias in extra.get("alias_rules", {}).get(code, {}).items():
                if cid in by_id:
                    for text, rule in per_alias.items():
                        forms = _english_forms([text]) if english and text.endswith("*") else [text]
                        for form in forms:
                            _add_alias_rules(by_id[cid], form, rule)
    return records


#: Forms of an English demonym glob of the data ("German*", "Briton*") beyond the stem and its
#: plural: "-man"/"-woman" forms of "-ch"/"-sh" stems (Frenchman, Dutchwomen), "-er(s)" of
#: "Island" stems (Cayman Islanders) and these. A glob matched to the end of the word, so
#: "German*" also took "Germantown" and "Germanium", "Swiss*" "Swissair", "Italian*"
#: "Italiana" (Esso Italiana), "American*" "Americanised"; over Reuters-21578, BBC News, LGL
#: and the demo candidates, the forms made here keep every demonym form found there and drop
#: only those.
_EXTRA_FORMS = {
    "Slovak": ("Slovakian", "Slovakians"),
    "Yugoslav": ("Yugoslavian", "Yugoslavians"),
    "Czechoslovak": ("Czechoslovakian", "Czechoslovakians"),
    "Malagas": ("Malagasy",),
    "Madagas": ("Madagascan", "Madagascans"),
}


def _english_forms(aliases: List[Any], name: str = "") -> List[Any]:
    """The aliases with each glob (a str or an alias record ending in an unescaped ``*``)
    replaced by the English forms it stands for (see :data:`_EXTRA_FORMS`): the stem, its
    plural in "-s" (none for a stem ending in s, x, z, ch, sh: "Swiss", "French"), and the
    forms above; a record's other fields go with every form, and forms already listed are not
    repeated, nor is the entity's ``name`` (the gazetteer adds it).

    Examples
    --------
    >>> from gazetta.gazetteers._countries import _english_forms
    >>> _english_forms(["Germany", "German*", "French*", "Cayman Island*", "Swiss*"])[:6]
    ['Germany', 'German', 'Germans', 'French', 'Frenchman', 'Frenchmen']
    """
    from .. import _core

    def text_of(a: Any) -> str:
        return str(a["text"] if isinstance(a, dict) else a)

    have = {text_of(a) for a in aliases} | {name}
    out: List[Any] = []
    for a in aliases:
        stem, glob = _core.parse_alias(text_of(a))
        if not glob:
            out.append(a)
            continue
        forms = [stem]
        if not stem.endswith(("s", "x", "z", "ch", "sh")):
            forms.append(stem + "s")
        if stem.endswith(("ch", "sh")):
            forms += [stem + "man", stem + "men", stem + "woman", stem + "women"]
        if stem.endswith("Island"):
            forms += [stem + "er", stem + "ers"]
        forms += _EXTRA_FORMS.get(stem, ())
        for form in forms:
            text = form.replace("*", "\\*")
            if text in have:
                continue
            have.add(text)
            out.append(dict(a, text=text) if isinstance(a, dict) else text)
    return out


def _in_group(rec: Mapping[str, Any], group: Mapping[str, Any]) -> bool:
    """Whether a rule group of the data file applies to an entity record: its ``ids`` list
    names it (or, for a US town, the country whose name it shares), or ``ids`` is ``"*"`` and
    ``except`` does not."""
    ids = group["ids"]
    rid = rec["id"]
    if ids == "*":
        return rid not in group.get("except", ())
    return rid in ids or (rec.get("kind") == "town" and rec.get("shares") in ids)


def _add_alias_rules(rec: Dict[str, Any], text: str, rule: Mapping[str, List[str]]) -> Optional[Dict[str, Any]]:
    """Attach ``not_before`` / ``not_after`` phrases to the alias ``text`` of one entity record
    (turning a plain alias into an alias record, or merging into an existing one) and return
    that alias record; nothing (None) when the record does not hold that alias."""
    aliases = rec["aliases"]
    for i, a in enumerate(aliases):
        if (a["text"] if isinstance(a, dict) else a) == text:
            if not isinstance(a, dict):
                a = aliases[i] = {"text": a}
            break
    else:
        if rec["name"] != text:
            return None  # an alias left out by the options (demonyms=False): its rules go with it
        a = {"text": text}
        aliases.insert(0, a)
    for key in ("not_before", "not_after", "person_after"):
        if rule.get(key):
            a[key] = list(a.get(key, []))
            _merge_unique(a[key], rule[key])
    if "case" in rule:  # the alias, and so its phrases, compared in this case mode
        a["case"] = rule["case"]
    return a


def countries(lang: str = "en", demonyms: bool = True, capitals: bool = False, *,
              historical: Union[bool, str] = True, constituents: bool = True, regions: bool = True,
              rules: bool = True, towns: bool = True) -> Gazetteer:
    """Countries and territories of the world: names, short forms, acronyms and demonyms.

    241 countries and territories (every country of the newsmap dictionaries: sovereign
    states, dependencies and territories such as Greenland, Hong Kong or Puerto Rico), each
    with its ISO 3166-1 alpha-2 code as ``id`` (``XK`` for Kosovo), a display ``name`` in
    English (``"North Korea"``), ``kind="country"`` and the attributes ``continent`` and
    ``region`` (the newsmap groups, e.g. ``"ASIA"``, ``"EAST"``) and ``iso3`` (``"PRK"``).
    By default the gazetteer also holds:

    - **historical states** (``historical=True``): the Soviet Union (``SUHH``), East Germany
      (``DDDE``), Yugoslavia (``YUCS``), Czechoslovakia (``CSHH``), Zaire (``ZRCD``), Serbia
      and Montenegro (``CSXX``), the Netherlands Antilles (``ANHH``), South Yemen, North
      Vietnam, the Byelorussian SSR, Dahomey, Upper Volta, the New Hebrides, Rhodesia and a few
      more, with their ISO 3166-3 codes as ids, ``kind="country"`` and the attributes
      ``valid_from`` and ``valid_to`` (ISO dates), ``successor`` (today's ids) and, where one
      state carries on (or absorbed) the former one, ``continued_by`` (``SUHH`` -> ``RU``,
      ``DDDE`` -> ``DE``). West Germany kept its ISO code, so "West Germany" is ``DE``;
    - **the constituent countries of the United Kingdom** (``constituents=True``): England
      (``GB-ENG``), Scotland (``GB-SCT``), Wales (``GB-WLS``) and Northern Ireland
      (``GB-NIR``), ``kind="country"``, ``parent="GB"``, with their demonyms;
    - **regions whose names contain or equal a country's** (``regions=True``), so that the
      longest match and the matcher's resolution can tell them apart: the US states Georgia
      (``US-GA``, sharing "Georgia" with the country ``GE``) and New Mexico (``US-NM``), British
      Columbia (``CA-BC``), New South Wales, Western Australia and South Australia
      (``AU-NSW``, ``AU-WA``, ``AU-SA``), Inner Mongolia (``CN-NM``), the Gaza Strip and the
      West Bank (``PS-GAZA``, ``PS-WEST-BANK``), Abkhazia and South Ossetia (``GE-AB``,
      ``GE-SOUTH-OSSETIA``), all ``kind="region"`` with the country as ``parent``;
    - **US towns named like a country** (``towns=True``, English only): one entity per name
      shared by US towns of 1,000 or more inhabitants (GeoNames), e.g. ``US-TOWN-LEBANON``
      ("Lebanon (United States)": Lebanon, Tennessee, Pennsylvania, Ohio, ...),
      ``US-TOWN-PALESTINE``, ``US-TOWN-JORDAN``, ``kind="town"``, with the attributes
      ``country="US"``, ``states``, ``prior`` (the towns' population) and ``shares`` (the
      country). The country stays the default reading (it gets its population as
      ``prior``); the town wins when the name is written with its state ("Lebanon, Tenn.",
      "Palestine, Texas") or followed by a word of local government or schools ("Jordan
      Elementary", "Palestine city limits", "LEBANON (AP)"), and then, by the matcher's
      resolution, for the other mentions of that name in the document;
    - **context rules** (``rules=True``): ``not_before`` / ``not_after`` attributes that stop
      an alias where the words around it show another meaning — "Latin America" and "North
      American" are not the United States, "Mexico City" and "Gulf of Mexico" not Mexico,
      "Indian Ocean" not India, "United Russia" a party, "Georgia Power" a company, "Bank of
      America" and "American Express" organisations, "French Open" a tournament, "in English"
      after "speak" a language. They act in the matcher before the longest match is taken.

    Capitals and other cities are **not** aliases by default: "Moscow said" names a city, and
    whether it stands for Russia is the analyst's choice (``capitals=True`` brings the old
    behaviour back; a city gazetteer with ``parent`` links and ``level="country"`` when
    counting is the better tool).

    Aliases come from the newsmap seed dictionaries (Watanabe, MIT licence) in 13 languages,
    classified into names, demonyms and capitals/cities; the English list is extended with
    forms English news uses (``"U.S."``, ``"DPRK"``, ``"Czechia"``, ``"Türkiye"``, ...) and
    cleaned of aliases that are wrong more often than right in news ("SA" — a company suffix
    in 137 of 145 Reuters and BBC matches —, "Oz", "Brit", "Brits", "Finn", "Pole", "Turk").
    ``gazetta/gazetteers/data/PROVENANCE.md`` lists every change with the evidence.

    Parameters
    ----------
    lang : str, default "en"
        Language of the aliases: an ISO 639-1 code or the newsmap file name —
        ``"en"``/``"english"``, ``"de"``/``"german"``, ``"fr"``, ``"es"``, ``"it"``, ``"pt"``,
        ``"ru"``, ``"tr"``, ``"ar"``, ``"he"`` (or ``"iw"``), ``"ja"``, ``"zh"`` (simplified:
        also ``"zh-hans"``, ``"zh-cn"``, ``"zh-sg"``, ``"chinese_simplified"``) and
        ``"zh-hant"`` (traditional: also ``"zh-tw"``, ``"zh-hk"``, ``"zh-mo"``,
        ``"chinese_traditional"``); case and ``_``/``-`` do not matter. ``"all"`` merges
        every language into one gazetteer (same ids, aliases of all languages).
    demonyms : bool, default True
        Include demonyms (Kenyan, Kenyans, Chinese; German ``kenianisch*``). In English the
        dictionaries' globs are written out as their forms ("Kenyan*" as Kenyan, Kenyans;
        "French*" also as Frenchman, Frenchwomen): a glob matches a whole word beginning with
        the stem, so "German*" also took "Germantown" and "Germanium". Other languages keep
        their globs.
    capitals : bool, default False
        Also make the capital and the other cities the dictionaries list (``Nairobi``,
        ``Washington``, ``New York``) aliases of their country. Off by default: news and
        gold corpora treat them as cities.
    historical : bool or "fold", default True
        ``True``: historical states are entities of their own. ``False``: left out.
        ``"fold"``: the aliases of each historical state with a ``continued_by`` country
        become aliases of that country ("Soviet Union" -> ``RU``, "East German" -> ``DE``);
        the others (Yugoslavia, Czechoslovakia, ...) stay entities of their own. See also
        :func:`fold_historical`.
    constituents : bool, default True
        ``True``: England, Scotland, Wales and Northern Ireland are entities with
        ``parent="GB"``. ``False``: their names and demonyms become aliases of ``GB``.
    regions : bool, default True
        Include the regions listed above. Without them "Georgia" is always the country.
    rules : bool, default True
        Attach the context rules (``not_before`` / ``not_after`` attributes; English only).
        ``False`` gives the bare lists.
    towns : bool, default True
        Include the US towns named like a country (English only). ``False``: every
        "Lebanon" is the country again.

    Returns
    -------
    Gazetteer
        One entity per country, historical state, constituent country and region. The
        English display name is always an alias too (in every language), as for any
        gazetteer.

    Raises
    ------
    ValueError
        If ``lang`` is not one of the choices above (the message lists them), or
        ``historical`` is not ``True``, ``False`` or ``"fold"``.
    TypeError
        If another flag is not a bool.

    Notes
    -----
    The split into names, demonyms and capitals is rule-based (checked by hand for English;
    heuristic for the other languages, so ``demonyms=False``/``capitals=True`` are less
    exact there). Lower-case patterns (adjectives in German, Spanish, Italian, Russian, ...)
    match lower-case text and ALL CAPS under the default ``case="smart"``; newsmap itself
    matches case-insensitively. Historical states, constituent countries and regions have
    English aliases and, for the main ones, German, French, Spanish, Italian, Portuguese and
    Russian; elsewhere only their English name. Context rules are written for English text.

    When counting with ``level="country"``, regions map to their country (``US-GA`` to
    ``US``, ``PS-GAZA`` to ``PS``); constituent countries and historical states are countries
    themselves and stay as they are: use ``constituents=False`` or :func:`fold_historical` to
    count them as ``GB`` or as today's country.

    Some aliases stay ambiguous by nature: "Georgia" (``GE`` and ``US-GA``); "Jordan" and
    "Chad" are also first names. The matcher's default ``ambiguous="resolve"`` chooses
    between ``GE`` and ``US-GA`` from the rest of the document; ``gazetta info countries``
    lists the shared aliases.

    Data: newsmap (Copyright (c) 2018 Kohei Watanabe, MIT) and GeoNames (CC BY 4.0); the
    credit text is :data:`gazetta.gazetteers.COUNTRIES_ATTRIBUTION`.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.gazetteers import countries
    >>> g = countries()
    >>> kp = g["KP"]
    >>> kp.name, kp.kind, kp.attrs["iso3"], kp.attrs["continent"]
    ('North Korea', 'country', 'PRK', 'ASIA')
    >>> su = g["SUHH"]
    >>> su.name, su.attrs["valid_to"], su.attrs["continued_by"]
    ('Soviet Union', '1991-12-26', 'RU')
    >>> g["GB-SCT"].attrs["parent"], g["US-GA"].kind
    ('GB', 'region')
    >>> m = gazetta.Matcher(g)
    >>> text = "Soviet and East German officials met in Moscow."
    >>> [(text[x.start:x.end], x.entity) for x in m.find(text)]
    [('Soviet', 'SUHH'), ('East German', 'DDDE')]
    >>> text = "Exports to Latin America rose; the Gulf of Mexico was calm in Georgia."
    >>> [(text[x.start:x.end], x.entity, x.resolved_by) for x in m.find(text)]
    [('Georgia', 'GE', 'none'), ('Georgia', 'US-GA', 'none')]
    >>> [(text[x.start:x.end], x.entity) for x in gazetta.Matcher(countries(rules=False)).find(text)][:2]
    [('America', 'US'), ('Mexico', 'MX')]
    >>> "Moscow" in countries(capitals=True)["RU"].to_record()["aliases"]
    True
    >>> [x.entity for x in gazetta.Matcher(countries(historical="fold")).find("the USSR")]
    ['RU']
    >>> len(countries("all", historical=False, constituents=False, regions=False, towns=False))
    241
    >>> text = "Palestine, Texas: Palestine police said. Palestine and Lebanon voted at the UN."
    >>> [(text[x.start:x.end], x.entity) for x in m.find(text)]
    [('Palestine, Texas', 'US-TOWN-PALESTINE'), ('Palestine', 'US-TOWN-PALESTINE'), ('Palestine', 'US-TOWN-PALESTINE'), ('Lebanon', 'LB')]
    """
    records = _country_records(lang, demonyms=demonyms, capitals=capitals, historical=historical,
                               constituents=constituents, regions=regions, rules=rules, towns=towns)
    from ..gazetteer import Gazetteer

    return Gazetteer.from_records(records)


def fold_historical(gazetteer: Gazetteer, into: Optional[Mapping[str, str]] = None) -> Gazetteer:
    """Fold historical states into today's countries: a copy of ``gazetteer`` in which the
    aliases of each historical state become aliases of the country that carries it on.

    A historical state is an entity with a ``successor`` attribute (as in :func:`countries`).
    By default it folds into its ``continued_by`` country (the Soviet Union into Russia, East
    Germany into Germany, Zaire into the Democratic Republic of the Congo); states that split
    without a continuing state (Yugoslavia, Czechoslovakia, the Netherlands Antilles) are
    kept as they are, unless ``into`` names a target for them. The folded entity's context
    rules go with its aliases; entities whose ``parent`` was a folded state get the target as
    parent. Use it on a 1987 corpus to count "Soviet" as ``RU``:
    ``Matcher(fold_historical(countries()))`` (the same as ``countries(historical="fold")``
    for the built-in data, and usable on a gazetteer you edited).

    Parameters
    ----------
    gazetteer : Gazetteer
        Any gazetteer; entities without ``successor`` are copied unchanged.
    into : mapping of str to str, optional
        Historical id -> id to fold it into, overriding ``continued_by``
        (``{"CSHH": "CZ"}``; a value of ``None`` keeps that state as it is).

    Returns
    -------
    Gazetteer
        A new gazetteer; ``gazetteer`` is not changed.

    Raises
    ------
    ValueError
        If ``into`` names an id that is not a historical state of ``gazetteer``, or a target
        that is not in it.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.gazetteers import countries, fold_historical
    >>> g = fold_historical(countries(), into={"CSHH": "CZ"})
    >>> "SUHH" in g, "YUCS" in g
    (False, True)
    >>> m = gazetta.Matcher(g)
    >>> text = "Soviet, Czechoslovak and Yugoslav envoys"
    >>> [(text[x.start:x.end], x.entity) for x in m.find(text)]
    [('Soviet', 'RU'), ('Czechoslovak', 'CZ'), ('Yugoslav', 'YUCS')]
    """
    from ..gazetteer import Gazetteer

    if not isinstance(gazetteer, Gazetteer):
        raise TypeError(f"gazetteer must be a Gazetteer, not {type(gazetteer).__name__}")
    records = gazetteer.to_records()
    by_id = {r["id"]: r for r in records}
    historical = [r["id"] for r in records if r.get("successor")]
    target: Dict[str, str] = {}
    for hid in historical:
        t = by_id[hid].get("continued_by")
        if t:
            target[hid] = t
    for hid, t in dict(into or {}).items():
        if hid not in historical:
            raise ValueError(f"into: {hid!r} is not a historical state (an entity with a "
                             f"'successor') of this gazetteer; historical ids: "
                             f"{', '.join(historical) or 'none'}")
        if t is None:
            target.pop(hid, None)
        else:
            target[hid] = t
    for hid, t in target.items():
        if t not in by_id:
            raise ValueError(f"cannot fold {hid!r} into {t!r}: no entity {t!r} in the gazetteer")

    def final(i: str) -> str:
        seen = set()
        while i in target and i not in seen:
            seen.add(i)
            i = target[i]
        return i

    out: List[Dict[str, Any]] = []
    for r in records:
        if r["id"] in target:
            continue
        out.append(dict(r, aliases=list(r.get("aliases", ()))))
    kept = {r["id"]: r for r in out}
    for r in records:
        if r["id"] not in target:
            continue
        dst = kept[final(r["id"])]
        written = [r["name"], *r.get("aliases", ())]
        have = {a if isinstance(a, str) else a.get("text") for a in [dst["name"], *dst["aliases"]]}
        for a in written:
            if (a if isinstance(a, str) else a.get("text")) not in have:
                dst["aliases"].append(a)
        for key in ("not_before", "not_after", "person_after"):
            if r.get(key):
                merged = list(dst.get(key) or [])
                _merge_unique(merged, r[key])
                dst[key] = merged
    for r in out:
        p = r.get("parent")
        if p in target:
            r["parent"] = final(p)
    return Gazetteer.from_records(out)
