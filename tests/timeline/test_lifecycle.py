"""The review's status follows the recorded steps, and the not-an-SCR path runs from decision to close
(issue 13, items 5 and 7). Every date below is worked out by hand.

A review that is not an SCR (1.5.2, App 1 Part 2), in Wales: incident Fri 26/02/2027, referral received
Mon 01/03/2027 (St David's Day is not a bank holiday), the chair decides on Fri 19/03/2027 that it is not
an SCR, and that the agencies concerned hold single agency management reviews. Easter 2027 is Sunday
28 March: Good Friday 26/03 and Easter Monday 29/03 are bank holidays in Wales.
- single-agency-reviews-commissioned, 10 working days after the decision: Mon 22 (1), Tue 23 (2),
  Wed 24 (3), Thu 25 (4), [Good Friday, Easter Monday], Tue 30 (5), Wed 31 (6), Thu 01/04 (7),
  Fri 02/04 (8), Mon 05/04 (9), Tue 06/04 (10): due Tue 06/04/2027. Done Thu 01/04/2027: on time.
- single-agency-reviews-received, 3 calendar months after the commissioning as recorded (01/04/2027):
  due Thu 01/07/2027. Done Tue 06/07/2027: late by Fri 02, Mon 05, Tue 06 = 3 working days.
- alternative-concluded, 6 calendar months after the decision: due Sun 19/09/2027; done Fri 17/09/2027.

An SCR in England: incident Thu 31/12/2026, referral Mon 04/01/2027, decided Mon 25/01/2027; terms of
reference approved Mon 01/02/2027; completion is due 6 calendar months after the decision, Sun
25/07/2027, and the LSCB approves it Tue 20/07/2027; submit-ofsted is due the day of approval (20/07)
and is done Thu 22/07/2027 (late by Wed 21 and Thu 22: 2 working days); Ofsted's evaluation arrives Fri
01/10/2027, so the published summary is due to Ofsted Mon 01/11/2027, and is sent Thu 28/10/2027.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import BadInput, ExitCode, InvalidReview, ScrkitError
from scrkit.jobs.letters import render_letters
from scrkit.jobs.panel import sign_off_plan
from scrkit.jobs.review import validate_review
from scrkit.jobs.timeline import load_timetable, record_decision, record_done, record_extension, set_key_date
from scrkit.models.review import Alternative, DecisionOutcome, ReviewStatus
from scrkit.review.casefolder import CaseFolder
from scrkit.timeline.status import State, assess
from tests.conftest import fairly_represented, replace_in
from tests.letters.conftest import document_text
from tests.timeline.reviews import opened_review

D = dt.date
LATER = D(2028, 1, 31)  # "today" for recording: every step below has happened by then


def status_of(folder: Path) -> ReviewStatus:
    return CaseFolder.open(folder).load().review.status


def report(folder: Path, today: dt.date):  # noqa: ANN201
    timetable = load_timetable(folder)
    found = assess(timetable.records, timetable.schedule, today)
    return {status.milestone.id: status for status in found.milestones}


# --- A review that is not an SCR, from decision to close (Wales) -------------------------------------


@pytest.fixture
def not_an_scr(tmp_path: Path) -> Path:
    folder = opened_review(tmp_path / "review", D(2027, 2, 26), D(2027, 3, 1))
    replace_in(folder / "board.yaml", "nation: england", "nation: wales")
    # The steps both paths share, each on time: request letters 1 working day after the referral (Tue
    # 02/03), replies 3 working days after them (Fri 05/03), Ofsted told of the incident and the panel
    # convened within a week (Mon 08/03), the decision notified by the end of week 3, not before it (Mon 22/03).
    for milestone, day in (("referral-form", D(2027, 3, 1)), ("request-letters", D(2027, 3, 2)),
                           ("agency-responses", D(2027, 3, 5)), ("notify-incident", D(2027, 3, 4)),
                           ("panel-convened", D(2027, 3, 8))):  # fmt: skip
        record_done(folder, milestone, day, None, today=LATER)
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 3, 19), Alternative.SINGLE_AGENCY_REVIEW,
                    "Below the threshold; two agencies review their own practice", today=LATER)  # fmt: skip
    return folder


def test_a_review_that_is_not_an_scr_runs_its_alternative_to_close(scrkit, not_an_scr: Path) -> None:
    assert status_of(not_an_scr) is ReviewStatus.NOT_AN_SCR
    found = report(not_an_scr, D(2027, 3, 22))
    assert found["single-agency-reviews-commissioned"].milestone.due == D(2027, 4, 6)
    assert found["single-agency-reviews-commissioned"].state is State.UPCOMING
    assert found["alternative-concluded"].milestone.due == D(2027, 9, 19)
    # The other alternatives' steps are not this review's: not listed at all.
    assert not {"learning-day-held", "audit-completed", "alternative-agreed"} & set(found)
    assert found["completion"].state is State.NOT_APPLICABLE

    record_done(not_an_scr, "notify-decision", D(2027, 3, 22), None, today=LATER)
    record_done(not_an_scr, "single-agency-reviews-commissioned", D(2027, 4, 1), None, today=LATER)
    assert status_of(not_an_scr) is ReviewStatus.IN_PROGRESS
    found = report(not_an_scr, D(2027, 7, 2))
    assert found["single-agency-reviews-commissioned"].state is State.DONE
    assert found["single-agency-reviews-received"].milestone.due == D(2027, 7, 1)
    assert found["single-agency-reviews-received"].state is State.OVERDUE
    assert scrkit("status", "--today", "02/07/2027", "-r", not_an_scr).code == ExitCode.OVERDUE

    # The case cannot close before the reviews it waits for are in.
    with pytest.raises(BadInput, match="the single agency reviews received is not recorded yet"):
        record_done(not_an_scr, "alternative-concluded", D(2027, 7, 5), None, today=LATER)

    record_done(not_an_scr, "single-agency-reviews-received", D(2027, 7, 6), None, today=LATER)
    found = report(not_an_scr, D(2027, 7, 7))
    assert found["single-agency-reviews-received"].state is State.LATE
    assert found["single-agency-reviews-received"].working_days_late == 3

    record_done(not_an_scr, "alternative-concluded", D(2027, 9, 17), None, today=LATER)
    assert status_of(not_an_scr) is ReviewStatus.CLOSED
    assert report(not_an_scr, D(2027, 9, 20))["alternative-concluded"].state is State.DONE
    result = scrkit("status", "--today", "20/09/2027", "-r", not_an_scr)
    assert result.code == ExitCode.OK, result.out
    assert scrkit("validate", "-r", not_an_scr).code == ExitCode.OK


def test_a_review_that_is_not_an_scr_refuses_the_scr_and_other_alternatives_steps(not_an_scr: Path) -> None:
    with pytest.raises(BadInput, match="belongs to learning-day, and the alternative chosen is single-agency-review"):
        record_done(not_an_scr, "learning-day-held", D(2027, 4, 1), None, today=LATER)
    with pytest.raises(BadInput, match="belongs to an SCR"):
        record_done(not_an_scr, "commission-imrs", D(2027, 4, 1), None, today=LATER)
    with pytest.raises(ScrkitError, match="SCR"):
        record_extension(not_an_scr, D(2027, 12, 1), "More time", None, None, today=LATER)
    with pytest.raises(BadInput, match="belongs to an SCR"):
        sign_off_plan(not_an_scr, D(2027, 4, 1), "LSCB chair", LATER)
    assert status_of(not_an_scr) is ReviewStatus.NOT_AN_SCR  # nothing refused moved it


def test_a_learning_day_has_its_own_steps(tmp_path: Path) -> None:
    folder = opened_review(tmp_path / "review", D(2027, 2, 26), D(2027, 3, 1))
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 3, 19), Alternative.LEARNING_DAY, "Practice learning",
                    today=LATER)  # fmt: skip
    found = report(folder, D(2027, 3, 22))
    # One calendar month after Fri 19/03/2027 is Mon 19/04/2027; three months, Sat 19/06/2027.
    assert found["learning-day-arranged"].milestone.due == D(2027, 4, 19)
    assert found["learning-day-held"].milestone.due == D(2027, 6, 19)
    assert "single-agency-reviews-commissioned" not in found
    with pytest.raises(BadInput, match="the learning day arranged is not recorded yet"):
        record_done(folder, "learning-day-held", D(2027, 6, 1), None, today=LATER)


def test_before_the_decision_no_alternative_step_is_shown_or_recordable(tmp_path: Path) -> None:
    folder = opened_review(tmp_path / "review", D(2027, 2, 26), D(2027, 3, 1))
    assert status_of(folder) is ReviewStatus.REFERRED
    found = report(folder, D(2027, 3, 10))
    assert "learning-day-arranged" not in found
    assert found["completion"].state is State.PENDING_DECISION
    with pytest.raises(BadInput, match="the decision is not recorded yet"):
        record_done(folder, "learning-day-arranged", D(2027, 3, 5), None, today=LATER)


# --- An SCR, from decision to close (England) ----------------------------------------------------------


@pytest.fixture
def scr(tmp_path: Path) -> Path:
    folder = opened_review(tmp_path / "review", D(2026, 12, 31), D(2027, 1, 4))
    record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 25), None, "Threshold met", today=LATER)
    return folder


def write_action_plan(folder: Path, done: str) -> None:
    (folder / "actions.yaml").write_text(
        "recommendations:\n"
        "  - id: r1\n"
        "    recommendation: Health visitors share concerns about bruising the same day.\n"
        "    actions:\n"
        "      - id: r1-a1\n"
        "        action: Re-issue the bruising protocol.\n"
        "        by_whom: Designated Nurse\n"
        "        by_when: 2027-09-30\n"
        "        done: 2027-09-20\n"
        "      - id: r1-a2\n"
        "        action: Audit twenty records.\n"
        "        by_whom: Named Nurse\n"
        "        by_when: 2027-11-30\n"
        f"        done: {done}\n",
        encoding="utf-8",
    )


def test_the_status_follows_each_step_of_an_scr_to_close(scrkit, scr: Path) -> None:
    assert status_of(scr) is ReviewStatus.DECIDED_SCR
    record_done(scr, "terms-of-reference", D(2027, 2, 1), None, today=LATER)
    assert status_of(scr) is ReviewStatus.IN_PROGRESS

    assert load_timetable(scr).schedule.get("completion").due == D(2027, 7, 25)  # type: ignore[union-attr]
    fairly_represented(scr, D(2027, 7, 20))
    record_done(scr, "completion", D(2027, 7, 20), None, today=LATER)
    assert status_of(scr) is ReviewStatus.APPROVED
    record_done(scr, "submit-ofsted", D(2027, 7, 22), None, today=LATER)
    assert status_of(scr) is ReviewStatus.SUBMITTED
    found = report(scr, D(2027, 7, 23))
    assert (found["submit-ofsted"].state, found["submit-ofsted"].working_days_late) == (State.LATE, 2)

    set_key_date(scr, "ofsted-evaluation", D(2027, 10, 1), today=LATER)
    assert load_timetable(scr).schedule.get("publish-summary").due == D(2027, 11, 1)  # type: ignore[union-attr]
    record_done(scr, "publish-summary", D(2027, 10, 28), None, today=LATER)
    assert status_of(scr) is ReviewStatus.PUBLISHED

    # 17.1.2: the SCR is concluded by signing off the completion of the action plan, once it is complete.
    found = report(scr, D(2027, 11, 1))
    assert found["action-plan-signed-off"].milestone.due is None
    assert found["action-plan-signed-off"].state is State.UPCOMING  # no set date: never overdue
    with pytest.raises(BadInput, match="the action plan has no actions yet"):
        sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    write_action_plan(scr, done="")
    with pytest.raises(BadInput, match=r"1 of the action plan's 2 actions are not done yet \(r1-a2\)"):
        sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    write_action_plan(scr, done="2027-11-25")
    with pytest.raises(BadInput, match="after 24/11/2027"):
        sign_off_plan(scr, D(2027, 11, 24), "Professor Ellery", LATER)  # the last action was done the 25th
    with pytest.raises(BadInput, match="in the future"):
        sign_off_plan(scr, D(2028, 2, 1), "Professor Ellery", LATER)
    sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    assert status_of(scr) is ReviewStatus.CLOSED
    assert report(scr, D(2027, 12, 2))["action-plan-signed-off"].milestone.done == D(2027, 12, 1)
    assert scrkit("validate", "-r", scr).code == ExitCode.OK
    # The sign-off is its own command's: `done` and `set` send people there.
    result = scrkit("done", "action-plan-signed-off", "--date", "01/12/2027", "-r", scr)
    assert result.code != ExitCode.OK and "scrkit actions sign-off" in result.err
    result = scrkit("set", "review.status", "approved", "-r", scr)
    assert result.code != ExitCode.OK and "its own command" in result.err


def test_the_plan_cannot_be_signed_off_before_the_lscb_approves_the_review(scr: Path) -> None:
    write_action_plan(scr, done="2027-03-01")
    with pytest.raises(BadInput, match="the completion is not recorded yet"):
        sign_off_plan(scr, D(2027, 3, 2), "Professor Ellery", LATER)
    assert status_of(scr) is ReviewStatus.DECIDED_SCR


def test_an_action_reopened_after_sign_off_is_reported_by_validate(scr: Path) -> None:
    fairly_represented(scr, D(2027, 7, 20))
    record_done(scr, "completion", D(2027, 7, 20), None, today=LATER)
    write_action_plan(scr, done="2027-11-25")
    sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    replace_in(scr / "actions.yaml", "done: 2027-11-25", "done:")  # by hand: the second action is open again
    with pytest.raises(InvalidReview) as caught:
        validate_review(scr)
    [problem] = caught.value.problems
    assert (problem.file.name, problem.field) == ("actions.yaml", "signed_off_on")
    assert "r1-a2" in problem.message


def test_a_status_typed_by_hand_is_reported_and_the_recorded_one_passes(scrkit, scr: Path) -> None:
    assert scrkit("validate", "-r", scr).code == ExitCode.OK
    replace_in(scr / "review.yaml", "status: decided-scr", "status: closed")
    result = scrkit("validate", "-r", scr)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "review.yaml" in result.err and "'closed'" in result.err and "'decided-scr'" in result.err
    # The next step recorded writes the status the steps give.
    record_done(scr, "terms-of-reference", D(2027, 2, 1), None, today=LATER)
    assert status_of(scr) is ReviewStatus.IN_PROGRESS


def test_an_earlier_scrkits_words_are_read_and_rewritten(scrkit, scr: Path) -> None:
    fairly_represented(scr, D(2027, 7, 20))
    record_done(scr, "completion", D(2027, 7, 20), None, today=LATER)
    replace_in(scr / "review.yaml", "status: approved", "status: completed")
    assert status_of(scr) is ReviewStatus.APPROVED
    assert scrkit("validate", "-r", scr).code == ExitCode.OK
    record_done(scr, "terms-of-reference", D(2027, 2, 1), None, today=LATER)
    assert "status: approved" in (scr / "review.yaml").read_text(encoding="utf-8")


def test_plans_are_draft_until_the_lscbs_approval_on_their_date(review_dir: Path) -> None:
    # The example's LSCB approval is not recorded; record it on 01/12/2026.
    created = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    [before] = render_letters(review_dir, ["action-plan"], None, D(2026, 11, 30), created=created).written
    assert any("DRAFT" in line for line in document_text(before)["headers"])
    fairly_represented(review_dir, D(2026, 12, 1))
    record_done(review_dir, "completion", D(2026, 12, 1), None, today=D(2026, 12, 1))
    [earlier] = render_letters(review_dir, ["action-plan"], None, D(2026, 11, 30), force=True, created=created).written
    assert any("DRAFT" in line for line in document_text(earlier)["headers"])  # dated before the approval
    [after] = render_letters(review_dir, ["comms-plan"], None, D(2026, 12, 1), created=created).written
    assert not any("DRAFT" in line for line in document_text(after)["headers"])


def test_the_plan_cannot_be_signed_off_while_an_action_has_no_owner_or_date(scr: Path) -> None:
    """17.1.1, 17.1.2: every action says who will do it and by when; a plan with one that does not is
    not complete, even with every action done."""
    fairly_represented(scr, D(2027, 7, 20))
    record_done(scr, "completion", D(2027, 7, 20), None, today=LATER)
    write_action_plan(scr, done="2027-11-25")
    replace_in(scr / "actions.yaml", "        by_whom: Named Nurse\n", "")
    with pytest.raises(BadInput, match=r"1 of the action plan's actions has no owner or no date \(r1-a2\)"):
        sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    write_action_plan(scr, done="2027-11-25")
    replace_in(scr / "actions.yaml", "        by_when: 2027-09-30\n", "")
    with pytest.raises(BadInput, match=r"no owner or no date \(r1-a1\)"):
        sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    write_action_plan(scr, done="2027-11-25")
    sign_off_plan(scr, D(2027, 12, 1), "Professor Ellery", LATER)
    assert status_of(scr) is ReviewStatus.CLOSED
