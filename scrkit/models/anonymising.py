"""What the board has decided about names and pictures before anything leaves it (1.9.1), register.yaml.

scrkit finds every name the records hold. For what no record holds it needs a person's decision,
kept here and audited (issue 12, items 2 and 5): someone named in documents who is in no other
record, and what to write instead; a phrase that looks like a name but is not a person ("Weaver
House"); a picture in an outgoing document that a person has looked at and confirmed shows no one.
"""

from __future__ import annotations

from scrkit.models.fields import Date, Record, Text


class NamedInDocuments(Record):
    """A person the documents name who is in no other record: an on-call doctor, a neighbour."""

    name: Text
    replacement: Text  # job title and organisation, or a role pseudonym ("GP, Larchfield Surgery")
    other_names: list[Text] = []


class CheckedPicture(Record):
    """A picture a person looked at and confirmed shows no name, face, address or date (item 2)."""

    sha256: Text  # the picture's bytes, so a changed picture is a new picture
    file: Text  # where it was first seen: the document and the part
    confirmed_by: Text
    confirmed_on: Date


class AnonymisingRegister(Record):
    named_in_documents: list[NamedInDocuments] = []
    not_people: list[Text] = []  # phrases that look like a person's name but are not one
    pictures: list[CheckedPicture] = []
