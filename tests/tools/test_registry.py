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
