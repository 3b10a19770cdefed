"""The review itself: its reference, status, key dates, decision and scope (review.yaml)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, model_validator

from scrkit.models.child import Child
from scrkit.models.fields import ClockTime, Date, Record, Text, YesNo


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


class EarlierDecision(Record):
    """A decision the chair later revised (1.5.6): kept as it was, with why it changed."""

    date: Date
    outcome: DecisionOutcome
    alternative: Alternative | None = None
    reasons: Text | None = None
    revised_on: Date
    why_revised: Text


class Decision(Record):
    """The LSCB chair's decision, advised by the panel (1.5.2, 7.1.2, App 1 Part 2)."""

    date: Date | None = None
    outcome: DecisionOutcome | None = None
    alternative: Alternative | None = None
    alternative_detail: Text | None = None
    reasons: Text | None = None
    # 1.2.2: a child's death with abuse or neglect known or suspected always has an SCR; deciding
    # otherwise needs the chair's recorded reason, which `scrkit check` reports.
    override_1_2_2: Text | None = None
    history: list[EarlierDecision] = []  # every earlier decision, oldest first


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


class FamilyInvolvement(Record):
    """6.1: how the family is involved, decided by the panel when drawing up the terms of reference."""

    decided_on: Date | None = None
    decision: Text | None = None  # e.g. notification only; views in writing; interview with the overview author
    reasons: Text | None = None


class CourtDate(Record):
    """1.7.2: the Department is told the expected dates of court proceedings and their outcomes."""

    date: Date
    hearing: Text  # e.g. plea hearing, trial, sentencing, inquest
    outcome: Text | None = None  # the verdict or sentence, once known


class ParallelProcess(Record):
    """2.1, 1.7: criminal proceedings, an inquest, a domestic homicide review, disciplinary action..."""

    kind: Text
    detail: Text | None = None
    taken_into_account: Text | None = None  # how the review takes account of it
    court_dates: list[CourtDate] = []  # 1.7.2


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
    overall: Grade | None = None
    grades: dict[Element, Grade] = {}


class Publication(Record):
    """8.1.9, 13.3.6: what the LSCB decided to publish, and when."""

    overview_report: Text | None = None  # published in full unless there are compelling reasons (8.1.9)
    executive_summary: Text | None = None
    planned_on: Date | None = None


class Retention(Record):
    """15.1.5: papers kept for 7 years; scrkit never deletes anything, it reports what is due."""

    years: Annotated[int, Field(ge=1, le=100)] = 7  # 15.1.5; a board's policy may say more
    policy_reference: Text | None = None
    legal_hold: YesNo = False
    hold_reason: Text | None = None


class TriggeringCircumstance(Record):
    category: Circumstance
    detail: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _letter_alone(cls, value: Any) -> Any:
        # `circumstances: [b, e]`, as the record's comment reads: each letter is a circumstance with no detail.
        return {"category": value.strip()} if isinstance(value, str) else value


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
    family_involvement: FamilyInvolvement = FamilyInvolvement()  # 6.1
    media_interest: Text | None = None  # 2.3.1: interest the case has attracted or is likely to attract
    parallel_processes_considered: YesNo | None = None  # 2.1.1: the panel has asked the question
    parallel_processes: list[ParallelProcess] = []  # 2.1, 1.7
    ofsted_evaluation: OfstedEvaluation = OfstedEvaluation()  # 18.1
    publication: Publication = Publication()  # 8.1.9, 13.3.6
    retention: Retention = Retention()  # 15.1.5
    circumstances: list[TriggeringCircumstance] = []


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
