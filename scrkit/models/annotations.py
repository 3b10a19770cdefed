"""Reading the models' field types: what a field holds once Optional and Annotated are set aside.
Used wherever scrkit walks a model by its fields (naming the fields a problem could mean, setting
a field by its path)."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def unwrap(annotation: Any) -> Any:
    """Optional[X] -> X; Annotated[X, ...] -> X."""
    annotation = without_none(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    return annotation


def without_none(annotation: Any) -> Any:
    """Optional[X] -> X, keeping X as written (``Date``, not the date it annotates)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return members[0] if len(members) == 1 else annotation
    return annotation


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The record model a field holds, or None if it holds something else."""
    base = unwrap(annotation)
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def list_item(annotation: Any, as_written: bool = False) -> Any | None:
    """What each item of a list field is, or None if the field is not a list; ``as_written`` keeps
    the item's annotation as the model declares it (``Id``, not the ``str`` beneath it)."""
    base = unwrap(annotation)
    if typing.get_origin(base) is list and typing.get_args(base):
        item = typing.get_args(base)[0]
        return item if as_written else unwrap(item)
    return None
