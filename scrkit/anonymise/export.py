"""`scrkit export`: a dated, anonymised pack for Ofsted, the Department, or publication.

The pack is built beside its destination, every file anonymised (names in file names too), a
glossary added (pseudonym to role), then every file in it is checked for leaks; a single hit or an
unreadable part and the pack is thrown away, naming what was found. The restricted key (pseudonym
to real name) is written beside the pack, never inside it. Optionally the pack is also written as
an AES-encrypted zip (1.9.2).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
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
    scan_file,
)
from scrkit.anonymise.register import build_register
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import BadInput, Refused
from scrkit.models.fields import Record, Text
from scrkit.records.atomic import atomic_write_bytes, atomic_write_text
from scrkit.records.yamlfile import read_document, to_plain
from scrkit.resources import DATA
from scrkit.review.casefolder import CaseFolder

EXPORTS_FOLDER = "exports"


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


@dataclass(frozen=True)
class ExportResult:
    pack: Path
    files: tuple[Path, ...]
    key: Path
    encrypted: Path | None


def sources(folder: Path, audience: str) -> list[Path]:
    if audience not in audiences():
        raise BadInput(f"There is no export for '{audience}'. Exports: {', '.join(audiences())}.")
    found: dict[Path, None] = {}
    for pattern in audiences()[audience].include:
        for path in sorted(folder.glob(pattern)):
            if path.is_file() and path.suffix.lower() in SUPPORTED and not path.name.startswith(("~$", ".")):
                found[path] = None
    return list(found)


def export(folder: CaseFolder, audience: str, on: dt.date, passphrase: str | None = None) -> ExportResult:
    records = folder.load()
    register = build_register(records)
    anonymiser = Anonymiser(register)
    files = sources(folder.path, audience)
    if not files:
        patterns = ", ".join(audiences()[audience].include)
        raise BadInput(f"There is nothing to export for {audiences()[audience].title} yet (looked for: {patterns}).")
    exports = folder.path / EXPORTS_FOLDER
    pack = exports / f"{on.isoformat()} {audience}"
    key = exports / f"{on.isoformat()} {audience} RESTRICTED key - do not send.csv"
    if pack.exists():
        raise Refused(f"{pack} already exists.", hint="Move or delete it first, or export on another day.")
    with folder.changing(f"export {audience}"):
        exports.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=exports, prefix=f".{pack.name}.", suffix=".building"))
        try:
            written = []
            unreadable: list[LeakReport] = []
            for source in files:
                target = staging / anonymised_name(source, anonymiser)
                if target.exists():
                    target = target.with_name(f"{target.stem} ({source.parent.name}){target.suffix}")
                try:
                    target.write_bytes(anonymised_bytes(source, anonymiser))
                except UnreadablePart as error:
                    unreadable.append(LeakReport(source, unreadable=[error.message]))
                    continue
                written.append(target)
            (staging / "glossary.csv").write_text(glossary_csv(register, anonymiser), encoding="utf-8")
            reports = unreadable + [scan_file(path, anonymiser) for path in sorted(staging.iterdir())]
            leaking = [report for report in reports if not report.clean]
            if leaking:
                raise LeaksFound(
                    f"The {audience} pack was not made: {sum(len(r.hits) for r in leaking)} leak(s) and "
                    f"{sum(len(r.unreadable) for r in leaking)} unreadable part(s) found after anonymising.",
                    leaking,
                )
            staging.rename(pack)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        atomic_write_text(key, key_csv(register))
        for path in [pack / path.name for path in written] + [pack / "glossary.csv", key]:
            folder.record_change(path)
        encrypted = None
        if passphrase is not None:
            encrypted = exports / f"{pack.name}.zip"
            atomic_write_bytes(encrypted, encrypted_zip(pack, passphrase))
            folder.record_change(encrypted)
    return ExportResult(pack=pack, files=tuple(pack / p.name for p in written), key=key, encrypted=encrypted)


MIN_PASSPHRASE = 10


def encrypted_zip(folder: Path, passphrase: str) -> bytes:
    """The pack as an AES-256 encrypted zip (1.9.2: password protected when no secure email)."""
    import io

    import pyzipper

    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInput(f"The passphrase must be at least {MIN_PASSPHRASE} characters.")
    stream = io.BytesIO()
    with pyzipper.AESZipFile(stream, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(passphrase.encode("utf-8"))
        for path in sorted(folder.iterdir()):
            archive.write(path, arcname=f"{folder.name}/{path.name}")
    return stream.getvalue()
