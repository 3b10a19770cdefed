"""Merging chronology returns at scale, against a naive openpyxl pipeline in the same run.

    .venv/bin/python benchmarks/chronology_merge.py [--returns 20] [--rows 5000]

Builds a review with N agencies and one .xlsx return each (App 7 columns, free-text events of
200-400 characters, dates as date cells, a mix of text dates), then times, each in a fresh process:

  scrkit    `scrkit merge-chronology` (python-calamine read, xlsxwriter constant-memory write)
  naive     openpyxl load in normal mode + openpyxl write in normal mode of the same rows

and prints seconds, peak memory and the ratio. It also times 6 returns of 500 rows through the
command line, start-up included. Targets: 100,000 events in at most 8 s and 300 MB, at least 6x
faster than the naive pipeline; 6 x 500 rows in at most 0.6 s. Needs the `bench` extra (xlsxwriter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP7 = ["Event No", "Date", "Time", "Age of Child", "Family Member", "Child seen/wishes sought or expressed (Y/N)",
        "Event", "Agency source to overview", "Action taken", "Note"]  # fmt: skip
WORDS = tuple(
    "home visit health visitor mother child seen bruise cheek police attended domestic abuse referral school "  # noqa: SIM905
    "attendance concern strategy meeting assessment plan outreach support GP consultation letter filed record "
    "discussed supervision manager agreed follow up review appointment missed contact telephone".split()
)


def make_review(folder: Path, agencies: int) -> Path:
    review = folder / "review"
    subprocess.run(
        [sys.executable, "-m", "scrkit", "new", str(review), "--reference", "SCR-BENCH", "--child-name", "Robin Bench",
         "--dob", "2020-01-01", "--incident-date", "2026-01-01", "--referral-date", "2026-01-02", "--no-input"],
        check=True, capture_output=True,
    )  # fmt: skip
    lines = ["agencies:"]
    for number in range(agencies):
        lines += [f"  - id: agency-{number:02d}", f"    name: Agency {number:02d}", "    kind: other"]
    (review / "agencies.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return review


def make_returns(review: Path, count: int, rows: int, seed: int = 7) -> None:
    import xlsxwriter

    generator = random.Random(seed)
    returns = review / "chronology" / "returns"
    for number in range(count):
        book = xlsxwriter.Workbook(str(returns / f"agency-{number:02d} chronology.xlsx"), {"constant_memory": True})
        sheet = book.add_worksheet("Chronology")
        date_format = book.add_format({"num_format": "dd/mm/yyyy"})
        for column, heading in enumerate(APP7):
            sheet.write_string(0, column, heading)
        start = dt.date(2019, 6, 1)
        for row in range(1, rows + 1):
            day = start + dt.timedelta(days=generator.randrange(0, 2400))
            text = " ".join(generator.choice(WORDS) for _ in range(generator.randrange(32, 60)))[:400]
            sheet.write_number(row, 0, row)
            if row % 10 == 0:
                sheet.write_string(row, 1, day.strftime("%d/%m/%Y"))  # some dates typed as text
            else:
                sheet.write_datetime(row, 1, dt.datetime.combine(day, dt.time()), date_format)
            sheet.write_string(row, 2, f"{generator.randrange(8, 18):02d}:{generator.choice(('00', '15', '30'))}")
            sheet.write_string(row, 4, generator.choice(("M", "F", "C", "MP")))
            sheet.write_string(row, 5, generator.choice(("Y", "N", "")))
            sheet.write_string(row, 6, text)
            sheet.write_string(row, 7, "Case record")
            sheet.write_string(row, 8, "Recorded; no further action")
        book.close()


MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
{body}
print(json.dumps({{"seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

SCRKIT = """
from scrkit.cli import main
code = main(["merge-chronology", "-r", {review!r}, "--out", {out!r}, "--today", "2026-11-26"])
assert code in (0, 1), code
"""

NAIVE = """
from pathlib import Path
import openpyxl
rows = []
for path in sorted(Path({returns!r}).glob("*.xlsx")):
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows.extend(list(row) for row in sheet.iter_rows(min_row=2, values_only=True))
rows.sort(key=lambda row: (str(row[1]), str(row[2])))
out = openpyxl.Workbook()
sheet = out.active
for row in rows:
    sheet.append(row)
out.save({out!r})
"""


def measure(body: str) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE.format(body=body)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--returns", type=int, default=20)
    parser.add_argument("--rows", type=int, default=5000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        review = make_review(folder / "big", arguments.returns)
        make_returns(review, arguments.returns, arguments.rows)
        events = arguments.returns * arguments.rows
        ours = measure(SCRKIT.format(review=str(review), out=str(folder / "ours.xlsx")))
        naive = measure(NAIVE.format(returns=str(review / "chronology" / "returns"), out=str(folder / "naive.xlsx")))
        print(f"{arguments.returns} returns x {arguments.rows} rows = {events:,} events")
        print(f"scrkit merge-chronology: {ours['seconds']:.1f} s, peak {ours['peak_mb']:.0f} MB")
        print(f"naive openpyxl pipeline: {naive['seconds']:.1f} s, peak {naive['peak_mb']:.0f} MB")
        print(f"ratio naive / scrkit: {naive['seconds'] / ours['seconds']:.2f}x faster")

        small = make_review(folder / "small", 6)
        make_returns(small, 6, 500, seed=11)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "scrkit", "merge-chronology", "-r", str(small), "--today", "2026-11-26"],
            capture_output=True, check=False,
        )  # fmt: skip
        print(f"6 returns x 500 rows, command line including start-up: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
