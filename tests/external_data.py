"""Where the tests find the data sets that are not in the repository.

Real news corpora (Reuters-21578, BBC News, LGL, ...) and large gazetteers (the newsmap
dictionaries, GeoNames tables) are too large, and some too restrictively licensed, to ship
with gazetta. Point ``GAZETTA_DATA`` at the folder that holds their ``corpora/`` and
``gazetteers/`` subfolders (``GAZETTA_SHARED``, the older name the benchmarks use, works too);
without either, the tests look for a folder named ``shared`` beside the repository's folder.
Tests that need the data skip when it is absent, and say how to provide it.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable naming the data folder.
ENV = "GAZETTA_DATA"


def data_dir() -> Path:
    """The data folder: ``$GAZETTA_DATA``, else ``$GAZETTA_SHARED``, else the sibling folder."""
    given = os.environ.get(ENV) or os.environ.get("GAZETTA_SHARED")
    if given:
        return Path(given)
    return Path(__file__).resolve().parents[2] / "shared"


DATA = data_dir()
CORPORA = DATA / "corpora"
GAZETTEERS = DATA / "gazetteers"
#: Skip reasons.
NO_CORPORA = f"the real news corpora are not present (looked in {CORPORA}): set {ENV} to the data folder"
NO_GAZETTEERS = f"the external gazetteers are not present (looked in {GAZETTEERS}): set {ENV} to the data folder"
