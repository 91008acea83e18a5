"""The model path over real HTTP: ChatOpenAI and the openai client against a scripted OpenAI-compatible stub.

Covers a tool-call round trip with streaming, and each failure (bad key, rate limit, timeout, refused
connection, malformed tool call): the turn still gets an answer, from the offline planner, with a sentence
saying why.
"""

from __future__ import annotations

import json
import socket

import pytest

from agent.models import ModelInfo, build_chat_openai
from agent.service import SlateAgent
from knowledge.production import Production
from slate.settings import Settings
from tests.agent.fakes import OpenAIStub
from tools.registry import all_tools

pytestmark = pytest.mark.server


def agent_for(production: Production, base_url: str, timeout: float = 5.0) -> SlateAgent:
    settings = Settings(
        llm="openai", openai_base_url=base_url, model="stub-model", llm_timeout=timeout, llm_retries=0
    )
    model = build_chat_openai(settings)
    return SlateAgent(production, model, ModelInfo("openai", "stub-model", base_url))


def test_tool_call_round_trip_streams_over_http(production: Production) -> None:
    script = [
        {
            "tool_calls": [
                {"name": "find_scenes", "arguments": json.dumps({"location": "天台", "time_of_day": "NIGHT"})}
            ]
        },
        {"content": "天台夜景有第17場。"},
    ]
    with OpenAIStub(script) as stub:
        agent = agent_for(production, stub.base_url)
        events = list(agent.stream("天台有邊幾場夜戲？", session="http-1"))
    tokens = "".join(e.text or "" for e in events if e.type == "token")
    assert tokens == "天台夜景有第17場。"  # streamed in pieces, reassembled
    assert [e.name for e in events if e.type == "tool_start"] == ["find_scenes"]
    result = events[-1].result
    assert result is not None
    assert result.answer == "天台夜景有第17場。"
    assert result.provenance.language_model_wrote_answer is True
    assert result.provenance.answered_by == "stub-model"
    assert result.usage.model == "stub-model" and result.usage.total_tokens > 0
    # The tools were offered to the server and the tool result went back as marked data.
    # Every registered tool is offered, each with the registry's argument schema.
    offered = {t["function"]["name"]: t["function"] for t in stub.requests[0]["tools"]}
    assert set(offered) == set(all_tools())
    assert set(offered["find_scenes"]["parameters"]["properties"]) == set(
        all_tools()["find_scenes"].args_model.model_fields
    )
    tool_turn = stub.requests[1]["messages"][-1]
    assert tool_turn["role"] == "tool" and tool_turn["content"].startswith("<tool-data>")
    assert all(r["stream"] for r in stub.requests)


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        ({"status": 401, "error": "Incorrect API key"}, "refused the API key"),
        ({"status": 429, "error": "Rate limit reached"}, "rate-limited"),
        ({"sleep": 3, "content": "too late"}, "did not answer in time"),
        ({"tool_calls": [{"name": "find_scenes", "arguments": '"not an object"'}]}, "malformed"),
        ({"tool_calls": [{"name": "delete_everything", "arguments": "{}"}]}, "malformed"),
    ],
)
def test_model_failures_fall_back_to_the_planner(production: Production, step: dict, reason: str) -> None:
    with OpenAIStub([step]) as stub:
        agent = agent_for(production, stub.base_url, timeout=1.0)
        result = agent.ask("Which scenes are on the rooftop at night?", session="fail")
    assert reason in result.answer
    assert "offline planner" in result.answer
    assert result.provenance.fallback_reason and reason in result.provenance.fallback_reason
    assert result.provenance.language_model_wrote_answer is False
    assert [c.name for c in result.tool_calls] == ["find_scenes"]  # the planner did the work
    assert "17" in [r["number"] for r in result.artifacts[0].data["scenes"]]


def test_refused_connection_falls_back(production: Production) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends: nothing listens there
    agent = agent_for(production, f"http://127.0.0.1:{port}/v1", timeout=2.0)
    result = agent.ask("劉督察喺邊幾場出現？", session="refused")
    assert "Could not connect" in result.answer
    assert "改由離線助手回答" in result.answer  # the note follows the person's language
    assert result.tool_calls[0].name == "find_scenes"
