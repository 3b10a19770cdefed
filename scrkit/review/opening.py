"""Opening a new review: a folder of blank, commented records with the essentials filled in.

The folder is built beside its destination and renamed into place at the end, so a
failure part-way leaves nothing behind; an existing review is never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scrkit.case.layout import BOARD, CHILD, RECORD_KINDS, REVIEW, WORKING_FOLDERS
from scrkit.errors import BadInput, InvalidReview, Refused
from scrkit.models.child import Gender
from scrkit.models.review import Circumstance
from scrkit.records.atomic import current_umask
from scrkit.records.yamlfile import YamlProblem, read_document, to_yaml_value, write_document
from scrkit.resources import DEFAULT_BOARD, FORMS
from scrkit.review.audit import append as append_audit
from scrkit.review.casefolder import CaseFolder, ReviewRecords, validate_document


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


def open_review(destination: Path, details: NewReview, board_file: Path | None = None) -> ReviewRecords:
    destination = Path(destination)
    refuse_existing(destination)
    board_document = _board_document(board_file or DEFAULT_BOARD)
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".opening"))
    try:
        # mkdtemp makes a private folder; a review on a shared drive needs the usual permissions.
        staging.chmod(0o777 & ~current_umask())
        _write_records(staging, details, board_document)
        for relative, about in WORKING_FOLDERS.items():
            folder = staging / relative
            folder.mkdir(parents=True)
            (folder / "README.txt").write_text(about + "\n", encoding="utf-8")
        _check_staged(staging)
        append_audit(staging, "new", [path for path in staging.rglob("*") if path.is_file()])
        _scaffold_timeline(staging)
        if destination.exists():
            destination.rmdir()  # empty, checked above; Windows cannot rename over a folder
        staging.rename(destination)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    return CaseFolder(destination).load()


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


def _board_document(path: Path):  # noqa: ANN202 - a round-trip document
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


def _write_records(folder: Path, details: NewReview, board_document) -> None:  # noqa: ANN001
    for kind in RECORD_KINDS:
        if kind is BOARD:
            write_document(folder / kind.file_name, board_document)
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
        write_document(folder / kind.file_name, document)


def _scaffold_timeline(folder: Path) -> None:
    from scrkit.timeline.recording import refresh_timeline

    refresh_timeline(CaseFolder(folder))


def _check_staged(folder: Path) -> None:
    try:
        CaseFolder(folder).load()
    except InvalidReview as invalid:
        lines = [f"{p.file.name}: {p.field}: {p.message}" for p in invalid.problems]
        raise BadInput("The details given do not fit together:\n" + "\n".join(lines)) from None
