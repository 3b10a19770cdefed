"""The one place scrkit writes to the terminal: results to stdout, everything else to stderr."""

from __future__ import annotations

import logging
import sys

from rich.console import Console
from rich.text import Text

from scrkit.errors import ProblemsFound, ScrkitError


def stdout() -> Console:
    # Built on each use so that it writes to whatever sys.stdout is now (tests capture it). Text from
    # records is printed as written: no markup ("[/b]"), no emoji (":100:"), in tables too.
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, markup=False, emoji=False)


def stderr() -> Console:
    return Console(file=sys.stderr, highlight=False, soft_wrap=True, markup=False, emoji=False)


def styled(text: str, style: str) -> Text:
    """A table cell in a colour, without reading its text as markup."""
    return Text(text, style=style)


def say(message: str) -> None:
    """A progress or confirmation line for the person at the terminal (stderr)."""
    stderr().print(message, markup=False)


def show_error(error: ScrkitError) -> None:
    console = stderr()
    if isinstance(error, ProblemsFound):
        for problem in error.problems:
            console.print(str(problem), markup=False)
    console.print(f"Error: {error.message}", style="bold red", markup=False)
    if error.hint:
        console.print(error.hint, markup=False)


class _Notices(logging.Handler):
    """The core's notices (``logging.getLogger("scrkit")``) as plain lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        say(record.getMessage())


def show_notices() -> None:
    logger = logging.getLogger("scrkit")
    if not any(isinstance(handler, _Notices) for handler in logger.handlers):
        logger.addHandler(_Notices())
    logger.setLevel(logging.INFO)
    logger.propagate = False
