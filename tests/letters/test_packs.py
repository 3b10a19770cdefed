"""The IMR authors' pack (issue 16, item 7): what the commissioning letter (App 5) says is enclosed is
made with it, in one command: the terms of reference, the authors' guide (App 14, App 15, 9.1), the IMR
template (App 6) and the agency's chronology workbook (App 7, 10.1.7)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from scrkit.errors import BadInput, Refused
from scrkit.jobs.letters import render_letters
from tests.letters.conftest import LETTER_DATES, all_text

ON = LETTER_DATES["commission-imr"]  # 14/10/2026, before the authors' briefing of 29/10/2026
CREATED = dt.datetime(2026, 10, 14, 9, 0, tzinfo=dt.UTC)


def test_the_pack_holds_everything_the_letter_encloses(review_dir: Path) -> None:
    result = render_letters(review_dir, ["imr-pack"], ["police"], ON, created=CREATED)
    names = sorted(path.name for path in result.written)
    assert names == [
        "2026-10-14 commission-imr police.docx",
        "2026-10-14 imr-authors-guide police.docx",
        "2026-10-14 imr-template police.docx",
        "2026-10-14 terms-of-reference.docx",
        "chronology police.xlsx",
    ]
    letter = all_text(review_dir / "letters" / "2026-10-14 commission-imr police.docx")
    assert "Enclosed: the terms of reference; the guide for IMR authors" in letter
    assert "scrkit" not in letter  # a letter to an agency names no command
    guide_path = review_dir / "letters" / "2026-10-14 imr-authors-guide police.docx"
    guide = all_text(guide_path)
    assert "a guide for the IMR author of Ashcombe Constabulary" in guide
    assert "Not directly concerned with the child or family" in guide  # 9.1.2
    assert "from 1 September 2023 to 14 September 2026" in guide  # the terms of reference's period
    assert "due by 22 January 2027" in guide and "on 17 February 2027" in guide  # deadline, presentation
    with zipfile.ZipFile(guide_path) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())  # the family's genogram
    book = openpyxl.load_workbook(review_dir / "chronology" / "templates" / "chronology police.xlsx")
    assert "Chronology" in book.sheetnames


def test_the_next_agencys_pack_keeps_the_terms_of_reference_made_that_day(review_dir: Path) -> None:
    render_letters(review_dir, ["imr-pack"], ["police"], ON, created=CREATED)
    tor = review_dir / "letters" / "2026-10-14 terms-of-reference.docx"
    before = tor.read_bytes()
    result = render_letters(review_dir, ["imr-pack"], ["childrens-social-care"], ON, created=CREATED)
    assert result.kept == (tor,)
    assert tor.read_bytes() == before
    assert len(result.written) == 4
    # The agency's own documents are never replaced without --force, in a pack or not.
    with pytest.raises(Refused, match="commission-imr police"):
        render_letters(review_dir, ["imr-pack"], ["police"], ON, created=CREATED)
    with pytest.raises(Refused, match="terms-of-reference"):  # asked for by itself, it is refused as ever
        render_letters(review_dir, ["terms-of-reference"], None, ON, created=CREATED)
    forced = render_letters(review_dir, ["imr-pack"], ["police"], ON, force=True, created=CREATED)
    assert tor in forced.written and forced.kept == ()


def test_an_unknown_name_lists_the_packs(review_dir: Path) -> None:
    with pytest.raises(BadInput, match="and the packs: imr-pack"):
        render_letters(review_dir, ["imr-pak"], None, ON, created=CREATED)


def test_the_commissioning_letter_does_not_copy_its_addressee_to_themselves(review_dir: Path) -> None:
    """The Cc list of chief officers (App 5) leaves out the letter's own addressee when they are the chief
    officer (found by a newcomer: a letter copied to the person it was addressed to)."""
    # Brookside Primary has no LSCB representative: its letter goes to its chief officer, Mrs Janet O'Rourke.
    assert "chief_officer: {name: Mrs Janet O'Rourke" in (review_dir / "agencies.yaml").read_text(encoding="utf-8")
    render_letters(review_dir, ["commission-imr"], ["brookside-primary", "police"], ON, created=CREATED)
    school = all_text(review_dir / "letters" / "2026-10-14 commission-imr brookside-primary.docx")
    police = all_text(review_dir / "letters" / "2026-10-14 commission-imr police.docx")
    assert school.count("Mrs Janet O'Rourke") == 1  # in the address, not in the Cc list
    assert "Chief Constable Alan Brereton" in school.split("Cc:")[1]
    # The police letter goes to DCI Ruth Kavanagh, the LSCB representative: her chief constable is copied.
    assert "Chief Constable Alan Brereton" in police.split("Cc:")[1] and "Mrs Janet O'Rourke" in police
