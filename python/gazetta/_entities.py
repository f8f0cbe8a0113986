"""One entity named by the user: an id, a name that only one entity has, or an alias of the
gazetteer that only one entity of the result has.

:meth:`Cooccurrence.evidence`, :meth:`Cooccurrence.partners`, :meth:`Matcher.kwic` and the
plots that take entities resolve what they are given here, so that each accepts a unique name
("Japan" for ``JP``) and each answers an unknown one with the closest ids and names."""

from __future__ import annotations

import difflib
import weakref
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

__all__ = ["UnknownEntityError", "resolve", "entity_table", "alias_table"]

#: ``{alias text: [entity ids]}`` plus the same keyed by the case-folded text.
AliasTable = Tuple[Dict[str, List[Any]], Dict[str, List[Any]]]
#: The alias table of each matcher asked about, for as long as the matcher lives.
_ALIAS_TABLES: "weakref.WeakKeyDictionary[Any, AliasTable]" = weakref.WeakKeyDictionary()


class UnknownEntityError(KeyError, ValueError):
    """An entity that is neither an id nor the name of exactly one entity (a KeyError, and a
    ValueError for the callers that raised one before)."""

    def __str__(self) -> str:  # KeyError quotes its message; this one reads as a sentence
        return str(self.args[0]) if self.args else ""


def entity_table(co: Any) -> Tuple[np.ndarray, np.ndarray]:
    """The ids and names of the entities a :class:`~gazetta.Cooccurrence` can be asked about:
    those of its matcher when it has one, else those of its ``entities`` table."""
    m = getattr(co, "_matcher", None)
    if m is not None:
        ids, names, _ = m._arrays
        return ids, names
    ents = co.entities
    return ents["entity"].to_numpy(dtype=object), ents["name"].to_numpy(dtype=object)


def alias_table(co: Any) -> Optional[AliasTable]:
    """The aliases of the gazetteer a result was counted with, to resolve ``"Britain"`` to
    ``GB``: ``({literal text: ids}, {case-folded text: ids})``, or None without a matcher.
    Built on the first look-up that needs it (a miss of the ids and names), then kept."""
    m = getattr(co, "_matcher", None)
    if m is None:
        return None
    try:
        cached = _ALIAS_TABLES.get(m)
    except TypeError:  # not weakly referable: no cache
        cached = None
    if cached is not None:
        return cached
    try:
        gaz = m.gazetteer
        exact: Dict[str, List[Any]] = {}
        folded: Dict[str, List[Any]] = {}
        for e in gaz:
            for a in e.aliases:
                t = a.text
                if "*" in t or "\\" in t:
                    t = a.literal  # a glob matches its stem: "Kenyan*" names KE as "Kenyan"
                for d, k in ((exact, t), (folded, t.casefold())):
                    ids = d.setdefault(k, [])
                    if e.id not in ids:
                        ids.append(e.id)
    except Exception:  # noqa: BLE001 - a convenience of the look-up; ids and names still work
        return None
    table = (exact, folded)
    try:
        _ALIAS_TABLES[m] = table
    except TypeError:
        pass
    return table


def display_names(entities: Any, matcher: Any = None) -> Dict[Any, str]:
    """Entity id -> the label a picture shows: its name, and where several entities of the
    table share a name, the name of its parent in brackets ("Gainesville (Florida)",
    "Georgia (United States)") or, for an entity without a parent, its kind ("Georgia
    (country)"); when that does not tell them apart, their kinds, else their ids.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"entity": ["GE", "US-GA", "FR"], "name": ["Georgia", "Georgia", "France"],
    ...                   "kind": ["country", "region", "country"]})
    >>> display_names(t)
    {'GE': 'Georgia (country)', 'US-GA': 'Georgia (region)', 'FR': 'France'}
    """
    first = entities.drop_duplicates("entity")  # a sliced table lists an entity once per group
    ids = list(first["entity"])
    names = [str(n) for n in first["name"]]
    kinds = ([k if isinstance(k, str) else "" for k in first["kind"]] if "kind" in first
             else [""] * len(ids))
    out = dict(zip(ids, names))
    groups: Dict[str, List[int]] = {}
    for i, n in enumerate(names):
        groups.setdefault(n, []).append(i)
    gz = getattr(matcher, "gazetteer", None)

    def parent_name(e: Any) -> str:
        try:
            ent = gz.get(e) if gz is not None else None
            par = ent.attrs.get("parent") if ent is not None else None
            pe = gz.get(par) if par else None
            return str(pe.name) if pe is not None else ""
        except Exception:  # a foreign matcher or gazetteer: fall back to kinds and ids
            return ""

    for n, rows in groups.items():
        if len(rows) < 2:
            continue
        for extra in (lambda i: parent_name(ids[i]) or kinds[i], lambda i: kinds[i], lambda i: str(ids[i])):
            tags = [extra(i) for i in rows]
            if all(tags) and len(set(tags)) == len(tags):
                for i, t in zip(rows, tags):
                    out[ids[i]] = f"{n} ({t})"
                break
        else:
            for i in rows:
                out[ids[i]] = f"{n} ({ids[i]})"
    # a new label may equal another entity's name ("X (b)"): those fall back to their ids
    seen: Dict[str, int] = {}
    for lab in out.values():
        seen[lab] = seen.get(lab, 0) + 1
    name_of = dict(zip(ids, names))
    for e, lab in list(out.items()):
        if seen[lab] > 1 and lab != name_of[e]:
            out[e] = f"{name_of[e]} ({e})"
    return out


def _label(i: Any, name: Any) -> str:
    return f"{i!r} ({name})" if name is not None and name != i else repr(i)


def resolve(x: Any, ids: Sequence[Any], names: Optional[Sequence[Any]] = None, *, what: str = "entity",
            aliases: Optional[AliasTable] = None) -> str:
    """The id that ``x`` names: ``x`` itself when it is an id, else the id of the one entity
    whose name is ``x``, else (with ``aliases``, see :func:`alias_table`) the id of the one
    entity among ``ids`` that has the alias ``x`` (as written, else case-insensitively):
    ``"Britain"`` is ``GB``.

    Raises
    ------
    UnknownEntityError
        When ``x`` is none of these, or a name or alias several entities share; the message
        lists the closest ids, names and aliases (``did you mean 'JP' (Japan)?``) or the
        entities of that name.

    Examples
    --------
    >>> resolve("Japan", ["JP", "US"], ["Japan", "United States"])
    'JP'
    >>> resolve("Japn", ["JP", "US"], ["Japan", "United States"])
    Traceback (most recent call last):
    ...
    gazetta._entities.UnknownEntityError: unknown entity 'Japn': not an id or name of this result; did you mean 'JP' (Japan)?
    >>> table = ({"Britain": ["GB"]}, {"britain": ["GB"]})
    >>> resolve("britain", ["GB", "US"], ["United Kingdom", "United States"], aliases=table)
    'GB'
    >>> resolve("Britan", ["GB", "US"], ["United Kingdom", "United States"], aliases=table)
    Traceback (most recent call last):
    ...
    gazetta._entities.UnknownEntityError: unknown entity 'Britan': not an id, name or alias of this result; did you mean 'GB' (United Kingdom; alias 'Britain')?
    """
    ids_a = np.asarray(ids, dtype=object)
    if (ids_a == x).any():
        return x
    names_a = np.asarray(names, dtype=object) if names is not None else None
    if names_a is not None:
        hit = list(dict.fromkeys(ids_a[names_a == x].tolist()))
        if len(hit) == 1:
            return str(hit[0])
        if hit:
            shown = ", ".join(repr(i) for i in hit[:5]) + (", ..." if len(hit) > 5 else "")
            raise UnknownEntityError(f"{x!r} is the name of {len(hit)} entities ({shown}): pass the {what} id")
    if aliases is not None and isinstance(x, str):
        name_of = dict(zip(ids_a.tolist(), names_a.tolist())) if names_a is not None else {}
        known = set(ids_a.tolist())
        for table, key in ((aliases[0], x), (aliases[1], x.casefold())):
            owners = table.get(key, [])
            hit = [i for i in owners if i in known]
            if len(hit) == 1:
                return str(hit[0])
            if hit:
                shown = ", ".join(_label(i, name_of.get(i)) for i in hit[:5]) + (", ..." if len(hit) > 5 else "")
                raise UnknownEntityError(f"{x!r} is an alias of {len(hit)} entities ({shown}): pass the {what} id")
            if owners:
                shown = " and ".join(repr(i) for i in owners[:3])
                raise UnknownEntityError(f"{x!r} is an alias of {shown} in the gazetteer, which this result does not "
                                         f"have (not mentioned, or left out by kinds=/between=)")
        raise UnknownEntityError(f"unknown {what} {x!r}: not an id, name or alias of this result"
                                 f"{_suggest(x, ids_a, names_a, aliases)}")
    raise UnknownEntityError(f"unknown {what} {x!r}: not an id or name of this result{_suggest(x, ids_a, names_a)}")


def _suggest(x: Any, ids: np.ndarray, names: Optional[np.ndarray], aliases: Optional[AliasTable] = None) -> str:
    """``; did you mean ...?`` with the ids, names (and aliases) closest to ``x``
    (case-insensitively)."""
    if not isinstance(x, str) or not len(ids):
        return ""
    by_key: Dict[str, List[Tuple[Any, Any, Optional[str]]]] = {}
    name_of: Dict[Any, Any] = {}
    for j, i in enumerate(ids.tolist()):
        n = names[j] if names is not None else None
        name_of[i] = n
        for k in {str(i), str(n)} if n is not None else {str(i)}:
            by_key.setdefault(k.casefold(), []).append((i, n, None))
    if aliases is not None:
        for text, owners in aliases[0].items():
            k = text.casefold()
            if k in by_key:
                continue
            for i in owners:
                if i in name_of:
                    by_key.setdefault(k, []).append((i, name_of[i], text))
    close = difflib.get_close_matches(x.casefold(), list(by_key), n=3, cutoff=0.6)
    seen: Dict[Any, Tuple[Any, Optional[str]]] = {}
    for k in close:
        for i, n, via in by_key[k]:
            seen.setdefault(i, (n, via))
    if not seen:
        return ""
    return "; did you mean " + " or ".join(
        _label(i, n) if via is None else _label(i, f"{n}; alias {via!r}" if n is not None else f"alias {via!r}")
        for i, (n, via) in list(seen.items())[:3]) + "?"
