"""Matching quality on LGL, a gold corpus of place names in US local news (docs/quality.md).

LGL (Lieberman, Samet & Sankaranarayanan, ICDE 2010; the version converted by Gritta,
Pilehvar & Collier, 2019): 588 articles, 5,088 toponyms annotated by hand, 4,462 of them
linked to a GeoNames id. Read from ``<shared>/corpora/lgl_toponyms.jsonl.gz`` (``--corpus``
or ``$GAZETTA_SHARED`` to override). Run from the repository root::

    python benchmarks/lgl_eval.py countries [--matcher-opt key=value ...] [--no-rules] [--errors] [--json out.json]
    python benchmarks/lgl_eval.py countries --adjudicated benchmarks/lgl_adjudication.csv
    python benchmarks/lgl_eval.py cities [--gazetteer geonames|places|countries|FILE] [--min-population N] ...
    python benchmarks/lgl_eval.py table [--section after --update docs/quality.md]

From Python (``sys.path.insert(0, "benchmarks")``)::

    from lgl_eval import load_lgl, score_countries, score_places
    docs = load_lgl()
    score_countries(gazetta.Matcher(gazetta.gazetteers.countries()), docs)["mention"]

Definitions (also in docs/quality.md)
-------------------------------------
A *prediction* is one row of ``Matcher.mentions()``: one candidate entity on one span. A span
that several entities share and that the matcher leaves unresolved gives one prediction per
candidate, so ambiguity costs precision. A prediction and a gold toponym *pair* when their
spans overlap and their keys are equal; pairing is one-to-one (greedy: identical spans first,
then larger overlap, then earlier position). TP = pairs, FP = predictions - TP,
FN = gold - TP; P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R).

countries
    Gold: the toponyms with ``is_country`` true (names and demonyms: LGL annotates "Russian"
    as Russia), key: their ``country`` code. Predictions: rows whose entity ``kind`` is
    "country", key: the entity's ISO alpha-2 code (``quality.country_code``: the ``iso2``
    attribute, else ``successor``, else the id). ``mention``: overlap pairing;
    ``mention_exact``: identical spans only; ``document``: per document the set of predicted
    codes against the set of gold codes, counts summed over documents (micro).
cities
    Precision is measured against every gold toponym, recall over a *scope* of the gold:
    ``all``, ``linked`` (with a GeoNames id) or ``cities`` (GeoNames feature code PPL*:
    cities, towns, villages, which a city gazetteer is meant to cover). ``span:<scope>``:
    distinct predicted spans (doc/start/end, any entity, no key) paired with the gold
    toponyms; P = paired spans / spans, R = paired gold of the scope / gold of the scope.
    ``id:<scope>``: rows paired with linked gold toponyms by GeoNames id
    (``quality.geonameid_of``: the ``geonameid`` attribute, else an all-digit entity id);
    P = paired rows / rows, R over the linked toponyms of the scope.
    ``id_most_populous:<scope>``: the same after keeping on every span only the candidate
    with the largest ``prior`` (else ``population``) attribute.

Adjudicated scores (``countries --adjudicated PATH``): the mention scores again after the
verdicts of an adjudication CSV (``benchmarks/lgl_adjudication.csv``, one row per disagreement,
see ``ADJUDICATION_COLUMNS``) are applied: a false positive judged ``annotator_miss`` counts as
a true positive, a false negative judged ``gold_error`` leaves the gold, ``system_error`` and
``debatable`` stay as they are. Only disagreements are judged, never agreements.
``--write-disagreements PATH`` lists the disagreements of a run in that format (no context).

Timing: ``build`` = gazetteer + Matcher construction, ``match`` = median wall time of
``Matcher.mentions`` over the 588 texts (``--repeat`` runs on fresh str copies).
Nothing of the corpus is written anywhere except short surfaces in the ``--errors`` lists and in
the ``surface`` column of an adjudication CSV.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
import os
import re
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import SHARED, fresh_copies, markdown_table  # noqa: E402
import quality  # noqa: E402
from quality import (country_code, geonameid_of, prior_of, score_countries,  # noqa: E402,F401
                     score_places)

import gazetta  # noqa: E402

DEFAULT_CORPUS = os.path.normpath(os.path.join(SHARED, "corpora", "lgl_toponyms.jsonl.gz"))

#: Matcher options that switch the context rules off (``--no-rules``; an option this version's
#: Matcher does not know yet is left out, which means the same).
NO_RULES_MATCHER_OPTS: Dict[str, Any] = {"capitalized_runs": "keep"}
#: What the pinned (baseline) rows of ``table`` add to that: no ambiguity resolution, so that
#: they measure the same thing in every later version.
BASELINE_MATCHER_OPTS: Dict[str, Any] = {"ambiguous": "all", **NO_RULES_MATCHER_OPTS}
#: Entity and alias attributes that hold context rules; ``--no-rules`` removes them.
RULE_ATTRS = ("not_before", "not_after", "person_after")
BUILTIN_GAZETTEERS = ("countries", "geonames", "places")


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------
def load_lgl(path: Optional[str] = None) -> List[Dict[str, Any]]:
    """The LGL documents (dicts with ``id, text, url, toponyms``), in file order."""
    path = path or DEFAULT_CORPUS
    if not os.path.exists(path):
        raise SystemExit(f"LGL corpus not found at {path}: pass --corpus PATH or set GAZETTA_SHARED")
    opener: Callable[..., Any] = gzip.open if path.endswith(".gz") else open
    docs: List[Dict[str, Any]] = []
    with opener(path, "rb") as raw:
        for n, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8"), 1):
            if line.strip():
                rec = json.loads(line)
                if not isinstance(rec.get("text"), str) or not isinstance(rec.get("toponyms"), list):
                    raise SystemExit(f"{path}, line {n}: a record needs a 'text' str and a 'toponyms' list")
                docs.append(rec)
    return docs


def parse_opts(items: Optional[Sequence[str]], what: str) -> Dict[str, Any]:
    """``["key=value", ...]`` -> dict; values are read as JSON when they parse (true, 3,
    ["a", "b"]), else kept as strings (``ambiguous=all``)."""
    out: Dict[str, Any] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise SystemExit(f"{what} {item!r}: expected key=value")
        try:
            out[key.strip()] = json.loads(value)
        except ValueError:
            out[key.strip()] = value
    return out


def strip_rules(gaz: Any) -> Any:
    """A copy of a gazetteer without context rules (``not_before``/``not_after``/``person_after``
    on entities and on alias records)."""
    records = []
    changed = False
    for rec in gaz.to_records():
        for k in RULE_ATTRS:
            if k in rec:
                del rec[k]
                changed = True
        aliases = []
        for a in rec.get("aliases", []):
            if isinstance(a, dict) and any(k in a for k in RULE_ATTRS):
                a = {k: v for k, v in a.items() if k not in RULE_ATTRS}
                changed = True
                if set(a) == {"text"}:
                    a = a["text"]
            aliases.append(a)
        rec["aliases"] = aliases
        records.append(rec)
    return gazetta.Gazetteer.from_records(records) if changed else gaz


def build_gazetteer(name: str, opts: Optional[Mapping[str, Any]] = None, *, no_rules: bool = False) -> Any:
    """A built-in gazetteer by name (``countries``, ``geonames``, ``places``) called with
    ``opts``, or a gazetteer file (CSV/TSV, JSON/JSON Lines, newsmap YAML)."""
    opts = dict(opts or {})
    if name in BUILTIN_GAZETTEERS:
        fn = getattr(gazetta.gazetteers, name, None)
        if fn is None:
            raise SystemExit(f"gazetta.gazetteers.{name}() does not exist in this version of gazetta")
        try:
            gaz = fn(**opts)
        except TypeError as exc:
            raise SystemExit(f"gazetteers.{name}({', '.join(f'{k}={v!r}' for k, v in opts.items())}): {exc}")
    elif os.path.exists(name):
        low = name.lower().removesuffix(".gz")
        if low.endswith((".csv", ".tsv")):
            gaz = gazetta.Gazetteer.read_csv(name, **opts)
        elif low.endswith((".json", ".jsonl")):
            gaz = gazetta.Gazetteer.read_json(name, **opts)
        elif low.endswith((".yml", ".yaml")):
            gaz = gazetta.Gazetteer.read_yaml(name, **opts)
        else:
            raise SystemExit(f"gazetteer file {name}: expected .csv, .tsv, .json, .jsonl, .yml or .yaml")
    else:
        raise SystemExit(f"unknown gazetteer {name!r}: valid choices are {', '.join(BUILTIN_GAZETTEERS)} "
                         "or the path of a gazetteer file")
    return strip_rules(gaz) if no_rules else gaz


def demonym_filter(docs: Sequence[Mapping[str, Any]]) -> Callable[[Mapping[str, Any]], bool]:
    """A ``gold_filter`` for :func:`score_countries` that keeps the gold country toponyms
    that are names ("Russia") and drops the demonyms ("Russian", "Palestinians"): a toponym is
    a demonym when a demonym alias of the built-in ``countries()`` matches exactly its span and
    a name alias does not ("Afghan*" also matches "Afghanistan", a name)."""
    names_gaz = gazetta.gazetteers.countries(demonyms=False, capitals=False)
    names = {e.id: {a.text for a in e.aliases} for e in names_gaz}
    records = []
    for e in gazetta.gazetteers.countries(capitals=False):
        dems = [a.text for a in e.aliases if a.text not in names.get(e.id, ())]
        if dems:
            # the name is always an alias too (and never a glob): one that no text holds
            records.append({"id": e.id, "name": f"{e.id} demonyms of gazetta", "aliases": dems})
    by_name = gazetta.Matcher(names_gaz, ambiguous="all")
    by_demonym = gazetta.Matcher(gazetta.Gazetteer.from_records(records), ambiguous="all")
    spans = set()
    for doc in docs:
        name_spans = {(x.start, x.end) for x in by_name.find(doc["text"])}
        for x in by_demonym.find(doc["text"]):
            if (x.start, x.end) not in name_spans:
                spans.add((id(doc), x.start, x.end))
    owner = {id(t): id(d) for d in docs for t in d.get("toponyms") or []}
    return lambda t: (owner.get(id(t)), int(t["start"]), int(t["end"])) not in spans


def matcher_accepts(option: str) -> bool:
    """True when this version's Matcher takes the keyword ``option``."""
    import inspect

    return option in inspect.signature(gazetta.Matcher.__init__).parameters


def build_matcher(gaz: Any, opts: Mapping[str, Any]) -> Any:
    """``gazetta.Matcher(gaz, **opts)``, with a readable message for an unknown option."""
    unknown = [k for k in opts if not matcher_accepts(k)]
    if unknown:
        raise SystemExit(f"Matcher options {unknown} are not known to this version of gazetta")
    try:
        return gazetta.Matcher(gaz, **opts)
    except (TypeError, ValueError) as exc:
        raise SystemExit(f"Matcher({', '.join(f'{k}={v!r}' for k, v in opts.items())}): {exc}")


def ignore_phrases(spec: Optional[str]) -> Optional[List[str]]:
    """``--ignore``: ``en`` -> ``gazetteers.COUNTRIES_IGNORE_EN``; ``none`` -> []; else a file
    with one phrase per line."""
    if spec is None:
        return None
    if spec == "en":
        return list(gazetta.gazetteers.COUNTRIES_IGNORE_EN)
    if spec == "none":
        return []
    with open(spec, encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip()]


def timed_mentions(matcher: Any, docs: Sequence[Mapping[str, Any]], repeat: int) -> Tuple[Any, float]:
    """The ``mentions()`` frame of the documents and the median seconds of ``repeat`` calls
    (each on fresh str copies, built outside the clock)."""
    texts = [d["text"] for d in docs]
    times = []
    df = None
    for _ in range(max(1, repeat)):
        batch = fresh_copies(texts)
        df = None
        t0 = time.perf_counter()
        df = matcher.mentions(batch, progress=False)
        times.append(time.perf_counter() - t0)
    return df, statistics.median(times)


# --------------------------------------------------------------------------------------------
# One configuration
# --------------------------------------------------------------------------------------------
def run_config(task: str, docs: Sequence[Mapping[str, Any]], *, gazetteer: str, gazetteer_opts: Mapping[str, Any],
               matcher_opts: Mapping[str, Any], no_rules: bool = False, repeat: int = 3, errors: int = 0,
               country_gold: str = "all", cache: Optional[Dict[Any, Any]] = None,
               frames: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Builds the gazetteer and Matcher of one configuration, matches LGL and scores it.
    ``frames``, when given, receives the ``mentions`` frame and the ``gazetteer`` scored."""
    key = (gazetteer, json.dumps(dict(gazetteer_opts), sort_keys=True), no_rules)
    t0 = time.perf_counter()
    if cache is not None and key in cache:
        gaz, gaz_seconds = cache[key]
    else:
        gaz = build_gazetteer(gazetteer, gazetteer_opts, no_rules=no_rules)
        gaz_seconds = time.perf_counter() - t0
        if cache is not None:
            cache[key] = (gaz, gaz_seconds)
    t1 = time.perf_counter()
    m = build_matcher(gaz, matcher_opts)
    matcher_seconds = time.perf_counter() - t1
    df, match_seconds = timed_mentions(m, docs, repeat)
    if frames is not None:
        frames.update(mentions=df, gazetteer=gaz)
    if task == "countries":
        if country_gold not in ("all", "names"):
            raise ValueError(f"country_gold must be 'all' or 'names'; got {country_gold!r}")
        gold_filter = demonym_filter(docs) if country_gold == "names" else None
        res = score_countries(m, docs, mentions=df, gazetteer=gaz, errors=errors, gold_filter=gold_filter)
    elif task == "cities":
        res = score_places(m, docs, mentions=df, gazetteer=gaz, errors=errors)
    else:
        raise ValueError(f"task must be 'countries' or 'cities'; got {task!r}")
    res.update(seconds=round(match_seconds, 4), build_seconds=round(gaz_seconds + matcher_seconds, 2),
               config={"task": task, "gazetteer": gazetteer, "gazetteer_opts": dict(gazetteer_opts),
                       "matcher_opts": {k: v for k, v in matcher_opts.items() if k != "ignore"},
                       "ignore_phrases": len(matcher_opts.get("ignore", ())), "no_rules": no_rules,
                       "country_gold": country_gold if task == "countries" else None,
                       "matcher_options": {k: v for k, v in m.options.items() if k != "ignore"},
                       "entities": len(gaz)})
    return res


def _pct(x: float) -> str:
    return f"{x:.3f}"


def print_result(res: Mapping[str, Any], errors: int = 0) -> None:
    cfg = res["config"]
    print(f"# {cfg['task']}: {cfg['gazetteer']}({_kw(cfg['gazetteer_opts'])}), {cfg['entities']:,} entities; "
          f"Matcher options {cfg['matcher_options']}"
          + (f", {cfg['ignore_phrases']} ignore phrases" if cfg["ignore_phrases"] else "")
          + (", rules stripped" if cfg["no_rules"] else "")
          + (", gold: country names only" if cfg.get("country_gold") == "names" else ""))
    print(f"  build {res['build_seconds']:.2f} s, match {res['seconds'] * 1000:.0f} ms (median)")
    keys = ["mention", "mention_exact", "document"] if cfg["task"] == "countries" else \
        [k for k in res if k.startswith(("span:", "id:", "id_most_populous:"))]
    for k in keys:
        v = res[k]
        if "tp" in v:
            counts = f"tp {v['tp']}, fp {v['fp']}, fn {v['fn']}"
        else:
            counts = f"{v['correct']}/{v['predictions']} correct, {v['found']}/{v['gold']} found"
        print(f"  {k:30s} P {_pct(v['precision'])}  R {_pct(v['recall'])}  F1 {_pct(v['f1'])}   ({counts})")
    print(f"  gold {res['gold']}, predictions {res['predictions']} on {res['predicted_spans']} spans, "
          f"ambiguous spans {res['ambiguous_spans']}")
    if cfg["task"] == "cities":
        acc = res["id_accuracy_on_spans"]
        print(f"  linked gold {res['gold_linked']} (of which cities {res['gold_cities']}); ids in the gazetteer "
              f"{res['id_coverage']:.3f}; on the {acc['n']} linked toponyms with a span, right id among the "
              f"candidates {acc['candidates']:.3f}, most populous right {acc['most_populous']:.3f}")
    if res.get("resolved_by"):
        print(f"  spans by resolved_by: {dict(sorted(res['resolved_by'].items()))}")
    if errors:
        print(f"  false positives by class: {res['fp_classes']}")
        print(f"  misses by class: {res['fn_classes']}")
        for title, k in (("false positives", "false_positives"), ("missed gold", "missed"),
                         ("wrong ids (most populous)", "wrong_id")):
            if k in res:
                print(f"  top {title}:")
                for surface, n in res[k]:
                    print(f"    {n:5d}  {surface}")


def _kw(d: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in d.items())


# --------------------------------------------------------------------------------------------
# Disagreements and their adjudication (countries)
# --------------------------------------------------------------------------------------------
#: Columns of an adjudication file (CSV): one row per disagreement (a false positive has
#: ``predicted`` and no ``gold``, a false negative ``gold`` and no ``predicted``), then the
#: verdict. ``seen_in``: the configurations that produced the disagreement.
ADJUDICATION_COLUMNS = ("doc_id", "start", "end", "surface", "predicted", "gold", "verdict", "reason_code", "note",
                        "seen_in")
#: Verdicts and what ``--adjudicated`` does with them. ``annotator_miss`` (a false positive that
#: is a country mention by LGL's conventions) counts as a true positive; ``gold_error`` (a
#: false negative whose gold toponym is wrong) is taken out of the gold; ``system_error`` and
#: ``debatable`` stay as in the raw score.
VERDICTS = ("annotator_miss", "system_error", "gold_error", "debatable")
#: The verdicts a false positive / a false negative can have.
VERDICTS_FP = ("annotator_miss", "system_error", "debatable")
VERDICTS_FN = ("gold_error", "system_error", "debatable")


def _code_str(code: Any) -> str:
    return "|".join(code) if isinstance(code, tuple) else ("" if code is None else str(code))


def disagreements(docs: Sequence[Mapping[str, Any]], mentions: Any, gazetteer: Any, *,
                  code_of: Callable[[Any], Any] = country_code,
                  kinds: Sequence[str] = ("country",)) -> List[Dict[str, Any]]:
    """Every false positive and false negative of the countries score at mention level
    (overlapping spans), with the pairing of ``quality.score_countries``: one dict per error
    with ``doc`` (position), ``doc_id``, ``start``, ``end``, ``surface``, ``predicted`` (ISO
    code of a false positive; several successors joined by ``|``), ``gold`` (code of a false
    negative) and ``type`` (``fp`` or ``fn``). The counts agree with
    ``score_countries(..., mentions=mentions)["mention"]`` (checked by the tests)."""
    per_doc, _ = quality.predictions(mentions, len(docs))
    kinds_set = set(kinds)
    ids = {p.entity for ps in per_doc for p in ps if p.kind in kinds_set}
    codes = {i: (code_of(gazetteer.get(i)) if gazetteer.get(i) is not None else None) for i in ids}
    out: List[Dict[str, Any]] = []
    for di, doc in enumerate(docs):
        gold = [t for t in doc.get("toponyms") or [] if t.get("is_country")]
        g_items = [(int(t["start"]), int(t["end"]), t.get("country")) for t in gold]
        preds = [p for p in per_doc[di] if p.kind in kinds_set]
        p_items = [(p.start, p.end, codes.get(p.entity)) for p in preds]
        pairs = quality.match_one_to_one(g_items, p_items)
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        doc_id = str(doc.get("id", di))
        for pi, p in enumerate(preds):
            if pi not in mp:
                out.append({"doc": di, "doc_id": doc_id, "start": p.start, "end": p.end, "surface": p.surface,
                            "predicted": _code_str(p_items[pi][2]), "gold": "", "type": "fp"})
        for gi, t in enumerate(gold):
            if gi not in mg:
                out.append({"doc": di, "doc_id": doc_id, "start": g_items[gi][0], "end": g_items[gi][1],
                            "surface": str(t.get("surface", "")), "predicted": "", "gold": _code_str(g_items[gi][2]),
                            "type": "fn"})
    return out


def _adj_key(row: Mapping[str, Any]) -> Tuple[str, int, int, str, str]:
    return (str(row["doc_id"]), int(row["start"]), int(row["end"]), str(row.get("predicted") or ""),
            str(row.get("gold") or ""))


def read_adjudication(path: str) -> Dict[Tuple[str, int, int, str, str], Dict[str, str]]:
    """The verdicts of an adjudication CSV (:data:`ADJUDICATION_COLUMNS`), keyed by
    ``(doc_id, start, end, predicted, gold)``. Raises ``ValueError`` naming the line for a
    missing column, an unknown verdict, a row with both or neither of predicted/gold, or a
    duplicate key."""
    import csv

    out: Dict[Tuple[str, int, int, str, str], Dict[str, str]] = {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ADJUDICATION_COLUMNS[:9] if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: missing column(s) {missing}; expected {list(ADJUDICATION_COLUMNS)}")
        for n, row in enumerate(reader, 2):
            verdict = (row.get("verdict") or "").strip()
            if verdict not in VERDICTS:
                raise ValueError(f"{path}, line {n}: verdict {verdict!r}; valid choices are {', '.join(VERDICTS)}")
            is_fp = bool((row.get("predicted") or "").strip())
            if is_fp == bool((row.get("gold") or "").strip()):
                raise ValueError(f"{path}, line {n}: exactly one of 'predicted' (a false positive) and 'gold' "
                                 "(a false negative) must be set")
            allowed = VERDICTS_FP if is_fp else VERDICTS_FN
            if verdict not in allowed:
                raise ValueError(f"{path}, line {n}: verdict {verdict!r} on a false "
                                 f"{'positive' if is_fp else 'negative'}; valid choices are {', '.join(allowed)}")
            try:
                key = _adj_key({k: (v or "").strip() for k, v in row.items() if k})
            except ValueError:
                raise ValueError(f"{path}, line {n}: start/end must be integers, got {row.get('start')!r}, "
                                 f"{row.get('end')!r}") from None
            if key in out:
                raise ValueError(f"{path}, line {n}: duplicate disagreement {key}")
            out[key] = {k: (v or "").strip() for k, v in row.items() if k}
    return out


def adjudicated_scores(raw: Mapping[str, Any], errs: Sequence[Mapping[str, Any]],
                       verdicts: Mapping[Tuple[str, int, int, str, str], Mapping[str, str]]) -> Dict[str, Any]:
    """Raw and adjudicated mention scores: ``raw`` is ``score_countries(...)["mention"]``,
    ``errs`` the :func:`disagreements` of the same run, ``verdicts`` from
    :func:`read_adjudication`. A false positive judged ``annotator_miss`` becomes a true
    positive (the gold gains the toponym the annotators missed); a false negative judged
    ``gold_error`` leaves the gold; every other verdict, and every disagreement the file does
    not list, counts as in the raw score. Returns ``raw``, ``adjudicated`` (``quality.prf``),
    ``applied`` (per error type and verdict), ``unjudged`` (disagreements without a verdict)
    and ``stale`` (rows of the file that are no disagreement of this run: another configuration's,
    or fixed since)."""
    n_fp = sum(1 for e in errs if e["type"] == "fp")
    n_fn = sum(1 for e in errs if e["type"] == "fn")
    if (n_fp, n_fn) != (raw["fp"], raw["fn"]):
        raise ValueError(f"the disagreements ({n_fp} fp, {n_fn} fn) are not those of the score "
                         f"({raw['fp']} fp, {raw['fn']} fn): score and list must come from one run")
    tp, fp, fn = raw["tp"], raw["fp"], raw["fn"]
    applied: Dict[str, Dict[str, int]] = {"fp": {v: 0 for v in VERDICTS_FP}, "fn": {v: 0 for v in VERDICTS_FN}}
    unjudged = 0
    seen = set()
    for e in errs:
        key = _adj_key(e)
        v = verdicts.get(key)
        if v is None:
            unjudged += 1
            continue
        seen.add(key)
        applied[e["type"]][v["verdict"]] = applied[e["type"]].get(v["verdict"], 0) + 1
        if e["type"] == "fp" and v["verdict"] == "annotator_miss":
            tp, fp = tp + 1, fp - 1
        elif e["type"] == "fn" and v["verdict"] == "gold_error":
            fn -= 1
    return {"raw": quality.prf(raw["tp"], raw["fp"], raw["fn"]), "adjudicated": quality.prf(tp, fp, fn),
            "applied": applied, "unjudged": unjudged, "stale": len(set(verdicts) - seen)}


def adjudicated_gold(docs: Sequence[Mapping[str, Any]], errs: Sequence[Mapping[str, Any]],
                     verdicts: Mapping[Tuple[str, int, int, str, str], Mapping[str, str]]) -> List[Dict[str, Any]]:
    """The gold documents corrected by the verdicts: a false positive judged
    ``annotator_miss`` adds a gold country toponym on its span with its predicted code (not
    for a prediction of several codes, such as a historical state's successors); a false
    negative judged ``gold_error`` removes its gold toponym. Scoring the same mentions against
    this gold with ``quality.score_countries`` gives the adjudicated mention score of
    :func:`adjudicated_scores` and, in addition, the adjudicated document score."""
    add: Dict[str, List[Dict[str, Any]]] = {}
    drop: Dict[str, set] = {}
    for e in errs:
        v = verdicts.get(_adj_key(e))
        if v is None:
            continue
        if e["type"] == "fp" and v["verdict"] == "annotator_miss" and "|" not in e["predicted"]:
            add.setdefault(e["doc_id"], []).append({"start": e["start"], "end": e["end"], "surface": e["surface"],
                                                    "country": e["predicted"], "is_country": True,
                                                    "adjudicated": True})
        elif e["type"] == "fn" and v["verdict"] == "gold_error":
            drop.setdefault(e["doc_id"], set()).add((e["start"], e["end"], e["gold"]))
    out = []
    for di, doc in enumerate(docs):
        doc_id = str(doc.get("id", di))
        tops = [t for t in doc.get("toponyms") or []
                if not (t.get("is_country") and (int(t["start"]), int(t["end"]), _code_str(t.get("country")))
                        in drop.get(doc_id, ()))]
        out.append(dict(doc, toponyms=tops + add.get(doc_id, [])))
    return out


def print_adjudicated(adj: Mapping[str, Any], path: str) -> None:
    """The raw and adjudicated mention scores side by side, with the verdicts applied."""
    r, a = adj["raw"], adj["adjudicated"]
    print(f"  raw vs adjudicated with {path} (mention level, overlapping spans; only the disagreements "
          "were judged):")
    print(f"    {'':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
    for label, v in (("raw", r), ("adjudicated", a)):
        print(f"    {label:12s} {_pct(v['precision']):>6s} {_pct(v['recall']):>6s} {_pct(v['f1']):>6s} "
              f"{v['tp']:5d} {v['fp']:5d} {v['fn']:5d}")
    fp, fn = adj["applied"]["fp"], adj["applied"]["fn"]
    print(f"    false positives judged: {', '.join(f'{k} {n}' for k, n in fp.items())} "
          f"(annotator_miss counted as true positives, the others as in the raw score)")
    print(f"    false negatives judged: {', '.join(f'{k} {n}' for k, n in fn.items())} "
          f"(gold_error taken out of the gold, the others as in the raw score)")
    print(f"    disagreements the file does not judge (counted as raw): {adj['unjudged']}; rows of the file "
          f"that are no disagreement of this run: {adj['stale']}")
    if "document" in adj:
        d, da = adj["document_raw"], adj["document"]
        print(f"  document level (per document the set of codes), raw vs against the gold corrected by the verdicts:")
        for label, v in (("raw", d), ("adjudicated", da)):
            print(f"    {label:12s} {_pct(v['precision']):>6s} {_pct(v['recall']):>6s} {_pct(v['f1']):>6s} "
                  f"{v['tp']:5d} {v['fp']:5d} {v['fn']:5d}")


def write_disagreements(path: str, errs: Sequence[Mapping[str, Any]], label: str,
                        verdicts: Optional[Mapping[Tuple[str, int, int, str, str], Mapping[str, str]]] = None) -> int:
    """Writes (or merges into) an adjudication CSV: the disagreements of one run, with the
    verdicts already in ``verdicts`` (or in the file itself) kept and ``label`` added to
    ``seen_in``. New rows have an empty verdict to fill in. Returns the number of rows."""
    import csv

    rows: Dict[Tuple[str, int, int, str, str], Dict[str, str]] = {}
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows[_adj_key(row)] = {c: row.get(c) or "" for c in ADJUDICATION_COLUMNS}
    for k, v in (verdicts or {}).items():
        rows.setdefault(k, {c: v.get(c) or "" for c in ADJUDICATION_COLUMNS})
    for e in errs:
        key = _adj_key(e)
        row = rows.setdefault(key, {c: "" for c in ADJUDICATION_COLUMNS})
        row.update(doc_id=e["doc_id"], start=str(e["start"]), end=str(e["end"]), surface=e["surface"],
                   predicted=e["predicted"], gold=e["gold"])
        seen = [x for x in row.get("seen_in", "").split(";") if x]
        if label not in seen:
            row["seen_in"] = ";".join(seen + [label])
    ordered = sorted(rows.values(), key=lambda r: (r["doc_id"], int(r["start"]), int(r["end"]), r["predicted"],
                                                   r["gold"]))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(ADJUDICATION_COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(ordered)
    return len(ordered)


# --------------------------------------------------------------------------------------------
# The standard table
# --------------------------------------------------------------------------------------------
#: The standard configurations of ``table``: (task, label, gazetteer, gazetteer options,
#: Matcher options, pinned). ``pinned`` rows add BASELINE_MATCHER_OPTS and strip context rules,
#: so they measure the same thing in every version; the others use this version's defaults.
TABLE: List[Tuple[str, str, str, Dict[str, Any], Dict[str, Any], bool]] = [
    ("countries", "`countries()`, no resolution, no rules", "countries", {}, {}, True),
    ("countries", "`countries()` + `ignore=COUNTRIES_IGNORE_EN`, no resolution, no rules", "countries", {},
     {"ignore": "en"}, True),
    ("countries", "`countries(capitals=False)`, no resolution, no rules", "countries", {"capitals": False}, {}, True),
    ("countries", "`countries()`, defaults", "countries", {}, {}, False),
    ("countries", "`countries()`, defaults, `capitalized_runs=\"keep\"`", "countries", {},
     {"capitalized_runs": "keep"}, False),
    ("countries", "`countries()`, defaults, `capitalized_runs=\"skip\"`", "countries", {},
     {"capitalized_runs": "skip"}, False),
    ("countries", "`places()`, defaults (its country entities)", "places", {}, {}, False),
    ("cities", "`geonames()`, no resolution, no rules", "geonames", {}, {}, True),
    ("cities", "`geonames()`, defaults", "geonames", {}, {}, False),
    ("cities", "`places()`, no resolution, no rules", "places", {}, {}, True),
    ("cities", "`places()`, defaults", "places", {}, {}, False),
]

COUNTRY_COLUMNS = [
    ("label", "configuration"), ("P", "P"), ("R", "R"), ("F1", "F1"), ("F1x", "F1 exact"),
    ("dP", "doc P"), ("dR", "doc R"), ("dF1", "doc F1"), ("pred", "predictions"), ("amb", "ambiguous spans"),
    ("res", "resolved l/c/d/s/p, left"), ("match", "match time"),
]
CITY_COLUMNS = [
    ("label", "configuration"), ("sP", "span P"), ("scR", "span R cities"), ("saR", "span R all"),
    ("iP", "id P"), ("iR", "id R"), ("iF1", "id F1"), ("mP", "MP id P"), ("mcR", "MP id R cities"),
    ("mcF1", "MP id F1 cities"), ("mF1", "MP id F1"), ("amb", "ambiguous spans"), ("res", "resolved l/c/d/s/p, left"),
    ("build", "build time"), ("match", "match time"),
]


def _table_row(task: str, label: str, res: Optional[Mapping[str, Any]], note: str = "") -> Dict[str, Any]:
    if res is None:
        return {"label": f"{label} — n/a: {note}"}
    row: Dict[str, Any] = {"label": label, "amb": f"{res['ambiguous_spans']:,}",
                           "match": f"{res['seconds'] * 1000:.0f} ms"}
    rb = res.get("resolved_by") or {}
    if any(rb.get(k) for k in ("list", "context", "document", "support", "prior")):
        row["res"] = "/".join(f"{rb.get(k, 0):,}" for k in ("list", "context", "document", "support", "prior")) + \
            f", {rb.get('none', 0):,}"
    if task == "countries":
        m, x, d = res["mention"], res["mention_exact"], res["document"]
        row.update(P=_pct(m["precision"]), R=_pct(m["recall"]), F1=_pct(m["f1"]), F1x=_pct(x["f1"]),
                   dP=_pct(d["precision"]), dR=_pct(d["recall"]), dF1=_pct(d["f1"]), pred=f"{res['predictions']:,}")
    else:
        c, a, i = res["span:cities"], res["span:all"], res["id:linked"]
        mp, mpc = res["id_most_populous:linked"], res["id_most_populous:cities"]
        row.update(sP=_pct(a["precision"]), scR=_pct(c["recall"]), saR=_pct(a["recall"]),
                   iP=_pct(i["precision"]), iR=_pct(i["recall"]), iF1=_pct(i["f1"]),
                   mP=_pct(mp["precision"]), mcR=_pct(mpc["recall"]), mcF1=_pct(mpc["f1"]), mF1=_pct(mp["f1"]),
                   build=f"{res['build_seconds']:.1f} s")
    return row


def _code_version() -> str:
    """The commit of the gazetta checkout being measured (the one ``import gazetta`` found)."""
    where = os.path.dirname(os.path.abspath(gazetta.__file__))
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10,
                             cwd=where)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "."],
                               capture_output=True, text=True, timeout=30, cwd=where)
    except (OSError, subprocess.SubprocessError):
        return f"from {where}"
    if out.returncode != 0 or not out.stdout.strip():
        return f"from {where}"
    return f"commit {out.stdout.strip()}" + (" with uncommitted changes" if dirty.stdout.strip() else "")


def run_table(docs: Sequence[Mapping[str, Any]], *, repeat: int = 3, only: Optional[str] = None,
              errors: int = 0) -> Tuple[str, List[Dict[str, Any]]]:
    """Runs the standard configurations; returns the markdown block and the raw results."""
    cache: Dict[Any, Any] = {}
    rows: Dict[str, List[Dict[str, Any]]] = {"countries": [], "cities": []}
    results: List[Dict[str, Any]] = []
    for task, label, gname, gopts, mopts, pinned in TABLE:
        if only and task != only:
            continue
        opts = dict(mopts)
        if opts.get("ignore") == "en":
            opts["ignore"] = ignore_phrases("en")
        missing = [k for k in opts if not matcher_accepts(k)]
        if missing:
            rows[task].append(_table_row(task, label, None, f"this version's Matcher has no option {missing[0]}"))
            continue
        if gname in BUILTIN_GAZETTEERS and getattr(gazetta.gazetteers, gname, None) is None:
            rows[task].append(_table_row(task, label, None, f"this version has no gazetteers.{gname}()"))
            continue
        if pinned:
            for k, v in BASELINE_MATCHER_OPTS.items():
                if matcher_accepts(k):
                    opts.setdefault(k, v)
            if "ignore" not in opts and matcher_accepts("ignore"):
                opts["ignore"] = []
        print(f"... {task}: {label}", file=sys.stderr, flush=True)
        res = run_config(task, docs, gazetteer=gname, gazetteer_opts=gopts, matcher_opts=opts, no_rules=pinned,
                         repeat=repeat, errors=errors, cache=cache)
        res["label"] = label
        results.append(res)
        rows[task].append(_table_row(task, label, res))
        if errors:
            print_result(res, errors)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    head = (f"Measured {date} with gazetta {gazetta.__version__} ({_code_version()}), "
            f"`python benchmarks/lgl_eval.py table`; match time = median of {repeat} runs over the 588 texts "
            f"on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (times are wall times, only "
            "comparable within one table).")
    parts = [head]
    parts += ["", "*ambiguous spans*: spans with several candidates in the output; *resolved l/c/d/s/p, left*: spans "
              "of any kind that the matcher's resolution settled by list / context / document / support / prior, and "
              "that "
              "it left ambiguous."]
    if rows["countries"]:
        parts += ["", "Countries (mention level unless marked doc):", "",
                  markdown_table(rows["countries"], COUNTRY_COLUMNS)]
    if rows["cities"]:
        parts += ["", "Places (spans and GeoNames ids; id = as output, MP = most populous candidate per span; "
                  "R over every linked toponym unless marked cities):", "",
                  markdown_table(rows["cities"], CITY_COLUMNS)]
    return "\n".join(parts), results


def update_section(path: str, section: str, block: str) -> None:
    """Replaces the text between ``<!-- lgl-table:SECTION -->`` and ``<!-- /lgl-table:SECTION -->``."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    pat = re.compile(rf"(<!-- lgl-table:{re.escape(section)} -->\n).*?(\n<!-- /lgl-table:{re.escape(section)} -->)",
                     re.S)
    if not pat.search(text):
        raise SystemExit(f"{path}: no '<!-- lgl-table:{section} -->' ... '<!-- /lgl-table:{section} -->' markers")
    text = pat.sub(lambda m: m.group(1) + block + m.group(2), text, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------
def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Definitions: docs/quality.md and this script's docstring.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", help=f"LGL JSON Lines (default {DEFAULT_CORPUS})")
    common.add_argument("--repeat", type=int, default=3, help="timed mentions() runs (median reported; default 3)")
    common.add_argument("--errors", type=int, nargs="?", const=20, default=0, metavar="N",
                        help="print the N most frequent error surfaces and the error classes (default N: 20)")
    common.add_argument("--json", metavar="PATH", help="write the results as JSON")
    for name, default_gaz in (("countries", "countries"), ("cities", "geonames")):
        p = sub.add_parser(name, parents=[common], help=f"score one configuration ({name})")
        p.add_argument("--gazetteer", default=default_gaz,
                       help=f"{', '.join(BUILTIN_GAZETTEERS)} or a gazetteer file (default {default_gaz})")
        p.add_argument("--gazetteer-opt", action="append", metavar="KEY=VALUE",
                       help="keyword for the built-in gazetteer, e.g. capitals=false (repeatable)")
        p.add_argument("--matcher-opt", action="append", metavar="KEY=VALUE",
                       help="Matcher keyword, e.g. ambiguous=all, capitalized_runs=skip (repeatable; values "
                            "are read as JSON when they parse)")
        p.add_argument("--ignore", metavar="en|none|FILE",
                       help="ignore phrases: en = gazetteers.COUNTRIES_IGNORE_EN, none, or a file, one per line")
        p.add_argument("--no-rules", action="store_true",
                       help="no context rules: strip not_before/not_after/person_after from the gazetteer, Matcher "
                            f"{NO_RULES_MATCHER_OPTS} and no ignore phrases unless given (ambiguity is "
                            "left to --matcher-opt ambiguous=...)")
        if name == "countries":
            p.add_argument("--country-gold", choices=("all", "names"), default="all",
                           help="gold country toponyms: all (default), or names only (demonyms left out)")
            p.add_argument("--adjudicated", metavar="PATH",
                           help="also score with the verdicts of an adjudication CSV (e.g. "
                                "benchmarks/lgl_adjudication.csv): annotator_miss false positives count as "
                                "true positives, gold_error false negatives leave the gold; raw and "
                                "adjudicated printed side by side")
            p.add_argument("--write-disagreements", metavar="PATH",
                           help="write every false positive and false negative (mention level) to an "
                                "adjudication CSV, merging into PATH if it exists (verdicts kept, new rows "
                                "left without a verdict)")
        if name == "cities":
            p.add_argument("--min-population", type=int, help="min_population of the built-in gazetteer")
    t = sub.add_parser("table", parents=[common], help="the standard configurations as markdown tables")
    t.add_argument("--only", choices=("countries", "cities"))
    t.add_argument("--update", metavar="FILE", help="write the tables into FILE between the section's markers")
    t.add_argument("--section", default="after", help="marker name for --update (default: after)")
    args = ap.parse_args(argv)

    docs = load_lgl(args.corpus)
    if args.cmd == "table":
        block, results = run_table(docs, repeat=args.repeat, only=args.only, errors=args.errors)
        print(block)
        if args.update:
            update_section(args.update, args.section, block)
            print(f"\nwritten to {args.update} (section {args.section})", file=sys.stderr)
        out: Any = results
    else:
        gopts = parse_opts(args.gazetteer_opt, "--gazetteer-opt")
        if args.cmd == "cities" and args.min_population is not None:
            gopts["min_population"] = args.min_population
        mopts = parse_opts(args.matcher_opt, "--matcher-opt")
        ign = ignore_phrases(args.ignore)
        if ign is not None:
            mopts["ignore"] = ign
        if args.no_rules:
            for k, v in NO_RULES_MATCHER_OPTS.items():
                if matcher_accepts(k):
                    mopts.setdefault(k, v)
            mopts.setdefault("ignore", [])
        adjudicated = getattr(args, "adjudicated", None)
        write_to = getattr(args, "write_disagreements", None)
        if (adjudicated or write_to) and args.country_gold != "all":
            raise SystemExit("--adjudicated and --write-disagreements score against all gold country toponyms: "
                             "leave out --country-gold names")
        verdicts = None
        if adjudicated:
            try:
                verdicts = read_adjudication(adjudicated)
            except (OSError, ValueError) as exc:
                raise SystemExit(str(exc))
        frames: Dict[str, Any] = {}
        out = run_config(args.cmd, docs, gazetteer=args.gazetteer, gazetteer_opts=gopts, matcher_opts=mopts,
                         no_rules=args.no_rules, repeat=args.repeat, errors=args.errors,
                         country_gold=getattr(args, "country_gold", "all"), frames=frames)
        print_result(out, args.errors)
        if adjudicated or write_to:
            errs = disagreements(docs, frames["mentions"], frames["gazetteer"])
            if verdicts is not None:
                adj = adjudicated_scores(out["mention"], errs, verdicts)
                fixed = quality.score_countries(None, adjudicated_gold(docs, errs, verdicts),
                                                gazetteer=frames["gazetteer"], mentions=frames["mentions"])
                # the corrected gold reproduces the adjudicated mention score (a check of both)
                if fixed["mention"] != adj["adjudicated"]:
                    raise SystemExit(f"adjudicated gold and verdict count disagree: {fixed['mention']} vs "
                                     f"{adj['adjudicated']}")
                adj["document_raw"], adj["document"] = out["document"], fixed["document"]
                print_adjudicated(adj, adjudicated)
                out["adjudicated"] = adj
            if write_to:
                label = args.gazetteer + (f"({_kw(gopts)})" if gopts else "") + \
                    (f"+{_kw({k: v for k, v in mopts.items() if k != 'ignore'})}" if mopts else "")
                n = write_disagreements(write_to, errs, label)
                print(f"  {len(errs)} disagreements written to {write_to} ({n} rows in the file)", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
