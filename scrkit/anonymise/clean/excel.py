"""A clean copy of an Excel workbook (.xlsx): the visible cells' values, anonymised, and nothing else.

Kept and anonymised: every visible sheet's cell values (a formula's last result, not the formula),
sheet names, headers and footers, styles, column widths, merged cells, freeze panes, print areas
and print titles.

Dropped, as Excel's Document Inspector drops them: hidden and very hidden sheets; hidden rows and
the cells of hidden columns (the row or column stays, empty and shown); formulas (their results
stay); defined names other than print areas and titles; comments and threaded comments and their
authors; data validation lists and conditional formats; hyperlinks; tables' definitions (their
cells stay); pivot tables and their caches; data connections and queries; external links; shared
workbook user names and revision logs; custom XML; macros and controls; sheet protection; every
property (new ones say only "Anonymised"); shared strings no kept cell uses. A date of birth held
in a date cell becomes the text "[date of birth]".

Refused, naming the sheet: drawings, pictures and charts on a sheet, chart sheets, and any part or
relationship scrkit does not know.
"""

from __future__ import annotations

import re

from lxml import etree

from scrkit.anonymise.clean.package import CannotClean, Package, Relationship, remove
from scrkit.anonymise.leaks import HEADER_CODES
from scrkit.anonymise.text import Anonymiser

X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

WORKBOOK_DROP = {
    "calcChain": "the calculation chain", "externalLink": "external links",
    "pivotCacheDefinition": "pivot caches", "connections": "data connections", "customXml": "custom XML data",
    "revisionHeaders": "the shared workbook's revision log", "usernames": "the shared workbook's user names",
    "person": "the names of comments' authors", "vbaProject": "macros", "sheetMetadata": "cell metadata",
    "volatileDependencies": "volatile dependencies", "powerPivotData": "data model", "slicerCache": "slicers",
    "timelineCache": "timelines", "printerSettings": "printer settings", "customData": "custom data",
}  # fmt: skip
SHEET_DROP = {
    "comments": "comments", "threadedComment": "comments", "vmlDrawing": "comments",
    "hyperlink": "hyperlinks", "table": "tables' definitions", "pivotTable": "pivot tables",
    "printerSettings": "printer settings", "ctrlProp": "controls", "control": "controls",
    "queryTable": "queries", "slicer": "slicers", "timeline": "timelines",
    "customProperty": "custom properties", "oleObject": "embedded objects", "package": "embedded files",
}  # fmt: skip
SHEET_REFUSE = {"drawing": "pictures, shapes or charts", "image": "a background picture", "chart": "a chart"}
SHEET_ELEMENTS_DROPPED = {
    "hyperlinks": "hyperlinks", "legacyDrawing": "comments", "legacyDrawingHF": "pictures in headers",
    "dataValidations": "data validation lists", "conditionalFormatting": "conditional formats",
    "sheetProtection": "sheet protection", "protectedRanges": "sheet protection", "scenarios": "scenarios",
    "customSheetViews": "custom views", "oleObjects": "embedded objects", "controls": "controls",
    "tableParts": "tables' definitions", "extLst": "extensions", "webPublishItems": "web publishing",
    "smartTags": "smart tags", "cellWatches": "cell watches", "picture": "a background picture",
    "drawing": "", "sortState": "", "phoneticPr": "",
}  # fmt: skip
WORKBOOK_ELEMENTS_DROPPED = {
    "externalReferences": "external links", "pivotCaches": "pivot caches", "fileSharing": "the author's name",
    "workbookProtection": "workbook protection", "customWorkbookViews": "custom views", "extLst": "extensions",
    "fileRecoveryPr": "", "oleSize": "", "smartTagPr": "", "smartTagTypes": "", "webPublishing": "",
    "webPublishObjects": "", "functionGroups": "",
}  # fmt: skip
_CELL = re.compile(r"^([A-Z]+)(\d+)$")
_BUILT_IN = ("_xlnm.Print_Area", "_xlnm.Print_Titles", "_xlnm._FilterDatabase")


def _q(local: str) -> str:
    return f"{{{X}}}{local}"


def clean_excel(package: Package, anonymiser: Anonymiser) -> str:
    main = package.main_part()
    workbook = package.xml(main)
    rels = package.relationships(main)
    by_id = {rel.id: rel for rel in rels}
    kept: list[Relationship] = []
    strings_part = next((rel.target for rel in rels if rel.type == "sharedStrings"), None)
    strings = _shared_strings(package, strings_part) if strings_part else []
    used: dict[int, int] = {}  # old shared string index -> new
    sheets = workbook.find(_q("sheets"))
    if sheets is None or not len(sheets):
        raise CannotClean(package.file, "no sheets")
    kept_sheets: list[str] = []
    old_positions: dict[int, int] = {}
    for position, sheet in enumerate(list(sheets)):
        rel = by_id.get(sheet.get(f"{{{R}}}id", ""))
        if sheet.get("state") in ("hidden", "veryHidden"):
            package.drop("hidden sheets")
            sheets.remove(sheet)
            continue
        if rel is None or rel.type != "worksheet":
            kind = rel.type if rel else "unknown"
            raise CannotClean(package.file, f"a sheet scrkit cannot read ('{sheet.get('name')}', a {kind})")
        _keep_sheet(package, rel.target, used, anonymiser)
        kept.append(rel)
        old_positions[position] = len(kept_sheets)
        kept_sheets.append(sheet.get("name", ""))
    if not kept_sheets:
        raise CannotClean(package.file, "no visible sheet")
    for rel in rels:
        if rel.type in ("styles", "theme"):
            package.keep(rel.target, package.parts.get(rel.target, b""))
            kept.append(rel)
        elif rel.type in WORKBOOK_DROP:
            package.drop(WORKBOOK_DROP[rel.type])
        elif rel.type not in ("worksheet", "sharedStrings", "chartsheet", "dialogsheet", "macrosheet"):
            raise CannotClean(package.file, f"a part scrkit does not know ({rel.type}: {rel.target})")
    if strings_part:
        package.keep_tree(strings_part, _kept_strings(strings, used))
        kept.append(next(rel for rel in rels if rel.type == "sharedStrings"))
    _workbook(package, workbook, old_positions)
    package.keep_tree(main, workbook, kept)
    return main


def _workbook(package: Package, workbook: etree._Element, positions: dict[int, int]) -> None:
    for element in list(workbook):
        local = etree.QName(element).localname
        if local in WORKBOOK_ELEMENTS_DROPPED:
            if WORKBOOK_ELEMENTS_DROPPED[local]:
                package.drop(WORKBOOK_ELEMENTS_DROPPED[local])
            remove(element)
    for view in workbook.iter(_q("workbookView")):
        view.set("activeTab", "0")
        view.set("firstSheet", "0")
    names = workbook.find(_q("definedNames"))
    if names is not None:
        for name in list(names):
            sheet = name.get("localSheetId")
            built_in = name.get("name", "") in _BUILT_IN
            if not built_in or sheet is None or int(sheet) not in positions:
                package.drop("defined names")
                names.remove(name)
                continue
            name.set("localSheetId", str(positions[int(sheet)]))
            for attribute in ("comment", "description", "help", "statusBar", "customMenu"):
                name.attrib.pop(attribute, None)
        if not len(names):
            remove(names)
    for sheet in workbook.iter(_q("sheet")):
        sheet.set("sheetId", sheet.get("sheetId", "1"))


def _shared_strings(package: Package, part: str) -> list[etree._Element]:
    return list(package.xml(part).iter(_q("si")))


def _kept_strings(strings: list[etree._Element], used: dict[int, int]) -> etree._Element:
    root = etree.Element(_q("sst"), nsmap={None: X})
    ordered = sorted(used.items(), key=lambda item: item[1])
    for old, _new in ordered:
        item = strings[old]
        for phonetic in list(item.iter(_q("rPh"), _q("phoneticPr"))):
            remove(phonetic)
        root.append(item)
    root.set("count", str(len(ordered)))
    root.set("uniqueCount", str(len(ordered)))
    return root


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _keep_sheet(package: Package, name: str, used: dict[int, int], anonymiser: Anonymiser) -> None:
    root = package.xml(name)
    for rel in package.relationships(name):
        if rel.type in SHEET_REFUSE:
            raise CannotClean(package.file, f"{SHEET_REFUSE[rel.type]} on a sheet ({rel.target})")
        if rel.type in SHEET_DROP:
            package.drop(SHEET_DROP[rel.type])
        else:
            raise CannotClean(package.file, f"a part scrkit does not know ({rel.type}: {rel.target})")
    for local, what in SHEET_ELEMENTS_DROPPED.items():
        for element in list(root.iter(_q(local))):
            if what:
                package.drop(what)
            remove(element)
    hidden_columns: set[int] = set()
    for column in root.iter(_q("col")):
        if column.get("hidden") in ("1", "true"):
            package.drop("hidden rows and columns")
            hidden_columns.update(range(int(column.get("min", "1")), int(column.get("max", "1")) + 1))
            column.attrib.pop("hidden")
    for setup in root.iter(_q("pageSetup")):
        setup.attrib.pop(f"{{{R}}}id", None)
    for row in list(root.iter(_q("row"))):
        if row.get("hidden") in ("1", "true"):
            package.drop("hidden rows and columns")
            remove(row)
            continue
        for cell in list(row):
            if etree.QName(cell).localname != "c":
                continue
            match = _CELL.match(cell.get("r", ""))
            if match and _column_number(match.group(1)) in hidden_columns:
                remove(cell)
                continue
            _cell(package, cell, used, anonymiser)
    for header in root.iter(*(_q(local) for local in ("oddHeader", "oddFooter", "evenHeader", "evenFooter",
                                                        "firstHeader", "firstFooter"))):  # fmt: skip
        pieces = HEADER_CODES.split(header.text or "")
        header.text = "".join(piece if HEADER_CODES.fullmatch(piece) else anonymiser.text(piece) for piece in pieces)
    package.keep_tree(name, root)


def _cell(package: Package, cell: etree._Element, used: dict[int, int], anonymiser: Anonymiser) -> None:
    formula = cell.find(_q("f"))
    if formula is not None:
        package.drop("formulas (their results are kept)")
        remove(formula)
        if cell.find(_q("v")) is None and cell.find(_q("is")) is None:
            cell.attrib.pop("t", None)
            return
    kind = cell.get("t", "n")
    value = cell.find(_q("v"))
    if kind == "s" and value is not None and (value.text or "").strip().isdigit():
        old = int((value.text or "").strip())
        value.text = str(used.setdefault(old, len(used)))
    elif kind in ("n", "d", "str") and value is not None:
        text = value.text or ""
        is_birth = (kind == "n" and anonymiser.is_birth_serial(text)) or (kind == "d" and anonymiser.spans(text))
        if is_birth or (kind == "str" and anonymiser.spans(text)):
            replaced = "[date of birth]" if is_birth else anonymiser.text(text)
            remove(value)
            cell.set("t", "inlineStr")
            inline = etree.SubElement(cell, _q("is"))
            etree.SubElement(inline, _q("t")).text = replaced
