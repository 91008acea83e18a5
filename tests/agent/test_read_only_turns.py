"""A person who may read a production but not change it (server mode): no tool that changes the
production runs in their turn, whatever they ask, and the answer says so in their language."""

from __future__ import annotations

from pathlib import Path

from agent.models import ModelInfo
from agent.planner import OfflinePlanner
from agent.service import SlateAgent
from tests.agent.conftest import sample_production
from tools.shot_list_io import list_versions


def _agent(sample_dir: Path, tmp_path: Path) -> SlateAgent:
    production = sample_production(sample_dir)
    production.project_dir = tmp_path / "project"
    return SlateAgent(production, OfflinePlanner.for_production(production), ModelInfo("offline", "offline"))


def test_a_reader_asking_for_a_shot_list_changes_nothing(sample_dir: Path, tmp_path: Path) -> None:
    agent = _agent(sample_dir, tmp_path)
    result = agent.ask("draft a shot list for scene 7", session="reader", may_change=False)
    assert list_versions(agent.production, "7") == []
    assert result.provenance.refused and not result.pending  # refused, and not offered to confirm
    assert (
        result.answer.startswith("⚠ Not run: draft_shot_list") and "may read this production" in result.answer
    )


def test_a_reader_cannot_edit_an_editors_shot_list(sample_dir: Path, tmp_path: Path) -> None:
    agent = _agent(sample_dir, tmp_path)
    agent.ask("draft a shot list for scene 7", session="editor")
    before = list_versions(agent.production, "7")
    result = agent.ask("刪咗 7C", session="editor", may_change=False)
    assert list_versions(agent.production, "7") == before
    assert "冇權改動" in result.answer and "Traceback" not in result.answer


def test_a_reader_still_gets_answers_that_change_nothing(sample_dir: Path, tmp_path: Path) -> None:
    agent = _agent(sample_dir, tmp_path)
    result = agent.ask("Which scenes are at night?", session="reader", may_change=False)
    assert not result.provenance.refused and "⚠" not in result.answer
