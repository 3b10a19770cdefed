"""Jobs for `scrkit new`, `validate` and `summary`.

A new review is built in memory (blank, commented records with the essentials filled in, its
timetable scaffolded), validated once, written into a folder beside its destination with one
audit entry, and renamed into place, so a failure part-way leaves nothing behind; an existing
review is never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrkit.case.guide import with_guide
from scrkit.case.layout import BOARD, CHILD, RECORD_KINDS, REVIEW, TIMELINE, WORKING_FOLDERS
from scrkit.case.records import ReviewRecords
from scrkit.dates import uk_date
from scrkit.errors import BadInput, InvalidReview, Problem, Refused
from scrkit.models.child import Gender
from scrkit.models.fields import Record
from scrkit.models.review import Circumstance
from scrkit.records.atomic import current_umask
from scrkit.records.yamlfile import YamlProblem, dump_document, read_document, to_yaml_value
from scrkit.resources import DEFAULT_BOARD, FORMS
from scrkit.review import audit
from scrkit.review.casefolder import CaseFolder, checked_records, validate_document
from scrkit.review.summary import ReviewSummary, summarise
from scrkit.timeline.agreement import extension_problems
from scrkit.timeline.lifecycle import status_problems, unmet_conditions
from scrkit.timeline.recording import Timetable, refresh_entries, timetable_of


@dataclass(frozen=True)
class NewReview:
    """The essentials a business manager knows on the day a referral arrives."""

    reference: str
    child_name: str
    date_of_birth: dt.date
    incident_date: dt.date
    referral_received: dt.date
    date_of_death: dt.date | None = None
    gender: Gender | None = None
    circumstances: tuple[Circumstance, ...] = field(default_factory=tuple)


def new_review(destination: Path, details: NewReview, board_file: Path | None = None) -> ReviewRecords:
    """`scrkit new`: open a review in ``destination`` (new or empty)."""
    destination = Path(destination)
    refuse_existing(destination)
    documents = _documents(details, _board_document(board_file or DEFAULT_BOARD))
    records = _checked(destination, documents)
    refresh_entries(documents[TIMELINE.name], timetable_of(records).schedule)  # the written timeframe (7.1.4)
    records = _checked(destination, documents)
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".opening"))
    try:
        # mkdtemp makes a private folder; a review on a shared drive needs the usual permissions.
        staging.chmod(0o777 & ~current_umask())
        contents = {
            staging / kind.file_name: with_guide(dump_document(documents[kind.name]), kind.model, add=True).encode()
            for kind in RECORD_KINDS
        }
        contents |= {
            staging / relative / "README.txt": f"{about}\n".encode() for relative, about in WORKING_FOLDERS.items()
        }
        for path, content in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        audit.record(staging, "new", contents, start=True)
        if destination.exists():
            destination.rmdir()  # empty, checked above; Windows cannot rename over a folder
        staging.rename(destination)
        audit.anchor_moved(staging, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    return records


def refuse_existing(destination: Path) -> None:
    """Stop before anything is asked or written if the destination is taken."""
    if not destination.exists():
        return
    if not destination.is_dir():
        raise Refused(f"{destination} is a file; a review needs a folder of its own.")
    if (destination / REVIEW.file_name).exists():
        raise Refused(
            f"{destination} already holds a review; scrkit will not overwrite it.",
            hint="Choose a new folder name for the new review.",
        )
    if any(destination.iterdir()):
        raise Refused(
            f"{destination} already has files in it; scrkit opens a review only in a new or empty folder.",
            hint="Choose a new folder name for the new review.",
        )


def validate_review(review: Path) -> Timetable:
    """`scrkit validate`: every record, the records against each other, the timetable, the status
    against the recorded steps, and the timetable against what the audit log says was recorded (a
    record that lost its dates)."""
    folder = CaseFolder.open(review)
    timetable = timetable_of(folder.load())
    problems = status_problems(timetable.records, timetable.schedule)
    problems += unmet_conditions(timetable.records, timetable.schedule)
    problems += extension_problems(timetable.records, timetable.schedule)
    problems += timeline_against_log(timetable.records, audit.changes(folder.path))
    if problems:
        raise InvalidReview(folder.path, problems)
    return timetable


def timeline_against_log(records: ReviewRecords, changes: list[audit.Change]) -> list[Problem]:
    """Every milestone a command recorded as done (its audit entry says so) that timeline.yaml no
    longer holds as done: the written timeframe (7.1.4) has lost what was recorded."""
    from scrkit.jobs.timeline import DONE_NOTE

    recorded: dict[str, tuple[audit.Change, str]] = {}
    for change in changes:
        if change.state != "done":
            continue
        for part in change.note.split("; "):
            if part.startswith(DONE_NOTE):
                milestone_id, _, on = part[len(DONE_NOTE) :].partition(" ")
                recorded[milestone_id] = (change, on.strip())
    problems = []
    path = records.path_of(TIMELINE)
    for milestone_id, (change, on) in recorded.items():
        entry = records.timeline.milestones.get(milestone_id)
        if entry is None or entry.done is None:
            # The day it was done, as the command recorded it (not the day the command ran), day first.
            done, when = _uk_day(on), _uk_day(change.when[:10]) or change.when[:10]
            again = f"scrkit done {milestone_id} --date {done}" if done else f"scrkit done {milestone_id} --date ..."
            said = f"as done on {done}" if done else "as done"
            problems.append(
                Problem(
                    path,
                    None,
                    f"milestones.{milestone_id}.done",
                    f"is not recorded, but `scrkit {change.command}` recorded it {said} on {when} (audit log "
                    f"entry {change.number}); timeline.yaml has lost it: restore it from a backup, or record it "
                    f"again: {again}",
                )
            )
    return problems


def _uk_day(iso: str) -> str:
    """2026-11-04 as 04/11/2026; "" for anything that is not such a date."""
    try:
        return uk_date(dt.date.fromisoformat(iso))
    except ValueError:
        return ""


def review_summary(review: Path) -> ReviewSummary:
    """`scrkit summary`."""
    return summarise(CaseFolder.open(review).load())


def _board_document(path: Path) -> Any:
    try:
        document = read_document(Path(path))
    except FileNotFoundError:
        raise BadInput(f"There is no board details file at {path}.") from None
    except YamlProblem as problem:
        where = f"{path}:{problem.line}" if problem.line else str(path)
        raise BadInput(f"{where}: {problem.message}") from None
    _model, problems = validate_document(BOARD, Path(path), document)
    if problems:
        raise BadInput("The board details file is not valid:\n" + "\n".join(str(p) for p in problems))
    return document


def _documents(details: NewReview, board_document: Any) -> dict[str, Any]:
    documents: dict[str, Any] = {}
    for kind in RECORD_KINDS:
        if kind is BOARD:
            documents[kind.name] = board_document
            continue
        document = read_document(FORMS / kind.file_name)
        if kind is REVIEW:
            document["reference"] = to_yaml_value(details.reference)
            document["incident_date"] = to_yaml_value(details.incident_date)
            document["referral_received"] = to_yaml_value(details.referral_received)
            document["circumstances"] = to_yaml_value([{"category": c.value} for c in details.circumstances])
        elif kind is CHILD:
            document["name"] = to_yaml_value(details.child_name)
            document["date_of_birth"] = to_yaml_value(details.date_of_birth)
            document["date_of_death"] = to_yaml_value(details.date_of_death)
            document["gender"] = to_yaml_value(details.gender.value if details.gender else None)
        documents[kind.name] = document
    return documents


def _checked(destination: Path, documents: dict[str, Any]) -> ReviewRecords:
    """The new review's records, validated in memory; details that do not fit together are refused."""
    problems: list[Problem] = []
    models: dict[str, Record] = {}
    for kind in RECORD_KINDS:
        model, found = validate_document(kind, destination / kind.file_name, documents[kind.name])
        problems.extend(found)
        if model is not None:
            models[kind.name] = model
    try:
        if problems:
            raise InvalidReview(destination, problems)
        return checked_records(destination, models, documents)
    except InvalidReview as invalid:
        lines = [f"{p.file.name}: {p.field}: {p.message}" for p in invalid.problems]
        raise BadInput("The details given do not fit together:\n" + "\n".join(lines)) from None
