from scrkit.cli import run

run()
