"""Jobs for `scrkit agencies` and `scrkit agencies reply`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from scrkit.case.layout import AGENCIES
from scrkit.case.records import ReviewRecords
from scrkit.models.agencies import Agency, RequestReply
from scrkit.review.agencies import apply_alias, apply_reply
from scrkit.review.casefolder import CaseFolder
from scrkit.timeline.profile import AGENCY_RESPONSES


def list_agencies(review: Path) -> list[Agency]:
    return CaseFolder.open(review).load().agencies.agencies


NOTE = "the last agency's reply, recorded by scrkit agencies reply"


@dataclass(frozen=True)
class Reply:
    agency: Agency
    awaiting: tuple[str, ...]  # agencies yet to reply
    unsecured: tuple[str, ...]  # agencies involved that have not said their records are secured (5.1.2)
    responses_done: dt.date | None  # agency-responses recorded as done with this reply, on this date


def record_reply(
    review: Path, agency_id: str, reply: RequestReply, reply_date: dt.date, records_secured: dt.date | None
) -> Reply:
    """An agency's reply to the request letter (App 2); refused, writing nothing, if it would not fit.
    The reply that completes them all records agency-responses as done on the day the last arrived."""
    from scrkit.jobs.timeline import record_with

    with CaseFolder.open(review).changing("agencies reply") as change:
        apply_reply(change.records, change.document(AGENCIES), agency_id, reply, reply_date, records_secured)
        records = change.revalidate()
        awaiting, unsecured, last = replies_outstanding(records)
        done = None
        if not awaiting and not unsecured and last is not None and record_with(change, AGENCY_RESPONSES, last, NOTE):
            done = last
        agency = change.revalidate().agency(agency_id)
    assert agency is not None
    return Reply(agency, awaiting, unsecured, done)


def replies_outstanding(records: ReviewRecords) -> tuple[tuple[str, ...], tuple[str, ...], dt.date | None]:
    """Who has not replied, who is involved but has not secured its records, and the day the last
    reply or confirmation arrived."""
    agencies = records.agencies.agencies
    awaiting = tuple(a.id for a in agencies if a.request_reply is RequestReply.AWAITING)
    unsecured = tuple(
        a.id for a in agencies if a.request_reply is RequestReply.INVOLVED and a.records_secured is None
    )  # fmt: skip
    days = [day for a in agencies for day in (a.reply_date, a.records_secured) if day is not None]
    return awaiting, unsecured, max(days, default=None)


def add_alias(review: Path, agency_id: str, alias: str) -> tuple[Agency, bool]:
    """Another name an agency's chronology returns arrive under (file name or Agency line)."""
    with CaseFolder.open(review).changing("agencies alias") as change:
        added = apply_alias(change.records, change.document(AGENCIES), agency_id, alias)
        agency = change.revalidate().agency(agency_id)
    assert agency is not None
    return agency, added
