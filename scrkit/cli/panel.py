"""`scrkit check`, `scrkit imr`, `scrkit actions`, `scrkit report`: the panel's business."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from scrkit import dates
from scrkit.cli.options import ReviewOption, date_or_today, optional_date, review_for_subcommands
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


class Role(StrEnum):
    LSCB_CHAIR = "lscb-chair"
    PANEL_CHAIR = "panel-chair"
    OVERVIEW_AUTHOR = "overview-author"
    BUSINESS_MANAGER = "business-manager"
    ADMINISTRATOR = "administrator"
    FAMILY_CONTACT = "family-contact"

    @property
    def field(self) -> str:
        return self.value.replace("-", "_")


def appoint(
    role: Annotated[Role, typer.Argument(help="The role in panel.yaml.")],
    name: Annotated[str | None, typer.Option(help="Their full name (a new name replaces the person).")] = None,
    title: Annotated[str | None, typer.Option(help="Their job title.")] = None,
    organisation: Annotated[str | None, typer.Option(help="Their organisation.")] = None,
    email: Annotated[str | None, typer.Option(help="Their email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Their telephone number.")] = None,
    address: Annotated[str | None, typer.Option(help="Their postal address, lines separated by ';'.")] = None,
    lscb_member: Annotated[
        bool | None, typer.Option("--lscb-member/--not-lscb-member", help="Are they a member of the LSCB? (3.1.1)")
    ] = None,
    employer: Annotated[
        str | None, typer.Option(help="The id of the agency that employs them, if an agency does (3.1.1).")
    ] = None,
    indemnity: Annotated[
        bool | None, typer.Option("--indemnity/--no-indemnity", help="Confirmed professional indemnity cover (3.1.3).")
    ] = None,
    supervision: Annotated[
        bool | None, typer.Option("--supervision/--no-supervision", help="Confirmed access to supervision (3.1.3).")
    ] = None,
    data_protection: Annotated[
        bool | None,
        typer.Option("--data-protection/--no-data-protection", help="Confirmed data protection arrangements (3.1.3)."),
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Appoint the LSCB chair, panel chair, overview author or board staff, with the 3.1.1 and 3.1.3 checks.

    In a terminal it asks the panel chair's and overview author's independence and confirmations
    not yet recorded; in a script, give them as flags.
    """
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.panel import appoint as record_appointment
    from scrkit.jobs.panel import appointee
    from scrkit.models.panel import CONFIRMATIONS_3_1_3, INDEPENDENT_ROLES

    def yes_no(value: bool | None) -> str | None:
        return None if value is None else ("yes" if value else "no")

    given = {
        "name": name, "title": title, "organisation": organisation, "email": email, "phone": phone,
        "address": address, "lscb_member": yes_no(lscb_member), "employer": employer,
        "indemnity_confirmed": yes_no(indemnity), "supervision_confirmed": yes_no(supervision),
        "data_protection_confirmed": yes_no(data_protection),
    }  # fmt: skip
    fields = {key: value for key, value in given.items() if value is not None}
    current = appointee(review, role.field)
    label = role.value.replace("-", " ")
    if can_prompt():
        if current is None and not name:
            fields["name"] = typer.prompt(f"The {label}'s full name", err=True)
        starting = current is None or ("name" in fields and fields["name"].strip() != current.name)
        who = fields.get("name") or (current.name if current else "they")

        def unanswered(field: str) -> bool:  # a membership not recorded, a confirmation not yet yes
            if field in fields:
                return False
            value = None if starting else getattr(current, field)
            return value is None if field == "lscb_member" else not value

        if role.field in INDEPENDENT_ROLES:
            questions = {"lscb_member": f"Is {who} a member of the LSCB? (3.1.1)"}
            questions |= {field: f"Has {who} confirmed {what}? (3.1.3)" for field, what in CONFIRMATIONS_3_1_3.items()}
            for field, question in questions.items():
                if unanswered(field):
                    fields[field] = "yes" if typer.confirm(question, default=False, err=True) else "no"
    person, replaced = record_appointment(review, role.field, fields)
    if replaced:
        say(f"{person.name} replaces {replaced} as {label}; nothing {replaced} confirmed is kept.")
    stdout().print(f"Recorded: {person.name} as {label}.", markup=False)
    if role.field in INDEPENDENT_ROLES:
        missing = [field for field in CONFIRMATIONS_3_1_3 if not getattr(person, field)]
        if missing:
            flags = " ".join("--" + field.removesuffix("_confirmed").replace("_", "-") for field in missing)
            whats = ", ".join(CONFIRMATIONS_3_1_3[field] for field in missing)
            say(f"Still to confirm (3.1.3): {whats}. Once they have, record it: scrkit appoint {role.value} {flags}")
        if person.lscb_member is None:
            say("Their LSCB membership is not recorded (3.1.1): --lscb-member or --not-lscb-member.")
        elif person.lscb_member:
            say(f"3.1.1: the {label} should not be a member of the LSCB; `scrkit check` will report it.")


imr_app = typer.Typer(
    help="Individual Management Reviews: list them, or record their progress.", invoke_without_command=True
)


@imr_app.callback()
def imr(ctx: typer.Context, review: ReviewOption = Path("."), today: TodayOption = None) -> None:
    """List the IMRs: author, due, submitted, quality assured, signed off, state."""
    review_for_subcommands(ctx, review)
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
    review_for_subcommands(ctx, review)
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
    sign_off_plan(review, on, by, dates.today())
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
    app.command()(appoint)
    app.command()(check)
    app.add_typer(imr_app, name="imr")
    app.add_typer(actions_app, name="actions")
    app.command()(report)
