"""Rendering one Word template: a sandbox, strict about missing facts, escaping what it prints.

* A fact the review does not hold is an error naming it (``child.date_of_death``), never a
  blank in a letter. Testing a missing fact in ``{% if %}`` is allowed: it counts as false.
* Values are XML-escaped (``Smith & Jones <Ltd>``, ``O'Neill``), so they cannot break the
  document or silently cut it short.
* The Jinja sandbox refuses templates that reach for Python internals (``x.__class__``).
* Rendering returns the document's bytes; the caller decides where, and whether, to write.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.runtime import Undefined
from jinja2.sandbox import SandboxedEnvironment

from scrkit.errors import ScrkitError
from scrkit.office.tables import fit_columns
from scrkit.office.word import document_bytes

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class LetterError(ScrkitError):
    """A letter could not be rendered; nothing was written."""


class MissingFactError(LetterError):
    """The review lacks a fact the document prints."""

    def __init__(self, message: str, *, fact: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.fact = fact  # as the template's engine named it, e.g. involved_agencies[police].chief_officer


class MissingFact(StrictUndefined):
    """Strict when printed or looped over; false when tested, so `{% if x %}` works."""

    def __bool__(self) -> bool:  # type: ignore[override]  # jinja2's stub says it always raises
        return False

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:  # the sandbox's refusal, e.g. "access to attribute '__class__' ... is unsafe"
            return self._undefined_hint
        return missing_name(self._undefined_obj, self._undefined_name)


def missing_name(owner: Any, name: str | None) -> str:
    path = getattr(owner, "_fact_path", None)
    return f"{path}.{name}" if path else str(name)


def as_date(value: Any) -> Any:
    # Records' dates reach templates as date objects or ISO text (how the models serialise them).
    if isinstance(value, str) and _ISO_DATE.match(value):
        return dt.date.fromisoformat(value)
    return value


def _long(value: Any) -> Any:
    """14 September 2026."""
    value = as_date(value)
    if isinstance(value, dt.date):
        return f"{value.day} {value.strftime('%B %Y')}"
    return value  # an Undefined stays undefined, so a missing date is still an error


def _short(value: Any) -> Any:
    """14/09/2026."""
    value = as_date(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value


def environment(undefined: type[Undefined] = MissingFact) -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=undefined, autoescape=True)
    env.filters["long"] = _long
    env.filters["short"] = _short
    return env


@dataclass(frozen=True)
class Properties:
    title: str
    author: str
    subject: str
    keywords: str
    created: dt.datetime


def render_template(template: Path, context: dict[str, Any], properties: Properties) -> bytes:
    """Render ``template`` with ``context`` and return the finished document."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    context = _with_pictures(document, context)
    try:
        document.render(context, environment(), autoescape=True)
    except UndefinedError as error:
        if "unsafe" in (error.message or ""):
            raise LetterError(
                f"The template {template} tries to reach Python internals, which the sandbox refuses: {error.message}.",
                hint="Templates may only use the review's facts, e.g. {{ child.name }}.",
            ) from None
        raise MissingFactError(
            f"The review does not hold a fact this document needs: {error.message}.",
            fact=error.message or "(a fact the template names)",
            hint=f"Add it to the review's records (see `scrkit letters`), then render again. Template: {template}",
        ) from None
    except SecurityError as error:
        raise LetterError(f"The template {template} tries something the sandbox does not allow: {error}") from None
    except TemplateSyntaxError as error:
        raise LetterError(
            f"The template {template} has a mistake in a placeholder: {error.message}.",
            hint=f"Run `scrkit templates check {template}` to see where.",
        ) from None
    fit_columns(document.docx)  # issue 17: no word broken in a cell ("Relationsh-ip")
    core = document.docx.core_properties
    # Set in code, after rendering: a templated title would come out XML-escaped (&amp;).
    core.title = properties.title
    core.author = properties.author
    core.last_modified_by = properties.author
    core.subject = properties.subject
    core.keywords = properties.keywords
    core.created = properties.created
    core.modified = properties.created
    core.comments = ""
    return document_bytes(document)


PICTURE_PREFIX = "picture_png:"
PICTURE_WIDTH_MM = 160


def _with_pictures(document: Any, context: dict[str, Any]) -> dict[str, Any]:
    """Pictures travel as PNG bytes under 'picture_png:NAME'; the template sees them as {{ NAME }}."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    pictures = {key: value for key, value in context.items() if key.startswith(PICTURE_PREFIX)}
    if not pictures:
        return context
    result = {key: value for key, value in context.items() if not key.startswith(PICTURE_PREFIX)}
    for key, png in pictures.items():
        result[key.removeprefix(PICTURE_PREFIX)] = InlineImage(document, io.BytesIO(png), width=Mm(PICTURE_WIDTH_MM))
    return result


def missing_facts(template: Path, context: dict[str, Any]) -> list[str]:
    """Every fact the template would need that the context lacks, in the order they appear."""
    from docxtpl import DocxTemplate

    found: list[str] = []
    recorder = _recording_undefined(found)
    document = DocxTemplate(str(template))
    context = _with_pictures(document, context)
    try:
        document.render(context, environment(recorder), autoescape=True)
    except (TemplateSyntaxError, SecurityError) as error:
        return [f"(the template cannot be used: {error})"]
    return list(dict.fromkeys(found))


def _recording_undefined(found: list[str]) -> type[Undefined]:
    def note(self: Undefined) -> None:
        found.append(missing_name(self._undefined_obj, self._undefined_name))

    def printed(self: Undefined) -> str:
        note(self)
        return ""

    def iterated(self: Undefined):  # noqa: ANN202
        note(self)
        return iter(())

    def attribute(self: Undefined, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    members: dict[str, Callable[..., Any]] = {
        "__str__": printed,
        "__iter__": iterated,
        "__len__": lambda self: 0,
        "__bool__": lambda self: False,
        "__getattr__": attribute,
        "__getitem__": lambda self, key: self,
    }
    return type("RecordingUndefined", (Undefined,), members)
