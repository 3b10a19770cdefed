"""Atomic writes: an interrupted write leaves the old file whole and no temporary file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from scrkit.records import atomic
from scrkit.records.atomic import TEMP_SUFFIX, atomic_write_text, sweep_stale_temp_files


def leftovers(folder: Path) -> list[Path]:
    return list(folder.glob(f"*{TEMP_SUFFIX}"))


def test_write_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    path.write_text("old\n")
    atomic_write_text(path, "new\n")
    assert path.read_text() == "new\n"
    assert leftovers(tmp_path) == []


def test_exception_between_temp_file_and_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "review.yaml"
    path.write_text("old record\n")

    def failing_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(OSError):
        atomic_write_text(path, "new record\n")
    assert path.read_text() == "old record\n"
    assert leftovers(tmp_path) == []


def test_exception_while_writing_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "review.yaml"
    path.write_text("old record\n")

    def failing_fsync(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        atomic_write_text(path, "new record\n")
    assert path.read_text() == "old record\n"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_permissions_of_the_old_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    path.write_text("old\n")
    path.chmod(0o640)
    atomic_write_text(path, "new\n")
    assert path.stat().st_mode & 0o777 == 0o640


def test_sweep_removes_only_stale_temporary_files(tmp_path: Path) -> None:
    stale = tmp_path / f".review.yaml.abc{TEMP_SUFFIX}"
    fresh = tmp_path / f".child.yaml.def{TEMP_SUFFIX}"
    record = tmp_path / "review.yaml"
    for path in (stale, fresh, record):
        path.write_text("x")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    assert sweep_stale_temp_files(tmp_path) == [stale]
    assert not stale.exists() and fresh.exists() and record.exists()
