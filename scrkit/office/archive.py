"""The one safe opener for Word and Excel files, shared by the chronology reader and the anonymiser.

A .docx or .xlsx is a zip of XML parts. One that arrives from outside can expand a few hundred
kilobytes into gigabytes (a decompression bomb) or be no zip at all. ``open_checked`` reads only
the zip's directory, refuses anything suspicious with a message naming the file, and only then
hands the archive to a parser.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from scrkit.errors import ScrkitError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 120  # a 5,000-row return of free text compresses about 4-10 times

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls/.doc, and password-protected .xlsx/.docx


class UnsafeFile(ScrkitError):
    """An Office file scrkit will not open; the message names the file and why."""


def open_checked(
    source: Path | bytes, name: str, error: type[ScrkitError] = UnsafeFile, kind: str = "a Word or Excel file"
) -> zipfile.ZipFile:
    """The file as an open zip, once its size, entry count and expansion are known to be safe.

    ``error`` is the refusal raised, so that each caller keeps its own kind of error; ``kind`` names
    what the file should be in the message.
    """
    data = source if isinstance(source, bytes) else None
    file = None if isinstance(source, bytes) else Path(source)
    size = len(data) if data is not None else Path(str(file)).stat().st_size
    if size == 0:
        raise error(f"{name} is empty (0 bytes).")
    if size > MAX_FILE_BYTES:
        raise error(f"{name} is {size / 1e6:.0f} MB, far larger than any document scrkit handles.")
    if file is None:
        head = source[:8] if isinstance(source, bytes) else b""
    else:
        with file.open("rb") as handle:
            head = handle.read(8)
    if head == OLE_SIGNATURE:
        raise error(
            f"{name} is password-protected, or an old-style Word or Excel file (.doc, .xls).",
            hint="Ask for it without a password (sent by secure email instead, 1.9.2), saved as .docx or .xlsx.",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data) if data is not None else Path(str(file)))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as problem:
        raise error(f"{name} is not {kind}, whatever its name says ({problem}).") from None
    entries = archive.infolist()
    total = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries) or 1
    if len(entries) > MAX_ENTRIES:
        archive.close()
        raise error(f"{name} holds {len(entries):,} parts; {kind} has a few dozen.")
    if total > MAX_UNCOMPRESSED_BYTES or total / compressed > MAX_RATIO:
        archive.close()
        raise error(
            f"{name} would expand to {total / 1e6:,.0f} MB ({total / compressed:,.0f} times its size): "
            "it looks like a decompression bomb, so scrkit will not open it."
        )
    return archive
