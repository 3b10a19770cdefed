"""What a letter still needs is named as a person records it: the path `scrkit set` takes, or the
command that records it, never the template's own names (involved_agencies[police].chief_officer)."""

from __future__ import annotations

from pathlib import Path

from scrkit.errors import ExitCode


def _review(scrkit, folder: Path) -> None:  # noqa: ANN001
    assert scrkit(
        "new", folder, "--reference", "SCR-2026-44", "--child-name", "Nell Garside", "--dob", "09/09/2023",
        "--incident-date", "02/03/2026", "--referral-date", "03/03/2026", "--no-input",
    ).code == ExitCode.OK  # fmt: skip
    assert scrkit("add", "agencies", "id=police", "name=Fen Police", "kind=police", "-r", folder).code == 0
    assert scrkit("agencies", "reply", "police", "involved", "--date", "04/03/2026", "--secured", "04/03/2026",
                  "-r", folder).code == 0  # fmt: skip


def test_the_listing_names_paths_to_set_and_commands_to_run(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "review"
    _review(scrkit, folder)
    listing = scrkit("letters", "-r", folder).out
    assert "agencies[police].chief_officer.name" in listing  # the officer, by the field it must have
    assert "involved_agencies" not in listing
    assert "panel.lscb_chair (scrkit appoint lscb-chair)" in listing
    assert "review.presentation_meeting (scrkit set-date presentation-meeting DATE)" in listing
    assert "review.authors_briefing.venue" in listing


def test_each_named_path_is_one_set_accepts(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "review"
    _review(scrkit, folder)
    assert scrkit("set", "agencies[police].chief_officer.name", "Chief Constable Ada Reeve", "-r", folder).code == 0
    assert scrkit("set", "review.authors_briefing.venue", "Fen House", "-r", folder).code == 0
    listing = scrkit("letters", "-r", folder).out
    assert "chief_officer" not in listing and "authors_briefing.venue" not in listing


def test_rendering_names_the_path_too(scrkit, tmp_path: Path) -> None:
    folder = tmp_path / "review"
    _review(scrkit, folder)
    assert scrkit("set", "agencies[police].address", "1 Fen Road; Fenmoor; FN1 1AA", "-r", folder).code == 0
    result = scrkit("letters", "scr-request", "--date", "04/03/2026", "-r", folder)
    assert result.code != ExitCode.OK
    assert "panel.lscb_chair (scrkit appoint lscb-chair)" in result.err
    assert not list((folder / "letters").glob("**/*.docx"))
