"""A small local server (issue 20): what Slate sends fits its window, and what the model says is checked.

No Python package gives a prebuilt llama.cpp server that installs without a compiler (see
docs/agent.md), so this is the scripted stub (tests/agent/fakes.py) behaving as a llama.cpp
`llama-server -c 4096`: it says its window at `GET /props` and refuses longer prompts with HTTP 400
`exceed_context_size_error`, before its script is read. The model's answers are scripted, including
the invented ones the real SmolLM2-135M gave.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from agent.context_window import context_window, server_context_window
from agent.models import ModelInfo, build_chat_openai
from agent.service import SlateAgent, open_agent
from core.settings import Settings
from knowledge.production import Production
from tests.agent.fakes import OpenAIStub

pytestmark = pytest.mark.server

ROOFTOP_NIGHT = {
    "name": "find_scenes",
    "arguments": json.dumps({"location": "rooftop", "time_of_day": "NIGHT"}),
}


def local_agent(production: Production, stub: OpenAIStub, **options: Any) -> SlateAgent:
    settings = Settings(
        llm="openai",
        openai_base_url=stub.base_url,
        model="smollm2-135m",
        llm_timeout=options.pop("llm_timeout", 10.0),
        llm_retries=options.pop("llm_retries", 0),
        **options,
    )
    return SlateAgent(
        production,
        build_chat_openai(settings),
        ModelInfo("openai", "smollm2-135m", stub.base_url),
        context_tokens=context_window(settings),
        answer_tokens=settings.llm_max_tokens,
        turn_tokens=settings.llm_turn_tokens,
        turn_seconds=settings.llm_turn_seconds,
    )


# --- the window, from the server -----------------------------------------------------------------


class JSONServer:
    """A tiny HTTP server answering fixed JSON per (method, path): vLLM's and Ollama's model info."""

    def __init__(self, routes: dict[tuple[str, str], Callable[[dict[str, Any]], Any]]) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, method: str) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                route = routes.get((method, self.path))
                payload = json.dumps(route(body) if route else {"error": "not found"}).encode()
                self.send_response(200 if route else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                self._reply("GET")

            def do_POST(self) -> None:
                self._reply("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_window_is_read_from_llama_cpp_vllm_and_ollama() -> None:
    with OpenAIStub([], n_ctx=4096) as llama:
        assert server_context_window(llama.base_url, "any") == 4096
    vllm = JSONServer({("GET", "/v1/models"): lambda _: {"data": [{"id": "qwen", "max_model_len": 32768}]}})
    ollama = JSONServer(
        {
            ("GET", "/v1/models"): lambda _: {"data": [{"id": "llama3.2"}]},
            ("POST", "/api/show"): lambda body: {
                "model_info": {"llama.context_length": 131072} if body.get("model") == "llama3.2" else {},
                "parameters": "num_ctx 8192\nstop <|eot_id|>",
            },
        }
    )
    silent = JSONServer({})
    try:
        assert server_context_window(vllm.base_url, "qwen") == 32768
        assert server_context_window(ollama.base_url, "llama3.2") == 8192  # the model file's num_ctx
        assert server_context_window(silent.base_url, "x") is None
        said = Settings(llm="openai", openai_base_url=silent.base_url)
        assert context_window(said) == 16000  # SLATE_CONTEXT_TOKENS's default when the server says nothing
        lower = Settings(llm="openai", openai_base_url=vllm.base_url, model="qwen", context_tokens=6000)
        assert context_window(lower) == 6000  # set lower on purpose: honoured
        assert context_window(Settings(llm="openai", openai_base_url=vllm.base_url, model="qwen")) == 32768
    finally:
        for server in (vllm, ollama, silent):
            server.close()


# --- fitting a 4k window -------------------------------------------------------------------------


def test_a_4k_server_gets_a_handful_of_tools_and_every_request_fits(production: Production) -> None:
    script = [
        {"tool_calls": [ROOFTOP_NIGHT]},
        {"content": "Rooftop night scenes: 11 and 17 (scene 11 on p. 15)."},
        {"tool_calls": [{"name": "scene_details", "arguments": json.dumps({"scene": "17"})}]},
        {"content": "In scene 17 Siu Keung waits on the roof."},
    ]
    with OpenAIStub(script, n_ctx=4096) as stub:
        agent = local_agent(production, stub)
        first = agent.ask("Which rooftop scenes are at night?", session="4k")
        second = agent.ask("What happens in scene 17?", session="4k")
    assert not stub.script, "every scripted step was used"
    assert max(stub.prompt_tokens) <= 4096 and len(stub.prompt_tokens) == 4
    for request in stub.requests:
        assert 1 <= len(request["tools"]) <= 8
        for tool in request["tools"]:
            assert '"title"' not in json.dumps(tool) and '"default": null' not in json.dumps(tool)
    assert first.provenance.language_model_wrote_answer and second.provenance.language_model_wrote_answer
    assert first.answer.startswith("Rooftop night scenes")
    assert first.provenance.grounding == second.provenance.grounding == "grounded"


def test_a_server_counting_more_tokens_than_slate_is_shrunk_and_asked_again(production: Production) -> None:
    """The server's tokenizer counts 2.5× tiktoken: the first request is refused for its length; Slate
    learns the window and the ratio from the error, shrinks the request and sends it once more."""
    script = [
        {"tool_calls": [{"name": "scene_details", "arguments": json.dumps({"scene": "17"})}]},
        {"content": "Scene 17 is on the rooftop at night."},
    ]
    with OpenAIStub(script, n_ctx=4096, token_scale=2.5) as stub:
        result = local_agent(production, stub).ask("What happens in scene 17?", session="shrink")
    refused = [n for n in stub.prompt_tokens if n > 4096]
    assert len(refused) == 1  # one refusal, then it fits
    assert stub.prompt_tokens[-1] <= 4096
    assert result.provenance.language_model_wrote_answer and result.provenance.fallback_reason is None
    assert result.answer == "Scene 17 is on the rooftop at night."


# --- grounding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("Which rooftop scenes are at night?", "answered without looking at the production's documents"),
        ("天台有邊幾場夜戲？", "語言模型冇查過製作文件就答"),
    ],
)
def test_an_invented_answer_with_no_tool_call_is_replaced_by_the_planners(
    production: Production, question: str, note: str
) -> None:
    invented = "There is a scene called 'The Shining' by J.D. Salinger, scene 3 on page 12."
    with OpenAIStub([{"content": invented}], n_ctx=4096) as stub:
        events = list(local_agent(production, stub).stream(question, session="invented"))
    result = events[-1].result
    assert result is not None
    assert "Salinger" not in result.answer and note in result.answer
    assert any(e.type == "discard" for e in events)  # the streamed invention is taken back in the UI
    assert [c.name for c in result.tool_calls] == ["find_scenes"]  # the planner's own tools ran
    assert {"11", "17"} <= {r["number"] for r in result.artifacts[0].data["scenes"]}
    assert result.provenance.language_model_wrote_answer is False
    assert result.provenance.answered_by == "offline planner"
    assert result.provenance.grounding == "invented"


def test_an_answer_naming_scenes_no_tool_returned_is_flagged(production: Production) -> None:
    script = [
        {"tool_calls": [ROOFTOP_NIGHT]},
        {"content": "Scenes 11, 17 and 42 — Detective Moriarty leads."},
    ]
    with OpenAIStub(script, n_ctx=4096) as stub:
        result = local_agent(production, stub).ask("Which rooftop scenes are at night?", session="partly")
    assert "scene 42" in result.answer and "Detective Moriarty" in result.answer  # named in the note
    assert "no document or tool result contains" in result.answer
    assert "Scenes 11, 17 and 42" not in result.answer
    assert result.provenance.language_model_wrote_answer is False
    assert result.provenance.grounding == "partly_invented"


def test_free_writing_is_labelled_as_the_models(production: Production) -> None:
    script = [{"content": "Two men, one roof, and a debt that will not wait for dawn."}]
    with OpenAIStub(script, n_ctx=4096) as stub:
        english = local_agent(production, stub).ask("Write a logline for the film", session="free")
    assert english.answer.startswith("✎ Written by the language model (smollm2-135m)")
    assert english.answer.endswith("a debt that will not wait for dawn.")
    assert english.provenance.language_model_wrote_answer is True
    assert english.provenance.grounding == "model_written"


# --- the turn's budget, and a server that dies ---------------------------------------------------


def test_the_turns_token_budget_hands_the_rest_of_the_turn_to_the_planner(production: Production) -> None:
    script = [{"tool_calls": [ROOFTOP_NIGHT]}, {"content": "never asked"}]
    with OpenAIStub(script, n_ctx=4096) as stub:
        result = local_agent(production, stub, llm_turn_tokens=16).ask("天台有邊幾場夜戲？", session="budget")
        assert len(stub.requests) == 1  # the model was not asked again once its budget was spent
    assert "用晒今次回答嘅生成額度" in result.answer
    assert {"11", "17"} <= {r["number"] for r in result.artifacts[0].data["scenes"]}


def test_the_turns_time_budget_ends_a_slow_model_call(production: Production) -> None:
    with OpenAIStub([{"sleep": 5, "content": "late"}], n_ctx=4096) as stub:
        result = local_agent(production, stub, llm_turn_seconds=1).ask(
            "Which rooftop scenes are at night?", session="seconds"
        )
    assert "generation budget (1 s" in result.answer and "offline planner" in result.answer
    assert {"11", "17"} <= {r["number"] for r in result.artifacts[0].data["scenes"]}


def test_a_server_killed_mid_turn_leaves_the_planners_answer(production: Production) -> None:
    script = [{"tool_calls": [ROOFTOP_NIGHT]}, {"kill": True}]
    with OpenAIStub(script, n_ctx=4096) as stub:
        result = local_agent(production, stub, llm_retries=1).ask(
            "Which rooftop scenes are at night?", session="killed"
        )
        assert stub.killed
    assert "offline planner" in result.answer and "The rooftop sce" not in result.answer
    assert result.provenance.fallback_reason
    assert {"11", "17"} <= {r["number"] for r in result.artifacts[-1].data["scenes"]}


def test_open_agent_fits_the_window_the_server_says(production: Production, tmp_path: Path) -> None:
    with OpenAIStub([{"tool_calls": [ROOFTOP_NIGHT]}, {"content": "Scenes 11 and 17."}], n_ctx=4096) as stub:
        settings = Settings(
            home=tmp_path,
            llm="openai",
            openai_base_url=stub.base_url,
            model="smollm2-135m",
            llm_turn_tokens=512,
        )
        agent = open_agent(settings, "night-shift", production=production)
        assert agent.token_budget.context_tokens == 4096  # from /props, not SLATE_CONTEXT_TOKENS's 16,000
        result = agent.ask("Which rooftop scenes are at night?", session="open")
    assert result.answer == "Scenes 11 and 17." and result.provenance.grounding == "grounded"
    assert max(stub.prompt_tokens) <= 4096 and len(stub.requests) == 2
