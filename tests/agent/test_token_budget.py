"""The token budget: history and old tool results are trimmed to the window, and what the model is
shown is what the turn reports."""

from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from agent.middleware import ANSWER_RESERVE, CURRENT_TOOL_RESULT_FLOOR, OLD_TOOL_RESULT_TOKENS, fit_to_window
from agent.models import ModelInfo
from agent.service import SlateAgent
from knowledge.production import Production
from knowledge.tokens import count_tokens
from tests.agent.fakes import ScriptedChatModel, tool_call

SYSTEM = SystemMessage("You are Slate.")
LONG_RESULT = "<tool-data> " + "天台 ROOFTOP 阿輝 chases 細強 across the roof. " * 150


def _history(*turns: tuple[str, str]) -> list[HumanMessage | AIMessage | ToolMessage]:
    """Each turn: a question, a tool call, its long result, an answer."""
    messages: list[HumanMessage | AIMessage | ToolMessage] = []
    for n, (question, answer) in enumerate(turns):
        call = tool_call("scene_details", {"scene": str(n + 1)}, f"call_{n}")
        messages += [
            HumanMessage(question),
            call,
            ToolMessage(LONG_RESULT, tool_call_id=f"call_{n}"),
            AIMessage(answer),
        ]
    return messages


def test_a_history_within_the_window_is_left_alone() -> None:
    messages = [*_history(("scene 1?", "Scene 1 is on the roof.")), HumanMessage("and scene 2?")]
    kept, tokens, dropped = fit_to_window(messages, SYSTEM, 100_000)
    assert kept == messages and dropped == 0
    assert tokens > count_tokens(LONG_RESULT)


def test_old_tool_results_are_shortened_before_any_turn_is_dropped() -> None:
    messages = [*_history(("scene 1?", "Scene 1 is on the roof.")), HumanMessage("and scene 2?")]
    full = fit_to_window(messages, SYSTEM, 100_000)[1]
    kept, tokens, dropped = fit_to_window(messages, SYSTEM, full // 2)
    assert dropped == 0 and [type(m) for m in kept] == [type(m) for m in messages]
    shortened = kept[2]
    assert isinstance(shortened, ToolMessage) and shortened.tool_call_id == "call_0"
    assert count_tokens(str(shortened.content)) <= OLD_TOOL_RESULT_TOKENS
    assert str(shortened.content).endswith("…[truncated]")
    assert tokens <= full // 2
    assert kept[-1] == messages[-1]


def test_oldest_whole_turns_go_first_and_the_current_turn_stays() -> None:
    current_result = "<tool-data> " + "阿美 pours milk tea. " * 60
    messages = [
        *_history(("scene 1?", "one"), ("scene 2?", "two"), ("scene 3?", "three")),
        HumanMessage("and scene 4?"),
        tool_call("scene_details", {"scene": "4"}, "call_now"),
        ToolMessage(current_result, tool_call_id="call_now"),
    ]
    kept, tokens, dropped = fit_to_window(messages, SYSTEM, 1_000)
    assert tokens <= 1_000
    assert dropped > 0 and dropped % 4 == 0  # whole turns only
    questions = [m.text for m in kept if isinstance(m, HumanMessage)]
    assert questions[-2:] == ["scene 3?", "and scene 4?"] and "scene 1?" not in questions
    assert isinstance(kept[0], HumanMessage)  # no tool result is left without the call it answers
    assert kept[-3:] == messages[-3:]  # the current turn, its own tool result included, is never cut


def test_the_model_is_shown_the_trimmed_history_and_the_turn_reports_it(production: Production) -> None:
    """A 3,000-token window leaves 1,500 for the prompt and the tools offered: scene 11's full text
    (~1,100 tokens) is cut to fit in its own turn, shortened to 300 in the next, and the usage counts
    what was sent."""
    model = ScriptedChatModel(
        [
            tool_call("scene_details", {"scene": "11"}),
            AIMessage("Scene 11 is on the roof."),
            tool_call("scene_details", {"scene": "12"}, "call_2"),
            AIMessage("Scene 12 follows."),
        ]
    )
    agent = SlateAgent(production, model, ModelInfo("scripted", "fake"), context_tokens=3_000)  # type: ignore[arg-type]
    agent.ask("what happens in scene 11?", session="budget")
    # This turn: cut only as far as the window needs (a part of the scene, not none of it).
    first = str(model.seen[1][-1].content)
    assert count_tokens(first) > CURRENT_TOOL_RESULT_FLOOR and first.endswith("…[truncated]")
    second = agent.ask("and after that?", session="budget")
    model.assert_done()
    assert second.answer == "Scene 12 follows."
    shown = model.seen[-2]  # the second turn's first call: the whole first turn, its result shortened
    old_results = [m for m in shown if isinstance(m, ToolMessage) and m.tool_call_id == "call_1"]
    assert len(old_results) == 1
    assert count_tokens(str(old_results[0].content)) <= OLD_TOOL_RESULT_TOKENS
    assert any(isinstance(m, HumanMessage) and m.text == "what happens in scene 11?" for m in shown)
    for seen in model.seen:  # every call fits the window, room for the answer kept
        assert sum(count_tokens(m.text) for m in seen) <= 3_000 - ANSWER_RESERVE
    sent = sum(count_tokens(m.text) for m in model.seen[-2] + model.seen[-1])
    assert sent <= second.usage.prompt_tokens  # the report covers at least what the model saw
