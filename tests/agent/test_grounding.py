"""The grounding check on scripted answers: grounded, partly invented and invented, in English and Chinese.

The tool results are what a model reads (`<tool-data>` JSON); the answers are what models wrote, or
the kind of thing the tiny model invented in issue 20.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from agent.grounding import answer_claims, check_grounding, check_turn, route_kind
from agent.lexicon import Lexicon
from knowledge.production import Production
from tests.agent.fakes import tool_call

ROOFTOP_NIGHT = (
    "<tool-data>\n"
    + json.dumps(
        {
            "kind": "scenes",
            "scenes": [
                {
                    "number": "11",
                    "heading": "EXT. ROOFTOP - NIGHT",
                    "page": 15,
                    "characters": ["AH FAI", "FAT JAI"],
                },
                {
                    "number": "17",
                    "heading": "EXT. ROOFTOP - NIGHT",
                    "page": 25,
                    "characters": ["SIU KEUNG", "INSPECTOR LAU"],
                },
            ],
            "sources": [
                {"file": "night_shift.fountain", "scene": "11"},
                {"file": "night_shift.fountain", "scene": "17"},
            ],
        },
        ensure_ascii=False,
    )
    + "\n</tool-data>"
)
NAMES = [
    "AH FAI",
    "阿輝",
    "FAT JAI",
    "肥仔",
    "SIU KEUNG",
    "細強",
    "INSPECTOR LAU",
    "劉督察",
    "LAU",
    "MEI",
    "阿美",
]


@pytest.mark.parametrize(
    ("answer", "verdict", "unsupported"),
    [
        # grounded: every scene and name is in the result (or the cast list)
        ("Two rooftop night scenes: scene 11 (p. 15) with Ah Fai and Fat Jai, and scene 17.", "grounded", []),
        ("Scenes 11 and 17. Inspector Lau is on the roof in 17.", "grounded", []),
        # partly invented: a scene and a figure nobody returned
        (
            "Scenes 11, 17 and 23 are at night; the rooftop permit costs HK$48,000.",
            "partly_invented",
            ["scene 23", "48,000"],
        ),
        # invented: what SmolLM2 wrote in issue 20
        ("There is a scene called 'The Shining' by J.D. Salinger.", "invented", ["Shining", "J.D. Salinger"]),
    ],
)
def test_english_answers(answer: str, verdict: str, unsupported: list[str]) -> None:
    result = check_grounding(
        "production",
        [ROOFTOP_NIGHT],
        answer,
        question="Which rooftop scenes are at night?",
        known_names=NAMES,
    )
    assert result.verdict == verdict
    assert [c.text for c in result.unsupported] == unsupported
    assert result.shown_as_fact is (verdict == "grounded")


@pytest.mark.parametrize(
    ("answer", "verdict", "unsupported"),
    [
        ("天台夜戲有兩場：第11場（阿輝、肥仔）同第17場，劉督察都喺度。", "grounded", []),
        ("天台夜戲有第11場、第17場同第三十二場。", "partly_invented", ["第三十二場"]),
        ("天台夜戲係第45場，由張三豐主演。", "invented", ["第45場", "張三豐"]),
    ],
)
def test_chinese_answers(answer: str, verdict: str, unsupported: list[str]) -> None:
    result = check_grounding(
        "production", [ROOFTOP_NIGHT], answer, question="天台有邊幾場夜戲？", known_names=NAMES
    )
    assert result.verdict == verdict
    assert [c.text for c in result.unsupported] == unsupported


def test_a_production_question_answered_without_a_tool_call_is_invented_even_if_it_sounds_right() -> None:
    result = check_grounding(
        "production", [], "Scene 17 is on the rooftop at night.", question="Rooftop at night?"
    )
    assert result.verdict == "invented" and not result.tool_called
    assert check_grounding("production", [], "唔知呀。", question="天台有邊幾場夜戲？").verdict == "invented"


def test_free_writing_is_exempt_and_chat_needs_no_tool() -> None:
    written = check_grounding(
        "free_writing", [], "Logline: a cop and a triad kid share one rooftop, scene 99."
    )
    assert written.verdict == "model_written" and written.shown_as_fact
    assert check_grounding("chat", [], "You're welcome!").verdict == "grounded"
    assert check_grounding("chat", [], "Ask J.D. Salinger.").verdict == "invented"


def test_claims_are_scenes_names_titles_and_figures_not_grammar() -> None:
    claims = {
        (c.kind, c.text)
        for c in answer_claims("Night scenes: Scene 5 and 12A. “Night Shift” runs 95 minutes, says Mei.")
    }
    assert {
        ("scene", "scene 5"),
        ("scene", "scene 12A"),
        ("name", "Night Shift"),
        ("figure", "95"),
        ("name", "Mei"),
    } <= claims
    assert not any(text in ("Night", "Scene") for _, text in claims)
    assert {c.key for c in answer_claims("第十二場同第3場") if c.kind == "scene"} == {"12", "3"}
    # one-digit counts are the model counting a list it was given, not a claim
    assert not [c for c in answer_claims("There are 3 such scenes.") if c.kind == "figure"]


def test_route_kinds_follow_the_planners_intent() -> None:
    assert route_kind("find_scenes") == "production"
    assert route_kind("free_writing") == "free_writing"
    assert route_kind("thanks") == "chat"


def test_check_turn_reads_the_conversation(production: Production) -> None:
    lexicon = Lexicon.from_production(production)
    call = tool_call("find_scenes", {"location": "rooftop", "time_of_day": "NIGHT"})
    turn = [HumanMessage("天台有邊幾場夜戲？"), call, ToolMessage(ROOFTOP_NIGHT, tool_call_id="call_1")]
    assert check_turn(turn, AIMessage("第11場同第17場。"), lexicon).verdict == "grounded"
    assert check_turn(turn, AIMessage("第11場、第17場同第88場。"), lexicon).verdict == "partly_invented"
    # The same answer to a new question with no tool call of its own is not grounded.
    later = [*turn, AIMessage("第11場同第17場。"), HumanMessage("Which rooftop scenes are at night?")]
    assert check_turn(later, AIMessage("Scenes 11 and 17."), lexicon).verdict == "invented"
    # Free writing is labelled, not checked.
    writing = [HumanMessage("Write a logline for the film")]
    assert check_turn(writing, AIMessage("A cop and a kid, one roof."), lexicon).verdict == "model_written"


HELDOUT = Path(__file__).resolve().parents[1] / "heldout"
# What SmolLM2-135M answered when it never saw the tools (issue 20), and a Chinese counterpart.
TINY_MODEL_ANSWERS = (
    "There is a scene called 'The Shining' by J.D. Salinger, scene 3 on page 12.",
    "呢場戲係第四十五場，由張三豐同李小龍主演，拍咗 120 分鐘。",
)


def _heldout_lexicons() -> list[tuple[Lexicon, list[str]]]:
    from knowledge.sample_production import sample_files

    out = []
    for folder in sorted(p for p in HELDOUT.iterdir() if (p / "questions.yaml").is_file()):
        marker = folder / "production.txt"
        sample = marker.is_file() and marker.read_text(encoding="utf-8").strip() == "sample"
        files = {p.name: p for p in (sample_files().values() if sample else folder.iterdir())}
        script = next(
            p for _, p in sorted(files.items()) if p.suffix in (".fountain", ".fdx", ".docx", ".txt", ".pdf")
        )
        production = Production.from_files(
            script, cast=files.get("cast.csv"), locations=files.get("locations.csv"), name=folder.name
        )
        questions = []
        for item in yaml.safe_load((folder / "questions.yaml").read_text(encoding="utf-8")):
            questions.append(item["ask"][-1] if isinstance(item["ask"], list) else item["ask"])
        out.append((Lexicon.from_production(production), questions))
    return out


@pytest.mark.slow
def test_no_invented_answer_to_a_heldout_question_is_shown_unflagged() -> None:
    """Over every held-out question (data only: nothing is tuned to them), the tiny model's kind of
    answer, with no tool call, is either flagged (not shown as fact) or, for free writing, labelled."""
    shown = []
    for lexicon, questions in _heldout_lexicons():
        for question in questions:
            for answer in TINY_MODEL_ANSWERS:
                verdict = check_turn([HumanMessage(question)], AIMessage(answer), lexicon)
                if verdict.verdict == "grounded":
                    shown.append((question, answer))
    assert not shown


@pytest.mark.slow
def test_the_check_rarely_flags_answers_that_only_quote_the_tools(production: Production) -> None:
    """The offline planner's answers to the golden requests quote only tool results: as a model's
    answers they should pass. Measured 115 of 124 (the rest name what the planner computes: shot
    counts, percentages, the example questions of its help); the floor leaves room, not a target."""
    from agent.models import ModelInfo
    from agent.planner import OfflinePlanner
    from agent.service import SlateAgent

    planner = OfflinePlanner.for_production(production)
    agent = SlateAgent(production, planner, ModelInfo("offline", "offline planner"))
    cases = yaml.safe_load(
        (HELDOUT.parent / "golden" / "agent" / "planner_cases.yaml").read_text(encoding="utf-8")
    )
    verdicts = []
    for n, case in enumerate(cases):
        asks = case["ask"] if isinstance(case["ask"], list) else [case["ask"]]
        for ask in asks:
            agent.ask(ask, session=f"g{n}")
        messages = agent.history(f"g{n}")
        if not any(isinstance(m, ToolMessage) for m in messages):
            continue  # no tool call: nothing an answer could be grounded in
        verdicts.append(check_turn(messages[:-1], messages[-1], planner.lexicon).verdict)  # type: ignore[arg-type]
    passed = sum(v in ("grounded", "model_written") for v in verdicts)
    assert passed >= 0.85 * len(verdicts), f"{passed} of {len(verdicts)}"
