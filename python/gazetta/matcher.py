"""The :class:`Matcher`: finds every mention of every alias of a gazetteer (docs/matching.md)."""

from __future__ import annotations

import functools
import json
import os
from typing import Any, Dict, Iterable, List, Literal, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

import pandas as pd

from . import _core
from . import _input
from ._atomic import write_atomic
from ._frames import RESOLVED_BY, ChunkCollector, categorical
from ._progress import make_bar
from .exceptions import GazettaError

__all__ = ["Matcher", "Match"]

CaseOpt = Literal["smart", "sensitive", "insensitive"]
OverlapsOpt = Literal["longest", "all"]
AmbiguousOpt = Literal["resolve", "all", "skip"]
RunsOpt = Literal["companies", "skip", "keep"]

_CASES = ("smart", "sensitive", "insensitive")
_OVERLAPS = ("longest", "all")
_AMBIGUOUS = ("resolve", "all", "skip")
_RUNS = ("companies", "skip", "keep")


def _check_choice(name: str, value: Any, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(repr(c) for c in choices)}; got {value!r}")
    return value


#: The documented floor of the thread limit: ``n_threads`` may be at most the larger of this
#: and the number of CPUs (:func:`max_threads`).
MAX_THREADS = 256


def max_threads() -> int:
    """The largest ``n_threads`` a call accepts: 256, or the number of CPUs if larger.

    Examples
    --------
    >>> from gazetta.matcher import max_threads
    >>> max_threads() >= 256
    True
    """
    return max(MAX_THREADS, int(_core.default_threads()))


def _check_threads(n_threads: Optional[int]) -> Optional[int]:
    """``n_threads`` as given (None: all cores), or a ValueError: a positive int up to
    :func:`max_threads` (more threads than cores never speed up this CPU-bound work, and
    ``n_threads=10**6`` must not start a million threads)."""
    if n_threads is None:
        return None
    if isinstance(n_threads, bool) or not isinstance(n_threads, (int, np.integer)) or n_threads < 1:
        raise ValueError(f"n_threads must be None or a positive int; got {n_threads!r}")
    if n_threads <= MAX_THREADS:  # always allowed: no need to ask for the number of CPUs
        return int(n_threads)
    limit = max_threads()
    if n_threads > limit:
        raise ValueError(f"n_threads must be at most {limit} (the larger of {MAX_THREADS} and the number of CPUs); "
                         f"got {n_threads!r}")
    return int(n_threads)


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
        True when the span is matched by aliases of several entities and resolution left
        more than one (each remaining candidate is a ``Match`` of its own).
    resolved_by : str
        How a span that several entities share was decided: ``""`` (not ambiguous),
        ``"list"``, ``"context"``, ``"document"``, ``"support"``, ``"prior"`` or ``"none"`` (undecided; see
        :class:`Matcher`'s ``ambiguous`` option).

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("KP", "North Korea", kind="country", aliases=["DPRK"])
    >>> gazetta.Matcher(g).find("The DPRK said")[0]
    Match(start=4, end=8, entity='KP', name='North Korea', kind='country', alias='DPRK', ambiguous=False, resolved_by='')
    """

    start: int
    end: int
    entity: str
    name: str
    kind: str
    alias: str
    ambiguous: bool
    resolved_by: str = ""


def _as_gazetteer(gazetteer: Any) -> Any:
    from .gazetteer import Gazetteer

    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, pd.DataFrame):
        return Gazetteer.from_dataframe(gazetteer)
    builtin = _input.builtin_gazetteer(gazetteer)  # "countries", "countries:LANG" (as the CLI)
    if builtin is not None:
        return builtin
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
        if isinstance(indices, np.ndarray):
            return self._core.alias_texts(indices.tolist())  # one C loop, not a Python one
        return self._core.alias_texts([int(i) for i in indices])


class Matcher:
    """A compiled gazetteer matcher (docs/matching.md).

    Parameters
    ----------
    gazetteer : Gazetteer, DataFrame, path, name or iterable of records
        The entities and their aliases (anything :class:`~gazetta.Gazetteer` reads), or
        the name of a built-in gazetteer, ``"countries"`` or ``"countries:LANG"``
        (:func:`gazetta.gazetteers.countries`), as on the command line.
    case : {"smart", "sensitive", "insensitive"}, default "smart"
        ``"smart"``: the text matches the alias as written or in all capitals ("Turkey"
        matches Turkey and TURKEY, not turkey; "US" only US). ``"sensitive"``: exact.
        ``"insensitive"``: per-character simple lowercase. Per-alias records override it.
    fold_accents : bool, default False
        Compare letters without combining marks ("Sao Paulo" matches "São Paulo").
    overlaps : {"longest", "all"}, default "longest"
        ``"longest"``: leftmost, then longest candidate wins, overlapping ones are dropped.
        ``"all"``: every candidate, nested and overlapping ones included.
    ambiguous : {"resolve", "all", "skip"}, default "resolve"
        What to do with a span that aliases of several entities match ("Georgia": the
        country or the US state). ``"resolve"`` chooses, per document, in this order:
        *list* (a span in a list, "France, Georgia and Italy", takes its one candidate of the
        kind of the list's unambiguous mentions, unless one of them is the candidate's
        ancestor or descendant: "Atlanta, Georgia" is left to context), *context* (the candidates whose ancestor, child or sibling in the gazetteer's
        ``parent`` hierarchy is mentioned unambiguously in the same document: "Georgia …
        Atlanta" is the state), *document* (a candidate mentioned unambiguously elsewhere in
        the document, or chosen by context for another span of it: one sense per document),
        *support* (the candidate related to more of the document's other spans, ambiguous ones
        included, than any other: "Gainesville … Hall County … Georgia" agree on the state),
        *prior* (the candidate whose ``prior`` attribute, e.g. population, is at least
        ``prior_ratio`` times every other's); a span still undecided is reported once per remaining
        candidate, flagged ``ambiguous=True``. The ``resolved_by`` column says which step
        decided. Without parents or priors in the gazetteer only the *document* step can
        decide. ``"all"``: no resolution, every candidate reported and flagged. ``"skip"``:
        ambiguous spans are dropped. See ``docs/resolution.md``.
    prior_ratio : float, default 10.0
        The margin of the *prior* step of ``ambiguous="resolve"``: the largest prior must be
        at least this many times every other remaining candidate's. The default decides only
        clear cases (Paris, France against Paris, Texas: 85 times); a population is a poor
        guide between kinds (Georgia the US state has 2.9 times the people of the country). ``float("inf")``: priors
        never decide; ``1``: the largest prior always wins (ties stay undecided).
    capitalized_runs : {"companies", "skip", "keep"}, default "companies"
        Candidates inside longer runs of capitalised words. ``"companies"`` (the default): a
        name-form candidate (a capitalised word, not an acronym such as "U.S.") is dropped
        when the words after it stay capitalised (or "&") up to a company suffix — Corp, Inc,
        Co, Ltd, Plc, AG, SA, NV, Holdings and others, within six words ("American Barrick
        Resources Corp", "China American Petrochemical Co", "Canadian Pacific Air Lines
        Ltd"). ``"skip"`` drops those and also a candidate when any longer run of capitalised
        words goes on after it ("American Psychological Association", "Georgia Power",
        "Dublin Road") or when it follows "<Capitalised word> of" ("Bank of America"), unless
        the run goes on with a title or a state body ("Russian Foreign Minister", "South
        Korean President", "Israeli Army", "President of France"). ``"keep"`` drops nothing.
        Dropped candidates are counted (``mentions(...).attrs["removed_by_runs"]``,
        ``Cooccurrence.meta``). Why ``"companies"`` is the default: a story about a firm is
        not a mention of the country in its name, and the suffix makes the firm certain;
        ``"skip"`` also drops true mentions ("West German Bundesbank President") and, on a
        gold corpus of news whose annotators counted place names inside organisation names
        ("Georgia Bureau of Investigation"), more true mentions than false ones
        (``docs/resolution.md`` has the numbers).
    ignore : iterable of str
        Phrases that compete as candidates but are never reported, e.g.
        ``["Jordan Peterson", "New Mexico"]`` stops "Jordan" and "Mexico" from matching
        inside them. With ``overlaps="all"`` an ignore phrase only removes itself.
    n_threads : int, optional
        Worker threads for batch calls (default: all cores). Results never depend on it.

    Notes
    -----
    *Context rules*: an entity attribute or alias field ``not_before`` / ``not_after``
    lists phrases that must not directly follow / precede a candidate ("Georgia"
    ``not_before=["Power"]``); they remove candidates before overlaps are resolved, and the
    removals are counted (``attrs["removed_by_rules"]``). *Hierarchy*: the ``parent`` and
    ``prior`` attributes feed ``ambiguous="resolve"`` and ``level=``.
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

    A built-in gazetteer by name:

    >>> [x.entity for x in gazetta.Matcher("countries:de").find("Japan und Frankreich")]
    ['JP', 'FR']
    """

    #: Internal: pattern count from which the core builds its token gate (None: the core's
    #: default). Results never depend on it; tests set 0 or a huge value to check that.
    _gate_min_patterns: Optional[int] = None

    def __init__(self, gazetteer: Any, *, case: CaseOpt = "smart", fold_accents: bool = False,
                 overlaps: OverlapsOpt = "longest", ambiguous: AmbiguousOpt = "resolve",
                 capitalized_runs: RunsOpt = "companies", prior_ratio: float = 10.0, ignore: Iterable[str] = (),
                 n_threads: Optional[int] = None) -> None:
        _check_choice("case", case, _CASES)
        _check_choice("overlaps", overlaps, _OVERLAPS)
        _check_choice("ambiguous", ambiguous, _AMBIGUOUS)
        _check_choice("capitalized_runs", capitalized_runs, _RUNS)
        if isinstance(prior_ratio, bool) or not isinstance(prior_ratio, (int, float, np.integer, np.floating)) \
                or not prior_ratio >= 1:
            raise ValueError(f"prior_ratio must be a number >= 1 (float('inf'): priors never decide); "
                             f"got {prior_ratio!r}")
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
        eng = gaz._engine_tables()
        self._gazetteer = gaz
        parents = eng["parents"] if any(p >= 0 for p in eng["parents"]) else []
        priors = eng["priors"] if any(p == p for p in eng["priors"]) else []
        self._core = _core.Matcher(list(ids), list(names), list(kinds), list(texts), list(ents), list(cases),
                                   list(folds), ignore, case, fold_accents, overlaps, ambiguous,
                                   _gazetteer_extra(gaz, gaz_hash), self._gate_min_patterns,
                                   capitalized_runs, parents, priors, eng["entity_rules"], eng["alias_rules"],
                                   None if prior_ratio == 10.0 else float(prior_ratio))
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
        ``capitalized_runs``, ``prior_ratio``, ``ignore``) and ``n_threads``.

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

        For a corpus, call :meth:`mentions` once rather than ``find`` in a loop: it matches in
        parallel and reads each str's own characters (``find`` reads one text through the
        interpreter, which leaves a non-ASCII str holding a cached UTF-8 copy).

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
        alias_text = t["aliases"].take([t["alias_of"][a] for _, _, _, a, _, _ in found])
        return [Match(start, end, t["ids"][e], t["names"][t["name_of"][e]], t["kinds"][t["kind_of"][e]], at, amb,
                      RESOLVED_BY[rb])
                for (start, end, e, a, amb, rb), at in zip(found, alias_text)]

    def mentions(self, texts: Any, *, ids: Optional[Sequence[Any]] = None, units: bool = False,
                 paragraphs: Literal["auto", "line", "blank"] = "auto", level: Optional[str] = None,
                 progress: Optional[bool] = None) -> pd.DataFrame:
        """Every mention in a collection of texts, as a DataFrame.

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
        paragraphs : {"auto", "line", "blank"}, default "auto"
            Paragraph rule used when ``units=True``: every line break, only blank lines
            (and indented lines in text that indents its paragraphs), or decided per
            document (``"auto"``: ``"blank"`` for hard-wrapped text; see ``docs/units.md``).
        level : str, optional
            A kind ("country"): adds the columns ``level_entity`` and ``level_name``, the
            nearest ancestor-or-self of that kind in the gazetteer's ``parent`` hierarchy
            (Moscow -> RU); missing where the entity has none.
        progress : bool or None
            Show a progress bar (None: only for large inputs, if tqdm is installed).

        Returns
        -------
        DataFrame
            Columns ``doc, start, end, surface, entity, name, kind, alias, ambiguous,
            resolved_by`` (+ ``paragraph, sentence``, + ``level_entity, level_name``), sorted
            by document and position; repeated strings are categoricals. ``attrs`` holds
            ``removed_by_rules`` and ``removed_by_runs``: the candidates that context rules
            and ``capitalized_runs`` removed, and ``duplicate_ids`` when some
            documents have the id of an earlier one (``ids=`` or the corpus's id field;
            with a ``DuplicateIdsWarning``).

        Raises
        ------
        TypeError
            A text that is not str/None/NaN, naming its position.
        ValueError
            If ``level`` names a kind that no entity has (the message lists the kinds).

        Examples
        --------
        >>> import gazetta
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"))
        >>> m.mentions(["Japan.", "", "JAPAN"], ids=["a", "b", "c"])[["doc", "start", "surface"]]
          doc  start surface
        0   a      0   Japan
        1   c      0   JAPAN
        """
        _check_choice("paragraphs", paragraphs, ("auto", "line", "blank"))
        if not isinstance(units, bool):
            raise ValueError(f"units must be True or False; got {units!r}")
        level_map = self._level_map(level) if level is not None else None
        source = _input.open_corpus(texts, what="texts", frames=False)
        # A corpus of read_corpus names its documents by its id field.
        corpus_ids: Optional[List[Any]] = [] if ids is None and source.id_field is not None else None
        chunks = source.chunks(ids=corpus_ids is not None)
        bar = make_bar(progress, total=source.total, size_bytes=source.size, desc="matching")
        coll = ChunkCollector(self._tables)
        offset = 0
        unit_parts: List[Any] = []
        try:
            for chunk, chunk_ids, _ in chunks:
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
            dup_ids = _input.duplicate_ids(ids)
        else:
            dup_ids = source.duplicate_ids() if corpus_ids is not None else 0
        _input.warn_duplicate_ids(dup_ids, "ids=" if ids is not None else f"id field {source.id_field!r}",
                                  stacklevel=2, counted_in="attrs")
        df = coll.frame(ids if corpus_ids is None else corpus_ids)
        df.attrs.update(source.extra_meta())
        if dup_ids:
            df.attrs["duplicate_ids"] = dup_ids
        df.attrs["removed_by_rules"] = coll.removed_by_rules
        df.attrs["removed_by_runs"] = coll.removed_by_runs
        if level_map is not None:
            self._add_level_columns(df, level_map)
        if units:
            import numpy as np

            if unit_parts:
                df["paragraph"] = np.concatenate([p for p, _ in unit_parts]).astype(np.int64)
                df["sentence"] = np.concatenate([s for _, s in unit_parts]).astype(np.int64)
            else:
                df["paragraph"] = np.zeros(0, dtype=np.int64)
                df["sentence"] = np.zeros(0, dtype=np.int64)
        return df

    def dfm(self, texts: Any, *, unit: Literal["document", "paragraph", "sentence"] = "document",
            ids: Optional[Sequence[Any]] = None, paragraphs: Literal["auto", "line", "blank"] = "auto",
            level: Optional[str] = None, columns: Literal["all", "found"] = "all",
            progress: Optional[bool] = None) -> Any:
        """The document × entity matrix: how often each entity is mentioned in each document
        (or paragraph, or sentence), as quanteda's ``dfm_lookup``.

        Counts the rows of :meth:`mentions` (same matching, same corpus forms, streamed or
        in memory); an ambiguous span left open counts once for each of its candidates.

        Parameters
        ----------
        texts : list, tuple, Series, ndarray, Arrow array, corpus or iterable
            The documents, in any form :meth:`mentions` takes.
        unit : {"document", "paragraph", "sentence"}, default "document"
            The rows: every document, or every paragraph or sentence of every document
            (units without mentions too), split as in :meth:`mentions` with ``units=True``.
        ids : sequence, optional
            Document ids (default: the corpus's id field, else the 0-based position).
        paragraphs : {"auto", "line", "blank"}, default "auto"
            The paragraph rule (see :meth:`mentions`).
        level : str, optional
            A kind ("country"): count each mention for its nearest ancestor-or-self of that
            kind (Moscow -> RU); mentions without one are left out (``meta["unmapped_mentions"]``).
        columns : {"all", "found"}, default "all"
            ``"all"``: a column for every entity of the gazetteer (of kind ``level``), so that
            matrices of different corpora line up; ``"found"``: only entities mentioned.
        progress : bool or None
            Show a progress bar (None: only for large inputs).

        Returns
        -------
        gazetta._dfm.DocumentEntityMatrix
            ``.matrix`` (``scipy.sparse.csr_matrix`` of int64 counts), ``.docs`` (the row
            labels: ``doc``, and the unit index for paragraphs and sentences), ``.entities``
            (the column labels: ``entity, name, kind``, sorted by id), ``.meta``;
            ``.to_frame()`` gives a labelled DataFrame of sparse columns.

        Examples
        --------
        >>> import gazetta
        >>> m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan").add("US", "United States"))
        >>> d = m.dfm(["Japan and Japan.", "No one.", "United States, Japan."])
        >>> d.matrix.toarray().tolist(), d.doc_ids, d.entity_ids
        ([[2, 0], [0, 0], [1, 1]], [0, 1, 2], ['JP', 'US'])
        """
        from ._dfm import dfm

        return dfm(self, texts, unit=unit, ids=ids, paragraphs=paragraphs, level=level, columns=columns,
                   progress=progress)

    def _level_map(self, kind: Any) -> np.ndarray:
        """Per entity index, its nearest ancestor-or-self of ``kind`` (-1: none)."""
        if not isinstance(kind, str):
            raise TypeError(f"level must be a kind (str), not {type(kind).__name__}")
        kinds = set(self._tables["kinds"][k] for k in np.unique(np.asarray(self._tables["kind_of"])))
        if kind not in kinds:
            listed = ", ".join(repr(k) for k in sorted(kinds)) or "none (the gazetteer is empty)"
            raise ValueError(f"level={kind!r}: no entity has that kind; the kinds are {listed}")
        return np.asarray(self._core.level_map(kind), dtype=np.int64)

    def _add_level_columns(self, df: pd.DataFrame, level_map: np.ndarray) -> None:
        ids, names, _ = self._arrays
        pos = {e: i for i, e in enumerate(ids)}
        ent = df["entity"]
        cats = list(ent.cat.categories)
        mapped = level_map[np.array([pos[c] for c in cats], dtype=np.int64)] if cats else np.zeros(0, np.int64)
        codes = np.asarray(ent.cat.codes, dtype=np.int64)
        target = mapped[codes] if len(codes) else np.zeros(0, dtype=np.int64)
        used = np.unique(target[target >= 0])
        remap = np.full(len(ids), -1, dtype=np.int32)
        remap[used] = np.arange(len(used), dtype=np.int32)
        out = np.where(target >= 0, remap[np.maximum(target, 0)], -1)
        df["level_entity"] = categorical(out, [ids[i] for i in used])
        used_names = [names[i] for i in used]
        uniq = list(dict.fromkeys(used_names))
        npos = {nm: i for i, nm in enumerate(uniq)}
        name_code = np.array([npos[nm] for nm in used_names], dtype=np.int32)
        ncodes = np.where(out >= 0, name_code[np.maximum(out, 0)], -1) if len(used) else out
        df["level_name"] = categorical(ncodes, uniq)

    def kwic(self, texts: Any, entity: Union[str, Sequence[str]], *, width: int = 60, n: Optional[int] = None,
             ids: Optional[Sequence[Any]] = None) -> pd.DataFrame:
        """Keyword in context: every mention of ``entity`` with the text around it.

        Parameters
        ----------
        texts : list, tuple, Series or ndarray of str
            The documents (in memory: the context is cut from them).
        entity : str or list of str
            Entity id(s), or names that only one entity has.
        width : int, default 60
            Characters of context on each side (whitespace runs shown as one space).
        n : int, optional
            At most this many rows, in corpus order (a non-negative int; ``n=-1`` is a
            ``ValueError``, not "all but the last").
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
        if n is not None and (isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0):
            raise ValueError(f"n must be None or a non-negative int; got {n!r}")
        from ._entities import resolve

        ent_ids, ent_names, _ = self._arrays
        wanted = {resolve(e, ent_ids, ent_names) for e in ([entity] if isinstance(entity, str) else entity)}
        source = _input.open_corpus(texts, what="texts", frames=False)  # a single str, a DataFrame: errors
        seq = source.arrow.to_pylist() if source.arrow is not None else _input.texts_and_ids(source.data, "text",
                                                                                              None)[0]
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

        The bytes go to a new temporary file next to ``path`` (a unique name per call, so
        threads and processes saving to one path never share it), are flushed to disk
        (``fsync``), and the file is renamed over ``path``: readers see the old file or the
        new one, never a mix. On any failure (full disk, Ctrl-C) the temporary file is
        removed and ``path`` is left as it was. The file gets the mode a plain ``open``
        would give (``0o666`` minus the umask).

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
        write_atomic(path, lambda f: f.write(data))

    @classmethod
    def load(cls, path: Union[str, os.PathLike], *, n_threads: Optional[int] = None) -> "Matcher":
        """Reads a matcher written by :meth:`save`.

        The whole structure is checked before the matcher is built (every index in range,
        table lengths consistent, parents a forest, priors and rules valid, nesting bounded),
        so a damaged or crafted file is an error here, never a matcher that misbehaves later.
        Loading never runs code from the file.

        Raises
        ------
        GazettaError
            The file is not a gazetta matcher, has another format version, is truncated or
            corrupt, or its content is invalid; the message names the file and the field
            (``m.gazetta: cannot load matcher: invalid matcher file: spec.aliases[3].entity:
            ...``).
        OSError
            The file cannot be read.

        Examples
        --------
        >>> import gazetta, tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "bad.gazetta")
        >>> with open(p, "w") as f:
        ...     _ = f.write("{}")
        >>> gazetta.Matcher.load(p)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gazetta.exceptions.GazettaError: ...bad.gazetta: cannot load matcher: not a gazetta matcher file ...
        """
        n_threads = _check_threads(n_threads)
        with open(path, "rb") as f:
            data = f.read()
        try:
            core = _core.Matcher.from_bytes(data)
            _check_extra(core)
        except (GazettaError, ValueError, TypeError, RecursionError) as e:
            msg = str(e)
            if not msg.startswith("cannot load matcher"):
                msg = f"cannot load matcher: {msg}"
            raise (type(e) if isinstance(e, GazettaError) else GazettaError)(f"{path}: {msg}") from None
        return cls._from_core(core, n_threads)

    def __reduce__(self) -> Any:
        return (_unpickle, (self._core.to_bytes(), self._n_threads))

    # -- display --------------------------------------------------------------------------
    def __repr__(self) -> str:
        o = self._core.options
        return (f"<gazetta.Matcher: {len(self)} entities, {len(self._tables['aliases'])} aliases, "
                f"{self._core.pattern_count} patterns, case={o['case']!r}, fold_accents={o['fold_accents']}, "
                f"overlaps={o['overlaps']!r}, ambiguous={o['ambiguous']!r}, "
                f"capitalized_runs={o['capitalized_runs']!r}, ignore={len(o['ignore'])} phrases, "
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
                                    ("capitalized_runs", o["capitalized_runs"]),
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


def _check_extra(core: Any) -> None:
    """The gazetteer data stored with a saved matcher: a JSON object with an optional
    ``hash`` (str) and optional ``attrs`` (one object per entity). The core has already checked
    that it is a JSON object nested at most 64 deep."""
    extra = core.extra
    if not extra:
        return
    d = json.loads(extra)
    if not isinstance(d, dict):
        raise GazettaError("invalid matcher file: spec.extra: not a JSON object")
    if d.get("hash") is not None and not isinstance(d["hash"], str):
        raise GazettaError("invalid matcher file: spec.extra.hash: not a string")
    attrs = d.get("attrs")
    if attrs is not None:
        n = len(core.entity_tables()["ids"])
        if not isinstance(attrs, list) or len(attrs) != n:
            raise GazettaError(f"invalid matcher file: spec.extra.attrs: not a list of {n} objects (one per entity)")
        for i, a in enumerate(attrs):
            if not isinstance(a, dict):
                raise GazettaError(f"invalid matcher file: spec.extra.attrs[{i}]: not a JSON object")


def _unpickle(data: bytes, n_threads: Optional[int]) -> Matcher:
    return Matcher._from_core(_core.Matcher.from_bytes(data), n_threads)


def _gazetteer_extra(gaz: Any, gaz_hash: str) -> str:
    """JSON stored with a saved or pickled matcher: the gazetteer's content hash (so results
    can name it without rebuilding the gazetteer) and the entities' attributes but their
    context rules, which the spec holds once per distinct rule (see
    :func:`_gazetteer_from_core`)."""
    from .gazetteer import _RULES

    attrs = [{k: v for k, v in e.attrs.items() if k not in _RULES} if any(k in e.attrs for k in _RULES)
             else e.attrs for e in gaz]
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
    entity_rules, alias_rule_list = core.rule_inputs()
    alias_rules = {k: (nb, na, pa) for k, nb, na, pa in alias_rule_list}
    for k, (text, ent, case, fold) in enumerate(core.alias_inputs()):
        rule = alias_rules.get(k)
        if case is None and fold is None and rule is None:
            aliases[ent].append(text)
        else:
            rec: Dict[str, Any] = {"text": text}
            if case is not None:
                rec["case"] = case
            if fold is not None:
                rec["fold_accents"] = fold
            if rule is not None:
                if rule[0]:
                    rec["not_before"] = rule[0]
                if rule[1]:
                    rec["not_after"] = rule[1]
                if rule[2]:
                    rec["person_after"] = rule[2]
            aliases[ent].append(rec)
    records = []
    for i, eid in enumerate(ids):
        rec = {"id": eid, "name": names[name_of[i]], "kind": kinds[kind_of[i]], "aliases": aliases[i]}
        rec.update(attrs[i] if i < len(attrs) else {})
        records.append(rec)
    # Entity rules from the spec (one list object per distinct rule, shared by its entities);
    # matchers saved by earlier versions also hold them in the attributes: the same phrases.
    for ents, *lists in entity_rules:
        for key, phrases in zip(("not_before", "not_after", "person_after"), lists):
            if phrases:
                for i in ents:
                    records[i][key] = phrases
    return Gazetteer.from_records(records)
