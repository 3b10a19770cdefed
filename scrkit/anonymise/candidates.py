"""Names no record holds (issue 12, item 5): a second line of defence behind the register.

The register holds everyone the records name; documents also name people no record holds (an
on-call doctor, a neighbour, "Dr K O'Brien"). This finds probable person names that are not in
the register and reports them as candidates; an export is refused until each is resolved by the
business manager: added to the register (``scrkit register name``) or marked not a person
(``scrkit register not-a-person``). Three signs, from surest to least sure:

- a title followed by a capitalised word: "Dr K O'Brien", "Mrs Patel", "PC Dawes";
- a common first name followed by a capitalised word: "Karen Smith";
- two or more capitalised words together, not at the start of a sentence, where no word is one the
  same documents also write in lower case (names are never written in lower case, "Health Visitor"
  is also "health visitor") and the words are not a known phrase (agencies, job titles, the board,
  scrkit's own headings).

It is a net with holes, and says so: a single surname alone, or a name written in lower case, is
not found. The register is the control; this catches what slipped past it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from scrkit.anonymise.folding import fold, folded_key
from scrkit.anonymise.text import NEUTRAL, Anonymiser
from scrkit.names import TITLE_PARTS, TITLES
from scrkit.resources import DATA

NAME_TITLES = tuple(title for title in TITLES if title not in TITLE_PARTS)
_WORD = r"(?:[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*|[A-Z]['\u2019][A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)"
_INITIAL = r"[A-Z]\.?"
_TITLED = re.compile(
    rf"\b(?P<title>{'|'.join(NAME_TITLES)})\.?\s+(?P<name>(?:{_INITIAL}\s+){{0,2}}{_WORD}(?:\s+{_WORD})?)(?!\w)"
)
_CAPITALISED_RUN = re.compile(rf"(?<![\w'\u2019-]){_WORD}(?:[ \u00a0]+{_WORD})+(?![\w-])")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\r\t(\"\u201c]|\u2022)\s*$")


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Capitalised words of documents about a review that are never a person on their own (data file)."""
    lines = (DATA / "known-words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    lines = (DATA / "first-names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class Candidate:
    text: str  # as written: "Dr K O'Brien"
    why: str  # "a title before a name", "a common first name", "capitalised words"
    where: str  # the file and part
    context: str


class CandidateFinder:
    """Finds probable names of people that the register does not hold, in a document's own text."""

    def __init__(self, anonymiser: Anonymiser, known_phrases: Iterable[str], not_people: Iterable[str]) -> None:
        self.anonymiser = anonymiser
        self.not_people = {folded_key(phrase) for phrase in not_people}
        self.known = {folded_key(phrase) for phrase in known_phrases if phrase}
        self.known_words = set(known_words())
        for phrase in known_phrases:
            self.known_words.update(re.findall(r"[A-Za-z][\w'\u2019-]*", phrase or ""))

    def find(self, texts: Iterable[tuple[str, str]]) -> list[Candidate]:
        """``texts`` are (where, text) pairs; one candidate per distinct phrase, first place it was seen."""
        texts = list(texts)
        lower = {word for _where, text in texts for word in re.findall(r"\b[a-z][a-z'-]+\b", fold(text).text)}
        found: dict[str, Candidate] = {}
        for where, text in texts:
            for candidate in self._in(where, fold(text).text, lower):
                found.setdefault(folded_key(candidate.text), candidate)
        return list(found.values())

    def _resolved(self, phrase: str) -> bool:
        """Known, marked not a person, or every word of it part of a registered name: "Karen Smith" is
        not resolved by a registered Karen, since Smith belongs to nobody in the records."""
        key = folded_key(phrase)
        if key in self.not_people or key in self.known:
            return True
        spans = [span for span in self.anonymiser.spans(phrase, readable=False) if span.replacement not in NEUTRAL]
        words = [(match.start(), match.end()) for match in re.finditer(r"[^\s.]+", phrase)]
        return bool(words) and all(any(s.start <= start and end <= s.end for s in spans) for start, end in words)

    def _in(self, where: str, text: str, lower: set[str]) -> Iterable[Candidate]:
        def context(start: int, end: int) -> str:
            return " ".join(text[max(0, start - 40) : end + 40].split())

        taken: list[tuple[int, int]] = []
        for match in _TITLED.finditer(text):
            name = match.group("name")
            if self._resolved(match.group(0)) or self._resolved(name) or name.split()[0] in known_words():
                continue
            taken.append((match.start(), match.end()))
            yield Candidate(match.group(0), "a title before a name", where, context(match.start(), match.end()))
        for match in _CAPITALISED_RUN.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            words = [(word.start() + match.start(), word.group(0)) for word in re.finditer(r"\S+", match.group(0))]

            def ordinary(word: str) -> bool:
                return word in self.known_words or word.lower() in lower

            while words and ordinary(words[-1][1]):  # "Beth Kaur Family member": the name ends at Kaur
                words.pop()
            while len(words) > 1 and ordinary(words[0][1]) and words[0][1] not in first_names():
                words.pop(0)
            if len(words) < 2:
                continue
            start, end = words[0][0], words[-1][0] + len(words[-1][1])
            phrase = text[start:end]
            if self._resolved(phrase):
                continue
            if words[0][1] in first_names() and not ordinary(words[1][1]):
                yield Candidate(phrase, "a common first name", where, context(start, end))
                continue
            at_start = _SENTENCE_END.search(text[:start]) is not None
            if not at_start and not any(ordinary(word) for _at, word in words):
                yield Candidate(phrase, "capitalised words", where, context(start, end))


_NOT_CONTENT = ("styles", "theme", "fontTable", "settings", "numbering", "webSettings", "Content_Types", "docProps")


def texts_of(name: str, content: bytes) -> list[tuple[str, str]]:
    """(where, paragraph) for the text a reader sees in a clean copy: Word and Excel paragraphs and
    cells, or a text file's lines."""
    import io
    import zipfile

    from lxml import etree

    from scrkit.anonymise.documents import blocks, joined_text, part_label
    from scrkit.anonymise.leaks import decode_text

    if not content.startswith(b"PK"):
        text = decode_text(content) or ""
        return [(f"{name} line {number}", line) for number, line in enumerate(text.splitlines(), start=1)]
    found: list[tuple[str, str]] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for part in archive.namelist():
            if not part.endswith(".xml") or any(word in part for word in _NOT_CONTENT):
                continue
            root = etree.fromstring(archive.read(part), parser)
            where = f"{name} ({part_label(part)})"
            for _owner, nodes in blocks(root, simple_elements=False):
                text = joined_text(nodes)
                if text.strip():
                    found.append((where, text))
            for sheet in root.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
                found.append((f"{name} (sheet names)", sheet.get("name", "")))
    return found


def known_phrases(records: object, anonymiser: Anonymiser) -> list[str]:
    """Phrases of this review that are not people: agencies, the board, job titles, the named chairs."""
    from scrkit.case.records import ReviewRecords

    assert isinstance(records, ReviewRecords)
    phrases: list[str] = [records.board.name, records.board.short_name, records.review.reference]
    for agency in records.agencies.agencies:
        phrases.extend([agency.name, agency.short_name or "", *agency.aliases, *agency.address])
        for officer in (agency.chief_officer, agency.lscb_representative):
            if officer and officer.title:
                phrases.append(officer.title)
    phrases.extend(records.board.address)
    for person in anonymiser.register.people:
        phrases.extend([person.replacement, person.role])
    phrases.extend(anonymiser.register.exempt)
    phrases.extend(member.job_title for member in records.panel.members)
    phrases.extend(person.role for person in records.people.professionals)
    return [phrase for phrase in phrases if phrase]
