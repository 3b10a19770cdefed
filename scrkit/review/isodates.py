"""Dates typed in a record the UK way (14/09/2026, 14 September 2026) written back as 2026-09-14 the
next time scrkit saves that record (issue 15, item 4): the model reads either, the file settles on one.

Only fields the record's model declares as dates are touched, found from the model itself, so a note
that happens to read "12 March 2001" stays as written."""

from __future__ import annotations

import datetime as dt
import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from scrkit.dates import read_date

# A field's shape: True for a date; a dict of the fields of a record; ("each", shape) for a list of them;
# ("values", shape) for a mapping of them (timeline.yaml's milestones).
Shape = Any


def write_dates_as_iso(document: Any, model: type[BaseModel]) -> None:
    """Rewrite, in place, every date field of ``document`` written another way as YYYY-MM-DD."""
    _walk(document, _shape_of_model(model))


def _walk(node: Any, shape: Shape) -> None:
    if isinstance(shape, dict) and isinstance(node, CommentedMap):
        for key, inner in shape.items():
            if key not in node:
                continue
            if inner is True:
                value = node[key]
                if isinstance(value, str) and value.strip():
                    iso = _iso(value)
                    if iso is not None and iso != value:
                        node[key] = iso
            else:
                _walk(node[key], inner)
    elif isinstance(shape, tuple) and shape[0] == "each" and isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            if shape[1] is True:
                if isinstance(item, str) and (iso := _iso(item)) is not None and iso != item:
                    node[index] = iso
            else:
                _walk(item, shape[1])
    elif isinstance(shape, tuple) and shape[0] == "values" and isinstance(node, CommentedMap):
        for value in node.values():
            _walk(value, shape[1])


def _iso(text: str) -> str | None:
    try:
        return read_date(text).isoformat()
    except ValueError:
        return None  # left as it is: validation names it


@cache
def _shape_of_model(model: type[BaseModel]) -> dict[str, Shape]:
    shape = {}
    for name, field in model.model_fields.items():
        inner = _shape_of(field.annotation)
        if inner is not None:
            shape[field.alias or name] = inner
    return shape


def _shape_of(annotation: Any) -> Shape | None:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        shapes = [_shape_of(argument) for argument in typing.get_args(annotation) if argument is not type(None)]
        return next((found for found in shapes if found is not None), None)
    if origin is typing.Annotated:
        return _shape_of(typing.get_args(annotation)[0])
    if origin in (list, tuple):
        arguments = typing.get_args(annotation)
        inner = _shape_of(arguments[0]) if arguments else None
        return ("each", inner) if inner is not None else None
    if origin is dict:
        arguments = typing.get_args(annotation)
        inner = _shape_of(arguments[1]) if len(arguments) == 2 else None
        return ("values", inner) if inner is not None else None
    if annotation is dt.date:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _shape_of_model(annotation) or None
    return None
