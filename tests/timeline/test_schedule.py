"""Due dates for a review, from the default profile (the guidance's timetable).

Expected dates are worked out by hand in the comments: "end of week N" is N x 7 days after the
referral (1.6.2-1.6.5), the decision is due a calendar month after it (7.1.2), completion six
calendar months after the decision (1.6.7, 7.1.3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import BadInput
from scrkit.jobs.review import NewReview, new_review
from scrkit.jobs.timeline import (
    load_timetable,
    record_decision,
    record_done,
    record_extension,
    set_key_date,
)
from scrkit.models.review import Alternative, DecisionOutcome
from scrkit.review.casefolder import CaseFolder

D = dt.date
TODAY = D(2030, 1, 1)  # `done` refuses future dates; these reviews are all in the past of this


def christmas_review(tmp_path: Path) -> Path:
    """Incident Tue 22 Dec 2026, referral received Thu 24 Dec 2026."""
    new_review(
        tmp_path / "review",
        NewReview(
            reference="SCR-TEST-1",
            child_name="Test Child",
            date_of_birth=D(2025, 6, 1),
            incident_date=D(2026, 12, 22),
            referral_received=D(2026, 12, 24),
        ),
    )
    return tmp_path / "review"


def dues(folder: Path) -> dict[str, dt.date | None]:
    return {m.id: m.due for m in load_timetable(folder).schedule.milestones}


def test_due_dates_across_christmas_before_the_decision(tmp_path: Path) -> None:
    due = dues(christmas_review(tmp_path))
    assert due["referral-form"] == D(2026, 12, 25)  # 72 hours after the incident
    assert due["request-letters"] == D(2026, 12, 29)  # 1 working day: 25, 26-27, 28 are not
    assert due["agency-responses"] == D(2027, 1, 4)  # 3 working days: 30, 31, (1 Jan), 4
    assert due["notify-incident"] == D(2026, 12, 31)  # end of week 1
    assert due["decision"] == D(2027, 1, 24)  # one calendar month
    # End of week 3 is 14 Jan, but not before the decision, due 24 Jan while not yet made.
    assert due["notify-decision"] == D(2027, 1, 24)
    assert due["terms-of-reference"] == D(2027, 1, 14)
    assert due["commission-imrs"] == D(2027, 1, 21)  # end of week 4
    assert due["authors-briefing"] == D(2027, 2, 4)  # end of week 6
    assert due["completion"] == D(2027, 7, 24)  # six months after the decision's due date
    assert due["imrs-circulated"] is None  # no presentation meeting date yet
    assert due["publish-summary"] is None  # no Ofsted evaluation yet


def test_recording_the_decision_moves_completion(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 8), None, reasons="Threshold met (8.11)", today=TODAY)
    due = dues(folder)
    assert due["notify-decision"] == D(2027, 1, 14)  # end of week 3, after the decision
    assert due["completion"] == D(2027, 7, 8)
    assert due["overview-draft"] == D(2027, 6, 8)  # one month before completion
    assert due["submit-ofsted"] == D(2027, 7, 8)
    assert due["retention-review"] == D(2034, 7, 8)  # seven years (15.1.5)
    monthly = {key: value for key, value in due.items() if key.startswith("monthly-update-")}
    assert monthly == {
        "monthly-update-1": D(2027, 2, 8),
        "monthly-update-2": D(2027, 3, 8),
        "monthly-update-3": D(2027, 4, 8),
        "monthly-update-4": D(2027, 5, 8),
        "monthly-update-5": D(2027, 6, 8),
        "monthly-update-6": D(2027, 7, 8),
    }
    records = CaseFolder.open(folder).load()
    assert records.review.status.value == "decided-scr"  # decided; no step of the review itself done yet
    # timeline.yaml, the written timeframe, carries the new dates too.
    text = (folder / "timeline.yaml").read_text(encoding="utf-8")
    assert "  completion:\n    title: LSCB approves the final SCR\n    due: 2027-07-08\n" in text


def test_decision_on_31_august_completes_at_the_end_of_february(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    record_decision(folder, DecisionOutcome.SCR, D(2027, 8, 31), None, None, today=TODAY)
    assert dues(folder)["completion"] == D(2028, 2, 29)  # 2028 is a leap year


def test_presentation_meeting_sets_imr_circulation(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    set_key_date(folder, "presentation-meeting", D(2027, 4, 14), today=TODAY)
    assert dues(folder)["imrs-circulated"] == D(2027, 3, 31)  # two weeks before (12.1.1)


def test_ofsted_evaluation_sets_publication(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    set_key_date(folder, "ofsted-evaluation", D(2027, 10, 31), today=TODAY)
    assert dues(folder)["publish-summary"] == D(2027, 11, 30)  # a month later, clamped (13.3.7)


def test_not_holding_an_scr_makes_scr_milestones_not_applicable(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 15), Alternative.LEARNING_DAY, None, today=TODAY)
    schedule = load_timetable(folder).schedule
    applicable = {m.id for m in schedule.milestones if m.applicable}
    assert {"referral-form", "request-letters", "decision", "notify-decision"} <= applicable
    assert not applicable & {"completion", "commission-imrs", "family-notified", "monthly-update-1"}
    assert CaseFolder.open(folder).load().review.status.value == "not-an-scr"
    with pytest.raises(BadInput, match="does not apply"):
        record_done(folder, "commission-imrs", D(2027, 1, 20), None, today=TODAY)


def test_extension_replaces_the_completion_date(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=TODAY)
    record_extension(
        folder, D(2027, 9, 30), "Awaiting the criminal trial (1.7)", D(2027, 6, 1), D(2027, 5, 20), today=TODAY
    )
    schedule = load_timetable(folder).schedule
    completion = schedule.completion()
    assert completion is not None and completion.due == D(2027, 9, 30) and completion.extended
    assert schedule.get("overview-draft").due == D(2027, 8, 30)
    assert schedule.get("monthly-update-8").due == D(2027, 9, 8)
    assert schedule.get("monthly-update-9") is None
    assert schedule.extension.reason == "Awaiting the criminal trial (1.7)"


def test_an_extension_needs_a_reason(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    with pytest.raises(BadInput, match="reason"):
        record_extension(folder, D(2027, 9, 30), "  ", None, None)


def test_recording_done_keeps_comments_and_rejects_unknown_ids(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    path = folder / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  request-letters:\n", "  request-letters:   # sent by the chair's PA\n"), "utf-8")
    record_done(folder, "request-letters", D(2026, 12, 29), "Sent by secure email", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert "# sent by the chair's PA" in text
    assert "    done: 2026-12-29\n    note: Sent by secure email\n" in text
    with pytest.raises(BadInput, match="Did you mean 'request-letters'"):
        record_done(folder, "request-leters", D(2026, 12, 29), None, today=TODAY)
    with pytest.raises(BadInput, match="in the future"):
        record_done(folder, "referral-form", D(2030, 1, 2), None, today=TODAY)


def test_the_decision_is_recorded_with_its_outcome(tmp_path: Path) -> None:
    folder = christmas_review(tmp_path)
    with pytest.raises(BadInput) as caught:
        record_done(folder, "decision", D(2027, 1, 8), None, today=TODAY)
    assert "scrkit decide" in (caught.value.hint or "")
    with pytest.raises(BadInput) as caught:
        set_key_date(folder, "decision", D(2027, 1, 8), today=TODAY)
    assert "scrkit decide" in (caught.value.hint or "")
    with pytest.raises(BadInput, match="not a key date"):
        set_key_date(folder, "birthday", D(2027, 1, 8), today=TODAY)
