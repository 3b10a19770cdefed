"""A review's folder: finding it, loading every record at once, and saving changes safely."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scrkit.case.layout import RECORD_KINDS, REVIEW, RecordKind
from scrkit.errors import InvalidReview, NotAReview, Problem, RecordWriteError
from scrkit.models.agencies import Agencies, Agency
from scrkit.models.board import Board
from scrkit.models.child import Child
from scrkit.models.fields import Record
from scrkit.models.panel import Panel
from scrkit.models.panel_business import ActionPlan, Imrs, Interviews
from scrkit.models.people import People
from scrkit.models.referral import Referral
from scrkit.models.review import Review
from scrkit.models.timeline import Timeline
from scrkit.records.atomic import atomic_write_bytes, sweep_stale_temp_files
from scrkit.records.yamlfile import (
    YamlProblem,
    fast_plain,
    parse_record_bytes,
    read_document,
    read_record_bytes,
    to_plain,
    write_document,
)
from scrkit.review.audit import append as append_audit
from scrkit.review.locking import ReviewLock
from scrkit.review.problems import problems_from_validation


@dataclass(frozen=True)
class ReviewRecords:
    """Every record of one review, validated, with the documents they came from."""

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
    documents: dict[str, Any]

    def agency(self, agency_id: str) -> Agency | None:
        return next((agency for agency in self.agencies.agencies if agency.id == agency_id), None)

    def path_of(self, kind: RecordKind) -> Path:
        return self.folder / kind.file_name


NOT_YET_PARSED = object()


class RoundTripDocuments(dict):
    """Each record's round-trip document (comments and line numbers), parsed only when needed:
    a record read through the fast path is parsed again, carefully, only if a line must be named."""

    def __init__(self, folder: CaseFolder) -> None:
        super().__init__()
        self._folder = folder

    def __missing__(self, name: str) -> Any:
        kind = next(kind for kind in RECORD_KINDS if kind.name == name)
        document = read_document(self._folder.path_of(kind))
        self[name] = document
        return document


class RecordChanged(RecordWriteError):
    """A record changed on disk between scrkit reading it and writing it."""


class CaseFolder:
    """The folder of one review. Creating one does not read anything yet."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._depth = 0
        self._changed: list[Path] = []
        self._command = ""
        self._lock: ReviewLock | None = None

    @contextmanager
    def changing(self, command: str) -> Iterator[None]:
        """Hold the review's lock while changing it, and record the change in the audit log.

        Re-entrant: a command made of several edits holds the lock once, and logs once, under
        the outermost command's name.
        """
        outermost = self._depth == 0
        if outermost:
            lock = ReviewLock(self.path, command)
            lock.acquire()
            self._lock, self._changed, self._command = lock, [], command
            # Holding the lock, no other scrkit is writing here: any temporary file is abandoned.
            sweep_stale_temp_files(self.path, older_than=0)
        self._depth += 1
        try:
            yield
            if outermost and self._changed:
                append_audit(self.path, self._command, self._changed)
        finally:
            self._depth -= 1
            if outermost and self._lock is not None:
                self._lock.release()
                self._lock = None

    def record_change(self, path: Path) -> None:
        self._changed.append(Path(path))

    def write_file(self, path: Path, content: bytes) -> Path:
        """Write a file into the review (a letter, a workbook) atomically, under the lock."""
        with self.changing("write"):
            path.parent.mkdir(parents=True, exist_ok=True)
            with _saving(path):
                atomic_write_bytes(path, content)
            self.record_change(path)
        return path

    @classmethod
    def open(cls, path: Path) -> CaseFolder:
        folder = cls(path)
        if not folder.path.exists():
            raise NotAReview(
                f"There is no folder at {folder.path}.",
                hint="Check the path, or open a new review with `scrkit new FOLDER`.",
            )
        if not folder.path.is_dir():
            raise NotAReview(f"{folder.path} is a file, not a review folder.")
        if not (folder.path / REVIEW.file_name).exists():
            raise NotAReview(
                f"{folder.path} is not a review: it has no {REVIEW.file_name}.",
                hint="Name the review's folder with -r FOLDER, or run scrkit from inside it.",
            )
        return folder

    def path_of(self, kind: RecordKind) -> Path:
        return self.path / kind.file_name

    def load(self) -> ReviewRecords:
        """Load and validate every record; report every problem at once."""
        return self._load_all({})

    def _load_all(self, replacements: dict[str, Any]) -> ReviewRecords:
        from scrkit.review.consistency import consistency_problems

        problems: list[Problem] = []
        models: dict[str, Record] = {}
        documents = RoundTripDocuments(self)
        for kind in RECORD_KINDS:
            if kind.name in replacements:
                document = replacements[kind.name]
                model, found = validate_document(kind, self.path_of(kind), document)
            else:
                document, model, found = self._load_one(kind)
            problems.extend(found)
            if document is not NOT_YET_PARSED:
                documents[kind.name] = document
            if model is not None:
                models[kind.name] = model
        if problems:
            raise InvalidReview(self.path, problems)
        records = ReviewRecords(folder=self.path, documents=documents, **models)  # type: ignore[arg-type]
        problems = consistency_problems(records)
        if problems:
            raise InvalidReview(self.path, problems)
        return records

    def _load_one(self, kind: RecordKind) -> tuple[Any, Record | None, list[Problem]]:
        path = self.path_of(kind)
        if not path.exists():
            message = f"the file is missing; every review has one ({kind.about})"
            return None, None, [Problem(path, None, "", message)]
        try:
            raw = read_record_bytes(path)
            plain = fast_plain(raw)
            if isinstance(plain, dict):
                try:
                    return NOT_YET_PARSED, kind.model.model_validate(plain), []
                except ValidationError:
                    pass  # the careful path below finds the lines to report
            document = parse_record_bytes(raw)
        except YamlProblem as problem:
            return None, None, [Problem(path, problem.line, "", problem.message)]
        except OSError as error:
            return None, None, [Problem(path, None, "", f"cannot be read: {error.strerror}")]
        model, problems = validate_document(kind, path, document)
        return document, model, problems

    @contextmanager
    def edit(self, kind: RecordKind) -> Iterator[Any]:
        """Change one record in place, keeping the comments and layout a person gave it.

        The whole review is validated with the change before anything is written; an
        invalid change writes nothing. If the file changed on disk meanwhile (edited by hand,
        say), nothing is written either. The write is atomic, under the review's lock.
        """
        path = self.path_of(kind)
        with self.changing(f"edit {kind.name}"):
            try:
                raw = path.read_bytes()
                document = parse_record_bytes(raw)
            except YamlProblem as problem:
                raise InvalidReview(self.path, [Problem(path, problem.line, "", problem.message)]) from None
            yield document
            self._load_all({kind.name: document})  # the whole review must still hold together
            if path.read_bytes() != raw:
                raise RecordChanged(
                    f"{path} was changed by someone else (perhaps edited by hand) while scrkit was working on it; "
                    "scrkit wrote nothing, so their change is kept.",
                    hint="Run the command again.",
                )
            save_document(path, document)
            self.record_change(path)


def validate_document(kind: RecordKind, path: Path, document: Any) -> tuple[Record | None, list[Problem]]:
    plain = to_plain(document)
    if plain is None:
        plain = {}
    if not isinstance(plain, dict):
        return None, [Problem(path, 1, "", "should be a list of fields (name: value), one per line")]
    try:
        return kind.model.model_validate(plain), []
    except ValidationError as error:
        return None, problems_from_validation(path, document, plain, kind.model, error)


def save_document(path: Path, document: Any) -> None:
    with _saving(path):
        write_document(path, document)


@contextmanager
def _saving(path: Path) -> Iterator[None]:
    """A failed save becomes a message the user can act on; the atomic write left the file as it was."""
    try:
        yield
    except OSError as error:
        raise RecordWriteError(
            f"Could not save {path}: {error.strerror or error}. The file was left as it was.",
            hint="Check that the folder is writable and the disk is not full, then run the command again.",
        ) from error
