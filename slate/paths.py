"""File-name hygiene shared by every layer that writes into a project's folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from slate.errors import SlateError

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
    """Write a whole file or nothing: a crash mid-write never leaves half a file."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); an output is a normal file for the crew (umask applies).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """`atomic_write_bytes` for text."""
    atomic_write_bytes(path, text.encode(encoding))
