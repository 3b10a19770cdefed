"""The review's timetable: the process profile, working days, due dates and their states."""
