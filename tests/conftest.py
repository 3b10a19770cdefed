"""Shared fixtures: a fresh copy of the example review, and the command line run in-process."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from scrkit.cli import main
from scrkit.resources import example_review


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests keep scrkit's cache (bank holidays) out of the user's home folder."""
    import os

    os.environ["SCRKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def example_records():  # noqa: ANN201 - ReviewRecords
    """The example review's records, loaded once for the tests that only read them (never written)."""
    from scrkit.review.casefolder import CaseFolder

    return CaseFolder.open(example_review()).load()


@pytest.fixture
def review_dir(tmp_path: Path) -> Path:
    """A private copy of the example review (all names invented)."""
    destination = tmp_path / "review"
    shutil.copytree(example_review(), destination)
    return destination


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def scrkit(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `scrkit ARGS...` through the real entry point; returns exit code, stdout and stderr."""
    monkeypatch.setenv("COLUMNS", "160")

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def _outside_the_guide(text: str) -> list[tuple[int, int]]:
    """The spans of a record's text that are not scrkit's field guide (which describes every field,
    so a search for ``name:`` would otherwise land in it)."""
    from scrkit.case.guide import FIRST_LINE, LAST_LINE

    start = text.find(FIRST_LINE)
    end = text.find(LAST_LINE, start) if start >= 0 else -1
    if start < 0 or end < 0:
        return [(0, len(text))]
    return [(0, start), (end + len(LAST_LINE), len(text))]


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a record as a person would in Notepad; the old text must be there (outside the guide)."""
    text = path.read_text(encoding="utf-8")
    for start, end in _outside_the_guide(text):
        at = text.find(old, start, end)  # only a match wholly inside the span
        if at >= 0:
            path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
            return
    raise AssertionError(f"{old!r} not found in {path}")


def line_number_of(path: Path, text: str) -> int:
    """The 1-based line of the first line containing ``text`` outside the field guide (so tests
    survive edits above it)."""
    content = path.read_text(encoding="utf-8")
    for start, end in _outside_the_guide(content):
        at = content.find(text, start, end)
        if at >= 0:
            return content.count("\n", 0, at) + 1
    raise AssertionError(f"{text!r} not found in {path}")


LATER_CLOCK = dt.date(2030, 1, 1)


@pytest.fixture
def later_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock set to 01/01/2030, after every review the tests work through by hand (some in 2027):
    records refuse a day something happened after today (scrkit.review.consistency)."""
    from scrkit import dates

    monkeypatch.setattr(dates, "today", lambda: LATER_CLOCK)


def fairly_represented(folder: Path, on: dt.date) -> None:
    """Bring a review to where the LSCB may adopt it on ``on`` (14.1): the final overview draft sent to
    every IMR author, each confirming fair representation (13.1.6), and any process still running
    considered (14.1.3); a review with no IMR gets one from its first agency. Written as a person would
    write the records by hand, so that tests of other steps can record the completion."""
    import ruamel.yaml

    from scrkit.review.casefolder import CaseFolder

    records = CaseFolder.open(folder).load()
    agencies = [imr.agency for imr in records.imrs.imrs]
    if not agencies and not records.agencies.agencies:
        with (folder / "agencies.yaml").open("w", encoding="utf-8") as file:
            file.write("agencies:\n  - id: police\n    name: Westmoor Police\n    kind: police\n")
        records = CaseFolder.open(folder).load()
    if not agencies:
        agencies = [records.agencies.agencies[0].id]
        with (folder / "imrs.yaml").open("w", encoding="utf-8") as file:
            file.write(f"imrs:\n  - agency: {agencies[0]}\n    author:\n      name: Jo Invented\n")
    authors = [{"agency": agency, "author": "IMR author", "confirmed": on.isoformat()} for agency in agencies]
    path = folder / "overview.yaml"
    yaml = ruamel.yaml.YAML()
    overview = (yaml.load(path.read_text(encoding="utf-8")) if path.exists() else None) or {}
    if not overview.get("drafts"):
        overview["drafts"] = [{"version": "1", "date": on.isoformat()}]
    overview["circulation"] = {"version": overview["drafts"][-1]["version"], "sent": on.isoformat(), "authors": authors}
    presenters = [person.name for person in (records.panel.panel_chair, records.panel.overview_author) if person]
    overview["adoption"] = {
        "presented_by": presenters or ["The panel chair"],
        "commitment": "Every chief officer committed their agency to the action plan.",
        "other_processes_considered": "The panel read what the other processes found.",
    }
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(overview, file)


# The executive summary's five elements (13.3.2), invented, for a review whose every document can be made.
SUMMARY = {
    "purpose_and_scope": "How agencies worked together to protect Mia-Rose from her birth to her injury.",
    "review_process": "An independent panel, and Individual Management Reviews from six agencies.",
    "circumstances": "Mia-Rose, aged 6 months, was taken to hospital with a head injury.",
    "key_issues": "Three reports of domestic abuse at the home were not shared with the health visitor.",
    "intended_actions": "Every report of domestic abuse in a household with a baby reaches the health visitor.",
}


def summary_written(folder: Path, draft_on: dt.date) -> None:
    """A draft of the overview report on ``draft_on`` and every element of the executive summary written."""
    import ruamel.yaml

    path = folder / "overview.yaml"
    yaml = ruamel.yaml.YAML()
    overview = yaml.load(path.read_text(encoding="utf-8"))
    overview["drafts"] = [{"version": "1", "date": draft_on.isoformat()}]
    for name, text in SUMMARY.items():
        overview["executive_summary"][name] = text
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(overview, file)
