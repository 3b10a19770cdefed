"""The audit log: an entry for every change, chained so that edits and removals show."""

from __future__ import annotations

import json
from pathlib import Path

from scrkit.errors import ExitCode
from scrkit.review.audit import LOG_NAME, read_entries, verify


def run_commands(scrkit, folder: Path) -> None:  # noqa: ANN001
    assert scrkit("new", folder, "--reference", "SCR-2027-05", "--child-name", "Ellis Quarry", "--dob", "01/06/2025",
                  "--incident-date", "01/08/2026", "--referral-date", "03/08/2026", "--no-input").code == 0  # fmt: skip
    assert scrkit("decide", "scr", "--date", "20/08/2026", "-r", folder).code == 0
    assert scrkit("done", "referral-form", "--date", "03/08/2026", "-r", folder).code == 0
    assert scrkit("set-date", "presentation-meeting", "14/04/2027", "-r", folder).code == 0
    assert scrkit("extend", "--to", "30/04/2027", "--reason", "Trial", "-r", folder).code == 0


def test_a_real_sequence_of_commands_is_logged_and_verifies(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    run_commands(scrkit, folder)
    entries = read_entries(folder)
    # One entry per command: `new` writes its records and its scaffolded timeline as one change.
    assert [entry["command"] for entry in entries] == ["new", "decide", "done", "set-date", "extend"]
    assert "timeline.yaml" in {item["file"] for item in entries[0]["changed"]}
    assert entries[1]["changed"][0]["file"] == "review.yaml"
    assert all(entry["who"] and entry["host"] for entry in entries)
    log_text = (folder / LOG_NAME).read_text(encoding="utf-8")
    assert "Ellis" not in log_text and "Quarry" not in log_text  # no names of the child or family
    assert verify(folder) == []
    result = scrkit("log", "--verify", "-r", folder)
    assert result.code == ExitCode.OK and "intact: 5 entries" in result.out
    assert "set-date" in scrkit("log", "-r", folder).out


def rewrite(folder: Path, change) -> None:  # noqa: ANN001
    lines = (folder / LOG_NAME).read_text(encoding="utf-8").splitlines()
    (folder / LOG_NAME).write_text("\n".join(change(lines)) + "\n", encoding="utf-8")


def test_an_edited_entry_is_detected(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    run_commands(scrkit, folder)

    def edit(lines: list[str]) -> list[str]:
        entry = json.loads(lines[3])
        entry["who"] = "someone-else"
        lines[3] = json.dumps(entry, sort_keys=True)
        return lines

    rewrite(folder, edit)
    assert "entry 4 was edited after it was written" in verify(folder)
    result = scrkit("log", "--verify", "-r", folder)
    assert result.code == ExitCode.PROBLEMS_FOUND and "entry 4 was edited" in result.err


def test_a_removed_entry_is_detected(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    run_commands(scrkit, folder)
    rewrite(folder, lambda lines: lines[:2] + lines[3:])
    problems = verify(folder)
    assert any("entry 3" in problem for problem in problems)


def test_a_truncated_log_is_detected(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "r"
    run_commands(scrkit, folder)
    rewrite(folder, lambda lines: lines[:-2])
    assert any("removed from its end" in problem for problem in verify(folder))
