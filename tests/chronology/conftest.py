"""Build small returns in the test, each with one kind of mess."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from scrkit.chronology.agency_names import AgencyNames
from scrkit.chronology.headings import HeadingIndex
from scrkit.chronology.reading import ReadingContext

APP7 = ["Event No", "Date", "Time", "Age of Child", "Family Member", "Child seen/wishes sought or expressed (Y/N)",
        "Event", "Agency source to overview", "Action taken", "Note"]  # fmt: skip


def workbook(path: Path, rows: list[list[object]], *, title: str = "Sheet1", epoch1904: bool = False) -> Path:
    book = Workbook()
    if epoch1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.fixture
def returns(review_dir: Path) -> Path:
    """The example review with its returns folder emptied, for tests to fill."""
    folder = review_dir / "chronology" / "returns"
    for path in folder.glob("*"):
        if path.name != "README.txt":  # every return goes; the folder's own README stays
            path.unlink()
    return folder


def reading(agencies: dict[str, str], today: dt.date, **period: dt.date) -> ReadingContext:
    """What reading a return outside a review needs: agency ids and names, and today."""
    return ReadingContext(
        agencies=AgencyNames.from_names(agencies), headings=HeadingIndex.build(), today=today, **period
    )
