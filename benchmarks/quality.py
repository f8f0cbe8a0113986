"""Scoring gazetteer matches against a gold corpus of annotated toponyms (not part of the package).

The gold documents are dicts in the LGL record format (see ``docs/quality.md``)::

    {"id": ..., "text": "...", "toponyms": [{"start": 0, "end": 10, "surface": "Alexandria",
     "geonameid": 4314550, "name": "Alexandria", "fcode": "PPL", "country": "US",
     "is_country": false}, ...]}

``start``/``end`` are Python ``str`` offsets (end exclusive). ``geonameid`` may be null
(toponyms the annotators could not link).

Definitions (the same words as ``docs/quality.md``)
---------------------------------------------------
*Prediction*: one row of ``Matcher.mentions()`` (one candidate entity on one span). A span
that several entities share (an ambiguous span left unresolved) gives one prediction per
candidate, so ambiguity costs precision.

*One-to-one overlap match*: a prediction and a gold toponym may pair when their spans
overlap (share at least one character) and their keys are equal (the ISO code for
countries, the GeoNames id for places, nothing for spans). Every gold toponym pairs with at
most one prediction and vice versa; pairs are chosen greedily, exact spans first, then the
larger overlap, then the earlier position. *Exact* variants pair identical spans only.
TP = pairs, FP = predictions - TP, FN = gold - TP; P = TP/(TP+FP), R = TP/(TP+FN),
F1 = 2PR/(P+R) (0 when undefined).

:func:`score_countries` (gold: toponyms with ``is_country`` true, key ``country``;
predictions: rows whose entity ``kind`` is ``"country"``, key :func:`country_code`):
``mention`` (overlap), ``mention_exact`` and ``document`` (per document the set of
predicted codes against the set of gold codes, micro-averaged over documents).

:func:`score_places` (predictions: rows of every kind). Precision is always measured against
every gold toponym, recall can be restricted to a *scope* of the gold: ``all``, ``linked``
(toponyms with a ``geonameid``) or ``cities`` (GeoNames feature code ``PPL*``: cities, towns,
villages; the scope a city gazetteer is meant to cover). ``span:<scope>``: the distinct
predicted spans (any entity, no key) paired with every gold toponym; precision = paired spans
/ predicted spans, recall = paired gold toponyms of the scope / gold toponyms of the scope.
``id:<scope>``: rows paired with the linked gold toponyms by GeoNames id
(:func:`geonameid_of`); precision = paired rows / rows, recall over the linked toponyms of
the scope. ``id_most_populous:<scope>``: the same after keeping, on each span, only the
candidate with the largest ``prior`` (else ``population``) attribute.

Examples
--------
>>> import gazetta
>>> g = gazetta.Gazetteer().add("GE", "Georgia", kind="country").add("US", "United States", kind="country")
>>> docs = [{"text": "Georgia and the United States.", "toponyms": [
...     {"start": 16, "end": 29, "surface": "United States", "geonameid": 6252001, "country": "US",
...      "is_country": True}]}]
>>> r = score_countries(gazetta.Matcher(g), docs)
>>> r["mention"]["tp"], r["mention"]["fp"], r["mention"]["fn"], r["document"]["precision"]
(1, 1, 0, 0.5)
"""

from __future__ import annotations

import bisect
import collections
import time
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = [
    "prf", "match_one_to_one", "country_code", "geonameid_of", "prior_of", "predictions",
    "score_countries", "score_places", "is_populated_place", "SPAN_SCOPES", "ID_SCOPES",
]

#: An interval with a comparison key: (start, end, key).
Item = Tuple[int, int, Any]


# --------------------------------------------------------------------------------------------
# Generic pieces
# --------------------------------------------------------------------------------------------
def prf(tp: int, fp: int, fn: int) -> Dict[str, Any]:
    """Counts and precision, recall, F1 (0.0 where a ratio is undefined).

    Examples
    --------
    >>> prf(3, 1, 2)
    {'tp': 3, 'fp': 1, 'fn': 2, 'precision': 0.75, 'recall': 0.6, 'f1': 0.666667}

    Kept to six decimals, so that a table printed to three is rounded once (0.87248 is 0.872,
    not 0.8725 and then 0.873).
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 6), "recall": round(r, 6), "f1": round(f, 6)}


def match_one_to_one(gold: Sequence[Item], pred: Sequence[Item], *, exact: bool = False) -> List[Tuple[int, int]]:
    """Pairs ``(gold index, prediction index)``: one-to-one, overlapping spans, equal keys.

    Pairs are chosen greedily: identical spans first, then the larger overlap, then the
    earlier gold start, then the earlier prediction. With ``exact=True`` only identical spans
    pair. Empty spans never overlap anything. A prediction's key may be a tuple: it then pairs
    with a gold toponym whose key is any of its members (a historical country and its
    successors).

    Examples
    --------
    >>> match_one_to_one([(0, 5, "A"), (10, 15, "B")], [(0, 5, "A"), (0, 5, "B"), (9, 12, "B")])
    [(0, 0), (1, 2)]
    >>> match_one_to_one([(0, 5, None)], [(1, 7, None)], exact=True)
    []
    """
    if not gold or not pred:
        return []
    order = sorted(range(len(gold)), key=lambda i: (gold[i][0], gold[i][1]))
    starts = [gold[i][0] for i in order]
    max_len = max(e - s for s, e, _ in gold)
    cands: List[Tuple[int, int, int, int, int]] = []
    for pi, (ps, pe, pk) in enumerate(pred):
        if pe <= ps:
            continue
        hi = bisect.bisect_left(starts, pe)  # gold starting before the prediction ends
        lo = bisect.bisect_left(starts, ps - max_len)
        for j in range(lo, hi):
            gi = order[j]
            gs, ge, gk = gold[gi]
            if ge <= ps or not (gk in pk if isinstance(pk, tuple) else gk == pk):
                continue
            same = gs == ps and ge == pe
            if exact and not same:
                continue
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((0 if same else 1, -ov, gs, pi, gi))
    cands.sort()
    used_g: set = set()
    used_p: set = set()
    out: List[Tuple[int, int]] = []
    for _, _, _, pi, gi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    out.sort()
    return out


# --------------------------------------------------------------------------------------------
# Entity -> key mappings (pass your own to the score functions)
# --------------------------------------------------------------------------------------------
def country_code(entity: Any) -> Union[str, Tuple[str, ...], None]:
    """ISO 3166-1 alpha-2 code of a country entity, in this order: its ``iso2`` attribute; its
    ``successor`` attribute (a historical state is scored as the country that followed it;
    several successors give a tuple, which pairs with any of them); its id when that is two
    letters; its ``parent`` when that is two letters (England, ``GB-ENG``, is scored as ``GB``,
    as LGL annotates it); else the id as it is (which then matches no gold code).

    Examples
    --------
    >>> import gazetta
    >>> g = (gazetta.Gazetteer().add("KP", "North Korea").add("SUHH", "Soviet Union", successor="RU")
    ...      .add("CSHH", "Czechoslovakia", successor=["CZ", "SK"]).add("GB", "United Kingdom")
    ...      .add("GB-ENG", "England", parent="GB"))
    >>> [country_code(g[i]) for i in ("KP", "SUHH", "CSHH", "GB-ENG")]
    ['KP', 'RU', ('CZ', 'SK'), 'GB']
    """
    attrs = getattr(entity, "attrs", {}) or {}
    v = attrs.get("iso2")
    if isinstance(v, str) and v.strip():
        return v.strip().upper()
    v = attrs.get("successor")
    if isinstance(v, str) and v.strip():
        return v.strip().upper()
    if isinstance(v, (list, tuple)) and v:
        codes = tuple(str(x).strip().upper() for x in v)
        return codes[0] if len(codes) == 1 else codes
    eid = str(entity.id)
    if len(eid) == 2 and eid.isalpha():
        return eid.upper()
    v = attrs.get("parent")
    if isinstance(v, str) and len(v) == 2 and v.isalpha():
        return v.upper()
    return eid


def geonameid_of(entity: Any) -> Optional[int]:
    """GeoNames id of an entity: its ``geonameid`` attribute, else its id when that is all
    digits (the built-in ``geonames()`` gazetteer), else None.

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("2988507", "Paris").add("FR", "France", geonameid=3017382)
    >>> geonameid_of(g["2988507"]), geonameid_of(g["FR"])
    (2988507, 3017382)
    """
    attrs = getattr(entity, "attrs", {}) or {}
    v = attrs.get("geonameid")
    if v is not None and str(v).strip().isdigit():
        return int(str(v).strip())
    eid = str(entity.id)
    return int(eid) if eid.isdigit() else None


def prior_of(entity: Any) -> float:
    """The number "most populous" compares: the ``prior`` attribute, else ``population``,
    else 0.

    Examples
    --------
    >>> import gazetta
    >>> prior_of(gazetta.Gazetteer().add("1", "X", population=5)["1"])
    5.0
    """
    attrs = getattr(entity, "attrs", {}) or {}
    for key in ("prior", "population"):
        v = attrs.get(key)
        try:
            if v is not None:
                return float(v)
        except (TypeError, ValueError):
            continue
    return 0.0


# --------------------------------------------------------------------------------------------
# Predictions from Matcher.mentions()
# --------------------------------------------------------------------------------------------
class Pred(tuple):
    """One prediction: (start, end, entity id, kind, surface, span size), span size being the
    number of candidates on that span."""

    __slots__ = ()

    start = property(lambda self: self[0])
    end = property(lambda self: self[1])
    entity = property(lambda self: self[2])
    kind = property(lambda self: self[3])
    surface = property(lambda self: self[4])
    n_candidates = property(lambda self: self[5])


def _column(df: Any, name: str) -> List[Any]:
    return df[name].astype(object).tolist() if name in df.columns else [None] * len(df)


def predictions(mentions: Any, n_docs: int) -> Tuple[List[List[Pred]], Dict[str, int]]:
    """Per document (by 0-based position in the ``doc`` column) the predictions of a
    ``Matcher.mentions()`` frame, and the counts of its ``resolved_by`` column if it has one.

    Only the columns ``doc, start, end, entity, kind, surface`` (and ``resolved_by``) are read,
    so frames with further columns score the same.
    """
    per_doc: List[List[Pred]] = [[] for _ in range(n_docs)]
    docs = _column(mentions, "doc")
    starts = _column(mentions, "start")
    ends = _column(mentions, "end")
    ents = _column(mentions, "entity")
    kinds = _column(mentions, "kind")
    surfs = _column(mentions, "surface")
    span_size: Dict[Tuple[int, int, int], int] = collections.Counter(zip(docs, starts, ends))
    for d, s, e, ent, k, sf in zip(docs, starts, ends, ents, kinds, surfs):
        per_doc[int(d)].append(Pred((int(s), int(e), str(ent), "" if k is None else str(k),
                                     "" if sf is None else str(sf), span_size[(d, s, e)])))
    resolved: Dict[str, int] = {}
    if "resolved_by" in mentions.columns:
        # per span, not per row
        seen = set()
        for d, s, e, rb in zip(docs, starts, ends, _column(mentions, "resolved_by")):
            if (d, s, e) in seen:
                continue
            seen.add((d, s, e))
            key = "" if rb is None else str(rb)
            resolved[key] = resolved.get(key, 0) + 1
    return per_doc, resolved


def _mentions_of(matcher: Any, docs: Sequence[Mapping[str, Any]], mentions: Any) -> Tuple[Any, Optional[float]]:
    if mentions is not None:
        return mentions, None
    texts = [d.get("text") or "" for d in docs]
    t0 = time.perf_counter()
    df = matcher.mentions(texts, progress=False)
    return df, time.perf_counter() - t0


def _entity_map(fn: Callable[[Any], Any], gazetteer: Any, ids: Iterable[str]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for i in ids:
        if i not in out:
            ent = gazetteer.get(i) if gazetteer is not None else None
            out[i] = fn(ent) if ent is not None else None
    return out


def _top(counter: "collections.Counter[str]", n: int) -> List[Tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------
def score_countries(matcher: Any, docs: Sequence[Mapping[str, Any]], *,
                    code_of: Callable[[Any], Any] = country_code,
                    gazetteer: Any = None, mentions: Any = None, kinds: Sequence[str] = ("country",),
                    gold_filter: Optional[Callable[[Mapping[str, Any]], bool]] = None,
                    errors: int = 0) -> Dict[str, Any]:
    """Country scores of a matcher on gold documents (definitions: the module docstring).

    Parameters
    ----------
    matcher : Matcher or None
        Run as ``matcher.mentions(texts)`` (timed) unless ``mentions`` is given.
    docs : sequence of dict
        Gold documents (``text``, ``toponyms``).
    code_of : callable
        Entity -> ISO alpha-2 code (default :func:`country_code`).
    gazetteer : Gazetteer, optional
        Where entity ids are looked up (default ``matcher.gazetteer``).
    mentions : DataFrame, optional
        A ``mentions()`` frame of ``docs`` (``doc`` = 0-based position) to score instead.
    kinds : sequence of str
        Entity kinds that count as country predictions.
    gold_filter : callable, optional
        Keep only gold country toponyms for which it returns True (e.g. leave out demonyms).
    errors : int
        Also return the ``errors`` most frequent false-positive and missed surfaces.

    Returns
    -------
    dict
        ``mention``, ``mention_exact``, ``document`` (each tp/fp/fn/precision/recall/f1),
        ``gold``, ``predictions``, ``predicted_spans``, ``ambiguous_spans``,
        ``resolved_by`` (spans per value, when the frame has that column), ``seconds``
        (the timed ``mentions`` call, or None) and, with ``errors``, ``fp_classes``,
        ``fn_classes``, ``false_positives``, ``missed``.
    """
    df, seconds = _mentions_of(matcher, docs, mentions)
    gaz = gazetteer if gazetteer is not None else matcher.gazetteer
    per_doc, resolved = predictions(df, len(docs))
    kinds_set = set(kinds)
    codes = _entity_map(code_of, gaz, (p.entity for ps in per_doc for p in ps if p.kind in kinds_set))
    tp = fp = fn = tpx = dtp = dfp = dfn = 0
    n_gold = n_pred = 0
    spans: set = set()
    amb: set = set()
    fp_surf: "collections.Counter[str]" = collections.Counter()
    fn_surf: "collections.Counter[str]" = collections.Counter()
    fp_cls: "collections.Counter[str]" = collections.Counter()
    fn_cls: "collections.Counter[str]" = collections.Counter()
    for di, doc in enumerate(docs):
        tops = doc.get("toponyms") or []
        gold = [t for t in tops if t.get("is_country") and (gold_filter is None or gold_filter(t))]
        g_items = [(int(t["start"]), int(t["end"]), t.get("country")) for t in gold]
        preds = [p for p in per_doc[di] if p.kind in kinds_set]
        p_items = [(p.start, p.end, codes.get(p.entity)) for p in preds]
        for p in preds:
            spans.add((di, p.start, p.end))
            if p.n_candidates > 1:
                amb.add((di, p.start, p.end))
        pairs = match_one_to_one(g_items, p_items)
        n_gold += len(g_items)
        n_pred += len(p_items)
        tp += len(pairs)
        tpx += len(match_one_to_one(g_items, p_items, exact=True))
        g_codes = {k for _, _, k in g_items}
        # a prediction with several codes counts as the gold one if any, else as its first
        p_codes = {(next((x for x in k if x in g_codes), k[0]) if isinstance(k, tuple) else k)
                   for _, _, k in p_items}
        dtp += len(g_codes & p_codes)
        dfp += len(p_codes - g_codes)
        dfn += len(g_codes - p_codes)
        if errors:
            mg = {g for g, _ in pairs}
            mp = {p for _, p in pairs}
            all_items = [(int(t["start"]), int(t["end"]), None) for t in tops]
            for pi, (s, e, k) in enumerate(p_items):
                if pi in mp:
                    continue
                over = [tops[g] for g, _ in match_one_to_one(all_items, [(s, e, None)])]
                if not over:
                    cls = "no gold toponym there"
                elif over[0].get("is_country"):
                    cls = "gold is another country"
                else:
                    cls = "gold is a city/region/other place"
                fp_cls[cls] += 1
                fp_surf[f"{preds[pi].surface} -> {k} ({cls})"] += 1
            for gi, (s, e, k) in enumerate(g_items):
                if gi in mg:
                    continue
                hit = match_one_to_one([(s, e, None)], [(ps, pe, None) for ps, pe, _ in p_items])
                cls = "predicted with another code" if hit else "no country prediction there"
                fn_cls[cls] += 1
                fn_surf[f"{gold[gi].get('surface')} [{k}] ({cls})"] += 1
    out: Dict[str, Any] = {
        "mention": prf(tp, n_pred - tp, n_gold - tp),
        "mention_exact": prf(tpx, n_pred - tpx, n_gold - tpx),
        "document": prf(dtp, dfp, dfn),
        "gold": n_gold, "predictions": n_pred, "predicted_spans": len(spans), "ambiguous_spans": len(amb),
        "resolved_by": resolved, "seconds": seconds,
    }
    if errors:
        out.update(fp_classes=dict(fp_cls), fn_classes=dict(fn_cls),
                   false_positives=_top(fp_surf, errors), missed=_top(fn_surf, errors))
    return out


# --------------------------------------------------------------------------------------------
# Places (GeoNames ids)
# --------------------------------------------------------------------------------------------
def is_populated_place(toponym: Mapping[str, Any]) -> bool:
    """True for a gold toponym whose GeoNames feature code is a populated place (``PPL``,
    ``PPLA``, ``PPLC``, ``PPLX``, ...): a city, town or village.

    Examples
    --------
    >>> is_populated_place({"fcode": "PPLA"}), is_populated_place({"fcode": "ADM1"})
    (True, False)
    """
    return str(toponym.get("fcode") or "").startswith("PPL")


def _is_linked(toponym: Mapping[str, Any]) -> bool:
    return toponym.get("geonameid") is not None


#: Gold scopes of :func:`score_places`: name -> which gold toponyms are in it.
SPAN_SCOPES: Dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "all": lambda t: True,
    "linked": _is_linked,
    "cities": is_populated_place,
}
ID_SCOPES: Dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "linked": _is_linked,
    "cities": lambda t: _is_linked(t) and is_populated_place(t),
}


def scoped(correct: int, predictions: int, found: int, gold: int) -> Dict[str, Any]:
    """Precision over every prediction, recall over the gold toponyms of one scope.

    ``correct``: predictions paired with any gold toponym; ``found``: gold toponyms of the scope
    paired with a prediction.

    Examples
    --------
    >>> scoped(3, 6, 2, 4)
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'correct': 3, 'predictions': 6, 'found': 2, 'gold': 4}
    """
    p = correct / predictions if predictions else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 6), "recall": round(r, 6), "f1": round(f, 6), "correct": correct,
            "predictions": predictions, "found": found, "gold": gold}


def score_places(matcher: Any, docs: Sequence[Mapping[str, Any]], *,
                 id_of: Callable[[Any], Optional[int]] = geonameid_of,
                 prior: Callable[[Any], float] = prior_of, gazetteer: Any = None, mentions: Any = None,
                 errors: int = 0) -> Dict[str, Any]:
    """Place scores (spans and GeoNames ids) of a matcher on gold documents (definitions:
    the module docstring).

    Parameters
    ----------
    matcher : Matcher or None
        Run as ``matcher.mentions(texts)`` (timed) unless ``mentions`` is given.
    docs : sequence of dict
        Gold documents (``text``, ``toponyms``).
    id_of : callable
        Entity -> GeoNames id as int, or None (default :func:`geonameid_of`).
    prior : callable
        Entity -> number compared by the most-populous baseline (default :func:`prior_of`).
    gazetteer : Gazetteer, optional
        Where entity ids are looked up (default ``matcher.gazetteer``).
    mentions : DataFrame, optional
        A ``mentions()`` frame of ``docs`` to score instead.
    errors : int
        Also return the ``errors`` most frequent false-positive spans, missed toponyms and
        wrong ids.

    Returns
    -------
    dict
        ``span:<scope>`` for the scopes of :data:`SPAN_SCOPES`, ``id:<scope>`` and
        ``id_most_populous:<scope>`` for those of :data:`ID_SCOPES` (each from
        :func:`scoped`: precision, recall, f1, correct, predictions, found, gold),
        ``id_accuracy_on_spans`` (of the linked gold
        toponyms paired with a predicted span, the share whose id is among the candidates /
        is the most populous candidate), ``id_coverage`` (share of linked gold toponyms whose
        id is in the gazetteer: the ceiling of id recall), counts, ``resolved_by`` and
        ``seconds``; with ``errors``, the error lists and classes.

    Examples
    --------
    >>> import gazetta
    >>> g = (gazetta.Gazetteer().add("1", "Paris", kind="city", population=2_000_000)
    ...      .add("2", "Paris", kind="city", population=25_000))
    >>> docs = [{"text": "Paris, Texas", "toponyms": [
    ...     {"start": 0, "end": 5, "geonameid": 2, "fcode": "PPL"},
    ...     {"start": 7, "end": 12, "geonameid": 3, "fcode": "ADM1"}]}]
    >>> r = score_places(gazetta.Matcher(g, ambiguous="all"), docs)
    >>> r["span:all"]["recall"], r["span:cities"]["recall"], r["id:linked"]["precision"]
    (0.5, 1.0, 0.5)
    >>> r["id_most_populous:linked"]["found"]  # the larger Paris is not the one meant
    0
    """
    df, seconds = _mentions_of(matcher, docs, mentions)
    gaz = gazetteer if gazetteer is not None else matcher.gazetteer
    per_doc, resolved = predictions(df, len(docs))
    all_ents = {p.entity for ps in per_doc for p in ps}
    gid = _entity_map(id_of, gaz, all_ents)
    pri = _entity_map(prior, gaz, all_ents)
    known_ids = {v for v in (id_of(e) for e in gaz) if v is not None} if gaz is not None else set()
    c: "collections.Counter[str]" = collections.Counter()
    fp_surf: "collections.Counter[str]" = collections.Counter()
    fn_surf: "collections.Counter[str]" = collections.Counter()
    wrong_surf: "collections.Counter[str]" = collections.Counter()
    fp_cls: "collections.Counter[str]" = collections.Counter()
    fn_cls: "collections.Counter[str]" = collections.Counter()
    for di, doc in enumerate(docs):
        tops = doc.get("toponyms") or []
        preds = per_doc[di]
        by_span: Dict[Tuple[int, int], List[Pred]] = {}
        for p in preds:
            by_span.setdefault((p.start, p.end), []).append(p)
        span_list = list(by_span)
        s_items = [(s, e, None) for s, e in span_list]
        # the most populous candidate of every span (ties: the first in output order)
        best = [max(enumerate(v), key=lambda iv: (pri.get(iv[1].entity) or 0.0, -iv[0]))[1]
                for v in by_span.values()]
        linked = [t for t in tops if _is_linked(t)]
        g_all = [(int(t["start"]), int(t["end"]), None) for t in tops]
        g_ids = [(int(t["start"]), int(t["end"]), int(t["geonameid"])) for t in linked]
        c["spans"] += len(span_list)
        c["ambiguous_spans"] += sum(1 for v in by_span.values() if len(v) > 1)
        c["predictions"] += len(preds)
        for name, keep in SPAN_SCOPES.items():
            c["gold:" + name] += sum(1 for t in tops if keep(t))
        # spans against every gold toponym
        span_pairs = match_one_to_one(g_all, s_items)
        c["span:correct"] += len(span_pairs)
        for name, keep in SPAN_SCOPES.items():
            c["span:found:" + name] += sum(1 for g, _ in span_pairs if keep(tops[g]))
        # ids: every candidate a prediction, then the most populous one per span
        id_pairs = match_one_to_one(g_ids, [(p.start, p.end, gid.get(p.entity)) for p in preds])
        best_pairs = match_one_to_one(g_ids, [(p.start, p.end, gid.get(p.entity)) for p in best])
        c["id:correct"] += len(id_pairs)
        c["id_most_populous:correct"] += len(best_pairs)
        for name, keep in ID_SCOPES.items():
            c["idgold:" + name] += sum(1 for t in linked if keep(t))
            c["id:found:" + name] += sum(1 for g, _ in id_pairs if keep(linked[g]))
            c["id_most_populous:found:" + name] += sum(1 for g, _ in best_pairs if keep(linked[g]))
        c["gold_in_gazetteer"] += sum(1 for t in linked if int(t["geonameid"]) in known_ids)
        # id accuracy on the linked gold toponyms that a predicted span pairs with
        lnk_items = [(int(t["start"]), int(t["end"]), None) for t in linked]
        span_of_gold = dict(match_one_to_one(lnk_items, s_items))
        for gi, si in span_of_gold.items():
            want = int(linked[gi]["geonameid"])
            c["acc_n"] += 1
            c["acc_any"] += any(gid.get(p.entity) == want for p in by_span[span_list[si]])
            c["acc_mp"] += gid.get(best[si].entity) == want
        if not errors:
            continue
        ms = {s for _, s in span_pairs}
        for si, (s, e) in enumerate(span_list):
            if si not in ms:
                first = by_span[(s, e)][0]
                fp_surf[f"{first.surface} ({first.kind or 'no kind'})"] += 1
        mg = {g for g, _ in span_pairs}
        for gi, t in enumerate(tops):
            if gi not in mg:
                fn_surf[f"{t.get('surface')} ({t.get('fcode') or 'unlinked'})"] += 1
        # id errors of the most-populous choice, by cause
        bmg = {g for g, _ in best_pairs}
        bmp = {p for _, p in best_pairs}
        for gi, t in enumerate(linked):
            if gi in bmg:
                continue
            want = int(t["geonameid"])
            if gi not in span_of_gold:
                cls = "no predicted span"
            elif want not in known_ids:
                cls = "gold id not in the gazetteer"
            elif any(gid.get(p.entity) == want for p in by_span[span_list[span_of_gold[gi]]]):
                cls = "right id among the candidates, not the most populous"
            else:
                cls = "right id not among the candidates"
            fn_cls[cls] += 1
            if gi in span_of_gold:
                got = best[span_of_gold[gi]]
                ent = gaz.get(got.entity) if gaz is not None else None
                where = f"{ent.name}, {ent.attrs.get('country', '')}" if ent is not None else got.entity
                wrong_surf[f"{t.get('surface')}: {where} for {t.get('name')}, {t.get('country')} "
                           f"[{t.get('fcode')}] ({cls})"] += 1
        for si, p in enumerate(best):
            if si in bmp:
                continue
            over = match_one_to_one(g_all, [(p.start, p.end, None)])
            if not over:
                fp_cls["no gold toponym there"] += 1
            elif tops[over[0][0]].get("geonameid") is None:
                fp_cls["gold toponym is unlinked"] += 1
            else:
                fp_cls["wrong id on a gold toponym"] += 1
    out: Dict[str, Any] = {}
    for name in SPAN_SCOPES:
        out["span:" + name] = scoped(c["span:correct"], c["spans"], c["span:found:" + name], c["gold:" + name])
    n_best = c["spans"]
    for name in ID_SCOPES:
        out["id:" + name] = scoped(c["id:correct"], c["predictions"], c["id:found:" + name], c["idgold:" + name])
        out["id_most_populous:" + name] = scoped(c["id_most_populous:correct"], n_best,
                                                 c["id_most_populous:found:" + name], c["idgold:" + name])
    n_linked = c["gold:linked"]
    out.update({
        "id_accuracy_on_spans": {
            "n": c["acc_n"],
            "candidates": round(c["acc_any"] / c["acc_n"], 4) if c["acc_n"] else 0.0,
            "most_populous": round(c["acc_mp"] / c["acc_n"], 4) if c["acc_n"] else 0.0,
        },
        "id_coverage": round(c["gold_in_gazetteer"] / n_linked, 4) if n_linked else 0.0,
        "gold": c["gold:all"], "gold_linked": n_linked, "gold_cities": c["gold:cities"],
        "predictions": c["predictions"], "predicted_spans": c["spans"], "ambiguous_spans": c["ambiguous_spans"],
        "resolved_by": resolved, "seconds": seconds,
    })
    if errors:
        out.update(fp_classes=dict(fp_cls), fn_classes=dict(fn_cls), false_positives=_top(fp_surf, errors),
                   missed=_top(fn_surf, errors), wrong_id=_top(wrong_surf, errors))
    return out
