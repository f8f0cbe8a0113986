"""Shared fixtures and helpers of the matcher tests."""

from __future__ import annotations

import os
import sys
from typing import Any, List, Tuple

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import gazetta  # noqa: E402
from reference import AliasSpec, Reference  # noqa: E402

Row = Tuple[int, int, str, str, bool]


def reference_for(gazetteer: "gazetta.Gazetteer", **options: Any) -> Reference:
    """The reference matcher over exactly the alias table the gazetteer hands to the core."""
    ids, _names, _kinds, texts, ents, cases, folds = gazetteer._flat()
    flat = [AliasSpec(t, e, c, f) for t, e, c, f in zip(texts, ents, cases, folds)]
    return Reference.from_flat(ids, flat, **options)


def rows(matcher: "gazetta.Matcher", text: Any) -> List[Row]:
    """``Matcher.find`` as the reference's tuples."""
    return [(m.start, m.end, m.entity, m.alias, m.ambiguous) for m in matcher.find(text)]


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
