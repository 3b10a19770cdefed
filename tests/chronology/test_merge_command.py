"""`scrkit merge-chronology` and `scrkit chronology template` on the example review's messy returns."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from scrkit.chronology.reading import read_return
from scrkit.errors import ExitCode
from tests.chronology.conftest import APP7, reading, workbook


def digest(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.glob("*"))}


def test_merge_the_example_returns(scrkit, review_dir: Path) -> None:
    returns = review_dir / "chronology" / "returns"
    before = digest(returns)
    result = scrkit("merge-chronology", "-r", review_dir, "--docx", "--today", "2026-11-26")
    assert result.code == ExitCode.PROBLEMS_FOUND  # the example's returns have problems, on purpose
    assert digest(returns) == before  # the returns are never modified
    out = review_dir / "chronology" / "integrated-chronology.xlsx"
    assert out.is_file() and out.with_suffix(".docx").is_file()
    assert "31/06/2025' is not a real date" in result.err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Chronology", "Issues", "Summary"]
    sheet = book["Chronology"]
    headings = [cell.value for cell in sheet[1]]
    # The App 7 columns in their order, the agency beside the date (the overview author must see who
    # recorded each event: issue 14), then what the merge adds and where each event came from.
    assert [heading for heading in headings if heading in APP7] == APP7
    assert headings[:4] == ["Event No", "Date", "Time", "Agency"]
    assert headings[11:] == ["Other information", "Flags", "Possible duplicate of", "Date as written", "Source file",
                             "Source row", "Agency's event no"]  # fmt: skip
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] is not None]
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    dates = [row[1] for row in rows]
    # In date order; partial and uncertain dates are written as text beside real dates.
    real = [day for day in dates if not isinstance(day, str)]
    assert real == sorted(real)
    assert "April 2026" in dates and "c. 12/05/2026" in dates
    by_text = {row[7]: row for row in rows}
    booking = by_text["Antenatal contact at booking; mother's previous partner 'controlling' noted."]
    assert booking[4] == "pre-birth"
    assert "- Mother did not attend the rearranged review; no contact made with the children." in by_text
    assert sheet.cell(row=2, column=2).number_format == "dd/mm/yyyy"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    duplicates = [row for row in rows if row[13]]
    assert len(duplicates) >= 2  # ED attendance (police and hospital), the bruise (HV and CSC)
    issues = [row for row in book["Issues"].iter_rows(min_row=2, values_only=True)]
    assert any("lunchtime" in (row[4] or "") for row in issues)
    assert {row[5] for row in issues} <= {"problem", "note", "gap"}
    summary = {row[0]: row for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Ashcombe Constabulary"][1] == 6 + 5  # its template return and its system extract
    assert summary["All agencies"][1] == len(rows)


def test_same_inputs_same_output(scrkit, review_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    scrkit("merge-chronology", "-r", review_dir, "--out", first, "--today", "2026-11-26")
    scrkit("merge-chronology", "-r", review_dir, "--out", second, "--today", "2026-11-26")
    assert first.read_bytes() == second.read_bytes()


def test_formula_like_text_is_written_as_text(scrkit, returns: Path, review_dir: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(APP7)
    for number, text in enumerate(["=1+1", "+44 1632", "-5 days", "@SUM(A1)"], start=1):
        sheet.append([number, f"0{number}/01/2026", "", "", "M", "", "", "", "", ""])
        cell = sheet.cell(row=number + 1, column=7, value=text)
        cell.data_type = "s"  # typed as text by the agency, not a formula
    book.save(returns / "police.xlsx")
    scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    path = review_dir / "chronology" / "integrated-chronology.xlsx"
    cells = [row[7] for row in openpyxl.load_workbook(path)["Chronology"].iter_rows(min_row=2, values_only=True)]
    assert cells == ["=1+1", "+44 1632", "-5 days", "@SUM(A1)"]
    book = openpyxl.load_workbook(path)
    for row in book["Chronology"].iter_rows(min_row=2, max_col=8):
        assert row[7].data_type == "s"  # a string cell, never a formula


def test_one_bad_return_does_not_stop_the_others_unless_strict(scrkit, returns: Path, review_dir: Path) -> None:
    (returns / "womens-aid.xlsx").write_text("not a workbook")
    workbook(returns / "police.xlsx", [APP7, [1, "01/02/2026", "", "", "M", "Y", "Visit", "", "", ""]])
    result = scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "womens-aid.xlsx is not an Excel workbook" in result.err
    rows = list(
        openpyxl.load_workbook(review_dir / "chronology" / "integrated-chronology.xlsx")["Chronology"].iter_rows(
            min_row=2, values_only=True
        )
    )
    assert [row[7] for row in rows] == ["Visit"]
    (review_dir / "chronology" / "integrated-chronology.xlsx").unlink()
    strict = scrkit("merge-chronology", "-r", review_dir, "--strict", "--today", "2026-11-26")
    assert strict.code == ExitCode.PROBLEMS_FOUND
    assert not (review_dir / "chronology" / "integrated-chronology.xlsx").exists()


def test_clean_returns_exit_0(scrkit, returns: Path, review_dir: Path) -> None:
    workbook(returns / "police.xlsx", [APP7, [1, "01/02/2026", "10:00", "", "M", "Y", "Visit", "Log", "None", ""]])
    assert scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26").code == ExitCode.OK


def test_no_returns_yet(scrkit, returns: Path, review_dir: Path) -> None:
    result = scrkit("merge-chronology", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "no chronology returns" in result.err


def test_template_per_agency(scrkit, review_dir: Path) -> None:
    result = scrkit("chronology", "template", "--agency", "police", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    path = review_dir / "chronology" / "templates" / "chronology police.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Chronology", "Lists", "Instructions"]
    sheet = book["Chronology"]
    assert [cell.value for cell in sheet[6]] == APP7
    assert (sheet["A1"].value, sheet["B1"].value) == ("Agency", "Ashcombe Constabulary")
    assert sheet["B3"].value == "01/09/2023 to 14/09/2026"
    assert sheet.freeze_panes == "A7"
    assert sheet["B7"].number_format == "dd/mm/yyyy" and sheet["C7"].number_format == "hh:mm"
    assert sheet["G7"].alignment.wrap_text
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations["F7:F1006"] == '"Y,N"'
    assert validations["E7:E1006"] == "=Lists!$A$2:$A$7"
    assert [row for row in book["Lists"].iter_rows(min_row=2, values_only=True)][:2] == [
        ("C", "The child"),
        ("M", "Mother"),
    ]
    assert "App 14, 2.4" in " ".join(str(row[0]) for row in book["Instructions"].iter_rows(values_only=True))
    # A template filled in and sent back reads cleanly: the agency is taken from its first line.
    for row, values in enumerate([[1, "02/03/2026", "09:30", "", "C", "Y", "Visit", "Log", "", ""]], start=7):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    returned = review_dir / "chronology" / "returns" / "our return.xlsx"
    book.save(returned)
    read = read_return(returned, reading({"police": "Ashcombe Constabulary"}, dt.date(2026, 11, 26)))
    assert read.agency == "police" and read.problems == [] and read.events[0].event == "Visit"


def test_the_workbook_opens_in_libreoffice(scrkit, review_dir: Path, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        pytest.fail("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    path = review_dir / "chronology" / "integrated-chronology.xlsx"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    text = (tmp_path / "integrated-chronology.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("Event No,Date,Time,Agency,Age of Child,Family Member")
    assert lines[1].startswith("1,12/06/2023,22:10,Ashcombe Constabulary,pre-birth,M,")  # as Calc shows them
    assert "Brought by ambulance after a reported fall from a sofa" in text
