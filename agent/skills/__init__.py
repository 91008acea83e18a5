"""The offline planner's skills: one module per capability, read top to bottom.

A turn goes: agent.intents reads the message into an `Understanding` (its intent, scenes, names …) →
agent.planner resolves it against the conversation and asks the skill owning the intent for its tool
calls (`Skill.plan`) → the tools run (tools/registry.py) → agent.compose hands each result to the
composer of the skill owning its kind (`Skill.composers`), which writes that part of the answer in the
person's language; compose adds the sources.

Adding a capability: one module here with a `SKILL`, listed below, plus its intent in agent.intents.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from agent.intents import Understanding
from agent.lexicon import Lexicon
from agent.skills import (
    breakdown,
    documents,
    people_places,
    scenes,
    schedule,
    shot_lists,
    small_talk,
    subtitles,
)
from agent.skills.base import Composer, Skill

SKILLS: tuple[Skill, ...] = (
    scenes.SKILL,
    people_places.SKILL,
    documents.SKILL,
    shot_lists.SKILL,
    schedule.SKILL,
    subtitles.SKILL,
    breakdown.SKILL,
    small_talk.SKILL,
)

_BY_INTENT: dict[str, Skill] = {intent: skill for skill in SKILLS for intent in skill.intents}
COMPOSERS: dict[str, Composer] = {kind: f for skill in SKILLS for kind, f in skill.composers.items()}


def skill_for_intent(intent: str) -> Skill | None:
    """The skill that plans this intent (None: nothing to plan)."""
    return _BY_INTENT.get(intent)


_TYPED: frozenset[str] = frozenset(kind for skill in SKILLS for kind in skill.typed)


@cache
def result_model(tool: str) -> type[Any] | None:
    """The registered tool's result model (its return annotation), None for an unknown tool."""
    from tools.registry import all_tools

    spec = all_tools().get(tool)
    return typing.get_type_hints(spec.func).get("return") if spec is not None else None


def compose_result(artifact: dict[str, Any], u: Understanding, lexicon: Lexicon) -> str | None:
    """The answer's part for one tool result (None: no skill composes this kind).

    A typed composer gets the result re-validated once from the checkpoint's dict into the model the
    tool returned, so it reads attributes; the others still get the dict.
    """
    kind = str(artifact.get("kind"))
    composer = COMPOSERS.get(kind)
    if composer is None:
        return None
    if kind in _TYPED:
        model = result_model(str(artifact.get("tool") or ""))
        if model is not None and hasattr(model, "model_validate"):
            return composer(model.model_validate(artifact), u, lexicon)
    return composer(artifact, u, lexicon)


__all__ = ["COMPOSERS", "SKILLS", "Skill", "compose_result", "result_model", "skill_for_intent"]
