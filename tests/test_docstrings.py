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


# -- Every public name is covered ------------------------------------------------------------
# The documentation site (docs/api/) shows the docstrings of the names below; the checks make
# sure that each example shown there is one that the pass above runs.

import functools
import inspect
import re
from pathlib import Path

# Public methods still without an example (each new public function or method has one).
WITHOUT_EXAMPLES: set = set()


def _public_modules():
    return [n for n in _modules() if not any(p.startswith("_") for p in n.split(".")[1:])
            and n != "gazetta.__main__"]


def _public_objects():
    """(public name, object, how it is held) for every name in a public module's __all__ and
    every public member of a public class; each object once, under its first public name."""
    seen, out = set(), []
    for modname in _public_modules():
        if modname in OPTIONAL:
            pytest.importorskip(OPTIONAL[modname])
        mod = importlib.import_module(modname)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            if inspect.ismodule(obj) or id(obj) in seen or not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            seen.add(id(obj))
            out.append((f"{modname}.{name}", obj, "object"))
            if inspect.isclass(obj) and not issubclass(obj, BaseException):
                for key, val in vars(obj).items():
                    if key.startswith("_"):
                        continue
                    if isinstance(val, (staticmethod, classmethod)):
                        out.append((f"{modname}.{name}.{key}", val.__func__, "method"))
                    elif inspect.isfunction(val):
                        out.append((f"{modname}.{name}.{key}", val, "method"))
                    elif isinstance(val, (property, functools.cached_property)):
                        out.append((f"{modname}.{name}.{key}", val, "property"))
    return out


def _collected_names():
    finder = doctest.DocTestFinder()
    names = set()
    for name in _modules():
        if name in OPTIONAL:
            pytest.importorskip(OPTIONAL[name])
        mod = importlib.import_module(name)
        names.update(t.name for t in finder.find(mod) if t.examples)
    return names


def _doc(obj):
    if isinstance(obj, property):
        obj = obj.fget
    elif isinstance(obj, functools.cached_property):
        obj = obj.func
    return inspect.getdoc(obj) or ""


def _defined_as(public, obj):
    """The name doctest gives the object: its defining module and qualified name."""
    if isinstance(obj, (property, functools.cached_property)):
        fn = obj.fget if isinstance(obj, property) else obj.func
        return f"{fn.__module__}.{fn.__qualname__}"
    return f"{obj.__module__}.{obj.__qualname__}"


def test_every_public_example_is_run() -> None:
    """Each public docstring with an example is collected by the doctest pass (a property, a
    cached_property or an object defined in another module could be left out silently)."""
    collected = _collected_names()
    missed = [public for public, obj, _ in _public_objects()
              if ">>>" in _doc(obj) and _defined_as(public, obj) not in collected]
    assert not missed, f"docstring examples that the doctest pass does not run: {missed}"


def test_every_public_function_and_class_has_an_example() -> None:
    """numpydoc Examples for every public function, class and method (properties excepted)."""
    missing = sorted(public for public, obj, how in _public_objects()
                     if how != "property" and ">>>" not in _doc(obj) and public not in WITHOUT_EXAMPLES)
    assert not missing, f"public names without a docstring example: {missing}"
    stale = sorted(public for public, obj, _ in _public_objects()
                   if public in WITHOUT_EXAMPLES and ">>>" in _doc(obj))
    assert not stale, f"these have examples now, take them out of WITHOUT_EXAMPLES: {stale}"


def test_doc_comment_examples_run() -> None:
    """Examples in the ``#:`` doc comments of public module data (shown on the site by autodoc,
    which doctest does not read) run too."""
    ran = 0
    for modname in _public_modules():
        mod = importlib.import_module(modname)
        path = Path(mod.__file__)
        block: list = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines() + [""], 1):
            m = re.match(r"\s*#: ?(.*)$", line)
            if m:
                block.append(m.group(1))
                continue
            text = "\n".join(block)
            block = []
            if ">>>" not in text:
                continue
            test = doctest.DocTestParser().get_doctest(text, {}, f"{modname} (doc comment)", str(path), lineno)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test)
            res = runner.summarize(verbose=False)
            assert res.failed == 0, f"{res.failed} doc-comment examples failed in {path} before line {lineno}"
            ran += res.attempted
    assert ran > 0
