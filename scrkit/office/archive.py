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


# What marks a part as code or an object that runs or renders outside the text: in a content type or
# a relationship type, whatever its part is called and however its letters are written (lower-cased
# after the XML is parsed, so "VBAPROJECT" and "vba&#x50;roject" are caught too).
_ACTIVE_MARKERS = ("vbaproject", "macroenabled", "activex", "vbadata", "oleobject", "afchunk")
_ACTIVE_RELATIONS = ("/package", "/control")  # an embedded document, an ActiveX control
MAX_PART_BYTES = 200 * 1024 * 1024  # any one part: the largest sheet of an honest return is far smaller
MAX_PART_RATIO = 400  # any one large part: honest XML compresses 5 to 50 times


def check_parts(archive: zipfile.ZipFile, name: str, error: type[ScrkitError] = UnsafeFile) -> None:
    """Refuse a part that would expand past its bounds (checked part by part, so that padding elsewhere
    cannot hide one), and any part that holds code or an embedded object, found by its content type,
    its relationship type or its first bytes rather than its name."""
    for entry in archive.infolist():
        if entry.file_size > MAX_PART_BYTES or (
            entry.file_size > 10 * 1024 * 1024 and entry.file_size / max(entry.compress_size, 1) > MAX_PART_RATIO
        ):
            raise error(f"{name}: its part {entry.filename} would expand to {entry.file_size / 1e6:,.0f} MB; it "
                        "looks like a decompression bomb, so scrkit will not open it.")  # fmt: skip
    found = active_content(archive)
    if found:
        raise error(
            f"{name} contains {found}; scrkit will not open it.",
            hint="Ask the agency to save it again as a plain .docx or .xlsx, with nothing embedded or linked in.",
        )


def active_content(archive: zipfile.ZipFile) -> str | None:
    """What in the archive is code or an embedded object (macros, ActiveX, OLE objects, an alternative
    chunk of HTML or RTF), or None."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    names = archive.namelist()
    for part in names:
        if part == "[Content_Types].xml" or part.endswith(".rels"):
            info = archive.getinfo(part)
            if info.file_size > 5 * 1024 * 1024:
                return f"a list of its parts of {info.file_size / 1e6:,.0f} MB"
            try:
                root = etree.fromstring(archive.read(part), parser)
            except etree.XMLSyntaxError:
                return f"a damaged list of its parts ({part})"
            for element in root.iter():
                for attribute in ("ContentType", "Type"):
                    value = (element.get(attribute) or "").lower()
                    if any(marker in value for marker in _ACTIVE_MARKERS) or value.endswith(_ACTIVE_RELATIONS):
                        return f"macros or an embedded object ({value.rsplit('/', 1)[-1]})"
    for part in names:
        with archive.open(part) as handle:
            if handle.read(8) == OLE_SIGNATURE:
                return f"an embedded object ({part})"
    return None
