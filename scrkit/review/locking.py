"""One writer at a time: the review's lock file.

A command that changes a review first creates ``.scrkit-lock`` in the review folder. Creating
a file that must not exist yet (``O_CREAT | O_EXCL``) is atomic, on a local disk and on a
Windows or Samba share, so two people cannot both hold the lock. The file says who holds it,
from which machine, since when and for which command, so the other person can be told.

A lock whose holder has provably gone (a process on this machine that no longer runs, a lock file
left half-written, or a lock older than ``STALE_AFTER``, longer than any command runs) is broken by
the next command that needs the lock, which says whose it was and notes it in the audit log. A
live holder, or one on another machine within ``STALE_AFTER``, is never broken without
``scrkit unlock --force``. Read-only commands never lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from scrkit.case.layout import LOCK
from scrkit.errors import Refused

LOCK_NAME = str(LOCK)
LOCK_TEMP_SUFFIX = ".taking"  # a lock being written before it is linked into place
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
    except (ProcessLookupError, OverflowError):  # no such process; a pid no system gives out
        return False
    except (PermissionError, OSError):
        return True
    return True


def _local(moment: dt.datetime) -> dt.datetime:
    """A lock's time as this machine's local time without a zone, however it was written."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def read_holder(folder: Path) -> LockHolder | None:
    return read_holder_file(folder / LOCK_NAME)


def read_holder_file(path: Path) -> LockHolder | None:
    try:
        if path.exists() and not path.is_file():  # a pipe or a folder: unreadable, never waited on
            raise ValueError("not an ordinary file")
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=_local(dt.datetime.fromisoformat(data["since"])),
            command=str(data["command"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, RecursionError, OverflowError):
        # Unreadable: being written this instant by the command taking it (a live lock), or left
        # half-written by a process killed at that instant (stale once it is a few seconds old).
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            return None
        since = dt.datetime.now() if age < JUST_TAKEN_SECONDS else dt.datetime.min
        return LockHolder("someone", "another command", -1, since, "(starting)")


def is_stale(holder: LockHolder, now: dt.datetime | None = None) -> bool:
    """The holder provably no longer holds it: the lock may be broken without asking anyone."""
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
        self.notes: list[str] = []  # for the audit entry: a stale lock broken on the way in

    def acquire(self, wait: float | None = None) -> None:
        if wait is None:
            wait = float(os.environ.get("SCRKIT_LOCK_WAIT", WAIT_SECONDS))
        deadline = time.monotonic() + wait
        content = json.dumps(
            {
                "user": current_user(),
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": dt.datetime.now().replace(microsecond=0).isoformat(),
                "command": self.command,
            }
        ).encode("utf-8")
        while True:
            try:
                self._create(content)
            except FileExistsError:
                holder = read_holder(self.folder)
                if holder is not None and is_stale(holder) and self._break(holder):
                    continue  # its holder is dead: take the lock at once
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise self._refusal(holder) from None
            self._sweep_leftovers()
            return

    def _sweep_leftovers(self) -> None:
        """Lock files a killed command left half-taken or half-broken (a minute old: not in progress)."""
        now = time.time()
        for pattern in (f"{LOCK_NAME}.*{LOCK_TEMP_SUFFIX}", f"{LOCK_NAME}.broken-*"):
            for leftover in self.folder.glob(pattern):
                with contextlib.suppress(OSError):
                    if now - leftover.lstat().st_mtime > 60:
                        leftover.unlink()

    def _create(self, content: bytes) -> None:
        """Create the lock whole: written to a private file, then linked into place, which is atomic
        and never seen half-written; where links are not supported (some shares), created exclusively
        and then written. Raises FileExistsError if someone holds it."""
        temp = self.folder / f"{LOCK_NAME}.{os.getpid()}-{time.monotonic_ns()}{LOCK_TEMP_SUFFIX}"
        try:
            descriptor = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except OSError as error:  # a read-only folder, a share that has gone away
            raise Refused(
                f"scrkit cannot change the review at {self.folder}: {error.strerror or error}. Nothing was changed.",
                hint="Check that you can write to the folder (and that the shared drive is connected).",
            ) from None
        try:
            self._write(descriptor, content)
            try:
                os.link(temp, self.path)
                return
            except FileExistsError:
                raise
            except OSError:
                pass  # no hard links on this drive: take it the other way
            self._write(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644), content, release=True)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()

    def _write(self, descriptor: int, content: bytes, release: bool = False) -> None:
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:  # the disk filled up, the share went away
            if release:
                self.release()
            raise Refused(
                f"scrkit could not take the review's lock at {self.folder}: {error.strerror or error}. "
                "Nothing was changed.",
                hint="Check that the disk is not full and the shared drive is connected, then try again.",
            ) from None

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _break(self, holder: LockHolder) -> bool:
        """Move the stale lock aside and remove it, only if it is still the stale one (another
        command may have broken it and taken the lock meanwhile); True if the way is clear."""
        aside = self.folder / f"{LOCK_NAME}.broken-{os.getpid()}-{time.monotonic_ns()}"
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return True  # someone else removed it first; try to take it
        except OSError:
            return False
        moved = read_holder_file(aside)
        if moved is not None and moved != holder:
            # Not the lock we judged stale: a live command's. Put it back unless another has appeared.
            with contextlib.suppress(OSError):
                if not self.path.exists():
                    os.rename(aside, self.path)
            return False
        with contextlib.suppress(OSError):
            aside.unlink()
        message = f"broke a stale lock held by {holder.describe()} (that command is no longer running)"
        self.notes.append(message)
        logging.getLogger("scrkit").warning("scrkit %s.", message)
        return True

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
