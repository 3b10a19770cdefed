"""Jobs for `scrkit anonymise`, `check-leaks`, `export` and `people pseudonyms` (1.9.1)."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scrkit.anonymise.files import SUPPORTED, LeakReport
from scrkit.case.layout import ANONYMISED, CHILD, EXPORTS, PEOPLE
from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput, Refused
from scrkit.records.atomic import STAGING_SUFFIX
from scrkit.review import audit
from scrkit.review.casefolder import CaseFolder

if TYPE_CHECKING:
    from scrkit.anonymise.register import Register
    from scrkit.anonymise.text import Anonymiser


def _anonymiser(records: ReviewRecords) -> tuple[Register, Anonymiser]:
    from scrkit.anonymise.register import build_register
    from scrkit.anonymise.text import Anonymiser

    register = build_register(records)
    return register, Anonymiser(register)


AUDIT_HEAD_FILE = "audit log head.txt"


def restricted_key_path(folder: Path) -> Path:
    """Beside the folder, never inside it: the folder is what gets sent (App 14 4.6)."""
    return folder.parent / f"{folder.name} RESTRICTED key - do not send.csv"


@dataclass(frozen=True)
class AnonymisedCopies:
    files: tuple[Path, ...]
    glossary: Path
    key: Path


def anonymise_files(review: Path, files: list[Path], out: Path | None = None) -> AnonymisedCopies:
    """Anonymised copies of ``files`` in ``out`` (default REVIEW/anonymised), with a glossary and the key."""
    from scrkit.anonymise.files import anonymised_bytes, anonymised_name, glossary_csv, key_csv

    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise BadInput("These files do not exist: " + ", ".join(missing))
    with CaseFolder.open(review).changing("anonymise") as change:
        register, anonymiser = _anonymiser(change.records)
        target = out or change.path / ANONYMISED
        copies = tuple(
            change.write_file(target / anonymised_name(path, anonymiser), anonymised_bytes(path, anonymiser))
            for path in files
        )
        glossary = change.write_file(target / "glossary.csv", glossary_csv(register, anonymiser).encode("utf-8"))
        key = change.write_file(restricted_key_path(target), key_csv(register).encode("utf-8"))
    return AnonymisedCopies(files=copies, glossary=glossary, key=key)


def check_leaks(review: Path, paths: list[Path]) -> list[LeakReport]:
    """Every file (folders searched) checked in every part for a registered name, address or date of birth."""
    from scrkit.anonymise.files import scan_file

    _register, anonymiser = _anonymiser(CaseFolder.open(review).load())
    targets: list[Path] = []
    for path in paths:
        if path.is_dir():
            targets.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.is_file():
            targets.append(path)
        else:
            raise BadInput(f"There is no file or folder at {path}.")
    return [scan_file(path, anonymiser) for path in targets]


@dataclass(frozen=True)
class ExportResult:
    pack: Path
    files: tuple[Path, ...]
    key: Path
    encrypted: Path | None


def export(review: Path, audience: str, on: dt.date, passphrase: str | None = None) -> ExportResult:
    """A dated pack for an audience: anonymised and checked in memory, then written (the key beside it)."""
    from scrkit.anonymise.export import build_pack, check_passphrase, encrypted_zip

    if passphrase is not None:
        check_passphrase(passphrase)
    with CaseFolder.open(review).changing(f"export {audience}") as change:
        exports = change.path / EXPORTS
        pack_folder = exports / f"{on.isoformat()} {audience}"
        if pack_folder.exists():
            raise Refused(f"{pack_folder} already exists.", hint="Move or delete it first, or export on another day.")
        pack = build_pack(change.records, audience)
        anchor = audit.head(change.path)  # the log as it stood before this export: an anchor kept outside
        manifest = (
            f"Audit log of review {change.records.review.reference} when this pack was made: {anchor}\n"
            f"The board can check that the log has not been cut or rewritten since with:\n"
            f"scrkit log --verify --anchor {anchor}\n"
        )
        contents = {**pack.files, "glossary.csv": pack.glossary.encode("utf-8"), AUDIT_HEAD_FILE: manifest.encode()}
        exports.mkdir(parents=True, exist_ok=True)
        # Built beside its destination and renamed into place at commit: a pack is whole or absent.
        staging = Path(tempfile.mkdtemp(dir=exports, prefix=f".{pack_folder.name}.", suffix=STAGING_SUFFIX))
        change.folder_at_commit(staging, pack_folder, contents)
        for name, content in contents.items():
            (staging / name).write_bytes(content)
        key = change.write_file(restricted_key_path(pack_folder), pack.key.encode("utf-8"))
        encrypted = None
        if passphrase is not None:
            encrypted = change.write_file(
                exports / f"{pack_folder.name}.zip", encrypted_zip(pack_folder.name, contents, passphrase)
            )
    return ExportResult(
        pack=pack_folder, files=tuple(pack_folder / name for name in pack.files), key=key, encrypted=encrypted
    )


def suggest_pseudonyms(review: Path) -> list[tuple[str, str]]:
    """`scrkit people pseudonyms`: a pseudonym for everyone who has none."""
    from scrkit.anonymise.pseudonyms import suggest_pseudonyms as suggest

    with CaseFolder.open(review).changing("people pseudonyms") as change:
        return suggest(change.records, change.document(CHILD), change.document(PEOPLE))
