"""Jobs for `scrkit status`, `timeline`, `done`, `set-date`, `decide` and `extend`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from scrkit import dates
from scrkit.case.layout import IMRS, REVIEW, TIMELINE
from scrkit.errors import BadInput, ScrkitError
from scrkit.models.review import Alternative, DecisionOutcome
from scrkit.review.casefolder import CaseFolder, Change
from scrkit.timeline.lifecycle import standing, written_status_differs
from scrkit.timeline.profile import KEY_DATES
from scrkit.timeline.recording import (
    Timetable,
    apply_correction,
    apply_decision,
    apply_done,
    apply_extension,
    apply_key_date,
    check_decision,
    check_extension,
    check_key_date,
    not_done_yet,
    recordable_milestone,
    refresh_entries,
    timetable_of,
)
from scrkit.timeline.status import StatusReport, assess

COMMISSION_IMRS = "commission-imrs"  # the profile's milestone whose letters commission the IMRs (App 5)
DONE_NOTE = "recorded done: "  # in the audit log: which milestone a command recorded as done, and when


def load_timetable(review: Path) -> Timetable:
    """The review's records (read once) and its schedule; nothing is written."""
    return timetable_of(CaseFolder.open(review).load())


def review_status(review: Path, today: dt.date) -> StatusReport:
    """Where a review stands on ``today``."""
    timetable = load_timetable(review)
    return assess(timetable.records, timetable.schedule, today)


def refreshed(change: Change) -> Timetable:
    """The timetable after the change's edits, with timeline.yaml's due dates brought up to date, and
    the completion's due date before them (so a command says when it moved)."""
    before = timetable_of(change.records).schedule.completion()
    timetable = timetable_of(change.revalidate())
    changed = refresh_entries(change.document(TIMELINE), timetable.schedule)
    changed = settle_status(change, timetable) or changed
    if changed:
        timetable = Timetable(records=change.revalidate(), schedule=timetable.schedule)
    was = before.due if before is not None and before.applicable else None
    return Timetable(records=timetable.records, schedule=timetable.schedule, completion_was=was)


def settle_status(change: Change, timetable: Timetable) -> bool:
    """The review's status as the recorded steps give it (referred ... closed), written into review.yaml
    when it moved, with the step in the audit entry; True if written."""
    now = standing(timetable.schedule)
    if not written_status_differs(change.records.documents[REVIEW.name], now.status):
        return False  # review.yaml is not touched: only what changes is written
    change.document(REVIEW)["status"] = now.status.value
    change.note(f"status {now.status.value}: {now.because}")
    return True


def refresh_timeline(review: Path) -> Timetable:
    """`scrkit timeline`: write each milestone's current title and due date (only if changed)."""
    with CaseFolder.open(review).changing("timeline") as change:
        return refreshed(change)


def record_done(review: Path, milestone_id: str, on: dt.date, note: str | None, today: dt.date) -> Timetable:
    """`scrkit done`: a milestone happened on ``on``."""
    with CaseFolder.open(review).changing("done") as change:
        mark_done(change, milestone_id, on, note, today)
        follow_up(change, milestone_id, on)
        return refreshed(change)


def mark_done(change: Change, milestone_id: str, on: dt.date, note: str | None, today: dt.date) -> None:
    """Record a milestone as done on ``on`` within a change, refused if the timetable does not allow it
    (in the future, before what it requires, already done); the change's edits so far are counted."""
    timetable = timetable_of(change.revalidate())
    milestone = recordable_milestone(timetable.schedule, milestone_id, on, today, change.records.review)
    not_done_yet(timetable.schedule, milestone_id)
    document = change.document(TIMELINE)
    refresh_entries(document, timetable.schedule)  # the milestone's entry exists from here on
    apply_done(document, milestone_id, on, note, due=milestone.due)
    change.note(f"{DONE_NOTE}{milestone_id} {on.isoformat()}")  # validate compares the record with it


def follow_up(change: Change, milestone_id: str, on: dt.date, agency_ids: set[str] | None = None) -> None:
    """What recording a milestone also records: the IMRs commissioned with `commission-imrs` (10.1.1);
    the review's status moves with every step (``settle_status``)."""
    if milestone_id == COMMISSION_IMRS:
        from scrkit.checks.updates import commission_imrs

        commissioned = commission_imrs(change.records, change.document(IMRS), on, agency_ids)
        if commissioned:
            change.note(f"IMRs commissioned: {', '.join(commissioned)}")


def record_with(
    change: Change, milestone_id: str, on: dt.date, note: str, ask: Callable[[str, str, dt.date], bool] | None = None
) -> bool:
    """Record a milestone as done inside another command's change (a report that is the month's update,
    the last agency's reply), if the timetable allows it on ``on`` and it is not done already; ``ask``
    (milestone, title, date) may decline. True if recorded."""
    timetable = timetable_of(change.revalidate())
    milestone = timetable.schedule.get(milestone_id)
    if milestone is None or milestone.done is not None:
        return False
    try:
        recordable_milestone(timetable.schedule, milestone_id, on, dates.today(), timetable.records.review)
    except ScrkitError:
        return False
    if ask is not None and not ask(milestone_id, milestone.title, on):
        return False
    document = change.document(TIMELINE)
    refresh_entries(document, timetable.schedule)
    apply_done(document, milestone_id, on, note, due=milestone.due)
    change.note(f"{DONE_NOTE}{milestone_id} {on.isoformat()}")
    after = timetable_of(change.revalidate())
    refresh_entries(change.document(TIMELINE), after.schedule)
    settle_status(change, after)
    return True


def correct_done(
    review: Path, milestone_id: str, on: dt.date, reason: str, today: dt.date
) -> tuple[dt.date, Timetable]:
    """`scrkit correct`: a done milestone's date was wrong; the old date stays in its history and the log."""
    if not reason.strip():
        raise BadInput("--reason is needed: say why the recorded date was wrong.")
    with CaseFolder.open(review).changing("correct") as change:
        timetable = timetable_of(change.records)
        milestone = timetable.schedule.get(milestone_id)
        if milestone is None or milestone.done is None or milestone_id in KEY_DATES:
            recordable_milestone(timetable.schedule, milestone_id, on, today, change.records.review)
            raise BadInput(
                f"'{milestone_id}' is not recorded as done, so there is nothing to correct.",
                hint=f"Record it with: scrkit done {milestone_id} --date DD/MM/YYYY",
            )
        recordable_milestone(timetable.schedule, milestone_id, on, today, change.records.review)
        document = change.document(TIMELINE)
        refresh_entries(document, timetable.schedule)
        was = apply_correction(document, milestone_id, on, reason.strip(), today)
        change.note(f"corrected {milestone_id} from {was.isoformat()} to {on.isoformat()}: {reason.strip()}")
        return was, refreshed(change)


def set_key_date(review: Path, key: str, on: dt.date, today: dt.date | None = None) -> Timetable:
    """`scrkit set-date`: a key date in review.yaml; due dates that count from it move."""
    with CaseFolder.open(review).changing("set-date") as change:
        check_key_date(key, on, today or dates.today(), change.records.review)
        apply_key_date(change.document(REVIEW), key, on)
        return refreshed(change)


def record_decision(
    review: Path,
    outcome: DecisionOutcome,
    on: dt.date,
    alternative: Alternative | None,
    reasons: str | None,
    today: dt.date | None = None,
    revise: str | None = None,
    override: str | None = None,
) -> Timetable:
    """`scrkit decide`: the LSCB chair's decision (7.1.2); a revision keeps the earlier one (1.5.6)."""
    today = today or dates.today()
    with CaseFolder.open(review).changing("decide") as change:
        check_decision(on, today, change.records.review)
        records = change.records
        apply_decision(change.document(REVIEW), outcome, on, alternative, reasons, review=records.review,
                       child=records.child, revise=revise, override=override, today=today)  # fmt: skip
        if revise:
            change.note(f"decision revised to {outcome.value} on {on.isoformat()}: {revise.strip()}")
        if override and outcome is DecisionOutcome.NOT_SCR:
            change.note(f"1.2.2 overridden: {override.strip()}")
        return refreshed(change)


def record_extension(
    review: Path,
    new_completion: dt.date,
    reason: str,
    ofsted_informed: dt.date | None,
    agreed_on: dt.date | None,
    today: dt.date | None = None,
) -> Timetable:
    """`scrkit extend`: a new completion date agreed by the LSCB (7.2); an earlier extension is kept."""
    with CaseFolder.open(review).changing("extend") as change:
        happened = {"--ofsted-informed": ofsted_informed, "--agreed-on": agreed_on}
        schedule = timetable_of(change.records).schedule
        check_extension(schedule, change.records.review, new_completion, reason, happened, today or dates.today())
        apply_extension(change.document(TIMELINE), new_completion, reason, ofsted_informed, agreed_on)
        return refreshed(change)
