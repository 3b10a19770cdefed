"""Finding and replacing every registered form in a piece of text.

Names are matched whole (not inside other words), in any case, after folding both sides
(``folding``: accents, compatibility forms, soft hyphens, zero-width characters, non-breaking
spaces, tabs and line breaks inside a name), with spaces and hyphens between their parts treated
alike ("Mia-Rose", "mia rose"), with a possessive kept ("Tom's", "Jones'" -> "Child A's"), a
family's plural ("the Bracewells") and an initial with a surname ("J. Bracewell"). Addresses
become "[address]" (consecutive lines collapse into one), postcodes "[postcode]", dates of birth
"[date of birth]" in every common written form. A form two people share (a first name, a
surname) never becomes one of them: it gets a neutral "[name]" or "[family name]" and is reported
(issue 12, item 4). Replacing twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from scrkit.anonymise.folding import fold, folded_key
from scrkit.anonymise.register import Register
from scrkit.errors import BadInput
from scrkit.names import TITLES, strip_titles

# "Jodie Fenwick", "jodie.fenwick@", "Jodie_Fenwick", "Mia–Rose" (an en or em dash typed for the hyphen)
_SEPARATOR = r"[\s\-\u2010\u2011\u2012\u2013\u2014._]+"
# A name ends where letters end: a digit, an underscore or punctuation beside it does not hide it
# ("Quayle2019", "Pike_S", "darren_quayle@"); a letter does ("Caroline" holds no "Carol").
_BEFORE = r"(?<![^\W\d_])"
_AFTER = r"(?![^\W\d_])"
# "Jodie's", "Jones'", and "Jodies care" typed without the apostrophe (only after a capital, see spans).
_POSSESSIVE = r"(?P<possessive>'s(?![^\W\d_])|'(?![^\W\d_])|s(?![^\W\d_]))?"
ADDRESS, POSTCODE, BIRTH_DATE = "[address]", "[postcode]", "[date of birth]"
SHARED_NAME = "[family name]"  # a surname (or a family's plural) two people share
AMBIGUOUS_NAME = "[name]"  # a first name or other partial form two people share
NEUTRAL = (SHARED_NAME, AMBIGUOUS_NAME)
KEEP = ""  # an exempt name: matched so nothing inside it is replaced, and left as it is
# Up to three titles before a name go with it ("Det Supt", "Detective Chief Inspector"); capitalised as
# written, so "her sister Jodie" keeps its "sister".
_TITLES_BEFORE = rf"(?-i:(?:{'|'.join(sorted(TITLES, key=len, reverse=True))})\.?[ \u00a0]+){{0,3}}"
# "Child A (known as Mimi)" would read "Child A (known as Child A)": the bracket is dropped.
_ALIAS_GAP = re.compile(r"\s*\(\s*(?:(?:also\s+)?known\s+as|aka|a\.k\.a\.|formerly|n[eé]e|called)?\s*", re.I)
_ADDRESS_GAP = re.compile(r"[\s,;]*(?:and\s+)?")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)
EXCEL_EPOCHS = (dt.date(1899, 12, 30), dt.date(1904, 1, 1))  # the 1900 and 1904 date systems


def normalise(text: str) -> str:
    return folded_key(text)


def _form_pattern(form: str) -> str:
    # "O'Rourke" is also typed "ORourke" and "O Rourke": the apostrophe inside a name may be left out.
    parts = [re.escape(part).replace("'", r"(?:'\s?|\s)?") for part in re.split(_SEPARATOR, fold(form).text.strip())
             if part]  # fmt: skip
    return _SEPARATOR.join(parts)


def date_patterns(day: dt.date) -> list[str]:
    """The ways a date of birth is written: 11/03/2024, 11.3.24, 2024-03-11, 11 March 2024, 11-Mar-24,
    March 11, 2024, 20240311 ..."""
    month_name, month_short = day.strftime("%B"), day.strftime("%b")
    d, m, y, yy = day.day, day.month, day.year, day.strftime("%y")
    months = rf"(?:{month_name}|{month_short}\.?{'|Sept' if m == 9 else ''})"
    numeric = rf"0?{d}\s?[/.\-\s]\s?0?{m}\s?[/.\-\s]\s?(?:{y}|{yy})"
    iso = rf"{y}\s?[-/.]\s?0?{m}\s?[-/.]\s?0?{d}"
    compact = rf"{y}{m:02d}{d:02d}|{d:02d}{m:02d}{y}|{d:02d}{m:02d}{yy}"
    worded = rf"0?{d}(?:st|nd|rd|th)?[\s\-]+(?:of\s+)?{months}[\s\-,]+(?:{y}|'?{yy})"
    american = rf"{months}\s+0?{d}(?:st|nd|rd|th)?,?\s+(?:{y}|'{yy})"
    american_numeric = rf"0?{m}/0?{d}/{y}"  # a date copied from an American system: month first
    month_first = rf"{months}[\s\-,]+{y}[\s\-,]+0?{d}(?:st|nd|rd|th)?"  # "Mar-2024 11"
    return [numeric, iso, compact, worded, american, american_numeric, month_first]


def excel_serials(day: dt.date) -> set[int]:
    """The numbers a date cell holds for ``day``, in either of Excel's date systems."""
    return {(day - epoch).days for epoch in EXCEL_EPOCHS}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    replacement: str
    matched: str

    @property
    def ambiguous(self) -> bool:
        return self.replacement.removesuffix("'s") in NEUTRAL


class Anonymiser:
    """Replaces registered forms. Built once per review; reused for every file."""

    def __init__(self, register: Register) -> None:
        self.register = register
        entries: list[tuple[str, str, str, bool]] = []  # form, whose, replacement, a family form
        for person in register.people:
            surname_keys = {normalise(surname) for surname in person.surnames}
            for form in person.forms:
                key = normalise(form)
                entries.append((key, person.key, person.replacement, key in surname_keys))
            for surname in person.surnames:  # "the Bracewells" is a family, never one person
                entries.extend((normalise(plural), person.key, SHARED_NAME, True) for plural in _plurals(surname))
        replacements: dict[str, str] = {}
        family_forms: set[str] = set()
        shared: set[str] = set()
        for key, _whose, replacement, family_form in entries:
            if family_form:
                family_forms.add(key)
            if replacements.setdefault(key, replacement) != replacement:
                shared.add(key)
        for key in shared:
            replacements[key] = SHARED_NAME if key in family_forms else AMBIGUOUS_NAME
        # The chairs and the overview author are named (1.9.1): their whole names are matched first
        # and left as written, so "Ruth Castellan" survives even where another Ruth is anonymised.
        for name in register.exempt:
            for form in {name, strip_titles(name)}:
                if len(form.split()) > 1:
                    replacements[normalise(form)] = KEEP
            # "Ruth" alone may be the overview author or DCI Ruth Kavanagh: it is neither (a shared name).
            for word in strip_titles(name).split():
                key = normalise(word)
                if replacements.get(key, KEEP) != KEEP:
                    replacements[key] = AMBIGUOUS_NAME
                    shared.add(key)
        self.shared_forms = frozenset(shared)
        self._replacements = replacements
        # A form matched with its apostrophe left out or spaced ("ORourke", "O Rourke") finds its entry so.
        self._loose = {_loose(key): value for key, value in replacements.items() if "'" in key}
        names = sorted(replacements, key=len, reverse=True)
        name_alternatives = "|".join(_form_pattern(name) for name in names) or r"(?!x)x"
        self._names = re.compile(
            rf"{_BEFORE}(?P<title>{_TITLES_BEFORE})(?P<name>{name_alternatives}){_POSSESSIVE}{_AFTER}", re.IGNORECASE
        )
        others: list[tuple[str, str]] = []
        for person in register.people:
            for line in person.addresses:
                if _POSTCODE.match(line.strip()):
                    compact = re.sub(r"\s", "", line)
                    spread = r"[\s\-.]*".join(re.escape(char) for char in compact)  # AC4 7QZ, AC47QZ, AC4-7QZ
                    others.append((rf"{spread}{_AFTER}", POSTCODE))
                else:
                    others.append((rf"{_form_pattern(line)}{_AFTER}", ADDRESS))
            for day in person.dates_of_birth:
                others.extend((rf"(?<!\d){pattern}(?!\d)", BIRTH_DATE) for pattern in date_patterns(day))
        others.sort(key=lambda item: len(item[0]), reverse=True)
        self._other_targets = [target for _pattern, target in others]
        alternatives = "|".join(f"(?P<o{index}>{pattern})" for index, (pattern, _t) in enumerate(others))
        self._others = re.compile(rf"{_BEFORE}(?:{alternatives})", re.IGNORECASE) if others else None
        self._keys = _key_tokens(replacements, register)
        self.birth_serials = {
            str(serial) for person in register.people for day in person.dates_of_birth for serial in excel_serials(day)
        }
        self._check_replacements()

    def _check_replacements(self) -> None:
        for person in self.register.people:
            found = next(iter(self.spans(person.replacement)), None)
            if found:
                raise BadInput(
                    f"The replacement '{person.replacement}' contains the name '{found.matched}', which is itself "
                    "anonymised; choose another pseudonym or job title in the records."
                )

    def spans(self, text: str, readable: bool = True) -> list[Span]:
        """Every registered form in ``text``, left to right, longest first where they overlap; with
        ``readable``, neighbouring spans merged as the anonymised text should read (``_readable``)."""
        folded = fold(text)
        if self._keys.isdisjoint(_TOKEN.findall(folded.text.casefold())):
            return []  # no word any registered form needs: the large patterns need not run
        found: list[Span] = []
        if self._others is not None:
            for match in self._others.finditer(folded.text):
                index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
                start, end = folded.span(match.start(), match.end())
                found.append(Span(start, end, self._other_targets[index], text[start:end]))
        taken = [(span.start, span.end) for span in found]
        for match in self._names.finditer(folded.text):
            key = normalise(match.group("name"))
            replacement = self._replacements.get(key)
            if replacement is None:
                replacement = self._loose[_loose(key)]
            # "Det Supt Nadia Corrigan" becomes her job title, title and all; "Mr [family name]" keeps its "Mr"
            begin = match.start("name") if replacement in NEUTRAL or replacement == KEEP else match.start()
            start, end = folded.span(begin, match.end())
            if any(low < end and start < high for low, high in taken):
                continue
            if replacement == KEEP:
                continue
            possessive = match.group("possessive")
            if possessive == "s" and not match.group("name")[:1].isupper():
                continue  # "rays", "marks": a bare s is a possessive only after a name written as one
            if possessive:
                replacement += "'s"
            found.append(Span(start, end, replacement, text[start:end]))
        found.sort(key=lambda span: span.start)
        return _readable(text, found) if readable else found

    def is_birth_serial(self, value: str) -> bool:
        """Whether a spreadsheet number is a date of birth held in a date cell (44631, 44631.0)."""
        whole, _, fraction = value.strip().partition(".")
        return whole in self.birth_serials and (fraction == "" or fraction.isdigit())

    def text(self, text: str) -> str:
        pieces, cursor = [], 0
        for span in self.spans(text):
            pieces.append(text[cursor : span.start])
            pieces.append(span.replacement)
            cursor = span.end
        pieces.append(text[cursor:])
        return "".join(pieces)


_TOKEN = re.compile(r"[^\W\d_]+|\d+")  # letters and numbers apart: "Quayle2019" holds "quayle"
_ORDINALS = ("", "st", "nd", "rd", "th")


def _key_tokens(replacements: dict[str, str], register: Register) -> frozenset[str]:
    """For every registered form, one word any text holding it must hold as a whole word: its longest
    word (a form's parts are bounded by separators, so each is a word of the text); for a date of
    birth its day (11, 011, 11th) and its compact forms; for a postcode its compact form too. A text
    with none of them cannot hold a registered form, so the patterns are not run on it."""
    keys: set[str] = set()

    def longest(form: str) -> None:
        folded = fold(form).text.casefold()
        words = _TOKEN.findall(folded)
        if words:
            word = max(words, key=len)
            keys.update({word, f"{word}s"})  # "Jodies": a possessive typed without its apostrophe
        if "'" in folded:  # "ORourke": the apostrophe left out joins the words either side of it
            keys.update(_TOKEN.findall(folded.replace("'", "")))

    for form in replacements:
        longest(form)
    for person in register.people:
        for line in person.addresses:
            longest(line)
            keys.update(_TOKEN.findall(fold(line).text.casefold()))  # a postcode's letters and numbers, apart
        for day in person.dates_of_birth:
            keys.update(f"{number}{suffix}" for number in (str(day.day), f"{day.day:02d}") for suffix in _ORDINALS)
            keys.update({f"{day.year}{day.month:02d}{day.day:02d}", f"{day.day:02d}{day.month:02d}{day.year}",
                         f"{day.day:02d}{day.month:02d}{day:%y}"})  # fmt: skip
    return frozenset(keys)


def _loose(key: str) -> str:
    return key.replace("'", "").replace(" ", "")


def _plurals(surname: str) -> tuple[str, ...]:
    """'the Bracewells', 'the Joneses': a surname used for the whole family."""
    if len(surname) < 4 or " " in surname.strip():
        return ()
    return (f"{surname}es",) if surname.lower().endswith(("s", "x", "z", "ch", "sh")) else (f"{surname}s",)


def _readable(text: str, spans: list[Span]) -> list[Span]:
    """Consecutive address lines become one "[address]"; "Child A (known as Child A)" becomes "Child A"."""
    merged: list[Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            gap = text[last.end : span.start]
            if last.replacement == ADDRESS and span.replacement in (ADDRESS, POSTCODE) and _ADDRESS_GAP.fullmatch(gap):
                merged[-1] = Span(last.start, span.end, ADDRESS, text[last.start : span.end])
                continue
            closing = text[span.end : span.end + 1]
            if (
                span.replacement.removesuffix("'s") == last.replacement.removesuffix("'s")
                and span.replacement not in NEUTRAL
                and closing == ")"
                and _ALIAS_GAP.fullmatch(gap)
            ):
                merged[-1] = Span(last.start, span.end + 1, last.replacement, text[last.start : span.end + 1])
                continue
        merged.append(span)
    return merged
