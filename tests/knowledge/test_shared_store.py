"""A production office: one real `chroma run` server, two Slate machines (two SLATE_HOMEs).

Machine A ingests; machine B — a separate `slate` process with its own empty SLATE_HOME — lists the
project, searches it, asks about it and forgets a document; A then sees exactly what is left. Issue 21:
before, B saw no projects, `forget --all` on B dropped the whole shared collection, and counts went stale.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings, load_settings
from knowledge.ingest import forget_project, ingest, project_stats
from knowledge.production import open_production
from knowledge.retrieval import open_retriever
from knowledge.shared_store import FILES, REGISTRY
from knowledge.store import collection_name, make_client
from tests.knowledge.test_chroma_server import chroma_server
from ui.handlers import Handlers

__all__ = ["chroma_server"]  # the fixture, used by name below

pytestmark = [pytest.mark.server, pytest.mark.slow]

PROJECT = "夜更 team"
OTHER = "another production"
REPO = Path(__file__).resolve().parents[2]


def machine(home: Path, port: int) -> Settings:
    return load_settings(home=home, chroma_host="127.0.0.1", chroma_port=port, embedder="fake")


def run_b(home: Path, port: int, *args: str) -> Any:
    """`slate ARGS --json` on machine B: its own process, its own SLATE_HOME, the same server."""
    env = {
        **os.environ,
        "SLATE_HOME": str(home),
        "SLATE_CHROMA_HOST": "127.0.0.1",
        "SLATE_CHROMA_PORT": str(port),
        "SLATE_EMBEDDER": "fake",
        "SLATE_LLM": "offline",
        "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    done = subprocess.run(
        [sys.executable, "-m", "slate", *args, "--json"],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_two_machines_share_one_chroma_server(chroma_server: int, sample_dir: Path, tmp_path: Path) -> None:
    home_a, home_b = tmp_path / "machine-a", tmp_path / "machine-b"
    home_b.mkdir()
    a = machine(home_a, chroma_server)
    files = [
        sample_dir / n for n in ("night_shift.fountain", "cast.csv", "locations.csv", "director_notes.md")
    ]
    report = ingest(a, PROJECT, files)
    other = ingest(a, OTHER, [sample_dir / "director_notes.md"])
    assert not report.skipped and report.chunks_added > 50

    # B, with nothing local, sees every project, with counts from the store.
    projects = {p["project"]: p for p in run_b(home_b, chroma_server, "projects")}
    assert projects[PROJECT] == {"project": PROJECT, "documents": 4, "chunks": report.chunks_added}
    assert projects[OTHER]["chunks"] == other.chunks_added

    # B searches and asks: the script, cast and location lists came from the server.
    hits = run_b(home_b, chroma_server, "search", "第17場", "--project", PROJECT)
    assert hits[0]["scene"] == "17" and hits[0]["file"] == "night_shift.fountain"
    turn = run_b(home_b, chroma_server, "ask", "天台有邊幾場夜戲？", "--project", PROJECT)
    assert "17" in [s["number"] for s in turn["artifacts"][0]["data"]["scenes"]]
    stored_b = home_b / "projects"
    assert (next(stored_b.iterdir()) / "documents" / "night_shift.fountain").read_bytes() == (
        sample_dir / "night_shift.fountain"
    ).read_bytes()

    # A keeps a retriever and a UI open while B forgets the director's notes.
    retriever_a = open_retriever(a, PROJECT)
    ui_a = Handlers(a, PROJECT)
    ui_a.agent(PROJECT)
    notes_chunks = {h.file for h in retriever_a.search("colour palette neon", k=20)}
    assert "director_notes.md" in notes_chunks
    forgotten = run_b(home_b, chroma_server, "forget", "director_notes.md", "--project", PROJECT)
    assert forgotten["chunks_removed"] > 0

    # A is still correct: the counts, its open retriever, its production, the other project.
    left = report.chunks_added - forgotten["chunks_removed"]
    stats = {s["project"]: s for s in project_stats(a)}
    assert stats[PROJECT]["documents"] == 3 and stats[PROJECT]["chunks"] == left
    assert stats[OTHER]["chunks"] == other.chunks_added  # its copy of the notes is untouched
    assert "director_notes.md" not in {h.file for h in retriever_a.search("colour palette neon", k=20)}
    assert retriever_a.store.count() == left
    production_a = open_production(a, PROJECT)
    assert [d.name for d in production_a.documents] == ["night_shift.fountain", "cast.csv", "locations.csv"]
    assert not (a.project_dir(PROJECT) / "documents" / "director_notes.md").exists()
    reopened = ui_a.switch_project(PROJECT, "en")  # picking the project again follows the server
    assert [row[0] for row in reopened.documents["data"]] == [
        "night_shift.fountain",
        "cast.csv",
        "locations.csv",
    ]
    assert [d.name for d in ui_a.agent(PROJECT).production.documents] == [
        "night_shift.fountain",
        "cast.csv",
        "locations.csv",
    ]

    # `forget --all` on B removes that project only; A's other project and its collection stay.
    run_b(home_b, chroma_server, "forget", "--all", "--project", PROJECT)
    client = make_client(a)
    names = {c.name for c in client.list_collections()}
    assert collection_name(OTHER) in names and collection_name(PROJECT) not in names
    assert [s["project"] for s in project_stats(a)] == [OTHER]
    assert client.get_collection(FILES).count() == 1  # only the other project's file is kept
    assert client.get_collection(REGISTRY).count() == 1


def test_forget_all_keeps_a_collection_that_still_holds_others_chunks(
    chroma_server: int, sample_dir: Path, tmp_path: Path
) -> None:
    """Chunks B's manifest does not list (written by a machine whose ingest B has not seen) survive."""
    a = machine(tmp_path / "a", chroma_server)
    ingest(a, PROJECT, [sample_dir / "cast.csv"])
    retriever = open_retriever(a, PROJECT)
    foreign = "not-in-any-manifest"
    retriever.store.add([foreign], ["text"], [{"project": PROJECT}], [[0.0] * retriever.embedder.dim])
    forget_project(machine(tmp_path / "b", chroma_server), PROJECT)
    assert retriever.store.existing_ids([foreign]) == {foreign}
    assert project_stats(a) == []
