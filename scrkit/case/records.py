"""Every record of one review, validated: what the domain packages take as input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrkit.case.layout import RecordKind
from scrkit.models.agencies import Agencies, Agency
from scrkit.models.anonymising import AnonymisingRegister
from scrkit.models.board import Board
from scrkit.models.child import Child
from scrkit.models.meetings import Meetings
from scrkit.models.overview import Overview
from scrkit.models.panel import Panel
from scrkit.models.panel_business import ActionPlan, Imrs, Interviews
from scrkit.models.people import People
from scrkit.models.referral import Referral
from scrkit.models.review import Review
from scrkit.models.timeline import Timeline


@dataclass(frozen=True)
class ReviewRecords:
    """Every record of one review, validated, with the round-trip documents they came from
    (``documents`` gives each record's comments and line numbers, to name a line in a problem)."""

    folder: Path
    review: Review
    child: Child
    people: People
    referral: Referral
    agencies: Agencies
    panel: Panel
    board: Board
    timeline: Timeline
    imrs: Imrs
    interviews: Interviews
    actions: ActionPlan
    register: AnonymisingRegister
    overview: Overview
    meetings: Meetings
    documents: Mapping[str, Any]

    def agency(self, agency_id: str) -> Agency | None:
        return next((agency for agency in self.agencies.agencies if agency.id == agency_id), None)

    def path_of(self, kind: RecordKind) -> Path:
        return self.folder / kind.file_name
