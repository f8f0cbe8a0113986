"""Checks every internal link of the built documentation site (no network needed).

Usage: ``python docs/check_links.py docs/_build/html``

Every ``href`` and ``src`` of every HTML page that points inside the site (a relative URL, no
scheme) must name a file that exists, and its ``#fragment``, if any, an ``id`` (or ``name``)
in that file. External links (``http:``, ``https:``, ``mailto:``) are counted, not fetched.
Exits 1 and lists the broken links if there are any.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list = []
        self.ids: set = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for key, value in attrs:
            if value is None:
                continue
            if key in ("id", "name"):
                self.ids.add(value)
            elif key in ("href", "src") and tag in ("a", "img", "link", "script", "iframe", "source"):
                self.links.append(value)


def _parse(path: Path, cache: dict) -> _Page:
    if path not in cache:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        cache[path] = page
    return cache[path]


def check(site: Path) -> tuple:
    """Returns (number of internal links checked, external links seen, list of problems)."""
    cache: dict = {}
    internal = external = 0
    problems = []
    for page_path in sorted(site.rglob("*.html")):
        if page_path.relative_to(site).parts[0] == "_static":  # the theme's own templates
            continue
        page = _parse(page_path, cache)
        for link in page.links:
            url = urlsplit(link)
            if url.scheme or link.startswith("//"):
                external += url.scheme in ("http", "https", "mailto")
                continue
            if not url.path and not url.fragment:
                continue
            internal += 1
            target = (page_path.parent / unquote(url.path)).resolve() if url.path else page_path
            if target.is_dir():
                target = target / "index.html"
            where = f"{page_path.relative_to(site)}: {link}"
            if not target.exists():
                problems.append(f"{where} (no file {target})")
            elif url.fragment and target.suffix == ".html":
                if unquote(url.fragment) not in _parse(target, cache).ids:
                    problems.append(f"{where} (no id {url.fragment!r} in {target.name})")
    return internal, external, problems


def main(argv: list) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site = Path(argv[0])
    if not (site / "index.html").exists():
        print(f"{site} holds no built site (no index.html)", file=sys.stderr)
        return 2
    internal, external, problems = check(site)
    for p in problems:
        print("broken link:", p)
    print(f"internal links: {internal} checked, {len(problems)} broken; external links: {external} (not fetched)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
