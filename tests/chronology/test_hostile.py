"""Hostile or broken returns are refused before any spreadsheet library parses them."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from scrkit.chronology.reading import read_return
from scrkit.chronology.safety import UnsafeReturn, check_workbook
from tests.chronology.conftest import APP7, workbook

AGENCIES = {"police": "Ashcombe Constabulary"}
TODAY = dt.date(2026, 11, 26)


def refused(path: Path) -> str:
    result = read_return(path, AGENCIES, TODAY)
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
    assert "reads .xlsx and .csv returns only" in refused(path)


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
