"""A new review for a timetable test: fictional child, the dates the test works from by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrkit.jobs.review import NewReview, new_review


def opened_review(folder: Path, incident: dt.date, referral: dt.date, **details: object) -> Path:
    """A review opened with ``scrkit new``'s job: child Robin Ashby, born 01/06/2025 unless ``details`` say."""
    values: dict = {"reference": "SCR-TIME-1", "child_name": "Robin Ashby", "date_of_birth": dt.date(2025, 6, 1)}
    values.update(details)
    new_review(folder, NewReview(incident_date=incident, referral_received=referral, **values))
    return folder
