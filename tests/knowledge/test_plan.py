"""The production plan: loading, defaults, merging with cast/location lists, located validation errors."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest

from core.errors import PlanError
from knowledge.plan import (
    DEFAULT_EFFECTS_HOURS,
    DEFAULT_PAGES_PER_HOUR,
    DEFAULT_STUNT_HOURS,
    DEFAULT_STUNT_HOURS_MAX,
    Plan,
    SceneNeeds,
    breakdown_from_production,
    check_strips,
    est_hours_for,
    load_plan,
    pages_to_eighths,
)
from knowledge.production import Production

ISSUE_PLAN = """\
production: Night Shift
start_date: 2027-03-01
days_off: [sunday]          # weekdays never scheduled (default none)
day_length_hours: 12        # working hours in a shooting day
pages_per_hour: 0.5         # used for scenes without est_hours (default documented)
cast:
  - {id: AH FAI, daily_rate: 8000, unavailable: [2027-03-02]}
  - {id: MEI, daily_rate: 6000}
  - {id: LAU, daily_rate: 9000, names: [劉Sir, 劉督察]}
locations:
  - {id: ROOFTOP, unavailable: [2027-03-04], names: [天台]}
scenes:                     # optional when a script is given; entries add or override
  - {id: "7", location: ROOFTOP, int_ext: EXT, time_of_day: NIGHT, cast: [AH FAI, MEI], est_hours: 5}
  - {id: "12", location: ROOFTOP, cast: [MEI], duration_days: 2}     # a scene that fills whole days
  - {id: "3", location: POLICE STATION, cast: [LAU], est_hours: 4, not_before: 2027-03-03, not_after: 2027-03-10}
weights: {holding: 1, company_move: 5000, extra_day: 20000}
"""


def write(tmp_path: Path, text: str, name: str = "plan.yaml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def error_for(tmp_path: Path, text: str, name: str = "plan.yaml") -> PlanError:
    path = write(tmp_path, text, name)
    with pytest.raises(PlanError) as info:
        plan = load_plan(path)
        breakdown_from_production(None, plan)
    return info.value


# --- loading ------------------------------------------------------------------------------------


def test_issue_example_loads_with_its_values(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, ISSUE_PLAN))
    assert plan.start_date == date(2027, 3, 1)
    assert plan.days_off == ["sunday"]
    assert plan.weights.company_move == 5000
    strips = breakdown_from_production(None, plan)
    assert [s.id for s in strips] == ["7", "12", "3"]
    assert strips[1].duration_days == 2
    assert strips[2].not_after == date(2027, 3, 10)
    assert strips[2].cast == ["LAU"]


def test_defaults_are_documented_values(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, "start_date: 2027-03-01\n"))
    assert plan.day_length_hours == 12
    assert plan.pages_per_hour == DEFAULT_PAGES_PER_HOUR == 0.5
    assert plan.call_time == time(7, 0)
    assert plan.night_call_time == time(18, 0)
    assert plan.makeup_minutes == 60
    assert (plan.stunt_hours, plan.stunt_hours_max, plan.effects_hours) == (0.5, 2, 0.5)
    assert (DEFAULT_STUNT_HOURS, DEFAULT_STUNT_HOURS_MAX, DEFAULT_EFFECTS_HOURS) == (0.5, 2, 0.5)
    assert (plan.weights.holding, plan.weights.company_move, plan.weights.extra_day) == (1, 5000, 20000)
    docs = (Path(__file__).resolve().parents[2] / "docs" / "plan-format.md").read_text(encoding="utf-8")
    for key in Plan.model_fields:
        assert f"`{key}`" in docs, f"docs/plan-format.md does not document {key}"


def test_json_plan_loads(tmp_path: Path) -> None:
    data = {"start_date": "2027-03-01", "scenes": [{"id": 1, "est_hours": 2, "cast": []}]}
    plan = load_plan(write(tmp_path, json.dumps(data), "plan.json"))
    assert breakdown_from_production(None, plan)[0].id == "1"


def test_big5_hkscs_plan_with_cantonese_keeps_characters(tmp_path: Path) -> None:
    text = "production: 夜更 嘅 戲\nstart_date: 2027-03-01\ncast:\n  - {id: 阿輝, names: [輝哥]}\n"
    text += "scenes:\n  - {id: 1, cast: [輝哥], est_hours: 2, notes: 喺天台冇欄杆㗎}\n"
    plan = load_plan(write(tmp_path, text, encoding="big5hkscs"))
    assert plan.production == "夜更 嘅 戲"
    strip = breakdown_from_production(None, plan)[0]
    assert strip.cast == ["阿輝"]
    assert strip.notes == "喺天台冇欄杆㗎"


def test_weekday_spellings_and_times(tmp_path: Path) -> None:
    plan = load_plan(
        write(
            tmp_path,
            "start_date: 2027-03-01\ndays_off: [星期日, Sat]\ncall_time: 06:30\nholidays: 2027-03-03..2027-03-04\n",
        )
    )
    assert plan.days_off == ["sunday", "saturday"]
    assert plan.call_time == time(6, 30)
    assert plan.holidays == [date(2027, 3, 3), date(2027, 3, 4)]
    assert plan.shooting_dates(4) == [date(2027, 3, 1), date(2027, 3, 2), date(2027, 3, 5), date(2027, 3, 8)]


@pytest.mark.parametrize(("text", "eighths"), [("1 3/8", 11), ("3/8", 3), (1.5, 12), ("２", 16), (0.01, 1)])
def test_pages_to_eighths(text: object, eighths: int) -> None:
    assert pages_to_eighths(text) == eighths


# --- validation errors name the key, the entry and the line --------------------------------------

HEAD = "start_date: 2027-03-01\ndays_off: [sunday]\ncast:\n  - {id: AH FAI, daily_rate: 8000}\n"


@pytest.mark.parametrize(
    ("tail", "line", "fragments"),
    [
        (
            "scenes:\n  - {id: '7', cats: [AH FAI]}\n",
            6,
            ["Unknown key 'cats'", "nearest valid key 'cast'", "scenes[1] (id '7')"],
        ),
        (
            "scenes:\n  - {id: '12', cast: [AH FAl], est_hours: 3}\n",
            6,
            ["Unknown cast id 'AH FAl'", "nearest 'AH FAI'", "scenes[1] (id '12')", "'cast'"],
        ),
        ("end_date: 2027-02-30\n", 5, ["'2027-02-30' is not a date", "end_date"]),
        ("holidays: [2027-13-01]\n", 5, ["'2027-13-01' is not a date", "holidays"]),
        ("days_off: [sundy]\n", 5, ["'sundy' is not a weekday", "nearest 'sunday'", "days_off"]),
        (
            "scenes:\n  - {id: '9', est_hours: 13}\n",
            6,
            ["longer than a 12-hour day", "duration_days: 2", "scenes[1] (id '9')"],
        ),
        (
            "scenes:\n  - {id: '9', duration_days: 3, not_before: 2027-03-05, not_after: 2027-03-06}\n",
            6,
            ["needs 3 shooting days", "has only 2", "scenes[1] (id '9')"],
        ),
        (
            "scenes:\n  - {id: '9', est_hours: 2, not_before: 2027-03-05, not_after: 2027-03-02}\n",
            6,
            ["not_after is before not_before"],
        ),
        (
            "scenes:\n  - {id: '9', est_hours: 2}\n  - {id: '9', est_hours: 3}\n",
            7,
            ["Duplicate id", "scenes[2] (id '9')"],
        ),
        ("scenes:\n  - {id: '9'}\n", 6, ["needs est_hours, pages or duration_days"]),
        (
            "weights: {holding: 1, company_moves: 3}\n",
            5,
            ["Unknown key 'company_moves'", "'company_move'", "weights"],
        ),
        ("productoin: x\n", 5, ["Unknown key 'productoin'", "'production'"]),
        ("call_time: '25:00'\n", 5, ["not a time of day"]),
        ("scenes:\n  - {id: '9', est_hours: -1}\n", 6, ["greater than 0", "est_hours"]),
        ("cast_list: missing.csv\n", 5, ["does not exist", "cast_list"]),
        ("scenes: [ {id: 1\n", 6, ["Not valid YAML"]),
        (
            "blocks:\n  - {cast: AH FAI, location: ROOFTOP, dates: 2027-03-02}\n",
            6,
            ["either a location or a cast member", "blocks[1]"],
        ),
        ("blocks:\n  - {cast: AH FAI}\n", 6, ["needs its dates", "blocks[1]", "'dates'"]),
        (
            "blocks:\n  - {location: ROOFTOP, dates: 2027-03-07}\n",
            6,
            ["None of the block's dates", "blocks[1]"],
        ),
        ("blocks:\n  - {location: ROOFTOP, dates: 2027-03-40}\n", 6, ["'2027-03-40' is not a date"]),
        ("split_days: sometimes\n", 5, ["split_days"]),
    ],
)
def test_validation_errors_are_located(tmp_path: Path, tail: str, line: int, fragments: list[str]) -> None:
    error = error_for(tmp_path, HEAD + tail)
    text = str(error)
    assert error.line == line, text
    assert text.startswith(f"{tmp_path / 'plan.yaml'}:{line}: "), text
    for fragment in fragments:
        assert fragment in text, text


def test_missing_start_date_and_bad_root(tmp_path: Path) -> None:
    assert "Missing required key 'start_date'" in str(error_for(tmp_path, "production: x\n"))
    assert "must be a mapping" in str(error_for(tmp_path, "- just\n- a list\n"))


def test_every_weekday_off_and_end_before_start(tmp_path: Path) -> None:
    week = "[mon, tue, wed, thu, fri, sat, sun]"
    assert "Every weekday is a day off" in str(
        error_for(tmp_path, f"start_date: 2027-03-01\ndays_off: {week}\n")
    )
    assert "end date is before the start date" in str(
        error_for(tmp_path, "start_date: 2027-03-01\nend_date: 2027-02-01\n")
    )


def test_json_syntax_error_has_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, '{\n  "start_date": "2027-03-01",\n  "scenes": [\n}\n', "plan.json")
    assert error.line is not None and error.line >= 3
    assert "Not valid" in str(error)


# --- merging lists and the script ---------------------------------------------------------------


def test_sample_plan_merges_lists_and_overrides(sample_dir: Path) -> None:
    plan = load_plan(sample_dir / "plan.yaml")
    cast = {m.id: m for m in plan.cast_members()}
    assert cast["DISPATCHER"].daily_rate == 0  # inline override of the list's 2000
    assert cast["SIU KEUNG"].unavailable == [date(2027, 3, 5), date(2027, 3, 12)]  # replaced
    assert cast["AH FAI"].daily_rate == 15000 and "阿輝" in cast["AH FAI"].names
    places = {e.id: e for e in plan.location_entries()}
    assert places["ROOFTOP"].unavailable == [date(2027, 3, 4)]
    assert "天台" in places["ROOFTOP"].names


def test_breakdown_from_sample_script(sample_dir: Path) -> None:
    plan = load_plan(sample_dir / "plan.yaml")
    production = Production.from_files(
        sample_dir / "night_shift.fountain",
        cast=sample_dir / "cast.csv",
        locations=sample_dir / "locations.csv",
    )
    strips = {s.id: s for s in breakdown_from_production(production, plan)}
    assert len(strips) == len(production.scenes) == 21 and "12A" in strips
    assert strips["17"].est_hours == 11 and strips["17"].location == "ROOFTOP"
    assert strips["1"].duration_days == 2
    assert strips["20"].not_before == date(2027, 3, 8) and strips["20"].not_after == date(2027, 3, 13)
    assert strips["18"].location == "HOSPITAL" and strips["18"].set_name == "醫院走廊"
    known = {m.id for m in plan.cast_members(production.cast)}
    assert all(set(s.cast) <= known for s in strips.values())
    assert "KELVIN" in strips["8"].cast  # non-speaking cast are on the strip too
    assert strips["7"].est_hours == pytest.approx(
        round(strips["7"].eighths / 8 / 0.35 * 4 + 0.49) / 4, abs=0.25
    )
    check_strips(plan, list(strips.values()))


def test_plan_scene_can_add_omit_and_use_aliases(tmp_path: Path, sample_dir: Path) -> None:
    text = (sample_dir / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("cast_list: cast.csv", f"cast_list: {sample_dir / 'cast.csv'}")
    text = text.replace("locations_list: locations.csv", f"locations_list: {sample_dir / 'locations.csv'}")
    text = text.replace(
        "weights:",
        "  - {id: 21, location: 天台, cast: [劉Sir, 阿輝], pages: 1 2/8, time_of_day: 夜}\n"
        "  - {id: 6, omit: true}\nweights:",
    )
    plan = load_plan(write(tmp_path, text))
    production = Production.from_files(sample_dir / "night_shift.fountain", cast=sample_dir / "cast.csv")
    strips = {s.id: s for s in breakdown_from_production(production, plan)}
    assert "6" not in strips
    added = strips["21"]
    assert added.location == "ROOFTOP" and added.cast == ["INSPECTOR LAU", "AH FAI"]
    assert added.eighths == 10 and added.time_of_day == "NIGHT"
    assert added.est_hours == pytest.approx(3.75)


def test_script_scene_too_long_for_a_day_is_reported(tmp_path: Path, sample_dir: Path) -> None:
    plan = load_plan(write(tmp_path, "start_date: 2027-03-01\npages_per_hour: 0.05\n"))
    production = Production.from_files(sample_dir / "night_shift.fountain")
    strips = breakdown_from_production(production, plan)
    with pytest.raises(PlanError, match=r"Scene \d+\w* is .* longer than a 12-hour day"):
        check_strips(plan, strips)


def test_a_plan_scene_that_is_not_in_the_script_is_a_typo_unless_it_says_where(
    tmp_path: Path, sample_dir: Path
) -> None:
    production = Production.from_files(sample_dir / "night_shift.fountain")
    typo = load_plan(write(tmp_path, "start_date: 2027-03-01\nscenes:\n  - {id: '71', est_hours: 11}\n"))
    with pytest.raises(PlanError, match=r"Scene '71' is not in the script \(nearest '17'") as caught:
        breakdown_from_production(production, typo)
    assert caught.value.line == 3 and "scenes[1] (id '71')" in str(caught.value)
    omitted = load_plan(write(tmp_path, "start_date: 2027-03-01\nscenes:\n  - {id: '99', omit: true}\n"))
    with pytest.raises(PlanError, match="not in the script"):
        breakdown_from_production(production, omitted)


# --- estimates with the breakdown's stunts and effects -------------------------------------------

FIGHT = SceneNeeds(stunts=["fight", "fall"], effects=["rain", "smoke"], equipment=["rain tower"])


def test_stunts_and_effects_add_time_where_the_plan_gives_no_hours(tmp_path: Path, sample_dir: Path) -> None:
    production = Production.from_files(sample_dir / "night_shift.fountain")
    plan = load_plan(
        write(
            tmp_path,
            "start_date: 2027-03-01\nscenes:\n  - {id: '5', est_hours: 2}\n  - {id: '7', pages: 1}\n",
        )
    )
    plain = {s.id: s for s in breakdown_from_production(production, plan)}
    needs = {"3": FIGHT, "5": FIGHT, "7": SceneNeeds(stunts=["fall"]), "9": SceneNeeds(equipment=["crane"])}
    strips = {s.id: s for s in breakdown_from_production(production, plan, needs)}
    # Two stunts at 0.5 h and effects (rain and smoke rigged together) once at 0.5 h.
    three = strips["3"]
    assert three.est_hours == est_hours_for(three.eighths, plan) + 1.5 == plain["3"].est_hours + 1.5
    assert three.added_hours == 1.5 and three.added_for == "2 stunts +1 h, effects +0.5 h"
    assert three.stunts == ["fight", "fall"] and three.equipment == ["rain tower"]
    # The plan's own est_hours always wins, and the breakdown is still shown on the strip.
    assert strips["5"].est_hours == 2 and strips["5"].added_hours == 0 and strips["5"].added_for == ""
    assert strips["5"].stunts == ["fight", "fall"]
    # A plan entry that gives only pages is still an estimate: pages at the pace, plus the stunt.
    assert strips["7"].est_hours == est_hours_for(8, plan) + 0.5 and strips["7"].added_for == "1 stunt +0.5 h"
    # Equipment alone adds no time; scenes the breakdown says nothing about are unchanged.
    assert strips["9"].est_hours == plain["9"].est_hours and strips["9"].equipment == ["crane"]
    assert all(strips[k].est_hours == plain[k].est_hours for k in plain if k not in ("3", "7"))


def test_stunt_time_is_capped_and_the_settings_switch_it_off(tmp_path: Path, sample_dir: Path) -> None:
    production = Production.from_files(sample_dir / "night_shift.fountain")
    brawl = {"3": SceneNeeds(stunts=[f"beat {n}" for n in range(7)])}
    plan = load_plan(write(tmp_path, "start_date: 2027-03-01\n"))
    strip = {s.id: s for s in breakdown_from_production(production, plan, brawl)}["3"]
    assert strip.added_hours == 2 and strip.added_for == "7 stunts +2 h"  # capped at stunt_hours_max
    custom = load_plan(write(tmp_path, "start_date: 2027-03-01\nstunt_hours: 0.25\neffects_hours: 0\n"))
    strip = {s.id: s for s in breakdown_from_production(production, custom, {"3": FIGHT})}["3"]
    assert strip.added_hours == 0.5 and strip.added_for == "2 stunts +0.5 h"
    off = load_plan(write(tmp_path, "start_date: 2027-03-01\nstunt_hours: 0\neffects_hours: 0\n"))
    strip = {s.id: s for s in breakdown_from_production(production, off, {"3": FIGHT})}["3"]
    assert strip.added_hours == 0 and strip.est_hours == est_hours_for(strip.eighths, off)


def test_added_time_never_pushes_a_scene_past_the_day(tmp_path: Path, sample_dir: Path) -> None:
    production = Production.from_files(sample_dir / "night_shift.fountain")
    # Scene 2 is 3 pages: 12 h at 0.25 pages an hour, a whole 12-hour day before any stunt.
    plan = load_plan(write(tmp_path, "start_date: 2027-03-01\npages_per_hour: 0.25\n"))
    strips = {s.id: s for s in breakdown_from_production(production, plan, {"2": FIGHT})}
    assert strips["2"].est_hours == 12 and strips["2"].added_hours == 0
    check_strips(plan, list(strips.values()))  # no "longer than a day" error the script never had
    whole = load_plan(write(tmp_path, "start_date: 2027-03-01\nscenes:\n  - {id: '3', duration_days: 1}\n"))
    three = {s.id: s for s in breakdown_from_production(production, whole, {"3": FIGHT})}["3"]
    assert three.added_hours == 0 and three.added_for == "" and three.stunts == ["fight", "fall"]
