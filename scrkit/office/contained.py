"""Reading a file that came from outside in a child process, with limits on its memory and time.

The checks before parsing (``scrkit.office.archive``, ``scrkit.chronology.safety``) refuse every
hostile file found so far, but a parser written in another language (calamine, lxml) can still be
driven to allocate without bound or to abort the whole process. Here it runs in a forked child whose
address space may grow by at most ``memory`` bytes beyond the parent's and which is stopped after
``seconds``: a file that goes past either is refused by name, and scrkit itself never crashes or
hangs on it. Where processes cannot be forked (Windows), the reading runs in the process itself,
behind the same checks.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from scrkit.errors import ScrkitError

T = TypeVar("T")

MEMORY_BYTES = 300 * 1024 * 1024  # the growth allowed: an honest return at every limit (1,000,000 cells) needs less
SECONDS = 120


def can_contain() -> bool:
    return sys.platform != "win32" and hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def contained(
    read: Callable[[], T],
    refusal: Callable[[str], ScrkitError],
    memory: int = MEMORY_BYTES,
    seconds: float = SECONDS,
) -> T:
    """``read()`` run in a child process within the limits. Its scrkit error is raised here as it was;
    any other way it fails (out of memory, killed, too slow, a crash) raises ``refusal(why)``."""
    if not can_contain():
        return read()
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(read, sending, memory), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(seconds):
            raise refusal(f"reading it took longer than {seconds:g} seconds")
        try:
            outcome, value = receiving.recv()
        except (EOFError, OSError):
            child.join(5)
            raise refusal(_how_it_ended(child.exitcode)) from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if outcome == "ok":
        return value
    if outcome == "scrkit":
        kind, message, hint = value
        error = kind.__new__(kind)
        ScrkitError.__init__(error, message, hint=hint)
        raise error
    raise refusal(value)


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if -exitcode in (signal.SIGABRT, signal.SIGSEGV, signal.SIGKILL, signal.SIGBUS):
            return f"reading it needed more memory than scrkit allows a return ({name})"
        return f"reading it was stopped ({name})"
    return f"reading it ended without a result (exit code {exitcode})"


def _child(read: Callable[[], Any], sending: Any, memory: int) -> None:
    import resource

    try:
        used = _address_space()
        resource.setrlimit(resource.RLIMIT_AS, (used + memory, used + memory))
        try:
            result: tuple[str, Any] = ("ok", read())
        except ScrkitError as error:
            result = ("scrkit", (type(error), error.message, error.hint))
        except MemoryError:
            result = ("other", "reading it needed more memory than scrkit allows a return")
        except RecursionError:
            result = ("other", "it is nested deeper than scrkit reads")
        except Exception as error:  # noqa: BLE001 - any failure of a reader on a hostile file is a refusal
            result = ("other", f"it could not be read ({type(error).__name__}: {error})")
        try:
            sending.send(result)
        except MemoryError:
            sending.send(("other", "what it holds is too large to read"))
    finally:
        sending.close()
        os._exit(0)  # no clean-up of the parent's state (its temporary folders, its handlers) in the child


def _address_space() -> int:
    """The child's address space now, in bytes (inherited from the parent at the fork)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 4 * 1024 * 1024 * 1024  # not Linux: a generous start, the growth still bounded
