"""Reading the values agencies type into chronology returns: dates, times and Y/N answers.

Dates are always read day first (UK): ``03/04/2010`` is 3 April. Partial dates (``April 2010``,
``2010``) keep their precision; uncertain ones (``?``, ``c.``, ``approx``) are kept and flagged;
the original text always travels with the parsed date. Excel serial numbers are read with the
workbook's own epoch (1900, with its leap-year bug, or 1904).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class ValueProblem(ValueError):
    """A value that cannot be read; the message says why, in plain words."""


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class EventDate:
    date: dt.date  # the first day of the period for month or year precision
    precision: Precision
    uncertain: bool
    original: str

    def display(self) -> str:
        prefix = "c. " if self.uncertain else ""
        if self.precision is Precision.DAY:
            return prefix + self.date.strftime("%d/%m/%Y")
        if self.precision is Precision.MONTH:
            return prefix + self.date.strftime("%B %Y")
        return prefix + str(self.date.year)


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_UNCERTAIN = re.compile(r"^(c\.|ca\.|circa|approx\.?|approximately|about|around|~)\s*|\s*\?+$|^\?+\s*", re.I)
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(st|nd|rd|th)?[\s\-/]*(of\s+)?{_MONTH}[\s\-/,]*(\d{{2}}|\d{{4}})$", re.I)
_MONTH_DAY_YEAR = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(st|nd|rd|th)?,?\s+(\d{{4}})$", re.I)
_MONTH_YEAR = re.compile(rf"^{_MONTH}[\s\-/,]*(\d{{2}}|\d{{4}})$", re.I)
_MONTH_YEAR_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")

# Excel's day 0: 1899-12-30 once the 1900 leap-year bug (a 29 February 1900 that never was) is
# behind us; 1904-based workbooks (old Macs) count from 1 January 1904.
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:  # '10 -> 2010, '95 -> 1995: a two-digit year in the future is last century
        year += 2000 if year <= today.year % 100 else 1900
    return year


def _day(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(f"'{original}' is not a real date (read day first: day {day}, month {month})") from None


def excel_serial(serial: float, date1904: bool = False) -> dt.date:
    whole = int(serial)
    if date1904:
        day = _EPOCH_1904 + dt.timedelta(days=whole)
    elif whole == 60:
        raise ValueProblem("Excel serial 60 is 29 February 1900, a day that never was (Excel's leap-year bug)")
    elif whole < 60:
        day = _EPOCH_1900 + dt.timedelta(days=whole + 1)
    else:
        day = _EPOCH_1900 + dt.timedelta(days=whole)
    if not EARLIEST <= day <= LATEST:
        raise ValueProblem(f"the number {serial:g} is not a plausible date")
    return day


def parse_event_date(value: object, *, date1904: bool = False, today: dt.date | None = None) -> EventDate | None:
    """A chronology date, or None for a blank cell; raises ValueProblem when it cannot be read, or is
    outside the years any child's chronology covers (``EARLIEST`` to ``LATEST``)."""
    try:
        found = _parse_event_date(value, date1904=date1904, today=today)
    except (ValueError, OverflowError) as error:  # e.g. April 0000: no such year
        if isinstance(error, ValueProblem):
            raise
        raise ValueProblem(f"'{value}' is not a real date") from None
    if found is not None and not EARLIEST <= found.date <= LATEST:
        raise ValueProblem(f"'{value}' is not a plausible date (scrkit reads {EARLIEST.year} to {LATEST.year})")
    return found


def _parse_event_date(value: object, *, date1904: bool = False, today: dt.date | None = None) -> EventDate | None:
    today = today or dt.date.today()
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return EventDate(value.date(), Precision.DAY, False, value.strftime("%d/%m/%Y %H:%M"))
    if isinstance(value, dt.date):
        return EventDate(value, Precision.DAY, False, value.strftime("%d/%m/%Y"))
    if isinstance(value, bool):
        raise ValueProblem(f"'{value}' is not a date")
    if isinstance(value, (int, float)):
        return EventDate(excel_serial(value, date1904), Precision.DAY, False, f"{value:g}")
    original = str(value).strip()
    text, uncertain = original, False
    while True:
        stripped = _UNCERTAIN.sub("", text, count=1).strip()
        if stripped == text:
            break
        text, uncertain = stripped, True
    text = " ".join(text.split())
    if not text:
        raise ValueProblem(f"'{original}' has no date in it")
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return EventDate(_day(year, month, day, original), Precision.DAY, uncertain, original)
    if match := _NUMERIC.match(text):
        day, month = int(match.group(1)), int(match.group(2))
        return EventDate(_day(_year(match.group(3), today), month, day, original), Precision.DAY, uncertain, original)
    if match := _DAY_MONTH_YEAR.match(text):
        day, month = int(match.group(1)), _MONTHS[match.group(4).lower()]
        return EventDate(_day(_year(match.group(5), today), month, day, original), Precision.DAY, uncertain, original)
    if match := _MONTH_DAY_YEAR.match(text):
        month, day = _MONTHS[match.group(1).lower()], int(match.group(2))
        return EventDate(_day(int(match.group(4)), month, day, original), Precision.DAY, uncertain, original)
    if match := _MONTH_YEAR.match(text):
        month, year = _MONTHS[match.group(1).lower()], _year(match.group(2), today)
        return EventDate(dt.date(year, month, 1), Precision.MONTH, uncertain, original)
    if match := _MONTH_YEAR_NUMERIC.match(text):
        month, year = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueProblem(f"'{original}' is not a month and year")
        return EventDate(dt.date(year, month, 1), Precision.MONTH, uncertain, original)
    if match := _YEAR.match(text):
        year = int(match.group(1))
        if not EARLIEST.year <= year <= LATEST.year:
            raise ValueProblem(f"'{original}' is not a plausible year")
        return EventDate(dt.date(year, 1, 1), Precision.YEAR, uncertain, original)
    raise ValueProblem(f"'{original}' is not a date scrkit can read (write it day first, e.g. 03/04/2010)")


_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?$", re.I)
_HOUR_ONLY = re.compile(r"^(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)$", re.I)
_MILITARY = re.compile(r"^(\d{2})(\d{2})(hrs|h)?$", re.I)


def parse_event_time(value: object) -> dt.time | None:
    """``14:30``, ``14.30``, ``2.30pm``, ``1430hrs``, a time cell, or blank (None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        if 0 <= minutes < 24 * 60:
            return dt.time(minutes // 60, minutes % 60)
    if isinstance(value, float) and 0 <= value < 1:  # Excel keeps a time as a fraction of a day
        minutes = round(value * 24 * 60)
        return dt.time(min(minutes // 60, 23), minutes % 60)
    text = str(value).strip()
    hour = minute = None
    meridiem = None
    if match := _CLOCK.match(text):
        hour, minute, meridiem = int(match.group(1)), int(match.group(2)), match.group(3)
    elif match := _HOUR_ONLY.match(text):
        hour, minute, meridiem = int(match.group(1)), 0, match.group(2)
    elif match := _MILITARY.match(text):
        hour, minute = int(match.group(1)), int(match.group(2))
    if hour is None or minute is None:
        raise ValueProblem(f"'{text}' is not a time (write 14:30, 14.30 or 2.30pm)")
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueProblem(f"'{text}' is not a time: {hour} o'clock with am/pm")
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueProblem(f"'{text}' is not a time of day")
    return dt.time(hour, minute)


def parse_yes_no(value: object) -> bool | None:
    """Y/N: ``Y``, ``yes``, ``N``, ``no`` in any case; blank is unknown (None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower().rstrip(".")
    if not text:
        return None
    if text in ("y", "yes"):
        return True
    if text in ("n", "no"):
        return False
    raise ValueProblem(f"'{str(value).strip()}' is not Y or N")
