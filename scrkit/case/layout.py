"""What a case folder holds: one YAML file per kind of record, and the working folders.

A review folder looks like this (see README, "The case folder"):

    review.yaml      the review: reference, status, key dates, decision, scope
    child.yaml       the child (App 1 section 2)
    people.yaml      family, significant others and professionals (App 1 sections 3-4)
    referral.yaml    the referral form, Parts 1-3 (App 1)
    agencies.yaml    the agencies, their replies and secured records (5.1, App 2)
    panel.yaml       LSCB chair, panel chair, overview author, panel members (3.1, 4.1)
    board.yaml       the board's details for letters
    timeline.yaml    the written timeframe: each milestone's due and done dates (7.1.4)
    imrs.yaml        the Individual Management Reviews: authors, dates, sign-off (9-12)
    interviews.yaml  interviews of practitioners (11.1)
    actions.yaml     the action plan (13.2, 17, App 13)
    register.yaml    names and pictures the board has decided about before anything is sent (1.9.1)
    meetings.yaml    the panel's meetings: who attends, what each considers and decides (2.2.2, 7.2.2)
    overview.yaml    the overview report's drafts, the authors' confirmations, the executive summary,
                     the adoption (13.1-14.1)
    letters/         rendered letters and forms
    chronology/returns/   the agencies' chronology spreadsheets as they arrive (App 7)
    imrs/            Individual Management Reviews as they arrive (10.1)
    templates/       this review's own versions of letter templates, if any
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from scrkit.models.agencies import Agencies
from scrkit.models.anonymising import AnonymisingRegister
from scrkit.models.board import Board
from scrkit.models.child import Child
from scrkit.models.fields import Record
from scrkit.models.meetings import Meetings
from scrkit.models.overview import Overview
from scrkit.models.panel import Panel
from scrkit.models.panel_business import ActionPlan, Imrs, Interviews
from scrkit.models.people import People
from scrkit.models.referral import Referral
from scrkit.models.review import Review
from scrkit.models.timeline import Timeline


@dataclass(frozen=True)
class RecordKind:
    name: str
    file_name: str
    model: type[Record]
    about: str
    optional: bool = False  # a review made before this record existed reads it as empty


REVIEW = RecordKind("review", "review.yaml", Review, "the review: reference, status, key dates, decision")
CHILD = RecordKind("child", "child.yaml", Child, "the child")
PEOPLE = RecordKind("people", "people.yaml", People, "family, significant others and professionals")
REFERRAL = RecordKind("referral", "referral.yaml", Referral, "the referral form (Appendix 1)")
AGENCIES = RecordKind("agencies", "agencies.yaml", Agencies, "the agencies and their replies")
PANEL = RecordKind("panel", "panel.yaml", Panel, "the chairs, the overview author and the panel")
BOARD = RecordKind("board", "board.yaml", Board, "the board's details for letters")
TIMELINE = RecordKind("timeline", "timeline.yaml", Timeline, "the timetable: due and done dates")
IMRS = RecordKind("imrs", "imrs.yaml", Imrs, "the Individual Management Reviews")
INTERVIEWS = RecordKind("interviews", "interviews.yaml", Interviews, "interviews of practitioners")
ACTIONS = RecordKind("actions", "actions.yaml", ActionPlan, "the action plan")
REGISTER = RecordKind(
    "register", "register.yaml", AnonymisingRegister, "names and pictures decided before sending", optional=True
)

OVERVIEW = RecordKind(
    "overview", "overview.yaml", Overview, "the overview report, the executive summary, the adoption", optional=True
)

MEETINGS = RecordKind("meetings", "meetings.yaml", Meetings, "the panel's meetings", optional=True)

RECORD_KINDS: tuple[RecordKind, ...] = (
    REVIEW, CHILD, PEOPLE, REFERRAL, AGENCIES, PANEL, BOARD, TIMELINE, IMRS, INTERVIEWS, ACTIONS, REGISTER, OVERVIEW,
    MEETINGS,
)  # fmt: skip

# Every path in a case folder besides the records, relative to it; nothing else in scrkit spells them out.
LETTERS = Path("letters")
REVIEW_TEMPLATES = Path("templates")  # the review's own versions of letter templates
RETURNS = Path("chronology") / "returns"
CHRONOLOGY_TEMPLATES = Path("chronology") / "templates"
INTEGRATED_CHRONOLOGY = Path("chronology") / "integrated-chronology.xlsx"
ANONYMISED_CHRONOLOGY = Path("chronology") / "integrated-chronology-anonymised.xlsx"
REPORTS = Path("reports")
EXPORTS = Path("exports")
ANONYMISED = Path("anonymised")
AUDIT_LOG = Path("audit.log")
AUDIT_HEAD = Path(".scrkit-audit-head")
LOCK = Path(".scrkit-lock")
IMRS_RECEIVED = Path("imrs")

# Folders later steps of the review fill; each holds a README.txt saying what goes in it.
WORKING_FOLDERS: dict[Path, str] = {
    LETTERS: "Letters and forms scrkit renders for this review (scrkit letters).",
    RETURNS: "Each agency's chronology spreadsheet (Appendix 7) as it arrives.",
    IMRS_RECEIVED: "Individual Management Reviews as agencies submit them (section 10).",
    REVIEW_TEMPLATES: "This review's own versions of letter templates, if any; same file name as the board's.",
    REPORTS: "The monthly updates, the genogram and other reports, for scrkit export.",
}


def genogram_file(anonymised: bool) -> Path:
    return REPORTS / f"genogram{' anonymised' if anonymised else ''}.svg"


def monthly_update_file(month: dt.date) -> Path:
    return REPORTS / f"{month:%Y-%m} monthly update.docx"
