"""Jobs for `scrkit overview`: the overview report's drafts, the IMR authors' confirmations, the
executive summary and the adoption (13.1-14.1). Each opens the review, makes one step under its lock,
and writes once with one audit entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrkit.case.layout import OVERVIEW
from scrkit.case.records import ReviewRecords
from scrkit.jobs.timeline import mark_done, refreshed
from scrkit.models.overview import Overview
from scrkit.overview import steps
from scrkit.overview.steps import ADOPTION
from scrkit.review.casefolder import CaseFolder
from scrkit.timeline.recording import Timetable, timetable_of


def _step(review: Path, command: str, note: str, make: Callable[[ReviewRecords, Any], Any]) -> Any:
    with CaseFolder.open(review).changing(command) as change:
        result = make(change.records, change.document(OVERVIEW))
        change.note(note)
        change.revalidate()
        return result


@dataclass(frozen=True)
class Standing:
    overview: Overview
    after_adoption: tuple[str, ...]  # publication and evaluation, in words (13.3.6, 13.3.7, 18.1)


def standing(review: Path) -> Standing:
    """`scrkit overview`: where the end of the review stands, from one reading of the review."""
    from scrkit.overview.publication import after_adoption_lines

    records = CaseFolder.open(review).load()
    return Standing(overview=records.overview, after_adoption=tuple(after_adoption_lines(records)))


def add_draft(review: Path, version: str, on: dt.date, today: dt.date) -> None:
    _step(review, "overview draft", f"overview report draft {version} of {on.isoformat()}",
          lambda records, document: steps.add_draft(records, document, version, on, today))  # fmt: skip


def record_discussion(review: Path, version: str, on: dt.date, note: str, today: dt.date) -> None:
    _step(review, "overview discussed", f"panel discussed overview draft {version} on {on.isoformat()}",
          lambda records, document: steps.record_discussion(records, document, version, on, note, today))  # fmt: skip


def circulate(review: Path, version: str, on: dt.date, today: dt.date) -> list[str]:
    return _step(
        review, "overview circulate", f"final overview draft {version} sent to the IMR authors on {on.isoformat()}",
        lambda records, document: steps.circulate(records, document, version, on, today),
    )  # fmt: skip


def confirm(review: Path, agency: str, on: dt.date, today: dt.date) -> None:
    _step(review, "overview confirm", f"{agency} IMR author confirmed fair representation on {on.isoformat()}",
          lambda records, document: steps.confirm(records, document, agency, on, today))  # fmt: skip


def object_to(review: Path, agency: str, on: dt.date, objection: str, today: dt.date) -> None:
    _step(review, "overview object", f"{agency} IMR author objected on {on.isoformat()}",
          lambda records, document: steps.object_to(records, document, agency, on, objection, today))  # fmt: skip


def respond(review: Path, agency: str, on: dt.date, response: str, today: dt.date) -> None:
    _step(review, "overview respond", f"panel responded to {agency}'s objection on {on.isoformat()}",
          lambda records, document: steps.respond(records, document, agency, on, response, today))  # fmt: skip


def summary_final(review: Path, on: dt.date, today: dt.date) -> None:
    _step(review, "overview summary-final", f"executive summary final on {on.isoformat()}",
          lambda records, document: steps.summary_final(records, document, on, today))  # fmt: skip


@dataclass(frozen=True)
class Adopted:
    timetable: Timetable
    on: dt.date


def adopt(
    review: Path,
    on: dt.date,
    presented_by: list[str],
    commitment: str,
    other_processes: str | None,
    today: dt.date,
) -> Adopted:
    """14.1: the presentation to the Board and the adoption, recorded as the completion milestone, refused
    until every IMR author has confirmed fair representation (13.1.6) and other processes are considered
    (14.1.3)."""
    with CaseFolder.open(review).changing("overview adopt") as change:
        steps.record_adoption(change.document(OVERVIEW), presented_by, commitment, other_processes)
        mark_done(change, ADOPTION, on, "adopted by the LSCB (scrkit overview adopt)", today)
        return Adopted(timetable=refreshed(change), on=on)


def hand_over(review: Path, on: dt.date, today: dt.date) -> None:
    def make(records: ReviewRecords, document: Any) -> None:
        adopted = timetable_of(records).schedule.get(ADOPTION)
        steps.hand_over(records, document, on, adopted.done if adopted else None, today)

    _step(review, "overview hand-over", f"SCR handed to the Performance Monitoring sub group on {on.isoformat()}", make)
