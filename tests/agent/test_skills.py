"""The offline planner's skills (agent/skills): every intent has exactly one owner, every result kind
with a composer has exactly one, and every tool a skill calls is registered."""

from __future__ import annotations

import typing

from agent.intents import Intent
from agent.skills import COMPOSERS, SKILLS, skill_for_intent
from tools.registry import ArtifactKind, all_tools


def test_every_intent_has_exactly_one_skill() -> None:
    for intent in typing.get_args(Intent):
        owners = [skill.name for skill in SKILLS if intent in skill.intents]
        assert len(owners) == 1, f"intent {intent!r} is owned by {owners}"
        skill = skill_for_intent(intent)
        assert skill is not None and skill.name == owners[0]


def test_skills_own_only_real_intents() -> None:
    intents = set(typing.get_args(Intent))
    for skill in SKILLS:
        assert skill.intents <= intents, f"{skill.name}: unknown intents {sorted(skill.intents - intents)}"


def test_every_composed_kind_has_exactly_one_skill() -> None:
    # "error" is the agent's own artifact for a tool that failed (agent.service), not a tool result.
    kinds = set(typing.get_args(ArtifactKind)) | {"error"}
    for kind in COMPOSERS:
        owners = [skill.name for skill in SKILLS if kind in skill.composers]
        assert len(owners) == 1, f"result kind {kind!r} is composed by {owners}"
        assert kind in kinds, f"{kind!r} is not a ToolResult kind"


def test_every_skill_tool_is_registered() -> None:
    registered = all_tools()
    for skill in SKILLS:
        assert skill.tools, f"{skill.name} lists no tools"
        missing = sorted(skill.tools - set(registered))
        assert not missing, f"{skill.name} calls unregistered tools {missing}"


def test_skill_names_are_unique() -> None:
    names = [skill.name for skill in SKILLS]
    assert len(names) == len(set(names))
