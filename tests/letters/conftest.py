"""Helpers for reading generated Word documents back, as Word would see them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import replace_in


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
    return review_dir
