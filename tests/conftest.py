"""Shared fixtures and helpers of the matcher tests."""

from __future__ import annotations

import math
import os
import sys
from typing import Any, Dict, List, Optional, Tuple

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import gazetta  # noqa: E402
from reference import AliasSpec, Reference, Row  # noqa: E402

__all__ = ["Row", "reference_for", "rows", "hierarchy_of"]


def hierarchy_of(gazetteer: "gazetta.Gazetteer") -> Tuple[List[Optional[int]], List[Optional[float]]]:
    """Per entity (gazetteer order): the index of its parent (None: none or unknown) and its
    prior (None: none), read from the entities' public attributes."""
    ents = list(gazetteer)
    pos = {e.id: i for i, e in enumerate(ents)}
    parents: List[Optional[int]] = []
    priors: List[Optional[float]] = []
    for e in ents:
        p = e.attrs.get("parent")
        parents.append(pos.get(p) if p is not None else None)
        q = e.attrs.get("prior")
        priors.append(None if q is None or (isinstance(q, float) and math.isnan(q)) else float(q))
    return parents, priors


def reference_for(gazetteer: "gazetta.Gazetteer", **options: Any) -> Reference:
    """The reference matcher over exactly the alias table the gazetteer hands to the core, with
    the gazetteer's hierarchy, priors and context rules (entity attributes and alias fields).
    ``options`` are the Matcher's (``n_threads`` is ignored)."""
    options = {k: v for k, v in options.items() if k != "n_threads"}
    ids, _names, _kinds, texts, ents, cases, folds = gazetteer._flat()
    alias_rules = [(tuple(a.not_before), tuple(a.not_after), tuple(a.person_after))
                   for e in gazetteer for a in e.aliases]
    assert len(alias_rules) == len(texts)
    flat = [AliasSpec(t, e, c, f, nb, na, pa)
            for (t, e, c, f), (nb, na, pa) in zip(zip(texts, ents, cases, folds), alias_rules)]
    parents, priors = hierarchy_of(gazetteer)
    rules: Dict[int, Tuple[List[str], List[str], List[str]]] = {}
    for i, e in enumerate(gazetteer):
        nb, na, pa = (e.attrs.get(k) or [] for k in ("not_before", "not_after", "person_after"))
        if nb or na or pa:
            rules[i] = (list(nb), list(na), list(pa))
    return Reference.from_flat(ids, flat, parents=parents, priors=priors, rules=rules, kinds=list(_kinds), **options)


def rows(matcher: "gazetta.Matcher", text: Any) -> List[Row]:
    """``Matcher.find`` as the reference's tuples."""
    return [(m.start, m.end, m.entity, m.alias, m.ambiguous, m.resolved_by) for m in matcher.find(text)]


@pytest.fixture(scope="session")
def korea_gazetteer() -> "gazetta.Gazetteer":
    """North Korea, South Korea (alias "Korea") and Japan."""
    return (gazetta.Gazetteer()
            .add("KP", "North Korea", kind="country", aliases=["DPRK"])
            .add("KR", "South Korea", kind="country", aliases=["Korea"])
            .add("JP", "Japan", kind="country"))


def pytest_configure(config: Any) -> None:
    # When a hypothesis test fails, hypothesis imports libcst (if installed) to suggest an
    # explicit example; libcst's import trips a third-party DeprecationWarning that, with
    # warnings as errors, hides the real failure behind an INTERNALERROR.
    config.addinivalue_line("filterwarnings", "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
