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
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from lxml import etree

from scrkit.anonymise.documents import (
    TEXTS,
    Hit,
    UnreadablePart,
    blocks,
    hidden,
    joined_text,
    part_label,
    where_in,
)
from scrkit.anonymise.folding import DIRECTION_OVERRIDES
from scrkit.anonymise.text import Anonymiser, Span
from scrkit.genogram.draw import GENOGRAM_MARK
from scrkit.office.archive import OLE_SIGNATURE, open_checked

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
SHORT = 40  # strings this short are looked at once per file checked, however often they repeat
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


def decodings(raw: bytes) -> list[str] | None:
    """Every reading of ``raw`` as text a program could make, the likeliest first; ``None`` when it is
    not text. Bytes that are not UTF-8 are read as Windows-1252, as Mac Roman and as UTF-8 with the
    bad bytes skipped (a stray byte must not hide the rest), and as EBCDIC when few letters show."""
    first = decode_text(raw)
    if first is None:
        return None
    found = [first]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        if not raw.startswith(tuple(bom for bom, _encoding in BYTE_ORDER_MARKS)) and raw[:4096].count(b"\x00") <= 1024:
            found.extend((raw.decode("mac_roman", errors="replace"), raw.decode("utf-8", errors="replace")))
            letters = sum(char.isalpha() or char.isspace() for char in first[:4096])
            if letters < len(first[:4096]) // 2:
                found.append(raw.decode("cp500", errors="replace"))
    return list(dict.fromkeys(found))


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
        self._short: dict[str, list[Span]] = {}

    def check_file(self, path: Path) -> LeakReport:
        try:
            content = path.read_bytes()
        except OSError as error:
            return LeakReport(path, unreadable=[f"{path.name}: {error.strerror or error}"])
        return self.check(path, content)

    def check(self, path: Path, content: bytes) -> LeakReport:
        """Every registered form in the file's name and in every byte of ``content``."""
        report = LeakReport(path)
        for span in self._spans(path.name, file_name=True):
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
            self._pdf(report, file, part, content, depth)
        elif (kind := picture_kind(content)) is not None:
            self._picture(report, file, part, kind, content)
        else:
            text = decode_text(content)
            if text is None:
                report.unreadable.append(f"{file}: {here}is binary data scrkit cannot read, so cannot check")
            elif text.lstrip("\ufeff \t\r\n").startswith("<") and self._xml(report, file, part, content):
                pass
            else:
                self._text(report, part, decodings(content) or [text])

    def _spans(self, value: str, file_name: bool = False) -> list[Span]:
        """Registered forms in ``value`` and in each way it could be read (``variants``), once each.
        Short strings repeat (attribute values, styles, codes): their answer is remembered."""
        if len(value) <= SHORT and not file_name:
            cached = self._short.get(value)
            if cached is None:
                cached = self._short[value] = self._look(value, file_name)
            return cached
        return self._look(value, file_name)

    def _look(self, value: str, file_name: bool) -> list[Span]:
        found: dict[tuple[str, str], Span] = {}
        if not DIRECTION_OVERRIDES.isdisjoint(value):
            where = next(index for index, char in enumerate(value) if char in DIRECTION_OVERRIDES)
            override = "a direction override (U+202D or U+202E), which shows the text after it reversed"
            found[("", "")] = Span(where, where + 1, "", override)
        for variant in variants(value, file_name):
            for span in self.anonymiser.spans(variant, readable=False):
                found.setdefault((span.matched.casefold(), span.replacement), span)
        return list(found.values())

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
                self._zip_extras(report, part or file, archive, content)
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

    def _zip_extras(self, report: LeakReport, where: str, archive: zipfile.ZipFile, content: bytes) -> None:
        """What a zip carries besides its parts: its comment, each entry's comment and extra field, and
        anything stored after the zip's end."""
        pieces = [("zip comment", archive.comment)]
        pieces += [(f"{entry.filename} (comment)", entry.comment) for entry in archive.infolist()]
        pieces += [(f"{entry.filename} (extra field)", entry.extra) for entry in archive.infolist() if entry.extra]
        end = content.rfind(b"PK\x05\x06")
        if end >= 0 and len(content) > end + 22 + len(archive.comment):
            pieces.append(("data after the end of the zip", content[end + 22 + len(archive.comment) :]))
        for label, data in pieces:
            if not data:
                continue
            text = data.decode("utf-8", errors="replace") + " " + data.decode("utf-16-le", errors="ignore")
            for span in self._spans(text):
                report.hits.append(Hit(f"{where} {label}", "zip", text[:80], span.matched))

    def _xml(self, report: LeakReport, file: str, part: str, raw: bytes) -> bool:
        """Read as XML; ``False`` when it is not XML after all (then it is read as text)."""
        try:
            root = etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError:
            if part.endswith((".xml", ".rels", ".vml")) or file.endswith(".svg"):
                report.unreadable.append(f"{file}: {part or 'the file'} is damaged XML that scrkit cannot read")
                return True
            return False
        dtd = root.getroottree().docinfo.internalDTD
        if dtd is not None:
            for entity in dtd.iterentities():
                for span in self._spans(f"{entity.name} {entity.content or ''}"):
                    report.hits.append(Hit(part or file, "declared entity", entity.content or "", span.matched))
        label = part_label(part.rsplit(" › ", 1)[-1]) if part else Path(file).suffix.lstrip(".") or "text"
        if part and " › " in part:
            label = f"{part.rsplit(' › ', 1)[0]} › {label}"
        for where, value in _xml_strings(root):
            for span in self._spans(value):
                context = value[max(0, span.start - 40) : span.end + 40].replace("\n", " ")
                report.hits.append(Hit(label, describe(where), context, span.matched))
            if _NUMBER.match(value) and self.anonymiser.is_birth_serial(value):
                found = f"{value.strip()} (a date of birth as a date cell)"
                report.hits.append(Hit(label, describe(where), value.strip(), found))
        return True

    def _text(self, report: LeakReport, part: str, readings: list[str]) -> None:
        seen: set[str] = set()
        for text in readings:
            for number, line in enumerate(text.splitlines(), start=1):
                for span in self._spans(line):
                    seen.add(span.matched.casefold())
                    context = line[max(0, span.start - 40) : span.end + 40]
                    where = f"{part} line {number}" if part else f"line {number}"
                    report.hits.append(Hit(where, "text", context, span.matched))
            for span in self._spans(text):  # a name or an address broken over two lines
                if span.matched.casefold() not in seen and "\n" in span.matched:
                    context = " ".join(text[max(0, span.start - 40) : span.end + 40].split())
                    report.hits.append(Hit(part or "text", "across lines", context, span.matched))

    def _pdf(self, report: LeakReport, file: str, part: str, content: bytes, depth: int = 0) -> None:
        """A PDF's text page by page, its annotations and bookmarks, its properties and XMP, its
        attached files (checked like any file) and its pictures."""
        here = f"{part} " if part else ""

        def look(where: str, kind: str, text: str) -> None:
            for span in self._spans(" ".join(text.split())):
                report.hits.append(Hit(where, kind, text[:80], span.matched))

        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(content))
            if reader.is_encrypted:
                report.unreadable.append(f"{file}: {part or 'the PDF'} is encrypted, so scrkit cannot check it")
                return
            for number, page in enumerate(reader.pages, start=1):
                look(f"{here}page {number}", "PDF text", page.extract_text() or "")
                for annotation in page.get("/Annots") or []:
                    fields = annotation.get_object()
                    for key in ("/Contents", "/T", "/RC", "/TU", "/V", "/Subj"):
                        if key in fields:
                            look(f"{here}page {number}", f"annotation {key}", str(fields[key]))
                for image in page.images:
                    self._picture(report, file, f"{here}page {number} {image.name}", "PDF picture", image.data)
            outline: list = list(reader.outline)
            while outline:
                item = outline.pop()
                if isinstance(item, list):
                    outline.extend(item)
                else:
                    look(f"{here}bookmarks", "bookmark", str(getattr(item, "title", "")))
            for key, value in dict(reader.metadata or {}).items():
                look(f"{here}properties", str(key), str(value))
            catalogue: Any = reader.trailer["/Root"].get_object()
            metadata_stream = catalogue.get("/Metadata")
            if metadata_stream is not None:  # XMP: the properties again, as XML
                xmp = metadata_stream.get_object().get_data().decode("utf-8", errors="replace")
                look(f"{here}XMP properties", "XMP", re.sub(r"<[^>]+>", " ", xmp))
            for name, attachments in reader.attachments.items():
                look(f"{here}attachments", "attachment name", name)
                for attached in attachments:
                    self._content(report, file, f"{here}attachment {name}", attached, depth + 1)
        except Exception as error:  # noqa: BLE001 - any failure to read a PDF is a failure to check it
            report.unreadable.append(f"{file}: {part or 'the PDF'} cannot be read to check ({type(error).__name__})")


OOXML = ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/", "http://purl.org/")
MIXED_LIMIT = 500
HEADER_ELEMENTS = {"oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"}
# Excel's header and footer codes (&L, &C, &"Arial,Bold", &12, &&); the group keeps them when split on.
HEADER_CODES = re.compile(r'(&(?:"[^"]*"|\d+|[LCRPNDTAZFGBISUEXYKH&]))')


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
            where = nodes[0] if owner is not None else _split(nodes[0].tag)[1]
            yield where, joined
            # As the page shows it: without hidden runs, and without runs of only spaces (a 0.5 pt space
            # inside "Yar row" prints as "Yarrow").
            shown = [node for node in nodes if not hidden(node)]
            if len(shown) != len(nodes):
                yield where, joined_text(shown)
            solid = [node for node in shown if node.tag not in TEXTS or (node.text or "").strip()]
            if len(solid) != len(shown):
                yield where, joined_text(solid)
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            target = getattr(element, "target", None)
            if target:
                yield "processing instruction", target
            if element.text and element.text.strip():
                yield "XML comment", element.text
            if element.tail and element.tail.strip():
                yield "text", element.tail
            continue
        namespace, local = _split(tag)
        if not namespace.startswith(OOXML):
            yield "element name", local  # custom XML can name its elements after people
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


_LETTER_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ .\-]){2,}[^\W\d_](?![^\W\d_])")
_TAGS = re.compile(r"<!--.*?-->|<[^<>]{0,200}>", re.S)
_UTF7 = re.compile(r"\+[A-Za-z0-9+/]{2,}-?")


def variants(value: str, file_name: bool = False) -> list[str]:
    """``value`` and each other way a reader could read it: a name must not hide in any of them.

    Letters spaced out ("Q U A Y L E", "P-I-K-E"); words run together ("LiamOstrow", a file name's
    "QuayleChronology"); Markdown or HTML inside a word (``Qua*yle*``, ``Qua<!-- -->yle``,
    ``Brace&#119;ell``); escapes in a number format (``\\Q\\u\\a\\y\\l\\e``); Excel's header
    codes (``Fen&Bwick``); text in UTF-7."""
    found = [value]
    if _LETTER_SPACED.search(value):
        found.append(_LETTER_SPACED.sub(lambda match: re.sub(r"[ .\-]", "", match.group(0)), value))
    if _CAMEL.search(value):
        found.append(_CAMEL.sub(" ", value))
    if MARKUP.search(value):
        found.append(MARKUP.sub("", value))
    if "<" in value or "&" in value:
        import html

        stripped = html.unescape(_TAGS.sub("", value))
        found.extend((stripped, html.unescape(value), HEADER_CODES.sub("", value), HEADER_CODES.sub(" ", value)))
    if "\\" in value:
        found.append(value.replace("\\", "").replace('"', ""))
    if "+" in value and _UTF7.search(value):
        with suppress(UnicodeError, ValueError):
            found.append(value.encode("ascii").decode("utf-7"))
    if file_name:
        found.append(_CAMEL.sub(" ", re.sub(r"[_.+~]", " ", value)))
    if not DIRECTION_OVERRIDES.isdisjoint(value):
        found.append(value[::-1])  # "wortsO maiL" as it is shown
    return list(dict.fromkeys(found))
