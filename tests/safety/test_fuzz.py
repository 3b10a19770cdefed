"""Fuzzing the loaders for a bounded time: malformed records and mutated spreadsheets must be
refused with scrkit's own clear rejection, never with any other exception."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scrkit.case.layout import RECORD_KINDS
from scrkit.chronology.reading import read_return
from scrkit.errors import InvalidReview
from scrkit.resources import example_review
from scrkit.review.casefolder import CaseFolder
from tests.chronology.conftest import reading

FUZZ = settings(
    max_examples=int(os.environ.get("SCRKIT_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
AGENCIES = {"police": "Ashcombe Constabulary"}
CHILD = (example_review() / "child.yaml").read_text(encoding="utf-8")


def _valid_return() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Time", "Family Member", "Child seen", "Event"])
    sheet.append([dt.date(2026, 3, 2), dt.time(9, 30), "M", "Y", "Home visit"])
    sheet.append(["03/04/2026", "14.30", "C", "n", "Clinic"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


VALID_RETURN = _valid_return()


def with_sheet(path: Path, sheet_xml: bytes) -> Path:
    """The valid return with its first sheet's XML replaced."""
    with zipfile.ZipFile(io.BytesIO(VALID_RETURN)) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            content = sheet_xml if entry.filename == "xl/worksheets/sheet1.xml" else source.read(entry)
            target.writestr(entry.filename, content)
    return path


@pytest.fixture(scope="module")
def records_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example's records for every example of a fuzz test: each example rewrites
    one record, and loading only reads."""
    folder = tmp_path_factory.mktemp("fuzz") / "review"
    folder.mkdir()
    for kind in RECORD_KINDS:
        shutil.copy(example_review() / kind.file_name, folder / kind.file_name)
    return folder


@FUZZ
@given(position=st.integers(0, len(CHILD)), junk=st.text(max_size=40))
def test_mutated_records_are_refused_cleanly(records_copy: Path, position: int, junk: str) -> None:
    (records_copy / "child.yaml").write_text(CHILD[:position] + junk + CHILD[position:], encoding="utf-8")
    try:
        CaseFolder.open(records_copy).load()
    except InvalidReview as refusal:
        assert refusal.problems and all(problem.file.name for problem in refusal.problems)
    finally:
        (records_copy / "child.yaml").write_text(CHILD, encoding="utf-8")


@FUZZ
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_as_a_record(records_copy: Path, raw: bytes) -> None:
    panel = (example_review() / "panel.yaml").read_bytes()
    (records_copy / "panel.yaml").write_bytes(raw)
    try:
        with contextlib.suppress(InvalidReview):  # refusing is right; any other exception fails the test
            CaseFolder.open(records_copy).load()
    finally:
        (records_copy / "panel.yaml").write_bytes(panel)


@FUZZ
@given(
    flips=st.lists(st.tuples(st.integers(0, len(VALID_RETURN) - 1), st.integers(0, 255)), max_size=12),
    cut=st.one_of(st.none(), st.integers(0, len(VALID_RETURN))),
)
def test_mutated_spreadsheets_are_refused_cleanly(flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(VALID_RETURN)
    for position, value in flips:
        data[position] = value
    if cut is not None:
        data = data[:cut]
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "police.xlsx"
        path.write_bytes(bytes(data))
        result = read_return(path, reading(AGENCIES, dt.date(2026, 11, 26)))
        assert result.events or result.problems


@FUZZ
@given(sheet_xml=st.text(max_size=300))
def test_a_sheet_replaced_with_anything(sheet_xml: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        path = with_sheet(Path(temp) / "police.xlsx", sheet_xml.encode())
        result = read_return(path, reading(AGENCIES, dt.date(2026, 11, 26)))
        assert result.events or result.problems


@FUZZ
@given(text=st.text(max_size=300))
def test_csv_returns_with_anything_in_them(text: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "police.csv"
        path.write_text("Date,Event\n" + text, encoding="utf-8")
        read_return(path, reading(AGENCIES, dt.date(2026, 11, 26)))


def test_an_entity_expansion_bomb_in_a_sheet_is_harmless(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>'
    )
    path = with_sheet(tmp_path / "police.xlsx", bomb.encode())
    result = read_return(path, reading(AGENCIES, dt.date(2026, 11, 26)))
    assert not result.events and result.problems  # refused or unreadable, quickly, without expanding
