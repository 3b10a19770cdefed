"""Options shared by many commands, defined once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from scrkit import dates
from scrkit.dates import parse_user_date

ReviewOption = Annotated[
    Path,
    typer.Option(
        "--review",
        "-r",
        help="The review's folder. Defaults to the current folder.",
        show_default=False,
    ),
]


def date_or_today(text: str | None, what: str) -> dt.date:
    return parse_user_date(text, what) if text is not None else dates.today()  # "" is a mistake, not today


def optional_date(text: str | None, what: str) -> dt.date | None:
    return parse_user_date(text, what) if text is not None else None
