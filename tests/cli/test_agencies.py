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
    assert result.code == ExitCode.PROBLEMS_FOUND
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
