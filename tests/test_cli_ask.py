"""`slate ask`, called in-process: the issue's JSON contract, follow-ups across runs, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slate.cli import main
from tests.knowledge.knowledge_fixtures import write_mini_production

PROJECT = "夜更"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("SLATE_EMBEDDER", "fake")
    folder = write_mini_production(tmp_path / "files")
    assert main(["ingest", str(folder), "--project", PROJECT]) == 0
    capsys.readouterr()
    return PROJECT


def _ask(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["ask", *argv, "--json"]) == 0
    out = capsys.readouterr().out
    assert "\\u" not in out  # Chinese stays readable
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_json_turn_has_the_contract_fields(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    turn = _ask(capsys, "劉督察喺邊幾場出現？", "--project", project, "--session", "s1")
    assert {"answer", "tool_calls", "sources", "artifacts", "usage"} <= set(turn)
    assert turn["language"] == "zh" and "3" in str(turn["answer"]) and "4" in str(turn["answer"])
    calls = turn["tool_calls"]
    assert isinstance(calls, list)
    assert [(c["name"], c["args"]) for c in calls] == [("find_scenes", {"characters": ["INSPECTOR LAU"]})]
    (artifact,) = turn["artifacts"]  # type: ignore[misc]
    assert artifact["kind"] == "scenes" and "path" in artifact
    assert [row["number"] for row in artifact["data"]["scenes"]] == ["3", "4"]  # numbers as strings
    sources = turn["sources"]
    assert isinstance(sources, list) and sources
    assert all(s["file"] == "night.fountain" and s["doc_type"] == "screenplay" for s in sources)
    assert {s["scene"] for s in sources} == {"3", "4"} and all(s["lines"] for s in sources)
    usage = turn["usage"]
    assert isinstance(usage, dict) and usage["model"] == "offline planner"
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0
    assert turn["provenance"]["language_model_wrote_answer"] is False  # type: ignore[index]


def test_a_follow_up_in_the_same_session_reads_the_previous_turn(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _ask(capsys, "Which scenes is Inspector Lau in?", "--project", project, "--session", "crew-1")
    # A new process would open the same SQLite memory: each main() call opens the agent afresh.
    follow = _ask(capsys, "which of those are at night?", "--project", project, "--session", "crew-1")
    (call,) = follow["tool_calls"]  # type: ignore[misc]
    assert call["name"] == "find_scenes" and call["args"]["numbers"] == ["3", "4"]
    assert [row["number"] for row in follow["artifacts"][0]["data"]["scenes"]] == ["4"]  # type: ignore[index]
    fresh = _ask(capsys, "which of those are at night?", "--project", project, "--session", "crew-2")
    assert all("numbers" not in c["args"] for c in fresh["tool_calls"])  # type: ignore[union-attr]


def test_plain_output_is_the_answer_with_a_footer_on_stderr(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "Which scenes is Inspector Lau in?", "--project", project, "--session", "p"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("2 scenes with INSPECTOR LAU") and "night.fountain" in out
    assert err.strip().startswith("[offline planner ·") and err.strip().endswith("session p]")


def test_unknown_project_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "hello", "--project", "no-such-film", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("slate: error: No project called 'no-such-film'")
    assert len(captured.err.strip().splitlines()) == 1
