"""Writing outputs so that a crash never leaves half a file: write a temporary file beside, then rename.

A build killed at any moment leaves every output either as it was or as the new complete version. The
temporary files are hidden (".graph.ttl.<pid>.<random>.tmp") so no reader takes one for an output; one
left by a killed process is removed by the next write of the same output.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.errors import ExportError

# read once: os.umask can only be read by setting it, which is not safe while other threads create files
_UMASK = os.umask(0)
os.umask(_UMASK)
_writing: set[str] = set()  # temporary files this process is writing now
_writing_lock = threading.Lock()


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically: a temporary file in the same directory, fsync, then os.replace.

    If anything fails (encoding, disk full, permissions), the old file at `path` is left as it was,
    the temporary file is removed, and ExportError names the path.
    """
    write_bytes_atomic(path, _encode(path, text, encoding))


def write_bytes_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Like write_text_atomic, for bytes, or for chunks of bytes written as they come (a large graph)."""
    stage_bytes(path, data).commit()


@dataclass
class StagedFile:
    """A complete new version of `path`, written to a hidden temporary file beside it and not yet in place, so
    several outputs can be made first and put in place together, or all dropped when a later one fails."""

    path: Path
    temporary: Path

    def commit(self) -> None:
        try:
            os.replace(self.temporary, self.path)
        except OSError as exc:
            self.discard()
            raise ExportError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        finally:
            with _writing_lock:
                _writing.discard(self.temporary.name)
        _sync_directory(self.path.parent if str(self.path.parent) else Path("."))

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temporary.unlink()
        with _writing_lock:
            _writing.discard(self.temporary.name)


def stage_text(path: Path, text: str, *, encoding: str = "utf-8") -> StagedFile:
    return stage_bytes(path, _encode(path, text, encoding))


def stage_bytes(path: Path, data: bytes | Iterable[bytes]) -> StagedFile:
    """Write `data` to a temporary file beside `path` (fsynced, with the usual permissions) and return it
    staged; `commit()` renames it over `path`. On failure nothing is left and ExportError names the path."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: directory {directory} does not exist")
    remove_stale_temporaries(path)
    with _writing_lock:
        try:
            fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f"{_temporary_prefix(path)}{os.getpid()}.",
                                            suffix=".tmp")
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
        tmp = Path(tmp_name)
        _writing.add(tmp.name)
    staged = StagedFile(path, tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in (data,) if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs get the usual permissions
    except OSError as exc:
        staged.discard()
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        staged.discard()
        raise
    return staged


def temporaries(path: Path) -> list[Path]:
    """The temporary files of writes of `path` that have not finished (or were killed)."""
    path = Path(path)
    pattern = re.compile(re.escape(_temporary_prefix(path)) + r"\d+\.[^/]+\.tmp")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        return sorted(p for p in directory.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files of `path` left by processes that no longer run (a build killed mid-write)."""
    prefix = _temporary_prefix(Path(path))
    for tmp in temporaries(path):
        pid = int(tmp.name[len(prefix):].split(".", 1)[0])
        with _writing_lock:
            ours = tmp.name in _writing
        # a pid of this process but not a write in progress: an earlier process that had the same pid
        if not ours and (pid == os.getpid() or not _running(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _running(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill would end the process there, not probe it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # another user's process, or a pid this system cannot check: leave its file alone
    return True


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _encode(path: Path, text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise ExportError(f"cannot write {path}: text is not encodable as {encoding} ({exc.reason} "
                          f"at character {exc.start})") from exc
