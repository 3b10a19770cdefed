"""`scrkit chronology template` and `scrkit merge-chronology`: the agencies' chronologies (App 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from scrkit.cli.options import ReviewOption, date_or_today
from scrkit.cli.terminal import say, stderr, stdout
from scrkit.dates import uk_date
from scrkit.errors import BadInput, ExitCode
from scrkit.review.casefolder import CaseFolder

chronology_app = typer.Typer(help="Chronology templates for agencies (Appendix 7).", no_args_is_help=True)

TEMPLATES_FOLDER = Path("chronology") / "templates"


@chronology_app.command("template")
def template(
    agency: Annotated[
        str, typer.Option(help="An agency's id, or 'all' (every agency that replied 'involved').")
    ] = "all",
    review: ReviewOption = Path("."),
) -> None:
    """Write the Appendix 7 chronology workbook for each agency, ready to send."""
    from scrkit.chronology.template import template_for_agency
    from scrkit.models.agencies import RequestReply

    records = CaseFolder.open(review).load()
    if agency == "all":
        chosen = [a for a in records.agencies.agencies if a.request_reply == RequestReply.INVOLVED]
        if not chosen:
            raise BadInput("No agency has replied 'involved' yet; name one with --agency ID.")
    else:
        found = records.agency(agency)
        if found is None:
            known = ", ".join(a.id for a in records.agencies.agencies)
            raise BadInput(f"There is no agency '{agency}' in agencies.yaml (agencies there: {known}).")
        chosen = [found]
    case = CaseFolder.open(review)
    with case.changing("chronology template"):
        for item in chosen:
            made = template_for_agency(records, item)
            written = case.write_file(review / TEMPLATES_FOLDER / made.file_name, made.content)
            stdout().print(str(written), markup=False)
    say(f"{len(chosen)} chronology workbook(s) written. Save the returns in {review / 'chronology' / 'returns'}.")


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
    from scrkit.chronology.integrate import ANONYMISED_OUTPUT, OUTPUT, merge_returns, write_outputs

    if gap_days < 1:
        raise BadInput("--gap-days must be at least 1.")
    folder = CaseFolder.open(review)
    with Progress(console=stderr(), transient=True) as progress:
        task = progress.add_task("Reading returns", total=None)
        result = merge_returns(
            folder,
            list(files or []),
            date_or_today(today, "--today"),
            gap_days,
            strict,
            progress=lambda path: progress.update(task, description=f"Reading {path.name}"),
        )
        progress.update(task, description="Writing the integrated chronology")
        default = review / (ANONYMISED_OUTPUT if anonymise else OUTPUT)
        written = write_outputs(folder, result, out or default, docx, anonymise=anonymise)
    render_merge(result)
    for path in written:
        stdout().print(f"Written: {path}", markup=False)
    if result.problem_count:
        say(f"{result.problem_count} problem(s) found in the returns: see above, and the Issues sheet.")
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))


def render_merge(result) -> None:  # noqa: ANN001 - MergeResult
    from scrkit.chronology.output import summaries

    agencies = {agency.id: agency.name for agency in result.records.agencies.agencies}
    table = Table(title="Integrated chronology", title_justify="left")
    for heading in ("agency", "events", "from", "to", "child seen Y", "N", "not recorded", "problems"):
        table.add_column(heading)
    for item in summaries(result.chronology, result.reads, agencies):
        table.add_row(
            item.name, str(item.events), uk_date(item.first, "-"), uk_date(item.last, "-"),
            str(item.seen), str(item.not_seen), str(item.unknown), str(item.problems),
        )  # fmt: skip
    stdout().print(table)
    duplicates = sum(1 for event in result.chronology.events if event.duplicate_of)
    stdout().print(
        f"{len(result.chronology.events)} events; {duplicates} possible duplicates; {len(result.chronology.gaps)} gaps",
        markup=False,
    )
    for read in result.reads:
        for problem in read.problems:
            stderr().print(str(problem), markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(chronology_app, name="chronology")
    app.command("merge-chronology")(merge_chronology)
