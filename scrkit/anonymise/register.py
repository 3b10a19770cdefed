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
from functools import lru_cache

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput
from scrkit.models.child import DEFAULT_PSEUDONYM
from scrkit.names import strip_titles
from scrkit.resources import DATA

# Titles written before names, as written ("Dr Helen Yarrow", "DS Karen Whitlow", "Det Supt ..."): in
# the records, the name without them is a form of its own; in a text, they go with the name replaced
# (``text``); before an unknown word, they mark a name no record holds (``candidates``). One list.
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)
MIN_FORM_LENGTH = 2
STREET_ABBREVIATIONS = {
    "close": ("Cl", "Clo"), "house": ("Ho", "Hse"), "road": ("Rd",), "street": ("St",), "avenue": ("Ave", "Av"),
    "lane": ("Ln",),
    "drive": ("Dr",), "court": ("Ct",), "crescent": ("Cres",), "place": ("Pl",), "gardens": ("Gdns",),
    "terrace": ("Terr", "Ter"), "square": ("Sq",), "grove": ("Gr", "Gro"), "park": ("Pk",), "mews": ("Ms",),
}  # fmt: skip


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
    surnames: tuple[str, ...] = ()  # the forms that are family names ("the Bracewells", "[family name]")


@dataclass(frozen=True)
class Register:
    people: tuple[Person, ...]
    exempt: tuple[str, ...]  # names that may appear: LSCB chair, panel chair, overview author

    def real_names(self) -> dict[str, str]:
        """Pseudonym to real name: the restricted key (IMR guide 4.6), never inside a document."""
        return {person.replacement: person.names[0] for person in self.people if person.names}


def name_forms(*names: str) -> tuple[str, ...]:
    """Full names, the names without titles, first names, surnames and double-barrelled parts."""
    forms: list[str] = []
    for raw in names:
        if not raw or not raw.strip():
            continue
        forms.append(raw.strip())
        bare = strip_titles(raw)
        if not bare:
            continue
        forms.append(bare)
        words = _after_a_role(bare.split())
        if len(words) < len(bare.split()):  # "Chief Executive Nadia Orme": "Executive" is nobody's name
            forms.append(" ".join(words))
        forms.append(words[0])  # first name (whole, with its hyphen: "Mia-Rose")
        forms.append(words[0].replace("-", " "))
        forms.extend(word.replace("-", "") for word in words if "-" in word)  # "MiaRose", "AdeyemiHart"
        if len(words) > 1:  # as an email address or a user name writes it: kbracewell, kieranbracewell
            forms.extend((f"{words[0][0]}{words[-1]}", f"{words[0]}{words[-1]}"))
        if len(words) > 1:
            surname = words[-1]
            forms.append(surname)
            forms.append(" ".join(words[-2:]))
            forms.extend((f"{words[0][0]}. {surname}", f"{words[0][0]} {surname}"))  # "J. Bracewell"
            if "-" in surname:  # double-barrelled: each part can be used alone
                forms.extend(part for part in surname.split("-") if len(part) > MIN_FORM_LENGTH)
    seen: dict[str, str] = {}
    for form in forms:
        if len(form) >= MIN_FORM_LENGTH:
            seen.setdefault(form.lower(), form)
    return tuple(seen.values())


def _after_a_role(words: list[str]) -> list[str]:
    """The name after a job title written before it ("Director of Children's Services Paul Imrie"):
    the title's words are ordinary words ("the executive summary"), never forms of the person. Two
    words are always kept, so that "Dean Smith" stays a name."""
    count = 0
    while len(words) - count > 2 and is_a_role(words[count]):
        count += 1
    return words[count:]


def surname_forms(*names: str) -> tuple[str, ...]:
    """The family names among a person's forms: the last word, and each part of a double-barrelled one."""
    found: list[str] = []
    for raw in names:
        words = strip_titles(raw or "").split()
        if len(words) > 1:
            found.append(words[-1])
            found.extend(part for part in words[-1].split("-") if "-" in words[-1] and len(part) > MIN_FORM_LENGTH)
    return tuple(dict.fromkeys(found))


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
        for written in (line, street):  # "27 Quillan Cl.", "Quillan Rd"
            words = written.split()
            for short in STREET_ABBREVIATIONS.get(words[-1].lower(), ()) if len(words) >= 2 else ():
                found.append(" ".join([*words[:-1], short]))
    if postcode:
        found.append(postcode)
    return tuple(dict.fromkeys(form for form in found if len(form) > MIN_FORM_LENGTH))


def _titled(name: str, title: str, key: str) -> Person:
    return Person(key=key, replacement=title, role=title, names=(name,), forms=name_forms(name),
                  surnames=surname_forms(name))  # fmt: skip


def build_register(records: ReviewRecords) -> Register:
    """Everyone the records name (issue 12, item 4): the child, the family and the professionals by
    pseudonym; everyone else who runs or contributes to the review by job title and organisation."""
    people: list[Person] = []
    child = records.child
    child_names = (child.name, *(n for n in (child.known_as,) if n), *child.other_names)
    people.append(
        Person(
            key=child.id,
            replacement=child.pseudonym or DEFAULT_PSEUDONYM,
            role="The child",
            names=(child.name,),
            forms=name_forms(*child_names),
            addresses=address_forms(list(child.home_address)),
            dates_of_birth=(child.date_of_birth,),
            surnames=surname_forms(*child_names),
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
                surnames=surname_forms(member.name, *member.other_names),
            )
        )
    agencies = {agency.id: agency for agency in records.agencies.agencies}

    def agency_name(agency_id: str | None) -> str:
        agency = agencies.get(agency_id or "")
        return agency.name if agency else (agency_id or "")

    for number, person in enumerate(records.people.professionals, start=1):
        people.append(
            Person(
                key=person.id,
                replacement=person.pseudonym or f"Professional {number}",
                role=f"{person.role}, {agency_name(person.agency)}",
                names=(person.name,),
                forms=name_forms(person.name, *person.other_names),
                surnames=surname_forms(person.name, *person.other_names),
            )
        )
    for named in records.register.named_in_documents:
        people.append(
            Person(
                key=f"named-{len(people)}",
                replacement=named.replacement,
                role=named.replacement,
                names=(named.name,),
                forms=name_forms(named.name, *named.other_names),
                surnames=surname_forms(named.name, *named.other_names),
            )
        )
    panel = records.panel
    exempt = [p.name for p in (panel.lscb_chair, panel.panel_chair, panel.overview_author) if p]
    by_title: list[tuple[str | None, str, str]] = []  # (name, job title and organisation, key)
    for panel_member in panel.members:
        organisation = agency_name(panel_member.agency) if panel_member.agency else (panel_member.organisation or "")
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
    for imr in records.imrs.imrs:
        where = agency_name(imr.agency)
        if imr.author:
            by_title.append(
                (imr.author.name, f"{imr.author.role or 'IMR author'}, {where}", f"imr-{imr.agency}-author")
            )
        by_title.append((imr.quality_assured_by, f"the IMR's quality assurer, {where}", f"imr-{imr.agency}-qa"))
        by_title.append((imr.signed_off_by, f"the IMR's signing officer, {where}", f"imr-{imr.agency}-sign-off"))
    professionals = {person.id: person for person in records.people.professionals}
    for interview in records.interviews.interviews:
        practitioner = professionals.get(interview.practitioner)
        where = f", {agency_name(practitioner.agency)}" if practitioner else ""
        by_title.append((interview.interviewer, f"the interviewer{where}", f"{interview.id}-interviewer"))
    referral = records.referral
    where = f", {agency_name(referral.referrer.agency)}" if referral.referrer.agency else ""
    by_title.append((referral.referrer.name, f"the referring officer{where}", "referral-officer"))
    by_title.append((referral.referrer.line_manager, f"the referrer's line manager{where}", "referral-manager"))
    by_title.append((referral.signed_by, f"the referring officer{where}", "referral-officer"))
    for number, other in enumerate(referral.other_agencies, start=1):
        by_title.append((other.name, f"a practitioner, {agency_name(other.agency)}", f"referral-other-{number}"))
    by_title.append(
        (records.actions.signed_off_by, "the officer who signed off the action plan", "action-plan-sign-off")
    )
    by_title.append((records.review.ofsted_evaluation.inspector, "the Ofsted inspector", "ofsted-inspector"))
    known = {strip_titles(name).lower() for person in people for name in person.names}
    exempt_names = exempt_lower(exempt)
    for name, title, key in by_title:
        bare = strip_titles(name or "").lower()
        if not bare or bare in known or bare in exempt_names or is_a_role(bare):
            continue  # nobody, someone already registered, one of the three people 1.9.1 names, or a job title
        known.add(bare)
        people.append(_titled(name or "", title, key))
    register = Register(people=tuple(people), exempt=tuple(exempt))
    _check(register)
    return register


@lru_cache(maxsize=1)
def _job_title_words() -> frozenset[str]:
    lines = (DATA / "job-title-words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def is_a_role(text: str) -> bool:
    """Is this a job title ("Deputy Chief Constable", "Head of Service"), which names nobody, rather
    than a person's name? Every word must be a job title's word (scrkit/data/job-title-words.txt)."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    return bool(words) and all(word.replace("’", "'") in _job_title_words() for word in words)


def exempt_lower(names: list[str]) -> set[str]:
    return {strip_titles(name).lower() for name in names} | {name.lower() for name in names}


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
