"""`scrkit new`, `scrkit validate` and `scrkit summary`: opening and checking a review."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from scrkit.case.layout import RECORD_KINDS
from scrkit.cli.options import ReviewOption, optional_date
from scrkit.cli.render import render_summary
from scrkit.cli.terminal import say, stdout
from scrkit.dates import parse_user_date
from scrkit.errors import BadInput, ScrkitError
from scrkit.jobs.review import NewReview, new_review, refuse_existing, review_summary, validate_review
from scrkit.models.child import Gender
from scrkit.models.review import Circumstance

T = TypeVar("T")


def can_prompt() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(question: str, parse: Callable[[str], T]) -> T:
    while True:
        answer = typer.prompt(question, err=True)
        try:
            return parse(answer)
        except ScrkitError as error:
            say(error.message + (f" {error.hint}" if error.hint else ""))


def _circumstances(text: str, what: str = "--circumstances: ") -> tuple[Circumstance, ...]:
    letters = [part.strip().lower() for part in text.replace(",", " ").split() if part.strip()]
    try:
        return tuple(Circumstance(letter) for letter in letters)
    except ValueError:
        raise BadInput(f"{what}'{text}' should be letters from a to e (App 1 section 5), e.g. 'a' or 'b,e'.") from None


def _ask_circumstances() -> tuple[Circumstance, ...]:
    """App 1 section 5: what triggered the referral, one or more letters."""
    from scrkit.models.review import CIRCUMSTANCE_TITLES

    say("What triggered the referral (App 1 section 5)?")
    for circumstance, title in CIRCUMSTANCE_TITLES.items():
        say(f"  {circumstance.value}  {title}")

    def parse(answer: str) -> tuple[Circumstance, ...]:
        chosen = _circumstances(answer, what="")
        if not chosen:
            raise BadInput("Type one or more letters from a to e, e.g. 'b' or 'b,e'.")
        return chosen

    return _ask("Letters, e.g. b,e", parse)


def _gender(answer: str) -> Gender:
    try:
        return Gender(answer.strip().lower())
    except ValueError:
        raise BadInput(f"'{answer}' is not one of: {', '.join(g.value for g in Gender)}.") from None


def _text(what: str) -> Callable[[str], str]:
    def parse(answer: str) -> str:
        if not answer.strip():
            raise BadInput(f"{what} cannot be blank.")
        return answer.strip()

    return parse


def new(
    folder: Annotated[Path, typer.Argument(help="A new folder for the review (it must not exist, or be empty).")],
    reference: Annotated[str | None, typer.Option(help="The board's reference, e.g. SCR-2026-03.")] = None,
    child_name: Annotated[str | None, typer.Option(help="The child's full name.")] = None,
    dob: Annotated[str | None, typer.Option(help="The child's date of birth, e.g. 11/03/2024.")] = None,
    date_of_death: Annotated[str | None, typer.Option(help="The child's date of death, if the child died.")] = None,
    gender: Annotated[Gender | None, typer.Option(help="The child's gender.")] = None,
    incident_date: Annotated[str | None, typer.Option(help="The date of the critical incident.")] = None,
    referral_date: Annotated[str | None, typer.Option(help="The date the referral was received.")] = None,
    circumstances: Annotated[
        str | None, typer.Option(help="What triggered the referral, letters a-e from App 1 section 5, e.g. 'b,e'.")
    ] = None,
    board: Annotated[Path | None, typer.Option(help="A board details file to use instead of the built-in one.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt; fail if a detail is missing.")] = False,
) -> None:
    """Open a new review in FOLDER: prompts for the essentials, or takes them as flags."""
    refuse_existing(folder)
    prompt = can_prompt() and not no_input
    missing = [
        flag
        for flag, value in (
            ("--reference", reference),
            ("--child-name", child_name),
            ("--dob", dob),
            ("--incident-date", incident_date),
            ("--referral-date", referral_date),
        )
        if not value
    ]
    if missing and not prompt:
        raise BadInput(
            "Some details needed to open a review were not given: " + ", ".join(missing) + ".",
            hint="Give them as flags (see `scrkit new --help`), or run without --no-input in a terminal to be asked.",
        )
    details = NewReview(
        reference=reference.strip() if reference else _ask("Review reference, e.g. SCR-2026-03", _text("Reference")),
        child_name=child_name.strip() if child_name else _ask("Child's full name", _text("The child's name")),
        date_of_birth=parse_user_date(dob, "--dob") if dob else _ask("Child's date of birth", _date("Date of birth")),
        incident_date=parse_user_date(incident_date, "--incident-date")
        if incident_date
        else _ask("Date of the critical incident", _date("Incident date")),
        referral_received=parse_user_date(referral_date, "--referral-date")
        if referral_date
        else _ask("Date the referral was received", _date("Referral date")),
        date_of_death=optional_date(date_of_death, "--date-of-death"),
        gender=gender or (_ask(f"Child's gender ({', '.join(g.value for g in Gender)})", _gender) if prompt else None),
        circumstances=_circumstances(circumstances) if circumstances else _ask_circumstances() if prompt else (),
    )
    if prompt and details.date_of_death is None and Circumstance.DEATH in details.circumstances:
        details = replace(details, date_of_death=_ask("Child's date of death", _date("Date of death")))
    records = new_review(folder, details, board)
    stdout().print(f"Opened review {records.review.reference} in {folder}", markup=False)
    if board is None:
        say(
            f"Its letters are headed {records.board.name} (the practice guidance's own board) until you put your "
            f"board's details in {folder / 'board.yaml'}, or open reviews with --board YOUR-BOARD.yaml."
        )
    say(
        "Next: add the agencies and the family, e.g.\n"
        f"  scrkit add agencies id=police 'name=...' kind=police lscb_member=yes -r {folder}\n"
        f"  scrkit add people.family id=mother 'name=...' relationship=Mother gender=female -r {folder}\n"
        f"(or edit agencies.yaml and people.yaml: each file explains its fields), then: scrkit validate -r {folder}"
    )


def _date(what: str) -> Callable[[str], dt.date]:
    return lambda answer: parse_user_date(answer, what)


def validate(review: ReviewOption = Path(".")) -> None:
    """Check every record of the review, and its timetable, and report every problem at once."""
    from scrkit.review.consistency import board_warnings

    records = validate_review(review).records
    for warning in board_warnings(records):
        say(f"Warning: {warning}")
    stdout().print(
        f"The review {records.review.reference} at {review} is valid: {len(RECORD_KINDS)} records checked.",
        markup=False,
    )


def summary(review: ReviewOption = Path(".")) -> None:
    """Show a readable summary of the review."""
    render_summary(review_summary(review))


def register(app: typer.Typer) -> None:
    app.command()(new)
    app.command()(validate)
    app.command()(summary)
