"""The command line: thin commands over the core, and the one boundary for errors.

``main`` is the only place that turns a ``ScrkitError`` into a message on stderr and
an exit code (``scrkit.errors.ExitCode``). ``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import os
import sys
import traceback

from scrkit.errors import ExitCode, ScrkitError


def main(argv: list[str] | None = None) -> int:
    # scrkit uses no pydantic plugins; looking for them scans every installed package's entry
    # points on the first model, at every start (measured: about 20 ms of `scrkit status`).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from scrkit.cli.app import build_app
    from scrkit.cli.terminal import show_error, show_notices, stderr

    show_notices()  # what the core reports along the way (a stale lock broken) goes to stderr

    args = list(sys.argv[1:] if argv is None else argv)
    # --debug may stand anywhere on the line, so it is taken out before typer parses the rest.
    debug = "--debug" in args or os.environ.get("SCRKIT_DEBUG") == "1"
    args = [arg for arg in args if arg != "--debug"]
    try:
        # Standalone mode: typer prints its own usage errors (exit 2) and ends with SystemExit.
        build_app(args)(args=args, prog_name="scrkit")
    except SystemExit as finished:
        return _exit_code(finished.code)
    except ScrkitError as error:
        if debug:
            traceback.print_exc()
        show_error(error)
        return int(error.exit_code)
    except Exception:  # a bug: say so plainly, and keep the traceback for --debug
        if debug:
            traceback.print_exc()
        stderr().print(
            "scrkit hit an unexpected problem (a bug, not something you did). Nothing was left half-written.\n"
            "Run the same command again with --debug and send the output to whoever supports scrkit.",
            style="bold red",
            markup=False,
        )
        return int(ExitCode.INTERNAL)
    return int(ExitCode.OK)


def _exit_code(code: object) -> int:
    if code is None:
        return int(ExitCode.OK)
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run() -> None:
    sys.exit(main())
