"""Checks made on a returned file before any spreadsheet library parses it.

Returns arrive by email from outside organisations. A .xlsx is a zip of XML files: a crafted
one can expand a few hundred kilobytes into gigabytes (a decompression bomb), claim a sheet
of a million rows, or carry macros. These checks read only the zip's directory and a few
small parts (the zip through ``scrkit.office.archive``), and refuse anything suspicious with a
message naming the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from scrkit.office.archive import UnsafeFile, check_parts, open_checked

_MACRO_TYPES = (b"vbaProject", b"macroEnabled", b"vnd.ms-office.activeX", b"vbaData")
MAX_ROWS = 200_000
MAX_COLUMNS = 200

_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


class UnsafeReturn(UnsafeFile):
    """A returned file scrkit will not open; the message names the file and why."""


@dataclass(frozen=True)
class WorkbookFacts:
    date1904: bool
    has_macros: bool
    has_external_links: bool


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode():
        number = number * 26 + (ord(letter) - 64)
    return number


# A cell reference that may lie beyond the bounds (three letters, two letters from GS, six or more
# digits), its attribute anywhere in the tag and in either quotes, with or without a namespace prefix;
# and a row numbered past the bounds, whose cells may carry no reference at all. Only these few are
# looked at closely, so the scan runs at the speed of a regular expression over bytes.
_FAR_REFERENCE = re.compile(
    rb"""<(?:\w+:)?c\b[^>]*?\br=["']([A-Z]{3}|G[S-Z]|[H-Z][A-Z]|[A-Z]{1,2}(?=[0-9]{6}))([0-9]+)["']"""
)
_FAR_ROW = re.compile(rb"""<(?:\w+:)?row\b[^>]*?\br=["']([0-9]{6,})["']""")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")  # every cell, with or without attributes
MAX_CELLS = 1_000_000  # an honest return of 20,000 rows of 20 columns has 400,000


def _check_sheet(archive: zipfile.ZipFile, name: str, file_name: str) -> int:
    """The sheet's cells, counted from its XML before any reader allocates for them: a cell placed far
    out (XFD1048576) behind a lying dimension, or millions of cells, is refused here. Returns the count."""
    with archive.open(name) as sheet:
        start = sheet.read(4096)
        match = _DIMENSION.search(start)
        if match:
            columns, rows = _column_number(match.group(1)), int(match.group(2))
            if rows > MAX_ROWS or columns > MAX_COLUMNS:
                raise UnsafeReturn(
                    f"{file_name} claims a sheet of {rows:,} rows and {columns:,} columns; "
                    f"scrkit reads at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns."
                )
        cells, furthest_row, furthest_column, carry = 0, 0, 0, b""
        chunk = start
        while True:
            data = carry + chunk
            # Up to the last tag's opening: a tag cut between two reads is carried whole into the next.
            cut = data.rfind(b"<") if chunk else len(data)
            piece, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            cells += len(_CELL.findall(piece))
            for found in _FAR_REFERENCE.finditer(piece):
                furthest_row = max(furthest_row, int(found.group(2)))
                furthest_column = max(furthest_column, _column_number(found.group(1)))
            for found in _FAR_ROW.finditer(piece):
                furthest_row = max(furthest_row, int(found.group(1)))
            if not chunk or cells > MAX_CELLS:
                break
            chunk = sheet.read(1 << 20)
    if furthest_row > MAX_ROWS or furthest_column > MAX_COLUMNS:
        raise UnsafeReturn(
            f"{file_name} has a cell at row {furthest_row:,}, column {furthest_column:,}; scrkit reads at most "
            f"{MAX_ROWS:,} rows and {MAX_COLUMNS} columns (the sheet may claim less)."
        )
    return cells


def check_workbook(path: Path) -> WorkbookFacts:
    """Refuse a workbook that is not what it says, is encrypted, or would expand dangerously."""
    try:
        with open_checked(path, path.name, UnsafeReturn, "an Excel workbook (.xlsx)") as archive:
            names = {entry.filename for entry in archive.infolist()}
            if "xl/workbook.xml" not in names:
                raise UnsafeReturn(f"{path.name} is a zip file but not an Excel workbook.")
            workbook_xml = archive.read("xl/workbook.xml")[:200_000]
            types = archive.read("[Content_Types].xml")[:200_000] if "[Content_Types].xml" in names else b""
            check_parts(archive, path.name, UnsafeReturn)
            cells = 0
            for name in names:  # every part that may hold cells, wherever the workbook's links put it
                if name.endswith(".xml") and not name.endswith(("sharedStrings.xml", "styles.xml")):
                    cells += _check_sheet(archive, name, path.name)
            if cells > MAX_CELLS:
                raise UnsafeReturn(
                    f"{path.name} has {cells:,} cells; scrkit reads at most {MAX_CELLS:,} (a chronology has far fewer)."
                )
            return WorkbookFacts(
                date1904=bool(re.search(rb'date1904="(1|true)"', workbook_xml)),
                # A macro project may be stored under any part name: its content type gives it away.
                has_macros="xl/vbaProject.bin" in names or any(word in types for word in _MACRO_TYPES),  # also above
                has_external_links=any(name.startswith("xl/externalLinks/") for name in names),
            )
    except UnsafeReturn:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        # Found by fuzzing: a corrupted zip fails in many ways, each a damaged file to the user.
        raise UnsafeReturn(f"{path.name} is a damaged workbook: {error}.") from None
