"""Hard constraints hold and figures are honest on seeded random plans; brute force agrees on tiny ones."""

from __future__ import annotations

import itertools
import random
from datetime import date
from pathlib import Path

import pytest

from core.errors import Infeasible, PlanError
from knowledge.plan import load_plan, plan_from_data
from tests.tools.schedule.schedule_cases import check_schedule, problem_for, random_plan, recompute_figures
from tools.schedule.model import Problem
from tools.schedule.solver import solve_schedule


@pytest.mark.parametrize("seed", range(30))
def test_random_plans_satisfy_hard_constraints_and_report_true_figures(seed: int) -> None:
    plan = random_plan(seed)
    problem = problem_for(plan)
    try:
        schedule = solve_schedule(problem, time_limit_s=5, num_workers=1, seed=seed)
    except Infeasible as exc:
        assert exc.reasons, "an infeasible plan must say which constraint blocks it"
        return
    assert check_schedule(plan, schedule) == []
    assert schedule.violations == []
    assert [d.date for d in schedule.days] == plan.shooting_dates(len(schedule.days))
    figures = recompute_figures(plan, schedule, problem.min_days)
    assert schedule.figures.holding_cost == pytest.approx(figures["holding_cost"])
    assert schedule.figures.company_moves == figures["company_moves"]
    assert schedule.figures.total_days == figures["total_days"]
    assert schedule.figures.objective == pytest.approx(figures["objective"])
    assert schedule.lower_bound <= schedule.figures.objective + 1e-6
    if not schedule.baseline_violations:
        assert schedule.figures.objective <= schedule.baseline.objective + 1e-6
    if schedule.status == "optimal":
        assert schedule.lower_bound == pytest.approx(schedule.figures.objective)


def brute_force_minimum(problem: Problem, horizon: int) -> float:
    """The best objective over every assignment of scenes to the first `horizon` days."""
    n = len(problem.scenes)
    options = [[d for d in problem.allowed_starts(s) if d + problem.span(s) <= horizon] for s in range(n)]
    best = float("inf")
    for choice in itertools.product(*options):
        starts = dict(enumerate(choice))
        load: dict[int, int] = {}
        whole: dict[int, int] = {}
        for s, d in starts.items():
            for k in range(problem.span(s)):
                if problem.whole_day(s):
                    whole[d + k] = whole.get(d + k, 0) + 1
                load[d + k] = load.get(d + k, 0) + (0 if problem.whole_day(s) else problem.minutes[s])
        if any(
            load[d] > problem.day_minutes or (whole.get(d, 0) and (whole[d] > 1 or load[d])) for d in load
        ):
            continue
        best = min(best, _objective(problem, starts))
    return best


def _objective(problem: Problem, starts: dict[int, int]) -> float:
    days: dict[int, set[str]] = {}
    worked: dict[str, set[int]] = {}
    for s, d in starts.items():
        for k in range(problem.span(s)):
            days.setdefault(d + k, set()).add(problem.scenes[s].location)
            for member in problem.scenes[s].cast:
                worked.setdefault(member, set()).add(d + k)
    holding = sum(problem.rates[m] * (max(w) - min(w) + 1 - len(w)) for m, w in worked.items())
    moves = sum(len(locations) - 1 for locations in days.values())
    extra = max(days) + 1 - problem.min_days
    weights = problem.weights
    return weights.holding * holding + weights.company_move * moves + weights.extra_day * extra


@pytest.mark.parametrize("seed", range(100, 106))
def test_optimal_status_matches_brute_force(seed: int) -> None:
    plan = random_plan(seed, scenes=5, cast=3, locations=2)
    problem = problem_for(plan)
    schedule = solve_schedule(problem, time_limit_s=20, num_workers=1, seed=seed)
    assert schedule.status == "optimal"
    # Searching at least the days the solver used makes the brute force's space contain its plan.
    horizon = max(len(schedule.days), len(problem.scenes) + sum(problem.durations) + 2)
    expected = brute_force_minimum(problem, horizon)
    assert schedule.figures.objective == pytest.approx(expected)
    assert schedule.lower_bound == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(3))
def test_local_search_and_windows_keep_every_constraint(seed: int) -> None:
    """Productions past the whole day model's size go through local search and CP-SAT windows."""
    plan = random_plan(seed, scenes=60, cast=8, locations=6, deadlines=False)
    problem = problem_for(plan)
    schedule = solve_schedule(problem, time_limit_s=2, num_workers=1, seed=seed)
    assert schedule.baseline_violations == []
    assert schedule.method in {"local-search", "lns", "stripboard-sort"}
    assert check_schedule(plan, schedule) == []
    assert schedule.violations == []
    figures = recompute_figures(plan, schedule, problem.min_days)
    assert schedule.figures.objective == pytest.approx(figures["objective"])
    assert schedule.figures.objective <= schedule.baseline.objective + 1e-6
    assert schedule.lower_bound <= schedule.figures.objective + 1e-6
    assert schedule.to_json()["method"] == schedule.method


def test_large_talent_plan_keeps_the_scene_order_formulation() -> None:
    """Over 60 whole-day scenes with no dates: ordered by local search, not the weaker day model."""
    rng = random.Random(5)
    cast = [{"id": f"ACTOR {a}", "daily_rate": rng.choice([1, 2, 5, 10])} for a in range(12)]
    scenes = [
        {
            "id": str(s + 1),
            "location": "STAGE",
            "duration_days": rng.randint(1, 2),
            "cast": sorted(rng.sample([c["id"] for c in cast], rng.randint(1, 4))),
        }
        for s in range(70)
    ]
    plan = plan_from_data({"start_date": "2027-03-01", "cast": cast, "scenes": scenes})
    problem = problem_for(plan)
    schedule = solve_schedule(problem, time_limit_s=2, num_workers=1, seed=0)
    assert schedule.formulation == "sequence"
    assert schedule.method in {"local-search", "stripboard-sort"}
    assert check_schedule(plan, schedule) == []
    assert schedule.figures.total_days == sum(s["duration_days"] for s in scenes)
    assert schedule.figures.objective <= schedule.baseline.objective


RULES = {"turnaround_hours": 12, "max_consecutive_days": 3}


@pytest.mark.parametrize(("seed", "scenes"), [(s, 9) for s in range(8)] + [(s, 60) for s in range(3)])
def test_turnaround_and_consecutive_days_hold(seed: int, scenes: int) -> None:
    """With the rules on, every method (CP-SAT, local search, windows, the sort) keeps them."""
    plan = random_plan(seed, scenes=scenes, cast=5, locations=4, deadlines=scenes < 20, rules=RULES)
    problem = problem_for(plan)
    assert problem.rest_rule
    try:
        schedule = solve_schedule(problem, time_limit_s=2, num_workers=1, seed=seed)
    except Infeasible as exc:
        assert exc.reasons
        return
    assert check_schedule(plan, schedule) == []
    assert schedule.violations == []
    if not schedule.baseline_violations:
        assert schedule.figures.objective <= schedule.baseline.objective + 1e-6


@pytest.mark.parametrize(("seed", "scenes"), [(s, 9) for s in range(8)] + [(s, 60) for s in range(3)])
def test_split_days_and_blocks_hold(seed: int, scenes: int) -> None:
    """No day mixes day and night work, and blocked scenes stay on their dates, in every method."""
    plan = random_plan(
        seed,
        scenes=scenes,
        cast=5,
        locations=4,
        deadlines=scenes < 20,
        rules={"split_days": False, "turnaround_hours": 12},
        blocks=True,
    )
    problem = problem_for(plan)
    assert problem.split_rule and set(problem.cast_blocks) == {"ACTOR 2"}  # ACTOR 1's is switched off
    assert set(problem.location_blocks) == {"SET A"}
    try:
        schedule = solve_schedule(problem, time_limit_s=2, num_workers=1, seed=seed)
    except Infeasible as exc:
        assert exc.reasons
        return
    assert check_schedule(plan, schedule) == []
    assert schedule.violations == []
    if not schedule.baseline_violations:
        assert check_schedule(plan, schedule.model_copy(update={"days": schedule.baseline_days})) == []
        assert schedule.figures.objective <= schedule.baseline.objective + 1e-6


def test_turnaround_binds_only_when_the_rest_is_too_short() -> None:
    # A night called at 16:00 for 8 hours wraps at midnight; the 07:00 call leaves 7 hours.
    short = {"night_call_time": "16:00", "day_length_hours": 8}
    assert problem_for(random_plan(1, rules={**short, "turnaround_hours": 10})).rest_rule
    assert not problem_for(random_plan(1, rules={**short, "turnaround_hours": 6})).rest_rule
    assert not problem_for(random_plan(1)).rest_rule  # off unless the plan sets it


def test_a_block_naming_nobody_is_a_located_error(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(
        "start_date: 2027-03-01\n"
        "cast:\n  - {id: MEI, names: [阿美], daily_rate: 100}\n"
        "scenes:\n  - {id: '1', location: ROOFTOP, cast: [MEI], est_hours: 2}\n"
        "blocks:\n"
        "  - {cast: 阿美, dates: 2027-03-02}\n"
        "  - {location: 天台, dates: 2027-03-03}\n",
        encoding="utf-8",
    )
    plan = load_plan(plan_file)
    with pytest.raises(PlanError) as caught:
        problem_for(plan)
    assert caught.value.line == 8 and "No location of this production is called that" in str(caught.value)
    assert "blocks[2]" in str(caught.value) and "天台" in str(caught.value)
    fixed = plan_file.read_text(encoding="utf-8").replace("location: 天台", "location: ROOFTOP")
    plan_file.write_text(fixed, encoding="utf-8")
    problem = problem_for(load_plan(plan_file))
    assert problem.cast_blocks == {"MEI": frozenset({date(2027, 3, 2)})}  # the alias resolves
    with pytest.raises(Infeasible) as infeasible:
        solve_schedule(problem, time_limit_s=2, num_workers=1)
    assert any("booked only on 2027-03-03" in reason for reason in infeasible.value.reasons)


@pytest.mark.slow
@pytest.mark.parametrize("scenes", [100, 400])
def test_feature_sized_productions_keep_every_constraint(scenes: int) -> None:
    """The benchmark's seeded productions, checked by the independent checker (issue 18)."""
    from bench.bench_schedule import feature_plan
    from tools.schedule.bounds import day_plan_bound

    plan = feature_plan(1, scenes=scenes)
    problem = problem_for(plan)
    schedule = solve_schedule(problem, time_limit_s=3, num_workers=1, seed=1)
    assert check_schedule(plan, schedule) == []
    assert schedule.violations == []
    assert day_plan_bound(problem).value <= schedule.figures.objective  # unclamped: a valid bound
    figures = recompute_figures(plan, schedule, problem.min_days)
    assert schedule.figures.objective == pytest.approx(figures["objective"])
