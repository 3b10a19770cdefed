"""A Gantt-style picture of a review: each milestone's due date against the date it was done."""

from __future__ import annotations

import io

from scrkit.timeline.status import State, StatusReport

COLOURS = {
    State.DONE: "#2E7D32",
    State.LATE: "#F9A825",
    State.OVERDUE: "#C62828",
    State.DUE_SOON: "#EF6C00",
    State.UPCOMING: "#90A4AE",
    State.PENDING_DECISION: "#B0BEC5",
}


def timeline_chart(report: StatusReport) -> bytes:
    """A PNG: one row per milestone, a bar from its due date to the date done (or today)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    rows = [
        status
        for status in report.milestones
        if status.state is not State.NOT_APPLICABLE and status.milestone.due and not status.id.startswith("retention")
    ]
    figure, axes = plt.subplots(figsize=(9, 0.32 * len(rows) + 1.4), dpi=110)
    for position, status in enumerate(reversed(rows)):
        milestone = status.milestone
        due = milestone.due
        assert due is not None  # rows have a due date
        end = milestone.done or report.today
        start = min(due, end)
        finish = max(due, end)
        colour = COLOURS.get(status.state, "#90A4AE")
        width = max((finish - start).days, 1)
        axes.barh(position, width, left=mdates.date2num(start), color=colour, height=0.6)
        axes.plot(mdates.date2num(due), position, marker="|", color="black", markersize=12)
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels([status.milestone.title[:48] for status in reversed(rows)], fontsize=7)
    axes.axvline(mdates.date2num(report.today), color="black", linestyle="--", linewidth=0.8)
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m/%y"))
    axes.tick_params(axis="x", labelsize=7)
    axes.set_title(f"Review {report.reference}: planned (|) against actual, as of {report.today:%d/%m/%Y}", fontsize=9)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for colour in COLOURS.values()]
    axes.legend(handles, [state.value for state in COLOURS], fontsize=7, loc="lower right")
    figure.tight_layout()
    stream = io.BytesIO()
    figure.savefig(stream, format="png", metadata={"Software": "scrkit"})
    plt.close(figure)
    return stream.getvalue()
