"""One version everywhere: Cargo.toml (the source: pyproject.toml declares the version dynamic,
so maturin takes it from there), Cargo.lock, the installed distribution's metadata (the wheel),
``gazetta.__version__`` (compiled into the core), CITATION.cff, the first release heading of
CHANGELOG.md and the documentation (docs/conf.py reads ``gazetta.__version__``)."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

import gazetta

ROOT = Path(__file__).resolve().parent.parent


def _read(name: str) -> str:
    path = ROOT / name
    if not path.exists():
        pytest.skip(f"{name} is not beside the tests (tests run outside a checkout)")
    return path.read_text(encoding="utf-8")


def _python_version(cargo: str) -> str:
    """Cargo's semantic version as PEP 440 writes it (as maturin converts it):
    ``1.2.0-rc.1`` -> ``1.2.0rc1``, ``-alpha.N`` -> ``aN``, ``-beta.N`` -> ``bN``."""
    m = re.fullmatch(r"(\d+\.\d+\.\d+)(?:-(alpha|beta|rc)\.?(\d+))?", cargo)
    assert m, f"Cargo.toml version {cargo!r} is not X.Y.Z or X.Y.Z-alpha/beta/rc.N"
    base, pre, n = m.groups()
    return base if pre is None else base + {"alpha": "a", "beta": "b", "rc": "rc"}[pre] + n


def _section(text: str, header: str) -> str:
    """The lines of one TOML table, from its ``[header]`` to the next table."""
    m = re.search(rf"^\[{re.escape(header)}\]\n(.*?)(?=^\[|\Z)", text, flags=re.M | re.S)
    assert m, f"no [{header}] table"
    return m.group(1)


@pytest.fixture(scope="module")
def cargo_version() -> str:
    m = re.search(r'^version\s*=\s*"([^"]+)"', _section(_read("Cargo.toml"), "package"), flags=re.M)
    assert m, "Cargo.toml [package] has no version"
    return m.group(1)


@pytest.fixture(scope="module")
def version(cargo_version: str) -> str:
    return _python_version(cargo_version)


def test_python_version_conversion() -> None:
    assert _python_version("0.1.0") == "0.1.0"
    assert _python_version("1.2.0-rc.1") == "1.2.0rc1"
    assert _python_version("1.2.0-beta.2") == "1.2.0b2"


def test_pyproject_takes_the_version_from_cargo(cargo_version: str) -> None:
    project = _section(_read("pyproject.toml"), "project")
    static = re.search(r'^version\s*=\s*"([^"]+)"', project, flags=re.M)
    if static:  # a static version is allowed only if it is the same
        assert static.group(1) == _python_version(cargo_version)
    else:
        assert re.search(r'^dynamic\s*=\s*\[[^\]]*"version"', project, flags=re.M), (
            "pyproject.toml [project] has neither a version nor dynamic = [\"version\"]")


def test_cargo_lock_agrees(cargo_version: str) -> None:
    lock = _read("Cargo.lock")
    m = re.search(r'^\[\[package\]\]\nname = "gazetta"\nversion = "([^"]+)"', lock, flags=re.M)
    assert m, "Cargo.lock has no gazetta package"
    assert m.group(1) == cargo_version, "Cargo.lock is stale: run cargo update -p gazetta"


def test_installed_package_agrees(version: str) -> None:
    # __version__ is compiled into the core; the distribution's metadata is the wheel's. An
    # editable install built before a version change shows the old one: rebuild it.
    assert gazetta.__version__ == version
    assert importlib.metadata.version("gazetta") == version


def test_citation_agrees(version: str) -> None:
    m = re.search(r"^version:\s*['\"]?([^'\"\s]+)", _read("CITATION.cff"), flags=re.M)
    assert m, "CITATION.cff has no version"
    assert m.group(1) == version


def test_changelog_top_entry_agrees(version: str) -> None:
    heads = re.findall(r"^## \[([^\]]+)\](.*)$", _read("CHANGELOG.md"), flags=re.M)
    releases = [(v, rest) for v, rest in heads if v.lower() != "unreleased"]
    assert releases, "CHANGELOG.md has no release heading"
    top, rest = releases[0]
    assert top == version
    assert re.fullmatch(r" - (\d{4}-\d{2}-\d{2}|Unreleased)", rest), (
        f"the heading of {top} should end with ' - YYYY-MM-DD' or ' - Unreleased', not {rest!r}")


def test_docs_read_the_installed_version() -> None:
    conf = _read("docs/conf.py")
    assert re.search(r"^release\s*=\s*gazetta\.__version__", conf, flags=re.M), (
        "docs/conf.py should take release from gazetta.__version__")
