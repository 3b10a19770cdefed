"""A Gantt-style picture of a review: each milestone's due date against the date it was done."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from scrkit.timeline.status import State, StatusReport

COLOURS = {
    State.DONE: "#2E7D32",
    State.LATE: "#F9A825",
    State.OVERDUE: "#C62828",
    State.DUE_SOON: "#EF6C00",
    State.UPCOMING: "#90A4AE",
    State.PENDING_DECISION: "#B0BEC5",
}


LABEL_WIDTH = 42  # characters a line of a milestone's label holds before it wraps (never cut)


def timeline_chart(report: StatusReport) -> bytes:
    """A PNG: one row per milestone, a bar from its due date to the date done (or today)."""
    import matplotlib.pyplot as plt

    figure = chart_figure(report)
    stream = io.BytesIO()
    figure.savefig(stream, format="png", metadata={"Software": "scrkit"})
    plt.close(figure)
    return stream.getvalue()


def chart_rows(report: StatusReport) -> list[Any]:
    return [
        status
        for status in report.milestones
        if status.state is not State.NOT_APPLICABLE and status.milestone.due and not status.id.startswith("retention")
    ]


def chart_label(title: str) -> str:
    """A milestone's whole title, wrapped onto as many lines as it needs."""
    return textwrap.fill(title, LABEL_WIDTH)


def chart_figure(report: StatusReport) -> Any:
    """The chart as a matplotlib figure: whole labels on the left, the legend below the bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    rows = chart_rows(report)
    labels = [chart_label(status.milestone.title) for status in reversed(rows)]
    lines = sum(label.count("\n") + 1 for label in labels)
    figure, axes = plt.subplots(figsize=(9, 0.2 * lines + 0.12 * len(rows) + 1.8), dpi=110)
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
    axes.set_yticklabels(labels, fontsize=7)
    axes.set_ylim(-0.7, len(rows) - 0.3)
    axes.axvline(mdates.date2num(report.today), color="black", linestyle="--", linewidth=0.8)
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m/%y"))
    axes.tick_params(axis="x", labelsize=7)
    axes.set_title(f"Review {report.reference}: planned (|) against actual, as of {report.today:%d/%m/%Y}", fontsize=9)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for colour in COLOURS.values()]
    # Below the plot, outside it: a legend inside the axes covers a bar.
    figure.legend(handles, [state.value for state in COLOURS], fontsize=7, loc="lower center", ncol=len(COLOURS),
                  frameon=False)  # fmt: skip
    figure.tight_layout(rect=(0, 0.06, 1, 1))
    return figure
