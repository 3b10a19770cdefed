"""A red-team corpus for ``scrkit check-leaks``: files that each hide ONE registered value.

Every person, address and date in these files is fictional: the values hidden are read, when the
corpus is built, from the invented example review (examples/ashcombe-scr-2026-03). Nothing here is
hard-coded except ordinary words and the pseudonyms ("Child A", "Mother", "Professional 1").

``build_corpus(folder)`` writes the files and returns one ``Case`` per file:

* Word (.docx, built by hand from XML so every part is under control): body, a name split across
  runs, table cell, header, footer, footnote, endnote, comment text and author, tracked insertion
  and deletion, text box, picture alt text (descr, title), hyperlink target (mailto and URL) and
  tooltip, bookmark name, field codes (MERGEFIELD, HYPERLINK, fldSimple), document variable,
  custom XML part, core, app and custom properties, an embedded workbook, the glossary part,
  content controls (alias, tag, placeholder, date), hidden text, a part named ``.XML``.
* Excel (.xlsx, by hand): shared and inline strings, rich text runs, sheet names, hidden and
  very hidden sheets, hidden rows and columns, defined names (name, comment, value), cell
  comments and their authors, threaded comment people, header and footer codes, dates of birth
  as date cells, bare serials and ISO text, formulas with string literals, data validation lists,
  chart titles, external links, pivot cache records, connection strings, shared-workbook users.
* Text: UTF-8, UTF-16 LE with BOM, Windows-1252 CSV with a diacritic, Markdown, SVG (plain,
  character references, split tspans).
* PDF (plain and Flate-compressed content), legacy and unreadable files (.doc, .rtf, a .docx that
  is really an OLE file): a checker that cannot read a file must fail it.
* The file's own name holding a surname.
* Written forms: capitals, possessives, plurals, initials, diacritics, soft hyphens, zero-width
  characters, non-breaking spaces, tabs and line breaks, full-width letters, double-barrelled
  parts, nicknames and maiden names, addresses and postcodes written loosely, dates of birth in
  many formats.
* People who are named only in the less obvious records: IMR authors, quality assurers,
  interviewers, panel members, agencies' chief officers and representatives, the referrer and
  line manager, the business manager, administrator and family contact.

Plus clean files of the same kinds (pseudonyms, job titles, the three people 1.9.1 allows to be
named) that a correct checker must pass. Output is deterministic: fixed timestamps, fixed order.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

EXAMPLE_REVIEW = Path(__file__).resolve().parents[2] / "examples" / "ashcombe-scr-2026-03"
STAMP = (2026, 10, 1, 9, 0, 0)  # every zip entry and property carries this time
ISO_STAMP = "2026-10-01T09:00:00Z"


@dataclass(frozen=True)
class Case:
    file_name: str  # e.g. "docx-footnote.docx"
    secret: str  # the registered value hidden, as it appears in the records
    place: str  # e.g. "docx footnote", "xlsx hidden sheet", "csv utf-16"
    variant: str  # e.g. "possessive", "soft hyphen", "ALL CAPS", "plain"
    leaks: bool  # False for the clean files


# ---------------------------------------------------------------------------------------------
# The registered values, read from the example review
# ---------------------------------------------------------------------------------------------

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "pc", "ds", "di", "dci", "chief", "constable"}


def bare(name: str) -> str:
    """The name without the titles written before it ("DI Paul Mercer" -> "Paul Mercer")."""
    words = name.split()
    while words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def first(name: str) -> str:
    return bare(name).split()[0]


def surname(name: str) -> str:
    return bare(name).split()[-1]


class Values:
    """Names, addresses and dates of birth from the records, looked up by a short key."""

    def __init__(self, records) -> None:  # noqa: ANN001 - scrkit's ReviewRecords
        self.child = records.child
        self.family = {person.id: person for person in records.people.family}
        self.professionals = {person.id: person for person in records.people.professionals}
        self.agencies = {agency.id: agency for agency in records.agencies.agencies}
        self.imrs = {imr.agency: imr for imr in records.imrs.imrs}
        self.interviews = {interview.id: interview for interview in records.interviews.interviews}
        self.panel = records.panel
        self.members = {member.id: member for member in records.panel.members}
        self.referrer = records.referral.referrer
        self.exempt = {
            bare(p.name).lower()
            for p in (self.panel.lscb_chair, self.panel.panel_chair, self.panel.overview_author)
            if p
        }

    def name(self, key: str) -> str:
        """A child, family member or professional by id."""
        if key == "child":
            return self.child.name
        person = self.family.get(key) or self.professionals[key]
        return person.name

    def dob(self, key: str) -> dt.date:
        return self.child.date_of_birth if key == "child" else self.family[key].date_of_birth

    def address(self, key: str) -> list[str]:
        return list(self.child.home_address) if key == "child" else list(self.family[key].address)

    def other_names(self, key: str) -> list[str]:
        return list(self.child.other_names) if key == "child" else list(self.family[key].other_names)

    def chief(self, agency: str) -> str:
        return self.agencies[agency].chief_officer.name

    def rep(self, agency: str) -> str:
        return self.agencies[agency].lscb_representative.name

    def imr_author(self, agency: str) -> str:
        return self.imrs[agency].author.name

    def quality_assurer(self) -> str:
        return next(imr.quality_assured_by for imr in self.imrs.values() if imr.quality_assured_by)

    def interviewer(self, interview: str) -> str:
        return self.interviews[interview].interviewer

    def member(self, member: str) -> str:
        return self.members[member].name

    def staff(self, role: str) -> str:  # business_manager, administrator, family_contact
        return getattr(self.panel, role).name


@lru_cache(maxsize=1)
def load_values(review: Path = EXAMPLE_REVIEW) -> Values:
    from scrkit.review.casefolder import CaseFolder

    return Values(CaseFolder.open(review).load())


# ---------------------------------------------------------------------------------------------
# Ordinary words: the text around every hidden value (and all of every clean file)
# ---------------------------------------------------------------------------------------------

FILLER = [
    "Chronology of agency involvement: Child A",
    "On 4 March 2026 Professional 1 visited the home and saw Child A with Mother.",
    "Mother's partner was not present. Sibling 1 was at school.",
    "The health visitor recorded the visit the same day and shared it with the GP practice.",
]


def clean_extra(v: Values) -> list[str]:
    """More clean lines: job titles, pseudonyms and the three people 1.9.1 lets a document name."""
    panel = v.panel
    return [
        f"Overview report by {panel.overview_author.name}, {panel.overview_author.title}.",
        f"The panel, chaired by {panel.panel_chair.name}, met on 9 October 2026.",
        f"{panel.lscb_chair.name} chairs the LSCB.",
        "Present: the Detective Chief Inspector, the Head of Safeguarding and the Designated Nurse.",
        "Father and Father's partner live with Sibling 2 and Sibling 3. Maternal grandmother was told.",
        "Professional 6 (Emergency Department Consultant) examined Child A on 14 September 2026.",
    ]


def esc(text: str) -> str:
    return escape(text)


def attr(text: str) -> str:
    return quoteattr(text)


# ---------------------------------------------------------------------------------------------
# Zip, PNG and PDF writers
# ---------------------------------------------------------------------------------------------


def write_zip(path: Path, parts: dict[str, bytes | str]) -> None:
    path.write_bytes(zip_bytes(parts))


def zip_bytes(parts: dict[str, bytes | str]) -> bytes:
    """A zip with fixed timestamps, parts in the order given (content types first)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def tiny_png() -> bytes:
    """A 2x2 grey PNG: the picture that carries alt text."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x99\x99\x99" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def pdf_bytes(lines: list[str], compress: bool) -> bytes:
    """A one-page PDF with its text in one content stream, uncompressed or Flate-compressed."""
    text = (
        "BT /F1 11 Tf 72 770 Td 14 TL "
        + " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines)
        + " ET"
    )
    stream = text.encode("latin-1")
    extra = b""
    if compress:
        stream = zlib.compress(stream, 9)
        extra = b" /Filter /FlateDecode"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + extra + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Producer (Ashcombe LSCB) /CreationDate (D:20261001090000Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# A Word document, part by part
# ---------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
WORD_NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(*runs: str) -> str:
    """A paragraph from plain strings (one run each) or ready-made run XML (starting with '<')."""
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def core_xml(title: str, creator: str, modified_by: str) -> str:
    return (
        XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-'
        'properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{esc(modified_by)}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{ISO_STAMP}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{ISO_STAMP}</dcterms:modified></cp:coreProperties>'
    )


def app_xml(application: str, company: str, manager: str) -> str:
    return (
        XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
        'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{application}</Application><DocSecurity>0</DocSecurity>"
        + (f"<Manager>{esc(manager)}</Manager>" if manager else "")
        + f"<Company>{esc(company)}</Company><AppVersion>16.0000</AppVersion></Properties>"
    )


def custom_xml(props: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name={attr(name)}>'
        f"<vt:lpwstr>{esc(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props, start=2)
    )
    return (
        XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{body}</Properties>'
    )


def rels_xml(rels: list[tuple[str, str, str, bool]]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target={attr(target)}'
        + (' TargetMode="External"' if ext else "")
        + "/>"
        for rid, kind, target, ext in rels
    )
    return XML_HEAD + f'<Relationships xmlns="{PKG_REL}">{body}</Relationships>'


def content_types(defaults: dict[str, str], overrides: dict[str, str]) -> str:
    body = "".join(f'<Default Extension="{ext}" ContentType="{ct}"/>' for ext, ct in defaults.items())
    body += "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>' for name, ct in overrides.items())
    return XML_HEAD + f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{body}</Types>'


STYLES_DOCX = (
    XML_HEAD + f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" '
    'w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr>'
    '<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
    '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>'
    '<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" '
    'w:sz="4"/></w:tblBorders></w:tblPr></w:style></w:styles>'
)


@dataclass
class Docx:
    """A .docx built from its parts; place functions add to it, ``save`` writes it."""

    body: list[str] = field(default_factory=lambda: [para(line) for line in FILLER])
    section_refs: list[str] = field(default_factory=list)
    parts: dict[str, bytes | str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    rels: list[tuple[str, str, str, bool]] = field(default_factory=list)
    title: str = "Chronology of agency involvement"
    creator: str = "Ashcombe LSCB"
    modified_by: str = "Ashcombe LSCB"
    company: str = "Ashcombe LSCB"
    manager: str = ""
    custom: list[tuple[str, str]] = field(default_factory=list)
    settings: str = ""  # extra elements inside w:settings

    def relate(self, kind: str, target: str, external: bool = False) -> str:
        rid = f"rId{len(self.rels) + 10}"
        self.rels.append((rid, f"{REL}/{kind}" if "://" not in kind else kind, target, external))
        return rid

    def add_part(self, name: str, data: bytes | str, content_type: str | None, kind: str | None) -> str:
        """A part of word/ (``name`` relative to the package root), related from the document."""
        self.parts[name] = data
        if content_type:
            self.overrides[name] = content_type
        return self.relate(kind, name.removeprefix("word/")) if kind else ""

    def save(self, path: Path) -> None:
        self.relate("styles", "styles.xml")
        self.relate("settings", "settings.xml")
        sect = (
            "<w:sectPr>" + "".join(self.section_refs) + '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" '
            'w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
        )
        document = XML_HEAD + f"<w:document {WORD_NS}><w:body>{''.join(self.body)}{sect}</w:body></w:document>"
        settings = XML_HEAD + f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>{self.settings}</w:settings>'
        package_rels = [
            ("rId1", f"{REL}/officeDocument", "word/document.xml", False),
            ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml", False),
            ("rId3", f"{REL}/extended-properties", "docProps/app.xml", False),
        ]
        overrides = {
            "word/document.xml": f"{CT_DOCX}.document.main+xml",
            "word/styles.xml": f"{CT_DOCX}.styles+xml",
            "word/settings.xml": f"{CT_DOCX}.settings+xml",
            "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
            "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        }
        parts: dict[str, bytes | str] = {}
        if self.custom:
            package_rels.append(("rId4", f"{REL}/custom-properties", "docProps/custom.xml", False))
            overrides["docProps/custom.xml"] = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
        overrides.update(self.overrides)
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
        defaults.update(self.defaults)
        parts["[Content_Types].xml"] = content_types(defaults, overrides)
        parts["_rels/.rels"] = rels_xml(package_rels)
        parts["word/document.xml"] = document
        parts["word/_rels/document.xml.rels"] = rels_xml(self.rels)
        parts["word/styles.xml"] = STYLES_DOCX
        parts["word/settings.xml"] = settings
        parts.update(self.parts)
        parts["docProps/core.xml"] = core_xml(self.title, self.creator, self.modified_by)
        parts["docProps/app.xml"] = app_xml("Microsoft Office Word", self.company, self.manager)
        if self.custom:
            parts["docProps/custom.xml"] = custom_xml(self.custom)
        write_zip(path, parts)


def notes_part(kind: str, text: str) -> str:
    """footnotes.xml or endnotes.xml: the two separators Word expects, then note 1."""
    tag = kind[:-1]  # footnote, endnote
    sep = "".join(
        f'<w:{tag} w:type="{t}" w:id="{i}"><w:p><w:r><w:{s}/></w:r></w:p></w:{tag}>'
        for t, i, s in (("separator", -1, "separator"), ("continuationSeparator", 0, "continuationSeparator"))
    )
    return XML_HEAD + f'<w:{kind} {WORD_NS}>{sep}<w:{tag} w:id="1">{para(text)}</w:{tag}></w:{kind}>'


def add_note(doc: Docx, kind: str, text: str) -> None:
    tag = kind[:-1]
    doc.add_part(f"word/{kind}.xml", notes_part(kind, text), f"{CT_DOCX}.{kind}+xml", kind)
    doc.body.append(para("The visit was recorded.", f'<w:r><w:{tag}Reference w:id="1"/></w:r>'))


def add_comment(doc: Docx, text: str, author: str = "Reviewer", initials: str = "RV") -> None:
    comments = (
        XML_HEAD + f'<w:comments {WORD_NS}><w:comment w:id="0" w:author={attr(author)} '
        f'w:date="{ISO_STAMP}" w:initials={attr(initials)}>{para(text)}</w:comment></w:comments>'
    )
    doc.add_part("word/comments.xml", comments, f"{CT_DOCX}.comments+xml", "comments")
    doc.body.append(
        '<w:p><w:commentRangeStart w:id="0"/>'
        + run("Mother did not attend the appointment.")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )


def add_header_footer(doc: Docx, kind: str, text: str, part_name: str | None = None) -> None:
    tag = "hdr" if kind == "header" else "ftr"
    name = part_name or f"word/{kind}1.xml"
    rid = doc.add_part(name, XML_HEAD + f"<w:{tag} {WORD_NS}>{para(text)}</w:{tag}>", f"{CT_DOCX}.{kind}+xml", kind)
    doc.section_refs.append(f'<w:{kind}Reference w:type="default" r:id="{rid}"/>')


def picture(doc: Docx, descr: str = "", title: str = "") -> None:
    doc.defaults["png"] = "image/png"
    rid = doc.add_part("word/media/image1.png", tiny_png(), None, "image")
    extra = (f" descr={attr(descr)}" if descr else "") + (f" title={attr(title)}" if title else "")
    doc.body.append(
        '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" '
        f'cy="914400"/><wp:docPr id="1" name="Picture 1"{extra}/><wp:cNvGraphicFramePr><a:graphicFrameLocks '
        'noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" '
        f'name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch>'
        '<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" '
        'cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def hyperlink(doc: Docx, target: str, shown: str, tooltip: str = "") -> None:
    rid = doc.relate("hyperlink", target, external=True)
    tip = f" w:tooltip={attr(tooltip)}" if tooltip else ""
    doc.body.append(
        para(
            "Contact: ",
            f'<w:hyperlink r:id="{rid}"{tip} w:history="1">'
            + run(shown, '<w:rStyle w:val="Hyperlink"/>')
            + "</w:hyperlink>",
        )
    )


def field_code(instruction: str, result: str) -> str:
    """A complex field: begin, instruction, separate, cached result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{esc(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(result) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def content_control(props: str, shown: str) -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{para(shown)}</w:sdtContent></w:sdt>"


# ---------------------------------------------------------------------------------------------
# An Excel workbook, part by part
# ---------------------------------------------------------------------------------------------

X_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TC_NS = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
EXCEL_EPOCH = dt.date(1899, 12, 30)
STYLES_XLSX = (
    XML_HEAD + f'<styleSheet xmlns="{X_NS}"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
DATE_STYLE, UK_DATE_STYLE, BOLD_STYLE = 1, 2, 3


def serial(day: dt.date) -> int:
    return (day - EXCEL_EPOCH).days


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(text)}</t></is></c>'


def number(ref: str, value: float, style: int = 0) -> str:
    return f'<c r="{ref}"' + (f' s="{style}"' if style else "") + f"><v>{value}</v></c>"


def row(index: int, cells: list[str], attrs: str = "") -> str:
    return f'<row r="{index}"{attrs}>' + "".join(cells) + "</row>"


@dataclass
class Sheet:
    name: str
    rows: list[str]
    state: str = ""  # "", "hidden" or "veryHidden"
    cols: str = ""
    after_data: str = ""  # dataValidations
    header_footer: str = ""
    drawings: str = ""  # <drawing r:id/> and <legacyDrawing r:id/>
    rels: list[tuple[str, str, str, bool]] = field(default_factory=list)

    def relate(self, kind: str, target: str, external: bool = False) -> str:
        rid = f"rId{len(self.rels) + 1}"
        self.rels.append((rid, kind if "://" in kind else f"{REL}/{kind}", target, external))
        return rid

    def xml(self, selected: bool) -> str:
        view = '<sheetView workbookViewId="0"' + (' tabSelected="1"' if selected else "") + "/>"
        return (
            XML_HEAD + f'<worksheet xmlns="{X_NS}" xmlns:r="{R_NS}"><sheetViews>{view}</sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>{self.cols}<sheetData>{"".join(self.rows)}</sheetData>'
            f'{self.after_data}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            f'footer="0.3"/>{self.header_footer}{self.drawings}</worksheet>'
        )


@dataclass
class Xlsx:
    """A .xlsx built from its parts; the first sheet is a clean chronology."""

    sheets: list[Sheet] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)  # <si> bodies
    defined_names: list[str] = field(default_factory=list)
    after_sheets: str = ""  # externalReferences
    after_calc: str = ""  # pivotCaches
    parts: dict[str, bytes | str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    rels: list[tuple[str, str, str, bool]] = field(default_factory=list)
    title: str = "Chronology"
    creator: str = "Ashcombe LSCB"

    def __post_init__(self) -> None:
        if not self.sheets:
            self.sheets.append(
                Sheet(
                    "Chronology",
                    [
                        row(
                            1,
                            [
                                self.s("A1", "Date", BOLD_STYLE),
                                self.s("B1", "Event", BOLD_STYLE),
                                self.s("C1", "Seen by", BOLD_STYLE),
                            ],
                        ),
                        row(
                            2,
                            [
                                number("A2", serial(dt.date(2026, 3, 4)), UK_DATE_STYLE),
                                self.s("B2", "Home visit; Child A seen with Mother"),
                                self.s("C2", "Professional 1"),
                            ],
                        ),
                        row(
                            3,
                            [
                                number("A3", serial(dt.date(2026, 6, 8)), UK_DATE_STYLE),
                                self.s("B3", "Bruise to cheek recorded"),
                                self.s("C3", "Professional 1"),
                            ],
                        ),
                        row(
                            4,
                            [
                                number("A4", serial(dt.date(2026, 9, 14)), UK_DATE_STYLE),
                                self.s("B4", "Admitted with a head injury"),
                                self.s("C4", "Professional 6"),
                            ],
                        ),
                    ],
                )
            )

    def s(self, ref: str, text: str, style: int = 0) -> str:
        """A shared-string cell."""
        self.shared.append(f'<t xml:space="preserve">{esc(text)}</t>')
        return f'<c r="{ref}" t="s"' + (f' s="{style}"' if style else "") + f"><v>{len(self.shared) - 1}</v></c>"

    def rich(self, ref: str, pieces: list[tuple[str, bool]]) -> str:
        """A shared-string cell in rich text: one run per piece, bold where asked."""
        runs = "".join(
            f'<r><rPr>{"<b/>" if bold else ""}<sz val="11"/><rFont val="Calibri"/></rPr>'
            f'<t xml:space="preserve">{esc(text)}</t></r>'
            for text, bold in pieces
        )
        self.shared.append(runs)
        return f'<c r="{ref}" t="s"><v>{len(self.shared) - 1}</v></c>'

    def relate(self, kind: str, target: str, external: bool = False) -> str:
        rid = f"rId{len(self.rels) + 100}"
        self.rels.append((rid, kind if "://" in kind else f"{REL}/{kind}", target, external))
        return rid

    def add_part(self, name: str, data: bytes | str, content_type: str | None) -> None:
        self.parts[name] = data
        if content_type:
            self.overrides[name] = content_type

    def save(self, path: Path) -> None:
        write_zip(path, self.package())

    def to_bytes(self) -> bytes:
        """The workbook's bytes (to embed it in a .docx)."""
        return zip_bytes(self.package())

    def package(self) -> dict[str, bytes | str]:
        """Every part of the workbook, content types first."""
        parts: dict[str, bytes | str] = {}
        overrides = {
            "xl/workbook.xml": f"{CT_XLSX}.sheet.main+xml",
            "xl/styles.xml": f"{CT_XLSX}.styles+xml",
            "xl/sharedStrings.xml": f"{CT_XLSX}.sharedStrings+xml",
            "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
            "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        }
        sheet_entries, workbook_rels = [], []
        for number_, sheet in enumerate(self.sheets, start=1):
            overrides[f"xl/worksheets/sheet{number_}.xml"] = f"{CT_XLSX}.worksheet+xml"
            workbook_rels.append((f"rId{number_}", f"{REL}/worksheet", f"worksheets/sheet{number_}.xml", False))
            state = f' state="{sheet.state}"' if sheet.state else ""
            sheet_entries.append(f'<sheet name={attr(sheet.name)} sheetId="{number_}"{state} r:id="rId{number_}"/>')
        base = len(self.sheets)
        workbook_rels += [
            (f"rId{base + 1}", f"{REL}/styles", "styles.xml", False),
            (f"rId{base + 2}", f"{REL}/sharedStrings", "sharedStrings.xml", False),
        ] + self.rels
        names = f"<definedNames>{''.join(self.defined_names)}</definedNames>" if self.defined_names else ""
        workbook = (
            XML_HEAD + f'<workbook xmlns="{X_NS}" xmlns:r="{R_NS}"><workbookPr defaultThemeVersion="164011"/>'
            f'<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/>'
            f"</bookViews><sheets>{''.join(sheet_entries)}</sheets>{self.after_sheets}{names}"
            f'<calcPr calcId="191029"/>{self.after_calc}</workbook>'
        )
        shared = (
            XML_HEAD
            + f'<sst xmlns="{X_NS}" count="{len(self.shared)}" uniqueCount="{len(self.shared)}">'
            + "".join(f"<si>{body}</si>" for body in self.shared)
            + "</sst>"
        )
        overrides.update(self.overrides)
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
        defaults.update(self.defaults)
        parts["[Content_Types].xml"] = content_types(defaults, overrides)
        parts["_rels/.rels"] = rels_xml(
            [
                ("rId1", f"{REL}/officeDocument", "xl/workbook.xml", False),
                ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml", False),
                ("rId3", f"{REL}/extended-properties", "docProps/app.xml", False),
            ]
        )
        parts["xl/workbook.xml"] = workbook
        parts["xl/_rels/workbook.xml.rels"] = rels_xml(workbook_rels)
        parts["xl/styles.xml"] = STYLES_XLSX
        parts["xl/sharedStrings.xml"] = shared
        for number_, sheet in enumerate(self.sheets, start=1):
            parts[f"xl/worksheets/sheet{number_}.xml"] = sheet.xml(selected=number_ == 1)
            if sheet.rels:
                parts[f"xl/worksheets/_rels/sheet{number_}.xml.rels"] = rels_xml(sheet.rels)
        parts.update(self.parts)
        parts["docProps/core.xml"] = core_xml(self.title, self.creator, self.creator)
        parts["docProps/app.xml"] = app_xml("Microsoft Excel", "Ashcombe LSCB", "")
        return parts


def legacy_comment(book: Xlsx, sheet: Sheet, ref: str, author: str, text: str) -> None:
    """A cell comment (comments1.xml) and the VML shape Excel draws it with."""
    comments = (
        XML_HEAD + f'<comments xmlns="{X_NS}"><authors><author>{esc(author)}</author></authors><commentList>'
        f'<comment ref="{ref}" authorId="0"><text><r><t xml:space="preserve">{esc(text)}</t></r></text>'
        "</comment></commentList></comments>"
    )
    vml = (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" '
        'data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
        'o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:'
        'absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:60pt;z-index:1;visibility:hidden" '
        'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:textbox/><x:ClientData '
        'ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 0, 2, 4, 15, 4, 16</x:Anchor>'
        f"<x:AutoFill>False</x:AutoFill><x:Row>{int(ref[1:]) - 1}</x:Row><x:Column>{ord(ref[0]) - 65}</x:Column>"
        "</x:ClientData></v:shape></xml>"
    )
    book.defaults["vml"] = "application/vnd.openxmlformats-officedocument.vmlDrawing"
    book.add_part("xl/comments1.xml", comments, f"{CT_XLSX}.comments+xml")
    book.add_part("xl/drawings/vmlDrawing1.vml", vml, None)
    sheet.relate("comments", "../comments1.xml")
    rid = sheet.relate("vmlDrawing", "../drawings/vmlDrawing1.vml")
    sheet.drawings += f'<legacyDrawing r:id="{rid}"/>'


# ---------------------------------------------------------------------------------------------
# The cases. Each maker writes one file and returns its Case.
# ---------------------------------------------------------------------------------------------

Maker = Callable[[Values, Path], list[Case]]
MAKERS: list[Maker] = []


def maker(function: Maker) -> Maker:
    MAKERS.append(function)
    return function


def docx_case(folder: Path, file_name: str, secret: str, place: str, variant: str, doc: Docx) -> Case:
    doc.save(folder / file_name)
    return Case(file_name, secret, place, variant, True)


def xlsx_case(folder: Path, file_name: str, secret: str, place: str, variant: str, book: Xlsx) -> Case:
    book.save(folder / file_name)
    return Case(file_name, secret, place, variant, True)


# --- Word: the visible story --------------------------------------------------------------------


@maker
def docx_visible_text(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("mothers-partner")
    doc = Docx()
    doc.body.append(para(f"{name} was at the home when the ambulance arrived."))
    cases.append(docx_case(folder, "docx-body.docx", name, "docx body", "plain", doc))

    name = v.name("mother")
    doc = Docx()
    doc.body.append(para("Seen by ", run(first(name)[:2]), run(first(name)[2:] + " " + surname(name), "<w:b/>"), "."))
    cases.append(docx_case(folder, "docx-split-runs.docx", name, "docx body", "name split across two runs", doc))

    name = v.name("maternal-grandmother")
    doc = Docx()
    cells = [["Relationship", "Name"], ["Maternal grandmother", name]]
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
        + "".join(
            "<w:tr>"
            + "".join(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{para(c)}</w:tc>' for c in r)
            + "</w:tr>"
            for r in cells
        )
        + "</w:tbl>"
    )
    doc.body += [table, para("")]
    cases.append(docx_case(folder, "docx-table-cell.docx", name, "docx table cell", "plain", doc))

    name = v.name("half-brother")
    doc = Docx()
    add_header_footer(doc, "header", f"Chronology \u2013 {name}")
    cases.append(docx_case(folder, "docx-header.docx", name, "docx header", "plain", doc))

    name = v.name("gp-1")
    doc = Docx()
    add_header_footer(doc, "footer", f"Checked by {name}")
    cases.append(docx_case(folder, "docx-footer.docx", name, "docx footer", "plain", doc))

    name = v.name("pc-1")
    doc = Docx()
    add_note(doc, "footnotes", f"Information from {name}.")
    cases.append(docx_case(folder, "docx-footnote.docx", name, "docx footnote", "plain", doc))

    name = v.name("teacher-1")
    doc = Docx()
    add_note(doc, "endnotes", f"Source: {name}, class teacher.")
    cases.append(docx_case(folder, "docx-endnote.docx", name, "docx endnote", "plain", doc))

    name = v.chief("ashcombe-homes")
    doc = Docx()
    doc.body.append(para(run("Note for the panel: ", ""), run(f"{name} declined to comment.", "<w:vanish/>")))
    cases.append(docx_case(folder, "docx-hidden-text.docx", name, "docx body", "hidden text (w:vanish)", doc))

    name = v.staff("family_contact")
    doc = Docx()
    add_header_footer(doc, "footer", f"Family contact: {name}", part_name="word/footer1.XML")
    cases.append(
        docx_case(
            folder,
            "docx-footer-upper-case-part-name.docx",
            name,
            "docx footer",
            "part named footer1.XML (part names are case-insensitive)",
            doc,
        )
    )
    return cases


@maker
def docx_review_marks(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("tyler-father")
    doc = Docx()
    add_comment(doc, f"Ask {name} about this")
    cases.append(docx_case(folder, "docx-comment-text.docx", name, "docx comment text", "plain", doc))

    name = v.name("sw-1")
    doc = Docx()
    add_comment(doc, "Please check this date.", author=name, initials="MA")
    cases.append(docx_case(folder, "docx-comment-author.docx", name, "docx comment author", "w:author", doc))

    name = v.name("partners-child")
    doc = Docx()
    doc.body.append(
        para(
            "Also at the home: ", f'<w:ins w:id="1" w:author="Reviewer" w:date="{ISO_STAMP}">' + run(name) + "</w:ins>"
        )
    )
    cases.append(docx_case(folder, "docx-tracked-insertion.docx", name, "docx tracked insertion", "w:ins", doc))

    name = v.name("great-grandmother")
    doc = Docx()
    doc.body.append(
        para(
            f'<w:del w:id="2" w:author="Reviewer" w:date="{ISO_STAMP}"><w:r><w:delText '
            f'xml:space="preserve">{esc(name)} said </w:delText></w:r></w:del>',
            "Maternal great-grandmother said she had not seen the bruise.",
        )
    )
    cases.append(docx_case(folder, "docx-tracked-deletion.docx", name, "docx tracked deletion", "w:delText", doc))
    return cases


@maker
def docx_objects(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("great-grandfather")
    doc = Docx()
    doc.body.append(
        '<w:p><w:r><w:pict><v:shape id="TextBox1" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'style="width:200pt;height:40pt"><v:textbox><w:txbxContent>'
        + para(f"Spoke to {name}")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    cases.append(docx_case(folder, "docx-text-box.docx", name, "docx text box", "w:txbxContent", doc))

    name = v.name("father")
    doc = Docx()
    picture(doc, descr=f"Photograph of {name} at the door")
    cases.append(docx_case(folder, "docx-picture-alt-descr.docx", name, "docx picture alt text", "wp:docPr descr", doc))

    name = v.name("hv-1")
    doc = Docx()
    picture(doc, title=name)
    cases.append(docx_case(folder, "docx-picture-alt-title.docx", name, "docx picture alt text", "wp:docPr title", doc))

    name = v.name("ed-1")
    doc = Docx()
    inner = Xlsx()
    inner.sheets[0].rows.append(row(5, [inline("A5", "Examined by"), inline("B5", name)]))
    doc.defaults["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    doc.defaults["png"] = "image/png"
    package = doc.add_part("word/embeddings/Microsoft_Excel_Worksheet1.xlsx", inner.to_bytes(), None, "package")
    preview = doc.add_part("word/media/image1.png", tiny_png(), None, "image")
    doc.body.append(
        '<w:p><w:r><w:object w:dxaOrig="2880" w:dyaOrig="1440"><v:shape id="_x0000_i1025" '
        'type="#_x0000_t75" style="width:144pt;height:72pt" o:ole=""><v:imagedata '
        f'r:id="{preview}" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" '
        f'ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1760000001" r:id="{package}"/>'
        "</w:object></w:r></w:p>"
    )
    cases.append(
        docx_case(
            folder, "docx-embedded-workbook.docx", name, "docx embedded xlsx", "cell in word/embeddings/*.xlsx", doc
        )
    )
    return cases


@maker
def docx_links_and_fields(v: Values, folder: Path) -> list[Case]:
    cases = []
    doc = Docx()
    hyperlink(doc, f"mailto:{v.referrer.email}", "email the referring officer")
    cases.append(
        docx_case(
            folder,
            "docx-hyperlink-mailto.docx",
            v.referrer.name,
            "docx hyperlink target",
            "mailto: in relationship Target",
            doc,
        )
    )

    name = v.chief("larchfield-practice")
    doc = Docx()
    hyperlink(doc, f"https://intranet.ashcombe.example/staff/{surname(name).lower()}", "staff page")
    cases.append(
        docx_case(folder, "docx-hyperlink-url.docx", name, "docx hyperlink target", "surname in URL path", doc)
    )

    name = v.rep("community-health")
    doc = Docx()
    hyperlink(
        doc, f"mailto:{v.agencies['community-health'].secure_email}", "the Designated Nurse", tooltip=f"Email {name}"
    )
    cases.append(docx_case(folder, "docx-hyperlink-tooltip.docx", name, "docx hyperlink tooltip", "w:tooltip", doc))

    name = v.member("csc-head")
    doc = Docx()
    doc.body.append(
        para(
            f'<w:bookmarkStart w:id="0" w:name="{surname(name)}"/>',
            "Strategy discussion notes",
            '<w:bookmarkEnd w:id="0"/>',
        )
    )
    cases.append(
        docx_case(folder, "docx-bookmark-name.docx", name, "docx bookmark name", "w:bookmarkStart w:name", doc)
    )

    name = v.chief("childrens-social-care")
    doc = Docx()
    doc.body.append(
        para("Signed: ", field_code(f' MERGEFIELD Signatory \\b "{name}, " \\* MERGEFORMAT ', "\u00abSignatory\u00bb"))
    )
    cases.append(
        docx_case(folder, "docx-field-mergefield.docx", name, "docx field code", "MERGEFIELD w:instrText", doc)
    )

    name = v.rep("police")
    email = v.agencies["police"].lscb_representative.email
    doc = Docx()
    doc.body.append(para("Contact: ", field_code(f' HYPERLINK "mailto:{email}" ', "email the police lead")))
    cases.append(docx_case(folder, "docx-field-hyperlink.docx", name, "docx field code", "HYPERLINK w:instrText", doc))

    name = v.chief("womens-aid")
    doc = Docx()
    doc.body.append(
        f"<w:p><w:fldSimple w:instr=' AUTHOR \"{esc(name)}\" '>" + run("Chief Officer") + "</w:fldSimple></w:p>"
    )
    cases.append(docx_case(folder, "docx-field-simple.docx", name, "docx field code", "w:fldSimple w:instr", doc))
    return cases


@maker
def docx_hidden_parts(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.chief("ashcombe-hospitals")
    doc = Docx()
    doc.settings = f'<w:docVars><w:docVar w:name="Signatory" w:val={attr(name)}/></w:docVars>'
    cases.append(
        docx_case(
            folder, "docx-document-variable.docx", name, "docx document variable", "w:docVar w:val in settings.xml", doc
        )
    )

    for file_name, key, variant, body in (
        ("docx-custom-xml.docx", "fathers-partner", "element text", "<subject>{}</subject>"),
        ("docx-custom-xml-attribute.docx", "maternal-grandfather", "attribute", "<subject name={}/>"),
    ):
        name = v.name(key)
        value = esc(name) if variant == "element text" else attr(name)
        doc = Docx()
        item = XML_HEAD + f'<referral xmlns="urn:ashcombe-lscb:referral">{body.format(value)}</referral>'
        props = (
            XML_HEAD + '<ds:datastoreItem ds:itemID="{6D1E5C2A-0000-4000-8000-000000000001}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
            '<ds:schemaRef ds:uri="urn:ashcombe-lscb:referral"/></ds:schemaRefs></ds:datastoreItem>'
        )
        doc.parts["customXml/item1.xml"] = item
        doc.parts["customXml/itemProps1.xml"] = props
        doc.overrides["customXml/itemProps1.xml"] = (
            "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
        )
        doc.parts["customXml/_rels/item1.xml.rels"] = rels_xml(
            [("rId1", f"{REL}/customXmlProps", "itemProps1.xml", False)]
        )
        doc.relate("customXml", "../customXml/item1.xml")
        cases.append(docx_case(folder, file_name, name, "docx custom XML part", variant, doc))

    name = v.name("half-sister-1")
    doc = Docx()
    glossary = (
        XML_HEAD + f"<w:glossaryDocument {WORD_NS}><w:docParts><w:docPart><w:docPartPr><w:name "
        'w:val="Child details"/><w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/>'
        '</w:category><w:guid w:val="{6D1E5C2A-0000-4000-8000-000000000002}"/></w:docPartPr><w:docPartBody>'
        + para(f"Sibling 2 ({name})")
        + "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    )
    doc.add_part("word/glossary/document.xml", glossary, f"{CT_DOCX}.document.glossary+xml", "glossaryDocument")
    cases.append(docx_case(folder, "docx-glossary.docx", name, "docx glossary document", "docPart body", doc))
    return cases


@maker
def docx_content_controls(v: Values, folder: Path) -> list[Case]:
    cases = []
    for file_name, name, variant, props, shown in (
        (
            "docx-content-control-alias.docx",
            v.rep("ashcombe-hospitals"),
            "w:alias w:val",
            '<w:alias w:val="{}"/><w:tag w:val="reviewer"/>',
            "Named Nurse",
        ),
        (
            "docx-content-control-tag.docx",
            v.chief("brookside-primary"),
            "w:tag w:val",
            '<w:alias w:val="Headteacher"/><w:tag w:val="{}"/>',
            "Headteacher",
        ),
        (
            "docx-content-control-placeholder.docx",
            v.member("education-lead"),
            "placeholder text showing",
            '<w:alias w:val="Education lead"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_1081868574"/>'
            "</w:placeholder><w:showingPlcHdr/>",
            "{}",
        ),
    ):
        doc = Docx()
        doc.body.append(content_control(props.format(esc(name).replace('"', "&quot;")), shown.format(name)))
        cases.append(docx_case(folder, file_name, name, "docx content control", variant, doc))

    dob = v.dob("father")
    doc = Docx()
    doc.body.append(
        content_control(
            f'<w:alias w:val="Father born"/><w:date w:fullDate="{dob.isoformat()}T00:00:00Z"><w:dateFormat '
            'w:val="MMMM yyyy"/><w:lid w:val="en-GB"/><w:calendar w:val="gregorian"/></w:date>',
            dob.strftime("%B %Y"),
        )
    )
    cases.append(
        docx_case(
            folder,
            "docx-content-control-date.docx",
            dob.isoformat(),
            "docx content control",
            "w:date w:fullDate (shown as month and year)",
            doc,
        )
    )
    return cases


@maker
def docx_properties(v: Values, folder: Path) -> list[Case]:
    cases = []
    for file_name, name, variant, setting in (
        ("docx-core-creator.docx", v.rep("ashcombe-hospitals"), "dc:creator", "creator"),
        ("docx-core-last-modified-by.docx", v.staff("administrator"), "cp:lastModifiedBy", "modified_by"),
        ("docx-core-title.docx", v.name("half-sister-2"), "dc:title", "title"),
        ("docx-app-company.docx", v.staff("business_manager"), "app.xml Company", "company"),
        ("docx-app-manager.docx", v.referrer.line_manager, "app.xml Manager", "manager"),
    ):
        doc = Docx()
        setattr(doc, setting, f"Chronology for {name}" if setting == "title" else name)
        place = "docx core properties" if variant.startswith(("dc:", "cp:")) else "docx app properties"
        cases.append(docx_case(folder, file_name, name, place, variant, doc))

    name = v.chief("police")
    doc = Docx()
    doc.custom = [("Reviewed by", name)]
    cases.append(docx_case(folder, "docx-custom-property-value.docx", name, "docx custom properties", "value", doc))

    name = v.chief("westmoor-probation")
    doc = Docx()
    doc.custom = [(f"Checked by {name}", "yes")]
    cases.append(
        docx_case(
            folder, "docx-custom-property-name.docx", name, "docx custom properties", "property name attribute", doc
        )
    )
    return cases


# --- Excel --------------------------------------------------------------------------------------


@maker
def xlsx_cells(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("mothers-partner")
    book = Xlsx()
    book.sheets[0].rows.append(row(5, [book.s("A5", "Arrested"), book.s("B5", name)]))
    cases.append(xlsx_case(folder, "xlsx-shared-string.xlsx", name, "xlsx shared string cell", "plain", book))

    name = v.name("father")
    book = Xlsx()
    book.sheets[0].rows.append(row(5, [inline("A5", "Father"), inline("B5", name)]))
    cases.append(xlsx_case(folder, "xlsx-inline-string.xlsx", name, "xlsx inline string cell", "plain", book))

    name = v.name("mother")
    book = Xlsx()
    book.sheets[0].rows.append(
        row(5, [book.rich("B5", [("Seen: ", False), (first(name), True), (" " + surname(name), False)])])
    )
    cases.append(xlsx_case(folder, "xlsx-rich-text-runs.xlsx", name, "xlsx rich text", "name split across runs", book))

    name = v.name("half-brother")
    book = Xlsx()
    book.sheets[0].rows.append(row(5, [book.s("B5", "School report")], ' hidden="1"'))
    book.sheets[0].rows.append(row(6, [book.s("B6", f"Class teacher spoke to {first(name)}")], ' hidden="1"'))
    cases.append(xlsx_case(folder, "xlsx-hidden-row.xlsx", name, "xlsx hidden row", "first name", book))

    name = v.name("maternal-grandmother")
    book = Xlsx()
    book.sheets[0].cols = '<cols><col min="4" max="4" width="24" hidden="1" customWidth="1"/></cols>'
    book.sheets[0].rows[1] = book.sheets[0].rows[1].replace("</row>", book.s("D2", name) + "</row>")
    cases.append(xlsx_case(folder, "xlsx-hidden-column.xlsx", name, "xlsx hidden column", "plain", book))

    name = v.name("pc-1")
    book = Xlsx()
    sheet = book.sheets[0]
    sheet.rows.append(
        row(5, [f'<c r="B5" t="str"><f>"{first(name)}"&amp;" {surname(name)}"</f><v>{esc(name)}</v></c>'])
    )
    cases.append(
        xlsx_case(folder, "xlsx-formula-literal.xlsx", name, "xlsx formula", "string literal with cached value", book)
    )

    name = v.name("teacher-1")
    book = Xlsx()
    part = surname(name)
    sheet = book.sheets[0]
    sheet.rows.append(row(5, [f'<c r="B5" t="str"><f>"{part[:2]}"&amp;"{part[2:]}"</f></c>']))
    cases.append(
        xlsx_case(
            folder,
            "xlsx-formula-split-literal.xlsx",
            name,
            "xlsx formula",
            "surname split across literals, no cached value",
            book,
        )
    )

    name = v.name("tyler-father")
    book = Xlsx()
    book.sheets[0].after_data = (
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" '
        f'showInputMessage="1" showErrorMessage="1" sqref="C5"><formula1>"Mother,Father,'
        f'{esc(name)}"</formula1></dataValidation></dataValidations>'
    )
    cases.append(xlsx_case(folder, "xlsx-data-validation.xlsx", name, "xlsx data validation list", "plain", book))
    return cases


@maker
def xlsx_sheets(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("child")
    book = Xlsx()
    book.sheets.append(Sheet(f"{surname(name)} notes", [row(1, [book.s("A1", "Notes for the panel")])]))
    cases.append(xlsx_case(folder, "xlsx-sheet-name.xlsx", name, "xlsx sheet name", "surname", book))

    for file_name, key, state in (
        ("xlsx-hidden-sheet.xlsx", "partners-child", "hidden"),
        ("xlsx-very-hidden-sheet.xlsx", "fathers-partner", "veryHidden"),
    ):
        name = v.name(key)
        book = Xlsx()
        book.sheets.append(Sheet("Old notes", [row(1, [book.s("A1", f"Spoke to {name}")])], state=state))
        place = "xlsx very hidden sheet" if state == "veryHidden" else "xlsx hidden sheet"
        cases.append(xlsx_case(folder, file_name, name, place, "plain", book))

    name = v.name("gp-1")
    book = Xlsx()
    book.sheets[0].header_footer = (
        f"<headerFooter><oddHeader>&amp;L&amp;D&amp;C{esc(first(name))}'s notes&amp;RPage "
        "&amp;P</oddHeader></headerFooter>"
    )
    cases.append(
        xlsx_case(
            folder, "xlsx-header-code.xlsx", name, "xlsx header/footer", "first name straight after &C code", book
        )
    )

    name = v.name("ed-1")
    book = Xlsx()
    book.sheets[0].header_footer = f"<headerFooter><oddFooter>&amp;C Prepared by {esc(name)}</oddFooter></headerFooter>"
    cases.append(xlsx_case(folder, "xlsx-footer.xlsx", name, "xlsx header/footer", "plain footer", book))
    return cases


@maker
def xlsx_names_and_comments(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("great-grandfather")
    book = Xlsx()
    book.defined_names.append(f'<definedName name="{surname(name)}">Chronology!$B$2:$B$4</definedName>')
    cases.append(xlsx_case(folder, "xlsx-defined-name.xlsx", name, "xlsx defined name", "name attribute", book))

    name = v.name("great-grandmother")
    book = Xlsx()
    book.defined_names.append(
        f'<definedName name="Visits" comment={attr("Visits reported by " + name)}>Chronology!$A$2:$A$4</definedName>'
    )
    cases.append(
        xlsx_case(folder, "xlsx-defined-name-comment.xlsx", name, "xlsx defined name", "comment attribute", book)
    )

    name = v.name("maternal-grandfather")
    book = Xlsx()
    book.defined_names.append(f'<definedName name="Informant">"{esc(name)}"</definedName>')
    cases.append(
        xlsx_case(folder, "xlsx-defined-name-value.xlsx", name, "xlsx defined name", "string constant value", book)
    )

    name = v.name("hv-1")
    book = Xlsx()
    legacy_comment(book, book.sheets[0], "B2", "Reviewer", f"Confirm with {name}")
    cases.append(xlsx_case(folder, "xlsx-cell-comment.xlsx", name, "xlsx cell comment", "comment text", book))

    name = v.name("sw-1")
    book = Xlsx()
    legacy_comment(book, book.sheets[0], "B3", name, "Date checked against the case notes")
    cases.append(xlsx_case(folder, "xlsx-cell-comment-author.xlsx", name, "xlsx cell comment", "comment author", book))

    name = v.member("designated-nurse")
    book = Xlsx()
    person_id, comment_id = "{6D1E5C2A-0000-4000-8000-0000000000A1}", "{6D1E5C2A-0000-4000-8000-0000000000B1}"
    sheet = book.sheets[0]
    legacy_comment(
        book, sheet, "B2", f"tc={comment_id}", "[Threaded comment] Comment: Check the date with Professional 1"
    )
    threaded = (
        XML_HEAD + f'<ThreadedComments xmlns="{TC_NS}" xmlns:x="{X_NS}"><threadedComment ref="B2" '
        f'dT="2026-10-01T09:00:00.00" personId="{person_id}" id="{comment_id}"><text>Check the date with '
        "Professional 1</text></threadedComment></ThreadedComments>"
    )
    persons = (
        XML_HEAD + f'<personList xmlns="{TC_NS}" xmlns:x="{X_NS}"><person displayName={attr(name)} '
        f'id="{person_id}" userId="S::reviewer@ashcombe-lscb.example::0001" providerId="AD"/></personList>'
    )
    book.add_part("xl/threadedComments/threadedComment1.xml", threaded, "application/vnd.ms-excel.threadedcomments+xml")
    book.add_part("xl/persons/person.xml", persons, "application/vnd.ms-excel.person+xml")
    sheet.relate(
        "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
        "../threadedComments/threadedComment1.xml",
    )
    book.relate("http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml")
    cases.append(
        xlsx_case(
            folder,
            "xlsx-threaded-comment-person.xlsx",
            name,
            "xlsx threaded comment person",
            "person displayName",
            book,
        )
    )
    return cases


@maker
def xlsx_dates_of_birth(v: Values, folder: Path) -> list[Case]:
    cases = []
    for file_name, key, variant, cell in (
        (
            "xlsx-dob-date-cell.xlsx",
            "child",
            "date cell (serial with date format)",
            lambda book, d: number("B5", serial(d), UK_DATE_STYLE),
        ),
        (
            "xlsx-dob-builtin-date-format.xlsx",
            "mother",
            "date cell (built-in format 14)",
            lambda book, d: number("B5", serial(d), DATE_STYLE),
        ),
        (
            "xlsx-dob-serial-general.xlsx",
            "mothers-partner",
            "serial number, General format",
            lambda book, d: number("B5", serial(d)),
        ),
        ("xlsx-dob-iso-text.xlsx", "half-brother", "ISO text cell", lambda book, d: book.s("B5", d.isoformat())),
    ):
        day = v.dob(key)
        book = Xlsx()
        book.sheets[0].rows.append(row(5, [book.s("A5", "Date of birth"), cell(book, day)]))
        cases.append(xlsx_case(folder, file_name, day.isoformat(), "xlsx date of birth", variant, book))
    return cases


@maker
def xlsx_linked_parts(v: Values, folder: Path) -> list[Case]:
    cases = []
    # A chart whose title names someone.
    name = v.name("half-sister-1")
    book = Xlsx()
    chart = (
        XML_HEAD + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{R_NS}"><c:chart><c:title>'
        f"<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Contacts with {esc(name)}</a:t></a:r></a:p></c:rich></c:tx>"
        '<c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
        '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Chronology!$A$2:$A$4</c:f></c:numRef>'
        '</c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling>'
        '<c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx>'
        '<c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx '
        'val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>'
    )
    drawing = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{R_NS}"><xdr:twoCellAnchor>'
        "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff>"
        "</xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0"
        '</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" '
        'name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData>'
        "</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    )
    book.add_part("xl/charts/chart1.xml", chart, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
    book.add_part(
        "xl/drawings/drawing1.xml", XML_HEAD + drawing, "application/vnd.openxmlformats-officedocument.drawing+xml"
    )
    book.add_part(
        "xl/drawings/_rels/drawing1.xml.rels", rels_xml([("rId1", f"{REL}/chart", "../charts/chart1.xml", False)]), None
    )
    rid = book.sheets[0].relate("drawing", "../drawings/drawing1.xml")
    book.sheets[0].drawings = f'<drawing r:id="{rid}"/>' + book.sheets[0].drawings
    cases.append(xlsx_case(folder, "xlsx-chart-title.xlsx", name, "xlsx chart title", "plain", book))

    # An external link to a workbook in a folder named after someone.
    name = v.name("half-sister-2")
    book = Xlsx()
    link = (
        XML_HEAD + f'<externalLink xmlns="{X_NS}" xmlns:r="{R_NS}"><externalBook r:id="rId1"><sheetNames>'
        '<sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" '
        't="str"><v>Attendance</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>'
    )
    book.add_part("xl/externalLinks/externalLink1.xml", link, f"{CT_XLSX}.externalLink+xml")
    book.add_part(
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        rels_xml(
            [("rId1", f"{REL}/externalLinkPath", f"file:///S:/SCR/{surname(name)}/{first(name)}%20nursery.xlsx", True)]
        ),
        None,
    )
    rid = book.relate("externalLink", "externalLinks/externalLink1.xml")
    book.after_sheets = f'<externalReferences><externalReference r:id="{rid}"/></externalReferences>'
    book.sheets[0].rows.append(row(5, ['<c r="B5" t="str"><f>[1]Sheet1!$A$1</f><v>Attendance</v></c>']))
    cases.append(
        xlsx_case(
            folder,
            "xlsx-external-link.xlsx",
            name,
            "xlsx external link target",
            "names in file:/// path of externalLinks/_rels",
            book,
        )
    )

    # A pivot cache that still holds the name after the sheet was anonymised.
    name = v.name("ed-1")
    book = Xlsx()
    definition = (
        XML_HEAD + f'<pivotCacheDefinition xmlns="{X_NS}" xmlns:r="{R_NS}" r:id="rId1" recordCount="3" '
        'refreshOnLoad="0" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"><cacheSource '
        'type="worksheet"><worksheetSource ref="B1:C4" sheet="Chronology"/></cacheSource><cacheFields '
        'count="2"><cacheField name="Event" numFmtId="0"><sharedItems/></cacheField><cacheField '
        'name="Seen by" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>'
    )
    records = (
        XML_HEAD + f'<pivotCacheRecords xmlns="{X_NS}" count="3">'
        '<r><s v="Home visit; Child A seen with Mother"/><s v="Professional 1"/></r>'
        '<r><s v="Bruise to cheek recorded"/><s v="Professional 1"/></r>'
        f'<r><s v="Admitted with a head injury"/><s v={attr(name)}/></r></pivotCacheRecords>'
    )
    book.add_part("xl/pivotCache/pivotCacheDefinition1.xml", definition, f"{CT_XLSX}.pivotCacheDefinition+xml")
    book.add_part("xl/pivotCache/pivotCacheRecords1.xml", records, f"{CT_XLSX}.pivotCacheRecords+xml")
    book.add_part(
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
        rels_xml([("rId1", f"{REL}/pivotCacheRecords", "pivotCacheRecords1.xml", False)]),
        None,
    )
    rid = book.relate("pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")
    book.after_calc = f'<pivotCaches><pivotCache cacheId="3" r:id="{rid}"/></pivotCaches>'
    cases.append(xlsx_case(folder, "xlsx-pivot-cache.xlsx", name, "xlsx pivot cache records", "s v attribute", book))

    # A data connection whose source file is in a folder named after someone.
    name = v.staff("business_manager")
    book = Xlsx()
    connections = (
        XML_HEAD + f'<connections xmlns="{X_NS}"><connection id="1" name="Contacts" type="1" '
        'refreshedVersion="6" background="1" saveData="1"><dbPr connection='
        + attr(
            f"Provider=Microsoft.ACE.OLEDB.12.0;Data Source=S:\\LSCB\\{bare(name)}\\contacts.accdb;"
            "Mode=Share Deny Write"
        )
        + ' command="Contacts" commandType="3"/></connection></connections>'
    )
    book.add_part("xl/connections.xml", connections, f"{CT_XLSX}.connections+xml")
    book.relate("connections", "connections.xml")
    cases.append(
        xlsx_case(
            folder, "xlsx-connection-string.xlsx", name, "xlsx connection string", "dbPr connection attribute", book
        )
    )

    # A shared workbook's list of the people who had it open.
    name = v.staff("administrator")
    book = Xlsx()
    users = (
        XML_HEAD + f'<users xmlns="{X_NS}" xmlns:r="{R_NS}" count="1"><userInfo '
        f'guid="{{6D1E5C2A-0000-4000-8000-0000000000C1}}" name={attr(name)} id="1234567" '
        'dateTime="2026-10-01T09:00:00"/></users>'
    )
    book.add_part("xl/revisions/userNames.xml", users, f"{CT_XLSX}.userNames+xml")
    book.relate("usernames", "revisions/userNames.xml")
    cases.append(
        xlsx_case(
            folder,
            "xlsx-shared-workbook-users.xlsx",
            name,
            "xlsx shared workbook user names",
            "userInfo name attribute",
            book,
        )
    )
    return cases


# --- Text files ---------------------------------------------------------------------------------


def text_case(
    folder: Path,
    file_name: str,
    secret: str,
    place: str,
    variant: str,
    line: str,
    encoding: str = "utf-8",
    lines: list[str] | None = None,
) -> Case:
    body = "\r\n".join((lines if lines is not None else FILLER) + [line]) + "\r\n"
    data = b"\xff\xfe" + body.encode("utf-16-le") if encoding == "utf-16-bom" else body.encode(encoding)
    (folder / file_name).write_bytes(data)
    return Case(file_name, secret, place, variant, True)


@maker
def text_files(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("mother")
    cases.append(text_case(folder, "txt-utf8.txt", name, "txt utf-8", "plain", f"Mother ({name}) was told."))
    name = v.name("father")
    cases.append(
        text_case(folder, "txt-utf16.txt", name, "txt utf-16 le bom", "plain", f"Father: {name}", encoding="utf-16-bom")
    )
    name = v.name("sw-1")
    accented = surname(name).split("-")[0].replace("e", "\u00e9", 1)
    csv_lines = [
        "Date,Event,Seen by",
        "04/03/2026,Home visit,Professional 1",
        "08/06/2026,Bruise recorded,Professional 1",
    ]
    cases.append(
        text_case(
            folder,
            "csv-cp1252.csv",
            name,
            "csv windows-1252",
            "diacritic added (e -> \u00e9)",
            f"19/02/2026,Notification shared,Mr {accented}",
            encoding="cp1252",
            lines=csv_lines,
        )
    )
    name = v.name("partners-child")
    cases.append(
        text_case(
            folder, "csv-utf8.csv", name, "csv utf-8", "plain", f"30/07/2026,Police attend,{name}", lines=csv_lines
        )
    )
    name = v.name("fathers-partner")
    cases.append(
        text_case(
            folder,
            "md-plain.md",
            name,
            "md",
            "plain",
            f"* Father's partner: **{name}**",
            lines=["# Chronology", "", *FILLER, ""],
        )
    )
    name = v.name("tyler-father")
    part = surname(name)
    cases.append(
        text_case(
            folder,
            "md-emphasis-split.md",
            name,
            "md",
            "surname split by emphasis markers",
            f"Sibling 1's father, Mr {part[:3]}*{part[3:]}*, was not contacted.",
            lines=["# Chronology", "", *FILLER, ""],
        )
    )
    cases += svg_files(v, folder)
    return cases


def svg_doc(*texts: str) -> str:
    """A genogram-like SVG: one text element per line, the first two always pseudonyms."""
    body = "".join(
        f'<text x="10" y="{30 + 20 * i}" font-family="Arial" font-size="14">{t}</text>'
        for i, t in enumerate(("Genogram: Child A", "Mother", *texts))
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160">'
    return f"{head}\n{body}\n</svg>\n"


def svg_files(v: Values, folder: Path) -> list[Case]:
    cases = []
    name = v.name("maternal-grandmother")
    (folder / "svg-text.svg").write_text(svg_doc(esc(name)), encoding="utf-8")
    cases.append(Case("svg-text.svg", name, "svg text element", "plain", True))

    name = v.name("great-grandmother")
    coded = "".join(f"&#{ord(c)};" if i % 2 else c for i, c in enumerate(surname(name)))
    (folder / "svg-character-references.svg").write_text(svg_doc(f"{first(name)[0]}. {coded}"), encoding="utf-8")
    cases.append(
        Case("svg-character-references.svg", name, "svg text element", "surname as character references", True)
    )

    name = v.name("great-grandfather")
    split = "".join(f"<tspan>{c}</tspan>" for c in surname(name))
    (folder / "svg-tspan-per-letter.svg").write_text(svg_doc(f"Mr {split}"), encoding="utf-8")
    cases.append(Case("svg-tspan-per-letter.svg", name, "svg text element", "one tspan per letter", True))
    return cases


# --- PDF, legacy and unreadable files --------------------------------------------------------------


@maker
def pdf_and_legacy(v: Values, folder: Path) -> list[Case]:
    cases = []
    for file_name, key, compress in (("pdf-plain.pdf", "hv-1", False), ("pdf-flate.pdf", "gp-1", True)):
        name = v.name(key)
        (folder / file_name).write_bytes(pdf_bytes([*FILLER, f"Seen by {name}."], compress))
        variant = "Flate-compressed content stream" if compress else "uncompressed content stream"
        cases.append(Case(file_name, name, "pdf text object", variant, True))

    name = v.referrer.name
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
    text = ("\r".join(FILLER) + f"\rReferred by {name}\r").encode("utf-16-le")
    fib = struct.pack("<HH", 0xA5EC, 0x00C1)
    body = header.ljust(512, b"\xff") + fib.ljust(1024, b"\x00") + text
    (folder / "legacy-word-97.doc").write_bytes(body.ljust(4096, b"\x00"))
    cases.append(Case("legacy-word-97.doc", name, "legacy .doc (OLE)", "UTF-16 text in OLE-looking binary", True))

    name = v.name("pc-1")
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs22 "
        + "\\par ".join(FILLER)
        + f"\\par Officer at the scene: {name}.\\par}}"
    )
    (folder / "legacy-note.rtf").write_text(rtf, encoding="cp1252")
    cases.append(Case("legacy-note.rtf", name, "rtf", "plain", True))

    name = v.name("mothers-partner")
    (folder / "legacy-protected.docx").write_bytes(
        body.replace(f"Referred by {v.referrer.name}".encode("utf-16-le"), f"Arrested: {name}".encode("utf-16-le"))
    )
    cases.append(
        Case(
            "legacy-protected.docx", name, "docx that is really an OLE file", "password-protected or renamed .doc", True
        )
    )
    return cases


@maker
def file_names(v: Values, folder: Path) -> list[Case]:
    cases = []
    for file_name_of, key, variant in (
        (lambda s: f"notes-{s}.txt", "mother", "surname after a hyphen"),
        (lambda s: f"notes_{s}_v2.txt", "great-grandfather", "surname between underscores"),
        (lambda s: f"{s}Chronology.txt", "tyler-father", "surname run into another word (CamelCase)"),
    ):
        name = v.name(key)
        form = v.other_names(key)[0].split()[-1] if key == "mother" else surname(name)
        secret = v.other_names(key)[0] if key == "mother" else name
        file_name = file_name_of(form)
        (folder / file_name).write_text("\n".join(FILLER) + "\n", encoding="utf-8")
        cases.append(Case(file_name, secret, "file name", variant, True))
    return cases


# --- Written forms ------------------------------------------------------------------------------

SOFT_HYPHEN, ZWSP, ZWJ, NBSP = "\u00ad", "\u200b", "\u200d", "\u00a0"


def ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def full_width(text: str) -> str:
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def split_word(word: str, mark: str) -> str:
    middle = max(2, len(word) // 2)
    return word[:middle] + mark + word[middle:]


def written_forms(v: Values) -> list[tuple[str, str, str, str]]:
    """(file stem, secret, variant, sentence) for each written form; written to .txt."""
    mp, father, mother, child = v.name("mothers-partner"), v.name("father"), v.name("mother"), v.name("child")
    forms = [
        ("caps", mp, "ALL CAPS", f"{mp.upper()} WAS ARRESTED."),
        ("possessive", father, "possessive", f"{surname(father)}'s flat was visited."),
        (
            "possessive-curly",
            v.name("hv-1"),
            "possessive (curly apostrophe)",
            f"{surname(v.name('hv-1'))}\u2019s notes were reviewed.",
        ),
        ("plural", father, "plural family form", f"The {surname(father)}s were not at home."),
        ("plural-possessive", mother, "plural possessive", f"The {surname(mother)}s\u2019 home was visited."),
        (
            "initial-dot",
            father,
            "initial with surname (J. Surname)",
            f"{first(father)[0]}. {surname(father)} attended.",
        ),
        (
            "initial-bare",
            v.name("fathers-partner"),
            "initial with surname (J Surname)",
            f"{first(v.name('fathers-partner'))[0]} {surname(v.name('fathers-partner'))} attended.",
        ),
        (
            "diacritic-nfc",
            v.name("ed-1"),
            "diacritic added, composed (NFC)",
            f"Dr {unicodedata.normalize('NFC', surname(v.name('ed-1')) + chr(0x301))} examined Child A.",
        ),
        (
            "soft-hyphen",
            mother,
            "soft hyphen (U+00AD) inside each name",
            " ".join(split_word(w, SOFT_HYPHEN) for w in bare(mother).split()) + " was told.",
        ),
        (
            "zero-width-space",
            mp,
            "zero-width space inside each name",
            " ".join(split_word(w, ZWSP) for w in bare(mp).split()) + " was interviewed.",
        ),
        (
            "zero-width-joiner",
            v.name("half-brother"),
            "zero-width joiner inside each name",
            " ".join(split_word(w, ZWJ) for w in bare(v.name("half-brother")).split()) + " was at school.",
        ),
        (
            "nbsp",
            v.name("maternal-grandmother"),
            "non-breaking space",
            v.name("maternal-grandmother").replace(" ", NBSP) + " was told.",
        ),
        (
            "tab",
            v.name("tyler-father"),
            "tab between first name and surname",
            v.name("tyler-father").replace(" ", "\t") + "\twas not contacted.",
        ),
        (
            "line-break",
            v.name("great-grandmother"),
            "line break between first name and surname",
            v.name("great-grandmother").replace(" ", "\r\n") + " had died.",
        ),
        (
            "full-width",
            v.name("great-grandfather"),
            "NFKC: full-width letters",
            full_width(v.name("great-grandfather")),
        ),
        (
            "double-barrel-part",
            v.name("sw-1"),
            "one part of a double-barrelled surname",
            f"Mr {surname(v.name('sw-1')).split('-')[0]} visited.",
        ),
        (
            "double-barrel-joined",
            mother,
            "maiden name and surname joined into a double-barrelled name",
            f"Mrs {v.other_names('mother')[0].split()[-1]}-{surname(mother)} was told.",
        ),
        ("nickname", child, "nickname from other_names", f"{v.other_names('child')[-1]} was crying."),
        ("known-as", child, "known_as", f"{v.child.known_as} was seen."),
        (
            "maiden-name",
            v.other_names("mother")[0],
            "other name (maiden name)",
            f"Formerly {v.other_names('mother')[0]}.",
        ),
        (
            "hyphen-as-space",
            child,
            "hyphenated first name written with a space",
            f"{first(child).replace('-', ' ')} was seen.",
        ),
        ("hyphen-dropped", child, "hyphenated first name run together", f"{first(child).replace('-', '')} was seen."),
    ]
    home = v.address("child")
    street = home[0].split(" ", 1)[1]
    postcode = home[-1]
    forms += [
        ("address-line", home[0], "address line", f"Visited {home[0]}."),
        ("address-no-number", home[0], "address line without house number", f"Visited {street}."),
        (
            "address-abbreviated",
            home[0],
            "street type abbreviated (Close -> Cl)",
            f"Visited {home[0].rsplit(' ', 1)[0]} Cl.",
        ),
        ("address-locality", home[1], "locality line", f"Lives in {home[1]}."),
        (
            "address-other-household",
            v.address("maternal-grandmother")[0],
            "another household's address",
            f"Stayed at {v.address('maternal-grandmother')[0]}.",
        ),
        ("address-flat", v.address("father")[1], "building name", f"Visited {v.address('father')[1]}."),
        ("postcode", postcode, "postcode as written", f"Postcode {postcode}."),
        ("postcode-no-space", postcode, "postcode without space", f"Postcode {postcode.replace(' ', '')}."),
        (
            "postcode-lower",
            v.address("maternal-grandmother")[-1],
            "postcode lower case",
            f"postcode {v.address('maternal-grandmother')[-1].lower()}.",
        ),
        (
            "postcode-lower-no-space",
            v.address("father")[-1],
            "postcode lower case without space",
            f"postcode {v.address('father')[-1].lower().replace(' ', '')}.",
        ),
    ]
    dob_forms: list[tuple[str, str, str, Callable[[dt.date], str]]] = [
        ("slashes", "child", "dd/mm/yyyy", lambda d: d.strftime("%d/%m/%Y")),
        ("dots-short", "mother", "d.m.yy", lambda d: f"{d.day}.{d.month}.{d:%y}"),
        ("dd-mon-yy", "father", "dd-Mon-yy", lambda d: d.strftime("%d-%b-%y")),
        ("words", "mothers-partner", "d Month yyyy", lambda d: f"{d.day} {d:%B %Y}"),
        ("ordinal-of", "half-brother", "dth of Month yyyy", lambda d: f"{ordinal(d.day)} of {d:%B %Y}"),
        ("american-words", "maternal-grandmother", "Month d, yyyy", lambda d: f"{d:%B} {d.day}, {d.year}"),
        ("iso", "maternal-grandfather", "yyyy-mm-dd", lambda d: d.isoformat()),
        ("dots-long", "great-grandfather", "dd.mm.yyyy", lambda d: d.strftime("%d.%m.%Y")),
        ("short-month", "great-grandmother", "dd Mon yyyy", lambda d: f"{d:%d %b %Y}"),
        ("american-numeric", "child", "US m/d/yyyy", lambda d: f"{d.month}/{d.day}/{d.year}"),
        ("compact", "fathers-partner", "yyyymmdd (compact)", lambda d: d.strftime("%Y%m%d")),
        ("iso-slashes", "partners-child", "yyyy/mm/dd", lambda d: d.strftime("%Y/%m/%d")),
        (
            "sept",
            "tyler-father",
            "d Sept yyyy (four-letter month)",
            lambda d: f"{d.day} {d:%B}"[: len(str(d.day)) + 5] + f" {d.year}",
        ),
        ("apostrophe-year", "half-sister-1", "dth Month 'yy", lambda d: f"{ordinal(d.day)} {d:%B} '{d:%y}"),
    ]
    for stem, key, variant, written in dob_forms:
        day = v.dob(key)
        forms.append((f"dob-{stem}", day.isoformat(), f"date of birth {variant}", f"Date of birth: {written(day)}."))
    return forms


@maker
def written_form_files(v: Values, folder: Path) -> list[Case]:
    cases = []
    for stem, secret, variant, sentence in written_forms(v):
        cases.append(text_case(folder, f"form-{stem}.txt", secret, "txt utf-8", variant, sentence))
    return cases


@maker
def written_forms_in_word(v: Values, folder: Path) -> list[Case]:
    """Forms that only Word can write: tabs and breaks as elements, soft hyphens as runs, NFD."""
    cases = []
    for file_name, key, variant, between in (
        ("docx-form-tab.docx", "partners-child", "w:tab between first name and surname", "<w:tab/>"),
        ("docx-form-line-break.docx", "fathers-partner", "w:br between first name and surname", "<w:br/>"),
        ("docx-form-soft-hyphen-element.docx", "father", "w:softHyphen element inside the surname", "<w:softHyphen/>"),
        (
            "docx-form-no-break-hyphen.docx",
            "sw-1",
            "w:noBreakHyphen element in the double-barrelled surname",
            "<w:noBreakHyphen/>",
        ),
    ):
        name = v.name(key)
        doc = Docx()
        if "surname" in variant and "between" not in variant:
            last = surname(name)
            left, right = last.split("-") if "-" in last else (last[:5], last[5:])
            text = f'<w:r><w:t xml:space="preserve">Mr {esc(left)}</w:t>{between}<w:t>{esc(right)}</w:t></w:r>'
        else:
            text = f"<w:r><w:t>{esc(first(name))}</w:t>{between}<w:t>{esc(surname(name))}</w:t></w:r>"
        doc.body.append(para(text, " was contacted."))
        cases.append(docx_case(folder, file_name, name, "docx body", variant, doc))

    name = v.member("dci-police")
    last = surname(name)
    vowel = last.rindex("a")  # Kavanagh -> Kavanágh, written with a combining accent
    nfd = unicodedata.normalize("NFD", last[:vowel] + "\u00e1" + last[vowel + 1 :])
    doc = Docx()
    doc.body.append(para(f"DCI {nfd} chaired the strategy meeting."))
    cases.append(
        docx_case(folder, "docx-form-diacritic-nfd.docx", name, "docx body", "diacritic added, decomposed (NFD)", doc)
    )

    name = v.name("mother")
    doc = Docx()
    doc.body.append(para(run(bare(name).lower(), "<w:caps/>"), " was told."))
    cases.append(
        docx_case(
            folder, "docx-form-caps-formatting.docx", name, "docx body", "lower case shown as capitals (w:caps)", doc
        )
    )
    return cases


# --- People named only in the less obvious records --------------------------------------------------


@maker
def less_obvious_people(v: Values, folder: Path) -> list[Case]:
    people = [
        ("imr-author-police", v.imr_author("police"), "IMR author (imrs.yaml)", "full name with rank"),
        ("imr-author-csc", v.imr_author("childrens-social-care"), "IMR author (imrs.yaml)", "title and surname"),
        ("imr-author-hospitals", v.imr_author("ashcombe-hospitals"), "IMR author (imrs.yaml)", "full name with title"),
        ("imr-author-gp", v.imr_author("larchfield-practice"), "IMR author (imrs.yaml)", "surname only"),
        ("imr-author-community", v.imr_author("community-health"), "IMR author (imrs.yaml)", "full name"),
        ("imr-author-school", v.imr_author("brookside-primary"), "IMR author (imrs.yaml)", "full name"),
        ("imr-quality-assured-by", v.quality_assurer(), "quality_assured_by (imrs.yaml)", "full name"),
        ("interviewer-hv", v.interviewer("int-hv-1"), "interviewer (interviews.yaml)", "title and surname"),
        ("interviewer-sw", v.interviewer("int-sw-1"), "interviewer (interviews.yaml)", "full name"),
        ("panel-member-police", v.member("dci-police"), "panel member (panel.yaml)", "rank and surname"),
        ("panel-member-csc", v.member("csc-head"), "panel member (panel.yaml)", "full name"),
        ("panel-member-nurse", v.member("named-nurse"), "panel member (panel.yaml)", "full name"),
        ("panel-member-education", v.member("education-lead"), "panel member (panel.yaml)", "full name"),
        ("chief-officer-csc", v.chief("childrens-social-care"), "chief officer (agencies.yaml)", "full name"),
        ("chief-officer-community", v.chief("community-health"), "chief officer (agencies.yaml)", "first name only"),
        (
            "chief-officer-school",
            v.chief("brookside-primary"),
            "chief officer (agencies.yaml)",
            "title and surname, curly apostrophe",
        ),
        ("chief-officer-police", v.chief("police"), "chief officer (agencies.yaml)", "rank and surname"),
        ("representative-community", v.rep("community-health"), "LSCB representative (agencies.yaml)", "full name"),
        ("referrer", v.referrer.name, "referrer (referral.yaml)", "full name with rank"),
        (
            "referrer-line-manager",
            v.referrer.line_manager,
            "referrer's line manager (referral.yaml)",
            "rank and surname",
        ),
        ("business-manager", v.staff("business_manager"), "business manager (panel.yaml)", "full name"),
        ("administrator", v.staff("administrator"), "administrator (panel.yaml)", "first name only"),
        ("family-contact", v.staff("family_contact"), "family contact (panel.yaml)", "full name"),
    ]
    cases = []
    for stem, name, place, variant in people:
        title = name.split()[0] if name.split()[0].lower().rstrip(".") in _TITLES else ""
        written = {
            "full name with rank": name,
            "full name with title": name,
            "full name": bare(name),
            "title and surname": f"{title or 'Ms'} {surname(name)}",
            "surname only": surname(name),
            "rank and surname": f"{title or name.split()[0]} {surname(name)}",
            "first name only": first(name),
            "title and surname, curly apostrophe": f"{title or 'Mrs'} {surname(name).replace(chr(39), chr(0x2019))}",
        }[variant]
        text_case_ = text_case(
            folder, f"person-{stem}.txt", name, f"txt utf-8: {place}", variant, f"Discussed with {written}."
        )
        cases.append(text_case_)
    # The same kinds of people in Word documents, where signatures and sign-off blocks live.
    for file_name, name, place in (
        ("docx-imr-sign-off.docx", v.imr_author("community-health"), "docx body: IMR author signature"),
        ("docx-interview-record.docx", v.interviewer("int-sw-1"), "docx body: interviewer signature"),
    ):
        doc = Docx()
        doc.body.append(para("Signed: ", run(name, "<w:i/>")))
        cases.append(docx_case(folder, file_name, name, place, "full name", doc))
    return cases


# ---------------------------------------------------------------------------------------------
# Clean files: the same kinds, only pseudonyms, job titles and the names 1.9.1 allows
# ---------------------------------------------------------------------------------------------


@maker
def clean_files(v: Values, folder: Path) -> list[Case]:
    def clean(file_name: str, place: str, variant: str) -> Case:
        return Case(file_name, "", place, variant, False)

    cases = []
    doc = Docx()
    doc.body += [para(line) for line in clean_extra(v)]
    add_header_footer(doc, "header", "Chronology \u2013 Child A")
    add_header_footer(doc, "footer", "Ashcombe LSCB \u2013 restricted")
    add_note(doc, "footnotes", "Information from Professional 3.")
    add_comment(doc, "Check this with Professional 2", author="Reviewer")
    doc.save(folder / "clean-docx-parts.docx")
    cases.append(clean("clean-docx-parts.docx", "docx every common part", "pseudonyms"))

    doc = Docx()
    author, chair = v.panel.overview_author, v.panel.panel_chair
    doc.body.append(para("Report approved by ", run(author.name, "<w:b/>"), f", {author.title}."))
    doc.creator, doc.modified_by = author.name, chair.name
    doc.custom = [("Panel chair", chair.name)]
    doc.save(folder / "clean-docx-exempt-names.docx")
    cases.append(clean("clean-docx-exempt-names.docx", "docx body and properties", "names allowed by 1.9.1"))

    # No picture here: a checker may rightly report any picture nobody has confirmed (by its hash).
    doc = Docx()
    hyperlink(doc, "https://www.ashcombe-lscb.example/reviews", "the board's website", tooltip="LSCB website")
    doc.body.append(para("Dates: ", field_code(' DATE \\@ "d MMMM yyyy" ', "1 October 2026")))
    doc.body.append(content_control('<w:alias w:val="Agency"/><w:tag w:val="agency"/>', "Ashcombe Constabulary"))
    doc.settings = '<w:docVars><w:docVar w:name="Reference" w:val="SCR-2026-03"/></w:docVars>'
    doc.body.append(
        para('<w:bookmarkStart w:id="0" w:name="Strategy_meeting"/>', "Strategy meeting", '<w:bookmarkEnd w:id="0"/>')
    )
    doc.save(folder / "clean-docx-objects.docx")
    cases.append(
        clean("clean-docx-objects.docx", "docx hyperlink, bookmark, field, content control, docVar", "pseudonyms")
    )

    doc = Docx()
    doc.body.append(
        para(
            "Titles: the Chief Constable, the Director of Children's Services, the Family Liaison "
            "Worker, the Headteacher, the Named GP for Safeguarding and the Senior Partner."
        )
    )
    doc.body.append(para("Mother's partner's child, Sibling 1's father and Maternal great-grandfather were not seen."))
    doc.save(folder / "clean-docx-titles.docx")
    cases.append(clean("clean-docx-titles.docx", "docx body", "job titles and relationship pseudonyms"))

    book = Xlsx()
    book.sheets.append(Sheet("Old notes", [row(1, [book.s("A1", "Notes on Sibling 2")])], state="hidden"))
    book.sheets[0].rows.append(
        row(5, [inline("A5", "Child A"), number("B5", serial(dt.date(2026, 9, 14)), DATE_STYLE)])
    )
    book.defined_names.append('<definedName name="Visits">Chronology!$A$2:$A$4</definedName>')
    legacy_comment(book, book.sheets[0], "B2", "Reviewer", "Confirmed with Professional 1")
    book.sheets[
        0
    ].header_footer = "<headerFooter><oddHeader>&amp;CChronology&amp;RPage &amp;P</oddHeader></headerFooter>"
    book.save(folder / "clean-xlsx-parts.xlsx")
    cases.append(
        clean("clean-xlsx-parts.xlsx", "xlsx cells, hidden sheet, comment, defined name, header", "pseudonyms")
    )

    book = Xlsx()
    book.sheets[0].after_data = (
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C5">'
        '<formula1>"Mother,Father,Professional 1"</formula1></dataValidation></dataValidations>'
    )
    book.sheets[0].rows.append(row(5, ['<c r="B5" t="str"><f>"Child"&amp;" A"</f><v>Child A</v></c>']))
    book.save(folder / "clean-xlsx-formula-validation.xlsx")
    cases.append(clean("clean-xlsx-formula-validation.xlsx", "xlsx formula and data validation", "pseudonyms"))

    lines = FILLER + clean_extra(v)
    (folder / "clean-utf8.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cases.append(clean("clean-utf8.txt", "txt utf-8", "pseudonyms"))
    (folder / "clean-utf16.txt").write_bytes(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    cases.append(clean("clean-utf16.txt", "txt utf-16 le bom", "pseudonyms"))
    csv_lines = [
        "Date,Event,Seen by",
        "04/03/2026,Home visit,Professional 1",
        "14/09/2026,Admitted (caf\u00e9 visit earlier),Professional 6",
    ]
    (folder / "clean-cp1252.csv").write_bytes(("\r\n".join(csv_lines) + "\r\n").encode("cp1252"))
    cases.append(clean("clean-cp1252.csv", "csv windows-1252", "pseudonyms and an accented word"))
    (folder / "clean-notes.md").write_text(
        "# Chronology\n\n" + "\n".join(f"* {line}" for line in lines) + "\n", encoding="utf-8"
    )
    cases.append(clean("clean-notes.md", "md", "pseudonyms"))
    (folder / "clean-genogram.svg").write_text(svg_doc("Father", "Sibling 1", "Maternal grandmother"), encoding="utf-8")
    cases.append(clean("clean-genogram.svg", "svg text element", "pseudonyms"))
    return cases


# ---------------------------------------------------------------------------------------------


def build_corpus(folder: Path) -> list[Case]:
    """Write every file of the corpus into ``folder``; return one Case per file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    values = load_values()
    cases = [case for make in MAKERS for case in make(values, folder)]
    names = [case.file_name for case in cases]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise AssertionError(f"two cases write the same file: {sorted(duplicates)}")
    allowed = values.exempt
    for case in cases:
        if case.leaks and bare(case.secret).lower() in allowed:
            raise AssertionError(f"{case.file_name}: {case.secret} may be named (1.9.1); it is no secret")
    return cases


if __name__ == "__main__":  # python -m tests.anonymise.leak_corpus FOLDER
    import sys

    built = build_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "leak-corpus"))
    print(f"{sum(c.leaks for c in built)} leaking files, {sum(not c.leaks for c in built)} clean files")
