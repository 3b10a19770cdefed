"""Writing the integrated chronology: a workbook for the panel, and a Word table for the report.

The Chronology sheet has the Appendix 7 columns first, in order, then where each event came
from and its flags; dates are real dates shown dd/mm/yyyy; text wraps; the header is frozen
and filtered; each agency's rows have their own shade. Every text cell is written as text,
so an event that starts with ``=``, ``+``, ``-`` or ``@`` can never become a formula. The
same inputs give the same bytes: the workbook's dates come from the chronology, not the clock.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from scrkit.chronology.merge import IntegratedChronology
from scrkit.chronology.reading import ReadReturn, columns
from scrkit.chronology.values import Precision

_SEEN = {True: "Y", False: "N", None: ""}
AGENCY_SHADES = ("#FFFFFF", "#EAF1FB", "#FDF2E6", "#EAF6EC", "#F4ECF7", "#FEF9E3", "#E8F6F8", "#F9EBEA", "#EEEEEE")
EXTRA_HEADINGS = (
    "Agency",
    "Source file",
    "Source row",
    "Agency's event no",
    "Date as written",
    "Flags",
    "Possible duplicate of",
)
WIDTHS = (8, 12, 7, 16, 14, 14, 60, 22, 40, 30, 26, 24, 9, 10, 16, 40, 10)


@dataclass(frozen=True)
class Summary:
    agency: str
    name: str
    events: int
    first: dt.date | None
    last: dt.date | None
    seen: int
    not_seen: int
    unknown: int
    problems: int


def summaries(chronology: IntegratedChronology, reads: list[ReadReturn], agency_names: dict[str, str]) -> list[Summary]:
    by_agency: dict[str, list] = {}
    for item in chronology.events:
        by_agency.setdefault(item.event.agency, []).append(item)
    problems: dict[str, int] = {}
    for read in reads:
        problems[read.agency or read.path.name] = problems.get(read.agency or read.path.name, 0) + len(read.problems)
    found = []
    for agency in sorted(
        set(by_agency) | set(problems), key=lambda a: list(agency_names).index(a) if a in agency_names else 99
    ):
        items = by_agency.get(agency, [])
        voice = chronology.voice.get(agency)
        found.append(
            Summary(
                agency=agency,
                name=agency_names.get(agency, agency),
                events=len(items),
                first=min((i.event.date.date for i in items), default=None),
                last=max((i.event.date.date for i in items), default=None),
                seen=voice.seen if voice else 0,
                not_seen=voice.not_seen if voice else 0,
                unknown=voice.unknown if voice else 0,
                problems=problems.get(agency, 0),
            )
        )
    return found


def write_workbook(
    target: Path,
    chronology: IntegratedChronology,
    reads: list[ReadReturn],
    agency_names: dict[str, str],
    title: str,
) -> None:
    """Write the workbook to ``target``, streaming rows (constant memory) for large chronologies."""
    import xlsxwriter

    latest = max((item.event.date.date for item in chronology.events), default=dt.date(2000, 1, 1))
    workbook = xlsxwriter.Workbook(
        str(target),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "tmpdir": str(target.parent)},
    )
    # A fixed creation date (the latest event) makes the same inputs give the same file.
    workbook.set_properties({"title": title, "author": "scrkit", "created": dt.datetime.combine(latest, dt.time())})
    heading = workbook.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9D9D9", "border": 1}
    )
    shades = {}
    agencies = list(agency_names) + sorted({i.event.agency for i in chronology.events} - set(agency_names))
    for position, agency in enumerate(agencies):
        colour = AGENCY_SHADES[position % len(AGENCY_SHADES)]
        shades[agency] = (
            workbook.add_format({"text_wrap": True, "valign": "top", "bg_color": colour, "border": 1}),
            workbook.add_format(
                {"num_format": "dd/mm/yyyy", "valign": "top", "bg_color": colour, "border": 1, "align": "left"}
            ),
            workbook.add_format(
                {"num_format": "hh:mm", "valign": "top", "bg_color": colour, "border": 1, "align": "left"}
            ),
        )

    sheet = workbook.add_worksheet("Chronology")
    headings = [column.heading for column in columns()] + list(EXTRA_HEADINGS)
    for position, text in enumerate(headings):
        sheet.write_string(0, position, text, heading)
        sheet.set_column(position, position, WIDTHS[position] if position < len(WIDTHS) else 14)
    sheet.freeze_panes(1, 0)
    for row, item in enumerate(chronology.events, start=1):
        event = item.event
        text, date_format, time_format = shades.get(event.agency) or next(iter(shades.values()))
        # The row's shade is set once for the whole row, so empty cells need not be written.
        sheet.set_row(row, None, text)
        sheet.write_number(row, 0, item.number, text)
        if event.date.precision is Precision.DAY and not event.date.uncertain:
            sheet.write_datetime(row, 1, dt.datetime.combine(event.date.date, dt.time()), date_format)
        else:
            sheet.write_string(row, 1, event.date.display(), text)
        if event.time is not None:
            sheet.write_datetime(row, 2, dt.datetime.combine(dt.date(1899, 12, 31), event.time), time_format)
        values = (
            item.age,
            event.family_member,
            _SEEN[event.child_seen],
            event.event,
            event.source or agency_names.get(event.agency, event.agency),
            event.action,
            event.note,
            agency_names.get(event.agency, event.agency),
            event.source_file,
        )
        for offset, value in enumerate(values, start=3):
            if value:
                sheet.write_string(row, offset, value, text)
        sheet.write_number(row, 12, event.source_row, text)
        if event.agency_event_no:
            sheet.write_string(row, 13, event.agency_event_no, text)
        if event.date.original != event.date.display():
            sheet.write_string(row, 14, event.date.original, text)
        if item.flags:
            sheet.write_string(row, 15, "; ".join(item.flags), text)
        if item.duplicate_of is not None:
            sheet.write_number(row, 16, item.duplicate_of, text)
    sheet.autofilter(0, 0, max(len(chronology.events), 1), len(headings) - 1)

    issues = workbook.add_worksheet("Issues")
    issue_headings = ("File", "Sheet", "Row", "Column", "Value", "Problem")
    for position, text in enumerate(issue_headings):
        issues.write_string(0, position, text, heading)
        issues.set_column(position, position, (30, 14, 7, 24, 30, 70)[position])
    issues.freeze_panes(1, 0)
    row = 1
    for read in reads:
        for problem in read.problems:
            issues.write_string(row, 0, problem.file)
            issues.write_string(row, 1, problem.sheet)
            if problem.row:
                issues.write_number(row, 2, problem.row)
            issues.write_string(row, 3, problem.column)
            issues.write_string(row, 4, problem.value)
            issues.write_string(row, 5, problem.reason)
            row += 1
    for gap in chronology.gaps:
        issues.write_string(row, 0, "(all returns)")
        issues.write_string(
            row,
            5,
            f"No agency contact for {gap.days} days, from {gap.start:%d/%m/%Y} (after event {gap.after}) "
            f"to {gap.end:%d/%m/%Y}",
        )
        row += 1

    summary = workbook.add_worksheet("Summary")
    summary_headings = ("Agency", "Events", "First event", "Last event", "Child seen (Y)", "Not seen (N)",
                        "Not recorded", "Problems in return")  # fmt: skip
    date_cell = workbook.add_format({"num_format": "dd/mm/yyyy", "align": "left"})
    for position, text in enumerate(summary_headings):
        summary.write_string(0, position, text, heading)
        summary.set_column(position, position, 40 if position == 0 else 14)
    summary.freeze_panes(1, 0)
    rows = summaries(chronology, reads, agency_names)
    for row, item in enumerate(rows, start=1):
        summary.write_string(row, 0, item.name)
        summary.write_number(row, 1, item.events)
        for column, day in ((2, item.first), (3, item.last)):
            if day:
                summary.write_datetime(row, column, dt.datetime.combine(day, dt.time()), date_cell)
        for column, value in ((4, item.seen), (5, item.not_seen), (6, item.unknown), (7, item.problems)):
            summary.write_number(row, column, value)
    total = chronology.voice.get("all")
    last = len(rows) + 1
    summary.write_string(last, 0, "All agencies", heading)
    summary.write_number(last, 1, len(chronology.events), heading)
    if total:
        for column, value in ((4, total.seen), (5, total.not_seen), (6, total.unknown)):
            summary.write_number(last, column, value, heading)
    summary.write_number(last, 7, sum(len(read.problems) for read in reads), heading)
    workbook.close()


def docx_bytes(chronology: IntegratedChronology, agency_names: dict[str, str], title: str) -> bytes:
    """The chronology as a landscape Word table, for the overview report (14.1.1)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.size = Pt(8)
    document.add_heading(title, level=1)
    headings = [column.heading for column in columns()]
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    for item in chronology.events:
        event = item.event
        values = (
            str(item.number),
            event.date.display(),
            event.time.strftime("%H:%M") if event.time else "",
            item.age,
            event.family_member,
            _SEEN[event.child_seen],
            event.event,
            event.source or agency_names.get(event.agency, event.agency),
            event.action,
            event.note,
        )
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    properties = document.core_properties
    properties.title = title
    properties.author = "scrkit"
    latest = max((item.event.date.date for item in chronology.events), default=dt.date(2000, 1, 1))
    properties.created = properties.modified = dt.datetime.combine(latest, dt.time(), tzinfo=dt.UTC)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
