"""Jobs for `scrkit check`, `imr update`, `actions sign-off` and `report` (the panel's business)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrkit.case.layout import ACTIONS, IMRS, monthly_update_file
from scrkit.checks.rules import Finding, check_review
from scrkit.errors import BadInput
from scrkit.jobs.timeline import load_timetable
from scrkit.review import audit
from scrkit.review.casefolder import CaseFolder
from scrkit.timeline.status import assess


def _record_update(change: Any, timetable: Any, on: dt.date, record: Callable[[str, str, dt.date], bool]) -> str | None:
    """4.1.2: the month's progress update, offered to be recorded as done with the report that is it;
    the next one not yet done and due within a month, if the timetable allows it on ``on``."""
    from scrkit.dates import add_months
    from scrkit.jobs.timeline import record_with

    due = [
        milestone
        for milestone in timetable.schedule.milestones
        if milestone.id.startswith("monthly-update-") and milestone.applicable and milestone.done is None
        and milestone.due is not None and milestone.due <= add_months(on, 1)
    ]  # fmt: skip
    if not due:
        return None
    milestone = min(due, key=lambda m: m.due)
    return milestone.id if record_with(change, milestone.id, on, REPORT_NOTE, ask=record) else None


def check(review: Path) -> list[Finding]:
    """The review against the guidance's rules (scrkit/data/rules.yaml)."""

    return check_review(CaseFolder.open(review).load())


def appointee(review: Path, role: str) -> Any:
    """Who holds a role in panel.yaml now (None if nobody), to ask only what is not yet recorded."""
    return getattr(CaseFolder.open(review).load().panel, role)


def appoint(review: Path, role: str, fields: dict[str, str]) -> tuple[Any, str | None]:
    """`scrkit appoint`: a person in one of panel.yaml's roles (3.1), their details and, for the panel
    chair and overview author, their 3.1.1 independence and 3.1.3 confirmations, in one change.
    Someone new in the role starts afresh: nothing the previous holder confirmed is kept. Returns the
    appointee as recorded and the name of the person replaced, if any."""
    from ruamel.yaml.comments import CommentedMap

    from scrkit.case.layout import PANEL
    from scrkit.review.editing import parse_path, set_value

    with CaseFolder.open(review).changing("appoint") as change:
        current = getattr(change.records.panel, role)
        if current is None and not fields.get("name", "").strip():
            raise BadInput(f"Nobody is appointed as {role.replace('_', ' ')} yet: give their name with --name.")
        new_name = " ".join(fields.get("name", "").split())
        replaced = current.name if current is not None and new_name and new_name != current.name else None
        document = change.document(PANEL)
        if replaced or current is None:
            document[role] = CommentedMap()
        for name, value in fields.items():
            set_value(document, parse_path(f"panel.{role}.{name}"), value)
        change.note(f"appoint panel.{role}" + (f" (in place of {replaced})" if replaced else ""))
        return getattr(change.revalidate().panel, role), replaced


def update_imr(review: Path, agency_id: str, changes: dict[str, Any], returned: tuple[dt.date, str] | None) -> None:
    from scrkit.checks.updates import update_imr as apply

    with CaseFolder.open(review).changing("imr update") as change:
        apply(change.records, change.document(IMRS), agency_id, changes, returned)


SIGNED_OFF = "action-plan-signed-off"  # the profile's milestone the sign-off records (17.1.2)


def sign_off_plan(review: Path, on: dt.date, by: str, today: dt.date) -> None:
    """`scrkit actions sign-off`: the LSCB concludes the SCR (17.1.2), once it is approved and every
    action is done; the review is then closed."""
    from scrkit.checks.updates import sign_off_plan as apply
    from scrkit.jobs.timeline import refreshed
    from scrkit.timeline.recording import not_done_yet, recordable_milestone, timetable_of

    with CaseFolder.open(review).changing("actions sign-off") as change:
        schedule = timetable_of(change.records).schedule
        if schedule.get(SIGNED_OFF) is not None:
            recordable_milestone(schedule, SIGNED_OFF, on, today, change.records.review, recording_elsewhere=True)
            not_done_yet(schedule, SIGNED_OFF)
        apply(change.document(ACTIONS), on, by)
        refreshed(change)


@dataclass(frozen=True)
class MonthlyReport:
    path: Path
    no_genogram: dict[str, str] = field(default_factory=dict)  # reference: why it could not be drawn
    recorded: str | None = None  # the monthly-update milestone recorded as done with the report


REPORT_NOTE = "monthly update written by scrkit report"


def monthly_report(
    reviews: list[Path],
    on: dt.date,
    out: Path | None = None,
    genograms: bool = True,
    record: Callable[[str, str, dt.date], bool] = lambda milestone, title, day: False,
) -> MonthlyReport:
    """The monthly update to the LSCB chair (4.1.2). One review: written into its reports/ folder
    (under its lock, in its audit log) unless ``out`` says otherwise."""
    from scrkit.genogram.draw import genogram
    from scrkit.records.atomic import atomic_write_bytes
    from scrkit.report.briefing import chair_briefing
    from scrkit.report.monthly import monthly_report as render

    timetables = [load_timetable(review) for review in reviews]  # each review read once
    reports = [assess(timetable.records, timetable.schedule, on) for timetable in timetables]
    pictures: dict[str, bytes] = {}
    no_genogram: dict[str, str] = {}
    if genograms:
        for records in (timetable.records for timetable in timetables):
            try:
                pictures[records.review.reference] = genogram(records).png
            except BadInput as error:
                no_genogram[records.review.reference] = error.message
    heads = {timetable.records.review.reference: audit.head(timetable.records.folder) for timetable in timetables}
    briefings = {
        timetable.records.review.reference: chair_briefing(timetable.records, report, check_review(timetable.records))
        for timetable, report in zip(timetables, reports, strict=True)
    }
    content = render(reports, timetables[0].records.board.name, on, pictures, heads, briefings)
    if out is None and len(reviews) == 1:
        with CaseFolder.open(reviews[0]).changing("report") as change:
            path = change.write_file(change.path / monthly_update_file(on), content)
            recorded = _record_update(change, timetables[0], on, record)
        return MonthlyReport(path=path, no_genogram=no_genogram, recorded=recorded)
    path = out or Path(f"{on:%Y-%m} SCR monthly update.docx")
    atomic_write_bytes(path, content)  # a portfolio's report belongs to no one review
    return MonthlyReport(path=path, no_genogram=no_genogram)
