"""YAML mistakes people make in Notepad, explained in plain English at the line of the mistake
(issue 15, item 3), through `scrkit validate` as a business manager would meet them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from tests.conftest import line_number_of

PEOPLE_START = "family:\n  - id: mother\n    name: Jodie Fenwick\n"


@pytest.mark.parametrize(
    ("mistake", "typed", "marker", "expected"),
    [
        (
            "the Tab key",
            "family:\n  - id: mother\n\tname: Jodie Fenwick\n",
            "\tname: Jodie Fenwick",
            "this line has a Tab (the Tab key); YAML lines up its fields with spaces only",
        ),
        (
            "[] left above its items",
            "family: []\n  - id: mother\n    name: Jodie Fenwick\n",
            "family: []",
            "'family: []' says there is nothing here, but entries follow on the next lines; delete the '[]'",
        ),
        (
            "a field indented one space too far",
            PEOPLE_START + "     relationship: Mother\n",
            "     relationship: Mother",
            "this line is indented 5 spaces, but the line above it is indented 4",
        ),
        (
            "a field indented one space short",
            PEOPLE_START + "   relationship: Mother\n",
            "   relationship: Mother",
            "this line is indented 3 spaces, but the line above it is indented 4",
        ),
        (
            "an unclosed quote",
            'family:\n  - id: mother\n    name: "Jodie Fenwick\n    relationship: Mother\n',
            'name: "Jodie Fenwick',
            'a quotation mark (") opens the text on this line and is never closed',
        ),
        (
            "a field written twice",
            PEOPLE_START + "    relationship: Mother\n    name: Jodie Ann Fenwick\n",
            "name: Jodie Ann Fenwick",
            "'name' is written twice in the same entry (first on line {first}); keep the one that is right",
        ),
    ],
)
def test_a_yaml_mistake_is_named_at_its_line(
    scrkit, review_dir: Path, mistake: str, typed: str, marker: str, expected: str
) -> None:
    people = review_dir / "people.yaml"
    text = people.read_text(encoding="utf-8")
    start, end = text.index("\nfamily:") + 1, text.index("\nprofessionals:") + 1
    people.write_text(text[:start] + typed + text[end:], encoding="utf-8")
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND, mistake
    line = line_number_of(people, marker)
    if "{first}" in expected:
        expected = expected.format(first=line_number_of(people, "    name: Jodie Fenwick"))
    assert f"people.yaml:{line}: {expected}" in result.err, f"{mistake}: {result.err}"
    assert "block end" not in result.err and "Traceback" not in result.err


def test_a_colon_inside_text(scrkit, review_dir: Path) -> None:
    agencies = review_dir / "agencies.yaml"
    marker = "    secure_email: public.protection@police.ashcombe.example"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text.replace(marker, marker + "\n    kind: Head of Service: Safeguarding", 1), encoding="utf-8")
    result = scrkit("validate", "-r", review_dir)
    line = line_number_of(agencies, "kind: Head of Service")
    assert f"agencies.yaml:{line}: the text after 'kind:' has a colon and a space in it" in result.err
    assert 'put the text in double quotes: kind: "Head of Service: Safeguarding"' in result.err


def test_unicode_windows_line_endings_and_a_byte_order_mark(scrkit, review_dir: Path) -> None:
    people = review_dir / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))  # Notepad: BOM and CRLF
    assert scrkit("validate", "-r", review_dir).code == ExitCode.OK
    people.write_bytes(text.encode("utf-16"))  # Notepad's "Unicode"
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "saved as 'Unicode' (UTF-16)" in result.err and "set Encoding to UTF-8" in result.err


def test_letters_for_circumstances_and_single_words_for_entries(scrkit, review_dir: Path) -> None:
    review = review_dir / "review.yaml"
    text = review.read_text(encoding="utf-8")
    start = text.index("circumstances:\n")
    end = text.index("\n", text.rindex("    detail:", start)) + 1
    review.write_text(text[:start] + "circumstances: [b, e]\n" + text[end:], encoding="utf-8")
    assert scrkit("validate", "-r", review_dir).code == ExitCode.OK  # as the record's comment says
    people = review_dir / "people.yaml"
    text = people.read_text(encoding="utf-8")
    start, end = text.index("\nhouseholds:") + 1, len(text)
    people.write_text(text[:start] + "households: [quillan-close]\n", encoding="utf-8")
    result = scrkit("validate", "-r", review_dir)
    assert "'quillan-close' is written as a single word, but each entry here needs its fields" in result.err
    assert "'- id: ...'" in result.err
