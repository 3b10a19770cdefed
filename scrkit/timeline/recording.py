"""Changes to a review's timetable, made on its records' round-trip documents (comments kept).

Pure: each function takes the records or a document and changes or checks it in memory; the
jobs (``scrkit.jobs.timeline``) load the review, call these, and write once. After any change the
job brings timeline.yaml's due dates up to date (``refresh_entries``), so the written timeframe in
the folder (7.1.4) always shows the due dates that follow from the key dates.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput, Refused
from scrkit.models.child import Child
from scrkit.models.review import Alternative, DecisionOutcome, Review, always_an_scr
from scrkit.records.yamlfile import to_yaml_value
from scrkit.timeline.profile import KEY_DATES, load_profile, profile_path
from scrkit.timeline.schedule import DONE_ELSEWHERE, PLANNED_KEY_DATES, Schedule, ScheduledMilestone, build_schedule

# Where each key date lives in review.yaml. The decision is recorded with its outcome
# (apply_decision), not on its own.
KEY_DATE_FIELDS: dict[str, tuple[str, ...]] = {
    "incident": ("incident_date",),
    "referral": ("referral_received",),
    "presentation-meeting": ("presentation_meeting",),
    "ofsted-evaluation": ("ofsted_evaluation_received",),
}
assert set(KEY_DATE_FIELDS) | {"decision"} == set(KEY_DATES)


@dataclass(frozen=True)
class Timetable:
    records: ReviewRecords
    schedule: Schedule
    completion_was: dt.date | None = None  # after a change: the completion's due date before it


def timetable_of(records: ReviewRecords) -> Timetable:
    """The review's records with the schedule their process profile gives them."""
    loaded = load_profile(profile_path(records.folder, records.review.process_profile))
    return Timetable(records=records, schedule=build_schedule(records, loaded))


def refresh_entries(document: Any, schedule: Schedule) -> bool:
    """Write each milestone's current title and due date into timeline.yaml's document; True if changed."""
    wanted = {m.id: m for m in schedule.milestones}
    if not _needs_refresh(document.get("milestones"), wanted):
        return False
    if not isinstance(document.get("milestones"), CommentedMap):
        document["milestones"] = CommentedMap()
    entries: CommentedMap = document["milestones"]
    entries.fa.set_block_style()
    for position, (milestone_id, milestone) in enumerate(wanted.items()):
        if milestone_id not in entries or not isinstance(entries[milestone_id], CommentedMap):
            entries.insert(min(position, len(entries)), milestone_id, _blank_entry())
        entry = entries[milestone_id]
        entry.fa.set_block_style()
        entry["title"] = milestone.title
        entry["due"] = to_yaml_value(milestone.due)
    for stale in [key for key in entries if key not in wanted and not _has_done(entries[key])]:
        del entries[stale]  # e.g. monthly updates past a completion date that moved earlier
    return True


def _blank_entry() -> CommentedMap:
    entry = CommentedMap()
    for field in ("title", "due", "done", "note"):
        entry[field] = ""
    return entry


def _has_done(entry: object) -> bool:
    return isinstance(entry, CommentedMap) and bool(str(entry.get("done") or "").strip())


def _needs_refresh(milestones: object, wanted: dict[str, ScheduledMilestone]) -> bool:
    if not isinstance(milestones, CommentedMap) or list(milestones) != list(wanted):
        return True
    for milestone_id, milestone in wanted.items():
        entry = milestones[milestone_id]
        if not isinstance(entry, CommentedMap):
            return True
        if str(entry.get("title") or "") != milestone.title or str(entry.get("due") or "") != (
            milestone.due.isoformat() if milestone.due else ""
        ):
            return True
    return False


def recordable_milestone(
    schedule: Schedule,
    milestone_id: str,
    on: dt.date,
    today: dt.date,
    review: Review | None = None,
    recording_elsewhere: bool = False,
) -> ScheduledMilestone:
    """The milestone to record as done on ``on``, or a refusal saying why it cannot be: unknown, not
    applicable, in the future, before the review began (``review``), or before what it requires."""
    if milestone_id == "decision":
        raise BadInput(
            "The decision is recorded with its outcome.",
            hint="Use `scrkit decide scr --date DD/MM/YYYY` (or not-scr).",
        )
    milestone = schedule.get(milestone_id)
    elsewhere = DONE_ELSEWHERE.get(milestone_id)
    if elsewhere is not None and not recording_elsewhere:
        raise BadInput(f"'{milestone_id}' is recorded with its own command.", hint=f"Use `{elsewhere.command}`.")
    if milestone is None:
        known = [m.id for m in schedule.milestones]
        close = difflib.get_close_matches(milestone_id, known, n=3)
        raise BadInput(
            f"There is no milestone '{milestone_id}' in this review's timetable."
            + (f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""),
            hint="`scrkit timeline` lists every milestone with its id.",
        )
    if not milestone.applicable:
        raise BadInput(f"'{milestone_id}' does not apply to this review: {_why_not_applicable(milestone, schedule)}.")
    if on > today:
        raise BadInput(f"--date {on.strftime('%d/%m/%Y')} is in the future; record a milestone once it has happened.")
    if review is not None:
        # App 1: the referral form is written within 72 hours of the incident; the rest follow the referral.
        first, what = (
            (review.incident_date, "the incident")
            if milestone_id == "referral-form"
            else (review.referral_received, "the referral was received")
        )
        if on < first:
            raise BadInput(
                f"'{milestone_id}' cannot be done on {on:%d/%m/%Y}: that is before {what} ({first:%d/%m/%Y})."
            )
    missing = schedule.unmet(milestone, on)
    if missing:
        raise BadInput(
            f"'{milestone_id}' cannot be recorded as done on {on:%d/%m/%Y}: {'; '.join(missing)}.",
            hint="Record what it depends on first (`scrkit decide`, `scrkit done`, `scrkit set-date`).",
        )
    return milestone


def _why_not_applicable(milestone: ScheduledMilestone, schedule: Schedule) -> str:
    rule = milestone.rule
    if rule.only_for:
        chosen = schedule.alternative.value if schedule.alternative else "none"
        return f"it belongs to {' or '.join(a.value for a in rule.only_for)}, and the alternative chosen is {chosen}"
    if rule.only_if is DecisionOutcome.SCR:
        return "it belongs to an SCR, and the decision was not to hold one (1.5.2)"
    return "it belongs to the path when no SCR is held, and the decision was to hold one"


def check_key_date(key: str, on: dt.date, today: dt.date, review: Review) -> None:
    """A key date that records an event (not a planned meeting) has happened, in order (App 1, 7.1.2)."""
    key_date_path(key)  # a key date there is
    if key not in PLANNED_KEY_DATES and on > today:
        raise BadInput(f"{on:%d/%m/%Y} is in the future; the {key.replace('-', ' ')} date is recorded once it happens.")


def check_decision(on: dt.date, today: dt.date, review: Review) -> None:
    if on > today:
        raise BadInput(f"--date {on:%d/%m/%Y} is in the future; record the decision once the chair has made it.")
    if on < review.referral_received:
        raise BadInput(
            f"--date {on:%d/%m/%Y} is before the referral was received ({review.referral_received:%d/%m/%Y}); "
            "the chair decides after the referral (7.1.2)."
        )


def check_extension(
    schedule: Schedule,
    review: Review,
    new_completion: dt.date,
    reason: str,
    happened: dict[str, dt.date | None] | None = None,
    today: dt.date | None = None,
) -> None:
    """7.2: an extension has its reason, comes after the decision to hold an SCR, and moves completion
    later, never earlier; the days it was agreed and Ofsted told (``happened``) are not in the future
    nor before the decision."""
    if not reason.strip():
        raise BadInput("An extension needs its reason (7.2.1): give --reason.")
    decision = review.decision
    for flag, day in (happened or {}).items():
        if day is None:
            continue
        if today is not None and day > today:
            raise BadInput(f"{flag} {day:%d/%m/%Y} is in the future; record it once it has happened.")
        if decision.date is not None and day < decision.date:
            raise BadInput(f"{flag} {day:%d/%m/%Y} is before the decision ({decision.date:%d/%m/%Y}).")
    if decision.date is None:
        raise BadInput(
            "An extension applies to a Serious Case Review: record the decision to hold one first "
            "(`scrkit decide scr`)."
        )
    if decision.outcome is not DecisionOutcome.SCR:
        raise BadInput("The decision was not to hold an SCR, so there is no completion date to extend (7.2).")
    if new_completion <= decision.date:
        raise BadInput(f"--to {new_completion:%d/%m/%Y} is not after the decision ({decision.date:%d/%m/%Y}).")
    completion = schedule.completion()
    if completion is not None and completion.due is not None and new_completion <= completion.due:
        raise BadInput(
            f"--to {new_completion:%d/%m/%Y} is not later than the completion date now ({completion.due:%d/%m/%Y}); "
            "an extension gives more time (7.2.1)."
        )


def apply_done(
    timeline_document: Any, milestone_id: str, on: dt.date, note: str | None, due: dt.date | None = None
) -> None:
    """Record in timeline.yaml that a milestone happened on ``on`` (its entry exists after a refresh),
    with the due date it had then (``due``), against which it is judged from now on."""
    entry = timeline_document["milestones"][milestone_id]
    entry["done"] = to_yaml_value(on)
    if note is not None:
        entry["note"] = to_yaml_value(note)
    if due is not None:
        entry["due_when_done"] = to_yaml_value(due)


def not_done_yet(schedule: Schedule, milestone_id: str) -> None:
    """A milestone already done is never recorded again: its date is corrected, with a reason (13.2)."""
    milestone = schedule.get(milestone_id)
    if milestone is not None and milestone.done is not None:
        raise Refused(
            f"'{milestone_id}' is already done on {milestone.done:%d/%m/%Y}; that date is kept.",
            hint=f'If that date is wrong: scrkit correct {milestone_id} --date DD/MM/YYYY --reason "..." '
            "(the old date stays in the milestone's history).",
        )


def apply_correction(timeline_document: Any, milestone_id: str, on: dt.date, reason: str, today: dt.date) -> dt.date:
    """Correct a done milestone's date in timeline.yaml, keeping the old one in its history; the old date."""
    entry = timeline_document["milestones"][milestone_id]
    was = dt.date.fromisoformat(str(entry["done"]))
    history = entry.get("history")
    if not isinstance(history, list):
        entry["history"] = history = to_yaml_value([])
    history.append(to_yaml_value({"was": was, "corrected_on": today, "reason": reason}))
    entry["done"] = to_yaml_value(on)
    return was


def key_date_path(key: str) -> tuple[str, ...]:
    """Where a key date lives in review.yaml, or a refusal naming the key dates there are."""
    if key == "decision":
        raise BadInput(
            "The decision date is recorded with its outcome.",
            hint="Use `scrkit decide scr --date DD/MM/YYYY` (or not-scr).",
        )
    if key not in KEY_DATE_FIELDS:
        raise BadInput(
            f"'{key}' is not a key date. Key dates are: {', '.join(KEY_DATE_FIELDS)} (and the decision, "
            "recorded with `scrkit decide`)."
        )
    return KEY_DATE_FIELDS[key]


def apply_key_date(review_document: Any, key: str, on: dt.date) -> None:
    _set_path(review_document, key_date_path(key), to_yaml_value(on))


def apply_decision(
    review_document: Any,
    outcome: DecisionOutcome,
    on: dt.date,
    alternative: Alternative | None = None,
    reasons: str | None = None,
    *,
    review: Review | None = None,
    child: Child | None = None,
    revise: str | None = None,
    override: str | None = None,
    today: dt.date | None = None,
) -> None:
    """The LSCB chair's decision (7.1.2, App 1 Part 2); the job then sets the status. A decision already
    made is revised only with ``revise`` (why, 1.5.6), and kept in the decision's history; a review
    1.2.2 says is always an SCR is decided otherwise only with ``override`` (the chair's reason)."""
    if alternative and outcome is DecisionOutcome.SCR:
        raise BadInput("--alternative applies only when the decision is not to hold an SCR (not-scr).")
    if review is not None and child is not None and outcome is DecisionOutcome.NOT_SCR:
        must = always_an_scr(review, child)
        if must and not (override or "").strip():
            raise Refused(
                f"1.2.2: this review will always be an SCR: {must}.",
                hint='If the chair has decided otherwise all the same, record why with --override-1-2-2 "REASON"; '
                "scrkit check will report it.",
            )
    earlier = review.decision if review is not None else None
    if earlier is not None and earlier.date and earlier.outcome:
        if not (revise or "").strip():
            raise Refused(
                f"The decision was already made on {earlier.date:%d/%m/%Y} ({earlier.outcome.value}); it is kept.",
                hint='If the chair has revised it (1.5.6), say why with --revise "REASON"; the earlier decision '
                "stays in the record.",
            )
        if on < earlier.date:
            raise BadInput(f"--date {on:%d/%m/%Y} is before the decision it revises ({earlier.date:%d/%m/%Y}).")
    if not isinstance(review_document.get("decision"), CommentedMap):
        review_document["decision"] = CommentedMap()
    decision = review_document["decision"]
    if earlier is not None and earlier.date and earlier.outcome and revise:
        history = decision.get("history")
        if not isinstance(history, list):
            decision["history"] = history = to_yaml_value([])
        history.append(to_yaml_value({
            "date": earlier.date, "outcome": earlier.outcome.value,
            "alternative": earlier.alternative.value if earlier.alternative else None,
            "reasons": earlier.reasons, "revised_on": today or on, "why_revised": revise.strip(),
        }))  # fmt: skip
    if override and outcome is DecisionOutcome.NOT_SCR:
        decision["override_1_2_2"] = to_yaml_value(override.strip())
    elif "override_1_2_2" in decision:
        del decision["override_1_2_2"]
    decision["date"] = to_yaml_value(on)
    decision["outcome"] = outcome.value
    decision["alternative"] = to_yaml_value(alternative.value if alternative else None)
    if reasons is not None:
        decision["reasons"] = to_yaml_value(reasons)


def apply_extension(
    timeline_document: Any,
    new_completion: dt.date,
    reason: str,
    ofsted_informed: dt.date | None,
    agreed_on: dt.date | None,
) -> None:
    """7.2: a new completion date agreed by the LSCB, with its reason, and when Ofsted was told."""
    if not reason.strip():
        raise BadInput("An extension needs its reason (7.2.1): give --reason.")
    previous = timeline_document.get("extension")
    if isinstance(previous, CommentedMap) and previous.get("new_completion"):
        earlier = timeline_document.get("earlier_extensions")
        if not isinstance(earlier, list):
            timeline_document["earlier_extensions"] = earlier = to_yaml_value([])
        earlier.append(previous)  # kept as it was: every extension stays on the record
    extension = CommentedMap()
    extension["new_completion"] = to_yaml_value(new_completion)
    extension["reason"] = to_yaml_value(reason.strip())
    extension["agreed_on"] = to_yaml_value(agreed_on)
    extension["ofsted_informed"] = to_yaml_value(ofsted_informed)
    timeline_document["extension"] = extension


def _set_path(document: CommentedMap, path: tuple[str, ...], value: object) -> None:
    node = document
    for step in path[:-1]:
        if not isinstance(node.get(step), CommentedMap):
            node[step] = CommentedMap()
        node = node[step]
    node[path[-1]] = value
