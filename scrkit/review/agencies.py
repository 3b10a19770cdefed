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
    entry = _entry(records, agencies_document, agency_id)
    entry["request_reply"] = reply.value
    entry["reply_date"] = to_yaml_value(reply_date)
    if records_secured is not None:
        entry["records_secured"] = to_yaml_value(records_secured)


def _entry(records: ReviewRecords, agencies_document: Any, agency_id: str) -> Any:
    if records.agency(agency_id) is None:
        known = ", ".join(agency.id for agency in records.agencies.agencies) or "none yet"
        raise BadInput(f"There is no agency '{agency_id}' in agencies.yaml (agencies there: {known}).")
    return next(item for item in agencies_document["agencies"] if str(item.get("id")) == agency_id)


def apply_alias(records: ReviewRecords, agencies_document: Any, agency_id: str, alias: str) -> bool:
    """Give an agency another name its returns arrive under; False if it already had it."""
    from ruamel.yaml.comments import CommentedSeq

    entry = _entry(records, agencies_document, agency_id)
    alias = " ".join(alias.split())
    if not alias:
        raise BadInput("An alias cannot be empty.")
    for other in records.agencies.agencies:
        names = [other.id, other.name, other.short_name or "", *other.aliases]
        if other.id != agency_id and any(name.strip().lower() == alias.lower() for name in names):
            raise BadInput(f"'{alias}' already names another agency, {other.id} ({other.name}).")
    aliases = entry.get("aliases")
    if aliases is None:
        entry["aliases"] = aliases = CommentedSeq()
        aliases.fa.set_flow_style()
    if any(str(existing).lower() == alias.lower() for existing in aliases):
        return False
    aliases.append(alias)
    return True
