"""The steps at the end of a review, made on overview.yaml's round-trip document (comments kept):
each checks that it can happen (in order, after what it follows, nothing recorded overwritten) and
raises ``BadInput`` naming what is missing; the jobs (scrkit.jobs.overview) write once.

13.1.4-13.1.5 drafts and the panel's discussion of each; 13.1.6 the final draft to every IMR author and
their confirmations or objections; 13.3 the executive summary; 14.1 the adoption.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput
from scrkit.models.agencies import RequestReply
from scrkit.models.overview import AuthorConfirmation, ExecutiveSummary, OverviewDraft
from scrkit.models.review import DecisionOutcome
from scrkit.records.yamlfile import to_yaml_value

# 13.3.2: the executive summary's five elements, as overview.yaml names them and the guidance words them.
SUMMARY_ELEMENTS = {
    "purpose_and_scope": "the purpose and scope of the review",
    "review_process": "an outline of the review process, including the organisations involved",
    "circumstances": "a brief outline of the circumstances that led to the review",
    "key_issues": "a succinct account of the key issues arising from the case",
    "intended_actions": "the intended actions, including any completed",
}
assert set(SUMMARY_ELEMENTS) <= set(ExecutiveSummary.model_fields)


ADOPTION = "completion"  # the profile's milestone the adoption is: the LSCB approves the final SCR (14.1)
VERSION = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}")  # 1, 2, 2.1: a draft's version as its footer prints it


def _numbers(version: str) -> tuple[int, ...]:
    """2.1 as (2, 1): versions compared as numbers, so 10 follows 9."""
    return tuple(int(part) for part in version.split("."))


def _day(on: dt.date) -> str:
    return on.strftime("%d/%m/%Y")


def _decided_scr(records: ReviewRecords, on: dt.date, what: str) -> None:
    decision = records.review.decision
    if decision.outcome is DecisionOutcome.NOT_SCR:
        raise BadInput(
            f"{what} belongs to a Serious Case Review, and the decision was not to hold one "
            f"({_day(decision.date) if decision.date else 'date not recorded'}, 1.5.2).",
            hint='If the chair has revised the decision, record it first: scrkit decide scr --revise "WHY".',
        )
    if decision.date is None or decision.outcome is not DecisionOutcome.SCR:
        raise BadInput(
            f"{what} belongs to a Serious Case Review, and no decision to hold one is recorded (7.1.2).",
            hint="Record it first: scrkit decide scr --date DD/MM/YYYY.",
        )
    if on < decision.date:
        raise BadInput(f"{what} cannot be dated {_day(on)}: that is before the decision ({_day(decision.date)}).")


def _not_future(on: dt.date, today: dt.date, what: str) -> None:
    if on > today:
        raise BadInput(f"{what}: {_day(on)} is in the future; record it once it has happened.")


def _sequence(document: Any, name: str) -> CommentedSeq:
    entries = document.get(name)
    if not isinstance(entries, CommentedSeq):
        entries = document[name] = CommentedSeq()
    return entries


def _mapping(document: Any, name: str) -> CommentedMap:
    entry = document.get(name)
    if not isinstance(entry, CommentedMap):
        entry = document[name] = CommentedMap()
    return entry


def find_draft(records: ReviewRecords, version: str) -> OverviewDraft:
    drafts = records.overview.drafts
    draft = next((item for item in drafts if item.version == version), None)
    if draft is None:
        known = ", ".join(item.version for item in drafts) or "none yet"
        raise BadInput(
            f"There is no draft version {version} of the overview report (drafts recorded: {known}).",
            hint="Record it first: scrkit overview draft VERSION --date DD/MM/YYYY.",
        )
    return draft


def add_draft(records: ReviewRecords, document: Any, version: str, on: dt.date, today: dt.date) -> None:
    """13.1.5: a new draft, later than every earlier one."""
    version = version.strip()
    if not VERSION.fullmatch(version):
        raise BadInput(
            f"'{version}' is not a version: give a number, e.g. 1, 2 or 2.1, as the draft's footer prints it."
        )
    _not_future(on, today, f"Draft {version}")
    _decided_scr(records, on, "The overview report")
    drafts = records.overview.drafts
    if any(item.version == version for item in drafts):
        raise BadInput(
            f"Draft version {version} of the overview report is already recorded; each draft has its own version.",
            hint="Give the next version number.",
        )
    if drafts and VERSION.fullmatch(drafts[-1].version) and _numbers(version) <= _numbers(drafts[-1].version):
        raise BadInput(
            f"Draft {version} would come after version {drafts[-1].version}: each draft's version is higher "
            "than the last (13.1.5).",
            hint="Give the next version number.",
        )
    if drafts and on < drafts[-1].date:
        raise BadInput(
            f"Draft {version} cannot be dated {_day(on)}: the last draft, version {drafts[-1].version}, "
            f"is dated {_day(drafts[-1].date)}."
        )
    if records.overview.circulation.sent is not None:
        raise BadInput(
            f"The final draft (version {records.overview.circulation.version}) was sent to the IMR authors on "
            f"{_day(records.overview.circulation.sent)}; the authors' answers are recorded against it, so scrkit "
            "takes no later draft.",
            hint="Record each author's answer, and the panel's response to an objection (scrkit overview respond).",
        )
    _sequence(document, "drafts").append(to_yaml_value({"version": version, "date": on}))


def record_discussion(
    records: ReviewRecords, document: Any, version: str, on: dt.date, note: str, today: dt.date
) -> None:
    """13.1.4: the panel discussed a draft."""
    draft = find_draft(records, version)
    _not_future(on, today, f"The discussion of draft {version}")
    if on < draft.date:
        raise BadInput(
            f"Draft {version} is dated {_day(draft.date)}; the panel cannot have discussed it on {_day(on)}."
        )
    if draft.discussed_on is not None:
        raise BadInput(f"The panel's discussion of draft {version} is already recorded ({_day(draft.discussed_on)}).")
    [entry] = [item for item in _sequence(document, "drafts") if str(item.get("version")) == version]
    entry["discussed_on"] = to_yaml_value(on)
    if note.strip():
        entry["discussion"] = to_yaml_value(note.strip())


def circulate(records: ReviewRecords, document: Any, version: str, on: dt.date, today: dt.date) -> list[str]:
    """13.1.6: the final draft to every IMR author; the agencies it went to."""
    draft = find_draft(records, version)
    _not_future(on, today, "The circulation")
    _decided_scr(records, on, "The overview report")
    latest = records.overview.drafts[-1]
    if latest.version != version:
        raise BadInput(
            f"Draft {version} is not the latest: version {latest.version} ({_day(latest.date)}) is; the final draft "
            "sent to the authors is the report they will be asked to confirm (13.1.6).",
            hint=f"scrkit overview circulate {latest.version} --date DD/MM/YYYY",
        )
    if on < draft.date:
        raise BadInput(f"Draft {version} is dated {_day(draft.date)}; it cannot have been sent on {_day(on)}.")
    circulation = records.overview.circulation
    if circulation.sent is not None:
        raise BadInput(
            f"The final draft (version {circulation.version}) was already sent to the IMR authors on "
            f"{_day(circulation.sent)}; their answers are recorded against it.",
        )
    if not records.imrs.imrs:
        raise BadInput(
            "No IMR is recorded, so there is no IMR author to send the final draft to (13.1.6).",
            hint="IMRs are commissioned with scrkit done commission-imrs or scrkit letters commission-imr.",
        )
    commissioned = {imr.agency for imr in records.imrs.imrs}
    uncommissioned = [
        agency.id for agency in records.agencies.agencies
        if agency.request_reply == RequestReply.INVOLVED and agency.id not in commissioned
    ]  # fmt: skip
    if uncommissioned:
        raise BadInput(
            f"{', '.join(uncommissioned)} replied that it was involved, and no IMR has been commissioned from it "
            "(10.1.1); the final draft rests on every involved agency's IMR.",
            hint="Commission it: scrkit letters commission-imr --to AGENCY --record-sent.",
        )
    not_in = [imr.agency for imr in records.imrs.imrs if imr.submitted is None or imr.submitted > on]
    if not_in:
        raise BadInput(
            f"The IMR of {', '.join(not_in)} was not submitted by {_day(on)}; the final draft rests on every "
            "IMR (13.1.1), so it goes to the authors once all are in.",
            hint="Record each IMR's arrival: scrkit imr update AGENCY --submitted DD/MM/YYYY.",
        )
    no_author = [imr.agency for imr in records.imrs.imrs if imr.author is None]
    if no_author:
        raise BadInput(
            f"The IMR of {', '.join(no_author)} has no author recorded, so the final draft cannot be sent to them.",
            hint="Record each author: scrkit imr update AGENCY --author 'NAME'.",
        )
    entry = _mapping(document, "circulation")
    entry["version"] = to_yaml_value(version)
    entry["sent"] = to_yaml_value(on)
    authors = CommentedSeq()
    for imr in records.imrs.imrs:
        assert imr.author is not None
        authors.append(to_yaml_value({"agency": imr.agency, "author": imr.author.name}))
    entry["authors"] = authors
    return [imr.agency for imr in records.imrs.imrs]


def _answer(records: ReviewRecords, document: Any, agency: str, on: dt.date, today: dt.date) -> tuple[Any, Any]:
    circulation = records.overview.circulation
    if circulation.sent is None:
        raise BadInput(
            "The final draft has not been sent to the IMR authors yet (13.1.6).",
            hint="scrkit overview circulate VERSION --date DD/MM/YYYY",
        )
    _decided_scr(records, on, "The authors' answers to the overview report")
    entry = next((item for item in circulation.authors if item.agency == agency), None)
    if entry is None:
        known = ", ".join(item.agency for item in circulation.authors)
        raise BadInput(f"The final draft was not sent to an IMR author of '{agency}' (it went to: {known}).")
    _not_future(on, today, f"The answer of {agency}'s IMR author")
    if on < circulation.sent:
        raise BadInput(
            f"The final draft was sent on {_day(circulation.sent)}; {agency}'s IMR author cannot have answered "
            f"on {_day(on)}."
        )
    [written] = [item for item in document["circulation"]["authors"] if str(item.get("agency")) == agency]
    return entry, written


def _settled(entry: AuthorConfirmation) -> str | None:
    if entry.confirmed is not None:
        return f"confirmed on {_day(entry.confirmed)}"
    if entry.responded_on is not None:
        return f"the panel responded to the objection on {_day(entry.responded_on)}"
    return None


def confirm(records: ReviewRecords, document: Any, agency: str, on: dt.date, today: dt.date) -> None:
    """13.1.6: the author confirmed the report fully and fairly represents their information."""
    entry, written = _answer(records, document, agency, on, today)
    settled = _settled(entry)
    if settled:
        raise BadInput(f"{agency}'s IMR author has already answered: {settled}.")
    if entry.objected_on is not None and on < entry.objected_on:
        raise BadInput(f"{agency}'s IMR author objected on {_day(entry.objected_on)}; a confirmation comes after it.")
    written["confirmed"] = to_yaml_value(on)


def object_to(records: ReviewRecords, document: Any, agency: str, on: dt.date, objection: str, today: dt.date) -> None:
    """13.1.6: the author says their information is not fully or fairly represented."""
    if not objection.strip():
        raise BadInput("An objection needs what the author said: give --objection.")
    entry, written = _answer(records, document, agency, on, today)
    settled = _settled(entry)
    if settled:
        raise BadInput(f"{agency}'s IMR author has already answered: {settled}.")
    if entry.objection:
        raise BadInput(f"{agency}'s IMR author's objection of {_day(entry.objected_on or on)} is already recorded.",
                       hint=f"Record the panel's response: scrkit overview respond {agency}.")  # fmt: skip
    written["objection"] = to_yaml_value(objection.strip())
    written["objected_on"] = to_yaml_value(on)


def respond(records: ReviewRecords, document: Any, agency: str, on: dt.date, response: str, today: dt.date) -> None:
    """13.1.6, 13.1.4: the panel's response to an author's objection (the report stays the author's view)."""
    if not response.strip():
        raise BadInput("The panel's response needs its text: give --response.")
    entry, written = _answer(records, document, agency, on, today)
    if not entry.objection or entry.objected_on is None:
        raise BadInput(f"{agency}'s IMR author has made no objection to respond to.")
    if entry.responded_on is not None:
        raise BadInput(f"The panel's response to {agency} is already recorded ({_day(entry.responded_on)}).")
    if on < entry.objected_on:
        raise BadInput(f"The objection is dated {_day(entry.objected_on)}; the response cannot be dated {_day(on)}.")
    written["panel_response"] = to_yaml_value(response.strip())
    written["responded_on"] = to_yaml_value(on)


def missing_summary_elements(summary: ExecutiveSummary) -> list[str]:
    """13.3.2: the elements still missing or empty, in the guidance's words."""
    return [words for name, words in SUMMARY_ELEMENTS.items() if not (getattr(summary, name) or "").strip()]


def summary_final(records: ReviewRecords, document: Any, on: dt.date, today: dt.date) -> None:
    """13.3.2-13.3.4: the executive summary is final once every element is written, the panel has seen
    the draft, and the action plan it includes in full (13.2.1) has actions."""
    summary = records.overview.executive_summary
    _not_future(on, today, "The executive summary")
    _decided_scr(records, on, "The executive summary")
    if summary.final_on is not None:
        raise BadInput(f"The executive summary was already marked final on {_day(summary.final_on)}.")
    missing = missing_summary_elements(summary)
    if missing:
        raise BadInput(
            f"The executive summary cannot be final: {len(missing)} of its five elements (13.3.2) "
            f"{'is' if len(missing) == 1 else 'are'} empty: {'; '.join(missing)}.",
            hint=f"Write each with scrkit set overview.executive_summary.NAME 'TEXT' ({', '.join(SUMMARY_ELEMENTS)}).",
        )
    if summary.circulated_to_panel is None or summary.circulated_to_panel > on:
        raise BadInput(
            f"The executive summary's draft has not been circulated to the panel for comment by {_day(on)} (13.3.4).",
            hint="scrkit set overview.executive_summary.circulated_to_panel DD/MM/YYYY",
        )
    if not any(recommendation.actions for recommendation in records.actions.recommendations):
        raise BadInput(
            "The executive summary includes the action plan in full (13.2.1), and the plan has no actions yet.",
            hint="Add them with scrkit add actions.",
        )
    _mapping(document, "executive_summary")["final_on"] = to_yaml_value(on)


def record_adoption(document: Any, presented_by: list[str], commitment: str, other_processes: str | None) -> None:
    """14.1.1-14.1.3: who presented the report, the commitment secured, and how other processes were
    considered; the adoption's date is the completion milestone's (the job records both)."""
    names = [name.strip() for name in presented_by if name.strip()]
    if not names:
        raise BadInput(
            "The adoption follows a formal presentation by the panel chair with the overview author (14.1.1): "
            "give --presented-by for each."
        )
    if not commitment.strip():
        raise BadInput(
            "The adoption meeting secures the senior officers' commitment to the recommendations (14.1.2): "
            "give --commitment with what was agreed."
        )
    adoption = _mapping(document, "adoption")
    adoption["presented_by"] = to_yaml_value(names)
    adoption["commitment"] = to_yaml_value(commitment.strip())
    if other_processes is not None and other_processes.strip():
        adoption["other_processes_considered"] = to_yaml_value(other_processes.strip())


def hand_over(records: ReviewRecords, document: Any, on: dt.date, adopted: dt.date | None, today: dt.date) -> None:
    """14.1.4: once adopted, the SCR goes to the Performance Monitoring sub group."""
    _not_future(on, today, "The hand-over")
    if adopted is None:
        raise BadInput(
            "The SCR goes to the Performance Monitoring sub group once the LSCB has adopted it (14.1.4).",
            hint="Record the adoption first: scrkit overview adopt.",
        )
    if on < adopted:
        raise BadInput(f"The SCR was adopted on {_day(adopted)}; it cannot have been handed over on {_day(on)}.")
    if records.overview.adoption.performance_monitoring is not None:
        raise BadInput(
            "The hand-over to the Performance Monitoring sub group is already recorded "
            f"({_day(records.overview.adoption.performance_monitoring)})."
        )
    _mapping(document, "adoption")["performance_monitoring"] = to_yaml_value(on)
