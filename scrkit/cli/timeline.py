"""`scrkit status`, `timeline`, `done`, `set-date`, `decide`, `extend`: the review's timetable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from scrkit import dates
from scrkit.cli.options import ReviewOption, date_or_today, optional_date
from scrkit.cli.terminal import say, stdout, styled, table_of
from scrkit.dates import parse_user_date, uk_date
from scrkit.errors import ExitCode, ProblemsFound
from scrkit.jobs.timeline import (
    record_decision,
    record_done,
    record_extension,
    refresh_timeline,
    review_status,
    set_key_date,
)
from scrkit.models.review import Alternative, DecisionOutcome
from scrkit.timeline.recording import KEY_DATE_FIELDS, Timetable
from scrkit.timeline.status import MilestoneStatus, State, StatusReport, assess

TodayOption = Annotated[
    str | None, typer.Option("--today", help="Work out the status as of this date instead of today.")
]

STATE_STYLE = {
    State.DONE: "green",
    State.LATE: "yellow",
    State.OVERDUE: "bold red",
    State.DUE_SOON: "bold yellow",
    State.UPCOMING: "",
    State.PENDING_DECISION: "dim",
    State.NOT_APPLICABLE: "dim",
}


def _working_days(count: int) -> str:
    return f"{count} working day{'' if count == 1 else 's'}"


def _detail(status: MilestoneStatus) -> str:
    milestone = status.milestone
    parts = []
    if status.state is State.OVERDUE:
        parts.append(f"{_working_days(status.working_days_overdue)} overdue")
    if status.state is State.LATE:
        parts.append(f"done {_working_days(status.working_days_late)} late")
    if status.state is State.PENDING_DECISION:
        parts.append("pending the decision")
    elif milestone.waiting_for and not milestone.done:
        parts.append(f"waiting for the {milestone.waiting_for} date")
    elif milestone.undated and not milestone.done and status.state is not State.NOT_APPLICABLE:
        after = " and ".join(required.replace("-", " ") for required in milestone.rule.requires)
        parts.append("no set date" + (f": after the {after}" if after else ""))
    if milestone.extended:
        parts.append("extended (7.2)")
    if milestone.note:
        parts.append(milestone.note)
    return "; ".join(parts)


NARROW = 120  # below this many columns the table's words break; a list of two lines each reads whole


def _render_milestones(report: StatusReport, title: str) -> None:
    console = stdout()
    if console.width < NARROW:
        _render_milestones_narrow(report, title, console.width)
        return
    table = Table(title=title, title_justify="left")
    for heading in ("id", "milestone", "guidance", "due", "done", "state", "detail"):
        table.add_column(heading, overflow="fold")
    for status in report.milestones:
        milestone = status.milestone
        table.add_row(
            milestone.id,
            milestone.title,
            milestone.rule.guidance or "",
            uk_date(milestone.due, "-"),
            uk_date(milestone.done, "-"),
            styled(status.state.value, STATE_STYLE[status.state]),
            _detail(status),
        )
    stdout().print(table)


def _render_milestones_narrow(report: StatusReport, title: str, width: int) -> None:
    """Each milestone on one line (the id people type, whole, then due, done and state), its title and
    detail wrapped beneath: readable at 80 columns, as the wide table is not."""
    import textwrap

    from rich.text import Text

    console = stdout()
    console.print(title)
    id_width = max((len(status.milestone.id) for status in report.milestones), default=10)
    for status in report.milestones:
        milestone = status.milestone
        line = Text(f"{milestone.id:<{id_width}}  due {uk_date(milestone.due, '-'):<10}  "
                    f"done {uk_date(milestone.done, '-'):<10}  ")  # fmt: skip
        line.append(status.state.value, style=STATE_STYLE[status.state] or None)
        console.print(line)
        about = milestone.title + (f" ({milestone.rule.guidance})" if milestone.rule.guidance else "")
        detail = _detail(status)
        for text in (about, detail):
            if text:
                for wrapped in textwrap.wrap(text, width=max(width - 4, 20)):
                    console.print(f"    {wrapped}", style="dim" if text is about else None)


def _completion_line(report: StatusReport) -> str:
    completion = report.completion
    if completion is None:
        return "Completion: not applicable (no SCR is being held)."
    if completion.done:
        return f"Completed {uk_date(completion.done)} (due {uk_date(completion.due, 'not set')})."
    if completion.due is None:
        return "Completion: due 6 months after the decision, which is not yet recorded (7.1.3)."
    extended = ""
    if completion.extended:
        informed = (
            f"Ofsted informed {uk_date(completion.ofsted_informed)}"
            if completion.ofsted_informed
            else "Ofsted NOT yet informed (7.2.1)"
        )
        extended = f" Extended: {completion.extension_reason} ({informed})."
    if completion.calendar_days_left is not None and completion.calendar_days_left < 0:
        return f"Completion was due {uk_date(completion.due)}: {-completion.calendar_days_left} days ago.{extended}"
    return (
        f"Completion due {uk_date(completion.due)}: {completion.calendar_days_left} days "
        f"({completion.working_days_left} working days) from {uk_date(report.today)}.{extended}"
    )


def render_status(report: StatusReport) -> None:
    _render_milestones(report, f"Review {report.reference} ({report.stage}): status on {uk_date(report.today)}")
    console = stdout()
    console.print(_completion_line(report), markup=False)
    counts = {state: len(report.with_state(state)) for state in State}
    console.print(
        ", ".join(f"{count} {state.value}" for state, count in counts.items() if count),
        markup=False,
    )
    if report.awaiting_reply:
        console.print("Agencies yet to reply to the request letter: " + ", ".join(report.awaiting_reply), markup=False)
    meeting = report.next_meeting
    if meeting is not None:
        considers = "; ".join(meeting.considers) or "nothing recorded yet (scrkit set meetings[ID].considers)"
        console.print(f"Next panel meeting: {uk_date(meeting.date)} ({meeting.id}), to consider: {considers}; and "
                      "progress against the timeframe (7.2.2)", markup=False)  # fmt: skip
    render_panel(report)


def render_panel(report: StatusReport) -> None:
    """IMRs outstanding and late, actions overdue, interview warnings (sections 9-12, 11.1, 17)."""
    console, panel = stdout(), report.panel
    if panel.imrs or panel.not_commissioned:
        outstanding = panel.outstanding_imrs
        line = f"IMRs: {len(panel.imrs) - len(outstanding)} of {len(panel.imrs)} received"
        if panel.late_imrs:
            line += "; late: " + ", ".join(f"{i.agency_name} ({i.days_late} days)" for i in panel.late_imrs)
        missed = [i.agency_name for i in panel.imrs if i.missed_circulation]
        if missed:
            line += "; not circulated two weeks before the presentation meeting (12.1.1): " + ", ".join(missed)
        console.print(line + ".", markup=False)
        if panel.not_commissioned:
            console.print("No IMR commissioned yet from: " + ", ".join(panel.not_commissioned), markup=False)
    if panel.overdue_actions:
        console.print(
            f"Actions overdue: {len(panel.overdue_actions)} ("
            + ", ".join(f"{a.action.id}, {a.days_overdue} days" for a in panel.overdue_actions)
            + ")",
            markup=False,
        )
    for warning in panel.interviews:
        console.print(f"Interview {warning.interview_id} ({warning.practitioner}): {warning.message}", markup=False)
    if panel.retention_due:
        if panel.legal_hold:
            console.print("Papers are under a legal hold: no destruction decision may be made (15.1.5).", markup=False)
        elif panel.retention_due <= report.today:
            console.print(
                f"Papers due for a destruction decision since {uk_date(panel.retention_due)} (15.1.5); "
                "scrkit deletes nothing.",
                markup=False,
            )


def _render_many(reports: list[StatusReport], failures: dict[Path, str], today: dt.date) -> None:
    """One row a review, most urgent first; ids, dates and counts are never broken (a narrow
    terminal lists each review instead)."""
    rows: list[tuple[str, ...]] = [("cannot be read", message, "", "", "", "")
                                   for folder, message in failures.items()]  # fmt: skip
    for report in sorted(reports, key=lambda r: r.urgency(), reverse=True):
        next_due = report.next_due
        rows.append((
            report.reference,
            str(report.folder),
            _overdue_cell(report),
            str(len(report.with_state(State.DUE_SOON))),
            f"{next_due.id} {uk_date(next_due.milestone.due)}" if next_due else "-",
            _completion_cell(report),
        ))  # fmt: skip
    headings = ("review", "folder", "overdue", "due soon", "next due", "completion")
    whole = ("review", "overdue", "due soon", "next due", "completion")
    stdout().print(table_of(f"Reviews on {uk_date(today)}, most urgent first", headings, rows, whole))


def _overdue_cell(report: StatusReport) -> str:
    """Milestones (the worst named), late IMRs and overdue actions: "0" only when nothing is overdue."""
    overdue, panel = report.overdue, report.panel
    parts = []
    if overdue:
        worst = max(overdue, key=lambda m: m.working_days_overdue)
        parts.append(f"{len(overdue)}, worst {worst.id} ({worst.working_days_overdue} working days)")
    if panel.late_imrs:
        parts.append(f"{len(panel.late_imrs)} IMR{'s' if len(panel.late_imrs) > 1 else ''} late")
    if panel.overdue_actions:
        count = len(panel.overdue_actions)
        parts.append(f"{count} action{'s' if count > 1 else ''} overdue")
    return "; ".join(parts) or "0"


def _completion_cell(report: StatusReport) -> str:
    completion = report.completion
    if completion is None:
        return "not an SCR"
    if completion.done:
        return f"completed {uk_date(completion.done)}"
    if completion.due is None:
        return "6 months after the decision"
    late = completion.calendar_days_left is not None and completion.calendar_days_left < 0
    return f"{'was due' if late else 'due'} {uk_date(completion.due)}{' (extended)' if completion.extended else ''}"


def _as_json(report: StatusReport) -> dict[str, Any]:
    completion = report.completion
    return {
        "reference": report.reference,
        "stage": report.stage,
        "folder": str(report.folder),
        "overdue": report.overdue_count,  # everything that makes status exit 5
        "overdue_milestones": len(report.overdue),
        "late_imrs": len(report.panel.late_imrs),
        "completion": None
        if completion is None
        else {
            "due": _iso(completion.due),
            "done": _iso(completion.done),
            "extended": completion.extended,
            "extension_reason": completion.extension_reason,
            "ofsted_informed": _iso(completion.ofsted_informed),
            "calendar_days_left": completion.calendar_days_left,
            "working_days_left": completion.working_days_left,
        },
        "agencies_awaiting_reply": list(report.awaiting_reply),
        "next_meeting": None
        if report.next_meeting is None
        else {
            "id": report.next_meeting.id,
            "date": _iso(report.next_meeting.date),
            "considers": list(report.next_meeting.considers),
        },  # fmt: skip
        "imrs": [
            {
                "agency": item.imr.agency,
                "state": item.state,
                "due": _iso(item.imr.due),
                "submitted": _iso(item.imr.submitted),
                "days_late": item.days_late,
            }
            for item in report.panel.imrs
        ],
        "imrs_not_commissioned": list(report.panel.not_commissioned),
        "actions_overdue": [
            {"id": item.action.id, "by_when": _iso(item.action.by_when), "days_overdue": item.days_overdue}
            for item in report.panel.overdue_actions
        ],
        "interview_warnings": [f"{w.interview_id}: {w.message}" for w in report.panel.interviews],
        "milestones": [
            {
                "id": status.id,
                "title": status.milestone.title,
                "guidance": status.milestone.rule.guidance,
                "responsible": status.milestone.rule.responsible,
                "due": _iso(status.milestone.due),
                "done": _iso(status.milestone.done),
                "state": status.state.value,
                "working_days_overdue": status.working_days_overdue,
                "waiting_for": status.milestone.waiting_for,
                "note": status.milestone.note,
            }
            for status in report.milestones
        ],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def status(
    folders: Annotated[
        list[Path] | None, typer.Argument(help="Review folders; several give one line per review.")
    ] = None,
    review: ReviewOption = Path("."),
    today: TodayOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the same facts as JSON.")] = False,
) -> None:
    """What is due, late and next for a review, or for several reviews at once (exit 5 if anything is overdue)."""
    on = date_or_today(today, "--today")
    targets = list(folders) if folders else [review]
    reports: list[StatusReport] = []
    failures: dict[Path, str] = {}
    for folder in targets:
        if len(targets) == 1:
            reports.append(review_status(folder, on))  # one review: its problems are the error
            continue
        try:
            reports.append(review_status(folder, on))
        except ProblemsFound as error:
            failures[folder] = f"{error.message} Run `scrkit validate -r {folder}`."
        except Exception as error:  # noqa: BLE001 - one unreadable folder must not hide the others
            message = getattr(error, "message", str(error))
            failures[folder] = message
    if as_json:
        payload = {
            "today": on.isoformat(),
            "reviews": [_as_json(report) for report in reports],
            "unreadable": [{"folder": str(folder), "error": message} for folder, message in failures.items()],
        }
        stdout().print_json(json.dumps(payload))
    elif len(targets) == 1:
        render_status(reports[0])
    else:
        _render_many(reports, failures, on)
    if failures:
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))
    if any(report.anything_overdue for report in reports):
        raise typer.Exit(int(ExitCode.OVERDUE))


def timeline(review: ReviewOption = Path(".")) -> None:
    """Show the review's timetable and bring the due dates in timeline.yaml up to date."""
    timetable = refresh_timeline(review)
    report = assess(timetable.records, timetable.schedule, dates.today())
    _render_milestones(report, f"Timetable of review {report.reference} ({timetable.records.review.process_profile})")
    say(f"timeline.yaml in {review} holds these due dates; record progress with `scrkit done ID --date DATE`.")


def _after_change(timetable: Timetable, message: str) -> None:
    """The change, and the completion's due date when the change moved it (not after every step)."""
    stdout().print(message, markup=False)
    completion = timetable.schedule.completion()
    if completion and completion.applicable and completion.due and completion.due != timetable.completion_was:
        moved = f" (was {uk_date(timetable.completion_was)})" if timetable.completion_was else ""
        say(f"Completion is now due {uk_date(completion.due)}{' (extended)' if completion.extended else ''}{moved}.")


def done(
    milestone: Annotated[str, typer.Argument(help="The milestone's id, e.g. request-letters (see scrkit timeline).")],
    date: Annotated[str | None, typer.Option(help="When it happened. Defaults to today.")] = None,
    note: Annotated[str | None, typer.Option(help="A short note kept with the date.")] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record that a milestone happened."""
    on = date_or_today(date, "--date")
    timetable = record_done(review, milestone, on, note, today=dates.today())
    _after_change(timetable, f"Recorded: {milestone} done {uk_date(on)}.")


def correct(
    milestone: Annotated[str, typer.Argument(help="The milestone's id, as scrkit timeline shows it.")],
    date: Annotated[str, typer.Option(help="The date it really happened, e.g. 17/09/2026.")],
    reason: Annotated[str, typer.Option(help="Why the recorded date was wrong (kept in its history).")],
    review: ReviewOption = Path("."),
) -> None:
    """Correct the date a milestone was recorded as done; the old date stays in its history and the audit log."""
    from scrkit.jobs.timeline import correct_done

    on = parse_user_date(date, "--date")
    was, timetable = correct_done(review, milestone, on, reason, today=dates.today())
    _after_change(timetable, f"Corrected: {milestone} done {uk_date(on)} (was {uk_date(was)}; kept in its history).")


def set_date(
    key: Annotated[str, typer.Argument(help=f"The key date: {', '.join(KEY_DATE_FIELDS)}.")],
    date: Annotated[str, typer.Argument(help="The date, e.g. 17/02/2027.")],
    review: ReviewOption = Path("."),
) -> None:
    """Record a key date in review.yaml; due dates that count from it move."""
    on = parse_user_date(date, "DATE")
    timetable = set_key_date(review, key, on)
    _after_change(timetable, f"Recorded: {key} {uk_date(on)}.")


def decide(
    outcome: Annotated[DecisionOutcome, typer.Argument(help="scr (hold a Serious Case Review) or not-scr.")],
    date: Annotated[str | None, typer.Option(help="When the LSCB chair decided. Defaults to today.")] = None,
    alternative: Annotated[
        Alternative | None, typer.Option(help="If not-scr: what will be done instead (App 1 Part 2).")
    ] = None,
    reasons: Annotated[str | None, typer.Option(help="The reasons for the decision.")] = None,
    revise: Annotated[
        str | None, typer.Option(help="Why the chair revised a decision already recorded (1.5.6); the earlier is kept.")
    ] = None,
    override_1_2_2: Annotated[
        str | None,
        typer.Option("--override-1-2-2", help="Why not an SCR where 1.2.2 says always (a death): reported by check."),
    ] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record the LSCB chair's decision (7.1.2): completion is then due 6 months later."""
    on = date_or_today(date, "--date")
    timetable = record_decision(review, outcome, on, alternative, reasons, revise=revise, override=override_1_2_2)
    done = "Revised" if revise else "Recorded"
    _after_change(timetable, f"{done}: decision '{outcome.value}' on {uk_date(on)}.")


def extend(
    to: Annotated[str, typer.Option("--to", help="The new completion date agreed by the LSCB.")],
    reason: Annotated[str, typer.Option(help="Why the review needs longer (7.2.1).")],
    ofsted_informed: Annotated[str | None, typer.Option(help="When Ofsted was told of the new date.")] = None,
    agreed_on: Annotated[str | None, typer.Option(help="When the LSCB agreed the extension.")] = None,
    review: ReviewOption = Path("."),
) -> None:
    """Record an extension beyond six months (7.2): a new completion date and its reason."""
    timetable = record_extension(
        review,
        parse_user_date(to, "--to"),
        reason,
        optional_date(ofsted_informed, "--ofsted-informed"),
        optional_date(agreed_on, "--agreed-on"),
    )
    _after_change(timetable, "Recorded the extension.")
    if not ofsted_informed:
        say("Remember: the LSCB should inform Ofsted of the new date and the reason (7.2.1).")


def register(app: typer.Typer) -> None:
    app.command()(status)
    app.command()(timeline)
    app.command()(done)
    app.command()(correct)
    app.command(name="set-date")(set_date)
    app.command()(decide)
    app.command()(extend)
