"""`scrkit genogram`: the family drawn as Appendix 15 asks, to SVG and PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scrkit.cli.options import ReviewOption
from scrkit.cli.terminal import stdout
from scrkit.review.casefolder import CaseFolder


def genogram(
    anonymise: Annotated[bool, typer.Option("--anonymise", help="Pseudonyms instead of names (1.9.1).")] = False,
    out: Annotated[
        Path | None, typer.Option(help="Where to write it (.svg; a .png is written beside). Default: REVIEW/reports/")
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Draw the family's genogram from the people records (squares, circles, lines as Appendix 15)."""
    from scrkit.genogram.draw import genogram as draw

    folder = CaseFolder.open(review)
    records = folder.load()
    drawn = draw(records, anonymise)
    svg = out.with_suffix(".svg") if out else review / "reports" / f"genogram{' anonymised' if anonymise else ''}.svg"
    with folder.changing("genogram"):
        for path, content in ((svg, drawn.svg.encode("utf-8")), (svg.with_suffix(".png"), drawn.png)):
            if folder.path.resolve() in path.resolve().parents:
                folder.write_file(path, content)
            else:
                from scrkit.records.atomic import atomic_write_bytes

                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, content)
            stdout().print(str(path), markup=False)


def register(app: typer.Typer) -> None:
    app.command()(genogram)
