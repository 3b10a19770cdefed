"""The monthly progress update to the LSCB chair (4.1.2): for each review in progress, what has
been reached, what is late and why, the planned completion date, outstanding IMRs and overdue
actions, with a timeline chart. Returns the document's bytes; the caller writes it."""

from __future__ import annotations

import datetime as dt
import io

from scrkit.dates import uk_date
from scrkit.office.word import add_page_field, document_bytes
from scrkit.report.briefing import ChairBriefing
from scrkit.report.chart import timeline_chart
from scrkit.timeline.status import State, StatusReport


def monthly_report(
    reports: list[StatusReport],
    board_name: str,
    today: dt.date,
    genograms: dict[str, bytes] | None = None,
    audit_heads: dict[str, str] | None = None,
    briefings: dict[str, ChairBriefing] | None = None,
) -> bytes:
    """The update; ``genograms`` (review reference to PNG) adds each family's genogram,
    ``audit_heads`` each review's audit-log head, kept in the report as an anchor outside the folder,
    and ``briefings`` what the chair must know first (due next, breaches, risks, decisions)."""
    genograms = genograms or {}
    audit_heads = audit_heads or {}
    briefings = briefings or {}
    from docx import Document
    from docx.shared import Cm, Mm, Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Normal"].font.name = "Arial"  # as the letters; LibreOffice shows Liberation Sans
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # A4
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(20)
    # 1.9: the review's papers are confidential; the update names the families.
    footer = section.footer.paragraphs[0]
    footer.text = f"CONFIDENTIAL   Monthly SCR update, {today:%B %Y}   Page "
    add_page_field(footer, "PAGE")
    footer.add_run(" of ")
    add_page_field(footer, "NUMPAGES")
    footer.style = document.styles["Footer"]
    footer.style.font.size = Pt(8)
    document.add_heading(f"Serious Case Reviews: monthly update to the LSCB Chair, {today:%B %Y}", 0)
    document.add_paragraph(
        f"{board_name}. Prepared {uk_date(today)} under 4.1.2 of the practice guidance: progress and planned "
        "completion dates of each review."
    )
    summary = document.add_table(rows=1, cols=5)
    summary.style = "Table Grid"
    for cell, heading in zip(summary.rows[0].cells, ("Review", "Status", "Overdue", "Completion", "IMRs received"),
                             strict=True):  # fmt: skip
        cell.text = heading
    for report in reports:
        cells = summary.add_row().cells
        completion = report.completion
        cells[0].text = report.reference
        cells[1].text = "nothing overdue" if not report.anything_overdue else "action needed"
        cells[2].text = str(len(report.overdue) + len(report.panel.late_imrs) + len(report.panel.overdue_actions))
        cells[3].text = _completion_text(completion)
        received = len(report.panel.imrs) - len(report.panel.outstanding_imrs)
        cells[4].text = f"{received} of {len(report.panel.imrs)}"
    for report in reports:
        document.add_heading(f"Review {report.reference}", 1)
        document.add_paragraph(f"Planned completion: {_completion_text(report.completion)}.")
        briefing = briefings.get(report.reference)
        if briefing is not None:
            _bullets(document, "Decisions needed", briefing.decisions, "None this month.")
        document.add_heading("Late, and why", 2)
        late = [s for s in report.milestones if s.state in (State.OVERDUE, State.LATE)]
        for status in late:
            why = status.milestone.note or "no reason recorded"
            when = (
                f"{_working_days(status.working_days_overdue)} overdue"
                if status.state is State.OVERDUE
                else f"done {_working_days(status.working_days_late)} late"
            )
            document.add_paragraph(f"{status.milestone.title} ({when}): {why}", style="List Bullet")
        if not late:
            document.add_paragraph("Nothing is late.")
        if briefing is not None:
            _bullets(document, "Due in the next month", briefing.due_next_month, "Nothing falls due.")
            _bullets(document, "Where the review breaks the guidance (scrkit check)", briefing.breaches, "None.")
            _bullets(document, "Risks to completion", briefing.risks, "None known.")
        reached = [s for s in report.milestones if s.milestone.done and (today - s.milestone.done).days <= 31]
        document.add_heading("Reached in the last month", 2)
        for status in reached or []:
            document.add_paragraph(f"{status.milestone.title}: {uk_date(status.milestone.done)}", style="List Bullet")
        if not reached:
            document.add_paragraph("No milestone was reached in the last month.")
        document.add_heading("IMRs outstanding", 2)
        for item in report.panel.outstanding_imrs:
            text = f"{item.agency_name}: due {uk_date(item.imr.due, 'date not set')}"
            if item.state == "late":
                text += f", {item.days_late} days late"
            document.add_paragraph(text, style="List Bullet")
        for name in report.panel.not_commissioned:
            document.add_paragraph(f"{name}: no IMR commissioned yet", style="List Bullet")
        if not report.panel.outstanding_imrs and not report.panel.not_commissioned:
            document.add_paragraph("None.")
        document.add_heading("Actions overdue", 2)
        for action in report.panel.overdue_actions:
            document.add_paragraph(
                f"{action.action.id}: {action.action.action} ({action.action.by_whom or 'no owner'}, due "
                f"{uk_date(action.action.by_when)}, {action.days_overdue} days overdue)",
                style="List Bullet",
            )
        if not report.panel.overdue_actions:
            document.add_paragraph("None.")
        document.add_heading("Timeline", 2)
        document.add_picture(io.BytesIO(timeline_chart(report)), width=Cm(16))
        document.add_paragraph(f"Chart: {report.reference}, planned against actual dates.")
        if report.reference in genograms:
            document.add_heading("Genogram", 2)
            document.add_picture(io.BytesIO(genograms[report.reference]), width=Cm(16))
            document.add_paragraph(f"The family of review {report.reference} (Appendix 15).")
    if audit_heads:
        document.add_heading("Audit logs", 1)
        document.add_paragraph(
            "Each review's audit log as it stood when this update was made. Anyone can check later that the log "
            "has not been cut or rewritten since: scrkit log --verify --anchor HEAD -r REVIEW."
        )
        for reference, head in audit_heads.items():
            document.add_paragraph(f"{reference}: {head}", style="List Bullet")
    document.add_paragraph("End of the monthly update.")
    properties = document.core_properties
    properties.title = f"Monthly SCR update, {today:%B %Y}"
    properties.author = board_name
    properties.created = properties.modified = dt.datetime.combine(today, dt.time(9, 0), tzinfo=dt.UTC)
    return document_bytes(document)


def _working_days(count: int) -> str:
    return f"{count} working day{'s' if count != 1 else ''}"


def _bullets(document, heading: str, items: tuple[str, ...], none: str) -> None:  # noqa: ANN001 - a Document
    document.add_heading(heading, 2)
    for item in items:
        document.add_paragraph(item, style="List Bullet")
    if not items:
        document.add_paragraph(none)


def _completion_text(completion) -> str:  # noqa: ANN001 - Completion | None
    if completion is None:
        return "not applicable"
    if completion.done:
        return f"completed {uk_date(completion.done)}"
    text = f"due {uk_date(completion.due, 'not set')}"
    if completion.extended:
        text += f" (extended: {completion.extension_reason})"
    return text
