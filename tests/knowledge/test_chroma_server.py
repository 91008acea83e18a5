"""Server mode for real: start `chroma run`, ingest the sample through SLATE_CHROMA_HOST/PORT, search, stop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import load_settings
from knowledge.ingest import forget, ingest, project_stats
from knowledge.retrieval import open_retriever

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """A real Chroma server on 127.0.0.1 and a free port; yields the port, stops the server after."""
    # chromadb is a dependency, so its `chroma` command is always installed next to this Python.
    assert CHROMA.exists(), f"{CHROMA} is missing: reinstall the project (pip install -e .)"
    port = _free_port()
    log = (tmp_path / "chroma.log").open("wb")
    process = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2
                ) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail(
                    "chroma run did not start:\n" + (tmp_path / "chroma.log").read_text(errors="replace")
                )
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.mark.server
def test_ingest_and_search_through_a_chroma_server(
    chroma_server: int, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLATE_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("SLATE_CHROMA_PORT", str(chroma_server))
    monkeypatch.setenv("SLATE_EMBEDDER", "fake")  # the real embedder is measured by the question set
    settings = load_settings()
    assert settings.chroma_host == "127.0.0.1" and settings.chroma_port == chroma_server

    report = ingest(settings, "夜更 server", [sample_dir])
    assert not report.skipped and report.chunks_added > 50
    assert "night_shift.fountain" in report.files
    assert not settings.chroma_dir.exists()  # nothing was written to the embedded store

    retriever = open_retriever(settings, "夜更 server")
    hits = retriever.search("第17場", k=3)
    assert hits[0].scene == "17" and hits[0].file == "night_shift.fountain"
    assert retriever.store.count() == report.chunks_added

    again = ingest(settings, "夜更 server", [sample_dir])
    assert again.chunks_added == 0 and again.chunks_unchanged == report.chunks_added

    removed = forget(settings, "夜更 server", "night_shift.fountain")
    assert removed.chunks_removed > 0
    assert (
        open_retriever(settings, "夜更 server").store.count() == report.chunks_added - removed.chunks_removed
    )
    assert project_stats(settings)[0]["chunks"] == report.chunks_added - removed.chunks_removed
