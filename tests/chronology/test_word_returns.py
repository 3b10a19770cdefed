"""Issue 20: chronology returns written as Word tables, made the ways agencies make them."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION

from scrkit.chronology.reading import read_return
from scrkit.chronology.written_dates import Precision
from tests.chronology.conftest import APP7, reading

TODAY = dt.date(2026, 11, 26)
AGENCIES = {"police": "Ashcombe Constabulary", "community-health": "Ashcombe Community Health NHS Trust"}


def word_return(path: Path, *tables: list[list[str]], text_before: str = "Chronology for the SCR") -> Path:
    document = Document()
    document.add_paragraph(text_before)
    for rows in tables:
        table = document.add_table(rows=0, cols=max(len(row) for row in rows))
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=False):
                cell.text = value
        document.add_paragraph("")
    document.save(path)
    return path


def test_the_app7_table_as_issued_is_read_row_by_row(tmp_path: Path) -> None:
    path = word_return(
        tmp_path / "police chronology.docx",
        [APP7, ["1", "14/01/2026 02:15", "", "", "M", "N", "Call to the house.\nNo answer.", "Log 1", "Visit", ""],
         ["2", "w/c 11/05/2026", "", "", "M", "", "Week of calls", "Log 2", "", ""]],
    )  # fmt: skip
    result = read_return(path, reading(AGENCIES, TODAY))
    assert result.readable and result.agency == "police"
    first, second = result.events
    assert (first.date.date, first.time, first.event) == (
        dt.date(2026, 1, 14),
        dt.time(2, 15),
        "Call to the house.\nNo answer.",
    )
    assert (first.sheet, first.source_row) == ("Table 1", 2)
    assert second.date.precision is Precision.WEEK


def test_a_table_pasted_from_a_case_system_with_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "community-health export.docx"
    document = Document()
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Date", "Person(s) involved", "Details of contact", "Outcome"],
                          strict=True):  # fmt: skip
        cell.text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "08/06/2026"  # one date merged over two entries
    for row, values in ((1, ["Mum", "Home visit: bruise seen", "Referral"]), (2, ["C", "Phone call to GP", ""]),
                        (3, ["M", "Clinic", "Seen"])):  # fmt: skip
        for column, value in enumerate(values, start=1):
            table.cell(row, column).text = value
    table.cell(3, 0).text = "10/06/2026"
    document.save(path)
    result = read_return(path, reading(AGENCIES, TODAY))
    assert [(e.date.date, e.family_member, e.event, e.action) for e in result.events] == [
        (dt.date(2026, 6, 8), "Mum", "Home visit: bruise seen", "Referral"),
        (dt.date(2026, 6, 8), "C", "Phone call to GP", ""),
        (dt.date(2026, 6, 10), "M", "Clinic", "Seen"),
    ]


def test_a_table_split_over_pages_is_joined_and_only_the_chronology_table_is_merged(tmp_path: Path) -> None:
    path = tmp_path / "police return.docx"
    document = Document()
    contacts = document.add_table(rows=2, cols=2)  # a table of contacts at the top: not a chronology
    contacts.cell(0, 0).text, contacts.cell(0, 1).text = "Officer", "Phone"
    contacts.cell(1, 0).text, contacts.cell(1, 1).text = "DS Hale", "01632 960000"
    first = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["Date", "Event", "Action taken"]):
        first.cell(0, column).text = text
    for column, text in enumerate(["02/03/2026", "First page event", "Logged"]):
        first.cell(1, column).text = text
    document.add_section(WD_SECTION.NEW_PAGE)
    carried = document.add_table(rows=2, cols=3)  # carried on after the page break, no heading row
    for column, text in enumerate(["03/03/2026", "Second page event", "Logged"]):
        carried.cell(0, column).text = text
    for column, text in enumerate(["unknown", "Undated on page two", ""]):
        carried.cell(1, column).text = text
    document.save(path)
    result = read_return(path, reading(AGENCIES, TODAY))
    assert [e.event for e in result.events] == ["First page event", "Second page event", "Undated on page two"]
    assert result.events[2].date.precision is Precision.UNDATED
    assert {e.sheet for e in result.events} == {"Table 2"}
    notes = [problem for problem in result.problems if problem.sheet == "Table 1"]
    assert notes and all(problem.note for problem in notes)  # the contacts table is said, not merged


def test_word_returns_with_macros_embedded_objects_or_links_out_are_refused(tmp_path: Path) -> None:
    clean = word_return(tmp_path / "clean.docx", [["Date", "Event"], ["02/03/2026", "x"]])

    def altered(name: str, extra: dict[str, bytes], types: bytes = b"", rels: bytes = b"") -> Path:
        target = tmp_path / name
        with zipfile.ZipFile(clean) as source, zipfile.ZipFile(target, "w") as out:
            for entry in source.infolist():
                data = source.read(entry)
                if entry.filename == "[Content_Types].xml" and types:
                    data = data.replace(b"</Types>", types + b"</Types>")
                if entry.filename == "word/_rels/document.xml.rels" and rels:
                    data = data.replace(b"</Relationships>", rels + b"</Relationships>")
                out.writestr(entry, data)
            for part, data in extra.items():
                out.writestr(part, data)
        return target

    vba = b'<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    macro = altered("police macro.docx", {"word/vbaProject.bin": b"x"}, types=vba)
    embedded = altered("police embedded.docx", {"word/embeddings/oleObject1.bin": b"x"})
    linked = altered("police linked.docx", {}, rels=b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                     b'officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/x.dotm" '
                     b'TargetMode="External"/>')  # fmt: skip
    for path, reason in ((macro, "macros"), (embedded, "embedded objects"), (linked, "outside the file")):
        before = path.read_bytes()
        result = read_return(path, reading(AGENCIES, TODAY))
        assert not result.readable and reason in result.problems[0].reason, path.name
        assert path.read_bytes() == before  # the return is never modified


def test_an_old_word_file_is_refused_with_what_to_ask_for(tmp_path: Path) -> None:
    path = tmp_path / "police.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = read_return(path, reading(AGENCIES, TODAY))
    assert not result.readable and ".docx" in result.problems[0].reason


def test_the_word_template_as_issued_comes_back_and_reads_cleanly(scrkit, review_dir: Path) -> None:
    from scrkit.chronology.headings import columns

    made = scrkit("chronology", "template", "--word", "--agency", "police", "-r", review_dir)
    assert made.code == 0, made.err
    path = review_dir / "chronology" / "templates" / "chronology police.docx"
    document = Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)  # A4 landscape
    preamble, table = document.tables
    assert [cell.text for cell in preamble.rows[0].cells] == ["Agency", "Ashcombe Constabulary"]
    assert "01/09/2023 to 14/09/2026" in [cell.text for cell in preamble.rows[2].cells]
    assert [cell.text for cell in table.rows[0].cells] == [column.heading for column in columns()]
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    assert "App 14, 2.4" in text and "day first" in text
    # Filled in by the agency (one row, the rest left blank), saved under a name without the agency's id.
    for cell, value in zip(table.rows[1].cells, ["1", "02/03/2026", "09:30", "", "C", "Y", "Visit", "Log", "", ""],
                           strict=True):  # fmt: skip
        cell.text = value
    returned = tmp = review_dir / "chronology" / "returns" / "our chronology.docx"
    document.save(str(tmp))
    read = read_return(returned, reading({"police": "Ashcombe Constabulary"}, TODAY))
    assert read.agency == "police" and read.problem_count == 0
    [event] = read.events
    assert (event.date.date, event.time, event.event) == (dt.date(2026, 3, 2), dt.time(9, 30), "Visit")


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_body(path: Path, body: str) -> Path:
    """A .docx whose body is the given WordprocessingML, as a case system's paste leaves it."""
    document = Document()
    document.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}'
        "<w:sectPr/></w:body></w:document>"
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _cell(text: str) -> str:
    return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'


def _row(*texts: str, wrap_cells: bool = False) -> str:
    cells = "".join(f"<w:sdt><w:sdtPr/><w:sdtContent>{_cell(t)}</w:sdtContent></w:sdt>" if wrap_cells else _cell(t)
                    for t in texts)  # fmt: skip
    return f"<w:tr>{cells}</w:tr>"


HEADINGS = ("Date", "Event", "Source")


def test_rows_and_cells_wrapped_in_content_controls_are_read(tmp_path: Path) -> None:
    """Case systems paste tables with every row, or every cell, inside a content control (w:sdt)."""
    body = (
        "<w:tbl>" + _row(*HEADINGS)
        + "<w:sdt><w:sdtPr/><w:sdtContent>" + _row("03/02/2026", "Home visit", "HV record") + "</w:sdtContent></w:sdt>"
        + _row("04/02/2026", "Phone call", "HV record", wrap_cells=True) + "</w:tbl>"
    )  # fmt: skip
    result = read_return(_with_body(tmp_path / "community-health paste.docx", body), reading(AGENCIES, TODAY))
    assert [(event.date.date, event.event) for event in result.events] == [
        (dt.date(2026, 2, 3), "Home visit"),
        (dt.date(2026, 2, 4), "Phone call"),
    ]
    assert result.problem_count == 0


def test_tracked_changes_are_read_as_accepted_and_a_note_says_so(tmp_path: Path) -> None:
    deleted_row = (
        '<w:tr><w:trPr><w:del w:id="9" w:author="A"/></w:trPr>'
        + _cell("05/02/2026") + _cell("Visit entered twice") + _cell("HV record") + "</w:tr>"
    )  # fmt: skip
    edited = (
        "<w:tr>" + _cell("06/02/2026")
        + '<w:tc><w:p><w:r><w:t xml:space="preserve">Mother </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>refused</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>agreed</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> a visit</w:t></w:r></w:p></w:tc>' + _cell("HV record") + "</w:tr>"
    )  # fmt: skip
    body = "<w:tbl>" + _row(*HEADINGS) + deleted_row + edited + "</w:tbl>"
    result = read_return(_with_body(tmp_path / "community-health changes.docx", body), reading(AGENCIES, TODAY))
    assert [(event.date.date, event.event) for event in result.events] == [
        (dt.date(2026, 2, 6), "Mother agreed a visit")
    ]
    [note] = [problem for problem in result.problems if "tracked changes" in problem.reason]
    assert note.note and "1 row(s) marked as deleted (tracked changes) were left out" in note.reason
    assert "deleted (tracked changes) in 1 cell(s) was left out" in note.reason
    assert "inserted (tracked changes) in 1 cell(s) was kept" in note.reason
    assert result.problem_count == 0  # a note, not a problem: the return is merged


def test_several_chronology_tables_of_different_widths_are_each_read(tmp_path: Path) -> None:
    """One document, two teams' chronology tables with their own columns, and a contacts table."""
    path = word_return(
        tmp_path / "police chronology.docx",
        [["Date", "Event", "Source"], ["01/03/2026", "Call logged", "Log 1"]],
        [["Name", "Role"], ["PC 2291", "Officer"]],
        [["Date", "Time", "Event", "Action taken"], ["02/03/2026", "10:00", "Visit", "Advice"],
         ["03/03/2026", "11:30", "Second visit", "Referral"]],
    )  # fmt: skip
    result = read_return(path, reading(AGENCIES, TODAY))
    assert [(event.sheet, event.date.date, event.event) for event in result.events] == [
        ("Table 1", dt.date(2026, 3, 1), "Call logged"),
        ("Table 3", dt.date(2026, 3, 2), "Visit"),
        ("Table 3", dt.date(2026, 3, 3), "Second visit"),
    ]
    assert result.events[1].time == dt.time(10, 0)
    assert any("Table 2" in (problem.sheet or "") for problem in result.problems)  # said, not silently skipped


def test_the_word_template_opens_in_an_office_suite_on_a4_landscape(scrkit, review_dir: Path, tmp_path: Path) -> None:
    from tests.office import page_count, pdf_text, to_pdf

    assert scrkit("chronology", "template", "--word", "--agency", "police", "-r", review_dir).code == 0
    template = review_dir / "chronology" / "templates" / "chronology police.docx"
    pdf = to_pdf([template], tmp_path)[template.stem]
    text = " ".join(pdf_text(pdf).split())
    assert "Agency Ashcombe Constabulary" in text and "Period under review 01/09/2023 to 14/09/2026" in text
    assert "(App 14, 2.4)" in text and "Action taken" in text and "Page 1 of" in text
    assert page_count(pdf) >= 1
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    width, height = (float(x) for x in next(line for line in info.splitlines() if "Page size" in line).split()[2:5:2])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_c_is_the_child_even_where_child_yaml_agrees_no_abbreviation(review_dir: Path) -> None:
    """Every template scrkit issues tells agencies that C is the child (App 7)."""
    from scrkit.chronology.family import family_directory
    from scrkit.review.casefolder import CaseFolder
    from tests.conftest import replace_in

    replace_in(review_dir / "child.yaml", "abbreviation: C ", "# abbreviation: C ")
    directory = family_directory(CaseFolder.open(review_dir).load())
    assert directory.identify("C").people == ("child",) and directory.shown(("child",)) == "C"
