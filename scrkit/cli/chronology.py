"""`scrkit chronology template` and `scrkit merge-chronology`: the agencies' chronologies (App 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from scrkit.case.layout import RETURNS
from scrkit.chronology.integrate import MergeResult
from scrkit.cli.options import ReviewOption, date_or_today
from scrkit.cli.terminal import say, stderr, stdout
from scrkit.dates import uk_date
from scrkit.errors import ExitCode

chronology_app = typer.Typer(help="Chronology templates for agencies (Appendix 7).", no_args_is_help=True)


@chronology_app.command("template")
def template(
    agency: Annotated[
        str, typer.Option(help="An agency's id, or 'all' (every agency that replied 'involved').")
    ] = "all",
    word: Annotated[
        bool, typer.Option("--word", help="Write it as a Word table (.docx) instead of a workbook.")
    ] = False,
    review: ReviewOption = Path("."),
) -> None:
    """Write the Appendix 7 chronology workbook (or Word table) for each agency, ready to send."""
    from scrkit.jobs.chronology import write_templates

    written = write_templates(review, agency, word)
    for path in written:
        stdout().print(str(path), markup=False)
    say(f"{len(written)} chronology template(s) written. Save the returns in {review / RETURNS}.")


def merge_chronology(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Returns to merge. Default: every file in chronology/returns/.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Where to write the integrated chronology (.xlsx).")] = None,
    docx: Annotated[bool, typer.Option("--docx", help="Also write it as a landscape Word table.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop, writing nothing, at the first problem.")] = False,
    gap_days: Annotated[int, typer.Option(help="Report periods longer than this with no agency contact.")] = 90,
    today: Annotated[str | None, typer.Option(help="Read two-digit years as of this date.")] = None,
    anonymise: Annotated[
        bool, typer.Option("--anonymise", help="Write it anonymised (integrated-chronology-anonymised.xlsx).")
    ] = False,
    review: ReviewOption = Path("."),
) -> None:
    """Merge the agencies' returns into the integrated chronology (exit 1 if any return had problems)."""
    from scrkit.jobs.chronology import merge_chronology as merge

    with Progress(console=stderr(), transient=True) as progress:
        task = progress.add_task("Reading returns", total=None)
        outcome = merge(
            review, list(files or []), today=date_or_today(today, "--today"), gap_days=gap_days, out=out,
            docx=docx, strict=strict, anonymise=anonymise,
            progress=lambda step: progress.update(task, description=step),
        )  # fmt: skip
    render_merge(outcome.result)
    for path in outcome.written:
        stdout().print(f"Written: {path}", markup=False)
    if outcome.result.problem_count:
        say(f"{outcome.result.problem_count} problem(s) found in the returns: see above, and the Issues sheet.")
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))


def render_merge(result: MergeResult) -> None:
    """The merge in a table that fits 80 columns (agencies by id), then every problem; notes counted."""
    from rich import box

    from scrkit.chronology.output import summaries

    agencies = {agency.id: agency.name for agency in result.records.agencies.agencies}
    table = Table(title="Integrated chronology", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for heading in ("agency", "events", "from", "to", "seen Y/N/?", "problems"):
        table.add_column(heading, no_wrap=heading != "agency")
    for item in summaries(result.chronology, result.reads, agencies):
        table.add_row(
            item.agency, str(item.events), uk_date(item.first, "-"), uk_date(item.last, "-"),
            f"{item.seen}/{item.not_seen}/{item.unknown}", str(item.problems),
        )  # fmt: skip
    stdout().print(table)
    chronology = result.chronology
    duplicates = sum(1 for event in chronology.events if event.duplicate_of)
    undated = len(chronology.undated)
    stdout().print(
        f"{len(chronology.events)} events" + (f" ({undated} undated, listed last)" if undated else "")
        + f"; {duplicates} possible duplicates; {len(chronology.gaps)} gaps",
        markup=False,
    )  # fmt: skip
    notes = 0
    for read in result.reads:
        for problem in read.problems:
            if problem.note:
                notes += 1
            else:
                stderr().print(str(problem), markup=False)
    if notes:
        stderr().print(
            f"{notes} note(s) on how scrkit read the returns (headings, times, agencies): see the Issues sheet.",
            markup=False,
        )


def register(app: typer.Typer) -> None:
    app.add_typer(chronology_app, name="chronology")
    app.command("merge-chronology")(merge_chronology)
