"""The genogram's structure, read from its SVG: shapes, kinds, positions and order (Appendix 15)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scrkit.errors import BadInput, ExitCode
from scrkit.genogram.draw import genogram
from scrkit.genogram.layout import SIZE
from tests.conftest import replace_in

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def drawn(example_records):  # noqa: ANN001, ANN201
    return genogram(example_records)


def elements(svg: str, kind: str, person: str | None = None) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [
        element
        for element in root.iter()
        if element.get("class") == kind and (person is None or element.get("data-person") == person)
    ]


def centre(svg: str, person: str) -> tuple[float, float]:
    for kind in ("male", "female", "unknown"):
        for element in elements(svg, kind, person):
            if kind == "male":
                return float(element.get("x")) + SIZE / 2, float(element.get("y")) + SIZE / 2
            if kind == "female":
                return float(element.get("cx")), float(element.get("cy"))
            xs = [float(p.split(",")[0]) for p in element.get("points").split()]
            ys = [float(p.split(",")[1]) for p in element.get("points").split()]
            return sum(xs) / 4, sum(ys) / 4
    raise AssertionError(f"no symbol for {person}")


def test_symbols_by_gender(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    assert elements(svg, "male", "father") and elements(svg, "male", "half-brother")  # squares
    assert elements(svg, "female", "mother") and elements(svg, "female", "child")  # circles
    assert elements(svg, "unknown", "partners-child")  # a distinct symbol where gender is not known
    assert not elements(svg, "male", "mother") and not elements(svg, "female", "father")


def test_the_deceased_are_crossed_and_the_living_are_not(drawn) -> None:  # noqa: ANN001
    assert len(elements(drawn.svg, "deceased-cross", "great-grandmother")) == 2
    assert len(elements(drawn.svg, "deceased-cross", "maternal-grandfather")) == 2
    assert elements(drawn.svg, "deceased-cross", "mother") == []


def test_relationship_lines_and_strokes(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    [divorce] = elements(svg, "relationship", "mother+tyler-father")
    assert divorce.get("stroke-dasharray") is None and divorce.get("data-status") == "enduring"
    assert len(elements(svg, "separation-stroke", "mother+tyler-father")) == 2  # divorced: two strokes
    [transitory] = elements(svg, "relationship", "mother+father")
    assert transitory.get("stroke-dasharray")  # a broken line
    assert len(elements(svg, "separation-stroke", "mother+father")) == 1  # separated: one stroke
    [together] = elements(svg, "relationship", "mother+mothers-partner")
    assert together.get("stroke-dasharray") is None
    assert elements(svg, "separation-stroke", "mother+mothers-partner") == []


def test_four_generations_top_to_bottom(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    rows = [centre(svg, p)[1] for p in ("great-grandmother", "maternal-grandmother", "mother", "child")]
    assert rows == sorted(rows) and len(set(rows)) == 4
    assert centre(svg, "fathers-partner")[1] == centre(svg, "father")[1]  # partners share a row


def test_children_eldest_on_the_left_and_twins_from_one_stalk(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    # Liam's child (2015) and the miscarriage (2025) hang from different couples; within the mother's
    # children with Darren and Kieran, Tyler (2018) stands left of Mia-Rose (2024).
    assert centre(svg, "half-brother")[0] < centre(svg, "child")[0]
    stalks = elements(svg, "twin-stalk")
    assert {s.get("data-person") for s in stalks} == {"half-sister-1", "half-sister-2"}
    starts = {(s.get("x1"), s.get("y1")) for s in stalks}
    assert len(starts) == 1  # both twins hang from a single point
    assert elements(svg, "child-line", "half-sister-1") == []


def test_a_miscarriage_is_a_small_cross_in_birth_order(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    crosses = elements(svg, "loss", "miscarriage-2025")
    assert len(crosses) == 2
    assert all(abs(float(c.get("x2")) - float(c.get("x1"))) < 20 for c in crosses)  # smaller than a symbol
    assert not elements(svg, "female", "miscarriage-2025") and not elements(svg, "unknown", "miscarriage-2025")


def test_households_enclose_their_members_and_no_one_else(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    boxes: dict[str, list[tuple[float, float, float, float]]] = {}
    for group in elements(svg, "household"):
        rect = group.find(f"{SVG}rect")
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        boxes.setdefault(group.get("data-person"), []).append((x, y, x + w, y + h))
    members = {
        "quillan-close": {"child", "mother", "mothers-partner", "half-brother"},
        "tanner-house": {"father", "fathers-partner", "half-sister-1", "half-sister-2"},
        "orchard-vale": {"maternal-grandmother"},
    }
    everyone = {element.get("data-person") for k in ("male", "female", "unknown") for element in elements(svg, k)}
    for household, inside in members.items():
        for person in everyone:
            x, y = centre(svg, person)
            enclosed = any(left < x < right and top < y < bottom for left, top, right, bottom in boxes[household])
            assert enclosed == (person in inside), (household, person)
        # The border is dotted.
        assert all(g.find(f"{SVG}rect").get("stroke-dasharray") for g in elements(svg, "household"))


def test_names_and_dates_under_each_symbol_and_the_subject_marked(drawn) -> None:  # noqa: ANN001
    svg = drawn.svg
    lines = elements(svg, "name", "mother")
    assert [line.text for line in lines] == ["Jodie", "Fenwick"]  # too wide for one line between the gaps
    assert all(float(line.get("y")) > centre(svg, "mother")[1] for line in lines)
    assert [line.text for line in elements(svg, "name", "mothers-partner")] == ["Liam Ostrow"]
    assert elements(svg, "dob", "mother")[0].text == "b. 22/07/1999"
    assert elements(svg, "subject-ring", "child") and elements(svg, "caption", "child")[0].text == "SUBJECT CHILD"
    assert drawn.png[:8] == b"\x89PNG\r\n\x1a\n"


def test_anonymised_drawing(example_records) -> None:  # noqa: ANN001
    drawn = genogram(example_records, anonymise=True)
    names = {element.text for element in elements(drawn.svg, "name")}
    assert "Child A" in names and "Mother" in names and "Jodie Fenwick" not in names
    assert "b. 1999" in {element.text for element in elements(drawn.svg, "dob")}
    people = {element.get("data-person") for element in ET.fromstring(drawn.svg).iter() if element.get("data-person")}
    assert people and all(part[0] in "ph" and part[1:].isdigit() for key in people for part in key.split("+"))


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("    parents: [great-grandmother, great-grandfather]\n", "    parents: [great-grandmother, mother]\n",
         "own ancestor"),
        ("    parents: [mother, tyler-father]\n", "    parents: [mother, tyler-father, father]\n", "has 3 parents"),
        ("  - {between: [mother, father], kind: transitory", "  - {between: [mother, uncle-bob], kind: transitory",
         "unknown person 'uncle-bob'"),
    ],
)  # fmt: skip
def test_impossible_families_are_refused_naming_the_people(example_records, old: str, new: str, expected: str) -> None:  # noqa: ANN001
    """The drawing's own refusal, for records that reach it without the review's checks."""
    import dataclasses

    from scrkit.models.people import People
    from scrkit.records.yamlfile import parse_document, to_plain
    from scrkit.resources import example_review

    text = (example_review() / "people.yaml").read_text(encoding="utf-8")
    assert old in text
    people = People.model_validate(to_plain(parse_document(text.replace(old, new))))
    with pytest.raises(BadInput) as caught:
        genogram(dataclasses.replace(example_records, people=people))
    assert expected in caught.value.message
    assert "(" in caught.value.message  # people named, with their ids


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("    parents: [great-grandmother, great-grandfather]\n", "    parents: [great-grandmother, mother]\n",
         "family[maternal-grandmother].parents: make 'maternal-grandmother' their own ancestor"),
        ("  - {between: [mother, father], kind: transitory", "  - {between: [mother, uncle-bob], kind: transitory",
         "names 'uncle-bob' as a partner, who is not in child.yaml or people.yaml"),
        ("    parents: [mother, tyler-father]\n", "    parents: [mother, nobody-at-all]\n",
         "names 'nobody-at-all' as a parent"),
    ],
)  # fmt: skip
def test_validate_refuses_an_impossible_family(scrkit, review_dir: Path, old: str, new: str, expected: str) -> None:  # noqa: ANN001
    replace_in(review_dir / "people.yaml", old, new)
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND and expected in result.err, result.err
    assert "people.yaml:" in result.err  # with the line to fix


def test_command(scrkit, review_dir: Path) -> None:
    result = scrkit("genogram", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    assert (review_dir / "reports" / "genogram.svg").is_file() and (review_dir / "reports" / "genogram.png").is_file()
    replace_in(review_dir / "people.yaml", "    parents: [mother, tyler-father]\n", "    parents: [half-brother]\n")
    refused = scrkit("genogram", "-r", review_dir)
    assert refused.code == ExitCode.PROBLEMS_FOUND and "own ancestor" in refused.err and "Traceback" not in refused.err


def test_a_name_far_longer_than_any_name_is_cut_short_not_drawn_at_length(review_dir: Path) -> None:
    """Issue 18: a 120 KB name made the PNG hang. It is cut to 60 characters with an ellipsis."""
    from scrkit.genogram.draw import genogram
    from scrkit.review.casefolder import CaseFolder
    from tests.conftest import replace_in

    replace_in(review_dir / "people.yaml", "name: Carol Fenwick", "name: Carol " + "Fenwick" * 17000)
    drawn = genogram(CaseFolder.open(review_dir).load())  # PNG and SVG both drawn from the cut label
    labels = [shape.text for shape in drawn.drawing.shapes if getattr(shape, "text", None)]
    assert max(len(label) for label in labels) <= 60 and any(label.endswith("\u2026") for label in labels)
