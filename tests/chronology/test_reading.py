"""Reading returns as they arrive: headings, dates, blank rows, and what cannot be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrkit.chronology.reading import read_return
from scrkit.chronology.written_dates import Precision
from tests.chronology.conftest import APP7, csv_file, reading, workbook

AGENCIES = {"police": "Ashcombe Constabulary", "community-health": "Ashcombe Community Health NHS Trust"}
TODAY = dt.date(2026, 11, 26)


def test_reworded_headings_in_any_case(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "police.xlsx",
        [
            [
                "NO.",
                "Date of event",
                "TIME",
                "age",
                "Family member(s)",
                "Seen?",
                "EVENT DETAILS",
                "Agency",
                "Action",
                "Notes",
            ],
            [1, "03/04/2026", "14.30", "", "M", "yes", "Home visit", "Case file", "None", ""],
        ],
    )
    result = read_return(path, reading(AGENCIES, TODAY))
    assert result.readable and result.agency == "police"
    assert result.problems == []
    [event] = result.events
    assert (event.date.date, event.time, event.family_member, event.child_seen) == (
        dt.date(2026, 4, 3),
        dt.time(14, 30),
        "M",
        True,
    )
    assert (event.event, event.source, event.action, event.source_row) == ("Home visit", "Case file", "None", 2)


def test_heading_row_below_a_preamble_names_the_agency(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "return from health.xlsx",
        [
            ["Health visiting chronology"],
            ["Agency", "Ashcombe Community Health NHS Trust"],
            [],
            APP7,
            [1, dt.date(2026, 6, 8), dt.time(15, 30), "", "C", "Y", "Bruise seen", "HV record", "", ""],
        ],
    )
    result = read_return(path, reading(AGENCIES, TODAY))
    assert result.agency == "community-health"
    assert result.events[0].source_row == 5


def test_missing_and_unknown_columns_are_reported(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "police.xlsx",
        [["Date", "Event", "Risk level"], ["01/02/2026", "Something happened", "High"]],
    )
    result = read_return(path, reading(AGENCIES, TODAY))
    notes = {(problem.column, problem.reason.split(":")[0]) for problem in result.problems if problem.note}
    assert ("Risk level", "not an Appendix 7 column") in notes
    [missing] = [problem.reason for problem in result.problems if "columns not in the return" in problem.reason]
    assert "'Time'" in missing and "'Event No'" in missing and "'Date'" not in missing
    assert result.problem_count == 0  # a return without every column is not at fault: it is said, not counted
    [event] = result.events
    assert event.other == (("Risk level", "High"),)  # an extra column's value travels with its event


def test_unreadable_rows_are_reported_with_file_sheet_row_column_value(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "police.xlsx",
        [
            APP7,
            [1, "31/06/2025", "", "", "C", "", "Missed review", "", "", ""],
            [2, "01/07/2025", "lunchtime", "", "C", "maybe", "Seen at clinic", "", "", ""],
            [],
            [3, None, "", "", "C", "", "No date given", "", "", ""],
            [4, "02/07/2025", "", "", "C", "", "", "", "", ""],
        ],
        title="Log",
    )
    result = read_return(path, reading(AGENCIES, TODAY))
    described = [str(problem) for problem in result.problems]
    assert (
        "police.xlsx, sheet 'Log', row 2, column 'Date' ('31/06/2025'): '31/06/2025' is not a real date" in described[0]
    )
    assert "the event is kept, under Undated events" in described[0]
    assert any("row 3, column 'Time' ('lunchtime')" in line and "part of the day" in line for line in described)
    assert any("row 3, column 'Child seen" in line and "'maybe' is not Y or N" in line for line in described)
    assert any("row 5, column 'Date': the row has no date" in line for line in described)
    assert any("row 6, column 'Event': the row has no event text" in line for line in described)
    # Every row with anything in it is kept (only the blank row is skipped): undated, or without text.
    assert [(e.source_row, e.date.precision) for e in result.events] == [
        (2, Precision.UNDATED), (3, Precision.DAY), (5, Precision.UNDATED), (6, Precision.DAY),
    ]  # fmt: skip
    clinic = result.events[1]
    assert (clinic.time, clinic.child_seen) == (None, None)
    assert clinic.other == (("Time as written", "lunchtime"), ("Child seen as written", "maybe"))
    assert result.events[0].date.original == "31/06/2025"  # the text as written travels with it


def test_1904_workbook_serials(tmp_path: Path) -> None:
    serial = (dt.date(2026, 6, 9) - dt.date(1904, 1, 1)).days
    path = workbook(
        tmp_path / "police.xlsx", [APP7, [1, serial, None, "", "C", "", "Letter filed", "", "", ""]], epoch1904=True
    )
    assert read_return(path, reading(AGENCIES, TODAY)).events[0].date.date == dt.date(2026, 6, 9)


def test_csv_from_excel_on_windows(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "police.csv",
        [["date", "event", "time"], ["14-Sep-26", "Paediatric café review", "5.05pm"], ["April 2026", "Partial", ""]],
        encoding="cp1252",
    )
    result = read_return(path, reading(AGENCIES, TODAY))
    assert [e.event for e in result.events] == ["Paediatric café review", "Partial"]
    assert result.events[0].time == dt.time(17, 5)
    assert result.events[1].date.precision is Precision.MONTH


def test_semicolon_csv(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "police.csv", [["Date", "Event"], ["07/01/2026", "Logged; DSL informed"]], delimiter=";")
    assert read_return(path, reading(AGENCIES, TODAY)).events[0].event == "Logged; DSL informed"


def test_whose_return_it_is_comes_from_the_file_name(tmp_path: Path) -> None:
    path = workbook(tmp_path / "Ashcombe Constabulary return.xlsx", [["Date", "Event"], ["07/01/2026", "x"]])
    assert read_return(path, reading(AGENCIES, TODAY)).agency == "police"
    unnamed = workbook(tmp_path / "return.xlsx", [["Date", "Event"], ["07/01/2026", "x"]])
    result = read_return(unnamed, reading(AGENCIES, TODAY))
    [problem] = [problem for problem in result.problems if not problem.note]
    assert not result.readable and "cannot tell which agency" in problem.reason
    assert "police" in problem.reason and "community-health" in problem.reason  # the agencies it could be


def test_no_heading_row(tmp_path: Path) -> None:
    path = workbook(tmp_path / "police.xlsx", [["Name", "Address"], ["x", "y"]])
    result = read_return(path, reading(AGENCIES, TODAY))
    [problem] = [problem for problem in result.problems if not problem.note]
    assert not result.readable and "no heading row" in problem.reason


def test_hidden_sheets_are_not_merged_but_said(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    hidden = book.active
    hidden.title = "Old"
    hidden.append(["Date", "Event"])
    hidden.append(["01/01/2020", "Stale draft"])
    hidden.sheet_state = "hidden"
    visible = book.create_sheet("Current")
    visible.append(["Date", "Event"])
    visible.append(["02/01/2026", "Current entry"])
    book.save(tmp_path / "police.xlsx")
    result = read_return(tmp_path / "police.xlsx", reading(AGENCIES, TODAY))
    assert [e.event for e in result.events] == ["Current entry"]
    [problem] = [problem for problem in result.problems if not problem.note]
    assert problem.sheet == "Old" and "hidden" in problem.reason and "1 row(s)" in problem.reason
