"""`scrkit export`: a dated pack for one audience, every file a clean, anonymised, checked copy.

The audiences and what each receives are data (``scrkit/data/exports.yaml``: 1.9.1, 2.3, 13.3.7,
14.1.5); internal documents (the monthly update, RESTRICTED keys, the audit log, the records) never
go, whatever a list says. The pack is built in memory: each file rebuilt as a clean copy (``clean``),
pictures redrawn or held for a person to confirm, PDFs made where the audience wants them, a
glossary added (pseudonym to role); then every byte of every file is checked again (``leaks``). A
single hit, an unreadable part or an unconfirmed picture and no pack is made, naming each. The job
(``scrkit.jobs.anonymise``) writes the pack, and the restricted key beside it, never inside it.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scrkit.anonymise.candidates import Candidate, CandidateFinder, known_phrases, texts_of
from scrkit.anonymise.clean import CannotClean, PictureDesk, clean_copy
from scrkit.anonymise.clean.pictures import PicturesToConfirm
from scrkit.anonymise.files import anonymised_name, glossary_csv, key_csv
from scrkit.anonymise.leaks import Checker, LeakReport
from scrkit.anonymise.register import Register
from scrkit.anonymise.text import Anonymiser
from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput, Refused
from scrkit.models.fields import Record, Text
from scrkit.records.yamlfile import read_document, to_plain
from scrkit.resources import DATA


class DocumentKind(Record):
    about: Text
    guidance: Text
    files: list[Text]


class Internal(Record):
    files: list[Text]
    why: Text


class Audience(Record):
    title: Text
    guidance: Text
    documents: list[Text]
    formats: list[Text] = ["docx"]


class Exports(Record):
    documents: dict[str, DocumentKind]
    internal: list[Internal]
    audiences: dict[str, Audience]


@lru_cache(maxsize=1)
def exports() -> Exports:
    found = Exports.model_validate(to_plain(read_document(DATA / "exports.yaml")))
    for name, audience in found.audiences.items():
        unknown = [kind for kind in audience.documents if kind not in found.documents]
        if unknown:
            raise BadInput(f"exports.yaml: the audience '{name}' lists kinds of document that do not exist: {unknown}")
    return found


def audiences() -> dict[str, Audience]:
    return exports().audiences


class LeaksFound(Refused):
    def __init__(self, message: str, reports: list[LeakReport]) -> None:
        super().__init__(message, hint="Correct the source documents (or the people records), then export again.")
        self.reports = reports


class CandidatesFound(Refused):
    """Probable names of people no record holds: each must be registered or marked not a person."""

    SHOWN = 40

    def __init__(self, candidates: list[Candidate]) -> None:
        lines = [f"  '{c.text}' ({c.why}) in {c.where}: ...{c.context}..." for c in candidates[: self.SHOWN]]
        if len(candidates) > self.SHOWN:
            lines.append(f"  ... and {len(candidates) - self.SHOWN} more")
        super().__init__(
            f"Nothing was sent: {len(candidates)} phrase(s) look like the name of a person no record holds:\n"
            + "\n".join(lines),
            hint='For each: scrkit register name "NAME" --as "JOB TITLE, ORGANISATION" if it is a person, '
            'or scrkit register not-a-person "PHRASE" if it is not. Then run the command again.',
        )
        self.candidates = candidates


def internal_reason(relative: str) -> str | None:
    """Why a file in the review never leaves the board, or ``None``."""
    for rule in exports().internal:
        for pattern in rule.files:
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(relative).name, pattern):
                return rule.why
    return None


@dataclass(frozen=True)
class Source:
    path: Path
    kind: str


def sources(folder: Path, audience: str) -> tuple[list[Source], list[tuple[Path, str]]]:
    """The files an audience receives, and the files a pattern found that are internal (and why)."""
    if audience not in audiences():
        raise BadInput(f"There is no export for '{audience}'. Exports: {', '.join(audiences())}.")
    found: dict[Path, Source] = {}
    held: list[tuple[Path, str]] = []
    for kind in audiences()[audience].documents:
        for pattern in exports().documents[kind].files:
            for path in sorted(folder.glob(pattern)):
                if not path.is_file() or path.name.startswith(("~$", ".")) or path in found:
                    continue
                reason = internal_reason(path.relative_to(folder).as_posix())
                if reason:
                    held.append((path, reason))
                else:
                    found[path] = Source(path, kind)
    return list(found.values()), held


@dataclass(frozen=True)
class Pack:
    """An audience's pack in memory: file name to checked bytes, and the key (RESTRICTED)."""

    audience: str
    files: dict[str, bytes]
    glossary: str
    key: str
    dropped: dict[str, tuple[str, ...]]  # file -> what its clean copy left out
    redrawn: tuple[str, ...]
    held_back: tuple[tuple[Path, str], ...]  # internal files a pattern found, and why they stay
    pdf_missing: bool  # the audience wants PDF and LibreOffice is not installed
    missing: tuple[tuple[str, str], ...] = ()  # kinds of document the audience receives, none found yet


def build_pack(records: ReviewRecords, register: Register, audience: str, pictures: PictureDesk) -> Pack:
    """Every file the audience gets, rebuilt clean and checked in memory; a leak, an unreadable part
    or an unconfirmed picture anywhere refuses the whole pack, naming each."""
    anonymiser = Anonymiser(register)
    files, held = sources(records.folder, audience)
    kinds = [(kind, exports().documents[kind]) for kind in audiences()[audience].documents]
    missing = tuple(
        (document.about, " or ".join(document.files))
        for kind, document in kinds
        if not any(source.kind == kind for source in files)
    )
    if not files:
        wanted = "\n".join(f"  {about}: {where}" for about, where in missing)
        raise BadInput(
            f"There is nothing to export for {audiences()[audience].title} yet. "
            f"It receives, from the review's folder:\n{wanted}"
        )
    contents: dict[str, bytes] = {}
    dropped: dict[str, tuple[str, ...]] = {}
    refused: list[LeakReport] = []
    texts: list[tuple[str, str]] = []  # what each source says, to look for names no record holds
    for source in files:
        name = anonymised_name(source.path, anonymiser)
        if name in contents:
            name = f"{Path(name).stem} ({source.path.parent.name}){Path(name).suffix}"
        try:
            content = source.path.read_bytes()
            copy = clean_copy(source.path.name, content, anonymiser, pictures, check=False)
        except (CannotClean, BadInput) as error:
            refused.append(LeakReport(source.path, unreadable=[error.message]))
            continue
        contents[name] = copy.content
        dropped[name] = copy.dropped
        texts.extend(texts_of(source.path.relative_to(records.folder).as_posix(), content))
    if pictures.unconfirmed and not refused:
        raise PicturesToConfirm(pictures.unconfirmed)
    if not refused:
        finder = CandidateFinder(anonymiser, known_phrases(records, anonymiser), records.register.not_people)
        candidates = finder.find(texts)
        if candidates:
            raise CandidatesFound(candidates)
    pdf_missing = False
    if "pdf" in audiences()[audience].formats and not refused:
        from scrkit.office.convert import office_program, to_pdf

        pdf_missing = office_program() is None
        documents = {name: content for name, content in contents.items() if name.endswith((".docx", ".xlsx"))}
        contents.update(to_pdf(documents))
    glossary = glossary_csv(register, anonymiser)
    checker = Checker(anonymiser, pictures.cleared())
    # Every byte of every file is checked as it will be sent, whatever made it: the clean copies, the
    # glossary, the PDFs LibreOffice made from the copies.
    checked = {**contents, "glossary.csv": glossary.encode("utf-8")}
    reports = refused + [checker.check(Path(name), content) for name, content in sorted(checked.items())]
    leaking = [report for report in reports if report.hits or report.unreadable]
    if leaking:
        raise LeaksFound(
            f"The {audience} pack was not made: {sum(len(r.hits) for r in leaking)} leak(s) and "
            f"{sum(len(r.unreadable) for r in leaking)} file(s) or part(s) refused or unreadable.",
            leaking,
        )
    return Pack(
        audience=audience,
        files=contents,
        glossary=glossary,
        key=key_csv(register),
        dropped=dropped,
        redrawn=tuple(pictures.redrawn),
        held_back=tuple(held),
        pdf_missing=pdf_missing,
        missing=missing,
    )


MIN_PASSPHRASE = 10


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInput(f"The passphrase must be at least {MIN_PASSPHRASE} characters.")


def encrypted_zip(folder_name: str, files: dict[str, bytes], passphrase: str) -> bytes:
    """The pack as an AES-256 encrypted zip (1.9.2: password protected when no secure email)."""
    import io

    import pyzipper

    check_passphrase(passphrase)
    stream = io.BytesIO()
    with pyzipper.AESZipFile(stream, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(passphrase.encode("utf-8"))
        for name, content in sorted(files.items()):
            archive.writestr(f"{folder_name}/{name}", content)
    return stream.getvalue()
