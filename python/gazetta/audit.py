"""The alias audit: which aliases match what in a corpus, and which of them to distrust.

:func:`audit` runs a matcher over a corpus once and returns an :class:`AliasAudit`: one row per
alias (of each entity) with its number of matches and documents, its share of the entity's
mentions, flags that point at wrong matches, and a few randomly sampled contexts (KWIC) to
check by eye. It is the thing to run before trusting any count.

Flags (each also a boolean column of :attr:`AliasAudit.table`)
---------------------------------------------------------------
``common_word``
    The alias, lower-cased, is an ordinary word of the corpus's language: the corpus writes
    it in lower case at least :data:`COMMON_RATIO` times as often as in any other way
    (Capitalised or ALL CAPS) outside the names of something else (the matches counted by
    ``in_names`` are left out of the other forms: "federal" 633 times against "Federal"
    mostly in "Federal Reserve" in Reuters-21578), and at least :data:`COMMON_MIN` times
    ("oz" for the alias "Oz" in commodity news, "us" for "US", "pole" for "Pole*"). Measured on the corpus
    itself, every alias matched case-insensitively in a second pass, so it needs no word
    list and works in any language written with letter case (never set in scripts without
    case, nor for aliases that are all lower case: ``lowercase`` covers those).
``in_names``
    At least half of the matches stand inside a run of capitalised words, i.e. the name of
    something else: the next word is capitalised ("Georgia Power", "Japan Tobacco"), or the
    previous word is capitalised and does not begin a sentence or paragraph ("Centromin SA",
    "West Germany", "Latin America"), and so does a stock ticker in angle brackets ("<ROK>"
    in Reuters copy). Neighbours count when separated from the match by
    spaces only (one line break allowed, not a paragraph break or an indented line); in
    ALL-CAPS text (headlines) a neighbour counts only if it has a lower-case letter. The
    column ``top_names`` lists the most frequent such runs: the phrases to pass as
    ``ignore=`` or as context rules.
``all_caps``
    The alias has lower-case letters but at least half of its matches are in ALL CAPS
    (headlines, tickers, units such as "OZ" matched by the alias "Oz").
``undecided``
    At least half of the alias's matches were left undecided between several entities
    (``resolved_by="none"``: nothing in the document and no prior chose one).
``unplaced``
    The entity has a parent in the gazetteer (a city, a region), the alias matches in at
    least :data:`UNPLACED_MIN_DOCS` documents, and in fewer than :data:`UNPLACED_SHARE` of its
    matches does the document mention a relative of the entity unambiguously: an ancestor (its
    region or country), a descendant or an entity with the same parent (the other candidates
    of an undecided span are no evidence, except that a span that is also the entity's
    ancestor or descendant, "Hong Kong" the city and the territory, is a place either way). A place that news really writes
    about comes with its surroundings ("Gainesville ... Florida", "Athens, Ga."); a name that
    never does is usually something else: "Olympic" (a town in Hong Kong) in "Olympic
    champion", "Man" (Ivory Coast) in "Spider-Man", "Westminster" (three US towns) for the UK
    parliament, "Paris" (France) in Paris, Texas. Measured on the matches themselves, so it
    needs the gazetteer's hierarchy and says nothing about entities without a parent.
``ambiguous``
    The alias is listed (as written) for several entities, or some of its matches were
    reported for several entities (``ambiguous=True`` in :meth:`Matcher.mentions`). An
    ambiguity that the resolution settles (the prior always picks the country over a town of
    the same name) is worth a look but rarely an error, so it weighs less than the evidence
    flags.
``short``
    At most :data:`SHORT_MAX` characters (the glob star not counted).
``lowercase``
    The alias has no upper-case letter (with the ``"smart"`` case rule it matches ordinary
    lower-case words).

Suspicion order
---------------
``suspicion`` = 2 × (number of the five flags that show wrong or unusable matches in the
corpus: ``common_word``, ``in_names``, ``all_caps``, ``undecided``, ``unplaced``) + (number of the other
three: ``ambiguous``, ``short``, ``lowercase``). Rows are sorted with the aliases that carry
at least one of the five evidence flags first, among them by ``matches`` (most first: a wrong
alias that matches often moves the counts most — "Olympic" with 152 matches before a
three-flag alias with 8), then by ``suspicion``; then the others by ``suspicion`` and
``matches``; ties by entity id and the alias's place in the gazetteer. Read the table from
the top and, for
each flagged alias, its contexts and ``top_names``: drop the alias, give it
``case="sensitive"``, or add ``ignore=`` phrases or context rules (``not_before``,
``not_after``) to the gazetteer.

Sampling
--------
Each match gets a pseudo-random 64-bit key computed from the seed and the match's place
(document position, start, end) alone; an alias keeps the ``n`` matches with the smallest
keys (bottom-k sampling, the streaming form of drawing ``n`` without replacement). The sample
is uniform over the alias's matches and the same whatever the chunking or streaming of the
corpus; only the sampled contexts are kept in memory, never the texts.
"""

from __future__ import annotations

import html
import inspect
import os
import re
import time
import weakref
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _input
from ._progress import make_bar

__all__ = ["audit", "AliasAudit", "Context", "FLAGS"]

#: Every flag, in the order they are listed in the ``flag_names`` column.
FLAGS = ("common_word", "in_names", "all_caps", "undecided", "unplaced", "ambiguous", "short", "lowercase")
#: Flags showing wrong or undecided matches in the corpus (count twice in ``suspicion``).
EVIDENCE_FLAGS = ("common_word", "in_names", "all_caps", "undecided", "unplaced")
#: ``short``: at most this many characters.
SHORT_MAX = 3
#: ``common_word``: lower-case occurrences >= COMMON_RATIO x Capitalised ones ...
COMMON_RATIO = 1.0
#: ... and at least this many lower-case occurrences.
COMMON_MIN = 5
#: ``in_names``, ``all_caps`` and ``undecided``: share of the alias's matches from which the
#: flag is set.
MOSTLY = 0.5
#: ``unplaced``: at most this share of the alias's matches in documents naming a relative ...
UNPLACED_SHARE = 0.1
#: ... and matches in at least this many documents.
UNPLACED_MIN_DOCS = 5

_WS = re.compile(r"\s+")
# After a match: spaces, or a line break not followed by indentation or a blank line
# (wrapped lines, as in wire copy), then the next word.
_NEXT = re.compile(r"(?:[^\S\n]+|[^\S\n]*\n(?=\S))(\w[\w'’.&-]*)")
# Spaces other than line breaks.
_HSPACE = " \t\r\x0b\x0c\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_SENTENCE_END = frozenset(".!?:\"“”'‘’()[]«»—–-*•|>")
_LOOK = 80
_FLAG_HELP = {
    "common_word": "the corpus writes it in lower case at least as often as otherwise",
    "in_names": "at least half of its matches stand in a run of capitalised words",
    "all_caps": "at least half of its matches are in ALL CAPS, the alias is not",
    "undecided": "at least half of its matches were left undecided between several entities",
    "unplaced": "its documents almost never name its region, country or another place under them",
    "ambiguous": "listed for several entities, or matches reported for several",
    "short": f"at most {SHORT_MAX} characters",
    "lowercase": "no upper-case letter",
}
#: Partial counts of this many chunks are added up into one as the corpus streams by.
_FOLD_EVERY = 16
#: ``top_names``: how many of the most frequent capitalised runs to list per alias.
TOP_NAMES = 3


class Context(NamedTuple):
    """One sampled context of an alias (keyword in context).

    Attributes
    ----------
    doc : Any
        The document's id (its position in the corpus when there are no ids).
    start, end : int
        Python ``str`` offsets of the match in the document.
    left, match, right : str
        The text before (at most ``width`` characters, whitespace runs shown as one space),
        the matched text, and the text after.

    Examples
    --------
    >>> Context("d1", 4, 9, "The ", "Congo", " river")
    Context(doc='d1', start=4, end=9, left='The ', match='Congo', right=' river')
    """

    doc: Any
    start: int
    end: int
    left: str
    match: str
    right: str


# --------------------------------------------------------------------------------------------
# per-match features
def _is_name_word(word: str, surface_has_lower: bool) -> bool:
    return word[:1].isupper() and (surface_has_lower or any(c.islower() for c in word))


def _starts_sentence(pre: str) -> bool:
    """Whether a word preceded by ``pre`` begins a sentence or paragraph."""
    if not pre or not pre.strip():
        return True
    stripped = pre.rstrip(" \t\u00a0")
    if stripped.endswith("\n"):
        body = stripped.rstrip("\n")
        if stripped.count("\n") > 1 or pre[len(stripped):] or not body.strip():
            return True  # blank line, or an indented line: a new paragraph
        stripped = body.rstrip()
    return stripped[-1] in _SENTENCE_END


def _prev_token(t: str, s: int) -> Tuple[str, int]:
    """The token (run of non-space characters) directly before offset ``s`` and its start,
    separated from ``s`` by spaces or by one line break without indentation; ("", s) if none."""
    w = t[max(0, s - _LOOK):s]
    if not w:
        return "", s
    if w[-1] == "\n":
        body = w[:-1].rstrip(_HSPACE)
    elif w[-1] in _HSPACE:
        body = w.rstrip(_HSPACE)
    else:
        return "", s
    if not body or body[-1].isspace():
        return "", s
    tok = body.rsplit(None, 1)[-1]
    return tok, s - len(w) + len(body) - len(tok)


def _run(t: str, s: int, e: int, surface_has_lower: bool) -> str:
    """The capitalised run around a match (previous name word, match, next name word), or ""
    when neither neighbour is a name word; a ticker in angle brackets ("<ROK>") is a run too."""
    if s > 0 and t[s - 1] == "<" and t[e:e + 1] == ">":
        return t[s - 1:e + 1]
    after = ""
    m = _NEXT.match(t, e)
    if m is not None and _is_name_word(m.group(1), surface_has_lower):
        after = m.group(1).rstrip(".'’-")
    before = ""
    tok, a = _prev_token(t, s)
    if tok and tok[-1].isalnum() and _is_name_word(tok, surface_has_lower) \
            and not _starts_sentence(t[max(0, a - _LOOK):a]):
        before = tok
    if not (before or after):
        return ""
    return " ".join(x for x in (before, _WS.sub(" ", t[s:e]), after) if x)


def _has_lower(s: str) -> bool:
    return any(c.islower() for c in s)


def _has_upper(s: str) -> bool:
    return any(c.isupper() for c in s)


def _is_all_caps(s: str) -> bool:
    return _has_upper(s) and not _has_lower(s)


# --------------------------------------------------------------------------------------------
# sampling: the n smallest hash keys per alias (a uniform sample, whatever the chunking)
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, elementwise on uint64."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * _M2
        x = x ^ (x >> np.uint64(27))
        x = x * _M3
        return x ^ (x >> np.uint64(31))


def _keys(seed: int, doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """A pseudo-random 64-bit key per match, from the seed and the match's place only."""
    with np.errstate(over="ignore"):
        s = _mix(np.full(1, seed & 0xFFFFFFFFFFFFFFFF, dtype=np.uint64) + _M1)
        x = _mix(s ^ doc.astype(np.uint64))
        x = _mix(x ^ (start.astype(np.uint64) * _M1))
        return _mix(x ^ end.astype(np.uint64))


# --------------------------------------------------------------------------------------------
class AliasAudit:
    """The result of :func:`audit`: a table with one row per alias, and its sampled contexts.

    Attributes
    ----------
    table : DataFrame
        One row per (entity, alias), most suspicious first (see the module docs): ``entity,
        name, kind, alias, matches, documents, share`` (of the entity's mentions),
        ``suspicion``, ``flag_names`` (the flags raised, comma-separated; not ``flags``, which
        pandas rows and frames already have as an attribute), one boolean column per flag (``common_word,
        in_names, all_caps, undecided, unplaced, ambiguous, short, lowercase``), the evidence behind the flags
        (``lower_in_corpus`` and ``other_case_in_corpus``: occurrences of the alias written in
        lower case / otherwise anywhere in the corpus; ``in_names_share``, ``all_caps_share``:
        shares of the matches; ``top_names``: the most frequent capitalised runs around the
        matches with their counts, e.g. ``"West Germany 530; East Germany 6"``;
        ``placed_share``: share of the matches in documents that also mention a relative of
        the entity (``unplaced``; NaN for an entity without a parent or without matches);
        ``unresolved``: matches still reported for several entities; ``resolved_by``: how the
        matcher chose among several entities, e.g. ``"prior 12, context 3"``) and
        ``contexts``, a tuple of :class:`Context`.
    contexts : DataFrame
        The sampled contexts, one row each: ``entity, alias, doc, start, end, left, match,
        right`` (in the table's order, then corpus order).
    meta : dict
        Documents, mentions, options, rules and the seconds taken; ``repeated_texts``: how
        many documents repeat an earlier document's text exactly (counted again by
        :func:`gazetta.cooccurrence` unless ``dedupe="exact"``; the printed audit says so).

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("AU", "Australia", aliases=["Oz"])
    >>> a = gazetta.audit(gazetta.Matcher(g), ["Australia sold 9 OZ of gold.", "Oz, again."], n=1)
    >>> a.table[["alias", "matches", "flag_names"]]
           alias  matches       flag_names
    0         Oz        2  all_caps, short
    1  Australia        1
    >>> a.table.loc[0, "contexts"][0].match
    'OZ'
    """

    def __init__(self, table: pd.DataFrame, meta: Dict[str, Any]) -> None:
        self.table = table
        self.meta = meta

    @property
    def contexts(self) -> pd.DataFrame:
        """The sampled contexts as a long table (see the class docs)."""
        rows = [(ent, al) + tuple(c) for ent, al, cs in zip(self.table["entity"], self.table["alias"],
                                                             self.table["contexts"]) for c in cs]
        return pd.DataFrame(rows, columns=["entity", "alias", "doc", "start", "end", "left", "match", "right"])

    @property
    def flagged(self) -> pd.DataFrame:
        """The rows of :attr:`table` with at least one flag.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("GB", "United Kingdom", aliases=["UK"])
        >>> gazetta.audit(g, ["The UK and the United Kingdom."]).flagged["alias"].tolist()
        ['UK']
        """
        return self.table[self.table["suspicion"] > 0]

    def flat(self) -> pd.DataFrame:
        """:attr:`table` with the contexts as text, for CSV or Parquet files: ``contexts``
        becomes one string, each context written ``doc: left[match]right`` and separated by
        ``" | "``.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("FR", "France")
        >>> gazetta.audit(g, ["In France today."], width=3).flat()["contexts"][0]
        '0: In [France] to'
        """
        out = self.table.copy()
        out["contexts"] = [" | ".join(f"{c.doc}: {c.left}[{c.match}]{c.right}" for c in cs)
                           for cs in out["contexts"]]
        return out

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        m = self.meta
        head = (f"<gazetta.AliasAudit: {len(self.table):,} aliases ({len(self.flagged):,} flagged), "
                f"{m['n_mentions']:,} mentions in {m['n_docs']:,} documents, n={m['n']}, seed={m['seed']}>")
        return head + "\n" + self._repeated_note() + self.to_text(top=10, width=100)

    def _repeated_note(self) -> str:
        """A line about repeated documents, when the corpus has any."""
        k = int(self.meta.get("repeated_texts", 0))
        if not k:
            return ""
        return (f"{k:,} document{'s' if k != 1 else ''} repeat{'' if k != 1 else 's'} an earlier document's text "
                "exactly: cooccurrence(..., dedupe='exact') (CLI --dedupe exact) counts each text once\n")

    def to_text(self, top: Optional[int] = 20, width: int = 100) -> str:
        """A plain-text listing of the ``top`` rows (all when None), each with its first context,
        no line longer than ``width`` characters (what ``gazetta audit`` prints).

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("US", "United States", aliases=["US"])
        >>> print(gazetta.audit(g, ["Tell US more.", "The US said."], seed=1).to_text())
          #  alias  entity            matches  docs  share  flags
          1  US     US United States        2     2   100%  short
             0: Tell [US] more.
        """
        t = self.table if top is None else self.table.head(top)
        if not len(t):
            return "  (no aliases)"
        cells = []
        for i, r in enumerate(t.itertuples(index=False), 1):
            ent = f"{r.entity} {r.name}" if r.name != r.entity else str(r.entity)
            cells.append((str(i), _clip(str(r.alias), 24), _clip(ent, 28), f"{r.matches:,}", f"{r.documents:,}",
                          f"{r.share:.0%}" if r.share == r.share else "—", r.flag_names, r.contexts))
        heads = ("#", "alias", "entity", "matches", "docs", "share", "flags")
        w = [max(len(h), *(len(c[k]) for c in cells)) for k, h in enumerate(heads)]
        right = (True, False, False, True, True, True, False)

        def line(vals: Sequence[str]) -> str:
            s = "  ".join(v.rjust(w[k]) if right[k] else v.ljust(w[k]) for k, v in enumerate(vals))
            return ("  " + s.rstrip())[:width]

        out = [line(heads)]
        indent = " " * (2 + w[0] + 2)
        for c, r in zip(cells, t.itertuples(index=False)):
            out.append(line(c[:7]))
            if r.in_names and r.top_names:
                out.append(_clip(f"{indent}in names: {r.top_names}", width))
            if r.common_word:
                out.append(_clip(f"{indent}in the corpus: {r.lower_in_corpus:,} in lower case, "
                                 f"{r.other_case_in_corpus:,} otherwise", width))
            if r.resolved_by:
                out.append(_clip(f"{indent}resolved by: {r.resolved_by}", width))
            if c[7]:
                out.append(indent + _kwic_line(c[7][0], width - len(indent)))
        return "\n".join(out)

    # -- HTML -----------------------------------------------------------------------------
    def _html_table(self, max_rows: Optional[int]) -> str:
        t = self.table if max_rows is None else self.table.head(max_rows)
        e = html.escape
        css = ("<style>.gz-audit td,.gz-audit th{text-align:left;vertical-align:top;padding:2px 6px}"
               ".gz-audit .num{text-align:right}.gz-audit mark{background:#ffe08a;padding:0 1px}"
               ".gz-audit .flag{background:#f3d1d1;border-radius:3px;padding:0 4px;margin-right:3px;"
               "font-size:90%;white-space:nowrap}.gz-audit .ctx{font-family:monospace;font-size:90%;"
               "white-space:nowrap}.gz-audit .doc{color:#888}</style>")
        rows = []
        for r in t.itertuples(index=False):
            flags = "".join(f"<span class='flag' title='{e(_FLAG_HELP[f])}'>{e(f)}</span>"
                            for f in str(r.flag_names).split(", ") if f)
            if r.in_names and r.top_names:
                flags += f"<div class='doc'>in names: {e(r.top_names)}</div>"
            if r.common_word:
                flags += (f"<div class='doc'>in the corpus: {r.lower_in_corpus:,} in lower case, "
                          f"{r.other_case_in_corpus:,} otherwise</div>")
            if r.resolved_by:
                flags += f"<div class='doc'>resolved by: {e(r.resolved_by)}</div>"
            ctx = "<br>".join(f"<span class='ctx'><span class='doc'>{e(str(c.doc))}</span> {e(c.left)}"
                              f"<mark>{e(c.match)}</mark>{e(c.right)}</span>" for c in r.contexts)
            share = f"{r.share:.1%}" if r.share == r.share else "—"
            rows.append(f"<tr><td>{e(str(r.entity))}</td><td>{e(str(r.name))}</td><td><b>{e(str(r.alias))}</b></td>"
                        f"<td class='num'>{r.matches:,}</td><td class='num'>{r.documents:,}</td>"
                        f"<td class='num'>{share}</td><td class='num'>{r.suspicion}</td><td>{flags}</td>"
                        f"<td>{ctx}</td></tr>")
        more = ""
        if max_rows is not None and len(self.table) > max_rows:
            more = (f"<p>{len(self.table) - max_rows:,} more rows: see <code>.table</code> or "
                    f"<code>.to_html(path)</code>.</p>")
        m = self.meta
        cap = (f"Alias audit: {len(self.table):,} aliases ({len(self.flagged):,} flagged), {m['n_mentions']:,} "
               f"mentions in {m['n_docs']:,} documents; {m['n']} random contexts per alias (seed {m['seed']})"
               + (f". {self._repeated_note().strip()}" if self._repeated_note() else ""))
        heads = "".join(f"<th>{h}</th>" for h in ("entity", "name", "alias", "matches", "documents", "share",
                                                   "suspicion", "flags", "contexts"))
        return (f"{css}<div class='gz-audit'><table><caption>{e(cap)}</caption><thead><tr>{heads}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>{more}</div>")

    def _repr_html_(self) -> str:
        return self._html_table(max_rows=50)

    def to_html(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, *,
                max_rows: Optional[int] = None) -> Optional[str]:
        """The table as HTML, contexts with the match highlighted.

        Parameters
        ----------
        path : str or path, optional
            Write a standalone page there (atomically: a temporary file, then a rename);
            without a path the HTML fragment is returned.
        max_rows : int, optional
            At most this many rows (default: all).

        Returns
        -------
        str or None

        Examples
        --------
        >>> import gazetta
        >>> a = gazetta.audit(gazetta.Gazetteer().add("FR", "France"), ["In France."])
        >>> "<mark>France</mark>" in a.to_html()
        True
        """
        frag = self._html_table(max_rows)
        if path is None:
            return frag
        from pathlib import Path

        from .cli import _atomic

        page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>gazetta alias audit</title></head>"
                f"<body>{frag}</body></html>\n")
        _atomic(Path(path), lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))
        return None


def _clip(s: str, k: int) -> str:
    return s if len(s) <= k else s[:k - 1] + "…"


def _kwic_line(c: Context, width: int) -> str:
    """``doc: …left[match]right…`` in at most ``width`` characters, the match centred."""
    head = f"{c.doc}: "
    mid = f"[{c.match}]"
    room = max(0, width - len(head) - len(mid))
    left, right = c.left, c.right
    if len(left) + len(right) > room:
        lw = min(len(left), max(room // 2, room - len(right)))
        rw = room - lw
        left = ("…" + left[len(left) - lw + 1:]) if lw < len(left) else left
        right = (right[:rw - 1] + "…") if rw < len(right) else right
        if lw <= 0:
            left = ""
        if rw <= 0:
            right = ""
    return (head + left + mid + right)[:width]


# --------------------------------------------------------------------------------------------
def audit(matcher: Any, corpus: Any, n: int = 5, seed: int = 0, *, text: str = "text", id: Optional[str] = None,
          ids: Optional[Sequence[Any]] = None, all_aliases: bool = False, width: int = 60,
          common_words: bool = True, progress: Optional[bool] = None) -> AliasAudit:
    """Audits a matcher's aliases on a corpus: matches, flags and random contexts per alias.

    One pass over the corpus (two matchers per chunk: the given one, and one that finds every
    alias in any letter case for the ``common_word`` rule); only the sampled contexts are
    kept, never the corpus. The flags and the ``suspicion`` order are described in
    :mod:`gazetta.audit`.

    Parameters
    ----------
    matcher : Matcher or Gazetteer
        What to audit (a gazetteer is compiled with the default options).
    corpus : DataFrame, list/tuple/Series of str, iterable of str or dicts, or Corpus
        Anything :func:`gazetta.cooccurrence` takes, e.g. ``gazetta.read_corpus(path)``
        (streamed in chunks).
    n : int, default 5
        Contexts sampled per alias: a uniformly random sample of its matches, without
        replacement (all of them when there are at most ``n``), listed in corpus order.
    seed : int, default 0
        The sample depends on the seed and on each match's document position and offsets
        only: the same seed gives the same contexts, however the corpus is chunked or
        streamed (each match gets a pseudo-random key; the ``n`` smallest keys are kept).
    text, id : str
        Column (or dict key) of the text and of the document id, for DataFrames and dicts
        (a :class:`~gazetta.Corpus` uses its own).
    ids : sequence, optional
        Document ids for the contexts (default: the ``id`` field, else the position).
    all_aliases : bool, default False
        Also list aliases that never matched (``matches`` 0, no contexts).
    width : int, default 60
        Characters of context on each side.
    common_words : bool, default True
        Run the second, case-insensitive pass for the ``common_word`` flag (False: the flag
        is never set and ``lower_in_corpus``/``other_case_in_corpus`` are missing).
    progress : bool or None
        Progress bar (None: only for long runs, if tqdm is installed).

    Returns
    -------
    AliasAudit
        ``.table`` (one row per alias, most suspicious first), ``.contexts``, ``.meta``,
        ``.to_html(path)``, and an HTML display in notebooks.

    Raises
    ------
    ValueError
        A bad ``n``, ``seed`` or ``width``, or ``ids`` of the wrong length.
    KeyError
        A ``text``/``id`` column missing from a DataFrame.

    Examples
    --------
    >>> import gazetta
    >>> g = (gazetta.Gazetteer().add("GE", "Georgia", kind="country")
    ...      .add("US", "United States", kind="country", aliases=["US"]))
    >>> docs = ["Georgia Power said on Monday.", "Tbilisi, Georgia, votes.", "Let us see: the US did."]
    >>> a = gazetta.audit(gazetta.Matcher(g), docs, n=2, seed=0)
    >>> a.table[["entity", "alias", "matches", "share", "flag_names"]]
      entity    alias  matches  share flag_names
    0     GE  Georgia        2    1.0   in_names
    1     US       US        1    1.0      short
    >>> [c.match for c in a.table.loc[0, "contexts"]]
    ['Georgia', 'Georgia']
    """
    from .matcher import Matcher

    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"n must be a non-negative int; got {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be an int; got {seed!r}")
    if isinstance(width, bool) or not isinstance(width, (int, np.integer)) or width < 0:
        raise ValueError(f"width must be a non-negative int; got {width!r}")
    for name, v in (("all_aliases", all_aliases), ("common_words", common_words)):
        if not isinstance(v, bool):
            raise ValueError(f"{name} must be True or False; got {v!r}")
    n, seed, width = int(n), int(seed), int(width)
    _input.check_matcher_first(matcher, corpus)
    if not isinstance(matcher, Matcher):
        matcher = Matcher(matcher)
    t0 = time.perf_counter()
    gaz = matcher.gazetteer
    g_ids, g_names, g_kinds, g_texts, g_ents, _c, _f = gaz._flat()
    kin = _Kin(g_ids, gaz._engine_tables()["parents"])
    counter = None
    if common_words:
        counter = _COUNTERS.get(matcher)
        if counter is None:
            counter = _COUNTERS[matcher] = _case_counter(matcher, g_texts)

    parts: List[pd.DataFrame] = []  # per chunk: per-alias sums
    resolved: List[pd.DataFrame] = []
    runs: List[pd.DataFrame] = []  # per chunk: counts of the capitalised runs around matches
    lower_parts: List[pd.DataFrame] = []
    kept: Optional[pd.DataFrame] = None  # the sample so far, with contexts
    offset = 0
    n_mentions = 0
    hashes: List[np.ndarray] = []  # of every non-empty text: repeated texts are counted at the end
    source = _input.open_corpus(corpus, text=text, id=id, hint=" (or pass ids= with the document ids)")
    total = source.total
    if ids is not None and total is not None and len(ids) != total:
        raise ValueError(f"ids has {len(ids)} entries but there are {total} texts")
    bar = make_bar(progress, total=total, size_bytes=source.size, desc="auditing")
    # (a corpus of read_corpus names its documents by its own id field)
    want_ids = source.id_field is not None
    try:
        for texts, chunk_ids, _ in source.chunks(ids=want_ids, list_docs=_input.COUNT_CHUNK_DOCS):
            pylist = texts if isinstance(texts, list) else texts.to_pylist()
            hashes.append(np.fromiter((hash(t) for t in pylist if isinstance(t, str) and t), dtype=np.int64))
            df = matcher.mentions(texts, progress=False)
            n_mentions += len(df)
            if len(df):
                feats = _features(df, pylist)
                feats["placed"] = kin.placed(feats["doc"].to_numpy(), feats["entity"].to_numpy(),
                                             feats["ambiguous"].to_numpy(dtype=bool),
                                             feats["start"].to_numpy(), feats["end"].to_numpy())
                parts.append(feats.groupby(["entity", "alias"], observed=True, sort=False).agg(
                    matches=("doc", "size"), documents=("doc", "nunique"), in_names_n=("in_run", "sum"),
                    all_caps_n=("caps", "sum"), unresolved=("ambiguous", "sum"), placed_n=("placed", "sum")))
                inr = feats[feats["in_run"]]
                if len(inr):
                    runs.append(inr.groupby(["entity", "alias", "run"], sort=False).size().rename("k").reset_index())
                if "resolved_by" in df.columns:
                    rb = feats[feats["resolved_by"] != ""]
                    if len(rb):
                        resolved.append(rb.groupby(["entity", "alias", "resolved_by"], observed=True).size()
                                        .rename("k").reset_index())
                if n:
                    kept = _sample(kept, feats, pylist, chunk_ids, offset, n, seed, width)
            if counter is not None:
                lower_parts.append(_case_counts(counter, texts))
            offset += len(pylist)
            bar.add(len(pylist))
            if len(parts) >= _FOLD_EVERY:  # a long stream: keep the partial counts small
                parts = [pd.concat(parts).groupby(level=[0, 1], sort=False).sum()]
            for lst, keys in ((runs, ["entity", "alias", "run"]), (resolved, ["entity", "alias", "resolved_by"]),
                              (lower_parts, ["alias"])):
                if len(lst) >= _FOLD_EVERY:
                    lst[:] = [pd.concat(lst).groupby(keys, sort=False).sum().reset_index()]
    finally:
        bar.close()
    if ids is not None:
        ids = list(ids)
        if len(ids) != offset:
            raise ValueError(f"ids has {len(ids)} entries but there are {offset} texts")
        if kept is not None and len(kept):
            kept["doc"] = [ids[g] for g in kept["gdoc"].tolist()]
    dup_ids = _input.duplicate_ids(ids) if ids is not None else source.duplicate_ids() if want_ids else 0
    _input.warn_duplicate_ids(dup_ids, "ids=" if ids is not None else f"id field {source.id_field!r}",
                              stacklevel=2)

    from .gazetteer import _no_gc

    with _no_gc():  # tens of thousands of small objects, none in cycles
        table = _build_table(parts, resolved, runs, lower_parts, kept, matcher, g_ids, g_names, g_kinds,
                             g_texts, g_ents, all_aliases, common_words, kin)
    meta: Dict[str, Any] = {
        "n_docs": offset, "n_mentions": n_mentions, "n": n, "seed": seed, "width": width,
        "all_aliases": all_aliases, "common_words": common_words,
        "matcher": {k: v for k, v in matcher.options.items() if k != "n_threads"},
        "rules": {"short_max": SHORT_MAX, "common_ratio": COMMON_RATIO, "common_min": COMMON_MIN, "mostly": MOSTLY,
                  "unplaced_share": UNPLACED_SHARE, "unplaced_min_docs": UNPLACED_MIN_DOCS},
        "seconds": round(time.perf_counter() - t0, 3), "duplicate_ids": dup_ids,
        "repeated_texts": _repeated(hashes),
    }
    meta.update(source.extra_meta())
    return AliasAudit(table, meta)


class _Kin:
    """The gazetteer's hierarchy, for ``unplaced``: which entities are relatives (ancestor,
    descendant, same parent) of which."""

    def __init__(self, ids: Sequence[str], parents: Sequence[int]) -> None:
        self.parent: Dict[str, str] = {ids[i]: ids[p] for i, p in enumerate(parents) if p >= 0}
        self._anc: Dict[str, frozenset] = {}

    def ancestors(self, e: str) -> frozenset:
        a = self._anc.get(e)
        if a is None:
            seen: List[str] = []
            p = self.parent.get(e)
            while p is not None and p not in seen:
                seen.append(p)
                p = self.parent.get(p)
            a = self._anc[e] = frozenset(seen)
        return a

    def related(self, e: str, x: str) -> bool:
        if x == e:
            return False
        pe = self.parent.get(e)
        return x in self.ancestors(e) or e in self.ancestors(x) or (pe is not None and self.parent.get(x) == pe)

    def placed(self, docs: np.ndarray, ents: np.ndarray, ambiguous: np.ndarray, starts: np.ndarray,
               ends: np.ndarray) -> np.ndarray:
        """Per match: whether the document also has an unambiguous mention of a relative (the
        candidates of an undecided span, "Springfield" in two states, are no evidence for each
        other), or the match's own span is also its ancestor or descendant ("Hong Kong" the
        city and the territory: a place either way)."""
        out = np.zeros(len(docs), dtype=bool)
        if not self.parent or not len(docs):
            return out
        by_doc: Dict[Any, set] = {}
        by_span: Dict[Tuple[Any, Any, Any], List[Any]] = {}
        for d, e, amb, s, t in zip(docs.tolist(), ents.tolist(), ambiguous.tolist(), starts.tolist(), ends.tolist()):
            if not amb:
                by_doc.setdefault(d, set()).add(e)
            else:
                by_span.setdefault((d, s, t), []).append(e)
        memo: Dict[Tuple[Any, Any], bool] = {}
        for i, (d, e, amb, s, t) in enumerate(zip(docs.tolist(), ents.tolist(), ambiguous.tolist(), starts.tolist(),
                                                   ends.tolist())):
            if e not in self.parent:
                continue
            if amb and any(x != e and (x in self.ancestors(e) or e in self.ancestors(x)) for x in by_span[(d, s, t)]):
                out[i] = True
                continue
            k = (d, e)
            v = memo.get(k)
            if v is None:
                v = memo[k] = any(self.related(e, x) for x in by_doc.get(d, ()))
            out[i] = v
        return out


def _repeated(hashes: List[np.ndarray]) -> int:
    """How many of the texts repeat an earlier one exactly (by their hash; empty texts aside)."""
    if not hashes:
        return 0
    h = np.concatenate(hashes)
    return int(len(h) - len(np.unique(h)))


def _features(df: pd.DataFrame, texts: List[Any]) -> pd.DataFrame:
    """Per match: entity, alias (str), doc (chunk position), start, end, in_run, caps,
    ambiguous, resolved_by."""
    surf = df["surface"]
    cats = surf.cat.categories
    caps_of = np.array([_is_all_caps(s) for s in cats], dtype=bool)
    lower_of = np.array([_has_lower(s) for s in cats], dtype=bool)
    codes = surf.cat.codes.to_numpy()
    surf_caps = caps_of[codes] if len(codes) else np.zeros(0, dtype=bool)
    surf_lower = lower_of[codes] if len(codes) else np.zeros(0, dtype=bool)
    alias = df["alias"].astype(object) if isinstance(df["alias"].dtype, pd.CategoricalDtype) else df["alias"]
    acats = df["alias"].cat.categories if isinstance(df["alias"].dtype, pd.CategoricalDtype) else None
    if acats is not None:
        alias_lower = np.array([_has_lower(a) for a in acats], dtype=bool)[df["alias"].cat.codes.to_numpy()]
    else:
        alias_lower = np.array([_has_lower(a) for a in alias], dtype=bool)
    doc = df["doc"].to_numpy(dtype=np.int64)
    start = df["start"].to_numpy(dtype=np.int64)
    end = df["end"].to_numpy(dtype=np.int64)
    runs = [_run(texts[d], s, e, lo) for d, s, e, lo in
            zip(doc.tolist(), start.tolist(), end.tolist(), surf_lower.tolist())]
    out = pd.DataFrame({"entity": df["entity"].astype(object).to_numpy(), "alias": alias.to_numpy(),
                        "doc": doc, "start": start, "end": end, "run": runs,
                        "in_run": np.array([bool(r) for r in runs], dtype=bool),
                        "caps": surf_caps & alias_lower, "ambiguous": df["ambiguous"].to_numpy(dtype=bool)})
    if "resolved_by" in df.columns:
        out["resolved_by"] = df["resolved_by"].astype(object).fillna("").to_numpy()
    return out


def _sample(kept: Optional[pd.DataFrame], feats: pd.DataFrame, texts: List[Any], chunk_ids: Optional[List[Any]],
            offset: int, n: int, seed: int, width: int) -> pd.DataFrame:
    """The n smallest keys per (entity, alias) among the kept sample and this chunk's matches;
    contexts are cut for the newcomers while their chunk is in memory."""
    gdoc = feats["doc"].to_numpy() + offset
    cand = pd.DataFrame({"entity": feats["entity"], "alias": feats["alias"], "gdoc": gdoc,
                         "start": feats["start"], "end": feats["end"],
                         "key": _keys(seed, gdoc, feats["start"].to_numpy(), feats["end"].to_numpy())})
    # The same span reported for several entities appears once per entity: fine, each
    # (entity, alias) draws from its own matches.
    cand = cand.sort_values(["entity", "alias", "key", "gdoc", "start"], kind="stable")
    cand = cand.groupby(["entity", "alias"], sort=False).head(n)
    if kept is not None and len(kept):
        both = pd.concat([kept, cand], ignore_index=True)
        both = both.sort_values(["entity", "alias", "key", "gdoc", "start"], kind="stable")
        both = both.groupby(["entity", "alias"], sort=False).head(n)
    else:
        both = cand.reset_index(drop=True)
    new = both["left"].isna() if "left" in both.columns else pd.Series(True, index=both.index)
    if "left" not in both.columns:
        both = both.assign(doc=None, left=None, match=None, right=None)
    both = both.copy()
    idx = np.flatnonzero(new.to_numpy())
    if len(idx):
        docs, lefts, matches, rights = [], [], [], []
        for g, s, e in zip(both["gdoc"].to_numpy()[idx].tolist(), both["start"].to_numpy()[idx].tolist(),
                           both["end"].to_numpy()[idx].tolist()):
            t = texts[g - offset]
            lefts.append(_WS.sub(" ", t[max(0, s - width):s]))
            matches.append(t[s:e])
            rights.append(_WS.sub(" ", t[e:e + width]))
            if chunk_ids is not None:
                docs.append(chunk_ids[g - offset])
            else:
                docs.append(g)
        for col, vals in (("doc", docs), ("left", lefts), ("match", matches), ("right", rights)):
            arr = both[col].to_numpy(dtype=object).copy()
            arr[idx] = vals
            both[col] = arr
    return both.reset_index(drop=True)


#: The case-insensitive counter of each matcher audited so far (built once per matcher: for
#: 200k aliases that takes a few seconds).
_COUNTERS: "weakref.WeakKeyDictionary[Any, Any]" = weakref.WeakKeyDictionary()


def _case_counter(matcher: Any, texts: List[str]) -> Any:
    """A matcher finding every distinct alias text in any letter case; its mentions name the
    alias text in the ``alias`` column.

    The texts are spread over a few entities (not one entity each: building a matcher of
    200k one-alias entities takes seconds) so that no two aliases of one entity can match the
    same span (the matcher reports such a span once per entity): every glob on an entity of
    its own, and literals with the same letters and digits (lower-cased, accents dropped) on
    different entities."""
    from .gazetteer import Alias, Gazetteer
    from .matcher import Matcher

    uniq = list(dict.fromkeys(texts))
    buckets: List[List[str]] = []
    rank: Dict[str, int] = {}
    globs: List[str] = []
    for t in uniq:
        a = Alias(t)
        if a.glob:
            globs.append(t)
            continue
        key = _letters_key(a.literal)
        r = rank.get(key, 0)
        rank[key] = r + 1
        if r == len(buckets):
            buckets.append([])
        buckets[r].append(t)
    buckets.extend([g] for g in globs)
    g = Gazetteer.from_records({"id": f"b{i}", "name": Alias(b[0]).literal, "aliases": b}
                               for i, b in enumerate(buckets))
    kw: Dict[str, Any] = {"case": "insensitive", "overlaps": "all", "ambiguous": "all",
                          "fold_accents": bool(matcher.options.get("fold_accents", False))}
    if "capitalized_runs" in inspect.signature(Matcher.__init__).parameters:
        kw["capitalized_runs"] = "keep"
    return Matcher(g, n_threads=matcher.n_threads, **kw)


def _letters_key(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if c.isalnum())


def _case_counts(counter: Any, texts: Any) -> pd.DataFrame:
    """Per alias text: occurrences written in lower case, and otherwise (with an upper-case
    letter)."""
    df = counter.mentions(texts, progress=False)
    if not len(df):
        return pd.DataFrame({"alias": pd.Series([], dtype=object), "lower": [], "other": []})
    cats = df["surface"].cat.categories
    lower = np.array([_has_lower(s) and not _has_upper(s) for s in cats], dtype=bool)
    other = np.array([_has_upper(s) for s in cats], dtype=bool)
    codes = df["surface"].cat.codes.to_numpy()
    f = pd.DataFrame({"alias": df["alias"].astype(object).to_numpy(), "lower": lower[codes].astype(np.int64),
                      "other": other[codes].astype(np.int64)})
    return f.groupby("alias", sort=False)[["lower", "other"]].sum().reset_index()


def _build_table(parts: List[pd.DataFrame], resolved: List[pd.DataFrame], runs: List[pd.DataFrame],
                 lower_parts: List[pd.DataFrame],
                 kept: Optional[pd.DataFrame], matcher: Any, g_ids: List[str],
                 g_names: List[str], g_kinds: List[str], g_texts: List[str], g_ents: List[int],
                 all_aliases: bool, common_words: bool, kin: "_Kin") -> pd.DataFrame:
    sums = ["matches", "documents", "in_names_n", "all_caps_n", "unresolved", "placed_n"]
    if parts:
        agg = pd.concat(parts).groupby(level=[0, 1], sort=False)[sums].sum().reset_index()
    else:
        agg = pd.DataFrame({c: pd.Series([], dtype=object if c in ("entity", "alias") else np.int64)
                            for c in ["entity", "alias"] + sums})
    # each alias's place in the gazetteer, and the entities listing each alias text
    order_of: Dict[Tuple[str, str], int] = {}
    owners: Dict[str, set] = {}
    for i, (txt, e) in enumerate(zip(g_texts, g_ents)):
        order_of.setdefault((g_ids[e], txt), i)
        owners.setdefault(txt, set()).add(e)
    t = agg
    if all_aliases:
        seen = set(zip(agg["entity"], agg["alias"]))
        extra = [k for k in order_of if k not in seen]
        if extra:
            t = pd.concat([agg, pd.DataFrame({"entity": [k[0] for k in extra], "alias": [k[1] for k in extra],
                                              **{c: np.zeros(len(extra), dtype=np.int64) for c in sums}})],
                          ignore_index=True)
    t = t.copy()
    for c in sums:
        t[c] = t[c].astype(np.int64)
    t["order"] = np.array([order_of.get(k, len(g_texts)) for k in zip(t["entity"], t["alias"])], dtype=np.int64)
    name_of = dict(zip(g_ids, g_names))
    kind_of = dict(zip(g_ids, g_kinds))
    t["name"] = t["entity"].map(name_of)
    t["kind"] = t["entity"].map(kind_of)
    per_entity = t.groupby("entity")["matches"].transform("sum")
    t["share"] = np.where(per_entity > 0, t["matches"] / per_entity.where(per_entity > 0, 1), np.nan)

    # flags
    al = t["alias"].tolist()
    lit = [_literal(a) for a in al]
    t["lowercase"] = np.array([_has_lower(x) and not _has_upper(x) for x in lit], dtype=bool)
    t["short"] = np.array([len(x) <= SHORT_MAX for x in lit], dtype=bool)
    t["ambiguous"] = (np.array([len(owners.get(a, ())) > 1 for a in al], dtype=bool)
                      | (t["unresolved"].to_numpy(dtype=np.int64) > 0))
    m = t["matches"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        t["in_names_share"] = np.where(m > 0, t["in_names_n"] / np.maximum(m, 1), np.nan)
        t["all_caps_share"] = np.where(m > 0, t["all_caps_n"] / np.maximum(m, 1), np.nan)
    t["in_names"] = (m > 0) & (t["in_names_share"].fillna(0).to_numpy() >= MOSTLY)
    with np.errstate(invalid="ignore", divide="ignore"):
        undecided_share = np.where(m > 0, t["unresolved"].to_numpy() / np.maximum(m, 1), 0.0)
    t["undecided"] = (m > 0) & (undecided_share >= MOSTLY)
    t["all_caps"] = (m > 0) & (t["all_caps_share"].fillna(0).to_numpy() >= MOSTLY)
    has_parent = np.array([e in kin.parent for e in t["entity"].tolist()], dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        t["placed_share"] = np.where(has_parent & (m > 0), t["placed_n"] / np.maximum(m, 1), np.nan)
    t["unplaced"] = (has_parent & (t["documents"].to_numpy() >= UNPLACED_MIN_DOCS)
                     & (t["placed_share"].fillna(1).to_numpy() < UNPLACED_SHARE))
    if common_words:
        if lower_parts:
            lc = pd.concat(lower_parts).groupby("alias")[["lower", "other"]].sum()
        else:
            lc = pd.DataFrame({"lower": [], "other": []})
        lo = lc["lower"].reindex(al).fillna(0).astype(np.int64).to_numpy()
        ca = lc["other"].reindex(al).fillna(0).astype(np.int64).to_numpy()
        t["lower_in_corpus"] = lo
        t["other_case_in_corpus"] = ca
        # capitalised occurrences inside the names of something else do not speak for the name
        in_runs = t.groupby("alias")["in_names_n"].transform("sum").to_numpy(dtype=np.int64)
        alone = np.maximum(ca - in_runs, 0)
        t["common_word"] = (lo >= COMMON_MIN) & (lo >= COMMON_RATIO * alone) & ~t["lowercase"].to_numpy()
    else:
        t["lower_in_corpus"] = pd.array([pd.NA] * len(t), dtype="Int64")
        t["other_case_in_corpus"] = pd.array([pd.NA] * len(t), dtype="Int64")
        t["common_word"] = False
    flag_arr = t[list(FLAGS)].to_numpy(dtype=bool)
    t["flag_names"] = [", ".join(f for f, on in zip(FLAGS, row) if on) for row in flag_arr]
    ev = t[list(EVIDENCE_FLAGS)].to_numpy(dtype=np.int64).sum(axis=1)
    t["suspicion"] = 2 * ev + t[["ambiguous", "short", "lowercase"]].to_numpy(dtype=np.int64).sum(axis=1)

    # how spans shared by several entities were resolved
    if resolved:
        rb = pd.concat(resolved).groupby(["entity", "alias", "resolved_by"], sort=True)["k"].sum().reset_index()
        rb = rb.sort_values(["entity", "alias", "k", "resolved_by"], ascending=[True, True, False, True])
        txt: Dict[Tuple[str, str], str] = {}
        for e, a, r, k in zip(rb["entity"], rb["alias"], rb["resolved_by"], rb["k"]):
            txt[(e, a)] = (txt[(e, a)] + ", " if (e, a) in txt else "") + f"{r} {int(k):,}"
        t["resolved_by"] = [txt.get((e, a), "") for e, a in zip(t["entity"], t["alias"])]
    else:
        t["resolved_by"] = ""

    # the most frequent capitalised runs around each alias's matches
    top: Dict[Tuple[str, str], str] = {}
    if runs:
        rc = pd.concat(runs).groupby(["entity", "alias", "run"], sort=False)["k"].sum().reset_index()
        rc = rc.sort_values(["entity", "alias", "k", "run"], ascending=[True, True, False, True], kind="stable")
        rc = rc.groupby(["entity", "alias"], sort=False).head(TOP_NAMES)
        for e, a, r, k in zip(rc["entity"], rc["alias"], rc["run"], rc["k"]):
            top[(e, a)] = (top[(e, a)] + "; " if (e, a) in top else "") + f"{r} {int(k):,}"
    t["top_names"] = [top.get((e, a), "") for e, a in zip(t["entity"], t["alias"])]

    # contexts
    ctx: Dict[Tuple[str, str], List[Context]] = {}
    if kept is not None and len(kept):
        k = kept.sort_values(["entity", "alias", "gdoc", "start"], kind="stable")
        for r in k.itertuples(index=False):
            ctx.setdefault((r.entity, r.alias), []).append(
                Context(r.doc, int(r.start), int(r.end), r.left, r.match, r.right))
    t["contexts"] = [tuple(ctx.get((e, a), ())) for e, a in zip(t["entity"], t["alias"])]

    t["_evidence"] = ev > 0
    t["_m_ev"] = np.where(ev > 0, t["matches"].to_numpy(), 0)
    t = t.sort_values(["_evidence", "_m_ev", "suspicion", "matches", "entity", "order"],
                      ascending=[False, False, False, False, True, True],
                      kind="stable")
    cols = ["entity", "name", "kind", "alias", "matches", "documents", "share", "suspicion", "flag_names", *FLAGS,
            "lower_in_corpus", "other_case_in_corpus", "in_names_share", "top_names", "all_caps_share",
            "placed_share", "unresolved", "resolved_by", "contexts"]
    t = t[cols].reset_index(drop=True)
    for c in ("entity", "name", "kind", "alias", "flag_names", "top_names", "resolved_by"):
        t[c] = t[c].astype(object)
    return t


def _literal(alias: str) -> str:
    from .gazetteer import Alias

    try:
        return Alias(alias).literal
    except Exception:  # pragma: no cover - texts come from a valid gazetteer
        return alias
