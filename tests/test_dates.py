"""Dates of ``cooccurrence(time=..., freq=...)`` (issue 19, item 4): the column is read as a
whole (one day/month order, ``dayfirst=``/``date_format=``), integer years, time zones
converted to UTC with a note, any pandas frequency alias, rows without a date counted."""

from __future__ import annotations

import json
import warnings
from typing import Any, List, Tuple

import numpy as np
import pandas as pd
import pytest

import gazetta
from gazetta._dates import DateReader, period_freq
from gazetta.cli import main

TEXT = "Aland and Bland."


def _gaz() -> gazetta.Gazetteer:
    return gazetta.Gazetteer().add("A", "Aland").add("B", "Bland")


def count(dates: Any, freq: str = "M", corpus: str = "frame", **kw: Any) -> Tuple[gazetta.Cooccurrence, List[str]]:
    """Counts one co-occurring pair per date; returns the result and the warning messages."""
    dates = list(dates) if not isinstance(dates, (pd.Series, pd.Index)) else dates
    df = pd.DataFrame({"text": [TEXT] * len(dates), "date": dates})
    data: Any = df if corpus == "frame" else df.to_dict("records")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        co = gazetta.cooccurrence(data, _gaz(), time="date", freq=freq, **kw)
    return co, [str(w.message) for w in caught]


def periods(co: gazetta.Cooccurrence) -> List[Tuple[str, int]]:
    return [(str(p), int(n)) for p, n in zip(co.groups["date"], co.groups["n_docs"])]


# --------------------------------------------------------------------------------------------
# one day/month order for the whole column
@pytest.mark.parametrize("corpus", ["frame", "records"])
def test_one_order_for_the_whole_column(corpus: str) -> None:
    """"03/04/1987" was read month-first (March) and "13/04/1987" day-first (April) in the same
    column; "13/04/1987" proves the column day-first, so both are April."""
    co, caught = count(["03/04/1987", "13/04/1987"], corpus=corpus)
    assert periods(co) == [("1987-04", 2)]
    assert co.meta["date_order"] == "day-first" and co.meta["date_format"] == "%d/%m/%Y"
    assert caught == []


def test_order_proof_anywhere_in_the_column() -> None:
    """The proof may come after many ambiguous values (the whole column decides)."""
    co, _ = count(["01/02/2020"] * 5 + ["05/03/2020", "25/12/2020"], freq="M")
    assert periods(co) == [("2020-02", 5), ("2020-03", 1), ("2020-12", 1)]


def test_month_first_proof() -> None:
    co, caught = count(["03/04/1987", "04/13/1987"])
    assert periods(co) == [("1987-03", 1), ("1987-04", 1)] and co.meta["date_order"] == "month-first"
    assert caught == []


def test_no_proof_is_month_first_with_a_warning() -> None:
    co, caught = count(["03/04/1987", "05/06/1987"])
    assert periods(co) == [("1987-03", 1), ("1987-05", 1)]
    assert co.meta["date_order"] == "month-first (assumed)"
    assert len(caught) == 1 and "could be day-first or month-first" in caught[0] and "dayfirst=True" in caught[0]


def test_both_orders_are_an_error_naming_the_values() -> None:
    with pytest.raises(ValueError, match=r"mix day-first \('13/04/1987', row 0\) and month-first "
                                         r"\('04/13/1987', row 2\)"):
        count(["13/04/1987", "01/01/1987", "04/13/1987"])


def test_dayfirst_parameter() -> None:
    co, caught = count(["03/04/1987", "05/06/1987"], dayfirst=True)
    assert periods(co) == [("1987-04", 1), ("1987-06", 1)] and co.meta["date_order"] == "day-first"
    assert caught == []
    # a value that cannot be in the given order is no date (counted and named), not read the other way
    co, caught = count(["03/04/1987", "13/04/1987"], dayfirst=False)
    assert periods(co) == [("1987-03", 1)]
    assert co.meta["unreadable_dates"] == 1 and co.meta["missing_dates"] == 1
    assert any("'13/04/1987' (row 1)" in m for m in caught)


def test_date_format_parameter() -> None:
    co, caught = count(["03.04.1987", "05.06.1987", "1987-07-01"], date_format="%d.%m.%Y")
    assert periods(co) == [("1987-04", 1), ("1987-06", 1)]
    assert co.meta["date_format"] == "%d.%m.%Y" and co.meta["unreadable_dates"] == 1
    assert any("'1987-07-01' (row 2)" in m and "not a date" in m for m in caught)


def test_date_options_are_validated() -> None:
    df = pd.DataFrame({"text": [TEXT], "date": ["2020-01-01"]})
    with pytest.raises(ValueError, match="dayfirst must be True, False or None; got 'yes'"):
        gazetta.cooccurrence(df, _gaz(), time="date", freq="M", dayfirst="yes")
    with pytest.raises(ValueError, match="pass dayfirst= or date_format=, not both"):
        gazetta.cooccurrence(df, _gaz(), time="date", freq="M", dayfirst=True, date_format="%d/%m/%Y")
    with pytest.raises(ValueError, match="date_format must be a strftime format"):
        gazetta.cooccurrence(df, _gaz(), time="date", freq="M", date_format="dd/mm/yyyy")
    with pytest.raises(ValueError, match="pass time= and freq= too"):
        gazetta.cooccurrence(df, _gaz(), dayfirst=True)


def test_stream_holds_to_the_first_order() -> None:
    """A stream is read chunk by chunk: once an order is proven, a later value proving the
    other one is an error (the earlier chunks cannot be re-read)."""
    r = DateReader("date", "M")
    keys, missing = r.periods(pd.Series(["13/04/1987"]))
    assert str(keys[0]) == "1987-04" and r.order == "day-first"
    keys, _ = r.periods(pd.Series(["03/04/1987"]))
    assert str(keys[0]) == "1987-04"
    with pytest.raises(ValueError, match="'04/13/1987' in 'date' is month-first but earlier dates were read "
                                         "day-first"):
        r.periods(pd.Series(["04/13/1987"]))


# --------------------------------------------------------------------------------------------
# integers, time zones, missing and unreadable values
def test_integer_years() -> None:
    """An integer year column was read as nanoseconds after 1970 (every row in 1970)."""
    co, caught = count(pd.Series([1987, 1990, 1990]), freq="Y")
    assert periods(co) == [("1987", 1), ("1990", 2)] and caught == []
    co, caught = count(pd.Series([1987, None, 1990], dtype="Int64"), freq="Y")
    assert periods(co) == [("1987", 1), ("1990", 1)] and co.meta["missing_dates"] == 1
    co, _ = count([1987.0, np.nan], freq="Y")
    assert periods(co) == [("1987", 1)]
    co, _ = count(pd.Series([1987, 1995]), freq="5Y")
    assert periods(co) == [("1985", 1), ("1995", 1)]


def test_years_as_text() -> None:
    """A CSV read as text gives "1987": a year (January 1 put every row in January)."""
    co, caught = count(["1987", "1990", None], freq="Y")
    assert periods(co) == [("1987", 1), ("1990", 1)] and co.meta["date_format"] == "%Y"
    with pytest.raises(ValueError, match=r"holds years \(text such as '1987'\), so freq must be yearly"):
        count(["1987", "1990"], freq="M")


def test_integer_years_need_yearly_periods_and_plausible_years() -> None:
    with pytest.raises(ValueError, match="holds years .*freq must be yearly"):
        count(pd.Series([1987, 1990]), freq="M")
    with pytest.raises(ValueError, match=r"19870403 \(row 0\) is not a year"):
        count(pd.Series([19870403]), freq="Y")


def test_mixed_time_zones_are_converted_to_utc() -> None:
    """Mixed offsets raised pandas' "Mixed timezones detected"; now UTC, with a note."""
    co, caught = count(["2020-01-31T23:30:00-05:00", "2020-01-31T10:00:00+01:00", "2020-01-15"])
    assert periods(co) == [("2020-01", 2), ("2020-02", 1)]
    assert co.meta["dates_to_utc"] == 2
    assert [m for m in caught if "time zone" in m] == [
        "2 dates in 'date' carry a time zone and were converted to UTC before being put in periods "
        "(see .meta['dates_to_utc'])"]


def test_aware_datetime_column_is_converted_to_utc() -> None:
    """A tz-aware column kept its local wall time (Jan 31, 23:30 in New York stayed January)."""
    dates = pd.Series(pd.to_datetime(["2020-01-31 23:30", "2020-01-15 12:00"])).dt.tz_localize("America/New_York")
    co, caught = count(dates)
    assert periods(co) == [("2020-01", 1), ("2020-02", 1)] and co.meta["dates_to_utc"] == 2
    assert any("converted to UTC" in m for m in caught)


def test_rows_without_a_date_are_counted_and_warned_about() -> None:
    co, caught = count(["2020-01-05", None, "", "soon", "2020-02-01"])
    assert periods(co) == [("2020-01", 1), ("2020-02", 1)]
    assert (co.meta["missing_dates"], co.meta["unreadable_dates"], co.meta["missing_key_docs"]) == (3, 1, 3)
    assert "3 documents have a missing group key and were not counted (see .meta['missing_key_docs'])" in caught
    assert "1 document has a value in 'date' that is not a date, e.g. 'soon' (row 3): not counted (see " \
           ".meta['unreadable_dates']; pass date_format= or dayfirst= if they are dates)" in caught


def test_a_column_without_any_date_is_an_error() -> None:
    for corpus in ("frame", "records"):
        with pytest.raises(ValueError, match=r"no value of 'date' could be read as a date, e.g. 'tomorrow'"):
            count(["tomorrow", "later"], corpus=corpus)


def test_formats_mixed_in_one_column() -> None:
    co, _ = count(["2020-01-01", "2020-02-01 10:00", "2020-03-01T10:00:00Z", "Mon, 06 Apr 2020 10:00:00 GMT",
                   "7 May 2020"])
    assert periods(co) == [("2020-01", 1), ("2020-02", 1), ("2020-03", 1), ("2020-04", 1), ("2020-05", 1)]


# --------------------------------------------------------------------------------------------
# frequencies
@pytest.mark.parametrize("freq, canonical, want", [
    ("ME", "M", [("2020-01", 1), ("2020-02", 1), ("2020-03", 1), ("2020-04", 1)]),
    ("QE", "Q", [("2020Q1", 3), ("2020Q2", 1)]),
    ("2M", "2M", [("2020-01", 2), ("2020-03", 2)]),
    ("W-MON", "W-MON", [("2020-01-14/2020-01-20", 1), ("2020-02-11/2020-02-17", 1), ("2020-03-10/2020-03-16", 1),
                        ("2020-04-14/2020-04-20", 1)]),
    ("Y", "Y", [("2020", 4)]),
])
def test_any_pandas_frequency_alias(freq: str, canonical: str, want: List[Tuple[str, int]]) -> None:
    co, _ = count(["2020-01-15", "2020-02-15", "2020-03-15", "2020-04-20"], freq=freq)
    assert co.meta["freq"] == canonical
    assert periods(co) == want


def test_multiples_are_fixed_bins() -> None:
    """'2M' puts Feb and Mar 2020 in different bins (Jan-Feb, Mar-Apr), whatever came first;
    pandas' own Period('2020-02', '2M') would span Feb-Mar."""
    co, _ = count(["2020-02-10", "2020-03-10", "2020-04-10"], freq="2M")
    assert periods(co) == [("2020-01", 1), ("2020-03", 2)]
    assert str(co.groups["date"].dtype) == "period[2M]"


def test_bad_frequency_says_what_pandas_said() -> None:
    # pandas' own words follow (pandas 3 quotes 'MS', pandas 2 does not)
    with pytest.raises(ValueError, match=r"freq must be a pandas frequency alias such as 'D', 'W', 'W-MON', "
                                         r"'M' \(or 'ME'\), 'Q', 'Y', '2M'; got 'MS' \(pandas: .*MS"):
        count(["2020-01-01"], freq="MS")
    assert period_freq("W") == ("W", "W", 1) and period_freq("Q-JAN") == ("Q-JAN", "Q-JAN", 1)


def test_merge_adds_date_counts() -> None:
    a, _ = count(["2020-01-01", None])
    b, _ = count(["soon", "2020-02-01"])
    m = a.merge(b)
    assert (m.meta["missing_dates"], m.meta["unreadable_dates"]) == (2, 1)


def test_dask_reads_the_whole_column_one_way() -> None:
    """Each partition alone would read "03/04/1987" month-first; the column says day-first."""
    dd = pytest.importorskip("dask.dataframe")
    import dask

    import gazetta.dask

    df = pd.DataFrame({"text": [TEXT] * 3, "date": ["03/04/1987", "05/04/1987", "13/04/1987"]})
    with dask.config.set(scheduler="sync"):
        co = gazetta.dask.cooccurrence(dd.from_pandas(df, npartitions=3), _gaz(), time="date", freq="M")
    local = gazetta.cooccurrence(df, _gaz(), time="date", freq="M")
    assert periods(co) == periods(local) == [("1987-04", 3)]
    with dask.config.set(scheduler="sync"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        co = gazetta.dask.cooccurrence(dd.from_pandas(df, npartitions=3), _gaz(), time="date", freq="M",
                                       date_format="%m/%d/%Y")
    assert sum("1 document has a value in 'date' that is not a date" in str(w.message) for w in caught) == 1
    assert periods(co) == [("1987-03", 1), ("1987-05", 1)] and co.meta["unreadable_dates"] == 1


# --------------------------------------------------------------------------------------------
# the command line
def test_cli_dayfirst_date_format_and_freq(tmp_path: Any, capsys: Any) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps({"text": TEXT, "date": d}) + "\n" for d in ["03/04/1987", "05/06/1987"]))
    gaz = tmp_path / "g.csv"
    pd.DataFrame({"id": ["A", "B"], "name": ["Aland", "Bland"]}).to_csv(gaz, index=False)
    out = tmp_path / "p.csv"
    base = ["cooccur", str(src), "-g", str(gaz), "-o", str(out), "--time", "date", "-q"]
    assert main(base + ["--freq", "ME", "--dayfirst"]) == 0
    assert pd.read_csv(out)["date"].tolist() == ["1987-04", "1987-06"]
    assert main(base + ["--freq", "2M", "--date-format", "%m/%d/%Y"]) == 0
    assert pd.read_csv(out)["date"].tolist() == ["1987-03", "1987-05"]
    capsys.readouterr()
    assert main(base + ["--freq", "fortnight"]) == 2
    assert "--freq must be a pandas frequency alias" in capsys.readouterr().err
    assert main(base + ["--freq", "M", "--dayfirst", "--monthfirst"]) == 2


def test_regrouping_new_frequencies_is_a_clear_error() -> None:
    """Periods of 'W-MON' or '2M' nest in no coarser classic period: a ValueError saying so
    (it was a KeyError from the table of nestings)."""
    from gazetta import _graph

    for freq in ("W-MON", "2M"):
        co, _ = count(["2020-01-10", "2020-02-10"], freq=freq)
        with pytest.raises(ValueError, match=rf"cannot regroup periods of freq '{freq}' into 'Y' exactly; valid "
                                             r"choices: \[\] \(else count again with freq='Y'\)"):
            _graph.rollup(co, ("date",), freq="Y")
