"""Preferred blocks (`preferred: true`): kept when cheap, broken and reported when not (issue 18)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from core.errors import Infeasible
from knowledge.plan import Plan, plan_from_data
from tests.tools.schedule.schedule_cases import (
    check_schedule,
    preferred_block_misses,
    problem_for,
    random_plan,
    recompute_figures,
)
from tools.schedule.model import Problem, Schedule
from tools.schedule.solver import solve_schedule, summary_lines

MARKET_DAY = date(2027, 3, 3)


def market_plan(block: dict[str, Any], weights: dict[str, float] | None = None) -> Plan:
    """Eight 5-hour studio scenes and two 5-hour market scenes: five full 10-hour days, no days off."""
    studio = [{"id": str(n), "location": "STUDIO", "est_hours": 5, "cast": ["MEI"]} for n in range(1, 9)]
    market = [{"id": str(n), "location": "MARKET", "est_hours": 5, "cast": ["LAU"]} for n in (9, 10)]
    return plan_from_data(
        {
            "start_date": "2027-03-01",
            "day_length_hours": 10,
            "cast": [{"id": "MEI", "daily_rate": 0}, {"id": "LAU", "daily_rate": 0}],
            "locations": [{"id": "STUDIO"}, {"id": "MARKET"}],
            "scenes": [*studio, *market],
            "blocks": [{"location": "MARKET", "preferred": True, **block}],
            "weights": {"holding": 1, "company_move": 5000, "extra_day": 20000, **(weights or {})},
        }
    )


def solve(plan: Plan, seconds: float = 5) -> tuple[Problem, Schedule]:
    problem = problem_for(plan)
    return problem, solve_schedule(problem, time_limit_s=seconds, num_workers=1, seed=0)


def assert_honest(plan: Plan, problem: Problem, schedule: Schedule) -> None:
    """The independent checker accepts the plan and its figures agree with the solver's."""
    assert check_schedule(plan, schedule) == []
    assert schedule.violations == []
    figures = recompute_figures(plan, schedule, problem.min_days)
    assert schedule.figures.off_block_days == figures["off_block_days"]
    assert schedule.figures.objective == pytest.approx(figures["objective"])
    assert schedule.lower_bound <= schedule.figures.objective + 1e-6
    reported = {(m.scene, m.label, d) for m in schedule.block_misses for d in m.dates}
    assert reported == set(preferred_block_misses(plan, schedule))


def test_the_plan_reads_preferred_blocks_and_the_weight() -> None:
    plan = market_plan({"dates": "2027-03-03..2027-03-05"})
    assert plan.blocks[0].preferred and plan.blocks[0].active
    assert plan.weights.off_block == 2000  # the default
    problem = problem_for(plan)
    assert problem.location_blocks == {}  # a preferred block closes no day
    assert problem.preferred_location_blocks == {"MARKET": frozenset(plan.blocks[0].dates)}


def test_a_preferred_block_is_kept_when_it_costs_nothing() -> None:
    plan = market_plan({"dates": MARKET_DAY.isoformat()})
    problem, schedule = solve(plan)
    assert_honest(plan, problem, schedule)
    market = next(day for day in schedule.days if day.date == MARKET_DAY)
    assert sorted(market.scenes) == ["10", "9"]
    assert schedule.figures.off_block_days == 0 and schedule.block_misses == []
    assert schedule.figures.objective == 0 and schedule.status == "optimal"
    assert not any("Preferred block" in line for line in summary_lines(schedule))


def test_a_preferred_block_is_broken_and_reported_when_keeping_it_costs_more() -> None:
    # Keeping the market on 20-22 March would stretch a five-day shoot by fifteen days (300,000 of
    # extra days) to save two scene-days at 2,000 each: the plan breaks the block and says so.
    plan = market_plan({"dates": "2027-03-20..2027-03-22"})
    problem, schedule = solve(plan)
    assert_honest(plan, problem, schedule)
    assert schedule.figures.total_days == 5 and schedule.figures.off_block_days == 2
    assert schedule.figures.objective == pytest.approx(2 * 2000)
    assert {(m.scene, m.label) for m in schedule.block_misses} == {
        ("9", "location MARKET"),
        ("10", "location MARKET"),
    }
    assert schedule.status == "optimal"
    line = next(line for line in summary_lines(schedule) if line.startswith("Preferred block"))
    assert line.startswith("Preferred block location MARKET (2027-03-20..2027-03-22) not kept for 2 scenes: ")
    assert "2 scene-day(s) outside preferred blocks" in summary_lines(schedule)[0]
    exported = schedule.to_json()
    assert exported["off_block_days"] == 2
    assert isinstance(exported["block_misses"], list) and len(exported["block_misses"]) == 2


def test_a_heavy_enough_weight_keeps_the_block_at_the_price_of_extra_days() -> None:
    plan = market_plan({"dates": "2027-03-20..2027-03-22"}, weights={"off_block": 1_000_000})
    problem, schedule = solve(plan)
    assert_honest(plan, problem, schedule)
    assert schedule.block_misses == []
    shot = {scene: day.date for day in schedule.days for scene in day.scenes}
    assert date(2027, 3, 20) <= shot["9"] <= date(2027, 3, 22)
    assert shot["9"] == shot["10"]  # one day at the market: no move, no second extra day


def test_active_false_switches_a_preferred_block_off() -> None:
    plan = market_plan({"dates": "2027-03-20..2027-03-22", "active": False}, weights={"off_block": 1e6})
    problem, schedule = solve(plan)
    assert problem.preferred_location_blocks == {}
    assert_honest(plan, problem, schedule)
    assert schedule.figures.total_days == 5 and schedule.figures.objective == 0
    assert schedule.block_misses == [] and schedule.figures.off_block_days == 0


def test_a_talent_plan_with_a_preferred_hold_goes_to_the_day_model() -> None:
    """Whole-day scenes only: the order models ignore dates, so a binding preference needs days."""
    scenes = [
        {"id": "1", "location": "STAGE", "duration_days": 1, "cast": ["MEI"]},
        {"id": "2", "location": "STAGE", "duration_days": 2, "cast": ["LAU"]},
        {"id": "3", "location": "STAGE", "duration_days": 1, "cast": ["MEI", "LAU"]},
    ]
    plan = plan_from_data(
        {
            "start_date": "2027-03-02",
            "cast": [{"id": "MEI", "daily_rate": 100}, {"id": "LAU", "daily_rate": 100}],
            "scenes": scenes,
            "blocks": [{"cast": "LAU", "dates": "2027-03-03..2027-03-05", "preferred": True}],
        }
    )
    problem, schedule = solve(plan)
    assert schedule.formulation == "day"
    assert_honest(plan, problem, schedule)
    # 1 on the first day, then 3 and 2 inside LAU's hold: nobody held, every day kept.
    assert schedule.figures.objective == 0 and schedule.status == "optimal"


@pytest.mark.parametrize(("seed", "scenes"), [(s, 9) for s in range(6)] + [(s, 60) for s in range(2)])
def test_random_plans_with_preferred_and_hard_blocks(seed: int, scenes: int) -> None:
    """Every method (CP-SAT, local search, windows, the sort) keeps hard blocks and prices preferred ones."""
    plan = random_plan(
        seed, scenes=scenes, cast=5, locations=4, deadlines=scenes < 20, blocks=True, preferred=True
    )
    problem = problem_for(plan)
    assert set(problem.preferred_cast_blocks) == {"ACTOR 3"}  # ACTOR 1's is switched off
    assert set(problem.preferred_location_blocks) == {"SET B"}
    assert set(problem.cast_blocks) == {"ACTOR 2"} and set(problem.location_blocks) == {"SET A"}
    try:
        schedule = solve_schedule(problem, time_limit_s=2, num_workers=1, seed=seed)
    except Infeasible as exc:
        assert exc.reasons
        return
    assert_honest(plan, problem, schedule)
    if not schedule.baseline_violations:
        baseline = schedule.model_copy(update={"days": schedule.baseline_days})
        assert check_schedule(plan, baseline) == []
        figures = recompute_figures(plan, baseline, problem.min_days)
        assert schedule.baseline.objective == pytest.approx(figures["objective"])
        assert schedule.figures.objective <= schedule.baseline.objective + 1e-6


@pytest.mark.parametrize("seed", range(200, 204))
def test_optimal_status_matches_brute_force_with_preferred_blocks(seed: int) -> None:
    plan = random_plan(seed, scenes=5, cast=3, locations=2, preferred=True)
    problem = problem_for(plan)
    try:
        schedule = solve_schedule(problem, time_limit_s=20, num_workers=1, seed=seed)
    except Infeasible:
        return
    assert schedule.status == "optimal"
    horizon = max(len(schedule.days), len(problem.scenes) + sum(problem.durations) + 2)
    assert schedule.figures.objective == pytest.approx(_brute_force(plan, problem, horizon))


def _brute_force(plan: Plan, problem: Problem, horizon: int) -> float:
    """The best objective over every valid assignment to the first `horizon` days, from the plan's dates."""
    wished: dict[str, set[date]] = {}
    for block in plan.blocks:
        if block.active and block.preferred:
            wished.setdefault(block.cast or block.location or "", set()).update(block.dates)
    weights = plan.weights
    options = [[d for d in problem.allowed_starts(s) if d + problem.span(s) <= horizon] for s in range(5)]
    best = float("inf")
    for choice in itertools.product(*options):
        load: dict[int, int] = {}
        places: dict[int, set[str]] = {}
        worked: dict[str, set[int]] = {}
        whole: set[int] = set()
        misses = 0
        valid = True
        for s, d in enumerate(choice):
            scene = problem.scenes[s]
            for day in range(d, d + problem.span(s)):
                if problem.whole_day(s):
                    valid = valid and day not in whole and not load.get(day)
                    whole.add(day)
                else:
                    valid = valid and day not in whole
                load[day] = load.get(day, 0) + problem.minutes[s]
                places.setdefault(day, set()).add(scene.location)
                for member in scene.cast:
                    worked.setdefault(member, set()).add(day)
                for name in [*scene.cast, scene.location]:
                    misses += name in wished and problem.dates[day] not in wished[name]
        if not valid or any(v > problem.day_minutes for d, v in load.items() if d not in whole):
            continue
        holding = sum(problem.rates[m] * (max(w) - min(w) + 1 - len(w)) for m, w in worked.items())
        moves = sum(len(p) - 1 for p in places.values())
        cost = (
            weights.holding * holding
            + weights.company_move * moves
            + weights.extra_day * (max(places) + 1 - problem.min_days)
            + weights.off_block * misses
        )
        best = min(best, cost)
    return best


def test_the_summary_names_a_few_missed_scenes_and_counts_the_rest() -> None:
    plan = market_plan({"dates": "2027-03-20..2027-03-22"})
    _problem, schedule = solve(plan)
    first = schedule.block_misses[0]
    many = [first.model_copy(update={"scene": str(100 + n)}) for n in range(11)]
    lines = summary_lines(schedule.model_copy(update={"block_misses": many}))
    line = next(line for line in lines if line.startswith("Preferred block"))
    assert "not kept for 11 scenes: 100 (" in line and line.endswith(" and 3 more.")
    assert "108 (" not in line
