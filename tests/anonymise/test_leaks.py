"""check-leaks looks in every part of a document: names planted anywhere are found."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook
from openpyxl.comments import Comment

from scrkit.anonymise.clean import PictureDesk, clean_copy
from scrkit.anonymise.leaks import Checker, LeakReport
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import ExitCode
from scrkit.office.word import document_bytes


def scan_file(path: Path, anonymiser: Anonymiser) -> LeakReport:
    return Checker(anonymiser).check_file(path)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(scope="module")
def anonymiser(example_records) -> Anonymiser:  # noqa: ANN001
    return Anonymiser(build_register(example_records))


def edit_part(path: Path, name: str, change) -> None:  # noqa: ANN001
    with zipfile.ZipFile(path) as source:
        parts = {entry.filename: source.read(entry) for entry in source.infolist()}
    parts[name] = change(parts.get(name, b"").decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)


def clean_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Child A was seen at home by Professional 1 on 4 March 2026.")
    document.core_properties.author = "Ashcombe LSCB"
    path.write_bytes(document_bytes(document))  # without python-docx's stock thumbnail: a picture
    return path


def planted(tmp_path: Path, where: str) -> Path:
    path = clean_docx(tmp_path / f"{where}.docx")
    document = Document(str(path))
    if where == "header":
        document.sections[0].header.paragraphs[0].text = "Case of Jodie Fenwick"
    elif where == "footer":
        document.sections[0].footer.paragraphs[0].text = "Prepared about Liam Ostrow"
    elif where == "comment":
        document.add_comment(
            document.paragraphs[0].runs, text="Check with Kieran", author="Sarah Pennant", initials="SP"
        )
    elif where == "core property":
        document.core_properties.title = "Chronology for Tyler Fenwick"
    elif where == "split runs":
        paragraph = document.add_paragraph()
        for piece in ("Seen by Jo", "d", "ie Fen", "wick."):
            paragraph.add_run(piece)
    document.save(str(path))
    body = "word/document.xml"
    if where == "tracked change":
        edit_part(path, body, lambda xml: xml.replace(
            "</w:body>",
            '<w:p><w:ins w:id="1" w:author="Marcus Adeyemi-Hart"><w:r><w:t>Added by hand</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="Ashcombe LSCB"><w:r><w:delText>Carol Fenwick said</w:delText></w:r>'
            "</w:del></w:p>"
            "</w:body>", 1))  # fmt: skip
    elif where == "text box":
        edit_part(path, body, lambda xml: xml.replace(
            "</w:body>",
            '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>Mimi cried</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
            "</w:body>", 1))  # fmt: skip
    elif where == "footnote":
        edit_part(path, "word/footnotes.xml", lambda _xml: (
            f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}><w:footnote w:id="1"><w:p><w:r>'
            "<w:t>Information from Dr Helen Yarrow</w:t></w:r></w:p></w:footnote></w:footnotes>"))  # fmt: skip
    return path


@pytest.mark.parametrize(
    "where, expected_part, expected_name",
    [
        ("header", "header", "Jodie Fenwick"),
        ("footer", "footer", "Liam Ostrow"),
        ("comment", "comments", "Kieran"),
        ("core property", "core properties", "Tyler Fenwick"),
        ("split runs", "body", "Jodie Fenwick"),
        ("tracked change", "body", "Carol Fenwick"),
        ("text box", "body", "Mimi"),
        ("footnote", "footnotes", "Dr Helen Yarrow"),
    ],
)
def test_names_planted_in_every_part_of_a_word_document(
    tmp_path: Path, anonymiser: Anonymiser, where: str, expected_part: str, expected_name: str
) -> None:
    report = scan_file(planted(tmp_path, where), anonymiser)
    assert any(hit.part.startswith(expected_part) and hit.matched == expected_name for hit in report.hits), report.hits
    if where == "comment":  # the comment's author is a name too
        assert any(hit.matched == "Sarah Pennant" and "author" in hit.where for hit in report.hits)
    if where == "tracked change":
        assert any(hit.matched == "Marcus Adeyemi-Hart" and "author" in hit.where for hit in report.hits)
        assert any(hit.where == "tracked deletion" for hit in report.hits)
    if where == "text box":
        assert any(hit.where == "text box" for hit in report.hits)


def test_a_thumbnail_is_a_picture_a_person_must_look_at(tmp_path: Path, anonymiser: Anonymiser) -> None:
    path = tmp_path / "with thumbnail.docx"
    Document().save(str(path))  # python-docx's default template carries a thumbnail of a first page
    report = scan_file(path, anonymiser)
    assert [picture.part for picture in report.pictures] == ["docProps/thumbnail.jpeg"]
    assert not report.clean


def test_a_clean_word_document_passes(tmp_path: Path, anonymiser: Anonymiser) -> None:
    report = scan_file(clean_docx(tmp_path / "clean.docx"), anonymiser)
    assert report.clean, (report.hits, report.unreadable)


def planted_workbook(path: Path, where: str) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Date", "Event"])
    sheet.append(["04/03/2026", "Child A seen at home"])
    if where == "hidden sheet":
        hidden = book.create_sheet("Old notes")
        hidden["A1"] = "Liam Ostrow arrested"
        hidden.sheet_state = "hidden"
    elif where == "sheet name":
        book.create_sheet("Fenwick family")
    elif where == "cell comment":
        sheet["B2"].comment = Comment("Ask Tyler about this", "Anna Lisle")
    elif where == "properties":
        book.properties.creator = "Marcus Adeyemi-Hart"
    book.save(path)
    return path


@pytest.mark.parametrize(
    "where, expected",
    [
        ("hidden sheet", "Liam Ostrow"),
        ("sheet name", "Fenwick"),
        ("cell comment", "Tyler"),
        ("properties", "Marcus Adeyemi-Hart"),
    ],
)
def test_names_planted_in_every_part_of_a_workbook(
    tmp_path: Path, anonymiser: Anonymiser, where: str, expected: str
) -> None:
    report = scan_file(planted_workbook(tmp_path / f"{where}.xlsx", where), anonymiser)
    assert any(hit.matched == expected for hit in report.hits), report.hits
    if where == "cell comment":
        assert any(hit.matched == "Anna Lisle" for hit in report.hits)  # the comment's author


def test_a_clean_workbook_passes(tmp_path: Path, anonymiser: Anonymiser) -> None:
    assert scan_file(planted_workbook(tmp_path / "clean.xlsx", "none"), anonymiser).clean


def test_anonymising_removes_every_planted_name(tmp_path: Path, anonymiser: Anonymiser) -> None:
    sources = [planted(tmp_path, where) for where in ("header", "comment", "tracked change", "text box", "footnote",
                                                        "split runs", "core property")]  # fmt: skip
    sources += [planted_workbook(tmp_path / f"{w}.xlsx", w) for w in ("hidden sheet", "sheet name", "cell comment")]
    for source in sources:
        copy = tmp_path / f"anonymised {source.name}"
        copy.write_bytes(
            clean_copy(source.name, source.read_bytes(), anonymiser, PictureDesk(None, frozenset())).content
        )
        report = scan_file(copy, anonymiser)
        assert report.clean, (source.name, report.hits, report.unreadable)
        with zipfile.ZipFile(copy) as archive:
            assert "Anonymised" in archive.read("docProps/core.xml").decode()


def test_check_leaks_command(scrkit, review_dir: Path, tmp_path: Path) -> None:
    dirty = planted(tmp_path, "footer")
    clean = clean_docx(tmp_path / "clean.docx")
    result = scrkit("check-leaks", dirty, clean, "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert re.search(r"footer\d* \(paragraph\): 'Liam Ostrow'", result.out)
    assert scrkit("check-leaks", clean, "-r", review_dir).code == ExitCode.OK


def test_an_unreadable_part_fails_the_check(tmp_path: Path, anonymiser: Anonymiser) -> None:
    path = clean_docx(tmp_path / "broken.docx")
    edit_part(path, "word/footer9.xml", lambda _xml: "<w:ftr><w:p>not closed")
    report = scan_file(path, anonymiser)
    assert not report.clean and report.unreadable
