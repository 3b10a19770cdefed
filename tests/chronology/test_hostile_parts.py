"""Hostile returns written part by part (issue 18, item 6): each was found by a red team to crash
scrkit (a native abort, exit 70), to pass a check written for the usual spelling of a part, or to
take gigabytes. Each is refused, naming the file, and scrkit goes on."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from scrkit.chronology.reading import load_rows, read_return
from scrkit.chronology.safety import UnsafeReturn
from scrkit.office.contained import can_contain
from tests.chronology.conftest import reading

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADINGS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Event</t></is></c></row>'
)
FAR_CELL = '<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row>'
VBA = '<Override PartName="/xl/media/image1.png" ContentType="application/vnd.ms-office.vbaProject"/>'


def workbook(path: Path, rows: str, *, sheet: str = "xl/worksheets/sheet1.xml", types: str = "",
             types_padding: str = "", parts: tuple[tuple[str, bytes | str], ...] = ()) -> Path:  # fmt: skip
    """A workbook written by hand: a sheet whose dimension says A1:C10, whatever its rows hold."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + types_padding +
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + types + "</Types>"))  # fmt: skip
        archive.writestr("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))  # fmt: skip
        archive.writestr("xl/workbook.xml", (
            f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Chronology" sheetId="1" r:id="rId1"/></sheets></workbook>'))  # fmt: skip
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            f'Target="{sheet[3:]}"/></Relationships>'))  # fmt: skip
        archive.writestr(sheet, f'<worksheet xmlns="{MAIN}"><dimension ref="A1:C10"/><sheetData>{HEADINGS}{rows}'
                                "</sheetData></worksheet>")  # fmt: skip
        for name, data in parts:
            archive.writestr(name, data)
    return path


def refusal_of(path: Path) -> str:
    """The one problem reading the return gives; nothing is read from it."""
    result = read_return(path, reading({"police": "Ashcombe Constabulary"}, __import__("datetime").date(2026, 12, 6)))
    assert not result.readable and result.events == []
    [problem] = result.problems
    assert path.name in problem.reason
    return problem.reason


@pytest.mark.parametrize(
    ("name", "rows", "sheet"),
    [
        ("attributes-in-another-order", FAR_CELL, "xl/worksheets/sheet1.xml"),
        ("single-quotes", FAR_CELL.replace('"', "'"), "xl/worksheets/sheet1.xml"),
        ("sheet-outside-worksheets", FAR_CELL, "xl/data/sheet1.xml"),
        ("far-row-of-cells-without-references", '<row r="1048576">' + "<c><v>1</v></c>" * 200 + "</row>",
         "xl/worksheets/sheet1.xml"),
        ("namespace-prefix", FAR_CELL.replace("<row", "<x:row").replace("<c ", "<x:c ").replace("</c>", "</x:c>")
         .replace("</row>", "</x:row>"), "xl/worksheets/sheet1.xml"),
    ],
)  # fmt: skip
def test_a_cell_far_out_however_it_is_written_is_refused_before_any_reader(
    tmp_path: Path, name: str, rows: str, sheet: str
) -> None:
    """calamine asked for 549,755,813,888 bytes and aborted the process (exit 134, the lock left behind)."""
    path = workbook(tmp_path / f"police {name}.xlsx", rows, sheet=sheet)
    assert "row 1,048,576" in refusal_of(path)


def test_cells_written_without_attributes_are_counted(tmp_path: Path) -> None:
    """10 million `<c><v>1</v></c>` passed a count of `<c `: 20 s and 2.3 GB."""
    rows = ("<row>" + "<c><v>1</v></c>" * 200 + "</row>") * 5_100
    path = workbook(tmp_path / "police.xlsx", rows, parts=(("docProps/padding.bin", os.urandom(1 << 20)),))
    assert "1,020,002 cells; scrkit reads at most 1,000,000" in refusal_of(path)  # 5,100 x 200 + 2 headings


@pytest.mark.skipif(not can_contain(), reason="processes cannot be forked here (Windows): see the README")
def test_a_shared_string_repeated_past_any_memory_is_refused_and_scrkit_goes_on(tmp_path: Path) -> None:
    """One 64 KB string referenced by 750,000 cells, under every count: 48 GB once read. The reader runs
    in a child process with a memory limit; the child is stopped, the return refused by name."""
    rows = "".join(f'<row r="{row}">' + '<c t="s"><v>0</v></c>' * 150 + "</row>" for row in range(2, 5_002))
    strings = f'<sst xmlns="{MAIN}"><si><t>{"x" * 65_536}</t></si></sst>'
    path = workbook(tmp_path / "police.xlsx", rows,
                    parts=(("xl/sharedStrings.xml", strings), ("docProps/padding.bin", os.urandom(1 << 20))))  # fmt: skip
    reason = refusal_of(path)
    assert "could not be read safely" in reason and "memory" in reason
    # and the process that refused it reads the next return as usual
    ordinary = workbook(tmp_path / "police-2.xlsx", '<row r="2"><c r="A2" t="inlineStr"><is><t>02/03/2026</t></is>'
                        '</c><c r="B2" t="inlineStr"><is><t>Home visit</t></is></c></row>')  # fmt: skip
    sheets, _ = load_rows(ordinary)
    assert sheets[0].rows[1] == ["02/03/2026", "Home visit"]


def test_one_part_that_would_expand_past_its_bound_is_refused_whatever_the_rest(tmp_path: Path) -> None:
    """A 400 MB workbook part diluted by 4 MB of random bytes kept the whole file's ratio at 92: 850 MB."""
    path = workbook(tmp_path / "police.xlsx", "", parts=(("docProps/padding.bin", os.urandom(4 << 20)),))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/comments.xml", b" " * (60 << 20))  # 60 MB of spaces: about 1,000 times
    assert "would expand to" in refusal_of(path)


@pytest.mark.parametrize(
    ("name", "types", "padding"),
    [
        ("after-200-KB-of-types", VBA, "<!--" + " " * 210_000 + "-->"),
        ("as-a-character-reference", VBA.replace("vbaP", "vba&#x50;"), ""),
        ("in-capitals", VBA.replace("vbaProject", "VBAPROJECT"), ""),
    ],
)
def test_macros_are_found_by_content_type_however_written(tmp_path: Path, name: str, types: str, padding: str) -> None:
    path = workbook(tmp_path / f"police {name}.xlsx", "", types=types, types_padding=padding,
                    parts=(("xl/media/image1.png", b"VBA"), ("docProps/padding.bin", os.urandom(100_000))))  # fmt: skip
    assert "macros or an embedded object" in refusal_of(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_return(path: Path, body: str, *, types: str = "", parts: tuple[tuple[str, bytes], ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{types}</Types>')  # fmt: skip
        archive.writestr("word/document.xml", body)
        for name, data in parts:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("cut-short", f'<w:document xmlns:w="{W}"><w:body><w:p>'),
        ("nested-300-deep", f'<w:document xmlns:w="{W}"><w:body>' + "<w:sdt>" * 300 + "</w:sdt>" * 300
         + "</w:body></w:document>"),
    ],
)  # fmt: skip
def test_a_damaged_word_return_is_refused_not_a_crash(tmp_path: Path, name: str, body: str) -> None:
    """lxml's XMLSyntaxError escaped: exit 70 on a merely damaged .docx."""
    assert "damaged Word document" in refusal_of(word_return(tmp_path / f"police {name}.docx", body))


@pytest.mark.parametrize(
    ("name", "types", "parts"),
    [
        ("macro-type-in-capitals", '<Override PartName="/word/x.bin" ContentType="application/VND.MS-OFFICE.VBAPROJECT"/>',
         (("word/x.bin", b"code"),)),
        ("an-object-among-the-pictures", "", (("word/media/image1.png", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 64),)),
        ("an-html-chunk", '<Override PartName="/word/chunk.htm" '
         'ContentType="application/xhtml+xml"/><Default Extension="rels" ContentType="x"/>',
         (("word/_rels/document.xml.rels", b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
           b'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           b'relationships/aFChunk" Target="chunk.htm"/></Relationships>'), ("word/chunk.htm", b"<table/>"))),
    ],
)  # fmt: skip
def test_code_objects_and_chunks_in_a_word_return_are_refused(tmp_path: Path, name: str, types: str, parts) -> None:  # noqa: ANN001
    """A chunk of HTML holding a table was read as nothing, its events dropped without a word."""
    body = f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>'
    path = word_return(tmp_path / f"police {name}.docx", body, types=types, parts=parts)
    assert "scrkit will not open it" in refusal_of(path)


def test_refusals_raise_the_returns_own_error(tmp_path: Path) -> None:
    with pytest.raises(UnsafeReturn, match="damaged Word document"):
        load_rows(word_return(tmp_path / "police.docx", "<w:document"))
