"""`scrkit agencies`: listing and recording replies to the request letter."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import ExitCode


def test_lists_agencies(scrkit, review_dir: Path) -> None:
    result = scrkit("agencies", "-r", review_dir)
    assert result.code == ExitCode.OK
    assert "westmoor-probation" in result.out and "awaiting" in result.out


def test_reply_for_an_unknown_agency(scrkit, review_dir: Path) -> None:
    before = (review_dir / "agencies.yaml").read_bytes()
    result = scrkit("agencies", "reply", "nobody", "involved", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "no agency 'nobody'" in result.err and "westmoor-probation" in result.err
    assert (review_dir / "agencies.yaml").read_bytes() == before


def test_reply_dated_before_the_referral_is_refused_and_writes_nothing(scrkit, review_dir: Path) -> None:
    before = (review_dir / "agencies.yaml").read_bytes()
    result = scrkit("agencies", "reply", "westmoor-probation", "involved", "--date", "01/01/2026", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "reply_date: is before the referral was received" in result.err
    assert (review_dir / "agencies.yaml").read_bytes() == before


def test_reply_records_secured_date(scrkit, review_dir: Path) -> None:
    result = scrkit(
        "agencies", "reply", "westmoor-probation", "involved", "--date", "2026-09-28", "--secured", "2026-09-27",
        "-r", review_dir,
    )  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    listing = scrkit("agencies", "-r", review_dir).out
    assert "27/09/2026" in listing


def test_text_from_records_is_printed_as_written(scrkit, review_dir: Path) -> None:
    """Rich would read "[/b]" as markup (and crash) and ":100:" as an emoji; names are printed as typed."""
    from tests.conftest import replace_in

    replace_in(review_dir / "agencies.yaml", "name: Ashcombe Constabulary", 'name: "Ashcombe [/b] :100: Police"')
    result = scrkit("agencies", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    assert "[/b]" in result.out and ":100:" in result.out


def _review_asking_two_agencies(scrkit, folder: Path) -> None:  # noqa: ANN001
    assert scrkit(
        "new", folder, "--reference", "SCR-2026-31", "--child-name", "Tobin Ashdown", "--dob", "03/02/2024",
        "--incident-date", "02/03/2026", "--referral-date", "03/03/2026", "--no-input",
    ).code == ExitCode.OK  # fmt: skip
    agencies = (["id=police", "name=Fenmoor Police", "kind=police"], ["id=school", "name=Reed Lane", "kind=education"])
    for entry in agencies:
        assert scrkit("add", "agencies", *entry, "-r", folder).code == ExitCode.OK
    assert scrkit("done", "request-letters", "--date", "04/03/2026", "-r", folder).code == ExitCode.OK


def _responses(folder: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((folder / "timeline.yaml").read_text())["milestones"]["agency-responses"]


def test_the_last_reply_records_the_agencies_responses(scrkit, tmp_path: Path) -> None:
    """App 2: the milestone is every agency's reply, with an involved agency's records secured
    (5.1.2); the day it happened is the day the last of them arrived, not the day it was typed."""
    folder = tmp_path / "review"
    _review_asking_two_agencies(scrkit, folder)
    first = scrkit("agencies", "reply", "school", "nil-return", "--date", "06/03/2026", "-r", folder)
    assert first.code == ExitCode.OK, first.err
    assert "Still to reply: police." in first.err
    assert _responses(folder).get("done") is None
    involved = scrkit("agencies", "reply", "police", "involved", "--date", "09/03/2026", "-r", folder)
    assert "records not yet secured (5.1.2): police" in involved.err
    assert _responses(folder).get("done") is None
    secured = scrkit("agencies", "reply", "police", "involved", "--date", "09/03/2026", "--secured", "10/03/2026",
                     "-r", folder)  # fmt: skip
    assert secured.code == ExitCode.OK, secured.err
    assert "agency-responses recorded as done 10/03/2026" in secured.err
    assert str(_responses(folder)["done"]) == "2026-03-10"
    # Request letters 04/03/2026 + 3 working days (5, 6, 9 March): due 09/03/2026, so a day late.
    assert str(_responses(folder)["due_when_done"]) == "2026-03-09"
    assert "recorded done: agency-responses 2026-03-10" in (folder / "audit.log").read_text()


def test_replies_before_the_request_letters_are_recorded_leave_the_milestone_to_done(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "review"
    assert scrkit(
        "new", folder, "--reference", "SCR-2026-32", "--child-name", "Tobin Ashdown", "--dob", "03/02/2024",
        "--incident-date", "02/03/2026", "--referral-date", "03/03/2026", "--no-input",
    ).code == ExitCode.OK  # fmt: skip
    assert scrkit("add", "agencies", "id=police", "name=Fenmoor Police", "kind=police", "-r", folder).code == 0
    result = scrkit("agencies", "reply", "police", "nil-return", "--date", "06/03/2026", "-r", folder)
    assert result.code == ExitCode.OK, result.err
    # agency-responses requires the request letters (the profile): nothing is recorded before them.
    assert _responses(folder).get("done") is None
