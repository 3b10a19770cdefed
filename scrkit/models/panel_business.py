"""The panel's business after the decision: IMRs (sections 9-12), interviews (11.1) and the
action plan (13.2, 17, Appendix 13); imrs.yaml, interviews.yaml and actions.yaml."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Date, Id, PastDate, Record, Text, YesNo


class ImrAuthor(Record):
    name: Text
    """their full name"""
    role: Text | None = None
    """their job title"""
    seniority: Text | None = None
    """how senior they are: senior enough to work at all levels of the agency (9.1.1)"""


class ImrReturn(Record):
    """4.1.1: an IMR sent back for further work, and why."""

    on: PastDate
    """the date it was sent back"""
    reason: Text
    """why it was sent back"""
    resubmitted: PastDate | None = None
    """the date it came back"""


class Imr(Record):
    agency: Id
    """the id in agencies.yaml of the agency that writes it"""
    author: ImrAuthor | None = None
    """its author (9.1)"""
    directly_concerned: YesNo | None = None
    """was the author concerned with the child or family? They must not be (9.1.2)"""
    line_manager_of_practitioners: YesNo | None = None
    """was the author the practitioners' immediate manager? They must not be (9.1.2)"""
    commissioned: PastDate | None = None
    """the date it was commissioned (10.1.1, App 5)"""
    briefing_attended: YesNo | None = None
    """did the author attend the authors' briefing? (9.2)"""
    due: Date | None = None
    """the date it is due: the review's IMR deadline unless agreed otherwise (App 5)"""
    submitted: PastDate | None = None
    """the date it first arrived; a resubmission does not change it"""
    quality_assured_by: Text | None = None
    """the senior officer who commissioned it and assured its quality (6.3.3, 9.1.3)"""
    quality_assured_on: PastDate | None = None
    """the date its quality was assured"""
    signed_off_by: Text | None = None
    """the chief executive or director who signed it off (App 14 4.4)"""
    signed_off_on: PastDate | None = None
    """the date it was signed off"""
    presented: PastDate | None = None
    """the date its author presented it to the panel (12.1)"""
    returned: list[ImrReturn] = []
    """each time the panel sent it back for further work, oldest first (4.1.1)"""


class Imrs(Record):
    imrs: list[Imr] = []
    """the Individual Management Reviews, one per agency (9-12); commissioning creates them"""


class Interview(Record):
    """11.1: an interview of a practitioner by an IMR author."""

    id: Id
    """the interview's id, e.g. int-1"""
    practitioner: Id
    """the id in people.yaml of the professional interviewed"""
    interviewer: Text
    """who interviews them, usually the IMR author"""
    date: Date
    """the day of the interview"""
    venue: Text | None = None
    """where it is held"""
    notice_given: PastDate | None = None
    """the date the practitioner was told: at least two weeks before (11.1.3)"""
    supporter: Text | None = None
    """who supports them, e.g. a colleague or union representative (11.1.3)"""
    transcript_sent: PastDate | None = None
    """the date the transcript was sent to them to check (11.1.6)"""
    transcript_approved: PastDate | None = None
    """the date they approved it (11.1.6)"""


class Interviews(Record):
    interviews: list[Interview] = []
    """interviews of practitioners by IMR authors (11.1), one entry each"""


class Scope(StrEnum):
    SINGLE_AGENCY = "single-agency"
    MULTI_AGENCY = "multi-agency"


class Action(Record):
    id: Id
    """the action's id, e.g. r1-a1"""
    action: Text
    """what is to be done"""
    by_whom: Text | None = None
    """who does it: a role and organisation"""
    by_when: Date | None = None
    """the date it is to be done by"""
    taken: Text | None = None
    """the actions taken so far"""
    audit: Text | None = None
    """information for audit: how success will be measured (17.1.1)"""
    done: PastDate | None = None
    """the date it was completed"""


class Recommendation(Record):
    id: Id
    """the recommendation's id, e.g. r1"""
    outcome: Text | None = None
    """what is expected to change (App 13 "Outcome")"""
    recommendation: Text
    """the recommendation as the overview report words it"""
    scope: Scope = Scope.MULTI_AGENCY
    """single-agency or multi-agency (1.6.7)"""
    agency: Id | None = None
    """the id in agencies.yaml of the agency, for a single-agency recommendation"""
    actions: list[Action] = []
    """the actions that carry it out (App 13), one entry each"""


class ActionPlan(Record):
    recommendations: list[Recommendation] = []
    """the review's recommendations, each with its actions (13.2, App 13)"""
    signed_off_on: PastDate | None = None
    """the date the LSCB signed off the plan, formally concluding the SCR (17.1.2)"""
    signed_off_by: Text | None = None
    """who signed it off for the LSCB"""
