"""The model path over real HTTP: SlateChatOpenAI and the openai client against a scripted OpenAI-compatible stub.

Covers a tool-call round trip with streaming, and each failure (bad key, rate limit, timeout, refused
connection, malformed tool call, context overflow, a cut-off stream, a stream that never ends): the turn
still gets an answer, from the offline planner, with a sentence in the person's language saying why.
Also the compatibility rules (tool_choice, max_tokens, "" content for tool-call messages, non-streaming
tool calls for llama-cpp-python) and cancellation reaching the HTTP request.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable

import pytest

from agent.models import ModelInfo, build_chat_openai
from agent.service import SlateAgent
from core.settings import Settings
from knowledge.production import Production
from tests.agent.fakes import OpenAIStub
from tools.registry import all_tools

pytestmark = pytest.mark.server


def agent_for(production: Production, base_url: str, timeout: float = 5.0, **options: object) -> SlateAgent:
    settings = Settings(
        llm="openai",
        openai_base_url=base_url,
        model="stub-model",
        llm_timeout=timeout,
        llm_retries=options.pop("llm_retries", 0),
        **options,  # type: ignore[arg-type]
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
    # The tools of the request's skills were offered (a handful, not the whole registry), each with
    # the registry's arguments, and the tool result went back as marked data.
    offered = {t["function"]["name"]: t["function"] for t in stub.requests[0]["tools"]}
    assert "find_scenes" in offered and len(offered) <= 8 < len(all_tools())
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
    assert "連接唔到語言模型伺服器" in result.answer  # the reason follows the person's language
    assert "改由離線助手回答" in result.answer
    assert result.provenance.fallback_reason and "Could not connect" in result.provenance.fallback_reason
    assert result.tool_calls[0].name == "find_scenes"


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Liveness, not timing: True as soon as `condition` holds, False if it never did."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_requests_carry_tool_choice_and_max_tokens(production: Production) -> None:
    with OpenAIStub([{"content": "天台夜景有第17場。"}]) as stub:
        agent = agent_for(production, stub.base_url, llm_max_tokens=333)
        agent.ask("天台有邊幾場夜戲？", session="limits")
    request = stub.requests[0]
    assert request["tool_choice"] == "auto" and request["tools"]
    assert request["max_tokens"] == 333 and "max_completion_tokens" not in request


def test_provenance_records_the_model_the_server_reports(production: Production) -> None:
    script = [
        {"tool_calls": [{"name": "find_scenes", "arguments": json.dumps({"location": "rooftop"})}]},
        {"content": "Scene 17.", "model": "qwen2.5-7b-instruct-q4_k_m.gguf"},
    ]
    with OpenAIStub(script) as stub:
        result = agent_for(production, stub.base_url).ask("Rooftop at night?", session="which")
    assert result.provenance.answered_by == "qwen2.5-7b-instruct-q4_k_m.gguf"
    assert result.provenance.language_model == "qwen2.5-7b-instruct-q4_k_m.gguf"
    assert result.usage.model == "qwen2.5-7b-instruct-q4_k_m.gguf"
    lines = (production.project_dir / "provenance.jsonl").read_text(encoding="utf-8").splitlines()  # type: ignore[operator]
    assert json.loads(lines[-1])["answered_by"] == "qwen2.5-7b-instruct-q4_k_m.gguf"


def test_a_stream_that_never_ends_is_cut_at_the_whole_call_deadline(production: Production) -> None:
    # Tokens keep coming, so no read timeout ever fires: only Slate's own deadline ends the call.
    with OpenAIStub([{"forever": True}]) as stub:
        agent = agent_for(production, stub.base_url, timeout=3)
        events = list(agent.stream("Which scenes are on the rooftop at night?", session="forever"))
        assert wait_for(lambda: stub.disconnects == 1)  # the HTTP request was closed, not left streaming
    result = events[-1].result
    assert result is not None
    assert "not finished after 3 s" in result.answer and "offline planner" in result.answer
    assert any(e.type == "discard" for e in events)  # the UI is told to take the streamed text back
    assert "17" in [r["number"] for r in result.artifacts[0].data["scenes"]]


def test_silence_before_the_first_byte_has_its_own_limit(production: Production) -> None:
    with OpenAIStub([{"sleep": 3, "content": "late"}]) as stub:
        agent = agent_for(production, stub.base_url, timeout=30, llm_first_byte_timeout=1)
        result = agent.ask("天台有邊幾場夜戲？", session="first-byte")
    assert "1 秒都冇回應" in result.answer and "改由離線助手回答" in result.answer


def test_a_cut_off_stream_is_retried_then_the_retry_answers(production: Production) -> None:
    script = [
        {
            "tool_calls": [
                {"name": "find_scenes", "arguments": json.dumps({"location": "天台", "time_of_day": "NIGHT"})}
            ]
        },
        {"cut": True, "content": "天台夜景有第"},
        {"content": "天台夜景有第17場。"},
    ]
    with OpenAIStub(script) as stub:
        agent = agent_for(production, stub.base_url, llm_retries=1)
        events = list(agent.stream("天台有邊幾場夜戲？", session="cut-once"))
    kinds = [e.type for e in events]
    assert kinds.index("discard") > kinds.index("token")  # the partial text is taken back
    result = events[-1].result
    assert result is not None and len(stub.requests) == 3
    assert result.answer == "天台夜景有第17場。" and result.provenance.language_model_wrote_answer


def test_a_stream_cut_off_twice_falls_back_and_never_counts_as_the_answer(production: Production) -> None:
    script = [{"cut": True, "content": "Scenes 1"}, {"cut": True, "content": "Scenes 1"}]
    with OpenAIStub(script) as stub:
        agent = agent_for(production, stub.base_url, llm_retries=1)
        result = agent.ask("Which scenes are on the rooftop at night?", session="cut-twice")
    assert "cut off" in result.answer and "offline planner" in result.answer
    assert "Scenes 1" not in result.answer
    assert result.provenance.language_model_wrote_answer is False


LLAMA_CPP_OVERFLOW = {
    "code": 400,
    "message": "the request exceeds the available context size, try increasing it",
    "type": "exceed_context_size_error",
    "n_prompt_tokens": 5123,
    "n_ctx": 4096,
}
VLLM_OVERFLOW = {
    "object": "error",
    "message": "This model's maximum context length is 4096 tokens. However, you requested 5123 tokens "
    "(4099 in the messages, 1024 in the completion). Please reduce the length of the messages or completion.",
    "type": "BadRequestError",
    "code": 400,
}


@pytest.mark.parametrize("body", [LLAMA_CPP_OVERFLOW, VLLM_OVERFLOW], ids=["llama.cpp", "vllm"])
def test_context_overflow_names_the_window_and_the_request(production: Production, body: dict) -> None:
    overflow = {"status": 400, "body": body}
    with OpenAIStub([overflow] * 4) as stub:  # each turn shrinks and retries once, then falls back
        agent = agent_for(production, stub.base_url)
        english = agent.ask("Which scenes are on the rooftop at night?", session="overflow-en")
        chinese = agent.ask("天台有邊幾場夜戲？", session="overflow-zh")
        assert len(stub.requests) == 4
    assert "5,123 tokens" in english.answer and "4,096 tokens" in english.answer
    assert "HTTP 400" not in english.answer
    assert "上下文長度（4,096 個 token）" in chinese.answer and "5,123" in chinese.answer


def test_a_server_error_is_named_and_advice_to_connect_a_model_is_not_given(production: Production) -> None:
    with OpenAIStub([{"status": 503, "error": "Loading model"}]) as stub:
        agent = agent_for(production, stub.base_url)
        result = agent.ask("Write a new scene where Mei confronts Lau on the rooftop", session="503")
    assert "HTTP 503: Loading model" in result.answer
    assert "Connect a model" not in result.answer and "SLATE_LLM=openai" not in result.answer


def test_a_follow_up_after_a_fallback_keeps_its_referent(production: Production) -> None:
    with OpenAIStub([{"status": 401, "error": "bad key"}, {"status": 401, "error": "bad key"}]) as stub:
        agent = agent_for(production, stub.base_url)
        agent.ask("Which scenes is Mei in?", session="follow")
        result = agent.ask("and which of those are at night?", session="follow")
    call = result.tool_calls[0]
    assert call.args.get("characters") == ["MEI"] and call.args.get("time_of_day") == "NIGHT"
    assert {r["number"] for r in result.artifacts[0].data["scenes"]} == {"2", "12", "13", "18"}


def test_llama_cpp_python_completes_a_tool_round_trip(production: Production) -> None:
    """Its quirks (see OpenAIStub): tool_choice must be sent, streamed tool calls fail, null content fails."""
    script = [
        {
            "tool_calls": [
                {"name": "find_scenes", "arguments": json.dumps({"location": "天台", "time_of_day": "NIGHT"})}
            ]
        },
        {"content": "天台夜景有第11同17場。"},
    ]
    with OpenAIStub(script, quirks="llama-cpp-python") as stub:
        agent = agent_for(production, stub.base_url)
        result = agent.ask("天台有邊幾場夜戲？", session="llama")
    assert result.answer == "天台夜景有第11同17場。" and result.provenance.language_model_wrote_answer
    assert [c.name for c in result.tool_calls] == ["find_scenes"]
    streamed, unstreamed, answer = stub.requests
    assert streamed["stream"] and not unstreamed["stream"] and not answer["stream"]  # switched once, stays
    assistant = next(m for m in answer["messages"] if m["role"] == "assistant")
    assert assistant["content"] == "" and assistant["tool_calls"]


def test_closing_the_stream_cancels_the_http_request_without_waiting(production: Production) -> None:
    with OpenAIStub([{"forever": True}]) as stub:
        agent = agent_for(production, stub.base_url, timeout=600)
        events = agent.stream("Which scenes are on the rooftop at night?", session="gone")
        assert next(e for e in events if e.type == "token").text
        closer = threading.Thread(target=events.close)  # what Gradio does when the tab closes
        closer.start()
        closer.join(10)
        assert not closer.is_alive()  # close() returned instead of waiting for the model call
        assert wait_for(lambda: stub.disconnects == 1)  # and the server saw the client go
        assert stub.streaming_now == 0


def test_after_a_cancelled_turn_the_session_goes_on(production: Production) -> None:
    call = {"tool_calls": [{"name": "find_scenes", "arguments": json.dumps({"location": "天台"})}]}
    script = [call, call, {"content": "Scene 17."}]
    with OpenAIStub(script) as stub:
        agent = agent_for(production, stub.base_url)
        events = agent.stream("Which scenes are on the rooftop?", session="again")
        assert next(e for e in events if e.type != "waiting").type == "tool_start"
        events.close()  # gone after the model asked for a tool, before its result came back
        result = agent.ask("Which scenes are on the rooftop?", session="again")
    assert result.answer == "Scene 17."
    sent = stub.requests[-1]["messages"]
    calls = {c["id"] for m in sent if m["role"] == "assistant" for c in m.get("tool_calls") or []}
    assert calls <= {m["tool_call_id"] for m in sent if m["role"] == "tool"}  # no call left unanswered
