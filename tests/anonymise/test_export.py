"""`scrkit export`: an anonymised, leak-checked pack; refused when anything leaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import pyzipper
from docx import Document

from scrkit.anonymise import export as export_module
from scrkit.anonymise.clean import CleanCopy
from scrkit.anonymise.export import LeaksFound
from scrkit.anonymise.leaks import Checker
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import ExitCode
from scrkit.jobs.anonymise import export
from scrkit.review.casefolder import CaseFolder


@pytest.fixture
def ready(scrkit, review_dir: Path) -> Path:
    assert scrkit("letters", "ofsted-notification", "action-plan", "--date", "18/09/2026", "--no-record-sent",
                  "-r", review_dir).code == 0  # fmt: skip
    assert scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26").code in (0, 1)
    (review_dir / "reports").mkdir(exist_ok=True)
    summary = Document()
    summary.add_heading("Executive summary", 1)
    summary.add_paragraph("Mia-Rose Fenwick (Mimi), born 11/03/2024, lived at 27 Quillan Close with Jodie Fenwick.")
    summary.add_paragraph("The review was chaired by Graham Tolland; Ruth Castellan wrote the overview report.")
    summary.save(str(review_dir / "reports" / "executive-summary Mia-Rose Fenwick.docx"))
    return review_dir


def test_export_for_ofsted_makes_a_clean_pack(scrkit, ready: Path) -> None:
    result = scrkit("export", "ofsted", "--date", "2026-11-26", "-r", ready)
    assert result.code == ExitCode.OK, result.err
    pack = ready / "exports" / "2026-11-26 ofsted"
    names = sorted(path.name for path in pack.iterdir())
    assert "executive-summary Child A.docx" in names  # a name never travels in a file name
    assert "integrated-chronology.xlsx" in names and "glossary.csv" in names
    assert any("ofsted-notification" in name for name in names)
    key = ready / "exports" / "2026-11-26 ofsted RESTRICTED key - do not send.csv"
    assert key.is_file() and "Mia-Rose Fenwick" in key.read_text(encoding="utf-8")  # beside, never inside
    anonymiser = Anonymiser(build_register(CaseFolder.open(ready).load()))
    for path in pack.iterdir():
        assert Checker(anonymiser).check_file(path).clean, path.name
    text = "\n".join(p.text for p in Document(str(pack / "executive-summary Child A.docx")).paragraphs)
    assert "Child A, born [date of birth], lived at [address] with Mother." in text  # no "Child A (Child A)"
    assert "chaired by Graham Tolland; Ruth Castellan wrote" in text  # 1.9.1: these are named
    assert "Anonymised" in Document(str(pack / "executive-summary Child A.docx")).core_properties.keywords
    assert scrkit("check-leaks", pack, "-r", ready).code == ExitCode.OK


def test_export_refuses_when_a_name_gets_through(ready: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = export_module.clean_copy

    def leaky(name: str, content: bytes, anonymiser: Anonymiser, pictures: object, check: bool = True) -> CleanCopy:
        if name.startswith("executive-summary"):
            return CleanCopy(content)  # as if the anonymiser had missed the whole document
        return real(name, content, anonymiser, pictures, check)  # type: ignore[arg-type]

    monkeypatch.setattr(export_module, "clean_copy", leaky)
    with pytest.raises(LeaksFound) as caught:
        export(ready, "ofsted", dt.date(2026, 11, 26))
    assert any(hit.matched == "Mia-Rose Fenwick" for report in caught.value.reports for hit in report.hits)
    exports = ready / "exports"
    assert not exports.exists() or list(exports.iterdir()) == []  # no pack, no key, no half-built folder


def test_export_refuses_a_document_it_cannot_read(ready: Path) -> None:
    broken = ready / "reports" / "overview-report.docx"
    broken.write_bytes(b"PK\x03\x04 not really a document")
    with pytest.raises(LeaksFound):
        export(ready, "ofsted", dt.date(2026, 11, 26))


def test_encrypted_pack(scrkit, ready: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scrkit.cli import review as review_commands

    monkeypatch.setattr(review_commands, "can_prompt", lambda: True)
    monkeypatch.setattr("typer.prompt", lambda *args, **kwargs: "correct horse battery")
    result = scrkit("export", "publication", "--date", "2026-11-26", "--encrypt", "-r", ready)
    assert result.code == ExitCode.OK, result.err
    archive_path = ready / "exports" / "2026-11-26 publication.zip"
    with pyzipper.AESZipFile(archive_path) as archive:
        archive.setpassword(b"correct horse battery")
        names = archive.namelist()
        assert "2026-11-26 publication/executive-summary Child A.docx" in names
        assert archive.read("2026-11-26 publication/glossary.csv").startswith(b"Pseudonym")
    with pyzipper.AESZipFile(archive_path) as archive, pytest.raises(RuntimeError):
        archive.setpassword(b"wrong")
        archive.read(names[0])


def test_encrypt_needs_a_terminal(scrkit, ready: Path) -> None:
    result = scrkit("export", "publication", "--encrypt", "-r", ready)
    assert result.code == ExitCode.BAD_INPUT and "never a flag" in result.err


def test_nothing_to_export_yet(scrkit, review_dir: Path) -> None:
    result = scrkit("export", "department", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "nothing to export" in result.err
