"""Property: no registered name survives anonymisation, in any casing, possessive or run split,
and anonymising twice changes nothing."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrkit.anonymise.clean import PictureDesk, clean_copy
from scrkit.anonymise.register import Person, Register, name_forms
from scrkit.anonymise.text import Anonymiser

NAME = st.text(alphabet="bcdfghjklmnprstvwz", min_size=3, max_size=7).map(lambda s: s.capitalize() + "ix")
FILLER = st.sampled_from(["the", "visit", "said", "and", "home", "on", "Monday", "", ",", ".", "(", ")", "\n"])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def word_document(runs: list[str]) -> bytes:
    """The smallest .docx Word opens: one paragraph of the given runs (as Word splits text mid-word)."""
    body = "".join(f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>' for run in runs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body><w:p>{body}</w:p></w:body></w:document>'
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
    return stream.getvalue()


def paragraph_text(docx: bytes) -> str:
    from html import unescape

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return "".join(unescape(text) for text in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


def register_of(people: list[tuple[str, str]]) -> Register:
    return Register(
        people=tuple(
            Person(
                key=f"p{index}",
                replacement=f"Person {index + 1}",
                role="family",
                names=(f"{first} {last}",),
                forms=name_forms(f"{first} {last}"),
            )  # fmt: skip
            for index, (first, last) in enumerate(people)
        ),
        exempt=(),
    )


def casing(draw, word: str) -> str:  # noqa: ANN001
    style = draw(st.sampled_from(["upper", "lower", "title", "random"]))
    if style == "random":
        return "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
    return getattr(word, style)()


@st.composite
def case(draw):  # noqa: ANN201
    people = draw(st.lists(st.tuples(NAME, NAME), min_size=1, max_size=4, unique_by=lambda p: (p[0], p[1])))
    words = []
    for _ in range(draw(st.integers(1, 12))):
        first, last = draw(st.sampled_from(people))
        form = draw(st.sampled_from([first, last, f"{first} {last}", f"{first}  {last}", f"{first}-{last}"]))
        possessive = draw(st.sampled_from(["", "'s", "\u2019s", "'"]))
        words.append(casing(draw, form) + possessive)
        words.append(draw(FILLER))
    return people, " ".join(words)


@PROPERTY
@given(case())
def test_no_registered_form_survives_and_twice_changes_nothing(sample) -> None:  # noqa: ANN001
    people, text = sample
    anonymiser = Anonymiser(register_of(people))
    once = anonymiser.text(text)
    assert anonymiser.spans(once) == [], once
    for first, last in people:
        for form in (first, last):
            assert form.lower() not in once.lower().replace("person", ""), (form, once)
    assert anonymiser.text(once) == once


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(case(), st.lists(st.integers(1, 40), min_size=1, max_size=8))
def test_names_split_across_word_runs_are_caught(sample, cuts) -> None:  # noqa: ANN001
    people, text = sample
    text = text.replace("\n", " ")
    anonymiser = Anonymiser(register_of(people))
    positions = sorted({min(cut, len(text)) for cut in cuts} | {0, len(text)})
    # Word's own habit: a run ends mid-word.
    source = word_document([text[start:end] for start, end in zip(positions, positions[1:], strict=False)])
    once = clean_copy("a.docx", source, anonymiser, PictureDesk(None, frozenset())).content
    body = paragraph_text(once)
    assert anonymiser.spans(body) == [], body
    assert body == anonymiser.text(text)
    twice = clean_copy("a.docx", once, anonymiser, PictureDesk(None, frozenset())).content
    with zipfile.ZipFile(io.BytesIO(once)) as first, zipfile.ZipFile(io.BytesIO(twice)) as second:
        assert first.read("word/document.xml") == second.read("word/document.xml")
