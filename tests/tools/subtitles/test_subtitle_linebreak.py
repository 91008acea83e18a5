"""Line breaking: English Netflix rules, Chinese at punctuation or word boundaries, never inside a word."""

from __future__ import annotations

import pytest

from tools.subtitles.linebreak import break_chinese, break_english, chinese_tokens, rebreak_text
from tools.subtitles.text import zh_width


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after punctuation
        (
            "Look Celia, we have to follow our passions now.",
            ["Look Celia,", "we have to follow our passions now."],
        ),
        # before a conjunction
        (
            "I packed the lenses and the batteries yesterday",
            ["I packed the lenses", "and the batteries yesterday"],
        ),
        # never between an article and its noun; never between first and last name
        (
            "Tell Inspector Lau that the van is waiting outside",
            ["Tell Inspector Lau that", "the van is waiting outside"],
        ),
        # fits on one line: one line
        ("Where were you last night?", ["Where were you last night?"]),
        # dual speakers keep one speaker a line
        ("-Are you coming?\n-In a minute.", ["-Are you coming?", "-In a minute."]),
    ],
)
def test_english_breaks(text: str, expected: list[str]) -> None:
    limit = 42 if text.startswith(("Look", "Where", "-")) else 30
    assert break_english(text, limit).lines == expected


def test_english_never_splits_article_or_name_pairs() -> None:
    for text in (
        "We met Mary Chan at the station on Sunday morning early",
        "She gave the director a copy of the script yesterday",
    ):
        lines = break_english(text, 32).lines
        assert len(lines) == 2
        first_end = lines[0].split()[-1].lower()
        assert first_end not in {"a", "an", "the", "mary"}


def test_english_overflow_is_reported() -> None:
    text = "word " * 30
    result = break_english(text, 42)
    assert result.overflow > 0 and len(result.lines) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # at punctuation first
        (
            "今晚我哋要喺天台拍攝，準備好所有燈光同埋器材",
            ["今晚我哋要喺天台拍攝，", "準備好所有燈光同埋器材"],
        ),
        # a space is a Hong Kong comma
        ("佢哋 好耐冇見 今晚一齊食飯啦好唔好呀", ["佢哋 好耐冇見", "今晚一齊食飯啦好唔好呀"]),
        # no punctuation: at a word boundary, and never inside 香港 or 中文大學
        ("我哋喺香港中文大學門口等你哋好耐㗎啦", ["我哋喺香港中文大學", "門口等你哋好耐㗎啦"]),
        # names in Latin letters stay whole
        ("我唔知點解佢哋要喺呢度等Peter Chan先生返嚟", ["我唔知點解佢哋要喺呢度", "等Peter Chan先生返嚟"]),
    ],
)
def test_chinese_breaks(text: str, expected: list[str]) -> None:
    result = break_chinese(text, 16)
    assert result.lines == expected
    assert result.overflow == 0
    assert all(zh_width(line) <= 16 for line in result.lines)


def test_chinese_lines_never_start_with_punctuation() -> None:
    for text in ("你講乜嘢呀？我聽唔到呀，大聲啲啦，唔該晒", "「我哋走啦。」佢話，然後就走咗去天台"):
        for line in break_chinese(text, 12).lines[1:]:
            assert line[0] not in "，。！？」、"


def test_cantonese_words_are_kept_whole() -> None:
    tokens = chinese_tokens("佢哋唔該晒你點解咁遲")
    assert "佢哋" in tokens and any(t.startswith("唔該") for t in tokens) and "點解" in tokens


def test_traditional_segmentation_matches_the_simplified_copy() -> None:
    assert chinese_tokens("我們學習了如何動畫簡單的角色") == [
        "我們",
        "學習",
        "了",
        "如何",
        "動畫",
        "簡單",
        "的",
        "角色",
    ]


def test_rebreak_keeps_language_runs_in_order() -> None:
    text = "我哋要喺落雨之前將所有器材搬上天台\nWe need to get all the equipment up to the roof before the rain starts."
    new, overflow = rebreak_text(text, {"zh": (16, 2), "en": (42, 2)}, judge_chinese=True)
    lines = new.split("\n")
    assert overflow == 0
    assert lines[:2] == ["我哋要喺落雨之前", "將所有器材搬上天台"]
    assert lines[2:] == ["We need to get all the equipment up", "to the roof before the rain starts."]
