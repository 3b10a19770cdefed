"""Jobs for `scrkit letters` (list, render) and `scrkit templates check`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from scrkit import dates
from scrkit.case.layout import TIMELINE
from scrkit.case.records import ReviewRecords
from scrkit.errors import ScrkitError
from scrkit.jobs.timeline import DONE_NOTE, follow_up
from scrkit.letters.checking import TemplateProblem
from scrkit.letters.rendering import (
    LetterStatus,
    RenderedDocument,
    catalogue_status,
    plan,
    refuse_overwriting,
    render_all,
)
from scrkit.review.casefolder import CaseFolder, Change
from scrkit.timeline.recording import apply_done, recordable_milestone, refresh_entries, timetable_of

LETTERS_NOTE = "letters rendered by scrkit"


@dataclass(frozen=True)
class LettersResult:
    written: tuple[Path, ...]
    kept: tuple[Path, ...] = ()  # a pack's document for the whole review already made that day, kept as it is
    recorded: tuple[str, ...] = ()  # milestones recorded as done on the letters' date
    not_recorded: dict[str, str] = field(default_factory=dict)  # milestone: why not
    not_sent: dict[str, str] = field(default_factory=dict)  # "letter to recipient": why it was not made


def letters_status(review: Path, on: dt.date) -> list[LetterStatus]:
    """Every letter and form, whom it goes to, and what the review still lacks for it."""
    return catalogue_status(timetable_of(CaseFolder.open(review).load()), on)


def render_letters(
    review: Path,
    names: list[str],
    to: list[str] | None,
    on: dt.date,
    *,
    force: bool = False,
    anonymise: bool = False,
    record_sent: Callable[[str, dt.date], bool] = lambda milestone, on: False,
    advance: Callable[[], None] = lambda: None,
    today: dt.date | None = None,
    created: dt.datetime | None = None,
) -> LettersResult:
    """Render every document asked for in memory, check them all, then write them and record the
    milestones the person agrees to (``record_sent``), as one change with one audit entry."""
    from scrkit.anonymise.clean.pictures import PicturesToConfirm

    try:
        return _render_letters(review, names, to, on, force, anonymise, record_sent, advance, today, created)
    except PicturesToConfirm as waiting:
        from scrkit.jobs.anonymise import PicturesWaiting, previews

        raise PicturesWaiting(previews(review, waiting.pictures)) from None


def _render_letters(
    review: Path,
    names: list[str],
    to: list[str] | None,
    on: dt.date,
    force: bool,
    anonymise: bool,
    record_sent: Callable[[str, dt.date], bool],
    advance: Callable[[], None],
    today: dt.date | None,
    created: dt.datetime | None,
) -> LettersResult:
    from scrkit.letters.catalogue import catalogue

    shared = catalogue().shared_in_packs(names)
    names, workbooks = catalogue().expanded(names)
    with CaseFolder.open(review).changing("letters") as change:
        timetable = timetable_of(change.records)
        planned = plan(timetable, names, to, on, force=True)
        kept = [doc for doc in planned if doc.spec.name in shared and doc.path.exists() and not force]
        planned = [doc for doc in planned if doc not in kept]
        refuse_overwriting([document.path for document in planned], force)
        created = created or dt.datetime.now(dt.UTC).replace(microsecond=0)
        rendered = render_all(planned, timetable.records.board.name, created, advance)
        if anonymise:
            rendered = anonymised(rendered, change.records, force)
        elif any(document.spec.external for document in rendered):
            # 1.9.1: what goes to Ofsted or the Department is anonymised whether asked or not; the
            # template names nobody, but a record's free text (referral.outline) may.
            internal = [document for document in rendered if not document.spec.external]
            external = [document for document in rendered if document.spec.external]
            rendered = internal + anonymised(external, change.records, force)
        written = tuple(change.write_file(document.path, document.content) for document in rendered)
        if workbooks:  # 10.1.7: the chronology template (App 7) for each agency the letters went to
            written += tuple(chronology_workbooks(change, {d.recipient_id for d in rendered}, force))
        recorded, not_recorded = [], {}
        for milestone in sorted({document.spec.milestone for document in rendered if document.spec.milestone}):
            scheduled = timetable.schedule.get(milestone)
            if scheduled is not None and scheduled.done is not None:
                # Never offered: a second letter does not move a date already recorded.
                not_recorded[milestone] = f"already done on {scheduled.done:%d/%m/%Y}; that date is kept"
                continue
            try:
                recordable_milestone(timetable.schedule, milestone, on, today or dates.today(), change.records.review)
            except ScrkitError as error:
                not_recorded[milestone] = error.message
                continue
            if record_sent(milestone, on):
                document = change.document(TIMELINE)
                refresh_entries(document, timetable.schedule)
                apply_done(document, milestone, on, LETTERS_NOTE, due=scheduled.due if scheduled else None)
                change.note(f"{DONE_NOTE}{milestone} {on.isoformat()}")
                sent_to = {letter.recipient_id for letter in rendered if letter.spec.milestone == milestone}
                follow_up(change, milestone, on, sent_to)
                recorded.append(milestone)
        if recorded:
            refresh_entries(change.document(TIMELINE), timetable_of(change.revalidate()).schedule)
    return LettersResult(
        written=written,
        kept=tuple(document.path for document in kept),
        recorded=tuple(recorded),
        not_recorded=not_recorded,
        not_sent=not_sent(names, to, change.records),
    )


def chronology_workbooks(change: Change, agency_ids: set[str], force: bool) -> list[Path]:
    from scrkit.case.layout import CHRONOLOGY_TEMPLATES
    from scrkit.chronology.template import template_for_agency

    agencies = [agency for agency in change.records.agencies.agencies if agency.id in agency_ids]
    made = [template_for_agency(change.records, agency) for agency in agencies]
    paths = [change.path / CHRONOLOGY_TEMPLATES / workbook.file_name for workbook in made]
    refuse_overwriting(paths, force)
    return [change.write_file(path, workbook.content) for path, workbook in zip(paths, made, strict=True)]


def not_sent(names: list[str], to: list[str] | None, records: ReviewRecords) -> dict[str, str]:
    """The recipients a letter would go to but could not yet (App 4: an agency with no IMR author named)."""
    from scrkit.letters.catalogue import catalogue
    from scrkit.letters.facts import unaddressed

    wanted = None if not to or "all" in to else set(to)
    found = {}
    for name in names:
        spec = catalogue().get(name)
        for recipient in unaddressed(spec.to, records) if spec else ():
            if wanted is None or recipient in wanted:
                found[f"{name} to {recipient}"] = "no IMR author is named yet (imrs.yaml `author`)"
    return found


def anonymised(documents: list[RenderedDocument], records: ReviewRecords, force: bool) -> list[RenderedDocument]:
    """Clean, anonymised copies of the documents (the genogram drawn again), saved as `... anonymised.docx`."""
    from scrkit.jobs.anonymise import clean_copies

    contents = clean_copies(records, [(document.path.name, document.content) for document in documents])
    result = [
        replace(document, path=document.path.with_name(f"{document.path.stem} anonymised.docx"), content=content)
        for document, content in zip(documents, contents, strict=True)
    ]
    refuse_overwriting([document.path for document in result], force)
    return result


def check_letter_template(file: Path, review: Path | None) -> list[TemplateProblem]:
    """`scrkit templates check`: placeholder mistakes and unknown facts, checked against a review's facts."""
    from scrkit.letters.checking import check_template
    from scrkit.letters.facts import every_fact
    from scrkit.resources import example_review

    timetable = timetable_of(CaseFolder.open(review or example_review()).load())
    return check_template(file, every_fact(timetable.records, timetable.schedule))
