"""File names that are safe on Windows and never carry a person's real name."""

from __future__ import annotations

import datetime as dt
import re

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
MAX_STEM = 120


def safe_stem(text: str) -> str:
    """Windows refuses these characters, trailing dots and spaces, and device names such as CON."""
    stem = _UNSAFE.sub("-", text).strip().rstrip(". ")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem[:MAX_STEM] or "document"


def letter_file_name(on: dt.date, letter: str, recipient_id: str) -> str:
    """``2026-09-17 scr-request police.docx``: sorts by date; ids, not names (1.9.1)."""
    parts = [on.isoformat(), letter] + ([] if recipient_id == "review" else [recipient_id])
    return safe_stem(" ".join(parts)) + ".docx"
