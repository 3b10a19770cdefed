"""The overview report and the executive summary as documents (issue 16, items 1 and 4): refused
naming what is missing, DRAFT until the LSCB adopts the review (13.3.5), the report as its latest
draft on the document's date (13.1.5). Their pages are checked in tests/letters/test_office_suite.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.jobs.letters import render_letters
from scrkit.jobs.records import set_field
from scrkit.letters.engine import LetterError
from tests.conftest import fairly_represented, summary_written
from tests.letters.conftest import all_text, document_text

D = dt.date
CREATED = dt.datetime(2026, 12, 24, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _clock(later_clock: None) -> None:
    """Dates in 2026 and 2027 have happened."""


def test_the_report_needs_a_draft_dated_by_the_documents_date(review_dir: Path) -> None:
    with pytest.raises(LetterError, match=r"overview\.drafts \(scrkit overview draft VERSION --date DATE\)"):
        render_letters(review_dir, ["overview-report"], None, D(2026, 10, 20), created=CREATED)
    summary_written(review_dir, D(2026, 10, 14))
    with pytest.raises(LetterError, match=r"overview\.drafts"):  # draft 1 is of the 14th, not yet on the 13th
        render_letters(review_dir, ["overview-report"], None, D(2026, 10, 13), created=CREATED)
    [path] = render_letters(review_dir, ["overview-report"], None, D(2026, 10, 20), created=CREATED).written
    parts = document_text(path)
    assert any("Overview report version 1, 14 October 2026 (DRAFT)" in line for line in parts["footers"])
    assert any("DRAFT" in line for line in parts["headers"])
    assert "Mia-Rose Fenwick" in all_text(path)  # for the board: the report names the child (1.9.1 on export)


def test_the_report_is_draft_until_adopted_on_or_before_its_date(review_dir: Path) -> None:
    summary_written(review_dir, D(2026, 10, 14))
    fairly_represented(review_dir, D(2026, 12, 1))
    from scrkit.jobs.timeline import record_done

    record_done(review_dir, "completion", D(2026, 12, 1), None, today=D(2026, 12, 4))
    [before] = render_letters(review_dir, ["overview-report"], None, D(2026, 11, 30), created=CREATED).written
    assert "(DRAFT)" in " ".join(document_text(before)["footers"])
    [after] = render_letters(review_dir, ["overview-report"], None, D(2026, 12, 2), created=CREATED).written
    text = all_text(after)
    assert "(DRAFT)" not in text and "Adopted by Ashcombe Local Safeguarding Children Board on 1 December" in text


def test_the_summary_is_refused_while_an_element_is_empty(review_dir: Path) -> None:
    summary_written(review_dir, D(2026, 10, 14))
    set_field(review_dir, "overview.executive_summary.key_issues", "")
    with pytest.raises(LetterError) as caught:
        render_letters(review_dir, ["executive-summary"], None, D(2026, 10, 20), created=CREATED)
    assert "overview.executive_summary.key_issues" in caught.value.message
    assert not list((review_dir / "letters").glob("*executive-summary*"))  # nothing written


def test_the_summary_is_always_anonymised(review_dir: Path) -> None:
    summary_written(review_dir, D(2026, 10, 14))
    [path] = render_letters(review_dir, ["executive-summary"], None, D(2026, 10, 20), created=CREATED).written
    assert path.name == "2026-10-20 executive-summary anonymised.docx"
    text = all_text(path)
    assert "Mia-Rose" not in text and "Fenwick" not in text
    assert "Graham Tolland" in text and "Ruth Castellan" in text  # the panel chair and the author (13.2.1)


def test_the_summary_is_endorsed_only_once_final_and_adopted(review_dir: Path) -> None:
    """13.3.4: final, then endorsed with the review's adoption; before both it is a DRAFT."""
    from scrkit.jobs import overview
    from scrkit.jobs.timeline import record_done

    summary_written(review_dir, D(2026, 10, 14))
    fairly_represented(review_dir, D(2026, 12, 1))
    record_done(review_dir, "completion", D(2026, 12, 1), None, today=D(2026, 12, 4))
    [adopted_only] = render_letters(review_dir, ["executive-summary"], None, D(2026, 12, 2), created=CREATED).written
    assert "(DRAFT)" in " ".join(document_text(adopted_only)["footers"])  # adopted, but never marked final
    set_field(review_dir, "overview.executive_summary.circulated_to_panel", "20/11/2026")
    overview.summary_final(review_dir, D(2026, 11, 25), dt.date(2030, 1, 1))
    [endorsed] = render_letters(review_dir, ["executive-summary"], None, D(2026, 12, 3), created=CREATED).written
    text = all_text(endorsed)
    assert "(DRAFT)" not in text and "Endorsed by the LSCB on 1 December 2026" in text


def test_neither_document_prints_the_guidances_example_plan(review_dir: Path) -> None:
    """With no recommendation recorded, the action plan document shows App 13's example; the overview
    report and the summary, which are the review's own, are refused instead."""
    summary_written(review_dir, D(2026, 10, 14))
    (review_dir / "actions.yaml").write_text("recommendations: []\n", encoding="utf-8")
    for name in ("overview-report", "executive-summary"):
        with pytest.raises(LetterError, match=r"actions\.recommendations"):
            render_letters(review_dir, [name], None, D(2026, 10, 20), created=CREATED)


def test_a_name_no_record_holds_stops_the_summary(review_dir: Path) -> None:
    """Typed into the summary, 'Dr K O'Brien' would be published as written: refused, as an export is,
    until the board registers the name or says it is not a person (1.9.1)."""
    from scrkit.anonymise.export import CandidatesFound

    summary_written(review_dir, D(2026, 10, 14))
    set_field(review_dir, "overview.executive_summary.key_issues", "Dr K O'Brien saw the bruise and told nobody.")
    with pytest.raises(CandidatesFound, match="Dr K O'Brien"):
        render_letters(review_dir, ["executive-summary"], None, D(2026, 10, 20), created=CREATED)
    assert not list((review_dir / "letters").glob("*executive-summary*"))


def test_the_report_shows_only_what_had_happened_by_its_date(scrkit, review_dir: Path) -> None:
    """Found by a newcomer: a report dated 21/11/2026 listed IMRs submitted on 01/12 and a later draft."""
    from scrkit.jobs import overview

    summary_written(review_dir, D(2026, 10, 14))  # draft 1 of 14/10/2026
    assert scrkit("imr", "update", "police", "--submitted", "01/12/2026", "-r", review_dir).code == 0
    overview.add_draft(review_dir, "2", D(2026, 12, 2), dt.date(2030, 1, 1))
    [path] = render_letters(review_dir, ["overview-report"], None, D(2026, 11, 21), created=CREATED).written
    cells = document_text(path)["tables"]
    assert "01/12/2026" not in cells and "not yet submitted" in cells
    assert "02/12/2026" not in cells  # draft 2 was written after the report's date
    assert "Overview report version 1, 14 October 2026" in " ".join(document_text(path)["footers"])


def test_draft_versions_go_up(review_dir: Path) -> None:
    from scrkit.errors import BadInput
    from scrkit.jobs import overview

    today = dt.date(2030, 1, 1)
    overview.add_draft(review_dir, "1.5", D(2026, 12, 1), today)
    for lower in ("1", "0", "1.5"):
        with pytest.raises(BadInput, match="version is higher than the last|already recorded"):
            overview.add_draft(review_dir, lower, D(2026, 12, 1), today)
    overview.add_draft(review_dir, "10", D(2026, 12, 1), today)  # 10 follows 1.5 as a number
