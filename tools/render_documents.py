"""Render every document kind scrkit makes from the example review, as PNG pages to look at.

A maintainers' helper (issue 17, item 6; not in the wheel). It copies the example review into a
new folder, runs the commands a business manager would (every letter and form, the merged
chronology and its Word template, the monthly report, the genogram), then converts each
document with LibreOffice and each PDF page with pdftoppm:

    .venv/bin/python tools/render_documents.py [OUTPUT-FOLDER] [--date DD/MM/YYYY] [--dpi 60]

Open the PNG files it lists and look at every page. So that every letter can be seen, the copy's
de-briefing is arranged and the LSCB's approval recorded (16.2.1), and a letter refused because a
date it names has passed is rendered again on the date the IMRs were commissioned (14/10/2026).
A letter still refused is reported with scrkit's own message instead of a picture.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ashcombe-scr-2026-03"


def scrkit(review: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrkit", *arguments]
    # A cache of its own: this machine's anchor of a folder rendered before would not match the new copy.
    environment = {**os.environ, "COLUMNS": "200", "SCRKIT_CACHE_DIR": str(review.parent / "cache")}
    return subprocess.run(command, cwd=review, capture_output=True, text=True, env=environment)


COMMISSIONED = "14/10/2026"


def arrange_debriefing(review: Path) -> None:
    record = review / "review.yaml"
    text = record.read_text(encoding="utf-8")
    old = (
        "practitioner_debriefing:   # de-briefing for practitioners after approval (16.2, App 10)\n"
        "  date:\n  time:\n  venue:\n"
    )
    new = 'practitioner_debriefing:\n  date: 2027-05-12\n  time: "13:30"\n  venue: Training Suite, Weaver House\n'
    record.write_text(text.replace(old, new), encoding="utf-8")
    result = scrkit(review, "done", "completion", "--date", "01/12/2026")
    if result.returncode:
        print("completion: not recorded\n  " + (result.stdout + result.stderr).strip())


def letter_names() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from scrkit.letters.catalogue import catalogue

    return [entry.name for entry in catalogue().letters]


def render(output: Path, date: str | None, dpi: int) -> list[Path]:
    review = output / "review"
    shutil.copytree(EXAMPLE, review)
    dated = ["--date", date] if date else []
    arrange_debriefing(review)
    for name in letter_names():
        result = scrkit(review, "letters", name, "--no-record-sent", *dated)
        if result.returncode and "would not be true on its date" in result.stderr:
            result = scrkit(review, "letters", name, "--no-record-sent", "--date", COMMISSIONED)
        if result.returncode:
            print(f"{name}: not rendered\n  " + (result.stdout + result.stderr).strip().replace("\n", "\n  "))
    for arguments in (
        ("merge-chronology",),
        ("chronology", "template", "--agency", "police", "--word"),
        ("chronology", "template", "--agency", "police"),
        ("report", "--out", "monthly-report.docx", *(["--today", date] if date else [])),
        ("genogram", "--out", "genogram.svg"),
    ):
        result = scrkit(review, *arguments)
        if result.returncode not in (0, 1):
            print(f"{' '.join(arguments)}: failed\n  " + (result.stdout + result.stderr).strip())
    documents = sorted(
        path
        for pattern in ("letters/**/*.docx", "chronology/*.xlsx", "chronology/templates/*", "*.docx")
        for path in review.glob(pattern)
    )
    pdfs = output / "pdf"
    pdfs.mkdir()
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(pdfs), *map(str, documents)],
            capture_output=True, check=True,
        )  # fmt: skip
    pages = output / "png"
    pages.mkdir()
    for pdf in sorted(pdfs.glob("*.pdf")):
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(pages / pdf.stem)], check=True)
    for picture in review.glob("*.png"):
        shutil.copy(picture, pages / picture.name)
    return sorted(pages.glob("*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, help="an empty or new folder (default: a temporary one)")
    parser.add_argument("--date", help="the letters' and report's date, as scrkit takes it")
    parser.add_argument("--dpi", type=int, default=60)
    options = parser.parse_args()
    output = options.output or Path(tempfile.mkdtemp(prefix="scrkit-documents-"))
    output.mkdir(parents=True, exist_ok=True)
    if any(output.iterdir()):
        sys.exit(f"{output} is not empty: give a new folder")
    for page in render(output, options.date, options.dpi):
        print(page)


if __name__ == "__main__":
    main()
