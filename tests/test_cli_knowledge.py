"""`slate ingest`, `slate search`, `slate forget`, `slate projects`, called in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slate.cli import main
from tests.knowledge.knowledge_fixtures import write_mini_production


@pytest.fixture
def production(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SLATE_EMBEDDER", "fake")
    folder = write_mini_production(tmp_path / "夜更 files")
    return folder


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_ingest_search_forget_projects(production: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(production), "--project", "夜更", "--json"]) == 0
    report = _json(capsys)
    assert isinstance(report, dict)
    assert report["files"] == ["cast.csv", "locations.csv", "night.fountain", "notes.md", "rough.zh-en.srt"]
    assert report["chunks_added"] > 0 and report["chunks_unchanged"] == 0 and report["skipped"] == []

    assert main(["ingest", str(production), "--project", "夜更", "--json"]) == 0
    again = _json(capsys)
    assert isinstance(again, dict) and again["chunks_added"] == 0
    assert again["chunks_unchanged"] == report["chunks_added"]

    assert main(["search", "第4場", "--project", "夜更", "-k", "2", "--json"]) == 0
    hits = _json(capsys)
    assert isinstance(hits, list) and len(hits) == 2
    first = hits[0]
    assert {"text", "score", "file", "doc_type", "scene", "page", "lines", "start"} <= set(first)
    assert first["scene"] == "4" and first["file"] == "night.fountain" and first["doc_type"] == "screenplay"
    assert isinstance(first["lines"], list) and "劉督察" in first["text"]

    assert main(["search", "還錢", "--project", "夜更", "--type", "subtitles", "--json"]) == 0
    subtitle_hits = _json(capsys)
    assert isinstance(subtitle_hits, list)
    assert subtitle_hits and all(h["doc_type"] == "subtitles" and h["start"] for h in subtitle_hits)

    assert (
        main(["search", "phone", "--project", "夜更", "--character", "劉Sir", "--scene", "4", "--json"]) == 0
    )
    filtered = _json(capsys)
    assert isinstance(filtered, list) and {h["scene"] for h in filtered} == {"4"}

    assert main(["search", "天台", "--project", "夜更"]) == 0
    table = capsys.readouterr().out
    assert "night.fountain" in table and "sc. 1" in table

    assert main(["projects", "--json"]) == 0
    projects = _json(capsys)
    assert projects == [{"project": "夜更", "documents": 5, "chunks": report["chunks_added"]}]

    assert main(["forget", "notes.md", "--project", "夜更"]) == 0
    assert "forgot notes.md" in capsys.readouterr().out
    assert main(["projects"]) == 0
    assert "夜更" in capsys.readouterr().out


def test_skipped_files_are_reported_with_exit_code_2(
    production: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (production / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    assert main(["ingest", str(production), "--project", "p", "--json"]) == 2
    report = _json(capsys)
    assert isinstance(report, dict)
    assert [Path(s["file"]).name for s in report["skipped"]] == ["scan.pdf"]
    assert len(report["files"]) == 5


def test_errors_are_one_line_with_exit_code_2(production: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "天台", "--project", "nothing-here"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("slate: error:") and "nothing-here" in captured.err
    assert len(captured.err.strip().splitlines()) == 1

    assert main(["ingest", str(production), "--project", "p"]) == 0
    capsys.readouterr()
    assert main(["forget", "nope.md", "--project", "p"]) == 2
    err = capsys.readouterr().err
    assert "nope.md" in err and "Nearest" in err
    assert main(["forget", "--project", "p"]) == 2
    assert main(["search", "x", "--project", "p", "-k", "0"]) == 2


def test_forget_all_then_switch_embedder(
    production: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["ingest", str(production / "notes.md"), "--project", "p"]) == 0
    monkeypatch.setenv("SLATE_EMBEDDER", "e5")
    capsys.readouterr()
    assert main(["search", "tone", "--project", "p"]) == 3  # StoreError: built with another embedder
    assert "forget --all" in capsys.readouterr().err
    assert main(["forget", "--all", "--project", "p", "--json"]) == 0
    assert _json(capsys) == {"project": "p", "file": "*", "chunks_removed": 3}  # one per notes section
    assert main(["projects", "--json"]) == 0
    assert _json(capsys) == []
