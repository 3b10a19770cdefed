"""Family, significant others (App 1 section 3) and professionals involved (App 1 section 4)."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.child import Gender
from scrkit.models.fields import Date, Id, PastDate, Record, Text, YesNo


class PregnancyLoss(StrEnum):
    MISCARRIAGE = "miscarriage"
    TERMINATION = "termination"


class FamilyMember(Record):
    id: Id
    """their id, used wherever another record refers to them, e.g. mother"""
    name: Text
    """their full name"""
    relationship: Text
    """their relationship to the child, e.g. Mother, Maternal grandmother"""
    abbreviation: Text | None = None
    """the agreed abbreviation used in chronologies (App 7), e.g. M, MP"""
    pseudonym: Text | None = None
    """how anonymised documents name them, e.g. Mother (1.9.1)"""
    other_names: list[Text] = []
    """nicknames, maiden and former names: every form a document might use"""
    gender: Gender | None = None
    """their gender, as the genogram draws it (App 15)"""
    date_of_birth: PastDate | None = None
    """their date of birth"""
    date_of_death: PastDate | None = None
    """the date they died, if they have"""
    address: list[Text] = []
    """their address, one line per entry"""
    legal_status: Text | None = None
    """their legal status towards the child, e.g. parental responsibility, special guardian"""
    ethnic_origin: Text | None = None
    """their ethnic origin"""
    child_protection_plan: YesNo | None = None
    """is or was this person subject to a child protection plan?"""
    notify: YesNo | None = None
    """are they sent the letter and leaflet telling the family of the review? (6.1.3)"""
    parents: list[Id] = []
    """ids of their mother and father (at most two), for the genogram (App 15)"""
    twin_of: Id | None = None
    """the id of their twin"""
    pregnancy_loss: PregnancyLoss | None = None
    """a miscarriage or termination, drawn in birth order on the genogram (App 15)"""


class RelationshipKind(StrEnum):
    ENDURING = "enduring"  # marriage or cohabitation: an unbroken line (App 15)
    TRANSITORY = "transitory"  # a broken line


class RelationshipStatus(StrEnum):
    TOGETHER = "together"
    SEPARATED = "separated"  # one short diagonal stroke
    DIVORCED = "divorced"  # two strokes


class Relationship(Record):
    """A relationship between two adults, for the genogram (Appendix 15)."""

    between: list[Id]
    """the ids of exactly two people"""
    kind: RelationshipKind = RelationshipKind.ENDURING
    """enduring (marriage or living together: an unbroken line) or transitory (a broken line) (App 15)"""
    status: RelationshipStatus = RelationshipStatus.TOGETHER
    """together, separated (one stroke) or divorced (two strokes) (App 15)"""
    start: Date | None = None
    """when it began, if known"""
    end: Date | None = None
    """when it ended, if it has"""


class Household(Record):
    """People who live together: a dotted line around them on the genogram."""

    id: Id
    """the household's id, e.g. home"""
    members: list[Id]
    """the ids of the people who live in it (the child's id included if they do)"""
    label: Text | None = None
    """a label drawn beside it, e.g. 12 Example Road"""


class Professional(Record):
    id: Id
    """their id, used wherever another record refers to them, e.g. hv-1"""
    name: Text
    """their full name"""
    role: Text
    """their job title, e.g. Health Visitor (anonymised documents use it)"""
    agency: Id
    """the id in agencies.yaml of the agency they work for"""
    pseudonym: Text | None = None
    """how anonymised documents name them, e.g. Professional 3 (1.9.1)"""
    other_names: list[Text] = []
    """other forms of their name a document might use"""
    contact: Text | None = None
    """how to reach them: telephone or secure email"""
    still_involved: YesNo | None = None
    """are they still involved with the family? (App 1 section 4)"""


class People(Record):
    family: list[FamilyMember] = []
    """the family and significant others (App 1 section 3), one entry each"""
    professionals: list[Professional] = []
    """the professionals involved (App 1 section 4), one entry each"""
    relationships: list[Relationship] = []
    """relationships between adults, for the genogram (App 15)"""
    households: list[Household] = []
    """people who live together: a dotted line around them on the genogram (App 15)"""
