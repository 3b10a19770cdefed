"""Drawing a review's genogram to SVG and PNG (what `scrkit genogram` and the documents use)."""

from __future__ import annotations

from dataclasses import dataclass

from scrkit.case.records import ReviewRecords
from scrkit.genogram.layout import NAME_SIZE, Drawing, layout
from scrkit.genogram.png import to_png
from scrkit.genogram.svg import to_svg

# The Title of every genogram PNG: an outgoing copy replaces a picture so marked with the anonymised
# drawing (scrkit.anonymise.clean.pictures reads the mark).
GENOGRAM_MARK = "scrkit genogram"
ANONYMISED_MARK = "scrkit genogram (anonymised)"


# The letters and the monthly report place the genogram this wide on an A4 page; names should
# print at 8 pt or more there (issue 17).
PLACED_WIDTH_MM = 160
SMALLEST_NAME_POINTS = 8


@dataclass(frozen=True)
class Genogram:
    drawing: Drawing
    svg: str
    png: bytes

    @property
    def name_points(self) -> float:
        """How big its names print when the drawing is placed ``PLACED_WIDTH_MM`` wide."""
        return NAME_SIZE / self.drawing.width * PLACED_WIDTH_MM / (25.4 / 72)


def genogram(records: ReviewRecords, anonymise: bool = False) -> Genogram:
    title = f"Genogram, Serious Case Review {records.review.reference}" + (" (anonymised)" if anonymise else "")
    drawing = layout(records, anonymise)
    return Genogram(
        drawing=drawing,
        svg=to_svg(drawing, title),
        png=to_png(drawing, title, mark=ANONYMISED_MARK if anonymise else GENOGRAM_MARK),
    )
