"""The agencies asked about their involvement (5.1), agencies.yaml."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Date, Id, Record, Text, YesNo


class AgencyKind(StrEnum):
    HEALTH = "health"
    CHILDRENS_SOCIAL_CARE = "childrens-social-care"
    POLICE = "police"
    EDUCATION = "education"
    PROBATION = "probation"
    VOLUNTARY = "voluntary"
    OTHER = "other"
    OUT_OF_AREA = "out-of-area"  # 5.1.2: agencies outside the area, including out of the country


class RequestReply(StrEnum):
    """App 2: the agency confirms involvement, or makes a NIL return."""

    AWAITING = "awaiting"
    INVOLVED = "involved"
    NIL_RETURN = "nil-return"


class Officer(Record):
    name: Text
    title: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class Agency(Record):
    id: Id
    name: Text
    short_name: Text | None = None  # how the agency is usually called ("Little Acorns")
    aliases: list[Text] = []  # other names its returns arrive under (a chronology return's file name or Agency line)
    kind: AgencyKind
    lscb_member: YesNo = True  # a core member of the LSCB, or another agency (5.1.1)
    address: list[Text] = []
    phone: Text | None = None
    secure_email: Text | None = None  # 1.9.2: the board writes to agencies by secure email
    chief_officer: Officer | None = None  # 5.1.2: letters are copied to chief officers
    lscb_representative: Officer | None = None  # 10.1.4: identifies the IMR author
    request_reply: RequestReply = RequestReply.AWAITING
    reply_date: Date | None = None
    records_secured: Date | None = None


class Agencies(Record):
    agencies: list[Agency] = []
