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

import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scrkit.case.guide import with_guide
from scrkit.case.layout import RECORD_KINDS, REVIEW, RecordKind
from scrkit.case.records import ReviewRecords
from scrkit.errors import InvalidReview, NotAReview, Problem, RecordWriteError, RefusedChange
from scrkit.models.fields import Record
from scrkit.records.atomic import atomic_write_bytes, publish, sweep_stale_temp_files, temporary_beside
from scrkit.records.yamlfile import (
    YamlProblem,
    dump_document,
    fast_plain,
    parse_record_bytes,
    read_record_bytes,
    to_plain,
)
from scrkit.resources import FORMS
from scrkit.review import audit
from scrkit.review.audit import content_hash, file_hash
from scrkit.review.isodates import write_dates_as_iso
from scrkit.review.locking import ReviewLock
from scrkit.review.problems import problems_from_validation


class RoundTripDocuments(dict):
    """Each record's round-trip document (comments and line numbers), parsed from the bytes read
    at load only when needed: a record read through the fast path is parsed carefully only if a line
    must be named or the record is edited. Never a second read of the file."""

    def __init__(self, raws: dict[str, bytes]) -> None:
        super().__init__()
        self._raws = raws
        self.blank: dict[str, bytes] = {}  # an optional record not yet written: its blank form

    def __missing__(self, name: str) -> Any:
        document = parse_record_bytes(self._raws[name] if name in self._raws else self.blank[name])
        if document is None:  # an empty file: a record with no fields yet, to edit like any other
            from ruamel.yaml.comments import CommentedMap

            document = CommentedMap()
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
            if kind.optional and not self.path_of(kind).exists() and not self.path_of(kind).is_symlink():
                documents.blank[kind.name] = (FORMS / kind.file_name).read_bytes()
                models[kind.name] = kind.model()
                continue
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
        if not path.exists() and not path.is_symlink():
            message = f"the file is missing; every review has one ({kind.about})"
            return None, None, [Problem(path, None, "", message)]
        try:
            raw = read_record_bytes(path, inside=self.path)
        except YamlProblem as problem:
            return None, None, [Problem(path, problem.line, "", problem.message)]
        except OSError as error:
            return None, None, [Problem(path, None, "", f"cannot be read: {error.strerror or error}")]
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
            audit.writable_log(self.path)  # a damaged log refuses the change before anything is done
            records, raws = self._load()
            change = Change(self, command, records, raws)
            change._notes.extend(lock.notes)
            try:
                yield change
                change.written = change.commit()
            finally:
                change.discard()
        finally:
            lock.release()


class Change:
    """One command's change to a review: edits to records, files to write, one audit entry."""

    written: list[Path] | None = None  # once committed: the files written (none: the change changed nothing)

    def __init__(self, folder: CaseFolder, command: str, records: ReviewRecords, raws: dict[str, bytes]) -> None:
        self.folder = folder
        self.command = command
        self.records = records
        self._raws = raws
        self._edited: dict[str, RecordKind] = {}
        self._files: dict[Path, bytes] = {}
        self._pending: dict[Path, tuple[Path, dict[Path, str]]] = {}  # destination: (temporary, file hashes)
        self._notes: list[str] = []

    @property
    def path(self) -> Path:
        return self.folder.path

    def document(self, kind: RecordKind) -> Any:
        """The record's round-trip document, to edit in place; saved when the change is committed."""
        self._edited[kind.name] = kind
        return self.records.documents[kind.name]

    def revalidate(self) -> ReviewRecords:
        """The review as it will be with the edits so far, checked whole; nothing is written."""
        if not self._edited:
            return self.records  # as loaded, and checked whole then
        problems: list[Problem] = []
        models = {kind.name: getattr(self.records, kind.name) for kind in RECORD_KINDS}
        for kind in self._edited.values():
            model, found = validate_document(kind, self.folder.path_of(kind), self.records.documents[kind.name])
            problems.extend(found)
            if model is not None:
                models[kind.name] = model
        if problems:
            raise RefusedChange(self.path, problems)
        try:
            self.records = checked_records(self.path, models, self.records.documents)
        except InvalidReview as invalid:
            raise RefusedChange(self.path, invalid.problems) from None
        return self.records

    def write_file(self, path: Path, content: bytes) -> Path:
        """A file to write into the review (a letter, a workbook) when the change is committed."""
        self._files[Path(path)] = content
        return Path(path)

    @contextmanager
    def output(self, path: Path) -> Iterator[Path]:
        """A temporary path for a writer that streams to disk; put in place over ``path`` at commit."""
        path = Path(path)
        with _saving(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = temporary_beside(path)
        try:
            yield temp
        except BaseException:
            with suppress(OSError):
                temp.unlink()
            raise
        self._pending[path] = (temp, {path: file_hash(temp)})

    def folder_at_commit(self, staging: Path, destination: Path, contents: dict[str, bytes]) -> None:
        """A folder built beside its destination (``staging``), renamed into place at commit: whole or absent."""
        hashes = {destination / name: content_hash(content) for name, content in contents.items()}
        self._pending[destination] = (staging, hashes)

    def note(self, text: str) -> None:
        """Something the audit entry should say about this change (a stale lock that was broken)."""
        self._notes.append(text)

    def discard(self) -> None:
        """Remove what a change that will not be committed had staged."""
        for temp, _hashes in self._pending.values():
            with suppress(OSError):
                if temp.is_dir():
                    shutil.rmtree(temp)
                else:
                    temp.unlink()
        self._pending.clear()

    def commit(self) -> list[Path]:
        """Write ahead, then write: the intent (every file and its new hash), the files, the commit."""
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
            write_dates_as_iso(self.records.documents[kind.name], kind.model)  # 14/09/2026 saved as 2026-09-14
            text = dump_document(self.records.documents[kind.name])
            content = with_guide(text, kind.model, add=self._raws.get(kind.name) is None).encode("utf-8")
            if content != self._raws.get(kind.name):  # an edit that changes nothing writes nothing
                self._files[self.folder.path_of(kind)] = content
        if not self._files and not self._pending:
            return []
        targets = [*self._files, *self._pending, self.path / audit.LOG_NAME, self.path / audit.HEAD_NAME]
        _refuse_read_only(targets)
        _prepare_folders([*self._files, *self._pending])  # before the intent: a failure here changes nothing
        log = audit.writable_log(self.path)
        hashes = {path: content_hash(content) for path, content in self._files.items()}
        for _temp, pending in self._pending.values():
            hashes.update(pending)
        entries_before = len(log.lines)
        try:
            intent = audit.begin(self.path, log, self.command, hashes, note="; ".join(self._notes))
        except OSError as error:
            if len(log.lines) > entries_before:  # the intent is in the log, its head could not follow it
                why = f"nothing written: the log's head could not be saved ({error.strerror or error})"
                with suppress(OSError):
                    audit.end(self.path, log, int(log.lines[-1]["n"]), self.command, [], failed=why)
            raise RecordWriteError(
                f"Could not write the audit log of {self.path}: {error.strerror or error}. Nothing was changed.",
                hint="Check that the folder is writable and the disk is not full, then run the command again.",
            ) from error
        written: list[Path] = []
        try:
            for path, content in self._files.items():
                with _saving(path):
                    path.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write_bytes(path, content)
                written.append(path)
            for path, (temp, pending) in list(self._pending.items()):
                with _saving(path):
                    if temp.is_dir():
                        temp.rename(path)
                    else:
                        publish(temp, path)
                del self._pending[path]
                written.extend(pending)
        except RecordWriteError as failure:
            # The records are one change: those already saved are put back as they were, so that the
            # review is never left half-changed (a milestone done, the status it moves not written).
            old = {self.folder.path_of(kind): self._raws.get(kind.name) for kind in self._edited.values()}
            kept = [path for path in written if not (path in old and _put_back(path, old[path]))]
            message = failure.message
            restored = [path.name for path in written if path not in kept]
            if restored:
                message += (
                    f" {', '.join(restored)}, saved before it, {'was' if len(restored) == 1 else 'were'} put back."
                )
            if kept:
                names = ", ".join(path.name for path in kept)
                message += f" Saved before it, and could not be put back: {names} (the audit log says so)."
            with suppress(OSError):
                audit.end(self.path, log, intent, self.command, kept, failed=message)
            raise RecordWriteError(message, hint=failure.hint) from failure
        try:
            audit.end(self.path, log, intent, self.command, written)
        except OSError as error:
            raise RecordWriteError(
                f"The change was saved, but the audit log could not record that it finished: "
                f"{error.strerror or error}. The next command records it.",
                hint="Check that the disk is not full.",
            ) from error
        return written


def _put_back(path: Path, content: bytes | None) -> bool:
    """A record saved as part of a change that failed, back as it was (removed if it is new); True if so."""
    try:
        if content is None:
            path.unlink()
        else:
            atomic_write_bytes(path, content)
    except OSError:
        return False
    return True


def _prepare_folders(paths: list[Path]) -> None:
    """Every file's folder exists and can be written to, or the change is refused with nothing logged."""
    for path in paths:
        blocking = next((folder for folder in path.parents if folder.exists() and not folder.is_dir()), None)
        if blocking is not None:
            raise RecordWriteError(
                f"Could not save {path}: {blocking} is a file where scrkit keeps a folder. Nothing was changed.",
                hint=f"Move {blocking.name} aside (or rename it), then run the command again.",
            )
        with _saving(path):
            path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK) or not path.parent.stat().st_mode & stat.S_IWUSR:
            raise RecordWriteError(
                f"Could not save {path}: the folder {path.parent} is read-only. Nothing was changed.",
                hint="Make the folder writable (Properties, untick Read-only), then run the command again.",
            )


def _read_only(path: Path) -> bool:
    # The owner's write bit is what Windows' Read-only box and `chmod a-w` clear (an administrator
    # could still write, so os.access alone is not enough).
    return not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR


def _refuse_read_only(paths: list[Path]) -> None:
    """A read-only file is someone's decision: never replace it (a rename would, without a word)."""
    locked = [path for path in paths if path.exists() and _read_only(path)]
    if locked:
        raise RecordWriteError(
            "These files are read-only, so scrkit changed nothing: " + ", ".join(str(path) for path in locked) + ".",
            hint="If they should change, make them writable (Properties, untick Read-only), then run it again.",
        )


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
