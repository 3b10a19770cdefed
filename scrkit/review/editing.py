"""Changing a record's fields by name, so that nothing the guidance asks needs a hand edit of YAML
(issue 15, item 1): `scrkit set`, `scrkit add` and `scrkit remove` over every record.

A field is named by a path from its record: ``review.authors_briefing.date``,
``people.family[mother].gender``, ``agencies[police].phone`` (a record that is one list, such as
agencies.yaml, may leave out its list's name), an entry picked by its id in brackets, or by its
number counting from 1. The change is made in the round-trip document (comments and layout kept);
the caller validates the whole review before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from scrkit.case.layout import RECORD_KINDS, RecordKind
from scrkit.dates import read_date
from scrkit.errors import BadInput
from scrkit.models.annotations import list_item, model_of, unwrap
from scrkit.models.fields import Id, entry_key
from scrkit.records.yamlfile import to_yaml_value

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]+)\]")
EDITABLE = tuple(kind for kind in RECORD_KINDS if kind.name not in ("timeline", "register"))


# Fields with a command of their own, which checks what the guidance asks of them (a decision's
# history, a key date's order): `scrkit set` sends people there instead.
OWN_COMMANDS = {
    "review.decision": "scrkit decide",
    "review.incident_date": "scrkit set-date incident DATE",
    "review.referral_received": "scrkit set-date referral DATE",
    "review.presentation_meeting": "scrkit set-date presentation-meeting DATE",
    "review.ofsted_evaluation_received": "scrkit set-date ofsted-evaluation DATE",
    # The status follows the steps recorded (scrkit.timeline.lifecycle), and the sign-off needs the plan done.
    "review.status": "it follows the steps recorded with scrkit decide, scrkit done and scrkit actions sign-off",
    "actions.signed_off_on": "scrkit actions sign-off --by NAME --date DD/MM/YYYY",
    "actions.signed_off_by": "scrkit actions sign-off --by NAME --date DD/MM/YYYY",
    # 13.1-14.1: the end of the review's steps are checked in order (scrkit.overview.steps).
    "overview.drafts": "scrkit overview draft VERSION --date DATE",
    "overview.circulation": "scrkit overview circulate, confirm, object and respond",
    "overview.executive_summary.final_on": "scrkit overview summary-final --date DD/MM/YYYY",
    "overview.adoption": "scrkit overview adopt (and scrkit overview hand-over)",
}


@dataclass(frozen=True)
class FieldPath:
    kind: RecordKind
    steps: tuple[str | int | tuple[str, str], ...]  # a field name, an index, or (key field, value)
    text: str


def parse_path(text: str) -> FieldPath:
    """``people.family[mother].gender`` to its record and steps, checked against the record's model."""
    first, _, rest = text.strip().partition(".")
    name = first.split("[", 1)[0]
    kind = next((kind for kind in EDITABLE if kind.name == name), None)
    if kind is None:
        names = ", ".join(kind.name for kind in EDITABLE)
        raise BadInput(f"'{text}' does not start with a record's name. The records are: {names}.",
                       hint="For example: scrkit set review.authors_briefing.date 29/10/2026")  # fmt: skip
    remainder = first[len(name) :] + ("." + rest if rest else "")
    steps: list[str | int | tuple[str, str]] = []
    for match in _STEP.finditer(remainder):
        field, selector = match.groups()
        if field is not None:
            steps.append(field)
        elif selector.strip().isdigit():
            steps.append(int(selector.strip()) - 1)
        else:
            steps.append(("id", selector.strip()))
    leftover = _STEP.sub("", remainder).replace(".", "").strip()
    if leftover:
        raise BadInput(f"'{text}' is not a field's path: '{leftover}' is not a field name or [id].")
    if not steps or not isinstance(steps[0], str) or steps[0] not in kind.model.model_fields:
        only = _only_list_field(kind.model)
        if not steps and only is not None:
            steps.insert(0, only)  # `scrkit add agencies ...`: the record's one list
    if steps and not isinstance(steps[0], str):
        only = _only_list_field(kind.model)
        if only is None:
            raise BadInput(f"'{text}': {kind.file_name} is not one list; name its field first, e.g. {name}.FIELD[id].")
        steps.insert(0, only)
    return FieldPath(kind=kind, steps=tuple(_check_steps(kind, steps, text)), text=text)


def _only_list_field(model: type[BaseModel]) -> str | None:
    lists = [name for name, field in model.model_fields.items() if typing.get_origin(field.annotation) is list]
    return lists[0] if len(lists) == 1 else None


def _check_steps(kind: RecordKind, steps: Sequence[Any], text: str) -> list[Any]:
    """The steps checked against the record's model, each [selector] paired with the field its
    entries are known by (``entry_key``: ``id``, or ``agency`` for an IMR)."""
    current: Any = kind.model
    checked: list[Any] = []
    for step in steps:
        if isinstance(step, str):
            model = model_of(current)
            if model is None or step not in model.model_fields:
                known = ", ".join(model.model_fields) if model is not None else "none"
                raise BadInput(f"'{text}': there is no field '{step}' here. The fields here are: {known}.")
            current = model.model_fields[step].annotation
        else:
            item = list_item(current)
            if item is None:
                raise BadInput(f"'{text}': [{step if isinstance(step, int) else step[1]}] picks an entry of a list, "
                               "and this is not a list.")  # fmt: skip
            if isinstance(step, tuple):
                entries = model_of(item)
                key = entry_key(entries) if entries is not None else None
                if key is None:
                    raise BadInput(f"'{text}': the entries here have no id; pick one by its number, e.g. [1].")
                step = (key, step[1])
            current = item
        checked.append(step)
    return checked


def target_annotation(path: FieldPath) -> Any:
    current: Any = path.kind.model
    for step in path.steps:  # checked by parse_path: every step is a field or an entry
        model = model_of(current)
        current = model.model_fields[step].annotation if isinstance(step, str) and model else list_item(current)
    return current


def set_value(document: Any, path: FieldPath, value: str) -> None:
    """Write ``value`` (as typed) at the path; a date is written YYYY-MM-DD, a list of texts from
    items separated by ';', an empty value blanks the field."""
    parent, last = _parent(document, path, create=True)
    parent[last] = _yaml_for(target_annotation(path), value, path.text)


def add_entry(document: Any, path: FieldPath, fields: dict[str, str]) -> dict[str, Any]:
    """Append an entry with these fields to the list at the path; returns the entry as written."""
    item = list_item(target_annotation(path))
    model = model_of(item)
    if model is None:
        raise BadInput(f"'{path.text}' is not a list of entries; use `scrkit set` for a single field.")
    unknown = [name for name in fields if name not in model.model_fields]
    if unknown:
        raise BadInput(
            f"{', '.join(unknown)}: not a field of an entry in '{path.text}'. The fields are: "
            f"{', '.join(model.model_fields)}."
        )
    parent, last = _parent(document, path, create=True)
    entries = parent.get(last) if isinstance(parent, CommentedMap) else parent[last]
    if not isinstance(entries, CommentedSeq):
        entries = CommentedSeq()
        parent[last] = entries
    entry = CommentedMap()
    for name, value in fields.items():
        entry[name] = _yaml_for(model.model_fields[name].annotation, value, f"{path.text}.{name}")
    key = entry_key(model)
    taken = key in entry and any(isinstance(item, dict) and item.get(key) == entry[key] for item in entries)
    if taken:
        raise BadInput(f"'{path.text}' already has an entry with the {key} '{entry[key]}'.",
                       hint=f"Choose another {key}, or change that entry with `scrkit set`.")  # fmt: skip
    entries.append(entry)
    return dict(entry)


def holds_values(path: FieldPath) -> bool:
    """Is the field at the path a list of single values (questions, other names), not of entries?"""
    item = list_item(target_annotation(path))
    return item is not None and model_of(item) is None


def append_value(document: Any, path: FieldPath, value: str) -> Any:
    """Append one value (a question, another name) to the list of values at the path."""
    annotation = target_annotation(path)
    item = list_item(annotation, as_written=True)
    parent, last = _parent(document, path, create=True)
    values = parent.get(last) if isinstance(parent, CommentedMap) else parent[last]
    if not isinstance(values, CommentedSeq):
        values = CommentedSeq()
        parent[last] = values
    written = _yaml_for(item, value, path.text)
    if written == "":
        raise BadInput(f"There is nothing to add to '{path.text}': the value is blank.")
    values.append(written)
    return written


def remove_entry(document: Any, path: FieldPath) -> None:
    if not path.steps or isinstance(path.steps[-1], str):
        raise BadInput(f"'{path.text}' does not name an entry; end it with [id], e.g. people.family[uncle].")
    parent, last = _parent(document, path, create=False)
    del parent[last]


def required_fields(path: FieldPath) -> list[str]:
    """The fields an entry of the list at the path must have (what `scrkit add` asks for)."""
    model = model_of(list_item(target_annotation(path)))
    return [name for name, field in model.model_fields.items() if field.is_required()] if model else []


def _parent(document: Any, path: FieldPath, create: bool) -> tuple[Any, Any]:
    node = document
    steps = list(path.steps)
    for number, step in enumerate(steps[:-1]):
        node = _child(node, step, path, create, nxt=steps[number + 1])
    last = steps[-1] if steps else None
    if last is None:
        raise BadInput(f"'{path.text}' names a whole record; name one of its fields.")
    if not isinstance(last, str):
        if not isinstance(node, CommentedSeq):
            raise BadInput(f"'{path.text}': there is no list here yet to pick an entry from.")
        last = _index(node, last, path)
    return node, last


def _child(node: Any, step: Any, path: FieldPath, create: bool, nxt: Any) -> Any:
    if isinstance(step, str):
        if not isinstance(node, CommentedMap):
            raise BadInput(f"'{path.text}': '{step}' is not inside a group of fields in the record.")
        value = node.get(step)
        if value is None or (isinstance(value, str) and not value.strip()):
            if not create:
                raise BadInput(f"'{path.text}': '{step}' is blank in the record.")
            value = CommentedSeq() if not isinstance(nxt, str) else CommentedMap()
            node[step] = value
        return value
    if not isinstance(node, CommentedSeq):
        raise BadInput(f"'{path.text}': there is no list here to pick an entry from.")
    return node[_index(node, step, path)]


def _index(node: CommentedSeq, step: Any, path: FieldPath) -> int:
    if isinstance(step, int):
        if not 0 <= step < len(node):
            raise BadInput(f"'{path.text}': there is no entry number {step + 1} (the list has {len(node)}).")
        return step
    key, wanted = step
    for number, item in enumerate(node):
        if isinstance(item, dict) and str(item.get(key, "")) == wanted:
            return number
    ids = ", ".join(str(item[key]) for item in node if isinstance(item, dict) and item.get(key)) or "none"
    raise BadInput(f"'{path.text}': there is no entry with the id '{wanted}'. The ids there are: {ids}.")


def _yaml_for(annotation: Any, value: str, where: str) -> Any:
    text = value.strip()
    if not text:
        return ""
    base = unwrap(annotation)
    if base is not None and typing.get_origin(base) is list:
        item = list_item(base) or str
        if model_of(item) is not None:
            raise BadInput(f"'{where}' is a list of entries; add one with `scrkit add {where} field=value ...`.")
        if "," in text and ";" not in text and list_item(base, as_written=True) == Id:
            # A list of ids (parents, members): "mother,father" is two ids typed as one.
            raise BadInput(
                f"'{where}' is a list; separate its entries with semicolons, e.g. "
                f"'{text.replace(', ', ';').replace(',', ';')}'."
            )
        return to_yaml_value([_yaml_for(item, part, where) for part in text.split(";") if part.strip()])
    group = model_of(base)
    if group is not None:
        raise BadInput(
            f"'{where}' is a group of fields; set one of them, e.g. {where}.{next(iter(group.model_fields))}."
        )
    if base is dt.date:
        try:
            return read_date(text).isoformat()
        except ValueError as error:
            raise BadInput(f"{where}: {error}.") from None
    return to_yaml_value(text)
