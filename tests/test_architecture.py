"""The shape of the code: packages import one way only, and only the jobs change a review.

Read from the source with ``ast`` (imports inside functions count too), so a shortcut taken
anywhere fails here with the module that took it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scrkit"

# Where a review may be opened for writing (CaseFolder.changing) and files written into it.
WRITERS = {"jobs", "cli"}
# The mechanisms themselves: atomic files, the unit of work, the audit log, the user's cache.
WRITE_MECHANISMS = {"scrkit.records.atomic", "scrkit.records.yamlfile", "scrkit.review.casefolder",
                    "scrkit.review.audit", "scrkit.timeline.holiday_cache"}  # fmt: skip
WRITE_CALLS = {"changing", "atomic_write_bytes", "atomic_write_text", "atomic_output", "write_document"}


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return found


def part_of(module: str) -> str:
    """The package a module belongs to: scrkit.timeline.status -> timeline; scrkit.dates -> dates."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scrkit"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("scrkit"))
    return names


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, tree in modules().items():
        for target in imported(tree):
            source, destination = part_of(module), part_of(target)
            if source != destination and destination != "scrkit":
                graph[source].add(destination)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = "open"
        for following in sorted(graph.get(node, ())):
            if state.get(following) == "open":
                return [*trail[trail.index(following) :], following] if following in trail else [node, following]
            if following not in state:
                cycle = visit(following, [*trail, following])
                if cycle:
                    return cycle
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start, [start])
            if cycle:
                return cycle
    return None


def test_no_cycle_between_packages() -> None:
    assert find_cycle(package_graph()) is None, (
        f"packages import each other: {' -> '.join(find_cycle(package_graph()))}"
    )


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    assert find_cycle({"review": {"timeline"}, "timeline": {"checks"}, "checks": {"review"}}) is not None
    assert find_cycle({"jobs": {"review", "timeline"}, "timeline": {"review"}}) is None


def test_domain_packages_never_open_a_review() -> None:
    """The core takes records or bytes: only the jobs, the CLI and the folder itself know CaseFolder."""
    offenders = []
    for module, tree in modules().items():
        if part_of(module) in WRITERS or module == "scrkit.review.casefolder":
            continue
        if any(name.endswith(".CaseFolder") or name.endswith(".Change") for name in imported(tree)):
            offenders.append(module)
    assert offenders == []


def test_only_the_jobs_write() -> None:
    offenders = []
    for module, tree in modules().items():
        if part_of(module) in WRITERS or module in WRITE_MECHANISMS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called in WRITE_CALLS:
                    offenders.append(f"{module}:{node.lineno} {called}()")
    assert offenders == []


def test_the_cli_writes_nothing_itself() -> None:
    """A command parses, calls one job and renders; writing is the job's."""
    offenders = []
    for module, tree in modules().items():
        if part_of(module) != "cli":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called in WRITE_CALLS | {"write_bytes", "write_text", "CaseFolder"}:
                    offenders.append(f"{module}:{node.lineno} {called}()")
    assert offenders == []
