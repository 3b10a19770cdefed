"""The `scrkit` command and its sub-commands; each lives in the module named after it."""

from __future__ import annotations

from typing import Annotated

import typer

from scrkit import __version__
from scrkit.cli import agencies, anonymise, chronology, demo, genogram, letters, panel, review, safety, timeline

app = typer.Typer(
    name="scrkit",
    help="Run a Serious Case Review from a folder of plain files: records, timetable, letters, chronologies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scrkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback when something goes wrong.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show scrkit's version.")
    ] = False,
) -> None:
    """scrkit: the Serious Case Review toolkit for Local Safeguarding Children Boards."""
    # --debug is taken out and acted on by scrkit.cli.main; it is declared here for --help.


review.register(app)
agencies.register(app)
timeline.register(app)
letters.register(app)
chronology.register(app)
safety.register(app)
anonymise.register(app)
panel.register(app)
genogram.register(app)
demo.register(app)
