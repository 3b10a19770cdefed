"""Every part of a Word document or Excel workbook, read and rewritten at the level of its XML.

Word splits a name across runs (``Jo`` in one run, ``die`` in the next) whenever formatting or
editing history changes mid-word; Excel does the same inside rich-text cells. So text is joined
per paragraph (Word ``w:p``, drawing ``a:p``, Excel ``si``/``is``/comment ``text``) before names
are looked for, and replacements are written back into the runs they came from. A clean copy
(``scrkit.anonymise.clean``) uses this on every part it keeps; the leak check (``leaks``) reads
the same paragraphs. XML is parsed without resolving entities or reaching the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from scrkit.anonymise.text import Anonymiser, Span
from scrkit.errors import BadInput

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
BLOCKS = {f"{{{W}}}p", f"{{{A}}}p", f"{{{X}}}si", f"{{{X}}}is", f"{{{X}}}text"}
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TEXTS = {f"{{{W}}}t", f"{{{W}}}delText", f"{{{A}}}t", f"{{{X}}}t", f"{{{M}}}t", f"{{{W}}}instrText"}
# Text that never sits beside its paragraph's other text, read as a stream of its own: a drawing's
# fallback copy, ruby (phonetic guide) text, Excel's phonetic runs, a field's code, deleted text.
STREAMS = {f"{{{MC}}}Fallback", f"{{{W}}}rt", f"{{{X}}}rPh"}
_OWN_STREAM_TEXTS = {f"{{{W}}}delText", f"{{{W}}}instrText"}
# Attributes that hold people's names: comment and revision authors, sheet names, display names.
NAME_ATTRIBUTES = {"author", "initials", "userId", "displayName", "name"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


class UnreadablePart(BadInput):
    """A document, or a part of one, that could not be read (the message says which)."""


@dataclass(frozen=True)
class Hit:
    part: str
    where: str  # "paragraph", "text box", "tracked deletion", "attribute author", ...
    context: str
    matched: str


def part_label(name: str) -> str:
    """A name a person understands for a part of a .docx or .xlsx."""
    labels = {
        "word/document.xml": "body",
        "word/footnotes.xml": "footnotes",
        "word/endnotes.xml": "endnotes",
        "word/comments.xml": "comments",
        "docProps/core.xml": "core properties",
        "docProps/custom.xml": "custom properties",
        "docProps/app.xml": "application properties",
        "xl/workbook.xml": "sheet names",
        "xl/sharedStrings.xml": "cells",
    }
    if name in labels:
        return labels[name]
    stem = Path(name).stem
    if name.startswith("xl/worksheets/"):
        return f"sheet {stem.removeprefix('sheet')}"
    if name.startswith("xl/comments") or name.startswith("xl/threadedComments"):
        return f"cell comments ({stem})"
    return stem


def where_in(node: etree._Element) -> str:
    """Where a text node sits, in words: a paragraph, a text box, a tracked insertion or deletion."""
    for ancestor in node.iterancestors():
        tag = etree.QName(ancestor).localname
        if tag == "txbxContent":
            return "text box"
        if tag == "del":
            return "tracked deletion"
        if tag == "ins":
            return "tracked insertion"
    return "paragraph"


def blocks(
    root: etree._Element, simple_elements: bool = True
) -> Iterator[tuple[etree._Element | None, list[etree._Element]]]:
    """Text nodes grouped by the innermost block that holds them; text nodes outside any block alone,
    and (with ``simple_elements``) simple elements holding text outside any block (properties).
    One walk through the tree, keeping the blocks open at each point."""
    groups: dict[tuple[etree._Element, object], list[etree._Element]] = {}
    loose: list[etree._Element] = []
    open_blocks: list[etree._Element] = []
    open_streams: list[etree._Element] = []
    run = f"{{{W}}}r"
    for event, node in etree.iterwalk(root, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if event == "end":
            if open_blocks and open_blocks[-1] is node:
                open_blocks.pop()
            if open_streams and open_streams[-1] is node:
                open_streams.pop()
            continue
        if tag in BLOCKS:
            open_blocks.append(node)
        elif tag in STREAMS:
            open_streams.append(node)
        elif tag in TEXTS or tag in INLINE_CHARACTERS:
            if tag in INLINE_CHARACTERS:
                parent = node.getparent()
                if not open_blocks or parent is None or parent.tag != run:
                    continue  # a tab stop's definition, not a tab in the text
            if open_blocks:
                stream: object = None  # the paragraph's own text
                if open_streams and open_blocks[-1] in open_streams[-1].iterancestors():
                    stream = open_streams[-1]  # a fallback copy or ruby text inside this paragraph
                if tag in _OWN_STREAM_TEXTS:
                    stream = (stream, tag)
                groups.setdefault((open_blocks[-1], stream), []).append(node)
            else:
                loose.append(node)
        elif simple_elements and not open_blocks and len(node) == 0 and node.text and node.text.strip():
            loose.append(node)  # properties and other simple elements (dc:creator, custom property values)
    for (owner, _stream), nodes in groups.items():
        yield owner, nodes
    for node in loose:
        yield None, [node]


# Characters Word writes as elements between runs: a name can straddle them ("Riley<w:tab/>Ostrow").
INLINE_CHARACTERS = {f"{{{W}}}tab": " ", f"{{{W}}}br": " ", f"{{{W}}}cr": " ", f"{{{W}}}noBreakHyphen": "-",
                     f"{{{W}}}softHyphen": "\u00ad", f"{{{W}}}ptab": " ", f"{{{W}}}sym": ""}  # fmt: skip
_SYMBOL = f"{{{W}}}sym"


def node_text(node: etree._Element) -> str:
    if node.tag == _SYMBOL:  # a character chosen from a symbol font: w:char="0061" is an "a"
        code = node.get(f"{{{W}}}char", "")
        try:
            number = int(code, 16)
        except ValueError:
            return ""
        number = number - 0xF000 if 0xF020 <= number <= 0xF0FF else number  # the Symbol font's private range
        return chr(number) if 0x20 <= number < 0x110000 else ""
    return INLINE_CHARACTERS.get(node.tag, "") if node.tag in INLINE_CHARACTERS else (node.text or "")


def hidden(node: etree._Element) -> bool:
    """Text in a run formatted as hidden (w:vanish): in the file, not on the page."""
    parent = node.getparent()
    if parent is None or parent.tag != f"{{{W}}}r":
        return False
    vanish = parent.find(f"{{{W}}}rPr/{{{W}}}vanish")
    return vanish is not None and vanish.get(f"{{{W}}}val", "true") not in ("0", "false", "off")


def joined_text(nodes: list[etree._Element]) -> str:
    return "".join(node_text(node) for node in nodes)


def _rewrite(nodes: list[etree._Element], spans: list[Span], joined: str) -> None:
    bounds, position = [], 0
    for node in nodes:
        length = len(node_text(node))
        bounds.append((position, position + length))
        position += length
    outputs: list[list[str]] = [[] for _ in nodes]

    def owner(offset: int) -> int:
        for index, (start, end) in enumerate(bounds):
            if start <= offset < end:
                return index
        return len(nodes) - 1

    def copy(start: int, end: int) -> None:
        for index, (node_start, node_end) in enumerate(bounds):
            low, high = max(start, node_start), min(end, node_end)
            if low < high:
                outputs[index].append(joined[low:high])

    cursor = 0
    for span in spans:
        copy(cursor, span.start)
        outputs[owner(span.start)].append(span.replacement)
        cursor = span.end
    copy(cursor, len(joined))
    for node, pieces in zip(nodes, outputs, strict=True):
        if node.tag in INLINE_CHARACTERS:
            if not "".join(pieces) and node.getparent() is not None:
                node.getparent().remove(node)  # the tab or break was inside a name now replaced
            continue
        node.text = "".join(pieces) or None  # as a parser reads an empty run back: copying twice changes nothing
        if node.tag in (f"{{{W}}}t", f"{{{W}}}delText"):
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def process_part(name: str, data: bytes, anonymiser: Anonymiser) -> bytes:
    """One XML part with every registered form replaced (``anonymise_tree``); a part with nothing to
    replace keeps its exact bytes, so anonymising twice changes nothing."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UnreadablePart(f"{part_label(name)} ({name}) cannot be read: {error}") from None
    if not anonymise_tree(root, anonymiser):
        return data
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def anonymise_tree(root: etree._Element, anonymiser: Anonymiser) -> bool:
    """Every registered form in a parsed part's text, and in the attributes that hold names (sheet
    names, authors), replaced in place; whether anything changed. Any other attribute is left alone:
    the leak check that follows every clean copy refuses the file if a name is still there."""
    changed = False
    for _block, nodes in blocks(root):
        joined = joined_text(nodes)
        spans = anonymiser.spans(joined)
        if spans:
            _rewrite(nodes, spans, joined)
            changed = True
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in list(element.attrib.items()):
            local = etree.QName(attribute).localname
            if local not in NAME_ATTRIBUTES or not value:
                continue
            if local == "name" and etree.QName(element).localname not in ("sheet", "person"):
                continue  # only sheet and person names; other 'name' attributes are internal
            if not anonymiser.spans(value):
                continue
            replaced = anonymiser.text(value)
            if local == "name":
                replaced = replaced.translate(str.maketrans("", "", "[]:*?/\\"))[:31] or "Sheet"
            element.set(attribute, replaced)
            changed = True
    return changed
