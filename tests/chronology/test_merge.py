"""Merging: order, numbering, ages, flags, duplicates, gaps and the child's voice."""

from __future__ import annotations

import datetime as dt

from scrkit.chronology.family import FamilyDirectory
from scrkit.chronology.merge import ChildContext, merge
from scrkit.chronology.reading import ReturnedEvent
from scrkit.chronology.written_dates import EventDate, Precision

D = dt.date
CHILD = ChildContext(
    date_of_birth=D(2024, 3, 11),
    date_of_death=D(2026, 9, 20),
    period_start=D(2023, 9, 1),
    period_end=D(2026, 9, 14),
    family=FamilyDirectory(
        forms={"m": "mother", "mother": "mother", "jodie fenwick": "mother", "c": "child", "mia rose": "child"},
        shared={},
        abbreviations={"mother": "M", "child": "C"},
    ),
    agency_order=("police", "csc", "health"),
)


def event(agency: str, day: dt.date, text: str, *, time: dt.time | None = None, who: str = "", seen: bool | None = None,
          row: int = 2, precision: Precision = Precision.DAY, uncertain: bool = False) -> ReturnedEvent:  # fmt: skip
    return ReturnedEvent(
        agency=agency, source_file=f"{agency}.xlsx", sheet="", source_row=row, agency_event_no=str(row - 1),
        date=EventDate(day, precision, uncertain, day.isoformat()), time=time, family_member=who, child_seen=seen,
        event=text, source="", action="", note="",
    )  # fmt: skip


def test_order_by_date_then_time_then_agency_order_and_renumbered() -> None:
    police = [event("police", D(2026, 6, 8), "Late call", time=dt.time(16, 0), row=2),
              event("police", D(2025, 1, 1), "Earliest", row=3)]  # fmt: skip
    health = [event("health", D(2026, 6, 8), "Morning visit", time=dt.time(9, 0)),
              event("health", D(2026, 6, 8), "Untimed note", row=3)]  # fmt: skip
    csc = [event("csc", D(2026, 6, 8), "Untimed contact")]
    result = merge([health, police, csc], CHILD)
    assert [(item.number, item.event.event) for item in result.events] == [
        (1, "Earliest"),
        (2, "Untimed contact"),  # untimed events first on their day, then the agencies' order
        (3, "Untimed note"),
        (4, "Morning visit"),
        (5, "Late call"),
    ]
    late = result.events[4]
    assert (late.event.agency, late.event.source_file, late.event.source_row, late.event.agency_event_no) == (
        "police", "police.xlsx", 2, "1",
    )  # fmt: skip


def test_ages_including_pre_birth() -> None:
    result = merge(
        [
            [
                event("health", D(2023, 9, 18), "Antenatal booking"),
                event("health", D(2024, 3, 11), "Birth"),
                event("health", D(2026, 9, 10), "Visit"),  # 2 years 5 months 30 days
                event("health", D(2025, 4, 1), "Month only", precision=Precision.MONTH),
            ]
        ],
        CHILD,
    )
    ages = {item.event.event: item.age for item in result.events}
    assert ages == {
        "Antenatal booking": "pre-birth",
        "Birth": "0 months",
        "Visit": "2 years 5 months",
        "Month only": "c. 1 year",
    }


def test_flags_outside_the_period_and_after_death() -> None:
    result = merge(
        [
            [
                event("police", D(2023, 6, 12), "Before"),
                event("police", D(2026, 9, 15), "After the period"),
                event("police", D(2026, 9, 21), "After death"),
                event("police", D(2025, 1, 1), "Uncertain", uncertain=True),
            ]
        ],
        CHILD,
    )
    flags = {item.event.event: item.flags for item in result.events}
    assert flags["Before"] == ["before the period under review"]
    assert flags["After the period"] == ["after the period under review"]
    assert flags["After death"] == ["after the period under review", "after the child's death"]
    assert flags["Uncertain"] == ["uncertain date"]


def test_possible_duplicates_are_flagged_never_removed() -> None:
    health = [event("health", D(2026, 6, 8), "Home visit: bruise to left cheek; mother says she fell against a table.",
                    time=dt.time(15, 30), who="C")]  # fmt: skip
    csc = [
        event(
            "csc",
            D(2026, 6, 8),
            "Health visitor phones about a bruise to the left cheek; mother says fell against a table.",
            time=dt.time(16, 0),
            who="Mia-Rose",
        ),  # fmt: skip
        event("csc", D(2026, 6, 8), "Team meeting about staffing", who="C", row=3),
    ]
    result = merge([health, csc], CHILD)
    assert len(result.events) == 3
    flagged = [item for item in result.events if item.duplicate_of]
    [duplicate] = flagged
    assert duplicate.event.agency == "csc" and duplicate.person == "child"
    original = next(item for item in result.events if item.event.agency == "health")
    assert duplicate.duplicate_of == original.number
    assert 0.5 <= duplicate.duplicate_score <= 1
    assert f"possible duplicate of event {original.number}" in duplicate.flags[0]


def test_same_agency_or_different_person_is_not_a_duplicate() -> None:
    text = "Police attend a report of domestic abuse at the home"
    result = merge(
        [
            [event("police", D(2026, 1, 1), text, who="M"), event("police", D(2026, 1, 1), text, who="M", row=3)],
            [event("csc", D(2026, 1, 1), text, who="C")],
        ],
        CHILD,
    )
    assert [item.duplicate_of for item in result.events] == [None, None, None]


def test_gaps_longer_than_the_setting() -> None:
    result = merge([[event("police", D(2024, 1, 1), "a"), event("police", D(2024, 2, 1), "b"),
                     event("police", D(2024, 8, 1), "c")]], CHILD, gap_days=60)  # fmt: skip
    [gap] = result.gaps
    assert (gap.start, gap.end, gap.days, gap.after) == (D(2024, 2, 1), D(2024, 8, 1), 182, 2)


def test_child_seen_counts_per_agency_and_overall() -> None:
    result = merge(
        [
            [event("police", D(2024, 1, 1), "a", seen=True), event("police", D(2024, 1, 2), "b", seen=False)],
            [event("csc", D(2024, 1, 3), "c", seen=None), event("csc", D(2024, 1, 4), "d", seen=True)],
        ],
        CHILD,
    )
    assert (result.voice["police"].seen, result.voice["police"].not_seen) == (1, 1)
    assert (result.voice["csc"].seen, result.voice["csc"].unknown) == (1, 1)
    assert (result.voice["all"].seen, result.voice["all"].not_seen, result.voice["all"].unknown) == (2, 1, 1)
