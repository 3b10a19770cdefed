"""Build the completed example review (examples/brackenford-scr-2026-07) by running the README's
walk-through, command by command, as a business manager would (a maintainers' script; it is not in
the wheel, the example it makes is).

    .venv/bin/python tools/make_completed_example.py

`scrkit demo` copies the example to show the end of a review (overview report, executive summary,
minutes, adoption, publication, evaluation); tests/test_walkthrough.py runs the same script.
Every name, address and date in it is invented.
"""

from __future__ import annotations

import os
import shlex
import shutil
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COMPLETED = ROOT / "examples" / "brackenford-scr-2026-07"
START, END = "<!-- walkthrough: start -->\n```sh\n", "```\n<!-- walkthrough: end -->"
AGENCIES_REPLY = "# The agencies fill in their templates in Excel and send them back: save each in chronology/returns/"
# What the walk-through makes that belongs to no record: rendered documents, packs, the machine's lock.
NOT_KEPT = ("letters", "exports", "reports", "anonymised", ".scrkit-lock")


def script() -> list[str]:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text, "README.md has lost its walk-through"
    return text.split(START, 1)[1].split(END, 1)[0].splitlines()


def agencies_fill_in_their_templates(review: Path) -> list[str]:
    """What each agency does in Excel: one event a row on its template's Chronology sheet, saved
    under its own name into chronology/returns/ (App 7)."""
    events = []
    for number, template in enumerate(sorted((review / "chronology" / "templates").glob("*.xlsx")), start=1):
        book = openpyxl.load_workbook(template)
        sheet = book["Chronology"]
        event = f"Home visit {number}: the baby was seen asleep in her cot; mother said she was feeding well."
        row = [1, f"{10 + number}/06/2025", "10:30", None, "C, M", "Y", event, "Case file", "None needed", None]
        for column, value in enumerate(row, start=1):
            sheet.cell(row=7, column=column, value=value)
        book.save(review / "chronology" / "returns" / template.name)
        events.append(event)
    return events


def run(folder: Path) -> Path:
    """The walk-through run in ``folder``; the review it made."""
    from scrkit.cli import main

    here = Path.cwd()
    os.chdir(folder)
    try:
        for number, line in enumerate(script(), start=1):
            if line == AGENCIES_REPLY:
                agencies_fill_in_their_templates(Path.cwd())
                continue
            if not line.strip() or line.startswith("#"):
                continue
            words = shlex.split(line)
            if words[0] == "cd":
                os.chdir(words[1])
                continue
            code = main(words[1:])
            if code != 0:
                raise SystemExit(f"walk-through line {number} failed (exit {code}): {line}")
        return Path.cwd()
    finally:
        os.chdir(here)


if __name__ == "__main__":
    os.environ["SCRKIT_CACHE_DIR"] = tempfile.mkdtemp()
    with tempfile.TemporaryDirectory() as scratch:
        review = run(Path(scratch))
        if COMPLETED.exists():
            shutil.rmtree(COMPLETED)
        shutil.copytree(review, COMPLETED, ignore=lambda folder, names: [n for n in names if n in NOT_KEPT])
    print(f"wrote {COMPLETED.relative_to(ROOT)}")
