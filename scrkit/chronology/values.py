"""Reading the values agencies type into chronology returns: times and Y/N answers.

Dates, the hardest, have their own module (``written_dates``).
"""

from __future__ import annotations

import datetime as dt
import re


class ValueProblem(ValueError):
    """A value that cannot be read; the message says why, in plain words."""


_CLOCK = re.compile(r"^(\d{1,2})[:.h](\d{2})(?::\d{2}(?:\.\d+)?)?\s*(am|pm|a\.m\.?|p\.m\.?)?\s*(?:hrs|hours|h)?$", re.I)
_HOUR_ONLY = re.compile(r"^(\d{1,2})\s*(am|pm|a\.m\.?|p\.m\.?)$", re.I)
_MILITARY = re.compile(r"^(\d{2})(\d{2})\s*(hrs|hours|h)?$", re.I)
_NAMED = {"noon": dt.time(12, 0), "midday": dt.time(12, 0), "midnight": dt.time(0, 0)}
_TIME_UNCERTAIN = re.compile(
    r"^(?:c\.|ca\.?|circa|approx\.?|approximately|about|around|~)\s*|\s*(?:\?+|approx\.?)$", re.I
)
_TIME_RANGE = re.compile(r"^(.+?)\s*(?:-|\u2013|to|until|till)\s*(.+)$", re.I)
# A part of the day is not a time: the text is kept with the event (the reader puts it in Other information).
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight", "lunchtime", "am", "pm", "early hours")


def parse_event_time(value: object) -> dt.time | None:
    """``14:30``, ``14.30``, ``2.30pm``, ``1430hrs``, ``14h30``, ``noon``, ``approx 14:00``, the start of
    ``14:00-15:00``, a time cell, or blank (None)."""
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
    text = " ".join(str(value).split())
    clock = _TIME_UNCERTAIN.sub("", text.lower()).strip()
    if clock in _NAMED:
        return _NAMED[clock]
    found = _clock(clock)
    if found is None and (match := _TIME_RANGE.match(clock)):
        found = _clock(match.group(1).strip())  # a time range: the event started at its start
        if found is not None and _clock(match.group(2).strip()) is None:
            found = None
    if found is None:
        if clock in PARTS_OF_DAY:
            raise ValueProblem(f"'{text}' is a part of the day, not a time")
        raise ValueProblem(f"'{text}' is not a time (write 14:30, 14.30 or 2.30pm)")
    return found


def _clock(text: str) -> dt.time | None:
    hour = minute = None
    meridiem = None
    if match := _CLOCK.match(text):
        hour, minute, meridiem = int(match.group(1)), int(match.group(2)), match.group(3)
    elif match := _HOUR_ONLY.match(text):
        hour, minute, meridiem = int(match.group(1)), 0, match.group(2)
    elif match := _MILITARY.match(text):
        hour, minute = int(match.group(1)), int(match.group(2))
    elif text in _NAMED:
        return _NAMED[text]
    if hour is None or minute is None:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
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
