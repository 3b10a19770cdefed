"""A board that renames the example board (Solihull LSCB, which `scrkit new` starts from) but keeps
its telephone, email or website would send another board's details in every letter: validate warns,
letters refuse, naming each detail."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.errors import ExitCode


@pytest.fixture
def folder(scrkit, tmp_path: Path) -> Path:  # noqa: ANN001
    folder = tmp_path / "review"
    assert scrkit(
        "new", folder, "--reference", "SCR-2026-45", "--child-name", "Nell Garside", "--dob", "09/09/2023",
        "--incident-date", "02/03/2026", "--referral-date", "03/03/2026", "--no-input",
    ).code == ExitCode.OK  # fmt: skip
    return folder


def test_the_example_board_unchanged_is_not_warned_of(scrkit, folder: Path) -> None:
    result = scrkit("validate", "-r", folder)
    assert result.code == ExitCode.OK and "Warning" not in result.err
    assert "example board" not in scrkit("letters", "-r", folder).out


def test_a_renamed_board_is_warned_of_each_detail_it_kept(scrkit, folder: Path) -> None:
    from tests.conftest import line_number_of

    assert scrkit("set", "board.name", "Fenmoor Local Safeguarding Children Board", "-r", folder).code == 0
    assert scrkit("set", "board.short_name", "Fenmoor LSCB", "-r", folder).code == 0
    assert scrkit("set", "board.address", "Fen House; 1 Dyke Road; Fenmoor; FN1 2AB", "-r", folder).code == 0
    assert scrkit("set", "board.secure_email", "lscb@fenmoor.example", "-r", folder).code == 0
    assert scrkit("set", "board.website", "", "-r", folder).code == 0  # this board has none
    result = scrkit("validate", "-r", folder)
    assert result.code == ExitCode.OK, result.err  # a warning: every other command still runs
    warnings = [line for line in result.err.splitlines() if line.startswith("Warning:")]
    board = folder / "board.yaml"
    assert [line.split(": ")[1] for line in warnings] == [
        f"{board}:{line_number_of(board, 'phone:')}",
        f"{board}:{line_number_of(board, 'fax:')}",
    ]
    assert "phone: still Solihull LSCB's, the example board's (0121 788 4325)" in warnings[0]
    listing = scrkit("letters", "-r", folder).out
    assert "board.phone, board.fax: still Solihull LSCB's" in " ".join(listing.split())
    assert scrkit("set", "board.phone", "01632 960 410", "-r", folder).code == 0
    assert scrkit("set", "board.fax", "", "-r", folder).code == 0
    assert "Warning" not in scrkit("validate", "-r", folder).err
    assert "example board" not in scrkit("letters", "-r", folder).out


def test_a_letter_with_another_boards_number_is_not_written(scrkit, folder: Path) -> None:
    assert scrkit("set", "board.name", "Fenmoor Local Safeguarding Children Board", "-r", folder).code == 0
    result = scrkit("letters", "referral-form", "--date", "04/03/2026", "-r", folder)
    assert result.code != ExitCode.OK
    assert "board.short_name, board.address, board.phone" in " ".join(result.err.split())
    assert not list(folder.glob("letters/**/*.docx"))
