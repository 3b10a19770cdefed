"""The review itself: its reference, status, key dates, decision and scope (review.yaml)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, model_validator

from scrkit.models.child import Child
from scrkit.models.fields import ClockTime, Date, PastDate, Record, Text, YesNo


class ReviewStatus(StrEnum):
    """Where the review stands in its process, in order; scrkit sets it as the steps are recorded
    (scrkit.timeline.lifecycle), each step named in the process profile's ``status`` field."""

    REFERRED = "referred"  # referral received, the LSCB chair has not decided (1.6.2, 1.6.3, 7.1.2)
    DECIDED_SCR = "decided-scr"  # the chair decided to hold an SCR (7.1.2)
    NOT_AN_SCR = "not-an-scr"  # the chair decided not to; an alternative may follow (1.5.2, App 1 Part 2)
    IN_PROGRESS = "in-progress"  # the review (or its alternative) is under way
    APPROVED = "approved"  # the LSCB approved the final SCR (1.6.7, 14.1)
    SUBMITTED = "submitted"  # sent to Ofsted, the SHA and the Department (1.6.7, 14.1.5)
    PUBLISHED = "published"  # the published executive summary sent to Ofsted (13.3.7)
    CLOSED = "closed"  # the LSCB signed off the action plan's completion (17.1.2), or the alternative ended


# Words earlier versions of scrkit wrote in review.yaml, read as the status they meant.
EARLIER_STATUS_WORDS = {
    "considering": ReviewStatus.REFERRED,
    "completed": ReviewStatus.APPROVED,
    "not-proceeding": ReviewStatus.NOT_AN_SCR,
}


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


class EarlierDecision(Record):
    """A decision the chair later revised (1.5.6): kept as it was, with why it changed."""

    date: PastDate
    """date of the earlier decision"""
    outcome: DecisionOutcome
    """what was decided then"""
    alternative: Alternative | None = None
    """the alternative chosen then, if not an SCR"""
    reasons: Text | None = None
    """the reasons given then"""
    revised_on: PastDate
    """date the decision was revised"""
    why_revised: Text
    """why it was revised (1.5.6)"""


class Decision(Record):
    """The LSCB chair's decision, advised by the panel (1.5.2, 7.1.2, App 1 Part 2)."""

    date: PastDate | None = None
    """date the LSCB chair decided"""
    outcome: DecisionOutcome | None = None
    """scr to hold a Serious Case Review, not-scr otherwise"""
    alternative: Alternative | None = None
    """if not an SCR, what is done instead (1.5.2, App 1 Part 2)"""
    alternative_detail: Text | None = None
    """more about the alternative, e.g. which agencies hold single-agency reviews"""
    reasons: Text | None = None
    """why the chair decided so (App 1 Part 2)"""
    # 1.2.2: a child's death with abuse or neglect known or suspected always has an SCR; deciding
    # otherwise needs the chair's recorded reason, which `scrkit check` reports.
    override_1_2_2: Text | None = None
    """why this is not an SCR although 1.2.2 says such a case always is one (scrkit decide --override-1-2-2); scrkit
    check reports it"""
    history: list[EarlierDecision] = []
    """every earlier decision the chair revised (1.5.6), oldest first; kept by scrkit decide --revise, never edited"""


class TermsOfReference(Record):
    """The terms of reference: the period covered (2.1.1), the questions every IMR addresses
    (2.2.1), and the draft's version and date, which go in its footer (2.2.4), until the LSCB
    chair approves it (2.2.5)."""

    period_start: Date | None = None
    """first day of the period of the child's life the review covers (2.1.1)"""
    period_end: Date | None = None
    """last day of that period, usually the day of the incident"""
    version: Text | None = None
    """the draft's version number, printed in its footer (2.2.4)"""
    version_date: Date | None = None
    """the draft's date, printed in its footer (2.2.4)"""
    scope: Text | None = None
    """what the review will examine"""
    questions: list[Text] = []
    """the questions every IMR addresses (2.2.1), one entry each"""
    approved_on: PastDate | None = None
    """date the LSCB chair approved them (2.2.5); until then they are a DRAFT"""


class Meeting(Record):
    date: Date | None = None
    """the day it is held"""
    time: ClockTime | None = None
    """the time it starts, in 24 hours, e.g. 10:00"""
    venue: Text | None = None
    """where it is held"""


class FamilyInvolvement(Record):
    """6.1: how the family is involved, decided by the panel when drawing up the terms of reference."""

    decided_on: PastDate | None = None
    """date the panel decided, when drawing up the terms of reference"""
    decision: Text | None = None
    """what was decided, e.g. notification only; views in writing; interview with the overview author"""
    reasons: Text | None = None
    """why"""


class CourtDate(Record):
    """1.7.2: the Department is told the expected dates of court proceedings and their outcomes."""

    date: Date
    """the day of the hearing"""
    hearing: Text
    """what the hearing is, e.g. plea hearing, trial, sentencing, inquest"""
    outcome: Text | None = None
    """the verdict or sentence, once known"""


class ParallelProcess(Record):
    """2.1, 1.7: criminal proceedings, an inquest, a domestic homicide review, disciplinary action..."""

    kind: Text
    """what it is, e.g. criminal, inquest, domestic homicide review"""
    detail: Text | None = None
    """more about it, e.g. the charge or the coroner"""
    taken_into_account: Text | None = None
    """how the review takes account of it"""
    court_dates: list[CourtDate] = []
    """its hearings, which the Department is told of (1.7.2)"""


class Grade(StrEnum):
    """Appendix 12's four grades."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    SATISFACTORY = "satisfactory"
    INADEQUATE = "inadequate"


class Element(StrEnum):
    """The elements Ofsted grades (Appendix 12)."""

    TIMESCALES = "timescales"
    SCOPE = "scope-of-the-review"
    CONTRIBUTION = "contribution-of-relevant-agencies"
    INDEPENDENT = "independent-element"
    FAMILY = "involvement-of-family-members"
    PARALLEL = "links-to-parallel-investigations"
    IMRS = "individual-management-reviews"
    OVERVIEW = "overview-report"
    LESSONS = "lessons-to-be-learned"
    ACTION_PLAN = "action-plan"
    EXECUTIVE_SUMMARY = "executive-summary"


class OfstedEvaluation(Record):
    """18.1.1: the evaluation letter: the inspector, the overall grade and each element's grade (App 12)."""

    inspector: Text | None = None
    """the inspector who signed the letter"""
    overall: Grade | None = None
    """the overall grade (App 12)"""
    grades: dict[Element, Grade] = {}
    """each element's grade (App 12), written element: grade, e.g. timescales: good"""


class Publication(Record):
    """8.1.9, 13.3.6: what the LSCB decided to publish, and when."""

    overview_report: Text | None = None
    """what is published of the overview report: in full unless there are compelling reasons (8.1.9)"""
    executive_summary: Text | None = None
    """what is published of the executive summary (13.3)"""
    planned_on: Date | None = None
    """the planned publication date (13.3.6)"""


class Retention(Record):
    """15.1.5: papers kept for 7 years; scrkit never deletes anything, it reports what is due."""

    years: Annotated[int, Field(ge=1, le=100)] = 7
    """years the papers are kept after the review completes (15.1.5 says 7; a board's policy may say more)"""
    policy_reference: Text | None = None
    """the board's retention policy that sets the period, if not 15.1.5"""
    legal_hold: YesNo = False
    """must the papers be kept whatever the period, e.g. while proceedings run?"""
    hold_reason: Text | None = None
    """why they are held"""


class TriggeringCircumstance(Record):
    category: Circumstance
    """the circumstance's letter, a to e (App 1 section 5)"""
    detail: Text | None = None
    """more about it"""

    @model_validator(mode="before")
    @classmethod
    def _letter_alone(cls, value: Any) -> Any:
        # `circumstances: [b, e]`, as the record's comment reads: each letter is a circumstance with no detail.
        return {"category": value.strip()} if isinstance(value, str) else value


class Review(Record):
    reference: Text
    """the board's reference for this review, e.g. SCR-2026-03"""
    status: ReviewStatus = ReviewStatus.REFERRED
    """where the review stands: referred, decided-scr or not-an-scr, in-progress, approved (by the LSCB, 14.1),
    submitted (to Ofsted, 14.1.5), published (13.3.7), closed (17.1.2); scrkit sets it as each step is recorded"""
    process_profile: Text = "default"
    """the timetable this review follows (a profile in scrkit or the board's own)"""
    incident_date: PastDate
    """date of the critical incident (App 1 section 2)"""
    referral_received: PastDate
    """date the LSCB chair received the referral (5.1.1)"""
    decision: Decision = Decision()
    """the LSCB chair's decision whether to hold a Serious Case Review (7.1.2, App 1 Part 2); record it with scrkit
    decide"""
    presentation_meeting: Date | None = None
    """the meeting where IMR authors present their reports to the panel (12.1)"""
    ofsted_evaluation_received: PastDate | None = None
    """date Ofsted's evaluation letter arrived (13.3.7, 18.1.1)"""
    executive_summary_published: PastDate | None = None
    """date the executive summary was published (2.3.5, 13.3.7)"""
    terms_of_reference: TermsOfReference = TermsOfReference()
    """the terms of reference: the period covered (2.1.1), the scope and the questions every IMR addresses (2.2.1)"""
    authors_briefing: Meeting = Meeting()
    """the briefing for IMR and overview authors (9.2, App 4)"""
    imr_deadline: Date | None = None
    """the date IMRs are to be submitted by (App 5)"""
    imr_authors_named_by: Date | None = None
    """the date agencies confirm their IMR author by (App 5)"""
    practitioner_debriefing: Meeting = Meeting()
    """the de-briefing for practitioners after the LSCB approves the review (16.2, App 10)"""
    family_involvement: FamilyInvolvement = FamilyInvolvement()
    """how the family is involved in the review (6.1)"""
    media_interest: Text | None = None
    """media interest the case has attracted or is likely to attract (2.3.1)"""
    parallel_processes_considered: YesNo | None = None
    """has the panel considered parallel investigations and proceedings? (2.1.1)"""
    parallel_processes: list[ParallelProcess] = []
    """criminal proceedings, an inquest, a domestic homicide review, disciplinary action and the like running beside
    the review (2.1, 1.7)"""
    ofsted_evaluation: OfstedEvaluation = OfstedEvaluation()
    """Ofsted's evaluation letter (18.1.1)"""
    publication: Publication = Publication()
    """what the LSCB decided to publish, and when (8.1.9, 13.3.6)"""
    retention: Retention = Retention()
    """how long the review's papers are kept (15.1.5); scrkit never destroys anything, it reports what is due"""
    circumstances: list[TriggeringCircumstance] = []
    """what triggered the referral (App 1 section 5): a death, b serious harm, c parent murdered, d killed by a parent
    with a mental illness, e inter-agency concerns; write the letters, e.g. [b, e], or an entry each with its detail"""

    @model_validator(mode="before")
    @classmethod
    def _earlier_status_words(cls, value: Any) -> Any:
        # A review.yaml written by an earlier scrkit says considering, completed or not-proceeding.
        word = value.get("status") if isinstance(value, dict) else None
        status = EARLIER_STATUS_WORDS.get(word.strip()) if isinstance(word, str) else None
        if status is not None:
            return {**value, "status": status.value}
        return value


ALWAYS_AN_SCR = (Circumstance.DEATH, Circumstance.KILLED_BY_PARENT_MENTAL_ILLNESS)  # 1.2.2: "will always"
_CUSTODY = ("custody", "remand", "young offender", "yoi", "secure training", "mental health act", "detained")


def always_an_scr(review: Review, child: Child) -> str | None:
    """Why 1.2.2 says this review must be an SCR, or ``None``."""
    circumstances = {item.category for item in review.circumstances}
    if Circumstance.DEATH in circumstances:
        return "the child died and abuse or neglect is known or suspected (circumstance a)"
    if Circumstance.KILLED_BY_PARENT_MENTAL_ILLNESS in circumstances:
        return "the child was killed by a parent with a mental illness (circumstance d)"
    where = (child.whereabouts_at_incident or "").casefold()
    if child.date_of_death and any(word in where for word in _CUSTODY):
        return f"the child died in custody or detained ({child.whereabouts_at_incident})"
    return None
