"""Milestone states at chosen dates, on the example review (referral received Wed 16 Sep 2026,
decision Wed 7 Oct 2026). Expected values are worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from scrkit.timeline.recording import Timetable, timetable_of
from scrkit.timeline.status import State, StatusReport, assess

D = dt.date


@pytest.fixture(scope="module")
def example(example_records) -> Timetable:  # noqa: ANN001
    return timetable_of(example_records)


def report_on(timetable: Timetable, today: dt.date) -> StatusReport:
    return assess(timetable.records, timetable.schedule, today)


def state_of(report: StatusReport, milestone_id: str):  # noqa: ANN201
    return next(m for m in report.milestones if m.id == milestone_id)


def test_states_on_26_november_2026(example: Timetable) -> None:
    report = report_on(example, D(2026, 11, 26))
    # Done 15/09, due 17/09 (72 hours after the 14/09 incident).
    assert state_of(report, "referral-form").state is State.DONE
    # Due 07/10 (end of week 3, the decision made that day), done 09/10: Thu 8 and Fri 9 late.
    notify = state_of(report, "notify-decision")
    assert (notify.state, notify.working_days_late) == (State.LATE, 2)
    # Due 14/10 (end of week 4), not done: working days 15 Oct to 26 Nov inclusive = 31.
    family = state_of(report, "family-notified")
    assert (family.state, family.working_days_overdue) == (State.OVERDUE, 31)
    # Due 07/12/2026, more than 5 working days after Thu 26 Nov (that is Thu 3 Dec).
    assert state_of(report, "monthly-update-2").state is State.UPCOMING
    assert state_of(report, "publish-summary").state is State.UPCOMING
    assert [m.id for m in report.overdue] == ["family-notified"]
    assert report.completion is not None
    assert report.completion.due == D(2027, 4, 7)
    # 26 Nov 2026 to 7 Apr 2027: 4 + 31 + 31 + 28 + 31 + 7 = 132 days.
    assert report.completion.calendar_days_left == 132
    assert report.awaiting_reply == ("Westmoor Probation Service",)


def test_due_soon_within_five_working_days(example: Timetable) -> None:
    # Tue 1 Dec + 5 working days = Tue 8 Dec, so the update due Mon 7 Dec is due soon.
    assert state_of(report_on(example, D(2026, 12, 1)), "monthly-update-2").state is State.DUE_SOON
    # Fri 27 Nov + 5 working days = Fri 4 Dec: 7 Dec is not yet due soon.
    assert state_of(report_on(example, D(2026, 11, 27)), "monthly-update-2").state is State.UPCOMING
    # On its due date it is still due soon, not overdue.
    assert state_of(report_on(example, D(2026, 12, 7)), "monthly-update-2").state is State.DUE_SOON
    # The next day it is one working day overdue.
    overdue = state_of(report_on(example, D(2026, 12, 8)), "monthly-update-2")
    assert (overdue.state, overdue.working_days_overdue) == (State.OVERDUE, 1)


def test_overdue_counts_skip_christmas(example: Timetable) -> None:
    # monthly-update-2 due Mon 7 Dec 2026; on Tue 29 Dec: 8-11 (4), 14-18 (5), 21-24 (4), 29 (1) = 14.
    overdue = state_of(report_on(example, D(2026, 12, 29)), "monthly-update-2")
    assert overdue.working_days_overdue == 14


def test_nothing_overdue_early_in_the_review(example: Timetable) -> None:
    report = report_on(example, D(2026, 10, 1))
    assert report.overdue == []
    assert report.urgency() == (0, 0, 0)
