"""Field types shared by every record, strict where looseness would corrupt a case.

Records arrive as text (see ``scrkit.records.yamlfile``); these types decide what text
is acceptable. pydantic's lax mode would take ``"1700000000"`` as a date and ``"off"``
as False, so dates, yes/no answers and ids are parsed here instead.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from scrkit.dates import read_date

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Control characters other than tab and newline: Word drops them, YAML mangles some (U+0085).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

YES = ("yes", "y", "true")
NO = ("no", "n", "false")


BLANK = "must be filled in (it is blank)"


def _date(value: Any) -> dt.date:
    if value is None:
        raise ValueError(BLANK)
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date without a time, written YYYY-MM-DD")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        # The UK forms the command line takes (14/09/2026, 14 September 2026) as well as 2026-09-14;
        # the next save writes them as 2026-09-14 (scrkit.review.isodates).
        return read_date(value)
    raise ValueError(f"expected a date written 14/09/2026 or 2026-09-14, not {type(value).__name__} {value!r}")


def _yes_no(value: Any) -> bool:
    if value is None:
        raise ValueError(BLANK)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
    raise ValueError(f"write yes or no, not '{value}'")


def _text(value: Any) -> str:
    if value is None:
        raise ValueError(BLANK)
    if not isinstance(value, str):
        raise ValueError(f"expected text, not {type(value).__name__} {value!r}")
    if _CONTROL.search(value):
        raise ValueError("contains a control character (an invisible character pasted in); retype the text")
    return value.strip()


def _identifier(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f"'{value}' is not a usable id: use lower-case letters, digits and hyphens, e.g. 'police' or 'gp-1'"
        )
    return value


def _clock_time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError(f"'{value}' is not a time written HH:MM (24-hour), e.g. 14:30")
    hours, minutes = value.split(":")
    return f"{int(hours):02d}:{minutes}"


Date = Annotated[dt.date, BeforeValidator(_date), PlainSerializer(lambda d: d.isoformat(), return_type=str)]


class _Happened:
    """Marks a date of something that has happened (a reply, a sign-off, a birth): never after today."""

    def __repr__(self) -> str:
        return "HAPPENED"


HAPPENED = _Happened()
# The day something happened: a record is refused while it holds one after today (scrkit.review.consistency).
PastDate = Annotated[Date, HAPPENED]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
Text = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_text), AfterValidator(_identifier)]
ClockTime = Annotated[str, BeforeValidator(_text), AfterValidator(_clock_time)]


def entry_key(model: type[BaseModel]) -> str | None:
    """The field an entry of a list of these is known by (``family[mother]``): the first required
    field that is an ``Id`` (``id`` for most entries, ``agency`` for an IMR, one per agency)."""
    for name, field in model.model_fields.items():
        if field.is_required() and any(getattr(rule, "func", None) is _identifier for rule in field.metadata):
            return name
    return None


class Record(BaseModel):
    """Base of every record model: unknown fields are errors, never silently dropped."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=False, use_attribute_docstrings=True, defer_build=True
    )
