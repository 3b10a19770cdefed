"""`scrkit log` and `scrkit unlock`: the audit trail and the review's lock."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import stdout
from scrkit.errors import Problem, ProblemsFound
from scrkit.review.casefolder import CaseFolder


def log(
    review: ReviewOption = Path("."),
    verify: Annotated[bool, typer.Option("--verify", help="Check that no entry was edited or removed.")] = False,
) -> None:
    """Show the review's audit trail: who changed which records, when (exit 1 if --verify fails)."""
    from scrkit.review.audit import LOG_NAME, read_entries
    from scrkit.review.audit import verify as verify_log

    folder = CaseFolder.open(review)
    if verify:
        problems = verify_log(folder.path)
        if problems:
            raise ProblemsFound(
                f"the audit log of {review}",
                [Problem(folder.path / LOG_NAME, None, "", message) for message in problems],
                hint="The log has been tampered with or damaged. Keep the file as it is and tell the business manager.",
            )
        stdout().print(f"The audit log of {review} is intact: {len(read_entries(folder.path))} entries.", markup=False)
        return
    table = Table(title=f"Audit log: {review}", title_justify="left")
    for heading in ("no.", "when", "who", "machine", "command", "files changed"):
        table.add_column(heading, overflow="fold")
    for entry in read_entries(folder.path):
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
    from scrkit.review.locking import break_lock

    holder = break_lock(CaseFolder.open(review).path, force=force)
    if holder is None:
        stdout().print(f"The review at {review} is not locked.", markup=False)
    else:
        stdout().print(f"Removed the lock held by {holder.describe()}.", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(log)
    app.command()(unlock)
