"""`scrkit merge-chronology`'s core: read every return and merge them into one chronology.

The returns are only ever read. One bad return does not stop the others (unless strict). The job
(``scrkit.jobs.chronology``) writes the outputs (``chronology.output``) atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scrkit.case.layout import RETURNS, REVIEW_TEMPLATES
from scrkit.case.records import ReviewRecords
from scrkit.chronology.agency_names import AgencyNames
from scrkit.chronology.family import family_directory
from scrkit.chronology.headings import HEADINGS_FILE, HeadingIndex, load_wordings
from scrkit.chronology.merge import ChildContext, IntegratedChronology, merge
from scrkit.chronology.reading import ReadingContext, ReadReturn, ReturnProblem, read_return
from scrkit.errors import BadInput, Problem, ProblemsFound


@dataclass(frozen=True)
class MergeResult:
    records: ReviewRecords
    reads: list[ReadReturn]
    chronology: IntegratedChronology

    @property
    def problem_count(self) -> int:
        """Problems in the returns; notes (what scrkit read and how) are not counted."""
        return sum(read.problem_count for read in self.reads)


def child_context(records: ReviewRecords, today: dt.date | None = None) -> ChildContext:
    """What the merge needs of the review: the child, the period, the family, the agencies' order."""
    child = records.child
    period = records.review.terms_of_reference
    return ChildContext(
        date_of_birth=child.date_of_birth,
        date_of_death=child.date_of_death,
        period_start=period.period_start,
        period_end=period.period_end,
        family=family_directory(records),
        agency_order=tuple(agency.id for agency in records.agencies.agencies),
        today=today,
    )


def heading_files(records: ReviewRecords) -> list[Path]:
    """The board's wordings (its templates folder), then the review's own (templates/)."""
    files = []
    if records.board.templates_folder:
        files.append(records.folder / records.board.templates_folder / HEADINGS_FILE)
    files.append(records.folder / REVIEW_TEMPLATES / HEADINGS_FILE)
    return files


def reading_context(records: ReviewRecords, today: dt.date) -> ReadingContext:
    period = records.review.terms_of_reference
    return ReadingContext(
        agencies=AgencyNames.of(records.agencies.agencies),
        headings=HeadingIndex.build(load_wordings(heading_files(records))),
        today=today,
        period_start=period.period_start,
        period_end=period.period_end,
    )


def return_files(folder: Path, named: list[Path]) -> list[Path]:
    if named:
        missing = [path for path in named if not path.is_file()]
        if missing:
            raise BadInput("These returns do not exist: " + ", ".join(str(path) for path in missing))
        return named
    returns = folder / RETURNS
    # Every file there is a return, or said not to be one (UnsafeReturn names it): none is passed over
    # silently, but Office's lock files (~$...), hidden files and the folder's own README.txt.
    found = sorted(
        path
        for path in returns.glob("*")
        if path.is_file() and not path.name.startswith(("~$", ".")) and path.name != "README.txt"
    )
    if not found:
        raise BadInput(
            f"There are no chronology returns in {returns}.",
            hint="Save each agency's returned spreadsheet there, or name the files on the command line.",
        )
    return found


def _link_out_of(path: Path, folder: Path) -> Path | None:
    """Where a return in the returns folder links to, if that is outside the review (a system file)."""
    if not path.is_symlink() or path.parent.resolve() != (folder / RETURNS).resolve():
        return None
    target = path.resolve()
    return None if folder.resolve() in target.parents else target


def merge_returns(
    records: ReviewRecords,
    files: list[Path],
    today: dt.date,
    gap_days: int,
    strict: bool = False,
    progress: Callable[[Path], None] = lambda path: None,
) -> MergeResult:
    context = reading_context(records, today)
    reads = []
    for path in return_files(records.folder, files):
        progress(path)
        outside = _link_out_of(path, records.folder)
        if outside is not None:
            message = f"is a link to {outside}, outside the review folder; save the return itself in {RETURNS}"
            reads.append(ReadReturn(path, None, problems=[ReturnProblem(path.name, "", None, "", "", message)],
                                    readable=False))  # fmt: skip
            continue
        reads.append(read_return(path, context))
    if strict:
        problems = [
            Problem(read.path, problem.row, problem.column, str(problem))
            for read in reads
            for problem in read.problems
            if not problem.note
        ]
        if problems:
            raise ProblemsFound(
                "the chronology returns", problems, hint="--strict stops at any problem; nothing was written."
            )
    usable = [read.events for read in reads if read.readable]
    chronology = merge(usable, child_context(records, today), gap_days)
    return MergeResult(records=records, reads=reads, chronology=chronology)
