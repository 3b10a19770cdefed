"""At 80 columns no id people type, date or state is broken or cut (issue 15, item 7): "childre…",
"22/01/20" + "27" were seen. A table that does not fit lists its rows instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scrkit.review.casefolder import CaseFolder

DATE = re.compile(r"\d{2}/\d{2}/\d{4}")
CUT_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/?\d{0,3}(?![\d/])|\d{2}/\d{2}/\d{4}\d")


@pytest.mark.parametrize("command", [("agencies",), ("imr",), ("actions",), ("letters",)])
def test_ids_dates_and_states_are_whole_at_80_columns(
    scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = scrkit(*command, "--today", "04/12/2026", "-r", review_dir) if command[0] in ("imr", "actions") else \
        scrkit(*command, "-r", review_dir)  # fmt: skip
    lines = result.out.splitlines()
    assert lines and all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert "\u2026" not in result.out  # nothing cut with an ellipsis
    assert not CUT_DATE.search(result.out), CUT_DATE.search(result.out)
    tokens = set(re.split(r"[\s,:;()]+", result.out))
    records = CaseFolder.open(review_dir).load()
    if command[0] == "agencies":
        for agency in records.agencies.agencies:
            assert agency.id in tokens, agency.id
            if agency.reply_date:
                assert agency.reply_date.strftime("%d/%m/%Y") in tokens
    if command[0] == "imr":
        assert "22/01/2027" in tokens and "commissioned" in tokens
    if command[0] == "letters":
        assert {"scr-request", "practitioner-debriefing", "review.practitioner_debriefing.date"} <= tokens
    if command[0] == "actions":
        assert {"rec-1", "rec-2", "20/11/2026"} <= tokens


def test_wide_terminals_keep_the_table(scrkit, review_dir: Path) -> None:
    result = scrkit("imr", "--today", "04/12/2026", "-r", review_dir)  # 160 columns
    header = next(line for line in result.out.splitlines() if "submitted" in line)
    assert "agency" in header and "quality assured" in header and "state" in header


@pytest.mark.parametrize("columns", ["80", "160"])
def test_several_reviews_keep_ids_and_dates_whole(
    scrkit, review_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """The portfolio view (`scrkit status A B`): "monthly-upd" + "ate-2" and "07/04/2027" + "." were seen."""
    import shutil

    monkeypatch.setenv("COLUMNS", columns)
    other = tmp_path / "second-review-with-a-long-folder-name"
    shutil.copytree(review_dir, other)
    result = scrkit("status", review_dir, other, "--today", "04/12/2026")
    lines = result.out.splitlines()
    assert all(len(line) <= int(columns) for line in lines), max(lines, key=len)
    assert not CUT_DATE.search(result.out), CUT_DATE.search(result.out)
    tokens = set(re.split(r"[\s,:;()]+", result.out))
    # The example on 04/12/2026: family-notified overdue; the 2nd monthly update due 07/12/2026
    # (decision 07/10/2026 + 2 months); completion 07/04/2027 (the decision + 6 months, 7.1.2).
    assert {"SCR-2026-03", "family-notified", "monthly-update-2", "07/12/2026", "07/04/2027"} <= tokens
    assert result.out.count("monthly-update-2 07/12/2026") == 2


def test_the_audit_log_keeps_file_names_and_milestone_ids_whole_at_80_columns(
    scrkit, review_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "timeline.yam" + "l" and "alternative-c" + "oncluded" were seen.
    assert scrkit("done", "family-notified", "--date", "20/10/2026", "-r", review_dir).code == 0
    monkeypatch.setenv("COLUMNS", "80")
    result = scrkit("log", "-r", review_dir)
    lines = result.out.splitlines()
    assert lines and all(len(line) <= 80 for line in lines), max(lines, key=len)
    tokens = set(re.split(r"[\s,:;()]+", result.out))
    assert {"timeline.yaml", "family-notified", "2026-10-20"} <= tokens


def test_a_table_of_dashes_keeps_its_headings_and_names_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """IMRs before any was submitted: the values are "-" but the headings are not; "Harl/ow/Vale/Poli/ce"
    and "agen/cy" were seen when only the headings' longest words were counted."""
    from scrkit.cli.terminal import stdout, table_of

    monkeypatch.setenv("COLUMNS", "80")
    headings = ["agency", "author", "due", "submitted", "quality assured", "signed off", "state"]
    rows = [["Harlow Vale Police", "-", "-", "-", "-", "-", "not-commissioned"]]
    stdout().print(table_of("IMRs, SCR-2026-09", headings, rows, whole=headings[2:]))
    out = capsys.readouterr().out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "Harlow Vale Police" in out and "quality assured" in out and "not-commissioned" in out


def test_a_heading_naming_a_deep_folder_folds_at_80_columns(
    scrkit, review_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review deep on a network drive: "Audit log: <path>" ran past the terminal's edge."""
    import shutil

    deep = tmp_path / ("Safeguarding Board shared drive " * 3).strip() / "Serious Case Reviews" / "SCR-2026-03"
    shutil.copytree(review_dir, deep)
    assert scrkit("done", "family-notified", "--date", "20/10/2026", "-r", deep).code == 0
    monkeypatch.setenv("COLUMNS", "80")
    result = scrkit("log", "-r", deep)
    lines = result.out.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert "timeline.yaml" in result.out and "family-notified" in result.out
