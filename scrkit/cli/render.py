"""Rich renderings of core results, shared by the commands that show them."""

from __future__ import annotations

from rich.table import Table

from scrkit.cli.terminal import stdout, table_of
from scrkit.dates import uk_date
from scrkit.models.agencies import Agency
from scrkit.review.summary import ReviewSummary


def render_summary(summary: ReviewSummary) -> None:
    console = stdout()
    table = Table(title=f"Review {summary.reference} ({summary.board})", show_header=False, title_justify="left")
    table.add_column("fact", style="bold")
    table.add_column("value")
    table.add_row("Status", summary.status)
    table.add_row("Child", f"{summary.child_name}, aged {summary.child_age_at_incident} at the incident")
    table.add_row("Incident", uk_date(summary.incident_date))
    table.add_row("Referral received", uk_date(summary.referral_received))
    table.add_row("Decision", summary.decision)
    table.add_row("Period under review", summary.period)
    table.add_row("Circumstances", "\n".join(summary.circumstances) or "not recorded")
    table.add_row(
        "People", f"{summary.family_count} family and significant others, {summary.professional_count} professionals"
    )
    replies = ", ".join(f"{count} {reply}" for reply, count in summary.agency_replies.items())
    table.add_row("Agencies", f"{summary.agency_count} ({replies})")
    if summary.awaiting_reply:
        table.add_row("Awaiting a reply", "\n".join(summary.awaiting_reply))
    for role, name in summary.roles.items():
        table.add_row(role, name)
    table.add_row("Panel members", str(summary.panel_member_count))
    console.print(table)


def render_agencies(agencies: list[Agency]) -> None:
    headings = ("id", "agency", "kind", "LSCB member", "reply", "replied", "records secured")
    rows = [
        (
            agency.id, agency.name, agency.kind.value, "yes" if agency.lscb_member else "no",
            agency.request_reply.value, uk_date(agency.reply_date, "-"), uk_date(agency.records_secured, "-"),
        )
        for agency in agencies
    ]  # fmt: skip
    whole = ("id", "reply", "replied", "records secured")
    stdout().print(table_of("Agencies", headings, rows, whole))
