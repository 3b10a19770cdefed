"""Opening generated documents in a real office suite: LibreOffice converts them to PDF, poppler reads
the pages back. CI installs both (.ci/run); see the README to install them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


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
