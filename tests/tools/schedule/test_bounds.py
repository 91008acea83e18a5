"""The day-plan lower bound never exceeds a plan's cost: published optima, proven optima, any valid plan."""

from __future__ import annotations

import time
from typing import Any

import pytest

from core.errors import Infeasible, PlanError
from knowledge.plan import load_plan, plan_from_data
from tests.tools.schedule.schedule_cases import check_schedule, problem_for, random_plan
from tests.tools.schedule.test_csplib import CSPLIB, PUBLISHED_OPTIMA
from tests.tools.schedule.test_talent_instances import PUBLISHED_TOTAL_COST, TALENTSCHED, read_instance
from tools.schedule.baseline import baseline_plan
from tools.schedule.bounds import day_plan_bound, packing_floor
from tools.schedule.model import evaluate
from tools.schedule.search import improve
from tools.schedule.solver import solve_schedule


def test_packing_floor_counts_items_that_cannot_share_a_bin() -> None:
    assert packing_floor([], 720) == 0
    assert packing_floor([360, 360], 720) == 1
    assert packing_floor([400, 400, 400], 720) == 3  # the hours alone say 2
    assert packing_floor([500, 300, 300, 300], 720) == 3
    assert packing_floor([100] * 15, 720) == 3


@pytest.mark.parametrize("name", sorted(PUBLISHED_TOTAL_COST))
def test_bound_is_at_most_the_published_talent_optimum(name: str) -> None:
    plan, working = read_instance(TALENTSCHED / name)
    assert day_plan_bound(problem_for(plan)).value <= PUBLISHED_TOTAL_COST[name] - working


@pytest.mark.parametrize("name", sorted(PUBLISHED_OPTIMA))
def test_bound_is_at_most_the_published_csplib_optimum(name: str) -> None:
    plan = load_plan(CSPLIB / f"{name}.yaml")
    assert day_plan_bound(problem_for(plan)).value <= PUBLISHED_OPTIMA[name]


@pytest.mark.parametrize("seed", range(40))
def test_bound_is_at_most_the_cost_of_any_valid_plan(seed: int) -> None:
    """The sort and a local search's plan are valid plans, so neither may cost less than the bound."""
    rules: dict[str, Any] = {"split_days": False, "turnaround_hours": 12} if seed % 2 else {}
    try:
        plan = random_plan(seed, scenes=10 + seed % 9, cast=5, locations=4, rules=rules, blocks=seed % 3 == 0)
    except PlanError:
        pytest.skip("a block of this seed falls on days off only")
    problem = problem_for(plan)
    bound = day_plan_bound(problem).value
    base = baseline_plan(problem)
    if base.violations:
        return
    assert bound <= evaluate(problem, base.starts).objective + 1e-6
    horizon = max(d + problem.span(s) for s, d in base.starts.items()) + 2
    better = improve(problem, base.starts, min(horizon, problem.horizon), time.monotonic() + 0.2, seed=seed)
    assert bound <= evaluate(problem, better).objective + 1e-6


@pytest.mark.parametrize("seed", range(100, 106))
def test_bound_is_at_most_the_proven_optimum(seed: int) -> None:
    plan = random_plan(seed, scenes=5, cast=3, locations=2)
    problem = problem_for(plan)
    try:
        schedule = solve_schedule(problem, time_limit_s=20, num_workers=1, seed=seed)
    except Infeasible:
        return
    assert schedule.status == "optimal"
    assert day_plan_bound(problem).value <= schedule.figures.objective + 1e-6


def _plan(scenes: list[dict[str, Any]], **extra: Any) -> Any:
    return plan_from_data(
        {
            "start_date": "2027-03-01",
            "cast": [{"id": "MEI", "daily_rate": 1000}, {"id": "KEN", "daily_rate": 10}],
            "scenes": scenes,
            **extra,
        }
    )


def test_holds_forced_by_a_cast_members_dates_are_counted_and_met() -> None:
    """MEI's three seven-hour scenes need three days; she is booked only on two days, a gap of two,
    then two more: whichever three she works, two held days lie between."""
    scenes = [{"id": str(i), "location": "FLAT", "cast": ["MEI"], "est_hours": 7} for i in range(1, 4)]
    scenes.append({"id": "4", "location": "FLAT", "cast": ["KEN"], "est_hours": 7})
    plan = _plan(
        scenes,
        blocks=[{"cast": "MEI", "dates": "2027-03-01;2027-03-02;2027-03-05;2027-03-06"}],
        weights={"holding": 1, "company_move": 0, "extra_day": 0},
    )
    problem = problem_for(plan)
    assert day_plan_bound(problem).value == 2000
    schedule = solve_schedule(problem, time_limit_s=10, num_workers=1)
    assert check_schedule(plan, schedule) == []
    assert schedule.status == "optimal" and schedule.figures.objective == 2000
    assert schedule.lower_bound == 2000


def test_scenes_too_long_to_share_a_day_count_as_extra_days() -> None:
    """Three seven-hour scenes fit 21 of 24 hours (two days) but no two fit one twelve-hour day."""
    scenes = [{"id": str(i), "location": "FLAT", "cast": ["MEI"], "est_hours": 7} for i in range(1, 4)]
    plan = _plan(scenes, weights={"holding": 1, "company_move": 5000, "extra_day": 20000})
    problem = problem_for(plan)
    assert problem.min_days == 2
    assert day_plan_bound(problem).value == 20000
    schedule = solve_schedule(problem, time_limit_s=10, num_workers=1)
    assert schedule.figures.objective == 20000 and schedule.lower_bound == 20000
