"""gazetta: entity co-mention analysis of news.

Find every mention of every alias of a gazetteer in a corpus of news articles (a Rust core,
parallel, exact Python string offsets), then count which entities appear together per
document, paragraph, sentence or token window, with association measures, sliced by source
and time.

Examples
--------
>>> import gazetta
>>> g = gazetta.Gazetteer()
>>> _ = g.add("KP", "North Korea", kind="country", aliases=["DPRK"])
>>> _ = g.add("RU", "Russia", kind="country")
>>> m = gazetta.Matcher(g)
>>> m.mentions(["Russia’s envoy met DPRK officials."])[["surface", "entity"]]
  surface entity
0  Russia     RU
1    DPRK     KP
"""

from __future__ import annotations

import os as _os

from . import _core, datasets, gazetteers, plot
from .exceptions import CorpusError, GazettaError, GazetteerError
from .gazetteer import Alias, Entity, Gazetteer
from .matcher import Match, Matcher
from .cooccurrence import Cooccurrence, cooccurrence
from .corpus import Corpus, read_corpus
from .dedupe import duplicates
from .audit import AliasAudit, audit
from ._dfm import DocumentEntityMatrix
from ._html import NetworkPage
from .text import paragraphs, sentences, tokens

__version__ = _core.__version__

__all__ = [
    "Alias",
    "AliasAudit",
    "Entity",
    "Cooccurrence",
    "Corpus",
    "DocumentEntityMatrix",
    "CorpusError",
    "GazettaError",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "Matcher",
    "NetworkPage",
    "__version__",
    "audit",
    "cooccurrence",
    "datasets",
    "duplicates",
    "gazetteers",
    "plot",
    "read_corpus",
    "paragraphs",
    "sentences",
    "tokens",
]

if hasattr(_os, "register_at_fork"):
    # A forked child does not have the parent's worker threads: drop the cached pools so the
    # child creates its own instead of waiting forever on threads that do not exist.
    _os.register_at_fork(after_in_child=_core._reset_after_fork)
