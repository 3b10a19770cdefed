"""Pictures in a clean copy (issue 12, item 2): the genogram drawn again, anything else confirmed by a person.

No text anonymiser can change a picture's pixels, so a picture is never "checked" by reading it.
A genogram scrkit drew (it carries scrkit's mark in its PNG text chunks) is replaced by the
genogram drawn again from the records in anonymised form: pseudonyms, years only, no addresses.
Any other picture goes out only once a person has looked at it and confirmed it shows no one
(``scrkit register picture HASH``, kept in register.yaml and the audit log, by the hash of its
bytes: a changed picture is a new picture).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from scrkit.anonymise.leaks import Picture, genogram_mark, picture_hash, picture_kind
from scrkit.errors import Refused


def png_size(content: bytes) -> tuple[int, int] | None:
    if content.startswith(b"\x89PNG\r\n\x1a\n") and content[12:16] == b"IHDR":
        return struct.unpack(">II", content[16:24])
    return None


class PicturesToConfirm(Refused):
    def __init__(self, pictures: list[Picture]) -> None:
        super().__init__(
            f"{len(pictures)} picture(s) need a person to look at them before anything is sent.",
            hint="Open each preview, and if it shows no name, face, address or date, confirm it with "
            "scrkit register picture HASH; otherwise remove it from the document.",
        )
        self.pictures = pictures


@dataclass
class PictureDesk:
    """What happens to each picture of an outgoing file; unconfirmed pictures are gathered, not passed."""

    anonymised_genogram: bytes | None
    confirmed: frozenset[str]
    unconfirmed: list[Picture] = field(default_factory=list)
    redrawn: list[str] = field(default_factory=list)

    def cleared(self) -> frozenset[str]:
        """Pictures that may travel: the anonymised drawing and those a person confirmed."""
        drawn = frozenset({picture_hash(self.anonymised_genogram)} if self.anonymised_genogram else set())
        return self.confirmed | drawn

    def picture(self, file: str, part: str, content: bytes) -> bytes:
        from scrkit.anonymise.clean.package import CannotClean

        if genogram_mark(content):
            if self.anonymised_genogram is None:
                raise CannotClean(file, f"the family's genogram ({part}), which cannot be drawn from the records")
            self.redrawn.append(f"{file} {part}")
            return self.anonymised_genogram
        digest = picture_hash(content)
        if digest not in self.confirmed and not any(p.sha256 == digest for p in self.unconfirmed):
            self.unconfirmed.append(Picture(file, part, picture_kind(content) or "picture", digest, content))
        return content
