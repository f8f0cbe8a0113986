"""Exception hierarchy of gazetta.

Every error gazetta raises on purpose is a :class:`GazettaError`. Errors about gazetteer
content are :class:`GazetteerError`, errors about corpus records are :class:`CorpusError`.
Both also subclass :class:`ValueError`, so existing ``except ValueError`` clauses keep
working. Bad option values are plain :class:`ValueError` listing the valid choices; a
non-string text is a :class:`TypeError` naming its position.

Examples
--------
>>> import gazetta
>>> try:
...     gazetta.Gazetteer().add("X", "...")
... except gazetta.GazetteerError as e:
...     print(type(e).__name__)
GazetteerError
"""

from __future__ import annotations

__all__ = ["GazettaError", "GazetteerError", "CorpusError"]


class GazettaError(Exception):
    """Base class of every error gazetta raises on purpose.

    Examples
    --------
    >>> issubclass(GazetteerError, GazettaError) and issubclass(CorpusError, GazettaError)
    True
    """


class GazetteerError(GazettaError, ValueError):
    """A gazetteer entry or file is invalid; the message names the entity and the row/line.

    Attributes
    ----------
    entity : str or None
        The offending entity id, when known.
    row : int or None
        The 1-based source row (CSV data row, JSON Lines line, YAML entry) or the 0-based
        record position for in-memory input, as the message says.

    Examples
    --------
    >>> e = GazetteerError("bad alias", entity="KP", row=3)
    >>> (e.entity, e.row)
    ('KP', 3)
    """

    def __init__(self, message: str, *, entity: str | None = None, row: int | None = None,
                 source: str | None = None) -> None:
        super().__init__(message)
        self.entity = entity
        self.row = row
        self.source = source


class CorpusError(GazettaError, ValueError):
    """A corpus record is invalid; the message names the file, line (or byte offset) and field.

    Examples
    --------
    >>> e = CorpusError("bad JSON", path="a.jsonl", line=7, field="text")
    >>> (e.path, e.line, e.field)
    ('a.jsonl', 7, 'text')
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 field: str | None = None, offset: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.field = field
        self.offset = offset
