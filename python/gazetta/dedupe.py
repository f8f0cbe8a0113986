"""Exact and near-duplicate documents (issue 9): :func:`duplicates`, and the ``dedupe=`` option
of :func:`gazetta.cooccurrence` that counts each story once.

The work is done in Rust (``src/core/dedupe.rs``): whitespace-normalised XXH3-128 hashes for
exact copies, MinHash signatures of word shingles with LSH banding for near copies. Documents
are assigned to clusters in corpus order by a streaming deduper that keeps hashes and
signatures, never texts; see ``docs/dedupe.md`` for the definitions and measured accuracy.
"""

from __future__ import annotations

from typing import Any, List, Literal, Optional, Tuple

import numpy as np
import pandas as pd

from . import _core
from . import _input
from ._progress import make_bar
from .matcher import _check_choice, _check_threads

__all__ = ["duplicates"]

#: Values of ``cooccurrence(dedupe=...)``.
DEDUPE_MODES = ("none", "exact", "near")
#: Values of the ``kind`` column of :func:`duplicates` (its category order).
KINDS = ["original", "exact", "near"]
#: Group code that makes the counter skip a document without counting it anywhere
#: (``SKIP_GROUP`` in ``src/core/cooccur.rs``).
SKIP_GROUP = np.uint32(0xFFFFFFFE)
#: Default seed of the word hashes and MinHash permutations.
DEFAULT_SEED = 1


def _add(d: Any, texts: Any, offset: int, n_threads: Optional[int], progress: Any = None) -> Tuple[Any, Any, Any]:
    """``Deduper.add`` on a chunk: a list of str/None, or an Arrow string array (zero-copy)."""
    if isinstance(texts, list):
        return d.add(texts, offset, n_threads, progress)
    return d.add_arrow(texts, offset, n_threads, progress)


def _check_options(threshold: Any, shingle: Any, num_perm: Any, bands: Any, seed: Any) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float, np.integer, np.floating)) or not (
            0 < float(threshold) <= 1):
        raise ValueError(f"threshold must be a number in (0, 1]; got {threshold!r}")
    for name, v, lo, hi in (("shingle", shingle, 1, None), ("num_perm", num_perm, 1, 1024)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < lo or (hi is not None and v > hi):
            rng = f"in {lo}..{hi}" if hi else f">= {lo}"
            raise ValueError(f"{name} must be an int {rng}; got {v!r}")
    if bands is not None and (isinstance(bands, bool) or not isinstance(bands, (int, np.integer))
                              or not 1 <= bands <= num_perm):
        raise ValueError(f"bands must be None or an int in 1..num_perm ({num_perm}); got {bands!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**64:
        raise ValueError(f"seed must be an int in 0..2**64-1; got {seed!r}")


def duplicates(corpus: Any, *, text: str = "text", id: Optional[str] = None,
               mode: Literal["near", "exact"] = "near", threshold: float = 0.9, shingle: int = 5,
               num_perm: int = 128, bands: Optional[int] = None, seed: int = DEFAULT_SEED,
               n_threads: Optional[int] = None, progress: Optional[bool] = None) -> pd.DataFrame:
    """Finds exact and near-duplicate documents and assigns every document to a cluster.

    Documents are taken in corpus order; the first document of a cluster is its
    *original*. A document whose normalised text (runs of Unicode whitespace → one space,
    trimmed) equals an earlier one's is an *exact* copy and gets that document's cluster. Else
    (``mode="near"``) it joins the cluster of the **earliest original** whose estimated Jaccard
    similarity of word ``shingle``-shingle sets to it is at least ``threshold`` (a *near*
    copy); else it starts a new cluster. Every member is thus verified against its cluster's
    original, and similarity is not made transitive. Empty documents are never duplicates.
    The result is the same for any ``n_threads`` and any chunking of a stream.

    Parameters
    ----------
    corpus : DataFrame, list/tuple/Series of str, iterable of str or dicts, or a corpus from
        :func:`gazetta.read_corpus`. Streams are read in chunks; only hashes and signatures
        are kept (``4·num_perm`` bytes per cluster plus a small index), never texts.
    text, id : str
        Column (or dict key) of the text and of the document id. Without ``id``, documents
        are named by their 0-based position (a ``read_corpus`` corpus uses its own id field).
    mode : {"near", "exact"}, default "near"
        ``"exact"`` finds exact copies only (no signatures: faster, less memory).
    threshold : float, default 0.9
        Minimum estimated Jaccard similarity, in (0, 1].
    shingle : int, default 5
        Words per shingle (words: maximal runs of non-whitespace; case and punctuation kept).
    num_perm : int, default 128
        MinHash signature length (1..1024). The estimate's standard error is
        ``sqrt(J(1-J)/num_perm)``: 0.027 at J = 0.9 with 128.
    bands : int, optional
        LSH bands (rows = ``num_perm // bands``). Default: chosen from ``threshold`` so that a
        pair at the threshold becomes a candidate with probability ≥ 0.99 (10 × 12 at 0.9).
    seed : int, default 1
        Seed of the word hashes and permutations; results are identical on every machine.
    n_threads : int, optional
        Worker threads for hashing (default: all cores). Results never depend on it.
    progress : bool or None
        Progress bar (None: only for large inputs, if tqdm is installed).

    Returns
    -------
    DataFrame
        One row per document, in corpus order: ``doc`` (id or position), ``cluster`` (id or
        position of the cluster's original), ``similarity`` (estimated Jaccard similarity to
        the original; 1.0 for the original and its exact copies) and ``kind``
        (categorical: ``"original"``, ``"exact"``, ``"near"``). When some documents have
        the id of an earlier one, ``attrs["duplicate_ids"]`` counts them (with a
        ``DuplicateIdsWarning``).

    Raises
    ------
    ValueError
        For an invalid option (the message lists the valid values).
    TypeError
        For a text that is neither str nor None/NaN (naming its position).

    Examples
    --------
    >>> from gazetta.dedupe import duplicates  # also exported as gazetta.duplicates
    >>> story = "The central bank raised its key interest rate by half a point on Tuesday, citing inflation."
    >>> docs = [story, "Markets were calm.", story.replace(" ", "  "), story.replace("Tuesday", "Wednesday")]
    >>> duplicates(docs, threshold=0.5)
       doc  cluster  similarity      kind
    0    0        0    1.000000  original
    1    1        1    1.000000  original
    2    2        0    1.000000     exact
    3    3        0    0.578125      near
    """
    _check_choice("mode", mode, ("near", "exact"))
    _check_options(threshold, shingle, num_perm, bands, seed)
    n_threads = _check_threads(n_threads)
    d = _core.Deduper(mode, float(threshold), int(shingle), int(num_perm), None if bands is None else int(bands),
                      int(seed))
    source = _input.open_corpus(corpus, text=text, id=id)
    bar = make_bar(progress, total=source.total, size_bytes=source.size, desc="deduplicating")
    clusters: List[np.ndarray] = []
    sims: List[np.ndarray] = []
    kinds: List[np.ndarray] = []
    ids: Optional[List[Any]] = None
    offset = 0
    try:
        for texts, chunk_ids, _ in source.chunks(ids=source.id_field is not None):
            c, s, k = _add(d, texts, offset, n_threads, bar.update_to)
            clusters.append(c)
            sims.append(s)
            kinds.append(k)
            if chunk_ids is not None:
                if ids is None:
                    ids = []
                ids.extend(chunk_ids)
            offset += len(texts)
            bar.add(len(texts))
    finally:
        bar.close()
    cluster = np.concatenate(clusters).astype(np.int64) if clusters else np.zeros(0, dtype=np.int64)
    similarity = np.concatenate(sims) if sims else np.zeros(0, dtype=np.float64)
    kind = np.concatenate(kinds).astype(np.int8) if kinds else np.zeros(0, dtype=np.int8)
    if ids is not None:
        id_arr = np.empty(len(ids), dtype=object)
        id_arr[:] = ids
        doc: Any = id_arr
        cluster_col: Any = id_arr[cluster]
    else:
        doc = np.arange(offset, dtype=np.int64)
        cluster_col = cluster
    out = pd.DataFrame({
        "doc": doc,
        "cluster": cluster_col,
        "similarity": similarity,
        "kind": pd.Categorical.from_codes(kind, categories=KINDS),
    })
    dup_ids = source.duplicate_ids() if ids is not None else 0
    _input.warn_duplicate_ids(dup_ids, f"id field {source.id_field!r}", stacklevel=2, counted_in="attrs")
    if dup_ids:
        out.attrs["duplicate_ids"] = dup_ids
    return out


class _Folder:
    """The ``dedupe=`` hook of :func:`gazetta.cooccurrence`: per chunk, the group codes with
    every document folded into an earlier one set to :data:`SKIP_GROUP`, so that it is
    counted nowhere (not in ``n``, not in ``missing_key_docs``) and its group key is never
    seen. Near mode uses the defaults of :func:`duplicates`."""

    def __init__(self, mode: str, n_threads: Optional[int]) -> None:
        _check_choice("dedupe", mode, DEDUPE_MODES)
        self.mode = mode
        self.n_threads = n_threads
        self.docs = 0
        self._d = None if mode == "none" else _core.Deduper(mode, 0.9, 5, 128, None, DEFAULT_SEED)

    def codes(self, grouper: Any, meta: Optional[pd.DataFrame], texts: Any, offset: int) -> np.ndarray:
        n = len(texts)
        self.docs += n
        if self._d is None:
            return grouper.codes(meta, n)
        _, _, kind = _add(self._d, texts, offset, self.n_threads)
        keep = np.flatnonzero(kind == 0)
        if len(keep) == n:
            return grouper.codes(meta, n)
        codes = np.full(n, SKIP_GROUP, dtype=np.uint32)
        codes[keep] = grouper.codes(None if meta is None else meta.iloc[keep], len(keep))
        return codes

    def meta(self) -> dict:
        """``{"mode", "docs", "clusters", "folded"}`` (+ ``"exact"``/``"near"`` folded counts
        and the near-mode settings)."""
        if self._d is None:
            return {"mode": "none", "docs": self.docs, "clusters": self.docs, "folded": 0}
        exact, near = self._d.folded
        out = {"mode": self.mode, "docs": int(self._d.docs), "clusters": int(self._d.clusters),
               "folded": int(exact + near), "exact": int(exact), "near": int(near)}
        if self.mode == "near":
            out.update({"threshold": 0.9, "shingle": 5, "num_perm": 128, "bands": int(self._d.bands),
                        "rows": int(self._d.rows), "seed": DEFAULT_SEED})
        return out
