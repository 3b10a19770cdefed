"""Forms a second red team (a corpus not in the repository) used to hide registered values from
check-leaks; each is written here by hand so it can never come back (issue 12, item 3)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from scrkit.anonymise.clean import CannotClean, PictureDesk, clean_copy
from scrkit.anonymise.leaks import Checker
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import Anonymiser
from scrkit.office.word import document_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def anonymiser(example_records) -> Anonymiser:  # noqa: ANN001
    return Anonymiser(build_register(example_records))


def found(anonymiser: Anonymiser, name: str, content: bytes) -> list[str]:
    report = Checker(anonymiser).check(Path(name), content)
    return [hit.matched for hit in report.hits] + report.unreadable


@pytest.mark.parametrize(
    "text, secret",
    [
        ("Seen by Mr Qu\u0430yle.", "Darren Quayle: a Cyrillic a"),
        ("K\u0131eran Bracew\u0435ll", "Kieran Bracewell: a dotless i and a Cyrillic e"),
        ("Ki\ufe0eeran Brace\ufe0ewell", "variation selectors"),
        ("Fen\U000e0020wick family", "a tag character"),
        ("Call darren_quayle@example.org", "an underscore in an email address"),
        ("User kbracewell96 logged in", "an initial, a surname and digits run together"),
        ("#JusticeForMiaRose", "words run together"),
        ("Quayle2019 and Pike_S", "a name glued to digits and underscores"),
        ("Q U A Y L E", "letters spaced out"),
        ("Qua<!-- -->yle and Brace&#119;ell", "HTML inside a word"),
        ("Postcode AC4-7QZ", "a postcode with a hyphen"),
        ("Born 110324", "a date of birth as ddmmyy"),
        ("Born Mar-2024 11", "month, year, day"),
        ("Seen at 27 Quillan Clo.", "an abbreviated street"),
        ("Note: \u202ewortsO maiL\u202c", "text shown reversed"),
    ],
)
def test_a_value_hidden_in_text_is_found(anonymiser: Anonymiser, text: str, secret: str) -> None:
    assert found(anonymiser, "note.txt", text.encode("utf-8")), secret


@pytest.mark.parametrize(
    "encoding, text",
    [("mac_roman", "Mrs O\u2019Rourke called"), ("cp500", "Liam Ostrow was arrested"), ("utf-7", "Darren Quayle")],
)
def test_a_value_in_another_encoding_is_found(anonymiser: Anonymiser, encoding: str, text: str) -> None:
    assert found(anonymiser, "note.txt", text.encode(encoding)), encoding


def docx_with_body(paragraph_xml: str) -> bytes:
    document = Document()
    document.add_paragraph("Child A")
    data = document_bytes(document)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "word/document.xml":
                content = content.replace(b"<w:sectPr", paragraph_xml.encode() + b"<w:sectPr", 1)
            target.writestr(entry, content)
    return out.getvalue()


RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'


@pytest.mark.parametrize(
    "paragraph, secret",
    [
        (f"<w:p>{RUN.format('Brace')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r>{RUN.format('well')}</w:p>",
         "a hidden letter inside a name"),
        (f'<w:p>{RUN.format("Qu")}<w:r><w:sym w:font="Arial" w:char="0061"/></w:r>{RUN.format("yle")}</w:p>',
         "a letter written as a symbol"),
        (f"<w:p>{RUN.format('Yar')}<w:r><w:rPr><w:sz w:val='1'/></w:rPr><w:t xml:space='preserve'> </w:t></w:r>"
         f"{RUN.format('row')}</w:p>", "a tiny space inside a name"),
        ('<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>Marsh</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>Manager</w:t>'
         "</w:r></w:rubyBase></w:ruby></w:r></w:p>", "ruby text over another word"),
        ('<w:p xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:oMath><m:r><m:t>Brace</m:t>'
         "</m:r><m:r><m:t>well</m:t></m:r></m:oMath></w:p>", "a name in an equation"),
        ("<w:p><w:r><w:instrText> QUOTE \"Qua</w:instrText></w:r><w:r><w:instrText>yle\" </w:instrText></w:r></w:p>",
         "a field code split in two"),
    ],
)  # fmt: skip
def test_a_value_hidden_in_a_word_paragraph_is_found_and_never_copied(
    anonymiser: Anonymiser, paragraph: str, secret: str
) -> None:
    content = docx_with_body(paragraph)
    assert found(anonymiser, "imr.docx", content), secret
    try:
        copy = clean_copy("imr.docx", content, anonymiser, PictureDesk(None, frozenset()))
    except CannotClean:
        return  # refused: nothing goes out
    assert not found(anonymiser, "copy.docx", copy.content), secret


def test_what_a_zip_carries_besides_its_parts_is_read(anonymiser: Anonymiser) -> None:
    content = docx_with_body("")
    with_comment = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(with_comment, "w") as target:
        target.comment = b"Prepared by Liam Ostrow"
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
    assert "Liam Ostrow" in found(anonymiser, "a.docx", with_comment.getvalue())
    assert "Edith Hollis" in found(anonymiser, "b.docx", content + b"Edith Hollis")  # after the zip's end


def test_an_entity_declared_in_a_dtd_is_read_and_refused_in_a_copy(anonymiser: Anonymiser) -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY who "Edith Hollis">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&who;</w:t></w:r></w:p></w:body></w:document>'
    )
    source = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_with_body(""))) as original, zipfile.ZipFile(source, "w") as target:
        for entry in original.infolist():
            data = xml.encode() if entry.filename == "word/document.xml" else original.read(entry)
            target.writestr(entry, data)
    assert "Edith Hollis" in found(anonymiser, "c.docx", source.getvalue())
    with pytest.raises(CannotClean, match="document type declaration"):
        clean_copy("c.docx", source.getvalue(), anonymiser, PictureDesk(None, frozenset()))
