"""The registered agent tools and the `slate schedule` / `slate callsheet` commands."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from core.errors import CharacterNotFound, SlateError
from knowledge.production import Production
from slate.cli import main
from tests.conftest import SAMPLE_DIR
from tools.registry import all_tools, get_tool
from tools.schedule.tools import load_overrides, parse_request_date, plan_shoot

SMALL_PLAN = """\
production: 夜更 test
start_date: 2027-03-01
days_off: [sunday]
cast_list: {cast}
locations_list: {locations}
"""


@pytest.fixture
def production(tmp_path: Path) -> Production:
    project = tmp_path / "project"
    return Production.from_files(
        SAMPLE_DIR / "night_shift.fountain",
        cast=SAMPLE_DIR / "cast.csv",
        locations=SAMPLE_DIR / "locations.csv",
        plan=SAMPLE_DIR / "plan.yaml",
        output_dir=project,
    )


def test_tools_are_registered() -> None:
    tools = all_tools()
    assert {"plan_schedule", "add_unavailability", "call_sheet"} <= set(tools)
    assert tools["add_unavailability"].changes_production
    assert "who" in tools["add_unavailability"].args_model.model_fields


@pytest.mark.slow
def test_plan_then_unavailability_then_call_sheet(production: Production) -> None:
    result = get_tool("plan_schedule")(production, time_limit_s=5)
    assert result.kind == "schedule" and result.violations == []
    assert result.objective < result.baseline.objective
    written = {Path(f).name for f in result.files}
    assert written == {"schedule.json", "stripboard.html"}
    assert json.loads(Path(result.files[0]).read_text(encoding="utf-8"))["status"] == result.status
    assert result.sources and result.sources[0].file == "plan.yaml"

    # "劉Sir 3號唔得，重新排"
    again = get_tool("add_unavailability")(production, who="劉Sir", dates=["3號"])
    assert again.added_unavailability == {"INSPECTOR LAU": [date(2027, 3, 3)]}
    assert again.text.startswith("Recorded: INSPECTOR LAU unavailable 2027-03-03")
    lau_days = [
        d.date
        for d in again.days
        for s in d.scenes
        if s in {"5", "8", "9", "10", "14", "15", "16", "17", "19"}
    ]
    assert date(2027, 3, 3) not in lau_days
    assert load_overrides(production) == {"INSPECTOR LAU": [date(2027, 3, 3)]}
    assert (
        yaml.safe_load((SAMPLE_DIR / "plan.yaml").read_text(encoding="utf-8"))["cast"][0]["id"]
        == "DISPATCHER"
    )

    sheet = get_tool("call_sheet")(production, day=2)
    assert sheet.kind == "call_sheet" and sheet.day == 2
    assert sheet.date == again.days[1].date  # the cached plan the crew was shown
    assert [s.id for s in sheet.scenes] == again.days[1].scenes
    assert all(len(c.call) == 5 for c in sheet.cast)
    assert Path(sheet.files[0]).name == "callsheet_day2.html"
    # The breakdown feeds the sheet: the day's extras and stunts, each scene's props.
    assert "## Background and stunts" in sheet.markdown
    assert any(s.props for s in sheet.scenes)
    every_day = [get_tool("call_sheet")(production, day=d) for d in range(1, len(again.days) + 1)]
    assert any(c.stunts for c in every_day) and any(c.background for c in every_day)
    # A coordinator's edit reaches the next call sheet (the kept breakdown is keyed on the edits file).
    # A stunt adds to the scene's estimate unless the plan fixes its hours (issue 13), and a changed
    # estimate replans: the scene's call sheet is then the one for the day it is on now.
    scene = again.days[1].scenes[0]
    get_tool("edit_breakdown")(production, scene=scene, category="stunts", name="WIRE FALL 吊威也")
    replanned = plan_shoot(production, reuse=True)
    day = next(d.day for d in replanned.schedule.days if scene in d.scenes)
    edited = get_tool("call_sheet")(production, day=day)
    assert "WIRE FALL 吊威也" in [e.name for e in edited.stunts if e.scene == scene]


def test_a_call_sheet_by_date_and_the_days_without_shooting(production: Production) -> None:
    plan = get_tool("plan_schedule")(production, time_limit_s=5)
    third = plan.shooting_days[2]
    sheet = get_tool("call_sheet")(production, date=third.date.isoformat())
    assert sheet.day == 3 and sheet.date == third.date
    # A Sunday inside the shoot is a day off: the error names it and the nearest shooting days.
    sunday = next(when for when, why in plan.rest_days if why == "day off")
    assert sunday.strftime("%A") == "Sunday" and plan.days_off == ["sunday"]
    with pytest.raises(SlateError, match=r"Nothing is shot on .*Sunday") as caught:
        get_tool("call_sheet")(production, date=sunday.isoformat())
    assert "Nearest shooting days: day" in str(caught.value.hint)
    with pytest.raises(SlateError, match="Not a date"):
        get_tool("call_sheet")(production, date="3rd of Smarch")


def test_unknown_person_names_the_nearest(production: Production) -> None:
    with pytest.raises(CharacterNotFound) as info:
        get_tool("add_unavailability")(production, who="AH FIA", dates=["2027-03-03"])
    assert "AH FAI" in info.value.nearest


def test_no_plan_is_a_clear_error(tmp_path: Path) -> None:
    bare = Production(name="empty", project_dir=tmp_path)
    with pytest.raises(SlateError, match="has no production plan"):
        get_tool("plan_schedule")(bare)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-03", date(2027, 3, 3)),
        ("3號", date(2027, 3, 3)),
        ("3/3", date(2027, 3, 3)),
        ("3月4號", date(2027, 3, 4)),
        ("4th", date(2027, 3, 4)),
        ("２號", date(2027, 3, 2)),
        ("1", date(2027, 3, 1)),
    ],
)
def test_request_dates(text: str, expected: date) -> None:
    from knowledge.plan import load_plan

    assert parse_request_date(text, load_plan(SAMPLE_DIR / "plan.yaml")) == expected


def test_request_date_that_is_not_a_date() -> None:
    from knowledge.plan import load_plan

    with pytest.raises(SlateError, match="Not a date"):
        parse_request_date("next Tuesday", load_plan(SAMPLE_DIR / "plan.yaml"))


# --- CLI ----------------------------------------------------------------------------------------


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE_DIR, folder)
    return folder


@pytest.mark.slow
def test_cli_schedule_summary_and_exports(sample_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan, script = str(sample_copy / "plan.yaml"), str(sample_copy / "night_shift.fountain")
    assert main(["schedule", plan, "--script", script, "--time-limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "plan:" in out and "Stripboard baseline" in out and "Day 1 2027-03-01" in out
    assert main(["schedule", plan, "--script", script, "--time-limit", "3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["days"] and data["baseline"]["objective"] > 0
    assert set(data) == {
        "status",
        "days",
        "holding_cost",
        "company_moves",
        "total_days",
        "objective",
        "lower_bound",
        "gap",
        "bound_meaningful",
        "bound_basis",
        "method",
        "baseline",
        "dood",
        "violations",
        "off_block_days",
        "block_misses",
        "scenes",  # the breakdown's stunts, SFX, equipment and added hours per scene (issue 13)
    }
    target = sample_copy / "out.xlsx"
    assert main(["schedule", plan, "--script", script, "--time-limit", "3", "-o", str(target)]) == 0
    from openpyxl import load_workbook

    assert load_workbook(target).sheetnames == ["Stripboard", "Day out of days", "One-liner"]
    assert main(["callsheet", plan, "--script", script, "--day", "1", "--time-limit", "3"]) == 0
    assert "# Call sheet" in capsys.readouterr().out


def test_cli_plan_alone_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "start_date: 2027-03-01\ncast:\n  - {id: A, daily_rate: 10}\nscenes:\n"
        "  - {id: 1, cast: [A], est_hours: 3}\n  - {id: 2, cast: [A], est_hours: 11}\n",
        encoding="utf-8",
    )
    assert main(["schedule", str(plan), "--time-limit", "2", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("Day,Date,Weekday,Scene")
    assert main(["callsheet", str(plan), "--day", "9", "--time-limit", "2"]) == 2
    assert "no shooting day 9" in capsys.readouterr().err
    assert main(["schedule", str(plan), "--time-limit", "2", "--format", "xlsx"]) == 2
    assert "needs a file" in capsys.readouterr().err
    plan.write_text(
        "start_date: 2027-03-01\ncast: [{id: A}]\nscenes:\n  - {id: 1, cast: [B], est_hours: 3}\n",
        encoding="utf-8",
    )
    assert main(["schedule", str(plan)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"slate: error: {plan}:4: Unknown cast id 'B'")
    assert "scenes[1] (id '1')" in err


TINY_PLAN = """\
production: tiny
start_date: 2027-03-01
days_off: [sunday]
cast:
  - {{id: MEI, daily_rate: 1000, unavailable: [{mei_off}]}}
  - {{id: AH FAI, daily_rate: 2000}}
scenes:
  - {{id: "1", location: ROOFTOP, cast: [MEI], est_hours: 8}}
  - {{id: "2", location: TAXI, cast: [AH FAI, MEI], est_hours: 8}}
  - {{id: "3", location: ROOFTOP, cast: [AH FAI], est_hours: 3}}
"""


def test_a_plan_proven_optimal_is_reused_for_the_same_inputs_only(tmp_path: Path) -> None:
    from tools.schedule.tools import plan_shoot

    plan = tmp_path / "plan.yaml"
    plan.write_text(TINY_PLAN.format(mei_off="2027-03-02"), encoding="utf-8")
    production = Production.from_files(plan=plan, name="tiny", output_dir=tmp_path / "project")
    first = plan_shoot(production, time_limit_s=10, num_workers=1).schedule
    assert first.status == "optimal"
    cache = production.artifacts_dir / "schedule_cache.json"
    key = json.loads(cache.read_text(encoding="utf-8"))["key"]
    again = plan_shoot(production, time_limit_s=10, num_workers=1).schedule
    assert again == first  # the very record, its timing included: nothing was searched again
    # A plan not proven optimal is reused only for a request with no more time than it had.
    record = json.loads(cache.read_text(encoding="utf-8"))
    record["schedule"]["status"], record["time_limit_s"] = "feasible", 5
    cache.write_text(json.dumps(record), encoding="utf-8")
    assert plan_shoot(production, time_limit_s=5, num_workers=1).schedule.status == "feasible"
    assert plan_shoot(production, time_limit_s=8, num_workers=1).schedule.status == "optimal"
    assert json.loads(cache.read_text(encoding="utf-8"))["time_limit_s"] == 8
    plan.write_text(TINY_PLAN.format(mei_off="2027-03-01"), encoding="utf-8")
    changed = plan_shoot(production, time_limit_s=10, num_workers=1).schedule
    assert json.loads(cache.read_text(encoding="utf-8"))["key"] != key
    assert all(date(2027, 3, 1) != day.date or "1" not in day.scenes for day in changed.days)
