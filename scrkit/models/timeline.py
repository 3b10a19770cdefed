"""The review's written timeframe (7.1.4), timeline.yaml.

scrkit keeps each milestone's ``title`` and ``due`` up to date from the process profile
and the key dates; a person records ``done`` (the date it actually happened) and a
``note``. An extension (7.2) is recorded with its new date, reason and when Ofsted was told.
"""

from __future__ import annotations

from scrkit.models.fields import Date, Id, PastDate, Record, Text


class Correction(Record):
    """A recorded date corrected (`scrkit correct`): what it was, when and why it was changed."""

    was: Date
    """the date it was before"""
    corrected_on: PastDate
    """the day it was corrected"""
    reason: Text
    """why it was corrected"""


class MilestoneEntry(Record):
    title: Text | None = None
    """what the milestone is: kept up to date by scrkit from the profile"""
    due: Date | None = None
    """when it is due: worked out by scrkit; editing it changes nothing"""
    done: PastDate | None = None
    """the date it actually happened (scrkit done; scrkit correct to change it)"""
    # The due date when it was done: its state (on time or late) is judged against this ever after,
    # whatever moves later (issue 13, item 3).
    due_when_done: Date | None = None
    """the due date it had when it was done: its state (on time or late) is judged against this ever after"""
    note: Text | None = None
    """a note about it"""
    history: list[Correction] = []
    """every correction of its done date, oldest first (scrkit correct)"""


class Extension(Record):
    """7.2.1: the LSCB revises its timetable and informs Ofsted of the new date and reason."""

    new_completion: Date
    """the new completion date"""
    reason: Text
    """why the review needs longer (7.2.1)"""
    agreed_on: PastDate | None = None
    """the date the LSCB agreed it"""
    ofsted_informed: PastDate | None = None
    """the date Ofsted was told of the new date and reason (7.2.1)"""


class Timeline(Record):
    milestones: dict[Id, MilestoneEntry] = {}
    """each milestone of the timetable (7.1.4), under its id; scrkit done records one"""
    extension: Extension | None = None
    """the extension beyond six months in force (7.2): scrkit extend records it"""
    earlier_extensions: list[Extension] = []
    """every extension it replaced, oldest first (7.2); kept by scrkit extend, never edited"""
