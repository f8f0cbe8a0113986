"""Every ``>>>`` example of the user guide (docs/*.md) runs and prints what the page says.

The guide states the rules with small examples; a rule that changes without its page, or a
page that promises what the code does not do, fails here. Pages without ``>>>`` examples
(measured results, tables of commands) are not collected.
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(p for p in DOCS.glob("*.md") if ">>> " in p.read_text(encoding="utf-8"))
OPTIONAL = {"networks.md": "networkx"}


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if page.name in OPTIONAL:
        pytest.importorskip(OPTIONAL[page.name])
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here
    res = doctest.testfile(str(page), module_relative=False, verbose=False,
                           optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.attempted > 0
    assert res.failed == 0, f"{res.failed} of {res.attempted} examples failed in docs/{page.name}"


def test_the_guide_has_examples() -> None:
    names = {p.name for p in PAGES}
    assert {"gazetteers.md", "matching.md", "counting.md", "measures.md", "slicing.md", "evidence.md",
            "corpora.md"} <= names


@pytest.mark.skipif(not (3, 10) <= sys.version_info[:2] <= (3, 12),
                    reason="argparse lays out --help differently on this Python (3.9: 'optional arguments', "
                           "3.13: '--out, -o DIR'); docs/cli.md is the help of 3.10-3.12")
def test_cli_reference_is_current() -> None:
    """docs/cli.md ends with the help of every command; after changing a help text, run
    ``python tools/gen_cli_docs.py``."""
    import subprocess
    import sys

    tool = DOCS.parent / "tools" / "gen_cli_docs.py"
    r = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
