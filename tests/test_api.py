"""The Python API over the same tools and agent."""

from __future__ import annotations

from pathlib import Path

from slate import Slate


def test_from_script_runs_tools_and_the_offline_agent(sample_dir: Path) -> None:
    slate = Slate.from_script(
        sample_dir / "night_shift.fountain",
        cast=sample_dir / "cast.csv",
        locations=sample_dir / "locations.csv",
    )
    night_roof = slate.scenes(location="天台", time_of_day="NIGHT")
    assert [row.number for row in night_roof.scenes] == ["11", "17"]  # type: ignore[attr-defined]
    answer = slate.ask("劉督察喺邊幾場出現？")
    assert answer.language == "zh"
    assert [c.name for c in answer.tool_calls] == ["find_scenes"]
    assert "第19場" in answer.answer


def test_tool_arguments_called_name_reach_the_tool(sample_dir: Path) -> None:
    slate = Slate.from_script(
        sample_dir / "night_shift.fountain",
        cast=sample_dir / "cast.csv",
        locations=sample_dir / "locations.csv",
    )
    assert slate.tool("character_report", name="阿美").name == "MEI"  # type: ignore[attr-defined]
    assert slate.tool("location_report", name="天台").name == "ROOFTOP"  # type: ignore[attr-defined]


def test_scenes_at_any_of_several_times_of_day(sample_dir: Path) -> None:
    slate = Slate.from_script(sample_dir / "night_shift.fountain")
    either = slate.scenes(times=["DAWN", "DUSK"])
    numbers = [row.number for row in either.scenes]  # type: ignore[attr-defined]
    assert "10" in numbers and "20" in numbers
    assert all(row.time_of_day in ("DAWN", "DUSK") for row in either.scenes)  # type: ignore[attr-defined]
    assert either.filters["times"] == ["DAWN", "DUSK"]  # type: ignore[attr-defined]
