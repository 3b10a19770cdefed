"""Where each person of a genogram stands in their generation's row, and how the lines run (issue 17,
item 5: the family shown truly).

A row is made of *clusters*: people joined by couples (a recorded relationship, or two people who
are parents of the same child). Within a cluster the order is chosen by trying every order (a
cluster of up to ``EXHAUSTIVE`` people) and scoring it:

* a couple apart (someone between them) costs, more when they have children, most for the subject
  child's parents, who should always stand side by side;
* every line crossing another costs (worked out by routing the order, as it will be drawn);
* people standing in a different order from their parents above costs;
* a person's partners out of the order their relationships began costs a little.

Routing: each couple's line runs on a track of its own below the row's labels (shorter couples
nearer), so no two couple lines lie on one line; each couple's children descend from a point of
their own couple's line that is in a gap between two people, never under a neighbour; a child of
one parent descends from that parent's side.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EXHAUSTIVE = 7  # clusters up to this size are ordered by trying every order (7! = 5040)


@dataclass(frozen=True)
class Couple:
    first: str
    second: str
    children: int
    weight: float  # how much it matters that the two stand side by side
    start: dt.date | None = None

    @property
    def key(self) -> tuple[str, str]:
        return tuple(sorted((self.first, self.second)))  # type: ignore[return-value]


@dataclass(frozen=True)
class Route:
    """How a row's lines run: each couple's track and descent gap, each single parent's descent gap."""

    tracks: dict[tuple[str, str], int]  # couple key: 0 nearest the row
    descent_gap: dict[tuple[str, str], float]  # couple key: gap position (0.5 = between slots 0 and 1)
    single_gap: dict[str, float]  # single parent: gap position beside them
    crossings: int
    # The how-manieth line down each gap a couple's (key) or a single parent's (id) descent is, from 0:
    # lines sharing a gap stand side by side, never along one another.
    lane: dict[object, int] = dataclasses.field(default_factory=dict)


def route(order: Sequence[str], couples: Sequence[Couple], single_parents: Iterable[str]) -> Route:
    """Tracks and descent points for one row in this order."""
    index = {person: number for number, person in enumerate(order)}
    placed = [c for c in couples if c.first in index and c.second in index]
    spans = {c.key: tuple(sorted((index[c.first], index[c.second]))) for c in placed}
    ranked = sorted(placed, key=lambda c: (spans[c.key][1] - spans[c.key][0], spans[c.key][0]))
    tracks = {c.key: number for number, c in enumerate(ranked)}
    used: dict[float, int] = {}
    lane: dict[object, int] = {}
    crossings = 0

    def lines_over(gap: float, below: int | None = None) -> int:
        """Couple lines spanning this gap (deeper than track ``below``, if given)."""
        return sum(
            1 for key, (left, right) in spans.items() if left < gap < right and (below is None or tracks[key] > below)
        )

    descent_gap: dict[tuple[str, str], float] = {}
    for couple in ranked:
        left, right = spans[couple.key]
        middle = (left + right) / 2
        gaps = [g + 0.5 for g in range(left, right)]
        best = min(gaps, key=lambda g: (lines_over(g, tracks[couple.key]), used.get(g, 0), abs(g - middle)))
        descent_gap[couple.key] = best
        lane[couple.key] = used.get(best, 0)
        used[best] = used.get(best, 0) + 1
        crossings += lines_over(best, tracks[couple.key])
    # A partner's drop from their label down to their deepest track crosses the nearer lines spanning them.
    for person, number in index.items():
        deepest = max((tracks[c.key] for c in placed if person in (c.first, c.second)), default=None)
        if deepest is None:
            continue
        crossings += sum(
            1
            for key, (left, right) in spans.items()
            if left < number < right and tracks[key] < deepest and person not in key
        )
    single_gap: dict[str, float] = {}
    for person in single_parents:
        if person not in index:
            continue
        number = index[person]
        sides = [number - 0.5, number + 0.5]
        best = min(sides, key=lambda g: (lines_over(g), used.get(g, 0), g > number))
        single_gap[person] = best
        lane[person] = used.get(best, 0)
        used[best] = used.get(best, 0) + 1
        crossings += lines_over(best)
    return Route(tracks=tracks, descent_gap=descent_gap, single_gap=single_gap, crossings=crossings, lane=lane)


def clusters(people: Sequence[str], couples: Sequence[Couple]) -> list[list[str]]:
    """The row's people joined by couples, each cluster in first-seen order."""
    partners: dict[str, set[str]] = {person: set() for person in people}
    for couple in couples:
        if couple.first in partners and couple.second in partners:
            partners[couple.first].add(couple.second)
            partners[couple.second].add(couple.first)
    seen: set[str] = set()
    found = []
    for person in people:
        if person in seen:
            continue
        group, stack = [], [person]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            group.append(current)
            stack.extend(sorted(partners[current] - seen))
        found.append([p for p in people if p in group])
    return found


def best_order(
    cluster: Sequence[str],
    couples: Sequence[Couple],
    single_parents: set[str],
    anchors: dict[str, float],
) -> list[str]:
    """The cluster's order with the lowest cost (see the module's description)."""
    inside = [c for c in couples if c.first in cluster and c.second in cluster]
    if len(cluster) <= 1 or not inside:
        return list(cluster)
    candidates: Iterable[Sequence[str]] = (
        itertools.permutations(cluster) if len(cluster) <= EXHAUSTIVE else [_chain(cluster, inside)]
    )
    best: tuple[float, Sequence[str]] | None = None
    for order in candidates:
        value = cost(order, inside, single_parents, anchors)
        if best is None or value < best[0]:
            best = (value, order)
    assert best is not None
    return list(best[1])


def cost(order: Sequence[str], couples: Sequence[Couple], single_parents: set[str], anchors: dict[str, float]) -> float:
    index = {person: number for number, person in enumerate(order)}
    total = 0.0
    for couple in couples:
        total += couple.weight * (abs(index[couple.first] - index[couple.second]) - 1)
    total += 4 * route(order, couples, single_parents & set(order)).crossings
    anchored = [person for person in order if person in anchors]
    for earlier, later in itertools.combinations(anchored, 2):
        if anchors[earlier] > anchors[later] + 1e-6:
            total += 3
    for person in order:
        theirs = sorted(
            (c for c in couples if person in (c.first, c.second) and c.start is not None),
            key=lambda c: c.start or dt.date.min,
        )
        others = [index[c.second if c.first == person else c.first] for c in theirs]
        total += 0.5 * sum(1 for a, b in itertools.pairwise(others) if a > b)
    return total


def blocks(
    groups: Sequence[list[str]],
    families: dict[str, tuple[str, ...]],
    couples: Sequence[Couple],
    single_parents: set[str],
    anchors: dict[str, float],
) -> list[list[str]]:
    """Siblings stand together: consecutive clusters whose anchored people are children of one family
    become one block, placed as one under the family's line; in a block, a sibling with partners has
    them on the outside (the first cluster turned to end with its sibling, the last to begin with it),
    where turning it costs no more than a tie."""
    merged: list[list[list[str]]] = []
    keys: list[tuple[str, ...] | None] = []
    for group in groups:
        own = {families[p] for p in group if p in families}
        key = next(iter(own)) if len(own) == 1 else None
        if key is not None and keys and keys[-1] == key:
            merged[-1].append(list(group))
        else:
            merged.append([list(group)])
            keys.append(key)
    result = []
    for block in merged:
        if len(block) > 1:
            block[0] = _turned(block[0], couples, single_parents, anchors, sibling_last=True)
            block[-1] = _turned(block[-1], couples, single_parents, anchors, sibling_last=False)
        result.append([person for group in block for person in group])
    return result


def _turned(group: list[str], couples: Sequence[Couple], single_parents: set[str], anchors: dict[str, float],
            sibling_last: bool) -> list[str]:  # fmt: skip
    mirrored = list(reversed(group))
    anchored = [n for n, p in enumerate(group) if p in anchors]
    if not anchored or len(group) == 1:
        return group
    facing = max(anchored) == len(group) - 1 if sibling_last else min(anchored) == 0
    if facing:
        return group
    inside = [c for c in couples if c.first in group and c.second in group]
    if cost(mirrored, inside, single_parents, anchors) <= cost(group, inside, single_parents, anchors) + 0.5:
        return mirrored
    return group


def _chain(cluster: Sequence[str], couples: Sequence[Couple]) -> list[str]:
    """A large cluster: each person followed by their partners, heaviest couples first (greedy)."""
    order: list[str] = []
    for couple in sorted(couples, key=lambda c: -c.weight):
        for person in (couple.first, couple.second):
            if person not in order:
                order.append(person)
    return order + [p for p in cluster if p not in order]
