"""Reading records: every scalar as text, line numbers kept, tags and anchors refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.records.yamlfile import (
    YamlProblem,
    dump_document,
    line_of,
    parse_document,
    read_document,
    to_plain,
    to_yaml_value,
)


def test_scalars_are_read_as_written() -> None:
    plain = to_plain(parse_document("a: 012345\nb: NO\nc: 2026-01-05\nd: true\ne: 1.50\n"))
    assert plain == {"a": "012345", "b": "NO", "c": "2026-01-05", "d": "true", "e": "1.50"}


def test_blank_and_tilde_are_missing_but_the_word_null_is_a_name() -> None:
    plain = to_plain(parse_document("a:\nb: ~\nc: ''\nsurname: Null\n"))
    assert plain == {"a": None, "b": None, "c": None, "surname": "Null"}


def test_line_of_points_at_the_field() -> None:
    document = parse_document("# comment\ntop: 1\nlist:\n  - id: a\n    name: x\n  - id: b\n    name: y\n")
    assert line_of(document, ["top"]) == 2
    assert line_of(document, ["list", 1, "name"]) == 7
    # A missing field is reported at the nearest line that exists.
    assert line_of(document, ["list", 1, "missing"]) == 6


def test_duplicate_keys_are_refused_with_the_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_document("name: a\nother: b\nname: c\n")
    assert caught.value.line == 3
    assert "written twice" in caught.value.message


@pytest.mark.parametrize(
    "text",
    ["a: !!python/object:os.system x\n", "a: !custom {x: 1}\n", "a: &anchor {x: 1}\nb: *anchor\n"],
)
def test_tags_anchors_and_aliases_are_refused(text: str) -> None:
    with pytest.raises(YamlProblem, match="not allowed"):
        parse_document(text)


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_document("a: 1\nb: [unclosed\nc: 2\n")
    assert caught.value.line is not None and caught.value.line >= 2


def test_non_utf8_file_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "child.yaml"
    path.write_bytes(b"name: ok\naddress: caf\xe9\n")
    with pytest.raises(YamlProblem) as caught:
        read_document(path)
    assert caught.value.line == 2


def test_notepad_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "child.yaml"
    path.write_bytes("\ufeffname: Zoë\n".encode())
    assert to_plain(read_document(path)) == {"name": "Zoë"}


def test_round_trip_keeps_comments_order_and_layout() -> None:
    original = "# written by hand\nb: 2   # keep me\na: [x, y]\nnested:\n  - {id: p, name: Q}\n"
    document = parse_document(original)
    document["b"] = "3"
    assert dump_document(document) == original.replace("b: 2 ", "b: 3 ")


def test_values_scrkit_writes_read_back_the_same() -> None:
    import datetime as dt

    document = parse_document("a: x\n")
    document["when"] = to_yaml_value(dt.date(2026, 2, 28))
    document["flag"] = to_yaml_value(True)
    document["blank"] = to_yaml_value(None)
    document["code"] = to_yaml_value("012345")
    document["story"] = to_yaml_value("line one\nline two")
    plain = to_plain(parse_document(dump_document(document)))
    assert plain == {
        "a": "x",
        "when": "2026-02-28",
        "flag": "yes",
        "blank": None,
        "code": "012345",
        "story": "line one\nline two",
    }


def test_line_of_a_field_added_in_memory_is_the_enclosing_line() -> None:
    document = parse_document("items:\n  - id: a\n    name: x\n")
    document["items"][0]["added"] = "new"
    assert line_of(document, ["items", 0, "added"]) == 2


def test_the_fast_path_reads_text_as_text_and_steps_aside_when_unsure() -> None:
    from scrkit.records.yamlfile import fast_plain

    assert fast_plain(b"a: 012345\nb: NO\nc:\nd: ~\ne: Smith & Jones\nf: Hello!\n") == {
        "a": "012345", "b": "NO", "c": None, "d": None, "e": "Smith & Jones", "f": "Hello!",
    }  # fmt: skip
    for careful in (b"a: &x {b: 1}\nc: *x\n", b"a: !!python/object x\n", b"a: 1\na: 2\n", b"a: [1\n", b"\xff\xfe"):
        assert fast_plain(careful) is None, careful


def test_a_record_with_an_alias_is_still_refused(review_dir: Path) -> None:
    import pytest

    from scrkit.errors import InvalidReview
    from scrkit.review.casefolder import CaseFolder

    path = review_dir / "board.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "extra: &x {a: 1}\nmore: *x\n", encoding="utf-8")
    with pytest.raises(InvalidReview, match="1 problem"):
        CaseFolder.open(review_dir).load()


def test_the_fast_path_reads_every_record_as_the_careful_path_does() -> None:
    from scrkit.case.layout import RECORD_KINDS
    from scrkit.records.yamlfile import fast_plain, parse_record_bytes, to_plain
    from scrkit.resources import FORMS, example_review

    samples = [(example_review() / kind.file_name).read_bytes() for kind in RECORD_KINDS]
    samples += [(FORMS / kind.file_name).read_bytes() for kind in RECORD_KINDS if (FORMS / kind.file_name).exists()]
    samples += [
        b"notes: |\n  line one\n  line two: with a colon\n",
        b"people:\n  - {id: a, name: 'Ann O''Neill'}\n  - id: b\n    name: \"Bo \\\"B\\\"\"\n",
        b"empty_list: []\nempty_map: {}\nblank:\nquoted_blank: ''\n",
        b"# only a comment\nkey: value  # and a trailing one\n",
    ]
    for raw in samples:
        assert fast_plain(raw) == to_plain(parse_record_bytes(raw)), raw[:60]
