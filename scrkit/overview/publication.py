"""Publication and Ofsted's evaluation in words (13.3.6, 13.3.7, 18.1): the planned publication date
beside the hearings still to come, which the LSCB's decision must take into account, and where the
evaluation's learning stands."""

from __future__ import annotations

from scrkit.case.records import ReviewRecords
from scrkit.dates import uk_date


def after_adoption_lines(records: ReviewRecords) -> list[str]:
    review, after = records.review, records.overview.after
    lines = []
    planned = review.publication.planned_on
    pending = sorted(
        (hearing.date, f"{hearing.hearing} ({process.kind})")
        for process in review.parallel_processes
        for hearing in process.court_dates
        if hearing.outcome is None
    )
    published = review.executive_summary_published
    if published is not None:
        lines.append(f"The executive summary was published on {uk_date(published)} (13.3.6).")
    elif planned is not None:
        later = [f"{what} on {uk_date(day)}" for day, what in pending if day >= planned]
        lines.append(
            f"Publication planned for {uk_date(planned)} (13.3.6)."
            + (f" Court dates still to come on or after it: {'; '.join(later)}: the decision takes them into "
               "account (13.3.6)." if later else "")
        )  # fmt: skip
    elif pending:
        lines.append("No publication date is planned yet; court dates still to come: "
                     + "; ".join(f"{what} on {uk_date(day)}" for day, what in pending) + " (13.3.6).")  # fmt: skip
    received = review.ofsted_evaluation_received
    if received is not None:
        grade = review.ofsted_evaluation.overall
        lines.append(f"Ofsted's evaluation letter arrived {uk_date(received)}" + (f", graded {grade.value}" if grade
                     else "") + "; the published summary goes to Ofsted within a month (13.3.7).")  # fmt: skip
        if after.evaluation_studied_on is None:
            lines.append(
                "The evaluation has not been studied yet (18.1.2): scrkit set "
                "overview.after.evaluation_studied_on DD/MM/YYYY, and its learning in evaluation_learning."
            )
    if after.family_feedback_on is not None:
        lines.append(f"Feedback to the family: {uk_date(after.family_feedback_on)} (13.2.1).")
    return lines
