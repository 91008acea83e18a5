"""Issue #13: "what changed in the new draft?" answered from the two latest kept drafts, in the asker's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.lexicon import Lexicon
from agent.skills.breakdown import SKILL
from knowledge.production import Production
from tools.revisions import RevisionReport, compare_drafts, draft_changes

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "breakdown"
FIRST = GOLDEN / "typhoon_market.fountain"
SECOND = GOLDEN / "typhoon_market.draft2.fountain"


@pytest.fixture
def report(tmp_path: Path) -> RevisionReport:
    production = Production.from_files(FIRST, output_dir=tmp_path / "project")
    compare_drafts(production, new_script=str(SECOND))
    return draft_changes(production)


@pytest.mark.parametrize("ask", ["what changed in the new draft?", "新稿改咗邊幾場？"])
def test_answer_names_added_and_omitted_scenes(report: RevisionReport, ask: str) -> None:
    from agent.intents import understand

    lexicon = Lexicon()
    u = understand(ask, lexicon)
    assert u.intent == "revisions"
    answer = SKILL.composers["revision_report"](report.model_dump(), u, lexicon)
    added, omitted = report.of("added"), report.of("omitted")
    assert added and omitted
    for scene in added + omitted:
        assert scene.number in answer
    if u.lang == "zh":
        assert "新增" in answer and "刪除" in answer
    else:
        assert "OMITTED" in answer.upper()


@pytest.mark.parametrize("ask", ["what changed in the new draft?", "新稿改咗邊幾場？"])
def test_the_chat_lists_the_drafts_then_says_what_changed(tmp_path: Path, ask: str) -> None:
    from agent.models import ModelInfo
    from agent.planner import OfflinePlanner
    from agent.service import SlateAgent

    production = Production.from_files(FIRST, output_dir=tmp_path / "project")
    agent = SlateAgent(production, OfflinePlanner.for_production(production), ModelInfo("offline", "offline"))
    before = agent.ask(ask, session="one-draft")
    assert [c.name for c in before.tool_calls] == ["list_drafts"]  # nothing to compare yet
    report = compare_drafts(production, new_script=str(SECOND))
    turn = agent.ask(ask, session="two-drafts")
    assert [c.name for c in turn.tool_calls] == ["list_drafts", "draft_changes"]
    for scene in report.of("added") + report.of("omitted"):
        assert scene.number in turn.answer
