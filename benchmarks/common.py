"""What the benchmarks share: where the example is, and timing a command in a fresh process."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ashcombe-scr-2026-03"


def timed(command: list[str]) -> float:
    """Seconds for ``command`` to run; exits naming the command if it fails (5, overdue, is not a failure)."""
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 5):  # 5: something overdue, as the example has
        raise SystemExit(f"{command[:4]} failed:\n{completed.stderr.decode()}")
    return elapsed
