"""Build scrkit's starter Word templates (templates/*.docx) from the guidance's appendices.

This is a maintainers' script (it is not in the wheel): boards edit the .docx files in Word, not
this. Run it after changing a letter's wording here:

    .venv/bin/python tools/make_templates.py

tests/test_generated.py checks that the committed templates are what this script makes.

Placeholders are Jinja (docxtpl): ``{{ child.name }}``; ``{% if ... %}``; table rows repeat with
``{%tr for ... %}``. Facts that may be blank in a form are written ``|default("")``; every other
fact must be in the review, or the letter is refused naming what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Mm, Pt

from scrkit.office.word import add_page_field, document_bytes, keep_rows_whole, repeat_as_header

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
_output = TEMPLATES  # where save() writes; build_all() points it elsewhere for the check

LETTERHEAD = "{{ board.name }}"
ADDRESS = "{{ board.address|join(', ') }}"
CONTACT = "Tel {{ board.phone|default('') }}   Secure email {{ board.secure_email }}"
# A UK window envelope (DL or C5, window on the left): the address starts 20-25 mm from the page's left
# edge and about 50 mm from its top, inside a window about 90 x 45 mm, one line per address line.
ADDRESS_TOP = Mm(50)
TOP_MARGIN = Mm(30)
SIDE_MARGIN = Mm(22)
ADDRESS_SIZE = Pt(10)


_field = add_page_field  # a Word field (PAGE, NUMPAGES) filled in when the page is drawn


class Builder:
    def __init__(
        self,
        title: str,
        *,
        draft: bool = False,
        landscape: bool = False,
        footer: str | None = None,
        confidential: bool = True,
    ):
        self.document = Document()
        style = self.document.styles["Normal"]
        style.font.name = "Arial"
        style.font.size = Pt(11)
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4, never python-docx's US Letter
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = SIDE_MARGIN
        section.top_margin, section.bottom_margin = TOP_MARGIN, Mm(22)
        section.header_distance = section.footer_distance = Mm(10)
        header = section.header
        first = header.paragraphs[0]
        first.text = LETTERHEAD
        first.runs[0].bold = True
        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for line in (ADDRESS, CONTACT):
            paragraph = header.add_paragraph(line)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.runs[0].font.size = Pt(9)
        if draft:
            marker = header.add_paragraph("{% if draft %}DRAFT: NOT YET APPROVED (13.3.5){% endif %}")
            marker.alignment = WD_ALIGN_PARAGRAPH.CENTER
            marker.runs[0].bold = True
        foot = section.footer.paragraphs[0]
        # 1.9: the review's papers are confidential; the family leaflet is for the public (App 3).
        marking = "CONFIDENTIAL   " if confidential else ""
        foot.text = (footer or f"{marking}{{{{ review.reference }}}}   {title}") + "   Page "
        _field(foot, "PAGE")
        foot.add_run(" of ")
        _field(foot, "NUMPAGES")
        foot.style = self.document.styles["Footer"]
        foot.style.font.size = Pt(8)  # the page numbers (fields) too, not only the text before them

    def heading(self, text: str, level: int = 1) -> Builder:
        self.document.add_heading(text, level=level)
        return self

    def _after_table(self) -> bool:
        body = [child for child in self.document.element.body if not child.tag.endswith("}sectPr")]
        return bool(body) and body[-1].tag.endswith("}tbl")

    def para(self, *lines: str, bold: bool = False) -> Builder:
        for line in lines:
            after_table = self._after_table()
            paragraph = self.document.add_paragraph(line)
            if after_table:  # a line of text never touches the table above it
                paragraph.paragraph_format.space_before = Pt(8)
            if bold and paragraph.runs:
                paragraph.runs[0].bold = True
        return self

    def bullets(self, items: Sequence[str]) -> Builder:
        for item in items:
            self.document.add_paragraph(item, style="List Bullet")
        return self

    def table(self, headers: Sequence[str], loop: str | None = None, cells: Sequence[str] = ()) -> Builder:
        """A table with a header row printed again on every page, rows never split across pages;
        with ``loop``, one row per item (docxtpl's {%tr %}). Columns are sized to their content
        when the letter is rendered (scrkit.office.tables)."""
        rows = 1 + (3 if loop else 0)
        if self.document.paragraphs and not self._after_table():  # the line introducing it stays with it
            self.document.paragraphs[-1].paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=rows, cols=len(headers))
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, headers, strict=True):
            cell.text = heading
            if heading:
                cell.paragraphs[0].runs[0].bold = True
        if loop:
            table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
            for cell, text in zip(table.rows[2].cells, cells, strict=True):
                cell.text = text
            table.rows[3].cells[0].text = "{%tr endfor %}"
        repeat_as_header(table.rows[0])
        keep_rows_whole(table)
        return self

    def grid(self, headers: Sequence[str], rows: Sequence[Sequence[str]], space: Cm | None = None) -> Builder:
        """A table of fixed rows under a heading row printed on every page; ``space`` is the height
        of each row that has a cell left empty for writing in."""
        table = self.document.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, headers, strict=True):
            cell.text = heading
            cell.paragraphs[0].runs[0].bold = True
        for row, texts in zip(table.rows[1:], rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
            if space is not None and not all(texts):
                row.height = space
        repeat_as_header(table.rows[0])
        keep_rows_whole(table)
        return self

    def pairs(self, rows: Sequence[tuple[str, str]], space: Cm | None = None, together: bool = False) -> Builder:
        """A two-column form: a label, then its value; ``space`` is the height left for writing in
        each value cell that is empty (an answer, a signature); ``together`` keeps it on one page."""
        table = self.document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, (label, value) in zip(table.rows, rows, strict=True):
            row.cells[0].text = label
            row.cells[0].paragraphs[0].runs[0].bold = True
            row.cells[1].text = value
            if space is not None and not value:
                row.height = space
        keep_rows_whole(table)
        if together:  # a sign-off block: on one page, with the line that introduces it
            if self.document.paragraphs:
                self.document.paragraphs[-1].paragraph_format.keep_with_next = True
            for row in table.rows[:-1]:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        return self

    def address_block(self, address: str | None = None) -> Builder:
        """The recipient's name and address (or the lines of ``address``, a list of facts), one line
        each, where a window envelope shows them."""
        lines = (
            [f"{{%p for line in {address} %}}", "{{ line }}", "{%p endfor %}"]
            if address
            else [
                "{{ recipient.name }}",
                "{%p if recipient.title is defined %}",
                "{{ recipient.title }}",
                "{%p endif %}",
                "{%p if recipient.organisation is defined %}",
                "{{ recipient.organisation }}",
                "{%p endif %}",
                "{%p for line in recipient.address %}",
                "{{ line }}",
                "{%p endfor %}",
            ]
        )
        spacer = self.document.add_paragraph().paragraph_format  # down to the window, exactly
        spacer.line_spacing, spacer.space_before, spacer.space_after = Emu(ADDRESS_TOP - TOP_MARGIN), Pt(0), Pt(0)
        for line in lines:
            paragraph = self.document.add_paragraph(line)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.runs[0].font.size = ADDRESS_SIZE
        self.document.add_paragraph().paragraph_format.space_after = Pt(18)  # below the window
        return self

    def greeting(self) -> Builder:
        """The salutation the board chose (board.yaml ``salutation``): Dear DCI Kavanagh."""
        return self.para("{{ recipient.salutation }}")

    def signature(self, name: str, title: str, closing: str = "{{ recipient.closing }}") -> Builder:
        """The close, room to sign, the signer's name and title: one paragraph whose lines are kept
        together, so it is never split across pages (LibreOffice does not keep empty paragraphs
        with the next)."""
        if self.document.paragraphs:  # the last words of the letter go with it, not the close alone
            self.document.paragraphs[-1].paragraph_format.keep_with_next = True
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.space_after = Pt(10)
        for number, line in enumerate((closing, "", "", name, title)):
            run = paragraph.add_run(line)
            if number < 4:
                run.add_break()
        return self

    def save(self, name: str) -> None:
        self.document.core_properties.title = name
        (_output / f"{name}.docx").write_bytes(document_bytes(self.document))  # without the stock thumbnail


def scr_request() -> None:
    (
        Builder("Request for Serious Case Review")
        .address_block()
        .para("Date: {{ letter.date|long }}", "Our Ref: {{ review.reference }}")
        .para("To: LSCB Agency Members, and other agencies where there is an indication they may have been involved.")
        .greeting()
        .para(
            "RE: Request for Serious Case Review in respect of {{ child.name }}, {% if child.home_address %}"
            "{{ child.home_address|join(', ') }}, {% endif %}"
            "born {{ child.date_of_birth|long }}{% if child.date_of_death is defined %}, died "
            "{{ child.date_of_death|long }}{% endif %}",
            bold=True,
        )
        .para(
            "I am writing to you in my capacity as Chairperson of {{ board.name }} to advise that on "
            "{{ review.referral_received|long }} I received a formal referral to request that a Serious Case Review "
            "is commissioned in respect of the above child.",
            "I am enclosing a copy of the referral form which details the reasons why a Serious Case Review is "
            "being requested.",
            "{% if letter.decision == 'scr' %}On {{ letter.decision_date|long }} I decided that {{ board.short_name }} "
            "will undertake a Serious Case Review.{% elif letter.decision == 'not-scr' %}On "
            "{{ letter.decision_date|long }} I decided that {{ board.short_name }} will not undertake a Serious Case "
            "Review.{% else %}I am required to make a decision within 1 month of the date "
            "of the request as to whether {{ board.short_name }} should undertake a Serious Case Review. In due "
            "course I will seek your views on this important matter.{% endif %}",
            "In the interim, I ask that you immediately check your agency paper and electronic records to establish "
            "if {{ child.name }} or {{ child.possessive }} family was known to your agency or service and if so to "
            "secure any paper and/or electronic records. If the case remains open then a full copy of the file "
            "should be taken and the original file secured.",
            "Clearly this is a distressing time for staff and in particular those who have had direct involvement "
            "in working with {{ child.name }} and {{ child.possessive }} family. Can I ask that you advise staff with "
            "direct involvement with the family of the contents of this letter and explore any immediate support "
            "and/or practice issues that arise from the discussion.",
        )
        .para(
            "Please can I ask that you confirm in writing whether your agency has had any involvement with "
            "{{ child.name }} and/or {{ child.possessive }} family by {{ letter.reply_by|long }}. Where you have had "
            "involvement, please can I ask that you also confirm that you have secured all paper and electronic "
            "files.",
            bold=True,
        )
        .para(
            "Please respond to the Safeguarding Children Business Manager at {{ board.name }}, "
            "{{ board.address|join(', ') }} or via {{ board.secure_email }}, and where your agency has not had any "
            "involvement with the family a NIL return is required.",
            "Thanking you in anticipation",
        )
        .signature("{{ panel.lscb_chair.name }}", "Chair, {{ board.name }}")
        .para(
            "{% if agency.chief_officer is defined and agency.chief_officer.name != recipient.name %}"
            "cc: {{ agency.chief_officer.name }}"
            "{% if agency.chief_officer.title is defined %}, {{ agency.chief_officer.title }}{% endif %}"
            "{% endif %}"
        )
        .para("Enclosure: referral form (SCRRF.v1/2010)")
        .save("scr-request")
    )


def family_notification() -> None:
    (
        Builder("Serious Case Review: information for the family")
        .address_block()
        .para("Date: {{ letter.date|long }}", "Our Ref: {{ review.reference }}")
        .greeting()
        .para("Serious Case Review concerning {{ child.name }}", bold=True)
        .para(
            "I am writing to let you know that {{ board.name }} is carrying out a Serious Case Review following what "
            "happened to {{ child.known_as|default(child.name) }}. A Serious Case Review looks at how local "
            "professionals and organisations worked together. Its aim is not to blame but to learn.",
            "I enclose a leaflet that explains what a Serious Case Review is, who carries it out and how long it "
            "takes. You do not have to do anything, but you will have the opportunity to give your views if you "
            "would like to.",
            "If you have any questions, please contact {{ panel.family_contact.name }} on "
            "{{ panel.family_contact.phone }}, or the Chair of the Serious Case Review Panel, "
            "{{ panel.panel_chair.name }}, on {{ panel.panel_chair.phone }}.",
        )
        .signature("{{ panel.panel_chair.name }}", "Chair, Serious Case Review Panel")
        .para("Enclosure: Serious Case Reviews: Information for Families")
        .save("family-notification")
    )


def family_leaflet() -> None:
    questions = [
        (
            "What is {{ board.name }} ({{ board.short_name }})?",
            "The LSCB brings together all the main organisations who work with children and families in the area, "
            "with the aim of ensuring that we work together effectively to keep children safe.",
        ),
        (
            "What is a Serious Case Review?",
            "A Serious Case Review looks at how local professionals and organisations worked together to deliver "
            "services to the child or young person at the centre of the Review. It may also look at how they are "
            "working with other children in the immediate family. The Review considers what was done, what lessons "
            "can be learned for the future and what changes may need to be made. It is not a Criminal Investigation "
            "or Public Enquiry and its aim is not to blame but to learn.",
        ),
        (
            "Why Are You Carrying Out a Serious Case Review?",
            "{{ board.short_name }} has to carry out a Serious Case Review when a child has been seriously harmed or "
            "has died and abuse or neglect is suspected or confirmed. Consideration is also given to conducting "
            "Serious Case Reviews in some other circumstances. The reasons for the Review you have been informed "
            "about will be fully explained to you.",
        ),
        (
            "Who Will Carry Out the Review?",
            "A panel of professionals from the Local Authority Children's Services, the Health Service, the Police "
            "and sometimes other organisations such as the NSPCC, Probation, the Youth Offending Service or other "
            "organisations who work with children and their families are led by an expert in child protection "
            "(the Chair). They will meet to review information presented to them and prepare an Overview Report.",
        ),
        (
            "What Will I/We Have To Do?",
            "You do not have to do anything. However, you will have the opportunity to give your views if you would "
            "like to. We will make sure that there is someone who can help you to do this (see below).",
        ),
        (
            "Who Will See the Report?",
            "The overview report will be published in full unless to do so would harm other children/young people. "
            "The report will be suitably anonymised to protect the identity of surviving children, family members "
            "and others. We will give you a copy of the overview report. Your personal contact and/or the Chair of "
            "the Review will meet with you and discuss with you what is in the report. The Executive Summary "
            "outlines the key findings and recommendations of the Review without giving personal details. The "
            "Executive Summary is also anonymous. We will give you a copy of this summary.",
        ),
        (
            "How Long Will the Review Take?",
            "We aim to complete Reviews in 6 months from the date the decision was made to undertake a Review. "
            "However, this timescale sometimes needs to be extended, in which case you would be informed and the "
            "reasons why explained to you.",
        ),
    ]
    builder = (
        Builder("Information for Families", confidential=False)
        .heading("Serious Case Reviews: Information for Families", 0)
        .para(
            "If you require this information in another format, please contact the Safeguarding Children Business "
            "Manager on: Tel {{ board.phone }}"
        )
    )
    for question, answer in questions:
        builder.heading(question, 2).para(answer)
    (
        builder.para(
            "In this leaflet we have answered some of the most frequently asked questions families have about "
            "Serious Case Reviews. Of course, each case is different and you may have other questions you would "
            "like to ask. If so you can contact the Chair of this Serious Case Review Panel or your personal contact."
        )
        .pairs(
            [
                ("Chair:", "{{ panel.panel_chair.name }}"),
                ("Tel:", "{{ panel.panel_chair.phone }}"),
                ("Your personal contact:", "{{ panel.family_contact.name }}"),
                ("Tel:", "{{ panel.family_contact.phone }}"),
            ]
        )
        .para(
            "If you want to know more about the rules and regulations regarding Serious Case Reviews, you could look "
            "at Working Together to Safeguard Children (2010), Chapter 8."
        )
        .save("family-leaflet")
    )


def authors_briefing() -> None:
    (
        Builder("Briefing for Authors")
        .address_block()
        .para("To: IMR Authors & Overview Report Authors.", "Date: {{ letter.date|long }}")
        .para("Our Ref: {{ review.reference }}")
        .greeting()
        .para("RE: Serious Case Review: Briefing for Authors (IMR and Overview Authors)", bold=True)
        .para(
            "Subject: {{ child.name }}, born {{ child.date_of_birth|long }}"
            "{% if child.date_of_death is defined %}, died {{ child.date_of_death|long }}{% endif %}"
        )
        .para(
            "The purpose of this letter is to invite you as a nominated Author (IMR or Overview) to a briefing on the "
            "Serious Case Review concerning the child whose details are provided in the attached SCRRF.v1/2010 form.",
            "As you are aware, Local Safeguarding Children Boards are required to undertake Serious Case Reviews in "
            "the following circumstances:",
            "\u201cA LSCB should always consider whether to undertake a serious case review where a child has "
            "sustained a potentially life-threatening injury through abuse or neglect, serious sexual abuse, or "
            "sustained serious and permanent impairment of health or development through abuse or neglect, and the "
            "case gives rise to concerns about the way in which local professionals and services work together to "
            "safeguard and promote the welfare of children. This includes situations where a parent has been killed "
            "in a domestic violence situation or where a child has been killed by a parent who has a mental "
            "illness.\u201d",
            "The briefing for IMR and Overview authors is scheduled for:",
        )
        .pairs(
            [
                ("Date", "{{ review.authors_briefing.date|long }}"),
                ("Time", "{{ review.authors_briefing.time }}"),
                ("Venue", "{{ review.authors_briefing.venue }}"),
            ]
        )
        .para(
            "Please confirm your attendance by contacting the Safeguarding Children Business Manager on "
            "{{ board.phone }}. I have attached an IMR template which will be discussed at the briefing.",
        )
        .signature("{{ panel.panel_chair.name }}", "Chair, Serious Case Review Panel")
        .para("Cc: Members of the Serious Case Review Panel")
        .save("authors-briefing")
    )


def decision_letter() -> None:
    """1.6.3: agencies are told of the chair's decision and told to keep their records secured."""
    (
        Builder("The decision on the request for a Serious Case Review")
        .address_block()
        .para("Date: {{ letter.date|long }}")
        .greeting()
        .para(
            "SERIOUS CASE REVIEW: THE DECISION. {{ child.name }}, born {{ child.date_of_birth|long }}",
            bold=True,
        )
        .para(
            "On {{ review.referral_received|long }} {{ board.name }} asked your agency to secure its records about "
            "the above child and to tell us of any involvement with the child or family. Advised by the Serious "
            "Case Review Panel, the Chair of {{ board.short_name }} decided on {{ letter.decision_date|long }} "
            "{% if letter.decision == 'scr' %}to hold a Serious Case Review (1.5, 7.1.2).{% else %}not to hold a "
            "Serious Case Review (1.5.2).{% endif %}",
            "The reasons: {{ letter.decision_reasons }}",
            "{% if letter.decision == 'scr' %}Please make sure that every paper and electronic record relating to the "
            "child and family stays secured, guarded against loss or interference (1.6.1), and keep the "
            "practitioners concerned up to date with the decision and the procedures (1.6.4). The terms of "
            "reference will be shared with the agencies involved, and Individual Management Reviews commissioned, "
            "by the end of the fourth week after the referral (1.6.4).{% else %}Instead: "
            "{{ letter.alternative|default('the panel will write to you about what is to be done instead') }}. "
            "Please keep the records you secured until the board tells you that they may be released.{% endif %}",
            "If you have any questions please contact the Safeguarding Children Business Manager on "
            "{{ board.phone }} or by secure email to {{ board.secure_email }}.",
        )
        .signature("{{ panel.lscb_chair.name }}", "Chair, {{ board.name }}", "Yours sincerely")
        .save("decision-letter")
    )


def commission_imr() -> None:
    (
        Builder("Commissioning Individual Management Reviews")
        .address_block()
        .para("To: See distribution list", "From: Chair of SCRP", "Date: {{ letter.date|long }}")
        .greeting()
        .para(
            "SERIOUS CASE REVIEW: {{ child.name }}, born {{ child.date_of_birth|long }}"
            "{% if child.date_of_death is defined %}, died {{ child.date_of_death|long }}{% endif %}",
            bold=True,
        )
        .para(
            "{{ board.name }} has requested that a Serious Case Review under Working Together 2010 takes place "
            "concerning the above child. The aim of the review is to ascertain the facts, analyse them and identify "
            "any lessons that need to be learned.",
            "I am writing to you {% if agency.lscb_member %}in your capacity as a member of {{ board.short_name }} "
            "{% else %}as an agency that has been involved with {{ child.name }} or {{ child.possessive }} family "
            "{% endif %}to request an Individual Management Review. Guidance on the criteria for appointing an "
            "author for this report is enclosed.",
            "The Terms of Reference for the Case Review that have been produced by the Serious Case Review Panel in "
            "accordance with Working Together to Safeguard Children 2010 are also enclosed.",
            "Individual Management Review reports have been formally commissioned from the following agencies:",
        )
        .table(["Agency"], loop="a in involved_agencies", cells=["{{ a.name }}"])
        .para(
            "The person you nominate to write your single agency review is invited to a briefing for authors of "
            "Individual Management Reviews and the Overview Author on {{ review.authors_briefing.date|long }} at "
            "{{ review.authors_briefing.time }}, {{ review.authors_briefing.venue }}. This briefing will involve "
            "reinforcing general messages on Serious Case Reviews, including format, as well as a closer look at "
            "the scope of this particular review to ensure that everyone is clear about the remit that they have "
            "been given. It will also set out timescales for completion of reports. It is important that your "
            "representative attends.",
            "Also you will need to make arrangements to brief staff directly involved in working with "
            "{{ child.name }} and/or {{ child.possessive }} family, that a Serious Case Review is being conducted. "
            "This should be done in a sensitive and supportive manner. Other staff employed within your agency will "
            "also need to be briefed about the review.",
            "The reports will need to include a chronology of agency involvement with the family. Copies of IMRs are "
            "provided to Ofsted and the Department for Education together with the Overview Report on adoption by "
            "the LSCB (Working Together 2010, 8.47).",
            "A template for the report and one for the chronology are enclosed, and will be discussed at the "
            "meeting. The IMR will need to be "
            "submitted in person on a CD-Rom, by Special Delivery post or by secure email to "
            "{{ board.secure_email }}.",
        )
        .para(
            "It is important that the report deadline of {{ review.imr_deadline|long }} is met so that reports can "
            "be circulated to the Serious Case Review Panel in advance of the meeting on "
            "{{ review.presentation_meeting|long }}.",
            bold=True,
        )
        .para(
            "Authors will be expected to attend this meeting also to present their reports, and we can organise the "
            "timing of presentations when we meet on {{ review.authors_briefing.date|long }}.",
            "If you have any questions or queries please contact the Safeguarding Children Business Manager on "
            "{{ board.phone }}. Please confirm the name and contact details of your agency's IMR Author to me by "
            "{{ review.imr_authors_named_by|long }}.",
        )
        .signature("{{ panel.panel_chair.name }}", "Chair, Serious Case Review Panel", "Yours sincerely")
        .para(
            "Enclosed: the terms of reference; the guide for IMR authors, with the "
            "criteria for appointing them and guidance on drawing a genogram (9.1, Appendices 14 and 15); the IMR "
            "template (Appendix 6); the chronology workbook (Appendix 7)."
        )
        .para(
            "Distribution: all agencies who responded positively to the request letter (form let SCR Request.v1/2010).",
            "Cc: Chief Officers of all agencies listed",
        )
        .table(
            ["Chief Officer", "Agency"],
            # The letter's own addressee is not copied to themselves.
            loop="a in involved_agencies if a.chief_officer.name != recipient.name",
            cells=["{{ a.chief_officer.name }}", "{{ a.name }}"],
        )
        .save("commission-imr")
    )


def practitioner_debriefing() -> None:
    (
        Builder("Practitioners De-Briefing")
        .address_block()
        .para("Our Ref: {{ review.reference }}", "Date: {{ letter.date|long }}")
        .greeting()
        .para("Serious Case Review: {{ child.name }}: Practitioners De-Briefing", bold=True)
        .para(
            "As you will be aware a Serious Case Review was held on the above child. This review has now been "
            "concluded and the Overview Report and Executive Summary are available for dissemination.",
            "We recognise that it is important to share the Overview Report and its findings with all those directly "
            "involved in the case, and would therefore like to invite you to a de-briefing on "
            "{{ review.practitioner_debriefing.date|long }} at {{ review.practitioner_debriefing.time }}, "
            "{{ review.practitioner_debriefing.venue }}.",
            "Please advise either by email ({{ board.secure_email }}) or by completing the attached reply slip to "
            "indicate whether or not you are able to attend. If there is someone you think should be invited but who "
            "is not on the list below, please contact {{ panel.administrator.name }}, Administrator to the LSCB, on "
            "{{ panel.administrator.phone|default(board.phone) }}.",
        )
        .signature("{{ panel.lscb_chair.name }}", "Chair of {{ board.short_name }}", "Yours sincerely")
        .para("Distribution:")
        .para("For attendance: practitioners")
        .table(["Job title", "Agency"], loop="p in professionals", cells=["{{ p.role }}", "{{ p.agency_name }}"])
        .para(
            "For information: Members of the SCR Panel; Single Agency Management Review Authors; Ofsted; "
            "the Department for Education; the Overview Author"
        )
        .para("", "- - - - - - - - - - - - - - - - - - - -  Reply slip  - - - - - - - - - - - - - - - - - - - -", "")
        .pairs([("Name:", ""), ("Workplace:", "")])
        .para(
            "I am able / unable* to attend the meeting on {{ review.practitioner_debriefing.date|long }} at "
            "{{ review.practitioner_debriefing.time }}, {{ review.practitioner_debriefing.venue }}.",
            "* delete as appropriate. Return to {{ board.secure_email }}.",
        )
        .save("practitioner-debriefing")
    )


def notification(name: str, addressee: str, address: str, guidance: str) -> None:
    (
        Builder(f"Notification to {addressee}")
        .address_block(address)
        .para("Date: {{ letter.date|long }}", "Our Ref: {{ review.reference }}")
        .para("Dear Sir or Madam")  # to an organisation, by no one's name: "Yours faithfully" below
        .para(f"Serious Case Review {{{{ review.reference }}}}: notification ({guidance})", bold=True)
        .para(
            "In line with 1.9.1 of our practice guidance, the child, the family and the professionals involved are "
            "not named in this notification: the child is referred to as {{ child.called }}."
        )
        .pairs(
            [
                ("Local Safeguarding Children Board", "{{ board.name }}"),
                ("Review reference", "{{ review.reference }}"),
                ("The child", "{{ child.gender_word }}, aged {{ child.age_at_incident }} at the incident"),
                ("Date of the incident", "{{ review.incident_date|long }}"),
                ("What happened", "{{ referral.outline|default('Not yet recorded') }}"),
                ("Subject to a child protection plan", "{{ child.cp_plan|default('Not known') }}"),
                ("Referral received", "{{ review.referral_received|long }}"),
                ("Circumstances (App 1 section 5)", "{{ circumstances_text }}"),
                ("Decision", "{{ decision_text }}"),
                (
                    "Completion",
                    "{% if completion_done is defined %}Completed {{ completion_done|long }}{% elif completion_due "
                    "is defined %}Due {{ completion_due|long }}{% else %}Not applicable: no Serious Case Review is "
                    "held{% endif %}{% if extension is defined %} (extended: {{ extension.reason }}){% endif %}",
                ),
                ("Media interest (2.3.1)", "{{ review.media_interest|default('None known') }}"),
                (
                    "Executive summary published",
                    "{% if review.executive_summary_published is defined %}"
                    "{{ review.executive_summary_published|long }}{% else %}Not yet published{% endif %}",
                ),
                (
                    "Contact",
                    "The Safeguarding Children Business Manager, {{ board.secure_email }}, "
                    "{{ board.phone|default('') }}",
                ),
            ]
        )
        .para("Court proceedings: expected dates and outcomes (1.7.2)", bold=True)
        .table(
            ["Date", "Proceedings", "Hearing", "Outcome"],
            loop="c in court_dates",
            cells=["{{ c.date|short }}", "{{ c.kind }}", "{{ c.hearing }}", "{{ c.outcome|default('') }}"],
        )
        .para("{% if not court_dates %}No court dates are known.{% endif %}")
        .para(
            "We will write again when the review is completed and submitted for evaluation, and with our plans "
            "for and dates of publication (2.3.5)."
        )
        .signature("{{ panel.lscb_chair.name }}", "Chair, {{ board.name }}", "Yours faithfully")
        .save(name)
    )


def referral_form() -> None:
    (
        Builder("Referral form SCRRF.v1/2010")
        .heading("Consideration of Case for Serious Case Review: Referral", 0)
        .para("Form SCRRF.v1/2010. Review {{ review.reference }}")
        .heading("Part 1 (to be completed within 72 hours of the incident by the referring officer)", 1)
        .heading("1. Referrer", 2)
        .pairs(
            [
                ("Name", "{{ referral.referrer.name|default('') }}"),
                ("Agency", "{{ referral.referrer.agency_name|default('') }}"),
                ("Email", "{{ referral.referrer.email|default('') }}"),
                ("Line manager", "{{ referral.referrer.line_manager|default('') }}"),
                ("Phone", "{{ referral.referrer.phone|default('') }}"),
            ]
        )
        .heading("2. Child and Family", 2)
        .pairs(
            [
                ("Name of child", "{{ child.name }}"),
                ("Date of birth", "{{ child.date_of_birth|short }}"),
                ("Date of death (if applicable)", "{{ child.date_of_death|short|default('') }}"),
                ("Date of critical incident", "{{ review.incident_date|short }}"),
                ("Home address", "{{ child.home_address|join(', ') }}"),
                ("Ethnic origin", "{{ child.ethnic_origin|default('') }}"),
                ("Is/was subject to Child Protection Plan", "{{ child.cp_plan }}"),
                ("Whereabouts at time of critical incident", "{{ child.whereabouts_at_incident|default('') }}"),
                ("Carer at time of critical incident", "{{ child.carer_at_incident|default('') }}"),
            ]
        )
        .heading("3. Family composition / Significant Others", 2)
        .table(
            ["Name", "Relationship to child", "DOB", "Address", "Legal status", "Ethnic origin", "CP plan?"],
            loop="m in family",
            cells=[
                "{{ m.name }}",
                "{{ m.relationship }}",
                "{{ m.date_of_birth|short|default('') }}",
                "{{ m.address|join(', ') }}",
                "{{ m.legal_status|default('') }}",
                "{{ m.ethnic_origin|default('') }}",
                "{{ m.cp_plan }}",
            ],
        )
        .heading("4. Other agencies involved", 2)
        .table(
            ["Name", "Agency", "Contact details", "Still involved?"],
            loop="o in referral.other_agencies",
            cells=["{{ o.name }}", "{{ o.agency_name }}", "{{ o.contact|default('') }}", "{{ o.still }}"],
        )
        .heading("5. Circumstances that triggered the referral", 2)
        .table(
            ["", "Category", "Circumstances"],
            loop="c in circumstances",
            cells=["{{ c.mark }}", "{{ c.letter }}) {{ c.title }}", "{{ c.detail|default('') }}"],
        )
        .para("Events and circumstances relevant to the above category:", bold=True)
        .para("{{ referral.outline|default('') }}")
        .heading("Chronology of key dates", 2)
        .table(
            ["Date (& time where appropriate)", "Event"],
            loop="k in referral.key_dates",
            cells=["{{ k.date|short }} {{ k.time|default('') }}", "{{ k.event }}"],
        )
        .para(
            "NB: Agencies are reminded of the need to secure their files as soon as they become aware that a Serious "
            "Case Review might take place."
        )
        .pairs(
            [
                ("Date of referral", "{{ referral.date_of_referral|short|default('') }}"),
                ("Signed", "{{ referral.signed_by|default('') }}"),
            ],
            together=True,
        )
        .heading("Part 2 (to be completed by the Chair of the LSCB)", 1)
        .para(
            "It is {{ decision_recommended }} that this case be subject to a Serious Case Review for the following "
            "reasons:",
            "{{ review.decision.reasons|default('') }}",
        )
        .para("When a case does not meet the criteria for review, other options may be considered:")
        .table(["", "Option"], loop="o in alternatives", cells=["{{ o.mark }}", "{{ o.title }}"])
        .para("The following members of LSCB constituent agencies have been consulted:")
        .bullets(["{%p for person in referral.part2.consulted %}", "{{ person }}", "{%p endfor %}"])
        .para(
            "Legal advice {{ legal_advice }} been sought.",
            "I recommend that {{ referral.part2.overview_author_suggested|default('__________') }} be approached to "
            "write the Overview Report.",
        )
        .pairs(
            [
                ("Signed", "{{ referral.part2.signed_by|default('') }}"),
                ("Dated", "{{ referral.part2.signed_on|short|default('') }}"),
            ],
            together=True,
        )
        .heading("Part 3 (to be completed by the Chair of the SCRP)", 1)
        .para("The Terms of Reference and scope of the SCR agreed by the SCRP are set out below:")
        .para("{{ referral.part3.text|default('') }}")
        .pairs(
            [
                ("Signed", "{{ referral.part3.signed_by|default('') }}"),
                ("Dated", "{{ referral.part3.signed_on|short|default('') }}"),
            ],
            together=True,
        )
        .para("End of referral form {{ review.reference }}")
        .save("referral-form")
    )


SCOPING_QUESTIONS = [
    "What appear to be the most important issues to address in identifying the learning from this specific case?",
    "When should the SCR start, and by what date should it be completed? Are there relevant court cases or "
    "investigations pending which could influence progress or the timing of publication?",
    "Over what time period should events in the child's life be reviewed, and what family history would help?",
    "How should the child, surviving siblings, parents or other family members contribute to the SCR?",
    "Are there specific diversity or equality issues to address: ethnicity, disability, religion, poverty?",
    "Did the family's immigration status have an impact on the children or on the parents' capacity?",
    "Which organisations and professionals should be asked to submit reports or otherwise contribute?",
    "Will the LSCB need independent legal advice about any aspect of the proposed SCR?",
    "Will the case give rise to parallel investigations, and how will the review take account of a coroner's "
    "inquiry, criminal investigations, or family or civil proceedings?",
    "How should family, public and media interest be managed before, during and after the SCR?",
    "How should staff be interviewed, and are there implications for disciplinary proceedings?",
]


def terms_of_reference() -> None:
    (
        Builder(
            "Terms of reference",
            draft=True,
            footer="CONFIDENTIAL   {{ review.reference }}   Terms of reference version {{ tor.version }}, "
            "{{ tor.version_date|long }}{% if draft %} (DRAFT){% endif %}",
        )
        .heading("Serious Case Review {{ review.reference }}: Terms of Reference", 0)
        .para(
            "Version {{ tor.version }}, {{ tor.version_date|long }}. {% if draft %}This is a draft: the terms of "
            "reference are final once the LSCB Chair has approved them (2.2.5).{% else %}Approved by the LSCB Chair "
            "on {{ tor.approved_on|long }}.{% endif %}",
            bold=True,
        )
        .heading("1. The child", 1)
        .pairs(
            [
                ("Child", "{{ child.name }}"),
                ("Date of birth", "{{ child.date_of_birth|long }}"),
                ("Date of the incident", "{{ review.incident_date|long }}"),
                ("Decision to hold an SCR", "{{ review.decision.date|long }}"),
            ]
        )
        .heading("2. Period under review", 1)
        .para("The review will consider events from {{ tor.period_start|long }} to {{ tor.period_end|long }} (2.1.1).")
        .heading("3. Scope", 1)
        .para("{{ tor.scope }}")
        .heading("4. Questions every Individual Management Review will address (2.2.1)", 1)
        .table(["No.", "Question"], loop="q in tor.questions", cells=["{{ loop.index }}", "{{ q }}"])
        .heading("5. Agencies asked to contribute Individual Management Reviews (10.1.1)", 1)
        .table(["Agency", "Kind"], loop="a in involved_agencies", cells=["{{ a.name }}", "{{ a.kind }}"])
        .heading("6. Timescales (1.6, 7.1)", 1)
        .table(
            ["Milestone", "Guidance", "Due"],
            loop="m in milestones",
            cells=["{{ m.title }}", "{{ m.guidance }}", "{{ m.due|short|default('to be set') }}"],
        )
        .heading("7. Matters the panel considered in scoping the review (2.1.1)", 1)
        .bullets(SCOPING_QUESTIONS)
        .heading("8. Independence and roles (3.1)", 1)
        .pairs(
            [
                ("Independent SCR Panel Chair", "{{ panel.panel_chair.name }}"),
                ("Independent Overview Author", "{{ panel.overview_author.name }}"),
                ("LSCB Chair", "{{ panel.lscb_chair.name }}"),
            ]
        )
        .heading("9. Family involvement (6.1)", 1)
        .para(
            "The panel will decide how the family is told of the review and invited to contribute, with the police "
            "representative present where there are ongoing police investigations (6.1.3)."
        )
        .heading("10. Data security (1.9)", 1)
        .para(
            "Information about the child, family members and professionals is anonymised before it is sent to any "
            "external body. Agencies communicate with the board by secure email ({{ board.secure_email }})."
        )
        .para("End of terms of reference, version {{ tor.version }}.")
        .save("terms-of-reference")
    )


IMR_SECTIONS: list[tuple[str, list[str]]] = [
    (
        "Contextual Information",
        [
            "Decide whether the context in which the case was conducted impacted on decisions made; include it only "
            "in so far as it is relevant to the actions of the organisation. Evidence any assertions. Most weight "
            "should be given to primary information; secondary and anecdotal information must be identified as such.",
            "Volume of work; staff turnover, sickness and leave cover; administrative support; organisational "
            "change; unallocated cases; the social and community context; management and supervision; risk "
            "management and support policies; services and support available to the family; budgetary "
            "constraints; training; legal advice.",
        ],
    ),
    (
        "Methodology",
        [
            "a) How the agency carried out the review; b) details of documents seen; c) list of interviews and "
            "dates; d) information not available or not considered (with reasons); e) how agency staff were kept "
            "informed of the purpose and process of the review; f) staff involved by name and job title, for the "
            "Panel only (the overview report will be completely anonymised); g) were you given sufficient time?",
        ],
    ),
    (
        "Genogram",
        [
            "{% if genogram is defined %}{{ genogram }}{% endif %}",
            "Above: the family as the review's records hold it. Add to it, or correct it, as far as your agency "
            "understands the family, including grandparents, other significant adults and friends (App 14 2.3, "
            "Appendix 15).",
        ],
    ),
    (
        "Summary of Facts",
        [
            "a) Relevant chronological history (in narrative form) on the child, family and significant others: "
            "present and past relationships, marriages, children and home circumstances, adults' own childhood, "
            "violence within the family and towards people outside it, relationships with extended family and the "
            "local community. b) Further amplification of relevant facts. c) Other relevant information appended: "
            "child protection conference minutes, planning or review meeting minutes, criminal antecedents, growth "
            "charts. d) The agency's internal child protection procedures (copies attached).",
        ],
    ),
    (
        "Detailed factual chronology",
        [
            "In the tabular form of Appendix 7, provided electronically. Cover contact with the alleged perpetrator "
            "and whether everything was done that might reasonably have been expected to manage the risk of harm "
            "they posed to the child.",
        ],
    ),
    (
        "Analysis of Involvement",
        [
            "Consider the events, decisions and actions taken or not taken; understand not only what happened but "
            "why. Specifically:",
            "Were practitioners aware of and sensitive to the needs of the children, and knowledgeable about "
            "indicators of abuse or neglect and what to do about concerns?",
            "When, and in what way, were the child's wishes and feelings ascertained and taken account of? Was this "
            "recorded?",
            "Did the organisation have policies and procedures for safeguarding and acting on concerns?",
            "What were the key points, opportunities and decisions? Were assessments and decisions reached in an "
            "informed and professional way?",
            "Did actions accord with assessments and decisions? Were appropriate services offered or enquiries made?",
            "Were there issues in communication, information sharing or service delivery between office-hours and "
            "out-of-hours services?",
            "Were child protection or care plans in place, and reviewing processes complied with?",
            "Was practice sensitive to the racial, cultural, linguistic and religious identity, and any disability, "
            "of the child and family?",
            "Were senior managers or other organisations involved where they should have been?",
            "Was the work consistent with policy and procedures and wider professional standards?",
            "Were there organisational difficulties, capacity or resourcing issues that had an impact?",
            "Was there sufficient management accountability for decision making?",
        ],
    ),
    (
        "What do we learn from this case?",
        [
            "Are there lessons for the way this organisation works to safeguard and promote the welfare of "
            "children? Is there good practice to highlight, and ways in which practice can be improved? Are there "
            "implications for ways of working, training, management and supervision, partnership working, resources?",
        ],
    ),
    (
        "SMART Recommendations for action",
        [
            "a) Changes to the agency's child protection procedures; b) changes in inter-agency working; c) good "
            "practice to expand; d) what action should be taken by whom and by when; e) the outcomes these actions "
            "should bring about, and in what timescales; f) how the organisation will evaluate whether they have "
            "been achieved; g) any immediate statutory notifications or media handling issues.",
        ],
    ),
    ("Action Plan", ["Formulate the SMART recommendations into an agency action plan (Appendix 13 template)."]),
]


def imr_template() -> None:
    builder = (
        Builder("Individual Management Review, Format IMR.v1/2010")
        .heading("Report of {{ agency.name }}", 0)
        .para("On", "{{ child.name }}", "To the Serious Case Review Panel", bold=True)
        .pairs(
            [
                ("Date of request", "{{ letter.date|long }}"),
                (
                    "IMR Author",
                    "State the role of the IMR author within the organisation and whether they have been directly "
                    "concerned with the child or family or have been the immediate manager of the practitioners "
                    "involved (9.1.2).",
                ),
                ("Date agency records secured", "{{ agency.records_secured|long|default('') }}"),
                ("Period under review", "{{ tor.period_start|long }} to {{ tor.period_end|long }}"),
            ]
        )
        .heading("Terms of Reference", 1)
        .para("{{ tor.scope }}")
        .table(["No.", "Question"], loop="q in tor.questions", cells=["{{ loop.index }}", "{{ q }}"])
    )
    for heading, prompts in IMR_SECTIONS:
        builder.heading(heading, 1)
        for prompt in prompts:
            builder.para(prompt)
        builder.para("[Author's text]")
    (
        builder.heading("Signatures required on completed report", 1)
        .pairs(
            [("Author of IMR", ""), ("Date", ""), ("Head of Agency", ""), ("Date", "")], space=Cm(1.2), together=True
        )
        .para("End of IMR template for {{ agency.name }}.")
        .save("imr-template")
    )


def interview_record() -> None:
    (
        Builder("Interview record, Interview.v1/2010")
        .heading("Interview format: {{ review.reference }}", 0)
        .heading("Details of contributor (to be completed as a preamble to the discussion on the case)", 2)
        .pairs(
            [
                ("Full Name", "{{ recipient.name }}"),
                ("Qualifications", ""),
                ("Designation", "{{ recipient.title|default('') }}"),
                ("Time in post", ""),
                ("Employing Body", "{{ recipient.organisation|default('') }}"),
                ("Employing Address", "{{ recipient.address|join(', ') }}"),
                ("Home Address (where appropriate)", ""),
                ("Previous Employment", ""),
                ("Employer dates, posts held", ""),
                ("Description of role in relation to particular case", ""),
            ],
            space=Cm(1.2),
        )
        .para(
            "Matters to be covered in interviews (to be used in conjunction with the chronology of the case to "
            "check facts, to discuss the contributor's specific participation and the timescale of their "
            "involvement). Explore with the contributor:"
        )
        .pairs(
            [
                ("a) Their knowledge of the history of the case, the children and family prior to involvement", ""),
                ("b) Their specific involvement in the case", ""),
                ("c) Their knowledge of the agency's policy and procedures in child care and child protection", ""),
                (
                    "d) Their knowledge of child development, identifying injuries, the psychological effects of "
                    "abuse, direct work techniques, and their role in CP conferences",
                    "",
                ),
                ("e) Methods used to relate to and communicate with other professionals in the case", ""),
                ("f) The individual's record keeping", ""),
                ("g) The supervision the individual received", ""),
                ("h) The individual's feelings about the case, and how they were dealt with in supervision", ""),
                ("i) The range of training within and outside the agency in the last two years", ""),
                ("j) Whether the agency can learn lessons from the experience", ""),
                ("k) Looking back, what the individual would now do differently", ""),
                ("l) What lessons the individual can learn from the experience", ""),
            ],
            space=Cm(3.5),  # room for the interviewer's notes of each answer
        )
        .para(
            "Following the interview the Author writes an interview summary; a copy is handed to the interviewee who, "
            "if in agreement, signs both copies. Disagreement on the content is identified and noted (11.1.6). "
            "The interviewee should have had at least 2 weeks' notice and may be accompanied (11.1.3)."
        )
        .pairs(
            [
                ("Interviewer", "{% if interview is defined %}{{ interview.interviewer }}{% endif %}"),
                ("Date", "{% if interview is defined %}{{ interview.date|long }}{% endif %}"),
                ("Venue", "{% if interview is defined %}{{ interview.venue|default('') }}{% endif %}"),
                (
                    "Notice given",
                    "{% if interview is defined %}{{ interview.notice_given|long|default('') }}{% endif %}",
                ),
                ("Supporter", "{% if interview is defined %}{{ interview.supporter|default('') }}{% endif %}"),
                ("Signed (interviewee)", ""),
                ("Signed (interviewer)", ""),
            ],
            space=Cm(1.5),
            together=True,
        )
        .save("interview-record")
    )


def comms_plan() -> None:
    # 16.1.3's list, each with what the records already say, and room for the plan.
    agencies = "{% for a in involved_agencies %}{{ a.name }}{% if not loop.last %}; {% endif %}{% endfor %}"
    rows = [
        ("Key messages", ""),
        (
            "Audience and stakeholders (16.1.1)",
            f"The agencies involved: {agencies}. The child's family; elected and appointed members; staff; the public "
            "and the media.",
        ),
        (
            "Communication channels to make public the lessons learnt",
            "{% if board.website is defined %}The board's website, {{ board.website }}.{% endif %}",
        ),
        (
            "Briefing inspectorates and relevant bodies before publication",
            "Ofsted and the Department for Education (2.3).",
        ),
        (
            "Roles and responsibilities of key individuals",
            "LSCB Chair: {{ panel.lscb_chair.name }}. SCR Panel Chair: {{ panel.panel_chair.name }}."
            "{% if panel.business_manager is defined %} Business Manager: {{ panel.business_manager.name }}."
            "{% endif %}",
        ),
        (
            "Agency leading communications and press releases for the LSCB",
            "{% if review.media_interest is defined %}Media interest so far: {{ review.media_interest }}{% endif %}",
        ),
        (
            "Support offered to families",
            "{% if panel.family_contact is defined %}The family's contact: {{ panel.family_contact.name }}.{% endif %}",
        ),
        ("Briefing of staff on the contents of the report", ""),
        (
            "Briefing of the families and those involved in the compilation of the report",
            "{% if review.family_involvement.decision is defined %}{{ review.family_involvement.decision }}{% endif %}",
        ),
        (
            "Available resources for publication",
            "{% if review.executive_summary_published is defined %}Executive summary published "
            "{{ review.executive_summary_published|long }}.{% else %}The executive summary is not yet published."
            "{% endif %}",
        ),
        (
            "Debriefing arrangements to those involved (16.2)",
            "{% if review.practitioner_debriefing.date is defined %}Practitioners' de-briefing "
            "{{ review.practitioner_debriefing.date|long }}{% if review.practitioner_debriefing.venue is defined %}, "
            "{{ review.practitioner_debriefing.venue }}{% endif %}.{% else %}Practitioners' de-briefing not yet "
            "arranged (after the LSCB approves the SCR, 16.2.1).{% endif %}",
        ),
        ("The need for media training", ""),
    ]
    (
        Builder("Communications plan, comm. Plan.v1/2010", draft=True, landscape=True)
        .heading("Overview Report Communications Plan: {{ review.reference }}", 0)
        .para(
            "Media/Communications Plan prepared for {{ board.name }} (16.1). The second column is what the review's "
            "records already say; complete the plan in the third: what will be done, by whom and by when."
        )
        .grid(["To consider (16.1.3)", "From the review's records", "Plan: what, by whom, by when"],
              [(item, known, "") for item, known in rows], space=Cm(2))
        .para("End of communications plan {{ review.reference }}.")
        .save("comms-plan")
    )  # fmt: skip


def action_plan() -> None:
    (
        Builder("Action plan", draft=True, landscape=True)
        .heading("Action Plan: Serious Case Review {{ review.reference }}", 0)
        .para(
            "Each action says who will do what, by when, and how success will be measured (13.2.1, 17.1.1). "
            "Recommendations are addressed to someone with the authority to ensure compliance."
        )
        .table(
            [
                "Agency",
                "Outcome",
                "Recommendation",
                "Actions",
                "By Whom?",
                "By When?",
                "Actions taken",
                "Information for audit",
            ],
            loop="a in actions",
            cells=[
                "{% if a.first %}{{ a.agency }}{% endif %}",
                "{% if a.first %}{{ a.outcome }}{% endif %}",
                "{% if a.first %}{{ a.recommendation }}{% endif %}",
                "{{ a.actions }}",
                "{{ a.by_whom }}",
                "{{ a.by_when }}",
                "{{ a.taken|default('') }}",
                "{{ a.audit|default('') }}",
            ],
        )  # fmt: skip
        .para("{% if example_actions is defined %}The rows above are the example from Appendix 13.{% endif %}")
        .para(
            "Sign-off: the LSCB formally concludes the SCR by signing off the completion of the action plan (17.1.2).",
            bold=True,
        )
        .pairs(
            [
                ("Signed off by", "{{ action_plan.signed_off_by|default('') }}"),
                (
                    "Date",
                    "{% if action_plan.signed_off_on is defined %}{{ action_plan.signed_off_on|long }}{% endif %}",
                ),
                ("Signature", ""),
            ],
            space=Cm(1.5),
            together=True,
        )  # fmt: skip
        .para("End of action plan {{ review.reference }}.")
        .save("action-plan")
    )


# 9.1: the criteria for appointing an IMR author, which the commissioning letter says are enclosed (App 5).
AUTHOR_CRITERIA = [
    "A person of sufficient seniority to work at all levels within the agency, fair in the way the views of staff "
    "are represented, familiar with current child protection practice, who will produce an independent and "
    "objective report within the timescales (9.1.1).",
    "Not directly concerned with the child or family, and not the immediate line manager of the practitioners "
    "involved (9.1.2).",
    "With unrestricted rights of enquiry and access to staff, records and files; staff central to the case, and "
    "those who wish to be, are interviewed (9.1.5).",
    "With their workload reviewed, clerical support, supervision and support, and if need be relieved of their "
    "normal duties while the review is written (9.1.8).",
]

# App 14: the IMR authors' guide, as the board's guidance gives it.
AUTHORS_GUIDE: list[tuple[str, list[str]]] = [
    (
        "1. The aims of Individual Management Reviews",
        [
            "IMRs look openly and critically at individual and organisational practice, to see whether the case "
            "indicates that changes could and should be made and, if so, how those changes will be brought about.",
            "A Serious Case Review is not an enquiry into how a child died or who is culpable: it is a learning "
            "exercise. Look at the underlying causes, e.g. the capacity of frontline services, the quality of "
            "management oversight and support, and the culture within the team, service and agency.",
            "Interview the relevant staff, keep a record of each interview, and have both interviewer and interviewee "
            "sign it (section 11 of the guidance; the interview record is Appendix 8).",
        ],
    ),
    (
        "2. Content",
        [
            "Follow the IMR template (Appendix 6), enclosed, so that every topic is covered. Address the terms of "
            "reference, enclosed, within the period they set: from {{ tor.period_start|long }} to "
            "{{ tor.period_end|long }}.",
            "Include a genogram of the family as far as your agency understands it, including grandparents, other "
            "significant adults and friends (section 5 below). Record where agencies missed opportunities to see the "
            "child or to ascertain the child's wishes and feelings.",
            "Complete the chronology in the format provided (Appendix 7, the enclosed workbook): who knew what and "
            "when, when the child was seen, what their condition was and what they said, and missed opportunities to "
            "see and speak to the child.",
            "Analyse practice, not only what happened: the actions of individual staff, and an honest appraisal of "
            "why they acted as they did.",
            "Make recommendations for your agency that are Specific, Measurable, Achievable, Reasonable and Timely, "
            "based on your report, and that your agency is ready to implement without delay.",
        ],
    ),
    (
        "3. Legal advice",
        [
            "Consider obtaining advice from your own legal advisers on your draft before submitting it; say if the "
            "report is substantially affected by it. Legal advice is privileged, and agencies need not disclose it.",
            "Where legal advice given to the agency is closely associated with significant issues in the case, invite "
            "the agency's legal advisers to submit a report to be appended, prepared by a lawyer with no direct "
            "involvement in the case or in advising the panel.",
        ],
    ),
    (
        "4. Gathering information",
        [
            "Base your report on the template and any headings agreed for this case; include anything else that is "
            "directly relevant. Record and sign, with the member of staff, every discussion you have with staff.",
            "Refer to the original files, which your agency has secured; where a case remains open, copy the files for "
            "the case worker and use the originals for the review.",
            "Your review and recommendations MUST be approved and signed off at Chief Executive or Director level "
            "(App 14 4.4).",
            "Every IMR is sent to Ofsted with the overview report and graded against the descriptors of Appendix 12. "
            "An IMR that falls short is returned for further work (4.1.1). The timescales are tight and must be met: "
            "this review's IMRs are due by {{ review.imr_deadline|long }}.",
            "Anonymise every name throughout your report, with a glossary appended.",
        ],
    ),
    (
        "5. Writing the report",
        [
            "Relate the IMR explicitly to the terms of reference; write reflectively, analytically and evaluatively; "
            "talk the reader through how you found the information and wrote the report.",
            "Distinguish recorded fact, opinion and third-party information; say clearly when you give your opinion. "
            "Do not reword the chronology: critically analyse your agency's involvement, and why things happened.",
            "Identify poor practice as unacceptable, why it took place and what contributed to it (staffing, "
            "training, audit, supervision and management), and what would have made a difference to the child. "
            "Identify and report good practice.",
            "Remember that the review is about a child. Address ethnicity, language, religion, culture and social "
            "exclusion. Help the reader understand what life was like for the child: their views, wishes and feelings; "
            "their development and progress; their relationships with their carers.",
        ],
    ),
    (
        "6. Recommendations and presenting the IMR",
        [
            "Say what action should be taken by whom and by when, the outcomes it should bring about and how your "
            "agency will know they have been achieved (Appendix 13). Have the report signed off by your Chief "
            "Executive, with their name and job title printed beneath.",
            "You will present your IMR to the panel on {{ review.presentation_meeting|long }}; its members will have "
            "read it. The panel may ask for more information, or for clarity where IMRs differ; you will be told what "
            "is asked for and by when. The independent overview author draws the IMRs together, and will ask you to "
            "confirm that the overview report represents your information fully and fairly (13.1.6).",
        ],
    ),
]

# App 15: how to draw the genogram the IMR includes (2.3).
GENOGRAM_GUIDE = [
    "A genogram represents a family tree and the relationships within the family. A square is a male, a circle a "
    "female, a diamond a family member whose gender is unknown. A cross through the symbol: the person has died.",
    "An unbroken line joins partners in an enduring relationship (marriage, cohabitation); a broken line a "
    "transitory one. One short diagonal line across it: separated; two: divorced.",
    "Children of the same relationship hang from it, the eldest on the left and the youngest on the right; twins "
    "come from a single stalk. A miscarriage or abortion is a small diagonal cross, in the same order as the "
    "other children.",
    "A dotted line goes around the members of each household. Write names and dates of birth clearly under the "
    "symbols. Where relationships are complicated, show the family groups especially clearly.",
    "A genogram helps identify intergenerational patterns within families, and how much of the family's history "
    "each agency knows.",
]


def imr_authors_guide() -> None:
    """App 14 and App 15 with 9.1's criteria: what the commissioning letter (App 5) says is enclosed."""
    builder = (
        Builder("IMR authors' guide (App 14, App 15)")
        .heading("Serious Case Review {{ review.reference }}: a guide for the IMR author of {{ agency.name }}", 0)
        .para(
            "This guide goes with the letter commissioning your agency's Individual Management Review, with the "
            "terms of reference, the IMR template (Appendix 6) and the chronology workbook (Appendix 7)."
        )
        .heading("Who should write the IMR (9.1)", 1)
        .bullets(AUTHOR_CRITERIA)
    )
    for heading, paragraphs in AUTHORS_GUIDE:
        builder.heading(heading, 1).bullets(paragraphs)
    (
        builder.heading("Drawing the genogram (Appendix 15)", 1)
        .bullets(GENOGRAM_GUIDE)
        .para("{% if genogram is defined %}{{ genogram }}{% endif %}")
        .para(
            "{% if genogram is defined %}Above: the family as the review's records hold it, drawn in these symbols. "
            "Add to it, or correct it, as far as your agency understands the family.{% endif %}"
        )
        .para("Questions: the Safeguarding Children Business Manager, {{ board.phone }}, {{ board.secure_email }}.")
        .para("End of the IMR authors' guide, {{ review.reference }}.")
        .save("imr-authors-guide")
    )


def panel_minutes() -> None:
    """2.2.2, 7.2.2, 12.1, 13.1.4: a panel meeting's minutes, pre-filled from meetings.yaml, with progress
    against the written timeframe as it stood on the meeting's day."""
    (
        Builder("Minutes of the Serious Case Review Panel", draft=False)
        .heading(
            "Serious Case Review {{ review.reference }}: minutes of the panel meeting of {{ meeting.date|long }}", 0
        )  # fmt: skip
        .pairs(
            [
                ("Meeting", "{{ meeting.id }}"),
                (
                    "Date and time",
                    "{{ meeting.date|long }}{% if meeting.time is defined %}, {{ meeting.time }}{% endif %}",
                ),
                ("Venue", "{{ meeting.venue|default('') }}"),
                (
                    "Minutes approved",
                    "{% if meeting.minutes_approved is defined %}{{ meeting.minutes_approved|long }}"
                    "{% else %}Not yet approved{% endif %}",
                ),
            ]
        )  # fmt: skip
        .heading("1. Present", 1)
        .table(
            ["Name", "Job title or role", "Organisation"],
            loop="p in meeting.present",
            cells=["{{ p.name }}", "{{ p.job_title }}", "{{ p.organisation }}"],
        )
        .heading("2. Considered", 1)
        .table(["No.", "Item"], loop="item in meeting.considers", cells=["{{ loop.index }}", "{{ item }}"])
        .heading("3. Progress against the written timeframe (7.2.2)", 1)
        .para(
            "Milestones overdue, late in the month before the meeting, or due in the month after it, as they stood "
            "on {{ meeting.date|long }}. Any deviation from the timeframe is brought to the LSCB's attention at the "
            "earliest opportunity (7.2.2).{% if not meeting.progress %} Nothing is overdue or due in the next "
            "month.{% endif %}"
        )
        .table(
            ["Milestone", "Due", "State"],
            loop="m in meeting.progress",
            cells=["{{ m.title }}", "{{ m.due }}", "{{ m.state }}"],
        )
        .heading("4. Decisions", 1)
        .table(["No.", "Decision"], loop="d in meeting.decisions", cells=["{{ loop.index }}", "{{ d }}"])
        .heading("5. Actions agreed", 1)
        .table(
            ["No.", "Action, by whom and by when"], loop="a in meeting.actions", cells=["{{ loop.index }}", "{{ a }}"]
        )  # fmt: skip
        .para("End of the minutes of {{ meeting.id }}, {{ review.reference }}.")
        .save("panel-minutes")
    )


ACTION_PLAN_COLUMNS = ["Agency", "Recommendation", "Actions", "By Whom?", "By When?", "Actions taken"]
ACTION_PLAN_CELLS = [
    "{% if a.first %}{{ a.agency }}{% endif %}",
    "{% if a.first %}{{ a.recommendation }}{% endif %}",
    "{{ a.actions }}",
    "{{ a.by_whom }}",
    "{{ a.by_when }}",
    "{{ a.taken|default('') }}",
]


def overview_report() -> None:
    """13.1 (and Working Together 2010, 8.40, as boards practised it): pre-filled from the records, the
    author's analysis written into it; DRAFT with its version and date until the LSCB adopts it."""
    version = "{{ overview_draft.version }}, {{ overview_draft.version_date|long }}"
    builder = (
        Builder(
            "Overview report",
            draft=True,
            footer="CONFIDENTIAL   {{ review.reference }}   Overview report version "
            + version
            + "{% if draft %} (DRAFT){% endif %}",
        )  # fmt: skip
        .heading("Serious Case Review {{ review.reference }}: Overview Report", 0)
        .para(
            "Version " + version + ". {% if draft %}This is a draft: the report is final once the LSCB has adopted "
            "it (13.3.5, 14.1).{% else %}Adopted by {{ board.name }} on {{ completion_done|long }}.{% endif %}",
            bold=True,
        )
        .heading("1. Introduction", 1)
        .heading("1.1 Why this review was held", 2)
        .pairs(
            [
                ("Child", "{{ child.name }}"),
                ("Date of birth", "{{ child.date_of_birth|long }}"),
                ("Date of the incident", "{{ review.incident_date|long }}"),
                ("Circumstances (App 1)", "{{ circumstances_text }}"),
                ("Decision", "{{ decision_text }}"),
                ("Why", "{{ review.decision.reasons }}"),
            ]
        )
        .heading("1.2 Terms of reference and scope (2.1, 2.2)", 2)
        .para("The review considered events from {{ tor.period_start|long }} to {{ tor.period_end|long }}.")
        .para("{{ tor.scope }}")
        .heading("1.3 The panel (3.1, 4.1)", 2)
        .para(
            "The independent chair of the panel was {{ panel.panel_chair.name }}; the independent author of this "
            "report is {{ panel.overview_author.name }}. The panel's members, by job title and organisation:"
        )
        .table(
            ["Job title", "Organisation"],
            loop="m in panel_members",
            cells=["{{ m.job_title }}", "{{ m.organisation }}"],
        )  # fmt: skip
        .heading("1.4 The review process and the Individual Management Reviews (9-12)", 2)
        .para("Each agency below contributed an Individual Management Review, presented to the panel by its author.")
        .table(
            ["Agency", "Author's role", "Submitted", "Presented"],
            loop="i in imr_rows",
            cells=["{{ i.agency }}", "{{ i.author_role }}", "{{ i.submitted }}", "{{ i.presented }}"],
        )
        .heading("2. The family", 1)
        .table(
            ["Name", "Relationship to the child"], loop="f in family", cells=["{{ f.name }}", "{{ f.relationship }}"]
        )  # fmt: skip
        .para("{% if genogram is defined %}{{ genogram }}{% endif %}")
        .para("The family's genogram, drawn from the review's records (App 15).")
        .heading("3. The facts", 1)
        .para("[The overview author's account of the facts, from the IMRs and the integrated chronology.]")
        .para(
            "The integrated chronology of every agency's events (App 7) goes with this report as its appendix: "
            "chronology/integrated-chronology.docx, made by scrkit merge-chronology --docx."
        )
        .heading("4. Analysis", 1)
        .para("One section for each question of the terms of reference (2.2.1), reconciling the IMRs (13.1.1).")
        .para("{%p for q in tor.questions %}")
    )
    builder.document.add_heading("4.{{ loop.index }} {{ q }}", level=2)
    (
        builder.para("[The overview author's analysis.]")
        .para("{%p endfor %}")
        .heading("5. Lessons to be learned", 1)
        .para("[What this case teaches about the way agencies work, alone and together, to safeguard children.]")
        .heading("6. Recommendations (13.1.3: few, focused and achievable)", 1)
        .table(
            ["No.", "Recommendation", "Agency"],
            loop="r in recommendations",
            cells=["{{ r.id }}", "{{ r.recommendation }}", "{{ r.agency }}"],
        )
        .heading("7. The action plan (App 13)", 1)
        .table(ACTION_PLAN_COLUMNS, loop="a in own_actions", cells=ACTION_PLAN_CELLS)
        .heading("8. The drafts and the panel's discussion of them (13.1.4, 13.1.5)", 1)
        .table(
            ["Version", "Dated", "Discussed by the panel", "The panel's view"],
            loop="d in overview.drafts",
            cells=[
                "{{ d.version }}",
                "{{ d.date|short }}",
                "{% if d.discussed_on is defined %}{{ d.discussed_on|short }}{% endif %}",
                "{{ d.discussion|default('') }}",
            ],
        )
        .para("End of overview report {{ review.reference }}, version {{ overview_draft.version }}.")
        .save("overview-report")
    )


def executive_summary() -> None:
    """13.3: the five elements of 13.3.2 and the action plan in full (13.2.1); anonymised but for the LSCB
    chair, the panel chair and the overview author, the panel by job title and organisation."""
    summary = "overview.executive_summary"
    (
        Builder(
            "Executive summary",
            draft=True,
            footer="{{ review.reference }}   Executive summary{% if draft %} (DRAFT){% endif %}",
            confidential=False,
        )
        .heading("Serious Case Review {{ review.reference }}: Executive Summary", 0)
        .para(
            "{{ board.name }}. {% if draft %}This is a draft until the LSCB endorses it (13.3.4, 13.3.5)."
            "{% else %}Endorsed by the LSCB on {{ completion_done|long }}.{% endif %}",
            bold=True,
        )
        .heading("1. The purpose and scope of the review", 1)
        .para("{{ " + summary + ".purpose_and_scope }}")
        .heading("2. The review process", 1)
        .para("{{ " + summary + ".review_process }}")
        .para(
            "The LSCB chair is {{ panel.lscb_chair.name }}. The independent chair of the panel was "
            "{{ panel.panel_chair.name }}, and the independent overview author {{ panel.overview_author.name }}. "
            "The panel's members, by job title and organisation (13.2.1):"
        )
        .table(
            ["Job title", "Organisation"],
            loop="m in panel_members",
            cells=["{{ m.job_title }}", "{{ m.organisation }}"],
        )  # fmt: skip
        .para("The organisations that provided Individual Management Reviews:")
        .table(["Organisation"], loop="i in imr_rows", cells=["{{ i.agency }}"])
        .heading("3. The circumstances that led to the review", 1)
        .para("{{ " + summary + ".circumstances }}")
        .heading("4. The key issues arising from the case", 1)
        .para("{{ " + summary + ".key_issues }}")
        .heading("5. Intended actions, including those completed", 1)
        .para("{{ " + summary + ".intended_actions }}")
        .para("The action plan in full (13.2.1):")
        .table(ACTION_PLAN_COLUMNS, loop="a in own_actions", cells=ACTION_PLAN_CELLS)
        .para("End of executive summary {{ review.reference }}.")
        .save("executive-summary")
    )


BUILDERS: dict[str, Callable[[], None]] = {
    "scr-request": scr_request,
    "family-notification": family_notification,
    "family-leaflet": family_leaflet,
    "authors-briefing": authors_briefing,
    "decision-letter": decision_letter,
    "commission-imr": commission_imr,
    "practitioner-debriefing": practitioner_debriefing,
    "ofsted-notification": lambda: notification("ofsted-notification", "Ofsted", "board.ofsted_address", "2.3"),
    "department-notification": lambda: notification(
        "department-notification", "the Department for Education", "board.department_address", "2.3.5"
    ),
    "referral-form": referral_form,
    "terms-of-reference": terms_of_reference,
    "imr-template": imr_template,
    "interview-record": interview_record,
    "comms-plan": comms_plan,
    "action-plan": action_plan,
    "imr-authors-guide": imr_authors_guide,
    "panel-minutes": panel_minutes,
    "overview-report": overview_report,
    "executive-summary": executive_summary,
}


def build_all(folder: Path = TEMPLATES) -> list[Path]:
    """Write every template into ``folder``; returns their paths."""
    global _output
    _output = folder
    try:
        for build in BUILDERS.values():
            build()
    finally:
        _output = TEMPLATES
    return [folder / f"{name}.docx" for name in BUILDERS]


if __name__ == "__main__":
    for path in build_all():
        print(f"wrote {path.relative_to(TEMPLATES.parent)}")
