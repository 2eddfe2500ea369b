"""Writing outputs so that a crash never leaves half a file: write a temporary file beside, then rename."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from kg.errors import ExportError


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically: a temporary file in the same directory, fsync, then os.replace.

    If anything fails (encoding, disk full, permissions), the old file at `path` is left as it was,
    the temporary file is removed, and ExportError names the path.
    """
    write_bytes_atomic(path, _encode(path, text, encoding))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Like write_text_atomic, for bytes."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: directory {directory} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _encode(path: Path, text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise ExportError(f"cannot write {path}: text is not encodable as {encoding} ({exc.reason} "
                          f"at character {exc.start})") from exc
