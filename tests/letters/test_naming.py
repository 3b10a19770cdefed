"""Letter file names: safe on Windows, sorted by date, ids not names."""

from __future__ import annotations

import datetime as dt

import pytest

from scrkit.letters.naming import MAX_STEM, letter_file_name, safe_stem


def test_letter_file_name() -> None:
    assert letter_file_name(dt.date(2026, 9, 17), "scr-request", "police") == "2026-09-17 scr-request police.docx"
    assert letter_file_name(dt.date(2026, 9, 17), "referral-form", "review") == "2026-09-17 referral-form.docx"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),
        ("trailing dots. . ", "trailing dots"),
        ("CON", "_CON"),
        ("lpt1.docx", "_lpt1.docx"),
        ("tab\there", "tab-here"),
        ("", "document"),
    ],
)
def test_safe_stem(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


def test_long_names_are_cut() -> None:
    assert len(safe_stem("x" * 500)) == MAX_STEM
