"""No file of the repository points to the developers' private specification or to data paths
outside the repository: the user guide (docs/) states every rule, and docstrings, help texts,
comments and tests cite its pages instead. Data sets kept outside the repository are found
through tests/external_data.py (``GAZETTA_DATA``), never a relative path into a sibling folder.

The forbidden strings are built by concatenation so that this file does not contain them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
_NAME = "SP" + "EC"
FORBIDDEN = (_NAME + " \u00a7", _NAME + ".md", ".." + "/shared")
#: A section sign glued to a number ("\u00a7" "3.5") is a section of that specification too; a
#: legal citation writes a space ("17 U.S.C. \u00a7 105").
SECTION = re.compile("\u00a7" + r"\d")


def _tracked() -> List[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (e.g. an unpacked sdist): nothing to list")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / p for p in out.decode("utf-8").split("\0") if p]


def _hits(path: Path) -> List[Tuple[int, str]]:
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):  # deleted but not yet committed; a submodule
        return []
    if b"\0" in data[:8192]:  # binary (pictures, gzip files)
        return []
    text = data.decode("utf-8", errors="replace")
    hits = []
    for n, line in enumerate(text.splitlines(), 1):
        if any(s in line for s in FORBIDDEN) or SECTION.search(line):
            hits.append((n, line.strip()[:120]))
    return hits


def test_no_tracked_file_refers_to_the_private_spec_or_sibling_folders() -> None:
    found = [f"{p.relative_to(ROOT)}:{n}: {line}" for p in _tracked() for n, line in _hits(p)]
    assert not found, ("point to the user guide (docs/*.md) or state the rule instead; find external data "
                       "through tests/external_data.py:\n" + "\n".join(found[:50]))


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text(f"# see {FORBIDDEN[0]}3.5\nok = 1\n# {FORBIDDEN[2]}/corpora\n# 17 U.S.C. \u00a7 105\n",
                   encoding="utf-8")
    assert [n for n, _ in _hits(bad)] == [1, 3]
