"""The chat model factory: the offline planner by default, OpenAI or any compatible server when set.

The agent never builds its own model: `build_model` is called at the entry point and its result is
passed in. Tests pass a scripted fake instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel

from agent.model_calls import (
    AbortableTransport,
    IncompleteAnswer,
    MalformedToolCall,
    ModelFailure,
    ModelTimeout,
    SlateChatOpenAI,
    TurnCancelled,
    classify_model_failure,
)
from core.errors import ConfigError, ModelError
from core.runtime import prepare_offline_runtime
from core.settings import Settings
from knowledge.production import Production

OFFLINE_NAME = "offline planner"


@dataclass(frozen=True)
class ModelInfo:
    """What answers: shown in the UI status line and recorded in provenance."""

    kind: Literal["offline", "openai", "scripted"]
    name: str
    base_url: str | None = None

    @property
    def is_language_model(self) -> bool:
        return self.kind != "offline"

    def label(self) -> str:
        if self.kind == "offline":
            return "Offline planner (no language model)"
        where = f" at {self.base_url}" if self.base_url else ""
        return f"{self.name}{where}"


def build_chat_openai(settings: Settings, *, streaming: bool = True) -> BaseChatModel:
    """A ChatOpenAI for OpenAI or any OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio).

    Slate owns each call's lifetime (`SlateChatOpenAI`): a whole-call deadline, a first-byte limit,
    max_tokens, cancellation when the person goes away, and its own retries (the client's are off, so
    a retry never outlives the deadline).
    """
    import httpx
    import openai

    if not settings.openai_api_key and not settings.openai_base_url:
        raise ConfigError(
            "SLATE_LLM=openai needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a compatible server)",
            hint="Unset SLATE_LLM to use the offline planner",
        )
    first_byte = min(settings.llm_first_byte_timeout, settings.llm_timeout)
    kwargs: dict[str, Any] = {
        "model": settings.model,
        # The read timeout bounds the silence before the first byte and between chunks; the whole call
        # is bounded by call_timeout, which Slate enforces itself. openai.Timeout is the type of the
        # client's own transport (httpx before openai 3.x, httpx2 since), which rejects any other.
        "timeout": openai.Timeout(first_byte, connect=min(10.0, first_byte)),
        "max_retries": 0,
        "streaming": streaming,
        "temperature": 0.2,
        "max_tokens": settings.llm_max_tokens,
        # A local server ignores the key, but the client insists on one.
        "api_key": settings.openai_api_key or "not-needed",
        "call_timeout": settings.llm_timeout,
        "first_byte_timeout": first_byte,
        "call_retries": settings.llm_retries,
        "tool_call_content": settings.llm_tool_call_content,
        "stream_tools": settings.llm_stream_tools,
    }
    if settings.openai_base_url:
        kwargs["base_url"] = settings.openai_base_url
    kwargs["http_client"] = httpx.Client(transport=AbortableTransport(), timeout=kwargs["timeout"])
    prepare_offline_runtime()  # the client counts tokens with tiktoken: the bundled encodings
    return SlateChatOpenAI(**kwargs)


def build_model(settings: Settings, production: Production) -> tuple[BaseChatModel, ModelInfo]:
    """The chat model the settings ask for, and a description of it."""
    from agent.planner import OfflinePlanner

    if settings.llm_kind == "offline":
        return OfflinePlanner.for_production(production), ModelInfo("offline", OFFLINE_NAME)
    return build_chat_openai(settings), ModelInfo("openai", settings.model, settings.openai_base_url)


class ChatModelWriter:
    """A TextWriter (knowledge.production) over a LangChain chat model, for tools that can use free
    writing (shot-list refinement, subtitle translation)."""

    def __init__(self, model: BaseChatModel, name: str) -> None:
        self.model = model
        self.name = name

    def complete(self, system: str, prompt: str, *, max_tokens: int = 1024) -> str:
        from langchain_core.messages import HumanMessage, SystemMessage

        try:
            reply = self.model.invoke([SystemMessage(system), HumanMessage(prompt)], max_tokens=max_tokens)
        except Exception as exc:
            raise ModelError(describe_model_failure(exc)) from None
        return reply.text if hasattr(reply, "text") else str(reply.content)


def describe_model_failure(exc: BaseException) -> str:
    """One sentence a crew member can act on, for any model failure (English; see ModelFailure.text)."""
    return classify_model_failure(exc).text("en")


__all__ = [
    "IncompleteAnswer",
    "MalformedToolCall",
    "ModelFailure",
    "ModelTimeout",
    "SlateChatOpenAI",
    "TurnCancelled",
    "classify_model_failure",
    "describe_model_failure",
]
