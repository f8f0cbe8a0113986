"""Rebuild python/gazetta/_static/sigma-graphology.js from the ipysigma wheel on PyPI.

The interactive network page (gazetta._html) draws with sigma.js and graphology. npm is not
available to this project, so the JavaScript comes from the ipysigma wheel, whose JupyterLab
extension ships sigma.js, graphology and their dependencies as readable (unminified) webpack
chunks of CommonJS modules. This script takes the modules that ``sigma`` and ``graphology``
need, and only those, and writes them into one file with a 20-line module loader that puts
``Sigma`` and ``Graph`` on ``window.gazettaSigma``. No code is changed.

Usage::

    pip download ipysigma==0.24.6 --no-deps -d /tmp/ipysigma
    python tools/vendor_sigma.py /tmp/ipysigma/ipysigma-0.24.6-py3-none-any.whl
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "python" / "gazetta" / "_static" / "sigma-graphology.js"
ENTRIES = {"Sigma": "./node_modules/sigma/index.js", "Graph": "./node_modules/graphology/dist/graphology.umd.min.js"}
HEADER = re.compile(r'^/\*\*\*/ "([^"]+)":\n', re.M)
REQUIRE = re.compile(r'__webpack_require__\(/\*! [^*]* \*/ "([^"]+)"\)')

LOADER = """\
(function (root) {
  "use strict";
  var defs = {}, cache = {};
  function require(id) {
    if (cache[id]) return cache[id].exports;
    if (!defs[id]) throw new Error("gazetta: missing bundled module " + id);
    var module = cache[id] = {exports: {}};
    defs[id].call(module.exports, module, module.exports, require);
    return module.exports;
  }
  require.d = function (e, d) { for (var k in d) if (!Object.prototype.hasOwnProperty.call(e, k))
    Object.defineProperty(e, k, {enumerable: true, get: d[k]}); };
  require.r = function (e) { Object.defineProperty(e, "__esModule", {value: true}); };
  require.o = function (o, p) { return Object.prototype.hasOwnProperty.call(o, p); };
  require.n = function (m) { var g = m && m.__esModule ? function () { return m["default"]; } : function () { return m; };
    require.d(g, {a: g}); return g; };
  require.g = root;
"""


def modules(whl: Path) -> dict:
    found: dict = {}
    with zipfile.ZipFile(whl) as z:
        for name in z.namelist():
            if "/labextension/static/" in name and name.endswith(".js") and "data/share" not in name:
                text = z.read(name).decode("utf-8")
                if not text.startswith('(self["webpackChunkipysigma"]'):
                    continue  # the widget's own code and webpack's runtime
                heads = list(HEADER.finditer(text))
                for i, h in enumerate(heads):
                    end = heads[i + 1].start() if i + 1 < len(heads) else text.rindex("\n}]);")
                    body = text[h.end():end].rstrip()
                    body = re.sub(r"^/\*!.*?\*/\n", "", body, flags=re.S)  # the path banner
                    body = body.removesuffix(",").rstrip()  # "/***/ ((module) => {...\n/***/ })"
                    if not (body.startswith("/***/ (") and body.endswith("/***/ })")):
                        raise SystemExit(f"unexpected module layout for {h.group(1)} in {name}")
                    body = body[len("/***/ "):-len("/***/ })")] + "})"
                    found.setdefault(h.group(1), body)
    return found


def main(whl: str) -> None:
    mods = modules(Path(whl))
    need, todo = [], list(ENTRIES.values())
    while todo:
        mid = todo.pop()
        if mid in need:
            continue
        if mid not in mods:
            raise SystemExit(f"module {mid} not in {whl}")
        need.append(mid)
        todo.extend(REQUIRE.findall(mods[mid]))
    need.sort()
    version = re.search(r"ipysigma-([0-9.]+)-", Path(whl).name)
    licences = (OUT.parent / "THIRD_PARTY_LICENSES.txt").read_text(encoding="utf-8")
    assert "*/" not in licences
    parts = [
        "/*! sigma.js and graphology with their dependencies, for gazetta's interactive network page.\n"
        f" * Taken unchanged from the ipysigma {version.group(1) if version else ''} wheel (PyPI) by tools/vendor_sigma.py.\n"
        " * Modules: " + ", ".join(m.removeprefix("./node_modules/") for m in need) + "\n *\n"
        + "".join(f" * {line}".rstrip() + "\n" for line in licences.splitlines()) + " */",
        LOADER,
    ]
    for mid in need:
        parts.append(f"defs[{mid!r}] = {mods[mid]};")
    parts.append("  root.gazettaSigma = {" + ", ".join(f"{k}: require({v!r})" for k, v in ENTRIES.items()) + "};")
    parts.append("})(typeof window !== \"undefined\" ? window : this);\n")
    OUT.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(need)} modules)")


if __name__ == "__main__":
    main(sys.argv[1])
