"""Where the files scrkit ships live: data inside the package, examples and templates beside it.

An installed wheel carries ``examples/`` and ``templates/`` inside the package
(``_bundled/``, see pyproject.toml); a source checkout has them at the repository's top.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
FORMS = DATA / "forms"
DEFAULT_BOARD = DATA / "board-default.yaml"


def _bundled(name: str) -> Path:
    inside = PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def examples_folder() -> Path:
    return _bundled("examples")


def templates_folder() -> Path:
    return _bundled("templates")


EXAMPLE_REVIEW_NAME = "ashcombe-scr-2026-03"


def example_review() -> Path:
    return examples_folder() / EXAMPLE_REVIEW_NAME


# A second example, run from referral to close by the README's walk-through (tools/make_completed_example.py).
COMPLETED_REVIEW_NAME = "brackenford-scr-2026-07"


def completed_review() -> Path:
    return examples_folder() / COMPLETED_REVIEW_NAME


def user_cache_folder() -> Path:
    """The user's cache folder for scrkit (``SCRKIT_CACHE_DIR`` to move it): bank holidays, audit anchors."""
    configured = os.environ.get("SCRKIT_CACHE_DIR")
    if configured:
        return Path(configured)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "scrkit" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scrkit"
