"""The integrated chronology as printed (issue 14): LibreOffice lays both outputs out on A4 landscape,
and every event's date, agency and first words are found on one page of each."""

from __future__ import annotations

import re

import openpyxl
import pytest

from scrkit.case.layout import INTEGRATED_CHRONOLOGY
from tests.office import page_count, pdf_text, to_pdf

_WORD = re.compile(r"[\w'’]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, example_records) -> dict[str, object]:  # noqa: ANN001
    import shutil

    from scrkit.cli import main

    folder = tmp_path_factory.mktemp("printed")
    review = folder / "review"
    shutil.copytree(example_records.folder, review)
    main(["merge-chronology", "-r", str(review), "--docx", "--today", "2026-11-26"])
    workbook = review / INTEGRATED_CHRONOLOGY
    pdfs = {
        "xlsx": to_pdf([workbook], folder / "x")[workbook.stem],
        "docx": to_pdf([workbook.with_suffix(".docx")], folder / "d")[workbook.stem],
    }
    sheet = openpyxl.load_workbook(workbook)["Chronology"]
    rows = list(sheet.iter_rows(values_only=True))
    events = [dict(zip(rows[0], row, strict=False)) for row in rows[1:] if isinstance(row[0], int)]
    return {"pdfs": pdfs, "events": events}


def shown_date(event: dict[str, object]) -> str:
    value = event["Date"]
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_every_event_is_on_a_page_with_its_date_agency_and_first_words(printed, kind: str) -> None:  # noqa: ANN001
    pdf = printed["pdfs"][kind]
    pages = [set(words(pdf_text(pdf, page))) for page in range(1, page_count(pdf) + 1)]
    texts = [" ".join(pdf_text(pdf, page).split()) for page in range(1, page_count(pdf) + 1)]
    events = printed["events"]
    assert len(events) >= 40
    missing = []
    for event in events:
        needed = set(words(str(event["Agency"]))) | set(words(str(event["Event"] or ""))[:4])
        date = shown_date(event)
        # A date cell shows dd/mm/yyyy whole; a period ("w/c 11/05/2026") may wrap inside its cell.
        exact = re.fullmatch(r"\d\d/\d\d/\d{4}", date) is not None
        if not exact:
            needed |= set(words(date))
        if not any(needed <= page and (not exact or date in text) for page, text in zip(pages, texts, strict=True)):
            missing.append((event["Event No"], date, event["Agency"], str(event["Event"])[:30]))
    assert not missing, f"{kind}: events not found whole on any page: {missing}"


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_every_page_is_a4_landscape_marked_confidential_and_numbered(printed, kind: str) -> None:  # noqa: ANN001
    import subprocess

    pdf = printed["pdfs"][kind]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape, in points
    count = page_count(pdf)
    for page in range(1, count + 1):
        text = " ".join(pdf_text(pdf, page).split())
        assert "CONFIDENTIAL" in text and f"Page {page} of {count}" in text, (kind, page)
    if kind == "docx":  # the heading row is repeated at the top of every page of the Word table
        for page in range(1, count + 1):
            assert "Family member" in pdf_text(pdf, page), page
