"""The review itself: its reference, status, key dates, decision and scope (review.yaml)."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import ClockTime, Date, Record, Text


class ReviewStatus(StrEnum):
    CONSIDERING = "considering"  # referral received, the LSCB chair has not decided (1.6.2, 1.6.3)
    IN_PROGRESS = "in-progress"  # decided to hold an SCR
    COMPLETED = "completed"  # approved by the LSCB (1.6.7, 14.1)
    NOT_PROCEEDING = "not-proceeding"  # decided not to hold an SCR (App 1 Part 2)


class DecisionOutcome(StrEnum):
    SCR = "scr"
    NOT_SCR = "not-scr"


class Alternative(StrEnum):
    """App 1 Part 2: what may be done when a case does not meet the criteria (1.5.2)."""

    SINGLE_AGENCY_REVIEW = "single-agency-review"
    LEARNING_DAY = "learning-day"  # practitioners brought together, independently facilitated
    INTER_AGENCY_AUDIT = "inter-agency-audit"
    OTHER = "other"


class Circumstance(StrEnum):
    """App 1 Part 1 section 5: the circumstances that triggered the referral."""

    DEATH = "a"  # death of the child, abuse or neglect known or suspected (WT 2010 8.9)
    SERIOUS_HARM = "b"  # potentially life-threatening injury, serious sexual abuse, serious impairment (8.11)
    PARENT_MURDERED = "c"  # a parent murdered and a homicide review initiated (8.11)
    KILLED_BY_PARENT_MENTAL_ILLNESS = "d"  # killed by a parent with a mental illness
    INTER_AGENCY_CONCERNS = "e"  # concerns about inter-agency working


CIRCUMSTANCE_TITLES = {
    Circumstance.DEATH: "Death of the child, abuse or neglect known or suspected",
    Circumstance.SERIOUS_HARM: "Potentially life-threatening injury, serious sexual abuse or serious impairment",
    Circumstance.PARENT_MURDERED: "A parent has been murdered and a homicide review is being initiated",
    Circumstance.KILLED_BY_PARENT_MENTAL_ILLNESS: "The child was killed by a parent with a mental illness",
    Circumstance.INTER_AGENCY_CONCERNS: "Concerns about inter-agency working",
}


class Decision(Record):
    """The LSCB chair's decision, advised by the panel (1.5.2, 7.1.2, App 1 Part 2)."""

    date: Date | None = None
    outcome: DecisionOutcome | None = None
    alternative: Alternative | None = None
    alternative_detail: Text | None = None
    reasons: Text | None = None


class TermsOfReference(Record):
    """The terms of reference: the period covered (2.1.1), the questions every IMR addresses
    (2.2.1), and the draft's version and date, which go in its footer (2.2.4), until the LSCB
    chair approves it (2.2.5)."""

    period_start: Date | None = None
    period_end: Date | None = None
    version: Text | None = None
    version_date: Date | None = None
    scope: Text | None = None
    questions: list[Text] = []
    approved_on: Date | None = None


class Meeting(Record):
    date: Date | None = None
    time: ClockTime | None = None
    venue: Text | None = None


class TriggeringCircumstance(Record):
    category: Circumstance
    detail: Text | None = None


class Review(Record):
    reference: Text
    status: ReviewStatus = ReviewStatus.CONSIDERING
    process_profile: Text = "default"
    incident_date: Date
    referral_received: Date
    decision: Decision = Decision()
    presentation_meeting: Date | None = None  # IMRs presented to the panel (12.1)
    ofsted_evaluation_received: Date | None = None  # Ofsted's evaluation letter (13.3.7, 18.1.1)
    executive_summary_published: Date | None = None  # 2.3.5, 13.3.7
    terms_of_reference: TermsOfReference = TermsOfReference()
    authors_briefing: Meeting = Meeting()  # 9.2, App 4
    imr_deadline: Date | None = None  # App 5: IMRs submitted by
    imr_authors_named_by: Date | None = None  # App 5: agencies name their IMR author by
    practitioner_debriefing: Meeting = Meeting()  # 16.2, App 10
    circumstances: list[TriggeringCircumstance] = []
