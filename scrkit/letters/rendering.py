"""Rendering letters for a review: which exist, what each still needs, and the documents.

``plan`` works out every document a request asks for and checks all of them before any is
written: a missing fact or a letter already rendered stops the whole batch, naming each.
``render_all`` renders them in memory; the job (``scrkit.jobs.letters``) writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from scrkit import dates
from scrkit.case.layout import LETTERS
from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput, Refused
from scrkit.letters.catalogue import LetterSpec, catalogue, template_for
from scrkit.letters.engine import (
    PICTURE_PREFIX,
    LetterError,
    MissingFactError,
    Properties,
    as_date,
    missing_facts,
    render_template,
)
from scrkit.letters.facts import (
    ALTERNATIVE_TITLES,
    Facts,
    Recipient,
    decision_text,
    recipients_for,
    reflowed,
    review_facts,
    to_record_path,
)
from scrkit.letters.naming import letter_file_name
from scrkit.models.review import Decision, DecisionOutcome, ReviewStatus
from scrkit.timeline.calendar import WorkingCalendar
from scrkit.timeline.profile import AGENCY_RESPONSES
from scrkit.timeline.recording import Timetable

# App 2: agencies reply within 3 working days of the letter; the profile's agency-responses says how long.
REPLY_WORKING_DAYS = 3  # only if a board's own profile has no such milestone


@dataclass(frozen=True)
class LetterStatus:
    spec: LetterSpec
    recipients: tuple[str, ...]
    missing: tuple[str, ...]
    template: Path


@dataclass(frozen=True)
class PlannedDocument:
    spec: LetterSpec
    recipient: Recipient
    path: Path
    template: Path
    context: dict[str, Any]


@dataclass(frozen=True)
class RenderedDocument:
    spec: LetterSpec
    recipient_id: str
    path: Path
    content: bytes


def _board_templates(records: ReviewRecords) -> Path | None:
    folder = records.board.templates_folder
    return (records.folder / folder) if folder else None


class LetterFacts:
    """The facts every letter of one review may use, worked out once for a batch of letters."""

    def __init__(self, timetable: Timetable) -> None:
        self.timetable = timetable
        self.review = review_facts(timetable.records, timetable.schedule)
        self.calendar = WorkingCalendar(timetable.records.board.nation)
        self._genogram: bytes | None = None
        self._drawn = False

    def genogram_png(self) -> bytes | None:
        """The family's genogram, drawn once; none if the family cannot be drawn (the letter says so)."""
        if not self._drawn:
            from scrkit.genogram.draw import genogram

            self._drawn = True
            try:
                self._genogram = genogram(self.timetable.records).png
            except BadInput:
                self._genogram = None
        return self._genogram

    def reply_by(self, on: dt.date) -> dt.date:
        """When agencies must reply to a letter dated ``on``: the timetable's own rule, its one source."""
        responses = self.timetable.schedule.get(AGENCY_RESPONSES)
        if responses is None or responses.rule.offset is None or responses.rule.unit is None:
            return self.calendar.add_working_days(on, REPLY_WORKING_DAYS)
        return self.calendar.shift(on, responses.rule.offset, responses.rule.unit)

    def _completion_before_the_decision(self, due: dt.date) -> dt.date:
        """The completion date as it stood while the decision was still to be made: counted from the
        decision's due date (7.1.2: a month after the referral), not from the day it was later made."""
        schedule = self.timetable.schedule
        completion, decision = schedule.completion(), schedule.get("decision")
        rule = completion.rule if completion is not None else None
        if rule is None or decision is None or decision.due is None or rule.offset is None or rule.unit is None:
            return due
        if rule.anchor != "decision" or (completion is not None and completion.extended):
            return due
        return schedule.calendar.shift(decision.due, rule.offset, rule.unit)

    def _progress(self, recipient: Recipient) -> list[dict[str, str]]:
        """The milestones late, overdue or due within a month of the meeting, as they stood on its day."""
        from scrkit.dates import add_months, uk_date
        from scrkit.timeline.status import State, assess_milestone

        day = as_date(recipient.facts["meeting"]["date"])
        schedule = self.timetable.schedule
        rows = []
        for milestone in schedule.milestones:
            if milestone.id.startswith("monthly-update-") and milestone.done is None:
                continue
            if milestone.done is not None and milestone.done > day:
                milestone = replace(milestone, done=None)  # not yet done on the meeting's day
            status = assess_milestone(milestone, schedule, day)
            soon = milestone.due is not None and milestone.done is None and milestone.due <= add_months(day, 1)
            lately = status.state is State.LATE and milestone.done is not None and milestone.done >= add_months(day, -1)
            if status.state is State.OVERDUE or lately or (soon and status.state is not State.NOT_APPLICABLE):
                rows.append({"title": milestone.title, "due": uk_date(milestone.due, "-"),
                             "state": status.state.value})  # fmt: skip
        return rows

    def context(self, spec: LetterSpec, recipient: Recipient, on: dt.date) -> dict[str, Any]:
        context = dict(self.review)
        records = self.timetable.records
        in_force = decision_on(records.review.decision, on)
        completion = self.timetable.schedule.completion()
        context["letter"] = {
            "date": on,
            "reply_by": self.reply_by(on),
            "name": spec.name,
            # Letters true on their date: the decision in force that day (a revised one only from its
            # date, 1.5.6); a decision made after the letter's date is still pending in it.
            "decided": in_force is not None,
            "approved": completion is not None and completion.done is not None and completion.done <= on,
            "decision": "",  # "scr" or "not-scr" once decided, for templates to compare
        }
        if in_force is not None:
            context["letter"]["decision"] = in_force[1].value
            context["letter"]["decision_date"] = in_force[0]
            # 1.5.6: the reasons and alternative of the decision in force that day, not of a later revision.
            decision = records.review.decision
            made = next((earlier for earlier in decision.history if earlier.date == in_force[0]), decision)
            if made.reasons:
                context["letter"]["decision_reasons"] = reflowed(made.reasons)
            if made.alternative is not None:
                context["letter"]["alternative"] = ALTERNATIVE_TITLES[made.alternative]
        context["decision_text"] = decision_text(in_force[1], in_force[0]) if in_force else "Not yet made"
        if in_force is None and "completion_due" in context:
            context["completion_due"] = self._completion_before_the_decision(context["completion_due"])
        _as_known_on(context, on)
        context["draft"] = _is_draft(spec, self.timetable, on)
        # 13.1.5: the overview report as its latest draft dated on or before the document's date.
        drafts = [draft for draft in records.overview.drafts if draft.date <= on]
        if drafts:
            latest = drafts[-1]
            context["overview_draft"] = Facts(
                "overview_draft", {"version": latest.version, "version_date": latest.date}, "overview.yaml drafts"
            )
        context.update(recipient.facts)
        if "meeting" in recipient.facts:  # 7.2.2: progress against the written timeframe, as on the meeting's day
            context["meeting"] = Facts(
                "meeting", dict(recipient.facts["meeting"]) | {"progress": self._progress(recipient)}, "meetings.yaml"
            )
        if "genogram" in spec.pictures:
            picture = self.genogram_png()
            if picture is not None:
                context[PICTURE_PREFIX + "genogram"] = picture
        return context


def needed(template: Path, context: dict[str, Any]) -> list[str]:
    """The facts the template needs that the review lacks, named as a person records them."""
    return list(dict.fromkeys(to_record_path(fact) for fact in missing_facts(template, context)))


def decision_on(decision: Decision, on: dt.date) -> tuple[dt.date, DecisionOutcome] | None:
    """The decision in force on ``on``: the latest made by then, earlier ones included (1.5.6)."""
    made = [(earlier.date, earlier.outcome) for earlier in decision.history]
    if decision.date is not None and decision.outcome is not None:
        made.append((decision.date, decision.outcome))
    made = [entry for entry in made if entry[0] <= on]
    return max(made, key=lambda entry: entry[0]) if made else None


def _as_known_on(context: dict[str, Any], on: dt.date) -> None:
    """Facts as they stood on the letter's date: what happened after it (the LSCB's approval, the
    summary's publication, an extension agreed, a court's outcome) is not yet known in it."""
    changed: dict[str, Any] = {}
    done = context.get("completion_done")
    if done is not None and as_date(done) > on:
        del context["completion_done"]
    review = context["review"]
    published = review.get("executive_summary_published")
    if published is not None and as_date(published) > on:
        kept = {key: value for key, value in review.items() if key != "executive_summary_published"}
        changed["review"] = Facts(review._fact_path, kept, review._fact_source)
    extension = context.get("extension")
    if extension is not None and extension.get("agreed_on") is not None and as_date(extension["agreed_on"]) > on:
        del context["extension"]
    hearings = []
    for hearing in context.get("court_dates", []):
        if hearing.get("outcome") is not None and as_date(hearing["date"]) > on:
            hearing = Facts(hearing._fact_path, {k: v for k, v in hearing.items() if k != "outcome"},
                            hearing._fact_source)  # fmt: skip
        hearings.append(hearing)
    changed["court_dates"] = hearings
    # 13.1: the overview report and the summary as they stood on their date: an IMR submitted, a draft
    # written or an action done after it is not in them.
    rows = []
    for row in context.get("imr_rows", []):
        row = dict(row)
        if row.get("submitted_on") is not None and row["submitted_on"] > on:
            row["submitted"] = "not yet submitted"
        if row.get("presented_on") is not None and row["presented_on"] > on:
            row["presented"] = ""
        rows.append(row)
    changed["imr_rows"] = rows
    for name in ("actions", "own_actions"):
        if name in context:
            changed[name] = [
                dict(row) | {"taken": ""}
                if row.get("done_on") is not None
                and row["done_on"] > on
                and str(row.get("taken", "")).startswith("Done ")
                else row
                for row in context[name]
            ]
    overview = context.get("overview")
    if overview is not None and overview.get("drafts"):
        kept_drafts = [draft for draft in overview["drafts"] if as_date(draft["date"]) <= on]
        changed["overview"] = Facts(overview._fact_path, dict(overview) | {"drafts": kept_drafts},
                                    overview._fact_source)  # fmt: skip
    context.update(changed)


def _is_draft(spec: LetterSpec, timetable: Timetable, on: dt.date) -> bool:
    records, schedule = timetable.records, timetable.schedule
    # 13.3.5: reports are marked draft until approved; 2.2.5: the terms of reference once approved,
    # on or before the document's date.
    if spec.draft_until == "tor-approved":
        approved = records.review.terms_of_reference.approved_on
        return approved is None or approved > on
    if spec.draft_until in ("review-approved", "summary-approved"):
        # 13.3.5, 14.1: the LSCB's approval of the final SCR, recorded on or before the document's date.
        approved = next((m.done for m in schedule.milestones if m.rule.status is ReviewStatus.APPROVED), None)
        if approved is None or approved > on:
            return True
        # 13.3.4: the executive summary is endorsed once it is final, on or before the document's date.
        final = records.overview.executive_summary.final_on
        return spec.draft_until == "summary-approved" and (final is None or final > on)
    return False


def catalogue_status(timetable: Timetable, on: dt.date) -> list[LetterStatus]:
    """Every letter and form, whom it goes to, and the facts the review still lacks for it."""
    records = timetable.records
    facts = LetterFacts(timetable)
    statuses = []
    for spec in catalogue().letters:
        template = template_for(spec.name, records.folder, _board_templates(records))
        recipients = recipients_for(spec.to, records)
        missing: list[str] = []
        if spec.scr_only and records.review.decision.outcome is DecisionOutcome.NOT_SCR:
            missing.append("an SCR: the decision was not to hold one (1.5.2)")
        elif not recipients:
            missing.append(_no_recipients(spec))
        for recipient in recipients if not missing else ():
            context = facts.context(spec, recipient, on)
            missing.extend(needed(template, context))
            missing.extend(untrue_on(spec, context, timetable, on))
            missing.extend(no_address(spec, context))
        statuses.append(
            LetterStatus(
                spec=spec,
                recipients=tuple(r.id for r in recipients),
                missing=tuple(dict.fromkeys(missing)),
                template=template,
            )
        )
    return statuses


def _no_recipients(spec: LetterSpec) -> str:
    return {
        "family": "a family member marked `notify: yes` in people.yaml",
        "involved-agencies": "an agency whose request_reply is `involved` in agencies.yaml",
        "authors": "an IMR author named for an involved agency (imrs.yaml `author`) or an overview author (panel.yaml)",
        "agencies": "an agency in agencies.yaml",
        "professionals": "a professional in people.yaml",
    }.get(spec.to, "a recipient")


def plan(
    timetable: Timetable,
    names: list[str],
    to: list[str] | None,
    on: dt.date,
    force: bool = False,
) -> list[PlannedDocument]:
    """Every document asked for, checked: all can be rendered and none would overwrite."""
    records = timetable.records
    facts = LetterFacts(timetable)
    specs = [_spec(name) for name in names]
    wanted = None if not to or "all" in to else set(to)
    planned: list[PlannedDocument] = []
    for spec in specs:
        if spec.scr_only and records.review.decision.outcome is DecisionOutcome.NOT_SCR:
            raise BadInput(
                f"`{spec.name}` belongs to a Serious Case Review, and the decision was not to hold one "
                f"({records.review.decision.date:%d/%m/%Y}, 1.5.2).",
                hint='If the chair has revised the decision, record it first: scrkit decide scr --revise "WHY".',
            )
        recipients = recipients_for(spec.to, records)
        if wanted is not None and spec.to != "review":
            unknown = wanted - {r.id for r in recipients}
            if unknown and len(specs) == 1:
                known = ", ".join(r.id for r in recipients) or "none"
                raise BadInput(
                    f"`{spec.name}` does not go to {', '.join(sorted(unknown))}; it goes to: {known}.",
                )
            recipients = [r for r in recipients if r.id in wanted]
        if not recipients:
            raise BadInput(f"`{spec.name}` has nobody to go to yet: the review needs {_no_recipients(spec)}.")
        template = template_for(spec.name, records.folder, _board_templates(records))
        for recipient in recipients:
            path = records.folder / LETTERS / letter_file_name(on, spec.name, recipient.id)
            context = facts.context(spec, recipient, on)
            untrue = untrue_on(spec, context, timetable, on)
            unposted = no_address(spec, context)
            if unposted:
                raise BadInput(
                    f"`{spec.name}` to {recipient.id} goes by post, and the review holds no address for it: "
                    f"{unposted[0]}.",
                    hint=f'Record it, e.g. scrkit set "{unposted[0]}" "1 Mill Lane; Town; AB1 2CD", then render '
                    "again. Nothing was written.",
                )
            if untrue:
                raise Refused(
                    f"`{spec.name}` dated {on:%d/%m/%Y} would not be true on its date:\n"
                    + "\n".join(f"  {problem}" for problem in untrue)
                    + "".join(f"\n  missing: {fact}" for fact in needed(template, context)),
                    hint="Record the new date (for a meeting or deadline, in review.yaml; for a milestone, "
                    "`scrkit done`), or date the letter with --date DD/MM/YYYY. Nothing was written.",
                )
            planned.append(PlannedDocument(spec, recipient, path, template, context))
    refuse_overwriting([document.path for document in planned], force)
    return planned


def untrue_on(spec: LetterSpec, context: dict[str, Any], timetable: Timetable, on: dt.date) -> list[str]:
    """What would make the letter false on ``on`` (letters.yaml ``not_past`` and ``only_after``): a
    meeting or deadline it names already past, a milestone it follows not yet recorded done; the
    example board's telephone or email in a letter from another board."""
    from scrkit.review.board import borrowed_details, borrowed_sentence

    borrowed = list(borrowed_details(timetable.records.board))
    problems = [borrowed_sentence(borrowed)] if borrowed else []
    review = timetable.records.review
    if on < review.incident_date:
        problems.append(f"review.incident_date ({review.incident_date:%d/%m/%Y}) is after the letter's date")
    for path in spec.not_before:
        value = as_date(fact_at(context, path))
        if isinstance(value, dt.date) and value > on:
            problems.append(f"{path} ({value:%d/%m/%Y}) is after the letter's date")
    if spec.scr_only:
        # A document of the SCR process says an SCR is being held: only once that is decided (1.5).
        # The decision in force on the letter's date is the one its context holds (LetterFacts.context).
        letter = context["letter"]
        if not letter["decided"]:
            problems.append(f"the decision to hold an SCR first (none is recorded by {on:%d/%m/%Y})")
        elif letter["decision"] != DecisionOutcome.SCR.value:
            problems.append(f"a decision to hold an SCR (on {letter['decision_date']:%d/%m/%Y} it was decided not to)")
    for path in spec.not_past:
        value = as_date(fact_at(context, path))
        if isinstance(value, dt.date) and value < on:
            problems.append(f"{path} ({value:%d/%m/%Y}) is past")
    meeting = context.get("meeting")
    if meeting is not None and as_date(meeting["date"]) > dates.today():
        problems.append(f"the meeting of {as_date(meeting['date']):%d/%m/%Y} has not been held yet: minutes follow it")
    for milestone_id in spec.only_after:
        milestone = timetable.schedule.get(milestone_id)
        title = milestone.title if milestone else milestone_id
        done = milestone.done if milestone else None
        if milestone_id == "decision":  # 1.5.6: a decision was in force from the first, if later revised
            done = timetable.schedule.recorded.get("decision", done)
        if milestone is None or done is None:
            problems.append(f"{milestone_id} done first ({title})")
        elif done > on:
            problems.append(f"{milestone_id} done first ({title}: done {done:%d/%m/%Y}, after the letter)")
    return problems


def no_address(spec: LetterSpec, context: dict[str, Any]) -> list[str]:
    """A letter to a person or an agency is posted in a window envelope: it needs an address."""
    recipient = context.get("recipient")
    if spec.kind != "letter" or spec.to == "review" or not isinstance(recipient, dict):
        return []
    if recipient.get("address"):
        return []
    return [str(recipient.get("address_at") or f"{getattr(recipient, '_fact_path', 'recipient')}.address")]


def fact_at(context: dict[str, Any], path: str) -> Any:
    """The fact at a dotted path (``review.authors_briefing.date``), or None when it is not held."""
    value: Any = context
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _spec(name: str) -> LetterSpec:
    spec = catalogue().get(name)
    if spec is None:
        names = ", ".join(letter.name for letter in catalogue().letters)
        packs = ", ".join(pack.name for pack in catalogue().packs)
        raise BadInput(f"There is no letter or form called '{name}'. They are: {names}; and the packs: {packs}.")
    return spec


def refuse_overwriting(paths: list[Path], force: bool) -> None:
    """A letter already in letters/ may have been edited or sent: never replace it without --force."""
    existing = [path for path in paths if path.exists()]
    if existing and not force:
        raise Refused(
            "These letters were already rendered; scrkit will not overwrite them:\n"
            + "\n".join(f"  {path}" for path in existing),
            hint="Use --force to replace them, or --date for a new dated copy.",
        )


def render_all(
    planned: list[PlannedDocument],
    board_name: str,
    created: dt.datetime,
    advance: Callable[[], None] = lambda: None,
) -> list[RenderedDocument]:
    """Render every document in memory; if any cannot be rendered, name every missing fact."""
    rendered: list[RenderedDocument] = []
    failed: list[tuple[PlannedDocument, str]] = []
    for document in planned:
        try:
            rendered.append(render(document, board_name, created))
        except MissingFactError as error:
            failed.append((document, error.fact))
        advance()
    if failed:
        missing: dict[str, list[str]] = {}
        for document, first in failed:
            for fact in needed(document.template, document.context) or [to_record_path(first)]:
                missing.setdefault(fact, []).append(f"{document.spec.name} to {document.recipient.id}")
        lines = [
            f"  {fact} (needed by {', '.join(users[:3])}{' and more' if len(users) > 3 else ''})"
            for fact, users in missing.items()
        ]
        raise LetterError(
            "The review does not yet hold every fact these documents need:\n" + "\n".join(lines),
            hint="Add them to the review's records (`scrkit letters` lists what each letter needs), "
            "then render again. Nothing was written.",
        )
    return rendered


def render(planned: PlannedDocument, board_name: str, created: dt.datetime) -> RenderedDocument:
    spec = planned.spec
    properties = Properties(
        title=f"{spec.title} ({planned.context['review']['reference']})",
        author=board_name,
        subject=f"Serious Case Review {planned.context['review']['reference']}",
        keywords=f"{spec.name}; {spec.guidance}",
        created=created,
    )
    content = render_template(planned.template, planned.context, properties)
    return RenderedDocument(spec=spec, recipient_id=planned.recipient.id, path=planned.path, content=content)
