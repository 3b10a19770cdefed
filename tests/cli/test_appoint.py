"""`scrkit appoint`: the people who run the review (3.1), with the panel chair's and overview author's
independence (3.1.1) and confirmations (3.1.3) asked in a terminal and given as flags in a script."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from scrkit.errors import ExitCode


@pytest.fixture
def folder(scrkit, tmp_path: Path) -> Path:  # noqa: ANN001
    folder = tmp_path / "review"
    assert scrkit(
        "new", folder, "--reference", "SCR-2026-41", "--child-name", "Lila Fenwick", "--dob", "01/01/2024",
        "--incident-date", "02/03/2026", "--referral-date", "03/03/2026", "--no-input",
    ).code == ExitCode.OK  # fmt: skip
    return folder


def _panel(folder: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((folder / "panel.yaml").read_text(encoding="utf-8"))


def _breaches(scrkit, folder: Path) -> list[str]:  # noqa: ANN001
    return [line for line in scrkit("check", "-r", folder).out.splitlines() if "3.1.3" in line]


def test_flags_record_the_appointee_and_name_what_is_still_to_confirm(scrkit, folder: Path) -> None:
    result = scrkit(
        "appoint", "panel-chair", "--name", "Jonah Whitlow", "--title", "Independent Safeguarding Consultant",
        "--not-lscb-member", "--indemnity", "-r", folder,
    )  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    assert "Recorded: Jonah Whitlow as panel chair." in result.out
    assert (
        "Still to confirm (3.1.3): access to supervision, data protection arrangements. Once they have, record it: "
        "scrkit appoint panel-chair --supervision --data-protection"
    ) in " ".join(result.err.split())
    chair = _panel(folder)["panel_chair"]
    assert chair["name"] == "Jonah Whitlow" and chair["lscb_member"] == "no" and chair["indemnity_confirmed"] == "yes"
    assert len(_breaches(scrkit, folder)) == 2
    # The rest, later, without repeating the name: the details already recorded stay.
    assert scrkit("appoint", "panel-chair", "--supervision", "--data-protection", "-r", folder).code == ExitCode.OK
    chair = _panel(folder)["panel_chair"]
    assert chair["title"] == "Independent Safeguarding Consultant" and chair["data_protection_confirmed"] == "yes"
    assert _breaches(scrkit, folder) == []
    assert "appoint panel.panel_chair" in (folder / "audit.log").read_text(encoding="utf-8")


def test_someone_new_in_the_role_keeps_nothing_the_previous_holder_confirmed(scrkit, folder: Path) -> None:
    scrkit("appoint", "overview-author", "--name", "Priya Castell", "--not-lscb-member", "--indemnity",
           "--supervision", "--data-protection", "-r", folder)  # fmt: skip
    result = scrkit("appoint", "overview-author", "--name", "Ada Crane", "-r", folder)
    assert result.code == ExitCode.OK, result.err
    assert "Ada Crane replaces Priya Castell as overview author" in result.err
    assert _panel(folder)["overview_author"] == {"name": "Ada Crane"}
    assert len(_breaches(scrkit, folder)) == 3
    assert "LSCB membership is not recorded (3.1.1)" in result.err


def test_a_role_nobody_holds_needs_a_name_in_a_script(scrkit, folder: Path) -> None:
    before = (folder / "panel.yaml").read_bytes()
    result = scrkit("appoint", "overview-author", "--indemnity", "-r", folder)
    assert result.code == ExitCode.BAD_INPUT
    assert "Nobody is appointed as overview author yet: give their name with --name." in result.err
    assert (folder / "panel.yaml").read_bytes() == before


def test_a_terminal_asks_the_independence_and_each_confirmation(scrkit, folder: Path, monkeypatch) -> None:  # noqa: ANN001
    from scrkit.cli import review as review_commands

    monkeypatch.setattr(review_commands, "can_prompt", lambda: True)
    # name; LSCB member? no; indemnity yes; supervision yes; data protection no
    monkeypatch.setattr("sys.stdin", io.StringIO("Jonah Whitlow\nn\ny\ny\nn\n"))
    result = scrkit("appoint", "panel-chair", "-r", folder)
    assert result.code == ExitCode.OK, result.err
    assert "Is Jonah Whitlow a member of the LSCB? (3.1.1)" in result.err
    assert "Has Jonah Whitlow confirmed professional indemnity cover? (3.1.3)" in result.err
    chair = _panel(folder)["panel_chair"]
    assert chair == {"name": "Jonah Whitlow", "lscb_member": "no", "indemnity_confirmed": "yes",
                     "supervision_confirmed": "yes", "data_protection_confirmed": "no"}  # fmt: skip
    # Asked again, only what is not yet confirmed is asked.
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    again = scrkit("appoint", "panel-chair", "-r", folder)
    assert "data protection" in again.err and "indemnity" not in again.err and "member of the LSCB" not in again.err
    assert _panel(folder)["panel_chair"]["data_protection_confirmed"] == "yes"


def test_board_staff_are_not_asked_the_independent_checks(scrkit, folder: Path, monkeypatch) -> None:  # noqa: ANN001
    from scrkit.cli import review as review_commands

    monkeypatch.setattr(review_commands, "can_prompt", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("Sam Ireton\n"))
    result = scrkit("appoint", "business-manager", "--title", "LSCB Business Manager", "-r", folder)
    assert result.code == ExitCode.OK, result.err
    assert "3.1" not in result.err
    assert _panel(folder)["business_manager"] == {"name": "Sam Ireton", "title": "LSCB Business Manager"}
