"""Jobs for `scrkit anonymise`, `check-leaks`, `export`, `register` and `people pseudonyms` (1.9.1)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scrkit.case.layout import ANONYMISED, CHILD, EXPORTS, PEOPLE, REGISTER
from scrkit.case.records import ReviewRecords
from scrkit.errors import BadInput, Refused
from scrkit.records.atomic import STAGING_SUFFIX
from scrkit.records.yamlfile import to_yaml_value
from scrkit.review import audit
from scrkit.review.casefolder import CaseFolder

if TYPE_CHECKING:
    from scrkit.anonymise.candidates import Candidate
    from scrkit.anonymise.clean.pictures import PictureDesk
    from scrkit.anonymise.leaks import LeakReport, Picture
    from scrkit.anonymise.register import Register
    from scrkit.anonymise.text import Anonymiser


def _anonymiser(records: ReviewRecords) -> tuple[Register, Anonymiser]:
    from scrkit.anonymise.register import build_register
    from scrkit.anonymise.text import Anonymiser

    register = build_register(records)
    return register, Anonymiser(register)


def _picture_desk(records: ReviewRecords) -> PictureDesk:
    """The anonymised genogram (drawn now, from the records) and the pictures people have confirmed."""
    from scrkit.anonymise.clean.pictures import PictureDesk
    from scrkit.errors import BadInput as CannotDraw
    from scrkit.genogram.draw import genogram

    try:
        drawing: bytes | None = genogram(records, anonymise=True).png
    except CannotDraw:
        drawing = None
    confirmed = frozenset(picture.sha256 for picture in records.register.pictures)
    return PictureDesk(anonymised_genogram=drawing, confirmed=confirmed)


AUDIT_HEAD_FILE = "audit log head.txt"
PICTURES_TO_CHECK = EXPORTS / "pictures to check"


def restricted_key_path(folder: Path) -> Path:
    """Beside the folder, never inside it: the folder is what gets sent (App 14 4.6)."""
    return folder.parent / f"{folder.name} RESTRICTED key - do not send.csv"


def previews(review: Path, pictures: list[Picture]) -> list[tuple[Picture, Path]]:
    """Each picture awaiting a person's eye written out to look at (audited like any other write)."""
    with CaseFolder.open(review).changing("pictures to check") as change:
        return [
            (picture, change.write_file(change.path / PICTURES_TO_CHECK / _preview_name(picture), picture.content))
            for picture in pictures
        ]


def _preview_name(picture: Picture) -> str:
    extension = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "BMP": "bmp", "TIFF": "tif"}.get(picture.kind, "bin")
    return f"{picture.sha256[:12]}.{extension}"


class PicturesWaiting(Refused):
    """Pictures no person has confirmed: previews written, one line each (hash, where, preview)."""

    def __init__(self, previews: list[tuple[Picture, Path]]) -> None:
        lines = [f"  {picture.sha256[:12]}  {picture.file} ({picture.part}): {path}" for picture, path in previews]
        super().__init__(
            f"Nothing was sent: {len(previews)} picture(s) must be looked at by a person first. "
            "scrkit cannot read a picture, so cannot tell whether it shows a name:\n" + "\n".join(lines),
            hint="Open each preview. If it shows no name, face, address or date of birth: "
            "scrkit register picture HASH (the first 12 characters are enough); "
            "otherwise take it out of the document. Then run the command again.",
        )
        self.previews = previews


def clean_copies(records: ReviewRecords, files: list[tuple[str, bytes]]) -> list[bytes]:
    """Clean, anonymised copies of documents scrkit made (letters, the chronology), for the jobs that
    offer --anonymise; a picture nobody has confirmed refuses them all (``PicturesToConfirm``)."""
    from scrkit.anonymise.candidates import CandidateFinder, known_phrases, texts_of
    from scrkit.anonymise.clean import clean_copy
    from scrkit.anonymise.clean.pictures import PicturesToConfirm
    from scrkit.anonymise.export import CandidatesFound

    _register, anonymiser = _anonymiser(records)
    desk = _picture_desk(records)
    copies = [clean_copy(name, content, anonymiser, desk).content for name, content in files]
    if desk.unconfirmed:
        raise PicturesToConfirm(desk.unconfirmed)
    # 1.9.1: a copy made to be sent is refused, as an export is, while it holds what looks like the name
    # of a person no record holds ("Dr K O'Brien" typed into the executive summary): it would go as written.
    finder = CandidateFinder(anonymiser, known_phrases(records, anonymiser), records.register.not_people)
    candidates = finder.find([text for name, content in files for text in texts_of(name, content)])
    if candidates:
        raise CandidatesFound(candidates)
    return copies


@dataclass(frozen=True)
class AnonymisedCopies:
    files: tuple[Path, ...]
    glossary: Path
    key: Path
    dropped: dict[str, tuple[str, ...]]
    shared: tuple[str, ...]  # forms two people share, replaced by a neutral [name] or [family name]
    candidates: tuple[Candidate, ...] = ()  # phrases that look like names no record holds (not replaced)


def anonymise_files(review: Path, files: list[Path], out: Path | None = None) -> AnonymisedCopies:
    """Clean, anonymised copies of ``files`` in ``out`` (default REVIEW/anonymised), with a glossary and the key."""
    from scrkit.anonymise.candidates import CandidateFinder, known_phrases, texts_of
    from scrkit.anonymise.clean import clean_copy
    from scrkit.anonymise.clean.pictures import PicturesToConfirm
    from scrkit.anonymise.files import anonymised_name, glossary_csv, key_csv

    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise BadInput("These files do not exist: " + ", ".join(missing))
    try:
        with CaseFolder.open(review).changing("anonymise") as change:
            register, anonymiser = _anonymiser(change.records)
            desk = _picture_desk(change.records)
            target = out or change.path / ANONYMISED
            copies, dropped = [], {}
            texts = []
            for path in files:
                content = path.read_bytes()
                texts.extend(texts_of(path.name, content))
                copy = clean_copy(path.name, content, anonymiser, desk)
                name = anonymised_name(path, anonymiser)
                copies.append(change.write_file(target / name, copy.content))
                dropped[name] = copy.dropped
            if desk.unconfirmed:
                raise PicturesToConfirm(desk.unconfirmed)
            glossary = change.write_file(target / "glossary.csv", glossary_csv(register, anonymiser).encode("utf-8"))
            key = change.write_file(restricted_key_path(target), key_csv(register).encode("utf-8"))
            finder = CandidateFinder(
                anonymiser, known_phrases(change.records, anonymiser), change.records.register.not_people
            )
            candidates = tuple(finder.find(texts))
    except PicturesToConfirm as waiting:
        raise PicturesWaiting(previews(review, waiting.pictures)) from None
    return AnonymisedCopies(tuple(copies), glossary, key, dropped, tuple(sorted(anonymiser.shared_forms)), candidates)


def check_leaks(review: Path, paths: list[Path]) -> list[LeakReport]:
    """Every file (folders searched, every file in them) checked in every byte for a registered name,
    address or date of birth; a picture nobody has confirmed is reported too."""
    from scrkit.anonymise.leaks import Checker

    records = CaseFolder.open(review).load()
    _register, anonymiser = _anonymiser(records)
    checker = Checker(anonymiser, _picture_desk(records).cleared())
    targets: list[Path] = []
    for path in paths:
        if path.is_dir():
            targets.extend(p for p in sorted(path.rglob("*")) if p.is_file())
        elif path.is_file():
            targets.append(path)
        else:
            raise BadInput(f"There is no file or folder at {path}.")
    return [checker.check_file(path) for path in targets]


@dataclass(frozen=True)
class ExportResult:
    pack: Path
    files: tuple[Path, ...]
    key: Path
    encrypted: Path | None
    dropped: dict[str, tuple[str, ...]]
    redrawn: tuple[str, ...]
    held_back: tuple[tuple[Path, str], ...]
    pdf_missing: bool
    missing: tuple[tuple[str, str], ...] = ()


def pack_folder_for(exports: Path, on: dt.date, audience: str) -> Path:
    """A new numbered folder when a pack for the day exists: an earlier pack is never overwritten."""
    folder = exports / f"{on.isoformat()} {audience}"
    number = 1
    while folder.exists() or restricted_key_path(folder).exists():
        number += 1
        folder = exports / f"{on.isoformat()} {audience} ({number})"
    return folder


def export(review: Path, audience: str, on: dt.date, passphrase: Callable[[], str] | None = None) -> ExportResult:
    """A dated pack for an audience: rebuilt clean and checked in memory, then written (the key beside
    it). ``passphrase`` is asked only once every check has passed."""
    from scrkit.anonymise.clean.pictures import PicturesToConfirm
    from scrkit.anonymise.export import build_pack, check_passphrase, encrypted_zip
    from scrkit.anonymise.register import build_register

    try:
        with CaseFolder.open(review).changing(f"export {audience}") as change:
            exports = change.path / EXPORTS
            pack_folder = pack_folder_for(exports, on, audience)
            pack = build_pack(change.records, build_register(change.records), audience, _picture_desk(change.records))
            secret = None
            if passphrase is not None:
                secret = passphrase()
                check_passphrase(secret)
            anchor = audit.head(change.path)  # the log as it stood before this export: an anchor kept outside
            manifest = (
                f"Audit log of review {change.records.review.reference} when this pack was made: {anchor}\n"
                f"The board can check that the log has not been cut or rewritten since with:\n"
                f"scrkit log --verify --anchor {anchor}\n"
            )
            contents = {
                **pack.files,
                "glossary.csv": pack.glossary.encode("utf-8"),
                AUDIT_HEAD_FILE: manifest.encode(),
            }
            exports.mkdir(parents=True, exist_ok=True)
            # Built beside its destination and renamed into place at commit: a pack is whole or absent.
            staging = Path(tempfile.mkdtemp(dir=exports, prefix=f".{pack_folder.name}.", suffix=STAGING_SUFFIX))
            change.folder_at_commit(staging, pack_folder, contents)
            for name, content in contents.items():
                (staging / name).write_bytes(content)
            key = change.write_file(restricted_key_path(pack_folder), pack.key.encode("utf-8"))
            encrypted = None
            if secret is not None:
                encrypted = change.write_file(
                    exports / f"{pack_folder.name}.zip", encrypted_zip(pack_folder.name, contents, secret)
                )
    except PicturesToConfirm as waiting:
        raise PicturesWaiting(previews(review, waiting.pictures)) from None
    return ExportResult(
        pack=pack_folder,
        files=tuple(pack_folder / name for name in pack.files),
        key=key,
        encrypted=encrypted,
        dropped=pack.dropped,
        redrawn=pack.redrawn,
        held_back=pack.held_back,
        pdf_missing=pack.pdf_missing,
        missing=pack.missing,
    )


def suggest_pseudonyms(review: Path) -> list[tuple[str, str]]:
    """`scrkit people pseudonyms`: a pseudonym for everyone who has none."""
    from scrkit.anonymise.pseudonyms import suggest_pseudonyms as suggest

    with CaseFolder.open(review).changing("people pseudonyms") as change:
        return suggest(change.records, change.document(CHILD), change.document(PEOPLE))


# The board's decisions about names and pictures (register.yaml), each one audited.
def register_name(review: Path, name: str, replacement: str) -> None:
    """`scrkit register name`: someone the documents name who is in no record, and what to write instead."""
    with CaseFolder.open(review).changing("register name") as change:
        document = change.document(REGISTER)
        entries = document.setdefault("named_in_documents", to_yaml_value([]))
        if any(str(entry.get("name", "")).strip().lower() == name.strip().lower() for entry in entries):
            raise BadInput(f"'{name}' is already in register.yaml.")
        entries.append(to_yaml_value({"name": name.strip(), "replacement": replacement.strip()}))
        change.revalidate()
        _anonymiser(change.records)  # a replacement that is itself a name is refused before anything is written


def register_not_a_person(review: Path, phrase: str) -> None:
    """`scrkit register not-a-person`: a phrase that looks like a name but is not one ("Weaver House")."""
    with CaseFolder.open(review).changing("register not-a-person") as change:
        entries = change.document(REGISTER).setdefault("not_people", to_yaml_value([]))
        if phrase.strip().lower() not in (str(entry).lower() for entry in entries):
            entries.append(phrase.strip())


def register_picture(review: Path, prefix: str, by: str, on: dt.date) -> str:
    """`scrkit register picture`: a person looked at a waiting picture and confirmed it shows no one."""
    prefix = prefix.strip().lower()
    if len(prefix) < 8:
        raise BadInput("Give at least the first 8 characters of the picture's hash, as scrkit printed it.")
    with CaseFolder.open(review).changing("register picture") as change:
        waiting = change.path / PICTURES_TO_CHECK
        matches = sorted(waiting.glob(f"{prefix[:12]}*")) if waiting.is_dir() else []
        if len(matches) != 1:
            raise BadInput(
                f"No picture waiting to be checked has a hash starting {prefix}."
                if not matches
                else f"{len(matches)} waiting pictures start {prefix}: give more of the hash."
            )
        from scrkit.anonymise.leaks import picture_hash

        digest = picture_hash(matches[0].read_bytes())
        if not digest.startswith(prefix):
            raise BadInput(f"The preview {matches[0].name} has changed since scrkit wrote it; export again.")
        entries = change.document(REGISTER).setdefault("pictures", to_yaml_value([]))
        entries.append(
            to_yaml_value({"sha256": digest, "file": matches[0].name, "confirmed_by": by, "confirmed_on": on})
        )
    return digest
