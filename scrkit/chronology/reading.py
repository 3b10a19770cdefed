"""Reading agencies' chronology returns as they really arrive.

A return is an .xlsx workbook or a .csv file. Headings are matched to the Appendix 7 columns
whatever their case, spacing, punctuation or common rewording; the heading row may sit below
a few lines of preamble (the agency's name, the period). Each row that cannot be read is
reported with the file, sheet, row, column, value and reason; the rest of the return is kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from scrkit.chronology.safety import MAX_COLUMNS, MAX_ROWS, UnsafeReturn, check_workbook
from scrkit.chronology.values import EventDate, ValueProblem, parse_event_date, parse_event_time, parse_yes_no
from scrkit.models.fields import Record, Text
from scrkit.office.archive import MAX_FILE_BYTES
from scrkit.records.yamlfile import read_document, to_plain
from scrkit.resources import DATA

HEADER_SEARCH_ROWS = 25
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class ColumnSpec(Record):
    key: Text
    heading: Text
    required: bool = False
    synonyms: list[Text] = []


class ColumnCatalogue(Record):
    columns: list[ColumnSpec]


@lru_cache(maxsize=1)
def columns() -> tuple[ColumnSpec, ...]:
    """The Appendix 7 columns in order (scrkit/data/chronology-columns.yaml)."""
    return tuple(ColumnCatalogue.model_validate(to_plain(read_document(DATA / "chronology-columns.yaml"))).columns)


def normalise_heading(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


@lru_cache(maxsize=1)
def _heading_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns():
        for form in (column.heading, column.key.replace("_", " "), *column.synonyms):
            index.setdefault(normalise_heading(form), column.key)
    return index


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


@dataclass(frozen=True)
class ReturnProblem:
    file: str
    sheet: str
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = self.file + (f", sheet '{self.sheet}'" if self.sheet else "")
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
    problems: list[ReturnProblem] = field(default_factory=list)
    readable: bool = True


# Control characters pasted from Word or a case system: a vertical tab is Word's line break; the
# others (NUL and the like) cannot be written into Word or Excel at all, so they are dropped here.
_CONTROLS = {code: None for code in (*range(0x00, 0x09), 0x0C, *range(0x0E, 0x20), 0x7F)} | {0x0B: "\n"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value).translate(_CONTROLS).strip()


def find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], list[str]] | None:
    """The heading row among the first rows: its index, column positions to keys, unknown headings."""
    index = _heading_index()
    best: tuple[int, dict[int, str], list[str]] | None = None
    for row_number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        unknown: list[str] = []
        for position, cell in enumerate(row[:MAX_COLUMNS]):
            heading = normalise_heading(_text(cell))
            if not heading:
                continue
            key = index.get(heading)
            if key and key not in mapping.values():
                mapping[position] = key
            else:
                unknown.append(_text(cell))
        if {"date", "event"} <= set(mapping.values()) and (best is None or len(mapping) > len(best[1])):
            best = (row_number, mapping, unknown)
    return best


def _agency_from_preamble(rows: list[list[Any]], agencies: dict[str, str]) -> str | None:
    """The template's first rows say `Agency: <name>`; a return may keep them."""
    by_name = {name.lower(): agency_id for agency_id, name in agencies.items()}
    for row in rows[:HEADER_SEARCH_ROWS]:
        cells = [_text(cell) for cell in row[:6]]
        for position, cell in enumerate(cells[:-1]):
            if normalise_heading(cell) in ("agency", "agency name", "agency id"):
                value = cells[position + 1].strip().lower()
                if value in agencies:
                    return value
                if value in by_name:
                    return by_name[value]
    return None


def agency_from_file_name(path: Path, agencies: dict[str, str]) -> str | None:
    stem = normalise_heading(path.stem)
    matches = [agency_id for agency_id in agencies if normalise_heading(agency_id) in stem]
    if not matches:
        matches = [agency_id for agency_id, name in agencies.items() if normalise_heading(name) in stem]
    return max(matches, key=len) if matches else None


def load_rows(path: Path) -> tuple[list[tuple[str, list[list[Any]]]], bool]:
    """The visible sheets' rows (or the CSV's), and whether the workbook counts dates from 1904."""
    suffix = path.suffix.lower()
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise UnsafeReturn(
            f"{path.name}: scrkit reads .xlsx and .csv returns only ({suffix} files can carry macros or are an "
            "old format).",
            hint="Ask the agency to save the return as .xlsx (Excel Workbook) and send it again.",
        )
    if suffix == ".csv":
        return [("", _csv_rows(path))], False
    if suffix != ".xlsx":
        raise UnsafeReturn(f"{path.name} is not a chronology return: scrkit reads .xlsx and .csv files.")
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
            if meta.visible != SheetVisibleEnum.Visible:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            if sheet.total_height > MAX_ROWS:
                raise UnsafeReturn(f"{path.name}: sheet '{meta.name}' has more than {MAX_ROWS:,} rows.")
            rows = [list(row[:MAX_COLUMNS]) for row in sheet.iter_rows()]
            sheets.append((meta.name, rows))
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
    # The heading line tells the separator: Excel writes ';' where the decimal mark is ','.
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    rows = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if number > MAX_ROWS:
                raise UnsafeReturn(f"{path.name} has more than {MAX_ROWS:,} rows.")
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as error:
        raise UnsafeReturn(f"{path.name} cannot be read as a CSV file: {error}.") from None
    return rows


def read_return(path: Path, agencies: dict[str, str], today: dt.date, agency: str | None = None) -> ReadReturn:
    """Read one return. ``agencies`` maps agency ids to names, to tell whose return it is."""
    try:
        sheets, date1904 = load_rows(path)
    except UnsafeReturn as error:
        result = ReadReturn(path=path, agency=agency, readable=False)
        result.problems.append(ReturnProblem(path.name, "", None, "", "", error.message))
        return result
    for sheet_name, rows in sheets:
        header = find_header(rows)
        if header is None:
            continue
        found_agency = agency or _agency_from_preamble(rows, agencies) or agency_from_file_name(path, agencies)
        result = ReadReturn(path=path, agency=found_agency, sheet=sheet_name)
        if found_agency is None:
            result.readable = False
            result.problems.append(
                ReturnProblem(
                    path.name,
                    sheet_name,
                    None,
                    "",
                    "",
                    "cannot tell which agency sent this return: put the agency's id in the file name "
                    f"(one of: {', '.join(agencies)}) or keep the template's 'Agency' line",
                )
            )
            return result
        _read_rows(result, rows, header, date1904, today)
        return result
    result = ReadReturn(path=path, agency=agency, readable=False)
    wanted = ", ".join(column.heading for column in columns() if column.required)
    result.problems.append(
        ReturnProblem(path.name, "", None, "", "", f"no heading row with the Appendix 7 columns ({wanted}) was found")
    )
    return result


def _read_rows(
    result: ReadReturn,
    rows: list[list[Any]],
    header: tuple[int, dict[int, str], list[str]],
    date1904: bool,
    today: dt.date,
) -> None:
    header_row, mapping, unknown = header
    name, sheet = result.path.name, result.sheet
    for heading in unknown:
        result.problems.append(
            ReturnProblem(
                name, sheet, header_row + 1, heading, "", "a column that is not in Appendix 7; it was ignored"
            )
        )
    present = set(mapping.values())
    for column in columns():
        if column.key not in present:
            result.problems.append(
                ReturnProblem(name, sheet, header_row + 1, column.heading, "", "this Appendix 7 column is missing")
            )
    headings = {column.key: column.heading for column in columns()}
    position_of = {key: position for position, key in mapping.items()}

    def cell(row: list[Any], key: str) -> Any:
        position = position_of.get(key)
        return row[position] if position is not None and position < len(row) else None

    agency = result.agency or ""
    for offset, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        if not any(_text(value) for value in row):
            continue  # blank rows are skipped

        def problem(key: str, value: Any, reason: str, row_number: int = offset) -> None:
            result.problems.append(ReturnProblem(name, sheet, row_number, headings[key], _text(value)[:80], reason))

        raw_date = cell(row, "date")
        try:
            date = parse_event_date(raw_date, date1904=date1904, today=today)
        except ValueProblem as error:
            problem("date", raw_date, f"{error}; the row was left out")
            continue
        if date is None:
            problem("date", "", "the row has no date; it was left out")
            continue
        event = _text(cell(row, "event"))
        if not event:
            problem(
                "event",
                "",
                "the row has no event text (text typed starting with '=' is taken by Excel for a formula); "
                "it was left out",
            )
            continue
        raw_time = cell(row, "time")
        try:
            time = parse_event_time(raw_time)
        except ValueProblem as error:
            problem("time", raw_time, f"{error}; kept without a time")
            time = None
        if time is None and isinstance(raw_date, dt.datetime) and raw_date.time() != dt.time(0, 0):
            time = raw_date.time().replace(second=0, microsecond=0)
        raw_seen = cell(row, "child_seen")
        try:
            seen = parse_yes_no(raw_seen)
        except ValueProblem as error:
            problem("child_seen", raw_seen, f"{error}; kept as unknown")
            seen = None
        result.events.append(
            ReturnedEvent(
                agency=agency,
                source_file=name,
                sheet=sheet,
                source_row=offset,
                agency_event_no=_text(cell(row, "event_no")),
                date=date,
                time=time,
                family_member=_text(cell(row, "family_member")),
                child_seen=seen,
                event=event,
                source=_text(cell(row, "source")),
                action=_text(cell(row, "action")),
                note=_text(cell(row, "note")),
                agency_age=_text(cell(row, "age")),
            )
        )
