"""`scrkit demo`: the example review copied, validated and summarised."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import ExitCode


def test_demo_into_a_named_folder(scrkit, tmp_path: Path) -> None:
    result = scrkit("demo", tmp_path / "demo")
    assert result.code == ExitCode.OK, result.err
    assert "is valid" in result.out
    assert "SCR-2026-03" in result.out
    assert (tmp_path / "demo" / "review.yaml").is_file()
    assert "family-notified" in result.out  # the status table
    letters = sorted(path.name for path in (tmp_path / "demo" / "letters").glob("*.docx"))
    assert "2026-10-14 scr-request police.docx" in letters
    assert "2026-10-14 terms-of-reference.docx" in letters
    assert (tmp_path / "demo" / "chronology" / "integrated-chronology.xlsx").is_file()
    assert "possible duplicates" in result.out
    assert "imr-authors-independent" in result.out  # the example's deliberate independence breach
    assert list((tmp_path / "demo" / "reports").glob("* monthly update.docx"))
    assert (tmp_path / "demo" / "reports" / "genogram.svg").is_file()
    packs = list((tmp_path / "demo" / "exports").iterdir())
    assert any(path.is_dir() and path.name.endswith(" ofsted") for path in packs)
    # The end of a review (issue 16), on the completed example copied beside the first.
    end = tmp_path / "demo-completed"
    assert "The review is closed" in result.out
    assert "final draft 2 sent to 3 IMR authors on 02/09/2026" in result.out
    assert "Ofsted's evaluation letter arrived 20/10/2026, graded good" in result.out
    made = sorted(path.name for path in (end / "letters").glob("*.docx"))
    assert made == ["2026-09-16 executive-summary anonymised.docx", "2026-09-16 overview-report.docx",
                    "2026-09-16 panel-minutes panel-1.docx"]  # fmt: skip
    assert "2026-10-14 decision-letter police.docx" in letters


def test_demo_picks_a_free_folder_by_default(scrkit, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert scrkit("demo").code == ExitCode.OK
    assert scrkit("demo").code == ExitCode.OK
    assert (tmp_path / "scrkit-demo").is_dir() and (tmp_path / "scrkit-demo-2").is_dir()


def test_demo_refuses_an_existing_folder(scrkit, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    result = scrkit("demo", tmp_path / "taken")
    assert result.code == ExitCode.REFUSED
    assert "already exists" in result.err
