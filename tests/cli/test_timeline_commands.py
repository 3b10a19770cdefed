"""`scrkit status`, `timeline`, `done`, `set-date`, `decide`, `extend` from the command line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from tests.conftest import fairly_represented, replace_in


def after_the_review(monkeypatch) -> None:  # noqa: ANN001
    """These tests record the example's 2027 steps: the clock is set after them (decisions and key
    dates are refused in the future)."""
    import datetime as dt

    from scrkit import dates

    monkeypatch.setattr(dates, "today", lambda: dt.date(2027, 12, 31))


def test_status_exits_5_when_something_is_overdue(scrkit, review_dir: Path) -> None:
    result = scrkit("status", "-r", review_dir, "--today", "26/11/2026")
    assert result.code == ExitCode.OVERDUE
    assert "family-notified" in result.out and "31 working days overdue" in result.out
    assert "Completion due 07/04/2027: 132 days" in result.out
    assert "Westmoor Probation Service" in result.out


def test_status_exits_0_when_nothing_is_overdue(scrkit, review_dir: Path) -> None:
    result = scrkit("status", "-r", review_dir, "--today", "2026-10-01")
    assert result.code == ExitCode.OK
    assert "overdue" not in result.out.split("Completion")[1]


def test_status_json(scrkit, review_dir: Path) -> None:
    result = scrkit("status", "-r", review_dir, "--today", "2026-12-01", "--json")
    assert result.code == ExitCode.OVERDUE
    payload = json.loads(result.out)
    assert payload["today"] == "2026-12-01"
    [review] = payload["reviews"]
    milestones = {m["id"]: m for m in review["milestones"]}
    assert set(milestones["referral-form"]) >= {"id", "title", "due", "done", "state"}
    assert milestones["referral-form"] | {} == milestones["referral-form"]
    assert (milestones["referral-form"]["due"], milestones["referral-form"]["done"]) == ("2026-09-17", "2026-09-15")
    assert milestones["monthly-update-2"]["state"] == "due-soon"
    assert milestones["publish-summary"]["due"] is None
    assert review["completion"]["due"] == "2027-04-07"
    assert review["agencies_awaiting_reply"] == ["Westmoor Probation Service"]


def test_status_of_several_reviews_worst_first(scrkit, review_dir: Path, tmp_path: Path) -> None:
    calm = tmp_path / "calm"
    shutil.copytree(review_dir, calm)
    replace_in(
        calm / "timeline.yaml", "    done:\n    note:  # awaiting", "    done: 2026-10-14\n    note:  # awaiting"
    )
    replace_in(calm / "review.yaml", "reference: SCR-2026-03", "reference: SCR-2026-04")
    result = scrkit("status", calm, review_dir, "--today", "26/11/2026")
    assert result.code == ExitCode.OVERDUE
    assert result.out.index("SCR-2026-03") < result.out.index("SCR-2026-04")


def test_status_of_several_reviews_with_one_unreadable(scrkit, review_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = scrkit("status", review_dir, tmp_path / "empty", "--today", "26/11/2026")
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "cannot be read" in result.out and "SCR-2026-03" in result.out


def test_status_bad_today(scrkit, review_dir: Path) -> None:
    result = scrkit("status", "-r", review_dir, "--today", "26/13/2026")
    assert result.code == ExitCode.BAD_INPUT
    assert "--today: '26/13/2026' is not a real date" in result.err


def test_done_then_status_clears_the_overdue(scrkit, review_dir: Path) -> None:
    result = scrkit(
        "done", "family-notified", "--date", "20/11/2026", "--note", "Letter hand-delivered", "-r", review_dir
    )
    assert result.code == ExitCode.OK, result.err
    text = (review_dir / "timeline.yaml").read_text(encoding="utf-8")
    assert "done: 2026-11-20\n    note: Letter hand-delivered" in text
    assert "# awaiting police advice on timing (6.1.3)" in text
    # On 20/11/2026 nothing else is overdue (the example's action act-1 falls due that day).
    status = scrkit("status", "-r", review_dir, "--today", "20/11/2026")
    assert status.code == ExitCode.OK
    assert "done 27 working days late" in status.out  # 15 Oct to 20 Nov inclusive


def test_done_with_an_unknown_milestone(scrkit, review_dir: Path) -> None:
    before = (review_dir / "timeline.yaml").read_bytes()
    result = scrkit("done", "family-notifed", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "no milestone 'family-notifed'" in result.err and "'family-notified'" in result.err
    assert "Traceback" not in result.err
    assert (review_dir / "timeline.yaml").read_bytes() == before


def test_done_with_a_date_in_the_wrong_form(scrkit, review_dir: Path) -> None:
    result = scrkit("done", "family-notified", "--date", "Nov 20 2026", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "--date: 'Nov 20 2026' is not a date scrkit can read" in result.err


def test_set_date_moves_what_counts_from_it(scrkit, review_dir: Path) -> None:
    result = scrkit("set-date", "presentation-meeting", "03/03/2027", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    assert "presentation_meeting: 2027-03-03" in (review_dir / "review.yaml").read_text(encoding="utf-8")
    payload = json.loads(scrkit("status", "-r", review_dir, "--json", "--today", "2026-10-01").out)
    due = {m["id"]: m["due"] for m in payload["reviews"][0]["milestones"]}
    assert due["imrs-circulated"] == "2027-02-17"


def test_set_date_unknown_key(scrkit, review_dir: Path) -> None:
    result = scrkit("set-date", "inquest", "03/03/2027", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "'inquest' is not a key date" in result.err


def test_decide_and_extend(scrkit, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    after_the_review(monkeypatch)
    folder = tmp_path / "r"
    assert scrkit(
        "new", folder, "--reference", "SCR-2027-01", "--child-name", "Test Child", "--dob", "01/06/2025",
        "--incident-date", "22/12/2026", "--referral-date", "24/12/2026", "--no-input",
    ).code == ExitCode.OK  # fmt: skip
    decided = scrkit("decide", "scr", "--date", "08/01/2027", "--reasons", "Threshold met", "-r", folder)
    assert decided.code == ExitCode.OK, decided.err
    # 7.1.2: six months from the decision of 08/01/2027; before it, six months from the decision's
    # latest date, a month after the referral of 24/12/2026 (24/01/2027 + 6 months).
    assert "Completion is now due 08/07/2027 (was 24/07/2027)." in decided.err
    # A step that does not move the completion does not repeat it after every `done`.
    sent = scrkit("done", "request-letters", "--date", "28/12/2026", "-r", folder)
    assert sent.code == ExitCode.OK, sent.err
    assert "Completion" not in sent.err
    extended = scrkit("extend", "--to", "30/09/2027", "--reason", "Criminal trial set for July", "-r", folder)
    assert extended.code == ExitCode.OK, extended.err
    assert "Completion is now due 30/09/2027 (extended) (was 08/07/2027)." in extended.err
    assert "inform Ofsted" in extended.err
    status = scrkit("status", "-r", folder, "--today", "2027-01-20")
    assert "Completion due 30/09/2027" in status.out
    assert "Extended: Criminal trial set for July (Ofsted NOT yet informed (7.2.1))" in status.out


def test_decide_not_scr_marks_scr_milestones_not_applicable(scrkit, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    after_the_review(monkeypatch)
    folder = tmp_path / "r"
    scrkit(
        "new", folder, "--reference", "SCR-2027-02", "--child-name", "Test Child", "--dob", "01/06/2025",
        "--incident-date", "22/12/2026", "--referral-date", "24/12/2026", "--no-input",
    )  # fmt: skip
    result = scrkit("decide", "not-scr", "--date", "15/01/2027", "--alternative", "learning-day", "-r", folder)
    assert result.code == ExitCode.OK, result.err
    payload = json.loads(scrkit("status", "-r", folder, "--json", "--today", "2027-01-16").out)
    states = {m["id"]: m["state"] for m in payload["reviews"][0]["milestones"]}
    assert states["completion"] == states["commission-imrs"] == "not-applicable"
    assert payload["reviews"][0]["completion"] is None


def test_timeline_refreshes_due_dates_after_a_hand_edit(scrkit, review_dir: Path) -> None:
    # The business manager corrects the referral date by hand in Notepad.
    replace_in(review_dir / "review.yaml", "referral_received: 2026-09-16", "referral_received: 2026-09-15")
    result = scrkit("timeline", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    text = (review_dir / "timeline.yaml").read_text(encoding="utf-8")
    # request-letters: 1 working day after Tue 15 Sep is Wed 16 Sep.
    assert (
        "  request-letters:\n    title: Referral form and request letter sent to agencies\n    due: 2026-09-16\n"
        in text
    )
    assert "# awaiting police advice on timing (6.1.3)" in text


def test_status_reads_whole_at_80_columns(scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns the table broke the ids people must type ("referral / -form"): a list instead."""
    monkeypatch.setenv("COLUMNS", "80")
    result = scrkit("status", "--today", "01/12/2026", "-r", review_dir)
    lines = result.out.splitlines()
    listed = lines[1 : next(i for i, line in enumerate(lines) if line.startswith("Completion"))]
    assert listed and all(len(line) <= 80 for line in listed), max(listed, key=len)
    assert any(line.startswith("referral-form ") and "due 17/09/2026" in line and "done 15/09/2026" in line
               for line in lines)  # fmt: skip
    assert any(line.startswith("terms-of-reference ") and line.rstrip().endswith("late") for line in lines)


def test_recording_completion_completes_the_review(scrkit, review_dir: Path) -> None:
    from scrkit.review.casefolder import CaseFolder

    # 1.6.7, 14.1: once the LSCB approves the final SCR, the review is approved (not in progress).
    assert CaseFolder.open(review_dir).load().review.status.value == "in-progress"
    fairly_represented(review_dir, dt.date(2026, 11, 20))
    for milestone, on in (("family-notified", "20/10/2026"), ("imrs-circulated", "03/11/2026"),
                          ("overview-draft", "10/11/2026"), ("completion", "20/11/2026")):  # fmt: skip
        result = scrkit("done", milestone, "--date", on, "-r", review_dir)
        assert result.code == 0, result.err
    assert CaseFolder.open(review_dir).load().review.status.value == "approved"
    from scrkit.review import audit

    assert "status approved: 'completion' done 20/11/2026" in audit.changes(review_dir)[-1].note
