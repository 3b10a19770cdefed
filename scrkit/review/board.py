"""The board's own details (board.yaml). `scrkit new` starts from the guidance's example board
(Solihull LSCB): a board that sets its name but not its number would send another board's
telephone, email and website in every letter."""

from __future__ import annotations

from functools import lru_cache

from scrkit.models.board import Board
from scrkit.records.yamlfile import read_document, to_plain
from scrkit.resources import DEFAULT_BOARD

CONTACT_FIELDS = ("short_name", "address", "phone", "fax", "secure_email", "website")


@lru_cache(maxsize=1)
def example_board() -> Board:
    return Board.model_validate(to_plain(read_document(DEFAULT_BOARD)))


def borrowed_details(board: Board) -> dict[str, str]:
    """The contact details board.yaml still holds from the example board after the board's name was
    changed (a board named as the example is the example, and borrows nothing), as they read."""
    example = example_board()
    if board.name == example.name:
        return {}
    borrowed = {}
    for field in CONTACT_FIELDS:
        value = getattr(board, field)
        if value and value == getattr(example, field):
            borrowed[field] = "; ".join(value) if isinstance(value, list) else str(value)
    return borrowed


def borrowed_sentence(fields: list[str]) -> str:
    """The borrowed details in one line, with what to do."""
    named = ", ".join(f"board.{field}" for field in fields)
    blank = [field for field in fields if not Board.model_fields[field].is_required()]
    return (
        f"{named}: still {example_board().short_name}'s, the example board's; set your board's "
        f"(scrkit set board.{fields[0]} ...)" + (f' or blank board.{blank[0]} with ""' if blank else "")
    )
