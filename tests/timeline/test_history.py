"""What is done stays as it was judged, and a correction keeps the old date (issue 13, items 2 and 3).

Dates worked out by hand (England, no bank holiday in the period): incident Mon 23/11/2026,
referral received Tue 01/12/2026. request-letters: 1 working day after the referral, Wed 02/12;
notify-incident: 1 week after the referral, Tue 08/12.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import BadInput, Refused
from scrkit.jobs.timeline import correct_done, load_timetable, record_done, set_key_date
from scrkit.review.casefolder import CaseFolder
from scrkit.timeline.status import State, assess
from tests.timeline.reviews import opened_review

D = dt.date
TODAY = D(2026, 12, 10)


@pytest.fixture
def review(tmp_path: Path) -> Path:
    return opened_review(tmp_path / "review", D(2026, 11, 23), D(2026, 12, 1), date_of_birth=D(2024, 5, 1))


def state_of(folder: Path, milestone: str) -> tuple[dt.date | None, State]:
    timetable = load_timetable(folder)
    report = assess(timetable.records, timetable.schedule, TODAY)
    found = next(status for status in report.milestones if status.milestone.id == milestone)
    return found.milestone.due, found.state


def test_a_done_milestone_keeps_the_due_date_it_was_judged_against(review: Path) -> None:
    assert state_of(review, "request-letters")[0] == D(2026, 12, 2)
    record_done(review, "request-letters", D(2026, 12, 3), None, today=TODAY)  # a day late
    assert state_of(review, "request-letters") == (D(2026, 12, 2), State.LATE)
    # The referral date is then put right: Wed 02/12. A milestone not yet done moves (notify-incident,
    # Tue 08/12 to Wed 09/12); the one done keeps its due date and stays late, as it was.
    set_key_date(review, "referral", D(2026, 12, 2), today=TODAY)
    assert state_of(review, "request-letters") == (D(2026, 12, 2), State.LATE)
    assert state_of(review, "notify-incident")[0] == D(2026, 12, 9)
    entry = CaseFolder.open(review).load().timeline.milestones["request-letters"]
    assert (entry.done, entry.due_when_done) == (D(2026, 12, 3), D(2026, 12, 2))


def test_a_done_milestone_is_never_recorded_again(review: Path) -> None:
    record_done(review, "request-letters", D(2026, 12, 2), None, today=TODAY)
    with pytest.raises(Refused, match="already done on 02/12/2026") as refused:
        record_done(review, "request-letters", D(2026, 12, 7), None, today=TODAY)
    assert "scrkit correct request-letters" in (refused.value.hint or "")
    assert CaseFolder.open(review).load().timeline.milestones["request-letters"].done == D(2026, 12, 2)


def test_a_correction_keeps_the_old_date_in_the_history_and_the_audit_log(review: Path) -> None:
    record_done(review, "request-letters", D(2026, 12, 7), None, today=TODAY)
    was, _timetable = correct_done(review, "request-letters", D(2026, 12, 2), "typed 07 for 02", today=TODAY)
    assert was == D(2026, 12, 7)
    entry = CaseFolder.open(review).load().timeline.milestones["request-letters"]
    assert entry.done == D(2026, 12, 2)
    assert [(c.was, c.corrected_on, c.reason) for c in entry.history] == [(D(2026, 12, 7), TODAY, "typed 07 for 02")]
    log = (review / "audit.log").read_text(encoding="utf-8")
    assert "corrected request-letters from 2026-12-07 to 2026-12-02: typed 07 for 02" in log
    assert state_of(review, "request-letters") == (D(2026, 12, 2), State.DONE)  # on time, as it really was


def test_a_correction_needs_a_done_milestone_a_reason_and_a_date_the_rules_allow(review: Path) -> None:
    with pytest.raises(BadInput, match="not recorded as done"):
        correct_done(review, "request-letters", D(2026, 12, 2), "wrong", today=TODAY)
    record_done(review, "request-letters", D(2026, 12, 2), None, today=TODAY)
    with pytest.raises(BadInput, match="--reason is needed"):
        correct_done(review, "request-letters", D(2026, 12, 3), "  ", today=TODAY)
    with pytest.raises(BadInput, match="before the referral was received"):
        correct_done(review, "request-letters", D(2026, 11, 30), "earlier", today=TODAY)
    with pytest.raises(BadInput, match="in the future"):
        correct_done(review, "request-letters", D(2026, 12, 11), "later", today=TODAY)
    assert CaseFolder.open(review).load().timeline.milestones["request-letters"].history == []


def test_every_extension_is_kept_and_its_days_are_not_in_the_future_nor_before_the_decision(review: Path) -> None:
    from scrkit.jobs.timeline import record_decision, record_extension
    from scrkit.models.review import DecisionOutcome

    later = D(2027, 6, 1)
    record_decision(review, DecisionOutcome.SCR, D(2026, 12, 8), None, None, today=TODAY)
    with pytest.raises(BadInput, match="--agreed-on 01/12/2026 is before the decision"):
        record_extension(review, D(2027, 7, 30), "Trial listed", None, D(2026, 12, 1), today=later)
    with pytest.raises(BadInput, match="--ofsted-informed 02/06/2027 is in the future"):
        record_extension(review, D(2027, 7, 30), "Trial listed", D(2027, 6, 2), None, today=later)
    record_extension(review, D(2027, 7, 30), "Trial listed for June", D(2027, 5, 4), D(2027, 5, 3), today=later)
    record_extension(review, D(2027, 9, 30), "Trial adjourned", D(2027, 5, 28), D(2027, 5, 27), today=later)
    timeline = CaseFolder.open(review).load().timeline
    assert timeline.extension is not None and timeline.extension.new_completion == D(2027, 9, 30)
    assert [(e.new_completion, e.reason, e.ofsted_informed) for e in timeline.earlier_extensions] == [
        (D(2027, 7, 30), "Trial listed for June", D(2027, 5, 4)),
    ]
