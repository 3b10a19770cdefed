"""The field guide at the head of every record: what each field holds, written from the models'
own field descriptions (the docstring under each field), so the record and the model cannot drift.

A business manager opening people.yaml in Notepad finds every field a family member can have
(``gender``, ``parents``, ``twin_of``...), although the blank form shows none of them (issue 15,
item 5). scrkit owns the lines between the guide's first and last line: it writes them when it
creates a record and brings them up to date whenever it saves one; every other comment is the
person's own and is kept as they wrote it.
"""

from __future__ import annotations

import textwrap
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel

from scrkit.models.annotations import list_item, model_of, unwrap, without_none
from scrkit.models.fields import ClockTime, Date, Id, PastDate, YesNo

FIRST_LINE = "# ---- What each field holds (scrkit writes this guide from its models; edits to it are replaced) ----"
LAST_LINE = "# ---- End of the field guide ----"
WIDTH = 100  # fits Notepad on a laptop and an A4 printout


def field_guide(model: type[BaseModel]) -> str:
    """The guide for one kind of record: one line (folded if long) per field, nested fields
    indented under theirs, a list's entries under ``- ``."""
    lines = [FIRST_LINE]
    _describe(model, "", lines, (model,))
    lines.append(LAST_LINE)
    return "\n".join(lines) + "\n"


def with_guide(text: str, model: type[BaseModel], *, add: bool = False) -> str:
    """``text`` (a record as saved) with its guide brought up to date. A record without a guide
    gets one only when ``add`` (scrkit is creating it): someone who deleted theirs keeps it deleted."""
    lines = text.splitlines(keepends=True)
    starts = [number for number, line in enumerate(lines) if line.rstrip("\r\n") == FIRST_LINE]
    if starts:
        ends = [number for number, line in enumerate(lines) if line.rstrip("\r\n") == LAST_LINE and number > starts[0]]
        if ends:
            return "".join([*lines[: starts[0]], field_guide(model), *lines[ends[0] + 1 :]])
        return text  # a guide cut short by hand: scrkit cannot tell where it ended, so it leaves it alone
    if not add:
        return text
    heading = 0  # after the record's own opening comments (what the file is, how dates are written)
    while heading < len(lines) and lines[heading].startswith("#"):
        heading += 1
    return "".join([*lines[:heading], field_guide(model), *lines[heading:]])


def _describe(model: type[BaseModel], indent: str, lines: list[str], above: tuple[type[BaseModel], ...]) -> None:
    for name, field in model.model_fields.items():
        first = f"{indent}{name}: "
        about = (field.description or "").strip().replace("\n", " ")
        annotation = field.rebuild_annotation()  # with the field's own type (Date, YesNo...), not just date
        kind = _kind(annotation)
        if field.is_required():
            kind = f"{kind}; must be filled in" if kind else "must be filled in"
        text = f"{about} ({kind})" if kind else about
        lines.extend(
            textwrap.wrap(
                text, WIDTH, initial_indent=f"# {first}", subsequent_indent=f"# {indent}    ", break_on_hyphens=False
            )
        )
        inner, in_list = _inner_model(annotation)
        if inner is None:
            continue
        if inner in above:
            lines.append(f"# {indent}  (each has the fields listed above for {name})")
            continue
        nested: list[str] = []
        _describe(inner, indent + ("    " if in_list else "  "), nested, (*above, inner))
        if in_list:  # "- " opens each entry: it goes before the entry's first field
            nested[0] = nested[0].replace(f"# {indent}    ", f"# {indent}  - ", 1)
        lines.extend(nested)


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (itself, as a mapping's values or as a list's entries), and
    whether it is a list of them."""
    direct = model_of(annotation)
    if direct is not None:
        return direct, False
    item = list_item(annotation)
    if item is not None:
        return model_of(item), True
    base = unwrap(annotation)
    if typing.get_origin(base) is dict:
        return model_of(typing.get_args(base)[1]), False
    return None, False


def _kind(annotation: Any) -> str:
    """What a value looks like, in the words of the person typing it."""
    item = list_item(annotation)
    if item is not None:
        if model_of(item) is not None:
            return "a list; each entry:"
        inner = _kind(item)
        return f"a list, one line each{'; each ' + inner if inner else ''}"
    base = unwrap(annotation)
    if typing.get_origin(base) is dict:
        key, value = typing.get_args(base)
        if model_of(value) is not None:
            return "under each one's id:"
        keys, values = _kind(key), _kind(value)
        parts = ("written key: value", keys and f"keys {keys}", values and f"values {values}")
        return "; ".join(part for part in parts if part)
    plain = without_none(annotation)
    if plain == Date:
        return "a date"
    if plain == PastDate:
        return "a date, not after today"
    if plain == YesNo:
        return "yes or no"
    if plain == ClockTime:
        return "a time, HH:MM"
    if plain == Id:
        return "an id"
    if isinstance(base, type) and issubclass(base, Enum):
        return "one of: " + ", ".join(str(member.value) for member in base)
    if base is int:
        return "a whole number"
    return ""


def undocumented(model: type[BaseModel], prefix: str = "", above: tuple[type[BaseModel], ...] = ()) -> list[str]:
    """Every field (as a dotted path) with no description, so that the guide would be silent on it."""
    missing = []
    for name, field in model.model_fields.items():
        if not (field.description or "").strip():
            missing.append(prefix + name)
        inner, _in_list = _inner_model(field.rebuild_annotation())
        if inner is not None and inner not in above:
            missing.extend(undocumented(inner, f"{prefix}{name}.", (*above, model)))
    return missing
