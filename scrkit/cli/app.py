"""The `scrkit` command and its sub-commands; each lives in the module named after its group.

Only the module of the command being run is imported (``build_app``): `scrkit status` never
loads the letters, the chronology or the anonymiser. ``--help`` and an unknown command load all.
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

from scrkit import __version__

# Each command's module in scrkit.cli, in the order `scrkit --help` lists them.
COMMAND_MODULES: dict[str, str] = {
    "new": "review",
    "validate": "review",
    "summary": "review",
    "set": "records",
    "add": "records",
    "remove": "records",
    "agencies": "agencies",
    "status": "timeline",
    "timeline": "timeline",
    "done": "timeline",
    "correct": "timeline",
    "set-date": "timeline",
    "decide": "timeline",
    "extend": "timeline",
    "letters": "letters",
    "templates": "letters",
    "chronology": "chronology",
    "merge-chronology": "chronology",
    "log": "safety",
    "unlock": "safety",
    "anonymise": "anonymise",
    "check-leaks": "anonymise",
    "export": "anonymise",
    "people": "anonymise",
    "register": "anonymise",
    "appoint": "panel",
    "check": "panel",
    "imr": "panel",
    "actions": "panel",
    "report": "panel",
    "overview": "overview",
    "genogram": "genogram",
    "demo": "demo",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scrkit {__version__}")
        raise typer.Exit()


def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback when something goes wrong.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show scrkit's version.")
    ] = False,
) -> None:
    """scrkit: the Serious Case Review toolkit for Local Safeguarding Children Boards."""
    # --debug is taken out and acted on by scrkit.cli.main; it is declared here for --help.


def build_app(args: list[str] | None = None) -> typer.Typer:
    """The command line, with only the command group that ``args`` names (every group if none)."""
    app = typer.Typer(
        name="scrkit",
        help="Run a Serious Case Review from a folder of plain files: records, timetable, letters, chronologies.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    command = next((arg for arg in args or [] if not arg.startswith("-")), None)
    wanted = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else list(dict.fromkeys(COMMAND_MODULES.values()))
    for name in wanted:
        importlib.import_module(f"scrkit.cli.{name}").register(app)
    return app
