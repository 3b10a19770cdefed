"""Write the README's command reference from every command's `--help` (a maintainers' script).

.venv/bin/python tools/command_reference.py
"""

from __future__ import annotations

from pathlib import Path

from scrkit.cli.reference import replace_reference

README = Path(__file__).resolve().parents[1] / "README.md"

if __name__ == "__main__":
    README.write_text(replace_reference(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the command reference into {README}")
