"""How the panel's business stands on a given day: IMRs, actions, interviews, retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scrkit.case.records import ReviewRecords
from scrkit.models.panel_business import Action, Imr
from scrkit.models.review import DecisionOutcome

NOTICE_DAYS = 14  # 11.1.3: at least two weeks' notice of an interview


@dataclass(frozen=True)
class ImrProgress:
    imr: Imr
    agency_name: str
    state: str  # not-commissioned, commissioned, submitted, returned, signed-off, presented, late
    days_late: int
    circulation_due: dt.date | None  # presentation meeting less two weeks
    missed_circulation: bool


@dataclass(frozen=True)
class ActionProgress:
    recommendation: str
    action: Action
    state: str  # done, overdue, open, no-date
    days_overdue: int


@dataclass(frozen=True)
class InterviewWarning:
    interview_id: str
    practitioner: str
    message: str


@dataclass(frozen=True)
class PanelProgress:
    imrs: tuple[ImrProgress, ...]
    not_commissioned: tuple[str, ...]  # involved agencies with no IMR
    actions: tuple[ActionProgress, ...]
    interviews: tuple[InterviewWarning, ...]
    plan_signed_off: dt.date | None
    retention_due: dt.date | None
    legal_hold: bool

    @property
    def outstanding_imrs(self) -> list[ImrProgress]:
        return [item for item in self.imrs if item.state in ("commissioned", "late", "returned")]

    @property
    def late_imrs(self) -> list[ImrProgress]:
        return [item for item in self.imrs if item.state == "late"]

    @property
    def overdue_actions(self) -> list[ActionProgress]:
        return [item for item in self.actions if item.state == "overdue"]


def _imr_state(imr: Imr, today: dt.date) -> tuple[str, int]:
    if imr.presented:
        return "presented", 0
    open_return = next((r for r in imr.returned if not r.resubmitted), None)
    if open_return is not None:
        return "returned", 0
    if imr.submitted:
        return ("signed-off" if imr.signed_off_on else "submitted"), 0
    if not imr.commissioned:
        return "not-commissioned", 0
    if imr.due and imr.due < today:
        return "late", (today - imr.due).days
    return "commissioned", 0


def panel_progress(
    records: ReviewRecords, today: dt.date, circulation_due: dt.date | None, retention_due: dt.date | None
) -> PanelProgress:
    """``circulation_due`` (12.1.1) and ``retention_due`` (15.1.5) come from the timetable, their one source."""
    names = {agency.id: agency.name for agency in records.agencies.agencies}
    circulation = circulation_due
    imrs = []
    for imr in records.imrs.imrs:
        state, late = _imr_state(imr, today)
        missed = bool(circulation and today > circulation and (not imr.submitted or imr.submitted > circulation))
        imrs.append(ImrProgress(imr, names.get(imr.agency, imr.agency), state, late, circulation, missed))
    commissioned = {imr.agency for imr in records.imrs.imrs if imr.commissioned}
    no_scr = records.review.decision.outcome == DecisionOutcome.NOT_SCR  # no IMRs are due (1.5.2, App 1 Part 2)
    not_commissioned = tuple(
        agency.name
        for agency in records.agencies.agencies
        if agency.request_reply.value == "involved" and agency.id not in commissioned and not no_scr
    )
    actions = []
    for recommendation in records.actions.recommendations:
        for action in recommendation.actions:
            if action.done:
                state, days = "done", 0
            elif action.by_when is None:
                state, days = "no-date", 0
            elif action.by_when < today:
                state, days = "overdue", (today - action.by_when).days
            else:
                state, days = "open", 0
            actions.append(ActionProgress(recommendation.id, action, state, days))
    practitioners = {person.id: person.role for person in records.people.professionals}
    warnings = []
    for interview in records.interviews.interviews:
        who = practitioners.get(interview.practitioner, interview.practitioner)
        if interview.notice_given is None:
            warnings.append(InterviewWarning(interview.id, who, "no date of notice recorded (11.1.3)"))
        elif (interview.date - interview.notice_given).days < NOTICE_DAYS:
            days = (interview.date - interview.notice_given).days
            warnings.append(
                InterviewWarning(interview.id, who, f"only {days} days' notice; 11.1.3 asks for at least two weeks")
            )
        if interview.date < today and interview.transcript_sent is None:
            warnings.append(InterviewWarning(interview.id, who, "transcript not yet sent for approval (11.1.6)"))
    retention = records.review.retention
    return PanelProgress(
        imrs=tuple(imrs),
        not_commissioned=not_commissioned,
        actions=tuple(actions),
        interviews=tuple(warnings),
        plan_signed_off=records.actions.signed_off_on,
        retention_due=retention_due,
        legal_hold=retention.legal_hold,
    )
