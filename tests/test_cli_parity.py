"""The CLI, the Python API and the chat give the same answer to the same question.

Every CLI command that answers what a registered tool answers calls that tool through the registry
(`slate.commands.call_tool`), so it takes the same arguments and returns the same rows. For each of
them: the CLI's JSON, the API's result and, where a chat question routes to the tool, the chat's
result hold the same answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from slate import Slate
from slate.cli import main
from tests.conftest import SAMPLE_DIR
from tools.registry import ToolResult, all_tools, get_tool

REPO = Path(__file__).resolve().parent.parent
SCRIPT = SAMPLE_DIR / "night_shift.fountain"
CAST = SAMPLE_DIR / "cast.csv"

# CLI command module → the registered tools it answers with (a new command that answers what a
# tool answers goes here, and the test below checks it calls the tool through the registry).
CLI_TOOLS: dict[str, tuple[str, ...]] = {
    "scenes": ("find_scenes",),
    "breakdown": ("breakdown_scenes", "element_report", "department_list", "edit_breakdown", "import_breakdown"),
    "revisions": ("list_drafts", "compare_drafts"),
}  # fmt: skip


def test_cli_commands_call_their_tools_through_the_registry() -> None:
    tools = all_tools()
    for command, names in CLI_TOOLS.items():
        source = (REPO / "slate" / "commands" / f"{command}.py").read_text(encoding="utf-8")
        for name in names:
            assert name in tools, name
            assert f'"{name}",' in source and "call_tool(" in source, f"slate {command} → {name}"
            assert f"import {name}" not in source and f" {name}(" not in source, (
                f"{command} calls {name} directly"
            )


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _chat_result(slate: Slate, question: str, tool: str) -> ToolResult:
    turn = slate.ask(question)
    assert [c.name for c in turn.tool_calls] == [tool], question
    (record,) = [a for a in turn.artifacts if a.data.get("tool") == tool]
    return get_tool(tool).load_result(record.data)


SCENE_QUESTIONS = [
    (["--int-ext", "EXT"], {"int_ext": "EXT"}, "exterior scenes"),
    (["--time", "NIGHT"], {"time_of_day": "NIGHT"}, "night scenes"),
    (["--character", "阿美"], {"characters": ["阿美"]}, "which scenes is 阿美 in?"),
    (["--location", "rooftop", "--time", "NIGHT"], {"location": "rooftop", "time_of_day": "NIGHT"},
     "scenes on the rooftop at night"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "args", "question"), SCENE_QUESTIONS)
def test_scenes_are_the_same_from_the_cli_the_api_and_the_chat(
    capsys: pytest.CaptureFixture[str], argv: list[str], args: dict[str, Any], question: str
) -> None:
    from tools.script_lookup import ScenesResult

    cli = [row["number"] for row in _cli_json(capsys, "scenes", str(SCRIPT), *argv, "--json")]
    slate = Slate.from_script(SCRIPT)  # what `slate scenes FILE` reads: the script alone
    api = slate.scenes(**args)
    chat = _chat_result(slate, question, "find_scenes")
    assert isinstance(api, ScenesResult) and isinstance(chat, ScenesResult)
    assert cli == [row.number for row in api.scenes] == [row.number for row in chat.scenes]
    assert cli  # every question has an answer in the sample


def test_breakdown_sheets_are_the_same_from_the_cli_the_api_and_the_chat(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tools.breakdown.tools import BreakdownResult

    cli = _cli_json(
        capsys, "breakdown", "sheets", "--script", str(SCRIPT), "--cast", str(CAST), "--scene", "3", "--json"
    )
    slate = Slate.from_script(SCRIPT, cast=CAST)
    api = slate.tool("breakdown_scenes", scenes=["3"])
    chat = _chat_result(slate, "break down scene 3", "breakdown_scenes")
    assert isinstance(api, BreakdownResult) and isinstance(chat, BreakdownResult)
    assert cli["scenes"] == api.model_dump(mode="json")["scenes"] == chat.model_dump(mode="json")["scenes"]


def test_element_reports_and_drafts_are_the_same_from_the_cli_and_the_api(
    capsys: pytest.CaptureFixture[str],
) -> None:
    common = ["--script", str(SCRIPT), "--cast", str(CAST), "--json"]
    slate = Slate.from_script(SCRIPT, cast=CAST)
    report = _cli_json(capsys, "breakdown", "report", "TAXI", *common)
    assert report["rows"] == slate.tool("element_report", element="TAXI").model_dump(mode="json")["rows"]
    assert report["rows"]
    drafts = _cli_json(capsys, "revisions", "list", "--script", str(SCRIPT), "--json")
    assert drafts == slate.tool("list_drafts").model_dump(mode="json")
