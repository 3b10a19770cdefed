"""The genogram as SVG: one element per shape, with the shape's kind as its class and the person
as ``data-person``, so that anyone (and the tests) can see what was drawn and for whom."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from scrkit.genogram.layout import CAPTION_SIZE, DATE_SIZE, HOUSEHOLD_SIZE, NAME_SIZE, SIZE, Drawing, Shape

TEXT_SIZES = {"name": NAME_SIZE, "dob": DATE_SIZE, "caption": CAPTION_SIZE, "household-name": HOUSEHOLD_SIZE}

_DASH = {"dashed": ' stroke-dasharray="8,6"', "dotted": ' stroke-dasharray="2,4"', "solid": "", "": ""}


def _attrs(shape: Shape) -> str:
    person = f" data-person={quoteattr(shape.person)}" if shape.person else ""
    return f'class="{shape.kind}"{person}'


def _element(shape: Shape) -> str:
    half = SIZE / 2
    kind, points = shape.kind, shape.points
    if kind == "male":
        x, y = points
        return (
            f'<rect {_attrs(shape)} x="{x - half}" y="{y - half}" width="{SIZE}" height="{SIZE}" '
            'fill="white" stroke="black" stroke-width="2"/>'
        )
    if kind == "female":
        x, y = points
        return f'<circle {_attrs(shape)} cx="{x}" cy="{y}" r="{half}" fill="white" stroke="black" stroke-width="2"/>'
    if kind == "unknown":
        x, y = points
        corners = f"{x},{y - half} {x + half},{y} {x},{y + half} {x - half},{y}"
        return f'<polygon {_attrs(shape)} points="{corners}" fill="white" stroke="black" stroke-width="2"/>'
    if kind == "subject-ring":
        x, y = points
        outer = half + 6
        if shape.text == "female":
            return (
                f'<circle {_attrs(shape)} cx="{x}" cy="{y}" r="{outer}" fill="none" stroke="black" stroke-width="2"/>'
            )
        return (f'<rect {_attrs(shape)} x="{x - outer}" y="{y - outer}" width="{2 * outer}" height="{2 * outer}" '
                'fill="none" stroke="black" stroke-width="2"/>')  # fmt: skip
    if kind == "household":
        x, y, width, height = points
        return (f'<g {_attrs(shape)}><rect x="{x}" y="{y}" width="{width}" height="{height}" rx="14" fill="none" '
                f'stroke="#555" stroke-width="1.5"{_DASH["dotted"]}/></g>')  # fmt: skip
    if kind in TEXT_SIZES:
        x, y = points
        weight = ' font-weight="bold"' if kind in ("name", "caption") else ""
        colour = ' fill="#555"' if kind == "household-name" else ""
        return (f'<text {_attrs(shape)} x="{x}" y="{y}" font-size="{TEXT_SIZES[kind]}" text-anchor="middle"'
                f'{weight}{colour} font-family="Arial, sans-serif">{escape(shape.text)}</text>')  # fmt: skip
    x1, y1, x2, y2 = points
    stroke = "2" if kind in ("relationship", "deceased-cross", "loss", "separation-stroke") else "1.5"
    data = (
        f" data-status={quoteattr(shape.text)}" if shape.text and kind in ("relationship", "separation-stroke") else ""
    )
    return (f'<line {_attrs(shape)}{data} x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="black" '
            f'stroke-width="{stroke}"{_DASH[shape.style]}/>')  # fmt: skip


def to_svg(drawing: Drawing, title: str) -> str:
    order = ("household", "household-link", "partner-drop", "relationship", "separation-stroke", "descent",
             "sibling-bar", "child-line",
             "twin-stalk", "male", "female", "unknown", "subject-ring", "loss", "deceased-cross", "name", "dob",
             "caption", "household-name")  # fmt: skip
    shapes = sorted(drawing.shapes, key=lambda shape: order.index(shape.kind))
    body = "\n  ".join(_element(shape) for shape in shapes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{drawing.width:.0f}" height="{drawing.height:.0f}" '
        f'viewBox="0 0 {drawing.width:.0f} {drawing.height:.0f}">\n  <title>{escape(title)}</title>\n'
        f'  <rect class="background" width="100%" height="100%" fill="white"/>\n  {body}\n</svg>\n'
    )
