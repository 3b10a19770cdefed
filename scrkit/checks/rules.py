"""The rules `scrkit check` applies (scrkit/data/rules.yaml says what each is and where it comes from)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from scrkit.case.layout import ACTIONS, IMRS, PANEL, REVIEW, RecordKind
from scrkit.case.records import ReviewRecords
from scrkit.models.agencies import RequestReply
from scrkit.models.fields import Id, Record, Text
from scrkit.models.panel import CONFIRMATIONS_3_1_3, INDEPENDENT_ROLES
from scrkit.models.review import DecisionOutcome, always_an_scr
from scrkit.records.yamlfile import line_of, read_document, to_plain
from scrkit.resources import DATA


class RuleSpec(Record):
    id: Id
    title: Text
    guidance: Text
    descriptor: Text
    scr_only: bool = True  # a rule of the SCR process: not checked once the decision is not to hold one


class RuleBook(Record):
    rules: list[RuleSpec]


@lru_cache(maxsize=1)
def rule_book() -> tuple[RuleSpec, ...]:
    return tuple(RuleBook.model_validate(to_plain(read_document(DATA / "rules.yaml"))).rules)


@dataclass(frozen=True)
class Finding:
    rule: RuleSpec
    message: str
    file: Path
    line: int | None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return (
            f"{where}: {self.rule.id}: {self.message} "
            f"({self.rule.guidance}; puts Ofsted's '{self.rule.descriptor}' at risk)"
        )


Breach = tuple[str, RecordKind, list[Any]]  # message, the record it is in, the field path
RULES: dict[str, Callable[[ReviewRecords], Iterator[Breach]]] = {}


def rule(rule_id: str):  # noqa: ANN201
    def register(function: Callable[[ReviewRecords], Iterator[Breach]]) -> Callable[[ReviewRecords], Iterator[Breach]]:
        RULES[rule_id] = function
        return function

    return register


def _same(first: str | None, second: str | None) -> bool:
    if not first or not second:
        return False
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _involved(records: ReviewRecords) -> set[str]:
    return {a.id for a in records.agencies.agencies if a.request_reply == RequestReply.INVOLVED}


@rule("scr-when-a-child-died")
def _always_an_scr(records: ReviewRecords) -> Iterator[Breach]:
    decision = records.review.decision
    if decision.outcome is DecisionOutcome.NOT_SCR and (why := always_an_scr(records.review, records.child)):
        reason = decision.override_1_2_2 or "no reason recorded"
        yield f"decided not an SCR although {why}; the chair's override: {reason}", REVIEW, ["decision"]


@rule("panel-chair-not-lscb-member")
def _chair_not_member(records: ReviewRecords) -> Iterator[Breach]:
    chair = records.panel.panel_chair
    if chair is None:
        yield "no independent panel chair is recorded in panel.yaml", PANEL, ["panel_chair"]
    elif chair.lscb_member is None:
        yield f"{chair.name}'s LSCB membership is not recorded (lscb_member: yes or no)", PANEL, ["panel_chair"]
    elif chair.lscb_member:
        yield f"the panel chair, {chair.name}, is a member of the LSCB", PANEL, ["panel_chair", "lscb_member"]


@rule("panel-chair-not-from-involved-agency")
def _chair_not_involved(records: ReviewRecords) -> Iterator[Breach]:
    chair = records.panel.panel_chair
    if chair and chair.employer and chair.employer in _involved(records):
        yield (
            f"the panel chair, {chair.name}, is employed by '{chair.employer}', which was involved with the family",
            PANEL,
            ["panel_chair", "employer"],
        )


@rule("panel-chair-not-overview-author")
def _chair_not_author(records: ReviewRecords) -> Iterator[Breach]:
    chair, author = records.panel.panel_chair, records.panel.overview_author
    if chair and author and _same(chair.name, author.name):
        yield f"{chair.name} is both the panel chair and the overview author", PANEL, ["overview_author", "name"]


@rule("overview-author-independent")
def _author_independent(records: ReviewRecords) -> Iterator[Breach]:
    author, lscb_chair = records.panel.overview_author, records.panel.lscb_chair
    if author is None:
        yield "no overview author is recorded in panel.yaml", PANEL, ["overview_author"]
        return
    if lscb_chair and _same(author.name, lscb_chair.name):
        yield f"the overview author, {author.name}, is the LSCB chair", PANEL, ["overview_author", "name"]
    if author.employer and author.employer in _involved(records):
        yield (
            f"the overview author, {author.name}, is employed by '{author.employer}', which was involved",
            PANEL,
            ["overview_author", "employer"],
        )


@rule("overview-author-not-panel-member")
def _author_not_member(records: ReviewRecords) -> Iterator[Breach]:
    author = records.panel.overview_author
    for index, member in enumerate(records.panel.members):
        if author and _same(author.name, member.name):
            yield f"the overview author, {author.name}, is a panel member", PANEL, ["members", index, "name"]


@rule("appointees-arrangements-confirmed")
def _arrangements(records: ReviewRecords) -> Iterator[Breach]:
    for role, label in INDEPENDENT_ROLES.items():
        person = getattr(records.panel, role)
        if person is None:
            continue
        for field, what in CONFIRMATIONS_3_1_3.items():
            if not getattr(person, field):
                yield f"the {label}, {person.name}, has not confirmed {what}", PANEL, [role, field]


@rule("imr-authors-independent")
def _imr_authors(records: ReviewRecords) -> Iterator[Breach]:
    for index, imr in enumerate(records.imrs.imrs):
        name = imr.author.name if imr.author else "the IMR author"
        if imr.author is None:
            continue
        if imr.directly_concerned:
            yield f"{name} ({imr.agency}) was directly concerned with the child or family", IMRS, [
                "imrs", index, "directly_concerned",
            ]  # fmt: skip
        if imr.line_manager_of_practitioners:
            yield f"{name} ({imr.agency}) was the immediate line manager of practitioners involved", IMRS, [
                "imrs", index, "line_manager_of_practitioners",
            ]  # fmt: skip
        if imr.directly_concerned is None or imr.line_manager_of_practitioners is None:
            yield f"{name}'s independence ({imr.agency}) is not recorded", IMRS, ["imrs", index]


@rule("imrs-commissioned")
def _imrs_commissioned(records: ReviewRecords) -> Iterator[Breach]:
    commissioned = {imr.agency for imr in records.imrs.imrs if imr.commissioned}
    for agency in records.agencies.agencies:
        if agency.request_reply == RequestReply.INVOLVED and agency.id not in commissioned:
            yield f"{agency.name} reported involvement but no IMR has been commissioned", IMRS, ["imrs"]


@rule("family-involvement-decided")
def _family(records: ReviewRecords) -> Iterator[Breach]:
    involvement = records.review.family_involvement
    if not involvement.decision or not involvement.decided_on:
        yield "the decision on how the family is involved is not recorded", REVIEW, ["family_involvement"]


@rule("parallel-investigations-recorded")
def _parallel(records: ReviewRecords) -> Iterator[Breach]:
    review = records.review
    if not review.parallel_processes_considered:
        yield "the panel's consideration of parallel investigations is not recorded", REVIEW, [
            "parallel_processes_considered",
        ]  # fmt: skip
    for index, process in enumerate(review.parallel_processes):
        if not process.taken_into_account:
            yield f"how the review takes account of the {process.kind} process is not recorded", REVIEW, [
                "parallel_processes", index, "taken_into_account",
            ]  # fmt: skip


@rule("action-plan-smart")
def _smart(records: ReviewRecords) -> Iterator[Breach]:
    for r_index, recommendation in enumerate(records.actions.recommendations):
        for a_index, action in enumerate(recommendation.actions):
            missing = [
                what
                for what, value in (
                    ("an owner (by_whom)", action.by_whom),
                    ("a date (by_when)", action.by_when),
                    (
                        "a measure of success (audit, or the recommendation's outcome)",
                        action.audit or recommendation.outcome,
                    ),
                )
                if not value
            ]
            if missing:
                yield f"action {action.id} is missing {', '.join(missing)}", ACTIONS, [
                    "recommendations", r_index, "actions", a_index,
                ]  # fmt: skip


def check_review(records: ReviewRecords) -> list[Finding]:
    findings = []
    not_an_scr = records.review.decision.outcome is DecisionOutcome.NOT_SCR
    for spec in rule_book():
        if spec.scr_only and not_an_scr:
            continue  # 1.5.2: the alternative chosen is not run as an SCR, so not judged as one
        for message, kind, location in RULES[spec.id](records):
            findings.append(
                Finding(
                    rule=spec,
                    message=message,
                    file=records.path_of(kind),
                    line=line_of(records.documents[kind.name], location),
                )
            )
    return findings
