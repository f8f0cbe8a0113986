"""Writing a file atomically: the one way every writer of the package replaces a file.

A unique temporary file in the target's folder is written, flushed to disk (fsync) and
renamed over the target, so the target is always either the old file or the complete new
one; the temporary file is removed on every failure (KeyboardInterrupt included). New files
get the mode a plain ``open(path, "w")`` would give (the umask applies).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import IO, Callable, Union


def file_mode() -> int:
    """The mode a plain ``open(path, "w")`` gives a new file (``0o666`` less the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Union[str, "os.PathLike[str]"], write: Callable[[IO[bytes]], None]) -> None:
    """Calls ``write(f)`` with a binary file open on a unique temporary file next to
    ``path``, then fsyncs it, renames it over ``path`` and fsyncs the folder's entry."""
    path = Path(os.fspath(path))
    folder = path.parent
    while True:
        tmp = folder / f".{path.name}.{secrets.token_hex(8)}.tmp"
        try:
            # O_EXCL: never reuse a name another writer holds; 0o666: the umask applies.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
        break
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # the rename itself reaches the disk with the folder's entry
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not on Windows
        return
    try:
        os.fsync(dfd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(dfd)
