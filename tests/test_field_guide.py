"""Every field is documented in its record's header comments, written from the models' field
descriptions so the two cannot drift (issue 15, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.case.guide import FIRST_LINE, LAST_LINE, field_guide, undocumented, with_guide
from scrkit.case.layout import CHILD, PEOPLE, RECORD_KINDS, RecordKind
from scrkit.models.fields import Record, Text
from tests.conftest import example_review

KINDS = pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.name)


@KINDS
def test_every_field_of_every_record_has_a_description(kind: RecordKind) -> None:
    assert undocumented(kind.model) == [], f"fields of {kind.file_name} with no docstring under them"


def test_a_field_without_a_description_is_found() -> None:
    class Nested(Record):
        told: Text
        """said"""
        silent: Text | None = None

    class Outer(Record):
        entries: list[Nested] = []
        """the entries"""
        bare: Text | None = None

    assert undocumented(Outer) == ["entries.silent", "bare"]


def guide_block(text: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.rstrip("\n") == FIRST_LINE)
    end = next(n for n, line in enumerate(lines) if line.rstrip("\n") == LAST_LINE)
    return "".join(lines[start : end + 1])


@KINDS
def test_the_example_records_carry_the_current_guide(kind: RecordKind) -> None:
    text = (example_review() / kind.file_name).read_text(encoding="utf-8")
    assert FIRST_LINE in text, f"{kind.file_name} has no field guide: run `python tools/field_guides.py`"
    assert guide_block(text) == field_guide(kind.model), (
        f"the field guide of {kind.file_name} is out of date: run `python tools/field_guides.py`"
    )


def test_the_guide_names_the_fields_people_could_not_find() -> None:
    # The fields that existed only in the example (the genogram drew every adult "gender unknown").
    people = field_guide(PEOPLE.model)
    assert "#     gender: their gender, as the genogram draws it (App 15) (one of: male, female, unknown)" in people
    assert "#   - id: their id" in people  # a list's entries open with "- ", as they are written
    panel = field_guide(RECORD_KINDS[5].model)
    assert "indemnity_confirmed:" in panel and "(3.1.3)" in panel


def test_a_guide_describes_each_field_once_with_what_to_type() -> None:
    child = field_guide(CHILD.model)
    unwrapped = " ".join(child.replace("#", " ").split())
    assert "date_of_birth: the child's date of birth (App 1 section 2) (a date, not after today; must be filled in)" \
        in unwrapped  # fmt: skip
    assert "# child_protection_plan: is or was the child subject to a child protection plan? (App 1 section 2)" in child
    assert "(yes or no)" in child
    assert all(len(line) <= 102 for line in child.splitlines()[1:-1]), "guide lines fold at 100 columns"


def test_a_new_review_has_a_guide_in_every_record(tmp_path: Path, scrkit) -> None:  # noqa: ANN001
    review = tmp_path / "new"
    result = scrkit(
        "new", review, "--reference", "SCR-G-1", "--child-name", "Nell Quarry", "--dob", "03/04/2021",
        "--incident-date", "01/11/2026", "--referral-date", "02/11/2026", "--circumstances", "b", "--no-input",
    )  # fmt: skip
    assert result.code == 0, result.err
    for kind in RECORD_KINDS:
        text = (review / kind.file_name).read_text(encoding="utf-8")
        assert guide_block(text) == field_guide(kind.model), kind.file_name
        assert text.index(LAST_LINE) < text.index("\n" + next(iter(kind.model.model_fields)) + ":"), (
            "guide above the keys"
        )


def test_saving_brings_the_guide_up_to_date_and_keeps_the_persons_comments(review_dir: Path, scrkit) -> None:  # noqa: ANN001
    path = review_dir / "child.yaml"
    text = path.read_text(encoding="utf-8")
    stale = text.replace("# name: the child's full name", "# name: an old description", 1)
    path.write_text(stale + "# Checked with the health visitor, 12/10/2026.\n", encoding="utf-8")
    assert scrkit("set", "child.known_as", "Mimi", "-r", review_dir).code == 0
    saved = path.read_text(encoding="utf-8")
    assert "an old description" not in saved
    assert guide_block(saved) == field_guide(CHILD.model)
    assert "# Checked with the health visitor, 12/10/2026." in saved
    assert "# EXAMPLE: the child and family are invented." in saved


def test_a_guide_the_person_deleted_stays_deleted() -> None:
    assert with_guide("# my own notes\nname: x\n", CHILD.model) == "# my own notes\nname: x\n"
    assert with_guide("# my own notes\nname: x\n", CHILD.model, add=True).startswith("# my own notes\n" + FIRST_LINE)


def test_a_guide_cut_short_by_hand_is_left_alone() -> None:
    text = f"{FIRST_LINE}\n# name: half a guide\nname: x\n"
    assert with_guide(text, CHILD.model) == text
