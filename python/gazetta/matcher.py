"""The :class:`Matcher`: finds every mention of every alias of a gazetteer (SPEC §3, §6)."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Literal, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

import pandas as pd

from . import _core
from ._chunks import approx_chars, iter_chunks, known_length
from ._frames import ChunkCollector
from ._progress import make_bar
from .exceptions import GazettaError

__all__ = ["Matcher", "Match"]

CaseOpt = Literal["smart", "sensitive", "insensitive"]
OverlapsOpt = Literal["longest", "all"]
AmbiguousOpt = Literal["all", "skip"]

_CASES = ("smart", "sensitive", "insensitive")
_OVERLAPS = ("longest", "all")
_AMBIGUOUS = ("all", "skip")


def _check_choice(name: str, value: Any, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(repr(c) for c in choices)}; got {value!r}")
    return value


def _check_threads(n_threads: Optional[int]) -> Optional[int]:
    if n_threads is None:
        return None
    if isinstance(n_threads, bool) or not isinstance(n_threads, int) or n_threads < 1:
        raise ValueError(f"n_threads must be None or a positive int; got {n_threads!r}")
    return n_threads


class Match(NamedTuple):
    """One mention found by :meth:`Matcher.find`.

    Attributes
    ----------
    start, end : int
        Python ``str`` indices (code points): ``text[start:end]`` is the surface.
    entity, name, kind : str
        The entity's id, display name and kind.
    alias : str
        The alias (as written in the gazetteer) that matched.
    ambiguous : bool
        True when the same span is matched by aliases of several entities.

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("KP", "North Korea", kind="country", aliases=["DPRK"])
    >>> gazetta.Matcher(g).find("The DPRK said")[0]
    Match(start=4, end=8, entity='KP', name='North Korea', kind='country', alias='DPRK', ambiguous=False)
    """

    start: int
    end: int
    entity: str
    name: str
    kind: str
    alias: str
    ambiguous: bool


def _as_gazetteer(gazetteer: Any) -> Any:
    from .gazetteer import Gazetteer

    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, pd.DataFrame):
        return Gazetteer.from_dataframe(gazetteer)
    if isinstance(gazetteer, (str, os.PathLike)):
        p = str(gazetteer).lower()
        if p.endswith((".yml", ".yaml")):
            return Gazetteer.read_yaml(gazetteer)
        if p.endswith((".json", ".jsonl", ".json.gz", ".jsonl.gz")):
            return Gazetteer.read_json(gazetteer)
        return Gazetteer.read_csv(gazetteer)
    if isinstance(gazetteer, Iterable):
        return Gazetteer.from_records(gazetteer)
    raise TypeError(f"gazetteer must be a Gazetteer, DataFrame, path or iterable of records, not {type(gazetteer).__name__}")


class _AliasTable(Sequence[str]):
    """The matcher's unique alias texts, read from the core on demand (a list of every alias
    would hold 200k Python strs for GeoNames; frames only need the aliases they show)."""

    __slots__ = ("_core", "_n")

    def __init__(self, core: Any, n: int) -> None:
        self._core = core
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return self.take(range(*i.indices(self._n)))
        i = int(i)
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(f"alias index {i} out of range")
        return self._core.alias_texts([i])[0]

    def take(self, indices: Iterable[int]) -> List[str]:
        """The texts of several aliases in one call."""
        return self._core.alias_texts([int(i) for i in indices])


class Matcher:
    """A compiled gazetteer matcher (SPEC §3).

    Parameters
    ----------
    gazetteer : Gazetteer, DataFrame, path or iterable of records
        The entities and their aliases (anything :class:`~gazetta.Gazetteer` reads).
    case : {"smart", "sensitive", "insensitive"}, default "smart"
        ``"smart"``: the text matches the alias as written or in all capitals ("Turkey"
        matches Turkey and TURKEY, not turkey; "US" only US). ``"sensitive"``: exact.
        ``"insensitive"``: per-character simple lowercase. Per-alias records override it.
    fold_accents : bool, default False
        Compare letters without combining marks ("Sao Paulo" matches "São Paulo").
    overlaps : {"longest", "all"}, default "longest"
        ``"longest"``: leftmost, then longest candidate wins, overlapping ones are dropped.
        ``"all"``: every candidate, nested and overlapping ones included.
    ambiguous : {"all", "skip"}, default "all"
        A span matched by several entities' aliases is reported once per entity and flagged
        (``"all"``) or dropped (``"skip"``).
    ignore : iterable of str
        Phrases that compete as candidates but are never reported, e.g.
        ``["Jordan Peterson", "New Mexico"]`` stops "Jordan" and "Mexico" from matching
        inside them. With ``overlaps="all"`` an ignore phrase only removes itself.
    n_threads : int, optional
        Worker threads for batch calls (default: all cores). Results never depend on it.

    Notes
    -----
    *Empty gazetteer*: allowed; the matcher finds nothing (an empty DataFrame with the usual
    columns). *Lone surrogates* in a text (e.g. from ``errors="surrogateescape"``) are
    treated as U+FFFD (a non-word character that ends no sentence); offsets still index the
    original str.
    The same alias on the same span from two aliases of one entity is reported once, with
    the alias listed first in the gazetteer.

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer()
    >>> _ = g.add("KP", "North Korea", kind="country", aliases=["DPRK"])
    >>> _ = g.add("KR", "South Korea", kind="country", aliases=["Korea"])
    >>> m = gazetta.Matcher(g)
    >>> [(x.start, x.end, x.entity) for x in m.find("North  Korea’s DPRK, not Koreans")]
    [(0, 12, 'KP'), (15, 19, 'KP')]
    >>> m.mentions(["Korea and the DPRK", None]).loc[:, ["doc", "surface", "entity"]]
       doc surface entity
    0    0   Korea     KR
    1    0    DPRK     KP
    """

    #: Internal: pattern count from which the core builds its token gate (None: the core's
    #: default). Results never depend on it; tests set 0 or a huge value to check that.
    _gate_min_patterns: Optional[int] = None

    def __init__(self, gazetteer: Any, *, case: CaseOpt = "smart", fold_accents: bool = False,
                 overlaps: OverlapsOpt = "longest", ambiguous: AmbiguousOpt = "all",
                 ignore: Iterable[str] = (), n_threads: Optional[int] = None) -> None:
        _check_choice("case", case, _CASES)
        _check_choice("overlaps", overlaps, _OVERLAPS)
        _check_choice("ambiguous", ambiguous, _AMBIGUOUS)
        if not isinstance(fold_accents, bool):
            raise ValueError(f"fold_accents must be True or False; got {fold_accents!r}")
        if isinstance(ignore, str):
            raise TypeError("ignore must be a list of phrases, not a single str")
        ignore = list(ignore)
        for i, p in enumerate(ignore):
            if not isinstance(p, str):
                raise TypeError(f"ignore phrase #{i} is {type(p).__name__}, not str")
        self._n_threads = _check_threads(n_threads)
        gaz = _as_gazetteer(gazetteer)
        ids, names, kinds, texts, ents, cases, folds = gaz._flat()
        gaz_hash = gaz.content_hash()
        self._gazetteer = gaz
        self._core = _core.Matcher(list(ids), list(names), list(kinds), list(texts), list(ents), list(cases),
                                   list(folds), ignore, case, fold_accents, overlaps, ambiguous,
                                   _gazetteer_extra(gaz, gaz_hash), self._gate_min_patterns)
        del ids, names, kinds, texts, ents, cases, folds
        self._gazetteer_hash: Optional[str] = gaz_hash
        self._init_tables()
        _after_compile(self._core)

    # -- construction helpers -------------------------------------------------------------
    def _init_tables(self) -> None:
        t = self._core.entity_tables()
        self._tables: Dict[str, Any] = {
            "ids": t["ids"], "names": t["names"], "kinds": t["kinds"],
            "aliases": _AliasTable(self._core, int(t["n_aliases"])),
            "name_of": t["name_of"], "kind_of": t["kind_of"], "alias_of": t["alias_of"],
        }

    # Per-matcher tables for co-occurrence results, built on first use and kept (for 200k
    # entities each conversion costs about a millisecond, and every result needs them).
    @functools.cached_property
    def _arrays(self) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per entity: id, name and kind as read-only object arrays."""
        t = self._tables
        ids = np.asarray(t["ids"], dtype=object)
        names = np.asarray(t["names"], dtype=object)[np.asarray(t["name_of"], dtype=np.int64)]
        kinds = np.asarray(t["kinds"], dtype=object)[np.asarray(t["kind_of"], dtype=np.int64)]
        for a in (ids, names, kinds):
            a.flags.writeable = False
        return ids, names, kinds

    @functools.cached_property
    def _id_rank(self) -> Tuple[np.ndarray, bool]:
        """(rank of each entity's id in string order, whether the ids are unique)."""
        rank = np.asarray(self._core.id_ranks(), dtype=np.int64)
        ids = self._arrays[0]
        by_rank = np.empty(len(ids), dtype=object)
        by_rank[rank] = ids
        return rank, not (len(by_rank) > 1 and bool((by_rank[1:] == by_rank[:-1]).any()))

    @functools.cached_property
    def _strings(self) -> Tuple[Any, Any, Any]:
        """Per entity: id, name and kind as the string array pandas infers for them (None
        where pandas infers no string dtype)."""
        out = []
        for arr in self._arrays:
            inferred = pd.Series(arr, copy=False).array
            out.append(inferred if isinstance(inferred.dtype, pd.StringDtype) else None)
        return out[0], out[1], out[2]

    @classmethod
    def _from_core(cls, core: Any, n_threads: Optional[int] = None) -> "Matcher":
        self = cls.__new__(cls)
        self._core = core
        extra = core.extra
        self._gazetteer_hash = json.loads(extra).get("hash") if extra else None
        self._n_threads = n_threads
        self._gazetteer = None
        self._init_tables()
        _after_compile(core)
        return self

    # -- properties -----------------------------------------------------------------------
    @property
    def options(self) -> Dict[str, Any]:
        """The matching options (``case``, ``fold_accents``, ``overlaps``, ``ambiguous``,
        ``ignore``) and ``n_threads``.

        Examples
        --------
        >>> import gazetta
        >>> gazetta.Matcher(gazetta.Gazetteer().add("X", "Xland")).options["case"]
        'smart'
        """
        d = dict(self._core.options)
        d["n_threads"] = self._n_threads
        return d

    @property
    def n_threads(self) -> Optional[int]:
        """Worker threads for batch calls (None: all cores)."""
        return self._n_threads

    @property
    def gazetteer(self) -> Any:
        """The :class:`~gazetta.Gazetteer` this matcher was built from.

        Examples
        --------
        >>> import gazetta
        >>> len(gazetta.Matcher(gazetta.Gazetteer().add("X", "Xland")).gazetteer)
        1
        """
        if self._gazetteer is None:
            self._gazetteer = _gazetteer_from_core(self._core)
        return self._gazetteer

    @property
    def gazetteer_hash(self) -> Optional[str]:
        """The content hash of the gazetteer (:meth:`Gazetteer.content_hash`), computed once.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("X", "Xland")
        >>> gazetta.Matcher(g).gazetteer_hash == g.content_hash()
        True
        """
        if self._gazetteer_hash is None:
            self._gazetteer_hash = self.gazetteer.content_hash()
        return self._gazetteer_hash

    @property
    def memory_bytes(self) -> int:
        """Approximate heap size of the compiled automata and tables, in bytes."""
        return int(self._core.heap_bytes)

    def __len__(self) -> int:
        return len(self._tables["ids"])

    # -- matching -------------------------------------------------------------------------
    def find(self, text: Optional[str]) -> List[Match]:
        """All mentions in one text, in order of position.

        Parameters
        ----------
        text : str or None
            None (or NaN) is an empty text.

        Returns
        -------
        list of Match

        Raises
        ------
        TypeError
            If ``text`` is not a str, None or NaN.

        Examples
        --------
        >>> import gazetta
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("TR", "Turkey"))
        >>> [x.start for x in m.find("Turkey, TURKEY, turkey")]
        [0, 8]
        """
        t = self._tables
        found = self._core.find(text)
        alias_text = t["aliases"].take([t["alias_of"][a] for _, _, _, a, _ in found])
        return [Match(start, end, t["ids"][e], t["names"][t["name_of"][e]], t["kinds"][t["kind_of"][e]], at, amb)
                for (start, end, e, a, amb), at in zip(found, alias_text)]

    def mentions(self, texts: Any, *, ids: Optional[Sequence[Any]] = None, units: bool = False,
                 paragraphs: Literal["line", "blank"] = "line",
                 progress: Optional[bool] = None) -> pd.DataFrame:
        """Every mention in a collection of texts, as a DataFrame (SPEC §6).

        Parameters
        ----------
        texts : list, tuple, Series, ndarray or iterable of str (or of dicts with "text")
            The documents. None/NaN are empty documents. Iterables are streamed in chunks.
        ids : sequence, optional
            Document ids for the ``doc`` column (default: 0-based position).
        units : bool, default False
            Add ``paragraph`` and ``sentence`` columns: the 0-based index, within its
            document, of the paragraph and sentence in which each mention starts (-1 if it
            starts in whitespace between units).
        paragraphs : {"line", "blank"}, default "line"
            Paragraph rule used when ``units=True`` (SPEC §4).
        progress : bool or None
            Show a progress bar (None: only for large inputs, if tqdm is installed).

        Returns
        -------
        DataFrame
            Columns ``doc, start, end, surface, entity, name, kind, alias, ambiguous``
            (+ ``paragraph, sentence``), sorted by document and position; repeated strings
            are categoricals.

        Raises
        ------
        TypeError
            A text that is not str/None/NaN, naming its position.

        Examples
        --------
        >>> import gazetta
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"))
        >>> m.mentions(["Japan.", "", "JAPAN"], ids=["a", "b", "c"])[["doc", "start", "surface"]]
          doc  start surface
        0   a      0   Japan
        1   c      0   JAPAN
        """
        _check_choice("paragraphs", paragraphs, ("line", "blank"))
        if not isinstance(units, bool):
            raise ValueError(f"units must be True or False; got {units!r}")
        from .corpus import _mention_chunks

        n = known_length(texts)
        chunks, size, corpus_ids = _mention_chunks(texts, want_ids=ids is None)
        bar = make_bar(progress, total=n, size_bytes=size if size is not None else approx_chars(texts),
                       desc="matching")
        coll = ChunkCollector(self._tables)
        offset = 0
        unit_parts: List[Any] = []
        try:
            for chunk, chunk_ids in chunks:
                # Arrow string arrays (Parquet, Arrow-backed Series) go in without str objects.
                run = self._core.mentions if isinstance(chunk, list) else self._core.mentions_arrow
                d = run(chunk, offset, self._n_threads, bar.update_to, paragraphs if units else None)
                if corpus_ids is not None:
                    corpus_ids.extend(chunk_ids)
                coll.add(d)
                if units:
                    unit_parts.append((d["paragraph"], d["sentence"]))
                offset += len(chunk)
                bar.add(len(chunk))
        finally:
            bar.close()
        if ids is not None:
            if len(ids) != offset:
                raise ValueError(f"ids has {len(ids)} entries but there are {offset} texts")
        df = coll.frame(ids if corpus_ids is None else corpus_ids)
        if hasattr(texts, "_gazetta_meta"):
            df.attrs.update(texts._gazetta_meta())
        if units:
            import numpy as np

            if unit_parts:
                df["paragraph"] = np.concatenate([p for p, _ in unit_parts]).astype(np.int64)
                df["sentence"] = np.concatenate([s for _, s in unit_parts]).astype(np.int64)
            else:
                df["paragraph"] = np.zeros(0, dtype=np.int64)
                df["sentence"] = np.zeros(0, dtype=np.int64)
        return df

    def kwic(self, texts: Any, entity: Union[str, Sequence[str]], *, width: int = 60, n: Optional[int] = None,
             ids: Optional[Sequence[Any]] = None) -> pd.DataFrame:
        """Keyword in context: every mention of ``entity`` with the text around it.

        Parameters
        ----------
        texts : list, tuple, Series or ndarray of str
            The documents (in memory: the context is cut from them).
        entity : str or list of str
            Entity id(s).
        width : int, default 60
            Characters of context on each side (whitespace runs shown as one space).
        n : int, optional
            At most this many rows, in corpus order.
        ids : sequence, optional
            Document ids for the ``doc`` column.

        Returns
        -------
        DataFrame
            ``doc, start, end, entity, left, match, right``.

        Examples
        --------
        >>> import gazetta
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("KP", "North Korea", aliases=["DPRK"]))
        >>> m.kwic(["Talks with the DPRK resumed on Monday."], "KP", width=10)[["left", "match", "right"]]
                 left match       right
        0   with the   DPRK   resumed o
        """
        import re

        if isinstance(width, bool) or not isinstance(width, int) or width < 0:
            raise ValueError(f"width must be a non-negative int; got {width!r}")
        wanted = {entity} if isinstance(entity, str) else set(entity)
        unknown = wanted - set(self._tables["ids"])
        if unknown:
            raise KeyError(f"unknown entity id(s): {sorted(unknown)}")
        seq = texts.tolist() if isinstance(texts, (pd.Series,)) else list(texts)
        if ids is not None and len(ids) != len(seq):
            raise ValueError(f"ids has {len(ids)} entries but there are {len(seq)} texts")
        id_list = list(ids) if ids is not None else None
        df = self.mentions(seq, progress=False)
        df = df[df["entity"].isin(wanted)]
        if n is not None:
            df = df.head(n)
        ws = re.compile(r"\s+")
        rows = []
        for d, s0, e0, ent in zip(df["doc"], df["start"], df["end"], df["entity"]):
            t = seq[int(d)]
            rows.append((id_list[int(d)] if id_list is not None else int(d), int(s0), int(e0), ent,
                         ws.sub(" ", t[max(0, s0 - width):s0]), t[s0:e0], ws.sub(" ", t[e0:e0 + width])))
        return pd.DataFrame(rows, columns=["doc", "start", "end", "entity", "left", "match", "right"])

    # -- persistence ----------------------------------------------------------------------
    def save(self, path: Union[str, os.PathLike]) -> None:
        """Writes the matcher (gazetteer, ignore phrases, options) to ``path`` in a versioned
        JSON format (never pickle), atomically. :meth:`load` rebuilds it.

        Examples
        --------
        >>> import gazetta, tempfile, os
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"), case="sensitive")
        >>> p = os.path.join(tempfile.mkdtemp(), "m.gazetta")
        >>> m.save(p)
        >>> gazetta.Matcher.load(p).options["case"]
        'sensitive'
        """
        data = self._core.to_bytes()
        path = Path(path)
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Union[str, os.PathLike], *, n_threads: Optional[int] = None) -> "Matcher":
        """Reads a matcher written by :meth:`save`.

        Raises
        ------
        GazettaError
            The file is not a gazetta matcher, has another format version, or is truncated
            or corrupt.
        """
        with open(path, "rb") as f:
            data = f.read()
        try:
            core = _core.Matcher.from_bytes(data)
        except GazettaError as e:
            raise type(e)(f"{path}: {e}") from None
        return cls._from_core(core, _check_threads(n_threads))

    def __reduce__(self) -> Any:
        return (_unpickle, (self._core.to_bytes(), self._n_threads))

    # -- display --------------------------------------------------------------------------
    def __repr__(self) -> str:
        o = self._core.options
        return (f"<gazetta.Matcher: {len(self)} entities, {len(self._tables['aliases'])} aliases, "
                f"{self._core.pattern_count} patterns, case={o['case']!r}, fold_accents={o['fold_accents']}, "
                f"overlaps={o['overlaps']!r}, ambiguous={o['ambiguous']!r}, ignore={len(o['ignore'])} phrases, "
                f"~{self.memory_bytes / 1e6:.1f} MB>")

    def _repr_html_(self) -> str:
        import html

        o = self._core.options
        rows = "".join(f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
                       for k, v in [("entities", len(self)), ("aliases", len(self._tables["aliases"])),
                                    ("automaton patterns", self._core.pattern_count),
                                    ("memory", f"~{self.memory_bytes / 1e6:.1f} MB"),
                                    ("case", o["case"]), ("fold_accents", o["fold_accents"]),
                                    ("overlaps", o["overlaps"]), ("ambiguous", o["ambiguous"]),
                                    ("ignore", ", ".join(o["ignore"][:10]) or "—"),
                                    ("n_threads", self._n_threads or f"all ({_core.default_threads()})")])
        return f"<div><b>gazetta.Matcher</b><table>{rows}</table></div>"


# From this many automaton patterns on, compiling frees enough scratch (tens to hundreds of
# MB) that handing it back to the OS is worth the 1-2 ms.
_TRIM_MIN_PATTERNS = 20_000


def _after_compile(core: Any) -> None:
    """Returns the memory a large compile freed to the OS (glibc keeps it otherwise: the
    process stays about 190 MB above the start after compiling the 220k GeoNames aliases,
    80 MB with this)."""
    if core.pattern_count >= _TRIM_MIN_PATTERNS:
        _core.release_free_memory()


def _unpickle(data: bytes, n_threads: Optional[int]) -> Matcher:
    return Matcher._from_core(_core.Matcher.from_bytes(data), n_threads)


def _gazetteer_extra(gaz: Any, gaz_hash: str) -> str:
    """JSON stored with a saved or pickled matcher: the gazetteer's content hash (so results
    can name it without rebuilding the gazetteer) and the entities' attributes."""
    attrs = [e.attrs for e in gaz]
    extra: Dict[str, Any] = {"hash": gaz_hash}
    if any(attrs):
        extra["attrs"] = attrs
    return json.dumps(extra, ensure_ascii=False, default=str)


def _gazetteer_from_core(core: Any) -> Any:
    from .gazetteer import Gazetteer

    t = core.entity_tables()
    ids, names, kinds = t["ids"], t["names"], t["kinds"]
    name_of, kind_of = t["name_of"], t["kind_of"]
    extra = core.extra
    attrs: List[Dict[str, Any]] = (json.loads(extra).get("attrs") if extra else None) or [{} for _ in ids]
    aliases: List[List[Any]] = [[] for _ in ids]
    for text, ent, case, fold in core.alias_inputs():
        if case is None and fold is None:
            aliases[ent].append(text)
        else:
            rec: Dict[str, Any] = {"text": text}
            if case is not None:
                rec["case"] = case
            if fold is not None:
                rec["fold_accents"] = fold
            aliases[ent].append(rec)
    records = []
    for i, eid in enumerate(ids):
        rec = {"id": eid, "name": names[name_of[i]], "kind": kinds[kind_of[i]], "aliases": aliases[i]}
        rec.update(attrs[i] if i < len(attrs) else {})
        records.append(rec)
    return Gazetteer.from_records(records)
