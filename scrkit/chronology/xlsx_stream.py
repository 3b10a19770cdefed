"""A small streaming .xlsx writer for the integrated chronology.

Why not xlsxwriter or openpyxl here: measured on this project's 2-core machine, xlsxwriter took
about 10 s and pyexcelerate about 7 s to write 100,000 chronology rows, which alone breaks the
target of merging 100,000 events in 15 s and 2.5 times faster than openpyxl (see
benchmarks/chronology_merge.py). This writer does only what the chronology needs: sheets of
numbers, dates, times and text (always text: a cell starting with ``=`` is never a formula),
a handful of cell styles, column widths, a frozen heading row and a filter, and what printing
needs: A4 landscape fitted to the page's width, the heading row repeated on every page, a header
and footer, and row heights that fit wrapped text (worked out here: neither Excel nor LibreOffice
fits the height of a row it did not lay out itself, so wrapped text overprints). Rows are streamed
into the zip, so memory stays flat, and every zip entry has a fixed date, so the same rows
always give the same bytes. Read back by openpyxl and opened by LibreOffice in the tests.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Deflate level 1: about a third of the time of the default level 6, for a file about a fifth larger.
COMPRESS_LEVEL = 1
_NUMBER_FORMATS = {"dd/mm/yyyy": 164, "hh:mm": 165}


@dataclass(frozen=True)
class CellStyle:
    fill: str | None = None  # an RGB colour such as "EAF1FB"
    bold: bool = False
    wrap: bool = False
    number_format: str | None = None  # "dd/mm/yyyy" or "hh:mm"
    border: bool = True


class Styles:
    """The cell formats a workbook uses; index 0 is Excel's default."""

    def __init__(self) -> None:
        self._styles: list[CellStyle | None] = [None]

    def add(self, style: CellStyle) -> int:
        if style not in self._styles:
            self._styles.append(style)
        return self._styles.index(style)

    def wraps(self) -> list[bool]:
        return [bool(style and style.wrap) for style in self._styles]

    def xml(self) -> str:
        fills = sorted({style.fill for style in self._styles if style and style.fill})
        fill_ids = {colour: index for index, colour in enumerate(fills, start=2)}
        xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        for style in self._styles[1:]:
            assert style is not None
            number = _NUMBER_FORMATS.get(style.number_format or "", 0)
            fill = fill_ids.get(style.fill or "", 0)
            alignment = '<alignment vertical="top" wrapText="1"/>' if style.wrap else '<alignment vertical="top"/>'
            xfs.append(
                f'<xf numFmtId="{number}" fontId="{1 if style.bold else 0}" fillId="{fill}" '
                f'borderId="{1 if style.border else 0}" xfId="0" applyNumberFormat="1" applyFont="1" '
                f'applyFill="1" applyBorder="1" applyAlignment="1">{alignment}</xf>'
            )
        fill_xml = "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{colour}"/><bgColor indexed="64"/>'
            "</patternFill></fill>"
            for colour in fills
        )
        edge = '<{0} style="thin"><color rgb="FFBFBFBF"/></{0}>'
        thin = "".join(edge.format(side) for side in ("left", "right", "top", "bottom"))
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
            '<numFmt numFmtId="165" formatCode="hh:mm"/></numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            f'<fills count="{2 + len(fills)}"><fill><patternFill patternType="none"/></fill>'
            f'<fill><patternFill patternType="gray125"/></fill>{fill_xml}</fills>'
            f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            f"<border>{thin}<diagonal/></border></borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


Cell = tuple[object, int]  # a value and its style index; a value of None or "" writes nothing


def _cell_xml(reference: str, value: object, style: int) -> str:
    if isinstance(value, bool):
        return f'<c r="{reference}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{reference}" s="{style}"><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'<c r="{reference}" s="{style}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, dt.time):
        fraction = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
        return f'<c r="{reference}" s="{style}"><v>{fraction!r}</v></c>'
    return (
        f'<c r="{reference}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_xml_text(str(value))}</t></is></c>'
    )


def _xml_text(text: str) -> str:
    """Text as XML character data: characters XML forbids dropped, &, < and > escaped."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Sheet:
    name: str
    widths: Sequence[float]
    rows: Iterable[Sequence[Cell]]
    freeze_header: bool = True
    autofilter: bool = False
    header: str = ""  # printed at the top of every page: Excel's codes (&P page, &N pages; & written &&)
    footer: str = ""
    print_columns: int | None = None  # print only the first columns (the rest stay in the sheet)


# Printing: points per line of 11-point Calibri, and characters per unit of column width (Excel's unit
# is the width of a '0'; running text averages a little narrower). Excel caps a row at 409 points.
LINE_POINTS = 15.0
CHARACTERS_PER_WIDTH = 1.2
MAX_ROW_POINTS = 409.0


def row_height(cells: Sequence[Cell], widths: Sequence[float], wraps: Sequence[bool]) -> float | None:
    """The height a row's wrapped text needs, or None for one line (the default height)."""
    return _row_height(cells, [characters_per_line(width) for width in widths], wraps)


def characters_per_line(width: float) -> int:
    return max(1, int(width * CHARACTERS_PER_WIDTH))


def _row_height(
    cells: Sequence[Cell],
    per_lines: Sequence[int],
    wraps: Sequence[bool],
    known: dict[tuple[str, int], int] | None = None,
) -> float | None:
    lines = 1
    for (value, style), per_line in zip(cells, per_lines, strict=False):
        if type(value) is str and (len(value) > per_line or "\n" in value) and wraps[style]:
            if known is None or len(value) > 96:
                needed = wrapped_lines(value, per_line)
            else:  # short texts repeat (agency names, actions, flags): each wrapped once
                needed = known.get((value, per_line), 0) or known.setdefault((value, per_line),
                                                                          wrapped_lines(value, per_line))  # fmt: skip
            lines = max(lines, needed)
    if lines == 1:
        return None
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + 2)


def wrapped_lines(text: str, per_line: int) -> int:
    """How many lines ``text`` takes, wrapped at word boundaries ``per_line`` characters a line: never
    fewer than it takes (a row too short hides the end of an event on paper).

    Wrapping at words leaves less than the next word free at the end of a line: each full line holds at
    least ``per_line`` less the longest word, plus its space, so ``k`` lines need a paragraph of at least
    ``(k - 1) * (per_line - longest + 1) + 1`` characters. The bound that follows is worked out in C-speed
    calls and taken where words are short beside the line (the Event column); elsewhere the greedy wrap
    itself. tests/chronology/test_xlsx_stream.py checks it is never below the wrap."""
    count = 0
    for paragraph in text.split("\n"):
        if len(paragraph) <= per_line:
            count += 1
            continue
        longest = max(map(len, paragraph.split()), default=0)
        if longest * 4 <= per_line:
            count += -(-(len(paragraph) + 1) // (per_line - longest + 1))
        else:
            count += _greedy_lines(paragraph, per_line)
    return count


def _greedy_lines(paragraph: str, per_line: int) -> int:
    count, used = 1, 0
    for word in paragraph.split():
        needed = len(word) + (1 if used else 0)
        if used and used + needed > per_line:
            count += 1
            used = len(word)
        else:
            used += needed
        while used > per_line:  # a word longer than the line breaks where it must
            count += 1
            used -= per_line
    return count


def header_footer_text(text: str) -> str:
    """Text for a printed header or footer: '&' starts a code there, so a literal one is doubled."""
    return text.replace("&", "&&")


class WorkbookWriter:
    def __init__(self, path: Path, title: str, author: str, created: dt.datetime) -> None:
        self.path = path
        self.title = title
        self.author = author
        self.created = created
        self.styles = Styles()
        self._last_rows: dict[int, int] = {}

    def write(self, sheets: Sequence[Sheet]) -> None:
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
            for number, sheet in enumerate(sheets, start=1):
                with archive.open(self._entry(f"xl/worksheets/sheet{number}.xml"), "w") as stream:
                    self._write_sheet(stream, sheet, number - 1)
            self._put(archive, "xl/styles.xml", self.styles.xml())
            self._put(archive, "xl/workbook.xml", self._workbook_xml(sheets))
            self._put(archive, "xl/_rels/workbook.xml.rels", self._workbook_rels(len(sheets)))
            self._put(archive, "[Content_Types].xml", self._content_types(len(sheets)))
            self._put(archive, "_rels/.rels", _ROOT_RELS)
            self._put(archive, "docProps/core.xml", self._core())
            self._put(archive, "docProps/app.xml", _APP)

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        # zipfile takes the level from the entry when given one (``compress_level`` from Python 3.13).
        entry._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
        return entry

    def _put(self, archive: zipfile.ZipFile, name: str, text: str) -> None:
        archive.writestr(self._entry(name), text.encode("utf-8"))

    def _write_sheet(self, stream: IO[bytes], sheet: Sheet, index: int) -> None:
        width_xml = "".join(
            f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>' for n, width in enumerate(sheet.widths, 1)
        )
        view = (
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            if sheet.freeze_header
            else ""
        )
        selected = ' tabSelected="1"' if index == 0 else ""
        head = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<sheetViews><sheetView workbookViewId="0"{selected}>{view}'
            f'</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{width_xml}</cols><sheetData>'
        )
        stream.write(head.encode("utf-8"))
        count = 0
        letters = [column_letter(n) for n in range(max(len(sheet.widths), 1) + 64)]
        buffer: list[str] = []
        escaped: dict[str, str] = {}  # short texts repeat (agency names, ages, Y/N): each escaped once
        wraps = self.styles.wraps()
        per_lines = [characters_per_line(width) for width in sheet.widths]
        wrapped: dict[tuple[str, int], int] = {}
        for count, cells in enumerate(sheet.rows, start=1):
            height = _row_height(cells, per_lines, wraps, wrapped)
            parts = [f'<row r="{count}" ht="{height}" customHeight="1">' if height else f'<row r="{count}">']
            for position, (value, style) in enumerate(cells):
                if type(value) is str and value:  # most cells: the text written straight, the hot path
                    text = escaped.get(value)
                    if text is None:
                        text = _xml_text(value)
                        if len(value) <= 64:
                            escaped[value] = text
                    parts.append(
                        f'<c r="{letters[position]}{count}" s="{style}" t="inlineStr"><is>'
                        f'<t xml:space="preserve">{text}</t></is></c>'
                    )
                elif value is None or value == "":
                    if style:  # an empty cell keeps its border and shade: a printed table has no holes
                        parts.append(f'<c r="{letters[position]}{count}" s="{style}"/>')
                else:
                    parts.append(_cell_xml(f"{letters[position]}{count}", value, style))
            parts.append("</row>")
            buffer.append("".join(parts))
            if len(buffer) >= 500:
                stream.write("".join(buffer).encode("utf-8"))
                buffer.clear()
        stream.write("".join(buffer).encode("utf-8"))
        tail = "</sheetData>"
        if sheet.autofilter and count:
            tail += f'<autoFilter ref="A1:{letters[len(sheet.widths) - 1]}{count}"/>'
        # A4 (paper size 9), landscape, as wide as the page and as many pages long as it takes.
        tail += (
            '<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        )
        if sheet.header or sheet.footer:
            tail += (
                f"<headerFooter><oddHeader>{_xml_text(sheet.header)}</oddHeader>"
                f"<oddFooter>{_xml_text(sheet.footer)}</oddFooter></headerFooter>"
            )
        tail += "</worksheet>"
        stream.write(tail.encode("utf-8"))
        self._last_rows[index] = count

    def _workbook_xml(self, sheets: Sequence[Sheet]) -> str:
        entries = "".join(
            f'<sheet name="{escape(sheet.name)}" sheetId="{n}" r:id="rId{n}"/>' for n, sheet in enumerate(sheets, 1)
        )
        names = ""
        for index, sheet in enumerate(sheets):
            rows = self._last_rows.get(index, 0)
            if sheet.print_columns and rows:
                last = column_letter(sheet.print_columns - 1)
                names += (
                    f'<definedName name="_xlnm.Print_Area" localSheetId="{index}">'
                    f"'{escape(sheet.name)}'!$A$1:${last}${rows}</definedName>"
                )
            if sheet.freeze_header and rows:  # the heading row printed again at the top of every page
                names += (
                    f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                    f"'{escape(sheet.name)}'!$1:$1</definedName>"
                )
            if sheet.autofilter and rows:
                last = column_letter(len(sheet.widths) - 1)
                names += (
                    f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
                    f"'{escape(sheet.name)}'!$A$1:${last}${rows}</definedName>"
                )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<bookViews><workbookView/></bookViews><sheets>{entries}</sheets>"
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>"
        )

    def _workbook_rels(self, count: int) -> str:
        sheets = "".join(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{sheets}<Relationship Id="rId{count + 1}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/></Relationships>'
        )

    def _content_types(self, count: int) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{sheets}"
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            "</Types>"
        )

    def _core(self) -> str:
        stamp = self.created.strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(self.title)}</dc:title><dc:creator>{escape(self.author)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>"
        )


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/></Relationships>'
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>scrkit</Application></Properties>"
)
