"""The review's audit trail: who changed which files, when, with which command; written ahead.

``audit.log`` is one line of JSON per record, each carrying the hash of the line before it, so an
edited, removed or reordered line breaks the chain. A change is written ahead (``Change.commit``):

1. an **intent** line naming every file the command is about to write, with the SHA-256 of its new
   content, before the first file is replaced;
2. the files;
3. a **commit** line once every file is in place (or a **failed** line naming those that were).

A command killed between 1 and 3 leaves an intent with no commit: ``verify`` names it and the files
it meant to change, and the next command that changes the review first records what it left (a
**recovered** line: which files hold the intended content and which do not). Nothing is ever
"repaired" silently: a log that cannot be read, or whose chain is broken, is reported by ``verify``
and refuses every change until ``scrkit log --repair`` keeps the damaged log beside a new one and
records the repair.

``.scrkit-audit-head`` keeps the number of lines and the last hash, so cutting lines off the end is
noticed; so does each user's **anchor** (the last head this machine saw for this folder, kept in the
user's cache folder, outside the review), which also notices a log deleted together with its head.
A head printed elsewhere (``scrkit log --head``: in the monthly report, an export's glossary) can be
checked with ``scrkit log --verify --anchor N:HASH``. What the chain proves: that no line this log
holds was changed, and that nothing was cut since a head was taken. What it does not prove: that
someone who can run Python did not rewrite the whole chain and its head in one go; an anchor
kept elsewhere, taken before, is what shows that.

No names of the child or family go into the log: the command's name, the operating-system user and
machine, and the files changed with their hashes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrkit.case.layout import AUDIT_HEAD, AUDIT_LOG
from scrkit.errors import Refused
from scrkit.records.atomic import atomic_write_text
from scrkit.resources import user_cache_folder
from scrkit.review.locking import current_user

LOG_NAME = str(AUDIT_LOG)
HEAD_NAME = str(AUDIT_HEAD)
GENESIS = "0" * 64
MAX_LOG_BYTES = 50 * 1024 * 1024  # about 200,000 changes; far more than any review makes
MAX_HEAD_BYTES = 4096
MAX_PROBLEMS = 20  # past this many, the log is plainly damaged: the rest are counted, not listed
REPAIR_HINT = (
    "See what is wrong with `scrkit log --verify`. If the damage is understood (a note typed into the "
    "log, a restored backup), start a new log with `scrkit log --repair`: the damaged log is kept beside "
    "it and the repair is recorded."
)


class AuditLogDamaged(Refused):
    """The audit log cannot be trusted, so scrkit changes nothing until a repair is recorded."""

    def __init__(self, folder: Path, problems: list[str]) -> None:
        super().__init__(
            f"The audit log of {folder} is damaged ({problems[0]}); scrkit will not change the review "
            "until that is put right. Nothing was changed.",
            hint=REPAIR_HINT,
        )
        self.problems = problems


@dataclass(frozen=True)
class Change:
    """One command's change as the log records it: its intent, and how it ended."""

    number: int  # the intent's line number
    when: str
    who: str
    host: str
    command: str
    files: list[dict[str, str]]
    state: str  # committed, failed, interrupted, recovered, or the kind of a one-line record
    note: str = ""


@dataclass
class LogState:
    lines: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    interrupted: dict[str, Any] | None = None  # a last intent with no end, if any
    exists: bool = False


def digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def file_hash(path: Path) -> str:
    try:
        return content_hash(path.read_bytes())
    except FileNotFoundError:
        return "missing"
    except OSError as error:
        return f"unreadable ({error.strerror or error})"


def _name(folder: Path, path: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(folder))).as_posix()
    except ValueError:
        return f"{path.name} (outside the review folder)"


def read_log(folder: Path) -> LogState:
    """The log's lines, and every way it is damaged; never raises for a damaged log."""
    state = LogState()
    path = folder / LOG_NAME
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return state
    except OSError as error:
        state.problems.append(f"{LOG_NAME} cannot be read: {error.strerror or error}")
        return state
    state.exists = True
    if not path.is_file():
        state.problems.append(f"{LOG_NAME} is not an ordinary file (a pipe, a device or a folder)")
        return state
    if size > MAX_LOG_BYTES:
        state.problems.append(f"{LOG_NAME} is {size:,} bytes, far larger than any review's log")
        return state
    try:
        raw = path.read_bytes()
    except OSError as error:
        state.problems.append(f"{LOG_NAME} cannot be read: {error.strerror or error}")
        return state
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        state.problems.append(f"{LOG_NAME} was saved in another encoding (UTF-16, Notepad's 'Unicode')")
        return state
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        state.problems.append(f"{LOG_NAME} is not UTF-8 text any more (saved by another program?)")
        return state
    for number, line in enumerate(text.splitlines(), start=1):
        if len(state.problems) >= MAX_PROBLEMS:
            state.problems.append(f"and more from line {number} on: the log is damaged throughout")
            return state
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):
            state.problems.append(f"line {number} of {LOG_NAME} is not an entry (text typed into the log?)")
            continue
        if not isinstance(entry, dict):
            state.problems.append(f"line {number} of {LOG_NAME} is not an entry")
            continue
        state.lines.append(entry)
    return state


def _check_chain(state: LogState) -> None:
    previous = GENESIS
    open_intent: dict[str, Any] | None = None
    for position, entry in enumerate(state.lines, start=1):
        if len(state.problems) >= MAX_PROBLEMS:
            state.problems.append(f"and more from entry {position} on: the log is damaged throughout")
            break
        stated = entry.get("hash")
        payload = {key: value for key, value in entry.items() if key != "hash"}
        if entry.get("n") != position:
            state.problems.append(f"entry {position} is numbered {entry.get('n')}: an entry was removed or reordered")
        if entry.get("prev") != previous:
            state.problems.append(f"entry {position} does not follow the entry before it: the chain is broken there")
        if digest(payload) != stated:
            state.problems.append(f"entry {position} was edited after it was written")
        previous = str(stated or "")
        kind = entry.get("kind", "change")
        if kind == "intent":
            if open_intent is not None:
                state.problems.append(f"entry {open_intent.get('n')} (an intent) was never ended")
            open_intent = entry
        elif kind in ("commit", "failed", "recovered"):
            if open_intent is None or entry.get("of") != open_intent.get("n"):
                state.problems.append(f"entry {position} ends a change that is not the one in progress")
            open_intent = None
    state.interrupted = open_intent


def _head_problems(folder: Path, state: LogState) -> list[str]:
    head_path = folder / HEAD_NAME
    count, last = len(state.lines), state.lines[-1].get("hash") if state.lines else GENESIS
    try:
        if head_path.exists() and not head_path.is_file():
            raise ValueError("not an ordinary file")
        with head_path.open("rb") as handle:  # a head is one short line: a 2 GB file is not one
            raw_head = handle.read(MAX_HEAD_BYTES + 1)
        if len(raw_head) > MAX_HEAD_BYTES:
            raise ValueError("far larger than a head")
        head = json.loads(raw_head.decode("utf-8"))
        entries, head_last = head["entries"], str(head["last"])
        if type(entries) is not int:
            raise ValueError("not a count")
    except FileNotFoundError:
        return [f"{HEAD_NAME} is missing"] if state.lines else []
    except (OSError, ValueError, KeyError, TypeError, OverflowError, RecursionError):  # UnicodeError too
        return [f"{HEAD_NAME} cannot be read"]
    if entries == count and head_last == last:
        return []
    # Written just after the log: a command killed between the two leaves the head behind, still
    # pointing at a line the log holds (cutting lines off the end leaves it ahead, which is reported).
    if 0 <= entries < count and head_last == (state.lines[entries - 1].get("hash") if entries else GENESIS):
        return []
    if entries > count:
        return [f"the log has {count} entries but {entries} were written: entries were removed from its end"]
    return [f"{HEAD_NAME} does not match the log (it says {entries} entries; the log has {count})"]


def _anchor_file() -> Path:
    return user_cache_folder() / "audit-anchors.json"


def _anchors() -> dict[str, Any]:
    with contextlib.suppress(OSError, ValueError, RecursionError):
        data = json.loads(_anchor_file().read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}


def _count(value: Any) -> int:
    """An entry's number as the log gives it, or 0 when it is not a plain number (a damaged entry)."""
    return value if type(value) is int else 0


def _anchor_key(folder: Path) -> str:
    return os.path.abspath(folder)


def _remember(folder: Path, count: int, last: str) -> None:
    """This machine's anchor for the folder: kept outside the review, so deleting the log shows."""
    with contextlib.suppress(OSError):
        anchors = _anchors()
        anchors[_anchor_key(folder)] = {"entries": count, "last": last}
        _save_anchors(anchors)


def anchor_moved(old: Path, new: Path) -> None:
    """A review opened in a staging folder and renamed into place (`scrkit new`): this machine's
    anchor follows it, replacing what it remembered of a review that was at ``new`` before (deleted,
    since `scrkit new` only opens a review in a new or empty folder)."""
    with contextlib.suppress(OSError):
        anchors = _anchors()
        remembered = anchors.pop(_anchor_key(old), None)
        anchors.pop(_anchor_key(new), None)
        if remembered is not None:
            anchors[_anchor_key(new)] = remembered
        _save_anchors(anchors)


def _save_anchors(anchors: dict[str, Any]) -> None:
    path = _anchor_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(anchors, sort_keys=True))


def _anchor_problems(state: LogState, entries: int, last: str, where: str) -> list[str]:
    if entries <= 0:
        return []
    if not state.exists:
        return [f"{where} saw {entries} entries in this review's audit log, and the log is gone"]
    if entries > len(state.lines):
        return [f"{where} saw {entries} entries; the log now has {len(state.lines)}: entries were removed"]
    if not str(state.lines[entries - 1].get("hash", "")).startswith(last):
        return [f"entry {entries} is not the one {where} saw: the log was rewritten"]
    return []


def parse_anchor(text: str) -> tuple[int, str]:
    """``N:HASH`` as `scrkit log --head` prints it (the hash may be shortened to 12 characters)."""
    from scrkit.errors import BadInput

    count, _, last = text.strip().partition(":")
    if not count.isdigit() or len(last) < 12 or any(c not in "0123456789abcdef" for c in last):
        raise BadInput(f"--anchor: '{text}' is not a log head; write it as `scrkit log --head` prints it, N:HASH.")
    return int(count), last


def verify(folder: Path, anchor: tuple[int, str] | None = None) -> list[str]:
    """Every way the log is damaged, cut, rewritten or left unfinished; an empty list means it holds."""
    state = read_log(folder)
    if not state.problems:
        _check_chain(state)
        state.problems.extend(_head_problems(folder, state))
    remembered = _anchors().get(_anchor_key(folder))
    if isinstance(remembered, dict):
        with contextlib.suppress(ValueError, TypeError):
            state.problems += _anchor_problems(
                state, int(remembered.get("entries", 0)), str(remembered.get("last", "")), "this machine"
            )
    if anchor is not None:
        state.problems += _anchor_problems(state, anchor[0], anchor[1], "the anchor given")
    if not state.exists and (folder / HEAD_NAME).exists():
        state.problems.append(f"{LOG_NAME} is missing, but {HEAD_NAME} says it had entries")
    if not state.exists and not state.problems:
        state.problems.append(f"there is no {LOG_NAME}: this review's changes are not recorded")
    if state.interrupted is not None and not state.problems:
        intent = state.interrupted
        files = ", ".join(item["file"] for item in intent.get("files", [])) or "no files"
        state.problems.append(
            f"entry {intent.get('n')}: `scrkit {intent.get('command')}` began changing {files} on "
            f"{str(intent.get('when', ''))[:16].replace('T', ' ')} and did not finish (interrupted); the next "
            "command that changes the review records what it left"
        )
    return state.problems


def head(folder: Path) -> str:
    """The log's head as N:HASH, to print or keep elsewhere as an anchor."""
    state = read_log(folder)
    if not state.lines:
        return f"0:{GENESIS}"
    return f"{len(state.lines)}:{state.lines[-1].get('hash')}"


def changes(folder: Path) -> list[Change]:
    """One row per command, as `scrkit log` shows it (a damaged log: what can be read of it)."""
    rows: list[Change] = []
    state = read_log(folder)
    ends: dict[int, dict[str, Any]] = {_count(entry.get("of")): entry for entry in state.lines if entry.get("of")}
    for entry in state.lines:
        kind = str(entry.get("kind") or "change")
        if kind in ("commit", "failed", "recovered"):
            continue
        end = ends.get(_count(entry.get("n"))) if kind == "intent" else None
        state_name = {"commit": "done", "failed": "failed", "recovered": "interrupted"}.get(
            str(end.get("kind")) if end else "", "interrupted" if kind == "intent" else kind
        )
        rows.append(
            Change(
                number=_count(entry.get("n")),
                when=str(entry.get("when", "")),
                who=str(entry.get("who", "")),
                host=str(entry.get("host", "")),
                command=str(entry.get("command", "")),
                # A failed change lists what it did write; otherwise the intent's files (all of them, once done).
                files=_files(
                    end.get("files")
                    if end is not None and end.get("kind") == "failed"
                    else entry.get("files") or entry.get("changed")
                ),
                state="done" if kind == "change" else state_name,
                note=str((end or {}).get("note") or entry.get("note") or ""),
            )
        )
    return rows


def _files(value: Any) -> list[dict[str, str]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _append(folder: Path, state: LogState, payload: dict[str, Any]) -> dict[str, Any]:
    payload = {
        "n": len(state.lines) + 1,
        "when": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "who": current_user(),
        "host": socket.gethostname(),
        **payload,
        "prev": state.lines[-1]["hash"] if state.lines else GENESIS,
    }
    payload["hash"] = digest(payload)
    lines = [json.dumps(entry, sort_keys=True, ensure_ascii=False) for entry in [*state.lines, payload]]
    atomic_write_text(folder / LOG_NAME, "\n".join(lines) + "\n")
    state.lines.append(payload)
    state.exists = True
    atomic_write_text(folder / HEAD_NAME, json.dumps({"entries": len(state.lines), "last": payload["hash"]}) + "\n")
    _remember(folder, len(state.lines), payload["hash"])
    return payload


def writable_log(folder: Path) -> LogState:
    """The log, once it is known to be sound; a damaged one refuses the change (``AuditLogDamaged``).

    A change interrupted earlier (an intent with no end) is recorded first: which of its files hold
    the content it meant to write.
    """
    blocking = [problem for problem in verify(folder) if "did not finish (interrupted)" not in problem]
    if blocking:
        raise AuditLogDamaged(folder, blocking)
    state = read_log(folder)
    _check_chain(state)
    if state.interrupted is not None:
        intent = state.interrupted
        files = [item for item in intent.get("files", []) if isinstance(item, dict) and "file" in item]
        held = [item["file"] for item in files if file_hash(folder / item["file"]) == item.get("sha256")]
        left = [item["file"] for item in files if item["file"] not in held]
        note = "interrupted; " + (f"written: {', '.join(held)}" if held else "nothing written")
        note += f"; not written: {', '.join(left)}" if left else ""
        entry = {"kind": "recovered", "of": intent["n"], "command": intent.get("command"), "note": note}
        _append(folder, state, entry)
    return state


def begin(folder: Path, state: LogState, command: str, files: dict[Path, str], note: str = "") -> int:
    """The intent: every file about to be written, with the hash of its new content."""
    entry = {
        "kind": "intent",
        "command": command,
        "files": [{"file": _name(folder, path), "sha256": sha} for path, sha in sorted(files.items())],
    }
    if note:
        entry["note"] = note
    return int(_append(folder, state, entry)["n"])


def end(folder: Path, state: LogState, intent: int, command: str, written: list[Path], *, failed: str = "") -> None:
    """The change's end: committed, or failed after writing ``written`` (named, with their hashes)."""
    entry: dict[str, Any] = {
        "kind": "failed" if failed else "commit",
        "of": intent,
        "command": command,
        "files": [{"file": _name(folder, path), "sha256": file_hash(path)} for path in written] if failed else [],
    }
    if failed:
        entry["note"] = failed
    _append(folder, state, entry)


def record(folder: Path, command: str, files: dict[Path, bytes], *, start: bool = False) -> None:
    """A one-line record for a change made before the log could be written ahead (a new review)."""
    state = LogState() if start else writable_log(folder)
    entry = {
        "kind": "start" if start else "change",
        "command": command,
        "files": [{"file": _name(folder, path), "sha256": content_hash(data)} for path, data in sorted(files.items())],
    }
    _append(folder, state, entry)


def repair(folder: Path) -> tuple[Path | None, str]:
    """Keep the damaged log (and head) beside a new one whose first line records the repair."""
    problems = verify(folder)
    if not problems:  # a new log would break a sound chain, and its anchors with it
        raise Refused(
            f"The audit log of {folder} is sound; there is nothing to repair, and nothing was changed.",
            hint="`scrkit log --verify` checks it; --repair is for a log that check reports as damaged.",
        )
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M%S")
    kept: Path | None = None
    for name in (LOG_NAME, HEAD_NAME):
        path = folder / name
        if path.exists():
            target = folder / f"{name}.damaged {stamp}"
            path.rename(target)
            kept = target if name == LOG_NAME else kept
    state = LogState()
    note = "; ".join(problems) or "the log was sound"
    entry: dict[str, Any] = {"kind": "repair", "command": "log --repair", "note": note, "files": []}
    if kept is not None:
        entry["files"] = [{"file": kept.name, "sha256": file_hash(kept)}]
    _append(folder, state, entry)
    return kept, note
