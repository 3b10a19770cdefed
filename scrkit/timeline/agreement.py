"""Dates in timeline.yaml that must agree with the decision, for `scrkit validate` (issue 13, item 8).

`scrkit extend` refuses these when it records an extension; a hand edit is caught here: an
extension (7.2) belongs to a decided SCR, ends later than the six months it extends (7.1.3), and was
neither agreed nor told to Ofsted before the decision.
"""

from __future__ import annotations

from scrkit.case.layout import TIMELINE
from scrkit.case.records import ReviewRecords
from scrkit.errors import Problem
from scrkit.models.review import DecisionOutcome
from scrkit.records.yamlfile import line_of
from scrkit.timeline.schedule import Schedule


def extension_problems(records: ReviewRecords, schedule: Schedule) -> list[Problem]:
    extension = records.timeline.extension
    if extension is None:
        return []
    document = records.documents[TIMELINE.name]
    decision = records.review.decision

    def problem(field: str, message: str) -> Problem:
        return Problem(
            records.path_of(TIMELINE), line_of(document, ["extension", field]), f"extension.{field}", message
        )

    if decision.outcome is not DecisionOutcome.SCR or decision.date is None:
        why = "is an extension (7.2), but no decision to hold an SCR is recorded; an extension applies only to an SCR"
        return [problem("new_completion", why + ": remove it, or record the decision")]
    problems = []
    completion = schedule.completion()
    unextended = None
    if completion is not None and completion.rule.offset is not None and completion.rule.unit is not None:
        unextended = schedule.calendar.shift(decision.date, completion.rule.offset, completion.rule.unit)
    if extension.new_completion <= decision.date:
        problems.append(problem("new_completion", f"is not after the decision ({decision.date:%d/%m/%Y}); "
                                                  "completion comes after the decision"))  # fmt: skip
    elif unextended is not None and extension.new_completion <= unextended:
        why = f"is not later than the completion date it extends ({unextended:%d/%m/%Y}, 7.1.3)"
        problems.append(problem("new_completion", why + "; an extension gives more time"))
    for field in ("agreed_on", "ofsted_informed"):
        day = getattr(extension, field)
        if day is not None and day < decision.date:
            problems.append(problem(field, f"is before the decision ({decision.date:%d/%m/%Y}) it extends"))
    return problems
