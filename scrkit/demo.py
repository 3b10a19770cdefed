"""`scrkit demo`: copy the example review somewhere new and run the main jobs on it."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from scrkit.anonymise.export import ExportResult, export
from scrkit.checks.rules import Finding, check_review
from scrkit.chronology.integrate import OUTPUT, MergeResult, merge_returns, write_outputs
from scrkit.chronology.merge import DEFAULT_GAP_DAYS
from scrkit.errors import Refused
from scrkit.resources import example_review
from scrkit.review.casefolder import CaseFolder
from scrkit.review.summary import ReviewSummary, summarise
from scrkit.timeline.recording import Timetable, refresh_timeline
from scrkit.timeline.status import StatusReport, assess

DEFAULT_DEMO_FOLDER = "scrkit-demo"


# The letters the demo renders: the first ones a real review sends (5.1.1, App 1, App 2).
DEMO_LETTERS = ["scr-request", "referral-form", "terms-of-reference", "commission-imr", "ofsted-notification"]
DEMO_LETTER_DATE = dt.date(2026, 10, 14)


@dataclass(frozen=True)
class DemoResult:
    folder: Path
    summary: ReviewSummary
    status: StatusReport
    letters: tuple[Path, ...]
    chronology: MergeResult
    chronology_files: tuple[Path, ...]
    export: ExportResult
    findings: tuple[Finding, ...]
    report: Path


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
    folder = CaseFolder.open(copy_example(destination))
    timetable = refresh_timeline(folder)
    merged = merge_returns(folder, [], today, DEFAULT_GAP_DAYS)
    written = write_outputs(folder, merged, folder.path / OUTPUT, docx=True)
    letters = tuple(_render_letters(folder))
    status = assess(timetable.records, timetable.schedule, today)
    return DemoResult(
        folder=folder.path,
        summary=summarise(timetable.records),
        status=status,
        letters=letters,
        chronology=merged,
        chronology_files=tuple(written),
        export=export(folder, "ofsted", today),
        findings=tuple(check_review(timetable.records)),
        report=_monthly_report(folder, timetable, status),
    )


def _monthly_report(folder: CaseFolder, timetable: Timetable, status: StatusReport) -> Path:
    from scrkit.genogram.draw import genogram
    from scrkit.report.monthly import monthly_report

    today = status.today
    drawn = genogram(timetable.records)
    folder.write_file(folder.path / "reports" / "genogram.svg", drawn.svg.encode("utf-8"))
    folder.write_file(folder.path / "reports" / "genogram.png", drawn.png)
    path = folder.path / "reports" / f"{today:%Y-%m} monthly update.docx"
    pictures = {timetable.records.review.reference: drawn.png}
    return folder.write_file(path, monthly_report([status], timetable.records.board.name, today, pictures))


def _render_letters(folder: CaseFolder) -> list[Path]:
    from scrkit.letters.rendering import plan, render_all, write_all

    timetable, planned = plan(folder, DEMO_LETTERS, None, DEMO_LETTER_DATE)
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return write_all(folder, render_all(planned, timetable.records.board.name, created))
