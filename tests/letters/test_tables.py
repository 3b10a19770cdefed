"""Table columns sized to what they hold (scrkit.office.tables), and record text reflowed for print."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from scrkit.letters.facts import reflowed
from scrkit.office.tables import fit_columns, text_width
from scrkit.office.word import repeat_as_header

PAGE_TEXT_WIDTH = Mm(210 - 2 * 22)  # A4 less the letters' 22 mm margins


def a4_document():  # noqa: ANN201 - a python-docx Document
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    document.styles["Normal"].font.size = Pt(11)
    return document


def table_of(document, rows: list[list[str]], heading: bool = True):  # noqa: ANN001, ANN201
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    if heading:
        repeat_as_header(table.rows[0])
    return table


def widths(table) -> list[int]:  # noqa: ANN001
    return [int(column.get(qn("w:w"))) * 635 for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]  # twips to EMU


def test_no_column_is_narrower_than_its_longest_word_and_the_page_is_filled() -> None:
    document = a4_document()
    table = table_of(
        document,
        [
            ["Name", "Relationship to child", "DOB", "Address", "Legal status", "Ethnic origin", "CP plan?"],
            ["Edith Hollis", "Maternal great-grandmother", "30/06/1948", "3 Orchard Vale, Harrowfield", "", "", "NO"],
        ],
    )
    fit_columns(document)
    found = widths(table)
    assert abs(sum(found) - PAGE_TEXT_WIDTH) < len(found) * 635  # the page's width, to a twip a column
    for word, column in (("Relationship", 1), ("grandmother", 1), ("30/06/1948", 2), ("Harrowfield,", 3)):
        assert found[column] >= text_width(word, Pt(11)), word
    assert found[1] > found[6]  # the long relationship column is wider than the short CP plan one


def test_a_label_beside_a_long_answer_keeps_its_line() -> None:
    document = a4_document()
    label = "Subject to a child protection plan"
    table = table_of(document, [[label, "On 14 September 2026 the child was brought to hospital. " * 8]], heading=False)
    fit_columns(document)
    assert widths(table)[0] >= text_width(label, Pt(11))  # on one line, not broken over three


def test_an_empty_column_to_write_in_gets_room_and_an_unheaded_one_is_a_tick_box() -> None:
    document = a4_document()
    answers = table_of(document, [["Question", "Answer"], ["a) Their knowledge of the case", ""]])
    ticks = table_of(document, [["", "Option"], ["", "A Single Agency Management Review"]])
    fit_columns(document)
    assert widths(answers)[1] >= PAGE_TEXT_WIDTH // 2 - Cm(0.1)
    assert Cm(0.9) <= widths(ticks)[0] <= Cm(1.5)


def test_widths_set_by_hand_are_kept() -> None:
    document = a4_document()
    table = table_of(document, [["A", "B"], ["x", "y"]])
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    grid[0].set(qn("w:w"), "1000")
    grid[1].set(qn("w:w"), "8000")
    fit_columns(document)
    assert [column.get(qn("w:w")) for column in grid] == ["1000", "8000"]


def test_text_typed_with_wrapped_lines_prints_as_paragraphs() -> None:
    typed = "On 14 September 2026 the child was\nbrought to hospital.\n\nThe police attended\nthree times.\n"
    assert reflowed(typed) == (
        "On 14 September 2026 the child was brought to hospital.\n\nThe police attended three times."
    )
    assert reflowed("Actions:\n- train staff\n- audit files\n  after three months") == (
        "Actions:\n- train staff\n- audit files after three months"
    )
    assert reflowed("1. one\n2. two") == "1. one\n2. two"
