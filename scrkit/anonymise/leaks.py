"""`check-leaks`: every byte a reader can reach, checked for a registered name, address or date of birth.

Issue 12, item 3. Nothing here is a list of places where names are known to hide: a file is read
by what it is, not by what its name says, and every part of it is read generically.

- A zip (.docx, .xlsx, an embedded workbook): every entry, recursively.
- An XML part: the text of every element (runs joined per paragraph, so a name split across runs
  is seen whole), every tail, comment and processing instruction, and every attribute value of
  every element (relationship targets, tooltips, alt text, bookmark and defined names, authors),
  URL-decoded where it is a link. In a spreadsheet, a number that is a date of birth's serial
  (a date of birth stored in a date cell) is a leak too.
- A PDF: the text of every page (pypdf); its pictures are pictures.
- Plain text in UTF-8, UTF-16 or UTF-32 (with or without a byte-order mark) or Windows-1252.
- A picture: not read (see below); anything else (a legacy .doc or .xls, .rtf, an embedded OLE
  object, a macro project, an unknown binary) is a failure, never a pass: it cannot be checked.
- The file's own name.

A picture is clean only when scrkit drew it anonymised itself, or a person has looked at it and
confirmed it (``register.yaml``, by the hash of its bytes); any other picture is reported.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_plus

from lxml import etree

from scrkit.anonymise.documents import TEXTS, Hit, UnreadablePart, blocks, joined_text, part_label, where_in
from scrkit.anonymise.text import Anonymiser
from scrkit.genogram.draw import GENOGRAM_MARK
from scrkit.office.archive import OLE_SIGNATURE, open_checked

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
MAX_DEPTH = 4  # a document inside a workbook inside a document ... deeper is refused
PICTURE_SIGNATURES = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"BM": "BMP",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"\x01\x00\x00\x00": "EMF",
    b"\xd7\xcd\xc6\x9a": "WMF",
    b"RIFF": "WebP",
}
BYTE_ORDER_MARKS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_NUMBER = re.compile(r"^\s*\d{4,6}(?:\.\d+)?\s*$")


@dataclass(frozen=True)
class Picture:
    """A picture in a file: where it is, its hash (what a confirmation names) and its bytes."""

    file: str
    part: str
    kind: str
    sha256: str
    content: bytes = field(repr=False)


@dataclass
class LeakReport:
    path: Path
    hits: list[Hit] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)  # pictures nobody has confirmed

    @property
    def clean(self) -> bool:
        return not self.hits and not self.unreadable and not self.pictures


def picture_kind(content: bytes) -> str | None:
    return next((kind for magic, kind in PICTURE_SIGNATURES.items() if content.startswith(magic)), None)


def png_text(content: bytes) -> dict[str, str]:
    """The text chunks (tEXt) of a PNG: where matplotlib writes a picture's Title and Software."""
    found: dict[str, str] = {}
    if not content.startswith(b"\x89PNG\r\n\x1a\n"):
        return found
    offset = 8
    while offset + 8 <= len(content):
        (length,) = struct.unpack(">I", content[offset : offset + 4])
        kind = content[offset + 4 : offset + 8]
        body = content[offset + 8 : offset + 8 + length]
        if kind == b"tEXt" and b"\x00" in body:
            key, _, value = body.partition(b"\x00")
            found[key.decode("latin-1")] = value.decode("latin-1")
        if kind == b"IEND":
            break
        offset += 12 + length
    return found


def genogram_mark(content: bytes) -> str | None:
    title = png_text(content).get("Title", "")
    return title if title.startswith(GENOGRAM_MARK) else None


def picture_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def decode_text(raw: bytes) -> str | None:
    """Text in any encoding a Windows program saves, or ``None`` when it is not text."""
    for bom, encoding in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    head = raw[:4096]
    if head.count(b"\x00") > len(head) // 4:  # UTF-16 without its byte-order mark
        encoding = "utf-16-le" if head[1::2].count(b"\x00") > head[0::2].count(b"\x00") else "utf-16-be"
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            return None
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\t\n\r\f\v")
    return None if controls > len(text[:4096]) // 20 else text


class Checker:
    """Checks bytes for registered forms; ``known_pictures`` are hashes of pictures already cleared."""

    def __init__(self, anonymiser: Anonymiser, known_pictures: frozenset[str] = frozenset()) -> None:
        self.anonymiser = anonymiser
        self.known_pictures = known_pictures

    def check_file(self, path: Path) -> LeakReport:
        try:
            content = path.read_bytes()
        except OSError as error:
            return LeakReport(path, unreadable=[f"{path.name}: {error.strerror or error}"])
        return self.check(path, content)

    def check(self, path: Path, content: bytes) -> LeakReport:
        """Every registered form in the file's name and in every byte of ``content``."""
        report = LeakReport(path)
        for variant in dict.fromkeys((path.name, *name_variants(path.name))):
            for span in self.anonymiser.spans(variant, readable=False):
                report.hits.append(Hit("file name", "name", path.name, span.matched))
        self._content(report, path.name, "", content, depth=0)
        return report

    # What the bytes are decides how they are read, never the file's name.
    def _content(self, report: LeakReport, file: str, part: str, content: bytes, depth: int) -> None:
        here = f"{part} " if part else ""
        if not content.strip():
            return
        if content.startswith(b"PK\x03\x04") or content.startswith(b"PK\x05\x06"):
            self._archive(report, file, part, content, depth)
        elif content.startswith(OLE_SIGNATURE):
            report.unreadable.append(
                f"{file}: {here}is an old-style Office file or an embedded object (.doc, .xls, OLE), which scrkit "
                "cannot read to check; save it as .docx or .xlsx"
            )
        elif content.lstrip().startswith(b"{\\rtf"):
            report.unreadable.append(
                f"{file}: {here}is a Rich Text (.rtf) file, which scrkit cannot check; save it as .docx"
            )
        elif content.startswith(b"%PDF"):
            self._pdf(report, file, part, content)
        elif (kind := picture_kind(content)) is not None:
            self._picture(report, file, part, kind, content)
        else:
            text = decode_text(content)
            if text is None:
                report.unreadable.append(f"{file}: {here}is binary data scrkit cannot read, so cannot check")
            elif text.lstrip("\ufeff \t\r\n").startswith("<") and self._xml(report, file, part, content):
                pass
            else:
                self._text(report, part, text)

    def _picture(self, report: LeakReport, file: str, part: str, kind: str, content: bytes) -> None:
        if genogram_mark(content) == GENOGRAM_MARK:  # scrkit's own drawing of the family, with real names
            report.hits.append(Hit(part or file, "picture", "the family's genogram drawn with real names", "genogram"))
            return
        digest = picture_hash(content)
        if digest not in self.known_pictures:
            report.pictures.append(Picture(file, part or file, kind, digest, content))

    def _archive(self, report: LeakReport, file: str, part: str, content: bytes, depth: int) -> None:
        if depth >= MAX_DEPTH:
            report.unreadable.append(f"{file}: {part} holds files nested more than {MAX_DEPTH} deep")
            return
        try:
            with open_checked(content, f"{file} {part}".strip(), UnreadablePart) as archive:
                for entry in archive.infolist():
                    if entry.is_dir():
                        continue
                    inner = f"{part} › {entry.filename}" if part else entry.filename
                    for span in self.anonymiser.spans(entry.filename, readable=False):
                        report.hits.append(Hit(inner, "part name", entry.filename, span.matched))
                    try:
                        data = archive.read(entry)
                    except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, NotImplementedError) as error:
                        report.unreadable.append(f"{file}: {inner} cannot be read ({error})")
                        continue
                    self._content(report, file, inner, data, depth + 1)
        except UnreadablePart as error:
            report.unreadable.append(error.message)

    def _xml(self, report: LeakReport, file: str, part: str, raw: bytes) -> bool:
        """Read as XML; ``False`` when it is not XML after all (then it is read as text)."""
        try:
            root = etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError:
            if part.endswith((".xml", ".rels", ".vml")) or file.endswith(".svg"):
                report.unreadable.append(f"{file}: {part or 'the file'} is damaged XML that scrkit cannot read")
                return True
            return False
        label = part_label(part.rsplit(" › ", 1)[-1]) if part else Path(file).suffix.lstrip(".") or "text"
        if part and " › " in part:
            label = f"{part.rsplit(' › ', 1)[0]} › {label}"
        spreadsheet = "xl/" in part
        for where, value in _xml_strings(root):
            for span in self.anonymiser.spans(value, readable=False):
                context = value[max(0, span.start - 40) : span.end + 40].replace("\n", " ")
                report.hits.append(Hit(label, describe(where), context, span.matched))
            if spreadsheet and _NUMBER.match(value) and self.anonymiser.is_birth_serial(value):
                found = f"{value.strip()} (a date of birth as a date cell)"
                report.hits.append(Hit(label, describe(where), value.strip(), found))
        return True

    def _text(self, report: LeakReport, part: str, text: str) -> None:
        for number, line in enumerate(text.splitlines(), start=1):
            variants = (line, MARKUP.sub("", line)) if MARKUP.search(line) else (line,)
            for span in (span for variant in variants for span in self.anonymiser.spans(variant, readable=False)):
                context = line[max(0, span.start - 40) : span.end + 40]
                where = f"{part} line {number}" if part else f"line {number}"
                report.hits.append(Hit(where, "text", context, span.matched))

    def _pdf(self, report: LeakReport, file: str, part: str, content: bytes) -> None:
        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(content))
            if reader.is_encrypted:
                report.unreadable.append(f"{file}: {part or 'the PDF'} is encrypted, so scrkit cannot check it")
                return
            for number, page in enumerate(reader.pages, start=1):
                text = page.extract_text() or ""
                for span in self.anonymiser.spans(" ".join(text.split()), readable=False):
                    report.hits.append(
                        Hit(f"{part + ' ' if part else ''}page {number}", "PDF text", text[:80], span.matched)
                    )
                for image in page.images:
                    where = f"{part + ' ' if part else ''}page {number} {image.name}"
                    self._picture(report, file, where, "PDF picture", image.data)
            metadata: dict = dict(reader.metadata or {})
            for key, value in metadata.items():
                for span in self.anonymiser.spans(str(value), readable=False):
                    report.hits.append(
                        Hit(f"{part + ' ' if part else ''}properties", str(key), str(value), span.matched)
                    )
        except Exception as error:  # noqa: BLE001 - any failure to read a PDF is a failure to check it
            report.unreadable.append(f"{file}: {part or 'the PDF'} cannot be read to check ({type(error).__name__})")


OOXML = ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/", "http://purl.org/")
MIXED_LIMIT = 500
HEADER_ELEMENTS = {"oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"}
HEADER_CODES = re.compile(r'&(?:"[^"]*"|\d+|[LCRPNDTAZFGBISUEXYKH&])')


def _split(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an lxml tag, without building a QName for every element."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _xml_strings(root: etree._Element) -> Iterator[tuple[str | etree._Element, str]]:
    """(where, text) for every string a reader of the XML can reach; ``where`` is a description, or the
    first text node of a paragraph (described only if something is found there: ``describe``)."""
    for owner, nodes in blocks(root, simple_elements=False):
        joined = joined_text(nodes)
        if joined.strip():
            yield (nodes[0] if owner is not None else _split(nodes[0].tag)[1]), joined
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            if element.text and element.text.strip():
                yield "XML comment", element.text
            if element.tail and element.tail.strip():
                yield "text", element.tail
            continue
        namespace, local = _split(tag)
        text = element.text
        if text and tag not in TEXTS and text.strip():
            yield local, text  # field codes, properties, custom XML, cached values ...
            if local == "f":  # a formula's string literals joined: "Li"&"sle"
                literals = re.findall(r'"((?:[^"]|"")*)"', text)
                if len(literals) > 1:
                    yield "formula", "".join(literals).replace('""', '"')
            elif local in HEADER_ELEMENTS:  # Excel's header codes glue to words: &CHelen
                yield local, HEADER_CODES.sub(" ", text)
        if len(element) and not namespace.startswith(OOXML) and len(element) < MIXED_LIMIT:
            joined = "".join(element.itertext())  # SVG or other XML: a word split into <tspan>s
            if len(joined) < MIXED_LIMIT * 20 and joined.strip():
                yield f"text of {local}", joined
        if element.tail and element.tail.strip():
            yield f"text after {local}", element.tail
        for attribute, value in element.attrib.items():
            if len(value) < 2 or value.isdigit():
                if value.isdigit() and len(value) >= 4:  # a number: a date serial, perhaps
                    yield f"{_split(attribute)[1]} of a {local}", value
                continue
            yield f"{_split(attribute)[1]} of a {local}", value
            if "%" in value or "+" in value:
                decoded = unquote_plus(value)
                if decoded != value:
                    yield f"{_split(attribute)[1]} of a {local}", decoded


def describe(where: str | etree._Element) -> str:
    return where if isinstance(where, str) else where_in(where)


MARKUP = re.compile(r"(?<=\w)[*_~`]+(?=\w)|(?<=\w)[*_~`]+(?!\w)")  # Markdown emphasis inside a word: Qua*yle*
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def name_variants(name: str) -> tuple[str, ...]:
    """A file name as words: "notes_Hollis_v2.txt", "QuayleChronology.txt" hold a surname too."""
    spaced = re.sub(r"[_.+~]", " ", name)
    return (spaced, _CAMEL.sub(" ", spaced))


def check_paths(checker: Checker, targets: list[Path]) -> list[LeakReport]:
    return [checker.check_file(path) for path in targets]
