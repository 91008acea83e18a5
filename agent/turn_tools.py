"""What a connected model is offered in one turn: the tools of the request's candidate skills, compact.

Sending every registered tool (30 schemas, ~8,800 tokens) with every call does not fit a local server's
4k window and drowns a small model in choices. The meaning router (`agent/routing.py`) already knows
which skill a request belongs to; the request's rule intent, the router's best route and its runner-up
are the candidate skills, and only their tools go to the model (a handful), plus `search_documents`
as the general way back to the documents. A follow-up also keeps the tools the previous turn used.

Schemas are compact: the docstring's first line as the description, each argument's own line cut to
its first clause, `Optional[X]` sent as `X`, no titles or `null` defaults. The registry stays the one
source: nothing here restates a tool's arguments.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from agent.lexicon import Lexicon
from agent.routing import Router
from tools.registry import ToolSpec, all_tools

# The tools of each skill, by the planner's intents and the router's labels (agent/data/route_examples.yaml).
SKILL_TOOLS: dict[str, tuple[str, ...]] = {
    "find_scenes": ("find_scenes",),
    "scene_details": ("scene_details",),
    "scene_order": ("find_scenes", "scene_details"),
    "scene_rank": ("find_scenes",),
    "cast_rank": ("cast_summary", "character_report"),
    "character_report": ("character_report", "find_scenes"),
    "location_report": ("location_report", "find_scenes"),
    "search": ("search_documents",),
    "overview": ("production_overview",),
    "shot_list": ("draft_shot_list", "get_shot_list", "scene_details"),
    "show_shot_list": ("get_shot_list",),
    "edit_shot": ("edit_shot_list", "get_shot_list"),
    "schedule": ("plan_schedule",),
    "schedule_day": ("plan_schedule", "call_sheet"),
    "call_sheet": ("call_sheet",),
    "unavailable": ("add_unavailability", "plan_schedule"),
    "subtitles": ("check_subtitles", "fix_subtitles"),
    "subs_check": ("check_subtitles",),
    "subs_fix": ("fix_subtitles", "check_subtitles"),
    "subs_convert": ("convert_subtitle_script",),
    "subs_merge": ("merge_subtitles",),
    "subs_shift": ("shift_subtitles",),
    "subs_translate": ("translate_subtitles",),
    "transcribe": ("transcribe_media",),
    "shot_changes": ("find_shot_changes",),
    "breakdown": ("breakdown_scenes", "element_report"),
    "department_list": ("department_list", "element_report"),
    "revisions": ("list_drafts", "draft_changes", "compare_drafts"),
    "free_writing": ("scene_details", "search_documents"),
    "help": (),
    "thanks": (),
    "cannot": (),
}
# Always offered: the way back to the documents when the skills guessed wrong.
ALWAYS = ("search_documents",)
MAX_TOOLS = 8
DESCRIPTION_CHARS = 120
ARG_DESCRIPTION_CHARS = 70


def current_request(messages: Sequence[BaseMessage]) -> tuple[str, list[str]]:
    """The person's latest message and the tools the turn before it called: all that decides which
    tools a turn is offered (so the choice can be remembered for the turn's later calls)."""
    humans = [i for i, m in enumerate(messages) if isinstance(m, HumanMessage)]
    if not humans:
        return "", []
    last = humans[-1]
    start = humans[-2] if len(humans) > 1 else last
    previous = [
        call["name"] for m in messages[start:last] if isinstance(m, AIMessage) for call in m.tool_calls
    ]
    return messages[last].text, previous


def candidate_skills(text: str, lexicon: Lexicon, router: Router | None = None) -> list[str]:
    """The request's skills, most likely first: its intent (rules and router), the router's best route
    and the runner-up."""
    from agent.intents import understand
    from agent.routing import default_router

    router = router or default_router()
    u = understand(text, lexicon, router=router)
    route = router.route(u.masked)
    skills = [u.intent, route.label, route.runner_up]
    if u.follow_up:
        skills.append("follow_up")
    return list(dict.fromkeys(s for s in skills if s))


def tools_for_turn(
    messages: Sequence[BaseMessage], lexicon: Lexicon, router: Router | None = None
) -> list[str]:
    """The names of the tools to offer for the conversation's current request."""
    text, previous = current_request(messages)
    registered = all_tools()
    names: list[str] = []
    if text.strip():
        skills = candidate_skills(text, lexicon, router)
        for skill in skills:
            names.extend(SKILL_TOOLS.get(skill, ()))
        if "follow_up" in skills:
            names.extend(previous)
    names.extend(ALWAYS)
    return [n for n in dict.fromkeys(names) if n in registered][:MAX_TOOLS]


def _first_clause(text: str, limit: int) -> str:
    text = " ".join(text.split())
    # The first sentence; "e.g." does not end one.
    match = re.match(r"(.+?(?<!e\.g)(?<!i\.e)[.;:])(?:\s|$)", text)
    short = match.group(1) if match else text
    return short if len(short) <= limit else short[: limit - 1].rstrip() + "…"


def _compact(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """One property's schema without what a model does not need (titles, null defaults, `| None`)."""
    if "$ref" in prop:
        prop = {
            **defs.get(prop["$ref"].rsplit("/", 1)[-1], {}),
            **{k: v for k, v in prop.items() if k != "$ref"},
        }
    variants = [v for v in prop.get("anyOf", []) if v.get("type") != "null"]
    if len(variants) == 1:
        merged = {k: v for k, v in prop.items() if k != "anyOf"}
        prop = {**_compact(variants[0], defs), **merged}
    out: dict[str, Any] = {}
    for key in ("type", "enum", "anyOf"):
        if key in prop:
            out[key] = [_compact(v, defs) for v in prop[key]] if key == "anyOf" else prop[key]
    if "items" in prop:
        out["items"] = _compact(prop["items"], defs)
    if "properties" in prop:
        out["properties"] = {k: _compact(v, defs) for k, v in prop["properties"].items()}
        if prop.get("required"):
            out["required"] = prop["required"]
    if prop.get("description"):
        out["description"] = _first_clause(prop["description"], ARG_DESCRIPTION_CHARS)
    if "default" in prop and prop["default"] not in (None, [], {}, ""):
        out["default"] = prop["default"]
    return out


@cache
def compact_schema(name: str) -> dict[str, Any]:
    """The OpenAI tool schema of a registered tool, compact (see the module docstring)."""
    spec: ToolSpec = all_tools()[name]
    schema = spec.args_model.model_json_schema()
    defs = schema.get("$defs", {})
    parameters: dict[str, Any] = {
        "type": "object",
        "properties": {k: _compact(v, defs) for k, v in schema.get("properties", {}).items()},
    }
    if schema.get("required"):
        parameters["required"] = schema["required"]
    return {
        "type": "function",
        "function": {
            "name": spec.name,
            "description": _first_clause(spec.description, DESCRIPTION_CHARS),
            "parameters": parameters,
        },
    }


def schema_tokens(tools: Sequence[Any], model: str | None = None) -> int:
    """Tokens the tool schemas take in a request (as JSON, the way the server receives them)."""
    from langchain_core.utils.function_calling import convert_to_openai_tool

    from knowledge.tokens import count_tokens

    if not tools:
        return 0
    schemas = [t if isinstance(t, dict) else convert_to_openai_tool(t) for t in tools]
    return count_tokens(json.dumps(schemas, ensure_ascii=False, separators=(",", ":")), model)
