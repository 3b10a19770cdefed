"""The board's own details, printed on every letter (board.yaml)."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Record, Text


class Nation(StrEnum):
    """Whose bank holidays count when working days are counted."""

    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class Board(Record):
    name: Text
    short_name: Text
    address: list[Text]
    phone: Text | None = None
    fax: Text | None = None
    secure_email: Text
    website: Text | None = None
    nation: Nation = Nation.ENGLAND
    templates_folder: Text | None = None  # the board's own letter templates, e.g. on the shared drive
