"""How fast scrkit renders the example review's letters, against docxtpl on the same templates.

    .venv/bin/python benchmarks/letters_throughput.py [--rounds 3]

It renders every letter and form for every recipient of the example review (about 60 documents)
in memory, and in the same run renders the same templates with plain docxtpl and a minimal
context (the baseline: the library's own cost, without scrkit's facts, checks and properties).
It prints documents per second for both and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrkit.letters.catalogue import catalogue  # noqa: E402
from scrkit.letters.rendering import plan, render_all  # noqa: E402
from scrkit.review.casefolder import CaseFolder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from scrkit.letters import engine

    plain = Environment(autoescape=True)  # no sandbox, no strictness: docxtpl's own cost
    plain.filters.update(long=engine._long, short=engine._short)

    with tempfile.TemporaryDirectory() as temp:
        review = Path(temp) / "review"
        shutil.copytree(ROOT / "examples" / "ashcombe-scr-2026-03", review)
        text = (review / "review.yaml").read_text(encoding="utf-8")
        text = text.replace(
            "practitioner_debriefing:   # de-briefing for practitioners after approval (16.2, App 10)\n"
            "  date:\n  time:\n  venue:\n",
            'practitioner_debriefing:\n  date: 2027-05-12\n  time: "13:30"\n  venue: Training Suite\n',
        )
        (review / "review.yaml").write_text(text, encoding="utf-8")
        names = [spec.name for spec in catalogue().letters]
        scrkit_rates, baseline_rates = [], []
        count = 0
        for _ in range(rounds):
            start = time.perf_counter()
            timetable, planned = plan(CaseFolder.open(review), names, None, dt.date(2026, 12, 24))
            documents = render_all(planned, timetable.records.board.name, dt.datetime(2026, 12, 24))
            elapsed = time.perf_counter() - start
            count = len(documents)
            scrkit_rates.append(count / elapsed)

            start = time.perf_counter()
            for document in planned:
                template = DocxTemplate(str(document.template))
                template.render(document.context, plain, autoescape=True)
                template.save(io.BytesIO())
            baseline_rates.append(len(planned) / (time.perf_counter() - start))
    ours, theirs = statistics.median(scrkit_rates), statistics.median(baseline_rates)
    print(f"documents per round: {count} ({len(names)} letters and forms, every recipient)")
    print(f"scrkit (load review, plan, render, set properties): {ours:.1f} documents/s")
    print(f"baseline (plain docxtpl render, unsandboxed, same templates and facts): {theirs:.1f} documents/s")
    print(f"ratio scrkit / baseline: {ours / theirs:.2f}x")


if __name__ == "__main__":
    main()
