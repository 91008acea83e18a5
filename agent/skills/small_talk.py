"""Small talk: help, thanks, what Slate cannot do, and a tool's error in plain words."""

from __future__ import annotations

from typing import Any

from agent.consent import read_only_note
from agent.intents import Understanding
from agent.lexicon import Lexicon
from agent.skills.base import Skill, call
from tools.registry import ToolError


def _error(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    error = ToolError.model_validate(a)
    kind = error.error
    nearest = error.nearest
    value = error.value
    if lang == "zh":
        if kind == "SceneNotFound":
            return f"劇本入面冇第{value}場。" + (f"最接近嘅有：第{'、'.join(nearest)}場。" if nearest else "")
        if kind == "CharacterNotFound":
            return f"呢個製作冇叫「{value}」嘅角色。" + (
                f"你係咪指：{'、'.join(nearest)}？" if nearest else ""
            )
        if kind == "LocationNotFound":
            return f"搵唔到「{value}」呢個場景。" + (f"你係咪指：{'、'.join(nearest)}？" if nearest else "")
        if kind == "NotFound":
            return f"搵唔到「{value}」。" + (f"你係咪指：{'、'.join(nearest)}？" if nearest else "")
        if kind == "Blocked":
            return "呢個要求會改動製作資料，但你冇叫我改，所以我冇做。"
        if kind == "ReadOnly":
            return read_only_note([str(error.tool)], "zh")
        if kind == "ToolFailed":
            return "做唔到：Slate 內部出咗問題（詳情已寫入記錄）。可以試下換個講法，或者話俾管理員知。"
        return f"做唔到：{error.message}"
    if kind == "SceneNotFound":
        return f"There is no scene {value} in the script." + (
            f" Nearest: {', '.join(nearest)}." if nearest else ""
        )
    if kind == "CharacterNotFound":
        return f"No character called “{value}” in this production." + (
            f" Did you mean {', '.join(nearest)}?" if nearest else ""
        )
    if kind == "LocationNotFound":
        return f"No location matching “{value}”." + (
            f" Did you mean {', '.join(nearest)}?" if nearest else ""
        )
    if kind == "Blocked":
        return "That would change the production's data, and you didn't ask for a change, so I didn't do it."
    if kind == "ReadOnly":
        return read_only_note([str(error.tool)], "en")
    if kind == "ToolFailed":
        return (
            "I couldn't finish that: something went wrong inside Slate (the details are in its log). "
            "Try asking another way, or tell whoever runs Slate."
        )
    return str(error.message or "That did not work.")


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    if u.intent == "cannot" and u.cannot == "budget":
        # "What's the budget?": the producer's notes may say; Slate computes none itself.
        return [call("search_documents", query=u.search_text, k=5)]
    return []


SKILL = Skill(
    name="small_talk",
    intents=frozenset({"help", "thanks", "cannot"}),
    plan=plan,
    composers={"error": _error},
    tools=frozenset({"search_documents"}),
)
