"""The bank-holiday cache gives the same dates as the `holidays` package, and survives damage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scrkit.timeline import holiday_cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SCRKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_first_use_fills_the_cache_and_later_uses_read_it(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    days = holiday_cache.bank_holidays("ENG", 2026)
    assert dt.date(2026, 8, 31) in days and dt.date(2026, 12, 28) in days  # late summer, Boxing Day substitute
    [cache_file] = cache.glob("bank-holidays-*.json")

    def no_package(*args: object) -> None:
        raise AssertionError("the holidays package should not be asked again")

    monkeypatch.setattr(holiday_cache, "_from_package", no_package)
    assert holiday_cache.bank_holidays("ENG", 2027) >= {dt.date(2027, 3, 29)}  # Easter Monday, from the file
    assert cache_file.exists()


def test_a_damaged_cache_is_ignored_and_rewritten(cache: Path) -> None:
    holiday_cache.bank_holidays("SCT", 2026)
    [cache_file] = cache.glob("bank-holidays-*.json")
    cache_file.write_text("{not json", encoding="utf-8")
    assert dt.date(2026, 8, 3) in holiday_cache.bank_holidays("SCT", 2026)  # Scotland's summer holiday


def test_an_unwritable_cache_folder_still_gives_the_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SCRKIT_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file cannot exist
    assert dt.date(2026, 12, 25) in holiday_cache.bank_holidays("ENG", 2026)
