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
        re.sub(r"^overview_author:.*\n(?:  .*\n)*", "", panel.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
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
        # Letters after the name are left out; a surname keeps its particles; knights and dames by first name.
        ("DCI Ruth Kavanagh QPM", Salutation.TITLE_AND_SURNAME, ("Dear DCI Kavanagh", "Yours sincerely")),
        ("Sarah Pennant, RGN", Salutation.FULL_NAME, ("Dear Sarah Pennant", "Yours sincerely")),
        ("Dr Anna van der Berg", Salutation.TITLE_AND_SURNAME, ("Dear Dr van der Berg", "Yours sincerely")),
        ("Dr Ayo Adeyemi-Hart Jr", Salutation.TITLE_AND_SURNAME, ("Dear Dr Adeyemi-Hart", "Yours sincerely")),
        ("Dame Judi Mallory", Salutation.TITLE_AND_SURNAME, ("Dear Dame Judi", "Yours sincerely")),
        ("Professor Sir Ian Hollins", Salutation.FULL_NAME, ("Dear Sir Ian", "Yours sincerely")),
        # An initial is not a first name to greet by; a title alone is nobody's name; joint names as written.
        ("Mr J Smith", Salutation.FIRST_NAME, ("Dear Mr Smith", "Yours sincerely")),
        ("Dr Smith", Salutation.FIRST_NAME, ("Dear Dr Smith", "Yours sincerely")),
        ("Mr", Salutation.FULL_NAME, ("Dear Sir or Madam", "Yours faithfully")),
        ("Mr and Mrs Smith", Salutation.FIRST_NAME, ("Dear Mr and Mrs Smith", "Yours sincerely")),
        ("Chief Executive Jane Doe", Salutation.FULL_NAME, ("Dear Chief Executive Jane Doe", "Yours sincerely")),
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
    assert lines[1:3] == ["The Chief Officer", "Ashcombe Women's Aid"]  # the agency once, on its own line
    assert "Dear Sir or Madam" in lines
    assert any(line.startswith("Yours faithfully") for line in lines)


def test_no_letter_before_what_it_tells_of(ready_review: Path) -> None:
    # The referral was received on 16/09/2026 (incident 14/09/2026): a request dated 15/09 is refused.
    with pytest.raises(Refused, match=r"review.referral_received \(16/09/2026\) is after the letter's date"):
        render(ready_review, "scr-request", dt.date(2026, 9, 15), to=["police"])
    assert render(ready_review, "scr-request", dt.date(2026, 9, 16), to=["police"])
    with pytest.raises(Refused, match=r"review.incident_date \(14/09/2026\) is after the letter's date"):
        render(ready_review, "ofsted-notification", dt.date(2026, 9, 13))
    assert render(ready_review, "ofsted-notification", dt.date(2026, 9, 14))


def test_documents_of_the_scr_come_after_the_decision_to_hold_one(ready_review: Path) -> None:
    # Decided on 7/10/2026: commissioning IMRs, telling the family, the terms of reference, before it, are refused.
    for name in ("commission-imr", "family-notification", "terms-of-reference"):
        with pytest.raises(Refused, match=r"the decision to hold an SCR first \(none is recorded by 06/10/2026\)"):
            render(ready_review, name, dt.date(2026, 10, 6))
    assert render(ready_review, "commission-imr", dt.date(2026, 10, 7), to=["police"])


def revise_to_not_scr(review: Path) -> None:
    """The chair decided an SCR on 7/10/2026, then on 20/10/2026 decided not to hold one (1.5.6)."""
    replace_in(
        review / "review.yaml",
        "  date: 2026-10-07\n  outcome: scr ",
        "  date: 2026-10-20\n  history:\n    - {date: 2026-10-07, outcome: scr, revised_on: 2026-10-20, "
        "why_revised: New information from the police}\n  outcome: not-scr ",
    )
    replace_in(review / "review.yaml", "status: in-progress ", "status: not-proceeding ")


def test_the_decision_in_force_on_the_letters_date(ready_review: Path) -> None:
    revise_to_not_scr(ready_review)
    [before] = render(ready_review, "scr-request", dt.date(2026, 10, 10), to=["police"])
    assert "On 7 October 2026 I decided that Ashcombe LSCB will undertake a Serious Case Review." in body(before)
    [after] = render(ready_review, "scr-request", dt.date(2026, 10, 21), to=["police"])
    assert "On 20 October 2026 I decided that Ashcombe LSCB will not undertake a Serious Case Review." in body(after)
    [notice] = render(ready_review, "department-notification", dt.date(2026, 10, 21))
    text = "\n".join(document_text(notice)["tables"])
    assert "Not to hold a Serious Case Review, 20 October 2026" in text
    assert "Not applicable: no Serious Case Review is held" in text  # no completion date for a review not held


def test_what_happened_after_the_letters_date_is_not_in_it(ready_review: Path) -> None:
    approve(ready_review)  # completion done 1/12/2026
    replace_in(ready_review / "review.yaml", "executive_summary_published:", "executive_summary_published: 2026-12-02")
    [early] = render(ready_review, "ofsted-notification", dt.date(2026, 11, 10))
    cells = document_text(early)["tables"]
    assert cells[cells.index("Completion") + 1] == "Due 7 April 2027"  # decision 7/10/2026 + 6 months
    assert cells[cells.index("Executive summary published") + 1] == "Not yet published"
    # The plea hearing of 16/11/2026: its outcome is not known on 10/11/2026.
    assert "Pleaded not guilty" not in cells
    [late] = render(ready_review, "department-notification", dt.date(2026, 12, 3))
    cells = document_text(late)["tables"]
    assert cells[cells.index("Completion") + 1] == "Completed 1 December 2026"
    assert cells[cells.index("Executive summary published") + 1] == "2 December 2026"
    assert "Pleaded not guilty" in cells


def test_terms_of_reference_are_a_draft_until_approved_on_their_date(ready_review: Path) -> None:
    # Approved on 12/10/2026.
    [draft] = render(ready_review, "terms-of-reference", dt.date(2026, 10, 11))
    assert any("DRAFT" in line for line in document_text(draft)["headers"])
    assert "Approved by the LSCB Chair" not in body(draft)
    [final] = render(ready_review, "terms-of-reference", dt.date(2026, 10, 12))
    assert not any("DRAFT" in line for line in document_text(final)["headers"])


def test_addresses_and_greetings_as_a_letter_needs_them(ready_review: Path) -> None:
    # An address beginning with the agency's own name does not print it twice.
    replace_in(ready_review / "agencies.yaml", "address: [PO Box 4127, Ashcombe, AC1 9ZZ]",
               "address: [Ashcombe Women's Aid, PO Box 4127, Ashcombe, AC1 9ZZ]")  # fmt: skip
    [womens_aid] = render(ready_review, "commission-imr", dt.date(2026, 10, 14), to=["womens-aid"])
    lines = document_text(womens_aid)["body"]
    assert lines[1:5] == ["Fiona Marchetti", "Chief Officer", "Ashcombe Women's Aid", "PO Box 4127"]
    assert "Dear Fiona Marchetti" in lines  # named: not "Dear Colleague"
    # The notifications go to an organisation: "Dear Sir or Madam", "Yours faithfully".
    [ofsted] = render(ready_review, "ofsted-notification", dt.date(2026, 10, 8))
    lines = document_text(ofsted)["body"]
    assert "Dear Sir or Madam" in lines and any(line.startswith("Yours faithfully") for line in lines)
    [department] = render(ready_review, "department-notification", dt.date(2026, 10, 8))
    assert document_text(department)["body"][1:7] == [
        "Department for Education", "Serious Case Reviews", "Sanctuary Buildings", "Great Smith Street", "London",
        "SW1P 3BT",
    ]  # fmt: skip
    # The overview author's postal address (panel.yaml) is on her briefing letter.
    [author] = render(ready_review, "authors-briefing", dt.date(2026, 10, 14), to=["overview-author"])
    assert document_text(author)["body"][1:6] == [
        "Ruth Castellan",
        "Independent Overview Author",
        "Castellan Reviews",
        "12 Mill Lane",
        "Westmoor",
    ]


def test_a_child_with_no_home_address_recorded(ready_review: Path) -> None:
    replace_in(
        ready_review / "child.yaml",
        "home_address:              # one line per item\n"
        "  - 27 Quillan Close\n  - Harrowfield\n  - Ashcombe\n  - AC4 7QZ\n",
        "home_address: []\n",
    )
    [letter] = render(ready_review, "scr-request", dt.date(2026, 9, 17), to=["police"])
    assert "in respect of Mia-Rose Fenwick, born 11 March 2024" in body(letter)  # no ", ," for the blank


def test_a_letter_to_someone_with_no_address_is_refused_naming_where_to_record_it(ready_review: Path) -> None:
    replace_in(
        ready_review / "people.yaml",
        "    address: [27 Quillan Close, Harrowfield, Ashcombe, AC4 7QZ]\n",
        "",
    )
    with pytest.raises(
        BadInput, match=r"goes by post, and the review holds no address for it: people.family\[mother\]"
    ):
        render(ready_review, "family-notification", dt.date(2026, 11, 20), to=["mother"])
    assert not list((ready_review / "letters").glob("*.docx"))


def test_a_notification_dated_before_the_decision_gives_the_completion_date_of_that_day(ready_review: Path) -> None:
    """Dated before the decision it said "Decision: Not yet made" beside a completion counted from the
    decision made later. By hand: the referral arrived on 16/09/2026, so the decision was due a calendar
    month later, 16/10/2026 (7.1.2), and completion six months after that, 16/04/2027 (7.1.3); once the
    decision was made on 07/10/2026, completion is 07/04/2027."""

    def completion(path: Path) -> str:
        text = " ".join(" ".join(document_text(path)["tables"]).split())
        found = re.search(r"Completion\s+((?:Due|Completed) \d+ \w+ \d{4})", text)
        assert found, text
        return found.group(1)

    [before] = render(ready_review, "department-notification", dt.date(2026, 10, 6))
    assert "Not yet made" in document_text(before)["tables"]
    assert completion(before) == "Due 16 April 2027"
    [after] = render(ready_review, "department-notification", dt.date(2026, 10, 8))
    assert completion(after) == "Due 7 April 2027"
