"""Who a return's Family Member cell names, through the people records (App 7: agreed abbreviations).

Agencies are asked for the agreed abbreviations (M, F, C...), and type names instead: "Jodie
Fenwick", "Mum", "Mrs Fenwick", "M and C", "Mum (Jodie)". Each form of each person (name, known
as, other names, abbreviation, relationship, first name, title and surname, and the everyday
words for a mother or father) is mapped to the person's id, unless two people share it: a shared
form is never given to either ("Fenwick" alone, when mother and child are both Fenwicks). A cell
naming several people is split. What names nobody in the records is returned as unknown, so the
event can be flagged; the same visit typed two ways by two agencies becomes the same people, so
it can be found as a possible duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrkit.case.records import ReviewRecords

_WORD = re.compile(r"[a-z0-9]+")
_SEPARATORS = re.compile(r"\s*(?:,|/|&|\+|;|\(|\)|\n|\band\b|\bwith\b|\bplus\b)\s*", re.I)
_TITLES = ("mr", "mrs", "ms", "miss", "mx", "master", "dr")
# Everyday words for a relationship, where the people records use the plain word.
_EVERYDAY = {
    "mother": ("mum", "mummy", "mam", "mom", "birth mother", "mother", "mum of child"),
    "father": ("dad", "daddy", "birth father", "father", "dad of child"),
    "child": ("child", "the child", "baby", "subject child", "subject", "infant"),
}

CHILD_ABBREVIATION = "C"  # the child, where child.yaml records no abbreviation of its own


def normalise_person(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class FamilyDirectory:
    forms: dict[str, str]  # a normalised form -> the one person it names
    shared: dict[str, tuple[str, ...]]  # a form two or more people share -> their ids
    abbreviations: dict[str, str]  # person id -> the agreed abbreviation (or the id)

    def identify(self, written: str) -> Identified:
        """The people a Family Member cell names, and the parts that name nobody known."""
        whole = normalise_person(written)
        if not whole:
            return Identified((), ())
        if whole in self.forms:
            return Identified((self.forms[whole],), ())
        ids: list[str] = []
        unknown: list[str] = []
        for part in _SEPARATORS.split(written):
            form = normalise_person(part)
            if not form:
                continue
            if form in self.forms:
                if self.forms[form] not in ids:
                    ids.append(self.forms[form])
            else:
                unknown.append(part.strip())
        return Identified(tuple(ids), tuple(unknown))

    def shown(self, ids: tuple[str, ...]) -> str:
        return ", ".join(self.abbreviations.get(person, person) for person in ids)

    def ambiguity(self, part: str) -> tuple[str, ...]:
        return self.shared.get(normalise_person(part), ())


@dataclass(frozen=True)
class Identified:
    people: tuple[str, ...]  # person ids, in the order written
    unknown: tuple[str, ...] = field(default=())  # parts of the cell that name nobody in the records


def family_directory(records: ReviewRecords) -> FamilyDirectory:
    owners: dict[str, set[str]] = {}
    abbreviations: dict[str, str] = {}

    def add(form: str | None, person: str) -> None:
        if form and (normalised := normalise_person(form)):
            owners.setdefault(normalised, set()).add(person)

    child = records.child
    # C is the child in every chronology template scrkit issues, agreed or not (App 7).
    people: list[tuple[str, str, str | None, str | None, str, list[str]]] = [
        (child.id, child.name, child.known_as, child.abbreviation or CHILD_ABBREVIATION, "child", child.other_names)
    ]
    for member in records.people.family:
        people.append((member.id, member.name, None, member.abbreviation, member.relationship, member.other_names))
    for person, name, known_as, abbreviation, relationship, other_names in people:
        abbreviations[person] = abbreviation or person
        for form in (name, known_as, abbreviation, relationship, *other_names):
            add(form, person)
        for full in (name, *other_names):
            words = full.split()
            if len(words) > 1:
                add(words[0], person)  # the first name alone
                for title in _TITLES:
                    add(f"{title} {words[-1]}", person)
                    add(f"{title} {full}", person)
        for word in _EVERYDAY.get((relationship or "").strip().lower(), ()):
            add(word, person)
    forms = {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}
    shared = {form: tuple(sorted(ids)) for form, ids in owners.items() if len(ids) > 1}
    return FamilyDirectory(forms, shared, abbreviations)
