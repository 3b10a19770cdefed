"""`scrkit letters` and `scrkit templates check`: the standard letters and forms, in Word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from scrkit.case.layout import LETTERS
from scrkit.cli.options import ReviewOption, date_or_today
from scrkit.cli.terminal import say, stderr, stdout, styled, table_of
from scrkit.dates import uk_date
from scrkit.errors import BadInput, ProblemsFound
from scrkit.letters.rendering import LetterStatus


def letters(
    names: Annotated[
        list[str] | None, typer.Argument(help="Letters or forms to render, e.g. scr-request. None: list them all.")
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", help="Only for this recipient (an agency or person id); repeat it, or 'all'."),
    ] = None,
    date: Annotated[str | None, typer.Option(help="The letter's date. Defaults to today.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace letters already rendered.")] = False,
    record_sent: Annotated[
        bool | None,
        typer.Option(
            "--record-sent/--no-record-sent",
            help="Record the letter's milestone as done on the letter's date (asked in a terminal if not given).",
        ),
    ] = None,
    anonymise: Annotated[
        bool, typer.Option("--anonymise", help="Write anonymised copies: pseudonyms and job titles, no names.")
    ] = False,
    review: ReviewOption = Path("."),
) -> None:
    """List the standard letters and forms, or render them into the review's letters/ folder."""
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.letters import letters_status, render_letters

    on = date_or_today(date, "--date")
    if not names:
        _list(letters_status(review, on))
        return

    def record(milestone: str, day: dt.date) -> bool:
        if record_sent is not None:
            return record_sent
        if not can_prompt():
            return False
        question = f"Record the milestone '{milestone}' as done on {uk_date(day)}?"
        return typer.confirm(question, default=False, err=True)

    with Progress(console=stderr(), transient=True) as progress:
        task = progress.add_task("Rendering", total=None)
        result = render_letters(
            review, names, to, on, force=force, anonymise=anonymise, record_sent=record,
            advance=lambda: progress.advance(task),
        )  # fmt: skip
    for path in result.written:
        stdout().print(str(path), markup=False)
    count = len(result.written)
    folders = sorted({str(path.parent.relative_to(review.resolve())) if path.is_relative_to(review.resolve())
                      else str(path.parent) for path in result.written})  # fmt: skip
    where = " and ".join(folders) if folders else str(review / LETTERS)
    say(f"{count} document{'s' if count != 1 else ''} written to {where}.")
    for path in result.kept:
        say(f"Kept as it is: {path.name}, already made on this date for the pack.")
    for letter, why in result.not_sent.items():
        say(f"Not made: {letter}: {why}.")
    for milestone in result.recorded:
        say(f"Recorded: {milestone} done {uk_date(on)}.")
    if record_sent is not False:
        for milestone, why in result.not_recorded.items():
            say(f"Did not record {milestone}: {why}")


def _list(statuses: list[LetterStatus]) -> None:
    rows = []
    for status in statuses:
        ready = (
            styled("ready", "green") if not status.missing else styled("needs:\n" + "\n".join(status.missing), "yellow")
        )
        goes_to = ", ".join(status.recipients) if status.recipients else "nobody yet"
        rows.append((status.spec.name, status.spec.title, status.spec.guidance, goes_to, ready))
    # The letters' names and the facts they need are typed back: never broken; the rest folds.
    table = table_of("Letters and forms", ("name", "what", "guidance", "goes to", "ready?"), rows, ("name", "ready?"))
    stdout().print(table)
    from scrkit.letters.catalogue import catalogue

    for pack in catalogue().packs:
        workbooks = ", and each agency's chronology workbook" if pack.chronology_templates else ""
        say(f"Pack {pack.name} ({pack.guidance}): {', '.join(pack.documents)}{workbooks}.")
    say("Render with: scrkit letters NAME [--to ID] [--date DD/MM/YYYY]; a pack's name renders all it holds.")


templates_app = typer.Typer(help="Check letter templates a board has edited in Word.", no_args_is_help=True)


@templates_app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="The .docx template to check.")],
    review: Annotated[
        Path | None, typer.Option("--review", "-r", help="Check names against this review (default: the example).")
    ] = None,
) -> None:
    """Report placeholder mistakes and unknown facts in a template, with where they are."""
    from scrkit.errors import Problem
    from scrkit.jobs.letters import check_letter_template

    problems = check_letter_template(file, review)
    if problems:
        raise ProblemsFound(
            f"the template {file}",
            [Problem(file, None, problem.part, f"{problem.message} (in: '{problem.where}')") for problem in problems],
            hint="Correct these placeholders in Word ({{ fact }}, {% if ... %}), then check again.",
        )
    if not file.suffix.lower() == ".docx":
        raise BadInput(f"{file} is not a .docx file.")
    stdout().print(f"{file}: no problems found.", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(letters)
    app.add_typer(templates_app, name="templates")
