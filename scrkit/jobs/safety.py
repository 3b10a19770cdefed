"""Jobs for `scrkit log` (show, verify, head, repair) and `scrkit unlock`."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import Problem, ProblemsFound
from scrkit.review import audit
from scrkit.review.casefolder import CaseFolder
from scrkit.review.locking import LockHolder, ReviewLock


def audit_changes(review: Path) -> list[audit.Change]:
    """One row per command that changed the review (what can be read of a damaged log)."""
    return audit.changes(CaseFolder.open(review).path)


def verify_audit_log(review: Path, anchor: str | None = None) -> int:
    """The number of lines, once the log is known to hold (against ``anchor`` too, if given)."""
    folder = CaseFolder.open(review)
    problems = audit.verify(folder.path, audit.parse_anchor(anchor) if anchor else None)
    if problems:
        raise ProblemsFound(
            f"the audit log of {review}",
            [Problem(folder.path / audit.LOG_NAME, None, "", message) for message in problems],
            hint="Keep the files as they are and tell the business manager. " + audit.REPAIR_HINT,
        )
    return len(audit.read_log(folder.path).lines)


def audit_head(review: Path) -> str:
    """The log's head, N:HASH, to keep somewhere else as an anchor."""
    return audit.head(CaseFolder.open(review).path)


def repair_audit_log(review: Path) -> tuple[Path | None, str]:
    """Start a new log, keeping the damaged one beside it; the repair is the new log's first entry."""
    folder = CaseFolder.open(review)
    lock = ReviewLock(folder.path, "log --repair")
    lock.acquire()
    try:
        return audit.repair(folder.path)
    finally:
        lock.release()


def unlock(review: Path, force: bool = False) -> LockHolder | None:
    """Break a stale lock (any lock with ``force``); the holder it belonged to, or None if unlocked."""
    from scrkit.review.locking import break_lock

    return break_lock(CaseFolder.open(review).path, force=force)
