"""Dates typed in a record the UK way are read, and saved back as YYYY-MM-DD (issue 15, item 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.dates import read_date
from scrkit.errors import ExitCode
from scrkit.review.casefolder import CaseFolder
from tests.conftest import replace_in


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2027-01-22", dt.date(2027, 1, 22)),
        ("22/01/2027", dt.date(2027, 1, 22)),
        ("22.1.2027", dt.date(2027, 1, 22)),
        ("22-01-2027", dt.date(2027, 1, 22)),
        ("22 January 2027", dt.date(2027, 1, 22)),
        ("22nd Jan 2027", dt.date(2027, 1, 22)),
        ("Friday 22 January 2027", dt.date(2027, 1, 22)),
        ("1 Sept 2026", dt.date(2026, 9, 1)),
    ],
)
def test_uk_forms_of_a_date(written: str, day: dt.date) -> None:
    assert read_date(written) == day


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("01/22/2027", "not a real date"),  # month first: there is no 22nd month
        ("January 22, 2027", "not a date scrkit can read"),  # the American order is never guessed
        ("31 February 2027", "not a real date"),
        ("22/01/27", "not a date scrkit can read"),  # a two-figure year could be 1927 or 2027
        ("22 Janvier 2027", "not a date scrkit can read"),
    ],
)
def test_what_is_not_read_as_a_date(written: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        read_date(written)


def test_a_record_keeps_uk_dates_until_scrkit_saves_it_as_iso(scrkit, review_dir: Path) -> None:
    review = review_dir / "review.yaml"
    replace_in(review, "imr_deadline: 2027-01-22   # IMRs to be submitted by (App 5)",
               "imr_deadline: 22/01/2027   # IMRs to be submitted by (App 5)")  # fmt: skip
    replace_in(review, "imr_authors_named_by: 2026-10-23", "imr_authors_named_by: 23 October 2026")
    people = review_dir / "people.yaml"
    replace_in(people, "date_of_birth: 1999-07-22", "date_of_birth: 22/07/1999")
    result = scrkit("validate", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    records = CaseFolder.open(review_dir).load()
    assert records.review.imr_deadline == dt.date(2027, 1, 22)
    assert records.review.imr_authors_named_by == dt.date(2026, 10, 23)
    # A command that saves review.yaml writes its dates as YYYY-MM-DD, comments kept; people.yaml,
    # not saved by it, is left as it was typed.
    result = scrkit("set-date", "presentation-meeting", "18/02/2027", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    text = review.read_text(encoding="utf-8")
    assert "imr_deadline: 2027-01-22   # IMRs to be submitted by (App 5)" in text
    assert "imr_authors_named_by: 2026-10-23" in text
    assert "presentation_meeting: 2027-02-18" in text
    assert "date_of_birth: 22/07/1999" in people.read_text(encoding="utf-8")


def test_a_date_in_free_text_is_not_rewritten(scrkit, review_dir: Path) -> None:
    review = review_dir / "review.yaml"
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("media_interest: Reported once", "media_interest: 12 March 2026. Reported once"),
                      encoding="utf-8")  # fmt: skip
    assert scrkit("set-date", "presentation-meeting", "18/02/2027", "-r", review_dir).code == ExitCode.OK
    assert "media_interest: 12 March 2026. Reported once" in review.read_text(encoding="utf-8")
