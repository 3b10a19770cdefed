"""The facts a letter may use, gathered from the review's records.

Facts are nested dictionaries that know their own path (``child``, ``family[mother]``), so a
letter that uses a fact the review does not hold fails naming it: ``child.date_of_death``.
A fact that is not known is simply absent, never ``None``: a blank must not reach a letter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from scrkit.case.records import ReviewRecords
from scrkit.dates import age_between
from scrkit.models.agencies import Agency, RequestReply
from scrkit.models.child import DEFAULT_PSEUDONYM, Gender
from scrkit.models.meetings import PanelMeeting
from scrkit.models.overview import OverviewDraft
from scrkit.models.panel_business import ImrAuthor, Interview
from scrkit.models.review import CIRCUMSTANCE_TITLES, Alternative, Circumstance, DecisionOutcome
from scrkit.names import Salutation, greeting
from scrkit.timeline.schedule import Schedule


class Facts(dict):
    """A dictionary of facts that knows where it sits, for naming what is missing."""

    # Underscored, so a template can neither shadow a fact with them nor read them (the sandbox).
    def __init__(self, path: str, values: dict[str, Any], source: str = "") -> None:
        super().__init__(values)
        self._fact_path = path
        self._fact_source = source


# While building the schema of every fact a template may name (templates check), blank facts
# are kept; for rendering they are dropped, so that a letter cannot print a blank.
_keep_blank: ContextVar[bool] = ContextVar("keep_blank", default=False)


# The facts whose root is not the record's own name, and the path `scrkit set` knows them by.
RECORD_ROOTS = {
    "family": "people.family",
    "professionals": "people.professionals",
    "involved_agencies": "agencies",
    "tor": "review.terms_of_reference",
    "overview_draft": "overview.drafts",
    "own_actions": "actions.recommendations",
}


def to_record_path(fact: str) -> str:
    """A missing fact as a person records it: the path for `scrkit set` (a person or officer by the
    field they must have, ``agencies[police].chief_officer.name``), or `scrkit appoint` for the
    panel's roles; a fact that is worked out, not recorded, stays as the template names it."""
    from scrkit.errors import ScrkitError
    from scrkit.models.annotations import model_of
    from scrkit.review.editing import OWN_COMMANDS, parse_path, target_annotation

    root, rest = re.match(r"([A-Za-z_]*)(.*)", fact).groups()  # type: ignore[union-attr]  # always matches
    path = RECORD_ROOTS.get(root, root) + rest
    try:
        model = model_of(target_annotation(parse_path(path)))
    except ScrkitError:
        return fact
    if model is None:
        return f"{path} ({OWN_COMMANDS[path]})" if path in OWN_COMMANDS else path
    if re.fullmatch(r"panel\.[a-z_]+", path):
        return f"{path} (scrkit appoint {path.removeprefix('panel.').replace('_', '-')})"
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    return f"{path}.{required[0]}" if required else path


def facts(path: str, value: Any, source: str = "") -> Any:
    """Plain data to Facts, recursively; None values are dropped so they stay missing."""
    if isinstance(value, dict):
        keep = _keep_blank.get()
        return Facts(
            path,
            {key: facts(f"{path}.{key}", item, source) for key, item in value.items() if keep or item is not None},
            source,
        )
    if isinstance(value, (list, tuple)):
        items = []
        for index, item in enumerate(value):
            label = item.get("id") if isinstance(item, dict) and item.get("id") else index + 1
            items.append(facts(f"{path}[{label}]", item, source))
        return items
    if isinstance(value, str) and "\n" in value:
        return reflowed(value)
    return value


_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s")


def reflowed(text: str) -> str:
    """Text typed in a record with its lines wrapped (a YAML block) as it should print: each
    paragraph one line, paragraphs apart, list items kept on their own lines."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for line in block.splitlines():
            if lines and not _LIST_ITEM.match(line):
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line.strip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _dump(model: Any) -> Any:
    return model.model_dump(mode="python") if model is not None else None


@dataclass(frozen=True)
class Recipient:
    """Who one copy of a letter goes to; ``id`` names the file, never a person's name."""

    id: str
    facts: dict[str, Any]
    agency: Agency | None = None


_GENDER_WORD = {Gender.MALE: "Male", Gender.FEMALE: "Female", Gender.UNKNOWN: "Gender not known"}
_POSSESSIVE = {Gender.MALE: "his", Gender.FEMALE: "her"}


def review_facts(records: ReviewRecords, schedule: Schedule) -> dict[str, Any]:
    """Facts shared by every letter of one review."""
    review, child = records.review, records.child
    agencies_by_id = {agency.id: agency for agency in records.agencies.agencies}

    def agency_name(agency_id: str | None) -> str | None:
        agency = agencies_by_id.get(agency_id or "")
        return agency.name if agency else None

    child_data = _dump(child) | {
        "age_at_incident": age_between(child.date_of_birth, review.incident_date),
        "gender_word": _GENDER_WORD.get(child.gender) if child.gender else "Gender not recorded",
        "possessive": _POSSESSIVE.get(child.gender, "their") if child.gender else "their",
        "cp_plan": _yes_no(child.child_protection_plan),
        "called": child.pseudonym or DEFAULT_PSEUDONYM,  # one pseudonym in every document of a pack
    }
    referral = _dump(records.referral)
    referral["referrer"]["agency_name"] = agency_name(records.referral.referrer.agency)
    for other in referral["other_agencies"]:
        other["agency_name"] = agency_name(other["agency"]) or other["agency"]
        other["still"] = _yes_no(other.get("still_involved"))
    family = [_dump(member) | {"cp_plan": _yes_no(member.child_protection_plan)} for member in records.people.family]
    professionals = [
        _dump(person) | {"agency_name": agency_name(person.agency) or person.agency}
        for person in records.people.professionals
    ]
    involved = [agency for agency in records.agencies.agencies if agency.request_reply == RequestReply.INVOLVED]
    tor = review.terms_of_reference
    completion = schedule.completion()
    decision = review.decision
    values: dict[str, Any] = {
        "board": facts("board", _dump(records.board), "board.yaml"),
        "review": facts("review", _dump(review), "review.yaml"),
        "child": facts("child", child_data, "child.yaml"),
        "family": facts("family", family, "people.yaml"),
        "professionals": facts("professionals", professionals, "people.yaml"),
        "referral": facts("referral", referral, "referral.yaml"),
        "agencies": facts("agencies", [_dump(a) for a in records.agencies.agencies], "agencies.yaml"),
        "involved_agencies": facts("involved_agencies", [_dump(a) for a in involved], "agencies.yaml"),
        "panel": facts("panel", _dump(records.panel), "panel.yaml"),
        "tor": facts("tor", _dump(tor), "review.yaml terms_of_reference"),
        "circumstances": [
            {
                "mark": "X" if category in {c.category for c in review.circumstances} else "",
                "letter": category.value,
                "title": CIRCUMSTANCE_TITLES[category],
                "detail": _circumstance_detail(review.circumstances, category),
            }
            for category in Circumstance
        ],
        "circumstances_text": "; ".join(
            f"{c.category.value}) {CIRCUMSTANCE_TITLES[c.category]}" for c in review.circumstances
        )
        or "not recorded",
        "decision_text": decision_text(decision.outcome, decision.date),
        "decision_recommended": {
            DecisionOutcome.SCR: "recommended",
            DecisionOutcome.NOT_SCR: "not recommended",
        }.get(decision.outcome, "[recommended] [not recommended]")
        if decision.outcome
        else "[recommended] [not recommended]",
        "alternatives": [
            {"mark": "X" if decision.alternative == option else "", "title": title}
            for option, title in ALTERNATIVE_TITLES.items()
        ],
        "legal_advice": _has(records.referral.part2.legal_advice_sought),
        # 1.7.2: the Department is told the expected dates of court proceedings and their outcomes.
        "court_dates": [
            facts(f"court_dates[{number}]", _dump(hearing) | {"kind": process.kind}, "review.yaml parallel_processes")
            for number, (hearing, process) in enumerate(
                sorted(
                    ((hearing, process) for process in review.parallel_processes for hearing in process.court_dates),
                    key=lambda pair: pair[0].date,
                ),
                start=1,
            )
        ],
        "milestones": [
            facts(f"milestones[{m.id}]", {"title": m.title, "guidance": m.rule.guidance or "", "due": m.due})
            for m in schedule.milestones
            if m.applicable and not m.id.startswith("monthly-update-")
        ],
    }
    # 13.1, 13.3: the overview report's introduction and the executive summary name the panel by job
    # title and organisation only (1.9.1, 13.2.1), and the IMRs with their authors' roles and dates.
    values["panel_members"] = [
        {"job_title": member.job_title, "organisation": agency_name(member.agency) or member.organisation or ""}
        for member in records.panel.members
    ]
    values["imr_rows"] = [
        {
            "agency": agency_name(imr.agency) or imr.agency,
            "author_role": (imr.author.role or "") if imr.author else "",
            "submitted": imr.submitted.strftime("%d/%m/%Y") if imr.submitted else "not yet submitted",
            "presented": imr.presented.strftime("%d/%m/%Y") if imr.presented else "",
            "submitted_on": imr.submitted,  # for the document's date (rendering._as_known_on)
            "presented_on": imr.presented,
        }
        for imr in records.imrs.imrs
    ]
    values["recommendations"] = [
        {"id": r.id, "recommendation": r.recommendation, "scope": r.scope.value,
         "agency": agency_name(r.agency) or "Multi-agency"}
        for r in records.actions.recommendations
    ]  # fmt: skip
    values["overview"] = facts("overview", _dump(records.overview), "overview.yaml")
    # App 13: the review's own action plan when it has one, the guidance's example otherwise.
    own_actions = [
        _action_row(recommendation, action, number == 0, agency_name(recommendation.agency))
        for recommendation in records.actions.recommendations
        for number, action in enumerate(recommendation.actions or [None])
    ]
    values["action_plan"] = facts("action_plan", _dump(records.actions) | {"recommendations": None}, "actions.yaml")
    values["actions"] = own_actions or _EXAMPLE_ACTIONS
    if own_actions:  # the overview report and summary print the review's own plan, never App 13's example
        values["own_actions"] = own_actions
    if not own_actions:
        values["example_actions"] = True
    if completion is not None and completion.applicable:
        if completion.done:
            values["completion_done"] = completion.done
        if completion.due:
            values["completion_due"] = completion.due
    if schedule.extension is not None:
        values["extension"] = facts("extension", _dump(schedule.extension), "timeline.yaml")
    return values


def _action_row(recommendation: Any, action: Any, first: bool, agency: str | None) -> dict[str, Any]:
    """One row of the action plan (App 13): the recommendation's cells only on its first row (17.1.1);
    a recommendation with no action yet still has its row."""
    row = {
        "first": first,
        "agency": agency or "Multi-agency",
        "outcome": recommendation.outcome or "",
        "recommendation": recommendation.recommendation,
        "actions": "",
        "by_whom": "",
        "by_when": "",
        "taken": "",
        "audit": "",
    }
    if action is not None:
        row |= {
            "actions": action.action,
            "by_whom": action.by_whom or "",
            "by_when": action.by_when.strftime("%d/%m/%Y") if action.by_when else "",
            "taken": action.taken or ("Done " + action.done.strftime("%d/%m/%Y") if action.done else ""),
            "audit": action.audit or "",
            "done_on": action.done,  # for the document's date (rendering._as_known_on)
        }
    return row


def _yes_no(value: bool | None) -> str:
    return {True: "YES", False: "NO"}.get(value, "") if value is not None else ""


def _circumstance_detail(found: Iterable[Any], category: Circumstance) -> str:
    # A form cell: blank is the right answer for a category that does not apply.
    return next((item.detail for item in found if item.category == category and item.detail), "")


def decision_text(outcome: DecisionOutcome | None, on: dt.date | None) -> str:
    if outcome is None or on is None:
        return "Not yet made"
    what = "To hold a Serious Case Review" if outcome == DecisionOutcome.SCR else "Not to hold a Serious Case Review"
    return f"{what}, {on.day} {on.strftime('%B %Y')}"


ALTERNATIVE_TITLES = {
    Alternative.SINGLE_AGENCY_REVIEW: "A Single Agency Management Review",
    Alternative.LEARNING_DAY: "Bringing practitioners/managers together through an independently facilitated "
    "learning day",
    Alternative.INTER_AGENCY_AUDIT: "A structured inter-agency audit",
    Alternative.OTHER: "Alternative processes suggested by the nature of the case",
}

# App 13's worked example, shown until the review's own action plan is recorded.
_EXAMPLE_ACTIONS = [
    {
        "first": True,
        "agency": "Police",
        "outcome": "Police officers acquire knowledge of the risks to children associated with domestic violence",
        "recommendation": "The assistant chief constable should ensure that all police officers receive training "
        "on the links between domestic violence and child abuse.",
        "actions": "1. Determine number of courses and arrange. 2. Issue instruction re: mandatory attendance. "
        "3. Deliver and evaluate course. 4. Report on attendance. 5. Set up rolling programme for new recruits.",
        "by_whom": "Head of Police training; Superintendents",
        "by_when": "Three months; one month",
        "taken": "",
        "audit": "",
    }
]


def recipients_for(kind: str, records: ReviewRecords) -> list[Recipient]:
    """Everyone a letter of this kind goes to (see scrkit/data/letters.yaml)."""
    if kind == "review":
        return [Recipient(id="review", facts={})]
    style = records.board.salutation
    if kind in ("agencies", "involved-agencies"):
        return [
            _agency_recipient(agency, style)
            for agency in records.agencies.agencies
            if kind == "agencies" or agency.request_reply == RequestReply.INVOLVED
        ]
    if kind == "authors":
        # App 4: the briefing goes to the authors named so far (an agency with none is left out, and told
        # of by `unaddressed`), and to the overview author.
        authors = {imr.agency: imr.author for imr in records.imrs.imrs if imr.author}
        found = [
            _agency_recipient(agency, style, authors[agency.id])
            for agency in records.agencies.agencies
            if agency.request_reply == RequestReply.INVOLVED and agency.id in authors
        ]
        if records.panel.overview_author is not None:
            author = records.panel.overview_author
            details = (
                _dump(author) | _greeting_facts(author.name, style) | {"address_at": "panel.overview_author.address"}
            )
            found.append(
                Recipient(
                    id="overview-author", facts={"recipient": facts("panel.overview_author", details, "panel.yaml")}
                )
            )
        return found
    if kind == "family":
        return [
            Recipient(
                id=member.id,
                facts={
                    "recipient": facts(
                        f"family[{member.id}]",
                        _dump(member)
                        | _greeting_facts(member.name, style)
                        | {"address_at": f"people.family[{member.id}].address"},
                        "people.yaml",
                    )
                },
            )
            for member in records.people.family
            if member.notify
        ]
    if kind == "professionals":
        agencies_by_id = {agency.id: agency for agency in records.agencies.agencies}
        found = []
        for person in records.people.professionals:
            agency = agencies_by_id.get(person.agency)
            details = {
                "name": person.name,
                "title": person.role,
                "organisation": agency.name if agency else None,
                "address": _address_lines(agency.name, agency.address) if agency else [],
                "address_at": f"agencies[{person.agency}].address",
            } | _greeting_facts(person.name, style)
            recipient_facts = {"recipient": facts(f"professionals[{person.id}]", details, "people.yaml")}
            interview = next((i for i in records.interviews.interviews if i.practitioner == person.id), None)
            if interview is not None:
                recipient_facts["interview"] = facts(f"interviews[{interview.id}]", _dump(interview), "interviews.yaml")
            found.append(Recipient(id=person.id, facts=recipient_facts, agency=agency))
        return found
    if kind == "meetings":
        return [_meeting_recipient(records, meeting) for meeting in records.meetings.meetings]
    raise ValueError(f"unknown recipient kind {kind!r}")


def _meeting_recipient(records: ReviewRecords, meeting: PanelMeeting) -> Recipient:
    """One panel meeting's minutes: who was present by name, job title and organisation (the minutes
    stay within the board), what it considered, decided and agreed (2.2.2, 7.2.2)."""
    members = {member.id: member for member in records.panel.members}
    agencies = {agency.id: agency.name for agency in records.agencies.agencies}
    present = []
    for attendee in meeting.attendees:
        member = members.get(attendee)
        if member is not None:
            organisation = agencies.get(member.agency or "") or member.organisation or ""
            present.append({"name": member.name, "job_title": member.job_title, "organisation": organisation})
            continue
        person = getattr(records.panel, attendee.replace("-", "_"), None)
        role = attendee.replace("-", " ").capitalize().replace("Lscb", "LSCB")
        present.append({"name": person.name if person else "", "job_title": role, "organisation": ""})
    details = _dump(meeting) | {"present": present}
    return Recipient(id=meeting.id, facts={"meeting": facts(f"meetings[{meeting.id}]", details, "meetings.yaml")})


def unaddressed(kind: str, records: ReviewRecords) -> list[str]:
    """Who a letter of this kind would go to but cannot yet: the involved agencies with no IMR
    author named, for the authors' briefing (App 4)."""
    if kind != "authors":
        return []
    named = {imr.agency for imr in records.imrs.imrs if imr.author}
    return [
        agency.id
        for agency in records.agencies.agencies
        if agency.request_reply == RequestReply.INVOLVED and agency.id not in named
    ]


def _address_lines(organisation: str, address: Iterable[str]) -> list[str]:
    """The address under the organisation's name, without the name again where the address begins with it."""
    name = " ".join(organisation.split()).casefold()
    return [line for line in address if " ".join(line.split()).casefold() != name]


def _greeting_facts(name: str | None, style: Salutation) -> dict[str, str]:
    salutation, closing = greeting(name, style)
    return {"salutation": salutation, "closing": closing}


def _agency_recipient(agency: Agency, style: Salutation, author: ImrAuthor | None = None) -> Recipient:
    # 5.1.1-5.1.2: letters go to the agency's LSCB representative, copied to its chief officer;
    # App 4: the authors' briefing goes to the agency's IMR author once one is named.
    person = agency.lscb_representative or agency.chief_officer
    name = author.name if author else person.name if person else None
    details = {
        "name": name or "The Chief Officer",  # the agency's name follows on its own line
        "title": author.role if author else person.title if person else None,
        "organisation": agency.name,
        "address": _address_lines(agency.name, agency.address),
        "address_at": f"agencies[{agency.id}].address",  # where `scrkit set` records it
    } | _greeting_facts(name, style)
    return Recipient(
        id=agency.id,
        facts={
            "recipient": facts(f"agencies[{agency.id}].recipient", details, "agencies.yaml"),
            "agency": facts(f"agencies[{agency.id}]", _dump(agency), "agencies.yaml"),
        },
        agency=agency,
    )


def every_fact(records: ReviewRecords, schedule: Schedule) -> dict[str, Any]:
    """Every name a template may use, blank or not, for checking a template's placeholders."""
    token = _keep_blank.set(True)
    try:
        names = review_facts(records, schedule)
        names["letter"] = dict.fromkeys(
            ("date", "reply_by", "name", "decided", "approved", "decision", "decision_date", "decision_reasons",
             "alternative")
        )  # fmt: skip
        names["draft"] = False
        # Facts present only at some stages of a review.
        names.setdefault("completion_done", None)
        names.setdefault("completion_due", None)
        names.setdefault("extension", dict.fromkeys(("new_completion", "reason", "agreed_on", "ofsted_informed")))
        names.setdefault("interview", dict.fromkeys(Interview.model_fields))
        names.setdefault("genogram", None)
        names.setdefault("own_actions", names["actions"])
        names.setdefault("meeting", dict.fromkeys([*PanelMeeting.model_fields, "present", "progress"]))
        names["meeting"] = dict(names["meeting"]) | {
            "progress": [dict.fromkeys(("title", "due", "state"))],
            "present": [dict.fromkeys(("name", "job_title", "organisation"))],
        }
        names["overview_draft"] = dict.fromkeys(("version", "version_date"))
        names["overview"] = dict(names["overview"]) | {"drafts": [dict.fromkeys(OverviewDraft.model_fields)]}
        for kind in ("agencies", "professionals", "family", "meetings"):
            for recipient in recipients_for(kind, records)[:1]:
                for key, value in recipient.facts.items():
                    merged = dict(names.get(key) or {})
                    merged.update(value)
                    names[key] = merged
        return names
    finally:
        _keep_blank.reset(token)


def _has(answer: bool | None) -> str:
    return "has / has not" if answer is None else ("has" if answer else "has not")
