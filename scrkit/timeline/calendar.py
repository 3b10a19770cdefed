"""Dates as the guidance counts them: working days, weeks and calendar months.

Working days are Monday to Friday except the bank holidays of the board's nation, from
the `holidays` package with the nation's subdivision (without one it misses Easter Monday
and the late-summer holiday in England). Calendar months clamp to the month's end:
31 January + 1 month = 28 (or 29) February.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import lru_cache

from scrkit.dates import add_months
from scrkit.models.board import Nation

# holidays' subdivision code for each nation ("GB-ENG" is not accepted).
SUBDIVISION = {
    Nation.ENGLAND: "ENG",
    Nation.WALES: "WLS",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


class Unit(StrEnum):
    HOURS = "hours"
    CALENDAR_DAYS = "calendar-days"
    WORKING_DAYS = "working-days"
    WEEKS = "weeks"  # "end of week N" is N x 7 calendar days after the anchor
    CALENDAR_MONTHS = "calendar-months"
    YEARS = "years"


@lru_cache(maxsize=64)
def _bank_holidays(nation: Nation, year: int) -> frozenset[dt.date]:
    from scrkit.timeline import holiday_cache

    return holiday_cache.bank_holidays(SUBDIVISION[nation], year)


class WorkingCalendar:
    """Working days for one nation's bank holidays."""

    def __init__(self, nation: Nation = Nation.ENGLAND) -> None:
        self.nation = Nation(nation)

    def is_bank_holiday(self, day: dt.date) -> bool:
        return day in _bank_holidays(self.nation, day.year)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and not self.is_bank_holiday(day)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The working day ``count`` working days after ``start`` (before it, if negative).

        ``start`` itself never counts: 1 working day after Thursday 24 December 2026 is
        Tuesday 29 December (Christmas, the weekend and the Boxing Day substitute between).
        """
        step = 1 if count >= 0 else -1
        day, remaining = start, abs(count)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def shift(self, start: dt.date, offset: int, unit: Unit) -> dt.date:
        """``start`` moved by ``offset`` of ``unit``; dates only, so hours round up to whole days."""
        if unit is Unit.HOURS:
            days, part = divmod(abs(offset), 24)
            days += 1 if part else 0
            return start + dt.timedelta(days=days if offset >= 0 else -days)
        if unit is Unit.CALENDAR_DAYS:
            return start + dt.timedelta(days=offset)
        if unit is Unit.WORKING_DAYS:
            return self.add_working_days(start, offset)
        if unit is Unit.WEEKS:
            return start + dt.timedelta(weeks=offset)
        if unit is Unit.CALENDAR_MONTHS:
            return add_months(start, offset)
        return add_months(start, 12 * offset)
