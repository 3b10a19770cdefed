"""The board's own details, printed on every letter (board.yaml)."""

from __future__ import annotations

from enum import StrEnum

from scrkit.models.fields import Record, Text
from scrkit.names import Salutation

# 2.3.4: where notifications to Ofsted go by post.
OFSTED_ADDRESS = ["Ofsted", "National Business Unit", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD"]
# 2.3.5, 1.7.2: the Department for Education's serious case review team, at the Department's address.
DEPARTMENT_ADDRESS = [
    "Department for Education", "Serious Case Reviews", "Sanctuary Buildings", "Great Smith Street", "London",
    "SW1P 3BT",
]  # fmt: skip


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
    salutation: Salutation = Salutation.TITLE_AND_SURNAME  # Dear DCI Kavanagh; or full-name, first-name
    ofsted_address: list[Text] = OFSTED_ADDRESS  # 2.3.4: notifications to Ofsted
    department_address: list[Text] = DEPARTMENT_ADDRESS  # 2.3.5, 1.7.2
