"""After the adoption (issue 16, item 6): the publication date beside the hearings still to come
(13.3.6), Ofsted's evaluation studied only after it arrived (18.1), the family's feedback (13.2.1).
The example's trial is listed for 10/05/2027 with no outcome."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import ExitCode

D = dt.date


@pytest.fixture(autouse=True)
def _clock(later_clock: None) -> None:
    """Dates in 2026 and 2027 have happened."""


def test_the_publication_date_is_shown_beside_the_trial_still_to_come(scrkit, review_dir: Path) -> None:
    shown = scrkit("overview", "-r", review_dir)
    assert "No publication date is planned yet; court dates still to come: Trial, Ashcombe Crown Court " \
           "(criminal) on 10/05/2027 (13.3.6)." in shown.err  # fmt: skip
    assert scrkit("set", "review.publication.planned_on", "01/04/2027", "-r", review_dir).code == ExitCode.OK
    shown = scrkit("overview", "-r", review_dir)
    assert "Publication planned for 01/04/2027 (13.3.6). Court dates still to come on or after it: Trial, " \
           "Ashcombe Crown Court (criminal) on 10/05/2027" in shown.err  # fmt: skip
    assert scrkit("set", "review.publication.planned_on", "01/06/2027", "-r", review_dir).code == ExitCode.OK
    assert "still to come on or after it" not in scrkit("overview", "-r", review_dir).err


def test_the_evaluation_is_studied_after_it_arrives(scrkit, review_dir: Path) -> None:
    result = scrkit("set", "overview.after.evaluation_studied_on", "20/06/2027", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT
    assert "is set, and Ofsted's evaluation letter is not recorded" in result.err
    assert scrkit("set-date", "ofsted-evaluation", "15/06/2027", "-r", review_dir).code == ExitCode.OK
    result = scrkit("set", "overview.after.evaluation_studied_on", "14/06/2027", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "before Ofsted's evaluation letter arrived (15/06/2027)" in result.err
    shown = scrkit("overview", "-r", review_dir)
    assert "The evaluation has not been studied yet (18.1.2)" in shown.err
    assert scrkit("set", "overview.after.evaluation_studied_on", "20/06/2027", "-r", review_dir).code == ExitCode.OK
    assert "not been studied" not in scrkit("overview", "-r", review_dir).err


def test_once_published_the_summary_is_said_to_be_published_not_planned(scrkit, review_dir: Path) -> None:
    assert scrkit("set", "review.publication.planned_on", "10/11/2026", "-r", review_dir).code == ExitCode.OK
    assert scrkit("set", "review.executive_summary_published", "12/11/2026", "-r", review_dir).code == ExitCode.OK
    shown = scrkit("overview", "-r", review_dir).err
    assert "The executive summary was published on 12/11/2026 (13.3.6)." in shown
    assert "Publication planned" not in shown
