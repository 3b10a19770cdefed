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
    """Write clean, anonymised copies: every registered name, address and date of birth replaced, and
    everything a reader does not see (comments, tracked changes, properties ...) left out."""
    from scrkit.jobs.anonymise import anonymise_files

    copies = anonymise_files(review, files, out)
    for path in copies.files:
        stdout().print(str(path), markup=False)
        left_out = copies.dropped.get(path.name)
        if left_out:
            stdout().print(f"  left out: {', '.join(left_out)}", markup=False)
    if copies.shared:
        say(
            "Names two people share were written as [name] or [family name]: "
            f"{', '.join(copies.shared)}. Read the copies to check they still make sense."
        )
    for candidate in copies.candidates:
        stderr().print(
            f"Not replaced: '{candidate.text}' ({candidate.why}) in {candidate.where} looks like the name of a person "
            "no record holds.",
            markup=False,
        )
    if copies.candidates:
        say('Register each with scrkit register name "NAME" --as "JOB TITLE, ORGANISATION" (or scrkit register '
            'not-a-person "PHRASE"), then anonymise again; an export refuses them until then.')  # fmt: skip
    say(f"Glossary: {copies.glossary}. The key to real names is RESTRICTED, kept beside the folder: {copies.key}")


def check_leaks(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check (every file in a folder).")],
    review: ReviewOption = Path("."),
) -> None:
    """Look in every byte of each file for a registered name, address or date of birth (exit 1 on any,
    on a file or part scrkit cannot read, or on a picture nobody has confirmed)."""
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
        for picture in report.pictures:
            found += 1
            stdout().print(
                f"{report.path}: {picture.part}: a picture ({picture.kind}, {picture.sha256[:12]}) that scrkit "
                "cannot read; a person must look at it",
                markup=False,
            )
    if found:
        bad = sum(1 for report in reports if not report.clean)
        say(f"{found} leak(s), unreadable part(s) or unchecked picture(s) in {bad} of {len(reports)} file(s). "
            "Do not send them.")  # fmt: skip
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))
    say(f"No registered name, address or date of birth found in {len(reports)} file(s).")


def export(
    audience: Annotated[str, typer.Argument(help="ofsted, department, sha or publication.")],
    date: Annotated[str | None, typer.Option(help="The pack's date. Defaults to today.")] = None,
    encrypt: Annotated[
        bool,
        typer.Option("--encrypt", help="Also write an AES-encrypted zip (asked for a passphrase once all is checked)."),
    ] = False,
    review: ReviewOption = Path("."),
) -> None:
    """Gather what goes to an audience into a dated pack of clean, anonymised, checked copies."""
    from scrkit.anonymise.export import LeaksFound
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.anonymise import export as make_pack

    ask = None
    if encrypt:
        if not can_prompt():
            raise BadInput("--encrypt needs a person at a terminal to type the passphrase; it is never a flag.")

        def ask() -> str:
            say("Every file has been checked.")
            return str(typer.prompt("Passphrase for the encrypted zip", hide_input=True, confirmation_prompt=True,
                                    err=True))  # fmt: skip

    try:
        result = make_pack(review, audience, date_or_today(date, "--date"), ask)
    except LeaksFound as refusal:
        for report in refusal.reports:
            for hit in report.hits:
                stderr().print(f"{report.path.name}: {hit.part} ({hit.where}): '{hit.matched}'", markup=False)
            for problem in report.unreadable:
                stderr().print(f"{report.path.name}: {problem}", markup=False)
        raise
    for path in result.files:
        stdout().print(str(path), markup=False)
        left_out = result.dropped.get(path.name)
        if left_out:
            stdout().print(f"  left out: {', '.join(left_out)}", markup=False)
    for source, why in result.held_back:
        say(f"Not sent: {source.name} ({why}).")
    for about, where in result.missing:
        say(f"Not in this pack, none found yet: {about} (looked for {where}).")
    if result.redrawn:
        say(f"The genogram was drawn again, anonymised, in {len(result.redrawn)} place(s).")
    if result.pdf_missing:
        say("No PDF copies were made: LibreOffice is not installed on this computer.")
    say(f"Pack: {result.pack} (checked in every part: no registered name, address or date of birth).")
    say(f"RESTRICTED key (never send it): {result.key}")
    if result.encrypted:
        say(f"Encrypted zip: {result.encrypted}. Send the passphrase by a different route (phone).")


register_app = typer.Typer(
    help="Decisions about names and pictures before anything is sent (register.yaml, audited).", no_args_is_help=True
)


@register_app.command("name")
def register_name(
    name: Annotated[str, typer.Argument(help='The name as documents write it, e.g. "Dr K O\'Brien".')],
    as_: Annotated[str, typer.Option("--as", help="What to write instead: job title and organisation.")],
    review: ReviewOption = Path("."),
) -> None:
    """Someone the documents name who is in no record: from now on replaced everywhere."""
    from scrkit.jobs.anonymise import register_name as add

    add(review, name, as_)
    say(f"'{name}' will be written as '{as_}' in every anonymised copy.")


@register_app.command("not-a-person")
def not_a_person(
    phrase: Annotated[str, typer.Argument(help="Words that look like a name but are not a person.")],
    review: ReviewOption = Path("."),
) -> None:
    """Words that look like a person's name but are not one ("Weaver House"): no longer reported."""
    from scrkit.jobs.anonymise import register_not_a_person

    register_not_a_person(review, phrase)
    say(f"'{phrase}' is recorded as not a person.")


@register_app.command("picture")
def picture(
    hash_: Annotated[str, typer.Argument(metavar="HASH", help="The picture's hash as export printed it.")],
    by: Annotated[str, typer.Option(help="Who looked at it (job title).")] = "Business Manager",
    review: ReviewOption = Path("."),
) -> None:
    """Confirm that a picture waiting in exports/pictures to check shows no name, face, address or date."""
    from scrkit.dates import today
    from scrkit.jobs.anonymise import register_picture

    digest = register_picture(review, hash_, by, today())
    say(f"Picture {digest[:12]} confirmed by {by}; it may now go out in anonymised copies.")


people_app = typer.Typer(help="The people register used for anonymising.", no_args_is_help=True)


@people_app.command("pseudonyms")
def pseudonyms(review: ReviewOption = Path(".")) -> None:
    """Suggest a pseudonym for everyone who has none (Child A, Adult B, Sibling 1, Professional 3); edit them freely."""
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
    app.add_typer(register_app, name="register")
