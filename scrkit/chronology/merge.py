"""Merging the agencies' returns into the integrated chronology (1.6.6, 14.1.1).

Events are ordered by date, then time, then the agencies' own order, and numbered afresh;
events with no readable date come last ("Undated events"), in the order the returns give them.
Each keeps its agency, source file, source row, the agency's own event number and every extra
column of its return. The child's age at each event comes from the date of birth ("pre-birth"
before it: antenatal contacts are common). Events are flagged, never removed: outside the
terms-of-reference period, after the child's death, after today, an uncertain, partial, inferred
or unreadable date, no event text, a family member the people records do not hold, a possible
duplicate of another agency's record of the same event (with the score and the matched event),
and gaps with no agency contact. The child's voice is counted: how often each agency saw the
child or sought their wishes.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from scrkit.chronology.family import FamilyDirectory
from scrkit.chronology.reading import ReturnedEvent
from scrkit.chronology.written_dates import Precision
from scrkit.dates import age_between

DEFAULT_GAP_DAYS = 90
DUPLICATE_THRESHOLD = 0.5
# Events of one family member on one day compared pairwise for duplicates, at most; a larger group
# (200,000 rows dated one day: a return's dates all lost) is flagged instead of compared, not hung on.
MAX_DUPLICATE_GROUP = 2_000
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
    family: FamilyDirectory
    agency_order: tuple[str, ...]
    today: dt.date | None = None


@dataclass(slots=True)
class IntegratedEvent:
    number: int
    event: ReturnedEvent
    age: str
    person: str  # who the family member column names: person ids joined by '+', or the text as written
    family: str = ""  # the agreed abbreviations of the people named ("M, C"), or the text as written
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
    events: list[IntegratedEvent]  # dated events in order, then the undated ones
    gaps: list[Gap]
    voice: dict[str, VoiceCount]  # per agency id, and "all"

    @property
    def dated(self) -> list[IntegratedEvent]:
        return [item for item in self.events if item.event.date.date is not None]

    @property
    def undated(self) -> list[IntegratedEvent]:
        return [item for item in self.events if item.event.date.date is None]


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
    dated = [event for event in events if event.date.date is not None]
    dated.sort(
        key=lambda e: (
            e.date.date or dt.date.min,
            e.time or dt.time(0, 0),
            e.time is not None,
            order.get(e.agency, len(order)),
            e.agency,
            e.source_file,
            e.source_row,
        )
    )
    undated = [event for event in events if event.date.date is None]  # in the returns' own order
    integrated = []
    people: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # a return repeats its few family-member codes
    ages: dict[tuple[dt.date, Precision, bool], str] = {}  # and its dates: each age worked out once
    for number, event in enumerate(dated + undated, start=1):
        written = event.family_member
        if written not in people:
            found = child.family.identify(written)
            named = "+".join(sorted({*found.people, *(" ".join(part.lower().split()) for part in found.unknown)}))
            shown = child.family.shown(found.people) if found.people and not found.unknown else written
            people[written] = (named, shown, found.unknown)
        person, family, unknown = people[written]
        day = event.date
        age = ""
        if day.date is not None:
            key = (day.date, day.precision, day.uncertain)
            if key not in ages:
                ages[key] = age_at(day.date, day.precision, child.date_of_birth, day.uncertain)
            age = ages[key]
        item = IntegratedEvent(number=number, event=event, age=age, person=person, family=family)
        _flag(item, child, unknown)
        integrated.append(item)
    _find_duplicates(integrated)
    return IntegratedChronology(
        events=integrated,
        gaps=_gaps(integrated, child, gap_days),
        voice=_voice(integrated),
    )


def _flag(item: IntegratedEvent, child: ChildContext, unknown: tuple[str, ...]) -> None:
    day = item.event.date
    if day.date is not None:
        last = day.end or day.date
        if child.period_start and last < child.period_start:
            item.flags.append("before the period under review")
        if child.period_end and day.date > child.period_end:
            item.flags.append("after the period under review")
        if child.date_of_death and day.date > child.date_of_death:
            item.flags.append("after the child's death")
        if child.today and day.date > child.today:
            item.flags.append("dated after today: check the date in the return")
    item.flags.extend(day.flags())
    if not item.event.event:
        item.flags.append("no event text in the return")
    for part in unknown:
        shared = child.family.ambiguity(part)
        if shared:
            item.flags.append(f"family member '{part}' could be any of {', '.join(shared)}: check the return")
        else:
            item.flags.append(f"family member '{part}' is not in the people records")


def _find_duplicates(events: list[IntegratedEvent]) -> None:
    """The same event recorded by two agencies: the same day, people in common (or none named), alike text.

    People in common, not the same people: one agency writes "C", another "Mia-Rose, mum & Liam" for the
    same attendance at the Emergency Department."""
    by_day: dict[dt.date, list[IntegratedEvent]] = defaultdict(list)
    for item in events:
        if item.event.date.precision is Precision.DAY and item.event.date.date is not None:
            by_day[item.event.date.date].append(item)
    for group in by_day.values():
        agencies = [item.event.agency for item in group]
        if len(group) < 2 or len(set(agencies)) < 2:
            continue  # a duplicate is the same event recorded by another agency
        if len(group) > MAX_DUPLICATE_GROUP:
            for item in group:
                item.flags.append(f"not compared for duplicates: {len(group):,} events on this day")
            continue
        # Each event's words, and its people, as bits of one integer (a bit per word or person of this
        # day's events): what a pair shares is then one AND and a bit count, the hot loop of the merge.
        vocabulary: dict[str, int] = {}
        masks, sizes = [], []
        # The events that name each person, and those that name nobody: an event is compared only with
        # the earlier events naming someone it names, or nobody (both name people, none in common: not
        # the same event). That keeps a busy day's comparisons near those of one person's day.
        naming: dict[str, list[int]] = defaultdict(list)
        nobody: list[int] = []
        people: list[tuple[str, ...]] = []
        for position, item in enumerate(group):
            mask = 0
            for word in _words(item.event.event):
                mask |= 1 << vocabulary.setdefault(word, len(vocabulary))
            masks.append(mask)
            sizes.append(mask.bit_count())
            named = tuple(item.person.split("+")) if item.person else ()
            people.append(named)
            for person in named:
                naming[person].append(position)
            if not named:
                nobody.append(position)
        for later_index, later in enumerate(group):
            best: tuple[float, IntegratedEvent] | None = None
            later_mask, later_size, agency = masks[later_index], sizes[later_index], agencies[later_index]
            if not later_mask:
                continue
            named = people[later_index]
            if len(named) == 1:  # the usual case: one person, whose earlier events are a prefix of a list
                same = naming[named[0]]
                candidates = same[: bisect_left(same, later_index)] + nobody[: bisect_left(nobody, later_index)]
            elif named:
                candidates = sorted({i for person in named for i in naming[person] if i < later_index}
                                    | {i for i in nobody if i < later_index})  # fmt: skip
            else:
                candidates = list(range(later_index))
            for earlier_index in candidates:
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
        (item, item.event.date.date)
        for item in events
        if item.event.date.date is not None
        and (child.period_start is None or item.event.date.date >= child.period_start)
        and (child.period_end is None or item.event.date.date <= child.period_end)
    ]
    for (before, start), (_, end) in zip(in_period, in_period[1:], strict=False):
        assert start is not None and end is not None
        days = (end - start).days
        if days > gap_days:
            found.append(Gap(after=before.number, start=start, end=end, days=days))
    return found


def _voice(events: list[IntegratedEvent]) -> dict[str, VoiceCount]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for item in events:
        slot = {True: 0, False: 1, None: 2}[item.event.child_seen]
        counts[item.event.agency][slot] += 1
        counts["all"][slot] += 1
    return {agency: VoiceCount(*values) for agency, values in counts.items()}
