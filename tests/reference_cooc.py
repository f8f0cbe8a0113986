"""A slow, obviously correct reference counter for docs/counting.md and docs/slicing.md (the test oracle).

Nothing here is ported from the Rust counter (``src/core/cooccur.rs``). The inputs are what a
user can see: the mention rows of ``Matcher.mentions(texts, units=True, paragraphs=...)`` and
the unit spans of ``gazetta.sentences`` / ``gazetta.paragraphs`` / ``gazetta.tokens``. Every
count is the documented definition turned into loops over those rows, by brute force:

- **units** (docs/counting.md, Units): ``document`` is the whole text, one unit per document, even an empty
  or ``None`` one; ``paragraph``/``sentence`` are the spans of the splitters (an empty or
  ``None`` document has none). A mention belongs to the unit *in which it starts*
  (``s <= start < e``); it is also checked against the ``paragraph``/``sentence`` index that
  ``mentions(units=True)`` reports.
- **co-occurring** (docs/counting.md, Units): entities ``a != b`` co-occur in a unit when some mention of ``a``
  and some mention of ``b`` in it are of *different names*: a name is a mention's span, or,
  for a span left ambiguous between several candidates, that set of candidates (the rows of
  one ambiguous span never pair, nor do the rows of two spans of one ambiguous name: "Brown
  met Brown." with two Browns makes no pair). With ``window=k``: two mentions of different entities in one unit that do
  not overlap, with (first token of the later) − (last token of the earlier) ≤ k, where a
  mention covers every token it overlaps.
- **counts** (docs/counting.md) per unordered pair ``a < b`` in Python string order:

  ============  ==========================================  ==================  ===============
  mode          ``n_ab``                                    ``n_a``             ``n``
  ============  ==========================================  ==================  ===============
  units         units in which a and b co-occur             units holding a     all units
  mentions      Σ_units #{(m_a, m_b): name(m_a)≠name(m_b)}  mentions of a       all mentions
  window=k      #{(m_a, m_b) within the window, names ≠}    mentions of a       all tokens
  ============  ==========================================  ==================  ===============

  ``n`` for mentions and windows is the engine's documented choice (docs/counting.md:
  all mentions, all tokens); "mentions" are mention rows, one per (span, entity), as ``mentions()`` lists
  them. Entity rows: ``n_units`` (units holding a mention of it), ``n_mentions``, ``n_docs``.
- **groups** (docs/slicing.md): every document has a group key or ``None`` (a missing key): keyed
  documents are counted within their group only, with the group's own ``n``; the others are
  counted nowhere and only tallied.
- **levels** (``level=``, ``docs/resolution.md``): given a map from entity id to the id it
  rolls up to (None: no ancestor-or-self of the level's kind), each mention row is replaced by
  its mapped entity before anything is counted; rows that map to None are dropped and tallied
  in ``dropped_by_level``; rows of one span mapped to the same entity are one mention.

It is quadratic in the mentions of a unit and meant for hypothesis-sized corpora.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Dict, Hashable, List, Optional, Sequence, Tuple

import gazetta

Span = Tuple[int, int]
#: A mention as the reference sees it: (start, end, entity id, name) — the name being its
#: span, or the candidate set of an ambiguous name.
Mention = Tuple[int, int, str, Any]


@dataclass
class RefCounts:
    """Counts of one corpus. Keys of ``pairs`` are ``(group, a, b)`` with ``a < b``; of
    ``entities`` ``(group, entity)``; of ``groups`` the group key."""

    pairs: Dict[Tuple[Hashable, str, str], int] = field(default_factory=dict)
    #: (group, entity) -> [n_units, n_mentions, n_docs]
    entities: Dict[Tuple[Hashable, str], List[int]] = field(default_factory=dict)
    #: group -> {"n_docs", "n_units", "n_mentions", "n_tokens"}
    groups: Dict[Hashable, Dict[str, int]] = field(default_factory=dict)
    #: group -> the n of docs/counting.md for the chosen mode
    n: Dict[Hashable, int] = field(default_factory=dict)
    #: documents whose group key was missing
    missing_key_docs: int = 0
    #: (doc position, unit index) of every unit in which each pair co-occurs, for evidence()
    where: Dict[Tuple[Hashable, str, str], List[Tuple[int, int]]] = field(default_factory=dict)
    #: mention rows dropped because their entity maps to no entity of the level's kind
    dropped_by_level: int = 0

    def n_a(self, group: Hashable, entity: str, mode: str) -> int:
        """``n_a`` of docs/counting.md: units holding the entity (units mode) or its mentions."""
        row = self.entities[(group, entity)]
        return row[0] if mode == "units" else row[1]


def unit_spans(text: Optional[str], unit: str, paragraphs: str) -> List[Span]:
    """The units of one document (docs/sentences.md)."""
    if unit == "document":
        return [(0, len(text or ""))]  # a document is a unit even when empty or None
    if not text:
        return []
    if unit == "paragraph":
        return gazetta.paragraphs(text, paragraphs)
    return gazetta.sentences(text, paragraphs)


def unit_of(start: int, spans: Sequence[Span]) -> Optional[int]:
    """The index of the unit in which a mention starting at ``start`` lies (None: none)."""
    for i, (s, e) in enumerate(spans):
        if s <= start < e:
            return i
    return None


def token_range(start: int, end: int, toks: Sequence[Span]) -> Tuple[int, int]:
    """(first, last) index of the tokens a mention overlaps (docs/sentences.md: it covers them)."""
    covered = [i for i, (s, e) in enumerate(toks) if s < end and e > start]
    assert covered, f"mention {start}:{end} covers no token"
    return covered[0], covered[-1]


def overlap(x: Mention, y: Mention) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def within_window(x: Mention, y: Mention, toks: Sequence[Span], k: int) -> bool:
    """Windows (docs/counting.md, Token windows): same unit (checked by the caller), no overlap, later first token − earlier
    last token ≤ k."""
    if overlap(x, y):
        return False
    early, late = (x, y) if x[0] < y[0] else (y, x)
    return token_range(late[0], late[1], toks)[0] - token_range(early[0], early[1], toks)[1] <= k


def mentions_by_doc(matcher: "gazetta.Matcher", texts: Sequence[Any], paragraphs: str) -> Dict[int, List[Dict[str, Any]]]:
    """The rows of ``matcher.mentions(texts, units=True)``, per document position."""
    df = matcher.mentions(list(texts), units=True, paragraphs=paragraphs, progress=False)
    out: Dict[int, List[Dict[str, Any]]] = {}
    for r in df.itertuples(index=False):
        out.setdefault(int(r.doc), []).append({"start": int(r.start), "end": int(r.end), "entity": str(r.entity),
                                               "paragraph": int(r.paragraph), "sentence": int(r.sentence),
                                               "ambiguous": bool(r.ambiguous)})
    # The *name* of every row: its span, or, for a span left ambiguous between several
    # candidates, the set of those candidates (every span of one ambiguous name is one name).
    for ms in out.values():
        cands: Dict[Span, set] = {}
        for r in ms:
            cands.setdefault((r["start"], r["end"]), set()).add(r["entity"])
        for r in ms:
            c = cands[(r["start"], r["end"])]
            r["name"] = ("ambiguous", frozenset(c)) if r["ambiguous"] and len(c) > 1 else ("span", r["start"], r["end"])
    return out


def roll_up(rows: Dict[int, List[Dict[str, Any]]],
            level: Dict[str, Optional[str]]) -> Tuple[Dict[int, List[Dict[str, Any]]], int]:
    """The mention rows with every entity replaced by ``level[entity]``: rows mapping to None
    are dropped (and counted), and of the rows of one span that map to the same entity only
    the first is kept."""
    out: Dict[int, List[Dict[str, Any]]] = {}
    dropped = 0
    for d, ms in rows.items():
        seen = set()
        kept = []
        for r in ms:
            target = level[r["entity"]]
            if target is None:
                dropped += 1
                continue
            key = (r["start"], r["end"], target)
            if key in seen:
                continue
            seen.add(key)
            kept.append(dict(r, entity=target))
        out[d] = kept
    return out, dropped


def count(texts: Sequence[Any], matcher: "gazetta.Matcher", *, unit: str = "sentence", paragraphs: str = "auto",
          window: Optional[int] = None, count: str = "units",
          groups: Optional[Sequence[Hashable]] = None, level: Optional[Dict[str, Optional[str]]] = None) -> RefCounts:
    """Counts a corpus by the definitions (see the module doc).

    ``groups[i]`` is the group key of document ``i`` (None: missing; default: one group
    ``()`` for all). ``level`` maps every entity id to the id it rolls up to (None: dropped).
    """
    mode = "window" if window is not None else count
    if groups is None:
        groups = [()] * len(texts)
    rows = mentions_by_doc(matcher, texts, paragraphs)
    ref = RefCounts()
    if level is not None:
        rows, ref.dropped_by_level = roll_up(rows, level)
    for d, text in enumerate(texts):
        g = groups[d]
        if g is None:
            ref.missing_key_docs += 1
            continue
        text = text if isinstance(text, str) else None
        spans = unit_spans(text, unit, paragraphs)
        toks = gazetta.tokens(text) if text else []
        ms = rows.get(d, [])
        tot = ref.groups.setdefault(g, {"n_docs": 0, "n_units": 0, "n_mentions": 0, "n_tokens": 0})
        tot["n_docs"] += 1
        tot["n_units"] += len(spans)
        tot["n_mentions"] += len(ms)
        tot["n_tokens"] += len(toks)

        for r in ms:
            ref.entities.setdefault((g, r["entity"]), [0, 0, 0])[1] += 1
        for e in {r["entity"] for r in ms}:
            ref.entities[(g, e)][2] += 1

        # The unit of every mention: where it starts; must agree with mentions(units=True).
        in_unit: Dict[int, List[Mention]] = {}
        for r in ms:
            u = unit_of(r["start"], spans)
            if unit != "document":
                reported = r[unit]
                assert (u if u is not None else -1) == reported, (text, r, spans)
            if u is not None:
                in_unit.setdefault(u, []).append((r["start"], r["end"], r["entity"], r["name"]))

        for u, um in sorted(in_unit.items()):
            for e in {m[2] for m in um}:
                ref.entities[(g, e)][0] += 1
            ents = sorted({m[2] for m in um})
            for a, b in itertools.combinations(ents, 2):  # sorted, so a < b; never a == b
                ma = [m for m in um if m[2] == a]
                mb = [m for m in um if m[2] == b]
                if mode == "window":
                    assert window is not None
                    v = sum(1 for x in ma for y in mb if x[3] != y[3] and within_window(x, y, toks, window))
                else:
                    different = [(x, y) for x in ma for y in mb if x[3] != y[3]]
                    v = (1 if different else 0) if mode == "units" else len(different)
                if v:
                    key = (g, a, b)
                    ref.pairs[key] = ref.pairs.get(key, 0) + v
                    ref.where.setdefault(key, []).append((d, u))
    for g, tot in ref.groups.items():
        ref.n[g] = {"units": tot["n_units"], "mentions": tot["n_mentions"], "window": tot["n_tokens"]}[mode]
    return ref


def expected_pairs(ref: RefCounts, mode: str) -> List[Tuple[Hashable, str, str, int, int, int, int]]:
    """``(group, a, b, n_ab, n_a, n_b, n)`` rows in the result's order (docs/counting.md, The result): group, n_ab descending,
    a, b (groups compared by their key tuples)."""
    m = "units" if mode == "units" else "mentions"
    out = [(g, a, b, v, ref.n_a(g, a, m), ref.n_a(g, b, m), ref.n[g]) for (g, a, b), v in ref.pairs.items()]
    out.sort(key=lambda r: (r[0], -r[3], r[1], r[2]))
    return out
