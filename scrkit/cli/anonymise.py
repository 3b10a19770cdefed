"""`scrkit anonymise`, `scrkit check-leaks`, `scrkit export`, `scrkit people pseudonyms` (1.9.1)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption, date_or_today
from scrkit.cli.terminal import say, stderr, stdout
from scrkit.errors import BadInput, ExitCode


def anonymise(
    files: Annotated[list[Path], typer.Argument(help=".docx, .xlsx, .csv, .txt or .md files to anonymise.")],
    out: Annotated[
        Path | None, typer.Option(help="Folder for the anonymised copies (default: REVIEW/anonymised).")
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Write anonymised copies: every registered name, address and date of birth replaced."""
    from scrkit.jobs.anonymise import anonymise_files

    copies = anonymise_files(review, files, out)
    for path in copies.files:
        stdout().print(str(path), markup=False)
    say(f"Glossary: {copies.glossary}. The key to real names is RESTRICTED, kept beside the folder: {copies.key}")


def check_leaks(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check.")],
    review: ReviewOption = Path("."),
) -> None:
    """Look in every part of each file for a registered name, address or date of birth (exit 1 on any)."""
    from scrkit.jobs.anonymise import check_leaks as check

    reports = check(review, paths)
    found = 0
    for report in reports:
        for hit in report.hits:
            found += 1
            stdout().print(
                f"{report.path}: {hit.part} ({hit.where}): '{hit.matched}' in: ...{hit.context}...", markup=False
            )
        for problem in report.unreadable:
            found += 1
            stdout().print(f"{report.path}: could not be checked: {problem}", markup=False)
    if found:
        say(f"{found} leak(s) or unreadable part(s) in {len(reports)} file(s). Do not send these files.")
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))
    say(f"No registered name, address or date of birth found in {len(reports)} file(s).")


def export(
    audience: Annotated[str, typer.Argument(help="ofsted, department or publication.")],
    date: Annotated[str | None, typer.Option(help="The pack's date. Defaults to today.")] = None,
    encrypt: Annotated[
        bool, typer.Option("--encrypt", help="Also write an AES-encrypted zip (you will be asked for a passphrase).")
    ] = False,
    review: ReviewOption = Path("."),
) -> None:
    """Gather what goes to an audience into a dated, anonymised, leak-checked pack."""
    from scrkit.anonymise.export import LeaksFound
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.anonymise import export as make_pack

    passphrase = None
    if encrypt:
        if not can_prompt():
            raise BadInput("--encrypt needs a person at a terminal to type the passphrase; it is never a flag.")
        passphrase = typer.prompt(
            "Passphrase for the encrypted zip", hide_input=True, confirmation_prompt=True, err=True
        )
    try:
        result = make_pack(review, audience, date_or_today(date, "--date"), passphrase)
    except LeaksFound as refusal:
        for report in refusal.reports:
            for hit in report.hits:
                stderr().print(f"{report.path.name}: {hit.part} ({hit.where}): '{hit.matched}'", markup=False)
            for problem in report.unreadable:
                stderr().print(f"{report.path.name}: could not be checked: {problem}", markup=False)
        raise
    for path in result.files:
        stdout().print(str(path), markup=False)
    say(f"Pack: {result.pack} (checked: no registered name, address or date of birth).")
    say(f"RESTRICTED key (never send it): {result.key}")
    if result.encrypted:
        say(f"Encrypted zip: {result.encrypted}. Send the passphrase by a different route (phone).")


people_app = typer.Typer(help="The people register used for anonymising.", no_args_is_help=True)


@people_app.command("pseudonyms")
def pseudonyms(review: ReviewOption = Path(".")) -> None:
    """Suggest a pseudonym for everyone who has none (Child A, Mother, Professional 3); edit them freely."""
    from scrkit.jobs.anonymise import suggest_pseudonyms

    added = suggest_pseudonyms(review)
    for who, pseudonym in added:
        stdout().print(f"{who}: {pseudonym}", markup=False)
    say(f"{len(added)} pseudonym(s) suggested in child.yaml and people.yaml." if added else "Everyone has one.")


def register(app: typer.Typer) -> None:
    app.command()(anonymise)
    app.command("check-leaks")(check_leaks)
    app.command()(export)
    app.add_typer(people_app, name="people")
