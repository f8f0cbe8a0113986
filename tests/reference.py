"""A slow, obviously correct reference matcher for the matching rules (the test oracle).

Nothing here is ported from the Rust matcher. Every rule is written from its definition in
docs/gazetteers.md and docs/matching.md and checked by brute force: every alias is compared at every code-point position
of a normalised *view* of the text, the view carries an explicit list mapping each of its
characters back to the original code point it came from, and boundaries, case and globs are
checked per candidate. Resolution (overlaps, ambiguity, ignore phrases) is the documented wording turned into loops.

It is quadratic and meant for short texts (hypothesis examples, the documented examples).

Readings of points the rules leave open (the Rust core implements the same ones):

- *Which view boundaries are judged in.* Each alias is compared in its own view (accent
  folding on/off, lowercase on/off, from its own or the matcher's ``case``/``fold_accents``)
  and its boundaries are judged on the neighbours *in that view*: with folding, a combining
  mark after "Sao" is dropped, so "Sao" + U+0301 matches "Sao" and the mention covers the mark.
- *Whitespace runs* are collapsed *after* the per-character mapping, so marks dropped by
  folding between two whitespace characters do not break the run.
- *Offsets.* A mention starts at the original index of the first view character it covers
  and ends at the original index of the view character after it (or at the end of the text),
  so dropped marks after the last letter belong to the mention and collapsed whitespace does not.
- *Skipped and ignored spans still compete.* Overlap resolution runs first; `ambiguous="skip"` and
  ignore phrases then decide what of the chosen spans is *reported*. A skipped ambiguous span
  therefore still hides the shorter candidates inside it, exactly like an ignore phrase does.
- *One row per (span, entity)*: when several aliases of one entity match the same span, the
  row names the alias listed first in the gazetteer; a span is ambiguous when it is matched by
  aliases of two or more entities.
- *Lone surrogates* (unencodable in UTF-8) behave as U+FFFD (a non-word character); offsets
  still index the original string.

Context rules, capitalised runs and resolution (``docs/resolution.md``), written from their
documentation, in the order the matcher applies them:

- *Context rules* remove candidates before overlap resolution. A candidate is removed when one of the
  ``not_before`` phrases of its alias or of its entity (both apply) directly follows it, or a
  ``not_after`` phrase directly precedes it. "Directly": after a separator that is one
  whitespace run, or one hyphen/dash with optional whitespace on either side. Phrases follow
  the alias syntax and compare like aliases, in the view of the alias's case and folding (an
  alias's own rules) or of the matcher's options (an entity's rules); a literal phrase whose
  outer character is a word character needs a non-word character (or the text's end) beyond it,
  with no exception for unspaced scripts (phrases are meant to be separated words); a glob
  phrase may be followed by the rest of a word. The whole text is looked at, however long the
  whitespace run.
- *Capitalised runs* (``capitalized_runs="skip"``) then remove a name-form candidate (its
  surface starts with an upper- or titlecase letter and holds a lower-case letter, Ll) when
  the next word (after whitespace holding at most one line feed) is name-form and not in the
  engine's keep list, or when the candidate follows "of" after a name-form word not in the
  engine's "of" list. *Company names* (``capitalized_runs="companies"``, and also under
  ``"skip"``) remove a name-form candidate when, within the engine's number of words, each
  separated by whitespace holding at most one line feed, the words after it (everything up to
  the next whitespace, trailing ``. , ; : ) > " ' ’ ”`` stripped) are capitalised or "&" up to
  one of the engine's company suffixes; a non-suffix word with such a trailing character ends
  the run. The word lists, the number of words and the prior ratio are the only things read
  from the package (``gazetta._core.context_constants()``). Ignore phrases are never removed.
- *Resolution* (``ambiguous="resolve"``) runs per text on the reported spans (after overlap resolution and
  ignore phrases): context (candidates with an ancestor, child or sibling mentioned unambiguously; one:
  "context"; several: narrowed to them; when all those relatives are roots and some candidate is
  mentioned unambiguously itself, those candidates instead, one: "document"; when all are roots and none
  is, the candidate whose prior dominates all the span's others, if it is not among them: "prior"), document (candidates mentioned unambiguously or chosen
  by context for another span; one: "document"; several: narrowed to them), support (the
  candidate kin — ancestor, descendant or same parent — to a candidate of more of the other
  spans than any other candidate is, judged on every span's state after the document step:
  "support"), prior (the candidate whose positive prior is at least the ratio times every
  other's, and larger: "prior"), else every remaining candidate, flagged ambiguous: "none". With ``ambiguous="all"`` an ambiguous
  span's rows are labelled "none".
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

__all__ = [
    "APOSTROPHES",
    "DASHES",
    "WHITE_SPACE",
    "AliasSpec",
    "Reference",
    "Row",
    "context_constants",
    "in_capitalized_run",
    "in_company_name",
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
# character mappings (docs/matching.md)
# --------------------------------------------------------------------------------------------

#: Normalised comparison (docs/matching.md): apostrophe variants, all compared as "'".
APOSTROPHES = frozenset("'\u2019\u2018\u201b\u02bc`\u00b4\u2032")
#: Normalised comparison (docs/matching.md): dash variants (U+2010–U+2015, U+2212, U+FE63, U+FF0D, "-"), compared as "-".
DASHES = frozenset(["-", "\u2212", "\ufe63", "\uff0d"] + [chr(c) for c in range(0x2010, 0x2016)])
#: Normalised comparison (docs/matching.md): Unicode's White_Space property (PropList.txt; unchanged since Unicode 6.3).
#: Written out because Python's ``str.isspace`` differs (it also accepts U+001C–U+001F).
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + [" ", "\x85", "\xa0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)


def map_punct(c: str) -> str:
    """Normalised comparison (docs/matching.md): an apostrophe variant becomes ``'``, a dash variant ``-``, anything else
    stays itself."""
    if c in APOSTROPHES:
        return "'"
    if c in DASHES:
        return "-"
    return c


def is_space(c: str) -> bool:
    """Normalised comparison (docs/matching.md): Unicode White_Space (space, tab, newline, NBSP, U+2000–U+200A, ...)."""
    return c in WHITE_SPACE


# --------------------------------------------------------------------------------------------
# word characters and unspaced scripts (docs/matching.md)
# --------------------------------------------------------------------------------------------


def is_word(c: str) -> bool:
    """Word boundaries (docs/matching.md): a word character is a letter, mark or number (general category L*, M*, N*),
    judged after the Normalised comparison (docs/matching.md) mapping (so U+02BC MODIFIER LETTER APOSTROPHE is not one)."""
    return unicodedata.category(map_punct(c))[0] in "LMN"


def is_letter_or_digit(c: str) -> bool:
    """docs/gazetteers.md: an alias must hold at least one letter or digit (L* or N*, not an apostrophe
    variant)."""
    return map_punct(c) == c and unicodedata.category(c)[0] in "LN"


#: Word boundaries (docs/matching.md): the scripts written without spaces (Han, Hiragana, Katakana, Hangul, Thai, Lao,
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
    """Word boundaries (docs/matching.md): the character belongs to a script written without spaces between words."""
    u = ord(c)
    return any(lo <= u <= hi for lo, hi in UNSPACED_RANGES)


# --------------------------------------------------------------------------------------------
# case and accents (docs/matching.md)
# --------------------------------------------------------------------------------------------


def lower(c: str) -> str:
    """Case (docs/matching.md): simple (length-preserving) lowercase: the full lowercase mapping when it is a
    single character, else the character itself (so "İ" stays "İ")."""
    m = c.lower()
    return m if len(m) == 1 else c


def upper(c: str) -> str:
    """Case (docs/matching.md): simple uppercase, as :func:`lower` (so "ß" stays "ß")."""
    m = c.upper()
    return m if len(m) == 1 else c


def fold_char(c: str) -> str:
    """Accents (docs/matching.md): accent folding of one character: canonical decomposition (NFD), combining
    marks (M*) dropped, what is left recomposed (NFC; this brings Hangul syllables back).
    Returns zero characters for a mark on its own, usually one otherwise."""
    kept = "".join(d for d in unicodedata.normalize("NFD", c) if unicodedata.category(d)[0] != "M")
    return unicodedata.normalize("NFC", kept)


def _surrogate_free(text: str) -> str:
    """Lone surrogates (which UTF-8 cannot hold) behave as U+FFFD (documented in Matcher)."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def view(text: str, *, fold: bool, lowercase: bool) -> Tuple[str, List[int]]:
    """The normalised view of ``text`` (docs/matching.md, Normalised comparison, Case and Accents) and its index map.

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
# alias syntax (docs/gazetteers.md)
# --------------------------------------------------------------------------------------------


def _strip(s: str) -> str:
    """Strips White_Space at both ends (docs/gazetteers.md)."""
    i, j = 0, len(s)
    while i < j and is_space(s[i]):
        i += 1
    while j > i and is_space(s[j - 1]):
        j -= 1
    return s[i:j]


def parse_alias(raw: str) -> Tuple[str, bool]:
    """docs/gazetteers.md: ``(literal, glob)``. Whitespace is stripped; a trailing ``*`` makes a glob;
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

#: Entity index of ignore phrases (docs/matching.md, Ignore phrases).
IGNORE = -1

AliasInput = Union[str, Dict[str, Any]]


@dataclass(frozen=True)
class AliasSpec:
    """One row of the flat alias table: the alias as written, its entity's index in gazetteer
    order, its per-alias overrides (None: the matcher's option) and its own context rules."""

    text: str
    entity: int
    case: Optional[str] = None
    fold_accents: Optional[bool] = None
    not_before: Tuple[str, ...] = ()
    not_after: Tuple[str, ...] = ()
    person_after: Tuple[str, ...] = ()


@dataclass(frozen=True)
class _Phrase:
    """One phrase of a context rule, in the view it is compared in."""

    variants: Tuple[str, ...]  # the phrase in its view; for smart case also in capitals
    glob: bool
    fold: bool
    lowercase: bool


@dataclass(frozen=True)
class _Compiled:
    index: int  # position in the flat alias table (ignore phrases after the aliases)
    entity: int
    text: str
    variants: Tuple[str, ...]  # the alias in its view; for smart case also in capitals
    glob: bool
    fold: bool
    lowercase: bool
    not_before: Tuple[_Phrase, ...] = ()  # the alias's own rules (its own case / folding)
    not_after: Tuple[_Phrase, ...] = ()
    person_after: Tuple[_Phrase, ...] = ()


def _variants(literal: str, case: str, fold: bool) -> Tuple[str, ...]:
    """Case (docs/matching.md): the literal in its view; with smart case also in all capitals."""
    base, _ = view(literal, fold=fold, lowercase=case == "insensitive")
    out = [base]
    if case == "smart":
        caps = "".join(upper(c) for c in base)
        if caps != base:
            out.append(caps)
    return tuple(out)


def _phrases(raw: Iterable[str], case: str, fold: bool) -> Tuple[_Phrase, ...]:
    """Context-rule phrases follow the alias syntax and compare like aliases."""
    return _compiled_phrases(tuple(raw), case, fold)


@functools.lru_cache(maxsize=None)
def _compiled_phrases(raw: Tuple[str, ...], case: str, fold: bool) -> Tuple[_Phrase, ...]:
    """:func:`_phrases`, compiled once per list (the built-in gazetteers give one list of 1,455
    given names to hundreds of entities)."""
    out = []
    for p in raw:
        literal, glob = parse_alias(p)
        out.append(_Phrase(_variants(literal, case, fold), glob, fold, case == "insensitive"))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Context rules: not_before / not_after phrases
# --------------------------------------------------------------------------------------------


def _after_separator(v: str) -> Optional[str]:
    """What follows a separator at the start of the view ``v``: one whitespace run (one space in
    a view), or one hyphen/dash with optional whitespace on either side. None: no separator."""
    for sep in (" - ", " -", "- ", "-", " "):
        if v.startswith(sep):
            return v[len(sep):]
    return None


def _before_separator(v: str) -> Optional[str]:
    """:func:`_after_separator` mirrored: what precedes a separator at the end of ``v``."""
    for sep in (" - ", "- ", " -", "-", " "):
        if v.endswith(sep):
            return v[:len(v) - len(sep)]
    return None


def _phrase_follows(text: str, end: int, ph: _Phrase) -> bool:
    """``not_before``: the phrase stands right after ``text[:end]``, past a separator. A literal
    phrase ending in a word character must not go on with one ("Power" not in "Powers"); a
    glob phrase may (the rest of the word)."""
    rest = _after_separator(view(text[end:], fold=ph.fold, lowercase=ph.lowercase)[0])
    if rest is None:
        return False
    for v in ph.variants:
        if not rest.startswith(v):
            continue
        nxt = rest[len(v):len(v) + 1]
        if ph.glob or not (nxt and is_word(v[-1]) and is_word(nxt)):
            return True
    return False


def _phrase_precedes(text: str, start: int, ph: _Phrase) -> bool:
    """``not_after``: the phrase stands right before ``text[start:]``, before a separator. A
    phrase beginning with a word character must not follow one ("Latin" not in "XLatin"); a
    glob phrase may be followed by more word characters before the separator ("Latinos")."""
    head = _before_separator(view(text[:start], fold=ph.fold, lowercase=ph.lowercase)[0])
    if head is None:
        return False
    # Where the phrase may end: at the separator, or (glob) inside the last word before it.
    ends = [len(head)]
    if ph.glob:
        k = len(head)
        while k > 0 and is_word(head[k - 1]):
            k -= 1
            ends.append(k)
    for v in ph.variants:
        for j in ends:
            i = j - len(v)
            if i < 0 or head[i:j] != v:
                continue
            prev = head[i - 1:i]
            if not (prev and is_word(v[0]) and is_word(prev)):
                return True
    return False


ARTICLES = ("the", "The", "THE", "a", "A", "an", "An", "AN")


def after_article(text: str, start: int) -> bool:
    """Whether the word right before ``start`` (past whitespace) is one of :data:`ARTICLES`:
    "the French team" is not a surname used alone."""
    head = text[:start]
    while head and is_space(head[-1]):
        head = head[:-1]
    k = len(head)
    while k > 0 and is_word(head[k - 1]):
        k -= 1
    return head[k:] in ARTICLES


LIST_WORDS = ("and", "or", "&", "/", "v", "v.", "vs", "vs.", "versus", "-", "\u2013", "\u2014")

#: How many spans the list step reads on each side of an ambiguous span.
LIST_REACH = 8


def name_before_comma(text: str, start: int) -> Optional[int]:
    """The end of a capitalised word (its first character upper- or titlecase) that a comma,
    with any whitespace around it, separates from ``start`` ("Atlanta, |Georgia"), else None."""
    k = start
    while k > 0 and is_space(text[k - 1]):
        k -= 1
    if k == 0 or text[k - 1] != ",":
        return None
    k -= 1
    while k > 0 and is_space(text[k - 1]):
        k -= 1
    i = k
    while i > 0 and is_word(text[i - 1]):
        i -= 1
    if i == k:
        return None
    c = text[i]
    return k if (c.isupper() or unicodedata.category(c) == "Lt") else None


def list_gap(gap: str) -> bool:
    """Whether ``gap`` (the text between two mentions) joins them in a list: at most 32
    characters; once whitespace and commas are stripped from both ends, one of
    :data:`LIST_WORDS`, or nothing when the gap holds a comma. Whitespace alone does not."""
    if len(gap) > 32:
        return False
    core = gap
    while core and (is_space(core[0]) or core[0] == ","):
        core = core[1:]
    while core and (is_space(core[-1]) or core[-1] == ","):
        core = core[:-1]
    return "," in gap if core == "" else core in LIST_WORDS


# --------------------------------------------------------------------------------------------
# Capitalised runs
# --------------------------------------------------------------------------------------------


def _capitalised(word: str) -> bool:
    """Starts with an upper- or titlecase letter."""
    return bool(word) and unicodedata.category(word[0]) in ("Lu", "Lt")


def _name_like(word: str) -> bool:
    """Capitalised and holding a lower-case letter (so not an acronym such as "U.S.")."""
    return _capitalised(word) and any(unicodedata.category(c) == "Ll" for c in word)


def _word_after(text: str, end: int) -> Optional[str]:
    """The word after ``end``: at least one whitespace character, no blank line (two line
    feeds) among them, then a maximal run of word characters (None when there is none)."""
    k = end
    while k < len(text) and is_space(text[k]):
        k += 1
    if k == end or text[end:k].count("\n") >= 2:
        return None
    j = k
    while j < len(text) and is_word(text[j]):
        j += 1
    return text[k:j] or None


def _word_before(text: str, start: int) -> Optional[Tuple[str, int]]:
    """:func:`_word_after` mirrored: ``(word, its start)``."""
    k = start
    while k > 0 and is_space(text[k - 1]):
        k -= 1
    if k == start or text[k:start].count("\n") >= 2:
        return None
    i = k
    while i > 0 and is_word(text[i - 1]):
        i -= 1
    return (text[i:k], i) if i < k else None


def in_capitalized_run(text: str, start: int, end: int, keep_next: Iterable[str], of_keep_head: Iterable[str]) -> bool:
    """Whether the candidate ``text[start:end]`` is removed by ``capitalized_runs="skip"``: it
    is name-form and either the next word is name-form and not one of ``keep_next`` ("Georgia
    Power", not "Russian Foreign"), or it follows "of" after a name-form word not in
    ``of_keep_head`` ("Bank of America", not "President of France")."""
    text = _surrogate_free(text)
    if not _name_like(text[start:end]):
        return False
    nxt = _word_after(text, end)
    if nxt is not None and _name_like(nxt) and nxt not in set(keep_next):
        return True
    prev = _word_before(text, start)
    if prev is not None and prev[0] == "of":
        head = _word_before(text, prev[1])
        if head is not None and _name_like(head[0]) and head[0] not in set(of_keep_head):
            return True
    return False


def in_company_name(text: str, start: int, end: int, suffixes: Iterable[str], max_words: int) -> bool:
    """Whether the candidate ``text[start:end]`` is removed by ``capitalized_runs="companies"``
    (and ``"skip"``): it is name-form and the words after it are capitalised or "&" up to one
    of ``suffixes`` within ``max_words`` words ("American Barrick Resources Corp")."""
    text = _surrogate_free(text)
    if not _name_like(text[start:end]):
        return False
    suffixes = set(suffixes)
    k = end
    for _ in range(max_words):
        j = k
        while j < len(text) and is_space(text[j]):
            j += 1
        if j == k or j == len(text) or text[k:j].count("\n") >= 2:
            return False
        r = j
        while r < len(text) and not is_space(text[r]):
            r += 1
        word = text[j:r]
        core = word.rstrip(".,;:)>\"'\u2019\u201d")
        if core in suffixes:
            return True
        if core != word or not (core == "&" or _capitalised(core)):
            return False
        k = r
    return False


def context_constants() -> Tuple[List[str], List[str], float, List[str], int]:
    """``(RUN_KEEP_NEXT, OF_KEEP_HEAD, PRIOR_RATIO, COMPANY_SUFFIXES, COMPANY_RUN_WORDS)``: the
    engine's word lists, prior ratio and company-name window, the only things the reference
    takes from the package."""
    import gazetta

    keep_next, of_keep_head, ratio, suffixes, words = gazetta._core.context_constants()
    return list(keep_next), list(of_keep_head), float(ratio), list(suffixes), int(words)


#: Output row of :meth:`Reference.find`: start, end, entity id, alias, ambiguous, resolved_by.
Row = Tuple[int, int, str, str, bool, str]


class Reference:
    """Brute-force docs/matching.md matcher, with context rules, capitalised runs and resolution.

    Parameters
    ----------
    entities : sequence of ``(id, aliases)``
        In gazetteer order. ``aliases`` lists every alias of the entity (the name included, as
        the gazetteer hands it to the matcher), each a str or a dict with ``text`` and optional
        ``case`` / ``fold_accents`` (docs/gazetteers.md) and ``not_before`` / ``not_after`` (this alias's
        own context rules, with ``person_after``).
    case, fold_accents, overlaps, ambiguous, capitalized_runs, ignore, prior_ratio
        As :class:`gazetta.Matcher`.
    parents : sequence of int or None, optional
        Per entity, the index of its parent entity (None or -1: none).
    priors : sequence of float or None, optional
        Per entity, its prior (None: none, counts as 0).
    rules : dict, optional
        Entity index -> ``(not_before, not_after)`` or ``(not_before, not_after,
        person_after)``: the entity's context rules, applied to every alias of the entity,
        compared with the matcher's case and accent options.
    """

    def __init__(self, entities: Sequence[Tuple[str, Sequence[AliasInput]]], *, case: str = "smart",
                 fold_accents: bool = False, overlaps: str = "longest", ambiguous: str = "resolve",
                 capitalized_runs: str = "companies", ignore: Iterable[str] = (),
                 parents: Optional[Sequence[Optional[int]]] = None, priors: Optional[Sequence[Optional[float]]] = None,
                 rules: Optional[Dict[int, Tuple[Sequence[str], ...]]] = None,
                 prior_ratio: Optional[float] = None, kinds: Optional[Sequence[str]] = None) -> None:
        assert case in ("smart", "sensitive", "insensitive")
        assert overlaps in ("longest", "all") and ambiguous in ("resolve", "all", "skip")
        assert capitalized_runs in ("keep", "skip", "companies")
        self.ids = [eid for eid, _ in entities]
        n = len(self.ids)
        self.overlaps = overlaps
        self.ambiguous = ambiguous
        self.capitalized_runs = capitalized_runs
        self.parents: List[Optional[int]] = [None if p is None or p < 0 else int(p) for p in (parents or [None] * n)]
        self.priors: List[float] = [0.0 if p is None or p != p else float(p) for p in (priors or [None] * n)]
        assert len(self.parents) == n and len(self.priors) == n
        self.kinds: List[str] = list(kinds) if kinds is not None else [""] * n
        assert len(self.kinds) == n
        self.keep_next, self.of_keep_head, self.prior_ratio, self.suffixes, self.company_words = context_constants()
        if prior_ratio is not None:
            self.prior_ratio = float(prior_ratio)
        self.entity_rules: Dict[int, Tuple[Tuple[_Phrase, ...], ...]] = {
            e: tuple(_phrases(r, case, fold_accents) for r in (tuple(rule) + ((), ()))[:3])
            for e, rule in (rules or {}).items()}
        rows: List[AliasSpec] = []
        for e, (_, aliases) in enumerate(entities):
            for a in aliases:
                if isinstance(a, str):
                    rows.append(AliasSpec(a, e))
                else:
                    rows.append(AliasSpec(a["text"], e, a.get("case"), a.get("fold_accents"),
                                          tuple(a.get("not_before", ())), tuple(a.get("not_after", ())),
                                          tuple(a.get("person_after", ()))))
        rows += [AliasSpec(p, IGNORE) for p in ignore]
        self.aliases: List[_Compiled] = []
        for i, r in enumerate(rows):
            literal, glob = parse_alias(r.text)
            a_case = r.case if r.case is not None else case
            a_fold = r.fold_accents if r.fold_accents is not None else fold_accents
            self.aliases.append(_Compiled(i, r.entity, r.text, _variants(literal, a_case, a_fold), glob, a_fold,
                                          a_case == "insensitive", _phrases(r.not_before, a_case, a_fold),
                                          _phrases(r.not_after, a_case, a_fold),
                                          _phrases(r.person_after, a_case, a_fold)))

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
            if a.not_before:
                rec["not_before"] = a.not_before
            if a.not_after:
                rec["not_after"] = a.not_after
            if a.person_after:
                rec["person_after"] = a.person_after
            per[a.entity].append(rec)
        return cls(list(zip(ids, per)), **options)

    # -- candidates (docs/matching.md, Normalised comparison to Accents) ------------------------
    def candidates(self, text: str) -> List[Tuple[int, int, int, int]]:
        """Every ``(start, end, entity, alias index)`` satisfying Normalised comparison to Accents (docs/matching.md) (ignore phrases have
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

    # -- context rules and capitalised runs -------------------------------------------------
    def rule_verdict(self, text: str, start: int, end: int, alias: int) -> str:
        """``"person"`` when a ``person_after`` phrase of the alias's own rules or of its
        entity's rules directly precedes the candidate; else ``"remove"`` when a ``not_before``
        phrase directly follows it or a ``not_after`` phrase directly precedes it; else
        ``"keep"``."""
        a = self.aliases[alias]
        before, after, person = list(a.not_before), list(a.not_after), list(a.person_after)
        if a.entity in self.entity_rules:
            before += self.entity_rules[a.entity][0]
            after += self.entity_rules[a.entity][1]
            person += self.entity_rules[a.entity][2]
        if any(_phrase_precedes(text, start, ph) for ph in person):
            return "person"
        if (any(_phrase_follows(text, end, ph) for ph in before)
                or any(_phrase_precedes(text, start, ph) for ph in after)):
            return "remove"
        return "keep"

    def removed_by_rule(self, text: str, start: int, end: int, alias: int) -> bool:
        """Whether a context rule removes the candidate (see :meth:`rule_verdict`)."""
        return self.rule_verdict(text, start, end, alias) != "keep"

    def surviving(self, text: str) -> Tuple[List[Tuple[int, int, int, int]], int, int]:
        """The candidates left after context rules and (with ``capitalized_runs="skip"``)
        capitalised runs, with the number each removed. A candidate removed by a rule is not
        also counted as a run; ignore phrases are never removed. The texts of the candidates
        that a ``person_after`` phrase removed are left in ``self.last_names``."""
        kept = []
        by_rules = by_runs = 0
        self.last_names: set = set()
        for s, e, ent, ai in self.candidates(text):
            if ent != IGNORE:
                verdict = self.rule_verdict(text, s, e, ai)
                if verdict != "keep":
                    if verdict == "person":
                        self.last_names.add(text[s:e])
                    by_rules += 1
                    continue
                run = False
                if self.capitalized_runs == "skip":
                    run = in_capitalized_run(text, s, e, self.keep_next, self.of_keep_head)
                if self.capitalized_runs in ("skip", "companies") and not run:
                    run = in_company_name(text, s, e, self.suffixes, self.company_words)
                if run:
                    by_runs += 1
                    continue
            kept.append((s, e, ent, ai))
        return kept, by_rules, by_runs

    # -- overlaps, ambiguity, ignore phrases and resolution -------------------------------------
    def find(self, text: Optional[str]) -> List[Row]:
        """``(start, end, entity id, alias as written, ambiguous, resolved_by)`` per reported
        mention, ordered by start ascending, end descending, then gazetteer order (as
        ``Matcher.find``)."""
        return self.run(text)[0]

    def run(self, text: Optional[str]) -> Tuple[List[Row], int, int]:
        """:meth:`find` plus the candidates removed by context rules and by capitalised runs."""
        if text is None:
            return [], 0, 0
        cands, by_rules, by_runs = self.surviving(text)
        # One candidate per (span, entity): the alias listed first in the gazetteer.
        best: Dict[Tuple[int, int, int], int] = {}
        for s, e, ent, ai in cands:
            k = (s, e, ent)
            best[k] = min(best.get(k, ai), ai)
        spans: Dict[Tuple[int, int], List[Tuple[int, int]]] = {}
        for (s, e, ent), ai in best.items():
            spans.setdefault((s, e), []).append((ent, ai))

        if self.overlaps == "all":
            chosen = list(spans)
        else:
            # Overlaps (docs/matching.md): take the leftmost candidate, the longest among those; drop everything that
            # overlaps it; repeat.
            chosen = []
            remaining = set(spans)
            while remaining:
                s, e = min(remaining, key=lambda se: (se[0], -se[1]))
                chosen.append((s, e))
                remaining = {(s2, e2) for s2, e2 in remaining if not (s2 < e and s < e2)}

        reported: List[Tuple[int, int, List[Tuple[int, int]]]] = []
        for s, e in sorted(chosen, key=lambda se: (se[0], -se[1])):
            rows = sorted(spans[(s, e)], key=lambda r: (r[0] == IGNORE, r[0]))
            if any(ent == IGNORE for ent, _ in rows):
                continue  # Ignore phrases (docs/matching.md): an ignore phrase competes but is never reported
            if len(rows) > 1 and self.ambiguous == "skip":
                continue  # Ambiguity (docs/matching.md)
            reported.append((s, e, rows))

        if self.last_names:
            # Person names (docs/resolution.md): a mention with the text of a candidate that a
            # person_after phrase removed goes too, unless a list gap joins it to the nearest
            # mention with another text on either side, or an article precedes it.
            names = self.last_names
            others = [(s, e) for s, e, _ in reported if text[s:e] not in names]
            kept_spans = []
            for s, e, rows in reported:
                if text[s:e] in names:
                    after = [s2 for s2, _ in others if s2 >= e]
                    before = [e2 for _, e2 in others if e2 <= s]
                    if not ((after and list_gap(text[e:min(after)])) or (before and list_gap(text[max(before):s]))
                            or after_article(text, s)):
                        by_rules += len(rows)
                        continue
                kept_spans.append((s, e, rows))
            reported = kept_spans

        out: List[Row] = []
        if self.ambiguous == "resolve":
            decided = self.resolve([rows for _, _, rows in reported], [(s, e) for s, e, _ in reported], text)
        else:
            decided = [(rows, "" if len(rows) == 1 else "none") for _, _, rows in reported]
        for (s, e, _), (rows, how) in zip(reported, decided):
            for ent, ai in rows:
                out.append((s, e, self.ids[ent], self.aliases[ai].text, how == "none", how))
        return out, by_rules, by_runs

    # -- resolution of ambiguous spans, by the documented steps ------------------------------
    def ancestors(self, c: int) -> List[int]:
        out = []
        p = self.parents[c]
        while p is not None:
            out.append(p)
            p = self.parents[p]
        return out

    def related(self, c: int, plain: Iterable[int], roots: bool = True) -> bool:
        """An entity mentioned unambiguously is an ancestor of ``c``, a child of ``c``, or a
        sibling of ``c`` (another entity with the same parent); with ``roots`` false, an
        ancestor counts only when it has a parent itself (related by more than a root)."""
        for x in plain:
            if x in self.ancestors(c) and (roots or self.parents[x] is not None):
                return True
            if self.parents[x] == c:
                return True
            if x != c and self.parents[c] is not None and self.parents[x] == self.parents[c]:
                return True
        return False

    def kin(self, a: int, b: int) -> bool:
        """``a`` and ``b`` are related: one is an ancestor of the other, or they share a parent."""
        return (self.parents[a] is not None and self.parents[a] == self.parents[b]) or a in self.ancestors(b) \
            or b in self.ancestors(a)

    def list_choice(self, k: int, spans: List[List[Tuple[int, int]]], where: List[Tuple[int, int]],
                    text: str) -> Optional[int]:
        """Step 0, list (docs/resolution.md): the one candidate of span ``k`` whose kind is the
        kind of an unambiguous span of the list it stands in: from it, the spans starting first
        at or after its end (ending last at or before its start) when a list gap is between,
        and on from those the same way, up to :data:`LIST_REACH` on each side; none when a
        candidate of any of them is an ancestor or a descendant of a candidate of this span,
        or when a capitalised word that ends no span and a comma come right before it
        ("Atlanta, Georgia"). Entities of kind "" are neither chosen nor evidence."""
        s, e = where[k]
        w = name_before_comma(text, s)
        if w is not None and not any(e2 == w for _, e2 in where):
            return None
        members: List[List[Tuple[int, int]]] = []  # the rows of the list's other spans
        p = e
        for _ in range(LIST_REACH):  # rightwards
            after = [s2 for s2, _ in where if s2 >= p]
            if not after or not list_gap(text[p:min(after)]):
                break
            m = min(after)
            group = [(e2, rows) for (s2, e2), rows in zip(where, spans) if s2 == m]
            members += [rows for _, rows in group]
            p = max(e2 for e2, _ in group)
            if p <= m:
                break
        q = s
        for _ in range(LIST_REACH):  # leftwards
            before = [e2 for _, e2 in where if e2 <= q]
            if not before or not list_gap(text[max(before):q]):
                break
            m = max(before)
            group = [(s2, rows) for (s2, e2), rows in zip(where, spans) if e2 == m]
            members += [rows for _, rows in group]
            q = min(s2 for s2, _ in group)
            if q >= m:
                break
        # a place and its region ("McLean, Virginia"): not a list
        cands = [ent for ent, _ in spans[k]]
        if any(x in self.ancestors(c) or c in self.ancestors(x) for rows in members for x, _ in rows for c in cands):
            return None
        wanted = {self.kinds[rows[0][0]] for rows in members if len(rows) == 1} - {""}
        hits = [ent for ent in cands if self.kinds[ent] in wanted]
        return hits[0] if len(hits) == 1 else None

    def resolve(self, spans: List[List[Tuple[int, int]]], where: Optional[List[Tuple[int, int]]] = None,
                text: str = "") -> List[Tuple[List[Tuple[int, int]], str]]:
        """One document's reported spans (each its ``(entity, alias)`` rows in gazetteer order;
        ``where`` their ``(start, end)`` in ``text``) -> per span the rows kept and how it was
        decided: "" (not ambiguous), "list", "context", "document", "support", "prior" or
        "none" (the remaining candidates, flagged)."""
        plain = {rows[0][0] for rows in spans if len(rows) == 1}
        by_list = [self.list_choice(k, spans, where, text) if where is not None and len(rows) > 1 else None
                   for k, rows in enumerate(spans)]
        # Step 1 for every span first: its results feed step 2 of the others.
        context = [[ent for ent, _ in rows if self.related(ent, plain)] if len(rows) > 1 else [] for rows in spans]
        # root relatives only, and a candidate mentioned itself: its own mention decides
        own = [bool(ctx) and not any(self.related(c, plain, roots=False) for c in ctx)
               and any(ent in plain for ent, _ in rows) for rows, ctx in zip(spans, context)]
        # root relatives only and no candidate mentioned itself: a candidate whose prior
        # dominates outweighs them ("prior")
        root_prior = [False] * len(spans)
        for k, (rows, ctx, o) in enumerate(zip(spans, context, own)):
            if ctx and not o and not any(self.related(c, plain, roots=False) for c in ctx):
                w = self.prior_winner([ent for ent, _ in rows])
                if w is not None and w not in ctx:
                    context[k] = [w]
                    root_prior[k] = True
        context = [[ent for ent, _ in rows if ent in plain] if o else ctx for rows, ctx, o in zip(spans, context, own)]
        # a span the list decided: as if by context
        context = [[b] if b is not None else ctx for ctx, b in zip(context, by_list)]
        own = [o and b is None for o, b in zip(own, by_list)]
        root_prior = [r and b is None for r, b in zip(root_prior, by_list)]
        chosen_by_context = {c[0] for c, o in zip(context, own) if len(c) == 1 and not o}
        # Steps 1-2: a decision (one entity and how) or the candidates still open.
        state: List[Tuple[List[int], str]] = []
        for rows, ctx, o, b, rp in zip(spans, context, own, by_list, root_prior):
            if len(rows) == 1:
                state.append(([rows[0][0]], ""))
                continue
            if len(ctx) == 1:
                state.append((ctx, "list" if b is not None else "document" if o else "prior" if rp else "context"))
                continue
            cands = ctx if ctx else [ent for ent, _ in rows]
            mentioned = [c for c in cands if c in plain or c in chosen_by_context]
            if len(mentioned) == 1:
                state.append((mentioned, "document"))
                continue
            if len(mentioned) >= 2:
                cands = mentioned
            state.append((cands, "open"))
        # Step 3, support: judged on the state after step 2 for every open span.
        supported: Dict[int, int] = {}
        for k, (cands, how) in enumerate(state):
            if how != "open":
                continue
            votes = []
            for c in cands:
                votes.append(sum(1 for k2, (others, _) in enumerate(state)
                                 if k2 != k and any(o != c and self.kin(c, o) for o in others)))
            best = max(votes)
            if best > 0 and votes.count(best) == 1:
                supported[k] = cands[votes.index(best)]
        out: List[Tuple[List[Tuple[int, int]], str]] = []
        for k, (rows, (cands, how)) in enumerate(zip(spans, state)):
            alias_of = dict(rows)
            if how != "open":
                out.append(([(cands[0], alias_of[cands[0]])] if how else rows, how))
                continue
            if k in supported:
                out.append(([(supported[k], alias_of[supported[k]])], "support"))
                continue
            # Step 4, prior.
            w = self.prior_winner(cands)
            if w is not None:
                out.append(([(w, alias_of[w])], "prior"))
            else:
                out.append(([(c, alias_of[c]) for c in cands], "none"))
        return out

    def prior_winner(self, cands: List[int]) -> Optional[int]:
        """The candidate whose prior is positive, at least the ratio times every other's and
        larger than every other's (None: no such candidate)."""
        winners = [c for c in cands if self.priors[c] > 0
                   and all(self.priors[c] >= self.prior_ratio * self.priors[o] and self.priors[c] > self.priors[o]
                           for o in cands if o != c)]
        return winners[0] if winners else None


def _start_ok(v: str, i: int) -> bool:
    """Word boundaries (docs/matching.md) at the start of a candidate at view index ``i``: when the alias begins with a
    word character, the text character before must not be one, unless either of them belongs
    to an unspaced script. (The alias's first character and ``v[i]`` are the same letter up to
    case, which changes neither property.)"""
    first = v[i]
    if i == 0 or not is_word(first):
        return True
    before = v[i - 1]
    return not is_word(before) or is_unspaced(before) or is_unspaced(first)


def _end_ok(v: str, j: int) -> bool:
    """Word boundaries (docs/matching.md) at the end ``j`` (exclusive) of a literal candidate: as :func:`_start_ok`,
    mirrored."""
    last = v[j - 1]
    if j == len(v) or not is_word(last):
        return True
    after = v[j]
    return not is_word(after) or is_unspaced(after) or is_unspaced(last)


def _extend_word(v: str, j: int) -> int:
    """docs/gazetteers.md globs: ``Kenyan*`` matches a word that begins with "Kenyan" and the mention
    spans the whole word: extend over following word characters, stopping where a character
    of an unspaced script starts or ends a token (each such character is a token, docs/sentences.md). The
    end boundary then holds by construction."""
    while j < len(v) and is_word(v[j]) and not is_unspaced(v[j]) and not is_unspaced(v[j - 1]):
        j += 1
    return j
