"""The job for `scrkit genogram`: the family drawn as Appendix 15 asks, to SVG and PNG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scrkit.case.layout import genogram_file
from scrkit.review.casefolder import CaseFolder


@dataclass(frozen=True)
class DrawnGenogram:
    svg: Path
    png: Path
    name_points: float  # how big its names print placed across an A4 page (letters, the monthly report)


def draw_genogram(review: Path, anonymise: bool = False, out: Path | None = None) -> DrawnGenogram:
    """The SVG and the PNG beside it, in the review's reports/ folder unless ``out`` names another place."""
    from scrkit.genogram.draw import genogram

    with CaseFolder.open(review).changing("genogram") as change:
        drawn = genogram(change.records, anonymise)
        svg = out.with_suffix(".svg") if out else change.path / genogram_file(anonymise)
        png = svg.with_suffix(".png")
        change.write_file(svg, drawn.svg.encode("utf-8"))
        change.write_file(png, drawn.png)
    return DrawnGenogram(svg=svg, png=png, name_points=drawn.name_points)
