"""Clean copies (issue 12, item 1): what leaves the board is rebuilt, not scrubbed.

From a Word or Excel file scrkit keeps only what it understands and has anonymised, drops the
rest (and says what it dropped), and refuses a file holding something it can neither understand
nor safely drop, naming it (``word``, ``excel``). The copy is then checked again, every byte of it
(``scrkit.anonymise.leaks``): a registered name found anywhere refuses the file. Plain text files
are decoded whatever their encoding, anonymised and written as UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scrkit.anonymise.clean.package import CannotClean, Package
from scrkit.anonymise.clean.pictures import PictureDesk
from scrkit.anonymise.documents import process_part
from scrkit.anonymise.leaks import Checker, decodings
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import BadInput
from scrkit.office.archive import open_checked

WORD, EXCEL = (".docx",), (".xlsx",)
TEXTS = (".csv", ".txt", ".md", ".svg")
SUPPORTED = WORD + EXCEL + TEXTS
_XML_PARTS = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class CleanCopy:
    content: bytes
    dropped: tuple[str, ...] = ()  # what was removed, in words: "comments", "hidden sheets" ...
    redrawn: tuple[str, ...] = ()  # pictures replaced by scrkit's anonymised drawing


def clean_copy(
    name: str, content: bytes, anonymiser: Anonymiser, pictures: PictureDesk, check: bool = True
) -> CleanCopy:
    """The clean, anonymised copy of a file's bytes; ``name`` tells its kind and names it in messages.
    The copy is checked in every byte before it is returned, unless ``check`` is off because the
    caller checks every file it sends itself (``export``)."""
    suffix = Path(name).suffix.lower()
    if suffix in TEXTS:
        readings = decodings(content)
        if readings is None:
            raise BadInput(f"{name} is not text, whatever its name says, so scrkit cannot anonymise it.")
        text = readings[0]
        found = {tuple(sorted({span.replacement for span in anonymiser.spans(reading)})) for reading in readings}
        if len(found) > 1:  # read one way it names someone, read another way it does not: no guessing
            raise BadInput(
                f"{name} was not anonymised: it is not saved as UTF-8, and read in one encoding it names "
                "someone that another reading does not show, so scrkit cannot be sure what it says.",
                hint="Open it in Notepad, Save As with Encoding: UTF-8, and try again.",
            )
        encoding = "utf-8-sig" if suffix == ".csv" else "utf-8"  # Excel reads a CSV as UTF-8 only with the mark
        copy = anonymiser.text(text).encode(encoding)
        if check:
            _check_again(name, suffix, copy, anonymiser, frozenset())
        return CleanCopy(copy)
    if suffix not in WORD + EXCEL:
        raise BadInput(
            f"{name}: scrkit makes clean copies of {', '.join(SUPPORTED)} files, not {suffix or 'this kind of'} file.",
            hint="Save it as a Word document (.docx) or Excel workbook (.xlsx) first."
            if suffix in (".doc", ".rtf", ".odt", ".docm", ".xls", ".xlsm", ".xlsb", ".ods", ".pdf")
            else None,
        )
    with open_checked(content, name, BadInput) as archive:
        package = Package.read(archive, name)
    package.anonymiser = anonymiser
    if suffix in WORD:
        from scrkit.anonymise.clean.word import clean_word

        main = clean_word(package, pictures)
    else:
        from scrkit.anonymise.clean.excel import clean_excel

        main = clean_excel(package, anonymiser)
    for part, data in list(package.kept.items()):
        if part.endswith(_XML_PARTS) and part not in package.anonymised:  # parts kept as they came
            package.kept[part] = process_part(part, data, anonymiser)
    copy = package.build(main, title="Anonymised document")
    if check:
        allowed = frozenset(picture.sha256 for picture in pictures.unconfirmed) | pictures.cleared()
        _check_again(name, suffix, copy, anonymiser, allowed)
    return CleanCopy(copy, tuple(package.dropped), tuple(pictures.redrawn))


def _check_again(name: str, suffix: str, copy: bytes, anonymiser: Anonymiser, pictures: frozenset[str]) -> None:
    """Every byte of the copy checked as check-leaks would: a name still there refuses the file
    (written in a way the anonymiser could not rewrite, such as one letter per element)."""
    report = Checker(anonymiser, pictures).check(Path(f"copy{suffix}"), copy)  # its name is the caller's to anonymise
    if report.hits:
        hit = report.hits[0]
        raise CannotClean(name, f"'{hit.matched}' in {hit.part} ({hit.where}) even after anonymising")
    if report.unreadable:
        raise CannotClean(name, report.unreadable[0])


__all__ = ["SUPPORTED", "CannotClean", "CleanCopy", "PictureDesk", "clean_copy"]
