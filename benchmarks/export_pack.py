"""Exporting a pack whose integrated chronology is large, against a baseline in the same run.

    .venv/bin/python benchmarks/export_pack.py [--returns 10] [--rows 2000]

Builds a review with N agencies' returns (as benchmarks/chronology_merge.py does), merges them,
then times, each in a fresh process:

  scrkit    `scrkit export ofsted`: every file rebuilt as a clean copy, anonymised, checked again in
            every byte, names no record holds looked for, the pack written
  baseline  the least any XML-level anonymiser must do to the same files: unzip every part, parse
            and serialise each XML part with lxml, zip them again

and prints seconds, peak memory and the ratio (how many times the baseline's work an export costs).
Needs the `bench` extra (xlsxwriter).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chronology_merge import make_returns, make_review, measure  # noqa: E402

SCRKIT = """
from scrkit.cli import main
code = main(["export", "ofsted", "-r", {review!r}, "--date", "2026-12-03"])
assert code == 0, code
"""

BASELINE = """
import io, zipfile
from pathlib import Path
from lxml import etree
parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
for path in [Path({chronology!r})]:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename.endswith((".xml", ".rels")):
                data = etree.tostring(etree.fromstring(data, parser))
            target.writestr(entry, data)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--returns", type=int, default=10)
    parser.add_argument("--rows", type=int, default=2000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        review = make_review(Path(temp), arguments.returns)
        make_returns(review, arguments.returns, arguments.rows)
        merged = measure(
            "from scrkit.cli import main\n"
            f"assert main(['merge-chronology', '-r', {str(review)!r}, '--today', '2026-11-26']) in (0, 1)"
        )
        chronology = review / "chronology" / "integrated-chronology.xlsx"
        events = arguments.returns * arguments.rows
        ours = measure(SCRKIT.format(review=str(review)))
        baseline = measure(BASELINE.format(chronology=str(chronology)))
        print(f"{events:,} events, integrated chronology {chronology.stat().st_size / 1e6:.1f} MB "
              f"(merged in {merged['seconds']:.1f} s)")  # fmt: skip
        print(f"scrkit export ofsted: {ours['seconds']:.1f} s, peak {ours['peak_mb']:.0f} MB")
        print(f"baseline parse+serialise: {baseline['seconds']:.1f} s, peak {baseline['peak_mb']:.0f} MB")
        print(f"ratio export / baseline: {ours['seconds'] / baseline['seconds']:.1f}x the baseline's time")


if __name__ == "__main__":
    main()
