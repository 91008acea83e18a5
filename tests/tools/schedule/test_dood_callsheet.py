"""Day out of days codes, strip colours and call sheets on hand-made plans."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from core.errors import SlateError
from knowledge.plan import StripScene, plan_from_data
from tests.tools.schedule.schedule_cases import colour_name, problem_for
from tools.breakdown.model import Breakdown, BreakdownElement, SceneBreakdown
from tools.schedule.callsheet import build_call_sheet, call_sheet_html, call_sheet_markdown
from tools.schedule.dood import day_out_of_days
from tools.schedule.model import Problem, evaluate
from tools.schedule.solver import solve_schedule
from tools.schedule.stripboard import STRIP_COLOURS, strip_colour


def small_problem(**extra: Any) -> Problem:
    data: dict[str, Any] = {
        "production": "夜更",
        "start_date": "2027-03-05",  # a Friday
        "days_off": ["sunday"],
        "makeup_minutes": 45,
        "cast": [
            {"id": "AH FAI", "daily_rate": 1000, "makeup_minutes": 90, "actor": "鄺家豪"},
            {"id": "MEI", "daily_rate": 500},
        ],
        "locations": [{"id": "ROOFTOP", "names": ["天台"], "address": "57 Tung Choi Street, Mong Kok"}],
        "scenes": [
            {"id": "1", "location": "ROOFTOP", "cast": ["AH FAI"], "est_hours": 4, "time_of_day": "DAY"},
            {"id": "2", "location": "ROOFTOP", "cast": ["MEI"], "est_hours": 4, "time_of_day": "NIGHT"},
            {
                "id": "3",
                "location": "天台",
                "cast": ["AH FAI", "MEI"],
                "est_hours": 3,
                "time_of_day": "NIGHT",
                "notes": "STUNT: fall onto crash mats",
            },
        ],
    }
    data.update(extra)
    return problem_for(plan_from_data(data))


def test_dood_codes_holds_and_days_off() -> None:
    problem = small_problem()
    # AH FAI: Fri (sc 1) and Tue (sc 3); MEI: Sat (sc 2) and Tue (sc 3). Sunday is off.
    starts = {0: 0, 1: 1, 2: 3}
    rows = {row.cast: row for row in day_out_of_days(problem, starts)}
    fai = rows["AH FAI"].codes
    assert [fai[date(2027, 3, d)] for d in (5, 6, 7, 8, 9)] == ["SW", "H", "O", "H", "WF"]
    assert (rows["AH FAI"].work_days, rows["AH FAI"].hold_days, rows["AH FAI"].off_days) == (2, 2, 1)
    mei = rows["MEI"].codes
    assert [mei[date(2027, 3, d)] for d in (5, 6, 7, 8, 9)] == ["", "SW", "O", "H", "WF"]
    figures = evaluate(problem, starts)
    assert figures.holding_cost == 1000 * 2 + 500 * 1  # holds are paid, the Sunday is not
    single = {row.cast: row for row in day_out_of_days(problem, {0: 0, 1: 0, 2: 0})}
    assert single["MEI"].codes[date(2027, 3, 5)] == "SWF"


def test_strip_colours_follow_convention() -> None:
    def strip(int_ext: Any, tod: Any) -> StripScene:
        return StripScene(id="1", int_ext=int_ext, time_of_day=tod, est_hours=1)

    # The stripboard convention: INT/DAY white, EXT/DAY yellow, INT/NIGHT blue, EXT/NIGHT green.
    assert colour_name(strip_colour(strip("INT", "DAY"))) == "white"
    assert colour_name(strip_colour(strip("EXT", "DAY"))) == "yellow"
    assert colour_name(strip_colour(strip("INT", "NIGHT"))) == "blue"
    assert colour_name(strip_colour(strip("EXT", "NIGHT"))) == "green"
    assert strip_colour(strip("INT", "DAWN")) == STRIP_COLOURS[("INT", "DAY")]
    assert strip_colour(strip("INT/EXT", "NIGHT")) == STRIP_COLOURS[("EXT", "NIGHT")]
    assert len(set(STRIP_COLOURS.values())) == 4


def test_call_sheet_times_addresses_and_notes() -> None:
    problem = small_problem()
    schedule = solve_schedule(problem, time_limit_s=5, num_workers=1)
    assert len(schedule.days) == 1 and schedule.days[0].scenes == ["1", "2", "3"]  # day scene first
    sheet = build_call_sheet(problem, schedule, 1)
    # A split day: the day scene first, called late enough that the night scenes start at the
    # night call (18:00), not in daylight.
    assert sheet.general_call == time(14, 0) and sheet.date == date(2027, 3, 5)
    assert [s.start for s in sheet.scenes] == [time(14, 0), time(18, 0), time(22, 0)]
    cast = {c.id: c for c in sheet.cast}
    assert cast["AH FAI"].call == time(12, 30) and cast["AH FAI"].on_set == time(14, 0)  # 90 min makeup
    assert cast["MEI"].call == time(17, 15) and cast["MEI"].on_set == time(18, 0)  # plan default 45
    assert sheet.locations[0].address == "57 Tung Choi Street, Mong Kok"
    assert any(n.kinds == ["plan"] and "STUNT" in n.text for n in sheet.notes)
    assert "not filled in" in sheet.weather.lower()
    markdown = call_sheet_markdown(sheet)
    assert "General call **14:00**" in markdown and "鄺家豪" in markdown
    assert "<html" in call_sheet_html(sheet) and "夜更" in call_sheet_html(sheet)


def test_night_call_when_every_scene_is_dusk_or_night() -> None:
    problem = small_problem(
        scenes=[
            {"id": "9", "location": "ROOFTOP", "cast": ["MEI"], "est_hours": 2, "time_of_day": "NIGHT"},
            {"id": "8", "location": "ROOFTOP", "cast": ["MEI"], "est_hours": 2, "time_of_day": "黃昏"},
        ]
    )
    schedule = solve_schedule(problem, time_limit_s=5, num_workers=1)
    sheet = build_call_sheet(problem, schedule, 1)
    assert sheet.general_call == time(18, 0)
    assert [s.id for s in sheet.scenes] == ["8", "9"]  # dusk before night


def test_call_sheet_for_a_day_that_does_not_exist() -> None:
    problem = small_problem()
    schedule = solve_schedule(problem, time_limit_s=5, num_workers=1)
    with pytest.raises(SlateError, match="no shooting day 5; the schedule has days 1 to 1"):
        build_call_sheet(problem, schedule, 5)


def test_a_night_that_ends_with_a_dawn_scene_starts_so_the_dawn_scene_meets_first_light() -> None:
    problem = small_problem(
        scenes=[
            {"id": "20", "location": "ROOFTOP", "cast": ["MEI"], "est_hours": 3, "time_of_day": "DAWN"},
            {"id": "2", "location": "ROOFTOP", "cast": ["MEI"], "est_hours": 8, "time_of_day": "NIGHT"},
        ]
    )
    schedule = solve_schedule(problem, time_limit_s=5, num_workers=1)
    sheet = build_call_sheet(problem, schedule, 1)
    assert [s.id for s in sheet.scenes] == ["2", "20"]  # the night's work, then dawn
    assert sheet.general_call == time(22, 0)
    assert [s.start for s in sheet.scenes] == [time(22, 0), time(6, 0)]


def test_call_sheet_lists_the_days_extras_stunts_and_each_scenes_props_effects_vehicles() -> None:
    problem = small_problem()
    schedule = solve_schedule(problem, time_limit_s=5, num_workers=1)

    def element(category: Any, name: str, count: int | None = None) -> BreakdownElement:
        return BreakdownElement(category=category, name=name, count=count)

    breakdown = Breakdown(
        scenes=[
            SceneBreakdown(
                scene="1",
                heading="EXT. ROOFTOP - DAY",
                elements=[element("background", "路人", 40), element("props", "BISCUIT TIN")],
            ),
            SceneBreakdown(
                scene="3",
                heading="EXT. ROOFTOP - NIGHT",
                elements=[
                    element("background", "POLICE OFFICERS", 4),
                    element("background", "crowd"),
                    element("stunts", "fall through the tin roof"),
                    element("sfx", "rain"),
                    element("vehicles", "的士"),
                ],
            ),
        ]
    )
    sheet = build_call_sheet(problem, schedule, 1, breakdown)
    assert [(e.scene, e.name, e.count) for e in sheet.background] == [
        ("1", "路人", 40),
        ("3", "POLICE OFFICERS", 4),
        ("3", "crowd", None),
    ]
    assert sheet.extras_count == 44 and sheet.extras_uncounted
    assert [(e.scene, e.name) for e in sheet.stunts] == [("3", "fall through the tin roof")]
    scenes = {s.id: s for s in sheet.scenes}
    assert scenes["1"].props == ["BISCUIT TIN"] and scenes["2"].props == []
    assert scenes["3"].sfx == ["rain"] and scenes["3"].vehicles == ["的士"]
    markdown = call_sheet_markdown(sheet)
    assert "Background: 44+ (Sc 1: 路人 (40); Sc 3: POLICE OFFICERS (4); Sc 3: crowd)" in markdown
    assert "Stunts: Sc 3: fall through the tin roof" in markdown
    assert "| 3 |  | rain | 的士 |" in markdown
    page = call_sheet_html(sheet)
    assert "Background: 44+" in page and "fall through the tin roof" in page
    # Without a breakdown (a plan alone) the sheet says nothing about it.
    assert "Background" not in call_sheet_markdown(build_call_sheet(problem, schedule, 1))
