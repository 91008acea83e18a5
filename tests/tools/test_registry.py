"""The one tool registry: names pinned, every tool documented and typed."""

from __future__ import annotations

from pydantic import BaseModel

from tools.registry import TOOL_MODULES, ToolResult, all_tools

EXPECTED = [
    "find_scenes",
    "scene_details",
    "character_report",
    "location_report",
    "search_documents",
    "production_overview",
    "cast_summary",
    "draft_shot_list",
    "edit_shot_list",
    "get_shot_list",
    "plan_schedule",
    "add_unavailability",
    "call_sheet",
    "check_subtitles",
    "fix_subtitles",
    "convert_subtitle_script",
    "merge_subtitles",
    "shift_subtitles",
    "translate_subtitles",
    "transcribe_media",
    "find_shot_changes",
    "make_dialogue_list",
    "make_adr_list",
    "breakdown_scenes",
    "element_report",
    "department_list",
    "edit_breakdown",
    "import_breakdown",
    "compare_drafts",
    "list_drafts",
    "draft_changes",
    "plan_settings",
]


def test_registered_names_are_pinned() -> None:
    assert sorted(all_tools()) == sorted(EXPECTED)


def test_every_tool_module_imports() -> None:
    import importlib

    for module in TOOL_MODULES:
        importlib.import_module(module)  # a missing module must fail here, not silently drop tools


def test_every_tool_is_documented_and_typed() -> None:
    import typing

    for name, spec in all_tools().items():
        assert spec.description and len(spec.description) < 300, name
        assert issubclass(spec.args_model, BaseModel)
        for field_name, field in spec.args_model.model_fields.items():
            assert field.description, f"{name}.{field_name} has no description"
        result_type = typing.get_type_hints(spec.func)["return"]
        assert issubclass(result_type, ToolResult), name


def test_closed_set_arguments_match_case_insensitively_and_bad_ones_say_why(sample_dir) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from knowledge.production import Production
    from tools.registry import ToolArgumentError, get_tool

    production = Production.from_files(
        sample_dir / "night_shift.fountain", locations=sample_dir / "locations.csv"
    )
    found = get_tool("find_scenes").invoke(production, {"location": "天台", "time_of_day": "night"})
    assert [row.number for row in found.scenes] == ["11", "17"]  # type: ignore[attr-defined]
    with pytest.raises(ToolArgumentError, match="time_of_day") as caught:
        get_tool("find_scenes").invoke(production, {"time_of_day": "midnight"})
    assert caught.value.value == "midnight"
    with pytest.raises(ToolArgumentError, match="colour"):
        get_tool("find_scenes").invoke(production, {"colour": "blue"})


# Every tool's result model and whether it changes the production (writes saved state or files): the
# gate on a connected model reads this flag, so a new writer must say so here.
RESULTS_AND_POLICY = {
    "add_unavailability": ("ScheduleResult", True),
    "call_sheet": ("CallSheetResult", True),
    "cast_summary": ("CastSummary", False),
    "character_report": ("CharacterReport", False),
    "check_subtitles": ("SubtitleReport", False),
    "convert_subtitle_script": ("SubtitleOutput", True),
    "draft_shot_list": ("ShotListResult", True),
    "edit_shot_list": ("ShotListResult", True),
    "find_scenes": ("ScenesResult", False),
    "find_shot_changes": ("ShotChangesResult", True),
    "fix_subtitles": ("SubtitleOutput", True),
    "get_shot_list": ("ShotListResult", False),
    "location_report": ("LocationReport", False),
    "make_adr_list": ("AdrListResult", True),
    "make_dialogue_list": ("DialogueListResult", True),
    "merge_subtitles": ("SubtitleOutput", True),
    "plan_schedule": ("ScheduleResult", True),
    "production_overview": ("Overview", False),
    "scene_details": ("SceneDetail", False),
    "search_documents": ("SearchResult", False),
    "shift_subtitles": ("SubtitleOutput", True),
    "transcribe_media": ("TranscriptionResult", True),
    "translate_subtitles": ("SubtitleOutput", True),
    "breakdown_scenes": ("BreakdownResult", True),
    "element_report": ("ElementReportResult", False),
    "department_list": ("ElementReportResult", True),
    "edit_breakdown": ("BreakdownResult", True),
    "import_breakdown": ("BreakdownResult", True),
    "compare_drafts": ("RevisionReport", True),
    "list_drafts": ("DraftsResult", False),
    "draft_changes": ("RevisionReport", False),
    "plan_settings": ("PlanSettings", False),
}


def test_every_tool_declares_its_result_model_and_whether_it_changes_the_production() -> None:
    import typing

    found = {}
    for name, spec in all_tools().items():
        result = typing.get_type_hints(spec.func)["return"]
        assert issubclass(result, ToolResult), name
        found[name] = (result.__name__, spec.changes_production)
    assert found == RESULTS_AND_POLICY
