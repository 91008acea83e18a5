"""Fixtures for the knowledge-store tests: an in-memory Chroma client, fake-embedder settings, and a
small bilingual production written into a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import Settings, load_settings
from tests.knowledge.knowledge_fixtures import write_mini_production


@pytest.fixture
def chroma_client() -> Iterator[object]:
    """An in-memory Chroma client, emptied before and after the test."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True))
    client.reset()
    yield client
    client.reset()


@pytest.fixture
def fake_settings() -> Settings:
    """Settings for the temp SLATE_HOME the root conftest sets, with the deterministic embedder."""
    return load_settings(embedder="fake")


@pytest.fixture
def mini_production(tmp_path: Path) -> Path:
    """A folder with a script, cast and location lists, notes, subtitles and things to ignore."""
    folder = write_mini_production(tmp_path / "mini")
    (folder / "make_recce.py").write_text("print('generator')\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder
