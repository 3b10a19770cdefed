"""The one place scrkit writes to the terminal: results to stdout, everything else to stderr."""

from __future__ import annotations

import logging
import sys
import textwrap
from collections.abc import Collection, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
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


NARROWEST_TEXT = 12  # a column of names or text narrower than this reads badly: list the rows instead


def table_of(
    title: str, headings: Sequence[str], rows: Sequence[Sequence[Any]], whole: Collection[str] = ()
) -> RenderableType:
    """The rows as a table whose columns in ``whole`` (ids people type, dates, states) are never broken
    or cut; the other columns (names, text) fold. Where the terminal is too narrow for that (80
    columns), each row is listed instead: its text on one line, its whole values below, each intact."""
    widths = {
        # a whole column holds its heading unbroken too ("quality assured" beside "-": "Harl/ow" was seen)
        heading: max([len(line) for row in rows for line in str(row[index]).split("\n")] + [len(heading)])
        for index, heading in enumerate(headings)
        if heading in whole
    }
    others = [heading for heading in headings if heading not in whole]
    needed = sum(widths.values()) + NARROWEST_TEXT * len(others) + 2 * len(headings)
    if needed > stdout().width:
        return _listed(title, headings, rows, whole)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for heading in headings:
        if heading in whole:
            table.add_column(heading, no_wrap=True, min_width=widths[heading])
        else:
            table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _listed(title: str, headings: Sequence[str], rows: Sequence[Sequence[Any]], whole: Collection[str]) -> Group:
    """Each row as lines that fit the terminal, broken only between words (never inside an id, whose
    hyphens do not break it) or between a whole value and the next."""
    width = max(stdout().width - 1, 40)
    # A heading naming a folder deep on a network drive folds at the terminal's edge, as text does.
    lines: list[RenderableType] = [Text(part, style="bold") for part in textwrap.wrap(title, width) or [""]]
    for row in rows:
        cells = {heading: str(cell) for heading, cell in zip(headings, row, strict=True)}
        lead = " - ".join(cells[h] for h in headings if h not in whole and cells[h].strip())
        for text in textwrap.wrap(lead, width - 1, break_on_hyphens=False):  # a long path breaks
            lines.append(Text(" " + text))
        pairs: list[str] = []
        for heading in (h for h in headings if h in whole and cells[h].strip()):
            first, *more = cells[heading].split("\n")
            pairs.append(f"{heading}: {first}")
            pairs += [f"  {line}" for line in more]
        current = ""
        for pair in pairs:
            if pair.startswith("  "):  # a value's further lines, each on a line of its own
                if current:
                    lines.append(Text("    " + current))
                    current = ""
                lines.append(Text("      " + pair.strip()))
                continue
            if current and len(current) + 3 + len(pair) > width - 4:
                lines.append(Text("    " + current))
                current = pair
            else:
                current = f"{current}   {pair}" if current else pair
        if current:
            lines.append(Text("    " + current))
    return Group(*lines)
