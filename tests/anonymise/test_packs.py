"""The packs the example review sends (issue 12, "Done when"): after `scrkit report`, with IMRs
written on scrkit's own App 6 template in imrs/, the Ofsted, Department and publication packs hold
no real name, address or date of birth in any byte of any file, and every picture in them is
scrkit's anonymised drawing of the family. The search here does not trust the checker: it unzips
every file and looks for each registered value in every part, as text, itself."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from scrkit.anonymise.folding import folded_key
from scrkit.anonymise.register import build_register
from scrkit.errors import ExitCode
from scrkit.genogram.draw import genogram
from scrkit.review.casefolder import CaseFolder
from tests.office import pdf_text

PICTURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"\x01\x00\x00\x00", b"\xd7\xcd\xc6\x9a")


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from scrkit.cli import main
    from scrkit.resources import example_review

    review = tmp_path_factory.mktemp("packs") / "review"
    shutil.copytree(example_review(), review)

    def run(*args: str) -> int:
        return main([*args, "-r", str(review)])

    letters = ["imr-template", "ofsted-notification", "department-notification", "action-plan"]
    assert run("letters", *letters, "--date", "03/12/2026", "--no-record-sent") == 0
    for imr in (review / "letters").glob("*imr-template*.docx"):  # the authors write on the template
        shutil.copy(imr, review / "imrs" / imr.name.replace("imr-template", "IMR"))
    assert run("report", "--today", "2026-12-03") == 0  # the monthly update: internal, never sent
    assert run("merge-chronology", "--today", "2026-12-03") in (0, 1)
    for audience in ("ofsted", "department", "publication"):
        assert run("export", audience, "--date", "2026-12-03") == ExitCode.OK, audience
    return review


def secrets(review: Path) -> list[str]:
    """Every full name, surname, address line and date of birth (in three forms) in the register."""
    records = CaseFolder.open(review).load()
    found: set[str] = set()
    for person in build_register(records).people:
        for name in person.names:
            found.add(name)
        found.update(surname for surname in person.surnames if len(surname) > 3)
        found.update(person.addresses)
        for day in person.dates_of_birth:
            found.update({day.isoformat(), f"{day:%d/%m/%Y}", f"{day.day} {day:%B %Y}"})
    return sorted(found)


def holds(text: str, secret: str) -> bool:
    """The secret as a whole word or words, in any case, spaces and hyphens alike ("Hart" is not in "chart")."""
    return re.search(rf"(?<!\w){re.escape(folded_key(secret))}(?!\w)", folded_key(text)) is not None


def parts(content: bytes, name: str) -> dict[str, bytes]:
    """Every part a reader could reach: a zip unzipped, recursively."""
    if not content.startswith(b"PK"):
        return {name: content}
    found: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for entry in archive.namelist():
            found.update(parts(archive.read(entry), f"{name} › {entry}"))
    return found


def readable(content: bytes) -> str:
    for encoding in ("utf-8", "utf-16"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


@pytest.mark.parametrize("audience", ["ofsted", "department", "publication"])
def test_no_real_name_address_or_date_of_birth_in_any_byte_of_any_file(packed: Path, audience: str) -> None:
    pack = packed / "exports" / f"2026-12-03 {audience}"
    files = sorted(pack.iterdir())
    assert files, audience
    wanted = secrets(packed)
    anonymised_drawing = hashlib.sha256(genogram(CaseFolder.open(packed).load(), anonymise=True).png).hexdigest()
    found, pictures = [], []
    for path in files:
        found.extend(f"{path.name} (file name): {secret}" for secret in wanted if holds(path.name, secret))
        for part, content in parts(path.read_bytes(), path.name).items():
            if content.startswith(PICTURES):
                pictures.append((part, hashlib.sha256(content).hexdigest()))
                continue
            text = pdf_text(path) if content.startswith(b"%PDF") else readable(content)
            searchable = re.sub(r"<[^>]+>", " ", text)
            found.extend(f"{part}: {secret}" for secret in wanted if holds(searchable, secret))
    assert found == []
    assert all(digest == anonymised_drawing for _part, digest in pictures), pictures


def test_internal_documents_never_go(packed: Path) -> None:
    for pack in (packed / "exports").iterdir():
        if pack.is_dir() and not pack.name.startswith((".", "pictures")):
            names = [path.name for path in pack.iterdir()]
            assert not any("monthly update" in name or "RESTRICTED" in name or name.endswith(".yaml") for name in names)


def test_the_imrs_on_the_app_6_template_carry_the_family_drawn_anonymised(packed: Path) -> None:
    pack = packed / "exports" / "2026-12-03 ofsted"
    imrs = sorted(pack.glob("* IMR *.docx"))
    assert len(imrs) == len(list((packed / "imrs").glob("*.docx"))) > 0
    anonymised_drawing = genogram(CaseFolder.open(packed).load(), anonymise=True).png
    for imr in imrs:
        with zipfile.ZipFile(imr) as archive:
            media = [archive.read(name) for name in archive.namelist() if name.startswith("word/media/")]
        assert media == [anonymised_drawing], imr.name


def test_publication_is_also_sent_as_pdf_and_its_text_is_anonymised(packed: Path) -> None:
    pack = packed / "exports" / "2026-12-03 publication"
    pdfs = sorted(pack.glob("*.pdf"))
    assert pdfs and len(pdfs) == len(list(pack.glob("*.docx")))
    for pdf in pdfs:
        text = pdf_text(pdf)
        assert "Mia-Rose" not in text and "Fenwick" not in text and "action plan" in text.lower()


def test_a_second_pack_the_same_day_is_a_new_numbered_folder(packed: Path) -> None:
    from scrkit.cli import main

    first = sorted((packed / "exports" / "2026-12-03 ofsted").iterdir())
    assert main(["export", "ofsted", "--date", "2026-12-03", "-r", str(packed)]) == ExitCode.OK
    assert (packed / "exports" / "2026-12-03 ofsted (2)").is_dir()
    assert sorted((packed / "exports" / "2026-12-03 ofsted").iterdir()) == first  # the first is untouched
