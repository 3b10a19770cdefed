"""Mistakes a new user made typing commands (a newcomer's run of the README): each is refused with what
to type instead, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import ExitCode


def snapshot(review_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(review_dir.iterdir()) if path.is_file()}


def test_an_empty_date_is_refused_not_read_as_today(scrkit, review_dir: Path) -> None:
    """`done referral-form --date ""` printed "Recorded: referral-form done 06/12/2026" without a word."""
    before = snapshot(review_dir)
    result = scrkit("done", "family-notified", "--date", "", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "--date is empty" in result.err
    assert snapshot(review_dir) == before


def test_a_date_written_month_first_is_refused_with_the_date_it_could_mean(scrkit, review_dir: Path) -> None:
    result = scrkit("done", "family-notified", "--date", "10/25/2026", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "scrkit reads dates day first, so for 25 October 2026 write 25/10/2026" in result.err
    assert result.err.count("14/09/2026") == 0  # one piece of advice, not the same one twice


def test_an_imr_not_yet_commissioned_cannot_be_updated(scrkit, review_dir: Path) -> None:
    """`imr update` before commissioning made a second row for the agency ("1 of 1 received" beside "No
    IMR commissioned yet from ...")."""
    before = snapshot(review_dir)
    result = scrkit("imr", "update", "womens-aid", "--author", "Sam Reid", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "No IMR has been commissioned from Ashcombe Women's Aid yet" in result.err
    assert "scrkit letters commission-imr --to womens-aid --record-sent" in result.err
    assert snapshot(review_dir) == before


def test_an_overdue_action_counts_as_overdue_wherever_status_counts(scrkit, review_dir: Path, tmp_path: Path) -> None:
    """`status` exited 5 for an action 16 days overdue while `--json` said "overdue": 0 and the view
    of several reviews said 0, ranking the review below others."""
    import json
    import shutil

    assert scrkit("done", "family-notified", "--date", "20/10/2026", "-r", review_dir).code == ExitCode.OK
    # On 25/11/2026 no milestone is overdue; act-1 was due by 20/11/2026 (actions.yaml): 5 days.
    single = scrkit("status", "--today", "25/11/2026", "--json", "-r", review_dir)
    assert single.code == ExitCode.OVERDUE, single.err
    [payload] = json.loads(single.out)["reviews"]
    assert (payload["overdue"], payload["overdue_milestones"]) == (1, 0)
    assert [item["id"] for item in payload["actions_overdue"]] == ["act-1"]
    other = tmp_path / "other"
    shutil.copytree(review_dir, other)
    many = scrkit("status", review_dir, other, "--today", "25/11/2026")
    assert many.out.count("1 action overdue") == 2, many.out


def test_a_review_decided_not_an_scr_asks_for_no_imrs(scrkit, review_dir: Path) -> None:
    """A closed not-an-SCR review still printed "No IMR commissioned yet from: ..." (IMRs are an SCR's)."""
    revised = scrkit("decide", "not-scr", "--date", "10/10/2026", "--alternative", "single-agency-review",
                     "--reasons", "Below the threshold", "--revise", "Panel advice", "-r", review_dir)  # fmt: skip
    assert revised.code == ExitCode.OK, revised.err
    result = scrkit("status", "--today", "01/12/2026", "-r", review_dir)
    assert "No IMR commissioned yet" not in result.out
