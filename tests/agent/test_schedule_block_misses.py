"""A plan that cannot keep a preferred block says so in the chat: which block, and which scenes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from agent.models import ModelInfo
from agent.planner import OfflinePlanner
from agent.service import SlateAgent
from knowledge.production import Production


def market_plan(dates: str) -> dict[str, object]:
    """Eight 5-hour studio scenes and two 5-hour market scenes: five full 10-hour days, no days off,
    and a preferred market block (as tests/tools/schedule/test_preferred_blocks.py builds it)."""
    studio = [{"id": str(n), "location": "STUDIO", "est_hours": 5, "cast": ["MEI"]} for n in range(1, 9)]
    market = [{"id": str(n), "location": "MARKET", "est_hours": 5, "cast": ["LAU"]} for n in (9, 10)]
    return {
        "production": "Market",
        "start_date": "2027-03-01",
        "day_length_hours": 10,
        "cast": [{"id": "MEI", "daily_rate": 0}, {"id": "LAU", "daily_rate": 0}],
        "locations": [{"id": "STUDIO"}, {"id": "MARKET"}],
        "scenes": [*studio, *market],
        "blocks": [{"location": "MARKET", "preferred": True, "dates": dates}],
        "weights": {"holding": 1, "company_move": 5000, "extra_day": 20000},
    }


def agent_for(tmp_path: Path, dates: str) -> SlateAgent:
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(market_plan(dates)), encoding="utf-8")
    production = Production.from_files(plan=plan, name="market", output_dir=tmp_path / "project")
    return SlateAgent(
        production, OfflinePlanner.for_production(production), ModelInfo("offline", "offline planner")
    )


@pytest.mark.slow
def test_a_broken_preferred_block_is_named_with_its_scenes(tmp_path: Path) -> None:
    # Keeping the market on 20-22 March would add fifteen days: the plan shoots it earlier, and says so.
    agent = agent_for(tmp_path, "2027-03-20..2027-03-22")
    english = agent.ask("plan the shoot", session="en").answer
    assert "Preferred block location MARKET (2027-03-20..2027-03-22) not kept for scenes 9, 10." in english
    # The note follows the plan's head and comes before the days.
    assert english.index("Planned ") < english.index("Preferred block") < english.index("- Day 1 ")
    chinese = agent.ask("幫我排期", session="zh").answer
    assert "場地 MARKET 心水日期（2027-03-20至2027-03-22）排唔到：第 9、10 場。" in chinese


@pytest.mark.slow
def test_a_kept_preferred_block_is_not_mentioned(tmp_path: Path) -> None:
    agent = agent_for(tmp_path, "2027-03-03")
    answer = agent.ask("plan the shoot", session="en").answer
    assert answer.startswith("Planned ") and "Preferred block" not in answer


def test_misses_are_grouped_by_block_and_a_long_list_is_cut() -> None:
    from datetime import date, timedelta

    from agent.skills.schedule import block_miss_note
    from tools.schedule.model import BlockMiss
    from tools.schedule.tools import ScheduleResult

    figures = {"holding_cost": 0, "company_moves": 0, "total_days": 1, "extra_days": 0, "objective": 0}
    hold = [date(2027, 3, 8), date(2027, 3, 10)]
    late = date(2027, 3, 20)
    misses = [BlockMiss(scene="4", kind="cast", name="MEI", block_dates=hold, dates=[late])] + [
        BlockMiss(
            scene=str(n), kind="location", name="MARKET", block_dates=[late], dates=[late + timedelta(1)]
        )
        for n in range(10, 20)
    ]
    plan = ScheduleResult.model_validate(
        {"status": "optimal", "days": [], "holding_cost": 0, "company_moves": 0, "total_days": 0,
         "objective": 0, "lower_bound": 0, "gap": 0, "baseline": figures, "dood": [], "violations": [],
         "block_misses": misses}
    )  # fmt: skip
    assert block_miss_note(plan, "en") == (
        "Preferred block cast MEI (2027-03-08, 2027-03-10) not kept for scene 4. "
        "Preferred block location MARKET (2027-03-20) not kept for scenes 10, 11, 12, 13, 14, 15, 16, 17 "
        "and 2 more."
    )
    assert block_miss_note(plan, "zh") == (
        "演員 MEI 心水日期（2027-03-08、2027-03-10）排唔到：第 4 場。"
        "場地 MARKET 心水日期（2027-03-20）排唔到：第 10、11、12、13、14、15、16、17 場等 10 場。"
    )
    assert block_miss_note(plan.model_copy(update={"block_misses": []}), "en") == ""
