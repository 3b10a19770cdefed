"""Suggesting pseudonyms (Child A, Mother, Sibling 1, Professional 3) where the records have none."""

from __future__ import annotations

import re
from typing import Any

from scrkit.case.records import ReviewRecords
from scrkit.records.yamlfile import to_yaml_value

_SIBLING = re.compile(r"\b(half-?)?(brother|sister|sibling)\b", re.I)


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
        child_document["pseudonym"] = unique("Child A")
        added.append((records.child.id, child_document["pseudonym"]))
    siblings = 0
    for entry in people_document.get("family") or []:
        if str(entry.get("pseudonym") or "").strip():
            continue
        relationship = str(entry.get("relationship") or "Family member")
        if _SIBLING.search(relationship):
            siblings += 1
            wanted = f"Sibling {siblings}"
        else:
            wanted = relationship[:1].upper() + relationship[1:]
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
