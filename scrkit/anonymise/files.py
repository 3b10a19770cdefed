"""Names of anonymised files, and the two lists that travel with them: the glossary (sent) and the
key (RESTRICTED, kept by the board)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scrkit.anonymise.register import Register
from scrkit.anonymise.text import Anonymiser


def anonymised_name(path: Path, anonymiser: Anonymiser) -> str:
    """The file's name with any registered form replaced: a name never travels in a file name."""
    stem = anonymiser.text(path.stem).translate(str.maketrans("", "", '<>:"/\\|?*[]'))
    return f"{' '.join(stem.split()) or 'document'}{path.suffix}"


def glossary_csv(register: Register, anonymiser: Anonymiser) -> str:
    """Pseudonym to role: safe to travel with the anonymised files (roles anonymised too)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["Pseudonym or title used", "Who they are"])
    seen: set[str] = set()
    for person in register.people:
        if person.replacement in seen:
            continue
        seen.add(person.replacement)
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
