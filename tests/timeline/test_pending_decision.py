"""Before the decision, an SCR-only step is pending the decision, never overdue (issue 13, item 6; 7.1.2
allows a month to decide, and the review may never be held).

Worked by hand (England): referral received Thu 24/12/2026. appointments and terms-of-reference:
3 weeks after the referral, Thu 14/01/2027 (SCR only); commission-imrs and family-notified: 4 weeks,
Thu 21/01/2027 (SCR only); the decision: 1 calendar month, Sun 24/01/2027. Status on Wed 20/01/2027,
every step that is not SCR-only done on time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from scrkit.jobs.timeline import load_timetable, record_decision, record_done
from scrkit.models.review import Alternative, DecisionOutcome
from scrkit.timeline.status import State, assess
from tests.timeline.reviews import opened_review

D = dt.date
ON = D(2027, 1, 20)


@pytest.fixture
def review(tmp_path: Path) -> Path:
    folder = opened_review(tmp_path / "review", D(2026, 12, 22), D(2026, 12, 24))
    for milestone, day in (("referral-form", D(2026, 12, 24)), ("request-letters", D(2026, 12, 29)),
                           ("agency-responses", D(2027, 1, 4)), ("notify-incident", D(2026, 12, 31)),
                           ("panel-convened", D(2026, 12, 31))):  # fmt: skip
        record_done(folder, milestone, day, None, today=ON)
    return folder


def states(folder: Path) -> dict[str, tuple[dt.date | None, State]]:
    timetable = load_timetable(folder)
    report = assess(timetable.records, timetable.schedule, ON)
    return {status.milestone.id: (status.milestone.due, status.state) for status in report.milestones}


def test_scr_only_steps_past_their_date_are_pending_the_decision(scrkit, review: Path) -> None:
    found = states(review)
    assert found["appointments"] == (D(2027, 1, 14), State.PENDING_DECISION)
    assert found["terms-of-reference"] == (D(2027, 1, 14), State.PENDING_DECISION)
    assert found["commission-imrs"] == (D(2027, 1, 21), State.PENDING_DECISION)
    assert found["decision"] == (D(2027, 1, 24), State.DUE_SOON)
    result = scrkit("status", "--today", "20/01/2027", "-r", review)
    assert result.code == ExitCode.OK, result.out  # nothing overdue: the review may never be held
    assert "pending the decision" in result.out


def test_once_an_scr_is_decided_they_are_overdue(scrkit, review: Path) -> None:
    record_decision(review, DecisionOutcome.SCR, ON, None, "Threshold met", today=ON)
    found = states(review)
    assert found["terms-of-reference"] == (D(2027, 1, 14), State.OVERDUE)
    assert found["commission-imrs"] == (D(2027, 1, 21), State.DUE_SOON)
    assert scrkit("status", "--today", "20/01/2027", "-r", review).code == ExitCode.OVERDUE


def test_once_decided_not_an_scr_they_do_not_apply(scrkit, review: Path) -> None:
    record_decision(review, DecisionOutcome.NOT_SCR, ON, Alternative.LEARNING_DAY, "Below threshold", today=ON)
    found = states(review)
    assert found["terms-of-reference"][1] is State.NOT_APPLICABLE
    assert scrkit("status", "--today", "20/01/2027", "-r", review).code == ExitCode.OK
