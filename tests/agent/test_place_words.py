"""A one-character place word (車, 街) names the place only as a word of its own, never as the end of
another word: 燈光車 is a lighting truck and 單車 a bicycle, not the picture car."""

from __future__ import annotations

import pytest

from agent.lexicon import Lexicon


@pytest.mark.parametrize("text", ["佢上咗架車", "喺車度等佢", "搭車去碼頭", "車入面講咩？"])
def test_a_place_word_of_its_own_names_the_place(text: str) -> None:
    lexicon = Lexicon(locations={"車": "PICTURE CAR"})
    assert [m.value for m in lexicon.find_locations(text, [])] == ["PICTURE CAR"], text


@pytest.mark.parametrize("text", ["要預燈光車同發電機", "佢踩單車返學", "叫架發電車嚟"])
def test_the_end_of_another_word_is_not_the_place(text: str) -> None:
    lexicon = Lexicon(locations={"車": "PICTURE CAR"})
    assert lexicon.find_locations(text, []) == [], text


def test_a_longer_place_name_matches_inside_text_as_before() -> None:
    lexicon = Lexicon(locations={"碼頭": "PIER"})
    assert [m.value for m in lexicon.find_locations("去咗坪洲碼頭", [])] == ["PIER"]
