"""Records that are not records: pipes, devices, links out of the review, absurd nesting, empty files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from scrkit.errors import ExitCode, InvalidReview
from scrkit.review.casefolder import CaseFolder


def refused(review_dir: Path) -> str:
    """Loading the review is refused (never a hang or a crash); the problems as one text."""
    outcome: list[BaseException | None] = []

    def load() -> None:
        try:
            CaseFolder.open(review_dir).load()
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - the test judges it below
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert outcome, "loading the review hung"
    assert isinstance(outcome[0], InvalidReview), outcome[0]
    return "\n".join(str(problem) for problem in outcome[0].problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_record_that_is_a_pipe_is_refused_without_hanging(review_dir: Path) -> None:
    (review_dir / "panel.yaml").unlink()
    os.mkfifo(review_dir / "panel.yaml")
    assert "panel.yaml: is not an ordinary file" in refused(review_dir)


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd"])
def test_a_record_linked_out_of_the_review_is_refused(review_dir: Path, target: str) -> None:
    if not Path(target).exists():
        pytest.skip(f"{target} is not on this machine")
    (review_dir / "board.yaml").unlink()
    (review_dir / "board.yaml").symlink_to(target)
    message = refused(review_dir)
    assert "board.yaml" in message and ("outside the review folder" in message or "not an ordinary file" in message)


def test_a_link_inside_the_review_is_read(review_dir: Path) -> None:
    (review_dir / "kept").mkdir()
    (review_dir / "board.yaml").rename(review_dir / "kept" / "board.yaml")
    (review_dir / "board.yaml").symlink_to(review_dir / "kept" / "board.yaml")
    assert CaseFolder.open(review_dir).load().board.name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("notes: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested"),
        ("".join(" " * (2 * level) + f"k{level}:\n" for level in range(600)), "indented further"),
    ],
    ids=["100000-brackets", "600-blocks"],
)
def test_absurd_nesting_is_refused_not_a_crash(review_dir: Path, text: str, expected: str) -> None:
    (review_dir / "interviews.yaml").write_text(text, encoding="utf-8")
    assert expected in refused(review_dir)


def test_an_empty_record_can_be_written_to(scrkit, review_dir: Path) -> None:
    (review_dir / "interviews.yaml").write_text("", encoding="utf-8")  # emptied in Notepad
    assert scrkit("validate", "-r", review_dir).code == ExitCode.OK  # an empty list of interviews is valid
    result = scrkit("imr", "update", "police", "--due", "22/01/2027", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err


def test_an_emptied_timeline_is_reported_against_the_audit_log(scrkit, review_dir: Path) -> None:
    assert scrkit("done", "family-notified", "--date", "20/10/2026", "-r", review_dir).code == ExitCode.OK
    (review_dir / "timeline.yaml").write_text("", encoding="utf-8")
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "milestones.family-notified.done: is not recorded, but `scrkit done` recorded it as done on 20/10/2026" \
        in " ".join(result.err.split())  # fmt: skip
    # the day it was done, to type again, not the day the command ran (a newcomer re-entered the wrong one)
    assert "scrkit done family-notified --date 20/10/2026" in " ".join(result.err.split())
    assert scrkit("timeline", "-r", review_dir).code == ExitCode.OK  # rebuilds the due dates, no crash
    assert scrkit("done", "family-notified", "--date", "20/10/2026", "-r", review_dir).code == ExitCode.OK
    assert scrkit("validate", "-r", review_dir).code == ExitCode.OK


def test_a_read_only_record_is_never_overwritten(scrkit, review_dir: Path) -> None:
    record = review_dir / "agencies.yaml"
    before = record.read_bytes()
    record.chmod(0o444)
    result = scrkit("agencies", "reply", "westmoor-probation", "nil-return", "--date", "25/09/2026", "-r", review_dir)
    assert result.code == ExitCode.REFUSED and "read-only" in result.err and "agencies.yaml" in result.err
    assert record.read_bytes() == before


def test_a_read_only_audit_log_is_never_overwritten(scrkit, review_dir: Path) -> None:
    log = review_dir / "audit.log"
    before = log.read_bytes()
    log.chmod(0o444)
    result = scrkit("done", "family-notified", "--date", "20/10/2026", "-r", review_dir)
    assert result.code == ExitCode.REFUSED and "read-only" in result.err and "audit.log" in result.err
    assert log.read_bytes() == before


def test_an_output_folder_that_is_a_file_or_read_only_changes_nothing(scrkit, review_dir: Path) -> None:
    log = (review_dir / "audit.log").read_bytes()
    (review_dir / "reports" / "README.txt").unlink()
    (review_dir / "reports").rmdir()
    (review_dir / "reports").write_text("a file where the reports folder was", encoding="utf-8")
    result = scrkit("genogram", "-r", review_dir)
    assert result.code == ExitCode.REFUSED and "is a file where scrkit keeps a folder" in result.err
    (review_dir / "letters").chmod(0o555)
    result = scrkit("letters", "family-leaflet", "--no-record-sent", "-r", review_dir)
    assert result.code == ExitCode.REFUSED and "is read-only. Nothing was changed." in result.err
    assert (review_dir / "audit.log").read_bytes() == log  # refused before the intent: not even logged


@pytest.mark.parametrize(
    "record, old, new",
    [
        ("review.yaml", "  date: 2026-10-07", "  date: 9999-10-07"),
        ("timeline.yaml", "done: 2026-09-15", "done: 9999-12-31"),
        ("review.yaml", 'years: "7"', 'years: "8000"'),
    ],
    ids=["decision-9999", "done-9999", "retention-8000-years"],
)
def test_dates_no_review_can_hold_are_problems_not_crashes_or_hangs(scrkit, review_dir: Path, record, old, new) -> None:  # noqa: ANN001
    from tests.conftest import replace_in

    replace_in(review_dir / record, old, new)
    for command in ("validate", "status", "timeline"):
        result = scrkit(command, "-r", review_dir)
        assert result.code == ExitCode.PROBLEMS_FOUND, (command, result.err)
        assert record in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("typed", ["31/12/9999", "01/01/0001"])
def test_dates_typed_far_out_are_refused(scrkit, review_dir: Path, typed: str) -> None:
    result = scrkit("set-date", "presentation-meeting", typed, "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "not a plausible date" in result.err


@pytest.mark.parametrize(
    "lock",
    [
        '{"user": "root", "host": "HOST", "pid": 2147483648, "since": "2026-11-01T09:00:00", "command": "done"}',
        '{"user": "root", "host": "elsewhere", "pid": 1, "since": "2026-11-01T09:00:00+00:00", "command": "done"}',
    ],
    ids=["pid-past-any-system", "time-with-a-zone"],
)
def test_odd_lock_files_are_judged_not_crashed_on(scrkit, review_dir: Path, lock: str, monkeypatch) -> None:  # noqa: ANN001
    import socket

    monkeypatch.setenv("SCRKIT_LOCK_WAIT", "0")
    (review_dir / ".scrkit-lock").write_text(lock.replace("HOST", socket.gethostname()), encoding="utf-8")
    result = scrkit("done", "family-notified", "--date", "20/10/2026", "-r", review_dir)
    assert result.code == ExitCode.OK and "broke a stale lock" in result.err, result.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("name", ["audit.log", ".scrkit-audit-head", ".scrkit-lock"])
def test_a_log_head_or_lock_that_is_a_pipe_never_hangs(scrkit, review_dir: Path, name: str, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SCRKIT_LOCK_WAIT", "0")
    path = review_dir / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    outcome: list[int] = []
    worker = threading.Thread(target=lambda: outcome.append(scrkit("log", "--verify", "-r", review_dir).code))
    worker.daemon = True
    worker.start()
    worker.join(timeout=10)
    assert outcome, f"a pipe named {name} made scrkit hang"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("interviews:\n" + "- " * 260 + "x\n", "opens more lists within lists"),
        ("interviews:\n" + "? " * 5_000 + "x\n", "opens more lists within lists"),
        ("interviews:\n" + "- a\n" * 30_000, "30,001 lines, far more than any record"),
        ("interviews:\n" + "- a\n" * 600_000, "far larger than any record"),
        ("interviews:\n  - interviewer: &w Jo Pike\n    professional: hv-1\n    date: 2026-10-01\n"
         "  - interviewer: *w\n    professional: hv-1\n    date: 2026-10-02\n", "anchors and aliases"),
    ],
    ids=["260-dashes-on-a-line", "5000-keys-on-a-line", "30000-lines", "2.4-MB", "a-text-anchored-and-repeated"],
)  # fmt: skip
def test_records_past_every_bound_are_refused_not_a_crash_or_a_hang(review_dir: Path, text: str, expected: str) -> None:
    """A red team's: a RecursionError inside the parser (exit 70), 5 MB of '- a' (over a minute), and an
    alias to a text, accepted where aliases to lists and maps were refused."""
    (review_dir / "interviews.yaml").write_text(text, encoding="utf-8")
    assert expected in refused(review_dir)


def test_a_log_damaged_on_every_line_is_reported_briefly(scrkit, review_dir: Path) -> None:
    """700,000 lines of '{}' took 118 s and 1.1 GB: three problems each, all printed."""
    with (review_dir / "audit.log").open("a", encoding="utf-8") as log:
        log.write("{}\n" * 200_000)
    result = scrkit("log", "--verify", "-r", review_dir)
    assert result.code != 0 and "the log is damaged throughout" in result.out + result.err
    assert (result.out + result.err).count("\n") < 40


def test_a_huge_head_file_cannot_be_read_and_is_not_read_whole(scrkit, review_dir: Path) -> None:
    head = review_dir / ".scrkit-audit-head"
    os.truncate(head, 2 << 30)  # sparse: 2 GB that take no room
    result = scrkit("log", "--verify", "-r", review_dir)
    assert result.code != 0 and ".scrkit-audit-head cannot be read" in result.out + result.err


def test_a_sound_log_is_not_repaired(scrkit, review_dir: Path) -> None:
    """`log --repair` on a sound log started a new chain: every anchor kept elsewhere then failed."""
    before = (review_dir / "audit.log").read_bytes()
    result = scrkit("log", "--repair", "-r", review_dir)
    assert result.code == ExitCode.REFUSED and "is sound; there is nothing to repair" in result.err
    assert (review_dir / "audit.log").read_bytes() == before and not list(review_dir.glob("audit.log.damaged*"))
