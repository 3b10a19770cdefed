"""People's names as letters and the anonymiser both read them: the titles that may come before a
name ("DCI Ruth Kavanagh", "Professor Margaret Ellery") and the forms of address built from them."""

from __future__ import annotations

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


def greeting(name: str | None, style: Salutation) -> tuple[str, str]:
    """The UK business letter's salutation and its matching close: 'Dear DCI Kavanagh' and 'Yours
    sincerely' to a named person, 'Dear Sir or Madam' and 'Yours faithfully' to nobody by name."""
    if not name or not name.strip():
        return "Dear Sir or Madam", "Yours faithfully"
    title, bare = split_title(name.strip())
    if style is Salutation.FIRST_NAME:
        return f"Dear {bare.split()[0]}", "Yours sincerely"
    if style is Salutation.FULL_NAME or not title:
        return f"Dear {bare}", "Yours sincerely"
    return f"Dear {title} {bare.split()[-1]}", "Yours sincerely"
