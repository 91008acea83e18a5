"""CSPLib problem 039 (talent scheduling / rehearsal), expressed as plans: published optima reached and proven.

Instances: tests/golden/schedule/csplib/*.yaml (CC BY 4.0, csplib.org prob039; sources in each file).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.plan import load_plan
from tests.tools.schedule.schedule_cases import check_schedule, problem_for, recompute_figures
from tools.schedule.solver import solve_schedule

CSPLIB = Path(__file__).resolve().parents[2] / "golden" / "schedule" / "csplib"

PUBLISHED_OPTIMA = {"film1": 14600, "film2": 8700, "rehearsal": 17}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PUBLISHED_OPTIMA))
def test_published_optimum_is_reached_and_proven(name: str) -> None:
    plan = load_plan(CSPLIB / f"{name}.yaml")
    problem = problem_for(plan)
    schedule = solve_schedule(problem, time_limit_s=60, num_workers=2, seed=0)
    expected = PUBLISHED_OPTIMA[name]
    assert schedule.status == "optimal"
    assert schedule.figures.holding_cost == expected
    assert schedule.figures.objective == expected
    assert schedule.lower_bound == expected
    assert check_schedule(plan, schedule) == []
    assert recompute_figures(plan, schedule, problem.min_days)["holding_cost"] == expected
    assert schedule.figures.total_days == sum(s.duration_days or 0 for s in plan.scenes)


def test_instances_match_the_csplib_tables() -> None:
    """Spot checks against csplib/csplib Problems/prob039/specification.md."""
    film1 = load_plan(CSPLIB / "film1.yaml")
    assert len(film1.scenes) == 20 and len(film1.cast) == 8
    assert [c.daily_rate for c in film1.cast] == [1000, 400, 500, 500, 500, 4000, 400, 2000]
    assert [s.duration_days for s in film1.scenes] == [
        2,
        1,
        1,
        1,
        1,
        3,
        1,
        1,
        1,
        2,
        1,
        1,
        2,
        1,
        2,
        1,
        1,
        2,
        1,
        1,
    ]
    assert film1.scenes[0].cast == ["ACTOR 1", "ACTOR 2"]
    film2 = load_plan(CSPLIB / "film2.yaml")
    assert len(film2.scenes) == 13 and len(film2.cast) == 10
    rehearsal = load_plan(CSPLIB / "rehearsal.yaml")
    assert [s.duration_days for s in rehearsal.scenes] == [2, 4, 1, 3, 3, 2, 5, 7, 6]
    assert all(c.daily_rate == 1 for c in rehearsal.cast)
