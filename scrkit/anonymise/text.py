"""Finding and replacing every registered form in a piece of text.

Names are matched whole (not inside other words), in any case, with spaces and hyphens between
their parts treated alike ("Mia-Rose", "mia rose"), with a possessive kept ("Tom's", "Jones'" ->
"Child A's"). Addresses become "[address]", postcodes "[postcode]", dates of birth "[date of birth]"
in every common written form. Replacing twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from scrkit.anonymise.register import Register
from scrkit.errors import BadInput

_SEPARATOR = r"[\s\-\u2010\u2011\u00a0]+"
_POSSESSIVE = r"(?P<possessive>['\u2019]s\b|['\u2019](?!\w))?"
ADDRESS, POSTCODE, BIRTH_DATE = "[address]", "[postcode]", "[date of birth]"
SHARED_NAME = "[family name]"
KEEP = ""  # an exempt name: matched so nothing inside it is replaced, and left as it is
_TITLE_WORDS = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor"}


def normalise(text: str) -> str:
    return " ".join(re.split(_SEPARATOR, text.casefold().replace("\u2019", "'"))).strip()


def _form_pattern(form: str) -> str:
    parts = [re.escape(part).replace("'", "['\u2019]") for part in re.split(_SEPARATOR, form.strip()) if part]
    return _SEPARATOR.join(parts)


def date_patterns(day: dt.date) -> list[str]:
    """The ways a date of birth is written: 11/03/2024, 11.3.24, 2024-03-11, 11 March 2024, 11-Mar-24 ..."""
    month_name, month_short = day.strftime("%B"), day.strftime("%b")
    d, m, y, yy = day.day, day.month, day.year, day.strftime("%y")
    numeric = rf"0?{d}[/.\-]0?{m}[/.\-](?:{y}|{yy})"
    iso = rf"{y}-0?{m}-0?{d}"
    worded = rf"0?{d}(?:st|nd|rd|th)?[\s\-]+(?:of\s+)?(?:{month_name}|{month_short}\.?)[\s\-,]+(?:{y}|{yy})"
    american = rf"(?:{month_name}|{month_short}\.?)\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}"
    return [numeric, iso, worded, american]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    replacement: str
    matched: str


class Anonymiser:
    """Replaces registered forms. Built once per review; reused for every file."""

    def __init__(self, register: Register) -> None:
        self.register = register
        replacements: dict[str, str] = {}
        for person in register.people:
            for form in person.forms:
                key = normalise(form)
                if replacements.get(key, person.replacement) != person.replacement:
                    replacements[key] = SHARED_NAME  # a family surname: it cannot say which of them
                else:
                    replacements[key] = person.replacement
        # The chairs and the overview author are named (1.9.1): their whole names are matched first
        # and left as written, so "Ruth Castellan" survives even where another Ruth is anonymised.
        for name in register.exempt:
            for form in {name, " ".join(w for w in name.split() if w.lower().rstrip(".") not in _TITLE_WORDS)}:
                if len(form.split()) > 1:
                    replacements[normalise(form)] = KEEP
        self._replacements = replacements
        names = sorted(replacements, key=len, reverse=True)
        name_alternatives = "|".join(_form_pattern(name) for name in names) or r"(?!x)x"
        self._names = re.compile(rf"(?<!\w)(?P<name>{name_alternatives}){_POSSESSIVE}(?!\w)", re.IGNORECASE)
        others: list[tuple[str, str]] = []
        for person in register.people:
            for line in person.addresses:
                target = POSTCODE if re.match(r"^[A-Z]{1,2}\d", line.strip(), re.I) and len(line) <= 8 else ADDRESS
                others.append((_form_pattern(line), target))
            for day in person.dates_of_birth:
                others.extend((pattern, BIRTH_DATE) for pattern in date_patterns(day))
        others.sort(key=lambda item: len(item[0]), reverse=True)
        self._other_targets = [target for _pattern, target in others]
        alternatives = "|".join(f"(?P<o{index}>{pattern})" for index, (pattern, _t) in enumerate(others))
        self._others = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if others else None
        self._check_replacements()

    def _check_replacements(self) -> None:
        for person in self.register.people:
            found = next(iter(self.spans(person.replacement)), None)
            if found:
                raise BadInput(
                    f"The replacement '{person.replacement}' contains the name '{found.matched}', which is itself "
                    "anonymised; choose another pseudonym or job title in the records."
                )

    def spans(self, text: str) -> list[Span]:
        """Every registered form in ``text``, left to right, longest first where they overlap."""
        found: list[Span] = []
        if self._others is not None:
            for match in self._others.finditer(text):
                index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
                found.append(Span(match.start(), match.end(), self._other_targets[index], match.group(0)))
        taken = [(span.start, span.end) for span in found]
        for match in self._names.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            replacement = self._replacements[normalise(match.group("name"))]
            if replacement == KEEP:
                continue
            if match.group("possessive"):
                replacement += "'s"
            found.append(Span(match.start(), match.end(), replacement, match.group(0)))
        return sorted(found, key=lambda span: span.start)

    def text(self, text: str) -> str:
        pieces, cursor = [], 0
        for span in self.spans(text):
            pieces.append(text[cursor : span.start])
            pieces.append(span.replacement)
            cursor = span.end
        pieces.append(text[cursor:])
        return "".join(pieces)
