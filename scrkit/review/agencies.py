"""Recording an agency's reply to the request letter (5.1.1, Appendix 2)."""

from __future__ import annotations

import datetime as dt

from scrkit.case.layout import AGENCIES
from scrkit.errors import BadInput
from scrkit.models.agencies import Agency, RequestReply
from scrkit.records.yamlfile import to_yaml_value
from scrkit.review.casefolder import CaseFolder


def record_reply(
    folder: CaseFolder,
    agency_id: str,
    reply: RequestReply,
    reply_date: dt.date,
    records_secured: dt.date | None = None,
) -> Agency:
    """Record whether an agency knew the child or family, keeping the file's comments."""
    with folder.changing("agencies reply"):
        return _record_reply(folder, agency_id, reply, reply_date, records_secured)


def _record_reply(
    folder: CaseFolder,
    agency_id: str,
    reply: RequestReply,
    reply_date: dt.date,
    records_secured: dt.date | None,
) -> Agency:
    records = folder.load()
    if records.agency(agency_id) is None:
        known = ", ".join(agency.id for agency in records.agencies.agencies) or "none yet"
        raise BadInput(f"There is no agency '{agency_id}' in agencies.yaml (agencies there: {known}).")
    with folder.edit(AGENCIES) as document:
        entry = next(item for item in document["agencies"] if str(item.get("id")) == agency_id)
        entry["request_reply"] = reply.value
        entry["reply_date"] = to_yaml_value(reply_date)
        if records_secured is not None:
            entry["records_secured"] = to_yaml_value(records_secured)
    updated = folder.load()
    agency = updated.agency(agency_id)
    assert agency is not None
    return agency
