"""People's names as letters and the anonymiser both read them: the titles that may come before a
name ("DCI Ruth Kavanagh", "Professor Margaret Ellery") and the forms of address built from them."""

from __future__ import annotations

import re
from enum import StrEnum

TITLES = (
    "Dr", "Doctor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "PC", "PS", "DC", "DS", "DI", "DCI", "DSI",
    "Det", "Supt", "Superintendent", "Sgt", "Sergeant", "Insp", "Inspector", "Detective", "Chief", "Constable",
    "Rev", "Reverend", "Cllr", "Councillor", "Sister", "Nurse", "Father", "Judge", "Lord", "Lady", "Sir", "Dame",
)  # fmt: skip
# Titles that are only part of a longer one ("Chief Executive", "Detective Constable"): never alone a sign
# that a name follows.
TITLE_PARTS = frozenset({"Chief", "Detective", "Constable", "Det", "Supt", "Superintendent"})
_TITLES = {title.lower() for title in TITLES}


def split_title(name: str) -> tuple[str, str]:
    """('DCI', 'Ruth Kavanagh') from 'DCI Ruth Kavanagh'; ('', name) when no title comes first."""
    words = name.split()
    count = 0
    while count < len(words) - 1 and words[count].lower().rstrip(".") in _TITLES:
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


def strip_titles(name: str) -> str:
    words = name.split()
    while words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


class Salutation(StrEnum):
    """How a board's letters greet a named person (board.yaml ``salutation``)."""

    TITLE_AND_SURNAME = "title-and-surname"  # Dear DCI Kavanagh (the full name when no title is recorded)
    FULL_NAME = "full-name"  # Dear Ruth Kavanagh
    FIRST_NAME = "first-name"  # Dear Ruth


# Letters after a name (honours, degrees, ranks, generations): never part of how a person is greeted.
_POST_NOMINAL = re.compile(r"^(?:[A-Z]{2,6}|Jr\.?|Jnr\.?|Sr\.?|Snr\.?|Ph\.?D\.?|MSc|BSc|BA|MA|II|III|IV)$")
# Words that belong to a surname that follows them: "van der Berg", "de la Cruz", "O'Neill" is one word.
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "le", "la", "ter", "ten",
                        "bin", "binti", "ibn", "al", "el", "st", "st."})  # fmt: skip
_HONOURS = frozenset({"sir", "dame"})  # greeted with the first name: Dear Sir Ian, Dear Dame Judi
_NEEDS_RANK = frozenset({"chief", "detective", "det"})  # a title only with a rank after: Chief Constable
_INITIAL = re.compile(r"^[A-Za-z]\.?$")


def greeting(name: str | None, style: Salutation) -> tuple[str, str]:
    """The UK business letter's salutation and its matching close: 'Dear DCI Kavanagh' and 'Yours
    sincerely' to a named person, 'Dear Sir or Madam' and 'Yours faithfully' to nobody by name.

    Letters after the name (QPM, OBE, Jr) are left out; a surname keeps its particles (van der Berg);
    a knight or dame is greeted by title and first name (Dear Sir Ian); a first name that is only an
    initial is not a name to greet by (Dear Mr Smith); joint names are greeted as written."""
    words = (name or "").replace(",", " ").split()
    while words and _POST_NOMINAL.match(words[-1]) and len(words) > 1:
        words.pop()
    title, bare = split_title(" ".join(words))
    if title and title.split()[-1].lower().rstrip(".") in _NEEDS_RANK:
        title, bare = "", " ".join(words)  # "Chief Executive Jane Doe": a job, not a title; as written
    if not bare or bare.lower().rstrip(".") in _TITLES:
        return "Dear Sir or Madam", "Yours faithfully"
    if re.search(r"\s(?:and|&)\s", f" {bare} "):
        return f"Dear {' '.join(words)}", "Yours sincerely"  # Mr and Mrs Smith: as written
    parts = bare.split()
    surname = [parts[-1]]
    for word in reversed(parts[:-1]):
        if word.lower() not in _PARTICLES:
            break
        surname.insert(0, word)
    first = parts[0] if len(parts) > len(surname) else ""
    named_by_first = bool(first) and not _INITIAL.match(first)
    honour = next((word for word in title.split() if word.lower() in _HONOURS), None)
    if honour and named_by_first:
        return f"Dear {honour} {first}", "Yours sincerely"
    if style is Salutation.FIRST_NAME and named_by_first:
        return f"Dear {first}", "Yours sincerely"
    if title and (style is not Salutation.FULL_NAME or not named_by_first):
        return f"Dear {title} {' '.join(surname)}", "Yours sincerely"
    return f"Dear {bare}", "Yours sincerely"
