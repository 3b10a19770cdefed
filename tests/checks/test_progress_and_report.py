"""IMR, action and interview states at chosen dates; the monthly report, read back and opened."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from scrkit.errors import ExitCode
from scrkit.jobs.timeline import load_timetable
from scrkit.review.casefolder import CaseFolder
from scrkit.timeline.status import assess
from tests.conftest import fairly_represented, replace_in

D = dt.date


def progress(review_dir: Path, today: dt.date):  # noqa: ANN201
    timetable = load_timetable(review_dir)
    return assess(timetable.records, timetable.schedule, today).panel


def test_imr_states(review_dir: Path) -> None:
    before = {item.imr.agency: item.state for item in progress(review_dir, D(2026, 11, 26)).imrs}
    assert before["police"] == "commissioned" and before["community-health"] == "submitted"
    # The IMRs were due on Friday 22 January 2027; on 1 February 2027 the five not submitted are 10 days late.
    later = progress(review_dir, D(2027, 2, 1))
    late = {item.imr.agency: item.days_late for item in later.late_imrs}
    assert late == {"police": 10, "childrens-social-care": 10, "ashcombe-hospitals": 10,
                    "larchfield-practice": 10, "brookside-primary": 10}  # fmt: skip
    # Circulation is due two weeks before the presentation meeting of 17/02/2027 (12.1.1): 03/02/2027.
    assert {item.circulation_due for item in later.imrs} == {D(2027, 2, 3)}
    missed = {item.imr.agency for item in progress(review_dir, D(2027, 2, 4)).imrs if item.missed_circulation}
    assert "police" in missed and "community-health" not in missed  # community health sent it on 20/11/2026
    assert progress(review_dir, D(2026, 11, 26)).not_commissioned == ("Ashcombe Women's Aid",)


@pytest.mark.usefixtures("later_clock")  # its steps are in 2027
def test_imr_update_then_states(scrkit, review_dir: Path) -> None:
    result = scrkit("imr", "update", "police", "--submitted", "20/01/2027", "--quality-assured-by", "Supt Rowe",
                    "--quality-assured-on", "21/01/2027", "-r", review_dir)  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    returned = scrkit("imr", "update", "ashcombe-hospitals", "--returned", "25/01/2027", "--reason",
                      "No analysis of the ED attendance", "-r", review_dir)  # fmt: skip
    assert returned.code == ExitCode.OK, returned.err
    states = {item.imr.agency: item.state for item in progress(review_dir, D(2027, 2, 1)).imrs}
    assert states["police"] == "submitted" and states["ashcombe-hospitals"] == "returned"
    text = (review_dir / "imrs.yaml").read_text(encoding="utf-8")
    assert "# The author managed the duty team" in text  # the comments survive
    assert "reason: No analysis of the ED attendance" in text
    assert scrkit("imr", "update", "ashcombe-hospitals", "--returned", "25/01/2027", "-r", review_dir).code == 2


def test_action_states(review_dir: Path) -> None:
    states = {item.action.id: (item.state, item.days_overdue) for item in progress(review_dir, D(2026, 11, 26)).actions}
    assert states == {"act-1": ("overdue", 6), "act-2": ("open", 0), "act-3": ("open", 0), "act-4": ("no-date", 0)}
    assert [a.action.id for a in progress(review_dir, D(2026, 11, 20)).overdue_actions] == []  # due that very day


def test_actions_command_and_sign_off(scrkit, review_dir: Path) -> None:
    assert scrkit("actions", "-r", review_dir, "--today", "2026-11-26").code == ExitCode.OVERDUE
    assert scrkit("actions", "-r", review_dir, "--today", "2026-11-19").code == ExitCode.OK
    # 17.1.2: signed off only once the LSCB has approved the SCR and every action is done.
    refused = scrkit("actions", "sign-off", "--by", "Professor Margaret Ellery", "--date", "2026-11-25",
                     "-r", review_dir)  # fmt: skip
    assert refused.code == ExitCode.BAD_INPUT
    assert "the completion is not recorded yet" in refused.err
    assert "4 of the action plan's 4 actions are not done yet (act-1, act-2, act-3, act-4)" in refused.err
    assert "1 of the action plan's actions has no owner or no date (act-4)" in refused.err  # 17.1.1
    assert "signed_off_on:\n" in (review_dir / "actions.yaml").read_text(encoding="utf-8")
    fairly_represented(review_dir, D(2026, 11, 24))  # 13.1.6, 14.1.3: what the adoption waits for
    assert scrkit("done", "completion", "--date", "2026-11-24", "-r", review_dir).code == ExitCode.OK
    for field, value in (("by_when", "30/11/2026"), ("by_whom", "Head of Safeguarding")):
        assert scrkit("set", f"actions.recommendations[rec-2].actions[act-4].{field}", value, "-r",
                      review_dir).code == ExitCode.OK  # fmt: skip
    for recommendation, action in (("rec-1", "act-1"), ("rec-1", "act-2"), ("rec-2", "act-3"), ("rec-2", "act-4")):
        path = f"actions.recommendations[{recommendation}].actions[{action}].done"
        assert scrkit("set", path, "24/11/2026", "-r", review_dir).code == ExitCode.OK
    assert scrkit("actions", "sign-off", "--by", "Professor Margaret Ellery", "--date", "2026-11-25",
                  "-r", review_dir).code == ExitCode.OK  # fmt: skip
    assert "signed_off_on: 2026-11-25" in (review_dir / "actions.yaml").read_text(encoding="utf-8")
    assert "status: closed" in (review_dir / "review.yaml").read_text(encoding="utf-8")


def test_interview_notice_warnings(review_dir: Path) -> None:
    warnings = progress(review_dir, D(2026, 11, 26)).interviews
    assert [(w.interview_id, w.message) for w in warnings] == [
        ("int-hv-1", "only 13 days' notice; 11.1.3 asks for at least two weeks")
    ]


def test_status_counts_late_imrs_and_overdue_actions(scrkit, review_dir: Path) -> None:
    result = scrkit("status", "-r", review_dir, "--today", "2026-11-26")
    assert "Actions overdue: 1 (act-1, 6 days)" in result.out
    assert "No IMR commissioned yet from: Ashcombe Women's Aid" in result.out


def test_monthly_report(scrkit, review_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "update.docx"
    result = scrkit("report", "-r", review_dir, "--today", "2026-11-26", "--out", out)
    assert result.code == ExitCode.OK, result.err
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "monthly update to the LSCB Chair, November 2026" in text
    assert "Planned completion: due 07/04/2027." in text
    assert "Family and victims notified (letter and leaflet) (31 working days overdue): no reason recorded" in text
    assert "act-1: Deliver bruising protocol training to all health visitors" in text
    assert "Ashcombe Women's Aid: no IMR commissioned yet" in text
    assert document.paragraphs[-1].text == "End of the monthly update."
    [row] = [r for r in document.tables[0].rows[1:]]
    assert [c.text for c in row.cells][:3] == ["SCR-2026-03", "action needed", "2"]
    # The chart and the genogram are embedded as pictures.
    assert len(document.inline_shapes) == 2
    assert "The family of review SCR-2026-03 (Appendix 15)." in text
    with zipfile.ZipFile(out) as archive:
        images = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert len(images) == 2 and all(archive.read(image)[:8] == b"\x89PNG\r\n\x1a\n" for image in images)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        pytest.fail("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    pdf = subprocess.run(["pdftotext", str(tmp_path / "update.pdf"), "-"], capture_output=True, check=True).stdout
    assert b"SCR-2026-03" in pdf and b"End of the monthly update." in pdf


def test_ofsted_grades_use_appendix_12s_elements_and_grades(review_dir: Path) -> None:
    from scrkit.errors import InvalidReview
    from tests.conftest import replace_in

    replace_in(
        review_dir / "review.yaml", "  grades: {}", "  grades: {timescales: good, independent-element: outstanding}"
    )
    assert CaseFolder.open(review_dir).load().review.ofsted_evaluation.grades
    replace_in(review_dir / "review.yaml", "timescales: good", "timeliness: excellent")
    with pytest.raises(InvalidReview) as caught:
        CaseFolder.open(review_dir).load()
    messages = " ".join(problem.message for problem in caught.value.problems)
    assert "timeliness" in messages and "excellent" in messages


@pytest.mark.usefixtures("later_clock")  # its steps are in 2027
def test_papers_due_for_a_destruction_decision(scrkit, review_dir: Path) -> None:
    from tests.conftest import replace_in

    # Completed 7 April 2027: with a 7-year policy, papers are due for a decision on 7 April 2034.
    entry = "  completion:\n    title: LSCB approves the final SCR\n    due: 2027-04-07\n    done:"
    replace_in(review_dir / "timeline.yaml", entry, entry + " 2027-04-07")
    later = scrkit("status", "-r", review_dir, "--today", "2034-05-01")
    assert "Papers due for a destruction decision since 07/04/2034 (15.1.5); scrkit deletes nothing." in later.out
    earlier = scrkit("status", "-r", review_dir, "--today", "2034-04-06")
    assert "destruction decision" not in earlier.out
    replace_in(review_dir / "review.yaml", "  legal_hold: no", "  legal_hold: yes")
    held = scrkit("status", "-r", review_dir, "--today", "2034-05-01")
    assert "legal hold" in held.out


def _not_yet_commissioned(review: Path) -> None:
    """The example before the IMRs were commissioned (14/10/2026): the police's IMR not yet, Women's Aid's
    never (involved, with no IMR record: a breach of 10.1.1 in the example)."""
    replace_in(
        review / "timeline.yaml", "    due: 2026-10-14\n    done: 2026-10-14\n", "    due: 2026-10-14\n    done:\n"
    )
    replace_in(
        review / "timeline.yaml", "    due: 2026-10-28\n    done: 2026-10-29\n", "    due: 2026-10-28\n    done:\n"
    )
    replace_in(review / "imrs.yaml", "    line_manager_of_practitioners: no\n    commissioned: 2026-10-14\n",
               "    line_manager_of_practitioners: no\n    commissioned:\n")  # fmt: skip


def test_commissioning_the_imrs_creates_them(scrkit, review_dir: Path) -> None:
    # 10.1.1, App 5: the commissioning letter, recorded as sent, commissions the IMR of each agency it
    # went to, due by the review's IMR deadline (22/01/2027).
    _not_yet_commissioned(review_dir)
    result = scrkit("letters", "commission-imr", "--to", "police", "--to", "womens-aid", "--date", "14/10/2026",
                    "--record-sent", "-r", review_dir)  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    imrs = {imr.agency: imr for imr in CaseFolder.open(review_dir).load().imrs.imrs}
    assert imrs["police"].commissioned == dt.date(2026, 10, 14) and imrs["police"].due == dt.date(2027, 1, 22)
    assert imrs["womens-aid"].commissioned == dt.date(2026, 10, 14) and imrs["womens-aid"].due == dt.date(2027, 1, 22)
    assert "imrs-commissioned" not in scrkit("check", "-r", review_dir).out  # the 10.1.1 breach is gone


def test_recording_commissioning_done_commissions_every_involved_agency(scrkit, review_dir: Path) -> None:
    _not_yet_commissioned(review_dir)
    assert scrkit("done", "commission-imrs", "--date", "15/10/2026", "-r", review_dir).code == ExitCode.OK
    imrs = {imr.agency: imr for imr in CaseFolder.open(review_dir).load().imrs.imrs}
    assert imrs["police"].commissioned == dt.date(2026, 10, 15)
    assert imrs["womens-aid"].commissioned == dt.date(2026, 10, 15)
    assert imrs["childrens-social-care"].commissioned == dt.date(2026, 10, 14)  # already commissioned: kept
    assert "ashcombe-homes" not in imrs  # a NIL return: no IMR


@pytest.mark.usefixtures("later_clock")  # its steps are in 2027
def test_a_resubmission_is_kept_beside_the_first_submission(scrkit, review_dir: Path) -> None:
    from scrkit.review.casefolder import CaseFolder

    def imr():  # noqa: ANN202
        return next(i for i in CaseFolder.open(review_dir).load().imrs.imrs if i.agency == "ashcombe-hospitals")

    assert scrkit("imr", "update", "ashcombe-hospitals", "--submitted", "12/02/2027", "-r", review_dir).code == 0
    again = scrkit("imr", "update", "ashcombe-hospitals", "--submitted", "14/02/2027", "-r", review_dir)
    assert again.code == ExitCode.BAD_INPUT and "nothing to resubmit" in again.err  # not returned: refused
    assert scrkit("imr", "update", "ashcombe-hospitals", "--returned", "15/02/2027", "--reason",
                  "No analysis of the ED attendance", "-r", review_dir).code == 0  # fmt: skip
    assert scrkit("imr", "update", "ashcombe-hospitals", "--submitted", "26/02/2027", "-r", review_dir).code == 0
    # 4.1.1: the first submission keeps its date (so an IMR that arrived late stays late); the
    # resubmission is recorded beside the return.
    assert str(imr().submitted) == "2027-02-12"
    assert [(str(r.on), str(r.resubmitted)) for r in imr().returned] == [("2027-02-15", "2027-02-26")]
