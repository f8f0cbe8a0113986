"""One entity named by the user: an id, or a name that only one entity has.

:meth:`Cooccurrence.evidence`, :meth:`Cooccurrence.partners`, :meth:`Matcher.kwic` and the
plots that take entities resolve what they are given here, so that each accepts a unique name
("Japan" for ``JP``) and each answers an unknown one with the closest ids and names."""

from __future__ import annotations

import difflib
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

__all__ = ["UnknownEntityError", "resolve", "entity_table"]


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


def _label(i: Any, name: Any) -> str:
    return f"{i!r} ({name})" if name is not None and name != i else repr(i)


def resolve(x: Any, ids: Sequence[Any], names: Optional[Sequence[Any]] = None, *, what: str = "entity") -> str:
    """The id that ``x`` names: ``x`` itself when it is an id, else the id of the one entity
    whose name is ``x``.

    Raises
    ------
    UnknownEntityError
        When ``x`` is neither, or a name several entities share; the message lists the
        closest ids and names (``did you mean 'JP' (Japan)?``) or the entities of that name.

    Examples
    --------
    >>> resolve("Japan", ["JP", "US"], ["Japan", "United States"])
    'JP'
    >>> resolve("Japn", ["JP", "US"], ["Japan", "United States"])
    Traceback (most recent call last):
    ...
    gazetta._entities.UnknownEntityError: unknown entity 'Japn': not an id or name of this result; did you mean 'JP' (Japan)?
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
    raise UnknownEntityError(f"unknown {what} {x!r}: not an id or name of this result{_suggest(x, ids_a, names_a)}")


def _suggest(x: Any, ids: np.ndarray, names: Optional[np.ndarray]) -> str:
    """``; did you mean ...?`` with the ids and names closest to ``x`` (case-insensitively)."""
    if not isinstance(x, str) or not len(ids):
        return ""
    by_key: Dict[str, List[Tuple[Any, Any]]] = {}
    for j, i in enumerate(ids.tolist()):
        n = names[j] if names is not None else None
        for k in {str(i), str(n)} if n is not None else {str(i)}:
            by_key.setdefault(k.casefold(), []).append((i, n))
    close = difflib.get_close_matches(x.casefold(), list(by_key), n=3, cutoff=0.6)
    seen: Dict[Any, Any] = {}
    for k in close:
        for i, n in by_key[k]:
            seen.setdefault(i, n)
    if not seen:
        return ""
    return "; did you mean " + " or ".join(_label(i, n) for i, n in list(seen.items())[:3]) + "?"
