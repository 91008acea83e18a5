"""Agent middleware: fall back to the planner when a model fails, keep within the token window,
and let a model change things only when the person asked for a change.

Per-turn bookkeeping (which model answered, tokens, why a fallback happened) lives in a `TurnLog`
that the agent service passes to each run as its LangGraph run context.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain.agents.middleware import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langgraph.errors import GraphBubbleUp

from agent.grounding import Grounding
from agent.model_calls import (
    MalformedToolCall,
    ModelFailure,
    ModelTimeout,
    TurnCancelled,
    call_scope,
    classify_model_failure,
    is_retryable,
)
from agent.turn_tools import current_request, schema_tokens
from knowledge.tokens import count_tokens, truncate_tokens

logger = logging.getLogger(__name__)
# Tokens kept free in the window for the model's answer.
ANSWER_RESERVE = 1500
# Older tool results are cut to this size before whole turns are dropped.
OLD_TOOL_RESULT_TOKENS = 300
# The current turn's tool results are never cut below this (then the request is sent as it is).
CURRENT_TOOL_RESULT_FLOOR = 200


@dataclass
class TurnLog:
    """What happened during one chat turn, for usage reporting and provenance."""

    model_name: str
    fallback_reason: str | None = None
    fallback: ModelFailure | None = None
    # Set when the person goes away: model calls stop and the turn ends without an answer.
    cancel: threading.Event = field(default_factory=threading.Event)
    # Model calls whose streamed text was thrown away (a retry or a fallback): the UI clears it.
    discarded_calls: int = 0
    # The model the server says answered (it may differ from SLATE_MODEL).
    reported_model: str | None = None
    model_calls: int = 0
    planner_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    dropped_messages: int = 0
    blocked_tools: list[str] = field(default_factory=list)
    # The refused calls themselves (tool, arguments): the person may still confirm them.
    refused_calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # A person who may read the project but not change it (server mode): every change is refused,
    # and none is offered for confirmation (they could not confirm it either).
    read_only: bool = False
    denied_calls: list[str] = field(default_factory=list)
    answered_by_language_model: bool = False
    # When the turn began (time.monotonic), for the turn's generation budget.
    started: float = field(default_factory=time.monotonic)
    # The tools offered to the model in this turn, and the grounding check on its answer.
    offered_tools: list[str] = field(default_factory=list)
    grounding: Grounding | None = None
    # Context-overflow retries made with a shrunk request.
    shrunk_retries: int = 0


def _turn(request: Any) -> TurnLog:
    """The turn's log: the run context the agent service passes to the graph (`context=`).

    A run context rather than a context variable, because a UI may advance one turn's stream from
    several worker threads.
    """
    log = getattr(getattr(request, "runtime", None), "context", None)
    if isinstance(log, TurnLog):
        return log
    return TurnLog(model_name="unknown")  # direct graph use without a context: nothing to record into


def _message_tokens(message: BaseMessage, model: str | None) -> int:
    text = message.text if isinstance(message.content, list) else str(message.content)
    extra = 0
    if isinstance(message, AIMessage) and message.tool_calls:
        extra = sum(count_tokens(str(call.get("args", {})), model) + 8 for call in message.tool_calls)
    return count_tokens(text, model) + extra + 4


def _last_human_index(messages: list[BaseMessage]) -> int:
    for index in range(len(messages) - 1, -1, -1):
        if isinstance(messages[index], HumanMessage):
            return index
    return 0


def fit_to_window(
    messages: list[BaseMessage], system: SystemMessage | None, budget: int, model: str | None = None
) -> tuple[list[BaseMessage], int, int]:
    """Messages trimmed to `budget` tokens: older tool results shortened first, then the oldest turns
    dropped whole (a turn starts at a human message). The current turn is never dropped.

    Returns (messages, tokens counted, messages dropped).
    """
    fixed = _message_tokens(system, model) if system else 0
    current_start = _last_human_index(messages)
    older, current = list(messages[:current_start]), list(messages[current_start:])

    def total(items: list[BaseMessage]) -> int:
        return fixed + sum(_message_tokens(m, model) for m in items)

    if total(older + current) <= budget:
        return older + current, total(older + current), 0
    shortened: list[BaseMessage] = []
    for message in older:
        if (
            isinstance(message, ToolMessage)
            and count_tokens(str(message.content), model) > OLD_TOOL_RESULT_TOKENS
        ):
            message = message.model_copy(
                update={"content": truncate_tokens(str(message.content), OLD_TOOL_RESULT_TOKENS, model)}
            )
        shortened.append(message)
    dropped = 0
    while shortened and total(shortened + current) > budget:
        # Drop the oldest whole turn so a tool result never loses the call it answers.
        next_turn = next(
            (i for i in range(1, len(shortened)) if isinstance(shortened[i], HumanMessage)), None
        )
        cut = next_turn if next_turn is not None else len(shortened)
        dropped += cut
        shortened = shortened[cut:]
    current = _shorten_current(current, budget - total(shortened), model)
    kept = shortened + current
    return kept, total(kept), dropped


def _shorten_current(current: list[BaseMessage], budget: int, model: str | None) -> list[BaseMessage]:
    """The current turn within `budget` tokens by cutting its tool results, largest first, never below
    CURRENT_TOOL_RESULT_FLOOR (a small window takes a part of a scene's text, not none of it)."""
    sizes = [_message_tokens(m, model) for m in current]
    excess = sum(sizes) - budget
    if excess <= 0:
        return current
    out = list(current)
    order = sorted((i for i, m in enumerate(current) if isinstance(m, ToolMessage)), key=lambda i: -sizes[i])
    for index in order:
        if excess <= 0:
            break
        content = str(out[index].content)
        tokens = count_tokens(content, model)
        keep = max(CURRENT_TOOL_RESULT_FLOOR, tokens - excess)
        if keep >= tokens:
            continue
        out[index] = out[index].model_copy(update={"content": truncate_tokens(content, keep, model)})
        excess -= tokens - count_tokens(str(out[index].content), model)
    return out


class TokenBudget(AgentMiddleware):
    """Fit each model call into the model's window and count the turn's tokens.

    The window (`context_tokens`: the server's own when it says, else SLATE_CONTEXT_TOKENS) holds the
    system prompt, the tool schemas offered, the history and room for the answer (`answer_tokens`).
    Older tool results are shortened first, then the oldest whole turns dropped, then the current
    turn's tool results cut. Tokens are counted with tiktoken, which is not every server's tokenizer:
    when a server still refuses the request for its length (HTTP 400), the window and the ratio of
    its count to ours are learnt from its error, and the call is shrunk and sent once more. Calls to
    the offline planner are counted, never trimmed (it reads the conversation for follow-ups).
    """

    def __init__(
        self,
        context_tokens: int,
        model_name: str | None = None,
        *,
        answer_tokens: int = ANSWER_RESERVE,
        planner: BaseChatModel | None = None,
    ) -> None:
        super().__init__()
        self.context_tokens = context_tokens
        self.model_name = model_name
        self.answer_tokens = answer_tokens
        self.planner = planner
        # Server tokens per tiktoken token, learnt from a context-overflow error (1.0 until then).
        self.server_ratio = 1.0

    def budget(self, tools_tokens: int) -> int:
        """Tokens (ours) left for the system prompt and the messages."""
        reserve = min(self.answer_tokens, ANSWER_RESERVE)
        return max(500, int((self.context_tokens - reserve) / self.server_ratio) - tools_tokens)

    def wrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]
    ) -> ModelResponse | AIMessage:
        log = _turn(request)
        if self.planner is not None and request.model is self.planner:
            _, tokens, _ = fit_to_window(list(request.messages), request.system_message, 10**9)
            log.prompt_tokens += tokens
            return self._count(handler(request), log)
        fitted, tokens = self._fit(request, log)
        try:
            response = handler(fitted)
        except Exception as exc:
            failure = classify_model_failure(exc)
            if failure.code != "context_overflow" or log.shrunk_retries or log.cancel.is_set():
                raise
            self._learn(failure, tokens)
            log.shrunk_retries += 1  # a refused request streamed nothing: no text to take back
            fitted, _ = self._fit(request, log)
            response = handler(fitted)
        return self._count(response, log)

    def _fit(self, request: ModelRequest, log: TurnLog) -> tuple[ModelRequest, int]:
        tools_tokens = schema_tokens(request.tools, self.model_name)
        messages, tokens, dropped = fit_to_window(
            list(request.messages), request.system_message, self.budget(tools_tokens), self.model_name
        )
        log.prompt_tokens += tokens + tools_tokens
        log.dropped_messages += dropped
        if messages != list(request.messages):  # old tool results shortened, or old turns dropped
            request = request.override(messages=messages)  # type: ignore[arg-type]
        return request, tokens + tools_tokens

    def _learn(self, failure: ModelFailure, sent_tokens: int) -> None:
        """What the server's refusal says about its window and its tokenizer."""
        if failure.window_tokens:
            self.context_tokens = min(self.context_tokens, failure.window_tokens)
        if failure.request_tokens and sent_tokens:
            self.server_ratio = max(self.server_ratio, failure.request_tokens / sent_tokens * 1.05)
        if not (failure.window_tokens or failure.request_tokens):
            self.context_tokens = int(self.context_tokens * 0.75)  # no figures: try a quarter smaller

    def _count(self, response: ModelResponse | AIMessage, log: TurnLog) -> ModelResponse | AIMessage:
        for message in _messages_of(response):
            if isinstance(message, AIMessage):
                usage: dict[str, Any] = dict(message.usage_metadata or {})
                log.completion_tokens += int(
                    usage.get("output_tokens") or _message_tokens(message, self.model_name)
                )
        return response


class OfferTurnTools(AgentMiddleware):
    """Offer a connected model only the tools of the request's candidate skills, as compact schemas
    (agent.turn_tools); the offline planner knows the registry and is offered nothing."""

    def __init__(
        self,
        choose: Callable[[list[BaseMessage]], list[str]],
        schema: Callable[[str], dict[str, Any]],
        planner: BaseChatModel,
        all_names: set[str],
    ) -> None:
        super().__init__()
        self._chosen: dict[str, list[str]] = {}
        self.all_names = all_names
        self.choose = choose
        self.schema = schema
        self.planner = planner

    def wrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]
    ) -> ModelResponse | AIMessage:
        if request.model is self.planner:
            return handler(request)
        messages: list[BaseMessage] = list(request.messages)
        key = current_request(messages)
        key_text = key[0] + "\x00" + ",".join(key[1])
        try:
            # A turn's later calls (after each tool result) ask the same: choose once per request.
            names = self._chosen.get(key_text) or self.choose(messages)
        except Exception:  # a bug in choosing must not end the turn: offer everything, as before
            logger.exception("choosing the turn's tools failed")
            names = sorted(self.all_names)
        if len(self._chosen) > 256:
            self._chosen.clear()
        self._chosen[key_text] = names
        _turn(request).offered_tools = names
        return handler(request.override(tools=[self.schema(n) for n in names]))


def _discard(log: TurnLog) -> None:
    """Note that the text a failed model call streamed is not the answer. Written into the graph's
    own stream ("custom" mode) so the note arrives after that text and before what replaces it."""
    log.discarded_calls += 1
    try:
        from langgraph.config import get_stream_writer

        get_stream_writer()({"discard": log.discarded_calls})
    except RuntimeError:  # not inside a streamed graph run: nobody saw any text
        pass


def _messages_of(response: ModelResponse | AIMessage | Any) -> list[BaseMessage]:
    if isinstance(response, AIMessage):
        return [response]
    return list(getattr(response, "result", []) or [])


class FallbackToPlanner(AgentMiddleware):
    """Use the offline planner for the rest of a turn when the connected model fails.

    Bad key, rate limit, timeout, refused connection, context overflow, a cut-off stream or a
    malformed tool call: the turn goes on with the planner and the answer says why. A cut-off stream
    or a dropped connection is first retried (SLATE_LLM_RETRIES) within the call's deadline. A turn
    that has failed over stays with the planner, so a flaky server is not asked again mid-turn.
    Each model call runs in a `call_scope`: the turn's cancel event and one deadline for the call and
    its retries.
    """

    def __init__(
        self,
        planner: BaseChatModel,
        tool_names: set[str],
        *,
        ground: Callable[[list[BaseMessage], AIMessage], Grounding] | None = None,
        turn_tokens: int | None = None,
        turn_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.planner = planner
        self.tool_names = tool_names
        self.ground = ground
        self.turn_tokens = turn_tokens
        self.turn_seconds = turn_seconds

    def wrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]
    ) -> ModelResponse | AIMessage:
        log = _turn(request)
        if request.model is not self.planner and log.fallback is None:
            if spent := self._budget_spent(log):
                self._fail(log, ModelFailure("turn_budget", detail=spent))
            else:
                try:
                    response = self._call_model(request, handler, log)
                except (GraphBubbleUp, TurnCancelled):
                    raise
                except Exception as exc:  # any model failure: explain and answer offline
                    if log.cancel.is_set():
                        raise TurnCancelled() from None
                    _discard(log)
                    self._fail(log, self._classify(exc, log))
                else:
                    log.model_calls += 1
                    if self._grounded(request, response, log):
                        return response
        if log.cancel.is_set():
            raise TurnCancelled()
        log.planner_calls += 1
        return handler(request.override(model=self.planner))

    @staticmethod
    def _fail(log: TurnLog, failure: ModelFailure) -> None:
        log.fallback = failure
        log.fallback_reason = failure.text("en")

    def _grounded(self, request: ModelRequest, response: ModelResponse | AIMessage, log: TurnLog) -> bool:
        """Keep the model's response unless it is an answer that names what the turn never looked up
        (agent.grounding): then its text is taken back and the planner runs its own tools."""
        messages = [m for m in _messages_of(response) if isinstance(m, AIMessage)]
        for message in messages:
            log.reported_model = message.response_metadata.get("model_name") or log.reported_model
        answers = [m for m in messages if not m.tool_calls]
        if not answers:
            return True
        if self.ground is not None:
            try:
                log.grounding = self.ground(list(request.messages), answers[-1])
            except Exception:  # an answer that could not be checked is not shown as fact
                logger.exception("grounding check failed")
                log.grounding = Grounding("invented", "production", tool_called=False)
            if not log.grounding.shown_as_fact:
                _discard(log)
                looked = log.grounding.tool_called or log.grounding.route != "production"
                code = "ungrounded" if looked and log.grounding.unsupported else "not_looked_up"
                self._fail(log, ModelFailure(code, detail=log.grounding.detail()))  # type: ignore[arg-type]
                return False
        log.answered_by_language_model = True
        return True

    def _budget_spent(self, log: TurnLog) -> str | None:
        """Which of the turn's generation limits is used up, if any."""
        if self.turn_tokens is not None and log.completion_tokens >= self.turn_tokens:
            return f"{log.completion_tokens:,} of {self.turn_tokens:,} tokens"
        if self.turn_seconds is not None and time.monotonic() - log.started >= self.turn_seconds:
            return f"{self.turn_seconds:g} s"
        return None

    def _classify(self, exc: BaseException, log: TurnLog) -> ModelFailure:
        turn_over = (
            self.turn_seconds is not None and time.monotonic() - log.started >= self.turn_seconds - 0.5
        )
        if isinstance(exc, ModelTimeout) and turn_over:
            return ModelFailure("turn_budget", detail=f"{self.turn_seconds:g} s")
        return classify_model_failure(exc)

    def _call_model(
        self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse], log: TurnLog
    ) -> ModelResponse | AIMessage:
        """The model's response, retried within one deadline when a stream was cut off."""
        timeout = getattr(request.model, "call_timeout", None)
        retries = int(getattr(request.model, "call_retries", 0) or 0)
        deadline = time.monotonic() + timeout if timeout else None
        if self.turn_seconds is not None:
            turn_deadline = log.started + self.turn_seconds
            deadline = min(deadline, turn_deadline) if deadline is not None else turn_deadline
        attempt = 0
        while True:
            try:
                with call_scope(log.cancel, deadline):
                    response = handler(request)
                self._check(response)
                return response
            except Exception as exc:
                out_of_time = deadline is not None and time.monotonic() >= deadline - 0.5
                if attempt >= retries or not is_retryable(exc) or out_of_time or log.cancel.is_set():
                    raise
                attempt += 1
                _discard(log)

    def _check(self, response: ModelResponse | AIMessage) -> None:
        for message in _messages_of(response):
            if not isinstance(message, AIMessage):
                continue
            if message.invalid_tool_calls and not message.tool_calls:
                bad = message.invalid_tool_calls[0]
                raise MalformedToolCall(f"unreadable arguments for {bad.get('name') or 'a tool'}")
            for call in message.tool_calls:
                if call["name"] not in self.tool_names:
                    raise MalformedToolCall(f"no tool called {call['name']!r}")


def changing_tools() -> frozenset[str]:
    """The registered tools that change the production (the flag lives on each tool)."""
    from tools.registry import all_tools

    return frozenset(name for name, spec in all_tools().items() if spec.changes_production)


class IntentGate(AgentMiddleware):
    """Refuse a tool that changes the production unless the person's request, as understood, asks for it.

    Documents and tool results are data: a note saying "delete the shot list" must not make a model
    delete it. The decision is the offline planner's reading of the conversation (the same router and
    skills that plan the offline answer), not a list of loose words: "which lights should we use?" is a
    question, so no edit runs; "drop 7C" is an edit of shot 7C.
    """

    def __init__(self, requested: Callable[[list[Any]], set[str]], changing: frozenset[str]) -> None:
        super().__init__()
        self.requested = requested
        self.changing = changing

    def wrap_tool_call(self, request: Any, handler: Callable[[Any], Any]) -> Any:
        name = request.tool_call["name"]
        if name in self.changing and _turn(request).read_only:
            log = _turn(request)
            log.blocked_tools.append(name)
            log.denied_calls.append(name)
            return _blocked(
                request,
                f"BLOCKED: {name} changes the production, and this person may only read it. "
                "Do not retry; answer with what you have.",
                f"{name} was not run: this person may read the project but not change it",
                error="ReadOnly",
            )
        if name in self.changing:
            messages = request.state.get("messages", []) if isinstance(request.state, dict) else []
            if name not in self.requested(list(messages)):
                log = _turn(request)
                log.blocked_tools.append(name)
                log.refused_calls.append((name, dict(request.tool_call.get("args") or {})))
                return _blocked(
                    request,
                    f"BLOCKED: {name} changes the production, and the person did not ask for a change "
                    "in this message. Do not retry; answer with what you have.",
                    f"{name} was not run: the request did not ask for a change",
                )
        return handler(request)


def _blocked(request: Any, content: str, message: str, error: str = "Blocked") -> ToolMessage:
    """The tool result of a refused call: an error the model reads, and an artifact that says why."""
    name = request.tool_call["name"]
    return ToolMessage(
        content=content,
        tool_call_id=request.tool_call["id"],
        name=name,
        artifact={"kind": "error", "error": error, "tool": name, "message": message},
        status="error",
    )
