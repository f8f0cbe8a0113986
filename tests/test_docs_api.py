"""The API reference of the documentation site (docs/api/) lists every public name.

The pages use autodoc directives; a name added to a public module's ``__all__`` must be added to
a page too (or be covered by an ``automodule`` of its module), else it would be missing from the
site while ``sphinx-build`` stays green.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import gazetta

API = Path(__file__).resolve().parents[1] / "docs" / "api"
OPTIONAL = {"gazetta.plot": "matplotlib", "gazetta.dask": "dask"}

pytestmark = pytest.mark.skipif(not API.is_dir(), reason="not a source checkout (no docs/api)")


def _documented():
    """(names documented one by one, modules documented whole), as full dotted names."""
    names, modules = set(), set()
    for page in sorted(API.glob("*.rst")):
        current = "gazetta"
        for line in page.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\.\. (?:py:)?currentmodule:: (\S+)", line) or re.match(r"\.\. module:: (\S+)", line)
            if m:
                current = m.group(1)
                continue
            m = re.match(r"\.\. automodule:: (\S+)", line)
            if m:
                modules.add(m.group(1))
                continue
            m = re.match(r"\.\. (?:auto)?(?:class|function|exception|data|attribute)::\s+(\S+)", line)
            if m:
                target = m.group(1)
                names.add(target if target.startswith("gazetta.") else f"{current}.{target}")
    return names, modules


def _public_names():
    mods = ["gazetta"] + [i.name for i in pkgutil.walk_packages(gazetta.__path__, prefix="gazetta.")
                          if not any(p.startswith("_") for p in i.name.split(".")[1:])]
    for modname in sorted(mods):
        if modname in OPTIONAL:
            pytest.importorskip(OPTIONAL[modname])
        mod = importlib.import_module(modname)
        for name in getattr(mod, "__all__", []):
            yield modname, name, getattr(mod, name)


def test_every_public_name_is_in_the_api_reference() -> None:
    names, modules = _documented()
    by_object = {}
    for full in names:  # which objects the pages document, whatever the path they use
        modname, _, attr = full.rpartition(".")
        try:
            by_object[id(getattr(importlib.import_module(modname), attr))] = full
        except (ImportError, AttributeError):
            pass
    missing = []
    for modname, name, obj in _public_names():
        if type(obj).__name__ == "module" or modname in modules or f"{modname}.{name}" in names:
            continue
        if id(obj) in by_object and not isinstance(obj, (str, int, tuple, dict)):
            continue  # documented under another public path (gazetta.audit.audit as gazetta.audit)
        missing.append(f"{modname}.{name}")
    assert not missing, f"public names missing from docs/api/*.rst: {missing}"


def test_api_pages_name_real_objects() -> None:
    """Every name a page documents exists (autodoc would fail the build; this says which)."""
    names, modules = _documented()
    bad = []
    for full in sorted(names):
        modname, _, attr = full.rpartition(".")
        if attr == "__version__" or modname in OPTIONAL:
            continue
        try:
            getattr(importlib.import_module(modname), attr)
        except (ImportError, AttributeError):
            bad.append(full)
    for modname in modules:
        if modname not in OPTIONAL:
            importlib.import_module(modname)
    assert not bad, f"docs/api names that do not exist: {bad}"
