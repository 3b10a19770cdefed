"""The red-team corpus (``leak_corpus``): every file hides one registered name, address or date of
birth in one place or written form. check-leaks must catch every one and pass every clean file; a
clean copy must leave the secret out or refuse the file; an export holding one must be refused or
ship without it (issue 12, "Done when")."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from scrkit.anonymise.clean import SUPPORTED, CannotClean, PictureDesk, clean_copy
from scrkit.anonymise.folding import folded_key
from scrkit.anonymise.leaks import Checker, decode_text
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import BadInput
from scrkit.review.casefolder import CaseFolder
from tests.anonymise.leak_corpus import Case, build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    folder = tmp_path_factory.mktemp("leak-corpus")
    return folder, build_corpus(folder)


@pytest.fixture(scope="module")
def anonymiser(example_records) -> Anonymiser:  # noqa: ANN001
    return Anonymiser(build_register(example_records))


def every_text(content: bytes) -> str:
    """Every part of a file (unzipped, recursively) decoded as text: what any reader could reach."""
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(every_text(archive.read(name)) + "\n" + name for name in archive.namelist())
    return decode_text(content) or content.decode("latin-1")


def plainly_in(secret: str, content: bytes) -> bool:
    """The secret as the records write it, in any case, spaces and hyphens alike: an independent look
    that does not trust the checker under test."""
    return folded_key(secret) in folded_key(re.sub(r"<[^>]+>", " ", every_text(content)))


def test_the_corpus_is_large_and_covers_every_kind(corpus: tuple[Path, list[Case]]) -> None:
    _folder, cases = corpus
    leaking = [case for case in cases if case.leaks]
    assert len(leaking) >= 100 and len(cases) - len(leaking) >= 10
    suffixes = {Path(case.file_name).suffix.lower() for case in leaking}
    assert {".docx", ".xlsx", ".txt", ".csv", ".md", ".svg", ".pdf", ".doc", ".rtf"} <= suffixes


def test_check_leaks_catches_every_hidden_value_and_passes_every_clean_file(
    corpus: tuple[Path, list[Case]], anonymiser: Anonymiser
) -> None:
    folder, cases = corpus
    checker = Checker(anonymiser)
    missed = [f"{case.file_name} ({case.place}, {case.variant})" for case in cases
              if case.leaks and checker.check_file(folder / case.file_name).clean]  # fmt: skip
    flagged = []
    for case in cases:
        if not case.leaks:
            report = checker.check_file(folder / case.file_name)
            if not report.clean:
                flagged.append((case.file_name, report.hits[:2], report.unreadable[:1], report.pictures[:1]))
    assert missed == [], f"{len(missed)} missed: {missed}"
    assert flagged == []


def test_a_clean_copy_leaves_out_every_hidden_value_or_refuses_the_file(
    corpus: tuple[Path, list[Case]], anonymiser: Anonymiser
) -> None:
    folder, cases = corpus
    checker = Checker(anonymiser)
    leaked, refused, cleaned = [], [], []
    for case in cases:
        if not case.leaks:
            continue
        source = folder / case.file_name
        pictures = PictureDesk(anonymised_genogram=None, confirmed=frozenset())
        try:
            copy = clean_copy(case.file_name, source.read_bytes(), anonymiser, pictures)
        except (CannotClean, BadInput):
            refused.append(case.file_name)
            continue
        if pictures.unconfirmed:  # a picture nobody confirmed: the copy is never sent (PicturesToConfirm)
            refused.append(case.file_name)
            continue
        report = checker.check(Path(f"copy{Path(case.file_name).suffix}"), copy.content)
        if not report.clean or plainly_in(case.secret, copy.content):
            leaked.append((case.file_name, case.secret, report.hits[:2]))
        cleaned.append(case.file_name)
    assert leaked == []
    unsupported = [
        case.file_name for case in cases if case.leaks and Path(case.file_name).suffix.lower() not in SUPPORTED
    ]
    assert set(unsupported) <= set(refused)  # .doc, .rtf, .pdf: refused, never passed
    assert len(cleaned) >= 80  # most files are rebuilt, not merely refused


def test_clean_files_are_copied_with_their_text(corpus: tuple[Path, list[Case]], anonymiser: Anonymiser) -> None:
    folder, cases = corpus
    for case in cases:
        if case.leaks or Path(case.file_name).suffix.lower() not in SUPPORTED:
            continue
        source = (folder / case.file_name).read_bytes()
        copy = clean_copy(case.file_name, source, anonymiser, PictureDesk(None, frozenset())).content
        words = [word for word in ("Child A", "Mother", "Professional", "Admitted") if word in every_text(source)]
        assert words and all(word in every_text(copy) for word in words), case.file_name


def test_an_export_holding_a_hidden_value_is_refused_or_ships_a_clean_copy_without_it(
    corpus: tuple[Path, list[Case]], review_dir: Path
) -> None:
    """The corpus's Word documents as IMRs: each one an export refuses, or ships without its secret.
    One export per refused file would take minutes, so the files an export's own path (a clean copy,
    then every byte checked) refuses are found first; the rest go into one real export together."""
    import datetime as dt

    from scrkit.anonymise.export import CandidatesFound, LeaksFound
    from scrkit.anonymise.files import anonymised_name
    from scrkit.jobs.anonymise import PicturesWaiting, export

    folder, cases = corpus
    anonymiser = Anonymiser(build_register(CaseFolder.open(review_dir).load()))
    words = [case for case in cases if case.leaks and case.file_name.endswith(".docx")]
    accepted = []
    for case in words:
        pictures = PictureDesk(None, frozenset())
        try:
            copy = clean_copy(case.file_name, (folder / case.file_name).read_bytes(), anonymiser, pictures, check=False)
        except (CannotClean, BadInput):
            continue
        if pictures.unconfirmed or not Checker(anonymiser).check(Path("copy.docx"), copy.content).clean:
            continue  # the export refuses it (a picture to confirm, or a leak found in the copy)
        accepted.append(case)
    assert len(accepted) >= 20
    refused_alone = next(case for case in words if case not in accepted)
    for case in [*accepted, refused_alone]:
        (review_dir / "imrs" / case.file_name).write_bytes((folder / case.file_name).read_bytes())
    with pytest.raises((LeaksFound, PicturesWaiting, CandidatesFound)):  # one bad file stops the whole pack
        export(review_dir, "ofsted", dt.date(2026, 12, 3))
    (review_dir / "imrs" / refused_alone.file_name).unlink()
    try:
        result = export(review_dir, "ofsted", dt.date(2026, 12, 3))
    except CandidatesFound as found:  # phrases that look like names: a person decides; here, none is one
        from scrkit.jobs.anonymise import register_not_a_person

        for candidate in found.candidates:
            register_not_a_person(review_dir, candidate.text)
        result = export(review_dir, "ofsted", dt.date(2026, 12, 3))
    for case in accepted:
        shipped = result.pack / anonymised_name(Path(case.file_name), anonymiser)
        assert not plainly_in(case.secret, shipped.read_bytes()), case.file_name
        assert Checker(anonymiser).check_file(shipped).clean, case.file_name
