"""The README and the blank forms describe everything scrkit has (after sqlite-utils' test_docs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from scrkit.case.layout import BOARD, RECORD_KINDS
from scrkit.cli.app import build_app
from scrkit.cli.reference import START, command_paths, current_reference, help_text, reference
from scrkit.records.yamlfile import read_document
from scrkit.resources import FORMS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command(path: tuple[str, ...]):  # noqa: ANN201 - a typer command or group
    found = typer.main.get_command(build_app())
    for word in path:
        found = found.commands[word]  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize("path", [path for path in command_paths() if path], ids=" ".join)
def test_every_command_and_subcommand_is_in_the_readme_and_has_help(path: tuple[str, ...]) -> None:
    name = " ".join(path)
    assert f"`scrkit {name}" in README.split(START)[0], f"README.md's guide does not describe `scrkit {name}`"
    assert command(path).help, f"`scrkit {name}` has no help text"


def test_the_command_reference_is_the_commands_own_help() -> None:
    assert current_reference(README) is not None, "README.md has no command reference"
    assert current_reference(README) == reference(), (
        "README.md's command reference differs from `--help`: run `python tools/command_reference.py`"
    )


def test_the_reference_changes_when_a_help_text_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrkit.cli import timeline

    monkeypatch.setattr(timeline.done, "__doc__", "Record that a milestone happened, in other words.")
    assert "in other words" in help_text(("done",))


@pytest.mark.parametrize("kind", [kind for kind in RECORD_KINDS if kind is not BOARD], ids=lambda k: k.name)
def test_every_field_is_on_the_blank_form(kind) -> None:  # noqa: ANN001
    form = read_document(FORMS / kind.file_name)
    assert list(form) == list(kind.model.model_fields), f"{kind.file_name} form and model differ"
