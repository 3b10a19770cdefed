"""The letter catalogue (scrkit/data/letters.yaml): what each letter is, whom it goes to."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from scrkit.case.layout import REVIEW_TEMPLATES
from scrkit.models.fields import Id, Record, Text
from scrkit.records.yamlfile import read_document, to_plain
from scrkit.resources import DATA, templates_folder

RecipientKind = Literal["review", "agencies", "involved-agencies", "authors", "family", "professionals", "meetings"]


class LetterSpec(Record):
    name: Id
    title: Text
    guidance: Text
    kind: Literal["letter", "leaflet", "form", "report"]
    to: RecipientKind
    milestone: Id | None = None
    draft_until: Literal["tor-approved", "review-approved", "summary-approved"] | None = None
    pictures: list[Literal["genogram"]] = []  # pictures drawn from the records and placed in the document
    scr_only: bool = False  # a document of the SCR process: not for a review decided not an SCR (1.5.2)
    # Letters true on their date: the dated facts the letter asks people to act on, which must not
    # have passed by the letter's date (a briefing already held, a deadline gone)...
    not_past: list[Text] = []
    # ...the dated facts the letter tells of, which must have happened by its date (the referral)...
    not_before: list[Text] = []
    # ...and the milestones that must be recorded done by then (16.2.1: the de-briefing follows approval).
    only_after: list[Id] = []
    external: bool = False  # sent outside the board (Ofsted, the Department): always anonymised (1.9.1)


class Pack(Record):
    """Documents sent together, rendered by one name: what a letter says is enclosed is enclosed."""

    name: Id
    title: Text
    guidance: Text
    documents: list[Id]
    chronology_templates: bool = False  # with each recipient agency's App 7 workbook (scrkit chronology template)


class Catalogue(Record):
    letters: list[LetterSpec]
    packs: list[Pack] = []

    def get(self, name: str) -> LetterSpec | None:
        return next((letter for letter in self.letters if letter.name == name), None)

    def pack(self, name: str) -> Pack | None:
        return next((pack for pack in self.packs if pack.name == name), None)

    def shared_in_packs(self, names: list[str]) -> set[str]:
        """The documents for the whole review that the packs named hold (the terms of reference): one copy
        serves every agency's pack, so a copy already made on the day is kept, not refused."""
        packs = [pack for pack in (self.pack(name) for name in names) if pack is not None]
        documents = [self.get(document) for pack in packs for document in pack.documents]
        return {spec.name for spec in documents if spec is not None and spec.to == "review"}

    def expanded(self, names: list[str]) -> tuple[list[str], bool]:
        """The documents the names ask for, a pack standing for its documents (each once, in order), and
        whether a pack asks for the agencies' chronology workbooks."""
        documents: list[str] = []
        workbooks = False
        for name in names:
            pack = self.pack(name)
            documents.extend(pack.documents if pack else [name])
            workbooks = workbooks or bool(pack and pack.chronology_templates)
        return list(dict.fromkeys(documents)), workbooks


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue.model_validate(to_plain(read_document(DATA / "letters.yaml")))


def template_for(name: str, review_folder: Path, board_templates: Path | None) -> Path:
    """The review's own copy, else the board's, else scrkit's built-in template."""
    for folder in (review_folder / REVIEW_TEMPLATES, board_templates, templates_folder()):
        if folder is not None and (folder / f"{name}.docx").is_file():
            return folder / f"{name}.docx"
    return templates_folder() / f"{name}.docx"
