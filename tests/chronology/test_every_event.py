"""Issue 14: every event the agencies send reaches the integrated chronology.

Dates are worked out by hand (day first, UK; App 14 2.4): 1 January 2026 is a Thursday, so 1 May
2026 (120 days on) is a Friday, 11 May 2026 a Monday and 22 April 2026 a Wednesday.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from scrkit.chronology.agency_names import AgencyNames
from scrkit.chronology.headings import HeadingIndex, match_heading
from scrkit.chronology.reading import read_return
from scrkit.chronology.written_dates import NoYear, Precision, parse_when
from scrkit.errors import ExitCode
from scrkit.models.agencies import Agency
from tests.chronology.conftest import csv_file, reading, workbook
from tests.conftest import replace_in

D, T = dt.date, dt.time
TODAY = D(2026, 11, 26)
AGENCIES = {"police": "Ashcombe Constabulary", "nursery": "Little Acorns Day Nursery"}


@pytest.mark.parametrize(
    "written, start, end, precision, time, uncertain",
    [
        ("14/01/2026 02:15", D(2026, 1, 14), None, Precision.DAY, T(2, 15), False),
        ("14/01/2026 at 2.15pm", D(2026, 1, 14), None, Precision.DAY, T(14, 15), False),
        ("14.1.26 1415hrs", D(2026, 1, 14), None, Precision.DAY, T(14, 15), False),
        ("2026-01-14T02:15:00", D(2026, 1, 14), None, Precision.DAY, T(2, 15), False),
        ("Mon 11th May 2026", D(2026, 5, 11), None, Precision.DAY, None, False),
        ("Wednesday, 22 April 2026", D(2026, 4, 22), None, Precision.DAY, None, False),
        ("14th of January, 2026", D(2026, 1, 14), None, Precision.DAY, None, False),
        ("w/c 11/05/2026", D(2026, 5, 11), D(2026, 5, 17), Precision.WEEK, None, False),
        ("week commencing 11 May 2026", D(2026, 5, 11), D(2026, 5, 17), Precision.WEEK, None, False),
        ("w/e 17/05/2026", D(2026, 5, 11), D(2026, 5, 17), Precision.WEEK, None, False),
        ("12-14/05/2026", D(2026, 5, 12), D(2026, 5, 14), Precision.RANGE, None, False),
        ("12/05/2026 - 03/06/2026", D(2026, 5, 12), D(2026, 6, 3), Precision.RANGE, None, False),
        ("between 12 and 14 May 2026", D(2026, 5, 12), D(2026, 5, 14), Precision.RANGE, None, False),
        ("May to June 2026", D(2026, 5, 1), D(2026, 6, 30), Precision.RANGE, None, False),
        ("2024-25", D(2024, 1, 1), D(2025, 12, 31), Precision.RANGE, None, False),
        ("early May 2026", D(2026, 5, 1), D(2026, 5, 10), Precision.PART_OF_MONTH, None, False),
        ("mid-June 2025", D(2025, 6, 11), D(2025, 6, 20), Precision.PART_OF_MONTH, None, False),
        ("late February 2024", D(2024, 2, 21), D(2024, 2, 29), Precision.PART_OF_MONTH, None, False),  # leap year
        ("late 2025", D(2025, 9, 1), D(2025, 12, 31), Precision.PART_OF_YEAR, None, False),
        ("Summer 2025", D(2025, 6, 1), D(2025, 8, 31), Precision.SEASON, None, False),
        ("winter 2025/26", D(2025, 12, 1), D(2026, 2, 28), Precision.SEASON, None, False),
        ("Autumn term 2025", D(2025, 9, 1), D(2025, 12, 31), Precision.SEASON, None, False),
        ("c. March 2025", D(2025, 3, 1), D(2025, 3, 31), Precision.MONTH, None, True),
        ("approx 03/2025", D(2025, 3, 1), D(2025, 3, 31), Precision.MONTH, None, True),
        ("14/01/2026?", D(2026, 1, 14), None, Precision.DAY, None, True),
        ("14/01/2026 (approx)", D(2026, 1, 14), None, Precision.DAY, None, True),
        ("?/05/2026", D(2026, 5, 1), D(2026, 5, 31), Precision.MONTH, None, False),
        ("00/05/2026", D(2026, 5, 1), D(2026, 5, 31), Precision.MONTH, None, False),
        ("xx/xx/2025", D(2025, 1, 1), D(2025, 12, 31), Precision.YEAR, None, False),
        ("14/1/26", D(2026, 1, 14), None, Precision.DAY, None, False),
        ("3/4/95", D(1995, 4, 3), None, Precision.DAY, None, False),  # '95 ahead of '26: last century
        ("14/01/2026 morning", D(2026, 1, 14), None, Precision.DAY, None, False),
        (dt.datetime(2026, 1, 14, 2, 15), D(2026, 1, 14), None, Precision.DAY, T(2, 15), False),
        (46036.09375, D(2026, 1, 14), None, Precision.DAY, T(2, 15), False),  # serial 46036 + 2h15m
    ],
)
def test_dates_and_times_as_people_write_them(
    written: object, start: dt.date, end: dt.date | None, precision: Precision, time: dt.time | None, uncertain: bool
) -> None:
    found, at = parse_when(written, today=TODAY)
    assert not isinstance(found, NoYear) and found is not None
    assert (found.date, found.end, found.precision, at, found.uncertain) == (start, end, precision, time, uncertain)


def test_a_date_cell_is_written_as_excel_shows_it_not_as_its_serial() -> None:
    found, _ = parse_when(46036.0, today=TODAY)
    assert found is not None and not isinstance(found, NoYear)
    assert found.original == "14/01/2026"  # never "46036" in "Date as written"


def test_a_weekday_that_does_not_match_the_date_is_flagged() -> None:
    found, _ = parse_when("Tue 11th May 2026", today=TODAY)
    assert found is not None and not isinstance(found, NoYear)
    assert found.date == D(2026, 5, 11)
    assert "written as a Tuesday, but 11/05/2026 is a Monday" in " ".join(found.flags())


@pytest.mark.parametrize("written", ["22/04", "Mon 11th May", "11th May", "May 11th", "3 April 10.30am"])
def test_a_day_and_month_without_a_year_waits_for_its_year(written: str) -> None:
    found, _ = parse_when(written, today=TODAY)
    assert isinstance(found, NoYear)


def read_rows(tmp_path: Path, rows: list[list[object]], name: str = "police.xlsx", **period: dt.date):  # noqa: ANN201
    return read_return(workbook(tmp_path / name, rows), reading(AGENCIES, TODAY, **period))


def test_years_are_inferred_from_the_rows_around_or_the_period_and_never_guessed(tmp_path: Path) -> None:
    result = read_rows(
        tmp_path,
        [
            ["Date", "Event"],
            ["14/04/2026", "Starts nursery"],
            ["22/04", "Bruise to arm"],
            ["Mon 11th May", "Bruise to cheek"],
            ["w/c 11/05/2026", "Collected late"],
            ["01/03", "An entry from some other year"],
        ],
        period_start=D(2025, 9, 1),
        period_end=D(2027, 6, 30),
    )
    by_text = {event.event: event.date for event in result.events}
    assert by_text["Bruise to arm"].date == D(2026, 4, 22)
    assert "year not written: 2026 inferred from the rows around it" in by_text["Bruise to arm"].flags()
    assert by_text["Bruise to cheek"].date == D(2026, 5, 11)
    # 1 March after 11 May 2026, inside a period running to June 2027: 2027 is the one year the row before
    # and the period leave.
    assert by_text["An entry from some other year"].date == D(2027, 3, 1)
    ambiguous = read_rows(
        tmp_path, [["Date", "Event"], ["01/03", "Alone"]], name="police2.xlsx",
        period_start=D(2025, 9, 1), period_end=D(2027, 6, 30),
    )  # fmt: skip
    [event] = ambiguous.events
    assert event.date.precision is Precision.UNDATED and event.date.original == "01/03"  # 2026 or 2027: not guessed
    assert any("neither the rows around it nor the period" in problem.reason for problem in ambiguous.problems)
    only_one = read_rows(
        tmp_path, [["Date", "Event"], ["25/12", "Christmas visit"]], name="police3.xlsx",
        period_start=D(2025, 9, 1), period_end=D(2026, 9, 14),
    )  # fmt: skip
    assert only_one.events[0].date.date == D(2025, 12, 25)
    assert "inferred from the period under review" in " ".join(only_one.events[0].date.flags())


def test_only_truly_empty_rows_are_skipped(tmp_path: Path) -> None:
    result = read_rows(
        tmp_path,
        [
            ["Date", "Event", "Note"],
            ["", "", ""],
            ["", "", "a note on its own"],
            ["03/02/2026", "", ""],
            ["see above", "Text with no date", ""],
            ["", "No date at all", ""],
        ],
    )
    assert [(event.source_row, event.date.precision, event.event) for event in result.events] == [
        (3, Precision.UNDATED, ""),
        (4, Precision.DAY, ""),
        (5, Precision.UNDATED, "Text with no date"),
        (6, Precision.UNDATED, "No date at all"),
    ]
    assert result.events[2].date.original == "see above"


@pytest.mark.parametrize(
    "heading, keys",
    [
        ("Date/Time", ("date", "time")),
        ("Date & time", ("date", "time")),
        ("Details of Incident/Contact", ("event",)),
        ("CLINICAL DETAILS", ("event",)),
        ("PATIENT/FAMILY", ("family_member",)),
        ("What we did", ("action",)),
        ("Officer Comments", ("note",)),
        ("Person(s) involved", ("family_member",)),
        ("Familly member", ("family_member",)),  # misspelt: rapidfuzz's ratio
        ("Entry date", ("date",)),
    ],
)
def test_headings_as_agencies_word_them(heading: str, keys: tuple[str, ...]) -> None:
    found = match_heading(heading, HeadingIndex.build())
    assert found is not None and found.keys == keys


@pytest.mark.parametrize("heading", ["Date of birth", "NHS number", "Ethnicity", "Officer in case", "Risk level"])
def test_headings_of_no_app7_column_are_not_forced_into_one(heading: str) -> None:
    assert match_heading(heading, HeadingIndex.build()) is None


def test_a_return_with_no_heading_row_names_the_headings_it_saw_and_those_it_missed(tmp_path: Path) -> None:
    result = read_rows(tmp_path, [["Ref", "Occurred", "Narrative"], ["1", "02/02/2026", "x"]])
    [problem] = [problem for problem in result.problems if not problem.note]
    assert not result.readable
    assert "'Ref', 'Occurred', 'Narrative'" in problem.reason and "not found: Date" in problem.reason
    assert "chronology-headings.yaml" in problem.reason


def test_a_close_heading_is_reported_with_its_score(tmp_path: Path) -> None:
    result = read_rows(tmp_path, [["Date", "CLINICAL DETAILS OF CONTACT"], ["02/02/2026", "Seen in clinic"]])
    assert result.events[0].event == "Seen in clinic"
    [note] = [problem for problem in result.problems if problem.column == "CLINICAL DETAILS OF CONTACT"]
    assert note.note and "read as 'Event'" in note.reason and "score" in note.reason


def test_extra_columns_and_unheaded_cells_are_kept_with_their_event(tmp_path: Path) -> None:
    result = read_rows(
        tmp_path,
        [["Date", "Event", "Officer in case", "Risk level"], ["02/02/2026", "Visit", "PC Hale", "High", "stray note"]],
    )
    assert result.events[0].other == (
        ("Officer in case", "PC Hale"),
        ("Risk level", "High"),
        ("Column E", "stray note"),
    )


def agencies_of(*entries: dict[str, object]) -> AgencyNames:
    return AgencyNames.of(Agency.model_validate({"kind": "other", **entry}) for entry in entries)


def test_returns_find_their_agency_by_id_name_short_name_alias_or_a_close_name() -> None:
    names = agencies_of(
        {"id": "police", "name": "Ashcombe Constabulary"},
        {"id": "nursery", "name": "Little Acorns Day Nursery Ltd", "short_name": "Little Acorns"},
        {"id": "hospital", "name": "Ashcombe Hospitals NHS Foundation Trust", "aliases": ["ED", "A&E"]},
    )
    assert names.find("police chronology v2", "file name").agency == "police"
    assert names.find("Little Acorns SCR log", "file name").agency == "nursery"  # its short name
    assert names.find("A&E return", "file name").agency == "hospital"  # an alias
    close = names.find("Hospital trust chronology", "file name")
    assert close is not None and close.agency == "hospital"
    assert names.find("Ashcombe return", "file name") is None  # every agency is Ashcombe's: no guess
    assert "police" in names.suggestions("Constabulary log")


def test_an_unmatched_return_names_the_agencies_it_could_be_and_a_review_with_none_says_so(tmp_path: Path) -> None:
    path = workbook(tmp_path / "return.xlsx", [["Date", "Event"], ["02/02/2026", "x"]])
    result = read_return(path, reading(AGENCIES, TODAY))
    [problem] = [problem for problem in result.problems if not problem.note]
    assert "police" in problem.reason and "nursery" in problem.reason and "scrkit agencies alias" in problem.reason
    assert result.events  # its rows were still read: every problem of a return comes out in one run
    empty = read_return(path, reading({}, TODAY))
    [problem] = [problem for problem in empty.problems if not problem.note]
    assert "this review has no agencies in agencies.yaml yet" in problem.reason


def test_the_template_agency_line_names_the_agency(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "export.csv", [["Agency: Little Acorns Day Nursery"], [], ["Date", "Event"],
                                               ["02/02/2026", "Seen"]])  # fmt: skip
    assert read_return(path, reading(AGENCIES, TODAY)).agency == "nursery"


def write_review_returns(review: Path, returns: dict[str, list[list[object]]]) -> None:
    folder = review / "chronology" / "returns"
    for old in folder.iterdir():
        old.unlink()
    for name, rows in returns.items():
        workbook(folder / name, rows)


def chronology_rows(review: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(review / "chronology" / "integrated-chronology.xlsx")["Chronology"]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_names_typed_for_family_members_find_the_same_visit_recorded_twice(scrkit, review_dir: Path) -> None:
    write_review_returns(review_dir, {
        "police.xlsx": [["Date", "Family Member", "Event"],
                        ["02/03/2026", "M", "Home visit to mother after the call, bruise on her arm seen"],
                        ["03/03/2026", "Auntie Sue", "Call from an aunt"]],
        "community-health.xlsx": [["Date", "Person(s) involved", "Event"],
                                  ["02/03/2026", "Jodie Fenwick", "Home visit: mother, bruise on her arm seen"],
                                  ["04/03/2026", "Mum and Mia", "Clinic"]],
    })  # fmt: skip
    result = scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    assert result.code == ExitCode.OK, result.err
    rows = {row["Event"]: row for row in chronology_rows(review_dir) if row["Event"]}
    second = rows["Home visit: mother, bruise on her arm seen"]
    assert second["Family Member"] == "M" and second["Possible duplicate of"]
    assert "Family member as written: Jodie Fenwick" in str(second["Other information"])
    assert rows["Clinic"]["Family Member"] == "M, C"
    assert "family member 'Auntie Sue' is not in the people records" in str(rows["Call from an aunt"]["Flags"])


def test_outputs_carry_agency_flags_other_information_and_the_undated_section(scrkit, review_dir: Path) -> None:
    write_review_returns(review_dir, {
        "police.xlsx": [["Date/Time", "Details of Incident/Contact", "Officer in case"],
                        ["14/01/2026 02:15", "Call to the house", "PC Hale"],
                        ["unknown", "Historic allegation", ""],
                        ["w/c 11/05/2026", "Week of calls", ""]],
    })  # fmt: skip
    scrkit("merge-chronology", "-r", review_dir, "--docx", "--today", "2026-11-26")
    rows = chronology_rows(review_dir)
    assert [row["Event"] for row in rows] == [
        "Call to the house", "Week of calls", None, "Historic allegation",
    ]  # fmt: skip
    call, week, heading, undated = rows
    assert (call["Date"], call["Time"], call["Agency"]) == (dt.datetime(2026, 1, 14), dt.time(2, 15),
                                                             "Ashcombe Constabulary")  # fmt: skip
    assert call["Other information"] == "Officer in case: PC Hale"
    assert week["Date"] == "w/c 11/05/2026" and "date known to the week only" in week["Flags"]
    assert str(heading["Event No"]).startswith("Undated events")
    assert undated["Date"] == "No date" and undated["Date as written"] == "unknown"
    table = Document(str(review_dir / "chronology" / "integrated-chronology.docx")).tables[0]
    headings = [cell.text for cell in table.rows[0].cells]
    assert "Agency" in headings and "Flags" in headings
    texts = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert texts[0][headings.index("Agency")] == "Ashcombe Constabulary"
    assert "date known to the week only" in texts[1][headings.index("Flags")]
    assert texts[2][0].startswith("Undated events")  # one row across the table
    assert "(written: unknown)" in texts[3][headings.index("Date")]
    assert "Officer in case: PC Hale" in texts[0][headings.index("Note and other information")]


def test_a_board_or_review_teaches_scrkit_its_headings_without_touching_the_package(scrkit, review_dir: Path) -> None:
    write_review_returns(review_dir, {"police.xlsx": [["Date", "Happenings"], ["02/03/2026", "A visit"]]})
    refused = scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    assert refused.code == ExitCode.PROBLEMS_FOUND and "'Happenings'" in refused.err
    wordings = review_dir / "templates" / "chronology-headings.yaml"
    wordings.write_text("headings:\n  event: [Happenings]\n", encoding="utf-8")
    assert scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26").code == ExitCode.OK
    assert [row["Event"] for row in chronology_rows(review_dir)] == ["A visit"]
    replace_in(wordings, "event:", "happening:")
    bad = scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    assert bad.code == ExitCode.PROBLEMS_FOUND
    assert "chronology-headings.yaml:2" in bad.err and "'happening' is not an Appendix 7 column" in bad.err


def test_a_return_under_a_name_no_record_holds_is_matched_once_the_name_is_given(scrkit, review_dir: Path) -> None:
    replace_in(review_dir / "agencies.yaml", "    aliases: [Little Acorns Nursery]", "")
    write_review_returns(review_dir, {"Little Acorns SCR log.xlsx": [["Date", "Event"], ["02/03/2026", "Bruise seen"]]})
    refused = scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26")
    assert refused.code == ExitCode.PROBLEMS_FOUND
    assert "cannot tell which agency sent this return" in refused.err
    assert 'scrkit agencies alias ID "Little Acorns SCR log"' in refused.err
    added = scrkit("agencies", "alias", "brookside-primary", "Little Acorns", "-r", review_dir)
    assert added.code == ExitCode.OK and "Brookside Primary School" in added.out
    assert "aliases: [Little Acorns]" in (review_dir / "agencies.yaml").read_text(encoding="utf-8")
    taken = scrkit("agencies", "alias", "police", "Little Acorns", "-r", review_dir)
    assert taken.code != ExitCode.OK and "already names another agency, brookside-primary" in taken.err
    assert scrkit("merge-chronology", "-r", review_dir, "--today", "2026-11-26").code == ExitCode.OK
    [row] = chronology_rows(review_dir)
    assert row["Agency"] == "Brookside Primary School"
