"""scrkit's one error tree, and the exit codes the command line turns them into.

Everything scrkit expects to go wrong (a missing folder, an invalid record, a bad
flag value) is raised as a ``ScrkitError``. The command-line layer is the only place
that turns one into a message and an exit code (``scrkit.cli.main``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Exit codes, documented in the README; scripts and scheduled jobs rely on them."""

    OK = 0
    PROBLEMS_FOUND = 1  # the review's records are invalid or inconsistent
    BAD_INPUT = 2  # a command-line flag or typed answer was wrong
    NOT_A_REVIEW = 3  # the folder is missing or is not a review
    REFUSED = 4  # scrkit would have overwritten something, or sent what it cannot vouch for, so it stopped
    OVERDUE = 5  # `scrkit status`: something is overdue
    INTERNAL = 70  # a bug in scrkit: please report it with --debug output
    INTERRUPTED = 130  # stopped with Ctrl+C (set by typer)


class ScrkitError(Exception):
    """The root of every error scrkit expects. ``str(error)`` is a message for a person."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class BadInput(ScrkitError):
    """A value given on the command line (or typed at a prompt) cannot be used."""

    exit_code = ExitCode.BAD_INPUT


class NotAReview(ScrkitError):
    """The folder named with -r/--review does not hold a review."""

    exit_code = ExitCode.NOT_A_REVIEW


class Refused(ScrkitError):
    """scrkit stopped rather than overwrite or damage something."""

    exit_code = ExitCode.REFUSED


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: where it is and what to do about it."""

    file: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ProblemsFound(ScrkitError):
    """Records or settings with problems, each listed with its file, line and field."""

    exit_code = ExitCode.PROBLEMS_FOUND

    def __init__(self, subject: str, problems: list[Problem], hint: str) -> None:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} found in {subject}.", hint=hint)
        self.problems = problems


class InvalidReview(ProblemsFound):
    """One or more records of a review are invalid or contradict each other."""

    def __init__(self, folder: Path, problems: list[Problem]) -> None:
        super().__init__(
            f"the review at {folder}",
            problems,
            hint="Fix each line above in the named file, then run `scrkit validate` again.",
        )
        self.folder = folder


class RefusedChange(InvalidReview):
    """A command's change that would leave the review with problems: refused, and nothing written. The
    problems say where each would have been (file and field; the line is in a file not saved)."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, folder: Path, problems: list[Problem]) -> None:
        unsaved = [Problem(file=problem.file, line=None, field=problem.field, message=problem.message)
                   for problem in problems]  # fmt: skip
        super().__init__(folder, unsaved)
        count = len(problems)
        self.message = f"Nothing was written: the change would leave {count} problem{'s' if count != 1 else ''} " \
            f"in the review at {folder}."  # fmt: skip
        self.args = (self.message,)
        self.hint = (
            "Run the command again with values that fit; where a problem names something else that refers to "
            "what you changed (a relationship naming a person you removed), change or remove that first."
        )


class InvalidProfile(ProblemsFound):
    """The process profile (the timetable as data) cannot be used."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(
            f"the process profile {path}",
            problems,
            hint="Fix the profile file, or set `process_profile: default` in review.yaml to use the built-in one.",
        )
        self.path = path


class RecordWriteError(ScrkitError):
    """A record could not be saved; the file on disk is unchanged."""

    exit_code = ExitCode.REFUSED
