"""Checks made on a returned file before any spreadsheet library parses it.

Returns arrive by email from outside organisations. A .xlsx is a zip of XML files: a crafted
one can expand a few hundred kilobytes into gigabytes (a decompression bomb), claim a sheet
of a million rows, or carry macros. These checks read only the zip's directory and a few
small parts, and refuse anything suspicious with a message naming the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from scrkit.errors import ScrkitError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 120  # a 5,000-row return of free text compresses about 4-10 times
MAX_ROWS = 200_000
MAX_COLUMNS = 200

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


class UnsafeReturn(ScrkitError):
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
    size = path.stat().st_size
    if size == 0:
        raise UnsafeReturn(f"{path.name} is empty (0 bytes).")
    if size > MAX_FILE_BYTES:
        raise UnsafeReturn(f"{path.name} is {size / 1e6:.0f} MB, far larger than any chronology return.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE_SIGNATURE:
        raise UnsafeReturn(
            f"{path.name} is password-protected, or an old-style .xls workbook.",
            hint="Ask the agency to remove the password (send it by secure email instead, 1.9.2) and save it as .xlsx.",
        )
    if not zipfile.is_zipfile(path):
        raise UnsafeReturn(f"{path.name} is not an Excel workbook (.xlsx), whatever its name says.")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UnsafeReturn(f"{path.name} holds {len(entries):,} parts; a workbook has a few dozen.")
            total = sum(entry.file_size for entry in entries)
            compressed = sum(entry.compress_size for entry in entries) or 1
            if total > MAX_UNCOMPRESSED_BYTES or total / compressed > MAX_RATIO:
                raise UnsafeReturn(
                    f"{path.name} would expand to {total / 1e6:,.0f} MB ({total / compressed:,.0f} times its size): "
                    "it looks like a decompression bomb, not a chronology."
                )
            names = {entry.filename for entry in entries}
            if "xl/workbook.xml" not in names:
                raise UnsafeReturn(f"{path.name} is a zip file but not an Excel workbook.")
            workbook_xml = archive.read("xl/workbook.xml")[:200_000]
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
                has_macros="xl/vbaProject.bin" in names,
                has_external_links=any(name.startswith("xl/externalLinks/") for name in names),
            )
    except UnsafeReturn:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        # Found by fuzzing: a corrupted zip fails in many ways, each a damaged file to the user.
        raise UnsafeReturn(f"{path.name} is a damaged workbook: {error}.") from None
