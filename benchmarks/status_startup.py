"""How long `scrkit status` takes from a cold start, against importing its three base libraries.

Run from the repository root with the project's virtual environment:

    .venv/bin/python benchmarks/status_startup.py [--runs 15]

It copies the example review to a temporary folder, then times, alternately and in one run:
  baseline  python -c "import typer, pydantic, ruamel.yaml"
  status    python -m scrkit status -r <copy> --today 2026-11-26
and prints the median of each and their ratio. Targets: at most 250 ms, and at most 2.5 times the baseline.
Both run as installed (bytecode kept, common.installed_env); the status figure with every module compiled
afresh on each run, as an editable install on a machine with PYTHONDONTWRITEBYTECODE does, is printed too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from common import EXAMPLE, installed_env, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as temp:
        review = Path(temp) / "review"
        shutil.copytree(EXAMPLE, review)
        commands = {
            "baseline": [sys.executable, "-c", "import typer, pydantic, ruamel.yaml"],
            "status": [sys.executable, "-m", "scrkit", "status", "-r", str(review), "--today", "2026-11-26"],
        }
        env = installed_env(Path(temp) / "pycache")
        uncompiled = {name: value for name, value in env.items() if name != "PYTHONPYCACHEPREFIX"}
        uncompiled["PYTHONDONTWRITEBYTECODE"] = "1"
        for command in commands.values():  # warm the file cache once, and write the bytecode
            timed(command, env)
        samples: dict[str, list[float]] = {name: [] for name in [*commands, "uncompiled"]}
        for _ in range(runs):
            for name, command in commands.items():
                samples[name].append(timed(command, env))
            samples["uncompiled"].append(timed(commands["status"], uncompiled))
    baseline = statistics.median(samples["baseline"])
    status = statistics.median(samples["status"])
    print(f"runs: {runs} each, alternating")
    print(f"baseline (import typer, pydantic, ruamel.yaml): median {baseline * 1000:.0f} ms")
    print(f"scrkit status on the example review:           median {status * 1000:.0f} ms")
    print(f"ratio status / baseline: {status / baseline:.2f}x")
    uncompiled = statistics.median(samples["uncompiled"])
    print(f"status compiling every scrkit module afresh (no bytecode kept): median {uncompiled * 1000:.0f} ms")
    met = status <= 0.25 and status / baseline <= 2.5
    print(f"targets: at most 250 ms and 2.5x the baseline -> {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
