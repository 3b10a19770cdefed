"""`scrkit genogram`: the family drawn as Appendix 15 asks, to SVG and PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import say, stdout


def genogram(
    anonymise: Annotated[bool, typer.Option("--anonymise", help="Pseudonyms instead of names (1.9.1).")] = False,
    out: Annotated[
        Path | None, typer.Option(help="Where to write it (.svg; a .png is written beside). Default: REVIEW/reports/")
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Draw the family's genogram from the people records (squares, circles, lines as Appendix 15)."""
    from scrkit.genogram.draw import PLACED_WIDTH_MM, SMALLEST_NAME_POINTS
    from scrkit.jobs.genogram import draw_genogram

    drawn = draw_genogram(review, anonymise, out)
    for path in (drawn.svg, drawn.png):
        stdout().print(str(path), markup=False)
    if drawn.name_points < SMALLEST_NAME_POINTS:
        say(
            f"This family is drawn wide: placed {PLACED_WIDTH_MM} mm wide on an A4 page (as the IMR template and "
            f"the monthly report place it) its names print at {drawn.name_points:.1f} pt, below "
            f"{SMALLEST_NAME_POINTS} pt. Print the PNG on its own, landscape or on A3, for reading."
        )


def register(app: typer.Typer) -> None:
    app.command()(genogram)
