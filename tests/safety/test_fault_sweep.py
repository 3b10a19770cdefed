"""A fault at every write step of a command that changes two records (issue 18, Done when: ENOSPC,
EACCES, EROFS and EIO at each call that creates, syncs or renames a file): afterwards the command has
said so plainly, no lock is left, no temporary file, no record is half-written, and either nothing
changed and the log holds, or what changed has its entry (or `log --verify` names the unfinished one).

The command is `scrkit done completion` on the example: it writes timeline.yaml and, since the
review's status moves to approved (14.1), review.yaml, then the audit log and its head.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from scrkit.records import atomic
from scrkit.records.atomic import TEMP_SUFFIX
from scrkit.review.audit import changes, verify
from tests.conftest import fairly_represented

COMMAND = ("done", "completion", "--date", "20/11/2026")
STEPS = ("mkstemp", "fsync", "replace")  # every file scrkit writes is made, synced and renamed so (atomic.py)
FAULTS = {
    "ENOSPC": OSError(errno.ENOSPC, "No space left on device"),
    "EACCES": PermissionError(errno.EACCES, "Permission denied"),
    "EROFS": OSError(errno.EROFS, "Read-only file system"),
    "EIO": OSError(errno.EIO, "Input/output error"),
}


@contextmanager
def faulty(monkeypatch: pytest.MonkeyPatch, strike: int | None, fault: OSError | None) -> Iterator[list[str]]:
    """Count every write step; the ``strike``-th (from 1) raises ``fault``. Yields the steps taken."""
    taken: list[str] = []
    for step in STEPS:
        module = atomic.tempfile if step == "mkstemp" else atomic.os
        real = getattr(module, step)

        def counted(*args: object, _real=real, _step=step, **kwargs: object) -> object:  # noqa: ANN001
            taken.append(_step)
            if strike is not None and len(taken) == strike:
                assert fault is not None
                raise fault
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, step, counted)
    yield taken
    monkeypatch.undo()


@pytest.fixture
def review_dir(review_dir: Path) -> Path:
    """The example, ready for the LSCB's adoption on 20/11/2026 (13.1.6, 14.1.3)."""
    fairly_represented(review_dir, dt.date(2026, 11, 20))
    return review_dir


def snapshot(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("timeline.yaml", "review.yaml")}


def test_the_command_takes_enough_write_steps_to_sweep(scrkit, review_dir: Path, monkeypatch) -> None:
    with faulty(monkeypatch, None, None) as taken:
        assert scrkit(*COMMAND, "-r", review_dir).code == ExitCode.OK
    # Two records, the log and its head (and the intent before them), each made, synced, renamed.
    assert taken.count("replace") >= 4 and len(taken) >= 12, taken


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_fault_at_every_write_step(scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    folder = review_dir.parent / "pristine"
    shutil.copytree(review_dir, folder)
    with faulty(monkeypatch, None, None) as taken:
        assert scrkit(*COMMAND, "-r", folder).code == ExitCode.OK
    total = len(taken)
    outcomes: set[str] = set()
    for strike in range(1, total + 1):
        trial = review_dir.parent / f"trial-{fault}-{strike}"
        shutil.copytree(review_dir, trial)
        before, entries_before = snapshot(trial), len(changes(trial))
        with faulty(monkeypatch, strike, FAULTS[fault]) as steps:
            result = scrkit(*COMMAND, "-r", trial)
        where = f"{fault} at step {strike} of {total} ({steps[strike - 1] if len(steps) >= strike else '?'})"
        assert result.code in (ExitCode.OK, ExitCode.REFUSED), f"{where}: exit {result.code}\n{result.err}"
        assert "Traceback" not in result.err, where
        assert not (trial / ".scrkit-lock").exists(), f"{where}: the lock was left"
        assert not list(trial.rglob(f"*{TEMP_SUFFIX}")), f"{where}: a temporary file was left"
        after = snapshot(trial)
        log = changes(trial)
        problems = verify(trial)
        if after == before:
            # Nothing changed: the log holds, and says the command failed if it says anything.
            assert result.code == ExitCode.REFUSED, where
            assert problems == [], f"{where}: {problems}"
            assert all(change.state != "done" for change in log[entries_before:]), where
            outcomes.add("nothing changed")
        else:
            outcomes.add("changed, and accounted for")
            # What changed is whole (each record is the old or the new, never half) and is accounted for.
            assert b"done: 2026-11-20" in after["timeline.yaml"], where
            done = any(change.state == "done" for change in log[entries_before:])
            assert done or any("did not finish" in problem for problem in problems), f"{where}: unaudited change"
        # The next command on this machine is not blocked by anything the fault left.
        follow = scrkit("done", "completion", "--date", "20/11/2026", "-r", trial)
        assert follow.code in (ExitCode.OK, ExitCode.BAD_INPUT, ExitCode.REFUSED), f"{where}: {follow.err}"
        assert "lock" not in follow.err.lower(), f"{where}: {follow.err}"
    # Faults before the records are replaced change nothing; one after them leaves the change whole.
    assert outcomes == {"nothing changed", "changed, and accounted for"}
