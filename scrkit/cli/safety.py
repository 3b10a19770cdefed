"""`scrkit log` and `scrkit unlock`: the audit trail and the review's lock."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import say, stdout, table_of


def log(
    review: ReviewOption = Path("."),
    verify: Annotated[bool, typer.Option("--verify", help="Check that no entry was edited, removed or cut.")] = False,
    anchor: Annotated[
        str | None, typer.Option(help="With --verify: a head kept elsewhere (N:HASH from --head) to check against.")
    ] = None,
    head: Annotated[bool, typer.Option("--head", help="Print the log's head (N:HASH), to keep elsewhere.")] = False,
    repair: Annotated[
        bool, typer.Option("--repair", help="Start a new log, keeping a damaged one beside it (recorded).")
    ] = False,
) -> None:
    """Show the review's audit trail: who changed which files, when (exit 1 if --verify finds damage)."""
    from scrkit.jobs.safety import audit_changes, audit_head, repair_audit_log, verify_audit_log

    if repair:
        kept, found = repair_audit_log(review)
        stdout().print(f"Started a new audit log for {review}; it records the repair ({found}).", markup=False)
        if kept is not None:
            say(f"The damaged log is kept as {kept}.")
        return
    if head:
        stdout().print(audit_head(review), markup=False)
        return
    if verify:
        count = verify_audit_log(review, anchor)
        stdout().print(f"The audit log of {review} is intact: {count} entries.", markup=False)
        return
    rows = [
        (
            str(change.number),
            change.when[:16].replace("T", " "),
            change.who,
            change.host,
            change.command,
            ", ".join(str(item.get("file")) for item in change.files),
            change.state + (f": {change.note}" if change.note else ""),
        )
        for change in audit_changes(review)
    ]
    headings = ("no.", "when", "who", "machine", "command", "files changed", "state")
    # The entry's number and time are never broken; at 80 columns each entry is listed, its words whole.
    stdout().print(table_of(f"Audit log: {review}", headings, rows, whole=("no.", "when")))


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
