"""The process profile: the timetable as data (scrkit/data/profiles/default.yaml).

A board may copy the default profile into a review folder, edit it and name it in
review.yaml (``process_profile: profile.yaml``). Loading checks more than the fields:
every anchor must name a key date or a milestone, ids must be unique, and milestones
must not count from each other in a circle.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from scrkit.errors import InvalidProfile, Problem
from scrkit.models.fields import Id, Record, Text, YesNo
from scrkit.models.review import Alternative, DecisionOutcome, ReviewStatus
from scrkit.records.yamlfile import YamlProblem, fast_plain, line_of, read_document, to_plain
from scrkit.resources import DATA
from scrkit.review.problems import problems_from_validation
from scrkit.timeline.calendar import Unit

PROFILES = DATA / "profiles"

# Key dates recorded in review.yaml that a milestone may count from.
KEY_DATES = ("incident", "referral", "decision", "presentation-meeting", "ofsted-evaluation")

# The default profile's milestone for the agencies' replies to the request letter (App 2): letters
# give agencies its time to reply, and the last reply records it as done.
AGENCY_RESPONSES = "agency-responses"

# Conditions a milestone may require besides key dates and milestones, each worked out from the
# records (scrkit.timeline.conditions).
CONDITIONS = (
    "action-plan-complete",
    "fair-representation",
    "other-processes-considered",
    "presented-to-the-board",
)

# The longest a repeating milestone may repeat: ten years of monthly updates.
MAX_REPEATS = 120


class MilestoneRule(Record):
    id: Id
    title: Text
    guidance: Text | None = None
    responsible: Text | None = None
    anchor: Id
    offset: int | None = None  # with no offset (and no unit) the milestone has no set date: never overdue
    # The offset as the review's records give it, where a board's own policy sets it (e.g. the
    # retention period in review.yaml, 15.1.5); ``offset`` is then the default.
    offset_from: Literal["retention-years"] | None = None
    unit: Unit | None = None
    not_before: Id | None = None
    only_if: DecisionOutcome | None = None
    # Only when the decision is not an SCR and chose one of these alternatives (1.5.2, App 1 Part 2).
    only_for: list[Alternative] = []
    repeat: Literal["monthly"] | None = None
    until: Id | None = None
    document: Id | None = None
    extendable: YesNo = False  # 7.2: an extension replaces this milestone's due date
    requires: list[Id] = []  # recorded first: key dates, milestones or conditions (see the profile's header)
    status: ReviewStatus | None = None  # the review's status once this milestone is done (scrkit.timeline.lifecycle)

    @property
    def dated(self) -> bool:
        """Whether the guidance (or the board) gives it a timescale; one with none is never overdue."""
        return self.offset is not None


class Profile(Record):
    name: Text
    title: Text | None = None
    milestones: list[MilestoneRule]

    def rule(self, milestone_id: str) -> MilestoneRule | None:
        return next((rule for rule in self.milestones if rule.id == milestone_id), None)


@dataclass(frozen=True)
class LoadedProfile:
    profile: Profile
    path: Path
    order: tuple[str, ...]  # milestone ids, each after every milestone it counts from


def profile_path(review_folder: Path, name: str) -> Path:
    """A built-in profile by name, or a file named relative to the review folder."""
    if name.endswith((".yaml", ".yml")):
        return review_folder / name
    return PROFILES / f"{name}.yaml"


# Profiles already read in this process, by file and content: a board's portfolio shares one.
_LOADED: dict[tuple[Path, bytes], LoadedProfile] = {}


def load_profile(path: Path) -> LoadedProfile:
    if not path.is_file():
        built_in = ", ".join(sorted(p.stem for p in PROFILES.glob("*.yaml")))
        raise InvalidProfile(
            path,
            [Problem(path, None, "", f"there is no process profile here (built-in profiles: {built_in})")],
        )
    raw = path.read_bytes()
    if (path, raw) in _LOADED:
        return _LOADED[(path, raw)]
    fast = fast_plain(raw)
    if isinstance(fast, dict):
        with contextlib.suppress(ValidationError):
            profile = Profile.model_validate(fast)
            if not _reference_problems(profile, path, None):
                order, cycle_problems = _order(profile, path, None)
                if not cycle_problems:
                    _LOADED[(path, raw)] = LoadedProfile(profile=profile, path=path, order=order)
                    return _LOADED[(path, raw)]
    # The careful path: round-trip parsing, so that every problem is reported with its line.
    try:
        document = read_document(path)
    except YamlProblem as problem:
        raise InvalidProfile(path, [Problem(path, problem.line, "", problem.message)]) from None
    plain = to_plain(document) or {}
    try:
        profile = Profile.model_validate(plain)
    except ValidationError as error:
        raise InvalidProfile(path, problems_from_validation(path, document, plain, Profile, error)) from None
    problems = _reference_problems(profile, path, document)
    if problems:
        raise InvalidProfile(path, problems)
    order, cycle_problems = _order(profile, path, document)
    if cycle_problems:
        raise InvalidProfile(path, cycle_problems)
    return LoadedProfile(profile=profile, path=path, order=order)


def _problem(path: Path, document: Any, index: int, field: str, message: str, rule_id: str) -> Problem:
    return Problem(path, line_of(document, ["milestones", index, field]), f"milestones[{rule_id}].{field}", message)


def _reference_problems(profile: Profile, path: Path, document: Any) -> list[Problem]:
    problems: list[Problem] = []
    ids = [rule.id for rule in profile.milestones]
    known = set(ids) | set(KEY_DATES)
    requirable = known | set(CONDITIONS)
    seen: set[str] = set()
    for index, rule in enumerate(profile.milestones):
        if rule.id in seen:
            problems.append(_problem(path, document, index, "id", f"'{rule.id}' is used by two milestones", rule.id))
        seen.add(rule.id)
        for field in ("anchor", "not_before", "until"):
            target = getattr(rule, field)
            if target is not None and target not in known:
                problems.append(
                    _problem(
                        path,
                        document,
                        index,
                        field,
                        f"'{target}' is neither a key date ({', '.join(KEY_DATES)}) nor a milestone in this profile",
                        rule.id,
                    )
                )
        for target in rule.requires:
            if target not in requirable:
                problems.append(
                    _problem(
                        path,
                        document,
                        index,
                        "requires",
                        f"'{target}' is neither a key date, a milestone nor a condition ({', '.join(CONDITIONS)})",
                        rule.id,
                    )  # fmt: skip
                )
        if (rule.offset is None) != (rule.unit is None):
            field = "unit" if rule.unit is None else "offset"
            problems.append(
                _problem(
                    path,
                    document,
                    index,
                    field,
                    "give both offset and unit, or neither (a milestone with no set date)",
                    rule.id,
                )  # fmt: skip
            )
        if rule.repeat and rule.offset is None:
            problems.append(_problem(path, document, index, "offset", "a repeating milestone needs an offset", rule.id))
        if rule.only_for and rule.only_if is DecisionOutcome.SCR:
            problems.append(
                _problem(
                    path,
                    document,
                    index,
                    "only_for",
                    "names alternatives to an SCR, so `only_if` must be not-scr (or left out)",
                    rule.id,
                )  # fmt: skip
            )
        if rule.repeat and not rule.until:
            problems.append(_problem(path, document, index, "until", "a repeating milestone needs `until`", rule.id))
    return problems


def _order(profile: Profile, path: Path, document: Any) -> tuple[tuple[str, ...], list[Problem]]:
    """Milestones in an order where each comes after those it counts from; cycles are problems."""
    rules = {rule.id: rule for rule in profile.milestones}
    index_of = {rule.id: index for index, rule in enumerate(profile.milestones)}

    def depends_on(rule: MilestoneRule) -> list[str]:
        return [target for target in (rule.anchor, rule.not_before, rule.until) if target in rules]

    order: list[str] = []
    state: dict[str, str] = {}  # "visiting" or "done"
    problems: list[Problem] = []

    def visit(milestone_id: str, trail: list[str]) -> None:
        if state.get(milestone_id) == "done":
            return
        if state.get(milestone_id) == "visiting":
            cycle = trail[trail.index(milestone_id) :] + [milestone_id]
            problems.append(
                _problem(
                    path,
                    document,
                    index_of[milestone_id],
                    "anchor",
                    "milestones count from each other in a circle: " + " -> ".join(cycle),
                    milestone_id,
                )
            )
            return
        state[milestone_id] = "visiting"
        for target in depends_on(rules[milestone_id]):
            visit(target, [*trail, milestone_id])
            if problems:
                return
        state[milestone_id] = "done"
        order.append(milestone_id)

    for rule in profile.milestones:
        visit(rule.id, [])
        if problems:
            break
    return tuple(order), problems
