"""`scrkit set`, `scrkit add`, `scrkit remove`: any field or entry of a record, without editing YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import say
from scrkit.errors import BadInput

PATH_HELP = (
    "The field, from its record: review.authors_briefing.date, people.family[mother].gender, agencies[police].phone "
    "(an entry by its id in brackets)."
)


VALUE_HELP = (
    "The value as you would type it: 29/10/2026, yes, Health Visitor. A list of texts: items separated by ';'. "
    "Empty: blank it."
)


def set_(
    path: Annotated[str, typer.Argument(help=PATH_HELP)],
    value: Annotated[
        str,
        typer.Argument(
            help="The value as you would type it: 29/10/2026, yes, Health Visitor. "
            "A list of texts: items separated by ';'. Empty: blank it."
        ),
    ],  # fmt: skip
    review: ReviewOption = Path("."),
) -> None:
    """Set one field of a record (checked with the whole review before it is saved; comments kept)."""
    from scrkit.jobs.records import set_field

    file, changed = set_field(review, path, value)
    say(
        f"Set {path} in {file}." if changed else f"Unchanged: {path} in {file} already holds that; nothing was written."
    )


def add(
    path: Annotated[
        str,
        typer.Argument(
            help="The list: agencies, people.family, people.relationships, "
            "people.households, panel.members, imrs, interviews ..."
        ),
    ],  # fmt: skip
    fields: Annotated[
        list[str] | None,
        typer.Argument(
            help="The entry's fields as name=value, e.g. id=uncle name='Bob Hale'; "
            "or, for a list of single values (questions, other names), the value."
        ),
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Add an entry to a list in a record: asks for each field it must have, in a terminal."""
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.records import add_to, add_value_to, fields_to_ask, takes_single_values

    if takes_single_values(path):  # a question, another name: the value itself, not name=value
        if len(fields or []) != 1:
            raise BadInput(f"{path} holds single values: give the one to add, in quotes if it has spaces.",
                           hint=f"For example: scrkit add {path} 'the text to add'")  # fmt: skip
        written = add_value_to(review, path, (fields or [""])[0])
        say(f"Added to {path}: {written}.")
        return
    given: dict[str, str] = {}
    for item in fields or []:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise BadInput(
                f"'{item}' is not name=value.", hint="For example: scrkit add people.family id=uncle name='Bob Hale'"
            )
        given[name.strip()] = value
    for name in fields_to_ask(path):
        if name not in given:
            if not can_prompt():
                raise BadInput(f"An entry of {path} needs '{name}'.", hint=f"Give it as {name}=VALUE.")
            given[name] = typer.prompt(name, err=True)
    entry = add_to(review, path, given)
    shown = {key: "; ".join(map(str, value)) if isinstance(value, list) else value for key, value in entry.items()}
    say(f"Added to {path}: {', '.join(f'{key}: {value}' for key, value in shown.items())}.")


def remove(
    path: Annotated[str, typer.Argument(help="The entry, e.g. people.family[uncle] or agencies[westmoor-probation].")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before removing it.")] = False,
    review: ReviewOption = Path("."),
) -> None:
    """Remove an entry from a list in a record (refused while the review still names it elsewhere)."""
    from scrkit.cli.review import can_prompt
    from scrkit.jobs.records import remove_from

    if not yes:
        if not can_prompt():
            raise BadInput(f"Removing {path} needs --yes when scrkit cannot ask.")
        if not typer.confirm(f"Remove {path}?", default=False, err=True):
            say("Nothing was removed.")
            return
    remove_from(review, path)
    say(f"Removed {path}.")


def register(app: typer.Typer) -> None:
    app.command("set")(set_)
    app.command()(add)
    app.command()(remove)
