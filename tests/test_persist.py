"""Matcher.save / Matcher.load (docs/matching.md): a versioned, safe format; bad files give a clear
GazettaError, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import gazetta
from gazetta import _core


@pytest.fixture()
def saved(tmp_path: Path) -> Path:
    g = gazetta.Gazetteer().add("KP", "North Korea", kind="country", aliases=["DPRK"]).add("JP", "Japan")
    p = tmp_path / "m.gazetta"
    gazetta.Matcher(g, case="sensitive").save(p)
    return p


def test_round_trip(saved: Path) -> None:
    m = gazetta.Matcher.load(saved)
    assert m.options["case"] == "sensitive"
    assert [x.entity for x in m.find("DPRK and Japan")] == ["KP", "JP"]


def test_other_format_version(saved: Path) -> None:
    doc = json.loads(saved.read_bytes())
    assert doc["version"] == _core.FORMAT_VERSION
    doc["version"] = _core.FORMAT_VERSION + 1
    saved.write_text(json.dumps(doc))
    with pytest.raises(gazetta.GazettaError, match=f"format version {_core.FORMAT_VERSION + 1}") as ei:
        gazetta.Matcher.load(saved)
    assert str(saved) in str(ei.value)


@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.99])
def test_truncated_file(saved: Path, keep: float) -> None:
    data = saved.read_bytes()
    saved.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(gazetta.GazettaError, match="truncated|not a gazetta matcher|corrupt") as ei:
        gazetta.Matcher.load(saved)
    assert str(saved) in str(ei.value)


@pytest.mark.parametrize("seed", range(5))
def test_random_file(tmp_path: Path, seed: int) -> None:
    p = tmp_path / f"random{seed}.bin"
    p.write_bytes(os.urandom(1 + 997 * seed))
    with pytest.raises(gazetta.GazettaError, match="not a gazetta matcher|truncated|corrupt"):
        gazetta.Matcher.load(p)


def test_other_json_and_corrupt_spec(tmp_path: Path, saved: Path) -> None:
    p = tmp_path / "other.json"
    p.write_text('{"format": "something-else", "version": 1}')
    with pytest.raises(gazetta.GazettaError, match="not a gazetta matcher"):
        gazetta.Matcher.load(p)
    doc = json.loads(saved.read_bytes())
    doc["spec"]["aliases"] = "not a list"
    saved.write_text(json.dumps(doc))
    with pytest.raises(gazetta.GazettaError, match="corrupt"):
        gazetta.Matcher.load(saved)


def test_large_compiles_hand_freed_memory_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling a large matcher (built, loaded or unpickled) ends with `malloc_trim`, so the
    compiler's freed scratch does not stay in the process's RSS; small ones skip it."""
    import pickle

    import gazetta.matcher as gm

    real = _core.release_free_memory
    real()  # the real function runs (a no-op off glibc)
    calls: list = []
    monkeypatch.setattr(gm._core, "release_free_memory", lambda: calls.append(1))
    g = gazetta.Gazetteer().add("KP", "North Korea", aliases=["DPRK"]).add("JP", "Japan")
    m = gazetta.Matcher(g)
    assert calls == []  # a few patterns: nothing worth trimming
    monkeypatch.setattr(gm, "_TRIM_MIN_PATTERNS", 1)
    m = gazetta.Matcher(g)
    p = tmp_path / "m.gazetta"
    m.save(p)
    gazetta.Matcher.load(p)
    pickle.loads(pickle.dumps(m))
    assert calls == [1, 1, 1]
