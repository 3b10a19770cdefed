"""Writing the integrated chronology: a workbook for the panel, and a Word table for the report.

The Chronology sheet has the Appendix 7 columns first, in order, then where each event came
from and its flags; dates are real dates shown dd/mm/yyyy; text wraps; the header is frozen
and filtered; each agency's rows have their own shade. Every text cell is written as text,
so an event that starts with ``=``, ``+``, ``-`` or ``@`` can never become a formula. The
same inputs give the same bytes: the workbook's dates come from the chronology, not the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from scrkit.chronology.headings import columns
from scrkit.chronology.merge import IntegratedChronology, IntegratedEvent
from scrkit.chronology.reading import ReadReturn

_SEEN = {True: "Y", False: "N", None: ""}
AGENCY_SHADES = ("FFFFFF", "EAF1FB", "FDF2E6", "EAF6EC", "F4ECF7", "FEF9E3", "E8F6F8", "F9EBEA", "EEEEEE")
# The Chronology sheet: the Appendix 7 columns with the agency beside the date (the overview author
# must see who recorded each event), then what the merge adds, then where each event came from.
CHRONOLOGY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("event_no", 6), ("date", 10.5), ("time", 6), ("Agency", 16), ("age", 9), ("family_member", 8),
    ("child_seen", 10), ("event", 50), ("source", 13), ("action", 24), ("note", 18),
    ("Other information", 22), ("Flags", 24), ("Possible duplicate of", 10), ("Date as written", 16),
    ("Source file", 20), ("Source row", 7), ("Agency's event no", 10),
)  # fmt: skip
PRINTED_COLUMNS = 13  # to Flags: where each event came from stays in the sheet, not on paper
UNDATED_HEADING = "Undated events: the date in the return could not be read (see the Issues sheet)"
SUMMARY_HEADINGS = ("Agency", "Events", "First event", "Last event", "Child seen (Y)", "Not seen (N)",
                    "Not recorded", "Problems in return")  # fmt: skip


def _heading(key: str) -> str:
    return next((column.heading for column in columns() if column.key == key), key)


def other_information(item: IntegratedEvent) -> str:
    """The return's columns outside App 7, each as 'Heading: value', one per line."""
    lines = [f"{heading}: {value}" for heading, value in item.event.other]
    if item.event.agency_age and item.event.agency_age != item.age:
        lines.append(f"Age as the agency wrote it: {item.event.agency_age}")
    if item.family and item.family != item.event.family_member:
        lines.append(f"Family member as written: {item.event.family_member}")
    return "\n".join(lines)


def date_as_written(item: IntegratedEvent) -> str | None:
    date = item.event.date
    return date.original if date.original and date.original != date.display() else None


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
        problems[read.agency or read.path.name] = problems.get(read.agency or read.path.name, 0) + read.problem_count
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
                first=min((i.event.date.date for i in items if i.event.date.date), default=None),
                last=max((i.event.date.date for i in items if i.event.date.date), default=None),
                seen=voice.seen if voice else 0,
                not_seen=voice.not_seen if voice else 0,
                unknown=voice.unknown if voice else 0,
                problems=problems.get(agency, 0),
            )
        )
    return found


def _fixed_moment(chronology: IntegratedChronology) -> dt.datetime:
    """A fixed creation date (the latest event): the same inputs give the same file."""
    latest = max((item.event.date.date for item in chronology.dated if item.event.date.date), default=None)
    return dt.datetime.combine(latest or dt.date(2000, 1, 1), dt.time())


def write_workbook(
    target: Path,
    chronology: IntegratedChronology,
    reads: list[ReadReturn],
    agency_names: dict[str, str],
    title: str,
    reference: str = "",
) -> None:
    """Write the workbook to ``target``, streaming its rows."""
    from scrkit.chronology.xlsx_stream import CellStyle, Sheet, WorkbookWriter, header_footer_text

    writer = WorkbookWriter(target, title, "scrkit", _fixed_moment(chronology))
    styles = writer.styles
    heading = styles.add(CellStyle(fill="D9D9D9", bold=True, wrap=True))
    section = styles.add(CellStyle(fill="D9D9D9", bold=True))
    agencies = list(agency_names) + sorted({i.event.agency for i in chronology.events} - set(agency_names))
    shades = {
        agency: (
            styles.add(CellStyle(fill=colour, wrap=True)),
            styles.add(CellStyle(fill=colour, number_format="dd/mm/yyyy")),
            styles.add(CellStyle(fill=colour, number_format="hh:mm")),
        )
        for agency, colour in (
            (agency, AGENCY_SHADES[position % len(AGENCY_SHADES)]) for position, agency in enumerate(agencies)
        )
    }
    plain = styles.add(CellStyle(border=False, wrap=True))
    plain_date = styles.add(CellStyle(border=False, number_format="dd/mm/yyyy"))
    bold = styles.add(CellStyle(border=False, bold=True))
    headings = [_heading(key) for key, _ in CHRONOLOGY_COLUMNS]
    widths = [width for _, width in CHRONOLOGY_COLUMNS]
    # Printed on every page: CONFIDENTIAL and the review's reference, the page and the number of pages.
    printed_header = f'&L&"-,Bold"CONFIDENTIAL&C{header_footer_text(title)}'
    printed_footer = f"&LCONFIDENTIAL  {header_footer_text(reference)}&CPage &P of &N&R&A"

    def event_row(item: IntegratedEvent) -> list[tuple[object, int]]:
        event = item.event
        text, date_style, time_style = shades[event.agency]
        exact = event.date.exact
        return [
            (item.number, text),
            (event.date.date if exact else event.date.display(), date_style if exact else text),
            (event.time, time_style),
            (agency_names.get(event.agency, event.agency), text),
            (item.age, text),
            (item.family or event.family_member, text),
            (_SEEN[event.child_seen], text),
            (event.event, text),
            (event.source, text),
            (event.action, text),
            (event.note, text),
            (other_information(item), text),
            ("; ".join(item.flags), text),
            (item.duplicate_of, text),
            (date_as_written(item), text),
            (event.source_file, text),
            (event.source_row, text),
            (event.agency_event_no, text),
        ]

    def chronology_rows():  # noqa: ANN202
        yield [(text, heading) for text in headings]
        undated_started = False
        for item in chronology.events:
            if item.event.date.date is None and not undated_started:
                undated_started = True
                yield [(UNDATED_HEADING, section)]
            yield event_row(item)

    def issue_rows():  # noqa: ANN202
        yield [(text, heading) for text in ("File", "Sheet", "Row", "Column", "Value", "Kind", "Problem or note")]
        for read in reads:
            for problem in read.problems:
                yield [
                    (problem.file, plain),
                    (problem.sheet, plain),
                    (problem.row, plain),
                    (problem.column, plain),
                    (problem.value, plain),
                    ("note" if problem.note else "problem", plain),
                    (problem.reason, plain),
                ]
        for gap in chronology.gaps:
            message = (
                f"No agency contact for {gap.days} days, from {gap.start:%d/%m/%Y} (after event {gap.after}) "
                f"to {gap.end:%d/%m/%Y}"
            )
            yield [("(all returns)", plain), (None, plain), (None, plain), (None, plain), (None, plain),
                   ("gap", plain), (message, plain)]  # fmt: skip

    def summary_rows():  # noqa: ANN202
        yield [(text, heading) for text in SUMMARY_HEADINGS]
        for item in summaries(chronology, reads, agency_names):
            yield [
                (item.name, plain),
                (item.events, plain),
                (item.first, plain_date),
                (item.last, plain_date),
                (item.seen, plain),
                (item.not_seen, plain),
                (item.unknown, plain),
                (item.problems, plain),
            ]
        total = chronology.voice.get("all")
        yield [
            ("All agencies", bold),
            (len(chronology.events), bold),
            (None, bold),
            (None, bold),
            (total.seen if total else 0, bold),
            (total.not_seen if total else 0, bold),
            (total.unknown if total else 0, bold),
            (sum(read.problem_count for read in reads), bold),
        ]

    writer.write(
        [
            Sheet(
                "Chronology",
                widths,
                chronology_rows(),
                autofilter=True,
                header=printed_header,
                footer=printed_footer,
                print_columns=PRINTED_COLUMNS,
            ),  # fmt: skip
            Sheet("Issues", (26, 12, 6, 20, 26, 8, 70), issue_rows(), header=printed_header, footer=printed_footer),
            Sheet("Summary", (40,) + (14,) * 7, summary_rows(), header=printed_header, footer=printed_footer),
        ]
    )


# The Word table: App 7's columns for the overview report (14.1.1), with the agency and the flags.
# Widths in centimetres on A4 landscape with 1.27 cm margins (27.16 cm of text width): Event widest.
WORD_COLUMNS: tuple[tuple[str, float], ...] = (
    ("No", 0.9), ("Date", 2.0), ("Time", 1.2), ("Agency", 2.3), ("Age of child", 1.6), ("Family member", 1.7),
    ("Child seen (Y/N)", 1.3), ("Event", 7.0), ("Source", 1.8), ("Action taken", 3.0),
    ("Note and other information", 2.4), ("Flags", 1.9),
)  # fmt: skip


def docx_bytes(
    chronology: IntegratedChronology, agency_names: dict[str, str], title: str, reference: str = ""
) -> bytes:
    """The chronology as a landscape A4 Word table, for the overview report (14.1.1)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    from scrkit.office.word import (
        confidential_a4_landscape,
        document_bytes,
        keep_rows_whole,
        repeat_as_header,
        set_fixed_widths,
    )

    document = Document()
    confidential_a4_landscape(document, 8, title, f"{reference}    ")
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(WORD_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, (text, _) in zip(table.rows[0].cells, WORD_COLUMNS, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat_as_header(table.rows[0])
    undated_started = False
    for item in chronology.events:
        event = item.event
        if event.date.date is None and not undated_started:
            undated_started = True
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = UNDATED_HEADING
            merged.paragraphs[0].runs[0].bold = True
        written = date_as_written(item)
        notes = "\n".join(part for part in (event.note, other_information(item)) if part)
        values = (
            str(item.number),
            event.date.display() + (f"\n(written: {written})" if written else ""),
            event.time.strftime("%H:%M") if event.time else "",
            agency_names.get(event.agency, event.agency),
            item.age,
            item.family or event.family_member,
            _SEEN[event.child_seen],
            event.event,
            event.source,
            event.action,
            notes,
            "; ".join(item.flags),
        )
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    set_fixed_widths(table, [Cm(width) for _, width in WORD_COLUMNS])
    keep_rows_whole(table)
    properties = document.core_properties
    properties.title = title
    properties.author = "scrkit"
    properties.created = properties.modified = _fixed_moment(chronology).replace(tzinfo=dt.UTC)
    return document_bytes(document)
