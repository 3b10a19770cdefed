"""A review's folder: finding it, loading every record once, and changing it as one unit of work.

Reading: ``CaseFolder.load()`` reads each record file once, validates every record and the
records against each other, and reports every problem at once.

Changing: ``with folder.changing("done") as change:`` takes the review's lock, loads the records
once, and gives the job a ``Change``: round-trip documents to edit (comments and layout kept),
``revalidate()`` to check the whole review with the edits in memory, and files to write. When the
block ends without an error the change is committed: the review is validated with every edit, each
edited record is checked to be unchanged on disk since it was read, every file is written
atomically, and one entry goes into the audit log. An error anywhere writes nothing.

Only the jobs (``scrkit.jobs``) open a review for writing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scrkit.case.layout import RECORD_KINDS, REVIEW, RecordKind
from scrkit.case.records import ReviewRecords
from scrkit.errors import InvalidReview, NotAReview, Problem, RecordWriteError
from scrkit.models.fields import Record
from scrkit.records.atomic import atomic_output, atomic_write_bytes, sweep_stale_temp_files
from scrkit.records.yamlfile import (
    YamlProblem,
    dump_document,
    fast_plain,
    parse_record_bytes,
    read_record_bytes,
    to_plain,
)
from scrkit.review.audit import append as append_audit
from scrkit.review.locking import ReviewLock
from scrkit.review.problems import problems_from_validation


class RoundTripDocuments(dict):
    """Each record's round-trip document (comments and line numbers), parsed from the bytes read
    at load only when needed: a record read through the fast path is parsed carefully only if a line
    must be named or the record is edited. Never a second read of the file."""

    def __init__(self, raws: dict[str, bytes]) -> None:
        super().__init__()
        self._raws = raws

    def __missing__(self, name: str) -> Any:
        document = parse_record_bytes(self._raws[name])
        self[name] = document
        return document


class RecordChanged(RecordWriteError):
    """A record changed on disk between scrkit reading it and writing it."""


class CaseFolder:
    """The folder of one review. Creating one does not read anything yet."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

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
        """Load and validate every record (each file read once); report every problem at once."""
        return self._load()[0]

    def _load(self) -> tuple[ReviewRecords, dict[str, bytes]]:
        problems: list[Problem] = []
        models: dict[str, Record] = {}
        raws: dict[str, bytes] = {}
        documents = RoundTripDocuments(raws)
        for kind in RECORD_KINDS:
            raw, model, found = self._load_one(kind)
            problems.extend(found)
            if raw is not None:
                raws[kind.name] = raw
            if model is not None:
                models[kind.name] = model
        if problems:
            raise InvalidReview(self.path, problems)
        return checked_records(self.path, models, documents), raws

    def _load_one(self, kind: RecordKind) -> tuple[bytes | None, Record | None, list[Problem]]:
        path = self.path_of(kind)
        if not path.exists():
            message = f"the file is missing; every review has one ({kind.about})"
            return None, None, [Problem(path, None, "", message)]
        try:
            raw = read_record_bytes(path)
        except YamlProblem as problem:
            return None, None, [Problem(path, problem.line, "", problem.message)]
        except OSError as error:
            return None, None, [Problem(path, None, "", f"cannot be read: {error.strerror}")]
        plain = fast_plain(raw)
        if isinstance(plain, dict):
            try:
                return raw, kind.model.model_validate(plain), []
            except ValidationError:
                pass  # the careful path below finds the lines to report
        try:
            document = parse_record_bytes(raw)
        except YamlProblem as problem:
            return raw, None, [Problem(path, problem.line, "", problem.message)]
        model, problems = validate_document(kind, path, document)
        return raw, model, problems

    @contextmanager
    def changing(self, command: str) -> Iterator[Change]:
        """Change the review as one unit of work under its lock: loaded once, written once, logged once."""
        lock = ReviewLock(self.path, command)
        lock.acquire()
        try:
            # Holding the lock, no other scrkit is writing here: any temporary file is abandoned.
            sweep_stale_temp_files(self.path, older_than=0)
            records, raws = self._load()
            change = Change(self, command, records, raws)
            yield change
            change.commit()
        finally:
            lock.release()


class Change:
    """One command's change to a review: edits to records, files to write, one audit entry."""

    def __init__(self, folder: CaseFolder, command: str, records: ReviewRecords, raws: dict[str, bytes]) -> None:
        self.folder = folder
        self.command = command
        self.records = records
        self._raws = raws
        self._edited: dict[str, RecordKind] = {}
        self._files: dict[Path, bytes] = {}
        self._written: list[Path] = []

    @property
    def path(self) -> Path:
        return self.folder.path

    def document(self, kind: RecordKind) -> Any:
        """The record's round-trip document, to edit in place; saved when the change is committed."""
        self._edited[kind.name] = kind
        return self.records.documents[kind.name]

    def revalidate(self) -> ReviewRecords:
        """The review as it will be with the edits so far, checked whole; nothing is written."""
        problems: list[Problem] = []
        models = {kind.name: getattr(self.records, kind.name) for kind in RECORD_KINDS}
        for kind in self._edited.values():
            model, found = validate_document(kind, self.folder.path_of(kind), self.records.documents[kind.name])
            problems.extend(found)
            if model is not None:
                models[kind.name] = model
        if problems:
            raise InvalidReview(self.path, problems)
        self.records = checked_records(self.path, models, self.records.documents)
        return self.records

    def write_file(self, path: Path, content: bytes) -> Path:
        """A file to write into the review (a letter, a workbook) when the change is committed."""
        self._files[Path(path)] = content
        return Path(path)

    @contextmanager
    def output(self, path: Path) -> Iterator[Path]:
        """A temporary path for a writer that streams to disk; renamed over ``path`` when the block ends."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with _saving(path), atomic_output(path) as target:
            yield target
        self._written.append(path)

    def record_written(self, path: Path) -> None:
        """A file this change wrote by other means (a pack renamed into place), for the audit log."""
        self._written.append(Path(path))

    def commit(self) -> list[Path]:
        if self._edited:
            self.revalidate()
        for kind in self._edited.values():
            path = self.folder.path_of(kind)
            if _disk_bytes(path) != self._raws.get(kind.name):
                raise RecordChanged(
                    f"{path} was changed by someone else (perhaps edited by hand) while scrkit was working on it; "
                    "scrkit wrote nothing, so their change is kept.",
                    hint="Run the command again.",
                )
        for kind in self._edited.values():
            content = dump_document(self.records.documents[kind.name]).encode("utf-8")
            if content != self._raws.get(kind.name):  # an edit that changes nothing writes nothing
                self._files[self.folder.path_of(kind)] = content
        for path, content in self._files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with _saving(path):
                atomic_write_bytes(path, content)
            self._written.append(path)
        if self._written:
            append_audit(self.path, self.command, self._written, self._files)
        return list(self._written)


def _disk_bytes(path: Path) -> bytes | None:
    """The record's bytes now, to compare with those read at load (not a second load)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def checked_records(folder: Path, models: dict[str, Record], documents: Any) -> ReviewRecords:
    """The records as one review, once they agree with each other (``consistency``)."""
    from scrkit.review.consistency import consistency_problems

    records = ReviewRecords(folder=folder, documents=documents, **models)  # type: ignore[arg-type]
    problems = consistency_problems(records)
    if problems:
        raise InvalidReview(folder, problems)
    return records


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
