"""The end of the review (issue 16, items 1, 3, 4 and 5): drafts (13.1.4-13.1.5), fair representation
(13.1.6), the executive summary (13.3) and the adoption (14.1), each refused both ways.

On the example: the decision to hold an SCR was made on 07/10/2026; six IMRs are commissioned
(police, childrens-social-care, ashcombe-hospitals, larchfield-practice, community-health,
brookside-primary), one submitted (community-health, 20/11/2026); the criminal trial is listed for
10/05/2027 with no outcome. The clock is 01/01/2030 (later_clock), so every date below has happened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import BadInput, ExitCode, ScrkitError
from scrkit.jobs import overview
from scrkit.review.casefolder import CaseFolder

D = dt.date
TODAY = D(2030, 1, 1)
AUTHORS = ["police", "childrens-social-care", "ashcombe-hospitals", "larchfield-practice", "community-health",
           "brookside-primary"]  # fmt: skip
EVERY_AUTHOR = [*AUTHORS, "womens-aid"]


@pytest.fixture(autouse=True)
def _clock(later_clock: None) -> None:
    """Dates in 2026 and 2027 have happened."""


WOMENS_AID_IMR = """  - agency: womens-aid
    author: {name: Kay Invented, role: Service Manager}
    commissioned: 2026-10-20
    submitted: 2026-11-25
"""


def commission_womens_aid(folder: Path) -> None:
    """The example's Women's Aid replied 'involved' and has no IMR yet (scrkit check reports it)."""
    text = (folder / "imrs.yaml").read_text(encoding="utf-8")
    (folder / "imrs.yaml").write_text(text.rstrip("\n") + "\n" + WOMENS_AID_IMR, encoding="utf-8")


@pytest.fixture
def all_in(scrkit, review_dir: Path) -> Path:
    """The example with every IMR (Women's Aid's too) submitted by 25/11/2026 and a draft 1 of 01/12/2026."""
    commission_womens_aid(review_dir)
    for agency in AUTHORS:
        if agency != "community-health":
            assert scrkit("imr", "update", agency, "--submitted", "25/11/2026", "-r", review_dir).code == 0
    overview.add_draft(review_dir, "1", D(2026, 12, 1), TODAY)
    return review_dir


def load(folder: Path):  # noqa: ANN201
    return CaseFolder.open(folder).load()


def test_drafts_follow_the_decision_and_each_other(review_dir: Path) -> None:
    with pytest.raises(BadInput, match=r"before the decision \(07/10/2026\)"):
        overview.add_draft(review_dir, "1", D(2026, 10, 6), TODAY)
    overview.add_draft(review_dir, "1", D(2026, 10, 7), TODAY)  # the day of the decision itself
    with pytest.raises(BadInput, match="version 1 of the overview report is already recorded"):
        overview.add_draft(review_dir, "1", D(2026, 11, 1), TODAY)
    overview.add_draft(review_dir, "2", D(2026, 11, 1), TODAY)
    with pytest.raises(BadInput, match=r"the last draft, version 2, is dated 01/11/2026"):
        overview.add_draft(review_dir, "3", D(2026, 10, 31), TODAY)
    with pytest.raises(BadInput, match="in the future"):
        overview.add_draft(review_dir, "3", D(2030, 1, 2), TODAY)
    overview.add_draft(review_dir, "3", D(2026, 11, 1), TODAY)  # the same day as the last is not before it
    assert [(d.version, d.date) for d in load(review_dir).overview.drafts] == [
        ("1", D(2026, 10, 7)),
        ("2", D(2026, 11, 1)),
        ("3", D(2026, 11, 1)),
    ]


def test_the_panels_discussion_of_a_draft(review_dir: Path) -> None:
    overview.add_draft(review_dir, "1", D(2026, 11, 2), TODAY)
    with pytest.raises(BadInput, match="no draft version 3"):
        overview.record_discussion(review_dir, "3", D(2026, 11, 3), "", TODAY)
    with pytest.raises(BadInput, match="dated 02/11/2026"):
        overview.record_discussion(review_dir, "1", D(2026, 11, 1), "", TODAY)
    overview.record_discussion(review_dir, "1", D(2026, 11, 9), "More on the GP's role", TODAY)
    with pytest.raises(BadInput, match=r"already recorded \(09/11/2026\)"):
        overview.record_discussion(review_dir, "1", D(2026, 11, 10), "", TODAY)
    [draft] = load(review_dir).overview.drafts
    assert (draft.discussed_on, draft.discussion) == (D(2026, 11, 9), "More on the GP's role")


def test_the_final_draft_goes_to_every_author_once_every_imr_is_in(scrkit, review_dir: Path) -> None:
    overview.add_draft(review_dir, "1", D(2026, 11, 27), TODAY)
    with pytest.raises(BadInput, match="womens-aid replied that it was involved, and no IMR has been commissioned"):
        overview.circulate(review_dir, "1", D(2026, 12, 2), TODAY)
    commission_womens_aid(review_dir)
    # Five of the six IMRs are not submitted: the report cannot be final (13.1.1).
    with pytest.raises(BadInput, match="The IMR of police, childrens-social-care, ashcombe-hospitals, larchfield"):
        overview.circulate(review_dir, "1", D(2026, 12, 2), TODAY)
    for agency in AUTHORS[:4] + AUTHORS[5:]:
        scrkit("imr", "update", agency, "--submitted", "01/12/2026", "-r", review_dir)
    with pytest.raises(BadInput, match="not submitted by 30/11/2026"):  # in by the 1st, not by the 30th
        overview.circulate(review_dir, "1", D(2026, 11, 30), TODAY)
    with pytest.raises(BadInput, match="no draft version 2"):
        overview.circulate(review_dir, "2", D(2026, 12, 2), TODAY)
    sent = overview.circulate(review_dir, "1", D(2026, 12, 2), TODAY)
    assert sent == EVERY_AUTHOR
    circulation = load(review_dir).overview.circulation
    assert (circulation.version, circulation.sent) == ("1", D(2026, 12, 2))
    assert [(a.agency, a.author) for a in circulation.authors][:2] == [
        ("police", "DI Sandra Okafor"),
        ("childrens-social-care", "Helen Marsh"),
    ]
    with pytest.raises(BadInput, match="already sent to the IMR authors on 02/12/2026"):
        overview.circulate(review_dir, "1", D(2026, 12, 3), TODAY)
    with pytest.raises(BadInput, match="takes no later draft"):
        overview.add_draft(review_dir, "2", D(2026, 12, 3), TODAY)


def test_an_imr_with_no_author_cannot_be_sent_the_final_draft(scrkit, all_in: Path) -> None:
    from tests.conftest import replace_in

    replace_in(all_in / "imrs.yaml", "author: {name: Colin Bartram, role: Education Safeguarding Adviser (local "
               "authority), seniority: Adviser}", "author:")  # fmt: skip
    with pytest.raises(BadInput, match="The IMR of brookside-primary has no author recorded"):
        overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)


def test_answers_come_after_the_draft_and_are_never_overwritten(all_in: Path) -> None:
    with pytest.raises(BadInput, match="has not been sent to the IMR authors yet"):
        overview.confirm(all_in, "police", D(2026, 12, 3), TODAY)
    overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)
    with pytest.raises(BadInput, match="cannot have answered on 01/12/2026"):
        overview.confirm(all_in, "police", D(2026, 12, 1), TODAY)
    with pytest.raises(BadInput, match="not sent to an IMR author of 'westmoor-probation'"):
        overview.confirm(all_in, "westmoor-probation", D(2026, 12, 3), TODAY)
    overview.confirm(all_in, "police", D(2026, 12, 3), TODAY)
    with pytest.raises(BadInput, match="already answered: confirmed on 03/12/2026"):
        overview.confirm(all_in, "police", D(2026, 12, 4), TODAY)
    with pytest.raises(BadInput, match="already answered"):
        overview.object_to(all_in, "police", D(2026, 12, 4), "Changed my mind", TODAY)
    # An objection, then the panel's response to it.
    with pytest.raises(BadInput, match="no objection to respond to"):
        overview.respond(all_in, "brookside-primary", D(2026, 12, 5), "Noted", TODAY)
    overview.object_to(all_in, "brookside-primary", D(2026, 12, 4), "The March referral is missing", TODAY)
    with pytest.raises(BadInput, match="objection of 04/12/2026 is already recorded"):
        overview.object_to(all_in, "brookside-primary", D(2026, 12, 5), "And another", TODAY)
    with pytest.raises(BadInput, match="cannot be dated 03/12/2026"):
        overview.respond(all_in, "brookside-primary", D(2026, 12, 3), "Added", TODAY)
    overview.respond(all_in, "brookside-primary", D(2026, 12, 7), "Added at 5.4", TODAY)
    with pytest.raises(BadInput, match=r"already recorded \(07/12/2026\)"):
        overview.respond(all_in, "brookside-primary", D(2026, 12, 8), "Again", TODAY)
    answers = {a.agency: a for a in load(all_in).overview.circulation.authors}
    assert answers["police"].confirmed == D(2026, 12, 3)
    school = answers["brookside-primary"]
    assert (school.objection, school.objected_on, school.panel_response, school.responded_on) == (
        "The March referral is missing", D(2026, 12, 4), "Added at 5.4", D(2026, 12, 7))  # fmt: skip


# 14.1.1: the example's panel chair and overview author present the report.
ADOPT = {"presented_by": ["Graham Tolland", "Ruth Castellan"], "commitment": "Every chief officer committed."}


def test_the_adoption_waits_for_every_author_and_for_the_trial(all_in: Path) -> None:
    """14.1.1: refused until every author has answered; 14.1.3: the trial of 10/05/2027 has no outcome,
    so its consideration must be recorded."""
    with pytest.raises(BadInput, match="has not been sent to the IMR authors"):
        overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes=None, today=TODAY)
    overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)
    for agency in [*AUTHORS[:5], "womens-aid"]:
        overview.confirm(all_in, agency, D(2026, 12, 9), TODAY)
    with pytest.raises(BadInput, match="author of brookside-primary has not confirmed") as caught:
        overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes=None, today=TODAY)
    assert "(criminal) has a hearing with no outcome recorded" in caught.value.message
    overview.object_to(all_in, "brookside-primary", D(2026, 12, 10), "The March referral is missing", TODAY)
    with pytest.raises(BadInput, match="brookside-primary has not confirmed"):  # an objection is not an answer
        overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes="Read the plea hearing", today=TODAY)
    overview.respond(all_in, "brookside-primary", D(2026, 12, 14), "Added at 5.4", TODAY)
    with pytest.raises(BadInput, match=r"\(criminal\) has a hearing with no outcome"):
        overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes=None, today=TODAY)
    # Met on the 14th (the panel's response): an adoption on the 13th is before it.
    with pytest.raises(BadInput, match="was recorded on 14/12/2026, after 13/12/2026"):
        overview.adopt(all_in, D(2026, 12, 13), **ADOPT, other_processes="Considered", today=TODAY)
    with pytest.raises(BadInput, match="presented-by"):
        overview.adopt(all_in, D(2026, 12, 20), [" "], "x", other_processes="Considered", today=TODAY)
    with pytest.raises(BadInput, match="commitment"):
        overview.adopt(all_in, D(2026, 12, 20), ["Graham Tolland"], " ", other_processes="Considered", today=TODAY)
    with pytest.raises(BadInput, match=r"the overview author \(Ruth Castellan\) is not recorded as presenting"):
        overview.adopt(all_in, D(2026, 12, 20), ["Graham Tolland", "Jodie Fenwick"], "Committed",
                       other_processes="Considered", today=TODAY)  # fmt: skip
    assert load(all_in).review.status.value == "in-progress"  # nothing above was written
    adopted = overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes="The panel will reconvene after "
                             "the trial; the IMRs' lessons do not wait on it (14.1.3).", today=TODAY)  # fmt: skip
    records = load(all_in)
    assert records.review.status.value == "approved"
    assert records.timeline.milestones["completion"].done == D(2026, 12, 20)
    assert adopted.timetable.schedule.get("completion").done == D(2026, 12, 20)  # type: ignore[union-attr]
    assert records.overview.adoption.presented_by == ["Graham Tolland", "Ruth Castellan"]
    assert records.overview.adoption.other_processes_considered.startswith("The panel will reconvene")
    with pytest.raises(ScrkitError, match="'completion' is already done on 20/12/2026"):
        overview.adopt(all_in, D(2026, 12, 21), **ADOPT, other_processes=None, today=TODAY)


def test_the_trial_with_its_outcome_needs_no_consideration(all_in: Path) -> None:
    from tests.conftest import replace_in

    replace_in(all_in / "review.yaml", "hearing: Trial, Ashcombe Crown Court",
               "hearing: Trial, Ashcombe Crown Court\n        outcome: Guilty")  # fmt: skip
    overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)
    for agency in EVERY_AUTHOR:
        overview.confirm(all_in, agency, D(2026, 12, 9), TODAY)
    overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes=None, today=TODAY)
    assert load(all_in).review.status.value == "approved"


def test_done_completion_is_held_to_the_same_conditions(scrkit, all_in: Path) -> None:
    result = scrkit("done", "completion", "--date", "20/12/2026", "-r", all_in)
    assert result.code == ExitCode.BAD_INPUT
    assert "has not been sent to the IMR authors (13.1.6)" in result.err
    assert "Traceback" not in result.err


def test_a_hand_edited_confirmation_before_the_adoption_is_reported_if_withdrawn(scrkit, all_in: Path) -> None:
    """An answer removed by hand after the adoption: validate names the completion and why."""
    from tests.conftest import replace_in

    overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)
    for agency in EVERY_AUTHOR:
        overview.confirm(all_in, agency, D(2026, 12, 9), TODAY)
    overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes="Considered", today=TODAY)
    text = (all_in / "overview.yaml").read_text(encoding="utf-8")
    assert text.count("confirmed: 2026-12-09") == 7
    replace_in(all_in / "overview.yaml", "confirmed: 2026-12-09", "confirmed:")  # the first one
    result = scrkit("validate", "-r", all_in)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "completion" in result.err and "author of police has not confirmed" in result.err


def test_the_executive_summary_is_final_only_when_whole(scrkit, review_dir: Path) -> None:
    def set_(field: str, value: str) -> None:
        result = scrkit("set", f"overview.executive_summary.{field}", value, "-r", review_dir)
        assert result.code == 0, result.err

    with pytest.raises(BadInput, match="5 of its five elements") as caught:
        overview.summary_final(review_dir, D(2026, 12, 10), TODAY)
    assert "the purpose and scope of the review" in caught.value.message
    set_("purpose_and_scope", "How agencies protected Ellie-May.")
    set_("review_process", "An independent panel and six IMRs.")
    set_("circumstances", "She was admitted with injuries.")
    set_("key_issues", "   ")  # blank is missing
    with pytest.raises(BadInput, match=r"2 of its five elements \(13.3.2\) are empty: a succinct account"):
        overview.summary_final(review_dir, D(2026, 12, 10), TODAY)
    set_("key_issues", "Bruising was not shared.")
    set_("intended_actions", "The protocol is re-issued.")
    with pytest.raises(BadInput, match="not been circulated to the panel"):
        overview.summary_final(review_dir, D(2026, 12, 10), TODAY)
    set_("circulated_to_panel", "11/12/2026")
    with pytest.raises(BadInput, match=r"by 10/12/2026 \(13.3.4\)"):  # circulated after that day
        overview.summary_final(review_dir, D(2026, 12, 10), TODAY)
    overview.summary_final(review_dir, D(2026, 12, 12), TODAY)
    assert load(review_dir).overview.executive_summary.final_on == D(2026, 12, 12)
    with pytest.raises(BadInput, match="already marked final on 12/12/2026"):
        overview.summary_final(review_dir, D(2026, 12, 13), TODAY)


def test_the_hand_over_follows_the_adoption(all_in: Path) -> None:
    with pytest.raises(BadInput, match="once the LSCB has adopted it"):
        overview.hand_over(all_in, D(2026, 12, 21), TODAY)
    overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)
    for agency in EVERY_AUTHOR:
        overview.confirm(all_in, agency, D(2026, 12, 9), TODAY)
    overview.adopt(all_in, D(2026, 12, 20), **ADOPT, other_processes="Considered", today=TODAY)
    with pytest.raises(BadInput, match="adopted on 20/12/2026"):
        overview.hand_over(all_in, D(2026, 12, 19), TODAY)
    overview.hand_over(all_in, D(2026, 12, 21), TODAY)
    assert load(all_in).overview.adoption.performance_monitoring == D(2026, 12, 21)


def test_a_review_not_an_scr_has_no_overview_report(scrkit, tmp_path: Path) -> None:
    from scrkit.jobs.timeline import record_decision
    from scrkit.models.review import Alternative, DecisionOutcome
    from tests.timeline.reviews import opened_review

    folder = opened_review(tmp_path / "review", D(2027, 2, 26), D(2027, 3, 1))
    with pytest.raises(BadInput, match="no decision to hold one is recorded"):
        overview.add_draft(folder, "1", D(2027, 3, 20), TODAY)
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 3, 19), Alternative.LEARNING_DAY, "No", today=TODAY)
    with pytest.raises(BadInput, match="belongs to a Serious Case Review"):
        overview.add_draft(folder, "1", D(2027, 3, 20), TODAY)


def test_the_commands_speak_plainly(scrkit, all_in: Path) -> None:
    result = scrkit("overview", "circulate", "1", "--date", "02/12/2026", "-r", all_in)
    assert result.code == ExitCode.OK, result.err
    assert "sent on 02/12/2026 to the IMR authors of police, childrens-social-care" in result.err
    result = scrkit("overview", "object", "health", "--objection", "x", "--date", "03/12/2026", "-r", all_in)
    assert result.code == ExitCode.BAD_INPUT and "not sent to an IMR author of 'health'" in result.err
    assert scrkit("overview", "confirm", "police", "--date", "03/12/2026", "-r", all_in).code == ExitCode.OK
    shown = scrkit("overview", "-r", all_in)
    assert shown.code == ExitCode.OK
    assert "confirmed 03/12/2026" in shown.out and "waiting" in shown.out
    assert "Final draft 1, sent 02/12/2026" in shown.out
    entries = [change.command for change in __import__("scrkit.review.audit", fromlist=["changes"]).changes(all_in)]
    assert entries[-2:] == ["overview circulate", "overview confirm"]


def test_only_the_latest_draft_is_circulated_and_versions_are_numbers(all_in: Path) -> None:
    with pytest.raises(BadInput, match="'v1/../x' is not a version"):
        overview.add_draft(all_in, "v1/../x", D(2026, 12, 2), TODAY)
    with pytest.raises(BadInput, match="is not a version"):
        overview.add_draft(all_in, "2\nDRAFT", D(2026, 12, 2), TODAY)
    overview.add_draft(all_in, "2.1", D(2026, 12, 2), TODAY)
    with pytest.raises(BadInput, match=r"Draft 1 is not the latest: version 2.1 \(02/12/2026\) is"):
        overview.circulate(all_in, "1", D(2026, 12, 3), TODAY)
    assert overview.circulate(all_in, "2.1", D(2026, 12, 3), TODAY) == EVERY_AUTHOR


def test_no_answer_is_taken_once_the_decision_is_revised_to_not_an_scr(all_in: Path) -> None:
    from scrkit.jobs.timeline import record_decision
    from scrkit.models.review import Alternative, DecisionOutcome

    overview.circulate(all_in, "1", D(2026, 12, 2), TODAY)
    record_decision(all_in, DecisionOutcome.NOT_SCR, D(2026, 12, 3), Alternative.LEARNING_DAY, "Accidental",
                    today=TODAY, revise="New medical evidence")  # fmt: skip
    with pytest.raises(BadInput, match=r"the decision was not to hold one \(03/12/2026, 1.5.2\)"):
        overview.confirm(all_in, "police", D(2026, 12, 4), TODAY)
    with pytest.raises(BadInput, match="the decision was not to hold one"):
        overview.summary_final(all_in, D(2026, 12, 4), TODAY)


def test_the_groups_review_option_is_the_one_changed(
    scrkit, review_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`scrkit overview -r OTHER draft 1` changed the review in the current folder, not OTHER (found by a red
    team); the same for `imr -r` and `actions -r`."""
    import shutil

    other = tmp_path / "other"
    shutil.copytree(review_dir, other)
    monkeypatch.chdir(review_dir)
    assert scrkit("overview", "-r", other, "draft", "1", "--date", "28/11/2026").code == ExitCode.OK
    assert [d.version for d in load(other).overview.drafts] == ["1"]
    assert load(review_dir).overview.drafts == []
    assert scrkit("imr", "-r", other, "update", "police", "--presented", "01/12/2026").code == ExitCode.OK
    assert {i.agency: i.presented for i in load(other).imrs.imrs}["police"] == D(2026, 12, 1)
    assert {i.agency: i.presented for i in load(review_dir).imrs.imrs}["police"] is None
    missing = scrkit("overview", "-r", tmp_path / "no-such-review", "discussed", "1", "--date", "29/11/2026")
    assert missing.code != ExitCode.OK and "no folder" in missing.err
