"""`scrkit new`, `validate`, `summary`: exit codes, messages, and no traceback."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import ExitCode
from scrkit.review.casefolder import CaseFolder
from tests.conftest import line_number_of, replace_in

NEW_FLAGS = [
    "--reference", "SCR-2026-12",
    "--child-name", "Ellie O'Neill",
    "--dob", "03/04/2025",
    "--incident-date", "2026-11-20",
    "--referral-date", "23/11/2026",
    "--circumstances", "b,e",
    "--no-input",
]  # fmt: skip


def test_new_with_flags_then_validate(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    result = scrkit("new", folder, *NEW_FLAGS)
    assert result.code == ExitCode.OK, result.err
    assert "Opened review SCR-2026-12" in result.out
    assert "scrkit validate" in result.err  # says what to do next
    checked = scrkit("validate", "-r", folder)
    assert checked.code == ExitCode.OK
    assert "is valid" in checked.out
    assert "date_of_birth: 2025-04-03" in (folder / "child.yaml").read_text(encoding="utf-8")


def test_hand_comment_survives_a_later_write(scrkit, review_dir: Path) -> None:
    agencies = review_dir / "agencies.yaml"
    replace_in(agencies, "  - id: westmoor-probation\n", "  - id: westmoor-probation  # out of area: phone first\n")
    result = scrkit("agencies", "reply", "westmoor-probation", "nil-return", "--date", "25/09/2026", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    text = agencies.read_text(encoding="utf-8")
    assert "# out of area: phone first" in text
    assert "request_reply: nil-return  # chased by phone on 2026-09-25" in text
    assert "reply_date: 2026-09-25" in text


def test_new_without_details_and_no_input_names_the_missing_flags(scrkit, tmp_path: Path) -> None:
    result = scrkit("new", tmp_path / "r", "--reference", "X", "--no-input")
    assert result.code == ExitCode.BAD_INPUT
    assert "--child-name, --dob, --incident-date, --referral-date" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "r").exists()


def test_new_with_a_bad_date(scrkit, tmp_path: Path) -> None:
    flags = [flag if flag != "03/04/2025" else "31/02/2025" for flag in NEW_FLAGS]
    result = scrkit("new", tmp_path / "r", *flags)
    assert result.code == ExitCode.BAD_INPUT
    assert "--dob: '31/02/2025' is not a real date" in result.err
    assert not (tmp_path / "r").exists()


def test_new_refuses_an_existing_review(scrkit, review_dir: Path) -> None:
    result = scrkit("new", review_dir, *NEW_FLAGS)
    assert result.code == ExitCode.REFUSED
    assert "already holds a review" in result.err


def test_new_prompts_for_what_is_missing(scrkit, tmp_path: Path, monkeypatch) -> None:
    import io

    from scrkit.cli import review as review_commands

    monkeypatch.setattr(review_commands, "can_prompt", lambda: True)
    # The first date typed is impossible; scrkit says so and asks again.
    # Then the gender (a word that is not one is asked again), the circumstances (App 1 section 5)
    # and, as the child died (a), the date of death.
    answers = (
        "SCR-2026-13\nRuby Hale\n30/02/2025\n28/02/2025\n20/11/2026\n23/11/2026\ngirl\nfemale\nz\na, e\n21/11/2026\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    result = scrkit("new", tmp_path / "r")
    assert result.code == ExitCode.OK, result.err
    assert "not a real date" in result.err
    assert "'girl' is not one of: male, female, unknown." in result.err
    assert "a  Death of the child, abuse or neglect known or suspected" in result.err
    assert "\n'z' should be letters from a to e" in result.err.replace(":", "\n")
    records = CaseFolder.open(tmp_path / "r").load()
    assert str(records.child.date_of_birth) == "2025-02-28" and records.child.gender == "female"
    assert str(records.child.date_of_death) == "2026-11-21"
    assert [c.category for c in records.review.circumstances] == ["a", "e"]


def test_validate_reports_file_line_field_without_traceback(scrkit, review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "date_of_birth: 2024-03-11", "date_of_birth: 31/02/2024")
    replace_in(review_dir / "agencies.yaml", "    kind: education\n", "    kind: education\n    colour: red\n")
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    lines = result.err.splitlines()
    dob_line = line_number_of(review_dir / "child.yaml", "date_of_birth:")
    colour_line = line_number_of(review_dir / "agencies.yaml", "colour: red")
    assert f"{review_dir / 'child.yaml'}:{dob_line}: date_of_birth: '31/02/2024' is not a real date" in lines[0]
    assert any(
        line.startswith(
            f"{review_dir / 'agencies.yaml'}:{colour_line}: agencies[brookside-primary].colour: unknown field"
        )
        for line in lines
    )
    assert "2 problems found" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""


def test_validate_death_before_birth_and_undefined_agency(scrkit, review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "date_of_death:  ", "date_of_death: 2020-05-05")
    replace_in(review_dir / "referral.yaml", "  agency: police ", "  agency: constabulary ")
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    death = line_number_of(review_dir / "child.yaml", "date_of_death:")
    referrer = line_number_of(review_dir / "referral.yaml", "agency: constabulary")
    assert f"{review_dir / 'child.yaml'}:{death}: date_of_death: is before the date of birth" in result.err
    assert f"{review_dir / 'referral.yaml'}:{referrer}: referrer.agency: names agency 'constabulary'" in result.err


def test_debug_shows_the_traceback(scrkit, review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "gender: female", "gender: girl")
    plain = scrkit("validate", "-r", review_dir)
    debug = scrkit("--debug", "validate", "-r", review_dir)
    assert "Traceback" not in plain.err
    assert "Traceback" in debug.err
    assert plain.code == debug.code == ExitCode.PROBLEMS_FOUND


def test_not_a_review(scrkit, tmp_path: Path) -> None:
    result = scrkit("validate", "-r", tmp_path / "nowhere")
    assert result.code == ExitCode.NOT_A_REVIEW
    assert "There is no folder" in result.err


def test_review_defaults_to_the_current_folder(scrkit, review_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(review_dir)
    assert scrkit("validate").code == ExitCode.OK


def test_unknown_flag_is_a_usage_error(scrkit) -> None:
    result = scrkit("validate", "--colour")
    assert result.code == ExitCode.BAD_INPUT
    assert "No such option" in result.err


def test_a_bug_is_reported_plainly(scrkit, review_dir: Path, monkeypatch) -> None:
    from scrkit.review import casefolder

    def broken(self):  # noqa: ANN001, ANN202
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(casefolder.CaseFolder, "load", broken)
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.INTERNAL
    assert "unexpected problem" in result.err and "--debug" in result.err
    assert "Traceback" not in result.err


def test_summary_shows_the_essentials(scrkit, review_dir: Path) -> None:
    result = scrkit("summary", "-r", review_dir)
    assert result.code == ExitCode.OK
    for fact in ("SCR-2026-03", "Mia-Rose Fenwick", "2 years 6 months", "14/09/2026", "Westmoor Probation Service"):
        assert fact in result.out
