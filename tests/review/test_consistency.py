"""Checks across records: facts each valid alone that cannot all be true."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.errors import InvalidReview, Problem
from scrkit.review.casefolder import CaseFolder
from tests.conftest import line_number_of, replace_in


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(InvalidReview) as caught:
        CaseFolder.open(folder).load()
    return caught.value.problems


def only(problems: list[Problem]) -> tuple[str, int | None, str, str]:
    assert len(problems) == 1, problems
    problem = problems[0]
    return problem.file.name, problem.line, problem.field, problem.message


def test_death_before_birth(review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "date_of_death:  ", "date_of_death: 2023-01-01")
    replace_in(review_dir / "review.yaml", "incident_date: 2026-09-14", "incident_date: 2022-12-01")
    problems = problems_of(review_dir)
    fields = {(p.file.name, p.field) for p in problems}
    assert ("child.yaml", "date_of_death") in fields
    death = next(p for p in problems if p.field == "date_of_death")
    assert death.line == line_number_of(review_dir / "child.yaml", "date_of_death:")
    assert "before the date of birth (11/03/2024)" in death.message


def test_incident_after_death(review_dir: Path) -> None:
    replace_in(review_dir / "child.yaml", "date_of_death:  ", "date_of_death: 2026-09-01")
    name, line, field, message = only(problems_of(review_dir))
    assert (name, line, field) == (
        "review.yaml",
        line_number_of(review_dir / "review.yaml", "incident_date:"),
        "incident_date",
    )
    assert "after the child's date of death (01/09/2026)" in message


def test_decision_before_referral(review_dir: Path) -> None:
    replace_in(review_dir / "review.yaml", "  date: 2026-10-07", "  date: 2026-09-01")
    name, line, field, message = only(problems_of(review_dir))
    assert (name, line, field) == (
        "review.yaml",
        line_number_of(review_dir / "review.yaml", "  date: 2026-09-01"),
        "decision.date",
    )
    assert "7.1.2" in message


def test_terms_of_reference_period_ending_before_it_starts(review_dir: Path) -> None:
    replace_in(review_dir / "review.yaml", "period_end: 2026-09-14", "period_end: 2023-08-01")
    name, _line, field, message = only(problems_of(review_dir))
    assert (name, field) == ("review.yaml", "terms_of_reference.period_end")
    assert "before the period's start (01/09/2023)" in message


def test_undefined_agency_reference(review_dir: Path) -> None:
    replace_in(review_dir / "people.yaml", "    agency: larchfield-practice", "    agency: larchfeld-practice")
    name, line, field, message = only(problems_of(review_dir))
    expected_line = line_number_of(review_dir / "people.yaml", "agency: larchfeld-practice")
    assert (name, line, field) == ("people.yaml", expected_line, "professionals[gp-1].agency")
    assert "'larchfeld-practice'" in message and "larchfield-practice" in message


def test_undefined_agency_in_referral_and_panel(review_dir: Path) -> None:
    replace_in(review_dir / "referral.yaml", "  agency: police ", "  agency: polcie ")
    replace_in(review_dir / "panel.yaml", "agency: community-health}", "agency: health-visiting}")
    fields = {(p.file.name, p.field) for p in problems_of(review_dir)}
    assert fields == {("referral.yaml", "referrer.agency"), ("panel.yaml", "members[designated-nurse].agency")}


def test_duplicate_agency_ids(review_dir: Path) -> None:
    replace_in(review_dir / "agencies.yaml", "  - id: ashcombe-homes", "  - id: police")
    name, _line, field, message = only(problems_of(review_dir))
    assert (name, field) == ("agencies.yaml", "agencies[police].id")
    assert "used by another agency" in message


def test_a_person_id_used_twice_across_family_and_professionals(review_dir: Path) -> None:
    replace_in(review_dir / "people.yaml", "  - id: hv-1", "  - id: mother")
    problems = problems_of(review_dir)
    fields = {p.field for p in problems}
    assert {"family[mother].id", "professionals[mother].id"} <= fields
    assert fields - {"family[mother].id", "professionals[mother].id"} == {"interviews[int-hv-1].practitioner"}


def test_alternative_only_when_not_holding_an_scr(review_dir: Path) -> None:
    replace_in(review_dir / "review.yaml", "  alternative: ", "  alternative: learning-day")
    name, _line, field, _message = only(problems_of(review_dir))
    assert (name, field) == ("review.yaml", "decision.alternative")


def test_pseudonyms_must_differ(review_dir: Path) -> None:
    replace_in(review_dir / "people.yaml", "    pseudonym: Father\n", "    pseudonym: Mother\n")
    name, _line, field, message = only(problems_of(review_dir))
    assert (name, field) == ("people.yaml", "family[father].pseudonym")
    assert "'Mother' is also the pseudonym of 'mother'" in message


def test_a_referral_before_the_incident_is_a_problem(review_dir: Path) -> None:
    """Issue 13, item 8: incident, then referral, then decision. The example's incident is 14/09/2026."""
    text = (review_dir / "review.yaml").read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("referral_received:"))
    replace_in(review_dir / "review.yaml", old, "referral_received: 2026-09-13")
    with pytest.raises(InvalidReview) as invalid:
        CaseFolder.open(review_dir).load()
    [problem] = [p for p in invalid.value.problems if p.field == "referral_received"]
    assert "is before the incident (14/09/2026)" in problem.message
    assert problem.line == line_number_of(review_dir / "review.yaml", "referral_received:")


TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def clock_on_6_december(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrkit import dates

    monkeypatch.setattr(dates, "today", lambda: TODAY)


@pytest.mark.usefixtures("clock_on_6_december")
@pytest.mark.parametrize(
    "command",
    [
        ("imr", "update", "police", "--submitted", "20/01/2027"),
        ("imr", "update", "police", "--signed-off-on", "07/12/2026"),  # tomorrow
        ("agencies", "reply", "westmoor-probation", "involved", "--date", "20/12/2026"),
        ("agencies", "reply", "westmoor-probation", "involved", "--date", "01/12/2026", "--secured", "21/12/2026"),
        ("set", "actions.recommendations[rec-1].actions[act-1].done", "01/01/2027"),
        ("set", "people.family[mother].date_of_birth", "14/05/2030"),
    ],
    ids=["imr-submitted", "imr-signed-off-tomorrow", "reply", "secured", "action-done", "birth"],
)
def test_a_day_something_happened_is_never_after_today(scrkit, review_dir: Path, command: tuple[str, ...]) -> None:
    """A newcomer's IMR "submitted 20/01/2027" was accepted and counted as received; `done` refused the
    same date. Each record's day-something-happened field is refused after today, by every command."""
    before = {path.name: path.read_bytes() for path in review_dir.glob("*.yaml")}
    result = scrkit(*command, "-r", review_dir)
    assert result.code == 2, result.err
    assert "after today (06/12/2026)" in result.err and "Nothing was written" in result.err
    assert {path.name: path.read_bytes() for path in review_dir.glob("*.yaml")} == before


@pytest.mark.usefixtures("clock_on_6_december")
def test_a_hand_typed_day_after_today_is_reported_with_its_line_but_due_dates_may_be_later(review_dir: Path) -> None:
    replace_in(review_dir / "people.yaml", "date_of_birth: 1999-07-22", "date_of_birth: 14/05/2030")
    name, line, field, message = only(problems_of(review_dir))
    assert (name, line, field) == ("people.yaml", line_number_of(review_dir / "people.yaml", "14/05/2030"),
                                   "family[mother].date_of_birth")  # fmt: skip
    assert message.startswith("is 14/05/2030, after today (06/12/2026)")
    # The example's IMRs are due 22/01/2027 and act-2 by 28/02/2027: dates still to come, accepted.
    replace_in(review_dir / "people.yaml", "date_of_birth: 14/05/2030", "date_of_birth: 1999-07-22")
    records = CaseFolder.open(review_dir).load()
    assert any(imr.due and imr.due > TODAY for imr in records.imrs.imrs)
