"""Small pieces of Word's XML that python-docx has no call for: page fields and table layout.

Each was checked in Word's file format (ECMA-376 part 1, 17.4 tables, 17.16 fields) and by
LibreOffice in the tests: a table header row repeated on every page (``w:tblHeader``), rows
never split across a page (``w:cantSplit``), fixed column widths that LibreOffice and Word both
keep (``w:tblLayout`` fixed with a ``w:gridCol`` and a ``w:tcW`` per cell), and PAGE / NUMPAGES.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def add_page_field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when the page is drawn."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _row_properties(row: Any) -> Any:
    return row._tr.get_or_add_trPr()


def repeat_as_header(row: Any) -> None:
    """Print this row again at the top of every page the table runs onto, and never alone at the
    foot of a page: LibreOffice (7.4) drops every row of a table whose rows may not split when its
    heading row is the last thing on a page; kept with the next row, the heading moves over too."""
    properties = _row_properties(row)
    if properties.find(qn("w:tblHeader")) is None:
        properties.append(OxmlElement("w:tblHeader"))
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def keep_rows_whole(table: Any) -> None:
    """No row is split across two pages: an event is read whole."""
    for row in table.rows:
        properties = _row_properties(row)
        if properties.find(qn("w:cantSplit")) is None:
            properties.insert(0, OxmlElement("w:cantSplit"))


def set_fixed_widths(table: Any, widths: Sequence[int]) -> None:
    """Give each column its width (EMU, e.g. ``Cm(2)``), fixed: neither Word nor LibreOffice re-spreads them."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        column.set(qn("w:w"), str(int(width / 635)))  # EMU to twentieths of a point
    for row in table.rows:
        cells = row._tr.tc_lst  # the cells as stored: a merged cell once, spanning several columns
        column = 0
        for cell in cells:
            span = cell.grid_span
            cell.width = sum(widths[column : column + span])
            column += span


def confidential_a4_landscape(document: Any, font_size: float, header: str, footer: str) -> None:
    """A4 landscape with 1.27 cm margins (never python-docx's US Letter), Arial, and CONFIDENTIAL with
    ``header`` at the top of every page and ``footer`` then "Page X of Y" at the bottom."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.27))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"  # on every machine (LibreOffice: Liberation Sans, the same widths)
    normal.font.size = Pt(font_size)
    section.header.paragraphs[0].text = f"CONFIDENTIAL    {header}"
    paragraph = section.footer.paragraphs[0]
    paragraph.text = f"CONFIDENTIAL    {footer}Page "
    add_page_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_page_field(paragraph, "NUMPAGES")


def document_bytes(document: Any) -> bytes:
    """The saved document, without the stock thumbnail picture python-docx's default template
    carries (a picture in a document is a picture someone must look at before it is sent)."""
    import io

    package = getattr(document, "docx", document).part.package  # a docxtpl template holds its document
    for key, relationship in list(package.rels.items()):
        if relationship.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(key)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
