"""Word and Excel files to PDF with LibreOffice headless, when it is installed (an audience that
publishes receives PDF as well as the clean .docx; issue 12, item 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CONVERSION_TIMEOUT_SECONDS = 300


def office_program() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(files: dict[str, bytes]) -> dict[str, bytes]:
    """Each file (name to bytes) converted to PDF in one LibreOffice run, with a private profile;
    a file LibreOffice could not convert is missing from the result."""
    program = office_program()
    if program is None or not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="scrkit-pdf-") as folder:
        base = Path(folder)
        sources = []
        for number, (name, content) in enumerate(files.items()):
            source = base / "in" / f"{number}{Path(name).suffix}"
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(content)
            sources.append((name, source))
        subprocess.run(
            [program, f"-env:UserInstallation=file://{base / 'profile'}", "--headless", "--convert-to", "pdf",
             "--outdir", str(base / "out"), *(str(source) for _name, source in sources)],
            capture_output=True, timeout=CONVERSION_TIMEOUT_SECONDS, env={**os.environ, "HOME": str(base)}, check=False,
        )  # fmt: skip
        converted = {}
        for name, source in sources:
            pdf = base / "out" / f"{source.stem}.pdf"
            if pdf.is_file():
                converted[f"{Path(name).stem}.pdf"] = pdf.read_bytes()
        return converted
