"""Anonymising what leaves the board, and proving no name leaks (1.9.1, 13.2.1, 13.3.1)."""
