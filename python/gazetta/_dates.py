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
#: A time followed by a zone: "10:00Z", "10:00:00+01:00", "10:00 GMT", "10:00:00 -0500".
_ZONED = re.compile(r"\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|[+-]\d\d(?::?\d\d)?|(?!(?:AM|PM)\s*$)[A-Z]{2,5})\s*$")
#: True while counting one part of a corpus (gazetta.dask): a part whose dates are all
#: unreadable is no error there; the caller judges the whole.
PART = contextvars.ContextVar("gazetta_dates_part", default=False)
_MAX_GUESSES = 16
_CACHE = 200_000


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
        self._cache: Dict[str, Any] = {}
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
        day = month = ambiguous = None
        for s in uniq:
            m = _NUMERIC.match(s)
            if not m:
                continue
            a, b = int(m.group(1)), int(m.group(3))
            if a > 12 and 1 <= b <= 12:
                day = day or s
            elif b > 12 and 1 <= a <= 12:
                month = month or s
            elif a <= 12 and b <= 12:
                ambiguous = ambiguous or s
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
        """The non-empty string values (stripped), or None when the column is not text."""
        if pd.api.types.is_datetime64_any_dtype(values) or isinstance(values.dtype, pd.PeriodDtype) \
                or pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            return None
        obj = values.astype(object).to_numpy()
        out = [v.strip() for v in obj if isinstance(v, str) and v.strip()]
        return np.array(out, dtype=object)

    def periods(self, values: pd.Series) -> Tuple[np.ndarray, np.ndarray]:
        """``(keys, missing)``: a Period (object array) per row and a mask of rows without one."""
        if isinstance(values.dtype, pd.PeriodDtype):
            per = values.dt.asfreq(self.base)
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            per = self._years(values)
        else:
            per = self._timestamps(values).dt.to_period(self.base)
        missing = per.isna().to_numpy()
        if self.n > 1:
            ords = per.array.asi8.copy()
            ok = ~missing
            ords[ok] = (ords[ok] // self.n) * self.n
            per = pd.Series(pd.PeriodIndex.from_ordinals(np.where(ok, ords, 0), freq=self.freq))
            per[missing] = pd.NaT
        keys = per.to_numpy(dtype=object)
        self.missing += int(missing.sum())
        return keys, missing

    def _timestamps(self, values: pd.Series) -> pd.Series:
        """Naive timestamps (UTC where the value had a zone), NaT where there is no date."""
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            self.to_utc += int(values.notna().sum())
            return values.dt.tz_convert("UTC").dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(values):
            return values
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if pd.api.types.is_bool_dtype(values):
            raise ValueError(f"the time column {self.column!r} holds booleans, not dates")
        obj = values.astype(object)
        is_str = obj.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        if is_str.any():
            out[is_str] = self._read_strings(obj[is_str]).to_numpy()
        other = ~is_str & obj.notna().to_numpy(dtype=bool)
        if other.any():
            out[other] = self._read_objects(obj[other]).to_numpy()
        return out

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

    def _read_objects(self, obj: pd.Series) -> pd.Series:
        """datetime/date/Timestamp objects: aware ones converted to UTC."""
        def year(v: Any) -> Any:  # a number among other values is a year, as in a numeric column
            if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.number)):
                return v
            ok = np.isfinite(v) and float(v).is_integer() and 1678 <= v <= 2261
            if ok:
                self.years = True
            return pd.Timestamp(int(v), 1, 1) if ok else None

        obj = obj.map(year)
        aware = obj.map(lambda v: getattr(v, "tzinfo", None) is not None).to_numpy(dtype=bool)
        self.to_utc += int(aware.sum())
        try:
            ts = pd.to_datetime(obj, utc=True, errors="coerce")
        except (TypeError, ValueError):
            ts = pd.Series([pd.to_datetime(v, utc=True, errors="coerce") for v in obj], index=obj.index)
        ts = pd.Series(ts, index=obj.index).dt.tz_convert("UTC").dt.tz_localize(None)
        bad = ts.isna().to_numpy()
        if bad.any():
            self._note_unreadable(obj[bad])
        return ts

    def _read_strings(self, obj: pd.Series) -> pd.Series:
        s = obj.map(str.strip)
        empty = (s == "").to_numpy()
        uniq = pd.unique(s[~empty].to_numpy(dtype=object))
        self._decide(uniq, obj)
        new = [u for u in uniq if u not in self._cache]
        if new:
            if len(self._cache) + len(new) > _CACHE:
                self._cache.clear()
            self._cache.update(zip(new, self._parse(np.array(new, dtype=object))))
        ts = pd.Series(pd.to_datetime(s.map(lambda v: self._cache.get(v, pd.NaT)).to_numpy()), index=obj.index)
        unread = (ts.isna().to_numpy() & ~empty)
        if unread.any():
            self._note_unreadable(obj[unread])
        zoned = s.map(lambda v: bool(_ZONED.search(v))).to_numpy(dtype=bool) & ~ts.isna().to_numpy()
        self.to_utc += int(zoned.sum())
        return ts

    def _note_unreadable(self, bad: pd.Series) -> None:
        self.unreadable += len(bad)
        if self.first_unreadable is None:
            self.first_unreadable = f"{_plain(bad.iloc[0])!r} (row {_plain(bad.index[0])!r})"

    def _to_naive(self, parsed: Any) -> np.ndarray:
        idx = pd.DatetimeIndex(parsed)
        if idx.tz is not None:
            idx = idx.tz_convert("UTC").tz_localize(None)
        return idx.as_unit("ns").to_numpy().copy()

    def _parse(self, u: np.ndarray) -> List[Any]:
        """Timestamps (naive, UTC) for unique strings ``u``, NaT for those that are no date."""
        out = np.full(len(u), np.datetime64("NaT"), dtype="datetime64[ns]")

        def attempt(idx: np.ndarray, **kw: Any) -> np.ndarray:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    got = pd.to_datetime(pd.Series(u[idx], dtype=object), errors="coerce", utc=True, **kw)
                except (ValueError, TypeError, OverflowError):
                    return idx
            vals = self._to_naive(got)
            if self.order is not None and self.date_format is None:
                # a numeric date must be read in the column's order, whichever format pandas chose
                for j, i in enumerate(idx):
                    m = _NUMERIC.match(u[i])
                    if m and not np.isnat(vals[j]):
                        a, b = int(m.group(1)), int(m.group(3))
                        day, month = (a, b) if self._dayfirst else (b, a)
                        t = pd.Timestamp(vals[j])
                        if (t.day, t.month) != (day, month):
                            vals[j] = np.datetime64("NaT")
            ok = ~np.isnat(vals)
            out[idx[ok]] = vals[ok]
            if ok.any() and kw.get("format") and kw["format"] not in self.formats:
                self.formats.append(kw["format"])
            return idx[~ok]

        todo = np.arange(len(u))
        if self.date_format is not None:
            todo = attempt(todo, format=self.date_format)
            return list(out)
        from pandas.tseries.api import guess_datetime_format

        skipped: List[int] = []
        for _ in range(_MAX_GUESSES):
            rest = np.array([i for i in todo if i not in set(skipped)], dtype=np.int64)
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
        return list(out)

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
            warnings.warn(f"{self.unreadable} documents have a value in {self.column!r} that is not a date, "
                          f"e.g. {self.first_unreadable}: not counted (see .meta['unreadable_dates']; pass "
                          "date_format= or dayfirst= if they are dates)", UserWarning, stacklevel=stacklevel)
        if self.to_utc:
            warnings.warn(f"{self.to_utc} dates in {self.column!r} carry a time zone and were converted to UTC "
                          "before being put in periods (see .meta['dates_to_utc'])", UserWarning,
                          stacklevel=stacklevel)
