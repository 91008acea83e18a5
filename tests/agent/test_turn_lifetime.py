"""A turn's lifetime is Slate's: a client that goes away mid-answer stops the model call and frees the server.

Issue 21: when a client cancelled while a model answer streamed, Gradio closed the chat generator on its
event loop, LangGraph waited there for the still-streaming call, and the whole server — even GET / —
hung until the call ended. Here the model is an OpenAI-compatible stub that streams forever, the UI is
the real Gradio app on 127.0.0.1, and the client is gradio_client. The time limits below are liveness
checks (the bug was an endless hang), not measurements.
"""

from __future__ import annotations

import copy
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from gradio_client import Client

from agent.models import ModelInfo, build_chat_openai
from agent.service import SlateAgent, open_agent
from core.settings import Settings, load_settings
from knowledge.production import Production
from tests.agent.fakes import OpenAIStub
from ui.app import launch
from ui.handlers import ChatOutputs, Handlers

pytestmark = pytest.mark.server

PROJECT = "night-shift"
QUESTION = "Which scenes are on the rooftop at night?"
# The other session's model looks the answer up first (an answer with no tool call is not shown as fact).
ROOFTOP_NIGHT_CALL = {
    "tool_calls": [{"name": "find_scenes", "arguments": '{"location": "rooftop", "time_of_day": "NIGHT"}'}]
}
CHATBOT = [
    f for f in ChatOutputs._fields if f not in ("session", "artifacts", "source_refs", "right_tabs")
].index("chatbot")


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stub_agent_factory(
    production: Production, stub: OpenAIStub, **options: Any
) -> Callable[[Settings, str], SlateAgent]:
    model_settings = Settings(llm="openai", openai_base_url=stub.base_url, model="stub-model", **options)

    def factory(settings: Settings, project: str) -> SlateAgent:
        return open_agent(
            settings,
            project,
            production=production,
            model=build_chat_openai(model_settings),
            model_info=ModelInfo("openai", "stub-model", stub.base_url),
        )

    return factory


@pytest.fixture
def settings(slate_home: Any) -> Settings:
    return load_settings(home=slate_home, embedder="fake", ui_concurrency=4)


def serve_forever_stub(settings: Settings, production: Production) -> Iterator[tuple[str, OpenAIStub]]:
    """The UI, whose model streams forever on its first request; the next request looks the answer up
    (an answer with no tool call is not shown as fact) and answers. Yields the page's URL and the stub."""
    script = [
        {"forever": True},
        ROOFTOP_NIGHT_CALL,
        {"content": "Scenes 11 and 17 are on the rooftop at night."},
    ]
    with OpenAIStub(script) as stub:
        factory = stub_agent_factory(production, stub, llm_timeout=600, llm_retries=0)
        app, url = launch(
            settings, PROJECT, "127.0.0.1", free_port(), None, agent_factory=factory, block=False
        )
        try:
            yield url, stub
        finally:
            app.close()


@pytest.fixture
def forever_server(settings: Settings, production: Production) -> Iterator[tuple[str, OpenAIStub]]:
    yield from serve_forever_stub(settings, production)


def test_a_client_that_cancels_frees_the_server_and_stops_the_model_call(
    forever_server: tuple[str, OpenAIStub],
) -> None:
    url, stub = forever_server
    gone = Client(url, verbose=False)
    job = gone.submit(QUESTION, [], PROJECT, "en", api_name="/chat")
    assert wait_for(lambda: stub.streaming_now == 1)  # the model is streaming its endless answer
    job.cancel()

    # The cancellation reaches the HTTP request: the stub sees its client go.
    assert wait_for(lambda: stub.disconnects == 1 and stub.streaming_now == 0)
    # The server is not frozen: the page loads, and another session's turn is answered.
    assert httpx.get(url, timeout=5).status_code == 200
    other = Client(url, verbose=False).submit(
        "Which scenes are on the rooftop?", [], PROJECT, "en", api_name="/chat"
    )
    chatbot = other.result(timeout=30)[CHATBOT]
    assert "Scenes 11 and 17" in str(chatbot[-1]["content"])


def test_while_one_session_streams_others_are_served(forever_server: tuple[str, OpenAIStub]) -> None:
    url, stub = forever_server
    streaming = Client(url, verbose=False).submit(QUESTION, [], PROJECT, "en", api_name="/chat")
    assert wait_for(lambda: stub.streaming_now == 1)
    assert httpx.get(url, timeout=5).status_code == 200
    other = Client(url, verbose=False).submit(
        "Which scenes are on the rooftop?", [], PROJECT, "en", api_name="/chat"
    )
    assert "Scenes 11 and 17" in str(other.result(timeout=30)[CHATBOT][-1]["content"])
    streaming.cancel()
    assert wait_for(lambda: stub.disconnects == 1)


def test_the_ui_replaces_text_from_a_cut_off_stream(settings: Settings, production: Production) -> None:
    script = [{"cut": True, "content": "Scenes 11 and"}, {"cut": True, "content": "Scenes 11 and"}]
    with OpenAIStub(script) as stub:
        handlers = Handlers(settings, PROJECT, stub_agent_factory(production, stub, llm_retries=1))
        # The handler updates one history list in place: copy what each update showed.
        shown = [copy.deepcopy(u.chatbot) for u in handlers.chat(QUESTION, [], None, PROJECT, "en", [])]
    shown = [chatbot for chatbot in shown if isinstance(chatbot, list)]
    assert any(m["content"] == "Scenes 11 and" for chatbot in shown for m in chatbot)  # streamed ...
    final = shown[-1]
    assert not any("Scenes 11 and" in str(m["content"]) for m in final)  # ... and taken back, not kept
    answers = [m for m in final if m["role"] == "assistant" and not m.get("metadata")]
    assert len(answers) == 1 and "cut off" in answers[0]["content"]


def test_a_client_that_cancels_while_the_model_is_silent_frees_the_server(
    settings: Settings, production: Production
) -> None:
    """Cancelled during prompt processing (nothing streamed yet): Gradio can only close a generator
    that is suspended, so the turn must not sit inside one long wait."""
    script = [
        {"sleep": 20, "content": "late"},
        ROOFTOP_NIGHT_CALL,
        {"content": "Scenes 11 and 17 are on the rooftop at night."},
    ]
    with OpenAIStub(script) as stub:
        factory = stub_agent_factory(production, stub, llm_timeout=600, llm_retries=0)
        app, url = launch(
            settings, PROJECT, "127.0.0.1", free_port(), None, agent_factory=factory, block=False
        )
        try:
            job = Client(url, verbose=False).submit(QUESTION, [], PROJECT, "en", api_name="/chat")
            assert wait_for(lambda: len(stub.requests) == 1)
            time.sleep(0.5)  # inside the model's silence
            job.cancel()
            assert httpx.get(url, timeout=5).status_code == 200
            other = Client(url, verbose=False).submit(
                "Which scenes are on the rooftop?", [], PROJECT, "en", api_name="/chat"
            )
            assert "Scenes 11 and 17" in str(other.result(timeout=10)[CHATBOT][-1]["content"])
            assert wait_for(lambda: stub.disconnects == 1)  # the silent request was closed too
        finally:
            app.close()
