"""Recording IMR progress and the action plan's sign-off on their records' round-trip documents
(commands `scrkit imr update`, `actions sign-off`; the job writes them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput
from scrkit.models.agencies import RequestReply
from scrkit.records.yamlfile import to_yaml_value


def _resubmitted(entry: Any, agency_id: str, on: dt.date) -> None:
    """4.1.1: an IMR sent back and submitted again: the date goes beside the return, never over the
    first submission, so an IMR that arrived late stays recorded as late."""
    history = entry.get("returned")
    open_return = next((item for item in history or [] if not item.get("resubmitted")), None)
    if open_return is None:
        raise BadInput(
            f"The IMR of {agency_id} was already submitted on {entry['submitted']}, and it has not been "
            "returned for further work, so there is nothing to resubmit.",
            hint=f"If it was returned: scrkit imr update {agency_id} --returned DATE --reason TEXT, then "
            "--submitted DATE records the resubmission.",
        )
    open_return["resubmitted"] = to_yaml_value(on)


def update_imr(
    records: ReviewRecords,
    imrs_document: Any,
    agency_id: str,
    changes: dict[str, Any],
    returned: tuple[dt.date, str] | None,
    *,
    commissioning: bool = False,
) -> None:
    """Set fields of an agency's IMR, keeping the file's comments; only ``commissioning`` creates one."""
    if records.agency(agency_id) is None:
        known = ", ".join(agency.id for agency in records.agencies.agencies)
        raise BadInput(f"There is no agency '{agency_id}' in agencies.yaml (agencies there: {known}).")
    entries = imrs_document.get("imrs")
    if not isinstance(entries, CommentedSeq):
        entries = imrs_document["imrs"] = CommentedSeq()
    entry = next((item for item in entries if str(item.get("agency")) == agency_id), None)
    if entry is None and commissioning:
        entry = CommentedMap()
        entry["agency"] = agency_id
        entries.append(entry)
    if entry is None:  # an IMR exists once commissioned (10.1.1): an update before that made a second row
        agency = records.agency(agency_id)
        name = agency.name if agency else agency_id
        raise BadInput(
            f"No IMR has been commissioned from {name} yet, so there is none to update.",
            hint=f"Commission it first: scrkit letters commission-imr --to {agency_id} --record-sent, or "
            "scrkit done commission-imrs --date DD/MM/YYYY for every involved agency; then update it.",
        )
    for field, value in changes.items():
        if value is None:
            continue
        if field == "submitted" and entry.get("submitted") not in (None, ""):
            _resubmitted(entry, agency_id, value)  # the first submission keeps its date (and its lateness)
            continue
        if field == "author":
            author = entry.get("author")
            if not isinstance(author, CommentedMap):
                author = entry["author"] = CommentedMap()
            author["name"] = to_yaml_value(value)
        else:
            entry[field] = to_yaml_value(value)
    if returned is not None:
        history = entry.get("returned")
        if not isinstance(history, CommentedSeq):
            history = entry["returned"] = CommentedSeq()
        history.append(to_yaml_value({"on": returned[0], "reason": returned[1]}))


def commission_imrs(
    records: ReviewRecords, imrs_document: Any, on: dt.date, agency_ids: set[str] | None = None
) -> list[str]:
    """10.1.1, App 5: commissioning the IMRs creates each involved agency's IMR (``agency_ids``: only
    these), commissioned on ``on`` and due by the review's IMR deadline; an IMR already commissioned
    keeps its date. Returns the agencies whose IMR this commissioned."""
    involved = [
        agency.id
        for agency in records.agencies.agencies
        if agency.request_reply == RequestReply.INVOLVED and (agency_ids is None or agency.id in agency_ids)
    ]
    deadline = records.review.imr_deadline
    done = []
    for agency_id in involved:
        existing = next((imr for imr in records.imrs.imrs if imr.agency == agency_id), None)
        if existing is not None and existing.commissioned is not None:
            continue
        changes: dict[str, Any] = {"commissioned": on}
        if deadline is not None and (existing is None or existing.due is None):
            changes["due"] = deadline
        update_imr(records, imrs_document, agency_id, changes, None, commissioning=True)
        done.append(agency_id)
    return done


def sign_off_plan(actions_document: Any, on: dt.date, by: str) -> None:
    """17.1.2: the LSCB formally concludes the SCR process by signing off the action plan."""
    actions_document["signed_off_on"] = to_yaml_value(on)
    actions_document["signed_off_by"] = to_yaml_value(by)
