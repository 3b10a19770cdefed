"""`scrkit log` and `scrkit unlock`: the audit trail and the review's lock."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import stdout


def log(
    review: ReviewOption = Path("."),
    verify: Annotated[bool, typer.Option("--verify", help="Check that no entry was edited or removed.")] = False,
) -> None:
    """Show the review's audit trail: who changed which records, when (exit 1 if --verify fails)."""
    from scrkit.jobs.safety import audit_entries, verify_audit_log

    if verify:
        count = verify_audit_log(review)
        stdout().print(f"The audit log of {review} is intact: {count} entries.", markup=False)
        return
    table = Table(title=f"Audit log: {review}", title_justify="left")
    for heading in ("no.", "when", "who", "machine", "command", "files changed"):
        table.add_column(heading, overflow="fold")
    for entry in audit_entries(review):
        table.add_row(
            str(entry.get("n")),
            str(entry.get("when", ""))[:16].replace("T", " "),
            str(entry.get("who")),
            str(entry.get("host")),
            str(entry.get("command")),
            ", ".join(item["file"] for item in entry.get("changed", [])),
        )
    stdout().print(table)


def unlock(
    review: ReviewOption = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Break the lock even if it may be in use.")] = False,
) -> None:
    """Break a stale lock left by a scrkit command that was interrupted."""
    from scrkit.jobs.safety import unlock as break_lock

    holder = break_lock(review, force=force)
    if holder is None:
        stdout().print(f"The review at {review} is not locked.", markup=False)
    else:
        stdout().print(f"Removed the lock held by {holder.describe()}.", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(log)
    app.command()(unlock)
