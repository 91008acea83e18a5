"""Changes a model proposed that the person did not ask for: held until the person confirms.

The intent gate refuses a tool flagged `changes_production` when the person's request, as the
planner understands it, does not ask for that change. The refused call is not lost: it becomes a
`PendingChange` in the turn's result, which the UI shows with Apply / Cancel and `slate ask` asks
about (y/N). Applying runs exactly the refused call (same tool, same validated arguments) through
`SlateAgent.apply_change`; nothing the model writes later can widen it.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

Lang = Literal["en", "zh"]


class PendingChange(BaseModel):
    """A refused call to a tool that changes the production, waiting for the person's yes or no."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    tool: str
    args: dict[str, Any]
    reason: str = Field(description="Why it was not run, in plain words.")
    question: str = Field(description="What the person is asked, in their language.")


def _target(tool: str, args: dict[str, Any], lang: Lang) -> str:
    """The change in a few words: the tool's own description, plus the arguments that pick its target."""
    shot, scene = args.get("shot_id"), args.get("scene")
    if tool == "edit_shot_list" and args.get("remove") and shot:
        return f"從第{scene}場刪除鏡頭 {shot}" if lang == "zh" else f"drop shot {shot} from scene {scene}"
    from tools.registry import get_tool

    # The description's first clause ("Draft a shot list for a scene: establishing, …" → its head).
    description = get_tool(tool).description.split(":", 1)[0].split(". ", 1)[0].rstrip(".")
    shown = ", ".join(f"{k}={v}" for k, v in args.items() if v not in (None, [], {}, ""))
    words = description[:1].lower() + description[1:] if lang == "en" else description
    return f"{words} ({shown})" if shown else words


def pending_change(tool: str, args: dict[str, Any], lang: Lang) -> PendingChange:
    """The refused call as a question for the person."""
    target = _target(tool, args, lang)
    if lang == "zh":
        reason = f"{tool} 會改動製作資料，而你嘅訊息冇叫我改，所以未有執行。"
        question = f"Slate 想{target}：要套用嗎？"
    else:
        reason = (
            f"{tool} changes the production and your message did not ask for that change, so it was not run."
        )
        question = f"Slate wants to {target}: apply?"
    return PendingChange(tool=tool, args=dict(args), reason=reason, question=question)


def refusal_note(changes: list[PendingChange], lang: Lang) -> str:
    """The line put before the answer when changes were refused: what was not done and why."""
    names = ", ".join(dict.fromkeys(c.tool for c in changes))
    if lang == "zh":
        return f"⚠ 未執行 {names}：呢啲工具會改動製作資料，而你嘅訊息冇叫我改。冇任何資料被改動；如要套用，請確認。"
    return (
        f"⚠ Not run: {names}. These change the production and your message did not ask for that, "
        "so nothing was changed; confirm a change to apply it."
    )


def read_only_note(tools: list[str], lang: Lang) -> str:
    """The line put before the answer when a person who may only read the project asked for a change."""
    names = ", ".join(dict.fromkeys(tools))
    if lang == "zh":
        return f"⚠ 未執行 {names}：你可以睇呢個製作，但冇權改動佢，所以冇任何資料被改動。請搵呢個製作嘅編輯幫手。"
    return (
        f"⚠ Not run: {names}. You may read this production but not change it, so nothing was changed; "
        "ask one of its editors."
    )
