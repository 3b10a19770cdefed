"""Recording an agency's reply to the request letter (5.1.1, Appendix 2) in agencies.yaml's document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput
from scrkit.models.agencies import RequestReply
from scrkit.records.yamlfile import to_yaml_value


def apply_reply(
    records: ReviewRecords,
    agencies_document: Any,
    agency_id: str,
    reply: RequestReply,
    reply_date: dt.date,
    records_secured: dt.date | None = None,
) -> None:
    """Record whether an agency knew the child or family, keeping the file's comments."""
    if records.agency(agency_id) is None:
        known = ", ".join(agency.id for agency in records.agencies.agencies) or "none yet"
        raise BadInput(f"There is no agency '{agency_id}' in agencies.yaml (agencies there: {known}).")
    entry = next(item for item in agencies_document["agencies"] if str(item.get("id")) == agency_id)
    entry["request_reply"] = reply.value
    entry["reply_date"] = to_yaml_value(reply_date)
    if records_secured is not None:
        entry["records_secured"] = to_yaml_value(records_secured)
