"""Loading a review: every problem at once, each with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.case.layout import AGENCIES, RECORD_KINDS
from scrkit.errors import InvalidReview, NotAReview, Problem
from scrkit.models.agencies import RequestReply
from scrkit.review.casefolder import CaseFolder
from tests.conftest import line_number_of, replace_in


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(InvalidReview) as caught:
        CaseFolder.open(folder).load()
    return caught.value.problems


def test_example_review_loads(review_dir: Path) -> None:
    records = CaseFolder.open(review_dir).load()
    assert records.review.reference == "SCR-2026-03"
    assert records.child.name == "Mia-Rose Fenwick"
    assert len(records.agencies.agencies) >= 6
    kinds = {agency.kind.value for agency in records.agencies.agencies}
    assert {"police", "childrens-social-care", "health", "education"} <= kinds
    assert records.agency("westmoor-probation").request_reply == RequestReply.AWAITING
    assert records.board.short_name == "Ashcombe LSCB"


def test_missing_folder_and_non_review_folder(tmp_path: Path) -> None:
    with pytest.raises(NotAReview, match="no folder"):
        CaseFolder.open(tmp_path / "absent")
    with pytest.raises(NotAReview, match="no review.yaml"):
        CaseFolder.open(tmp_path)


def test_wrong_date_names_file_line_and_field(review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "date_of_birth: 2024-03-11", "date_of_birth: 2024-13-11")
    [problem] = problems_of(review_dir)
    assert problem.file == review_dir / "child.yaml"
    assert problem.line == line_number_of(review_dir / "child.yaml", "date_of_birth:")
    assert problem.field == "date_of_birth"
    assert "not a real date" in problem.message


def test_unknown_key_names_the_key_and_the_allowed_fields(review_dir: Path) -> None:
    replace_in(review_dir / "agencies.yaml", "    kind: police\n", "    kind: police\n    knid: police\n")
    [problem] = problems_of(review_dir)
    line = line_number_of(review_dir / "agencies.yaml", "knid: police")
    assert (problem.file.name, problem.line, problem.field) == ("agencies.yaml", line, "agencies[police].knid")
    assert "unknown field 'knid'" in problem.message
    assert "kind" in problem.message


def test_missing_required_field(review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "name: Mia-Rose Fenwick\n", "")
    [problem] = problems_of(review_dir)
    assert (problem.file.name, problem.field) == ("child.yaml", "name")
    assert problem.line is not None
    assert "must be filled in" in problem.message


def test_blank_required_field(review_dir: Path) -> None:
    replace_in(review_dir / "review.yaml", "incident_date: 2026-09-14", "incident_date:")
    [problem] = problems_of(review_dir)
    line = line_number_of(review_dir / "review.yaml", "incident_date:")
    assert (problem.file.name, problem.line, problem.field) == ("review.yaml", line, "incident_date")
    assert "blank" in problem.message


def test_every_problem_in_every_file_is_reported_at_once(review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "gender: female", "gender: girl")
    replace_in(review_dir / "review.yaml", "status: in-progress", "status: open")
    replace_in(review_dir / "panel.yaml", "  name: Graham Tolland\n", "  nmae: Graham Tolland\n")
    problems = problems_of(review_dir)
    assert {(p.file.name, p.field) for p in problems} >= {
        ("child.yaml", "gender"),
        ("review.yaml", "status"),
        ("panel.yaml", "panel_chair.nmae"),
        ("panel.yaml", "panel_chair.name"),
    }


def test_missing_record_file_is_a_problem(review_dir: Path) -> None:
    (review_dir / "panel.yaml").unlink()
    [problem] = problems_of(review_dir)
    assert problem.file.name == "panel.yaml" and "missing" in problem.message


def test_broken_yaml_names_the_line(review_dir: Path) -> None:
    replace_in(review_dir / "people.yaml", "    relationship: Father\n", "    relationship: [Father\n")
    [problem] = problems_of(review_dir)
    assert problem.file.name == "people.yaml"
    assert problem.line is not None and problem.line >= 16


def test_edit_keeps_hand_written_comments(review_dir: Path) -> None:
    path = review_dir / AGENCIES.file_name
    replace_in(path, "  - id: police\n", "  - id: police   # added by hand: DCI prefers email\n")
    folder = CaseFolder.open(review_dir)
    with folder.changing("edit agencies") as change:
        document = change.document(AGENCIES)
        document["agencies"][8]["request_reply"] = "nil-return"
    text = path.read_text(encoding="utf-8")
    assert "# added by hand: DCI prefers email" in text
    assert "# chased by phone on 2026-09-25" in text
    assert folder.load().agency("westmoor-probation").request_reply == RequestReply.NIL_RETURN


def test_an_invalid_edit_writes_nothing(review_dir: Path) -> None:
    path = review_dir / AGENCIES.file_name
    before = path.read_bytes()
    folder = CaseFolder.open(review_dir)
    with pytest.raises(InvalidReview) as caught, folder.changing("edit agencies") as change:
        change.document(AGENCIES)["agencies"][0]["kind"] = "spaceship"
    assert caught.value.problems[0].field == "agencies[police].kind"
    assert path.read_bytes() == before


def test_an_edit_that_contradicts_another_record_writes_nothing(review_dir: Path) -> None:
    path = review_dir / AGENCIES.file_name
    before = path.read_bytes()
    folder = CaseFolder.open(review_dir)
    with pytest.raises(InvalidReview), folder.changing("edit agencies") as change:
        document = change.document(AGENCIES)
        document["agencies"][0]["reply_date"] = "2020-01-01"  # before the referral
    assert path.read_bytes() == before


def test_every_record_kind_has_a_file_in_the_example(review_dir: Path) -> None:
    for kind in RECORD_KINDS:
        assert (review_dir / kind.file_name).is_file(), kind.file_name


def test_an_unknown_field_with_brackets_in_its_name(review_dir: Path) -> None:
    # Found by fuzzing: a key typed as 'a[bbreviation' crashed the error report.
    replace_in(review_dir / "child.yaml", "abbreviation: C", "a[bbreviation: C")
    [problem] = problems_of(review_dir)
    assert problem.field == "a[bbreviation" and "unknown field 'a[bbreviation'" in problem.message
