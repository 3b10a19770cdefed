"""Jobs for `scrkit agencies` and `scrkit agencies reply`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrkit.case.layout import AGENCIES
from scrkit.models.agencies import Agency, RequestReply
from scrkit.review.agencies import apply_alias, apply_reply
from scrkit.review.casefolder import CaseFolder


def list_agencies(review: Path) -> list[Agency]:
    return CaseFolder.open(review).load().agencies.agencies


def record_reply(
    review: Path, agency_id: str, reply: RequestReply, reply_date: dt.date, records_secured: dt.date | None
) -> Agency:
    """An agency's reply to the request letter (App 2); refused, writing nothing, if it would not fit."""
    with CaseFolder.open(review).changing("agencies reply") as change:
        apply_reply(change.records, change.document(AGENCIES), agency_id, reply, reply_date, records_secured)
        agency = change.revalidate().agency(agency_id)
    assert agency is not None
    return agency


def add_alias(review: Path, agency_id: str, alias: str) -> tuple[Agency, bool]:
    """Another name an agency's chronology returns arrive under (file name or Agency line)."""
    with CaseFolder.open(review).changing("agencies alias") as change:
        added = apply_alias(change.records, change.document(AGENCIES), agency_id, alias)
        agency = change.revalidate().agency(agency_id)
    assert agency is not None
    return agency, added
