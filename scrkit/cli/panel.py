"""`scrkit check`, `scrkit imr`, `scrkit actions`, `scrkit report`: the panel's business."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption, date_or_today, optional_date
from scrkit.cli.terminal import say, stdout, table_of
from scrkit.dates import parse_user_date, uk_date
from scrkit.errors import ExitCode
from scrkit.jobs.timeline import review_status

TodayOption = Annotated[str | None, typer.Option("--today", help="As of this date instead of today.")]


def check(review: ReviewOption = Path(".")) -> None:
    """Check the review against the guidance's rules (independence, IMRs, family, parallel processes, SMART plan)."""
    from scrkit.checks.rules import rule_book
    from scrkit.jobs.panel import check as check_review

    findings = check_review(review)
    for finding in findings:
        stdout().print(str(finding), markup=False)
    if findings:
        say(f"{len(findings)} breach(es) of {len(rule_book())} rules. Each names the guidance and Ofsted's descriptor.")
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))
    say(f"The review keeps all {len(rule_book())} rules.")


imr_app = typer.Typer(
    help="Individual Management Reviews: list them, or record their progress.", invoke_without_command=True
)


@imr_app.callback()
def imr(ctx: typer.Context, review: ReviewOption = Path("."), today: TodayOption = None) -> None:
    """List the IMRs: author, due, submitted, quality assured, signed off, state."""
    if ctx.invoked_subcommand is not None:
        return
    report = review_status(review, date_or_today(today, "--today"))
    rows = []
    for item in report.panel.imrs:
        record = item.imr
        state = item.state + (f" ({item.days_late} days)" if item.state == "late" else "")
        rows.append((
            item.agency_name, record.author.name if record.author else "-", uk_date(record.due, "-"),
            uk_date(record.submitted, "-"), uk_date(record.quality_assured_on, "-"), uk_date(record.signed_off_on, "-"),
            state,
        ))  # fmt: skip
    rows += [(name, "-", "-", "-", "-", "-", "not commissioned") for name in report.panel.not_commissioned]
    headings = ("agency", "author", "due", "submitted", "quality assured", "signed off", "state")
    whole = ("due", "submitted", "quality assured", "signed off", "state")
    stdout().print(table_of(f"IMRs, {report.reference}", headings, rows, whole))


@imr_app.command("update")
def imr_update(
    agency: Annotated[str, typer.Argument(help="The agency's id, e.g. police.")],
    author: Annotated[str | None, typer.Option(help="The IMR author's name.")] = None,
    commissioned: Annotated[str | None, typer.Option(help="Date commissioned.")] = None,
    due: Annotated[str | None, typer.Option(help="Date due.")] = None,
    submitted: Annotated[str | None, typer.Option(help="Date submitted.")] = None,
    quality_assured_by: Annotated[
        str | None, typer.Option(help="Senior officer who quality assured it (6.3.3).")
    ] = None,
    quality_assured_on: Annotated[str | None, typer.Option(help="Date quality assured.")] = None,
    signed_off_by: Annotated[str | None, typer.Option(help="Chief executive or director (App 14 4.4).")] = None,
    signed_off_on: Annotated[str | None, typer.Option(help="Date signed off.")] = None,
    presented: Annotated[str | None, typer.Option(help="Date presented to the panel (12.1).")] = None,
    returned: Annotated[str | None, typer.Option(help="Date returned for further work (4.1.1).")] = None,
    reason: Annotated[str | None, typer.Option(help="Why it was returned.")] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record an IMR's progress; the file keeps its comments."""
    from scrkit.errors import BadInput
    from scrkit.jobs.panel import update_imr

    if returned and not reason:
        raise BadInput("--returned needs --reason: why the IMR was returned for further work (4.1.1).")
    changes = {
        "author": author,
        "commissioned": optional_date(commissioned, "--commissioned"),
        "due": optional_date(due, "--due"),
        "submitted": optional_date(submitted, "--submitted"),
        "quality_assured_by": quality_assured_by,
        "quality_assured_on": optional_date(quality_assured_on, "--quality-assured-on"),
        "signed_off_by": signed_off_by,
        "signed_off_on": optional_date(signed_off_on, "--signed-off-on"),
        "presented": optional_date(presented, "--presented"),
    }
    back = (parse_user_date(returned, "--returned"), reason) if returned and reason else None
    update_imr(review, agency, changes, back)
    stdout().print(f"Recorded the IMR of {agency}.", markup=False)


actions_app = typer.Typer(
    help="The action plan (App 13): list actions, or sign the plan off.", invoke_without_command=True
)


@actions_app.callback()
def actions(ctx: typer.Context, review: ReviewOption = Path("."), today: TodayOption = None) -> None:
    """List the actions: owner, date, state (overdue ones first)."""
    if ctx.invoked_subcommand is not None:
        return
    report = review_status(review, date_or_today(today, "--today"))
    order = {"overdue": 0, "no-date": 1, "open": 2, "done": 3}
    rows = [
        (item.recommendation, item.action.action, item.action.by_whom or "-", uk_date(item.action.by_when, "-"),
         item.state + (f" ({item.days_overdue} days)" if item.state == "overdue" else ""))
        for item in sorted(report.panel.actions, key=lambda a: order[a.state])
    ]  # fmt: skip
    headings = ("recommendation", "action", "by whom", "by when", "state")
    stdout().print(table_of(f"Action plan, {report.reference}", headings, rows, ("recommendation", "by when", "state")))
    signed = report.panel.plan_signed_off
    say(f"Plan signed off {uk_date(signed)} (17.1.2)." if signed else "The plan is not yet signed off (17.1.2).")
    if report.panel.overdue_actions:
        raise typer.Exit(int(ExitCode.OVERDUE))


@actions_app.command("sign-off")
def sign_off(
    by: Annotated[str, typer.Option(help="Who signed it off for the LSCB.")],
    date: Annotated[str | None, typer.Option(help="When. Defaults to today.")] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record the LSCB's formal completion of the action plan (17.1.2)."""
    from scrkit.jobs.panel import sign_off_plan

    on = date_or_today(date, "--date")
    sign_off_plan(review, on, by)
    stdout().print(f"Recorded: action plan signed off {uk_date(on)} by {by}.", markup=False)


def report(
    folders: Annotated[list[Path] | None, typer.Argument(help="Review folders (default: the -r review).")] = None,
    out: Annotated[Path | None, typer.Option(help="Where to write the report (.docx).")] = None,
    today: TodayOption = None,
    genograms: Annotated[
        bool, typer.Option("--genograms/--no-genograms", help="Include each family's genogram.")
    ] = True,
    record_sent: Annotated[
        bool | None,
        typer.Option(
            "--record-sent/--no-record-sent",
            help="Record the month's progress update (4.1.2) as done on the report's date (asked in a terminal).",
        ),
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Write the monthly progress update to the LSCB chair (4.1.2) as a Word document with a timeline chart."""
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.panel import monthly_report

    def record(milestone: str, title: str, day: dt.date) -> bool:
        if record_sent is not None:
            return record_sent
        if not can_prompt():
            return False
        return typer.confirm(f"Record '{title}' ({milestone}) as done on {uk_date(day)}?", default=False, err=True)

    on = date_or_today(today, "--today")
    written = monthly_report(list(folders) if folders else [review], on, out, genograms, record)
    for reference, why in written.no_genogram.items():
        say(f"No genogram for {reference}: {why}")
    stdout().print(str(written.path), markup=False)
    if written.recorded:
        say(f"Recorded: {written.recorded} done {uk_date(on)}.")


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.add_typer(imr_app, name="imr")
    app.add_typer(actions_app, name="actions")
    app.command()(report)
