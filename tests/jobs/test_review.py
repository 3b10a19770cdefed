"""Opening a review: commented blank records, the essentials filled in, nothing half-made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.case.layout import RECORD_KINDS, WORKING_FOLDERS
from scrkit.errors import BadInput, Refused
from scrkit.jobs.review import NewReview, new_review
from scrkit.models.child import Gender
from scrkit.models.review import Circumstance, ReviewStatus
from scrkit.review.casefolder import CaseFolder

DETAILS = NewReview(
    reference="SCR-2026-11",
    child_name="Noah Birchall",
    date_of_birth=dt.date(2025, 1, 31),
    incident_date=dt.date(2026, 11, 20),
    referral_received=dt.date(2026, 11, 23),
    gender=Gender.MALE,
    circumstances=(Circumstance.SERIOUS_HARM,),
)


def test_opens_a_valid_review_with_every_record_and_folder(tmp_path: Path) -> None:
    records = new_review(tmp_path / "new-review", DETAILS)
    assert records.review.reference == "SCR-2026-11"
    assert records.review.status == ReviewStatus.REFERRED
    assert records.child.date_of_birth == dt.date(2025, 1, 31)
    assert records.review.circumstances[0].category == Circumstance.SERIOUS_HARM
    assert records.board.name == "Solihull Local Safeguarding Children Board"  # the guidance's board by default
    for kind in RECORD_KINDS:
        assert (tmp_path / "new-review" / kind.file_name).is_file()
    for folder in WORKING_FOLDERS:
        assert (tmp_path / "new-review" / folder / "README.txt").is_file()
    assert CaseFolder.open(tmp_path / "new-review").load().child.name == "Noah Birchall"


def test_records_carry_their_explanations(tmp_path: Path) -> None:
    new_review(tmp_path / "r", DETAILS)
    text = (tmp_path / "r" / "review.yaml").read_text(encoding="utf-8")
    assert "# reference: the board's reference for this review" in text  # the field guide
    assert "reference: SCR-2026-11" in text
    assert "date_of_death:" in (tmp_path / "r" / "child.yaml").read_text(encoding="utf-8")
    assert "!!null" not in (tmp_path / "r" / "child.yaml").read_text(encoding="utf-8")


def test_refuses_an_existing_review_and_leaves_it_alone(tmp_path: Path) -> None:
    new_review(tmp_path / "r", DETAILS)
    before = (tmp_path / "r" / "review.yaml").read_bytes()
    with pytest.raises(Refused, match="already holds a review"):
        new_review(tmp_path / "r", DETAILS)
    assert (tmp_path / "r" / "review.yaml").read_bytes() == before


def test_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.docx").write_text("x")
    with pytest.raises(Refused, match="already has files"):
        new_review(tmp_path / "busy", DETAILS)


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert new_review(tmp_path / "empty", DETAILS).review.reference == "SCR-2026-11"


def test_details_that_contradict_each_other_leave_nothing_behind(tmp_path: Path) -> None:
    bad = NewReview(**{**DETAILS.__dict__, "date_of_death": dt.date(2024, 1, 1)})
    with pytest.raises(BadInput, match="date_of_death: is before the date of birth"):
        new_review(tmp_path / "r", bad)
    assert list(tmp_path.iterdir()) == []


def test_a_board_file_replaces_the_default(tmp_path: Path) -> None:
    board = tmp_path / "board.yaml"
    board.write_text(
        "name: Fernley Local Safeguarding Children Board\nshort_name: Fernley LSCB\n"
        "address: [Town Hall, Fernley, FE1 1AA]\nsecure_email: lscb@fernley.example\n",
        encoding="utf-8",
    )
    assert new_review(tmp_path / "r", DETAILS, board).board.short_name == "Fernley LSCB"


def test_an_invalid_board_file_is_refused_by_name(tmp_path: Path) -> None:
    board = tmp_path / "board.yaml"
    board.write_text("name: Fernley LSCB\n", encoding="utf-8")
    with pytest.raises(BadInput, match="secure_email"):
        new_review(tmp_path / "r", DETAILS, board)
    assert not (tmp_path / "r").exists()


def test_a_review_opened_again_where_a_deleted_one_was_is_not_called_tampered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from scrkit.review import audit

    monkeypatch.setenv("SCRKIT_CACHE_DIR", str(tmp_path / "cache"))
    new_review(tmp_path / "r", DETAILS)
    assert audit.verify(tmp_path / "r") == []
    shutil.rmtree(tmp_path / "r")  # a practice review deleted, and the real one opened in its place
    new_review(tmp_path / "r", DETAILS)
    assert audit.verify(tmp_path / "r") == []
    anchors = (tmp_path / "cache" / "audit-anchors.json").read_text(encoding="utf-8")
    assert ".opening" not in anchors, "the staging folder's anchor followed the review"
