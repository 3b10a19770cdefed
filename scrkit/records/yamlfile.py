"""Reading and writing YAML records so that people can keep editing them by hand.

Two promises meet here:

* **No silent coercion.** Every scalar is read as text, as written (``012345`` stays
  ``"012345"``, a surname ``NO`` stays ``"NO"``); the pydantic models decide what a
  field means. Tags, anchors and aliases are refused: records are plain data.
* **Hand edits survive.** Records are loaded round-trip (comments, key order and layout
  kept), changed in place, and written back atomically.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import LiteralScalarString

from scrkit.records.atomic import atomic_write_text
from scrkit.records.mistakes import explain

# A record is a few kilobytes; anything far larger is not a record someone typed (and the careful
# parser, pure Python, takes seconds for each 10,000 lines).
MAX_RECORD_BYTES = 2 * 1024 * 1024
MAX_RECORD_LINES = 20_000


class TextOnlyResolver(VersionedResolver):
    """Resolve every plain scalar to text: types are the models' business, not YAML's."""

    @property
    def versioned_resolver(self) -> dict:
        return {}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = TextOnlyResolver
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap a line someone wrote
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    return yaml


class YamlProblem(Exception):
    """The file is not YAML scrkit will read; carries the line where it went wrong."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# Nesting a record never needs: refused before the parser recurses (100,000 levels crashed it).
MAX_FLOW_DEPTH = 64
MAX_INDENT = 400
MAX_BLOCKS_ON_A_LINE = 16  # "- - - x": each dash a list inside the last (260 of them crashed the parser)
_BLOCK_OPENINGS = re.compile(r"^(?:[ \t]*[-?:](?=[ \t]|$))+")


def _refuse_deep_nesting(text: str) -> None:
    depth = deepest = 0
    for character in text:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(depth - 1, 0)
    if deepest > MAX_FLOW_DEPTH:
        raise YamlProblem(None, f"brackets are nested {deepest} deep; a record needs a few levels at most")
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) - len(line.lstrip(" ")) > MAX_INDENT:
            raise YamlProblem(number, "this line is indented further than any record needs")
        opened = _BLOCK_OPENINGS.match(line)
        if opened and opened.group(0).count("-") + opened.group(0).count("?") > MAX_BLOCKS_ON_A_LINE:
            raise YamlProblem(number, "this line opens more lists within lists ('- - - ...') than any record needs")


def parse_document(text: str) -> Any:
    """Parse YAML text into round-trip objects, refusing what a record must not contain."""
    if "\x00" in text:
        raise YamlProblem(None, "the file contains a NUL character; it is not a text record")
    _refuse_deep_nesting(text)
    try:
        document = _yaml().load(text)
    except RecursionError:
        raise YamlProblem(None, "the record is nested deeper than scrkit reads; a record needs a few levels") from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        opened = error.context_mark.line + 1 if error.context_mark is not None else None
        reason = " ".join(part.strip() for part in (error.context, error.problem) if part) or "not valid YAML"
        line, message = explain(text, line, reason, opened)
        raise YamlProblem(line, message) from None
    except YAMLError as error:
        raise YamlProblem(None, f"not valid YAML: {error}") from None
    _refuse_tags_and_anchors(document)
    return document


def read_record_bytes(path: Path, inside: Path | None = None) -> bytes:
    """A record's bytes, once it is known to be an ordinary file of a record's size: never a pipe or
    a device (which would hang or never end), nor a link out of the review folder ``inside``."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        raise YamlProblem(None, "is not an ordinary file (a device, a pipe or a folder); put the record back")
    if inside is not None and path.is_symlink():
        target = path.resolve()
        if Path(os.path.abspath(inside)).resolve() not in target.parents:
            raise YamlProblem(None, f"is a link to {target}, outside the review folder; put the record itself here")
    if status.st_size > MAX_RECORD_BYTES:
        raise YamlProblem(
            None, f"the file is {status.st_size:,} bytes, far larger than any record; is it the right file?"
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_RECORD_BYTES + 1)  # bounded even if the file grows as it is read
    if len(data) > MAX_RECORD_BYTES:
        raise YamlProblem(None, "the file is far larger than any record; is it the right file?")
    return data


def read_document(path: Path) -> Any:
    """Read and parse one record file."""
    return parse_record_bytes(read_record_bytes(path))


# What an anchor (&name), an alias (*name) or a tag (!tag) looks like anywhere in the text, or a NUL:
# then the careful path decides (and refuses them). "Homes & Communities" or "Hello!" do not match.
_CAREFUL = re.compile(r"[&*!][^\s,\[\]{}]|\x00")


def fast_plain(raw: bytes) -> Any | None:
    """The record as plain data built straight from libyaml's C parser events, or None when the
    careful (round-trip, pure-Python) path must read it: anything unusual (anchors, aliases, tags,
    repeated fields, several documents), any error, or no C parser installed. Read-only commands use
    this; it skips ruamel's resolver and constructor, reads every scalar as text just the same, and is
    about four times faster than loading through them."""
    if len(raw) > MAX_RECORD_BYTES or raw.count(b"\n") > MAX_RECORD_LINES:
        return None  # the careful path refuses it, saying why
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if _CAREFUL.search(text):
        return None
    parser = _fast_parser()
    if parser is None:
        return None
    try:
        return _from_events(parser.parse(text))
    except Exception:  # noqa: BLE001 - the careful path reports the problem with its line
        return None


_NO_KEY = object()


def _from_events(events: Iterable[Any]) -> Any | None:
    """Plain dicts, lists and text from a stream of parser events; None if anything is unusual."""
    root: Any = _NO_KEY
    stack: list[list[Any]] = []  # [container, pending key] for mappings; [container] for sequences
    documents = 0

    def add(value: Any) -> bool:
        nonlocal root
        if not stack:
            root = value
            return True
        top = stack[-1]
        if isinstance(top[0], list):
            top[0].append(value)
            return True
        if top[1] is _NO_KEY:
            if not isinstance(value, str) or value in top[0]:
                return False  # a blank, complex or repeated key: the careful path names it
            top[1] = value
            return True
        top[0][top[1]] = value
        top[1] = _NO_KEY
        return True

    for event in events:
        kind = type(event).__name__
        if kind in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
            continue
        if kind == "DocumentStartEvent":
            documents += 1
            if documents > 1:
                return None
            continue
        if kind == "AliasEvent" or getattr(event, "anchor", None) or getattr(event, "tag", None):
            return None
        if kind == "ScalarEvent":
            value = event.value
            if not add(None if value.strip() in ("", "~") else value):
                return None
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            container: Any = {} if kind == "MappingStartEvent" else []
            if not add(container) or len(stack) >= MAX_FLOW_DEPTH:
                return None  # unusual: the careful path names the problem
            stack.append([container, _NO_KEY] if kind == "MappingStartEvent" else [container])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            stack.pop()
        else:
            return None
    return None if root is _NO_KEY else root


def _fast_parser() -> YAML | None:
    import ruamel.yaml

    if not getattr(ruamel.yaml, "__with_libyaml__", False):
        return None
    return YAML(typ="base", pure=False)


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if node is None:
        return None
    text = str(node)
    return None if text.strip() in ("", "~") else text


def parse_record_bytes(raw: bytes) -> Any:
    """Parse a record's bytes: UTF-8 (with or without Notepad's byte-order mark), then YAML."""
    if len(raw) > MAX_RECORD_BYTES:
        raise YamlProblem(None, f"the file is {len(raw):,} bytes, far larger than any record; is it the right file?")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 3 and raw[1:4:2] == b"\x00\x00"):
        raise YamlProblem(
            None,
            "the file was saved as 'Unicode' (UTF-16), which scrkit does not read; in Notepad choose File > Save "
            "As and set Encoding to UTF-8, then save it again",
        )
    lines = raw.count(b"\n")
    if lines > MAX_RECORD_LINES:
        raise YamlProblem(None, f"the file has {lines:,} lines, far more than any record; is it the right file?")
    try:
        text = raw.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(line, "the file is not UTF-8 text; save it again as UTF-8") from None
    return parse_document(text)


def _refuse_tags_and_anchors(node: Any, seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    if isinstance(node, TaggedScalar) or _explicit_tag(node):
        raise YamlProblem(_line_of_node(node), "tags (words starting with !) are not allowed in a record")
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if id(node) in seen or (node.anchor.value is not None):
            raise YamlProblem(
                _line_of_node(node), "anchors and aliases (& and *) are not allowed in a record; write the text out"
            )
        seen.add(id(node))
        children: Iterable[Any] = node.values() if isinstance(node, CommentedMap) else node
        for child in children:
            _refuse_tags_and_anchors(child, seen)
    elif getattr(getattr(node, "anchor", None), "value", None) is not None:  # "&w Jo Bloggs" ... "*w"
        raise YamlProblem(
            _line_of_node(node), "anchors and aliases (& and *) are not allowed in a record; write the text out"
        )


def _explicit_tag(node: Any) -> bool:
    tag = getattr(node, "tag", None)
    return tag is not None and getattr(tag, "value", None) is not None


def _line_of_node(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else None


def to_plain(node: Any) -> Any:
    """Round-trip objects to plain dicts, lists and strings. A blank value becomes None."""
    if isinstance(node, CommentedMap):
        return {str(key): to_plain(value) for key, value in node.items()}
    if isinstance(node, CommentedSeq):
        return [to_plain(item) for item in node]
    if node is None:
        return None
    text = str(node)
    return None if text.strip() in ("", "~") else text


def line_of(document: Any, location: Iterable[Any]) -> int | None:
    """The 1-based line a field path points at, or the nearest enclosing line we know."""
    node = document
    line = _line_of_node(document)
    for step in location:
        found = (isinstance(node, CommentedMap) and step in node) or (
            isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node)
        )
        if not found:
            break
        # Fields added in memory (not yet written) have no position: keep the enclosing line.
        position = (node.lc.data or {}).get(step)
        line = position[0] + 1 if position else line
        node = node[step]
    return line


def to_yaml_value(value: Any) -> Any:
    """A Python value as scrkit writes it into a record (dates ISO, booleans yes/no)."""
    if value is None:
        return ""  # written as a blank value, which scrkit reads as "not known yet"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = to_yaml_value(item)
        return mapping
    if isinstance(value, (list, tuple)):
        return CommentedSeq(to_yaml_value(item) for item in value)
    return str(value)


def dump_document(document: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


def write_document(path: Path, document: Any) -> None:
    """Write a round-trip document atomically (comments and layout kept)."""
    atomic_write_text(path, dump_document(document))
