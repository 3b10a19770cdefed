"""The streaming workbook writer, read back by openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from scrkit.chronology.xlsx_stream import CellStyle, Sheet, WorkbookWriter, column_letter


def test_column_letters() -> None:
    assert [column_letter(n) for n in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def write(path: Path, rows: list[list[tuple[object, int]]]) -> None:
    writer = WorkbookWriter(path, "T & <title>", "scrkit", dt.datetime(2026, 1, 1))
    date = writer.styles.add(CellStyle(number_format="dd/mm/yyyy"))
    time = writer.styles.add(CellStyle(number_format="hh:mm"))
    wrap = writer.styles.add(CellStyle(fill="EAF1FB", wrap=True))
    rows = [[(value, {"date": date, "time": time, "wrap": wrap}.get(style, 0)) for value, style in row] for row in rows]  # type: ignore[misc]
    writer.write([Sheet("Chronology", (10, 10, 10, 10), rows, autofilter=True), Sheet("Empty", (10,), [])])


def test_values_read_back_with_their_types_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write(path, [
        [("Number", 0), ("Date", 0), ("Time", 0), ("Text", 0)],
        [(1, 0), (dt.date(2026, 6, 8), "date"), (dt.time(15, 30), "time"), ("=1+1 & <b>'quoted'\x0b", "wrap")],
        [(2.5, 0), (dt.date(1900, 3, 1), "date"), (None, 0), ("", 0)],
    ])  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = book["Chronology"]
    assert [cell.value for cell in sheet[1]] == ["Number", "Date", "Time", "Text"]
    number, day, time, text = sheet[2]
    assert number.value == 1 and day.value == dt.datetime(2026, 6, 8) and day.number_format == "dd/mm/yyyy"
    assert time.value == dt.time(15, 30) and time.number_format == "hh:mm"
    assert text.value == "=1+1 & <b>'quoted'" and text.data_type == "s"  # never a formula; control char dropped
    assert text.alignment.wrap_text and text.fill.fgColor.rgb == "FFEAF1FB"
    assert sheet["B3"].value == dt.datetime(1900, 3, 1) and sheet["C3"].value is None
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:D3"
    assert book.properties.title == "T & <title>"
    assert book["Empty"].max_row == 1


def test_same_rows_same_bytes(tmp_path: Path) -> None:
    rows = [[("a", 0), (dt.date(2026, 1, 1), "date")]]
    write(tmp_path / "one.xlsx", rows)
    write(tmp_path / "two.xlsx", rows)
    assert (tmp_path / "one.xlsx").read_bytes() == (tmp_path / "two.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.xlsx") as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=14), min_size=1, max_size=90),
    st.integers(min_value=5, max_value=80),
)
def test_row_heights_never_give_fewer_lines_than_the_text_wraps_to(words: list[str], per_line: int) -> None:
    from scrkit.chronology.xlsx_stream import _greedy_lines, wrapped_lines

    text = " ".join(words)
    assert wrapped_lines(text, per_line) >= _greedy_lines(text, per_line)


def test_a_row_of_wrapped_text_is_tall_enough_to_print_it() -> None:
    from scrkit.chronology.xlsx_stream import LINE_POINTS, row_height

    long_event = "word " * 60  # 300 characters in a 50-wide column: 60 a line, at least 5 lines
    assert row_height([("short", 1), (long_event, 1)], [10, 50], [False, True]) >= 5 * LINE_POINTS
    assert row_height([("short", 1)], [10], [False, True]) is None  # one line: the default height
