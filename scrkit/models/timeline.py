"""The review's written timeframe (7.1.4), timeline.yaml.

scrkit keeps each milestone's ``title`` and ``due`` up to date from the process profile
and the key dates; a person records ``done`` (the date it actually happened) and a
``note``. An extension (7.2) is recorded with its new date, reason and when Ofsted was told.
"""

from __future__ import annotations

from scrkit.models.fields import Date, Id, Record, Text


class Correction(Record):
    """A recorded date corrected (`scrkit correct`): what it was, when and why it was changed."""

    was: Date
    corrected_on: Date
    reason: Text


class MilestoneEntry(Record):
    title: Text | None = None  # kept up to date by scrkit from the profile
    due: Date | None = None  # worked out by scrkit; editing it changes nothing
    done: Date | None = None
    # The due date when it was done: its state (on time or late) is judged against this ever after,
    # whatever moves later (issue 13, item 3).
    due_when_done: Date | None = None
    note: Text | None = None
    history: list[Correction] = []  # every correction of ``done``, oldest first


class Extension(Record):
    """7.2.1: the LSCB revises its timetable and informs Ofsted of the new date and reason."""

    new_completion: Date
    reason: Text
    agreed_on: Date | None = None
    ofsted_informed: Date | None = None


class Timeline(Record):
    milestones: dict[Id, MilestoneEntry] = {}
    extension: Extension | None = None  # the extension in force
    earlier_extensions: list[Extension] = []  # every extension it replaced, oldest first (7.2)
