"""A clean copy of a Word document (.docx): what a reader sees, anonymised, and nothing else.

Kept and anonymised: the body, tables, headers and footers, footnotes and endnotes, text boxes,
styles, numbering, fonts' names and the theme; pictures scrkit drew (the genogram, drawn again
from the records in anonymised form) and pictures a person has confirmed.

Dropped, as Word's Document Inspector drops them: comments; tracked changes, accepted (an
insertion stays as ordinary text because the author meant it to be there, a deletion goes
because the author meant it gone, and neither keeps who made it or when); bookmarks; field
codes (a field's shown result stays as text; page numbers stay fields); hidden text (formatted as
hidden, in the file and not on the page); drawings' fallback copies; hyperlinks' targets
and tooltips (the linked text stays); content controls' names, tags and bindings (their
content stays); alt text and picture names; document variables, the attached template, mail
merge settings and revision ids; custom XML; the glossary of building blocks; embedded objects
and files, ActiveX controls and macros; embedded fonts; every property (new ones say only
"Anonymised"); the thumbnail.

Refused, naming the part: charts, SmartArt, imported chunks (altChunk), sub-documents, linked
pictures, any picture nobody has confirmed, and any relationship or element scrkit does not know.
"""

from __future__ import annotations

from lxml import etree

from scrkit.anonymise.clean.package import (
    CannotClean,
    Package,
    R,
    Relationship,
    remove,
    unwrap,
)
from scrkit.anonymise.clean.pictures import PictureDesk, png_size

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
OFFICE = "urn:schemas-microsoft-com:office:office"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# Relationship types from a content part, and what a clean copy does with each.
KEEP = {"styles", "numbering", "fontTable", "theme", "settings", "header", "footer", "footnotes", "endnotes"}
DROP = {
    "comments": "comments", "commentsExtended": "comments", "commentsIds": "comments",
    "commentsExtensible": "comments", "people": "the names of comments' and changes' authors",
    "customXml": "custom XML data", "glossaryDocument": "the glossary of building blocks",
    "webSettings": "", "stylesWithEffects": "",
    "oleObject": "embedded objects", "package": "embedded files", "control": "ActiveX controls",
    "vbaProject": "macros", "keyMapCustomizations": "keyboard customisations", "wordVbaData": "macros",
    "attachedTemplate": "the attached template's address", "mailMergeSource": "mail merge settings",
    "mailMergeHeaderSource": "mail merge settings", "recipientData": "mail merge recipients",
    "font": "embedded fonts", "hyperlink": "hyperlink targets", "printerSettings": "printer settings",
    "customXmlProps": "custom XML data", "thumbnail": "the thumbnail picture of the first page",
    "frame": "frames", "transform": "a transform",
}  # fmt: skip
REFUSE = {
    "chart": "a chart", "diagramData": "a SmartArt diagram", "diagramLayout": "a SmartArt diagram",
    "diagramColors": "a SmartArt diagram", "diagramQuickStyle": "a SmartArt diagram",
    "diagramDrawing": "a SmartArt diagram", "aFChunk": "an imported chunk of another document (altChunk)",
    "subDocument": "a sub-document", "slide": "an embedded slide",
}  # fmt: skip
# Elements removed with everything inside them.
REMOVED = {
    "del": "tracked changes", "moveFrom": "tracked changes", "rPrChange": "tracked changes",
    "pPrChange": "tracked changes", "sectPrChange": "tracked changes", "tblPrChange": "tracked changes",
    "tblPrExChange": "tracked changes", "trPrChange": "tracked changes", "tcPrChange": "tracked changes",
    "tblGridChange": "tracked changes", "numberingChange": "tracked changes", "cellDel": "tracked changes",
    "cellIns": "tracked changes", "cellMerge": "tracked changes",
    "moveFromRangeStart": "tracked changes", "moveFromRangeEnd": "tracked changes",
    "moveToRangeStart": "tracked changes", "moveToRangeEnd": "tracked changes",
    "customXmlInsRangeStart": "tracked changes", "customXmlInsRangeEnd": "tracked changes",
    "customXmlDelRangeStart": "tracked changes", "customXmlDelRangeEnd": "tracked changes",
    "customXmlMoveFromRangeStart": "tracked changes", "customXmlMoveFromRangeEnd": "tracked changes",
    "customXmlMoveToRangeStart": "tracked changes", "customXmlMoveToRangeEnd": "tracked changes",
    "commentRangeStart": "comments", "commentRangeEnd": "comments", "commentReference": "comments",
    "annotationRef": "comments", "bookmarkStart": "bookmarks", "bookmarkEnd": "bookmarks",
    "permStart": "editing permissions", "permEnd": "editing permissions", "proofErr": "",
    "object": "embedded objects", "control": "ActiveX controls", "sdtPr": "content controls' names and tags",
    "sdtEndPr": "", "delInstrText": "tracked changes", "docVars": "document variables", "rsids": "",
    "attachedTemplate": "the attached template's address", "mailMerge": "mail merge settings",
    "trackRevisions": "", "documentProtection": "editing restrictions", "writeProtection": "editing restrictions",
    "saveThroughXslt": "", "embedTrueTypeFonts": "embedded fonts", "embedSystemFonts": "embedded fonts",
    "saveSubsetFonts": "embedded fonts", "embedRegular": "embedded fonts", "embedBold": "embedded fonts",
    "embedItalic": "embedded fonts", "embedBoldItalic": "embedded fonts", "attachedSchema": "custom XML data",
    "docPartObj": "", "dataBinding": "content controls' bindings",
}  # fmt: skip
UNWRAPPED = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple", "dir", "bdo"}
KEPT_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}  # they hold no data: the page number as printed
KEPT_SIMPLE_FIELD = "fldSimpleKept"
REFUSED_ELEMENTS = {"altChunk": "an imported chunk of another document (altChunk)", "subDoc": "a sub-document"}
KNOWN_NAMESPACES = (
    "http://schemas.openxmlformats.org/",
    "http://schemas.microsoft.com/office/word/",
    "http://schemas.microsoft.com/office/drawing/",
    "http://schemas.microsoft.com/office/2006/",
    "http://schemas.microsoft.com/office/mac/",
    "http://schemas.microsoft.com/office/powerpoint/",
    "http://purl.oclc.org/ooxml/",
    "urn:schemas-microsoft-com:",
    "http://www.w3.org/XML/1998/namespace",
)
_RSID = {"rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel", "rsidSect", "rsidTr"}


def clean_word(package: Package, pictures: PictureDesk) -> str:
    """Fill ``package.kept`` with the clean parts of a Word document; returns the main part's name."""
    main = package.main_part()
    _keep_part(package, main, pictures)
    return main


def _keep_part(package: Package, name: str, pictures: PictureDesk) -> None:
    root = package.xml(name)
    rels = {rel.id: rel for rel in package.relationships(name)}
    kept: list[Relationship] = []
    redrawn: dict[str, bytes] = {}
    for rel in rels.values():
        if rel.type in REFUSE:
            raise CannotClean(package.file, f"{REFUSE[rel.type]} ({rel.target})")
        if rel.type in DROP:
            if DROP[rel.type]:
                package.drop(DROP[rel.type])
        elif rel.type == "image":
            if rel.external:
                package.drop("linked pictures (pictures kept outside the document)")
                continue
            if rel.target not in package.parts:
                continue  # a picture that is not there: the reference to it is refused below
            original = package.parts[rel.target]
            clean = pictures.picture(package.file, rel.target, original)
            if clean is not original:
                redrawn[rel.id] = clean
            package.keep(rel.target, clean)
            kept.append(rel)
        elif rel.type in KEEP and not rel.external:
            if rel.target not in package.kept:
                if rel.target not in package.parts:
                    continue  # a relationship to nothing: nothing to keep
                _keep_part(package, rel.target, pictures)
            kept.append(rel)
        else:
            raise CannotClean(package.file, f"a part scrkit does not know ({rel.type}: {rel.target})")
    kept_ids = {rel.id for rel in kept}
    _clean_tree(package, root, name, kept_ids)
    _fit_redrawn(root, redrawn)
    if name.endswith("settings.xml"):
        _settings(root)
    package.keep_tree(name, root, kept)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _clean_tree(package: Package, root: etree._Element, part: str, kept_ids: set[str]) -> None:
    _fields(root)
    for fallback in list(root.iter(f"{{{MC}}}Fallback")):
        remove(fallback)  # the same content again for old programs: the copy keeps the one Word shows
    for run in list(root.iter(f"{{{W}}}r")):
        vanish = run.find(f"{{{W}}}rPr/{{{W}}}vanish")
        if vanish is not None and vanish.get(f"{{{W}}}val", "true") not in ("0", "false", "off"):
            package.drop("hidden text")
            remove(run)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            remove(element)  # XML comments and processing instructions carry nothing a reader sees
            continue
        namespace = etree.QName(element).namespace or ""
        if not namespace.startswith(KNOWN_NAMESPACES):
            raise CannotClean(package.file, f"markup scrkit does not know ({etree.QName(element).localname} in {part})")
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None and element is not root:
            continue
        local = _local(element)
        namespace = etree.QName(element).namespace
        if namespace == W and local in REFUSED_ELEMENTS:
            raise CannotClean(package.file, f"{REFUSED_ELEMENTS[local]} in {part}")
        if namespace == W and local in REMOVED:
            if REMOVED[local]:
                package.drop(REMOVED[local])
            remove(element)
        elif namespace == OFFICE and local == "OLEObject":
            package.drop("embedded objects")
            remove(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace == W and _local(element) in UNWRAPPED:
            if _local(element) in ("hyperlink",):
                package.drop("hyperlink targets")
            elif _local(element) in ("ins", "moveTo"):
                package.drop("tracked changes")
            unwrap(element)
    _pictures_and_attributes(package, root, part, kept_ids)


def _fields(root: etree._Element) -> None:
    """Field codes go; each field's shown result stays as text. Page numbers stay fields."""
    stack: list[dict] = []
    doomed: list[etree._Element] = []
    for element in root.iter(f"{{{W}}}fldChar", f"{{{W}}}instrText"):
        if _local(element) == "instrText":
            if stack:
                stack[-1]["code"] += element.text or ""
                stack[-1]["parts"].append(element)
            else:
                doomed.append(element)
            continue
        kind = element.get(f"{{{W}}}fldCharType")
        if kind == "begin":
            stack.append({"code": "", "parts": [element]})
        elif stack:
            stack[-1]["parts"].append(element)
            if kind == "end":
                field = stack.pop()
                words = field["code"].split()
                if not words or words[0].upper() not in KEPT_FIELDS:
                    doomed.extend(field["parts"])
    for field in stack:  # a field never ended: its code goes all the same
        doomed.extend(field["parts"])
    for element in doomed:
        remove(element)
    for simple in list(root.iter(f"{{{W}}}fldSimple")):
        words = (simple.get(f"{{{W}}}instr") or "").split()
        if words and words[0].upper() in KEPT_FIELDS:
            simple.tag = f"{{{W}}}{KEPT_SIMPLE_FIELD}"  # not unwrapped below; tagged back afterwards
            simple.set(f"{{{W}}}instr", words[0].upper())


def _pictures_and_attributes(package: Package, root: etree._Element, part: str, kept_ids: set[str]) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag == f"{{{W}}}{KEPT_SIMPLE_FIELD}":
            element.tag = f"{{{W}}}fldSimple"
        local = _local(element)
        if local in ("docPr", "cNvPr"):
            for attribute in ("descr", "title"):
                if element.get(attribute) is not None:
                    package.drop("alt text")
                    del element.attrib[attribute]
            element.set("name", f"Picture {element.get('id', '')}".strip())
        if local == "hlinkClick" or local == "hlinkHover":
            package.drop("hyperlink targets")
            remove(element)
            continue
        for attribute in list(element.attrib):
            name = etree.QName(attribute)
            if name.localname in _RSID or name.localname in ("author", "initials", "date"):
                del element.attrib[attribute]
            elif name.localname in ("alt",) or (name.namespace == OFFICE and name.localname == "title"):
                package.drop("alt text")
                del element.attrib[attribute]
            elif name.namespace == R and element.get(attribute) not in kept_ids:
                if local in ("blip", "imagedata") and name.localname in ("link",):
                    package.drop("linked pictures (pictures kept outside the document)")
                    drawing = next((a for a in element.iterancestors(f"{{{W}}}drawing", f"{{{W}}}pict")), None)
                    if drawing is not None:
                        remove(drawing)
                    break
                if local in ("headerReference", "footerReference", "blip", "imagedata", "footnoteReference"):
                    raise CannotClean(package.file, f"a reference to a part that is not kept ({local} in {part})")
                del element.attrib[attribute]


def _fit_redrawn(root: etree._Element, redrawn: dict[str, bytes]) -> None:
    """A redrawn picture keeps the width it was given and takes its own height."""
    for blip in root.iter(f"{{{A}}}blip"):
        content = redrawn.get(blip.get(f"{{{R}}}embed", ""))
        size = png_size(content) if content else None
        if not size:
            continue
        width, height = size
        holder = next(blip.iterancestors(f"{{{WP}}}inline", f"{{{WP}}}anchor"), None)
        if holder is None:
            continue
        for extent in (holder.find(f"{{{WP}}}extent"), *holder.iter(f"{{{A}}}ext")):
            if extent is not None and extent.get("cx"):
                extent.set("cy", str(int(int(extent.get("cx", "0")) * height / width)))


def _settings(root: etree._Element) -> None:
    """Ask Word to keep removing personal information whenever the copy is saved again."""
    for local in ("removePersonalInformation", "removeDateAndTime"):
        if root.find(f"{{{W}}}{local}") is None:
            anchor = root.find(f"{{{W}}}zoom")
            if anchor is None:
                anchor = root.find(f"{{{W}}}view")
            element = etree.Element(f"{{{W}}}{local}")
            if anchor is not None:
                anchor.addnext(element)
            else:
                root.insert(0, element)
    removal = root.find(f"{{{W}}}removeDateAndTime")
    personal = root.find(f"{{{W}}}removePersonalInformation")
    if removal is not None and personal is not None and removal.getprevious() is not personal:
        personal.addnext(removal)
