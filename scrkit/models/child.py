"""The child at the centre of the review (App 1 Part 1 section 2), child.yaml.

The date of the critical incident is a key date of the review and is kept once, in
review.yaml (``incident_date``).
"""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Id, PastDate, Record, Text, YesNo


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


DEFAULT_PSEUDONYM = "Child A"  # how anonymised documents name a child with no pseudonym recorded (1.9.1)


class Child(Record):
    id: Id = "child"
    """the child's id, used wherever another record refers to them, e.g. child"""
    name: Text
    """the child's full name"""
    known_as: Text | None = None
    """the name the child is known by, if not their first name"""
    abbreviation: Text | None = None
    """the agreed abbreviation used in chronologies (App 7), e.g. C"""
    pseudonym: Text | None = None
    """how anonymised documents name the child, e.g. Child A (1.9.1)"""
    other_names: list[Text] = []
    """nicknames and former names: every form a document might use"""
    gender: Gender | None = None
    """the child's gender, as the genogram draws it (App 15)"""
    date_of_birth: PastDate
    """the child's date of birth (App 1 section 2)"""
    date_of_death: PastDate | None = None
    """the date the child died, only if they have died"""
    home_address: list[Text] = []
    """the child's home address, one line per entry"""
    ethnic_origin: Text | None = None
    """the child's ethnic origin (App 1 section 2)"""
    child_protection_plan: YesNo | None = None
    """is or was the child subject to a child protection plan? (App 1 section 2)"""
    whereabouts_at_incident: Text | None = None
    """where the child was at the time of the incident (App 1 section 2)"""
    carer_at_incident: Text | None = None
    """who was caring for the child at the time (App 1 section 2)"""
    parents: list[Id] = []
    """ids in people.yaml of the child's mother and father, for the genogram (App 15)"""
    twin_of: Id | None = None
    """the id in people.yaml of the child's twin, if any"""
