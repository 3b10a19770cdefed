"""Turning pydantic's validation errors into problems a person can act on.

Each problem names the file, the line and the field (``agencies[police].kind``), and
says in plain words what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from scrkit.errors import Problem
from scrkit.models.annotations import list_item, model_of, unwrap
from scrkit.records.yamlfile import line_of


def field_path(plain: Any, location: Sequence[Any]) -> str:
    """A readable path: list items by their id when they have one, else by 1-based number."""
    parts: list[str] = []
    node = plain
    for step in location:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            parts.append(f"[{label}]" if label else f"[{step + 1}]")
            node = item
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)


def problems_from_validation(
    path: Path, document: Any, plain: Any, model: type[BaseModel], error: ValidationError
) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        location = tuple(step for step in detail["loc"] if not _is_internal_step(step))
        problems.append(
            Problem(
                file=path,
                line=line_of(document, location),
                field=field_path(plain, location),
                message=_plain_message(detail, model, location),
            )
        )
    return problems


_INTERNAL_STEP = re.compile(r"^(function-(before|after|wrap|plain)|union|tagged-union|nullable|lax-or-strict|chain)\[")


def _is_internal_step(step: Any) -> bool:
    # pydantic can add steps such as 'function-before[...]' for validators; a field typed by a person
    # may contain '[' too (found by fuzzing: 'a[bbreviation'), so match pydantic's own forms only.
    return isinstance(step, str) and bool(_INTERNAL_STEP.match(step))


def _plain_message(detail: Any, model: type[BaseModel], location: Sequence[Any]) -> str:
    kind = detail["type"]
    given = detail.get("input")
    if kind == "missing":
        return "must be filled in (it is missing)"
    if kind == "extra_forbidden" and location:
        allowed = allowed_fields(model, location[:-1])
        known = f"; the fields here are: {', '.join(allowed)}" if allowed else ""
        return f"unknown field '{location[-1]}': check its spelling{known}"
    if given is None and kind not in ("value_error",):
        return "must be filled in (it is blank)"
    if kind in ("enum", "literal_error"):
        expected = detail.get("ctx", {}).get("expected", "")
        return f"'{given}' is not allowed here; write one of {expected}"
    if kind == "list_type":
        return "should be a list: put each item on its own line, starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        fields = allowed_fields(model, location)
        example = f" (e.g. '- {fields[0]}: ...', then its other fields: {', '.join(fields[1:4])})" if fields else ""
        if isinstance(given, str) and isinstance(location[-1], int):
            # `family: [mother, father]` where each entry needs its fields.
            return f"'{given}' is written as a single word, but each entry here needs its fields{example}"
        return f"should be a group of fields, each on its own indented line{example}"
    if kind == "string_type":
        return "should be text, not a list or a group of fields"
    message = str(detail.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def allowed_fields(model: type[BaseModel], location: Iterable[Any]) -> list[str]:
    """The field names of the model found by walking ``location`` from ``model``."""
    current: Any = model
    for step in location:
        found = model_of(current)
        if isinstance(step, int):
            item = list_item(current)
            current = item if item is not None else unwrap(current)
        elif found is not None and step in found.model_fields:
            current = unwrap(found.model_fields[step].annotation)
        else:
            return []
    found = model_of(current)
    return list(found.model_fields) if found is not None else []
