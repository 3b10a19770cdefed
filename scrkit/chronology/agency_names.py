"""Telling whose return a file is: by the agency's id, name, short name or aliases (agencies.yaml).

Looked for in the template's "Agency:" line, then in the file's name, then in the return's own
"Agency source" column. An exact form wins; else the closest form by rapidfuzz's token-set score
(the file "Little Acorns SCR log.xlsx" holds every word of "Little Acorns"), taken only when it is
clearly ahead of every other agency, and reported with its score. A return matched to no agency
names the agencies it could be.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from scrkit.models.agencies import Agency

# A file name's words that say nothing about whose it is.
_NOISE = frozenset(
    "scr serious case review chronology chronologies return returns log final draft copy version v1 v2 v3 v4 "  # noqa: SIM905
    "updated update amended revised new old latest the of for and to from re fw fwd appendix app template "
    "integrated agency agencies sheet workbook xlsx xls csv docx".split()
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# The closest agency must score this much, and this much more than the next (rapidfuzz token-set, 0-100).
MATCH_SCORE = 80
MATCH_MARGIN = 10


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def _meaningful(text: str) -> str:
    """The words that can tell agencies apart, plurals made singular ("Hospitals" is "hospital")."""
    words = (word for word in _words(text).split() if word not in _NOISE and not word.isdigit())
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


@dataclass(frozen=True)
class AgencyMatch:
    agency: str  # the agency's id
    score: float  # 100 for an exact form
    form: str  # the form that matched, as agencies.yaml writes it
    where: str  # "file name", "Agency line", "source column"


@dataclass(frozen=True)
class AgencyNames:
    """Every form each agency of the review may be named by."""

    forms: dict[str, tuple[str, ...]]  # agency id -> its id, name, short name and aliases
    names: dict[str, str]  # agency id -> its name

    @classmethod
    def of(cls, agencies: Iterable[Agency]) -> AgencyNames:
        forms, names = {}, {}
        for agency in agencies:
            found = [agency.id, agency.id.replace("-", " "), agency.name, agency.short_name or "", *agency.aliases]
            forms[agency.id] = tuple(dict.fromkeys(form for form in found if form))
            names[agency.id] = agency.name
        return cls(forms, names)

    @classmethod
    def from_names(cls, names: dict[str, str]) -> AgencyNames:
        """From agency ids and names alone (a return read outside a review: tests, tools)."""
        return cls({agency: (agency, agency.replace("-", " "), name) for agency, name in names.items()}, dict(names))

    def exact(self, text: str) -> AgencyMatch | None:
        written = _words(text)
        for agency, forms in self.forms.items():
            for form in forms:
                if _words(form) == written:
                    return AgencyMatch(agency, 100.0, form, "")
        return None

    def within(self, text: str) -> AgencyMatch | None:
        """The agency whose id, name or alias is written, whole words, inside ``text`` (the longest wins)."""
        written = f" {_words(text)} "
        found = [
            (len(_words(form)), agency, form)
            for agency, forms in self.forms.items()
            for form in forms
            if _words(form) and f" {_words(form)} " in written
        ]
        if not found:
            return None
        _, agency, form = max(found)
        return AgencyMatch(agency, 100.0, form, "")

    def ranked(self, text: str) -> list[tuple[float, str, str]]:
        """Every agency scored against ``text``: (score, agency id, best form), best first."""
        from rapidfuzz import fuzz

        written = _meaningful(text)
        if not written:
            return []
        scores = []
        for agency, forms in self.forms.items():
            best = max(
                ((fuzz.token_set_ratio(written, _meaningful(form) or _words(form)), form) for form in forms),
                default=(0.0, ""),
            )
            scores.append((round(float(best[0]), 1), agency, best[1]))
        return sorted(scores, key=lambda item: -item[0])

    def closest(self, text: str) -> AgencyMatch | None:
        ranked = self.ranked(text)
        if not ranked or ranked[0][0] < MATCH_SCORE:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < MATCH_MARGIN:
            return None
        score, agency, form = ranked[0]
        return AgencyMatch(agency, score, form, "")

    def find(self, text: str, where: str) -> AgencyMatch | None:
        found = self.exact(text) or self.within(text) or self.closest(text)
        return AgencyMatch(found.agency, found.score, found.form, where) if found else None

    def from_sources(self, values: Iterable[str]) -> AgencyMatch | None:
        """The agency most of a return's "Agency source" cells name, if more than half name one."""
        counted: Counter[str] = Counter()
        total = 0
        for value in values:
            if not value:
                continue
            total += 1
            found = self.exact(value) or self.within(value)
            if found:
                counted[found.agency] += 1
        if not counted:
            return None
        agency, count = counted.most_common(1)[0]
        if count * 2 <= total:
            return None
        return AgencyMatch(agency, 100.0 * count / total, self.names[agency], "source column")

    def suggestions(self, text: str, limit: int = 3) -> str:
        ranked = [item for item in self.ranked(text) if item[0] > 0][:limit]
        return ", ".join(f"{agency} ({self.names[agency]}, score {score:g})" for score, agency, _ in ranked)
