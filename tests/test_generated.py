"""Generated things match their generators: the Word templates from tools/make_templates.py.

Compared part by part on content, not on zip bytes (a zip records when it was written).
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMESTAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: TIMESTAMPS.sub(b"", archive.read(name)) for name in sorted(archive.namelist())}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("make_templates", ROOT / "tools" / "make_templates.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    folder = tmp_path_factory.mktemp("templates")
    return {path.name: path for path in builder.build_all(folder)}


def test_every_committed_template_has_a_builder(regenerated: dict[str, Path]) -> None:
    assert sorted(path.name for path in (ROOT / "templates").glob("*.docx")) == sorted(regenerated)


def test_committed_templates_are_what_the_builder_makes(regenerated: dict[str, Path]) -> None:
    drifted = [name for name, path in regenerated.items() if parts(path) != parts(ROOT / "templates" / name)]
    assert drifted == [], f"run `python tools/make_templates.py` and commit: {drifted} differ from their builder"


def test_the_comparison_sees_a_changed_word(regenerated: dict[str, Path], tmp_path: Path) -> None:
    name = "scr-request.docx"
    changed = tmp_path / name
    with zipfile.ZipFile(regenerated[name]) as source, zipfile.ZipFile(changed, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = data.replace(b"Serious Case Review", b"Serious Case Reveiw", 1)
            target.writestr(entry, data)
    assert parts(changed) != parts(ROOT / "templates" / name)
