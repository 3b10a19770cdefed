"""Chronology returns written as Word tables (.docx): the tables' rows, for the same reader as a sheet.

Many boards issue the App 7 chronology as a Word table, and agencies paste their system's export
into one. The file is checked first like a workbook (``scrkit.office.archive``: size, parts,
expansion), and refused if it carries macros, embedded objects or links out of the file (only
hyperlinks may point outside). Then every top-level table of the body is read: a cell's paragraphs
and line breaks become lines, formatting is ignored, a cell spread across columns (``gridSpan``)
keeps its place, and a cell merged down (``vMerge``) gives its text to each row it spans (a date
merged over two events belongs to both). Rows and cells wrapped in content controls (``w:sdt``, as
case systems paste them) are read like any other. Tracked changes are read as Word shows the
table with every change accepted: inserted text kept, deleted text and deleted rows left out, and
a note says how many, so the business manager can ask the agency if a deletion looks wrong. A table
with no heading row that follows a chronology table and has as many columns is its continuation
(a table split at a page break). Each resulting table is a ``SheetRows`` named "Table N", read by
``reading.py`` exactly as a sheet is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scrkit.chronology.safety import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, UnsafeReturn
from scrkit.office.archive import check_parts, open_checked

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MACRO_TYPES = (b"vbaProject", b"macroEnabled", b"vnd.ms-office.activeX", b"vbaData", b"oleObject")
# Links out of the file that a chronology table never needs: a template, a frame or sub-document
# fetched from elsewhere, an object linked in. Hyperlinks may point outside (they are text here).
_HYPERLINK = "relationships/hyperlink"


def word_tables(path: Path, looks_like_header: Any) -> list[Any]:
    """The chronology tables of a .docx as SheetRows; ``looks_like_header(rows)`` says whether a table's
    first rows hold a heading row (the reader's own test, so both agree)."""
    from lxml import etree

    from scrkit.chronology.reading import SheetRows

    with open_checked(path, path.name, UnsafeReturn, "a Word document") as archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise UnsafeReturn(f"{path.name} is not a Word document, whatever its name says (it has no body).")
        check_parts(archive, path.name, UnsafeReturn)
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        if any(marker in types for marker in _MACRO_TYPES) or any(n.startswith("word/embeddings/") for n in names):
            raise UnsafeReturn(
                f"{path.name} contains macros or embedded objects; scrkit will not open it.",
                hint="Ask the agency to save the chronology as a plain .docx (File > Save As > Word Document).",
            )
        rels = archive.read("word/_rels/document.xml.rels") if "word/_rels/document.xml.rels" in names else b""
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
        try:
            relations = list(etree.fromstring(rels, parser)) if rels else []
        except etree.XMLSyntaxError as error:
            raise UnsafeReturn(f"{path.name} is a damaged Word document: {error}.") from None
        if relations:
            for relation in relations:
                if relation.get("TargetMode") == "External" and not relation.get("Type", "").endswith(_HYPERLINK):
                    raise UnsafeReturn(
                        f"{path.name} links to {relation.get('Target')!r} outside the file; scrkit will not open it.",
                        hint="Ask the agency to save the chronology as a plain .docx with nothing linked in.",
                    )
        document = archive.read("word/document.xml")
        cells = len(re.findall(rb"<(?:\w+:)?tc[\s>/]", document))
        if cells > MAX_CELLS:
            raise UnsafeReturn(f"{path.name} has {cells:,} table cells; scrkit reads at most {MAX_CELLS:,} "
                               "(a chronology has far fewer).")  # fmt: skip
        try:
            body = etree.fromstring(document, parser).find(f"{_W}body")
        except etree.XMLSyntaxError as error:  # damaged, or nested or sized past what lxml reads safely
            again = "Ask the agency to open it in Word, save it again and resend it."
            raise UnsafeReturn(f"{path.name} is a damaged Word document: {error}.", hint=again) from None
    if body is None:
        return []
    changes: list[_Changes] = []
    tables = []
    for table in body.iter(f"{_W}tbl"):
        if _top_level(table):
            counted = _Changes()
            tables.append(_rows(table, path.name, counted))
            changes.append(counted)
    sheets: list[Any] = []
    previous: Any = None
    for number, (rows, counted) in enumerate(zip(tables, changes, strict=True), start=1):
        width = max((len(row) for row in rows), default=0)
        if looks_like_header(rows):
            previous = SheetRows(f"Table {number}", rows, notes=counted.notes())
            sheets.append(previous)
        elif previous is not None and width == max(len(row) for row in previous.rows):
            previous.rows.extend(rows)  # the same table, carried on after a page break
            previous.notes.extend(counted.notes())
            if len(previous.rows) > MAX_ROWS:
                raise UnsafeReturn(f"{path.name}: its tables have more than {MAX_ROWS:,} rows.")
        else:
            previous = None
            sheets.append(SheetRows(f"Table {number}", rows))
    return sheets


class _Changes:
    """Tracked changes met in one table, to say what was done with them."""

    def __init__(self) -> None:
        self.deleted_text = 0  # cells with deleted text left out
        self.inserted_text = 0  # cells with inserted text kept
        self.deleted_rows = 0

    def notes(self) -> list[str]:
        found = []
        if self.deleted_rows:
            found.append(f"{self.deleted_rows} row(s) marked as deleted (tracked changes) were left out")
        if self.deleted_text:
            found.append(f"text marked as deleted (tracked changes) in {self.deleted_text} cell(s) was left out")
        if self.inserted_text:
            found.append(f"text marked as inserted (tracked changes) in {self.inserted_text} cell(s) was kept")
        if found:
            found[-1] += "; ask the agency if a change looks wrong"
        return ["; ".join(found)] if found else []


def _own(parent: Any, tag: str, boundary: str) -> list[Any]:
    """``tag`` elements of ``parent`` itself (through content controls and other wrappers), not those
    of a table nested inside it (whose nearest ``boundary`` ancestor is another element)."""
    found = []
    for element in parent.iter(f"{_W}{tag}"):
        owner = element.getparent()
        while owner is not None and owner.tag != f"{_W}{boundary}":
            owner = owner.getparent()
        if owner is parent:
            found.append(element)
    return found


def _top_level(table: Any) -> bool:
    """Tables inside a table's cell are part of that cell's text, not tables of their own."""
    parent = table.getparent()
    while parent is not None:
        if parent.tag == f"{_W}tc":
            return False
        parent = parent.getparent()
    return True


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _cell_text(cell: Any, changes: _Changes) -> str:
    lines = []
    if any(True for _ in cell.iter(f"{_W}delText")):
        changes.deleted_text += 1
    if any(True for _ in cell.iter(f"{_W}ins")):
        changes.inserted_text += 1
    for paragraph in cell.iter(f"{_W}p"):
        if any(ancestor.tag == _MC_FALLBACK for ancestor in paragraph.iterancestors()):
            continue  # the same text again, for programs that cannot show the drawing it is in
        parts = []
        for node in paragraph.iter(f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab"):
            if any(
                ancestor.tag in (f"{_W}del", f"{_W}moveFrom")
                for ancestor in node.iterancestors(f"{_W}del", f"{_W}moveFrom")
            ):
                continue
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append(" ")
            else:
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines).strip()


def _rows(table: Any, name: str, changes: _Changes) -> list[list[Any]]:
    rows: list[list[Any]] = []
    above: dict[int, str] = {}  # the text of a cell that is merged down, by column
    for row in _own(table, "tr", "tbl"):
        row_properties = row.find(f"{_W}trPr")
        if row_properties is not None and row_properties.find(f"{_W}del") is not None:
            changes.deleted_rows += 1
            continue
        values: list[Any] = []
        for cell in _own(row, "tc", "tr"):
            properties = cell.find(f"{_W}tcPr")
            span = 1
            merge = None
            if properties is not None:
                grid = properties.find(f"{_W}gridSpan")
                if grid is not None and (grid.get(f"{_W}val") or "1").isdigit():
                    span = max(1, min(int(grid.get(f"{_W}val") or "1"), MAX_COLUMNS))
                merged = properties.find(f"{_W}vMerge")
                if merged is not None:
                    merge = merged.get(f"{_W}val") or "continue"
            column = len(values)
            text = _cell_text(cell, changes)
            if merge == "continue":
                text = above.get(column, "")
            elif merge == "restart":
                above[column] = text
            else:
                above.pop(column, None)
            values.append(text)
            values.extend([""] * (span - 1))
        rows.append(values[:MAX_COLUMNS])
        if len(rows) > MAX_ROWS:
            raise UnsafeReturn(f"{name}: a table has more than {MAX_ROWS:,} rows.")
    return rows
