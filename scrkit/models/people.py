"""Family, significant others (App 1 section 3) and professionals involved (App 1 section 4)."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.child import Gender
from scrkit.models.fields import Date, Id, Record, Text, YesNo


class PregnancyLoss(StrEnum):
    MISCARRIAGE = "miscarriage"
    TERMINATION = "termination"


class FamilyMember(Record):
    id: Id
    name: Text
    relationship: Text  # relationship to the child, e.g. Mother, Maternal grandmother
    abbreviation: Text | None = None  # the agreed abbreviation used in chronologies (App 7), e.g. M, MP
    pseudonym: Text | None = None  # how anonymised documents name them, e.g. Mother (1.9.1)
    other_names: list[Text] = []  # nicknames, maiden and former names
    gender: Gender | None = None
    date_of_birth: Date | None = None
    date_of_death: Date | None = None
    address: list[Text] = []
    legal_status: Text | None = None  # e.g. parental responsibility, special guardian
    ethnic_origin: Text | None = None
    child_protection_plan: YesNo | None = None  # is/was subject to a child protection plan
    notify: YesNo | None = None  # 6.1.3: sent the letter and leaflet telling the family of the review
    parents: list[Id] = []  # ids of their mother and father (at most two), for the genogram (App 15)
    twin_of: Id | None = None  # the id of their twin
    pregnancy_loss: PregnancyLoss | None = None  # a miscarriage or termination, drawn in birth order


class RelationshipKind(StrEnum):
    ENDURING = "enduring"  # marriage or cohabitation: an unbroken line (App 15)
    TRANSITORY = "transitory"  # a broken line


class RelationshipStatus(StrEnum):
    TOGETHER = "together"
    SEPARATED = "separated"  # one short diagonal stroke
    DIVORCED = "divorced"  # two strokes


class Relationship(Record):
    """A relationship between two adults, for the genogram (Appendix 15)."""

    between: list[Id]  # exactly two people's ids
    kind: RelationshipKind = RelationshipKind.ENDURING
    status: RelationshipStatus = RelationshipStatus.TOGETHER
    start: Date | None = None
    end: Date | None = None


class Household(Record):
    """People who live together: a dotted line around them on the genogram."""

    id: Id
    members: list[Id]
    label: Text | None = None


class Professional(Record):
    id: Id
    name: Text
    role: Text  # job title, e.g. Health Visitor
    agency: Id  # the id of an agency in agencies.yaml
    pseudonym: Text | None = None  # how anonymised documents name them, e.g. Professional 3 (1.9.1)
    other_names: list[Text] = []
    contact: Text | None = None
    still_involved: YesNo | None = None


class People(Record):
    family: list[FamilyMember] = []
    professionals: list[Professional] = []
    relationships: list[Relationship] = []
    households: list[Household] = []
