"""What the board has decided about names and pictures before anything leaves it (1.9.1), register.yaml.

scrkit finds every name the records hold. For what no record holds it needs a person's decision,
kept here and audited (issue 12, items 2 and 5): someone named in documents who is in no other
record, and what to write instead; a phrase that looks like a name but is not a person ("Weaver
House"); a picture in an outgoing document that a person has looked at and confirmed shows no one.
"""

from __future__ import annotations

from scrkit.models.fields import PastDate, Record, Text


class NamedInDocuments(Record):
    """A person the documents name who is in no other record: an on-call doctor, a neighbour."""

    name: Text
    """the name as documents write it"""
    replacement: Text
    """what anonymised documents write instead: a job title and organisation, or a role pseudonym, e.g. GP, Larchfield
    Surgery"""
    other_names: list[Text] = []
    """other forms of the name documents use"""


class CheckedPicture(Record):
    """A picture a person looked at and confirmed shows no name, face, address or date (item 2)."""

    sha256: Text
    """the picture's fingerprint (SHA-256), so a changed picture is a new picture"""
    file: Text
    """where it was first seen: the document and the part"""
    confirmed_by: Text
    """who looked at it"""
    confirmed_on: PastDate
    """the date they confirmed it"""


class AnonymisingRegister(Record):
    named_in_documents: list[NamedInDocuments] = []
    """people documents name who are in no other record, and what to write instead (1.9.1)"""
    not_people: list[Text] = []
    """phrases that look like a person's name but are not one, e.g. Weaver House"""
    pictures: list[CheckedPicture] = []
    """pictures in outgoing documents a person looked at and confirmed show no name, face, address or date"""
