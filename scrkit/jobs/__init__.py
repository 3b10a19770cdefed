"""The jobs: one function per command, each running that command's work end to end.

A job opens the review, loads it once, calls the pure core (timeline, letters, chronology,
anonymise, checks, genogram, report), writes once under the review's lock with one audit entry
(``CaseFolder.changing``), and returns a result for the command line to show. The command line
(``scrkit.cli``) parses, calls one job, and renders; the demo is a sequence of job calls. Nothing
here prints or prompts: where a person must decide (record a milestone as done?), the job takes
the decision as an argument or a callback.

Modules mirror the command groups: ``review`` (new, validate, summary), ``agencies``, ``timeline``
(status, timeline, done, set-date, decide, extend), ``letters``, ``chronology``, ``anonymise``
(anonymise, check-leaks, export, people pseudonyms), ``panel`` (check, imr, actions, report),
``genogram``, ``safety`` (log, unlock) and ``demo``.
"""
