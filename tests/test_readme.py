"""The README's Python examples run as written, and `cargo test` passes for the core."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_quickstart_runs(capsys: pytest.CaptureFixture) -> None:
    """Every ```python block of README.md executes without error."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "README has no python examples"
    ns: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), ns)
    out = capsys.readouterr().out
    assert "KP" in out and "US" in out


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo not on PATH: the Rust core's tests need a toolchain")
@pytest.mark.skipif(not (ROOT / "Cargo.toml").exists(), reason="not a source checkout")
@pytest.mark.timeout(900)
def test_rust_core_tests_pass() -> None:
    """`cargo test` (the pure-Rust core, no Python) passes."""
    r = subprocess.run(["cargo", "test", "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]


def test_readme_commands_and_links() -> None:
    """The two commands are the ones .ci/run runs, and every relative link and picture of the
    README names a file of the repository."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[demo]" && gazetta demo' in text
    assert 'pip install ".[test]" && python -m pytest' in text
    assert 'install --quiet ".[demo]"' in ci and "gazetta demo" in ci
    assert 'install --quiet ".[test]"' in ci and "python -m pytest" in ci
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert any(link.endswith(".png") for link in links), "README shows a figure"
    local = [link for link in links if "://" not in link and not link.startswith(("#", "mailto:"))]
    assert local, "README links into the documentation"
    missing = [link for link in local if not (ROOT / link.split("#")[0]).exists()]
    assert not missing, f"README links to files that do not exist: {missing}"
