"""Atomic writes: a kill at any moment leaves the old file or the new one, never half of one.

The new text goes to a temporary file in the same folder, is flushed and fsynced, then
renamed over the old file with ``os.replace``. The temporary file is removed on any
failure; temporary files left by a killed process are swept by the next write.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

TEMP_SUFFIX = ".scrkit-tmp"
# A temporary file older than this belongs to a process that died mid-write.
STALE_AFTER_SECONDS = 10 * 60


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path) as temp_path:
        temp_path.write_bytes(data)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``; on success it is synced and renamed over ``path``.

    Used directly by writers that need a file name (a large workbook streamed to disk). When the
    block fails, the temporary file is removed and ``path`` is untouched.
    """
    temp_path = temporary_beside(path)
    try:
        yield temp_path
        publish(temp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise


def temporary_beside(path: Path) -> Path:
    """A new, empty temporary file in ``path``'s folder, named so that a sweep finds it."""
    path = Path(path)
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    os.close(descriptor)
    return Path(temp_name)


def publish(temp_path: Path, path: Path) -> None:
    """Sync a finished temporary file and rename it over ``path`` (the old file's permissions kept)."""
    path = Path(path)
    with temp_path.open("rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())
    # Keep the old file's permission bits; a new file gets the usual ones (mkstemp makes 0600).
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~current_umask()
    with contextlib.suppress(OSError):
        os.chmod(temp_path, mode)
    os.replace(temp_path, path)
    _fsync_folder(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


STAGING_SUFFIX = ".scrkit-staging"  # a folder built beside its destination, then renamed into place


def sweep_stale_temp_files(folder: Path, *, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove temporary files and staging folders a killed scrkit left behind (they hold case data)."""
    import shutil

    swept: list[Path] = []
    now = time.time()
    for pattern in (f"*{TEMP_SUFFIX}", f"*{STAGING_SUFFIX}"):
        for candidate in Path(folder).rglob(pattern):
            try:
                if now - candidate.lstat().st_mtime < older_than:
                    continue
                if candidate.is_dir() and not candidate.is_symlink():
                    shutil.rmtree(candidate)
                else:
                    candidate.unlink()
                swept.append(candidate)
            except OSError:
                continue
    return swept


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder this way.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def current_umask() -> int:
    """The process's umask (reading it means setting it; it is put straight back)."""
    current = os.umask(0)
    os.umask(current)
    return current
