"""The same genogram as a PNG, drawn with matplotlib from the same shapes as the SVG."""

from __future__ import annotations

import io

from scrkit.genogram.layout import SIZE, Drawing
from scrkit.genogram.svg import TEXT_SIZES

_LINE = {"dashed": (0, (6, 4)), "dotted": (0, (1, 3)), "solid": "solid", "": "solid"}


def to_png(drawing: Drawing, title: str, dpi: int = 100, mark: str = "scrkit") -> bytes:
    """The PNG; ``mark`` is its Title text chunk, by which a clean copy knows a genogram scrkit drew."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle

    figure = plt.figure(figsize=(drawing.width / dpi, drawing.height / dpi), dpi=dpi)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, drawing.width)
    axes.set_ylim(drawing.height, 0)
    axes.axis("off")
    half = SIZE / 2
    for shape in drawing.shapes:
        kind, points = shape.kind, shape.points
        if kind == "male":
            axes.add_patch(
                Rectangle((points[0] - half, points[1] - half), SIZE, SIZE, fc="white", ec="black", lw=2, zorder=3)
            )
        elif kind == "female":
            axes.add_patch(Circle((points[0], points[1]), half, fc="white", ec="black", lw=2, zorder=3))
        elif kind == "unknown":
            x, y = points
            corners = [(x, y - half), (x + half, y), (x, y + half), (x - half, y)]
            axes.add_patch(Polygon(corners, closed=True, fc="white", ec="black", lw=2, zorder=3))
        elif kind == "subject-ring":
            x, y = points
            outer = half + 6
            if shape.text == "female":
                axes.add_patch(Circle((x, y), outer, fc="none", ec="black", lw=2, zorder=3))
            else:
                corner = (x - outer, y - outer)
                axes.add_patch(Rectangle(corner, 2 * outer, 2 * outer, fc="none", ec="black", lw=2, zorder=3))
        elif kind == "household":
            x, y, width, height = points
            axes.add_patch(FancyBboxPatch((x, y), width, height, boxstyle="round,pad=0,rounding_size=14",
                                          fc="none", ec="#555555", lw=1.5, ls=_LINE["dotted"], zorder=1))  # fmt: skip
        elif kind in TEXT_SIZES:
            # The drawing's units are pixels at ``dpi``: a text of N units is N * 72 / dpi points.
            axes.text(points[0], points[1], shape.text, fontsize=TEXT_SIZES[kind] * 72 / dpi, ha="center",
                      va="baseline", fontweight="bold" if kind in ("name", "caption") else "normal",
                      color="#555555" if kind == "household-name" else "black", zorder=4)  # fmt: skip
        else:
            x1, y1, x2, y2 = points
            width = 2 if kind in ("relationship", "deceased-cross", "loss", "separation-stroke") else 1.5
            axes.plot([x1, x2], [y1, y2], color="black", lw=width, ls=_LINE.get(shape.style, "solid"),
                      zorder=5 if kind in ("deceased-cross", "loss") else 2)  # fmt: skip
    axes.set_title(title)
    stream = io.BytesIO()
    figure.savefig(stream, format="png", dpi=dpi, facecolor="white", metadata={"Software": "scrkit", "Title": mark})
    plt.close(figure)
    return stream.getvalue()
