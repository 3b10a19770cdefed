"""Matching a return's headings to the Appendix 7 columns (App 7; App 14 2.4).

Headings are matched, in this order: a known wording (``scrkit/data/chronology-columns.yaml``,
plus any wordings a board or a review adds in ``chronology-headings.yaml``: see
``HEADINGS_FILE``), ignoring case, spacing and punctuation; a combined heading split into its
parts (``Date/Time``, ``Date & time``, ``Details of Incident/Contact``); and a close match scored
by rapidfuzz (``CLINICAL DETAILS`` is close to ``details``), which is reported with its score so
a person can see what was assumed. Each App 7 column takes the best-scoring heading; every
other heading is an extra column whose values are kept (merge.py: "Other information").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scrkit.errors import Problem, ProblemsFound
from scrkit.models.fields import Record, Text
from scrkit.records.yamlfile import YamlProblem, line_of, read_document, to_plain
from scrkit.resources import DATA

# The file a board (in its templates folder) or a review (in its templates/ folder) writes to teach
# scrkit the headings its agencies use: `headings: {event: [CLINICAL DETAILS, Narrative], ...}`.
HEADINGS_FILE = "chronology-headings.yaml"
# A close match scores from 86 (a known wording is a small part of the heading) to 99; a misspelling
# must score 86 on rapidfuzz's ratio ("Evnet" to "event" scores 80 and is not taken: "Agency" to
# "agencies" must not be either). Measured on the headings in tests/chronology/test_headings.py.
CLOSE_MATCH_SCORE = 86
MAX_HEADING = 80  # characters: a longer cell is an event's text, never compared with every wording
_HINT = "Correct the file (see the example in the README's chronology section) and merge again."
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_COMBINED = re.compile(r"\s*(?:/|&|\+|\band\b|,|;)\s*", re.I)


class ColumnSpec(Record):
    key: Text
    heading: Text
    required: bool = False
    synonyms: list[Text] = []


class ColumnCatalogue(Record):
    columns: list[ColumnSpec]
    not_columns: list[Text] = []


class HeadingWordings(Record):
    """``chronology-headings.yaml``: more wordings for each App 7 column, by the column's key."""

    headings: dict[Text, list[Text]] = {}


@lru_cache(maxsize=1)
def catalogue() -> ColumnCatalogue:
    return ColumnCatalogue.model_validate(to_plain(read_document(DATA / "chronology-columns.yaml")))


def columns() -> tuple[ColumnSpec, ...]:
    """The Appendix 7 columns in order (scrkit/data/chronology-columns.yaml)."""
    return tuple(catalogue().columns)


def normalise_heading(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def load_wordings(files: Sequence[Path]) -> dict[str, list[str]]:
    """The wordings of each file that exists, checked: an unknown column key names the file and line."""
    from scrkit.review.problems import problems_from_validation

    keys = {column.key for column in columns()}
    found: dict[str, list[str]] = {}
    for path in files:
        if not path.is_file():
            continue
        try:
            document = read_document(path)
        except YamlProblem as problem:
            raise ProblemsFound(path.name, [Problem(path, problem.line, "", problem.message)], _HINT) from None
        plain = to_plain(document) or {}
        try:
            wordings = HeadingWordings.model_validate(plain)
        except ValidationError as error:
            problems = problems_from_validation(path, document, plain, HeadingWordings, error)
            raise ProblemsFound(path.name, problems, _HINT) from None
        unknown = [key for key in wordings.headings if key not in keys]
        if unknown:
            problems = [
                Problem(path, line_of(document, ["headings", key]), f"headings.{key}",
                        f"'{key}' is not an Appendix 7 column; use one of: {', '.join(sorted(keys))}")
                for key in unknown
            ]  # fmt: skip
            raise ProblemsFound(path.name, problems, _HINT)
        for key, forms in wordings.headings.items():
            found.setdefault(key, []).extend(forms)
    return found


@dataclass(frozen=True)
class HeadingIndex:
    """Every known wording, normalised, to its column key."""

    forms: dict[str, str]
    not_columns: frozenset[str] = frozenset()  # headings that are no App 7 column however alike they look
    matched: dict[str, HeadingMatch | None] = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def stemmed(self) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
        """Each wording of four letters or more, its words made singular, and its words as written: worked
        out once. Wordings of one or two letters ("no", "id") say too little to be found inside a heading."""
        return tuple(
            (wording, _stems(wording), frozenset(wording.split())) for wording in self.forms if len(wording) >= 4
        )

    @classmethod
    def build(cls, extra: dict[str, list[str]] | None = None) -> HeadingIndex:
        forms: dict[str, str] = {}
        for key, wordings in (extra or {}).items():  # a board's own wordings come first
            for wording in wordings:
                forms.setdefault(normalise_heading(wording), key)
        for column in columns():
            for wording in (column.heading, column.key.replace("_", " "), *column.synonyms):
                forms.setdefault(normalise_heading(wording), column.key)
        return cls(forms, frozenset(normalise_heading(text) for text in catalogue().not_columns))


@dataclass(frozen=True)
class HeadingMatch:
    keys: tuple[str, ...]  # one column, or date and time for a combined "Date/Time"
    score: float  # 100 for a known wording
    close_to: str = ""  # the wording a close match was scored against


def match_heading(text: str, index: HeadingIndex) -> HeadingMatch | None:
    """The column a heading names, if any; each distinct text matched once per index."""
    if text not in index.matched:
        index.matched[text] = _match_heading(text, index)
    return index.matched[text]


def _match_heading(text: str, index: HeadingIndex) -> HeadingMatch | None:
    heading = normalise_heading(text)
    if not heading:
        return None
    if heading in index.forms:
        return HeadingMatch((index.forms[heading],), 100.0)
    parts = [normalise_heading(part) for part in _COMBINED.split(text) if normalise_heading(part)]
    if len(parts) > 1:
        matched = [found for found in (_single(part, index) for part in parts) if found is not None]
        keys = tuple(dict.fromkeys(key for found in matched for key in found.keys))
        if keys:
            score = min(found.score for found in matched)
            if set(keys) == {"date", "time"}:
                return HeadingMatch(("date", "time"), score)
            return HeadingMatch(keys[:1], score, ", ".join(found.close_to for found in matched if found.close_to))
    return _single(heading, index)


def _single(heading: str, index: HeadingIndex) -> HeadingMatch | None:
    if heading in index.forms:
        return HeadingMatch((index.forms[heading],), 100.0)
    if heading in index.not_columns:
        return None
    words = _stems(heading)
    head_word = heading.split()[-1]
    best: tuple[float, str] | None = None
    # Every word of a known wording in the heading ("CLINICAL DETAILS" holds "details"): the more of the
    # heading the wording explains, the higher the score.
    for wording, wording_words, plain_words in index.stemmed:
        if wording_words <= words:
            score = CLOSE_MATCH_SCORE + (100 - CLOSE_MATCH_SCORE - 2) * len(wording_words) / len(words)
            if head_word in plain_words:  # English puts the head word last: "Entry date" is a date
                score += 1
            if best is None or score > best[0]:
                best = (round(score, 1), wording)
    if best is None:
        from rapidfuzz import fuzz, process

        # A misspelling of a known wording ("Evnet", "Familly member"): rapidfuzz's edit-distance ratio.
        long_forms = [wording for wording in index.forms if len(wording) >= 5]
        found = process.extractOne(heading, long_forms, scorer=fuzz.ratio, score_cutoff=CLOSE_MATCH_SCORE)
        if found is not None:
            best = (round(float(found[1]), 1), found[0])
    if best is None:
        return None
    return HeadingMatch((index.forms[best[1]],), best[0], best[1])


def _stems(text: str) -> frozenset[str]:
    """A heading's words, plurals made singular ("notes" is "note", "details" is "detail")."""
    return frozenset(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in text.split())


@dataclass
class Header:
    """The heading row of a sheet: where it is, what each column holds."""

    row: int  # 0-based index in the sheet's rows
    keys: dict[int, str]  # column position -> App 7 key
    extra: dict[int, str]  # column position -> a heading that is no App 7 column (its values are kept)
    headings: dict[int, str]  # every non-empty heading as written
    close: list[tuple[str, str, float, str]] = field(default_factory=list)  # (heading, column, score, wording)
    combined: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    covered: set[str] = field(default_factory=set)  # keys read from another column (time in "Date/Time")


def read_header(row: Sequence[Any], row_number: int, index: HeadingIndex, text: Any) -> Header:
    """Assign the App 7 columns to the headings of one row, best score first."""
    headings = {position: text(cell) for position, cell in enumerate(row) if text(cell)}
    candidates = []
    for position, heading in headings.items():
        if not isinstance(row[position], str) or len(heading) > MAX_HEADING:
            continue  # a number, a date or a paragraph is an event's cell, not a heading
        found = match_heading(heading, index)
        if found is not None:
            candidates.append((found.score, -position, position, found))
    header = Header(row=row_number, keys={}, extra={}, headings=headings)
    for _, _, position, found in sorted(candidates, key=lambda item: (item[0], item[1]), reverse=True):
        main = found.keys[0]
        if main in header.keys.values():
            continue
        header.keys[position] = main
        if found.score < 100:
            header.close.append((headings[position], main, found.score, found.close_to))
        if len(found.keys) > 1:
            header.combined.append((headings[position], found.keys))
            header.covered.update(found.keys[1:])
    header.covered -= set(header.keys.values())
    header.extra = {position: heading for position, heading in headings.items() if position not in header.keys}
    return header


def find_header(
    rows: Sequence[Sequence[Any]], index: HeadingIndex, text: Any, search_rows: int
) -> tuple[Header | None, Header | None]:
    """The heading row among the first rows (one with Date and Event), and else the row most like one."""
    best: Header | None = None
    likeliest: Header | None = None
    for row_number, row in enumerate(rows[:search_rows]):
        if not any(text(cell) for cell in row):
            continue
        header = read_header(row, row_number, index, text)
        found = set(header.keys.values())
        rank = (len(found), -len(header.close))
        if {"date", "event"} <= found and (best is None or rank > (len(best.keys), -len(best.close))):
            best = header
        if found and (likeliest is None or rank > (len(likeliest.keys), -len(likeliest.close))):
            likeliest = header
    return best, likeliest
