"""The panel's meetings and their minutes (issue 16, item 2; 2.2.2, 7.2.2). The example holds three
meetings: panel-1 (22/09/2026), panel-2 (09/10/2026), panel-3 (17/02/2027, the IMR presentations)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import ExitCode, ScrkitError
from scrkit.jobs.letters import render_letters
from tests.conftest import replace_in
from tests.letters.conftest import document_text

CREATED = dt.datetime(2026, 10, 10, 9, 0, tzinfo=dt.UTC)


def test_the_minutes_show_who_came_what_was_considered_and_progress_on_the_day(review_dir: Path) -> None:
    [path] = render_letters(review_dir, ["panel-minutes"], ["panel-2"], dt.date(2026, 10, 10), created=CREATED).written
    cells = document_text(path)["tables"]
    text = " ".join(cells)
    assert "Graham Tolland" in cells and "Panel chair" in cells  # a role, by the name panel.yaml gives it
    assert "DCI Ruth Kavanagh" in cells and "Ashcombe Constabulary" in cells  # a member, with their agency
    assert "terms of reference version 3" in cells
    # 7.2.2: on 09/10/2026 the terms of reference (due 07/10/2026, three weeks after the referral of
    # 16/09/2026) were not yet approved: overdue that day, whatever was recorded after.
    row = cells.index("Terms of reference approved by the LSCB chair")
    assert cells[row + 1 : row + 3] == ["07/10/2026", "overdue"]
    assert "Panel chair to send the commissioning letters by 14/10/2026" in text


def test_minutes_are_refused_before_their_meeting(review_dir: Path) -> None:
    with pytest.raises(ScrkitError, match="meeting.date"):
        render_letters(review_dir, ["panel-minutes"], ["panel-3"], dt.date(2026, 12, 1), created=CREATED)


def test_an_attendee_who_is_nobody_is_named_by_validate(scrkit, review_dir: Path) -> None:
    replace_in(review_dir / "meetings.yaml", "attendees: [lscb-chair, business-manager,",
               "attendees: [lscb-chair, business-manger,")  # fmt: skip
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "meetings.yaml" in result.err and "'business-manger' is neither a panel member's id" in result.err


def test_status_shows_the_next_meeting_and_what_it_considers(scrkit, review_dir: Path) -> None:
    result = scrkit("status", "-r", review_dir, "--today", "01/12/2026")
    assert "Next panel meeting: 17/02/2027 (panel-3), to consider: the IMR authors' presentations of their " \
           "reports (12.1); and progress against the timeframe (7.2.2)" in result.out  # fmt: skip
    import json

    payload = json.loads(scrkit("status", "-r", review_dir, "--today", "01/12/2026", "--json").out)
    assert payload["reviews"][0]["next_meeting"]["id"] == "panel-3"


def test_no_minutes_of_a_meeting_not_yet_held(review_dir: Path) -> None:
    """Found by a newcomer: minutes dated after a meeting still to come were made (panel-3, 17/02/2027)."""
    with pytest.raises(ScrkitError, match="the meeting of 17/02/2027 has not been held yet"):
        render_letters(review_dir, ["panel-minutes"], ["panel-3"], dt.date(2027, 2, 18), created=CREATED)
