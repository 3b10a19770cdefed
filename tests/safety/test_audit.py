"""The audit log: written ahead of every change, damage always visible, writes refused while damaged."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from scrkit.records import atomic
from scrkit.review.audit import HEAD_NAME, LOG_NAME, changes, head, read_log, verify

A_CHANGE = ("done", "notify-incident", "--date", "05/08/2026")


def run_commands(scrkit, folder: Path) -> None:  # noqa: ANN001
    assert scrkit("new", folder, "--reference", "SCR-2027-05", "--child-name", "Ellis Quarry", "--dob", "01/06/2025",
                  "--incident-date", "01/08/2026", "--referral-date", "03/08/2026", "--no-input").code == 0  # fmt: skip
    assert scrkit("decide", "scr", "--date", "20/08/2026", "-r", folder).code == 0
    assert scrkit("done", "referral-form", "--date", "03/08/2026", "-r", folder).code == 0
    assert scrkit("set-date", "presentation-meeting", "14/04/2027", "-r", folder).code == 0
    assert scrkit("extend", "--to", "30/04/2027", "--reason", "Trial", "-r", folder).code == 0


def lines_of(folder: Path) -> list[str]:
    return (folder / LOG_NAME).read_text(encoding="utf-8").splitlines()


def rewrite(folder: Path, change) -> None:  # noqa: ANN001
    (folder / LOG_NAME).write_text("\n".join(change(lines_of(folder))) + "\n", encoding="utf-8")


@pytest.fixture
def logged(scrkit, tmp_path: Path) -> Path:  # noqa: ANN001
    folder = tmp_path / "r"
    run_commands(scrkit, folder)
    return folder


def test_a_real_sequence_of_commands_is_logged_and_verifies(scrkit, logged: Path) -> None:
    rows = changes(logged)
    # One row per command: `new` writes its records and its scaffolded timeline as one change.
    assert [row.command for row in rows] == ["new", "decide", "done", "set-date", "extend"]
    assert [row.state for row in rows] == ["start", "done", "done", "done", "done"]
    assert "timeline.yaml" in {item["file"] for item in rows[0].files}
    assert {item["file"] for item in rows[1].files} == {"review.yaml", "timeline.yaml"}
    kinds = [entry["kind"] for entry in read_log(logged).lines]
    assert kinds == ["start"] + ["intent", "commit"] * 4  # each change written ahead, then committed
    assert all(row.who and row.host for row in rows)
    log_text = (logged / LOG_NAME).read_text(encoding="utf-8")
    assert "Ellis" not in log_text and "Quarry" not in log_text  # no names of the child or family
    assert verify(logged) == []
    result = scrkit("log", "--verify", "-r", logged)
    assert result.code == ExitCode.OK and "intact: 9 entries" in result.out
    assert "set-date" in scrkit("log", "-r", logged).out


def test_the_intent_names_the_new_content_before_anything_is_written(logged: Path) -> None:
    intent = read_log(logged).lines[-2]
    assert intent["kind"] == "intent" and intent["command"] == "extend"
    [timeline] = [item for item in intent["files"] if item["file"] == "timeline.yaml"]
    import hashlib

    assert timeline["sha256"] == hashlib.sha256((logged / "timeline.yaml").read_bytes()).hexdigest()


def edit_fourth(lines: list[str]) -> list[str]:
    entry = json.loads(lines[3])
    entry["who"] = "someone-else"
    lines[3] = json.dumps(entry, sort_keys=True)
    return lines


def swap(lines: list[str]) -> list[str]:
    lines[2], lines[3] = lines[3], lines[2]
    return lines


@pytest.mark.parametrize(
    "tamper, expected",
    [
        (lambda folder: rewrite(folder, edit_fourth), "entry 4 was edited after it was written"),
        (lambda folder: rewrite(folder, lambda lines: lines[:2] + lines[3:]), "entry 3"),
        (lambda folder: rewrite(folder, swap), "removed or reordered"),
        (lambda folder: rewrite(folder, lambda lines: lines[:-2]), "removed from its end"),
        (lambda folder: rewrite(folder, lambda lines: [*lines[:4], "checked by JB 12/10"] + lines[4:]), "not an entry"),
        (lambda folder: (folder / LOG_NAME).write_text(lines_of(folder)[0] + "\n", encoding="utf-16"), "UTF-16"),
        (lambda folder: (folder / LOG_NAME).unlink(), "log is missing"),
        (lambda folder: ((folder / LOG_NAME).unlink(), (folder / HEAD_NAME).unlink()), "the log is gone"),
        (lambda folder: (folder / HEAD_NAME).unlink(), f"{HEAD_NAME} is missing"),
        (lambda folder: (folder / HEAD_NAME).write_text("not json", encoding="utf-8"), "cannot be read"),
        (lambda folder: (folder / LOG_NAME).write_bytes(b"\xff\xd8 a picture"), "not UTF-8"),
        (lambda folder: (folder / LOG_NAME).write_text("", encoding="utf-8"), "removed"),
        (
            lambda folder: (folder / HEAD_NAME).write_text('{"entries": 1e400, "last": "x"}', encoding="utf-8"),
            "cannot be read",
        ),
        (lambda folder: (folder / LOG_NAME).write_text("[" * 100_000 + "]" * 100_000 + "\n"), "not an entry"),
        (
            lambda folder: (folder / LOG_NAME).write_text(
                '{"n": "x", "hash": 5, "prev": null, "of": [1]}\n', encoding="utf-8"
            ),
            "numbered x",
        ),
    ],
    ids=[
        "edited",
        "removed",
        "reordered",
        "truncated",
        "note-typed",
        "utf16",
        "log-deleted",
        "both-deleted",
        "head-deleted",
        "head-garbled",
        "binary",
        "emptied",
        "head-infinite",
        "deeply-nested",
        "entry-of-wrong-types",
    ],  # fmt: skip
)
def test_tampering_is_detected_and_refuses_every_write(scrkit, logged: Path, tamper, expected: str) -> None:  # noqa: ANN001
    tamper(logged)
    problems = verify(logged)
    assert any(expected in problem for problem in problems), problems
    result = scrkit("log", "--verify", "-r", logged)
    assert result.code == ExitCode.PROBLEMS_FOUND and "Traceback" not in result.err
    assert scrkit("log", "-r", logged).code in (ExitCode.OK,)  # showing what can be read never crashes
    before = {path.name: path.read_bytes() for path in logged.glob("*.yaml")}
    refused = scrkit(*A_CHANGE, "-r", logged)
    assert refused.code == ExitCode.REFUSED, refused.err
    assert "audit log" in refused.err and "scrkit log --repair" in refused.err
    assert {path.name: path.read_bytes() for path in logged.glob("*.yaml")} == before  # nothing changed


def test_a_repair_is_recorded_and_keeps_the_damaged_log(scrkit, logged: Path) -> None:
    rewrite(logged, edit_fourth)
    result = scrkit("log", "--repair", "-r", logged)
    assert result.code == ExitCode.OK, result.err
    [kept] = list(logged.glob(f"{LOG_NAME}.damaged *"))
    assert "someone-else" in kept.read_text(encoding="utf-8")
    [repair] = read_log(logged).lines
    assert repair["kind"] == "repair" and "entry 4 was edited" in repair["note"]
    assert verify(logged) == []
    assert scrkit(*A_CHANGE, "-r", logged).code == ExitCode.OK  # writes work again, and are logged
    assert [row.command for row in changes(logged)][-1] == "done"


@pytest.mark.parametrize("behind", [1, 2])
def test_a_kill_between_the_log_and_its_head_is_not_called_tampering(logged: Path, behind: int) -> None:
    """Killed after writing the log, before its head: the head points at a line the log still holds
    (twice in a row: two lines behind). A head pointing at a line that is not there is still reported."""
    state = read_log(logged)
    lagging = {"entries": len(state.lines) - behind, "last": state.lines[-1 - behind]["hash"]}
    (logged / HEAD_NAME).write_text(json.dumps(lagging) + "\n", encoding="utf-8")
    assert verify(logged) == []
    lying = {"entries": len(state.lines) - behind, "last": "0" * 64}
    (logged / HEAD_NAME).write_text(json.dumps(lying) + "\n", encoding="utf-8")
    assert any("does not match the log" in problem for problem in verify(logged))


def test_an_interrupted_change_is_named_then_recorded_by_the_next_command(scrkit, logged: Path) -> None:
    # A command killed after its intent: the intent is the last line, with no commit.
    rewrite(logged, lambda lines: lines[:-1])
    state = read_log(logged)
    (logged / HEAD_NAME).write_text(json.dumps({"entries": len(state.lines), "last": state.lines[-1]["hash"]}))
    from scrkit.review import audit

    audit._remember(logged, len(state.lines), state.lines[-1]["hash"])  # as this machine last saw it
    [problem] = verify(logged)
    assert "`scrkit extend` began changing" in problem and "did not finish (interrupted)" in problem
    assert scrkit(*A_CHANGE, "-r", logged).code == ExitCode.OK
    rows = changes(logged)
    assert rows[-2].command == "extend" and rows[-2].state == "interrupted"
    assert "written: timeline.yaml" in rows[-2].note  # the file did get its new content before the kill
    assert rows[-1].command == "done" and rows[-1].state == "done"
    assert verify(logged) == []


def test_an_anchor_kept_elsewhere_detects_a_rewritten_chain(scrkit, logged: Path) -> None:
    anchor = head(logged)
    assert scrkit("log", "--head", "-r", logged).out.strip() == anchor
    assert scrkit("log", "--verify", "--anchor", anchor, "-r", logged).code == ExitCode.OK
    # Rewrite the whole chain consistently from entry 3 (as someone with Python could), and its head.
    from scrkit.review import audit

    state = read_log(logged)
    lines = state.lines[:2]
    for entry in state.lines[2:]:
        entry = {key: value for key, value in entry.items() if key != "hash"}
        entry["who"] = "forger"
        entry["prev"] = lines[-1]["hash"]
        entry["hash"] = audit.digest(entry)
        lines.append(entry)
    (logged / LOG_NAME).write_text("".join(json.dumps(e, sort_keys=True) + "\n" for e in lines), encoding="utf-8")
    (logged / HEAD_NAME).write_text(json.dumps({"entries": len(lines), "last": lines[-1]["hash"]}), encoding="utf-8")
    # This machine's own anchor and the anchor given both see it.
    assert any("rewritten" in problem for problem in verify(logged))
    result = scrkit("log", "--verify", "--anchor", anchor, "-r", logged)
    assert result.code == ExitCode.PROBLEMS_FOUND and "rewritten" in result.err


@pytest.mark.parametrize("step", ["intent", "first file", "commit"])
def test_disk_full_at_each_step_leaves_the_change_and_its_entry_together(
    scrkit, logged: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    record = logged / "timeline.yaml"
    before = record.read_bytes()
    real = atomic.atomic_write_bytes
    calls: list[str] = []

    def full(path: Path, data: bytes) -> None:
        name = Path(path).name
        calls.append(name)
        log_writes = [c for c in calls if c == LOG_NAME]
        if (
            (step == "intent" and name == LOG_NAME and len(log_writes) == 1)
            or (step == "first file" and name == "timeline.yaml")
            or (step == "commit" and name == LOG_NAME and len(log_writes) == 2)
        ):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(atomic, "atomic_write_bytes", full)
    from scrkit.review import audit, casefolder

    monkeypatch.setattr(casefolder, "atomic_write_bytes", full)
    monkeypatch.setattr(audit, "atomic_write_text", lambda path, text: full(path, text.encode("utf-8")))
    result = scrkit(*A_CHANGE, "-r", logged)
    assert result.code == ExitCode.REFUSED and "No space left on device" in result.err
    assert "Traceback" not in result.err
    monkeypatch.undo()
    changed = record.read_bytes() != before
    problems = verify(logged)
    if step == "intent":
        assert not changed and problems == []  # nothing changed, nothing logged
    elif step == "first file":
        assert not changed and [row.state for row in changes(logged)][-1] == "failed"
        assert problems == []
    else:  # saved, but the commit line could not be written: named as interrupted, then recorded
        assert changed and any("did not finish" in problem for problem in problems)
        assert scrkit("log", "-r", logged).code == ExitCode.OK


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked copy of the command (POSIX only)")
def test_kills_at_random_moments_never_leave_an_unaudited_change(scrkit, logged: Path) -> None:
    """60 commands killed at random moments (a forked copy of this process runs each, so a trial costs
    the command's own time, not an interpreter's start)."""
    import hashlib
    import random
    import signal
    import time

    from scrkit.cli import main

    chance = random.Random(18)
    answers = ["notify-incident", "panel-convened", "request-letters"]
    os.environ["SCRKIT_LOCK_WAIT"] = "2"
    try:
        for trial in range(60):
            child = os.fork()
            if child == 0:  # the command, until it is killed
                code = 70
                try:
                    day = f"{4 + trial % 20:02d}/08/2026"
                    code = main(["done", answers[trial % 3], "--date", day, "-r", str(logged)])
                finally:
                    os._exit(code)
            time.sleep(chance.uniform(0.0, 0.08))
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            # Whatever the moment, either every change has its entry or verify names the interrupted one.
            problems = verify(logged)
            assert all("did not finish (interrupted)" in problem for problem in problems), (trial, problems)
    finally:
        os.environ.pop("SCRKIT_LOCK_WAIT", None)
    # The next command is not blocked by a dead command's lock, and records what it left. (Not `done`
    # again: a milestone already done is never recorded twice.)
    final = scrkit("set-date", "presentation-meeting", "17/02/2027", "-r", logged)
    assert final.code == ExitCode.OK, final.err
    assert verify(logged) == []
    assert not (logged / ".scrkit-lock").exists()
    last = changes(logged)[-1]
    current = hashlib.sha256((logged / "timeline.yaml").read_bytes()).hexdigest()
    assert {item["file"]: item["sha256"] for item in last.files}.get("timeline.yaml") in (None, current)
