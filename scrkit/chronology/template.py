"""The Appendix 7 chronology workbook each agency fills in (`scrkit chronology template`).

The columns are exactly Appendix 7's; the Date column is formatted for dates and the Time
column for times, Y/N and the family-member abbreviations are drop-downs, text wraps, the
heading row is frozen, and the agency's name and the period under review are filled in above
it. An Instructions sheet repeats what the guidance asks of a chronology (App 14, 2.4).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from scrkit.case.records import ReviewRecords
from scrkit.chronology.family import CHILD_ABBREVIATION
from scrkit.chronology.reading import columns
from scrkit.dates import uk_date
from scrkit.models.agencies import Agency

TEMPLATE_ROWS = 1000
HEADER_ROW = 6
WIDTHS = {"event_no": 9, "date": 13, "time": 8, "age": 14, "family_member": 14, "child_seen": 16, "event": 60,
          "source": 22, "action": 40, "note": 30}  # fmt: skip

INSTRUCTIONS = [
    "How to complete this chronology (Appendix 7 of the Serious Case Review practice guidance)",
    "",
    "Use this format: it lets the LSCB team merge every agency's chronology into one (App 14, 2.4).",
    "Cover the period under review shown on the Chronology sheet, and nothing outside it (App 14, 2.2).",
    "One row per contact or event, in date order. Write dates day first (03/04/2010). If you know only the "
    "month or year, write 'April 2010' or '2010'; if a date is uncertain, write 'c.' before it or '?' after it.",
    "Time: 24-hour clock (14:30) where known; leave it blank otherwise.",
    "Family Member: use the agreed abbreviations (see the Lists sheet); write the relationship in full for anyone "
    "not listed.",
    "Child seen / wishes sought or expressed: Y or N. Be explicit about when the child was seen, what their "
    "condition was, and what they said (App 14, 2.4).",
    "Event: who knew what, and when. Record missed opportunities to see and speak to the child.",
    "Agency source to overview: the record the entry comes from (e.g. case file, GP record, custody record).",
    "Action taken: what your agency did as a result.",
    "Cells wrap their text: you are not limited in how much you type into a cell.",
    "Do not rename, add or remove columns. Save as Excel Workbook (.xlsx) and return it by secure email.",
]


@dataclass(frozen=True)
class ChronologyTemplate:
    agency: Agency
    file_name: str
    content: bytes


def template_for_agency(records: ReviewRecords, agency: Agency) -> ChronologyTemplate:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chronology"
    period = records.review.terms_of_reference
    covered = f"{uk_date(period.period_start, 'to be agreed')} to {uk_date(period.period_end, 'to be agreed')}"
    preamble = [
        ("Agency", agency.name),
        ("Review", records.review.reference),
        ("Period under review", covered),
        ("Return to", f"{records.board.name}, {records.board.secure_email}"),
    ]
    bold = Font(bold=True)
    for row, (label, value) in enumerate(preamble, start=1):
        sheet.cell(row=row, column=1, value=label).font = bold
        cell = sheet.cell(row=row, column=2, value=value)
        cell.data_type = "s"
    heading_fill = PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="top")
    for position, column in enumerate(columns(), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=position, value=column.heading)
        cell.font = bold
        cell.fill = heading_fill
        cell.alignment = wrap
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = WIDTHS.get(column.key, 14)
        for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + TEMPLATE_ROWS):
            target = sheet.cell(row=row, column=position)
            target.alignment = wrap
            if column.key == "date":
                target.number_format = "dd/mm/yyyy"
            elif column.key == "time":
                target.number_format = "hh:mm"
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    keys = [column.key for column in columns()]
    first, last = HEADER_ROW + 1, HEADER_ROW + TEMPLATE_ROWS

    def column_range(key: str) -> str:
        letter = get_column_letter(keys.index(key) + 1)
        return f"{letter}{first}:{letter}{last}"

    yes_no = DataValidation(type="list", formula1='"Y,N"', allow_blank=True, showErrorMessage=True)
    yes_no.error, yes_no.errorTitle = "Please choose Y or N.", "Child seen"
    sheet.add_data_validation(yes_no)
    yes_no.add(column_range("child_seen"))

    lists = workbook.create_sheet("Lists")
    lists.append(["Abbreviation", "Who"])
    for cell in lists[1]:
        cell.font = bold
    people = [(records.child.abbreviation or CHILD_ABBREVIATION, "The child")] + [
        (member.abbreviation, member.relationship) for member in records.people.family
    ]
    agreed = [(abbreviation, who) for abbreviation, who in people if abbreviation]
    for abbreviation, who in agreed:
        lists.append([abbreviation, who])
    lists.column_dimensions["A"].width, lists.column_dimensions["B"].width = 14, 30
    if agreed:
        # A warning, not a stop: someone outside the agreed list is written out in full.
        family = DataValidation(
            type="list", formula1=f"=Lists!$A$2:$A${len(agreed) + 1}", allow_blank=True, errorStyle="warning"
        )
        family.error = "Not an agreed abbreviation (see the Lists sheet). Keep it only if the person is not listed."
        sheet.add_data_validation(family)
        family.add(column_range("family_member"))

    instructions = workbook.create_sheet("Instructions")
    instructions.column_dimensions["A"].width = 110
    for row, line in enumerate(INSTRUCTIONS, start=1):
        cell = instructions.cell(row=row, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True)
        if row == 1:
            cell.font = Font(bold=True, size=13)

    workbook.properties.title = f"Chronology, {records.review.reference}, {agency.name}"
    workbook.properties.creator = records.board.name
    stream = io.BytesIO()
    workbook.save(stream)
    return ChronologyTemplate(agency=agency, file_name=f"chronology {agency.id}.xlsx", content=stream.getvalue())


# The Word template's columns, in centimetres across A4 landscape (27.16 cm between 1.27 cm margins).
WORD_WIDTHS = {"event_no": 1.3, "date": 2.2, "time": 1.4, "age": 1.8, "family_member": 2.0, "child_seen": 2.4,
               "event": 7.2, "source": 2.6, "action": 3.6, "note": 2.6}  # fmt: skip
WORD_ROWS = 25


def word_template_for_agency(records: ReviewRecords, agency: Agency) -> ChronologyTemplate:
    """The App 7 chronology as a Word table, for boards that issue it in Word (issue 20): A4 landscape,
    the agency and the period under review filled in, the instructions of App 14 2.4, the columns exactly."""
    from docx import Document
    from docx.shared import Cm

    from scrkit.office.word import confidential_a4_landscape, document_bytes, repeat_as_header, set_fixed_widths

    document = Document()
    confidential_a4_landscape(document, 9, f"Chronology, {records.review.reference}, {agency.name}", "")
    document.add_heading(INSTRUCTIONS[0], level=1)
    period = records.review.terms_of_reference
    covered = f"{uk_date(period.period_start, 'to be agreed')} to {uk_date(period.period_end, 'to be agreed')}"
    preamble = document.add_table(rows=0, cols=2)
    preamble.style = "Table Grid"
    for label, value in (("Agency", agency.name), ("Review", records.review.reference),
                         ("Period under review", covered),
                         ("Return to", f"{records.board.name}, {records.board.secure_email}")):  # fmt: skip
        cells = preamble.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].bold = True
    set_fixed_widths(preamble, [Cm(4.5), Cm(22.6)])
    agreed = [f"{records.child.abbreviation} (the child)"] if records.child.abbreviation else []
    agreed += [f"{m.abbreviation} ({m.relationship})" for m in records.people.family if m.abbreviation]
    for line in INSTRUCTIONS[2:-1]:  # the workbook's instructions, said of a Word table
        line = line.replace("shown on the Chronology sheet", "shown above")
        line = line.replace("(see the Lists sheet)", f"({', '.join(agreed) or 'none agreed yet'})")
        line = line.replace("Cells wrap their text", "Cells grow with their text")
        document.add_paragraph(line, style="List Bullet")
    document.add_paragraph("Do not rename, add or remove columns; add rows as you need them "
                           "(Tab in the last cell). Save as a Word Document (.docx) and return it by secure email.",
                           style="List Bullet")  # fmt: skip
    table = document.add_table(rows=1 + WORD_ROWS, cols=len(columns()))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, columns(), strict=True):
        cell.text = column.heading
        cell.paragraphs[0].runs[0].bold = True
    repeat_as_header(table.rows[0])
    set_fixed_widths(table, [Cm(WORD_WIDTHS[column.key]) for column in columns()])
    properties = document.core_properties
    properties.title = f"Chronology, {records.review.reference}, {agency.name}"
    properties.author = records.board.name
    return ChronologyTemplate(agency=agency, file_name=f"chronology {agency.id}.docx", content=document_bytes(document))
