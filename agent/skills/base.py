"""What a skill is: the intents it plans for, the result kinds it writes answers from, and how."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agent.intents import Understanding
from agent.lexicon import Lexicon

_ids = itertools.count(1)

Planner = Callable[[Understanding, Lexicon], list[dict[str, Any]]]
Composer = Callable[[Any, Understanding, Lexicon], str]


def call(tool: str, **args: Any) -> dict[str, Any]:
    """One tool call as LangChain carries it (arguments left out when None)."""
    return {
        "name": tool,
        "args": {k: v for k, v in args.items() if v is not None},
        "id": f"call_{next(_ids)}",
        "type": "tool_call",
    }


@dataclass(frozen=True)
class Skill:
    """One capability of the offline planner.

    `intents`: the requests it plans (agent.intents.Intent values); `plan(u, lexicon)` returns the first
    stage's tool calls for one of them. `composers`: for each result kind (ToolResult.kind) it owns, the
    function writing that part of the answer from the result. `tools`: the registered tools its plans call.
    `typed`: the kinds whose composer takes the tool's pydantic result (re-validated once by
    agent.skills.compose_result) instead of the checkpoint's dict.
    """

    name: str
    intents: frozenset[str]
    plan: Planner
    composers: dict[str, Composer] = field(default_factory=dict)
    tools: frozenset[str] = frozenset()
    typed: frozenset[str] = frozenset()  # kinds whose composer reads the result's model, not a dict
