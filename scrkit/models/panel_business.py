"""The panel's business after the decision: IMRs (sections 9-12), interviews (11.1) and the
action plan (13.2, 17, Appendix 13); imrs.yaml, interviews.yaml and actions.yaml."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Date, Id, Record, Text, YesNo


class ImrAuthor(Record):
    name: Text
    role: Text | None = None
    seniority: Text | None = None  # 9.1.1: senior enough to work at all levels of the agency


class ImrReturn(Record):
    """4.1.1: an IMR sent back for further work, and why."""

    on: Date
    reason: Text
    resubmitted: Date | None = None


class Imr(Record):
    agency: Id  # the id of an agency in agencies.yaml
    author: ImrAuthor | None = None
    directly_concerned: YesNo | None = None  # 9.1.2: was the author concerned with the child or family?
    line_manager_of_practitioners: YesNo | None = None  # 9.1.2: or the practitioners' immediate manager?
    commissioned: Date | None = None  # 10.1.1, App 5
    briefing_attended: YesNo | None = None  # 9.2
    due: Date | None = None
    submitted: Date | None = None
    quality_assured_by: Text | None = None  # 6.3.3, 9.1.3: the senior officer who commissioned it
    quality_assured_on: Date | None = None
    signed_off_by: Text | None = None  # App 14 4.4: chief executive or director
    signed_off_on: Date | None = None
    presented: Date | None = None  # 12.1
    returned: list[ImrReturn] = []


class Imrs(Record):
    imrs: list[Imr] = []


class Interview(Record):
    """11.1: an interview of a practitioner by an IMR author."""

    id: Id
    practitioner: Id  # the id of a professional in people.yaml
    interviewer: Text
    date: Date
    venue: Text | None = None
    notice_given: Date | None = None  # 11.1.3: at least two weeks before
    supporter: Text | None = None  # 11.1.3: a colleague or union representative
    transcript_sent: Date | None = None  # 11.1.6
    transcript_approved: Date | None = None


class Interviews(Record):
    interviews: list[Interview] = []


class Scope(StrEnum):
    SINGLE_AGENCY = "single-agency"
    MULTI_AGENCY = "multi-agency"


class Action(Record):
    id: Id
    action: Text
    by_whom: Text | None = None
    by_when: Date | None = None
    taken: Text | None = None  # actions taken so far
    audit: Text | None = None  # information for audit: how success will be measured (17.1.1)
    done: Date | None = None


class Recommendation(Record):
    id: Id
    outcome: Text | None = None  # what is expected to change (App 13 "Outcome")
    recommendation: Text
    scope: Scope = Scope.MULTI_AGENCY  # 1.6.7: single and multi-agency plans
    agency: Id | None = None  # for a single-agency recommendation
    actions: list[Action] = []


class ActionPlan(Record):
    recommendations: list[Recommendation] = []
    signed_off_on: Date | None = None  # 17.1.2: the LSCB formally concludes the SCR
    signed_off_by: Text | None = None
