"""The decision letter to agencies (1.6.3, issue 16 item 7): the decision in force on the letter's date,
its reasons, and the records kept secured; refused before the decision is made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import ScrkitError
from scrkit.jobs.letters import render_letters
from scrkit.jobs.timeline import record_decision
from scrkit.models.review import Alternative, DecisionOutcome
from tests.letters.conftest import all_text

CREATED = dt.datetime(2026, 10, 8, 9, 0, tzinfo=dt.UTC)


def test_every_agency_is_told_the_decision_and_to_keep_its_records(review_dir: Path) -> None:
    # The example's chair decided on 07/10/2026 to hold an SCR.
    result = render_letters(review_dir, ["decision-letter"], None, dt.date(2026, 10, 8), created=CREATED)
    assert len(result.written) == 9  # every agency the request went to (5.1.1)
    text = " ".join(all_text(review_dir / "letters" / "2026-10-08 decision-letter police.docx").split())
    assert "decided on 7 October 2026 to hold a Serious Case Review" in text
    assert "The reasons: The child sustained a potentially life-threatening head injury and abuse is suspected. " \
           "Five agencies" in text  # fmt: skip  # the record's wrapped lines printed as one paragraph
    assert "stays secured" in text and "Professor Margaret Ellery" in text


def test_refused_before_the_decision(review_dir: Path) -> None:
    with pytest.raises(ScrkitError, match="decision done first"):
        render_letters(review_dir, ["decision-letter"], None, dt.date(2026, 10, 6), created=CREATED)


def test_a_revised_decision_is_told_as_it_stood_on_each_letters_date(review_dir: Path, later_clock: None) -> None:
    """1.5.6: revised on 20/10/2026 to not an SCR; a letter of 08/10 tells the first decision and its
    reasons, one of 21/10 the revision, its reasons and the alternative chosen."""
    record_decision(review_dir, DecisionOutcome.NOT_SCR, dt.date(2026, 10, 20), Alternative.LEARNING_DAY,
                    "The injury was found to be accidental.", revise="New medical evidence",
                    today=dt.date(2026, 10, 21))  # fmt: skip
    render_letters(review_dir, ["decision-letter"], ["police"], dt.date(2026, 10, 8), created=CREATED)
    earlier = " ".join(all_text(review_dir / "letters" / "2026-10-08 decision-letter police.docx").split())
    assert "decided on 7 October 2026 to hold a Serious Case Review" in earlier
    assert "The reasons: The child sustained" in earlier
    render_letters(review_dir, ["decision-letter"], ["police"], dt.date(2026, 10, 21), created=CREATED)
    text = " ".join(all_text(review_dir / "letters" / "2026-10-21 decision-letter police.docx").split())
    assert "decided on 20 October 2026 not to hold a Serious Case Review" in text
    assert "The reasons: The injury was found to be accidental." in text
    assert "independently facilitated learning day" in text
