"""Due dates for one review: the profile's rules applied to the review's key dates.

A milestone counts from its anchor: a key date in review.yaml, or another milestone
(its recorded date when it has one, else its due date). So recording the decision date
moves completion, and completion moves the overview draft before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scrkit.case.layout import TIMELINE
from scrkit.case.records import ReviewRecords
from scrkit.dates import add_months
from scrkit.errors import InvalidReview, Problem
from scrkit.models.review import DecisionOutcome
from scrkit.models.timeline import Extension
from scrkit.records.yamlfile import line_of
from scrkit.timeline.calendar import WorkingCalendar
from scrkit.timeline.profile import KEY_DATES, MAX_REPEATS, LoadedProfile, MilestoneRule


@dataclass(frozen=True)
class ScheduledMilestone:
    id: str  # the rule's id, or e.g. "monthly-update-3" for the third of a repeating milestone
    rule: MilestoneRule
    due: dt.date | None
    done: dt.date | None
    applicable: bool
    waiting_for: str | None  # the anchor whose date is not known yet, when due is None
    note: str | None = None
    extended: bool = False

    @property
    def title(self) -> str:
        if self.id == self.rule.id:
            return self.rule.title
        return f"{self.rule.title} ({self.id.rsplit('-', 1)[1]})"


# Key dates that are plans, not events: a milestone requiring one needs it set, not passed.
PLANNED_KEY_DATES = frozenset({"presentation-meeting"})


@dataclass(frozen=True)
class Schedule:
    milestones: tuple[ScheduledMilestone, ...]
    extension: Extension | None
    calendar: WorkingCalendar
    decision: DecisionOutcome | None
    recorded: dict[str, dt.date] = field(default_factory=dict)  # key dates and done milestones, by id

    def unmet(self, milestone: ScheduledMilestone, on: dt.date) -> list[str]:
        """What the milestone requires (its rule's ``requires``) that is not recorded by ``on``, in words."""
        missing = []
        for required in milestone.rule.requires:
            day = self.recorded.get(required)
            name = required.replace("-", " ")
            if day is None:
                missing.append(f"the {name} is not recorded yet")
            elif required not in PLANNED_KEY_DATES and day > on:
                missing.append(f"the {name} was recorded on {day:%d/%m/%Y}, after {on:%d/%m/%Y}")
        return missing

    def get(self, milestone_id: str) -> ScheduledMilestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def completion(self) -> ScheduledMilestone | None:
        return next((m for m in self.milestones if m.rule.extendable), None)


def key_dates(records: ReviewRecords) -> dict[str, dt.date | None]:
    review = records.review
    return {
        "incident": review.incident_date,
        "referral": review.referral_received,
        "decision": review.decision.date,
        "presentation-meeting": review.presentation_meeting,
        "ofsted-evaluation": review.ofsted_evaluation_received,
    }


# Offsets a profile may take from the review's records (MilestoneRule.offset_from).
OFFSET_SOURCES = {
    "retention-years": lambda records: records.review.retention.years,  # 15.1.5, or the board's policy
}


def repeat_instance_id(rule_id: str, number: int) -> str:
    return f"{rule_id}-{number}"


def build_schedule(records: ReviewRecords, loaded: LoadedProfile) -> Schedule:
    profile = loaded.profile
    calendar = WorkingCalendar(records.board.nation)
    keys = key_dates(records)
    outcome = records.review.decision.outcome
    recorded = records.timeline.milestones
    extension = records.timeline.extension
    dates: dict[str, dt.date | None] = {}  # each milestone's actual date, else its due date
    scheduled: dict[str, list[ScheduledMilestone]] = {}

    def anchor_date(name: str) -> dt.date | None:
        return dates[name] if name in dates else keys.get(name)

    for milestone_id in loaded.order:
        rule = profile.rule(milestone_id)
        assert rule is not None
        applicable = rule.only_if is None or outcome is None or outcome == rule.only_if
        start = anchor_date(rule.anchor)
        if rule.repeat:
            scheduled[rule.id] = _repeats(rule, start, anchor_date(rule.until or ""), recorded, applicable)
            continue
        offset = OFFSET_SOURCES[rule.offset_from](records) if rule.offset_from else rule.offset
        due = calendar.shift(start, offset, rule.unit) if start else None
        floor = anchor_date(rule.not_before) if rule.not_before else None
        if due and floor and floor > due:
            due = floor  # e.g. the decision is notified no earlier than it is made (1.6.3)
        extended = bool(rule.extendable and extension)
        if extended:
            due = extension.new_completion  # type: ignore[union-attr]
        entry = recorded.get(rule.id)
        # A milestone that is also a key date (the decision) is done when that date is recorded.
        done = keys.get(rule.id) if rule.id in KEY_DATES else (entry.done if entry else None)
        if done is not None and entry is not None and entry.due_when_done is not None:
            due = entry.due_when_done  # judged as it stood when done: a later change moves only what is not done
        waiting = rule.anchor if due is None else None
        scheduled[rule.id] = [
            ScheduledMilestone(
                id=rule.id,
                rule=rule,
                due=due,
                done=done,
                applicable=applicable,
                waiting_for=waiting,
                note=entry.note if entry else None,
                extended=extended,
            )
        ]
        dates[rule.id] = done or due

    ordered = tuple(item for rule in profile.milestones for item in scheduled[rule.id])
    _check_recorded_ids(records, ordered)
    recorded_dates = {name: day for name, day in keys.items() if day} | {m.id: m.done for m in ordered if m.done}
    # What requires the decision needs a decision to have been made by then: the first one, when it
    # was later revised (1.5.6), since the steps taken under it were taken rightly.
    decided = [earlier.date for earlier in records.review.decision.history] + [day for day in [keys["decision"]] if day]
    if decided:
        recorded_dates["decision"] = min(decided)
    schedule = Schedule(
        milestones=ordered, extension=extension, calendar=calendar, decision=outcome, recorded=recorded_dates
    )
    _check_requirements(records, schedule)
    return schedule


def _check_requirements(records: ReviewRecords, schedule: Schedule) -> None:
    """A milestone recorded as done before what it requires (the profile's ``requires``) is a problem:
    the written timeframe (7.1.4) would say something happened that could not have."""
    unmet = [
        (milestone, missing)
        for milestone in schedule.milestones
        if milestone.done and milestone.id not in KEY_DATES
        for missing in [schedule.unmet(milestone, milestone.done)]
        if missing
    ]
    if not unmet:
        return
    document = records.documents[TIMELINE.name]
    problems = [
        Problem(
            records.path_of(TIMELINE),
            line_of(document, ["milestones", milestone.id, "done"]),
            f"milestones.{milestone.id}.done",
            f"is {milestone.done:%d/%m/%Y}, but {'; '.join(missing)}: it cannot have been done before that",
        )
        for milestone, missing in unmet
    ]
    raise InvalidReview(records.folder, problems)


def _repeats(
    rule: MilestoneRule,
    start: dt.date | None,
    until: dt.date | None,
    recorded: dict,
    applicable: bool,
) -> list[ScheduledMilestone]:
    """A monthly milestone (4.1.2): one entry a month from its anchor until ``until``."""
    if start is None or until is None:
        return [
            ScheduledMilestone(
                id=repeat_instance_id(rule.id, 1),
                rule=rule,
                due=None,
                done=None,
                applicable=applicable,
                waiting_for=rule.anchor if start is None else rule.until,
            )
        ]
    items = []
    for number in range(1, MAX_REPEATS + 1):
        due = add_months(start, rule.offset + number - 1)
        if due > until:
            break
        instance = repeat_instance_id(rule.id, number)
        entry = recorded.get(instance)
        items.append(
            ScheduledMilestone(
                id=instance,
                rule=rule,
                due=due,
                done=entry.done if entry else None,
                applicable=applicable,
                waiting_for=None,
                note=entry.note if entry else None,
            )
        )
    return items


def _check_recorded_ids(records: ReviewRecords, scheduled: tuple[ScheduledMilestone, ...]) -> None:
    """A date recorded against a milestone the profile does not have is a problem, not ignored."""
    known = {m.id for m in scheduled}
    unknown = [
        milestone_id
        for milestone_id, entry in records.timeline.milestones.items()
        if milestone_id not in known and entry.done is not None
    ]
    if not unknown:
        return  # the round-trip document (slow to parse) is needed only to name a line
    document = records.documents[TIMELINE.name]
    problems = [
        Problem(
            records.path_of(TIMELINE),
            line_of(document, ["milestones", milestone_id]),
            f"milestones.{milestone_id}",
            "is not a milestone of this review's process profile; check the spelling"
            + (f" (did you mean '{suggestion}'?)" if (suggestion := _closest(milestone_id, known)) else ""),
        )
        for milestone_id in unknown
    ]
    raise InvalidReview(records.folder, problems)


def _closest(word: str, choices: set[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(word, sorted(choices), n=1)
    return matches[0] if matches else None
