"""Jobs for `scrkit log` and `scrkit unlock`: the audit trail and the review's lock."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import Problem, ProblemsFound
from scrkit.review.casefolder import CaseFolder
from scrkit.review.locking import LockHolder


def audit_entries(review: Path) -> list[dict]:
    from scrkit.review.audit import read_entries

    return read_entries(CaseFolder.open(review).path)


def verify_audit_log(review: Path) -> int:
    """The number of entries, once every one is known to be intact; else the problems found."""
    from scrkit.review.audit import LOG_NAME, read_entries, verify

    folder = CaseFolder.open(review)
    problems = verify(folder.path)
    if problems:
        raise ProblemsFound(
            f"the audit log of {review}",
            [Problem(folder.path / LOG_NAME, None, "", message) for message in problems],
            hint="The log has been tampered with or damaged. Keep the file as it is and tell the business manager.",
        )
    return len(read_entries(folder.path))


def unlock(review: Path, force: bool = False) -> LockHolder | None:
    """Break a stale lock (any lock with ``force``); the holder it belonged to, or None if unlocked."""
    from scrkit.review.locking import break_lock

    return break_lock(CaseFolder.open(review).path, force=force)
