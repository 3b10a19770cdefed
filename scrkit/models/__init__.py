"""The pydantic models of everything a review holds, taken from the practice guidance."""
