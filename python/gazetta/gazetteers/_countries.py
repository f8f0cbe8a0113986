"""The built-in country gazetteer (newsmap dictionaries, 13 languages)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING, Any, Dict, List, Tuple

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


def _country_records(lang: str = "en", demonyms: bool = True,
                     capitals: bool = True) -> List[Dict[str, Any]]:
    """The entity records behind :func:`countries` (see there for the parameters)."""
    codes = _lang_codes(lang)
    records: List[Dict[str, Any]] = []
    for c in _load()["countries"]:
        aliases: List[str] = []
        seen = {c["name"]}  # the name is always an alias: Gazetteer adds it
        for code in codes:
            names, dems, caps = c["aliases"][code]
            for alias in names + (dems if demonyms else []) + (caps if capitals else []):
                if alias not in seen:
                    seen.add(alias)
                    aliases.append(alias)
        records.append({
            "id": c["id"],
            "name": c["name"],
            "kind": "country",
            "aliases": aliases,
            "continent": c["continent"],
            "region": c["region"],
            "iso3": c["iso3"],
        })
    return records


def countries(lang: str = "en", demonyms: bool = True, capitals: bool = True) -> Gazetteer:
    """Countries and territories of the world with names, demonyms and capitals.

    241 entities (every country of the newsmap dictionaries: sovereign states, dependencies
    and territories such as Greenland, Hong Kong or Puerto Rico), each with its ISO 3166-1
    alpha-2 code as ``id`` (``XK`` for Kosovo), a display ``name`` in English (``"North
    Korea"``), ``kind="country"`` and the attributes ``continent`` and ``region`` (the
    newsmap groups, e.g. ``"ASIA"``, ``"EAST"``) and ``iso3`` (``"PRK"``).

    Aliases come from the newsmap seed dictionaries (Watanabe, MIT licence) in 13
    languages, classified into names, demonyms and capitals/cities; the English list is
    extended with forms English news uses (``"U.S."``, ``"DPRK"``, ``"Czechia"``,
    ``"Türkiye"``, ``"Kyiv"``, ...). ``gazetta/gazetteers/data/PROVENANCE.md`` lists every
    change.

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
        Include demonyms (``Kenyan*``, ``Chinese``, German ``kenianisch*``). Globs such as
        ``Kenyan*`` match a whole word beginning with the stem (Kenyan, Kenyans).
    capitals : bool, default True
        Include the capital and the other cities the dictionaries list (``Nairobi``,
        ``Washington``, ``New York``). Leave them out when a city stands for itself rather
        than for its country's government.

    Returns
    -------
    Gazetteer
        One entity per country. The English display name is always an alias too (in every
        language), as for any gazetteer.

    Raises
    ------
    ValueError
        If ``lang`` is not one of the choices above (the message lists them).

    Notes
    -----
    The split into names, demonyms and capitals is rule-based (checked by hand for English;
    heuristic for the other languages, so ``demonyms=False``/``capitals=False`` are less
    exact there). Lower-case patterns (adjectives in German, Spanish, Italian, Russian, ...)
    match lower-case text and ALL CAPS under the default ``case="smart"``; newsmap itself
    matches case-insensitively. Some aliases are ambiguous by nature and kept as newsmap has
    them: ``Georgia``, ``Jordan``, ``Chad``, ``Niger``, ``SA``, ``Oz``, ``Washington``;
    use ``Matcher(..., ignore=[...])`` for phrases such as ``"Michael Jordan"``.

    Data: newsmap (Copyright (c) 2018 Kohei Watanabe, MIT) and GeoNames (CC BY 4.0); the
    credit text is :data:`gazetta.gazetteers.COUNTRIES_ATTRIBUTION`.

    Examples
    --------
    >>> from gazetta.gazetteers import countries
    >>> g = countries()
    >>> kp = g["KP"]
    >>> kp.name, kp.kind, kp.attrs["iso3"], kp.attrs["continent"]
    ('North Korea', 'country', 'PRK', 'ASIA')
    >>> df = countries("de", capitals=False).to_dataframe()
    >>> "Berlin" in df.set_index("id").loc["DE", "aliases"]
    False
    >>> len(countries("all").to_dataframe())
    241
    """
    records = _country_records(lang, demonyms=demonyms, capitals=capitals)
    from ..gazetteer import Gazetteer

    return Gazetteer.from_records(records)
