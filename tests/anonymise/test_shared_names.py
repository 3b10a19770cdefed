"""IMRs whose authors share a first name or a surname with other people in the records (issue 12,
item 4): a shared form never becomes one of them; full names still go to the right person."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from scrkit.anonymise.clean import PictureDesk, clean_copy
from scrkit.anonymise.export import CandidatesFound
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import AMBIGUOUS_NAME, SHARED_NAME, Anonymiser
from scrkit.jobs.anonymise import anonymise_files, export
from scrkit.office.word import document_bytes
from scrkit.review.casefolder import CaseFolder
from tests.conftest import replace_in


def imr(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    path.write_bytes(document_bytes(document))
    return path


def text_of(content: bytes, tmp_path: Path) -> str:
    copy = tmp_path / "copy.docx"
    copy.write_bytes(content)
    return "\n".join(paragraph.text for paragraph in Document(str(copy)).paragraphs)


@pytest.fixture
def shared(review_dir: Path) -> Path:
    """The social care IMR author is Helen Marsh; the GP is Dr Helen Yarrow (the example's own records).
    The hospital's IMR author is renamed Ian Fenwick: the family's surname, and no relation."""
    replace_in(review_dir / "imrs.yaml", "name: Dr Ian Fairweather", "name: Dr Ian Fenwick")
    return review_dir


def test_a_shared_first_name_becomes_a_neutral_name_and_full_names_go_to_the_right_person(
    shared: Path, tmp_path: Path
) -> None:
    anonymiser = Anonymiser(build_register(CaseFolder.open(shared).load()))
    text = anonymiser.text("Helen Marsh interviewed Dr Helen Yarrow. Helen said the visit was brief.")
    assert text == (
        "Service Manager, Assessment, Ashcombe Council Children's Services interviewed Professional 3. "
        f"{AMBIGUOUS_NAME} said the visit was brief."
    )
    assert "helen" in anonymiser.shared_forms


def test_an_authors_surname_shared_with_the_family_is_never_one_of_them(shared: Path, tmp_path: Path) -> None:
    records = CaseFolder.open(shared).load()
    anonymiser = Anonymiser(build_register(records))
    source = imr(tmp_path / "IMR hospital.docx",
                 "Author: Dr Ian Fenwick, Named Doctor.",
                 "Dr Fenwick reviewed the notes; Jodie Fenwick was not seen. Mr Fenwick is no relation.")  # fmt: skip
    copy = clean_copy(source.name, source.read_bytes(), anonymiser, PictureDesk(None, frozenset()))
    text = text_of(copy.content, tmp_path)
    assert "Author: Named Doctor, Ashcombe Hospitals NHS Foundation Trust, Named Doctor." in text
    assert f"Dr {SHARED_NAME} reviewed the notes; Mother was not seen. Mr {SHARED_NAME} is no relation." in text
    assert "Fenwick" not in text and "Ian" not in text


def test_the_anonymise_command_says_which_forms_were_shared(shared: Path, tmp_path: Path) -> None:
    source = imr(tmp_path / "IMR social care.docx", "Helen Marsh wrote this IMR. Helen spoke to the GP.")
    result = anonymise_files(shared, [source], tmp_path / "out")
    assert "helen" in result.shared
    assert f"{AMBIGUOUS_NAME} spoke to the GP." in text_of(result.files[0].read_bytes(), tmp_path)


def test_someone_no_record_holds_who_shares_a_first_name_stops_the_export(review_dir: Path) -> None:
    """The issue's own sample: "Helen Fairbrother", in no record, while a Helen is registered."""
    import datetime as dt

    imr(review_dir / "imrs" / "IMR police.docx", "DC Helen Fairbrother took the first call.")
    with pytest.raises(CandidatesFound) as refused:
        export(review_dir, "ofsted", dt.date(2026, 12, 3))
    assert [candidate.text for candidate in refused.value.candidates] == ["DC Helen Fairbrother"]
    assert not (review_dir / "exports" / "2026-12-03 ofsted").exists()


def test_once_registered_the_stranger_is_replaced_by_their_job_title(review_dir: Path, tmp_path: Path) -> None:
    import datetime as dt

    from scrkit.jobs.anonymise import register_name

    imr(review_dir / "imrs" / "IMR police.docx", "DC Helen Fairbrother took the first call.")
    register_name(review_dir, "DC Helen Fairbrother", "Detective Constable, Ashcombe Constabulary")
    result = export(review_dir, "ofsted", dt.date(2026, 12, 3))
    text = text_of((result.pack / "IMR police.docx").read_bytes(), tmp_path)
    assert text == "Detective Constable, Ashcombe Constabulary took the first call."
    assert "register name" in (review_dir / "audit.log").read_text(encoding="utf-8")


def test_anonymise_says_which_names_no_record_holds(scrkit, review_dir: Path, tmp_path: Path) -> None:
    source = imr(tmp_path / "IMR police.docx", "Dr K O'Brien saw Child A at the walk-in centre.")
    result = scrkit("anonymise", source, "--out", tmp_path / "out", "-r", review_dir)
    assert result.code == 0
    assert "Not replaced: 'Dr K O'Brien' (a title before a name)" in result.err
    assert 'scrkit register name "NAME"' in result.err
