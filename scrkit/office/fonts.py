"""How wide a line of text prints, estimated from Arial's proportions (LibreOffice uses Liberation
Sans, with the same widths), character by character in classes: close enough to size a table's
columns or keep a genogram's labels clear of its lines, and on the side of too wide."""

from __future__ import annotations

import math

# Advance widths in thousandths of an em, by class (Arial's proportions, rounded up).
_NARROW = dict.fromkeys("ijlI.,;:!'|`", 280) | dict.fromkeys("ft[]()/\\ -", 340) | {"r": 340}
_WIDE = dict.fromkeys("mwMW@", 880) | dict.fromkeys("%&", 720)
_UPPER = 680
_OTHER = 570
_BOLD = 1.08


def text_width(text: str, size: float, bold: bool = False) -> int:
    """The width of ``text`` at ``size``, in the unit of ``size`` (EMU for EMU, points for points)."""
    units = 0
    for character in text:
        units += _NARROW.get(character) or _WIDE.get(character) or (_UPPER if character.isupper() else _OTHER)
    return math.ceil(units * size / 1000 * (_BOLD if bold else 1))
