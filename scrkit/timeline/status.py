"""Where a review stands on a given day: each milestone's state, and what is most urgent.

States:
    done            recorded as done on or before its due date
    late            recorded as done, after its due date
    overdue         not done and past its due date (with how many working days)
    due-soon        not done and due within the next 5 working days
    upcoming        not done and due later, not yet datable, or with no set date (the profile gives none)
    pending-decision  only for an SCR (or only for the alternative), and the decision is not made yet:
                    never overdue, since the review may never be held (7.1.2 allows a month to decide)
    not-applicable  only for an SCR, and the decision was not to hold one
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from scrkit.case.records import ReviewRecords
from scrkit.checks.progress import PanelProgress, panel_progress
from scrkit.models.agencies import RequestReply
from scrkit.models.meetings import PanelMeeting
from scrkit.models.review import DecisionOutcome
from scrkit.timeline.schedule import Schedule, ScheduledMilestone

DUE_SOON_WORKING_DAYS = 5


class State(StrEnum):
    DONE = "done"
    LATE = "late"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    UPCOMING = "upcoming"
    PENDING_DECISION = "pending-decision"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class MilestoneStatus:
    milestone: ScheduledMilestone
    state: State
    working_days_overdue: int = 0
    working_days_late: int = 0

    @property
    def id(self) -> str:
        return self.milestone.id


@dataclass(frozen=True)
class Completion:
    due: dt.date | None
    done: dt.date | None
    extended: bool
    extension_reason: str | None
    ofsted_informed: dt.date | None
    calendar_days_left: int | None
    working_days_left: int | None


@dataclass(frozen=True)
class StatusReport:
    folder: Path
    reference: str
    today: dt.date
    stage: str  # the review's status in its process (review.yaml's status: referred ... closed)
    milestones: tuple[MilestoneStatus, ...]
    completion: Completion | None
    awaiting_reply: tuple[str, ...]
    panel: PanelProgress
    next_meeting: PanelMeeting | None = None  # the panel's next meeting on or after today (7.2.2)

    def with_state(self, *states: State) -> list[MilestoneStatus]:
        return [m for m in self.milestones if m.state in states]

    @property
    def overdue(self) -> list[MilestoneStatus]:
        return self.with_state(State.OVERDUE)

    @property
    def anything_overdue(self) -> bool:
        """Milestones, IMRs past their due date, or actions past theirs."""
        return bool(self.overdue or self.panel.late_imrs or self.panel.overdue_actions)

    @property
    def next_due(self) -> MilestoneStatus | None:
        waiting = [m for m in self.with_state(State.DUE_SOON, State.UPCOMING) if m.milestone.due]
        return min(waiting, key=lambda m: m.milestone.due) if waiting else None  # type: ignore[arg-type, return-value]

    @property
    def overdue_count(self) -> int:
        """Everything overdue: milestones, IMRs past their due date and actions past theirs (what makes
        `status` exit 5)."""
        return len(self.overdue) + len(self.panel.late_imrs) + len(self.panel.overdue_actions)

    def urgency(self) -> tuple[int, int, int]:
        """Larger is worse: everything overdue, the longest overdue milestone, then how many are due soon."""
        longest = max((m.working_days_overdue for m in self.overdue), default=0)
        return (self.overdue_count, longest, len(self.with_state(State.DUE_SOON)))


def assess_milestone(milestone: ScheduledMilestone, schedule: Schedule, today: dt.date) -> MilestoneStatus:
    calendar = schedule.calendar
    due, done = milestone.due, milestone.done
    if not milestone.applicable:
        return MilestoneStatus(milestone, State.NOT_APPLICABLE)
    if done:
        if due and done > due:
            return MilestoneStatus(milestone, State.LATE, working_days_late=calendar.working_days_between(due, done))
        return MilestoneStatus(milestone, State.DONE)
    if (milestone.rule.only_if is not None or milestone.rule.only_for) and schedule.decision is None:
        return MilestoneStatus(milestone, State.PENDING_DECISION)
    if due is None:
        return MilestoneStatus(milestone, State.UPCOMING)
    if due < today:
        return MilestoneStatus(milestone, State.OVERDUE, working_days_overdue=calendar.working_days_between(due, today))
    if due <= calendar.add_working_days(today, DUE_SOON_WORKING_DAYS):
        return MilestoneStatus(milestone, State.DUE_SOON)
    return MilestoneStatus(milestone, State.UPCOMING)


def assess(records: ReviewRecords, schedule: Schedule, today: dt.date) -> StatusReport:
    statuses = tuple(assess_milestone(m, schedule, today) for m in schedule.milestones if _shown(m, schedule))
    completion = schedule.completion()
    return StatusReport(
        folder=records.folder,
        reference=records.review.reference,
        today=today,
        stage=records.review.status.value,
        milestones=statuses,
        completion=_completion(schedule, today),
        awaiting_reply=tuple(
            agency.name for agency in records.agencies.agencies if agency.request_reply == RequestReply.AWAITING
        ),
        panel=panel_progress(
            records,
            today,
            circulation_due=_due(schedule, "imrs-circulated"),
            # 15.1.5: papers come up for a destruction decision only once the review is complete.
            retention_due=_due(schedule, "retention-review") if completion and completion.done else None,
        ),
        next_meeting=min(
            (meeting for meeting in records.meetings.meetings if meeting.date >= today),
            key=lambda meeting: meeting.date,
            default=None,
        ),
    )


def _shown(milestone: ScheduledMilestone, schedule: Schedule) -> bool:
    """An alternative's step (1.5.2) is the review's only once the decision chose that alternative; the
    others' would fill every SCR's status with steps it will never take."""
    return not milestone.rule.only_for or (schedule.decision is DecisionOutcome.NOT_SCR and milestone.applicable)


def _due(schedule: Schedule, milestone_id: str) -> dt.date | None:
    milestone = schedule.get(milestone_id)
    return milestone.due if milestone else None


def _completion(schedule: Schedule, today: dt.date) -> Completion | None:
    milestone = schedule.completion()
    if milestone is None or not milestone.applicable:
        return None
    due = milestone.due
    extension = schedule.extension
    left = (due - today).days if due and not milestone.done else None
    return Completion(
        due=due,
        done=milestone.done,
        extended=milestone.extended,
        extension_reason=extension.reason if extension else None,
        ofsted_informed=extension.ofsted_informed if extension else None,
        calendar_days_left=left,
        working_days_left=(
            schedule.calendar.working_days_between(today, due) if due and left is not None and left >= 0 else None
        ),
    )
