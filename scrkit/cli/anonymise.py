"""`scrkit anonymise`, `scrkit check-leaks`, `scrkit export`, `scrkit people pseudonyms` (1.9.1)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption, date_or_today
from scrkit.cli.terminal import say, stderr, stdout
from scrkit.errors import BadInput, ExitCode
from scrkit.review.casefolder import CaseFolder


def _anonymiser(review: Path):  # noqa: ANN202
    from scrkit.anonymise.register import build_register
    from scrkit.anonymise.text import Anonymiser

    register = build_register(CaseFolder.open(review).load())
    return register, Anonymiser(register)


def anonymise(
    files: Annotated[list[Path], typer.Argument(help=".docx, .xlsx, .csv, .txt or .md files to anonymise.")],
    out: Annotated[
        Path | None, typer.Option(help="Folder for the anonymised copies (default: REVIEW/anonymised).")
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Write anonymised copies: every registered name, address and date of birth replaced."""
    from scrkit.anonymise.files import anonymised_bytes, anonymised_name, glossary_csv, key_csv
    from scrkit.records.atomic import atomic_write_bytes, atomic_write_text

    register, anonymiser = _anonymiser(review)
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise BadInput("These files do not exist: " + ", ".join(missing))
    target = out or review / "anonymised"
    contents = [(target / anonymised_name(path, anonymiser), anonymised_bytes(path, anonymiser)) for path in files]
    target.mkdir(parents=True, exist_ok=True)
    for path, content in contents:
        atomic_write_bytes(path, content)
        stdout().print(str(path), markup=False)
    atomic_write_text(target / "glossary.csv", glossary_csv(register, anonymiser))
    # Beside the folder, never inside it: the folder is what gets sent.
    key = target.parent / f"{target.name} RESTRICTED key - do not send.csv"
    atomic_write_text(key, key_csv(register))
    say(f"Glossary: {target / 'glossary.csv'}. The key to real names is RESTRICTED, kept beside the folder: {key}")


def check_leaks(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check.")],
    review: ReviewOption = Path("."),
) -> None:
    """Look in every part of each file for a registered name, address or date of birth (exit 1 on any)."""
    from scrkit.anonymise.files import SUPPORTED, scan_file

    _register, anonymiser = _anonymiser(review)
    targets: list[Path] = []
    for path in paths:
        if path.is_dir():
            targets.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.is_file():
            targets.append(path)
        else:
            raise BadInput(f"There is no file or folder at {path}.")
    found = 0
    for path in targets:
        report = scan_file(path, anonymiser)
        for hit in report.hits:
            found += 1
            stdout().print(f"{path}: {hit.part} ({hit.where}): '{hit.matched}' in: ...{hit.context}...", markup=False)
        for problem in report.unreadable:
            found += 1
            stdout().print(f"{path}: could not be checked: {problem}", markup=False)
    if found:
        say(f"{found} leak(s) or unreadable part(s) in {len(targets)} file(s). Do not send these files.")
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))
    say(f"No registered name, address or date of birth found in {len(targets)} file(s).")


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
    from scrkit.anonymise.export import export as make_pack
    from scrkit.cli.review import can_prompt

    passphrase = None
    if encrypt:
        if not can_prompt():
            raise BadInput("--encrypt needs a person at a terminal to type the passphrase; it is never a flag.")
        passphrase = typer.prompt(
            "Passphrase for the encrypted zip", hide_input=True, confirmation_prompt=True, err=True
        )
    try:
        result = make_pack(CaseFolder.open(review), audience, date_or_today(date, "--date"), passphrase)
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
    from scrkit.anonymise.pseudonyms import suggest_pseudonyms

    added = suggest_pseudonyms(CaseFolder.open(review))
    for who, pseudonym in added:
        stdout().print(f"{who}: {pseudonym}", markup=False)
    say(f"{len(added)} pseudonym(s) suggested in child.yaml and people.yaml." if added else "Everyone has one.")


def register(app: typer.Typer) -> None:
    app.command()(anonymise)
    app.command("check-leaks")(check_leaks)
    app.command()(export)
    app.add_typer(people_app, name="people")
