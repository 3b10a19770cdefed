"""Every generated document opens in a real office suite: LibreOffice converts it to PDF and
pdftotext reads the facts back. CI installs both (.ci/run); see the README to install them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrkit.jobs.letters import render_letters
from scrkit.letters.catalogue import catalogue
from tests.office import page_count, pdf_text, to_pdf


def test_every_document_converts_and_shows_its_facts(ready_review: Path, tmp_path: Path) -> None:
    names = [spec.name for spec in catalogue().letters]
    paths = render_letters(ready_review, names, None, dt.date(2026, 12, 24), created=dt.datetime(2026, 12, 24)).written
    pdfs = to_pdf(paths, tmp_path)
    for path in paths:
        pdf = pdfs[path.stem]
        assert pdf.is_file(), f"LibreOffice could not convert {path.name}"
        text = " ".join(pdf_text(pdf).split())
        assert "Ashcombe Local Safeguarding Children Board" in text, path.name
        assert "SCR-2026-03" in text, path.name

    request = " ".join(pdf_text(pdfs["2026-12-24 scr-request police"]).split())
    assert "Mia-Rose Fenwick" in request
    assert "by 31 December 2026" in request  # 3 working days after 24 December 2026
    assert "40 Castle Street" in request
    assert "Enclosure: referral form" in request  # the end of the letter made it to the page

    referral = " ".join(pdf_text(pdfs["2026-12-24 referral-form"]).split())
    assert "11/03/2024" in referral and "Bracewell" in referral and "End of referral form" in referral

    # 2.2.4: every page of the terms of reference carries its version and date in the footer.
    tor = pdfs["2026-12-24 terms-of-reference"]
    pages = page_count(tor)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = " ".join(pdf_text(tor, page).split())
        assert "Terms of reference version 3, 9 October 2026" in text, f"page {page} of {pages}"
        assert f"Page {page} of {pages}" in text
