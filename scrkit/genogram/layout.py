"""The family's genogram, laid out from the people records as Appendix 15 draws it.

Squares for males, circles for females, a diamond where the gender is not known; a cross through
a deceased person's symbol; an unbroken line for an enduring relationship (marriage, cohabitation),
a broken line for a transitory one, one short stroke for a separation, two for a divorce; children
hang from their parents' line, eldest on the left, twins from a single stalk, a miscarriage or
termination as a small cross in birth order; a dotted boundary around each household; the name (or
pseudonym) and date of birth under each symbol; the subject child marked.

The layout is pure data (`Drawing`): a list of shapes with their kind, the person they belong to and
their coordinates; `svg.py` and `png.py` draw the same shapes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput
from scrkit.models.child import Gender
from scrkit.models.people import RelationshipKind, RelationshipStatus

SLOT = 150  # horizontal space per person
ROW = 190  # vertical space per generation
SIZE = 40  # symbol size
LOSS = 16  # the small cross of a pregnancy loss
MARGIN = 100
WRAP = 18  # characters before a label goes onto two lines


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    born: dt.date | None
    died: dt.date | None
    gender: Gender
    subject: bool
    loss: str | None  # "miscarriage", "termination"
    parents: tuple[str, ...]
    twin_of: str | None


@dataclass(frozen=True)
class Shape:
    kind: str  # male, female, unknown, loss, deceased-cross, subject-ring, relationship, separation-stroke,
    #            descent, sibling-bar, child-line, twin-stalk, household, name, dob, caption
    person: str | None
    points: tuple[float, ...]  # x, y (symbols: centre); lines: x1, y1, x2, y2; boxes: x, y, width, height
    text: str = ""
    style: str = ""  # "solid", "dashed", "dotted"


@dataclass
class Drawing:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    generations: dict[str, int] = field(default_factory=dict)

    def of(self, kind: str, person: str | None = None) -> list[Shape]:
        return [s for s in self.shapes if s.kind == kind and (person is None or s.person == person)]


def nodes_from(records: ReviewRecords, anonymise: bool) -> tuple[dict[str, Node], list, list]:
    """The people of the genogram (the child and the family), checked for impossible data."""
    child = records.child
    nodes: dict[str, Node] = {}
    label = (lambda name, pseudonym: pseudonym or name) if anonymise else (lambda name, pseudonym: name)
    nodes[child.id] = Node(
        id=child.id,
        label=label(child.name, child.pseudonym or "Child A"),
        born=child.date_of_birth,
        died=child.date_of_death,
        gender=child.gender or Gender.UNKNOWN,
        subject=True,
        loss=None,
        parents=tuple(child.parents),
        twin_of=child.twin_of,
    )
    for member in records.people.family:
        nodes[member.id] = Node(
            id=member.id,
            label=label(member.name, member.pseudonym or member.relationship),
            born=member.date_of_birth,
            died=member.date_of_death,
            gender=member.gender or Gender.UNKNOWN,
            subject=False,
            loss=member.pregnancy_loss.value if member.pregnancy_loss else None,
            parents=tuple(member.parents),
            twin_of=member.twin_of,
        )
    _check(nodes, records)
    return nodes, list(records.people.relationships), list(records.people.households)


def _check(nodes: dict[str, Node], records: ReviewRecords) -> None:
    problems = []
    for node in nodes.values():
        if len(node.parents) > 2:
            problems.append(f"{node.label} ({node.id}) has {len(node.parents)} parents ({', '.join(node.parents)}); "
                            "a genogram shows at most a mother and a father")  # fmt: skip
        for parent in node.parents:
            if parent not in nodes:
                problems.append(f"{node.label} ({node.id}) names an unknown parent '{parent}'")
        if node.id in node.parents:
            problems.append(f"{node.label} ({node.id}) is named as their own parent")
        if node.twin_of and node.twin_of not in nodes:
            problems.append(f"{node.label} ({node.id}) is the twin of an unknown person '{node.twin_of}'")
    for relationship in records.people.relationships:
        if len(relationship.between) != 2 or relationship.between[0] == relationship.between[1]:
            problems.append(f"a relationship must be between two different people, not {relationship.between}")
        for person in relationship.between:
            if person not in nodes:
                problems.append(f"a relationship names an unknown person '{person}' (between {relationship.between})")
    for household in records.people.households:
        for person in household.members:
            if person not in nodes:
                problems.append(f"household '{household.id}' names an unknown person '{person}'")
    if problems:
        raise BadInput("The family cannot be drawn:\n" + "\n".join(f"  {p}" for p in problems),
                       hint="Correct people.yaml (and child.yaml), then draw again.")  # fmt: skip
    _check_ancestry(nodes)


def _check_ancestry(nodes: dict[str, Node]) -> None:
    state: dict[str, str] = {}

    def visit(person: str, trail: list[str]) -> None:
        if state.get(person) == "done":
            return
        if state.get(person) == "visiting":
            cycle = trail[trail.index(person) :] + [person]
            names = " -> ".join(f"{nodes[p].label} ({p})" for p in cycle)
            raise BadInput(f"The family cannot be drawn: someone is their own ancestor: {names}.",
                           hint="Check the `parents` lists in people.yaml.")  # fmt: skip
        state[person] = "visiting"
        for parent in nodes[person].parents:
            visit(parent, [*trail, person])
        state[person] = "done"

    for person in nodes:
        visit(person, [])


def _generations(nodes: dict[str, Node], relationships: list) -> dict[str, int]:
    generation: dict[str, int] = {}

    def of(person: str) -> int:
        if person not in generation:
            parents = nodes[person].parents
            generation[person] = 1 + max((of(p) for p in parents), default=-1)
        return generation[person]

    for person in nodes:
        of(person)
    # Partners share a row: raise the one without parents to their partner's generation; their
    # children follow them down. Repeat until nothing moves (the ancestry has no cycles).
    for _ in range(len(nodes) + 1):
        changed = False
        for person, node in nodes.items():
            below = 1 + max((generation[p] for p in node.parents), default=-1)
            if node.parents and generation[person] != below:
                generation[person] = below
                changed = True
        for relationship in relationships:
            first, second = relationship.between
            if generation[first] == generation[second]:
                continue
            low, high = sorted((first, second), key=lambda p: generation[p])
            if not nodes[low].parents:
                generation[low] = generation[high]
                changed = True
        if not changed:
            break
    return generation


def _birth_key(node: Node) -> tuple:
    return (node.born or dt.date.max, node.id)


def layout(records: ReviewRecords, anonymise: bool = False) -> Drawing:
    nodes, relationships, households = nodes_from(records, anonymise)
    generation = _generations(nodes, relationships)
    partners: dict[str, list[str]] = {person: [] for person in nodes}
    for relationship in relationships:
        first, second = relationship.between
        partners[first].append(second)
        partners[second].append(first)
    for person in partners:
        partners[person].sort(key=lambda p: _birth_key(nodes[p]))
    rows = max(generation.values(), default=0) + 1
    x: dict[str, float] = {}

    def unit(person: str) -> list[str]:
        """A person with their partners in the same row: a hub with two partners sits between them."""
        same_row = [p for p in partners[person] if generation[p] == generation[person] and p not in x]
        if len(same_row) >= 2:
            return [same_row[0], person, *same_row[1:]]
        return [person, *same_row]

    def place(sequence: list[str], desired_start: float, cursor: float) -> float:
        start = max(desired_start, cursor)
        for offset, person in enumerate(sequence):
            x[person] = start + offset * SLOT
        return start + len(sequence) * SLOT

    # The top row: units in order of birth.
    cursor = float(MARGIN)
    for person in sorted((p for p in nodes if generation[p] == 0), key=lambda p: _birth_key(nodes[p])):
        if person in x:
            continue
        cursor = place(unit(person), cursor, cursor)
    for row in range(1, rows):
        cursor = float(MARGIN)
        families: dict[tuple[str, ...], list[str]] = {}
        for person in nodes:
            if generation[person] == row and nodes[person].parents:
                families.setdefault(tuple(sorted(nodes[person].parents)), []).append(person)

        def midpoint(parents: tuple[str, ...]) -> float:
            placed = [x[p] for p in parents if p in x]
            return sum(placed) / len(placed) if placed else 0.0

        for parents in sorted(families, key=midpoint):
            children = sorted(families[parents], key=lambda p: _birth_key(nodes[p]))
            sequence: list[str] = []
            for child in children:
                if child in x or child in sequence:
                    continue
                sequence.extend(p for p in unit(child) if p not in sequence)
            width = (len(sequence) - 1) * SLOT
            cursor = place(sequence, midpoint(parents) - width / 2, cursor)
        for person in sorted(
            (p for p in nodes if generation[p] == row and p not in x), key=lambda p: _birth_key(nodes[p])
        ):
            cursor = place(unit(person), cursor, cursor)
    y = {person: MARGIN + 40 + generation[person] * ROW for person in nodes}
    drawing = Drawing(width=max(x.values(), default=0) + SLOT + MARGIN, height=MARGIN + rows * ROW + 40)
    drawing.positions = {person: (x[person], y[person]) for person in nodes}
    drawing.generations = generation
    _draw_households(drawing, households, anonymise)
    _draw_relationships(drawing, relationships, nodes)
    _draw_descent(drawing, nodes, relationships)
    for node in nodes.values():
        _draw_person(drawing, node, anonymise)
    if anonymise:
        _opaque_keys(drawing, list(nodes), [household.id for household in households])
    return drawing


def _opaque_keys(drawing: Drawing, people: list[str], households: list[str]) -> None:
    """Ids like 'tyler-father' or 'quillan-close' say too much: an anonymised drawing uses p1, h1."""
    keys = {person: f"p{number}" for number, person in enumerate(people, start=1)}
    keys.update({household: f"h{number}" for number, household in enumerate(households, start=1)})

    def opaque(label: str | None) -> str | None:
        return None if label is None else "+".join(keys.get(part, part) for part in label.split("+"))

    drawing.shapes = [
        Shape(shape.kind, opaque(shape.person), shape.points, shape.text, shape.style) for shape in drawing.shapes
    ]


def _draw_person(drawing: Drawing, node: Node, anonymise: bool = False) -> None:
    cx, cy = drawing.positions[node.id]
    half = SIZE / 2
    if node.loss:
        small = LOSS / 2
        drawing.shapes.append(Shape("loss", node.id, (cx - small, cy - small, cx + small, cy + small), node.loss))
        drawing.shapes.append(Shape("loss", node.id, (cx - small, cy + small, cx + small, cy - small), node.loss))
        drawing.shapes.append(Shape("name", node.id, (cx, cy + 24), node.loss.capitalize()))
        if node.born:
            drawing.shapes.append(
                Shape("dob", node.id, (cx, cy + 38), f"{node.born:%Y}" if anonymise else f"{node.born:%m/%Y}")
            )
        return
    drawing.shapes.append(Shape(node.gender.value, node.id, (cx, cy)))
    if node.subject:
        drawing.shapes.append(Shape("subject-ring", node.id, (cx, cy), node.gender.value))
        drawing.shapes.append(Shape("caption", node.id, (cx, cy - half - 12), "SUBJECT CHILD"))
    if node.died:
        reach = half + 6
        drawing.shapes.append(Shape("deceased-cross", node.id, (cx - reach, cy - reach, cx + reach, cy + reach)))
        drawing.shapes.append(Shape("deceased-cross", node.id, (cx - reach, cy + reach, cx + reach, cy - reach)))
    lines = _wrap(node.label)
    for number, line in enumerate(lines):
        drawing.shapes.append(Shape("name", node.id, (cx, cy + half + 16 + 13 * number), line))
    # Anonymised, a date of birth would identify: the year is enough to read the family's shape.
    shown = "%Y" if anonymise else "%d/%m/%Y"
    dates = f"b. {node.born:{shown}}" if node.born else "b. not known"
    if node.died:
        dates += f"  d. {node.died:{shown}}"
    drawing.shapes.append(Shape("dob", node.id, (cx, cy + half + 30 + 13 * (len(lines) - 1)), dates))


MAX_LABEL = 60  # a label longer than any real name is cut short, never drawn at any length (issue 18)


def _wrap(label: str) -> list[str]:
    """Long names and pseudonyms on two lines, split at the space nearest the middle; a label longer
    than any name (a 120 KB paste) is cut to ``MAX_LABEL`` characters with an ellipsis."""
    if len(label) > MAX_LABEL:
        label = label[: MAX_LABEL - 1].rstrip() + "\u2026"
    if len(label) <= WRAP or " " not in label:
        return [label]
    spaces = [index for index, char in enumerate(label) if char == " "]
    cut = min(spaces, key=lambda index: abs(index - len(label) / 2))
    return [label[:cut], label[cut + 1 :]]


def _relationship_y(drawing: Drawing, first: str, second: str) -> float:
    """Below the labels; a line spanning more people runs lower, so lines never lie on each other."""
    (x1, y1), (x2, y2) = drawing.positions[first], drawing.positions[second]
    span = max(round(abs(x1 - x2) / SLOT), 1)
    return max(y1, y2) + SIZE / 2 + 56 + 14 * (span - 1)


def _draw_relationships(drawing: Drawing, relationships: list, nodes: dict[str, Node]) -> None:
    for relationship in relationships:
        first, second = relationship.between
        (x1, y1), (x2, y2) = drawing.positions[first], drawing.positions[second]
        level = _relationship_y(drawing, first, second)
        style = "solid" if relationship.kind == RelationshipKind.ENDURING else "dashed"
        label = f"{first}+{second}"
        drawing.shapes.append(Shape("partner-drop", label, (x1, y1 + SIZE / 2, x1, level), style="solid"))
        drawing.shapes.append(Shape("partner-drop", label, (x2, y2 + SIZE / 2, x2, level), style="solid"))
        drawing.shapes.append(Shape("relationship", label, (x1, level, x2, level), relationship.kind.value, style))
        strokes = {RelationshipStatus.SEPARATED: 1, RelationshipStatus.DIVORCED: 2}.get(relationship.status, 0)
        left, right = min(x1, x2), max(x1, x2)
        # Adjacent partners: the middle of their line; a longer line: near its far end, clear of the others.
        middle = (left + right) / 2 if right - left <= SLOT + 1 else right - 45
        for stroke in range(strokes):
            offset = (stroke - (strokes - 1) / 2) * 8
            drawing.shapes.append(
                Shape(
                    "separation-stroke",
                    label,
                    (middle + offset - 5, level + 9, middle + offset + 5, level - 9),
                    relationship.status.value,
                )  # fmt: skip
            )


def _draw_descent(drawing: Drawing, nodes: dict[str, Node], relationships: list) -> None:
    families: dict[tuple[str, ...], list[str]] = {}
    for node in nodes.values():
        if node.parents:
            families.setdefault(tuple(sorted(node.parents)), []).append(node.id)
    recorded = {tuple(sorted(r.between)) for r in relationships}
    for parents, children in families.items():
        children.sort(key=lambda p: drawing.positions[p][0])
        child_y = drawing.positions[children[0]][1]
        bar_y = child_y - SIZE / 2 - 26
        if len(parents) == 2:
            (x1, y1), (x2, y2) = drawing.positions[parents[0]], drawing.positions[parents[1]]
            top_x = (x1 + x2) / 2
            top_y = _relationship_y(drawing, *parents)
            if parents not in recorded:  # parents with no relationship recorded: a broken line between them
                drawing.shapes.append(
                    Shape("relationship", "+".join(parents), (x1, top_y, x2, top_y), "unrecorded", "dashed")
                )
                drawing.shapes.append(Shape("partner-drop", "+".join(parents), (x1, y1 + SIZE / 2, x1, top_y)))
                drawing.shapes.append(Shape("partner-drop", "+".join(parents), (x2, y2 + SIZE / 2, x2, top_y)))
        else:
            top_x, top_y = drawing.positions[parents[0]][0], drawing.positions[parents[0]][1] + SIZE / 2
        family = "+".join(parents)
        xs = [drawing.positions[c][0] for c in children]
        drawing.shapes.append(Shape("descent", family, (top_x, top_y, top_x, bar_y)))
        drawing.shapes.append(Shape("sibling-bar", family, (min(xs + [top_x]), bar_y, max(xs + [top_x]), bar_y)))
        twins_done: set[str] = set()
        for child in children:
            if child in twins_done:
                continue
            node = nodes[child]
            twin = (
                node.twin_of
                if node.twin_of in children
                else next((c for c in children if nodes[c].twin_of == child), None)
            )
            cx, cy = drawing.positions[child]
            top = cy - (LOSS / 2 if node.loss else SIZE / 2)
            if twin:
                tx, ty = drawing.positions[twin]
                stalk = (cx + tx) / 2
                drawing.shapes.append(Shape("twin-stalk", child, (stalk, bar_y, cx, top), twin))
                drawing.shapes.append(Shape("twin-stalk", twin, (stalk, bar_y, tx, ty - SIZE / 2), child))
                twins_done |= {child, twin}
            else:
                drawing.shapes.append(Shape("child-line", child, (cx, bar_y, cx, top)))


def _draw_households(drawing: Drawing, households: list, anonymise: bool) -> None:
    """A dotted line around each household's members: one box per run of neighbours in a row, the boxes
    of one household joined by a dotted link, so that nobody outside the household is enclosed."""
    for number, household in enumerate(households, start=1):
        label = f"Household {number}" if anonymise else (household.label or household.id)
        rows: dict[float, list[float]] = {}
        for member in household.members:
            x, y = drawing.positions[member]
            rows.setdefault(y, []).append(x)
        boxes = []
        for y in sorted(rows):
            xs = sorted(rows[y])
            run = [xs[0]]
            for x in xs[1:]:
                if x - run[-1] > SLOT + 1:
                    boxes.append((run, y))
                    run = []
                run.append(x)
            boxes.append((run, y))
        previous = None
        for index, (run, y) in enumerate(boxes):
            left, right = run[0] - SLOT / 2 + 8, run[-1] + SLOT / 2 - 8
            top, bottom = y - SIZE / 2 - 30, y + SIZE / 2 + 50
            drawing.shapes.append(
                Shape(
                    "household",
                    household.id,
                    (left, top, right - left, bottom - top),
                    label if index == 0 else "",
                    "dotted",
                )  # fmt: skip
            )
            if previous is not None:
                (px, pbottom) = previous
                drawing.shapes.append(Shape("household-link", household.id, (px, pbottom, (left + right) / 2, top),
                                            style="dotted"))  # fmt: skip
            previous = ((left + right) / 2, bottom)
