"""The review's lock: one writer at a time, holders named, stale locks broken on request."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from scrkit.review.casefolder import CaseFolder
from scrkit.review.locking import LOCK_NAME, ReviewLock, ReviewLocked, break_lock, is_stale, read_holder


def plant_lock(folder: Path, *, pid: int, host: str | None = None, since: dt.datetime | None = None) -> None:
    (folder / LOCK_NAME).write_text(
        json.dumps(
            {
                "user": "pmaple",
                "host": host or socket.gethostname(),
                "pid": pid,
                "since": (since or dt.datetime.now()).replace(microsecond=0).isoformat(),
                "command": "done",
            }
        ),
        encoding="utf-8",
    )


def test_a_second_writer_is_refused_naming_the_holder(review_dir: Path) -> None:
    first = ReviewLock(review_dir, "letters")
    first.acquire(wait=0)
    try:
        with pytest.raises(ReviewLocked) as caught:
            ReviewLock(review_dir, "done").acquire(wait=0)
        assert "scrkit letters" in caught.value.message and "Nothing was changed" in caught.value.message
    finally:
        first.release()
    assert not (review_dir / LOCK_NAME).exists()


def test_changing_holds_the_lock_and_releases_it(review_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRKIT_LOCK_WAIT", "0")
    folder = CaseFolder.open(review_dir)
    with folder.changing("outer"):
        assert read_holder(review_dir).command == "outer"
        # One command changes a review at a time, this process too.
        with pytest.raises(ReviewLocked), CaseFolder.open(review_dir).changing("inner"):
            pass
    assert read_holder(review_dir) is None


def test_the_lock_is_released_when_the_command_fails(review_dir: Path) -> None:
    folder = CaseFolder.open(review_dir)
    with pytest.raises(RuntimeError), folder.changing("done"):
        raise RuntimeError("boom")
    assert read_holder(review_dir) is None


def test_stale_locks(review_dir: Path) -> None:
    plant_lock(review_dir, pid=999_999_999)  # no such process on this machine
    assert is_stale(read_holder(review_dir))
    plant_lock(review_dir, pid=1, host="ANOTHER-PC", since=dt.datetime.now() - dt.timedelta(hours=3))
    assert is_stale(read_holder(review_dir))
    plant_lock(review_dir, pid=1, host="ANOTHER-PC")
    assert not is_stale(read_holder(review_dir))


def test_a_live_lock_is_not_broken_without_force(review_dir: Path) -> None:
    plant_lock(review_dir, pid=1, host="ANOTHER-PC")
    with pytest.raises(ReviewLocked, match="may still be running"):
        break_lock(review_dir)
    assert break_lock(review_dir, force=True).user == "pmaple"
    assert read_holder(review_dir) is None


def test_commands_refuse_while_locked_and_unlock_breaks_a_stale_lock(scrkit, review_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCRKIT_LOCK_WAIT", "0")
    plant_lock(review_dir, pid=1, host="ANOTHER-PC")
    before = (review_dir / "timeline.yaml").read_bytes()
    result = scrkit("done", "family-notified", "--date", "20/11/2026", "-r", review_dir)
    assert result.code == ExitCode.REFUSED
    assert "being changed by pmaple on ANOTHER-PC" in result.err and "Traceback" not in result.err
    assert (review_dir / "timeline.yaml").read_bytes() == before
    # Reading never needs the lock.
    assert scrkit("status", "-r", review_dir, "--today", "2026-10-01").code == ExitCode.OK
    assert scrkit("validate", "-r", review_dir).code == ExitCode.OK
    assert scrkit("unlock", "--force", "-r", review_dir).code == ExitCode.OK
    plant_lock(review_dir, pid=999_999_999)  # its command died, on this machine: the lock recovers by itself
    recovered = scrkit("done", "family-notified", "--date", "20/11/2026", "-r", review_dir)
    assert recovered.code == ExitCode.OK, recovered.err
    assert "broke a stale lock held by pmaple" in recovered.err and "no longer running" in recovered.err
    from scrkit.review.audit import changes

    assert "broke a stale lock held by pmaple" in changes(review_dir)[-1].note  # and the audit log says so
    assert read_holder(review_dir) is None


def test_a_lock_left_half_written_by_a_kill_recovers_once_it_is_old(scrkit, review_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCRKIT_LOCK_WAIT", "0")
    lock = review_dir / LOCK_NAME
    lock.write_text('{"user": "pm' + "[" * 100_000, encoding="utf-8")  # killed while writing it, or garbage
    old = dt.datetime.now().timestamp() - 60
    os.utime(lock, (old, old))
    result = scrkit("done", "family-notified", "--date", "20/11/2026", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    assert "broke a stale lock" in result.err


def test_a_read_only_folder_is_refused_clearly(review_dir: Path, monkeypatch) -> None:
    from scrkit.errors import Refused
    from scrkit.review import locking

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locking.os, "open", denied)
    with pytest.raises(Refused, match="cannot change the review"):
        ReviewLock(review_dir, "done").acquire(wait=0)


def test_on_windows_a_lock_is_judged_by_its_age(review_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scrkit.review import locking

    monkeypatch.setattr(locking.os, "name", "nt")
    monkeypatch.setattr(locking.os, "kill", lambda *args: pytest.fail("os.kill must not be called on Windows"))
    plant_lock(review_dir, pid=999_999_999)
    assert not is_stale(read_holder(review_dir))  # cannot tell the process has gone: wait for the age
    plant_lock(review_dir, pid=999_999_999, since=dt.datetime.now() - dt.timedelta(hours=3))
    assert is_stale(read_holder(review_dir))
