"""`scrkit templates check`: find mistakes in a board-edited template before anyone relies on it.

Reports Jinja syntax errors and placeholders naming facts scrkit does not have, each with the
part of the document (body, header, footer) and the text of the paragraph it is in.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from scrkit.errors import BadInput
from scrkit.letters.engine import environment

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_TAGS = re.compile(r"<[^>]+>")
# Names every template may use besides the facts: Jinja's loop variable and our filters' inputs.
_ALWAYS_KNOWN = {"loop", "true", "false", "none", "True", "False", "None"}


@dataclass(frozen=True)
class TemplateProblem:
    part: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.part}: {self.message} (in: '{self.where}')"


def _part_sources(path: Path) -> dict[str, str]:
    """Each XML part's text as docxtpl hands it to Jinja."""
    from docxtpl import DocxTemplate

    try:
        with zipfile.ZipFile(path) as archive:
            names = [name for name in archive.namelist() if _PARTS.match(name)]
            raw = {name: archive.read(name).decode("utf-8") for name in names}
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path} is not a Word document (.docx) scrkit can read: {error}") from None
    patcher = DocxTemplate(str(path))
    return {_part_label(name): patcher.patch_xml(xml) for name, xml in raw.items()}


def _part_label(name: str) -> str:
    stem = Path(name).stem
    return "body" if stem == "document" else stem


def _paragraph_at(source: str, line: int | None) -> str:
    if not line:
        return ""
    # docxtpl puts each paragraph on its own line before handing the XML to Jinja.
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", source).splitlines()
    text = _TAGS.sub("", lines[min(max(line - 1, 0), len(lines) - 1)]) if lines else ""
    return " ".join(text.split())[:160]


def check_template(path: Path, schema: dict[str, Any]) -> list[TemplateProblem]:
    """Problems in the template at ``path``; ``schema`` is a full set of facts to check names against."""
    if not path.is_file():
        raise BadInput(f"There is no template at {path}.")
    problems: list[TemplateProblem] = []
    env = environment()
    for part, source in _part_sources(path).items():
        spread = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        try:
            tree = env.parse(spread)
        except TemplateSyntaxError as error:
            problems.append(
                TemplateProblem(part, _paragraph_at(source, error.lineno), f"placeholder mistake: {error.message}")
            )
            continue
        for name, line in _unknown_names(tree, schema):
            problems.append(TemplateProblem(part, _paragraph_at(source, line), f"unknown fact '{name}'"))
    return problems


def _unknown_names(tree: nodes.Template, schema: dict[str, Any]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    scopes: list[dict[str, Any]] = [dict(schema)]

    def lookup(name: str) -> tuple[bool, Any]:
        for scope in reversed(scopes):
            if name in scope:
                return True, scope[name]
        return name in _ALWAYS_KNOWN, None

    def chain(node: nodes.Node) -> tuple[str, list[str]] | None:
        attributes: list[str] = []
        while isinstance(node, (nodes.Getattr, nodes.Getitem)):
            if isinstance(node, nodes.Getattr):
                attributes.append(node.attr)
            elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                attributes.append(node.arg.value)
            else:
                return None
            node = node.node
        if isinstance(node, nodes.Name):
            return node.name, list(reversed(attributes))
        return None

    def check(node: nodes.Node) -> None:
        named = chain(node)
        if named is None:
            return
        root, attributes = named
        if any(attribute.startswith("_") for attribute in attributes):
            found.append((f"{root}.{'.'.join(attributes)} (reaching for Python internals is refused)", node.lineno))
            return
        known, value = lookup(root)
        if not known:
            found.append((root, node.lineno))
            return
        path = root
        for attribute in attributes:
            if isinstance(value, dict):
                if attribute not in value:
                    found.append((f"{path}.{attribute}", node.lineno))
                    return
                value = value[attribute]
                path = f"{path}.{attribute}"
            else:
                return  # a list, a date or a string: attributes are methods, not facts

    def item_of(iterable: nodes.Node) -> Any:
        named = chain(iterable)
        if named is None:
            return None
        known, value = lookup(named[0])
        for attribute in named[1]:
            value = value.get(attribute) if isinstance(value, dict) else None
        if isinstance(value, list):
            return value[0] if value else {}
        return None

    def visit(node: nodes.Node) -> None:
        if isinstance(node, nodes.For):
            visit(node.iter)
            scope = {}
            if isinstance(node.target, nodes.Name):
                scope[node.target.name] = item_of(node.iter)
            scopes.append(scope)
            for child in node.body + node.else_:
                visit(child)
            if node.test is not None:
                visit(node.test)
            scopes.pop()
            return
        if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)) and chain(node) is not None:
            if not (isinstance(node, nodes.Name) and node.ctx != "load"):
                check(node)
            return
        if isinstance(node, nodes.Test) and node.name == "defined":
            return  # `x is defined` may name facts a review lacks; that is its purpose
        for child in node.iter_child_nodes():
            visit(child)

    visit(tree)
    return found
