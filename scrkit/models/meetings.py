"""The panel's meetings (2.2.2, 7.2.2, 12.1, 13.1.4), meetings.yaml: when each is, who attends, what it
considers, what it decides, and whether it reviewed progress against the written timeframe."""

from __future__ import annotations

from scrkit.models.fields import ClockTime, Date, Id, PastDate, Record, Text, YesNo


class PanelMeeting(Record):
    id: Id
    """the meeting's id, e.g. panel-3"""
    date: Date
    """the day it is held"""
    time: ClockTime | None = None
    """the time it starts, in 24 hours, e.g. 10:00"""
    venue: Text | None = None
    """where it is held"""
    attendees: list[Id] = []
    """who attends: ids in panel.yaml's members, or the roles panel-chair, overview-author, lscb-chair,
    business-manager, administrator"""
    considers: list[Text] = []
    """what it considers, one entry each, e.g. terms of reference version 2; IMR presentations; overview draft 2"""
    decisions: list[Text] = []
    """what it decided, one entry each"""
    actions: list[Text] = []
    """the actions it agreed, each with who and by when, one entry each"""
    progress_reviewed: YesNo | None = None
    """did it review progress against the written timeframe? Every meeting should (7.2.2)"""
    minutes_approved: PastDate | None = None
    """the date its minutes were approved"""


class Meetings(Record):
    meetings: list[PanelMeeting] = []
    """the panel's meetings, oldest first, one entry each; add one with scrkit add meetings"""


# The roles an attendee may be named by besides a panel member's id (panel.yaml).
ATTENDING_ROLES = ("panel-chair", "overview-author", "lscb-chair", "business-manager", "administrator")
