"""Merging the agencies' returns into the integrated chronology (1.6.6, 14.1.1).

Events are ordered by date, then time, then the agencies' own order, and numbered afresh;
each keeps its agency, source file, source row and the agency's own event number. The child's
age at each event comes from the date of birth ("pre-birth" before it: antenatal contacts are
common). Events are flagged, never removed: outside the terms-of-reference period, after the
child's death, an uncertain or partial date, a possible duplicate of another agency's record
of the same event (with the score and the matched event), and gaps with no agency contact.
The child's voice is counted: how often each agency saw the child or sought their wishes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from scrkit.chronology.reading import ReturnedEvent
from scrkit.chronology.values import Precision
from scrkit.dates import age_between

DEFAULT_GAP_DAYS = 90
DUPLICATE_THRESHOLD = 0.5
# Events of one family member on one day compared pairwise for duplicates, at most; a larger group
# (200,000 rows dated one day: a return's dates all lost) is flagged instead of compared, not hung on.
MAX_DUPLICATE_GROUP = 2_000
_WORD = re.compile(r"[a-z0-9]+")
_LONG_WORD = re.compile(r"[a-z0-9]{2,}")  # words of two letters or more: one-letter words say nothing
_STOP_WORDS = frozenset(
    "a an and the to of in on at for by with was were is be been had has have her his their she he they it "  # noqa: SIM905
    "from as that this not no or".split()
)


@dataclass(frozen=True)
class ChildContext:
    """What the merge needs to know about the child and the review."""

    date_of_birth: dt.date
    date_of_death: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    people: dict[str, str]  # every name form, abbreviation and relationship, normalised -> person id
    agency_order: tuple[str, ...]


@dataclass(slots=True)
class IntegratedEvent:
    number: int
    event: ReturnedEvent
    age: str
    person: str  # the person id the family member column names, or the text as written
    flags: list[str] = field(default_factory=list)
    duplicate_of: int | None = None
    duplicate_score: float | None = None


@dataclass(frozen=True)
class Gap:
    after: int  # the event number before the gap
    start: dt.date
    end: dt.date
    days: int


@dataclass(frozen=True)
class VoiceCount:
    seen: int
    not_seen: int
    unknown: int

    @property
    def total(self) -> int:
        return self.seen + self.not_seen + self.unknown


@dataclass
class IntegratedChronology:
    events: list[IntegratedEvent]
    gaps: list[Gap]
    voice: dict[str, VoiceCount]  # per agency id, and "all"


def normalise_person(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _words(text: str) -> frozenset[str]:
    return frozenset(_LONG_WORD.findall(text.lower())) - _STOP_WORDS  # set operations run in C: the hot loop


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """How alike two event texts are: shared words over the shorter text's words (0 to 1)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def age_at(event_date: dt.date, precision: Precision, born: dt.date, uncertain: bool = False) -> str:
    age = age_between(born, event_date)
    # A month, a year or an uncertain date: the age at its start, marked as approximate.
    if (precision is not Precision.DAY or uncertain) and event_date >= born:
        return "c. " + age
    return age


def merge(
    returns: list[list[ReturnedEvent]], child: ChildContext, gap_days: int = DEFAULT_GAP_DAYS
) -> IntegratedChronology:
    order = {agency: position for position, agency in enumerate(child.agency_order)}
    events = [event for agency_events in returns for event in agency_events]
    events.sort(
        key=lambda e: (
            e.date.date,
            e.time or dt.time(0, 0),
            e.time is not None,
            order.get(e.agency, len(order)),
            e.agency,
            e.source_file,
            e.source_row,
        )
    )
    integrated = []
    people: dict[str, str] = {}  # a return repeats its few family-member codes: each normalised once
    ages: dict[tuple[dt.date, Precision, bool], str] = {}  # and its dates: each age worked out once
    for number, event in enumerate(events, start=1):
        written = event.family_member
        if written not in people:
            people[written] = child.people.get(normalise_person(written), written)
        day = event.date
        key = (day.date, day.precision, day.uncertain)
        if key not in ages:
            ages[key] = age_at(day.date, day.precision, child.date_of_birth, day.uncertain)
        item = IntegratedEvent(number=number, event=event, age=ages[key], person=people[written])
        _flag(item, child)
        integrated.append(item)
    _find_duplicates(integrated)
    return IntegratedChronology(
        events=integrated,
        gaps=_gaps(integrated, child, gap_days),
        voice=_voice(integrated),
    )


def _flag(item: IntegratedEvent, child: ChildContext) -> None:
    day = item.event.date
    if child.period_start and day.date < child.period_start:
        item.flags.append("before the period under review")
    if child.period_end and day.date > child.period_end:
        item.flags.append("after the period under review")
    if child.date_of_death and day.date > child.date_of_death:
        item.flags.append("after the child's death")
    if day.uncertain:
        item.flags.append("uncertain date")
    if day.precision is not Precision.DAY:
        item.flags.append(f"date known to the {day.precision.value} only")


def _find_duplicates(events: list[IntegratedEvent]) -> None:
    """The same event recorded by two agencies: same day, same family member, alike text."""
    by_day: dict[tuple[dt.date, str], list[IntegratedEvent]] = defaultdict(list)
    for item in events:
        if item.event.date.precision is Precision.DAY:
            by_day[(item.event.date.date, item.person)].append(item)
    for group in by_day.values():
        agencies = [item.event.agency for item in group]
        if len(group) < 2 or len(set(agencies)) < 2:
            continue  # a duplicate is the same event recorded by another agency
        if len(group) > MAX_DUPLICATE_GROUP:
            for item in group:
                item.flags.append(f"not compared for duplicates: {len(group):,} events on this day for this person")
            continue
        # Each event's words as bits of one integer (a bit per word of this day's events): the
        # shared words of a pair are then one AND and a bit count, the hot loop of the merge.
        vocabulary: dict[str, int] = {}
        masks, sizes = [], []
        for item in group:
            mask = 0
            for word in _words(item.event.event):
                mask |= 1 << vocabulary.setdefault(word, len(vocabulary))
            masks.append(mask)
            sizes.append(mask.bit_count())
        for later_index, later in enumerate(group):
            best: tuple[float, IntegratedEvent] | None = None
            later_mask, later_size, agency = masks[later_index], sizes[later_index], agencies[later_index]
            if not later_mask:
                continue
            for earlier_index in range(later_index):
                if agencies[earlier_index] == agency or not masks[earlier_index]:
                    continue
                # similarity(), on bits: shared words over the shorter text's words.
                shorter = min(sizes[earlier_index], later_size)
                score = (masks[earlier_index] & later_mask).bit_count() / shorter
                if score >= DUPLICATE_THRESHOLD and (best is None or score > best[0]):
                    best = (score, group[earlier_index])
            if best is not None:
                later.duplicate_of = best[1].number
                later.duplicate_score = round(best[0], 2)
                later.flags.append(f"possible duplicate of event {best[1].number} (score {best[0]:.2f})")


def _gaps(events: list[IntegratedEvent], child: ChildContext, gap_days: int) -> list[Gap]:
    found = []
    in_period = [
        item
        for item in events
        if (child.period_start is None or item.event.date.date >= child.period_start)
        and (child.period_end is None or item.event.date.date <= child.period_end)
    ]
    for before, after in zip(in_period, in_period[1:], strict=False):
        days = (after.event.date.date - before.event.date.date).days
        if days > gap_days:
            found.append(Gap(after=before.number, start=before.event.date.date, end=after.event.date.date, days=days))
    return found


def _voice(events: list[IntegratedEvent]) -> dict[str, VoiceCount]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for item in events:
        slot = {True: 0, False: 1, None: 2}[item.event.child_seen]
        counts[item.event.agency][slot] += 1
        counts["all"][slot] += 1
    return {agency: VoiceCount(*values) for agency, values in counts.items()}
