"""Every docstring example of the public package runs (STYLE habit 9: docs that run)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gazetta

OPTIONAL = {"gazetta.plot": "matplotlib", "gazetta.dask": "dask"}


def _modules():
    names = ["gazetta"]
    for info in pkgutil.walk_packages(gazetta.__path__, prefix="gazetta."):
        if info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    """Runs the module's doctests (numpydoc Examples sections)."""
    if name in OPTIONAL:
        pytest.importorskip(OPTIONAL[name])
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert res.failed == 0, f"{res.failed} of {res.attempted} docstring examples failed in {name}"
