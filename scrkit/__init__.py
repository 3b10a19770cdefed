"""scrkit: run a Serious Case Review from a folder of plain files."""

__version__ = "0.1.0"
