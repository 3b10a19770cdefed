"""The review's status as the recorded steps give it: referred, decided, in progress, approved,
submitted, published, closed.

Pure: the status follows from the decision (7.1.2) and from the milestones done whose rule in the
process profile names a ``status`` (the LSCB's approval, 14.1; submission to Ofsted, 14.1.5; the
published summary sent, 13.3.7; the action plan signed off, 17.1.2). The jobs write it into
review.yaml as steps are recorded, and `scrkit validate` reports a status typed by hand that the
recorded steps do not bear out.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrkit.case.layout import REVIEW
from scrkit.case.records import ReviewRecords
from scrkit.errors import Problem
from scrkit.models.review import DecisionOutcome, ReviewStatus
from scrkit.records.yamlfile import line_of
from scrkit.timeline.schedule import Schedule, done_problem

ORDER = tuple(ReviewStatus)  # the enum lists the statuses in the order a review passes through them


@dataclass(frozen=True)
class Standing:
    status: ReviewStatus
    because: str  # the recorded step that gives it, in words


def standing(schedule: Schedule) -> Standing:
    """The status the recorded steps give: the furthest reached, in the order of ``ReviewStatus``."""
    if schedule.decision is None:
        return Standing(ReviewStatus.REFERRED, "no decision is recorded yet (7.1.2)")
    if schedule.decision is DecisionOutcome.SCR:
        result = Standing(ReviewStatus.DECIDED_SCR, "the decision to hold an SCR")
    else:
        result = Standing(ReviewStatus.NOT_AN_SCR, "the decision not to hold an SCR (1.5.2)")
    for milestone in schedule.milestones:
        status = milestone.rule.status
        if status is None or not milestone.applicable or milestone.done is None:
            continue
        if ORDER.index(status) > ORDER.index(result.status):
            result = Standing(status, f"'{milestone.id}' done {milestone.done:%d/%m/%Y}")
    return result


def status_problems(records: ReviewRecords, schedule: Schedule) -> list[Problem]:
    """A status in review.yaml that the recorded steps do not bear out (a hand edit), for `validate`."""
    expected = standing(schedule)
    if records.review.status is expected.status:
        return []
    return [
        Problem(
            records.path_of(REVIEW),
            line_of(records.documents[REVIEW.name], ["status"]),
            "status",
            f"is '{records.review.status.value}', but the recorded steps make it '{expected.status.value}' "
            f"({expected.because}); scrkit sets the status as each step is recorded: put back "
            f"'status: {expected.status.value}', or record the step that moves it (`scrkit timeline` lists them)",
        )
    ]


def unmet_conditions(records: ReviewRecords, schedule: Schedule) -> list[Problem]:
    """A milestone done whose condition does not hold (an action reopened, or done, after the plan was
    signed off, 17.1.2): loading lets it pass so that the review can be put right; validate reports it."""
    problems = []
    for milestone in schedule.milestones:
        if milestone.done is None or not milestone.applicable:
            continue
        dates_alone = schedule.unmet(milestone, milestone.done, conditions=False)
        missing = [why for why in schedule.unmet(milestone, milestone.done) if why not in dates_alone]
        if missing:
            problems.append(
                done_problem(records, milestone.id, f"is {milestone.done:%d/%m/%Y}, but {'; '.join(missing)}")
            )
    return problems


def written_status_differs(review_document: object, expected: ReviewStatus) -> bool:
    """Whether review.yaml's text needs the status written: it differs, or is an earlier scrkit's word
    (considering, completed, not-proceeding), which the next save puts in today's words."""
    written = str(review_document.get("status") or "").strip() if isinstance(review_document, dict) else ""
    return written != expected.value
