"""Due dates for one review: the profile's rules applied to the review's key dates.

A milestone counts from its anchor: a key date in review.yaml, or another milestone
(its recorded date when it has one, else its due date). So recording the decision date
moves completion, and completion moves the overview draft before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scrkit.case.layout import ACTIONS, TIMELINE, RecordKind
from scrkit.case.records import ReviewRecords
from scrkit.dates import add_months
from scrkit.errors import InvalidReview, Problem
from scrkit.models.review import Alternative, DecisionOutcome
from scrkit.models.timeline import Extension
from scrkit.records.yamlfile import line_of
from scrkit.timeline import profile as profile_rules
from scrkit.timeline.calendar import WorkingCalendar
from scrkit.timeline.conditions import CONDITION_CHECKS
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
    def undated(self) -> bool:
        """No timescale in the profile: done when it is done, never overdue (e.g. the action plan's sign-off)."""
        return not self.rule.dated

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
    recorded: dict[str, dt.date] = field(default_factory=dict)  # key dates, done milestones and conditions met, by id
    alternative: Alternative | None = None  # what is done instead of an SCR, when one is chosen (1.5.2)
    unmet_conditions: dict[str, str] = field(default_factory=dict)  # condition: why it is not met, in words

    def unmet(self, milestone: ScheduledMilestone, on: dt.date, conditions: bool = True) -> list[str]:
        """What the milestone requires (its rule's ``requires``) that is not recorded by ``on``, in words;
        with ``conditions`` False, only key dates and milestones (what the records' dates alone settle)."""
        missing = []
        for required in milestone.rule.requires:
            if not conditions and required in CONDITION_CHECKS:
                continue
            step = self.get(required)
            if step is not None and not step.applicable:
                continue  # another alternative's step (1.5.2): not this review's to wait for
            day = self.recorded.get(required)
            name = required.replace("-", " ")
            if day is None and required in self.unmet_conditions:
                missing.append(self.unmet_conditions[required])
            elif day is None:
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


assert set(CONDITION_CHECKS) == set(profile_rules.CONDITIONS)


@dataclass(frozen=True)
class RecordedElsewhere:
    """A milestone whose date lives in another record than timeline.yaml, recorded by its own command."""

    kind: RecordKind
    field: str
    command: str

    def date(self, records: ReviewRecords) -> dt.date | None:
        value = getattr(getattr(records, self.kind.name), self.field)
        return value if isinstance(value, dt.date) else None


DONE_ELSEWHERE = {
    # 17.1.2: the LSCB concludes the SCR by signing off the action plan's completion (actions.yaml).
    "action-plan-signed-off": RecordedElsewhere(ACTIONS, "signed_off_on", "scrkit actions sign-off --by NAME"),
}


def applies(rule: MilestoneRule, outcome: DecisionOutcome | None, alternative: Alternative | None) -> bool:
    """Whether a milestone belongs to this review: its outcome (only_if) and alternative (only_for) match,
    or the decision that would settle it is not made yet (then it is pending, not dropped)."""
    if outcome is None:
        return True
    if rule.only_for:
        return outcome is DecisionOutcome.NOT_SCR and alternative in rule.only_for
    return rule.only_if is None or outcome == rule.only_if


def repeat_instance_id(rule_id: str, number: int) -> str:
    return f"{rule_id}-{number}"


def build_schedule(records: ReviewRecords, loaded: LoadedProfile) -> Schedule:
    profile = loaded.profile
    calendar = WorkingCalendar(records.board.nation)
    keys = key_dates(records)
    outcome = records.review.decision.outcome
    alternative = records.review.decision.alternative if outcome is DecisionOutcome.NOT_SCR else None
    recorded = records.timeline.milestones
    extension = records.timeline.extension
    dates: dict[str, dt.date | None] = {}  # each milestone's actual date, else its due date
    scheduled: dict[str, list[ScheduledMilestone]] = {}

    def anchor_date(name: str) -> dt.date | None:
        return dates[name] if name in dates else keys.get(name)

    for milestone_id in loaded.order:
        rule = profile.rule(milestone_id)
        assert rule is not None
        applicable = applies(rule, outcome, alternative)
        start = anchor_date(rule.anchor)
        if rule.repeat:
            scheduled[rule.id] = _repeats(rule, start, anchor_date(rule.until or ""), recorded, applicable)
            continue
        offset = OFFSET_SOURCES[rule.offset_from](records) if rule.offset_from else rule.offset
        due = calendar.shift(start, offset, rule.unit) if start and offset is not None and rule.unit else None
        floor = anchor_date(rule.not_before) if rule.not_before else None
        if due and floor and floor > due:
            due = floor  # e.g. the decision is notified no earlier than it is made (1.6.3)
        extended = bool(rule.extendable and extension)
        if extended:
            due = extension.new_completion  # type: ignore[union-attr]
        entry = recorded.get(rule.id)
        # A milestone that is also a key date (the decision) is done when that date is recorded.
        if rule.id in KEY_DATES:
            done = keys.get(rule.id)
        elif rule.id in DONE_ELSEWHERE:
            done = DONE_ELSEWHERE[rule.id].date(records)
        else:
            done = entry.done if entry else None
        if done is not None and entry is not None and entry.due_when_done is not None:
            due = entry.due_when_done  # judged as it stood when done: a later change moves only what is not done
        waiting = rule.anchor if due is None and rule.dated else None
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
    unmet_conditions = {}
    for condition, met in CONDITION_CHECKS.items():
        day, why_not = met(records)
        if day is None:
            unmet_conditions[condition] = why_not
        else:
            recorded_dates[condition] = day
    schedule = Schedule(
        milestones=ordered, extension=extension, calendar=calendar, decision=outcome, recorded=recorded_dates,
        alternative=alternative, unmet_conditions=unmet_conditions,
    )  # fmt: skip
    _check_requirements(records, schedule)
    return schedule


def _check_requirements(records: ReviewRecords, schedule: Schedule) -> None:
    """A milestone recorded as done before what it requires (the profile's ``requires``) is a problem:
    the written timeframe (7.1.4) would say something happened that could not have."""
    unmet = [
        (milestone, missing)
        for milestone in schedule.milestones
        if milestone.done and milestone.id not in KEY_DATES
        # A condition (the action plan complete) is checked when the milestone is recorded, and by validate:
        # an action reopened since must not lock every command out of the review.
        for missing in [schedule.unmet(milestone, milestone.done, conditions=False)]
        if missing
    ]
    if not unmet:
        return
    problems = []
    for milestone, missing in unmet:
        problems.append(
            done_problem(
                records,
                milestone.id,
                f"is {milestone.done:%d/%m/%Y}, but {'; '.join(missing)}: it cannot have been done before that",
            )  # fmt: skip
        )
    raise InvalidReview(records.folder, problems)


def done_problem(records: ReviewRecords, milestone_id: str, message: str) -> Problem:
    """A problem with a milestone's recorded date, where it is written: timeline.yaml, or its own record."""
    elsewhere = DONE_ELSEWHERE.get(milestone_id)
    kind, location = (TIMELINE, ["milestones", milestone_id, "done"])
    if elsewhere is not None:
        kind, location = elsewhere.kind, [elsewhere.field]
    return Problem(
        records.path_of(kind),
        line_of(records.documents[kind.name], location),
        ".".join(str(part) for part in location),
        message,
    )


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
        due = add_months(start, (rule.offset or 0) + number - 1)
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
