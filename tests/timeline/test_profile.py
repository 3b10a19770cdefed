"""A board's own copy of the process profile: read like the default, and refused clearly when broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scrkit.errors import InvalidProfile
from scrkit.jobs.timeline import load_timetable
from scrkit.timeline.profile import PROFILES, load_profile
from tests.conftest import replace_in


@pytest.fixture
def own_profile(review_dir: Path) -> Path:
    path = review_dir / "profile.yaml"
    shutil.copy(PROFILES / "default.yaml", path)
    replace_in(review_dir / "review.yaml", "process_profile: default ", "process_profile: profile.yaml ")
    return path


def test_the_default_profile_has_the_guidance_milestones() -> None:
    ids = [rule.id for rule in load_profile(PROFILES / "default.yaml").profile.milestones]
    assert ids == [
        "referral-form", "request-letters", "agency-responses", "notify-incident", "panel-convened",
        "decision", "notify-decision", "appointments", "terms-of-reference", "commission-imrs",
        "family-notified", "media-arrangements", "authors-briefing", "imrs-circulated", "overview-draft",
        "completion", "submit-ofsted", "publish-summary", "monthly-update", "retention-review",
        "action-plan-signed-off",
        # 1.5.2, App 1 Part 2: when the decision is not to hold an SCR, the chosen alternative's own steps
        "single-agency-reviews-commissioned", "single-agency-reviews-received", "learning-day-arranged",
        "learning-day-held", "audit-scope-agreed", "audit-completed", "alternative-agreed",
        "alternative-concluded",
    ]  # fmt: skip


def test_an_edited_copy_changes_the_due_dates(own_profile: Path, review_dir: Path) -> None:
    # The board gives agencies five working days instead of three.
    replace_in(
        own_profile, "    anchor: request-letters\n    offset: 3\n", "    anchor: request-letters\n    offset: 5\n"
    )
    schedule = load_timetable(review_dir).schedule
    # Request letters due Thu 17 Sep 2026; five working days later is Thu 24 Sep.
    assert str(schedule.get("agency-responses").due) == "2026-09-24"


def problems(review_dir: Path) -> list:
    with pytest.raises(InvalidProfile) as caught:
        load_timetable(review_dir)
    return caught.value.problems


def test_unknown_unit(own_profile: Path, review_dir: Path) -> None:
    replace_in(own_profile, "    unit: hours\n", "    unit: fortnights\n")
    [problem] = problems(review_dir)
    assert problem.file == own_profile
    assert problem.field == "milestones[referral-form].unit"
    assert "'fortnights' is not allowed here" in problem.message and "working-days" in problem.message
    assert own_profile.read_text().splitlines()[problem.line - 1].strip() == "unit: fortnights"


def test_cycle_of_anchors(own_profile: Path, review_dir: Path) -> None:
    # The decision counts from completion, which counts from the decision.
    replace_in(own_profile, "    anchor: referral\n    offset: 1\n    unit: calendar-months\n",
               "    anchor: completion\n    offset: 1\n    unit: calendar-months\n")  # fmt: skip
    [problem] = problems(review_dir)
    assert "in a circle" in problem.message
    assert "decision" in problem.message and "completion" in problem.message


def test_unknown_anchor(own_profile: Path, review_dir: Path) -> None:
    replace_in(own_profile, "    anchor: incident\n", "    anchor: incidnet\n")
    [problem] = problems(review_dir)
    assert problem.field == "milestones[referral-form].anchor"
    assert "'incidnet' is neither a key date" in problem.message


def test_missing_profile_file(review_dir: Path) -> None:
    replace_in(review_dir / "review.yaml", "process_profile: default ", "process_profile: ours.yaml ")
    [problem] = problems(review_dir)
    assert "no process profile here" in problem.message and "default" in problem.message


def test_a_done_date_for_an_unknown_milestone(review_dir: Path) -> None:
    from scrkit.errors import InvalidReview

    replace_in(review_dir / "timeline.yaml", "  family-notified:\n", "  family-notifed:\n")
    replace_in(
        review_dir / "timeline.yaml", "    done:\n    note:  # awaiting", "    done: 2026-10-20\n    note:  # awaiting"
    )
    with pytest.raises(InvalidReview) as caught:
        load_timetable(review_dir)
    [problem] = caught.value.problems
    assert problem.field == "milestones.family-notifed"
    assert "did you mean 'family-notified'" in problem.message


def test_an_offset_without_its_unit(own_profile: Path, review_dir: Path) -> None:
    # The referral form's "unit: hours" left out: half a timescale is refused, not read as none.
    replace_in(own_profile, "    offset: 72\n    unit: hours\n", "    offset: 72\n")
    [problem] = problems(review_dir)
    assert problem.field == "milestones[referral-form].unit"
    assert "give both offset and unit, or neither" in problem.message


def test_a_milestone_with_no_set_date_is_accepted(own_profile: Path, review_dir: Path) -> None:
    # The board sets no timescale for the media arrangements: never overdue, whatever the day.
    timescale = "    offset: 6\n    unit: weeks\n    only_if: scr\n    document: comms-plan\n"
    replace_in(own_profile, timescale, "    only_if: scr\n    document: comms-plan\n")
    media = load_timetable(review_dir).schedule.get("media-arrangements")
    assert media is not None and media.due is None and media.undated


def test_alternatives_belong_to_the_not_an_scr_path(own_profile: Path, review_dir: Path) -> None:
    replace_in(own_profile, "    only_if: not-scr\n    only_for: [learning-day]\n    requires: [decision]\n",
               "    only_if: scr\n    only_for: [learning-day]\n    requires: [decision]\n")  # fmt: skip
    [problem] = problems(review_dir)
    assert problem.field == "milestones[learning-day-arranged].only_for"
    assert "`only_if` must be not-scr" in problem.message


def test_an_unknown_requirement(own_profile: Path, review_dir: Path) -> None:
    replace_in(own_profile, "requires: [completion, action-plan-complete]", "requires: [completion, plan-done]")
    [problem] = problems(review_dir)
    assert problem.field == "milestones[action-plan-signed-off].requires"
    conditions = "action-plan-complete, fair-representation, other-processes-considered, presented-to-the-board"
    assert f"'plan-done' is neither a key date, a milestone nor a condition ({conditions})" in problem.message
