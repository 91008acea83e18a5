"""Model calls that always end: Slate, not the HTTP client, owns each call's lifetime.

`SlateChatOpenAI` is LangChain's `ChatOpenAI` with four things added:

- **a whole-call deadline** (`call_timeout`, SLATE_LLM_TIMEOUT) besides httpx's read timeout (the
  first-byte limit and the longest silence): a server that trickles tokens for ten minutes is
  abandoned at the deadline, not when it stops;
- **cancellation**: the turn's cancel event (`call_scope`) is checked while waiting, so a person who
  closes the tab stops the HTTP request instead of leaving it streaming;
- **validated streams**: a stream that ends without a finish reason is an `IncompleteAnswer`, never
  taken as the whole answer;
- **compatibility**: `tool_choice` is sent explicitly with tools, an assistant message that only
  calls tools is sent with `""` content (llama-cpp-python answers `null` with HTTP 500), and a server
  that fails streamed tool calls is asked without streaming from then on.

The HTTP read runs in a reader thread; the calling thread waits on a queue in short steps, so a
deadline or a cancellation is noticed within a tenth of a second whatever the socket does. An
abandoned call's socket is shut down at once (`AbortableTransport` notes each call's sockets), which
wakes the reader even while the server is silent, and the server sees its client go.
"""

from __future__ import annotations

import contextlib
import json
import queue
import re
import socket
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
from langchain_core.messages import AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_openai import ChatOpenAI
from pydantic import PrivateAttr

# How often a waiting call looks at its deadline and cancel event.
_POLL_SECONDS = 0.1


class TurnCancelled(Exception):
    """The person went away (closed the tab, pressed stop): the turn ends without an answer."""


class ModelTimeout(TimeoutError):
    """The model call ran out of time: nothing for `seconds` (first byte/silence) or not done in total."""

    def __init__(self, kind: Literal["first_byte", "total"], seconds: float) -> None:
        super().__init__(f"{kind} timeout after {seconds:g} s")
        self.kind = kind
        self.seconds = seconds


class IncompleteAnswer(Exception):
    """The stream ended without a finish reason (and no [DONE]): a cut-off answer, not a whole one."""


class MalformedToolCall(Exception):
    """The model's tool call could not be parsed (bad JSON arguments, unknown tool)."""


# --- the call scope: what a model call in this turn must obey ----------------------------------------


@dataclass
class CallScope:
    """The turn's cancel event and, when a caller set one, the call's deadline (time.monotonic)."""

    cancel: threading.Event = field(default_factory=threading.Event)
    deadline: float | None = None


_SCOPE: ContextVar[CallScope | None] = ContextVar("slate_model_call_scope", default=None)


@contextlib.contextmanager
def call_scope(cancel: threading.Event, deadline: float | None = None) -> Iterator[CallScope]:
    """Model calls made inside obey `cancel` and `deadline` (the middleware sets this per call)."""
    scope = CallScope(cancel=cancel, deadline=deadline)
    token = _SCOPE.set(scope)
    try:
        yield scope
    finally:
        _SCOPE.reset(token)


def current_scope() -> CallScope | None:
    return _SCOPE.get()


# The sockets of the HTTP requests the current reader thread has opened (see AbortableTransport).
_SOCKETS: ContextVar[list[socket.socket] | None] = ContextVar("slate_model_call_sockets", default=None)


class AbortableTransport(httpx.HTTPTransport):
    """An httpx transport that notes the socket of each connection it opens for a model call, so a
    call abandoned by `bounded` can be shut down even while blocked in a read. Connections are not
    kept alive: every call has its own, and shutting it down touches no other call."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(limits=httpx.Limits(max_keepalive_connections=0), **kwargs)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        sockets = _SOCKETS.get()
        if sockets is not None:

            def trace(name: str, info: dict[str, Any]) -> None:
                if name == "connection.connect_tcp.complete" and info.get("return_value") is not None:
                    sock = info["return_value"].get_extra_info("socket")
                    if sock is not None:
                        sockets.append(sock)

            request.extensions = {**request.extensions, "trace": trace}
        return super().handle_request(request)


def _shut(sockets: list[socket.socket]) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def bounded(
    produce: Callable[[], Iterator[Any]],
    *,
    deadline: float,
    first_byte: float,
    cancel: threading.Event,
    total: float,
) -> Generator[Any, None, None]:
    """Items of `produce()`, read in a reader thread, until the deadline, a silence longer than
    `first_byte`, or `cancel`. Abandoning the iteration tells the reader to close the source."""
    items: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()
    sockets: list[socket.socket] = []

    def read() -> None:
        _SOCKETS.set(sockets)
        source: Iterator[Any] | None = None
        try:
            source = produce()
            for item in source:
                if stop.is_set():
                    break
                items.put(("item", item))
            else:
                items.put(("end", None))
        except BaseException as exc:  # handed to the waiting thread, which raises it
            items.put(("error", exc))
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()  # closes the HTTP response: the server sees the client go

    reader = threading.Thread(target=read, name="slate-model-call", daemon=True)
    reader.start()
    quiet_since = time.monotonic()
    finished = False
    try:
        while True:
            if cancel.is_set():
                raise TurnCancelled()
            now = time.monotonic()
            if now >= deadline:
                raise ModelTimeout("total", total)
            if now - quiet_since >= first_byte:
                raise ModelTimeout("first_byte", first_byte)
            try:
                kind, value = items.get(timeout=min(_POLL_SECONDS, max(0.0, deadline - now)))
            except queue.Empty:
                continue
            if kind == "end":
                finished = True
                return
            if kind == "error":
                raise value
            quiet_since = time.monotonic()
            yield value
    finally:
        stop.set()
        if not finished:
            _shut(sockets)  # abandoned: wake the reader and let the server see its client go


# --- failures, in the person's language ----------------------------------------------------------

FailureCode = Literal[
    "auth",
    "denied",
    "rate_limit",
    "timeout_first_byte",
    "timeout_total",
    "connection",
    "model_not_found",
    "context_overflow",
    "server_error",
    "incomplete",
    "malformed",
    "not_looked_up",
    "ungrounded",
    "turn_budget",
    "other",
]

_FAILURE_TEXT: dict[str, tuple[str, str]] = {
    "auth": (
        "The language model refused the API key (check OPENAI_API_KEY)",
        "語言模型拒絕咗 API 金鑰（請檢查 OPENAI_API_KEY）",
    ),
    "denied": (
        "The language model server denied access to this model",
        "語言模型伺服器唔俾用呢個模型",
    ),
    "rate_limit": (
        "The language model is rate-limited right now (too many requests or no credit)",
        "語言模型而家限流（請求太多或者冇晒額度）",
    ),
    "timeout_first_byte": (
        "The language model did not answer in time (nothing arrived{for_seconds}, "
        "SLATE_LLM_FIRST_BYTE_TIMEOUT)",
        "語言模型未能及時回答（{seconds_zh}冇回應，SLATE_LLM_FIRST_BYTE_TIMEOUT）",
    ),
    "timeout_total": (
        "The language model did not answer in time (not finished after {seconds:g} s, SLATE_LLM_TIMEOUT)",
        "語言模型未能及時回答（{seconds:g} 秒仲未答完，SLATE_LLM_TIMEOUT）",
    ),
    "connection": (
        "Could not connect to the language model server (is it running? check OPENAI_BASE_URL)",
        "連接唔到語言模型伺服器（伺服器有冇開？請檢查 OPENAI_BASE_URL）",
    ),
    "model_not_found": (
        "The language model server does not know this model (check SLATE_MODEL)",
        "語言模型伺服器冇呢個模型（請檢查 SLATE_MODEL）",
    ),
    "context_overflow": (
        "The question with its history and documents{request} is too long for the model's context "
        "window{window}; set SLATE_CONTEXT_TOKENS below the server's window",
        "問題連同對話同文件{request_zh}超出咗模型嘅上下文長度{window_zh}；"
        "請將 SLATE_CONTEXT_TOKENS 設定為低過伺服器嘅上限",
    ),
    "server_error": (
        "The language model server returned an error (HTTP {status}{detail})",
        "語言模型伺服器出錯（HTTP {status}{detail}）",
    ),
    "incomplete": (
        "The language model's answer was cut off (the stream ended without finishing)",
        "語言模型嘅回答中途斷咗（串流未完成就結束）",
    ),
    "malformed": (
        "The language model asked for a tool in a malformed way ({detail})",
        "語言模型用錯誤嘅格式叫工具（{detail}）",
    ),
    "not_looked_up": (
        "The language model answered without looking at the production's documents, so its answer was "
        "not checked against the production",
        "語言模型冇查過製作文件就答，佢嘅答案未經同製作資料核對",
    ),
    "ungrounded": (
        "The language model's answer was not checked against the production: it named {detail}, which "
        "no document or tool result contains",
        "語言模型嘅答案未經同製作資料核對：佢提到 {detail}，但冇任何文件或者工具結果有呢啲",
    ),
    "turn_budget": (
        "The language model used up this turn's generation budget ({detail}, SLATE_LLM_TURN_TOKENS / "
        "SLATE_LLM_TURN_SECONDS)",
        "語言模型用晒今次回答嘅生成額度（{detail}，SLATE_LLM_TURN_TOKENS／SLATE_LLM_TURN_SECONDS）",
    ),
    "other": ("The language model failed ({detail})", "語言模型出錯（{detail}）"),
}


@dataclass(frozen=True)
class ModelFailure:
    """Why a model call failed, with its evidence; `text(lang)` is the sentence a person reads."""

    code: FailureCode
    status: int | None = None
    seconds: float | None = None
    request_tokens: int | None = None
    window_tokens: int | None = None
    detail: str = ""

    def text(self, lang: str = "en") -> str:
        en, zh = _FAILURE_TEXT[self.code]
        template = zh if lang == "zh" else en
        return template.format(
            seconds=self.seconds or 0,
            for_seconds=f" for {self.seconds:g} s" if self.seconds else "",
            seconds_zh=f"{self.seconds:g} 秒都" if self.seconds else "",
            status=self.status or "?",
            detail=(f": {self.detail}" if self.code == "server_error" and self.detail else self.detail),
            request=f" ({self.request_tokens:,} tokens)" if self.request_tokens else "",
            window=f" ({self.window_tokens:,} tokens)" if self.window_tokens else "",
            request_zh=f"（{self.request_tokens:,} 個 token）" if self.request_tokens else "",
            window_zh=f"（{self.window_tokens:,} 個 token）" if self.window_tokens else "",
        )


_CONTEXT_WORDS = (
    "exceed_context_size",
    "context_length_exceeded",
    "maximum context length",
    "context window",
    "exceeds the available context",
    "prompt is too long",
)


def _error_body(exc: Any) -> dict[str, Any]:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error")
        return inner if isinstance(inner, dict) else body
    return {}


def _context_overflow(exc: Any) -> ModelFailure | None:
    """llama.cpp: type exceed_context_size_error with n_prompt_tokens and n_ctx; OpenAI and vLLM:
    code context_length_exceeded, "maximum context length is N tokens ... resulted in M tokens"."""
    body = _error_body(exc)
    text = " ".join(str(v) for v in (body.get("type"), body.get("code"), body.get("message"), exc))
    if not any(word in text.lower() for word in _CONTEXT_WORDS):
        return None
    window = body.get("n_ctx")
    request = body.get("n_prompt_tokens")
    if window is None and (match := re.search(r"maximum context length is (\d+)", text)):
        window = int(match.group(1))
    if request is None and (match := re.search(r"(?:resulted in|requested) (\d+) tokens", text)):
        request = int(match.group(1))
    return ModelFailure(
        "context_overflow",
        status=getattr(exc, "status_code", None),
        request_tokens=int(request) if request is not None else None,
        window_tokens=int(window) if window is not None else None,
    )


def classify_model_failure(exc: BaseException) -> ModelFailure:
    """What went wrong with a model call, for any exception a call can raise."""
    import httpx
    import openai

    if isinstance(exc, ModelTimeout):
        return ModelFailure(f"timeout_{exc.kind}", seconds=exc.seconds)  # type: ignore[arg-type]
    if isinstance(exc, IncompleteAnswer):
        return ModelFailure("incomplete")
    if isinstance(exc, MalformedToolCall):
        return ModelFailure("malformed", detail=str(exc))
    if isinstance(exc, openai.AuthenticationError):
        return ModelFailure("auth", status=exc.status_code)
    if isinstance(exc, openai.PermissionDeniedError):
        return ModelFailure("denied", status=exc.status_code)
    if isinstance(exc, openai.RateLimitError):
        return ModelFailure("rate_limit", status=exc.status_code)
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | TimeoutError):
        return ModelFailure("timeout_first_byte")
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError):
        return ModelFailure("connection")
    if isinstance(exc, openai.NotFoundError):
        return ModelFailure("model_not_found", status=exc.status_code)
    if overflow := _context_overflow(exc):
        return overflow
    if isinstance(exc, openai.APIStatusError):
        message = str(_error_body(exc).get("message") or "").strip().splitlines()
        detail = message[0][:120] if message else ""
        return ModelFailure("server_error", status=exc.status_code, detail=detail)
    return ModelFailure("other", detail=type(exc).__name__)


def is_retryable(exc: BaseException) -> bool:
    """Worth one more try within the deadline: a cut-off stream, a dropped connection, a 5xx."""
    import openai

    if isinstance(exc, IncompleteAnswer):
        return True
    if isinstance(exc, openai.APITimeoutError | ModelTimeout):
        return False
    if isinstance(exc, openai.APIConnectionError):
        return True
    return isinstance(exc, openai.InternalServerError) and _context_overflow(exc) is None


# --- the model --------------------------------------------------------------------------------------


class SlateChatOpenAI(ChatOpenAI):
    """ChatOpenAI whose every call ends: see the module docstring."""

    call_timeout: float = 120.0
    first_byte_timeout: float = 60.0
    call_retries: int = 1
    tool_call_content: Literal["empty", "null"] = "empty"
    stream_tools: Literal["auto", "on", "off"] = "auto"
    _streamed_tools_failed: bool = PrivateAttr(default=False)

    # --- the request ----------------------------------------------------------------------------

    def _get_request_payload(self, input_: Any, *, stop: list[str] | None = None, **kwargs: Any) -> dict:
        payload = super()._get_request_payload(input_, stop=stop, **kwargs)
        if payload.get("tools") and "tool_choice" not in payload:
            # llama-cpp-python drops tools silently unless tool_choice is given.
            payload["tool_choice"] = "auto"
        if self.openai_api_base and "max_completion_tokens" in payload:
            # Compatible servers (llama.cpp, vLLM, Ollama) know max_tokens; OpenAI prefers the new name.
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        if self.tool_call_content == "empty":
            for message in payload.get("messages", []):
                if message.get("role") == "assistant" and message.get("content") is None:
                    message["content"] = ""
        return payload

    # --- calls ----------------------------------------------------------------------------------

    def _limits(self) -> tuple[float, threading.Event]:
        scope = current_scope()
        deadline = scope.deadline if scope and scope.deadline else time.monotonic() + self.call_timeout
        return deadline, scope.cancel if scope else threading.Event()

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        deadline, cancel = self._limits()
        if kwargs.get("tools") and not self._stream_with_tools():
            yield from self._unstreamed(messages, stop, run_manager, deadline, cancel, **kwargs)
            return
        finished = False
        yielded = False
        parent = super()._stream
        try:
            for chunk in bounded(
                lambda: parent(messages, stop=stop, run_manager=None, **kwargs),
                deadline=deadline,
                first_byte=self.first_byte_timeout,
                cancel=cancel,
                total=self.call_timeout,
            ):
                if (chunk.generation_info or {}).get("finish_reason"):
                    finished = True
                if run_manager is not None:
                    run_manager.on_llm_new_token(chunk.text, chunk=chunk)
                yielded = True
                yield chunk
        except Exception as exc:
            if _is_read_timeout(exc):  # httpx's read timeout is the first-byte/silence limit
                raise ModelTimeout("first_byte", self.first_byte_timeout) from None
            if yielded or not kwargs.get("tools") or not self._streamed_tools_unsupported(exc):
                raise
            try:
                chunk = next(self._unstreamed(messages, stop, run_manager, deadline, cancel, **kwargs))
            except TurnCancelled:
                raise
            except Exception:
                raise exc from None  # unstreamed fails too: the server's first answer says what is wrong
            # Streamed it failed, unstreamed it works: this server cannot stream tool calls.
            self._streamed_tools_failed = True
            yield chunk
            return
        if not finished:
            raise IncompleteAnswer("the stream ended without a finish reason")

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        deadline, cancel = self._limits()
        parent = super()._generate
        # A non-streamed reply arrives whole, so its read may take as long as the call may.
        kwargs.setdefault("timeout", max(1.0, deadline - time.monotonic()))
        replies = bounded(
            lambda: iter([parent(messages, stop=stop, run_manager=None, **kwargs)]),
            deadline=deadline,
            first_byte=max(self.first_byte_timeout, deadline - time.monotonic()),
            cancel=cancel,
            total=self.call_timeout,
        )
        try:
            result = next(replies, None)
        except Exception as exc:
            if _is_read_timeout(exc):  # a whole reply is read at once: its read timeout is the deadline
                raise ModelTimeout("total", self.call_timeout) from None
            raise
        finally:
            replies.close()
        if result is not None:
            generation = result.generations[0] if result.generations else None
            if generation is None or not (
                generation.message.content or getattr(generation.message, "tool_calls", None)
            ):
                raise IncompleteAnswer("the reply has no content and no tool call")
            return result
        raise IncompleteAnswer("no reply")

    def _unstreamed(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None,
        run_manager: Any,
        deadline: float,
        cancel: threading.Event,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        """One non-streaming call, given back as a single chunk (servers that cannot stream tool calls)."""
        kwargs["stream"] = False
        kwargs.pop("stream_usage", None)
        kwargs.pop("stream_options", None)
        with _scope_for(cancel, deadline):
            result = self._generate(messages, stop=stop, **kwargs)
        generation = result.generations[0]
        message = generation.message
        chunk = AIMessageChunk(
            content=message.content,
            id=message.id,
            response_metadata=dict(message.response_metadata),
            usage_metadata=getattr(message, "usage_metadata", None),
            tool_call_chunks=[
                {
                    "name": call["name"],
                    "args": json.dumps(call["args"], ensure_ascii=False),
                    "id": call.get("id"),
                    "index": index,
                    "type": "tool_call_chunk",
                }
                for index, call in enumerate(getattr(message, "tool_calls", []) or [])
            ],
        )
        info = dict(generation.generation_info or {})
        info.setdefault("finish_reason", "stop")
        out = ChatGenerationChunk(message=chunk, generation_info=info)
        if run_manager is not None:
            run_manager.on_llm_new_token(out.text, chunk=out)
        yield out

    def _stream_with_tools(self) -> bool:
        if self.stream_tools == "auto":
            return not self._streamed_tools_failed
        return self.stream_tools == "on"

    def _streamed_tools_unsupported(self, exc: BaseException) -> bool:
        """A streamed call offering tools failed in a way that suggests the server's streaming tool
        path (llama-cpp-python with tool_choice "auto"), not the request: worth one try unstreamed."""
        import openai

        if self.stream_tools != "auto":
            return False
        if isinstance(exc, IncompleteAnswer):
            return True
        if isinstance(exc, openai.APIStatusError):
            return exc.status_code >= 500 or (
                exc.status_code == 400 and _context_overflow(exc) is None and "stream" in str(exc).lower()
            )
        return False


def _is_read_timeout(exc: BaseException) -> bool:
    import httpx
    import openai

    return isinstance(exc, openai.APITimeoutError | httpx.TimeoutException)


@contextlib.contextmanager
def _scope_for(cancel: threading.Event, deadline: float) -> Iterator[None]:
    with call_scope(cancel, deadline):
        yield
