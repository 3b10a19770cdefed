"""`scrkit genogram`: the family drawn as Appendix 15 asks, to SVG and PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import stdout


def genogram(
    anonymise: Annotated[bool, typer.Option("--anonymise", help="Pseudonyms instead of names (1.9.1).")] = False,
    out: Annotated[
        Path | None, typer.Option(help="Where to write it (.svg; a .png is written beside). Default: REVIEW/reports/")
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Draw the family's genogram from the people records (squares, circles, lines as Appendix 15)."""
    from scrkit.jobs.genogram import draw_genogram

    for path in draw_genogram(review, anonymise, out):
        stdout().print(str(path), markup=False)


def register(app: typer.Typer) -> None:
    app.command()(genogram)
