"""The referral form, App 1 (SCRRF.v1/2010), referral.yaml.

Part 1 is completed by the referring officer within 72 hours of the incident; Part 2 by
the LSCB chair (the decision itself is a key date, kept in review.yaml); Part 3 by the
chair of the SCR panel.
"""

from __future__ import annotations

from scrkit.models.fields import ClockTime, Id, PastDate, Record, Text, YesNo


class Referrer(Record):
    name: Text | None = None
    """their full name"""
    agency: Id | None = None
    """the id in agencies.yaml of their agency"""
    email: Text | None = None
    """their secure email address"""
    line_manager: Text | None = None
    """their line manager's name"""
    phone: Text | None = None
    """their telephone number"""


class OtherAgencyInvolved(Record):
    """App 1 section 4: other agencies involved, as the referrer knows them."""

    name: Text
    """the name of the person involved there"""
    agency: Id
    """the id in agencies.yaml of their agency"""
    contact: Text | None = None
    """how to reach them"""
    still_involved: YesNo | None = None
    """are they still involved with the family?"""


class KeyDate(Record):
    """App 1 section 7: chronology of key dates."""

    date: PastDate
    """the day it happened"""
    time: ClockTime | None = None
    """the time, in 24 hours, if known"""
    event: Text
    """what happened"""


class ChairRecommendation(Record):
    """App 1 Part 2, apart from the decision (review.yaml)."""

    consulted: list[Text] = []
    """members of the LSCB's constituent agencies the chair consulted, one entry each"""
    legal_advice_sought: YesNo | None = None
    """was legal advice sought?"""
    overview_author_suggested: Text | None = None
    """the overview author the chair suggests"""
    signed_by: Text | None = None
    """who signed Part 2"""
    signed_on: PastDate | None = None
    """the date Part 2 was signed"""


class PanelTermsOfReference(Record):
    """App 1 Part 3: terms of reference and scope agreed by the SCR panel."""

    text: Text | None = None
    """the terms of reference and scope the panel agreed"""
    signed_by: Text | None = None
    """who signed Part 3"""
    signed_on: PastDate | None = None
    """the date Part 3 was signed"""


class Referral(Record):
    referrer: Referrer = Referrer()
    """the referring officer who completes Part 1 (App 1)"""
    outline: Text | None = None
    """the events and circumstances relevant to the category (App 1 section 5)"""
    other_agencies: list[OtherAgencyInvolved] = []
    """other agencies involved, as the referrer knows them (App 1 section 4)"""
    key_dates: list[KeyDate] = []
    """the chronology of key dates (App 1 section 7)"""
    date_of_referral: PastDate | None = None
    """the date the referral was made"""
    signed_by: Text | None = None
    """who signed Part 1"""
    part2: ChairRecommendation = ChairRecommendation()
    """Part 2, completed by the LSCB chair; the decision itself is in review.yaml (App 1 Part 2)"""
    part3: PanelTermsOfReference = PanelTermsOfReference()
    """Part 3, completed by the chair of the SCR panel (App 1 Part 3)"""
