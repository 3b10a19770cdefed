"""`scrkit overview`: the end of the review (13.1-14.1): drafts of the overview report, the final
draft's circulation to the IMR authors and their answers, the executive summary, the adoption."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit import dates
from scrkit.cli.options import ReviewOption, date_or_today, review_for_subcommands
from scrkit.cli.terminal import say, stdout, table_of
from scrkit.dates import uk_date

DateOption = Annotated[str | None, typer.Option("--date", help="When, as DD/MM/YYYY. Defaults to today.")]
AgencyArgument = Annotated[str, typer.Argument(help="The agency's id in agencies.yaml, e.g. police.")]
VersionArgument = Annotated[str, typer.Argument(help="The draft's version, e.g. 1.")]

overview_app = typer.Typer(
    help="The overview report, the IMR authors' confirmations, the executive summary and the adoption (13.1-14.1).",
    invoke_without_command=True,
)


@overview_app.callback()
def overview(ctx: typer.Context, review: ReviewOption = Path(".")) -> None:
    """Show where the end of the review stands: drafts, the authors' answers, the summary, the adoption."""
    review_for_subcommands(ctx, review)
    if ctx.invoked_subcommand is not None:
        return
    from scrkit.jobs.overview import standing
    from scrkit.overview.steps import missing_summary_elements

    found = standing(review)
    record = found.overview
    rows = [(d.version, uk_date(d.date), uk_date(d.discussed_on, "-"), d.discussion or "-") for d in record.drafts]
    if rows:
        stdout().print(table_of("Overview report drafts (13.1.4)", ("version", "dated", "discussed", "panel's view"),
                                rows, ("version", "dated", "discussed")))  # fmt: skip
    else:
        say("No draft of the overview report is recorded yet: scrkit overview draft 1 --date DD/MM/YYYY.")
    circulation = record.circulation
    if circulation.sent is None:
        say("The final draft has not been sent to the IMR authors (13.1.6).")
    else:
        answers = [
            (
                entry.agency,
                entry.author,
                f"confirmed {uk_date(entry.confirmed)}" if entry.confirmed
                else f"objected {uk_date(entry.objected_on)}; panel responded {uk_date(entry.responded_on)}"
                if entry.responded_on else f"objected {uk_date(entry.objected_on)}" if entry.objected_on
                else "waiting",
            )
            for entry in circulation.authors
        ]  # fmt: skip
        title = f"Final draft {circulation.version}, sent {uk_date(circulation.sent)}: fair representation (13.1.6)"
        stdout().print(table_of(title, ("agency", "IMR author", "answer"), answers, ("agency",)))
    summary = record.executive_summary
    missing = missing_summary_elements(summary)
    if summary.final_on:
        say(f"Executive summary final on {uk_date(summary.final_on)} (13.3).")
    else:
        say(f"Executive summary: {5 - len(missing)} of its 5 elements written (13.3.2); not final.")
    adoption = record.adoption
    if adoption.presented_by:
        say(f"Presented to the Board by {', '.join(adoption.presented_by)} (14.1.1).")
    for line in found.after_adoption:
        say(line)


@overview_app.command("draft")
def draft(version: VersionArgument, date: DateOption = None, review: ReviewOption = Path(".")) -> None:
    """Record a draft of the overview report (13.1.5); `scrkit letters overview-report` renders it."""
    from scrkit.jobs.overview import add_draft

    on = date_or_today(date, "--date")
    add_draft(review, version, on, dates.today())
    say(f"Recorded: overview report draft {version.strip()}, dated {uk_date(on)}.")


@overview_app.command("discussed")
def discussed(
    version: VersionArgument,
    note: Annotated[str, typer.Option("--note", help="What the panel said of it, in brief.")] = "",
    date: DateOption = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record the panel's discussion of a draft (13.1.4)."""
    from scrkit.jobs.overview import record_discussion

    on = date_or_today(date, "--date")
    record_discussion(review, version, on, note, dates.today())
    say(f"Recorded: the panel discussed draft {version} on {uk_date(on)}.")


@overview_app.command("circulate")
def circulate(version: VersionArgument, date: DateOption = None, review: ReviewOption = Path(".")) -> None:
    """Record the final draft sent to every IMR author to confirm it represents them fairly (13.1.6)."""
    from scrkit.jobs.overview import circulate as send

    on = date_or_today(date, "--date")
    agencies = send(review, version, on, dates.today())
    say(f"Recorded: final draft {version} sent on {uk_date(on)} to the IMR authors of {', '.join(agencies)}.")
    say("Record each answer with `scrkit overview confirm AGENCY` or `scrkit overview object AGENCY`.")


@overview_app.command("confirm")
def confirm(agency: AgencyArgument, date: DateOption = None, review: ReviewOption = Path(".")) -> None:
    """Record an IMR author's confirmation that the report fully and fairly represents them (13.1.6)."""
    from scrkit.jobs.overview import confirm as record

    on = date_or_today(date, "--date")
    record(review, agency, on, dates.today())
    say(f"Recorded: {agency}'s IMR author confirmed fair representation on {uk_date(on)}.")


@overview_app.command("object")
def object_(
    agency: AgencyArgument,
    objection: Annotated[str, typer.Option("--objection", help="What the author says is not fairly represented.")],
    date: DateOption = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record an IMR author's objection to the final draft (13.1.6); the panel then responds."""
    from scrkit.jobs.overview import object_to

    on = date_or_today(date, "--date")
    object_to(review, agency, on, objection, dates.today())
    say(f"Recorded: {agency}'s IMR author objected on {uk_date(on)}. "
        f"Record the panel's response with `scrkit overview respond {agency}`.")  # fmt: skip


@overview_app.command("respond")
def respond(
    agency: AgencyArgument,
    response: Annotated[str, typer.Option("--response", help="The panel's response to the objection.")],
    date: DateOption = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record the panel's response to an IMR author's objection (13.1.6)."""
    from scrkit.jobs.overview import respond as record

    on = date_or_today(date, "--date")
    record(review, agency, on, response, dates.today())
    say(f"Recorded: the panel's response to {agency} on {uk_date(on)}.")


@overview_app.command("summary-final")
def summary_final(date: DateOption = None, review: ReviewOption = Path(".")) -> None:
    """Mark the executive summary final: refused while one of its five elements (13.3.2) is empty."""
    from scrkit.jobs.overview import summary_final as mark

    on = date_or_today(date, "--date")
    mark(review, on, dates.today())
    say(f"Recorded: the executive summary is final on {uk_date(on)} (13.3.4).")


@overview_app.command("adopt")
def adopt(
    presented_by: Annotated[
        list[str], typer.Option("--presented-by", help="Who presented it to the Board (give once for each).")
    ],
    commitment: Annotated[
        str, typer.Option("--commitment", help="The senior officers' commitment to the recommendations (14.1.2).")
    ],
    other_processes: Annotated[
        str | None,
        typer.Option("--other-processes", help="How a trial, inquest or other process still running was considered."),
    ] = None,
    date: DateOption = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record the LSCB's adoption of the SCR after its presentation (14.1): the completion milestone.

    Refused until every IMR author has confirmed fair representation or the panel has responded to
    their objection (13.1.6), and while a parallel process has a hearing with no outcome unless
    --other-processes says how its information was considered (14.1.3).
    """
    from scrkit.jobs.overview import adopt as record

    on = date_or_today(date, "--date")
    adopted = record(review, on, presented_by, commitment, other_processes, dates.today())
    say(f"Recorded: the LSCB adopted the SCR on {uk_date(adopted.on)}; the review is now "
        f"{adopted.timetable.records.review.status.value}.")  # fmt: skip
    say("Next: scrkit overview hand-over (14.1.4), and scrkit done submit-ofsted (14.1.5).")


@overview_app.command("hand-over")
def hand_over(date: DateOption = None, review: ReviewOption = Path(".")) -> None:
    """Record the adopted SCR sent to the Performance Monitoring sub group (14.1.4)."""
    from scrkit.jobs.overview import hand_over as record

    on = date_or_today(date, "--date")
    record(review, on, dates.today())
    say(f"Recorded: the SCR went to the Performance Monitoring sub group on {uk_date(on)} (14.1.4).")


def register(app: typer.Typer) -> None:
    app.add_typer(overview_app, name="overview")
