"""Dates as agencies write them in chronology returns (App 7; App 14 2.4), read day first (UK).

Every form people use is read, and the original text always travels with what was read:
a date cell or a date-and-time cell, an Excel serial number (with its fraction of a day),
``14/01/2026 02:15`` or ``14 Jan 2026 at 2.15pm`` in one cell, weekday prefixes and ordinals
(``Mon 11th May 2026``: the weekday is checked against the date), ``w/c 11/05/2026``, ranges
(``12-14/05/2026``, ``May to June 2026``), ``early/mid/late May 2026``, seasons and school terms,
``c.``, ``approx``, ``?``, an unknown day (``?/05/2026``, ``00/05/2026``), two-digit years, and a
day and month with no year (``22/04``), whose year the reader infers from the rows around it or
the period under review (``NoYear``). What cannot be read raises ``ValueProblem`` with the
reason; the row is still kept, under "Undated events" (the reader decides that, not this module).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from scrkit.chronology.values import ValueProblem, parse_event_time


class Precision(StrEnum):
    DAY = "day"
    RANGE = "range"  # from one day to another
    WEEK = "week"
    PART_OF_MONTH = "part of a month"  # early, mid or late in a month
    MONTH = "month"
    SEASON = "season"  # a season or a school term
    PART_OF_YEAR = "part of a year"
    YEAR = "year"
    UNDATED = "undated"  # no date could be read: the event is kept, under "Undated events"


_PRECISION_FLAGS = {
    Precision.RANGE: "a range of dates: placed at its first day",
    Precision.WEEK: "date known to the week only",
    Precision.PART_OF_MONTH: "date known to part of the month only",
    Precision.MONTH: "date known to the month only",
    Precision.SEASON: "date known to the season only",
    Precision.PART_OF_YEAR: "date known to part of the year only",
    Precision.YEAR: "date known to the year only",
    Precision.UNDATED: "date could not be read: listed under Undated events",
}


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as far as the return says."""

    date: dt.date | None  # the first day the date can mean; None when undated
    precision: Precision
    uncertain: bool
    original: str  # exactly as written (a date cell: as Excel shows it)
    end: dt.date | None = None  # the last day it can mean, when more than one day
    label: str = ""  # how a period is said: "early May 2026", "Summer 2025", "w/c 11/05/2026"
    year_from: str = ""  # where the year came from when none was written
    remark: str = ""  # anything else a reader must know, e.g. a weekday that does not match

    def display(self) -> str:
        prefix = "c. " if self.uncertain else ""
        if self.date is None:
            return "No date"
        if self.label:
            return prefix + self.label
        if self.precision is Precision.DAY:
            return prefix + self.date.strftime("%d/%m/%Y")
        if self.precision is Precision.MONTH:
            return prefix + self.date.strftime("%B %Y")
        return prefix + str(self.date.year)

    def flags(self) -> list[str]:
        """What the chronology must say about this date (merge.py adds them to the event's flags)."""
        found = []
        if self.uncertain:
            found.append("uncertain date")
        if self.precision in _PRECISION_FLAGS:
            found.append(_PRECISION_FLAGS[self.precision])
        if self.year_from:
            year = self.date.year if self.date else ""
            found.append(f"year not written: {year} inferred from {self.year_from}")
        if self.remark:
            found.append(self.remark)
        return found

    @property
    def exact(self) -> bool:
        """One certain day: the only kind written into the workbook as a real date cell."""
        return self.precision is Precision.DAY and not self.uncertain and self.date is not None


@dataclass(frozen=True)
class NoYear:
    """A day and month written without a year (``22/04``, ``Mon 11th May``): the reader completes it."""

    day: int
    month: int
    original: str
    weekday: int | None  # a weekday written with it narrows the year
    complete: Callable[[int, str], EventDate]  # (year, where the year came from) -> the date

    def fits(self, year: int) -> bool:
        if self.month == 2 and self.day == 29 and not calendar.isleap(year):
            return False
        return self.weekday is None or dt.date(year, self.month, self.day).weekday() == self.weekday


Written = tuple[EventDate | NoYear | None, dt.time | None]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb", "febuary"),
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
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tues", "tue"),
            ("wednesday", "weds", "wed"),
            ("thursday", "thurs", "thur", "thu"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR_PART = r"(\d{4}|'?\d{2})"
_UNKNOWN_PART = r"(?:\?+|x+|-+|0{1,2}|_+|nk)"

# Uncertainty, written before or after the date; each is stripped and the date marked uncertain.
_UNCERTAIN_BEFORE = re.compile(
    r"^(?:c\.|c(?=\s|\d)|ca\.?(?=\s|\d)|circa|approx\.?|approximately|about|around|roughly|est\.?|estimated|"
    r"unconfirmed|possibly|probably|~|\?+(?![?/.\-]))\s*",
)
_UNCERTAIN_AFTER = re.compile(
    r"\s*(?:\?+|\((?:approx\.?|approximately|estimated|est\.?|tbc|unconfirmed|\?+)\)|approx\.?|approximately|"
    r"\(?est\.?\)?|tbc)$"
)
_WEEKDAY_PREFIX = re.compile(r"^(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+")
_TIME = (
    r"(\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm|a\.m\.?|p\.m\.?)?(?:\s*hrs|\s*hours|h)?|"
    r"\d{1,2}\s*(?:am|pm|a\.m\.?|p\.m\.?)|\d{4}\s*(?:hrs|hours|h)|noon|midday|midnight)"
)
_TIME_AFTER = re.compile(r"(?:\s+at\s+|\s*,\s*|\s+@\s*|\s+|t)" + _TIME + r"$")
_TIME_BEFORE = re.compile(r"^" + _TIME + r"(?:\s+on\s+|\s*,\s*|\s+)")
_PART_OF_DAY = re.compile(r"\s*[,(]?\s*(morning|afternoon|evening|night|overnight|lunchtime|am|pm)\s*\)?$")
_WEEK = re.compile(
    r"^(w/c|w\.c\.?|wc|w/b|w\.b\.?|wb|wk\s*comm\.?|wk/c|week\s+commencing|week\s+beginning|week\s+starting|"
    r"week\s+of|w/e|w\.e\.?|week\s+ending|w/ending)\s*:?\s*(.+)$"
)
_PART = re.compile(r"^(early|beginning\s+of|start\s+of|middle\s+of|mid|late|end\s+of)[\s\-]*(?:of\s+)?(.+)$")
_SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)(\s+term)?\s+" + _YEAR_PART + r"(?:\s*/\s*(\d{2}|\d{4}))?$")
_RANGE = re.compile(r"^(?:between\s+|from\s+)?(.+?)\s*(?:-|to|until|till|and|&)\s*(.+)$")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-]" + _YEAR_PART + "$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}}){_ORDINAL}[\s\-/.]*(?:of\s+)?{_MONTH}[\s\-/,.]*{_YEAR_PART}$")
_MONTH_DAY_YEAR = re.compile(rf"^{_MONTH}\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})$")
_MONTH_YEAR = re.compile(rf"^{_MONTH}[\s\-/,.]*{_YEAR_PART}$")
_MONTH_YEAR_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_UNKNOWN_DAY = re.compile(rf"^{_UNKNOWN_PART}[/.\-](\d{{1,2}})[/.\-]{_YEAR_PART}$")
_UNKNOWN_DAY_MONTH = re.compile(rf"^{_UNKNOWN_PART}[/.\-]{_UNKNOWN_PART}[/.\-](\d{{4}})$")
_YEAR = re.compile(r"^(\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.](\d{1,2})$")
_DAY_MONTH_WORDS = re.compile(rf"^(\d{{1,2}}){_ORDINAL}[\s\-]*(?:of\s+)?{_MONTH}$")
_MONTH_DAY = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)$")
_BARE_DAY = re.compile(rf"^(\d{{1,2}}){_ORDINAL}$")
_MONTH_ONLY = re.compile(rf"^{_MONTH}$")

# Excel's day 0: 1899-12-30 once the 1900 leap-year bug (a 29 February 1900 that never was) is
# behind us; 1904-based workbooks (old Macs) count from 1 January 1904.
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
# Seasons as the Met Office counts them; school terms as English schools keep them.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_TERMS = {"spring": (1, 4), "summer": (4, 7), "autumn": (9, 12), "fall": (9, 12), "winter": (1, 4)}


def _year(text: str, today: dt.date) -> int:
    text = text.lstrip("'")
    year = int(text)
    if len(text) == 2:  # '10 -> 2010, '95 -> 1995: a two-digit year in the future is last century
        year += 2000 if year <= today.year % 100 else 1900
    return year


def _day(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(f"'{original}' is not a real date (read day first: day {day}, month {month})") from None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


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
    """The date alone (no year inference: a day and month with no year is a ValueProblem here)."""
    found, _ = parse_when(value, date1904=date1904, today=today)
    if isinstance(found, NoYear):
        raise ValueProblem(f"'{found.original}' has no year")
    return found


def parse_when(value: object, *, date1904: bool = False, today: dt.date | None = None) -> Written:
    """A chronology date cell: the date (or a day and month awaiting its year), and a time if the cell
    has one; (None, None) for a blank cell. Raises ValueProblem, saying why, when it cannot be read
    or lies outside the years any child's chronology covers (``EARLIEST`` to ``LATEST``)."""
    try:
        found, time = _parse_when(value, date1904=date1904, today=today or dt.date.today())
    except (ValueError, OverflowError) as error:  # e.g. April 0000: no such year
        if isinstance(error, ValueProblem):
            raise
        raise ValueProblem(f"'{value}' is not a real date") from None
    if isinstance(found, EventDate) and found.date is not None and not EARLIEST <= found.date <= LATEST:
        raise ValueProblem(f"'{value}' is not a plausible date (scrkit reads {EARLIEST.year} to {LATEST.year})")
    return found, time


def _parse_when(value: object, *, date1904: bool, today: dt.date) -> Written:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        time = value.time().replace(second=0, microsecond=0)
        shown = value.strftime("%d/%m/%Y %H:%M") if time != dt.time(0, 0) else value.strftime("%d/%m/%Y")
        return EventDate(value.date(), Precision.DAY, False, shown), (time if time != dt.time(0, 0) else None)
    if isinstance(value, dt.date):
        return EventDate(value, Precision.DAY, False, value.strftime("%d/%m/%Y")), None
    if isinstance(value, (bool, dt.time, dt.timedelta)):
        raise ValueProblem(f"'{value}' is not a date")
    if isinstance(value, (int, float)):
        if isinstance(value, int) or value.is_integer():
            whole = int(value)
            if 19000101 <= whole <= 21001231:  # 20260114 typed as a number: year, month, day
                text = str(whole)
                day = _day(int(text[:4]), int(text[4:6]), int(text[6:]), text)
                return EventDate(day, Precision.DAY, False, text), None
        day = excel_serial(value, date1904)
        fraction = float(value) - int(value)
        minutes = round(fraction * 24 * 60)
        # The number is how Excel stores a date it shows as a date: say it as Excel shows it.
        at = dt.time(min(minutes // 60, 23), minutes % 60) if minutes else None
        shown = day.strftime("%d/%m/%Y") + (f" {at:%H:%M}" if at else "")
        return EventDate(day, Precision.DAY, False, shown), at
    original = " ".join(str(value).split())
    try:
        return _parse_text(original, today)
    except ValueProblem as problem:
        found = _with_words_after(original, today) or _serial_as_text(original, date1904, today)
        if found is None:
            raise problem from None
        return found


def _with_words_after(original: str, today: dt.date) -> Written | None:
    """A date with a remark typed after it ("28/03/2024 (date of letter)"): the date, the remark flagged."""
    words = original.split()
    for cut in range(min(len(words) - 1, 6), 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        try:
            found, time = _parse_text(head, today)
        except ValueProblem:
            continue
        remark = f"words after the date in the return: '{tail}'"
        if found is None or isinstance(found, NoYear):
            return None
        return replace(found, original=original, remark=found.remark or remark), time
    return None


def _serial_as_text(original: str, date1904: bool, today: dt.date) -> Written | None:
    """An Excel date number saved as text ("45640", a date cell pasted as values): read, and flagged."""
    if not re.fullmatch(r"\d{5}(\.\d+)?", original):
        return None
    number = float(original)
    try:
        day = excel_serial(number, date1904)
    except ValueProblem:
        return None
    if day.year < 1950:
        return None
    found, time = _parse_when(number, date1904=date1904, today=today)
    assert isinstance(found, EventDate)
    return replace(found, original=original, remark=f"read as Excel's number for {day:%d/%m/%Y}: check it"), time


def _parse_text(original: str, today: dt.date) -> Written:
    text = original.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-").strip(" .,;")
    uncertain = False
    while True:  # uncertainty markers, before and after, any number of them
        stripped = _UNCERTAIN_AFTER.sub("", _UNCERTAIN_BEFORE.sub("", text, count=1), count=1).strip(" .,;()")
        if stripped == text:
            break
        text, uncertain = stripped, True
    if not text:
        raise ValueProblem(f"'{original}' has no date in it")
    time = None
    if match := _TIME_AFTER.search(text):
        candidate = text[: match.start()].strip(" ,")
        if candidate and not _BARE_DAY.match(candidate) and not _YEAR.match(candidate):
            time = _time_of(match.group(1))
            if time is not None:
                text = candidate
    if time is None and (match := _TIME_BEFORE.match(text)):
        time = _time_of(match.group(1))
        if time is not None:
            text = text[match.end() :]
    text = _PART_OF_DAY.sub("", text).strip(" ,") or text  # "14/01/2026 morning": the day is what counts
    found = _parse_period(text, original, uncertain, today)
    return found, time


def _time_of(text: str) -> dt.time | None:
    try:
        return parse_event_time(text)
    except ValueProblem:
        return None


def _parse_period(text: str, original: str, uncertain: bool, today: dt.date) -> EventDate | NoYear:
    if match := _WEEK.match(text):
        start = _parse_single(match.group(2), original, uncertain, today)
        ending = match.group(1).startswith(("w/e", "w.e", "week ending", "w/ending"))

        def week(found: EventDate) -> EventDate:
            if found.precision is not Precision.DAY or found.date is None:
                raise ValueProblem(f"'{original}': a week is given by the day it starts (w/c 11/05/2026)")
            first = found.date - dt.timedelta(days=6) if ending else found.date
            last = first + dt.timedelta(days=6)
            label = f"w/e {last:%d/%m/%Y}" if ending else f"w/c {first:%d/%m/%Y}"
            return replace(found, date=first, end=last, precision=Precision.WEEK, label=label)

        return _then(start, week)
    if match := _PART.match(text):
        return _part_of(match.group(1), match.group(2), original, uncertain, today)
    if match := _SEASON.match(text):
        return _season(match, original, uncertain, today)
    try:
        return _parse_single(text, original, uncertain, today)
    except ValueProblem as single_problem:
        if match := _RANGE.match(text):
            try:
                return _range(match.group(1).strip(), match.group(2).strip(), original, uncertain, today)
            except ValueProblem as range_problem:
                if "ends before" in str(range_problem):
                    raise
        raise single_problem from None


def _then(found: EventDate | NoYear, step: Callable[[EventDate], EventDate]) -> EventDate | NoYear:
    """Apply ``step`` now, or once the year of a day-and-month is known."""
    if isinstance(found, NoYear):
        earlier = found.complete
        return replace(found, complete=lambda year, source: step(earlier(year, source)))
    return step(found)


def _weekday_check(found: EventDate | NoYear, weekday: int | None) -> EventDate | NoYear:
    if weekday is None:
        return found
    if isinstance(found, NoYear):
        return replace(found, weekday=weekday)
    if found.precision is Precision.DAY and found.date is not None and found.date.weekday() != weekday:
        actual = found.date.strftime("%A")
        remark = f"written as a {calendar.day_name[weekday]}, but {found.date:%d/%m/%Y} is a {actual}: check the date"
        return replace(found, remark=remark)
    return found


def _parse_single(text: str, original: str, uncertain: bool, today: dt.date) -> EventDate | NoYear:
    weekday = None
    if match := _WEEKDAY_PREFIX.match(text):
        weekday = _WEEKDAYS[match.group(1)]
        text = text[match.end() :]
    found = _single(text.strip(" ,"), original, uncertain, today)
    return _weekday_check(found, weekday)


def _single(text: str, original: str, uncertain: bool, today: dt.date) -> EventDate | NoYear:
    def day_date(day: dt.date) -> EventDate:
        return EventDate(day, Precision.DAY, uncertain, original)

    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return day_date(_day(year, month, day, original))
    if match := _COMPACT.match(text):
        year, month, day = (int(part) for part in match.groups())
        return day_date(_day(year, month, day, original))
    if match := _UNKNOWN_DAY.match(text):  # ?/05/2026, 00/05/2026, xx/05/2026: the month is known
        return _month(int(match.group(1)), _year(match.group(2), today), original, uncertain)
    if match := _UNKNOWN_DAY_MONTH.match(text):
        return _year_only(int(match.group(1)), original, uncertain)
    if match := _NUMERIC.match(text):
        day, month = int(match.group(1)), int(match.group(2))
        return day_date(_day(_year(match.group(3), today), month, day, original))
    if match := _DAY_MONTH_YEAR.match(text):
        day, month = int(match.group(1)), _MONTHS[match.group(2)]
        return day_date(_day(_year(match.group(3), today), month, day, original))
    if match := _MONTH_DAY_YEAR.match(text):
        month, day = _MONTHS[match.group(1)], int(match.group(2))
        return day_date(_day(int(match.group(3)), month, day, original))
    if match := _MONTH_YEAR.match(text):
        month, year = _MONTHS[match.group(1)], _year(match.group(2), today)
        return EventDate(dt.date(year, month, 1), Precision.MONTH, uncertain, original, end=_month_end(year, month))
    if match := _MONTH_YEAR_NUMERIC.match(text):
        return _month(int(match.group(1)), int(match.group(2)), original, uncertain)
    if match := _YEAR.match(text):
        return _year_only(int(match.group(1)), original, uncertain)
    no_year: tuple[int, int] | None = None
    if match := _DAY_MONTH.match(text):
        no_year = (int(match.group(1)), int(match.group(2)))
    elif match := _DAY_MONTH_WORDS.match(text):
        no_year = (int(match.group(1)), _MONTHS[match.group(2)])
    elif match := _MONTH_DAY.match(text):
        no_year = (int(match.group(2)), _MONTHS[match.group(1)])
    if no_year is not None:
        day, month = no_year
        _day(2024, month, day, original)  # a day that exists in some year (2024 is a leap year)

        def complete(year: int, source: str) -> EventDate:
            return replace(day_date(_day(year, month, day, original)), year_from=source)

        return NoYear(day, month, original, None, complete)
    raise ValueProblem(f"'{original}' is not a date scrkit can read (write it day first, e.g. 03/04/2010)")


def _month(month: int, year: int, original: str, uncertain: bool) -> EventDate:
    if not 1 <= month <= 12:
        raise ValueProblem(f"'{original}' is not a month and year")
    return EventDate(dt.date(year, month, 1), Precision.MONTH, uncertain, original, end=_month_end(year, month))


def _year_only(year: int, original: str, uncertain: bool) -> EventDate:
    if not EARLIEST.year <= year <= LATEST.year:
        raise ValueProblem(f"'{original}' is not a plausible year")
    return EventDate(dt.date(year, 1, 1), Precision.YEAR, uncertain, original, end=dt.date(year, 12, 31))


def _part_of(part: str, rest: str, original: str, uncertain: bool, today: dt.date) -> EventDate:
    """early/mid/late May 2026 (days 1-10, 11-20, 21 to the end); early/mid/late 2025 (Jan-Apr, May-Aug,
    Sep-Dec)."""
    which = "early" if part in ("early", "beginning of", "start of") else "mid" if "mid" in part else "late"
    found = _single(rest.strip(), original, uncertain, today)
    if isinstance(found, NoYear) or found.date is None or found.precision not in (Precision.MONTH, Precision.YEAR):
        raise ValueProblem(f"'{original}': write early, mid or late with a month and year (early May 2026)")
    year = found.date.year
    if found.precision is Precision.MONTH:
        month = found.date.month
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, calendar.monthrange(year, month)[1])}[which]
        return EventDate(dt.date(year, month, first), Precision.PART_OF_MONTH, uncertain, original,
                         end=dt.date(year, month, last), label=f"{which} {found.date:%B %Y}")  # fmt: skip
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[which]
    return EventDate(dt.date(year, months[0], 1), Precision.PART_OF_YEAR, uncertain, original,
                     end=_month_end(year, months[1]), label=f"{which} {year}")  # fmt: skip


def _season(match: re.Match[str], original: str, uncertain: bool, today: dt.date) -> EventDate:
    name, term, year_text = match.group(1), match.group(2), match.group(3)
    year = _year(year_text, today)
    first, last = (_TERMS if term else _SEASONS)[name]
    end_year = year + 1 if last < first else year
    season = "autumn" if name == "fall" else name
    label = f"{season.capitalize()} {'term ' if term else ''}{year}"
    if end_year != year:
        label += f"/{str(end_year)[2:]}"
    return EventDate(dt.date(year, first, 1), Precision.SEASON, uncertain, original,
                     end=_month_end(end_year, last), label=label)  # fmt: skip


def _range(left: str, right: str, original: str, uncertain: bool, today: dt.date) -> EventDate:
    """12-14/05/2026, 12 to 14 May 2026, 12/05/2026 - 03/06/2026, May to June 2026, 2024-25."""
    if re.match(r"^\d{4}$", left) and re.match(r"^\d{2}$", right):
        first_year = int(left)
        right = str(first_year // 100 * 100 + int(right))
    end = _single(right, original, uncertain, today)
    if isinstance(end, NoYear) or end.date is None:
        raise ValueProblem(f"'{original}': the end of a range needs its year")
    last = end.end or end.date
    start: dt.date
    if match := _BARE_DAY.match(left):
        start = _day(end.date.year, end.date.month, int(match.group(1)), original)
    elif match := _DAY_MONTH.match(left):
        start = _day(end.date.year, int(match.group(2)), int(match.group(1)), original)
    elif match := _DAY_MONTH_WORDS.match(left):
        start = _day(end.date.year, _MONTHS[match.group(2)], int(match.group(1)), original)
    elif match := _MONTH_ONLY.match(left):
        start = dt.date(end.date.year, _MONTHS[match.group(1)], 1)
    else:
        first = _single(left, original, uncertain, today)
        if isinstance(first, NoYear) or first.date is None:
            raise ValueProblem(f"'{original}' is not a range of dates scrkit can read")
        start = first.date
    if last < start:
        raise ValueProblem(f"'{original}': the range ends before it starts (read day first)")
    if start == last:
        return EventDate(start, Precision.DAY, uncertain, original)
    return EventDate(start, Precision.RANGE, uncertain, original, end=last,
                     label=f"{start:%d/%m/%Y} to {last:%d/%m/%Y}")  # fmt: skip


def undated(original: str) -> EventDate:
    return EventDate(None, Precision.UNDATED, False, original)
