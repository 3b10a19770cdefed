"""The agencies asked about their involvement (5.1), agencies.yaml."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Id, PastDate, Record, Text, YesNo


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
    """their full name"""
    title: Text | None = None
    """their job title"""
    email: Text | None = None
    """their secure email address"""
    phone: Text | None = None
    """their telephone number"""


class Agency(Record):
    id: Id
    """the agency's id, used wherever another record refers to it, e.g. police"""
    name: Text
    """the agency's full name, as letters address it"""
    short_name: Text | None = None
    """how the agency is usually called, e.g. Little Acorns"""
    aliases: list[Text] = []
    """other names its returns arrive under (a chronology return's file name or Agency line)"""
    kind: AgencyKind
    """what kind of agency it is"""
    lscb_member: YesNo = True
    """is it a core member of the LSCB, or another agency? (5.1.1)"""
    address: list[Text] = []
    """its postal address, one line per entry, for letters"""
    phone: Text | None = None
    """its telephone number"""
    secure_email: Text | None = None
    """its secure email address: the board writes to agencies by secure email (1.9.2)"""
    chief_officer: Officer | None = None
    """its chief officer, to whom letters are copied (5.1.2)"""
    lscb_representative: Officer | None = None
    """its representative on the LSCB, who identifies the IMR author (10.1.4)"""
    request_reply: RequestReply = RequestReply.AWAITING
    """its reply to the request for information: awaiting, involved or a NIL return (App 2)"""
    reply_date: PastDate | None = None
    """the date its reply arrived"""
    records_secured: PastDate | None = None
    """the date it confirmed its records are secured (5.1.2)"""


class Agencies(Record):
    agencies: list[Agency] = []
    """the agencies asked about their involvement (5.1), one entry each; scrkit agencies add adds one"""
