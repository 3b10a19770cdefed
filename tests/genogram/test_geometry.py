"""The genogram shows the family truly (issue 17, item 5; App 15), checked from the drawn geometry on
the example family and on families built here: blended, several partners, twins, losses, one-parent
children, and a set generated at random (seeded, so a failure can be drawn again).

* every child's line descends from their own parents' couple line (or from their one parent), from a
  point in a gap between people, never from under a neighbour;
* each child hangs from their own family's bar, which meets their family's descent;
* no line crosses a label (a name, a date, SUBJECT CHILD, a household's name);
* no two couple lines of a row lie on one line; no two families' bars overlap on one line;
* names print at 8 pt or more when the drawing is placed 160 mm wide on an A4 page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterator

import pytest

from scrkit.genogram.draw import genogram
from scrkit.genogram.layout import LABEL_WIDTH, LINE_KINDS, LOSS, NAME_SIZE, SIZE, Drawing, crosses
from scrkit.models.child import Gender
from scrkit.models.people import FamilyMember, Household, Relationship

PLACED_WIDTH_MM = 160  # how wide the IMR template and the monthly report place the genogram
POINT_MM = 25.4 / 72


def person(id: str, gender: str, born: str, parents: tuple[str, ...] = (), **extra: object) -> FamilyMember:  # noqa: A002
    return FamilyMember(
        id=id, name=id.replace("-", " ").title(), relationship=id, gender=Gender(gender),
        date_of_birth=dt.date.fromisoformat(born), parents=list(parents), **extra,
    )  # fmt: skip


def couple(first: str, second: str, kind: str = "enduring", status: str = "together", start: str | None = None):  # noqa: ANN201
    return Relationship(between=[first, second], kind=kind, status=status,
                        start=dt.date.fromisoformat(start) if start else None)  # fmt: skip


def family_of(example_records, child_parents: tuple[str, ...], members, relationships, households=()):  # noqa: ANN001, ANN201
    """The example's records with this family instead (the child keeps her id, 'child')."""
    people = dataclasses.replace(example_records.people) if False else example_records.people.model_copy(
        update={"family": list(members), "relationships": list(relationships), "households": list(households)}
    )  # fmt: skip
    child = example_records.child.model_copy(update={"parents": list(child_parents), "twin_of": None})
    return dataclasses.replace(example_records, people=people, child=child)


def blended(example_records):  # noqa: ANN001, ANN201
    # Mother with two former partners (a child by each) and a current partner who has a son of his own;
    # the subject child is the mother's and the current partner's.
    members = [
        person("mother", "female", "1990-01-01"), person("partner", "male", "1988-05-05"),
        person("ex-one", "male", "1987-03-03"), person("ex-two", "male", "1989-04-04"),
        person("his-ex", "female", "1989-09-09"),
        person("first-son", "male", "2010-02-02", ("mother", "ex-one")),
        person("second-daughter", "female", "2014-06-06", ("mother", "ex-two")),
        person("his-son", "male", "2012-07-07", ("partner", "his-ex")),
    ]  # fmt: skip
    relationships = [
        couple("mother", "ex-one", status="divorced", start="2008-01-01"),
        couple("mother", "ex-two", "transitory", "separated", start="2013-01-01"),
        couple("mother", "partner", start="2018-01-01"),
        couple("partner", "his-ex", status="separated", start="2010-01-01"),
    ]
    households = [Household(id="home", label="12 Elm Road", members=["child", "mother", "partner", "first-son"])]
    return family_of(example_records, ("mother", "partner"), members, relationships, households)


def several_partners_twins_losses(example_records):  # noqa: ANN001, ANN201
    # A father with three partners, twins with one of them, a miscarriage and a termination in birth order,
    # and a child whose father is not known (one parent).
    members = [
        person("father", "male", "1985-01-01"), person("mother", "female", "1992-02-02"),
        person("first-partner", "female", "1984-03-03"), person("third-partner", "female", "1990-04-04"),
        person("twin-a", "female", "2008-05-05", ("father", "first-partner")),
        person("twin-b", "male", "2008-05-05", ("father", "first-partner"), twin_of="twin-a"),
        person("loss-2019", "unknown", "2019-01-01", ("father", "mother"), pregnancy_loss="miscarriage"),
        person("loss-2023", "unknown", "2023-01-01", ("father", "mother"), pregnancy_loss="termination"),
        person("younger", "male", "2024-03-03", ("father", "mother")),
        person("half-sister", "female", "2016-08-08", ("third-partner",)),
        person("grandmother", "female", "1960-01-01"), person("grandfather", "male", "1958-01-01"),
    ]  # fmt: skip
    members[0] = members[0].model_copy(update={"parents": ["grandmother", "grandfather"]})
    relationships = [
        couple("father", "first-partner", status="divorced", start="2006-01-01"),
        couple("father", "mother", start="2017-01-01"),
        couple("father", "third-partner", "transitory", "separated", start="2015-01-01"),
        couple("grandmother", "grandfather", start="1980-01-01"),
    ]
    households = [
        Household(id="flat", label="Flat 3, Tanner House", members=["child", "father", "mother", "younger"]),
        Household(id="nan", label="The grandparents", members=["grandmother", "grandfather"]),
    ]
    return family_of(example_records, ("father", "mother"), members, relationships, households)


def random_family(example_records, seed: int):  # noqa: ANN001, ANN201
    """Two to four couples in the parents' row, some with grandparents, children of each, twins and losses."""
    rng = random.Random(seed)
    members, relationships, year = [], [], 1960
    parents_row = []
    for number in range(rng.randint(2, 3)):
        a, b = f"a{number}", f"b{number}"
        members += [person(a, "female", f"{1980 + number}-01-01"), person(b, "male", f"{1979 + number}-06-01")]
        relationships.append(couple(a, b, rng.choice(["enduring", "transitory"]), rng.choice(["together", "separated",
                                    "divorced"]), start=f"{2000 + number}-01-01"))  # fmt: skip
        parents_row += [a, b]
    # One extra partner for someone: several partners.
    extra = rng.choice(parents_row)
    members.append(person("extra", "male" if extra.startswith("a") else "female", "1982-02-02"))
    relationships.append(couple(extra, "extra", start="2010-01-01"))
    if rng.random() < 0.7:  # grandparents above the first couple
        members += [person("gm", "female", f"{year}-01-01"), person("gf", "male", f"{year - 2}-01-01")]
        relationships.append(couple("gm", "gf"))
        members[0] = members[0].model_copy(update={"parents": ["gm", "gf"]})
    child_parents = ("a0", "b0")
    born = 2005
    for relationship in relationships:
        first, second = relationship.between
        if "g" in first[:1] and first in ("gm", "gf"):
            continue
        for _ in range(rng.randint(0, 2)):
            born += 1
            kind = rng.random()
            cid = f"c{len(members)}"
            if kind < 0.15:
                members.append(person(cid, "unknown", f"{born}-01-01", (first, second), pregnancy_loss="miscarriage"))
            elif kind < 0.3:
                members.append(person(cid, "female", f"{born}-03-03", (first, second)))
                members.append(person(cid + "t", "male", f"{born}-03-03", (first, second), twin_of=cid))
            else:
                members.append(person(cid, rng.choice(["male", "female"]), f"{born}-05-05", (first, second)))
    if rng.random() < 0.5:  # grandparents on the other side too
        members += [person("om", "female", "1958-03-03"), person("of", "male", "1957-04-04")]
        relationships.append(couple("om", "of", status=rng.choice(["together", "divorced"])))
        index = next(n for n, m in enumerate(members) if m.id == "b0")
        members[index] = members[index].model_copy(update={"parents": ["om", "of"]})
    if rng.random() < 0.5:  # a child of one parent
        members.append(person("solo", "female", "2011-11-11", (rng.choice(parents_row),)))
    children = [m.id for m in members if m.parents and not m.pregnancy_loss and m.id.startswith("c")]
    if children and rng.random() < 0.5:  # a fourth generation: a grown child with a partner and a baby
        grown = rng.choice(children)
        members.append(person("in-law", "male", "2004-04-04"))
        relationships.append(couple(grown, "in-law", rng.choice(["enduring", "transitory"])))
        members.append(person("baby", "female", "2025-01-01", (grown, "in-law")))
    return family_of(example_records, child_parents, members, relationships)


def families(example_records) -> Iterator[tuple[str, object]]:  # noqa: ANN001
    yield "example", example_records
    yield "blended", blended(example_records)
    yield "several partners, twins and losses", several_partners_twins_losses(example_records)
    for seed in range(12):
        yield f"random family {seed}", random_family(example_records, seed)


def shapes_of(drawing: Drawing, kind: str, person: str | None = None) -> list:
    return drawing.of(kind, person)


def check(drawing: Drawing) -> None:
    rows: dict[float, list[str]] = {}
    for who, (_, y) in drawing.positions.items():
        rows.setdefault(y, []).append(who)
    row_of = {who: y for y, people in rows.items() for who in people}
    couple_lines = {shape.person: shape for shape in drawing.shapes if shape.kind == "relationship"}

    def couple_line(parents: tuple[str, ...]):  # noqa: ANN202
        for key in ("+".join(parents), "+".join(reversed(parents))):
            if key in couple_lines:
                return couple_lines[key]
        raise AssertionError(f"no couple line for {parents}")

    families: dict[tuple[str, ...], list[str]] = {}
    for descent in shapes_of(drawing, "descent"):
        families.setdefault(tuple(descent.person.split("+")), [])
    for parents in families:
        descents = shapes_of(drawing, "descent", "+".join(parents))
        vertical = next(d for d in descents if d.points[0] == d.points[2])
        x, top, _, bottom = vertical.points
        parent_row = row_of[parents[0]]
        if len(parents) == 2:
            line = couple_line(parents)
            lx1, ly, lx2, _ = line.points
            assert top == ly and min(lx1, lx2) < x < max(lx1, lx2), f"{parents}: the descent leaves its own line"
        else:
            (px, py) = drawing.positions[parents[0]]
            [side] = [d for d in descents if d is not vertical]
            assert abs(side.points[0] - px) == SIZE / 2 and side.points[1] == py, f"{parents}: not from the parent"
        for neighbour in rows[parent_row]:
            nx = drawing.positions[neighbour][0]
            assert abs(nx - x) > LABEL_WIDTH / 2, f"{parents}: the descent comes down under {neighbour}"
        [bar] = shapes_of(drawing, "sibling-bar", "+".join(parents))
        assert bar.points[1] == bottom and bar.points[0] <= x <= bar.points[2]
        children = [who for who, (cx, _) in drawing.positions.items() if _parents_of(drawing, who) == parents]
        for child in children:
            lines = shapes_of(drawing, "child-line", child) + shapes_of(drawing, "twin-stalk", child)
            assert lines, f"{child} hangs from nothing"
            for line in lines:
                assert line.points[1] == bar.points[1] and bar.points[0] <= line.points[0] <= bar.points[2], child
    # No line crosses a label.
    lines = [shape for shape in drawing.shapes if shape.kind in LINE_KINDS]
    for label in drawing.labels:
        for line in lines:
            assert not crosses(line, label.box), f"a {line.kind} ({line.person}) crosses '{label.text}'"
    # No line runs through anyone's symbol (lines end at a symbol's edge).
    for who, (sx, sy) in drawing.positions.items():
        inner = (LOSS if drawing.of("loss", who) else SIZE) / 2 - 2
        for line in lines:
            assert not crosses(line, (sx - inner, sy - inner, sx + inner, sy + inner)), f"a {line.kind} crosses {who}"
    # Lines of different families never run along one another or meet end to line (a T reads as a
    # join); they may only cross, each through the other's middle.
    owned = [(line, _owners(line, drawing)) for line in lines]
    for number, (one, mine) in enumerate(owned):
        for other, theirs in owned[number + 1 :]:
            if mine & theirs:
                continue
            assert not _touch(one.points, other.points), (
                f"a {one.kind} ({one.person}) and a {other.kind} ({other.person}) meet as if joined"
            )
    # No two couple lines, and no two overlapping bars, on one line.
    levels = [line.points[1] for line in couple_lines.values()]
    assert len(levels) == len(set(levels)), "two couple lines lie on one line"
    bars = shapes_of(drawing, "sibling-bar")
    for one, other in ((a, b) for i, a in enumerate(bars) for b in bars[i + 1 :]):
        if one.points[1] == other.points[1]:
            assert one.points[2] < other.points[0] or other.points[2] < one.points[0], "two bars overlap"


def _owners(line, drawing: Drawing) -> set[str]:  # noqa: ANN001 - a Shape
    """Who a line belongs to: lines sharing an owner may meet (a drop and its couple's line, a child's
    line and their family's bar)."""
    if line.kind in ("child-line", "twin-stalk"):
        return {"family:" + "+".join(sorted(_parents_of(drawing, line.person) or ()))}
    people = set(line.person.split("+"))
    family = "+".join(sorted(people))
    if line.kind in ("descent", "sibling-bar"):
        return {"family:" + family} | ({"couple:" + family} if len(people) == 2 else set())
    # A couple's line and its partners' drops; a person's drops to each of their couples run together.
    return {"couple:" + family} | {"person:" + who for who in people}


def _touch(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two segments overlap along one line, or one ends on the other (not a clean crossing)."""
    (ax1, ay1, ax2, ay2), (bx1, by1, bx2, by2) = a, b

    def on(px: float, py: float, x1: float, y1: float, x2: float, y2: float) -> bool:
        cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)
        return (
            abs(cross) < 1e-6
            and min(x1, x2) - 1e-6 <= px <= max(x1, x2) + 1e-6
            and (min(y1, y2) - 1e-6 <= py <= max(y1, y2) + 1e-6)
        )

    ends_a = ((ax1, ay1), (ax2, ay2))
    ends_b = ((bx1, by1), (bx2, by2))
    return any(on(*end, bx1, by1, bx2, by2) for end in ends_a) or any(on(*end, ax1, ay1, ax2, ay2) for end in ends_b)


def _parents_of(drawing: Drawing, who: str) -> tuple[str, ...] | None:
    for shape in drawing.shapes:
        if shape.kind in ("child-line", "twin-stalk") and shape.person == who:
            bar = next(
                bar for bar in shapes_of(drawing, "sibling-bar")
                if bar.points[1] == shape.points[1] and bar.points[0] <= shape.points[0] <= bar.points[2]
            )  # fmt: skip
            return tuple(bar.person.split("+"))
    return None


@pytest.fixture(scope="module")
def drawings(example_records):  # noqa: ANN001, ANN201
    return [(name, genogram(records).drawing) for name, records in families(example_records)]


def test_every_family_is_drawn_truly(drawings) -> None:  # noqa: ANN001
    for name, drawing in drawings:
        try:
            check(drawing)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None


def test_the_subject_child_descends_from_her_own_parents(drawings) -> None:  # noqa: ANN001
    # The example: Mia-Rose's line comes from the line between Jodie (mother) and Kieran (father),
    # between the two of them, and not from under Darren (the mother's former partner).
    drawing = dict(drawings)["example"]
    [line] = [s for s in drawing.shapes if s.kind == "relationship" and s.person == "mother+father"]
    [descent] = [s for s in drawing.of("descent", "father+mother")]
    mother, father = drawing.positions["mother"][0], drawing.positions["father"][0]
    assert abs(mother - father) == 124  # side by side
    assert descent.points[0] == (mother + father) / 2 and descent.points[1] == line.points[1]


def test_names_print_at_8_pt_or_more_on_an_a4_page(example_records) -> None:  # noqa: ANN001
    # Six to a row at most: the example (Riley, the miscarriage, Tyler, Mia-Rose and the twins) and the
    # blended family. 14-unit names on a drawing under 790 units wide, placed 160 mm wide.
    for records in (example_records, blended(example_records)):
        drawn = genogram(records)
        points = NAME_SIZE / drawn.drawing.width * PLACED_WIDTH_MM / POINT_MM
        assert drawn.name_points == pytest.approx(points)
        assert points >= 8, f"names at {points:.1f} pt"


def test_a_family_too_wide_for_8_pt_is_flagged(scrkit, review_dir) -> None:  # noqa: ANN001
    # Eight children of the mother and her partner: nine to a row, too wide for 8 pt across A4.
    people = review_dir / "people.yaml"
    extra = "".join(
        f"  - {{id: sibling-{n}, name: Sibling {n}, relationship: Half-sibling, gender: female, "
        f"date_of_birth: 2016-0{n}-01, parents: [mother, mothers-partner]}}\n"
        for n in range(1, 9)
    )
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("\nprofessionals:", "\n" + extra + "professionals:", 1), encoding="utf-8")
    result = scrkit("genogram", "-r", review_dir)
    assert result.code == 0, result.err
    assert "its names print at" in result.err and "below 8 pt" in result.err


def test_a_partner_with_deeper_ancestry_shares_the_row(example_records) -> None:  # noqa: ANN001
    # Liam (the mother's partner) given a mother of his own: his line goes back one generation, the
    # mother's three. He still stands in the mother's row, his mother above him (it crashed once).
    family = [
        member.model_copy(update={"parents": ["liams-mother"]}) if member.id == "mothers-partner" else member
        for member in example_records.people.family
    ] + [person("liams-mother", "female", "1970-05-05")]
    records = dataclasses.replace(example_records, people=example_records.people.model_copy(update={"family": family}))
    drawing = genogram(records).drawing
    check(drawing)
    assert drawing.positions["mothers-partner"][1] == drawing.positions["mother"][1]
    assert drawing.positions["liams-mother"][1] == drawing.positions["maternal-grandmother"][1]


def test_twins_with_partners_stand_together(example_records) -> None:  # noqa: ANN001
    members = [
        person("mum", "female", "1960-01-01"), person("dad", "male", "1959-01-01"),
        person("ta", "female", "1985-01-01", ("mum", "dad")),
        person("tb", "female", "1985-01-01", ("mum", "dad"), twin_of="ta"),
        person("pa", "male", "1984-01-01"), person("pb", "male", "1983-01-01"),
        person("kb", "female", "2011-01-01", ("tb", "pb")),
    ]  # fmt: skip
    households = [Household(id="h1", label="Flat 2", members=["pa"])]
    records = family_of(example_records, ("ta", "pa"), members, [couple("mum", "dad"), couple("ta", "pa"),
                        couple("tb", "pb")], households)  # fmt: skip
    drawing = genogram(records).drawing
    check(drawing)
    assert abs(drawing.positions["ta"][0] - drawing.positions["tb"][0]) == 124  # side by side, partners outside


def test_partners_who_cannot_share_a_generation_are_refused_naming_them(scrkit, review_dir) -> None:  # noqa: ANN001
    # Liam recorded as the partner of both Jodie and her mother Carol: no row can hold all three.
    people = review_dir / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("relationships:             # for the genogram (App 15)\n",
                                   "relationships:             # for the genogram (App 15)\n"
                                   "  - {between: [mothers-partner, maternal-grandmother], kind: transitory}\n"),
                      encoding="utf-8")  # fmt: skip
    for command in (("validate",), ("genogram",)):
        result = scrkit(*command, "-r", review_dir)
        assert result.code != 0 and "Traceback" not in result.err
        assert "Liam Ostrow (mothers-partner) is recorded as the partner of both" in result.err, command
