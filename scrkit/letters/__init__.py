"""The board's standard letters and forms, rendered from a review's records into Word."""
