"""Letters true on the day they are dated (issue 17, item 2), and greeted as a UK business letter is.

Dates worked out by hand from the example's records: the authors' briefing is on 29/10/2026, IMR
authors are named by 23/10/2026, IMRs are due 22/01/2027 and presented on 17/02/2027; the decision to
hold an SCR was made on 7/10/2026; the LSCB's approval (completion) is recorded on 1/12/2026 in the
tests' copies (tests/letters/conftest.py)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scrkit.errors import BadInput, Refused
from scrkit.jobs.letters import render_letters
from scrkit.names import Salutation, greeting
from tests.conftest import replace_in
from tests.letters.conftest import approve, document_text

CREATED = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def render(review: Path, name: str, on: dt.date, to: list[str] | None = None) -> list[Path]:
    return list(render_letters(review, [name], to, on, created=CREATED).written)


def body(path: Path) -> str:
    return "\n".join(document_text(path)["body"])


def test_commissioning_letter_is_refused_once_its_dates_have_passed(ready_review: Path) -> None:
    # 24/10/2026: the day after authors were to be named by; the briefing (29/10) is still ahead.
    with pytest.raises(Refused) as caught:
        render(ready_review, "commission-imr", dt.date(2026, 10, 24), to=["police"])
    assert "review.imr_authors_named_by (23/10/2026) is past" in caught.value.message
    assert "authors_briefing" not in caught.value.message
    assert not list((ready_review / "letters").glob("*.docx"))  # nothing written
    # On the day itself the date has not passed: the letter is made.
    [path] = render(ready_review, "commission-imr", dt.date(2026, 10, 23), to=["police"])
    assert "by 23 October 2026" in body(path)


def test_authors_briefing_refused_after_the_briefing_and_made_before(ready_review: Path) -> None:
    with pytest.raises(Refused, match=r"review.authors_briefing.date \(29/10/2026\) is past"):
        render(ready_review, "authors-briefing", dt.date(2026, 10, 30))
    paths = render(ready_review, "authors-briefing", dt.date(2026, 10, 29))
    assert paths


def test_moving_the_meeting_makes_the_letter_true_again(ready_review: Path) -> None:
    replace_in(ready_review / "review.yaml", "  date: 2026-10-29", "  date: 2026-12-10")  # the briefing, moved
    assert render(ready_review, "authors-briefing", dt.date(2026, 12, 1))


def test_the_debriefing_follows_the_lscbs_approval(ready_review: Path) -> None:
    # 16.2.1: only once the LSCB has approved the SCR.
    with pytest.raises(Refused) as caught:
        render(ready_review, "practitioner-debriefing", dt.date(2026, 12, 2), to=["hv-1"])
    assert "completion done first (LSCB approves the final SCR)" in caught.value.message
    approve(ready_review)  # on 1/12/2026
    # A letter dated before the approval is still untrue on its date.
    with pytest.raises(Refused, match=r"done 01/12/2026, after the letter"):
        render(ready_review, "practitioner-debriefing", dt.date(2026, 11, 30), to=["hv-1"])
    [path] = render(ready_review, "practitioner-debriefing", dt.date(2026, 12, 2), to=["hv-1"])
    assert "This review has now been concluded" in body(path)
    # The de-briefing itself (12/05/2027) must not have passed either.
    with pytest.raises(Refused, match=r"review.practitioner_debriefing.date \(12/05/2027\) is past"):
        render(ready_review, "practitioner-debriefing", dt.date(2027, 5, 13), to=["hv-1"])


def test_request_letter_says_decided_or_pending_by_its_date(ready_review: Path) -> None:
    [before] = render(ready_review, "scr-request", dt.date(2026, 10, 6), to=["police"])
    assert "I am required to make a decision within 1 month" in body(before)
    [on_the_day] = render(ready_review, "scr-request", dt.date(2026, 10, 7), to=["police"])
    assert "On 7 October 2026 I decided that Ashcombe LSCB will undertake a Serious Case Review." in body(on_the_day)
    assert "I am required to make a decision" not in body(on_the_day)


def test_only_lscb_members_are_written_to_as_members(ready_review: Path) -> None:
    # agencies.yaml: the police are an LSCB member; the GP practice and Women's Aid are not (5.1.1).
    [police] = render(ready_review, "commission-imr", dt.date(2026, 10, 14), to=["police"])
    assert "in your capacity as a member of Ashcombe LSCB" in body(police)
    for agency in ("larchfield-practice", "womens-aid"):
        [other] = render(ready_review, "commission-imr", dt.date(2026, 10, 14), to=[agency])
        assert "as a member of" not in body(other), agency
        assert "as an agency that has been involved with Mia-Rose Fenwick or her family" in body(other)


def test_the_authors_briefing_goes_only_to_named_authors(ready_review: Path) -> None:
    result = render_letters(ready_review, ["authors-briefing"], None, dt.date(2026, 10, 14), created=CREATED)
    made = sorted(path.stem.rsplit(" ", 1)[-1] for path in result.written)
    # imrs.yaml names authors for six agencies; Women's Aid (involved) has no IMR and so no author yet.
    assert made == sorted(
        ["police", "childrens-social-care", "ashcombe-hospitals", "larchfield-practice", "community-health",
         "brookside-primary", "overview-author"]
    )  # fmt: skip
    assert result.not_sent == {"authors-briefing to womens-aid": "no IMR author is named yet (imrs.yaml `author`)"}


def test_with_no_author_named_the_briefing_has_nobody_to_go_to(review_dir: Path) -> None:
    imrs = review_dir / "imrs.yaml"
    imrs.write_text(
        "\n".join(line for line in imrs.read_text(encoding="utf-8").splitlines() if "author:" not in line) + "\n",
        encoding="utf-8",
    )
    panel = review_dir / "panel.yaml"
    panel.write_text(
        re.sub(r"overview_author:.*\n(?:  .*\n)*", "", panel.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )
    with pytest.raises(BadInput, match="has nobody to go to yet: the review needs an IMR author named"):
        render(review_dir, "authors-briefing", dt.date(2026, 10, 14))


@pytest.mark.parametrize(
    ("name", "style", "expected"),
    [
        ("DCI Ruth Kavanagh", Salutation.TITLE_AND_SURNAME, ("Dear DCI Kavanagh", "Yours sincerely")),
        ("Dr Ian Fairweather", Salutation.TITLE_AND_SURNAME, ("Dear Dr Fairweather", "Yours sincerely")),
        ("Chief Constable Alan Brereton", Salutation.TITLE_AND_SURNAME,
         ("Dear Chief Constable Brereton", "Yours sincerely")),
        ("Helen Marsh", Salutation.TITLE_AND_SURNAME, ("Dear Helen Marsh", "Yours sincerely")),
        ("DCI Ruth Kavanagh", Salutation.FULL_NAME, ("Dear Ruth Kavanagh", "Yours sincerely")),
        ("DCI Ruth Kavanagh", Salutation.FIRST_NAME, ("Dear Ruth", "Yours sincerely")),
        ("Mrs Jodie Fenwick-Hollis", Salutation.TITLE_AND_SURNAME, ("Dear Mrs Fenwick-Hollis", "Yours sincerely")),
        (None, Salutation.TITLE_AND_SURNAME, ("Dear Sir or Madam", "Yours faithfully")),
        ("  ", Salutation.FIRST_NAME, ("Dear Sir or Madam", "Yours faithfully")),
    ],
)  # fmt: skip
def test_uk_business_salutations(name: str | None, style: Salutation, expected: tuple[str, str]) -> None:
    assert greeting(name, style) == expected


def test_the_board_chooses_the_salutation_and_an_unnamed_officer_is_sir_or_madam(ready_review: Path) -> None:
    replace_in(ready_review / "board.yaml", "salutation: title-and-surname", "salutation: first-name")
    [police] = render(ready_review, "scr-request", dt.date(2026, 9, 17), to=["police"])
    assert "Dear Ruth" in document_text(police)["body"]
    # An agency with neither an LSCB representative nor a chief officer: the letter goes to "The Chief
    # Officer" of the agency, greeted as Sir or Madam and closed "Yours faithfully".
    agencies = ready_review / "agencies.yaml"
    replace_in(agencies, "    chief_officer: {name: Fiona Marchetti, title: Chief Officer}\n", "")
    [womens_aid] = render(ready_review, "scr-request", dt.date(2026, 9, 17), to=["womens-aid"])
    lines = document_text(womens_aid)["body"]
    assert lines[1] == "The Chief Officer, Ashcombe Women's Aid"
    assert "Dear Sir or Madam" in lines
    assert any(line.startswith("Yours faithfully") for line in lines)
