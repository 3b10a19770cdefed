"""The people who run the review (3.1, 4.1), panel.yaml.

Only the LSCB chair, the panel chair and the overview author are ever named outside the
board; panel members appear by job title and organisation (1.9.1, 13.2.1).
"""

from __future__ import annotations

from scrkit.models.fields import Id, Record, Text, YesNo


class Appointee(Record):
    name: Text
    """their full name (named in letters)"""
    title: Text | None = None
    """their job title"""
    organisation: Text | None = None
    """their organisation"""
    email: Text | None = None
    """their email address"""
    phone: Text | None = None
    """their telephone number"""
    address: list[Text] = []
    """their postal address, one line per entry, for letters"""
    # For the independent panel chair and overview author (3.1.1, 3.1.3, App 12 "Independent element"):
    lscb_member: YesNo | None = None
    """are they a member of the LSCB? The panel chair and overview author must not be (3.1.1)"""
    employer: Id | None = None
    """the id in agencies.yaml of the agency that employs them, if any (3.1.1)"""
    indemnity_confirmed: YesNo | None = None
    """have they confirmed their professional indemnity? (3.1.3)"""
    supervision_confirmed: YesNo | None = None
    """have they confirmed they have supervision arrangements? (3.1.3)"""
    data_protection_confirmed: YesNo | None = None
    """have they confirmed they will keep the papers as data protection requires? (3.1.3)"""


# 3.1.3: what the panel chair and the overview author must confirm, and how the guidance says it.
CONFIRMATIONS_3_1_3 = {
    "indemnity_confirmed": "professional indemnity cover",
    "supervision_confirmed": "access to supervision",
    "data_protection_confirmed": "data protection arrangements",
}

# 3.1.1: the appointees who must be independent of the LSCB and the agencies involved.
INDEPENDENT_ROLES = {"panel_chair": "panel chair", "overview_author": "overview author"}


class PanelMember(Record):
    id: Id
    """their id, e.g. police-dci"""
    name: Text
    """their full name (never printed outside the board)"""
    job_title: Text
    """their job title"""
    agency: Id | None = None
    """the id in agencies.yaml of the agency they represent, if they represent one"""
    organisation: Text | None = None
    """otherwise, the organisation they come from"""


class Panel(Record):
    lscb_chair: Appointee | None = None
    """the chair of the LSCB, who decides and signs"""
    panel_chair: Appointee | None = None
    """the independent chair of the SCR panel: not an LSCB member, not from an involved agency (3.1.1)"""
    overview_author: Appointee | None = None
    """the independent author of the overview report: not the LSCB chair or the panel chair (3.1.1)"""
    business_manager: Appointee | None = None
    """the board's business manager, who runs the review"""
    administrator: Appointee | None = None
    """the board's administrator"""
    family_contact: Appointee | None = None
    """the family's personal contact, named in the leaflet (App 3)"""
    members: list[PanelMember] = []
    """the panel members, one entry each; they appear outside the board by job title and organisation (1.9.1)"""
