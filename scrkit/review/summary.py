"""A readable summary of one review: the facts the business manager checks first."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from scrkit.case.records import ReviewRecords
from scrkit.dates import age_between, uk_date
from scrkit.models.agencies import RequestReply
from scrkit.models.review import CIRCUMSTANCE_TITLES


@dataclass(frozen=True)
class ReviewSummary:
    reference: str
    status: str
    child_name: str
    child_age_at_incident: str
    incident_date: dt.date
    referral_received: dt.date
    decision: str
    period: str
    circumstances: tuple[str, ...]
    family_count: int
    professional_count: int
    agency_count: int
    agency_replies: dict[str, int]
    awaiting_reply: tuple[str, ...]
    roles: dict[str, str]
    panel_member_count: int
    board: str


def summarise(records: ReviewRecords) -> ReviewSummary:
    review, child, panel = records.review, records.child, records.panel
    decision = review.decision
    if decision.outcome:
        decided = "hold a Serious Case Review" if decision.outcome == "scr" else "not to hold an SCR"
        if decision.alternative:
            decided += f" ({decision.alternative})"
        decision_text = f"{decided}, {uk_date(decision.date, 'date not recorded')}"
    else:
        decision_text = "not yet made"
    period = review.terms_of_reference
    period_text = (
        f"{uk_date(period.period_start, 'not recorded')} to {uk_date(period.period_end, 'not recorded')}"
        if period.period_start or period.period_end
        else "not yet agreed"
    )
    replies = Counter(agency.request_reply.value for agency in records.agencies.agencies)
    roles = {
        "LSCB chair": panel.lscb_chair,
        "Panel chair": panel.panel_chair,
        "Overview author": panel.overview_author,
        "Business manager": panel.business_manager,
    }
    return ReviewSummary(
        reference=review.reference,
        status=review.status.value,
        child_name=child.name,
        child_age_at_incident=age_between(child.date_of_birth, review.incident_date),
        incident_date=review.incident_date,
        referral_received=review.referral_received,
        decision=decision_text,
        period=period_text,
        circumstances=tuple(f"{c.category.value}) {CIRCUMSTANCE_TITLES[c.category]}" for c in review.circumstances),
        family_count=len(records.people.family),
        professional_count=len(records.people.professionals),
        agency_count=len(records.agencies.agencies),
        agency_replies={reply.value: replies.get(reply.value, 0) for reply in RequestReply},
        awaiting_reply=tuple(
            agency.name for agency in records.agencies.agencies if agency.request_reply == RequestReply.AWAITING
        ),
        roles={role: (person.name if person else "not appointed") for role, person in roles.items()},
        panel_member_count=len(panel.members),
        board=records.board.name,
    )
