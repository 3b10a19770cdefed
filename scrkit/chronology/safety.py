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

from scrkit.office.archive import UnsafeFile, open_checked

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


def check_workbook(path: Path) -> WorkbookFacts:
    """Refuse a workbook that is not what it says, is encrypted, or would expand dangerously."""
    try:
        with open_checked(path, path.name, UnsafeReturn, "an Excel workbook (.xlsx)") as archive:
            names = {entry.filename for entry in archive.infolist()}
            if "xl/workbook.xml" not in names:
                raise UnsafeReturn(f"{path.name} is a zip file but not an Excel workbook.")
            workbook_xml = archive.read("xl/workbook.xml")[:200_000]
            types = archive.read("[Content_Types].xml")[:200_000] if "[Content_Types].xml" in names else b""
            for name in names:
                if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                    with archive.open(name) as sheet:
                        start = sheet.read(4096)
                    match = _DIMENSION.search(start)
                    if match:
                        columns, rows = _column_number(match.group(1)), int(match.group(2))
                        if rows > MAX_ROWS or columns > MAX_COLUMNS:
                            raise UnsafeReturn(
                                f"{path.name} claims a sheet of {rows:,} rows and {columns:,} columns; "
                                f"scrkit reads at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns."
                            )
            return WorkbookFacts(
                date1904=bool(re.search(rb'date1904="(1|true)"', workbook_xml)),
                # A macro project may be stored under any part name: its content type gives it away.
                has_macros="xl/vbaProject.bin" in names or any(word in types for word in _MACRO_TYPES),
                has_external_links=any(name.startswith("xl/externalLinks/") for name in names),
            )
    except UnsafeReturn:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        # Found by fuzzing: a corrupted zip fails in many ways, each a damaged file to the user.
        raise UnsafeReturn(f"{path.name} is a damaged workbook: {error}.") from None
