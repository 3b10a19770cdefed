"""The review's audit trail: who changed which records, when, with which command.

Each change appends one line of JSON to ``audit.log`` in the review folder. Every entry
carries the hash of the entry before it, so editing or removing an entry breaks the chain;
``.scrkit-audit-head`` remembers how many entries there are and the last hash, so cutting
entries off the end is noticed too. No names of the child or family go into the log: only
the command's name, the operating-system user and the files changed, with their hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrkit.case.layout import AUDIT_HEAD, AUDIT_LOG
from scrkit.records.atomic import atomic_write_text
from scrkit.review.locking import current_user

LOG_NAME = str(AUDIT_LOG)
HEAD_NAME = str(AUDIT_HEAD)
GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    number: int
    when: str
    who: str
    host: str
    command: str
    changed: list[dict[str, str]]
    previous: str
    hash: str


def _digest(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "deleted"


def read_entries(folder: Path) -> list[dict]:
    path = folder / LOG_NAME
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def append(folder: Path, command: str, changed: list[Path], contents: dict[Path, bytes] | None = None) -> AuditEntry:
    """Add an entry for ``changed`` files (paths inside ``folder``); ``contents`` gives the bytes
    just written where the caller has them, so that they are hashed without being read back."""
    known = contents or {}
    log = folder / LOG_NAME
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    lines = [line for line in text.splitlines() if line.strip()]
    previous = json.loads(lines[-1])["hash"] if lines else GENESIS
    payload: dict[str, Any] = {
        "n": len(lines) + 1,
        "when": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "who": current_user(),
        "host": socket.gethostname(),
        "command": command,
        "changed": [
            {
                "file": _name(folder, path),
                "sha256": hashlib.sha256(known[path]).hexdigest() if path in known else file_hash(path),
            }
            for path in sorted(set(changed))
        ],
        "prev": previous,
    }
    payload["hash"] = _digest(payload)
    line = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    atomic_write_text(log, "\n".join([*lines, line]) + "\n")
    atomic_write_text(folder / HEAD_NAME, json.dumps({"entries": payload["n"], "last": payload["hash"]}) + "\n")
    return AuditEntry(
        number=payload["n"],
        when=payload["when"],
        who=payload["who"],
        host=payload["host"],
        command=command,
        changed=payload["changed"],
        previous=previous,
        hash=payload["hash"],
    )


def _name(folder: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return f"{path.name} (outside the review folder)"


def verify(folder: Path) -> list[str]:
    """Every way the log has been tampered with; an empty list means the chain holds."""
    problems: list[str] = []
    try:
        entries = read_entries(folder)
    except (ValueError, OSError) as error:
        return [f"{LOG_NAME} cannot be read as a log: {error}"]
    previous = GENESIS
    for position, entry in enumerate(entries, start=1):
        stated = entry.get("hash")
        payload = {key: value for key, value in entry.items() if key != "hash"}
        if entry.get("n") != position:
            problems.append(f"entry {position} is numbered {entry.get('n')}: an entry was removed or reordered")
        if entry.get("prev") != previous:
            problems.append(f"entry {position} does not follow the entry before it: the chain is broken there")
        if _digest(payload) != stated:
            problems.append(f"entry {position} was edited after it was written")
        previous = stated or ""
    head_path = folder / HEAD_NAME
    if head_path.exists():
        try:
            head = json.loads(head_path.read_text(encoding="utf-8"))
        except ValueError:
            problems.append(f"{HEAD_NAME} cannot be read")
        else:
            if head.get("entries") != len(entries) or head.get("last") != previous:
                problems.append(
                    f"the log has {len(entries)} entries but {head.get('entries')} were written: "
                    "entries were removed from its end"
                )
    elif entries:
        problems.append(f"{HEAD_NAME} is missing")
    return problems
