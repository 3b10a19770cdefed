"""`scrkit demo`: the example review, copied and put through its paces."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit import dates
from scrkit.cli.chronology import render_merge
from scrkit.cli.render import render_summary
from scrkit.cli.terminal import say, stdout
from scrkit.cli.timeline import render_status
from scrkit.dates import uk_date


def demo(
    folder: Annotated[
        Path | None, typer.Argument(help="Where to copy the example review. Defaults to ./scrkit-demo.")
    ] = None,
) -> None:
    """Copy the example review into a new folder, validate it and show what scrkit makes of it."""
    # Imported here: the demo touches every part of scrkit, which other commands need not load.
    from scrkit.jobs.demo import DEFAULT_DEMO_FOLDER, free_demo_folder, run_demo

    destination = folder if folder is not None else free_demo_folder(Path(DEFAULT_DEMO_FOLDER))
    say(f"Copying the example review (all names invented) to {destination} ...")
    result = run_demo(destination, dates.today())
    stdout().print(f"The example review at {result.folder} is valid.", markup=False)
    render_summary(result.summary)
    render_status(result.status)
    stdout().print(
        f"{len(result.letters)} letters and forms rendered into {result.folder / 'letters'}, for example:", markup=False
    )
    for path in result.letters[:3]:
        stdout().print(f"  {path.name}", markup=False)
    render_merge(result.chronology.result)
    for path in result.chronology.written:
        stdout().print(f"Written: {path}", markup=False)
    stdout().print(
        f"Anonymised pack for Ofsted, checked for leaks: {result.export.pack} ({len(result.export.files)} files)",
        markup=False,
    )
    stdout().print(f"Checked against the guidance's rules: {len(result.findings)} breach(es):", markup=False)
    for finding in result.findings:
        stdout().print(f"  {finding.rule.id}: {finding.message}", markup=False)
    stdout().print(f"Monthly update to the LSCB chair, with its timeline chart: {result.report}", markup=False)
    stdout().print(f"The family's genogram (Appendix 15): {result.genogram}", markup=False)
    end = result.end
    stdout().print(f"\nThe end of a review, on a second example run from referral to close: {end.folder}",
                   markup=False)  # fmt: skip
    record = end.overview
    circulation = record.circulation
    stdout().print(
        f"  Overview report: {len(record.drafts)} drafts; final draft {circulation.version} sent to "
        f"{len(circulation.authors)} IMR authors on {uk_date(circulation.sent)}, each confirming fair "
        "representation or answered by the panel (13.1.6)",
        markup=False,
    )
    presenters = ", ".join(record.adoption.presented_by)
    stdout().print(f"  Executive summary final on {uk_date(record.executive_summary.final_on)} (13.3); "
                   f"presented to the Board by {presenters} (14.1)", markup=False)  # fmt: skip
    for line in end.after:
        stdout().print(f"  {line}", markup=False)
    stdout().print(f"  The review is {end.status.stage}; rendered:", markup=False)
    for path in end.letters:
        stdout().print(f"    {path.name}", markup=False)
    say(
        f"Try next: scrkit letters -r {result.folder}, scrkit merge-chronology -r {result.folder}, "
        f"scrkit status -r {result.folder} --today 01/12/2026, "
        f"scrkit done family-notified -r {result.folder}, scrkit overview -r {end.folder}, or open "
        f"{result.folder} and read the YAML files."
    )


def register(app: typer.Typer) -> None:
    app.command()(demo)
