"""Chronology returns written as Word tables (.docx): the tables' rows, for the same reader as a sheet.

Many boards issue the App 7 chronology as a Word table, and agencies paste their system's export
into one. The file is checked first like a workbook (``scrkit.office.archive``: size, parts,
expansion), and refused if it carries macros, embedded objects or links out of the file (only
hyperlinks may point outside). Then every top-level table of the body is read: a cell's paragraphs
and line breaks become lines, formatting is ignored, a cell spread across columns (``gridSpan``)
keeps its place, and a cell merged down (``vMerge``) gives its text to each row it spans (a date
merged over two events belongs to both). A table with no heading row that follows a chronology
table and has as many columns is its continuation (a table split at a page break). Each resulting
table is a ``SheetRows`` named "Table N", read by ``reading.py`` exactly as a sheet is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrkit.chronology.safety import MAX_COLUMNS, MAX_ROWS, UnsafeReturn
from scrkit.office.archive import open_checked

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
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        if any(marker in types for marker in _MACRO_TYPES) or any(n.startswith("word/embeddings/") for n in names):
            raise UnsafeReturn(
                f"{path.name} contains macros or embedded objects; scrkit will not open it.",
                hint="Ask the agency to save the chronology as a plain .docx (File > Save As > Word Document).",
            )
        rels = archive.read("word/_rels/document.xml.rels") if "word/_rels/document.xml.rels" in names else b""
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
        if rels:
            for relation in etree.fromstring(rels, parser):
                if relation.get("TargetMode") == "External" and not relation.get("Type", "").endswith(_HYPERLINK):
                    raise UnsafeReturn(
                        f"{path.name} links to {relation.get('Target')!r} outside the file; scrkit will not open it.",
                        hint="Ask the agency to save the chronology as a plain .docx with nothing linked in.",
                    )
        body = etree.fromstring(archive.read("word/document.xml"), parser).find(f"{_W}body")
    if body is None:
        return []
    tables = [_rows(table, path.name) for table in body.iter(f"{_W}tbl") if _top_level(table)]
    sheets: list[Any] = []
    previous: Any = None
    for number, rows in enumerate(tables, start=1):
        width = max((len(row) for row in rows), default=0)
        if looks_like_header(rows):
            previous = SheetRows(f"Table {number}", rows)
            sheets.append(previous)
        elif previous is not None and width == max(len(row) for row in previous.rows):
            previous.rows.extend(rows)  # the same table, carried on after a page break
            if len(previous.rows) > MAX_ROWS:
                raise UnsafeReturn(f"{path.name}: its tables have more than {MAX_ROWS:,} rows.")
        else:
            previous = None
            sheets.append(SheetRows(f"Table {number}", rows))
    return sheets


def _top_level(table: Any) -> bool:
    """Tables inside a table's cell are part of that cell's text, not tables of their own."""
    parent = table.getparent()
    while parent is not None:
        if parent.tag == f"{_W}tc":
            return False
        parent = parent.getparent()
    return True


def _cell_text(cell: Any) -> str:
    lines = []
    for paragraph in cell.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter(f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab"):
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append(" ")
            else:
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines).strip()


def _rows(table: Any, name: str) -> list[list[Any]]:
    rows: list[list[Any]] = []
    above: dict[int, str] = {}  # the text of a cell that is merged down, by column
    for row in table.iter(f"{_W}tr"):
        if row.getparent() is not table:
            continue
        values: list[Any] = []
        for cell in row.findall(f"{_W}tc"):
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
            text = _cell_text(cell)
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
