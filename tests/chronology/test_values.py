"""Dates, times and Y/N as agencies type them; expected values worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from scrkit.chronology.values import ValueProblem, parse_event_time, parse_yes_no
from scrkit.chronology.written_dates import Precision, excel_serial, parse_event_date

D = dt.date
TODAY = D(2026, 11, 26)


@pytest.mark.parametrize(
    "text, day, precision, uncertain",
    [
        ("03/04/2010", D(2010, 4, 3), Precision.DAY, False),  # day first, never month first
        ("3/4/10", D(2010, 4, 3), Precision.DAY, False),
        ("3.4.10", D(2010, 4, 3), Precision.DAY, False),
        ("3 April 2010", D(2010, 4, 3), Precision.DAY, False),
        ("03-Apr-10", D(2010, 4, 3), Precision.DAY, False),
        ("3rd April 2010", D(2010, 4, 3), Precision.DAY, False),
        ("April 3, 2010", D(2010, 4, 3), Precision.DAY, False),
        ("2010-04-03", D(2010, 4, 3), Precision.DAY, False),
        ("13/12/95", D(1995, 12, 13), Precision.DAY, False),  # a two-digit year ahead of today is last century
        ("April 2010", D(2010, 4, 1), Precision.MONTH, False),
        ("Apr-10", D(2010, 4, 1), Precision.MONTH, False),
        ("04/2010", D(2010, 4, 1), Precision.MONTH, False),
        ("2010", D(2010, 1, 1), Precision.YEAR, False),
        ("c. 2010", D(2010, 1, 1), Precision.YEAR, True),
        ("03/04/2010?", D(2010, 4, 3), Precision.DAY, True),
        ("approx April 2010", D(2010, 4, 1), Precision.MONTH, True),
        ("? 03/04/2010", D(2010, 4, 3), Precision.DAY, True),
    ],
)
def test_text_dates(text: str, day: dt.date, precision: Precision, uncertain: bool) -> None:
    parsed = parse_event_date(text, today=TODAY)
    assert parsed is not None
    assert (parsed.date, parsed.precision, parsed.uncertain, parsed.original) == (day, precision, uncertain, text)


@pytest.mark.parametrize("text", ["31/06/2025", "29/02/2025", "13/13/2010", "yesterday", "12/2010/03", "32/01"])
def test_impossible_or_unreadable_dates(text: str) -> None:
    with pytest.raises(ValueProblem):
        parse_event_date(text, today=TODAY)


def test_blank_is_no_date() -> None:
    assert parse_event_date("  ", today=TODAY) is None
    assert parse_event_date(None, today=TODAY) is None


def test_excel_serials_in_both_epochs() -> None:
    # 1900 system: serial 45000 is 15 March 2023; 1904 system: 1,462 days later, 16 March 2027.
    assert excel_serial(45000) == D(2023, 3, 15)
    assert excel_serial(45000, date1904=True) == D(2027, 3, 16)
    assert excel_serial(59) == D(1900, 2, 28)
    assert excel_serial(61) == D(1900, 3, 1)
    with pytest.raises(ValueProblem, match="29 February 1900"):
        excel_serial(60)
    assert parse_event_date(45000.0, today=TODAY).date == D(2023, 3, 15)


def test_date_cells() -> None:
    assert parse_event_date(D(2026, 6, 8), today=TODAY).date == D(2026, 6, 8)
    assert parse_event_date(dt.datetime(2026, 6, 8, 15, 30), today=TODAY).date == D(2026, 6, 8)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("14:30", dt.time(14, 30)),
        ("14.30", dt.time(14, 30)),
        ("2.30pm", dt.time(14, 30)),
        ("2:30 PM", dt.time(14, 30)),
        ("12.15am", dt.time(0, 15)),
        ("9am", dt.time(9, 0)),
        ("1430hrs", dt.time(14, 30)),
        (dt.time(7, 42), dt.time(7, 42)),
        (0.5, dt.time(12, 0)),  # Excel keeps times as fractions of a day
        ("", None),
        (None, None),
    ],
)
def test_times(value: object, expected: dt.time | None) -> None:
    assert parse_event_time(value) == expected


@pytest.mark.parametrize("value", ["lunchtime", "25:00", "13pm", "14:61"])
def test_bad_times(value: str) -> None:
    with pytest.raises(ValueProblem):
        parse_event_time(value)


@pytest.mark.parametrize(
    "value, expected",
    [("Y", True), ("yes", True), ("YES", True), ("n", False), ("No", False), ("", None), (None, None)],
)
def test_yes_no(value: object, expected: bool | None) -> None:
    assert parse_yes_no(value) is expected


def test_yes_no_refuses_anything_else() -> None:
    with pytest.raises(ValueProblem, match="not Y or N"):
        parse_yes_no("maybe")
