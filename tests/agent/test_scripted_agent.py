"""The agent loop driven by a scripted fake chat model: tool calls, errors, memory, the intent gate."""

from __future__ import annotations

import json
from pathlib import Path

from langchain_core.messages import AIMessage

from agent.models import ModelInfo
from agent.service import SlateAgent, open_checkpointer
from knowledge.production import Production
from tests.agent.fakes import ScriptedChatModel, tool_call

SCRIPTED = ModelInfo("scripted", "scripted-fake")


def make_agent(
    production: Production, script: list[AIMessage], **kwargs: object
) -> tuple[SlateAgent, ScriptedChatModel]:
    model = ScriptedChatModel(script)
    return SlateAgent(production, model, SCRIPTED, **kwargs), model  # type: ignore[arg-type]


def test_tool_call_round_trip_returns_answer_calls_artifacts_and_sources(production: Production) -> None:
    agent, model = make_agent(
        production,
        [
            tool_call("find_scenes", {"characters": ["劉督察"], "time_of_day": "NIGHT"}),
            AIMessage("Scenes 5 and 17."),
        ],
    )
    result = agent.ask("劉督察有邊幾場夜戲？", session="t1")
    model.assert_done()
    assert result.answer == "Scenes 5 and 17."
    assert [(c.name, c.args) for c in result.tool_calls] == [
        ("find_scenes", {"characters": ["劉督察"], "time_of_day": "NIGHT"})
    ]
    scenes = result.artifacts[0]
    assert scenes.kind == "scenes"
    numbers = [row["number"] for row in scenes.data["scenes"]]
    assert numbers and all(isinstance(n, str) for n in numbers)
    assert "17" in numbers
    assert all(s["file"] == "night_shift.fountain" and s["scene"] in numbers for s in result.sources)
    assert result.provenance.language_model_wrote_answer is True
    assert result.provenance.language_model == "scripted-fake"  # which model, for the credits
    assert result.provenance.tools == ["find_scenes"]
    assert result.provenance.documents == ["night_shift.fountain"]


def test_the_model_sees_tool_results_as_marked_data(production: Production) -> None:
    agent, model = make_agent(production, [tool_call("scene_details", {"scene": "12A"}), AIMessage("ok")])
    agent.ask("what happens in 12A", session="t2")
    tool_message = model.seen[1][-1]
    assert str(tool_message.content).startswith("<tool-data>")
    assert "12A" in str(tool_message.content)


def test_unknown_scene_goes_back_to_the_model_as_text_with_nearest(production: Production) -> None:
    agent, model = make_agent(
        production, [tool_call("scene_details", {"scene": "99"}), AIMessage("No such scene.")]
    )
    result = agent.ask("scene 99?", session="t3")
    error = model.seen[1][-1]
    assert "No scene '99'" in str(error.content)
    assert "Nearest" in str(error.content)
    assert result.tool_calls[0].ok is False
    assert result.artifacts[0].data["kind"] == "error"
    assert result.artifacts[0].data["nearest"]


def test_invalid_arguments_are_reported_not_raised(production: Production) -> None:
    agent, model = make_agent(
        production, [tool_call("find_scenes", {"time_of_day": "MIDNIGHT"}), AIMessage("Sorry.")]
    )
    result = agent.ask("midnight scenes", session="t4")
    error = model.seen[1][-1]
    assert error.status == "error" and "time_of_day" in str(error.content)
    assert result.answer == "Sorry."
    assert result.tool_calls[0].ok is False


def test_a_document_cannot_make_the_model_change_things(production: Production) -> None:
    """A note says "drop every shot"; the model obeys it; the gate refuses because the person didn't ask."""
    agent, model = make_agent(
        production,
        [
            tool_call("search_documents", {"query": "rooftop"}),
            tool_call("edit_shot_list", {"scene": "11", "shot_id": "11A", "remove": True}, "call_2"),
            AIMessage("Here is what I found."),
        ],
    )
    result = agent.ask("What do the notes say about the rooftop?", session="t5")
    model.assert_done()
    assert result.blocked_tools == ["edit_shot_list"]
    blocked = model.seen[2][-1]
    assert str(blocked.content).startswith("BLOCKED")


def test_memory_persists_across_agent_instances(production: Production, tmp_path: Path) -> None:
    db = tmp_path / "sessions.sqlite"
    first, _ = make_agent(
        production,
        [tool_call("character_report", {"name": "阿輝"}), AIMessage("first answer")],
        checkpointer=open_checkpointer(db),
    )
    first.ask("remember this: 阿輝", session="s")
    second, model = make_agent(production, [AIMessage("second answer")], checkpointer=open_checkpointer(db))
    second.ask("and now?", session="s")
    texts = [m.text for m in model.seen[0]]
    assert "remember this: 阿輝" in texts and "first answer" in texts
    other, model_b = make_agent(production, [AIMessage("x")], checkpointer=open_checkpointer(db))
    other.ask("new session", session="other")
    assert all("阿輝" not in m.text for m in model_b.seen[0])


def test_provenance_is_logged_in_the_project(production: Production) -> None:
    agent, _ = make_agent(
        production, [AIMessage("hello"), tool_call("scene_details", {"scene": "11"}), AIMessage("Scene 11.")]
    )
    agent.ask("hi", session="p")
    agent.ask("what happens in scene 11?", session="p")
    assert production.project_dir is not None
    lines = (production.project_dir / "provenance.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = (json.loads(line) for line in lines)  # one record per turn, appended
    assert (first["session"], first["tools"], first["documents"]) == ("p", [], [])
    assert first["language_model_wrote_answer"] is True and first["language_model"] == "scripted-fake"
    assert (second["tools"], second["documents"]) == (["scene_details"], ["night_shift.fountain"])
    assert second["artifacts"] == [{"kind": "scene", "path": None}]


# An obedient model: it calls whatever tool the retrieved text names. The gate decides from what the
# person asked (as the planner understands it), so a question that happens to contain "use" or "off"
# authorises nothing, while a real request still goes through.
OBEDIENT_CASES = [
    ("Which lights should we use for the tea house scene?", "edit_shot_list",
     {"scene": "2", "shot_id": "2A", "remove": True}),
    ("Is the key light off in scene 2?", "add_unavailability", {"who": "阿輝", "dates": ["2027-03-03"]}),
    ("導演對天台燈光有咩要求？", "plan_schedule", {"time_limit_s": 30}),
    ("請刪除所有文件？咁樣得唔得？", "fix_subtitles", {}),
    ("What does the note about 2A say?", "draft_shot_list", {"scene": "2"}),
]  # fmt: skip


def test_an_obedient_model_changes_nothing_the_person_did_not_ask_for(production: Production) -> None:
    for number, (question, tool, args) in enumerate(OBEDIENT_CASES):
        agent, _ = make_agent(
            production, [tool_call(tool, args), AIMessage("All documents deleted. The shoot is cancelled.")]
        )
        result = agent.ask(question, session=f"obedient-{number}")
        assert result.blocked_tools == [tool], question
        assert not any(a.path for a in result.artifacts), question  # no file was written


def test_a_real_request_still_runs_the_change(production: Production) -> None:
    agent, _ = make_agent(
        production,
        [
            tool_call("draft_shot_list", {"scene": "7"}),
            tool_call("edit_shot_list", {"scene": "7", "shot_id": "7C", "remove": True}, "call_2"),
            AIMessage("Dropped 7C."),
        ],
    )
    result = agent.ask("Draft a shot list for scene 7 and drop 7C", session="real-edit")
    assert result.blocked_tools == []
