"""The referral form, App 1 (SCRRF.v1/2010), referral.yaml.

Part 1 is completed by the referring officer within 72 hours of the incident; Part 2 by
the LSCB chair (the decision itself is a key date, kept in review.yaml); Part 3 by the
chair of the SCR panel.
"""

from __future__ import annotations

from scrkit.models.fields import ClockTime, Date, Id, Record, Text, YesNo


class Referrer(Record):
    name: Text | None = None
    agency: Id | None = None  # the id of an agency in agencies.yaml
    email: Text | None = None
    line_manager: Text | None = None
    phone: Text | None = None


class OtherAgencyInvolved(Record):
    """App 1 section 4: other agencies involved, as the referrer knows them."""

    name: Text
    agency: Id
    contact: Text | None = None
    still_involved: YesNo | None = None


class KeyDate(Record):
    """App 1 section 7: chronology of key dates."""

    date: Date
    time: ClockTime | None = None
    event: Text


class ChairRecommendation(Record):
    """App 1 Part 2, apart from the decision (review.yaml)."""

    consulted: list[Text] = []  # members of LSCB constituent agencies consulted
    legal_advice_sought: YesNo | None = None
    overview_author_suggested: Text | None = None
    signed_by: Text | None = None
    signed_on: Date | None = None


class PanelTermsOfReference(Record):
    """App 1 Part 3: terms of reference and scope agreed by the SCR panel."""

    text: Text | None = None
    signed_by: Text | None = None
    signed_on: Date | None = None


class Referral(Record):
    referrer: Referrer = Referrer()
    outline: Text | None = None  # events and circumstances relevant to the category (section 5)
    other_agencies: list[OtherAgencyInvolved] = []
    key_dates: list[KeyDate] = []
    date_of_referral: Date | None = None
    signed_by: Text | None = None
    part2: ChairRecommendation = ChairRecommendation()
    part3: PanelTermsOfReference = PanelTermsOfReference()
