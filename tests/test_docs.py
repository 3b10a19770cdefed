"""The README and the blank forms describe everything scrkit has (after sqlite-utils' test_docs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from scrkit.case.layout import BOARD, RECORD_KINDS
from scrkit.cli.app import build_app
from scrkit.records.yamlfile import read_document
from scrkit.resources import FORMS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(build_app())
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme_and_has_help(name: str) -> None:
    assert f"`scrkit {name}" in README, f"README.md does not describe `scrkit {name}`"
    command = typer.main.get_command(build_app()).commands[name]  # type: ignore[attr-defined]
    assert command.help, f"`scrkit {name}` has no help text"


@pytest.mark.parametrize("kind", [kind for kind in RECORD_KINDS if kind is not BOARD], ids=lambda k: k.name)
def test_every_field_is_on_the_blank_form(kind) -> None:  # noqa: ANN001
    form = read_document(FORMS / kind.file_name)
    assert list(form) == list(kind.model.model_fields), f"{kind.file_name} form and model differ"
