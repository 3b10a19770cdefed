"""Every generated document opens in a real office suite: LibreOffice converts it to PDF and
pdftotext reads the facts back. CI installs both (.ci/run); see the README to install them."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from scrkit.jobs.letters import render_letters
from scrkit.letters.catalogue import catalogue


def _office() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found or not shutil.which("pdftotext"):
        pytest.fail(
            "LibreOffice (soffice) and pdftotext are needed to check generated documents in a real office suite: "
            "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils"
        )
    return found


def to_pdf(documents: list[Path], folder: Path) -> dict[str, Path]:
    """Convert all documents in one LibreOffice run (one private profile per run)."""
    profile = folder / "lo-profile"
    out = folder / "pdf"
    subprocess.run(
        [_office(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, documents)],
        check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(folder)},
    )  # fmt: skip
    return {document.stem: out / f"{document.stem}.pdf" for document in documents}


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    completed = subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, check=True)
    return completed.stdout.decode("utf-8")


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_every_document_converts_and_shows_its_facts(ready_review: Path, tmp_path: Path) -> None:
    names = [spec.name for spec in catalogue().letters]
    paths = render_letters(ready_review, names, None, dt.date(2026, 12, 24), created=dt.datetime(2026, 12, 24)).written
    pdfs = to_pdf(paths, tmp_path)
    for path in paths:
        pdf = pdfs[path.stem]
        assert pdf.is_file(), f"LibreOffice could not convert {path.name}"
        text = " ".join(pdf_text(pdf).split())
        assert "Ashcombe Local Safeguarding Children Board" in text, path.name
        assert "SCR-2026-03" in text, path.name

    request = " ".join(pdf_text(pdfs["2026-12-24 scr-request police"]).split())
    assert "Mia-Rose Fenwick" in request
    assert "by 31 December 2026" in request  # 3 working days after 24 December 2026
    assert "40 Castle Street" in request
    assert "Enclosure: referral form" in request  # the end of the letter made it to the page

    referral = " ".join(pdf_text(pdfs["2026-12-24 referral-form"]).split())
    assert "11/03/2024" in referral and "Bracewell" in referral and "End of referral form" in referral

    # 2.2.4: every page of the terms of reference carries its version and date in the footer.
    tor = pdfs["2026-12-24 terms-of-reference"]
    pages = page_count(tor)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = " ".join(pdf_text(tor, page).split())
        assert "Terms of reference version 3, 9 October 2026" in text, f"page {page} of {pages}"
        assert f"Page {page} of {pages}" in text
