"""Every rule of `scrkit check`, both ways: a review that breaks it, and one that keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.checks.rules import RULES, check_review, rule_book
from scrkit.errors import ExitCode
from scrkit.resources import example_review
from scrkit.review.casefolder import CaseFolder
from tests.conftest import line_number_of, replace_in


def breaches(review_dir: Path) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in check_review(CaseFolder.open(review_dir).load()):
        found.setdefault(finding.rule.id, []).append(finding)
    return found


@pytest.fixture
def compliant(review_dir: Path) -> Path:
    """The example with its deliberate breaches put right."""
    replace_in(review_dir / "panel.yaml", "  supervision_confirmed: no ", "  supervision_confirmed: yes ")
    replace_in(
        review_dir / "imrs.yaml", "    line_manager_of_practitioners: yes\n", "    line_manager_of_practitioners: no\n"
    )
    replace_in(
        review_dir / "imrs.yaml",
        "  # Ashcombe Women's Aid replied",
        "  - {agency: womens-aid, author: {name: Fay Rudd}, directly_concerned: no, line_manager_of_practitioners: no,"
        " commissioned: 2026-11-20}\n  # Ashcombe Women's Aid replied",
    )
    replace_in(review_dir / "actions.yaml", "{id: act-4, action: Audit a sample of PPN1 notifications after three months}",
               "{id: act-4, action: Audit a sample of PPN1 notifications, by_whom: LSCB audit group, by_when: 2027-04-30}")  # fmt: skip
    return review_dir


def test_every_rule_has_code_and_a_reference() -> None:
    assert set(RULES) == {spec.id for spec in rule_book()}
    assert all(spec.guidance and spec.descriptor for spec in rule_book())


def test_the_compliant_review_keeps_every_rule(compliant: Path) -> None:
    assert breaches(compliant) == {}


def test_the_example_has_its_deliberate_breaches(review_dir: Path) -> None:
    found = breaches(review_dir)
    assert set(found) == {
        "appointees-arrangements-confirmed", "imr-authors-independent", "imrs-commissioned", "action-plan-smart",
    }  # fmt: skip
    [finding] = found["imr-authors-independent"]
    assert finding.file.name == "imrs.yaml"
    assert finding.line == line_number_of(review_dir / "imrs.yaml", "line_manager_of_practitioners: yes")
    assert "9.1.2" in str(finding) and "Individual management reviews" in str(finding)


BREAKS = [
    ("panel-chair-not-lscb-member", "panel.yaml", "  lscb_member: no\n  indemnity_confirmed: yes\n  supervision_confirmed: yes",
     "  lscb_member: yes\n  indemnity_confirmed: yes\n  supervision_confirmed: yes"),
    ("panel-chair-not-from-involved-agency", "panel.yaml", "  organisation: Fernley Safeguarding Consultancy\n",
     "  organisation: Fernley Safeguarding Consultancy\n  employer: police\n"),
    ("panel-chair-not-overview-author", "panel.yaml", "overview_author:           # independent: not the LSCB chair or the panel chair (3.1.1)\n  name: Ruth Castellan",
     "overview_author:\n  name: Graham Tolland"),
    ("overview-author-independent", "panel.yaml", "overview_author:           # independent: not the LSCB chair or the panel chair (3.1.1)\n  name: Ruth Castellan",
     "overview_author:\n  name: Professor Margaret Ellery"),
    ("overview-author-not-panel-member", "panel.yaml", "{id: education-lead, name: Hannah Greaves,",
     "{id: education-lead, name: Ruth Castellan,"),
    ("appointees-arrangements-confirmed", "panel.yaml", "  phone: 01632 960950\n  lscb_member: no\n  indemnity_confirmed: yes",
     "  phone: 01632 960950\n  lscb_member: no\n  indemnity_confirmed: no"),
    ("imr-authors-independent", "imrs.yaml", "    author: {name: DI Sandra Okafor, role: \"Review Officer, Professional Standards\", seniority: Detective Inspector}\n    directly_concerned: no",
     "    author: {name: DI Sandra Okafor}\n    directly_concerned: yes"),
    ("imrs-commissioned", "imrs.yaml", "  - agency: brookside-primary\n", "  - agency: brookside-primary\n    commissioned:\n    x_removed: 1\n"),
    ("family-involvement-decided", "review.yaml", "  decided_on: 2026-10-09\n", "  decided_on:\n"),
    ("parallel-investigations-recorded", "review.yaml", "    taken_into_account: Panel chair liaises", "    detail_more: Panel chair liaises"),
    ("action-plan-smart", "actions.yaml", ", by_whom: Designated Nurse, by_when: 2026-11-20,", ", by_when: 2026-11-20,"),
]  # fmt: skip


@pytest.mark.parametrize("rule_id, file, old, new", BREAKS, ids=[b[0] for b in BREAKS])
def test_each_rule_catches_its_breach(compliant: Path, rule_id: str, file: str, old: str, new: str) -> None:
    if rule_id == "imrs-commissioned":
        # Women's Aid's IMR loses its commissioning date.
        replace_in(compliant / file, " commissioned: 2026-11-20}", " due: 2027-01-22}")
    elif rule_id == "parallel-investigations-recorded":
        replace_in(compliant / file, "    taken_into_account: Panel chair liaises with the senior investigating officer and "
                   "the CPS; interviews of police witnesses agreed with the CPS\n", "")  # fmt: skip
    else:
        replace_in(compliant / file, old, new)
    assert set(breaches(compliant)) == {rule_id}


def test_check_command_exit_codes(scrkit, compliant: Path) -> None:
    result = scrkit("check", "-r", example_review())
    assert result.code == ExitCode.PROBLEMS_FOUND and "imr-authors-independent" in result.out
    assert scrkit("check", "-r", compliant).code == ExitCode.OK
