"""Built-in gazetteers and the licences of their data.

- :func:`countries`: 241 countries and territories with names, demonyms and capitals in 13
  languages (newsmap dictionaries, MIT; GeoNames codes, CC BY 4.0).
- :func:`geonames`: cities from GeoNames (CC BY 4.0); needs ``pip install gazetta[geo]``.

The data files, their provenance (``PROVENANCE.md``) and licence notices live in
``gazetta/gazetteers/data/``. :data:`COUNTRIES_ATTRIBUTION` and
:data:`GEONAMES_ATTRIBUTION` hold ready-made credit lines.
"""

from __future__ import annotations

from ._countries import COUNTRIES_ATTRIBUTION, LANGUAGES, countries
from ._geonames import GEONAMES_ATTRIBUTION, geonames

#: Phrases to pass as ``Matcher(countries(), ignore=COUNTRIES_IGNORE_EN)``: English names
#: that contain a country alias but do not name the country ("Latin America" is not the
#: United States, "New Mexico" not Mexico, "Indian Ocean" not India). Ignore phrases compete
#: in leftmost-longest resolution but are never reported (SPEC §3.7).
#:
#: Examples
#: --------
#: >>> import gazetta
#: >>> m = gazetta.Matcher(gazetta.gazetteers.countries(), ignore=gazetta.gazetteers.COUNTRIES_IGNORE_EN)
#: >>> [x.entity for x in m.find("Latin American leaders met in New Mexico and Mexico City.")]
#: ['MX']
COUNTRIES_IGNORE_EN = (
    "Latin America", "Latin American*", "South America", "South American*", "North America",
    "North American*", "Central America", "Central American*", "Indian Ocean", "New Mexico",
    "New Mexican*", "Niger Delta", "New Jersey", "Jersey City", "New Guinea",
)

__all__ = ["COUNTRIES_ATTRIBUTION", "COUNTRIES_IGNORE_EN", "GEONAMES_ATTRIBUTION", "LANGUAGES", "countries",
           "geonames"]
