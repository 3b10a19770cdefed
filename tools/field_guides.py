"""Bring the field guide at the head of every record of the example review up to date with the
models' field descriptions (a maintainers' script; scrkit does the same whenever it saves a record).

.venv/bin/python tools/field_guides.py
"""

from __future__ import annotations

from pathlib import Path

from scrkit.case.guide import with_guide
from scrkit.case.layout import RECORD_KINDS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

if __name__ == "__main__":
    for review in sorted(path.parent for path in EXAMPLES.glob("*/review.yaml")):
        for kind in RECORD_KINDS:
            path = review / kind.file_name
            if path.exists():
                text = path.read_text(encoding="utf-8")
                current = with_guide(text, kind.model, add=True)
                if current != text:
                    path.write_text(current, encoding="utf-8")
                    print(f"brought the field guide of {path} up to date")
