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
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput
from scrkit.genogram.arrange import Couple, Route, best_order, blocks, clusters, route
from scrkit.models.child import Gender
from scrkit.models.people import RelationshipKind, RelationshipStatus
from scrkit.office.fonts import text_width

# Sizes in the drawing's units. A family of six to a row is about 790 units wide; placed 160 mm wide
# on an A4 page (the IMR template, the monthly report) a 14-unit name prints at 8 pt (issue 17).
SLOT = 124  # horizontal space per person
SIZE = 36  # symbol size
LOSS = 16  # the small cross of a pregnancy loss
MARGIN = 20
NAME_SIZE, NAME_LINE = 14, 16
DATE_SIZE, DATE_LINE = 12, 14
CAPTION_SIZE = 11
HOUSEHOLD_SIZE = 11
LABEL_TOP = 28  # from a symbol's centre to the top of its labels: clear of the subject's ring
LABEL_WIDTH = 100  # the widest a label may be: the lines in the gaps either side stay clear
TRACK_GAP = 12  # from the row's lowest label to its first couple line
TRACK_STEP = 14  # between couple lines: each couple on a line of its own
BAR_BELOW = 14  # from the row's last couple line to the next row's bar
BAR_ABOVE_SYMBOL = 30  # from a child's sibling bar to the top of the child's symbol


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
    #            descent, sibling-bar, child-line, twin-stalk, household,
    #            name, dob, caption, household-name (texts: the point is the centre of the baseline)
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
    labels: list[Label] = field(default_factory=list)
    row_bottoms: dict[int, float] = field(default_factory=dict)  # the lowest label of each row
    # A couple (sorted ids) to its line's style (solid, dashed), kind (enduring...) and status (separated...).
    couple_styles: dict[tuple[str, ...], tuple[str, str, RelationshipStatus | None]] = field(default_factory=dict)

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


def generations(nodes: dict[str, Node], relationships: list) -> dict[str, int]:
    """Each person's row: a child one row below their parents, partners (and a child's two parents)
    in one row. Rows only ever move down: a person is moved below their parents, a partner down to the
    other's row, parents down to just above their child, until nothing moves. A family that cannot be
    drawn so (someone recorded as the partner of their own descendant) is refused, naming them."""
    generation = dict.fromkeys(nodes, 0)
    couples = [tuple(r.between) for r in relationships]
    couples += [tuple(node.parents) for node in nodes.values() if len(node.parents) == 2]
    limit = 2 * len(nodes) + 2
    for _ in range(limit * len(nodes) + 1):
        changed = False
        for person, node in nodes.items():
            for parent in node.parents:
                if generation[person] < generation[parent] + 1:
                    generation[person] = generation[parent] + 1
                    changed = True
                if generation[parent] < generation[person] - 1:
                    generation[parent] = generation[person] - 1
                    changed = True
        for first, second in couples:
            row = max(generation[first], generation[second])
            if generation[first] != row or generation[second] != row:
                generation[first] = generation[second] = row
                changed = True
        if not changed:
            break
        if max(generation.values()) > limit:
            break
    if max(generation.values(), default=0) > limit or not _consistent(nodes, couples, generation):
        names = _cannot_share_a_row(nodes, couples)
        raise BadInput(
            f"The family cannot be drawn in generations: {names}.",
            hint="Check the `parents` lists and the relationships in people.yaml.",
        )
    lowest = min(generation.values(), default=0)
    return {person: row - lowest for person, row in generation.items()}


def _consistent(nodes: dict[str, Node], couples: list, generation: dict[str, int]) -> bool:
    return all(
        generation[person] == generation[parent] + 1 for person, node in nodes.items() for parent in node.parents
    ) and all(generation[first] == generation[second] for first, second in couples)


def _cannot_share_a_row(nodes: dict[str, Node], couples: list) -> str:
    """The couples where one partner descends from the other."""

    def ancestors(person: str) -> set[str]:
        found: set[str] = set()
        stack = list(nodes[person].parents)
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(nodes[current].parents)
        return found

    def named(person: str) -> str:
        return f"{nodes[person].label} ({person})"

    found = [
        f"{named(first)} and {named(second)} are recorded as partners, and one descends from the other"
        for first, second in couples
        if first in ancestors(second) or second in ancestors(first)
    ]
    partners: dict[str, list[str]] = {}
    for first, second in couples:
        partners.setdefault(first, []).append(second)
        partners.setdefault(second, []).append(first)
    for person, theirs in partners.items():
        for one, other in itertools.combinations(sorted(set(theirs)), 2):
            if one in ancestors(other) or other in ancestors(one):
                found.append(
                    f"{named(person)} is recorded as the partner of both {named(one)} and {named(other)}, one of "
                    "whom descends from the other, and a genogram draws partners side by side in one generation"
                )
    return "; ".join(found) or "the parents and partners recorded cannot be put in generations"


def _birth_key(node: Node) -> tuple:
    return (node.born or dt.date.max, node.id)


@dataclass(frozen=True)
class Label:
    """A line of text under a symbol (or a household's name): what the lines must keep clear of."""

    kind: str  # name, dob, caption, household-name
    person: str
    text: str
    x: float  # centre
    baseline: float
    size: float
    bold: bool

    @property
    def box(self) -> tuple[float, float, float, float]:
        """x0, y0, x1, y1: the ink of the line, a little wide."""
        half = text_width(self.text, self.size, self.bold) / 2
        return (self.x - half, self.baseline - 0.8 * self.size, self.x + half, self.baseline + 0.25 * self.size)


def layout(records: ReviewRecords, anonymise: bool = False) -> Drawing:
    nodes, relationships, households = nodes_from(records, anonymise)
    generation = generations(nodes, relationships)
    couples = _couples(nodes, relationships)
    rows = max(generation.values(), default=0) + 1
    single = {parent for node in nodes.values() if len(node.parents) == 1 for parent in node.parents}
    x: dict[str, float] = {}
    routes: dict[int, Route] = {}
    orders: dict[int, list[str]] = {}
    descent_x: dict[tuple[str, ...], float] = {}  # a family (its parents) to where its line comes down
    for row in range(rows):
        people = sorted((p for p in nodes if generation[p] == row), key=lambda p: _birth_key(nodes[p]))
        anchors = {p: descent_x[tuple(sorted(nodes[p].parents))] for p in people if nodes[p].parents}
        groups = [best_order(group, couples, single, anchors) for group in clusters(people, couples)]
        groups.sort(key=lambda group: _group_key(group, anchors, nodes))
        families = {p: tuple(sorted(nodes[p].parents)) for p in people if nodes[p].parents}
        groups = blocks(groups, families, couples, single, anchors)
        descents_here = {key: at for key, at in descent_x.items() if any(families.get(p) == key for p in people)}
        order: list[str] = []
        cursor = float(MARGIN + SLOT / 2)
        for group in groups:
            anchored = [number for number, person in enumerate(group) if person in anchors]
            start = cursor
            if anchored:
                wanted = sum(anchors[group[n]] for n in anchored) / len(anchored)
                start = max(cursor, wanted - SLOT * sum(anchored) / len(anchored))
            start = _clear_of_descents(group, start, families, descents_here)
            for number, person in enumerate(group):
                x[person] = start + number * SLOT
            cursor = start + len(group) * SLOT
            order.extend(group)
        orders[row] = order
        routes[row] = route(order, couples, single)
        for couple in couples:
            if couple.key in routes[row].descent_gap:
                descent_x[couple.key] = _gap_x(order, x, routes[row].descent_gap[couple.key]) + _lane_offset(
                    routes[row].lane.get(couple.key, 0)
                )
        for parent, gap in routes[row].single_gap.items():
            descent_x[(parent,)] = _gap_x(order, x, gap) + _lane_offset(routes[row].lane.get(parent, 0))
    drawing = Drawing(width=max(x.values(), default=0) + SLOT / 2 + MARGIN, height=0)
    y = float(MARGIN + 70)
    for row in range(rows):
        for person in orders[row]:
            drawing.positions[person] = (x[person], y)
        labels = [label for person in orders[row] for label in _person_labels(nodes[person], x[person], y, anonymise)]
        drawing.labels.extend(labels)
        bottom = max((label.box[3] for label in labels), default=y + SIZE / 2)
        drawing.row_bottoms[row] = bottom
        tracks = routes[row].tracks
        deepest = bottom + TRACK_GAP + TRACK_STEP * max(len(tracks) - 1, 0)
        y = deepest + BAR_BELOW + BAR_ABOVE_SYMBOL + SIZE / 2 + 8 * _bar_levels(nodes, generation, row + 1)
    drawing.generations = generation
    for relationship in relationships:
        style = "solid" if relationship.kind == RelationshipKind.ENDURING else "dashed"
        key = tuple(sorted(relationship.between))
        drawing.couple_styles[key] = (style, relationship.kind.value, relationship.status)
    for node in nodes.values():
        _draw_person(drawing, node)
    _draw_couples(drawing, couples, routes, generation)
    _draw_descent(drawing, nodes, routes, generation, descent_x)
    _draw_households(drawing, households, anonymise)
    lowest = [label.box[3] for label in drawing.labels] + [max(s.points[1], s.points[3]) for s in drawing.shapes
                                                            if s.kind in LINE_KINDS]  # fmt: skip
    drawing.height = max(lowest, default=0) + MARGIN
    # Wide enough for every name on it, the households' too (a last member's household name).
    rightmost = [label.box[2] for label in drawing.labels] + [s.points[0] + s.points[2] for s in drawing.shapes
                                                              if s.kind == "household"]  # fmt: skip
    drawing.width = max(drawing.width, max(rightmost, default=0) + MARGIN)
    drawing.shapes.extend(
        Shape(label.kind, label.person, (label.x, label.baseline), label.text) for label in drawing.labels
    )
    if anonymise:
        _opaque_keys(drawing, list(nodes), [household.id for household in households])
    return drawing


def _clear_of_descents(
    group: Sequence[str], start: float, families: dict[str, tuple[str, ...]], descents: dict[tuple[str, ...], float]
) -> float:
    """Moved right as little as needed so that nobody stands under another family's descent: a child's
    line in line with a line coming down to another family would read as one line."""
    for _ in range(len(descents) + 1):
        clash = [
            start + number * SLOT
            for number, person in enumerate(group)
            for key, at in descents.items()
            if key != families.get(person) and abs(start + number * SLOT - at) < 2 * LANE
        ]
        if not clash:
            return start
        start += 2 * LANE + 1
    return start


def _group_key(group: Sequence[str], anchors: dict[str, float], nodes: dict[str, Node]) -> tuple:
    placed = [anchors[p] for p in group if p in anchors]
    if placed:
        return (0, sum(placed) / len(placed), _birth_key(nodes[group[0]]))
    return (1, 0.0, min(_birth_key(nodes[p]) for p in group))


LANE = 8  # between lines that come down one gap


def _lane_offset(lane: int) -> float:
    """0, +8, -8, +16...: the second line down a gap beside the first, the third on its other side."""
    return LANE * ((lane + 1) // 2) * (1 if lane % 2 else -1)


def _gap_x(order: Sequence[str], x: dict[str, float], gap: float) -> float:
    """The x of a gap position: 2.5 is midway between the people in slots 2 and 3; -0.5 left of the first."""
    left, right = int(gap - 0.5), int(gap + 0.5)
    if left < 0:
        return x[order[0]] - SLOT / 2
    if right >= len(order):
        return x[order[-1]] + SLOT / 2
    return (x[order[left]] + x[order[right]]) / 2


def _couples(nodes: dict[str, Node], relationships: list) -> list[Couple]:
    """Recorded relationships, and the parents of a child with none recorded, with their weights."""
    subject_parents = next(
        (tuple(sorted(n.parents)) for n in nodes.values() if n.subject and len(n.parents) == 2), None
    )
    children: dict[tuple[str, ...], int] = {}
    for node in nodes.values():
        if len(node.parents) == 2:
            key = tuple(sorted(node.parents))
            children[key] = children.get(key, 0) + 1
    found: dict[tuple[str, ...], Couple] = {}
    for relationship in relationships:
        first, second = relationship.between
        key = tuple(sorted((first, second)))
        count = children.get(key, 0)
        found[key] = Couple(first, second, count, _weight(count, key == subject_parents), relationship.start)
    for key, count in children.items():
        if key not in found:
            found[key] = Couple(key[0], key[1], count, _weight(count, key == subject_parents))
    return list(found.values())


def _weight(children: int, subject: bool) -> float:
    return 1 + 2 * children + (40 if subject else 0)


def _bar_levels(nodes: dict[str, Node], generation: dict[str, int], row: int) -> int:
    """How many families hang their children in ``row``: each may need a bar of its own."""
    return max(len({tuple(sorted(n.parents)) for n in nodes.values() if n.parents and generation[n.id] == row}) - 1, 0)


def _opaque_keys(drawing: Drawing, people: list[str], households: list[str]) -> None:
    """Ids like 'tyler-father' or 'quillan-close' say too much: an anonymised drawing uses p1, h1."""
    keys = {person: f"p{number}" for number, person in enumerate(people, start=1)}
    keys.update({household: f"h{number}" for number, household in enumerate(households, start=1)})

    def opaque(label: str | None) -> str | None:
        return None if label is None else "+".join(keys.get(part, part) for part in label.split("+"))

    drawing.shapes = [
        Shape(shape.kind, opaque(shape.person), shape.points, shape.text, shape.style) for shape in drawing.shapes
    ]


def _person_labels(node: Node, cx: float, cy: float, anonymise: bool) -> list[Label]:
    """The name (or pseudonym) on up to two lines, the dates, and SUBJECT CHILD, under the symbol."""
    baseline = cy + LABEL_TOP + 0.8 * NAME_SIZE
    labels = []
    if node.loss:
        lines = [node.loss.capitalize()]
        dates = [f"{node.born:%Y}" if anonymise else f"{node.born:%m/%Y}"] if node.born else []
    else:
        lines = _wrap(node.label)
        shown = "%Y" if anonymise else "%d/%m/%Y"
        # Anonymised, a date of birth would identify: the year is enough to read the family's shape.
        dates = [f"b. {node.born:{shown}}" if node.born else "b. not known"]
        if node.died:
            dates.append(f"d. {node.died:{shown}}")
    for line in lines:
        labels.append(Label("name", node.id, line, cx, baseline, NAME_SIZE, True))
        baseline += NAME_LINE
    baseline += DATE_SIZE - NAME_SIZE
    for line in dates:
        labels.append(Label("dob", node.id, line, cx, baseline, DATE_SIZE, False))
        baseline += DATE_LINE
    if node.subject:
        labels.append(Label("caption", node.id, "SUBJECT CHILD", cx, baseline + 1, CAPTION_SIZE, True))
    return labels


def _draw_person(drawing: Drawing, node: Node) -> None:
    cx, cy = drawing.positions[node.id]
    half = SIZE / 2
    if node.loss:
        small = LOSS / 2
        drawing.shapes.append(Shape("loss", node.id, (cx - small, cy - small, cx + small, cy + small), node.loss))
        drawing.shapes.append(Shape("loss", node.id, (cx - small, cy + small, cx + small, cy - small), node.loss))
        return
    drawing.shapes.append(Shape(node.gender.value, node.id, (cx, cy)))
    if node.subject:
        drawing.shapes.append(Shape("subject-ring", node.id, (cx, cy), node.gender.value))
    if node.died:
        reach = half + 4
        drawing.shapes.append(Shape("deceased-cross", node.id, (cx - reach, cy - reach, cx + reach, cy + reach)))
        drawing.shapes.append(Shape("deceased-cross", node.id, (cx - reach, cy + reach, cx + reach, cy - reach)))


MAX_LABEL = 60  # a label longer than any real name is cut short, never drawn at any length (issue 18)


def _wrap(label: str) -> list[str]:
    """A name on one line if it fits between the lines either side, else two, split at the space
    that leaves the longer line shortest; each line cut with an ellipsis if it still does not fit.
    A label longer than any name (a 120 KB paste) is first cut to ``MAX_LABEL`` characters."""
    if len(label) > MAX_LABEL:
        label = label[: MAX_LABEL - 1].rstrip() + "\u2026"
    if _fits(label) or " " not in label:
        return [_cut(label)]
    spaces = [index for index, char in enumerate(label) if char == " "]
    cut = min(spaces, key=lambda index: max(_width(label[:index]), _width(label[index + 1 :])))
    first, second = label[:cut], label[cut + 1 :]
    if not _fits(second) and " " in second:  # three or more words that do not fit on two lines
        second = second.split(" ")[0] + " " + " ".join(second.split(" ")[1:])
    return [_cut(first), _cut(second)]


def _width(text: str) -> float:
    return text_width(text, NAME_SIZE, True)


def _fits(text: str) -> bool:
    return _width(text) <= LABEL_WIDTH


def _cut(text: str) -> str:
    while not _fits(text) and len(text) > 1:
        text = text[:-2].rstrip() + "\u2026"
    return text


def _track_y(drawing: Drawing, row: int, track: int) -> float:
    return drawing.row_bottoms[row] + TRACK_GAP + TRACK_STEP * track


def _drop_top(drawing: Drawing, person: str) -> float:
    """Where a line leaves a person downwards: just below their own labels, never through them."""
    bottoms = [label.box[3] for label in drawing.labels if label.person == person]
    return max(bottoms, default=drawing.positions[person][1] + SIZE / 2) + 3


def _draw_couples(
    drawing: Drawing, couples: list[Couple], routes: dict[int, Route], generation: dict[str, int]
) -> None:
    for couple in couples:
        row = generation[couple.first]
        if couple.key not in routes[row].tracks:
            continue
        level = _track_y(drawing, row, routes[row].tracks[couple.key])
        (x1, _), (x2, _) = drawing.positions[couple.first], drawing.positions[couple.second]
        style, kind, status = drawing.couple_styles.get(couple.key, ("dashed", "unrecorded", None))
        label = f"{couple.first}+{couple.second}"  # as people.yaml records it
        for person, px in ((couple.first, x1), (couple.second, x2)):
            drawing.shapes.append(
                Shape("partner-drop", label, (px, _drop_top(drawing, person), px, level), style="solid")
            )
        left, right = min(x1, x2), max(x1, x2)
        drawing.shapes.append(Shape("relationship", label, (left, level, right, level), kind, style))
        strokes = {RelationshipStatus.SEPARATED: 1, RelationshipStatus.DIVORCED: 2}.get(status, 0) if status else 0
        mark = left + 26  # near the left partner, clear of the descent in the gap
        for stroke in range(strokes):
            offset = stroke * 8
            drawing.shapes.append(
                Shape(
                    "separation-stroke",
                    label,
                    (mark + offset - 5, level + 8, mark + offset + 5, level - 8),
                    status.value if status else "",
                )  # fmt: skip
            )


def _draw_descent(
    drawing: Drawing,
    nodes: dict[str, Node],
    routes: dict[int, Route],
    generation: dict[str, int],
    descent_x: dict[tuple[str, ...], float],
) -> None:
    families: dict[tuple[str, ...], list[str]] = {}
    for node in nodes.values():
        if node.parents:
            families.setdefault(tuple(sorted(node.parents)), []).append(node.id)
    by_row: dict[int, list[tuple[str, ...]]] = {}
    for parents, children in families.items():
        by_row.setdefault(generation[children[0]], []).append(parents)
    for row_families in by_row.values():
        # Each family's bar on a level of its own where bars would overlap.
        spans = {}
        for parents in row_families:
            xs = [drawing.positions[c][0] for c in families[parents]] + [descent_x[parents]]
            spans[parents] = (min(xs), max(xs))
        levels: dict[tuple[str, ...], int] = {}
        for parents in sorted(row_families, key=lambda p: spans[p][0]):
            taken = {
                levels[o]
                for o in levels
                if spans[o][0] <= spans[parents][1] + 4 and spans[parents][0] <= spans[o][1] + 4
            }
            levels[parents] = next(level for level in itertools.count() if level not in taken)
        for parents in row_families:
            _draw_family(drawing, nodes, parents, families[parents], routes, generation, descent_x, levels[parents])


def _draw_family(drawing, nodes, parents, children, routes, generation, descent_x, level) -> None:  # noqa: ANN001
    children = sorted(children, key=lambda p: drawing.positions[p][0])
    child_y = drawing.positions[children[0]][1]
    bar_y = child_y - SIZE / 2 - BAR_ABOVE_SYMBOL - 8 * level
    top_x = descent_x[parents]
    family = "+".join(parents)
    parent_row = generation[parents[0]]
    if len(parents) == 2:
        top_y = _track_y(drawing, parent_row, routes[parent_row].tracks[parents])
        drawing.shapes.append(Shape("descent", family, (top_x, top_y, top_x, bar_y)))
    else:
        (parent,) = parents
        px, py = drawing.positions[parent]
        side = SIZE / 2 if top_x > px else -SIZE / 2
        # A child of one parent: from that parent's side, level with the symbol, then down the gap.
        drawing.shapes.append(Shape("descent", family, (px + side, py, top_x, py)))
        drawing.shapes.append(Shape("descent", family, (top_x, py, top_x, bar_y)))
    xs = [drawing.positions[c][0] for c in children]
    drawing.shapes.append(Shape("sibling-bar", family, (min(xs + [top_x]), bar_y, max(xs + [top_x]), bar_y)))
    twins_done: set[str] = set()
    for child in children:
        if child in twins_done:
            continue
        node = nodes[child]
        twin = (
            node.twin_of if node.twin_of in children else next((c for c in children if nodes[c].twin_of == child), None)
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
    """A dotted line around each household's members: one box per run of neighbours in a row, so that
    nobody outside the household is enclosed, each box named above, in a gap clear of every line."""
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
        for run, y in boxes:
            row = next(r for r in drawing.row_bottoms if _row_y(drawing, r) == y)
            left, right = run[0] - LABEL_WIDTH / 2 - 4, run[-1] + LABEL_WIDTH / 2 + 4
            top, bottom = y - SIZE / 2 - 10, drawing.row_bottoms[row] + 7
            drawing.shapes.append(
                Shape("household", household.id, (left, top, right - left, bottom - top), "", "dotted")
            )
            # Each box of a household split by someone outside it carries the household's name.
            drawing.labels.append(_household_label(drawing, household.id, _fit_household(label), run, top))


def _row_y(drawing: Drawing, row: int) -> float:
    return next(y for person, (_, y) in drawing.positions.items() if drawing.generations[person] == row)


def _fit_household(text: str) -> str:
    while text_width(text, HOUSEHOLD_SIZE) > LABEL_WIDTH and len(text) > 1:
        text = text[:-2].rstrip() + "\u2026"
    return text


def _household_label(drawing: Drawing, household: str, text: str, run: list[float], top: float) -> Label:
    """Above the box, where it reads as the box's name: over a gap inside the box, else over the box
    beside its first or last member, else over the gap beside the box; never across a line, another
    household's name or the drawing's edge."""
    baseline = top - 3
    half = text_width(text, HOUSEHOLD_SIZE) / 2
    box_left, box_right = run[0] - LABEL_WIDTH / 2 - 4, run[-1] + LABEL_WIDTH / 2 + 4
    inside = [(a + b) / 2 for a, b in itertools.pairwise(run)] + [run[0] - 6 - half, run[-1] + 6 + half]
    centres = [c for c in inside if box_left + 2 <= c - half and c + half <= box_right - 2]
    # Over the box's top corner, beside its first or last member's line; then over the gap beside it.
    centres += [run[0] - 6 - half, run[-1] + 6 + half, run[0] + SLOT / 2, run[-1] + SLOT / 2, run[0] - SLOT / 2]
    others = [label.box for label in drawing.labels if label.kind == "household-name"]
    for centre in centres:
        label = Label("household-name", household, text, centre, baseline, HOUSEHOLD_SIZE, False)
        x0, y0, x1, y1 = label.box
        if x0 < 2:
            continue
        if any(crosses(shape, label.box) for shape in drawing.shapes if shape.kind in LINE_KINDS):
            continue
        if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in others):
            continue
        return label
    return Label("household-name", household, text, centres[0], baseline, HOUSEHOLD_SIZE, False)


LINE_KINDS = frozenset({"partner-drop", "relationship", "separation-stroke", "descent", "sibling-bar", "child-line",
                        "twin-stalk"})  # fmt: skip


def crosses(shape: Shape, box: tuple[float, float, float, float]) -> bool:
    """Whether a line shape passes through a box (x0, y0, x1, y1)."""
    x1, y1, x2, y2 = shape.points
    return _segment_meets_box((x1, y1), (x2, y2), box)


def _segment_meets_box(a: tuple[float, float], b: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    # Liang-Barsky clipping: the segment meets the box if some part of it lies inside.
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True
