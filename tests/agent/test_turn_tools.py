"""What a connected model is offered per turn: the candidate skills' tools, as compact schemas."""

from __future__ import annotations

import json

import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langchain_core.utils.function_calling import convert_to_openai_tool

from agent.lexicon import Lexicon
from agent.service import SYSTEM_PROMPT
from agent.toolkit import build_tools
from agent.turn_tools import ALWAYS, MAX_TOOLS, SKILL_TOOLS, compact_schema, schema_tokens, tools_for_turn
from knowledge.production import Production
from knowledge.tokens import count_tokens
from tests.agent.fakes import tool_call
from tests.agent.test_grounding import _heldout_lexicons
from tools.registry import all_tools


def test_every_skill_names_registered_tools() -> None:
    registered = set(all_tools())
    assert {name for names in SKILL_TOOLS.values() for name in names} <= registered
    assert set(ALWAYS) <= registered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which rooftop scenes are at night?", "find_scenes"),
        ("天台有邊幾場夜戲？", "find_scenes"),
        ("What happens in scene 12?", "scene_details"),
        ("第十二場講咩？", "scene_details"),
        ("Draft a shot list for scene 7", "draft_shot_list"),
        ("幫我出第二日嘅通告", "call_sheet"),
        ("Check the subtitles in rough_subtitles.zh-en.srt", "check_subtitles"),
    ],
)
def test_a_request_gets_a_handful_of_tools_including_its_own(
    production: Production, question: str, expected: str
) -> None:
    names = tools_for_turn([HumanMessage(question)], Lexicon.from_production(production))
    assert expected in names and "search_documents" in names
    assert len(names) <= MAX_TOOLS < len(all_tools())


def test_a_follow_up_keeps_the_previous_turns_tools(production: Production) -> None:
    lexicon = Lexicon.from_production(production)
    history = [
        HumanMessage("What happens in scene 12?"),
        tool_call("scene_details", {"scene": "12"}),
        ToolMessage("<tool-data>{}</tool-data>", tool_call_id="call_1"),
        AIMessage("A fight in the cha chaan teng."),
        HumanMessage("and what about Mei?"),
    ]
    assert "scene_details" in tools_for_turn(history, lexicon)


def test_compact_schemas_keep_every_argument_and_drop_the_rest() -> None:
    full = {t.name: convert_to_openai_tool(t) for t in build_tools(None)}  # type: ignore[arg-type]
    for name, spec in all_tools().items():
        compact = compact_schema(name)
        parameters = compact["function"]["parameters"]
        assert set(parameters["properties"]) == set(spec.args_model.model_fields)
        assert set(parameters.get("required", [])) == set(
            full[name]["function"]["parameters"].get("required", [])
        )
        text = json.dumps(compact)
        assert '"title"' not in text and '"default": null' not in text and '"type": "null"' not in text
        assert len(compact["function"]["description"]) <= 120
        assert schema_tokens([compact]) <= schema_tokens([full[name]]) + 1  # key order may cost one token
    compact_all = schema_tokens([compact_schema(n) for n in all_tools()])
    assert compact_all < schema_tokens(list(full.values())) * 0.6
    find = compact_schema("find_scenes")["function"]["parameters"]["properties"]
    assert find["time_of_day"] == {
        "type": "string",
        "enum": ["DAY", "NIGHT", "DAWN", "DUSK"],
        "description": "DAY, NIGHT, DAWN or DUSK.",
    }
    assert find["characters"]["type"] == "array" and find["characters"]["items"] == {"type": "string"}


@pytest.mark.slow
def test_every_heldout_question_fits_a_4k_window_with_room_to_answer() -> None:
    """Held-out questions as data (nothing tuned to them): the first request of each turn — system
    prompt, offered tools, question — leaves at least 1,024 tokens of a 4,096 window for tool results
    and the answer."""
    system = count_tokens(SYSTEM_PROMPT)
    worst = 0
    for lexicon, questions in _heldout_lexicons():
        for question in questions:
            names = tools_for_turn([HumanMessage(question)], lexicon)
            worst = max(
                worst, system + schema_tokens([compact_schema(n) for n in names]) + count_tokens(question)
            )
    assert worst <= 4096 - 1024 * 2


def test_scenes_where_someone_is_there_without_a_line(production: Production) -> None:
    from agent.intents import understand
    from agent.lexicon import Lexicon
    from tools.script_lookup import find_scenes

    silent = [r.number for r in find_scenes(production, characters=["細強"], speaking=False).scenes]
    speaking = [r.number for r in find_scenes(production, characters=["細強"], speaking=True).scenes]
    every = [r.number for r in find_scenes(production, characters=["細強"]).scenes]
    assert "18" in silent and "15" in speaking  # in 18 he is only in the action; in 15 he talks
    assert sorted(silent + speaking) == sorted(every)
    lexicon = Lexicon.from_production(production)
    for text in ("細強有邊幾場出場但冇對白？", "Which scenes is 細強 in without a line?"):
        u = understand(text, lexicon)
        assert (u.intent, u.characters, u.without, u.speaking) == ("find_scenes", ["SIU KEUNG"], [], False)
