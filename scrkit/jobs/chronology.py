"""Jobs for `scrkit chronology template` and `scrkit merge-chronology` (App 7)."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scrkit.case.layout import ANONYMISED_CHRONOLOGY, CHRONOLOGY_TEMPLATES, INTEGRATED_CHRONOLOGY
from scrkit.chronology.integrate import MergeResult, merge_returns
from scrkit.errors import BadInput
from scrkit.models.agencies import Agency, RequestReply
from scrkit.review.casefolder import CaseFolder

if TYPE_CHECKING:
    pass


def write_templates(review: Path, agency_id: str = "all", word: bool = False) -> list[Path]:
    """The App 7 workbook (or Word table) for one agency, or for every agency that replied 'involved'."""
    from scrkit.chronology.template import template_for_agency, word_template_for_agency

    with CaseFolder.open(review).changing("chronology template") as change:
        records = change.records
        chosen: list[Agency]
        if agency_id == "all":
            chosen = [a for a in records.agencies.agencies if a.request_reply == RequestReply.INVOLVED]
            if not chosen:
                raise BadInput("No agency has replied 'involved' yet; name one with --agency ID.")
        else:
            found = records.agency(agency_id)
            if found is None:
                known = ", ".join(a.id for a in records.agencies.agencies) or "none yet"
                raise BadInput(f"There is no agency '{agency_id}' in agencies.yaml (agencies there: {known}).")
            chosen = [found]
        written = []
        for agency in chosen:
            made = word_template_for_agency(records, agency) if word else template_for_agency(records, agency)
            written.append(change.write_file(change.path / CHRONOLOGY_TEMPLATES / made.file_name, made.content))
    return written


@dataclass(frozen=True)
class MergeOutcome:
    result: MergeResult
    written: tuple[Path, ...]


def merge_chronology(
    review: Path,
    files: list[Path],
    *,
    today: dt.date,
    gap_days: int,
    out: Path | None = None,
    docx: bool = False,
    strict: bool = False,
    anonymise: bool = False,
    progress: Callable[[str], None] = lambda step: None,
) -> MergeOutcome:
    """Read every return, merge them, and write the integrated chronology (anonymised if asked)."""
    from scrkit.chronology.output import docx_bytes, write_workbook

    if gap_days < 1:
        raise BadInput("--gap-days must be at least 1.")
    with _cycle_collector_paused(), CaseFolder.open(review).changing("merge-chronology") as change:
        records = change.records
        result = merge_returns(
            records, files, today, gap_days, strict, progress=lambda path: progress(f"Reading {path.name}")
        )
        progress("Writing the integrated chronology")
        agencies = {agency.id: agency.name for agency in records.agencies.agencies}
        title = f"Integrated chronology, Serious Case Review {records.review.reference}"
        target = out or change.path / (ANONYMISED_CHRONOLOGY if anonymise else INTEGRATED_CHRONOLOGY)
        with change.output(target) as temporary:
            write_workbook(temporary, result.chronology, result.reads, agencies, title, records.review.reference)
            if anonymise:
                from scrkit.jobs.anonymise import clean_copies

                temporary.write_bytes(clean_copies(records, [(target.name, temporary.read_bytes())])[0])
        written = [target]
        if docx:
            document = docx_bytes(result.chronology, agencies, title, records.review.reference)
            if anonymise:
                from scrkit.jobs.anonymise import clean_copies

                document = clean_copies(records, [(target.with_suffix(".docx").name, document)])[0]
            written.append(change.write_file(target.with_suffix(".docx"), document))
    return MergeOutcome(result=result, written=tuple(written))


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """A merge makes a few objects per event, none in a cycle; the cycle collector's full passes over
    them found nothing and cost about a second per 100,000 events (benchmarks/chronology_merge.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
