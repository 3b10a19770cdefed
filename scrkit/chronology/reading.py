"""Reading agencies' chronology returns as they really arrive (App 7; App 14 2.4).

A return is an .xlsx workbook or a .csv file. Headings are matched to the Appendix 7 columns
(``headings``); the heading row may sit below a few lines of preamble (the agency's name, the
period); every visible sheet with a heading row is read. No event is left out silently: only a
truly empty row is skipped. A row whose date cannot be read is kept (``Precision.UNDATED``), a day
and month with no year is given the year the rows around it or the period under review make
certain, a row with no event text is kept, and every column outside App 7 travels with its
event ("Other information"). Everything that needed a person's eye is reported with the file,
sheet, row, column, value and reason: a problem, or a note where scrkit read it and says how.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrkit.chronology.agency_names import AgencyMatch, AgencyNames
from scrkit.chronology.headings import Header, HeadingIndex, columns, find_header, normalise_heading
from scrkit.chronology.safety import MAX_COLUMNS, MAX_ROWS, UnsafeReturn, check_workbook
from scrkit.chronology.values import ValueProblem, parse_event_time, parse_yes_no
from scrkit.chronology.written_dates import EventDate, NoYear, parse_when, undated
from scrkit.chronology.xlsx_stream import column_letter
from scrkit.office.archive import MAX_FILE_BYTES

HEADER_SEARCH_ROWS = 25
_PLAIN_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(:\d{2})?$")
# Text returns: comma or semicolon separated (.csv), or Excel's "Unicode text" (.txt, tab separated).
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
# Sheets of scrkit's own App 7 template that hold no events.
TEMPLATE_SHEETS = frozenset({"instructions", "lists"})


@dataclass(slots=True)
class ReturnedEvent:
    """One row of one agency's return, as read."""

    agency: str
    source_file: str
    sheet: str
    source_row: int
    agency_event_no: str
    date: EventDate
    time: dt.time | None
    family_member: str
    child_seen: bool | None
    event: str
    source: str
    action: str
    note: str
    agency_age: str = ""
    other: tuple[tuple[str, str], ...] = ()  # every other heading of the row, with its value, as written


EXCEL_CELL_LIMIT = 32_767  # the most characters Excel holds in a cell
CELL_KEPT = 32_000  # what is kept of a longer text, with room for the marker saying so


@dataclass(frozen=True)
class ReturnProblem:
    file: str
    sheet: str
    row: int | None
    column: str
    value: str
    reason: str
    note: bool = False  # read, and said how: for a person to check, not a fault in the return

    def __str__(self) -> str:
        where = ("note: " if self.note else "") + self.file + (f", sheet '{self.sheet}'" if self.sheet else "")
        if self.row:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        value = f" ('{self.value}')" if self.value else ""
        return f"{where}{value}: {self.reason}"


@dataclass
class ReadReturn:
    path: Path
    agency: str | None
    sheet: str = ""
    events: list[ReturnedEvent] = field(default_factory=list)
    problems: list[ReturnProblem] = field(default_factory=list)  # notes included (ReturnProblem.note)
    readable: bool = True
    agency_match: AgencyMatch | None = None

    @property
    def problem_count(self) -> int:
        return sum(1 for problem in self.problems if not problem.note)


# Control characters pasted from Word or a case system: a vertical tab is Word's line break; the
# others (NUL and the like) cannot be written into Word or Excel at all, so they are dropped here.
_CONTROLS = {code: None for code in (*range(0x00, 0x09), 0x0C, *range(0x0E, 0x20), 0x7F)} | {0x0B: "\n"}


def _text(value: Any) -> str:
    if type(value) is str:  # most cells: printable text needs only its ends trimmed
        return value.strip() if value.isprintable() else value.translate(_CONTROLS).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value).translate(_CONTROLS).strip()


@dataclass(frozen=True)
class SheetRows:
    name: str
    rows: list[list[Any]]
    hidden: bool = False
    notes: list[str] = field(default_factory=list)  # what reading it did that a person should know


def load_rows(
    path: Path, looks_like_header: Callable[[list[list[Any]]], bool] | None = None
) -> tuple[list[SheetRows], bool]:
    """Every sheet's rows (the CSV's, or a Word return's tables), and whether the workbook counts dates
    from 1904. ``looks_like_header`` tells a Word table that starts a chronology from its continuation.
    The reading runs in a child process with limits on memory and time (``scrkit.office.contained``)."""
    from scrkit.office.contained import MEMORY_BYTES, contained

    def refusal(why: str) -> UnsafeReturn:
        return UnsafeReturn(
            f"{path.name} could not be read safely: {why}. It was not merged.",
            hint=f"A chronology return needs far less than {MEMORY_BYTES // 2**20:,} MB; ask the agency to "
            "save it again as a plain .xlsx from Excel and resend it.",
        )

    return contained(lambda: _load_rows_here(path, looks_like_header), refusal)


def _load_rows_here(
    path: Path, looks_like_header: Callable[[list[list[Any]]], bool] | None
) -> tuple[list[SheetRows], bool]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from scrkit.chronology.word_returns import word_tables

        return word_tables(path, looks_like_header or (lambda rows: True)), False
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise UnsafeReturn(
            f"{path.name}: scrkit reads .xlsx, .docx, .csv and .txt returns only ({suffix} files can carry macros "
            "or are an old format).",
            hint="Ask the agency to save the return as .xlsx (Excel Workbook) and send it again.",
        )
    if suffix in TEXT_SUFFIXES:
        return [SheetRows("", _csv_rows(path))], False
    if suffix != ".xlsx":
        raise UnsafeReturn(
            f"{path.name} is not a chronology return scrkit can read: it reads .xlsx workbooks, .docx tables and "
            ".csv or .txt text files.",
            hint="Ask the agency for the return as an Excel workbook (.xlsx) or a Word document (.docx).",
        )
    facts = check_workbook(path)
    if facts.has_macros:
        raise UnsafeReturn(f"{path.name} contains macros; scrkit will not open it. Ask for a plain .xlsx.")
    if facts.has_external_links:
        raise UnsafeReturn(
            f"{path.name} links to other workbooks (external links), which can reach outside the file; "
            "scrkit will not open it.",
            hint="Ask the agency to replace the links with values (Data > Edit Links > Break Link) and resend.",
        )
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in workbook.sheets_metadata:
            sheet = workbook.get_sheet_by_name(meta.name)
            if sheet.total_height > MAX_ROWS:
                raise UnsafeReturn(f"{path.name}: sheet '{meta.name}' has more than {MAX_ROWS:,} rows.")
            rows = [list(row[:MAX_COLUMNS]) for row in sheet.iter_rows()]
            sheets.append(SheetRows(meta.name, rows, hidden=meta.visible != SheetVisibleEnum.Visible))
    except UnsafeReturn:
        raise
    except Exception as error:  # noqa: BLE001 - the reader's own errors name no file; ours do
        raise UnsafeReturn(f"{path.name} could not be read as a workbook: {error}") from None
    return sheets, facts.date1904


def _csv_rows(path: Path) -> list[list[Any]]:
    size = path.stat().st_size
    if size == 0:
        raise UnsafeReturn(f"{path.name} is empty (0 bytes).")
    if size > MAX_FILE_BYTES:
        raise UnsafeReturn(f"{path.name} is {size / 1e6:.0f} MB, far larger than any chronology return.")
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16, tab-separated
        text = raw.decode("utf-16", errors="replace")
    else:
        # A stray NUL pasted from another program is dropped; a file full of them is not text at all.
        if raw.count(b"\x00") > max(8, len(raw) // 100):
            raise UnsafeReturn(f"{path.name} is not a text (CSV) file.")
        raw = raw.replace(b"\x00", b"")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # Excel on Windows saves CSV in this encoding
    # The separator is the one the first lines use most (a title line above the headings may hold a ';'
    # and no comma): Excel writes ';' where the decimal mark is ',', and tabs in "Unicode text".
    first_lines = text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    delimiter = max(",;\t", key=lambda mark: sum(line.count(mark) for line in first_lines))
    rows = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if number > MAX_ROWS:
                raise UnsafeReturn(f"{path.name} has more than {MAX_ROWS:,} rows.")
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as error:
        raise UnsafeReturn(f"{path.name} cannot be read as a CSV file: {error}.") from None
    return rows


@dataclass(frozen=True)
class ReadingContext:
    """What reading a return needs to know about the review."""

    agencies: AgencyNames
    headings: HeadingIndex
    today: dt.date
    period_start: dt.date | None = None  # the terms of reference's period: years for a day and month
    period_end: dt.date | None = None


def read_return(path: Path, context: ReadingContext, agency: str | None = None) -> ReadReturn:
    """Read one return: every sheet with a heading row, every non-empty row, every problem at once."""

    def starts_a_chronology(rows: list[list[Any]]) -> bool:
        return find_header(rows, context.headings, _text, HEADER_SEARCH_ROWS)[0] is not None

    try:
        sheets, date1904 = load_rows(path, starts_a_chronology)
    except UnsafeReturn as error:
        result = ReadReturn(path=path, agency=agency, readable=False)
        result.problems.append(ReturnProblem(path.name, "", None, "", "", error.message))
        return result
    result = ReadReturn(path=path, agency=agency)
    read_sheets = []
    unread: list[tuple[SheetRows, Header | None]] = []
    likeliest: Header | None = None
    for sheet in sheets:
        header, likely = find_header(sheet.rows, context.headings, _text, HEADER_SEARCH_ROWS)
        if header is None:
            if likely is not None and (likeliest is None or len(likely.keys) > len(likeliest.keys)):
                likeliest = likely
            unread.append((sheet, likely))
            continue
        if sheet.hidden:  # a stale draft, or events someone hid: a person decides, scrkit does not guess
            filled = _filled_rows(sheet.rows[header.row + 1 :])
            hidden = (f"this sheet is hidden in the workbook and has {filled} row(s) under a chronology heading "
                      "row; they were not merged. If they belong in the chronology, unhide the sheet and merge "
                      "again")  # fmt: skip
            result.problems.append(ReturnProblem(path.name, sheet.name, None, "", "", hidden))
            continue
        read_sheets.append(sheet.name)
        result.sheet = result.sheet or sheet.name
        for note in sheet.notes:
            result.problems.append(ReturnProblem(path.name, sheet.name, None, "", "", note, note=True))
        _read_rows(result, sheet.name, sheet.rows, header, date1904, context)
    if not read_sheets:
        result.readable = False
        result.problems.append(ReturnProblem(path.name, "", None, "", "", _no_header_message(likeliest)))
    else:  # another sheet was read: say what each unread one holds
        for sheet, likely in unread:
            _unread_sheet(result, sheet, likely)
    result.agency_match = _find_agency(path, sheets, result, context.agencies, agency)
    if result.agency_match is None:
        result.readable = False
        result.problems.append(ReturnProblem(path.name, result.sheet, None, "", "",
                                             _unknown_agency_message(path, context.agencies)))  # fmt: skip
    else:
        result.agency = result.agency_match.agency
        for event in result.events:
            event.agency = result.agency
        if result.agency_match.score < 100:
            match = result.agency_match
            result.problems.append(ReturnProblem(
                path.name, "", None, "", "",
                f"read as the return of {context.agencies.names[match.agency]}: its {match.where} is close to "
                f"'{match.form}' (score {match.score:g}); if that is wrong, rename the file to start with the "
                "agency's id", note=True))  # fmt: skip
    return result


def _no_header_message(likeliest: Header | None) -> str:
    wanted = [column.heading for column in columns() if column.required]
    if likeliest is None:
        return (f"no heading row was found: no row in the first {HEADER_SEARCH_ROWS} of any sheet has headings "
                f"scrkit knows; it needs at least {' and '.join(wanted)}")  # fmt: skip
    found = set(likeliest.keys.values())
    missing = [column.heading for column in columns() if column.key not in found and column.required]
    seen = ", ".join(f"'{heading}'" for heading in likeliest.headings.values())
    return (f"no heading row with the Appendix 7 columns was found. The likeliest, row {likeliest.row + 1}, has "
            f"{seen}; not found: {', '.join(missing)}. Rename the heading in the return, or add its wording to "
            "chronology-headings.yaml in the review's templates folder")  # fmt: skip


def _filled_rows(rows: list[list[Any]]) -> int:
    return sum(1 for row in rows if any(_text(cell) for cell in row))


def _unread_sheet(result: ReadReturn, sheet: SheetRows, likely: Header | None) -> None:
    """A sheet with no heading row: said, never passed over silently (but scrkit's own template sheets)."""
    filled = _filled_rows(sheet.rows)
    if not filled or sheet.name.strip().lower() in TEMPLATE_SHEETS:
        return
    if sheet.hidden and likely is None:
        return  # a hidden helper sheet (drop-down lists and the like) with nothing like a chronology
    looks_like_events = likely is not None and "date" in likely.keys.values()
    reason = f"this sheet has {filled} filled row(s) but no heading row with Date and Event; it was not read"
    result.problems.append(ReturnProblem(result.path.name, sheet.name, None, "", "", reason,
                                         note=not looks_like_events))  # fmt: skip


def _find_agency(
    path: Path, sheets: list[SheetRows], result: ReadReturn, names: AgencyNames, given: str | None
) -> AgencyMatch | None:
    if given is not None:
        return AgencyMatch(given, 100.0, given, "command line")
    for sheet in sheets:  # the template's first rows say `Agency: <name>`; a return may keep them
        for row in sheet.rows[:HEADER_SEARCH_ROWS]:
            cells = [_text(cell) for cell in row[:6]]
            for position, cell in enumerate(cells):
                label, _, rest = cell.partition(":")
                value = rest.strip() if rest.strip() else (cells[position + 1] if position + 1 < len(cells) else "")
                if normalise_heading(label) in ("agency", "agency name", "agency id", "organisation") and value:
                    found = names.find(value, "Agency line")
                    if found:
                        return found
    found = names.find(path.stem, "file name")
    if found:
        return found
    return names.from_sources(event.source for event in result.events)


def _unknown_agency_message(path: Path, names: AgencyNames) -> str:
    if not names.forms:
        return ("cannot tell which agency sent this return: this review has no agencies in agencies.yaml yet. "
                "Add the agencies first, then merge again")  # fmt: skip
    could = names.suggestions(path.stem)
    return (
        "cannot tell which agency sent this return"
        + (f" (closest: {could})" if could else "")
        + ". Rename the file to start with the agency's id (one of: "
        + ", ".join(names.forms)
        + "), keep the template's 'Agency' line, or give the agency this name with "
        + f'`scrkit agencies alias ID "{path.stem}"`'
    )


def _read_rows(
    result: ReadReturn, sheet: str, rows: list[list[Any]], header: Header, date1904: bool, context: ReadingContext
) -> None:
    name = result.path.name
    heading_row = header.row + 1

    def note(reason: str, column: str = "", row: int | None = heading_row, value: str = "") -> None:
        result.problems.append(ReturnProblem(name, sheet, row, column, value, reason, note=True))

    for heading, key, score, wording in header.close:
        note(f"heading read as '{_heading_of(key)}' (close to '{wording}', score {score:g})", heading)
    for heading, keys in header.combined:
        note("heading read as " + " and ".join(f"'{_heading_of(key)}'" for key in keys), heading)
    for heading in header.extra.values():
        note("not an Appendix 7 column: its values are kept with each event, under Other information", heading)
    present = set(header.keys.values()) | header.covered
    missing = [column.heading for column in columns() if column.key not in present]
    if missing:
        note("Appendix 7 columns not in the return: " + ", ".join(f"'{heading}'" for heading in missing))
    position_of = {key: position for position, key in header.keys.items()}
    heading_texts = [_text(cell) for cell in rows[header.row]]
    first_event = len(result.events)
    pending: list[tuple[int, NoYear]] = []  # events whose date has a day and month but no year
    number_position = position_of.get("event_no")
    numbered_only: list[int] = []

    def cell(row: list[Any], key: str) -> Any:
        position = position_of.get(key)
        return row[position] if position is not None and position < len(row) else None

    def text_of(texts: list[str], key: str) -> str:
        position = position_of.get(key)
        return texts[position] if position is not None and position < len(texts) else ""

    for offset, row in enumerate(rows[header.row + 1 :], start=header.row + 2):
        texts = [_text(value) for value in row]
        if not any(texts):
            continue  # only a truly empty row is skipped
        if number_position is not None and not any(t for p, t in enumerate(texts) if p != number_position):
            numbered_only.append(offset)  # a template's rows numbered in advance, nothing else in them
            continue
        if texts[0] == heading_texts[0] and texts == heading_texts[: len(texts)]:
            note("the heading row again (a return pasted from several exports); skipped", row=offset)
            continue

        def problem(key: str, value: Any, reason: str, row_number: int = offset) -> None:
            result.problems.append(ReturnProblem(name, sheet, row_number, _heading_of(key), _text(value)[:80], reason))

        # Excel holds at most 32,767 characters in a cell: a longer text would be cut short in the
        # integrated chronology without a word. It is kept to the limit, marked, and the row named.
        for position, text in enumerate(texts):
            if len(text) > EXCEL_CELL_LIMIT:
                marker = f" [... {len(text) - CELL_KEPT:,} more characters in {name}, row {offset}]"
                texts[position] = text[:CELL_KEPT] + marker
                field = next((known for known, at in position_of.items() if at == position), None)
                letter = f"Column {column_letter(position)}"
                heading = _heading_of(field) if field else header.extra.get(position) or letter
                result.problems.append(ReturnProblem(
                    name, sheet, offset, heading,
                    text[:80], f"the cell holds {len(text):,} characters and Excel holds at most "
                    f"{EXCEL_CELL_LIMIT:,}: the first {CELL_KEPT:,} are merged, marked; split the text over rows",
                ))  # fmt: skip

        other: list[tuple[str, str]] = []
        raw_date = cell(row, "date")
        date: EventDate
        try:
            found, date_time = parse_when(raw_date, date1904=date1904, today=context.today)
        except ValueProblem as error:
            found, date_time = undated(_text(raw_date)), None
            problem("date", raw_date, f"{error}; the event is kept, under Undated events")
        if found is None:
            found = undated("")
            problem("date", "", "the row has no date; the event is kept, under Undated events")
        if isinstance(found, NoYear):
            pending.append((len(result.events), found))
            date = undated(found.original)  # until its year is found
        else:
            date = found
        event = text_of(texts, "event")
        if not event:
            problem("event", "", "the row has no event text (text typed starting with '=' is taken by Excel for a "
                    "formula); the row is kept: check the return")  # fmt: skip
        raw_time, time_text = cell(row, "time"), text_of(texts, "time")
        try:
            time = parse_event_time(raw_time) if time_text else date_time
            if isinstance(raw_time, str) and time_text and not _PLAIN_TIME.match(time_text):
                other.append(("Time as written", time_text))  # "14:00-15:00", "approx 2pm": all of it kept
        except ValueProblem as error:
            note(f"{error}; kept under Other information", _heading_of("time"), offset, time_text[:80])
            other.append(("Time as written", time_text))
            time = date_time
        raw_seen = cell(row, "child_seen")
        try:
            seen = parse_yes_no(raw_seen)
        except ValueProblem as error:
            problem("child_seen", raw_seen, f"{error}; kept as unknown, the text under Other information")
            other.append(("Child seen as written", _text(raw_seen)))
            seen = None
        for position, text in enumerate(texts):
            if text and position not in header.keys:
                other.append((header.extra.get(position) or f"Column {column_letter(position)}", text))
        result.events.append(
            ReturnedEvent(
                agency=result.agency or "",
                source_file=name,
                sheet=sheet,
                source_row=offset,
                agency_event_no=text_of(texts, "event_no"),
                date=date,
                time=time,
                family_member=text_of(texts, "family_member"),
                child_seen=seen,
                event=event,
                source=text_of(texts, "source"),
                action=text_of(texts, "action"),
                note=text_of(texts, "note"),
                agency_age=text_of(texts, "age"),
                other=tuple(other),
            )
        )
    if numbered_only:
        note(f"{len(numbered_only)} row(s) hold an Event No and nothing else (rows {_spans(numbered_only)}): "
             "skipped as empty", _heading_of("event_no"))  # fmt: skip
    _complete_years(result, first_event, pending, context)


def _spans(rows: list[int]) -> str:
    """5, 6, 7, 9 -> '5-7, 9'."""
    spans: list[list[int]] = []
    for row in rows:
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(f"{first}-{last}" if last > first else str(first) for first, last in spans)


def _complete_years(result: ReadReturn, first: int, pending: list[tuple[int, NoYear]], context: ReadingContext) -> None:
    """Give a day and month written without a year the one year that the rows around it, or the period
    under review, leave possible; else keep it under Undated events and say so."""
    events = result.events
    # The dated row nearest after each row of this sheet, in one pass back; the nearest before, in the pass
    # forward that completes them (a day and month completed counts as dated for those after it).
    after_of: list[dt.date | None] = []
    last: dt.date | None = None
    for event in reversed(events[first:]):
        after_of.append(last)
        last = event.date.date or last
    after_of.reverse()
    waiting = dict(pending)
    before: dt.date | None = None
    for index in range(first, len(events)):
        no_year = waiting.get(index)
        if no_year is None:
            before = events[index].date.date or before
            continue
        after = after_of[index - first]
        completed = _infer_year(no_year, before, after, context.period_start, context.period_end)
        event = events[index]
        if completed is None:
            result.problems.append(ReturnProblem(
                result.path.name, event.sheet, event.source_row, _heading_of("date"), no_year.original[:80],
                "a day and month with no year, and neither the rows around it nor the period under review tell "
                "the year; the event is kept, under Undated events: write the year in the return"))  # fmt: skip
            continue
        event.date = completed
        before = completed.date or before


def _infer_year(
    no_year: NoYear, before: dt.date | None, after: dt.date | None, start: dt.date | None, end: dt.date | None
) -> EventDate | None:
    def on(year: int) -> dt.date:
        return dt.date(year, no_year.month, no_year.day)

    def between(years: set[int], low: dt.date | None, high: dt.date | None) -> list[int]:
        return sorted(y for y in years if no_year.fits(y) and (low is None or on(y) >= low)
                      and (high is None or on(y) <= high))  # fmt: skip

    near = {d.year + step for d in (before, after) if d is not None for step in (-1, 0, 1)}
    if before is not None and after is not None and len(found := between(near, before, after)) == 1:
        return no_year.complete(found[0], "the rows around it")
    if start is not None and end is not None:
        inside = set(range(start.year, end.year + 1))
        if len(found := between(inside, start, end)) == 1:
            return no_year.complete(found[0], "the period under review")
        if (before or after) and len(found := between(inside & near, max(filter(None, (before, start))),
                                                    min(filter(None, (after, end))))) == 1:  # fmt: skip
            return no_year.complete(found[0], "the rows around it and the period under review")
        return None
    if before is not None and after is None:
        found = between(near, before, before + dt.timedelta(days=365))
        if len(found) == 1:
            return no_year.complete(found[0], "the row before it")
    if after is not None and before is None:
        found = between(near, after - dt.timedelta(days=365), after)
        if len(found) == 1:
            return no_year.complete(found[0], "the row after it")
    return None


def _heading_of(key: str) -> str:
    return next(column.heading for column in columns() if column.key == key)
