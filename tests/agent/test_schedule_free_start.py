"""A plan that leaves its first working days free says so, and numbers shooting days from the first."""

from __future__ import annotations

from datetime import date
from typing import Any

from agent.skills.schedule import free_start_note
from tools.schedule.tools import ScheduleResult

FIGURES = {"holding_cost": 0, "company_moves": 0, "total_days": 4, "extra_days": 0, "objective": 0}


def _day(n: int, when: date, scenes: list[str]) -> dict[str, Any]:
    return {"day": n, "date": when, "scenes": scenes, "hours": 6.0 if scenes else 0.0, "eighths": 8,
            "locations": ["FLAT"] if scenes else [], "company_moves": 0}  # fmt: skip


def _result(days: list[dict[str, Any]]) -> ScheduleResult:
    return ScheduleResult.model_validate(
        {"status": "optimal", "days": days, "holding_cost": 0, "company_moves": 0, "total_days": len(days),
         "objective": 0, "lower_bound": 0, "gap": 0, "baseline": FIGURES, "dood": [], "violations": []}
    )  # fmt: skip


def test_free_days_before_the_first_shooting_day_are_said() -> None:
    plan = _result(
        [
            _day(1, date(2027, 9, 6), []),
            _day(2, date(2027, 9, 7), []),
            _day(3, date(2027, 9, 8), ["4"]),
            _day(4, date(2027, 9, 9), ["1", "2"]),
        ]
    )
    assert plan.free_start == (date(2027, 9, 6), date(2027, 9, 8), 2)
    assert [d.date for d in plan.shooting_days] == [date(2027, 9, 8), date(2027, 9, 9)]
    note = free_start_note(plan, "en")
    assert "2027-09-06" in note and "2027-09-08" in note and "2 working days" in note
    assert "2027-09-06" in free_start_note(plan, "zh")


def test_a_plan_that_shoots_on_its_first_day_says_nothing() -> None:
    plan = _result([_day(1, date(2027, 9, 6), ["1"]), _day(2, date(2027, 9, 7), ["2"])])
    assert plan.free_start is None and free_start_note(plan, "en") == ""
