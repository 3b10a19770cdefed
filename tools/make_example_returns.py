"""Write the example review's chronology returns, each messy in the ways real returns are.

    .venv/bin/python tools/make_example_returns.py

Every person, event and date is invented. Each agency's return shows a kind of mess scrkit must
cope with: reworded headings, dates typed as text, partial and uncertain dates, a 1904-based
workbook, a CSV saved by Excel on Windows, missing and extra columns, a heading row below a
title, text that looks like a formula, blank rows, and events recorded by two agencies.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

RETURNS = Path(__file__).resolve().parents[1] / "examples" / "ashcombe-scr-2026-03" / "chronology" / "returns"
APP7 = ["Event No", "Date", "Time", "Age of Child", "Family Member", "Child seen/wishes sought or expressed (Y/N)",
        "Event", "Agency source to overview", "Action taken", "Note"]  # fmt: skip
D, T = dt.date, dt.time


def police() -> None:
    """From scrkit's own template: date and time cells, Y/N typed in several ways."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chronology"
    for row in (
        ["Agency", "Ashcombe Constabulary"],
        ["Review", "SCR-2026-03"],
        ["Period under review", "01/09/2023 to 14/09/2026"],
        [],
        [],
    ):
        sheet.append(row)
    sheet.append(APP7)
    rows = [
        (
            1,
            D(2023, 6, 12),
            T(22, 10),
            "",
            "M",
            "",
            "Report of a verbal argument between Jodie Fenwick and a previous partner at her former address. No offences disclosed.",
            "Incident log 4471",
            "Words of advice; DASH risk assessment standard",
            "",
        ),
        (
            2,
            D(2025, 11, 2),
            T(23, 40),
            "",
            "M / MP",
            "N",
            "Police attend a report of domestic abuse at 27 Quillan Close. Mother has a red mark to her neck; children asleep upstairs and not seen by officers.",
            "Incident log 8812",
            "DASH medium; PPN1 notification to children's social care",
            "Children not seen",
        ),
        (
            3,
            D(2026, 2, 19),
            T(1, 5),
            "",
            "MP",
            "no",
            "Second attendance: neighbour reports shouting and a child crying. Liam Ostrow has left before officers arrive. Mia-Rose seen in her cot, appeared well.",
            "Incident log 1290",
            "PPN1 shared with children's social care",
            "",
        ),
        (
            4,
            D(2026, 7, 30),
            T(1, 15),
            "",
            "MP",
            "Y",
            "Third attendance. Liam Ostrow arrested for assault on Jodie Fenwick; released under investigation. Tyler (8) tells officers 'Liam shouts at Mia when she cries'.",
            "Custody record 5531",
            "MARAC referral; PPN1",
            "Child's words recorded by PC Roe",
        ),
        (
            5,
            D(2026, 9, 14),
            T(17, 20),
            "",
            "C",
            "Y",
            "Officers attend the Emergency Department after hospital staff report a head injury to a two-year-old. Mia-Rose seen, unconscious.",
            "Incident log 3307",
            "Joint investigation with children's social care; strategy discussion",
            "",
        ),
        (
            6,
            D(2026, 9, 14),
            T(21, 0),
            "",
            "MP",
            "",
            "Liam Ostrow arrested on suspicion of grievous bodily harm.",
            "Custody record 6012",
            "Interviewed; bail with conditions",
            "",
        ),
    ]
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "police chronology.xlsx")


def childrens_social_care() -> None:
    """Reworded headings, an extra column, dates typed as text in every style."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "CSC chronology"
    sheet.append(
        [
            "No.",
            "Date of event",
            "TIME",
            "Age",
            "Family member(s)",
            "Seen?",
            "Event details",
            "Agency",
            "Action",
            "Notes",
            "Worker",
        ]
    )
    rows = [
        (
            "1",
            "03/11/2025",
            "",
            "",
            "M",
            "N",
            "PPN1 from police received about the domestic abuse incident of 02/11/2025. Screened by the MASH: no further action, letter to mother.",
            "MASH record",
            "NFA; letter sent",
            "",
            "MASH SW",
        ),
        (
            "2",
            "20.2.26",
            "10.15",
            "",
            "M",
            "no",
            "Second PPN1 received. Referral passed to the assessment team; social worker allocated.",
            "Contact record",
            "Single assessment opened",
            "",
            "Team manager",
        ),
        (
            "3",
            "4th March 2026",
            "",
            "",
            "M, C",
            "Y",
            "Home visit. Mia-Rose seen playing; Tyler at school. Mother says Liam Ostrow has moved out.",
            "Case notes",
            "",
            "",
            "Marcus Adeyemi-Hart",
        ),
        ("", "", "", "", "", "", "", "", "", "", ""),
        (
            "4",
            "April 2026",
            "",
            "",
            "HB",
            "Y",
            "Tyler seen alone at school; says he feels safe at home now.",
            "Case notes",
            "",
            "Date in the month not recorded",
            "Marcus Adeyemi-Hart",
        ),
        (
            "5",
            "c. 12/05/2026",
            "",
            "",
            "M",
            "",
            "Single assessment completed: child in need plan offered, mother declines.",
            "Assessment",
            "Case closed",
            "",
            "Team manager",
        ),
        (
            "6",
            "08/06/2026",
            "16:00",
            "",
            "C",
            "N",
            "Health visitor phones about a bruise to Mia-Rose's left cheek; mother's explanation that she fell against a table accepted.",
            "Contact record",
            "Advice given; no referral recorded",
            "Opportunity to see the child missed",
            "Duty SW",
        ),
        (
            "7",
            "15/09/2026",
            "09:00",
            "",
            "C, HB",
            "Y",
            "Strategy meeting with police and hospital. Tyler placed with maternal grandmother.",
            "Strategy minutes",
            "Section 47 enquiry",
            "",
            "Team manager",
        ),
    ]
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "childrens-social-care chronology.xlsx")


def ashcombe_hospitals() -> None:
    """A CSV saved by Excel on Windows: cp1252, lower-case headings, times in several styles."""
    rows = [
        [
            "event no",
            "date",
            "time",
            "age of child",
            "family member",
            "child seen",
            "event",
            "agency source to overview",
            "action taken",
            "note",
        ],
        [
            "1",
            "11/03/2024",
            "07.42",
            "",
            "C",
            "Y",
            "Birth of Mia-Rose at 38 weeks; well baby. Mother discloses no concerns at routine enquiry about domestic abuse.",
            "Maternity record",
            "Routine postnatal care",
            "",
        ],
        [
            "2",
            "14-Sep-26",
            "5.05pm",
            "",
            "C",
            "Y",
            "Brought by ambulance after a reported fall from a sofa. GCS 9. CT scan shows a subdural haemorrhage.",
            "ED record",
            "Admitted to PICU; safeguarding referral and police informed",
            "Paediatric café discussion of explanation",
        ],
        [
            "3",
            "14-Sep-26",
            "17:20",
            "",
            "C",
            "Y",
            "Police attend the Emergency Department after staff report a head injury to a two-year-old; Mia-Rose seen, unconscious.",
            "Safeguarding team note",
            "Information shared with police",
            "",
        ],
        [
            "4",
            "15/09/2026",
            "lunchtime",
            "",
            "C",
            "Y",
            "Skeletal survey: two rib fractures of different ages.",
            "Radiology report",
            "Reported to the strategy meeting",
            "",
        ],
        [
            "5",
            "16/09/2026",
            "",
            "",
            "C",
            "Y",
            "Ward round; Mia-Rose remains sedated.",
            "Ward notes",
            "",
            "After the period under review",
        ],
    ]
    with (RETURNS / "ashcombe-hospitals chronology.csv").open("w", newline="", encoding="cp1252") as handle:
        csv.writer(handle).writerows(rows)


def larchfield_practice() -> None:
    """A 1904-based workbook (an old Mac), dates as plain serial numbers, full names not abbreviations."""
    workbook = Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "GP"
    sheet.append(APP7)

    def serial1904(day: dt.date) -> int:
        return (day - dt.date(1904, 1, 1)).days

    rows = [
        (
            1,
            serial1904(D(2023, 9, 4)),
            None,
            "",
            "Jodie Fenwick",
            "",
            "Pregnancy confirmed; booked with community midwife.",
            "GP record",
            "Referral to midwifery",
            "",
        ),
        (
            2,
            serial1904(D(2024, 5, 2)),
            None,
            "",
            "Mia-Rose",
            "Y",
            "Six-to-eight-week check: normal.",
            "GP record",
            "",
            "",
        ),
        (
            3,
            serial1904(D(2025, 11, 20)),
            None,
            "",
            "Jodie Fenwick",
            "",
            "Mother consults with low mood and poor sleep; asked about home, says 'things are fine'.",
            "GP record",
            "Sertraline started; review in 4 weeks",
            "No routine enquiry about domestic abuse recorded",
        ),
        (
            4,
            serial1904(D(2026, 6, 9)),
            None,
            "",
            "Mia-Rose",
            "N",
            "Health visitor letter about the bruise to the cheek filed without being seen by a GP.",
            "GP record",
            "Filed",
            "Missed opportunity",
        ),
    ]
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "larchfield-practice chronology.xlsx")


def community_health() -> None:
    """A title above the headings, a date that does not exist, text that looks like a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "HV chronology"
    sheet.append(["Ashcombe Community Health NHS Trust: health visiting chronology"])
    sheet.append(["Agency", "Ashcombe Community Health NHS Trust"])
    sheet.append(APP7)
    rows = [
        (
            1,
            D(2023, 9, 18),
            None,
            "",
            "M",
            "",
            "Antenatal contact at booking; mother's previous partner 'controlling' noted.",
            "HV record",
            "Universal plus offered",
            "",
        ),
        (
            2,
            D(2024, 3, 25),
            T(11, 0),
            "",
            "M, C",
            "Y",
            "New birth visit; baby well, feeding well.",
            "HV record",
            "",
            "",
        ),
        (3, "31/06/2025", None, "", "C", "", "Missed development review; card left.", "HV record", "Re-appointed", ""),
        (4, None, None, None, None, None, None, None, None, None),
        (
            5,
            D(2025, 12, 1),
            None,
            "",
            "M",
            "N",
            "- Mother did not attend the rearranged review; no contact made with the children.",
            "HV record",
            "Letter",
            "Text starting with a dash",
        ),
        (
            6,
            D(2026, 6, 8),
            T(15, 30),
            "",
            "C",
            "Y",
            "Home visit: bruise to Mia-Rose's left cheek; mother says she fell against a table. Health visitor phones children's social care about the bruise.",
            "HV record",
            "Advice from children's social care: no referral",
            "",
        ),
        (
            7,
            D(2026, 6, 9),
            None,
            "",
            "C",
            "",
            "=Letter to GP about the bruise",
            "HV record",
            "",
            "Looks like a formula",
        ),
    ]
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "community-health chronology.xlsx")


def brookside_primary() -> None:
    """A semicolon CSV in UTF-8, Y/N written as yes/no, a time nobody can read."""
    rows = [
        [
            "Event No",
            "Date",
            "Time",
            "Age of Child",
            "Family Member",
            "Seen?",
            "Event",
            "Agency source to overview",
            "Action taken",
            "Note",
        ],
        [
            "1",
            "07/01/2026",
            "",
            "",
            "HB",
            "yes",
            "Tyler tells his teacher that 'mummy cried all night because Liam was shouting'.",
            "Safeguarding log",
            "Logged; DSL informed",
            "",
        ],
        [
            "2",
            "08/01/2026",
            "after school",
            "",
            "M",
            "no",
            "DSL speaks to mother, who says it was a one-off argument.",
            "Safeguarding log",
            "Monitor",
            "",
        ],
        [
            "3",
            "2026",
            "",
            "",
            "HB",
            "",
            "Tyler's attendance falls to 84% over the year.",
            "Attendance record",
            "Letter home",
            "",
        ],
        [
            "4",
            "12/07/2026",
            "",
            "",
            "HB",
            "YES",
            "Tyler draws a picture of his family with Liam 'in a cage'; talks about a 'loud house'.",
            "Class teacher note",
            "Passed to DSL; not referred",
            "Missed opportunity",
        ],
    ]
    with (RETURNS / "brookside-primary chronology.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)


def womens_aid() -> None:
    """No Time column, and a column Appendix 7 does not have."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Contacts"
    sheet.append(
        [
            "Event No",
            "Date",
            "Age of Child",
            "Family Member",
            "Child seen",
            "Event",
            "Agency source to overview",
            "Action taken",
            "Note",
            "Risk level",
        ]
    )
    rows = [
        (
            1,
            D(2025, 11, 10),
            "",
            "M",
            "",
            "Referral from police after the incident of 02/11/2025; mother agrees to outreach support.",
            "Case file",
            "Outreach worker allocated",
            "",
            "Medium",
        ),
        (
            2,
            D(2026, 3, 2),
            "",
            "M",
            "N",
            "Outreach session; mother says Liam has left. Children not seen.",
            "Case file",
            "Safety planning",
            "",
            "Medium",
        ),
        (
            3,
            D(2026, 8, 3),
            "",
            "M",
            "",
            "After the arrest of 30/07, mother declines further support.",
            "Case file",
            "Case closed",
            "",
            "High",
        ),
    ]
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "womens-aid contacts.xlsx")


def police_extract() -> None:
    """A second police return, exported from the force's system: date and time typed in one cell under a
    combined "Date/Time" heading, the system's own headings, an extra column, names typed for the people
    involved, and a file name without the agency's id ("Constabulary return FINAL v2")."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Extract"
    sheet.append(["Crime ref", "Date/Time", "Person(s) involved", "Details of Incident/Contact", "Officer Comments",
                  "Officer in case"])  # fmt: skip
    rows = [
        ("AC/2026/0114", "14/01/2026 02:15", "Jodie Fenwick and Liam Ostrow",
         "Call from neighbour at 27 Quillan Close: shouting and a child crying. Officers attend; no answer at the door.",
         "Attempted contact next day", "PC 2291 Okafor"),
        ("AC/2026/0115", "14/01/2026 at 9.40am", "Mum",
         "Follow-up visit: mother says it was the television. Children not seen.", "", "PC 2291 Okafor"),
        ("AC/2026/0412", "Wed 22nd Apr 2026 18:05", "Liam", "Liam Ostrow stopped in a car with Mia-Rose in the back "
         "seat, not in a car seat. Words of advice.", "Intelligence report submitted", "PC 1187 Varga"),
        ("AC/2026/0520", "c. 20/05/2026", "M and C", "Anonymous caller reports a child left alone in the flat; "
         "officers find mother home, child asleep.", "No further action", "PC 2291 Okafor"),
        ("AC/2026/0000", "unknown", "Liam Ostrow", "Historic allegation from an ex-partner of Liam Ostrow, recorded on "
         "the system without a date.", "Date not on the system", ""),
    ]  # fmt: skip
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "Constabulary return FINAL v2.xlsx")


def nursery_log() -> None:
    """The school's nursery class writes its own log (agencies.yaml gives the school the alias "Little Acorns
    Nursery"): dates with no year, weekdays and ordinals, a week commencing, a part of a month, an unknown day,
    its own headings, names typed instead of the abbreviations, and an extra column."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Log"
    sheet.append(["Little Acorns Nursery (Brookside Primary School): safeguarding log"])
    sheet.append([])
    sheet.append(["Date", "Time", "Child/family", "What happened", "What we did", "Key person", "Seen?"])
    rows = [
        ("14/04/2026", "8.50am", "Mia-Rose", "Mia-Rose starts her nursery sessions; mother says there are no concerns.",
         "Welcome meeting", "Beth Kaur", "Y"),
        ("22/04", "morning", "Mia", "Bruise to Mia-Rose's left upper arm noticed at nappy change; mother says she fell "
         "at the park.", "Body map; DSL told", "Beth Kaur", "Y"),
        ("Mon 11th May", "12:15", "Mia-Rose Fenwick", "Second bruise, to the right cheek. Mia-Rose quiet and "
         "withdrawn at lunch.", "Body map; DSL rings children's social care", "Beth Kaur", "Y"),
        ("w/c 11/05/2026", "", "Mum", "Mother collects late three times this week, smelling of alcohol once.",
         "Recorded; DSL informed", "Beth Kaur", ""),
        ("early June 2026", "", "Mia-Rose", "Attendance drops to two sessions a week.", "Letter home", "", ""),
        ("?/06/2026", "", "Mia-Rose", "Mia-Rose says 'Liam shouts'.", "Recorded; DSL informed", "Beth Kaur", "Y"),
    ]  # fmt: skip
    for row in rows:
        sheet.append(list(row))
    workbook.save(RETURNS / "Little Acorns SCR log.xlsx")


def practice_word_table() -> None:
    """The GP practice sends its chronology as a Word table pasted from its clinical system: a contacts
    table first, one date merged over two entries, and the table carried on after a page break."""
    from docx import Document
    from docx.enum.section import WD_SECTION

    document = Document()
    document.add_paragraph("Larchfield Medical Practice: chronology for SCR-2026-03 (from the clinical system)")
    contacts = document.add_table(rows=2, cols=2)
    for row, values in enumerate([("Contact", "Role"), ("Dr Owen Pargeter", "Safeguarding lead GP")]):
        for column, value in enumerate(values):
            contacts.cell(row, column).text = value
    table = document.add_table(rows=4, cols=4)
    for column, heading in enumerate(["Date", "PATIENT/FAMILY", "CLINICAL DETAILS", "Outcome"]):
        table.cell(0, column).text = heading
    table.cell(1, 0).merge(table.cell(2, 0)).text = "17/03/2026"
    rows = [
        ("Jodie Fenwick", "Mother attends with Mia-Rose; says she is 'not coping'. Mood low.", "Talking therapies"),
        ("Mia-Rose", "Mia-Rose seen with mother: small bruise on the shin, 'from nursery'.", "No concern recorded"),
        ("Mum", "Repeat prescription collected by mother's partner.", "Issued"),
    ]
    table.cell(3, 0).text = "02/04/2026"
    for row, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            table.cell(row, column).text = value
    document.add_section(WD_SECTION.NEW_PAGE)
    carried = document.add_table(rows=1, cols=4)
    for column, value in enumerate(["c. 20/07/2026", "M", "Missed appointment; not followed up.", "DNA"]):
        carried.cell(0, column).text = value
    document.core_properties.author = "Larchfield Medical Practice"
    document.core_properties.created = dt.datetime(2026, 9, 30)
    document.save(RETURNS / "Larchfield GP chronology.docx")


if __name__ == "__main__":
    RETURNS.mkdir(parents=True, exist_ok=True)
    for make in (
        police,
        childrens_social_care,
        ashcombe_hospitals,
        larchfield_practice,
        community_health,
        brookside_primary,
        womens_aid,
        police_extract,
        nursery_log,
        practice_word_table,
    ):
        make()
        print(f"wrote a return: {make.__name__}")
