"""Reading a date column into periods, the same way for every row (``cooccurrence(time=...)``).

pandas' ``to_datetime(format="mixed")`` reads one value at a time: "03/04/1987" month-first and
"13/04/1987" day-first in the same column, an integer year 1987 as 1987 nanoseconds after 1970,
and mixed time zones raise. :class:`DateReader` instead decides once, over the whole column
(or, for a streamed corpus, from the first values that show it, then holds to it):

- the day/month order of numeric dates ("03/04/1987"): ``dayfirst=`` if given, else the order
  some value proves ("13/04/1987" is day-first); values proving both orders are an error;
  with no proof, month-first (pandas' convention), with a warning;
- the format(s): ``date_format=`` if given (strict), else pandas' guess from the values;
- integers (and whole floats) are years;
- values with a time zone are converted to UTC (counted in ``.meta["dates_to_utc"]``, noted
  once in a warning); values without one are taken as they are;
- a missing or empty value is no date (``.meta["missing_dates"]``); a value that cannot be read
  is no date either, counted in ``.meta["unreadable_dates"]`` and warned about with an example.

:func:`period_freq` accepts any pandas period frequency, also in its offset spelling ("ME",
"QE", "YE") and with a multiple ("2M", "2W"); multiples are counted in fixed bins from the
period that holds 1970-01-01 ("2M": Jan-Feb, Mar-Apr, ...), so every document of a bin gets the
same key.
"""

from __future__ import annotations

import contextvars
import re
import warnings
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

__all__ = ["period_freq", "DateReader"]

#: The short spellings of the five classic frequencies (kept in ``.meta["freq"]``).
_SHORT = {"D": "D", "W-SUN": "W", "M": "M", "Q-DEC": "Q", "Y-DEC": "Y"}
_EXAMPLES = "'D', 'W', 'W-MON', 'M' (or 'ME'), 'Q', 'Y', '2M'"
#: A numeric date whose first two fields are day and month in some order: 03/04/1987, 3.4.87.
_NUMERIC = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
#: The same for RE2 (pyarrow), which has no back-references or look-ahead.
_NUMERIC_RE2 = r"^\s*(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?:\d{4}|\d{2})(?:[^0-9]|$)"
#: A time followed by a zone: "10:00Z", "10:00:00+01:00", "10:00 GMT", "10:00:00 -0500".
_ZONED = re.compile(r"\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|[+-]\d\d(?::?\d\d)?|(?!(?:AM|PM)\s*$)[A-Z]{2,5})\s*$")
#: True while counting one part of a corpus (gazetta.dask): a part whose dates are all
#: unreadable is no error there; the caller judges the whole.
PART = contextvars.ContextVar("gazetta_dates_part", default=False)
_MAX_GUESSES = 16


def period_freq(freq: Any) -> Tuple[str, str, int]:
    """``(canonical, base, n)`` of a pandas frequency alias, checked by pandas.

    ``canonical`` is what ``.meta["freq"]`` keeps: the short form of the five classic
    frequencies ("M" for "ME", "Q" for "QE" or "Q-DEC", "W" for "W-SUN"), else pandas' period
    alias ("W-MON", "Q-JAN", "h"), with the multiple in front ("2M").

    Examples
    --------
    >>> period_freq("ME"), period_freq("W-MON"), period_freq("2M"), period_freq("QE")
    (('M', 'M', 1), ('W-MON', 'W-MON', 1), ('2M', 'M', 2), ('Q', 'Q', 1))
    """
    if not isinstance(freq, str) or not freq.strip():
        raise ValueError(f"freq must be a pandas frequency alias such as {_EXAMPLES}; got {freq!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # deprecated spellings still name a period
        try:
            off = pd.Period("2000-01-03", freq=freq).freq
        except (ValueError, TypeError) as e:
            try:
                off = pd.Period("2000-01-03", freq=pd.tseries.frequencies.to_offset(freq)).freq
            except (ValueError, TypeError):
                raise ValueError(f"freq must be a pandas frequency alias such as {_EXAMPLES}; got {freq!r} "
                                 f"(pandas: {' '.join(str(e).split())})") from None
        base = _SHORT.get(pd.Period("2000-01-03", freq=off.base).freqstr,
                          pd.Period("2000-01-03", freq=off.base).freqstr)
    n = int(off.n)
    if n < 1:
        raise ValueError(f"freq must be a positive multiple of a period; got {freq!r}")
    return (base if n == 1 else f"{n}{base}"), base, n


def _fields(strs: Any) -> Tuple[np.ndarray, np.ndarray]:
    """The first two fields of numeric dates ("03/04/1987" -> 3, 4); 0 where not one."""
    if not len(strs):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    try:  # RE2 in C++: ~20x faster than Python's re over many values
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        pa = None
    if pa is not None:
        got = pc.extract_regex(pa.array(np.asarray(strs, dtype=object), type=pa.string()), _NUMERIC_RE2)
        out = []
        for name in ("a", "b"):
            f = pc.struct_field(got, name)
            out.append(np.asarray(pc.fill_null(pc.cast(f, pa.int64()), 0).to_numpy(zero_copy_only=False),
                                  dtype=np.int64))
        return out[0], out[1]
    m = pd.Series(np.asarray(strs, dtype=object), dtype=object).str.extract(_NUMERIC.pattern)
    a = pd.to_numeric(m[0], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    b = pd.to_numeric(m[2], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    return a, b


def _dm_order(fmt: Optional[str]) -> Optional[bool]:
    """Whether a strftime format writes numeric dates day-first (True), month-first (False),
    or neither (None: ISO "%Y-%m-%d", month names, ...): both %d and %m before any year."""
    if not fmt or "%d" not in fmt or "%m" not in fmt:
        return None
    d, m = fmt.index("%d"), fmt.index("%m")
    years = [fmt.index(y) for y in ("%Y", "%y") if y in fmt]
    if years and min(years) < max(d, m):
        return None
    return d < m


def _plain(x: Any) -> Any:
    """A numpy scalar as the Python value (for messages: 3, not np.int64(3))."""
    return x.item() if isinstance(x, np.generic) else x


def _order_word(dayfirst: Optional[bool]) -> Optional[str]:
    return None if dayfirst is None else ("day-first" if dayfirst else "month-first")


class DateReader:
    """Reads a date column into periods of one frequency, consistently across chunks.

    Call :meth:`scan` with the whole column when it is at hand (a DataFrame): the order and
    formats are then decided from every value. :meth:`periods` reads one chunk.
    """

    def __init__(self, column: str, freq: str, dayfirst: Optional[bool] = None,
                 date_format: Optional[str] = None) -> None:
        if dayfirst is not None and not isinstance(dayfirst, (bool, np.bool_)):
            raise ValueError(f"dayfirst must be True, False or None; got {dayfirst!r}")
        if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format) \
                and date_format not in ("ISO8601", "mixed"):
            raise ValueError(f"date_format must be a strftime format such as '%d/%m/%Y', or 'ISO8601'; "
                             f"got {date_format!r}")
        if dayfirst is not None and date_format is not None:
            raise ValueError("pass dayfirst= or date_format=, not both (a format already fixes the order)")
        self.column = column
        self.freq, self.base, self.n = period_freq(freq)
        self.dayfirst: Optional[bool] = None if dayfirst is None else bool(dayfirst)
        self.date_format = date_format
        #: "day-first"/"month-first" (given or proven), "month-first (assumed)", or None.
        self.order: Optional[str] = _order_word(self.dayfirst)
        self._proof: Optional[str] = None  # the value that proved the order
        self.formats: List[str] = []
        self.missing = 0  # rows without a readable date (empty or unreadable)
        self.unreadable = 0  # rows with a value that is not a date
        self.first_unreadable: Optional[str] = None
        self.to_utc = 0
        self.years = False
        self._warned_order = False

    # -- deciding -----------------------------------------------------------------------------
    def scan(self, values: pd.Series) -> None:
        """Decides the day/month order from the whole column (before any chunk is read)."""
        strs = self._strings(values)
        if strs is not None and len(strs):
            self._decide(pd.unique(strs), values)

    def _decide(self, uniq: np.ndarray, values: Optional[pd.Series] = None) -> None:
        if self.date_format is not None or self.dayfirst is not None:
            return
        a, b = _fields(uniq)
        first = (lambda mask: str(uniq[np.flatnonzero(mask)[0]]) if mask.any() else None)
        day = first((a > 12) & (b >= 1) & (b <= 12))
        month = first((b > 12) & (a >= 1) & (a <= 12))
        ambiguous = first((a >= 1) & (a <= 12) & (b >= 1) & (b <= 12))
        where = (lambda s: self._where(values, s)) if values is not None else (lambda s: "")
        if day and month:
            raise ValueError(f"the dates in {self.column!r} mix day-first ({day!r}{where(day)}) and month-first "
                             f"({month!r}{where(month)}) orders; pass date_format= for the column's format "
                             "and correct the other values")
        proof = day or month
        if proof:
            new = "day-first" if day else "month-first"
            if self.order is not None and self.order != new:
                raise ValueError(
                    f"{proof!r} in {self.column!r} is {new} but earlier dates were read "
                    + (f"{self.order} (from {self._proof!r})" if self._proof else
                       "month-first (no earlier value showed the order)")
                    + f"; pass dayfirst={new == 'day-first'} (or date_format=) to read the whole column one way")
            if self.order is None or self._proof is None:
                self.order, self._proof = new, proof
        elif ambiguous and self.order is None:
            self.order = "month-first (assumed)"
            if not self._warned_order:
                self._warned_order = True
                warnings.warn(f"dates in {self.column!r} such as {ambiguous!r} could be day-first or month-first "
                              "and no value shows which: read month-first (as pandas does); pass dayfirst=True "
                              "or date_format= to say how they are written", UserWarning, stacklevel=4)

    def _where(self, values: Optional[pd.Series], s: str) -> str:
        if values is None:
            return ""
        try:
            hit = values.index[values.astype(object) == s]
        except Exception:  # noqa: BLE001 - only a nicer message
            return ""
        return f", row {_plain(hit[0])!r}" if len(hit) else ""

    @property
    def _dayfirst(self) -> bool:
        return bool(self.order and self.order.startswith("day"))

    # -- reading ------------------------------------------------------------------------------
    @staticmethod
    def _strings(values: pd.Series) -> Optional[np.ndarray]:
        """The distinct non-empty string values (stripped), or None when the column is not text."""
        if pd.api.types.is_datetime64_any_dtype(values) or isinstance(values.dtype, pd.PeriodDtype) \
                or pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            return None
        uniq = pd.unique(values.astype(object).to_numpy())
        out = [v.strip() for v in uniq if isinstance(v, str) and v.strip()]
        return np.array(out, dtype=object)

    def periods(self, values: pd.Series) -> Tuple[np.ndarray, np.ndarray]:
        """``(keys, missing)``: a Period (object array) per row and a mask of rows without one."""
        if isinstance(values.dtype, pd.PeriodDtype):
            per = values.dt.asfreq(self.base)
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            per = self._years(values)
        else:
            per = self._timestamps(values).dt.to_period(self.base)
            if self.formats == ["%Y"] and not self.base.startswith("Y"):
                raise ValueError(f"the time column {self.column!r} holds years (text such as "
                                 f"{_plain(values.dropna().iloc[0])!r}), so freq must be yearly ('Y', or a "
                                 f"multiple such as '5Y'); got {self.freq!r}")
            if self.formats == ["%Y"]:
                self.years = True
        missing = per.isna().to_numpy()
        ords = np.where(missing, 0, np.asarray(per.array.asi8))
        if self.n > 1:  # fixed bins of n periods from the one holding 1970-01-01
            ords = (ords // self.n) * self.n
        # one Period object per distinct period, shared by its rows (boxing one per row was
        # most of the time of a large column)
        uniq, inv = np.unique(ords, return_inverse=True)
        boxed = np.empty(len(uniq), dtype=object)
        boxed[:] = list(pd.PeriodIndex.from_ordinals(uniq, freq=self.freq))
        keys = boxed[inv.reshape(-1)]
        keys[missing] = None
        self.missing += int(missing.sum())
        return keys, missing

    def _timestamps(self, values: pd.Series) -> pd.Series:
        """Naive timestamps (UTC where the value had a zone), NaT where there is no date.

        Text and other objects are read once per distinct value (a column of 10^6 rows holds
        far fewer distinct dates), then spread back to the rows."""
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            self.to_utc += int(values.notna().sum())
            return values.dt.tz_convert("UTC").dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(values):
            return values
        if pd.api.types.is_bool_dtype(values):
            raise ValueError(f"the time column {self.column!r} holds booleans, not dates")
        codes, uniq = pd.factorize(values.astype(object), use_na_sentinel=True)
        if not len(uniq):  # no value at all (e.g. a misspelt field of a streamed corpus): no date
            return pd.Series(np.full(len(values), np.datetime64("NaT", "ns")), index=values.index,
                             dtype="datetime64[ns]")
        uniq = np.asarray(uniq, dtype=object)
        ts_u = np.full(len(uniq), np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
        zoned_u = np.zeros(len(uniq), dtype=bool)
        empty_u = np.zeros(len(uniq), dtype=bool)
        is_str = np.fromiter((isinstance(u, str) for u in uniq), dtype=bool, count=len(uniq))
        if is_str.any():
            ts_u[is_str], zoned_u[is_str], empty_u[is_str] = self._read_strings(uniq[is_str], values)
        if (~is_str).any():
            ts_u[~is_str], zoned_u[~is_str] = self._read_objects(uniq[~is_str])
        has = codes >= 0
        safe = np.where(has, codes, 0)
        weights = np.bincount(codes[has], minlength=len(uniq))
        got = ~np.isnat(ts_u)
        self.to_utc += int(weights[zoned_u & got].sum())
        bad_u = ~got & ~empty_u
        if bad_u.any():
            rows = np.flatnonzero(bad_u[safe] & has)
            self.unreadable += len(rows)
            if self.first_unreadable is None:
                self.first_unreadable = f"{_plain(values.iloc[rows[0]])!r} (row {_plain(values.index[rows[0]])!r})"
        out = np.where(has, ts_u[safe], np.datetime64("NaT", "ns"))
        return pd.Series(out, index=values.index, dtype="datetime64[ns]")

    def _years(self, values: pd.Series) -> pd.Series:
        """Numbers are years: periods of the (yearly) frequency."""
        v = values.to_numpy(dtype=np.float64, na_value=np.nan)
        ok = np.isfinite(v)
        bad = ok & ((v != np.floor(v)) | (v < 1) | (v > 9999))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(f"the time column {self.column!r} holds numbers, read as years, but "
                             f"{_plain(values.iloc[i])!r} (row {_plain(values.index[i])!r}) is not a year (1..9999): convert it "
                             "first, e.g. pd.to_datetime(col, format='%Y%m%d') or pd.to_datetime(col, unit='s')")
        if not self.base.startswith("Y"):
            raise ValueError(f"the time column {self.column!r} holds years (numbers), so freq must be yearly "
                             f"('Y', or a multiple such as '5Y'); got {self.freq!r}")
        self.years = True
        years = np.where(ok, v, 1970).astype(np.int64)
        per = pd.Series(pd.PeriodIndex.from_fields(year=years, month=np.ones(len(years), dtype=np.int64),
                                                   freq=self.base), index=values.index)
        per[~ok] = pd.NaT
        return per

    def _read_objects(self, objs: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Distinct datetime/date/Timestamp objects (numbers: years): ``(timestamps, aware)``,
        aware ones converted to UTC."""
        def year(v: Any) -> Any:  # a number among other values is a year, as in a numeric column
            if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.number)):
                return v
            ok = np.isfinite(v) and float(v).is_integer() and 1678 <= v <= 2261
            if ok:
                self.years = True
            return pd.Timestamp(int(v), 1, 1) if ok else None

        obj = pd.Series([year(v) for v in objs], dtype=object)
        aware = obj.map(lambda v: getattr(v, "tzinfo", None) is not None).to_numpy(dtype=bool)
        try:
            ts = pd.to_datetime(obj, utc=True, errors="coerce")
        except (TypeError, ValueError):
            ts = pd.Series([pd.to_datetime(v, utc=True, errors="coerce") for v in obj])
        return self._to_naive(ts), aware

    def _read_strings(self, strs: np.ndarray, values: pd.Series) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Distinct strings: ``(timestamps, zoned, empty)``."""
        ser = pd.Series(strs, dtype=object).str.strip()
        empty = (ser == "").to_numpy(dtype=bool)
        todo = ser[~empty].to_numpy(dtype=object)
        self._decide(todo, values)
        ts = np.full(len(strs), np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
        ts[~empty] = self._parse(todo)
        zoned = np.zeros(len(strs), dtype=bool)
        zoned[~empty] = ser[~empty].str.contains(_ZONED.pattern, regex=True).to_numpy(dtype=bool)
        return ts, zoned, empty

    def _to_naive(self, parsed: Any) -> np.ndarray:
        idx = pd.DatetimeIndex(parsed)
        if idx.tz is not None:
            idx = idx.tz_convert("UTC").tz_localize(None)
        return idx.as_unit("ns").to_numpy().copy()

    def _parse(self, u: np.ndarray) -> np.ndarray:
        """Timestamps (naive, UTC) for unique strings ``u``, NaT for those that are no date."""
        out = np.full(len(u), np.datetime64("NaT", "ns"), dtype="datetime64[ns]")

        def attempt(idx: np.ndarray, **kw: Any) -> np.ndarray:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    got = pd.to_datetime(pd.Series(u[idx], dtype=object), errors="coerce", utc=True, **kw)
                except (ValueError, TypeError, OverflowError):
                    return idx
            vals = self._to_naive(got)
            fixed = _dm_order(kw.get("format"))
            if self.order is not None and self.date_format is None and fixed is not None \
                    and fixed != self._dayfirst:
                return idx  # a format of the other order (guessed for a value that cannot be in ours)
            if self.order is not None and self.date_format is None and kw.get("format") in ("mixed", "ISO8601"):
                # a numeric date must be read in the column's order, whichever way pandas read it
                a, b = _fields(u[idx])
                num = (a > 0) & ~np.isnat(vals)
                if num.any():
                    day, month = (a, b) if self._dayfirst else (b, a)
                    t = pd.DatetimeIndex(vals)
                    wrong = num & ((t.day.to_numpy() != day) | (t.month.to_numpy() != month))
                    vals[wrong] = np.datetime64("NaT", "ns")
            ok = ~np.isnat(vals)
            out[idx[ok]] = vals[ok]
            if ok.any() and kw.get("format") and kw["format"] not in self.formats:
                self.formats.append(kw["format"])
            return idx[~ok]

        todo = np.arange(len(u))
        if self.date_format is not None:
            todo = attempt(todo, format=self.date_format)
            return out
        from pandas.tseries.api import guess_datetime_format

        for fmt in list(self.formats):  # the formats earlier chunks used
            if len(todo) and fmt not in ("ISO8601", "mixed"):
                todo = attempt(todo, format=fmt)
        skipped: List[int] = []
        for _ in range(_MAX_GUESSES):
            skip = set(skipped)
            rest = np.array([i for i in todo if i not in skip], dtype=np.int64)
            if not len(rest):
                break
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fmt = guess_datetime_format(str(u[rest[0]]), dayfirst=self._dayfirst)
            if fmt is None:
                skipped.append(int(rest[0]))
                continue
            left = attempt(rest, format=fmt)
            if len(left) == len(rest):
                skipped.append(int(rest[0]))
            todo = np.array(sorted(set(left.tolist()) | set(skipped)), dtype=np.int64)
        if len(todo):
            todo = attempt(todo, format="ISO8601")
        if len(todo):
            todo = attempt(todo, format="mixed", dayfirst=self._dayfirst)
        return out

    # -- reporting ----------------------------------------------------------------------------
    def meta(self) -> Dict[str, Any]:
        return {"missing_dates": int(self.missing), "unreadable_dates": int(self.unreadable),
                "dates_to_utc": int(self.to_utc),
                "date_order": self.order, "date_format": (self.date_format if self.date_format is not None
                                                          else ("years" if self.years and not self.formats
                                                                else (", ".join(self.formats) or None)))}

    def warn(self, stacklevel: int = 3) -> None:
        """One warning per kind of note: unreadable values, values converted to UTC."""
        if self.unreadable:
            warnings.warn(unreadable_note(self.unreadable, self.column, self.first_unreadable), UserWarning,
                          stacklevel=stacklevel)
        if self.to_utc:
            warnings.warn(utc_note(self.to_utc, self.column), UserWarning, stacklevel=stacklevel)


def unreadable_note(n: int, column: str, example: Optional[str] = None) -> str:
    """The warning about ``n`` documents whose date value is not a date."""
    docs = "1 document has" if n == 1 else f"{n} documents have"
    eg = f", e.g. {example}" if example else ""
    return (f"{docs} a value in {column!r} that is not a date{eg}: not counted (see .meta['unreadable_dates']; "
            "pass date_format= or dayfirst= if they are dates)")


def utc_note(n: int, column: str) -> str:
    """The note about ``n`` dates with a time zone, converted to UTC."""
    dates = "1 date in {c} carries a time zone and was" if n == 1 else f"{n} dates in {{c}} carry a time zone and were"
    return dates.format(c=repr(column)) + " converted to UTC before being put in periods (see .meta['dates_to_utc'])"
