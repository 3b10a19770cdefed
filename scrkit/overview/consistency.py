"""overview.yaml against itself and the other records: what `scrkit overview` refuses, found again when
the file was edited by hand (a confirmation dated before the draft was sent, a circulated version never
drafted, a summary marked final with an element emptied), so that validate and every command name it.
Each finding is the field's location in overview.yaml and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from scrkit.case.records import ReviewRecords
from scrkit.dates import uk_date
from scrkit.overview.steps import ADOPTION, SUMMARY_ELEMENTS, VERSION

Finding = tuple[list[Any], str]


def overview_findings(records: ReviewRecords) -> Iterator[Finding]:
    yield from _drafts(records)
    yield from _circulation(records)
    yield from _summary(records)
    yield from _adoption(records)
    yield from _after(records)


def _first_decision(records: ReviewRecords) -> dt.date | None:
    """The day the chair first decided; a later revision (1.5.6) does not make earlier work out of order."""
    decision = records.review.decision
    days = [earlier.date for earlier in decision.history] + ([decision.date] if decision.date else [])
    return min(days) if days else None


def _drafts(records: ReviewRecords) -> Iterator[Finding]:
    decided = _first_decision(records)
    seen: set[str] = set()
    previous = None
    for index, draft in enumerate(records.overview.drafts):
        if not VERSION.fullmatch(draft.version):
            yield ["drafts", index, "version"], f"'{draft.version}' is not a version number, e.g. 1 or 2.1"
        if draft.version in seen:
            yield ["drafts", index, "version"], f"version {draft.version} is recorded twice"
        seen.add(draft.version)
        if decided is not None and draft.date < decided:
            yield ["drafts", index, "date"], f"is before the decision to hold the review ({uk_date(decided)})"
        if previous is not None and draft.date < previous.date:
            yield ["drafts", index, "date"], f"is before the draft before it ({uk_date(previous.date)})"
        if draft.discussed_on is not None and draft.discussed_on < draft.date:
            yield ["drafts", index, "discussed_on"], f"is before the draft's date ({uk_date(draft.date)})"
        previous = draft


def _circulation(records: ReviewRecords) -> Iterator[Finding]:
    circulation = records.overview.circulation
    if circulation.sent is None:
        if circulation.authors:
            yield ["circulation", "sent"], "is blank, and authors' answers are recorded (13.1.6)"
        return
    drafts = {draft.version: draft for draft in records.overview.drafts}
    draft = drafts.get(circulation.version or "")
    if draft is None:
        yield ["circulation", "version"], f"'{circulation.version or ''}' is not a draft recorded in drafts"
    elif circulation.sent < draft.date:
        yield ["circulation", "sent"], f"is before draft {draft.version}'s date ({uk_date(draft.date)})"
    with_imrs = {imr.agency for imr in records.imrs.imrs}
    for index, entry in enumerate(circulation.authors):
        where = ["circulation", "authors", index]
        if entry.agency not in with_imrs:
            yield [*where, "agency"], f"'{entry.agency}' has no IMR in imrs.yaml, so no IMR author"
        for field in ("confirmed", "objected_on"):
            day = getattr(entry, field)
            if day is not None and day < circulation.sent:
                yield [*where, field], f"is before the final draft was sent ({uk_date(circulation.sent)})"
        if (entry.objection is None) != (entry.objected_on is None):
            yield (
                [*where, "objected_on" if entry.objected_on is None else "objection"],
                ("is blank; an objection has both what was said and its date"),
            )
        if entry.responded_on is not None or entry.panel_response is not None:
            if entry.objection is None:
                yield [*where, "panel_response"], "responds to an objection that is not recorded"
            elif entry.responded_on is None or entry.panel_response is None:
                yield (
                    [*where, "responded_on" if entry.responded_on is None else "panel_response"],
                    ("is blank; the panel's response has both its text and its date"),
                )
            elif entry.objected_on is not None and entry.responded_on < entry.objected_on:
                yield [*where, "responded_on"], f"is before the objection ({uk_date(entry.objected_on)})"


def _summary(records: ReviewRecords) -> Iterator[Finding]:
    summary = records.overview.executive_summary
    decided = _first_decision(records)
    circulated = summary.circulated_to_panel
    if circulated is not None and decided is not None and circulated < decided:
        yield ["executive_summary", "circulated_to_panel"], f"is before the decision ({uk_date(decided)})"
    if summary.final_on is None:
        return
    for name, words in SUMMARY_ELEMENTS.items():
        if not (getattr(summary, name) or "").strip():
            yield ["executive_summary", name], f"is empty ({words}), and the summary is marked final (13.3.2)"
    if circulated is None or circulated > summary.final_on:
        yield (
            ["executive_summary", "final_on"],
            (
                "is before the draft was circulated to the panel for comment (13.3.4)"
                if circulated
                else "is set, and the draft's circulation to the panel is not recorded (13.3.4)"
            ),
        )


def _adoption(records: ReviewRecords) -> Iterator[Finding]:
    handed_over = records.overview.adoption.performance_monitoring
    if handed_over is None:
        return
    entry = records.timeline.milestones.get(ADOPTION)
    adopted = entry.done if entry is not None else None
    if adopted is None:
        yield ["adoption", "performance_monitoring"], "is set, and the adoption is not recorded (14.1.4)"
    elif handed_over < adopted:
        yield ["adoption", "performance_monitoring"], f"is before the adoption ({uk_date(adopted)}), 14.1.4"


def _after(records: ReviewRecords) -> Iterator[Finding]:
    """18.1: the evaluation is studied, and discussed with the inspector, once its letter has arrived."""
    after = records.overview.after
    received = records.review.ofsted_evaluation_received
    for field in ("evaluation_studied_on", "inspector_discussion_on"):
        day = getattr(after, field)
        if day is None:
            continue
        if received is None:
            yield (
                ["after", field],
                "is set, and Ofsted's evaluation letter is not recorded (scrkit set-date ofsted-evaluation)",
            )
        elif day < received:
            yield ["after", field], f"is before Ofsted's evaluation letter arrived ({uk_date(received)}), 18.1"
