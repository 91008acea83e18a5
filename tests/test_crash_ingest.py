"""kill -9 at random moments of `slate ingest`, repeated: the project always opens and agrees with itself.

After every kill: the manifest loads, every chunk id it lists is in the vector store exactly once, and
every stored copy it names exists. Vectors of a file whose manifest entry was not yet written may be
left (the manifest is the commit point; such vectors are never returned, see docs/knowledge.md) and the
next ingest removes them. After the final complete run: store and manifest hold exactly the same ids and
no temporary file is left. Kill moments come from a seeded RNG; nothing asserts on elapsed time.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.knowledge.knowledge_fixtures import write_mini_production

REPO = Path(__file__).resolve().parent.parent
CYCLES = int(os.environ.get("SLATE_CRASH_CYCLES", "6"))


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(SLATE_HOME=str(home), SLATE_EMBEDDER="fake", PYTHONPATH=str(REPO), SLATE_LLM="offline")
    return env


def _ingest(home: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "slate", "ingest", str(folder), "--project", "crash"],
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def check_project(home: Path, *, complete: bool) -> dict[str, int]:
    """Open the project as Slate would and compare the manifest with the store."""
    script = """
import json, sys
from pathlib import Path
from knowledge.embedder import FakeEmbedder
from knowledge.production import load_manifest
from knowledge.store import VectorStore, make_client
from core.settings import load_settings
settings = load_settings()
project_dir = settings.project_dir("crash")
manifest = load_manifest(project_dir, "crash")
ids = [i for d in manifest.documents for i in d.chunk_ids]
store = VectorStore(make_client(settings), "crash", FakeEmbedder())
held = store.existing_ids(ids) if ids else set()
missing_copies = [d.name for d in manifest.documents if not (project_dir / "documents" / d.name).exists()]
temp = [p.name for p in project_dir.rglob(".*") if p.is_file() and p.name != ".ingest.lock"] if project_dir.exists() else []
print(json.dumps({"docs": len(manifest.documents), "ids": len(ids), "unique": len(set(ids)),
    "held": len(held), "count": store.count(), "missing_copies": missing_copies, "temp": temp}))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], env=_env(home), capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr[-2000:]
    import json

    state = json.loads(out.stdout.strip().splitlines()[-1])
    assert state["ids"] == state["unique"], "duplicate chunk ids in the manifest"
    assert state["held"] == state["unique"], "the manifest lists chunks the store does not hold"
    assert state["missing_copies"] == [], "the manifest names a stored copy that is missing"
    if complete:
        assert state["count"] == state["unique"], "orphaned vectors after a complete ingest"
        assert state["temp"] == [], "a half-written temporary file was left"
    return state


@pytest.mark.slow
def test_kill_9_during_ingest_never_corrupts_the_project(tmp_path: Path) -> None:
    folder = write_mini_production(tmp_path / "production")
    home = tmp_path / "home"
    rng = random.Random(16)
    killed = 0
    for _cycle in range(CYCLES):
        process = _ingest(home, folder)
        time.sleep(rng.uniform(0.3, 4.0))  # a kill moment, not a timing assertion
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        check_project(home, complete=False)
        (folder / "notes.md").write_text(f"# Notes\n\nDraft {_cycle}: {rng.random()}\n", encoding="utf-8")
    print(f"kill -9 landed mid-ingest in {killed} of {CYCLES} cycles")
    final = _ingest(home, folder)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode("utf-8", "replace")[-2000:]
    state = check_project(home, complete=True)
    assert state["docs"] == 5


@pytest.mark.slow
def test_two_ingests_of_one_project_serialise(tmp_path: Path) -> None:
    folder = write_mini_production(tmp_path / "production")
    home = tmp_path / "home"
    first, second = _ingest(home, folder), _ingest(home, folder)
    for process in (first, second):
        _, err = process.communicate(timeout=600)
        text = err.decode("utf-8", "replace")
        assert process.returncode == 0, text[-2000:]
        assert "Traceback" not in text and "database is locked" not in text
    state = check_project(home, complete=True)
    assert state["docs"] == 5
