"""Conditions a milestone may require besides key dates and milestones (the profile's ``requires``),
each worked out from the records: the day it was met, or why it is not, in words a business manager
can act on. A profile names them (scrkit.timeline.profile.CONDITIONS); the schedule checks them when a
milestone is recorded, and validate when one was recorded before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from scrkit.case.records import ReviewRecords
from scrkit.models.review import ParallelProcess

Met = tuple[dt.date | None, str]  # the day the condition was met, else None and why not


def action_plan_complete(records: ReviewRecords) -> Met:
    """17.1.2: the action plan is complete when it has actions and every one is done; the day the last was."""
    actions = [action for recommendation in records.actions.recommendations for action in recommendation.actions]
    if not actions:
        return None, "the action plan has no actions yet (17.1.1): add them with `scrkit add actions`"
    # 17.1.1: every action says by whom and by when; a plan with an action that does not cannot be concluded.
    unowned = [action.id for action in actions if not action.by_whom or action.by_when is None]
    open_actions = [action.id for action in actions if action.done is None]
    why = []
    if unowned:
        why.append(
            f"{len(unowned)} of the action plan's actions {'has' if len(unowned) == 1 else 'have'} no owner or no "
            f"date ({', '.join(unowned)}), 17.1.1: set by_whom and by_when"
        )
    if open_actions:
        why.append(
            f"{len(open_actions)} of the action plan's {len(actions)} actions are not done yet "
            f"({', '.join(open_actions)}), 17.1.2"
        )
    if why:
        return None, "; ".join(why)
    return max(action.done for action in actions if action.done), ""


def fairly_represented(records: ReviewRecords) -> Met:
    """13.1.6, 14.1.1: the final draft went to every IMR author, and each confirmed it represents their
    information fully and fairly, or objected and the panel's response is recorded; the day the last
    answer (or response) was."""
    circulation = records.overview.circulation
    if circulation.sent is None:
        return None, (
            "the final draft of the overview report has not been sent to the IMR authors (13.1.6): "
            "`scrkit overview circulate VERSION --date DD/MM/YYYY`"
        )
    answered = {entry.agency: entry for entry in circulation.authors}
    not_sent = [imr.agency for imr in records.imrs.imrs if imr.agency not in answered]
    if not_sent:
        return None, (
            f"the final draft was not sent to the IMR author of {', '.join(not_sent)} (13.1.6): "
            "send it and circulate again"
        )
    if not answered:
        return None, "no IMR author has the final draft: the review has no IMRs in imrs.yaml (13.1.6)"
    waiting = [
        agency
        for agency, entry in answered.items()
        if entry.confirmed is None and not (entry.objection and entry.panel_response and entry.responded_on)
    ]
    if waiting:
        authors = "author of" if len(waiting) == 1 else "authors of"
        return None, (
            f"the IMR {authors} {', '.join(waiting)} {'has' if len(waiting) == 1 else 'have'} not confirmed the "
            "overview report represents their information fully and fairly, nor has the panel responded to an "
            "objection (13.1.6): "
            "`scrkit overview confirm AGENCY` or `scrkit overview respond AGENCY`"
        )
    days = [circulation.sent] + [
        day for entry in answered.values() for day in (entry.confirmed, entry.responded_on) if day is not None
    ]
    return max(days), ""


def still_running(process: ParallelProcess) -> bool:
    """A parallel process whose information may still come: a hearing with no outcome recorded (14.1.3)."""
    return any(hearing.outcome is None for hearing in process.court_dates)


def other_processes_considered(records: ReviewRecords) -> Met:
    """14.1.3: the SCR cannot be adopted while information from a trial, inquest or other process may
    still bear on its lessons, unless how it was considered is recorded. Met from the first day when no
    process is still running (the review's referral), else from the adoption's record of it."""
    running = [process.kind for process in records.review.parallel_processes if still_running(process)]
    if not running:
        return records.review.referral_received, ""
    if not records.overview.adoption.other_processes_considered:
        return None, (
            f"the parallel process{'es' if len(running) > 1 else ''} ({', '.join(running)}) "
            f"{'have' if len(running) > 1 else 'has'} a hearing with no outcome recorded, and how its information was "
            "considered is not recorded (14.1.3): give `--other-processes` to `scrkit overview adopt`, "
            "or record the outcome"
        )
    return records.review.referral_received, ""


def presented_to_the_board(records: ReviewRecords) -> Met:
    """14.1.1-14.1.2: the adoption follows a formal presentation by the panel chair with the overview author,
    and secures the senior officers' commitment (scrkit overview adopt records both). Met from the referral."""
    adoption = records.overview.adoption
    presenters = {name.casefold() for name in adoption.presented_by}
    panel = records.panel
    absent = [
        f"the {role} ({person.name})"
        for role, person in (("panel chair", panel.panel_chair), ("overview author", panel.overview_author))
        if person is not None and person.name.casefold() not in presenters
    ]
    if not adoption.presented_by or absent:
        who = " and ".join(absent) if absent else "the panel chair and the overview author"
        return None, (
            f"the report is presented to the Board by the panel chair with the overview author (14.1.1), and "
            f"{who} {'are' if ' and ' in who else 'is'} not recorded as presenting it: "
            "`scrkit overview adopt --presented-by NAME ...`"
        )
    if not adoption.commitment:
        return None, "the senior officers' commitment is not recorded (14.1.2): give --commitment"
    return records.review.referral_received, ""


CONDITION_CHECKS: dict[str, Callable[[ReviewRecords], Met]] = {
    "presented-to-the-board": presented_to_the_board,
    "action-plan-complete": action_plan_complete,
    "fair-representation": fairly_represented,
    "other-processes-considered": other_processes_considered,
}
