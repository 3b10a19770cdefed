"""What the benchmarks share: where the example is, and timing a command in a fresh process."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ashcombe-scr-2026-03"


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds for ``command`` to run; exits naming the command if it fails (5, overdue, is not a failure)."""
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 5):  # 5: something overdue, as the example has
        raise SystemExit(f"{command[:4]} failed:\n{completed.stderr.decode()}")
    return elapsed


def installed_env(pycache: Path) -> dict[str, str]:
    """The environment of an installed scrkit: its modules' bytecode kept (pip compiles a wheel's modules
    when it installs them), written under ``pycache`` rather than into the repository. A machine that
    sets PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile every scrkit module on every run,
    while the libraries it is compared with load theirs ready-made."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env
