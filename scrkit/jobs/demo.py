"""`scrkit demo`: copy the example review somewhere new and run the main jobs on it, one after another."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from scrkit.checks.rules import Finding
from scrkit.chronology.merge import DEFAULT_GAP_DAYS
from scrkit.errors import Refused
from scrkit.jobs import anonymise, chronology, genogram, letters, panel, timeline
from scrkit.jobs.anonymise import ExportResult
from scrkit.jobs.chronology import MergeOutcome
from scrkit.models.overview import Overview
from scrkit.overview.publication import after_adoption_lines
from scrkit.resources import completed_review, example_review
from scrkit.review.summary import ReviewSummary, summarise
from scrkit.timeline.status import StatusReport, assess

DEFAULT_DEMO_FOLDER = "scrkit-demo"


# The letters the demo renders: the first ones a real review sends (5.1.1, App 1, App 2).
DEMO_LETTERS = ["scr-request", "referral-form", "decision-letter", "terms-of-reference", "commission-imr",
                "ofsted-notification"]  # fmt: skip
DEMO_LETTER_DATE = dt.date(2026, 10, 14)


# The end of a review, shown on the completed example: its adoption day, and the documents of 13.1-14.1.
END_LETTERS = ["overview-report", "executive-summary", "panel-minutes"]
END_LETTER_DATE = dt.date(2026, 9, 16)


@dataclass(frozen=True)
class EndOfReview:
    folder: Path
    status: StatusReport
    overview: Overview
    letters: tuple[Path, ...]
    after: tuple[str, ...]  # publication and evaluation, in words


@dataclass(frozen=True)
class DemoResult:
    folder: Path
    summary: ReviewSummary
    status: StatusReport
    letters: tuple[Path, ...]
    chronology: MergeOutcome
    export: ExportResult
    findings: tuple[Finding, ...]
    report: Path
    genogram: Path
    end: EndOfReview


def free_demo_folder(base: Path) -> Path:
    """``scrkit-demo``, or ``scrkit-demo-2`` and so on if that is taken."""
    candidate, number = base, 1
    while candidate.exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def copy_example(destination: Path) -> Path:
    if destination.exists():
        raise Refused(
            f"{destination} already exists; the demo copies the example into a new folder.",
            hint="Give another folder name, e.g. `scrkit demo my-demo`.",
        )
    shutil.copytree(example_review(), destination)
    return destination


def run_demo(destination: Path, today: dt.date) -> DemoResult:
    """The jobs a business manager runs in a review's first weeks, on a copy of the example."""
    folder = copy_example(destination)
    timetable = timeline.refresh_timeline(folder)
    merged = chronology.merge_chronology(folder, [], today=today, gap_days=DEFAULT_GAP_DAYS, docx=True)
    rendered = letters.render_letters(folder, DEMO_LETTERS, None, DEMO_LETTER_DATE, today=today)
    status = assess(timetable.records, timetable.schedule, today)
    pack = anonymise.export(folder, "ofsted", today)
    findings = tuple(panel.check(folder))
    png = genogram.draw_genogram(folder).png
    report = panel.monthly_report([folder], today)
    end = end_of_review(free_demo_folder(destination.with_name(f"{destination.name}-completed")), today)
    return DemoResult(
        folder=folder,
        summary=summarise(timetable.records),
        status=status,
        letters=rendered.written,
        chronology=merged,
        export=pack,
        findings=findings,
        report=report.path,
        genogram=png,
        end=end,
    )


def end_of_review(destination: Path, today: dt.date) -> EndOfReview:
    """The completed example copied: its overview report, executive summary and minutes rendered as on
    the day the LSCB adopted it, with where its publication and evaluation stand (13.1-18.1)."""
    shutil.copytree(completed_review(), destination)
    rendered = letters.render_letters(destination, END_LETTERS, None, END_LETTER_DATE, today=today)
    records = timeline.load_timetable(destination)
    return EndOfReview(
        folder=destination,
        status=assess(records.records, records.schedule, today),
        overview=records.records.overview,
        letters=rendered.written,
        after=tuple(after_adoption_lines(records.records)),
    )
