"""One session, one turn at a time: `slate ask --session S` run ten times at once, in ten processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from slate.cli import main
from tests.knowledge.knowledge_fixtures import write_mini_production

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "What happens in scene 1?",
    "What happens in scene 2?",
    "What happens in scene 3?",
    "Which scenes is Inspector Lau in?",
    "劉督察喺邊幾場出現？",
    "第二場發生咩事？",
    "Which scenes are at night?",
    "Who is in scene 3?",
    "邊幾場係夜戲？",
    "What do the notes say about the phone?",
]


def test_ten_processes_on_one_session_each_get_their_own_answer_and_every_turn_is_kept(
    tmp_path: Path, slate_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLATE_EMBEDDER", "fake")
    assert main(["ingest", str(write_mini_production(tmp_path / "files")), "--project", "night"]) == 0
    capsys.readouterr()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SLATE_HOME": str(slate_home), "SLATE_EMBEDDER": "fake"}
    argv = [sys.executable, "-m", "slate", "ask", "--project", "night", "--session", "shared", "--json"]
    processes = [
        subprocess.Popen([*argv, question], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for question in QUESTIONS
    ]
    answers: dict[str, str] = {}
    for question, process in zip(QUESTIONS, processes, strict=True):
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err.decode("utf-8", "replace")
        turn = json.loads(out)
        assert turn["answer"].strip(), question
        answers[question] = turn["answer"]

    from agent.service import open_agent
    from core.settings import load_settings

    history = open_agent(load_settings(), "night").history("shared")
    asked = [m.text for m in history if isinstance(m, HumanMessage)]
    assert sorted(asked) == sorted(QUESTIONS)  # all ten turns kept, none twice
    for index, message in enumerate(history):
        if isinstance(message, HumanMessage):  # each turn's answer is the one its process printed
            reply = next(m for m in history[index + 1 :] if isinstance(m, AIMessage) and not m.tool_calls)
            assert answers[message.text].endswith(reply.text), message.text
