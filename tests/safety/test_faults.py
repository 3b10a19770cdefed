"""Faults at every step of a write leave the old record intact, and say so plainly."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from scrkit.case.layout import AGENCIES
from scrkit.errors import ExitCode
from scrkit.records import atomic
from scrkit.records.atomic import TEMP_SUFFIX
from scrkit.review.audit import changes, verify
from scrkit.review.casefolder import CaseFolder, RecordChanged


def disk_full_when_syncing(monkeypatch: pytest.MonkeyPatch, failing: Callable[[str], bool]) -> None:
    """The disk fills up as a file whose name ``failing`` picks is flushed (Linux: /proc names it)."""
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if failing(Path(os.readlink(f"/proc/self/fd/{descriptor}")).name):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(atomic.os, "fsync", fsync)


def leftovers(folder: Path) -> list[Path]:
    return list(folder.rglob(f"*{TEMP_SUFFIX}"))


@pytest.mark.parametrize(
    "target, error",
    [
        ("mkstemp", PermissionError(errno.EACCES, "Permission denied")),
        ("fsync", OSError(errno.ENOSPC, "No space left on device")),
        ("replace", OSError(errno.EIO, "Input/output error")),
    ],
)
def test_a_failing_write_step_keeps_the_record_and_says_so(
    scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: OSError
) -> None:
    """The step fails for the record's own save only: the lock is taken as usual, so the failure
    reported is the save's (taking the lock failing is tested apart, below)."""
    record = review_dir / "agencies.yaml"
    before = record.read_bytes()
    failed: list[str] = []

    def saving_the_record(*args: object, **kwargs: object) -> bool:
        if target == "mkstemp":
            return str(kwargs.get("prefix", "")).startswith(".agencies.yaml.")
        if target == "fsync":  # Linux: /proc names the file behind the descriptor
            name = Path(os.readlink(f"/proc/self/fd/{args[0]}")).name
            return name.startswith(".agencies.yaml.") and name.endswith(TEMP_SUFFIX)
        return Path(str(args[1])) == record

    module = atomic.tempfile if target == "mkstemp" else atomic.os
    real = getattr(module, target)

    def fail(*args: object, **kwargs: object) -> object:
        if saving_the_record(*args, **kwargs):
            failed.append(target)
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(module, target, fail)
    result = scrkit("agencies", "reply", "westmoor-probation", "nil-return", "--date", "25/09/2026", "-r", review_dir)
    assert failed == [target]  # the fault struck where the test says it does, once
    assert result.code == ExitCode.REFUSED
    assert f"Could not save {record}: {error.strerror}. The file was left as it was." in result.err
    assert "Traceback" not in result.err
    assert record.read_bytes() == before
    assert leftovers(review_dir) == []
    assert not (review_dir / ".scrkit-lock").exists()
    # Written ahead, then failed: the log says so, naming no file as written, and still verifies.
    assert changes(review_dir)[-1].state == "failed" and changes(review_dir)[-1].files == []
    assert verify(review_dir) == []


def test_a_failure_taking_the_lock_changes_nothing(scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = review_dir / "agencies.yaml"
    before = record.read_bytes()
    disk_full_when_syncing(monkeypatch, lambda name: name.startswith(".scrkit-lock"))
    result = scrkit("agencies", "reply", "westmoor-probation", "nil-return", "--date", "25/09/2026", "-r", review_dir)
    assert result.code == ExitCode.REFUSED
    assert "could not take the review's lock" in result.err and "Nothing was changed" in result.err
    assert record.read_bytes() == before
    assert not (review_dir / ".scrkit-lock").exists()


def test_a_record_changed_by_hand_meanwhile_is_not_overwritten(review_dir: Path) -> None:
    folder = CaseFolder.open(review_dir)
    record = review_dir / "agencies.yaml"
    with pytest.raises(RecordChanged, match="changed by someone else"), folder.changing("edit agencies") as change:
        document = change.document(AGENCIES)
        document["agencies"][8]["request_reply"] = "nil-return"
        record.write_text(record.read_text(encoding="utf-8") + "# a note typed in Notepad meanwhile\n", "utf-8")
    assert record.read_text(encoding="utf-8").endswith("# a note typed in Notepad meanwhile\n")


WRITER = """
import sys
from pathlib import Path
from scrkit.records.atomic import atomic_write_text
path = Path(sys.argv[1])
texts = [("A" * 2_000_000) + "\\n", ("B" * 3_000_000) + "\\n"]
i = 0
print("ready", flush=True)
while True:
    atomic_write_text(path, texts[i % 2])
    i += 1
"""


def test_kills_during_writes_never_leave_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "timeline.yaml"
    path.write_text("A" * 2_000_000 + "\n")
    chance = random.Random(2026)
    for _ in range(15):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE)
        assert process.stdout is not None and process.stdout.readline().strip() == b"ready"
        time.sleep(chance.uniform(0.0, 0.15))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        text = path.read_text()
        assert text in ("A" * 2_000_000 + "\n", "B" * 3_000_000 + "\n")  # the old file or the new, whole


def test_temporary_files_left_by_a_killed_write_are_swept(review_dir: Path) -> None:
    orphan = review_dir / f".agencies.yaml.abc{TEMP_SUFFIX}"
    orphan.write_text("case data from a killed process")
    folder = CaseFolder.open(review_dir)
    with folder.changing("edit agencies") as change:
        document = change.document(AGENCIES)
        document["agencies"][8]["request_reply"] = "nil-return"
    assert not orphan.exists()


def test_disk_full_while_writing_the_audit_log_changes_nothing(
    scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock is taken; the disk fills up as the change's intent is written to the log."""
    record = review_dir / "agencies.yaml"
    before, log_before = record.read_bytes(), (review_dir / "audit.log").read_bytes()
    disk_full_when_syncing(monkeypatch, lambda name: name.startswith(".audit.log.") and name.endswith(TEMP_SUFFIX))
    result = scrkit("agencies", "reply", "westmoor-probation", "nil-return", "--date", "25/09/2026", "-r", review_dir)
    assert result.code == ExitCode.REFUSED
    assert "Could not write the audit log" in result.err and "Nothing was changed." in result.err
    assert record.read_bytes() == before and (review_dir / "audit.log").read_bytes() == log_before
    assert leftovers(review_dir) == []
    monkeypatch.undo()
    assert verify(review_dir) == []
