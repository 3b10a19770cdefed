"""Helpers for reading generated Word documents back, as Word would see them."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from scrkit.jobs.timeline import record_done
from tests.conftest import fairly_represented, replace_in, summary_written


def document_text(path: Path) -> dict[str, list[str]]:
    """Body paragraphs, table cells, headers and footers of a generated document."""
    document = Document(str(path))
    body = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    headers, footers = [], []
    for section in document.sections:
        headers += [p.text for p in section.header.paragraphs]
        footers += [p.text for p in section.footer.paragraphs]
    return {"body": body, "tables": cells, "headers": headers, "footers": footers}


def all_text(path: Path) -> str:
    parts = document_text(path)
    return "\n".join(line for lines in parts.values() for line in lines)


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")}


JINJA_LEFTOVER = re.compile(r"\{\{|\{%|\}\}|%\}")


@pytest.fixture
def ready_review(review_dir: Path) -> Path:
    """The example review with the practitioners' de-briefing arranged, so every letter can be made."""
    replace_in(
        review_dir / "review.yaml",
        "practitioner_debriefing:   # de-briefing for practitioners after approval (16.2, App 10)\n"
        "  date:\n  time:\n  venue:\n",
        'practitioner_debriefing:\n  date: 2027-05-12\n  time: "13:30"\n  venue: Training Suite, Weaver House\n',
    )
    summary_written(review_dir, dt.date(2026, 10, 14))  # the overview report's draft 1 and the summary (13.3.2)
    return review_dir


# The LSCB approves the final SCR (the completion milestone) in the tests' copies of the example,
# so that the practitioners' de-briefing letter may be sent (16.2.1).
APPROVED = dt.date(2026, 12, 1)
# Letters naming a meeting or deadline are dated before it (letters.yaml not_past): the example's
# authors' briefing is on 29/10/2026 and IMR authors are named by 23/10/2026.
LETTER_DATES = {"commission-imr": dt.date(2026, 10, 14), "authors-briefing": dt.date(2026, 10, 14)}


def approve(review: Path) -> None:
    fairly_represented(review, APPROVED)  # 13.1.6, 14.1.3: what the adoption waits for
    record_done(review, "completion", APPROVED, None, today=dt.date(2026, 12, 4))


@pytest.fixture
def approved_review(ready_review: Path) -> Path:
    """The ready review with the LSCB's approval recorded, so every letter can be made."""
    approve(ready_review)
    return ready_review


def render_every_letter(review: Path, on: dt.date, created: dt.datetime) -> list[Path]:
    """Every letter and form of the catalogue, each on ``on`` or, where the letter names a date
    before ``on``, on a date when it is still true (LETTER_DATES)."""
    from scrkit.jobs.letters import render_letters
    from scrkit.letters.catalogue import catalogue
    from scrkit.review.casefolder import CaseFolder

    names = [spec.name for spec in catalogue().letters if spec.name != "panel-minutes"]
    paths: list[Path] = []
    for day in sorted({LETTER_DATES.get(name, on) for name in names}):
        batch = [name for name in names if LETTER_DATES.get(name, on) == day]
        paths += render_letters(review, batch, None, day, created=created).written
    # Minutes follow their meeting: those of the meetings held by ``on``.
    held = [m.id for m in CaseFolder.open(review).load().meetings.meetings if m.date <= on]
    paths += render_letters(review, ["panel-minutes"], held, on, created=created).written
    return paths
