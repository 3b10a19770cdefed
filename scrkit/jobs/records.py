"""Jobs for `scrkit set`, `scrkit add` and `scrkit remove`: one field or entry of any record, changed
under the lock, validated with the whole review before anything is written, comments kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrkit.errors import BadInput
from scrkit.review.casefolder import CaseFolder
from scrkit.review.editing import (
    OWN_COMMANDS,
    FieldPath,
    add_entry,
    append_value,
    holds_values,
    parse_path,
    remove_entry,
    required_fields,
    set_value,
)  # fmt: skip


def field_path(text: str) -> FieldPath:
    path = parse_path(text)
    prefix = ".".join([path.kind.name, *(step for step in path.steps[:2] if isinstance(step, str))])
    for field, command in OWN_COMMANDS.items():
        if prefix == field or prefix.startswith(field + "."):
            raise BadInput(f"'{text}' is recorded with its own command, which checks it: {command}.")
    return path


def set_field(review: Path, path_text: str, value: str) -> tuple[Path, bool]:
    """`scrkit set`: one field's value; returns the record's file, and whether anything changed (a value
    set to what it already was writes nothing and logs nothing)."""
    path = field_path(path_text)
    with CaseFolder.open(review).changing("set") as change:
        set_value(change.document(path.kind), path, value)
        change.note(f"set {path.text}")
    return change.path / path.kind.file_name, bool(change.written)


def add_to(review: Path, path_text: str, fields: dict[str, str]) -> dict[str, Any]:
    """`scrkit add`: a new entry in a list (an agency, a family member, a relationship...)."""
    path = field_path(path_text)
    with CaseFolder.open(review).changing("add") as change:
        entry = add_entry(change.document(path.kind), path, fields)
        change.note(f"add {path.text}{'[' + str(entry['id']) + ']' if 'id' in entry else ''}")
        return entry


def add_value_to(review: Path, path_text: str, value: str) -> Any:
    """`scrkit add` for a list of single values: a question, another name, a phrase that is not a person."""
    path = field_path(path_text)
    with CaseFolder.open(review).changing("add") as change:
        written = append_value(change.document(path.kind), path, value)
        change.note(f"add {path.text}")
        return written


def takes_single_values(path_text: str) -> bool:
    return holds_values(field_path(path_text))


def remove_from(review: Path, path_text: str) -> None:
    """`scrkit remove`: an entry of a list; the review is validated without it (a parent or household
    member still named elsewhere stops the removal)."""
    path = field_path(path_text)
    with CaseFolder.open(review).changing("remove") as change:
        remove_entry(change.document(path.kind), path)
        change.note(f"remove {path.text}")


def fields_to_ask(path_text: str) -> list[str]:
    return required_fields(field_path(path_text))
