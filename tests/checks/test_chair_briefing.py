"""The monthly report tells the LSCB chair in one minute what matters (issue 17, item 4), and its
chart shows every label whole with the legend clear of the bars.

Dates by hand from the example: decision 7/10/2026, so completion is due 7/04/2027 (6 calendar
months, 1.6.7) and the second monthly update (4.1.2) is due 7/12/2026; the trial is listed for
10/05/2027 and the plea hearing was on 16/11/2026 (outcome recorded)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrkit.checks.rules import check_review
from scrkit.jobs.timeline import load_timetable
from scrkit.report.briefing import chair_briefing
from scrkit.report.chart import chart_figure
from scrkit.review.audit import changes
from scrkit.timeline.status import assess
from tests.conftest import replace_in

TODAY = dt.date(2026, 12, 4)


def briefing_of(review: Path, today: dt.date = TODAY):  # noqa: ANN201 - ChairBriefing
    timetable = load_timetable(review)
    report = assess(timetable.records, timetable.schedule, today)
    return chair_briefing(timetable.records, report, check_review(timetable.records))


def test_the_example_in_one_minute(review_dir: Path) -> None:
    briefing = briefing_of(review_dir)
    assert briefing.due_next_month == ("07/12/2026: Progress update to the LSCB chair (2) (Identified panel member)",)
    assert briefing.risks == (
        "Trial, Ashcombe Crown Court (criminal proceedings), 10/05/2027: after the planned completion date "
        "07/04/2027; the overview report and publication may have to wait for it (1.7, 7.2).",
    )
    assert any("whether to extend the completion date" in decision for decision in briefing.decisions)
    assert "Ashcombe Women's Aid reported involvement but no IMR has been commissioned (10.1.1)" in briefing.breaches


def test_a_month_later_the_imr_deadline_falls_due(review_dir: Path) -> None:
    briefing = briefing_of(review_dir, dt.date(2027, 1, 1))
    # IMRs are due 22/01/2027 (imrs.yaml), within the month from 1/01/2027; the third monthly update
    # is due 7/01/2027.
    assert "22/01/2027: IMR from Ashcombe Constabulary" in briefing.due_next_month
    assert briefing.due_next_month[0] == "07/01/2027: Progress update to the LSCB chair (3) (Identified panel member)"


def test_a_hearing_passed_with_no_outcome_is_a_risk_and_an_outcome_clears_it(review_dir: Path) -> None:
    replace_in(review_dir / "review.yaml", "        outcome: Pleaded not guilty\n", "")
    risks = briefing_of(review_dir).risks
    assert risks[0].startswith("Plea and trial preparation hearing, Ashcombe Crown Court (criminal proceedings), ")
    assert "the hearing date has passed and its outcome is not recorded" in risks[0]


def test_an_extension_answers_the_decision(review_dir: Path) -> None:
    replace_in(
        review_dir / "review.yaml",
        "      - date: 2027-05-10\n        hearing: Trial, Ashcombe Crown Court\n",
        "      - date: 2027-03-10\n        hearing: Trial, Ashcombe Crown Court\n",
    )
    briefing = briefing_of(review_dir)
    assert briefing.risks == ()  # the trial is now before the planned completion date
    assert not any("extend" in decision for decision in briefing.decisions)


def test_chart_labels_are_whole_and_the_legend_is_clear_of_the_bars(review_dir: Path) -> None:
    import matplotlib.pyplot as plt

    timetable = load_timetable(review_dir)
    report = assess(timetable.records, timetable.schedule, TODAY)
    figure = chart_figure(report)
    try:
        figure.canvas.draw()
        [axes] = figure.axes
        labels = [label.get_text().replace("\n", " ") for label in axes.get_yticklabels()]
        titles = [m.milestone.title for m in report.milestones if m.milestone.title in labels]
        assert "Referral form and request letter sent to agencies" in labels  # 49 characters, once cut at 48
        assert len(titles) == len(labels)  # every label is a whole title
        renderer = figure.canvas.get_renderer()
        legend = figure.legends[0].get_window_extent(renderer)
        plot = axes.get_window_extent(renderer)
        assert legend.y1 <= plot.y0  # the legend sits below the plot, so it covers no bar
        for label in axes.get_yticklabels():
            assert label.get_window_extent(renderer).x0 >= 0  # no label runs off the picture's left edge
    finally:
        plt.close(figure)


def test_the_report_records_the_months_update_once(scrkit, review_dir: Path) -> None:
    # 4.1.2: the second monthly update is due 7/12/2026 (two calendar months after the decision of
    # 7/10/2026); the report written on 4/12/2026 is it, and is recorded so, in the same audit entry.
    result = scrkit("report", "--today", "04/12/2026", "--record-sent", "-r", review_dir)
    assert result.code == 0, result.err
    assert "Recorded: monthly-update-2 done 04/12/2026." in result.err
    timetable = load_timetable(review_dir)
    update = timetable.schedule.get("monthly-update-2")
    assert update is not None and update.done == dt.date(2026, 12, 4)
    assert (review_dir / "reports" / "2026-12 monthly update.docx").is_file()
    entries = [change for change in changes(review_dir) if change.command == "report"]
    assert len(entries) == 1 and "recorded done" in entries[0].note  # one entry: the report and the milestone
    # Written again the same day, nothing more is recorded: the third update is not due within a month.
    again = scrkit("report", "--today", "04/12/2026", "--record-sent", "--out", review_dir / "copy.docx", "-r",
                   review_dir)  # fmt: skip
    assert again.code == 0 and "Recorded" not in again.err


def test_a_script_records_nothing_unless_asked(scrkit, review_dir: Path) -> None:
    assert scrkit("report", "--today", "04/12/2026", "-r", review_dir).code == 0  # no terminal: not asked
    update = load_timetable(review_dir).schedule.get("monthly-update-2")
    assert update is not None and update.done is None
