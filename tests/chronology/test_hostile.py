"""Hostile or broken returns are refused before any spreadsheet library parses them."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from scrkit.chronology.reading import read_return
from scrkit.chronology.safety import UnsafeReturn, check_workbook
from scrkit.chronology.written_dates import Precision
from scrkit.errors import ExitCode
from tests.chronology.conftest import APP7, reading, workbook

AGENCIES = {"police": "Ashcombe Constabulary"}
TODAY = dt.date(2026, 11, 26)


def refused(path: Path) -> str:
    result = read_return(path, reading(AGENCIES, TODAY))
    assert not result.readable and result.events == []
    [problem] = result.problems
    assert path.name in problem.reason
    return problem.reason


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "police.xlsx"
    path.write_text("Dear LSCB, please find our chronology attached.")
    assert "not an Excel workbook" in refused(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "police.xlsx"
    path.write_bytes(b"")
    assert "empty" in refused(path)


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "police.xlsx"  # an encrypted .xlsx is an OLE compound file, like an old .xls
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    assert "password-protected" in refused(path)


@pytest.mark.parametrize("suffix", [".xls", ".xlsm", ".xlsb"])
def test_old_and_macro_formats_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"police{suffix}"
    path.write_bytes(b"anything")
    assert "reads .xlsx, .docx, .csv and .txt returns only" in refused(path)


def test_decompression_bomb(tmp_path: Path) -> None:
    path = tmp_path / "police.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * (40 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    assert "decompression bomb" in refused(path)


def test_absurd_dimensions(tmp_path: Path) -> None:
    path = tmp_path / "police.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            '<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>',
        )
    assert "1,048,576 rows" in refused(path)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "police.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", "x")
    assert "not an Excel workbook" in refused(path)


def test_macros_inside_an_xlsx(tmp_path: Path) -> None:
    path = workbook(tmp_path / "police.xlsx", [APP7])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", "macro")
    assert "macros" in refused(path)


def test_a_normal_workbook_passes_and_reports_its_epoch(tmp_path: Path) -> None:
    assert check_workbook(workbook(tmp_path / "a.xlsx", [APP7])).date1904 is False
    assert check_workbook(workbook(tmp_path / "b.xlsx", [APP7], epoch1904=True)).date1904 is True


def test_refusals_are_scrkit_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("nope")
    with pytest.raises(UnsafeReturn):
        check_workbook(path)


def test_a_macro_project_under_another_part_name_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "police.xlsx", [APP7, ["02/03/2026", "", "", "M", "Y", "Visit", "", "", ""]])
    renamed = tmp_path / "police-macros.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(renamed, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/stuff.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            target.writestr(entry, data)
        target.writestr("xl/stuff.bin", b"not really VBA, but declared as a macro project")
    assert "macros" in refused(renamed)


@pytest.mark.parametrize("written", ["April 0000", "01/01/1066", "31/12/2150", 3_000_000, 99_999.5])
def test_dates_outside_1900_to_2100_are_unreadable_not_a_crash(tmp_path: Path, written: str) -> None:
    from tests.chronology.conftest import csv_file

    rows = [["Date", "Event"], [written, "Something happened"], ["02/03/2026", "Ok"]]
    if isinstance(written, str):
        path = csv_file(tmp_path / "police.csv", rows)
    else:  # an Excel serial far past 9999
        path = workbook(tmp_path / "police.xlsx", rows)
    result = read_return(path, reading(AGENCIES, TODAY))
    # Never a crash, and never lost: the event is kept, undated, with the date as written.
    assert [(event.event, event.date.precision) for event in result.events] == [
        ("Something happened", Precision.UNDATED), ("Ok", Precision.DAY),
    ]  # fmt: skip
    [problem] = [problem for problem in result.problems if problem.column == "Date"]
    assert "date" in problem.reason and problem.row == 2 and "Undated events" in problem.reason


def test_control_characters_pasted_from_word_reach_neither_word_nor_excel(scrkit, review_dir: Path) -> None:
    from docx import Document

    from tests.chronology.conftest import csv_file

    returns_folder = review_dir / "chronology" / "returns"
    for old in returns_folder.iterdir():
        old.unlink()
    csv_file(returns_folder / "police chronology.csv",
             [["Date", "Event"], ["02/03/2026", "Seen at home\x00 by PC Hale\x0bthen left"]])  # fmt: skip
    result = scrkit("merge-chronology", "--docx", "-r", review_dir)
    assert result.code in (ExitCode.OK, ExitCode.PROBLEMS_FOUND), result.err
    table = Document(str(review_dir / "chronology" / "integrated-chronology.docx")).tables[0]
    text = table.rows[1].cells[7].text  # the Event column
    assert "\x00" not in text and "Seen at home by PC Hale" in text and "then left" in text


@pytest.mark.skipif(not Path("/etc/passwd").exists(), reason="needs a system file to link to")
def test_a_return_linked_to_a_system_file_is_not_read(scrkit, review_dir: Path) -> None:
    link = review_dir / "chronology" / "returns" / "police passwords.csv"
    link.symlink_to("/etc/passwd")
    result = scrkit("merge-chronology", "-r", review_dir)
    assert "outside the review folder" in result.err
    assert "root:" not in (review_dir / "chronology" / "integrated-chronology.xlsx").read_bytes().decode("latin-1")


def far_cell_workbook(path: Path, reference: str, dimension: str = "A1:E3") -> Path:
    """A small valid return with one extra cell placed at ``reference`` behind a lying dimension."""
    source = workbook(path.with_name("valid.xlsx"), [APP7, ["02/03/2026", "", "", "M", "Y", "Visit", "", "", ""]])
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as target:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = re_dimension(data, dimension).replace(
                    b"</sheetData>",
                    f'<row r="9"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'.encode(),
                )
            target.writestr(entry, data)
    return path


def re_dimension(data: bytes, dimension: str) -> bytes:
    import re

    return re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), data)


@pytest.mark.parametrize("reference", ["XFD1048576", "A900000", "GS2"])
def test_a_cell_far_beyond_a_lying_dimension_is_refused_before_reading(tmp_path: Path, reference: str) -> None:
    # Refused by the scan of the sheet's XML, before any cell is read (speed is measured in benchmarks/).
    path = far_cell_workbook(tmp_path / "police.xlsx", reference)
    reason = refused(path)
    assert "scrkit reads at most" in reason


def test_one_day_with_200000_events_is_flagged_not_compared(tmp_path: Path) -> None:
    from scrkit.chronology.merge import ChildContext, merge
    from scrkit.chronology.reading import ReturnedEvent
    from scrkit.chronology.written_dates import EventDate, Precision

    day = EventDate(dt.date(2026, 3, 2), Precision.DAY, False, "02/03/2026")

    def event(agency: str, row: int) -> ReturnedEvent:
        return ReturnedEvent(agency=agency, source_file=f"{agency}.csv", sheet="", source_row=row, agency_event_no="",
                             date=day, time=None, family_member="M", child_seen=None, event="home visit seen mother",
                             source="", action="", note="", agency_age="")  # fmt: skip

    events = [[event("police", row) for row in range(100_000)], [event("gp", row) for row in range(100_000)]]
    from scrkit.chronology.family import FamilyDirectory

    child = ChildContext(dt.date(2024, 1, 1), None, None, None, FamilyDirectory({"m": "mother"}, {}, {}),
                         ("police", "gp"))  # fmt: skip
    merged = merge(events, child)  # the day's events are flagged, not compared pairwise (10^10 comparisons)
    assert all("not compared for duplicates: 200,000 events" in " ".join(item.flags) for item in merged.events[:3])


def test_an_event_longer_than_an_excel_cell_is_kept_to_the_limit_marked_and_named(tmp_path: Path) -> None:
    """Found by a red team: a 40,000-character event went into one cell of the integrated chronology, which
    Excel cuts at 32,767 without a word. The first 32,000 are merged, marked, and the row is named."""
    import csv

    from scrkit.chronology.reading import CELL_KEPT, EXCEL_CELL_LIMIT

    long_event = "The health visitor saw the baby. " * 1250  # 41,250 characters: a CSV holds them all
    path = tmp_path / "police.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([APP7, [1, "02/03/2026", "", "", "M", "Y", long_event, "", "", ""]])
    result = read_return(path, reading(AGENCIES, TODAY))
    [event] = result.events
    assert len(event.event) <= EXCEL_CELL_LIMIT
    assert event.event.startswith(long_event[:CELL_KEPT])
    kept_out = len(long_event.strip()) - CELL_KEPT  # the text as read: its last space trimmed
    assert event.event.endswith(f"[... {kept_out:,} more characters in police.csv, row 2]")
    [problem] = [p for p in result.problems if not p.note]
    assert problem.row == 2 and "Event" in problem.column and "Excel holds at most 32,767" in problem.reason
