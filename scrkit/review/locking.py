"""One writer at a time: the review's lock file.

A command that changes a review first creates ``.scrkit-lock`` in the review folder. Creating
a file that must not exist yet (``O_CREAT | O_EXCL``) is atomic, on a local disk and on a
Windows or Samba share, so two people cannot both hold the lock. The file says who holds it,
from which machine, since when and for which command, so the other person can be told.

A lock whose holder has gone (a process on this machine that no longer runs, or a lock older
than ``STALE_AFTER``) is stale: ``scrkit unlock`` breaks it. Read-only commands never lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from scrkit.case.layout import LOCK
from scrkit.errors import Refused

LOCK_NAME = str(LOCK)
STALE_AFTER = dt.timedelta(hours=2)
WAIT_SECONDS = 3.0
JUST_TAKEN_SECONDS = 10.0  # a colleague's command takes well under a second; wait briefly before refusing


class ReviewLocked(Refused):
    """Someone else is changing the review."""


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: dt.datetime
    command: str

    def describe(self) -> str:
        if self.pid == -1:
            return "another scrkit command that is just starting"
        return f"{self.user} on {self.host} since {self.since:%d/%m/%Y %H:%M} (scrkit {self.command})"


def current_user() -> str:
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "unknown user"


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        # On Windows os.kill(pid, 0) would send Ctrl+C to the process, not test it: judge by age instead.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def read_holder(folder: Path) -> LockHolder | None:
    try:
        data = json.loads((folder / LOCK_NAME).read_text(encoding="utf-8"))
        return LockHolder(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=dt.datetime.fromisoformat(data["since"]),
            command=str(data["command"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Unreadable: being written this instant by the command taking it (a live lock), or left
        # half-written by a process killed at that instant (stale once it is a few seconds old).
        try:
            age = time.time() - (folder / LOCK_NAME).stat().st_mtime
        except OSError:
            return None
        since = dt.datetime.now() if age < JUST_TAKEN_SECONDS else dt.datetime.min
        return LockHolder("someone", "another command", -1, since, "(starting)")


def is_stale(holder: LockHolder, now: dt.datetime | None = None) -> bool:
    now = now or dt.datetime.now()
    if holder.since == dt.datetime.min:
        return True
    if holder.pid == -1:
        return False  # being taken this instant
    if holder.host == socket.gethostname() and not _process_alive(holder.pid):
        return True
    return now - holder.since > STALE_AFTER


class ReviewLock:
    def __init__(self, folder: Path, command: str) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self.command = command

    def acquire(self, wait: float | None = None) -> None:
        if wait is None:
            wait = float(os.environ.get("SCRKIT_LOCK_WAIT", WAIT_SECONDS))
        deadline = time.monotonic() + wait
        while True:
            try:
                descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_holder(self.folder)
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise self._refusal(holder) from None
            except OSError as error:  # a read-only folder, a share that has gone away
                raise Refused(
                    f"scrkit cannot change the review at {self.folder}: {error.strerror or error}. "
                    "Nothing was changed.",
                    hint="Check that you can write to the folder (and that the shared drive is connected).",
                ) from None
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    json.dump(
                        {
                            "user": current_user(),
                            "host": socket.gethostname(),
                            "pid": os.getpid(),
                            "since": dt.datetime.now().replace(microsecond=0).isoformat(),
                            "command": self.command,
                        },
                        handle,
                    )
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as error:  # the disk filled up, the share went away
                self.release()
                raise Refused(
                    f"scrkit could not take the review's lock at {self.folder}: {error.strerror or error}. "
                    "Nothing was changed.",
                    hint="Check that the disk is not full and the shared drive is connected, then try again.",
                ) from None
            return

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _refusal(self, holder: LockHolder | None) -> ReviewLocked:
        if holder is None:
            return ReviewLocked("The review was locked a moment ago; run the command again.")
        if is_stale(holder):
            return ReviewLocked(
                f"The review is locked by {holder.describe()}, but that lock looks stale "
                "(the command is no longer running, or the lock is hours old). Nothing was changed.",
                hint=f"If nobody is using scrkit on this review, break the lock with: scrkit unlock -r {self.folder}",
            )
        return ReviewLocked(
            f"The review is being changed by {holder.describe()}. Nothing was changed.",
            hint="Wait until they have finished, then run the command again.",
        )


def break_lock(folder: Path, force: bool = False) -> LockHolder | None:
    """Remove a stale lock (or any lock, with ``force``); returns who held it."""
    holder = read_holder(folder)
    if holder is None:
        return None
    if not force and not is_stale(holder):
        raise ReviewLocked(
            f"The review is locked by {holder.describe()}, and that command may still be running.",
            hint="Ask them first. If you are sure nobody is using scrkit on it, run: scrkit unlock --force",
        )
    (folder / LOCK_NAME).unlink(missing_ok=True)
    return holder
