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

__all__ = ["COUNTRIES_ATTRIBUTION", "GEONAMES_ATTRIBUTION", "LANGUAGES", "countries", "geonames"]
