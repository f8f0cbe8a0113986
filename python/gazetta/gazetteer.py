"""The :class:`Gazetteer`: entities, their aliases and attributes.

A gazetteer is an ordered collection of :class:`Entity` objects. Each entity has an ``id``
(unique), a display ``name`` (always also an alias), a ``kind`` (may be empty), a tuple of
:class:`Alias` objects and a dict of further attributes. Gazetteers are read from and written
to Python records, pandas DataFrames (wide and long form), CSV/TSV, JSON / JSON Lines and the
newsmap YAML layout; every error about the content is a :class:`~gazetta.GazetteerError`
that names the entity and the source row or line.

Alias syntax is checked by the Rust core (``gazetta._core.parse_alias``), the single source of
truth: whitespace is stripped, a trailing ``*`` is a glob (``Kenyan*`` matches Kenyan and
Kenyans), ``\\*`` is a literal star, any other ``*`` is an error, and an alias must hold a
letter or digit.

Attributes with a meaning
-------------------------
Most attributes are kept and returned untouched. Four have a meaning to the matcher and are
checked when the entity is added:

- ``parent``: the id of the containing entity (city → region → country, politician →
  party); an int becomes its decimal string, like ids; an empty value means none. The
  parents form a forest: an entity naming itself is an error when it is added; a cycle
  (``A → B → A``) is an error, and so is a parent id that no entity has. Because entities
  may be added in any order (a parent after its children), the last two are checked when
  the hierarchy is used (:meth:`Gazetteer.ancestors`, :meth:`Gazetteer.children`, building a
  :class:`~gazetta.Matcher`) or by :meth:`Gazetteer.validate`. ``strict=False`` (given to
  the constructor or reader) turns an unknown parent into one :class:`UserWarning` and
  treats it as absent; a cycle is an error in every mode.
- ``prior``: a non-negative finite number (an int or float, NumPy numbers included; not a
  bool), e.g. a population, stored as a float; among entities sharing an alias a larger
  prior is more likely.
- ``not_before`` and ``not_after``: context rules, a phrase or a list of phrases. A match
  of any alias of the entity is dropped when one of the ``not_before`` phrases follows it
  directly, or one of the ``not_after`` phrases precedes it directly (separated by
  whitespace only): Georgia with ``not_before=["Power", "Tech"]`` skips "Georgia Power";
  the United States with ``not_after=["Latin"]`` skips the "America" of "Latin America".
  Phrases follow the alias rules (compared like aliases; ``"Bulldog*"`` is a glob) and are
  stored as a list of strings, duplicates removed. In CSV files they are written like
  aliases (``Power|Tech``). An alias record may carry its own rules, for that alias only:
  ``{"text": "SA", "not_after": ["Telkom"]}``.
- ``person_after``: phrases that, directly before a match, make it part of a person's name
  (given names and titles: ``["Monica", "Mr."]`` for "French"). Such a match is dropped like
  with ``not_after``, and so is every other match of the same text in that document
  ("Monica French ... French said": a surname used alone), except one that stands in a list
  beside another match ("Ireland and Scotland players" in a report that also names James
  Ireland). Written and stored like the other rules; an alias record may carry it too.

Decisions, documented here once:

- **The name as an alias.** The name is a literal (a ``*`` in a name is escaped, so the name
  ``E*Trade`` matches the text "E*Trade"). The entity's first alias always stands for the name:
  an alias equal to the name is moved to the front; failing that, a glob whose stem is the name
  (``Kenya*`` for the name ``Kenya``, which also matches "Kenya") is moved to the front;
  failing that, the name is prepended. The written forms (``to_dataframe``, ``to_csv``,
  ``to_json``) leave out the name's alias when reading it back would re-create it.
- **Duplicates.** Aliases are the same when their stem and glob flag are the same
  (``"Kenya"`` and ``" Kenya "``); the later one is dropped and its ``case`` /
  ``fold_accents`` fill in unset fields of the first (two different explicit values are an
  error), while its ``not_before`` / ``not_after`` phrases are added to the first's (rules
  only ever remove matches, so the union keeps every one given). The same ``id`` given
  again with the same name and kind is merged: aliases are unioned in order, attributes are
  merged (two different values are an error, except the context rules, which are unioned).
- **Missing values.** An attribute that is ``None`` or NaN is not stored (so a table cell left
  empty means "no such attribute" and round trips); so is an empty ``parent``, an empty
  phrase string or an empty list of phrases.
- **``case`` and ``fold_accents`` are not attributes.** Given on a record, a DataFrame/CSV row
  or an :meth:`Gazetteer.add` call, they are the overrides of the aliases given with it (not of
  the name), where an alias record sets none. This is what makes the long form work.
- **Editing returns a new gazetteer.** :meth:`Gazetteer.rename`, :meth:`Gazetteer.update`,
  :meth:`Gazetteer.drop`, :meth:`Gazetteer.subset`, :meth:`Gazetteer.merge` (and ``g1 + g2``)
  leave the gazetteer they are called on unchanged, as pandas methods do: a gazetteer is often
  shared (a Matcher was built from it, several analyses use it), and a chain such as
  ``countries().subset(kind="country").rename(names={"RU": "Soviet Union"})`` is one line
  either way. Only the builder :meth:`Gazetteer.add` changes a gazetteer in place. Every edit
  keeps the hierarchy valid (a renamed id is renamed in its children's ``parent``; dropping a
  parent needs ``children=``), keeps the source positions used in error messages and the
  :attr:`Gazetteer.strict` setting, and changes :meth:`Gazetteer.content_hash` exactly when
  it changes the content.
- **Equality** is order-sensitive (the order of entities and aliases decides which alias is
  reported first); :meth:`Gazetteer.content_hash` is the same notion as a hex string.

Examples
--------
>>> g = Gazetteer()
>>> _ = g.add("KE", "Kenya", kind="country", aliases=["Kenyan*", "Nairobi"], continent="Africa")
>>> g["KE"].aliases[1]
Alias(text='Kenyan*', case=None, fold_accents=None)
>>> [a.text for a in g["KE"].aliases]
['Kenya', 'Kenyan*', 'Nairobi']
>>> _ = g.add("KE-30", "Nairobi County", kind="county", parent="KE", prior=4397073,
...           not_before=["National Park"], aliases=[{"text": "NRB", "not_after": ["Flight"]}])
>>> g.ancestors("KE-30"), g.children("KE")
(['KE'], ['KE-30'])
>>> g["KE-30"].attrs
{'parent': 'KE', 'prior': 4397073.0, 'not_before': ['National Park']}
>>> g["KE-30"].aliases[1]
Alias(text='NRB', case=None, fold_accents=None, not_after=('Flight',))
"""

from __future__ import annotations

import contextlib
import csv
import gc
import gzip
import hashlib
import io
import json
import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _core, _input
from ._atomic import write_atomic
from .exceptions import GazetteerError

__all__ = ["Alias", "Entity", "Gazetteer"]

CaseMode = Literal["smart", "sensitive", "insensitive"]
PathLike = Union[str, "os.PathLike[str]"]

#: The valid per-alias ``case`` values.
CASE_CHOICES: Tuple[str, ...] = ("smart", "sensitive", "insensitive")
_RESERVED = ("id", "name", "kind", "aliases", "case", "fold_accents")
_ALIAS_FIELDS = ("text", "case", "fold_accents", "not_before", "not_after", "person_after")
#: The context-rule attributes (entity attributes and alias record fields).
_RULES = ("not_before", "not_after", "person_after")
#: The attributes with a meaning to the matcher, checked and normalised when added.
_ENGINE_ATTRS = frozenset(("parent", "prior") + _RULES)
_HASH_FORMAT = "gazetta.gazetteer/1"
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


# --------------------------------------------------------------------------------------------
# Value objects
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, init=False, repr=False)
class Alias:
    """One alias of an entity: its text, optional per-alias matching overrides and context
    rules.

    Parameters
    ----------
    text : str
        The alias as written, whitespace-stripped: ``"Kenyan*"`` is a glob, ``"Yahoo\\*"`` a
        literal star.
    case : {"smart", "sensitive", "insensitive"} or None
        Overrides the matcher's ``case`` for this alias; None (default) keeps the matcher's.
    fold_accents : bool or None
        Overrides the matcher's ``fold_accents`` for this alias; None keeps the matcher's.
    not_before, not_after : tuple of str, default ()
        Context rules of this alias only (a list or one string is accepted and stored as a
        tuple): a match of this alias is dropped when one of the ``not_before`` phrases
        directly follows it, or one of the ``not_after`` phrases directly precedes it. The
        entity attributes of the same names apply to every alias of the entity. Phrases are
        checked (like aliases) when the alias is added to a gazetteer.
    person_after : tuple of str, default ()
        Phrases that, directly before a match of this alias, make it part of a person's name
        (given names, titles): the match is dropped like with ``not_after``, and so is every
        other match of the same text in that document ("Monica French ... French said"),
        except one that stands in a list beside another match ("Ireland and Scotland").

    Examples
    --------
    >>> a = Alias("Kenyan*")
    >>> (a.literal, a.glob)
    ('Kenyan', True)
    >>> Alias("US", case="sensitive").to_record()
    {'text': 'US', 'case': 'sensitive'}
    >>> Alias("SA", not_after=["Telkom"])
    Alias(text='SA', case=None, fold_accents=None, not_after=('Telkom',))
    """

    text: str
    case: Optional[CaseMode] = None
    fold_accents: Optional[bool] = None
    not_before: Tuple[str, ...] = ()
    not_after: Tuple[str, ...] = ()
    person_after: Tuple[str, ...] = ()

    def __init__(self, text: str, case: Optional[CaseMode] = None, fold_accents: Optional[bool] = None,
                 not_before: Union[str, Iterable[str]] = (), not_after: Union[str, Iterable[str]] = (),
                 person_after: Union[str, Iterable[str]] = ()) -> None:
        # written into __dict__ directly: one frozen-dataclass __setattr__ per field costs
        # more than the whole call when a gazetteer of 10^5 aliases is built
        d = self.__dict__
        d["text"] = text
        d["case"] = case
        d["fold_accents"] = fold_accents
        d["not_before"] = not_before if type(not_before) is tuple else _as_tuple(not_before)
        d["not_after"] = not_after if type(not_after) is tuple else _as_tuple(not_after)
        d["person_after"] = person_after if type(person_after) is tuple else _as_tuple(person_after)

    def __repr__(self) -> str:
        rules = "".join(f", {k}={getattr(self, k)!r}" for k in _RULES if getattr(self, k))
        return f"Alias(text={self.text!r}, case={self.case!r}, fold_accents={self.fold_accents!r}{rules})"

    @property
    def literal(self) -> str:
        """The text to match: glob star and escapes removed (as parsed by the Rust core).

        Examples
        --------
        >>> Alias(r"Yahoo\\*").literal
        'Yahoo*'
        """
        return _core.parse_alias(self.text)[0]

    @property
    def glob(self) -> bool:
        """True when the alias ends in an unescaped ``*`` (matches to the end of the word).

        Examples
        --------
        >>> Alias("Kenyan*").glob, Alias("Kenya").glob
        (True, False)
        """
        return _core.parse_alias(self.text)[1]

    def to_record(self) -> Union[str, Dict[str, Any]]:
        """The plain string when there are no overrides or rules, else a ``{"text": ...}``
        record (rules as lists).

        Examples
        --------
        >>> Alias("Kenya").to_record()
        'Kenya'
        >>> Alias("Sao Paulo", fold_accents=True).to_record()
        {'text': 'Sao Paulo', 'fold_accents': True}
        >>> Alias("SA", not_after=("Telkom",)).to_record()
        {'text': 'SA', 'not_after': ['Telkom']}
        """
        if _is_plain(self):
            return self.text
        rec: Dict[str, Any] = {"text": self.text}
        if self.case is not None:
            rec["case"] = self.case
        if self.fold_accents is not None:
            rec["fold_accents"] = self.fold_accents
        if self.not_before:
            rec["not_before"] = list(self.not_before)
        if self.not_after:
            rec["not_after"] = list(self.not_after)
        if self.person_after:
            rec["person_after"] = list(self.person_after)
        return rec


def _as_tuple(v: Any) -> Tuple[str, ...]:
    """One phrase or an iterable of phrases as a tuple (None: no phrases)."""
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(v)


def _is_plain(a: Alias) -> bool:
    """True when the alias is its text alone (no overrides, no rules)."""
    return (a.case is None and a.fold_accents is None and not a.not_before and not a.not_after
            and not a.person_after)


@dataclass(frozen=True)
class Entity:
    """One entity of a gazetteer (read-only; build gazetteers with :class:`Gazetteer`).

    Attributes
    ----------
    id : str
        Unique identifier.
    name : str
        Display name; ``aliases[0]`` stands for it.
    kind : str
        E.g. ``"country"``; may be empty.
    aliases : tuple of Alias
        Every alias, the name's first.
    attrs : dict
        Further attributes, kept and returned. Four have a meaning to the matcher and are
        stored normalised (see the module docs): ``parent`` (an entity id, str), ``prior``
        (a float), ``not_before`` and ``not_after`` (lists of phrases).

    Examples
    --------
    >>> e = Gazetteer().add("KE", "Kenya", aliases=["Nairobi"], capital="Nairobi")["KE"]
    >>> (e.id, e.name, e.kind, [a.text for a in e.aliases], e.attrs)
    ('KE', 'Kenya', '', ['Kenya', 'Nairobi'], {'capital': 'Nairobi'})
    >>> e.to_record()
    {'id': 'KE', 'name': 'Kenya', 'kind': '', 'aliases': ['Nairobi'], 'capital': 'Nairobi'}
    >>> Gazetteer().add(17, "Nairobi", parent=1, prior=4_397_073, not_before="Stock Exchange")["17"].attrs
    {'parent': '1', 'prior': 4397073.0, 'not_before': ['Stock Exchange']}
    """

    id: str
    name: str
    kind: str = ""
    aliases: Tuple[Alias, ...] = ()
    attrs: Dict[str, Any] = field(default_factory=dict, hash=False)

    def to_record(self) -> Dict[str, Any]:
        """A plain dict (``id, name, kind, aliases``, then the attributes) that
        :meth:`Gazetteer.from_records` reads back to an equal entity. The name's alias is left
        out when reading back re-creates it; aliases with overrides are records.

        Examples
        --------
        >>> Gazetteer().add("KE", "Kenya", aliases=["Kenya*"])["KE"].to_record()["aliases"]
        ['Kenya*']
        """
        rec: Dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind,
                               "aliases": [a.to_record() for a in _written_aliases(self)]}
        rec.update(self.attrs)
        return rec


# --------------------------------------------------------------------------------------------
# Where an input came from (for error messages; plain data so that gazetteers pickle)
# --------------------------------------------------------------------------------------------
class _Source:
    """Describes positions in one input: ``record 3``, ``row 3 of a.csv, line 4``, ..."""

    __slots__ = ("label", "unit", "base", "csv_path", "csv_sep", "encoding")

    def __init__(self, label: Optional[str], unit: str, base: int = 0, csv_path: Optional[str] = None,
                 csv_sep: Optional[str] = None, encoding: str = "utf-8") -> None:
        self.label = label          # file name, or None for in-memory input
        self.unit = unit            # "record", "row", "line", "DataFrame row", "add()"
        self.base = base            # 0 for in-memory positions, 1 for file rows/lines
        self.csv_path = csv_path
        self.csv_sep = csv_sep
        self.encoding = encoding

    def __getstate__(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state: Tuple[Any, ...]) -> None:
        for k, v in zip(self.__slots__, state):
            setattr(self, k, v)

    def row(self, pos: Optional[int]) -> Optional[int]:
        return None if pos is None else pos + self.base

    def describe(self, pos: Optional[int]) -> str:
        if self.unit.endswith("()"):  # add(), and the editing methods
            return self.unit
        n = self.row(pos)
        text = f"{self.unit} {n}"
        if self.label is not None:
            text += f" of {self.label}"
        if self.csv_path is not None and n is not None:
            line = _csv_line_of_row(self.csv_path, self.csv_sep or ",", self.encoding, n)
            if line is not None:
                text += f", line {line}"
        return text


_ADD = _Source(None, "add()")


def _csv_line_of_row(path: str, sep: str, encoding: str, row: int) -> Optional[int]:
    """The physical line where data row ``row`` (1-based, header excluded) starts."""
    try:
        with _open_text(path, encoding) as f:
            reader = csv.reader(f, delimiter=sep)
            next(reader, None)
            start = reader.line_num + 1
            k = 0
            for rec in reader:
                if rec and any(cell.strip() for cell in rec):  # pandas skips blank lines
                    k += 1
                    if k == row:
                        return start
                start = reader.line_num + 1
    except Exception:  # pragma: no cover - a best-effort hint only
        return None
    return None


def _fail(msg: str, eid: Optional[str], src: _Source, pos: Optional[int]) -> GazetteerError:
    where = src.describe(pos)
    head = f"entity {eid!r} ({where})" if eid is not None else f"{where}"
    return GazetteerError(f"{head}: {msg}", entity=eid, row=src.row(pos), source=src.label)


# --------------------------------------------------------------------------------------------
# Cleaning single values
# --------------------------------------------------------------------------------------------
def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    t = type(v)
    if t is str or t is int or t is bool:
        return False
    if isinstance(v, float):
        return math.isnan(v)
    try:
        return bool(v is pd.NA or v is pd.NaT or (not isinstance(v, (str, bytes, list, tuple, dict))
                                                   and pd.isna(v) is True))
    except (TypeError, ValueError):
        return False


def _plain(v: Any) -> Any:
    """NumPy scalars to Python scalars, so that attributes pickle small and hash stably."""
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        try:
            return item()
        except (TypeError, ValueError):  # pragma: no cover - arrays
            return v
    return v


def _clean_id(v: Any, src: _Source, pos: int, name: Any) -> str:
    if isinstance(v, str):
        s = v.strip()
    elif _is_missing(v):
        s = ""
    elif isinstance(v, bool):
        raise _fail(f"id must be a string, not {v!r}", None, src, pos)
    elif isinstance(v, int) or (type(v).__module__ == "numpy" and hasattr(v, "dtype") and v.dtype.kind in "iu"):
        s = str(int(v))
    elif isinstance(v, float) and v.is_integer():
        s = str(int(v))
    else:
        raise _fail(f"id must be a string, not {type(v).__name__} {v!r}", None, src, pos)
    if not s:
        hint = f" (name {name!r})" if isinstance(name, str) and name.strip() else ""
        raise _fail(f"missing or empty entity id{hint}", None, src, pos)
    return s


def _clean_name(v: Any, eid: str, src: _Source, pos: int) -> str:
    if isinstance(v, str):
        s = v.strip()
    elif _is_missing(v):
        s = ""
    else:
        raise _fail(f"name must be a string, not {type(v).__name__} {v!r}", eid, src, pos)
    if not s:
        raise _fail("missing or empty name", eid, src, pos)
    return s


def _clean_kind(v: Any, eid: str, src: _Source, pos: int) -> str:
    if isinstance(v, str):
        return v.strip()
    if _is_missing(v):
        return ""
    raise _fail(f"kind must be a string, not {type(v).__name__} {v!r}", eid, src, pos)


def _clean_case(v: Any, eid: str, src: _Source, pos: int, text: str) -> Optional[str]:
    if _is_missing(v):
        return None
    if isinstance(v, str):
        s = v.strip().lower()
        if not s:
            return None
        if s in CASE_CHOICES:
            return s
    raise _fail(f"alias {text!r}: case must be one of 'smart', 'sensitive', 'insensitive', not {v!r}",
                eid, src, pos)


def _clean_fold(v: Any, eid: str, src: _Source, pos: int, text: str) -> Optional[bool]:
    if _is_missing(v):
        return None
    v = _plain(v)
    if isinstance(v, bool):
        return v
    if isinstance(v, int) and v in (0, 1):
        return bool(v)
    if isinstance(v, float) and v in (0.0, 1.0):
        return bool(v)
    if isinstance(v, str):
        s = v.strip().lower()
        if not s:
            return None
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
    raise _fail(f"alias {text!r}: fold_accents must be true or false, not {v!r}", eid, src, pos)


#: Cleaned phrase lists by their input (a tuple of str): a gazetteer that gives thousands of
#: entities the same list (places() gives every city 259 given names and titles) checks it
#: once and stores one list object for all of them (entities are read-only).
_PHRASE_CACHE: Dict[Tuple[str, ...], List[str]] = {}


def _clean_phrases(v: Any, what: str, eid: str, src: _Source, pos: int) -> List[str]:
    """A context rule (``not_before`` / ``not_after`` / ``person_after``): one phrase or a
    list of phrases, each checked like an alias; stripped, duplicates (same stem and glob)
    dropped. An empty string or list is no rule (``[]``). A list seen before gives the same
    (shared) list object."""
    if isinstance(v, (list, tuple)) and len(v) > 8:
        key = tuple(v)
        hit = _PHRASE_CACHE.get(key)
        if hit is None and all(type(x) is str for x in key):
            hit = _clean_phrase_items(list(key), what, eid, src, pos)
            if len(_PHRASE_CACHE) >= 1024:
                _PHRASE_CACHE.clear()
            _PHRASE_CACHE[key] = hit
        if hit is not None:
            return hit
    if isinstance(v, str):
        items: List[Any] = [v] if v.strip() else []
    elif isinstance(v, (list, tuple)):
        items = list(v)
    elif hasattr(v, "tolist") and not isinstance(v, (int, float)) and isinstance(v.tolist(), list):
        items = v.tolist()
    else:
        raise _fail(f"{what} must be a phrase or a list of phrases, not {type(v).__name__} {v!r}", eid, src, pos)
    return _clean_phrase_items(items, what, eid, src, pos)


def _clean_phrase_items(items: List[Any], what: str, eid: str, src: _Source, pos: int) -> List[str]:
    """The phrases of :func:`_clean_phrases`, checked one by one."""
    out: List[str] = []
    seen: set = set()
    for item in items:
        if not isinstance(item, str):
            raise _fail(f"{what}: {item!r} ({type(item).__name__}) is not a string", eid, src, pos)
        text = item.strip()
        try:
            key = _core.parse_alias(text)
        except ValueError as exc:
            reason = str(exc).replace("the alias", "the phrase")
            raise _fail(f"{what} phrase {text!r}: {reason}", eid, src, pos) from None
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out


def _union_phrases(old: Sequence[str], new: Sequence[str]) -> List[str]:
    """``old`` then the phrases of ``new`` not already in it (same stem and glob)."""
    if not new:
        return list(old)
    parse = _core.parse_alias
    seen = {parse(t) for t in old}
    out = list(old)
    for t in new:
        k = parse(t)
        if k not in seen:
            seen.add(k)
            out.append(t)
    return out


def _clean_parent(v: Any, eid: str, src: _Source, pos: int) -> Optional[str]:
    """A parent id as a str (an int as its decimal string, like ids); None when empty."""
    if isinstance(v, str):
        s = v.strip()
    elif isinstance(v, bool):
        raise _fail(f"parent must be an entity id (a string), not {v!r}", eid, src, pos)
    elif isinstance(v, int):
        s = str(v)
    elif isinstance(v, float) and v.is_integer():
        s = str(int(v))
    else:
        raise _fail(f"parent must be an entity id (a string), not {type(v).__name__} {v!r}", eid, src, pos)
    if not s:
        return None
    if s == eid:
        raise _fail(f"parent {s!r} is the entity itself (an entity cannot contain itself)", eid, src, pos)
    return s


def _clean_prior(v: Any, eid: str, src: _Source, pos: int) -> float:
    """A prior: a non-negative finite int or float (not a bool), stored as a float (so that it
    reads back the same from every format). In a CSV file every cell is text, so a number
    written there is read as one (pandas leaves a whole column as text when any cell of it is
    not a number, and that cell is the one to report)."""
    if isinstance(v, str) and src.csv_path is not None:
        t = v.strip()
        try:
            v = int(t)
        except ValueError:
            try:
                v = float(t)
            except ValueError:
                pass
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _fail(f"prior must be a non-negative finite number, not {type(v).__name__} {v!r}", eid, src, pos)
    try:
        f = float(v)
    except OverflowError:
        f = math.inf
    if not f >= 0 or not math.isfinite(f):
        raise _fail(f"prior must be a non-negative finite number, not {v!r}", eid, src, pos)
    return f + 0.0  # -0.0 as 0.0


def _clean_engine_attrs(attrs: Dict[str, Any], eid: str, src: _Source, pos: int) -> None:
    """Checks and normalises ``parent``, ``prior``, ``not_before``, ``not_after`` in place
    (values already plain and not missing); empty ones are removed."""
    if "parent" in attrs:
        parent = _clean_parent(attrs["parent"], eid, src, pos)
        if parent is None:
            del attrs["parent"]
        else:
            attrs["parent"] = parent
    if "prior" in attrs:
        attrs["prior"] = _clean_prior(attrs["prior"], eid, src, pos)
    for k in _RULES:
        if k in attrs:
            phrases = _clean_phrases(attrs[k], k, eid, src, pos)
            if phrases:
                attrs[k] = phrases
            else:
                del attrs[k]


def _escape(name: str) -> str:
    """A name as a literal alias: every ``*`` escaped."""
    return name.replace("*", "\\*")


# --------------------------------------------------------------------------------------------
# Building one entity
# --------------------------------------------------------------------------------------------
_Key = Tuple[str, bool]


class _AliasList:
    """Aliases of one entity being built: order, dedupe by (stem, glob), override merging."""

    __slots__ = ("items", "keys", "has_rules")

    def __init__(self) -> None:
        self.items: List[Alias] = []
        self.keys: Dict[_Key, int] = {}
        self.has_rules = False  # some alias has not_before / not_after phrases

    def add(self, text: str, case: Optional[str], fold: Optional[bool], eid: str, src: _Source, pos: int,
            key: Optional[_Key] = None, not_before: Sequence[str] = (), not_after: Sequence[str] = (),
            person_after: Sequence[str] = ()) -> None:
        """One alias (rules already checked); a repeated alias fills in the first's unset
        overrides (conflicting values are an error) and adds its rule phrases to the first's."""
        if key is None:
            try:
                key = _core.parse_alias(text)
            except ValueError as exc:
                raise _fail(f"alias {text!r}: {exc}", eid, src, pos) from None
        if not_before or not_after or person_after:
            self.has_rules = True
        i = self.keys.get(key)
        if i is None:
            self.keys[key] = len(self.items)
            self.items.append(Alias(text, case, fold, tuple(not_before), tuple(not_after),  # type: ignore[arg-type]
                                    tuple(person_after)))
            return
        old = self.items[i]
        if ((case is None or case == old.case) and (fold is None or fold == old.fold_accents)
                and not not_before and not not_after and not person_after):
            return
        if old.case is not None and case is not None and old.case != case:
            raise _fail(f"alias {text!r} is listed twice with different case ({old.case!r}, {case!r})",
                        eid, src, pos)
        if old.fold_accents is not None and fold is not None and old.fold_accents != fold:
            raise _fail(f"alias {text!r} is listed twice with different fold_accents "
                        f"({old.fold_accents!r}, {fold!r})", eid, src, pos)
        self.items[i] = Alias(old.text, old.case if old.case is not None else case,  # type: ignore[arg-type]
                              old.fold_accents if old.fold_accents is not None else fold,
                              tuple(_union_phrases(old.not_before, not_before)),
                              tuple(_union_phrases(old.not_after, not_after)),
                              tuple(_union_phrases(old.person_after, person_after)))

    def add_item(self, item: Any, eid: str, src: _Source, pos: int, case: Any = None, fold: Any = None) -> None:
        """One alias given as a str, a record dict or an :class:`Alias`; ``case``/``fold`` are
        row-level overrides (long form) used where the item sets none."""
        if isinstance(item, str):
            text = item.strip()
            self.add(text, _clean_case(case, eid, src, pos, text), _clean_fold(fold, eid, src, pos, text),
                     eid, src, pos)
            return
        if isinstance(item, Alias):
            item = item.to_record()
            if isinstance(item, str):
                self.add_item(item, eid, src, pos, case, fold)
                return
        if isinstance(item, Mapping):
            unknown = [k for k in item if k not in _ALIAS_FIELDS]
            if unknown:
                raise _fail(f"alias record {dict(item)!r} has unknown field(s) {unknown}; "
                            f"expected {list(_ALIAS_FIELDS)}", eid, src, pos)
            text = item.get("text")
            if not isinstance(text, str):
                raise _fail(f"alias record {dict(item)!r} needs a string 'text'", eid, src, pos)
            text = text.strip()
            c = item.get("case")
            f = item.get("fold_accents")
            rules = [_clean_phrases(r, f"alias {text!r}: {k}", eid, src, pos) if not _is_missing(r) else []
                     for k, r in ((k, item.get(k)) for k in _RULES)]
            self.add(text, _clean_case(c if not _is_missing(c) else case, eid, src, pos, text),
                     _clean_fold(f if not _is_missing(f) else fold, eid, src, pos, text), eid, src, pos,
                     None, rules[0], rules[1], rules[2])
            return
        raise _fail(f"alias {item!r} ({type(item).__name__}) is not a string or an alias record",
                    eid, src, pos)

    def finish(self, name: str, eid: str, src: _Source, pos: int) -> Tuple[Alias, ...]:
        """Puts the name's alias first (see the module docs)."""
        name_alias = _escape(name)
        try:
            stem, _glob = _core.parse_alias(name_alias)
        except ValueError as exc:
            raise _fail(f"name {name!r} is not usable as an alias: {exc}", eid, src, pos) from None
        i = self.keys.get((stem, False))
        if i is None:
            i = self.keys.get((stem, True))
        items = self.items
        if i is None:
            return (Alias(name_alias),) + tuple(items)
        if i == 0:
            return tuple(items)
        return (items[i],) + tuple(items[:i]) + tuple(items[i + 1:])


def _written_aliases(e: Entity) -> Tuple[Alias, ...]:
    """The aliases to write out: without the name's alias when reading back re-creates it."""
    als = e.aliases
    if not als:
        return als
    first = als[0]
    if not _is_plain(first) or first.text != _escape(e.name):
        return als
    stem = _core.parse_alias(first.text)[0]
    for a in als[1:]:
        if a.text.endswith("*") and _core.parse_alias(a.text) == (stem, True):
            return als  # a glob would take the name's place
    return als[1:]


def _split_cell(cell: Any, sep: Optional[str]) -> List[Any]:
    """The aliases of one table cell: a list, a JSON array, or a ``sep``-joined string."""
    if cell is None:
        return []
    if isinstance(cell, str):
        s = cell.strip()
        if not s:
            return []
        if s[0] == "[" and s[-1] == "]":
            try:
                val = json.loads(s)
            except ValueError:
                val = None
            if isinstance(val, list):
                return val
        return s.split(sep) if sep else [s]
    if isinstance(cell, (list, tuple)):
        return list(cell)
    if hasattr(cell, "tolist") and not isinstance(cell, (int, float)):
        val = cell.tolist()
        if isinstance(val, list):
            return val
    if _is_missing(cell):
        return []
    return [cell]  # a non-string scalar: reported as such by _AliasList.add_item


# --------------------------------------------------------------------------------------------
# File helpers
# --------------------------------------------------------------------------------------------
def _open_text(path: PathLike, encoding: str = "utf-8", mode: str = "r") -> Any:
    p = os.fspath(path)
    if p.lower().endswith(".gz"):
        return gzip.open(p, mode + "t", encoding=encoding, newline="" if "r" in mode else None)
    return open(p, mode, encoding=encoding, newline="" if "r" in mode else None)


def _atomic_write(path: PathLike, write: Any, encoding: str = "utf-8") -> None:
    """Calls ``write(f)`` with a text file (gzipped when ``path`` ends in ``.gz``) that
    replaces ``path`` atomically (never a half file; see :mod:`gazetta._atomic`)."""
    name = Path(os.fspath(path)).name

    def text(binary: Any) -> None:
        f = io.TextIOWrapper(binary, encoding=encoding, newline="")
        try:
            write(f)
        finally:
            f.detach()  # flushes; the binary file stays open (for fsync, or the gzip trailer)

    def to(raw: Any) -> None:
        if name.lower().endswith(".gz"):
            with gzip.GzipFile(filename=name[:-3], mode="wb", fileobj=raw, mtime=0) as gz:
                text(gz)
        else:
            text(raw)

    write_atomic(path, to)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pauses the cyclic garbage collector during a bulk load: the objects built hold no
    cycles, and collections triggered by ~10^5 new objects double the load time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _json_default(v: Any) -> Any:
    v2 = _plain(v)
    if v2 is not v:
        return v2
    if isinstance(v, (set, frozenset)):
        return sorted(v, key=repr)
    return str(v)


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _check_strict(strict: Any) -> bool:
    if strict is True or strict is False:
        return strict
    raise ValueError(f"strict must be True or False, not {strict!r}")


class _Hierarchy:
    """The parent index of a gazetteer (built once per content, dropped by :meth:`add`)."""

    __slots__ = ("parents", "unknown", "children", "levels", "warned")

    def __init__(self, parents: List[int], unknown: List[int]) -> None:
        self.parents = parents          # per entity: the parent's index, -1 for none or unknown
        self.unknown = unknown          # entities whose parent id is not in the gazetteer
        self.children: Optional[Dict[int, List[int]]] = None
        self.levels: Dict[str, List[int]] = {}
        self.warned = False             # the unknown-parent warning was given for this content


# --------------------------------------------------------------------------------------------
# The gazetteer
# --------------------------------------------------------------------------------------------
class Gazetteer:
    """An ordered, validated collection of entities and their aliases.

    Build one with :meth:`add`, :meth:`from_records`, :meth:`from_dataframe`,
    :meth:`read_csv`, :meth:`read_json` or :meth:`read_yaml`; hand it to
    :class:`~gazetta.Matcher`. A gazetteer is a container of :class:`Entity` objects:
    ``len(g)``, ``for e in g``, ``"KE" in g``, ``g["KE"]``. Edit one with :meth:`rename`,
    :meth:`update`, :meth:`drop`, :meth:`subset` and :meth:`merge` (``g1 + g2``): each returns
    a new gazetteer and leaves this one unchanged (only :meth:`add` builds in place).

    Every error about the content is a :class:`~gazetta.GazetteerError` (a ``ValueError``)
    whose message starts with the entity id and the source position, e.g.
    ``entity 'KP' (row 3 of countries.csv, line 4): alias '...': the alias holds no letter or
    digit``. Positions are 1-based rows (header excluded) and lines in files, 0-based
    positions for in-memory records and DataFrames.

    Entities may carry a ``parent`` (the id of the containing entity), a ``prior`` (a
    non-negative number such as a population) and the context rules ``not_before`` /
    ``not_after`` (phrases that, directly after or before a match, drop it); see the module
    docs. The hierarchy is read with :meth:`ancestors` and :meth:`children`, and checked
    (cycles, unknown parents) when it is used or by :meth:`validate`.

    Parameters
    ----------
    strict : bool, default True
        What a ``parent`` naming no entity of the gazetteer is, when the hierarchy is used:
        a :class:`~gazetta.GazetteerError` (True) or one :class:`UserWarning` listing them,
        with those parents treated as absent (False). :meth:`from_records`,
        :meth:`from_dataframe`, :meth:`read_csv` and :meth:`read_json` take the same option
        (it is kept by the gazetteer, see :attr:`strict`); :meth:`validate` checks with the
        ``strict`` it is given. A parent cycle is an error either way.

    Examples
    --------
    >>> g = Gazetteer()
    >>> _ = g.add("GE", "Georgia", kind="country", aliases=["Sakartvelo"])
    >>> _ = g.add("US-GA", "Georgia", kind="state", parent="US", not_before=["Tech", "Power"])
    >>> _ = g.add("US", "United States", kind="country", aliases=["America"], not_after=["Latin"])
    >>> len(g), "GE" in g, g.ids
    (3, True, ['GE', 'US-GA', 'US'])
    >>> g.ambiguous()
         alias     entities  n_entities
    0  Georgia  [GE, US-GA]           2
    >>> g.ancestors("US-GA")
    ['US']
    """

    def __init__(self, *, strict: bool = True) -> None:
        self._entities: List[Entity] = []
        self._index: Dict[str, int] = {}
        self._origin: List[Tuple[_Source, int]] = []  # where each entity was first given
        self._flat_cache: Optional[Tuple[Any, ...]] = None
        self._hier_cache: Optional[_Hierarchy] = None
        self._has_alias_rules = False  # True once an alias with context rules was added
        self._strict = _check_strict(strict)

    @property
    def strict(self) -> bool:
        """Whether an unknown ``parent`` is an error (True) or a warning (False) when the
        hierarchy is used; set when the gazetteer is made (``strict=`` of the constructor,
        :meth:`from_records` and the readers). Not part of equality or the content hash.

        Examples
        --------
        >>> Gazetteer().strict, Gazetteer(strict=False).strict
        (True, False)
        """
        return self._strict

    # -- building ---------------------------------------------------------------------------
    def _ingest(self, raw_id: Any, raw_name: Any, raw_kind: Any, alias_items: Iterable[Any],
                attrs: Mapping[str, Any], src: _Source, pos: int, case: Any = None, fold: Any = None) -> None:
        eid = _clean_id(raw_id, src, pos, raw_name)
        name = _clean_name(raw_name, eid, src, pos)
        kind = _clean_kind(raw_kind, eid, src, pos)
        clean_attrs: Dict[str, Any] = {}
        for k, v in attrs.items():
            if not isinstance(k, str):
                raise _fail(f"attribute name {k!r} is not a string", eid, src, pos)
            if not _is_missing(v):
                clean_attrs[k] = _plain(v)
        if not _ENGINE_ATTRS.isdisjoint(clean_attrs):
            _clean_engine_attrs(clean_attrs, eid, src, pos)
        at = self._index.get(eid)
        als = _AliasList()
        if at is not None:
            old = self._entities[at]
            osrc, opos = self._origin[at]
            for field_, new, prev in (("name", name, old.name), ("kind", kind, old.kind)):
                if new != prev:
                    raise _fail(f"duplicate id with a different {field_}: {new!r} here, {prev!r} at "
                                f"{osrc.describe(opos)}", eid, src, pos)
            for k, v in clean_attrs.items():
                if k in old.attrs and old.attrs[k] != v:
                    if k in _RULES:  # context rules add up (see the module docs)
                        clean_attrs[k] = _union_phrases(old.attrs[k], v)
                        continue
                    raise _fail(f"duplicate id with a different {k!r}: {v!r} here, {old.attrs[k]!r} at "
                                f"{osrc.describe(opos)}", eid, src, pos)
            for a in old.aliases:
                als.add(a.text, a.case, a.fold_accents, eid, src, pos, None, a.not_before, a.not_after,
                        a.person_after)
            merged = dict(old.attrs)
            merged.update(clean_attrs)
            clean_attrs = merged
        if type(alias_items) is not list and isinstance(alias_items, (str, Alias, Mapping)):
            alias_items = [alias_items]
        plain = _is_missing(case) and _is_missing(fold)
        parse, keys, items = _core.parse_alias, als.keys, als.items
        for item in alias_items:
            if plain and type(item) is str:
                # fast path (most aliases): a plain string, no row-level overrides
                text = item.strip()
                try:
                    key = parse(text)
                except ValueError as exc:
                    raise _fail(f"alias {text!r}: {exc}", eid, src, pos) from None
                if key not in keys:
                    keys[key] = len(items)
                    items.append(Alias(text))
                continue
            als.add_item(item, eid, src, pos, case, fold)
        ent = Entity(eid, name, kind, als.finish(name, eid, src, pos), clean_attrs)
        if als.has_rules:
            self._has_alias_rules = True  # else _engine_tables need not look at every alias
        if at is None:
            self._index[eid] = len(self._entities)
            self._entities.append(ent)
            self._origin.append((src, pos))
        else:
            self._entities[at] = ent
        self._flat_cache = None
        self._hier_cache = None

    def add(self, id: str, name: str, *, kind: str = "", aliases: Iterable[Union[str, Mapping[str, Any], Alias]] = (),
            **attrs: Any) -> "Gazetteer":
        """Adds one entity (or merges into the entity of the same id) and returns ``self``.

        Parameters
        ----------
        id : str
            Unique identifier (an int is turned into its decimal string).
        name : str
            Display name; always also an alias (see the module docs).
        kind : str, default ""
            E.g. ``"country"``, ``"person"``, ``"org"``.
        aliases : iterable of str, dict or Alias, default ()
            Alias strings (``"Kenyan*"`` is a glob) or records ``{"text": ..., "case": ...,
            "fold_accents": ..., "not_before": [...], "not_after": [...]}`` overriding the
            matcher's options for that alias and giving context rules of that alias only.
        **attrs
            Further attributes, kept and returned (None/NaN values are not stored), except
            ``case`` and ``fold_accents``, which set the overrides of the ``aliases`` given
            here (not of the name) where an alias record sets none. Four attributes are
            checked and normalised (see the module docs): ``parent`` (an entity id; the
            parent may be added later), ``prior`` (a non-negative finite number, stored as a
            float),
            ``not_before`` and ``not_after`` (a phrase or a list of phrases, stored as a
            list).

        Returns
        -------
        Gazetteer
            ``self``, so that calls chain.

        Raises
        ------
        GazetteerError
            On an invalid id, name, alias, ``parent`` (the entity itself), ``prior`` or
            context rule, or on an id already present with another name, kind or attribute
            value.

        Examples
        --------
        >>> g = Gazetteer().add("KP", "North Korea", kind="country",
        ...                     aliases=["DPRK", {"text": "NK", "case": "sensitive"}])
        >>> [a.to_record() for a in g["KP"].aliases]
        ['North Korea', 'DPRK', {'text': 'NK', 'case': 'sensitive'}]
        >>> _ = g.add("KP", "North Korea", kind="country", aliases=["Pyongyang", "DPRK"])
        >>> [a.text for a in g["KP"].aliases]
        ['North Korea', 'DPRK', 'NK', 'Pyongyang']
        >>> g.add("KP-01", "Pyongyang City", parent="KP", prior=3_000_000, not_before="Metro")["KP-01"].attrs
        {'parent': 'KP', 'prior': 3000000.0, 'not_before': ['Metro']}
        >>> g.add("X", "Xland", prior=-1)
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazetteerError: entity 'X' (add()): prior must be a non-negative finite number, not -1
        """
        case = attrs.pop("case", None)
        fold = attrs.pop("fold_accents", None)
        self._ingest(id, name, kind, aliases, attrs, _ADD, 0, case, fold)
        return self

    @classmethod
    def from_records(cls, records: Iterable[Union[Mapping[str, Any], Entity]], *, strict: bool = True
                     ) -> "Gazetteer":
        """A gazetteer from dicts with keys ``id``, ``name``, optional ``kind`` and
        ``aliases`` (a list, or one string), optional ``case`` and ``fold_accents`` (overrides
        of the record's aliases, as in the long form), every other key an attribute.

        :class:`Entity` objects are accepted too, so a filtered gazetteer is
        ``Gazetteer.from_records(e for e in g if e.kind == "country")``.

        Parameters
        ----------
        records : iterable of dict or Entity
        strict : bool, default True
            Whether a ``parent`` naming no entity is an error (True) or a warning (False)
            when the hierarchy is used (see :class:`Gazetteer`).

        Returns
        -------
        Gazetteer

        Raises
        ------
        GazetteerError
            As :meth:`add`; positions in messages are 0-based record numbers.

        Examples
        --------
        >>> g = Gazetteer.from_records([
        ...     {"id": "TR", "name": "Turkey", "aliases": ["Türkiye", "Turkish*"], "iso3": "TUR"},
        ...     {"id": "JP", "name": "Japan", "kind": "country"},
        ... ])
        >>> g["TR"].attrs, g["JP"].kind
        ({'iso3': 'TUR'}, 'country')
        >>> import warnings
        >>> g = Gazetteer.from_records([{"id": "LY-TB", "name": "Tobruk", "parent": "LY"}], strict=False)
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     g.ancestors("LY-TB")
        []
        >>> print(caught[0].message)
        1 entity has an unknown parent, treated as having none: 'LY-TB' (parent 'LY', record 0)
        """
        return cls(strict=strict)._add_records(records, _Source(None, "record"))

    def _add_records(self, records: Iterable[Any], src: _Source, positions: Optional[Sequence[int]] = None
                     ) -> "Gazetteer":
        with _no_gc():
            for i, rec in enumerate(records):
                pos = positions[i] if positions is not None else i
                if i == 0 and isinstance(rec, Mapping):  # "alias" for "aliases", "type" for "kind"
                    _input.warn_lookalike_columns(rec.keys(), {"aliases": "aliases", "kind": "kind"},
                                                  "the first record" + (f" of {src.label}" if src.label else ""),
                                                  "rename the key", 4, field="key")
                if isinstance(rec, Entity):
                    self._ingest(rec.id, rec.name, rec.kind, list(rec.aliases), rec.attrs, src, pos)
                    continue
                if not isinstance(rec, Mapping):
                    raise _fail(f"an entity must be a dict, not {type(rec).__name__}", None, src, pos)
                attrs = {k: v for k, v in rec.items() if k not in _RESERVED}
                aliases = rec.get("aliases")
                if aliases is None or (not isinstance(aliases, (str, list, tuple, Mapping)) and _is_missing(aliases)):
                    aliases = ()
                self._ingest(rec.get("id"), rec.get("name"), rec.get("kind"), aliases, attrs, src, pos,
                             rec.get("case"), rec.get("fold_accents"))
        return self

    @classmethod
    def from_dataframe(cls, df: pd.DataFrame, *, id: str = "id", name: str = "name", kind: str = "kind",
                       aliases: str = "aliases", alias_sep: Optional[str] = "|", strict: bool = True
                       ) -> "Gazetteer":
        """A gazetteer from a DataFrame in wide or long form (or a mix of both).

        Every row adds its aliases to the entity of its id, so the wide form (one row per
        entity, aliases joined by ``alias_sep`` or held in a list column) and the long form
        (the same id on several rows, one alias per row) both work. The optional columns
        ``case`` and ``fold_accents`` set the overrides of the aliases in their row (not of the
        name). Every other column is an attribute; empty cells are no attribute.

        Parameters
        ----------
        df : pandas.DataFrame
        id, name, kind, aliases : str
            Column names. ``kind`` and ``aliases`` may be absent (empty kind, no aliases).
        alias_sep : str or None, default "|"
            Separator of the aliases in one cell; None means one alias per cell. A cell holding
            a JSON array (``["NK", {"text": "US", "case": "sensitive"}]``, as written by
            :meth:`to_csv` when needed) is read as a list of aliases. The ``not_before`` and
            ``not_after`` columns are split the same way (a list cell is a list of phrases).
        strict : bool, default True
            Whether a ``parent`` naming no entity is an error (True) or a warning (False)
            when the hierarchy is used (see :class:`Gazetteer`).

        Returns
        -------
        Gazetteer

        Raises
        ------
        GazetteerError
            On a missing column or invalid content; positions are 0-based row positions.

        Warns
        -----
        UserWarning
            No ``aliases`` (or ``kind``) column, but one whose name is close to it
            (``alias``, ``synonyms``; ``type``, ``category``): it is read as an attribute,
            and the warning says how to name it instead (also :meth:`read_csv`; for
            :meth:`from_records` and :meth:`read_json`, the first record's keys).

        Examples
        --------
        >>> wide = pd.DataFrame({"id": ["KE"], "name": ["Kenya"], "aliases": ["Kenyan*|Nairobi"]})
        >>> [a.text for a in Gazetteer.from_dataframe(wide)["KE"].aliases]
        ['Kenya', 'Kenyan*', 'Nairobi']
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as w:
        ...     warnings.simplefilter("always")
        ...     g = Gazetteer.from_dataframe(wide.rename(columns={"aliases": "alias"}))
        >>> print(w[0].message)
        the DataFrame has no 'aliases' column but a column 'alias', read as an attribute: did you mean 'aliases'? (rename the column, or pass aliases='alias')
        >>> long = pd.DataFrame({"id": ["US", "US"], "name": ["United States"] * 2,
        ...                      "aliases": ["USA", "US"], "case": [None, "sensitive"]})
        >>> [a.to_record() for a in Gazetteer.from_dataframe(long)["US"].aliases]
        ['United States', 'USA', {'text': 'US', 'case': 'sensitive'}]
        """
        return cls(strict=strict)._add_frame(df, _Source(None, "DataFrame row"), id=id, name=name, kind=kind,
                                aliases=aliases, alias_sep=alias_sep)

    def _add_frame(self, df: pd.DataFrame, src: _Source, *, id: str, name: str, kind: str, aliases: str,
                   alias_sep: Optional[str]) -> "Gazetteer":
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"df must be a pandas DataFrame, not {type(df).__name__}")
        cols = list(df.columns)
        for role, col in (("id", id), ("name", name)):
            if col not in cols:
                where = f" of {src.label}" if src.label else ""
                raise GazetteerError(f"no {role} column {col!r}{where}; columns are {[str(c) for c in cols]}",
                                     source=src.label)
        where = "the DataFrame" if src.label is None else str(src.label)
        _input.warn_lookalike_columns(cols, {"aliases": aliases, "kind": kind}, where,
                                      "rename the column, or pass {role}={col!r}", 4)
        n = len(df)
        none = [None] * n

        def column(c: Optional[str]) -> List[Any]:
            return df[c].tolist() if c is not None and c in cols else none

        ids, names, kinds = column(id), column(name), column(kind)
        cells = column(aliases)
        cases, folds = column("case"), column("fold_accents")
        special = {id, name, kind, aliases, "case", "fold_accents"}
        attr_cols = [c for c in cols if c not in special]
        attr_values = [df[c].tolist() for c in attr_cols]
        attr_names = [str(c) for c in attr_cols]
        for j, c in enumerate(attr_names):
            if c in _RULES:  # phrases joined like aliases (or a list / JSON array cell)
                attr_values[j] = [_split_cell(v, alias_sep) for v in attr_values[j]]
        ingest = self._ingest
        with _no_gc():
            for i in range(n):
                attrs = {k: vals[i] for k, vals in zip(attr_names, attr_values)} if attr_names else {}
                ingest(ids[i], names[i], kinds[i], _split_cell(cells[i], alias_sep), attrs, src, i, cases[i],
                       folds[i])
        return self

    @classmethod
    def read_csv(cls, path: PathLike, *, sep: Optional[str] = None, encoding: str = "utf-8", id: str = "id",
                 name: str = "name", kind: str = "kind", aliases: str = "aliases",
                 alias_sep: Optional[str] = "|", strict: bool = True) -> "Gazetteer":
        """Reads a CSV or TSV file (optionally ``.gz``) with the columns of :meth:`from_dataframe`.

        Only empty cells are missing values (``NA`` is Namibia and North America, not NaN).
        The id, name, kind, alias, override, ``parent``, ``not_before`` and ``not_after``
        columns are read as strings; other attribute columns get pandas' type inference (so an
        integer column with empty cells reads as float).

        Parameters
        ----------
        path : str or PathLike
        sep : str, optional
            Field separator; by default a tab for ``.tsv``/``.tab`` files (also gzipped),
            else a comma.
        encoding : str, default "utf-8"
        id, name, kind, aliases, alias_sep, strict
            As in :meth:`from_dataframe`.

        Returns
        -------
        Gazetteer

        Raises
        ------
        GazetteerError
            Messages name the entity and the 1-based data row (header excluded) and the
            physical line of the file, e.g. ``entity 'KP' (row 3 of countries.csv, line 4)``.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "countries.csv"
        >>> _ = p.write_text("id,name,kind,aliases,continent\\nNA,Namibia,country,Namibian*,AF\\n")
        >>> g = Gazetteer.read_csv(p)
        >>> g["NA"].attrs, [a.text for a in g["NA"].aliases]
        ({'continent': 'AF'}, ['Namibia', 'Namibian*'])
        """
        p = os.fspath(path)
        if sep is None:
            low = _strip_gz(p.lower())
            sep = "\t" if low.endswith((".tsv", ".tab")) else ","
        text_cols = {c: str for c in (id, name, kind, aliases, "case", "fold_accents", "parent") + _RULES}
        try:
            df = pd.read_csv(p, sep=sep, encoding=encoding, dtype=text_cols, keep_default_na=False,
                             na_values=[""], compression="infer")
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"cannot read {Path(p).name}: {exc}", source=Path(p).name) from None
        src = _Source(Path(p).name, "row", base=1, csv_path=p, csv_sep=sep, encoding=encoding)
        return cls(strict=strict)._add_frame(df, src, id=id, name=name, kind=kind, aliases=aliases,
                                             alias_sep=alias_sep)

    @classmethod
    def read_json(cls, path: PathLike, *, encoding: str = "utf-8", strict: bool = True) -> "Gazetteer":
        """Reads a JSON array of entity objects or JSON Lines (one object a line), optionally
        ``.gz``; which one is detected from the first non-blank character (``[`` → array).

        Each object has the keys of :meth:`from_records`.

        Parameters
        ----------
        path : str or PathLike
        encoding : str, default "utf-8"
        strict : bool, default True
            As in :meth:`from_records`.

        Returns
        -------
        Gazetteer

        Raises
        ------
        GazetteerError
            On invalid JSON or content; messages name ``line N`` (JSON Lines) or ``record N``
            (array, 1-based).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
        >>> _ = p.write_text('{"id": "JP", "name": "Japan", "aliases": ["Japanese"]}\\n')
        >>> Gazetteer.read_json(p)["JP"].name
        'Japan'
        """
        p = os.fspath(path)
        label = Path(p).name
        with _open_text(p, encoding) as f:
            text = f.read()
        body = text.lstrip("\ufeff \t\r\n")
        if body.startswith("["):
            try:
                records = json.loads(body)
            except ValueError as exc:
                raise GazetteerError(f"{label}: invalid JSON: {exc}", source=label) from None
            if not isinstance(records, list):  # pragma: no cover - "[" always opens a list
                raise GazetteerError(f"{label}: expected a JSON array", source=label)
            return cls(strict=strict)._add_records(records, _Source(label, "record", base=1))
        recs: List[Any] = []
        lines: List[int] = []
        for lineno, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
            s = line.strip()
            if not s:
                continue
            try:
                recs.append(json.loads(s))
            except ValueError as exc:
                raise GazetteerError(f"line {lineno} of {label}: invalid JSON: {exc}", row=lineno,
                                     source=label) from None
            lines.append(lineno - 1)
        return cls(strict=strict)._add_records(recs, _Source(label, "line", base=1), positions=lines)

    @classmethod
    def read_yaml(cls, path: PathLike, *, levels: Optional[Sequence[str]] = None, kind: str = "",
                  invalid: Literal["raise", "warn", "skip"] = "raise", encoding: str = "utf-8") -> "Gazetteer":
        """Reads the newsmap YAML layout: nested groups → id → list of aliases.

        A key whose value is a list (or one string) is an entity id; a key whose value is a
        mapping is a group. The entity's name is its first alias without the glob star
        (``[ケニア*, ナイロビ]`` → name ``ケニア``, whose alias is the glob ``ケニア*``). The
        group path is kept as attributes named by ``levels``, deeper levels (or all, without
        ``levels``) ``group_1``, ``group_2``, ... Keys and aliases are read as the strings
        written (so ``NO`` stays Norway, not YAML's false). An alias may also be a mapping
        ``{text: ..., case: ..., fold_accents: ...}``.

        Parameters
        ----------
        path : str or PathLike
            A ``.yml``/``.yaml`` file, optionally ``.gz``.
        levels : sequence of str, optional
            Attribute names of the group levels, outermost first; for the newsmap
            dictionaries ``("continent", "region")``.
        kind : str, default ""
            The kind of every entity (``"country"`` for newsmap).
        invalid : {"raise", "warn", "skip"}, default "raise"
            What to do with an alias string that breaks the alias syntax. The published newsmap
            dictionaries hold a few quanteda-style patterns gazetta does not accept
            (``Zentralafrikanische* Republik*`` in German, ``セントヘレナ**`` in Japanese,
            ``Коморски* остров*`` in Russian): ``"raise"`` stops with a
            :class:`~gazetta.GazetteerError`, ``"warn"`` drops them with one
            :class:`UserWarning` listing each (entity, line, alias, reason), ``"skip"`` drops
            them silently. An entity left without a valid alias is an error in every mode.
        encoding : str, default "utf-8"

        Returns
        -------
        Gazetteer

        Raises
        ------
        GazetteerError
            On an invalid layout or alias; messages name the entity and ``line N`` (1-based).
        ValueError
            On a bad ``invalid`` value.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.yml"
        >>> _ = p.write_text("AFRICA:\\n  EAST:\\n    'KE': [Kenya, Kenyan*, Nairobi]\\n")
        >>> e = Gazetteer.read_yaml(p, levels=("continent", "region"), kind="country")["KE"]
        >>> e.name, e.attrs
        ('Kenya', {'continent': 'AFRICA', 'region': 'EAST'})
        """
        import yaml

        if invalid not in ("raise", "warn", "skip"):
            raise ValueError(f"invalid must be one of 'raise', 'warn', 'skip', not {invalid!r}")
        p = os.fspath(path)
        label = Path(p).name
        src = _Source(label, "line", base=1)
        levels = tuple(levels or ())
        dropped: List[str] = []
        with _open_text(p, encoding) as f:
            loader = yaml.SafeLoader(f)
            try:
                root = loader.get_single_node()
            except yaml.YAMLError as exc:
                raise GazetteerError(f"{label}: invalid YAML: {exc}", source=label) from None
            g = cls()
            if root is None:
                loader.dispose()
                return g

            def alias_value(node: Any, eid: str) -> Any:
                if isinstance(node, yaml.ScalarNode):
                    return node.value
                if isinstance(node, yaml.MappingNode):
                    return loader.construct_mapping(node, deep=True)
                raise _fail("an alias must be a string or a mapping", eid, src, node.start_mark.line)

            def walk(node: Any, path_: Tuple[str, ...]) -> None:
                if not isinstance(node, yaml.MappingNode):
                    raise GazetteerError(f"line {node.start_mark.line + 1} of {label}: expected a mapping of "
                                         f"groups or ids", row=node.start_mark.line + 1, source=label)
                for key, val in node.value:
                    if not isinstance(key, yaml.ScalarNode):
                        raise GazetteerError(f"line {key.start_mark.line + 1} of {label}: a key must be a "
                                             f"string", row=key.start_mark.line + 1, source=label)
                    k = key.value
                    if isinstance(val, yaml.MappingNode):
                        walk(val, path_ + (k,))
                        continue
                    pos = key.start_mark.line
                    if isinstance(val, yaml.SequenceNode):
                        items = [alias_value(v, k) for v in val.value]
                    elif isinstance(val, yaml.ScalarNode) and val.value.strip():
                        items = [val.value]
                    else:
                        items = []
                    if invalid != "raise":
                        kept = []
                        for it in items:
                            t = it.get("text") if isinstance(it, dict) else it
                            try:
                                _core.parse_alias(t if isinstance(t, str) else "")
                            except ValueError as exc:
                                dropped.append(f"entity {k!r} ({src.describe(pos)}): alias {t!r}: {exc}")
                                continue
                            kept.append(it)
                        items = kept
                    if not items:
                        raise _fail("no (valid) aliases: the first one is the name", k, src, pos)
                    first = items[0]
                    first_text = first.get("text") if isinstance(first, dict) else first
                    if not isinstance(first_text, str):
                        raise _fail(f"alias {first!r} is not a string", k, src, pos)
                    try:
                        name_ = _core.parse_alias(first_text)[0]
                    except ValueError as exc:
                        raise _fail(f"alias {first_text.strip()!r}: {exc}", k, src, pos) from None
                    attrs = {(levels[j] if j < len(levels) else f"group_{j + 1}"): grp
                             for j, grp in enumerate(path_)}
                    g._ingest(k, name_, kind, items, attrs, src, pos)

            try:
                with _no_gc():
                    walk(root, ())
            finally:
                loader.dispose()
        if dropped and invalid == "warn":
            warnings.warn(f"{label}: dropped {len(dropped)} invalid alias(es):\n" + "\n".join(dropped),
                          UserWarning, stacklevel=2)
        return g

    # -- writing ----------------------------------------------------------------------------
    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per entity (see :meth:`Entity.to_record`); :meth:`from_records` reads them
        back to an equal gazetteer.

        Examples
        --------
        >>> Gazetteer().add("JP", "Japan", aliases=["Nippon"]).to_records()
        [{'id': 'JP', 'name': 'Japan', 'kind': '', 'aliases': ['Nippon']}]
        """
        return [e.to_record() for e in self._entities]

    def _attr_names(self) -> List[str]:
        seen: Dict[str, None] = {}
        for e in self._entities:
            for k in e.attrs:
                if k not in seen:
                    seen[k] = None
        return list(seen)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per entity: ``id, name, kind, aliases`` (a list of str, or of records for
        aliases with overrides; the name's alias left out as in :meth:`Entity.to_record`),
        then one column per attribute (None where an entity lacks it).

        :meth:`from_dataframe` reads the result back to an equal gazetteer.

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> g = Gazetteer().add("KE", "Kenya", kind="country", aliases=["Kenyan*"], iso3="KEN")
        >>> g.to_dataframe()
           id   name     kind    aliases iso3
        0  KE  Kenya  country  [Kenyan*]  KEN
        """
        ents = self._entities
        data: Dict[str, Any] = {
            "id": [e.id for e in ents],
            "name": [e.name for e in ents],
            "kind": [e.kind for e in ents],
        }
        with _no_gc():
            data["aliases"] = [[a.text if _is_plain(a) else a.to_record() for a in _written_aliases(e)]
                               for e in ents]
        for k in self._attr_names():
            values = [e.attrs.get(k) for e in ents]
            # object dtype where a value is missing: pandas would turn [1, None] into [1.0, nan]
            data[k] = pd.Series(values, dtype=object) if any(v is None for v in values) else values
        return pd.DataFrame(data, columns=list(data))

    def to_csv(self, path: PathLike, *, sep: Optional[str] = None, encoding: str = "utf-8") -> None:
        """Writes a CSV (or TSV for ``.tsv``; gzipped for ``.gz``) that :meth:`read_csv` reads
        back to an equal gazetteer.

        Aliases are joined by ``|``. When an entity has an alias with ``case`` or
        ``fold_accents`` overrides or context rules, or an alias holding ``|`` or starting with
        ``[``, its cell holds a JSON array instead: ``["DPRK", {"text": "NK", "case":
        "sensitive"}]``. The ``not_before`` / ``not_after`` phrases are written the same way.
        Attributes are written as pandas writes them (scalars round-trip; lists and dicts do
        not: use :meth:`to_json` for those). Written atomically (temporary file, rename).

        Parameters
        ----------
        path : str or PathLike
        sep : str, optional
            Default: a tab for ``.tsv``/``.tab``, else a comma.
        encoding : str, default "utf-8"

        Examples
        --------
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.csv"
        >>> g = Gazetteer().add("US", "United States", aliases=["USA", {"text": "US", "case": "sensitive"}])
        >>> g.to_csv(p)
        >>> print(p.read_text().splitlines()[1])
        US,United States,,"[""USA"", {""text"": ""US"", ""case"": ""sensitive""}]"
        >>> Gazetteer.read_csv(p) == g
        True
        """
        p = os.fspath(path)
        if sep is None:
            sep = "\t" if _strip_gz(p.lower()).endswith((".tsv", ".tab")) else ","
        df = self.to_dataframe()
        df["aliases"] = [_alias_cell(list(als)) for als in df["aliases"].tolist()]
        for k in _RULES:
            if k in df.columns:
                df[k] = pd.Series([None if v is None else _alias_cell(list(v)) for v in df[k].tolist()],
                                  dtype=object)

        def write(f: Any) -> None:
            df.to_csv(f, sep=sep, index=False, lineterminator="\n")

        _atomic_write(p, write, encoding)

    def to_json(self, path: PathLike, *, lines: bool = False, encoding: str = "utf-8") -> None:
        """Writes the entities as a JSON array (one entity a line) or, with ``lines=True``, as
        JSON Lines; gzipped for ``.gz``. :meth:`read_json` reads either back to an equal
        gazetteer. Written atomically.

        Parameters
        ----------
        path : str or PathLike
        lines : bool, default False
        encoding : str, default "utf-8"

        Examples
        --------
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
        >>> g = Gazetteer().add("JP", "Japan", aliases=["日本"])
        >>> g.to_json(p, lines=True)
        >>> p.read_text(encoding="utf-8")
        '{"id": "JP", "name": "Japan", "kind": "", "aliases": ["日本"]}\\n'
        """
        recs = [json.dumps(r, ensure_ascii=False, default=_json_default) for r in self.to_records()]

        def write(f: Any) -> None:
            if lines:
                for r in recs:
                    f.write(r + "\n")
            else:
                f.write("[\n" + ",\n".join(recs) + ("\n]\n" if recs else "]\n"))

        _atomic_write(path, write, encoding)

    # -- container protocol -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(list(self._entities))

    def __contains__(self, id: object) -> bool:
        return id in self._index

    def __getitem__(self, id: str) -> Entity:
        try:
            return self._entities[self._index[id]]
        except (KeyError, TypeError):
            raise KeyError(id) from None

    def get(self, id: str, default: Any = None) -> Any:
        """The entity of ``id``, or ``default``.

        Examples
        --------
        >>> Gazetteer().get("XX") is None
        True
        """
        i = self._index.get(id)
        return default if i is None else self._entities[i]

    @property
    def ids(self) -> List[str]:
        """The entity ids, in gazetteer order.

        Examples
        --------
        >>> Gazetteer().add("B", "Bee").add("A", "Ay").ids
        ['B', 'A']
        """
        return [e.id for e in self._entities]

    @property
    def n_aliases(self) -> int:
        """The number of aliases over all entities (names included).

        Examples
        --------
        >>> Gazetteer().add("KE", "Kenya", aliases=["Kenyan*"]).n_aliases
        2
        """
        return len(self._flat()[3])

    def ambiguous(self) -> pd.DataFrame:
        """Alias strings shared by several entities: columns ``alias``,
        ``entities`` (list of ids in gazetteer order) and ``n_entities``, most shared first,
        then by alias. Aliases compare as written (after stripping), not case-folded.

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> g = Gazetteer().add("GE", "Georgia").add("US-GA", "Georgia").add("JO", "Jordan")
        >>> g.ambiguous()["entities"].tolist()
        [['GE', 'US-GA']]
        """
        ids, _n, _k, texts, ents, _c, _f = self._flat()
        groups: Dict[str, List[int]] = {}
        for t, e in zip(texts, ents):
            lst = groups.get(t)
            if lst is None:
                groups[t] = [e]
            elif lst[-1] != e:
                lst.append(e)
        rows = [(t, [ids[e] for e in es]) for t, es in groups.items() if len(es) > 1]
        rows.sort(key=lambda r: (-len(r[1]), r[0]))
        return pd.DataFrame({"alias": [r[0] for r in rows], "entities": [r[1] for r in rows],
                             "n_entities": [len(r[1]) for r in rows]},
                            columns=["alias", "entities", "n_entities"])

    # -- hierarchy --------------------------------------------------------------------------
    def validate(self, strict: bool = True) -> "Gazetteer":
        """Checks the hierarchy now: a ``parent`` cycle is a :class:`~gazetta.GazetteerError`;
        a ``parent`` naming no entity is one too with ``strict=True``, and one
        :class:`UserWarning` (how many, and the first few) with ``strict=False``.

        Everything else is checked when an entity is added; the hierarchy is checked here and
        when it is used (:meth:`ancestors`, :meth:`children`, building a
        :class:`~gazetta.Matcher`), because a parent may be added after its children. The
        ``strict`` given here is the check to make, whatever the gazetteer's own
        :attr:`strict`.

        Parameters
        ----------
        strict : bool, default True

        Returns
        -------
        Gazetteer
            ``self``, so that calls chain.

        Raises
        ------
        GazetteerError
            Naming the entity (the first of a cycle in gazetteer order) and its source row,
            e.g. ``entity 'A' (record 0): parent cycle 'A' -> 'B' -> 'A' ('B' at record 1)``.

        Examples
        --------
        >>> g = Gazetteer().add("PAR", "Paris", kind="city", parent="IDF")
        >>> g.validate()
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazetteerError: entity 'PAR' (add()): unknown parent 'IDF': no entity has that id;
        pass strict=False to treat unknown parents as absent (with a warning)
        >>> _ = g.add("IDF", "Ile-de-France", kind="region", parent="FR").add("FR", "France", kind="country")
        >>> g.validate().ancestors("PAR")
        ['IDF', 'FR']
        >>> g.add("FR", "France", kind="country", parent="PAR").validate()
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazetteerError: entity 'PAR' (add()): parent cycle 'PAR' -> 'IDF' -> 'FR' -> 'PAR'
        (each the parent of the one before; 'IDF' at add(), 'FR' at add())
        """
        self._hierarchy(_check_strict(strict), explicit=True, stacklevel=3)
        return self

    def ancestors(self, id: str) -> List[str]:
        """The ids of the entity's parent, grandparent, ... (nearest first; ``[]`` for an
        entity without a parent).

        Parameters
        ----------
        id : str

        Returns
        -------
        list of str

        Raises
        ------
        KeyError
            If no entity has this id.
        GazetteerError
            On a parent cycle, or an unknown parent when the gazetteer is strict (see
            :meth:`validate`).

        Examples
        --------
        >>> g = Gazetteer.from_records([
        ...     {"id": "US-GA-ATL", "name": "Atlanta", "kind": "city", "parent": "US-GA"},
        ...     {"id": "US-GA", "name": "Georgia", "kind": "state", "parent": "US"},
        ...     {"id": "US", "name": "United States", "kind": "country"},
        ... ])
        >>> g.ancestors("US-GA-ATL"), g.ancestors("US")
        (['US-GA', 'US'], [])
        """
        i = self._position(id)
        h = self._hierarchy(self._strict, stacklevel=3)
        ids = self._index_ids()
        parents = h.parents
        out: List[str] = []
        j = parents[i]
        while j != -1:
            out.append(ids[j])
            j = parents[j]
        return out

    def children(self, id: str) -> List[str]:
        """The ids of the entities whose ``parent`` is ``id``, in gazetteer order.

        Parameters
        ----------
        id : str

        Returns
        -------
        list of str

        Raises
        ------
        KeyError
            If no entity has this id.
        GazetteerError
            On a parent cycle, or an unknown parent when the gazetteer is strict (see
            :meth:`validate`).

        Examples
        --------
        >>> g = Gazetteer().add("US-GA", "Georgia", parent="US").add("US", "United States")
        >>> _ = g.add("US-AL", "Alabama", parent="US")
        >>> g.children("US"), g.children("US-GA")
        (['US-GA', 'US-AL'], [])
        """
        i = self._position(id)
        h = self._hierarchy(self._strict, stacklevel=3)
        if h.children is None:
            kids: Dict[int, List[int]] = {}
            for k, j in enumerate(h.parents):
                if j != -1:
                    kids.setdefault(j, []).append(k)
            h.children = kids
        ids = self._index_ids()
        return [ids[k] for k in h.children.get(i, ())]

    def _position(self, id: Any) -> int:
        try:
            return self._index[id]
        except (KeyError, TypeError):
            raise KeyError(id) from None

    def _index_ids(self) -> List[str]:
        """The ids in gazetteer order, without a copy (from the flat cache when built)."""
        c = self._flat_cache
        return c[0] if c is not None else [e.id for e in self._entities]

    def _hierarchy(self, strict: bool, *, explicit: bool = False, stacklevel: int = 3) -> _Hierarchy:
        """The parent index, checked: a cycle raises; unknown parents raise when ``strict``,
        else warn (always when ``explicit``, else once per content, and a content whose
        unknown parents were accepted with a warning is not checked again unless
        ``explicit``)."""
        h = self._hier_cache
        if h is None:
            h = self._build_hierarchy()
            self._hier_cache = h
        if h.unknown and (explicit or not h.warned):
            if strict:
                raise self._unknown_parent_error(h.unknown)
            h.warned = True
            warnings.warn(self._unknown_parent_message(h.unknown), UserWarning, stacklevel=stacklevel)
        return h

    def _build_hierarchy(self) -> _Hierarchy:
        ents = self._entities
        index = self._index
        n = len(ents)
        parents = [-1] * n
        unknown: List[int] = []
        for i, e in enumerate(ents):
            p = e.attrs.get("parent")
            if p is not None:
                j = index.get(p)
                if j is None:
                    unknown.append(i)
                else:
                    parents[i] = j
        if any(j != -1 for j in parents):  # cycles are possible
            state = bytearray(n)  # 0 unseen, 1 on the current path, 2 done
            for i in range(n):
                if state[i]:
                    continue
                path: List[int] = []
                j = i
                while j != -1 and not state[j]:
                    state[j] = 1
                    path.append(j)
                    j = parents[j]
                if j != -1 and state[j] == 1:
                    raise self._cycle_error(path[path.index(j):])
                for k in path:
                    state[k] = 2
        return _Hierarchy(parents, unknown)

    def _where(self, i: int) -> str:
        src, pos = self._origin[i]
        return src.describe(pos)

    def _cycle_error(self, cycle: List[int]) -> GazetteerError:
        k = cycle.index(min(cycle))  # named from the entity that comes first
        cycle = cycle[k:] + cycle[:k]
        ents = self._entities
        first = cycle[0]
        src, pos = self._origin[first]
        if len(cycle) == 1:  # pragma: no cover - add() rejects a self-parent already
            return _fail(f"parent {ents[first].id!r} is the entity itself", ents[first].id, src, pos)
        chain = " -> ".join(repr(ents[i].id) for i in cycle + [first])
        others = ", ".join(f"{ents[i].id!r} at {self._where(i)}" for i in cycle[1:])
        return _fail(f"parent cycle {chain} (each the parent of the one before; {others})", ents[first].id,
                     src, pos)

    def _unknown_parent_error(self, unknown: List[int]) -> GazetteerError:
        e = self._entities[unknown[0]]
        src, pos = self._origin[unknown[0]]
        more = ""
        if len(unknown) > 1:
            shown = ", ".join(repr(self._entities[i].id) for i in unknown[:5])
            more = f" ({len(unknown)} entities have an unknown parent: {shown}{', ...' if len(unknown) > 5 else ''})"
        return _fail(f"unknown parent {e.attrs['parent']!r}: no entity has that id{more}; pass strict=False to "
                     f"treat unknown parents as absent (with a warning)", e.id, src, pos)

    def _unknown_parent_message(self, unknown: List[int]) -> str:
        n = len(unknown)
        shown = ", ".join(f"{self._entities[i].id!r} (parent {self._entities[i].attrs['parent']!r}, "
                          f"{self._where(i)})" for i in unknown[:5])
        return (f"{n} entit{'y has' if n == 1 else 'ies have'} an unknown parent, treated as having none: "
                f"{shown}{', ...' if n > 5 else ''}")

    # -- identity ---------------------------------------------------------------------------
    def _canonical(self) -> List[Any]:
        return [[e.id, e.name, e.kind, [a.to_record() for a in e.aliases], e.attrs] for e in self._entities]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        return self._entities == other._entities

    __hash__ = None  # type: ignore[assignment]  # mutable

    def content_hash(self) -> str:
        """SHA-256 (hex) of a canonical JSON of the content: entities in order with id, name,
        kind, aliases (with overrides) and attributes (keys sorted). Stable across runs,
        machines and ``PYTHONHASHSEED``; equal gazetteers have equal hashes.

        Examples
        --------
        >>> a = Gazetteer().add("JP", "Japan")
        >>> b = Gazetteer.from_records([{"id": "JP", "name": "Japan"}])
        >>> a.content_hash() == b.content_hash(), len(a.content_hash())
        (True, 64)
        """
        # The JSON of json.dumps([_HASH_FORMAT, self._canonical()], sort_keys=True, ...), built
        # entity by entity so that a rule list that thousands of entities share (one list
        # object) is encoded once.
        def dumps(v: Any) -> str:
            return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                              default=_json_default, allow_nan=True)

        shared: Dict[int, str] = {}

        def attrs_json(attrs: Dict[str, Any]) -> str:
            parts = []
            for k in sorted(attrs):
                v = attrs[k]
                if k in _RULES and isinstance(v, list):
                    enc = shared.get(id(v))
                    if enc is None:
                        enc = shared[id(v)] = dumps(v)
                else:
                    enc = dumps(v)
                parts.append(f"{dumps(k)}:{enc}")
            return "{" + ",".join(parts) + "}"

        h = hashlib.sha256(f"[{dumps(_HASH_FORMAT)},[".encode("utf-8"))
        for i, e in enumerate(self._entities):
            head = dumps([e.id, e.name, e.kind, [a.to_record() for a in e.aliases]])
            h.update(f"{',' if i else ''}{head[:-1]},{attrs_json(e.attrs)}]".encode("utf-8"))
        h.update(b"]]")
        return h.hexdigest()

    def __getstate__(self) -> Dict[str, Any]:
        state = self.__dict__.copy()
        state["_flat_cache"] = None
        state["_hier_cache"] = None
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        state.setdefault("_hier_cache", None)  # pickles made before the hierarchy
        state.setdefault("_strict", True)
        state.setdefault("_has_alias_rules", True)
        self.__dict__.update(state)

    # -- display ----------------------------------------------------------------------------
    def _summary(self) -> str:
        flat = self._flat()
        kinds = sorted({k for k in flat[2]})
        n_amb = len(self.ambiguous()) if self._entities else 0
        shown = ", ".join(repr(k) for k in kinds[:5]) + (", ..." if len(kinds) > 5 else "")
        return (f"{len(self._entities)} entities, {len(flat[3])} aliases, {len(kinds)} kinds"
                f"{f' ({shown})' if kinds else ''}, {n_amb} ambiguous aliases")

    def _head(self, n: int = 5) -> pd.DataFrame:
        """The first ``n`` rows for display: a phrase-rule list longer than three phrases is
        shown as its length ("184 phrases"), so that one row fits a screen."""
        sub = Gazetteer()
        sub._entities = self._entities[:n]
        df = sub.to_dataframe()
        for col in _RULES:
            if col in df.columns:
                df[col] = [f"{len(v)} phrases" if isinstance(v, (list, tuple)) and len(v) > 3 else v
                           for v in df[col]]
        return df

    def __repr__(self) -> str:
        """Sizes and the first rows.

        Examples
        --------
        >>> print(repr(Gazetteer().add("KE", "Kenya", kind="country")))
        Gazetteer(1 entities, 1 aliases, 1 kinds ('country'), 0 ambiguous aliases)
           id   name     kind aliases
        0  KE  Kenya  country      []
        """
        head = f"Gazetteer({self._summary()})"
        if not self._entities:
            return head
        body = self._head().to_string()
        more = f"\n... {len(self._entities) - 5} more entities" if len(self._entities) > 5 else ""
        return f"{head}\n{body}{more}"

    def _repr_html_(self) -> str:
        """HTML for notebooks: the sizes and the first rows.

        Examples
        --------
        >>> Gazetteer().add("KE", "Kenya")._repr_html_().startswith("<div>")
        True
        """
        import html

        head = f"<p><b>Gazetteer</b>: {html.escape(self._summary())}</p>"
        table = self._head().to_html(max_cols=12) if self._entities else ""
        return f"<div>{head}{table}</div>"

    # -- the Matcher's view -----------------------------------------------------------------
    def _flat(self) -> Tuple[List[str], List[str], List[str], List[str], List[int], List[Optional[str]],
                             List[Optional[bool]]]:
        """Columns for the Rust compiler: ``(ids, names, kinds, alias_texts, alias_entity,
        alias_case, alias_fold)``; every alias of every entity (the name's first) in gazetteer
        order, ``alias_entity[i]`` indexing ``ids``. Cached until the next :meth:`add`."""
        if self._flat_cache is None:
            ents = self._entities
            texts: List[str] = []
            owner: List[int] = []
            cases: List[Optional[str]] = []
            folds: List[Optional[bool]] = []
            for i, e in enumerate(ents):
                for a in e.aliases:
                    texts.append(a.text)
                    owner.append(i)
                    cases.append(a.case)
                    folds.append(a.fold_accents)
            self._flat_cache = ([e.id for e in ents], [e.name for e in ents], [e.kind for e in ents],
                                texts, owner, cases, folds)
        c = self._flat_cache
        return (list(c[0]), list(c[1]), list(c[2]), list(c[3]), list(c[4]), list(c[5]), list(c[6]))

    def _engine_tables(self, strict: bool = True) -> Dict[str, Any]:
        """The hierarchy, priors and context rules for the matcher, per entity and alias in
        the order of :meth:`_flat`. Checks the hierarchy first (see :meth:`validate`).

        Parameters
        ----------
        strict : bool, default True
            An unknown ``parent`` is a :class:`~gazetta.GazetteerError` when both this and
            the gazetteer's own :attr:`strict` are True; otherwise one :class:`UserWarning`
            (once for the same content) and the parent is treated as absent. A cycle is
            always an error.

        Returns
        -------
        dict
            ``"parents"``: list of int, per entity in gazetteer order the index of its parent
            entity, -1 if none (or unknown). ``"priors"``: list of float, per entity its
            ``prior``, NaN when absent. ``"entity_rules"``: list of ``(entity indices,
            not_before, not_after, person_after)`` (lists), one per distinct rule, with the
            entities that have it in gazetteer order (30,000 cities sharing a list of given
            names are one rule). ``"alias_rules"``: list of ``(alias index, not_before,
            not_after, person_after)`` for the
            aliases that have any, the alias index being a position in the alias columns of
            :meth:`_flat` (its ``alias_texts``: every alias of every entity, the name's
            first, in gazetteer order). Fresh lists on every call.

        Examples
        --------
        >>> g = Gazetteer().add("GE", "Georgia", not_before=["Power", "Tech"]).add("US", "United States")
        >>> _ = g.add("US-GA", "Georgia", parent="US", prior=10.7e6, aliases=[{"text": "GA", "not_after": "Atlanta"}])
        >>> t = g._engine_tables()
        >>> t["parents"], t["priors"]
        ([-1, -1, 1], [nan, nan, 10700000.0])
        >>> t["entity_rules"], t["alias_rules"]
        ([([0], ['Power', 'Tech'], [], [])], [(3, [], ['Atlanta'], [])])
        >>> g._flat()[3][3]
        'GA'
        """
        h = self._hierarchy(bool(strict) and self._strict, stacklevel=4)
        nan = math.nan
        priors: List[float] = []
        shared: Dict[Any, Tuple[List[int], List[str], List[str], List[str]]] = {}
        by_object: Dict[Tuple[int, int, int], Any] = {}  # the same list objects: no re-hashing
        alias_rules: List[Tuple[int, List[str], List[str], List[str]]] = []
        for i, e in enumerate(self._entities):
            attrs = e.attrs
            if attrs:
                p = attrs.get("prior")
                priors.append(nan if p is None else float(p))
                nb = attrs.get("not_before")
                na = attrs.get("not_after")
                pa = attrs.get("person_after")
                if nb or na or pa:
                    ids = (id(nb), id(na), id(pa))
                    key = by_object.get(ids)
                    if key is None:
                        key = by_object[ids] = (tuple(nb or ()), tuple(na or ()), tuple(pa or ()))
                    rule = shared.get(key)
                    if rule is None:
                        rule = shared[key] = ([], list(key[0]), list(key[1]), list(key[2]))
                    rule[0].append(i)
            else:
                priors.append(nan)
        if self._has_alias_rules:
            k = 0
            for e in self._entities:
                for a in e.aliases:
                    if a.not_before or a.not_after or a.person_after:
                        alias_rules.append((k, list(a.not_before), list(a.not_after), list(a.person_after)))
                    k += 1
        return {"parents": list(h.parents), "priors": priors, "entity_rules": list(shared.values()),
                "alias_rules": alias_rules}

    def _level_index(self, kind: str) -> List[int]:
        """Per entity (gazetteer order), the index of its nearest ancestor-or-self whose kind
        is ``kind``, -1 if none. Checks the hierarchy first, as :meth:`ancestors` does.

        Raises
        ------
        ValueError
            If no entity has this kind (the message lists the kinds the gazetteer has).

        Examples
        --------
        >>> g = Gazetteer().add("ATL", "Atlanta", kind="city", parent="US-GA")
        >>> _ = g.add("US-GA", "Georgia", kind="state", parent="US").add("US", "United States", kind="country")
        >>> _ = g.add("GE", "Georgia", kind="country").add("X", "Xland", kind="city")
        >>> g._level_index("country"), g._level_index("state")
        ([2, 2, 2, 3, -1], [1, 1, -1, -1, -1])
        >>> g._level_index("nation")
        Traceback (most recent call last):
        ...
        ValueError: no entity has kind 'nation'; the kinds are 'city', 'country', 'state'
        """
        ents = self._entities
        kinds = [e.kind for e in ents]
        if kind not in kinds:
            have = sorted(set(kinds))
            listed = ", ".join(repr(k) for k in have) if have else "none (the gazetteer is empty)"
            raise ValueError(f"no entity has kind {kind!r}; the kinds are {listed}")
        h = self._hierarchy(self._strict, stacklevel=3)
        out = h.levels.get(kind)
        if out is None:
            parents = h.parents
            n = len(ents)
            out = [-2] * n  # -2: not yet known
            for i in range(n):
                if out[i] != -2:
                    continue
                path: List[int] = []
                j = i
                while j != -1 and out[j] == -2:
                    if kinds[j] == kind:
                        out[j] = j
                        break
                    path.append(j)
                    j = parents[j]
                found = -1 if j == -1 else out[j]
                for m in path:
                    out[m] = found
            h.levels[kind] = out
        return list(out)

    # -- editing ----------------------------------------------------------------------------
    # Every editing method returns a new Gazetteer and leaves this one unchanged (``add`` is
    # the one builder that edits in place): a gazetteer is often shared (a Matcher built from
    # it, the same object handed to several analyses), and a chain such as
    # ``countries().subset(kind="country").rename(names=...)`` reads the same either way.
    # Untouched entities are shared between the two gazetteers (entities are read-only).
    def _derive(self, entities: List[Entity], origins: List[Tuple[_Source, int]], *,
                strict: Optional[bool] = None, has_alias_rules: Optional[bool] = None) -> "Gazetteer":
        """A new gazetteer holding ``entities`` (ids unique) with their ``origins``."""
        g = Gazetteer(strict=self._strict if strict is None else strict)
        g._entities = entities
        g._index = {e.id: i for i, e in enumerate(entities)}
        g._origin = origins
        g._has_alias_rules = self._has_alias_rules if has_alias_rules is None else has_alias_rules
        return g

    @staticmethod
    def _rebuild(eid: str, name: str, kind: str, aliases: Iterable[Any], attrs: Mapping[str, Any],
                 src: _Source) -> Tuple[Entity, bool]:
        """One entity checked and normalised as :meth:`add` does (errors name ``src``)."""
        tmp = Gazetteer()
        tmp._ingest(eid, name, kind, list(aliases), attrs, src, 0)
        return tmp._entities[0], tmp._has_alias_rules

    def _check_cycles(self) -> "Gazetteer":
        """Raises on a parent cycle now (unknown parents stay checked when used)."""
        self._hier_cache = self._build_hierarchy()
        return self

    def copy(self) -> "Gazetteer":
        """A new gazetteer with the same entities, order and :attr:`strict`.

        Returns
        -------
        Gazetteer

        Examples
        --------
        >>> g = Gazetteer().add("JP", "Japan")
        >>> h = g.copy().add("KR", "South Korea")
        >>> len(g), len(h), g == h.subset(ids="JP")
        (1, 2, True)
        """
        return self._derive(list(self._entities), list(self._origin))

    def _ids_arg(self, ids: Any, what: str) -> List[str]:
        """``ids`` (one id or an iterable of ids) as a list; unknown ids are a KeyError."""
        lst = [ids] if isinstance(ids, (str, int)) else list(ids)
        out = [str(i) if isinstance(i, int) and not isinstance(i, bool) else i for i in map(_plain, lst)]
        missing = [i for i in out if i not in self._index]
        if missing:
            shown = ", ".join(repr(i) for i in missing[:5]) + (", ..." if len(missing) > 5 else "")
            raise KeyError(f"{what}: no entity has the id(s) {shown}")
        return out

    def _select(self, what: str, ids: Any, kind: Any, predicate: Any) -> List[bool]:
        """Per entity, whether it meets every criterion given (all when none is given)."""
        n = len(self._entities)
        keep = [True] * n
        if ids is not None:
            wanted = set(self._ids_arg(ids, what))
            keep = [e.id in wanted for e in self._entities]
        if kind is not None:
            kinds = {kind} if isinstance(kind, str) else set(kind)
            have = {e.kind for e in self._entities}
            unknown = sorted(k for k in kinds if k not in have)
            if unknown:
                listed = ", ".join(repr(k) for k in sorted(have)) if have else "none (the gazetteer is empty)"
                raise ValueError(f"{what}: no entity has kind {', '.join(repr(k) for k in unknown)}; "
                                 f"the kinds are {listed}")
            keep = [k and e.kind in kinds for k, e in zip(keep, self._entities)]
        if predicate is not None:
            if not callable(predicate):
                raise TypeError(f"{what}: predicate must be a function of an Entity, not "
                                f"{type(predicate).__name__}")
            keep = [k and bool(predicate(e)) for k, e in zip(keep, self._entities)]
        return keep

    def _without(self, gone: List[bool], policy: str, what: str, option: str) -> "Gazetteer":
        """A new gazetteer without the entities flagged in ``gone``; ``policy`` says what the
        kept entities whose parent is gone get: "error", "drop" (go too), "lift" (the nearest
        kept ancestor, none if none) or "orphan" (no parent)."""
        ents = self._entities
        index = self._index
        parent_of = [e.attrs.get("parent") for e in ents]
        gone = list(gone)
        if policy == "drop":
            kids: Dict[str, List[int]] = {}
            for i, p in enumerate(parent_of):
                if p is not None:
                    kids.setdefault(p, []).append(i)
            stack = [i for i in range(len(ents)) if gone[i]]
            while stack:
                for k in kids.get(ents[stack.pop()].id, ()):
                    if not gone[k]:
                        gone[k] = True
                        stack.append(k)
        hit = [i for i, p in enumerate(parent_of)
               if not gone[i] and p is not None and p in index and gone[index[p]]]
        if hit and policy == "error":
            e = ents[hit[0]]
            more = f" ({len(hit)} kept entities have such a parent)" if len(hit) > 1 else ""
            choices = ("'drop' (its descendants go too), 'lift' (the nearest kept ancestor becomes the "
                       "parent) or 'orphan' (no parent)") if option == "children" else \
                      "'lift' (the nearest kept ancestor becomes the parent), 'include' or 'orphan'"
            raise GazetteerError(f"entity {e.id!r} ({self._where(hit[0])}) has parent {e.attrs['parent']!r}, "
                                 f"which {what} removes{more}; pass {option}={choices}", entity=e.id,
                                 row=self._origin[hit[0]][0].row(self._origin[hit[0]][1]),
                                 source=self._origin[hit[0]][0].label)
        new_parent: Dict[int, Optional[str]] = {}
        for i in hit:
            if policy == "orphan":
                new_parent[i] = None
                continue
            p: Optional[str] = parent_of[i]
            seen = set()
            while p is not None and p in index and gone[index[p]] and p not in seen:
                seen.add(p)
                p = parent_of[index[p]]
            new_parent[i] = None if p in seen else p
        src = _Source(None, f"{what}")
        entities: List[Entity] = []
        origins: List[Tuple[_Source, int]] = []
        with _no_gc():
            return self._kept(ents, gone, new_parent, src, entities, origins)

    def _kept(self, ents: List[Entity], gone: List[bool], new_parent: Dict[int, Optional[str]], src: _Source,
              entities: List[Entity], origins: List[Tuple[_Source, int]]) -> "Gazetteer":
        """The rest of :meth:`_without`: the kept entities, with their new parents."""
        for i, e in enumerate(ents):
            if gone[i]:
                continue
            if i in new_parent:
                attrs = dict(e.attrs)
                p = new_parent[i]
                if p is None:
                    del attrs["parent"]
                    e = Entity(e.id, e.name, e.kind, e.aliases, attrs)
                elif p != e.id:  # an id already checked: only the parent changes
                    attrs["parent"] = p
                    e = Entity(e.id, e.name, e.kind, e.aliases, attrs)
                else:  # only in a gazetteer with a cycle: reported as add() would
                    attrs["parent"] = p
                    e = self._rebuild(e.id, e.name, e.kind, e.aliases, attrs, src)[0]
            entities.append(e)
            origins.append(self._origin[i])
        return self._derive(entities, origins)

    def drop(self, ids: Union[str, Iterable[str], None] = None, *, kind: Union[str, Iterable[str], None] = None,
             predicate: Optional[Any] = None,
             children: Literal["error", "drop", "lift", "orphan"] = "error") -> "Gazetteer":
        """A new gazetteer without the entities that meet every criterion given.

        Parameters
        ----------
        ids : str or iterable of str, optional
            Entity ids (each must be in the gazetteer).
        kind : str or iterable of str, optional
            Kinds (each must be a kind of some entity).
        predicate : callable, optional
            A function of an :class:`Entity` returning True for the entities to drop.
        children : {"error", "drop", "lift", "orphan"}, default "error"
            What happens to a kept entity whose ``parent`` is dropped: a
            :class:`~gazetta.GazetteerError` naming it (the default: dropping a country should
            not silently cut its regions loose), ``"drop"`` (every descendant of a dropped entity
            is dropped too), ``"lift"`` (its parent becomes the nearest ancestor that is kept,
            none if none: drop the regions and the cities hang from their countries) or
            ``"orphan"`` (it has no parent any more).

        Returns
        -------
        Gazetteer
            A new gazetteer (this one is not changed), same order and :attr:`strict`.

        Raises
        ------
        KeyError
            On an id no entity has.
        ValueError
            On a kind no entity has, a bad ``children`` value, or no criterion at all.
        GazetteerError
            With ``children="error"``, naming the first kept entity whose parent is dropped.

        Examples
        --------
        >>> g = Gazetteer.from_records([
        ...     {"id": "US", "name": "United States", "kind": "country"},
        ...     {"id": "US-GA", "name": "Georgia", "kind": "state", "parent": "US"},
        ...     {"id": "ATL", "name": "Atlanta", "kind": "city", "parent": "US-GA"},
        ...     {"id": "GE", "name": "Georgia", "kind": "country"}])
        >>> g.drop("GE").ids
        ['US', 'US-GA', 'ATL']
        >>> g.drop(kind="state", children="lift").ancestors("ATL")
        ['US']
        >>> g.drop("US", children="drop").ids
        ['GE']
        >>> g.drop(predicate=lambda e: e.name == "Georgia", children="orphan").ancestors("ATL")
        []
        >>> g.drop("US-GA")
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazetteerError: entity 'ATL' (record 2) has parent 'US-GA', which drop() removes;
        pass children='drop' (its descendants go too), 'lift' (the nearest kept ancestor becomes the parent) or
        'orphan' (no parent)
        """
        if children not in ("error", "drop", "lift", "orphan"):
            raise ValueError(f"children must be one of 'error', 'drop', 'lift', 'orphan', not {children!r}")
        if ids is None and kind is None and predicate is None:
            raise ValueError("drop() needs ids, kind or predicate (it would drop every entity)")
        gone = self._select("drop()", ids, kind, predicate)
        return self._without(gone, children, "drop()", "children")

    def subset(self, ids: Union[str, Iterable[str], None] = None, *, kind: Union[str, Iterable[str], None] = None,
               predicate: Optional[Any] = None,
               parents: Literal["lift", "include", "orphan", "error"] = "lift") -> "Gazetteer":
        """A new gazetteer of the entities that meet every criterion given, in gazetteer order.

        Parameters
        ----------
        ids : str or iterable of str, optional
            Entity ids (each must be in the gazetteer).
        kind : str or iterable of str, optional
            Kinds (each must be a kind of some entity): ``kind="country"``,
            ``kind=["country", "city"]``.
        predicate : callable, optional
            A function of an :class:`Entity` returning True for the entities to keep, e.g.
            ``lambda e: e.attrs.get("continent") == "AFRICA"``.
        parents : {"lift", "include", "orphan", "error"}, default "lift"
            What happens to a kept entity whose ``parent`` is not kept: its parent becomes the
            nearest kept ancestor, none if none (``"lift"``: keep countries and cities, and the
            cities hang from their countries); the ancestors of every kept entity are kept too
            (``"include"``); it has no parent (``"orphan"``); or a
            :class:`~gazetta.GazetteerError` naming it (``"error"``). The hierarchy of the
            result is valid either way.

        Returns
        -------
        Gazetteer
            A new gazetteer (this one is not changed) with the same :attr:`strict`. Without
            any criterion, a copy.

        Raises
        ------
        KeyError
            On an id no entity has.
        ValueError
            On a kind no entity has or a bad ``parents`` value.
        GazetteerError
            With ``parents="error"``, naming the first kept entity whose parent is not kept.

        Examples
        --------
        >>> g = Gazetteer.from_records([
        ...     {"id": "US", "name": "United States", "kind": "country", "continent": "AMERICA"},
        ...     {"id": "US-GA", "name": "Georgia", "kind": "state", "parent": "US"},
        ...     {"id": "ATL", "name": "Atlanta", "kind": "city", "parent": "US-GA"},
        ...     {"id": "GE", "name": "Georgia", "kind": "country", "continent": "ASIA"}])
        >>> g.subset(kind="country").ids
        ['US', 'GE']
        >>> g.subset(kind=["city", "country"]).ancestors("ATL")
        ['US']
        >>> g.subset(ids="ATL", parents="include").ids
        ['US', 'US-GA', 'ATL']
        >>> g.subset(predicate=lambda e: e.attrs.get("continent") == "ASIA").ids
        ['GE']
        """
        if parents not in ("lift", "include", "orphan", "error"):
            raise ValueError(f"parents must be one of 'lift', 'include', 'orphan', 'error', not {parents!r}")
        keep = self._select("subset()", ids, kind, predicate)
        if parents == "include":
            index = self._index
            ents = self._entities
            for i in [i for i, k in enumerate(keep) if k]:
                p = ents[i].attrs.get("parent")
                while p is not None and p in index and not keep[index[p]]:
                    keep[index[p]] = True
                    p = ents[index[p]].attrs.get("parent")
        return self._without([not k for k in keep], "error" if parents == "error" else
                             ("lift" if parents == "include" else parents), "subset()", "parents")

    def _edit_map(self, arg: Any, what: str, current: Any, clean: Any) -> Dict[str, str]:
        """``ids=`` / ``names=`` of :meth:`rename` as {entity id: new value}, changed values only."""
        if arg is None:
            return {}
        src = _Source(None, "rename()")
        out: Dict[str, str] = {}
        if callable(arg) and not isinstance(arg, Mapping):
            for e in self._entities:
                new = clean(arg(current(e)), e, src)
                if new != current(e):
                    out[e.id] = new
            return out
        if not isinstance(arg, Mapping):
            raise TypeError(f"rename: {what} must be a mapping (entity id -> new {what[:-1]}) or a function, "
                            f"not {type(arg).__name__}")
        for k, v in arg.items():
            key = str(k) if isinstance(k, int) and not isinstance(k, bool) else k
            if key not in self._index:
                hint = ""
                named = [e.id for e in self._entities if e.name == key]
                if named:
                    hint = (f" ({key!r} is the name of {', '.join(repr(i) for i in named[:3])}; "
                            f"rename takes entity ids as keys)")
                raise KeyError(f"rename: {what}: no entity has the id {key!r}{hint}")
            e = self[key]
            new = clean(v, e, src)
            if new != current(e):
                out[key] = new
        return out

    def rename(self, ids: Union[Mapping[str, str], Any, None] = None, *,
               names: Union[Mapping[str, str], Any, None] = None,
               refs: Union[str, Iterable[str]] = ()) -> "Gazetteer":
        """A new gazetteer with entities given new ids and/or new display names.

        Both mappings are keyed by the entity ids of this gazetteer (a function of the id or
        of the name is accepted too), so one call can give an entity a new id and a new name.

        - A new **id** is also written into the ``parent`` of the entity's children, so the
          hierarchy stays the same. Other attributes that hold ids are data and are left as
          they are unless named in ``refs`` (``refs=["continued_by", "successor"]`` for
          :func:`~gazetta.gazetteers.countries`, whose :func:`~gazetta.gazetteers.fold_historical`
          reads them). Ids may be swapped (``{"A": "B", "B": "A"}``); a new id that another
          entity keeps is an error.
        - A new **name** becomes the entity's first alias; the old name stays an alias, so the
          entity is found exactly where it was before and only the display name (``name``
          columns, plots) changes. Remove an alias with :meth:`update` (``remove_aliases=``).

        For a corpus of one era the defaults are right as they are: in 1987 news the Soviet
        Union is an entity of its own (``SUHH``) beside Russia. Only a study across decades
        that wants one line for Russia and the Soviet Union needs
        ``countries(historical="fold").rename(names={"RU": "Soviet Union"})``: the Soviet
        aliases are folded into ``RU`` and the results read "Soviet Union". (Renaming without
        the fold would make ``"Soviet Union"`` an alias shared by ``RU`` and ``SUHH``.)

        Parameters
        ----------
        ids : mapping of str to str, or callable, optional
            Old id -> new id (``{"RU": "SU"}``), or a function of the id
            (``lambda i: "iso:" + i``).
        names : mapping of str to str, or callable, optional
            Id -> new display name (``{"RU": "Soviet Union"}``), or a function of the name
            (``str.upper``).
        refs : str or iterable of str, default ()
            Further attributes holding an entity id or a list of ids, renamed like ``parent``
            (always renamed). A value that is not a renamed id is left as it is.

        Returns
        -------
        Gazetteer
            A new gazetteer (this one is not changed), same order, provenance and
            :attr:`strict`.

        Raises
        ------
        KeyError
            On a key that is no entity's id (the message says when it is a name).
        GazetteerError
            On an invalid new id or name, or two entities ending with the same id.

        Examples
        --------
        >>> g = Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian*"])
        >>> _ = g.add("RU-MOW", "Moscow", kind="city", parent="RU")
        >>> h = g.rename(names={"RU": "Soviet Union"})
        >>> h["RU"].name, [a.text for a in h["RU"].aliases]
        ('Soviet Union', ['Soviet Union', 'Russia', 'Russian*'])
        >>> h = g.rename(ids={"RU": "SU"}, names={"RU": "Soviet Union"})
        >>> h.ids, h["SU"].name, h.ancestors("RU-MOW")
        (['SU', 'RU-MOW'], 'Soviet Union', ['SU'])
        >>> g.add("SUHH", "USSR", successor=["RU", "UA"]).rename(ids={"RU": "SU"}, refs="successor")["SUHH"].attrs
        {'successor': ['SU', 'UA']}
        >>> g.rename(names={"Russia": "USSR"})
        Traceback (most recent call last):
        ...
        KeyError: "rename: names: no entity has the id 'Russia' ('Russia' is the name of 'RU';
        rename takes entity ids as keys)"
        """
        def clean_id(v: Any, e: Entity, src: _Source) -> str:
            try:
                return _clean_id(v, src, 0, None)
            except GazetteerError as exc:
                reason = str(exc).split(": ", 1)[-1]
                raise _fail(f"new id {v!r}: {reason}", e.id, src, 0) from None

        def clean_name(v: Any, e: Entity, src: _Source) -> str:
            return _clean_name(v, e.id, src, 0)

        id_map = self._edit_map(ids, "ids", lambda e: e.id, clean_id)
        name_map = self._edit_map(names, "names", lambda e: e.name, clean_name)
        ref_attrs = [refs] if isinstance(refs, str) else list(refs)
        for r in ref_attrs:
            if not isinstance(r, str) or r in _RESERVED or r in _RULES or r == "prior":
                raise ValueError(f"rename: refs must name attributes that hold entity ids, not {r!r}")
        ref_attrs = [r for r in ref_attrs if r != "parent"]

        def renamed(v: Any) -> Any:
            if isinstance(v, str):
                return id_map.get(v, v)
            if isinstance(v, (list, tuple)) and any(isinstance(x, str) and x in id_map for x in v):
                return type(v)(id_map.get(x, x) if isinstance(x, str) else x for x in v)
            return v

        if not id_map and not name_map:
            return self.copy()  # (refs only follow renamed ids)
        ents = self._entities
        final = [id_map.get(e.id, e.id) for e in ents]
        taken: Dict[str, int] = {}
        for i, new in enumerate(final):
            j = taken.get(new)
            if j is not None:
                a, b = (i, j) if ents[i].id in id_map else (j, i)
                how = ("also renamed to it" if ents[b].id in id_map else "keeps that id")
                raise GazetteerError(f"rename: entity {ents[a].id!r} ({self._where(a)}) cannot take the id "
                                     f"{new!r}: entity {ents[b].id!r} ({self._where(b)}) {how}",
                                     entity=ents[a].id)
            taken[new] = i
        src = _Source(None, "rename()")
        entities: List[Entity] = []
        with _no_gc():
            for i, e in enumerate(ents):
                p = e.attrs.get("parent")
                refs_hit = [r for r in ref_attrs if r in e.attrs and renamed(e.attrs[r]) != e.attrs[r]]
                if e.id in id_map or e.id in name_map or (p is not None and p in id_map) or refs_hit:
                    attrs = dict(e.attrs)
                    if p is not None and p in id_map:
                        attrs["parent"] = id_map[p]  # ids are unique after renaming: never the entity's own
                    for r in refs_hit:
                        attrs[r] = renamed(attrs[r])
                    if e.id in name_map:  # the aliases are ordered anew for the new name
                        e = self._rebuild(final[i], name_map[e.id], e.kind, e.aliases, attrs, src)[0]
                    else:  # the new id is checked; nothing else needs it
                        e = Entity(final[i], e.name, e.kind, e.aliases, attrs)
                entities.append(e)
        return self._derive(entities, list(self._origin))

    def update(self, id: str, *, name: Optional[str] = None, kind: Optional[str] = None,
               aliases: Optional[Iterable[Union[str, Mapping[str, Any], Alias]]] = None,
               add_aliases: Iterable[Union[str, Mapping[str, Any], Alias]] = (),
               remove_aliases: Iterable[str] = (), **attrs: Any) -> "Gazetteer":
        """A new gazetteer in which one entity has new values.

        Unlike :meth:`add` (which merges into an entity and refuses a different value), the
        values given here replace the old ones.

        Parameters
        ----------
        id : str
            The entity to change (use :meth:`rename` for a new id).
        name : str, optional
            A new display name. The old name stays an alias (as with :meth:`rename`) unless
            ``aliases`` replaces the list without it, or ``remove_aliases`` names it.
        kind : str, optional
            A new kind (``""`` for none).
        aliases : iterable of str, dict or Alias, optional
            The new alias list, replacing the old one (the name stays an alias).
        add_aliases : iterable of str, dict or Alias, default ()
            Aliases to add after the others (one string is one alias).
        remove_aliases : iterable of str, default ()
            Aliases to remove (compared as aliases: ``" Kenyan* "`` is ``Kenyan*``; one string
            is one alias). Each must be an alias of the entity, and not the name's.
        **attrs
            Attributes to set, replacing the old values (``not_before=[...]`` replaces the
            entity's rules); a value of None removes the attribute. Checked as in :meth:`add`.
            ``case`` and ``fold_accents`` are not attributes: give alias records instead.

        Returns
        -------
        Gazetteer
            A new gazetteer (this one is not changed), same order and :attr:`strict`.

        Raises
        ------
        KeyError
            If no entity has this id.
        GazetteerError
            On an invalid value, an alias to remove that the entity does not have (or its
            name's), or a ``parent`` that makes a cycle.

        Examples
        --------
        >>> g = Gazetteer().add("RU", "Russia", aliases=["Russian*", "Moscow"], prior=1.0)
        >>> h = g.update("RU", remove_aliases="Moscow", add_aliases=["Kremlin"], prior=None, iso3="RUS")
        >>> [a.text for a in h["RU"].aliases], h["RU"].attrs
        (['Russia', 'Russian*', 'Kremlin'], {'iso3': 'RUS'})
        >>> [a.text for a in g.update("RU", name="Russian Federation")["RU"].aliases]
        ['Russian Federation', 'Russia', 'Russian*', 'Moscow']
        >>> g.update("RU", remove_aliases=["Russia"])
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazetteerError: entity 'RU' (update()): cannot remove 'Russia', the alias of the name;
        give the entity another name first (name=...)
        """
        at = self._position(id)
        e = self._entities[at]
        src = _Source(None, "update()")
        for k in ("case", "fold_accents"):
            if k in attrs:
                raise ValueError(f"update(): {k} is not an attribute; give alias records "
                                 f"{{'text': ..., {k!r}: ...}} in aliases= or add_aliases=")
        new_name = e.name if name is None else _clean_name(name, e.id, src, 0)
        new_kind = e.kind if kind is None else _clean_kind(kind, e.id, src, 0)

        def items_of(v: Any) -> List[Any]:
            return [v] if isinstance(v, (str, Mapping, Alias)) else list(v)

        items: List[Any] = list(e.aliases) if aliases is None else items_of(aliases)
        items += items_of(add_aliases)
        removes = [remove_aliases] if isinstance(remove_aliases, str) else list(remove_aliases)
        if removes:
            def key_of(item: Any) -> Optional[_Key]:
                text = item.text if isinstance(item, Alias) else item.get("text") if isinstance(item, Mapping) else item
                try:
                    return _core.parse_alias(text.strip()) if isinstance(text, str) else None
                except ValueError:
                    return None  # reported when the entity is built

            gone: Dict[_Key, str] = {}
            for r in removes:
                if not isinstance(r, str):
                    raise _fail(f"remove_aliases: {r!r} is not a string", e.id, src, 0)
                try:
                    gone[_core.parse_alias(r.strip())] = r.strip()
                except ValueError as exc:
                    raise _fail(f"remove_aliases: {r.strip()!r}: {exc}", e.id, src, 0) from None
            name_key = (_core.parse_alias(_escape(new_name))[0], False)
            if name_key in gone:
                raise _fail(f"cannot remove {gone[name_key]!r}, the alias of the name; give the entity another "
                            f"name first (name=...)", e.id, src, 0)
            found = set()
            kept = []
            for item in items:
                k = key_of(item)
                if k in gone:
                    found.add(k)
                else:
                    kept.append(item)
            missing = [t for k, t in gone.items() if k not in found]
            if missing:
                raise _fail(f"remove_aliases: {', '.join(repr(t) for t in missing)} not an alias of the entity; "
                            f"its aliases are {[a.text for a in e.aliases]}", e.id, src, 0)
            items = kept
        new_attrs = dict(e.attrs)
        for k, v in attrs.items():
            if v is None:
                new_attrs.pop(k, None)
            else:
                new_attrs[k] = v
        ent, rules = self._rebuild(e.id, new_name, new_kind, items, new_attrs, src)
        entities = list(self._entities)
        entities[at] = ent
        out = self._derive(entities, list(self._origin), has_alias_rules=self._has_alias_rules or rules)
        if ent.attrs.get("parent") != e.attrs.get("parent"):
            out._check_cycles()
        return out

    def merge(self, other: "Gazetteer", *, on_conflict: Literal["error", "left", "right", "union"] = "error",
              strict: Optional[bool] = None) -> "Gazetteer":
        """A new gazetteer with the entities of both: this one's, then the other's new ids.

        An id in both with equal entities is kept once. An id in both with different
        entities (name, kind, aliases or attributes) is a conflict, settled by
        ``on_conflict``. ``g1 + g2`` is ``g1.merge(g2)``, and ``sum(gazetteers, Gazetteer())``
        merges a list.

        Parameters
        ----------
        other : Gazetteer
        on_conflict : {"error", "left", "right", "union"}, default "error"
            ``"error"``: a :class:`~gazetta.GazetteerError` naming the entity, what differs
            and where each side came from; ``"left"``: keep this gazetteer's entity;
            ``"right"``: take the other's (at this one's position); ``"union"``: one entity
            with the aliases of both (this one's first) and the attributes of both, as if
            both were read from one file: a kind given on one side only is taken, context
            rules add up, but two different names, kinds or values of one attribute are still
            an error.
        strict : bool, optional
            :attr:`strict` of the result; by default True when both are strict.

        Returns
        -------
        Gazetteer
            A new gazetteer; neither input is changed.

        Raises
        ------
        TypeError
            If ``other`` is not a Gazetteer.
        ValueError
            On a bad ``on_conflict`` value.
        GazetteerError
            On a conflict (see ``on_conflict``), or when the merged ``parent`` links make a
            cycle.

        Examples
        --------
        >>> places = Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian*"])
        >>> people = Gazetteer().add("putin", "Vladimir Putin", kind="person", aliases=["Putin"], parent="RU")
        >>> both = places + people
        >>> both.ids, both.ancestors("putin")
        (['RU', 'putin'], ['RU'])
        >>> more = Gazetteer().add("RU", "Russia", kind="country", aliases=["Kremlin"])
        >>> places + more
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazetteerError: entity 'RU' is in both gazetteers with different aliases
        (left: add(), right: add()): ['Russian*'] only in the left, ['Kremlin'] only in the right;
        pass on_conflict='left', 'right' or 'union'
        >>> [a.text for a in places.merge(more, on_conflict="union")["RU"].aliases]
        ['Russia', 'Russian*', 'Kremlin']
        """
        if not isinstance(other, Gazetteer):
            raise TypeError(f"can only merge a Gazetteer, not {type(other).__name__}")
        if on_conflict not in ("error", "left", "right", "union"):
            raise ValueError(f"on_conflict must be one of 'error', 'left', 'right', 'union', not {on_conflict!r}")
        entities = list(self._entities)
        origins = list(self._origin)
        index = dict(self._index)
        rules = self._has_alias_rules or other._has_alias_rules
        conflicts: List[Tuple[int, int, Tuple[str, str]]] = []
        for j, b in enumerate(other._entities):
            i = index.get(b.id)
            if i is None:
                index[b.id] = len(entities)
                entities.append(b)
                origins.append(other._origin[j])
                continue
            a = entities[i]
            if a == b:
                continue
            if on_conflict == "left":
                continue
            if on_conflict == "right":
                entities[i] = b
                origins[i] = other._origin[j]  # error messages point at where it came from
                continue
            conflict = _difference(a, b, on_conflict == "union")
            if conflict is not None:
                conflicts.append((i, j, conflict))
                continue
            kind = a.kind or b.kind
            merged_src = _Source(None, "merge()")
            tmp = Gazetteer()
            tmp._ingest(a.id, a.name, kind, list(a.aliases), a.attrs, merged_src, 0)
            tmp._ingest(b.id, b.name, kind, list(b.aliases), b.attrs, merged_src, 0)
            entities[i] = tmp._entities[0]
        if conflicts:
            i, j, (what, detail) = conflicts[0]
            eid = entities[i].id
            more = ""
            if len(conflicts) > 1:
                shown = ", ".join(repr(entities[k].id) for k, _j, _w in conflicts[1:6])
                more = f" ({len(conflicts) - 1} more conflicting id(s): {shown}{', ...' if len(conflicts) > 6 else ''})"
            choices = "'left' or 'right'" if on_conflict == "union" else "'left', 'right' or 'union'"
            src, pos = self._origin[i]
            raise GazetteerError(f"entity {eid!r} is in both gazetteers with different {what} "
                                 f"(left: {self._where(i)}, right: {other._where(j)}): {detail}"
                                 f"{more}; pass on_conflict={choices}", entity=eid, row=src.row(pos),
                                 source=src.label)
        out = self._derive(entities, origins, strict=(self._strict and other._strict) if strict is None
                           else _check_strict(strict), has_alias_rules=rules)
        return out._check_cycles()

    def __add__(self, other: object) -> "Gazetteer":
        """``g1 + g2`` is ``g1.merge(g2)``: a conflicting id is an error naming both sources.

        Examples
        --------
        >>> (Gazetteer().add("JP", "Japan") + Gazetteer().add("KR", "South Korea")).ids
        ['JP', 'KR']
        """
        if not isinstance(other, Gazetteer):
            return NotImplemented
        return self.merge(other)


def _difference(a: Entity, b: Entity, union: bool) -> Optional[Tuple[str, str]]:
    """How two entities of one id differ, as ``(what, "a vs b")``; with ``union``, only what a
    union cannot settle (the name, a kind given on both sides, an attribute's value); None
    when nothing."""
    if a.name != b.name:
        return "name", f"{a.name!r} vs {b.name!r}"
    if a.kind != b.kind and (not union or (a.kind and b.kind)):
        return "kind", f"{a.kind!r} vs {b.kind!r}"
    for k in a.attrs:
        if k in b.attrs and a.attrs[k] != b.attrs[k] and not (union and k in _RULES):
            return f"{k!r}", f"{a.attrs[k]!r} vs {b.attrs[k]!r}"
    if union:
        return None
    if a.aliases != b.aliases:
        left, right = [x.to_record() for x in a.aliases], [x.to_record() for x in b.aliases]
        only_a = [x for x in left if x not in right]
        only_b = [x for x in right if x not in left]
        if not only_a and not only_b:
            return "aliases", f"the same aliases in another order, {left} vs {right}"
        return "aliases", f"{_shorten(only_a)} only in the left, {_shorten(only_b)} only in the right"
    for k in list(a.attrs) + list(b.attrs):
        if (k in a.attrs) != (k in b.attrs):
            return f"{k!r}", f"{a.attrs.get(k)!r} vs {b.attrs.get(k)!r}"
    return None

def _shorten(items: List[Any], n: int = 5) -> str:
    """A list for a message: its first ``n`` items and how many more."""
    if len(items) <= n:
        return repr(items)
    return repr(items[:n])[:-1] + f", ... {len(items) - n} more]"

def _alias_cell(aliases: List[Any]) -> str:
    """One CSV cell: ``|``-joined, or a JSON array when a plain join would not read back."""
    if all(isinstance(a, str) and "|" not in a for a in aliases) and not (aliases and aliases[0].startswith("[")):
        return "|".join(aliases)
    return json.dumps(aliases, ensure_ascii=False)
