"""The people register and the text anonymiser, on the example review."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrkit.anonymise.register import address_forms, build_register, name_forms
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import BadInput
from scrkit.review.casefolder import CaseFolder
from tests.conftest import replace_in


def anonymiser_for(review_dir: Path) -> Anonymiser:
    return Anonymiser(build_register(CaseFolder.open(review_dir).load()))


def test_name_forms() -> None:
    assert name_forms("Dr Helen Yarrow") == (
        "Dr Helen Yarrow",
        "Helen Yarrow",
        "Helen",
        "HYarrow",  # as user names and email addresses run them together
        "HelenYarrow",
        "Yarrow",
        "H. Yarrow",
        "H Yarrow",
    )
    forms = name_forms("Marcus Adeyemi-Hart")
    assert {"Marcus Adeyemi-Hart", "Marcus", "Adeyemi-Hart", "Adeyemi", "Hart"} <= set(forms)
    assert {"Mia-Rose", "Mia Rose"} <= set(name_forms("Mia-Rose Fenwick"))


def test_address_forms() -> None:
    assert address_forms(["27 Quillan Close", "Harrowfield", "Ashcombe", "AC4 7QZ"]) == (
        "27 Quillan Close", "Quillan Close", "27 Quillan Cl", "27 Quillan Clo", "Quillan Cl", "Quillan Clo",
        "Harrowfield", "AC4 7QZ",
    )  # fmt: skip


def test_who_is_named_and_who_is_not(example_records) -> None:  # noqa: ANN001
    register = build_register(example_records)
    replacements = {person.names[0]: person.replacement for person in register.people}
    assert replacements["Mia-Rose Fenwick"] == "Child A"
    assert replacements["Dr Helen Yarrow"] == "Professional 3"
    assert replacements["DCI Ruth Kavanagh"] == "Detective Chief Inspector, Ashcombe Constabulary"  # panel member
    assert set(register.exempt) == {"Professor Margaret Ellery", "Graham Tolland", "Ruth Castellan"}  # 1.9.1


def test_text_replacements(example_records) -> None:  # noqa: ANN001
    anonymiser = Anonymiser(build_register(example_records))
    text = (
        "MIA-ROSE (known as Mimi) was seen by Dr Helen Yarrow. Jodie's partner liam ostrow shouted. "
        "Jodie Pryor, born 22/07/1999, of 27 Quillan Close, AC4 7QZ. Kieran Bracewell' car. "
        "The Fenwick family. Graham Tolland chaired; Ruth Castellan wrote the report."
    )
    assert anonymiser.text(text) == (
        "Child A was seen by Professional 3. Mother's partner Mother's partner shouted. "
        "Mother, born [date of birth], of [address]. Father's car. "
        "The [family name] family. Graham Tolland chaired; Ruth Castellan wrote the report."
    )


def test_dates_of_birth_in_every_common_form(example_records) -> None:  # noqa: ANN001
    anonymiser = Anonymiser(build_register(example_records))
    for written in ("11/03/2024", "11.3.24", "2024-03-11", "11 March 2024", "11th of March 2024", "11-Mar-24",
                    "March 11, 2024"):  # fmt: skip
        assert anonymiser.text(f"born {written}.") == "born [date of birth].", written


def test_words_containing_a_name_are_left_alone(example_records) -> None:  # noqa: ANN001
    anonymiser = Anonymiser(build_register(example_records))
    assert anonymiser.text("Caroline and Liamson met at Tylerton.") == "Caroline and Liamson met at Tylerton."


def test_a_pseudonym_that_is_also_a_name_is_refused(review_dir: Path) -> None:
    replace_in(review_dir / "people.yaml", "    pseudonym: Father\n", "    pseudonym: Jodie\n")
    with pytest.raises(BadInput, match="'Jodie'"):
        anonymiser_for(review_dir)


def test_pseudonyms_are_suggested_in_the_usual_style(review_dir: Path) -> None:
    """Child A; the child's brothers and sisters Sibling 1, 2 ...; other children Child B ...; adults
    Adult B, C ... (letters after the child's A); a role is not a pseudonym (issue 12, item 6)."""
    from scrkit.jobs.anonymise import suggest_pseudonyms

    people = review_dir / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text("\n".join(line for line in text.splitlines() if "pseudonym:" not in line) + "\n", "utf-8")
    child = review_dir / "child.yaml"
    child.write_text(
        "\n".join(line for line in child.read_text("utf-8").splitlines() if "pseudonym:" not in line) + "\n", "utf-8"
    )
    suggested = dict(suggest_pseudonyms(review_dir))
    # Worked out by hand from the example's people.yaml, in its order. The half-brother's father is an
    # adult, not a sibling; the miscarriage is never named; Riley Ostrow, born 22/04/2015, was 11 on
    # the day of the incident (14/09/2026): a child, and no sibling of the subject child.
    assert suggested == {
        "child": "Child A", "mother": "Adult B", "father": "Adult C", "mothers-partner": "Adult D",
        "half-brother": "Sibling 1", "maternal-grandmother": "Adult E", "maternal-grandfather": "Adult F",
        "great-grandmother": "Adult G", "great-grandfather": "Adult H", "tyler-father": "Adult I",
        "fathers-partner": "Adult J", "half-sister-1": "Sibling 2", "half-sister-2": "Sibling 3",
        "partners-child": "Child K",
        "hv-1": "Professional 1", "sw-1": "Professional 2", "gp-1": "Professional 3", "pc-1": "Professional 4",
        "teacher-1": "Professional 5", "ed-1": "Professional 6",
    }  # fmt: skip


def test_a_title_before_a_name_goes_with_it(example_records) -> None:  # noqa: ANN001
    anonymiser = Anonymiser(build_register(example_records))
    assert anonymiser.text("Det Supt Sandra Okafor met Mrs Jodie Fenwick; her sister Jodie Fenwick; Mr Fenwick.") == (
        "Review Officer, Professional Standards, Ashcombe Constabulary met Mother; her sister Mother; Mr [family name]."
    )


def test_a_job_title_in_a_name_field_names_nobody_and_is_not_anonymised() -> None:
    from scrkit.anonymise.register import is_a_role

    # An IMR's quality assurer or signing officer is often written as a role (App 14 4.4).
    for role in ("Head of Service", "Deputy Chief Constable", "Director of Children's Services", "Chief Executive"):
        assert is_a_role(role), role
    # One word that is not a job title's and it is someone's name, to be anonymised.
    for name in ("Karen Lowe", "Head of Service Tom Rydal", "Dr Amy Head", ""):
        assert not is_a_role(name), name


def test_a_job_title_written_before_a_name_is_not_a_form_of_it(review_dir: Path) -> None:
    """`name=Chief Executive Nadia Orme` made "Executive" a first name: "the executive summary" became
    "the Chief Officer, ... summary" in a notification for Ofsted."""
    replace_in(review_dir / "agencies.yaml", "name: Chief Constable Alan Brereton", "name: Chief Executive Nadia Orme")
    assert name_forms("Director of Children's Services Paul Imrie")[:3] == (
        "Director of Children's Services Paul Imrie", "Paul Imrie", "Paul",
    )  # fmt: skip
    anonymiser = anonymiser_for(review_dir)
    text = "The executive summary will go to the Director of Services. Nadia Orme agreed; so did Ms Orme."
    cleaned = anonymiser.text(text)
    assert cleaned.startswith("The executive summary will go to the Director of Services. ")
    assert "Nadia" not in cleaned and "Orme" not in cleaned
    assert "Dean" in name_forms("Dean Smith")  # two words are a name, whatever the first one is


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Jodies care was poor", "Mother's care was poor"),  # a possessive without its apostrophe
        ("Kierans flat", "Father's flat"),
        ("x-rays showed nothing", "x-rays showed nothing"),  # a bare s after a lower-case word is no name
        ("the Bracewells moved", "the [family name] moved"),  # the family's plural stays a family
        ("Brace-\nwell and Fen- wick", "[family name] and [family name]"),  # hyphenated across a line
        ("Mia\u2013Rose was seen", "Child A was seen"),  # an en dash typed for the hyphen
        ("pre- and post-natal", "pre- and post-natal"),
    ],
)
def test_name_forms_a_business_manager_types_are_found(example_records, typed: str, expected: str) -> None:
    """Found by a red team in the executive summary (issue 16): each came through unchanged."""
    anonymiser = Anonymiser(build_register(example_records))
    assert anonymiser.text(typed) == expected


def test_a_name_with_an_apostrophe_is_found_without_it(example_records) -> None:
    """The example's Headteacher is Mrs Janet O'Rourke (agencies.yaml): typed ORourke or O Rourke too."""
    anonymiser = Anonymiser(build_register(example_records))
    for typed in ("O'Rourke", "ORourke", "O Rourke", "O\u2019Rourke"):
        assert "Rourke" not in anonymiser.text(f"Mrs {typed} said"), typed


def test_a_first_name_the_overview_author_shares_is_nobodys(example_records) -> None:
    """'Ruth' alone may be the overview author (named) or a professional (anonymised): neither."""
    anonymiser = Anonymiser(build_register(example_records))
    assert anonymiser.text("Ruth said so") == "[name] said so"
    assert anonymiser.text("Ruth Castellan wrote it") == "Ruth Castellan wrote it"
