"""The document × entity matrix (:meth:`gazetta.Matcher.dfm`): mention counts per document
(or paragraph, or sentence) and entity, as a scipy sparse matrix with its row and column
labels, for regression and topic models downstream (quanteda's ``dfm_lookup``)."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Literal, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import text as _text
from ._input import known_length
from ._input import text_of as _text_of

__all__ = ["DocumentEntityMatrix", "dfm"]

_UNITS = ("document", "paragraph", "sentence")
_COLUMNS = ("all", "found")


class DocumentEntityMatrix:
    """Mention counts per unit (row) and entity (column): the result of :meth:`Matcher.dfm`.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        ``int64`` counts, shape ``(len(docs), len(entities))``.
    docs : DataFrame
        One row per matrix row, in corpus order: ``doc`` (the document's id: ``ids=``, the
        corpus's id field, else its 0-based position), plus, for ``unit="paragraph"`` or
        ``"sentence"``, that column: the unit's 0-based index within its document (as in
        ``mentions(units=True)``).
    entities : DataFrame
        One row per matrix column: ``entity, name, kind``, sorted by entity id.
    meta : dict
        ``unit``, ``paragraphs``, ``level``, ``columns``, ``n_docs``, ``n_mentions`` (counted
        in the matrix), ``ambiguous_mentions`` (rows of open ambiguous spans, each counted
        once per candidate), ``unmapped_mentions`` (with ``level=``: mentions of entities
        without an ancestor-or-self of that kind, not counted).

    Examples
    --------
    >>> import gazetta
    >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan").add("US", "United States"))
    >>> d = m.dfm(["Japan and Japan.", "No one.", "United States, Japan."], ids=["x", "y", "z"])
    >>> d
    <gazetta.DocumentEntityMatrix: 3 documents x 2 entities, 4 mentions>
    >>> d.to_frame().sparse.to_dense()
    entity  JP  US
    doc
    x        2   0
    y        0   0
    z        1   1
    """

    def __init__(self, matrix: Any, docs: pd.DataFrame, entities: pd.DataFrame, meta: Dict[str, Any]) -> None:
        self.matrix = matrix
        self.docs = docs
        self.entities = entities
        self.meta = meta

    @property
    def shape(self) -> Tuple[int, int]:
        """``(rows, entities)``."""
        return tuple(self.matrix.shape)  # type: ignore[return-value]

    @property
    def doc_ids(self) -> List[Any]:
        """The ``doc`` of each row (repeated for the units of one document)."""
        return self.docs["doc"].tolist()

    @property
    def entity_ids(self) -> List[str]:
        """The entity id of each column."""
        return self.entities["entity"].tolist()

    def to_frame(self) -> pd.DataFrame:
        """The matrix as a DataFrame of sparse columns: columns are entity ids (named
        ``entity``); the index is ``doc``, or ``(doc, <unit>)`` for paragraphs and sentences.

        Examples
        --------
        >>> import gazetta
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"))
        >>> m.dfm(["Japan. Hello. Japan, Japan."], unit="sentence").to_frame()["JP"].to_dict()
        {(0, 0): 1, (0, 1): 0, (0, 2): 2}
        """
        index = pd.MultiIndex.from_frame(self.docs) if self.docs.shape[1] > 1 else pd.Index(self.docs["doc"])
        return pd.DataFrame.sparse.from_spmatrix(self.matrix, index=index,
                                                 columns=pd.Index(self.entities["entity"], name="entity"))

    def __repr__(self) -> str:
        unit = self.meta["unit"]
        rows = "documents" if unit == "document" else f"{unit}s of {self.meta['n_docs']} documents"
        return (f"<gazetta.DocumentEntityMatrix: {self.shape[0]} {rows} x {self.shape[1]} entities, "
                f"{self.meta['n_mentions']} mentions>")


def _count_units(t: Any, unit: str, paragraphs: str) -> int:
    if not isinstance(t, str):  # None/NaN: an empty document (other types: mentions raises)
        return 0
    spans = _text.sentences(t, paragraphs) if unit == "sentence" else _text.paragraphs(t, paragraphs)
    return len(spans)


class _Tally:
    """What the matrix needs besides the mentions: the number of documents (those without
    mentions too), the corpus's ids, and the units per document; read as the texts pass."""

    def __init__(self, unit: str, paragraphs: str) -> None:
        self.unit = unit
        self.paragraphs = paragraphs
        self.n = 0
        self.ids: Optional[List[Any]] = None
        self.units: Optional[List[int]] = [] if unit != "document" else None

    def see(self, texts: Any) -> None:
        self.n += len(texts)
        if self.units is not None:
            seq = texts.to_pylist() if hasattr(texts, "to_pylist") else texts
            self.units.extend(_count_units(_text_of(t, "text"), self.unit, self.paragraphs) for t in seq)


class _ChunkedCorpus:
    """A corpus with ``_gazetta_chunks`` (:func:`gazetta.read_corpus`) seen through a
    :class:`_Tally`: mentions() reads it as usual (by position), the tally keeps its ids."""

    def __init__(self, corpus: Any, tally: _Tally) -> None:
        self._corpus = corpus
        self._tally = tally
        self.nbytes = getattr(corpus, "nbytes", None)
        self.id = None

    def _gazetta_chunks(self, text: Optional[str] = None, columns: Sequence[str] = ()) -> Iterator[Tuple[Any, Any]]:
        idf = getattr(self._corpus, "id", None)
        if idf is not None and self._tally.ids is None:
            self._tally.ids = []
        for t, meta in self._corpus._gazetta_chunks(columns=[idf] if idf is not None else []):
            self._tally.see(t)
            if idf is not None:
                self._tally.ids.extend(meta[idf].tolist())  # type: ignore[union-attr]
            yield t, None

    def _gazetta_meta(self) -> Dict[str, Any]:
        f = getattr(self._corpus, "_gazetta_meta", None)
        return f() if f is not None else {}


def _streamed(texts: Any, tally: _Tally) -> Iterator[Any]:
    for item in texts:
        tally.see([item])
        yield item


def dfm(matcher: Any, texts: Any, *, unit: Literal["document", "paragraph", "sentence"] = "document",
        ids: Optional[Sequence[Any]] = None, paragraphs: Literal["auto", "line", "blank"] = "auto",
        level: Optional[str] = None, columns: Literal["all", "found"] = "all",
        progress: Optional[bool] = None) -> DocumentEntityMatrix:
    """See :meth:`gazetta.Matcher.dfm`.

    Examples
    --------
    >>> import gazetta
    >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"))
    >>> dfm(m, ["Japan.", "Japan, Japan."]).matrix.toarray().tolist()
    [[1], [2]]
    """
    from scipy import sparse

    from .matcher import _check_choice

    _check_choice("unit", unit, _UNITS)
    _check_choice("paragraphs", paragraphs, ("auto", "line", "blank"))
    _check_choice("columns", columns, _COLUMNS)
    tally = _Tally(unit, paragraphs)
    if hasattr(texts, "_gazetta_chunks"):
        source: Any = _ChunkedCorpus(texts, tally)
        streamed = True
    elif isinstance(texts, (str, bytes, dict)):  # mentions() says what it takes instead
        matcher.mentions(texts, progress=False)
        raise TypeError(f"texts must be a collection of documents; got {type(texts).__name__}")
    elif known_length(texts) is not None:
        source, streamed = texts, False
    else:
        source, streamed = _streamed(texts, tally), True
    # the paragraph rule only matters for units (mentions() checks it in any case)
    unit_kw: Dict[str, Any] = {"units": True, "paragraphs": paragraphs} if unit != "document" else {}
    df = matcher.mentions(source, level=level, progress=progress, **unit_kw)
    if not streamed:
        tally.see(texts.tolist() if isinstance(texts, pd.Series) else texts)
    n_docs = tally.n
    if ids is not None:
        if isinstance(ids, (str, bytes)) or known_length(ids) is None:
            raise ValueError(f"ids must be a sequence of document ids; got {type(ids).__name__}")
        if len(ids) != n_docs:
            raise ValueError(f"ids has {len(ids)} entries but there are {n_docs} texts")
        doc_ids: Any = list(ids)
    elif tally.ids is not None:
        doc_ids = tally.ids
    else:
        doc_ids = np.arange(n_docs, dtype=np.int64)

    # columns: the gazetteer's entities (of the level kind), sorted by id
    all_ids, names, kinds = matcher._arrays
    all_ids = np.asarray(all_ids, dtype=object)
    names = np.asarray(names, dtype=object)
    kinds = np.asarray(kinds, dtype=object)
    col = "level_entity" if level is not None else "entity"
    ent = df[col]
    codes = np.asarray(ent.cat.codes, dtype=np.int64)
    cats = np.asarray(ent.cat.categories, dtype=object)
    mapped = codes >= 0
    if columns == "all":
        cand = np.flatnonzero(kinds == level) if level is not None else np.arange(len(all_ids))
    else:
        pos = {e: i for i, e in enumerate(all_ids)}
        cand = np.array(sorted({pos[c] for c in cats[np.unique(codes[mapped])]}), dtype=np.int64)
    cand = cand[np.argsort(all_ids[cand].astype(str), kind="stable")] if len(cand) else cand.astype(np.int64)
    col_of = {e: j for j, e in enumerate(all_ids[cand])}
    cat_col = np.array([col_of.get(c, -1) for c in cats], dtype=np.int64)

    # rows: documents, or every unit of every document
    doc = df["doc"].to_numpy(dtype=np.int64)
    if unit == "document":
        rows = doc
        n_rows = n_docs
        docs = pd.DataFrame({"doc": doc_ids})
    else:
        per_doc = np.asarray(tally.units, dtype=np.int64)
        first = np.concatenate([[0], np.cumsum(per_doc)])
        idx = df[unit].to_numpy(dtype=np.int64)
        if len(idx) and ((idx < 0) | (idx >= per_doc[doc])).any():  # pragma: no cover - splitters agree
            raise RuntimeError(f"a mention's {unit} index is outside its document's {unit}s")
        rows = first[doc] + idx
        n_rows = int(first[-1])
        within = np.arange(n_rows, dtype=np.int64) - np.repeat(first[:-1], per_doc)
        docs = pd.DataFrame({"doc": pd.Series(doc_ids).take(np.repeat(np.arange(n_docs), per_doc)).to_numpy()
                             if n_docs else np.zeros(0, dtype=np.int64), unit: within})
    cols = cat_col[np.maximum(codes, 0)] if len(codes) else np.zeros(0, dtype=np.int64)
    keep = mapped & (cols >= 0) if len(codes) else np.zeros(0, dtype=bool)
    m = sparse.coo_matrix((np.ones(int(keep.sum()), dtype=np.int64), (rows[keep], cols[keep])),
                          shape=(n_rows, len(cand))).tocsr()
    m.sum_duplicates()
    entities = pd.DataFrame({"entity": all_ids[cand].tolist(), "name": names[cand].tolist(),
                             "kind": kinds[cand].tolist()})
    meta = {"unit": unit, "paragraphs": paragraphs, "level": level, "columns": columns, "n_docs": n_docs,
            "n_mentions": int(keep.sum()), "ambiguous_mentions": int(df["ambiguous"].sum()),
            "unmapped_mentions": int((~mapped).sum()) if level is not None else 0}
    return DocumentEntityMatrix(m, docs, entities, meta)
