"""overview.yaml edited by hand (found by a red team): what `scrkit overview` refuses is found again by
validate, named by file, line and field, and the adoption is refused while it stands (issue 16, fail
closed). The example's decision was made on 07/10/2026."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import ExitCode
from scrkit.jobs import overview
from tests.conftest import fairly_represented, replace_in
from tests.overview.test_steps import ADOPT, EVERY_AUTHOR, TODAY, commission_womens_aid

D = dt.date


@pytest.fixture(autouse=True)
def _clock(later_clock: None) -> None:
    """Dates in 2026 and 2027 have happened."""


@pytest.fixture
def sent(scrkit, review_dir: Path) -> Path:
    """The final draft 1 of 01/12/2026 sent to every IMR author on 02/12/2026."""
    commission_womens_aid(review_dir)
    for agency in EVERY_AUTHOR[:4] + EVERY_AUTHOR[5:6]:
        assert scrkit("imr", "update", agency, "--submitted", "25/11/2026", "-r", review_dir).code == 0
    overview.add_draft(review_dir, "1", D(2026, 12, 1), TODAY)
    overview.circulate(review_dir, "1", D(2026, 12, 2), TODAY)
    return review_dir


def problems(scrkit, folder: Path) -> str:
    result = scrkit("validate", "-r", folder)
    assert result.code == ExitCode.PROBLEMS_FOUND, result.err
    assert "Traceback" not in result.err
    return result.err


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("sent: 2026-12-02", "sent: 2026-11-20", "circulation.sent: is before draft 1's date (01/12/2026)"),
        ("  version: 1\n  sent:", "  version: 9\n  sent:", "circulation.version: '9' is not a draft recorded"),
        ("- version: 1\n    date: 2026-12-01", "- version: 1\n    date: 2026-10-01",
         "drafts[1].date: is before the decision to hold the review (07/10/2026)"),
        ("agency: police\n      author: DI Sandra Okafor", "agency: probation\n      author: DI Sandra Okafor",
         "'probation' has no IMR in imrs.yaml"),
    ],
)  # fmt: skip
def test_a_hand_edit_out_of_order_is_named(scrkit, sent: Path, old: str, new: str, expected: str) -> None:
    text = (sent / "overview.yaml").read_text(encoding="utf-8")
    assert old in text, text[-1500:]
    replace_in(sent / "overview.yaml", old, new)
    err = problems(scrkit, sent)
    assert "overview.yaml" in err and expected in err


def test_a_confirmation_written_before_the_draft_was_sent_stops_the_adoption(scrkit, sent: Path) -> None:
    replace_in(
        sent / "overview.yaml", "author: DI Sandra Okafor\n", "author: DI Sandra Okafor\n      confirmed: 2026-11-20\n"
    )
    assert "confirmed: is before the final draft was sent (02/12/2026)" in problems(scrkit, sent)
    result = scrkit("overview", "adopt", "--presented-by", "Graham Tolland", "--presented-by", "Ruth Castellan",
                    "--commitment", "x", "--other-processes", "y", "--date", "20/12/2026", "-r", sent)  # fmt: skip
    assert result.code != ExitCode.OK
    assert "confirmed: is before the final draft was sent" in result.err


def test_a_response_with_no_objection_and_one_before_it(scrkit, sent: Path) -> None:
    replace_in(sent / "overview.yaml", "author: DI Sandra Okafor\n",
               "author: DI Sandra Okafor\n      panel_response: Noted\n      responded_on: 2026-12-05\n")  # fmt: skip
    assert "responds to an objection that is not recorded" in problems(scrkit, sent)


def test_a_summary_emptied_after_it_was_final_is_named(scrkit, review_dir: Path) -> None:
    from tests.conftest import SUMMARY, summary_written

    summary_written(review_dir, D(2026, 10, 14))
    assert scrkit("set", "overview.executive_summary.circulated_to_panel", "20/11/2026", "-r", review_dir).code == 0
    overview.summary_final(review_dir, D(2026, 11, 25), TODAY)
    result = scrkit("set", "overview.executive_summary.key_issues", "", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "Nothing was written" in result.err
    assert "key_issues: is empty (a succinct account of the key issues arising from the case), and the summary is " \
           "marked final" in result.err  # fmt: skip
    assert SUMMARY["key_issues"][:20] in (review_dir / "overview.yaml").read_text(encoding="utf-8").replace("\n ", "")
    result = scrkit("set", "overview.executive_summary.circulated_to_panel", "01/01/2020", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "is before the decision (07/10/2026)" in result.err


def test_the_adoption_cannot_be_moved_after_the_hand_over(scrkit, review_dir: Path) -> None:
    fairly_represented(review_dir, D(2026, 12, 1))
    overview.adopt(review_dir, D(2026, 12, 1), **ADOPT, other_processes="Considered", today=TODAY)
    overview.hand_over(review_dir, D(2026, 12, 2), TODAY)
    result = scrkit("correct", "completion", "--date", "05/12/2026", "--reason", "typed wrong", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "adoption.performance_monitoring: is before the adoption (05/12/2026)" in result.err


def test_an_outcome_for_a_hearing_still_to_come_is_refused(
    scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trial is on 10/05/2027; with today 06/12/2026 its outcome cannot be known (14.1.3)."""
    from scrkit import dates

    monkeypatch.setattr(dates, "today", lambda: D(2026, 12, 6))
    result = scrkit("set", "review.parallel_processes[1].court_dates[2].outcome", "Convicted", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "is written for a hearing on 10/05/2027, not yet held" in result.err
