"""Ingest: idempotency, changed files without orphans, failed files leave everything untouched,
forget, project isolation, Chinese project names, progress."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.errors import ModelError, NotFound, ProjectNotFound, StoreError
from core.settings import Settings
from knowledge.embedder import FakeEmbedder
from knowledge.ingest import forget, forget_project, ingest, project_stats
from knowledge.keyword import INDEX_FILE
from knowledge.production import load_manifest
from knowledge.store import VectorStore
from tests.knowledge.knowledge_fixtures import SCRIPT

EMBEDDER = FakeEmbedder()


def _run(settings: Settings, client: Any, project: str, *paths: Path, **kwargs: Any) -> Any:
    return ingest(
        settings, project, list(paths), client=client, embedder=kwargs.pop("embedder", EMBEDDER), **kwargs
    )


def _state(settings: Settings, client: Any, project: str) -> dict[str, Any]:
    """Everything ingest writes for a project, to compare before and after."""
    project_dir = settings.project_dir(project)
    store = VectorStore(client, project, EMBEDDER)
    manifest = load_manifest(project_dir, project)
    ids = [i for d in manifest.documents for i in d.chunk_ids]
    index = json.loads((project_dir / INDEX_FILE).read_text(encoding="utf-8"))
    return {
        "manifest": manifest.model_dump(),
        "store": store.get(ids) if ids else {},
        "count": store.count(),
        "index": sorted(index["records"]),
        "copies": {p.name: p.read_bytes() for p in (project_dir / "documents").iterdir()},
    }


def test_ingest_a_folder(fake_settings: Settings, chroma_client: Any, mini_production: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    report = _run(fake_settings, chroma_client, "夜更", mini_production, progress=lambda *a: calls.append(a))
    assert report.files == ["cast.csv", "locations.csv", "night.fountain", "notes.md", "rough.zh-en.srt"]
    assert report.skipped == []  # the generator script and hidden files are not documents
    assert report.chunks_added > 10 and report.chunks_unchanged == 0
    manifest = load_manifest(fake_settings.project_dir("夜更"), "夜更")
    kinds = {d.name: d.doc_type for d in manifest.documents}
    assert kinds == {
        "cast.csv": "cast",
        "locations.csv": "locations",
        "night.fountain": "screenplay",
        "notes.md": "notes",
        "rough.zh-en.srt": "subtitles",
    }
    script = manifest.find("night.fountain")
    assert script is not None and script.scenes == 4 and script.encoding == "utf-8"
    assert (fake_settings.project_dir("夜更") / script.stored).read_text(encoding="utf-8") == SCRIPT
    total = sum(len(d.chunk_ids) for d in manifest.documents)
    assert total == report.chunks_added == VectorStore(chroma_client, "夜更", EMBEDDER).count()
    assert calls[0] == (0, 5, "cast.csv") and calls[-1][:2] == (5, 5)


def test_reingesting_unchanged_files_adds_nothing(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    first = _run(fake_settings, chroma_client, "p", mini_production)
    before = _state(fake_settings, chroma_client, "p")
    again = _run(fake_settings, chroma_client, "p", mini_production)
    assert (again.chunks_added, again.chunks_removed) == (0, 0)
    assert again.chunks_unchanged == first.chunks_added
    after = _state(fake_settings, chroma_client, "p")
    assert after["store"] == before["store"] and after["count"] == before["count"]
    assert [d["chunk_ids"] for d in after["manifest"]["documents"]] == [
        d["chunk_ids"] for d in before["manifest"]["documents"]
    ]


def test_changed_file_replaces_its_chunks_without_orphans(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    script = mini_production / "night.fountain"
    # Scene 2's dialogue changes; two lines added at the top move every scene down.
    edited = SCRIPT.replace("今晚好靜呀。", "今晚好多人呀。").replace(
        "Author: 測試編劇\n", "Author: 測試編劇\nDraft: 2\n\n"
    )
    script.write_text(edited, encoding="utf-8")
    report = _run(fake_settings, chroma_client, "p", script)
    assert report.chunks_added == 2  # scene 2 and the title page
    assert report.chunks_removed == 2
    assert report.chunks_unchanged == 3
    state = _state(fake_settings, chroma_client, "p")
    manifest_ids = {i for d in state["manifest"]["documents"] for i in d["chunk_ids"]}
    assert state["count"] == len(manifest_ids) == len(state["index"])  # no orphans anywhere
    # Unchanged scenes keep their ids but their line numbers follow the edit.
    scene_one = next(m for _, m in state["store"].values() if m.get("scene") == "1")
    assert scene_one["line_start"] == 6


def test_failed_file_is_skipped_and_changes_nothing(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    before = _state(fake_settings, chroma_client, "p")
    (mini_production / "notes.md").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (mini_production / "poster.png").write_bytes(b"\x89PNG")
    (mini_production / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    report = _run(fake_settings, chroma_client, "p", mini_production, mini_production / "missing.md")
    reasons = {Path(s.file).name: s.reason for s in report.skipped}
    assert set(reasons) == {"notes.md", "poster.png", "broken.pdf", "missing.md"}
    assert "notes.md" in reasons["notes.md"] and "binary" in reasons["notes.md"]
    assert ".png" in reasons["poster.png"]
    assert reasons["missing.md"] == "No such file or folder"
    assert _state(fake_settings, chroma_client, "p") == before


class _FailingEmbedder(FakeEmbedder):
    def embed_documents(self, texts: Any) -> list[list[float]]:
        raise ModelError("The embeddings endpoint failed", value="test")


def test_embedding_failure_skips_the_file_before_any_write(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    before = _state(fake_settings, chroma_client, "p")
    (mini_production / "notes.md").write_text("# New notes\n\n全新嘅內容。\n", encoding="utf-8")
    report = _run(fake_settings, chroma_client, "p", mini_production, embedder=_FailingEmbedder())
    assert [Path(s.file).name for s in report.skipped] == ["notes.md"]
    assert _state(fake_settings, chroma_client, "p") == before


def test_write_failure_rolls_back_the_new_chunks(
    fake_settings: Settings, chroma_client: Any, mini_production: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    before = _state(fake_settings, chroma_client, "p")
    (mini_production / "notes.md").write_text("# Notes v2\n\n完全唔同。\n", encoding="utf-8")

    def broken_save(*args: Any) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr("knowledge.ingest.save_manifest", broken_save)
    report = _run(fake_settings, chroma_client, "p", mini_production / "notes.md")
    assert report.skipped and "disk full" in report.skipped[0].reason
    after = _state(fake_settings, chroma_client, "p")
    assert after["count"] == before["count"] and after["store"] == before["store"]
    assert after["manifest"] == before["manifest"] and after["index"] == before["index"]


def test_vectors_a_killed_ingest_never_listed_are_removed_by_the_next(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    """A kill between adding a changed file's vectors and writing the manifest leaves vectors no
    manifest lists; the next ingest of a newer version of that file removes them too."""
    _run(fake_settings, chroma_client, "p", mini_production)
    store = VectorStore(chroma_client, "p", EMBEDDER)
    # What the killed run left: a draft's chunk in the store under the file's name, unlisted.
    store.add(
        ["notes.md#killed-draft"],
        ["Draft 1"],
        [{"project": "p", "file": "notes.md"}],
        EMBEDDER.embed_documents(["Draft 1"]),
    )
    (mini_production / "notes.md").write_text("# Notes v3\n\nDraft 2.\n", encoding="utf-8")
    _run(fake_settings, chroma_client, "p", mini_production / "notes.md")
    state = _state(fake_settings, chroma_client, "p")
    manifest_ids = {i for d in state["manifest"]["documents"] for i in d["chunk_ids"]}
    assert state["count"] == len(manifest_ids)
    # And an unchanged file with such a leftover is written again, not skipped as unchanged.
    store.add(
        ["notes.md#killed-again"],
        ["x"],
        [{"project": "p", "file": "notes.md"}],
        EMBEDDER.embed_documents(["x"]),
    )
    _run(fake_settings, chroma_client, "p", mini_production / "notes.md")
    assert VectorStore(chroma_client, "p", EMBEDDER).count() == len(manifest_ids)


def test_two_files_with_one_name_in_one_ingest(
    fake_settings: Settings, chroma_client: Any, mini_production: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    report = _run(fake_settings, chroma_client, "p", mini_production / "notes.md", other / "notes.md")
    assert report.files == ["notes.md"]
    assert "Another file called 'notes.md'" in report.skipped[0].reason


def test_forget_removes_a_document_and_its_chunks(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    manifest = load_manifest(fake_settings.project_dir("p"), "p")
    notes = manifest.find("notes.md")
    assert notes is not None
    result = forget(fake_settings, "p", "notes.md", client=chroma_client)
    assert result.chunks_removed == len(notes.chunk_ids)
    state = _state(fake_settings, chroma_client, "p")
    assert "notes.md" not in {d["name"] for d in state["manifest"]["documents"]}
    assert (
        state["count"]
        == len(state["index"])
        == sum(len(d["chunk_ids"]) for d in state["manifest"]["documents"])
    )
    assert "notes.md" not in state["copies"]
    with pytest.raises(NotFound) as err:
        forget(fake_settings, "p", "notes.md", client=chroma_client)
    assert "No document called 'notes.md'" in str(err.value)
    remaining = {d["name"] for d in state["manifest"]["documents"]}
    assert err.value.nearest and set(err.value.nearest) <= remaining  # suggestions are real documents
    with pytest.raises(ProjectNotFound):
        forget(fake_settings, "no-such-project", "notes.md", client=chroma_client)


def test_projects_are_isolated_and_counted(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "夜更 Night Shift", mini_production)
    _run(fake_settings, chroma_client, "日更", mini_production / "notes.md")
    stats = {s["project"]: s for s in project_stats(fake_settings)}
    assert set(stats) == {"夜更 Night Shift", "日更"}
    assert stats["夜更 Night Shift"]["documents"] == 5
    assert stats["日更"]["documents"] == 1
    assert stats["日更"]["chunks"] == VectorStore(chroma_client, "日更", EMBEDDER).count()
    forget(fake_settings, "日更", "notes", client=chroma_client)  # by stem too
    assert (
        VectorStore(chroma_client, "夜更 Night Shift", EMBEDDER).count()
        == stats["夜更 Night Shift"]["chunks"]
    )
    assert {s["project"] for s in project_stats(fake_settings)} == {"夜更 Night Shift"}


def test_forget_project_drops_everything(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    result = forget_project(fake_settings, "p", client=chroma_client)
    assert result.chunks_removed > 0
    assert not VectorStore(chroma_client, "p", EMBEDDER).exists()
    assert project_stats(fake_settings) == []
    # With the old vectors gone, another embedder can start afresh.
    report = _run(fake_settings, chroma_client, "p", mini_production, embedder=FakeEmbedder(dim=32))
    assert report.chunks_added > 0 and not report.skipped


def test_keyword_index_is_rebuilt_when_missing(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    _run(fake_settings, chroma_client, "p", mini_production)
    path = fake_settings.project_dir("p") / INDEX_FILE
    before = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    _run(fake_settings, chroma_client, "p", mini_production / "notes.md")
    assert json.loads(path.read_text(encoding="utf-8"))["records"] == before["records"]


def test_an_unexpected_reader_failure_skips_only_that_file(
    fake_settings: Settings, chroma_client: Any, mini_production: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import knowledge.ingest

    real = knowledge.ingest.chunk_document

    def flaky(document: Any, **kwargs: Any) -> Any:
        if document.name == "notes.md":
            raise RuntimeError("reader bug")
        return real(document, **kwargs)

    monkeypatch.setattr(knowledge.ingest, "chunk_document", flaky)
    report = _run(fake_settings, chroma_client, "p", mini_production)
    assert [Path(s.file).name for s in report.skipped] == ["notes.md"]
    assert "could not be read" in report.skipped[0].reason and "RuntimeError" not in report.skipped[0].reason
    assert len(report.files) == 4


def test_a_folders_readme_and_scripts_are_not_production_documents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from knowledge.ingest import collect_files

    (tmp_path / "README.md").write_text("# How this folder is laid out\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT\n", encoding="utf-8")
    (tmp_path / "make_recce.py").write_text("print()\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 導演筆記\n", encoding="utf-8")
    files, skipped = collect_files([tmp_path])
    assert [f.name for f in files] == ["notes.md"] and skipped == []
    named, _ = collect_files([tmp_path / "README.md"])  # named directly, it is taken
    assert [f.name for f in named] == ["README.md"]


def test_a_second_screenplay_is_noted(
    fake_settings: Settings, chroma_client: Any, mini_production: Path, tmp_path: Path
) -> None:
    first = _run(fake_settings, chroma_client, "drafts", mini_production / "night.fountain")
    assert first.notes == []
    draft = tmp_path / "night_v2.fountain"
    draft.write_text(SCRIPT.replace("阿美", "美姐"), encoding="utf-8")
    second = _run(fake_settings, chroma_client, "drafts", draft)
    assert len(second.notes) == 1
    assert "2 screenplays" in second.notes[0] and "night_v2.fountain" in second.notes[0]
