"""`scrkit status` stays quick to start: Word and Excel libraries are only imported when used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_status_does_not_import_office_libraries(review_dir: Path) -> None:
    code = (
        "import sys\n"
        "from scrkit.cli import main\n"
        f"main(['status', '-r', {str(review_dir)!r}, '--today', '2026-11-26'])\n"
        "heavy = sorted(m for m in ('docx', 'docxtpl', 'openpyxl', 'jinja2', 'holidays') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    heavy_line = [line for line in completed.stdout.splitlines() if line.startswith("HEAVY")][0]
    # holidays appears only when the bank-holiday cache is cold; the office libraries never.
    assert "docx" not in heavy_line and "openpyxl" not in heavy_line and "jinja2" not in heavy_line
