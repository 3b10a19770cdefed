"""A decision keeps its history, and 1.2.2's "will always" cannot be set aside without a reason
(issue 13, items 4 and 5). Referral received Thu 24/12/2026 (the dates matter only for order here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.checks.rules import check_review
from scrkit.errors import BadInput, Refused
from scrkit.jobs.timeline import record_decision
from scrkit.models.review import Alternative, Circumstance, DecisionOutcome
from scrkit.review.casefolder import CaseFolder
from tests.timeline.reviews import opened_review

D = dt.date
TODAY = D(2027, 2, 1)


def opened(tmp_path: Path, *circumstances: Circumstance, died: dt.date | None = None) -> Path:
    return opened_review(
        tmp_path / "review", D(2026, 12, 22), D(2026, 12, 24), date_of_death=died, circumstances=circumstances
    )


def test_a_revised_decision_keeps_the_first_with_why_it_changed(tmp_path: Path) -> None:
    folder = opened(tmp_path, Circumstance.SERIOUS_HARM)
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, "Below threshold",
                    today=TODAY)  # fmt: skip
    with pytest.raises(Refused, match="already made on 08/01/2027"):
        record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 20), None, "New information", today=TODAY)
    with pytest.raises(BadInput, match="before the decision it revises"):
        record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 5), None, None, today=TODAY, revise="x")
    record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 20), None, "Criteria met", today=TODAY,
                    revise="Police disclosed earlier assaults (1.5.6)")  # fmt: skip
    decision = CaseFolder.open(folder).load().review.decision
    assert (decision.date, decision.outcome, decision.reasons) == (D(2027, 1, 20), DecisionOutcome.SCR, "Criteria met")
    [earlier] = decision.history
    assert (earlier.date, earlier.outcome, earlier.alternative, earlier.reasons) == (
        D(2027, 1, 8), DecisionOutcome.NOT_SCR, Alternative.LEARNING_DAY, "Below threshold",
    )  # fmt: skip
    assert (earlier.revised_on, earlier.why_revised) == (TODAY, "Police disclosed earlier assaults (1.5.6)")
    assert "decision revised to scr on 2027-01-20" in (folder / "audit.log").read_text(encoding="utf-8")


def test_a_death_with_abuse_suspected_is_always_an_scr_unless_the_chair_records_why(tmp_path: Path) -> None:
    folder = opened(tmp_path, Circumstance.DEATH, died=D(2026, 12, 22))
    with pytest.raises(Refused, match="1.2.2: this review will always be an SCR: the child died"):
        record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, None, today=TODAY)
    assert CaseFolder.open(folder).load().review.decision.outcome is None
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, None, today=TODAY,
                    override="Death from a known medical condition; abuse ruled out by the post-mortem")  # fmt: skip
    findings = [finding for finding in check_review(CaseFolder.open(folder).load())
                if finding.rule.id == "scr-when-a-child-died"]  # fmt: skip
    assert len(findings) == 1 and "abuse ruled out by the post-mortem" in findings[0].message


def test_an_scr_for_a_death_needs_no_override_and_check_is_quiet(tmp_path: Path) -> None:
    folder = opened(tmp_path, Circumstance.DEATH, died=D(2026, 12, 22))
    record_decision(folder, DecisionOutcome.SCR, D(2027, 1, 8), None, None, today=TODAY)
    findings = check_review(CaseFolder.open(folder).load())
    assert not any(finding.rule.id == "scr-when-a-child-died" for finding in findings)


def test_serious_harm_alone_may_be_decided_not_an_scr(tmp_path: Path) -> None:
    """1.2.3: serious harm is a case the LSCB considers; only 1.2.2's cases are always reviewed."""
    folder = opened(tmp_path, Circumstance.SERIOUS_HARM)
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, None, today=TODAY)
    assert CaseFolder.open(folder).load().review.decision.outcome is DecisionOutcome.NOT_SCR


def test_a_review_decided_not_an_scr_is_not_checked_against_scr_only_rules(tmp_path: Path) -> None:
    """1.5.2: the alternative is not an SCR; only rules that apply to every review are checked."""
    folder = opened(tmp_path, Circumstance.SERIOUS_HARM)
    undecided = {finding.rule.id for finding in check_review(CaseFolder.open(folder).load())}
    assert "family-involvement-decided" in undecided  # an SCR-only rule, while an SCR may yet be held
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, None, today=TODAY)
    assert check_review(CaseFolder.open(folder).load()) == []


def test_scr_only_letters_are_refused_once_the_decision_is_not_to_hold_one(tmp_path: Path) -> None:
    from scrkit.jobs.letters import render_letters

    folder = opened(tmp_path, Circumstance.SERIOUS_HARM)
    record_decision(folder, DecisionOutcome.NOT_SCR, D(2027, 1, 8), Alternative.LEARNING_DAY, None, today=TODAY)
    with pytest.raises(BadInput, match="belongs to a Serious Case Review, and the decision was not to hold one"):
        render_letters(folder, ["commission-imr"], None, D(2027, 1, 9))
