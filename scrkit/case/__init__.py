"""A review's case folder as data: what it holds (layout) and its records once read (records).

Nothing here reads or writes a file; ``scrkit.review.casefolder`` does that, and the jobs
(``scrkit.jobs``) decide when.
"""
