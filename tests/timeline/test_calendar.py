"""Working days and calendar months. Every expected date here was worked out by hand from a
calendar and the published UK bank holidays, not taken from the code."""

from __future__ import annotations

import datetime as dt

import pytest

from scrkit.dates import add_months
from scrkit.models.board import Nation
from scrkit.timeline.calendar import Unit, WorkingCalendar

D = dt.date
ENGLAND = WorkingCalendar(Nation.ENGLAND)


@pytest.mark.parametrize(
    "start, count, expected, why",
    [
        # The example: 25th Christmas, 26th-27th weekend, 28th Boxing Day substitute.
        (D(2026, 12, 24), 1, D(2026, 12, 29), "Christmas 2026"),
        # Good Friday 26 March 2027, Easter Monday 29 March 2027.
        (D(2027, 3, 25), 1, D(2027, 3, 30), "Easter 2027"),
        # Late summer bank holiday, Monday 31 August 2026.
        (D(2026, 8, 28), 1, D(2026, 9, 1), "late summer 2026"),
        # Early May bank holiday, Monday 4 May 2026.
        (D(2026, 5, 1), 1, D(2026, 5, 5), "early May 2026"),
        # App 2: three working days to reply, from a Tuesday 29 December 2026 letter:
        # Wed 30, Thu 31, (Fri 1 January holiday, weekend), Mon 4 January.
        (D(2026, 12, 29), 3, D(2027, 1, 4), "New Year 2027"),
        # Counting back over New Year's Day.
        (D(2027, 1, 4), -1, D(2026, 12, 31), "backwards"),
        (D(2026, 11, 26), 0, D(2026, 11, 26), "zero"),
    ],
)
def test_add_working_days_in_england(start: dt.date, count: int, expected: dt.date, why: str) -> None:
    assert ENGLAND.add_working_days(start, count) == expected, why


def test_scotland_has_its_own_bank_holidays() -> None:
    scotland = WorkingCalendar(Nation.SCOTLAND)
    # No late-summer holiday on 31 August in Scotland (theirs is 3 August 2026).
    assert scotland.add_working_days(D(2026, 8, 28), 1) == D(2026, 8, 31)
    assert scotland.add_working_days(D(2026, 7, 31), 1) == D(2026, 8, 4)
    # 2 January 2027 is a Saturday, so Scotland's substitute day is Monday 4 January.
    assert scotland.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 5)
    # Easter Monday is not a Scottish bank holiday.
    assert scotland.add_working_days(D(2027, 3, 25), 1) == D(2027, 3, 29)


def test_northern_ireland_keeps_st_patricks_day() -> None:
    # 17 March 2027 is a Wednesday.
    assert WorkingCalendar(Nation.NORTHERN_IRELAND).add_working_days(D(2027, 3, 16), 1) == D(2027, 3, 18)
    assert ENGLAND.add_working_days(D(2027, 3, 16), 1) == D(2027, 3, 17)


def test_wales_follows_england() -> None:
    assert WorkingCalendar(Nation.WALES).add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (D(2027, 1, 31), 1, D(2027, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2027, 8, 31), 6, D(2028, 2, 29)),
        (D(2026, 10, 7), 6, D(2027, 4, 7)),
        (D(2027, 3, 31), -1, D(2027, 2, 28)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),  # across the year end
    ],
)
def test_calendar_months_clamp_to_the_month_end(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_working_days_between() -> None:
    # After Fri 18 Dec 2026 up to Tue 29 Dec: 21, 22, 23, 24 (25 and 28 holidays), 29.
    assert ENGLAND.working_days_between(D(2026, 12, 18), D(2026, 12, 29)) == 5
    assert ENGLAND.working_days_between(D(2026, 12, 29), D(2026, 12, 18)) == 0


@pytest.mark.parametrize(
    "start, offset, unit, expected",
    [
        (D(2026, 12, 22), 72, Unit.HOURS, D(2026, 12, 25)),  # hours are calendar time
        (D(2026, 12, 22), 30, Unit.HOURS, D(2026, 12, 24)),  # part of a day rounds up
        (D(2026, 9, 16), 3, Unit.WEEKS, D(2026, 10, 7)),  # "end of week 3"
        (D(2027, 2, 17), -2, Unit.WEEKS, D(2027, 2, 3)),
        (D(2027, 4, 7), 7, Unit.YEARS, D(2034, 4, 7)),
        (D(2028, 2, 29), 7, Unit.YEARS, D(2035, 2, 28)),
        (D(2026, 12, 24), 2, Unit.CALENDAR_DAYS, D(2026, 12, 26)),
    ],
)
def test_shift_by_each_unit(start: dt.date, offset: int, unit: Unit, expected: dt.date) -> None:
    assert ENGLAND.shift(start, offset, unit) == expected
