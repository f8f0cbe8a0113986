"""Sphinx configuration of gazetta's documentation site.

Build (from the repository root, with ``pip install ".[docs]"``)::

    sphinx-build -W --keep-going -n -b html docs docs/_build/html

``-W`` turns every warning into an error and ``-n`` (nitpicky) reports every cross-reference
that does not resolve; the notebook tour is executed during the build, and a failing cell
fails it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import gazetta
from sphinx.util import logging

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# The notebook tour lives in examples/ (where users look for it and tests/test_notebook.py runs
# it); a fresh copy is built from here, so the site always shows the notebook of this checkout.
_TOUR = DOCS / "tour"
_TOUR.mkdir(exist_ok=True)
shutil.copyfile(ROOT / "examples" / "quickstart.ipynb", _TOUR / "quickstart.ipynb")

os.environ.setdefault("MPLBACKEND", "Agg")

project = "gazetta"
author = "the gazetta authors"
copyright = "the gazetta authors, MIT licence"
release = gazetta.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",  # the summary table of api/index (no generated pages)
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_nb",  # MyST Markdown pages and executed notebooks (includes myst-parser)
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "README.md", "**/.ipynb_checkpoints", "Thumbs.db", ".DS_Store"]

# -- MyST -------------------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3  # [text](page.md#a-heading) links resolve and are checked

# -- Notebook execution (myst-nb) ---------------------------------------------------------------
nb_execution_mode = "force"  # run every notebook at every build
nb_execution_raise_on_error = True  # a failing cell fails the build
nb_execution_timeout = 600
nb_execution_show_tb = True
nb_merge_streams = True
# stderr of executed cells (tqdm's "IProgress not found" in a kernel without ipywidgets) is not
# shown: pages show results; an exception still fails the build
nb_output_stderr = "remove"

# -- autodoc + numpydoc -------------------------------------------------------------------------
autodoc_default_options = {"members": True, "member-order": "bysource"}
autodoc_typehints = "signature"
python_maximum_signature_line_length = 88  # longer signatures: one parameter a line
autoclass_content = "class"
autosummary_generate = False
numpydoc_show_class_members = False  # autodoc lists the members
numpydoc_class_members_toctree = False
numpydoc_attributes_as_param_list = True
numpydoc_xref_param_type = False

# -- Cross-references ---------------------------------------------------------------------------
# The site is built without network access (CI reaches package registries only), so there is no
# intersphinx: references to the standard library and to pandas, numpy, scipy ... are plain text.
# Every reference into gazetta itself must resolve (nitpicky mode, -n).
nitpicky = True
_EXTERNAL = (
    r"(builtins|typing|typing_extensions|collections|os|io|pathlib|datetime|re|enum|types|"
    r"pandas|pd|numpy|np|numpy\.typing|scipy|matplotlib|networkx|nx|dask|distributed|pyarrow|"
    r"concurrent|_io|_thread|argparse|abc)(\..*)?"
)
_BUILTINS = (
    r"(str|int|float|bool|bytes|list|tuple|dict|set|frozenset|object|type|None|NoneType|"
    r"Any|Optional|Union|Iterable|Iterator|Sequence|Mapping|Callable|Literal|Hashable|"
    r"Generator|Collection|MutableMapping|ellipsis|slice|range|Exception|ValueError|"
    r"TypeError|KeyError|RuntimeError|MemoryError|OSError|Warning|UserWarning|"
    r"PathLike|StrPath|DataFrame|Series|Index|ndarray|Path|Timestamp|Figure|Axes|Graph)"
)
nitpick_ignore_regex = [
    (r"py:.*", _EXTERNAL),
    (r"py:.*", _BUILTINS),
]

# -- HTML ---------------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"gazetta {release}"
html_static_path = ["_static"]
html_css_files = ["gazetta.css"]
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "header_links_before_dropdown": 5,
    "secondary_sidebar_items": ["page-toc"],
}
html_context = {"default_mode": "light"}


# -- Short references inside gazetta's docstrings -----------------------------------------------
# Docstrings say :attr:`pairs` (an entry of the class's numpydoc "Attributes" section, rendered as
# a list, not as separate objects) or :func:`paragraph_mode` (documented as
# gazetta.text.paragraph_mode while the docstring is shown as gazetta.sentences). Such a reference
# is resolved here, and only when it names exactly one thing; anything else stays an error.
_ATTRIBUTES: dict = {}  # "gazetta.Cooccurrence.pairs" -> "gazetta.Cooccurrence"
_LOG = logging.getLogger(__name__)


def _note_attributes(app, what, name, obj, options, lines):
    if what not in ("class", "exception"):
        return
    import re

    try:
        from numpydoc.docscrape import ClassDoc

        doc = ClassDoc(obj, config={"show_class_members": False})
    except Exception:  # not numpydoc-shaped: nothing to note
        return
    for param in doc["Attributes"]:
        for attr in re.split(r",\s*", param.name):
            _ATTRIBUTES[f"{name}.{attr.strip()}"] = name


def _resolve_short(app, env, node, contnode):
    if node.get("refdomain") != "py":
        return None
    py = env.get_domain("py")
    target = node["reftarget"].lstrip("~.")
    mod, cls = node.get("py:module") or "", node.get("py:class") or ""
    scopes = [f"{mod}.{cls}." if cls else "", f"{mod}." if mod else "", "gazetta.", ""]
    for scope in scopes:
        full = scope + target
        if full in _ATTRIBUTES:
            return py.resolve_xref(env, node["refdoc"], app.builder, "class", _ATTRIBUTES[full],
                                   node, contnode)
    # a name documented once in gazetta, under another module
    found = [name for name in py.objects if name == target or name.endswith("." + target)]
    found += [name for name in _ATTRIBUTES if name.endswith("." + target)]
    if len(set(found)) == 1:
        full = found[0]
        if full in _ATTRIBUTES:
            return py.resolve_xref(env, node["refdoc"], app.builder, "class", _ATTRIBUTES[full],
                                   node, contnode)
        return py.resolve_xref(env, node["refdoc"], app.builder, "obj", full, node, contnode)
    return None


# Docstrings point to the guide as "docs/measures.md" (readable in help() and in a terminal); on
# the site that becomes a link to the page, and a page that does not exist is an error.
_DOC_POINTER = __import__("re").compile(r"(``)?\bdocs/([A-Za-z0-9_-]+)\.md\b(``)?")


def _link_doc_pointers(app, what, name, obj, options, lines):
    for i, line in enumerate(lines):
        if line.lstrip().startswith((">>>", "...")):
            continue
        lines[i] = _DOC_POINTER.sub(lambda m: f":doc:`/{m.group(2)}`", line)


def setup(app):
    app.connect("autodoc-process-docstring", _note_attributes, priority=400)
    app.connect("autodoc-process-docstring", _link_doc_pointers, priority=600)
    app.connect("missing-reference", _resolve_short)
