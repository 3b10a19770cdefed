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


def review_for_subcommands(ctx: typer.Context, review: Path) -> None:
    """A group's own -r (`scrkit overview -r FOLDER draft 1`) is the review its sub-command works on,
    unless the sub-command is given its own -r: before this, the group's was read and dropped, and the
    sub-command changed the review in the current folder instead."""
    if ctx.invoked_subcommand is None or review == Path("."):
        return
    list_commands = getattr(ctx.command, "list_commands", None)
    names = list_commands(ctx) if list_commands is not None else []
    ctx.default_map = {name: {"review": str(review)} for name in names}
