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
    """the board's full name, e.g. Example Local Safeguarding Children Board"""
    short_name: Text
    """the board's short name, e.g. Example LSCB"""
    address: list[Text]
    """the board's postal address, one line per entry, printed on every letter"""
    phone: Text | None = None
    """the board's telephone number"""
    fax: Text | None = None
    """the board's fax number"""
    secure_email: Text
    """the board's secure email address (1.9.2)"""
    website: Text | None = None
    """the board's website"""
    nation: Nation = Nation.ENGLAND
    """whose bank holidays count when working days are counted"""
    templates_folder: Text | None = None
    """the board's own letter templates, e.g. on the shared drive"""
    salutation: Salutation = Salutation.TITLE_AND_SURNAME
    """how letters greet people: title-and-surname (Dear DCI Kavanagh), full-name or first-name"""
    ofsted_address: list[Text] = OFSTED_ADDRESS
    """where notifications to Ofsted go by post (2.3.4)"""
    department_address: list[Text] = DEPARTMENT_ADDRESS
    """the Department for Education's address for notifications (2.3.5, 1.7.2)"""
