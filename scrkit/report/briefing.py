"""What the LSCB chair needs from the monthly update in one minute (4.1.2; issue 17, item 4): what
falls due in the next month, the guidance's rules the review now breaks (`scrkit check`), the
risks to completing on time, and the decisions only the chair or the LSCB can take."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scrkit.case.records import ReviewRecords
from scrkit.checks.rules import Finding
from scrkit.dates import add_months, uk_date
from scrkit.models.review import DecisionOutcome
from scrkit.timeline.status import State, StatusReport

_NOT_YET = (State.UPCOMING, State.DUE_SOON)


@dataclass(frozen=True)
class ChairBriefing:
    due_next_month: tuple[str, ...]
    breaches: tuple[str, ...]
    risks: tuple[str, ...]
    decisions: tuple[str, ...]


def chair_briefing(records: ReviewRecords, report: StatusReport, findings: list[Finding]) -> ChairBriefing:
    today = report.today
    month_ahead = add_months(today, 1)
    due: list[tuple[dt.date, str]] = [
        (status.milestone.due, status.milestone.title + _by(status.milestone.rule.responsible))
        for status in report.milestones
        if status.state in _NOT_YET and status.milestone.due and today <= status.milestone.due <= month_ahead
    ]
    due += [
        (item.imr.due, f"IMR from {item.agency_name}")
        for item in report.panel.outstanding_imrs
        if item.imr.due and today <= item.imr.due <= month_ahead
    ]
    due += [(day, what) for day, what in _court_dates(records) if today <= day <= month_ahead]
    court = _court_risks(records, report)
    risks = court + [
        f"The IMR from {item.agency_name} is {item.days_late} days late (due {uk_date(item.imr.due)})."
        for item in report.panel.imrs
        if item.state == "late"
    ]
    return ChairBriefing(
        due_next_month=tuple(f"{uk_date(day)}: {what}" for day, what in sorted(due, key=lambda pair: pair[0])),
        breaches=tuple(f"{finding.message} ({finding.rule.guidance})" for finding in findings),
        risks=tuple(risks),
        decisions=tuple(_decisions(records, report, bool(court))),
    )


def _by(responsible: str | None) -> str:
    return f" ({responsible})" if responsible else ""


def _court_dates(records: ReviewRecords) -> list[tuple[dt.date, str]]:
    return [
        (hearing.date, f"{hearing.hearing} ({process.kind} proceedings)")
        for process in records.review.parallel_processes
        for hearing in process.court_dates
    ]


def _court_risks(records: ReviewRecords, report: StatusReport) -> list[str]:
    """1.7: criminal proceedings or an inquest may hold back interviews, the overview and publication."""
    completion = report.completion
    planned = completion.due if completion is not None and completion.done is None else None
    risks = []
    for process in records.review.parallel_processes:
        for hearing in process.court_dates:
            if hearing.outcome:
                continue
            what = f"{hearing.hearing} ({process.kind} proceedings), {uk_date(hearing.date)}"
            if hearing.date < report.today:
                risks.append(f"{what}: the hearing date has passed and its outcome is not recorded.")
            elif planned is not None and hearing.date > planned:
                risks.append(
                    f"{what}: after the planned completion date {uk_date(planned)}; the overview report and "
                    "publication may have to wait for it (1.7, 7.2)."
                )
    return risks


def _decisions(records: ReviewRecords, report: StatusReport, court_after_completion: bool) -> list[str]:
    review = records.review
    decisions = []
    if review.decision.outcome is None:
        decision = next((s for s in report.milestones if s.id == "decision"), None)
        due = f" (due {uk_date(decision.milestone.due)})" if decision and decision.milestone.due else ""
        decisions.append(f"The LSCB chair: whether to hold a Serious Case Review{due} (1.5).")
    completion = report.completion
    if review.decision.outcome is DecisionOutcome.SCR and completion is not None and completion.done is None:
        if court_after_completion and not completion.extended:
            decisions.append(
                "The LSCB: whether to extend the completion date because of the court proceedings, and tell "
                "Ofsted (7.2)."
            )
        if report.panel.late_imrs and not completion.extended:
            decisions.append("The panel: how to recover the late IMRs, or whether to seek an extension (7.2).")
    if completion is not None and completion.done is not None and report.panel.plan_signed_off is None:
        decisions.append("The LSCB: sign off the completion of the action plan, which concludes the SCR (17.1.2).")
    return decisions
