"""A slow, obviously correct reference matcher for SPEC §3 (the test oracle).

Nothing here is ported from the Rust matcher. Every rule is written from its definition in
SPEC §2–§3 and checked by brute force: every alias is compared at every code-point position
of a normalised *view* of the text, the view carries an explicit list mapping each of its
characters back to the original code point it came from, and boundaries, case and globs are
checked per candidate. Resolution (§3.5–3.7) is the SPEC's own wording turned into loops.

It is quadratic and meant for short texts (hypothesis examples, the SPEC's examples).

Readings of points the SPEC leaves open (the Rust core implements the same ones):

- *Which view boundaries are judged in.* Each alias is compared in its own view (accent
  folding on/off, lowercase on/off, from its own or the matcher's ``case``/``fold_accents``)
  and its boundaries are judged on the neighbours *in that view*: with folding, a combining
  mark after "Sao" is dropped, so "Sao" + U+0301 matches "Sao" and the mention covers the mark.
- *Whitespace runs* are collapsed *after* the per-character mapping, so marks dropped by
  folding between two whitespace characters do not break the run.
- *Offsets.* A mention starts at the original index of the first view character it covers
  and ends at the original index of the view character after it (or at the end of the text),
  so dropped marks after the last letter belong to the mention and collapsed whitespace does not.
- *Skipped and ignored spans still compete.* Resolution (§3.5) runs first; §3.6 (`"skip"`) and
  §3.7 (ignore) then decide what of the chosen spans is *reported*. A skipped ambiguous span
  therefore still hides the shorter candidates inside it, exactly like an ignore phrase does.
- *One row per (span, entity)*: when several aliases of one entity match the same span, the
  row names the alias listed first in the gazetteer; a span is ambiguous when it is matched by
  aliases of two or more entities.
- *Lone surrogates* (unencodable in UTF-8) behave as U+FFFD (a non-word character); offsets
  still index the original string.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

__all__ = [
    "APOSTROPHES",
    "DASHES",
    "WHITE_SPACE",
    "AliasSpec",
    "Reference",
    "fold_char",
    "is_letter_or_digit",
    "is_space",
    "is_unspaced",
    "is_word",
    "lower",
    "map_punct",
    "parse_alias",
    "upper",
    "view",
]

# --------------------------------------------------------------------------------------------
# §3.1 character mappings
# --------------------------------------------------------------------------------------------

#: SPEC §3.1: apostrophe variants, all compared as "'".
APOSTROPHES = frozenset("'\u2019\u2018\u201b\u02bc`\u00b4\u2032")
#: SPEC §3.1: dash variants (U+2010–U+2015, U+2212, U+FE63, U+FF0D, "-"), compared as "-".
DASHES = frozenset(["-", "\u2212", "\ufe63", "\uff0d"] + [chr(c) for c in range(0x2010, 0x2016)])
#: SPEC §3.1: Unicode's White_Space property (PropList.txt; unchanged since Unicode 6.3).
#: Written out because Python's ``str.isspace`` differs (it also accepts U+001C–U+001F).
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + [" ", "\x85", "\xa0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)


def map_punct(c: str) -> str:
    """SPEC §3.1: an apostrophe variant becomes ``'``, a dash variant ``-``, anything else
    stays itself."""
    if c in APOSTROPHES:
        return "'"
    if c in DASHES:
        return "-"
    return c


def is_space(c: str) -> bool:
    """SPEC §3.1: Unicode White_Space (space, tab, newline, NBSP, U+2000–U+200A, ...)."""
    return c in WHITE_SPACE


# --------------------------------------------------------------------------------------------
# §3.2 word characters and unspaced scripts
# --------------------------------------------------------------------------------------------


def is_word(c: str) -> bool:
    """SPEC §3.2: a word character is a letter, mark or number (general category L*, M*, N*),
    judged after the §3.1 mapping (so U+02BC MODIFIER LETTER APOSTROPHE is not one)."""
    return unicodedata.category(map_punct(c))[0] in "LMN"


def is_letter_or_digit(c: str) -> bool:
    """SPEC §2: an alias must hold at least one letter or digit (L* or N*, not an apostrophe
    variant)."""
    return map_punct(c) == c and unicodedata.category(c)[0] in "LN"


#: SPEC §3.2: the scripts written without spaces (Han, Hiragana, Katakana, Hangul, Thai, Lao,
#: Khmer, Myanmar), as Unicode block ranges (inclusive), the list of ``chars::is_unspaced``.
UNSPACED_RANGES: Tuple[Tuple[int, int], ...] = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3021, 0x3029),  # Hangzhou numerals
    (0x3038, 0x303B),  # Hangzhou numerals, 〻
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xA9E0, 0xA9FF),  # Myanmar extended B
    (0xAA60, 0xAA7F),  # Myanmar extended A
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xD7B0, 0xD7FF),  # Hangul Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # halfwidth Katakana
    (0xFFA0, 0xFFDC),  # halfwidth Hangul
    (0x20000, 0x3FFFF),  # CJK extensions B.. (planes 2 and 3)
)


def is_unspaced(c: str) -> bool:
    """SPEC §3.2: the character belongs to a script written without spaces between words."""
    u = ord(c)
    return any(lo <= u <= hi for lo, hi in UNSPACED_RANGES)


# --------------------------------------------------------------------------------------------
# §3.3 case, §3.4 accents
# --------------------------------------------------------------------------------------------


def lower(c: str) -> str:
    """SPEC §3.3: simple (length-preserving) lowercase: the full lowercase mapping when it is a
    single character, else the character itself (so "İ" stays "İ")."""
    m = c.lower()
    return m if len(m) == 1 else c


def upper(c: str) -> str:
    """SPEC §3.3: simple uppercase, as :func:`lower` (so "ß" stays "ß")."""
    m = c.upper()
    return m if len(m) == 1 else c


def fold_char(c: str) -> str:
    """SPEC §3.4: accent folding of one character: canonical decomposition (NFD), combining
    marks (M*) dropped, what is left recomposed (NFC; this brings Hangul syllables back).
    Returns zero characters for a mark on its own, usually one otherwise."""
    kept = "".join(d for d in unicodedata.normalize("NFD", c) if unicodedata.category(d)[0] != "M")
    return unicodedata.normalize("NFC", kept)


def _surrogate_free(text: str) -> str:
    """Lone surrogates (which UTF-8 cannot hold) behave as U+FFFD (documented in Matcher)."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def view(text: str, *, fold: bool, lowercase: bool) -> Tuple[str, List[int]]:
    """The normalised view of ``text`` (SPEC §3.1, §3.3, §3.4) and its index map.

    Per original character ``c`` at index ``k``: whitespace becomes a space; anything else is
    mapped by :func:`map_punct`, then :func:`fold_char` (if ``fold``), then :func:`lower` (if
    ``lowercase``), each resulting character remembering ``k``. Then every run of spaces is
    collapsed to its first space. Collapsing happens after the per-character mapping, so
    marks dropped by folding inside a whitespace run do not break it.

    Returns the view and ``index``, with ``index[i]`` the original position of view character
    ``i``, plus one final entry ``len(text)``.
    """
    chars: List[Tuple[str, int]] = []
    for k, c in enumerate(_surrogate_free(text)):
        if is_space(c):
            chars.append((" ", k))
            continue
        out = map_punct(c)
        if fold:
            out = fold_char(out)
        for f in out:
            if is_space(f):
                f = " "
            elif lowercase:
                f = lower(f)
            chars.append((f, k))
    collapsed: List[Tuple[str, int]] = []
    for f, k in chars:
        if f == " " and collapsed and collapsed[-1][0] == " ":
            continue
        collapsed.append((f, k))
    return "".join(f for f, _ in collapsed), [k for _, k in collapsed] + [len(text)]


# --------------------------------------------------------------------------------------------
# §2 alias syntax
# --------------------------------------------------------------------------------------------


def _strip(s: str) -> str:
    """Strips White_Space at both ends (SPEC §2)."""
    i, j = 0, len(s)
    while i < j and is_space(s[i]):
        i += 1
    while j > i and is_space(s[j - 1]):
        j -= 1
    return s[i:j]


def parse_alias(raw: str) -> Tuple[str, bool]:
    """SPEC §2: ``(literal, glob)``. Whitespace is stripped; a trailing ``*`` makes a glob;
    ``\\*`` is a literal star; a ``*`` anywhere else is an error; the literal must hold a
    letter or digit. Raises ``ValueError`` for an invalid alias."""
    s = _strip(raw)
    out = []
    glob = False
    i = 0
    while i < len(s):
        if s[i] == "\\" and s[i + 1:i + 2] == "*":
            out.append("*")
            i += 2
            continue
        if s[i] == "*":
            if i == len(s) - 1:
                glob = True
                i += 1
                continue
            raise ValueError(f"misplaced '*' at {i} in {raw!r}")
        out.append(s[i])
        i += 1
    literal = _strip("".join(out))  # "Kenyan *" leaves a space before the star
    if not literal:
        raise ValueError(f"empty alias {raw!r}")
    if not any(is_letter_or_digit(c) for c in literal):
        raise ValueError(f"alias {raw!r} holds no letter or digit")
    return literal, glob


def alias_is_valid(raw: str) -> bool:
    """Whether :func:`parse_alias` accepts ``raw``."""
    try:
        parse_alias(raw)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# The matcher
# --------------------------------------------------------------------------------------------

#: Entity index of ignore phrases (SPEC §3.7).
IGNORE = -1

AliasInput = Union[str, Dict[str, Any]]


@dataclass(frozen=True)
class AliasSpec:
    """One row of the flat alias table: the alias as written, its entity's index in gazetteer
    order, and its per-alias overrides (None: the matcher's option)."""

    text: str
    entity: int
    case: Optional[str] = None
    fold_accents: Optional[bool] = None


@dataclass(frozen=True)
class _Compiled:
    index: int  # position in the flat alias table (ignore phrases after the aliases)
    entity: int
    text: str
    variants: Tuple[str, ...]  # the alias in its view; for smart case also in capitals
    glob: bool
    fold: bool
    lowercase: bool


class Reference:
    """Brute-force SPEC §3 matcher.

    Parameters
    ----------
    entities : sequence of ``(id, aliases)``
        In gazetteer order. ``aliases`` lists every alias of the entity (the name included, as
        the gazetteer hands it to the matcher), each a str or a dict with ``text`` and optional
        ``case`` / ``fold_accents`` (SPEC §2).
    case, fold_accents, overlaps, ambiguous, ignore
        As :class:`gazetta.Matcher`.
    """

    def __init__(self, entities: Sequence[Tuple[str, Sequence[AliasInput]]], *, case: str = "smart",
                 fold_accents: bool = False, overlaps: str = "longest", ambiguous: str = "all",
                 ignore: Iterable[str] = ()) -> None:
        assert case in ("smart", "sensitive", "insensitive")
        assert overlaps in ("longest", "all") and ambiguous in ("all", "skip")
        self.ids = [eid for eid, _ in entities]
        self.overlaps = overlaps
        self.ambiguous = ambiguous
        rows: List[AliasSpec] = []
        for e, (_, aliases) in enumerate(entities):
            for a in aliases:
                if isinstance(a, str):
                    rows.append(AliasSpec(a, e))
                else:
                    rows.append(AliasSpec(a["text"], e, a.get("case"), a.get("fold_accents")))
        rows += [AliasSpec(p, IGNORE) for p in ignore]
        self.aliases: List[_Compiled] = []
        for i, r in enumerate(rows):
            literal, glob = parse_alias(r.text)
            a_case = r.case if r.case is not None else case
            a_fold = r.fold_accents if r.fold_accents is not None else fold_accents
            low = a_case == "insensitive"
            base, _ = view(literal, fold=a_fold, lowercase=low)
            variants = [base]
            if a_case == "smart":
                # §3.3: as written, or in all capitals (per-character simple uppercase).
                caps = "".join(upper(c) for c in base)
                if caps != base:
                    variants.append(caps)
            self.aliases.append(_Compiled(i, r.entity, r.text, tuple(variants), glob, a_fold, low))

    @classmethod
    def from_flat(cls, ids: Sequence[str], flat: Sequence[AliasSpec], **options: Any) -> "Reference":
        """From the flat alias table (as ``Gazetteer`` hands it to the core)."""
        per: List[List[AliasInput]] = [[] for _ in ids]
        for a in flat:
            rec: Dict[str, Any] = {"text": a.text}
            if a.case is not None:
                rec["case"] = a.case
            if a.fold_accents is not None:
                rec["fold_accents"] = a.fold_accents
            per[a.entity].append(rec)
        return cls(list(zip(ids, per)), **options)

    # -- §3.1–3.4: candidates ---------------------------------------------------------------
    def candidates(self, text: str) -> List[Tuple[int, int, int, int]]:
        """Every ``(start, end, entity, alias index)`` satisfying §3.1–3.4 (ignore phrases have
        entity :data:`IGNORE`), in original code points. Brute force: every alias, every view
        position."""
        views: Dict[Tuple[bool, bool], Tuple[str, List[int]]] = {}
        out = []
        for a in self.aliases:
            key = (a.fold, a.lowercase)
            if key not in views:
                views[key] = view(text, fold=a.fold, lowercase=a.lowercase)
            v, index = views[key]
            for i in range(len(v)):
                for pat in a.variants:
                    j = i + len(pat)
                    if v[i:j] != pat:
                        continue
                    if not _start_ok(v, i):
                        continue
                    if a.glob:
                        j = _extend_word(v, j)
                    elif not _end_ok(v, j):
                        continue
                    out.append((index[i], index[j], a.entity, a.index))
        return out

    # -- §3.5–3.7: resolution ---------------------------------------------------------------
    def find(self, text: Optional[str]) -> List[Tuple[int, int, str, str, bool]]:
        """``(start, end, entity id, alias as written, ambiguous)`` per reported mention, ordered
        by start ascending, end descending, then gazetteer order (as ``Matcher.find``)."""
        if text is None:
            return []
        # One candidate per (span, entity): the alias listed first in the gazetteer.
        best: Dict[Tuple[int, int, int], int] = {}
        for s, e, ent, ai in self.candidates(text):
            k = (s, e, ent)
            best[k] = min(best.get(k, ai), ai)
        spans: Dict[Tuple[int, int], List[Tuple[int, int]]] = {}
        for (s, e, ent), ai in best.items():
            spans.setdefault((s, e), []).append((ent, ai))

        if self.overlaps == "all":
            chosen = list(spans)
        else:
            # §3.5: take the leftmost candidate, the longest among those; drop everything that
            # overlaps it; repeat.
            chosen = []
            remaining = set(spans)
            while remaining:
                s, e = min(remaining, key=lambda se: (se[0], -se[1]))
                chosen.append((s, e))
                remaining = {(s2, e2) for s2, e2 in remaining if not (s2 < e and s < e2)}

        out = []
        for s, e in sorted(chosen, key=lambda se: (se[0], -se[1])):
            rows = sorted(spans[(s, e)], key=lambda r: (r[0] == IGNORE, r[0]))
            if any(ent == IGNORE for ent, _ in rows):
                continue  # §3.7: an ignore phrase competes but is never reported
            ambiguous = len(rows) > 1  # §3.6
            if ambiguous and self.ambiguous == "skip":
                continue
            for ent, ai in rows:
                out.append((s, e, self.ids[ent], self.aliases[ai].text, ambiguous))
        return out


def _start_ok(v: str, i: int) -> bool:
    """SPEC §3.2 at the start of a candidate at view index ``i``: when the alias begins with a
    word character, the text character before must not be one, unless either of them belongs
    to an unspaced script. (The alias's first character and ``v[i]`` are the same letter up to
    case, which changes neither property.)"""
    first = v[i]
    if i == 0 or not is_word(first):
        return True
    before = v[i - 1]
    return not is_word(before) or is_unspaced(before) or is_unspaced(first)


def _end_ok(v: str, j: int) -> bool:
    """SPEC §3.2 at the end ``j`` (exclusive) of a literal candidate: as :func:`_start_ok`,
    mirrored."""
    last = v[j - 1]
    if j == len(v) or not is_word(last):
        return True
    after = v[j]
    return not is_word(after) or is_unspaced(after) or is_unspaced(last)


def _extend_word(v: str, j: int) -> int:
    """SPEC §2 globs: ``Kenyan*`` matches a word that begins with "Kenyan" and the mention
    spans the whole word: extend over following word characters, stopping where a character
    of an unspaced script starts or ends a token (each such character is a token, §4). The
    end boundary then holds by construction."""
    while j < len(v) and is_word(v[j]) and not is_unspaced(v[j]) and not is_unspaced(v[j - 1]):
        j += 1
    return j
