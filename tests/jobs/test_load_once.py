"""Each command reads each record once, writes once, and leaves one entry in the audit log.

Every opening of a record file is counted (``Path.open``, which ``read_bytes`` and ``read_text``
use, and the built-in ``open``). The one deliberate second read is the check, just before saving,
that an edited record is unchanged on disk since it was read; it is counted apart.
"""

from __future__ import annotations

import builtins
import pathlib
from collections import Counter
from pathlib import Path

import pytest

from scrkit.case.layout import RECORD_KINDS
from scrkit.errors import ExitCode
from scrkit.resources import DATA
from scrkit.review import casefolder
from scrkit.review.audit import changes

RECORD_FILES = {kind.file_name for kind in RECORD_KINDS}


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Counts of openings of each record file, and of the pre-save checks, by file name."""
    opened: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    real_path_open, real_open, real_disk_bytes = pathlib.Path.open, builtins.open, casefolder._disk_bytes

    def note(target: object, mode: str) -> None:
        path = Path(str(target))
        # Reads of a review's records; the blank forms scrkit ships (same names) are not a review's.
        if path.name in RECORD_FILES and not set(mode) & set("wax+") and DATA not in path.resolve().parents:
            opened[path.name] += 1

    def path_open(self, mode="r", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        note(self, mode)
        return real_path_open(self, mode, *args, **kwargs)

    def plain_open(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        note(file, mode)
        return real_open(file, mode, *args, **kwargs)

    def disk_bytes(path: Path) -> bytes | None:
        checked[path.name] += 1
        opened[path.name] -= 1  # its own opening is counted by path_open below
        return real_disk_bytes(path)

    monkeypatch.setattr(pathlib.Path, "open", path_open)
    monkeypatch.setattr(builtins, "open", plain_open)
    monkeypatch.setattr(casefolder, "_disk_bytes", disk_bytes)
    return opened, checked


def run_counted(scrkit, reads, review: Path, *args: str | Path) -> tuple[Counter[str], Counter[str], int]:  # noqa: ANN001
    opened, checked = reads
    before = len(changes(review)) if review.exists() else 0
    opened.clear()
    checked.clear()
    result = scrkit(*args)
    assert result.code in (ExitCode.OK, ExitCode.PROBLEMS_FOUND), result.err
    return Counter(opened), Counter(checked), len(changes(review)) - before


def assert_each_record_read_once(opened: Counter[str]) -> None:
    assert {name: opened[name] for name in sorted(RECORD_FILES)} == {name: 1 for name in sorted(RECORD_FILES)}


@pytest.mark.usefixtures("later_clock")  # its steps are in 2027
def test_new_reads_nothing_back_and_logs_once(scrkit, reads, tmp_path: Path) -> None:
    folder = tmp_path / "SCR-2027-09"
    opened, checked, entries = run_counted(
        scrkit, reads, folder, "new", folder, "--reference", "SCR-2027-09", "--child-name", "Tamsin Orley",
        "--dob", "02/02/2024", "--incident-date", "01/03/2027", "--referral-date", "03/03/2027", "--no-input",
    )  # fmt: skip
    # Built in memory from the blank forms (which are not the review's records), written once.
    assert sum(opened.values()) == 0 and sum(checked.values()) == 0
    assert entries == 1


def test_done_reads_each_record_once(scrkit, reads, review_dir: Path) -> None:
    opened, checked, entries = run_counted(
        scrkit, reads, review_dir, "done", "family-notified", "--date", "20/10/2026", "-r", review_dir
    )
    assert_each_record_read_once(opened)
    assert checked == Counter({"timeline.yaml": 1})  # the one record it edits, checked before saving
    assert entries == 1


def test_letters_with_record_sent_reads_each_record_once(scrkit, reads, review_dir: Path) -> None:
    opened, checked, entries = run_counted(
        scrkit, reads, review_dir, "letters", "scr-request", "--to", "police", "--date", "17/09/2026",
        "--record-sent", "-r", review_dir,
    )  # fmt: skip
    assert_each_record_read_once(opened)
    assert entries == 1  # the letter and the milestone together
    entry = changes(review_dir)[-1]
    changed = {item["file"] for item in entry.files}
    assert "letters/2026-09-17 scr-request police.docx" in changed


def test_merge_chronology_reads_each_record_once(scrkit, reads, review_dir: Path) -> None:
    opened, checked, entries = run_counted(scrkit, reads, review_dir, "merge-chronology", "-r", review_dir)
    assert_each_record_read_once(opened)
    assert sum(checked.values()) == 0
    assert entries == 1


def test_anonymise_reads_each_record_once_and_is_logged(scrkit, reads, review_dir: Path, tmp_path: Path) -> None:
    note = tmp_path / "panel notes.txt"
    note.write_text("Mia-Rose Fenwick was seen at home.\n", encoding="utf-8")
    opened, checked, entries = run_counted(scrkit, reads, review_dir, "anonymise", note, "-r", review_dir)
    assert_each_record_read_once(opened)
    assert entries == 1  # it writes into the review, so it holds the lock and is in the audit log
    assert "Mia-Rose" not in (review_dir / "anonymised" / "panel notes.txt").read_text(encoding="utf-8")
