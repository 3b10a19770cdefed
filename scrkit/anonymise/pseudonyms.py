"""Suggesting pseudonyms (Child A, Mother, Sibling 1, Professional 3) where the records have none."""

from __future__ import annotations

import re

from scrkit.case.layout import CHILD, PEOPLE
from scrkit.records.yamlfile import to_yaml_value
from scrkit.review.casefolder import CaseFolder

_SIBLING = re.compile(r"\b(half-?)?(brother|sister|sibling)\b", re.I)


def suggest_pseudonyms(folder: CaseFolder) -> list[tuple[str, str]]:
    """Fill in missing pseudonyms, keeping every existing one; returns (id, pseudonym) added."""
    records = folder.load()
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

    with folder.changing("people pseudonyms"):
        if not records.child.pseudonym:
            with folder.edit(CHILD) as document:
                document["pseudonym"] = unique("Child A")
                added.append((records.child.id, document["pseudonym"]))
        with folder.edit(PEOPLE) as document:
            siblings = 0
            for entry in document.get("family") or []:
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
            for entry in document.get("professionals") or []:
                number += 1
                if str(entry.get("pseudonym") or "").strip():
                    continue
                entry["pseudonym"] = to_yaml_value(unique(f"Professional {number}"))
                added.append((str(entry.get("id")), entry["pseudonym"]))
    return added
