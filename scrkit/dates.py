"""Dates as people type them (ISO 2026-09-14 or UK day-first 14/09/2026, never month-first), and the
one place for calendar arithmetic: months clamped to a month's end, ages in years and months."""

from __future__ import annotations

import calendar as month_lengths
import datetime as dt
import re

from scrkit.errors import BadInput

# The years any record of a child's review can hold (a great-grandparent's birth to a retention date):
# a typing slip such as 9999 would otherwise reach every calculation of the timetable.
EARLIEST_YEAR, LATEST_YEAR = 1850, 2150

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (month_lengths.month_name[number].lower(), month_lengths.month_abbr[number].lower())
} | {"sept": 9}
# 12 March 2001, 12th Mar 2001, Tuesday 12 March 2001 (day first; "March 12, 2001" is refused).
_LONG = re.compile(r"^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")


def read_date(text: str) -> dt.date:
    """A date as people write it in the UK: 2026-09-14, 14/09/2026 (or 14.09.2026, 14-09-2026) or
    14 September 2026; never month first. ValueError says why a text is not one."""
    value = " ".join(text.split())
    iso, uk, long = _ISO.match(value), _UK.match(value), _LONG.match(value)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif uk:
        day, month, year = (int(part) for part in uk.groups())
    elif long and long.group(2).lower() in _MONTHS:
        day, month, year = int(long.group(1)), _MONTHS[long.group(2).lower()], int(long.group(3))
    else:
        raise ValueError(f"'{text}' is not a date scrkit can read; write it as 14/09/2026 (day first) or 2026-09-14")
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(f"'{text}' is not a plausible date: scrkit reads years {EARLIEST_YEAR} to {LATEST_YEAR}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        if uk and 1 <= day <= 12 and 12 < month <= 31:  # 03/25/2026: written month first, as in the US
            swapped = dt.date(year, day, 1) + dt.timedelta(days=month - 1)
            if swapped.month == day:
                raise ValueError(f"'{text}' is not a real date: scrkit reads dates day first, so for "
                                 f"{swapped:%d %B %Y} write {swapped:%d/%m/%Y}") from None  # fmt: skip
        raise ValueError(f"'{text}' is not a real date (check the day and the month)") from None


def parse_user_date(text: str, what: str) -> dt.date:
    """Read a date typed on the command line or at a prompt; ``what`` names it in errors."""
    if not text.strip():
        raise BadInput(f"{what} is empty: give the date, e.g. 14/09/2026, or leave {what} out where today is meant.")
    try:
        return read_date(text)
    except ValueError as error:
        said = str(error)
        hint = None if "write" in said else "Write it as 14/09/2026 (day first) or 2026-09-14."
        raise BadInput(f"{what}: {said}.", hint=hint) from None


def today() -> dt.date:
    """Today's date: the one place scrkit asks the clock, so that tests can fix it."""
    return dt.date.today()


def uk_date(day: dt.date | None, blank: str = "") -> str:
    """A date as UK readers expect it in tables and letters: 14/09/2026."""
    return day.strftime("%d/%m/%Y") if day else blank


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months, clamped to the end of a shorter month."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last_day = month_lengths.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last_day))


def years_between(born: dt.date, on: dt.date) -> int:
    """Whole years of age on a day (0 before the first birthday, negative before birth)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_between(born: dt.date, on: dt.date) -> str:
    """Age in years and months, as a reviewer writes it ('2 years 6 months')."""
    if on < born:
        return "pre-birth"
    months = (on.year - born.year) * 12 + (on.month - born.month) - (1 if on.day < born.day else 0)
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)
