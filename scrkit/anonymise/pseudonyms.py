"""Suggesting pseudonyms in the usual style of published reviews where the records have none: the
child is Child A, other children Child B, C ..., the child's brothers and sisters Sibling 1, 2 ...,
adults Adult B, C ... (one run of letters after the child's), professionals Professional 1, 2 ...
A relationship ("Mother's partner") is the person's role, shown in the glossary beside the
pseudonym, not the pseudonym itself (issue 12, item 6)."""

from __future__ import annotations

import re
import string
from typing import Any

from scrkit.case.records import ReviewRecords
from scrkit.dates import years_between
from scrkit.models.child import DEFAULT_PSEUDONYM
from scrkit.records.yamlfile import to_yaml_value

ADULT_AGE = 18

_SIBLING = re.compile(r"^\s*(?:(?:half|step)[- ]?)?(?:brother|sister|sibling)\s*$", re.I)  # not "Half-brother's father"


def suggest_pseudonyms(records: ReviewRecords, child_document: Any, people_document: Any) -> list[tuple[str, str]]:
    """Fill in missing pseudonyms in child.yaml's and people.yaml's documents, keeping every existing
    one; returns (id, pseudonym) added."""
    used = {p.pseudonym for p in records.people.family if p.pseudonym}
    used |= {p.pseudonym for p in records.people.professionals if p.pseudonym}
    if records.child.pseudonym:
        used.add(records.child.pseudonym)
    added: list[tuple[str, str]] = []

    def unique(wanted: str) -> str:
        candidate, number = wanted, 1
        while candidate in used:
            number += 1
            candidate = f"{wanted} {number}"
        used.add(candidate)
        return candidate

    if not records.child.pseudonym:
        child_document["pseudonym"] = unique(DEFAULT_PSEUDONYM)
        added.append((records.child.id, child_document["pseudonym"]))
    siblings = 0
    letters = iter(string.ascii_uppercase[1:])  # A is the child's
    incident = records.review.incident_date
    members = {member.id: member for member in records.people.family}
    for entry in people_document.get("family") or []:
        if str(entry.get("pseudonym") or "").strip():
            continue
        member = members.get(str(entry.get("id")))
        if member is not None and member.pregnancy_loss:
            continue  # never named, so never replaced
        relationship = str(entry.get("relationship") or "")
        born = member.date_of_birth if member else None
        if _SIBLING.search(relationship):
            siblings += 1
            wanted = f"Sibling {siblings}"
        elif born is not None and incident is not None and years_between(born, incident) < ADULT_AGE:
            wanted = f"Child {next(letters, 'Z')}"
        else:
            wanted = f"Adult {next(letters, 'Z')}"
        entry["pseudonym"] = to_yaml_value(unique(wanted))
        added.append((str(entry.get("id")), entry["pseudonym"]))
    number = 0
    for entry in people_document.get("professionals") or []:
        number += 1
        if str(entry.get("pseudonym") or "").strip():
            continue
        entry["pseudonym"] = to_yaml_value(unique(f"Professional {number}"))
        added.append((str(entry.get("id")), entry["pseudonym"]))
    return added
