"""The one reader of scene numbers in free text: every form retrieval, the person's message, the
agent's content words and the breakdown's notes read, and what none of them may read as a scene."""

from __future__ import annotations

import pytest

from knowledge.scene_refs import scene_mentions, scene_numbers, strip_scene_mentions


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # English, as questions and notes write it
        ("what happens in scene 12?", ["12"]),
        ("Sc. 12A and SCENE ４", ["12A", "4"]),
        ("Sc. 7 needs rain", ["7"]),
        ("sc.7 and scn 9", ["7", "9"]),
        ("scene12", ["12"]),
        ("scenes 14", ["14"]),
        ("scene no. 12", ["12"]),
        ("scene number 12", ["12"]),
        ("scene #12", ["12"]),
        ("scene 12ab", ["12AB"]),
        ("Scene 07", ["7"]),
        ("ＳＣＥＮＥ　１２Ａ", ["12A"]),
        # lists
        ("Scenes 1 and 13", ["1", "13"]),
        ("Scenes 1 & 13", ["1", "13"]),
        ("(Scenes 2, 10, 12): 40mm on sticks", ["2", "10", "12"]),
        ("scenes 1, 2, and 13", ["1", "2", "13"]),
        ("Scenes 3 and 12A at night", ["3", "12A"]),
        ("Speaks in sc 2-4; silent in sc 8", ["2", "4", "8"]),  # without the script, a range's ends
        ("scenes 1, 2, & 13", ["1", "2", "13"]),
        ("scenes 3 or 4", ["3", "4"]),
        ("scenes #3 and #4", ["3", "4"]),
        # ranges, without the script: their two ends
        ("scenes 3 to 7", ["3", "7"]),
        ("Scenes 3 through 7", ["3", "7"]),
        ("sc 3 thru 7", ["3", "7"]),
        ("scenes 3–7", ["3", "7"]),
        ("第3至7場", ["3", "7"]),
        # Chinese
        ("第12場", ["12"]),
        ("第 12 場", ["12"]),
        ("第十二場講咩", ["12"]),
        ("第二十一場", ["21"]),
        ("第七場", ["7"]),
        ("第廿三場", ["23"]),
        ("第十二A場", ["12A"]),
        ("第１２場", ["12"]),
        ("第三景", ["3"]),
        ("12場同埋 sc 3", ["12", "3"]),
        ("12號場", ["12"]),
        ("場次12", ["12"]),
        ("場次：１２Ａ", ["12A"]),
        ("場號 9A", ["9A"]),
        ("第三場12點開工", ["3"]),
        ("第5場同 scene 3", ["5", "3"]),  # in the order written
    ],
)
def test_scene_numbers_in_every_form(text: str, numbers: list[str]) -> None:
    assert scene_numbers(text) == numbers


@pytest.mark.parametrize(
    "text",
    [
        "no scene here, 12 pages",
        "see p. 12 and page 14",
        "第12頁",
        "call 12:00, wrap 23:30",
        "scene 12:00",  # a clock, not a scene
        "scene 4/5",  # a date
        "12 scenes at night",  # a count
        "a scene 3 pages long",  # a length
        "1 2/8 pages",
        "obscene 12",
        "scene 12th",
        "Scene 5pm",
        "第一幕",  # an act
        "今年第一場雨",  # the first rain
        "共 2 場",  # a count
        "12場景",
        "12場地",
        "12號場租幾錢",  # 場租: a venue's hire
        "呢場12個臨記",
        "12月3日",
        "2024-05-12",
        "which scene?",
    ],
)
def test_what_is_not_a_scene(text: str) -> None:
    assert scene_numbers(text) == []


def test_a_list_stops_at_a_length_or_a_count() -> None:
    assert scene_numbers("Sc. 12 – 1 2/8") == ["12"]
    assert scene_numbers("Sc 12 1/8 pages") == ["12"]
    assert scene_numbers("scene 4 and 12 scenes at night") == ["4"]


def test_mentions_keep_their_span_in_the_text_as_given() -> None:
    text = "His tab (Scene 2) and the note (ＳＣＥＮＥ １９) and 第十二場"
    mentions = scene_mentions(text)
    assert [text[m.start : m.end] for m in mentions] == ["Scene 2", "ＳＣＥＮＥ １９", "第十二場"]
    assert [m.numbers for m in mentions] == [("2",), ("19",), ("12",)]
    ligature = "ﬁx in Scene 4"  # ﬁ folds to two letters: spans still point into the original
    [mention] = scene_mentions(ligature)
    assert ligature[mention.start : mention.end] == "Scene 4"


def test_known_numbers_filter_and_spell() -> None:
    known = ["1", "12A", "13"]
    assert scene_numbers("Scenes 1, 2 and 13", known=known) == ["1", "13"]
    assert scene_numbers("sc 12a", known=known) == ["12A"]
    assert scene_numbers("Scene 2 only", known=known) == []
    mentions = scene_mentions("Scene 2 rain; Scene 13 wind", known=known)
    assert [m.numbers for m in mentions] == [("13",)]


def test_bare_chinese_numbers_can_be_left_out() -> None:
    # 拍咗12場 is as likely "shot twelve scenes": notes read only 第12場.
    assert scene_numbers("拍咗12場") == ["12"]
    assert scene_mentions("拍咗12場")[0].bare
    assert scene_numbers("拍咗12場，第3場落雨", bare=False) == ["3"]


def test_strip_scene_mentions() -> None:
    assert strip_scene_mentions("what breaks in scene 12?") == "what breaks in  ?"
    assert strip_scene_mentions("Scenes 1 and 13 need rain") == "  need rain"
    assert strip_scene_mentions("第十二場有咩道具") == " 有咩道具"
    assert strip_scene_mentions("rain on p. 12", "") == "rain on p. 12"


KNOWN = ["1", "2", "3", "4", "5", "6", "7", "7A", "8", "12", "12A", "13"]  # in script order


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("scenes 3 to 5", ["3", "4", "5"]),
        ("scenes 3 through 5", ["3", "4", "5"]),
        ("scenes 3 thru 5", ["3", "4", "5"]),
        ("scene 3-5", ["3", "4", "5"]),
        ("scenes 3 – 5", ["3", "4", "5"]),
        ("scenes 7 to 8", ["7", "7A", "8"]),  # a lettered scene between its neighbours
        ("Scenes 12 to 13", ["12", "12A", "13"]),
        ("scenes 6 thru 7a", ["6", "7", "7A"]),
        ("scene 2, 4-5 and 8", ["2", "4", "5", "8"]),
        ("第3至5場", ["3", "4", "5"]),
        ("第3到5場", ["3", "4", "5"]),
        ("第3-5場", ["3", "4", "5"]),
        ("第3～5場", ["3", "4", "5"]),
        ("第 3 至 5 場", ["3", "4", "5"]),
        ("第三至五場", ["3", "4", "5"]),
        ("第十二至十三場", ["12", "12A", "13"]),
        ("第3至第5場", ["3", "4", "5"]),
        ("第12至12A場", ["12", "12A"]),
    ],
)
def test_a_range_takes_the_known_scenes_between_its_ends(text: str, numbers: list[str]) -> None:
    assert scene_numbers(text, known=KNOWN) == numbers
    assert scene_numbers(text, known=KNOWN, request=True) == numbers


def test_a_range_keeps_script_order_and_the_productions_spelling() -> None:
    assert scene_numbers("scenes 3 to 5", known=["1", "3", "5", "4"]) == ["3", "5", "4"]
    assert scene_numbers("scenes 7 to 8", known=["7", "7a", "8"]) == ["7", "7a", "8"]
    assert scene_numbers("scenes 7 to 3", known=KNOWN) == ["7", "3"]  # backwards: its ends
    assert scene_numbers("scenes 12 to 99", known=KNOWN) == ["12", "12A", "13"]
    # the scenes skill asks about one scene: a range that holds it names it
    assert scene_numbers("Sc 2-4: the whole scene is ADR", known=["3"], bare=False) == ["3"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("#12", ["12"]),
        ("what's in #7a?", ["7A"]),
        ("scene # 4", ["4"]),
        ("sequence 4", ["4"]),
        ("sequences 4 and 5", ["4", "5"]),
        ("scene 12A/12B", ["12A", "12B"]),
        ("scene 12/13/14", ["12", "13", "14"]),
        ("scene 12—13", ["12", "12A", "13"]),
        ("scene 7 pages?", ["7"]),
        ("scenes 3, 4 or 5", ["3", "4", "5"]),
        ("scene 99", ["99"]),  # not in the script: kept, so the answer can say so
        ("scenes 99 to 100", ["99", "100"]),
        ("12a場", ["12A"]),
        ("阿美有3場戲？", ["3"]),  # bare: the planner decides
        ("拍第3-5場要幾耐", ["3", "4", "5"]),
        ("sc12 and sc 13", ["12", "13"]),
    ],
)
def test_the_persons_request(text: str, numbers: list[str]) -> None:
    assert scene_numbers(text, known=KNOWN, request=True) == numbers


@pytest.mark.parametrize(
    "text",
    ["#12", "prop #3", "sequence 4", "scene 4/5", "scene 7 pages long"],
)
def test_request_only_forms_are_not_read_in_notes(text: str) -> None:
    assert scene_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    ["今年第一場雨", "共 2 場", "scene 12:00", "scene 5pm", "scene 12th", "scene 3.5", "12號場租幾錢"],
)
def test_what_is_not_a_scene_in_a_request_either(text: str) -> None:
    assert scene_numbers(text, known=KNOWN, request=True) == []


def test_a_dash_in_notes_is_a_sentences_dash_unless_it_is_a_range() -> None:
    assert scene_numbers("Scene 12 — 13 extras", known=KNOWN) == ["12"]
    assert scene_numbers("Scene 12 – 13 need rain", known=KNOWN) == ["12", "12A", "13"]
