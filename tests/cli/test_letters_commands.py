"""`scrkit letters` and `scrkit templates check` from the command line."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from scrkit.errors import ExitCode
from scrkit.resources import templates_folder
from tests.letters.conftest import approve


def test_list_names_what_each_letter_lacks(scrkit, review_dir: Path) -> None:
    result = scrkit("letters", "-r", review_dir)
    assert result.code == ExitCode.OK
    assert "scr-request" in result.out and "action-plan" in result.out
    assert "review.practitioner_debriefing.date" in result.out  # not arranged yet in the example


def test_render_for_one_agency_and_record_the_milestone(scrkit, review_dir: Path) -> None:
    result = scrkit(
        "letters",
        "scr-request",
        "--to",
        "westmoor-probation",
        "--date",
        "24/09/2026",
        "--record-sent",
        "-r",
        review_dir,
    )
    assert result.code == ExitCode.OK, result.err
    assert result.out.strip().endswith("2026-09-24 scr-request westmoor-probation.docx")
    assert (review_dir / "letters" / "2026-09-24 scr-request westmoor-probation.docx").is_file()
    # request-letters was already done on 17/09: a late letter to one more agency never moves that date
    # (the milestone would turn late after the event); it says so instead of offering to.
    assert "Did not record request-letters: already done on 17/09/2026; that date is kept" in result.err
    text = (review_dir / "timeline.yaml").read_text(encoding="utf-8")
    entry = "  request-letters:\n    title: Referral form and request letter sent to agencies\n"
    assert entry + "    due: 2026-09-17\n    done: 2026-09-15" in text or "done: 2026-09-24" not in text


def test_render_refuses_to_overwrite(scrkit, review_dir: Path) -> None:
    args = ["letters", "family-leaflet", "--date", "20/11/2026", "--no-record-sent", "-r", review_dir]
    assert scrkit(*args).code == ExitCode.OK
    again = scrkit(*args)
    assert again.code == ExitCode.REFUSED
    assert "already rendered" in again.err and "--force" in again.err
    assert scrkit(*args, "--force").code == ExitCode.OK


def test_missing_fact_message_and_exit_code(scrkit, review_dir: Path) -> None:
    approve(review_dir)  # 16.2.1: the de-briefing follows the LSCB's approval
    result = scrkit("letters", "practitioner-debriefing", "--date", "20/12/2026", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "review.practitioner_debriefing.date" in result.err
    assert "Nothing was written" in result.err
    assert "Traceback" not in result.err
    assert not list((review_dir / "letters").glob("*.docx"))


def test_templates_check_clean_and_broken(scrkit, tmp_path: Path) -> None:
    for template in sorted(templates_folder().glob("*.docx")):
        result = scrkit("templates", "check", template)
        assert result.code == ExitCode.OK, f"{template.name}: {result.err}"
    broken = tmp_path / "scr-request.docx"
    document = Document(str(templates_folder() / "scr-request.docx"))
    document.add_paragraph("Yours, {{ panel.lscb_chair.nmae }} {% if child.name %}")
    document.save(str(broken))
    result = scrkit("templates", "check", broken)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "placeholder mistake" in result.err
    misspelt = tmp_path / "misspelt.docx"
    document = Document(str(templates_folder() / "scr-request.docx"))
    document.add_paragraph("Yours, {{ panel.lscb_chair.nmae }}")
    document.save(str(misspelt))
    result = scrkit("templates", "check", misspelt)
    assert result.code == ExitCode.PROBLEMS_FOUND
    assert "unknown fact 'panel.lscb_chair.nmae' (in: 'Yours, {{ panel.lscb_chair.nmae }}')" in result.err


def test_templates_check_refuses_a_non_document(scrkit, tmp_path: Path) -> None:
    fake = tmp_path / "letter.docx"
    fake.write_text("not a zip")
    result = scrkit("templates", "check", fake)
    assert result.code == ExitCode.BAD_INPUT
    assert "is not a Word document" in result.err
