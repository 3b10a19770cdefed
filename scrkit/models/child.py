"""The child at the centre of the review (App 1 Part 1 section 2), child.yaml.

The date of the critical incident is a key date of the review and is kept once, in
review.yaml (``incident_date``).
"""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Date, Id, Record, Text, YesNo


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


DEFAULT_PSEUDONYM = "Child A"  # how anonymised documents name a child with no pseudonym recorded (1.9.1)


class Child(Record):
    id: Id = "child"
    name: Text
    known_as: Text | None = None
    abbreviation: Text | None = None  # the agreed abbreviation used in chronologies (App 7), e.g. C
    pseudonym: Text | None = None  # how anonymised documents name the child, e.g. Child A (1.9.1)
    other_names: list[Text] = []  # nicknames, former names: every form a document might use
    gender: Gender | None = None
    date_of_birth: Date
    date_of_death: Date | None = None
    home_address: list[Text] = []
    ethnic_origin: Text | None = None
    child_protection_plan: YesNo | None = None  # is/was subject to a child protection plan
    whereabouts_at_incident: Text | None = None
    carer_at_incident: Text | None = None
    parents: list[Id] = []  # ids in people.yaml of the child's mother and father (App 15)
    twin_of: Id | None = None
