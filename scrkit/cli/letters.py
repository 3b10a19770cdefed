"""`scrkit letters` and `scrkit templates check`: the standard letters and forms, in Word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from scrkit.cli.options import ReviewOption, date_or_today
from scrkit.cli.terminal import say, stderr, stdout
from scrkit.errors import BadInput, ProblemsFound, ScrkitError
from scrkit.resources import example_review
from scrkit.review.casefolder import CaseFolder


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
    from scrkit.letters import rendering

    folder = CaseFolder.open(review)
    on = date_or_today(date, "--date")
    if not names:
        _list(rendering.catalogue_status(folder, on))
        return
    timetable, planned = rendering.plan(folder, names, to, on, force)
    records = timetable.records
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with Progress(console=stderr(), transient=True, disable=len(planned) < 4) as progress:
        task = progress.add_task("Rendering", total=len(planned))
        rendered = rendering.render_all(planned, records.board.name, created, lambda: progress.advance(task))
    if anonymise:
        rendered = rendering.anonymised(rendered, records, force)
    for path in rendering.write_all(folder, rendered):
        stdout().print(str(path), markup=False)
    say(f"{len(rendered)} document{'s' if len(rendered) != 1 else ''} written to {review / rendering.LETTERS_FOLDER}.")
    _offer_to_record(folder, {document.spec.milestone for document in rendered} - {None}, on, record_sent)


def _offer_to_record(folder: CaseFolder, milestones: set[str | None], on: dt.date, record_sent: bool | None) -> None:
    from scrkit.cli.review import can_prompt
    from scrkit.timeline.recording import record_done

    for milestone in sorted(m for m in milestones if m):
        wanted = record_sent
        if wanted is None and can_prompt():
            wanted = typer.confirm(
                f"Record the milestone '{milestone}' as done on {on.strftime('%d/%m/%Y')}?", default=False, err=True
            )
        if not wanted:
            continue
        try:
            record_done(folder, milestone, on, note="letters rendered by scrkit", today=dt.date.today())
            say(f"Recorded: {milestone} done {on.strftime('%d/%m/%Y')}.")
        except ScrkitError as error:
            say(f"Did not record {milestone}: {error.message}")


def _list(statuses: list) -> None:  # noqa: ANN001 - list[LetterStatus]
    table = Table(title="Letters and forms", title_justify="left")
    for heading in ("name", "what", "guidance", "goes to", "ready?"):
        table.add_column(heading, overflow="fold")
    for status in statuses:
        ready = "[green]ready[/]" if not status.missing else "[yellow]needs:[/]\n" + "\n".join(status.missing)
        goes_to = ", ".join(status.recipients) if status.recipients else "nobody yet"
        table.add_row(status.spec.name, status.spec.title, status.spec.guidance, goes_to, ready)
    stdout().print(table)
    say("Render with: scrkit letters NAME [--to ID] [--date DD/MM/YYYY]")


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
    from scrkit.letters.checking import check_template
    from scrkit.letters.facts import every_fact
    from scrkit.timeline.recording import load_timetable

    timetable = load_timetable(CaseFolder.open(review or example_review()))
    problems = check_template(file, every_fact(timetable.records, timetable.schedule))
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
