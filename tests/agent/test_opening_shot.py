"""A director who says how a scene should open ("open on an insert of…", "第一個鏡頭要用 crane…") gets a
draft that opens on that shot, not a request to show a saved list nor that wish spread over every shot."""

from __future__ import annotations

import pytest

from agent.intents import understand
from agent.lexicon import Lexicon
from agent.skills.shot_lists import plan

LEXICON = Lexicon(scene_numbers=["1", "7", "12"], characters=["MEI"])


@pytest.mark.parametrize(
    ("text", "scene", "wanted"),
    [
        (
            "Draft the shots for scene 7, and open on an insert of the phone buzzing on the table.",
            "7",
            {"opening_size": "INSERT"},
        ),
        (
            "幫我拆第十二場，第一個鏡頭用 crane 由天橋頂降落街市。",
            "12",
            {"opening_movement": "crane/drone"},
        ),
        ("第一場分鏡麻煩你，開場鏡頭係200mm遠攝的士衝過紅燈。", "1", {"opening_lens_mm": 200}),
        ("第七場第一個鏡頭用 dolly 推入阿美。", "7", {"opening_movement": "dolly"}),  # no shot-list word
        (
            "Scene 7 shot list: we open on a close-up of the phone.",
            "7",
            {"opening_size": "CU"},
        ),  # "open" shows nothing
    ],
)
def test_the_opening_shot_is_asked_for_the_first_shot_only(
    text: str, scene: str, wanted: dict[str, object]
) -> None:
    u = understand(text, LEXICON)
    assert u.intent == "shot_list", text
    [draft] = plan(u, LEXICON)
    args = draft["args"]
    assert draft["name"] == "draft_shot_list" and args["scene"] == scene
    assert args["opening"] and all(args[k] == v for k, v in wanted.items())
    assert "wanted_size" not in args and "wanted_movement" not in args  # the wish is the opening's alone
