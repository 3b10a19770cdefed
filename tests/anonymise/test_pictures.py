"""Pictures in outgoing files (issue 12, item 2), and what is refused before a passphrase is asked."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm

from scrkit.anonymise.leaks import picture_hash
from scrkit.errors import ExitCode
from scrkit.genogram.draw import genogram
from scrkit.jobs.anonymise import PicturesWaiting, export, register_picture
from scrkit.office.word import document_bytes
from scrkit.review.casefolder import CaseFolder

ON = dt.date(2026, 12, 3)


def png(width: int = 40, height: int = 20, shade: int = 200) -> bytes:
    """A small grey PNG with no text: a board's logo, say."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes([shade]) * width * 3 for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def with_picture(path: Path, picture: bytes, text: str = "Child A was seen at home.") -> Path:
    document = Document()
    document.add_paragraph(text)
    document.add_picture(io.BytesIO(picture), width=Cm(8))
    path.write_bytes(document_bytes(document))
    return path


def media(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return [archive.read(name) for name in archive.namelist() if name.startswith("word/media/")]


def test_a_picture_nobody_confirmed_stops_the_pack_until_a_person_confirms_it(review_dir: Path) -> None:
    logo = png()
    with_picture(review_dir / "imrs" / "IMR police.docx", logo)
    with pytest.raises(PicturesWaiting) as waiting:
        export(review_dir, "ofsted", ON)
    digest = picture_hash(logo)
    preview = review_dir / "exports" / "pictures to check" / f"{digest[:12]}.png"
    assert preview.read_bytes() == logo and digest[:12] in waiting.value.message
    assert not (review_dir / "exports" / "2026-12-03 ofsted").exists()

    assert register_picture(review_dir, digest[:12], "Business Manager", ON) == digest
    confirmed = CaseFolder.open(review_dir).load().register.pictures
    assert [(p.sha256, p.confirmed_by, p.confirmed_on) for p in confirmed] == [(digest, "Business Manager", ON)]
    assert "register picture" in (review_dir / "audit.log").read_text(encoding="utf-8")

    result = export(review_dir, "ofsted", ON)
    assert media(result.pack / "IMR police.docx") == [logo]  # the confirmed picture travels unchanged


def test_a_changed_picture_is_a_new_picture(review_dir: Path) -> None:
    register_picture_for = png(shade=200)
    with_picture(review_dir / "imrs" / "IMR police.docx", register_picture_for)
    with pytest.raises(PicturesWaiting):
        export(review_dir, "ofsted", ON)
    register_picture(review_dir, picture_hash(register_picture_for)[:12], "Business Manager", ON)
    with_picture(review_dir / "imrs" / "IMR police.docx", png(shade=201))  # one shade different
    with pytest.raises(PicturesWaiting):
        export(review_dir, "ofsted", ON)


def test_the_genogram_drawn_with_real_names_is_drawn_again_anonymised(review_dir: Path) -> None:
    records = CaseFolder.open(review_dir).load()
    real, anonymised = genogram(records).png, genogram(records, anonymise=True).png
    with_picture(review_dir / "imrs" / "IMR social care.docx", real)
    result = export(review_dir, "ofsted", ON)
    assert media(result.pack / "IMR social care.docx") == [anonymised]
    assert result.redrawn


def test_check_leaks_fails_a_folder_holding_what_it_cannot_read(scrkit, review_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "to send"
    folder.mkdir()
    (folder / "notes.txt").write_text("Child A was seen.", encoding="utf-8")
    (folder / "old letter.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (folder / "photo.png").write_bytes(png())
    with_picture(folder / "report.docx", genogram(CaseFolder.open(review_dir).load()).png)
    result = scrkit("check-leaks", folder, "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "old letter.doc: could not be checked" in result.out
    assert "photo.png" in result.out and "a person must look at it" in result.out
    assert "report.docx: word/media/image1.png (picture): 'genogram'" in result.out  # drawn with real names
    assert "notes.txt" not in result.out


def test_the_passphrase_is_asked_only_after_every_check_has_passed(review_dir: Path) -> None:
    with_picture(review_dir / "imrs" / "IMR police.docx", png())
    asked: list[bool] = []

    def passphrase() -> str:
        asked.append(True)
        return "correct horse battery staple"

    with pytest.raises(PicturesWaiting):
        export(review_dir, "ofsted", ON, passphrase)
    assert asked == []
