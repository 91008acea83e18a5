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
    "schedule": ("plan_schedule",),
    "shotlist": ("draft_shot_list", "get_shot_list"),
    "subs": ("check_subtitles",),
    "search": ("search_documents",),
}  # fmt: skip

# What the CLI does that no registered tool answers, so the commands do it themselves:
# - `slate schedule -o/--format`: exports (JSON, CSV, XLSX, ICS, HTML) of the plan `plan_schedule`
#   made, read back from the project's cache. With --workers or a --time-limit past the tool's
#   bound the command plans directly with the same planner (`plan_shoot`).
# - `slate callsheet`: the `call_sheet` tool plans with the chat's 10 seconds and answers with HH:MM
#   times; the command keeps --time-limit/--workers and prints the whole sheet (JSON, Markdown,
#   HTML). With --project both reuse the plan cached by `slate schedule` or the chat.
# - `slate search --location/--time`, -k past 20, or a --character the production does not know:
#   the store itself (`search_documents` takes none of these).
# - `slate subs check --format`, or a house profile named from SLATE_HOME/profiles or ./profiles:
#   checked directly (the tool reads profiles from the project's folder only).
# - `slate subs fix|shift|fps|convert|merge|split|transcribe|shots` and `slate deliverables`: file
#   conversions to the paths and encodings given with -o. Their tools (fix_subtitles,
#   shift_subtitles, merge_subtitles, convert_subtitle_script, transcribe_media, find_shot_changes,
#   make_dialogue_list, make_adr_list) write only into the production's outputs folder under names
#   of their own, and fps/split/format conversion have no tool; both call the same operations in
#   tools/subtitles/operations.py and tools/media/operations.py.
# - `slate shotlist import`: no tool imports a shot list (the crew's spreadsheet is read directly).


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


def test_shot_lists_are_the_same_from_the_cli_the_api_and_the_chat(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tools.shot_list import ShotListResult

    cli = _cli_json(capsys, "shotlist", "3", "--script", str(SCRIPT), "--rules-only", "--format", "json")
    slate = Slate.from_script(SCRIPT)  # what `slate shotlist --script FILE` reads: the script alone
    api = slate.tool("draft_shot_list", scene="3")
    chat = _chat_result(slate, "draft a shot list for scene 3", "draft_shot_list")
    assert isinstance(api, ShotListResult) and isinstance(chat, ShotListResult)
    shots = cli["shots"]
    assert shots == api.model_dump(mode="json")["shots"] == chat.model_dump(mode="json")["shots"]
    assert [cli["version"], api.version, chat.version] == [1, 2, 3]  # each draft is saved as a version
    latest = _cli_json(capsys, "shotlist", "3", "--latest", "--script", str(SCRIPT), "--format", "json")
    saved = slate.tool("get_shot_list", scene="3")
    assert latest == saved.shot_list.model_dump(mode="json")
    assert latest["version"] == 3 and latest["shots"] == shots


TINY_PLAN = """\
production: tiny
start_date: 2027-03-01
days_off: [sunday]
cast:
  - {id: MEI, daily_rate: 1000, unavailable: [2027-03-02]}
  - {id: AH FAI, daily_rate: 2000}
scenes:
  - {id: "1", location: ROOFTOP, cast: [MEI], est_hours: 8}
  - {id: "2", location: TAXI, cast: [AH FAI, MEI], est_hours: 8}
  - {id: "3", location: ROOFTOP, cast: [AH FAI], est_hours: 3}
"""


def test_schedules_are_the_same_from_the_cli_the_api_and_the_chat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from knowledge.production import Production
    from tools.schedule.tools import ScheduleResult

    # A plan small enough to be proven optimal at once: a plan cut short by its time limit may be
    # another equally good one, so only a proven plan is the same answer by construction.
    plan = tmp_path / "plan.yaml"
    plan.write_text(TINY_PLAN, encoding="utf-8")
    capsys.readouterr()
    assert main(["schedule", str(plan), "--time-limit", "10"]) == 0
    summary = capsys.readouterr().out
    exported = _cli_json(capsys, "schedule", str(plan), "--time-limit", "10", "--format", "json")
    slate = Slate("tiny")
    slate._production = Production.from_files(plan=plan, name="tiny")  # what `slate schedule PLAN` reads
    api = slate.tool("plan_schedule")
    chat = _chat_result(slate, "plan the shoot", "plan_schedule")
    assert isinstance(api, ScheduleResult) and isinstance(chat, ScheduleResult)
    assert api.status == chat.status == exported["status"] == "optimal"
    assert summary.startswith(api.text + "\n") and api.text == chat.text
    days = [(day["date"], day["scenes"]) for day in exported["days"]]
    assert (
        days
        == [(d.date.isoformat(), d.scenes) for d in api.days]
        == [(d.date.isoformat(), d.scenes) for d in chat.days]
    )
    assert exported["objective"] == api.objective == chat.objective


SUBTITLES = SAMPLE_DIR / "rough_subtitles.zh-en.srt"


def test_subtitle_checks_are_the_same_from_the_cli_the_api_and_the_chat(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tools.subtitles.models import SubtitleReport

    cli = _cli_json(capsys, "subs", "check", str(SUBTITLES), "--json")
    slate = Slate.from_script(SCRIPT)
    slate.production.subtitle_paths.append(SUBTITLES)
    api = slate.tool("check_subtitles", file=SUBTITLES.name)
    chat = _chat_result(slate, "check the subtitles", "check_subtitles")
    assert isinstance(api, SubtitleReport) and isinstance(chat, SubtitleReport)
    issues = cli["issues"]
    assert issues == [i.as_json() for i in api.issues] == [i.as_json() for i in chat.issues]
    assert issues and cli["profile"] == api.profile == chat.profile
    assert cli["file"] == str(SUBTITLES) and api.file == chat.file == SUBTITLES.name


def test_search_hits_are_the_same_from_the_cli_the_api_and_the_chat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.knowledge.knowledge_fixtures import write_mini_production
    from tools.script_lookup import SearchResult

    monkeypatch.setenv("SLATE_EMBEDDER", "fake")
    slate = Slate("mini")
    slate.ingest(write_mini_production(tmp_path / "mini"))
    turn = slate.ask("search the documents for the rooftop")
    (call,) = turn.tool_calls
    assert call.name == "search_documents"
    (record,) = turn.artifacts
    chat = get_tool("search_documents").load_result(record.data)
    query, k = call.args["query"], call.args["k"]  # the CLI is asked what the chat asked the tool
    cli = _cli_json(capsys, "search", query, "--project", "mini", "-k", str(k), "--json")
    api = slate.tool("search_documents", query=query, k=k)
    assert isinstance(api, SearchResult) and isinstance(chat, SearchResult)
    assert (
        cli == [h.model_dump(mode="json") for h in api.hits] == [h.model_dump(mode="json") for h in chat.hits]
    )
    assert cli
    scene = _cli_json(
        capsys, "search", "phone", "--project", "mini", "--character", "劉Sir", "--scene", "4", "--json"
    )
    filtered = slate.tool("search_documents", query="phone", character="劉Sir", scene="4")
    assert isinstance(filtered, SearchResult)
    assert scene == [h.model_dump(mode="json") for h in filtered.hits] and scene
