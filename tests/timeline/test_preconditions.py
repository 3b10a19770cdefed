"""What must be recorded first (the profile's `requires`), and dates that cannot be: each rule both ways.

The review: incident Tuesday 22 December 2026, referral received Thursday 24 December 2026. The
decision is recorded on Friday 8 January 2027 (7.1.2); completion is then due 8 July 2027 (7.1.3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import BadInput, InvalidReview
from scrkit.jobs.review import NewReview, new_review
from scrkit.jobs.timeline import load_timetable, record_decision, record_done, record_extension, set_key_date
from scrkit.models.review import Alternative, DecisionOutcome
from tests.conftest import replace_in

D = dt.date
LATER = D(2028, 1, 1)  # a day after everything below, as "today"


@pytest.fixture
def review(tmp_path: Path) -> Path:
    new_review(
        tmp_path / "review",
        NewReview(
            "SCR-TEST-2", "Test Child", D(2025, 6, 1), incident_date=D(2026, 12, 22), referral_received=D(2026, 12, 24)
        ),  # fmt: skip
    )
    return tmp_path / "review"


def test_the_decision_is_notified_only_once_it_exists(review: Path) -> None:
    with pytest.raises(BadInput, match="the decision is not recorded yet"):
        record_done(review, "notify-decision", D(2027, 1, 4), None, today=LATER)
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=LATER)
    with pytest.raises(BadInput, match="the decision was recorded on 08/01/2027, after 07/01/2027"):
        record_done(review, "notify-decision", D(2027, 1, 7), None, today=LATER)
    done = record_done(review, "notify-decision", D(2027, 1, 11), None, today=LATER)
    assert done.schedule.get("notify-decision").done == D(2027, 1, 11)  # type: ignore[union-attr]


def test_nothing_is_done_before_the_review_begins(review: Path) -> None:
    with pytest.raises(BadInput, match="before the referral was received"):
        record_done(review, "request-letters", D(2026, 12, 23), None, today=LATER)
    # App 1: the referral form is written within 72 hours of the incident, so it may precede the referral.
    record_done(review, "referral-form", D(2026, 12, 22), None, today=LATER)
    with pytest.raises(BadInput, match="before the incident"):
        record_done(review, "referral-form", D(2026, 12, 21), None, today=LATER)


def test_decisions_are_not_in_the_future_nor_before_the_referral(review: Path) -> None:
    with pytest.raises(BadInput, match="is in the future"):
        record_decision(review, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=D(2027, 1, 5))
    with pytest.raises(BadInput, match="before the referral was received"):
        record_decision(review, DecisionOutcome.SCR, D(2026, 12, 20), None, None, today=LATER)
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=D(2027, 1, 8))


def test_key_dates_that_record_events_are_not_in_the_future(review: Path) -> None:
    with pytest.raises(BadInput, match="in the future"):
        set_key_date(review, "ofsted-evaluation", D(2027, 10, 31), today=D(2027, 10, 1))
    # The presentation meeting is planned ahead (12.1): a future date is its purpose.
    timetable = set_key_date(review, "presentation-meeting", D(2027, 4, 14), today=D(2027, 1, 1))
    assert timetable.schedule.get("imrs-circulated").due == D(2027, 3, 31)  # type: ignore[union-attr]


def test_an_extension_follows_the_decision_to_hold_an_scr_and_gives_more_time(review: Path, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="record the decision to hold one first"):
        record_extension(review, D(2027, 9, 30), "Trial", None, None)
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=LATER)
    with pytest.raises(BadInput, match="not later than the completion date now \\(08/07/2027\\)"):
        record_extension(review, D(2027, 7, 1), "Trial", None, None)
    extended = record_extension(review, D(2027, 9, 30), "Awaiting the criminal trial (1.7)", None, None)
    assert extended.schedule.completion().due == D(2027, 9, 30)  # type: ignore[union-attr]
    with pytest.raises(BadInput, match="not later than the completion date now \\(30/09/2027\\)"):
        record_extension(review, D(2027, 9, 1), "Shorter after all", None, None)


def test_a_review_that_is_not_an_scr_has_nothing_to_extend(review: Path) -> None:
    record_decision(review, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, None, today=LATER)
    with pytest.raises(BadInput, match="not to hold an SCR"):
        record_extension(review, D(2027, 9, 30), "Trial", None, None)


def test_validate_reports_a_hand_edit_that_records_a_step_before_what_it_requires(review: Path) -> None:
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=LATER)
    replace_in(
        review / "timeline.yaml", "    due: 2027-01-14\n    done:\n", "    due: 2027-01-14\n    done: 2027-01-06\n"
    )
    with pytest.raises(InvalidReview) as caught:
        load_timetable(review)
    [problem] = caught.value.problems
    assert problem.field == "milestones.notify-decision.done"
    assert "the decision was recorded on 08/01/2027, after 06/01/2027" in problem.message
