"""`scrkit set`, `add` and `remove`: any field or entry of a record without editing YAML (issue 15,
item 1); each change locked, audited, validated with the whole review, and comments kept."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import ExitCode
from scrkit.review.casefolder import CaseFolder


def test_set_a_field_keeps_the_comments_and_writes_dates_as_iso(scrkit, review_dir: Path) -> None:
    result = scrkit("set", "review.practitioner_debriefing.date", "12 May 2027", "-r", review_dir)
    assert result.code == ExitCode.OK, result.err
    text = (review_dir / "review.yaml").read_text(encoding="utf-8")
    assert "practitioner_debriefing:   # de-briefing for practitioners after approval (16.2, App 10)\n" in text
    assert "  date: 2027-05-12\n" in text
    assert scrkit("set", "review.practitioner_debriefing.time", "13:30", "-r", review_dir).code == ExitCode.OK
    records = CaseFolder.open(review_dir).load()
    assert str(records.review.practitioner_debriefing.date) == "2027-05-12"
    # An agency by its id; a list of texts from ';'.
    assert scrkit("set", "agencies[police].address", "1 New Street; Ashcombe; AC1 1ZZ", "-r", review_dir).code == 0
    assert CaseFolder.open(review_dir).load().agencies.agencies[0].address == ["1 New Street", "Ashcombe", "AC1 1ZZ"]
    log = scrkit("log", "-r", review_dir).out
    assert "set agencies[police].address" in " ".join(log.split())


def test_a_value_the_model_refuses_writes_nothing(scrkit, review_dir: Path) -> None:
    before = (review_dir / "people.yaml").read_bytes()
    result = scrkit("set", "people.family[mother].gender", "femail", "-r", review_dir)
    # A refused change is bad input: nothing written, and no advice to edit a file (issue 15, item 3)
    assert result.code == ExitCode.BAD_INPUT and "Nothing was written" in result.err
    assert "Fix each line above" not in result.err
    assert "'femail' is not allowed here; write one of" in result.err
    assert (review_dir / "people.yaml").read_bytes() == before


def test_paths_that_are_not_fields_are_explained(scrkit, review_dir: Path) -> None:
    result = scrkit("set", "review.breifing.date", "1/1/2027", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "there is no field 'breifing' here" in result.err
    result = scrkit("set", "people.family[uncle].gender", "male", "-r", review_dir)
    assert "there is no entry with the id 'uncle'. The ids there are: mother, father" in result.err
    result = scrkit("set", "review.decision.outcome", "not-scr", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "its own command, which checks it: scrkit decide" in result.err
    result = scrkit("set", "minutes.date", "1/1/2027", "-r", review_dir)
    assert "does not start with a record's name. The records are: review, child, people" in result.err


def test_add_then_remove_a_family_member(scrkit, review_dir: Path) -> None:
    result = scrkit(
        "add", "people.family", "id=uncle", "name=Bob Hale", "relationship=Maternal uncle", "gender=male",
        "date_of_birth=03/05/1975", "-r", review_dir,
    )  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    uncle = next(m for m in CaseFolder.open(review_dir).load().people.family if m.id == "uncle")
    assert uncle.gender == "male" and str(uncle.date_of_birth) == "1975-05-03"
    again = scrkit("add", "people.family", "id=uncle", "name=Bob Hale", "relationship=Uncle", "-r", review_dir)
    assert again.code == ExitCode.BAD_INPUT and "already has an entry with the id 'uncle'" in again.err
    missing = scrkit("add", "people.family", "id=aunt", "-r", review_dir)
    assert missing.code == ExitCode.BAD_INPUT and "needs 'name'" in missing.err  # asked in a terminal
    assert scrkit("remove", "people.family[uncle]", "--yes", "-r", review_dir).code == ExitCode.OK
    assert "uncle" not in {m.id for m in CaseFolder.open(review_dir).load().people.family}


def test_removing_someone_the_review_still_names_is_refused(scrkit, review_dir: Path) -> None:
    before = (review_dir / "people.yaml").read_bytes()
    result = scrkit("remove", "people.family[mother]", "--yes", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT and "Nothing was written" in result.err
    assert "change or remove that first" in result.err
    assert "names 'mother' as a member of the household" in result.err
    assert (review_dir / "people.yaml").read_bytes() == before
    assert (
        scrkit("remove", "people.family[mother]", "-r", review_dir).code == ExitCode.BAD_INPUT
    )  # no --yes, no terminal


def test_a_record_that_is_one_list_takes_entries_by_its_name(scrkit, review_dir: Path) -> None:
    result = scrkit(
        "add", "agencies", "id=wrenbury-police", "name=Wrenbury Police", "kind=police", "lscb_member=no",
        "address=Wrenbury Police; 1 High St; Wrenbury; WR1 1AA", "-r", review_dir,
    )  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    agency = CaseFolder.open(review_dir).load().agencies.agencies[-1]
    assert agency.id == "wrenbury-police" and agency.address == ["Wrenbury Police", "1 High St", "Wrenbury", "WR1 1AA"]
    assert scrkit("set", "agencies[wrenbury-police].chief_officer.name", "Ann Birtles", "-r", review_dir).code == 0
    assert CaseFolder.open(review_dir).load().agencies.agencies[-1].chief_officer.name == "Ann Birtles"


def test_a_list_of_ids_typed_with_commas_is_refused_with_the_separator_to_use(scrkit, review_dir: Path) -> None:
    result = scrkit("set", "child.parents", "mother,father", "-r", review_dir)
    assert result.code != 0
    assert "separate its entries with semicolons, e.g. 'mother;father'" in result.err
    assert "Traceback" not in result.err and "unexpected" not in result.err


def test_a_list_set_in_memory_that_is_invalid_names_its_field_not_a_crash(scrkit, review_dir: Path) -> None:
    result = scrkit("set", "child.parents", "Mother;father", "-r", review_dir)
    assert result.code == ExitCode.BAD_INPUT, result.err
    # the file and field, not a line of a file that was never saved
    assert "child.yaml: parents[1]: 'Mother' is not a usable id" in result.err


def test_a_question_is_added_as_itself(scrkit, review_dir: Path) -> None:
    question = "How did agencies hear the voice of the child?"
    result = scrkit("add", "review.terms_of_reference.questions", question, "-r", review_dir)
    assert result.code == 0, result.err
    assert CaseFolder.open(review_dir).load().review.terms_of_reference.questions[-1] == question
    refused = scrkit("add", "review.terms_of_reference.questions", "one", "two", "-r", review_dir)
    assert refused.code != 0 and "holds single values" in refused.err


def test_an_imr_is_picked_by_its_agency(scrkit, review_dir: Path) -> None:
    assert scrkit("set", "imrs[police].directly_concerned", "no", "-r", review_dir).code == 0
    imr = next(imr for imr in CaseFolder.open(review_dir).load().imrs.imrs if imr.agency == "police")
    assert imr.directly_concerned is False
    missing = scrkit("set", "imrs[nobody].directly_concerned", "no", "-r", review_dir)
    assert "no entry with the id 'nobody'" in missing.err and "police" in missing.err


def test_entries_are_picked_by_the_field_they_are_known_by(scrkit, review_dir: Path) -> None:
    """An entry's key is its model's first required id: an IMR (one per agency) by its agency, a
    family member by its id; entries with no id are picked by number."""
    assert scrkit("set", "imrs[police].due", "20/01/2027", "-r", review_dir).code == ExitCode.OK
    imrs = CaseFolder.open(review_dir).load().imrs.imrs
    assert str(next(imr for imr in imrs if imr.agency == "police").due) == "2027-01-20"
    before = (review_dir / "imrs.yaml").read_bytes()
    again = scrkit("add", "imrs", "agency=police", "-r", review_dir)
    assert again.code == ExitCode.BAD_INPUT
    assert "'imrs' already has an entry with the agency 'police'." in again.err
    assert (review_dir / "imrs.yaml").read_bytes() == before
    no_id = scrkit("set", "people.relationships[mother].kind", "partners", "-r", review_dir)
    assert no_id.code == ExitCode.BAD_INPUT
    assert "the entries here have no id; pick one by its number, e.g. [1]" in no_id.err
    unknown = scrkit("set", "imrs[fire-service].due", "20/01/2027", "-r", review_dir)
    assert "there is no entry with the id 'fire-service'. The ids there are: police," in unknown.err


def test_setting_a_value_it_already_holds_says_so_and_logs_nothing(scrkit, review_dir: Path) -> None:
    """Found by a newcomer: `set` printed "Set" for a value unchanged, and the log had no entry for it."""
    from scrkit.review.audit import changes

    before = len(changes(review_dir))
    result = scrkit("set", "board.phone", "01632 960100", "-r", review_dir)  # the example's own number
    assert result.code == 0 and "Unchanged: board.phone" in result.err and "nothing was written" in result.err
    assert len(changes(review_dir)) == before
    result = scrkit("set", "board.phone", "01632 960199", "-r", review_dir)
    assert result.code == 0 and result.err.startswith("Set board.phone")
    assert len(changes(review_dir)) == before + 1
