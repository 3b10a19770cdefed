"""Checks across records: facts that are each valid alone but cannot all be true.

Each check names the file, line and field to correct. The rules come from common sense
about dates and from the guidance where it sets an order (the decision follows the
referral, 7.1.2; the terms of reference cover a period, 2.1.1).
"""

from __future__ import annotations

import datetime as dt
import functools
import typing
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from scrkit import dates
from scrkit.case.layout import (
    ACTIONS,
    AGENCIES,
    CHILD,
    IMRS,
    INTERVIEWS,
    MEETINGS,
    OVERVIEW,
    PANEL,
    PEOPLE,
    RECORD_KINDS,
    REFERRAL,
    REVIEW,
    TIMELINE,
    RecordKind,
)
from scrkit.case.records import ReviewRecords
from scrkit.dates import uk_date
from scrkit.errors import Problem
from scrkit.models.fields import HAPPENED
from scrkit.models.review import DecisionOutcome
from scrkit.records.yamlfile import line_of, to_plain
from scrkit.review.problems import field_path


def consistency_problems(records: ReviewRecords, today: dt.date | None = None) -> list[Problem]:
    found = _Findings(records)
    _check_dates(records, found)
    _check_nothing_happened_after(today or dates.today(), records, found)
    _check_decision(records, found)
    _check_ids(records, found)
    _check_agency_references(records, found)
    _check_family(records, found)
    _check_milestones(records, found)
    _check_overview(records, found)
    _check_meetings(records, found)
    return found.problems


def _check_meetings(records: ReviewRecords, found: _Findings) -> None:
    """Each attendee is a panel member or one of the review's roles; meetings are after the referral."""
    from scrkit.models.meetings import ATTENDING_ROLES

    known = {member.id for member in records.panel.members} | set(ATTENDING_ROLES)
    for index, meeting in enumerate(records.meetings.meetings):
        for position, attendee in enumerate(meeting.attendees):
            if attendee not in known:
                found.add(MEETINGS, ["meetings", index, "attendees", position],
                          f"'{attendee}' is neither a panel member's id in panel.yaml nor a role "
                          f"({', '.join(ATTENDING_ROLES)})")  # fmt: skip
        if meeting.date < records.review.referral_received:
            found.add(MEETINGS, ["meetings", index, "date"],
                      f"is before the referral was received ({uk_date(records.review.referral_received)})")  # fmt: skip
        if meeting.minutes_approved is not None and meeting.minutes_approved < meeting.date:
            found.add(MEETINGS, ["meetings", index, "minutes_approved"], "is before the meeting was held")


def _check_overview(records: ReviewRecords, found: _Findings) -> None:
    """13.1-14.1: overview.yaml's steps in order, as `scrkit overview` takes them (scrkit.overview.consistency)."""
    from scrkit.overview.consistency import overview_findings

    for location, message in overview_findings(records):
        found.add(OVERVIEW, location, message)


def _check_nothing_happened_after(today: dt.date, records: ReviewRecords, found: _Findings) -> None:
    """A date of something that has happened (a reply, a submission, a sign-off, a birth: the model's
    ``PastDate`` fields) is never after today: "submitted 20/01/2027" would count an IMR as received,
    and timeline.yaml and the records are evidence of what was done when (App 12, "Timescales")."""
    # 14.1.3: a hearing's outcome is known once it has been held; one written for a hearing to come is not.
    for p_index, process in enumerate(records.review.parallel_processes):
        for h_index, hearing in enumerate(process.court_dates):
            if hearing.outcome and hearing.date > today:
                where = ["parallel_processes", p_index, "court_dates", h_index, "outcome"]
                found.add(REVIEW, where, f"is written for a hearing on {uk_date(hearing.date)}, not yet held")
    for kind in RECORD_KINDS:
        for location, day in _happened_dates(getattr(records, kind.name), []):
            if day > today:
                message = (
                    f"is {uk_date(day)}, after today ({uk_date(today)}): record what has happened once it has "
                    "happened; a date still to come belongs in a due or planned date"
                )
                found.add(kind, location, message)


def _happened_dates(value: Any, location: list[Any]) -> Iterator[tuple[list[Any], dt.date]]:
    """Each (location, date) in a record whose field is marked as a day something happened."""
    if isinstance(value, BaseModel):
        marked = _happened_fields(type(value))
        for name in type(value).model_fields:
            held = getattr(value, name)
            if name in marked:
                if isinstance(held, dt.date):
                    yield [*location, name], held
            else:
                yield from _happened_dates(held, [*location, name])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _happened_dates(item, [*location, index])
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _happened_dates(item, [*location, key])


@functools.cache
def _happened_fields(model: type[BaseModel]) -> frozenset[str]:
    fields = model.model_fields.items()
    return frozenset(name for name, info in fields if HAPPENED in info.metadata or _marks_happened(info.annotation))


def _marks_happened(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        return HAPPENED in typing.get_args(annotation)[1:]
    return any(_marks_happened(member) for member in typing.get_args(annotation))


def _check_family(records: ReviewRecords, found: _Findings) -> None:
    """Parents, twins, relationships and households name people the records hold; nobody is their own
    ancestor (App 15: the genogram could not be drawn, and the family would be wrong)."""
    before = len(found.problems)
    family = {person.id: person for person in records.people.family}
    known = {records.child.id, *family}
    listed = ", ".join(sorted(known))

    def check(kind: RecordKind, location: list[Any], person_id: str | None, what: str) -> None:
        if person_id and person_id not in known:
            found.add(kind, location, f"names '{person_id}' as {what}, who is not in child.yaml or people.yaml "
                                      f"(people there: {listed})")  # fmt: skip

    for parent_index, parent in enumerate(records.child.parents):
        check(CHILD, ["parents", parent_index], parent, "a parent")
    for index, person in enumerate(records.people.family):
        for parent_index, parent in enumerate(person.parents):
            check(PEOPLE, ["family", index, "parents", parent_index], parent, "a parent")
        check(PEOPLE, ["family", index, "twin_of"], person.twin_of, "a twin")
    for index, relationship in enumerate(records.people.relationships):
        for member_index, member in enumerate(relationship.between):
            check(PEOPLE, ["relationships", index, "between", member_index], member, "a partner")
    for index, household in enumerate(records.people.households):
        for member_index, member in enumerate(household.members):
            check(PEOPLE, ["households", index, "members", member_index], member, "a member of the household")
    parents = {person_id: list(person.parents) for person_id, person in family.items()}
    parents[records.child.id] = list(records.child.parents)
    for index, person in enumerate(records.people.family):
        trail, frontier = set(), list(person.parents)
        while frontier:
            ancestor = frontier.pop()
            if ancestor == person.id:
                message = f"make '{person.id}' their own ancestor (a parent of a parent...); check who is whose parent"
                found.add(PEOPLE, ["family", index, "parents"], message)
                break
            if ancestor not in trail:
                trail.add(ancestor)
                frontier.extend(parents.get(ancestor, []))
    if len(found.problems) == before:  # the people all exist and nobody is their own ancestor
        _check_generations(records, found)


def _check_generations(records: ReviewRecords, found: _Findings) -> None:
    """Partners share a generation on the genogram (App 15): a family where that cannot be is named now,
    not when the genogram or the IMR template is drawn."""
    from scrkit.errors import BadInput
    from scrkit.genogram.layout import generations, nodes_from

    try:
        nodes, relationships, _ = nodes_from(records, anonymise=False)
        generations(nodes, relationships)
    except BadInput as error:
        found.add(PEOPLE, ["relationships"], error.message.removeprefix("The family cannot be drawn in generations: "))


def _check_milestones(records: ReviewRecords, found: _Findings) -> None:
    """A milestone is done on or after the referral that starts the review (App 1, 5.1.1), except the
    referral form, which may be written the day of the incident (72 hours, App 1 Part 1)."""
    review = records.review
    for milestone_id, entry in records.timeline.milestones.items():
        if entry.done is None:
            continue
        first = review.incident_date if milestone_id == "referral-form" else review.referral_received
        if entry.done < first:
            what = "the incident" if milestone_id == "referral-form" else "the referral was received"
            found.add(
                TIMELINE,
                ["milestones", milestone_id, "done"],
                f"is before {what} ({uk_date(first)}); a milestone cannot be done before the review begins",
            )


class _Findings:
    def __init__(self, records: ReviewRecords) -> None:
        self.records = records
        self.problems: list[Problem] = []

    def add(self, kind: RecordKind, location: Sequence[Any], message: str) -> None:
        document = self.records.documents[kind.name]
        self.problems.append(
            Problem(
                file=self.records.path_of(kind),
                line=line_of(document, location),
                field=field_path(to_plain(document), location),
                message=message,
            )
        )


def board_warnings(records: ReviewRecords) -> list[Problem]:
    """What `validate` warns of without refusing the review: board.yaml's contact details still the
    example board's after its name was changed (its letters refuse them; scrkit.review.board)."""
    from scrkit.case.layout import BOARD
    from scrkit.review.board import borrowed_details, example_board

    found = _Findings(records)
    for field, value in borrowed_details(records.board).items():
        found.add(BOARD, [field], f"still {example_board().short_name}'s, the example board's ({value}); letters "
                  f"are refused until you set your board's: scrkit set board.{field} ...")  # fmt: skip
    return found.problems


def _check_dates(records: ReviewRecords, found: _Findings) -> None:
    child, review = records.child, records.review
    if child.date_of_death and child.date_of_death < child.date_of_birth:
        found.add(CHILD, ["date_of_death"], f"is before the date of birth ({uk_date(child.date_of_birth)})")
    if child.date_of_death and review.incident_date > child.date_of_death:
        found.add(REVIEW, ["incident_date"], f"is after the child's date of death ({uk_date(child.date_of_death)})")
    if review.incident_date < child.date_of_birth:
        found.add(REVIEW, ["incident_date"], f"is before the child's date of birth ({uk_date(child.date_of_birth)})")
    if review.referral_received < review.incident_date:
        found.add(
            REVIEW,
            ["referral_received"],
            f"is before the incident ({uk_date(review.incident_date)}); a referral follows the incident it is "
            "about (App 1): correct one of the two dates",
        )
    decision_date = review.decision.date
    if decision_date and decision_date < review.referral_received:
        found.add(
            REVIEW,
            ["decision", "date"],
            f"is before the referral was received ({uk_date(review.referral_received)}); "
            "the chair decides after the referral (7.1.2)",
        )
    period = review.terms_of_reference
    if period.period_start and period.period_end and period.period_end < period.period_start:
        found.add(
            REVIEW,
            ["terms_of_reference", "period_end"],
            f"is before the period's start ({uk_date(period.period_start)})",
        )
    for index, person in enumerate(records.people.family):
        if person.date_of_birth and person.date_of_death and person.date_of_death < person.date_of_birth:
            found.add(PEOPLE, ["family", index, "date_of_death"], "is before this person's date of birth")
    for index, agency in enumerate(records.agencies.agencies):
        if agency.reply_date and agency.reply_date < review.referral_received:
            found.add(
                AGENCIES,
                ["agencies", index, "reply_date"],
                f"is before the referral was received ({uk_date(review.referral_received)}); "
                "agencies reply to the request letter sent after it (5.1.1)",
            )


def _check_decision(records: ReviewRecords, found: _Findings) -> None:
    review = records.review
    decision = review.decision
    if decision.outcome and not decision.date:
        found.add(REVIEW, ["decision", "date"], "must be filled in once the decision's outcome is recorded")
    if decision.alternative and decision.outcome != DecisionOutcome.NOT_SCR:
        found.add(
            REVIEW,
            ["decision", "alternative"],
            "only applies when the decision is not to hold an SCR (outcome: not-scr), App 1 Part 2",
        )
    # Whether the status agrees with the recorded steps is the timetable's to say (scrkit.timeline.lifecycle,
    # reported by validate): the steps that move it are in the process profile.


def _duplicates(ids: list[str]) -> set[str]:
    return {item for item, count in Counter(ids).items() if count > 1}


def _check_ids(records: ReviewRecords, found: _Findings) -> None:
    agency_ids = [agency.id for agency in records.agencies.agencies]
    for index, agency_id in _repeats(agency_ids):
        found.add(AGENCIES, ["agencies", index, "id"], f"'{agency_id}' is used by another agency too; ids must differ")
    # People are one register: the child, family and professionals share one set of ids.
    people_ids = [records.child.id]
    people_ids += [person.id for person in records.people.family]
    people_ids += [person.id for person in records.people.professionals]
    repeated = _duplicates(people_ids)
    for group in ("family", "professionals"):
        for index, person in enumerate(getattr(records.people, group)):
            if person.id in repeated:
                found.add(
                    PEOPLE,
                    [group, index, "id"],
                    f"'{person.id}' is used by another person (or the child) too; ids must differ",
                )
    # 1.9.1: a pseudonym stands for one person only, or an anonymised document would mix them up.
    pseudonyms: dict[str, str] = {}
    if records.child.pseudonym:
        pseudonyms[records.child.pseudonym.casefold()] = records.child.id
    for group in ("family", "professionals"):
        for index, person in enumerate(getattr(records.people, group)):
            if not person.pseudonym:
                continue
            other = pseudonyms.setdefault(person.pseudonym.casefold(), person.id)
            if other != person.id:
                found.add(
                    PEOPLE,
                    [group, index, "pseudonym"],
                    f"'{person.pseudonym}' is also the pseudonym of '{other}'; each person needs their own",
                )
    member_ids = [member.id for member in records.panel.members]
    for index, member_id in _repeats(member_ids):
        found.add(PANEL, ["members", index, "id"], f"'{member_id}' is used by another panel member too")


def _repeats(ids: list[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            yield index, item
        seen.add(item)


def _check_agency_references(records: ReviewRecords, found: _Findings) -> None:
    known = {agency.id for agency in records.agencies.agencies}

    def check(kind: RecordKind, location: list[Any], agency_id: str | None) -> None:
        if agency_id and agency_id not in known:
            listed = ", ".join(sorted(known)) or "none yet"
            found.add(
                kind,
                location,
                f"names agency '{agency_id}', which is not in agencies.yaml (agencies there: {listed})",
            )

    check(REFERRAL, ["referrer", "agency"], records.referral.referrer.agency)
    for index, other in enumerate(records.referral.other_agencies):
        check(REFERRAL, ["other_agencies", index, "agency"], other.agency)
    for index, professional in enumerate(records.people.professionals):
        check(PEOPLE, ["professionals", index, "agency"], professional.agency)
    for index, member in enumerate(records.panel.members):
        check(PANEL, ["members", index, "agency"], member.agency)
    for role in ("panel_chair", "overview_author", "lscb_chair"):
        appointee = getattr(records.panel, role)
        if appointee is not None:
            check(PANEL, [role, "employer"], appointee.employer)
    seen_imrs: set[str] = set()
    for index, imr in enumerate(records.imrs.imrs):
        check(IMRS, ["imrs", index, "agency"], imr.agency)
        if imr.agency in seen_imrs:
            found.add(IMRS, ["imrs", index, "agency"], f"'{imr.agency}' has two IMRs; keep one entry per agency")
        seen_imrs.add(imr.agency)
    for index, recommendation in enumerate(records.actions.recommendations):
        check(ACTIONS, ["recommendations", index, "agency"], recommendation.agency)
    professionals = {person.id for person in records.people.professionals}
    for index, interview in enumerate(records.interviews.interviews):
        if interview.practitioner not in professionals:
            found.add(
                INTERVIEWS,
                ["interviews", index, "practitioner"],
                f"names '{interview.practitioner}', who is not a professional in people.yaml",
            )
