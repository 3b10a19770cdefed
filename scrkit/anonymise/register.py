"""The known list of people is the control (1.9.1, 13.2.1): every name form, address and date of
birth of everyone who must not be named outside the board, and what to write instead.

Only the LSCB chair, the SCR panel chair and the overview author are ever named. Panel members and
agencies' officers appear by job title and organisation; the child, the family and the
professionals involved by their pseudonyms (Child A, Mother, Professional 3).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput

# Titles written before names in records ("Dr Helen Yarrow", "DS Karen Whitlow"): the name without
# them is a form of its own.
_TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pc", "ps", "dc", "ds", "di", "dci", "dsi",
    "supt", "sgt", "insp", "chief", "constable", "inspector", "sergeant", "detective", "rev", "sir", "dame", "cllr",
}  # fmt: skip
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)
MIN_FORM_LENGTH = 2


@dataclass(frozen=True)
class Person:
    """Someone a document must not name: their forms and what replaces them."""

    key: str  # an id, never shown outside the board
    replacement: str  # pseudonym, or job title and organisation
    role: str  # for the glossary: "The child", "Mother", "Health Visitor, ..."
    names: tuple[str, ...]  # every full name form as written in the records
    forms: tuple[str, ...]  # every form to catch: full names, first names, surnames, other names
    addresses: tuple[str, ...] = ()
    dates_of_birth: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class Register:
    people: tuple[Person, ...]
    exempt: tuple[str, ...]  # names that may appear: LSCB chair, panel chair, overview author

    def real_names(self) -> dict[str, str]:
        """Pseudonym to real name: the restricted key (IMR guide 4.6), never inside a document."""
        return {person.replacement: person.names[0] for person in self.people if person.names}


def _strip_titles(name: str) -> str:
    words = name.split()
    while words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def name_forms(*names: str) -> tuple[str, ...]:
    """Full names, the names without titles, first names, surnames and double-barrelled parts."""
    forms: list[str] = []
    for raw in names:
        if not raw or not raw.strip():
            continue
        forms.append(raw.strip())
        bare = _strip_titles(raw)
        if not bare:
            continue
        forms.append(bare)
        words = bare.split()
        forms.append(words[0])  # first name (whole, with its hyphen: "Mia-Rose")
        forms.append(words[0].replace("-", " "))
        if len(words) > 1:
            surname = words[-1]
            forms.append(surname)
            forms.append(" ".join(words[-2:]))
            if "-" in surname:  # double-barrelled: each part can be used alone
                forms.extend(part for part in surname.split("-") if len(part) > MIN_FORM_LENGTH)
    seen: dict[str, str] = {}
    for form in forms:
        if len(form) >= MIN_FORM_LENGTH:
            seen.setdefault(form.lower(), form)
    return tuple(seen.values())


def address_forms(lines: list[str]) -> tuple[str, ...]:
    """The lines that point at a home: all but the town, the street without its number, the postcode."""
    if not lines:
        return ()
    found = []
    postcode = lines[-1] if _POSTCODE.match(lines[-1].strip()) else None
    body = lines[:-2] if postcode and len(lines) > 2 else lines[:-1] if len(lines) > 1 else lines
    for line in body:
        found.append(line)
        street = re.sub(r"^(flat\s+)?\d+[a-z]?,?\s+", "", line, flags=re.I)
        if street != line and len(street.split()) >= 2:
            found.append(street)
    if postcode:
        found.append(postcode)
    return tuple(dict.fromkeys(form for form in found if len(form) > MIN_FORM_LENGTH))


def build_register(records: ReviewRecords) -> Register:
    people: list[Person] = []
    child = records.child
    people.append(
        Person(
            key=child.id,
            replacement=child.pseudonym or "Child A",
            role="The child",
            names=(child.name,),
            forms=name_forms(child.name, *(n for n in (child.known_as,) if n), *child.other_names),
            addresses=address_forms(list(child.home_address)),
            dates_of_birth=(child.date_of_birth,),
        )
    )
    for member in records.people.family:
        if member.pregnancy_loss:
            continue  # a miscarriage or termination has no name to hide, and "miscarriage" is a word
        people.append(
            Person(
                key=member.id,
                replacement=member.pseudonym or member.relationship,
                role=member.relationship,
                names=(member.name,),
                forms=name_forms(member.name, *member.other_names),
                addresses=address_forms(list(member.address)),
                dates_of_birth=tuple(d for d in (member.date_of_birth,) if d),
            )
        )
    agencies = {agency.id: agency for agency in records.agencies.agencies}
    for number, person in enumerate(records.people.professionals, start=1):
        agency = agencies.get(person.agency)
        people.append(
            Person(
                key=person.id,
                replacement=person.pseudonym or f"Professional {number}",
                role=f"{person.role}, {agency.name if agency else person.agency}",
                names=(person.name,),
                forms=name_forms(person.name, *person.other_names),
            )
        )
    panel = records.panel
    exempt = [p.name for p in (panel.lscb_chair, panel.panel_chair, panel.overview_author) if p]
    by_title: list[tuple[str, str, str]] = []  # (name, job title and organisation, key)
    for panel_member in panel.members:
        agency_id = panel_member.agency
        organisation = agencies[agency_id].name if agency_id in agencies else (panel_member.organisation or "")
        title = ", ".join(x for x in (panel_member.job_title, organisation) if x)
        by_title.append((panel_member.name, title, panel_member.id))
    for agency in records.agencies.agencies:
        for label, officer in (("chief-officer", agency.chief_officer), ("representative", agency.lscb_representative)):
            if officer:
                title = officer.title or ("Chief Officer" if label == "chief-officer" else "LSCB representative")
                by_title.append((officer.name, f"{title}, {agency.name}", f"{agency.id}-{label}"))
    for role, staff in (("Business Manager", panel.business_manager), ("Administrator", panel.administrator),
                        ("Family Liaison", panel.family_contact)):  # fmt: skip
        if staff:
            by_title.append((staff.name, staff.title or role, f"panel-{role.lower()}"))
    referrer = records.referral.referrer
    referrer_agency = agencies.get(referrer.agency or "")
    for name, title in (
        (referrer.name, "the referring officer"),
        (referrer.line_manager, "the referrer's line manager"),
    ):
        if name:
            where = f", {referrer_agency.name}" if referrer_agency else ""
            by_title.append((name, f"{title}{where}", f"referral-{title.split()[-1]}"))
    known = {person.names[0].lower(): person for person in people}
    for name, title, key in by_title:
        if name.lower() in known or _strip_titles(name).lower() in exempt_lower(exempt):
            continue
        known[name.lower()] = Person(key=key, replacement=title, role=title, names=(name,), forms=name_forms(name))
        people.append(known[name.lower()])
    register = Register(people=tuple(people), exempt=tuple(exempt))
    _check(register)
    return register


def exempt_lower(names: list[str]) -> set[str]:
    return {_strip_titles(name).lower() for name in names} | {name.lower() for name in names}


def _check(register: Register) -> None:
    """A pseudonym must not itself be a name someone is known by, or anonymising could not finish."""
    forms = {form.lower(): person for person in register.people for form in person.forms}
    for person in register.people:
        clash = forms.get(person.replacement.lower())
        if clash is not None:
            raise BadInput(
                f"The pseudonym '{person.replacement}' is also a name in the records ({clash.key}); "
                "choose another pseudonym in people.yaml."
            )
