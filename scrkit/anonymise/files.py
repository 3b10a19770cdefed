"""Anonymising files and checking them for leaks: .docx, .xlsx, .csv, .txt and .md."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from scrkit.anonymise.documents import Hit, UnreadablePart, anonymise_archive, scan_archive
from scrkit.anonymise.register import Register
from scrkit.anonymise.text import Anonymiser
from scrkit.errors import BadInput

ARCHIVES = (".docx", ".xlsx")
TEXTS = (".csv", ".txt", ".md", ".svg")
SUPPORTED = ARCHIVES + TEXTS


@dataclass
class LeakReport:
    path: Path
    hits: list[Hit] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.hits and not self.unreadable


def _text_of(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def anonymised_bytes(path: Path, anonymiser: Anonymiser) -> bytes:
    return anonymised_content(path.name, path.read_bytes(), anonymiser)


def anonymised_content(name: str, content: bytes, anonymiser: Anonymiser) -> bytes:
    """An anonymised copy of a file's bytes; ``name`` tells its kind and names it in messages."""
    suffix = Path(name).suffix.lower()
    if suffix in ARCHIVES:
        return anonymise_archive(content, anonymiser, name)
    if suffix in TEXTS:
        return anonymiser.text(_text_of(content)).encode("utf-8")
    raise BadInput(f"{name}: scrkit anonymises {', '.join(SUPPORTED)} files, not {suffix or 'this kind of'} file.")


def anonymised_name(path: Path, anonymiser: Anonymiser) -> str:
    """The file's name with any registered form replaced: a name never travels in a file name."""
    stem = anonymiser.text(path.stem).translate(str.maketrans("", "", '<>:"/\\|?*'))
    return f"{stem}{path.suffix}"


def scan_file(path: Path, anonymiser: Anonymiser) -> LeakReport:
    try:
        content = path.read_bytes()
    except OSError as error:
        return LeakReport(path, unreadable=[f"{path.name}: {error.strerror or error}"])
    return scan_content(path, content, anonymiser)


def scan_content(path: Path, content: bytes, anonymiser: Anonymiser) -> LeakReport:
    """Every registered form in the file's name and every part of its content (``content``)."""
    report = LeakReport(path)
    suffix = path.suffix.lower()
    name_spans = anonymiser.spans(path.name, readable=False)
    for span in name_spans:
        report.hits.append(Hit("file name", "name", path.name, span.matched))
    try:
        if suffix in ARCHIVES:
            hits, unreadable = scan_archive(content, anonymiser, path.name)
            report.hits.extend(hits)
            report.unreadable.extend(unreadable)
        elif suffix in TEXTS:
            for number, line in enumerate(_text_of(content).splitlines(), start=1):
                for span in anonymiser.spans(line, readable=False):
                    context = line[max(0, span.start - 40) : span.end + 40]
                    report.hits.append(Hit(f"line {number}", "text", context, span.matched))
        else:
            report.unreadable.append(f"{path.name}: scrkit cannot check {suffix or 'this kind of'} files")
    except (UnreadablePart, OSError) as error:
        report.unreadable.append(str(error))
    return report


def glossary_csv(register: Register, anonymiser: Anonymiser) -> str:
    """Pseudonym to role: safe to travel with the anonymised files (roles anonymised too)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["Pseudonym or title used", "Who they are"])
    for person in register.people:
        writer.writerow([person.replacement, anonymiser.text(person.role)])
    return stream.getvalue()


def key_csv(register: Register) -> str:
    """Pseudonym to real name: RESTRICTED, kept by the board (IMR guide 4.6), never sent."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["Pseudonym or title used", "Real name (RESTRICTED)"])
    for pseudonym, name in register.real_names().items():
        writer.writerow([pseudonym, name])
    return stream.getvalue()
