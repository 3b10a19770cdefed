"""The end of the review: the overview report, the IMR authors' confirmations, the executive summary and
the adoption (13.1-14.1)."""
