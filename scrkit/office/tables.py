"""Table columns sized to what they hold, so that no word breaks inside a cell (issue 17, item 1).

A table python-docx or Word makes has equal columns: "Relationship to child" beside "DOB"
breaks as "Relationsh-ip". After a letter is rendered its facts are known, so each column is
given at least the width of its longest word and, as far as the page allows, the width of its
longest line. Only tables whose columns are all equal are sized: a board that set widths in
Word keeps them.

Text widths are estimated by scrkit.office.fonts (Arial's proportions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from scrkit.office.fonts import text_width
from scrkit.office.word import set_fixed_widths

_CELL_PADDING = Cm(0.45)  # Word's default cell margins, 0.19 cm each side, and a little to spare
_SMALLEST = Pt(8)  # a table's text is made smaller, down to this, before a word is broken
_DEFAULT_SIZE = Pt(11)
_TICK_BOX = Cm(1)
_HYPHEN = re.compile(r"(?<=-)(?=.)")


@dataclass
class _Column:
    longest_word: int = 0
    longest_line: int = 0
    empty: bool = True  # nothing below the heading: a column to write in
    headed: bool = False


def fit_columns(document: Any) -> None:
    """Size every equal-columned table in the body of ``document`` (python-docx) to its content."""
    available = _text_width_of_page(document)
    default_size = document.styles["Normal"].font.size or _DEFAULT_SIZE
    for table in document.tables:
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        if len(grid) < 2 or len({column.get(qn("w:w")) for column in grid}) != 1:
            continue
        columns = [_Column() for _ in grid]
        headed = _has_heading_row(table)
        for number, row in enumerate(table.rows):
            cells = row._tr.tc_lst
            if len(cells) != len(grid):
                continue  # a merged cell: its text does not belong to one column
            for column, cell in zip(columns, cells, strict=True):
                _measure(column, cell, default_size, heading=headed and number == 0)
        if not headed:
            for column in columns:
                column.headed = True  # a form of labels and answers: an empty column is for writing in
        needed = sum(column.longest_word for column in columns)
        if needed > available:
            columns = _smaller(table, grid, columns, available, needed, default_size, headed)
        set_fixed_widths(table, widths_for(columns, available))


def _smaller(table: Any, grid: list, columns: list[_Column], available: int, needed: int, default_size: int,
             headed: bool) -> list[_Column]:  # fmt: skip
    """The table's text made smaller, as far as ``_SMALLEST``, until its longest words fit side by side
    (a long surname, "Any other White background"): a smaller word is better than a broken one."""
    padding = _CELL_PADDING * len(columns)
    ratio = (available - padding) / max(needed - padding, 1)
    size = max(_SMALLEST, Pt(int(default_size * ratio / Pt(1) * 2) / 2))
    if size >= default_size:
        return columns
    for row in table.rows:
        for cell in row._tr.tc_lst:
            for run in cell.iter(qn("w:r")):
                properties = run.find(qn("w:rPr"))
                if properties is None:
                    properties = OxmlElement("w:rPr")
                    run.insert(0, properties)
                half_points = properties.find(qn("w:sz"))
                if half_points is None:
                    half_points = OxmlElement("w:sz")
                    properties.append(half_points)
                half_points.set(qn("w:val"), str(int(size / Pt(1) * 2)))
    measured = [_Column() for _ in grid]
    for number, row in enumerate(table.rows):
        cells = row._tr.tc_lst
        if len(cells) != len(grid):
            continue
        for column, cell in zip(measured, cells, strict=True):
            _measure(column, cell, size, heading=headed and number == 0)
    if not headed:
        for column in measured:
            column.headed = True
    return measured


def _has_heading_row(table: Any) -> bool:
    """A table whose first row is printed again on every page (Word's "repeat as header row")."""
    if not table.rows:
        return False
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def _measure(column: _Column, cell: Any, default_size: int, heading: bool) -> None:
    for paragraph in cell.iterchildren(qn("w:p")):
        line = 0
        for run in paragraph.iterchildren(qn("w:r")):
            text = "".join(node.text or "" for node in run.iterchildren(qn("w:t")))
            if not text:
                continue
            size, bold = _run_font(run, default_size)
            line += text_width(text, size, bold)
            for word in text.split():
                for part in _HYPHEN.split(word):  # a line may end after a hyphen: "great-" / "grandmother"
                    column.longest_word = max(column.longest_word, text_width(part, size, bold) + _CELL_PADDING)
            if text.strip() and not heading:
                column.empty = False
            if text.strip() and heading:
                column.headed = True
        column.longest_line = max(column.longest_line, line + _CELL_PADDING)


def _run_font(run: Any, default_size: int) -> tuple[int, bool]:
    properties = run.find(qn("w:rPr"))
    size, bold = default_size, False
    if properties is not None:
        half_points = properties.find(qn("w:sz"))
        if half_points is not None and (value := half_points.get(qn("w:val"), "")).isdigit():
            size = Pt(int(value) / 2)
        weight = properties.find(qn("w:b"))
        bold = weight is not None and weight.get(qn("w:val"), "true") not in ("0", "false")
    return size, bold


def widths_for(columns: Sequence[_Column], available: int) -> list[int]:
    """Each column at least its longest word. A column whose longest line fits in a fair share of
    the page keeps it whole (a label beside a long answer stays on one line); the columns left
    share the rest by how much more each wants. A column left empty for writing in (a form)
    wants an equal share of the page."""
    share = available // len(columns)
    least = [column.longest_word for column in columns]
    wanted = [max(_wanted(column, share), word) for column, word in zip(columns, least, strict=True)]
    if sum(wanted) <= available:  # room to spare: it goes to the columns with text, not to tick boxes
        ticks = [column.empty and not column.headed for column in columns]
        if all(ticks):
            return _scaled(wanted, available)
        grown = _scaled([want for want, tick in zip(wanted, ticks, strict=True) if not tick],
                        available - sum(want for want, tick in zip(wanted, ticks, strict=True) if tick))  # fmt: skip
        return [want if tick else grown.pop(0) for want, tick in zip(wanted, ticks, strict=True)]
    if sum(least) >= available:
        return _scaled(least, available)  # some word will break whatever is done; each keeps its proportion
    widths = list(least)
    open_columns = set(range(len(columns)))
    while True:  # settle the narrow columns first, each at its whole line
        room = available - sum(widths[index] for index in range(len(columns)) if index not in open_columns)
        fair = room // max(len(open_columns), 1)
        settled = {index for index in open_columns if wanted[index] <= fair}
        if not settled:
            break
        for index in settled:
            widths[index] = wanted[index]
        open_columns -= settled
    spare = available - sum(widths)
    more = {index: wanted[index] - least[index] for index in open_columns}
    total = sum(more.values())
    for index in open_columns:
        widths[index] = least[index] + (spare * more[index] // total if total else spare // len(open_columns))
    return widths


def _wanted(column: _Column, share: int) -> int:
    if not column.empty:
        return column.longest_line
    return share if column.headed else _TICK_BOX  # a column with no heading and nothing in it: ticks


def _scaled(widths: Iterable[int], available: int) -> list[int]:
    widths = [max(width, 1) for width in widths]
    total = sum(widths)
    return [width * available // total for width in widths]


def _text_width_of_page(document: Any) -> int:
    section = document.sections[-1]
    return int(section.page_width - section.left_margin - section.right_margin)
