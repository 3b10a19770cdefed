"""The Office package a clean copy is rebuilt into: only the parts kept, their relationships, new properties.

A .docx or .xlsx is a zip of parts joined by relationships (``_rels/*.rels``). A clean copy starts
from the main part and follows relationships: each relationship's type says whether its part is
kept (and cleaned), dropped (and the drop reported), or refused (scrkit cannot drop it without
losing what the reader needs, nor keep it safely). Parts nobody keeps never reach the copy, so
nothing hidden in a part scrkit does not know can travel.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from scrkit.anonymise.documents import anonymise_tree
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import Refused

PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif"}


class CannotClean(Refused):
    """A file holding something scrkit can neither understand nor safely drop; the message names it."""

    def __init__(self, file: str, what: str) -> None:
        super().__init__(
            f"{file} was not anonymised: it holds {what}, which scrkit can neither check nor safely remove.",
            hint="Remove it from the document in Word or Excel (or save the document without it), then try again.",
        )


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str  # the last part of the type URI: "styles", "image", "hyperlink" ...
    target: str  # the part's name inside the package, or the external address
    external: bool


@dataclass
class Package:
    """The parts of the source, read once, and what the clean copy keeps of them."""

    file: str
    parts: dict[str, bytes]
    content_types: dict[str, str]  # part name -> content type
    kept: dict[str, bytes] = field(default_factory=dict)
    kept_rels: dict[str, list[Relationship]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    anonymiser: Anonymiser | None = None  # set by clean_copy: parts kept as trees are anonymised as kept
    anonymised: set[str] = field(default_factory=set)  # parts already anonymised (``keep_tree``)

    @classmethod
    def read(cls, archive: zipfile.ZipFile, file: str) -> Package:
        parts = {entry.filename: archive.read(entry) for entry in archive.infolist() if not entry.is_dir()}
        if "[Content_Types].xml" not in parts:
            raise CannotClean(file, "no list of its parts ([Content_Types].xml): it is not a Word or Excel file")
        return cls(file, parts, _content_types(parts["[Content_Types].xml"], parts, file))

    def xml(self, name: str) -> etree._Element:
        try:
            root = etree.fromstring(self.parts[name], PARSER)
        except (etree.XMLSyntaxError, KeyError) as error:
            raise CannotClean(self.file, f"a part that cannot be read ({name}: {error})") from None
        if root.getroottree().docinfo.internalDTD is not None:  # Office never writes one; entities can hide text
            raise CannotClean(self.file, f"a document type declaration (DTD) in {name}")
        return root

    def relationships(self, part: str) -> list[Relationship]:
        rels_name = rels_of(part)
        if rels_name not in self.parts:
            return []
        root = self.xml(rels_name)
        found = []
        base = posixpath.dirname(part)
        for element in root.iter(f"{{{PACKAGE_RELS}}}Relationship"):
            target = element.get("Target", "")
            external = element.get("TargetMode") == "External"
            if not external:
                target = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
                )
            found.append(
                Relationship(element.get("Id", ""), element.get("Type", "").rsplit("/", 1)[-1], target, external)
            )
        return found

    def main_part(self) -> str:
        found = [rel for rel in self.relationships("") if rel.type == "officeDocument" and not rel.external]
        if not found or found[0].target not in self.parts:
            raise CannotClean(self.file, "no main document part")
        return found[0].target

    def drop(self, what: str) -> None:
        if what not in self.dropped:
            self.dropped.append(what)

    def keep_tree(self, name: str, root: etree._Element, rels: list[Relationship] | None = None) -> None:
        """Keep a cleaned part, anonymised while it is still parsed (one parse, not two)."""
        if self.anonymiser is not None:
            anonymise_tree(root, self.anonymiser)
            self.anonymised.add(name)
        self.keep(name, serialise(root), rels)

    def keep(self, name: str, content: bytes, rels: list[Relationship] | None = None) -> None:
        self.kept[name] = content
        if rels:
            self.kept_rels[name] = rels

    def build(self, main: str, title: str) -> bytes:
        """The clean package: kept parts, their kept relationships, new core properties, nothing else."""
        import io

        stream = io.BytesIO()
        stamp = (1980, 1, 1, 0, 0, 0)  # no time of editing travels in the zip either
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:

            def put(name: str, content: bytes) -> None:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, content)

            put("[Content_Types].xml", self._types())
            package_rels = [
                Relationship("rId1", "officeDocument", main, False),
                Relationship("rId2", "core-properties", "docProps/core.xml", False),
            ]
            put("_rels/.rels", _rels_xml(package_rels, ""))
            put("docProps/core.xml", core_properties(title))
            for name, content in self.kept.items():
                put(name, content)
                if name in self.kept_rels:
                    put(rels_of(name), _rels_xml(self.kept_rels[name], name))
        return stream.getvalue()

    def _types(self) -> bytes:
        root = etree.Element(f"{{{CONTENT_TYPES}}}Types", nsmap={None: CONTENT_TYPES})
        for extension, kind in (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                                ("xml", "application/xml"), *IMAGE_TYPES.items()):  # fmt: skip
            etree.SubElement(root, f"{{{CONTENT_TYPES}}}Default", Extension=extension, ContentType=kind)
        overrides = {"docProps/core.xml": CORE_TYPE}
        for name in self.kept:
            kind = self.content_types.get(name, "")
            if kind and name.rsplit(".", 1)[-1].lower() not in IMAGE_TYPES:
                overrides[name] = kind
        for name, kind in overrides.items():
            etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", PartName=f"/{name}", ContentType=kind)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_of(part: str) -> str:
    if not part:
        return "_rels/.rels"
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _rels_xml(rels: list[Relationship], source: str) -> bytes:
    root = etree.Element(f"{{{PACKAGE_RELS}}}Relationships", nsmap={None: PACKAGE_RELS})
    base = posixpath.dirname(source)
    prefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    for rel in rels:
        kind = CORE_REL if rel.type == "core-properties" else prefix + rel.type
        target = rel.target if rel.external else posixpath.relpath(rel.target, base or ".")
        etree.SubElement(root, f"{{{PACKAGE_RELS}}}Relationship", Id=rel.id, Type=kind, Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(raw: bytes, parts: dict[str, bytes], file: str) -> dict[str, str]:
    try:
        root = etree.fromstring(raw, PARSER)
    except etree.XMLSyntaxError as error:
        raise CannotClean(file, f"a damaged list of its parts ({error})") from None
    defaults = {
        element.get("Extension", "").lower(): element.get("ContentType", "")
        for element in root.iter(f"{{{CONTENT_TYPES}}}Default")
    }
    found = {name: defaults.get(name.rsplit(".", 1)[-1].lower(), "") for name in parts}
    for element in root.iter(f"{{{CONTENT_TYPES}}}Override"):
        found[element.get("PartName", "").lstrip("/")] = element.get("ContentType", "")
    return found


def core_properties(title: str) -> bytes:
    """New properties: no author, no editor, no company, no dates of editing; marked Anonymised."""
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc})
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}creator").text = "scrkit"
    etree.SubElement(root, f"{{{cp}}}keywords").text = "Anonymised"
    etree.SubElement(
        root, f"{{{dc}}}description"
    ).text = "Anonymised by scrkit (1.9.1): a clean copy; people are named by pseudonym or job title."
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def remove(element: etree._Element) -> None:
    """Remove an element with its content, keeping the text that followed it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def unwrap(element: etree._Element) -> None:
    """Replace an element by its children (a hyperlink by its text, a tracked insertion by what it inserted)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if element.text and element.text.strip():
        pass  # OOXML holds no loose text here; whitespace only
    tail = element.tail
    parent.remove(element)
    if tail:
        if children:
            children[-1].tail = (children[-1].tail or "") + tail
        else:
            previous = parent[index - 1] if index > 0 else None
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
