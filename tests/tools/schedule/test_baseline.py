"""The classic stripboard baseline: its sort order and how it cuts days (the figure the solver must beat)."""

from __future__ import annotations

from knowledge.plan import plan_from_data
from tests.tools.schedule.schedule_cases import problem_for
from tools.schedule.baseline import baseline_plan, stripboard_order

PLAN = {
    "start_date": "2027-03-01",
    "day_length_hours": 5,
    "cast": [{"id": "A", "daily_rate": 100}, {"id": "B", "daily_rate": 100}],
    "scenes": [
        {"id": "1", "location": "B", "int_ext": "INT", "time_of_day": "DAY", "cast": ["A"], "est_hours": 2},
        {"id": "2", "location": "A", "int_ext": "EXT", "time_of_day": "NIGHT", "cast": ["A"], "est_hours": 2},
        {"id": "3", "location": "A", "int_ext": "INT", "time_of_day": "NIGHT", "cast": ["B"], "est_hours": 2},
        {"id": "4", "location": "A", "int_ext": "INT", "time_of_day": "DAY", "cast": ["B"], "est_hours": 2},
        {"id": "5", "location": "A", "int_ext": "INT", "time_of_day": "DAY", "cast": ["A"], "est_hours": 2},
    ],
}


def test_strips_sort_by_location_then_int_ext_then_day_night_then_cast() -> None:
    problem = problem_for(plan_from_data(PLAN))
    assert [problem.scenes[s].id for s in stripboard_order(problem)] == ["2", "5", "4", "3", "1"]


def test_strips_are_packed_into_days_in_board_order() -> None:
    problem = problem_for(plan_from_data(PLAN))
    baseline = baseline_plan(problem)
    # Two 2-hour strips fill a 5-hour day; the board's order is kept across day breaks.
    assert {problem.scenes[s].id: day for s, day in baseline.starts.items()} == {
        "2": 0,
        "5": 0,
        "4": 1,
        "3": 1,
        "1": 2,
    }
    assert baseline.violations == []


def test_a_strip_that_cannot_be_shot_yet_moves_to_the_first_day_it_can() -> None:
    plan = {**PLAN, "cast": [{"id": "A", "daily_rate": 100, "unavailable": ["2027-03-01"]}, PLAN["cast"][1]]}
    problem = problem_for(plan_from_data(plan))
    baseline = baseline_plan(problem)
    # A's strips wait for 2 March; B's, next on the board, still take 1 March.
    assert {problem.scenes[s].id: day for s, day in baseline.starts.items()} == {
        "2": 1,
        "5": 1,
        "4": 0,
        "3": 0,
        "1": 2,
    }
    assert baseline.violations == []
