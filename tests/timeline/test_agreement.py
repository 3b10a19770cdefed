"""An extension typed into timeline.yaml by hand is checked by validate as `scrkit extend` checks it
(issue 13, items 4 and 8; 7.2).

Worked by hand (England): referral Mon 04/01/2027, the decision to hold an SCR Mon 25/01/2027, so the
six months (7.1.3) end Sun 25/07/2027.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import InvalidReview
from scrkit.jobs.review import validate_review
from scrkit.jobs.timeline import record_decision, record_extension
from scrkit.models.review import DecisionOutcome
from tests.conftest import replace_in
from tests.timeline.reviews import opened_review

D = dt.date


@pytest.fixture
def review(tmp_path: Path) -> Path:
    return opened_review(tmp_path / "review", D(2026, 12, 31), D(2027, 1, 4))


def typed(folder: Path, new_completion: str, agreed_on: str = "") -> None:
    block = f"  new_completion: {new_completion}\n  reason: Trial listed\n  agreed_on: {agreed_on}\n"
    replace_in(folder / "timeline.yaml", "\nextension:\n", "\nextension:\n" + block)


def problems(folder: Path) -> list[tuple[str, str]]:
    with pytest.raises(InvalidReview) as caught:
        validate_review(folder)
    return [(problem.field, problem.message) for problem in caught.value.problems]


def test_an_extension_without_a_decision_to_hold_an_scr(review: Path) -> None:
    typed(review, "2027-09-30")
    [(field, message)] = problems(review)
    assert field == "extension.new_completion" and "no decision to hold an SCR" in message


def test_an_extension_no_later_than_the_six_months(review: Path) -> None:
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 25), None, "Threshold met", today=D(2027, 2, 1))
    typed(review, "2027-07-25")
    [(field, message)] = problems(review)
    assert field == "extension.new_completion" and "(25/07/2027, 7.1.3)" in message


def test_an_extension_agreed_before_the_decision(review: Path) -> None:
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 25), None, "Threshold met", today=D(2027, 2, 1))
    typed(review, "2027-07-26", agreed_on="2027-01-22")
    [(field, message)] = problems(review)
    assert field == "extension.agreed_on" and "before the decision (25/01/2027)" in message


def test_an_extension_recorded_by_the_command_passes(review: Path) -> None:
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 25), None, "Threshold met", today=D(2027, 2, 1))
    record_extension(review, D(2027, 9, 30), "Trial listed", D(2027, 6, 1), D(2027, 5, 28), today=D(2027, 6, 2))
    assert validate_review(review).schedule.completion().due == D(2027, 9, 30)  # type: ignore[union-attr]


def test_an_extension_typed_rightly_passes(review: Path) -> None:
    record_decision(review, DecisionOutcome.SCR, D(2027, 1, 25), None, "Threshold met", today=D(2027, 2, 1))
    typed(review, "2027-07-26", agreed_on="2027-01-25")  # a day beyond the six months, agreed on the day
    assert validate_review(review).schedule.completion().due == D(2027, 7, 26)  # type: ignore[union-attr]
