"""A change the model proposed but the person did not ask for: held, shown with Apply / Cancel, and run
only on Apply (exactly the held call); a person who may only read gets no Apply at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.messages import AIMessage

from core.settings import Settings
from tests.agent.fakes import tool_call
from tests.ui.conftest import PROJECT
from tests.ui.test_handlers import run_turn
from tools.shot_list_io import list_versions
from ui.handlers import Handlers
from ui.i18n import t

UNASKED = [tool_call("draft_shot_list", {"scene": "2"}), AIMessage("I drafted the shot list.")]


def _versions(handlers: Handlers) -> int:
    return len(list_versions(handlers.agent(PROJECT).production, "2"))


def test_an_unasked_change_waits_for_apply(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted(UNASKED))
    seen = run_turn(handlers, "What happens in scene 2?", session="consent")
    assert seen["consent_box"]["visible"] is True
    assert "Slate wants to" in seen["consent_text"] and seen["consent_text"].endswith("apply?**")
    assert seen["chatbot"][-1]["content"].startswith("⚠ Not run: draft_shot_list")
    assert _versions(handlers) == 0

    out = handlers.apply_pending("consent", PROJECT, "en", seen["chatbot"], seen.get("artifacts", []))
    assert _versions(handlers) == 1
    assert out.chatbot[-1]["content"].startswith(f"✓ {t('consent_applied', 'en')}: ")
    assert out.consent_box["visible"] is False
    assert [a["kind"] for a in out.artifacts] == ["shot_list"]  # the new list is shown in the panel

    again = handlers.apply_pending("consent", PROJECT, "en", out.chatbot, out.artifacts)
    assert again.chatbot[-1]["content"] == t("consent_none", "en") and _versions(handlers) == 1


def test_cancel_drops_the_held_change(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted(UNASKED))
    seen = run_turn(handlers, "第二場講咩？", lang="zh", session="no")
    out = handlers.cancel_pending("no", PROJECT, "zh", seen["chatbot"])
    assert out.chatbot[-1]["content"] == t("consent_cancelled", "zh")
    assert handlers.apply_pending("no", PROJECT, "zh", out.chatbot, []).chatbot[-1]["content"] == t(
        "consent_none", "zh"
    )
    assert _versions(handlers) == 0


def test_a_new_message_drops_a_change_left_unanswered(scripted: Callable, settings: Settings) -> None:
    script = [*UNASKED, AIMessage("Scene 3 is on the street.")]
    handlers = Handlers(settings, PROJECT, scripted(script))
    run_turn(handlers, "What happens in scene 2?", session="later")
    seen = run_turn(handlers, "And scene 3?", session="later")
    assert seen["consent_box"]["visible"] is False
    assert handlers.apply_pending("later", PROJECT, "en", [], []).chatbot[-1]["content"] == t(
        "consent_none", "en"
    )
    assert _versions(handlers) == 0


def test_a_reader_is_never_offered_apply(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted(UNASKED))
    seen: dict[str, Any] = {}
    for out in handlers.chat("What happens in scene 2?", [], "r", PROJECT, "en", [], may_change=False):
        seen.update({k: v for k, v in out._asdict().items() if v != {"__type__": "update"}})
    assert seen["consent_box"]["visible"] is False
    assert "may read this production but not change it" in seen["chatbot"][-1]["content"]
    assert _versions(handlers) == 0
