"""The end of the review (13.1-14.1), overview.yaml: the overview report's drafts and the panel's
discussion of each, the final draft's circulation to the IMR authors and their confirmations that it
represents their information fully and fairly, the executive summary, and the presentation of the
report to the Board for adoption."""

from __future__ import annotations

from scrkit.models.fields import Date, Id, PastDate, Record, Text


class OverviewDraft(Record):
    """13.1.4-13.1.5: a draft of the overview report; several may be discussed before it is final."""

    version: Text
    """the draft's version, e.g. 1, printed in its footer with its date"""
    date: PastDate
    """the draft's date"""
    discussed_on: PastDate | None = None
    """the date the panel discussed it (13.1.4)"""
    discussion: Text | None = None
    """what the panel said of it, in brief (13.1.4)"""


class AuthorConfirmation(Record):
    """13.1.6: an IMR author's answer to the final draft: their information fully and fairly represented,
    or an objection and the panel's response to it."""

    agency: Id
    """the id in agencies.yaml of the agency whose IMR author the final draft went to"""
    author: Text
    """the IMR author it went to"""
    confirmed: PastDate | None = None
    """the date the author confirmed the report fully and fairly represents their information (13.1.6)"""
    objection: Text | None = None
    """what the author said is not fully or fairly represented"""
    objected_on: PastDate | None = None
    """the date of the objection"""
    panel_response: Text | None = None
    """the panel's response to the objection"""
    responded_on: PastDate | None = None
    """the date the panel responded"""


class Circulation(Record):
    """13.1.6: the final draft sent to every IMR author (scrkit overview circulate)."""

    version: Text | None = None
    """the version of the draft sent as the final draft"""
    sent: PastDate | None = None
    """the date it was sent"""
    authors: list[AuthorConfirmation] = []
    """each IMR author it was sent to, with their answer, one entry each"""


class ExecutiveSummary(Record):
    """13.3: completed by the overview author, circulated to the panel for comment (13.3.4); its five
    elements are those of 13.3.2, and the action plan follows in full (13.2.1)."""

    purpose_and_scope: Text | None = None
    """the purpose and scope of the review (13.3.2)"""
    review_process: Text | None = None
    """an outline of the review process, including the organisations that provided information (13.3.2)"""
    circumstances: Text | None = None
    """a brief outline of the circumstances that led to the review (13.3.2)"""
    key_issues: Text | None = None
    """a succinct account of the key issues arising from the case (13.3.2)"""
    intended_actions: Text | None = None
    """the intended actions, including any already completed (13.3.2); the action plan follows in full"""
    circulated_to_panel: PastDate | None = None
    """the date the draft went to the panel for comment (13.3.4)"""
    final_on: PastDate | None = None
    """the date it was marked final (scrkit overview summary-final), refused while an element is empty"""


class Adoption(Record):
    """14.1: the formal presentation to the Board; the adoption itself is the completion milestone."""

    presented_by: list[Text] = []
    """who presented the report and draft action plan: the panel chair with the overview author (14.1.1)"""
    commitment: Text | None = None
    """the commitment secured from senior officers to implement the recommendations (14.1.2)"""
    other_processes_considered: Text | None = None
    """how information from a trial, inquest or other process not yet concluded was considered (14.1.3)"""
    performance_monitoring: PastDate | None = None
    """the date it was sent to the Performance Monitoring sub group to monitor the action plans (14.1.4)"""


class AfterAdoption(Record):
    """What follows the adoption: the family's feedback (13.2.1, 6.2.2) and the learning from Ofsted's
    evaluation letter (18.1); the letter itself, its grades and the publication are in review.yaml."""

    family_feedback_on: Date | None = None
    """the day of the feedback meeting with the child (if surviving) and the family (13.2.1, 6.2.2)"""
    family_feedback_notes: Text | None = None
    """who was met and what they were told, in brief"""
    evaluation_studied_on: PastDate | None = None
    """the date the LSCB chair, business manager, panel chair and overview author studied Ofsted's letter (18.1.2)"""
    inspector_discussion_on: PastDate | None = None
    """the date of the discussion Ofsted offers with the inspector who evaluated the review (18.1.3)"""
    evaluation_learning: Text | None = None
    """the learning on process taken from the evaluation, and the good practice it found (18.1.2-18.1.3)"""


class Overview(Record):
    drafts: list[OverviewDraft] = []
    """the overview report's drafts, oldest first (13.1.4, 13.1.5); scrkit overview draft adds one"""
    circulation: Circulation = Circulation()
    """the final draft's circulation to the IMR authors and their confirmations (13.1.6)"""
    executive_summary: ExecutiveSummary = ExecutiveSummary()
    """the executive summary's elements and dates (13.3)"""
    adoption: Adoption = Adoption()
    """the presentation to the Board and what followed it (14.1); scrkit overview adopt records it"""
    after: AfterAdoption = AfterAdoption()
    """the family's feedback and the learning from Ofsted's evaluation (13.2.1, 18.1)"""
