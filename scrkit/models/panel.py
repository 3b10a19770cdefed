"""The people who run the review (3.1, 4.1), panel.yaml.

Only the LSCB chair, the panel chair and the overview author are ever named outside the
board; panel members appear by job title and organisation (1.9.1, 13.2.1).
"""

from __future__ import annotations

from scrkit.models.fields import Id, Record, Text, YesNo


class Appointee(Record):
    name: Text
    title: Text | None = None
    organisation: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    address: list[Text] = []  # postal address, one line each, for letters (the overview author's briefing)
    # For the independent panel chair and overview author (3.1.1, 3.1.3, App 12 "Independent element"):
    lscb_member: YesNo | None = None
    employer: Id | None = None  # the agency in agencies.yaml that employs them, if any
    indemnity_confirmed: YesNo | None = None
    supervision_confirmed: YesNo | None = None
    data_protection_confirmed: YesNo | None = None


class PanelMember(Record):
    id: Id
    name: Text
    job_title: Text
    agency: Id | None = None  # the id of an agency in agencies.yaml, when they represent one
    organisation: Text | None = None  # otherwise, the organisation they come from


class Panel(Record):
    lscb_chair: Appointee | None = None
    panel_chair: Appointee | None = None  # independent SCR panel chair (3.1.1)
    overview_author: Appointee | None = None  # independent overview report author (3.1.1)
    business_manager: Appointee | None = None
    administrator: Appointee | None = None
    family_contact: Appointee | None = None  # the family's personal contact (App 3)
    members: list[PanelMember] = []
