"""Built-in gazetteers and the licences of their data.

- :func:`countries`: 241 countries and territories with names, short forms, acronyms and
  demonyms in 13 languages (newsmap dictionaries, MIT; GeoNames codes, CC BY 4.0), plus
  historical states (ISO 3166-3 ids: the Soviet Union, East Germany, Yugoslavia, ...), the
  constituent countries of the United Kingdom and the regions that share a name with a
  country ("Georgia", the US state), with context rules that keep "Latin America", "Gulf of
  Mexico" or "United Russia" from counting as countries. No cities unless asked for.
- :func:`fold_historical`: count historical states as today's countries ("Soviet" as
  Russia), for corpora from before 1992.
- :func:`places`: countries, first-level regions and cities as one hierarchy (``parent``
  links, population priors), for ``ambiguous="resolve"`` and ``level="country"``; needs
  ``pip install gazetta[geo]``.
- :func:`geonames`: cities from GeoNames (CC BY 4.0); needs ``pip install gazetta[geo]``.

The data files, their provenance (``PROVENANCE.md``, which lists every alias added or
removed and every context rule with the evidence for it) and licence notices live in
``gazetta/gazetteers/data/``. :data:`COUNTRIES_ATTRIBUTION` and
:data:`GEONAMES_ATTRIBUTION` hold ready-made credit lines.

Examples
--------
>>> import gazetta
>>> from gazetta.gazetteers import countries
>>> m = gazetta.Matcher(countries())
>>> text = "Scottish and Welsh fans cheered the Soviet team."
>>> [(text[x.start:x.end], x.entity) for x in m.find(text)]
[('Scottish', 'GB-SCT'), ('Welsh', 'GB-WLS'), ('Soviet', 'SUHH')]
"""

from __future__ import annotations

from ._countries import COUNTRIES_ATTRIBUTION, LANGUAGES, countries, fold_historical
from ._geonames import GEONAMES_ATTRIBUTION, geonames
from ._places import places

#: Superseded: :func:`countries` now carries these phrases as context rules, on by default
#: (``countries(rules=False)`` turns them off), and has ``New Mexico`` as a region of its
#: own. Kept so that code written for earlier versions still runs: phrases to pass as
#: ``Matcher(countries(rules=False), ignore=COUNTRIES_IGNORE_EN)``, English names that
#: contain a country alias but do not name the country ("Latin America" is not the United
#: States, "Indian Ocean" not India). Ignore phrases compete in leftmost-longest resolution
#: but are never reported.
#:
#: Examples
#: --------
#: >>> import gazetta
#: >>> from gazetta.gazetteers import COUNTRIES_IGNORE_EN, countries
#: >>> m = gazetta.Matcher(countries(rules=False, regions=False), ignore=COUNTRIES_IGNORE_EN)
#: >>> [x.entity for x in m.find("Latin American leaders met in New Mexico and in Mexico.")]
#: ['MX']
COUNTRIES_IGNORE_EN = (
    "Latin America", "Latin American*", "South America", "South American*", "North America",
    "North American*", "Central America", "Central American*", "Indian Ocean", "New Mexico",
    "New Mexican*", "Niger Delta", "New Jersey", "Jersey City", "New Guinea",
)

__all__ = ["COUNTRIES_ATTRIBUTION", "COUNTRIES_IGNORE_EN", "GEONAMES_ATTRIBUTION", "LANGUAGES", "countries",
           "fold_historical", "geonames", "places"]
