"""`scrkit demo`: copy the example review somewhere new and run the main jobs on it."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from scrkit.errors import Refused
from scrkit.resources import example_review
from scrkit.review.casefolder import CaseFolder
from scrkit.review.summary import ReviewSummary, summarise
from scrkit.timeline.recording import refresh_timeline
from scrkit.timeline.status import StatusReport, assess

DEFAULT_DEMO_FOLDER = "scrkit-demo"


@dataclass(frozen=True)
class DemoResult:
    folder: Path
    summary: ReviewSummary
    status: StatusReport


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
    return DemoResult(
        folder=folder.path,
        summary=summarise(timetable.records),
        status=assess(timetable.records, timetable.schedule, today),
    )
