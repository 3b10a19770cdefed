"""Rendering the standard letters and forms, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from docx import Document

from scrkit.errors import BadInput, Refused
from scrkit.jobs.letters import render_letters
from scrkit.letters.catalogue import catalogue
from scrkit.letters.engine import LetterError
from scrkit.resources import templates_folder
from tests.conftest import replace_in
from tests.letters.conftest import JINJA_LEFTOVER, all_text, approve, document_text, render_every_letter, xml_parts

CREATED = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
EVERY_LETTER = [spec.name for spec in catalogue().letters]


def render(review: Path, names: list[str], on: dt.date, to: list[str] | None = None, force: bool = False):
    return list(render_letters(review, names, to, on, force=force, created=CREATED).written)


def test_every_letter_renders_for_the_example_with_no_placeholder_left(approved_review: Path) -> None:
    paths = render_every_letter(approved_review, dt.date(2026, 12, 24), CREATED)
    assert len(paths) >= len(EVERY_LETTER)
    for path in paths:
        for part, xml in xml_parts(path).items():
            assert not JINJA_LEFTOVER.search(xml), f"{path.name}: a placeholder is left in {part}"
        properties = Document(str(path)).core_properties
        if path.stem.endswith(" anonymised"):  # the notifications: a clean copy, no author (1.9.1)
            assert properties.keywords == "Anonymised"
            continue
        assert properties.author == "Ashcombe Local Safeguarding Children Board"
        assert "SCR-2026-03" in properties.title
        assert properties.created == CREATED


def test_request_letter_to_the_police(ready_review: Path) -> None:
    # Letter dated Thursday 24 December 2026: 3 working days later is Thursday 31 December
    # (25th Christmas, 26th-27th weekend, 28th Boxing Day substitute; then 29, 30, 31).
    [path] = render(ready_review, ["scr-request"], dt.date(2026, 12, 24), to=["police"])
    assert path.name == "2026-12-24 scr-request police.docx"
    text = document_text(path)
    body = "\n".join(text["body"])
    # A window envelope's address: one line per line of the address (the first paragraph spaces it down).
    assert text["body"][1:9] == [
        "DCI Ruth Kavanagh", "Detective Chief Inspector", "Ashcombe Constabulary", "Public Protection Unit",
        "Ashcombe Police Station", "40 Castle Street", "Ashcombe", "AC1 3PQ",
    ]  # fmt: skip
    assert "Dear DCI Kavanagh" in text["body"]  # board.yaml salutation: title-and-surname
    assert "Date: 24 December 2026" in body
    # Decided on 7 October 2026: the letter of 24 December says so, not that a decision is pending.
    assert "On 7 October 2026 I decided that Ashcombe LSCB will undertake a Serious Case Review." in body
    assert "I am required to make a decision" not in body
    assert (
        "in respect of Mia-Rose Fenwick, 27 Quillan Close, Harrowfield, Ashcombe, AC4 7QZ, born 11 March 2024" in body
    )
    assert "on 16 September 2026 I received a formal referral" in body
    assert "her family by 31 December 2026" in body
    assert "lscb@ashcombe-lscb.example" in body
    assert "Ashcombe Local Safeguarding Children Board" in text["headers"][0]
    assert "SCR-2026-03" in text["footers"][0]
    # The end of the letter is there: the chair's name, the copy to the chief officer, the enclosure.
    # One paragraph holds the close, the room to sign, the name and title (kept on one page).
    assert text["body"][-3:] == [
        "Yours sincerely\n\n\nProfessor Margaret Ellery\nChair, Ashcombe Local Safeguarding Children Board",
        "cc: Chief Constable Alan Brereton, Chief Constable",
        "Enclosure: referral form (SCRRF.v1/2010)",
    ]


def test_one_request_per_agency(ready_review: Path) -> None:
    paths = render(ready_review, ["scr-request"], dt.date(2026, 9, 17))
    assert len(paths) == 9  # every agency in agencies.yaml, the out-of-area one included (5.1.2)
    body = document_text(ready_review / "letters" / "2026-09-17 scr-request westmoor-probation.docx")["body"]
    assert body[4:8] == ["Westmoor Probation Office", "22 Quay Street", "Westmoor", "WM7 2DF"]
    # Before the decision (7 October 2026) the letter says one is still to be made.
    assert any("I am required to make a decision within 1 month" in line for line in body)


def test_commissioning_letter_lists_the_involved_agencies_and_dates(ready_review: Path) -> None:
    [path] = render(ready_review, ["commission-imr"], dt.date(2026, 10, 14), to=["womens-aid"])
    text = document_text(path)
    assert "Ashcombe Homes & Communities Ltd" not in text["tables"]  # a NIL return: no IMR commissioned
    assert "Ashcombe Women's Aid" in text["tables"] and "Ashcombe Constabulary" in text["tables"]
    body = "\n".join(text["body"])
    assert "deadline of 22 January 2027" in body
    assert "meeting on 17 February 2027" in body
    assert "29 October 2026 at 10:00, Committee Room 2, Ashcombe Civic Offices" in body
    assert "by 23 October 2026" in body
    # The chief officers copied in, last table; Fiona Marchetti is the addressee, not copied to herself.
    assert "Chief Constable Alan Brereton" in text["tables"] and "Fiona Marchetti" not in text["tables"]


def test_terms_of_reference_draft_footer_and_approval(ready_review: Path) -> None:
    replace_in(ready_review / "review.yaml", "  approved_on: 2026-10-12", "  approved_on:")
    [draft] = render(ready_review, ["terms-of-reference"], dt.date(2026, 10, 9))
    text = document_text(draft)
    assert any("DRAFT" in line for line in text["headers"])
    assert "Terms of reference version 3, 9 October 2026 (DRAFT)" in text["footers"][0]
    assert "What has your agency already changed, and what should change now?" in text["tables"]
    replace_in(ready_review / "review.yaml", "  approved_on:", "  approved_on: 2026-10-12")
    [final] = render(ready_review, ["terms-of-reference"], dt.date(2026, 10, 12))
    text = document_text(final)
    assert not any("DRAFT" in line for line in text["headers"])
    assert "Approved by the LSCB Chair on 12 October 2026." in "\n".join(text["body"])
    assert text["body"][-1] == "End of terms of reference, version 3."


def test_referral_form_tables(ready_review: Path) -> None:
    [path] = render(ready_review, ["referral-form"], dt.date(2026, 9, 15))
    cells = document_text(path)["tables"]
    assert "Kieran Bracewell" in cells and "Maternal grandmother" in cells
    assert "Ashcombe Community Health NHS Trust" in cells  # other agencies, by name not id
    assert "X" in cells  # the ticked circumstances
    assert "Police attend a report of domestic abuse at the home." in cells
    assert document_text(path)["body"][-1] == "End of referral form SCR-2026-03"


def test_notifications_to_ofsted_do_not_name_the_child(ready_review: Path) -> None:
    [path] = render(ready_review, ["ofsted-notification"], dt.date(2026, 9, 18))
    assert path.name == "2026-09-18 ofsted-notification anonymised.docx"  # always anonymised (1.9.1)
    text = all_text(path)
    assert "Mia" not in text and "Fenwick" not in text  # 1.9.1
    assert "Female, aged 2 years 6 months at the incident" in text
    # Sent before the decision of 7 October 2026: the decision is not yet made on the letter's date.
    assert "Decision\nNot yet made" in text
    [after] = render(ready_review, ["department-notification"], dt.date(2026, 10, 8))
    assert "To hold a Serious Case Review, 7 October 2026" in all_text(after)


def test_family_letters_go_to_those_marked_notify(ready_review: Path) -> None:
    paths = render(ready_review, ["family-notification"], dt.date(2026, 11, 20))
    assert sorted(p.name for p in paths) == [
        "2026-11-20 family-notification father.docx",
        "2026-11-20 family-notification maternal-grandmother.docx",
        "2026-11-20 family-notification mother.docx",
    ]  # ids in file names, never names (1.9.1)
    text = all_text(ready_review / "letters" / "2026-11-20 family-notification mother.docx")
    assert "Dear Jodie Fenwick" in text and "Dawn Heslop on 01632 960104" in text


def test_leaflet_names_the_chair_and_the_personal_contact(ready_review: Path) -> None:
    [path] = render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20))
    cells = document_text(path)["tables"]
    assert cells == ["Chair:", "Graham Tolland", "Tel:", "01632 960950", "Your personal contact:",
                     "Dawn Heslop", "Tel:", "01632 960104"]  # fmt: skip


def test_awkward_characters_come_out_right_and_the_end_survives(ready_review: Path) -> None:
    replace_in(ready_review / "agencies.yaml", "name: Ashcombe Constabulary", 'name: Smith & Jones <Ltd> "Quoted"')
    replace_in(ready_review / "child.yaml", "name: Mia-Rose Fenwick", "name: Aoife O'Neill-Zoë")
    [path] = render(ready_review, ["scr-request"], dt.date(2026, 9, 17), to=["police"])
    text = document_text(path)
    assert 'Smith & Jones <Ltd> "Quoted"' in text["body"]
    assert any("Aoife O'Neill-Zoë" in line for line in text["body"])
    assert text["body"][-1] == "Enclosure: referral form (SCRRF.v1/2010)"


def test_a_missing_fact_is_named_and_nothing_is_written(ready_review: Path) -> None:
    replace_in(ready_review / "panel.yaml", "lscb_chair:\n  name: Professor Margaret Ellery\n", "lscb_chair:\n")
    replace_in(
        ready_review / "panel.yaml",
        "  title: Independent Chair, Ashcombe LSCB\n  email: chair@ashcombe-lscb.example\n",
        "",
    )
    with pytest.raises(LetterError) as caught:
        render(ready_review, ["scr-request", "family-leaflet"], dt.date(2026, 10, 17))
    assert "panel.lscb_chair" in caught.value.message
    assert not list((ready_review / "letters").glob("*.docx"))


def test_the_debriefing_needs_its_meeting(review_dir: Path) -> None:
    approve(review_dir)
    with pytest.raises(LetterError) as caught:
        render(review_dir, ["practitioner-debriefing"], dt.date(2027, 5, 1))
    assert "review.practitioner_debriefing.date" in caught.value.message


def test_letters_are_not_overwritten_without_force(ready_review: Path) -> None:
    [path] = render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20))
    path.write_bytes(b"edited by hand")
    with pytest.raises(Refused, match="already rendered"):
        render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20))
    assert path.read_bytes() == b"edited by hand"
    render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20), force=True)
    assert path.read_bytes() != b"edited by hand"


def test_unknown_letter_and_unknown_recipient(ready_review: Path) -> None:
    with pytest.raises(BadInput, match="no letter or form called 'scr-reqest'"):
        render(ready_review, ["scr-reqest"], dt.date(2026, 9, 17))
    with pytest.raises(BadInput, match="does not go to nobody"):
        render(ready_review, ["scr-request"], dt.date(2026, 9, 17), to=["nobody"])


def test_a_review_template_overrides_the_built_in_one(ready_review: Path) -> None:
    own = ready_review / "templates" / "family-leaflet.docx"
    document = Document(str(templates_folder() / "family-leaflet.docx"))
    document.add_paragraph("Our own closing line for {{ board.short_name }}")
    document.save(str(own))
    [path] = render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20))
    assert document_text(path)["body"][-1] == "Our own closing line for Ashcombe LSCB"


def test_the_sandbox_refuses_python_internals(ready_review: Path) -> None:
    own = ready_review / "templates" / "family-leaflet.docx"
    shutil.copy(templates_folder() / "family-leaflet.docx", own)
    document = Document(str(own))
    document.add_paragraph("{{ child.__class__.__mro__ }}")
    document.save(str(own))
    with pytest.raises(LetterError, match="sandbox"):
        render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20))
    assert not list((ready_review / "letters").glob("*.docx"))


@pytest.mark.parametrize(
    "escape",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ board.__class__ }}",
        "{{ child.name.__class__.__base__ }}",
    ],
)
def test_templates_cannot_reach_python_internals(ready_review: Path, escape: str) -> None:
    own = ready_review / "templates" / "family-leaflet.docx"
    document = Document(str(templates_folder() / "family-leaflet.docx"))
    document.add_paragraph(escape)
    document.save(str(own))
    with pytest.raises(LetterError) as caught:
        render(ready_review, ["family-leaflet"], dt.date(2026, 11, 20))
    assert "sandbox" in caught.value.message
    assert not list((ready_review / "letters").glob("*.docx"))


def test_the_action_plan_document_is_filled_from_the_review(ready_review: Path) -> None:
    [path] = render(ready_review, ["action-plan"], dt.date(2026, 11, 20))
    rows = Document(str(path)).tables[0].rows
    assert [cell.text for cell in rows[1].cells][:6] == [
        "Ashcombe Community Health NHS Trust",
        "Practitioners recognise and act on injuries to non-mobile and pre-mobile babies and toddlers",
        "The Designated Nurse should ensure that every health visitor is trained in the bruising protocol",
        "Deliver bruising protocol training to all health visitors", "Designated Nurse", "20/11/2026",
    ]  # fmt: skip
    assert len(rows) == 1 + 4  # the heading and the four actions of actions.yaml
    # 17.1.1: each recommendation once, on its first action's row; the second action's row leaves it out.
    assert [cell.text for cell in rows[2].cells][:4] == [
        "", "", "", "Add the protocol to the health visiting record template",
    ]  # fmt: skip
    assert [cell.text for cell in rows[3].cells][0] == "Multi-agency"
    # 17.1.2: a sign-off block, filled once the LSCB signs the plan off.
    sign_off = [cell.text for cell in Document(str(path)).tables[1].rows[0].cells]
    assert sign_off == ["Signed off by", ""]
    assert "example from Appendix 13" not in all_text(path)


def test_the_interview_record_carries_the_interview(ready_review: Path) -> None:
    [path] = render(ready_review, ["interview-record"], dt.date(2026, 11, 20), to=["hv-1"])
    cells = document_text(path)["tables"]
    assert cells[cells.index("Interviewer") + 1] == "Moira Lennox"
    assert cells[cells.index("Notice given") + 1] == "30 October 2026"


def test_the_authors_briefing_goes_to_the_imr_author(ready_review: Path) -> None:
    [path] = render(ready_review, ["authors-briefing"], dt.date(2026, 10, 20), to=["childrens-social-care"])
    body = document_text(path)["body"]
    assert body[1] == "Helen Marsh"
    assert "Dear Helen Marsh" in body  # no title recorded: the full name


def test_the_imr_template_carries_the_genogram(ready_review: Path) -> None:
    [path] = render(ready_review, ["imr-template"], dt.date(2026, 10, 14), to=["police"])
    assert len(Document(str(path)).inline_shapes) == 1
