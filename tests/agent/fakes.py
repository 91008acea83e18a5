"""Test doubles for the agent: a scripted chat model and an OpenAI-compatible HTTP stub server."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from pydantic import Field


class ScriptedChatModel(GenericFakeChatModel):
    """Replays a fixed list of AIMessages, one per model call.

    Fails loudly on an unexpected extra call, records what it was shown, and `assert_done()` checks
    every scripted step was used. `bind_tools` returns itself, as `create_agent` requires.
    """

    script: list[AIMessage]
    position: int = 0
    seen: list[list[BaseMessage]] = Field(default_factory=list)

    def __init__(self, script: list[AIMessage], **kwargs: Any) -> None:
        super().__init__(messages=iter(()), script=list(script), seen=[], **kwargs)

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        return self

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any
    ) -> ChatResult:
        from langchain_core.outputs import ChatGeneration

        self.seen.append(list(messages))
        if self.position >= len(self.script):
            raise AssertionError(
                f"unexpected model call #{self.position + 1}; the script has {len(self.script)}"
            )
        message = self.script[self.position]
        self.position += 1
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any
    ) -> Iterator[Any]:
        """One chunk per scripted message (the parent class drops tool-call-only messages)."""
        from langchain_core.messages import AIMessageChunk
        from langchain_core.outputs import ChatGenerationChunk

        message = self._generate(messages).generations[0].message
        chunks = [
            {
                "name": c["name"],
                "args": json.dumps(c["args"], ensure_ascii=False),
                "id": c["id"],
                "index": i,
                "type": "tool_call_chunk",
            }
            for i, c in enumerate(getattr(message, "tool_calls", []) or [])
        ]
        invalid = getattr(message, "invalid_tool_calls", []) or []
        chunks += [
            {
                "name": c.get("name"),
                "args": c.get("args"),
                "id": c.get("id"),
                "index": len(chunks) + i,
                "type": "tool_call_chunk",
            }
            for i, c in enumerate(invalid)
        ]
        yield ChatGenerationChunk(message=AIMessageChunk(content=message.content, tool_call_chunks=chunks))

    def assert_done(self) -> None:
        assert self.position == len(self.script), (
            f"only {self.position} of {len(self.script)} steps were used"
        )


def tool_call(name: str, args: dict[str, Any], call_id: str = "call_1") -> AIMessage:
    return AIMessage(
        content="", tool_calls=[{"name": name, "args": args, "id": call_id, "type": "tool_call"}]
    )


class OpenAIStub:
    """A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions API from a script.

    Each step is a dict: {"content": str} | {"tool_calls": [{"name", "arguments"}]} | {"status": int,
    "error": str, "body": dict (the whole error body, optional)} | {"sleep": seconds, ...} | {"raw": str}
    (a malformed body) | {"forever": True} (streams a token every 20 ms until the client goes) |
    {"cut": True, "content": str} (streams the content, then ends with no finish reason and no [DONE]);
    {"model": str} reports another model name. Streams (SSE) when the request asks to. `requests`
    records every request body, `disconnects` counts streams the client closed.

    `quirks="llama-cpp-python"` behaves as llama-cpp-python's server did in issue 21: tools without a
    tool_choice are ignored (plain text comes back), a streamed request with tool_choice fails with
    HTTP 500, and an assistant message with `content: null` is refused with HTTP 500.

    `n_ctx` makes it a llama.cpp server with that window: `GET /props` says it, and a request whose
    prompt (messages and tools as JSON, in tiktoken tokens times `token_scale`, standing in for the
    server's own tokenizer) is longer is refused with llama.cpp's HTTP 400 `exceed_context_size_error`
    before the script is read. `prompt_tokens` records each request's count. A `{"kill": True}`
    step starts a stream, then closes the connection and stops the server (a server killed mid-turn).
    """

    def __init__(
        self,
        script: list[dict[str, Any]],
        quirks: str | None = None,
        *,
        n_ctx: int | None = None,
        token_scale: float = 1.0,
    ) -> None:
        self.script = list(script)
        self.quirks = quirks
        self.n_ctx = n_ctx
        self.token_scale = token_scale
        self.prompt_tokens: list[int] = []
        self.killed = False
        self.requests: list[dict[str, Any]] = []
        self.disconnects = 0
        self.streaming_now = 0
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/props" and stub.n_ctx:
                    payload = json.dumps({"default_generation_settings": {"n_ctx": stub.n_ctx}}).encode()
                    self.send_response(200)
                else:
                    payload = b'{"error": {"code": 404, "message": "File Not Found"}}'
                    self.send_response(404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self) -> None:
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self.do_GET()  # another endpoint (e.g. Ollama's /api/show): not found, no script step
                    return
                try:
                    self._answer()
                except (BrokenPipeError, ConnectionResetError):
                    with stub._lock:
                        stub.disconnects += 1

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with stub._lock:
                    stub.requests.append(body)
                    step = (
                        stub._overflow(body)
                        or stub._quirk(body)
                        or (
                            stub.script.pop(0)
                            if stub.script
                            else {"status": 500, "error": "script exhausted"}
                        )
                    )
                if step.get("sleep") and not self._still_there_after(step["sleep"]):
                    with stub._lock:
                        stub.disconnects += 1
                    return
                if "status" in step:
                    error = step.get("body") or {"message": step.get("error", "error"), "type": "stub"}
                    payload = json.dumps({"error": error})
                    self.send_response(step["status"])
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload.encode())
                    return
                if "raw" in step:
                    data = step["raw"].encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if body.get("stream"):
                    self._stream(step, body)
                else:
                    self._complete(step, body)

            def _still_there_after(self, seconds: float) -> bool:
                """Wait like a server processing a prompt; False as soon as the client hangs up."""
                end = time.monotonic() + seconds
                while time.monotonic() < end:
                    readable, _, _ = select.select([self.connection], [], [], 0.05)
                    if readable and not self.connection.recv(1, socket.MSG_PEEK):
                        return False
                return True

            def _message(self, step: dict[str, Any]) -> dict[str, Any]:
                message: dict[str, Any] = {"role": "assistant", "content": step.get("content")}
                if step.get("tool_calls"):
                    message["tool_calls"] = [
                        {
                            "id": f"call_{i}",
                            "type": "function",
                            "function": {"name": c["name"], "arguments": c["arguments"]},
                        }
                        for i, c in enumerate(step["tool_calls"])
                    ]
                return message

            def _complete(self, step: dict[str, Any], body: dict[str, Any]) -> None:
                message = self._message(step)
                payload = json.dumps(
                    {
                        "id": "chatcmpl-stub",
                        "object": "chat.completion",
                        "created": 0,
                        "model": step.get("model") or body.get("model"),
                        "choices": [
                            {
                                "index": 0,
                                "message": message,
                                "finish_reason": "tool_calls" if step.get("tool_calls") else "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _stream(self, step: dict[str, Any], body: dict[str, Any]) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()

                def send(delta: dict[str, Any], finish: str | None = None) -> None:
                    chunk = {
                        "id": "chatcmpl-stub",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": step.get("model") or body.get("model"),
                        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()

                send({"role": "assistant", "content": ""})
                if step.get("kill"):
                    send({"content": "The rooftop sce"})
                    self.close_connection = True
                    stub.killed = True
                    threading.Thread(target=stub._kill, daemon=True).start()
                    return
                if step.get("forever"):
                    with stub._lock:
                        stub.streaming_now += 1
                    try:
                        while True:
                            send({"content": "啦"})
                            time.sleep(0.02)
                    finally:
                        with stub._lock:
                            stub.streaming_now -= 1
                if step.get("cut"):
                    for word in _pieces(step.get("content") or ""):
                        send({"content": word})
                    self.close_connection = True
                    return
                if step.get("tool_calls"):
                    for i, c in enumerate(step["tool_calls"]):
                        send(
                            {
                                "tool_calls": [
                                    {
                                        "index": i,
                                        "id": f"call_{i}",
                                        "type": "function",
                                        "function": {"name": c["name"], "arguments": c["arguments"]},
                                    }
                                ]
                            }
                        )
                    send({}, "tool_calls")
                else:
                    for word in _pieces(step.get("content") or ""):
                        send({"content": word})
                    send({}, "stop")
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _kill(self) -> None:
        self.server.shutdown()
        self.server.server_close()  # nothing listens any more: the next call is refused

    def _overflow(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """llama.cpp's refusal of a prompt longer than its window (when the stub has one)."""
        if not self.n_ctx:
            return None
        from knowledge.tokens import count_tokens

        prompt = json.dumps([body.get("messages"), body.get("tools")], ensure_ascii=False)
        tokens = int(count_tokens(prompt) * self.token_scale)
        self.prompt_tokens.append(tokens)
        if tokens <= self.n_ctx:
            return None
        return {
            "status": 400,
            "body": {
                "code": 400,
                "message": "the request exceeds the available context size, try increasing it",
                "type": "exceed_context_size_error",
                "n_prompt_tokens": tokens,
                "n_ctx": self.n_ctx,
            },
        }

    def _quirk(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """A step forced by the emulated server's quirks, or None to follow the script."""
        if self.quirks != "llama-cpp-python":
            return None
        for message in body.get("messages", []):
            if message.get("role") == "assistant" and message.get("content") is None:
                return {"status": 500, "error": "'NoneType' object is not subscriptable"}
        if body.get("tools") and "tool_choice" not in body:
            return {"content": "I have no tools, so here is a guess."}
        if body.get("tools") and body.get("stream"):
            return {"status": 500, "error": "streaming tool calls are not supported"}
        return None

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> OpenAIStub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _pieces(text: str) -> Iterator[str]:
    for i in range(0, len(text), 8):
        yield text[i : i + 8]
