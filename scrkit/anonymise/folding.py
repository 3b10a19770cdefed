"""Text folded for comparing names, with a map back to where each character came from.

Issue 12 (item 3): a name must be found however it was typed or pasted: Unicode compatibility
forms (full-width letters, ligatures: NFKC), accents folded ("Zoë" and "Zoe" are one name), soft
hyphens and zero-width characters removed, non-breaking spaces, tabs and line breaks read as spaces,
any case. The anonymiser looks for names in the folded text and replaces the matching stretch of
the original, so the rest of the text keeps every character as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that print as nothing (or only at a line end), so a name can hide a run of them.
INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
                      "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
                      "\u3164\ufeff\uffa0")  # fmt: skip


@dataclass(frozen=True)
class Folded:
    """``text`` folded; ``origin[i]`` is where its character ``i`` starts in the original
    (``None``: every character is where it was)."""

    text: str
    origin: list[int] | None
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the original that the folded ``text[start:end]`` came from."""
        if self.origin is None:
            return start, end
        first = self.origin[start] if start < len(self.origin) else self.original_length
        last = self.origin[end] if end < len(self.origin) else self.original_length
        return first, last


# Letters of other scripts that print like Latin ones ("Quаyle" with a Cyrillic а): read as Latin.
LOOK_ALIKES = str.maketrans(
    "аеорсуххіјѕԁһԛԝӏАВЕКМНОРСТХУІЈЅԌԚԜαονρικτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧıſℓ",
    "aeopcyxxijsdhqwlABEKMHOPCTXYIJSGQWaovpiktuxABEZHIKMNOPTYXisl",
)
DIRECTION_OVERRIDES = frozenset("\u202d\u202e")  # left-to-right and right-to-left override: text shown reversed


def _fold_char(char: str) -> str:
    if char in INVISIBLE:
        return ""
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me"):  # format characters, variation selectors, tags, combining marks
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(
        c for c in decomposed if not unicodedata.combining(c) and c not in INVISIBLE and unicodedata.category(c) != "Mn"
    )
    return kept.replace("\u2019", "'").replace("\u2018", "'").translate(LOOK_ALIKES)


# A word broken at a line's end with a hyphen ("Brace-" / "well", printed "Brace- well"): read whole.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_A-Z])")


def fold(text: str) -> Folded:
    """``text`` with accents, compatibility forms and invisible characters folded away, and a word
    hyphenated across a line read whole."""
    broken = {index for match in _BROKEN_WORD.finditer(text) for index in range(*match.span())} if "-" in text else ()
    if not broken and text.isascii() and "\t" not in text and "\n" not in text and "\r" not in text:
        return Folded(text, None, len(text))  # nothing to fold: the common case costs one scan
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if index in broken:
            continue
        folded = _fold_char(char) if not char.isascii() or char in "\t\n\r\v\f" else char
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return Folded("".join(pieces), origin, len(text))


_SEPARATORS = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
                             ".": " ", "_": " "})  # fmt: skip


def folded_key(text: str) -> str:
    """A name as compared: folded, in one case, with single spaces; hyphens, dots and underscores
    read as spaces (the separators the anonymiser's patterns allow between a name's parts)."""
    simple = fold(text).text.casefold().translate(_SEPARATORS)
    return " ".join(simple.split())
