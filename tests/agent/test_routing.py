"""Routing by meaning: the example bank, masking, and the word rules the router leans on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from agent.intents import _find_word, _shot_ids
from agent.lexicon import Lexicon, fold, has_cjk
from agent.routing import Router, SoftmaxClassifier, default_router, load_bank, mask

HELDOUT = Path(__file__).resolve().parents[1] / "heldout"


def test_every_route_has_examples_in_english_and_chinese() -> None:
    bank = load_bank()
    for label, examples in bank.items():
        assert len(examples) >= 8, label
        assert any(has_cjk(e) for e in examples), f"{label}: no Chinese example"
        assert any(not has_cjk(e) for e in examples), f"{label}: no English example"


def test_names_numbers_and_dates_are_masked() -> None:
    text = "is 阿輝 in scene 12a on 3 march?"
    spans = [(3, 5, "PERSON")]
    from agent.intents import _EN_DATE

    assert mask(fold(text), spans, patterns=(_EN_DATE,)) == "is PERSON in scene N on  DATE ?"
    assert mask("第十二場講咩", []) == "第N場講咩"


def test_the_bank_separates_its_routes_on_unseen_folds() -> None:
    """Five-fold cross-validation over the bank: a floor, printed for the record."""
    router = default_router()
    rng = np.random.default_rng(0)
    order = rng.permutation(len(router.labels))
    labels = np.array(router.labels)
    correct = 0
    for fold_index in np.array_split(order, 5):
        train = np.setdiff1d(order, fold_index)
        model = SoftmaxClassifier(router.matrix[train], list(labels[train]))
        for i in fold_index:
            probs = model.probabilities(router.matrix[i])
            correct += model.labels[int(np.argmax(probs))] == labels[i]
    rate = correct / len(labels)
    print(f"route bank: {len(labels)} examples, {len(set(router.labels))} routes, 5-fold accuracy {rate:.0%}")
    assert rate >= 0.7


@pytest.mark.parametrize(
    ("masked", "route"),
    [
        ("who plays PERSON?", "character_report"),
        ("PERSON係邊個演？", "character_report"),
        ("what's the longest scene?", "scene_rank"),
        ("邊個日薪最高？", "cast_rank"),
        ("book a table for the wrap party", "cannot"),
        ("第N場幾時拍？", "schedule_day"),
    ],
)
def test_routes_for_plain_requests(masked: str, route: str) -> None:
    assert default_router().route(masked).label == route


def test_the_bank_never_copies_a_heldout_question() -> None:
    """Held-out questions are never tuned to: none may appear in the bank, even masked alike."""
    files = sorted(HELDOUT.glob("*/questions.yaml"))
    if not files:
        pytest.skip("no held-out productions here")
    bank = {_loose(e) for examples in load_bank().values() for e in examples}
    for path in files:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            asks = case["ask"] if isinstance(case["ask"], list) else [case["ask"]]
            for ask in asks:
                masked = mask(fold(str(ask)), [])
                if len(masked.split()) < 8 and sum(map(has_cjk, masked)) < 12:
                    continue  # a stock request ("what happens in scene N?") is everyone's phrasing
                assert _loose(masked) not in bank, (
                    f"{path.parent.name}: a bank example copies a held-out question"
                )


# Phrasings every user writes the same way ("Plan the shoot", "Draft a shot list for scene 3") are
# the product's own examples, not held-out knowledge; anything longer must not appear in what Slate
# is built from.
# The issues' own examples ("drop 17A and make 17B handheld on a 24mm", "which of those are at night")
# were written before the held-out sets and are everyone's.
_STOCK = (
    "plan the shoot",
    "draft a shot list",
    "make me a shot list",
    "shot list for scene",
    "call sheet for day",
    "who has the most pages",
    "which is the longest scene",
    "and which of those are at",
    "which of those are at",
    "drop 17a and make 17b",
)


def test_no_heldout_question_is_written_into_slate() -> None:
    """Held-out questions are never tuned to: none appears in agent/ or knowledge/ code, their data
    files, or the planner goldens (a comment quoting one is how a fix for one phrasing starts)."""
    files = sorted(HELDOUT.glob("*/questions.yaml"))
    if not files:
        pytest.skip("no held-out productions here")
    root = HELDOUT.parents[1]
    sources = [
        p
        for pattern in (
            "agent/**/*.py",
            "knowledge/**/*.py",
            "agent/data/*",
            "knowledge/data/*",
            "tests/golden/agent/*",
        )
        for p in root.glob(pattern)
        if p.is_file()
    ]
    texts = {p: fold(p.read_text(encoding="utf-8", errors="ignore")) for p in sources}
    for path in files:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            asks = case["ask"] if isinstance(case["ask"], list) else [case["ask"]]
            for ask in asks:
                core = fold(str(ask)).strip(" ?？。.!！")
                if (len(core.split()) < 5 and sum(map(has_cjk, core)) < 8) or core.startswith(_STOCK):
                    continue
                for source, text in texts.items():
                    assert core not in text, f"{source.relative_to(root)} quotes held-out {case['id']}: {ask}"


def _loose(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def test_router_caches_its_vectors(tmp_path: Path) -> None:
    class Counting:
        name = "counting"
        calls = 0

        def embed_query(self, text: str) -> list[float]:
            Counting.calls += 1
            return [float(len(text) % 7), float(text.count(" ")), 1.0]

    bank = {"a": ["one two", "three four five"], "b": ["x", "yy"]}
    Router(Counting(), bank, cache_dir=tmp_path)
    first = Counting.calls
    Router(Counting(), bank, cache_dir=tmp_path)
    assert Counting.calls == first  # the second router read the cache
    assert list(tmp_path.glob("routes-*.npy"))


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        ("幫我出第七場嘅特寫", "寫", False),  # close-up is not "write"
        ("幫我寫一場新戲", "寫", True),
        ("有冇問題", "有冇問題", True),
        ("the lighting plan", "plan", True),
        ("the planner", "plan", False),
    ],
)
def test_words_match_where_a_word_starts(text: str, word: str, found: bool) -> None:
    assert (_find_word(fold(text), word) >= 0) is found


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("drop 12c", ["12C"]),
        ("on the 8th", []),
        ("a 24mm lens", []),
        ("at 3pm", []),
        ("7aa and 7ab", ["7AA", "7AB"]),
    ],
)
def test_ordinals_and_units_are_not_shot_ids(text: str, ids: list[str]) -> None:
    assert _shot_ids(text, Lexicon()) == ids


@pytest.mark.parametrize(
    "text",
    ["幫我規劃第三場嘅鏡頭，最後用特寫收尾。", "請為第三場設計鏡頭。", "第三場嘅鏡頭安排，開頭用全景。"],
)
def test_planning_a_scenes_shots_in_chinese_is_a_shot_list(text: str) -> None:
    """The verb of planning with 鏡頭 either side asks for shots, whatever the router's margin."""
    from agent.intents import understand

    assert understand(text, Lexicon(), route=False).intent == "shot_list"


def test_how_things_turn_out_at_a_place_is_no_scene_order() -> None:
    """最後 with a place and an outcome asked ("…最後點呀？") is "in the end", not the last scene."""
    from agent.intents import understand

    lexicon = Lexicon(locations={"球場": "FOOTBALL PITCH"}, scene_numbers=["1", "2", "3"])
    assert understand("球場場波最後點呀？", lexicon).intent == "search"
    assert understand("球場最後一場係邊場？", lexicon).intent == "scene_order"


def test_which_night_and_which_weekday_ask_when() -> None:
    from knowledge.answer_kinds import ASKS_WHEN

    for question in ("佢哋邊晚拍？", "哪一晚拍攝？", "只可以星期幾拍？", "禮拜幾開工？"):
        assert ASKS_WHEN.search(question), question


def test_several_rooms_of_a_place_named_span_the_place() -> None:
    from agent.intents import understand

    lexicon = Lexicon(
        locations={
            "fire station": "FIRE STATION",
            "消防局": "FIRE STATION",
            "mess hall": "mess hall",
            "garage": "garage",
        },
        rooms={"mess hall", "garage"},
        scene_numbers=["1", "2", "3"],
    )
    both = understand("消防局嘅戲有邊幾場？mess hall 同 garage 都計埋。", lexicon)
    assert both.locations[0] == "FIRE STATION"
    one = understand("消防局 garage 嘅戲有邊幾場？", lexicon)
    assert one.locations[0] == "garage"
