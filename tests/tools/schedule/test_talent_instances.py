"""Published talent-scheduling instances (ddo / MiniZinc benchmarks): optimum reached and proven.

Instances: tests/golden/schedule/talentsched/ (MIT, xgillard/ddo; see its README.md). Published
optima are total costs (working + holding); Slate's objective is the holding part, so the test
subtracts each actor's unavoidable working cost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.plan import Plan, plan_from_data
from tests.tools.schedule.schedule_cases import check_schedule, problem_for, recompute_figures
from tools.schedule.solver import solve_schedule

TALENTSCHED = Path(__file__).resolve().parents[2] / "golden" / "schedule" / "talentsched"

PUBLISHED_TOTAL_COST = {
    "tiny": 29,
    "tiny2": 9,
    "small": 54,
    "small2": 56,
    "concert": 111,
    "film-10": 352,
    "film-12": 401,
    "film103.dat": 1031,
    "film105.dat": 849,
    "film114.dat": 867,
    "film116.dat": 541,
    "film118.dat": 853,
    "film119.dat": 790,
    "Warwick1201": 222,
    "Shaw2020": 877,
    "MobStory": 871,
}


def read_instance(path: Path) -> tuple[Plan, float]:
    """The instance as a plan (one whole-day scene per scene) and its total working cost."""
    numbers = [int(x) for line in path.read_text().splitlines()[1:] for x in line.split()]
    scenes, actors = numbers[0], numbers[1]
    rows = [numbers[2 + a * (scenes + 1) : 2 + (a + 1) * (scenes + 1)] for a in range(actors)]
    durations = numbers[2 + actors * (scenes + 1) :]
    assert len(durations) == scenes
    cast = [{"id": f"ACTOR {a + 1}", "daily_rate": row[-1]} for a, row in enumerate(rows)]
    strips = [
        {
            "id": str(s + 1),
            "location": "STAGE",
            "duration_days": durations[s],
            "cast": [f"ACTOR {a + 1}" for a in range(actors) if rows[a][s]],
        }
        for s in range(scenes)
    ]
    working = sum(row[-1] * sum(d for d, on in zip(durations, row[:-1], strict=True) if on) for row in rows)
    data = {"production": path.name, "start_date": "2027-03-01", "cast": cast, "scenes": strips}
    return plan_from_data(data), working


@pytest.mark.parametrize("name", sorted(PUBLISHED_TOTAL_COST))
def test_published_optimum_is_reached_and_proven(name: str) -> None:
    plan, working = read_instance(TALENTSCHED / name)
    problem = problem_for(plan)
    schedule = solve_schedule(problem, time_limit_s=60, num_workers=2, seed=0)
    expected = PUBLISHED_TOTAL_COST[name] - working
    assert schedule.status == "optimal"
    assert schedule.bound_meaningful
    assert schedule.figures.objective == expected
    assert schedule.lower_bound == expected
    assert check_schedule(plan, schedule) == []
    assert recompute_figures(plan, schedule, problem.min_days)["holding_cost"] == expected
