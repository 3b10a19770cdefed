"""Bank holidays from the `holidays` package, remembered between runs.

Importing `holidays` and building the UK's calendar takes about a tenth of a second, which
`scrkit status` would pay on every run. The dates it gives are kept in a small JSON file in
the user's cache folder, keyed by the installed version of `holidays`, so a new version (with
a new one-off holiday, say) is asked again. If the cache cannot be read or written, scrkit
simply asks `holidays` every time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from importlib import metadata
from pathlib import Path

from scrkit.resources import user_cache_folder

# Years worked out together on a miss: a review's dates span a few years either side.
YEARS_BEFORE, YEARS_AFTER = 5, 12


def _cache_file() -> Path:
    return user_cache_folder() / f"bank-holidays-{metadata.version('holidays')}.json"


def _read(path: Path) -> dict[str, list[str]]:
    with contextlib.suppress(OSError, ValueError, RecursionError):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}


def bank_holidays(subdivision: str, year: int) -> frozenset[dt.date]:
    path = _cache_file()
    cached = _read(path)
    key = f"{subdivision}:{year}"
    if key not in cached:
        cached.update(_from_package(subdivision, range(year - YEARS_BEFORE, year + YEARS_AFTER + 1)))
        _write(path, cached)
    return frozenset(dt.date.fromisoformat(day) for day in cached[key])


def _from_package(subdivision: str, years: range) -> dict[str, list[str]]:
    import holidays

    found: dict[str, list[str]] = {f"{subdivision}:{year}": [] for year in years}
    for day in holidays.country_holidays("GB", subdiv=subdivision, years=list(years)):
        found[f"{subdivision}:{day.year}"].append(day.isoformat())
    return found


def _write(path: Path, data: dict[str, list[str]]) -> None:
    from scrkit.records.atomic import atomic_write_text

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(data, sort_keys=True))
