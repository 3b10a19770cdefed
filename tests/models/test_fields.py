"""Field types: strict where looseness would corrupt a case (issue: no silent coercion)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from scrkit.models.agencies import Agency
from scrkit.models.child import Child
from scrkit.models.referral import KeyDate


def child(**fields: object) -> Child:
    return Child.model_validate({"name": "Test Child", "date_of_birth": "2024-03-11", **fields})


def test_iso_text_becomes_a_date() -> None:
    assert child().date_of_birth == dt.date(2024, 3, 11)


def test_uk_dates_are_read_day_first() -> None:
    # The forms the command line takes (issue 15): 11/03/2024 is 11 March, never 3 November.
    assert child(date_of_birth="11/03/2024").date_of_birth == dt.date(2024, 3, 11)
    assert child(date_of_birth="11 March 2024").date_of_birth == dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    "value, expected_words",
    [
        ("1700000000", "not a date scrkit can read"),  # pydantic's lax mode would read this as Unix seconds
        (1700000000, "expected a date"),  # an integer is not a date
        ("11/13/2024", "not a real date"),  # never month first: there is no 13th month
        ("March 11, 2024", "not a date scrkit can read"),
        ("2024-02-30", "not a real date"),
        (dt.datetime(2024, 3, 11, 9, 0), "without a time"),
    ],
)
def test_dates_are_real_dates(value: object, expected_words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        child(date_of_birth=value)
    assert expected_words in str(caught.value)


def test_text_that_looks_like_a_number_or_boolean_stays_text() -> None:
    assert child(name="NO").name == "NO"
    assert child(ethnic_origin="012345").ethnic_origin == "012345"


def test_numbers_are_not_accepted_as_text() -> None:
    with pytest.raises(ValidationError, match="expected text"):
        child(name=12345)


@pytest.mark.parametrize("answer, expected", [("yes", True), ("No", False), ("TRUE", True), ("n", False)])
def test_yes_no_answers(answer: str, expected: bool) -> None:
    assert child(child_protection_plan=answer).child_protection_plan is expected


@pytest.mark.parametrize("answer", ["off", "on", "1", "0", "maybe"])
def test_yes_no_refuses_what_a_person_would_not_mean(answer: str) -> None:
    with pytest.raises(ValidationError, match="write yes or no"):
        child(child_protection_plan=answer)


def test_control_characters_are_refused() -> None:
    with pytest.raises(ValidationError, match="control character"):
        child(name="Tom\u0085Jones")


def test_unknown_fields_are_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        child(favourite_colour="blue")
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


@pytest.mark.parametrize("bad_id", ["Police", "gp 1", "-gp", "gp_1"])
def test_ids_are_lower_case_words_with_hyphens(bad_id: str) -> None:
    with pytest.raises(ValidationError, match="not a usable id"):
        Agency.model_validate({"id": bad_id, "name": "An agency", "kind": "police"})


def test_times_are_24_hour_clock() -> None:
    assert KeyDate.model_validate({"date": "2026-01-02", "time": "9:05", "event": "x"}).time == "09:05"
    with pytest.raises(ValidationError, match="HH:MM"):
        KeyDate.model_validate({"date": "2026-01-02", "time": "25:00", "event": "x"})


def test_unknown_agency_kind_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValidationError) as caught:
        Agency.model_validate({"id": "x", "name": "X", "kind": "hospital"})
    assert "health" in str(caught.value)
