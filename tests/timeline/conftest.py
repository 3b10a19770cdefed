"""The timetable's tests work through reviews in 2027 and later, each date worked out by hand: the clock
is set after all of them (``later_clock``); a test of a refusal "in the future" passes its own today."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clock_after_the_reviews(later_clock: None) -> None:
    """Every test here runs with the clock after its reviews."""
