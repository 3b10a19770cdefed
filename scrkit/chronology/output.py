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
AGENCY_SHADES = ("FFFFFF", "EAF1FB", "FDF2E6", "EAF6EC", "F4ECF7", "FEF9E3", "E8F6F8", "F9EBEA", "EEEEEE")
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
SUMMARY_HEADINGS = ("Agency", "Events", "First event", "Last event", "Child seen (Y)", "Not seen (N)",
                    "Not recorded", "Problems in return")  # fmt: skip


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
    """Write the workbook to ``target``, streaming its rows."""
    from scrkit.chronology.xlsx_stream import CellStyle, Sheet, WorkbookWriter

    latest = max((item.event.date.date for item in chronology.events), default=dt.date(2000, 1, 1))
    # A fixed creation date (the latest event) makes the same inputs give the same file.
    writer = WorkbookWriter(target, title, "scrkit", dt.datetime.combine(latest, dt.time()))
    styles = writer.styles
    heading = styles.add(CellStyle(fill="D9D9D9", bold=True, wrap=True))
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
    plain = styles.add(CellStyle(border=False))
    plain_date = styles.add(CellStyle(border=False, number_format="dd/mm/yyyy"))
    bold = styles.add(CellStyle(border=False, bold=True))
    headings = [column.heading for column in columns()] + list(EXTRA_HEADINGS)

    def chronology_rows():  # noqa: ANN202
        yield [(text, heading) for text in headings]
        for item in chronology.events:
            event = item.event
            text, date_style, time_style = shades[event.agency]
            exact = event.date.precision is Precision.DAY and not event.date.uncertain
            yield [
                (item.number, text),
                (event.date.date if exact else event.date.display(), date_style if exact else text),
                (event.time, time_style),
                (item.age, text),
                (event.family_member, text),
                (_SEEN[event.child_seen], text),
                (event.event, text),
                (event.source or agency_names.get(event.agency, event.agency), text),
                (event.action, text),
                (event.note, text),
                (agency_names.get(event.agency, event.agency), text),
                (event.source_file, text),
                (event.source_row, text),
                (event.agency_event_no, text),
                (event.date.original if event.date.original != event.date.display() else None, text),
                ("; ".join(item.flags), text),
                (item.duplicate_of, text),
            ]

    def issue_rows():  # noqa: ANN202
        yield [(text, heading) for text in ("File", "Sheet", "Row", "Column", "Value", "Problem")]
        for read in reads:
            for problem in read.problems:
                yield [
                    (problem.file, plain),
                    (problem.sheet, plain),
                    (problem.row, plain),
                    (problem.column, plain),
                    (problem.value, plain),
                    (problem.reason, plain),
                ]
        for gap in chronology.gaps:
            message = (
                f"No agency contact for {gap.days} days, from {gap.start:%d/%m/%Y} (after event {gap.after}) "
                f"to {gap.end:%d/%m/%Y}"
            )
            yield [
                ("(all returns)", plain),
                (None, plain),
                (None, plain),
                (None, plain),
                (None, plain),
                (message, plain),
            ]

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
            (sum(len(read.problems) for read in reads), bold),
        ]

    writer.write(
        [
            Sheet("Chronology", WIDTHS, chronology_rows(), autofilter=True),
            Sheet("Issues", (30, 14, 7, 24, 30, 70), issue_rows()),
            Sheet("Summary", (40,) + (14,) * 7, summary_rows()),
        ]
    )


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
