"""`scrkit agencies`: the agencies of a review and their replies to the request letter."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption, date_or_today, optional_date, review_for_subcommands
from scrkit.cli.render import render_agencies
from scrkit.cli.terminal import say, stdout
from scrkit.dates import uk_date
from scrkit.jobs.agencies import add_alias, list_agencies, record_reply
from scrkit.models.agencies import RequestReply

agencies_app = typer.Typer(
    help="The agencies of a review and their replies to the request letter (App 2).",
    invoke_without_command=True,
    no_args_is_help=False,
)


@agencies_app.callback()
def agencies(ctx: typer.Context, review: ReviewOption = Path(".")) -> None:
    """List the agencies and their replies. `scrkit agencies reply` records a reply."""
    review_for_subcommands(ctx, review)
    if ctx.invoked_subcommand is None:
        render_agencies(list_agencies(review))


@agencies_app.command()
def reply(
    agency: Annotated[str, typer.Argument(help="The agency's id in agencies.yaml, e.g. police.")],
    answer: Annotated[RequestReply, typer.Argument(help="involved, nil-return or awaiting.")],
    date: Annotated[str | None, typer.Option(help="When the reply arrived. Defaults to today.")] = None,
    secured: Annotated[str | None, typer.Option(help="When the agency secured its records.")] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record an agency's reply: whether it knew the child or family, and when it secured its records."""
    result = record_reply(
        review,
        agency,
        answer,
        reply_date=date_or_today(date, "--date"),
        records_secured=optional_date(secured, "--secured"),
    )
    stdout().print(f"Recorded: {result.agency.name} replied '{result.agency.request_reply.value}'.", markup=False)
    if result.responses_done:
        say(f"Every agency has replied: agency-responses recorded as done {uk_date(result.responses_done)} (App 2).")
    elif result.awaiting:
        say(f"Still to reply: {', '.join(result.awaiting)}.")
    elif result.unsecured:
        say(f"Involved but records not yet secured (5.1.2): {', '.join(result.unsecured)} "
            "(record it with --secured DATE).")  # fmt: skip


@agencies_app.command()
def alias(
    agency: Annotated[str, typer.Argument(help="The agency's id in agencies.yaml, e.g. brookside-primary.")],
    name: Annotated[str, typer.Argument(help='Another name its returns arrive under, e.g. "Little Acorns".')],
    review: ReviewOption = Path("."),
) -> None:
    """Give an agency another name, so that a chronology return named that way is matched to it."""
    updated, added = add_alias(review, agency, name)
    said = "Recorded" if added else "Already recorded"
    stdout().print(f"{said}: returns named '{name}' are {updated.name}'s.", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(agencies_app, name="agencies")
