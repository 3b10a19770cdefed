"""`scrkit status` over a board's portfolio of reviews, against one review, in the same run.

    .venv/bin/python benchmarks/status_portfolio.py [--reviews 100] [--runs 5]

Copies the example review N times (each its own folder, as a board's shared drive holds them),
then times, alternately and each in a fresh process:
  one        scrkit status -r REVIEW --today 2026-11-26
  portfolio  scrkit status REVIEW-1 ... REVIEW-N --today 2026-11-26
and prints the median of each, the cost of each further review and the ratio. Target: 100
reviews in at most 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from common import EXAMPLE, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folders = []
        for number in range(1, arguments.reviews + 1):
            folder = Path(temp) / f"SCR-2026-{number:03d}"
            shutil.copytree(EXAMPLE, folder)
            review = folder / "review.yaml"
            review.write_text(
                review.read_text(encoding="utf-8").replace("SCR-2026-03", f"SCR-2026-{number:03d}"), encoding="utf-8"
            )
            folders.append(str(folder))
        status = [sys.executable, "-m", "scrkit", "status", "--today", "2026-11-26"]
        commands = {"one": [*status, "-r", folders[0]], "portfolio": [*status, *folders]}
        for command in commands.values():  # warm the file cache once
            timed(command)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(arguments.runs):
            for name, command in commands.items():
                samples[name].append(timed(command))
    one, portfolio = statistics.median(samples["one"]), statistics.median(samples["portfolio"])
    each = (portfolio - one) / max(arguments.reviews - 1, 1)
    print(f"runs: {arguments.runs} each, alternating")
    print(f"scrkit status, one review:              median {one * 1000:.0f} ms")
    print(f"scrkit status, {arguments.reviews} reviews:            median {portfolio * 1000:.0f} ms")
    print(f"each further review: {each * 1000:.1f} ms; ratio portfolio / one: {portfolio / one:.2f}x")
    print(f"target: {arguments.reviews} reviews in at most 2 s -> {'met' if portfolio <= 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
