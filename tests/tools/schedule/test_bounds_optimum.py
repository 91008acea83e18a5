"""The day-plan bound against optima found by brute force (no solver code), and its ratio on the bench production."""

from __future__ import annotations

import itertools
import math

import pytest

from tests.tools.schedule.schedule_cases import problem_for, random_plan
from tools.schedule.bounds import day_plan_bound
from tools.schedule.model import Problem, evaluate, violations
from tools.schedule.solver import solve_schedule


def brute_force_optimum(problem: Problem, horizon: int) -> float | None:
    """The least objective of any valid plan, by trying every start day within `horizon` days.

    None when the cheapest plan found could be beaten by a longer one (a plan of more than
    `horizon` days pays at least extra_day × (horizon + 1 − minimum days)), so the enumeration
    does not prove the optimum.
    """
    n = len(problem.scenes)
    choices = [[d for d in problem.allowed_starts(s) if d + problem.span(s) <= horizon] for s in range(n)]
    best = math.inf
    for picked in itertools.product(*choices):
        starts = dict(enumerate(picked))
        objective = evaluate(problem, starts).objective
        if objective < best and not violations(problem, starts):
            best = objective
    longer = problem.weights.extra_day * (horizon + 1 - problem.min_days)
    return best if best <= longer else None


@pytest.mark.parametrize("seed", range(200, 212))
def test_bound_is_at_most_the_brute_force_optimum(seed: int) -> None:
    plan = random_plan(seed, scenes=4, cast=3, locations=2, deadlines=False)
    problem = problem_for(plan)
    horizon = min(problem.horizon, problem.min_days + 3)
    optimum = brute_force_optimum(problem, horizon)
    if optimum is None:
        pytest.skip("no plan within the enumerated days is proven optimal")
    assert day_plan_bound(problem).value <= optimum + 1e-6


@pytest.mark.slow
def test_bound_over_objective_on_the_100_scene_bench_production() -> None:
    """Issue 18 asks for a bound within 50% of the objective there; print where it stands.

    The bound is computed without search, so it is deterministic; the objective is not (a short,
    time-limited search), so only validity and the bound's own value are asserted.
    """
    from bench.bench_schedule import feature_plan

    problem = problem_for(feature_plan(1, scenes=100))
    bound = day_plan_bound(problem)
    schedule = solve_schedule(problem, time_limit_s=5, num_workers=1, seed=1)
    ratio = bound.value / schedule.figures.objective
    print(
        f"100 scenes: bound {bound.value:,.0f}, objective {schedule.figures.objective:,.0f}, ratio {ratio:.3f}"
    )
    assert bound.value <= schedule.figures.objective
    assert bound.value >= 80_000
