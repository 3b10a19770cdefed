"""Family, significant others (App 1 section 3) and professionals involved (App 1 section 4)."""

from __future__ import annotations

from scrkit.models.child import Gender
from scrkit.models.fields import Date, Id, Record, Text, YesNo


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
