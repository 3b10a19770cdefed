"""The monthly progress report to the LSCB chair (4.1.2), with a timeline chart."""
