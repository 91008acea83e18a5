"""File-name hygiene shared by every layer that writes into a project's folder."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import SlateError

_UNSAFE = re.compile(r"[^\w.\-\u3000-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+", re.UNICODE)


def safe_name(name: str, *, max_length: int = 120) -> str:
    """A file or folder name with no path separators, control characters or leading dots.

    Chinese characters are kept (a crew's files are named in Chinese as often as in English).
    """
    text = unicodedata.normalize("NFC", Path(str(name)).name).strip()
    text = _UNSAFE.sub("-", text).strip("-. ")
    if not text:
        raise SlateError("A name must contain at least one letter or digit", value=name)
    if len(text) > max_length:
        stem, dot, ext = text.rpartition(".")
        text = (stem[: max_length - len(ext) - 1] + dot + ext) if dot and len(ext) < 10 else text[:max_length]
    return text


def inside(base: Path, candidate: Path) -> Path:
    """`candidate` resolved, refusing anything that escapes `base`."""
    base_r = base.resolve()
    cand_r = candidate.resolve()
    if cand_r != base_r and base_r not in cand_r.parents:
        raise SlateError("Refusing to write outside the project folder", value=str(candidate))
    return cand_r


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a crash mid-write never leaves half a file.

    The data goes to a temporary file in the same folder, is flushed to disk (fsync), then renamed over
    `path`; the folder is synced too, so after a power cut the name points at the old file or the new
    one. A `kill -9` at any moment leaves at most a hidden `.<name>.*` temporary file, never half of
    `path`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temporary(path.parent, f".{path.name}.", data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def create_new_file(path: Path, data: bytes) -> bool:
    """Write `path` whole, only if no file has that name yet; False when one has (a versioned save then
    tries the next number). Two writers at once never overwrite each other, and a crash never leaves
    half a file under `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temporary(path.parent, f".{path.name}.", data)
    try:
        os.link(tmp, path)  # atomic, and fails if the name is taken (os.replace would overwrite)
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)
    return True


# What mkstemp adds to a temporary file's prefix: eight letters, digits or underscores.
_TEMPORARY_TAIL = re.compile(r"\.[A-Za-z0-9_]{8}")


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Delete the hidden `.<name>.XXXXXXXX` temporaries a `kill -9` mid-write left in `folder` (and
    below); call it only while holding the folder's writer lock, when no write can be under way.
    Returns the names removed."""
    removed = []
    try:
        for path in folder.rglob(".*"):
            name = path.name
            stem, dot, tail = name[1:].rpartition(".")
            if path.is_file() and dot and stem and _TEMPORARY_TAIL.fullmatch("." + tail):
                path.unlink(missing_ok=True)
                removed.append(name)
    except OSError:
        pass  # tidying is best effort: an unreadable folder is reported by the write that needs it
    return removed


def _write_temporary(folder: Path, prefix: str, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=prefix, dir=folder)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); an output is a normal file for the crew (umask applies).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _sync_folder(folder: Path) -> None:
    """Make a rename or link in `folder` durable (POSIX; Windows cannot open a folder, and needs not)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on a folder; the rename itself is still atomic
    finally:
        os.close(fd)


# How long a writer waits for another one to finish before giving up with one sentence.
LOCK_WAIT_SECONDS = 120.0


@contextmanager
def exclusive_lock(lock_file: Path, what: str, timeout: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold `lock_file` exclusively while a read-change-save runs, across processes and threads (the
    CLI, each chat session and the UI): a second writer waits for the first, then works on what the
    first saved. Past `timeout` seconds of waiting, a SlateError says `what` is busy.

    filelock rather than fcntl directly: it is already installed with the model tooling, and also
    locks on Windows.
    """
    from filelock import FileLock, Timeout

    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_file, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise SlateError(f"{what} is being changed by someone else; try again in a moment") from None
    try:
        yield
    finally:
        lock.release()


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """`atomic_write_bytes` for text."""
    atomic_write_bytes(path, text.encode(encoding))
