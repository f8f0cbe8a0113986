"""Co-occurrence counting (docs/counting.md): :func:`cooccurrence` and its result, :class:`Cooccurrence`."""

from __future__ import annotations

import datetime as _dt
import warnings
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from . import _input
from ._dates import PART as _dates_part
from ._dates import DateReader
from ._measures import MEASURES, measures
from ._progress import make_bar
from .dedupe import _Folder
from .matcher import Matcher, _check_choice, _check_threads
from .text import PARAGRAPH_MODES

__all__ = ["cooccurrence", "Cooccurrence"]

NO_GROUP = np.uint32(0xFFFFFFFF)
_UNITS = ("document", "paragraph", "sentence")
_COUNTS = ("units", "mentions")
_FREQS = ("D", "W", "M", "Q", "Y")
PAIR_COLUMNS = ["a", "b", "name_a", "name_b", "kind_a", "kind_b", "n_ab", "n_a", "n_b", "n", *MEASURES]
ENTITY_COLUMNS = ["entity", "name", "kind", "n_units", "n_mentions", "n_docs"]


# --------------------------------------------------------------------------------------------
# grouping
class _Grouper:
    """Assigns group codes to documents from their metadata, across chunks.

    Codes are given in first-seen order; :meth:`order` sorts the groups by key at the end.
    Rows with a missing key get no group (and are counted).
    """

    def __init__(self, by: Sequence[str], time: Optional[str], freq: Optional[str],
                 dayfirst: Optional[bool] = None, date_format: Optional[str] = None) -> None:
        self.by = list(by)
        self.time = time
        # One reader for the whole column: the day/month order and formats are decided once
        # (see gazetta._dates), and freq is any pandas alias, kept in its canonical spelling.
        self.dates = DateReader(time, freq, dayfirst, date_format) if time else None
        self.freq = self.dates.freq if self.dates is not None else freq
        self.keys: List[Tuple[Any, ...]] = []
        self._index: Dict[Tuple[Any, ...], int] = {}
        self.missing_key_docs = 0
        self.docs = 0
        self._seen: set = set()

    @property
    def columns(self) -> List[str]:
        return self.by + ([self.time] if self.time else [])

    @property
    def active(self) -> bool:
        return bool(self.columns)

    def codes(self, meta: Optional[pd.DataFrame], n: int) -> np.ndarray:
        if not self.active:
            if not self.keys:
                self.keys.append(())
                self._index[()] = 0
            return np.zeros(n, dtype=np.uint32)
        assert meta is not None
        cols: List[Any] = []
        missing = np.zeros(n, dtype=bool)
        self.docs += n
        for c in self.by:
            v = meta[c]
            na = v.isna().to_numpy()
            if not na.all():
                self._seen.add(c)
            missing |= na
            cols.append(v.to_numpy(dtype=object))
        if self.time:
            assert self.dates is not None
            per, na = self.dates.periods(meta[self.time])
            if not na.all():
                self._seen.add(self.time)
            missing |= na
            cols.append(per)
        out = np.empty(n, dtype=np.uint32)
        for i, key in enumerate(zip(*cols)):
            if missing[i]:
                out[i] = NO_GROUP
                self.missing_key_docs += 1
                continue
            try:
                code = self._index.get(key)
            except TypeError:
                j = next(j for j, v in enumerate(key) if not _hashable(v))
                raise _input.list_column_error(self.columns[j], key[j]) from None
            if code is None:
                code = len(self.keys)
                self._index[key] = code
                self.keys.append(key)
            out[i] = code
        return out

    def check_orderable(self) -> None:
        """Groups are sorted by key: a by= column whose values cannot be ordered together
        (1 and "a") is an error naming two of them, not a TypeError from pandas' sort."""
        for j, c in enumerate(self.by):
            values = {k[j] for k in self.keys}
            try:
                sorted(values)
            except TypeError:
                by_type: Dict[str, Any] = {}
                for v in sorted(values, key=repr):
                    by_type.setdefault(type(v).__name__, v)
                (t1, v1), (t2, v2) = (list(by_type.items()) * 2)[:2]
                raise ValueError(f"the by= column {c!r} mixes values that cannot be ordered together ({t1} {v1!r} "
                                 f"and {t2} {v2!r}); convert it, e.g. df[{c!r}].astype(str)") from None

    def check_dates(self) -> None:
        """A date column of which no value could be read is an error naming one."""
        if self.docs and self.dates is not None and self.time not in self._seen and self.dates.unreadable \
                and not _dates_part.get():
            raise ValueError(f"no value of {self.time!r} could be read as a date, e.g. "
                             f"{self.dates.first_unreadable}; pass date_format= (e.g. '%d %B %Y')")

    def check_seen(self) -> None:
        """A key column without a value in any document is almost surely misspelt: say so
        instead of counting nothing."""
        if self.docs:
            absent = [c for c in self.columns if c not in self._seen]
            if absent:
                raise KeyError(f"no document has a value for {', '.join(repr(c) for c in absent)} "
                               f"(by=/time= columns); check the field names")


def _check_key_names(by: List[Any], time: Optional[str]) -> None:
    """by=/time= columns become columns of the result tables: a name those tables already use
    (``name``, ``b``, ``pmi``...) would collide with it, and a column given twice is a typo."""
    cols = by + ([time] if time is not None else [])
    for c in cols:
        if isinstance(c, str) and c in _RESERVED:
            raise ValueError(f"the by=/time= column {c!r} has the name of a result column ("
                             f"{', '.join(sorted(_RESERVED))}); rename it, e.g. df.rename(columns={{{c!r}: "
                             f"{c + '_'!r}}})")
    dup = [c for i, c in enumerate(cols) if c in cols[:i]]
    if dup:
        raise ValueError(f"column {dup[0]!r} is given twice in by=/time=")


def _hashable(v: Any) -> bool:
    try:
        hash(v)
    except TypeError:
        return False
    return True


# --------------------------------------------------------------------------------------------
def cooccurrence(corpus: Any, matcher: Any, *, text: str = "text", id: Optional[str] = None,
                 unit: Literal["document", "paragraph", "sentence"] = "sentence",
                 paragraphs: Literal["auto", "line", "blank"] = "auto", window: Optional[int] = None,
                 count: Literal["units", "mentions"] = "units", by: Union[None, str, Sequence[str]] = None,
                 explode: bool = False, time: Optional[str] = None, freq: Optional[str] = None,
                 dayfirst: Optional[bool] = None, date_format: Optional[str] = None, min_count: int = 1,
                 kinds: Any = None, between: Any = None, n_threads: Optional[int] = None,
                 progress: Optional[bool] = None,
                 dedupe: Literal["none", "exact", "near"] = "none",
                 keep_evidence: int = 0, level: Optional[str] = None) -> "Cooccurrence":
    """Counts which entities are mentioned together (docs/counting.md), in one parallel pass.

    Parameters
    ----------
    corpus : DataFrame, list/tuple/Series of str, or iterable of str or dicts
        The documents. A DataFrame (pandas or polars, or a pyarrow Table) or dicts supply
        ``text``, ``id`` and the metadata columns used by ``by``/``time``; a list or Series
        holds only the texts (``by``/``time`` on it are a ``ValueError`` that says so). None/NaN
        texts are empty documents. Iterables and :func:`gazetta.read_corpus` corpora are
        streamed in chunks (bounded memory: only the count tables are kept). Document ids
        (``id=``) that repeat an earlier one are counted in ``.meta["duplicate_ids"]``, with a
        warning.
    matcher : Matcher, Gazetteer or str
        A :class:`~gazetta.Matcher`, a gazetteer (compiled with default options), or the
        name of a built-in one: ``"countries"`` or ``"countries:LANG"`` (as on the command
        line). The corpus comes first: ``cooccurrence(matcher, df)`` is a ``TypeError`` that
        gives the order.
    text, id : str
        Column (or dict key) names of the text and the document id.
    unit : {"document", "paragraph", "sentence"}, default "sentence"
        Two entities co-occur in a unit when both have a mention in it at different spans.
    paragraphs : {"auto", "line", "blank"}, default "auto"
        Which line breaks end a paragraph; sentences never cross a paragraph break.
        ``"line"``: every line break. ``"blank"``: only a blank line, or an indented line in
        text that indents its paragraphs (hard-wrapped text such as Reuters-21578).
        ``"auto"``: decided per document, ``"blank"`` for hard-wrapped text and ``"line"``
        for any other (:func:`gazetta.text.paragraph_mode`; rule and measurement in
        ``docs/units.md``); ``.meta["paragraphs_auto"]`` counts the documents read each way
        (None for other modes and ``unit="document"``).
    window : int, optional
        Count pairs of non-overlapping mentions in the same unit whose token distance (the
        later one's first token minus the earlier one's last token) is at most ``window``.
        Use ``unit="document"`` to let windows cross sentence and paragraph breaks.
    count : {"units", "mentions"}, default "units"
        ``"units"``: ``n_ab`` = units holding both, ``n_a`` = units holding a, ``n`` = all
        units (empty ones included). ``"mentions"``: ``n_ab`` = Σ over units of mentions of a
        × mentions of b (at different spans), ``n_a`` = mentions of a, ``n`` = all mentions.
        With ``window``: ``n_ab`` = mention pairs within the window, ``n_a`` = mentions of a,
        ``n`` = all tokens.
    by : str or list of str, optional
        Metadata columns to slice by; each group is counted on its own, with its own ``n``.
        A column may not be named like a result column (``a``, ``b``, ``entity``, ``name``,
        ``kind``, ``n_docs``, ``pmi``, ...: a ``ValueError`` says which; rename it). Keys are
        grouped by Python equality, as in ``DataFrame.groupby``: ``True``, ``1`` and ``1.0``
        are one group (shown as the value seen first), ``"1"`` is another; keys are sorted, so
        values that cannot be ordered together (``1`` and ``"a"``) are a ``ValueError``
        naming both (convert the column, e.g. ``df[c].astype(str)``), as are unhashable
        values (dicts; a column of lists is a ``ValueError`` naming it, see ``explode``).
    explode : bool, default False
        Let ``by`` columns hold several groups per document (a list, set or array of keys,
        e.g. the countries a story is filed under): each document is counted once in each
        of its groups (a key repeated in its list counts once), as if the corpus were
        ``df.explode(column)``; a document with an empty list has no group (counted in
        ``.meta["missing_key_docs"]``). ``.meta["explode"]`` gives ``docs`` (documents read)
        and ``rows`` (document-group rows counted; ``.meta["n_docs"]`` counts these too).
        Without ``id=``, ``doc`` in evidence is the row position after exploding. Not
        together with ``dedupe=``.
    time, freq : str
        A date column and a pandas period frequency: "D", "W", "M", "Q", "Y", or any other
        alias pandas knows ("W-MON" weeks ending Monday, "ME" = "M", "QE" = "Q", "h", and
        multiples such as "2M", counted in fixed bins from 1970: Jan-Feb, Mar-Apr, ...). The
        time key is a column of pandas Periods named like ``time``. The column is read as a
        whole (see ``dayfirst``): datetimes as they are; time-zone aware values converted to
        UTC (counted in ``.meta["dates_to_utc"]``, with a warning); integers as years (then
        ``freq`` must be yearly); text by one format, or a few, guessed from the values.
        Rows with a missing key form no group and are counted in
        ``.meta["missing_key_docs"]`` (with a warning); those without a date also in
        ``.meta["missing_dates"]``, and values that are not dates in
        ``.meta["unreadable_dates"]`` (with a warning naming one).
    dayfirst : bool, optional
        How numeric dates such as "03/04/1987" are written. Default: the order some value
        of the column proves ("13/04/1987" is day-first; values proving both orders are an
        error), else month-first with a warning. ``.meta["date_order"]`` says which was used.
    date_format : str, optional
        The strftime format of the column (e.g. ``"%d.%m.%Y"``, or ``"ISO8601"``), used
        strictly: a value in another format is no date. ``.meta["date_format"]`` gives the
        format(s) used either way.
    min_count : int, default 1
        Keep pairs with ``n_ab >= min_count`` in ``.pairs`` (merging still uses every count).
    kinds : str or set of str, optional
        Keep the pairs whose two ends are both of a kind in the set: ``"country"`` for
        country–country pairs, ``{"country", "city"}`` for pairs among countries and cities.
        A tuple or list of two kinds reads two ways (a set, or one end of each) and is a
        ``ValueError``: write a set, or ``between=``.
    between : (K1, K2), optional
        Keep the pairs with one end of kind K1 and the other of kind K2 (each a kind or a set
        of kinds), e.g. ``between=("person", "country")`` for leaders × countries, and put
        the K1 end first: ``a``, ``name_a``, ``kind_a`` and ``n_a`` (the units, or mentions,
        of ``a``) are the person's, ``b``, ``name_b``, ``kind_b``, ``n_b`` the country's. A
        pair that fits both ways (K1 and K2 share a kind) keeps id order (``a < b``), the
        order every pair has without ``between=``; rows are sorted as usual (by group,
        ``n_ab`` descending, then ``a``, ``b``). Not together with ``kinds=``.
    n_threads : int, optional
        Worker threads (default: all cores). Results never depend on it.
    progress : bool or None
        Progress bar (None: only for large inputs, if tqdm is installed).
    dedupe : {"none", "exact", "near"}, default "none"
        Count each story once: a document that is an exact copy (after whitespace
        normalisation) or, with ``"near"``, a near copy (estimated Jaccard similarity of word
        5-shingles ≥ 0.9) of an earlier one is folded into that earlier one's cluster and not
        counted at all (not in ``n``, not in ``missing_key_docs``), whatever its group. See
        :func:`gazetta.duplicates`; ``.meta["dedupe"]`` gives ``mode``, ``docs``,
        ``clusters`` and ``folded``.
    keep_evidence : int, default 0
        Keep, while counting, the first ``keep_evidence`` units (in corpus order) of every
        pair: :meth:`Cooccurrence.evidence` then works without the corpus (streamed files,
        pickled or merged results). ``doc`` is the document's ``id`` when ``id=`` is given,
        else its position in the corpus. Costs memory per pair and unit kept.
    level : str, optional
        A kind ("country"): every mention is counted as its nearest ancestor-or-self of that
        kind in the gazetteer's ``parent`` hierarchy (Moscow -> RU), like quanteda's
        dictionary levels; pairs, entities and measures are those of the mapped entities,
        two mentions mapped to one entity in a unit count once (``count="units"``), and
        mentions with no such ancestor are dropped and counted in
        ``.meta["dropped_by_level"]``. A kind that no entity has is a ``ValueError``.

    Returns
    -------
    Cooccurrence

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer()
    >>> for i, n in [("JP", "Japan"), ("CN", "China"), ("KR", "South Korea")]:
    ...     _ = g.add(i, n, kind="country")
    >>> docs = ["Japan and China met. South Korea watched.", "China and South Korea."]
    >>> co = gazetta.cooccurrence(docs, g)
    >>> co.pairs[["a", "b", "n_ab", "n_a", "n_b", "n"]]
        a   b  n_ab  n_a  n_b  n
    0  CN  JP     1    2    1  3
    1  CN  KR     1    2    2  3

    A document filed under several desks, counted once in each (``explode=True``):

    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": docs, "desk": [["asia", "world"], ["asia"]]})
    >>> gazetta.cooccurrence(df, g, by="desk", explode=True).pairs[["desk", "a", "b", "n_ab", "n"]]
        desk   a   b  n_ab  n
    0   asia  CN  JP     1  3
    1   asia  CN  KR     1  3
    2  world  CN  JP     1  2
    """
    _input.check_corpus_first(corpus, matcher)
    _check_choice("unit", unit, _UNITS)
    _check_choice("paragraphs", paragraphs, PARAGRAPH_MODES)
    _check_choice("count", count, _COUNTS)
    if window is not None and (isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0
                               or window >= 2**64):
        raise ValueError(f"window must be None or a non-negative int below 2**64 (any window longer than a unit "
                         f"counts every pair in it); got {window!r}")
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count must be a positive int; got {min_count!r}")
    n_threads = _check_threads(n_threads)
    if (time is None) != (freq is None):
        raise ValueError("time= and freq= go together: pass both (e.g. time='date', freq='M') or neither")
    if time is None and (dayfirst is not None or date_format is not None):
        raise ValueError("dayfirst= and date_format= say how the time= column is written: pass time= and freq= too")
    by_list: List[str] = [] if by is None else ([by] if isinstance(by, str) else list(by))
    _check_key_names(by_list, time)
    if not isinstance(explode, bool):
        raise ValueError(f"explode must be True or False; got {explode!r}")
    if explode and dedupe != "none":
        raise ValueError("explode=True reads a document once per group, and dedupe= would fold those copies: "
                         "use one or the other")
    kinds_filter, between_filter = _parse_kinds(kinds, between)
    folder = _Folder(dedupe, n_threads)  # validates dedupe=

    if not isinstance(matcher, Matcher):
        matcher = Matcher(matcher)
    if level is not None:
        matcher._level_map(level)  # a ValueError listing the kinds, before any work
    _check_known_kinds(matcher, kinds_filter, between_filter)
    grouper = _Grouper(by_list, time, freq, dayfirst, date_format)  # checks freq, dayfirst, date_format
    if isinstance(keep_evidence, bool) or not isinstance(keep_evidence, (int, np.integer)) or keep_evidence < 0 \
            or keep_evidence >= 2**64:
        raise ValueError(f"keep_evidence must be a non-negative int below 2**64; got {keep_evidence!r}")
    counter = _core.Counter(matcher._core, unit, paragraphs, None if window is None else int(window), count,
                            int(keep_evidence), level)
    source = _input.open_corpus(corpus, text=text, id=id, by=by_list, time=time, explode=explode,
                                hint=f", e.g. gazetta.cooccurrence(df, matcher, text={text!r}, ...)")
    frame = source.frame
    if frame is not None and grouper.dates is not None:
        grouper.dates.scan(frame[time])  # the date order is decided from the whole column
    # The ids of the documents that hold kept evidence (a DataFrame's are read at the end).
    # The id field: id=, or the one a read_corpus(path, id=...) corpus names itself.
    id_field = source.id_field
    want_ids = id_field is not None and frame is None
    evidence_ids: Dict[int, Any] = {}
    in_memory = source.in_memory
    # In-memory lists of str go over in chunks of documents only: the counter keeps nothing
    # per text.
    chunks = source.chunks(ids=want_ids, list_docs=_input.COUNT_CHUNK_DOCS)
    total, size = source.total, source.size
    bar = make_bar(progress, total=total, size_bytes=size, desc="counting")
    # In memory, evidence() re-reads the corpus later: keep the texts counted, by reference (a
    # corpus changed since is then an error) and, with groups or dedupe=, every document's
    # group code (documents counted nowhere give no evidence).
    from ._evidence import CorpusTracker

    tracker = CorpusTracker(grouper.active or dedupe != "none") if in_memory is not None else None
    offset = 0
    missing_texts = 0
    try:
        for texts, chunk_ids, meta in chunks:
            codes = folder.codes(grouper, meta, texts, offset)  # folded duplicates: SKIP_GROUP
            add = counter.add if isinstance(texts, list) else counter.add_arrow  # Arrow: no str objects
            missing_texts += add(texts, codes, offset, n_threads, bar.update_to)
            if tracker is not None:
                tracker.add(texts, codes)
            if keep_evidence and chunk_ids is not None:
                for d in counter.evidence_docs():
                    if offset <= d < offset + len(texts) and d not in evidence_ids:
                        evidence_ids[int(d)] = chunk_ids[int(d) - offset]
            offset += len(texts)
            bar.add(len(texts))
    finally:
        bar.close()
    grouper.check_dates()
    grouper.check_orderable()
    if frame is None:
        # DataFrame columns were checked up front; for streams of records a key column that
        # no record fills is almost surely a misspelt field name.
        grouper.check_seen()
    dup_ids = source.duplicate_ids() if id_field is not None else 0
    _input.warn_duplicate_ids(dup_ids, f"id={id!r}" if id is not None else f"id field {id_field!r}", stacklevel=2)
    if grouper.missing_key_docs:
        n_missing = grouper.missing_key_docs
        one = n_missing == 1
        warnings.warn(f"{n_missing} document{'' if one else 's'} {'has' if one else 'have'} a missing group key "
                      f"and {'was' if one else 'were'} not counted (see .meta['missing_key_docs'])", stacklevel=2)
    if grouper.dates is not None:
        grouper.dates.warn(stacklevel=3)
    raw = counter.finish()
    meta_info = {
        "gazetta_version": _core.__version__,
        "gazetteer_hash": _gazetteer_hash(matcher),
        "matcher": {k: v for k, v in matcher.options.items() if k != "n_threads"},
        "unit": unit,
        "paragraphs": paragraphs,
        "paragraphs_auto": ({"blank": int(raw["read_blank"]), "line": int(raw["read_line"])}
                            if paragraphs == "auto" and unit != "document" else None),
        "window": None if window is None else int(window),
        "count": count,
        "by": by_list,
        "time": time,
        "freq": grouper.freq,
        **(grouper.dates.meta() if grouper.dates is not None else {}),
        "min_count": int(min_count),
        "kinds": kinds_filter,
        "between": between_filter,
        "n_docs": offset,
        "missing_texts": int(missing_texts),
        "missing_key_docs": int(grouper.missing_key_docs),
        "explode": source.exploded,
        "duplicate_ids": int(dup_ids),
        "dedupe": folder.meta(),
        "keep_evidence": int(keep_evidence),
        "level": level,
        "dropped_by_level": int(raw["dropped_by_level"]),
        "settled_by_level": int(raw["settled_by_level"]),
        "ambiguous_spans": int(raw["ambiguous_spans"]),
        "removed_by_rules": int(raw["removed_by_rules"]),
        "removed_by_runs": int(raw["removed_by_runs"]),
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    meta_info.update(source.extra_meta())  # read_corpus: source file, skipped bad records
    result = Cooccurrence._from_raw(raw, grouper, matcher, meta_info)
    result._corpus = tracker.counted(in_memory, grouper.keys) if tracker is not None else None
    result._text = text
    result._id = id
    if keep_evidence:
        result._kept = _kept_evidence(raw, grouper, matcher, frame, id_field, evidence_ids)
    return result


def _kept_evidence(raw: Dict[str, Any], grouper: "_Grouper", matcher: Matcher, frame: Optional[pd.DataFrame],
                   id: Optional[str], evidence_ids: Dict[int, Any]) -> pd.DataFrame:
    """The evidence kept while counting, as a DataFrame keyed like the pair table."""
    ids = matcher._arrays[0]
    docs = raw["ev_doc"].astype(np.int64)
    if frame is not None and id is not None:
        id_values = frame[id].to_numpy(dtype=object)
        doc_col: Any = [id_values[d] for d in docs]
    elif id is not None:
        doc_col = [evidence_ids.get(int(d), int(d)) for d in docs]
    else:
        doc_col = docs
    g = raw["ev_group"].astype(np.int64)
    out = pd.DataFrame({"_g": g, "a": ids[raw["ev_a"].astype(np.int64)], "b": ids[raw["ev_b"].astype(np.int64)],
                        "doc": doc_col, "unit": raw["ev_unit"].astype(np.int64),
                        "start": raw["ev_start"].astype(np.int64), "end": raw["ev_end"].astype(np.int64),
                        # object dtype: the rows of a unit share its one str (a str column would copy
                        # the unit once per pair)
                        "text": pd.Series(raw["ev_text"], dtype=object), "spans_a": raw["ev_spans_a"],
                        "spans_b": raw["ev_spans_b"], "ambiguous": raw["ev_ambiguous"].astype(bool)})
    for j, c in enumerate(grouper.columns):
        vals = [grouper.keys[x][j] for x in g]
        out[c] = pd.PeriodIndex(vals, freq=grouper.freq) if (c == grouper.time and len(vals)) else vals
    return out.drop(columns="_g")


#: pandas copies on write (always from pandas 3; an option in pandas 2).
_COPY_ON_WRITE = int(pd.__version__.split(".")[0]) >= 3 or getattr(pd.options.mode, "copy_on_write", False) is True


def _kinds_text(v: Any) -> str:
    return repr(v) if isinstance(v, str) else "{" + ", ".join(repr(x) for x in sorted(v, key=str)) + "}"


def _kind_side(v: Any, what: str) -> List[str]:
    """One side of ``between=``: a kind or a collection of kinds, as a sorted list."""
    if isinstance(v, str):
        return [v]
    try:
        items = set(v)
    except TypeError:
        raise TypeError(f"between=: each side must be a kind (str) or a set of kinds; got {v!r} in {what}") from None
    if not all(isinstance(x, str) for x in items):
        raise TypeError(f"between=: each side must be a kind (str) or a set of kinds; got {v!r} in {what}")
    if not items:
        raise ValueError(f"between=: a side is empty in {what}: give at least one kind on each side")
    return sorted(items)


def _parse_kinds(kinds: Any, between: Any = None) -> Tuple[Optional[List[str]], Optional[List[List[str]]]]:
    """``(kinds, between)`` as stored in ``.meta``: the sorted kinds of ``kinds=`` and the two
    sorted sides of ``between=`` (None when not given).

    ``kinds=`` reads one way only: a kind, or a set of kinds. A tuple or list of two kinds
    meant a set of two before ``between=`` existed and reads as a pair, so it is refused with
    both spellings; so is a pair of kind sets, which meant one end in each.
    """
    if kinds is not None and between is not None:
        raise ValueError(f"kinds= and between= both filter the pairs by kind: pass kinds= or between=, not both "
                         f"(got kinds={kinds!r}, between={between!r})")
    kinds_out: Optional[List[str]] = None
    if kinds is not None:
        if isinstance(kinds, str):
            kinds_out = [kinds]
        else:
            if isinstance(kinds, (tuple, list)) and len(kinds) == 2:
                x, y = kinds
                if isinstance(x, str) and isinstance(y, str):
                    both = "{" + repr(x) + "}" if x == y else "{" + f"{x!r}, {y!r}" + "}"
                    raise ValueError(
                        f"kinds={kinds!r} is ambiguous: kinds= takes a kind or a set of kinds, and a pair of two "
                        f"reads two ways. For the pairs with one end of each kind ({x} first), write "
                        f"between=({x!r}, {y!r}); for the pairs whose two ends are both of these kinds, write "
                        f"kinds={both}")
                if all(isinstance(k, (str, set, frozenset, tuple, list)) for k in kinds):
                    raise ValueError(
                        f"kinds= takes a kind or a set of kinds, not a pair of them (got {kinds!r}): for the pairs "
                        f"with one end in each, write between=({_kinds_text(x)}, {_kinds_text(y)})")
            try:
                items = set(kinds)
            except TypeError:
                # kinds=3 raised "'int' object is not iterable" (issue 8): say what kinds= takes.
                raise TypeError(f"kinds must be a kind (str) or a set of kinds (for pairs with one end of each "
                                f"of two kinds: between=); got {kinds!r}") from None
            if not all(isinstance(k, str) for k in items):
                raise TypeError(f"kinds must be a kind (str) or a set of kinds (for pairs with one end of each "
                                f"of two kinds: between=); got {kinds!r}")
            if not items:
                raise ValueError("kinds= is empty: give at least one kind (or leave kinds=None for every pair)")
            kinds_out = sorted(items)
    between_out: Optional[List[List[str]]] = None
    if between is not None:
        if isinstance(between, str) or not isinstance(between, (tuple, list)) or len(between) != 2:
            raise TypeError(f"between must be a pair (K1, K2) of kinds or sets of kinds, e.g. "
                            f"between=('person', 'country'); got {between!r}")
        between_out = [_kind_side(between[0], f"between={between!r}"), _kind_side(between[1], f"between={between!r}")]
    return kinds_out, between_out


def _check_known_kinds(matcher: Matcher, kinds: Optional[List[str]], between: Optional[List[List[str]]]) -> None:
    """A kind that no entity has is almost surely misspelt: a ValueError listing the kinds."""
    wanted = list(kinds or []) + [k for side in (between or []) for k in side]
    if not wanted:
        return
    known = {str(k) for k in matcher._tables["kinds"]}
    for k in wanted:
        if k not in known:
            what = "kinds=" if kinds is not None else "between="
            raise ValueError(f"unknown kind {k!r} in {what} (the gazetteer's kinds: "
                             f"{', '.join(repr(x) for x in sorted(known))})")


def _gazetteer_hash(matcher: Matcher) -> Optional[str]:
    return matcher.gazetteer_hash


def _sort(df: pd.DataFrame, cols: List[str], ascending: Any = True) -> pd.DataFrame:
    if not cols or not len(df):
        return df
    return df.sort_values(cols, ascending=ascending, kind="stable")


#: The n_a/n_b look-up of :func:`_fast_tables` indexes a dense (groups × gazetteer entities)
#: table of 8-byte cells when it has at most this many cells and at most _DENSE_PER_ROW
#: cells per pair and entity row; otherwise it searches the sorted keys.
_DENSE_LOOKUP_MAX = 1 << 21
_DENSE_PER_ROW = 8
_GROUP_COLUMNS = ["n_docs", "n_units", "n_mentions", "n_tokens", "n"]
_RESERVED = frozenset(PAIR_COLUMNS) | frozenset(ENTITY_COLUMNS) | frozenset(_GROUP_COLUMNS)


def _pair_order(group_rank: np.ndarray, n_ab: np.ndarray, rank_a: np.ndarray, rank_b: np.ndarray,
                n_ranks: int) -> np.ndarray:
    """The row order of the pair table: by group, ``n_ab`` descending, then ``a``, ``b`` (ranks
    below ``n_ranks``). Every (group, a, b) is distinct, so the order is total and any sort
    gives it; one argsort of a combined int64 key costs about a third of ``np.lexsort`` on the
    four keys, which stays for keys too large to combine.

    Examples
    --------
    >>> _pair_order(np.array([0, 0, 0]), np.array([1, 5, 1]), np.array([2, 0, 1]), np.array([3, 1, 2]), 4).tolist()
    [1, 2, 0]
    """
    if not len(n_ab):
        return np.zeros(0, dtype=np.int64)
    top = int(n_ab.max())
    span = (int(group_rank.max()) + 1) * (top + 1) * n_ranks * n_ranks
    if span >= 1 << 62 or int(n_ab.min()) < 0:
        return np.lexsort((rank_b, rank_a, -n_ab, group_rank))
    key = group_rank * (top + 1) + (top - n_ab)
    key *= n_ranks
    key += rank_a
    key *= n_ranks
    key += rank_b
    return np.argsort(key, kind="stable")


def _fast_tables(raw: Dict[str, Any], grouper: _Grouper, keys_frame: Any, ids: np.ndarray, names: np.ndarray,
                 kinds: np.ndarray, group_counts: List[np.ndarray],
                 meta: Dict[str, Any], rank: Optional[Tuple[np.ndarray, bool]] = None,
                 strings: Optional[Tuple[Any, Any, Any]] = None) -> Optional[Tuple[pd.DataFrame, Any, Any]]:
    """``(pairs, entities, groups)`` (the last two as functions that build them) straight from the counter's columns with numpy: the very
    frames :meth:`Cooccurrence._finalize` makes of them (same columns, dtypes, values and row
    order), without merging or sorting whole tables. n_a/n_b are looked up by integer key
    ``group × n_ids + entity``; rows are ordered with one lexsort on ranks (groups in the order
    ``_sort`` gives the group keys, entity ids in string order).

    ``rank`` (the matcher's id ranks and whether its ids are unique) and ``strings`` (its
    per-entity string arrays, see ``Matcher._strings``) spare per-call work on large
    gazetteers; without them both are derived from the entities present.

    None when the general path must run: no pair or no entity, key columns named like result
    columns, duplicate ids, or key columns whose inferred dtype would depend on which groups a
    table holds (e.g. ints and floats mixed in one ``by`` column).
    """
    key_cols = grouper.columns
    n_groups = len(grouper.keys)
    n_ids = len(ids)
    if not len(raw["n_ab"]) or not len(raw["ent"]) or not n_groups or not n_ids:
        return None
    if len(set(key_cols)) != len(key_cols) or any(type(c) is not str or c in _RESERVED for c in key_cols):
        return None
    eg = raw["ent_group"].astype(np.int64)
    ee = raw["ent"].astype(np.int64)
    pg = raw["pair_group"].astype(np.int64)
    pa = raw["pair_a"].astype(np.int64)
    pb = raw["pair_b"].astype(np.int64)
    n_ab = raw["n_ab"].astype(np.int64)
    if int(max(eg.max(), pg.max())) >= n_groups or int(max(ee.max(), pa.max(), pb.max())) >= n_ids:
        return None

    # group order: the order _sort gives the groups frame on the key columns
    kf: Optional[pd.DataFrame] = None
    if key_cols:
        kf = keys_frame(np.arange(n_groups, dtype=np.int64))
        dtypes = list(kf.dtypes)
        for codes in (eg, pg):  # keys_frame infers dtypes from the groups present
            present = np.flatnonzero(np.bincount(codes, minlength=n_groups))
            if len(present) < n_groups and list(keys_frame(present).dtypes) != dtypes:
                return None
        g_order = _sort(kf, key_cols).index.to_numpy(dtype=np.int64)
    else:
        g_order = np.arange(n_groups, dtype=np.int64)
    g_rank = np.empty(n_groups, dtype=np.int64)
    g_rank[g_order] = np.arange(n_groups, dtype=np.int64)

    # `local` maps an entity index to its position among the entities present (-1: absent).
    present = np.zeros(n_ids, dtype=bool)
    present[ee] = True
    used = np.flatnonzero(present)
    if rank is None:  # ids in string order, ranked among the entities present
        used_ids = ids[used]
        o = np.argsort(used_ids, kind="stable")
        s_ids = used_ids[o]
        if len(s_ids) > 1 and (s_ids[1:] == s_ids[:-1]).any():
            return None
        used_rank = np.empty(len(used), dtype=np.int64)
        used_rank[o] = np.arange(len(used), dtype=np.int64)
    else:  # the matcher's own ranks of all its ids (the same order)
        all_rank, unique = rank
        if not unique:
            return None
        used_rank = all_rank[used]
    local = np.full(n_ids, -1, dtype=np.int64)
    local[used] = np.arange(len(used), dtype=np.int64)
    la, lb, le = local[pa], local[pb], local[ee]
    if (la < 0).any() or (lb < 0).any():  # a pair entity without its entity row
        return None

    # n_a, n_b: the entity counts of the pair's group; n: the group's
    per_entity = raw["ent_mentions"] if (meta["window"] is not None or meta["count"] == "mentions") else \
        raw["ent_units"]
    per_entity = per_entity.astype(np.int64)
    ekey = eg * n_ids + ee
    srt = np.argsort(ekey, kind="stable")
    skey = ekey[srt]
    if len(skey) > 1 and (skey[1:] == skey[:-1]).any():
        return None

    size = n_groups * n_ids
    if size <= min(_DENSE_LOOKUP_MAX, _DENSE_PER_ROW * (len(pg) + len(eg))):
        table = np.full(size, -1, dtype=np.int64)  # entity row of each (group, entity), or -1
        table[ekey] = np.arange(len(ekey), dtype=np.int64)

        def rows(key: np.ndarray) -> np.ndarray:
            return table[key]
    else:
        def rows(key: np.ndarray) -> np.ndarray:
            pos = np.minimum(np.searchsorted(skey, key), len(skey) - 1)
            return np.where(skey[pos] == key, srt[pos], -1)

    row_a = rows(pg * n_ids + pa)
    row_b = rows(pg * n_ids + pb)
    if (row_a < 0).any() or (row_b < 0).any():  # a pair entity without its entity row
        return None
    n_a = per_entity[row_a]
    n_b = per_entity[row_b]
    g_n = group_counts[-1]
    n = g_n[pg]
    # in counter order, as _finalize computes them
    meas = measures(n_ab, n_a, n_b, n)

    def key_columns(codes: np.ndarray) -> Dict[str, Any]:
        if kf is None:
            return {}
        # an explicit dtype: object key values are not inferred again
        return {c: pd.Series(kf[c].array.take(codes), dtype=kf[c].dtype, copy=False) for c in key_cols}

    # id, name and kind columns: taken from string arrays of the entities present (converting
    # each column's Python strs to the str dtype again costs more), with the very dtype pandas
    # infers for the object arrays; object arrays when that is not a string dtype
    # (a string array of all entities that the matcher keeps, when given, has that dtype:
    # every value is a str, so every subset infers the same)
    tables = []
    for j, arr in enumerate((ids, names, kinds)):
        full = strings[j] if strings is not None else None
        if full is not None:
            tables.append((full, "all"))  # every entity's string: one take of the rows' entities
            continue
        inferred = pd.Series(arr[used], copy=False).array
        tables.append((inferred, "used") if isinstance(inferred.dtype, pd.StringDtype) else (arr, "object"))

    def text_column(which: int, loc: np.ndarray) -> Any:
        """Column ``which`` (id, name, kind) of the entities at positions ``loc`` of ``used``."""
        arr, how = tables[which]
        if how == "all":
            return arr.take(used[loc])
        return arr.take(loc) if how == "used" else arr[used[loc]]

    po = _pair_order(g_rank[pg], n_ab, used_rank[la], used_rank[lb], n_ids)
    pa_o, pb_o = la[po], lb[po]
    pcols: Dict[str, Any] = key_columns(pg[po])
    pcols.update({"a": text_column(0, pa_o), "b": text_column(0, pb_o), "name_a": text_column(1, pa_o),
                  "name_b": text_column(1, pb_o), "kind_a": text_column(2, pa_o), "kind_b": text_column(2, pb_o),
                  "n_ab": n_ab[po], "n_a": n_a[po], "n_b": n_b[po], "n": n[po]})
    pcols.update({k: meas[k][po] for k in MEASURES})
    pairs = pd.DataFrame(pcols, copy=False)  # fresh arrays: no copy into blocks

    # .entities and .groups are built on first access (most calls only read .pairs; each
    # DataFrame costs about half a millisecond of pandas work whatever its size).
    def ent() -> pd.DataFrame:
        eo = np.lexsort((used_rank[le], g_rank[eg]))
        ee_o = le[eo]
        ecols: Dict[str, Any] = key_columns(eg[eo])
        ecols.update({"entity": text_column(0, ee_o), "name": text_column(1, ee_o), "kind": text_column(2, ee_o),
                      "n_units": raw["ent_units"].astype(np.int64)[eo],
                      "n_mentions": raw["ent_mentions"].astype(np.int64)[eo],
                      "n_docs": raw["ent_docs"].astype(np.int64)[eo]})
        return pd.DataFrame(ecols, copy=False)

    def groups() -> pd.DataFrame:
        gcols: Dict[str, Any] = key_columns(g_order)
        gcols.update({c: v[g_order] for c, v in zip(_GROUP_COLUMNS, group_counts)})
        return pd.DataFrame(gcols, copy=False)

    return pairs, ent, groups


# --------------------------------------------------------------------------------------------
class _LazyFrame:
    """A DataFrame attribute stored under ``_<name>`` that may hold a function building it: the
    frame is built on first access and kept."""

    def __set_name__(self, owner: Any, name: str) -> None:
        self.key = "_" + name

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        v = obj.__dict__[self.key]
        if callable(v):
            v = obj.__dict__[self.key] = v()
        return v

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.key] = value


class Cooccurrence:
    """The result of :func:`cooccurrence` (docs/counting.md, The result).

    Attributes
    ----------
    pairs : DataFrame
        ``[<group keys>..., a, b, name_a, name_b, kind_a, kind_b, n_ab, n_a, n_b, n, pmi,
        npmi, jaccard, dice, llr, llr_p, expected, lift]``, sorted by group, then ``n_ab``
        descending, then ``a``, ``b``; filtered by ``min_count`` and ``kinds`` or ``between``
        (which puts its first kind in ``a``; otherwise ``a < b``).
    entities : DataFrame
        ``[<group keys>..., entity, name, kind, n_units, n_mentions, n_docs]``.
    groups : DataFrame
        ``[<group keys>..., n_docs, n_units, n_mentions, n_tokens, n]`` per group.
        ``n_tokens`` is counted for ``window=`` only (the tokens of the group); without a
        window it is NaN (not counted), not 0.
    meta : dict
        Gazetteer content hash, matcher options, unit settings, package version, document
        counts (missing texts, documents without a group key).

    Examples
    --------
    >>> import gazetta
    >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
    >>> co = gazetta.cooccurrence(["Alphaland and Betaland."], g, unit="document")
    >>> co
    <gazetta.Cooccurrence: 1 pairs, 2 entities, unit='document', count='units', 1 documents>
    """

    pairs: pd.DataFrame
    meta: Dict[str, Any]

    # Held as functions that build them on first access when the fast path made them.
    entities = _LazyFrame()
    groups = _LazyFrame()

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def _from_raw(cls, raw: Dict[str, Any], grouper: _Grouper, matcher: Matcher, meta: Dict[str, Any]) -> "Cooccurrence":
        ids, names, kinds = matcher._arrays
        key_cols = grouper.columns
        n_groups = len(grouper.keys)

        def keys_frame(group_codes: np.ndarray) -> pd.DataFrame:
            if not key_cols:
                return pd.DataFrame(index=range(len(group_codes)))
            kf = pd.DataFrame([grouper.keys[g] for g in group_codes], columns=key_cols) if len(group_codes) else \
                pd.DataFrame({c: pd.Series([], dtype=object) for c in key_cols})
            if grouper.time:
                kf[grouper.time] = pd.PeriodIndex(kf[grouper.time].tolist(), freq=grouper.freq) if len(kf) else \
                    pd.PeriodIndex([], freq=grouper.freq)
            return kf

        def group_sizes(arr: np.ndarray) -> np.ndarray:
            out = np.zeros(n_groups, dtype=np.int64)
            out[: len(arr)] = arr
            return out

        g_docs = group_sizes(raw["group_docs"])
        g_units = group_sizes(raw["group_units"])
        g_ment = group_sizes(raw["group_mentions"])
        g_tok = group_sizes(raw["group_tokens"])
        if meta["window"] is None:  # tokens are counted for windows only: not counted, not 0
            g_tok = np.full(len(g_tok), np.nan)
        if meta["window"] is not None:
            g_n = g_tok
        elif meta["count"] == "mentions":
            g_n = g_ment
        else:
            g_n = g_units
        fast = _fast_tables(raw, grouper, keys_frame, ids, names, kinds, [g_docs, g_units, g_ment, g_tok, g_n], meta,
                            matcher._id_rank, matcher._strings)
        if fast is not None:
            return cls._assemble(*fast, key_cols, meta, matcher)

        # The general path (empty tables, unusual key columns): the frames _finalize assembles.

        # entities
        eg = raw["ent_group"].astype(np.int64)
        ee = raw["ent"].astype(np.int64)
        ent = keys_frame(eg)
        ent["entity"] = ids[ee]
        ent["name"] = names[ee]
        ent["kind"] = kinds[ee]
        ent["n_units"] = raw["ent_units"].astype(np.int64)
        ent["n_mentions"] = raw["ent_mentions"].astype(np.int64)
        ent["n_docs"] = raw["ent_docs"].astype(np.int64)

        pg = raw["pair_group"].astype(np.int64)
        pa = raw["pair_a"].astype(np.int64)
        pb = raw["pair_b"].astype(np.int64)
        pairs = keys_frame(pg)
        pairs["a"] = ids[pa]
        pairs["b"] = ids[pb]
        pairs["name_a"] = names[pa]
        pairs["name_b"] = names[pb]
        pairs["kind_a"] = kinds[pa]
        pairs["kind_b"] = kinds[pb]
        pairs["n_ab"] = raw["n_ab"].astype(np.int64)

        groups = keys_frame(np.arange(n_groups, dtype=np.int64))
        groups["n_docs"] = g_docs
        groups["n_units"] = g_units
        groups["n_mentions"] = g_ment
        groups["n_tokens"] = g_tok
        groups["n"] = g_n
        return cls._finalize(pairs, ent, groups, key_cols, meta, matcher)

    @classmethod
    def _finalize(cls, pairs: pd.DataFrame, ent: pd.DataFrame, groups: pd.DataFrame, keys: List[str],
                  meta: Dict[str, Any], matcher: Optional[Matcher]) -> "Cooccurrence":
        """Adds n_a, n_b, n and the measures to pair counts, sorts every table. The one place
        results are assembled, so a merged result equals a local one exactly."""
        per_entity = "n_mentions" if (meta["window"] is not None or meta["count"] == "mentions") else "n_units"
        ent = _sort(ent, keys + ["entity"]).reset_index(drop=True)
        groups = _sort(groups, keys).reset_index(drop=True)
        if meta.get("window") is None and "n_tokens" in groups.columns:  # summed as 0 by merge, rollup
            groups["n_tokens"] = np.nan
        look = ent[keys + ["entity", per_entity]]
        pairs = pairs.merge(look.rename(columns={"entity": "a", per_entity: "n_a"}), on=keys + ["a"], how="left",
                            sort=False)
        pairs = pairs.merge(look.rename(columns={"entity": "b", per_entity: "n_b"}), on=keys + ["b"], how="left",
                            sort=False)
        if keys:
            pairs = pairs.merge(groups[keys + ["n"]], on=keys, how="left", sort=False)
        else:
            pairs["n"] = int(groups["n"].iloc[0]) if len(groups) else 0
        for c in ("n_ab", "n_a", "n_b", "n"):
            pairs[c] = pairs[c].astype(np.int64)
        for k, v in measures(pairs["n_ab"].to_numpy(), pairs["n_a"].to_numpy(), pairs["n_b"].to_numpy(),
                             pairs["n"].to_numpy()).items():
            pairs[k] = v
        pairs = pairs[keys + PAIR_COLUMNS]
        pairs = _sort(pairs, keys + ["n_ab", "a", "b"], ascending=[True] * len(keys) + [False, True, True])
        pairs = pairs.reset_index(drop=True)
        ent = ent[keys + ENTITY_COLUMNS]
        return cls._assemble(pairs, ent, groups, keys, meta, matcher)

    @classmethod
    def _assemble(cls, all_pairs: pd.DataFrame, entities: pd.DataFrame, groups: pd.DataFrame, key_cols: List[str],
                  meta: Dict[str, Any], matcher: Optional[Matcher]) -> "Cooccurrence":
        self = cls.__new__(cls)
        self._all_pairs = all_pairs
        self.entities = entities
        self.groups = groups
        self._keys = list(key_cols)
        self.meta = meta
        self._matcher = matcher
        self._corpus = None
        self._text = "text"
        self._id = None
        self.pairs = self._filtered(all_pairs)
        return self

    def _filtered(self, pairs: pd.DataFrame) -> pd.DataFrame:
        """``.pairs`` from every counted pair: ``min_count``, ``kinds``, and ``between`` (which
        also puts the end of its first kind in ``a``; the full table stays in id order)."""
        kf = self.meta.get("kinds")
        bt = self.meta.get("between")
        if kf is not None and len(kf) and isinstance(kf[0], list):  # pickles from before between=
            kf, bt = (kf[0], bt) if len(kf) == 1 else (None, kf)
        if kf is None and bt is None and self.meta["min_count"] <= 1 and _COPY_ON_WRITE and isinstance(
                pairs.index, pd.RangeIndex) and pairs.index.start == 0 and pairs.index.step == 1:
            # Nothing to filter (n_ab >= 1 always); under copy-on-write a shallow copy cannot
            # leak edits of .pairs into the full table kept for merging.
            return pairs.copy(deep=False)
        keep = pairs["n_ab"].to_numpy() >= self.meta["min_count"]
        ka = pairs["kind_a"].to_numpy(dtype=object)
        kb = pairs["kind_b"].to_numpy(dtype=object)
        if kf is not None:
            s = set(kf)
            keep &= np.array([x in s and y in s for x, y in zip(ka, kb)], dtype=bool)
        swap = None
        if bt is not None:
            s1, s2 = set(bt[0]), set(bt[1])
            ok = np.array([x in s1 and y in s2 for x, y in zip(ka, kb)], dtype=bool)
            turned = np.array([x in s2 and y in s1 for x, y in zip(ka, kb)], dtype=bool) & ~ok
            keep &= ok | turned
            swap = turned[keep]
        out = pairs.loc[keep].reset_index(drop=True)
        if swap is not None and swap.any():
            flip = pd.Series(swap, index=out.index)
            for x, y in (("a", "b"), ("name_a", "name_b"), ("kind_a", "kind_b"), ("n_a", "n_b")):
                out[x], out[y] = out[x].where(~flip, out[y]), out[y].where(~flip, out[x])
            keys = list(self._keys)
            out = _sort(out, keys + ["n_ab", "a", "b"], ascending=[True] * len(keys) + [False, True, True])
            out = out.reset_index(drop=True)
        return out

    # -- views ----------------------------------------------------------------------------
    @property
    def group_keys(self) -> List[str]:
        """The group key columns (``by`` columns, then the time column)."""
        return list(self._keys)

    def matrix(self, value: str = "n_ab", *, group: Any = None, labelled: bool = False) -> Any:
        """A symmetric sparse entity × entity matrix of one pair column.

        Parameters
        ----------
        value : str, default "n_ab"
            Any numeric column of :attr:`pairs` (``n_ab``, ``pmi``, ``npmi``, ...).
        group : tuple or scalar, optional
            For sliced results, the group key to take (required when there are several
            groups).
        labelled : bool, default False
            Return one labelled DataFrame instead of the ``(matrix, labels)`` pair.

        Returns
        -------
        (scipy.sparse.csr_matrix, list of str), or DataFrame with ``labelled=True``
            The matrix and the entity ids labelling its rows and columns (sorted). Entities
            without a kept pair are left out; pairs not kept are 0 (also for measures such
            as ``npmi``, where 0 also means "as often as chance"). With ``labelled=True``:
            the same matrix as a DataFrame of sparse columns whose index and columns are the
            entity ids, so that ``m["JP"]`` is Japan's column (``.sparse.to_coo()`` gives
            the scipy matrix back; :meth:`partners` lists one entity's partners as a table).

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
        >>> m, labels = gazetta.cooccurrence(["Alphaland and Betaland."], g).matrix()
        >>> labels, m.toarray().tolist()
        (['A', 'B'], [[0, 1], [1, 0]])
        >>> gazetta.cooccurrence(["Alphaland and Betaland."], g).matrix(labelled=True)["B"].to_dict()
        {'A': 1, 'B': 0}
        """
        if not isinstance(labelled, bool):
            raise ValueError(f"labelled must be True or False; got {labelled!r}")
        from scipy import sparse

        p = self._group_pairs(group)
        if value not in p.columns or value in ("a", "b", "name_a", "name_b", "kind_a", "kind_b"):
            raise ValueError(f"value must be a numeric pair column such as 'n_ab', 'pmi', 'npmi'; got {value!r}")
        labels = sorted(set(p["a"]).union(p["b"]))
        pos = {e: i for i, e in enumerate(labels)}
        r = p["a"].map(pos).to_numpy(dtype=np.int64)
        c = p["b"].map(pos).to_numpy(dtype=np.int64)
        v = p[value].to_numpy()
        m = sparse.coo_matrix((np.concatenate([v, v]), (np.concatenate([r, c]), np.concatenate([c, r]))),
                              shape=(len(labels), len(labels))).tocsr()
        if labelled:
            from ._partners import labelled_matrix

            return labelled_matrix(m, labels)
        return m, labels

    def partners(self, entity: str, by: str = "npmi", *, min_n: int = 5, group: Any = None,
                 top: Optional[int] = None, interval: Optional[float] = None) -> pd.DataFrame:
        """The partners of one entity (an id, or a name only one entity has) as a table, the
        partner in one column whichever of ``a``/``b`` it is, sorted by ``by`` (largest first;
        NaN last): ``[<group keys>..., entity, partner, name, kind, n_ab, n_entity,
        n_partner, n, <measures>..., masked]``. As in :meth:`table`, partners seen together
        in fewer than ``min_n`` units (default 5) keep their counts but have NaN measures and
        ``masked`` True, and come after the others (``min_n=1`` masks nothing); ``group``
        takes one group of a sliced result (else every group, sorted within each); ``top``
        caps rows per group; ``interval=0.95`` adds the confidence intervals ``pmi_lo,
        pmi_hi, npmi_lo, npmi_hi`` of :meth:`table`.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("CN", "China").add("JP", "Japan").add("US", "United States")
        >>> co = gazetta.cooccurrence(["Japan and China.", "United States and Japan."] * 3, g)
        >>> co.partners("Japan", by="n_ab", min_n=3)[["partner", "n_ab", "masked"]]
          partner  n_ab  masked
        0      CN     3   False
        1      US     3   False
        >>> co.partners("JP")[["partner", "n_ab", "npmi", "masked"]]
          partner  n_ab  npmi  masked
        0      CN     3   NaN    True
        1      US     3   NaN    True
        """
        from ._partners import partners

        return partners(self, entity, by, min_n=min_n, group=group, top=top, interval=interval)

    def to_long(self, values: Optional[Sequence[str]] = None, *, symmetric: bool = False) -> pd.DataFrame:
        """The pair table in long (tidy) form, one row per pair and value column:
        ``[<group keys>..., a, b, name_a, name_b, kind_a, kind_b, measure, value]`` (default
        values ``n_ab`` and every measure; ``symmetric=True`` adds each pair the other way
        round).

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
        >>> gazetta.cooccurrence(["Alphaland and Betaland."], g).to_long(["n_ab"])[["a", "b", "measure", "value"]]
           a  b measure  value
        0  A  B    n_ab    1.0
        """
        from ._partners import to_long

        return to_long(self, values, symmetric=symmetric)

    def table(self, *, group: Any = None, min_n: int = 5, interval: Optional[float] = 0.95,
              sort_by: Optional[str] = None) -> pd.DataFrame:
        """The pair table for reporting: :attr:`pairs` with confidence intervals of ``pmi`` and
        ``npmi``, and the measures of pairs seen in fewer than ``min_n`` units masked.

        Parameters
        ----------
        group : scalar or tuple, optional
            For sliced results, only this group (one value per key column; a time key may be a
            string such as ``"1987-03"``). Without it every group's rows.
        min_n : int, default 5
            Rows with ``n_ab < min_n`` keep their counts, but their association measures
            (``pmi, npmi, jaccard, dice, llr, llr_p, lift``) and intervals are NaN and the
            column ``masked`` is True: an npmi of 1.0 on two sentences is not a finding. Five
            is the threshold Church and Hanks (1990) set for PMI; at ``n_ab = 5`` the 95 %
            interval of ``pmi`` is still up to ±1.2 bits wide. ``min_n=1`` masks nothing.
        interval : float or None, default 0.95
            The confidence level of the columns ``pmi_lo, pmi_hi, npmi_lo, npmi_hi``; None
            leaves them out. Analytic (delta method on the multinomial counts of the 2×2 table
            of units, with 0.5 added to each cell for the variance; npmi clipped to [−1, 1]),
            because a bootstrap over documents would need per-document counts, which a
            result does not keep. With L = pmi in nats and h = ln(n/n_ab):
            Var(L) = 1/n_ab − 1/n_a − 1/n_b + 2·n_ab/(n_a·n_b) − 1/n and
            Var(npmi) = (Var(L) + 2·npmi·c + npmi²·(1/n_ab − 1/n)) / h², with
            c = 1/n_ab − 1/n_a − 1/n_b + 1/n (docs/measures.md).
            Units are taken as independent, so for sentences (clustered in documents) the
            intervals are too narrow by that clustering. NaN with ``count="mentions"`` or
            ``window=``, where ``n_ab`` does not count units.
        sort_by : str, optional
            Sort by this numeric column, largest first (within groups; NaN, so masked rows,
            last; ties by ``n_ab`` descending, then ``a``, ``b``). Default: the order of
            :attr:`pairs`.

        Returns
        -------
        DataFrame
            The columns of :attr:`pairs`, then ``pmi_lo, pmi_hi, npmi_lo, npmi_hi`` (with
            ``interval``) and ``masked``; ``attrs`` holds ``min_n``, ``masked`` (the number of
            rows masked), ``interval`` and ``interval_method``.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Aland").add("B", "Bland").add("C", "Cland")
        >>> docs = ["Aland and Bland."] * 10 + ["Aland."] * 10 + ["Bland."] * 15 + ["Nothing."] * 65
        >>> docs += ["Cland and Aland."] * 2
        >>> t = gazetta.cooccurrence(docs, g).table(min_n=5, sort_by="npmi")
        >>> t[["a", "b", "n_ab", "npmi", "npmi_lo", "npmi_hi", "masked"]].round(3)
           a  b  n_ab   npmi  npmi_lo  npmi_hi  masked
        0  A  B    10  0.266    0.062     0.47   False
        1  A  C     2    NaN      NaN      NaN    True
        >>> t.attrs["masked"]
        1
        """
        from ._measures import intervals, mask_min_n

        p = self._group_pairs(group) if group is not None else self.pairs
        out = p.copy()
        if interval is not None:
            units = self.meta.get("count") == "units" and self.meta.get("window") is None
            iv = intervals(out["n_ab"].to_numpy(), out["n_a"].to_numpy(), out["n_b"].to_numpy(),
                           out["n"].to_numpy(), interval)
            for c, v in iv.items():
                out[c] = v if units else np.full(len(out), np.nan)
        out = mask_min_n(out, min_n)
        if sort_by is not None:
            if sort_by not in out.columns or sort_by in ("a", "b", "name_a", "name_b", "kind_a", "kind_b", "masked") \
                    or sort_by in self._keys:
                raise ValueError(f"sort_by must be a numeric column of the table such as 'n_ab', 'npmi', 'llr', "
                                 f"'npmi_lo'; got {sort_by!r}")
            keys = list(self._keys)
            order = pd.DataFrame({**{k: out[k] for k in keys}, "_v": out[sort_by].astype(float).fillna(-np.inf),
                                  "_n": out["n_ab"], "_a": out["a"], "_b": out["b"]})
            order = order.sort_values(keys + ["_v", "_n", "_a", "_b"],
                                      ascending=[True] * len(keys) + [False, False, True, True], kind="stable")
            attrs = dict(out.attrs)
            out = out.loc[order.index]
            out.attrs.update(attrs)
        out = out.reset_index(drop=True)
        out.attrs["interval"] = None if interval is None else float(interval)
        out.attrs["interval_method"] = None if interval is None else "delta method, 0.5 added to each cell"
        return out

    def compare(self, target: Any = None, reference: Any = None, *, test: Literal["share", "lift"] = "share",
                correction: Literal["bh", "bonferroni", "none"] = "bh", min_n: int = 5,
                sort_by: Literal["g2", "p", "log_ratio"] = "g2") -> pd.DataFrame:
        """Which pairs differ between two parts of this result, or between two results: per
        pair, counts and shares in each, a log-likelihood test of the difference, its effect
        size and a corrected p-value (quanteda's ``textstat_keyness``, for pairs).

        The first one named is the *target*, the other the *reference*; a positive
        ``log_ratio`` means "more in the target":

        - ``co.compare(x, y)``: the groups selected by ``x`` against those selected by ``y``;
        - ``co.compare(x)``: the groups selected by ``x`` against every other group;
        - ``co1.compare(co2)``: all of ``co1`` against all of ``co2`` (two corpora counted
          with the same unit settings); ``co1.compare(x, co2)``: a part of ``co1`` against
          ``co2``.

        A selection is a dict ``{key column: value}`` whose value is a value, a list of values
        or an inclusive range ``slice(first, last)`` (either end may be None), e.g.
        ``{"source": "bbc"}`` or ``{"date": slice("1987-01", "1987-06")}``; a tuple of one
        value per key column (one group, as ``group=`` elsewhere); or, when the result has
        one key column, its value, list of values or slice directly: for a monthly result
        ``co.compare("1987-04", "1987-03")`` compares April (target) with March, so a
        positive ``log_ratio`` is a rise. Periods may be given as strings. Target and
        reference may not share a group; several groups are summed exactly.

        Parameters
        ----------
        target, reference : selection, Cooccurrence or None
            See above.
        test : {"share", "lift"}, default "share"
            ``"share"``: has the share of units holding the pair changed? With k_t, k_r the
            pair's units and N_t, N_r all units of each side, the 2×2 table
            ``[[k_t, N_t − k_t], [k_r, N_r − k_r]]`` is tested by G² = 2·Σ O·ln(O/E) (E the
            counts expected from the margins, 0·ln 0 = 0; as
            ``scipy.stats.chi2_contingency(table, correction=False,
            lambda_="log-likelihood")``), and ``log_ratio = log2((k_t/N_t) / (k_r/N_r))``.
            ``"lift"``: has the *association* changed? A pair's share can rise only because
            both entities are mentioned more often; this test asks whether the
            co-occurrences, k_t + k_r, are split between the sides as their expected counts
            x = n_a·n_b/N are (G² = 2·Σ k·ln(k/f) with f_t = (k_t + k_r)·x_t/(x_t + x_r)),
            and ``log_ratio = log2(lift_t / lift_r)``. The demo's table of changes uses
            ``"lift"``. When a count is zero, ``log_ratio`` adds half a co-occurrence, split
            between the sides in proportion to their sizes (N, or x for ``"lift"``), to both:
            ``log2((k_t/N_t + c) / (k_r/N_r + c))`` with ``c = 0.5/(N_t + N_r)`` (for
            ``"lift"``: lifts and ``c = 0.5/(x_t + x_r)``), so that it is finite and keeps
            the sign of the difference (Hardie's log ratio takes a zero count as 0.5, which
            can reverse the sign when the sides differ in size). The p-value is that of χ²
            with 1 degree of freedom; G² is computed with 0·ln 0 = 0, so zero counts need no
            adjustment there.
        correction : {"bh", "bonferroni", "none"}, default "bh"
            The multiple-testing correction of ``p_adj``, as in :meth:`significant`; the
            family is every pair tested (``p`` not NaN) after ``min_n``.
        min_n : int, default 5
            Leave out pairs with ``k_t + k_r < min_n`` before testing (filtering on the total,
            which does not depend on how it splits, keeps the correction valid); their number
            is ``attrs["dropped_min_n"]``. ``min_n=1`` keeps every pair.
        sort_by : {"g2", "p", "log_ratio"}, default "g2"
            ``g2`` largest first, ``p`` smallest first, ``log_ratio`` largest (most
            target-typical) first; NaN last; ties by ``a``, ``b``.

        Returns
        -------
        DataFrame
            ``[a, b, name_a, name_b, kind_a, kind_b, n_ab_target, n_ab_reference, n_target,
            n_reference, share_target, share_reference, n_a_target, n_a_reference,
            n_b_target, n_b_reference, expected_target, expected_reference, lift_target,
            lift_reference, npmi_target, npmi_reference, log_ratio, g2, p, p_adj]``: one row
            per pair counted on either side (``kinds=``/``between=`` of this result apply;
            ``min_count`` and the filters of :meth:`significant`/:meth:`backbone` do not:
            every counted pair is compared), with ``n_*`` the units (or mentions) of the pair, of all,
            of ``a`` and of ``b`` on each side. ``g2``, ``p``, ``log_ratio`` are NaN where the
            test does not apply (a side without units; for ``"lift"``, an entity absent from
            a side). ``attrs``: ``target``, ``reference`` (labels), ``test``, ``correction``,
            ``tests``, ``min_n``, ``dropped_min_n``, ``sort_by``, ``unit``, ``count``.

        Examples
        --------
        >>> import gazetta, pandas as pd
        >>> g = gazetta.Gazetteer().add("A", "Aland").add("B", "Bland")
        >>> df = pd.DataFrame({"text": ["Aland and Bland."] * 6 + ["Aland."] * 4
        ...                            + ["Aland and Bland."] + ["Bland."] * 9,
        ...                    "source": ["x"] * 10 + ["y"] * 10})
        >>> co = gazetta.cooccurrence(df, g, by="source")
        >>> t = co.compare("x", "y")
        >>> t[["a", "b", "n_ab_target", "n_ab_reference", "share_target", "share_reference"]]
           a  b  n_ab_target  n_ab_reference  share_target  share_reference
        0  A  B            6               1           0.6              0.1
        >>> t[["log_ratio", "g2", "p"]].round(4)
           log_ratio      g2       p
        0     2.585  5.936  0.0148
        >>> co.compare("x", "y", test="lift")[["lift_target", "lift_reference", "g2"]]
           lift_target  lift_reference   g2
        0          1.0             1.0  0.0
        """
        from ._compare import compare

        return compare(self, target, reference, test=test, correction=correction, min_n=min_n, sort_by=sort_by)

    def _group_pairs(self, group: Any) -> pd.DataFrame:
        p = self.pairs
        if not self._keys:
            return p
        if group is None:
            if len(self.groups) > 1:
                raise ValueError(f"this result has {len(self.groups)} groups: pass group=(...) with values of "
                                 f"{self._keys}")
            return p
        key = group if isinstance(group, tuple) else (group,)
        if len(key) != len(self._keys):
            raise ValueError(f"group must give one value per key column {self._keys}; got {group!r}")
        mask = np.ones(len(p), dtype=bool)
        for col, val in zip(self._keys, key):
            col_v = p[col]
            if isinstance(col_v.dtype, pd.PeriodDtype) and not isinstance(val, pd.Period):
                val = pd.Period(val, freq=col_v.dtype.freq)
            mask &= (col_v == val).to_numpy()
        return p.loc[mask]

    def to_networkx(self, *, weight: str = "n_ab", group: Any = None, min_weight: Optional[float] = None) -> Any:
        """The co-occurrence network as a :class:`networkx.Graph`.

        Nodes are entity ids with attributes ``name``, ``kind``, ``n_units``, ``n_mentions``,
        ``n_docs``; edges carry ``n_ab``, ``n_a``, ``n_b``, ``n`` and every measure, plus
        ``weight`` (a copy of the chosen column).

        Parameters
        ----------
        weight : str, default "n_ab"
            The pair column copied to each edge's ``weight``.
        group : scalar or tuple, optional
            For sliced results, the group to take (one value per key column).
        min_weight : float, optional
            Leave out the edges whose weight is below ``min_weight`` or NaN (nodes follow the
            edges left). Layouts and path algorithms read ``weight`` as a strength or a length
            and go wrong on negative values, which ``npmi`` and ``pmi`` have for pairs seen
            together less often than chance: without ``min_weight`` such weights (and NaN
            ones) are kept with a ``UserWarning``; ``min_weight=0`` keeps the attracting
            pairs only, ``min_weight=-math.inf`` keeps every finite weight without a warning.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
        >>> G = gazetta.cooccurrence(["Alphaland and Betaland."], g).to_networkx()
        >>> G.number_of_nodes(), G.number_of_edges(), G.edges["A", "B"]["n_ab"]
        (2, 1, 1)
        """
        import networkx as nx

        from ._graph import check_min_weight, weight_mask

        min_weight = check_min_weight(min_weight)
        p = self._group_pairs(group)
        if weight not in p.columns or weight in ("a", "b", "name_a", "name_b", "kind_a", "kind_b"):
            raise ValueError(f"weight must be a numeric pair column such as 'n_ab', 'npmi', 'pmi'; got {weight!r}")
        if len(p):
            p = p.loc[weight_mask(p[weight].to_numpy(dtype=float), weight, min_weight, "to_networkx", stacklevel=2)]
        ents = self.entities
        if self._keys and group is not None:
            key = group if isinstance(group, tuple) else (group,)
            mask = np.ones(len(ents), dtype=bool)
            for col, val in zip(self._keys, key):
                col_v = ents[col]
                if isinstance(col_v.dtype, pd.PeriodDtype) and not isinstance(val, pd.Period):
                    val = pd.Period(val, freq=col_v.dtype.freq)
                mask &= (col_v == val).to_numpy()
            ents = ents.loc[mask]
        G = nx.Graph()
        used = set(p["a"]).union(p["b"])
        for row in ents.itertuples(index=False):
            if row.entity in used or not len(p):
                G.add_node(row.entity, name=row.name, kind=row.kind, n_units=int(row.n_units),
                           n_mentions=int(row.n_mentions), n_docs=int(row.n_docs))
        cols = ["n_ab", "n_a", "n_b", "n", *MEASURES]
        for rec in p[["a", "b", *cols]].itertuples(index=False):
            attrs = {c: (int(v) if c in ("n_ab", "n_a", "n_b", "n") else float(v)) for c, v in zip(cols, rec[2:])}
            attrs["weight"] = attrs[weight] if weight in attrs else float(getattr(rec, weight))
            G.add_edge(rec[0], rec[1], **attrs)
        return G

    # -- evidence -------------------------------------------------------------------------
    def evidence(self, a: str, b: str, n: int = 20, *, sample: Literal["first", "random"] = "first",
                 seed: Optional[int] = None, group: Any = None) -> pd.DataFrame:
        """The units in which ``a`` and ``b`` co-occur: the evidence behind ``n_ab``.

        Exactly the units that were counted: documents folded by ``dedupe=`` and documents
        counted in no group (a missing or unreadable group key) give none, and each unit is
        split, matched (``level=`` roll-up, ambiguous spans) as in the counting.

        Uses the units kept while counting (``keep_evidence=n``; works for streamed corpora,
        and for merged results when every part kept evidence: the parts' documents then
        count as one corpus, in merge order), or else re-reads the in-memory corpus the
        result was counted from (a DataFrame, list, tuple or Series; held by reference, with
        references to the texts counted as its fingerprint: texts later replaced in the
        corpus stay in memory while the result does). If those texts changed since (edited,
        reordered, rows added or dropped), this raises :class:`~gazetta.GazettaError` rather
        than show other text.

        Parameters
        ----------
        a, b : str
            Entity ids (or names that only one entity has, e.g. ``"Japan"``), in either order
            (``spans_a`` are ``a``'s). An unknown one raises a KeyError that suggests the
            closest ids and names.
        n : int, default 20
            At most this many rows.
        sample : {"first", "random"}, default "first"
            ``"first"``: the first ``n`` units in corpus order. ``"random"``: ``n`` units drawn
            uniformly without replacement from every unit of the pair, shown in corpus
            order; from kept evidence only when it holds all the pair's units (else the
            in-memory corpus, else a :class:`~gazetta.GazettaError`).
        seed : int, optional
            Seed of the random draw (``sample="random"``): the same seed gives the same rows.
        group : scalar or tuple, optional
            For sliced results (``by=``/``time=``), only the units of this group (one value
            per key column, as for :meth:`partners`; a time key may be given as a string
            such as ``"1987-03"``). Without it the units of every group, in corpus order.

        Returns
        -------
        DataFrame
            ``[doc, <group keys>..., unit, start, end, text, spans_a, spans_b, ambiguous]``: the
            document (its id, or position), the unit's index within the document and its span,
            the unit's text (a lone surrogate shown as U+FFFD), the code-point spans of the
            mentions of ``a`` and of ``b`` (relative to the unit's text), and whether one of
            those mentions is a span left ambiguous (undecided, counted for each of its
            candidates: ``meta["ambiguous_spans"]``), at most ``n`` rows, in corpus order. In a notebook the mentions are highlighted (also in column
            subsets such as ``[["doc", "text"]]``).

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
        >>> co = gazetta.cooccurrence(["Nothing. Alphaland and Betaland met.", "Betaland."], g)
        >>> co.evidence("A", "B")[["doc", "unit", "text", "spans_a", "spans_b"]]
           doc  unit                          text   spans_a    spans_b
        0    0     1  Alphaland and Betaland met.  [(0, 9)]  [(14, 22)]
        >>> docs = [f"Report {i}: Alphaland and Betaland." for i in range(10)]
        >>> gazetta.cooccurrence(docs, g).evidence("A", "B", n=3, sample="random", seed=1)["doc"].tolist()
        [3, 4, 7]
        >>> import pandas as pd
        >>> news = pd.DataFrame({"text": docs, "date": pd.date_range("2024-01-01", periods=10, freq="W")})
        >>> monthly = gazetta.cooccurrence(news, g, time="date", freq="M")
        >>> monthly.evidence("A", "B", group="2024-02")[["doc", "date"]].values.tolist()
        [[4, Period('2024-02', 'M')], [5, Period('2024-02', 'M')], [6, Period('2024-02', 'M')], [7, Period('2024-02', 'M')]]
        """
        from ._evidence import evidence

        return evidence(self, a, b, n, sample, seed, group)

    # -- combination ----------------------------------------------------------------------
    def backbone(self, alpha: float = 0.05, *, weight: str = "n_ab") -> "Cooccurrence":
        """The backbone of the network by the disparity filter (Serrano, Boguñá and
        Vespignani 2009, PNAS 106:6483): keeps a pair when, for at least one of its two
        entities, its share of that entity's total weight is significant at level ``alpha``
        against a uniform split over the entity's edges, p = (1 − w/s)^(k−1). Applied within
        each group of a sliced result; entities with one edge give no evidence from their side.

        Returns the same type, with :attr:`pairs` filtered (counts, entities, groups and
        :meth:`merge` are unchanged); ``meta["filters"]`` records the filter.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer()
        >>> for i in "ABCD":
        ...     _ = g.add(i, i + "land")
        >>> docs = ["Aland and Bland."] * 8 + ["Aland and Cland.", "Aland and Dland."]
        >>> co = gazetta.cooccurrence(docs, g)
        >>> co.backbone(alpha=0.05).pairs[["a", "b"]]
           a  b
        0  A  B
        """
        from ._backbone import backbone

        return backbone(self, alpha, weight)

    def significant(self, p: float = 0.01, *, direction: str = "positive",
                    correction: Literal["bh", "bonferroni", "none"] = "bh") -> "Cooccurrence":
        """Pairs whose association is significant by Dunning's G² test, corrected for testing
        every pair of the table at once: adjusted ``llr_p`` below ``p``, and with
        ``direction="positive"`` (default) only pairs seen together more often than
        expected (``n_ab > expected``; ``"negative"`` the opposite, ``"both"`` either).

        ``correction``: ``"bh"`` (default) Benjamini–Hochberg, so that among the pairs kept
        at most a share ``p`` is expected to be false discoveries; ``"bonferroni"``, so that
        the chance of keeping any false pair is at most ``p``; ``"none"``, each pair tested
        alone at level ``p`` (with thousands of pairs, dozens pass by chance). The family is
        every row of :attr:`pairs` (all groups), before the direction filter.

        Returns the same type, with :attr:`pairs` filtered and a column ``llr_p_adj`` (the
        adjusted p-value); ``meta["filters"]`` records ``p``, ``direction``, ``correction``
        and the number of ``tests``.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Aland").add("B", "Bland").add("C", "Cland")
        >>> docs = ["Aland and Bland."] * 6 + ["Cland."] * 6 + ["Aland and Cland."]
        >>> gazetta.cooccurrence(docs, g).significant(p=0.05).pairs[["a", "b"]]
           a  b
        0  A  B
        """
        from ._backbone import significant

        return significant(self, p, direction, correction)

    def merge(self, other: "Cooccurrence") -> "Cooccurrence":
        """Adds the counts of two results (e.g. two halves of a corpus), exactly.

        Both must come from the same gazetteer, matcher options and unit settings.
        Measures are recomputed from the summed counts; ``min_count``/``kinds`` filters of
        ``self`` apply. Evidence kept by both (``keep_evidence=``) is merged as if ``other``'s
        documents followed ``self``'s in one corpus.

        Examples
        --------
        >>> import gazetta
        >>> g = gazetta.Gazetteer().add("A", "Alphaland").add("B", "Betaland")
        >>> docs = ["Alphaland and Betaland.", "Betaland, Alphaland.", "Alphaland."]
        >>> whole = gazetta.cooccurrence(docs, g)
        >>> parts = gazetta.cooccurrence(docs[:2], g).merge(gazetta.cooccurrence(docs[2:], g))
        >>> whole.pairs.equals(parts.pairs)
        True
        """
        from ._merge import merge

        return merge(self, other)

    # -- display & pickling ---------------------------------------------------------------
    def __repr__(self) -> str:
        g = f", {len(self.groups)} groups by {self._keys}" if self._keys else ""
        w = f", window={self.meta['window']}" if self.meta.get("window") is not None else ""
        return (f"<gazetta.Cooccurrence: {len(self.pairs)} pairs, {self.entities['entity'].nunique()} entities, "
                f"unit={self.meta['unit']!r}, count={self.meta['count']!r}{w}{g}, {self.meta['n_docs']} documents>")

    def _repr_html_(self) -> str:
        head = self.pairs.head(10)
        return (f"<div><b>gazetta.Cooccurrence</b>: {len(self.pairs)} pairs, "
                f"{self.entities['entity'].nunique()} entities, unit=<code>{self.meta['unit']}</code>, "
                f"count=<code>{self.meta['count']}</code>, {self.meta['n_docs']} documents"
                + (f", {len(self.groups)} groups by {self._keys}" if self._keys else "")
                + "<br>Top pairs:" + head.to_html(index=False, float_format=lambda x: f"{x:.3f}") + "</div>")

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state["_corpus"] = None  # the corpus is not part of the result
        state["_entities"] = self.entities  # built now if still lazy
        state["_groups"] = self.groups
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        state = dict(state)
        for old, new in (("entities", "_entities"), ("groups", "_groups")):  # pickles of 0.1.0
            if old in state:
                state[new] = state.pop(old)
        self.__dict__.update(state)

    # -- pictures and network files (gazetta.plot, gazetta._graph) --------------------------
    def plot_network(self, **kwargs: Any) -> Any:
        """The co-occurrence network as a matplotlib Figure: :func:`gazetta.plot.network`
        (same keyword arguments: ``top=40, weight="npmi", min_n=5, credit=None, ...``).

        Examples
        --------
        >>> import gazetta
        >>> from gazetta.datasets import demo_news
        >>> from gazetta.gazetteers import countries
        >>> co = gazetta.cooccurrence(demo_news(), countries())
        >>> fig = co.plot_network(top=15, color="community", credit="Data: Wikinews contributors, CC BY 2.5")
        """
        from .plot import network

        return network(self, **kwargs)

    def plot_heatmap(self, **kwargs: Any) -> Any:
        """An entity × entity heat map: :func:`gazetta.plot.heatmap` (``top=20,
        value="n_ab", min_n=None, vmax=None, ...``).

        Examples
        --------
        >>> import gazetta
        >>> from gazetta.datasets import demo_news
        >>> from gazetta.gazetteers import countries
        >>> co = gazetta.cooccurrence(demo_news(), countries())
        >>> fig = co.plot_heatmap(top=10, value="npmi", min_n=5)
        """
        from .plot import heatmap

        return heatmap(self, **kwargs)

    def plot_timeline(self, pairs: Optional[Sequence[Tuple[str, str]]] = None, **kwargs: Any) -> Any:
        """Pair strength over the periods of a time-sliced result: :func:`gazetta.plot.timeline`
        (``pairs=[("US", "CN"), ...], value="npmi", freq=None, min_n=5, ...``).

        Examples
        --------
        >>> import gazetta
        >>> from gazetta.datasets import demo_news
        >>> from gazetta.gazetteers import countries
        >>> co = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="Q")
        >>> fig = co.plot_timeline([("RU", "UA")], value="lift", freq="Y")
        """
        from .plot import timeline

        return timeline(self, pairs, **kwargs)

    def write_gexf(self, path: Any, **kwargs: Any) -> None:
        """Writes a GEXF file for Gephi, dynamic (timeline) for time-sliced results:
        keyword arguments ``dynamic=None, weight="n_ab", group=None,
        min_weight=None``. Gephi reads edge weights as attraction: a signed weight
        (``npmi``, ``pmi``) with negative values is written with a ``UserWarning`` unless
        ``min_weight=`` (e.g. 0) leaves the edges below it out.

        Examples
        --------
        >>> import os, tempfile, gazetta
        >>> g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China").add("US", "United States")
        >>> co = gazetta.cooccurrence(["Japan and China.", "United States and Japan."] * 3, g)
        >>> path = os.path.join(tempfile.mkdtemp(), "countries.gexf")
        >>> co.write_gexf(path)                       # open it in Gephi
        >>> import pathlib
        >>> pathlib.Path(path).read_text(encoding="utf-8").count("<edge ")
        2
        """
        from ._graph import write_gexf

        write_gexf(self, path, **kwargs)

    def write_graphml(self, path: Any, **kwargs: Any) -> None:
        """Writes a static GraphML file; keyword arguments ``weight="n_ab", group=None,
        min_weight=None`` (keep the edges with ``weight >= min_weight``).

        Examples
        --------
        >>> import os, tempfile, networkx, gazetta
        >>> g = gazetta.Gazetteer().add("JP", "Japan").add("CN", "China").add("US", "United States")
        >>> co = gazetta.cooccurrence(["Japan and China.", "United States and Japan."] * 3, g)
        >>> path = os.path.join(tempfile.mkdtemp(), "countries.graphml")
        >>> co.write_graphml(path, min_weight=3)
        >>> sorted(networkx.read_graphml(path).edges())
        [('CN', 'JP'), ('JP', 'US')]
        """
        from ._graph import write_graphml

        write_graphml(self, path, **kwargs)

    def to_html(self, path: Any = None, **kwargs: Any) -> Any:
        """An interactive network page: one self-contained HTML file drawn by sigma.js.

        The same entities, edges, layout, sizes and colours as :meth:`plot_network`; hover a
        node or an edge for its counts and measures; a search box; for a time-sliced result
        (``time=``), a period slider. Every script is inline: the file opens offline.

        Parameters
        ----------
        path : str or path-like, optional
            Where to write the page. Without it, the page is returned as a
            :class:`gazetta.NetworkPage`, which Jupyter shows inline.
        **kwargs
            As for :func:`gazetta.plot.network`: ``top=40, weight="npmi", group=None,
            min_n=5, max_edges=None, color="auto", seed=7, title=None``; and
            ``height=640`` (pixels, inline display).

        Returns
        -------
        pathlib.Path or NetworkPage
            The path written, or the page when no path is given.

        Examples
        --------
        >>> import gazetta
        >>> from gazetta.datasets import demo_news
        >>> from gazetta.gazetteers import countries
        >>> co = gazetta.cooccurrence(demo_news(), countries(), time="date", freq="Y")
        >>> page = co.to_html(top=25)  # shows inline in Jupyter
        >>> page.n_nodes, page.n_views
        (25, 7)
        >>> co.to_html("network.html", top=25)  # doctest: +SKIP
        PosixPath('network.html')
        """
        from ._html import network_page

        page = network_page(self, **kwargs)
        return page if path is None else page.save(path)
