"""`scrkit export`: a dated, anonymised pack for Ofsted, the Department, or publication.

The pack is built in memory, every file anonymised (names in file names too), a glossary added
(pseudonym to role), then every file in it is checked for leaks; a single hit or an unreadable part
and no pack is made, naming what was found. The job (``scrkit.jobs.anonymise``) writes the pack, the
restricted key (pseudonym to real name) beside it, never inside it, and optionally an AES-encrypted
zip (1.9.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scrkit.anonymise.documents import UnreadablePart
from scrkit.anonymise.files import (
    SUPPORTED,
    LeakReport,
    anonymised_bytes,
    anonymised_name,
    glossary_csv,
    key_csv,
    scan_content,
)
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import Anonymiser
from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput, Refused
from scrkit.models.fields import Record, Text
from scrkit.records.yamlfile import read_document, to_plain
from scrkit.resources import DATA


class Audience(Record):
    title: Text
    guidance: Text
    include: list[Text]


class Audiences(Record):
    audiences: dict[str, Audience]


@lru_cache(maxsize=1)
def audiences() -> dict[str, Audience]:
    return Audiences.model_validate(to_plain(read_document(DATA / "exports.yaml"))).audiences


class LeaksFound(Refused):
    def __init__(self, message: str, reports: list[LeakReport]) -> None:
        super().__init__(message, hint="Correct the source documents (or the people records), then export again.")
        self.reports = reports


def sources(folder: Path, audience: str) -> list[Path]:
    if audience not in audiences():
        raise BadInput(f"There is no export for '{audience}'. Exports: {', '.join(audiences())}.")
    found: dict[Path, None] = {}
    for pattern in audiences()[audience].include:
        for path in sorted(folder.glob(pattern)):
            if path.is_file() and path.suffix.lower() in SUPPORTED and not path.name.startswith(("~$", ".")):
                found[path] = None
    return list(found)


@dataclass(frozen=True)
class Pack:
    """An audience's pack in memory: file name to anonymised bytes, and the key (RESTRICTED)."""

    audience: str
    files: dict[str, bytes]
    glossary: str
    key: str


def build_pack(records: ReviewRecords, audience: str) -> Pack:
    """Every file the audience gets, anonymised and checked in memory; a leak or an unreadable part
    anywhere refuses the whole pack (``LeaksFound``), naming each."""
    register = build_register(records)
    anonymiser = Anonymiser(register)
    files = sources(records.folder, audience)
    if not files:
        patterns = ", ".join(audiences()[audience].include)
        raise BadInput(f"There is nothing to export for {audiences()[audience].title} yet (looked for: {patterns}).")
    contents: dict[str, bytes] = {}
    unreadable: list[LeakReport] = []
    for source in files:
        name = anonymised_name(source, anonymiser)
        if name in contents:
            name = f"{Path(name).stem} ({source.parent.name}){Path(name).suffix}"
        try:
            contents[name] = anonymised_bytes(source, anonymiser)
        except UnreadablePart as error:
            unreadable.append(LeakReport(source, unreadable=[error.message]))
    glossary = glossary_csv(register, anonymiser)
    checked = {**contents, "glossary.csv": glossary.encode("utf-8")}
    reports = unreadable + [scan_content(Path(name), content, anonymiser) for name, content in sorted(checked.items())]
    leaking = [report for report in reports if not report.clean]
    if leaking:
        raise LeaksFound(
            f"The {audience} pack was not made: {sum(len(r.hits) for r in leaking)} leak(s) and "
            f"{sum(len(r.unreadable) for r in leaking)} unreadable part(s) found after anonymising.",
            leaking,
        )
    return Pack(audience=audience, files=contents, glossary=glossary, key=key_csv(register))


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
