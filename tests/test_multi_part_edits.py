"""Issue 16's reproducer: each edit of a multi-part chat request started from the same old version, so
the latest saved version silently dropped an earlier edit. Both edits must reach the latest version,
each version built on the one before."""

from __future__ import annotations

from pathlib import Path

from agent.models import ModelInfo
from agent.planner import OfflinePlanner
from agent.service import SlateAgent
from tests.agent.conftest import sample_production
from tools.shot_list_io import list_versions, load_shot_list


def test_a_two_part_edit_request_keeps_both_edits(sample_dir: Path, tmp_path: Path) -> None:
    production = sample_production(sample_dir)
    production.project_dir = tmp_path / "project"
    agent = SlateAgent(production, OfflinePlanner.for_production(production), ModelInfo("offline", "offline"))
    agent.ask("draft a shot list for scene 7", session="two-part")
    result = agent.ask("drop 7C and make 7B a close-up", session="two-part")
    assert [c.name for c in result.tool_calls] == ["edit_shot_list", "edit_shot_list"]
    latest = load_shot_list(production, "7")
    assert latest is not None and latest.version == len(list_versions(production, "7")) == 3
    ids = {s.id: s for s in latest.shots}
    assert "7C" not in ids and ids["7B"].size == "CU"
    assert latest.provenance[-2:] == ["edit: dropped 7C", "edit: 7B size=CU, lens_mm=75"]
