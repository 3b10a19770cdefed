"""The README's command reference, made from the commands' own `--help` (after sqlite-utils' cog).

`python tools/command_reference.py` writes it into README.md between the markers;
tests/test_docs.py fails when the README and `--help` disagree.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator

START = "<!-- command-reference: made by tools/command_reference.py from --help; do not edit by hand -->"
END = "<!-- /command-reference -->"
WIDTH = "100"


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command, as the words typed after `scrkit`, in --help order."""
    import typer.main

    from scrkit.cli.app import build_app

    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(build_app()), ())
    return paths


@contextlib.contextmanager
def _plain_terminal() -> Iterator[io.StringIO]:
    saved = {name: os.environ.get(name) for name in ("COLUMNS", "NO_COLOR", "TERM", "FORCE_COLOR")}
    os.environ.update({"COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb"})
    os.environ.pop("FORCE_COLOR", None)
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            yield output
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def help_text(path: tuple[str, ...]) -> str:
    from scrkit.cli import main

    with _plain_terminal() as output:
        main([*path, "--help"])
    lines = [line.rstrip() for line in output.getvalue().splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines).rstrip() + "\n"


def reference() -> str:
    """The command reference as Markdown: each command's --help in full."""
    sections = [START, "", "## Command reference", "", "Every command's `--help`, as scrkit prints it.", ""]
    for path in command_paths():
        sections += [f"### `{' '.join(('scrkit', *path))}`", "", "```", help_text(path).rstrip(), "```", ""]
    sections.append(END)
    return "\n".join(sections)


def replace_reference(readme: str) -> str:
    """The README with its command reference made anew (added at the end if it has none)."""
    if START in readme and END in readme:
        before, rest = readme.split(START, 1)
        after = rest.split(END, 1)[1]
        return before + reference() + after
    return readme.rstrip() + "\n\n" + reference() + "\n"


def current_reference(readme: str) -> str | None:
    if START not in readme or END not in readme:
        return None
    return START + readme.split(START, 1)[1].split(END, 1)[0] + END
