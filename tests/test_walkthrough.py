"""The README's walk-through of one whole review, run exactly as written (issue 15, item 2): every
line is a command a business manager types, and every one must succeed, so nothing the guidance asks
needs a hand edit of YAML."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shlex
from pathlib import Path

import openpyxl
import pytest

from scrkit.cli import main
from scrkit.resources import completed_review
from scrkit.review.casefolder import CaseFolder

ROOT = Path(__file__).resolve().parents[1]


def _walkthrough_tool():  # noqa: ANN202 - the maintainers' script that also builds the completed example
    spec = importlib.util.spec_from_file_location(
        "make_completed_example", ROOT / "tools" / "make_completed_example.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _walkthrough_tool()
script, agencies_fill_in_their_templates, AGENCIES_REPLY = (
    TOOL.script, TOOL.agencies_fill_in_their_templates, TOOL.AGENCIES_REPLY
)  # fmt: skip


def test_the_readme_walks_a_whole_review_from_referral_to_export_with_commands_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("SCRKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    lines = script()
    assert sum(line.startswith("scrkit ") for line in lines) >= 80, "the walk-through has lost its steps"
    events: list[str] = []
    for number, line in enumerate(lines, start=1):
        if line == AGENCIES_REPLY:
            events = agencies_fill_in_their_templates(Path.cwd())
            continue
        if not line.strip() or line.startswith("#"):
            continue
        words = shlex.split(line)
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
            continue
        assert words[0] == "scrkit", f"README walk-through line {number} is not a scrkit command: {line}"
        capsys.readouterr()
        code = main(words[1:])
        out, err = capsys.readouterr()
        assert code == 0, f"README walk-through line {number} failed (exit {code}): {line}\n{err}"
        assert "Traceback" not in err
    review = Path.cwd()
    # The end as the README says it is: every milestone judged, nothing overdue, the pack checked.
    records = CaseFolder.open(review).load()
    # Approved, sent to Ofsted (14.1.5), the summary published (13.3.7), the plan signed off (17.1.2).
    assert records.review.status.value == "closed"
    done = {name: entry.done for name, entry in records.timeline.milestones.items()}
    assert done["completion"] is not None and done["submit-ofsted"] is not None
    # Nothing late, nothing overdue: only the papers' retention review is to come (15.1.5).
    assert "24 done, 1 upcoming" in _run(["status"], capsys)
    assert records.overview.after.evaluation_studied_on == dt.date(2026, 10, 27)  # 18.1.2
    assert [meeting.id for meeting in records.meetings.meetings] == ["panel-1"]
    assert (review / "letters" / "2026-03-20 panel-minutes panel-1.docx").is_file()
    assert len(events) == 3
    chronology = openpyxl.load_workbook(review / "chronology" / "integrated-chronology.xlsx")
    merged = "\n".join(str(cell) for row in chronology.worksheets[0].iter_rows(values_only=True) for cell in row)
    assert all(event in merged for event in events), "an agency's event is missing from the merged chronology"
    pack = review / "exports" / "2026-09-16 ofsted"
    assert (pack / "integrated-chronology.xlsx").is_file()
    assert "The audit log of . is intact" in _run(["log", "--verify"], capsys)
    assert "is valid: 14 records checked" in _run(["validate"], capsys)
    # The completed example `scrkit demo` shows is what this walk-through makes (tools/make_completed_example.py).
    completed = completed_review()
    for record in sorted(review.glob("*.yaml")):
        assert (completed / record.name).read_bytes() == record.read_bytes(), (
            f"{record.name} differs from examples/{completed.name}: run tools/make_completed_example.py"
        )
    # The end of the review (13.1-14.1): two drafts, every author's answer, the summary final, the adoption.
    overview = records.overview
    assert [draft.version for draft in overview.drafts] == ["1", "2"]
    answers = {entry.agency: (entry.confirmed, entry.responded_on) for entry in overview.circulation.authors}
    assert answers == {"police": (dt.date(2026, 9, 7), None), "csc": (dt.date(2026, 9, 8), None),
                       "health": (None, dt.date(2026, 9, 10))}  # fmt: skip
    assert overview.executive_summary.final_on == dt.date(2026, 9, 11)
    assert overview.adoption.presented_by == ["Jonah Whitlow", "Priya Castell"]
    assert overview.adoption.performance_monitoring == dt.date(2026, 9, 17)
    assert done["completion"] == dt.date(2026, 9, 16)
    from tests.letters.conftest import all_text

    summary = all_text(review / "letters" / "2026-09-16 executive-summary anonymised.docx")
    assert "Moorcroft" not in summary and "Isla" not in summary and "Priya Castell" in summary
    report = all_text(review / "letters" / "2026-09-16 overview-report.docx")
    assert "Overview report version 2, 1 September 2026" in report and "(DRAFT)" not in report


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    main(args)
    out, err = capsys.readouterr()
    return out + err


def test_the_walkthrough_replaces_every_detail_of_the_default_board() -> None:
    # `scrkit new` starts from the guidance's own board (Solihull): a letter headed with one board and
    # giving another's telephone number cannot be sent.
    lines = script()
    for field in ("name", "short_name", "address", "phone", "fax", "secure_email", "website"):
        assert any(line.startswith(f"scrkit set board.{field} ") for line in lines), field
