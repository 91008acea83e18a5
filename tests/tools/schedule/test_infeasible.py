"""Infeasible plans say which constraint blocks them."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import Infeasible
from knowledge.plan import plan_from_data
from tests.tools.schedule.schedule_cases import problem_for
from tools.schedule.solver import explain_infeasible, solve_schedule


def plan(**extra: Any) -> Any:
    data: dict[str, Any] = {
        "start_date": "2027-03-01",
        "days_off": ["sunday"],
        "cast": [
            {"id": "AH FAI", "daily_rate": 8000, "unavailable": "2027-03-03..2027-03-05"},
            {"id": "MEI", "daily_rate": 6000, "unavailable": ["2027-03-02"]},
        ],
        "locations": [{"id": "ROOFTOP", "unavailable": ["2027-03-06", "2027-03-08"]}, {"id": "CAFE"}],
        "scenes": [{"id": "1", "location": "CAFE", "cast": ["MEI"], "est_hours": 3}],
    }
    data.update(extra)
    return plan_from_data(data)


def test_scene_whose_cast_and_location_never_meet_in_its_window() -> None:
    scenes = [
        {
            "id": "7",
            "location": "ROOFTOP",
            "cast": ["AH FAI", "MEI"],
            "est_hours": 5,
            "not_before": "2027-03-02",
            "not_after": "2027-03-08",
        },
        {"id": "1", "location": "CAFE", "cast": ["MEI"], "est_hours": 3},
    ]
    with pytest.raises(Infeasible) as info:
        solve_schedule(problem_for(plan(scenes=scenes)), time_limit_s=5, num_workers=1)
    reason = info.value.reasons[0]
    assert "scene 7" in reason and "between 2027-03-02 and 2027-03-08" in reason
    assert "AH FAI is unavailable on 2027-03-03, 2027-03-04, 2027-03-05" in reason
    assert "MEI is unavailable on 2027-03-02" in reason
    assert "location ROOFTOP is unavailable on 2027-03-06, 2027-03-08" in reason
    assert "never available together" in reason


def test_whole_day_scene_without_enough_consecutive_days() -> None:
    scenes = [
        {
            "id": "12",
            "location": "ROOFTOP",
            "cast": ["AH FAI"],
            "duration_days": 2,
            "not_before": "2027-03-02",
            "not_after": "2027-03-06",
        }
    ]
    with pytest.raises(Infeasible, match=r"scene 12 .*never 2 consecutive shooting days"):
        solve_schedule(problem_for(plan(scenes=scenes)), time_limit_s=5, num_workers=1)


def test_too_many_hours_before_a_deadline() -> None:
    scenes = [
        {"id": str(n), "location": "CAFE", "cast": [], "est_hours": 8, "not_after": "2027-03-03"}
        for n in range(1, 6)
    ]
    with pytest.raises(Infeasible) as info:
        solve_schedule(problem_for(plan(scenes=scenes)), time_limit_s=5, num_workers=1)
    assert "5 scenes due by 2027-03-03 need at least 4 shooting days (40 hours" in str(info.value)
    assert "only 3 are available" in str(info.value)


def test_too_many_hours_for_the_end_date() -> None:
    scenes = [{"id": str(n), "location": "CAFE", "cast": [], "est_hours": 10} for n in range(1, 5)]
    with pytest.raises(Infeasible, match=r"end date 2027-03-03 need at least 4 shooting days .* only 3"):
        solve_schedule(problem_for(plan(scenes=scenes, end_date="2027-03-03")), time_limit_s=5, num_workers=1)


def test_conflict_found_by_the_solver_names_both_constraints() -> None:
    # Each scene alone can go on the 1st (MEI is out on the 2nd); together they cannot: two whole days.
    scenes = [
        {"id": "3", "location": "CAFE", "cast": ["MEI"], "duration_days": 1, "not_after": "2027-03-02"},
        {"id": "4", "location": "CAFE", "cast": ["MEI"], "duration_days": 1, "not_after": "2027-03-02"},
    ]
    problem = problem_for(plan(scenes=scenes))
    with pytest.raises(Infeasible) as info:
        solve_schedule(problem, time_limit_s=5, num_workers=1)
    text = str(info.value)
    assert "conflict" in text
    assert "the window of scene 3" in text and "the window of scene 4" in text
    assert "MEI's unavailable dates" in text
    assert explain_infeasible(problem).reasons == info.value.reasons
